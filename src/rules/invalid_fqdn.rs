//! `invalid-fqdn`: an FQDN in the topology is not a DNS name.

use super::TopologyCx;
use super::{Code, Finding, Severity};

declare_rule! { INVALID_FQDN, "invalid-fqdn", Error }

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let help = "write the real FQDN of the server in the topology and export it again";
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
                    format!("cluster Fqdn is not a DNS name: {problem}"),
                    help,
                )
                .severity(sev)
                .at(c.focus(), "not a DNS name"),
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
                        format!("machine Fqdn is not a DNS name: {problem}"),
                        help,
                    )
                    .severity(sev)
                    .at(m.focus(), "not a DNS name"),
                );
            }
        }
    }
}
