//! `duplicate-fqdn`: the topology names a machine twice.

use std::collections::HashMap;

use super::TopologyCx;
use super::{Code, Finding, Subject};

declare_rule! { DUPLICATE_FQDN, "duplicate-fqdn", Error }

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let mut first: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
    for (ci, c) in cx.topology.clusters.iter().enumerate() {
        for (mi, m) in c.machines.iter().enumerate() {
            let Some(f) = &m.fqdn else { continue };
            match first.get(f.key()) {
                Some(at) => sink.push(
                    Finding::new(
                        Code::DuplicateFqdn,
                        t!("rules-duplicate-fqdn", fqdn = f.as_str()),
                        t!("rules-duplicate-fqdn-help"),
                    )
                    .subject(Subject::Machine {
                        cluster: ci,
                        machine: mi,
                    })
                    .at(m.focus(), t!("rules-duplicate-fqdn-again"))
                    .at(at.clone(), t!("rules-duplicate-fqdn-first")),
                ),
                None => {
                    first.insert(f.key(), m.focus());
                }
            }
        }
    }
}
