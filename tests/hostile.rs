//! Hostile inputs through the binary: values from a topology, a certificate or a
//! file name never drive the terminal (no control character, C1 control or
//! bidirectional override reaches the output; only topocert's own colour codes are
//! written), never start a line that a CI runner reads as a workflow command, and
//! never become a spreadsheet formula in CSV.

mod common;

use std::path::PathBuf;

use assert_cmd::Command;
use common::{Out, run_cmd};

/// A SAN and CN that clear the screen and print a fake pass.
const SPOOF: &str = "\u{1b}[2J\u{1b}[H\u{1b}[32mNo findings: all certificates OK\u{1b}[8m";

/// A self-signed certificate (rcgen, ECDSA) with hostile names.
fn hostile_cert() -> String {
    let mut p = rcgen::CertificateParams::new(vec![SPOOF.to_string()]).unwrap();
    p.distinguished_name.push(
        rcgen::DnType::CommonName,
        rcgen::DnValue::Utf8String(SPOOF.into()),
    );
    p.distinguished_name.push(
        rcgen::DnType::OrganizationName,
        rcgen::DnValue::Utf8String("Evil\u{202e}\u{85}Corp\n::error::org".into()),
    );
    let key = rcgen::KeyPair::generate().unwrap();
    p.self_signed(&key).unwrap().pem()
}

/// The standard-edition sample with a hostile site name and server FQDN (through
/// character references, as a topology can carry them), and hostile certificate
/// files. Returns (dir, topology path, certs dir).
fn hostile_case(bad_fqdn: bool) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("samples/standard-edition/topology.xml").unwrap();
    let mut text = text.replace(
        "<Name>Seattle</Name>",
        "<Name>=Seattle&#10;::error::site&#x202E;&#133;</Name>",
    );
    if bad_fqdn {
        text = text.replace(
            "Machine OrdinalInCluster=\"1\" Fqdn=\"se01.litware.local\"",
            "Machine OrdinalInCluster=\"1\" Fqdn=\"se01.litware.local&#10;::add-mask::fqdn&#x2066;\"",
        );
    }
    let topology = dir.path().join("topology.xml");
    std::fs::write(&topology, text).unwrap();
    let certs = dir.path().join("certs");
    std::fs::create_dir(&certs).unwrap();
    let pem = hostile_cert();
    std::fs::write(certs.join("evil\n::error::file.cer"), &pem).unwrap();
    std::fs::write(certs.join("::add-mask::secret.pem"), &pem).unwrap();
    std::fs::write(certs.join("\u{1b}[31mred\u{202e}.crt"), &pem).unwrap();
    (dir, topology, certs)
}

fn topocert(args: &[&str]) -> Out {
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.args(args).env_remove("NO_COLOR");
    run_cmd(c)
}

/// Every escape sequence in `s` is one of topocert's colour codes: `ESC [ digits;… m`.
fn only_own_colour_codes(s: &str) -> bool {
    let mut rest = s;
    while let Some(i) = rest.find('\u{1b}') {
        let after = &rest[i + 1..];
        let Some(body) = after.strip_prefix('[') else {
            return false;
        };
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(body.len());
        if !body[end..].starts_with('m') {
            return false;
        }
        // topocert's palette: bold, reset, red/yellow/cyan and miette's theme.
        if body[..end] == *"8" || body[..end] == *"2J" {
            return false;
        }
        rest = &body[end..];
    }
    true
}

/// The contract for one text output.
fn assert_safe(what: &str, text: &str, colour: bool) {
    // CSV ends its rows with CRLF.
    let text = &text.replace("\r\n", "\n");
    if colour {
        assert!(
            only_own_colour_codes(text),
            "{what}: foreign escape\n{text:?}"
        );
    } else {
        assert!(!text.contains('\u{1b}'), "{what}: ESC in output\n{text:?}");
    }
    for c in text.chars() {
        let bad = (c.is_control() && !matches!(c, '\n' | '\u{1b}'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: {c:?} in output\n{text}");
    }
    for line in text.lines() {
        let t = line.trim_start();
        assert!(
            !t.starts_with("::") && !t.starts_with("##"),
            "{what}: line read as a workflow command: {line:?}"
        );
    }
}

#[test]
fn check_outputs_escape_certificate_and_topology_values() {
    let (_dir, topology, certs) = hostile_case(true);
    let (t, c) = (topology.to_str().unwrap(), certs.to_str().unwrap());
    for (format, colour) in [
        ("human", "never"),
        ("human", "always"),
        ("short", "never"),
        ("short", "always"),
    ] {
        let out = topocert(&[
            "check",
            t,
            "--certs",
            c,
            "--valid-at",
            "2026-06-01",
            "--format",
            format,
            "--color",
            colour,
        ]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        let what = format!("check --format {format} --color {colour}");
        assert_safe(&what, &out.stdout, colour == "always");
        assert_safe(&what, &out.stderr, false);
        // The values are shown, visibly escaped.
        assert!(out.stdout.contains("\\u{1b}[2J"), "{what}:\n{}", out.stdout);
        assert!(out.stdout.contains("\\n::error::file.cer"), "{what}");
        assert!(
            out.stdout.contains("\\n::add-mask::fqdn\\u{2066}"),
            "{what}"
        );
    }
}

#[test]
fn short_never_starts_a_line_with_a_file_name() {
    let (_dir, topology, certs) = hostile_case(true);
    // Relative paths, as a pre-commit hook passes them.
    let base = certs.parent().unwrap();
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.current_dir(base).args([
        "check",
        topology.file_name().unwrap().to_str().unwrap(),
        "--certs",
        "certs/::add-mask::secret.pem",
        "--valid-at",
        "2026-06-01",
        "--format",
        "short",
    ]);
    let out = run_cmd(c);
    assert_safe("short, relative", &out.stdout, false);
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.current_dir(certs.as_path()).args([
        "check",
        "../topology.xml",
        "--certs",
        "::add-mask::secret.pem",
        "--valid-at",
        "2026-06-01",
        "--format",
        "short",
    ]);
    let out = run_cmd(c);
    assert_safe("short, file name first", &out.stdout, false);
    assert!(
        out.stdout.contains("./::add-mask::secret.pem:1:1: "),
        "{}",
        out.stdout
    );
}

#[test]
fn list_and_plan_escape_topology_values() {
    for bad_fqdn in [false, true] {
        list_and_plan(bad_fqdn);
    }
}

fn list_and_plan(bad_fqdn: bool) {
    let (_dir, topology, _certs) = hostile_case(bad_fqdn);
    let t = topology.to_str().unwrap();
    let shown = if bad_fqdn {
        "::add-mask::fqdn\\u{2066}"
    } else {
        "::error::site\\u{202e}"
    };
    for args in [
        vec!["list", t, "--color", "never"],
        vec!["list", t, "--color", "always"],
        vec!["plan", t, "--color", "never"],
        vec!["plan", t, "--color", "always"],
        vec!["plan", t, "--format", "csv"],
    ] {
        let out = topocert(&args);
        let what = args.join(" ");
        assert!(out.code == 0 || out.code == 1, "{what}: {}", out.stderr);
        assert_safe(&what, &out.stdout, args.contains(&"always"));
        assert_safe(&what, &out.stderr, false);
        assert!(
            out.stdout.contains(shown) || out.stderr.contains(shown),
            "{what}:\n{}{}",
            out.stdout,
            out.stderr
        );
    }
}

#[test]
fn csv_cells_never_start_a_formula() {
    let (_dir, topology, _certs) = hostile_case(false);
    let out = topocert(&["plan", topology.to_str().unwrap(), "--format", "csv"]);
    let rows: Vec<&str> = out.stdout.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert!(rows.len() >= 2, "{}", out.stdout);
    for row in &rows[1..] {
        // The site column (third) was `=Seattle…`: shown as text.
        let site = row.split(',').nth(2).unwrap();
        assert!(site.starts_with("'=Seattle"), "{row}");
        for cell in row.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{row}");
        }
    }
}

#[test]
fn errors_on_stderr_are_escaped() {
    let out = topocert(&[
        "check",
        "no-such\n::error::topology\u{1b}[2J.xml",
        "--valid-at",
        "2026-06-01",
        "--color",
        "always",
    ]);
    assert_eq!(out.code, 2);
    assert_safe("error", &out.stderr, true);
    assert!(
        out.stderr.contains("\\n::error::topology\\u{1b}[2J.xml"),
        "{}",
        out.stderr
    );
    let out = topocert(&["check", "x.xml", "--ca", "bad\u{202e}\n##[error]ca.cer"]);
    assert_eq!(out.code, 2);
    assert_safe("error", &out.stderr, false);
}

#[test]
fn github_commands_are_ours_only() {
    let (_dir, topology, certs) = hostile_case(true);
    let out = topocert(&[
        "check",
        topology.to_str().unwrap(),
        "--certs",
        certs.to_str().unwrap(),
        "--valid-at",
        "2026-06-01",
        "--format",
        "github",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!out.stdout.contains('\u{1b}'), "{}", out.stdout);
    assert!(!out.stdout.contains('\u{202e}'), "{}", out.stdout);
    for line in out.stdout.lines() {
        assert!(
            ["::error ", "::warning ", "::notice "]
                .iter()
                .any(|p| line.starts_with(p)),
            "{line}"
        );
        // One command per line: the data part holds no other `::cmd` at a line start.
        assert!(!line.contains('\n'));
    }
    assert!(out.stdout.contains("\\u{1b}[2J"), "{}", out.stdout);
}

/// `certs/root -> /` does not walk the host: the link is reported (an unreadable
/// certificate, located at the link) and the run ends at once; with
/// `--follow-external-links` a link out to a folder of certificates is followed.
#[cfg(unix)]
#[test]
fn certs_links_out_of_the_tree_are_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let certs = dir.path().join("certs");
    std::fs::create_dir(&certs).unwrap();
    std::os::unix::fs::symlink("/", certs.join("root")).unwrap();
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("x.pem"), hostile_cert()).unwrap();
    std::os::unix::fs::symlink(&outside, certs.join("more")).unwrap();
    let run = |follow: bool| {
        let mut args = vec![
            "check",
            "samples/standard-edition/topology.xml",
            "--certs",
            certs.to_str().unwrap(),
            "--valid-at",
            "2026-06-01",
            "--format",
            "json",
        ];
        if follow {
            args.push("--follow-external-links");
        }
        let start = std::time::Instant::now();
        let out = topocert(&args);
        assert!(start.elapsed().as_secs() < 20, "walked the host");
        common::parse_json(&out.stdout)
    };
    let doc = run(false);
    let files: Vec<(String, String)> = doc["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().all(|(_, s)| s == "unreadable"), "{files:?}");
    let text = doc.to_string();
    assert!(text.contains("outside the --certs folders"), "{text}");
    std::fs::remove_file(certs.join("root")).unwrap();
    let doc = run(true);
    let paths: Vec<&str> = doc["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(paths[0].ends_with("more/x.pem"), "{paths:?}");
}

/// The chain list of the human report shows certificate subjects and file paths:
/// escaped like every other value (a self-signed hostile certificate given as the CA
/// makes a one-link chain whose subject is the hostile CN).
#[test]
fn chain_lists_escape_subjects_and_paths() {
    let (_dir, topology, certs) = hostile_case(false);
    let ca = certs.join("::add-mask::secret.pem");
    // Named after the server, so it is paired with it.
    std::fs::write(certs.join("se01.litware.local.cer"), hostile_cert()).unwrap();
    let (t, c, ca) = (
        topology.to_str().unwrap(),
        certs.to_str().unwrap(),
        ca.to_str().unwrap(),
    );
    for colour in ["never", "always"] {
        let out = topocert(&[
            "check",
            t,
            "--certs",
            c,
            "--ca",
            ca,
            "--valid-at",
            "2026-06-01",
            "--color",
            colour,
        ]);
        assert!(
            out.stdout.contains("Chains (server certificate first)"),
            "no chain list:\n{}",
            out.stdout
        );
        let what = format!("check --ca (hostile) --color {colour}");
        assert_safe(&what, &out.stdout, colour == "always");
        assert_safe(&what, &out.stderr, false);
    }
}
