//! `probe-differs`: a server presents another certificate than the file supplied for it.

use super::{Code, FilesCx, Finding, server_subject};

declare_rule! { PROBE_DIFFERS, "probe-differs", Warning }

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
