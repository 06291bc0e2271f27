//! `unused-ignore`: a suppression in the config matched no finding.

declare_rule! {
    /// ## What it does
    /// Reports an `[[ignore]]` entry of `topocert.toml` that suppressed nothing in
    /// this run.
    ///
    /// ## Why Lync cares
    /// Suppressions outlive the problem they were written for. A stale one can hide
    /// the next, real problem with the same server or certificate.
    ///
    /// ## How to fix
    /// Delete the entry, or correct its code, server or certificate path.
    ///
    /// ## Example
    /// `[[ignore]] code = "orphan-certificate" certificate = "certs/old-edge.cer"` after
    /// the file was removed.
    UNUSED_IGNORE, "unused-ignore", Warning, "a suppression in the config matched no finding"
}

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
