//! `invalid-fqdn`: an FQDN in the topology is not a DNS name.

use super::TopologyCx;
use super::{Code, Finding, Severity};

declare_rule! { INVALID_FQDN, "invalid-fqdn", Error }

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let help = t!("rules-invalid-fqdn-help");
    for (ci, c) in cx.topology.clusters.iter().enumerate() {
        let sev = if cx.cluster_needed(ci) {
            Severity::Error
        } else {
            Severity::Warning
        };
        if let Some(problem) = c.fqdn.as_ref().and_then(|f| f.problem()) {
            sink.push(
                Finding::new(
                    Code::InvalidFqdn,
                    t!("rules-invalid-fqdn-cluster", problem = problem),
                    help.as_str(),
                )
                .severity(sev)
                .at(c.focus(), t!("rules-invalid-fqdn-label")),
            );
        }
        for m in &c.machines {
            if m.fqdn_span.is_none() {
                continue; // inherited from the cluster, reported there
            }
            if let Some(problem) = m.fqdn.as_ref().and_then(|f| f.problem()) {
                sink.push(
                    Finding::new(
                        Code::InvalidFqdn,
                        t!("rules-invalid-fqdn-machine", problem = problem),
                        help.as_str(),
                    )
                    .severity(sev)
                    .at(m.focus(), t!("rules-invalid-fqdn-label")),
                );
            }
        }
    }
}
