/*!
The `plan` stage of `topocert plan`: the certificate every Persistent Chat
file-transfer server needs, worked out from the topology before anything is
installed. For each server found by [`roles::resolve`](crate::roles::resolve) (the
same servers `list` and `check` see) it decides the subject CN, the SAN dNSNames, the
key and the usages, and keeps, for every name, the topology span that makes it
necessary, so a report can show *why* a name is in the request.

Servers that cannot be planned (no usable FQDN, a pool without a usable FQDN, the
same FQDN twice) are kept as [`Skipped`] entries with a location and a reason: never
dropped silently.

This module never prints. Besides the model it has [`write_templates`] (in
`emit.rs`), which writes already-rendered request templates into a directory atomically and without
overwriting anything unless asked to.
*/

mod emit;
mod server;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use crate::error::Error;
use crate::fqdn::Fqdn;
use crate::roles::{RoleRule, Roles};
use crate::t;
use crate::topology::Topology;

pub use emit::{Template, write_templates};

/// OID of the Server Authentication extended key usage (id-kp-serverAuth).
pub const SERVER_AUTH_OID: &str = "1.3.6.1.5.5.7.3.1";
/// OID of the subject alternative name extension.
pub const SAN_OID: &str = "2.5.29.17";
/// Key usages of the request, in RFC 5280 names.
pub const KEY_USAGE: [&str; 2] = ["digitalSignature", "keyEncipherment"];
/// The same key usages as the Windows `KeyUsage` bit mask
/// (`CERT_DIGITAL_SIGNATURE_KEY_USAGE | CERT_KEY_ENCIPHERMENT_KEY_USAGE`).
pub const KEY_USAGE_BITS: u8 = 0xa0;
/// Signature hash of the request (and of the certificate asked for).
pub const HASH: &str = "sha256";

/// RSA key size of the requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum KeySize {
    /// RSA 2048 bits: what Lync Server 2013 and its certificate wizard use.
    #[default]
    #[value(name = "2048")]
    Rsa2048,
    /// RSA 4096 bits.
    #[value(name = "4096")]
    Rsa4096,
}

impl KeySize {
    pub fn bits(self) -> u32 {
        match self {
            KeySize::Rsa2048 => 2048,
            KeySize::Rsa4096 => 4096,
        }
    }
}

/// Which request templates `--emit` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum RequestFormat {
    /// A `certreq -new` INF file (Windows, AD CS).
    Certreq,
    /// An `openssl req -config` file.
    Openssl,
    /// Both.
    #[default]
    Both,
}

impl RequestFormat {
    pub fn certreq(self) -> bool {
        matches!(self, RequestFormat::Certreq | RequestFormat::Both)
    }
    pub fn openssl(self) -> bool {
        matches!(self, RequestFormat::Openssl | RequestFormat::Both)
    }
}

/// What the requests ask for beyond the names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanOptions {
    pub key_size: KeySize,
    /// AD CS certificate template (the `CertificateTemplate` request attribute).
    pub ca_template: Option<String>,
    /// `[web]` settings and `--layout`.
    pub web: WebSettings,
    /// `--exportable`: the private key may be exported (one certificate shared by a pool's servers).
    pub exportable: bool,
}

impl PlanOptions {
    /// Options with a checked template name.
    pub fn new(key_size: KeySize, ca_template: Option<String>) -> Result<Self, Error> {
        if let Some(name) = &ca_template {
            check_template_name(name).map_err(Error::Usage)?;
        }
        Ok(PlanOptions {
            key_size,
            ca_template,
            ..PlanOptions::default()
        })
    }
}

/// An AD CS template name goes into an INF file and a config comment: accept what
/// template names are made of (letters, digits, space, `-`, `_`, `.`), nothing that
/// could end a quoted value or start a new line.
pub fn check_template_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err(t!("plan-template-empty", name = name));
    }
    if name.trim() != name {
        return Err(t!("plan-template-spaces", name = name));
    }
    if name.chars().count() > 64 {
        return Err(t!("plan-template-too-long", name = name));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.')))
    {
        return Err(t!(
            "plan-template-char",
            name = name,
            char = c.escape_default().to_string()
        ));
    }
    Ok(())
}

pub use crate::names::{
    Edition, Layout, Need, Place, RequiredName, SubjectRule, Use, WebSettings, Why,
};

/// The certificate request one server needs.
#[derive(Debug, Clone)]
pub struct Request {
    /// Index into [`Roles::servers`].
    pub server: usize,
    pub fqdn: Fqdn,
    pub pool: Option<Fqdn>,
    pub site: Option<String>,
    pub rule: RoleRule,
    pub next_hop: bool,
    pub multi_server_pool: bool,
    /// Standard or Enterprise Edition, with the evidence.
    pub edition: Edition,
    /// The subject CN.
    pub common_name: Fqdn,
    pub subject_rule: SubjectRule,
    /// SAN dNSNames of the (internal, or combined) certificate, in the order of
    /// [`crate::names::required`], each with its need and reasons.
    pub sans: Vec<RequiredName>,
    /// `--layout split`: the external web services certificate's names (public CA).
    pub external: Vec<RequiredName>,
    /// Subject CN of the external certificate (its first name).
    pub external_common_name: Option<Fqdn>,
    pub key_size: KeySize,
    pub ca_template: Option<String>,
    /// Mark the private key exportable (`--exportable`).
    pub exportable: bool,
    /// Span of the server's `<Machine>` start tag.
    pub span: Range<usize>,
    /// The web-services element that makes the server need the certificate: the
    /// `PersistentChatWeb` component, or the `WebServices` service when the topology
    /// does not list components.
    pub web_span: Range<usize>,
}

impl Request {
    /// `CN=…`, the subject distinguished name.
    pub fn subject(&self) -> String {
        format!("CN={}", self.common_name)
    }

    /// The SAN dNSNames as text.
    pub fn san_names(&self) -> Vec<&str> {
        self.sans.iter().map(|n| n.name.as_str()).collect()
    }

    /// The external certificate's SAN dNSNames as text (`--layout split`).
    pub fn external_names(&self) -> Vec<&str> {
        self.external.iter().map(|n| n.name.as_str()).collect()
    }

    /// Template file name stem: the server FQDN, lowercase, without a trailing dot.
    /// Safe as a file name: the FQDN passed [`Fqdn::problem`], so it consists of
    /// letters, digits, `-`, `_` and non-empty dot-separated labels.
    pub fn file_stem(&self) -> &str {
        self.fqdn.key()
    }
}

/// A file-transfer server no request could be planned for, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    /// Index into [`Roles::servers`].
    pub server: usize,
    /// The server's FQDN, or a description of the unnamed machine.
    pub name: String,
    pub pool: Option<String>,
    pub site: Option<String>,
    /// Why (a clause without final period, in the language of the run).
    pub reason: String,
    /// What to do about it (a sentence, in the language of the run).
    pub help: String,
    /// Where the problem is.
    pub span: Range<usize>,
    pub label: String,
}

/// `plan --check`: what the supplied certificate of one planned server covers.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// Index into [`Plan::requests`].
    pub request: usize,
    /// The certificate file paired with the server (the pairing `check` uses).
    pub file: Option<String>,
    /// The request's names the certificate covers.
    pub covered: Vec<Fqdn>,
    /// The names it lacks: the same list `name-mismatch` and `missing-web-name` report.
    pub missing: Vec<RequiredName>,
}

/// Everything `topocert plan` renders.
#[derive(Debug)]
pub struct Plan {
    pub topology: Topology,
    pub roles: Roles,
    pub requests: Vec<Request>,
    pub skipped: Vec<Skipped>,
    pub options: PlanOptions,
    /// `--check`: one entry per request, in request order; empty without it.
    pub coverage: Vec<Coverage>,
}

impl Plan {
    /// `--check`: a supplied certificate lacks a name file transfer needs (what
    /// `check` reports as the error `name-mismatch`), or a server has none.
    pub fn coverage_fails(&self) -> bool {
        self.coverage
            .iter()
            .any(|c| c.missing.iter().any(|n| n.need == Need::FileTransfer))
    }

    /// True when at least one file-transfer server could not be planned.
    pub fn incomplete(&self) -> bool {
        !self.skipped.is_empty()
    }
}

/// Read the topology at `path` and plan its requests.
pub fn plan_file(path: &Path, max_input_size: u64, opts: &PlanOptions) -> Result<Plan, Error> {
    let topology = crate::topology::load(path, max_input_size)?;
    Ok(plan(topology, opts))
}

/// Plan the certificate request of every Persistent Chat file-transfer server.
pub fn plan(topology: Topology, opts: &PlanOptions) -> Plan {
    let roles = crate::roles::resolve(&topology);
    let mut requests: Vec<Request> = Vec::new();
    let mut skipped = Vec::new();
    // The first request planned for each FQDN: a second machine with it is skipped.
    let mut planned: HashMap<Fqdn, usize> = HashMap::new();
    for (i, server) in roles.servers.iter().enumerate() {
        match server::plan_server(&topology, i, server, opts, &planned, &requests) {
            Ok(r) => {
                planned.entry(r.fqdn.clone()).or_insert(requests.len());
                requests.push(r);
            }
            Err(why) => skipped.push(why.skipped(i, server)),
        }
    }
    Plan {
        topology,
        roles,
        requests,
        skipped,
        options: opts.clone(),
        coverage: Vec::new(),
    }
}

impl Plan {
    /// `plan --check`: pair `files` with the servers as `check` does and say, for
    /// each request, which of its names the certificate covers. The missing names are
    /// [`crate::names::Names::missing`], the function the name rules call.
    pub fn check_coverage(
        &mut self,
        files: &mut [crate::certs::CertFile],
        manifest: &[(Fqdn, std::path::PathBuf)],
    ) {
        let pairing = crate::pairing::pair(&self.roles, files, manifest);
        let mut coverage = Vec::with_capacity(self.requests.len());
        for (ri, req) in self.requests.iter().enumerate() {
            let Some(server) = self.roles.servers.get(req.server) else {
                continue;
            };
            let file = pairing
                .assigned
                .get(req.server)
                .copied()
                .flatten()
                .and_then(|fi| files.get(fi));
            let leaf = file.and_then(|f| f.leaf());
            let names = crate::names::required(&self.topology, server, &self.options.web);
            let (covered, missing) = match leaf {
                Some(leaf) => {
                    let missing: Vec<RequiredName> = names
                        .missing(&leaf.info, self.options.web.layout)
                        .into_iter()
                        .cloned()
                        .collect();
                    let covered = names
                        .on_internal(self.options.web.layout)
                        .filter(|n| !missing.iter().any(|m| m.name == n.name))
                        .map(|n| n.name.clone())
                        .collect();
                    (covered, missing)
                }
                None => (
                    Vec::new(),
                    names
                        .on_internal(self.options.web.layout)
                        .cloned()
                        .collect(),
                ),
            };
            coverage.push(Coverage {
                request: ri,
                file: file.map(|f| f.path.clone()),
                covered,
                missing,
            });
        }
        self.coverage = coverage;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names() {
        assert!(check_template_name("WebServer").is_ok());
        assert!(check_template_name("Lync Web Server v2.1_x").is_ok());
        for bad in [
            "",
            " ",
            " Web",
            "Web\"Server",
            "Web\r\nX",
            "Web;x",
            &"x".repeat(65),
        ] {
            assert!(check_template_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn write_templates_refuses_to_overwrite_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let t = |n: &str| Template {
            file_name: n.into(),
            contents: format!("{n}\n"),
        };
        std::fs::write(dir.path().join("b.cnf"), "old").unwrap();
        let err = write_templates(dir.path(), &[t("a.inf"), t("b.cnf")], false).unwrap_err();
        assert!(err.to_string().contains("b.cnf already exists"), "{err}");
        assert!(!dir.path().join("a.inf").exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.cnf")).unwrap(),
            "old"
        );
        let written = write_templates(dir.path(), &[t("a.inf"), t("b.cnf")], true).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.cnf")).unwrap(),
            "b.cnf\n"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with(".topocert-"))
            .collect();
        assert!(names.is_empty(), "temporary files left: {names:?}");
    }

    #[test]
    fn write_templates_rejects_paths_and_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let t = |n: &str| Template {
            file_name: n.into(),
            contents: String::new(),
        };
        for bad in ["../x.inf", "a/b.inf", ".hidden", ""] {
            assert!(
                write_templates(dir.path(), &[t(bad)], true).is_err(),
                "{bad}"
            );
        }
        assert!(write_templates(dir.path(), &[t("A.inf"), t("a.inf")], true).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
