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
                t!(
                    "rules-orphan-certificate-other",
                    path = file.path.as_str(),
                    fqdn = fqdn.as_str(),
                    other = other.path.as_str(),
                ),
                t!("rules-orphan-certificate-other-label"),
            )
        } else if names.trim().is_empty() {
            let id = if leaf.info.has_san {
                "rules-orphan-certificate-no-dns-name"
            } else {
                "rules-orphan-certificate-no-name"
            };
            (
                t!(id, path = file.path.as_str()),
                t!("rules-orphan-certificate-no-name-label"),
            )
        } else {
            (
                t!(
                    "rules-orphan-certificate",
                    path = file.path.as_str(),
                    names = names.as_str(),
                ),
                t!("rules-orphan-certificate-label"),
            )
        };
        sink.push(
            Finding::new(
                Code::OrphanCertificate,
                message,
                t!("rules-orphan-certificate-help"),
            )
            .subject(Subject::File(i))
            .certificate(i)
            .field(Field::San, label),
        );
    }
}
