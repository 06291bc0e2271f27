//! `expires-soon`: the certificate expires within the warning window.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! { EXPIRES_SOON, "expires-soon", Warning }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let i = &cx.leaf.info;
    let days = cx.settings.expires_soon_days;
    if i.not_after >= cx.valid_at && i.not_after < cx.valid_at + time::Duration::days(days) {
        let left = (i.not_after - cx.valid_at).whole_days();
        sink.push(
            cx.finding(
                Code::ExpiresSoon,
                t!(
                    "rules-expires-soon",
                    path = cx.file.path.as_str(),
                    fqdn = cx.fqdn.as_str(),
                    date = crate::text::date(i.not_after),
                    left = left,
                    valid_at = crate::text::date(cx.valid_at),
                ),
                t!("rules-expires-soon-help", days = days),
            )
            .field(Field::NotAfter, t!("rules-expires-soon-label", days = days)),
        );
    }
}
