//! `not-yet-valid`: the certificate's validity starts after `--valid-at`.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! { NOT_YET_VALID, "not-yet-valid", Error }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let i = &cx.leaf.info;
    if i.not_before > cx.valid_at {
        sink.push(
            cx.finding(
                Code::NotYetValid,
                t!(
                    "rules-not-yet-valid",
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                    date = crate::text::date(i.not_before),
                ),
                t!("rules-not-yet-valid-help"),
            )
            .field(
                Field::NotBefore,
                t!(
                    "rules-not-yet-valid-label",
                    valid_at = crate::text::date(cx.valid_at)
                ),
            ),
        );
    }
}
