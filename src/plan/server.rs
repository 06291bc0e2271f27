/*!
One server's request: the names [`crate::names::required`] decides, the subject, and
the request's options; or why none can be planned.
*/

use std::collections::HashMap;
use std::ops::Range;

use super::{PlanOptions, Request, Skipped};
use crate::fqdn::Fqdn;
use crate::names::{self, Layout, Problem};
use crate::roles::{FileTransferServer, RoleRule};
use crate::t;
use crate::topology::Topology;

/// Why a server gets no request, located.
pub(super) struct Skip {
    reason: String,
    help: String,
    span: Range<usize>,
    label: String,
}

impl From<Problem> for Box<Skip> {
    fn from(p: Problem) -> Self {
        Box::new(Skip {
            reason: p.reason,
            help: p.help,
            span: p.span,
            label: p.label,
        })
    }
}

impl Skip {
    pub(super) fn skipped(self, index: usize, server: &FileTransferServer) -> Skipped {
        Skipped {
            server: index,
            name: server.display_name(),
            pool: server.pool.as_ref().map(|p| p.to_string()),
            site: server.site.clone(),
            reason: self.reason,
            help: self.help,
            span: self.span,
            label: self.label,
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
    let names = names::required(t, server, &opts.web);
    if let Some(p) = names.problems.first() {
        return Err(p.clone().into());
    }
    let (Some(fqdn), Some(common_name)) = (server.fqdn.clone(), names.subject.clone()) else {
        return Err(Box::new(Skip {
            reason: t!("plan-problem-no-name"),
            help: names::fix_machine(),
            span: server.span.clone(),
            label: t!("plan-label-this-machine"),
        }));
    };
    if let Some(first) = planned.get(&fqdn).and_then(|i| requests.get(*i)) {
        let (line, _) = t.source.line_col(first.span.start);
        let span = names
            .names
            .first()
            .and_then(|n| n.reasons.first())
            .and_then(|r| match &r.place {
                names::Place::Topology(s) => Some(s.clone()),
                names::Place::Config(_) => None,
            })
            .unwrap_or_else(|| server.span.clone());
        return Err(Box::new(Skip {
            reason: t!(
                "plan-problem-duplicate",
                fqdn = fqdn.to_string(),
                line = line as u64
            ),
            help: t!("plan-fix-duplicate"),
            span,
            label: t!("plan-label-duplicate"),
        }));
    }
    let web = t.services.get(server.web_service);
    let web_span = web
        .map(|w| match server.rule {
            RoleRule::Component => w.pc_web_component_span.clone().unwrap_or(w.span.clone()),
            RoleRule::FrontEndPool => w.span.clone(),
        })
        .unwrap_or_else(|| server.span.clone());
    let sans = names.on_internal(opts.web.layout).cloned().collect();
    let external = match opts.web.layout {
        Layout::Combined => Vec::new(),
        Layout::Split => names.on_external().cloned().collect(),
    };
    let external_common_name = external
        .first()
        .map(|n: &names::RequiredName| n.name.clone());
    Ok(Request {
        server: index,
        fqdn,
        pool: server.pool.clone(),
        site: server.site.clone(),
        rule: server.rule,
        next_hop: server.next_hop,
        multi_server_pool: server.multi_server_pool,
        edition: names.edition.clone(),
        common_name,
        subject_rule: names.subject_rule,
        sans,
        external,
        external_common_name,
        key_size: opts.key_size,
        ca_template: opts.ca_template.clone(),
        exportable: opts.exportable,
        span: server.span.clone(),
        web_span,
    })
}
