//! `cross-certified-chain`: the chain reaches the internal CA through a cross-certificate.

use super::{Code, Finding, ServerCx};
use crate::certs::summary::Field;
use crate::chain::Verdict;

declare_rule! {
    /// ## What it does
    /// Notes a certificate whose chain reaches the internal CA only through a
    /// cross-certificate: a certificate for another root CA (a CA whose
    /// self-signed certificate was also supplied) issued by a CA of the internal
    /// hierarchy. topocert follows cross-certificates as Windows does, so the
    /// certificate passes; the note names the cross-certificate it relied on.
    ///
    /// ## Why Lync cares
    /// Windows builds the same chain only when the cross-certificate is in the
    /// server's intermediate store (or published by AD). A server that lacks it
    /// ends at the other organisation's root instead of the internal one.
    ///
    /// ## How to fix
    /// Nothing to fix when the cross-certificate is deployed to the servers (AD
    /// publishes it with `certutil -dspublish -f FILE CrossCA`). Otherwise request
    /// the certificate from the internal CA.
    ///
    /// ## Example
    /// `the chain of certs/fe01.cer for fe01.contoso.local reaches the internal CA through
    /// the cross-certificate CN=Fabrikam Root CA issued by CN=Contoso Root CA`
    CROSS_CERTIFIED_CHAIN, "cross-certified-chain", Note, "the chain reaches the internal CA through a cross-certificate"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let (Verdict::Trusted, Some((subject, issuer))) = (cx.verdict, &cx.outcome.cross) else {
        return;
    };
    sink.push(
        cx.finding(
            Code::CrossCertifiedChain,
            format!(
                "the chain of {} for {} reaches the internal CA through the cross-certificate {subject} issued by {issuer}",
                cx.file.path, cx.fqdn
            ),
            "make sure the cross-certificate is in the servers' intermediate store (or published in AD)",
        )
        .field(Field::Issuer, "chains through a cross-certificate"),
    );
}
