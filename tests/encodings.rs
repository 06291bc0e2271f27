//! The same topology text gives the same servers, at the same lines and columns,
//! whatever encoding it is stored in: UTF-8 (with or without BOM), UTF-16LE with a
//! BOM (what PowerShell 5.1's `>` writes), UTF-16BE with a BOM and UTF-16LE without
//! one.

use std::sync::Arc;

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;
use topocert::source::{SourceFile, TextEncoding};

/// The five byte forms of `text`, each with the encoding the reader must report.
fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>, TextEncoding)> {
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with = |bom: &[u8], body: &[u8]| [bom, body].concat();
    vec![
        ("utf-8", text.as_bytes().to_vec(), TextEncoding::Utf8),
        (
            "utf-8-bom",
            with(&[0xEF, 0xBB, 0xBF], text.as_bytes()),
            TextEncoding::Utf8Bom,
        ),
        (
            "utf-16le-bom",
            with(&[0xFF, 0xFE], &le),
            TextEncoding::Utf16Le,
        ),
        (
            "utf-16be-bom",
            with(&[0xFE, 0xFF], &be),
            TextEncoding::Utf16Be,
        ),
        ("utf-16le", le, TextEncoding::Utf16Le),
    ]
}

/// What `roles::resolve` says about one server, with its position as line:col.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    fqdn: Option<String>,
    pool: Option<String>,
    site: Option<String>,
    rule: &'static str,
    next_hop: bool,
    line: usize,
    column: usize,
}

fn servers(name: &str, bytes: &[u8], expected: TextEncoding) -> Vec<Row> {
    let src = SourceFile::decode(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(src.encoding(), expected, "{name}: encoding");
    let src = Arc::new(src);
    let t = topocert::topology::parse(&src).unwrap_or_else(|e| panic!("{name}: {e}"));
    topocert::roles::resolve(&t)
        .servers
        .iter()
        .map(|s| {
            let (line, column) = src.line_col(s.span.start);
            Row {
                fqdn: s.fqdn.as_ref().map(|f| f.as_str().to_owned()),
                pool: s.pool.as_ref().map(|f| f.as_str().to_owned()),
                site: s.site.clone(),
                rule: s.rule.as_str(),
                next_hop: s.next_hop,
                line,
                column,
            }
        })
        .collect()
}

/// A generated Front End pool.
#[derive(Debug, Clone)]
struct Pool {
    /// Host names of its machines; `true` = written bare (qualified with the default domain).
    machines: Vec<(String, bool)>,
    /// Non-ASCII text put in a comment on the line before each `<Machine`, shifting
    /// the column of the tag by a number of scalar values that differs from its byte count.
    prefix: String,
}

#[derive(Debug, Clone)]
struct Doc {
    domain: String,
    site: String,
    pools: Vec<Pool>,
    components: bool,
    pchat: bool,
    crlf: bool,
    decl: Option<&'static str>,
    /// White space before the root element (only without a declaration, which must
    /// come first).
    lead: &'static str,
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The topology text, and the rows a correct reader must produce (without positions).
fn render(d: &Doc) -> (String, Vec<(String, String, bool)>) {
    let mut x = String::new();
    match d.decl {
        Some(decl) => {
            x.push_str(decl);
            x.push('\n');
        }
        None => x.push_str(d.lead),
    }
    x.push_str("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n");
    x.push_str(&format!(
        "  <InternalDomains DefaultDomain=\"{}\">\n    <InternalDomain Name=\"{0}\" />\n  </InternalDomains>\n",
        d.domain
    ));
    x.push_str(&format!(
        "  <Sites>\n    <CentralSite SiteId=\"1\">\n      <Name>{}</Name>\n    </CentralSite>\n  </Sites>\n",
        xml_escape(&d.site)
    ));
    x.push_str("  <Clusters>\n");
    let mut expected = Vec::new();
    for (i, p) in d.pools.iter().enumerate() {
        let n = i + 1;
        let pool = format!("pool{n}.{}", d.domain);
        x.push_str(&format!(
            "    <Cluster Fqdn=\"{pool}\">\n      <ClusterId SiteId=\"1\" Number=\"{n}\" />\n"
        ));
        for (host, bare) in &p.machines {
            let written = if *bare {
                host.clone()
            } else {
                format!("{host}.{}", d.domain)
            };
            x.push_str(&format!(
                "      <!--{}--><Machine Fqdn=\"{written}\" />\n",
                p.prefix
            ));
            expected.push((
                format!("{host}.{}", d.domain),
                pool.clone(),
                d.pchat && i == 0,
            ));
        }
        x.push_str("    </Cluster>\n");
    }
    let pc = d.pools.len() + 1;
    if d.pchat {
        x.push_str(&format!(
            "    <Cluster Fqdn=\"pchat.{}\">\n      <ClusterId SiteId=\"1\" Number=\"{pc}\" />\n      <Machine Fqdn=\"pc01.{0}\" />\n    </Cluster>\n",
            d.domain
        ));
    }
    x.push_str("  </Clusters>\n  <Services>\n");
    let service = |x: &mut String, role: &str, n: usize, body: &str| {
        x.push_str(&format!(
            "    <Service RoleVersion=\"1\" ServiceVersion=\"6\">\n      <ServiceId SiteId=\"1\" RoleName=\"{role}\" Instance=\"{n}\" />\n      <DependsOn>{body}</DependsOn>\n      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"{n}\" />\n      </InstalledOn>\n"
        ));
    };
    for n in 1..=d.pools.len() {
        service(&mut x, "UserServices", n, "");
        x.push_str("    </Service>\n");
        service(&mut x, "Registrar", n, "");
        x.push_str("      <RegistrarService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" IsDirector=\"false\" />\n    </Service>\n");
        service(&mut x, "WebServices", n, "");
        x.push_str("      <WebService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\">\n");
        if d.components {
            x.push_str("        <WebComponents>\n          <Component ComponentName=\"Meet\" />\n          <Component ComponentName=\"PersistentChatWeb\" />\n        </WebComponents>\n");
        }
        x.push_str("      </WebService>\n    </Service>\n");
    }
    if d.pchat {
        service(
            &mut x,
            "PersistentChatService",
            pc,
            "\n        <Dependency Usage=\"Default\">\n          <ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"1\" />\n        </Dependency>\n      ",
        );
        x.push_str("    </Service>\n");
    }
    x.push_str("  </Services>\n</Topology>\n");
    if d.crlf {
        x = x.replace('\n', "\r\n");
    }
    (x, expected)
}

fn host() -> impl Strategy<Value = (String, bool)> {
    ("[a-z][a-z0-9-]{0,12}[a-z0-9]", any::<bool>())
}

fn doc() -> impl Strategy<Value = Doc> {
    let pool = (
        proptest::collection::vec(host(), 1..4),
        "[ a-zA-Zé字😀ß]{0,6}",
    )
        .prop_map(|(machines, prefix)| Pool { machines, prefix });
    (
        "[a-z]{1,10}\\.(local|com|example)",
        // Site names: non-ASCII, astral (surrogate pairs in UTF-16), markup characters.
        "[A-Za-z0-9 ÄÖÜäöüßéèçøåŁ東京都서울😀🏢&<>'-]{1,16}",
        proptest::collection::vec(pool, 1..4),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![
            Just(None),
            Just(Some("<?xml version=\"1.0\"?>")),
            Just(Some("<?xml version=\"1.0\" encoding=\"utf-8\"?>")),
            Just(Some("<?xml version=\"1.0\" encoding=\"utf-16\"?>")),
        ],
        prop_oneof![Just(""), Just(""), Just("\n"), Just("  "), Just("\t\n")],
    )
        .prop_map(
            |(domain, site, pools, components, pchat, crlf, decl, lead)| Doc {
                domain,
                site,
                pools,
                components,
                pchat,
                crlf,
                decl,
                lead,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Every encoding of a random topology gives the same server list, at the same
    /// line:col, and that list is the one the topology describes.
    #[test]
    fn every_encoding_gives_the_same_servers(d in doc()) {
        let (text, expected) = render(&d);
        let forms = encodings(&text);
        let (name0, bytes0, enc0) = &forms[0];
        let reference = servers(name0, bytes0, *enc0);

        let got: Vec<(String, String, bool)> = reference
            .iter()
            .map(|r| (r.fqdn.clone().unwrap_or_default(), r.pool.clone().unwrap_or_default(), r.next_hop))
            .collect();
        prop_assert_eq!(&got, &expected);
        let rule = if d.components { "component" } else { "front-end-pool" };
        let site = match d.site.trim() {
            "" => "site 1",
            name => name,
        };
        for r in &reference {
            prop_assert_eq!(r.rule, rule);
            prop_assert_eq!(r.site.as_deref(), Some(site));
        }
        // Independent check of the position: find each `<Machine` in the text.
        let starts: Vec<(usize, usize)> = text
            .match_indices("<Machine")
            .take(reference.len())
            .map(|(at, _)| {
                let before = &text[..at];
                let line = before.matches('\n').count() + 1;
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                (line, before[line_start..].chars().count() + 1)
            })
            .collect();
        let positions: Vec<(usize, usize)> = reference.iter().map(|r| (r.line, r.column)).collect();
        prop_assert_eq!(positions, starts);

        for (name, bytes, enc) in &forms[1..] {
            let rows = servers(name, bytes, *enc);
            prop_assert_eq!(&rows, &reference, "{} differs from utf-8", name);
        }
    }
}

/// `list --format json` of the UTF-16LE sample equals that of the UTF-8 one except
/// for the path and encoding. Offsets are bytes of the decoded text, and the UTF-16
/// sample has CRLF line ends, so each offset is larger by one byte per line above it.
#[test]
fn enterprise_utf16_lists_like_enterprise() {
    let list = |path: &str| -> Value {
        let out = Command::cargo_bin("topocert")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["list", path, "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{path}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let utf8 = list("samples/enterprise/topology.xml");
    let mut utf16 = list("samples/enterprise-utf16/topology.xml");

    assert_eq!(utf8["topology"]["encoding"], "utf-8");
    assert_eq!(utf16["topology"]["encoding"], "utf-16le");
    assert_eq!(utf8["servers"].as_array().unwrap().len(), 5);

    // Normalise the UTF-16 document onto the UTF-8 one, checking as we go.
    fn normalise(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(p)) = map.get_mut("path") {
                    assert_eq!(p, "samples/enterprise-utf16/topology.xml");
                    *p = "samples/enterprise/topology.xml".into();
                }
                if let (Some(line), Some(Value::Number(off))) = (
                    map.get("line").and_then(Value::as_u64),
                    map.get("offset").cloned(),
                ) {
                    let crlf_bytes = line - 1;
                    map.insert(
                        "offset".into(),
                        Value::from(off.as_u64().unwrap() - crlf_bytes),
                    );
                }
                map.values_mut().for_each(normalise);
            }
            Value::Array(a) => a.iter_mut().for_each(normalise),
            _ => {}
        }
    }
    normalise(&mut utf16);
    utf16["topology"]["encoding"] = "utf-8".into();
    assert_eq!(utf16, utf8);
}

/// UTF-16 without a BOM is recognised when white space comes before the root element,
/// not only when the file starts with `<`.
#[test]
fn utf16_without_bom_may_start_with_white_space() {
    for lead in ["\r\n", "\n", "  ", "\t"] {
        let text = format!("{lead}<Topology xmlns=\"urn:x\"/>\r\n");
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, enc) in [(le, TextEncoding::Utf16Le), (be, TextEncoding::Utf16Be)] {
            let src = SourceFile::decode("t.xml", &bytes).unwrap();
            assert_eq!(src.encoding(), enc, "{lead:?}");
            assert_eq!(src.text(), text, "{lead:?}");
            assert!(
                topocert::topology::parse(&Arc::new(src)).is_ok(),
                "{lead:?}"
            );
        }
    }
    // UTF-8 starting with white space is still UTF-8.
    let src = SourceFile::decode("t.xml", b"\n <Topology/>").unwrap();
    assert_eq!(src.encoding(), TextEncoding::Utf8);
}
