//! The message catalogues: both parse, hold the same messages with the same
//! arguments, every id the code asks for exists, the Japanese catalogue has no English
//! left but the untranslatables, and the language of a run is chosen as documented.

use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;
use clap::Parser;
use fluent_syntax::ast;
use topocert::cli::Cli;
use topocert::i18n::{self, Lang};
use topocert::rules::{Code, Section};

/// The catalogue files: every id begins with one of them.
const STEMS: &[&str] = &[
    "core", "rules", "explain", "report", "plan", "errors", "cli",
];

/// Message (or `message.attribute`) → the variables its pattern uses.
type Entries = BTreeMap<String, BTreeSet<String>>;

fn variables(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}

/// Every message and attribute of a language, with the texts (for the English check).
fn entries(lang: Lang) -> (Entries, Vec<(String, String)>) {
    let mut out = Entries::new();
    let mut texts = Vec::new();
    for (file, text) in i18n::sources(lang) {
        let res = match fluent_syntax::parser::parse(*text) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{file}: {errors:?}"),
        };
        let stem = file
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".ftl"))
            .unwrap_or_default();
        for entry in &res.body {
            match entry {
                ast::Entry::Message(m) => {
                    let id = m.id.name.to_string();
                    assert!(
                        id.starts_with(&format!("{stem}-")),
                        "{file}: id {id} must begin with {stem}-"
                    );
                    let mut add = |key: String, p: &ast::Pattern<&str>| {
                        let mut vars = BTreeSet::new();
                        variables(p, &mut vars);
                        texts.push((key.clone(), flat(p)));
                        assert!(
                            out.insert(key.clone(), vars).is_none(),
                            "{file}: {key} defined twice"
                        );
                    };
                    if let Some(v) = &m.value {
                        add(id.clone(), v);
                    }
                    for a in &m.attributes {
                        add(format!("{id}.{}", a.id.name), &a.value);
                    }
                }
                ast::Entry::Junk { content } => panic!("{file}: junk {content:?}"),
                _ => {}
            }
        }
    }
    (out, texts)
}

/// The literal text of a pattern (placeables left out).
fn flat(p: &ast::Pattern<&str>) -> String {
    let mut s = String::new();
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => s.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                if let ast::Expression::Select { variants, .. } = expression {
                    for v in variants {
                        s.push(' ');
                        s.push_str(&flat(&v.value));
                    }
                }
                s.push(' ');
            }
        }
    }
    s
}

#[test]
fn both_catalogues_hold_the_same_messages_with_the_same_arguments() {
    let (en, _) = entries(Lang::En);
    let (ja, _) = entries(Lang::Ja);
    let en_ids: BTreeSet<&String> = en.keys().collect();
    let ja_ids: BTreeSet<&String> = ja.keys().collect();
    let missing: Vec<_> = en_ids.difference(&ja_ids).collect();
    let extra: Vec<_> = ja_ids.difference(&en_ids).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing in ja: {missing:?}; only in ja: {extra:?}"
    );
    for (id, vars) in &en {
        assert_eq!(Some(vars), ja.get(id), "{id}: arguments differ");
    }
}

#[test]
fn every_id_the_code_asks_for_exists() {
    let (en, _) = entries(Lang::En);
    for c in Code::ALL {
        assert!(en.contains_key(&format!("explain-{}", c.as_str())), "{c:?}");
        for s in Section::ALL {
            let text = c.section(s);
            assert!(!text.trim().is_empty(), "{c:?} {s:?}");
            assert!(!i18n::message_in(Lang::Ja, "core-heading-what", None).is_empty());
        }
    }
    // Literal ids in the sources: t!("id" …) and t_in!(lang, "id" …).
    let mut asked = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (i, _) in text.match_indices("t!(\"") {
                    // `t!(`, not the end of `format!(` or `print!(`.
                    let before = text[..i].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[i + 4..];
                    if let Some(end) = rest.find('"') {
                        asked.insert((p.display().to_string(), rest[..end].to_string()));
                    }
                }
                // Ids kept in `&'static str` (a reason stored to be said later): a
                // literal that is a whole id of a catalogue file (`"errors-…"`).
                for stem in STEMS {
                    for (i, _) in text.match_indices(&format!("\"{stem}-")) {
                        let rest = &text[i + 1..];
                        let Some(end) = rest.find('"') else { continue };
                        let id = &rest[..end];
                        // (A prefix such as `"explain-"` is no id.)
                        let whole = !id.ends_with('-');
                        if whole && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                            asked.insert((p.display().to_string(), id.to_string()));
                        }
                    }
                }
            }
        }
    }
    for (file, id) in &asked {
        assert!(
            en.contains_key(id),
            "{file}: \"{id}\" is not in the catalogue"
        );
    }
}

/// Words allowed in Japanese text outside `code` spans: untranslatable names and
/// abbreviations (locales/glossary.md, "Never translated").
const UNTRANSLATED: &[&str] = &[
    "Lync",
    "Server",
    "Skype",
    "for",
    "Business",
    "Windows",
    "AD",
    "CS",
    "CA",
    "SAN",
    "CN",
    "DN",
    "FQDN",
    "DNS",
    "TLS",
    "SHA",
    "RSA",
    "ECDSA",
    "PKCS",
    "PEM",
    "DER",
    "CRL",
    "EKU",
    "SARIF",
    "JSON",
    "CSV",
    "HTML",
    "XML",
    "UTF",
    "Web",
    "URL",
    "SIP",
    "Standard",
    "Enterprise",
    "Edition",
    "Office",
    "Apps",
    "PowerShell",
    "AKI",
    "SKI",
    "OID",
    "PSS",
    "ID",
    "IP",
    "CryptoAPI",
    "topocert",
    "Persistent",
    "Chat",
    "Microsoft",
    "TechNet",
    "Management",
    "Shell",
    "GitHub",
    "Get",
    "CsTopology",
    "Export",
    "CsConfiguration",
    "SQL",
    "Express",
    "Builder",
    "Fqdn",
    "Machine",
    "Cluster",
    "Service",
    "meet",
    "dialin",
    "admin",
    "lyncdiscover",
    "lyncdiscoverinternal",
    "sip",
    "Version",
    "ServiceVersion",
    "IsSingleMachineOnly",
    "UserStore",
    "notAfter",
    "notBefore",
    "Not",
    "After",
    "Before",
    "Signature",
    "Algorithm",
    "sha",
    "WithRSAEncryption",
    "ecdsa",
    "with",
    "www",
    "contoso",
    "local",
    "com",
    "cer",
    "pfx",
    "pem",
    "toml",
    "tbxml",
    "xml",
    "ECC",
    "NIST",
    "bit",
    "Subject",
    "Alternative",
    "Name",
    "Key",
    "Usage",
    "Extended",
    "Authentication",
    "Distribution",
    "Point",
    "PFX",
    "CDP",
    "anyExtendedKeyUsage",
    "RFC",
    "dNSName",
    "Teams",
    "HTTP",
    "SSL",
    "Base",
    "RSASSA",
    // an EKU name and the probe's URL scheme, as the output shows them
    "clientAuth",
    "tls",
    // option names: `check --probe`
    "check",
    "probe",
];

/// Untranslatables of locales/*/rules.ftl (names, option and element names).
const RULES_WORDS: &[&str] = &["PKI"];

/// Untranslatables of locales/*/report.ftl.
const REPORT_WORDS: &[&str] = &["URI"];

/// Untranslatables of locales/*/plan.ftl.
const PLAN_WORDS: &[&str] = &[
    // the <Component ComponentName="PersistentChatWeb"> of the topology
    "PersistentChatWeb",
];

/// Untranslatables of locales/*/errors.ftl.
const ERRORS_WORDS: &[&str] = &[
    "DOCTYPE",
    "CDATA",
    "README",
    "BEGIN",
    "END",
    "MiB",
    "KiB",
    "MAC",
    "ContentInfo",
    "SignedData",
    "signedData",
    "SEQUENCE",
    "INTEGER",
    "SET",
    "digestAlgorithms",
    "encapContentInfo",
    "authSafe",
    "BER",
];

/// Untranslatables of locales/*/cli.ftl.
const CLI_WORDS: &[&str] = &[
    // shells, tools and formats
    "bash",
    "zsh",
    "fish",
    "powershell",
    "elvish",
    "roff",
    "gcc",
    "INF",
    "OpenSSL",
    "req",
    "certreq",
    "FIFO",
    "PKI",
    "Actions",
    "schemas",
    "report",
    "schema",
    "json",
    "plan",
    // environment variables, placeholders, option names and values, CSV columns
    "ALL",
    "MESSAGES",
    "LANG",
    "lang",
    "help",
    "COLOR",
    "YYYY",
    "FILE",
    "ADDRESS",
    "PORT",
    "DIR",
    "certs",
    "save",
    "probed",
    "emit",
    "combined",
    "split",
];

#[test]
fn the_japanese_catalogue_has_no_english_left() {
    let allowed: BTreeSet<&str> = [
        UNTRANSLATED,
        RULES_WORDS,
        REPORT_WORDS,
        PLAN_WORDS,
        ERRORS_WORDS,
        CLI_WORDS,
    ]
    .concat()
    .into_iter()
    .collect();
    let (_, texts) = entries(Lang::Ja);
    let mut left = Vec::new();
    for (id, text) in texts {
        // `code` spans stay as they are.
        let mut plain = String::new();
        for (i, part) in text.split('`').enumerate() {
            if i % 2 == 0 {
                plain.push_str(part);
                plain.push(' ');
            }
        }
        // Distinguished names in examples (`CN=Contoso Root CA`) are data: from `CN=`
        // to the first bracket or non-ASCII character.
        while let Some(i) = plain.find("CN=") {
            let end = plain[i..]
                .find(|c: char| !c.is_ascii() || c == '(' || c == ')')
                .map_or(plain.len(), |e| i + e);
            plain.replace_range(i..end, " ");
        }
        // Option names (`--save-probed`) stay as they are.
        let plain: String = plain
            .split_whitespace()
            .filter(|w| !w.starts_with("--"))
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = plain
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3 && !allowed.contains(w))
            .collect();
        if !words.is_empty() {
            left.push(format!("{id}: {words:?}"));
        }
        let has_japanese = text.chars().any(|c| {
            ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
        });
        if !has_japanese && !text.trim().is_empty() && !text.trim().starts_with('`') {
            left.push(format!("{id}: no Japanese in {text:?}"));
        }
    }
    assert!(left.is_empty(), "English left in ja:\n{}", left.join("\n"));
}

fn language(args: &[&str], env: Option<Lang>) -> Lang {
    let mut cli = Cli::try_parse_from(args).unwrap();
    cli.env_lang = env;
    cli.language()
}

#[test]
fn the_language_of_a_run() {
    let check = ["topocert", "check", "t.xml"];
    assert_eq!(language(&check, None), Lang::En);
    assert_eq!(language(&check, Some(Lang::Ja)), Lang::Ja);
    assert_eq!(
        language(&[&check[..], &["--lang", "en"]].concat(), Some(Lang::Ja)),
        Lang::En
    );
    // Machine-readable documents stay English unless --lang is given.
    for format in ["json", "sarif", "github"] {
        let args = [&check[..], &["--format", format]].concat();
        assert_eq!(language(&args, Some(Lang::Ja)), Lang::En, "{format}");
        let args = [&args[..], &["--lang", "ja"]].concat();
        assert_eq!(language(&args, None), Lang::Ja, "{format}");
    }
    for format in ["human", "short", "html"] {
        let args = [&check[..], &["--format", format]].concat();
        assert_eq!(language(&args, Some(Lang::Ja)), Lang::Ja, "{format}");
    }
    assert_eq!(
        language(
            &["topocert", "list", "t.xml", "--format", "json"],
            Some(Lang::Ja)
        ),
        Lang::En
    );
    assert_eq!(
        language(
            &["topocert", "plan", "t.xml", "--format", "json"],
            Some(Lang::Ja)
        ),
        Lang::En
    );
    assert_eq!(
        language(&["topocert", "explain", "expired"], Some(Lang::Ja)),
        Lang::Ja
    );
}

fn explain(args: &[&str]) -> String {
    let out = Command::cargo_bin("topocert")
        .unwrap()
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn explain_speaks_the_chosen_language_and_keeps_the_code() {
    let en = explain(&["explain", "ca-mismatch"]);
    let ja = explain(&["explain", "ca-mismatch", "--lang", "ja"]);
    assert!(en.starts_with("ca-mismatch (error): "), "{en}");
    assert!(en.contains("## What it does"), "{en}");
    assert!(ja.starts_with("ca-mismatch ("), "{ja}");
    assert!(
        ja.contains("## 検出内容") && !ja.contains("## What it does"),
        "{ja}"
    );
    assert_ne!(
        ja.lines().nth(2),
        en.lines().nth(2),
        "the explanation is translated"
    );
    // The English text is the same with --lang en.
    assert_eq!(explain(&["explain", "ca-mismatch", "--lang", "en"]), en);
}

#[test]
fn english_counts_take_their_plural() {
    use topocert::t_in;
    assert_eq!(
        t_in!(Lang::En, "rules-expires-soon-label", days = 1),
        "within 1 day"
    );
    assert_eq!(
        t_in!(Lang::En, "rules-expires-soon-label", days = 30),
        "within 30 days"
    );
    let one = t_in!(
        Lang::En,
        "rules-expires-soon",
        path = "a.cer",
        fqdn = "fe01.contoso.local",
        date = "2026-06-02",
        left = 1,
        valid_at = "2026-06-01"
    );
    assert!(one.ends_with("(1 day after 2026-06-01)"), "{one}");
    assert_eq!(
        t_in!(
            Lang::En,
            "plan-coverage-all",
            fqdn = "a.x",
            path = "a.cer",
            total = 1
        ),
        "a.x: a.cer covers the one name"
    );
    assert_eq!(
        t_in!(Lang::En, "cli-plan-wrote", n = 1),
        "topocert: wrote 1 request template"
    );
}
