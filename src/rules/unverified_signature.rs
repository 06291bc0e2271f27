//! `unverified-signature`: the issuer name matches but the signature does not verify.

use super::{Code, Finding, ServerCx};
use crate::certs::summary::Field;
use crate::chain::{StepFailure, Verdict};

declare_rule! { UNVERIFIED_SIGNATURE, "unverified-signature", Error }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let Verdict::Unverified {
        subject,
        signer,
        failure: StepFailure::Forged,
    } = cx.verdict
    else {
        return;
    };
    sink.push(
        cx.finding(
            Code::UnverifiedSignature,
            t!(
                "rules-unverified-signature",
                subject = subject.as_str(),
                path = cx.file.path.as_str(),
                fqdn = cx.fqdn.as_str(),
                signer = signer.as_str(),
            ),
            t!("rules-unverified-signature-help"),
        )
        .field(Field::Issuer, t!("rules-unverified-signature-label")),
    );
}
