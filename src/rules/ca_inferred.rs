//! `ca-inferred`: the expected CA was inferred, not given.

use super::{Code, FilesCx, Finding, Severity};
use crate::chain::Inference;

declare_rule! {
    /// ## What it does
    /// Notes that no `--ca` was given, so the internal CA was taken to be the issuer
    /// of most of the certificates of the topology's internal servers: the ones
    /// paired with file-transfer servers and every other supplied certificate whose
    /// names cover a Front End, Standard Edition, Director, Mediation, Persistent
    /// Chat, Edge (internal) or Office Web Apps server of the topology (reported
    /// with status `context`). The note says how many certificates of which roles
    /// were used. A CA is known by its name, so a CA renewed with a new key counts
    /// once. When issuers are tied, no CA can be inferred and the finding is an
    /// error.
    ///
    /// ## Why Lync cares
    /// The requirement is "the same CA as the one used by Lync Server internal
    /// servers". If most certificates came from the wrong CA, the majority is wrong
    /// too — only `--ca` makes the check independent of the certificates it checks.
    ///
    /// ## How to fix
    /// Pass the internal root or issuing CA certificate with `--ca`.
    ///
    /// ## Example
    /// `expected CA inferred as CN=Contoso Issuing CA: it issued 4 of the 5 certificates
    /// of the topology's internal servers (file-transfer server: 2, Director: 1,
    /// Mediation: 1)`
    CA_INFERRED, "ca-inferred", Note, "the expected internal CA was inferred, not given"
}

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
