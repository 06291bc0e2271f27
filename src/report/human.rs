/*!
Human output: miette graphical reports pointing into the topology (through its line
index, so rendering never rescans the file) and into a synthesized summary of the
certificate concerned, then a summary table.
*/

use std::fmt;
use std::ops::Range;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::table;
use crate::certs::FileStatus;
use crate::certs::summary::{Summary, summary};
use crate::check::Report;
use crate::i18n::Lang;
use crate::roles::Roles;
use crate::rules::{Finding, Place, Severity};
use crate::source::{SourceFile, TextEncoding};
use crate::t;
use crate::text::{escape, guard_lines};
use crate::topology::Topology;

const WIDTH: usize = 100;

/// The report handler of the run's language: in Japanese two columns narrower, as
/// `ヒント:` is two columns wider than miette's `help:` ([`localize_help`]), so no
/// line is wider than [`WIDTH`].
pub(crate) fn handler(color: bool) -> GraphicalReportHandler {
    handler_in(color, crate::i18n::current())
}

fn handler_in(color: bool, lang: Lang) -> GraphicalReportHandler {
    let width = match lang {
        Lang::En => WIDTH,
        Lang::Ja => WIDTH - 2,
    };
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false)
        .with_show_related_as_nested(true)
}

/// Render an error that stopped the command, every text from an input escaped.
pub fn render_error(e: &crate::error::Error, color: bool) -> String {
    let mut s = String::new();
    let clean = Clean::new(e);
    if handler(color).render_report(&mut s, &clean).is_err() {
        s = escape(&e.to_string()).into_owned();
    }
    let s = localize_help(s, crate::i18n::current());
    guard_lines(s.trim_end().to_string())
}

/// Render one diagnostic whose texts are one line each, through [`Clean`].
pub(crate) fn render_clean(h: &GraphicalReportHandler, d: &dyn Diagnostic) -> String {
    let mut s = String::new();
    if h.render_report(&mut s, &Clean::new(d)).is_err() {
        s = format!("{}\n", escape(&d.to_string()));
    }
    localize_help(s, crate::i18n::current())
}

/// Miette writes the word `help:` before a diagnostic's help; in Japanese it becomes
/// `ヒント:` (two columns wider), and the help's continuation lines are indented to
/// match. The help is the only part of a report whose line starts with `  help: `
/// (after the colour code): messages and labels start with a frame character.
pub(crate) fn localize_help(s: String, lang: Lang) -> String {
    const HELP: &str = "  help: ";
    const MORE: &str = "        ";
    if lang == Lang::En || !s.contains(HELP) {
        return s;
    }
    let word = format!(
        "  {} ",
        crate::i18n::message_in(lang, "report-html-help", None)
    );
    let pad = " ".repeat(super::width(&word).saturating_sub(HELP.len()));
    let mut out = String::with_capacity(s.len() + 64);
    let mut in_help = false;
    for line in s.split_inclusive('\n') {
        // A colour code may come first: `\x1b[36m  help: \x1b[0m…`.
        let mut plain_at = 0;
        while line[plain_at..].starts_with('\x1b') {
            match line[plain_at..].find('m') {
                Some(i) => plain_at += i + 1,
                None => break,
            }
        }
        if line[plain_at..].starts_with(HELP) {
            out.push_str(&line[..plain_at]);
            out.push_str(&word);
            out.push_str(&line[plain_at + HELP.len()..]);
            in_help = true;
        } else if in_help && line.starts_with(MORE) {
            out.push_str(&pad);
            out.push_str(line);
        } else {
            in_help = false;
            out.push_str(line);
        }
    }
    out
}

/// A diagnostic with its message, help, labels, causes and related diagnostics
/// passed through [`escape`]: messages are one line by contract, so whatever a value
/// from an input holds, it cannot start a line or drive the terminal. Source
/// snippets are masked by [`SourceFile`] itself.
struct Clean<'a> {
    message: String,
    code: Option<String>,
    severity: Option<miette::Severity>,
    help: Option<String>,
    source_code: Option<&'a dyn SourceCode>,
    labels: Vec<LabeledSpan>,
    related: Vec<Clean<'a>>,
    cause: Option<Box<Cause>>,
}

/// One escaped "caused by" line.
#[derive(Debug)]
struct Cause {
    message: String,
    next: Option<Box<Cause>>,
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.next
            .as_deref()
            .map(|c| c as &(dyn std::error::Error + 'static))
    }
}

impl<'a> Clean<'a> {
    fn new(d: &'a dyn Diagnostic) -> Self {
        let mut causes = Vec::new();
        let mut next = d.source();
        while let Some(e) = next {
            causes.push(escape(&e.to_string()).into_owned());
            next = e.source();
        }
        let cause = causes.into_iter().rev().fold(None, |next, message| {
            Some(Box::new(Cause { message, next }))
        });
        Clean {
            message: escape(&d.to_string()).into_owned(),
            code: d.code().map(|c| escape(&c.to_string()).into_owned()),
            severity: d.severity(),
            help: d.help().map(|h| escape(&h.to_string()).into_owned()),
            source_code: d.source_code(),
            labels: d
                .labels()
                .map(|ls| {
                    ls.map(|l| {
                        let text = l.label().map(|t| escape(t).into_owned());
                        if l.primary() {
                            LabeledSpan::new_primary_with_span(text, *l.inner())
                        } else {
                            LabeledSpan::new_with_span(text, *l.inner())
                        }
                    })
                    .collect()
                })
                .unwrap_or_default(),
            related: d
                .related()
                .map(|r| r.map(Clean::new).collect())
                .unwrap_or_default(),
            cause,
        }
    }
}

impl fmt::Debug for Clean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for Clean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for Clean<'_> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|c| c as &(dyn std::error::Error + 'static))
    }
}

impl Diagnostic for Clean<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.severity
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source_code
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// A certificate summary as a source for labels.
struct CertSource {
    src: SourceFile,
    summary: Summary,
}

impl CertSource {
    fn new(path: &str, cert: &crate::certs::Certificate) -> Self {
        let summary = summary(cert);
        let src = SourceFile::new(
            t!("report-certificate-source", path = path),
            summary.text.clone(),
            TextEncoding::Utf8,
        );
        CertSource { src, summary }
    }
}

/// The sources a finding's labels can point into.
struct Sources<'a> {
    topology: &'a SourceFile,
    config: Option<&'a SourceFile>,
    certs: &'a [Option<CertSource>],
}

impl<'a> Sources<'a> {
    /// The source and byte range a label points at, when it can be shown.
    fn resolve(&self, place: &Place) -> Option<(&'a SourceFile, Range<usize>)> {
        match place {
            Place::Topology(r) => Some((self.topology, r.clone())),
            Place::Config(r) => Some((self.config?, r.clone())),
            Place::Certificate { file, field } => {
                let c = self.certs.get(*file)?.as_ref()?;
                Some((&c.src, c.summary.span_of(*field)?))
            }
        }
    }
}

/// Labels in one source.
struct Snippet<'a> {
    src: &'a SourceFile,
    labels: Vec<(Range<usize>, String)>,
}

impl Snippet<'_> {
    fn spans(&self) -> Box<dyn Iterator<Item = LabeledSpan> + '_> {
        Box::new(self.labels.iter().enumerate().map(|(i, (r, text))| {
            let span = (r.start, r.end.saturating_sub(r.start));
            if i == 0 {
                LabeledSpan::new_primary_with_span(Some(text.clone()), span)
            } else {
                LabeledSpan::new_with_span(Some(text.clone()), span)
            }
        }))
    }
}

/// One finding as a miette diagnostic: the labels in the primary label's source,
/// then one related block per other source.
struct FindingDiag<'a> {
    finding: &'a Finding,
    main: Option<Snippet<'a>>,
    related: Vec<Snippet<'a>>,
}

impl<'a> FindingDiag<'a> {
    fn new(finding: &'a Finding, sources: &Sources<'a>) -> Self {
        let mut snippets: Vec<Snippet<'a>> = Vec::new();
        for l in &finding.labels {
            let Some((src, range)) = sources.resolve(&l.place) else {
                continue;
            };
            match snippets.iter_mut().find(|s| std::ptr::eq(s.src, src)) {
                Some(s) => s.labels.push((range, l.text.clone())),
                None => snippets.push(Snippet {
                    src,
                    labels: vec![(range, l.text.clone())],
                }),
            }
        }
        let mut it = snippets.into_iter();
        FindingDiag {
            finding,
            main: it.next(),
            related: it.collect(),
        }
    }
}

impl fmt::Debug for FindingDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}
impl fmt::Display for FindingDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}
impl std::error::Error for FindingDiag<'_> {}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Note => miette::Severity::Advice,
    }
}

impl Diagnostic for FindingDiag<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.code.as_str()))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.finding.severity))
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.help))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.main.as_ref().map(|s| s.src as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.main.as_ref().map(Snippet::spans)
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

impl fmt::Debug for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.src.name())
    }
}
impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!("report-related-source", name = self.src.name()))
    }
}
impl std::error::Error for Snippet<'_> {}

impl Diagnostic for Snippet<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(self.spans())
    }
}

/// Render findings in order.
fn render_findings(out: &mut String, findings: &[Finding], sources: &Sources<'_>, color: bool) {
    let h = handler(color);
    for f in findings {
        let d = FindingDiag::new(f, sources);
        let s = render_clean(&h, &d);
        out.push_str(s.trim_end());
        out.push_str("\n\n");
    }
}

/// `topocert list` as a table, then the topology's findings.
pub fn render_list(t: &Topology, roles: &Roles, findings: &[Finding], color: bool) -> String {
    let mut out = t!(
        "report-list-heading",
        path = escape(t.source.name()),
        format = super::topology_format_word(t),
        encoding = t.source.encoding().to_string()
    );
    out.push_str("\n\n");
    let rows: Vec<Vec<String>> = roles
        .servers
        .iter()
        .map(|s| {
            vec![
                s.display_name(),
                s.pool
                    .as_ref()
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "-".into()),
                s.site.clone().unwrap_or_else(|| "-".into()),
                t!("report-role-rule", rule = s.rule.as_str()),
                if s.next_hop {
                    t!("report-yes")
                } else {
                    t!("report-no")
                },
                t.source.line_col(s.span.start).0.to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        out.push_str(&t!("report-no-servers"));
        out.push('\n');
    } else {
        out.push_str(&table(
            &[
                t!("report-col-server").as_str(),
                t!("report-col-pool").as_str(),
                t!("report-col-site").as_str(),
                t!("report-col-rule").as_str(),
                t!("report-col-next-hop").as_str(),
                t!("report-col-line").as_str(),
            ],
            &rows,
        ));
    }
    out.push('\n');
    let pools = rows
        .iter()
        .map(|r| r[1].as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    out.push_str(&t!(
        "report-list-totals",
        servers = roles.servers.len(),
        pools = pools
    ));
    out.push('\n');
    for p in &roles.pc_pools {
        let name = p
            .fqdn
            .as_ref()
            .map(|f| f.to_string())
            .unwrap_or_else(|| t!("report-unnamed"));
        let hops: Vec<String> = p
            .next_hops
            .iter()
            .filter_map(|ci| t.clusters.get(*ci))
            .filter_map(|c| c.fqdn.as_ref().map(|f| f.to_string()))
            .collect();
        let line = if hops.is_empty() {
            t!(
                "report-list-pc-pool-none",
                pool = escape(&name).into_owned()
            )
        } else {
            t!(
                "report-list-pc-pool",
                pool = escape(&name).into_owned(),
                hops = escape(&hops.join(", ")).into_owned()
            )
        };
        out.push_str(&line);
        out.push('\n');
    }
    if !findings.is_empty() {
        out.push('\n');
        let sources = Sources {
            topology: &t.source,
            config: None,
            certs: &[],
        };
        render_findings(&mut out, findings, &sources, color);
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    guard_lines(out)
}

/// `topocert check` in human form.
pub fn render_check(rep: &Report, color: bool, quiet: bool) -> String {
    // Summaries only of the files some label points into.
    let mut wanted = vec![false; rep.files.len()];
    for l in rep.findings.iter().flat_map(|f| &f.labels) {
        if let Place::Certificate { file, .. } = l.place
            && let Some(w) = wanted.get_mut(file)
        {
            *w = true;
        }
    }
    let certs: Vec<Option<CertSource>> = rep
        .files
        .iter()
        .zip(&wanted)
        .map(|(f, wanted)| {
            if *wanted {
                f.leaf().map(|c| CertSource::new(&f.path, c))
            } else {
                None
            }
        })
        .collect();
    let mut out = String::new();
    let sources = Sources {
        topology: &rep.topology.source,
        config: rep.config.as_deref(),
        certs: &certs,
    };
    render_findings(&mut out, &rep.findings, &sources, color);
    if quiet {
        out.truncate(out.trim_end().len());
        if !out.is_empty() {
            out.push('\n');
        }
        return guard_lines(out);
    }
    if rep.findings.is_empty() && !rep.servers.is_empty() {
        out.push_str(&t!("report-check-no-findings"));
        out.push_str("\n\n");
    }
    let rows: Vec<Vec<String>> = rep
        .servers
        .iter()
        .map(|s| {
            let file = s.certificate.and_then(|i| rep.files.get(i));
            vec![
                s.server.display_name(),
                s.server
                    .pool
                    .as_ref()
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "-".into()),
                file.map(|f| f.path.clone())
                    .unwrap_or_else(|| t!("report-no-certificate")),
                file.and_then(|f| f.leaf())
                    .map(|c| crate::text::date(c.info.not_after))
                    .unwrap_or_else(|| "-".into()),
                super::status_word(super::server_status(s)),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            t!("report-col-server").as_str(),
            t!("report-col-pool").as_str(),
            t!("report-col-certificate").as_str(),
            t!("report-col-expires").as_str(),
            t!("report-col-status").as_str(),
        ],
        &rows,
    ));
    render_chains(&mut out, rep);
    let ca = escape(&super::expected_ca(rep, "report-ca-unknown")).into_owned();
    let files = |st: FileStatus| rep.files.iter().filter(|f| f.status == st).count();
    let bad = rep
        .servers
        .iter()
        .filter(|s| s.worst == Some(Severity::Error))
        .count();
    out.push('\n');
    out.push_str(&t!("report-expected-ca", ca = ca));
    out.push('\n');
    let probed = probed(rep);
    let mut args = crate::i18n::Args::new();
    args.set("servers", rep.servers.len());
    args.set("bad", bad);
    args.set("files", rep.files.len() - probed);
    args.set("probed", probed);
    args.set("used", files(FileStatus::Used));
    args.set("context", files(FileStatus::Context));
    args.set("orphan", files(FileStatus::Orphan));
    args.set("unreadable", files(FileStatus::Unreadable));
    args.set("errors", rep.count(Severity::Error));
    args.set("warnings", rep.count(Severity::Warning));
    args.set("notes", rep.count(Severity::Note));
    let id = if probed == 0 {
        "report-check-totals"
    } else {
        "report-check-totals-probed"
    };
    out.push_str(&crate::i18n::message(id, Some(&args)));
    out.push('\n');
    guard_lines(out)
}

/// The chain built for each server's certificate, so a reviewer sees why it
/// passed or where it stopped.
fn render_chains(out: &mut String, rep: &Report) {
    let with_chain: Vec<&crate::check::ServerResult> =
        rep.servers.iter().filter(|s| !s.chain.is_empty()).collect();
    if with_chain.is_empty() {
        return;
    }
    out.push('\n');
    out.push_str(&t!("report-chains-heading"));
    out.push('\n');
    for s in with_chain {
        out.push_str(&format!("  {}\n", escape(&s.server.display_name())));
        for (depth, link) in s.chain.iter().enumerate() {
            let origin = super::chain_origin(rep, link.origin);
            out.push_str(&format!(
                "    {}{} {}\n",
                if depth == 0 { "" } else { "<- " },
                escape(&link.subject),
                super::chain_link(&escape(&link.key_id), &escape(&origin), link.anchor),
            ));
        }
    }
}

/// The number of certificate chains `--probe` took over TLS.
fn probed(rep: &Report) -> usize {
    rep.files
        .iter()
        .filter(|f| {
            f.loaded
                .as_ref()
                .is_ok_and(|l| l.format == crate::certs::CertFormat::Tls)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A diagnostic with only a message and a help.
    #[derive(Debug)]
    struct Help(&'static str);
    impl fmt::Display for Help {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("証明書がありません")
        }
    }
    impl std::error::Error for Help {}
    impl Diagnostic for Help {
        fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
            Some(Box::new(self.0))
        }
    }

    fn render_ja(help: &'static str, color: bool) -> String {
        let h = handler_in(color, Lang::Ja);
        let mut s = String::new();
        h.render_report(&mut s, &Clean::new(&Help(help))).unwrap();
        localize_help(s, Lang::Ja)
    }

    fn width(s: &str) -> usize {
        super::super::width(s)
    }

    #[test]
    fn a_long_japanese_help_wraps_by_display_width() {
        // 60 wide characters without a space (120 columns), then words with spaces.
        let help = "内部証明機関に証明書を要求し、ファイルのアップロード/ダウンロード用の常設チャット\
                    Web サービスを実行するすべてのサーバーに割り当ててください。その後で、\
                    `topocert check` をもう一度実行して、すべての検出結果が解決したことを確認してください。";
        let out = render_ja(help, false);
        let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
        let help_lines: Vec<&&str> = lines
            .iter()
            .skip_while(|l| !l.starts_with("  ヒント: "))
            .collect();
        assert!(help_lines.len() >= 3, "{out}");
        for l in &lines {
            assert!(width(l) <= WIDTH, "{} columns: {l:?}\n{out}", width(l));
        }
        // Lines are filled: a wrapped line is more than half the width, not cut by
        // character count (60 characters would be 120 columns).
        assert!(width(help_lines[0]) > WIDTH / 2, "{out}");
        // Continuation lines start under the help's first character.
        for l in &help_lines[1..] {
            assert!(
                l.starts_with("          ") && !l.starts_with("           "),
                "{l:?}"
            );
        }
        // Nothing is lost: the help's characters are all there, in order.
        let joined: String = help_lines
            .iter()
            .map(|l| l.trim_start().trim_start_matches("ヒント: "))
            .collect::<Vec<_>>()
            .join("");
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squeeze(&joined), squeeze(help));
    }

    #[test]
    fn the_help_word_is_localized_with_colour_too() {
        let out = render_ja("証明書を更新してください。", true);
        assert!(out.contains("ヒント: "), "{out:?}");
        assert!(!out.contains("help:"), "{out:?}");
        // English keeps miette's word.
        let mut s = String::new();
        handler_in(true, Lang::En)
            .render_report(&mut s, &Clean::new(&Help("renew it")))
            .unwrap();
        assert_eq!(localize_help(s.clone(), Lang::En), s);
        assert!(s.contains("help: "), "{s:?}");
    }
}
