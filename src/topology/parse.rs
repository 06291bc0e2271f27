/*!
One streaming pass of quick-xml over the decoded text, matching local names (the
published schema redeclares default namespaces on role elements, and `.tbxml` mixes
several). quick-xml does not report a document truncated after a complete inner
tag, two root elements or text before the root, so a tag stack of our own checks
those. DOCTYPE declarations are passed over and never expanded; entity references
other than the five predefined ones and character references are errors.
*/

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, SourceCode};
use quick_xml::Reader;
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event};

use super::{Cluster, FqdnSource, Machine, Reference, Service, Site, Topology, TopologyFormat};
use crate::fqdn::Fqdn;
use crate::source::SourceFile;

/// Deepest element nesting accepted; real exports nest fewer than 12 levels.
pub const DEFAULT_MAX_DEPTH: usize = 256;

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
    fn new(
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

/// Elements the parser cares about; everything else is `Other` and ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Topology,
    TopologyBuilder,
    OldTopology,
    InternalDomains,
    InternalDomain,
    CentralSite,
    BranchSite,
    Name,
    Cluster,
    ClusterId,
    Machine,
    SqlInstance,
    SqlInstanceId,
    Service,
    ServiceId,
    DependsOn,
    Dependency,
    InstalledOn,
    RegistrarService,
    WebService,
    InternalSettings,
    ExternalSettings,
    WebComponents,
    Component,
    Other,
}

impl Tag {
    fn from_local(name: &str) -> Tag {
        match name {
            "Topology" => Tag::Topology,
            "TopologyBuilder" => Tag::TopologyBuilder,
            "OldTopology" => Tag::OldTopology,
            "InternalDomains" => Tag::InternalDomains,
            "InternalDomain" => Tag::InternalDomain,
            "CentralSite" => Tag::CentralSite,
            "BranchSite" | "RemoteSite" => Tag::BranchSite,
            "Name" => Tag::Name,
            "Cluster" => Tag::Cluster,
            "ClusterId" => Tag::ClusterId,
            "Machine" => Tag::Machine,
            "SqlInstance" => Tag::SqlInstance,
            "SqlInstanceId" => Tag::SqlInstanceId,
            "Service" => Tag::Service,
            "ServiceId" => Tag::ServiceId,
            "DependsOn" => Tag::DependsOn,
            "Dependency" => Tag::Dependency,
            "InstalledOn" => Tag::InstalledOn,
            "RegistrarService" => Tag::RegistrarService,
            "WebService" => Tag::WebService,
            "InternalSettings" => Tag::InternalSettings,
            "ExternalSettings" => Tag::ExternalSettings,
            "WebComponents" => Tag::WebComponents,
            "Component" => Tag::Component,
            _ => Tag::Other,
        }
    }
}

struct Frame {
    tag: Tag,
    /// Span of the start tag.
    span: Range<usize>,
}

/// An attribute value with the byte span of the value in the source.
struct Attr {
    value: String,
    span: Range<usize>,
}

struct Parser<'a> {
    src: &'a Arc<SourceFile>,
    text: &'a str,
    format: Option<TopologyFormat>,
    stack: Vec<Frame>,
    skip_below: Option<usize>,
    default_domain: Option<String>,
    internal_domains: Vec<String>,
    sites: Vec<Site>,
    /// Index into `sites` of each open site element.
    site_stack: Vec<usize>,
    clusters: Vec<Cluster>,
    /// Machine `Fqdn` attributes as written, before resolution: (cluster, machine) → value.
    raw_machine_fqdn: Vec<Vec<Option<Attr>>>,
    cluster: Option<usize>,
    services: Vec<Service>,
    service: Option<usize>,
    sql_instances: HashMap<String, usize>,
    name_text: Option<String>,
    root_span: Range<usize>,
    /// The attributes of the element being opened, read once: (local name, raw
    /// value) as byte ranges of the text.
    attrs: Vec<(Range<usize>, Range<usize>)>,
}

/// Parse a decoded topology with the default nesting limit.
pub fn parse(src: &Arc<SourceFile>) -> Result<Topology, TopologyError> {
    parse_with_limits(src, DEFAULT_MAX_DEPTH)
}

/// Parse a decoded topology, refusing element nesting deeper than `max_depth`.
pub fn parse_with_limits(
    src: &Arc<SourceFile>,
    max_depth: usize,
) -> Result<Topology, TopologyError> {
    let mut p = Parser {
        src,
        text: src.text(),
        format: None,
        stack: Vec::new(),
        skip_below: None,
        default_domain: None,
        internal_domains: Vec::new(),
        sites: Vec::new(),
        site_stack: Vec::new(),
        clusters: Vec::new(),
        raw_machine_fqdn: Vec::new(),
        cluster: None,
        services: Vec::new(),
        service: None,
        sql_instances: HashMap::new(),
        name_text: None,
        root_span: 0..0,
        attrs: Vec::new(),
    };
    p.run(max_depth)?;
    Ok(p.finish())
}

const HELP_XML: &str = "the file is not well-formed XML; re-export it with `Get-CsTopology -AsXml` or save it again from Topology Builder";

impl<'a> Parser<'a> {
    fn err(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> TopologyError {
        TopologyError::new(self.src, span, message, label, HELP_XML)
    }

    fn run(&mut self, max_depth: usize) -> Result<(), TopologyError> {
        let mut reader = Reader::from_str(self.text);
        let cfg = reader.config_mut();
        cfg.check_end_names = true;
        cfg.expand_empty_elements = false;
        let mut root_done = false;
        loop {
            let before = reader.buffer_position() as usize;
            let event = match reader.read_event() {
                Ok(ev) => ev,
                Err(e) => return Err(self.xml_error(&e, reader.error_position() as usize)),
            };
            let after = reader.buffer_position() as usize;
            let span = before..after;
            match event {
                Event::Start(e) | Event::Empty(e) if root_done => {
                    let _ = e;
                    return Err(self.err(
                        span,
                        "a second root element follows the end of the document",
                        "expected the end of the document",
                    ));
                }
                Event::Start(e) => {
                    if self.stack.len() >= max_depth {
                        return Err(self.err(
                            span,
                            format!("elements are nested deeper than {max_depth} levels"),
                            format!("level {}", self.stack.len() + 1),
                        ));
                    }
                    let tag = self.open(&e, span.clone())?;
                    self.stack.push(Frame { tag, span });
                }
                Event::Empty(e) => {
                    let tag = self.open(&e, span.clone())?;
                    self.stack.push(Frame { tag, span });
                    self.close();
                    root_done = self.stack.is_empty();
                }
                Event::End(_) => {
                    if self.stack.is_empty() {
                        return Err(self.err(
                            span,
                            "a closing tag without an opening tag",
                            "unexpected closing tag",
                        ));
                    }
                    self.close();
                    root_done = self.stack.is_empty();
                }
                Event::Text(t) => {
                    let raw: &str = &t;
                    if self.stack.is_empty() {
                        if let Some(i) = raw.bytes().position(|b| !b.is_ascii_whitespace()) {
                            let at = before + i;
                            let what = if root_done {
                                "after the end"
                            } else {
                                "before the root element"
                            };
                            return Err(self.not_topology_or(
                                at..at + 1,
                                format!("text {what} of the document"),
                                "unexpected text",
                            ));
                        }
                    } else if let Some(name) = self.name_text.as_mut() {
                        name.push_str(raw);
                    }
                }
                Event::CData(t) => {
                    if self.stack.is_empty() {
                        return Err(self.err(
                            span,
                            "character data outside the root element",
                            "unexpected CDATA",
                        ));
                    }
                    if let Some(name) = self.name_text.as_mut() {
                        name.push_str(&t);
                    }
                }
                Event::GeneralRef(r) => {
                    if self.stack.is_empty() {
                        return Err(self.err(
                            span,
                            "an entity reference outside the root element",
                            "unexpected reference",
                        ));
                    }
                    let resolved =
                        resolve_reference(&r).ok_or_else(|| self.entity_error(span.clone(), &r))?;
                    if let Some(name) = self.name_text.as_mut() {
                        name.push(resolved);
                    }
                }
                Event::Eof => {
                    if let Some(open) = self.stack.last() {
                        let name = tag_name(self.text, &open.span);
                        let (line, _) = self.src.line_col(open.span.start);
                        // Point just after the last text, not past the final line
                        // break: a label on the empty last line is not rendered.
                        let end = self.text.trim_end().len();
                        return Err(self.err(
                            end..end,
                            format!("the document ends before `<{name}>` (opened on line {line}) is closed; the file is truncated"),
                            format!("expected `</{name}>`"),
                        ));
                    }
                    if !root_done {
                        return Err(self.not_topology_or(
                            0..0,
                            "the file holds no XML element".into(),
                            "expected `<Topology>` or `<TopologyBuilder>`",
                        ));
                    }
                    return Ok(());
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
    }

    /// For errors at the very start of a file: when the file does not look like
    /// XML at all, say that it is not a topology.
    fn not_topology_or(&self, span: Range<usize>, message: String, label: &str) -> TopologyError {
        if self.format.is_none() {
            TopologyError::new(
                self.src,
                span,
                format!("not a topology document: {message}"),
                label,
                "expected an exported Lync Server / Skype for Business topology: the XML written by `Get-CsTopology -AsXml` or a Topology Builder `.tbxml` file",
            )
        } else {
            self.err(span, message, label)
        }
    }

    fn entity_error(&self, span: Range<usize>, name: &str) -> TopologyError {
        TopologyError::new(
            self.src,
            span,
            format!(
                "the entity reference `&{name};` is not one of the five XML entities and is never expanded"
            ),
            "undefined entity",
            "topology exports never use custom entities; remove the DOCTYPE and the reference, or re-export the topology",
        )
    }

    fn xml_error(&self, e: &quick_xml::Error, at: usize) -> TopologyError {
        use quick_xml::errors::{IllFormedError, SyntaxError};
        let at = at.min(self.text.len());
        let (message, label) = match e {
            quick_xml::Error::Syntax(s) => match s {
                SyntaxError::UnclosedTag => (
                    "the file ends inside a tag; it is truncated".to_string(),
                    "expected `>`".to_string(),
                ),
                SyntaxError::UnclosedComment => {
                    ("a comment is never closed".into(), "expected `-->`".into())
                }
                SyntaxError::UnclosedCData => (
                    "a CDATA section is never closed".into(),
                    "expected `]]>`".into(),
                ),
                SyntaxError::UnclosedDoctype => (
                    "the DOCTYPE declaration is never closed".into(),
                    "expected `>`".into(),
                ),
                SyntaxError::UnclosedPI | SyntaxError::UnclosedXmlDecl => (
                    "a processing instruction is never closed".into(),
                    "expected `?>`".into(),
                ),
                other => (format!("XML syntax error: {other}"), "here".into()),
            },
            quick_xml::Error::IllFormed(i) => match i {
                IllFormedError::MismatchedEndTag { expected, found } => (
                    format!(
                        "closing tag `</{found}>` does not match the open element `<{expected}>`"
                    ),
                    format!("expected `</{expected}>`"),
                ),
                IllFormedError::UnmatchedEndTag(name) => (
                    format!("closing tag `</{name}>` has no opening tag"),
                    "unexpected closing tag".into(),
                ),
                IllFormedError::MissingEndTag(name) => (
                    format!("`<{name}>` is never closed"),
                    format!("expected `</{name}>`"),
                ),
                other => (format!("malformed XML: {other}"), "here".into()),
            },
            quick_xml::Error::InvalidAttr(a) => {
                (format!("malformed attribute: {a}"), "here".into())
            }
            quick_xml::Error::Escape(esc) => (
                format!("bad character or entity reference: {esc}"),
                "here".into(),
            ),
            other => (format!("malformed XML: {other}"), "here".into()),
        };
        self.not_topology_or(at..at, message, &label)
    }

    fn open(&mut self, e: &BytesStart<'_>, span: Range<usize>) -> Result<Tag, TopologyError> {
        let tag = Tag::from_local(e.local_name().as_ref());
        if self.stack.is_empty() {
            // Point at `<Topology`, not the whole (long) start tag.
            let name_len = e.name().as_ref().len();
            self.root_span = span.start..(span.start + 1 + name_len).min(span.end);
            self.format = match tag {
                Tag::Topology => Some(TopologyFormat::Published),
                Tag::TopologyBuilder => Some(TopologyFormat::TopologyBuilder),
                _ => {
                    let name = e.name().as_ref().to_string();
                    return Err(TopologyError::new(
                        self.src,
                        span,
                        format!("not a topology document: the root element is `<{name}>`"),
                        "expected `<Topology>` or `<TopologyBuilder>`",
                        "pass the XML written by `Get-CsTopology -AsXml` (or `Export-CsConfiguration`) or a Topology Builder `.tbxml` file",
                    ));
                }
            };
        }
        // Every attribute of every element, not only those read below: `attr` stops
        // at the first match, so a duplicate after it (`Fqdn="a" Fqdn="b"`) or a
        // malformed attribute on an ignored element would pass unseen.
        self.attrs.clear();
        for a in e.attributes() {
            let a = a.map_err(|err| self.attr_error(e, &err))?;
            let key = self.range_of(a.key.local_name().as_ref().as_bytes());
            let value = self.range_of(a.value.as_bytes());
            self.attrs.push((key, value));
        }
        if self.skip_below.is_some() {
            return Ok(Tag::Other);
        }
        let parent = self.stack.last().map(|f| f.tag);
        let grandparent = self
            .stack
            .len()
            .checked_sub(2)
            .and_then(|i| self.stack.get(i))
            .map(|f| f.tag);
        match tag {
            Tag::OldTopology => {
                // Topology Builder keeps the previously published topology here; only
                // the new one is what the planner is about to publish.
                self.skip_below = Some(self.stack.len());
            }
            Tag::InternalDomains => {
                if let Some(a) = self.attr(e, "DefaultDomain")? {
                    self.default_domain = Some(a.value);
                }
            }
            Tag::InternalDomain => {
                if let Some(a) = self.attr(e, "Name")? {
                    self.internal_domains.push(a.value);
                }
            }
            Tag::CentralSite | Tag::BranchSite => {
                let id = self.attr(e, "SiteId")?.map(|a| a.value).unwrap_or_default();
                self.sites.push(Site { id, name: None });
                self.site_stack.push(self.sites.len() - 1);
            }
            Tag::Name if matches!(parent, Some(Tag::CentralSite | Tag::BranchSite)) => {
                self.name_text = Some(String::new());
            }
            Tag::Cluster => {
                let fqdn = self.attr(e, "Fqdn")?;
                let key = self
                    .attr(e, "UniqueId")?
                    .map(|a| a.value.to_ascii_lowercase());
                let site_id = self
                    .site_stack
                    .last()
                    .and_then(|i| self.sites.get(*i))
                    .map(|s| s.id.clone());
                self.clusters.push(Cluster {
                    key,
                    site_id,
                    fqdn: fqdn.as_ref().map(|a| Fqdn::new(a.value.trim())),
                    fqdn_qualified_from: None,
                    fqdn_span: fqdn.map(|a| a.span),
                    span,
                    machines: Vec::new(),
                });
                self.raw_machine_fqdn.push(Vec::new());
                self.cluster = Some(self.clusters.len() - 1);
            }
            Tag::ClusterId => {
                let site = self.attr(e, "SiteId")?.map(|a| a.value).unwrap_or_default();
                let number = self.attr(e, "Number")?.map(|a| a.value).unwrap_or_default();
                let key = format!("{site}:{number}");
                match (parent, grandparent) {
                    (Some(Tag::Cluster), _) => {
                        if let Some(c) = self.cluster.and_then(|i| self.clusters.get_mut(i)) {
                            c.key = Some(key);
                            c.site_id = Some(site);
                        }
                    }
                    (Some(Tag::InstalledOn), _)
                    | (Some(Tag::SqlInstanceId), Some(Tag::InstalledOn)) => {
                        if let Some(s) = self.service.and_then(|i| self.services.get_mut(i)) {
                            s.installed_on = Some(Reference { key, span });
                        }
                    }
                    _ => {}
                }
            }
            Tag::Machine => {
                if let Some(ci) = self.cluster {
                    let fqdn = self.attr(e, "Fqdn")?;
                    if let (Some(c), Some(raw)) =
                        (self.clusters.get_mut(ci), self.raw_machine_fqdn.get_mut(ci))
                    {
                        c.machines.push(Machine {
                            fqdn: None,
                            fqdn_source: FqdnSource::Machine,
                            span,
                            fqdn_span: fqdn.as_ref().map(|a| a.span.clone()),
                        });
                        raw.push(fqdn);
                    }
                }
            }
            Tag::SqlInstance => {
                if let (Some(ci), Some(id)) = (self.cluster, self.attr(e, "UniqueId")?) {
                    self.sql_instances.insert(id.value.to_ascii_lowercase(), ci);
                }
            }
            Tag::Service => {
                let key = self
                    .attr(e, "UniqueId")?
                    .map(|a| a.value.to_ascii_lowercase());
                let role = self
                    .attr(e, "RoleName")?
                    .map(|a| a.value)
                    .unwrap_or_default();
                let installed_on = self.attr(e, "InstalledOn")?.map(|a| Reference {
                    key: a.value.to_ascii_lowercase(),
                    span: a.span,
                });
                let service_version = self
                    .attr(e, "ServiceVersion")?
                    .and_then(|a| a.value.trim().parse().ok());
                self.services.push(Service {
                    key,
                    role,
                    site_id: None,
                    service_version,
                    installed_on,
                    depends_on: Vec::new(),
                    is_director: false,
                    components: None,
                    pc_web_component_span: None,
                    internal_web_host: None,
                    external_web_host: None,
                    span,
                });
                self.service = Some(self.services.len() - 1);
            }
            Tag::ServiceId => {
                let site = self.attr(e, "SiteId")?.map(|a| a.value).unwrap_or_default();
                let role = self
                    .attr(e, "RoleName")?
                    .map(|a| a.value)
                    .unwrap_or_default();
                let instance = self
                    .attr(e, "Instance")?
                    .map(|a| a.value)
                    .unwrap_or_default();
                let key = format!("{site}:{}:{instance}", role.to_ascii_lowercase());
                if let Some(s) = self.service.and_then(|i| self.services.get_mut(i)) {
                    match parent {
                        Some(Tag::Service) => {
                            s.key = Some(key);
                            s.role = role;
                            s.site_id = Some(site);
                        }
                        Some(Tag::Dependency) => s.depends_on.push(Reference { key, span }),
                        _ => {}
                    }
                }
            }
            Tag::Dependency => {
                if let Some(a) = self.attr(e, "ServiceUniqueId")?
                    && let Some(s) = self.service.and_then(|i| self.services.get_mut(i))
                {
                    s.depends_on.push(Reference {
                        key: a.value.to_ascii_lowercase(),
                        span: a.span,
                    });
                }
            }
            Tag::RegistrarService => {
                let director = self
                    .attr(e, "IsDirector")?
                    .is_some_and(|a| a.value.trim().eq_ignore_ascii_case("true"));
                if let Some(s) = self.service.and_then(|i| self.services.get_mut(i)) {
                    s.is_director = director;
                }
            }
            Tag::InternalSettings | Tag::ExternalSettings if parent == Some(Tag::WebService) => {
                if let Some(a) = self.attr(e, "Host")?
                    && let Some(s) = self.service.and_then(|i| self.services.get_mut(i))
                {
                    let host = Some((a.value, a.span));
                    if tag == Tag::InternalSettings {
                        s.internal_web_host = host;
                    } else {
                        s.external_web_host = host;
                    }
                }
            }
            Tag::WebComponents => {
                if let Some(s) = self.service.and_then(|i| self.services.get_mut(i)) {
                    s.components.get_or_insert_with(Vec::new);
                }
            }
            Tag::Component if parent == Some(Tag::WebComponents) => {
                let name = self.attr(e, "ComponentName")?;
                if let (Some(name), Some(s)) =
                    (name, self.service.and_then(|i| self.services.get_mut(i)))
                {
                    if name.value == "PersistentChatWeb" {
                        s.pc_web_component_span = Some(span);
                    }
                    s.components.get_or_insert_with(Vec::new).push(name.value);
                }
            }
            _ => {}
        }
        Ok(tag)
    }

    /// Pop the innermost element and finish what it opened.
    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if self.skip_below == Some(self.stack.len()) {
            self.skip_below = None;
            return;
        }
        if self.skip_below.is_some() {
            return;
        }
        match frame.tag {
            Tag::CentralSite | Tag::BranchSite => {
                self.site_stack.pop();
            }
            Tag::Name => {
                if let Some(name) = self.name_text.take()
                    && let Some(site) = self.site_stack.last().and_then(|i| self.sites.get_mut(*i))
                {
                    let name = name.trim();
                    if !name.is_empty() {
                        site.name = Some(name.to_string());
                    }
                }
            }
            Tag::Cluster => self.cluster = None,
            Tag::Service => self.service = None,
            _ => {}
        }
    }

    /// The attribute `name` (local name) of `e`, unescaped, with its value's span.
    fn attr(&self, e: &BytesStart<'_>, name: &str) -> Result<Option<Attr>, TopologyError> {
        let text = self.text;
        let Some((_, span)) = self
            .attrs
            .iter()
            .find(|(key, _)| text.get(key.clone()) == Some(name))
        else {
            return Ok(None);
        };
        let span = span.clone();
        let raw = text.get(span.clone()).unwrap_or("");
        if !raw.contains(['&', '\t', '\r', '\n']) {
            return Ok(Some(Attr {
                value: raw.to_string(),
                span,
            }));
        }
        // Rare: references or white space to normalise (XML 1.0 §3.3.3).
        let value = e
            .attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == name)
            .map(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0));
        match value {
            Some(Ok(v)) => Ok(Some(Attr {
                value: v.into_owned(),
                span,
            })),
            _ => {
                let entity = entity_name(raw);
                Err(self.entity_error(span, &entity))
            }
        }
    }

    /// The byte range of `part`, a slice of the text.
    fn range_of(&self, part: &[u8]) -> Range<usize> {
        let start = (part.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        if start <= self.text.len() && self.text.len() - start >= part.len() {
            start..start + part.len()
        } else {
            0..0
        }
    }

    /// A malformed attribute of `e`, located at the attribute itself: quick-xml gives
    /// positions relative to the start of the tag's content (just after `<`).
    fn attr_error(&self, e: &BytesStart<'_>, err: &AttrError) -> TopologyError {
        let content = e.as_ref();
        let tag_start = (content.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        let tag = tag_name_of(e);
        let (pos, message, label) = match err {
            AttrError::ExpectedEq(p) => (
                *p,
                format!("an attribute name in `<{tag}>` is not followed by `=`"),
                "expected `=` and a quoted value".to_string(),
            ),
            AttrError::ExpectedValue(p) => (
                *p,
                format!("`=` in `<{tag}>` is not followed by an attribute value"),
                "expected a quoted value".to_string(),
            ),
            AttrError::UnquotedValue(p) => (
                *p,
                format!("an attribute value in `<{tag}>` is not in quotes"),
                "expected `\"` or `'`".to_string(),
            ),
            AttrError::ExpectedQuote(p, q) => (
                *p,
                format!(
                    "an attribute value in `<{tag}>` has no closing `{}`",
                    char::from(*q)
                ),
                format!("expected `{}`", char::from(*q)),
            ),
            AttrError::Duplicated(p, _) => {
                let name = content
                    .get(*p..)
                    .and_then(|rest| rest.split(|c: char| c == '=' || c.is_whitespace()).next())
                    .map(str::to_string)
                    .unwrap_or_default();
                (
                    *p,
                    format!("attribute `{name}` appears twice in `<{tag}>`"),
                    "expected each attribute once; this one repeats an earlier one".to_string(),
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

    /// Resolve machine FQDNs (cluster fallback, domain qualification) and index.
    fn finish(self) -> Topology {
        let domain = self
            .default_domain
            .clone()
            .filter(|d| Fqdn::new(d.as_str()).problem().is_none());
        let mut clusters = self.clusters;
        for (cluster, raw) in clusters.iter_mut().zip(self.raw_machine_fqdn) {
            if let (Some(f), Some(d)) = (&cluster.fqdn, &domain)
                && f.is_bare()
                && f.problem().is_none()
            {
                cluster.fqdn_qualified_from = Some(f.as_str().to_string());
                cluster.fqdn = Some(Fqdn::new(format!("{}.{d}", f.as_str())));
            }
            let single = cluster.machines.len() == 1;
            for (m, raw) in cluster.machines.iter_mut().zip(raw) {
                let written = raw
                    .map(|a| a.value.trim().to_string())
                    .filter(|v| !v.is_empty());
                match written {
                    Some(w) => {
                        let f = Fqdn::new(w.as_str());
                        match &domain {
                            Some(d) if f.is_bare() && f.problem().is_none() => {
                                m.fqdn = Some(Fqdn::new(format!("{w}.{d}")));
                                m.fqdn_source = FqdnSource::Qualified {
                                    written: w,
                                    domain: d.clone(),
                                };
                            }
                            _ => m.fqdn = Some(f),
                        }
                    }
                    None if single => {
                        m.fqdn = cluster.fqdn.clone();
                        m.fqdn_source = FqdnSource::Cluster;
                    }
                    None => m.fqdn = None,
                }
            }
        }
        Topology {
            source: Arc::clone(self.src),
            format: self.format.unwrap_or(TopologyFormat::Published),
            default_domain: self.default_domain,
            internal_domains: self.internal_domains,
            sites: self.sites,
            clusters,
            services: self.services,
            root_span: self.root_span,
            sql_instances: self.sql_instances,
            cluster_index: HashMap::new(),
            service_index: HashMap::new(),
            site_index: HashMap::new(),
        }
        .index()
    }
}

/// The character a predefined entity or character reference stands for.
fn resolve_reference(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match &**r {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

/// The first non-predefined entity name in an attribute value (for messages).
fn entity_name(s: &str) -> String {
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
fn tag_name_of(e: &BytesStart<'_>) -> String {
    e.name().as_ref().to_string()
}

/// The qualified name of the start tag at `span` (for messages).
fn tag_name(text: &str, span: &Range<usize>) -> String {
    let tag = text.get(span.start + 1..span.end).unwrap_or("");
    tag.split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::TextEncoding;

    fn topology(body: &str) -> Result<Topology, TopologyError> {
        let text = format!(
            "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">{body}</Topology>"
        );
        parse(&Arc::new(SourceFile::new(
            "t.xml",
            text,
            TextEncoding::Utf8,
        )))
    }

    #[test]
    fn attribute_values_keep_their_spans_and_are_unescaped_only_when_needed() {
        let t = topology(
            "<Clusters><Cluster Fqdn=\"pool&#46;contoso.local\"><ClusterId SiteId=\"1\" Number=\"1\" />\
             <Machine OrdinalInCluster=\"1\" x:Fqdn=\"fe01.contoso.local\" xmlns:x=\"urn:x\" />\
             <Machine Fqdn=\"fe02.contoso&#x2E;local\r\n\" /></Cluster></Clusters>",
        )
        .unwrap();
        let c = &t.clusters[0];
        assert_eq!(c.fqdn.as_ref().unwrap().as_str(), "pool.contoso.local");
        let span = c.fqdn_span.clone().unwrap();
        assert_eq!(&t.source.text()[span], "pool&#46;contoso.local");
        // Local names match whatever the prefix.
        assert_eq!(
            c.machines[0].fqdn.as_ref().unwrap().as_str(),
            "fe01.contoso.local"
        );
        // Character references resolved; CR LF normalised to white space, then trimmed.
        assert_eq!(
            c.machines[1].fqdn.as_ref().unwrap().as_str(),
            "fe02.contoso.local"
        );
        assert_eq!(c.key.as_deref(), Some("1:1"));
    }

    #[test]
    fn undefined_entity_in_an_attribute_is_located() {
        let err = topology("<Clusters><Cluster Fqdn=\"&boom;\" /></Clusters>").unwrap_err();
        assert!(err.message.contains("`&boom;`"), "{}", err.message);
        assert_eq!(&err.src.text()[err.span.clone()], "&boom;");
    }
}
