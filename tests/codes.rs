//! Every code `topocert explain --all` lists has a case that fires it and a case
//! that keeps it silent, run through the binary. The table is an exhaustive match,
//! so a new code does not compile until it has both.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use topocert::rules::Code;

const POOL01: &str = "tests/data/check/pool01.xml";
const CERTS: &str = "tests/data/certs";

/// One run: the topology (with text replaced), certificate arguments and extras.
struct Case {
    topology: &'static str,
    replace: Option<(&'static str, &'static str)>,
    /// Certificate paired with fe01 through a `[certificates]` manifest.
    fe01: Option<&'static str>,
    certs: &'static [&'static str],
    ca: bool,
    config: Option<&'static str>,
    /// `--probe` for both servers of pool01.
    probe: Option<Probe>,
}

/// Where `--probe` reaches the servers (always on 127.0.0.1).
#[derive(Clone, Copy)]
enum Probe {
    /// A port nothing listens on.
    Refused,
    /// A TLS server presenting a self-signed certificate of its own.
    Presents,
}

const BASE: Case = Case {
    topology: POOL01,
    replace: None,
    fe01: Some("rules/good.pem"),
    certs: &[],
    ca: true,
    config: None,
    probe: None,
};

/// The case that fires `code` and the case that keeps it silent.
fn cases(code: Code) -> (Case, Case) {
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

/// The codes of a run, from its JSON report.
fn codes_of(case: &Case) -> BTreeSet<String> {
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
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.arg("check")
        .arg(&topology)
        .args(["--valid-at", "2026-06-01", "--format", "json", "--config"])
        .arg(&config_path);
    for name in case.certs {
        c.arg("--certs").arg(cert_path(name));
    }
    if case.ca {
        c.arg("--ca").arg(cert_path("ca/chain.pem"));
    }
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
        c.args(["--probe", "--probe-timeout", "5"]);
        for fqdn in ["fe01.contoso.local", "fe02.contoso.local"] {
            c.arg("--connect").arg(format!("{fqdn}={addr}"));
        }
    }
    let out = common::run_cmd(c);
    assert!(out.code < 2, "{}", out.stderr);
    let doc = common::parse_json(&out.stdout);
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_code_fires_on_its_case_and_is_silent_on_the_other() {
    assert!(Path::new(POOL01).is_file());
    let mut failures = Vec::new();
    for code in Code::ALL {
        let (fire, silent) = cases(*code);
        let fired = codes_of(&fire);
        if !fired.contains(code.as_str()) {
            failures.push(format!("{code}: did not fire (got {fired:?})"));
        }
        let quiet = codes_of(&silent);
        if quiet.contains(code.as_str()) {
            failures.push(format!("{code}: fired on its silent case (got {quiet:?})"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
