//! `orphan-certificate`: a supplied certificate matches no listed server.

use super::{Code, FilesCx, Finding, Subject};
use crate::certs::FileStatus;
use crate::certs::summary::Field;

declare_rule! { ORPHAN_CERTIFICATE, "orphan-certificate", Warning }

pub fn check(cx: &FilesCx<'_>, sink: &mut Vec<Finding>) {
    for (i, file) in cx.files.iter().enumerate() {
        if file.status != FileStatus::Orphan {
            continue;
        }
        let Some(leaf) = file.leaf() else { continue };
        let names = leaf.info.presented_names().join(", ");
        let covered = cx.pairing.covers.get(i).copied().flatten();
        let chosen = covered.and_then(|si| {
            let server = cx.roles.servers.get(si)?;
            let other = cx.pairing.assigned.get(si).copied().flatten()?;
            Some((server.fqdn.as_ref()?, cx.files.get(other)?))
        });
        let (message, label) = if let Some((fqdn, other)) = chosen {
            (
                format!(
                    "{} names {fqdn}, but {} was chosen for that server",
                    file.path, other.path
                ),
                "another file was chosen for this server",
            )
        } else if names.trim().is_empty() {
            let what = if leaf.info.has_san {
                "its SAN has no DNS name"
            } else {
                "it has no SAN and no CN"
            };
            (
                format!(
                    "{} matches no Persistent Chat file-transfer server: {what}",
                    file.path
                ),
                "no DNS name",
            )
        } else {
            (
                format!(
                    "{} matches no Persistent Chat file-transfer server (names: {names})",
                    file.path
                ),
                "none of these names is a file-transfer server",
            )
        };
        sink.push(
            Finding::new(
                Code::OrphanCertificate,
                message,
                "remove it from the --certs folder, fix its SAN, or map it in the [certificates] table of topocert.toml",
            )
            .subject(Subject::File(i))
            .certificate(i)
            .field(Field::San, label),
        );
    }
}
