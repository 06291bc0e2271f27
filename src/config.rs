/*!
`topocert.toml`: the certificate manifest, rule levels and suppressions, plus the
`-D`/`-W`/`-A` command-line overrides. Severity overrides and suppressions are
applied once, here, to the finished list of findings.

```toml
[certificates]
"fe01.contoso.local" = "certs/fe01.cer"

[rules]
sha1-signature = "deny"                      # deny | warn | allow
expires-soon = { level = "warn", days = 60 }

[[ignore]]
code = "orphan-certificate"
certificate = "certs/old-edge.cer"           # or server = "fe03.contoso.local"
reason = "Edge cert reviewed in change 4711" # required
```
*/

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};
use serde::Deserialize;
use toml::Spanned;

use crate::check::CertFile;
use crate::fqdn::Fqdn;
use crate::rules::{Code, Finding, Severity};

/// What a rule level in the config or on the command line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
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
    pub reason: String,
    /// Span of the `[[ignore]]` entry in the config text, for `unused-ignore`.
    pub span: Range<usize>,
}

/// The run's configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub text: Option<String>,
    /// `[certificates]`: FQDN → file (resolved relative to the config file).
    pub certificates: Vec<(Fqdn, PathBuf)>,
    pub expires_soon_days: i64,
    /// Overrides in the order they apply: config `[rules]` first, then the command line.
    pub overrides: Vec<(Target, Level)>,
    pub ignores: Vec<Ignore>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            text: None,
            certificates: Vec::new(),
            expires_soon_days: 30,
            overrides: Vec::new(),
            ignores: Vec::new(),
        }
    }
}

/// A config file that cannot be used (exit 2), located in its text.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    src: NamedSource<String>,
    span: Range<usize>,
}

impl Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("topocert::config"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(
            "see the topocert.toml reference in the README; rule codes are listed by `topocert explain --all`",
        ))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some("here".into()),
                (
                    self.span.start,
                    self.span.end.saturating_sub(self.span.start),
                ),
            ),
        )))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    certificates: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    ignore: Vec<Spanned<RawIgnore>>,
}

/// `"deny"`, `"warn"` or `"allow"`.
fn parse_level(code: Code, v: &toml::Value) -> Result<Level, String> {
    match v.as_str() {
        Some("deny") => Ok(Level::Deny),
        Some("warn") => Ok(Level::Warn),
        Some("allow") => Ok(Level::Allow),
        Some(other) => Err(format!(
            "unknown level `{other}` for {code}: expected \"deny\", \"warn\" or \"allow\""
        )),
        None => Err(format!(
            "the level of {code} must be a string: \"deny\", \"warn\" or \"allow\""
        )),
    }
}

/// One `[rules]` entry: a level, or a table `{ level = …, days = … }`. Parsed by hand
/// (not an untagged serde enum) so a mistake gets a message that names it.
fn parse_rule(code: Code, v: &toml::Value) -> Result<(Option<Level>, Option<i64>), String> {
    match v {
        toml::Value::String(_) => Ok((Some(parse_level(code, v)?), None)),
        toml::Value::Table(t) => {
            let mut out = (None, None);
            for (key, value) in t {
                match key.as_str() {
                    "level" => out.0 = Some(parse_level(code, value)?),
                    "days" => {
                        out.1 = Some(value.as_integer().ok_or_else(|| {
                            format!("`days` of {code} must be a whole number of days")
                        })?)
                    }
                    other => {
                        return Err(format!(
                            "unknown key `{other}` in the setting of {code}: expected `level` or `days`"
                        ));
                    }
                }
            }
            Ok(out)
        }
        _ => Err(format!(
            "the setting of {code} must be \"deny\", \"warn\", \"allow\" or a table such as {{ level = \"warn\", days = 60 }}"
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    code: Spanned<String>,
    server: Option<String>,
    certificate: Option<String>,
    reason: Option<String>,
}

impl Config {
    /// Find the config: `explicit`, else `topocert.toml` next to the topology, else none.
    pub fn discover(explicit: Option<&Path>, topology: &Path) -> Result<Config, Box<ConfigError>> {
        if let Some(p) = explicit {
            return Config::load(p);
        }
        let beside = topology
            .parent()
            .map(|d| d.join("topocert.toml"))
            .unwrap_or_else(|| PathBuf::from("topocert.toml"));
        if beside.is_file() {
            Config::load(&beside)
        } else {
            Ok(Config::default())
        }
    }

    pub fn load(path: &Path) -> Result<Config, Box<ConfigError>> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Box::new(ConfigError {
                path: path.display().to_string(),
                line: 1,
                column: 1,
                message: format!("cannot read the config file: {e}"),
                src: NamedSource::new(path.display().to_string(), String::new()),
                span: 0..0,
            })
        })?;
        Config::parse(path, text)
    }

    /// Parse config `text` read from `path`.
    pub fn parse(path: &Path, text: String) -> Result<Config, Box<ConfigError>> {
        let name = path.display().to_string();
        let fail = |span: Range<usize>, message: String| {
            let (line, column) = line_col(&text, span.start);
            Box::new(ConfigError {
                path: name.clone(),
                line,
                column,
                message,
                src: NamedSource::new(name.clone(), text.clone()),
                span,
            })
        };
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            fail(span, e.message().trim_end_matches('\n').to_string())
        })?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut cfg = Config {
            path: Some(path.to_path_buf()),
            ..Config::default()
        };
        for (fqdn, file) in raw.certificates {
            cfg.certificates
                .push((Fqdn::new(fqdn), base.join(file.get_ref())));
        }
        for (code, rule) in raw.rules {
            let c: Code = code
                .get_ref()
                .parse()
                .map_err(|e: String| fail(code.span(), e))?;
            let (level, days) = parse_rule(c, rule.get_ref()).map_err(|m| fail(rule.span(), m))?;
            if let Some(d) = days {
                if c != Code::ExpiresSoon {
                    return Err(fail(
                        rule.span(),
                        format!("`days` applies only to expires-soon, not to {c}"),
                    ));
                }
                if !(0..=3650).contains(&d) {
                    return Err(fail(
                        rule.span(),
                        format!("`days` must be between 0 and 3650, not {d}"),
                    ));
                }
                cfg.expires_soon_days = d;
            }
            if let Some(l) = level {
                cfg.overrides.push((Target::Code(c), l));
            }
        }
        for entry in raw.ignore {
            let span = entry.span();
            let e = entry.into_inner();
            let code: Code = e
                .code
                .get_ref()
                .parse()
                .map_err(|m: String| fail(e.code.span(), m))?;
            let reason = match e.reason.map(|r| r.trim().to_string()) {
                Some(r) if !r.is_empty() => r,
                _ => {
                    return Err(fail(
                        span,
                        "a suppression needs a `reason` saying why the finding is accepted".into(),
                    ));
                }
            };
            cfg.ignores.push(Ignore {
                code,
                server: e.server.map(Fqdn::new),
                certificate: e.certificate.map(|c| base.join(c)),
                reason,
                span,
            });
        }
        cfg.text = Some(text);
        Ok(cfg)
    }

    /// The `[certificates]` table resolved to file indexes: FQDN key → index into `files`.
    pub fn manifest_index(&self, files: &[CertFile]) -> HashMap<String, usize> {
        if self.certificates.is_empty() {
            return HashMap::new();
        }
        let by_path: HashMap<PathBuf, usize> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (path_key(Path::new(&f.path)), i))
            .collect();
        self.certificates
            .iter()
            .filter_map(|(fqdn, p)| {
                by_path
                    .get(&path_key(p))
                    .map(|i| (fqdn.key().to_string(), *i))
            })
            .collect()
    }

    /// Manifest files that must be loaded even when not passed with `--certs`.
    pub fn manifest_paths(&self) -> impl Iterator<Item = &Path> {
        self.certificates.iter().map(|(_, p)| p.as_path())
    }

    /// Apply suppressions, add `unused-ignore` findings, then apply the severity
    /// overrides to every finding left — `unused-ignore` included, so `-A unused-ignore`
    /// silences it and `-D warnings` makes it an error. Suppressions come first: an
    /// `[[ignore]]` that matches a finding is used even when a level would also drop it.
    pub fn apply(&self, findings: Vec<Finding>, files: &[CertFile]) -> Vec<Finding> {
        let mut used = vec![false; self.ignores.len()];
        let mut out = Vec::with_capacity(findings.len());
        for f in findings {
            match self.ignores.iter().position(|ig| ig.matches(&f, files)) {
                Some(i) => {
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                }
                None => out.push(f),
            }
        }
        for (ig, _) in self.ignores.iter().zip(used).filter(|(_, u)| !u) {
            let what = match (&ig.server, &ig.certificate) {
                (Some(s), _) => format!(" for server {s}"),
                (None, Some(c)) => format!(" for certificate {}", c.display()),
                _ => String::new(),
            };
            let (line, _) = self
                .text
                .as_deref()
                .map_or((1, 1), |t| line_col(t, ig.span.start));
            let config = self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            out.push(Finding::new(
                Code::UnusedIgnore,
                format!(
                    "the suppression of {}{what} at {config}:{line} matched no finding",
                    ig.code
                ),
                "delete the [[ignore]] entry or correct its code, server or certificate",
            ));
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

impl Ignore {
    /// Whether this suppression covers `f`.
    fn matches(&self, f: &Finding, files: &[CertFile]) -> bool {
        if self.code != f.code {
            return false;
        }
        let server_ok = self
            .server
            .as_ref()
            .is_none_or(|s| f.server.as_deref().is_some_and(|fs| Fqdn::new(fs) == *s));
        let cert_ok = self.certificate.as_ref().is_none_or(|p| {
            f.certificate
                .and_then(|i| files.get(i))
                .is_some_and(|cf| same_path(Path::new(&cf.path), p))
        });
        server_ok && cert_ok
    }
}

/// A path for comparison: canonical when it exists, else as written without `./`.
fn path_key(p: &Path) -> PathBuf {
    p.canonicalize()
        .unwrap_or_else(|_| p.strip_prefix("./").unwrap_or(p).to_path_buf())
}

/// Compare two paths as files.
fn same_path(a: &Path, b: &Path) -> bool {
    path_key(a) == path_key(b)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let src =
        crate::source::SourceFile::new("", text.to_string(), crate::source::TextEncoding::Utf8);
    src.line_col(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Box<ConfigError>> {
        Config::parse(Path::new("dir/topocert.toml"), text.to_string())
    }

    #[test]
    fn full_config_parses() {
        let c = parse(
            "[certificates]\n\"FE01.contoso.local\" = \"certs/fe01.cer\"\n[rules]\nsha1-signature = \"deny\"\nexpires-soon = { level = \"warn\", days = 60 }\n[[ignore]]\ncode = \"orphan-certificate\"\ncertificate = \"certs/old.cer\"\nreason = \"reviewed\"\n",
        )
        .unwrap();
        assert_eq!(c.expires_soon_days, 60);
        assert_eq!(c.certificates[0].1, Path::new("dir/certs/fe01.cer"));
        assert_eq!(c.overrides.len(), 2);
        assert_eq!(
            c.ignores[0].certificate.as_deref(),
            Some(Path::new("dir/certs/old.cer"))
        );
    }

    #[test]
    fn unknown_code_names_its_line() {
        let e = parse("[rules]\n\nno-such-rule = \"deny\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1));
        assert!(
            e.message.contains("unknown rule code `no-such-rule`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn unknown_key_is_an_error() {
        let e = parse("[rulez]\n").unwrap_err();
        assert!(e.message.contains("unknown field"), "{}", e.message);
        assert_eq!(e.line, 1);
    }

    #[test]
    fn bad_rule_settings_name_the_mistake_and_the_line() {
        let e = parse("[rules]\nsha1-signature = \"block\"\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown level `block`"), "{}", e.message);
        let e = parse("[rules]\nexpires-soon = { lvl = \"warn\" }\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown key `lvl`"), "{}", e.message);
        let e = parse("[rules]\nexpires-soon = 3\n").unwrap_err();
        assert!(e.message.contains("must be"), "{}", e.message);
        let e = parse("[rules]\nexpires-soon = { days = \"x\" }\n").unwrap_err();
        assert!(e.message.contains("whole number"), "{}", e.message);
        let c = parse("[rules]\nexpires-soon = { days = 45 }\nweak-key = { level = \"allow\" }\n")
            .unwrap();
        assert_eq!(c.expires_soon_days, 45);
        assert_eq!(
            c.overrides,
            vec![(Target::Code(Code::WeakKey), Level::Allow)]
        );
    }

    #[test]
    fn unused_ignore_obeys_levels_and_a_used_ignore_is_not_reported() {
        let text = "[[ignore]]\ncode = \"expired\"\nreason = \"r\"\n";
        let finding = || Finding::new(Code::Expired, "m", "h");
        let mut c = parse(text).unwrap();
        assert!(c.apply(vec![finding()], &[]).is_empty());
        let out = c.apply(Vec::new(), &[]);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].code, out[0].severity),
            (Code::UnusedIgnore, Severity::Warning)
        );
        c.overrides.push((Target::Warnings, Level::Deny));
        assert_eq!(c.apply(Vec::new(), &[])[0].severity, Severity::Error);
        c.overrides
            .push((Target::Code(Code::UnusedIgnore), Level::Allow));
        assert!(c.apply(Vec::new(), &[]).is_empty());
        // An allowed code whose suppression matched: neither reported nor unused.
        c.overrides = vec![(Target::Code(Code::Expired), Level::Allow)];
        assert!(c.apply(vec![finding()], &[]).is_empty());
    }

    #[test]
    fn the_last_level_naming_a_code_wins() {
        let mut c = Config::default();
        let f = || Finding::new(Code::ExpiresSoon, "m", "h");
        // Config allows, the command line denies: reported as an error.
        c.overrides = vec![
            (Target::Code(Code::ExpiresSoon), Level::Allow),
            (Target::Code(Code::ExpiresSoon), Level::Deny),
        ];
        let out = c.apply(vec![f()], &[]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Error);
        // Config denies, the command line allows: dropped.
        c.overrides = vec![
            (Target::Code(Code::ExpiresSoon), Level::Deny),
            (Target::Code(Code::ExpiresSoon), Level::Allow),
        ];
        assert!(c.apply(vec![f()], &[]).is_empty());
        // `-D warnings` does not bring back an allowed code, but denies the others.
        c.overrides = vec![
            (Target::Code(Code::ExpiresSoon), Level::Allow),
            (Target::Warnings, Level::Deny),
        ];
        let out = c.apply(vec![f(), Finding::new(Code::BareHostName, "m", "h")], &[]);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].code, out[0].severity),
            (Code::BareHostName, Severity::Error)
        );
    }

    #[test]
    fn suppression_without_reason_is_an_error() {
        let e =
            parse("[[ignore]]\ncode = \"expired\"\nserver = \"fe01.contoso.local\"\n").unwrap_err();
        assert!(e.message.contains("reason"), "{}", e.message);
    }
}
