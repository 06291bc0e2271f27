//! `unreadable-certificate`: a supplied file cannot be read or parsed.

use super::{Code, FilesCx, Finding, Subject};
use crate::certs::LoadError;

declare_rule! { UNREADABLE_CERTIFICATE, "unreadable-certificate", Error }

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    for (i, f) in cx.files.iter().enumerate() {
        let Err(reason) = &f.loaded else { continue };
        let help = if matches!(reason, LoadError::Pkcs12Password) {
            "put the PKCS#12 password in an environment variable and pass its name with --pfx-password-env"
        } else {
            "export the certificate again as Base-64 (PEM) or DER, or remove the file from the --certs folder"
        };
        sink.push(
            Finding::new(
                Code::UnreadableCertificate,
                format!("cannot read certificate {}: {reason}", f.path),
                help,
            )
            .subject(Subject::File(i))
            .certificate(i),
        );
    }
}
