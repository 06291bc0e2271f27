//! `--output` never destroys what the run reads or what is not a file: an output
//! path that is one of the run's inputs (by path or by device and inode) is
//! refused, a device or FIFO is written into instead of renamed over, `-` is
//! standard output, and a regular file is still replaced atomically.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{Out, run_cmd};

/// A copy of the enterprise sample (topology, certs, CA, config) in a temporary
/// directory.
fn sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    for sub in ["certs", "ca"] {
        std::fs::create_dir(root.join(sub)).unwrap();
        for e in std::fs::read_dir(Path::new("samples/enterprise").join(sub)).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), root.join(sub).join(e.file_name())).unwrap();
        }
    }
    std::fs::copy("samples/enterprise/topology.xml", root.join("topology.xml")).unwrap();
    std::fs::copy(
        "samples/enterprise/topocert.example.toml",
        root.join("topocert.toml"),
    )
    .unwrap();
    (dir, root)
}

fn check(root: &Path, output: &str) -> Out {
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.current_dir(root).args([
        "check",
        "topology.xml",
        "--certs",
        "certs",
        "--ca",
        "ca/internal-root.cer",
        "--config",
        "topocert.toml",
        "--valid-at",
        "2026-06-01",
        "--format",
        "json",
        "--output",
        output,
    ]);
    run_cmd(c)
}

#[test]
fn an_input_is_never_the_output() {
    let (_dir, root) = sample();
    std::fs::hard_link(root.join("topology.xml"), root.join("alias.xml")).unwrap();
    std::os::unix::fs::symlink("ca/internal-root.cer", root.join("root-link.cer")).unwrap();
    for output in [
        "topology.xml",
        "./topology.xml",
        "alias.xml",
        "ca/internal-root.cer",
        "root-link.cer",
        "topocert.toml",
        "certs/fe01.contoso.local.cer",
        "certs/../certs/fe02.contoso.local.cer",
    ] {
        let before: Vec<Vec<u8>> = ["topology.xml", "ca/internal-root.cer", "topocert.toml"]
            .iter()
            .chain(&[
                "certs/fe01.contoso.local.cer",
                "certs/fe02.contoso.local.cer",
            ])
            .map(|p| std::fs::read(root.join(p)).unwrap())
            .collect();
        let out = check(&root, output);
        assert_eq!(out.code, 2, "{output}: {}", out.stderr);
        let flat = out
            .stderr
            .replace('│', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat.contains("an input of this run; nothing was written"),
            "{output}: {}",
            out.stderr
        );
        let after: Vec<Vec<u8>> = ["topology.xml", "ca/internal-root.cer", "topocert.toml"]
            .iter()
            .chain(&[
                "certs/fe01.contoso.local.cer",
                "certs/fe02.contoso.local.cer",
            ])
            .map(|p| std::fs::read(root.join(p)).unwrap())
            .collect();
        assert!(before == after, "{output}: an input changed");
    }
    // list: the topology is its input.
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.current_dir(&root)
        .args(["list", "topology.xml", "-o", "alias.xml"]);
    let out = run_cmd(c);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn regular_files_are_still_replaced() {
    let (_dir, root) = sample();
    std::fs::write(root.join("report.json"), "old").unwrap();
    let out = check(&root, "report.json");
    assert_eq!(out.code, 1, "{}", out.stderr);
    let text = std::fs::read_to_string(root.join("report.json")).unwrap();
    assert!(text.starts_with('{'), "{text}");
}

#[test]
fn devices_are_written_into_not_replaced() {
    let (_dir, root) = sample();
    let out = check(&root, "/dev/null");
    assert_eq!(out.code, 1, "{}", out.stderr);
    let m = std::fs::metadata("/dev/null").unwrap();
    use std::os::unix::fs::FileTypeExt;
    assert!(m.file_type().is_char_device());
}

#[test]
fn a_fifo_is_written_into() {
    let (_dir, root) = sample();
    let fifo = root.join("report.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = check(&root, "report.fifo");
    assert_eq!(out.code, 1, "{}", out.stderr);
    let got = reader.join().unwrap();
    assert!(got.contains("\"findings\""), "{got}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // Nothing else was left in the directory.
    let names: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".topocert"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn dash_is_standard_output() {
    let (_dir, root) = sample();
    let out = check(&root, "-");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.starts_with('{'), "{}", out.stdout);
    assert!(!root.join("-").exists());
}
