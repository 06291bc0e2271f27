//! `unsupported-signature-algorithm`: RSASSA-PSS or another algorithm Lync rejects.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;
use crate::chain::{StepFailure, Verdict};

declare_rule! { UNSUPPORTED_SIGNATURE_ALGORITHM, "unsupported-signature-algorithm", Error }

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
