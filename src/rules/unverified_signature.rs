//! `unverified-signature`: the issuer name matches but the signature does not verify.

use super::{Code, Finding, ServerCx};
use crate::certs::summary::Field;
use crate::chain::{StepFailure, Verdict};

declare_rule! {
    /// ## What it does
    /// Reports a certificate whose signature does not verify under the key its
    /// issuer name and authority key identifier point to: every supplied CA
    /// certificate of that name and key id was tried, and none verifies it.
    /// A CA certificate that was not supplied at all is `issuer-not-supplied`, not
    /// this. Signatures made with RSASSA-PSS or by keys under 2048 bits are not
    /// called unverified: they are reported as `unsupported-signature-algorithm`
    /// and `weak-key`.
    ///
    /// ## Why Lync cares
    /// A certificate that only claims the internal CA's name was not issued by it.
    /// Windows will not build a chain for it, and Persistent Chat setup refuses it.
    ///
    /// ## How to fix
    /// Request the certificate again from the internal CA.
    ///
    /// ## Example
    /// A certificate made by a test CA that was given the production CA's name.
    UNVERIFIED_SIGNATURE, "unverified-signature", Error, "the issuer name matches but the signature does not verify"
}

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
