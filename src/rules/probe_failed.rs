//! `probe-failed`: `check --probe` could not take a certificate from a server.

use super::{Code, FilesCx, Finding, server_subject};

declare_rule! {
    /// ## What it does
    /// With `topocert check --probe`, reports a server running the Persistent Chat
    /// Web Services for File Upload/Download from which no certificate could be
    /// taken over TLS: its name does not resolve, the connection is refused, reset
    /// or times out, the port answers in plain HTTP or in something that is not TLS,
    /// the server offers only TLS 1.0/1.1 or SSL, the handshake fails, or the
    /// presented chain is too long or cannot be parsed. The message names the
    /// source (`tls://FQDN:PORT`, with the address used) and the reason.
    ///
    /// ## Why Lync cares
    /// The certificate a server presents on its internal web site is the one
    /// Persistent Chat clients and setup meet. When it cannot be read, the server
    /// has not been checked at all, and a check that silently skipped it would
    /// report a partial set of servers as complete.
    ///
    /// ## How to fix
    /// Make the server reachable from where topocert runs (`--connect FQDN=ADDRESS`
    /// reaches it at another address, `--probe-port` on another port, a longer
    /// `--probe-timeout` helps slow links), enable TLS 1.2 on it, or export its
    /// certificate and pass the file with `--certs` instead.
    ///
    /// ## Example
    /// `cannot take a certificate from tls://fe01.contoso.local:443 (10.0.0.5:443):
    /// the connection was refused (nothing listens on port 443)`
    PROBE_FAILED, "probe-failed", Error, "check --probe could not take a certificate from a server"
}

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
