//! `ca-mismatch`: the certificate was not issued by the internal CA.

use super::{Code, Finding, ServerCx};
use crate::certs::summary::Field;
use crate::chain::Verdict;

declare_rule! {
    /// ## What it does
    /// Checks that the certificate was issued by the CA the internal Lync servers
    /// use: the `--ca` certificates (root and/or issuing CA), or, without `--ca`, the
    /// CA that issued most of the servers' certificates. The certificate must chain
    /// to that CA by issuer name and key identifier; the signatures on the way are
    /// verified by the `unverified-signature` part of the same check.
    ///
    /// ## Why Lync cares
    /// This is the Persistent Chat requirement itself: "you must have a certificate
    /// issued by the same CA as the one used by Lync Server 2013 internal servers for
    /// each server running the Persistent Chat Web Services for File
    /// Upload/Download". A certificate from a public or another internal CA blocks
    /// the installation.
    ///
    /// ## How to fix
    /// Request the certificate from the internal CA (the one named in the message)
    /// and replace the file. If the issuer is an intermediate of the internal CA,
    /// supply that intermediate's certificate with `--ca` or in the certificate file.
    ///
    /// ## Example
    /// `certificate for fe02.contoso.local was issued by CN=Northwind Public TLS CA,
    /// not by the internal CA (CN=Contoso Root CA)`
    CA_MISMATCH, "ca-mismatch", Error, "the certificate was not issued by the internal CA"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let Verdict::OtherCa { issuer, top } = cx.verdict else {
        return;
    };
    let expected = cx.ca.subjects.join("; ");
    let chain = top
        .as_ref()
        .map(|t| format!(" (its chain ends at {t})"))
        .unwrap_or_default();
    sink.push(
        cx.finding(
            Code::CaMismatch,
            format!(
                "certificate {} for {} was issued by {issuer}{chain}, not by the internal CA ({expected})",
                cx.file.path, cx.fqdn
            ),
            format!(
                "request the certificate from the internal CA ({expected}); if {issuer} is an intermediate of it, supply its certificate with --ca"
            ),
        )
        .field(Field::Issuer, "not the internal CA"),
    )
}
