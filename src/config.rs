/*!
`topocert.toml`: reading the certificate manifest, rule levels and suppressions.
This module only parses; the rules' sink (`rules::Settings`) applies levels and
suppressions to the findings.

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

[web]
simple-urls = ["meet.contoso.com", "dialin.contoso.com"]  # when the topology declares none
strict-dns = false                           # true: also sip.<SIP domain>
layout = "combined"                          # combined | split
```
*/

// The catalogue's `t!`, named relative to the crate root (a `crate::` path
// would read as a module to tests/architecture.rs).
use super::t;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, LabeledSpan, SourceCode};
use serde::Deserialize;
use toml::Spanned;

use crate::fqdn::Fqdn;
use crate::source::{Bounded, SourceFile, TextEncoding, read_bounded};

/// Largest config file read, in bytes (4 MiB): room for 20,000 `[[ignore]]` entries
/// with real names and reasons (about 2 MB), far below any memory concern.
pub const MAX_CONFIG_SIZE: u64 = 4 * 1024 * 1024;
use crate::rules::{Code, Ignore, Level, Settings, Target};

/// The run's configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub text: Option<String>,
    /// `[certificates]`: FQDN → file (resolved relative to the config file).
    pub certificates: Vec<(Fqdn, PathBuf)>,
    /// `[rules]` and `[[ignore]]`.
    pub settings: Settings,
    /// `[web]`: the names the web services need besides file transfer.
    pub web: crate::names::WebSettings,
}

/// A config file that cannot be used (exit 2), located in its text.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    src: SourceFile,
    span: Range<usize>,
    /// The I/O error when the file could not be read.
    #[source]
    source: Option<std::io::Error>,
}

impl Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("topocert::config"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(t!("errors-config-help")))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        // A file that could not be read has no text to show.
        self.source
            .is_none()
            .then_some(&self.src as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.source.is_some() {
            return None;
        }
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some(t!("errors-label-here")),
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
    #[serde(default)]
    web: Option<RawWeb>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawWeb {
    #[serde(default)]
    simple_urls: Vec<Spanned<String>>,
    strict_dns: Option<Spanned<bool>>,
    layout: Option<Spanned<String>>,
}

/// `"deny"`, `"warn"` or `"allow"`.
fn parse_level(code: Code, v: &toml::Value) -> Result<Level, String> {
    match v.as_str() {
        Some("deny") => Ok(Level::Deny),
        Some("warn") => Ok(Level::Warn),
        Some("allow") => Ok(Level::Allow),
        Some(other) => Err(t!(
            "errors-config-unknown-level",
            level = other,
            code = code.to_string()
        )),
        None => Err(t!(
            "errors-config-level-not-string",
            code = code.to_string()
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
                            t!("errors-config-days-not-integer", code = code.to_string())
                        })?)
                    }
                    other => {
                        return Err(t!(
                            "errors-config-unknown-key",
                            key = other,
                            code = code.to_string()
                        ));
                    }
                }
            }
            Ok(out)
        }
        _ => Err(t!("errors-config-bad-setting", code = code.to_string())),
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

    /// Read and parse the config file at `path`: a regular file (a FIFO without
    /// a writer would hang the run) of at most [`MAX_CONFIG_SIZE`] bytes.
    pub fn load(path: &Path) -> Result<Config, Box<ConfigError>> {
        let cannot = |e: std::io::Error| {
            Box::new(ConfigError {
                path: crate::paths::display(path),
                line: 1,
                column: 1,
                message: t!("errors-config-cannot-read"),
                src: SourceFile::new(
                    crate::paths::display(path),
                    String::new(),
                    TextEncoding::Utf8,
                ),
                span: 0..0,
                source: Some(e),
            })
        };
        let meta = std::fs::metadata(path).map_err(cannot)?;
        if !meta.is_file() {
            return Err(cannot(std::io::Error::other(t!(
                "errors-config-not-regular-file"
            ))));
        }
        let bytes = match read_bounded(path, MAX_CONFIG_SIZE) {
            Ok(b) => b,
            Err(Bounded::Io(e)) => return Err(cannot(e)),
            Err(Bounded::TooLarge) => {
                return Err(cannot(std::io::Error::other(t!(
                    "errors-config-too-large",
                    limit = MAX_CONFIG_SIZE
                ))));
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            cannot(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                t!("errors-config-not-utf8"),
            ))
        })?;
        Config::parse(path, text)
    }

    /// Parse config `text` read from `path`.
    pub fn parse(path: &Path, text: String) -> Result<Config, Box<ConfigError>> {
        let name = crate::paths::display(path);
        let fail = |span: Range<usize>, message: String| {
            let (line, column) = line_col(&text, span.start);
            Box::new(ConfigError {
                path: name.clone(),
                line,
                column,
                message,
                src: SourceFile::new(name.clone(), text.clone(), TextEncoding::Utf8),
                span,
                source: None,
            })
        };
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            fail(span, toml_message(e.message().trim_end_matches('\n')))
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
                .map_err(|_: String| fail(code.span(), unknown_code(code.get_ref())))?;
            let (level, days) = parse_rule(c, rule.get_ref()).map_err(|m| fail(rule.span(), m))?;
            if let Some(d) = days {
                if c != Code::ExpiresSoon {
                    return Err(fail(
                        rule.span(),
                        t!("errors-config-days-other-code", code = c.to_string()),
                    ));
                }
                if !(0..=3650).contains(&d) {
                    return Err(fail(rule.span(), t!("errors-config-days-range", days = d)));
                }
                cfg.settings.expires_soon_days = d;
            }
            if let Some(l) = level {
                cfg.settings.overrides.push((Target::Code(c), l));
            }
        }
        for entry in raw.ignore {
            let span = entry.span();
            let e = entry.into_inner();
            let code: Code = e
                .code
                .get_ref()
                .parse()
                .map_err(|_: String| fail(e.code.span(), unknown_code(e.code.get_ref())))?;
            // Required so the file says why a finding is accepted; not reported.
            match e.reason.as_deref().map(str::trim) {
                Some(r) if !r.is_empty() => {}
                _ => {
                    return Err(fail(span, t!("errors-config-no-reason")));
                }
            };
            cfg.settings.ignores.push(Ignore {
                code,
                server: e.server.map(Fqdn::new),
                certificate: e.certificate.map(|c| base.join(c)),
                span,
            });
        }
        if let Some(web) = raw.web {
            for url in web.simple_urls {
                let span = url.span();
                let host = crate::topology::SimpleUrl {
                    component: String::new(),
                    url: url.get_ref().clone(),
                    span: span.clone(),
                };
                let f = Fqdn::new(host.host());
                let problem = match f.problem() {
                    Some(problem) => Some(t!("errors-config-simple-url", problem = problem)),
                    None => f
                        .is_bare()
                        .then(|| t!("errors-config-simple-url-bare", host = host.host())),
                };
                if let Some(message) = problem {
                    return Err(fail(span, message));
                }
                cfg.web.simple_urls.push((url.into_inner(), span));
            }
            if let Some(strict) = web.strict_dns
                && *strict.get_ref()
            {
                cfg.web.strict_dns = Some(strict.span());
            }
            if let Some(layout) = web.layout {
                cfg.web.layout = match layout.get_ref().as_str() {
                    "combined" => crate::names::Layout::Combined,
                    "split" => crate::names::Layout::Split,
                    other => {
                        return Err(fail(
                            layout.span(),
                            t!("errors-config-unknown-layout", layout = other),
                        ));
                    }
                };
            }
        }
        cfg.text = Some(text);
        Ok(cfg)
    }

    /// Manifest files that must be loaded even when not passed with `--certs`.
    pub fn manifest_paths(&self) -> impl Iterator<Item = &Path> {
        self.certificates.iter().map(|(_, p)| p.as_path())
    }
}

/// The message of a rule code the config names that does not exist.
fn unknown_code(code: &str) -> String {
    t!("errors-config-unknown-code", code = code)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let src =
        crate::source::SourceFile::new("", text.to_string(), crate::source::TextEncoding::Utf8);
    src.line_col(offset)
}

/// The TOML reader's message in the language of the run. A key the file may not
/// have and a missing key are said in the catalogue's words (serde words them
/// `unknown field `x`, expected one of `a`, `b`` and `missing field `x``); every
/// other message is the parser's own, quoted.
fn toml_message(text: &str) -> String {
    if let Some(rest) = text.strip_prefix("unknown field `") {
        if let Some((key, expected)) = rest.split_once("`, expected ") {
            let (many, allowed) = match expected.strip_prefix("one of ") {
                Some(list) => ("yes", list),
                None => ("no", expected),
            };
            if allowed.starts_with('`') {
                return t!(
                    "errors-config-toml-unknown-field",
                    key = key,
                    many = many,
                    allowed = allowed
                );
            }
        }
    }
    if let Some(key) = text
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return t!("errors-config-toml-missing-field", key = key);
    }
    t!("errors-config-toml", reason = text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_messages_keep_serde_wording_in_english() {
        for m in [
            "unknown field `rulez`, expected one of `certificates`, `rules`",
            "unknown field `x`, expected `reason`",
            "missing field `reason`",
            "string values must be quoted, expected literal string",
            "unknown field `x`, there are no fields",
        ] {
            assert_eq!(toml_message(m), m);
        }
        let ja = crate::i18n::message_in(
            crate::i18n::Lang::Ja,
            "errors-config-toml-missing-field",
            None,
        );
        assert!(ja.contains("必須のキー"), "{ja}");
    }

    fn parse(text: &str) -> Result<Config, Box<ConfigError>> {
        Config::parse(Path::new("dir/topocert.toml"), text.to_string())
    }

    #[test]
    fn full_config_parses() {
        let c = parse(
            "[certificates]\n\"FE01.contoso.local\" = \"certs/fe01.cer\"\n[rules]\nsha1-signature = \"deny\"\nexpires-soon = { level = \"warn\", days = 60 }\n[[ignore]]\ncode = \"orphan-certificate\"\ncertificate = \"certs/old.cer\"\nreason = \"reviewed\"\n",
        )
        .unwrap();
        assert_eq!(c.settings.expires_soon_days, 60);
        assert_eq!(c.certificates[0].1, Path::new("dir/certs/fe01.cer"));
        assert_eq!(c.settings.overrides.len(), 2);
        assert_eq!(
            c.settings.ignores[0].certificate.as_deref(),
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
        assert_eq!(c.settings.expires_soon_days, 45);
        assert_eq!(
            c.settings.overrides,
            vec![(Target::Code(Code::WeakKey), Level::Allow)]
        );
    }

    #[test]
    fn web_settings_parse_and_bad_ones_name_their_line() {
        let c = parse(
            "[web]\nsimple-urls = [\"https://meet.contoso.com\", \"dialin.contoso.com\"]\nstrict-dns = true\nlayout = \"split\"\n",
        )
        .unwrap();
        assert_eq!(c.web.simple_urls.len(), 2);
        assert!(c.web.strict_dns.is_some());
        assert_eq!(c.web.layout, crate::names::Layout::Split);
        let e = parse("[web]\n\nsimple-urls = [\"meet\"]\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("fully qualified"), "{}", e.message);
        let e = parse("[web]\nlayout = \"both\"\n").unwrap_err();
        assert!(e.message.contains("unknown layout"), "{}", e.message);
        let c = parse("[web]\nstrict-dns = false\n").unwrap();
        assert!(c.web.strict_dns.is_none());
    }

    #[test]
    fn suppression_without_reason_is_an_error() {
        let e =
            parse("[[ignore]]\ncode = \"expired\"\nserver = \"fe01.contoso.local\"\n").unwrap_err();
        assert!(e.message.contains("reason"), "{}", e.message);
    }
}
