//! Input that is not a readable topology stops `topocert list` with exit status 2 and
//! one message on stderr that names the file, the line and column, and what was
//! expected there. Never a panic, never a partial list on stdout. Fixtures are in
//! `tests/data/topology/bad/`; the large and deep files are generated.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn list(path: &str, format: &str) -> Run {
    let start = Instant::now();
    let out = Command::cargo_bin("topocert")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["list", path, "--format", format, "--color", "never"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: start.elapsed(),
    }
}

/// Runs `list` on `path` in both formats and checks the common contract: exit 2,
/// nothing on stdout, no panic, and each of `wanted` in the message. Returns stderr.
fn rejects(path: &str, wanted: &[&str]) -> String {
    let mut first = None;
    for format in ["human", "json"] {
        let r = list(path, format);
        assert_eq!(
            r.code,
            Some(2),
            "{path} ({format}): exit status\n{}",
            r.stderr
        );
        assert!(
            r.stdout.is_empty(),
            "{path} ({format}): stdout must stay empty, got\n{}",
            r.stdout
        );
        assert!(
            !r.stderr.contains("panicked") && !r.stderr.contains("RUST_BACKTRACE"),
            "{path} ({format}): panic\n{}",
            r.stderr
        );
        let flat = flatten(&r.stderr);
        for w in wanted {
            assert!(
                flat.contains(&flatten(w)),
                "{path} ({format}): stderr lacks {w:?}\n{}",
                r.stderr
            );
        }
        first.get_or_insert(r.stderr);
    }
    first.unwrap()
}

/// The text with miette's line wrapping undone: white space runs and the `│` gutter of
/// wrapped lines become one space.
fn flatten(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| *w != "│")
        .collect::<Vec<_>>()
        .join(" ")
}

/// A bad-input fixture, by file name.
fn bad(name: &str) -> String {
    format!("tests/data/topology/bad/{name}")
}

/// The `path:line:col` of the message and the `[path:line:col]` of the miette snippet.
fn at(path: &str, line: usize, col: usize) -> [String; 2] {
    [
        format!("{path}:{line}:{col}: "),
        format!("[{path}:{line}:{col}]"),
    ]
}

/// A file in the system temp directory, removed when dropped (even if the test fails).
struct TempFile(PathBuf);

impl TempFile {
    fn new(stem: &str, bytes: &[u8]) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let path = std::env::temp_dir().join(format!(
            "topocert-{stem}-{}-{nanos}.xml",
            std::process::id()
        ));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A file that does not exist is named with the operating system's reason. It has no
/// content, so there is no line or column to give.
#[test]
fn missing_file() {
    let path = bad("no-such-topology.xml");
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join(&path).exists());
    rejects(
        &path,
        &[
            &format!("cannot read {path}: "),
            "check the path and that the file is readable",
        ],
    );
}

/// A directory is refused by name, with a hint to pass the file itself.
#[test]
fn directory() {
    let path = bad("");
    let path = path.trim_end_matches('/');
    rejects(
        path,
        &[
            &format!("cannot read {path}: it is a directory"),
            "pass the topology file itself",
        ],
    );
}

/// An empty file has no root element; the message says what a topology is.
#[test]
fn empty_file() {
    let path = bad("empty.xml");
    let [msg, snippet] = at(&path, 1, 1);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "not a topology document: the file holds no XML element",
            "expected an exported Lync Server / Skype for Business topology",
        ],
    );
}

/// Binary data (a PNG header) is not text in any encoding topocert reads.
#[test]
fn binary_junk() {
    let path = bad("binary.bin");
    let [msg, _] = at(&path, 1, 1);
    rejects(
        &path,
        &[
            &msg,
            "invalid utf-8",
            "byte 0x89",
            "expected UTF-8 text, or UTF-16 with a byte order mark",
        ],
    );
}

/// Deterministic pseudo-random junk, through the library: always an error, never a
/// panic, whatever the bytes happen to look like (BOMs, NULs, `<`).
#[test]
fn random_junk_is_always_an_error() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let prefixes: [&[u8]; 6] = [b"", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b"<", b"<\0"];
    for i in 0..3000 {
        let len = (next() % 200) as usize;
        let mut bytes = prefixes[i % prefixes.len()].to_vec();
        bytes.extend((0..len).map(|_| next() as u8));
        let Ok(src) = topocert::source::SourceFile::decode("junk", &bytes) else {
            continue;
        };
        let src = std::sync::Arc::new(src);
        assert!(
            topocert::topology::parse(&src).is_err(),
            "junk #{i} parsed: {bytes:?}"
        );
    }
}

/// A web page saved instead of the export: the root element is named, and the two
/// roots topocert reads are given.
#[test]
fn html_page() {
    let path = bad("page.html");
    let [msg, snippet] = at(&path, 2, 1);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "not a topology document: the root element is `<html>`",
            "expected `<Topology>` or `<TopologyBuilder>`",
        ],
    );
}

/// Cut in the middle of a start tag (between attributes): located at the unfinished tag.
#[test]
fn truncated_inside_a_tag() {
    let path = bad("truncated-in-tag.xml");
    let [msg, snippet] = at(&path, 13, 7);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "the file ends inside a tag; it is truncated",
            "expected `>`",
        ],
    );
}

/// Cut inside an attribute value.
#[test]
fn truncated_inside_an_attribute_value() {
    let path = bad("truncated-in-value.xml");
    let [msg, snippet] = at(&path, 13, 7);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "the file ends inside an attribute value; it is truncated",
            "expected `\"`",
        ],
    );
}

/// Cut after a complete inner tag: quick-xml sees nothing wrong, the parser's own
/// tag stack does, and says which element is still open and where it was opened.
/// The location is the end of the text, on the last line that has any.
#[test]
fn truncated_after_a_complete_inner_tag() {
    let path = bad("truncated-after-tag.xml");
    // Line 13 is `      <Machine … />` (64 characters); the file ends after it.
    let [msg, snippet] = at(&path, 13, 65);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "the document ends before `<Cluster>` (opened on line 11) is closed; the file is truncated",
            "expected `</Cluster>`",
        ],
    );
}

/// Every truncation of a real-shaped topology is a located error, never a list:
/// the library over each cut point of a sample.
#[test]
fn every_truncation_is_an_error() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/standard-edition/topology.xml"),
    )
    .unwrap();
    let end = text.trim_end().len();
    for cut in (0..end).filter(|c| text.is_char_boundary(*c)) {
        let src = std::sync::Arc::new(topocert::source::SourceFile::new(
            "cut.xml",
            text[..cut].to_string(),
            topocert::source::TextEncoding::Utf8,
        ));
        match topocert::topology::parse(&src) {
            Ok(_) => panic!("cut at byte {cut} parsed as a topology"),
            Err(e) => {
                let (line, col) = src.line_col(e.span.start);
                assert!(line <= src.line_count() && col >= 1, "cut {cut}: {e}");
                assert!(
                    e.span.end <= cut,
                    "cut {cut}: span {:?} past the end",
                    e.span
                );
            }
        }
    }
}

/// Two root elements: the second is pointed at.
#[test]
fn two_root_elements() {
    let path = bad("two-roots.xml");
    let [msg, snippet] = at(&path, 4, 1);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "a second root element follows the end of the document",
            "expected the end of the document",
        ],
    );
}

/// Text before the root element (a console line pasted into the file).
#[test]
fn text_before_the_root() {
    let path = bad("text-before-root.xml");
    let [msg, snippet] = at(&path, 1, 1);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "text before the root element",
            "expected an exported Lync Server / Skype for Business topology",
        ],
    );
}

/// A closing tag that does not match: both names are given.
#[test]
fn mismatched_close_tag() {
    let path = bad("mismatched-close.xml");
    let [msg, snippet] = at(&path, 15, 7);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "closing tag `</Machin>` does not match the open element `<Machine>`",
            "expected `</Machine>`",
        ],
    );
}

/// A machine with two `Fqdn` attributes is not well-formed; which one is meant cannot
/// be known, so it is refused at the second one rather than the first taken silently.
#[test]
fn duplicate_attribute() {
    let path = bad("duplicate-attribute.xml");
    let [msg, snippet] = at(&path, 13, 63);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "attribute `Fqdn` appears twice in `<Machine>`",
            "expected each attribute once",
        ],
    );
}

/// A malformed attribute on an element topocert otherwise ignores (`<NetInterface>`)
/// is still an error, located at the value.
#[test]
fn unquoted_attribute_on_an_ignored_element() {
    let path = bad("unquoted-attribute.xml");
    let [msg, snippet] = at(&path, 14, 37);
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "an attribute value in `<NetInterface>` is not in quotes",
            "expected `\"` or `'`",
        ],
    );
}

/// A "billion laughs" DOCTYPE: entities are never expanded, so it finishes at once
/// and reports the reference to the undefined entity in the attribute.
#[test]
fn billion_laughs_is_not_expanded() {
    let path = bad("billion-laughs.xml");
    let [msg, snippet] = at(&path, 16, 20);
    let start = Instant::now();
    rejects(
        &path,
        &[
            &msg,
            &snippet,
            "the entity reference `&lol9;` is not one of the five XML entities and is never expanded",
        ],
    );
    // Two runs of the binary; an expansion would take minutes and gigabytes.
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

/// 10,000 nested elements: no stack overflow; the default limit of 256 levels gives a
/// located error at the first element too deep.
#[test]
fn ten_thousand_levels_of_nesting() {
    let mut x = String::from(
        "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n",
    );
    for _ in 1..10_000 {
        x.push_str("<Clusters>\n");
    }
    for _ in 1..10_000 {
        x.push_str("</Clusters>\n");
    }
    x.push_str("</Topology>\n");
    let file = TempFile::new("deep", x.as_bytes());
    // `<Topology>` is level 1 on line 1; level 257 is on line 257.
    let [msg, snippet] = at(file.path(), 257, 1);
    rejects(
        file.path(),
        &[
            &msg,
            &snippet,
            "elements are nested deeper than 256 levels",
            "level 257",
        ],
    );
}

/// The depth limit is a parameter of the library; the default is 256.
#[test]
fn depth_limit_is_configurable() {
    assert_eq!(topocert::topology::DEFAULT_MAX_DEPTH, 256);
    let text = "<Topology><a><b><c/></b></a></Topology>".to_string();
    let src = std::sync::Arc::new(topocert::source::SourceFile::new(
        "t.xml",
        text,
        topocert::source::TextEncoding::Utf8,
    ));
    assert!(topocert::topology::parse_with_limits(&src, 3).is_ok());
    let e = topocert::topology::parse_with_limits(&src, 2).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.xml:1:14: elements are nested deeper than 2 levels"
    );
}

/// A lone UTF-16 surrogate: located at the bad code unit (line and column of the
/// decoded text before it).
#[test]
fn lone_utf16_surrogate() {
    let path = bad("lone-surrogate.xml");
    // Line 13 is `      <Machine Fqdn="` then the surrogate.
    let [msg, _] = at(&path, 13, 22);
    rejects(
        &path,
        &[&msg, "invalid utf-16le: unpaired surrogate 0xD800"],
    );
}

/// An odd number of bytes after a UTF-16 BOM: the last byte is half a code unit.
#[test]
fn odd_length_utf16() {
    let path = bad("odd-length-utf16.xml");
    // The text ends with `</Topology>` CRLF (line 16), then one stray byte.
    let [msg, _] = at(&path, 17, 1);
    rejects(
        &path,
        &[
            &msg,
            "invalid utf-16le: the file ends in the middle of a UTF-16 code unit",
        ],
    );
}

/// An odd-length UTF-16 file whose real fault is a lone surrogate earlier on, after
/// non-ASCII text, is reported as the surrogate, where it is.
#[test]
fn odd_length_utf16_with_an_earlier_surrogate() {
    let mut bytes = vec![0xFF, 0xFE];
    let text = "<Topology>\n<Name>Zürich 東京 São Paulo Zürich 東京 São Paulo</Name>";
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes.extend(0xDC00u16.to_le_bytes());
    bytes.extend("</Topology>".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.push(b'\n');
    let err = topocert::source::SourceFile::decode("t.xml", &bytes).unwrap_err();
    let col = "<Name>Zürich 東京 São Paulo Zürich 東京 São Paulo</Name>"
        .chars()
        .count()
        + 1;
    assert_eq!(
        err.to_string(),
        format!("t.xml:2:{col}: invalid utf-16le: unpaired surrogate 0xDC00")
    );
}

/// A ~50 MB topology with 100,000 machines in 10,000 Front End pools lists completely.
#[test]
fn fifty_megabyte_topology_lists() {
    const POOLS: usize = 10_000;
    const PER_POOL: usize = 10;
    let mut x = String::with_capacity(52 << 20);
    x.push_str(
        "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n  <InternalDomains AllowAllDomains=\"false\" DefaultDomain=\"big.local\" />\n  <Sites>\n    <CentralSite SiteId=\"1\">\n      <Name>Big</Name>\n    </CentralSite>\n  </Sites>\n  <Clusters>\n",
    );
    for p in 1..=POOLS {
        x.push_str(&format!(
            "    <Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"pool{p:05}.big.local\">\n      <ClusterId SiteId=\"1\" Number=\"{p}\" />\n"
        ));
        for m in 1..=PER_POOL {
            let host = format!("fe{p:05}-{m:02}.big.local");
            x.push_str(&format!(
                "      <Machine OrdinalInCluster=\"{m}\" Fqdn=\"{host}\" FaultDomain=\"{host}\" UpgradeDomain=\"{host}\">\n        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />\n        <NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />\n        <NetInterface InterfaceSide=\"Pstn\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />\n      </Machine>\n"
            ));
        }
        x.push_str("    </Cluster>\n");
    }
    x.push_str("  </Clusters>\n  <Services>\n");
    for p in 1..=POOLS {
        for role in ["UserServices", "Registrar", "WebServices"] {
            x.push_str(&format!(
                "    <Service RoleVersion=\"1\" ServiceVersion=\"6\">\n      <ServiceId SiteId=\"1\" RoleName=\"{role}\" Instance=\"{p}\" />\n      <DependsOn />\n      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"{p}\" />\n      </InstalledOn>\n"
            ));
            if role == "WebServices" {
                x.push_str("      <WebService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\">\n        <WebComponents>\n          <Component ComponentName=\"PersistentChatWeb\" />\n        </WebComponents>\n      </WebService>\n");
            }
            x.push_str("    </Service>\n");
        }
    }
    x.push_str("  </Services>\n</Topology>\n");
    assert!((45 << 20..60 << 20).contains(&x.len()), "{} bytes", x.len());
    let file = TempFile::new("large", x.as_bytes());
    drop(x);

    let r = list(file.path(), "human");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    let rows = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("fe"))
        .collect::<Vec<_>>();
    assert_eq!(rows.len(), POOLS * PER_POOL);
    assert!(rows[0].starts_with("fe00001-01.big.local  pool00001.big.local"));
    assert!(rows[rows.len() - 1].starts_with("fe10000-10.big.local  pool10000.big.local"));
    assert!(
        r.stdout.contains("100000 servers in 10000 pools."),
        "{}",
        &r.stdout[r.stdout.len().saturating_sub(2000)..]
    );
    eprintln!("50 MB list: {:?}", r.elapsed);
}
