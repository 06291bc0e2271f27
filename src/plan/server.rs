/*!
One server's request: its own name, its pool's, the internal web services name, and
the subject; or why none can be planned.
*/

use std::collections::HashMap;
use std::ops::Range;

use super::{NameSource, Origin, PlanOptions, PlannedName, Request, Skipped, SubjectRule};
use crate::fqdn::Fqdn;
use crate::roles::{FileTransferServer, RoleRule};
use crate::topology::{Cluster, FqdnSource, Machine, Topology};

const FIX_MACHINE: &str = "give the machine its FQDN in Topology Builder, publish, export the topology again and run `topocert plan` again";
const FIX_POOL: &str = "give the pool its FQDN in Topology Builder, publish, export the topology again and run `topocert plan` again";

/// Why a server gets no request, located.
pub(super) struct Skip {
    reason: String,
    help: &'static str,
    span: Range<usize>,
    label: &'static str,
}

impl Skip {
    fn new(
        reason: impl Into<String>,
        help: &'static str,
        span: Range<usize>,
        label: &'static str,
    ) -> Box<Skip> {
        Box::new(Skip {
            reason: reason.into(),
            help,
            span,
            label,
        })
    }

    pub(super) fn skipped(self, index: usize, server: &FileTransferServer) -> Skipped {
        Skipped {
            server: index,
            name: server.display_name(),
            pool: server.pool.as_ref().map(|p| p.to_string()),
            site: server.site.clone(),
            reason: self.reason,
            help: self.help.to_string(),
            span: self.span,
            label: self.label.to_string(),
        }
    }
}

/// Plan the request of server `index`; `planned` maps the FQDNs already planned to
/// their request in `requests`.
pub(super) fn plan_server(
    t: &Topology,
    index: usize,
    server: &FileTransferServer,
    opts: &PlanOptions,
    planned: &HashMap<Fqdn, usize>,
    requests: &[super::Request],
) -> Result<Request, Box<Skip>> {
    let cluster = t.clusters.get(server.cluster);
    let machine = cluster.and_then(|c| c.machines.get(server.machine));
    let (Some(cluster), Some(machine)) = (cluster, machine) else {
        // The roles stage only names machines that exist; be safe anyway.
        return Err(Skip::new(
            "the topology model has no such machine",
            FIX_MACHINE,
            server.span.clone(),
            "this machine",
        ));
    };
    let (fqdn, server_source) = server_name(t, server, cluster, machine, planned, requests)?;
    let pool = pool_name(server, cluster)?;

    let mut sans = vec![PlannedName {
        name: fqdn.clone(),
        sources: vec![server_source],
    }];
    let mut add = |name: Fqdn, source: NameSource| match sans.iter_mut().find(|n| n.name == name) {
        Some(n) => n.sources.push(source),
        None => sans.push(PlannedName {
            name,
            sources: vec![source],
        }),
    };
    if let Some(p) = &pool {
        add(
            p.clone(),
            NameSource {
                origin: Origin::Pool {
                    qualified_from: cluster.fqdn_qualified_from.clone(),
                },
                span: cluster.focus(),
            },
        );
    }
    let web = t.services.get(server.web_service);
    if let Some((host, span)) = internal_web_name(web)?
        && host != fqdn
        && pool.as_ref().is_none_or(|p| *p != host)
    {
        add(
            host,
            NameSource {
                origin: Origin::InternalWebHost,
                span,
            },
        );
    }

    let (common_name, subject_rule) = match (&pool, server.multi_server_pool) {
        (Some(p), true) => (p.clone(), SubjectRule::PoolFqdn),
        _ => (fqdn.clone(), SubjectRule::ServerFqdn),
    };
    let web_span = web
        .map(|w| match server.rule {
            RoleRule::Component => w.pc_web_component_span.clone().unwrap_or(w.span.clone()),
            RoleRule::FrontEndPool => w.span.clone(),
        })
        .unwrap_or_else(|| server.span.clone());

    Ok(Request {
        server: index,
        fqdn,
        pool,
        site: server.site.clone(),
        rule: server.rule,
        next_hop: server.next_hop,
        multi_server_pool: server.multi_server_pool,
        common_name,
        subject_rule,
        sans,
        key_size: opts.key_size,
        ca_template: opts.ca_template.clone(),
        span: server.span.clone(),
        web_span,
    })
}

/// The server's own name and where it comes from: a usable FQDN not planned yet.
fn server_name(
    t: &Topology,
    server: &FileTransferServer,
    cluster: &Cluster,
    machine: &Machine,
    planned: &HashMap<Fqdn, usize>,
    requests: &[Request],
) -> Result<(Fqdn, NameSource), Box<Skip>> {
    let Some(fqdn) = &server.fqdn else {
        return Err(Skip::new(
            "the <Machine> has no Fqdn, and its pool has several machines, so it cannot take the pool's",
            FIX_MACHINE,
            machine.focus(),
            "this <Machine> has no Fqdn",
        ));
    };
    let span = match machine.fqdn_source {
        FqdnSource::Cluster => cluster.focus(),
        _ => machine.focus(),
    };
    if let Some(problem) = fqdn.problem() {
        return Err(Skip::new(
            format!("its FQDN is not a DNS name: {problem}"),
            FIX_MACHINE,
            span,
            "not a DNS name",
        ));
    }
    if let Some(first) = planned.get(fqdn).and_then(|i| requests.get(*i)) {
        let (line, _) = t.source.line_col(first.span.start);
        return Err(Skip::new(
            format!(
                "the topology names {fqdn} twice; the request planned for the <Machine> at line {line} covers it"
            ),
            "give each machine its own FQDN in Topology Builder and export the topology again",
            span,
            "a second machine with this FQDN",
        ));
    }
    let origin = match &machine.fqdn_source {
        FqdnSource::Machine => Origin::Machine,
        FqdnSource::Cluster => Origin::ClusterForMachine,
        FqdnSource::Qualified { written, domain } => Origin::QualifiedMachine {
            written: written.clone(),
            domain: domain.clone(),
        },
    };
    Ok((fqdn.clone(), NameSource { origin, span }))
}

/// The pool's name: required (and usable) when the pool has several machines.
fn pool_name(server: &FileTransferServer, cluster: &Cluster) -> Result<Option<Fqdn>, Box<Skip>> {
    match (&cluster.fqdn, server.multi_server_pool) {
        (None, true) => Err(Skip::new(
            format!(
                "its pool has no Fqdn, and the certificate of a server in a pool of {} machines is named after the pool",
                cluster.machines.len()
            ),
            FIX_POOL,
            cluster.span.clone(),
            "this <Cluster> has no Fqdn",
        )),
        (None, false) => Ok(None),
        (Some(p), _) => match p.problem() {
            Some(problem) => Err(Skip::new(
                format!("the FQDN of its pool is not a DNS name: {problem}"),
                FIX_POOL,
                cluster.focus(),
                "not a DNS name",
            )),
            None => Ok(Some(p.clone())),
        },
    }
}

/// The internal web services FQDN when the topology overrides it.
fn internal_web_name(
    web: Option<&crate::topology::Service>,
) -> Result<Option<(Fqdn, Range<usize>)>, Box<Skip>> {
    let Some((host, span)) = web.and_then(|w| w.internal_web_host.as_ref()) else {
        return Ok(None);
    };
    let host = Fqdn::new(host.trim());
    match host.problem() {
        Some(problem) => Err(Skip::new(
            format!("the internal web services FQDN of its pool is not a DNS name: {problem}"),
            "correct the internal web services FQDN of the pool in Topology Builder, publish, export the topology again and run `topocert plan` again",
            span.clone(),
            "not a DNS name",
        )),
        None => Ok(Some((host, span.clone()))),
    }
}
