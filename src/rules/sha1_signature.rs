//! `sha1-signature`: the certificate is signed with SHA-1.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::info::Hash;
use crate::certs::summary::Field;

declare_rule! { SHA1_SIGNATURE, "sha1-signature", Warning }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    if cx.leaf.info.signature_algorithm.hash() == Some(Hash::Sha1) {
        sink.push(
            cx.finding(
                Code::Sha1Signature,
                t!(
                    "rules-sha1-signature",
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                ),
                t!("rules-sha1-signature-help"),
            )
            .field(Field::SignatureAlgorithm, t!("rules-sha1-signature-label")),
        );
    }
}
