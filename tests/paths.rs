//! Paths in every format are shown as the user typed them, joined with the same
//! separator (never `a/b\c`), and machine formats carry forward-slash relative
//! paths. On Windows the same properties are checked under wine by
//! `scripts/windows-smoke.sh`; the separator choice itself is unit-tested in
//! `src/paths.rs` for both platforms.

mod common;

use assert_cmd::Command;
use common::{Out, parse_json, run_cmd};
use serde_json::Value;

/// The certificate folder typed with `./` and a trailing `/`: found files must keep
/// that form and gain exactly one `/`.
const CERTS: &str = "./samples/enterprise/certs/";
const JOINED: &str = "./samples/enterprise/certs/fe02.contoso.local.cer";
const FILES: [&str; 5] = [
    "edge01.contoso.local.cer",
    "fe01.contoso.local.cer",
    "fe02.contoso.local.cer",
    "fe03.contoso.local.cer",
    "fe04.contoso.local.cer",
];

fn topocert() -> Command {
    let mut c = Command::cargo_bin("topocert").expect("the binary is built");
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("GITHUB_WORKSPACE");
    c
}

fn check(format: &str) -> Out {
    let mut c = topocert();
    c.args([
        "check",
        "samples/enterprise/topology.xml",
        "--certs",
        CERTS,
        "--ca",
        "samples/enterprise/ca/internal-root.cer",
        "--valid-at",
        "2026-06-01",
        "--color",
        "never",
        "--format",
        format,
    ]);
    let out = run_cmd(c);
    assert_eq!(out.code, 1, "{format}: {}", out.stderr);
    out
}

/// No path in `text` mixes separators or doubles one.
fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains('\\'), "{what} has a backslash:\n{text}");
    assert!(
        !text.contains("certs//"),
        "{what} doubles a separator:\n{text}"
    );
}

/// Human and short output and the HTML page show certificate files under the folder
/// exactly as typed.
#[test]
fn text_formats_show_found_files_under_the_folder_as_typed() {
    for format in ["human", "short", "html"] {
        let out = check(format);
        assert_clean(format, &out.stdout);
        assert!(
            out.stdout.contains(JOINED),
            "{format} does not show {JOINED}:\n{}",
            out.stdout
        );
    }
    let short = check("short").stdout;
    let first = short.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("./samples/enterprise/certs/edge01.contoso.local.cer:1:1: "),
        "{first}"
    );
}

/// JSON: every certificate path, server certificate and location path has forward
/// slashes and keeps the typed relative form.
#[test]
fn json_paths_are_forward_slash_and_relative() {
    let out = check("json");
    assert_clean("json", &out.stdout);
    let doc: Value = parse_json(&out.stdout);
    assert_eq!(doc["topology"]["path"], "samples/enterprise/topology.xml");
    let paths: Vec<&str> = doc["certificates"]
        .as_array()
        .expect("certificates")
        .iter()
        .map(|c| c["path"].as_str().expect("path"))
        .collect();
    let want: Vec<String> = FILES.iter().map(|f| format!("{CERTS}{f}")).collect();
    assert_eq!(paths, want);
    for f in doc["findings"].as_array().expect("findings") {
        if let Some(p) = f["location"]["path"].as_str() {
            assert!(
                p == "samples/enterprise/topology.xml" || want.iter().any(|w| w == p),
                "{p}"
            );
        }
    }
}

/// SARIF: URIs are relative to the working directory, forward slashes, no `./`.
#[test]
fn sarif_uris_are_relative_without_dot_components() {
    let out = check("sarif");
    let doc: Value = parse_json(&out.stdout);
    let mut uris = Vec::new();
    for r in doc["runs"][0]["results"].as_array().expect("results") {
        for l in r["locations"].as_array().into_iter().flatten() {
            uris.push(
                l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .expect("uri")
                    .to_string(),
            );
        }
        if let Some(c) = r["properties"]["certificate"].as_str() {
            assert!(c.starts_with(CERTS), "{c}");
        }
    }
    assert!(
        uris.contains(&"samples/enterprise/certs/edge01.contoso.local.cer".to_string()),
        "{uris:?}"
    );
    for u in &uris {
        assert!(u.starts_with("samples/enterprise/"), "{u}");
        assert!(!u.contains(['\\', '%']), "{u}");
    }
}

/// GitHub annotations name files relative to the workspace with forward slashes,
/// also when the paths were given absolute.
#[test]
fn github_files_are_relative_to_the_workspace() {
    let out = check("github");
    assert_clean("github", &out.stdout);
    assert!(
        out.stdout
            .contains("file=samples/enterprise/certs/edge01.contoso.local.cer,"),
        "{}",
        out.stdout
    );

    let root = std::env::current_dir().expect("cwd");
    let abs = |p: &str| root.join(p).display().to_string();
    let mut c = topocert();
    c.env("GITHUB_WORKSPACE", &root).args([
        "check",
        &abs("samples/enterprise/topology.xml"),
        "--certs",
        &abs("samples/enterprise/certs"),
        "--ca",
        &abs("samples/enterprise/ca/internal-root.cer"),
        "--valid-at",
        "2026-06-01",
        "--format",
        "github",
    ]);
    let out = run_cmd(c);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let files: Vec<&str> = out
        .stdout
        .lines()
        .filter_map(|l| l.split("file=").nth(1))
        .filter_map(|rest| rest.split(',').next())
        .collect();
    assert_eq!(files.len(), 5, "{}", out.stdout);
    for f in files {
        assert!(
            f == "samples/enterprise/topology.xml"
                || f == "samples/enterprise/certs/edge01.contoso.local.cer",
            "{f}"
        );
    }

    // A workspace that does not hold the files: the absolute path, forward slashes.
    let mut c = topocert();
    c.env("GITHUB_WORKSPACE", root.join("src")).args([
        "check",
        &abs("samples/enterprise/topology.xml"),
        "--valid-at",
        "2026-06-01",
        "--format",
        "github",
    ]);
    let out = run_cmd(c);
    let want = format!(
        "file={},",
        abs("samples/enterprise/topology.xml").replace(':', "%3A")
    );
    assert!(out.stdout.contains(&want), "{want}\n{}", out.stdout);
}

/// `list` (human, JSON) shows the topology path as typed.
#[test]
fn list_shows_the_topology_as_typed() {
    for format in ["human", "json"] {
        let mut c = topocert();
        c.args([
            "list",
            "./samples/enterprise-utf16/topology.xml",
            "--format",
            format,
        ]);
        let out = run_cmd(c);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_clean(format, &out.stdout);
        assert!(
            out.stdout
                .contains("./samples/enterprise-utf16/topology.xml"),
            "{format}:\n{}",
            out.stdout
        );
    }
}

/// `plan --emit DIR/` lists the written templates under the folder as typed, in human
/// and JSON output, with one separator.
#[test]
fn plan_lists_emitted_files_under_the_folder_as_typed() {
    let tmp = tempfile::Builder::new()
        .prefix("topocert-paths-")
        .tempdir()
        .expect("temporary folder");
    for format in ["human", "json"] {
        let dir = tmp.path().join(format);
        let typed = format!("{}/", dir.display());
        let mut c = topocert();
        c.args([
            "plan",
            "samples/enterprise/topology.xml",
            "--emit",
            &typed,
            "--format",
            format,
        ]);
        let out = run_cmd(c);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_clean(format, &out.stdout);
        let want = format!("{typed}fe01.contoso.local.inf");
        assert!(out.stdout.contains(&want), "{want}\n{}", out.stdout);
        assert!(dir.join("fe01.contoso.local.inf").is_file());
    }
}

/// Errors name the file as typed.
#[test]
fn errors_name_the_file_as_typed() {
    let mut c = topocert();
    c.args(["check", "./samples/enterprise/missing.xml"]);
    let out = run_cmd(c);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("cannot read ./samples/enterprise/missing.xml: "),
        "{}",
        out.stderr
    );
}
