//! `expires-soon`: the certificate expires within the warning window.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! {
    /// ## What it does
    /// Warns when a certificate that is valid now expires within 30 days of the time
    /// of the check (`--valid-at`); the window is set with
    /// `expires-soon = { level = "warn", days = 60 }` in `topocert.toml`.
    ///
    /// ## Why Lync cares
    /// A Persistent Chat deployment planned now would stop accepting file
    /// uploads and downloads shortly after it goes live.
    ///
    /// ## How to fix
    /// Renew the certificate before the change.
    ///
    /// ## Example
    /// `Not After: 2026-06-15T00:00:00Z` checked at 2026-06-01.
    EXPIRES_SOON, "expires-soon", Warning, "the certificate expires soon"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let i = &cx.leaf.info;
    let days = cx.settings.expires_soon_days;
    if i.not_after >= cx.valid_at && i.not_after < cx.valid_at + time::Duration::days(days) {
        let left = (i.not_after - cx.valid_at).whole_days();
        sink.push(
            cx.finding(
                Code::ExpiresSoon,
                format!(
                    "certificate {} for {} expires on {} ({left} days after {})",
                    cx.file.path,
                    cx.fqdn,
                    crate::text::date(i.not_after),
                    crate::text::date(cx.valid_at)
                ),
                format!(
                    "renew the certificate before the change; the warning window is {days} days"
                ),
            )
            .field(Field::NotAfter, format!("within {days} days")),
        );
    }
}
