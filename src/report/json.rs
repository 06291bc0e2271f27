/*!
JSON output (version 1; fields may be added, never renamed). The check report
follows `schemas/report.schema.json`; the list document `schemas/list.schema.json`.
*/

use serde::Serialize;

use crate::chain::Origin;

use crate::check::Report;
use crate::roles::{FileTransferServer, Roles};
use crate::rules::{Finding, Severity};
use crate::source::{Location, SourceFile};
use crate::topology::Topology;

#[derive(Serialize)]
pub(crate) struct Tool {
    name: &'static str,
    version: &'static str,
}

pub(crate) const TOOL: Tool = Tool {
    name: "topocert",
    version: env!("CARGO_PKG_VERSION"),
};

#[derive(Serialize)]
pub(crate) struct TopologyInfo {
    #[serde(serialize_with = "crate::paths::serialize_portable")]
    path: String,
    format: &'static str,
    encoding: String,
}

pub(crate) fn topology_info(t: &Topology) -> TopologyInfo {
    TopologyInfo {
        path: t.source.name().to_string(),
        format: t.format.as_str(),
        encoding: t.source.encoding().name(),
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    severity: Severity,
    message: &'a str,
    help: &'a str,
    server: Option<String>,
    #[serde(serialize_with = "crate::paths::serialize_portable_opt")]
    certificate: Option<String>,
    location: Option<Location>,
}

fn findings<'a>(
    list: &'a [Finding],
    t: &Topology,
    config: Option<&SourceFile>,
    cert_path: &dyn Fn(usize) -> Option<String>,
) -> Vec<JsonFinding<'a>> {
    list.iter()
        .map(|f| JsonFinding {
            code: f.code.as_str(),
            severity: f.severity,
            message: &f.message,
            help: &f.help,
            server: f.server_name(t),
            certificate: f.certificate.and_then(cert_path),
            location: super::locate(f, &t.source, config, cert_path),
        })
        .collect()
}

#[derive(Serialize)]
struct ListServer {
    fqdn: Option<String>,
    pool: Option<String>,
    site: Option<String>,
    role_rule: &'static str,
    next_hop: bool,
    location: Location,
}

fn list_server(t: &Topology, s: &FileTransferServer) -> ListServer {
    ListServer {
        fqdn: s.fqdn.as_ref().map(|f| f.to_string()),
        pool: s.pool.as_ref().map(|f| f.to_string()),
        site: s.site.clone(),
        role_rule: s.rule.as_str(),
        next_hop: s.next_hop,
        location: t.source.location(&s.span),
    }
}

#[derive(Serialize)]
struct PcPool {
    fqdn: Option<String>,
    next_hops: Vec<String>,
    location: Location,
}

#[derive(Serialize)]
struct ListDoc<'a> {
    version: u32,
    tool: Tool,
    topology: TopologyInfo,
    servers: Vec<ListServer>,
    persistent_chat_pools: Vec<PcPool>,
    findings: Vec<JsonFinding<'a>>,
}

fn to_string<T: Serialize>(doc: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// `topocert list --format json`.
pub fn render_list(t: &Topology, roles: &Roles, list: &[Finding]) -> String {
    let pools = roles
        .pc_pools
        .iter()
        .map(|p| PcPool {
            fqdn: p.fqdn.as_ref().map(|f| f.to_string()),
            next_hops: p
                .next_hops
                .iter()
                .filter_map(|ci| t.clusters.get(*ci))
                .filter_map(|c| c.fqdn.as_ref().map(|f| f.to_string()))
                .collect(),
            location: t
                .services
                .get(p.service)
                .map(|s| t.source.location(&s.span))
                .unwrap_or_else(|| t.source.location(&t.root_span)),
        })
        .collect();
    to_string(&ListDoc {
        version: 1,
        tool: TOOL,
        topology: topology_info(t),
        servers: roles.servers.iter().map(|s| list_server(t, s)).collect(),
        persistent_chat_pools: pools,
        findings: findings(list, t, None, &|_| None),
    })
}

#[derive(Serialize)]
struct ExpectedCaDoc<'a> {
    source: &'static str,
    subjects: &'a [String],
}

#[derive(Serialize)]
struct CheckServer<'a> {
    fqdn: Option<String>,
    pool: Option<String>,
    site: Option<String>,
    role_rule: &'static str,
    next_hop: bool,
    #[serde(serialize_with = "crate::paths::serialize_portable_opt")]
    certificate: Option<&'a str>,
    status: &'static str,
    chain: Vec<ChainLink<'a>>,
    location: Location,
}

/// One certificate of the chain built for a server's certificate.
#[derive(Serialize)]
struct ChainLink<'a> {
    subject: &'a str,
    key_id: &'a str,
    origin: &'static str,
    /// The file it came from, for `own-file` and `other-file`.
    file: Option<&'a str>,
    anchor: bool,
}

#[derive(Serialize)]
struct CertDoc<'a> {
    #[serde(serialize_with = "crate::paths::serialize_portable")]
    path: &'a str,
    format: Option<String>,
    subject: Option<&'a str>,
    issuer: Option<&'a str>,
    serial: Option<&'a str>,
    not_before: Option<String>,
    not_after: Option<String>,
    dns_names: Vec<&'a str>,
    servers: Vec<String>,
    status: &'static str,
    error: Option<String>,
}

#[derive(Serialize)]
struct Summary {
    servers: usize,
    certificates: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

#[derive(Serialize)]
struct CheckDoc<'a> {
    version: u32,
    tool: Tool,
    topology: TopologyInfo,
    valid_at: String,
    expected_ca: ExpectedCaDoc<'a>,
    servers: Vec<CheckServer<'a>>,
    certificates: Vec<CertDoc<'a>>,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

/// `topocert check --format json`.
pub fn render_check(rep: &Report) -> String {
    let t = &rep.topology;
    let path_of = |i: usize| rep.files.get(i).map(|f| f.path.as_str());
    let servers = rep
        .servers
        .iter()
        .map(|s| {
            let l = list_server(t, &s.server);
            CheckServer {
                fqdn: l.fqdn,
                pool: l.pool,
                site: l.site,
                role_rule: l.role_rule,
                next_hop: l.next_hop,
                certificate: s.certificate.and_then(path_of),
                status: super::server_status(s),
                chain: s
                    .chain
                    .iter()
                    .map(|c| ChainLink {
                        subject: &c.subject,
                        key_id: &c.key_id,
                        origin: c.origin.as_str(),
                        file: match c.origin {
                            Origin::Given => None,
                            Origin::OwnFile => s.certificate.and_then(path_of),
                            Origin::OtherFile(i) => path_of(i),
                        },
                        anchor: c.anchor,
                    })
                    .collect(),
                location: l.location,
            }
        })
        .collect();
    let certificates = rep
        .files
        .iter()
        .map(|f| {
            let leaf = f.leaf();
            CertDoc {
                path: &f.path,
                format: f.loaded.as_ref().ok().map(|l| l.format.to_string()),
                subject: leaf.map(|c| c.info.subject.as_str()),
                issuer: leaf.map(|c| c.info.issuer.as_str()),
                serial: leaf.map(|c| c.info.serial_hex.as_str()),
                not_before: leaf.map(|c| crate::text::timestamp(c.info.not_before)),
                not_after: leaf.map(|c| crate::text::timestamp(c.info.not_after)),
                dns_names: leaf
                    .map(|c| c.info.dns_names.iter().map(String::as_str).collect())
                    .unwrap_or_default(),
                servers: f
                    .servers
                    .iter()
                    .filter_map(|si| rep.roles.servers.get(*si))
                    .map(FileTransferServer::display_name)
                    .collect(),
                status: f.status.as_str(),
                error: f.loaded.as_ref().err().map(ToString::to_string),
            }
        })
        .collect();
    to_string(&CheckDoc {
        version: 1,
        tool: TOOL,
        topology: topology_info(t),
        valid_at: crate::text::timestamp(rep.valid_at),
        expected_ca: ExpectedCaDoc {
            source: rep.expected_ca.source.as_str(),
            subjects: &rep.expected_ca.subjects,
        },
        servers,
        certificates,
        findings: findings(&rep.findings, t, rep.config.as_deref(), &|i| {
            path_of(i).map(str::to_owned)
        }),
        summary: Summary {
            servers: rep.servers.len(),
            certificates: rep.files.len(),
            errors: rep.count(Severity::Error),
            warnings: rep.count(Severity::Warning),
            notes: rep.count(Severity::Note),
        },
    })
}
