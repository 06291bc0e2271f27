//! `bare-host-name`: a host name without a domain, qualified with the default domain.

use super::TopologyCx;
use super::{Code, Finding, Severity, Subject};
use crate::topology::FqdnSource;

declare_rule! {
    /// ## What it does
    /// Reports a cluster or machine whose `Fqdn` is a bare host name (no dot). When
    /// the topology declares a default internal domain, topocert qualifies the name
    /// with it and says so; otherwise the name stays as written.
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
    /// `<Machine Fqdn="fe02" />` with `DefaultDomain="contoso.local"` is read as
    /// `fe02.contoso.local`.
    BARE_HOST_NAME, "bare-host-name", Warning, "a host name without a domain was qualified with the default domain"
}

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let help =
        "write the full FQDN in Topology Builder so the topology, DNS and the certificate agree";
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
                    format!("cluster Fqdn `{written}` is a bare host name, read as {f}"),
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
                    format!("cluster Fqdn `{f}` is a bare host name and the topology declares no default domain"),
                    help,
                )
                .severity(sev)
                .at(c.focus(), "no domain"),
            );
        }
        for (mi, m) in c.machines.iter().enumerate() {
            if let (FqdnSource::Qualified { written, .. }, Some(f)) = (&m.fqdn_source, &m.fqdn) {
                sink.push(
                    Finding::new(
                        Code::BareHostName,
                        format!("machine Fqdn `{written}` is a bare host name, read as {f}"),
                        help,
                    )
                    .severity(sev)
                    .subject(Subject::Machine {
                        cluster: ci,
                        machine: mi,
                    })
                    .at(m.focus(), format!("read as {f}")),
                );
            }
        }
    }
}
