//! Hostile input through the real entry points: random byte mutations and
//! truncations of the bundled samples never panic, and every failure is either a
//! finding or a located error; the same inputs give byte-identical output whatever
//! the thread count.

use std::path::Path;
use std::sync::Arc;

use assert_cmd::Command;
use proptest::prelude::*;
use topocert::certs::{LoadOptions, load_bytes};
use topocert::config::Config;
use topocert::source::SourceFile;

const TOPOLOGIES: &[&str] = &[
    "samples/standard-edition/topology.xml",
    "samples/enterprise/topology.xml",
    "samples/enterprise-utf16/topology.xml",
    "samples/multi-site/topology.xml",
    "samples/topology-builder/topology.tbxml",
];

const CERTS: &[&str] = &[
    "samples/enterprise/certs/fe01.contoso.local.cer",
    "samples/multi-site/certs/dub-fe01.fabrikam.local.cer",
    "samples/multi-site/certs/dub-fe02.fabrikam.local.p7b",
    "samples/topology-builder/certs/tbfe01.adatum.local.pfx",
    "tests/data/certs/formats/chain-pem.p7b",
    "tests/data/certs/formats/good-3des.pfx",
];

/// A mutation: overwrite, insert or delete bytes at a position, or truncate.
#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Set(i, b)),
        (
            any::<usize>(),
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 1..8),
                Just(b"<".to_vec()),
                Just(b"</Cluster>".to_vec()),
                Just(b"&lol;".to_vec()),
                Just(b"\"".to_vec()),
                Just(vec![0xD8, 0x00]),
                Just(vec![0x30, 0x80]),
            ]
        )
            .prop_map(|(i, v)| Edit::Insert(i, v)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            Edit::Set(i, b) => {
                if let Some(x) = bytes.get_mut(i % len) {
                    *x = *b;
                }
            }
            Edit::Insert(i, v) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, v.iter().copied());
            }
            Edit::Delete(i, n) => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Edit::Truncate(i) => bytes.truncate(i % len),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_topologies_parse_or_fail_located(
        which in 0..TOPOLOGIES.len(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let original = std::fs::read(TOPOLOGIES[which]).unwrap();
        let bytes = apply(original, &edits);
        match SourceFile::decode("mutated.xml", &bytes) {
            Err(e) => {
                // Decoding errors name the file and a line:column.
                let msg = e.to_string();
                prop_assert!(msg.starts_with("mutated.xml:"), "{}", msg);
            }
            Ok(src) => {
                let src = Arc::new(src);
                match topocert::topology::parse(&src) {
                    Err(e) => {
                        prop_assert!(e.span.start <= src.text().len() && e.span.end <= src.text().len());
                        prop_assert!(e.to_string().starts_with("mutated.xml:"), "{}", e);
                    }
                    Ok(t) => {
                        let roles = topocert::roles::resolve(&t);
                        let findings = topocert::check::topology_findings(&t, &roles);
                        for f in &findings {
                            for l in &f.labels {
                                if let topocert::rules::Place::Topology(span) = &l.place {
                                    prop_assert!(span.end <= src.text().len());
                                }
                            }
                        }
                        let json = topocert::report::json::render_list(&t, &roles, &findings);
                        prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
                        let human = topocert::report::human::render_list(&t, &roles, &findings, false);
                        prop_assert!(!human.is_empty());
                    }
                }
            }
        }
    }

    #[test]
    fn mutated_certificates_load_or_give_a_reason(
        which in 0..CERTS.len(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let original = std::fs::read(CERTS[which]).unwrap();
        let bytes = apply(original, &edits);
        let opts = LoadOptions { pfx_password: Some("topocert-sample".into()), ..LoadOptions::default() };
        match load_bytes("mutated", &bytes, &opts) {
            Ok(file) => {
                prop_assert!(file.leaf < file.certs.len());
                for c in &file.certs {
                    let s = topocert::certs::summary(c);
                    prop_assert!(s.fields.iter().all(|(_, r)| s.text.get(r.clone()).is_some()));
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn mutated_configs_parse_or_name_a_line(
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let original = std::fs::read("samples/enterprise/topocert.example.toml").unwrap();
        let bytes = apply(original, &edits);
        let Ok(text) = String::from_utf8(bytes) else { return Ok(()) };
        if let Err(e) = Config::parse(Path::new("mutated.toml"), text.clone()) {
            prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1, "{}", e);
            prop_assert!(e.to_string().starts_with("mutated.toml:"), "{}", e);
        }
    }
}

/// The same run with one thread and with several gives byte-identical output.
#[test]
fn output_does_not_depend_on_thread_count() {
    let args = [
        "check",
        "samples/enterprise/topology.xml",
        "--certs",
        "samples/enterprise/certs",
        "--certs",
        "tests/data/certs/formats",
        "--ca",
        "samples/enterprise/ca/internal-root.cer",
        "--valid-at",
        "2026-06-01",
        "--color",
        "never",
    ];
    for format in ["human", "short", "json", "sarif", "github", "html"] {
        let run = |threads: &str| {
            let out = Command::cargo_bin("topocert")
                .unwrap()
                .args(args)
                .args(["--format", format])
                .env("RAYON_NUM_THREADS", threads)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{format}");
            out.stdout
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(one, run("4"), "{format} differs between 1 and 4 threads");
        assert_eq!(
            one,
            run("0"),
            "{format} differs between 1 thread and the default"
        );
    }
}
