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
    let path = cx.file.path.as_str();
    let fqdn = cx.fqdn.as_str();
    let subject = subject.as_str();
    let issuer = issuer.as_str();
    let key = key_id.as_deref().unwrap_or_default();
    let keyed = if key_id.is_some() { "yes" } else { "no" };
    let (message, help) = match renewal {
        Renewal::Unknown => (
            t!(
                "rules-issuer-not-supplied",
                path = path,
                fqdn = fqdn,
                subject = subject,
                issuer = issuer,
                keyed = keyed,
                key = key,
            ),
            t!(
                "rules-issuer-not-supplied-help",
                issuing = if subject == cx.leaf.info.subject {
                    "yes"
                } else {
                    "no"
                },
                issuer = issuer,
                keyed = keyed,
                key = key,
            ),
        ),
        Renewal::Ca => (
            t!(
                "rules-issuer-not-supplied-ca",
                path = path,
                fqdn = fqdn,
                subject = subject,
                issuer = issuer,
                keyed = keyed,
                key = key,
            ),
            t!(
                "rules-issuer-not-supplied-ca-help",
                issuer = issuer,
                keyed = keyed,
                key = key,
            ),
        ),
        Renewal::Root if subject == issuer => (
            t!(
                "rules-issuer-not-supplied-root-self",
                path = path,
                fqdn = fqdn,
                issuer = issuer,
                keyed = keyed,
                key = key,
            ),
            t!(
                "rules-issuer-not-supplied-root-self-help",
                issuer = issuer,
                keyed = keyed,
                key = key,
            ),
        ),
        Renewal::Root => (
            t!(
                "rules-issuer-not-supplied-root",
                path = path,
                fqdn = fqdn,
                subject = subject,
                issuer = issuer,
                keyed = keyed,
                key = key,
            ),
            t!(
                "rules-issuer-not-supplied-root-help",
                issuer = issuer,
                keyed = keyed,
                key = key,
            ),
        ),
    };
    sink.push(
        cx.finding(Code::IssuerNotSupplied, message, help)
            .field(Field::Issuer, t!("rules-issuer-not-supplied-label")),
    );
}
