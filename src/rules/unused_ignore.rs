//! `unused-ignore`: a suppression in the config matched no finding.

declare_rule! { UNUSED_IGNORE, "unused-ignore", Warning }

use super::{Code, Finding, Ignore, Place, Subject};

/// The `unused-ignore` finding for suppression `index`, pointing at its entry in
/// the config file.
pub fn finding(index: usize, ig: &Ignore) -> Finding {
    let what = match (&ig.server, &ig.certificate) {
        (Some(s), _) => format!(" for server {s}"),
        (None, Some(c)) => format!(" for certificate {}", crate::paths::display(c)),
        _ => String::new(),
    };
    Finding::new(
        Code::UnusedIgnore,
        format!("the suppression of {}{what} matched no finding", ig.code),
        "delete the [[ignore]] entry or correct its code, server or certificate",
    )
    .subject(Subject::Ignore(index))
    .label(
        Place::Config(ig.span.clone()),
        "this suppression matched nothing",
    )
}
