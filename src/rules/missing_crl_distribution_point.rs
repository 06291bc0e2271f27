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
                t!(
                    "rules-missing-crl-distribution-point",
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                ),
                t!("rules-missing-crl-distribution-point-help"),
            )
            .field(Field::Cdp, t!("rules-missing-crl-distribution-point-label")),
        );
    }
}
