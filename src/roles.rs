/*!
The `roles` stage: which machines run the Persistent Chat Web Services for File
Upload/Download, which services are Persistent Chat pools, and which Front End pool
each Persistent Chat pool uses as its next hop.
*/

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::fqdn::Fqdn;
use crate::topology::{Service, Topology};

/// Why a machine is taken to run the file-transfer web service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleRule {
    /// Its pool's WebServices lists the `PersistentChatWeb` component.
    Component,
    /// Components are not listed; the pool is a Front End / Standard Edition pool.
    FrontEndPool,
}

impl RoleRule {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleRule::Component => "component",
            RoleRule::FrontEndPool => "front-end-pool",
        }
    }
}

/// One machine that runs the Persistent Chat file-transfer web service.
#[derive(Debug, Clone)]
pub struct FileTransferServer {
    pub cluster: usize,
    pub machine: usize,
    /// `None` when neither the machine nor its cluster names an FQDN.
    pub fqdn: Option<Fqdn>,
    pub pool: Option<Fqdn>,
    pub site: Option<String>,
    pub rule: RoleRule,
    /// The pool is the next hop of at least one Persistent Chat pool.
    pub next_hop: bool,
    /// The pool has more than one machine, so certificates must also name the pool.
    pub multi_server_pool: bool,
    /// The WebServices service that made it a file-transfer server.
    pub web_service: usize,
    /// Its pool runs Skype for Business Server 2019 (ServiceVersion 8) next to
    /// older pools: it does not run Persistent Chat, so it is listed but not
    /// checked. Always false when every pool is 2019 (the whole topology is then
    /// reported as such).
    pub no_persistent_chat: bool,
    /// Where the pool's user database lives: the cluster the `UserStore` its
    /// `UserServices` depends on is installed on, and the span of that dependency.
    /// On its own cluster (SQL Express) for Standard Edition, on a SQL cluster for
    /// Enterprise Edition.
    pub user_store: Option<(usize, Range<usize>)>,
    /// Span the report points at (the machine's Fqdn, or its `<Machine>` tag).
    pub span: Range<usize>,
}

impl FileTransferServer {
    /// The name to show: the FQDN, or a description of the unnamed machine.
    pub fn display_name(&self) -> String {
        crate::topology::machine_name(self.fqdn.as_ref(), self.pool.as_ref(), self.machine)
    }
}

/// A Persistent Chat pool and the Front End pools it depends on.
#[derive(Debug, Clone)]
pub struct PersistentChatPool {
    pub service: usize,
    pub cluster: Option<usize>,
    pub fqdn: Option<Fqdn>,
    /// Indexes of clusters (Front End pools) this pool depends on.
    pub next_hops: Vec<usize>,
}

/// Everything `list`, `check` and `plan` need to know about roles.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    pub servers: Vec<FileTransferServer>,
    pub pc_pools: Vec<PersistentChatPool>,
    /// Per cluster: the internal Lync server role it runs, as reports name it
    /// (`None` for stores, file shares, gateways and unknown roles).
    pub internal: Vec<Option<&'static str>>,
}

/// The internal Lync server role of a cluster from the roles of its services, the
/// most telling first.
fn internal_role<'s>(services: impl Iterator<Item = &'s Service>) -> Option<&'static str> {
    let mut best: Option<(u8, &'static str)> = None;
    for s in services {
        let r = s.role.as_str();
        // A Director's Registrar says so; its other services look like a Front End's.
        let found = if s.is_director {
            Some((0, "Director"))
        } else if ["UserServices", "Registrar", "WebServices"]
            .iter()
            .any(|x| r.eq_ignore_ascii_case(x))
        {
            Some((1, "Front End"))
        } else if is_persistent_chat_role(r) {
            Some((2, "Persistent Chat"))
        } else if r.eq_ignore_ascii_case("MediationServer") {
            Some((3, "Mediation"))
        } else if r.eq_ignore_ascii_case("EdgeServer") {
            Some((4, "Edge"))
        } else if r.eq_ignore_ascii_case("WacService") {
            Some((5, "Office Web Apps"))
        } else {
            None
        };
        if let Some(f) = found
            && best.is_none_or(|b| f.0 < b.0)
        {
            best = Some(f);
        }
    }
    best.map(|b| b.1)
}

/// A role name of [`Roles::internal`] (or `file-transfer server`, the role
/// `check` gives the paired certificates) as people read it, in the language of
/// the run; any other text is returned as it is.
pub fn role_name(role: &str) -> String {
    role_name_in(crate::i18n::current(), role)
}

/// [`role_name`] in a given language.
pub fn role_name_in(lang: crate::i18n::Lang, role: &str) -> String {
    let id = match role {
        "Director" => "report-role-director",
        "Front End" => "report-role-front-end",
        "Persistent Chat" => "report-role-persistent-chat",
        "Mediation" => "report-role-mediation",
        "Edge" => "report-role-edge",
        "Office Web Apps" => "report-role-office-web-apps",
        "file-transfer server" => "report-role-file-transfer",
        other => return other.to_string(),
    };
    crate::i18n::message_in(lang, id, None)
}

/// True for the Persistent Chat server role (`Get-CsService` calls it
/// `PersistentChatServer`; topology documents `PersistentChatService`).
pub fn is_persistent_chat_role(role: &str) -> bool {
    role.eq_ignore_ascii_case("PersistentChatService")
        || role.eq_ignore_ascii_case("PersistentChatServer")
}

/// Work out the roles of every machine of `t`.
pub fn resolve(t: &Topology) -> Roles {
    // Services per cluster, in document order.
    let mut on_cluster: HashMap<usize, Vec<usize>> = HashMap::new();
    for (si, s) in t.services.iter().enumerate() {
        if let Some(ci) = t.service_cluster(s) {
            on_cluster.entry(ci).or_default().push(si);
        }
    }
    let has = |ci: usize, role: &str| -> Option<&Service> {
        on_cluster.get(&ci).and_then(|v| {
            v.iter()
                .filter_map(|si| t.services.get(*si))
                .find(|s| s.role.eq_ignore_ascii_case(role))
        })
    };

    // Which clusters are file-transfer pools, and by which rule.
    let mut pools: Vec<(usize, usize, RoleRule)> = Vec::new();
    for ci in 0..t.clusters.len() {
        let Some(web) = on_cluster.get(&ci).and_then(|v| {
            v.iter().copied().find(|si| {
                t.services
                    .get(*si)
                    .is_some_and(|s| s.role.eq_ignore_ascii_case("WebServices"))
            })
        }) else {
            continue;
        };
        if has(ci, "Registrar").is_some_and(|r| r.is_director) {
            continue; // Directors never host the file-transfer service.
        }
        let Some(ws) = t.services.get(web) else {
            continue;
        };
        let rule = match &ws.components {
            Some(list) if list.iter().any(|c| c == "PersistentChatWeb") => RoleRule::Component,
            Some(_) => continue,
            None if has(ci, "UserServices").is_some() && has(ci, "Registrar").is_some() => {
                RoleRule::FrontEndPool
            }
            None => continue,
        };
        pools.push((ci, web, rule));
    }

    let mut is_pool = vec![false; t.clusters.len()];
    for (ci, _, _) in &pools {
        if let Some(p) = is_pool.get_mut(*ci) {
            *p = true;
        }
    }
    let mut pc_pools = Vec::new();
    for (si, s) in t.services.iter().enumerate() {
        if !is_persistent_chat_role(&s.role) {
            continue;
        }
        let cluster = t.service_cluster(s);
        let mut next_hops: Vec<usize> = s
            .depends_on
            .iter()
            .filter_map(|d| t.service_by_key(&d.key))
            .filter_map(|di| t.services.get(di))
            .filter_map(|d| t.service_cluster(d))
            .filter(|ci| is_pool.get(*ci).copied().unwrap_or(false))
            .collect();
        next_hops.sort_unstable();
        next_hops.dedup();
        pc_pools.push(PersistentChatPool {
            service: si,
            cluster,
            fqdn: cluster
                .and_then(|ci| t.clusters.get(ci))
                .and_then(|c| c.fqdn.clone()),
            next_hops,
        });
    }

    let mut is_next_hop = vec![false; t.clusters.len()];
    for ci in pc_pools.iter().flat_map(|p| &p.next_hops) {
        if let Some(h) = is_next_hop.get_mut(*ci) {
            *h = true;
        }
    }
    // Persistent Chat support is decided per pool, from the version of its web
    // service: a 2019 pool next to 2013/2015 pools is a migration in progress.
    let is_2019 = |web: usize| {
        t.services
            .get(web)
            .and_then(|s| s.service_version)
            .is_some_and(|v| v >= 8)
    };
    let mixed = pools.iter().any(|p| is_2019(p.1)) && pools.iter().any(|p| !is_2019(p.1));
    let mut servers = Vec::new();
    for (ci, web, rule) in pools {
        let Some(cluster) = t.clusters.get(ci) else {
            continue;
        };
        let next_hop = is_next_hop.get(ci).copied().unwrap_or(false);
        let user_store = has(ci, "UserServices").and_then(|us| {
            us.depends_on.iter().find_map(|d| {
                let store = t.service_by_key(&d.key).and_then(|i| t.services.get(i))?;
                if !store.role.eq_ignore_ascii_case("UserStore") {
                    return None;
                }
                Some((t.service_cluster(store)?, d.span.clone()))
            })
        });
        for (mi, m) in cluster.machines.iter().enumerate() {
            servers.push(FileTransferServer {
                cluster: ci,
                machine: mi,
                fqdn: m.fqdn.clone(),
                pool: cluster.fqdn.clone(),
                site: t.site_label(cluster),
                rule,
                next_hop,
                multi_server_pool: cluster.machines.len() > 1,
                web_service: web,
                no_persistent_chat: mixed && is_2019(web),
                user_store: user_store.clone(),
                span: m.span.clone(),
            });
        }
    }
    let internal = (0..t.clusters.len())
        .map(|ci| {
            internal_role(
                on_cluster
                    .get(&ci)
                    .into_iter()
                    .flatten()
                    .filter_map(|si| t.services.get(*si)),
            )
        })
        .collect();
    Roles {
        servers,
        pc_pools,
        internal,
    }
}
