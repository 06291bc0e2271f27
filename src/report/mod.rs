/*!
The `report` stage: renderers of the findings model. They only format what
`check` and `list` decided; none re-parses or re-decides anything.
*/

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod plan;
pub mod sarif;
pub mod short;

use crate::check::Report;
use crate::rules::{Code, Finding, Place, Severity};
use crate::source::{Location, SourceFile};

/// Where a chain link's certificate came from: `--ca`, `own file`, `from PATH`
/// (unescaped: each renderer escapes it for its format).
pub fn chain_origin(rep: &Report, origin: crate::chain::Origin) -> String {
    use crate::chain::Origin;
    match origin {
        Origin::Given => "--ca".to_string(),
        Origin::OwnFile => "own file".to_string(),
        Origin::OtherFile(i) => rep
            .files
            .get(i)
            .map(|f| format!("from {}", f.path))
            .unwrap_or_else(|| "other file".into()),
    }
}

/// `topocert explain CODE`.
pub fn explain(code: Code) -> String {
    let info = code.info();
    format!(
        "{} ({}): {}\n\n{}",
        info.code,
        info.default_severity,
        code.summary(),
        code.explanation().trim_end()
    ) + "\n"
}

/// `topocert explain --all`: every code, its default severity and summary.
pub fn explain_all() -> String {
    let rows: Vec<Vec<String>> = Code::ALL
        .iter()
        .map(|c| {
            let i = c.info();
            vec![
                i.code.to_string(),
                i.default_severity.to_string(),
                c.summary(),
            ]
        })
        .collect();
    table(&["CODE", "DEFAULT", "SUMMARY"], &rows)
}

/// A plain text table with left-aligned columns separated by two spaces. Cells
/// are escaped ([`crate::text::escape`]), and the first is guarded so that no row
/// begins with a workflow command ([`crate::text::line_start`]).
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        crate::text::line_start(c).into_owned()
                    } else {
                        crate::text::escape(c).into_owned()
                    }
                })
                .collect()
        })
        .collect();
    let rows = &rows;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut l = String::new();
        for (i, (cell, w)) in cells.zip(&widths).enumerate() {
            if i > 0 {
                l.push_str("  ");
            }
            l.push_str(cell);
            if i + 1 < widths.len() {
                l.extend(std::iter::repeat_n(
                    ' ',
                    w.saturating_sub(cell.chars().count()),
                ));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&mut headers.iter().copied());
    for r in rows {
        line(&mut r.iter().map(String::as_str));
    }
    out
}

/// Status word of a server from the worst severity of its findings.
/// The status a server row shows: `not-checked` for a server of a 2019 pool in
/// a mixed-version topology, else its worst finding.
pub fn server_status(s: &crate::check::ServerResult) -> &'static str {
    if s.server.no_persistent_chat {
        "not-checked"
    } else {
        status(s.worst)
    }
}

pub fn status(worst: Option<Severity>) -> &'static str {
    match worst {
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        _ => "ok",
    }
}

/// Where a label points: a place in the topology or the config, or the start of
/// the certificate file whose summary it labels (line 1, column 1).
pub fn locate_place(
    place: &Place,
    topology: &SourceFile,
    config: Option<&SourceFile>,
    cert_path: &dyn Fn(usize) -> Option<String>,
) -> Option<Location> {
    match place {
        Place::Topology(span) => Some(topology.location(span)),
        Place::Config(span) => config.map(|c| c.location(span)),
        Place::Certificate { file, .. } => cert_path(*file).map(Location::file_start),
    }
}

/// Where a finding points: its primary label, else the start of the certificate
/// file it is about, else nowhere (`None`). Every machine-readable renderer uses
/// this, so they agree on locations.
pub fn locate(
    f: &Finding,
    topology: &SourceFile,
    config: Option<&SourceFile>,
    cert_path: &dyn Fn(usize) -> Option<String>,
) -> Option<Location> {
    match f.primary() {
        Some(l) => locate_place(&l.place, topology, config, cert_path),
        None => f.certificate.and_then(cert_path).map(Location::file_start),
    }
}

/// [`locate`] for a finding of a check report.
pub fn locate_in(rep: &Report, f: &Finding) -> Option<Location> {
    locate(f, &rep.topology.source, rep.config.as_deref(), &|i| {
        rep.files.get(i).map(|c| c.path.clone())
    })
}

/// The certificate file path a finding is about, if any.
pub fn certificate_path<'r>(rep: &'r Report, f: &Finding) -> Option<&'r str> {
    f.certificate
        .and_then(|i| rep.files.get(i))
        .map(|c| c.path.as_str())
}
