//! `weak-key`: an RSA key shorter than 2048 bits.

use super::ServerCx;
use super::{Code, Finding, Severity};
use crate::certs::info::KeyAlgorithm;
use crate::certs::summary::Field;
use crate::chain::{StepFailure, Verdict};

declare_rule! { WEAK_KEY, "weak-key", Error }

/// Severity for an RSA key of `bits`, `None` when it is long enough.
pub fn severity_for(bits: u32) -> Option<Severity> {
    match bits {
        0..1024 => Some(Severity::Error),
        1024..2048 => Some(Severity::Warning),
        _ => None,
    }
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let key = &cx.leaf.info.key;
    if let (KeyAlgorithm::Rsa, Some(bits)) = (&key.algorithm, key.bits)
        && let Some(sev) = severity_for(bits)
    {
        sink.push(
            cx.finding(
                Code::WeakKey,
                t!(
                    "rules-weak-key",
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                    bits = bits,
                ),
                t!("rules-weak-key-help"),
            )
            .severity(sev)
            .field(Field::Key, t!("rules-weak-key-label")),
        );
    }
}

/// A CA in the chain whose short RSA key kept its signature from being verified.
pub fn check_chain(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    if let Verdict::Unverified {
        signer,
        failure: StepFailure::WeakSigner { bits },
        ..
    } = cx.verdict
    {
        sink.push(
            cx.finding(
                Code::WeakKey,
                t!(
                    "rules-weak-key-chain",
                    signer = signer.as_str(),
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                    bits = *bits,
                ),
                t!("rules-weak-key-chain-help"),
            )
            .severity(severity_for(*bits).unwrap_or(Severity::Warning))
            .field(
                Field::Issuer,
                t!("rules-weak-key-chain-label", bits = *bits),
            ),
        );
    }
}
