//! `bare-host-name`: a host name without a domain, qualified with the default domain.

use super::TopologyCx;
use super::{Code, Finding, Severity, Subject};
use crate::topology::FqdnSource;

declare_rule! {
    /// ## What it does
    /// Reports a cluster or machine whose `Fqdn` is a bare host name (no dot).
    /// topocert qualifies it with the DNS suffix that the other machines of the same
    /// pool actually use (or, when the pool has no qualified name, the machines of
    /// the same site), only when they all agree, and says which. Otherwise the name
    /// stays unqualified and the finding says why. `DefaultDomain` and the SIP
    /// domains are not DNS suffixes, so they are never used.
    ///
    /// ## Why Lync cares
    /// Certificates name servers by FQDN. A bare name in the topology means the
    /// certificate request, the DNS record and the topology may disagree about the
    /// server's name.
    ///
    /// ## How to fix
    /// Write the full FQDN in Topology Builder.
    ///
    /// ## Example
    /// `<Machine Fqdn="fe02" />` in a pool whose other machine is
    /// `fe01.contoso.local` is read as `fe02.contoso.local`.
    BARE_HOST_NAME, "bare-host-name", Warning, "a host name without a domain"
}

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let help =
        "write the full FQDN in Topology Builder so the topology, DNS and the certificate agree";
    let note = |n: &Option<String>| n.clone().unwrap_or_default();
    for (ci, c) in cx.topology.clusters.iter().enumerate() {
        let sev = if cx.cluster_needed(ci) {
            Severity::Warning
        } else {
            Severity::Note
        };
        if let (Some(written), Some(f)) = (&c.fqdn_qualified_from, &c.fqdn) {
            sink.push(
                Finding::new(
                    Code::BareHostName,
                    format!(
                        "cluster Fqdn `{written}` is a bare host name, read as {f} ({})",
                        note(&c.suffix_note)
                    ),
                    help,
                )
                .severity(sev)
                .subject(Subject::Pool(ci))
                .at(c.focus(), format!("read as {f}")),
            );
        } else if let Some(f) = c
            .fqdn
            .as_ref()
            .filter(|f| f.is_bare() && f.problem().is_none())
        {
            sink.push(
                Finding::new(
                    Code::BareHostName,
                    format!(
                        "cluster Fqdn `{f}` is a bare host name, left unqualified: {}",
                        note(&c.suffix_note)
                    ),
                    help,
                )
                .severity(sev)
                .at(c.focus(), "no domain"),
            );
        }
        for (mi, m) in c.machines.iter().enumerate() {
            let subject = Subject::Machine {
                cluster: ci,
                machine: mi,
            };
            match (&m.fqdn_source, &m.fqdn) {
                (FqdnSource::Qualified { written, .. }, Some(f)) => sink.push(
                    Finding::new(
                        Code::BareHostName,
                        format!(
                            "machine Fqdn `{written}` is a bare host name, read as {f} ({})",
                            note(&m.suffix_note)
                        ),
                        help,
                    )
                    .severity(sev)
                    .subject(subject)
                    .at(m.focus(), format!("read as {f}")),
                ),
                (FqdnSource::Machine, Some(f))
                    if f.is_bare() && f.problem().is_none() && m.suffix_note.is_some() =>
                {
                    sink.push(
                        Finding::new(
                            Code::BareHostName,
                            format!(
                                "machine Fqdn `{f}` is a bare host name, left unqualified: {}",
                                note(&m.suffix_note)
                            ),
                            help,
                        )
                        .severity(sev)
                        .subject(subject)
                        .at(m.focus(), "no domain"),
                    )
                }
                _ => {}
            }
        }
    }
}
