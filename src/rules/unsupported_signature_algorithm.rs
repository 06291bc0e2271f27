//! `unsupported-signature-algorithm`: RSASSA-PSS or another algorithm Lync rejects.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;
use crate::chain::{StepFailure, Verdict};

declare_rule! {
    /// ## What it does
    /// Reports a certificate signed with an algorithm Lync Server cannot use:
    /// RSASSA-PSS, Ed25519, MD5, or any algorithm topocert does not know.
    /// PKCS#1 v1.5 RSA and ECDSA with SHA-1/SHA-2 are accepted.
    ///
    /// ## Why Lync cares
    /// Lync Server 2013's certificate handling (and the Windows versions it runs on)
    /// does not accept RSASSA-PSS signatures on server certificates, and MD5 is
    /// refused everywhere. Such a certificate cannot be assigned to the web service.
    ///
    /// ## How to fix
    /// Have the CA issue the certificate with sha256WithRSAEncryption (in AD CS, set
    /// `AlternateSignatureAlgorithm` to 0 on the CA).
    ///
    /// ## Example
    /// `Signature Algorithm: RSASSA-PSS`
    UNSUPPORTED_SIGNATURE_ALGORITHM, "unsupported-signature-algorithm", Error, "the certificate is signed with an algorithm Lync rejects"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let alg = &cx.leaf.info.signature_algorithm;
    if !alg.accepted_by_lync() {
        sink.push(
            cx.finding(
                Code::UnsupportedSignatureAlgorithm,
                format!("certificate {} for {} is signed with {alg}, which Lync does not accept", cx.file.path, cx.fqdn),
                "have the CA reissue it with sha256WithRSAEncryption (AD CS: AlternateSignatureAlgorithm=0)",
            )
            .field(Field::SignatureAlgorithm, "not accepted by Lync"),
        );
    }
}

/// A CA certificate in the chain signed with an algorithm Lync does not accept (the
/// server certificate's own algorithm is reported by [`check`]).
pub fn check_chain(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    if let Verdict::Unverified {
        subject,
        failure: StepFailure::Unsupported,
        ..
    } = cx.verdict
        && *subject != cx.leaf.info.subject
    {
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
