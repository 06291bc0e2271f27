/*!
The `topology` stage: one model for both shapes of topology export, the published
schema (`<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">`)
and the Topology Builder save file (`<TopologyBuilder>`, `.tbxml`). Every entity
keeps the byte span of the element and key attributes it came from, so findings can
point at the exact place in the decoded text.
*/

// The catalogue's `t!`, named relative to the crate root (a `crate::` path
// would read as a module to tests/architecture.rs).
use super::t;

mod errors;
mod parse;
mod resolve;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::fqdn::Fqdn;
use crate::source::SourceFile;

pub use errors::TopologyError;
pub use parse::{DEFAULT_MAX_DEPTH, parse, parse_with_limits};

/// Why a topology file could not be loaded: unreadable or undecodable, or not a
/// topology.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LoadError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Source(#[from] crate::source::SourceError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Parse(#[from] Box<TopologyError>),
}

/// Read, decode and parse the topology at `path`.
pub fn load(path: &std::path::Path, max_input_size: u64) -> Result<Topology, LoadError> {
    let src = Arc::new(SourceFile::read(path, max_input_size)?);
    Ok(parse(&src).map_err(Box::new)?)
}

/// Which kind of export the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopologyFormat {
    /// The published topology (`Get-CsTopology -AsXml`, `Export-CsConfiguration`).
    Published,
    /// A Topology Builder save file (`.tbxml`).
    TopologyBuilder,
}

impl TopologyFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            TopologyFormat::Published => "published",
            TopologyFormat::TopologyBuilder => "tbxml",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Site {
    pub id: String,
    pub name: Option<String>,
}

/// Where a machine's FQDN came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FqdnSource {
    /// The `Fqdn` attribute of the `<Machine>`.
    Machine,
    /// The machine has no `Fqdn`; a single-machine cluster lends its own.
    Cluster,
    /// A bare host name, qualified with the DNS suffix the other machines of its
    /// pool (or of its site) all use.
    Qualified { written: String, domain: String },
}

#[derive(Debug, Clone)]
pub struct Machine {
    /// The resolved FQDN (after cluster fallback and domain qualification).
    pub fqdn: Option<Fqdn>,
    pub fqdn_source: FqdnSource,
    /// Span of the whole `<Machine …>` start tag.
    pub span: Range<usize>,
    /// Span of the `Fqdn` attribute value, when present.
    pub fqdn_span: Option<Range<usize>>,
    /// For a bare host name: where its DNS suffix came from, or why it has none.
    pub suffix_note: Option<String>,
}

impl Machine {
    /// The span a finding about this machine points at: its Fqdn value or the tag.
    pub fn focus(&self) -> Range<usize> {
        self.fqdn_span.clone().unwrap_or_else(|| self.span.clone())
    }
}

/// A value of the topology with the span of the attribute it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub value: String,
    pub span: Range<usize>,
}

/// A simple URL a `.tbxml` declares (`Meet`, `Dialin`, `Cscp`/admin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimpleUrl {
    /// The `Component` attribute of the `<SimpleUrl>`.
    pub component: String,
    /// The URL as written (`https://meet.contoso.com`).
    pub url: String,
    /// Span of the URL attribute value.
    pub span: Range<usize>,
}

impl SimpleUrl {
    /// The host name of the URL: between `://` and the next `/`, `:` or `?`.
    pub fn host(&self) -> &str {
        let rest = self
            .url
            .trim()
            .split_once("://")
            .map_or(self.url.trim(), |(_, r)| r);
        rest.split(['/', ':', '?', '#']).next().unwrap_or(rest)
    }
}

#[derive(Debug, Clone)]
pub struct Cluster {
    /// `.tbxml` `IsSingleMachineOnly`, with the span of its value.
    pub single_machine_only: Option<(bool, Range<usize>)>,
    /// `SiteId:Number` in the published schema, the `UniqueId` GUID in `.tbxml`.
    pub key: Option<String>,
    pub site_id: Option<String>,
    pub fqdn: Option<Fqdn>,
    /// The cluster Fqdn as written, when it was a bare host name qualified with the
    /// DNS suffix its machines (or its site's) use.
    pub fqdn_qualified_from: Option<String>,
    /// For a bare cluster Fqdn: where its DNS suffix came from, or why it has none.
    pub suffix_note: Option<String>,
    pub fqdn_span: Option<Range<usize>>,
    pub span: Range<usize>,
    pub machines: Vec<Machine>,
}

impl Cluster {
    pub fn focus(&self) -> Range<usize> {
        self.fqdn_span.clone().unwrap_or_else(|| self.span.clone())
    }
}

/// A reference from one element to another (InstalledOn, Dependency), with its span.
#[derive(Debug, Clone)]
pub struct Reference {
    pub key: String,
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Service {
    /// `SiteId:RoleName:Instance` in the published schema, `UniqueId` in `.tbxml`.
    pub key: Option<String>,
    pub role: String,
    pub site_id: Option<String>,
    pub service_version: Option<u32>,
    pub installed_on: Option<Reference>,
    pub depends_on: Vec<Reference>,
    /// `IsDirector` of a `<RegistrarService>` role element.
    pub is_director: bool,
    /// `WebService/WebComponents/Component/@ComponentName`; `None` when not listed.
    pub components: Option<Vec<String>>,
    /// Span of the `PersistentChatWeb` component element, when listed.
    pub pc_web_component_span: Option<Range<usize>>,
    /// `WebService/InternalSettings/@Host` (an overridden internal web services FQDN).
    pub internal_web_host: Option<(String, Range<usize>)>,
    /// `WebService/ExternalSettings/@Host`.
    pub external_web_host: Option<(String, Range<usize>)>,
    pub span: Range<usize>,
}

/// The parsed topology, with indexes built once.
#[derive(Debug)]
pub struct Topology {
    pub source: Arc<SourceFile>,
    pub format: TopologyFormat,
    pub default_domain: Option<String>,
    /// `InternalDomains/InternalDomain/@Name`: the SIP domains.
    pub internal_domains: Vec<Named>,
    /// `SimpleUrlConfiguration/SimpleUrl` (`.tbxml`): each `ActiveUrl` and
    /// `SimpleUrlEntry/@Url`, in document order.
    pub simple_urls: Vec<SimpleUrl>,
    pub sites: Vec<Site>,
    pub clusters: Vec<Cluster>,
    pub services: Vec<Service>,
    /// Span of the root element's start tag.
    pub root_span: Range<usize>,
    /// `.tbxml` SQL instance GUID → cluster index.
    sql_instances: HashMap<String, usize>,
    cluster_index: HashMap<String, usize>,
    service_index: HashMap<String, usize>,
    site_index: HashMap<String, usize>,
}

impl Topology {
    fn index(mut self) -> Self {
        for (i, s) in self.sites.iter().enumerate() {
            self.site_index.entry(s.id.clone()).or_insert(i);
        }
        for (i, c) in self.clusters.iter().enumerate() {
            if let Some(k) = &c.key {
                self.cluster_index.entry(k.clone()).or_insert(i);
            }
        }
        for (i, s) in self.services.iter().enumerate() {
            if let Some(k) = &s.key {
                self.service_index.entry(k.clone()).or_insert(i);
            }
        }
        self
    }

    /// The cluster a key (cluster key, or `.tbxml` SQL instance GUID) names.
    /// The name reports give machine `machine` of cluster `cluster`: its FQDN, or a
    /// description when it has none.
    pub fn machine_name(&self, cluster: usize, machine: usize) -> Option<String> {
        let c = self.clusters.get(cluster)?;
        let m = c.machines.get(machine)?;
        Some(machine_name(m.fqdn.as_ref(), c.fqdn.as_ref(), machine))
    }

    pub fn cluster_by_key(&self, key: &str) -> Option<usize> {
        self.cluster_index
            .get(key)
            .or_else(|| self.sql_instances.get(key))
            .copied()
    }

    pub fn service_by_key(&self, key: &str) -> Option<usize> {
        self.service_index.get(key).copied()
    }

    /// The index of the cluster a service is installed on.
    pub fn service_cluster(&self, service: &Service) -> Option<usize> {
        service
            .installed_on
            .as_ref()
            .and_then(|r| self.cluster_by_key(&r.key))
    }

    pub fn site(&self, id: &str) -> Option<&Site> {
        self.site_index.get(id).and_then(|i| self.sites.get(*i))
    }

    /// The site name (or id) of a cluster, for reports.
    pub fn site_label(&self, cluster: &Cluster) -> Option<String> {
        let id = cluster.site_id.as_deref()?;
        Some(
            self.site(id)
                .and_then(|s| s.name.clone())
                .unwrap_or_else(|| t!("errors-site-by-id", id = id)),
        )
    }
}

/// "fe01.contoso.local", or "machine 2 of pool01.contoso.local" for the second
/// machine of a pool when it has no FQDN.
pub fn machine_name(fqdn: Option<&Fqdn>, pool: Option<&Fqdn>, index: usize) -> String {
    match (fqdn, pool) {
        (Some(f), _) => f.to_string(),
        (None, Some(p)) => t!(
            "errors-machine-of-pool",
            n = index + 1,
            pool = p.to_string()
        ),
        (None, None) => t!("errors-machine-of-unnamed-cluster", n = index + 1),
    }
}
