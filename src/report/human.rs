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
use crate::chain::CaSource;
use crate::check::Report;
use crate::roles::Roles;
use crate::rules::{Finding, Place, Severity};
use crate::source::{SourceFile, TextEncoding};
use crate::text::{escape, guard_lines, plural};
use crate::topology::Topology;

const WIDTH: usize = 100;

pub(crate) fn handler(color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
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
    guard_lines(s.trim_end().to_string())
}

/// Render one diagnostic whose texts are one line each, through [`Clean`].
pub(crate) fn render_clean(h: &GraphicalReportHandler, d: &dyn Diagnostic) -> String {
    let mut s = String::new();
    if h.render_report(&mut s, &Clean::new(d)).is_err() {
        s = format!("{}\n", escape(&d.to_string()));
    }
    s
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
            format!("{path} (certificate)"),
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
        write!(f, "in {}", self.src.name())
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
    let mut out = format!(
        "Persistent Chat file-transfer servers in {} ({}, {})\n\n",
        escape(t.source.name()),
        t.format.as_str(),
        t.source.encoding()
    );
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
                s.rule.as_str().to_string(),
                if s.next_hop { "yes" } else { "no" }.to_string(),
                t.source.line_col(s.span.start).0.to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        out.push_str("No server runs the Persistent Chat file-transfer web service.\n");
    } else {
        out.push_str(&table(
            &["SERVER", "POOL", "SITE", "RULE", "NEXT HOP", "LINE"],
            &rows,
        ));
    }
    out.push('\n');
    let pools = rows
        .iter()
        .map(|r| r[1].as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    out.push_str(&format!(
        "{} in {}.\n",
        plural(roles.servers.len(), "server"),
        plural(pools, "pool")
    ));
    for p in &roles.pc_pools {
        let name = p
            .fqdn
            .as_ref()
            .map(|f| f.to_string())
            .unwrap_or_else(|| "(unnamed)".into());
        let hops: Vec<String> = p
            .next_hops
            .iter()
            .filter_map(|ci| t.clusters.get(*ci))
            .filter_map(|c| c.fqdn.as_ref().map(|f| f.to_string()))
            .collect();
        let hops = if hops.is_empty() {
            "none found".to_string()
        } else {
            hops.join(", ")
        };
        out.push_str(&format!(
            "Persistent Chat pool {}: next hop {}.\n",
            escape(&name),
            escape(&hops)
        ));
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
        out.push_str(
            "No findings: every Persistent Chat file-transfer server has an acceptable certificate from the internal CA.\n\n",
        );
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
                    .unwrap_or_else(|| "(none)".into()),
                file.and_then(|f| f.leaf())
                    .map(|c| crate::text::date(c.info.not_after))
                    .unwrap_or_else(|| "-".into()),
                super::server_status(s).to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        &["SERVER", "POOL", "CERTIFICATE", "EXPIRES", "STATUS"],
        &rows,
    ));
    render_chains(&mut out, rep);
    let ca = match rep.expected_ca.source {
        CaSource::Unknown => "unknown".to_string(),
        s => format!(
            "{} ({})",
            escape(&rep.expected_ca.subjects.join("; ")),
            s.as_str()
        ),
    };
    let files = |st: FileStatus| rep.files.iter().filter(|f| f.status == st).count();
    let bad = rep
        .servers
        .iter()
        .filter(|s| s.worst == Some(Severity::Error))
        .count();
    out.push_str(&format!(
        "\nExpected CA: {ca}\n{} checked, {bad} would block the Persistent Chat install; {} ({} used, {} context, {} orphan, {} unreadable); {}, {}, {}.\n",
        plural(rep.servers.len(), "server"),
        supplied_and_probed(rep),
        files(FileStatus::Used),
        files(FileStatus::Context),
        files(FileStatus::Orphan),
        files(FileStatus::Unreadable),
        plural(rep.count(Severity::Error), "error"),
        plural(rep.count(Severity::Warning), "warning"),
        plural(rep.count(Severity::Note), "note"),
    ));
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
    out.push_str("\nChains (server certificate first):\n");
    for s in with_chain {
        out.push_str(&format!("  {}\n", escape(&s.server.display_name())));
        for (depth, link) in s.chain.iter().enumerate() {
            let origin = super::chain_origin(rep, link.origin);
            let anchor = if link.anchor { ", anchor" } else { "" };
            out.push_str(&format!(
                "    {}{} (key id {}; {}{anchor})\n",
                if depth == 0 { "" } else { "<- " },
                escape(&link.subject),
                escape(&link.key_id),
                escape(&origin),
            ));
        }
    }
}

/// `3 certificate files supplied`, and the chains `--probe` took when there are some.
fn supplied_and_probed(rep: &Report) -> String {
    let probed = rep
        .files
        .iter()
        .filter(|f| {
            f.loaded
                .as_ref()
                .is_ok_and(|l| l.format == crate::certs::CertFormat::Tls)
        })
        .count();
    let supplied = format!(
        "{} supplied",
        plural(rep.files.len() - probed, "certificate file")
    );
    if probed == 0 {
        supplied
    } else {
        format!("{supplied}, {} taken over TLS", plural(probed, "chain"))
    }
}
