//! `expired`: the certificate is past its validity at `--valid-at`.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! {
    /// ## What it does
    /// Reports a certificate whose `notAfter` is before the time of the check
    /// (`--valid-at`, default now).
    ///
    /// ## Why Lync cares
    /// An expired certificate is not accepted for the web service; Persistent Chat
    /// setup and file upload/download both fail.
    ///
    /// ## How to fix
    /// Renew the certificate from the internal CA before the change.
    ///
    /// ## Example
    /// `Not After: 2025-01-01T00:00:00Z` checked at 2026-06-01.
    EXPIRED, "expired", Error, "the certificate has expired"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let i = &cx.leaf.info;
    if i.not_after < cx.valid_at {
        sink.push(
            cx.finding(
                Code::Expired,
                format!(
                    "certificate {} for {} expired on {}",
                    cx.file.path,
                    cx.fqdn,
                    crate::text::date(i.not_after)
                ),
                "renew the certificate from the internal CA",
            )
            .field(
                Field::NotAfter,
                format!("before {}", crate::text::date(cx.valid_at)),
            ),
        );
    }
}
