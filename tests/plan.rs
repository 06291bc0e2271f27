//! `topocert plan`: every format of every sample pinned by snapshots (colour off);
//! the JSON document validated against `schemas/plan.schema.json`; the request
//! templates `--emit` writes: certreq INF files read back section by section, OpenSSL
//! configurations turned into real CSRs whose subject and SANs must be exactly the
//! planned ones; and the round trip plan → request → issue (the sample's internal
//! issuing CA) → `topocert check`, which must find nothing to complain about.
//!
//! Tests run from the package root with relative paths, like a user would; scratch
//! directories are unique under `std::env::temp_dir()` and removed afterwards.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use common::{Out, assert_valid, parse_json, run_cmd, schema};
use serde_json::Value;
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::FromDer;

/// Sample name, topology file, PKI organisation under `samples/.pki/`.
const SAMPLES: &[(&str, &str, &str)] = &[
    ("standard-edition", "topology.xml", "litware"),
    ("enterprise", "topology.xml", "contoso"),
    ("enterprise-utf16", "topology.xml", "contoso"),
    ("multi-site", "topology.xml", "fabrikam"),
    ("topology-builder", "topology.tbxml", "adatum"),
];

fn topology_of(sample: &str) -> String {
    let (_, file, _) = SAMPLES
        .iter()
        .find(|(n, _, _)| *n == sample)
        .expect("a known sample");
    format!("samples/{sample}/{file}")
}

fn topocert() -> Command {
    let mut c = Command::cargo_bin("topocert").expect("the binary is built");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

fn run_in<S: AsRef<std::ffi::OsStr>>(dir: Option<&Path>, args: &[S]) -> Out {
    let mut c = topocert();
    c.args(args);
    if let Some(d) = dir {
        c.current_dir(d);
    }
    run_cmd(c)
}

fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Out {
    run_in(None, args)
}

/// `topocert plan TOPOLOGY --color never` plus `extra`; must exit 0 without stderr.
fn plan_ok(topology: &str, extra: &[&str]) -> Out {
    let mut args = vec!["plan", topology, "--color", "never"];
    args.extend(extra);
    let out = run(&args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    assert_eq!(out.stderr, "", "{args:?}");
    out
}

fn tempdir(label: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("topocert-plan-{label}-"))
        .tempdir_in(std::env::temp_dir())
        .expect("a scratch directory")
}

/// The planned requests of a plan JSON document: FQDN → (CN, SANs).
fn planned(doc: &Value) -> BTreeMap<String, (String, Vec<String>)> {
    doc["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .map(|r| {
            let sans = r["sans"]
                .as_array()
                .expect("sans")
                .iter()
                .map(|s| s["dns"].as_str().expect("dns").to_string())
                .collect();
            (
                r["fqdn"].as_str().expect("fqdn").to_string(),
                (r["common_name"].as_str().expect("cn").to_string(), sans),
            )
        })
        .collect()
}

fn plan_json(topology: &str, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend(extra);
    parse_json(&plan_ok(topology, &args).stdout)
}

/// A copy of the enterprise topology, edited, written into `dir` as `topology.xml`.
fn edited_enterprise(dir: &Path, edits: &[(&str, &str)]) -> PathBuf {
    let mut text =
        std::fs::read_to_string("samples/enterprise/topology.xml").expect("the sample exists");
    for (from, to) in edits {
        assert_eq!(
            text.matches(from).count(),
            1,
            "edit `{from}` must match once"
        );
        text = text.replacen(from, to, 1);
    }
    let path = dir.join("topology.xml");
    std::fs::write(&path, text).expect("write the edited topology");
    path
}

// ---------------------------------------------------------------------------------
// Every format of every sample, pinned.

/// Human output: one advice per server with the names' origins, then the table.
#[test]
fn human_snapshots() {
    for (name, _, _) in SAMPLES {
        let out = plan_ok(&topology_of(name), &[]);
        insta::assert_snapshot!(format!("{name}_human"), out.stdout);
    }
}

/// JSON: pinned and valid against the schema.
#[test]
fn json_snapshots_match_the_schema() {
    let schema = schema("plan.schema.json");
    for (name, _, _) in SAMPLES {
        let out = plan_ok(&topology_of(name), &["--format", "json"]);
        let doc = parse_json(&out.stdout);
        assert_valid(&schema, &doc, name);
        insta::assert_snapshot!(format!("{name}_json"), out.stdout);
    }
}

/// CSV: pinned; RFC 4180 line breaks (CRLF) on every record.
#[test]
fn csv_snapshots() {
    for (name, _, _) in SAMPLES {
        let out = plan_ok(&topology_of(name), &["--format", "csv"]);
        assert!(out.stdout.ends_with("\r\n"), "{name}");
        assert_eq!(
            out.stdout.matches('\n').count(),
            out.stdout.matches("\r\n").count(),
            "{name}: every line ends with CRLF"
        );
        insta::assert_snapshot!(format!("{name}_csv"), out.stdout);
    }
}

/// The UTF-16LE/CRLF export plans the same requests, at the same lines and columns.
#[test]
fn utf16_export_plans_like_the_utf8_one() {
    let a = plan_json("samples/enterprise/topology.xml", &[]);
    let b = plan_json("samples/enterprise-utf16/topology.xml", &[]);
    assert_eq!(planned(&a), planned(&b));
    let lines = |d: &Value| -> Vec<(u64, u64)> {
        d["requests"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["sans"].as_array().unwrap().clone())
            .flat_map(|s| s["sources"].as_array().unwrap().clone())
            .map(|s| {
                (
                    s["location"]["line"].as_u64().unwrap(),
                    s["location"]["column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(lines(&a), lines(&b));
}

// ---------------------------------------------------------------------------------
// What is planned.

/// Pools name their servers' certificates; a Standard Edition server names its own;
/// a bare host name is planned with the default domain.
#[test]
fn subjects_and_sans_follow_the_pool() {
    let e = planned(&plan_json("samples/enterprise/topology.xml", &[]));
    assert_eq!(e.len(), 5);
    assert_eq!(
        e["fe05.contoso.local"],
        (
            "pool02.contoso.local".to_string(),
            [
                "fe05.contoso.local",
                "pool02.contoso.local",
                "pool02web.contoso.com",
                "lyncdiscoverinternal.contoso.local",
                "lyncdiscover.contoso.local"
            ]
            .map(String::from)
            .to_vec()
        )
    );
    let doc = plan_json("samples/enterprise/topology.xml", &[]);
    assert_eq!(doc["requests"][0]["edition"], "enterprise");
    assert_eq!(doc["requests"][0]["subject_rule"], "pool");
    assert_eq!(doc["requests"][0]["layout"], "combined");
    let needs: Vec<&str> = doc["requests"][0]["sans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["need"].as_str().unwrap())
        .collect();
    assert_eq!(
        needs,
        ["file-transfer", "file-transfer", "web", "web", "web"]
    );
    let se = planned(&plan_json("samples/standard-edition/topology.xml", &[]));
    assert_eq!(
        se["se01.litware.local"],
        (
            "se01.litware.local".to_string(),
            [
                "se01.litware.local",
                "lyncweb.litware.com",
                "lyncdiscoverinternal.litware.local",
                "lyncdiscover.litware.local"
            ]
            .map(String::from)
            .to_vec()
        )
    );
    let doc = plan_json("samples/standard-edition/topology.xml", &[]);
    assert_eq!(doc["requests"][0]["subject_rule"], "server");
    assert_eq!(doc["requests"][0]["edition"], "standard");
    assert!(
        doc["requests"][0]["edition_evidence"]
            .as_str()
            .unwrap()
            .contains("UserStore is installed on the server's own cluster"),
        "{}",
        doc["requests"][0]["edition_evidence"]
    );
    let ms = planned(&plan_json("samples/multi-site/topology.xml", &[]));
    assert!(ms.contains_key("sin-fe02.fabrikam.local"), "{ms:?}");
    assert!(!ms.keys().any(|k| k.starts_with("cork")), "{ms:?}");
}

/// The internal web services FQDN is requested too when the topology overrides it
/// with a name that is neither the server's nor the pool's, with its location.
#[test]
fn internal_web_services_override_is_a_san() {
    let dir = tempdir("internal");
    let edit_pool01 = r#"        <ExternalSettings Host="pool01web.contoso.com">"#;
    let edit_pool02 = r#"        <ExternalSettings Host="pool02web.contoso.com">"#;
    edited_enterprise(
        dir.path(),
        &[
            (
                edit_pool01,
                &format!(
                    "        <InternalSettings Host=\"pool01int.contoso.local\" />\n{edit_pool01}"
                ),
            ),
            (
                edit_pool02,
                &format!(
                    "        <InternalSettings Host=\"pool02.contoso.local\" />\n{edit_pool02}"
                ),
            ),
        ],
    );
    let out = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = parse_json(&out.stdout);
    assert_valid(&schema("plan.schema.json"), &doc, "internal override");
    let p = planned(&doc);
    assert_eq!(
        p["fe01.contoso.local"].1[..4],
        [
            "fe01.contoso.local",
            "pool01.contoso.local",
            "pool01int.contoso.local",
            "pool01web.contoso.com"
        ]
    );
    // Same as the pool FQDN: nothing to add.
    assert_eq!(
        p["fe04.contoso.local"].1[..3],
        [
            "fe04.contoso.local",
            "pool02.contoso.local",
            "pool02web.contoso.com"
        ]
    );
    let src = &doc["requests"][0]["sans"][2]["sources"][0];
    assert_eq!(src["origin"], "internal-web-services");
    let text = std::fs::read_to_string(dir.path().join("topology.xml")).unwrap();
    let (off, len) = (
        src["location"]["offset"].as_u64().unwrap() as usize,
        src["location"]["length"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[off..off + len], "pool01int.contoso.local");

    let human = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--color", "never"],
    );
    assert_eq!(human.code, 0);
    insta::assert_snapshot!("internal_override_human", human.stdout);
}

/// A server without a usable FQDN is not planned, and says so where the topology
/// needs fixing: a missing Fqdn, an unexpanded script variable, a duplicate name.
/// The run exits 1; the CSV stays clean and the reasons go to standard error.
#[test]
fn servers_without_a_usable_fqdn_are_reported_not_dropped() {
    let dir = tempdir("skipped");
    edited_enterprise(
        dir.path(),
        &[
            (
                r#"<Machine OrdinalInCluster="2" Fqdn="fe02.contoso.local" "#,
                r#"<Machine OrdinalInCluster="2" "#,
            ),
            (r#"Fqdn="fe03.contoso.local""#, r#"Fqdn="$SkypeFQDN""#),
            (
                r#"Fqdn="fe05.contoso.local""#,
                r#"Fqdn="FE04.contoso.local""#,
            ),
        ],
    );
    let human = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--color", "never"],
    );
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert_eq!(human.stderr, "");
    insta::assert_snapshot!("not_planned_human", human.stdout);

    let json = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--format", "json"],
    );
    assert_eq!(json.code, 1);
    let doc = parse_json(&json.stdout);
    assert_valid(&schema("plan.schema.json"), &doc, "not planned");
    let skipped: Vec<(String, u64)> = doc["not_planned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["server"].as_str().unwrap().to_string(),
                s["location"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("machine 2 of pool01.contoso.local".to_string(), 19),
            ("$SkypeFQDN".to_string(), 24),
            ("FE04.contoso.local".to_string(), 36),
        ]
    );
    assert_eq!(doc["summary"]["requests"], 2);
    assert_eq!(doc["summary"]["not_planned"], 3);

    let csv = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--format", "csv"],
    );
    assert_eq!(csv.code, 1);
    assert_eq!(csv.stdout.lines().count(), 3, "{}", csv.stdout);
    let lines: Vec<&str> = csv.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", csv.stderr);
    assert!(
        lines[0].starts_with("topology.xml:19:7: error: no certificate request for machine 2"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("topology.xml:24:43: error:"),
        "{}",
        lines[1]
    );
}

/// A pool of several machines without a usable Fqdn: its servers are not planned,
/// because their certificates are named after the pool.
#[test]
fn pool_without_fqdn_is_not_planned() {
    let dir = tempdir("nopool");
    edited_enterprise(
        dir.path(),
        &[(
            r#"RequiresSetup="true" Fqdn="pool02.contoso.local">"#,
            r#"RequiresSetup="true">"#,
        )],
    );
    let out = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--format", "json"],
    );
    assert_eq!(out.code, 1);
    let doc = parse_json(&out.stdout);
    assert_valid(&schema("plan.schema.json"), &doc, "no pool fqdn");
    let reasons: Vec<&str> = doc["not_planned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons.len(), 2);
    assert!(reasons[0].contains("pool has no Fqdn"), "{reasons:?}");
}

/// No file-transfer server at all: nothing to request, said plainly, exit 0.
#[test]
fn no_server_no_request() {
    let dir = tempdir("none");
    let mut text = std::fs::read_to_string("samples/enterprise/topology.xml").unwrap();
    text = text.replace(r#"<Component ComponentName="PersistentChatWeb" />"#, "");
    std::fs::write(dir.path().join("topology.xml"), text).unwrap();
    let out = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--color", "never"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("there is no certificate to request"),
        "{}",
        out.stdout
    );
    let csv = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--format", "csv"],
    );
    assert_eq!(csv.stdout, "fqdn,pool,site,subject,sans,key_size\r\n");
}

/// RFC 4180: a field with a comma or a quote is quoted, quotes doubled.
#[test]
fn csv_quotes_what_needs_quoting() {
    let dir = tempdir("csv");
    edited_enterprise(
        dir.path(),
        &[(
            "<Name>Redmond</Name>",
            "<Name>Redmond, WA &quot;HQ&quot;</Name>",
        )],
    );
    let out = run_in(
        Some(dir.path()),
        &[
            "plan",
            "topology.xml",
            "--format",
            "csv",
            "--key-size",
            "4096",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let second = out.stdout.split("\r\n").nth(1).unwrap();
    assert_eq!(
        second,
        r#"fe01.contoso.local,pool01.contoso.local,"Redmond, WA ""HQ""",CN=pool01.contoso.local,fe01.contoso.local;pool01.contoso.local;pool01web.contoso.com;lyncdiscoverinternal.contoso.local;lyncdiscover.contoso.local,4096"#
    );
}

/// Bad option values are usage errors (exit 2), before anything is read or written.
#[test]
fn bad_options_are_exit_2() {
    let t = "samples/enterprise/topology.xml";
    for args in [
        vec!["plan", t, "--key-size", "1024"],
        vec!["plan", t, "--format", "sarif"],
        vec!["plan", t, "--request-format", "pkcs12"],
        vec!["plan", t, "--force"],
        vec!["plan", t, "--ca-template", "Web\"Server"],
        vec!["plan", t, "--ca-template", ""],
        vec!["plan", "samples/no-such/topology.xml"],
    ] {
        let out = run(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stdout);
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------
// --emit

fn emit(topology: &str, dir: &Path, extra: &[&str]) -> Out {
    let d = dir.to_str().expect("UTF-8 temp path");
    let mut args = vec!["plan", topology, "--color", "never", "--emit", d];
    args.extend(extra);
    run(&args)
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

/// One file per server and format, named by FQDN; `--request-format` picks them;
/// .inf has CRLF line endings, .cnf LF.
#[test]
fn emit_writes_one_template_per_server_and_format() {
    let tmp = tempdir("emit");
    let both = tmp.path().join("both");
    let out = emit("samples/multi-site/topology.xml", &both, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let expected: Vec<String> = ["dub-fe01", "dub-fe02", "sin-fe01", "sin-fe02"]
        .iter()
        .flat_map(|h| {
            [
                format!("{h}.fabrikam.local.cnf"),
                format!("{h}.fabrikam.local.inf"),
            ]
        })
        .collect();
    assert_eq!(file_names(&both), expected);
    assert!(out.stdout.contains("Wrote 8 files:"), "{}", out.stdout);
    for name in &expected {
        let text = std::fs::read_to_string(both.join(name)).unwrap();
        let crlf = text.matches("\r\n").count();
        let lf = text.matches('\n').count();
        if name.ends_with(".inf") {
            assert_eq!(crlf, lf, "{name}: CRLF only");
        } else {
            assert_eq!(crlf, 0, "{name}: LF only");
        }
        assert!(text.is_ascii(), "{name}");
    }

    for (format, ext) in [("certreq", ".inf"), ("openssl", ".cnf")] {
        let d = tmp.path().join(format);
        let out = emit(
            "samples/standard-edition/topology.xml",
            &d,
            &["--request-format", format, "--format", "json"],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(file_names(&d), vec![format!("se01.litware.local{ext}")]);
        let doc = parse_json(&out.stdout);
        assert_valid(&schema("plan.schema.json"), &doc, format);
        assert_eq!(
            doc["emitted"][0].as_str().unwrap(),
            d.join(format!("se01.litware.local{ext}")).to_str().unwrap()
        );
    }
}

/// An existing template is never replaced without --force: the run stops with exit 2
/// naming the file and writes nothing at all; with --force everything is replaced.
#[test]
fn emit_never_overwrites_without_force() {
    let tmp = tempdir("force");
    let dir = tmp.path();
    let existing = dir.join("fe04.contoso.local.cnf");
    std::fs::write(&existing, "keep me\n").unwrap();
    let out = emit("samples/enterprise/topology.xml", dir, &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains("fe04.contoso.local.cnf") && out.stderr.contains("--force"),
        "{}",
        out.stderr
    );
    assert_eq!(file_names(dir), vec!["fe04.contoso.local.cnf"]);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me\n");

    let out = emit("samples/enterprise/topology.xml", dir, &["--force"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(file_names(dir).len(), 10);
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .contains("CN = pool02.contoso.local")
    );
    assert!(
        !file_names(dir).iter().any(|n| n.starts_with('.')),
        "no temporary file is left behind"
    );
}

/// A tiny INI reader: sections in order, each with its `key = value` pairs in order
/// (keys may repeat, as `_continue_` does); `;` starts a comment; quotes are removed.
fn parse_inf(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for raw in text.split("\r\n") {
        let line = match raw.find(';') {
            Some(i) if !raw[..i].contains('"') => &raw[..i],
            _ => raw,
        }
        .trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            sections.push((name.to_string(), Vec::new()));
            continue;
        }
        let (k, v) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("not key = value: {line:?}"));
        let v = v.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(v);
        sections
            .last_mut()
            .unwrap_or_else(|| panic!("{line:?} outside a section"))
            .1
            .push((k.trim().to_string(), v.to_string()));
    }
    sections
}

fn values<'a>(
    sections: &'a [(String, Vec<(String, String)>)],
    name: &str,
) -> Vec<(&'a str, &'a str)> {
    sections
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no [{name}] section"))
        .1
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The certreq INF files say exactly what certreq needs, with the planned names.
#[test]
fn certreq_inf_files_have_the_planned_sections_and_values() {
    let mut friendly_names = std::collections::BTreeSet::new();
    for (name, _, _) in SAMPLES {
        let topology = topology_of(name);
        let tmp = tempdir("inf");
        let out = emit(
            &topology,
            tmp.path(),
            &[
                "--request-format",
                "certreq",
                "--ca-template",
                "LyncWebServer",
                "--format",
                "json",
            ],
        );
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let plan = planned(&parse_json(&out.stdout));
        assert!(!plan.is_empty());
        for (fqdn, (cn, sans)) in &plan {
            let text = std::fs::read_to_string(tmp.path().join(format!("{fqdn}.inf"))).unwrap();
            let inf = parse_inf(&text);
            let names: Vec<&str> = inf.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(
                names,
                [
                    "Version",
                    "NewRequest",
                    "EnhancedKeyUsageExtension",
                    "Extensions",
                    "RequestAttributes"
                ],
                "{fqdn}"
            );
            assert_eq!(values(&inf, "Version"), [("Signature", "$Windows NT$")]);
            let new_request: BTreeMap<&str, &str> =
                values(&inf, "NewRequest").into_iter().collect();
            let subject = format!("CN={cn}");
            for (k, v) in [
                ("Subject", subject.as_str()),
                ("KeyLength", "2048"),
                ("KeySpec", "1"),
                ("KeyUsage", "0xa0"),
                ("Exportable", "FALSE"),
                ("MachineKeySet", "TRUE"),
                ("RequestType", "PKCS10"),
                ("HashAlgorithm", "SHA256"),
                (
                    "ProviderName",
                    "Microsoft RSA SChannel Cryptographic Provider",
                ),
                ("ProviderType", "12"),
            ] {
                assert_eq!(new_request.get(k), Some(&v), "{fqdn}: {k}");
            }
            assert_eq!(
                values(&inf, "EnhancedKeyUsageExtension"),
                [("OID", "1.3.6.1.5.5.7.3.1")]
            );
            let ext = values(&inf, "Extensions");
            assert_eq!(ext.first(), Some(&("2.5.29.17", "{text}")), "{fqdn}");
            let dns: Vec<String> = ext[1..]
                .iter()
                .map(|(k, v)| {
                    assert_eq!(*k, "_continue_");
                    v.strip_prefix("dns=")
                        .and_then(|v| v.strip_suffix('&'))
                        .unwrap_or_else(|| panic!("{v}"))
                        .to_string()
                })
                .collect();
            assert_eq!(&dns, sans, "{fqdn}");
            let friendly = new_request.get("FriendlyName").copied().unwrap_or_default();
            assert!(friendly.contains(fqdn.as_str()), "{fqdn}: {friendly}");
            assert!(
                friendly_names.insert((name, friendly.to_string())),
                "{fqdn}: {friendly} twice"
            );
            assert_eq!(
                values(&inf, "RequestAttributes"),
                [("CertificateTemplate", "LyncWebServer")]
            );
        }
    }
}

/// Without --ca-template there is no [RequestAttributes]; --key-size reaches both files.
#[test]
fn template_attribute_and_key_size_are_optional_settings() {
    let tmp = tempdir("opts");
    let out = emit(
        "samples/standard-edition/topology.xml",
        tmp.path(),
        &["--key-size", "4096"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let inf = std::fs::read_to_string(tmp.path().join("se01.litware.local.inf")).unwrap();
    let sections = parse_inf(&inf);
    assert!(!sections.iter().any(|(n, _)| n == "RequestAttributes"));
    assert!(values(&sections, "NewRequest").contains(&("KeyLength", "4096")));
    let cnf = std::fs::read_to_string(tmp.path().join("se01.litware.local.cnf")).unwrap();
    assert!(cnf.contains("\ndefault_bits = 4096\n"), "{cnf}");
    assert!(cnf.contains("-newkey rsa:4096"), "{cnf}");
}

fn openssl_available() -> bool {
    match StdCommand::new("openssl").arg("version").output() {
        Ok(o) if o.status.success() => true,
        _ => {
            // Straight to the process's standard error: the test harness captures
            // `println!`/`eprintln!` of passing tests, and this must be seen.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: the openssl command is not installed, so the OpenSSL request configurations are not exercised (.ci/run installs it)"
            );
            false
        }
    }
}

fn openssl(args: &[&str]) {
    let out = StdCommand::new("openssl")
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(
        out.status.success(),
        "openssl {args:?}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// Make a CSR from an emitted OpenSSL config, as its header comment says.
fn make_csr(cnf: &Path, key: &Path, csr: &Path) {
    openssl(&[
        "req",
        "-new",
        "-config",
        p(cnf),
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        p(key),
        "-out",
        p(csr),
    ]);
}

/// The CSRs made from the OpenSSL configs ask for exactly the planned subject and
/// SANs, Server Authentication, the planned key usage and SHA-256.
#[test]
fn openssl_configs_make_the_planned_csrs() {
    if !openssl_available() {
        return;
    }
    for (name, _, _) in SAMPLES {
        let tmp = tempdir("csr");
        let out = emit(
            &topology_of(name),
            tmp.path(),
            &["--request-format", "openssl", "--format", "json"],
        );
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        for (fqdn, (cn, sans)) in planned(&parse_json(&out.stdout)) {
            let cnf = tmp.path().join(format!("{fqdn}.cnf"));
            let key = tmp.path().join(format!("{fqdn}.key"));
            let csr_path = tmp.path().join(format!("{fqdn}.csr"));
            make_csr(&cnf, &key, &csr_path);
            let pem_bytes = std::fs::read(&csr_path).unwrap();
            let (_, pem) = x509_parser::pem::parse_x509_pem(&pem_bytes).expect("a PEM CSR");
            assert_eq!(pem.label, "CERTIFICATE REQUEST");
            let (_, csr) = X509CertificationRequest::from_der(&pem.contents).expect("a CSR");
            csr.verify_signature().expect("self-signed CSR verifies");
            let info = &csr.certification_request_info;
            let cns: Vec<&str> = info
                .subject
                .iter_common_name()
                .map(|a| a.as_str().unwrap())
                .collect();
            assert_eq!(cns, [cn.as_str()], "{fqdn}");
            assert_eq!(info.subject.iter().count(), 1, "{fqdn}: CN only");
            let mut got_sans = Vec::new();
            let mut server_auth = false;
            let mut key_usage = None;
            for ext in csr.requested_extensions().expect("extensions") {
                match ext {
                    ParsedExtension::SubjectAlternativeName(san) => {
                        for g in &san.general_names {
                            match g {
                                GeneralName::DNSName(d) => got_sans.push(d.to_string()),
                                other => panic!("{fqdn}: unexpected SAN {other:?}"),
                            }
                        }
                    }
                    ParsedExtension::ExtendedKeyUsage(eku) => {
                        server_auth = eku.server_auth;
                        assert!(!eku.any && !eku.client_auth && eku.other.is_empty());
                    }
                    ParsedExtension::KeyUsage(ku) => key_usage = Some(ku.flags),
                    _ => {}
                }
            }
            assert_eq!(got_sans, sans, "{fqdn}: exactly the planned SANs, in order");
            assert!(server_auth, "{fqdn}");
            // digitalSignature (bit 0) | keyEncipherment (bit 2)
            assert_eq!(key_usage, Some(0b101), "{fqdn}");
            assert_eq!(
                csr.signature_algorithm.algorithm,
                x509_parser::oid_registry::OID_PKCS1_SHA256WITHRSA,
                "{fqdn}"
            );
        }
    }
}

/// Issue a certificate from `csr` with the sample CA `ca` (prefix under samples/.pki):
/// the extensions come from the request; CDP, SKI and AKI as the internal CA adds them.
fn issue(work: &Path, ca: &str, csr: &Path, cert: &Path) {
    let cdp = std::fs::read_to_string(format!("{ca}.cdp")).expect("the CA's CRL URL");
    let db = work.join("index.txt");
    if !db.exists() {
        std::fs::write(&db, "").unwrap();
        std::fs::write(work.join("serial"), "4a01\n").unwrap();
        std::fs::create_dir_all(work.join("new")).unwrap();
        std::fs::write(
            work.join("ca.cnf"),
            format!(
                "[ ca ]\ndefault_ca = ca_default\n\n[ ca_default ]\ndatabase = {db}\nnew_certs_dir = {new}\nserial = {serial}\ndefault_md = sha256\npolicy = policy_any\nunique_subject = no\nemail_in_dn = no\ncopy_extensions = copy\n\n[ policy_any ]\ncommonName = supplied\n",
                db = p(&db),
                new = p(&work.join("new")),
                serial = p(&work.join("serial")),
            ),
        )
        .unwrap();
        std::fs::write(
            work.join("ext.cnf"),
            format!(
                "[ cert_ext ]\nbasicConstraints = CA:FALSE\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid:always\ncrlDistributionPoints = URI:{}\n",
                cdp.trim()
            ),
        )
        .unwrap();
    }
    openssl(&[
        "ca",
        "-batch",
        "-config",
        p(&work.join("ca.cnf")),
        "-in",
        p(csr),
        "-out",
        p(cert),
        "-notext",
        "-preserveDN",
        "-startdate",
        "20250101000000Z",
        "-enddate",
        "21250101000000Z",
        "-md",
        "sha256",
        "-cert",
        &format!("{ca}.pem"),
        "-keyfile",
        &format!("{ca}.key"),
        "-extfile",
        p(&work.join("ext.cnf")),
        "-extensions",
        "cert_ext",
    ]);
}

/// plan → request → issue from the internal issuing CA → check: every server has a
/// certificate the check accepts, with no error or warning.
#[test]
fn planned_requests_issued_by_the_internal_ca_pass_check() {
    if !openssl_available() {
        return;
    }
    for (name, _, org) in SAMPLES {
        let topology = topology_of(name);
        let tmp = tempdir("roundtrip");
        let requests = tmp.path().join("requests");
        let certs = tmp.path().join("certs");
        let ca_work = tmp.path().join("ca");
        std::fs::create_dir_all(&certs).unwrap();
        std::fs::create_dir_all(&ca_work).unwrap();
        let out = emit(
            &topology,
            &requests,
            &["--request-format", "openssl", "--format", "json"],
        );
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let ca = format!("samples/.pki/{org}/issuing");
        let issuing = std::fs::read_to_string(format!("{ca}.pem")).unwrap();
        let plan = planned(&parse_json(&out.stdout));
        for fqdn in plan.keys() {
            let csr = tmp.path().join(format!("{fqdn}.csr"));
            make_csr(
                &requests.join(format!("{fqdn}.cnf")),
                &tmp.path().join(format!("{fqdn}.key")),
                &csr,
            );
            let leaf = tmp.path().join(format!("{fqdn}.pem"));
            issue(&ca_work, &ca, &csr, &leaf);
            let chain = std::fs::read_to_string(&leaf).unwrap() + &issuing;
            std::fs::write(certs.join(format!("{fqdn}.cer")), chain).unwrap();
        }
        let check = run(&[
            "check",
            &topology,
            "--certs",
            p(&certs),
            "--ca",
            &format!("samples/{name}/ca/internal-root.cer"),
            "--valid-at",
            "2026-06-01",
            "--format",
            "json",
        ]);
        assert_eq!(check.code, 0, "{name}:\n{}{}", check.stdout, check.stderr);
        let report = parse_json(&check.stdout);
        // The topology's own findings (multi-site's bare host name) are not about
        // certificates: `list` reports them too.
        let list = run(&["list", topology.as_str(), "--format", "json"]);
        let topology_findings = parse_json(&list.stdout)["findings"].clone();
        let topology_findings = topology_findings.as_array().unwrap();
        let serious: Vec<&Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] != "note")
            .filter(|f| {
                !topology_findings
                    .iter()
                    .any(|t| t["code"] == f["code"] && t["message"] == f["message"])
            })
            .collect();
        assert!(serious.is_empty(), "{name}: {serious:#?}");
        let servers = report["servers"].as_array().unwrap();
        assert_eq!(servers.len(), plan.len(), "{name}");
        for s in servers {
            // "warning" only through a topology finding, which the filter above allows.
            assert_ne!(s["status"], "error", "{name}: {s}");
            let fqdn = s["fqdn"].as_str().unwrap();
            assert!(
                s["certificate"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("{fqdn}.cer")),
                "{name}: {s}"
            );
        }
    }
}

/// `check` points at `plan` for a server without a certificate or with wrong names.
#[test]
fn check_help_points_to_plan() {
    let mut args = common::sample_check_args("enterprise", "topology.xml");
    args.extend(["--format".into(), "json".into()]);
    let out = run(&args);
    assert_eq!(out.code, 1);
    let report = parse_json(&out.stdout);
    for (code, server) in [
        ("missing-certificate", "fe05.contoso.local"),
        ("name-mismatch", "fe04.contoso.local"),
    ] {
        let f = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == code)
            .unwrap_or_else(|| panic!("{code}"));
        let help = f["help"].as_str().unwrap();
        assert!(
            help.contains("`topocert plan TOPOLOGY`") && help.contains(server),
            "{code}: {help}"
        );
    }
}

// ---------------------------------------------------------------------------------
// The names: golden outputs of small topologies that each show one rule.

const NAME_CASES: &[&str] = &[
    "simple-urls.tbxml",
    "single-machine-ee.xml",
    "internal-override.xml",
    "standard-edition.xml",
];

/// Each name with its reason and place: human and JSON pinned, JSON valid.
#[test]
fn name_case_snapshots() {
    let schema = schema("plan.schema.json");
    for case in NAME_CASES {
        let path = format!("tests/data/topology/names/{case}");
        let human = plan_ok(&path, &[]);
        insta::assert_snapshot!(format!("names_{case}_human"), human.stdout);
        let json = plan_ok(&path, &["--format", "json"]);
        let doc = parse_json(&json.stdout);
        assert_valid(&schema, &doc, case);
        insta::assert_snapshot!(format!("names_{case}_json"), json.stdout);
    }
}

/// The subject follows the edition, not the machine count; the override and the
/// `.tbxml` simple URLs and SIP domains are all requested.
#[test]
fn names_follow_the_edition_and_the_topology() {
    let one = |case: &str| {
        let doc = plan_json(&format!("tests/data/topology/names/{case}"), &[]);
        let r = doc["requests"][0].clone();
        let sans: Vec<String> = r["sans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["dns"].as_str().unwrap().to_string())
            .collect();
        (r, sans)
    };
    let (r, _) = one("single-machine-ee.xml");
    assert_eq!(r["edition"], "enterprise");
    assert_eq!(r["common_name"], "pool01.contoso.local");
    let (r, sans) = one("standard-edition.xml");
    assert_eq!(r["edition"], "standard");
    assert_eq!(r["common_name"], "se01.litware.local");
    assert!(sans.contains(&"lyncdiscover.litware.com".to_string()));
    let (r, sans) = one("internal-override.xml");
    assert_eq!(r["sans"][2]["need"], "file-transfer");
    assert_eq!(sans[2], "webint.contoso.local");
    let (r, sans) = one("simple-urls.tbxml");
    assert!(
        r["edition_evidence"]
            .as_str()
            .unwrap()
            .contains("UserStore")
    );
    for name in [
        "dialin.woodgrove.com",
        "meet.woodgrove.com",
        "meet.woodgrovebank.com",
        "lyncdiscoverinternal.woodgrovebank.com",
        "lyncdiscover.woodgrove.local",
    ] {
        assert!(sans.contains(&name.to_string()), "{name}: {sans:?}");
    }
}

/// `--layout split`: the internal request loses the external names, which go to a
/// second request for a public CA, emitted as `FQDN.external.*`.
#[test]
fn split_layout_plans_an_external_request() {
    let doc = plan_json(
        "tests/data/topology/names/internal-override.xml",
        &["--layout", "split"],
    );
    let r = &doc["requests"][0];
    assert_eq!(r["layout"], "split");
    let dns = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|n| n["dns"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        dns(&r["sans"]),
        [
            "fe01.contoso.local",
            "pool01.contoso.local",
            "webint.contoso.local",
            "lyncdiscoverinternal.contoso.local"
        ]
    );
    assert_eq!(r["external"]["ca"], "public");
    assert_eq!(
        dns(&r["external"]["sans"]),
        ["lyncweb.contoso.com", "lyncdiscover.contoso.local"]
    );
    let tmp = tempdir("split");
    let out = emit(
        "tests/data/topology/names/internal-override.xml",
        tmp.path(),
        &["--layout", "split", "--exportable"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ext = std::fs::read_to_string(tmp.path().join("fe01.contoso.local.external.inf")).unwrap();
    let inf = parse_inf(&ext);
    let new_request: BTreeMap<&str, &str> = values(&inf, "NewRequest").into_iter().collect();
    assert_eq!(new_request.get("Subject"), Some(&"CN=lyncweb.contoso.com"));
    assert_eq!(new_request.get("Exportable"), Some(&"TRUE"));
    assert_eq!(
        new_request.get("FriendlyName"),
        Some(&"Lync External Web Services fe01.contoso.local")
    );
    let cnf = std::fs::read_to_string(tmp.path().join("fe01.contoso.local.external.cnf")).unwrap();
    assert!(cnf.contains("CN = lyncweb.contoso.com\n"), "{cnf}");
    assert!(
        cnf.contains("DNS.2 = lyncdiscover.contoso.local\n"),
        "{cnf}"
    );
}

/// `plan --check` gives the answer `check` gives, from the same function: the
/// enterprise sample's fe04 lacks its own name (name-mismatch), fe05 has none.
#[test]
fn plan_check_agrees_with_check() {
    let out = run(&[
        "plan",
        "samples/enterprise/topology.xml",
        "--check",
        "samples/enterprise/certs",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = parse_json(&out.stdout);
    assert_valid(&schema("plan.schema.json"), &doc, "plan --check");
    let cov = doc["coverage"].as_array().unwrap();
    assert_eq!(cov.len(), 5);
    let fe04 = cov
        .iter()
        .find(|c| c["fqdn"] == "fe04.contoso.local")
        .unwrap();
    assert_eq!(fe04["missing"].as_array().unwrap().len(), 1);
    assert_eq!(fe04["missing"][0]["dns"], "fe04.contoso.local");
    assert_eq!(fe04["missing"][0]["need"], "file-transfer");
    let fe01 = cov
        .iter()
        .find(|c| c["fqdn"] == "fe01.contoso.local")
        .unwrap();
    assert_eq!(fe01["missing"].as_array().unwrap().len(), 0);
    let fe05 = cov
        .iter()
        .find(|c| c["fqdn"] == "fe05.contoso.local")
        .unwrap();
    assert!(fe05["certificate"].is_null());

    let check = run(&[
        "check",
        "samples/enterprise/topology.xml",
        "--certs",
        "samples/enterprise/certs",
        "--valid-at",
        "2026-06-01",
        "--format",
        "json",
    ]);
    let report = parse_json(&check.stdout);
    let name_findings: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "name-mismatch" || f["code"] == "missing-web-name")
        .collect();
    assert_eq!(name_findings.len(), 1, "{name_findings:?}");
    assert!(
        name_findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("does not cover fe04.contoso.local (server FQDN)")
    );
}

/// `--emit` is all or nothing: a legal 253-character FQDN makes a file name longer
/// than a file system accepts, so the run stops (exit 2) before writing anything —
/// no template of the other servers, no temporary directory, no DIR it created —
/// and the same run without that server is not refused by leftovers.
#[test]
fn emit_is_all_or_nothing() {
    let tmp = tempdir("all-or-nothing");
    let long = format!(
        "{}.{}.{}.{}",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(61)
    );
    assert_eq!(long.len(), 253);
    let text = std::fs::read_to_string("samples/multi-site/topology.xml").unwrap();
    assert!(text.contains("\"dub-fe01.fabrikam.local\""));
    let topology = tmp.path().join("topology.xml");
    std::fs::write(&topology, text.replace("dub-fe01.fabrikam.local", &long)).unwrap();
    let t = topology.to_str().unwrap();

    // DIR does not exist: it is not left behind.
    let fresh = tmp.path().join("new");
    let out = emit(t, &fresh, &[]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("more than the 255"), "{}", out.stderr);
    assert!(out.stderr.contains("nothing was written"), "{}", out.stderr);
    assert!(!fresh.exists());

    // DIR exists: only what was there before.
    let dir = tmp.path().join("requests");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "x").unwrap();
    let out = emit(t, &dir, &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(file_names(&dir), vec!["notes.txt"]);

    // The sample itself then writes every file at once.
    let out = emit("samples/multi-site/topology.xml", &dir, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let names = file_names(&dir);
    assert!(names.len() > 2, "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with('.')), "{names:?}");
}
