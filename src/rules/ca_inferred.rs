//! `ca-inferred`: the expected CA was inferred, not given.

use super::{Code, FilesCx, Finding, Severity};
use crate::chain::Inference;
use crate::text::plural;

declare_rule! {
    /// ## What it does
    /// Notes that no `--ca` was given, so the internal CA was taken to be the issuer
    /// of most of the certificates paired with the file-transfer servers. When
    /// issuers are tied, no CA can be inferred and the finding is an error.
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
    /// `expected CA inferred as CN=Contoso Issuing CA: it issued 4 of the 5 certificates`
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
            verified,
            keys,
        } => {
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
                        "expected CA inferred as {subject}{renewed}: it issued {count} of the {total} certificates paired with {}{verified}",
                        plural(cx.roles.servers.len(), "file-transfer server")
                    ),
                    "name the internal CA with --ca FILE so the check does not depend on a majority",
                )
                .at(span, "no --ca given"),
            );
        }
    }
}
