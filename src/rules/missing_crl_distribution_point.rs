//! `missing-crl-distribution-point`: the certificate has no CDP.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! { MISSING_CRL_DISTRIBUTION_POINT, "missing-crl-distribution-point", Error }

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
