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
use crate::plan::{
    HASH, KEY_USAGE, KEY_USAGE_BITS, Origin, Plan, PlannedName, Request, RequestFormat, SAN_OID,
    SERVER_AUTH_OID, Skipped, SubjectRule, Template,
};
use crate::roles::RoleRule;
use crate::source::{Location, SourceFile};
use crate::text::plural;

/// "SHA-256" for [`HASH`].
fn hash_name() -> &'static str {
    match HASH {
        "sha256" => "SHA-256",
        other => other,
    }
}

// ---------------------------------------------------------------------------------
// Human

/// Why one topology place puts a name into the request.
fn source_label(req: &Request, name: &PlannedName, origin: &Origin) -> String {
    let server_is_cn = req.subject_rule == SubjectRule::ServerFqdn;
    let into = |as_cn: bool| {
        if as_cn { "subject CN and SAN" } else { "SAN" }
    };
    match origin {
        Origin::Machine => format!("server FQDN → {}", into(server_is_cn)),
        Origin::QualifiedMachine { written, domain } => format!(
            "bare host name `{written}` + default domain {domain} = {} → {}",
            name.name,
            into(server_is_cn)
        ),
        Origin::ClusterForMachine => format!(
            "the <Machine> has no Fqdn and takes its single-machine cluster's, {} → {}",
            name.name,
            into(server_is_cn)
        ),
        Origin::Pool { qualified_from } => {
            let what = match qualified_from {
                Some(w) => format!("pool FQDN (`{w}` read as {})", name.name),
                None => "pool FQDN".to_string(),
            };
            if req.multi_server_pool {
                format!("{what} → subject CN and SAN")
            } else if name.name == req.fqdn {
                format!("{what}, the server's own name → the same SAN entry")
            } else {
                format!("{what} → SAN")
            }
        }
        Origin::InternalWebHost => "internal web services FQDN override → SAN".to_string(),
    }
}

fn web_label(req: &Request) -> &'static str {
    match req.rule {
        RoleRule::Component => "PersistentChatWeb: the pool runs the file-transfer web service",
        RoleRule::FrontEndPool => {
            "Front End pool web services (no component list): they run the file-transfer web service"
        }
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
    for (i, name) in req.sans.iter().enumerate() {
        for (j, src) in name.sources.iter().enumerate() {
            push(
                src.span.clone(),
                source_label(req, name, &src.origin),
                i == 0 && j == 0,
            );
        }
    }
    push(req.web_span.clone(), web_label(req).to_string(), false);
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
    let help = req.subject_rule.why().to_string();
    PlanDiag {
        source: &plan.topology.source,
        // One line each, so no name is broken at a hyphen when the message wraps.
        message: format!(
            "certificate request for {}\nsubject {}\nSAN     {}",
            req.fqdn,
            req.subject(),
            req.san_names().join(", ")
        ),
        help,
        severity: miette::Severity::Advice,
        labels: request_labels(req),
    }
}

fn skipped_diag<'a>(plan: &'a Plan, s: &Skipped) -> PlanDiag<'a> {
    PlanDiag {
        source: &plan.topology.source,
        message: skipped_message(s),
        help: s.help.clone(),
        severity: miette::Severity::Error,
        labels: vec![(s.span.clone(), s.label.clone(), true)],
    }
}

fn skipped_message(s: &Skipped) -> String {
    format!("no certificate request for {}: {}", s.name, s.reason)
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
    let mut out = format!(
        "Certificate requests for the Persistent Chat file-transfer servers in {} ({}, {})\n\n",
        t.source.name(),
        t.format.as_str(),
        t.source.encoding()
    );
    if plan.roles.servers.is_empty() {
        out.push_str(
            "No server runs the Persistent Chat file-transfer web service: there is no certificate to request.\n",
        );
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
                    "(not planned)".into(),
                    "-".into(),
                    "-".into(),
                ],
            ),
        };
        let mut s = String::new();
        if h.render_report(&mut s, &d).is_err() {
            s = format!("{d}\n");
        }
        out.push_str(s.trim_end());
        out.push_str("\n\n");
        rows.push(row);
    }
    out.push_str(&table(
        &["SERVER", "POOL", "SITE", "SUBJECT", "SAN", "KEY"],
        &rows,
    ));
    out.push('\n');
    out.push_str(&format!(
        "{} for {}.\nEach: RSA {} key, {}, key usage {}, Server Authentication ({SERVER_AUTH_OID})",
        plural(plan.requests.len(), "certificate request"),
        plural(plan.roles.servers.len(), "file-transfer server"),
        plan.options.key_size.bits(),
        hash_name(),
        KEY_USAGE.join(", "),
    ));
    match &plan.options.ca_template {
        Some(tpl) => out.push_str(&format!(", CA template {tpl}.\n")),
        None => out.push_str(".\n"),
    }
    out.push_str(
        "Every certificate must come from the internal CA that issues the Lync servers' certificates.\n",
    );
    if !plan.skipped.is_empty() {
        out.push_str(&format!(
            "{} not planned: fix the topology and run `topocert plan` again.\n",
            plural(plan.skipped.len(), "server")
        ));
    }
    if emitted.is_empty() {
        if !plan.requests.is_empty() {
            out.push_str("Write the request templates with --emit DIR.\n");
        }
    } else {
        out.push_str(&format!("\nWrote {}:\n", plural(emitted.len(), "file")));
        for p in emitted {
            out.push_str(&format!("  {}\n", p.display()));
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
                l.path,
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
    location: Location,
}

#[derive(Serialize)]
struct SanDoc {
    dns: String,
    sources: Vec<SourceDoc>,
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
    subject_reason: &'static str,
    sans: Vec<SanDoc>,
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
struct PlanDoc {
    version: u32,
    tool: Tool,
    topology: TopologyInfo,
    requests: Vec<RequestDoc>,
    not_planned: Vec<SkippedDoc>,
    emitted: Vec<String>,
    summary: SummaryDoc,
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
            sans: r
                .sans
                .iter()
                .map(|n| SanDoc {
                    dns: n.name.to_string(),
                    sources: n
                        .sources
                        .iter()
                        .map(|s| SourceDoc {
                            origin: s.origin.as_str(),
                            location: src.location(&s.span),
                        })
                        .collect(),
                })
                .collect(),
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
    let doc = PlanDoc {
        version: 1,
        tool: TOOL,
        topology: topology_info(t),
        requests,
        not_planned,
        emitted: emitted.iter().map(|p| p.display().to_string()).collect(),
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

/// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `topocert plan --format csv`: a header and one row per planned server, CRLF line
/// breaks and quoting as RFC 4180; SAN names separated by `;`.
pub fn render_csv(plan: &Plan) -> String {
    let mut out = String::from("fqdn,pool,site,subject,sans,key_size\r\n");
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

/// A `certreq -new` INF file (CRLF line endings).
pub fn render_inf(plan: &Plan, req: &Request) -> String {
    let stem = req.file_stem();
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
            ";   certreq -submit {stem}.req {stem}.cer    (to the internal CA that issues the Lync servers' certificates)"
        ),
        format!(";   certreq -accept {stem}.cer"),
        String::new(),
        "[Version]".into(),
        "Signature=\"$Windows NT$\"".into(),
        String::new(),
        "[NewRequest]".into(),
        format!("Subject = \"{}\"", req.subject()),
        format!("KeyLength = {}", req.key_size.bits()),
        "; AT_KEYEXCHANGE".into(),
        "KeySpec = 1".into(),
        format!("; {}", KEY_USAGE.join(", ")),
        format!("KeyUsage = 0x{KEY_USAGE_BITS:02x}"),
        "Exportable = TRUE".into(),
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
    ];
    for n in &req.sans {
        lines.push(format!("_continue_ = \"dns={}&\"", n.name));
    }
    if let Some(tpl) = &req.ca_template {
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
    let stem = req.file_stem();
    let bits = req.key_size.bits();
    let mut out = format!(
        "# OpenSSL request configuration for {fqdn}, written by topocert {version} (`topocert plan`)\n\
         # from {path}.\n\
         #   openssl req -new -config {stem}.cnf -newkey rsa:{bits} -nodes \\\n\
         #       -keyout {stem}.key -out {stem}.csr\n\
         # Submit {stem}.csr to the internal CA that issues the Lync servers' certificates",
        fqdn = req.fqdn,
        version = env!("CARGO_PKG_VERSION"),
        path = comment_safe(plan.topology.source.name()),
    );
    match &req.ca_template {
        Some(tpl) => out.push_str(&format!(
            "\n# with the certificate template {tpl}, e.g.\n#   certreq -submit -attrib \"CertificateTemplate:{tpl}\" {stem}.csr {stem}.cer\n"
        )),
        None => out.push_str(".\n"),
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
        cn = req.common_name,
        ku = KEY_USAGE.join(", "),
    ));
    for (i, n) in req.sans.iter().enumerate() {
        out.push_str(&format!("DNS.{} = {}\n", i + 1, n.name));
    }
    out
}

/// The templates `--emit` writes, named by server FQDN: `FQDN.inf` and/or `FQDN.cnf`.
pub fn templates(plan: &Plan, which: RequestFormat) -> Vec<Template> {
    let mut out = Vec::new();
    for r in &plan.requests {
        if which.certreq() {
            out.push(Template {
                file_name: format!("{}.inf", r.file_stem()),
                contents: render_inf(plan, r),
            });
        }
        if which.openssl() {
            out.push(Template {
                file_name: format!("{}.cnf", r.file_stem()),
                contents: render_cnf(plan, r),
            });
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
        assert_eq!(csv_field("two\r\nlines"), "\"two\r\nlines\"");
    }

    #[test]
    fn comments_stay_on_one_ascii_line() {
        assert_eq!(
            comment_safe("dir/topologie é.xml\r\n; x"),
            "dir/topologie ?.xml??; x"
        );
    }
}
