//! `missing-fqdn`: a pool or server the check needs has no FQDN.

use super::TopologyCx;
use super::{Code, Finding, Severity, Subject};

declare_rule! { MISSING_FQDN, "missing-fqdn", Error }

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let help = t!("rules-missing-fqdn-help");
    for (ci, c) in cx.topology.clusters.iter().enumerate() {
        let needed = cx.cluster_needed(ci);
        let sev = if needed {
            Severity::Error
        } else {
            Severity::Warning
        };
        if c.fqdn.is_none() {
            sink.push(
                Finding::new(
                    Code::MissingFqdn,
                    t!("rules-missing-fqdn-cluster"),
                    help.as_str(),
                )
                .severity(sev)
                .subject(Subject::Pool(ci))
                .at(c.span.clone(), t!("rules-missing-fqdn-cluster-label")),
            );
        }
        for (mi, m) in c
            .machines
            .iter()
            .enumerate()
            .filter(|(_, m)| m.fqdn.is_none() && c.fqdn.is_some())
        {
            let pool = c.fqdn.as_ref().map(|f| f.to_string()).unwrap_or_default();
            sink.push(
                Finding::new(
                    Code::MissingFqdn,
                    t!("rules-missing-fqdn-machine", pool = pool),
                    help.as_str(),
                )
                .severity(sev)
                .subject(Subject::Machine {
                    cluster: ci,
                    machine: mi,
                })
                .at(m.span.clone(), t!("rules-missing-fqdn-machine-label")),
            );
        }
    }
}
