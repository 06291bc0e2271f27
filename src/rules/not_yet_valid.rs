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
