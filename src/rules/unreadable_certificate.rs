//! `unreadable-certificate`: a supplied file cannot be read or parsed.

use super::{Code, FilesCx, Finding, Subject};
use crate::certs::LoadError;

declare_rule! { UNREADABLE_CERTIFICATE, "unreadable-certificate", Error }

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    for (i, f) in cx.files.iter().enumerate() {
        let Err(reason) = &f.loaded else { continue };
        let help = if matches!(reason, LoadError::Pkcs12Password) {
            t!("rules-unreadable-certificate-password-help")
        } else {
            t!("rules-unreadable-certificate-help")
        };
        sink.push(
            Finding::new(
                Code::UnreadableCertificate,
                t!(
                    "rules-unreadable-certificate",
                    path = f.path.as_str(),
                    reason = reason.to_string(),
                ),
                help,
            )
            .subject(Subject::File(i))
            .certificate(i),
        );
    }
}
