/*!
Human output: miette graphical reports pointing into the topology (through its line
index, so rendering never rescans the file) and into a synthesized summary of the
certificate concerned, then a summary table.
*/

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::{plural, status, table};
use crate::certs::summary::{Summary, summary};
use crate::check::{CaSource, FileStatus, Report};
use crate::roles::Roles;
use crate::rules::{Finding, Severity};
use crate::source::{SourceFile, TextEncoding};
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

/// Render an error that stopped the command.
pub fn render_error(e: &crate::Error, color: bool) -> String {
    let mut s = String::new();
    if handler(color).render_report(&mut s, e).is_err() {
        s = e.to_string();
    }
    s.trim_end().to_string()
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

/// One finding as a miette diagnostic.
struct FindingDiag<'a> {
    finding: &'a Finding,
    topology: Option<&'a SourceFile>,
    cert: Option<&'a CertSource>,
    related: Vec<CertLabel<'a>>,
}

/// The certificate label shown under a finding that also points into the topology.
struct CertLabel<'a> {
    cert: &'a CertSource,
    field: crate::certs::summary::Field,
    label: String,
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
        match (self.topology, self.finding.span.is_some(), self.cert) {
            (Some(t), true, _) => Some(t),
            (_, false, Some(c)) => Some(&c.src),
            _ => None,
        }
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if let (Some(span), Some(_)) = (&self.finding.span, self.topology) {
            let len = span.end.saturating_sub(span.start);
            return Some(Box::new(std::iter::once(
                LabeledSpan::new_primary_with_span(
                    Some(self.finding.label.clone()),
                    (span.start, len),
                ),
            )));
        }
        let cert = self.cert?;
        let span = cert.summary.span_of(self.finding.cert_field?)?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                self.finding.cert_label.clone(),
                (span.start, span.end - span.start),
            ),
        )))
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

impl fmt::Debug for CertLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.cert.src.name())
    }
}
impl fmt::Display for CertLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "in {}", self.cert.src.name())
    }
}
impl std::error::Error for CertLabel<'_> {}

impl Diagnostic for CertLabel<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.cert.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.cert.summary.span_of(self.field)?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some(self.label.clone()),
                (span.start, span.end - span.start),
            ),
        )))
    }
}

/// Render findings (topology-located and certificate-located) in order.
fn render_findings(
    out: &mut String,
    findings: &[Finding],
    topology: &SourceFile,
    certs: &[Option<CertSource>],
    color: bool,
) {
    let h = handler(color);
    for f in findings {
        let cert = f
            .certificate
            .and_then(|i| certs.get(i))
            .and_then(Option::as_ref);
        let related = match (f.span.is_some(), cert, f.cert_field) {
            (true, Some(c), Some(field)) => vec![CertLabel {
                cert: c,
                field,
                label: f.cert_label.clone().unwrap_or_default(),
            }],
            _ => Vec::new(),
        };
        let d = FindingDiag {
            finding: f,
            topology: Some(topology),
            cert,
            related,
        };
        let mut s = String::new();
        if h.render_report(&mut s, &d).is_err() {
            s = format!("{}[{}]: {}\n", f.severity, f.code, f.message);
        }
        out.push_str(s.trim_end());
        out.push_str("\n\n");
    }
}

/// `topocert list` as a table, then the topology's findings.
pub fn render_list(t: &Topology, roles: &Roles, findings: &[Finding], color: bool) -> String {
    let mut out = format!(
        "Persistent Chat file-transfer servers in {} ({}, {})\n\n",
        t.source.name(),
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
        out.push_str(&format!("Persistent Chat pool {name}: next hop {hops}.\n"));
    }
    if !findings.is_empty() {
        out.push('\n');
        render_findings(&mut out, findings, &t.source, &[], color);
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    out
}

/// `topocert check` in human form.
pub fn render_check(rep: &Report, color: bool, quiet: bool) -> String {
    let certs: Vec<Option<CertSource>> = rep
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let wanted = rep
                .findings
                .iter()
                .any(|x| x.certificate == Some(i) && x.cert_field.is_some());
            if wanted {
                f.leaf().map(|c| CertSource::new(&f.path, c))
            } else {
                None
            }
        })
        .collect();
    let mut out = String::new();
    render_findings(&mut out, &rep.findings, &rep.topology.source, &certs, color);
    if quiet {
        out.truncate(out.trim_end().len());
        if !out.is_empty() {
            out.push('\n');
        }
        return out;
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
                    .map(|c| super::date(c.info.not_after))
                    .unwrap_or_else(|| "-".into()),
                status(s.worst).to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        &["SERVER", "POOL", "CERTIFICATE", "EXPIRES", "STATUS"],
        &rows,
    ));
    let ca = match rep.expected_ca.source {
        CaSource::Unknown => "unknown".to_string(),
        s => format!("{} ({})", rep.expected_ca.subjects.join("; "), s.as_str()),
    };
    let files = |st: FileStatus| rep.files.iter().filter(|f| f.status == st).count();
    let bad = rep
        .servers
        .iter()
        .filter(|s| s.worst == Some(Severity::Error))
        .count();
    out.push_str(&format!(
        "\nExpected CA: {ca}\n{} checked, {bad} would block the Persistent Chat install; {} supplied ({} used, {} orphan, {} unreadable); {}, {}, {}.\n",
        plural(rep.servers.len(), "server"),
        plural(rep.files.len(), "certificate file"),
        files(FileStatus::Used),
        files(FileStatus::Orphan),
        files(FileStatus::Unreadable),
        plural(rep.count(Severity::Error), "error"),
        plural(rep.count(Severity::Warning), "warning"),
        plural(rep.count(Severity::Note), "note"),
    ));
    out
}
