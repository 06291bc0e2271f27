/*!
`topocert check`: runs the stages in order (topology → roles → certs → chain →
pairing → rules) and gathers a [`Report`]: every server, every supplied certificate
file and every finding, which the renderers in `report` only format. It owns no
type another stage needs.
*/

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use time::OffsetDateTime;

use std::sync::Arc;

use crate::certs::{self, CertFile, Certificate, LoadOptions};
use crate::chain::{ExpectedCa, Link, PoolCert, Source, Trust};
use crate::config::Config;
use crate::error::Error;
use crate::names::WebSettings;
use crate::roles::{self, FileTransferServer, Roles};
use crate::rules::{self, FilesCx, Finding, ServerCx, Settings, Severity, Subject, TopologyCx};
use crate::source::{SourceFile, TextEncoding};
use crate::topology::Topology;

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
    /// `--probe`: take each server's certificate chain over TLS too.
    pub probe: Option<crate::probe::ProbeOptions>,
    /// Follow symbolic links out of the `--certs` folders.
    pub follow_external_links: bool,
}

/// Default for [`CheckOptions::max_cert_files`].
pub const DEFAULT_MAX_CERT_FILES: usize = 100_000;

/// One file-transfer server and its verdict.
#[derive(Debug, Clone)]
pub struct ServerResult {
    pub server: FileTransferServer,
    /// Index into [`Report::files`].
    pub certificate: Option<usize>,
    /// Worst severity of its findings; `None` when it has none.
    pub worst: Option<Severity>,
    /// The chain built for its certificate, server certificate first.
    pub chain: Vec<Link>,
}

/// Everything `check` found; renderers only format this.
#[derive(Debug)]
pub struct Report {
    pub topology: Topology,
    pub roles: Roles,
    /// The config file's text, when one was read: the source of its labels.
    pub config: Option<Arc<SourceFile>>,
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
    let topology = crate::topology::load(path, opts.max_input_size)?;
    let roles = roles::resolve(&topology);
    let mut findings = topology_findings(&topology, &roles);

    let load_opts = LoadOptions {
        pfx_password: opts.pfx_password.clone(),
        follow_external_links: opts.follow_external_links,
        ..LoadOptions::default()
    };
    let ca_files = load_ca(&opts.ca, &load_opts)?;
    let mut files = certs::load_files(&opts.certs, &load_opts, opts.max_cert_files)?;
    let mut pairing = crate::pairing::pair(&roles, &mut files, &opts.config.certificates);
    if let Some(p) = &opts.probe {
        let probed = crate::probe::probe_servers(&topology, &roles, p).map_err(Error::Usage)?;
        crate::pairing::add_probed(&mut files, &mut pairing, probed);
    }
    crate::pairing::mark_context(&topology, &roles, &mut files, &mut pairing);

    let pool: Vec<PoolCert<'_>> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.loaded.as_ref().ok()?)))
        .flat_map(|(i, l)| {
            l.certs.iter().map(move |cert| PoolCert {
                cert,
                source: Source::File(i),
            })
        })
        .chain(ca_files.iter().map(|cert| PoolCert {
            cert,
            source: Source::Given,
        }))
        .collect();
    let expected_ca = if ca_files.is_empty() {
        // The certificates of every internal server: each paired file once, then
        // the files that cover another internal server, with their roles.
        let mut used: Vec<usize> = pairing.assigned.iter().flatten().copied().collect();
        used.sort_unstable();
        used.dedup();
        let evidence = used
            .iter()
            .map(|fi| (*fi, "file-transfer server"))
            .chain(pairing.context.iter().copied());
        let leaves = evidence.filter_map(|(fi, role)| Some((files.get(fi)?.leaf()?, role)));
        let certs: Vec<&Certificate> = pool.iter().map(|p| p.cert).collect();
        ExpectedCa::infer(leaves, &certs)
    } else {
        ExpectedCa::given(ca_files.clone())
    };

    let files_cx = FilesCx {
        topology: &topology,
        roles: &roles,
        files: &files,
        pairing: &pairing,
        ca: &expected_ca,
    };
    rules::ambiguous_certificate::check(&files_cx, &mut findings);
    rules::ca_inferred::check(&files_cx, &mut findings);
    let mut per_file = Vec::new();
    rules::unreadable_certificate::check(&files_cx, &mut per_file);
    rules::orphan_certificate::check(&files_cx, &mut per_file);
    per_file.sort_by_key(|f| f.certificate);
    findings.extend(per_file);

    let trust = Trust::new(&expected_ca, &pool);
    let per_server = server_findings(
        &topology,
        &opts.config.web,
        &roles.servers,
        &pairing.assigned,
        &files,
        &trust,
        opts.valid_at,
        &opts.config.settings,
    );
    let mut chains = Vec::with_capacity(per_server.len());
    for (f, chain) in per_server {
        findings.extend(f);
        chains.push(chain);
    }
    rules::missing_certificate::check(&files_cx, &mut findings);
    rules::probe_failed::check(&files_cx, &mut findings);
    rules::probe_differs::check(&files_cx, &mut findings);

    let findings = opts
        .config
        .settings
        .apply(findings, Some(&topology), &files);
    let mut worst: HashMap<(usize, usize), Severity> = HashMap::new();
    for f in &findings {
        if let Some(Subject::Machine { cluster, machine }) = f.subject {
            let w = worst.entry((cluster, machine)).or_insert(f.severity);
            *w = (*w).max(f.severity);
        }
    }
    let servers = roles
        .servers
        .iter()
        .zip(&pairing.assigned)
        .zip(chains)
        .map(|((s, a), chain)| ServerResult {
            server: s.clone(),
            certificate: *a,
            worst: worst.get(&(s.cluster, s.machine)).copied(),
            chain,
        })
        .collect();
    drop(trust);
    drop(pool);
    let config = opts.config.path.as_ref().map(|p| {
        Arc::new(SourceFile::new(
            crate::paths::display(p),
            opts.config.text.clone().unwrap_or_default(),
            TextEncoding::Utf8,
        ))
    });
    Ok(Report {
        topology,
        roles,
        config,
        valid_at: opts.valid_at,
        expected_ca,
        files,
        servers,
        findings,
    })
}

/// Run the certificate rules for every server paired with a readable file, in
/// parallel; the result keeps the servers' order. Each server's findings come with
/// the chain built for its certificate.
#[allow(clippy::too_many_arguments)]
pub fn server_findings(
    topology: &Topology,
    web: &WebSettings,
    servers: &[FileTransferServer],
    assigned: &[Option<usize>],
    files: &[CertFile],
    trust: &Trust<'_>,
    valid_at: OffsetDateTime,
    settings: &Settings,
) -> Vec<(Vec<Finding>, Vec<Link>)> {
    servers
        .par_iter()
        .zip(assigned.par_iter())
        .map(|(server, assigned)| {
            let mut sink = Vec::new();
            let (Some(fqdn), Some(fi)) = (&server.fqdn, assigned) else {
                return (sink, Vec::new());
            };
            if server.no_persistent_chat {
                return (sink, Vec::new());
            }
            let Some(file) = files.get(*fi) else {
                return (sink, Vec::new());
            };
            let Some(leaf) = file.leaf() else {
                return (sink, Vec::new());
            };
            let outcome = trust.walk(leaf, Some(*fi));
            let names = crate::names::required(topology, server, web);
            let cx = ServerCx {
                names: &names,
                layout: web.layout,
                server,
                fqdn,
                file_index: *fi,
                file,
                leaf,
                ca: trust.expected(),
                verdict: &outcome.verdict,
                outcome: &outcome,
                valid_at,
                settings,
            };
            run_server_rules(&cx, &mut sink);
            (sink, outcome.chain)
        })
        .collect()
}

/// The certificate rules, in the order that keeps their verdicts honest: validity,
/// usage and names first; key size and signature algorithm before the CA verdict,
/// because a signature made with a short key or RSA-PSS fails verification exactly
/// like a forged one. The CA rules each report their own case of the one verdict.
pub fn run_server_rules(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    rules::name_mismatch::check(cx, sink);
    rules::missing_web_name::check(cx, sink);
    rules::expired::check(cx, sink);
    rules::not_yet_valid::check(cx, sink);
    rules::expires_soon::check(cx, sink);
    rules::missing_server_auth::check(cx, sink);
    rules::missing_crl_distribution_point::check(cx, sink);
    rules::weak_key::check(cx, sink);
    rules::unsupported_signature_algorithm::check(cx, sink);
    rules::sha1_signature::check(cx, sink);
    rules::ca_mismatch::check(cx, sink);
    rules::unverified_signature::check(cx, sink);
    rules::issuer_not_supplied::check(cx, sink);
    rules::cross_certified_chain::check(cx, sink);
    rules::weak_key::check_chain(cx, sink);
    rules::unsupported_signature_algorithm::check_chain(cx, sink);
}

/// Load the `--ca` files; a CA that cannot be read stops the run (exit 2).
fn load_ca(paths: &[PathBuf], opts: &LoadOptions) -> Result<Vec<Certificate>, Error> {
    let mut out = Vec::new();
    for p in paths {
        match certs::load_file(p, opts) {
            Ok(l) => out.extend(l.certs),
            Err(source) => {
                return Err(Error::Ca {
                    path: crate::paths::display(p),
                    source,
                });
            }
        }
    }
    Ok(out)
}
