//! `issuer-not-supplied`: the certificate holding the issuer's key was not supplied.

use super::{Code, Finding, ServerCx};
use crate::certs::summary::Field;
use crate::chain::{Renewal, Verdict};

declare_rule! { ISSUER_NOT_SUPPLIED, "issuer-not-supplied", Error }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let Verdict::IssuerNotSupplied {
        subject,
        issuer,
        key_id,
        renewal,
    } = cx.verdict
    else {
        return;
    };
    let key = key_id
        .as_ref()
        .map(|k| format!(" (key id {k})"))
        .unwrap_or_default();
    let key_help = key_id
        .as_ref()
        .map(|k| format!(", key id {k},"))
        .unwrap_or_default();
    let (message, help) = match renewal {
        Renewal::Unknown => (
            format!(
                "the chain of {} for {} stops at {subject}: the certificate of its issuer {issuer}{key} was not supplied",
                cx.file.path, cx.fqdn
            ),
            format!(
                "pass the {} certificate, {issuer}{key_help} with --ca (or bundle it in the certificate file) so the chain can be checked; if it is not a CA of the internal PKI, request the certificate from the internal CA",
                if *subject == cx.leaf.info.subject {
                    "issuing CA"
                } else {
                    "CA"
                }
            ),
        ),
        Renewal::Ca => (
            format!(
                "the chain of {} for {} stops at {subject}: the CA {issuer} was renewed and its certificate for the new key{key} was not supplied",
                cx.file.path, cx.fqdn
            ),
            format!(
                "the CA named {issuer} was renewed: supply the CA certificate{} with --ca or in the certificate file",
                key_id
                    .as_ref()
                    .map(|k| format!(" with key id {k}"))
                    .unwrap_or_default()
            ),
        ),
        Renewal::Root if subject == issuer => (
            format!(
                "the chain of {} for {} ends at the root {issuer}{key}, a key of that root that was not given with --ca",
                cx.file.path, cx.fqdn
            ),
            format!(
                "the root {issuer} was renewed: give its certificate{} with --ca, or supply the cross-certificate that links it to the key given with --ca",
                key_id
                    .as_ref()
                    .map(|k| format!(" with key id {k}"))
                    .unwrap_or_default()
            ),
        ),
        Renewal::Root => (
            format!(
                "the chain of {} for {} stops at {subject}: the root {issuer} was renewed and its certificate for the new key{key} was not supplied",
                cx.file.path, cx.fqdn
            ),
            format!(
                "the root {issuer} was renewed: supply its certificate{} with --ca, or the cross-certificate that links that key to the new one",
                key_id
                    .as_ref()
                    .map(|k| format!(" with key id {k}"))
                    .unwrap_or_default()
            ),
        ),
    };
    sink.push(cx.finding(Code::IssuerNotSupplied, message, help).field(
        Field::Issuer,
        "the certificate of this CA key was not supplied",
    ));
}
