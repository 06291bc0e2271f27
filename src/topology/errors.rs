/*!
How a topology that cannot be read is reported: the located error, and the wording
of XML, entity and attribute problems (quick-xml positions are made file offsets).
*/

use super::t;

use std::ops::Range;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, SourceCode};
use quick_xml::events::BytesStart;
use quick_xml::events::attributes::AttrError;

use super::parse::Parser;
use crate::source::SourceFile;

/// The document cannot be read as a topology. Always located in the source.
#[derive(Debug)]
pub struct TopologyError {
    pub src: Arc<SourceFile>,
    pub span: Range<usize>,
    pub message: String,
    pub label: String,
    pub help: String,
}

impl TopologyError {
    pub(super) fn new(
        src: &Arc<SourceFile>,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        TopologyError {
            src: Arc::clone(src),
            span,
            message: message.into(),
            label: label.into(),
            help: help.into(),
        }
    }

    /// `path:line:col`
    pub fn position(&self) -> String {
        let (line, col) = self.src.line_col(self.span.start);
        format!("{}:{line}:{col}", self.src.name())
    }
}

impl std::fmt::Display for TopologyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.position(), self.message)
    }
}

impl std::error::Error for TopologyError {}

impl Diagnostic for TopologyError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("topocert::topology"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let len = self.span.end.saturating_sub(self.span.start);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(self.label.clone()), (self.span.start, len)),
        )))
    }
}

impl Parser<'_> {
    pub(super) fn err(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> TopologyError {
        TopologyError::new(
            self.src,
            span,
            message,
            label,
            t!("errors-topology-help-xml"),
        )
    }

    /// For errors at the very start of a file: when the file does not look like
    /// XML at all, say that it is not a topology.
    pub(super) fn not_topology_or(
        &self,
        span: Range<usize>,
        message: String,
        label: &str,
    ) -> TopologyError {
        if self.format.is_none() {
            TopologyError::new(
                self.src,
                span,
                t!("errors-topology-not-topology", message = message),
                label,
                t!("errors-topology-help-not-topology"),
            )
        } else {
            self.err(span, message, label)
        }
    }

    pub(super) fn entity_error(&self, span: Range<usize>, name: &str) -> TopologyError {
        if let Some(number) = name.strip_prefix('#') {
            let message = match char_ref_value(number) {
                Some(v) => t!(
                    "errors-topology-char-ref-forbidden",
                    name = name,
                    code = format!("{v:04X}")
                ),
                None => t!("errors-topology-char-ref-invalid", name = name),
            };
            return TopologyError::new(
                self.src,
                span,
                message,
                t!("errors-topology-label-forbidden-char"),
                t!("errors-topology-help-char-ref"),
            );
        }
        TopologyError::new(
            self.src,
            span,
            t!("errors-topology-undefined-entity", name = name),
            t!("errors-topology-label-undefined-entity"),
            t!("errors-topology-help-undefined-entity"),
        )
    }

    pub(super) fn xml_error(&self, e: &quick_xml::Error, at: usize) -> TopologyError {
        use quick_xml::errors::{IllFormedError, SyntaxError};
        let at = at.min(self.text.len());
        let here = || t!("errors-label-here");
        let (message, label) = match e {
            quick_xml::Error::Syntax(s) => match s {
                SyntaxError::UnclosedTag => (
                    t!("errors-topology-unclosed-tag"),
                    t!("errors-topology-label-expected", what = ">"),
                ),
                SyntaxError::UnclosedComment => (
                    t!("errors-topology-unclosed-comment"),
                    t!("errors-topology-label-expected", what = "-->"),
                ),
                SyntaxError::UnclosedCData => (
                    t!("errors-topology-unclosed-cdata"),
                    t!("errors-topology-label-expected", what = "]]>"),
                ),
                SyntaxError::UnclosedDoctype => (
                    t!("errors-topology-unclosed-doctype"),
                    t!("errors-topology-label-expected", what = ">"),
                ),
                SyntaxError::UnclosedDoubleQuotedAttributeValue => (
                    t!("errors-topology-unclosed-value"),
                    t!("errors-topology-label-expected", what = "\""),
                ),
                SyntaxError::UnclosedSingleQuotedAttributeValue => (
                    t!("errors-topology-unclosed-value"),
                    t!("errors-topology-label-expected", what = "'"),
                ),
                SyntaxError::InvalidBangMarkup => (t!("errors-topology-invalid-bang"), here()),
                SyntaxError::UnclosedPI | SyntaxError::UnclosedXmlDecl => (
                    t!("errors-topology-unclosed-pi"),
                    t!("errors-topology-label-expected", what = "?>"),
                ),
            },
            quick_xml::Error::IllFormed(i) => match i {
                IllFormedError::MismatchedEndTag { expected, found } => (
                    t!(
                        "errors-topology-mismatched-end-tag",
                        found = found.as_str(),
                        expected = expected.as_str()
                    ),
                    t!(
                        "errors-topology-label-expected",
                        what = format!("</{expected}>")
                    ),
                ),
                IllFormedError::UnmatchedEndTag(name) => (
                    t!("errors-topology-unmatched-end-tag", name = name.as_str()),
                    t!("errors-topology-label-unexpected-closing-tag"),
                ),
                IllFormedError::MissingEndTag(name) => (
                    t!("errors-topology-missing-end-tag", name = name.as_str()),
                    t!(
                        "errors-topology-label-expected",
                        what = format!("</{name}>")
                    ),
                ),
                other => (
                    t!("errors-topology-malformed-xml", reason = other.to_string()),
                    here(),
                ),
            },
            quick_xml::Error::InvalidAttr(a) => (
                t!(
                    "errors-topology-malformed-attribute",
                    reason = a.to_string()
                ),
                here(),
            ),
            quick_xml::Error::Escape(esc) => (
                t!("errors-topology-bad-reference", reason = esc.to_string()),
                here(),
            ),
            other => (
                t!("errors-topology-malformed-xml", reason = other.to_string()),
                here(),
            ),
        };
        self.not_topology_or(at..at, message, &label)
    }

    /// A malformed attribute of `e`, located at the attribute itself: quick-xml gives
    /// positions relative to the start of the tag's content (just after `<`).
    pub(super) fn attr_error(&self, e: &BytesStart<'_>, err: &AttrError) -> TopologyError {
        let content = e.as_ref();
        let tag_start = (content.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        let tag = tag_name_of(e);
        let tag = tag.as_str();
        let (pos, message, label) = match err {
            AttrError::ExpectedEq(p) => (
                *p,
                t!("errors-topology-attr-expected-eq", tag = tag),
                t!("errors-topology-label-attr-expected-eq"),
            ),
            AttrError::ExpectedValue(p) => (
                *p,
                t!("errors-topology-attr-expected-value", tag = tag),
                t!("errors-topology-label-attr-expected-value"),
            ),
            AttrError::UnquotedValue(p) => (
                *p,
                t!("errors-topology-attr-unquoted", tag = tag),
                t!("errors-topology-label-attr-unquoted"),
            ),
            AttrError::ExpectedQuote(p, q) => (
                *p,
                t!(
                    "errors-topology-attr-unclosed-quote",
                    tag = tag,
                    quote = char::from(*q).to_string()
                ),
                t!(
                    "errors-topology-label-expected",
                    what = char::from(*q).to_string()
                ),
            ),
            AttrError::Duplicated(p, _) => {
                let name = content
                    .get(*p..)
                    .and_then(|rest| rest.split(|c: char| c == '=' || c.is_whitespace()).next())
                    .map(str::to_string)
                    .unwrap_or_default();
                (
                    *p,
                    t!("errors-topology-attr-duplicated", name = name, tag = tag),
                    t!("errors-topology-label-attr-duplicated"),
                )
            }
        };
        let at = if tag_start <= self.text.len() {
            (tag_start + pos).min(self.text.len())
        } else {
            0
        };
        // Underline the name or value found there (at least one character).
        let rest = self.text.get(at..).unwrap_or("");
        let len = rest
            .find(|c: char| c == '=' || c.is_whitespace() || c == '>' || c == '/')
            .filter(|n| *n > 0)
            .unwrap_or_else(|| rest.chars().next().map_or(0, char::len_utf8));
        self.err(at..at + len, message, label)
    }
}

/// The first non-predefined entity name in an attribute value (for messages).
pub(super) fn entity_name(s: &str) -> String {
    for part in s.split('&').skip(1) {
        let name = part.split(';').next().unwrap_or(part);
        if !matches!(name, "lt" | "gt" | "amp" | "apos" | "quot") && !name.starts_with('#') {
            return name.to_string();
        }
    }
    s.split('&')
        .nth(1)
        .and_then(|p| p.split(';').next())
        .unwrap_or("")
        .to_string()
}

/// The qualified name of a start tag (for messages).
pub(super) fn tag_name_of(e: &BytesStart<'_>) -> String {
    e.name().as_ref().to_string()
}

/// The qualified name of the start tag at `span` (for messages).
pub(super) fn tag_name(text: &str, span: &Range<usize>) -> String {
    let tag = text.get(span.start + 1..span.end).unwrap_or("");
    tag.split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_string()
}

/// The number of a character reference's `#…` part (`#0`, `#x1B`), if it is one.
pub(super) fn char_ref_value(number: &str) -> Option<u32> {
    match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => number.parse().ok(),
    }
}

/// Whether XML 1.0 allows `c` in a document (the `Char` production).
pub(super) fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// The first character reference in `raw` that stands for a character XML
/// forbids, or is no character at all (its name, `#0`), for the message.
pub(super) fn forbidden_char_ref(raw: &str) -> Option<String> {
    raw.split('&').skip(1).find_map(|part| {
        let name = part.split(';').next()?;
        let number = name.strip_prefix('#')?;
        let ok = char_ref_value(number)
            .and_then(char::from_u32)
            .is_some_and(|c| c != '\u{0}' && is_xml_char(c));
        (!ok).then(|| name.to_string())
    })
}
