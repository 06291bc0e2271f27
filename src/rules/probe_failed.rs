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
                format!("cannot take a certificate from {source}: {reason}"),
                format!(
                    "make {fqdn} reachable over TLS 1.2 or 1.3 (--connect, --probe-port and --probe-timeout say where and how long to try), or pass its certificate file with --certs"
                ),
            )
            .subject(server_subject(server))
            .at(
                server.span.clone(),
                "this server was probed over TLS for its certificate",
            ),
        );
    }
}
