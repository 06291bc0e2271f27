//! `name-mismatch`: the certificate does not name what file transfer needs.

use super::ServerCx;
use super::{Code, Finding, Place};
use crate::certs::summary::Field;
use crate::names::{Need, RequiredName};

declare_rule! { NAME_MISMATCH, "name-mismatch", Error }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let missing: Vec<&RequiredName> = cx
        .names
        .missing(&cx.leaf.info, cx.layout)
        .into_iter()
        .filter(|n| n.need == Need::FileTransfer)
        .collect();
    if missing.is_empty() {
        return;
    }
    let needed: Vec<String> = cx
        .names
        .on_internal(cx.layout)
        .filter(|n| n.need == Need::FileTransfer)
        .map(|n| n.name.to_string())
        .collect();
    sink.push(report(
        cx,
        Code::NameMismatch,
        &missing,
        format!(
            "request a certificate whose SAN lists {}; run `topocert plan TOPOLOGY` for {}'s request",
            needed.join(" and "),
            cx.fqdn
        ),
    ));
}

/// The finding for `missing` names, shared with `missing-web-name`: each name with
/// its reason in the message, and a label where each comes from.
pub(super) fn report(
    cx: &ServerCx<'_>,
    code: Code,
    missing: &[&RequiredName],
    help: String,
) -> Finding {
    let info = &cx.leaf.info;
    let (field, where_) = if info.has_san {
        (Field::San, "its subject alternative names")
    } else {
        (Field::Subject, "its subject CN (it has no SAN extension)")
    };
    let presented = info.presented_names();
    let shown = if presented.is_empty() {
        "nothing".to_string()
    } else {
        presented.join(", ")
    };
    let list: Vec<String> = missing
        .iter()
        .map(|n| format!("{} ({})", n.name, n.why()))
        .collect();
    let mut f = cx
        .finding(
            code,
            format!(
                "certificate {} for {} does not cover {}: {where_} name {shown}",
                cx.file.path,
                cx.fqdn,
                list.join(", ")
            ),
            help,
        )
        .field(
            field,
            format!(
                "missing {}",
                missing
                    .iter()
                    .map(|n| n.name.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    for n in missing {
        for r in &n.reasons {
            let place = match &r.place {
                crate::names::Place::Topology(s) => Place::Topology(s.clone()),
                crate::names::Place::Config(s) => Place::Config(s.clone()),
            };
            // The server's own name is already labelled by the finding itself.
            if matches!(&place, Place::Topology(s) if *s == cx.server.span) {
                continue;
            }
            f = f.label(place, format!("{}: {}", n.name, r.why.describe()));
        }
    }
    f
}
