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
        Origin::OwnFile => crate::t!("report-origin-own-file"),
        Origin::OtherFile(i) => rep
            .files
            .get(i)
            .map(|f| crate::t!("report-origin-from", path = f.path.as_str()))
            .unwrap_or_else(|| crate::t!("report-origin-other-file")),
    }
}

/// A chain link's key identifier and origin, in parentheses, as the chain lists
/// show them after its subject; `key` and `origin` are given as they are to be shown.
pub fn chain_link(key: &str, origin: &str, anchor: bool) -> String {
    crate::t!(
        "report-chain-link",
        key = key,
        origin = origin,
        anchor = if anchor { "yes" } else { "no" }
    )
}

/// A severity as people read it (`error`; `エラー` in Japanese).
pub fn severity_word(s: Severity) -> String {
    crate::t!("report-severity", severity = s.as_str())
}

/// A server status ([`server_status`]) as people read it.
pub fn status_word(status: &str) -> String {
    crate::t!("report-status", status = status)
}

/// A certificate file status as people read it.
pub fn file_status_word(status: crate::certs::FileStatus) -> String {
    crate::t!("report-file-status", status = status.as_str())
}

/// The kind of topology file (`published`, `tbxml`) as people read it.
pub fn topology_format_word(t: &crate::topology::Topology) -> String {
    crate::t!("report-topology-format", format = t.format.as_str())
}

/// The expected CA as the human report and the HTML page show it (unescaped):
/// its subjects and where it came from, or `unknown_id`'s text.
pub fn expected_ca(rep: &Report, unknown_id: &str) -> String {
    match rep.expected_ca.source {
        crate::chain::CaSource::Unknown => crate::i18n::message(unknown_id, None),
        s => crate::t!(
            "report-ca-known",
            subjects = rep.expected_ca.subjects.join("; "),
            source = s.as_str()
        ),
    }
}

/// `topocert explain CODE`.
pub fn explain(code: Code) -> String {
    let info = code.info();
    format!(
        "{} ({}): {}\n\n{}",
        info.code,
        severity_word(info.default_severity),
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
                severity_word(i.default_severity),
                c.summary(),
            ]
        })
        .collect();
    table(
        &[
            crate::t!("report-explain-col-code").as_str(),
            crate::t!("report-explain-col-default").as_str(),
            crate::t!("report-explain-col-summary").as_str(),
        ],
        &rows,
    )
}

/// A plain text table with left-aligned columns separated by two spaces, aligned
/// by display width (an East Asian wide character takes two columns). Cells
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
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(cell));
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
                l.extend(std::iter::repeat_n(' ', w.saturating_sub(width(cell))));
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

/// The columns `s` takes on a terminal: East Asian wide characters count two.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
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
