/*!
What the rules see: the topology-level context and the per-server context. Built
by `check` from the stages before rules; the rules only read them.
*/

use time::OffsetDateTime;

use super::{Code, Finding, Settings, Subject};
use crate::certs::{CertFile, Certificate};
use crate::chain::{ExpectedCa, Outcome, Verdict};
use crate::fqdn::Fqdn;
use crate::names::{Layout, Names};
use crate::pairing::Pairing;
use crate::roles::{FileTransferServer, Roles};
use crate::topology::Topology;

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

/// Context of the rules about the supplied certificate files and the pairing.
pub struct FilesCx<'a> {
    pub topology: &'a Topology,
    pub roles: &'a Roles,
    pub files: &'a [CertFile],
    pub pairing: &'a Pairing,
    pub ca: &'a ExpectedCa,
}

/// Context of the per-server certificate rules.
pub struct ServerCx<'a> {
    pub server: &'a FileTransferServer,
    /// The names the server's certificate needs ([`crate::names::required`]).
    pub names: &'a Names,
    /// Which names are on the certificate `check` looks at.
    pub layout: Layout,
    pub fqdn: &'a Fqdn,
    pub file_index: usize,
    pub file: &'a CertFile,
    pub leaf: &'a Certificate,
    pub ca: &'a ExpectedCa,
    /// The chain verdict on `leaf`, computed once; each CA rule reads its own case.
    pub verdict: &'a Verdict,
    /// The verdict with its chain.
    pub outcome: &'a Outcome,
    pub valid_at: OffsetDateTime,
    pub settings: &'a Settings,
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
            .subject(server_subject(self.server))
            .certificate(self.file_index)
            .at(
                self.server.span.clone(),
                t!("rules-server-label", fqdn = self.fqdn.as_str()),
            )
    }
}

/// The subject of a finding about a file-transfer server.
pub fn server_subject(s: &FileTransferServer) -> Subject {
    Subject::Machine {
        cluster: s.cluster,
        machine: s.machine,
    }
}
