/*!
Synthetic inputs for the scale benchmarks, shared by `benches/scale.rs`,
`benches/ratios.rs` and `benches/gen.rs` (each bench target compiles its own copy,
so items one target does not use are allowed to be dead there).

A data set for `N` machines lives in `<target>/bench-data/n<N>/`:

```text
topology.xml      published-schema topology (UTF-8, LF), exactly N <Machine> elements
ca.pem            the one test CA (self-signed RSA-2048, SHA-256) -> pass to --ca
certs/<fqdn>.pem  one leaf certificate per Persistent Chat file-transfer server
COMPLETE          written last; holds GENERATOR_VERSION (a stale or partial set is redone)
```

Shape, per site: Front End pools of up to 10 machines (UserServices, Registrar,
UserStore, WebServices listing PersistentChatWeb), a 2-machine Director pool, a
2-machine Edge pool, a SQL server (instances `lyncbe` and `pchat`), a file server
and a 2-machine Persistent Chat pool whose Registrar dependency is the site's first
Front End pool. Sites hold ~48 machines; the last pools absorb the remainder so
the document has exactly N machines.

Certificates are real: RSA-2048 keys made by `openssl genpkey` once (one key for
the CA, one shared by every leaf, because generating thousands of RSA keys is
slow), certificates built and RSA-PKCS#1-v1.5/SHA-256 signed by rcgen (which loads
the openssl-made PKCS#8 keys; it cannot generate RSA keys with ring). Every leaf has
SAN = server FQDN + pool FQDN + the web names `topocert plan` asks for, CN = pool FQDN, EKU serverAuth + clientAuth, a CRL
distribution point, SKI and AKI, validity 2025-01-01 .. 2125-01-01. The check
verifies every signature for real. Output is deterministic (fixed serials, dates
and keys, deterministic signatures), so a regenerated set with the same keys is
byte-identical.
*/
#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use rcgen::{
    BasicConstraints, CertificateParams, CrlDistributionPoint, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose, PKCS_RSA_SHA256, SerialNumber,
    date_time_ymd,
};
use topocert::check::{CheckOptions, check};
use topocert::config::Config;
use topocert::source::{DEFAULT_MAX_INPUT_SIZE, SourceFile};

/// Bump when the shape of generated data changes: cached sets are then regenerated.
pub const GENERATOR_VERSION: &str = "topocert-bench-gen 2";

/// The sizes the benchmarks measure (`cargo bench`).
pub const BENCH_SIZES: [usize; 3] = [200, 2_000, 20_000];

/// The size used when a bench target runs under `cargo test` (no `--bench` flag):
/// small, so `cargo test --all-targets` stays quick but still exercises the code.
pub const TEST_SIZE: usize = 50;

/// `--valid-at` of every benchmark run.
pub const VALID_AT: &str = "2026-06-01";

const DOMAIN: &str = "contoso.local";
const FE_POOL_SIZE: usize = 10;
const FE_POOLS_PER_SITE: usize = 4;
/// Director 2 + Edge 2 + SQL 1 + file server 1 + Persistent Chat 2.
const INFRA_PER_SITE: usize = 8;
const SITE_SIZE: usize = FE_POOLS_PER_SITE * FE_POOL_SIZE + INFRA_PER_SITE;

/// True when the binary was started by `cargo bench` (which passes `--bench`);
/// `cargo test --all-targets` runs bench targets without it.
pub fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The sizes to run: `TOPOCERT_BENCH_SIZES=200,2000` overrides; otherwise
/// [`BENCH_SIZES`] under `cargo bench` and [`TEST_SIZE`] under `cargo test`.
pub fn sizes() -> Vec<usize> {
    if let Ok(v) = std::env::var("TOPOCERT_BENCH_SIZES") {
        let list: Vec<usize> = v
            .split(',')
            .filter_map(|s| s.trim().replace('_', "").parse().ok())
            .filter(|n| *n > 0)
            .collect();
        if !list.is_empty() {
            return list;
        }
    }
    if bench_mode() {
        BENCH_SIZES.to_vec()
    } else {
        vec![TEST_SIZE]
    }
}

/// `<target>/bench-data`, or `$TOPOCERT_BENCH_DATA`.
///
/// The target directory is found from the running executable (bench binaries live
/// in `<target>/<profile>/deps/`; cargo marks the target root with `CACHEDIR.TAG`),
/// so a shared or relocated `CARGO_TARGET_DIR` works too.
pub fn data_root() -> PathBuf {
    if let Some(dir) = std::env::var_os("TOPOCERT_BENCH_DATA") {
        return PathBuf::from(dir);
    }
    if let Ok(exe) = std::env::current_exe() {
        for dir in exe.ancestors().skip(1) {
            if dir.join("CACHEDIR.TAG").is_file() {
                return dir.join("bench-data");
            }
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

/// One generated data set.
#[derive(Debug, Clone)]
pub struct DataSet {
    pub machines: usize,
    pub dir: PathBuf,
    pub topology: PathBuf,
    pub certs: PathBuf,
    pub ca: PathBuf,
    /// Size of `topology.xml` in bytes.
    pub bytes: u64,
    /// Number of certificate files (= file-transfer servers).
    pub cert_files: usize,
}

impl DataSet {
    fn at(dir: PathBuf, machines: usize) -> io::Result<DataSet> {
        let topology = dir.join("topology.xml");
        let certs = dir.join("certs");
        let bytes = fs::metadata(&topology)?.len();
        let cert_files = fs::read_dir(&certs)?.count();
        Ok(DataSet {
            machines,
            ca: dir.join("ca.pem"),
            dir,
            topology,
            certs,
            bytes,
            cert_files,
        })
    }

    /// The options of `topocert check TOPOLOGY --certs certs --ca ca.pem --valid-at 2026-06-01`.
    pub fn check_options(&self) -> CheckOptions {
        CheckOptions {
            certs: vec![self.certs.clone()],
            ca: vec![self.ca.clone()],
            valid_at: valid_at(),
            pfx_password: None,
            config: Config::default(),
            max_input_size: DEFAULT_MAX_INPUT_SIZE,
            max_cert_files: topocert::check::DEFAULT_MAX_CERT_FILES,
            probe: None,
            follow_external_links: false,
        }
    }

    /// The topology decoded exactly as `topocert` decodes it.
    pub fn decoded(&self) -> Arc<SourceFile> {
        let bytes = fs::read(&self.topology).unwrap_or_else(|e| panic!("{e}"));
        Arc::new(
            SourceFile::decode(self.topology.display().to_string(), &bytes)
                .unwrap_or_else(|e| panic!("{e}")),
        )
    }
}

pub fn valid_at() -> time::OffsetDateTime {
    topocert::cli::parse_valid_at(VALID_AT).unwrap_or_else(|e| panic!("{e}"))
}

/// The data set for `machines`, generating it first unless a complete one is cached.
pub fn ensure(machines: usize) -> DataSet {
    ensure_in(&data_root(), machines)
        .unwrap_or_else(|e| panic!("cannot generate the {machines}-machine bench data set: {e}"))
}

pub fn ensure_in(root: &Path, machines: usize) -> io::Result<DataSet> {
    let dir = root.join(format!("n{machines}"));
    let stamp = dir.join("COMPLETE");
    if fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == GENERATOR_VERSION) {
        return DataSet::at(dir, machines);
    }
    let started = Instant::now();
    let pki = root.join("pki");
    let ca_key = openssl_rsa_key(&pki.join("ca.key"))?;
    let leaf_key = openssl_rsa_key(&pki.join("leaf.key"))?;

    // Build in a private directory, then rename: a crash or a concurrent run never
    // leaves a half-written set behind `COMPLETE`.
    let tmp = root.join(format!("n{machines}.tmp-{}", std::process::id()));
    if tmp.exists() {
        fs::remove_dir_all(&tmp)?;
    }
    fs::create_dir_all(tmp.join("certs"))?;
    let topo = topology(machines);
    fs::write(tmp.join("topology.xml"), &topo.xml)?;
    write_certificates(&tmp, &topo.servers, &ca_key, &leaf_key)?;
    fs::write(tmp.join("COMPLETE"), format!("{GENERATOR_VERSION}\n"))?;
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::rename(&tmp, &dir)?;
    eprintln!(
        "bench-data: generated {} ({machines} machines, {} bytes, {} certificates) in {:.1} s",
        dir.display(),
        topo.xml.len(),
        topo.servers.len(),
        started.elapsed().as_secs_f64()
    );
    DataSet::at(dir, machines)
}

/// An RSA-2048 PKCS#8 key made by `openssl genpkey`, created once and reused.
fn openssl_rsa_key(path: &Path) -> io::Result<String> {
    if !path.is_file() {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
        let status = Command::new("openssl")
            .args(["genpkey", "-quiet", "-algorithm", "RSA"])
            .args(["-pkeyopt", "rsa_keygen_bits:2048", "-out"])
            .arg(&tmp)
            .status()
            .map_err(|e| io::Error::other(format!("cannot run openssl (is it installed?): {e}")))?;
        if !status.success() {
            return Err(io::Error::other(format!(
                "openssl genpkey failed: {status}"
            )));
        }
        fs::rename(&tmp, path)?;
    }
    fs::read_to_string(path)
}

/// A Persistent Chat file-transfer server of the generated topology.
#[derive(Debug, Clone)]
pub struct Server {
    pub fqdn: String,
    pub pool: String,
    /// The pool's external web services FQDN.
    pub web: String,
}

/// A generated topology document and its file-transfer servers.
pub struct Generated {
    pub xml: String,
    pub servers: Vec<Server>,
}

/// Machines of each site: sites of [`SITE_SIZE`]; the Front End machines left after
/// each site's infrastructure are spread evenly so the total is exactly `machines`.
fn site_plan(machines: usize) -> Vec<usize> {
    let sites = ((machines + SITE_SIZE / 2) / SITE_SIZE).max(1);
    let fe_total = machines.saturating_sub(sites * INFRA_PER_SITE);
    (0..sites)
        .map(|s| fe_total / sites + usize::from(s < fe_total % sites))
        .collect()
}

/// Per site and cluster, what the clusters are (for the services section).
struct SitePlan {
    id: usize,
    name: String,
    city: &'static str,
    country: &'static str,
    /// Machines of each Front End pool (clusters 1..=fe_pools.len()).
    fe_pools: Vec<usize>,
}

impl SitePlan {
    fn code(&self) -> String {
        format!("s{:04}", self.id)
    }
    fn director(&self) -> usize {
        self.fe_pools.len() + 1
    }
    fn edge(&self) -> usize {
        self.fe_pools.len() + 2
    }
    fn sql(&self) -> usize {
        self.fe_pools.len() + 3
    }
    fn fs(&self) -> usize {
        self.fe_pools.len() + 4
    }
    fn pchat(&self) -> usize {
        self.fe_pools.len() + 5
    }
}

const CITIES: [(&str, &str); 8] = [
    ("Redmond", "US"),
    ("Dublin", "IE"),
    ("Singapore", "SG"),
    ("Sydney", "AU"),
    ("Toronto", "CA"),
    ("Frankfurt", "DE"),
    ("Tokyo", "JP"),
    ("Sao Paulo", "BR"),
];

/// A published-schema topology (as `Get-CsTopology -AsXml` writes it, UTF-8 with
/// LF) with exactly `machines` `<Machine>` elements.
pub fn topology(machines: usize) -> Generated {
    let plans: Vec<SitePlan> = site_plan(machines)
        .into_iter()
        .enumerate()
        .map(|(i, fe)| {
            let mut fe_pools = Vec::new();
            let mut left = fe;
            while left > 0 {
                let n = left.min(FE_POOL_SIZE);
                fe_pools.push(n);
                left -= n;
            }
            let id = i + 1;
            let (city, country) = CITIES[i % CITIES.len()];
            SitePlan {
                id,
                name: format!("{city} {id}"),
                city,
                country,
                fe_pools,
            }
        })
        .collect();

    let mut x = String::with_capacity(machines * 700 + 4096);
    let mut servers = Vec::new();
    x.push_str("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\" Signature=\"6f0c2a4e-8d3b-4c1f-9a5e-2b7d1e3f4a60\">\n");
    let _ = writeln!(
        x,
        "  <InternalDomains AllowAllDomains=\"false\" DefaultDomain=\"{DOMAIN}\">\n    <InternalDomain Name=\"{DOMAIN}\" Authoritative=\"false\" AllowSubDomains=\"false\" />\n  </InternalDomains>"
    );
    x.push_str("  <Sites>\n");
    for p in &plans {
        let _ = writeln!(
            x,
            "    <CentralSite SiteId=\"{}\">\n      <Name>{}</Name>\n      <Location City=\"{}\" CountryCode=\"{}\" />\n    </CentralSite>",
            p.id, p.name, p.city, p.country
        );
    }
    x.push_str("  </Sites>\n  <Clusters>\n");
    let mut written = 0usize;
    for p in &plans {
        let code = p.code();
        for (i, n) in p.fe_pools.iter().enumerate() {
            let pool = format!("{code}-pool{:02}.{DOMAIN}", i + 1);
            let names: Vec<String> = (1..=*n)
                .map(|m| format!("{code}-p{:02}-fe{m:02}.{DOMAIN}", i + 1))
                .collect();
            cluster(&mut x, p.id, i + 1, &pool, &names, 2, true);
            let web = format!("{code}-web{:02}.contoso.com", i + 1);
            servers.extend(names.into_iter().map(|fqdn| Server {
                fqdn,
                pool: pool.clone(),
                web: web.clone(),
            }));
            written += n;
        }
        let two = |role: &str| -> (String, Vec<String>) {
            (
                format!("{code}-{role}pool.{DOMAIN}"),
                (1..=2)
                    .map(|m| format!("{code}-{role}{m:02}.{DOMAIN}"))
                    .collect(),
            )
        };
        let (dir, dirs) = two("dir");
        cluster(&mut x, p.id, p.director(), &dir, &dirs, 2, true);
        let (edge, edges) = two("edge");
        cluster(&mut x, p.id, p.edge(), &edge, &edges, 2, true);
        let sql = format!("{code}-sql01.{DOMAIN}");
        cluster(
            &mut x,
            p.id,
            p.sql(),
            &sql,
            std::slice::from_ref(&sql),
            0,
            false,
        );
        let fs = format!("{code}-fs01.{DOMAIN}");
        cluster(
            &mut x,
            p.id,
            p.fs(),
            &fs,
            std::slice::from_ref(&fs),
            0,
            false,
        );
        let (pc, pcs) = two("pchat");
        cluster(&mut x, p.id, p.pchat(), &pc, &pcs, 1, true);
        written += INFRA_PER_SITE;
    }
    debug_assert_eq!(written, machines.max(INFRA_PER_SITE));
    x.push_str("  </Clusters>\n  <SqlInstances>\n");
    for p in &plans {
        for name in ["lyncbe", "pchat"] {
            let _ = writeln!(
                x,
                "    <SqlInstance>\n      <SqlInstanceId Name=\"{name}\">\n        <ClusterId SiteId=\"{}\" Number=\"{}\" />\n      </SqlInstanceId>\n    </SqlInstance>",
                p.id,
                p.sql()
            );
        }
    }
    x.push_str("  </SqlInstances>\n  <Services>\n");
    for p in &plans {
        site_services(&mut x, p);
    }
    x.push_str("  </Services>\n</Topology>\n");
    Generated { xml: x, servers }
}

fn cluster(
    x: &mut String,
    site: usize,
    number: usize,
    fqdn: &str,
    machines: &[String],
    interfaces: usize,
    replicated: bool,
) {
    let _ = writeln!(
        x,
        "    <Cluster RequiresReplication=\"{replicated}\" RequiresSetup=\"{replicated}\" Fqdn=\"{fqdn}\">\n      <ClusterId SiteId=\"{site}\" Number=\"{number}\" />"
    );
    for (i, m) in machines.iter().enumerate() {
        let ordinal = i + 1;
        if interfaces == 0 {
            let _ = writeln!(
                x,
                "      <Machine OrdinalInCluster=\"{ordinal}\" Fqdn=\"{m}\" FaultDomain=\"{m}\" UpgradeDomain=\"{m}\" />"
            );
            continue;
        }
        let _ = writeln!(
            x,
            "      <Machine OrdinalInCluster=\"{ordinal}\" Fqdn=\"{m}\" FaultDomain=\"rack-{}\" UpgradeDomain=\"upgrade-{}\">",
            i % 4 + 1,
            i % 3 + 1
        );
        for side in ["Primary", "External"].iter().take(interfaces) {
            let _ = writeln!(
                x,
                "        <NetInterface InterfaceSide=\"{side}\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />"
            );
        }
        x.push_str("      </Machine>\n");
    }
    x.push_str("    </Cluster>\n");
}

/// Where a service is installed: a cluster, or a SQL instance on a cluster.
enum On<'a> {
    Cluster(usize),
    Sql(&'a str, usize),
}

/// One `<Service>`: `deps` are `(RoleName, Instance)` in the same site; `body` goes
/// after `<Ports>` (role-specific elements).
#[allow(clippy::too_many_arguments)]
fn service(
    x: &mut String,
    site: usize,
    role: &str,
    instance: usize,
    type_name: Option<&str>,
    deps: &[(&str, usize)],
    on: On<'_>,
    port: Option<&str>,
    body: &str,
) {
    let ty = type_name
        .map(|t| format!(" Type=\"Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles.{t}\""))
        .unwrap_or_default();
    let _ = writeln!(
        x,
        "    <Service RoleVersion=\"1\" ServiceVersion=\"6\"{ty}>\n      <ServiceId SiteId=\"{site}\" RoleName=\"{role}\" Instance=\"{instance}\" />"
    );
    if deps.is_empty() {
        x.push_str("      <DependsOn />\n");
    } else {
        x.push_str("      <DependsOn>\n");
        for (r, i) in deps {
            let _ = writeln!(
                x,
                "        <Dependency Usage=\"Default\">\n          <ServiceId SiteId=\"{site}\" RoleName=\"{r}\" Instance=\"{i}\" />\n        </Dependency>"
            );
        }
        x.push_str("      </DependsOn>\n");
    }
    x.push_str("      <InstalledOn>\n");
    match on {
        On::Cluster(n) => {
            let _ = writeln!(x, "        <ClusterId SiteId=\"{site}\" Number=\"{n}\" />");
        }
        On::Sql(name, n) => {
            let _ = writeln!(
                x,
                "        <SqlInstanceId Name=\"{name}\">\n          <ClusterId SiteId=\"{site}\" Number=\"{n}\" />\n        </SqlInstanceId>"
            );
        }
    }
    x.push_str("      </InstalledOn>\n");
    const PORTS: &str = "xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\"";
    match port {
        Some(p) => {
            let _ = writeln!(x, "      <Ports {PORTS}>\n        {p}\n      </Ports>");
        }
        None => {
            let _ = writeln!(x, "      <Ports {PORTS} />");
        }
    }
    x.push_str(body);
    x.push_str("    </Service>\n");
}

const PORT_MCU: &str = "<Port Owner=\"urn:component:McuFactory\" Usage=\"WebServer\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"444\" Protocol=\"Mtls\" UrlPath=\"/LiveServer/McuFactory/\" AuthorizesRequests=\"false\" />";
const PORT_REGISTRAR: &str = "<Port Owner=\"urn:component:Registrar\" Usage=\"SipServer\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"5061\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" GruuType=\"HomeServer\" />";
const PORT_WEB: &str = "<Port Owner=\"urn:component:OCSWebSite\" Usage=\"WebSite\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"443\" Protocol=\"Https\" UrlPath=\"/\" AuthorizesRequests=\"false\" />";
const PORT_EDGE: &str = "<Port Owner=\"urn:component:AccessEdge\" Usage=\"SipServer\" InterfaceSide=\"External\" InterfaceNumber=\"1\" Port=\"5061\" Protocol=\"Tls\" UrlPath=\"/\" AuthorizesRequests=\"false\" />";
const PORT_PCHAT: &str = "<Port Owner=\"urn:component:PersistentChat\" Usage=\"SipServer\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"5041\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" GruuType=\"PersistentChat\" />";

fn registrar_body(director: bool) -> String {
    format!(
        "      <RegistrarService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" IsDirector=\"{director}\" />\n"
    )
}

fn web_body(host: &str, components: &[&str]) -> String {
    let mut b = format!(
        "      <WebService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\">\n        <ExternalSettings Host=\"{host}\">\n          <OverrideUrls />\n        </ExternalSettings>\n        <WebComponents xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.WebServices.2011\">\n"
    );
    for c in components {
        let _ = writeln!(b, "          <Component ComponentName=\"{c}\" />");
    }
    b.push_str("        </WebComponents>\n        <UpaSeparator xmlns=\"urn:schema:Microsoft.Rtc.Management.BaseTypes.2008\" />\n      </WebService>\n");
    b
}

const FE_COMPONENTS: [&str; 6] = [
    "AutodiscoverService",
    "Meet",
    "UcwaService",
    "WebTicket",
    "PersistentChatWeb",
    "PersistentChatWebManager",
];
const DIRECTOR_COMPONENTS: [&str; 3] = ["AutodiscoverService", "WebTicket", "Reach"];

fn site_services(x: &mut String, p: &SitePlan) {
    let s = p.id;
    let code = p.code();
    let fe = p.fe_pools.len();
    for i in 1..=fe {
        service(
            x,
            s,
            "UserServices",
            i,
            None,
            &[("UserStore", i), ("FileStore", 1)],
            On::Cluster(i),
            Some(PORT_MCU),
            "",
        );
        service(
            x,
            s,
            "Registrar",
            i,
            Some("RegistrarService"),
            &[("UserServices", i), ("WebServices", i)],
            On::Cluster(i),
            Some(PORT_REGISTRAR),
            &registrar_body(false),
        );
        service(
            x,
            s,
            "UserStore",
            i,
            None,
            &[],
            On::Sql("lyncbe", p.sql()),
            None,
            "",
        );
        service(
            x,
            s,
            "WebServices",
            i,
            Some("WebService"),
            &[("FileStore", 1), ("UserServices", i)],
            On::Cluster(i),
            Some(PORT_WEB),
            &web_body(&format!("{code}-web{i:02}.contoso.com"), &FE_COMPONENTS),
        );
    }
    let d = fe + 1;
    service(
        x,
        s,
        "Registrar",
        d,
        Some("RegistrarService"),
        &[("WebServices", d)],
        On::Cluster(p.director()),
        Some(PORT_REGISTRAR),
        &registrar_body(true),
    );
    service(
        x,
        s,
        "WebServices",
        d,
        Some("WebService"),
        &[("Registrar", d)],
        On::Cluster(p.director()),
        Some(PORT_WEB),
        &web_body(&format!("{code}-dirweb.contoso.com"), &DIRECTOR_COMPONENTS),
    );
    service(
        x,
        s,
        "EdgeServer",
        1,
        Some("EdgeService"),
        &[("Registrar", d)],
        On::Cluster(p.edge()),
        Some(PORT_EDGE),
        "",
    );
    service(
        x,
        s,
        "FileStore",
        1,
        Some("FileStoreService"),
        &[],
        On::Cluster(p.fs()),
        None,
        &format!(
            "      <FileStoreService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" ShareName=\"{code}share\" />\n"
        ),
    );
    service(
        x,
        s,
        "PersistentChatStore",
        1,
        None,
        &[],
        On::Sql("pchat", p.sql()),
        None,
        "",
    );
    service(
        x,
        s,
        "PersistentChatService",
        1,
        None,
        &[
            ("PersistentChatStore", 1),
            ("FileStore", 1),
            ("Registrar", 1),
        ],
        On::Cluster(p.pchat()),
        Some(PORT_PCHAT),
        &format!(
            "      <PersistentChatService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" DisplayName=\"{} Chat\" />\n",
            p.name
        ),
    );
}

fn ca_params() -> CertificateParams {
    let mut p = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, "Contoso Bench Internal CA");
    dn.push(DnType::OrganizationName, "Contoso");
    p.distinguished_name = dn;
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    p.not_before = date_time_ymd(2020, 1, 1);
    p.not_after = date_time_ymd(2130, 1, 1);
    p.serial_number = Some(SerialNumber::from_slice(&[0x01]));
    p
}

fn leaf_params(index: usize, s: &Server) -> Result<CertificateParams, rcgen::Error> {
    let mut p = CertificateParams::new(vec![
        s.fqdn.clone(),
        s.pool.clone(),
        s.web.clone(),
        format!("lyncdiscoverinternal.{DOMAIN}"),
        format!("lyncdiscover.{DOMAIN}"),
    ])?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, s.pool.as_str());
    p.distinguished_name = dn;
    p.is_ca = IsCa::ExplicitNoCa;
    p.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    p.extended_key_usages = vec![
        ExtendedKeyUsagePurpose::ServerAuth,
        ExtendedKeyUsagePurpose::ClientAuth,
    ];
    p.crl_distribution_points = vec![CrlDistributionPoint {
        uris: vec!["http://pki.contoso.local/crl/contoso-bench-ca.crl".into()],
    }];
    p.use_authority_key_identifier_extension = true;
    p.not_before = date_time_ymd(2025, 1, 1);
    p.not_after = date_time_ymd(2125, 1, 1);
    let mut serial = vec![0x40];
    serial.extend_from_slice(&(index as u64).to_be_bytes());
    p.serial_number = Some(SerialNumber::from_slice(&serial));
    Ok(p)
}

/// `ca.pem` and `certs/<fqdn>.pem` for every server, signed on every core.
fn write_certificates(
    dir: &Path,
    servers: &[Server],
    ca_key_pem: &str,
    leaf_key_pem: &str,
) -> io::Result<()> {
    let bad = |e: rcgen::Error| io::Error::other(format!("rcgen: {e}"));
    let ca_key = KeyPair::from_pem_and_sign_algo(ca_key_pem, &PKCS_RSA_SHA256).map_err(bad)?;
    let ca_cert = ca_params().self_signed(&ca_key).map_err(bad)?;
    fs::write(dir.join("ca.pem"), ca_cert.pem())?;
    let issuer = Issuer::new(ca_params(), ca_key);
    let leaf_key = KeyPair::from_pem_and_sign_algo(leaf_key_pem, &PKCS_RSA_SHA256).map_err(bad)?;

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = servers.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = servers
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                let (issuer, leaf_key) = (&issuer, &leaf_key);
                scope.spawn(move || -> io::Result<()> {
                    for (i, s) in part.iter().enumerate() {
                        let params = leaf_params(c * chunk + i + 1, s).map_err(bad)?;
                        let cert = params.signed_by(leaf_key, issuer).map_err(bad)?;
                        fs::write(
                            dir.join("certs").join(format!("{}.pem", s.fqdn)),
                            cert.pem(),
                        )?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| Err(io::Error::other("panicked")))
        })
    })
}

// ---------------------------------------------------------------------------------
// The three measured workloads, shared by `scale.rs` (criterion) and `ratios.rs`.
// Each returns a number derived from its work so nothing is optimised away.

/// (a) The floor: a raw quick-xml event scan of the decoded text that counts start
/// and empty tags and reads every attribute of `<Machine>` elements.
pub fn raw_scan(text: &str) -> usize {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(text);
    let mut tags = 0usize;
    let mut touched = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                tags += 1;
                if e.local_name().as_ref() == "Machine" {
                    for a in e.attributes().flatten() {
                        touched += a.key.as_ref().len() + a.value.len();
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("raw scan: {e}"),
        }
    }
    tags + touched
}

/// A reference point between (a) and (b): the scan a parser that reads every
/// attribute once cannot avoid, i.e. (a) plus every attribute of every element
/// (key and raw value) and a stack of open element names.
pub fn full_scan(text: &str) -> usize {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<usize> = Vec::new();
    let mut touched = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                stack.push(e.local_name().as_ref().len());
                for a in e.attributes().flatten() {
                    touched += a.key.local_name().as_ref().len() + a.value.len();
                }
            }
            Ok(Event::Empty(e)) => {
                for a in e.attributes().flatten() {
                    touched += a.key.local_name().as_ref().len() + a.value.len();
                }
            }
            Ok(Event::End(_)) => touched += stack.pop().unwrap_or(0),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("full scan: {e}"),
        }
    }
    touched
}

/// (b) `topology::parse` + `roles::resolve` of the decoded source.
pub fn parse_resolve(src: &Arc<SourceFile>) -> usize {
    let t = topocert::topology::parse(src).unwrap_or_else(|e| panic!("{e}"));
    let roles = topocert::roles::resolve(&t);
    roles.servers.len() + roles.pc_pools.len()
}

/// (c) `topocert check … --format json` end to end, without the process: read and
/// decode the topology, load and verify every certificate, render the JSON report.
pub fn check_json(d: &DataSet, opts: &CheckOptions) -> usize {
    let report = check(&d.topology, opts).unwrap_or_else(|e| panic!("{e}"));
    topocert::report::json::render_check(&report).len()
}

/// Panic unless the data set checks clean: every server found, paired with its own
/// certificate, every signature verified, no error or warning. Run once before
/// timing, so a generator bug can never turn the benchmark into a fast failure path.
pub fn assert_clean(d: &DataSet) {
    use topocert::rules::Severity;
    let report = check(&d.topology, &d.check_options()).unwrap_or_else(|e| panic!("{e}"));
    let bad: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Note)
        .take(5)
        .map(|f| format!("{:?}: {}", f.code, f.message))
        .collect();
    assert!(bad.is_empty(), "{} is not clean: {bad:#?}", d.dir.display());
    assert_eq!(
        report
            .topology
            .clusters
            .iter()
            .map(|c| c.machines.len())
            .sum::<usize>(),
        d.machines
    );
    assert_eq!(
        report.servers.len(),
        d.cert_files,
        "one certificate per server"
    );
    assert!(
        report.servers.iter().all(|s| s.certificate.is_some()),
        "every server paired"
    );
}
