//! `missing-web-name`: the certificate lacks a name the other web services need.

use super::ServerCx;
use super::{Code, Finding};
use crate::names::{Need, RequiredName};

declare_rule! {
    /// ## What it does
    /// Checks that the certificate also names what the other web services sharing it
    /// are reached by, as Lync's certificate wizard requests them: the external web
    /// services FQDN when internal and external web share one certificate
    /// (`[web] layout = "combined"`, the default), the simple URLs (meet, dialin,
    /// admin: from the topology where it declares them, else `[web] simple-urls`),
    /// `lyncdiscoverinternal.` and `lyncdiscover.` for every SIP domain, and
    /// `sip.<SIP domain>` when `[web] strict-dns = true`. Wildcards match one
    /// left-most label (RFC 6125). The names are the ones `topocert plan` requests.
    ///
    /// ## Why Lync cares
    /// File transfer works without them, so this is a warning; but once the
    /// certificate is assigned to the pool's web services, meetings, dial-in and
    /// sign-in discovery fail TLS for every name it does not carry.
    ///
    /// ## How to fix
    /// Request the certificate `topocert plan TOPOLOGY` lists for the server; with
    /// separate internal and external certificates, set `[web] layout = "split"`.
    ///
    /// ## Example
    /// A certificate naming `fe01.contoso.local` and `pool01.contoso.local` but not
    /// `lyncdiscoverinternal.contoso.local`.
    MISSING_WEB_NAME, "missing-web-name", Warning, "the certificate lacks a name the pool's other web services need"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let missing: Vec<&RequiredName> = cx
        .names
        .missing(&cx.leaf.info, cx.layout)
        .into_iter()
        .filter(|n| n.need == Need::Web)
        .collect();
    if missing.is_empty() {
        return;
    }
    sink.push(super::name_mismatch::report(
        cx,
        Code::MissingWebName,
        &missing,
        format!(
            "request a certificate that also lists {}; run `topocert plan TOPOLOGY` for {}'s request",
            missing
                .iter()
                .map(|n| n.name.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            cx.fqdn
        ),
    ));
}
