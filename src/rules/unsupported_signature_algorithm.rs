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
                t!(
                    "rules-unsupported-signature-algorithm",
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                    algorithm = alg.to_string(),
                ),
                t!("rules-unsupported-signature-algorithm-help"),
            )
            .field(
                Field::SignatureAlgorithm,
                t!("rules-unsupported-signature-algorithm-label"),
            ),
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
                t!(
                    "rules-unsupported-signature-algorithm-chain",
                    subject = subject.as_str(),
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                ),
                t!("rules-unsupported-signature-algorithm-chain-help"),
            )
            .field(
                Field::Issuer,
                t!("rules-unsupported-signature-algorithm-chain-label"),
            ),
        );
    }
}
