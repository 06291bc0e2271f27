//! `ca-mismatch`: the certificate was not issued by the internal CA.

use super::{Code, Finding, ServerCx};
use crate::certs::summary::Field;
use crate::chain::Verdict;

declare_rule! { CA_MISMATCH, "ca-mismatch", Error }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let Verdict::OtherCa {
        issuer,
        top,
        impostor,
    } = cx.verdict
    else {
        return;
    };
    let expected = cx.ca.subjects.join("; ");
    if let (Some(top), Some(key)) = (top, impostor) {
        sink.push(
            cx.finding(
                Code::CaMismatch,
                t!(
                    "rules-ca-mismatch-impostor",
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                    top = top.as_str(),
                    key = key.as_str(),
                ),
                t!("rules-ca-mismatch-impostor-help"),
            )
            .field(Field::Issuer, t!("rules-ca-mismatch-impostor-label")),
        );
        return;
    }
    let path = cx.file.path.as_str();
    let fqdn = cx.fqdn.as_str();
    let message = match top {
        Some(top) => t!(
            "rules-ca-mismatch-chain",
            path = path,
            fqdn = fqdn,
            issuer = issuer.as_str(),
            top = top.as_str(),
            expected = expected.as_str(),
        ),
        None => t!(
            "rules-ca-mismatch",
            path = path,
            fqdn = fqdn,
            issuer = issuer.as_str(),
            expected = expected.as_str(),
        ),
    };
    sink.push(
        cx.finding(
            Code::CaMismatch,
            message,
            t!("rules-ca-mismatch-help", expected = expected.as_str()),
        )
        .field(Field::Issuer, t!("rules-ca-mismatch-label")),
    )
}
