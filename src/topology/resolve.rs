/*!
FQDN resolution once the document is read: a single-machine cluster lends its
machine its FQDN, bare host names are qualified with the default domain, and the
model is indexed.
*/

use std::collections::HashMap;
use std::sync::Arc;

use super::parse::Parser;
use super::{FqdnSource, Topology, TopologyFormat};
use crate::fqdn::Fqdn;

impl Parser<'_> {
    /// Resolve machine FQDNs (cluster fallback, domain qualification) and index.
    pub(super) fn finish(self) -> Topology {
        let domain = self
            .default_domain
            .clone()
            .filter(|d| Fqdn::new(d.as_str()).problem().is_none());
        let mut clusters = self.clusters;
        for (cluster, raw) in clusters.iter_mut().zip(self.raw_machine_fqdn) {
            if let (Some(f), Some(d)) = (&cluster.fqdn, &domain)
                && f.is_bare()
                && f.problem().is_none()
            {
                cluster.fqdn_qualified_from = Some(f.as_str().to_string());
                cluster.fqdn = Some(Fqdn::new(format!("{}.{d}", f.as_str())));
            }
            let single = cluster.machines.len() == 1;
            for (m, raw) in cluster.machines.iter_mut().zip(raw) {
                let written = raw
                    .map(|a| a.value.trim().to_string())
                    .filter(|v| !v.is_empty());
                match written {
                    Some(w) => {
                        let f = Fqdn::new(w.as_str());
                        match &domain {
                            Some(d) if f.is_bare() && f.problem().is_none() => {
                                m.fqdn = Some(Fqdn::new(format!("{w}.{d}")));
                                m.fqdn_source = FqdnSource::Qualified {
                                    written: w,
                                    domain: d.clone(),
                                };
                            }
                            _ => m.fqdn = Some(f),
                        }
                    }
                    None if single => {
                        m.fqdn = cluster.fqdn.clone();
                        m.fqdn_source = FqdnSource::Cluster;
                    }
                    None => m.fqdn = None,
                }
            }
        }
        Topology {
            source: Arc::clone(self.src),
            format: self.format.unwrap_or(TopologyFormat::Published),
            default_domain: self.default_domain,
            internal_domains: self.internal_domains,
            sites: self.sites,
            clusters,
            services: self.services,
            root_span: self.root_span,
            sql_instances: self.sql_instances,
            cluster_index: HashMap::new(),
            service_index: HashMap::new(),
            site_index: HashMap::new(),
        }
        .index()
    }
}
