/*!
SARIF 2.1.0 for GitHub code scanning (and any other SARIF viewer): one run, the full
rule registry as `tool.driver.rules` (so `ruleIndex` never changes between runs), one
result per finding with one physical location, and fingerprints so that uploading the
same findings again updates the alerts instead of duplicating them.

Only the subset of SARIF that topocert fills in is modelled here; the structs follow
the property names of the OASIS schema exactly.

- URIs are relative to the directory topocert ran in, with forward slashes and
  percent-encoding, which is what code scanning resolves against the repository root
  when topocert runs at the root of a checkout. A path outside that directory becomes
  an absolute `file://` URI.
- Columns count Unicode code points, as in every topocert report, and the run says
  so (`columnKind: unicodeCodePoints`).
- A finding about a certificate file without a place in the topology points at the
  file, line 1, column 1; a finding with no file at all (an unused suppression in the
  config) points at the topology's first line, since code scanning needs a location.
- `partialFingerprints.primaryLocationLineHash` is a hash of what identifies the
  finding (rule, server, certificate, file, label), not of the line: an edit that
  moves a `<Machine>` down the file keeps its alert. `topocert/v1` carries the same
  value under topocert's own key.
*/

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::check::Report;
use crate::rules::{Code, Finding, Place, Severity};
use crate::source::Location;

/// The published JSON schema of SARIF 2.1.0.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where to read about the tool. The package's repository when Cargo.toml names
/// one, else the Microsoft page stating the requirement topocert checks.
pub const INFORMATION_URI: &str = pick(
    env!("CARGO_PKG_REPOSITORY"),
    "https://technet.microsoft.com/en-us/library/Gg412990(v=OCS.15)",
);

const fn pick<'a>(a: &'a str, b: &'a str) -> &'a str {
    if a.is_empty() { b } else { a }
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    semantic_version: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "primaryLocationLineHash")]
    primary: String,
    #[serde(rename = "topocert/v1")]
    own: String,
}

#[derive(Serialize)]
struct Properties {
    #[serde(skip_serializing_if = "Option::is_none")]
    server: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    certificate: Option<String>,
}

/// SARIF `level` of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// `ca-mismatch` → `CaMismatch`: the rule's `name`.
fn pascal(code: &str) -> String {
    code.split('-')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// The first paragraph of the explanation's "What it does", as one line.
fn what_it_does(code: Code) -> String {
    code.section(crate::rules::Section::What)
        .lines()
        .map(str::trim)
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn rules() -> Vec<Rule> {
    Code::ALL
        .iter()
        .map(|c| {
            let info = c.info();
            Rule {
                id: info.code,
                name: pascal(info.code),
                short_description: Text { text: c.summary() },
                full_description: Text {
                    text: what_it_does(*c),
                },
                help: Help {
                    text: super::explain(*c),
                    markdown: c.explanation(),
                },
                default_configuration: Configuration {
                    level: level(info.default_severity),
                },
            }
        })
        .collect()
}

/// Percent-encode what may not stand in a URI path (RFC 3986 `pchar` and `/`).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            );
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The artifact URI of a path as given on the command line: relative to `base` (the
/// directory topocert ran in) with forward slashes, or `file://` when it lies outside.
pub fn artifact_uri(path: &str, base: &Path) -> String {
    // A chain taken with `check --probe` is its own URI: `tls://FQDN:PORT`.
    if let Some(uri) = crate::probe::source_uri(path) {
        return uri.to_string();
    }
    match crate::paths::relative_to(path, base) {
        Some(relative) => encode_path(&relative),
        None => {
            let abs = crate::paths::forward_slashes(path);
            let abs = if abs.starts_with('/') {
                abs
            } else {
                format!("/{abs}")
            };
            format!("file://{}", encode_path(&abs))
        }
    }
}

fn region(l: &Location) -> Region {
    Region {
        start_line: l.line,
        start_column: l.column,
        end_line: l.end_line.max(l.line),
        end_column: if l.end_line > l.line {
            l.end_column
        } else {
            l.end_column.max(l.column)
        },
    }
}

/// FNV-1a, 64 bits: small, stable across platforms and releases.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// What identifies a finding across runs: rule, server, certificate, file and label
/// (the message only when nothing else tells two findings apart, because messages
/// carry dates that move with `--valid-at`).
fn identity(f: &Finding, server: Option<&str>, cert_uri: Option<&str>, uri: &str) -> u64 {
    let label = f.topology_label().map_or("", |l| l.1);
    let cert = cert_uri.unwrap_or("");
    let fallback = if server.is_none() && cert_uri.is_none() && label.is_empty() {
        f.message.as_str()
    } else {
        ""
    };
    fnv1a(&[
        f.code.as_str(),
        server.unwrap_or(""),
        cert,
        uri,
        label,
        fallback,
    ])
}

/// `topocert check --format sarif`; `base` is the directory relative URIs start from.
pub fn render_check(rep: &Report, base: &Path) -> String {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let topology_uri = artifact_uri(rep.topology.source.name(), base);
    let results = rep
        .findings
        .iter()
        .map(|f| {
            let loc = super::locate_in(rep, f);
            let cert_path = super::certificate_path(rep, f);
            let cert_uri = cert_path.map(|p| artifact_uri(p, base));
            let (uri, region) = match &loc {
                Some(l) => (artifact_uri(&l.path, base), region(l)),
                None => (
                    topology_uri.clone(),
                    Region {
                        start_line: 1,
                        start_column: 1,
                        end_line: 1,
                        end_column: 1,
                    },
                ),
            };
            let server = f.server_name(&rep.topology);
            let id = identity(f, server.as_deref(), cert_uri.as_deref(), &uri);
            let n = seen.entry(id).or_insert(0);
            *n += 1;
            let hash = format!("{id:016x}:{n}");
            let mut related_locations = match (f.topology_label(), &cert_uri) {
                (Some(_), Some(c)) => vec![RelatedLocation {
                    id: 1,
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri: c.clone() },
                        region: None,
                    },
                    message: Text {
                        text: crate::t!(
                            "report-sarif-certificate-file",
                            path = cert_path.unwrap_or_default()
                        ),
                    },
                }],
                _ => Vec::new(),
            };
            // Secondary labels in the topology or the config (a duplicate's first listing).
            for l in f.labels.iter().skip(1) {
                if matches!(l.place, Place::Certificate { .. }) {
                    continue;
                }
                let Some(at) = super::locate_place(
                    &l.place,
                    &rep.topology.source,
                    rep.config.as_deref(),
                    &|_| None,
                ) else {
                    continue;
                };
                related_locations.push(RelatedLocation {
                    id: related_locations.len() + 1,
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: artifact_uri(&at.path, base),
                        },
                        region: Some(self::region(&at)),
                    },
                    message: Text {
                        text: l.text.clone(),
                    },
                });
            }
            let mut message = f.message.clone();
            if !f.help.is_empty() {
                message.push_str("\nhelp: ");
                message.push_str(&f.help);
            }
            let properties = (server.is_some() || cert_path.is_some()).then(|| Properties {
                server,
                certificate: cert_path.map(crate::paths::portable),
            });
            SarifResult {
                rule_id: f.code.as_str(),
                rule_index: Code::ALL.iter().position(|c| *c == f.code).unwrap_or(0),
                level: level(f.severity),
                message: Text { text: message },
                locations: vec![SarifLocation {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri },
                        region: Some(region),
                    },
                }],
                related_locations,
                partial_fingerprints: Fingerprints {
                    primary: hash.clone(),
                    own: hash,
                },
                properties,
            }
        })
        .collect();
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "topocert",
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: rules(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_forward_slashes() {
        let base = Path::new("/work/repo");
        assert_eq!(
            artifact_uri("./samples/a b/topology.xml", base),
            "samples/a%20b/topology.xml"
        );
        assert_eq!(
            artifact_uri("/work/repo/certs/fe01.cer", base),
            "certs/fe01.cer"
        );
        assert_eq!(
            artifact_uri("certs\\fe01#1.cer", base),
            "certs/fe01%231.cer"
        );
        assert_eq!(artifact_uri("../x/é.cer", base), "../x/%C3%A9.cer");
        assert_eq!(
            artifact_uri("/etc/pki/fe01.cer", base),
            "file:///etc/pki/fe01.cer"
        );
    }

    #[test]
    fn rule_names_and_descriptions() {
        assert_eq!(
            pascal("missing-crl-distribution-point"),
            "MissingCrlDistributionPoint"
        );
        for c in Code::ALL {
            let d = what_it_does(*c);
            assert!(!d.is_empty() && !d.contains("##"), "{c}: {d}");
        }
    }

    #[test]
    fn fingerprint_parts_do_not_run_together() {
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }
}
