//! `plan` and `check` cannot disagree about names: for random topologies, a
//! certificate carrying exactly the names `plan` requests for a server passes
//! `name-mismatch` and `missing-web-name`, and dropping any one name brings back
//! exactly the finding for that name (`name-mismatch` for a file-transfer name,
//! `missing-web-name` for a web name).

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
    PKCS_RSA_SHA256,
};
use time::macros::datetime;
use topocert::check::{self, CheckOptions};
use topocert::config::Config;
use topocert::names::Need;
use topocert::plan::{PlanOptions, RequiredName};
use topocert::rules::Code;

const PKI: &str = "tests/data/certs/.pki";

/// What a generated topology varies.
#[derive(Debug, Clone)]
struct Shape {
    machines: usize,
    /// The UserStore on a separate SQL cluster (Enterprise) or on the pool (Standard).
    enterprise: bool,
    internal_override: Option<&'static str>,
    external_host: Option<&'static str>,
    sip_domains: Vec<&'static str>,
    strict_dns: bool,
    simple_urls: Vec<&'static str>,
    split: bool,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        1usize..=3,
        any::<bool>(),
        prop::option::of(prop::sample::select(vec![
            "webint.contoso.local",
            "pool01.contoso.local",
        ])),
        prop::option::of(prop::sample::select(vec![
            "web.contoso.com",
            "lync.fabrikam.com",
        ])),
        prop::sample::subsequence(vec!["contoso.com", "contoso.local", "fabrikam.com"], 0..=2),
        any::<bool>(),
        prop::sample::subsequence(
            vec!["meet.contoso.com", "https://dialin.contoso.com/"],
            0..=2,
        ),
        any::<bool>(),
    )
        .prop_map(
            |(machines, enterprise, io, eh, sip, strict, urls, split)| Shape {
                machines,
                enterprise,
                internal_override: io,
                external_host: eh,
                sip_domains: sip,
                strict_dns: strict,
                simple_urls: urls,
                split,
            },
        )
}

fn topology_text(s: &Shape) -> String {
    let mut x = String::from(
        "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n  <InternalDomains AllowAllDomains=\"false\" DefaultDomain=\"contoso.local\">\n",
    );
    for d in &s.sip_domains {
        x.push_str(&format!("    <InternalDomain Name=\"{d}\" />\n"));
    }
    x.push_str("  </InternalDomains>\n  <Sites><CentralSite SiteId=\"1\"><Name>Lab</Name></CentralSite></Sites>\n  <Clusters>\n");
    x.push_str(
        "    <Cluster Fqdn=\"pool01.contoso.local\"><ClusterId SiteId=\"1\" Number=\"1\" />\n",
    );
    for m in 1..=s.machines {
        x.push_str(&format!(
            "      <Machine OrdinalInCluster=\"{m}\" Fqdn=\"fe0{m}.contoso.local\" />\n"
        ));
    }
    x.push_str("    </Cluster>\n    <Cluster Fqdn=\"pc01.contoso.local\"><ClusterId SiteId=\"1\" Number=\"2\" /><Machine Fqdn=\"pc01.contoso.local\" /></Cluster>\n");
    x.push_str("    <Cluster Fqdn=\"sql01.contoso.local\"><ClusterId SiteId=\"1\" Number=\"3\" /><Machine Fqdn=\"sql01.contoso.local\" /></Cluster>\n  </Clusters>\n  <Services>\n");
    let store = if s.enterprise { 3 } else { 1 };
    x.push_str(&format!("    <Service><ServiceId SiteId=\"1\" RoleName=\"UserStore\" Instance=\"1\" /><InstalledOn><ClusterId SiteId=\"1\" Number=\"{store}\" /></InstalledOn></Service>\n"));
    x.push_str("    <Service><ServiceId SiteId=\"1\" RoleName=\"UserServices\" Instance=\"1\" /><DependsOn><Dependency><ServiceId SiteId=\"1\" RoleName=\"UserStore\" Instance=\"1\" /></Dependency></DependsOn><InstalledOn><ClusterId SiteId=\"1\" Number=\"1\" /></InstalledOn></Service>\n");
    x.push_str("    <Service><ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"1\" /><InstalledOn><ClusterId SiteId=\"1\" Number=\"1\" /></InstalledOn><RegistrarService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" IsDirector=\"false\" /></Service>\n");
    x.push_str("    <Service><ServiceId SiteId=\"1\" RoleName=\"WebServices\" Instance=\"1\" /><InstalledOn><ClusterId SiteId=\"1\" Number=\"1\" /></InstalledOn><WebService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\">");
    if let Some(h) = s.internal_override {
        x.push_str(&format!("<InternalSettings Host=\"{h}\" />"));
    }
    if let Some(h) = s.external_host {
        x.push_str(&format!("<ExternalSettings Host=\"{h}\" />"));
    }
    x.push_str("<WebComponents><Component ComponentName=\"PersistentChatWeb\" /></WebComponents></WebService></Service>\n");
    x.push_str("    <Service><ServiceId SiteId=\"1\" RoleName=\"PersistentChatService\" Instance=\"1\" /><DependsOn><Dependency><ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"1\" /></Dependency></DependsOn><InstalledOn><ClusterId SiteId=\"1\" Number=\"2\" /></InstalledOn></Service>\n  </Services>\n</Topology>\n");
    x
}

fn config_text(s: &Shape, cert: &Path) -> String {
    let urls: Vec<String> = s.simple_urls.iter().map(|u| format!("{u:?}")).collect();
    format!(
        "[certificates]\n\"fe01.contoso.local\" = {:?}\n[web]\nsimple-urls = [{}]\nstrict-dns = {}\nlayout = \"{}\"\n",
        cert.display().to_string(),
        urls.join(", "),
        s.strict_dns,
        if s.split { "split" } else { "combined" }
    )
}

/// A leaf for `names` (plus an unrelated name, so the SAN extension is never empty
/// and the CN never stands in), issued with the test PKI's issuing CA key.
fn leaf_pem(cn: &str, names: &[String]) -> String {
    let read = |p: &str| std::fs::read_to_string(Path::new(PKI).join(p)).unwrap();
    let ca_key = KeyPair::from_pem_and_sign_algo(&read("issuing.key"), &PKCS_RSA_SHA256).unwrap();
    let mut ca = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, "Test Internal Issuing CA");
    ca.distinguished_name = dn;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let issuer = Issuer::new(ca, ca_key);
    let key = KeyPair::from_pem_and_sign_algo(&read("fe01.key"), &PKCS_RSA_SHA256).unwrap();
    let mut sans = names.to_vec();
    sans.push("unrelated.example.org".into());
    let mut p = CertificateParams::new(sans).unwrap();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, cn);
    p.distinguished_name = dn;
    p.signed_by(&key, &issuer).unwrap().pem()
}

/// The name findings of fe01 for a certificate with `names`.
fn name_findings(
    topology: &Path,
    config: &Path,
    cert: &Path,
    cn: &str,
    names: &[String],
) -> Vec<(Code, String)> {
    std::fs::write(cert, leaf_pem(cn, names)).unwrap();
    let config = Config::load(config).unwrap();
    let opts = CheckOptions {
        certs: vec![cert.to_path_buf()],
        ca: vec![PathBuf::from("tests/data/certs/ca/chain.pem")],
        valid_at: datetime!(2026-06-01 0:00 UTC),
        pfx_password: None,
        config,
        max_input_size: 1 << 20,
        max_cert_files: 10,
        probe: None,
        follow_external_links: false,
    };
    let report = check::check(topology, &opts).unwrap();
    report
        .findings
        .iter()
        .filter(|f| matches!(f.code, Code::NameMismatch | Code::MissingWebName))
        .filter(|f| f.server_name(&report.topology).as_deref() == Some("fe01.contoso.local"))
        .map(|f| (f.code, f.message.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn plans_names_pass_check_and_each_dropped_name_is_reported(s in shape()) {
        let dir = tempfile::tempdir().unwrap();
        let topology = dir.path().join("topology.xml");
        let config = dir.path().join("topocert.toml");
        let cert = dir.path().join("fe01.pem");
        std::fs::write(&topology, topology_text(&s)).unwrap();
        std::fs::write(&config, config_text(&s, &cert)).unwrap();

        let cfg = Config::load(&config).unwrap();
        let opts = PlanOptions { web: cfg.web.clone(), ..PlanOptions::default() };
        let plan = topocert::plan::plan_file(&topology, 1 << 20, &opts).unwrap();
        let req = plan.requests.iter().find(|r| r.fqdn.as_str() == "fe01.contoso.local").unwrap();
        prop_assert_eq!(req.edition.is_enterprise(), s.enterprise);
        let cn = req.common_name.to_string();
        let expect_cn = if s.enterprise { "pool01.contoso.local" } else { "fe01.contoso.local" };
        prop_assert_eq!(cn.as_str(), expect_cn);
        let sans: Vec<RequiredName> = req.sans.clone();
        let all: Vec<String> = sans.iter().map(|n| n.name.to_string()).collect();

        let clean = name_findings(&topology, &config, &cert, &cn, &all);
        prop_assert!(clean.is_empty(), "{:?} for {:?}", clean, all);

        for (i, dropped) in sans.iter().enumerate() {
            let mut names = all.clone();
            names.remove(i);
            let found = name_findings(&topology, &config, &cert, &cn, &names);
            let code = match dropped.need {
                Need::FileTransfer => Code::NameMismatch,
                Need::Web => Code::MissingWebName,
            };
            prop_assert_eq!(found.len(), 1, "dropped {}: {:?}", dropped.name, found);
            prop_assert_eq!(found[0].0, code);
            let wanted = format!("does not cover {} (", dropped.name);
            prop_assert!(found[0].1.contains(&wanted), "{}", found[0].1);
        }
    }
}
