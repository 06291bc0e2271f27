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
                format!(
                    "the internal CA cannot be inferred: {} issuers each issued {count} of the servers' certificates ({})",
                    issuers.len(),
                    issuers.join("; ")
                ),
                "name the internal CA with --ca FILE (its root or issuing CA certificate)",
            )
            .severity(Severity::Error)
            .at(span, "certificates of these servers disagree on their CA"),
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
                .map(|(r, n)| format!("{r}: {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            let renewed = if *keys > 1 {
                format!(" (one CA with {keys} keys: it was renewed)")
            } else {
                String::new()
            };
            let verified = if *verified {
                ""
            } else {
                "; its certificate was not supplied, so issuer names and key identifiers are compared but signatures are not verified"
            };
            sink.push(
                Finding::new(
                    Code::CaInferred,
                    format!(
                        "expected CA inferred as {subject}{renewed}: it issued {count} of the {total} certificates of the topology's internal servers ({roles}){verified}"
                    ),
                    "name the internal CA with --ca FILE so the check does not depend on a majority",
                )
                .at(span, "no --ca given"),
            );
        }
    }
}
