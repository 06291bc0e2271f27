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
    let help = t!("rules-unresolved-reference-help");
    for s in &t.services {
        if !NEEDED.iter().any(|r| s.role.eq_ignore_ascii_case(r)) {
            continue;
        }
        match &s.installed_on {
            Some(r) if t.cluster_by_key(&r.key).is_none() => sink.push(
                Finding::new(
                    Code::UnresolvedReference,
                    t!(
                        "rules-unresolved-reference-cluster",
                        role = s.role.as_str(),
                        key = r.key.to_string(),
                    ),
                    help.as_str(),
                )
                .at(
                    r.span.clone(),
                    t!("rules-unresolved-reference-cluster-label"),
                ),
            ),
            None => sink.push(
                Finding::new(
                    Code::UnresolvedReference,
                    t!(
                        "rules-unresolved-reference-no-cluster",
                        role = s.role.as_str(),
                    ),
                    help.as_str(),
                )
                .at(
                    s.span.clone(),
                    t!("rules-unresolved-reference-no-cluster-label"),
                ),
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
                    t!(
                        "rules-unresolved-reference-service",
                        role = s.role.as_str(),
                        key = d.key.to_string(),
                    ),
                    help.as_str(),
                )
                .at(
                    d.span.clone(),
                    t!("rules-unresolved-reference-service-label"),
                ),
            );
        }
    }
}
