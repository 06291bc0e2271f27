/*!
The severity sink: what the user's settings do to the findings the rules produced.
Suppressions (`[[ignore]]`) first, then `unused-ignore` for those that matched
nothing, then the levels (`[rules]`, then `-D`/`-W`/`-A`), applied once to the
finished list.
*/

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::{Code, Finding, Severity, Subject};
use crate::certs::{CertFile, path_key};
use crate::fqdn::Fqdn;
use crate::topology::Topology;

/// What a rule level in the config or on the command line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Deny,
    Warn,
    Allow,
}

/// Which rules an override applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Code(Code),
    /// `-D warnings`: every warning-level finding.
    Warnings,
}

/// One suppression.
#[derive(Debug, Clone)]
pub struct Ignore {
    pub code: Code,
    pub server: Option<Fqdn>,
    pub certificate: Option<PathBuf>,
    /// Span of the `[[ignore]]` entry in the config text, for `unused-ignore`.
    pub span: Range<usize>,
}

/// How the user tuned the rules.
#[derive(Debug, Clone)]
pub struct Settings {
    pub expires_soon_days: i64,
    /// Overrides in the order they apply: config `[rules]` first, then the command line.
    pub overrides: Vec<(Target, Level)>,
    pub ignores: Vec<Ignore>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            expires_soon_days: 30,
            overrides: Vec::new(),
            ignores: Vec::new(),
        }
    }
}

impl Settings {
    /// Apply suppressions, add `unused-ignore` findings, then apply the severity
    /// overrides to every finding left — `unused-ignore` included, so `-A unused-ignore`
    /// silences it and `-D warnings` makes it an error. Suppressions come first: an
    /// `[[ignore]]` that matches a finding is used even when a level would also drop it.
    pub fn apply(
        &self,
        findings: Vec<Finding>,
        topology: Option<&Topology>,
        files: &[CertFile],
    ) -> Vec<Finding> {
        // Each suppression under its exact key (code, server, certificate), the
        // first in config order winning: a finding looks up the four keys it can
        // match (with and without its server, with and without its file), so the
        // cost is linear in findings plus suppressions.
        type Key = (Code, Option<Fqdn>, Option<PathBuf>);
        let mut index: HashMap<Key, usize> = HashMap::with_capacity(self.ignores.len());
        for (i, ig) in self.ignores.iter().enumerate() {
            let key = (
                ig.code,
                ig.server.clone(),
                ig.certificate.as_deref().map(path_key),
            );
            index.entry(key).or_insert(i);
        }
        let mut file_keys: HashMap<usize, PathBuf> = HashMap::new();
        let mut used = vec![false; self.ignores.len()];
        let mut out = Vec::with_capacity(findings.len());
        for f in findings {
            let server = subject_fqdn(f.subject, topology).cloned();
            let file = f.certificate.map(|fi| {
                file_keys
                    .entry(fi)
                    .or_insert_with(|| {
                        files
                            .get(fi)
                            .map(|cf| path_key(Path::new(&cf.path)))
                            .unwrap_or_default()
                    })
                    .clone()
            });
            // The finding's own server and file, then the wildcards (None).
            let servers = [server.clone(), None];
            let servers = &servers[..if server.is_some() { 2 } else { 1 }];
            let certs = [file.clone(), None];
            let certs = &certs[..if file.is_some() { 2 } else { 1 }];
            let hit = servers
                .iter()
                .flat_map(|s| certs.iter().map(move |c| (f.code, s.clone(), c.clone())))
                .filter_map(|key| index.get(&key).copied())
                .min();
            match hit {
                Some(i) => {
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                }
                None => out.push(f),
            }
        }
        for (i, (ig, _)) in self
            .ignores
            .iter()
            .zip(used)
            .enumerate()
            .filter(|(_, (_, u))| !u)
        {
            out.push(super::unused_ignore::finding(i, ig));
        }
        out.into_iter().filter_map(|f| self.level(f)).collect()
    }

    /// Apply the overrides in order (config `[rules]`, then the command line), the
    /// last one naming the code winning: a later `deny`/`warn` brings back a code an
    /// earlier `allow` dropped. `-D warnings` does not touch an allowed code. `None`
    /// when the finding is allowed in the end.
    fn level(&self, mut f: Finding) -> Option<Finding> {
        let mut allowed = false;
        for (target, level) in &self.overrides {
            let hit = match target {
                Target::Code(c) => *c == f.code,
                Target::Warnings => !allowed && f.severity == Severity::Warning,
            };
            if hit {
                allowed = *level == Level::Allow;
                match level {
                    Level::Allow => {}
                    Level::Deny => f.severity = Severity::Error,
                    Level::Warn => f.severity = Severity::Warning,
                }
            }
        }
        (!allowed).then_some(f)
    }
}

/// The FQDN a subject has in the topology: a machine's, or a pool's.
fn subject_fqdn(s: Option<Subject>, topology: Option<&Topology>) -> Option<&Fqdn> {
    let t = topology?;
    match s? {
        Subject::Machine { cluster, machine } => t
            .clusters
            .get(cluster)?
            .machines
            .get(machine)?
            .fqdn
            .as_ref(),
        Subject::Pool(cluster) => t.clusters.get(cluster)?.fqdn.as_ref(),
        Subject::File(_) | Subject::Ignore(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_ignore() -> Settings {
        Settings {
            ignores: vec![Ignore {
                code: Code::Expired,
                server: None,
                certificate: None,
                span: 0..10,
            }],
            ..Settings::default()
        }
    }

    #[test]
    fn unused_ignore_obeys_levels_and_a_used_ignore_is_not_reported() {
        let finding = || Finding::new(Code::Expired, "m", "h");
        let mut c = with_ignore();
        assert!(c.apply(vec![finding()], None, &[]).is_empty());
        let out = c.apply(Vec::new(), None, &[]);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].code, out[0].severity, out[0].subject),
            (
                Code::UnusedIgnore,
                Severity::Warning,
                Some(Subject::Ignore(0))
            )
        );
        c.overrides.push((Target::Warnings, Level::Deny));
        assert_eq!(c.apply(Vec::new(), None, &[])[0].severity, Severity::Error);
        c.overrides
            .push((Target::Code(Code::UnusedIgnore), Level::Allow));
        assert!(c.apply(Vec::new(), None, &[]).is_empty());
        // An allowed code whose suppression matched: neither reported nor unused.
        c.overrides = vec![(Target::Code(Code::Expired), Level::Allow)];
        assert!(c.apply(vec![finding()], None, &[]).is_empty());
    }

    #[test]
    fn the_last_level_naming_a_code_wins() {
        let mut c = Settings::default();
        let f = || Finding::new(Code::ExpiresSoon, "m", "h");
        // Config allows, the command line denies: reported as an error.
        c.overrides = vec![
            (Target::Code(Code::ExpiresSoon), Level::Allow),
            (Target::Code(Code::ExpiresSoon), Level::Deny),
        ];
        let out = c.apply(vec![f()], None, &[]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Error);
        // Config denies, the command line allows: dropped.
        c.overrides = vec![
            (Target::Code(Code::ExpiresSoon), Level::Deny),
            (Target::Code(Code::ExpiresSoon), Level::Allow),
        ];
        assert!(c.apply(vec![f()], None, &[]).is_empty());
        // `-D warnings` does not bring back an allowed code, but denies the others.
        c.overrides = vec![
            (Target::Code(Code::ExpiresSoon), Level::Allow),
            (Target::Warnings, Level::Deny),
        ];
        let out = c.apply(
            vec![f(), Finding::new(Code::BareHostName, "m", "h")],
            None,
            &[],
        );
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].code, out[0].severity),
            (Code::BareHostName, Severity::Error)
        );
    }
}
