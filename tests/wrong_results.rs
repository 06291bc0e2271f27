//! Results that were wrong, through the binary: the absolute FQDN form
//! (`se01.litware.local.`) is a valid name; labels beginning or ending with `-` are
//! not; a character reference to a character XML forbids (`&#0;`) is named as such;
//! raw control bytes are an XML error at their position.

mod common;

use assert_cmd::Command;
use common::{Out, parse_json, run_cmd};

fn topology_with(dir: &std::path::Path, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string("samples/standard-edition/topology.xml").unwrap();
    assert!(text.contains(from), "{from}");
    let path = dir.join("topology.xml");
    std::fs::write(&path, text.replace(from, to)).unwrap();
    path.to_str().unwrap().to_string()
}

fn topocert(args: &[&str]) -> Out {
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.args(args).env("NO_COLOR", "1");
    run_cmd(c)
}

fn check_json(topology: &str) -> (i32, serde_json::Value) {
    let out = topocert(&[
        "check",
        topology,
        "--certs",
        "samples/standard-edition/certs",
        "--ca",
        "samples/standard-edition/ca/internal-root.cer",
        "--valid-at",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    (out.code, parse_json(&out.stdout))
}

fn codes(doc: &serde_json::Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

const MACHINE: &str = "Machine OrdinalInCluster=\"1\" Fqdn=\"se01.litware.local\"";

#[test]
fn the_absolute_form_of_an_fqdn_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let plain = check_json("samples/standard-edition/topology.xml");
    let t = topology_with(
        dir.path(),
        MACHINE,
        "Machine OrdinalInCluster=\"1\" Fqdn=\"se01.litware.local.\"",
    );
    let (code, doc) = check_json(&t);
    assert!(!codes(&doc).contains(&"invalid-fqdn".to_string()), "{doc}");
    assert_eq!(code, plain.0);
    assert_eq!(codes(&doc), codes(&plain.1));
    assert_eq!(doc["servers"][0]["fqdn"], "se01.litware.local");
}

#[test]
fn labels_beginning_or_ending_with_a_hyphen_are_invalid() {
    for bad in ["-se01.litware.local", "se01-.litware.local"] {
        let dir = tempfile::tempdir().unwrap();
        let t = topology_with(
            dir.path(),
            MACHINE,
            &format!("Machine OrdinalInCluster=\"1\" Fqdn=\"{bad}\""),
        );
        let (code, doc) = check_json(&t);
        assert_eq!(code, 1);
        let f = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "invalid-fqdn")
            .unwrap_or_else(|| panic!("{bad}: {doc}"));
        assert!(f["message"].as_str().unwrap().contains("hyphen"), "{f}");
    }
}

/// `list` stops with exit 2 and a located message naming the problem.
fn rejected(topology: &str) -> String {
    let out = topocert(&["list", topology, "--color", "never"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stdout.is_empty());
    out.stderr
}

#[test]
fn forbidden_character_references_are_named() {
    for (reference, shown) in [
        ("&#0;", "stands for U+0000, a character XML forbids"),
        ("&#x1B;", "stands for U+001B, a character XML forbids"),
        ("&#xZZ;", "is not a valid character number"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        // In text and in an attribute value.
        for (from, to) in [
            (
                "<Name>Seattle</Name>",
                format!("<Name>Sea{reference}ttle</Name>"),
            ),
            (
                MACHINE,
                format!("Machine OrdinalInCluster=\"1\" Fqdn=\"se01{reference}.litware.local\""),
            ),
        ] {
            let t = topology_with(dir.path(), from, &to);
            let err = rejected(&t);
            let flat = err
                .replace('│', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains(&format!("the character reference `{reference}` {shown}")),
                "{err}"
            );
            assert!(!err.contains("five XML entities"), "{err}");
        }
    }
}

#[test]
fn raw_control_bytes_are_an_xml_error_at_their_position() {
    let dir = tempfile::tempdir().unwrap();
    let t = topology_with(
        dir.path(),
        "<Name>Seattle</Name>",
        "<Name>Sea\u{1b}[2Jttle</Name>",
    );
    let err = rejected(&t);
    assert!(
        err.contains("topology.xml:7:16: the control character U+001B is not allowed in XML"),
        "{err}"
    );
    // The snippet shows the byte, masked: no ESC reaches the terminal.
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let t = topology_with(
        dir.path(),
        "<Name>Seattle</Name>",
        "<Name>Sea\u{0}ttle</Name>",
    );
    assert!(rejected(&t).contains("U+0000 is not allowed"));
}
