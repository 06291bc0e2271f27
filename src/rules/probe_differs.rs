//! `probe-differs`: a server presents another certificate than the file supplied for it.

use super::{Code, FilesCx, Finding, server_subject};

declare_rule! {
    /// ## What it does
    /// With `topocert check --probe` and `--certs` together, reports a server whose
    /// supplied certificate file is not the certificate it presents over TLS. The
    /// supplied file is the one checked by the other rules (it wins); both appear in
    /// the report's certificate list for the server. When they are the same
    /// certificate, nothing is reported beyond that list.
    ///
    /// ## Why Lync cares
    /// Persistent Chat setup and clients meet the certificate bound on the server,
    /// not a file next to the topology. A file that was never installed, or a
    /// renewal that was not bound, passes on paper and fails in production.
    ///
    /// ## How to fix
    /// Install and bind the supplied certificate on the server (Lync Server
    /// Deployment Wizard, or `Set-CsCertificate`), or check the presented one by
    /// running `--probe` without a file for that server.
    ///
    /// ## Example
    /// `fe01.contoso.local presents serial 0a1b over TLS, but the file certs/fe01.cer
    /// supplied for it holds serial 7f00`
    PROBE_DIFFERS, "probe-differs", Warning, "a server presents another certificate than the file supplied for it"
}

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    for (si, supplied, probed) in &cx.pairing.probe_differs {
        let (Some(server), Some(file), Some(presented)) = (
            cx.roles.servers.get(*si),
            cx.files.get(*supplied),
            cx.files.get(*probed),
        ) else {
            continue;
        };
        let (Some(fqdn), Some(s), Some(p)) = (&server.fqdn, file.leaf(), presented.leaf()) else {
            continue;
        };
        sink.push(
            Finding::new(
                Code::ProbeDiffers,
                format!(
                    "{fqdn} presents serial {} at {}, but the file {} supplied for it holds serial {}; the supplied file was checked",
                    p.info.serial_hex, presented.path, file.path, s.info.serial_hex
                ),
                "bind the supplied certificate on the server, or drop the file so the presented one is checked",
            )
            .subject(server_subject(server))
            .certificate(*supplied)
            .at(
                server.span.clone(),
                "the certificate this server presents is not the one supplied",
            ),
        );
    }
}
