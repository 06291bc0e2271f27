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
            format!(
                "the signature on {subject} (in {} for {}) does not verify with the key of {signer}",
                cx.file.path, cx.fqdn
            ),
            "the certificate is forged, corrupt or signed by another key with the same CA name: request it again from the internal CA",
        )
        .field(Field::Issuer, "signature does not verify with this CA's key"),
    );
}
