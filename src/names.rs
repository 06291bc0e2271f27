/*!
The `names` stage: the one answer to "which names must the certificate of this
file-transfer server carry, and why". [`required`] is called by `plan` (the request),
by the `name-mismatch` and `missing-web-name` rules (the check) and by `plan --check`,
so the request and the check cannot disagree. Names are matched against a
certificate by [`Fqdn::matched_by`] over [`CertInfo::presented_names`], nowhere else.

| name | why | need |
|---|---|---|
| server FQDN | the file-transfer service answers on it | file transfer |
| pool FQDN (Enterprise Edition) | clients reach the pool's web services by it | file transfer |
| internal web services FQDN | the override where set, else the pool FQDN | file transfer |
| external web services FQDN | `--layout combined`: one certificate for both | web |
| simple URLs (meet, dialin, admin) | from the topology, else `[web] simple-urls` | web |
| `lyncdiscoverinternal.<SIP domain>` | internal sign-in discovery | web |
| `lyncdiscover.<SIP domain>` | external sign-in discovery | web |
| `sip.<SIP domain>` | only with `[web] strict-dns = true` | web |
*/

use std::ops::Range;

use crate::certs::info::CertInfo;
use crate::fqdn::Fqdn;
use crate::i18n::Lang;
use crate::roles::FileTransferServer;
use crate::topology::{Cluster, FqdnSource, Machine, Topology};
use crate::{t, t_in};

/// How much a name matters to the Persistent Chat file-transfer service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// Needed by the other web services sharing the certificate (`missing-web-name`).
    Web,
    /// Needed for file transfer itself (`name-mismatch`).
    FileTransfer,
}

impl Need {
    pub fn as_str(self) -> &'static str {
        match self {
            Need::FileTransfer => "file-transfer",
            Need::Web => "web",
        }
    }
}

/// How the web services' certificates are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Layout {
    /// One certificate for Default, internal and external web services (the wizard's default).
    #[default]
    Combined,
    /// Internal (Default + internal web, internal CA) and external web (public CA) certificates.
    Split,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Combined => "combined",
            Layout::Split => "split",
        }
    }
}

/// Which certificate of the server a name belongs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Default + internal web services (the certificate `check` looks at).
    Internal,
    /// External web services.
    External,
    /// Both.
    Both,
}

impl Use {
    pub fn internal(self) -> bool {
        matches!(self, Use::Internal | Use::Both)
    }
    pub fn external(self) -> bool {
        matches!(self, Use::External | Use::Both)
    }
}

/// Where a name comes from, in the topology or the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Topology(Range<usize>),
    Config(Range<usize>),
}

/// Why a name is required.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The `Fqdn` attribute of the server's `<Machine>`.
    Machine,
    /// The `<Machine>`'s bare host name, qualified with the topology's default domain.
    QualifiedMachine { written: String, domain: String },
    /// The `<Machine>` has no `Fqdn`; its single-machine cluster lends its own.
    ClusterForMachine,
    /// The `Fqdn` of the `<Cluster>` (the pool).
    Pool { qualified_from: Option<String> },
    /// `WebService/InternalSettings/@Host`: the internal web services FQDN override.
    InternalWebHost,
    /// No override: the internal web services answer on the pool FQDN.
    InternalWebIsPool,
    /// `WebService/ExternalSettings/@Host`.
    ExternalWebHost,
    /// A simple URL (`Meet`, `Dialin`, admin); `component` is empty from the config.
    SimpleUrl { component: String },
    /// `lyncdiscoverinternal.<SIP domain>`.
    LyncDiscoverInternal { domain: String },
    /// `lyncdiscover.<SIP domain>`.
    LyncDiscover { domain: String },
    /// `sip.<SIP domain>` (clients with strict DNS matching).
    SipDomain { domain: String },
}

impl Why {
    /// Stable name of the reason (JSON).
    pub fn as_str(&self) -> &'static str {
        match self {
            Why::Machine | Why::QualifiedMachine { .. } => "machine",
            Why::ClusterForMachine => "cluster-for-machine",
            Why::Pool { .. } => "pool",
            Why::InternalWebHost => "internal-web-services",
            Why::InternalWebIsPool => "internal-web-services-pool",
            Why::ExternalWebHost => "external-web-services",
            Why::SimpleUrl { .. } => "simple-url",
            Why::LyncDiscoverInternal { .. } => "lyncdiscoverinternal",
            Why::LyncDiscover { .. } => "lyncdiscover",
            Why::SipDomain { .. } => "sip-domain",
        }
    }

    /// The reason as a phrase, for messages and labels, in the language of the run.
    pub fn describe(&self) -> String {
        self.describe_in(crate::i18n::current())
    }

    /// The reason as a phrase in `lang` (request templates are always English).
    pub fn describe_in(&self, lang: Lang) -> String {
        match self {
            Why::Machine => t_in!(lang, "plan-why-machine"),
            Why::QualifiedMachine { written, domain } => t_in!(
                lang,
                "plan-why-qualified-machine",
                written = written.as_str(),
                domain = domain.as_str()
            ),
            Why::ClusterForMachine => t_in!(lang, "plan-why-cluster-for-machine"),
            Why::Pool {
                qualified_from: Some(w),
            } => t_in!(lang, "plan-why-pool-qualified", written = w.as_str()),
            Why::Pool {
                qualified_from: None,
            } => t_in!(lang, "plan-why-pool"),
            Why::InternalWebHost => t_in!(lang, "plan-why-internal-web-host"),
            Why::InternalWebIsPool => t_in!(lang, "plan-why-internal-web-is-pool"),
            Why::ExternalWebHost => t_in!(lang, "plan-why-external-web-host"),
            Why::SimpleUrl { component } if component.is_empty() => {
                t_in!(lang, "plan-why-simple-url-config")
            }
            Why::SimpleUrl { component } => {
                t_in!(lang, "plan-why-simple-url", component = component.as_str())
            }
            Why::LyncDiscoverInternal { domain } => t_in!(
                lang,
                "plan-why-lyncdiscoverinternal",
                domain = domain.as_str()
            ),
            Why::LyncDiscover { domain } => {
                t_in!(lang, "plan-why-lyncdiscover", domain = domain.as_str())
            }
            Why::SipDomain { domain } => {
                t_in!(lang, "plan-why-sip-domain", domain = domain.as_str())
            }
        }
    }
}

/// One reason a name is required, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub why: Why,
    pub place: Place,
}

/// A name a server's certificate needs, with every reason for it.
#[derive(Debug, Clone)]
pub struct RequiredName {
    pub name: Fqdn,
    pub need: Need,
    pub usage: Use,
    pub reasons: Vec<Reason>,
}

impl RequiredName {
    /// The first reason, for one-line messages.
    pub fn why(&self) -> String {
        self.reasons
            .first()
            .map(|r| r.why.describe())
            .unwrap_or_default()
    }
}

/// Standard or Enterprise Edition, and the topology evidence for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edition {
    Standard(Evidence),
    Enterprise(Evidence),
}

/// What decided the edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// The pool's `UserStore` is on its own cluster (SQL Express): Standard Edition.
    UserStoreLocal(Range<usize>),
    /// The pool's `UserStore` is on another (SQL) cluster: Enterprise Edition.
    UserStoreRemote(Range<usize>),
    /// `.tbxml` `IsSingleMachineOnly`.
    SingleMachineOnly(bool, Range<usize>),
    /// Nothing better: the number of machines of the pool.
    MachineCount(usize),
}

impl Evidence {
    /// What decided the edition, as a clause, in the language of the run.
    pub fn describe(&self) -> String {
        match self {
            Evidence::UserStoreLocal(_) => t!("plan-evidence-userstore-local"),
            Evidence::UserStoreRemote(_) => t!("plan-evidence-userstore-remote"),
            Evidence::SingleMachineOnly(v, _) => {
                t!("plan-evidence-single-machine-only", value = v.to_string())
            }
            Evidence::MachineCount(n) => t!("plan-evidence-machine-count", n = *n as u64),
        }
    }

    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            Evidence::UserStoreLocal(s)
            | Evidence::UserStoreRemote(s)
            | Evidence::SingleMachineOnly(_, s) => Some(s.clone()),
            Evidence::MachineCount(_) => None,
        }
    }
}

impl Edition {
    pub fn evidence(&self) -> &Evidence {
        match self {
            Edition::Standard(e) | Edition::Enterprise(e) => e,
        }
    }
    pub fn is_enterprise(&self) -> bool {
        matches!(self, Edition::Enterprise(_))
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            Edition::Standard(_) => "standard",
            Edition::Enterprise(_) => "enterprise",
        }
    }
}

/// Why the subject CN is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectRule {
    /// An Enterprise Edition Front End pool (any number of machines): the pool FQDN.
    PoolFqdn,
    /// A Standard Edition server: the server FQDN.
    ServerFqdn,
}

impl SubjectRule {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectRule::PoolFqdn => "pool",
            SubjectRule::ServerFqdn => "server",
        }
    }

    /// The sentence that explains the choice, in the language of the run.
    pub fn why(self) -> String {
        match self {
            SubjectRule::PoolFqdn => t!("plan-subject-pool"),
            SubjectRule::ServerFqdn => t!("plan-subject-server"),
        }
    }
}

/// `[web]` of topocert.toml, and `--layout`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebSettings {
    pub layout: Layout,
    /// `simple-urls`: each URL or host name with the span of its config value; used
    /// when the topology declares no simple URLs.
    pub simple_urls: Vec<(String, Range<usize>)>,
    /// `strict-dns = true`, with the span of the value.
    pub strict_dns: Option<Range<usize>>,
}

/// Why some names of a server could not be decided, located in the topology.
#[derive(Debug, Clone)]
pub struct Problem {
    pub reason: String,
    pub help: String,
    pub span: Range<usize>,
    pub label: String,
}

/// Everything [`required`] decides for one server.
#[derive(Debug, Clone)]
pub struct Names {
    pub edition: Edition,
    /// The subject CN; `None` when the name it would be is unusable (see `problems`).
    pub subject: Option<Fqdn>,
    pub subject_rule: SubjectRule,
    /// In order: server, pool, internal web, external web, simple URLs, discovery, sip.
    pub names: Vec<RequiredName>,
    /// Names that could not be decided; `plan` plans no request while there are any.
    pub problems: Vec<Problem>,
}

impl Names {
    /// The names the certificate `check` looks at (Default + internal web) needs under `layout`.
    pub fn on_internal(&self, layout: Layout) -> impl Iterator<Item = &RequiredName> {
        self.names
            .iter()
            .filter(move |n| layout == Layout::Combined || n.usage.internal())
    }

    /// The names of the external web certificate (`--layout split` only).
    pub fn on_external(&self) -> impl Iterator<Item = &RequiredName> {
        self.names.iter().filter(|n| n.usage.external())
    }

    /// The names the certificate `info` does not cover, of those it needs under `layout`.
    pub fn missing<'a>(&'a self, info: &CertInfo, layout: Layout) -> Vec<&'a RequiredName> {
        let presented = info.presented_names();
        self.on_internal(layout)
            .filter(|n| !covers(&presented, &n.name))
            .collect()
    }
}

/// Does a certificate presenting `presented` cover `name`?
pub fn covers(presented: &[&str], name: &Fqdn) -> bool {
    presented.iter().any(|p| name.matched_by(p))
}

/// What to do about a machine without a usable FQDN.
pub fn fix_machine() -> String {
    t!("plan-fix-machine")
}

fn fix_pool() -> String {
    t!("plan-fix-pool")
}

fn fix_web() -> String {
    t!("plan-fix-web")
}

/// Standard or Enterprise Edition, from the topology.
pub fn edition(server: &FileTransferServer, cluster: &Cluster) -> Edition {
    if let Some((ci, span)) = &server.user_store {
        return if *ci == server.cluster {
            Edition::Standard(Evidence::UserStoreLocal(span.clone()))
        } else {
            Edition::Enterprise(Evidence::UserStoreRemote(span.clone()))
        };
    }
    if let Some((single, span)) = &cluster.single_machine_only {
        let e = Evidence::SingleMachineOnly(*single, span.clone());
        return if *single {
            Edition::Standard(e)
        } else {
            Edition::Enterprise(e)
        };
    }
    let n = cluster.machines.len();
    if n > 1 {
        Edition::Enterprise(Evidence::MachineCount(n))
    } else {
        Edition::Standard(Evidence::MachineCount(n))
    }
}

/// The names the certificate of `server` needs, each with its reasons and places.
pub fn required(t: &Topology, server: &FileTransferServer, web: &WebSettings) -> Names {
    let mut out = Builder::default();
    let cluster = t.clusters.get(server.cluster);
    let machine = cluster.and_then(|c| c.machines.get(server.machine));
    let (Some(cluster), Some(machine)) = (cluster, machine) else {
        // The roles stage only names machines that exist; be safe anyway.
        return Names {
            edition: Edition::Standard(Evidence::MachineCount(0)),
            subject: None,
            subject_rule: SubjectRule::ServerFqdn,
            names: Vec::new(),
            problems: vec![Problem {
                reason: t!("plan-problem-no-machine"),
                help: fix_machine(),
                span: server.span.clone(),
                label: t!("plan-label-this-machine"),
            }],
        };
    };
    let edition = edition(server, cluster);
    let server_fqdn = out.server(server, cluster, machine);
    let pool = out.pool(server, cluster, edition.is_enterprise());
    let (subject, subject_rule) = match (&pool, edition.is_enterprise()) {
        (Some(p), true) => (Some(p.clone()), SubjectRule::PoolFqdn),
        _ => (server_fqdn.clone(), SubjectRule::ServerFqdn),
    };

    let service = t.services.get(server.web_service);
    // Internal web services: the override, else the pool FQDN (the server's own for
    // a Standard Edition server whose cluster has no FQDN of its own).
    match service.and_then(|w| w.internal_web_host.as_ref()) {
        Some((host, span)) => out.host(
            host,
            span,
            Why::InternalWebHost,
            Need::FileTransfer,
            Use::Internal,
        ),
        None => {
            if let Some(p) = cluster.fqdn.as_ref().filter(|p| p.problem().is_none()) {
                out.add(
                    p.clone(),
                    Need::FileTransfer,
                    Use::Internal,
                    Why::InternalWebIsPool,
                    Place::Topology(cluster.focus()),
                );
            }
        }
    }
    if let Some((host, span)) = service.and_then(|w| w.external_web_host.as_ref()) {
        out.host(host, span, Why::ExternalWebHost, Need::Web, Use::External);
    }
    // Simple URLs: the topology's where it declares them, else the config's.
    if t.simple_urls.is_empty() {
        for (url, span) in &web.simple_urls {
            let host = crate::topology::SimpleUrl {
                component: String::new(),
                url: url.clone(),
                span: span.clone(),
            };
            out.add_checked(
                host.host(),
                Why::SimpleUrl {
                    component: String::new(),
                },
                Place::Config(span.clone()),
                Need::Web,
                Use::Both,
            );
        }
    } else {
        for u in &t.simple_urls {
            out.add_checked(
                u.host(),
                Why::SimpleUrl {
                    component: u.component.clone(),
                },
                Place::Topology(u.span.clone()),
                Need::Web,
                Use::Both,
            );
        }
    }
    for d in &t.internal_domains {
        let domain = d.value.trim_end_matches('.').to_string();
        if domain.is_empty() || Fqdn::new(domain.as_str()).problem().is_some() {
            continue;
        }
        let place = Place::Topology(d.span.clone());
        out.add(
            Fqdn::new(format!("lyncdiscoverinternal.{domain}")),
            Need::Web,
            Use::Internal,
            Why::LyncDiscoverInternal {
                domain: domain.clone(),
            },
            place.clone(),
        );
        out.add(
            Fqdn::new(format!("lyncdiscover.{domain}")),
            Need::Web,
            Use::External,
            Why::LyncDiscover {
                domain: domain.clone(),
            },
            place.clone(),
        );
        if let Some(strict) = &web.strict_dns {
            out.add(
                Fqdn::new(format!("sip.{domain}")),
                Need::Web,
                Use::Internal,
                Why::SipDomain { domain },
                Place::Config(strict.clone()),
            );
        }
    }
    Names {
        edition,
        subject,
        subject_rule,
        names: out.names,
        problems: out.problems,
    }
}

#[derive(Default)]
struct Builder {
    names: Vec<RequiredName>,
    /// Name key → index into `names`, so merging is not a scan.
    index: std::collections::HashMap<String, usize>,
    problems: Vec<Problem>,
}

impl Builder {
    fn add(&mut self, name: Fqdn, need: Need, usage: Use, why: Why, place: Place) {
        let reason = Reason { why, place };
        match self
            .index
            .get(name.key())
            .and_then(|i| self.names.get_mut(*i))
        {
            Some(n) => {
                n.need = n.need.max(need);
                if n.usage != usage {
                    n.usage = Use::Both;
                }
                if !n.reasons.contains(&reason) {
                    n.reasons.push(reason);
                }
            }
            None => {
                self.index.insert(name.key().to_string(), self.names.len());
                self.names.push(RequiredName {
                    name,
                    need,
                    usage,
                    reasons: vec![reason],
                });
            }
        }
    }

    /// A web name from text: kept only when it is a DNS name.
    fn add_checked(&mut self, host: &str, why: Why, place: Place, need: Need, usage: Use) {
        let f = Fqdn::new(host.trim());
        if f.problem().is_none() && !f.is_bare() {
            self.add(f, need, usage, why, place);
        }
    }

    /// A web services host override: a problem when it is not a DNS name.
    fn host(&mut self, host: &str, span: &Range<usize>, why: Why, need: Need, usage: Use) {
        let f = Fqdn::new(host.trim());
        match f.problem() {
            Some(problem) => self.problems.push(Problem {
                reason: match why {
                    Why::ExternalWebHost => t!("plan-problem-external-web-host", problem = problem),
                    _ => t!("plan-problem-internal-web-host", problem = problem),
                },
                help: fix_web(),
                span: span.clone(),
                label: t!("plan-label-not-dns"),
            }),
            None => self.add(f, need, usage, why, Place::Topology(span.clone())),
        }
    }

    /// The server's own name.
    fn server(
        &mut self,
        server: &FileTransferServer,
        cluster: &Cluster,
        machine: &Machine,
    ) -> Option<Fqdn> {
        let Some(fqdn) = &server.fqdn else {
            self.problems.push(Problem {
                reason: t!("plan-problem-machine-no-fqdn"),
                help: fix_machine(),
                span: machine.focus(),
                label: t!("plan-label-machine-no-fqdn"),
            });
            return None;
        };
        let span = match machine.fqdn_source {
            FqdnSource::Cluster => cluster.focus(),
            _ => machine.focus(),
        };
        if let Some(problem) = fqdn.problem() {
            self.problems.push(Problem {
                reason: t!("plan-problem-machine-fqdn", problem = problem),
                help: fix_machine(),
                span,
                label: t!("plan-label-not-dns"),
            });
            return None;
        }
        let why = match &machine.fqdn_source {
            FqdnSource::Machine => Why::Machine,
            FqdnSource::Cluster => Why::ClusterForMachine,
            FqdnSource::Qualified { written, domain } => Why::QualifiedMachine {
                written: written.clone(),
                domain: domain.clone(),
            },
        };
        self.add(
            fqdn.clone(),
            Need::FileTransfer,
            Use::Internal,
            why,
            Place::Topology(span),
        );
        Some(fqdn.clone())
    }

    /// The pool's name: required for an Enterprise Edition pool, listed whenever usable.
    fn pool(
        &mut self,
        server: &FileTransferServer,
        cluster: &Cluster,
        enterprise: bool,
    ) -> Option<Fqdn> {
        match &cluster.fqdn {
            None if enterprise && server.multi_server_pool => {
                self.problems.push(Problem {
                    reason: t!(
                        "plan-problem-pool-no-fqdn",
                        n = cluster.machines.len() as u64
                    ),
                    help: fix_pool(),
                    span: cluster.span.clone(),
                    label: t!("plan-label-cluster-no-fqdn"),
                });
                None
            }
            None => None,
            Some(p) => match p.problem() {
                Some(problem) => {
                    self.problems.push(Problem {
                        reason: t!("plan-problem-pool-fqdn", problem = problem),
                        help: fix_pool(),
                        span: cluster.focus(),
                        label: t!("plan-label-not-dns"),
                    });
                    None
                }
                None => {
                    self.add(
                        p.clone(),
                        Need::FileTransfer,
                        Use::Internal,
                        Why::Pool {
                            qualified_from: cluster.fqdn_qualified_from.clone(),
                        },
                        Place::Topology(cluster.focus()),
                    );
                    Some(p.clone())
                }
            },
        }
    }
}
