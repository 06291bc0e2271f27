/*!
The `pairing` stage: which supplied certificate file belongs to which file-transfer
server. An explicit `[certificates]` table in the config wins; otherwise a
certificate belongs to the servers its SAN dNSNames (or its CN when it has no SAN)
cover, wildcards per RFC 6125; a file name equal to the server's FQDN or host name
breaks ties, and pairs a certificate that names no server at all (so that a wrong
SAN is reported as such, not as a missing certificate).
*/

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::certs::{CertFile, FileStatus, path_key};
use crate::fqdn::Fqdn;
use crate::roles::Roles;
use crate::topology::Topology;

/// The outcome of pairing, per file-transfer server (same order as `Roles::servers`).
#[derive(Debug, Default)]
pub struct Pairing {
    /// The file chosen for each server.
    pub assigned: Vec<Option<usize>>,
    /// Servers claimed by several certificates, none preferred: the server and the
    /// index of its group in `groups`.
    pub ambiguous: Vec<(usize, usize)>,
    /// The contenders of ambiguous servers, each distinct set once (500 wildcard
    /// certificates claiming 60,000 servers are one group, not 60,000 lists).
    pub groups: Vec<Vec<usize>>,
    /// Servers (with an FQDN) that no file claims.
    pub missing: Vec<usize>,
    /// Files that pair with no file-transfer server but cover another internal
    /// server of the topology: the file and that server's role.
    pub context: Vec<(usize, &'static str)>,
    /// `check --probe`: servers no chain could be taken from, the source tried and why.
    pub probe_failed: Vec<(usize, String, crate::probe::ProbeError)>,
    /// `check --probe`: servers whose supplied file (which wins) is another certificate
    /// than the one presented: (server, supplied file, probed chain).
    pub probe_differs: Vec<(usize, usize, usize)>,
    /// Per file: a server its names cover, if any (pairing may have chosen
    /// another file for it).
    pub covers: Vec<Option<usize>>,
    /// Per file: the file holding the same certificate that stands for it, when
    /// an earlier file holds an identical one (a PEM and a DER copy are one contender).
    pub copy_of: Vec<Option<usize>>,
}

/// The names a certificate claims: its SAN dNSNames, or its CN without a SAN.
fn claimed_names(info: &crate::certs::info::CertInfo) -> Vec<String> {
    let names: Vec<&String> = if info.has_san {
        info.dns_names.iter().collect()
    } else {
        info.common_name.iter().collect()
    };
    names
        .into_iter()
        .map(|n| n.trim_end_matches('.').to_ascii_lowercase())
        .collect()
}

/// Mark the orphan files whose names cover an internal server of the topology
/// (a machine or pool of a Front End, Director, Mediation, Persistent Chat, Edge or
/// Office Web Apps cluster) as [`FileStatus::Context`]: they are evidence of the
/// internal CA, not stray files.
pub fn mark_context(t: &Topology, roles: &Roles, files: &mut [CertFile], pairing: &mut Pairing) {
    let mut by_fqdn: HashMap<String, &'static str> = HashMap::new();
    let mut by_parent: HashMap<String, &'static str> = HashMap::new();
    for (ci, c) in t.clusters.iter().enumerate() {
        let Some(role) = roles.internal.get(ci).copied().flatten() else {
            continue;
        };
        let names = c
            .fqdn
            .iter()
            .chain(c.machines.iter().filter_map(|m| m.fqdn.as_ref()));
        for f in names {
            by_fqdn.entry(f.key().to_string()).or_insert(role);
            if let Some((_, parent)) = f.key().split_once('.') {
                by_parent.entry(parent.to_string()).or_insert(role);
            }
        }
    }
    for (fi, file) in files.iter_mut().enumerate() {
        if file.status != FileStatus::Orphan {
            continue;
        }
        let Some(leaf) = file.leaf() else { continue };
        let role = claimed_names(&leaf.info).iter().find_map(|n| {
            match n.strip_prefix("*.") {
                Some(parent) if !parent.contains('*') => by_parent.get(parent),
                Some(_) => None,
                None => by_fqdn.get(n.as_str()),
            }
            .copied()
        });
        if let Some(role) = role {
            file.status = FileStatus::Context;
            pairing.context.push((fi, role));
        }
    }
}

/// The file name without certificate extensions, lowercased (`FE01.contoso.local.cer` → `fe01.contoso.local`).
pub fn file_stem(path: &str) -> String {
    let name = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut stem = name.as_str();
    while let Some((head, ext)) = stem.rsplit_once('.') {
        if matches!(
            ext,
            "cer" | "crt" | "pem" | "der" | "cert" | "p7b" | "p7c" | "pfx" | "p12"
        ) {
            stem = head;
        } else {
            break;
        }
    }
    stem.to_string()
}

/// The `[certificates]` manifest resolved to file indexes: FQDN key → index into `files`.
fn manifest_index(manifest: &[(Fqdn, PathBuf)], files: &[CertFile]) -> HashMap<String, usize> {
    if manifest.is_empty() {
        return HashMap::new();
    }
    let by_path: HashMap<PathBuf, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (path_key(Path::new(&f.path)), i))
        .collect();
    manifest
        .iter()
        .filter_map(|(fqdn, p)| {
            by_path
                .get(&path_key(p))
                .map(|i| (fqdn.key().to_string(), *i))
        })
        .collect()
}

/// Pair every file-transfer server with a file; mark the files used. `manifest` is
/// the config's `[certificates]` table.
pub fn pair(roles: &Roles, files: &mut [CertFile], manifest: &[(Fqdn, PathBuf)]) -> Pairing {
    let n = roles.servers.len();
    let mut by_fqdn: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_parent: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
    for (si, s) in roles.servers.iter().enumerate() {
        let Some(f) = &s.fqdn else { continue };
        by_fqdn.entry(f.key()).or_default().push(si);
        if let Some((_, parent)) = f.key().split_once('.') {
            by_parent.entry(parent).or_default().push(si);
        }
        by_stem.entry(f.key()).or_default().push(si);
        by_stem.entry(f.host()).or_default().push(si);
    }

    // Identical certificates (same DER) are one contender: the first file stands
    // for the others.
    let mut first_of: HashMap<&[u8], usize> = HashMap::new();
    let mut copy_of: Vec<Option<usize>> = vec![None; files.len()];
    let mut copies: HashMap<usize, Vec<usize>> = HashMap::new();
    for (fi, file) in files.iter().enumerate() {
        let Some(leaf) = file.leaf() else { continue };
        let first = *first_of.entry(&leaf.der[..]).or_insert(fi);
        if first != fi {
            copy_of[fi] = Some(first);
            copies.entry(first).or_default().push(fi);
        }
    }
    let canon = |fi: usize| copy_of.get(fi).copied().flatten().unwrap_or(fi);

    // Candidates per server: (file, file name also matches).
    let mut by_name: Vec<Vec<(usize, bool)>> = vec![Vec::new(); n];
    let mut by_file_name: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut covers: Vec<Option<usize>> = vec![None; files.len()];
    let mut named_copy: HashMap<(usize, usize), usize> = HashMap::new();
    for (fi, file) in files.iter().enumerate() {
        let Some(leaf) = file.leaf() else { continue };
        let stem = file_stem(&file.path);
        let stem_servers = by_stem.get(stem.as_str()).cloned().unwrap_or_default();
        let mut matched: Vec<usize> = Vec::new();
        for name in leaf.info.presented_names() {
            // The index only narrows the candidates; `Fqdn::matched_by` decides.
            let key = name.trim_end_matches('.').to_ascii_lowercase();
            let hits = match key.strip_prefix("*.") {
                Some(parent) => by_parent.get(parent),
                None => by_fqdn.get(key.as_str()),
            };
            matched.extend(hits.into_iter().flatten().copied().filter(|si| {
                roles
                    .servers
                    .get(*si)
                    .and_then(|s| s.fqdn.as_ref())
                    .is_some_and(|f| f.matched_by(name))
            }));
        }
        matched.sort_unstable();
        matched.dedup();
        covers[fi] = matched.first().copied();
        if let Some(first) = copy_of.get(fi).copied().flatten() {
            // A copy named after a server: reported for it when its certificate is chosen.
            for si in &stem_servers {
                named_copy.entry((first, *si)).or_insert(fi);
            }
        }
        if matched.is_empty() {
            for si in stem_servers {
                if let Some(v) = by_file_name.get_mut(si) {
                    v.push(fi);
                }
            }
        } else if let Some(first) = copy_of.get(fi).copied().flatten() {
            // A copy adds nothing but its file name: the file that stands for it is
            // a candidate of every server already (500 copies of one wildcard
            // certificate over 60,000 servers stay 60,000 entries).
            for si in stem_servers
                .iter()
                .filter(|si| matched.binary_search(si).is_ok())
            {
                if let Some(v) = by_name.get_mut(*si) {
                    v.push((first, true));
                }
            }
        } else {
            for si in matched {
                if let Some(v) = by_name.get_mut(si) {
                    v.push((fi, stem_servers.contains(&si)));
                }
            }
        }
    }

    // Copies merged into the file that stands for them (a copy's file name counts).
    if !copies.is_empty() {
        for list in &mut by_name {
            if list.iter().any(|(fi, _)| canon(*fi) != *fi) {
                let mut merged: Vec<(usize, bool)> = Vec::with_capacity(list.len());
                let mut at: HashMap<usize, usize> = HashMap::with_capacity(list.len());
                for &(fi, named) in list.iter() {
                    let c = canon(fi);
                    match at.get(&c).and_then(|&i| merged.get_mut(i)) {
                        Some((_, n)) => *n |= named,
                        None => {
                            at.insert(c, merged.len());
                            merged.push((c, named));
                        }
                    }
                }
                *list = merged;
            }
        }
        for list in &mut by_file_name {
            if list.iter().any(|fi| canon(*fi) != *fi) {
                for fi in list.iter_mut() {
                    *fi = canon(*fi);
                }
                list.sort_unstable();
                list.dedup();
            }
        }
    }

    let manifest = manifest_index(manifest, files);
    let mut out = Pairing {
        assigned: vec![None; n],
        covers,
        ..Pairing::default()
    };
    let mut group_of: HashMap<Vec<usize>, usize> = HashMap::new();
    let mut copies_marked: HashSet<usize> = HashSet::new();
    let mut ambiguous = |si: usize, all: Vec<usize>, files: &mut [CertFile], out: &mut Pairing| {
        for fi in &all {
            // A contender is not an orphan; it is chosen for no server.
            if let Some(f) = files.get_mut(*fi) {
                f.status = FileStatus::Used;
            }
        }
        let next = out.groups.len();
        let g = *group_of.entry(all.clone()).or_insert(next);
        if g == next {
            out.groups.push(all);
        }
        out.ambiguous.push((si, g));
    };
    for (si, server) in roles.servers.iter().enumerate() {
        let Some(fqdn) = &server.fqdn else { continue };
        let manifest = manifest.get(fqdn.key()).copied();
        let candidates = by_name.get(si).map(Vec::as_slice).unwrap_or(&[]);
        let chosen = if let Some(fi) = manifest {
            Some(fi)
        } else if let [(fi, _)] = candidates {
            Some(*fi)
        } else if candidates.len() > 1 {
            let named: Vec<usize> = candidates.iter().filter(|c| c.1).map(|c| c.0).collect();
            if let [fi] = named.as_slice() {
                Some(*fi)
            } else {
                let all: Vec<usize> = candidates.iter().map(|c| c.0).collect();
                ambiguous(si, all, files, &mut out);
                None
            }
        } else {
            match by_file_name.get(si).map(Vec::as_slice) {
                Some([fi]) => Some(*fi),
                Some(all @ [_, _, ..]) => {
                    ambiguous(si, all.to_vec(), files, &mut out);
                    None
                }
                _ => {
                    out.missing.push(si);
                    None
                }
            }
        };
        if let Some(mut fi) = chosen {
            if let Some(same) = copies.get(&fi) {
                // The other files holding the same certificate are used too (not
                // orphans), marked once, without listing every server again: 500
                // copies of one wildcard certificate over 60,000 servers would
                // list 30 million.
                if copies_marked.insert(fi) {
                    for c in same.iter().chain(std::iter::once(&fi)) {
                        if let Some(f) = files.get_mut(*c) {
                            f.status = FileStatus::Used;
                        }
                    }
                }
                // The copy named after the server is the one reported.
                let stem = files
                    .get(fi)
                    .map(|f| file_stem(&f.path))
                    .unwrap_or_default();
                if stem != fqdn.key()
                    && stem != fqdn.host()
                    && let Some(&named) = named_copy.get(&(fi, si))
                {
                    fi = named;
                }
            }
            claim(si, &[fi], files);
            out.assigned[si] = Some(fi);
        }
    }
    out.copy_of = copy_of;
    out
}

/// Pair the chains `check --probe` took: each belongs to the server probed and is
/// listed for it. A supplied file for a server wins (`probe_differs` records when
/// the presented certificate is another one); a server no file claims gets the
/// probed chain; a server no chain could be taken from is recorded in
/// `probe_failed` instead of `missing`.
pub fn add_probed(
    files: &mut Vec<CertFile>,
    pairing: &mut Pairing,
    probed: Vec<crate::probe::Probed>,
) {
    let unclaimed: HashSet<usize> = pairing.missing.iter().copied().collect();
    let mut taken = HashSet::new();
    for p in probed {
        let si = p.server;
        if unclaimed.contains(&si) {
            taken.insert(si);
        }
        let loaded = match p.result {
            Ok(l) => l,
            Err(e) => {
                pairing.probe_failed.push((si, p.source, e));
                continue;
            }
        };
        let fi = files.len();
        files.push(CertFile {
            path: p.source,
            loaded: Ok(loaded),
            servers: vec![si],
            status: FileStatus::Used,
        });
        match pairing.assigned.get_mut(si) {
            Some(slot @ None) if unclaimed.contains(&si) => *slot = Some(fi),
            Some(Some(supplied)) => {
                let supplied = *supplied;
                let differs = match (
                    files.get(supplied).and_then(CertFile::leaf),
                    files.get(fi).and_then(CertFile::leaf),
                ) {
                    (Some(s), Some(p)) => s.der != p.der,
                    _ => false,
                };
                if differs {
                    pairing.probe_differs.push((si, supplied, fi));
                }
            }
            _ => {}
        }
    }
    pairing.missing.retain(|si| !taken.contains(si));
}

/// Mark `contenders` as claiming server `si` (an ambiguous contender is not an orphan).
fn claim(si: usize, contenders: &[usize], files: &mut [CertFile]) {
    for fi in contenders {
        if let Some(f) = files.get_mut(*fi) {
            f.servers.push(si);
            f.status = FileStatus::Used;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_label_wildcard_pairs_nothing() {
        // `*.local` would pair every `x.local` server if pairing had its own matcher.
        assert!(!Fqdn::new("fe01.local").matched_by("*.local"));
        assert!(Fqdn::new("fe01.contoso.local").matched_by("*.contoso.local"));
    }

    #[test]
    fn stem_strips_certificate_extensions_only() {
        assert_eq!(
            file_stem("certs/FE01.contoso.local.cer"),
            "fe01.contoso.local"
        );
        assert_eq!(file_stem("a/fe01.pem.p7b"), "fe01");
        assert_eq!(file_stem("fe01.contoso.local"), "fe01.contoso.local");
    }
}
