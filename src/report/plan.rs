/*!
Rendering of `topocert plan`: the human report (one miette advice per server, with
labels on the topology names that make each SAN entry necessary, then a table), the
JSON document (`schemas/plan.schema.json`), CSV for a PKI team, and the request
templates `--emit` writes: a `certreq` INF file (CRLF, for Windows) and an OpenSSL
`req` configuration (LF). Renderers only format what [`crate::plan`] decided.
*/

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use miette::{Diagnostic, LabeledSpan, SourceCode};
use serde::Serialize;

use super::human::handler;
use super::json::{TOOL, Tool, TopologyInfo, topology_info};
use super::table;
use crate::i18n::Lang;
use crate::plan::{
    HASH, KEY_USAGE, KEY_USAGE_BITS, Layout, Need, Place, Plan, Request, RequestFormat,
    RequiredName, SAN_OID, SERVER_AUTH_OID, Skipped, Template, Why,
};
use crate::roles::RoleRule;
use crate::source::{Location, SourceFile};
use crate::t;
use crate::text::{escape, guard_lines};

/// "SHA-256" for [`HASH`].
fn hash_name() -> &'static str {
    match HASH {
        "sha256" => "SHA-256",
        other => other,
    }
}

// ---------------------------------------------------------------------------------
// Human

/// Why one place puts a name into the request.
fn source_label(req: &Request, name: &RequiredName, why: &Why) -> String {
    let is_cn = name.name == req.common_name;
    let why = why.describe();
    match (is_cn, name.need) {
        (true, Need::FileTransfer) => t!("plan-source-cn", why = why),
        (false, Need::FileTransfer) => t!("plan-source-san", why = why),
        (true, Need::Web) => t!("plan-source-cn-web", why = why),
        (false, Need::Web) => t!("plan-source-san-web", why = why),
    }
}

/// The reasons of a request that come from the config file, one line each.
fn config_reasons(names: &[RequiredName]) -> Vec<String> {
    names
        .iter()
        .flat_map(|n| {
            n.reasons.iter().filter_map(move |r| match r.place {
                Place::Config(_) => Some(t!(
                    "plan-config-reason",
                    name = n.name.to_string(),
                    why = r.why.describe()
                )),
                Place::Topology(_) => None,
            })
        })
        .collect()
}

fn web_label(req: &Request) -> String {
    match req.rule {
        RoleRule::Component => t!("plan-web-component"),
        RoleRule::FrontEndPool => t!("plan-web-front-end"),
    }
}

/// Labels of a request: one per distinct span, texts of a shared span joined.
fn request_labels(req: &Request) -> Vec<(Range<usize>, String, bool)> {
    let mut labels: Vec<(Range<usize>, String, bool)> = Vec::new();
    let mut push = |span: Range<usize>, text: String, primary: bool| match labels
        .iter_mut()
        .find(|(s, _, _)| *s == span)
    {
        Some((_, t, p)) => {
            t.push_str("; ");
            t.push_str(&text);
            *p |= primary;
        }
        None => labels.push((span, text, primary)),
    };
    for (i, name) in req.sans.iter().chain(&req.external).enumerate() {
        for (j, r) in name.reasons.iter().enumerate() {
            if let Place::Topology(span) = &r.place {
                push(
                    span.clone(),
                    source_label(req, name, &r.why),
                    i == 0 && j == 0,
                );
            }
        }
    }
    push(req.web_span.clone(), web_label(req), false);
    if let Some(span) = req.edition.evidence().span() {
        push(
            span,
            t!(
                "plan-edition-label",
                edition = req.edition.as_str(),
                evidence = req.edition.evidence().describe()
            ),
            false,
        );
    }
    labels.sort_by_key(|(s, _, _)| (s.start, s.end));
    labels
}

/// A request or a skipped server as a miette diagnostic.
struct PlanDiag<'a> {
    source: &'a SourceFile,
    message: String,
    help: String,
    severity: miette::Severity,
    labels: Vec<(Range<usize>, String, bool)>,
}

impl fmt::Debug for PlanDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for PlanDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for PlanDiag<'_> {}

impl Diagnostic for PlanDiag<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.help))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().map(|(span, text, primary)| {
            let at = (span.start, span.end.saturating_sub(span.start));
            if *primary {
                LabeledSpan::new_primary_with_span(Some(text.clone()), at)
            } else {
                LabeledSpan::new_with_span(Some(text.clone()), at)
            }
        })))
    }
}

fn request_diag<'a>(plan: &'a Plan, req: &Request) -> PlanDiag<'a> {
    // Each line escaped on its own: the line breaks are ours, none from an input.
    let mut help = escape(&t!(
        "plan-request-help",
        subject = req.subject_rule.why(),
        edition = req.edition.as_str(),
        evidence = req.edition.evidence().describe()
    ))
    .into_owned();
    for line in config_reasons(&req.sans)
        .into_iter()
        .chain(config_reasons(&req.external))
    {
        help.push('\n');
        help.push_str(&escape(&line));
    }
    // One line each, so no name is broken at a hyphen when the message wraps.
    let fqdn = escape(req.fqdn.as_str()).into_owned();
    let subject = escape(&req.subject()).into_owned();
    let sans = escape(&req.san_names().join(", ")).into_owned();
    let message = match &req.external_common_name {
        None => t!("plan-request", fqdn = fqdn, subject = subject, sans = sans),
        Some(cn) => t!(
            "plan-request-split",
            fqdn = fqdn,
            subject = subject,
            sans = sans,
            cn = escape(cn.as_str()).into_owned(),
            external = escape(&req.external_names().join(", ")).into_owned()
        ),
    };
    PlanDiag {
        source: &plan.topology.source,
        message,
        help,
        severity: miette::Severity::Advice,
        labels: request_labels(req)
            .into_iter()
            .map(|(span, text, primary)| (span, escape(&text).into_owned(), primary))
            .collect(),
    }
}

fn skipped_diag<'a>(plan: &'a Plan, s: &Skipped) -> PlanDiag<'a> {
    PlanDiag {
        source: &plan.topology.source,
        message: skipped_message(s),
        help: escape(&s.help).into_owned(),
        severity: miette::Severity::Error,
        labels: vec![(s.span.clone(), escape(&s.label).into_owned(), true)],
    }
}

/// One line, every value from the topology escaped.
fn skipped_message(s: &Skipped) -> String {
    escape(&t!(
        "plan-skipped",
        name = s.name.as_str(),
        reason = s.reason.as_str()
    ))
    .into_owned()
}

/// Per server, in topology order: the request or the reason there is none.
enum Entry<'a> {
    Planned(&'a Request),
    Skipped(&'a Skipped),
}

fn entries(plan: &Plan) -> Vec<Entry<'_>> {
    let mut out: Vec<(usize, Entry<'_>)> = plan
        .requests
        .iter()
        .map(|r| (r.server, Entry::Planned(r)))
        .chain(plan.skipped.iter().map(|s| (s.server, Entry::Skipped(s))))
        .collect();
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, e)| e).collect()
}

/// `topocert plan` in human form; `emitted` lists the templates written by `--emit`.
pub fn render_human(plan: &Plan, emitted: &[PathBuf], color: bool) -> String {
    let t = &plan.topology;
    let mut out = t!(
        "plan-heading",
        path = escape(t.source.name()).into_owned(),
        format = super::topology_format_word(t),
        encoding = t.source.encoding().to_string()
    );
    out.push_str("\n\n");
    if plan.roles.servers.is_empty() {
        out.push_str(&t!("plan-no-servers"));
        out.push('\n');
        return out;
    }
    let h = handler(color);
    let mut rows = Vec::new();
    for e in entries(plan) {
        let (d, row) = match e {
            Entry::Planned(r) => (
                request_diag(plan, r),
                vec![
                    r.fqdn.to_string(),
                    r.pool
                        .as_ref()
                        .map(|p| p.to_string())
                        .unwrap_or_else(|| "-".into()),
                    r.site.clone().unwrap_or_else(|| "-".into()),
                    r.subject(),
                    r.san_names().join(", "),
                    format!("RSA {}", r.key_size.bits()),
                ],
            ),
            Entry::Skipped(s) => (
                skipped_diag(plan, s),
                vec![
                    s.name.clone(),
                    s.pool.clone().unwrap_or_else(|| "-".into()),
                    s.site.clone().unwrap_or_else(|| "-".into()),
                    t!("plan-not-planned-cell"),
                    "-".into(),
                    "-".into(),
                ],
            ),
        };
        let mut s = String::new();
        if h.render_report(&mut s, &d).is_err() {
            s = format!("{d}\n");
        }
        let s = super::human::localize_help(s, crate::i18n::current());
        out.push_str(s.trim_end());
        out.push_str("\n\n");
        rows.push(row);
    }
    let headers = [
        t!("plan-column-server"),
        t!("plan-column-pool"),
        t!("plan-column-site"),
        t!("plan-column-subject"),
        t!("plan-column-san"),
        t!("plan-column-key"),
    ];
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    out.push_str(&table(&headers, &rows));
    out.push('\n');
    out.push_str(&t!(
        "plan-total",
        requests = plan.requests.len() as u64,
        servers = plan.roles.servers.len() as u64
    ));
    out.push('\n');
    let bits = plan.options.key_size.bits() as u64;
    let usage = KEY_USAGE.join(", ");
    out.push_str(&match &plan.options.ca_template {
        Some(tpl) => t!(
            "plan-each-template",
            bits = bits,
            hash = hash_name(),
            usage = usage,
            oid = SERVER_AUTH_OID,
            template = escape(tpl).into_owned()
        ),
        None => t!(
            "plan-each",
            bits = bits,
            hash = hash_name(),
            usage = usage,
            oid = SERVER_AUTH_OID
        ),
    });
    out.push('\n');
    out.push_str(&match plan.options.web.layout {
        Layout::Combined => t!("plan-ca-combined"),
        Layout::Split => t!("plan-ca-split"),
    });
    out.push('\n');
    if !plan.skipped.is_empty() {
        out.push_str(&t!("plan-not-planned", n = plan.skipped.len() as u64));
        out.push('\n');
    }
    if !plan.coverage.is_empty() {
        out.push_str(&render_coverage(plan));
    }
    if emitted.is_empty() {
        if !plan.requests.is_empty() {
            out.push_str(&t!("plan-emit-hint"));
            out.push('\n');
        }
    } else {
        out.push('\n');
        out.push_str(&t!("plan-wrote", n = emitted.len() as u64));
        out.push('\n');
        for p in emitted {
            out.push_str(&format!("  {}\n", escape(&crate::paths::display(p))));
        }
    }
    guard_lines(out)
}

/// `--check`: per planned server, what its supplied certificate covers.
fn render_coverage(plan: &Plan) -> String {
    let mut out = format!("\n{}\n", t!("plan-coverage-heading"));
    for c in &plan.coverage {
        let Some(req) = plan.requests.get(c.request) else {
            continue;
        };
        let total = c.covered.len() + c.missing.len();
        let fqdn = escape(req.fqdn.as_str()).into_owned();
        let line = match &c.file {
            None => t!("plan-coverage-none", fqdn = fqdn),
            Some(path) if c.missing.is_empty() => t!(
                "plan-coverage-all",
                fqdn = fqdn,
                path = escape(path).into_owned(),
                total = total as u64
            ),
            Some(path) => t!(
                "plan-coverage-some",
                fqdn = fqdn,
                path = escape(path).into_owned(),
                covered = c.covered.len() as u64,
                total = total as u64
            ),
        };
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
        if c.file.is_some() {
            for n in &c.missing {
                let code = match n.need {
                    Need::FileTransfer => "name-mismatch",
                    Need::Web => "missing-web-name",
                };
                out.push_str(&format!(
                    "    {} ({}) [{code}]\n",
                    escape(n.name.as_str()),
                    escape(&n.why())
                ));
            }
        }
    }
    out
}

/// One `path:line:col: error: …` line per server that could not be planned (for
/// standard error when standard output carries CSV).
pub fn render_skipped_short(plan: &Plan) -> String {
    plan.skipped
        .iter()
        .map(|s| {
            let l = plan.topology.source.location(&s.span);
            format!(
                "{}:{}:{}: error: {}\n",
                super::short::line_path(&l.path),
                l.line,
                l.column,
                skipped_message(s)
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// JSON

#[derive(Serialize)]
struct SourceDoc {
    origin: &'static str,
    reason: String,
    /// In the topology; `None` for a name from the config file.
    location: Option<Location>,
    /// `true` when the name comes from topocert.toml `[web]`.
    config: bool,
}

#[derive(Serialize)]
struct SanDoc {
    dns: String,
    need: &'static str,
    sources: Vec<SourceDoc>,
}

#[derive(Serialize)]
struct ExternalDoc {
    common_name: String,
    ca: &'static str,
    sans: Vec<SanDoc>,
}

fn san_docs(src: &SourceFile, names: &[RequiredName]) -> Vec<SanDoc> {
    names
        .iter()
        .map(|n| SanDoc {
            dns: n.name.to_string(),
            need: n.need.as_str(),
            sources: n
                .reasons
                .iter()
                .map(|r| SourceDoc {
                    origin: r.why.as_str(),
                    reason: r.why.describe(),
                    location: match &r.place {
                        Place::Topology(span) => Some(src.location(span)),
                        Place::Config(_) => None,
                    },
                    config: matches!(r.place, Place::Config(_)),
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct RequestDoc {
    fqdn: String,
    pool: Option<String>,
    site: Option<String>,
    role_rule: &'static str,
    next_hop: bool,
    subject: String,
    common_name: String,
    subject_rule: &'static str,
    subject_reason: String,
    edition: &'static str,
    edition_evidence: String,
    layout: &'static str,
    uses: Vec<&'static str>,
    sans: Vec<SanDoc>,
    external: Option<ExternalDoc>,
    exportable: bool,
    key_algorithm: &'static str,
    key_size: u32,
    hash: &'static str,
    key_usage: [&'static str; 2],
    extended_key_usage: [&'static str; 1],
    ca_template: Option<String>,
    location: Location,
    web_service_location: Location,
}

#[derive(Serialize)]
struct SkippedDoc {
    server: String,
    pool: Option<String>,
    site: Option<String>,
    reason: String,
    help: String,
    location: Location,
}

#[derive(Serialize)]
struct SummaryDoc {
    servers: usize,
    requests: usize,
    not_planned: usize,
}

#[derive(Serialize)]
struct MissingDoc {
    dns: String,
    need: &'static str,
    reason: String,
}

#[derive(Serialize)]
struct CoverageDoc {
    fqdn: String,
    certificate: Option<String>,
    covered: Vec<String>,
    missing: Vec<MissingDoc>,
}

#[derive(Serialize)]
struct PlanDoc {
    version: u32,
    tool: Tool,
    topology: TopologyInfo,
    requests: Vec<RequestDoc>,
    not_planned: Vec<SkippedDoc>,
    /// `--check`; empty without it.
    coverage: Vec<CoverageDoc>,
    emitted: Vec<String>,
    summary: SummaryDoc,
}

/// The certificate uses (Lync's certificate wizard) of the internal request.
fn uses(layout: Layout) -> Vec<&'static str> {
    match layout {
        Layout::Combined => vec!["default", "web-services-internal", "web-services-external"],
        Layout::Split => vec!["default", "web-services-internal"],
    }
}

/// `topocert plan --format json` (schemas/plan.schema.json, version 1).
pub fn render_json(plan: &Plan, emitted: &[PathBuf]) -> String {
    let t = &plan.topology;
    let src = &t.source;
    let requests = plan
        .requests
        .iter()
        .map(|r| RequestDoc {
            fqdn: r.fqdn.to_string(),
            pool: r.pool.as_ref().map(|p| p.to_string()),
            site: r.site.clone(),
            role_rule: r.rule.as_str(),
            next_hop: r.next_hop,
            subject: r.subject(),
            common_name: r.common_name.to_string(),
            subject_rule: r.subject_rule.as_str(),
            subject_reason: r.subject_rule.why(),
            edition: r.edition.as_str(),
            edition_evidence: r.edition.evidence().describe(),
            layout: plan.options.web.layout.as_str(),
            uses: uses(plan.options.web.layout),
            sans: san_docs(src, &r.sans),
            external: r.external_common_name.as_ref().map(|cn| ExternalDoc {
                common_name: cn.to_string(),
                ca: "public",
                sans: san_docs(src, &r.external),
            }),
            exportable: r.exportable,
            key_algorithm: "rsa",
            key_size: r.key_size.bits(),
            hash: HASH,
            key_usage: KEY_USAGE,
            extended_key_usage: [SERVER_AUTH_OID],
            ca_template: r.ca_template.clone(),
            location: src.location(&r.span),
            web_service_location: src.location(&r.web_span),
        })
        .collect();
    let not_planned = plan
        .skipped
        .iter()
        .map(|s| SkippedDoc {
            server: s.name.clone(),
            pool: s.pool.clone(),
            site: s.site.clone(),
            reason: s.reason.clone(),
            help: s.help.clone(),
            location: src.location(&s.span),
        })
        .collect();
    let coverage = plan
        .coverage
        .iter()
        .filter_map(|c| {
            let req = plan.requests.get(c.request)?;
            Some(CoverageDoc {
                fqdn: req.fqdn.to_string(),
                certificate: c.file.clone(),
                covered: c.covered.iter().map(|n| n.to_string()).collect(),
                missing: c
                    .missing
                    .iter()
                    .map(|n| MissingDoc {
                        dns: n.name.to_string(),
                        need: n.need.as_str(),
                        reason: n.why(),
                    })
                    .collect(),
            })
        })
        .collect();
    let doc = PlanDoc {
        version: 1,
        tool: TOOL,
        topology: topology_info(t),
        requests,
        not_planned,
        coverage,
        emitted: emitted
            .iter()
            .map(|p| crate::paths::portable(&crate::paths::display(p)))
            .collect(),
        summary: SummaryDoc {
            servers: plan.roles.servers.len(),
            requests: plan.requests.len(),
            not_planned: plan.skipped.len(),
        },
    };
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------
// CSV

/// One RFC 4180 field: its text made safe for spreadsheets first
/// ([`crate::text::csv_cell`]: no formula, no control character), then quoted when
/// it holds a comma or a quote.
fn csv_field(s: &str) -> String {
    let s = crate::text::csv_cell(s);
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// `topocert plan --format csv`: a header and one row per planned server, CRLF line
/// breaks and quoting as RFC 4180; SAN names separated by `;`.
pub fn render_csv(plan: &Plan) -> String {
    let header: Vec<String> = [
        t!("plan-csv-fqdn"),
        t!("plan-csv-pool"),
        t!("plan-csv-site"),
        t!("plan-csv-subject"),
        t!("plan-csv-sans"),
        t!("plan-csv-key-size"),
    ]
    .iter()
    .map(|h| csv_field(h))
    .collect();
    let mut out = header.join(",");
    out.push_str("\r\n");
    for r in &plan.requests {
        let fields = [
            r.fqdn.to_string(),
            r.pool.as_ref().map(|p| p.to_string()).unwrap_or_default(),
            r.site.clone().unwrap_or_default(),
            r.subject(),
            r.san_names().join(";"),
            r.key_size.bits().to_string(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

// ---------------------------------------------------------------------------------
// Request templates
//
// The templates, comments included, are English and ASCII in every language:
// certreq.exe reads an INF file without a byte order mark in the ANSI code page
// (CP932 on a Japanese Windows), so UTF-8 Japanese comments would reach it as
// mojibake, and OpenSSL configurations are for the same PKI team.

/// Text from the topology (its path) made safe for a comment line of a template:
/// printable ASCII only.
fn comment_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect()
}

/// Which certificate of a server a template asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cert {
    /// Default + internal web services (+ external web services with `--layout combined`).
    Internal,
    /// External web services (`--layout split`), from a public CA.
    External,
}

impl Cert {
    fn stem(self, req: &Request) -> String {
        match self {
            Cert::Internal => req.file_stem().to_string(),
            Cert::External => format!("{}.external", req.file_stem()),
        }
    }
    fn names(self, req: &Request) -> &[RequiredName] {
        match self {
            Cert::Internal => &req.sans,
            Cert::External => &req.external,
        }
    }
    fn common_name(self, req: &Request) -> String {
        match self {
            Cert::Internal => req.common_name.to_string(),
            Cert::External => req
                .external_common_name
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default(),
        }
    }
    /// A friendly name unique per server and use, as the wizard shows it in the store.
    fn friendly_name(self, req: &Request) -> String {
        match self {
            Cert::Internal if req.external.is_empty() && req.external_common_name.is_none() => {
                format!("Lync Default and Web Services {}", req.fqdn.key())
            }
            Cert::Internal => format!("Lync Default and Internal Web Services {}", req.fqdn.key()),
            Cert::External => format!("Lync External Web Services {}", req.fqdn.key()),
        }
    }
    fn ca(self) -> &'static str {
        match self {
            Cert::Internal => "the internal CA that issues the Lync servers' certificates",
            Cert::External => "a public CA (external clients must trust it)",
        }
    }
}

/// A `certreq -new` INF file (CRLF line endings).
pub fn render_inf(plan: &Plan, req: &Request) -> String {
    inf(plan, req, Cert::Internal)
}

/// The `--layout split` external web services request as a `certreq` INF file.
pub fn render_external_inf(plan: &Plan, req: &Request) -> String {
    inf(plan, req, Cert::External)
}

/// One `; name: reason` comment line per SAN name.
fn reason_comments(names: &[RequiredName], prefix: &str) -> Vec<String> {
    names
        .iter()
        .map(|n| {
            // English, like the whole template (see "Request templates" above).
            let why: Vec<String> = n
                .reasons
                .iter()
                .map(|r| r.why.describe_in(Lang::En))
                .collect();
            format!(
                "{prefix} {}: {} [{}]",
                n.name,
                comment_safe(&why.join("; ")),
                n.need.as_str()
            )
        })
        .collect()
}

fn inf(plan: &Plan, req: &Request, cert: Cert) -> String {
    let stem = cert.stem(req);
    let mut lines: Vec<String> = vec![
        format!(
            "; certreq request for {}, written by topocert {} (`topocert plan`)",
            req.fqdn,
            env!("CARGO_PKG_VERSION")
        ),
        format!("; from {}.", comment_safe(plan.topology.source.name())),
        "; On the server, as an administrator:".into(),
        format!(";   certreq -new {stem}.inf {stem}.req"),
        format!(
            ";   certreq -submit {stem}.req {stem}.cer    (to {})",
            cert.ca()
        ),
        format!(";   certreq -accept {stem}.cer"),
        "; The names and why each is needed:".into(),
    ];
    lines.extend(reason_comments(cert.names(req), ";  "));
    lines.extend([
        String::new(),
        "[Version]".into(),
        "Signature=\"$Windows NT$\"".into(),
        String::new(),
        "[NewRequest]".into(),
        format!("Subject = \"CN={}\"", cert.common_name(req)),
        format!("FriendlyName = \"{}\"", cert.friendly_name(req)),
        format!("KeyLength = {}", req.key_size.bits()),
        "; AT_KEYEXCHANGE".into(),
        "KeySpec = 1".into(),
        format!("; {}", KEY_USAGE.join(", ")),
        format!("KeyUsage = 0x{KEY_USAGE_BITS:02x}"),
    ]);
    if req.exportable {
        lines.push(
            "; --exportable: the key can be exported to the pool's other servers, which then share this certificate"
                .into(),
        );
        lines.push("Exportable = TRUE".into());
    } else {
        lines.push(
            "; the key never leaves this server; give --exportable to share one certificate among a pool's servers"
                .into(),
        );
        lines.push("Exportable = FALSE".into());
    }
    lines.extend([
        "MachineKeySet = TRUE".into(),
        "SMIME = FALSE".into(),
        "RequestType = PKCS10".into(),
        "HashAlgorithm = SHA256".into(),
        "ProviderName = \"Microsoft RSA SChannel Cryptographic Provider\"".into(),
        "ProviderType = 12".into(),
        String::new(),
        "[EnhancedKeyUsageExtension]".into(),
        "; Server Authentication".into(),
        format!("OID={SERVER_AUTH_OID}"),
        String::new(),
        "[Extensions]".into(),
        "; Subject alternative names".into(),
        format!("{SAN_OID} = \"{{text}}\""),
    ]);
    for n in cert.names(req) {
        lines.push(format!("_continue_ = \"dns={}&\"", n.name));
    }
    if let (Some(tpl), Cert::Internal) = (&req.ca_template, cert) {
        lines.push(String::new());
        lines.push("[RequestAttributes]".into());
        if tpl.contains(' ') {
            lines.push(format!("CertificateTemplate = \"{tpl}\""));
        } else {
            lines.push(format!("CertificateTemplate = {tpl}"));
        }
    }
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

/// An `openssl req -config` file (LF line endings).
pub fn render_cnf(plan: &Plan, req: &Request) -> String {
    cnf(plan, req, Cert::Internal)
}

/// The `--layout split` external web services request as an OpenSSL config.
pub fn render_external_cnf(plan: &Plan, req: &Request) -> String {
    cnf(plan, req, Cert::External)
}

fn cnf(plan: &Plan, req: &Request, cert: Cert) -> String {
    let stem = cert.stem(req);
    let bits = req.key_size.bits();
    let mut out = format!(
        "# OpenSSL request configuration for {fqdn}, written by topocert {version} (`topocert plan`)\n\
         # from {path}.\n\
         #   openssl req -new -config {stem}.cnf -newkey rsa:{bits} -nodes \\\n\
         #       -keyout {stem}.key -out {stem}.csr\n\
         # Submit {stem}.csr to {ca}",
        fqdn = req.fqdn,
        version = env!("CARGO_PKG_VERSION"),
        path = comment_safe(plan.topology.source.name()),
        ca = cert.ca(),
    );
    match (&req.ca_template, cert) {
        (Some(tpl), Cert::Internal) => out.push_str(&format!(
            "\n# with the certificate template {tpl}, e.g.\n#   certreq -submit -attrib \"CertificateTemplate:{tpl}\" {stem}.csr {stem}.cer\n"
        )),
        _ => out.push_str(".\n"),
    }
    out.push_str("# The names and why each is needed:\n");
    for line in reason_comments(cert.names(req), "# ") {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!(
        "\n[ req ]\n\
         prompt = no\n\
         default_bits = {bits}\n\
         default_md = {HASH}\n\
         utf8 = yes\n\
         string_mask = utf8only\n\
         distinguished_name = req_dn\n\
         req_extensions = req_ext\n\
         \n\
         [ req_dn ]\n\
         CN = {cn}\n\
         \n\
         [ req_ext ]\n\
         keyUsage = critical, {ku}\n\
         extendedKeyUsage = serverAuth\n\
         subjectAltName = @alt\n\
         \n\
         [ alt ]\n",
        cn = cert.common_name(req),
        ku = KEY_USAGE.join(", "),
    ));
    for (i, n) in cert.names(req).iter().enumerate() {
        out.push_str(&format!("DNS.{} = {}\n", i + 1, n.name));
    }
    out
}

/// The templates `--emit` writes, named by server FQDN: `FQDN.inf` and/or `FQDN.cnf`,
/// and with `--layout split` also `FQDN.external.inf` / `FQDN.external.cnf`.
pub fn templates(plan: &Plan, which: RequestFormat) -> Vec<Template> {
    let mut out = Vec::new();
    for r in &plan.requests {
        let mut certs = vec![Cert::Internal];
        if r.external_common_name.is_some() {
            certs.push(Cert::External);
        }
        for cert in certs {
            if which.certreq() {
                out.push(Template {
                    file_name: format!("{}.inf", cert.stem(r)),
                    contents: inf(plan, r, cert),
                });
            }
            if which.openssl() {
                out.push(Template {
                    file_name: format!("{}.cnf", cert.stem(r)),
                    contents: cnf(plan, r, cert),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(csv_field("Redmond"), "Redmond");
        assert_eq!(csv_field("a;b"), "a;b");
        assert_eq!(csv_field("Redmond, WA"), "\"Redmond, WA\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\r\nlines"), "two\\r\\nlines");
        assert_eq!(csv_field("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(csv_field("@SUM(1,2)"), "\"'@SUM(1,2)\"");
    }

    #[test]
    fn comments_stay_on_one_ascii_line() {
        assert_eq!(
            comment_safe("dir/topologie é.xml\r\n; x"),
            "dir/topologie ?.xml??; x"
        );
    }
}
