//! Output formats, `--output`, severity control, the config file, colour, `explain`,
//! completions and the man page, through the binary as a user runs it (from the
//! package root, relative paths, a fixed `--valid-at`, colour off unless tested).
//!
//! Every format of the enterprise sample is pinned by a snapshot; the JSON reports of
//! every sample are validated against `schemas/`; SARIF against a focused schema of
//! the part of SARIF 2.1.0 that GitHub code scanning reads; the HTML page is rendered
//! in headless Chromium when one is installed.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::{Out, assert_valid, parse_json, run_cmd, sample_check_args, schema};
use serde_json::{Value, json};
use topocert::rules::Code;

const ENTERPRISE: &[&str] = common::ENTERPRISE_CHECK;

const MULTI_SITE: &[&str] = &[
    "check",
    "samples/multi-site/topology.xml",
    "--certs",
    "samples/multi-site/certs",
    "--ca",
    "samples/multi-site/ca/internal-root.cer",
    "--valid-at",
    "2026-06-01",
];

/// One error only: the Standard Edition server without its certificate.
const SINGLE_ERROR: &[&str] = &[
    "check",
    "samples/standard-edition/topology.xml",
    "--ca",
    "samples/standard-edition/ca/internal-root.cer",
    "--valid-at",
    "2026-06-01",
];

const PFX_ENV: &str = "TOPOCERT_TEST_PFX_PASSWORD";

/// Every sample as `check` arguments.
fn samples() -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    for (name, topology) in [
        ("standard-edition", "topology.xml"),
        ("enterprise", "topology.xml"),
        ("enterprise-utf16", "topology.xml"),
        ("multi-site", "topology.xml"),
        ("topology-builder", "topology.tbxml"),
    ] {
        let mut args = sample_check_args(name, topology);
        if name == "topology-builder" {
            args.extend(["--pfx-password-env".into(), PFX_ENV.into()]);
        }
        out.push((name, args));
    }
    out
}

fn topocert() -> Command {
    let mut c = Command::cargo_bin("topocert").expect("the binary is built");
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env(PFX_ENV, "topocert-sample");
    c
}

fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Out {
    let mut c = topocert();
    c.args(args);
    run_cmd(c)
}

fn with<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(extra).copied().collect()
}

fn format_of(format: &str) -> Out {
    let out = run(&with(ENTERPRISE, &["--format", format, "--color", "never"]));
    assert_eq!(out.code, 1, "{format}: {}", out.stderr);
    assert_eq!(out.stderr, "", "{format}");
    out
}

// ---------------------------------------------------------------------------------
// Every format of the enterprise sample, pinned.

/// Human output: miette reports and the summary table, no colour.
#[test]
fn enterprise_human() {
    insta::assert_snapshot!("enterprise_human", format_of("human").stdout);
}

/// Short output: one gcc-style line per finding; the orphan certificate points at its file.
#[test]
fn enterprise_short() {
    let out = format_of("short").stdout;
    assert_eq!(out.lines().count(), 5);
    assert!(out.starts_with(
        "samples/enterprise/certs/edge01.contoso.local.cer:1:1: warning[orphan-certificate]: "
    ));
    assert!(out.contains("samples/enterprise/topology.xml:36:7: error[missing-certificate]: "));
    insta::assert_snapshot!("enterprise_short", out);
}

/// JSON report.
#[test]
fn enterprise_json() {
    let out = format_of("json").stdout;
    let doc = parse_json(&out);
    assert_eq!(doc["summary"]["errors"], 4);
    assert_eq!(doc["summary"]["warnings"], 1);
    insta::assert_snapshot!("enterprise_json", out);
}

/// SARIF, with the rule documentation (pinned by the rules' own tests) cut short.
#[test]
fn enterprise_sarif() {
    let mut doc = parse_json(&format_of("sarif").stdout);
    if let Some(rules) = doc["runs"][0]["tool"]["driver"]["rules"].as_array_mut() {
        for r in rules {
            r["fullDescription"]["text"] = json!("[explanation]");
            r["help"] = json!({"text": "[explain text]", "markdown": "[explanation]"});
        }
    }
    insta::assert_snapshot!(
        "enterprise_sarif",
        serde_json::to_string_pretty(&doc).unwrap()
    );
}

/// GitHub workflow commands.
#[test]
fn enterprise_github() {
    let out = format_of("github").stdout;
    assert_eq!(out.lines().count(), 5);
    for l in out.lines() {
        assert!(
            l.starts_with("::error file=") || l.starts_with("::warning file="),
            "{l}"
        );
    }
    insta::assert_snapshot!("enterprise_github", out);
}

/// The HTML page, with the rule explanations (pinned by the rules' own tests) cut out.
#[test]
fn enterprise_html() {
    let out = format_of("html").stdout;
    let mut page = String::new();
    let mut rest = out.as_str();
    while let Some(i) = rest.find("<div class=\"explain\">") {
        page.push_str(&rest[..i]);
        let end = rest[i..].find("</div>").expect("explanation closes") + i;
        page.push_str("<div class=\"explain\">[explanation]");
        rest = &rest[end..];
    }
    page.push_str(rest);
    insta::assert_snapshot!("enterprise_html", page);
}

// ---------------------------------------------------------------------------------
// JSON against the schemas.

/// Every sample's check report (and list document) validates against the strict schemas.
#[test]
fn every_sample_report_matches_the_schemas() {
    let report = schema("report.schema.json");
    let list = schema("list.schema.json");
    for (name, args) in samples() {
        let mut a = args.clone();
        a.extend(["--format".into(), "json".into()]);
        let out = run(&a);
        assert!(out.code == 0 || out.code == 1, "{name}: {}", out.stderr);
        assert_valid(&report, &parse_json(&out.stdout), name);

        let out = run(&["list", args[1].as_str(), "--format", "json"]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert_valid(&list, &parse_json(&out.stdout), &format!("list {name}"));
    }
}

/// Reports full of nulls validate too: unreadable files, no `--ca` (inferred CA), no
/// certificates at all, and a finding without a location (unused suppression).
#[test]
fn unusual_reports_match_the_schema() {
    let report = schema("report.schema.json");
    let cases: Vec<Vec<&str>> = vec![
        vec![
            "check",
            "samples/enterprise/topology.xml",
            "--certs",
            "tests/data/certs/formats",
            "--valid-at",
            "2026-06-01",
        ],
        vec![
            "check",
            "samples/enterprise/topology.xml",
            "--certs",
            "samples/enterprise/certs",
            "--valid-at",
            "2026-06-01",
        ],
        vec![
            "check",
            "samples/multi-site/topology.xml",
            "--valid-at",
            "2026-06-01",
        ],
        with(
            MULTI_SITE,
            &["--config", "tests/cmd/config/good/unused-ignore.toml"],
        ),
    ];
    for args in cases {
        let out = run(&with(&args, &["--format", "json"]));
        assert!(out.code <= 1, "{args:?}: {}", out.stderr);
        let doc = parse_json(&out.stdout);
        assert_valid(&report, &doc, &format!("{args:?}"));
    }
    let out = run(&with(
        MULTI_SITE,
        &[
            "--config",
            "tests/cmd/config/good/unused-ignore.toml",
            "--format",
            "json",
        ],
    ));
    let doc = parse_json(&out.stdout);
    let unused: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "unused-ignore")
        .collect();
    assert_eq!(unused.len(), 1);
    // It points at its `[[ignore]]` entry in the config file.
    assert_eq!(
        unused[0]["location"]["path"],
        "tests/cmd/config/good/unused-ignore.toml"
    );
    assert_eq!(unused[0]["location"]["line"], 4);
}

/// The schemas list exactly the codes topocert has.
#[test]
fn schema_code_lists_match_the_registry() {
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    for (file, pointer) in [
        ("report.schema.json", "/$defs/code/enum"),
        ("list.schema.json", "/$defs/code/enum"),
        ("config.schema.json", "/properties/rules/propertyNames/enum"),
        (
            "config.schema.json",
            "/properties/ignore/items/properties/code/enum",
        ),
    ] {
        let s = parse_json(&std::fs::read_to_string(format!("schemas/{file}")).unwrap());
        let listed: Vec<&str> = s
            .pointer(pointer)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{file}{pointer}"))
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(listed, codes, "{file}{pointer}");
    }
}

/// The JSON report has every field DESIGN.md shows for version 1.
#[test]
fn json_report_has_the_design_fields() {
    let doc = parse_json(&format_of("json").stdout);
    for key in [
        "version",
        "tool",
        "topology",
        "valid_at",
        "expected_ca",
        "servers",
        "certificates",
        "findings",
        "summary",
    ] {
        assert!(doc.get(key).is_some(), "{key}");
    }
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["valid_at"], "2026-06-01T00:00:00Z");
    for key in [
        "fqdn",
        "pool",
        "site",
        "role_rule",
        "next_hop",
        "certificate",
        "status",
        "location",
    ] {
        assert!(doc["servers"][0].get(key).is_some(), "servers[].{key}");
    }
    for key in [
        "path",
        "subject",
        "issuer",
        "serial",
        "not_after",
        "servers",
        "status",
    ] {
        assert!(
            doc["certificates"][0].get(key).is_some(),
            "certificates[].{key}"
        );
    }
    for key in [
        "code",
        "severity",
        "message",
        "server",
        "certificate",
        "location",
    ] {
        assert!(doc["findings"][0].get(key).is_some(), "findings[].{key}");
    }
    for key in ["path", "line", "column", "offset", "length"] {
        assert!(
            doc["findings"][0]["location"].get(key).is_some(),
            "location.{key}"
        );
    }
    for key in ["servers", "errors", "warnings", "notes"] {
        assert!(doc["summary"].get(key).is_some(), "summary.{key}");
    }
}

// ---------------------------------------------------------------------------------
// SARIF.

/// The part of SARIF 2.1.0 that GitHub code scanning reads, written for these tests
/// from the OASIS specification and GitHub's "SARIF support" page: what must be there,
/// with the types and values allowed.
fn sarif_schema() -> jsonschema::Validator {
    let message = json!({"type": "object", "required": ["text"],
        "properties": {"text": {"type": "string", "minLength": 1}}});
    let artifact = json!({"type": "object", "required": ["uri"], "properties": {
        "uri": {"type": "string", "minLength": 1, "format": "uri-reference",
                "not": {"pattern": "\\\\|^\\./|^/"}}}});
    let region = json!({"type": "object",
        "required": ["startLine", "startColumn", "endLine", "endColumn"],
        "properties": {
            "startLine": {"type": "integer", "minimum": 1},
            "startColumn": {"type": "integer", "minimum": 1},
            "endLine": {"type": "integer", "minimum": 1},
            "endColumn": {"type": "integer", "minimum": 1}}});
    let physical = json!({"type": "object", "required": ["artifactLocation"],
        "properties": {"artifactLocation": artifact, "region": region}});
    let level = json!({"enum": ["none", "note", "warning", "error"]});
    let rule = json!({"type": "object",
        "required": ["id", "shortDescription", "fullDescription", "help", "defaultConfiguration"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "name": {"type": "string"},
            "shortDescription": message,
            "fullDescription": message,
            "help": {"type": "object", "required": ["text"], "properties": {
                "text": {"type": "string", "minLength": 1},
                "markdown": {"type": "string"}}},
            "defaultConfiguration": {"type": "object", "required": ["level"],
                "properties": {"level": level}}}});
    let driver = json!({"type": "object",
        "required": ["name", "semanticVersion", "informationUri", "rules"],
        "properties": {
            "name": {"const": "topocert"},
            "semanticVersion": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+"},
            "informationUri": {"type": "string", "format": "uri"},
            "rules": {"type": "array", "items": rule}}});
    let location = json!({"type": "object", "required": ["physicalLocation"],
        "properties": {"physicalLocation": physical}});
    let result = json!({"type": "object",
        "required": ["ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"],
        "properties": {
            "ruleId": {"type": "string"},
            "ruleIndex": {"type": "integer", "minimum": 0},
            "level": level,
            "message": message,
            "locations": {"type": "array", "minItems": 1, "maxItems": 1, "items": location},
            "relatedLocations": {"type": "array", "items": location},
            "partialFingerprints": {"type": "object", "minProperties": 1,
                "additionalProperties": {"type": "string", "minLength": 1}}}});
    let run = json!({"type": "object", "required": ["tool", "results"],
        "properties": {
            "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
            "tool": {"type": "object", "required": ["driver"], "properties": {"driver": driver}},
            "results": {"type": "array", "items": result}}});
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["$schema", "version", "runs"],
        "properties": {
            "$schema": {"type": "string", "format": "uri"},
            "version": {"const": "2.1.0"},
            "runs": {"type": "array", "minItems": 1, "maxItems": 1, "items": run}}
    });
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the focused SARIF schema is valid")
}

/// Every sample's SARIF log has the structure code scanning needs, and its results
/// agree with the rules they index.
#[test]
fn sarif_has_the_structure_code_scanning_reads() {
    let v = sarif_schema();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    for (name, args) in samples() {
        let mut a = args.clone();
        a.extend(["--format".into(), "sarif".into()]);
        let out = run(&a);
        assert!(out.code <= 1, "{name}: {}", out.stderr);
        let doc = parse_json(&out.stdout);
        assert_valid(&v, &doc, name);
        let run0 = &doc["runs"][0];
        let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
        let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
        assert_eq!(
            ids, codes,
            "{name}: every code is a rule, in registry order"
        );
        let mut prints = HashSet::new();
        for r in run0["results"].as_array().unwrap() {
            let idx = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[idx]["id"], r["ruleId"], "{name}");
            let region = &r["locations"][0]["physicalLocation"]["region"];
            assert!(region["endLine"].as_u64() >= region["startLine"].as_u64());
            let fp = r["partialFingerprints"]["primaryLocationLineHash"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(
                prints.insert(fp),
                "{name}: fingerprints are unique in a run"
            );
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(uri.starts_with(&format!("samples/{name}/")), "{uri}");
        }
    }
}

/// Re-running with another `--valid-at` changes messages (days left) but not the
/// fingerprints, so code scanning updates the alert instead of opening a new one.
#[test]
fn sarif_fingerprints_survive_a_rerun() {
    let prints = |at: &str| {
        let mut a: Vec<&str> = MULTI_SITE.to_vec();
        let i = a.iter().position(|x| *x == "2026-06-01").unwrap();
        a[i] = at;
        a.extend(["--format", "sarif"]);
        let doc = parse_json(&run(&a).stdout);
        doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["message"]["text"].as_str().unwrap().to_string(),
                    r["partialFingerprints"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let a = prints("2026-06-01");
    let b = prints("2026-06-02");
    assert_eq!(a.len(), b.len());
    assert!(a.iter().zip(&b).any(|(x, y)| x.0 != y.0), "messages differ");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.1, y.1);
    }
}

/// The rules carry the explain text as help and their default level.
#[test]
fn sarif_rules_document_every_code() {
    let doc = parse_json(&format_of("sarif").stdout);
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for (code, rule) in Code::ALL.iter().zip(rules) {
        let info = code.info();
        assert_eq!(rule["id"], info.code);
        assert_eq!(rule["shortDescription"]["text"], code.summary());
        assert_eq!(
            rule["defaultConfiguration"]["level"],
            info.default_severity.as_str()
        );
        let help = rule["help"]["text"].as_str().unwrap();
        let explained = run(&["explain", info.code]).stdout;
        assert_eq!(help, explained, "{code}: help is the explain text");
    }
}

// ---------------------------------------------------------------------------------
// GitHub annotations, HTML.

/// Commas and colons in a path are escaped in `file=`; the help follows an escaped LF.
#[test]
fn github_escapes_properties_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("certs,v1:old");
    std::fs::create_dir(&odd).unwrap();
    std::fs::copy(
        "samples/enterprise/certs/edge01.contoso.local.cer",
        odd.join("edge01.contoso.local.cer"),
    )
    .unwrap();
    let out = run(&[
        "check",
        "samples/standard-edition/topology.xml",
        "--certs",
        "samples/standard-edition/certs",
        "--certs",
        odd.to_str().unwrap(),
        "--ca",
        "samples/standard-edition/ca/internal-root.cer",
        "--valid-at",
        "2026-06-01",
        "--format",
        "github",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("orphan-certificate"))
        .expect("an orphan annotation");
    assert!(line.starts_with("::warning file="), "{line}");
    assert!(
        line.contains("certs%2Cv1%3Aold/edge01.contoso.local.cer,line=1,col=1,"),
        "{line}"
    );
    assert!(
        line.contains(",title=topocert(orphan-certificate)::"),
        "{line}"
    );
    let message = line.split_once("::").unwrap().1.split_once("::").unwrap().1;
    assert!(message.contains("%0Ahelp: "), "{message}");
    assert!(
        message.contains("certs,v1:old"),
        "data keeps , and : {message}"
    );
}

/// The page needs nothing from the network, escapes the topology text and prints.
#[test]
fn html_is_self_contained_and_escaped() {
    let page = format_of("html").stdout;
    assert!(page.starts_with("<!DOCTYPE html>"));
    for banned in [
        "<script", "<link", "<img", "<iframe", "@import", "url(", "src=",
    ] {
        assert!(!page.contains(banned), "{banned}");
    }
    for href in page.split("href=\"").skip(1) {
        assert!(href.starts_with('#'), "only in-page links: {href:.40}");
    }
    assert!(page.contains("@media print"));
    assert!(page.contains(
        "&lt;Machine OrdinalInCluster=&quot;2&quot; Fqdn=&quot;fe05.contoso.local&quot;"
    ));
    assert!(!page.contains("<Machine"));
    assert!(page.contains("<h4>What it does</h4>"));
    for header in [
        "Server",
        "Pool",
        "Site",
        "Certificate",
        "Issuer",
        "Expires",
        "Status",
    ] {
        assert!(page.contains(&format!("<th>{header}</th>")), "{header}");
    }
}

/// A browser to render the page with, if one is installed.
fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut candidates = vec![PathBuf::from("/usr/bin/chromium")];
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            candidates.push(dir.join(name));
        }
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// Run a browser command with a time limit; `None` when it did not finish.
fn run_browser(mut cmd: StdCommand, limit: Duration) -> Option<std::process::Output> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the browser starts");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().ok();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn headless(browser: &Path, profile: &Path) -> StdCommand {
    let mut c = StdCommand::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The page renders in headless Chromium: the DOM has the server table and every
/// finding, and a screenshot is produced.
#[test]
fn html_renders_in_headless_chromium() {
    let Some(browser) = browser() else {
        println!(
            "skipped: html_renders_in_headless_chromium needs Chromium (Debian package `chromium`); none is installed"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let out = run(&with(
        ENTERPRISE,
        &["--format", "html", "--output", html.to_str().unwrap()],
    ));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let url = format!("file://{}", html.display());

    let mut dump = headless(&browser, &dir.path().join("profile-dom"));
    dump.arg("--dump-dom").arg(&url);
    let o = run_browser(dump, Duration::from_secs(120)).expect("chromium --dump-dom finishes");
    let dom = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dom.contains("id=\"server-table\""), "{dom:.400}");
    assert_eq!(dom.matches("<section class=\"finding").count(), 5);
    assert!(dom.contains("fe05.contoso.local"));
    assert!(dom.contains("Findings (5)"));

    let png = dir.path().join("shot.png");
    let mut shot = headless(&browser, &dir.path().join("profile-png"));
    shot.arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1280,2000")
        .arg(&url);
    let o = run_browser(shot, Duration::from_secs(120)).expect("chromium --screenshot finishes");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&png).expect("a screenshot was written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 2000));
    assert!(
        bytes.len() > 20_000,
        "a page, not a blank: {} bytes",
        bytes.len()
    );
}

// ---------------------------------------------------------------------------------
// --output.

/// Every format can go to a file: same bytes as standard output, nothing on standard
/// output, the same exit status, and no temporary file left behind.
#[test]
fn output_writes_every_format_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["human", "short", "json", "sarif", "github", "html"] {
        let file = dir.path().join(format!("report.{format}"));
        std::fs::write(&file, "stale").unwrap();
        let out = run(&with(
            ENTERPRISE,
            &[
                "--format",
                format,
                "--color",
                "never",
                "--output",
                file.to_str().unwrap(),
            ],
        ));
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{format}");
        let written = std::fs::read_to_string(&file).unwrap();
        assert_eq!(written, format_of(format).stdout, "{format}");
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("report."))
        .collect();
    assert!(names.is_empty(), "left behind: {names:?}");

    let list = dir.path().join("list.json");
    let out = run(&[
        "list",
        "samples/enterprise/topology.xml",
        "--format",
        "json",
        "-o",
        list.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0);
    assert_eq!(
        parse_json(&std::fs::read_to_string(&list).unwrap())["version"],
        1
    );
}

/// A file that cannot be written stops with status 2, whatever the findings.
#[test]
fn output_to_a_missing_directory_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no/such/dir/report.json");
    let out = run(&with(
        SINGLE_ERROR,
        &["--format", "json", "--output", file.to_str().unwrap()],
    ));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot write"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------
// Exit statuses and severity control.

/// 0 with no error, 1 with errors.
#[test]
fn exit_status_follows_the_worst_finding() {
    let (_, clean) = samples().remove(0);
    assert_eq!(run(&clean).code, 0);
    assert_eq!(run(ENTERPRISE).code, 1);
    assert_eq!(run(SINGLE_ERROR).code, 1);
}

/// multi-site has warnings only: 0, and 1 under `-D warnings`, which turns them into errors.
#[test]
fn deny_warnings_fails_on_warnings() {
    let out = run(&with(MULTI_SITE, &["--format", "short"]));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("warning[expires-soon]"));
    assert!(!out.stdout.contains("error["));
    let out = run(&with(MULTI_SITE, &["--format", "short", "-D", "warnings"]));
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("error[expires-soon]"));
    assert!(!out.stdout.contains("warning["));
    let out = run(&with(
        MULTI_SITE,
        &["-D", "expires-soon", "--format", "short"],
    ));
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("error[expires-soon]"));
}

/// Allowing the only error gives 0; warning it gives 0 with the finding kept.
#[test]
fn allow_and_warn_change_the_only_error() {
    let out = run(&with(SINGLE_ERROR, &["--format", "short"]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(out.stdout.contains("error[missing-certificate]"));
    let out = run(&with(
        SINGLE_ERROR,
        &["--format", "short", "-A", "missing-certificate"],
    ));
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "");
    let out = run(&with(
        SINGLE_ERROR,
        &["--format", "short", "-W", "missing-certificate"],
    ));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("warning[missing-certificate]"));
    let out = run(&with(
        SINGLE_ERROR,
        &[
            "--format",
            "short",
            "-W",
            "missing-certificate",
            "-D",
            "warnings",
        ],
    ));
    assert_eq!(out.code, 1);
}

/// The command line applies after `[rules]`; for one code `-D` beats `-W` beats `-A`.
#[test]
fn command_line_levels_override_the_config() {
    let allow = ["--config", "tests/cmd/config/good/allow-missing.toml"];
    assert_eq!(run(&with(SINGLE_ERROR, &allow)).code, 0);
    let out = run(&with(
        &with(SINGLE_ERROR, &allow),
        &["-D", "missing-certificate", "--format", "short"],
    ));
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("error[missing-certificate]"));
    let out = run(&with(
        SINGLE_ERROR,
        &["-D", "missing-certificate", "-A", "missing-certificate"],
    ));
    assert_eq!(out.code, 1, "-D wins over -A whatever the order");
    let out = run(&with(
        SINGLE_ERROR,
        &[
            "-W",
            "missing-certificate",
            "-A",
            "missing-certificate",
            "--format",
            "short",
        ],
    ));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("warning[missing-certificate]"));
}

/// An unknown code on the command line is a usage error.
#[test]
fn unknown_code_on_the_command_line_is_exit_2() {
    for flag in ["-D", "-W", "-A"] {
        let out = run(&with(SINGLE_ERROR, &[flag, "no-such-rule"]));
        assert_eq!(out.code, 2, "{flag}");
        assert!(
            out.stderr.contains("unknown rule code `no-such-rule`"),
            "{}",
            out.stderr
        );
    }
    assert_eq!(run(&with(SINGLE_ERROR, &["-A", "warnings"])).code, 2);
}

/// Other reasons the check cannot run: exit 2.
#[test]
fn unusable_input_is_exit_2() {
    assert_eq!(run(&["check", "samples/no-such/topology.xml"]).code, 2);
    assert_eq!(run(&with(SINGLE_ERROR, &["--valid-at", "June"])).code, 2);
    assert_eq!(run(&with(SINGLE_ERROR, &["--format", "xml"])).code, 2);
}

// ---------------------------------------------------------------------------------
// The config file.

fn expectations(text: &str) -> (usize, String, bool) {
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("# {name}:")))
            .unwrap_or_else(|| panic!("missing `# {name}:`"))
            .trim()
            .to_string()
    };
    (
        field("expect-line").parse().expect("a line number"),
        field("expect-message"),
        field("schema") == "invalid",
    )
}

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "{dir}");
    v
}

fn toml_as_json(text: &str) -> Option<Value> {
    toml::from_str::<Value>(text).ok()
}

/// Each bad config stops the check with status 2 and names its file and line; the
/// JSON Schema rejects it too.
#[test]
fn bad_configs_are_exit_2_naming_the_line() {
    let v = schema("config.schema.json");
    for path in fixtures("tests/cmd/config/bad") {
        let text = std::fs::read_to_string(&path).unwrap();
        let (line, message, schema_invalid) = expectations(&text);
        let p = path.to_str().unwrap();
        let out = run(&with(SINGLE_ERROR, &["--config", p]));
        assert_eq!(out.code, 2, "{p}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{p}");
        assert!(
            out.stderr.contains(&format!("{p}:{line}:")),
            "{p}: expected line {line}:\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains(&message),
            "{p}: {message}\n{}",
            out.stderr
        );
        if schema_invalid {
            let doc = toml_as_json(&text).unwrap_or_else(|| panic!("{p} is TOML"));
            assert!(!v.is_valid(&doc), "{p}: the schema accepts it");
        }
    }
}

/// The good configs, the sample and the README's example parse and match the schema.
#[test]
fn good_configs_match_the_schema() {
    let v = schema("config.schema.json");
    let readme = std::fs::read_to_string("README.md").unwrap();
    let example = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("the README has a topocert.toml example")
        .to_string();
    let mut docs: Vec<(String, String)> = fixtures("tests/cmd/config/good")
        .into_iter()
        .chain([PathBuf::from("samples/enterprise/topocert.example.toml")])
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    docs.push(("README.md".into(), example));
    for (name, text) in docs {
        topocert::config::Config::parse(Path::new(&name), text.clone())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = toml_as_json(&text).unwrap_or_else(|| panic!("{name} is TOML"));
        assert_valid(&v, &doc, &name);
    }
}

/// The sample config suppresses the orphan Edge certificate: 4 errors, no warning.
#[test]
fn sample_config_suppresses_the_orphan() {
    let out = run(&with(
        ENTERPRISE,
        &[
            "--config",
            "samples/enterprise/topocert.example.toml",
            "--format",
            "short",
        ],
    ));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout.matches(": error[").count(), 4, "{}", out.stdout);
    assert!(!out.stdout.contains("warning["), "{}", out.stdout);
}

/// A suppression that matches nothing is an `unused-ignore` warning, which levels control.
#[test]
fn unmatched_suppression_is_an_unused_ignore_warning() {
    let cfg = ["--config", "tests/cmd/config/good/unused-ignore.toml"];
    let out = run(&with(&with(MULTI_SITE, &cfg), &["--format", "short"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("[unused-ignore]"))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(
        line.starts_with("tests/cmd/config/good/unused-ignore.toml:4:1: warning[unused-ignore]: "),
        "{line}"
    );
    let denied = run(&with(
        &with(MULTI_SITE, &cfg),
        &["-D", "warnings", "--format", "short"],
    ));
    assert_eq!(denied.code, 1);
    assert!(denied.stdout.contains(": error[unused-ignore]"));
    let allowed = run(&with(
        &with(MULTI_SITE, &cfg),
        &["-A", "unused-ignore", "--format", "short"],
    ));
    assert!(
        !allowed.stdout.contains("unused-ignore"),
        "{}",
        allowed.stdout
    );
}

/// Without `--config`, `topocert.toml` next to the topology applies; `--config` wins.
#[test]
fn config_is_found_next_to_the_topology() {
    let dir = tempfile::tempdir().unwrap();
    let topology = dir.path().join("topology.xml");
    std::fs::copy("samples/standard-edition/topology.xml", &topology).unwrap();
    let args = |extra: &[&str]| {
        let mut a = vec![
            "check".to_string(),
            topology.display().to_string(),
            "--ca".into(),
            "samples/standard-edition/ca/internal-root.cer".into(),
            "--valid-at".into(),
            "2026-06-01".into(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    assert_eq!(
        run(&args(&[])).code,
        1,
        "no config: the missing certificate is an error"
    );
    std::fs::write(
        dir.path().join("topocert.toml"),
        "[rules]\nmissing-certificate = \"allow\"\n",
    )
    .unwrap();
    assert_eq!(
        run(&args(&[])).code,
        0,
        "topocert.toml beside the topology applies"
    );
    let empty = dir.path().join("other.toml");
    std::fs::write(&empty, "").unwrap();
    assert_eq!(
        run(&args(&["--config", empty.to_str().unwrap()])).code,
        1,
        "--config replaces the one beside the topology"
    );
    std::fs::write(
        dir.path().join("topocert.toml"),
        "[rules]\nnope = \"allow\"\n",
    )
    .unwrap();
    let out = run(&args(&[]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("topocert.toml:2:1"), "{}", out.stderr);
    let out = run(&args(&["--config", "tests/cmd/config/no-such.toml"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("cannot read the config file"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------
// Colour.

fn has_ansi(s: &str) -> bool {
    s.contains("\x1b[")
}

/// `--color always` colours the human and short formats; `never` and a pipe do not.
#[test]
fn color_always_never_and_auto_on_a_pipe() {
    for format in ["human", "short"] {
        let on = run(&with(
            ENTERPRISE,
            &["--format", format, "--color", "always"],
        ));
        assert!(has_ansi(&on.stdout), "{format}");
        let off = run(&with(ENTERPRISE, &["--format", format, "--color", "never"]));
        assert!(!has_ansi(&off.stdout), "{format}");
        let auto = run(&with(ENTERPRISE, &["--format", format]));
        assert!(
            !has_ansi(&auto.stdout),
            "{format}: standard output is a pipe here"
        );
    }
    for format in ["json", "sarif", "github", "html"] {
        let on = run(&with(
            ENTERPRISE,
            &["--format", format, "--color", "always"],
        ));
        assert!(!has_ansi(&on.stdout), "{format} is never coloured");
    }
    let mut c = topocert();
    c.env("NO_COLOR", "1").args(with(
        ENTERPRISE,
        &["--format", "short", "--color", "always"],
    ));
    assert!(
        has_ansi(&run_cmd(c).stdout),
        "--color always wins over NO_COLOR"
    );
}

/// Under `auto` on a terminal, colour is on unless NO_COLOR is set (run under a
/// pseudo-terminal with util-linux `script`).
#[test]
fn no_color_is_honoured_under_auto_on_a_terminal() {
    if !Path::new("/usr/bin/script").is_file() {
        println!(
            "skipped: no_color_is_honoured_under_auto_on_a_terminal needs util-linux `script`"
        );
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("topocert");
    let command = format!("{} {} --format short", bin.display(), ENTERPRISE.join(" "));
    let under_pty = |no_color: Option<&str>| {
        let mut c = StdCommand::new("/usr/bin/script");
        c.args(["-q", "-e", "-c", &command, "/dev/null"])
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
        if let Some(v) = no_color {
            c.env("NO_COLOR", v);
        }
        let o = c.output().expect("script runs");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let plain = under_pty(None);
    if !plain.contains("missing-certificate") {
        println!(
            "skipped: no_color_is_honoured_under_auto_on_a_terminal: `script` could not run topocert under a pseudo-terminal here: {plain:?}"
        );
        return;
    }
    assert!(has_ansi(&plain), "a terminal gets colour: {plain:?}");
    assert!(!has_ansi(&under_pty(Some("1"))), "NO_COLOR=1 turns it off");
    assert!(has_ansi(&under_pty(Some(""))), "an empty NO_COLOR does not");
}

// ---------------------------------------------------------------------------------
// explain, completions, man.

/// Every code has an explanation, is kebab-case and unique, and is a SARIF rule.
#[test]
fn every_code_is_explained_and_is_a_sarif_rule() {
    let sarif = parse_json(&format_of("sarif").stdout);
    let rule_ids: HashSet<String> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let mut seen = HashSet::new();
    for code in Code::ALL {
        let c = code.as_str();
        assert!(seen.insert(c), "{c} is listed twice");
        let kebab = !c.is_empty()
            && c.split('-').all(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit())
            })
            && c.starts_with(|ch: char| ch.is_ascii_lowercase());
        assert!(kebab, "{c} is not kebab-case");
        let out = run(&["explain", c]);
        assert_eq!(out.code, 0, "{c}");
        let info = code.info();
        assert!(
            out.stdout.starts_with(&format!(
                "{c} ({}): {}\n\n",
                info.default_severity,
                code.summary()
            )),
            "{}",
            out.stdout
        );
        for section in ["## What it does", "## Why Lync cares", "## How to fix"] {
            assert!(out.stdout.contains(section), "{c}: {section}");
        }
        assert!(rule_ids.contains(c), "{c} is not a SARIF rule");
    }
    assert_eq!(rule_ids.len(), Code::ALL.len());
    let all = run(&["explain", "--all"]);
    assert_eq!(all.code, 0);
    for code in Code::ALL {
        assert!(all.stdout.contains(code.as_str()), "{code}");
    }
    assert_eq!(run(&["explain", "no-such-rule"]).code, 2);
}

/// `completions SHELL` prints a script for each supported shell.
#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef topocert"),
        ("fish", "complete -c topocert"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(out.stdout.contains(marker), "{shell}");
        assert!(
            out.stdout.contains("valid-at"),
            "{shell} completes check's options"
        );
    }
    assert_eq!(run(&["completions", "tcsh"]).code, 2);
}

/// The hidden `man` subcommand prints a roff page generated from the clap model.
#[test]
fn man_page_is_generated_from_the_cli() {
    let out = run(&["man"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(".TH topocert"), "{:.200}", out.stdout);
    for word in ["check", "list", "explain", "completions"] {
        assert!(out.stdout.contains(word), "{word}");
    }
    let out = run(&["man", "check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(".TH topocert-check 1"),
        "{:.200}",
        out.stdout
    );
    assert!(
        out.stdout.contains("valid\\-at"),
        "check's options are on its page"
    );
    assert_eq!(run(&["man", "no-such"]).code, 2);
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    use clap::CommandFactory;
    let mut expected: Vec<String> = topocert::cli::Cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| format!("topocert-{}.1", s.get_name()))
        .chain(["topocert.1".to_string()])
        .collect();
    expected.sort();
    assert_eq!(pages, expected);
    let help = run(&["--help"]).stdout;
    assert!(help.contains("completions"));
    assert!(
        !help.contains("\n  man "),
        "man is hidden from --help:\n{help}"
    );
}
