//! `bare-host-name`: a host name without a domain, qualified with the default domain.

use super::TopologyCx;
use super::{Code, Finding, Severity, Subject};
use crate::topology::FqdnSource;

declare_rule! { BARE_HOST_NAME, "bare-host-name", Warning }

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let help = t!("rules-bare-host-name-help");
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
                    t!(
                        "rules-bare-host-name-cluster-qualified",
                        written = written.as_str(),
                        fqdn = f.as_str(),
                        note = note(&c.suffix_note),
                    ),
                    help.as_str(),
                )
                .severity(sev)
                .subject(Subject::Pool(ci))
                .at(
                    c.focus(),
                    t!("rules-bare-host-name-read-as", fqdn = f.as_str()),
                ),
            );
        } else if let Some(f) = c
            .fqdn
            .as_ref()
            .filter(|f| f.is_bare() && f.problem().is_none())
        {
            sink.push(
                Finding::new(
                    Code::BareHostName,
                    t!(
                        "rules-bare-host-name-cluster-unqualified",
                        fqdn = f.as_str(),
                        note = note(&c.suffix_note),
                    ),
                    help.as_str(),
                )
                .severity(sev)
                .at(c.focus(), t!("rules-bare-host-name-no-domain")),
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
                        t!(
                            "rules-bare-host-name-machine-qualified",
                            written = written.as_str(),
                            fqdn = f.as_str(),
                            note = note(&m.suffix_note),
                        ),
                        help.as_str(),
                    )
                    .severity(sev)
                    .subject(subject)
                    .at(
                        m.focus(),
                        t!("rules-bare-host-name-read-as", fqdn = f.as_str()),
                    ),
                ),
                (FqdnSource::Machine, Some(f))
                    if f.is_bare() && f.problem().is_none() && m.suffix_note.is_some() =>
                {
                    sink.push(
                        Finding::new(
                            Code::BareHostName,
                            t!(
                                "rules-bare-host-name-machine-unqualified",
                                fqdn = f.as_str(),
                                note = note(&m.suffix_note),
                            ),
                            help.as_str(),
                        )
                        .severity(sev)
                        .subject(subject)
                        .at(m.focus(), t!("rules-bare-host-name-no-domain")),
                    )
                }
                _ => {}
            }
        }
    }
}
