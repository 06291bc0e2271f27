//! `missing-server-auth`: the EKU extension lacks Server Authentication.

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! { MISSING_SERVER_AUTH, "missing-server-auth", Error }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let Some(eku) = &cx.leaf.info.eku else { return };
    let ok = eku.iter().any(|u| {
        matches!(
            u.as_str(),
            "serverAuth" | "1.3.6.1.5.5.7.3.1" | "anyExtendedKeyUsage" | "2.5.29.37.0"
        )
    });
    if !ok {
        sink.push(
            cx.finding(
                Code::MissingServerAuth,
                if eku.is_empty() {
                    t!(
                        "rules-missing-server-auth-empty",
                        path = cx.file.path.as_str(),
                        fqdn = cx.fqdn.as_str(),
                    )
                } else {
                    t!(
                        "rules-missing-server-auth",
                        path = cx.file.path.as_str(),
                        fqdn = cx.fqdn.as_str(),
                        eku = eku.join(", "),
                    )
                },
                t!("rules-missing-server-auth-help"),
            )
            .field(Field::Eku, t!("rules-missing-server-auth-label")),
        );
    }
}
