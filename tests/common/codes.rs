//! The case that fires each code and the case that keeps it silent, written out
//! for a run (tests/codes.rs runs the binary on them, tests/i18n_rules.rs runs
//! `check` in-process under Japanese). Uses `common` for the TLS helpers.

#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;
use topocert::rules::Code;

use crate::common;

pub const POOL01: &str = "tests/data/check/pool01.xml";
pub const CERTS: &str = "tests/data/certs";

/// One run: the topology (with text replaced), certificate arguments and extras.
pub struct Case {
    pub topology: &'static str,
    pub replace: Option<(&'static str, &'static str)>,
    /// Certificate paired with fe01 through a `[certificates]` manifest.
    pub fe01: Option<&'static str>,
    pub certs: &'static [&'static str],
    pub ca: bool,
    pub config: Option<&'static str>,
    /// `--probe` for both servers of pool01.
    pub probe: Option<Probe>,
}

/// Where `--probe` reaches the servers (always on 127.0.0.1).
#[derive(Clone, Copy)]
pub enum Probe {
    /// A port nothing listens on.
    Refused,
    /// A TLS server presenting a self-signed certificate of its own.
    Presents,
}

pub const BASE: Case = Case {
    topology: POOL01,
    replace: None,
    fe01: Some("rules/good.pem"),
    certs: &[],
    ca: true,
    config: None,
    probe: None,
};

/// The case that fires `code` and the case that keeps it silent.
pub fn cases(code: Code) -> (Case, Case) {
    let cert = |name: &'static str| Case {
        fe01: Some(name),
        ..BASE
    };
    let topo = |from: &'static str, to: &'static str| Case {
        replace: Some((from, to)),
        ..BASE
    };
    match code {
        Code::AmbiguousCertificate => (
            Case {
                fe01: None,
                certs: &["rules/good.pem", "rules/sha1.pem"],
                ..BASE
            },
            BASE,
        ),
        Code::BareHostName => (topo(r#"Fqdn="fe02.contoso.local""#, r#"Fqdn="fe02""#), BASE),
        Code::CaInferred => (Case { ca: false, ..BASE }, BASE),
        Code::CaMismatch => (cert("pki/cross/no-cross/fe01.pem"), BASE),
        Code::CrossCertifiedChain => (cert("pki/cross/with-cross/fe01.pem"), BASE),
        Code::DuplicateFqdn => (
            topo(
                r#"Fqdn="fe02.contoso.local""#,
                r#"Fqdn="fe01.contoso.local""#,
            ),
            BASE,
        ),
        Code::Expired => (cert("rules/expired.pem"), BASE),
        Code::ExpiresSoon => (cert("rules/expires-soon.pem"), BASE),
        Code::InvalidFqdn => (
            topo(
                r#"Fqdn="fe02.contoso.local""#,
                r#"Fqdn="fe 02.contoso.local""#,
            ),
            BASE,
        ),
        Code::MissingCertificate => (BASE, {
            // Both servers of pool01 have a certificate (the wildcard covers both).
            Case {
                fe01: None,
                certs: &["rules/wildcard.pem"],
                ..BASE
            }
        }),
        Code::MissingCrlDistributionPoint => (cert("rules/no-cdp.pem"), BASE),
        Code::MissingFqdn => (topo(r#"Fqdn="fe02.contoso.local""#, ""), BASE),
        Code::MissingServerAuth => (cert("rules/no-server-auth.pem"), BASE),
        Code::MissingWebName => (
            // A second SIP domain: good.pem lacks its discovery names.
            topo(
                r#"<InternalDomain Name="contoso.local" Authoritative="true" AllowSubDomains="false" />"#,
                r#"<InternalDomain Name="contoso.local" Authoritative="true" AllowSubDomains="false" /><InternalDomain Name="fabrikam.local" />"#,
            ),
            BASE,
        ),
        Code::NameMismatch => (cert("rules/wrong-san.pem"), BASE),
        Code::NoPersistentChatPool => (
            Case {
                topology: "tests/data/topology/no-pchat-pool.xml",
                ..BASE
            },
            BASE,
        ),
        Code::NotYetValid => (cert("rules/not-yet-valid.pem"), BASE),
        Code::OrphanCertificate => (
            Case {
                certs: &["ca/external.pem"],
                ..BASE
            },
            BASE,
        ),
        Code::PersistentChatUnsupported => (
            Case {
                topology: "tests/data/topology/sfb2019.xml",
                fe01: None,
                ..BASE
            },
            BASE,
        ),
        Code::ProbeDiffers => (
            Case {
                probe: Some(Probe::Presents),
                ..BASE
            },
            BASE,
        ),
        Code::ProbeFailed => (
            Case {
                probe: Some(Probe::Refused),
                ..BASE
            },
            BASE,
        ),
        Code::Sha1Signature => (cert("rules/sha1.pem"), BASE),
        Code::UnreadableCertificate => (
            Case {
                certs: &["formats/garbage.cer"],
                ..BASE
            },
            BASE,
        ),
        Code::UnresolvedReference => (
            topo(
                r#"<InstalledOn><ClusterId SiteId="1" Number="2" /></InstalledOn>"#,
                r#"<InstalledOn><ClusterId SiteId="1" Number="9" /></InstalledOn>"#,
            ),
            BASE,
        ),
        Code::UnsupportedSignatureAlgorithm => (cert("rules/rsa-pss.pem"), BASE),
        Code::UnusedIgnore => (
            Case {
                config: Some("[[ignore]]\ncode = \"expired\"\nreason = \"reviewed\"\n"),
                ..BASE
            },
            Case {
                fe01: Some("rules/expired.pem"),
                config: Some("[[ignore]]\ncode = \"expired\"\nreason = \"reviewed\"\n"),
                ..BASE
            },
        ),
        Code::IssuerNotSupplied => (cert("pki/renewed-ca/leaf-only/fe02.pem"), BASE),
        Code::UnverifiedSignature => (cert("rules/forged-issuer.pem"), BASE),
        Code::WeakKey => (cert("rules/weak-1024.pem"), BASE),
    }
}

/// A case written out: its topology and config in a temporary folder.
pub struct Prepared {
    /// Kept so the folder lives as long as the run.
    pub dir: tempfile::TempDir,
    pub topology: PathBuf,
    pub config: PathBuf,
    /// `--certs` arguments.
    pub certs: Vec<PathBuf>,
    /// `--ca` argument.
    pub ca: Option<PathBuf>,
    /// `--connect FQDN=ADDRESS` values when the case probes (with `--probe`).
    pub connect: Vec<String>,
}

/// Write `case` out (and start its TLS server when it probes).
pub fn prepare(case: &Case) -> Prepared {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(case.topology).unwrap();
    if let Some((from, to)) = case.replace {
        assert!(text.contains(from), "{} lacks {from}", case.topology);
        text = text.replace(from, to);
    }
    let topology = dir.path().join("topology.xml");
    std::fs::write(&topology, text).unwrap();
    let root = std::env::current_dir().unwrap();
    let cert_path = |name: &str| root.join(CERTS).join(name);
    let mut config = String::new();
    if let Some(name) = case.fe01 {
        config.push_str(&format!(
            "[certificates]\n\"fe01.contoso.local\" = {:?}\n",
            cert_path(name).display().to_string()
        ));
    }
    if let Some(extra) = case.config {
        config.push_str(extra);
    }
    let config_path = dir.path().join("topocert.toml");
    std::fs::write(&config_path, config).unwrap();
    let mut connect = Vec::new();
    if let Some(probe) = case.probe {
        let addr = match probe {
            Probe::Refused => common::refused(),
            Probe::Presents => {
                let key = rcgen::KeyPair::generate().unwrap();
                let names = vec![
                    "fe01.contoso.local".to_string(),
                    "fe02.contoso.local".to_string(),
                ];
                let cert = rcgen::CertificateParams::new(names)
                    .unwrap()
                    .self_signed(&key)
                    .unwrap();
                common::tls_server(
                    vec![cert.der().clone()],
                    rustls::pki_types::PrivatePkcs8KeyDer::from(key.serialize_der()),
                )
            }
        };
        for fqdn in ["fe01.contoso.local", "fe02.contoso.local"] {
            connect.push(format!("{fqdn}={addr}"));
        }
    }
    Prepared {
        dir,
        topology,
        config: config_path,
        certs: case.certs.iter().map(|n| cert_path(n)).collect(),
        ca: case.ca.then(|| cert_path("ca/chain.pem")),
        connect,
    }
}

impl Prepared {
    /// `topocert check` on the case at 2026-06-01 (add `--format` and the like).
    pub fn command(&self) -> Command {
        let mut c = Command::cargo_bin("topocert").unwrap();
        c.arg("check")
            .arg(&self.topology)
            .args(["--valid-at", "2026-06-01", "--config"])
            .arg(&self.config);
        for p in &self.certs {
            c.arg("--certs").arg(p);
        }
        if let Some(ca) = &self.ca {
            c.arg("--ca").arg(ca);
        }
        if !self.connect.is_empty() {
            c.args(["--probe", "--probe-timeout", "5"]);
            for v in &self.connect {
                c.arg("--connect").arg(v);
            }
        }
        c
    }
}
