//! `not-yet-valid`: the certificate's validity starts after `--valid-at`.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! {
    /// ## What it does
    /// Reports a certificate whose `notBefore` is after the time of the check
    /// (`--valid-at`, default now).
    ///
    /// ## Why Lync cares
    /// A certificate is not valid before its start date; installing Persistent Chat
    /// before then fails just as with an expired one.
    ///
    /// ## How to fix
    /// Schedule the change after the start date, or have the certificate reissued
    /// with a start date before the change (check the CA's clock).
    ///
    /// ## Example
    /// `Not Before: 2027-01-01T00:00:00Z` checked at 2026-06-01.
    NOT_YET_VALID, "not-yet-valid", Error, "the certificate is not valid yet"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let i = &cx.leaf.info;
    if i.not_before > cx.valid_at {
        sink.push(
            cx.finding(
                Code::NotYetValid,
                format!(
                    "certificate {} for {} is not valid before {}",
                    cx.file.path,
                    cx.fqdn,
                    crate::text::date(i.not_before)
                ),
                "schedule the change after the start date or have the certificate reissued",
            )
            .field(
                Field::NotBefore,
                format!("after {}", crate::text::date(cx.valid_at)),
            ),
        );
    }
}
