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
                t!(
                    "rules-expired",
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                    date = crate::text::date(i.not_after),
                ),
                t!("rules-expired-help"),
            )
            .field(
                Field::NotAfter,
                t!(
                    "rules-expired-label",
                    valid_at = crate::text::date(cx.valid_at)
                ),
            ),
        );
    }
}
