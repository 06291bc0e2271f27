//! `missing-crl-distribution-point`: the certificate has no CDP.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! {
    /// ## What it does
    /// Reports a certificate without a CRL Distribution Points extension (or with an
    /// empty one).
    ///
    /// ## Why Lync cares
    /// Lync servers check revocation of the certificates they are offered. Without a
    /// CRL distribution point revocation cannot be checked, and connections to the
    /// file-transfer web service fail or are logged as untrusted.
    ///
    /// ## How to fix
    /// Configure the CDP extension on the CA and reissue the certificate.
    ///
    /// ## Example
    /// `CRL Distribution: (none)`
    MISSING_CRL_DISTRIBUTION_POINT, "missing-crl-distribution-point", Error, "the certificate has no CRL distribution point"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let has = cx
        .leaf
        .info
        .crl_distribution_points
        .as_ref()
        .is_some_and(|v| !v.is_empty());
    if !has {
        sink.push(
            cx.finding(
                Code::MissingCrlDistributionPoint,
                format!(
                    "certificate {} for {} has no CRL distribution point",
                    cx.file.path, cx.fqdn
                ),
                "configure a CRL distribution point on the CA and reissue the certificate",
            )
            .field(Field::Cdp, "no CDP extension"),
        );
    }
}
