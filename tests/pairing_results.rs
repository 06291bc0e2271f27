//! Pairing results, through the binary: identical certificates in two files are
//! one contender; an orphan without a DNS name says so; an ambiguous group of certificates is
//! listed once, so the report stays linear in servers plus files.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::{parse_json, run_cmd};

const SE: &str = "samples/standard-edition";

fn check(topology: &str, certs: &Path) -> (i32, serde_json::Value) {
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.args([
        "check",
        topology,
        "--certs",
        certs.to_str().unwrap(),
        "--ca",
        &format!("{SE}/ca/internal-root.cer"),
        "--valid-at",
        "2026-06-01",
        "--format",
        "json",
    ]);
    let out = run_cmd(c);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    (out.code, parse_json(&out.stdout))
}

fn findings<'a>(doc: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

fn status(doc: &serde_json::Value, file: &str) -> String {
    doc["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("{file}: {doc}"))["status"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A self-signed certificate (rcgen) with these DNS names, PEM.
fn cert(names: &[&str]) -> String {
    let p = rcgen::CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .unwrap();
    p.self_signed(&rcgen::KeyPair::generate().unwrap())
        .unwrap()
        .pem()
}

#[test]
fn identical_certificates_are_one_contender() {
    let dir = tempfile::tempdir().unwrap();
    let pem = std::fs::read(format!("{SE}/certs/se01.litware.local.cer")).unwrap();
    std::fs::write(dir.path().join("se01.litware.local.cer"), &pem).unwrap();
    std::fs::create_dir(dir.path().join("backup")).unwrap();
    std::fs::write(dir.path().join("backup/copy.pem"), &pem).unwrap();
    let plain = check(
        &format!("{SE}/topology.xml"),
        Path::new(&format!("{SE}/certs")),
    );
    let (code, doc) = check(&format!("{SE}/topology.xml"), dir.path());
    assert!(findings(&doc, "ambiguous-certificate").is_empty(), "{doc}");
    assert!(findings(&doc, "orphan-certificate").is_empty(), "{doc}");
    assert_eq!(code, plain.0);
    assert_eq!(status(&doc, "se01.litware.local.cer"), "used");
    assert_eq!(status(&doc, "backup/copy.pem"), "used");
    let chosen = doc["servers"][0]["certificate"].as_str().unwrap();
    assert!(chosen.ends_with("se01.litware.local.cer"), "{chosen}");
}

#[test]
fn orphans_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let pem = std::fs::read(format!("{SE}/certs/se01.litware.local.cer")).unwrap();
    std::fs::write(dir.path().join("se01.litware.local.cer"), &pem).unwrap();
    // Also names se01, but the file name settles it for the other one.
    std::fs::write(dir.path().join("other.pem"), cert(&["se01.litware.local"])).unwrap();
    // IP address only.
    let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    p.subject_alt_names = vec![rcgen::SanType::IpAddress("10.0.0.1".parse().unwrap())];
    let ip_only = p
        .self_signed(&rcgen::KeyPair::generate().unwrap())
        .unwrap()
        .pem();
    std::fs::write(dir.path().join("ip-only.pem"), ip_only).unwrap();
    let (_, doc) = check(&format!("{SE}/topology.xml"), dir.path());
    let orphans: Vec<&str> = findings(&doc, "orphan-certificate")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    // other.pem names se01 but lost the tie to the file named after it: it is
    // context (evidence of the internal CA), not an orphan.
    assert_eq!(orphans.len(), 1, "{orphans:?}");
    assert_eq!(status(&doc, "other.pem"), "context");
    assert!(
        orphans
            .iter()
            .any(|m| m.contains("ip-only.pem") && m.ends_with("its SAN has no DNS name")),
        "{orphans:?}"
    );
    assert!(
        !orphans.iter().any(|m| m.contains("(names: )")),
        "{orphans:?}"
    );
}

/// The standard-edition sample with `n` machines in its Front End pool.
fn pool_topology(dir: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(format!("{SE}/topology.xml")).unwrap();
    let machine = "<Machine OrdinalInCluster=\"1\" Fqdn=\"se01.litware.local\"";
    let start = text.find(machine).unwrap();
    let end = start + text[start..].find("</Machine>").unwrap() + "</Machine>".len();
    let mut out = text[..start].to_string();
    for k in 0..n {
        out.push_str(&format!(
            "<Machine OrdinalInCluster=\"{}\" Fqdn=\"m{k}.litware.local\" />\n",
            k + 1
        ));
    }
    out.push_str(&text[end..]);
    let path = dir.join("topology.xml");
    std::fs::write(&path, out).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn an_ambiguous_group_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    let (servers, certs) = (6_000, 50);
    let t = pool_topology(dir.path(), servers);
    let cdir = dir.path().join("certs");
    std::fs::create_dir(&cdir).unwrap();
    for i in 0..certs {
        std::fs::write(
            cdir.join(format!("wild-{i:03}.pem")),
            cert(&["*.litware.local"]),
        )
        .unwrap();
    }
    // And 100 copies of one more: they add no contender.
    let one = cert(&["*.litware.local"]);
    for i in 0..100 {
        std::fs::write(cdir.join(format!("copy-{i:03}.pem")), &one).unwrap();
    }
    let start = Instant::now();
    let (code, doc) = check(&t, &cdir);
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(code, 1);
    let amb = findings(&doc, "ambiguous-certificate");
    assert_eq!(amb.len(), servers);
    let full: Vec<&&serde_json::Value> = amb
        .iter()
        .filter(|f| f["message"].as_str().unwrap().contains("wild-000.pem"))
        .collect();
    assert_eq!(full.len(), 1, "the contenders are listed once");
    let m = full[0]["message"].as_str().unwrap();
    assert!(
        m.starts_with(&format!("{} certificates claim ", certs + 1)),
        "{m}"
    );
    assert!(
        m.contains(&format!("(and {} other servers)", servers - 1)),
        "{m}"
    );
    assert!(m.ends_with(" and 31 more"), "{m}");
    // Linear: every message is short, whatever the number of contenders.
    let total: usize = amb
        .iter()
        .map(|f| f["message"].as_str().unwrap().len())
        .sum();
    assert!(total < servers * 120 + 4_000, "{total} bytes of messages");
}

/// 500 copies of one wildcard certificate over 20,000 servers (60,000 x 500 took
/// 4.3 GB and wrote 1.6 GB of JSON): one contender, every copy used, and the report
/// linear in servers plus files.
#[test]
fn copies_of_one_wildcard_stay_linear() {
    let dir = tempfile::tempdir().unwrap();
    let servers = 20_000;
    let t = pool_topology(dir.path(), servers);
    let cdir = dir.path().join("certs");
    std::fs::create_dir(&cdir).unwrap();
    let one = cert(&["*.litware.local"]);
    for i in 0..500 {
        std::fs::write(cdir.join(format!("w{i:03}.pem")), &one).unwrap();
    }
    let start = Instant::now();
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.args([
        "check",
        &t,
        "--certs",
        cdir.to_str().unwrap(),
        "--valid-at",
        "2026-06-01",
        "--format",
        "json",
    ]);
    let out = run_cmd(c);
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
    assert!(
        out.stdout.len() < servers * 4_000,
        "{} bytes of JSON",
        out.stdout.len()
    );
    let doc = parse_json(&out.stdout);
    assert!(findings(&doc, "ambiguous-certificate").is_empty());
    let files = doc["certificates"].as_array().unwrap();
    assert_eq!(files.len(), 500);
    assert!(
        files.iter().all(|f| f["status"] == "used"),
        "every copy is used"
    );
}
