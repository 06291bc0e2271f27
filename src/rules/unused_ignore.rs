//! `unused-ignore`: a suppression in the config matched no finding.

declare_rule! { UNUSED_IGNORE, "unused-ignore", Warning }

use super::{Code, Finding, Ignore, Place, Subject};

/// The `unused-ignore` finding for suppression `index`, pointing at its entry in
/// the config file.
pub fn finding(index: usize, ig: &Ignore) -> Finding {
    let code = ig.code.as_str();
    let message = match (&ig.server, &ig.certificate) {
        (Some(s), _) => t!(
            "rules-unused-ignore-server",
            code = code,
            server = s.as_str()
        ),
        (None, Some(c)) => t!(
            "rules-unused-ignore-certificate",
            code = code,
            certificate = crate::paths::display(c),
        ),
        _ => t!("rules-unused-ignore", code = code),
    };
    Finding::new(Code::UnusedIgnore, message, t!("rules-unused-ignore-help"))
        .subject(Subject::Ignore(index))
        .label(
            Place::Config(ig.span.clone()),
            t!("rules-unused-ignore-label"),
        )
}
