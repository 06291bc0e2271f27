//! The command line's own texts: the English catalogue (locales/en/cli.ftl) says what
//! the clap definitions say, so every command, option and value has its Japanese text;
//! `--help` in Japanese leaves no English behind; the environment's locale chooses the
//! language of what a person reads, never of a machine-readable document.

use std::collections::BTreeMap;

mod common;

use assert_cmd::Command;
use topocert::cli::help;
use topocert::i18n::{Lang, message_in};

/// Every text of the English clap command, by the catalogue id it must have:
/// (id, clap's text). Options shared by several commands with the same text use the
/// shared id `cli-arg-<option>`, as the generator below proposes.
fn clap_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    fn walk(cmd: &clap::Command, out: &mut Vec<(String, String)>) {
        let name = cmd.get_name();
        if let Some(a) = cmd.get_about() {
            out.push((help::command_id(name), a.to_string()));
        }
        if let Some(a) = cmd.get_long_about() {
            out.push((format!("{}.long", help::command_id(name)), a.to_string()));
        }
        for arg in cmd.get_arguments() {
            let id = help::arg_id(Lang::En, name, arg.get_id().as_str());
            if let Some(h) = arg.get_help() {
                out.push((id.clone(), h.to_string()));
            }
            if let Some(h) = arg.get_long_help() {
                out.push((format!("{id}.long"), h.to_string()));
            }
            for v in arg.get_possible_values() {
                if let Some(h) = v.get_help() {
                    let vid = help::value_id(name, arg.get_id().as_str(), v.get_name());
                    out.push((vid, h.to_string()));
                }
            }
        }
        for s in cmd.get_subcommands() {
            walk(s, out);
        }
    }
    walk(&help::command(Lang::En), &mut out);
    out
}

/// The English catalogue the clap texts ask for, to paste when one changed.
fn proposal(texts: &[(String, String)]) -> String {
    /// A message's value and its attributes.
    type Entry<'a> = (&'a str, Vec<(&'a str, &'a str)>);
    let mut by_id: BTreeMap<&str, Entry<'_>> = BTreeMap::new();
    for (id, text) in texts {
        let (msg, attr) = id.split_once('.').unwrap_or((id, ""));
        let e = by_id.entry(msg).or_insert(("", Vec::new()));
        if attr.is_empty() {
            e.0 = text;
        } else {
            e.1.push((attr, text));
        }
    }
    let mut s = String::new();
    let indent = |t: &str| t.replace('\n', "\n    ");
    for (id, (value, attrs)) in by_id {
        s.push_str(&format!("{id} = {}\n", indent(value)));
        for (a, t) in attrs {
            s.push_str(&format!(
                "    .{a} =\n        {}\n",
                t.replace('\n', "\n        ")
            ));
        }
    }
    s
}

#[test]
fn the_english_catalogue_says_what_the_command_line_says() {
    let texts = clap_texts();
    assert!(texts.len() > 40, "{}", texts.len());
    let wrong: Vec<String> = texts
        .iter()
        .filter(|(id, text)| message_in(Lang::En, id, None) != *text)
        .map(|(id, text)| format!("{id}: clap says {text:?}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{}\n\nproposed locales/en/cli.ftl entries:\n{}",
        wrong.join("\n"),
        proposal(&texts)
    );
}

#[test]
fn every_command_line_text_has_its_japanese() {
    for (id, text) in clap_texts() {
        let ja = message_in(Lang::Ja, &id, None);
        assert!(
            ja != text && ja != id,
            "{id}: no Japanese text (got {ja:?})"
        );
    }
}

use common::topocert_without_locale as topocert;

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// English words of a text, leaving out what stays untranslated: option names
/// (`--certs`), placeholders and abbreviations in capitals (`FILE`, `JSON`), command
/// names and option values (`check`, `json`), and the product and file-format names.
fn english_words(text: &str) -> Vec<String> {
    const KEEP: &[&str] = &[
        // product, format and tool names
        "Lync",
        "Server",
        "Skype",
        "for",
        "Business",
        "Persistent",
        "Chat",
        "Web",
        "Get",
        "CsTopology",
        "AsXml",
        "tbxml",
        "pfx",
        "GitHub",
        "Actions",
        "OpenSSL",
        "Windows",
        "CertificateTemplate",
        "Default",
        "topocert",
        "toml",
        "certreq",
        "openssl",
        "req",
        "config",
        "new",
        "pem",
        "500ms",
        "gcc",
        // command names and option values
        "check",
        "list",
        "plan",
        "explain",
        "completions",
        "man",
        "help",
        "human",
        "short",
        "json",
        "sarif",
        "github",
        "html",
        "csv",
        "auto",
        "always",
        "never",
        "both",
        "combined",
        "split",
        "bash",
        "zsh",
        "fish",
        "powershell",
        "elvish",
        "ca-mismatch",
        "warnings",
        "web",
        "layout",
        "certificates",
    ];
    // `code spans` and paths (`schemas/report.schema.json`) stay as they are.
    let plain: String = text
        .split('`')
        .step_by(2)
        .flat_map(|part| part.split_whitespace())
        .filter(|w| !w.contains('/') && !w.trim_end_matches(['.', ')']).contains('.'))
        .collect::<Vec<_>>()
        .join(" ");
    plain
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| !w.starts_with('-'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 3)
        .filter(|w| w.chars().any(|c| c.is_ascii_lowercase()))
        .filter(|w| !KEEP.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn help_in_japanese_leaves_no_english() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["check", "-h"],
        &["list", "--help"],
        &["plan", "--help"],
        &["explain", "--help"],
        &["completions", "--help"],
        &["help", "check"],
    ] {
        let text = stdout(topocert().arg("--lang").arg("ja").args(args));
        let words = english_words(&text);
        assert!(
            words.is_empty(),
            "{args:?}: English left: {words:?}\n{text}"
        );
        assert!(text.contains("使用法:"), "{args:?}\n{text}");
    }
    // The check fails on English help (the check can fail).
    let en = stdout(topocert().args(["check", "--help"]));
    assert!(english_words(&en).len() > 20, "{en}");
}

#[test]
fn the_environment_chooses_the_language_of_help() {
    let ja = stdout(topocert().env("LANG", "ja_JP.UTF-8").arg("--help"));
    assert!(ja.contains("使用法:"), "{ja}");
    let en = stdout(
        topocert()
            .env("LANG", "ja_JP.UTF-8")
            .env("LC_ALL", "C")
            .arg("--help"),
    );
    assert!(en.contains("Usage:"), "{en}");
    let en = stdout(
        topocert()
            .env("LANG", "ja_JP.UTF-8")
            .args(["--lang", "en", "--help"]),
    );
    assert!(en.contains("Usage:"), "{en}");
    // Parsing is the same in both languages.
    let out = topocert()
        .args(["--lang", "ja", "check", "t.xml", "--format", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
