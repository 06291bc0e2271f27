/*!
HTML output: one self-contained review page for change and approval meetings. The
CSS is inline; there is no script, no web font and no other resource, so the page
opens the same from a mail attachment, a file share or a CI artifact, and prints
cleanly (print rules keep each finding on one page and keep the status colours).

The page shows the verdict and counts, a table of the Persistent Chat file-transfer
servers (server, pool, site, certificate, issuer, expiry, status), the supplied
certificate files, and every finding with its location, help, a few numbered lines
of the topology around the place it points at (or the certificate summary field),
and the rule's explanation. Every piece of text from the topology, the certificates
or the findings is HTML-escaped.
*/

use std::fmt::Write as _;
use std::ops::Range;

use crate::certs::FileStatus;
use crate::certs::summary::{Field, summary};
use crate::check::Report;
use crate::rules::{Code, Finding, Place, Severity, Subject};
use crate::source::SourceFile;

/// Lines of context shown before and after the line a finding points at.
const CONTEXT: usize = 2;
/// Longest line shown whole; longer ones are clipped around the marked part.
const MAX_LINE_CHARS: usize = 240;

const CSS: &str = r#"
:root { --err: #b3261e; --warn: #8a5a00; --note: #0b5cad; --ok: #1e7a34; --line: #d0d7de; --muted: #57606a; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; margin: 0 auto; padding: 24px 32px; max-width: 1200px; line-height: 1.45; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05em; margin: 0; }
h4 { font-size: .95em; margin: 12px 0 4px; }
.meta { color: var(--muted); margin: 0; }
.meta code, td code, .loc code { font-size: .95em; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.verdict { margin: 16px 0; padding: 12px 16px; border-radius: 6px; font-weight: 600; border: 1px solid; }
.verdict.fail { background: #ffebe9; border-color: #ff8182; color: var(--err); }
.verdict.pass { background: #dafbe1; border-color: #4ac26b; color: var(--ok); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; background: var(--bg-soft); }
.cards .n { display: block; font-size: 1.6em; font-weight: 700; }
.cards .error .n { color: var(--err); } .cards .warning .n { color: var(--warn); } .cards .note .n { color: var(--note); }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: var(--bg-soft); white-space: nowrap; }
td.path { min-width: 13em; }
td.path code { word-break: break-all; }
td.nowrap { white-space: nowrap; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: .85em; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.error { background: var(--err); } .badge.warning { background: var(--warn); } .badge.note { background: var(--note); } .badge.ok { background: var(--ok); }
.badge.orphan { background: var(--warn); } .badge.unreadable { background: var(--err); } .badge.used { background: var(--ok); } .badge.context { background: var(--note); } .badge.not-checked { background: var(--muted); }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--note); border-radius: 6px; padding: 12px 16px; margin: 14px 0; }
.finding.error { border-left-color: var(--err); } .finding.warning { border-left-color: var(--warn); }
.finding .head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.finding .code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
.finding .msg { margin: 6px 0; font-weight: 600; }
.loc { color: var(--muted); margin: 0 0 6px; }
.help { margin: 6px 0; }
.snippet { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: 6px 0; margin: 8px 0; overflow-x: auto; font-size: .85em; white-space: pre-wrap; overflow-wrap: anywhere; }
.snippet .ln { display: inline-block; min-width: 4.5em; padding: 0 10px 0 6px; text-align: right; color: var(--muted); user-select: none; border-right: 1px solid var(--line); margin-right: 8px; }
.snippet .hit { background: #fff8c5; display: block; }
.snippet .cap { color: var(--muted); padding: 0 10px 4px; display: block; }
mark { background: #ffd33d; color: inherit; padding: 0 1px; border-radius: 2px; }
.explain { border-top: 1px dashed var(--line); margin-top: 10px; padding-top: 4px; font-size: .92em; }
.explain p { margin: 4px 0; }
footer { margin-top: 32px; color: var(--muted); font-size: .85em; }
@media print {
  @page { margin: 14mm; }
  body { padding: 0; max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .finding, tr, .cards li { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .snippet { overflow: visible; }
  table { font-size: 8.5pt; }
  td.path { min-width: 11em; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Added to [`CSS`] on a Japanese page: Japanese fonts of Windows, macOS and Linux
/// before the generic family, so the page never falls back to a Chinese face.
const CSS_JA: &str = r#"body { font-family: system-ui, -apple-system, "Segoe UI", "Yu Gothic UI", "Meiryo", "Hiragino Sans", "Noto Sans CJK JP", Roboto, "Helvetica Neue", Arial, sans-serif; }
"#;

/// Escape text for HTML element content and double-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn sev_class(s: Severity) -> &'static str {
    s.as_str()
}

/// An argument of [`msg`].
enum A<'a> {
    /// HTML, already escaped (data goes through [`esc`] first).
    Html(String),
    /// A selector value of the catalogue (`yes`, `error`): our own word, not data.
    Sel(&'a str),
    /// A count.
    N(usize),
}

/// A catalogue message as HTML: the catalogue's text is escaped, the [`A::Html`]
/// arguments are inserted as they are (each in one pass, so nothing an argument
/// holds is read as another argument).
fn msg(id: &str, args: &[(&str, A<'_>)]) -> String {
    const OPEN: char = '\u{E000}';
    const CLOSE: char = '\u{E001}';
    let mut fargs = crate::i18n::Args::new();
    let mut html = Vec::new();
    for (name, a) in args {
        match a {
            A::Html(h) => {
                fargs.set(*name, format!("{OPEN}{}{CLOSE}", html.len()));
                html.push(h.as_str());
            }
            A::Sel(s) => fargs.set(*name, *s),
            A::N(n) => fargs.set(*name, *n),
        }
    }
    let text = esc(&crate::i18n::message(id, Some(&fargs)));
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text.as_str();
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + OPEN.len_utf8()..];
        let token = after
            .find(CLOSE)
            .and_then(|j| Some((after[..j].parse::<usize>().ok()?, j)));
        match token.and_then(|(n, j)| Some((html.get(n)?, j))) {
            Some((h, j)) => {
                out.push_str(h);
                rest = &after[j + CLOSE.len_utf8()..];
            }
            None => {
                out.push(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A message without arguments as HTML.
fn words(id: &str) -> String {
    msg(id, &[])
}

/// Inline markdown of the explanations: `code` spans only.
fn inline(text: &str) -> String {
    let escaped = esc(text);
    let mut out = String::with_capacity(escaped.len());
    let mut open = false;
    for part in escaped.split('`') {
        if !out.is_empty() || open {
            out.push_str(if open { "<code>" } else { "</code>" });
        }
        out.push_str(part);
        open = !open;
    }
    if !open {
        // An odd number of backticks: close the last code span.
        out.push_str("</code>");
    }
    out
}

/// The rule explanation (markdown with `## ` headings, paragraphs, `- ` lists) as HTML.
fn explanation_html(code: Code) -> String {
    let mut out = String::new();
    let mut para: Vec<String> = Vec::new();
    let mut list = false;
    let flush = |out: &mut String, para: &mut Vec<String>| {
        if !para.is_empty() {
            let _ = write!(out, "<p>{}</p>", inline(&para.join(" ")));
            para.clear();
        }
    };
    for raw in code.explanation().lines() {
        let line = raw.trim_end();
        if let Some(h) = line.strip_prefix("## ") {
            flush(&mut out, &mut para);
            if list {
                out.push_str("</ul>");
                list = false;
            }
            let _ = write!(out, "<h4>{}</h4>", inline(h));
        } else if let Some(item) = line.strip_prefix("- ") {
            flush(&mut out, &mut para);
            if !list {
                out.push_str("<ul>");
                list = true;
            }
            let _ = write!(out, "<li>{}</li>", inline(item));
        } else if line.trim().is_empty() {
            flush(&mut out, &mut para);
            if list {
                out.push_str("</ul>");
                list = false;
            }
        } else {
            para.push(line.trim().to_string());
        }
    }
    flush(&mut out, &mut para);
    if list {
        out.push_str("</ul>");
    }
    out
}

/// Byte range `r` clamped into `text` on character boundaries.
fn clamp(text: &str, r: Range<usize>) -> Range<usize> {
    let fix = |mut o: usize| {
        o = o.min(text.len());
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        o
    };
    let s = fix(r.start);
    s..fix(r.end).max(s)
}

/// One line of a snippet: `line` is the line's byte range, `mark` the marked bytes.
fn snippet_line(text: &str, line: Range<usize>, mark: &Range<usize>) -> (String, bool) {
    let line = clamp(text, line);
    let m = clamp(
        text,
        mark.start.max(line.start)..mark.end.min(line.end).max(mark.start.max(line.start)),
    );
    let hit = if mark.start == mark.end {
        (line.start..=line.end).contains(&mark.start)
    } else {
        mark.start < line.end.max(line.start + 1) && mark.end > line.start
    };
    let (mut from, mut to) = (line.start, line.end);
    let chars = text.get(line.clone()).map_or(0, |s| s.chars().count());
    if chars > MAX_LINE_CHARS {
        // Clip long lines (exports are sometimes one long line) around the mark.
        let anchor = if hit { m.start } else { line.start };
        let before: usize = 60;
        from = text
            .get(line.start..anchor)
            .map(|s| {
                let n = s.chars().count();
                let skip = n.saturating_sub(before);
                s.char_indices()
                    .nth(skip)
                    .map_or(anchor, |(i, _)| line.start + i)
            })
            .unwrap_or(line.start);
        to = text
            .get(from..line.end)
            .and_then(|s| s.char_indices().nth(MAX_LINE_CHARS).map(|(i, _)| from + i))
            .unwrap_or(line.end);
    }
    let piece = |r: Range<usize>| text.get(clamp(text, r)).map(esc).unwrap_or_default();
    let mut html = String::new();
    if from > line.start {
        html.push('…');
    }
    if hit && m.end > m.start && m.start < to && m.end > from {
        let ms = m.start.max(from);
        let me = m.end.min(to);
        html.push_str(&piece(from..ms));
        html.push_str("<mark>");
        html.push_str(&piece(ms..me));
        html.push_str("</mark>");
        html.push_str(&piece(me..to));
    } else {
        html.push_str(&piece(from..to));
    }
    if to < line.end {
        html.push('…');
    }
    (html, hit)
}

/// Numbered lines of `src` around `span`, the span marked.
fn snippet(src: &SourceFile, span: &Range<usize>, caption: &str) -> String {
    let (first, _) = src.line_col(span.start);
    let (last, _) = src.line_col(span.end.max(span.start));
    let from = first.saturating_sub(CONTEXT).max(1);
    let to = (last + CONTEXT).min(src.line_count());
    numbered(src, from..=to, Some(span), caption)
}

/// A `<pre>` of the numbered lines `lines` (1-based) of `src`, `mark` highlighted.
fn numbered(
    src: &SourceFile,
    lines: std::ops::RangeInclusive<usize>,
    mark: Option<&Range<usize>>,
    caption: &str,
) -> String {
    let mut out = format!(
        "<pre class=\"snippet\"><span class=\"cap\">{}</span>",
        esc(caption)
    );
    for n in lines {
        let (html, hit) = snippet_line(src.text(), src.line_range(n - 1), mark.unwrap_or(&(0..0)));
        let hit = hit && mark.is_some();
        let _ = write!(
            out,
            "<span class=\"{}\"><span class=\"ln\">{n}</span>{html}</span>",
            if hit { "hit" } else { "row" }
        );
        if !hit {
            out.push('\n');
        }
    }
    out.push_str("</pre>");
    out
}

/// The certificate summary of a finding's certificate, with its field marked.
fn cert_snippet(rep: &Report, f: &Finding) -> Option<String> {
    let file = f.certificate.and_then(|i| rep.files.get(i))?;
    let leaf = file.leaf()?;
    let sum = summary(leaf);
    let src = SourceFile::new(
        file.path.clone(),
        sum.text.clone(),
        crate::source::TextEncoding::Utf8,
    );
    let label = f.certificate_label();
    let span = sum.span_of(label.map_or(Field::Subject, |l| l.0))?;
    let caption = match label {
        Some((_, l)) => crate::t!(
            "report-html-certificate-caption",
            path = file.path.as_str(),
            label = l
        ),
        None => crate::t!("report-certificate-source", path = file.path.as_str()),
    };
    // The whole summary is short: show every line, the field marked.
    let mark = label.is_some().then_some(&span);
    let mut last = src.line_count();
    if last > 0 && src.line_range(last - 1).is_empty() {
        last -= 1;
    }
    Some(numbered(&src, 1..=last, mark, &caption))
}

fn finding_html(rep: &Report, i: usize, f: &Finding) -> String {
    let mut out = String::new();
    let sev = sev_class(f.severity);
    let _ = write!(
        out,
        "<section class=\"finding {sev}\" id=\"finding-{n}\"><div class=\"head\"><span class=\"badge {sev}\">{word}</span><h3 class=\"code\">{code}</h3></div><p class=\"msg\">{msg}</p>",
        n = i + 1,
        word = esc(&super::severity_word(f.severity)),
        code = esc(f.code.as_str()),
        msg = esc(&f.message),
    );
    let server = f.server_name(&rep.topology);
    let loc = super::locate_in(rep, f);
    let strong = |s: &str| A::Html(format!("<strong>{}</strong>", esc(s)));
    if let Some(l) = &loc {
        let location = A::Html(format!(
            "<code>{}:{}:{}</code>",
            esc(&l.path),
            l.line,
            l.column
        ));
        let text = match &server {
            Some(s) => msg(
                "report-html-at-server",
                &[("location", location), ("server", strong(s))],
            ),
            None => msg("report-html-at", &[("location", location)]),
        };
        let _ = write!(out, "<p class=\"loc\">{text}</p>");
    } else if let Some(s) = &server {
        let _ = write!(
            out,
            "<p class=\"loc\">{}</p>",
            msg("report-html-server", &[("server", strong(s))])
        );
    }
    if !f.help.is_empty() {
        let _ = write!(
            out,
            "<p class=\"help\"><strong>{}</strong> {}</p>",
            words("report-html-help"),
            esc(&f.help)
        );
    }
    for l in &f.labels {
        let (src, span) = match &l.place {
            Place::Topology(span) => (&*rep.topology.source, span),
            Place::Config(span) => match &rep.config {
                Some(c) => (&**c, span),
                None => continue,
            },
            Place::Certificate { .. } => continue,
        };
        let caption = if l.text.is_empty() {
            src.name().to_string()
        } else {
            format!("{}: {}", src.name(), l.text)
        };
        out.push_str(&snippet(src, span, &caption));
    }
    if f.certificate_label().is_some() || f.topology_label().is_none() {
        if let Some(c) = cert_snippet(rep, f) {
            out.push_str(&c);
        }
    }
    let info = f.code.info();
    let _ = write!(
        out,
        "<div class=\"explain\"><p>{}</p>{}</div></section>",
        msg(
            "report-html-rule",
            &[
                (
                    "code",
                    A::Html(format!("<strong>{}</strong>", esc(info.code)))
                ),
                ("summary", A::Html(esc(&f.code.summary()))),
                (
                    "severity",
                    A::Html(esc(&super::severity_word(info.default_severity)))
                ),
            ]
        ),
        explanation_html(f.code)
    );
    out
}

/// `topocert check --format html`.
pub fn render_check(rep: &Report) -> String {
    let t = &rep.topology;
    let errors = rep.count(Severity::Error);
    let warnings = rep.count(Severity::Warning);
    let notes = rep.count(Severity::Note);
    let blocking = rep
        .servers
        .iter()
        .filter(|s| s.worst == Some(Severity::Error))
        .count();
    let files = |st: FileStatus| rep.files.iter().filter(|f| f.status == st).count();
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"topocert {ver}\">\n<title>topocert: {name}</title>\n<style>{CSS}{css_ja}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n<p class=\"meta\">{meta}</p>\n",
        lang = match crate::i18n::current() {
            crate::i18n::Lang::En => "en",
            crate::i18n::Lang::Ja => "ja",
        },
        css_ja = match crate::i18n::current() {
            crate::i18n::Lang::En => "",
            crate::i18n::Lang::Ja => CSS_JA,
        },
        ver = env!("CARGO_PKG_VERSION"),
        name = esc(t.source.name()),
        title = words("report-html-title"),
        meta = msg(
            "report-html-meta",
            &[
                (
                    "name",
                    A::Html(format!("<code>{}</code>", esc(t.source.name())))
                ),
                ("format", A::Html(esc(&super::topology_format_word(t)))),
                ("encoding", A::Html(esc(&t.source.encoding().name()))),
                ("at", A::Html(esc(&crate::text::timestamp(rep.valid_at)))),
                ("version", A::Html(env!("CARGO_PKG_VERSION").to_string())),
            ]
        ),
    );
    let ca = super::expected_ca(rep, "report-html-ca-unknown");
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>\n</header>",
        msg("report-expected-ca", &[("ca", A::Html(esc(&ca)))])
    );

    let (class, verdict) = if errors > 0 {
        (
            "fail",
            msg(
                "report-html-verdict-fail",
                &[
                    ("blocking", A::N(blocking)),
                    ("servers", A::N(rep.servers.len())),
                    ("errors", A::N(errors)),
                ],
            ),
        )
    } else {
        let verdict = match rep.servers.len() {
            0 => words("report-html-verdict-no-server"),
            1 => words("report-html-verdict-one"),
            n => msg("report-html-verdict-all", &[("n", A::N(n))]),
        };
        ("pass", verdict)
    };
    let _ = writeln!(
        out,
        "<p class=\"verdict {class}\" role=\"status\">{verdict}</p>"
    );
    let _ = writeln!(
        out,
        "<ul class=\"cards\" aria-label=\"{}\"><li><span class=\"n\">{}</span>{}</li><li class=\"error\"><span class=\"n\">{errors}</span>{}</li><li class=\"warning\"><span class=\"n\">{warnings}</span>{}</li><li class=\"note\"><span class=\"n\">{notes}</span>{}</li><li><span class=\"n\">{}</span>{}</li></ul>",
        words("report-html-cards"),
        rep.servers.len(),
        words("report-html-card-servers"),
        words("report-html-card-errors"),
        words("report-html-card-warnings"),
        words("report-html-card-notes"),
        rep.files.len(),
        msg(
            "report-html-card-files",
            &[
                ("used", A::N(files(FileStatus::Used))),
                ("context", A::N(files(FileStatus::Context))),
                ("orphan", A::N(files(FileStatus::Orphan))),
                ("unreadable", A::N(files(FileStatus::Unreadable))),
            ]
        ),
    );

    let _ = writeln!(
        out,
        "<h2 id=\"servers\">{}</h2>",
        words("report-html-servers-heading")
    );
    if rep.servers.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", words("report-no-servers"));
    } else {
        let _ = writeln!(
            out,
            "<table id=\"server-table\"><thead><tr>{}</tr></thead><tbody>",
            headers(&[
                "report-html-col-server",
                "report-html-col-pool",
                "report-html-col-site",
                "report-html-col-certificate",
                "report-html-col-issuer",
                "report-html-col-expires",
                "report-html-col-status",
            ])
        );
        // The first finding about each machine, found in one pass.
        let mut first_finding: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        for (i, f) in rep.findings.iter().enumerate() {
            if let Some(Subject::Machine { cluster, machine }) = f.subject {
                first_finding.entry((cluster, machine)).or_insert(i);
            }
        }
        for s in &rep.servers {
            let file = s.certificate.and_then(|i| rep.files.get(i));
            let leaf = file.and_then(|f| f.leaf());
            let status = super::server_status(s);
            let word = esc(&super::status_word(status));
            let mut server = esc(&s.server.display_name());
            if s.server.next_hop {
                let _ = write!(server, " <small>{}</small>", words("report-html-next-hop"));
            }
            let first = first_finding.get(&(s.server.cluster, s.server.machine));
            let badge = match first.copied() {
                Some(i) => format!(
                    "<a href=\"#finding-{}\"><span class=\"badge {status}\">{word}</span></a>",
                    i + 1
                ),
                None => format!("<span class=\"badge {status}\">{word}</span>"),
            };
            let _ = writeln!(
                out,
                "<tr><td>{server}</td><td>{}</td><td>{}</td><td class=\"path\">{}</td><td>{}</td><td class=\"nowrap\">{}</td><td>{badge}</td></tr>",
                esc(&s
                    .server
                    .pool
                    .as_ref()
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "–".into())),
                esc(s.server.site.as_deref().unwrap_or("–")),
                file.map(|f| format!("<code>{}</code>", esc(&f.path)))
                    .unwrap_or_else(|| format!("<em>{}</em>", words("report-html-none"))),
                esc(leaf.map(|c| c.info.issuer.as_str()).unwrap_or("–")),
                esc(&leaf
                    .map(|c| crate::text::date(c.info.not_after))
                    .unwrap_or_else(|| "–".into())),
            );
        }
        out.push_str("</tbody></table>\n");
    }

    chains_html(&mut out, rep);

    if !rep.files.is_empty() {
        let _ = writeln!(
            out,
            "<h2 id=\"certificates\">{}</h2>\n<table id=\"certificate-table\"><thead><tr>{}</tr></thead><tbody>",
            words("report-html-certificates-heading"),
            headers(&[
                "report-html-col-file",
                "report-html-col-subject",
                "report-html-col-issuer",
                "report-html-col-serial",
                "report-html-col-expires",
                "report-html-col-servers",
                "report-html-col-status",
            ])
        );
        for f in &rep.files {
            let leaf = f.leaf();
            let st = f.status.as_str();
            let word = esc(&super::file_status_word(f.status));
            let subject = match (&f.loaded, leaf) {
                (Err(e), _) => format!("<em>{}</em>", esc(&e.to_string())),
                (_, Some(c)) => esc(&c.info.subject),
                _ => "–".into(),
            };
            let _ = writeln!(
                out,
                "<tr><td class=\"path\"><code>{}</code></td><td>{subject}</td><td>{}</td><td class=\"path\"><code>{}</code></td><td class=\"nowrap\">{}</td><td>{}</td><td><span class=\"badge {st}\">{word}</span></td></tr>",
                esc(&f.path),
                esc(leaf.map(|c| c.info.issuer.as_str()).unwrap_or("–")),
                esc(leaf.map(|c| c.info.serial_hex.as_str()).unwrap_or("–")),
                esc(&leaf
                    .map(|c| crate::text::date(c.info.not_after))
                    .unwrap_or_else(|| "–".into())),
                esc(&if f.servers.is_empty() {
                    "–".to_string()
                } else {
                    let names: Vec<String> = f
                        .servers
                        .iter()
                        .filter_map(|si| rep.roles.servers.get(*si))
                        .map(|s| s.display_name())
                        .collect();
                    names.join(", ")
                }),
            );
        }
        out.push_str("</tbody></table>\n");
    }

    let _ = writeln!(
        out,
        "<h2 id=\"findings\">{}</h2>",
        msg(
            "report-html-findings-heading",
            &[("n", A::N(rep.findings.len()))]
        )
    );
    if rep.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", words("report-html-no-findings"));
    }
    for (i, f) in rep.findings.iter().enumerate() {
        out.push_str(&finding_html(rep, i, f));
        out.push('\n');
    }
    let _ = write!(
        out,
        "<footer>{}</footer>\n</body>\n</html>\n",
        msg(
            "report-html-footer",
            &[
                ("version", A::Html(env!("CARGO_PKG_VERSION").to_string())),
                (
                    "name",
                    A::Html(format!("<code>{}</code>", esc(t.source.name())))
                ),
            ]
        )
    );
    out
}

/// Table header cells, one per message id.
fn headers(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| format!("<th>{}</th>", words(id)))
        .collect()
}

/// The chain built for each server's certificate, server certificate first.
fn chains_html(out: &mut String, rep: &Report) {
    if rep.servers.iter().all(|s| s.chain.is_empty()) {
        return;
    }
    let _ = writeln!(
        out,
        "<h2 id=\"chains\">{}</h2>\n<table id=\"chain-table\"><thead><tr>{}</tr></thead><tbody>",
        words("report-html-chains-heading"),
        headers(&["report-html-col-server", "report-html-col-chain"])
    );
    for s in rep.servers.iter().filter(|s| !s.chain.is_empty()) {
        let links: Vec<String> = s
            .chain
            .iter()
            .map(|l| {
                let origin = super::chain_origin(rep, l.origin);
                format!(
                    "<li>{} <small>{}</small></li>",
                    esc(&l.subject),
                    msg(
                        "report-chain-link",
                        &[
                            ("key", A::Html(format!("<code>{}</code>", esc(&l.key_id)))),
                            ("origin", A::Html(esc(&origin))),
                            ("anchor", A::Sel(if l.anchor { "yes" } else { "no" })),
                        ]
                    )
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><ol>{}</ol></td></tr>",
            esc(&s.server.display_name()),
            links.concat()
        );
    }
    out.push_str("</tbody></table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::TextEncoding;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn inline_code_spans() {
        assert_eq!(
            inline("use `--ca` <now>"),
            "use <code>--ca</code> &lt;now&gt;"
        );
        assert_eq!(inline("odd `x"), "odd <code>x</code>");
    }

    #[test]
    fn every_explanation_renders_headings() {
        for c in Code::ALL {
            let h = explanation_html(*c);
            assert!(h.contains("<h4>What it does</h4>"), "{c}: {h}");
            assert_eq!(h.matches("<ul>").count(), h.matches("</ul>").count());
        }
    }

    #[test]
    fn snippet_marks_the_span_and_numbers_lines() {
        let text = "<a>\n  <b x=\"1\"/>\n</a>\n".to_string();
        let src = SourceFile::new("t.xml", text, TextEncoding::Utf8);
        let s = snippet(&src, &(6..16), "cap");
        assert!(
            s.contains("<span class=\"ln\">2</span>  <mark>&lt;b x=&quot;1&quot;/&gt;</mark>"),
            "{s}"
        );
        assert!(s.contains("<span class=\"ln\">1</span>&lt;a&gt;"));
        assert!(s.contains("<span class=\"ln\">3</span>&lt;/a&gt;"));
    }

    #[test]
    fn long_lines_are_clipped_around_the_mark() {
        let text = format!(
            "{}<Machine Fqdn=\"x\"/>{}",
            "a".repeat(5000),
            "b".repeat(5000)
        );
        let src = SourceFile::new("t.xml", text, TextEncoding::Utf8);
        let s = snippet(&src, &(5000..5019), "cap");
        assert!(
            s.contains("<mark>&lt;Machine Fqdn=&quot;x&quot;/&gt;</mark>"),
            "{s}"
        );
        assert!(s.len() < 1000, "{}", s.len());
    }
}
