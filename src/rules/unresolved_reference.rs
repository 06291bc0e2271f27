//! `unresolved-reference`: a service refers to a cluster or service that is not there.

use super::TopologyCx;
use super::{Code, Finding};

declare_rule! { UNRESOLVED_REFERENCE, "unresolved-reference", Error }

const NEEDED: &[&str] = &[
    "WebServices",
    "Registrar",
    "UserServices",
    "PersistentChatService",
    "PersistentChatServer",
];

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let t = cx.topology;
    let help =
        "export the topology again; the link points at an element the document does not contain";
    for s in &t.services {
        if !NEEDED.iter().any(|r| s.role.eq_ignore_ascii_case(r)) {
            continue;
        }
        match &s.installed_on {
            Some(r) if t.cluster_by_key(&r.key).is_none() => sink.push(
                Finding::new(
                    Code::UnresolvedReference,
                    format!(
                        "{} service is installed on `{}`, which is not a cluster of this topology",
                        s.role, r.key
                    ),
                    help,
                )
                .at(r.span.clone(), "no such cluster"),
            ),
            None => sink.push(
                Finding::new(
                    Code::UnresolvedReference,
                    format!(
                        "{} service does not say which cluster it is installed on",
                        s.role
                    ),
                    help,
                )
                .at(s.span.clone(), "no InstalledOn"),
            ),
            _ => {}
        }
        for d in s
            .depends_on
            .iter()
            .filter(|d| t.service_by_key(&d.key).is_none())
        {
            sink.push(
                Finding::new(
                    Code::UnresolvedReference,
                    format!(
                        "{} service depends on `{}`, which is not a service of this topology",
                        s.role, d.key
                    ),
                    help,
                )
                .at(d.span.clone(), "no such service"),
            );
        }
    }
}
