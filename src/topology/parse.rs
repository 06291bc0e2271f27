/*!
One streaming pass of quick-xml over the decoded text, matching local names (the
published schema redeclares default namespaces on role elements, and `.tbxml` mixes
several). quick-xml does not report a document truncated after a complete inner
tag, two root elements or text before the root, so a tag stack of our own checks
those. DOCTYPE declarations are passed over and never expanded; entity references
other than the five predefined ones and character references are errors.
*/

use super::t;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::errors::{TopologyError, entity_name, tag_name};
use super::{
    Cluster, FqdnSource, Machine, Named, Reference, Service, SimpleUrl, Site, Topology,
    TopologyFormat,
};
use crate::fqdn::Fqdn;
use crate::source::SourceFile;

/// Deepest element nesting accepted; real exports nest fewer than 12 levels.
pub const DEFAULT_MAX_DEPTH: usize = 256;

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
    SimpleUrl,
    SimpleUrlEntry,
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
            "SimpleUrl" => Tag::SimpleUrl,
            "SimpleUrlEntry" => Tag::SimpleUrlEntry,
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
pub(super) struct Attr {
    pub(super) value: String,
    pub(super) span: Range<usize>,
}

pub(super) struct Parser<'a> {
    pub(super) src: &'a Arc<SourceFile>,
    pub(super) text: &'a str,
    pub(super) format: Option<TopologyFormat>,
    stack: Vec<Frame>,
    pub(super) skip_below: Option<usize>,
    pub(super) default_domain: Option<String>,
    pub(super) internal_domains: Vec<Named>,
    pub(super) simple_urls: Vec<SimpleUrl>,
    pub(super) sites: Vec<Site>,
    /// Index into `sites` of each open site element.
    pub(super) site_stack: Vec<usize>,
    pub(super) clusters: Vec<Cluster>,
    /// Machine `Fqdn` attributes as written, before resolution: (cluster, machine) → value.
    pub(super) raw_machine_fqdn: Vec<Vec<Option<Attr>>>,
    pub(super) cluster: Option<usize>,
    pub(super) services: Vec<Service>,
    pub(super) service: Option<usize>,
    pub(super) sql_instances: HashMap<String, usize>,
    pub(super) name_text: Option<String>,
    pub(super) root_span: Range<usize>,
    /// The attributes of the element being opened, read once: (local name, raw
    /// value) as byte ranges of the text.
    pub(super) attrs: Vec<(Range<usize>, Range<usize>)>,
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
    // XML allows no C0 control character but tab, LF and CR, even in text.
    if let Some(at) = src
        .text()
        .bytes()
        .position(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
    {
        let b = src.text().as_bytes().get(at).copied().unwrap_or(0);
        return Err(TopologyError::new(
            src,
            at..at + 1,
            t!("errors-topology-control-char", code = format!("{b:04X}")),
            t!("errors-topology-label-control-char"),
            t!("errors-topology-help-control-char"),
        ));
    }
    let mut p = Parser {
        src,
        text: src.text(),
        format: None,
        stack: Vec::new(),
        skip_below: None,
        default_domain: None,
        internal_domains: Vec::new(),
        simple_urls: Vec::new(),
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

impl<'a> Parser<'a> {
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
                        t!("errors-topology-second-root"),
                        t!("errors-topology-label-second-root"),
                    ));
                }
                Event::Start(e) => {
                    if self.stack.len() >= max_depth {
                        return Err(self.err(
                            span,
                            t!("errors-topology-too-deep", max = max_depth),
                            t!("errors-topology-label-level", level = self.stack.len() + 1),
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
                            t!("errors-topology-closing-without-opening"),
                            t!("errors-topology-label-unexpected-closing-tag"),
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
                            let message = if root_done {
                                t!("errors-topology-text-after-end")
                            } else {
                                t!("errors-topology-text-before-root")
                            };
                            return Err(self.not_topology_or(
                                at..at + 1,
                                message,
                                &t!("errors-topology-label-unexpected-text"),
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
                            t!("errors-topology-cdata-outside-root"),
                            t!("errors-topology-label-unexpected-cdata"),
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
                            t!("errors-topology-reference-outside-root"),
                            t!("errors-topology-label-unexpected-reference"),
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
                            t!(
                                "errors-topology-truncated",
                                name = name.as_str(),
                                line = line
                            ),
                            t!(
                                "errors-topology-label-expected",
                                what = format!("</{name}>")
                            ),
                        ));
                    }
                    if !root_done {
                        return Err(self.not_topology_or(
                            0..0,
                            t!("errors-topology-no-element"),
                            &t!("errors-topology-label-expected-root"),
                        ));
                    }
                    return Ok(());
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
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
                        t!("errors-topology-wrong-root", name = name),
                        t!("errors-topology-label-expected-root"),
                        t!("errors-topology-help-wrong-root"),
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
                    self.internal_domains.push(Named {
                        value: a.value.trim().to_string(),
                        span: a.span,
                    });
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
                let single_machine_only = self
                    .attr(e, "IsSingleMachineOnly")?
                    .map(|a| (a.value.trim().eq_ignore_ascii_case("true"), a.span));
                self.clusters.push(Cluster {
                    single_machine_only,
                    key,
                    site_id,
                    fqdn: fqdn.as_ref().map(|a| Fqdn::new(a.value.trim())),
                    fqdn_qualified_from: None,
                    suffix_note: None,
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
                            suffix_note: None,
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
            Tag::SimpleUrl => {
                let component = self
                    .attr(e, "Component")?
                    .map(|a| a.value)
                    .unwrap_or_default();
                if let Some(a) = self.attr(e, "ActiveUrl")? {
                    self.simple_urls.push(SimpleUrl {
                        component,
                        url: a.value,
                        span: a.span,
                    });
                }
            }
            Tag::SimpleUrlEntry if parent == Some(Tag::SimpleUrl) => {
                if let Some(a) = self.attr(e, "Url")? {
                    let component = self
                        .simple_urls
                        .last()
                        .map(|u| u.component.clone())
                        .unwrap_or_default();
                    self.simple_urls.push(SimpleUrl {
                        component,
                        url: a.value,
                        span: a.span,
                    });
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
            Some(Ok(v)) => match super::errors::forbidden_char_ref(raw) {
                Some(name) => Err(self.entity_error(span, &name)),
                None => Ok(Some(Attr {
                    value: v.into_owned(),
                    span,
                })),
            },
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
}

/// The character a predefined entity or character reference stands for.
fn resolve_reference(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return super::errors::is_xml_char(c).then_some(c);
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
