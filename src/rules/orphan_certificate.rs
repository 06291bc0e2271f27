//! `orphan-certificate`: a supplied certificate matches no listed server.

use super::{Code, FilesCx, Finding, Subject};
use crate::certs::FileStatus;
use crate::certs::summary::Field;

declare_rule! {
    /// ## What it does
    /// Reports a supplied certificate file that was not paired with any server
    /// running the Persistent Chat file-transfer web service: its SAN (or CN) and its
    /// file name name none of them.
    ///
    /// ## Why Lync cares
    /// It does not block the installation by itself, but it usually means a
    /// certificate is in the wrong folder or was issued for the wrong name — and the
    /// server it was meant for then has none.
    ///
    /// ## How to fix
    /// Remove the file from the folder passed with `--certs`, or fix its names; to
    /// keep it on purpose, suppress the finding in `topocert.toml` with a reason.
    ///
    /// ## Example
    /// An Edge certificate `edge01.contoso.local.cer` in the Front End certificate folder.
    ORPHAN_CERTIFICATE, "orphan-certificate", Warning, "a supplied certificate matches no listed server"
}

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    for (i, file) in cx.files.iter().enumerate() {
        if file.status != FileStatus::Orphan {
            continue;
        }
        let names = file
            .leaf()
            .map(|c| c.info.presented_names().join(", "))
            .unwrap_or_default();
        sink.push(
            Finding::new(
                Code::OrphanCertificate,
                format!(
                    "{} matches no Persistent Chat file-transfer server (names: {names})",
                    file.path
                ),
                "remove it from the --certs folder, fix its SAN, or map it in the [certificates] table of topocert.toml",
            )
            .subject(Subject::File(i))
            .certificate(i)
            .field(Field::San, "none of these names is a file-transfer server"),
        );
    }
}
