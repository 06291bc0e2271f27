//! `topocert check --probe` against TLS servers this test starts on 127.0.0.1
//! ephemeral ports (rustls in-process, certificates from rcgen), reached with
//! `--connect`. Nothing leaves the loopback interface.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::{Out, assert_valid, parse_json, refused, run_cmd, schema, serve, tls_server};
use rcgen::{
    BasicConstraints, CertificateParams, CrlDistributionPoint, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose, date_time_ymd,
};
use rustls::pki_types::{CertificateDer, PrivatePkcs8KeyDer};
use serde_json::Value;

const VALID_AT: &str = "2026-06-01";
const DOMAIN: &str = "contoso.local";
const POOL: &str = "pool01.contoso.local";

// ---------------------------------------------------------------------------------
// Certificates.

/// A CA: its certificate and the issuer that signs with its key.
struct Ca {
    der: CertificateDer<'static>,
    issuer: Issuer<'static, KeyPair>,
}

fn ca_params(cn: &str) -> CertificateParams {
    let mut p = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, cn);
    p.distinguished_name = dn;
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p.use_authority_key_identifier_extension = true;
    p.not_before = date_time_ymd(2020, 1, 1);
    p.not_after = date_time_ymd(2120, 1, 1);
    p
}

/// A two-tier PKI: a root and an issuing CA it signed.
struct Pki {
    root: Ca,
    issuing: Ca,
}

impl Pki {
    fn new(org: &str) -> Pki {
        let root_key = KeyPair::generate().unwrap();
        let root_params = ca_params(&format!("{org} Root CA"));
        let root_der = root_params.self_signed(&root_key).unwrap().der().clone();
        let root_issuer = Issuer::new(root_params, root_key);
        let issuing_key = KeyPair::generate().unwrap();
        let issuing_params = ca_params(&format!("{org} Issuing CA"));
        let issuing_der = issuing_params
            .signed_by(&issuing_key, &root_issuer)
            .unwrap()
            .der()
            .clone();
        Pki {
            root: Ca {
                der: root_der,
                issuer: root_issuer,
            },
            issuing: Ca {
                der: issuing_der,
                issuer: Issuer::new(issuing_params, issuing_key),
            },
        }
    }

    /// A server certificate for `names`, valid from 2025 until `until` (year).
    /// Besides `names`, it carries what every Front End certificate of the test
    /// topology needs for its other web services (the pool and the sign-in discovery
    /// names), so the tests see only the findings they are about.
    fn leaf(&self, names: &[&str], until: i32) -> Leaf {
        let key = KeyPair::generate().unwrap();
        let mut sans: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        for extra in [
            POOL.to_string(),
            format!("lyncdiscoverinternal.{DOMAIN}"),
            format!("lyncdiscover.{DOMAIN}"),
        ] {
            if !sans.contains(&extra) {
                sans.push(extra);
            }
        }
        let mut p = CertificateParams::new(sans).unwrap();
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, names[0]);
        p.distinguished_name = dn;
        p.is_ca = IsCa::ExplicitNoCa;
        p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        p.crl_distribution_points = vec![CrlDistributionPoint {
            uris: vec!["http://pki.contoso.local/crl/issuing.crl".into()],
        }];
        p.use_authority_key_identifier_extension = true;
        p.not_before = date_time_ymd(2025, 1, 1);
        p.not_after = date_time_ymd(until, 1, 1);
        let der = p
            .signed_by(&key, &self.issuing.issuer)
            .unwrap()
            .der()
            .clone();
        Leaf {
            der,
            issuing: self.issuing.der.clone(),
            root: self.root.der.clone(),
            key: PrivatePkcs8KeyDer::from(key.serialize_der()),
        }
    }
}

struct Leaf {
    der: CertificateDer<'static>,
    issuing: CertificateDer<'static>,
    root: CertificateDer<'static>,
    key: PrivatePkcs8KeyDer<'static>,
}

impl Leaf {
    fn full_chain(&self) -> Vec<CertificateDer<'static>> {
        vec![self.der.clone(), self.issuing.clone()]
    }

    /// The chain up to and including its root: complete, so a foreign CA is provably
    /// another CA (`ca-mismatch`), not a missing link.
    fn chain_to_root(&self) -> Vec<CertificateDer<'static>> {
        vec![self.der.clone(), self.issuing.clone(), self.root.clone()]
    }
}

fn pem(ders: &[&CertificateDer<'_>]) -> String {
    ders.iter().map(|d| pem_block(d.as_ref())).collect()
}

fn pem_block(der: &[u8]) -> String {
    // The same PEM the tool writes, by a different route: openssl-free, base64 by hand.
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b64 = String::new();
    for c in der.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= c.len() {
                b64.push(char::from(A[((n >> shift) & 63) as usize]));
            } else {
                b64.push('=');
            }
        }
    }
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap());
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

// ---------------------------------------------------------------------------------
// Servers on the loopback interface.

// ---------------------------------------------------------------------------------
// Topologies and runs.

/// `fe0001` … `feNNNN` in one Front End pool with the Persistent Chat web component.
fn topology(dir: &Path, servers: usize) -> PathBuf {
    let machines: String = (1..=servers)
        .map(|i| {
            format!(
                "      <Machine OrdinalInCluster=\"{i}\" Fqdn=\"{}\" />\n",
                fqdn(i)
            )
        })
        .collect();
    let xml = format!(
        r#"<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">
  <InternalDomains AllowAllDomains="false" DefaultDomain="{DOMAIN}">
    <InternalDomain Name="{DOMAIN}" Authoritative="true" AllowSubDomains="false" />
  </InternalDomains>
  <Sites><CentralSite SiteId="1"><Name>Lab</Name></CentralSite></Sites>
  <Clusters>
    <Cluster RequiresReplication="true" RequiresSetup="true" Fqdn="{POOL}">
      <ClusterId SiteId="1" Number="1" />
{machines}    </Cluster>
    <Cluster RequiresReplication="false" RequiresSetup="true" Fqdn="pc01.{DOMAIN}">
      <ClusterId SiteId="1" Number="2" />
      <Machine OrdinalInCluster="1" Fqdn="pc01.{DOMAIN}" />
    </Cluster>
  </Clusters>
  <Services>
    <Service RoleVersion="1" ServiceVersion="6">
      <ServiceId SiteId="1" RoleName="UserServices" Instance="1" />
      <InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn>
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      <ServiceId SiteId="1" RoleName="Registrar" Instance="1" />
      <InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn>
      <RegistrarService xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008" IsDirector="false" />
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      <ServiceId SiteId="1" RoleName="WebServices" Instance="1" />
      <InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn>
      <WebService xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008">
        <WebComponents xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.WebServices.2011">
          <Component ComponentName="PersistentChatWeb" />
        </WebComponents>
      </WebService>
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      <ServiceId SiteId="1" RoleName="PersistentChatService" Instance="1" />
      <DependsOn>
        <Dependency Usage="Default"><ServiceId SiteId="1" RoleName="Registrar" Instance="1" /></Dependency>
      </DependsOn>
      <InstalledOn><ClusterId SiteId="1" Number="2" /></InstalledOn>
    </Service>
  </Services>
</Topology>
"#
    );
    let path = dir.join("topology.xml");
    std::fs::write(&path, xml).unwrap();
    path
}

fn fqdn(i: usize) -> String {
    format!("fe{i:04}.{DOMAIN}")
}

/// One test's working directory: the topology and the CA files.
struct Case {
    dir: tempfile::TempDir,
    topology: PathBuf,
}

impl Case {
    fn new(servers: usize) -> Case {
        let dir = tempfile::tempdir().unwrap();
        let topology = topology(dir.path(), servers);
        Case { dir, topology }
    }

    fn write(&self, name: &str, text: &str) -> String {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    }

    /// `check TOPOLOGY --valid-at … ARGS`.
    fn check(&self, args: &[String]) -> Out {
        let mut c = Command::cargo_bin("topocert").unwrap();
        c.arg("check")
            .arg(&self.topology)
            .args(["--valid-at", VALID_AT])
            .args(args)
            .timeout(Duration::from_secs(120));
        run_cmd(c)
    }
}

fn connect(i: usize, addr: SocketAddr) -> Vec<String> {
    vec!["--connect".into(), format!("{}={addr}", fqdn(i))]
}

fn args(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

/// `--probe --format json --ca ROOT` plus `extra`, fe0001 reached at `addr`.
fn probe_one(case: &Case, pki: &Pki, addr: SocketAddr, extra: &[String]) -> (Out, Value) {
    let root = case.write("root.pem", &pem(&[&pki.root.der]));
    let mut a = args(&["--probe", "--format", "json", "--ca", &root]);
    a.extend(connect(1, addr));
    a.extend_from_slice(extra);
    let out = case.check(&a);
    let doc = parse_json(&out.stdout);
    assert_valid(&schema("report.schema.json"), &doc, "probe report");
    (out, doc)
}

/// (code, server, severity) of every finding.
fn findings(doc: &Value) -> Vec<(String, String, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["server"].as_str().unwrap_or("").to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn codes(doc: &Value) -> Vec<String> {
    findings(doc).into_iter().map(|f| f.0).collect()
}

fn message(doc: &Value, code: &str) -> String {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} finding in {doc:#}"))["message"]
        .as_str()
        .unwrap()
        .to_string()
}

// ---------------------------------------------------------------------------------
// The cases of the issue.

/// A server presenting its certificate and the issuing CA passes, exactly as the
/// same two certificates given as a file do; its source reads tls://FQDN:PORT (ADDRESS).
#[test]
fn good_chain_passes_like_the_same_file() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let leaf = pki.leaf(&[&fqdn(1)], 2100);
    let addr = tls_server(leaf.full_chain(), leaf.key.clone_key());
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr.is_empty(),
        "no progress bar without a terminal: {}",
        out.stderr
    );
    let source = format!("tls://{}:{} ({addr})", fqdn(1), addr.port());
    assert_eq!(doc["servers"][0]["certificate"], source.as_str());
    let cert = &doc["certificates"][0];
    assert_eq!(cert["path"], source.as_str());
    assert_eq!(cert["format"], "TLS");
    assert_eq!(cert["status"], "used");
    assert_eq!(cert["servers"][0], fqdn(1).as_str());
    assert_eq!(doc["summary"]["errors"], 0);

    let file = case.write(
        &format!("{}.pem", fqdn(1)),
        &pem(&[&leaf.der, &leaf.issuing]),
    );
    let root = case.write("root.pem", &pem(&[&pki.root.der]));
    let offline = case.check(&args(&[
        "--certs", &file, "--ca", &root, "--format", "json",
    ]));
    assert_eq!(offline.code, out.code);
    assert_eq!(findings(&parse_json(&offline.stdout)), findings(&doc));
}

/// A server presenting only its own certificate: with the root alone as --ca the
/// chain has a missing link; with the issuing CA given too it passes.
#[test]
fn leaf_only_presentation() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let leaf = pki.leaf(&[&fqdn(1)], 2100);
    let addr = tls_server(vec![leaf.der.clone()], leaf.key.clone_key());
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    assert_eq!(out.code, 1);
    assert_eq!(codes(&doc), ["issuer-not-supplied"], "{doc:#}");
    let issuing = case.write("issuing.pem", &pem(&[&pki.issuing.der]));
    let (out, doc) = probe_one(&case, &pki, addr, &args(&["--ca", &issuing]));
    assert_eq!(out.code, 0, "{doc:#}");
    assert!(codes(&doc).is_empty(), "{doc:#}");
}

/// A chain from another organisation's CA is `ca-mismatch`.
#[test]
fn foreign_ca_is_a_mismatch() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let foreign = Pki::new("Fabrikam");
    let leaf = foreign.leaf(&[&fqdn(1)], 2100);
    let addr = tls_server(leaf.chain_to_root(), leaf.key.clone_key());
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    assert_eq!(out.code, 1);
    assert_eq!(codes(&doc), ["ca-mismatch"], "{doc:#}");
    assert!(message(&doc, "ca-mismatch").contains("tls://"), "{doc:#}");
}

/// An expired presented certificate is `expired`.
#[test]
fn expired_certificate() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let leaf = pki.leaf(&[&fqdn(1)], 2026);
    let addr = tls_server(leaf.full_chain(), leaf.key.clone_key());
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    assert_eq!(out.code, 1);
    assert_eq!(codes(&doc), ["expired"], "{doc:#}");
}

/// A presented certificate for another name is `name-mismatch`, paired with the
/// server probed all the same.
#[test]
fn name_mismatch() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let leaf = pki.leaf(&["intranet.contoso.local"], 2100);
    let addr = tls_server(leaf.full_chain(), leaf.key.clone_key());
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    assert_eq!(out.code, 1);
    assert_eq!(codes(&doc), ["name-mismatch"], "{doc:#}");
    assert_eq!(doc["certificates"][0]["status"], "used");
}

/// Nothing listening: `probe-failed` at the server's <Machine>, not `missing-certificate`.
#[test]
fn connection_refused() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let addr = refused();
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    assert_eq!(out.code, 1);
    assert_eq!(codes(&doc), ["probe-failed"], "{doc:#}");
    let m = message(&doc, "probe-failed");
    assert!(m.contains("connection was refused"), "{m}");
    assert!(
        m.contains(&format!("tls://{}:{}", fqdn(1), addr.port())),
        "{m}"
    );
    let f = &doc["findings"][0];
    assert_eq!(f["server"], fqdn(1).as_str());
    assert_eq!(
        f["location"]["line"], 9,
        "at the <Machine> of fe0001: {f:#}"
    );
    assert!(doc["certificates"].as_array().unwrap().is_empty());
}

/// A listener that accepts and never answers: `probe-failed` within the timeout.
#[test]
fn silent_server_times_out() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let addr = serve(|sock| {
        // Hold the connection open, read nothing, say nothing.
        std::thread::sleep(Duration::from_secs(20));
        drop(sock);
    });
    let started = Instant::now();
    let (out, doc) = probe_one(&case, &pki, addr, &args(&["--probe-timeout", "500ms"]));
    let took = started.elapsed();
    assert_eq!(out.code, 1);
    assert_eq!(
        message(&doc, "probe-failed"),
        format!(
            "cannot take a certificate from tls://{}:{} ({addr}): no answer to the TLS handshake within 500 ms",
            fqdn(1),
            addr.port()
        )
    );
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

/// A port that answers in plain HTTP is named as such.
#[test]
fn plain_http_is_named() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let addr = serve(|mut sock| {
        let mut buf = [0u8; 1024];
        let _ = sock.read(&mut buf);
        let _ = sock.write_all(
            b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    });
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    assert_eq!(out.code, 1);
    let m = message(&doc, "probe-failed");
    assert!(m.contains("answered in plain HTTP, not TLS"), "{m}");
}

/// A server answering a TLS 1.2+ hello the way an OpenSSL server limited to TLS 1.0
/// does (a protocol_version alert in a TLS 1.0 record) is named as TLS 1.0 only.
#[test]
fn old_protocol_alert_is_named() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let addr = serve(|mut sock| {
        let mut buf = [0u8; 1024];
        let _ = sock.read(&mut buf);
        let _ = sock.write_all(&[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]);
    });
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    assert_eq!(out.code, 1);
    let m = message(&doc, "probe-failed");
    assert!(m.contains("offers only TLS 1.0"), "{m}");
}

/// A real TLS-1.0-only server (`openssl s_server -tls1`), where the local OpenSSL
/// still allows one; otherwise the reason is printed and this case is skipped.
#[test]
fn tls10_only_openssl_server() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let leaf = pki.leaf(&[&fqdn(1)], 2100);
    let cert = case.write("s_server.pem", &pem(&[&leaf.der]));
    let key = case.write(
        "s_server.key",
        &pem_block(leaf.key.secret_pkcs8_der()).replace("CERTIFICATE", "PRIVATE KEY"),
    );
    let port = refused().port();
    let child = std::process::Command::new("openssl")
        .args([
            "s_server",
            "-quiet",
            "-tls1",
            "-cipher",
            "DEFAULT:@SECLEVEL=0",
        ])
        .args([
            "-accept",
            &format!("127.0.0.1:{port}"),
            "-cert",
            &cert,
            "-key",
            &key,
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            println!("skipped: cannot run openssl s_server ({e})");
            return;
        }
    };
    // Wait until it listens (or has exited, refusing TLS 1.0).
    let up = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    if !up {
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        println!(
            "skipped: openssl s_server -tls1 did not start here: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        return;
    }
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let (out, doc) = probe_one(&case, &pki, addr, &[]);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(out.code, 1);
    let m = message(&doc, "probe-failed");
    println!("openssl s_server -tls1: {m}");
    assert!(m.contains("offers only TLS 1.0"), "{m}");
}

/// 1,000 servers against four listeners finish within the deadline, every one
/// probed, with the probing threads bounded by --probe-jobs.
#[test]
fn thousand_servers_against_four_listeners() {
    let n = 1000;
    let case = Case::new(n);
    let pki = Pki::new("Contoso");
    let leaf = pki.leaf(&["*.contoso.local", POOL], 2100);
    let listeners: Vec<SocketAddr> = (0..4)
        .map(|_| tls_server(leaf.full_chain(), leaf.key.clone_key()))
        .collect();
    let root = case.write("root.pem", &pem(&[&pki.root.der]));
    let mut a = args(&[
        "--probe",
        "--format",
        "json",
        "--ca",
        &root,
        "--probe-jobs",
        "64",
    ]);
    for i in 1..=n {
        a.extend(connect(i, listeners[i % listeners.len()]));
    }
    let started = Instant::now();
    let out = case.check(&a);
    let took = started.elapsed();
    let doc = parse_json(&out.stdout);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(doc["servers"].as_array().unwrap().len(), n);
    assert_eq!(doc["certificates"].as_array().unwrap().len(), n);
    assert!(
        codes(&doc).is_empty(),
        "{:?}",
        &codes(&doc)[..5.min(codes(&doc).len())]
    );
    assert!(took < Duration::from_secs(60), "took {took:?}");
    println!("1,000 servers probed in {took:?}");
}

/// `--save-probed` writes FQDN.pem; checking those files offline gives the same
/// findings; an existing file is not replaced without --force.
#[test]
fn save_probed_round_trip() {
    let case = Case::new(3);
    let pki = Pki::new("Contoso");
    let good = pki.leaf(&[&fqdn(1), POOL], 2100);
    let expired = pki.leaf(&[&fqdn(2), POOL], 2026);
    let other = pki.leaf(&["intranet.contoso.local"], 2100);
    let mut extra = Vec::new();
    for (i, l) in [(1, &good), (2, &expired), (3, &other)] {
        extra.extend(connect(i, tls_server(l.full_chain(), l.key.clone_key())));
    }
    let saved = case.dir.path().join("saved");
    let saved_arg = saved.display().to_string();
    let root = case.write("root.pem", &pem(&[&pki.root.der]));
    let mut a = args(&[
        "--probe",
        "--format",
        "json",
        "--ca",
        &root,
        "--save-probed",
        &saved_arg,
    ]);
    a.extend(extra.clone());
    let live = case.check(&a);
    assert_eq!(live.code, 1, "{}", live.stderr);
    let live_doc = parse_json(&live.stdout);
    let mut names: Vec<String> = std::fs::read_dir(&saved)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [1, 2, 3].map(|i| format!("{}.pem", fqdn(i))));
    let text = std::fs::read_to_string(saved.join(format!("{}.pem", fqdn(1)))).unwrap();
    assert_eq!(text, pem(&[&good.der, &good.issuing]));

    let offline = case.check(&args(&[
        "--certs", &saved_arg, "--ca", &root, "--format", "json",
    ]));
    assert_eq!(offline.code, live.code);
    let offline_doc = parse_json(&offline.stdout);
    assert_eq!(findings(&offline_doc), findings(&live_doc));
    assert_eq!(
        codes(&live_doc),
        ["expired", "name-mismatch"],
        "{live_doc:#}"
    );

    let again = case.check(&a);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    a.push("--force".into());
    assert_eq!(case.check(&a).code, 1);
}

/// The report is byte-identical whatever the number of probing jobs.
#[test]
fn report_does_not_depend_on_probe_jobs() {
    let n = 24;
    let case = Case::new(n);
    let pki = Pki::new("Contoso");
    let good = pki.leaf(&["*.contoso.local", POOL], 2100);
    let expired = pki.leaf(&["*.contoso.local", POOL], 2026);
    let foreign = Pki::new("Fabrikam").leaf(&["*.contoso.local", POOL], 2100);
    let targets = [
        tls_server(good.full_chain(), good.key.clone_key()),
        tls_server(expired.full_chain(), expired.key.clone_key()),
        tls_server(foreign.chain_to_root(), foreign.key.clone_key()),
        refused(),
    ];
    let root = case.write("root.pem", &pem(&[&pki.root.der]));
    let mut reports = Vec::new();
    for format in ["json", "short"] {
        let mut first: Option<String> = None;
        for jobs in ["1", "5", "128"] {
            let mut a = args(&[
                "--probe",
                "--format",
                format,
                "--ca",
                &root,
                "--probe-jobs",
                jobs,
            ]);
            for i in 1..=n {
                a.extend(connect(i, targets[i % targets.len()]));
            }
            let out = case.check(&a);
            assert_eq!(out.code, 1);
            match &first {
                None => first = Some(out.stdout),
                Some(f) => assert_eq!(*f, out.stdout, "{format} with --probe-jobs {jobs}"),
            }
        }
        reports.push(first.unwrap());
    }
    let doc = parse_json(&reports[0]);
    let c = codes(&doc);
    for code in ["probe-failed", "expired", "ca-mismatch"] {
        assert_eq!(
            c.iter().filter(|x| *x == code).count(),
            n / 4,
            "{code}: {c:?}"
        );
    }
}

/// With --certs too, a supplied file wins; the presented certificate is listed for
/// the server, and `probe-differs` says when it is another one.
#[test]
fn supplied_file_wins_and_differences_are_reported() {
    let case = Case::new(2);
    let pki = Pki::new("Contoso");
    let presented = pki.leaf(&[&fqdn(1), &fqdn(2), POOL], 2100);
    let addr = tls_server(presented.full_chain(), presented.key.clone_key());
    let same = case.write(
        &format!("{}.pem", fqdn(1)),
        &pem(&[&presented.der, &presented.issuing]),
    );
    let renewed = pki.leaf(&[&fqdn(2), POOL], 2100);
    let differs = case.write(
        &format!("{}.pem", fqdn(2)),
        &pem(&[&renewed.der, &renewed.issuing]),
    );
    let mut extra = args(&["--certs", &same, "--certs", &differs]);
    extra.extend(connect(2, addr));
    let (out, doc) = probe_one(&case, &pki, addr, &extra);
    assert_eq!(out.code, 0, "{doc:#}");
    assert_eq!(codes(&doc), ["probe-differs"], "{doc:#}");
    assert_eq!(doc["findings"][0]["server"], fqdn(2).as_str());
    assert_eq!(doc["servers"][0]["certificate"], same.as_str());
    assert_eq!(doc["servers"][1]["certificate"], differs.as_str());
    let certs = doc["certificates"].as_array().unwrap();
    assert_eq!(certs.len(), 4, "two files and two probed chains: {doc:#}");
    assert!(certs.iter().all(|c| c["status"] == "used"), "{doc:#}");
}

/// A --connect for a name that is no file-transfer server stops the run (exit 2);
/// the probe flags need --probe.
#[test]
fn connect_must_name_a_listed_server() {
    let case = Case::new(1);
    let out = case.check(&args(&[
        "--probe",
        "--connect",
        "fe9999.contoso.local=127.0.0.1:1",
    ]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("fe9999.contoso.local"),
        "{}",
        out.stderr
    );
    let out = case.check(&args(&["--connect", "fe0001.contoso.local=127.0.0.1:1"]));
    assert_eq!(out.code, 2, "--connect without --probe: {}", out.stderr);
    let out = case.check(&args(&["--probe", "--probe-timeout", "soon"]));
    assert_eq!(out.code, 2);
}

/// SARIF names a probed source by its tls:// URI.
#[test]
fn sarif_uses_the_tls_uri() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let leaf = pki.leaf(&["intranet.contoso.local"], 2100);
    let addr = tls_server(leaf.full_chain(), leaf.key.clone_key());
    let root = case.write("root.pem", &pem(&[&pki.root.der]));
    let mut a = args(&["--probe", "--format", "sarif", "--ca", &root]);
    a.extend(connect(1, addr));
    let out = case.check(&a);
    assert_eq!(out.code, 1);
    let doc = parse_json(&out.stdout);
    let result = &doc["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "name-mismatch");
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        format!("tls://{}:{}", fqdn(1), addr.port()).as_str()
    );
}

/// The human report shows the probed source in the table and counts the chain as
/// taken over TLS; with no terminal on standard error nothing is drawn there.
#[test]
fn human_report_names_the_probed_source() {
    let case = Case::new(1);
    let pki = Pki::new("Contoso");
    let leaf = pki.leaf(&[&fqdn(1)], 2100);
    let addr = tls_server(leaf.full_chain(), leaf.key.clone_key());
    let root = case.write("root.pem", &pem(&[&pki.root.der]));
    let mut a = args(&["--probe", "--ca", &root, "--color", "never"]);
    a.extend(connect(1, addr));
    let out = case.check(&a);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let source = format!("tls://{}:{} ({addr})", fqdn(1), addr.port());
    assert!(out.stdout.contains(&source), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("0 certificate files supplied, 1 chain taken over TLS (1 used"),
        "{}",
        out.stdout
    );
}

/// A server that reads the hello and hangs up, and one presenting a chain longer
/// than the cap: each a `probe-failed` with its reason.
#[test]
fn hang_up_and_overlong_chain() {
    let case = Case::new(2);
    let pki = Pki::new("Contoso");
    let hang_up = serve(|mut sock| {
        let mut buf = [0u8; 1024];
        let _ = sock.read(&mut buf);
    });
    let leaf = pki.leaf(&[&fqdn(2), POOL], 2100);
    let mut chain = vec![leaf.der.clone()];
    chain.extend(std::iter::repeat_n(leaf.issuing.clone(), 16));
    let long = tls_server(chain, leaf.key.clone_key());
    let mut extra = connect(2, long);
    extra.extend(args(&["--probe-jobs", "1"]));
    let (out, doc) = probe_one(&case, &pki, hang_up, &extra);
    assert_eq!(out.code, 1);
    let messages: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(codes(&doc), ["probe-failed", "probe-failed"], "{doc:#}");
    assert!(
        messages[0].ends_with("the server closed the connection before presenting a certificate"),
        "{messages:?}"
    );
    assert!(
        messages[1].ends_with("the server presented 17 certificates, more than the limit of 16"),
        "{messages:?}"
    );
}

/// On a terminal (a pseudo-terminal from `script`), the progress bar is drawn on
/// standard error and cleared, the run ends (no deadlock with the standard error
/// lock the binary holds), and `--quiet` draws nothing.
#[test]
fn progress_bar_on_a_terminal() {
    let case = Case::new(1);
    let addr = refused();
    let bin = assert_cmd::cargo::cargo_bin("topocert");
    let line = |extra: &str| {
        format!(
            "{} check {} --valid-at {VALID_AT} --probe --connect {}={addr} --format short --color never{extra}",
            bin.display(),
            case.topology.display(),
            fqdn(1)
        )
    };
    let run = |cmd: String| {
        std::process::Command::new("timeout")
            .args(["60", "script", "-qec", &cmd, "/dev/null"])
            .output()
    };
    let out = match run(line("")) {
        Ok(o) if o.status.code() != Some(127) => o,
        other => {
            println!("skipped: no `script` to give the run a terminal ({other:?})");
            return;
        }
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("probing"), "{text}");
    assert!(text.contains("1/1 servers, 1 failed"), "{text}");
    assert!(text.contains("error[probe-failed]"), "{text}");
    let quiet = run(line(" --quiet")).unwrap();
    let text = String::from_utf8_lossy(&quiet.stdout);
    assert_eq!(quiet.status.code(), Some(1), "{text}");
    assert!(!text.contains("probing"), "{text}");
    assert!(text.contains("error[probe-failed]"), "{text}");
}
