/*!
FQDN resolution once the document is read: a single-machine cluster lends its
machine its FQDN, bare host names are qualified with the DNS suffix the other
machines of the same pool (or else of the same site) actually use, when they all
agree, and the model is indexed. `DefaultDomain` and the SIP domains are not DNS
suffixes: a pool of `*.corp.contoso.com` machines in a topology whose default SIP
domain is `contoso.com` would be misnamed by them.
*/

use super::t;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::parse::Parser;
use super::{FqdnSource, Topology, TopologyFormat};
use crate::fqdn::Fqdn;

/// The DNS suffix of a qualified, well-formed name (`fe01.contoso.local` → `contoso.local`).
fn suffix_of(f: &Fqdn) -> Option<String> {
    if f.is_bare() || f.problem().is_some() {
        return None;
    }
    f.key().split_once('.').map(|(_, d)| d.to_string())
}

/// Whose DNS suffixes: a pool or a site, by name when it has one. The `kind`
/// and `name` arguments of the errors-suffix-* messages.
struct Whose {
    kind: &'static str,
    name: String,
}

impl Whose {
    fn pool(name: Option<String>) -> Self {
        match name {
            Some(name) => Whose { kind: "pool", name },
            None => Whose {
                kind: "its-pool",
                name: String::new(),
            },
        }
    }

    fn site(name: Option<String>) -> Self {
        match name {
            Some(name) => Whose { kind: "site", name },
            None => Whose {
                kind: "its-site",
                name: String::new(),
            },
        }
    }

    /// The note on a name qualified with the suffix this pool or site uses.
    fn note(&self) -> String {
        t!(
            "errors-suffix-used",
            kind = self.kind,
            name = self.name.as_str()
        )
    }
}

/// The one suffix of `set`, or why there is none.
fn agreed(set: Option<&BTreeSet<String>>, whose: &Whose) -> Result<String, String> {
    match set
        .map(|s| s.iter().collect::<Vec<_>>())
        .unwrap_or_default()
        .as_slice()
    {
        [one] => Ok((*one).clone()),
        [] => Err(t!(
            "errors-suffix-none",
            kind = whose.kind,
            name = whose.name.as_str()
        )),
        many => Err(t!(
            "errors-suffix-several",
            kind = whose.kind,
            name = whose.name.as_str(),
            n = many.len(),
            suffixes = many
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

impl Parser<'_> {
    /// Resolve machine FQDNs (cluster fallback, suffix qualification) and index.
    pub(super) fn finish(self) -> Topology {
        let mut clusters = self.clusters;
        let raws: Vec<Vec<Option<String>>> = self
            .raw_machine_fqdn
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|a| {
                        a.map(|a| a.value.trim().to_string())
                            .filter(|v| !v.is_empty())
                    })
                    .collect()
            })
            .collect();
        // The suffixes each pool and each site actually use.
        let mut by_pool: Vec<BTreeSet<String>> = vec![BTreeSet::new(); clusters.len()];
        let mut by_site: HashMap<Option<String>, BTreeSet<String>> = HashMap::new();
        for ((ci, c), raw) in clusters.iter().enumerate().zip(&raws) {
            let written = raw.iter().flatten().map(|w| Fqdn::new(w.as_str()));
            for f in c.fqdn.iter().cloned().chain(written) {
                if let Some(d) = suffix_of(&f) {
                    if let Some(p) = by_pool.get_mut(ci) {
                        p.insert(d.clone());
                    }
                    by_site.entry(c.site_id.clone()).or_default().insert(d);
                }
            }
        }
        let site_names: HashMap<&str, Option<&str>> = self
            .sites
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_deref()))
            .collect();
        for ((ci, cluster), raw) in clusters.iter_mut().enumerate().zip(raws) {
            let pool_name = Whose::pool(
                cluster
                    .fqdn
                    .as_ref()
                    .filter(|f| !f.is_bare())
                    .map(|f| f.to_string()),
            );
            let site_name = Whose::site(cluster.site_id.as_ref().map(|id| {
                let name = site_names.get(id.as_str()).copied().flatten();
                name.unwrap_or(id).to_string()
            }));
            // The pool's own suffix when it has one, else the site's.
            let suffix = || -> Result<(String, String), String> {
                match agreed(by_pool.get(ci), &pool_name) {
                    Ok(d) => Ok((d, pool_name.note())),
                    Err(why) if by_pool.get(ci).is_some_and(|p| !p.is_empty()) => Err(why),
                    Err(_) => agreed(by_site.get(&cluster.site_id), &site_name)
                        .map(|d| (d, site_name.note())),
                }
            };
            if let Some(f) = cluster.fqdn.clone()
                && f.is_bare()
                && f.problem().is_none()
            {
                match suffix() {
                    Ok((d, note)) => {
                        cluster.fqdn_qualified_from = Some(f.as_str().to_string());
                        cluster.fqdn = Some(Fqdn::new(format!("{}.{d}", f.as_str())));
                        cluster.suffix_note = Some(note);
                    }
                    Err(why) => cluster.suffix_note = Some(why),
                }
            }
            let single = cluster.machines.len() == 1;
            let resolved = suffix();
            for (m, written) in cluster.machines.iter_mut().zip(raw) {
                match written {
                    Some(w) => {
                        let f = Fqdn::new(w.as_str());
                        if f.is_bare() && f.problem().is_none() {
                            match &resolved {
                                Ok((d, note)) => {
                                    m.fqdn = Some(Fqdn::new(format!("{w}.{d}")));
                                    m.fqdn_source = FqdnSource::Qualified {
                                        written: w,
                                        domain: d.clone(),
                                    };
                                    m.suffix_note = Some(note.clone());
                                }
                                Err(why) => {
                                    m.fqdn = Some(f);
                                    m.suffix_note = Some(why.clone());
                                }
                            }
                        } else {
                            m.fqdn = Some(f);
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
            simple_urls: self.simple_urls,
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
