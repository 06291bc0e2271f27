//! `ca-mismatch`: the certificate was not issued by the internal CA.

use super::{Code, Finding, ServerCx};
use crate::certs::summary::Field;
use crate::chain::Verdict;

declare_rule! {
    /// ## What it does
    /// Checks that the certificate was issued by the CA the internal Lync servers
    /// use: the `--ca` certificates (root and/or issuing CA), or, without `--ca`, the
    /// CA that issued most of the internal servers' certificates. It fires only for
    /// a complete chain, every signature verified, that ends at a root which is not
    /// the internal CA (a root that copies the internal CA's name but holds another
    /// key included). A chain that stops because a CA certificate is missing is
    /// `issuer-not-supplied`; a signature that fails is `unverified-signature`.
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
    /// and replace the file.
    ///
    /// ## Example
    /// `certificate certs/fe02.cer for fe02.contoso.local was issued by CN=Northwind
    /// Public TLS CA, not by the internal CA (CN=Contoso Root CA)`
    CA_MISMATCH, "ca-mismatch", Error, "the certificate was not issued by the internal CA"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let Verdict::OtherCa {
        issuer,
        top,
        impostor,
    } = cx.verdict
    else {
        return;
    };
    let expected = cx.ca.subjects.join("; ");
    if let (Some(top), Some(key)) = (top, impostor) {
        sink.push(
            cx.finding(
                Code::CaMismatch,
                format!(
                    "certificate {} for {} chains to a self-signed root that copies the name {top} of the internal CA but holds another key (SHA-1 of the key {key}), which was not given with --ca",
                    cx.file.path, cx.fqdn
                ),
                "a root with the internal CA's name and another key is a different CA: request the certificate from the internal CA",
            )
            .field(Field::Issuer, "not the internal CA's key"),
        );
        return;
    }
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
            format!("request the certificate from the internal CA ({expected})"),
        )
        .field(Field::Issuer, "not the internal CA"),
    )
}
