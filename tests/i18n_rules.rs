//! The acceptance test for the findings: every code fires on its case of
//! tests/codes.rs, in English and then in Japanese, and every message, help and
//! label of the finding is checked. The English texts must stay what they were (a
//! snapshot taken before the texts moved to locales/*/rules.ftl); the Japanese ones
//! must contain Japanese and no English left once the input values (paths, FQDNs,
//! DNs, serials) are taken out.
//!
//! `check` runs in-process so the labels can be read: the language is a process
//! global, so this file holds exactly ONE test (a test binary with one test cannot
//! race with another).

#[path = "common/codes.rs"]
mod cases;
mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use topocert::check::{self, CheckOptions};
use topocert::config::Config;
use topocert::i18n::{self, Lang};
use topocert::rules::{Code, Finding};

/// Run `check` on the fire case of `code`; the findings of that code (and the
/// paths to take out of their texts).
fn fire(code: Code) -> (Vec<Finding>, Vec<String>) {
    let (case, _) = cases::cases(code);
    let run = cases::prepare(&case);
    let config = Config::load(&run.config).unwrap();
    let mut certs = run.certs.clone();
    for p in config.manifest_paths() {
        if !certs.iter().any(|c| c == p) {
            certs.push(p.to_path_buf());
        }
    }
    let probe = (!run.connect.is_empty()).then(|| topocert::probe::ProbeOptions {
        connect: run.connect.iter().map(|c| c.parse().unwrap()).collect(),
        timeout: Duration::from_secs(5),
        ..Default::default()
    });
    let opts = CheckOptions {
        certs,
        ca: run.ca.iter().cloned().collect(),
        valid_at: topocert::cli::parse_valid_at("2026-06-01").unwrap(),
        pfx_password: None,
        config,
        max_input_size: topocert::source::DEFAULT_MAX_INPUT_SIZE,
        max_cert_files: check::DEFAULT_MAX_CERT_FILES,
        probe,
        follow_external_links: false,
    };
    let report = check::check(&run.topology, &opts).unwrap();
    let mut values: Vec<String> = vec![
        path_text(run.dir.path()),
        path_text(&std::env::current_dir().unwrap()),
    ];
    // The probed addresses, then their ports (in `tls://FQDN:PORT`).
    for c in &run.connect {
        if let Some((_, addr)) = c.split_once('=') {
            values.push(addr.to_string());
            if let Some((_, port)) = addr.rsplit_once(':') {
                values.push(port.to_string());
            }
        }
    }
    // The serials of the files (a probed certificate's is random).
    values.extend(
        report
            .files
            .iter()
            .filter_map(|f| Some(f.leaf()?.info.serial_hex.clone())),
    );
    let findings = report
        .findings
        .into_iter()
        .filter(|f| f.code == code)
        .collect();
    (findings, values)
}

fn path_text(p: &Path) -> String {
    PathBuf::from(p).display().to_string()
}

/// The texts of a finding: ("message" | "help" | "label", text).
fn texts(f: &Finding) -> Vec<(&'static str, &str)> {
    let mut out = vec![("message", f.message.as_str()), ("help", f.help.as_str())];
    out.extend(f.labels.iter().map(|l| ("label", l.text.as_str())));
    out
}

fn redact(text: &str, values: &[String]) -> String {
    let mut s = text.to_string();
    // Longer values first: an address before its port.
    let mut values: Vec<&String> = values.iter().filter(|v| !v.is_empty()).collect();
    values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    for v in values {
        s = s.replace(v.as_str(), "<value>");
    }
    s
}

/// English left by the other parts of the crate (not this catalogue's): phrases
/// their code gives the rules as arguments. Taken out before the check below; each
/// becomes Japanese with its own catalogue (names.rs: plan.ftl, certificate loading
/// and the probe: errors.ftl, the default domain note: errors.ftl).
/// `*` stands for one input value (a run of non-blank characters).
const FOREIGN: &[&str] = &[];

/// `text` without the matches of `pattern` (`*`: one run of non-blank characters).
fn remove_pattern(text: &str, pattern: &str) -> String {
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut out = String::new();
    let mut rest = text;
    'search: while let Some(start) = rest.find(parts[0]) {
        let mut at = start + parts[0].len();
        for part in &parts[1..] {
            let blank = rest[at..]
                .find(|c: char| c.is_whitespace() || c == ')' || c == ',')
                .unwrap_or(rest.len() - at);
            if part.is_empty() {
                // A value at the end of the pattern runs to a blank, `)` or `,`.
                if blank == 0 {
                    out.push_str(&rest[..start + parts[0].len()]);
                    rest = &rest[start + parts[0].len()..];
                    continue 'search;
                }
                at += blank;
                continue;
            }
            // The value runs up to the next part (or the next blank).
            let end = match rest[at..].find(part) {
                Some(i) if i > 0 && (i <= blank || part.starts_with(')')) => at + i,
                _ => {
                    out.push_str(&rest[..start + parts[0].len()]);
                    rest = &rest[start + parts[0].len()..];
                    continue 'search;
                }
            };
            at = end + part.len();
        }
        out.push_str(&rest[..start]);
        out.push(' ');
        rest = &rest[at..];
    }
    out.push_str(rest);
    out
}

/// Product names, never translated (locales/glossary.md).
const NAMES: &[&str] = &["Skype for Business Server"];

/// Words of 3+ lowercase letters a Japanese text may hold outside `code` spans.
const ALLOWED: &[&str] = &["check", "probe"];

/// Why `text` still reads as English, if it does.
fn english_left(text: &str, values: &[String]) -> Option<String> {
    let mut s = redact(text, values);
    for f in FOREIGN.iter().chain(NAMES) {
        s = remove_pattern(&s, f);
    }

    // `code` spans and tokens that are values (names with dots, DNs, paths, options,
    // numbers) stay as they are.
    let mut plain = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
        }
        plain.push(' ');
    }
    let words: Vec<&str> = plain
        .split(|c: char| c.is_whitespace() || !c.is_ascii())
        .filter(|t| {
            !t.is_empty()
                && !t.contains(|c: char| {
                    matches!(
                        c,
                        '.' | '=' | '/' | '\\' | '<' | '>' | '-' | '[' | ']' | '_'
                    ) || c.is_ascii_digit()
                })
        })
        .map(|t| t.trim_matches(|c: char| !c.is_ascii_alphabetic()))
        .collect();
    let has_japanese = s
        .chars()
        .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c));
    // A text made of values only (`NAME: reason` once the reason is taken out) has
    // nothing to translate; any other text must be Japanese.
    if !has_japanese && words.iter().any(|w| w.len() >= 2) {
        return Some("no Japanese".into());
    }
    let lower = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase());
    for pair in words.windows(2) {
        if lower(pair[0]) && lower(pair[1]) {
            return Some(format!("English words `{} {}`", pair[0], pair[1]));
        }
    }
    words
        .iter()
        .find(|w| w.len() >= 3 && lower(w) && !ALLOWED.contains(w))
        .map(|w| format!("English word `{w}`"))
}

#[test]
fn every_code_speaks_english_as_before_and_japanese_under_ja() {
    // English: the texts of every code's fire case, as they were.
    let mut english = String::new();
    for code in Code::ALL {
        let (findings, values) = fire(*code);
        assert!(!findings.is_empty(), "{code} did not fire");
        for f in &findings {
            writeln!(english, "{code}").unwrap();
            for (what, text) in texts(f) {
                writeln!(english, "  {what}: {}", redact(text, &values)).unwrap();
            }
        }
    }
    insta::assert_snapshot!("english_findings", english);

    // Japanese: every text has Japanese and no English left.
    i18n::set(Lang::Ja);
    let mut left = Vec::new();
    let mut shown = String::new();
    for code in Code::ALL {
        let (findings, values) = fire(*code);
        assert!(!findings.is_empty(), "{code} did not fire");
        for f in &findings {
            for (what, text) in texts(f) {
                writeln!(shown, "{code} {what}: {}", redact(text, &values)).unwrap();
                if let Some(why) = english_left(text, &values) {
                    left.push(format!("{code} {what}: {why}: {text}"));
                }
            }
        }
    }
    i18n::set(Lang::En);
    assert!(
        left.is_empty(),
        "English left under --lang ja:\n{}\n\nall texts:\n{shown}",
        left.join("\n")
    );
}
