//! What a Japanese administrator reads, through the binary: snapshots of `check`
//! (human, short, html), `list`, `plan`, `explain --all` and exit-2 diagnostics under
//! `--lang ja`; no English sentence left in any of them; the environment's locale
//! choosing Japanese for people and English for machine-readable documents.

mod common;

use assert_cmd::Command;
use common::{has_japanese, topocert_without_locale};

const ENTERPRISE: &[&str] = common::ENTERPRISE_CHECK;

/// The binary with no locale from the environment, colour off.
fn topocert() -> Command {
    let mut c = topocert_without_locale();
    c.env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    c
}

struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(c: &mut Command) -> Run {
    let out = c.output().unwrap();
    Run {
        status: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn ja(args: &[&str]) -> Run {
    run(topocert().args(["--lang", "ja"]).args(args))
}

/// English left in a Japanese text: runs of two or more English words (lowercase
/// ones, the stuff of sentences), once the things that stay untranslated are taken
/// out: `code spans`, paths, FQDNs, DNs (`CN=…, O=…`), option names, finding codes.
fn english_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    // A message miette wrapped continues on lines that begin with `│`: join them.
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        match (line.trim_start().strip_prefix('│'), lines.last_mut()) {
            (Some(rest), Some(prev)) if !rest.trim().is_empty() => {
                prev.push(' ');
                prev.push_str(rest.trim());
            }
            _ => lines.push(line.to_string()),
        }
    }
    for line in &lines {
        let line: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut run: Vec<&str> = Vec::new();
        let flush = |run: &mut Vec<&str>, runs: &mut Vec<String>| {
            if run.len() >= 2 {
                runs.push(run.join(" "));
            }
            run.clear();
        };
        for token in line.split_whitespace() {
            let word = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            let is_data = token.contains(['/', '\\', '=', '.', '@', ':', '[', '<', '>', '_'])
                || token.starts_with('-')
                || word.contains('-');
            // camelCase names (`serverAuth`) are identifiers.
            let camel = word.chars().skip(1).any(|c| c.is_ascii_uppercase());
            let is_word = !is_data
                && !camel
                && word.len() >= 2
                && word.chars().all(|c| c.is_ascii_alphabetic())
                && word.chars().any(|c| c.is_ascii_lowercase())
                && word.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if is_word {
                run.push(word);
            } else {
                flush(&mut run, &mut runs);
            }
        }
        flush(&mut run, &mut runs);
    }
    runs
}

/// Words that can stand next to each other in Japanese output without being English
/// sentences: format and command names.
fn english_left(text: &str) -> Vec<String> {
    const DATA: &[&str] = &["topocert check", "topocert plan", "topocert explain"];
    const COMMANDS: &[&str] = &["check", "list", "plan", "explain", "completions", "man"];
    english_runs(text)
        .into_iter()
        .filter(|r| !DATA.iter().any(|d| r.contains(d)))
        .filter(|r| !r.split(' ').all(|w| COMMANDS.contains(&w)))
        .collect()
}

#[test]
fn the_english_check_finds_english() {
    // The check below can fail: it finds the English report.
    let en = run(topocert().args(ENTERPRISE));
    assert!(english_left(&en.stdout).len() > 5, "{}", en.stdout);
    assert!(english_left("証明書 cert.pem の CN=Contoso Root CA, O=Contoso").is_empty());
}

fn assert_japanese(what: &str, text: &str) {
    assert!(has_japanese(text), "{what}: no Japanese:\n{text}");
    let left = english_left(text);
    assert!(left.is_empty(), "{what}: English left: {left:?}\n{text}");
}

#[test]
fn check_in_japanese() {
    for format in ["human", "short"] {
        let r = ja(&[ENTERPRISE, &["--format", format]].concat());
        assert_eq!(r.status, Some(1), "{format}: {}", r.stderr);
        assert_japanese(format, &r.stdout);
        insta::assert_snapshot!(format!("check_enterprise_{format}_ja"), r.stdout);
    }
    let r = ja(&[ENTERPRISE, &["--format", "html"]].concat());
    assert_eq!(r.status, Some(1));
    assert!(
        r.stdout.contains("<html lang=\"ja\""),
        "{}",
        &r.stdout[..200]
    );
    // The words a person reads: the text between tags, outside <style> and <script>.
    let mut html = r.stdout.clone();
    for tag in ["style", "script"] {
        while let Some(a) = html.find(&format!("<{tag}")) {
            let Some(b) = html[a..].find(&format!("</{tag}>")) else {
                break;
            };
            html.replace_range(a..a + b + tag.len() + 3, "");
        }
    }
    let text: String = html
        .split('<')
        .filter_map(|p| p.split_once('>').map(|(_, t)| t))
        .collect::<Vec<_>>()
        .join("\n");
    assert_japanese("html", &text);
    insta::assert_snapshot!("check_enterprise_html_ja", r.stdout);
}

#[test]
fn list_plan_and_explain_in_japanese() {
    let r = ja(&["list", "samples/enterprise/topology.xml"]);
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_japanese("list", &r.stdout);
    insta::assert_snapshot!("list_enterprise_ja", r.stdout);

    for format in ["human", "csv"] {
        let r = ja(&[
            "plan",
            "samples/enterprise/topology.xml",
            "--format",
            format,
        ]);
        assert_eq!(r.status, Some(0), "{format}: {}", r.stderr);
        assert_japanese(format, &r.stdout);
        insta::assert_snapshot!(format!("plan_enterprise_{format}_ja"), r.stdout);
    }

    let r = ja(&["explain", "--all"]);
    assert_eq!(r.status, Some(0));
    assert_japanese("explain --all", &r.stdout);
    insta::assert_snapshot!("explain_all_ja", r.stdout);
}

#[test]
fn exit_2_diagnostics_in_japanese() {
    for (name, args) in [
        (
            "missing_topology",
            &["check", "tests/data/topology/no-such-topology.xml"][..],
        ),
        (
            "truncated_topology",
            &["list", "tests/data/topology/bad/truncated-in-tag.xml"],
        ),
        (
            "bad_config",
            &[
                "check",
                "samples/enterprise/topology.xml",
                "--config",
                "tests/cmd/config/bad/unknown-level.toml",
            ],
        ),
        (
            "bad_valid_at",
            &[
                "check",
                "samples/enterprise/topology.xml",
                "--valid-at",
                "2026-13-45",
            ],
        ),
    ] {
        let r = ja(args);
        assert_eq!(r.status, Some(2), "{name}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{name}: {}", r.stdout);
        assert_japanese(name, &r.stderr);
        insta::assert_snapshot!(format!("exit2_{name}_ja"), r.stderr);
    }
}

#[test]
fn the_locale_chooses_japanese_for_people_and_english_for_machines() {
    let lang_ja = |args: &[&str]| run(topocert().env("LANG", "ja_JP.UTF-8").args(args));
    let human = lang_ja(ENTERPRISE);
    assert_japanese("LANG=ja human", &human.stdout);

    let json = lang_ja(&[ENTERPRISE, &["--format", "json"]].concat());
    let english = run(topocert().args([ENTERPRISE, &["--format", "json"]].concat()));
    assert_eq!(json.status, Some(1));
    assert_eq!(json.stdout, english.stdout, "the locale changed the JSON");
    assert!(!has_japanese(&json.stdout));

    // --lang ja asks for it: the messages are Japanese, the keys and codes are not.
    let asked = ja(&[ENTERPRISE, &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_str(&asked.stdout).unwrap();
    let e: serde_json::Value = serde_json::from_str(&english.stdout).unwrap();
    assert!(has_japanese(&asked.stdout));
    let codes = |v: &serde_json::Value| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes(&v), codes(&e));
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&v), keys(&e));

    for format in ["sarif", "github"] {
        let r = lang_ja(&[ENTERPRISE, &["--format", format]].concat());
        assert!(!has_japanese(&r.stdout), "{format}");
    }
    // LC_ALL wins over LANG.
    let c = run(topocert()
        .env("LANG", "ja_JP.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .args(ENTERPRISE));
    assert!(!has_japanese(&c.stdout), "{}", c.stdout);
}

/// Every exit-2 diagnostic the suite's fixtures and usage errors trigger, in
/// Japanese: every malformed topology, every bad config file, and the command
/// line's own refusals. Each says its reason in Japanese with no English sentence.
#[test]
fn every_exit_2_diagnostic_is_japanese() {
    let mut cases: Vec<Vec<String>> = Vec::new();
    let files = |dir: &str| {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path().to_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    for f in files("tests/data/topology/bad") {
        cases.push(vec!["list".into(), f]);
    }
    for f in files("tests/cmd/config/bad") {
        cases.push(
            ["check", "samples/enterprise/topology.xml", "--config", &f]
                .map(String::from)
                .to_vec(),
        );
    }
    let tb = "samples/enterprise/topology.xml";
    for args in [
        &["list", "tests/data/topology"][..],
        &["list", tb, "--max-input-size", "100"],
        &["check", tb, "--ca", "tests/data/topology/bad/binary.bin"],
        &["check", tb, "--ca", "samples/enterprise/no-such-ca.cer"],
        &[
            "check",
            tb,
            "--pfx-password-env",
            "TOPOCERT_TEST_UNSET_VARIABLE",
        ],
        &["check", tb, "--valid-at", "yesterday"],
        &["check", tb, "--output", tb],
        &["man", "no-such-command"],
    ] {
        cases.push(args.iter().map(|s| s.to_string()).collect());
    }
    assert!(cases.len() >= 30, "{}", cases.len());
    let mut failures = Vec::new();
    for args in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = ja(&args);
        if r.status != Some(2) {
            failures.push(format!("{args:?}: exit {:?}\n{}", r.status, r.stderr));
            continue;
        }
        // The first lines hold the message and the help: the source snippet in
        // between is the input's own text.
        let said: String = r
            .stderr
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                !(t.starts_with(|c: char| c.is_ascii_digit())
                    || t.starts_with('·')
                    || t.starts_with('╭')
                    || t.starts_with('╰'))
            })
            .collect::<Vec<_>>()
            .join("\n");
        if !has_japanese(&said) {
            failures.push(format!("{args:?}: no Japanese\n{}", r.stderr));
        }
        // One line, miette's wrapping undone; the TOML reader's own words about TOML
        // syntax are quoted as they are.
        let said = said
            .lines()
            .map(|l| l.trim().trim_start_matches('│').trim())
            .collect::<Vec<_>>()
            .join(" ")
            .replace("string values must be quoted, expected literal string", "");
        let left = english_left(&said);
        if !left.is_empty() {
            failures.push(format!("{args:?}: English left {left:?}\n{}", r.stderr));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
