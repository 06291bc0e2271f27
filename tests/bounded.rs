//! Bounded resources, through the binary: a topology read from a device or a pipe
//! stops at `--max-input-size` (time and peak memory asserted), a config file is a
//! regular file of at most 4 MiB (a FIFO without a writer does not hang the run).

#![cfg(unix)]

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Exit status, stderr, wall time and peak resident memory (KiB) of one run.
struct Run {
    code: i32,
    stderr: String,
    elapsed: Duration,
    max_rss_kib: i64,
}

/// Run the binary and wait for it with `wait4`, which gives this child's own peak
/// memory (other tests' children run in parallel).
#[allow(clippy::zombie_processes)] // reaped by wait4 below
fn run(args: &[&str]) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_topocert"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).unwrap();
        s
    });
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child, not yet waited for; both pointers are valid.
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid);
    let elapsed = start.elapsed();
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    Run {
        code,
        stderr: reader.join().unwrap(),
        elapsed,
        max_rss_kib: usage.ru_maxrss,
    }
}

#[test]
fn dev_zero_stops_at_the_limit() {
    // The documented default, 512 MiB: refused after reading just past it.
    let r = run(&["list", "/dev/zero"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("holds more than 536870912 bytes"),
        "{}",
        r.stderr
    );
    assert!(r.elapsed < Duration::from_secs(60), "{:?}", r.elapsed);
    assert!(r.max_rss_kib < 1_200_000, "{} KiB", r.max_rss_kib);
    // A small limit: a small footprint.
    for cmd in ["list", "plan", "check"] {
        let r = run(&[cmd, "/dev/zero", "--max-input-size", "1000000"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains("holds more than 1000000 bytes"),
            "{}",
            r.stderr
        );
        assert!(r.elapsed < Duration::from_secs(20), "{:?}", r.elapsed);
        assert!(r.max_rss_kib < 100_000, "{cmd}: {} KiB", r.max_rss_kib);
    }
}

fn mkfifo(path: &std::path::Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success());
}

#[test]
fn an_endless_pipe_stops_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("topology.xml");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            f.write_all(b"<Topology>").unwrap();
            let chunk = vec![b' '; 1 << 16];
            // Until the reader goes away (EPIPE).
            while f.write_all(&chunk).is_ok() {}
        })
    };
    let r = run(&[
        "list",
        fifo.to_str().unwrap(),
        "--max-input-size",
        "5000000",
    ]);
    writer.join().unwrap();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("holds more than 5000000 bytes"),
        "{}",
        r.stderr
    );
    assert!(r.elapsed < Duration::from_secs(20), "{:?}", r.elapsed);
    assert!(r.max_rss_kib < 150_000, "{} KiB", r.max_rss_kib);
}

#[test]
fn config_is_a_small_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("topocert.toml");
    mkfifo(&fifo);
    // No writer ever opens it: the run must not wait for one.
    let r = run(&[
        "check",
        "samples/standard-edition/topology.xml",
        "--config",
        fifo.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    assert!(r.elapsed < Duration::from_secs(20), "{:?}", r.elapsed);
    let r = run(&[
        "check",
        "samples/standard-edition/topology.xml",
        "--config",
        "/dev/zero",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    let big = dir.path().join("big.toml");
    let mut text = String::from("[rules]\n");
    text.push_str(&"# padding\n".repeat(420_000));
    std::fs::write(&big, text).unwrap();
    let r = run(&[
        "check",
        "samples/standard-edition/topology.xml",
        "--config",
        big.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("larger than the 4194304-byte limit"),
        "{}",
        r.stderr
    );
    assert!(r.max_rss_kib < 100_000, "{} KiB", r.max_rss_kib);
}

/// Certificates of a check in JSON: (path, status, error).
fn check_files(
    certs: &std::path::Path,
    env: Option<(&str, &str)>,
) -> (Vec<(String, String, String)>, Duration) {
    let start = Instant::now();
    let mut c = Command::new(env!("CARGO_BIN_EXE_topocert"));
    c.args([
        "check",
        "samples/standard-edition/topology.xml",
        "--certs",
        certs.to_str().unwrap(),
        "--valid-at",
        "2026-06-01",
        "--format",
        "json",
    ]);
    if let Some((var, value)) = env {
        c.env(var, value).args(["--pfx-password-env", var]);
    }
    let out = c.output().unwrap();
    let took = start.elapsed();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let files = doc["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap_or("").to_string(),
                c["status"].as_str().unwrap_or("").to_string(),
                c["error"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    (files, took)
}

/// 200 PKCS#12 files of 1,000,000 iterations each (3,000,000 per password tried)
/// took 55 s: the run's budget of 20,000,000 iterations opens the first few and
/// names the budget for the others.
#[test]
fn pkcs12_key_derivation_has_a_budget_per_run() {
    let dir = tempfile::tempdir().unwrap();
    let pfx = std::fs::read("tests/data/certs/kdf/million.pfx").unwrap();
    for i in 0..200 {
        std::fs::write(dir.path().join(format!("f{i:03}.pfx")), &pfx).unwrap();
    }
    let (files, took) = check_files(dir.path(), Some(("TOPOCERT_TEST_PFX", "topocert")));
    assert_eq!(files.len(), 200);
    let opened = files.iter().filter(|f| f.1 != "unreadable").count();
    assert!((1..=6).contains(&opened), "{opened} opened");
    let spent = files
        .iter()
        .filter(|f| {
            f.2.contains("key-derivation budget of 20000000 iterations is spent")
        })
        .count();
    assert_eq!(opened + spent, 200, "{files:?}");
    assert!(took < Duration::from_secs(60), "{took:?}");
}

/// No password given: a file whose empty-password guess would cost more than the
/// small guessing budget is not tried, and says it needs a password; given as the
/// empty string, it opens.
#[test]
fn a_costly_empty_password_is_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/data/certs/kdf/nopass-costly.pfx",
        dir.path().join("costly.pfx"),
    )
    .unwrap();
    let (files, took) = check_files(dir.path(), None);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].1, "unreadable");
    assert!(files[0].2.contains("it needs a password"), "{files:?}");
    assert!(took < Duration::from_secs(10), "{took:?}");
    let (files, _) = check_files(dir.path(), Some(("TOPOCERT_TEST_PFX", "")));
    assert_ne!(files[0].1, "unreadable", "{files:?}");
}
