//! `ca-mismatch`: the certificate was not issued by the internal CA.

use super::{Code, Finding, Severity};
use crate::certs::summary::Field;
use crate::chain::{StepFailure, Verdict};
use crate::check::ServerCx;

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
    let expected = cx.ca.subjects.join("; ");
    match cx.trust.walk(cx.leaf) {
        Verdict::Trusted | Verdict::NamedOnly | Verdict::NoExpectedCa => {}
        Verdict::OtherCa { issuer, top } => {
            let chain = top
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
        Verdict::KeyIdMismatch { issuer } => sink.push(
            cx.finding(
                Code::UnverifiedSignature,
                format!(
                    "certificate {} for {} names {issuer} as issuer, but its authority key identifier matches no certificate of that CA",
                    cx.file.path, cx.fqdn
                ),
                "the certificate was signed by a different key with the same CA name: request it again from the internal CA",
            )
            .field(Field::Aki, "no CA certificate has this key identifier"),
        ),
        Verdict::Unverified {
            subject,
            signer,
            failure: StepFailure::Forged,
        } => sink.push(
            cx.finding(
                Code::UnverifiedSignature,
                format!(
                    "the signature on {subject} (in {} for {}) does not verify with the key of {signer}",
                    cx.file.path, cx.fqdn
                ),
                "the certificate is forged, corrupt or signed by another key with the same CA name: request it again from the internal CA",
            )
            .field(Field::Issuer, "signature does not verify with this CA's key"),
        ),
        Verdict::Unverified {
            signer,
            failure: StepFailure::WeakSigner { bits },
            ..
        } => sink.push(
            cx.finding(
                Code::WeakKey,
                format!(
                    "CA {signer} in the chain of {} for {} has a {bits}-bit RSA key, so its signature is not verified",
                    cx.file.path, cx.fqdn
                ),
                "renew the CA with a 2048-bit or longer key and reissue the certificate",
            )
            .severity(super::weak_key::severity_for(bits).unwrap_or(Severity::Warning))
            .field(Field::Issuer, format!("{bits}-bit CA key")),
        ),
        Verdict::Unverified {
            subject,
            failure: StepFailure::Unsupported,
            ..
        } => {
            // The server certificate's own algorithm is reported by its own rule.
            if subject != cx.leaf.info.subject {
                sink.push(
                    cx.finding(
                        Code::UnsupportedSignatureAlgorithm,
                        format!(
                            "CA certificate {subject} in the chain of {} for {} is signed with an algorithm Lync does not accept",
                            cx.file.path, cx.fqdn
                        ),
                        "have the CA hierarchy reissued with sha256WithRSAEncryption",
                    )
                    .field(Field::Issuer, "its CA certificate's signature algorithm"),
                );
            }
        }
    }
}
