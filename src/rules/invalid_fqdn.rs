//! `invalid-fqdn`: an FQDN in the topology is not a DNS name.

use super::TopologyCx;
use super::{Code, Finding, Severity};

declare_rule! {
    /// ## What it does
    /// Reports a cluster or machine `Fqdn` that is not a DNS host name: empty, with
    /// spaces or other characters DNS does not allow, or an unexpanded script
    /// variable such as `$SkypeFQDN` left by a deployment script's template.
    ///
    /// ## Why Lync cares
    /// Lync publishes, installs and requests certificates for exactly this name. A
    /// name that is not a DNS name matches no certificate, and setup fails.
    ///
    /// ## How to fix
    /// Put the real FQDN in the topology (expand the script variable before
    /// publishing) and export it again.
    ///
    /// ## Example
    /// `<Machine OrdinalInCluster="1" Fqdn="$SkypeFQDN" />`
    INVALID_FQDN, "invalid-fqdn", Error, "an FQDN in the topology is not a DNS name"
}

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
