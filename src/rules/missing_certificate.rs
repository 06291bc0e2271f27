//! `missing-certificate`: a file-transfer server has no certificate.

use super::{Code, FilesCx, Finding, server_subject};

declare_rule! { MISSING_CERTIFICATE, "missing-certificate", Error }

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    for server in cx
        .pairing
        .missing
        .iter()
        .filter_map(|si| cx.roles.servers.get(*si))
        .filter(|s| !s.no_persistent_chat)
    {
        let Some(fqdn) = &server.fqdn else { continue };
        // The file-transfer names do not depend on the [web] settings.
        let required = crate::names::required(cx.topology, server, &Default::default());
        let list: Vec<String> = required
            .names
            .iter()
            .filter(|n| n.need == crate::names::Need::FileTransfer)
            .map(|n| n.name.to_string())
            .collect();
        let help = match list.split_last() {
            Some((last, [])) => t!(
                "rules-missing-certificate-help-one",
                name = last.as_str(),
                fqdn = fqdn.as_str(),
            ),
            Some((last, rest)) => t!(
                "rules-missing-certificate-help-many",
                names = rest.join(", "),
                last = last.as_str(),
                fqdn = fqdn.as_str(),
            ),
            None => t!(
                "rules-missing-certificate-help-one",
                name = fqdn.as_str(),
                fqdn = fqdn.as_str(),
            ),
        };
        sink.push(
            Finding::new(
                Code::MissingCertificate,
                t!("rules-missing-certificate", fqdn = fqdn.as_str()),
                help,
            )
            .subject(server_subject(server))
            .at(server.span.clone(), t!("rules-missing-certificate-label")),
        );
    }
}
