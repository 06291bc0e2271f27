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
    // One set of arguments; each variant's message uses those it needs.
    let mut args = crate::i18n::Args::new();
    args.set("path", cx.file.path.as_str());
    args.set("fqdn", cx.fqdn.as_str());
    args.set("subject", subject.as_str());
    args.set("issuer", issuer.as_str());
    args.set("keyed", if key_id.is_some() { "yes" } else { "no" });
    args.set("key", key_id.as_deref().unwrap_or_default());
    let issuing = subject == &cx.leaf.info.subject;
    args.set("issuing", if issuing { "yes" } else { "no" });
    let id = match renewal {
        Renewal::Unknown => "rules-issuer-not-supplied",
        Renewal::Ca => "rules-issuer-not-supplied-ca",
        Renewal::Root if subject == issuer => "rules-issuer-not-supplied-root-self",
        Renewal::Root => "rules-issuer-not-supplied-root",
    };
    let message = crate::i18n::message(id, Some(&args));
    let help = crate::i18n::message(&format!("{id}-help"), Some(&args));
    sink.push(
        cx.finding(Code::IssuerNotSupplied, message, help)
            .field(Field::Issuer, t!("rules-issuer-not-supplied-label")),
    );
}
