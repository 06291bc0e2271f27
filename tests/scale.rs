//! Nothing quadratic, at the sizes the hostile-input review used: `plan` with
//! 200,000 machines in one pool, `--format html` with 60,000 servers, and 20,000
//! `[[ignore]]` entries over 60,000 findings. Each run has a generous time bound
//! (a quadratic pass took minutes at these sizes; a linear one takes seconds, even
//! in a debug build on a busy machine).

use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// The standard-edition sample with its one Front End pool holding `n` machines.
fn pool_topology(dir: &Path, n: usize) -> String {
    let text = std::fs::read_to_string("samples/standard-edition/topology.xml").unwrap();
    let machine = "<Machine OrdinalInCluster=\"1\" Fqdn=\"se01.litware.local\"";
    let start = text.find(machine).unwrap();
    let end = start + text[start..].find("</Machine>").unwrap() + "</Machine>".len();
    let mut out = String::with_capacity(text.len() + n * 64);
    out.push_str(&text[..start]);
    for k in 0..n {
        out.push_str(&format!(
            "<Machine OrdinalInCluster=\"{}\" Fqdn=\"m{k}.litware.local\" />\n",
            k + 1
        ));
    }
    out.push_str(&text[end..]);
    let out = out.replacen(
        "Fqdn=\"se01.litware.local\">",
        "Fqdn=\"pool.litware.local\">",
        1,
    );
    let path = dir.join(format!("pool-{n}.xml"));
    std::fs::write(&path, out).unwrap();
    path.to_str().unwrap().to_string()
}

fn timed(args: &[&str]) -> (std::process::Output, Duration) {
    let start = Instant::now();
    let out = Command::cargo_bin("topocert")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (out, start.elapsed())
}

#[test]
fn plan_of_200000_machines_in_one_pool() {
    let dir = tempfile::tempdir().unwrap();
    let t = pool_topology(dir.path(), 200_000);
    let (out, took) = timed(&["plan", &t, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let rows = out.stdout.iter().filter(|b| **b == b'\n').count();
    assert_eq!(rows, 200_001);
    assert!(took < Duration::from_secs(150), "{took:?}");
}

#[test]
fn html_of_60000_servers() {
    let dir = tempfile::tempdir().unwrap();
    let t = pool_topology(dir.path(), 60_000);
    let html = dir.path().join("report.html");
    let (out, took) = timed(&[
        "check",
        &t,
        "--valid-at",
        "2026-06-01",
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("m59999.litware.local"));
    assert!(took < Duration::from_secs(150), "{took:?}");
}

#[test]
fn twenty_thousand_ignores_over_sixty_thousand_findings() {
    let dir = tempfile::tempdir().unwrap();
    let t = pool_topology(dir.path(), 60_000);
    let mut config = String::new();
    for k in 0..20_000 {
        config.push_str(&format!(
            "[[ignore]]\ncode = \"missing-certificate\"\nserver = \"M{k}.litware.local\"\nreason = \"planned for the next change window\"\n\n"
        ));
    }
    let cfg = dir.path().join("topocert.toml");
    std::fs::write(&cfg, config).unwrap();
    let (out, took) = timed(&[
        "check",
        &t,
        "--config",
        cfg.to_str().unwrap(),
        "--valid-at",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Every suppression matched one server (case-insensitively): 40,000 remain.
    assert_eq!(doc["summary"]["errors"], 40_000);
    assert_eq!(doc["summary"]["warnings"], 0);
    assert!(took < Duration::from_secs(60), "{took:?}");
}
