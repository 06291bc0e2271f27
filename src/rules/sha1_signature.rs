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
                format!(
                    "certificate {} for {} is signed with SHA-1",
                    cx.file.path, cx.fqdn
                ),
                "reissue the certificate with SHA-256",
            )
            .field(Field::SignatureAlgorithm, "SHA-1"),
        );
    }
}
