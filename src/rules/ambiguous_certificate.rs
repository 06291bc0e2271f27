//! `ambiguous-certificate`: more than one certificate claims a server.

use super::{Code, FilesCx, Finding, server_subject};

declare_rule! {
    /// ## What it does
    /// Reports a server that two or more supplied certificates name (by SAN, CN or
    /// file name) when the file names do not settle which one is meant.
    ///
    /// ## Why Lync cares
    /// Only one certificate is assigned to the web service on a server. topocert
    /// cannot know which one will be, so it cannot vouch for either.
    ///
    /// ## How to fix
    /// Remove the stale certificate from the folder, name the file after the server
    /// (`fe01.contoso.local.cer`), or map the server to its file in the
    /// `[certificates]` table of `topocert.toml`.
    ///
    /// ## Example
    /// `certs/old/fe01.cer` and `certs/fe01-2026.cer` both have SAN `fe01.contoso.local`.
    AMBIGUOUS_CERTIFICATE, "ambiguous-certificate", Error, "more than one certificate claims a server"
}

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    for (si, contenders) in &cx.pairing.ambiguous {
        let Some(server) = cx.roles.servers.get(*si) else {
            continue;
        };
        let Some(fqdn) = &server.fqdn else { continue };
        let paths: Vec<&str> = contenders
            .iter()
            .filter_map(|fi| cx.files.get(*fi))
            .map(|f| f.path.as_str())
            .collect();
        let first = contenders.first().copied().unwrap_or(0);
        sink.push(
            Finding::new(
                Code::AmbiguousCertificate,
                format!("{} certificates claim {fqdn}: {}", paths.len(), paths.join(", ")),
                format!(
                    "keep one, name its file `{fqdn}.cer`, or map it in the [certificates] table of topocert.toml"
                ),
            )
            .subject(server_subject(server))
            .certificate(first)
            .at(server.span.clone(), "claimed by several certificates"),
        );
    }
}
