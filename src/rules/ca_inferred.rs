//! `ca-inferred`: the expected CA was inferred, not given.

use super::{Code, FilesCx, Finding, Severity};
use crate::chain::Inference;

declare_rule! { CA_INFERRED, "ca-inferred", Note }

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    let span = cx.topology.root_span.clone();
    match &cx.ca.inference {
        Inference::NotInferred => {}
        Inference::Tied { count, issuers } => sink.push(
            Finding::new(
                Code::CaInferred,
                t!(
                    "rules-ca-inferred-tied",
                    count = issuers.len(),
                    issued = *count,
                    issuers = issuers.join("; "),
                ),
                t!("rules-ca-inferred-tied-help"),
            )
            .severity(Severity::Error)
            .at(span, t!("rules-ca-inferred-tied-label")),
        ),
        Inference::Majority {
            subject,
            count,
            total,
            roles,
            verified,
            keys,
        } => {
            let roles = roles
                .iter()
                .map(|(r, n)| format!("{}: {n}", crate::roles::role_name(r)))
                .collect::<Vec<_>>()
                .join(", ");
            sink.push(
                Finding::new(
                    Code::CaInferred,
                    t!(
                        "rules-ca-inferred-majority",
                        subject = subject.as_str(),
                        keys = *keys,
                        count = *count,
                        total = *total,
                        roles = roles,
                        verified = if *verified { "yes" } else { "no" },
                    ),
                    t!("rules-ca-inferred-majority-help"),
                )
                .at(span, t!("rules-ca-inferred-no-ca")),
            );
        }
    }
}
