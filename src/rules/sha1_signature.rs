//! `sha1-signature`: the certificate is signed with SHA-1.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::info::Hash;
use crate::certs::summary::Field;

declare_rule! {
    /// ## What it does
    /// Warns about a certificate signed with SHA-1 (sha1WithRSAEncryption or
    /// ecdsa-with-SHA1).
    ///
    /// ## Why Lync cares
    /// Lync Server 2013 still accepts SHA-1, but clients and browsers that download
    /// Persistent Chat files over the web service distrust SHA-1 certificates.
    ///
    /// ## How to fix
    /// Reissue the certificate with SHA-256.
    ///
    /// ## Example
    /// `Signature Algorithm: sha1WithRSAEncryption`
    SHA1_SIGNATURE, "sha1-signature", Warning, "the certificate is signed with SHA-1"
}

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
