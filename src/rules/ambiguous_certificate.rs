//! `ambiguous-certificate`: more than one certificate claims a server.

use super::{Code, FilesCx, Finding, server_subject};

declare_rule! { AMBIGUOUS_CERTIFICATE, "ambiguous-certificate", Error }

/// Paths listed in one message at most; the rest are counted.
const LISTED: usize = 20;

/// One finding per ambiguous server; the contenders are listed in full (up to
/// [`LISTED`]) once per group of servers they all claim, and the other servers of
/// the group refer to that report, so the output stays linear in servers plus files.
pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    let mut first_of_group: Vec<Option<&crate::fqdn::Fqdn>> = vec![None; cx.pairing.groups.len()];
    let members = {
        let mut m = vec![0usize; cx.pairing.groups.len()];
        for (_, g) in &cx.pairing.ambiguous {
            if let Some(c) = m.get_mut(*g) {
                *c += 1;
            }
        }
        m
    };
    for (si, g) in &cx.pairing.ambiguous {
        let Some(server) = cx.roles.servers.get(*si) else {
            continue;
        };
        let Some(fqdn) = &server.fqdn else { continue };
        let Some(contenders) = cx.pairing.groups.get(*g) else {
            continue;
        };
        let first = contenders.first().copied().unwrap_or(0);
        let message = match first_of_group.get(*g).copied().flatten() {
            Some(reported) => t!(
                "rules-ambiguous-certificate-same",
                count = contenders.len(),
                reported = reported.as_str(),
                fqdn = fqdn.as_str(),
            ),
            None => {
                if let Some(slot) = first_of_group.get_mut(*g) {
                    *slot = Some(fqdn);
                }
                let paths: Vec<&str> = contenders
                    .iter()
                    .take(LISTED)
                    .filter_map(|fi| cx.files.get(*fi))
                    .map(|f| f.path.as_str())
                    .collect();
                let more = contenders.len().saturating_sub(LISTED);
                let others = members.get(*g).copied().unwrap_or(1).saturating_sub(1);
                t!(
                    "rules-ambiguous-certificate",
                    count = contenders.len(),
                    fqdn = fqdn.as_str(),
                    others = others,
                    paths = paths.join(", "),
                    more = more,
                )
            }
        };
        sink.push(
            Finding::new(
                Code::AmbiguousCertificate,
                message,
                t!("rules-ambiguous-certificate-help", fqdn = fqdn.as_str()),
            )
            .subject(server_subject(server))
            .certificate(first)
            .at(server.span.clone(), t!("rules-ambiguous-certificate-label")),
        );
    }
}
