//! `missing-web-name`: the certificate lacks a name the other web services need.

use super::ServerCx;
use super::{Code, Finding};
use crate::names::{Need, RequiredName};

declare_rule! { MISSING_WEB_NAME, "missing-web-name", Warning }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let missing: Vec<&RequiredName> = cx
        .names
        .missing(&cx.leaf.info, cx.layout)
        .into_iter()
        .filter(|n| n.need == Need::Web)
        .collect();
    if missing.is_empty() {
        return;
    }
    sink.push(super::name_mismatch::report(
        cx,
        Code::MissingWebName,
        &missing,
        format!(
            "request a certificate that also lists {}; run `topocert plan TOPOLOGY` for {}'s request",
            missing
                .iter()
                .map(|n| n.name.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            cx.fqdn
        ),
    ));
}
