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
        t!(
            "rules-name-mismatch-help",
            names = and_list(&needed),
            fqdn = cx.fqdn.as_str(),
        ),
    ));
}

/// Names joined with the catalogue's "and" (`a and b and c`).
fn and_list(names: &[String]) -> String {
    let mut it = names.iter();
    let first = it.next().cloned().unwrap_or_default();
    it.fold(first, |acc, n| {
        t!("rules-and", first = acc, second = n.as_str())
    })
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
        (Field::San, "san")
    } else {
        (Field::Subject, "cn")
    };
    let presented = info.presented_names();
    let list: Vec<String> = missing
        .iter()
        .map(|n| format!("{} ({})", n.name, n.why()))
        .collect();
    let mut f = cx
        .finding(
            code,
            t!(
                "rules-name-mismatch",
                path = cx.file.path.as_str(),
                fqdn = cx.fqdn.as_str(),
                missing = list.join(", "),
                field = where_,
                empty = if presented.is_empty() { "yes" } else { "no" },
                shown = presented.join(", "),
            ),
            help,
        )
        .field(
            field,
            t!(
                "rules-name-mismatch-label",
                names = missing
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
