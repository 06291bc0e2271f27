//! Exit-2 diagnostics and certificate-loading reasons in Japanese (`--lang ja`,
//! locales/*/errors.ftl): the same exit status as in English, the `path:line:col`
//! still there, Japanese text, and no English sentence left in what topocert itself
//! says (input values and the texts of the system and of parsers are data and are
//! taken out first). The English runs still say what they said.

mod common;

use common::{has_japanese, topocert_without_locale};
use topocert::i18n::{self, Lang};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(lang: Option<&str>, args: &[&str]) -> Run {
    let mut cmd = topocert_without_locale();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args);
    if let Some(l) = lang {
        cmd.args(["--lang", l]);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "{args:?} ({lang:?}): panic\n{stderr}"
    );
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    }
}

/// The text with miette's line wrapping undone: white space runs and the `│` gutter of
/// wrapped lines become one space.
fn flatten(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| *w != "│")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text without any white space or `│` gutter: miette wraps Japanese anywhere,
/// so a wrapped line cannot be told from a space; for `contains` checks.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect()
}

/// The first two consecutive lowercase English words (`[a-z]{2,} [a-z]{2,}`).
fn english_pair(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let word = |from: usize| {
        let n = b[from..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count();
        let starts = from == 0 || !b[from - 1].is_ascii_alphabetic();
        (starts && n >= 2).then_some(n)
    };
    for i in 0..b.len() {
        if let Some(n) = word(i)
            && b.get(i + n) == Some(&b' ')
            && let Some(m) = word(i + n + 1)
        {
            return Some(s[i..i + n + 1 + m].to_string());
        }
    }
    None
}

/// What topocert says in `stderr`, without the source excerpt (its numbered lines
/// quote the input), `code` spans, and each of the `data` (paths, the system's and
/// the parsers' own texts).
fn own_words(stderr: &str, data: &[&str]) -> String {
    let kept: Vec<&str> = stderr
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            !(digits > 0 && t[digits..].trim_start().starts_with('│'))
        })
        .collect();
    let mut text = flatten(&kept.join("\n"));
    for d in data {
        text = text.replace(&flatten(d), " ");
    }
    text.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, p)| p)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One exit-2 case: the Japanese run exits like the English one, keeps `keep`
/// (positions, paths), says each of `ja`, and leaves no English of its own; the
/// English run says each of `en`.
fn case(args: &[&str], keep: &[&str], ja: &[&str], en: &[&str], data: &[&str]) {
    let e = run(None, args);
    assert_eq!(e.code, Some(2), "{args:?}: exit status\n{}", e.stderr);
    let flat_en = squash(&e.stderr);
    for w in keep.iter().chain(en) {
        assert!(
            flat_en.contains(&squash(w)),
            "{args:?}: English lacks {w:?}\n{}",
            e.stderr
        );
    }
    let j = run(Some("ja"), args);
    assert_eq!(j.code, e.code, "{args:?}: exit status in ja\n{}", j.stderr);
    let flat_ja = squash(&j.stderr);
    for w in keep.iter().chain(ja) {
        assert!(
            flat_ja.contains(&squash(w)),
            "{args:?}: Japanese lacks {w:?}\n{}",
            j.stderr
        );
    }
    for w in en {
        assert!(
            !flat_ja.contains(&squash(w)),
            "{args:?}: English {w:?} left in ja\n{}",
            j.stderr
        );
    }
    let own = own_words(&j.stderr, data);
    assert!(has_japanese(&own), "{args:?}: no Japanese\n{}", j.stderr);
    assert_eq!(
        english_pair(&own),
        None,
        "{args:?}: English left in ja:\n{own}\n---\n{}",
        j.stderr
    );
}

fn bad(name: &str) -> String {
    format!("tests/data/topology/bad/{name}")
}

/// `bytes` as `name` in a new temporary folder (removed with the returned guard).
fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

const TOPOLOGY: &str = "samples/standard-edition/topology.xml";

#[test]
fn a_missing_topology() {
    let path = bad("no-such-topology.xml");
    // English shows the system's words; Japanese its own for this kind, same number.
    let os = std::fs::File::open(&path).unwrap_err().to_string();
    case(
        &["list", &path],
        &[&path],
        &[
            "を読み取れません",
            "ファイルまたはディレクトリが見つかりません (OS エラー 2)",
            "パスと、ファイルが読み取り可能であることを確認してください",
        ],
        &[
            &format!("cannot read {path}: "),
            &os,
            "check the path and that the file is readable",
        ],
        &[&path],
    );
}

#[test]
fn junk_is_not_utf8() {
    let path = bad("binary.bin");
    case(
        &["list", &path],
        &[&format!("{path}:1:1: ")],
        &[
            "無効な utf-8: バイト 0x89 は UTF-8 ではありません",
            "トポロジをエクスポートし直してください",
        ],
        &[
            "invalid utf-8: byte 0x89 is not UTF-8; expected UTF-8 text, or UTF-16 with a byte order mark",
            "re-export the topology; the file is damaged",
        ],
        &[&path],
    );
}

#[test]
fn truncated_xml() {
    let path = bad("truncated-in-tag.xml");
    case(
        &["list", &path],
        &[&format!("{path}:13:7: "), &format!("[{path}:13:7]")],
        &[
            "タグの途中でファイルが終わっています",
            "`>` が必要です",
            "このファイルは整形式の XML ではありません",
        ],
        &[
            "the file ends inside a tag; it is truncated",
            "expected `>`",
            "the file is not well-formed XML",
        ],
        &[&path],
    );
}

#[test]
fn mismatched_closing_tag() {
    let path = bad("mismatched-close.xml");
    case(
        &["list", &path],
        &[&format!("{path}:15:7: ")],
        &[
            "終了タグ `</Machin>` が開いている要素 `<Machine>` と一致しません",
            "`</Machine>` が必要です",
        ],
        &["closing tag `</Machin>` does not match the open element `<Machine>`"],
        &[&path],
    );
}

#[test]
fn duplicate_attribute() {
    let path = bad("duplicate-attribute.xml");
    case(
        &["list", &path],
        &[&format!("{path}:13:63: ")],
        &["属性 `Fqdn` が `<Machine>` に 2 回指定されています"],
        &[
            "attribute `Fqdn` appears twice in `<Machine>`",
            "expected each attribute once; this one repeats an earlier one",
        ],
        &[&path],
    );
}

#[test]
fn not_a_topology() {
    let path = bad("page.html");
    case(
        &["list", &path],
        &[&format!("{path}:2:1: ")],
        &["トポロジ ドキュメントではありません: ルート要素が `<html>` です"],
        &["not a topology document: the root element is `<html>`"],
        &[&path],
    );
    let path = bad("text-before-root.xml");
    case(
        &["list", &path],
        &[&format!("{path}:1:1: ")],
        &[
            "ドキュメントのルート要素の前にテキストがあります",
            "予期しないテキスト",
        ],
        &["not a topology document: text before the root element of the document"],
        &[&path],
    );
}

#[test]
fn odd_length_utf16() {
    let path = bad("odd-length-utf16.xml");
    case(
        &["list", &path],
        &[&format!("{path}:17:1: ")],
        &["無効な utf-16le: UTF-16 のコード単位の途中でファイルが終わっています"],
        &["invalid utf-16le: the file ends in the middle of a UTF-16 code unit"],
        &[&path],
    );
}

#[test]
fn a_bad_config_file() {
    let (_dir, cfg) = temp_file("topocert.toml", b"[rules]\nexpired = \"block\"\n");
    let p = cfg.as_str();
    case(
        &["check", TOPOLOGY, "--config", p],
        &[&format!("{p}:2:11: ")],
        &[
            "expired のレベル `block` は不明です",
            "README の topocert.toml のリファレンスを参照してください",
            "ここ",
        ],
        &[
            "unknown level `block` for expired: expected \"deny\", \"warn\" or \"allow\"",
            "see the topocert.toml reference in the README",
        ],
        &[p],
    );
    // A key the file may not have: in the catalogue's words (English as serde says it).
    let (_dir, cfg) = temp_file("topocert.toml", b"[rulez]\n");
    let p = cfg.as_str();
    case(
        &["check", TOPOLOGY, "--config", p],
        &[&format!("{p}:1:2: ")],
        &[
            "不明なキー `rulez` です: `certificates`, `rules`, `ignore`, `web` のいずれかを指定してください",
        ],
        &["unknown field `rulez`, expected one of `certificates`, `rules`, `ignore`, `web`"],
        &[p],
    );
    // The TOML parser's own text about TOML syntax stays as it is, inside our sentence.
    let (_dir, cfg) = temp_file("topocert.toml", b"[rules]\nexpired = \n");
    let p = cfg.as_str();
    let toml = "string values must be quoted, expected literal string";
    case(
        &["check", TOPOLOGY, "--config", p],
        &[&format!("{p}:2:11: "), toml],
        &["設定ファイルを解釈できません: "],
        &[],
        &[p, toml],
    );
    // A folder is not read.
    case(
        &["check", TOPOLOGY, "--config", "tests/data"],
        &["tests/data:1:1: "],
        &[
            "設定ファイルを読み取れません",
            "通常のファイルではありません",
        ],
        &[
            "cannot read the config file",
            "it is not a regular file (a folder, pipe or device is not read)",
        ],
        &[],
    );
}

#[test]
fn an_unusable_ca_certificate() {
    let ca = "tests/data/certs/formats/garbage.cer";
    case(
        &["check", TOPOLOGY, "--ca", ca],
        &[ca],
        &[
            "CA 証明書 tests/data/certs/formats/garbage.cer を使用できません",
            "証明書ではありません: PEM ブロック",
        ],
        &[
            "cannot use the CA certificate tests/data/certs/formats/garbage.cer",
            "not a certificate: no PEM block, DER certificate, PKCS#7 or PKCS#12 structure found",
            "takes the internal root or issuing CA certificate",
        ],
        &[ca],
    );
}

#[test]
fn an_invalid_valid_at() {
    case(
        &["check", TOPOLOGY, "--valid-at", "2026-13-45"],
        &["2026-13-45"],
        &["`--valid-at` の値 `2026-13-45` が無効です"],
        &["invalid --valid-at `2026-13-45`: expected YYYY-MM-DD or an RFC 3339 date-time"],
        &[],
    );
}

/// An unreadable file in --certs is a finding (not exit 2): the reason is ours and
/// follows the language; the run ends the same way in both.
#[test]
fn unreadable_certificate_reasons() {
    for (file, en, ja) in [
        ("empty.pem", "file is empty", "ファイルが空です"),
        (
            "garbage.cer",
            "not a certificate: no PEM block, DER certificate, PKCS#7 or PKCS#12 structure found",
            "証明書ではありません: PEM ブロック、DER 証明書、PKCS#7 構造、PKCS#12 構造のいずれも見つかりません",
        ),
        (
            "good-aes.pfx",
            "PKCS#12 password is wrong or missing",
            "PKCS#12 のパスワードが間違っているか、指定されていません",
        ),
        (
            "truncated.cer",
            "DER certificate is not valid: truncated: a value declares 1076 bytes but only 538 are present",
            "DER 証明書が無効です: データが途中で切れています: 値の長さは 1076 バイトと宣言されていますが、538 バイトしかありません",
        ),
        // A folder named like a certificate, inside a folder given to --certs.
        ("", "is a directory", "ディレクトリです"),
    ] {
        let path = format!("tests/data/certs/formats/{file}");
        let path = path.trim_end_matches('/');
        let args = [
            "check",
            TOPOLOGY,
            "--certs",
            path,
            "--ca",
            "samples/standard-edition/ca/internal-root.cer",
            "--color",
            "never",
        ];
        let e = run(None, &args);
        let j = run(Some("ja"), &args);
        assert_eq!(j.code, e.code, "{file}\n{}", j.stderr);
        let out = |r: &Run| squash(&format!("{}{}", r.stdout, r.stderr));
        assert!(
            out(&e).contains(&squash(en)),
            "{file}: English lacks {en:?}\n{}",
            e.stdout
        );
        assert!(
            out(&j).contains(&squash(ja)),
            "{file}: Japanese lacks {ja:?}\n{}",
            j.stdout
        );
        assert!(
            !out(&j).contains(&squash(en)),
            "{file}: {en:?} left in ja\n{}",
            j.stdout
        );
    }
}

/// Reasons deeper in the certificate and probe code, in-process (no `i18n::set`).
#[test]
fn nested_reasons_are_whole_messages_in_both_languages() {
    let t = |lang, id: &str, args: &[(&str, i18n::Value<'static>)]| {
        let mut a = i18n::Args::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        i18n::message_in(lang, id, Some(&a))
    };
    assert_eq!(
        t(
            Lang::En,
            "errors-suffix-several",
            &[
                ("kind", "pool".into()),
                ("name", "pool01.contoso.local".into()),
                ("n", 2.into()),
                ("suffixes", "a.local, b.local".into()),
            ]
        ),
        "the machines of pool pool01.contoso.local use 2 DNS suffixes (a.local, b.local)"
    );
    assert_eq!(
        t(
            Lang::Ja,
            "errors-suffix-used",
            &[("kind", "its-site".into()), ("name", "".into())]
        ),
        "所属するサイトのマシンが使用している DNS サフィックス"
    );
    assert_eq!(
        t(
            Lang::En,
            "errors-certs-size",
            &[("n", 1.into()), ("unit", "mib".into())]
        ),
        "1 MiB"
    );
    assert_eq!(
        t(
            Lang::Ja,
            "errors-certs-size",
            &[("n", 512.into()), ("unit", "bytes".into())]
        ),
        "512 バイト"
    );
    assert_eq!(
        t(
            Lang::En,
            "errors-verify-parse",
            &[("which", "issuer".into()), ("reason", "truncated".into())]
        ),
        "the issuer certificate cannot be parsed: truncated"
    );
    assert_eq!(
        t(Lang::En, "errors-connect-no-eq", &[("value", "foo".into())]),
        "`foo` has no `=`: expected FQDN=ADDRESS[:PORT], e.g. fe01.contoso.local=10.0.0.5:443 or fe01.contoso.local=[::1]:8443"
    );
    assert_eq!(
        t(
            Lang::En,
            "errors-config-bad-setting",
            &[("code", "expires-soon".into())]
        ),
        "the setting of expires-soon must be \"deny\", \"warn\", \"allow\" or a table such as { level = \"warn\", days = 60 }"
    );
}
