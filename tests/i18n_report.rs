//! The report renderers in Japanese (`--lang ja`) through the binary: the human
//! check and list reports, short output and the HTML page speak Japanese in every
//! word the renderers write, the tables line up by display width (a Japanese site
//! name takes two columns per character), the certificate summary's value column
//! too; and the English run still says what it said.

mod common;

use common::topocert_without_locale;
use topocert::i18n::Lang;
use topocert::roles::role_name_in;
use unicode_width::UnicodeWidthStr;

/// A copy of samples/multi-site whose sites are named 東京本社 and 大阪.
const JA_SITES: &str = "tests/data/topology/ja-sites.xml";

fn run(args: &[&str]) -> String {
    let out = topocert_without_locale()
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn enterprise(extra: &[&str]) -> String {
    let mut args = common::ENTERPRISE_CHECK.to_vec();
    args.extend_from_slice(extra);
    run(&args)
}

fn japanese(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Two consecutive lowercase English words (`[a-z]{2,} [a-z]{2,}`) in `text`: a
/// sentence left in English. Tokens with digits, dots, slashes, `=` or `@` are data
/// (names, paths, DNs, dates) and end a run.
fn english_pairs(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut prev: Option<&str> = None;
        for raw in line.split(' ') {
            let w = raw.trim_matches(|c: char| "(),;:.".contains(c));
            let word = w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase());
            let word = word
                && !raw.contains(['/', '=', '@'])
                && !raw.trim_end_matches(['.', ',', ')']).contains('.');
            if word {
                if let Some(p) = prev {
                    found.push(format!("{p} {w}  in  {line:?}"));
                }
                prev = Some(w);
            } else {
                prev = None;
            }
        }
    }
    found
}

/// The display column where each cell of a table line starts (cells are separated
/// by two or more spaces; a cell holds at most single spaces).
fn cell_columns(line: &str) -> Vec<usize> {
    let mut cols = Vec::new();
    let mut prev_spaces = 2;
    let mut col = 0;
    for c in line.chars() {
        if c == ' ' {
            prev_spaces += 1;
        } else {
            if prev_spaces >= 2 {
                cols.push(col);
            }
            prev_spaces = 0;
        }
        col += c.to_string().width();
    }
    cols
}

/// The table that starts with the line beginning with `header`, up to a blank line.
fn table<'a>(text: &'a str, header: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(header))
        .unwrap_or_else(|| panic!("no table starting with {header:?}:\n{text}"));
    lines[start..]
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .copied()
        .collect()
}

/// Every row of the table starts its cells at the header's display columns.
fn assert_aligned(rows: &[&str], columns: usize) {
    let head = cell_columns(rows[0]);
    assert_eq!(head.len(), columns, "{rows:#?}");
    for r in &rows[1..] {
        let cols = cell_columns(r);
        assert_eq!(cols, head, "row {r:?} is not aligned with {:?}", rows[0]);
    }
}

#[test]
fn list_columns_line_up_by_display_width_with_japanese_site_names() {
    for lang in ["ja", "en"] {
        let out = run(&["list", JA_SITES, "--lang", lang]);
        let header = if lang == "ja" {
            "サーバー"
        } else {
            "SERVER"
        };
        let rows = table(&out, header);
        assert_eq!(rows.len(), 5, "{out}");
        assert!(rows.iter().any(|r| r.contains("東京本社")), "{out}");
        assert!(rows.iter().any(|r| r.contains("大阪")), "{out}");
        assert_aligned(&rows, 6);
        // 東京本社 is 8 columns wide: the SITE column is padded to it, not to 4.
        let site = rows.iter().find(|r| r.contains("大阪")).unwrap();
        let after = site.split("大阪").nth(1).unwrap();
        assert!(
            after.starts_with("      ") && !after.starts_with("       "),
            "{site:?}"
        );
    }
}

#[test]
fn check_table_lines_up_by_display_width() {
    for lang in ["ja", "en"] {
        let out = run(&[
            "check",
            JA_SITES,
            "--valid-at",
            "2026-06-01",
            "--lang",
            lang,
        ]);
        let header = if lang == "ja" {
            "サーバー"
        } else {
            "SERVER"
        };
        let rows = table(&out, header);
        assert_eq!(rows.len(), 5, "{out}");
        assert_aligned(&rows, 5);
        let out = enterprise(&["--lang", lang]);
        assert_aligned(&table(&out, header), 5);
    }
}

#[test]
fn explain_all_lines_up_in_japanese() {
    let out = run(&["explain", "--all", "--lang", "ja"]);
    let rows = table(&out, "コード");
    assert!(rows.len() > 10, "{out}");
    // The summaries are sentences with single spaces: only the first two columns
    // are compared.
    let head = cell_columns(rows[0]);
    for r in &rows[1..] {
        assert_eq!(cell_columns(r)[..2], head[..2], "{r:?}");
    }
    assert!(out.contains("エラー") && out.contains("警告"), "{out}");
    assert!(!out.contains("CODE") && !out.contains(" error "), "{out}");
}

/// The part of a human check report after the findings: the table, the chains
/// and the totals (the findings' own sentences come from the rules).
fn after_findings<'a>(out: &'a str, header: &str) -> &'a str {
    let i = out.find(&format!("\n{header}")).expect("the server table");
    &out[i..]
}

#[test]
fn check_human_in_japanese() {
    let ja = enterprise(&["--lang", "ja"]);
    for want in [
        "サーバー            プール",
        "有効期限",
        "正常",
        "エラー",
        "(なし)",
        "証明書チェーン (サーバー証明書から順に):",
        "同じファイル",
        "信頼アンカー",
        "キー ID",
        "想定される CA: CN=Contoso Root CA, DC=contoso, DC=local (指定)",
        "5 台のサーバーを確認しました。4 台が常設チャットのインストールを妨げます。",
        "エラー 4 件、警告 1 件、注意 0 件。",
        "  ヒント: ",
        "(証明書)",
        "サブジェクト代替名:",
        "有効期間の終了:",
        "発行者:",
    ] {
        assert!(ja.contains(want), "missing {want:?}:\n{ja}");
    }
    for gone in [
        "Expected CA",
        "Chains (server",
        "checked,",
        "would block",
        "supplied (",
        "own file",
        "anchor",
        "key id",
        "  help: ",
        "(certificate)",
        "SERVER",
        "STATUS",
        "Subject Alt Names",
        "Not After",
        "Issuer:",
        " in samples/",
    ] {
        assert!(!ja.contains(gone), "English {gone:?} left:\n{ja}");
    }
    let tail = after_findings(&ja, "サーバー");
    let left = english_pairs(tail);
    assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
}

#[test]
fn certificate_summary_values_line_up_by_display_width() {
    let ja = enterprise(&["--lang", "ja"]);
    let labels = [
        "サブジェクト:",
        "発行者:",
        "シリアル番号:",
        "サブジェクト代替名:",
        "拡張キー使用法:",
        "CRL 配布ポイント:",
        "有効期間の開始:",
        "有効期間の終了:",
        "公開キー:",
        "署名アルゴリズム:",
        "サブジェクト キー識別子:",
        "機関キー識別子:",
    ];
    let widest = labels.iter().map(|l| l.width()).max().unwrap();
    let mut seen = 0;
    for line in ja.lines() {
        let Some((_, rest)) = line.split_once("│ ") else {
            continue;
        };
        let Some(label) = labels.iter().find(|l| rest.starts_with(**l)) else {
            continue;
        };
        seen += 1;
        let value_at = rest.len() - rest[label.len()..].trim_start().len();
        assert_eq!(rest[..value_at].width(), widest + 1, "{line:?}");
    }
    assert!(seen >= 5, "{ja}");
}

#[test]
fn list_human_in_japanese() {
    let ja = run(&["list", JA_SITES, "--lang", "ja"]);
    for want in [
        "内の常設チャットのファイル転送サーバー (公開されたトポロジ、utf-8)",
        "次ホップ",
        "コンポーネント",
        "はい",
        "2 個のプールに 4 台のサーバーがあります。",
        "常設チャット プール dub-pchat.fabrikam.local の次ホップ: dub-pool.fabrikam.local。",
    ] {
        assert!(ja.contains(want), "missing {want:?}:\n{ja}");
    }
    // Up to the findings (the rules' sentences), no English is left.
    let head = ja.split("\n\n\n").next().unwrap();
    let head = &head[..head.find("bare-host-name").unwrap_or(head.len())];
    let left = english_pairs(head);
    assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
    for gone in ["servers in", "NEXT HOP", "component", " yes ", "next hop"] {
        assert!(!head.contains(gone), "English {gone:?} left:\n{head}");
    }
    for sample in ["enterprise", "standard-edition", "topology-builder"] {
        let dir = std::fs::read_dir(format!("samples/{sample}")).unwrap();
        let topology = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.file_stem().is_some_and(|s| s == "topology"))
            .unwrap();
        let out = run(&["list", topology.to_str().unwrap(), "--lang", "ja"]);
        assert!(out.contains("台のサーバーがあります。"), "{sample}:\n{out}");
        let head = out.split("\n\n\n").next().unwrap();
        let head = head.split("\n\n").take(3).collect::<Vec<_>>().join("\n\n");
        let left = english_pairs(&head);
        assert!(
            left.is_empty(),
            "{sample}: English left:\n{}",
            left.join("\n")
        );
    }
}

#[test]
fn short_output_says_the_severity_in_japanese() {
    let ja = enterprise(&["--lang", "ja", "--format", "short"]);
    let en = enterprise(&["--lang", "en", "--format", "short"]);
    assert_eq!(ja.lines().count(), en.lines().count());
    for (j, e) in ja.lines().zip(en.lines()) {
        let word = |l: &str| {
            l.split('[')
                .next()
                .unwrap()
                .rsplit(' ')
                .next()
                .unwrap()
                .to_string()
        };
        let expect = match word(e).as_str() {
            "error" => "エラー",
            "warning" => "警告",
            "note" => "注意",
            other => panic!("{other:?} in {e:?}"),
        };
        assert_eq!(word(j), expect, "{j:?}");
        // The place and the code are the same.
        assert_eq!(j.split(' ').next(), e.split(' ').next());
        assert!(
            j.contains('[')
                && j[j.find('[').unwrap()..]
                    .starts_with(&e[e.find('[').unwrap()..e.find(']').unwrap()])
        );
    }
}

#[test]
fn html_page_in_japanese() {
    let ja = enterprise(&["--lang", "ja", "--format", "html"]);
    assert!(ja.contains("<html lang=\"ja\">"), "{ja}");
    assert!(ja.contains("\"Yu Gothic UI\", \"Meiryo\", \"Hiragino Sans\", \"Noto Sans CJK JP\""));
    for want in [
        "<h1>常設チャットの証明書レビュー</h1>",
        "<p class=\"meta\">トポロジ <code>samples/enterprise/topology.xml</code> (公開されたトポロジ、utf-8)",
        "想定される CA: ",
        "準備ができていません: 5 台のサーバーのうち 4 台が",
        "aria-label=\"概要\"",
        "</span>サーバー</li>",
        "</span>証明書ファイル (使用 4、参考 0、孤立 1、読み取り不可 0)</li>",
        "<th>サーバー</th><th>プール</th><th>サイト</th><th>証明書</th><th>発行者</th><th>有効期限</th><th>状態</th>",
        "<small>(次ホップ)</small>",
        "<em>なし</em>",
        "<span class=\"badge ok\">正常</span>",
        "<span class=\"badge error\">エラー</span>",
        "<span class=\"badge orphan\">孤立</span>",
        "<h2 id=\"findings\">検出結果 (5 件)</h2>",
        "<strong>ヒント:</strong>",
        "場所 <code>samples/enterprise/topology.xml:19:7</code> · サーバー <strong>fe02.contoso.local</strong>",
        "(既定の重大度: エラー)",
        "(キー ID <code>",
        "(証明書): ",
        "<footer>topocert ",
    ] {
        assert!(ja.contains(want), "missing {want:?}");
    }
    for gone in [
        "<html lang=\"en\">",
        "certificate review",
        "Expected CA",
        "Not ready",
        "No error",
        ">servers<",
        ">errors<",
        "certificate files (",
        "<th>Server</th>",
        "(next hop)",
        "<em>none</em>",
        ">ok<",
        ">orphan<",
        "Findings (",
        "Help:",
        "(default:",
        "key id",
        "own file",
        "(certificate)",
        "Generated by",
        "checked at",
        " at <code>",
    ] {
        assert!(!ja.contains(gone), "English {gone:?} left");
    }
    // The English page keeps its language and font stack.
    let en = enterprise(&["--format", "html"]);
    assert!(en.contains("<html lang=\"en\">"));
    assert!(!en.contains("Meiryo") && !japanese(&en));
}

#[test]
fn english_runs_say_what_they_said() {
    let en = enterprise(&[]);
    assert_eq!(en, enterprise(&["--lang", "en"]));
    assert!(en.contains(
        "5 servers checked, 4 would block the Persistent Chat install; 5 certificate files supplied (4 used, 0 context, 1 orphan, 0 unreadable); 4 errors, 1 warning, 0 notes.\n"
    ));
    assert!(en.contains("\nChains (server certificate first):\n"));
    assert!(en.contains("  help: "));
    assert!(!japanese(&en));
    let list = run(&["list", JA_SITES]);
    assert!(list.contains("\n4 servers in 2 pools.\n"), "{list}");
    let short = enterprise(&["--format", "short"]);
    assert!(short.contains(": error[ca-mismatch]: "), "{short}");
}

#[test]
fn role_names_in_japanese() {
    for (en, ja) in [
        ("Director", "ディレクター"),
        ("Front End", "フロント エンド"),
        ("Mediation", "仲介"),
        ("Edge", "エッジ"),
        ("Persistent Chat", "常設チャット"),
        ("file-transfer server", "ファイル転送サーバー"),
    ] {
        assert_eq!(role_name_in(Lang::En, en), en);
        assert_eq!(role_name_in(Lang::Ja, en), ja);
    }
    assert!(role_name_in(Lang::Ja, "Office Web Apps").starts_with("Office Web Apps"));
    assert_eq!(role_name_in(Lang::Ja, "SomethingElse"), "SomethingElse");
}
