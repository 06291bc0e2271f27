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
                format!(
                    "certificate {} for {} chains to a self-signed root that copies the name {top} of the internal CA but holds another key (SHA-1 of the key {key}), which was not given with --ca",
                    cx.file.path, cx.fqdn
                ),
                "a root with the internal CA's name and another key is a different CA: request the certificate from the internal CA",
            )
            .field(Field::Issuer, "not the internal CA's key"),
        );
        return;
    }
    let chain = top
        .as_ref()
        .map(|t| format!(" (its chain ends at {t})"))
        .unwrap_or_default();
    sink.push(
        cx.finding(
            Code::CaMismatch,
            format!(
                "certificate {} for {} was issued by {issuer}{chain}, not by the internal CA ({expected})",
                cx.file.path, cx.fqdn
            ),
            format!("request the certificate from the internal CA ({expected})"),
        )
        .field(Field::Issuer, "not the internal CA"),
    )
}
