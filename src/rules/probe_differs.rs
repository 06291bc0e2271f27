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
                t!(
                    "rules-probe-differs",
                    fqdn = fqdn.as_str(),
                    presented = p.info.serial_hex.as_str(),
                    at = presented.path.as_str(),
                    path = file.path.as_str(),
                    supplied = s.info.serial_hex.as_str(),
                ),
                t!("rules-probe-differs-help"),
            )
            .subject(server_subject(server))
            .certificate(*supplied)
            .at(server.span.clone(), t!("rules-probe-differs-label")),
        );
    }
}
