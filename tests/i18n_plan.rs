//! `topocert plan --lang ja`: the human report, the CSV header, the `--check` lines,
//! the reasons of the names and the refusals of `--emit` in Japanese, with no English
//! sentence left but the input values; JSON keeps its keys and codes; the request
//! templates stay as they are (ASCII, for certreq.exe); the English run says what it
//! said.

use std::collections::BTreeSet;
use std::path::Path;

mod common;

use common::{has_japanese, topocert_without_locale};
use serde_json::Value;
use topocert::i18n::Lang;
use topocert::names::Why;
use topocert::t_in;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: Option<&Path>, args: &[&str]) -> Out {
    let mut c = topocert_without_locale();
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(args);
    if let Some(d) = dir {
        c.current_dir(d);
    }
    let out = c.output().expect("topocert runs");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 output"),
    }
}

fn run(args: &[&str]) -> Out {
    run_in(None, args)
}

/// The text without white space and the `│` of wrapped diagnostics: a message
/// wrapped by the report (at a space, or anywhere in Japanese) is still found.
fn flat(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect()
}

fn contains(haystack: &str, needle: &str) -> bool {
    flat(haystack).contains(&flat(needle))
}

/// Two consecutive lowercase English words (`[a-z]{2,} [a-z]{2,}`) in the text a
/// person reads: the topology lines of the snippets are left out (the labels under
/// them are kept), and so are `code` spans and values (words with `.`, `/`, `=`, `$`,
/// `-` or digits: names, paths, codes, options).
fn english_left(report: &str, values: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for line in report.lines() {
        let text = match line.split_once("╰── ") {
            Some((_, label)) => label.to_string(),
            None => {
                let t = line.trim_start();
                let numbered = t.split_once(' ').is_some_and(|(n, rest)| {
                    n.chars().all(|c| c.is_ascii_digit()) && rest.starts_with('│')
                });
                if numbered || t.starts_with('·') || t.starts_with('╭') {
                    continue;
                }
                line.to_string()
            }
        };
        let mut text = text;
        for v in values {
            text = text.replace(v, " X ");
        }
        // `code` spans stay as they are.
        let plain: String = text
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, p)| p)
            .collect::<Vec<_>>()
            .join(" X ");
        let words: Vec<String> = plain
            .split(|c: char| c.is_whitespace() || matches!(c, '、' | '。' | '：'))
            .filter(|w| !w.is_empty())
            .map(|w| {
                let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c.is_ascii());
                if w.contains(['.', '/', '=', '$', '-']) || w.chars().any(|c| c.is_ascii_digit()) {
                    "X".to_string()
                } else {
                    w.to_string()
                }
            })
            .collect();
        let english = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase());
        for pair in words.windows(2) {
            if english(&pair[0]) && english(&pair[1]) {
                found.push(format!("{} {} in {line:?}", pair[0], pair[1]));
            }
        }
    }
    found
}

/// A copy of samples/enterprise/topology.xml with machine 2 lacking its Fqdn and
/// fe05 named FE04 a second time: two servers that cannot be planned.
fn broken_enterprise(dir: &Path) {
    let mut text = std::fs::read_to_string("samples/enterprise/topology.xml").unwrap();
    for (from, to) in [
        (
            r#"<Machine OrdinalInCluster="2" Fqdn="fe02.contoso.local" "#,
            r#"<Machine OrdinalInCluster="2" "#,
        ),
        (
            r#"Fqdn="fe05.contoso.local""#,
            r#"Fqdn="FE04.contoso.local""#,
        ),
    ] {
        assert!(text.contains(from), "{from}");
        text = text.replace(from, to);
    }
    std::fs::write(dir.join("topology.xml"), text).unwrap();
}

#[test]
fn the_human_report_is_japanese_with_no_english_sentence_left() {
    for topology in [
        "samples/enterprise/topology.xml",
        "samples/standard-edition/topology.xml",
        "samples/multi-site/topology.xml",
        "samples/topology-builder/topology.tbxml",
    ] {
        let out = run(&["plan", topology, "--color", "never", "--lang", "ja"]);
        assert_eq!(out.code, 0, "{topology}: {}", out.stderr);
        let ja = &out.stdout;
        for expected in [
            "の常設チャットのファイル転送サーバーの証明書要求 (",
            "の証明書要求\n",
            "サブジェクト CN=",
            "と判断しました (根拠: ",
            "サーバー",
            "台のファイル転送サーバーに対して",
            "各要求: RSA 2048 ビットのキー、SHA-256、",
            "要求テンプレートを書き込むには `--emit DIR` を指定してください。",
        ] {
            assert!(contains(ja, expected), "{topology}: {expected:?} in\n{ja}");
        }
        assert!(
            ja.contains("SAN に記載") && ja.contains("の FQDN"),
            "{topology}: labels\n{ja}"
        );
        for english in [
            "certificate request",
            "subject CN",
            "Edition because",
            "SERVER",
            "file-transfer server",
            "Write the request",
        ] {
            assert!(!contains(ja, english), "{topology}: {english:?} in\n{ja}");
        }
        let left = english_left(ja, &[]);
        assert!(
            left.is_empty(),
            "{topology}: English left:\n{left:#?}\n{ja}"
        );
    }
}

#[test]
fn the_english_report_is_unchanged_by_the_catalogue() {
    let default = run(&[
        "plan",
        "samples/enterprise/topology.xml",
        "--color",
        "never",
    ]);
    let en = run(&[
        "plan",
        "samples/enterprise/topology.xml",
        "--color",
        "never",
        "--lang",
        "en",
    ]);
    assert_eq!(default.code, 0);
    assert_eq!(default.stdout, en.stdout);
    let out = &en.stdout;
    for expected in [
        "Certificate requests for the Persistent Chat file-transfer servers in samples/enterprise/topology.xml (published, utf-8)\n",
        "  ☞ certificate request for fe01.contoso.local\n  │ subject CN=pool01.contoso.local\n  │ SAN     fe01.contoso.local,",
        "server FQDN → SAN\n",
        "Enterprise Edition: its UserStore is installed on a separate SQL cluster\n",
        "SERVER              POOL                  SITE     SUBJECT",
        "\n5 certificate requests for 5 file-transfer servers.\nEach: RSA 2048 key, SHA-256, key usage digitalSignature, keyEncipherment, Server Authentication (1.3.6.1.5.5.7.3.1).\n",
        "Write the request templates with --emit DIR.\n",
    ] {
        assert!(out.contains(expected), "{expected:?} in\n{out}");
    }
    assert!(!has_japanese(out), "{out}");
    // The detector of English sentences finds them in the English report.
    assert!(english_left(out, &[]).len() > 10, "{out}");
}

#[test]
fn servers_not_planned_are_explained_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    broken_enterprise(dir.path());
    let human = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--color", "never", "--lang", "ja"],
    );
    assert_eq!(human.code, 1, "{}", human.stderr);
    let ja = &human.stdout;
    for expected in [
        "の証明書要求はありません: <Machine> に Fqdn がなく、",
        "この <Machine> には Fqdn がありません",
        "FE04.contoso.local の証明書要求はありません: トポロジで FE04.contoso.local が 2 回指定されています。",
        "この FQDN を持つ 2 台目のマシン",
        "トポロジ ビルダーでマシンに FQDN を指定して公開し、",
        "トポロジ ビルダーで各マシンに固有の FQDN を指定し、",
        "(計画なし)",
        "5 台のファイル転送サーバーに対して 3 件の証明書要求を計画しました。",
        "2 台のサーバーは計画されていません: ",
    ] {
        assert!(contains(ja, expected), "{expected:?} in\n{ja}");
    }
    // The unnamed machine's description is roles' text, not plan's.
    let left = english_left(ja, &["machine 2 of pool01.contoso.local"]);
    assert!(left.is_empty(), "English left:\n{left:#?}\n{ja}");

    // CSV: the reasons go to standard error, in Japanese too.
    let csv = run_in(
        Some(dir.path()),
        &["plan", "topology.xml", "--format", "csv", "--lang", "ja"],
    );
    assert_eq!(csv.code, 1);
    assert_eq!(csv.stderr.lines().count(), 2, "{}", csv.stderr);
    assert!(
        csv.stderr
            .lines()
            .all(|l| l.contains(": error: ") && l.contains("の証明書要求はありません: ")),
        "{}",
        csv.stderr
    );
}

#[test]
fn the_csv_header_is_japanese_and_the_rows_are_the_data() {
    for topology in [
        "samples/enterprise/topology.xml",
        "samples/standard-edition/topology.xml",
    ] {
        let ja = run(&["plan", topology, "--format", "csv", "--lang", "ja"]);
        let en = run(&["plan", topology, "--format", "csv"]);
        assert_eq!(ja.code, 0, "{}", ja.stderr);
        let (ja_head, ja_rows) = ja.stdout.split_once("\r\n").unwrap();
        let (en_head, en_rows) = en.stdout.split_once("\r\n").unwrap();
        assert_eq!(
            ja_head,
            "サーバーの FQDN,プール,サイト,サブジェクト,SAN 名,キー長"
        );
        assert_eq!(en_head, "fqdn,pool,site,subject,sans,key_size");
        assert_eq!(ja_rows, en_rows, "{topology}: the rows are data");
    }
}

/// Two JSON documents with the same keys everywhere and the same values, but for the
/// texts a person reads (which must be Japanese in `ja`).
fn same_but_texts(ja: &Value, en: &Value, path: &str, texts: &mut usize) {
    const TEXTS: [&str; 4] = ["reason", "help", "subject_reason", "edition_evidence"];
    match (ja, en) {
        (Value::Object(j), Value::Object(e)) => {
            let jk: BTreeSet<&String> = j.keys().collect();
            let ek: BTreeSet<&String> = e.keys().collect();
            assert_eq!(jk, ek, "{path}: keys");
            for (k, jv) in j {
                let p = format!("{path}.{k}");
                if TEXTS.contains(&k.as_str()) {
                    let (Some(js), Some(es)) = (jv.as_str(), e[k].as_str()) else {
                        panic!("{p}: a text");
                    };
                    assert!(has_japanese(js), "{p}: {js:?}");
                    assert!(!has_japanese(es), "{p}: {es:?}");
                    *texts += 1;
                } else {
                    same_but_texts(jv, &e[k], &p, texts);
                }
            }
        }
        (Value::Array(j), Value::Array(e)) => {
            assert_eq!(j.len(), e.len(), "{path}: length");
            for (i, (jv, ev)) in j.iter().zip(e).enumerate() {
                same_but_texts(jv, ev, &format!("{path}[{i}]"), texts);
            }
        }
        // A machine without a name is shown by its place ("machine 2 of pool01…"), a
        // text like the others; a named server is its FQDN in both languages.
        (Value::String(j), Value::String(e))
            if path.ends_with(".server") && e.starts_with("machine ") =>
        {
            assert!(has_japanese(j), "{path}: {j:?}");
        }
        _ => assert_eq!(ja, en, "{path}"),
    }
}

#[test]
fn json_in_japanese_keeps_its_keys_and_codes() {
    let dir = tempfile::tempdir().unwrap();
    broken_enterprise(dir.path());
    for (dir, topology) in [
        (None, "samples/enterprise/topology.xml"),
        (None, "samples/topology-builder/topology.tbxml"),
        (Some(dir.path()), "topology.xml"),
    ] {
        let ja = run_in(dir, &["plan", topology, "--format", "json", "--lang", "ja"]);
        let en = run_in(dir, &["plan", topology, "--format", "json"]);
        assert_eq!(ja.code, en.code, "{}", ja.stderr);
        let ja: Value = serde_json::from_str(&ja.stdout).unwrap();
        let en: Value = serde_json::from_str(&en.stdout).unwrap();
        let mut texts = 0;
        same_but_texts(&ja, &en, "$", &mut texts);
        assert!(texts > 0, "{topology}");
        assert_eq!(
            ja["requests"][0]["sans"][0]["sources"][0]["origin"],
            "machine"
        );
    }
}

#[test]
fn check_and_emit_report_in_japanese_and_the_templates_stay_english() {
    let ja_dir = tempfile::tempdir().unwrap();
    let en_dir = tempfile::tempdir().unwrap();
    let ja_out = ja_dir.path().join("out");
    let en_out = en_dir.path().join("out");
    let args = |out: &Path, lang: &'static str| {
        vec![
            "plan".to_string(),
            "samples/enterprise/topology.xml".into(),
            "--color".into(),
            "never".into(),
            "--layout".into(),
            "split".into(),
            "--ca-template".into(),
            "Web Server".into(),
            "--check".into(),
            "samples/enterprise/certs".into(),
            "--emit".into(),
            out.display().to_string(),
            "--lang".into(),
            lang.into(),
        ]
    };
    let ja_args = args(&ja_out, "ja");
    let ja = run(&ja_args.iter().map(String::as_str).collect::<Vec<_>>());
    let en_args = args(&en_out, "en");
    let en = run(&en_args.iter().map(String::as_str).collect::<Vec<_>>());
    // fe04's certificate lacks its own name: the run fails, in both languages.
    assert_eq!(ja.code, 1, "{}", ja.stderr);
    assert_eq!(en.code, 1, "{}", en.stderr);
    let out = &ja.stdout;
    for expected in [
        "外部 Web サービスの要求 (パブリック CA)",
        "、CA の証明書テンプレート Web Server。",
        "外部 Web サービスの要求 (`--layout split`) はパブリック CA に送ってください。",
        "\n指定された証明書 (`--check`) が含む上記の名前:\n",
        "はすべての名前 (3 個) を含んでいます\n",
        "  fe04.contoso.local: ",
        "は 3 個の名前のうち 2 個を含んでいます。不足している名前:\n    fe04.contoso.local (サーバーの FQDN) [name-mismatch]\n",
        "  fe05.contoso.local: 証明書が指定されていません\n",
        "\n20 個のファイルを書き込みました:\n",
    ] {
        assert!(contains(out, expected), "{expected:?} in\n{out}");
    }
    let left = english_left(out, &["Web Server"]);
    assert!(left.is_empty(), "English left:\n{left:#?}\n{out}");
    assert!(en.stdout.contains("\nWrote 20 files:\n"), "{}", en.stdout);
    assert!(en.stdout.contains("covers 2 of 3 names; missing:\n"));

    // The templates are the same bytes in both languages, and ASCII.
    let mut names: Vec<_> = std::fs::read_dir(&ja_out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 20);
    for name in names {
        let ja = std::fs::read(ja_out.join(&name)).unwrap();
        let en = std::fs::read(en_out.join(&name)).unwrap();
        assert_eq!(ja, en, "{name:?}");
        assert!(ja.is_ascii(), "{name:?}");
    }
}

#[test]
fn refusals_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out");
    let emit = |lang: &str| {
        run(&[
            "plan",
            "samples/standard-edition/topology.xml",
            "--emit",
            target.to_str().unwrap(),
            "--lang",
            lang,
        ])
    };
    assert_eq!(emit("ja").code, 0);
    let again = emit("ja");
    assert_eq!(again.code, 2);
    assert!(
        contains(&again.stderr, "個のファイルが既に存在します: ")
            && contains(&again.stderr, "何も書き込まれていません")
            && contains(&again.stderr, "`--force`"),
        "{}",
        again.stderr
    );
    let en = emit("en");
    assert!(
        contains(
            &en.stderr,
            " already exist; nothing was written (pass --force"
        ),
        "{}",
        en.stderr
    );

    let bad = run(&[
        "plan",
        "samples/standard-edition/topology.xml",
        "--ca-template",
        "Web;Server",
        "--lang",
        "ja",
    ]);
    assert_eq!(bad.code, 2);
    assert!(
        contains(&bad.stderr, "`Web;Server` は無効です: `;` は使用できません"),
        "{}",
        bad.stderr
    );
}

#[test]
fn counts_choose_whole_sentences() {
    let total = |r: u64, s: u64| t_in!(Lang::En, "plan-total", requests = r, servers = s);
    assert_eq!(
        total(1, 1),
        "1 certificate request for 1 file-transfer server."
    );
    assert_eq!(
        total(0, 2),
        "0 certificate requests for 2 file-transfer servers."
    );
    assert_eq!(
        total(2, 3),
        "2 certificate requests for 3 file-transfer servers."
    );
    assert_eq!(
        total(1, 2),
        "1 certificate request for 2 file-transfer servers."
    );
    assert_eq!(
        t_in!(Lang::Ja, "plan-total", requests = 2u64, servers = 3u64),
        "3 台のファイル転送サーバーに対して 2 件の証明書要求を計画しました。"
    );
    assert_eq!(
        t_in!(Lang::En, "plan-not-planned", n = 1u64),
        "1 server not planned: fix the topology and run `topocert plan` again."
    );
    assert_eq!(t_in!(Lang::En, "plan-wrote", n = 1u64), "Wrote 1 file:");
    assert_eq!(t_in!(Lang::En, "plan-wrote", n = 4u64), "Wrote 4 files:");
    assert_eq!(
        t_in!(Lang::En, "plan-evidence-machine-count", n = 1u64),
        "the topology names no UserStore for it, so the machine count decides (1 machine)"
    );
    assert_eq!(
        t_in!(Lang::En, "plan-emit-exists", paths = "a.inf", n = 1u64),
        "a.inf already exists; nothing was written (pass --force to replace existing request templates)"
    );
    assert_eq!(
        t_in!(
            Lang::En,
            "plan-emit-exists",
            paths = "a.inf, b.cnf",
            n = 2u64
        ),
        "a.inf, b.cnf already exist; nothing was written (pass --force to replace existing request templates)"
    );
}

#[test]
fn every_reason_for_a_name_is_translated() {
    let d = || "contoso.com".to_string();
    let all = [
        Why::Machine,
        Why::QualifiedMachine {
            written: "fe01".into(),
            domain: d(),
        },
        Why::ClusterForMachine,
        Why::Pool {
            qualified_from: Some("pool01".into()),
        },
        Why::Pool {
            qualified_from: None,
        },
        Why::InternalWebHost,
        Why::InternalWebIsPool,
        Why::ExternalWebHost,
        Why::SimpleUrl {
            component: String::new(),
        },
        Why::SimpleUrl {
            component: "Meet".into(),
        },
        Why::LyncDiscoverInternal { domain: d() },
        Why::LyncDiscover { domain: d() },
        Why::SipDomain { domain: d() },
    ];
    for why in &all {
        let en = why.describe_in(Lang::En);
        let ja = why.describe_in(Lang::Ja);
        assert!(!has_japanese(&en), "{why:?}: {en}");
        assert!(has_japanese(&ja), "{why:?}: {ja}");
        assert!(english_left(&ja, &[]).is_empty(), "{why:?}: {ja}");
    }
    assert_eq!(
        all[1].describe_in(Lang::En),
        "server FQDN (bare host name `fe01` + default domain contoso.com)"
    );
    assert_eq!(
        all[1].describe_in(Lang::Ja),
        "サーバーの FQDN (ドメインのないホスト名 `fe01` + 既定のドメイン contoso.com)"
    );
}
