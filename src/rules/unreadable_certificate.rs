//! `unreadable-certificate`: a supplied file cannot be read or parsed.

use super::{Code, FilesCx, Finding, Subject};
use crate::certs::LoadError;

declare_rule! {
    /// ## What it does
    /// Reports a file passed with `--certs` (or found in a folder passed with it)
    /// that cannot be read or holds no certificate topocert can parse: PEM, DER,
    /// PKCS#7 (`.p7b`/`.p7c`) and PKCS#12 (`.pfx`/`.p12`) are read. A wrong or
    /// missing PKCS#12 password, a broken symbolic link, a directory named like a
    /// certificate and a truncated file are all reported here.
    ///
    /// ## Why Lync cares
    /// A certificate that cannot be read cannot be checked; topocert never skips it
    /// silently, because the server it was meant for would then pass unexamined.
    ///
    /// ## How to fix
    /// Export the certificate again (Base-64 `.cer` or DER), or set the PKCS#12
    /// password in an environment variable and name it with `--pfx-password-env`.
    ///
    /// ## Example
    /// `certs/fe01.pfx: PKCS#12 password is wrong or missing`
    UNREADABLE_CERTIFICATE, "unreadable-certificate", Error, "a supplied certificate file cannot be read or parsed"
}

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
