//! `expired`: the certificate is past its validity at `--valid-at`.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! { EXPIRED, "expired", Error }

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
