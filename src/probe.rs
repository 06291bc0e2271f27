/*!
`check --probe`: take, over TLS, the certificate chain each file-transfer server
presents, so the rest of the pipeline judges what is installed instead of files
collected by hand.

What goes on the wire, and nothing more: a TCP connection to the server (port 443
unless `--probe-port` or `--connect` says otherwise), a TLS 1.2/1.3 ClientHello
(rustls, ring provider) with the pool's internal web services FQDN as SNI, and the
handshake messages up to the server's Certificate. No client certificate, no HTTP
request, no application data: the connection is dropped as soon as the chain is
recorded. The verifier accepts whatever is presented and records it; topocert
judges the chain itself, as it judges a file.

Everything is bounded: each server gets `--probe-timeout` for name resolution,
connection and handshake together; at most `--probe-jobs` servers are probed at
once; a server may send at most [`MAX_HANDSHAKE_BYTES`] and present at most
[`MAX_CHAIN_CERTS`] certificates of [`MAX_CHAIN_BYTES`] in all. Every failure is a
[`ProbeError`] whose `Display` is the reason shown in the `probe-failed` finding.
*/

// The catalogue's `t!`, named relative to the crate root (a `crate::` path
// would read as a module to tests/architecture.rs).
use super::t;

use std::fmt;
use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{AlertDescription, ClientConfig, ClientConnection, DigitallySignedStruct};

use crate::certs::{CertFormat, Certificate, LoadedFile};
use crate::fqdn::Fqdn;
use crate::roles::{FileTransferServer, Roles};
use crate::topology::Topology;

/// Default of `--probe-port`: the internal web site that serves file upload/download.
pub const DEFAULT_PORT: u16 = 443;
/// Default of `--probe-timeout`, per server.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);
/// Default of `--probe-jobs`: enough for thousands of servers in a few timeouts.
pub const DEFAULT_JOBS: usize = 128;
/// Most certificates a presented chain may hold.
pub const MAX_CHAIN_CERTS: usize = 16;
/// Most bytes the certificates of a presented chain may hold together.
pub const MAX_CHAIN_BYTES: usize = 256 * 1024;
/// Most bytes read from one server during the handshake.
pub const MAX_HANDSHAKE_BYTES: usize = 1024 * 1024;

/// How to probe.
#[derive(Debug, Clone)]
pub struct ProbeOptions {
    /// Port used for servers without a `--connect` port.
    pub port: u16,
    /// `--connect FQDN=ADDRESS[:PORT]` overrides.
    pub connect: Vec<Connect>,
    /// Per server: resolution, connection and handshake together.
    pub timeout: Duration,
    /// Servers probed at once.
    pub jobs: usize,
    /// Told of each server probed (the command line's progress bar).
    pub progress: Option<Arc<dyn Progress>>,
}

impl Default for ProbeOptions {
    fn default() -> Self {
        ProbeOptions {
            port: DEFAULT_PORT,
            connect: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
            jobs: DEFAULT_JOBS,
            progress: None,
        }
    }
}

/// Follows a probing run (implemented by the command line's progress bar).
pub trait Progress: Send + Sync + fmt::Debug {
    fn start(&self, total: usize);
    fn probed(&self, failed: bool);
    fn finish(&self);
}

/// `--connect FQDN=ADDRESS[:PORT]`: reach the server named FQDN at ADDRESS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connect {
    pub fqdn: Fqdn,
    /// An IP address or a host name (resolved by the system resolver).
    pub host: String,
    pub port: Option<u16>,
}

impl std::str::FromStr for Connect {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (fqdn, addr) = s
            .split_once('=')
            .ok_or_else(|| t!("errors-connect-no-eq", value = s))?;
        let fqdn = Fqdn::new(fqdn.trim());
        if let Some(problem) = fqdn.problem() {
            return Err(t!("errors-connect-bad-fqdn", problem = problem));
        }
        let addr = addr.trim();
        if let Ok(sa) = addr.parse::<SocketAddr>() {
            return Ok(Connect {
                fqdn,
                host: sa.ip().to_string(),
                port: Some(sa.port()),
            });
        }
        let bare = addr
            .strip_prefix('[')
            .and_then(|a| a.strip_suffix(']'))
            .unwrap_or(addr);
        if let Ok(ip) = bare.parse::<IpAddr>() {
            return Ok(Connect {
                fqdn,
                host: ip.to_string(),
                port: None,
            });
        }
        let (host, port) = match addr.rsplit_once(':') {
            Some((h, p)) => {
                let port = p
                    .parse::<u16>()
                    .ok()
                    .filter(|p| *p != 0)
                    .ok_or_else(|| t!("errors-connect-bad-port", port = p))?;
                (h, Some(port))
            }
            None => (addr, None),
        };
        if let Some(problem) = Fqdn::new(host).problem() {
            return Err(t!("errors-connect-bad-address", problem = problem));
        }
        Ok(Connect {
            fqdn,
            host: host.to_string(),
            port,
        })
    }
}

/// Parse `--probe-timeout`: seconds (`5`, `2.5`), or with a unit (`500ms`, `5s`).
pub fn parse_timeout(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let (num, scale) = if let Some(n) = t.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1.0)
    } else {
        (t, 1.0)
    };
    let v: f64 = num
        .trim()
        .parse()
        .map_err(|_| t!("errors-timeout-not-duration", value = s))?;
    let secs = v * scale;
    if !(0.001..=3600.0).contains(&secs) {
        return Err(t!("errors-timeout-out-of-range", value = s));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// One server to probe.
#[derive(Debug, Clone)]
pub struct Target {
    /// The server's FQDN, as the topology names it.
    pub fqdn: Fqdn,
    /// The name sent as SNI: the pool's internal web services FQDN.
    pub sni: String,
    /// Where to connect: an IP address or a name for the system resolver.
    pub host: String,
    pub port: u16,
}

impl Target {
    /// The target of `fqdn`: its `--connect` (`over`), else FQDN on `port`.
    pub fn new(fqdn: &Fqdn, sni: &str, over: Option<&Connect>, port: u16) -> Target {
        Target {
            fqdn: fqdn.clone(),
            sni: sni.to_string(),
            host: over.map_or_else(|| fqdn.as_str().to_string(), |c| c.host.clone()),
            port: over.and_then(|c| c.port).unwrap_or(port),
        }
    }

    /// `tls://fe01.contoso.local:443`: the source as a URI.
    pub fn uri(&self) -> String {
        format!("tls://{}:{}", self.fqdn, self.port)
    }

    /// `tls://fe01.contoso.local:443 (10.0.0.5:443)`: shown where a file path would be.
    pub fn source(&self, address: Option<SocketAddr>) -> String {
        match address {
            Some(a) => format!("{} ({a})", self.uri()),
            None => self.uri(),
        }
    }
}

/// The URI of a probed source shown by [`Target::source`] (`None` for a file path).
pub fn source_uri(path: &str) -> Option<&str> {
    path.starts_with("tls://")
        .then(|| path.split_once(" (").map_or(path, |(uri, _)| uri))
}

/// What a server presented.
#[derive(Debug, Clone)]
pub struct Presented {
    /// The address the connection was made to.
    pub address: SocketAddr,
    /// `TLS 1.3` or `TLS 1.2`.
    pub version: &'static str,
    /// DER certificates in the order presented (end-entity first).
    pub chain: Vec<Vec<u8>>,
}

impl Presented {
    /// The chain as the loaded file a certificate file would give: the end-entity
    /// first, the intermediates after it, as presented.
    pub fn to_loaded(&self) -> Result<LoadedFile, ProbeError> {
        let certs = self
            .chain
            .iter()
            .enumerate()
            .map(|(i, der)| {
                Certificate::from_der(der.as_slice()).map_err(|reason| ProbeError::BadCertificate {
                    index: i + 1,
                    reason,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if certs.is_empty() {
            return Err(ProbeError::NoCertificate);
        }
        Ok(LoadedFile {
            format: CertFormat::Tls,
            certs,
            leaf: 0,
            has_private_key: false,
        })
    }
}

/// Why no certificate could be taken from a server.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProbeError {
    #[error("{}", t!("errors-probe-resolve", host = .host.as_str(), reason = .reason.as_str()))]
    Resolve { host: String, reason: String },
    #[error("{}", t!("errors-probe-resolve-timeout", host = .host.as_str(), after = secs(*.after)))]
    ResolveTimeout { host: String, after: Duration },
    #[error("{}", t!("errors-probe-refused", port = *.port))]
    Refused { port: u16 },
    #[error("{}", t!("errors-probe-connect-timeout", after = secs(*.after)))]
    ConnectTimeout { after: Duration },
    #[error("{}", t!("errors-probe-connect", reason = .reason.as_str()))]
    Connect { reason: String },
    #[error("{}", t!("errors-probe-handshake-timeout", after = secs(*.after)))]
    HandshakeTimeout { after: Duration },
    #[error("{}", t!("errors-probe-reset"))]
    Reset,
    #[error("{}", t!("errors-probe-closed"))]
    Closed,
    #[error("{}", t!("errors-probe-plain-http", port = *.port))]
    PlainHttp { port: u16 },
    /// `offered`: the protocol (`SSL 3.0`, `TLS 1.0`) or an errors-probe-offered-* text.
    #[error("{}", t!("errors-probe-old-protocol", offered = .offered.as_str()))]
    OldProtocol { offered: String },
    #[error("{}", t!("errors-probe-not-tls", first_bytes = .first_bytes.as_str()))]
    NotTls { first_bytes: String },
    #[error("{}", t!("errors-probe-handshake", reason = .reason.as_str()))]
    Handshake { reason: String },
    #[error("{}", t!("errors-probe-no-certificate"))]
    NoCertificate,
    #[error("{}", t!("errors-probe-chain-too-long", count = *.count, limit = MAX_CHAIN_CERTS))]
    ChainTooLong { count: usize },
    #[error("{}", t!("errors-probe-chain-too-large", bytes = *.bytes, limit = MAX_CHAIN_BYTES))]
    ChainTooLarge { bytes: usize },
    #[error("{}", t!("errors-probe-too-much-data", limit = MAX_HANDSHAKE_BYTES))]
    TooMuchData,
    #[error("{}", t!("errors-probe-bad-certificate", index = *.index, reason = .reason.as_str()))]
    BadCertificate { index: usize, reason: String },
}

fn secs(d: Duration) -> String {
    let ms = d.as_millis();
    if ms % 1000 == 0 {
        format!("{} s", ms / 1000)
    } else {
        format!("{ms} ms")
    }
}

/// What probing one file-transfer server gave.
#[derive(Debug, Clone)]
pub struct Probed {
    /// Index into `Roles::servers`.
    pub server: usize,
    /// [`Target::source`]: where a file path would be shown.
    pub source: String,
    pub result: Result<LoadedFile, ProbeError>,
}

/// The SNI for `server`: its pool's internal web services FQDN (the topology's
/// override, else the pool FQDN), else the server's own FQDN.
pub fn sni(t: &Topology, server: &FileTransferServer, fqdn: &Fqdn) -> String {
    t.services
        .get(server.web_service)
        .and_then(|w| w.internal_web_host.as_ref())
        .map(|(h, _)| Fqdn::new(h.trim()))
        .filter(|h| h.problem().is_none())
        .or_else(|| server.pool.clone())
        .unwrap_or_else(|| fqdn.clone())
        .as_str()
        .trim()
        .to_string()
}

/// Probe every file-transfer server that has a usable FQDN (a missing or invalid
/// one is already a finding of its own), in the servers' order.
///
/// A `--connect` naming no file-transfer server is refused (a misspelt name would
/// otherwise send the probe to the real server).
pub fn probe_servers(
    t: &Topology,
    roles: &Roles,
    opts: &ProbeOptions,
) -> Result<Vec<Probed>, String> {
    let known: std::collections::HashSet<&str> = roles
        .servers
        .iter()
        .filter_map(|s| s.fqdn.as_ref().map(Fqdn::key))
        .collect();
    // Indexed once: a run may name thousands of servers and as many --connect.
    let overrides: std::collections::HashMap<&str, &Connect> =
        opts.connect.iter().map(|c| (c.fqdn.key(), c)).collect();
    if let Some(c) = opts.connect.iter().find(|c| !known.contains(c.fqdn.key())) {
        return Err(t!(
            "errors-connect-unknown-server",
            fqdn = c.fqdn.as_str().escape_debug().to_string()
        ));
    }
    let (index, targets): (Vec<usize>, Vec<Target>) = roles
        .servers
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            // A name that is not a DNS name is a finding of its own, never sent out.
            let fqdn = s.fqdn.as_ref().filter(|f| f.problem().is_none())?;
            let over = overrides.get(fqdn.key()).copied();
            Some((i, Target::new(fqdn, &sni(t, s, fqdn), over, opts.port)))
        })
        .unzip();
    let results = probe_all(&targets, opts);
    Ok(index
        .into_iter()
        .zip(targets)
        .zip(results)
        .map(|((server, target), outcome)| Probed {
            server,
            source: target.source(outcome.address),
            result: outcome.result.and_then(|p| p.to_loaded()),
        })
        .collect())
}

/// What probing one target gave, and the address connected to (if any).
#[derive(Debug, Clone)]
pub struct Outcome {
    pub address: Option<SocketAddr>,
    pub result: Result<Presented, ProbeError>,
}

/// Probe every target, at most `opts.jobs` at once. The result has one entry per
/// target, in the targets' order, whatever the number of jobs.
pub fn probe_all(targets: &[Target], opts: &ProbeOptions) -> Vec<Outcome> {
    let progress = opts.progress.as_deref();
    if let Some(p) = progress {
        p.start(targets.len());
    }
    let slots: Vec<Mutex<Option<Outcome>>> = targets.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let workers = opts.jobs.clamp(1, targets.len().max(1));
    // Workers report each server probed over a channel and the calling thread tells
    // the progress: drawing stays on the thread that may hold the stderr lock.
    let (done_tx, done_rx) = mpsc::channel::<bool>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let done = done_tx.clone();
            let (next, slots) = (&next, &slots);
            let spawned = std::thread::Builder::new()
                .name("topocert-probe".into())
                .stack_size(512 * 1024)
                .spawn_scoped(scope, move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let (Some(target), Some(slot)) = (targets.get(i), slots.get(i)) else {
                            break;
                        };
                        let outcome = probe(target, opts.timeout);
                        let _ = done.send(outcome.result.is_err());
                        if let Ok(mut s) = slot.lock() {
                            *s = Some(outcome);
                        }
                    }
                });
            // Fewer workers than asked when the system refuses threads: the ones
            // running take the remaining targets; none at all is handled below.
            if spawned.is_err() {
                break;
            }
        }
        drop(done_tx);
        // Ends when every worker has finished (all senders dropped).
        for failed in done_rx.iter() {
            if let Some(p) = progress {
                p.probed(failed);
            }
        }
    });
    if let Some(p) = progress {
        p.finish();
    }
    slots
        .into_iter()
        .map(|s| {
            s.into_inner().ok().flatten().unwrap_or_else(|| Outcome {
                address: None,
                result: Err(ProbeError::Connect {
                    reason: t!("errors-probe-no-thread"),
                }),
            })
        })
        .collect()
}

/// Probe one server within `timeout`.
pub fn probe(target: &Target, timeout: Duration) -> Outcome {
    let deadline = Instant::now() + timeout;
    let failed = |address, e| Outcome {
        address,
        result: Err(e),
    };
    let addrs = match resolve(&target.host, target.port, timeout) {
        Ok(a) => a,
        Err(e) => return failed(None, e),
    };
    let (stream, address) = match connect(&addrs, deadline, timeout) {
        Ok(c) => c,
        // One address tried: say which; several: the last error stands for them all.
        Err(e) => {
            return failed(
                (addrs.len() == 1).then(|| addrs.first().copied()).flatten(),
                e,
            );
        }
    };
    Outcome {
        address: Some(address),
        result: handshake(stream, address, target, deadline, timeout),
    }
}

/// Resolve `host` with the system resolver, giving up after `timeout` (the lookup
/// thread is left to finish on its own; it holds nothing).
fn resolve(host: &str, port: u16, timeout: Duration) -> Result<Vec<SocketAddr>, ProbeError> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let (tx, rx) = mpsc::channel();
    let name = host.to_string();
    let spawned = std::thread::Builder::new()
        .name("topocert-resolve".into())
        .stack_size(256 * 1024)
        .spawn(move || {
            let r = (name.as_str(), port)
                .to_socket_addrs()
                .map(Iterator::collect::<Vec<_>>);
            let _ = tx.send(r);
        });
    if let Err(e) = spawned {
        return Err(ProbeError::Resolve {
            host: host.to_string(),
            reason: e.to_string(),
        });
    }
    match rx.recv_timeout(timeout) {
        Ok(Ok(addrs)) if !addrs.is_empty() => Ok(addrs),
        Ok(Ok(_)) => Err(ProbeError::Resolve {
            host: host.to_string(),
            reason: t!("errors-probe-no-address"),
        }),
        Ok(Err(e)) => Err(ProbeError::Resolve {
            host: host.to_string(),
            reason: e.to_string(),
        }),
        Err(_) => Err(ProbeError::ResolveTimeout {
            host: host.to_string(),
            after: timeout,
        }),
    }
}

/// Connect to the first address that answers before the deadline.
fn connect(
    addrs: &[SocketAddr],
    deadline: Instant,
    timeout: Duration,
) -> Result<(TcpStream, SocketAddr), ProbeError> {
    let mut last = ProbeError::ConnectTimeout { after: timeout };
    for a in addrs {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ProbeError::ConnectTimeout { after: timeout });
        }
        match TcpStream::connect_timeout(a, left) {
            Ok(s) => return Ok((s, *a)),
            Err(e) => {
                last = match e.kind() {
                    io::ErrorKind::ConnectionRefused => ProbeError::Refused { port: a.port() },
                    io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
                        ProbeError::ConnectTimeout { after: timeout }
                    }
                    _ => ProbeError::Connect {
                        reason: io_reason(&e),
                    },
                }
            }
        }
    }
    Err(last)
}

fn io_reason(e: &io::Error) -> String {
    // The OS message without the "(os error N)" suffix, lowercase first letter.
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => t!("errors-probe-unknown-error"),
    }
}

/// What the verifier saw.
#[derive(Debug, Default)]
enum Capture {
    #[default]
    Nothing,
    Chain(Vec<Vec<u8>>),
    TooLong(usize),
    TooLarge(usize),
}

/// Accepts any chain and records it: topocert judges it afterwards, like a file.
#[derive(Debug)]
struct Recorder {
    seen: Mutex<Capture>,
    schemes: Vec<rustls::SignatureScheme>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let count = 1 + intermediates.len();
        let bytes: usize = std::iter::once(end_entity)
            .chain(intermediates)
            .map(|c| c.len())
            .sum();
        let capture = if count > MAX_CHAIN_CERTS {
            Capture::TooLong(count)
        } else if bytes > MAX_CHAIN_BYTES {
            Capture::TooLarge(bytes)
        } else {
            Capture::Chain(
                std::iter::once(end_entity)
                    .chain(intermediates)
                    .map(|c| c.as_ref().to_vec())
                    .collect(),
            )
        };
        if let Ok(mut s) = self.seen.lock() {
            *s = capture;
        }
        // Stop here either way: the chain is all topocert wants from the server.
        Err(rustls::Error::General("certificate recorded".into()))
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.schemes.clone()
    }
}

/// The socket, with the deadline applied to every read and write, a cap on what
/// may be read, and the first bytes kept to say what answered when it is not TLS.
struct Wire {
    stream: TcpStream,
    deadline: Instant,
    read: usize,
    first: Vec<u8>,
}

impl Wire {
    fn left(&self) -> io::Result<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            Err(io::Error::from(io::ErrorKind::TimedOut))
        } else {
            Ok(left)
        }
    }
}

impl Read for Wire {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.left()?;
        self.stream.set_read_timeout(Some(left))?;
        if self.read >= MAX_HANDSHAKE_BYTES {
            return Err(io::Error::other("too much data"));
        }
        let room = (MAX_HANDSHAKE_BYTES - self.read).min(buf.len());
        let n = self.stream.read(buf.get_mut(..room).unwrap_or_default())?;
        self.read += n;
        if self.first.len() < 16 {
            let take = (16 - self.first.len()).min(n);
            self.first
                .extend_from_slice(buf.get(..take).unwrap_or_default());
        }
        Ok(n)
    }
}

impl Write for Wire {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let left = self.left()?;
        self.stream.set_write_timeout(Some(left))?;
        self.stream.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stream.flush()
    }
}

fn handshake(
    stream: TcpStream,
    address: SocketAddr,
    target: &Target,
    deadline: Instant,
    timeout: Duration,
) -> Result<Presented, ProbeError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let recorder = Arc::new(Recorder {
        seen: Mutex::new(Capture::Nothing),
        schemes: provider
            .signature_verification_algorithms
            .supported_schemes(),
    });
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| ProbeError::Handshake {
            reason: e.to_string(),
        })?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    config.resumption = rustls::client::Resumption::disabled();
    // A name that is not a DNS name is not sent as SNI: the address stands in.
    let name = ServerName::try_from(target.sni.clone())
        .unwrap_or_else(|_| ServerName::IpAddress(address.ip().into()));
    let mut conn =
        ClientConnection::new(Arc::new(config), name).map_err(|e| ProbeError::Handshake {
            reason: e.to_string(),
        })?;
    let _ = stream.set_nodelay(true);
    let mut wire = Wire {
        stream,
        deadline,
        read: 0,
        first: Vec::new(),
    };
    let outcome = drive(&mut conn, &mut wire);
    let version = match conn.protocol_version() {
        Some(rustls::ProtocolVersion::TLSv1_3) => "TLS 1.3",
        _ => "TLS 1.2",
    };
    let captured = recorder
        .seen
        .lock()
        .map(|mut s| std::mem::take(&mut *s))
        .unwrap_or_default();
    let first = std::mem::take(&mut wire.first);
    // The connection is dropped here: nothing is sent after the handshake messages.
    drop(wire);
    match captured {
        Capture::Chain(chain) => Ok(Presented {
            address,
            version,
            chain,
        }),
        Capture::TooLong(count) => Err(ProbeError::ChainTooLong { count }),
        Capture::TooLarge(bytes) => Err(ProbeError::ChainTooLarge { bytes }),
        Capture::Nothing => Err(explain(outcome, &first, address.port(), timeout)),
    }
}

/// Why the handshake stopped.
enum Stop {
    Io(io::Error),
    Tls(rustls::Error),
    Eof,
    Done,
}

/// Run the handshake until the verifier has the chain or something stops it.
fn drive(conn: &mut ClientConnection, wire: &mut Wire) -> Stop {
    loop {
        while conn.wants_write() {
            if let Err(e) = conn.write_tls(wire) {
                return Stop::Io(e);
            }
        }
        if !conn.is_handshaking() {
            return Stop::Done;
        }
        match conn.read_tls(wire) {
            Ok(0) => return Stop::Eof,
            Ok(_) => {}
            Err(e) => return Stop::Io(e),
        }
        if let Err(e) = conn.process_new_packets() {
            return Stop::Tls(e);
        }
    }
}

/// Turn a stopped handshake into the reason shown to the user, looking at the
/// first bytes the server sent when they say more than the TLS error.
fn explain(stop: Stop, first: &[u8], port: u16, timeout: Duration) -> ProbeError {
    if first.starts_with(b"HTTP/") {
        return ProbeError::PlainHttp { port };
    }
    if let Some(offered) = old_protocol(first) {
        return ProbeError::OldProtocol { offered };
    }
    match stop {
        Stop::Done => ProbeError::NoCertificate,
        Stop::Eof if first.is_empty() => ProbeError::Closed,
        Stop::Eof => not_tls_or(first, ProbeError::Closed),
        Stop::Io(e) => match e.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
                ProbeError::HandshakeTimeout { after: timeout }
            }
            io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => ProbeError::Reset,
            io::ErrorKind::UnexpectedEof => ProbeError::Closed,
            _ if e.to_string() == "too much data" => ProbeError::TooMuchData,
            _ => ProbeError::Handshake {
                reason: io_reason(&e),
            },
        },
        Stop::Tls(e) => match e {
            rustls::Error::AlertReceived(AlertDescription::ProtocolVersion)
            | rustls::Error::PeerIncompatible(
                rustls::PeerIncompatible::ServerDoesNotSupportTls12Or13,
            ) => ProbeError::OldProtocol {
                offered: t!("errors-probe-offered-old"),
            },
            rustls::Error::AlertReceived(alert) => ProbeError::Handshake {
                reason: t!("errors-probe-alert", alert = alert_name(alert)),
            },
            rustls::Error::InvalidMessage(_) => not_tls_or(
                first,
                ProbeError::Handshake {
                    reason: t!("errors-probe-malformed-message"),
                },
            ),
            other => ProbeError::Handshake {
                reason: other.to_string(),
            },
        },
    }
}

/// `NotTls` when `first` does not start like a TLS record, else `otherwise`.
fn not_tls_or(first: &[u8], otherwise: ProbeError) -> ProbeError {
    let tls_record = matches!(first, [0x14..=0x18, 0x03, ..]);
    if tls_record {
        otherwise
    } else {
        ProbeError::NotTls {
            first_bytes: hex(first),
        }
    }
}

/// The old protocol a server answered with, from the first bytes it sent: an SSL 2.0
/// ServerHello, or a TLS record (handshake or alert) whose version is below TLS 1.2.
fn old_protocol(first: &[u8]) -> Option<String> {
    match first {
        // SSLv2 record: 2-byte header with the high bit set, then SERVER-HELLO (4).
        [h, _, 0x04, ..] if h & 0x80 != 0 => Some("SSL 2.0".into()),
        // A ServerHello: record version, then handshake type 2, its version at 9..11.
        [0x16, 0x03, _, _, _, 0x02, _, _, _, 0x03, minor, ..] if *minor < 0x03 => {
            Some(version_name(*minor))
        }
        // An alert in an old record version (OpenSSL answers a TLS 1.2+ hello so).
        [0x15, 0x03, minor, ..] if *minor < 0x03 => Some(t!(
            "errors-probe-offered-alert",
            version = version_name(*minor)
        ))
        .filter(|_| first.get(6) == Some(&0x46)),
        _ => None,
    }
}

fn version_name(minor: u8) -> String {
    match minor {
        0 => "SSL 3.0".into(),
        1 => "TLS 1.0".into(),
        2 => "TLS 1.1".into(),
        m => t!("errors-probe-protocol-version", minor = m),
    }
}

fn alert_name(a: AlertDescription) -> String {
    // `HandshakeFailure` → `handshake_failure`, as RFC 8446 names them.
    let debug = format!("{a:?}");
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Write each presented chain as `DIR/FQDN.pem` (PEM, end-entity first), each
/// through a temporary file renamed into place. Without `force` an existing file
/// stops the run before anything is written. Returns the paths written.
pub fn save(
    dir: &Path,
    chains: &[(Fqdn, &LoadedFile)],
    force: bool,
) -> Result<Vec<PathBuf>, String> {
    let mut planned: Vec<(PathBuf, String)> = Vec::new();
    for (fqdn, loaded) in chains {
        let name = fqdn.key();
        if fqdn.problem().is_some() || name.starts_with('.') {
            return Err(t!(
                "errors-save-not-dns-name",
                fqdn = fqdn.as_str().escape_debug().to_string()
            ));
        }
        let path = dir.join(format!("{name}.pem"));
        if planned.iter().any(|(p, _)| *p == path) {
            return Err(t!(
                "errors-save-same-file",
                path = crate::paths::display(&path)
            ));
        }
        planned.push((path, pem(loaded)));
    }
    let cannot = |p: &Path, e: io::Error| {
        t!(
            "errors-save-cannot-write",
            path = crate::paths::display(p),
            reason = io_reason(&e)
        )
    };
    std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
    let existing = planned
        .iter()
        .find(|(p, _)| std::fs::symlink_metadata(p).is_ok());
    if let Some((p, _)) = existing {
        if !force || p.is_dir() {
            let path = crate::paths::display(p);
            return Err(if p.is_dir() {
                t!("errors-save-exists-directory", path = path)
            } else {
                t!("errors-save-exists", path = path)
            });
        }
    }
    let existing = if force {
        crate::atomic::Existing::Replace
    } else {
        crate::atomic::Existing::Keep
    };
    for (p, text) in &planned {
        crate::atomic::write(p, text.as_bytes(), None, existing).map_err(|e| cannot(p, e))?;
    }
    Ok(planned.into_iter().map(|(p, _)| p).collect())
}

/// The chain as PEM blocks, 64 characters a line.
fn pem(loaded: &LoadedFile) -> String {
    let mut out = String::new();
    for c in &loaded.certs {
        out.push_str("-----BEGIN CERTIFICATE-----\n");
        let b64 = base64(&c.der);
        for line in b64.as_bytes().chunks(64) {
            out.push_str(&String::from_utf8_lossy(line));
            out.push('\n');
        }
        out.push_str("-----END CERTIFICATE-----\n");
    }
    out
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sym = |v: u32| char::from(ALPHABET[(v & 63) as usize]);
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        out.push(if chunk.len() > 1 { sym(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { sym(n) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_accepts_addresses_ports_and_names() {
        let c: Connect = "FE01.contoso.local=127.0.0.1:8443".parse().unwrap();
        assert_eq!(c.fqdn.key(), "fe01.contoso.local");
        assert_eq!((c.host.as_str(), c.port), ("127.0.0.1", Some(8443)));
        let c: Connect = "fe01.contoso.local=[::1]:443".parse().unwrap();
        assert_eq!((c.host.as_str(), c.port), ("::1", Some(443)));
        let c: Connect = "fe01.contoso.local=::1".parse().unwrap();
        assert_eq!((c.host.as_str(), c.port), ("::1", None));
        let c: Connect = "fe01.contoso.local=lab-fe01.lab.local".parse().unwrap();
        assert_eq!((c.host.as_str(), c.port), ("lab-fe01.lab.local", None));
        for bad in [
            "fe01.contoso.local",
            "fe01=host:0",
            "fe01=host:x",
            "$x=1.2.3.4",
            "fe01=a b",
        ] {
            assert!(bad.parse::<Connect>().is_err(), "{bad}");
        }
    }

    #[test]
    fn timeouts_parse_with_and_without_units() {
        assert_eq!(parse_timeout("5"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_timeout("2.5s"), Ok(Duration::from_millis(2500)));
        assert_eq!(parse_timeout("300ms"), Ok(Duration::from_millis(300)));
        for bad in ["", "0", "-1", "fast", "7200"] {
            assert!(parse_timeout(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn old_protocols_and_plain_http_are_named() {
        // OpenSSL's answer to a TLS 1.2+ hello when it allows only TLS 1.0.
        let alert = [0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46];
        assert!(old_protocol(&alert).unwrap().starts_with("TLS 1.0"));
        let hello = [0x16, 0x03, 0x01, 0x00, 0x31, 0x02, 0, 0, 0x2d, 0x03, 0x02];
        assert_eq!(old_protocol(&hello).as_deref(), Some("TLS 1.1"));
        assert_eq!(
            old_protocol(&[0x80, 0x2e, 0x04, 0x00]).as_deref(),
            Some("SSL 2.0")
        );
        let tls12 = [0x16, 0x03, 0x03, 0x00, 0x31, 0x02, 0, 0, 0x2d, 0x03, 0x03];
        assert_eq!(old_protocol(&tls12), None);
        let e = explain(Stop::Eof, b"HTTP/1.1 400", 443, DEFAULT_TIMEOUT);
        assert_eq!(e, ProbeError::PlainHttp { port: 443 });
        let e = explain(Stop::Eof, &[0x00, 0x1b], 443, DEFAULT_TIMEOUT);
        assert_eq!(
            e.to_string(),
            "the server's answer is not TLS (first bytes: 00 1b)"
        );
    }

    #[test]
    fn sources_read_as_uris() {
        let t = Target::new(
            &Fqdn::new("fe01.contoso.local"),
            "pool01.contoso.local",
            None,
            DEFAULT_PORT,
        );
        assert_eq!(t.uri(), "tls://fe01.contoso.local:443");
        let s = t.source(Some("10.0.0.5:443".parse().unwrap()));
        assert_eq!(s, "tls://fe01.contoso.local:443 (10.0.0.5:443)");
        assert_eq!(source_uri(&s), Some("tls://fe01.contoso.local:443"));
        assert_eq!(source_uri("certs/fe01.cer"), None);
        assert_eq!(
            alert_name(AlertDescription::HandshakeFailure),
            "handshake_failure"
        );
    }

    #[derive(Debug, Default)]
    struct Count {
        total: AtomicUsize,
        probed: AtomicUsize,
        failed: AtomicUsize,
        finished: AtomicUsize,
    }

    impl Progress for Count {
        fn start(&self, total: usize) {
            self.total.store(total, Ordering::SeqCst);
        }
        fn probed(&self, failed: bool) {
            self.probed.fetch_add(1, Ordering::SeqCst);
            if failed {
                self.failed.fetch_add(1, Ordering::SeqCst);
            }
        }
        fn finish(&self) {
            self.finished.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// Every target is reported to the progress once, results keep the targets'
    /// order, and a refused port fails fast.
    #[test]
    fn progress_sees_every_target_and_order_is_kept() {
        let ports: Vec<u16> = (0..5)
            .map(|_| {
                let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
                l.local_addr().unwrap().port()
            })
            .collect();
        let count = Arc::new(Count::default());
        let opts = ProbeOptions {
            jobs: 2,
            timeout: Duration::from_secs(2),
            progress: Some(count.clone()),
            ..ProbeOptions::default()
        };
        let targets: Vec<Target> = ports
            .iter()
            .enumerate()
            .map(|(i, p)| Target {
                fqdn: Fqdn::new(format!("fe{i}.contoso.local")),
                sni: "pool.contoso.local".into(),
                host: "127.0.0.1".into(),
                port: *p,
            })
            .collect();
        let out = probe_all(&targets, &opts);
        assert_eq!(out.len(), 5);
        for (o, p) in out.iter().zip(&ports) {
            assert_eq!(o.address.map(|a| a.port()), Some(*p));
            assert_eq!(
                o.result.as_ref().err(),
                Some(&ProbeError::Refused { port: *p })
            );
        }
        assert_eq!(count.total.load(Ordering::SeqCst), 5);
        assert_eq!(count.probed.load(Ordering::SeqCst), 5);
        assert_eq!(count.failed.load(Ordering::SeqCst), 5);
        assert_eq!(count.finished.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }
}
