/*!
Small text helpers every stage may use: dates as reports print them, and
the escaping of untrusted text for terminals, logs and spreadsheets.
Neutral ground: it imports nothing from the crate.

Every string that came from an input (topology values, certificate names, file
names, config values) goes through [`escape`] before a text format writes it, so
no control character, C1 control or bidirectional override reaches a terminal or a
CI log: they are shown as visible escapes (`\n`, `\u{1b}`, `\u{202e}`). Only
topocert's own colour codes are ever emitted. Source snippets keep their byte
positions through [`mask`]. A value that starts a line goes through
[`line_start`] as well, so no line of a text format begins with a workflow command
(`::error::…`) taken from an input; [`guard_lines`] is the last check on a whole
document. CSV cells go through [`csv_cell`] (no formula injection).
*/

use std::borrow::Cow;
use std::fmt::Write as _;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// RFC 3339 in UTC, e.g. `2026-06-01T00:00:00Z`.
pub fn timestamp(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

/// The date part, e.g. `2026-06-01`.
pub fn date(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

/// Whether `c` must not reach a terminal as it is: C0 and C1 controls, DEL, the
/// bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the
/// bidirectional marks and the Unicode line and paragraph separators.
pub fn is_hazard(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Untrusted text made safe for one line of a terminal or a log: every
/// [`is_hazard`] character becomes a visible escape (`\n`, `\r`, `\t`, otherwise
/// `\u{hex}`). Text without such characters is returned as it is.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hazard) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hazard(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether a line would be read as a CI workflow command (GitHub `::cmd`, the older
/// `##[cmd]`, Azure Pipelines `##vso[`) once leading white space is trimmed.
fn is_command_like(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("::") || t.starts_with("##")
}

/// [`escape`] for a value that begins a line: a value that would read as a workflow
/// command gets a leading `\`.
pub fn line_start(s: &str) -> Cow<'_, str> {
    let e = escape(s);
    if is_command_like(&e) {
        Cow::Owned(format!("\\{e}"))
    } else {
        e
    }
}

/// The last check on a text document: a line that would read as a workflow
/// command (a wrapped message may put an input's word first) gets a leading `\`.
/// Only the `github` format writes workflow commands, and it does not use this.
pub fn guard_lines(s: String) -> String {
    if !s.lines().any(is_command_like) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for line in s.split_inclusive('\n') {
        if is_command_like(line) {
            let indent = line.len() - line.trim_start().len();
            out.push_str(&line[..indent]);
            out.push('\\');
            out.push_str(&line[indent..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Source text for a snippet, with every byte position kept: each [`is_hazard`]
/// character other than tab and line breaks (CR only before LF) is replaced by a
/// visible character of the same UTF-8 length (`?`, `¿` or U+FFFD).
pub fn mask(s: &str) -> Cow<'_, str> {
    let hazard = |c: char, next: Option<char>| match c {
        '\t' | '\n' => false,
        '\r' => next != Some('\n'),
        c => is_hazard(c),
    };
    let mut chars = s.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if hazard(c, chars.peek().copied()) {
            any = true;
            break;
        }
    }
    if !any {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if hazard(c, chars.peek().copied()) {
            out.push(match c.len_utf8() {
                1 => '?',
                2 => '¿',
                _ => '\u{FFFD}',
            });
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A CSV cell's text made safe for spreadsheets: escaped as [`escape`] does, and a
/// value beginning with `=`, `+`, `-`, `@`, tab or CR (a formula to Excel, LibreOffice
/// and Google Sheets) gets a leading `'`, so it is shown as text (OWASP's advice).
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let e = escape(s);
    if risky {
        Cow::Owned(format!("'{e}"))
    } else {
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped_visibly() {
        let spoof = "\u{1b}[2J\u{1b}[H\u{1b}[32mNo findings\u{1b}[8m";
        assert_eq!(
            escape(spoof),
            "\\u{1b}[2J\\u{1b}[H\\u{1b}[32mNo findings\\u{1b}[8m"
        );
        assert_eq!(escape("a\nb\rc\td"), "a\\nb\\rc\\td");
        assert_eq!(escape("x\u{85}y\u{9b}z"), "x\\u{85}y\\u{9b}z");
        assert_eq!(escape("\u{202e}cer.exe"), "\\u{202e}cer.exe");
        assert_eq!(escape("\u{2066}a\u{2069}"), "\\u{2066}a\\u{2069}");
        assert_eq!(escape("\u{7f}"), "\\u{7f}");
        assert!(matches!(escape("fe01.contoso.local é"), Cow::Borrowed(_)));
        assert!(matches!(escape("C:\\certs\\a.cer"), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_never_start_with_a_workflow_command() {
        assert_eq!(line_start("::error::x"), "\\::error::x");
        assert_eq!(line_start("##[error]x"), "\\##[error]x");
        assert_eq!(line_start("fe01.contoso.local"), "fe01.contoso.local");
        let doc = "ok\n  ::add-mask::secret\n::error::x\nend".to_string();
        assert_eq!(
            guard_lines(doc),
            "ok\n  \\::add-mask::secret\n\\::error::x\nend"
        );
        assert_eq!(guard_lines("a: b::c\n".into()), "a: b::c\n");
    }

    #[test]
    fn masks_keep_byte_positions() {
        let s = "a\u{1b}b\u{85}c\u{202e}d\te\r\nf\rg";
        let m = mask(s);
        assert_eq!(m.len(), s.len());
        assert_eq!(m, "a?b¿c\u{FFFD}d\te\r\nf?g");
        assert!(matches!(mask("a\tb\r\nc\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_cells_are_not_formulas() {
        for f in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_cell(f).starts_with('\''), "{f}");
        }
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("fe01.contoso.local"), "fe01.contoso.local");
        assert_eq!(csv_cell("a\nb"), "a\\nb");
    }

    #[test]
    fn dates() {
        let t = time::macros::datetime!(2026-06-01 02:00 +02:00);
        assert_eq!(timestamp(t), "2026-06-01T00:00:00Z");
        assert_eq!(date(t), "2026-06-01");
    }
}
