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
        t!(
            "rules-missing-web-name-help",
            names = missing
                .iter()
                .map(|n| n.name.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            fqdn = cx.fqdn.as_str(),
        ),
    ));
}
