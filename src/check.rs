/*!
The `certs → pairing → rules` stages of `topocert check`, and the contexts rules
run in. Produces a [`Report`]: every server, every supplied certificate file and
every finding, which the renderers in `report` only format.
*/

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use time::OffsetDateTime;

use crate::certs::{self, Certificate, Collected, LoadOptions, LoadedFile};
use crate::chain::Trust;
use crate::config::Config;
use crate::fqdn::Fqdn;
use crate::roles::{self, FileTransferServer, Roles};
use crate::rules::{self, Code, Finding, Severity};
use crate::topology::Topology;
use crate::{Error, load_topology};

/// What `topocert check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub certs: Vec<PathBuf>,
    pub ca: Vec<PathBuf>,
    pub valid_at: OffsetDateTime,
    pub pfx_password: Option<String>,
    pub config: Config,
    pub max_input_size: u64,
    /// Most certificate files `--certs` may expand to.
    pub max_cert_files: usize,
}

/// Default for [`CheckOptions::max_cert_files`].
pub const DEFAULT_MAX_CERT_FILES: usize = 100_000;

/// Where the expected internal CA came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaSource {
    /// `--ca` files.
    Given,
    /// The most common issuer of the internal servers' certificates.
    Inferred,
    /// Neither given nor inferable (no certificate of an internal server).
    Unknown,
}

impl CaSource {
    pub fn as_str(self) -> &'static str {
        match self {
            CaSource::Given => "given",
            CaSource::Inferred => "inferred",
            CaSource::Unknown => "unknown",
        }
    }
}

/// The CA every file-transfer server's certificate must chain to.
#[derive(Debug, Clone)]
pub struct ExpectedCa {
    pub source: CaSource,
    /// Trust anchors: `--ca` certificates, or the inferred CA's certificate when supplied.
    pub anchors: Vec<Certificate>,
    /// Subject DNs, for reports.
    pub subjects: Vec<String>,
    /// When inferred without the CA's certificate: the issuer DN (DER) and AKI to compare.
    pub name_only: Option<(Vec<u8>, Option<Vec<u8>>)>,
}

/// What happened to one supplied certificate file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    Used,
    Orphan,
    Unreadable,
}

impl FileStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FileStatus::Used => "used",
            FileStatus::Orphan => "orphan",
            FileStatus::Unreadable => "unreadable",
        }
    }
}

/// One supplied certificate file (or a problem with a supplied path).
#[derive(Debug, Clone)]
pub struct CertFile {
    /// The path as found from the command line (relative paths stay relative).
    pub path: String,
    pub loaded: Result<LoadedFile, String>,
    /// FQDNs of the servers this file was paired with.
    pub servers: Vec<String>,
    pub status: FileStatus,
}

impl CertFile {
    pub fn leaf(&self) -> Option<&Certificate> {
        self.loaded.as_ref().ok().and_then(|l| l.certs.get(l.leaf))
    }
}

/// One file-transfer server and its verdict.
#[derive(Debug, Clone)]
pub struct ServerResult {
    pub server: FileTransferServer,
    /// Index into [`Report::files`].
    pub certificate: Option<usize>,
    /// Worst severity of its findings; `None` when it has none.
    pub worst: Option<Severity>,
}

/// Everything `check` found; renderers only format this.
#[derive(Debug)]
pub struct Report {
    pub topology: Topology,
    pub roles: Roles,
    pub valid_at: OffsetDateTime,
    pub expected_ca: ExpectedCa,
    pub files: Vec<CertFile>,
    pub servers: Vec<ServerResult>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// Exit status: 1 when any error-level finding remains.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Context of the topology-level rules.
pub struct TopologyCx<'a> {
    pub topology: &'a Topology,
    pub roles: &'a Roles,
    /// Per cluster: does it host file-transfer servers or a Persistent Chat pool?
    needed: Vec<bool>,
}

impl<'a> TopologyCx<'a> {
    pub fn new(topology: &'a Topology, roles: &'a Roles) -> Self {
        let mut needed = vec![false; topology.clusters.len()];
        let clusters = roles
            .servers
            .iter()
            .map(|s| Some(s.cluster))
            .chain(roles.pc_pools.iter().map(|p| p.cluster));
        for ci in clusters.flatten() {
            if let Some(n) = needed.get_mut(ci) {
                *n = true;
            }
        }
        TopologyCx {
            topology,
            roles,
            needed,
        }
    }

    /// A cluster whose FQDNs matter: it hosts file-transfer servers or a Persistent Chat pool.
    pub fn cluster_needed(&self, ci: usize) -> bool {
        self.needed.get(ci).copied().unwrap_or(false)
    }
}

/// Context of the per-server certificate rules.
pub struct ServerCx<'a> {
    pub server: &'a FileTransferServer,
    pub fqdn: &'a Fqdn,
    pub file_index: usize,
    pub file: &'a CertFile,
    pub leaf: &'a Certificate,
    /// The expected CA and every CA certificate known to the run.
    pub trust: &'a Trust<'a>,
    pub ca: &'a ExpectedCa,
    pub valid_at: OffsetDateTime,
    pub config: &'a Config,
}

impl ServerCx<'_> {
    /// A finding about this server's certificate, pointing at its `<Machine>`.
    pub fn finding(
        &self,
        code: Code,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Finding {
        Finding::new(code, message, help)
            .server(self.fqdn.to_string())
            .certificate(self.file_index)
            .at(
                self.server.span.clone(),
                format!("{} is a Persistent Chat file-transfer server", self.fqdn),
            )
    }
}

/// Run the topology-level rules.
pub fn topology_findings(t: &Topology, roles: &Roles) -> Vec<Finding> {
    let cx = TopologyCx::new(t, roles);
    let mut sink = Vec::new();
    rules::missing_fqdn::check(&cx, &mut sink);
    rules::invalid_fqdn::check(&cx, &mut sink);
    rules::bare_host_name::check(&cx, &mut sink);
    rules::duplicate_fqdn::check(&cx, &mut sink);
    rules::unresolved_reference::check(&cx, &mut sink);
    rules::persistent_chat_unsupported::check(&cx, &mut sink);
    rules::no_persistent_chat_pool::check(&cx, &mut sink);
    sink
}

/// Run `topocert check` on the topology at `path`.
pub fn check(path: &Path, opts: &CheckOptions) -> Result<Report, Error> {
    let topology = load_topology(path, opts.max_input_size)?;
    let roles = roles::resolve(&topology);
    let mut findings = topology_findings(&topology, &roles);

    let load_opts = LoadOptions {
        pfx_password: opts.pfx_password.clone(),
        ..LoadOptions::default()
    };
    let ca_files = load_ca(&opts.ca, &load_opts)?;
    let mut files = load_files(&opts.certs, &load_opts, opts.max_cert_files)?;
    let pairing = crate::pairing::pair(&roles, &mut files, &opts.config);
    findings.extend(pairing.findings);

    let pool: Vec<&Certificate> = files
        .iter()
        .filter_map(|f| f.loaded.as_ref().ok())
        .flat_map(|l| l.certs.iter())
        .chain(ca_files.iter())
        .collect();
    let (expected_ca, ca_findings) = expected_ca(
        &topology,
        &roles,
        &files,
        &pairing.assigned,
        ca_files.clone(),
        &pool,
    );
    findings.extend(ca_findings);

    for (i, f) in files.iter().enumerate() {
        if let Err(reason) = &f.loaded {
            findings.push(rules::unreadable_certificate::finding(i, &f.path, reason));
        } else if f.status == FileStatus::Orphan {
            findings.push(rules::orphan_certificate::finding(i, f));
        }
    }

    let trust = Trust::new(&expected_ca, &pool);
    let per_server = server_findings(
        &roles.servers,
        &pairing.assigned,
        &files,
        &trust,
        opts.valid_at,
        &opts.config,
    );
    findings.extend(per_server.into_iter().flatten());
    findings.extend(pairing.missing);

    let findings = opts.config.apply(findings, &files);
    let mut worst: HashMap<&str, Severity> = HashMap::new();
    for f in &findings {
        if let Some(server) = f.server.as_deref() {
            let w = worst.entry(server).or_insert(f.severity);
            *w = (*w).max(f.severity);
        }
    }
    let servers = roles
        .servers
        .iter()
        .zip(&pairing.assigned)
        .map(|(s, a)| ServerResult {
            server: s.clone(),
            certificate: *a,
            worst: worst.get(s.display_name().as_str()).copied(),
        })
        .collect();
    drop(worst);
    drop(trust);
    drop(pool);
    Ok(Report {
        topology,
        roles,
        valid_at: opts.valid_at,
        expected_ca,
        files,
        servers,
        findings,
    })
}

/// Run the certificate rules for every server paired with a readable file, in
/// parallel; the result keeps the servers' order.
pub fn server_findings(
    servers: &[FileTransferServer],
    assigned: &[Option<usize>],
    files: &[CertFile],
    trust: &Trust<'_>,
    valid_at: OffsetDateTime,
    config: &Config,
) -> Vec<Vec<Finding>> {
    servers
        .par_iter()
        .zip(assigned.par_iter())
        .map(|(server, assigned)| {
            let mut sink = Vec::new();
            let (Some(fqdn), Some(fi)) = (&server.fqdn, assigned) else {
                return sink;
            };
            let Some(file) = files.get(*fi) else {
                return sink;
            };
            let Some(leaf) = file.leaf() else { return sink };
            let cx = ServerCx {
                server,
                fqdn,
                file_index: *fi,
                file,
                leaf,
                trust,
                ca: trust.expected(),
                valid_at,
                config,
            };
            run_server_rules(&cx, &mut sink);
            sink
        })
        .collect()
}

/// The certificate rules, in the order that keeps their verdicts honest: validity,
/// usage and names first; key size and signature algorithm before the CA check,
/// because a signature made with a short key or RSA-PSS fails verification exactly
/// like a forged one.
pub fn run_server_rules(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    rules::name_mismatch::check(cx, sink);
    rules::expired::check(cx, sink);
    rules::not_yet_valid::check(cx, sink);
    rules::expires_soon::check(cx, sink);
    rules::missing_server_auth::check(cx, sink);
    rules::missing_crl_distribution_point::check(cx, sink);
    rules::weak_key::check(cx, sink);
    rules::unsupported_signature_algorithm::check(cx, sink);
    rules::sha1_signature::check(cx, sink);
    rules::ca_mismatch::check(cx, sink);
}

/// Load the `--ca` files; a CA that cannot be read stops the run (exit 2).
fn load_ca(paths: &[PathBuf], opts: &LoadOptions) -> Result<Vec<Certificate>, Error> {
    let mut out = Vec::new();
    for p in paths {
        match certs::load_file(p, opts) {
            Ok(l) => out.extend(l.certs),
            Err(e) => {
                return Err(Error::Ca {
                    path: p.display().to_string(),
                    reason: e.to_string(),
                });
            }
        }
    }
    Ok(out)
}

/// Expand `--certs` and load every file in parallel, keeping the command-line order.
pub fn load_files(
    inputs: &[PathBuf],
    opts: &LoadOptions,
    max_files: usize,
) -> Result<Vec<CertFile>, Error> {
    let collected = certs::collect(inputs);
    if collected.len() > max_files {
        return Err(Error::Usage(format!(
            "--certs names {} certificate files, more than the limit of {max_files}; raise it with --max-cert-files",
            collected.len()
        )));
    }
    Ok(collected
        .par_iter()
        .map(|c| match c {
            Collected::File(p) => CertFile {
                path: p.display().to_string(),
                loaded: certs::load_file(p, opts).map_err(|e| e.to_string()),
                servers: Vec::new(),
                status: FileStatus::Orphan,
            },
            Collected::Problem { path, reason } => CertFile {
                path: path.display().to_string(),
                loaded: Err(reason.clone()),
                servers: Vec::new(),
                status: FileStatus::Unreadable,
            },
        })
        .map(|mut f| {
            if f.loaded.is_err() {
                f.status = FileStatus::Unreadable;
            }
            f
        })
        .collect())
}

/// How many server certificates one issuer (DN and key id) signed.
#[derive(Clone)]
struct IssuerCount {
    dn: Vec<u8>,
    aki: Option<Vec<u8>>,
    name: String,
    count: usize,
}

/// Decide the expected CA: the `--ca` certificates, or the most common issuer of the
/// internal servers' certificates.
fn expected_ca(
    t: &Topology,
    roles: &Roles,
    files: &[CertFile],
    assigned: &[Option<usize>],
    given: Vec<Certificate>,
    pool: &[&Certificate],
) -> (ExpectedCa, Vec<Finding>) {
    if !given.is_empty() {
        let subjects = given.iter().map(|c| c.info.subject.clone()).collect();
        return (
            ExpectedCa {
                source: CaSource::Given,
                anchors: given,
                subjects,
                name_only: None,
            },
            Vec::new(),
        );
    }
    // Count issuers over the certificates paired with servers (each file once).
    let mut used: Vec<usize> = assigned.iter().flatten().copied().collect();
    used.sort_unstable();
    used.dedup();
    let mut counts: Vec<IssuerCount> = Vec::new();
    for fi in used {
        let Some(leaf) = files.get(fi).and_then(|f| f.leaf()) else {
            continue;
        };
        let i = &leaf.info;
        match counts
            .iter_mut()
            .find(|c| c.dn == i.issuer_der && c.aki == i.aki)
        {
            Some(entry) => entry.count += 1,
            None => counts.push(IssuerCount {
                dn: i.issuer_der.clone(),
                aki: i.aki.clone(),
                name: i.issuer.clone(),
                count: 1,
            }),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.count));
    let unknown = ExpectedCa {
        source: CaSource::Unknown,
        anchors: Vec::new(),
        subjects: Vec::new(),
        name_only: None,
    };
    let Some(top) = counts.first() else {
        return (unknown, Vec::new());
    };
    let tied: Vec<&str> = counts
        .iter()
        .filter(|c| c.count == top.count)
        .map(|c| c.name.as_str())
        .collect();
    let span = t.root_span.clone();
    if tied.len() > 1 {
        let f = Finding::new(
            Code::CaInferred,
            format!(
                "the internal CA cannot be inferred: {} issuers each issued {} of the servers' certificates ({})",
                tied.len(),
                top.count,
                tied.join("; ")
            ),
            "name the internal CA with --ca FILE (its root or issuing CA certificate)",
        )
        .severity(Severity::Error)
        .at(span, "certificates of these servers disagree on their CA");
        return (unknown, vec![f]);
    }
    let IssuerCount {
        dn,
        aki,
        name: subject,
        count: n,
    } = top.clone();
    let anchors: Vec<Certificate> = pool
        .iter()
        .filter(|c| {
            c.info.subject_der == dn && (aki.is_none() || c.info.ski.is_none() || c.info.ski == aki)
        })
        .map(|c| (*c).clone())
        .take(1)
        .collect();
    let total: usize = counts.iter().map(|c| c.count).sum();
    let verified = if anchors.is_empty() {
        "; its certificate was not supplied, so issuer names and key identifiers are compared but signatures are not verified"
    } else {
        ""
    };
    let servers_total = roles.servers.len();
    let f = Finding::new(
        Code::CaInferred,
        format!(
            "expected CA inferred as {subject}: it issued {n} of the {total} certificates paired with {}{verified}",
            crate::report::plural(servers_total, "file-transfer server")
        ),
        "name the internal CA with --ca FILE so the check does not depend on a majority",
    )
    .at(span, "no --ca given");
    let name_only = anchors.is_empty().then(|| (dn.clone(), aki.clone()));
    (
        ExpectedCa {
            source: CaSource::Inferred,
            anchors,
            subjects: vec![subject],
            name_only,
        },
        vec![f],
    )
}

/// Shared by the certificate rules: is `cert` itself one of the anchors?
pub fn is_anchor(ca: &ExpectedCa, cert: &Certificate) -> bool {
    ca.anchors.iter().any(|a| {
        a.der == cert.der
            || (a.info.subject_der == cert.info.subject_der
                && a.info.ski.is_some()
                && a.info.ski == cert.info.ski)
    })
}
