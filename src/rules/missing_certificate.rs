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
        let names = match list.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => fqdn.to_string(),
        };
        sink.push(
            Finding::new(
                Code::MissingCertificate,
                format!("no certificate was supplied for {fqdn}"),
                format!(
                    "request a certificate from the internal CA with SAN {names} and pass it with --certs; run `topocert plan TOPOLOGY` for {fqdn}'s request"
                ),
            )
            .subject(server_subject(server))
            .at(
                server.span.clone(),
                "this server needs a certificate from the internal CA",
            ),
        );
    }
}
