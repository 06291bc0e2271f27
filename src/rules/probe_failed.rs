//! `probe-failed`: `check --probe` could not take a certificate from a server.

use super::{Code, FilesCx, Finding, server_subject};

declare_rule! { PROBE_FAILED, "probe-failed", Error }

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    for (si, source, reason) in &cx.pairing.probe_failed {
        let Some(server) = cx.roles.servers.get(*si) else {
            continue;
        };
        let Some(fqdn) = &server.fqdn else { continue };
        sink.push(
            Finding::new(
                Code::ProbeFailed,
                t!(
                    "rules-probe-failed",
                    source = source.to_string(),
                    reason = reason.to_string(),
                ),
                t!("rules-probe-failed-help", fqdn = fqdn.as_str()),
            )
            .subject(server_subject(server))
            .at(server.span.clone(), t!("rules-probe-failed-label")),
        );
    }
}
