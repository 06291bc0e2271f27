/*!
Certificate loading: read the files given with `--certs`, recognise their
format from their content (never their extension), and extract once the fields
the rules look at.

Formats: PEM (one or many blocks, CRLF, UTF-8 BOM, UTF-16 text, text around the
blocks), DER, PKCS#7 `.p7b`/`.p7c` (DER, BER with indefinite lengths, or PEM),
PKCS#12 `.pfx`/`.p12` (password from the caller, tried after the empty one).

A file that cannot be loaded gives a [`LoadError`] whose `Display` is the
user-facing reason; the caller turns it into an `unreadable-certificate` finding.
*/

// The catalogue's `t!`, named relative to the crate root (a `crate::` path
// would read as a module to tests/architecture.rs).
use super::t;

mod ber;
mod collect;
mod file;
pub mod info;
mod pem;
mod pkcs12;
mod pkcs7;
pub mod summary;
#[cfg(test)]
pub(crate) mod testdata;
mod verify;

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use x509_parser::prelude::X509Error;

pub use collect::{CERT_EXTENSIONS, Collected, collect, collect_following, has_cert_extension};
pub use file::{CertFile, FileStatus, TooManyFiles, load_files, path_key};
pub use info::{CertInfo, Hash, KeyAlgorithm, KeyInfo, SignatureAlgorithm};
pub use summary::{Field, Summary, summary};
pub use verify::{VerifyError, names_issuer, verify_signature};

/// How to load certificate files.
#[derive(Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// PKCS#12 password (from the environment variable named by
    /// `--pfx-password-env`). The empty password is always tried too.
    pub pfx_password: Option<String>,
    /// Files larger than this are refused before being read. Default 1 MiB.
    pub max_file_size: u64,
    /// Follow symbolic links inside `--certs` folders that resolve outside them
    /// (`--follow-external-links`).
    pub follow_external_links: bool,
    /// PKCS#12 key-derivation iterations spent so far in the run (shared).
    pub kdf_budget: pkcs12::KdfBudget,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            pfx_password: None,
            max_file_size: 1024 * 1024,
            follow_external_links: false,
            kdf_budget: pkcs12::KdfBudget::default(),
        }
    }
}

impl fmt::Debug for LoadOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print the password.
        f.debug_struct("LoadOptions")
            .field(
                "pfx_password",
                &self.pfx_password.as_ref().map(|_| "<redacted>"),
            )
            .field("max_file_size", &self.max_file_size)
            .finish()
    }
}

/// The container a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertFormat {
    Pem,
    Der,
    Pkcs7,
    Pkcs12,
    /// A chain presented by a server over TLS (`check --probe`).
    Tls,
}

impl fmt::Display for CertFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CertFormat::Pem => "PEM",
            CertFormat::Der => "DER",
            CertFormat::Pkcs7 => "PKCS#7",
            CertFormat::Pkcs12 => "PKCS#12",
            CertFormat::Tls => "TLS",
        })
    }
}

/// One parsed certificate. `der` is kept so the certificate can be re-parsed
/// with x509-parser for signature verification of the rarer algorithms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub der: Arc<[u8]>,
    pub info: CertInfo,
    /// Where the signed bytes, the signature and the public key lie in `der`, so
    /// the common signatures verify without parsing the certificates again.
    parts: SignedParts,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct SignedParts {
    tbs: std::ops::Range<usize>,
    signature: std::ops::Range<usize>,
    public_key: std::ops::Range<usize>,
}

/// The byte range of `part` inside `whole`, when it is a slice of it.
fn range_in(whole: &[u8], part: &[u8]) -> std::ops::Range<usize> {
    let start = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    if start <= whole.len() && whole.len() - start >= part.len() {
        start..start + part.len()
    } else {
        0..0
    }
}

impl Certificate {
    /// Parse one DER certificate (trailing bytes after it are ignored).
    pub fn from_der(der: impl Into<Arc<[u8]>>) -> Result<Certificate, String> {
        let der: Arc<[u8]> = der.into();
        let (info, parts) = match x509_parser::parse_x509_certificate(&der) {
            Ok((_, x509)) => {
                let parts = SignedParts {
                    tbs: range_in(&der, x509.tbs_certificate.as_ref()),
                    signature: range_in(&der, &x509.signature_value.data),
                    public_key: range_in(
                        &der,
                        &x509.tbs_certificate.subject_pki.subject_public_key.data,
                    ),
                };
                (info::extract(&x509), parts)
            }
            Err(e) => return Err(x509_reason(&e)),
        };
        Ok(Certificate { der, info, parts })
    }

    /// The subject public key (the BIT STRING's content): a CA's key identity,
    /// whatever certificate carries it.
    pub fn public_key(&self) -> &[u8] {
        self.der
            .get(self.parts.public_key.clone())
            .unwrap_or_default()
    }

    /// The key identifier as Windows shows it: the subject key identifier when the
    /// certificate has one, else the SHA-1 of the public key (RFC 5280 method 1).
    pub fn key_id(&self) -> Vec<u8> {
        match &self.info.ski {
            Some(ski) => ski.clone(),
            None => self.key_hash(),
        }
    }

    /// The SHA-1 of the public key: the key identifier computed from the key
    /// itself, which a certificate cannot copy from another one.
    pub fn key_hash(&self) -> Vec<u8> {
        ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, self.public_key())
            .as_ref()
            .to_vec()
    }

    /// Self-issued: subject and issuer DN are the same (a root, or a renewal link).
    pub fn is_self_issued(&self) -> bool {
        self.info.subject_der == self.info.issuer_der
    }

    /// The ring algorithm for this certificate's signature when `issuer_key` made it,
    /// for the common cases (PKCS#1 v1.5 RSA and ECDSA on P-256/P-384).
    fn ring_algorithm(
        &self,
        issuer_key: &KeyInfo,
    ) -> Option<&'static dyn ring::signature::VerificationAlgorithm> {
        use ring::signature as r;
        Some(
            match (&self.info.signature_algorithm, &issuer_key.algorithm) {
                (SignatureAlgorithm::RsaPkcs1 { hash }, KeyAlgorithm::Rsa) => match hash {
                    Hash::Sha1 => &r::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
                    Hash::Sha256 => &r::RSA_PKCS1_2048_8192_SHA256,
                    Hash::Sha384 => &r::RSA_PKCS1_2048_8192_SHA384,
                    Hash::Sha512 => &r::RSA_PKCS1_2048_8192_SHA512,
                    Hash::Md5 => return None,
                },
                (SignatureAlgorithm::Ecdsa { hash }, KeyAlgorithm::Ec { curve }) => {
                    match (curve.as_str(), hash) {
                        ("P-256", Hash::Sha256) => &r::ECDSA_P256_SHA256_ASN1,
                        ("P-256", Hash::Sha384) => &r::ECDSA_P256_SHA384_ASN1,
                        ("P-384", Hash::Sha256) => &r::ECDSA_P384_SHA256_ASN1,
                        ("P-384", Hash::Sha384) => &r::ECDSA_P384_SHA384_ASN1,
                        _ => return None,
                    }
                }
                _ => return None,
            },
        )
    }
}

/// Everything loaded from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    pub format: CertFormat,
    /// Never empty.
    pub certs: Vec<Certificate>,
    /// Index into `certs` of the end-entity certificate: for PKCS#12 the one
    /// matching the private key; otherwise (and for a PKCS#12 without a matching
    /// key) the first that is not a CA, not self-issued and issued by another
    /// certificate of the file (see `find_leaf`).
    pub leaf: usize,
    /// A private key came with the certificates (PKCS#12 key bag, PEM key block).
    pub has_private_key: bool,
}

impl LoadedFile {
    /// The end-entity certificate.
    pub fn leaf_cert(&self) -> Option<&Certificate> {
        self.certs.get(self.leaf)
    }
}

/// Why a certificate file could not be loaded. `Display` is the user-facing
/// reason: lowercase, no final period, without the file name.
#[derive(thiserror::Error, Debug)]
#[non_exhaustive]
pub enum LoadError {
    /// A path found while expanding `--certs` that cannot be loaded at all
    /// (a symbolic link loop, a directory named like a certificate, …).
    #[error("{reason}")]
    Unusable { reason: String },
    #[error("{}", t!("errors-certs-empty"))]
    Empty,
    #[error("{}", t!("errors-certs-not-found"))]
    NotFound,
    #[error("{}", t!("errors-certs-is-directory"))]
    IsDirectory,
    #[error("{}", t!("errors-certs-broken-symlink"))]
    BrokenSymlink,
    #[error("{}", t!("errors-certs-not-regular-file"))]
    NotRegularFile,
    #[error("{}", t!("errors-certs-too-large", limit = size(*.limit)))]
    TooLarge { limit: u64 },
    #[error("{}", t!("errors-certs-io", reason = collect::io_reason(.source)))]
    Io {
        #[source]
        source: io::Error,
    },
    #[error("{}", t!("errors-certs-not-a-certificate"))]
    NotACertificate,
    #[error("{}", t!("errors-certs-headerless-base64"))]
    HeaderlessBase64,
    /// PEM blocks were found, none of them a certificate.
    #[error("{}", t!("errors-certs-no-pem-certificate", labels = .labels.as_str()))]
    NoPemCertificate { labels: String },
    /// `index` is 1-based among all blocks of the file.
    #[error("{}", t!("errors-certs-pem-block", index = *.index, reason = .reason.as_str()))]
    PemBlock { index: usize, reason: String },
    #[error("{}", t!("errors-certs-der", reason = .reason.as_str()))]
    Der { reason: String },
    /// A certificate after the first in a file of concatenated DER certificates.
    #[error("{}", t!("errors-certs-der-concatenated", index = *.index, reason = .reason.as_str()))]
    DerConcatenated { index: usize, reason: String },
    #[error("{}", t!("errors-certs-pkcs7", reason = .reason.as_str()))]
    Pkcs7 { reason: String },
    /// `index` is 1-based in the PKCS#7 certificate set.
    #[error("{}", t!("errors-certs-pkcs7-certificate", index = *.index, reason = .reason.as_str()))]
    Pkcs7Certificate { index: usize, reason: String },
    #[error("{}", t!("errors-certs-pkcs12-password"))]
    Pkcs12Password,
    #[error("{}", t!("errors-certs-pkcs12", reason = .reason.as_str()))]
    Pkcs12 { reason: String },
    /// `index` is 1-based in PKCS#12 certificate bag order.
    #[error("{}", t!("errors-certs-pkcs12-certificate", index = *.index, reason = .reason.as_str()))]
    Pkcs12Certificate { index: usize, reason: String },
}

fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    let (n, unit) = if bytes >= MIB && bytes % MIB == 0 {
        (bytes / MIB, "mib")
    } else if bytes >= KIB && bytes % KIB == 0 {
        (bytes / KIB, "kib")
    } else {
        (bytes, "bytes")
    };
    t!("errors-certs-size", n = n, unit = unit)
}

/// Read `path` (refusing files larger than `opts.max_file_size` before reading
/// them) and load it with [`load_bytes`].
pub fn load_file(path: &Path, opts: &LoadOptions) -> Result<LoadedFile, LoadError> {
    // Look before opening: opening a FIFO would block.
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(match fs::symlink_metadata(path) {
                Ok(m) if m.file_type().is_symlink() => LoadError::BrokenSymlink,
                _ => LoadError::NotFound,
            });
        }
        Err(e) => return Err(LoadError::Io { source: e }),
    };
    if meta.is_dir() {
        return Err(LoadError::IsDirectory);
    }
    if !meta.is_file() {
        return Err(LoadError::NotRegularFile);
    }
    if meta.len() > opts.max_file_size {
        return Err(LoadError::TooLarge {
            limit: opts.max_file_size,
        });
    }
    let file = fs::File::open(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound,
        _ => LoadError::Io { source },
    })?;
    // The file may grow between stat and read: never read past the limit.
    let capacity = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(opts.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io { source })?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > opts.max_file_size {
        return Err(LoadError::TooLarge {
            limit: opts.max_file_size,
        });
    }
    let name = path.to_string_lossy();
    load_bytes(&name, &bytes, opts)
}

/// Load certificates from `bytes`, recognising the format from the content.
///
/// `name` is the file's display name; it is not used to decide the format.
pub fn load_bytes(name: &str, bytes: &[u8], opts: &LoadOptions) -> Result<LoadedFile, LoadError> {
    let _ = name;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    // UTF-16 text (PowerShell 5.1 `Out-File`): decode, then it is PEM or nothing.
    if let Some(text) = decode_utf16(bytes) {
        return load_text(text.as_bytes());
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.first() == Some(&0x30) && plausible_der(bytes) {
        return load_der(bytes, opts);
    }
    if pem::has_begin_marker(bytes) {
        return load_text(bytes);
    }
    if bytes.first() == Some(&0x30) {
        // Damaged DER: say what it was meant to be.
        return load_der(bytes, opts);
    }
    if pem::looks_like_bare_base64(bytes) {
        return Err(LoadError::HeaderlessBase64);
    }
    Err(LoadError::NotACertificate)
}

/// Whether `bytes` starts with a SEQUENCE whose declared length fits the data
/// (an indefinite length is taken as plausible).
fn plausible_der(bytes: &[u8]) -> bool {
    match ber::read_header(bytes) {
        Ok(h) => match h.length {
            Some(len) => h.header_len.saturating_add(len) <= bytes.len(),
            None => true,
        },
        Err(_) => false,
    }
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (body, big_endian) = if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        (rest, false)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        (rest, true)
    } else {
        return None;
    };
    let units = body.chunks_exact(2).map(|c| {
        let pair = [
            c.first().copied().unwrap_or(0),
            c.get(1).copied().unwrap_or(0),
        ];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// PEM text: certificate blocks, PKCS#7 blocks, key blocks (noted), others ignored.
fn load_text(text: &[u8]) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
    let blocks = pem::blocks(text).map_err(|e| LoadError::PemBlock {
        index: e.index,
        reason: e.reason,
    })?;
    if blocks.is_empty() {
        return Err(if pem::looks_like_bare_base64(text) {
            LoadError::HeaderlessBase64
        } else {
            LoadError::NotACertificate
        });
    }
    let mut certs = Vec::new();
    let mut from_cert_blocks = false;
    let mut has_private_key = false;
    let mut other_labels: Vec<&str> = Vec::new();
    for block in &blocks {
        let bad = |reason: String| LoadError::PemBlock {
            index: block.index,
            reason,
        };
        match block.label {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => {
                let der = pem::decode_body(block.body)
                    .map_err(|id| bad(crate::i18n::message(id, None)))?;
                if pkcs7::is_content_info(&der) {
                    // Windows CA web enrollment saves its Base64 ".p7b" chain
                    // under a CERTIFICATE label.
                    pkcs7_block(&der, block.index, &mut certs)?;
                } else {
                    // TRUSTED CERTIFICATE appends OpenSSL trust settings after
                    // the certificate: from_der ignores trailing bytes.
                    certs.push(Certificate::from_der(der).map_err(bad)?);
                    from_cert_blocks = true;
                }
            }
            "PKCS7" | "PKCS #7 SIGNED DATA" | "CMS" => {
                let der = pem::decode_body(block.body)
                    .map_err(|id| bad(crate::i18n::message(id, None)))?;
                pkcs7_block(&der, block.index, &mut certs)?;
            }
            label if label.ends_with("PRIVATE KEY") => has_private_key = true,
            label => {
                if !other_labels.contains(&label) {
                    other_labels.push(label);
                }
            }
        }
    }
    if certs.is_empty() {
        let mut labels: Vec<String> = Vec::new();
        if has_private_key {
            labels.push(t!("errors-certs-label-private-key"));
        }
        labels.extend(other_labels.into_iter().map(str::to_string));
        return Err(LoadError::NoPemCertificate {
            labels: labels.join(", "),
        });
    }
    let format = if from_cert_blocks {
        CertFormat::Pem
    } else {
        CertFormat::Pkcs7
    };
    Ok(finish(format, certs, None, has_private_key))
}

/// The certificates of a PKCS#7 structure found in PEM block `index`.
fn pkcs7_block(der: &[u8], index: usize, certs: &mut Vec<Certificate>) -> Result<(), LoadError> {
    let set = pkcs7::certificates(der).map_err(|e| LoadError::PemBlock {
        index,
        reason: t!("errors-certs-pkcs7", reason = e.to_string()),
    })?;
    for (i, raw) in set.into_iter().enumerate() {
        certs.push(
            Certificate::from_der(raw).map_err(|reason| LoadError::PemBlock {
                index,
                reason: t!(
                    "errors-certs-pkcs7-block-certificate",
                    index = i + 1,
                    reason = reason
                ),
            })?,
        );
    }
    Ok(())
}

/// Binary data starting with a SEQUENCE: X.509 certificate(s), PKCS#7
/// ContentInfo or PKCS#12 PFX, told apart by the first inner element.
fn load_der(bytes: &[u8], opts: &LoadOptions) -> Result<LoadedFile, LoadError> {
    if pkcs7::is_content_info(bytes) {
        let set = pkcs7::certificates(bytes).map_err(|e| LoadError::Pkcs7 {
            reason: e.to_string(),
        })?;
        let certs = set
            .into_iter()
            .enumerate()
            .map(|(i, raw)| {
                Certificate::from_der(raw).map_err(|reason| LoadError::Pkcs7Certificate {
                    index: i + 1,
                    reason,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(finish(CertFormat::Pkcs7, certs, None, false));
    }
    if pkcs12::is_pfx(bytes) {
        let pfx = pkcs12::load(bytes, opts.pfx_password.as_deref(), &opts.kdf_budget).map_err(
            |e| match e {
                pkcs12::Pkcs12Error::Password => LoadError::Pkcs12Password,
                other => LoadError::Pkcs12 {
                    reason: other.to_string(),
                },
            },
        )?;
        let certs = pfx
            .certs
            .into_iter()
            .enumerate()
            .map(|(i, der)| {
                Certificate::from_der(der).map_err(|reason| LoadError::Pkcs12Certificate {
                    index: i + 1,
                    reason,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(finish(
            CertFormat::Pkcs12,
            certs,
            pfx.leaf,
            pfx.has_private_key,
        ));
    }
    load_der_certificates(bytes)
}

/// One DER certificate, or several concatenated (`cat a.der b.der`).
/// Trailing NUL or whitespace padding is ignored.
fn load_der_certificates(bytes: &[u8]) -> Result<LoadedFile, LoadError> {
    let mut certs = Vec::new();
    let mut rest = bytes;
    loop {
        let index = certs.len() + 1;
        let err = |reason: String| {
            if index == 1 {
                LoadError::Der { reason }
            } else {
                LoadError::DerConcatenated { index, reason }
            }
        };
        let (tlv, after) = ber::read_tlv(rest, 0).map_err(|e| err(e.to_string()))?;
        certs.push(Certificate::from_der(tlv.raw).map_err(err)?);
        rest = after;
        if rest.iter().all(|&b| b == 0 || b.is_ascii_whitespace()) {
            break;
        }
        if rest.first() != Some(&0x30) {
            return Err(err(t!("errors-certs-trailing-bytes", n = rest.len())));
        }
    }
    Ok(finish(CertFormat::Der, certs, None, false))
}

fn finish(
    format: CertFormat,
    certs: Vec<Certificate>,
    leaf: Option<usize>,
    has_private_key: bool,
) -> LoadedFile {
    let leaf = leaf
        .filter(|&i| i < certs.len())
        .unwrap_or_else(|| find_leaf(&certs));
    LoadedFile {
        format,
        certs,
        leaf,
        has_private_key,
    }
}

/// The end-entity certificate of a set, whatever the container (PEM, DER, PKCS#7,
/// or a PKCS#12 whose bags name no key): the first certificate that is not a CA,
/// not self-issued, and issued by another certificate's subject; else the first
/// that is neither a CA nor self-issued; else the first that issues no other
/// certificate of the set.
fn find_leaf(certs: &[Certificate]) -> usize {
    let subjects: std::collections::HashSet<&[u8]> = certs
        .iter()
        .map(|c| c.info.subject_der.as_slice())
        .collect();
    let end_entity = |c: &Certificate| !c.info.is_ca && !c.is_self_issued();
    if let Some(i) = certs
        .iter()
        .position(|c| end_entity(c) && subjects.contains(c.info.issuer_der.as_slice()))
    {
        return i;
    }
    if let Some(i) = certs.iter().position(end_entity) {
        return i;
    }
    certs
        .iter()
        .enumerate()
        .position(|(i, candidate)| {
            !certs
                .iter()
                .enumerate()
                .any(|(j, other)| i != j && names_issuer(&other.info, &candidate.info))
        })
        .unwrap_or(0)
}

/// A short reason for an x509-parser failure.
pub(crate) fn x509_reason(e: &x509_parser::nom::Err<X509Error>) -> String {
    match e {
        x509_parser::nom::Err::Incomplete(_) => t!("errors-certs-truncated"),
        x509_parser::nom::Err::Error(e) | x509_parser::nom::Err::Failure(e) => match e {
            X509Error::Der(inner) => {
                t!("errors-certs-malformed-der", reason = inner.to_string())
            }
            X509Error::NomError(_) | X509Error::Generic => {
                t!("errors-certs-malformed-certificate")
            }
            other => other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> LoadOptions {
        LoadOptions::default()
    }

    fn chain_pem() -> String {
        format!(
            "Some text before\r\n{}{}{}",
            testdata::LEAF_PEM,
            testdata::ISSUING_PEM,
            testdata::ROOT_PEM
        )
    }

    fn der_of(pem_text: &str) -> Vec<u8> {
        let blocks = pem::blocks(pem_text.as_bytes()).unwrap();
        pem::decode_body(blocks[0].body).unwrap()
    }

    #[test]
    fn pem_chain_leaf_is_the_end_entity() {
        let f = load_bytes("chain.pem", chain_pem().as_bytes(), &opts()).unwrap();
        assert_eq!(f.format, CertFormat::Pem);
        assert_eq!(f.certs.len(), 3);
        assert_eq!(f.leaf, 0);
        // Order does not matter.
        let reversed = format!(
            "{}{}{}",
            testdata::ROOT_PEM,
            testdata::ISSUING_PEM,
            testdata::LEAF_PEM
        );
        let f = load_bytes("chain.pem", reversed.as_bytes(), &opts()).unwrap();
        assert_eq!(f.leaf, 2);
        assert_eq!(f.certs[2].info.subject, "CN=pool01.contoso.local");
    }

    #[test]
    fn bom_and_crlf() {
        let text = format!("\u{feff}{}", testdata::LEAF_PEM.replace('\n', "\r\n"));
        let f = load_bytes("x.pem", text.as_bytes(), &opts()).unwrap();
        assert_eq!(f.certs.len(), 1);
        assert_eq!(
            f.certs[0].info.common_name.as_deref(),
            Some("pool01.contoso.local")
        );
    }

    #[test]
    fn utf16_pem() {
        let mut bytes = vec![0xff, 0xfe];
        for u in testdata::LEAF_PEM.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let f = load_bytes("x.pem", &bytes, &opts()).unwrap();
        assert_eq!(f.format, CertFormat::Pem);
    }

    #[test]
    fn fast_verification_agrees_with_x509_parser() {
        let slow = |cert: &Certificate, issuer: &Certificate| {
            let (_, c) = x509_parser::parse_x509_certificate(&cert.der).unwrap();
            let (_, i) = x509_parser::parse_x509_certificate(&issuer.der).unwrap();
            c.verify_signature(Some(i.public_key())).is_ok()
        };
        let leaf = Certificate::from_der(der_of(testdata::LEAF_PEM)).unwrap();
        let issuing = Certificate::from_der(der_of(testdata::ISSUING_PEM)).unwrap();
        let root = Certificate::from_der(der_of(testdata::ROOT_PEM)).unwrap();
        let ecdsa = Certificate::from_der(der_of(testdata::ECDSA_PEM)).unwrap();
        assert!(
            leaf.ring_algorithm(&issuing.info.key).is_some(),
            "fast path taken"
        );
        for (c, i) in [
            (&leaf, &issuing),
            (&issuing, &root),
            (&ecdsa, &issuing),
            (&leaf, &root),
        ] {
            assert_eq!(
                verify_signature(c, i).is_ok(),
                slow(c, i),
                "{} by {}",
                c.info.subject,
                i.info.subject
            );
        }
        assert!(verify_signature(&leaf, &issuing).is_ok());
        assert!(verify_signature(&leaf, &root).is_err());
        // One flipped bit in the signed part or the signature: refused by both paths.
        let name_byte = leaf.der.windows(6).position(|w| w == b"pool01").unwrap();
        assert!(leaf.parts.tbs.contains(&name_byte));
        for part in [name_byte, leaf.parts.signature.end - 1] {
            let mut der = leaf.der.to_vec();
            der[part] ^= 1;
            let tampered = Certificate::from_der(der).unwrap();
            assert_eq!(
                verify_signature(&tampered, &issuing),
                Err(VerifyError::BadSignature)
            );
            assert!(!slow(&tampered, &issuing));
        }
    }

    #[test]
    fn der_and_concatenated_der() {
        let leaf = der_of(testdata::LEAF_PEM);
        let f = load_bytes("x.cer", &leaf, &opts()).unwrap();
        assert_eq!(f.format, CertFormat::Der);
        assert_eq!(&*f.certs[0].der, &leaf[..]);
        let mut two = der_of(testdata::ISSUING_PEM);
        two.extend_from_slice(&leaf);
        two.extend_from_slice(b"\0\0\r\n");
        let f = load_bytes("x.cer", &two, &opts()).unwrap();
        assert_eq!(f.certs.len(), 2);
        assert_eq!(f.leaf, 1);
        let mut junk = leaf.clone();
        junk.extend_from_slice(b"junk");
        assert_eq!(
            load_bytes("x.cer", &junk, &opts()).unwrap_err().to_string(),
            "DER certificate is not valid: 4 unexpected bytes after the certificate"
        );
        let mut bad_second = leaf.clone();
        bad_second.extend_from_slice(&[0x30, 0x03, 0x02, 0x01, 0x01]);
        assert!(matches!(
            load_bytes("x.cer", &bad_second, &opts()),
            Err(LoadError::DerConcatenated { index: 2, .. })
        ));
    }

    #[test]
    fn ber_pkcs7_loads() {
        let leaf = der_of(testdata::LEAF_PEM);
        let issuing = der_of(testdata::ISSUING_PEM);
        let p7 = pkcs7::tests::signed_data(&[&issuing, &leaf], pkcs7::tests::indef);
        let f = load_bytes("x.p7b", &p7, &opts()).unwrap();
        assert_eq!(f.format, CertFormat::Pkcs7);
        assert_eq!(f.certs.len(), 2);
        assert_eq!(f.leaf, 1);
        assert!(!f.has_private_key);
    }

    #[test]
    fn pfx_with_and_without_password() {
        let pfx = testdata::LEAF_AES_PFX;
        let err = load_bytes("x.pfx", pfx, &opts()).unwrap_err();
        assert!(matches!(err, LoadError::Pkcs12Password));
        assert_eq!(
            err.to_string(),
            "PKCS#12 password is wrong or missing (set it in the environment variable named by --pfx-password-env)"
        );
        let with = LoadOptions {
            pfx_password: Some("topocert".to_owned()),
            ..opts()
        };
        let f = load_bytes("x.pfx", pfx, &with).unwrap();
        assert_eq!(f.format, CertFormat::Pkcs12);
        assert!(f.has_private_key);
        assert_eq!(f.certs.len(), 3);
        assert_eq!(
            f.leaf_cert().unwrap().der.as_ref(),
            &der_of(testdata::LEAF_PEM)[..]
        );
        assert!(format!("{with:?}").contains("redacted"));
    }

    #[test]
    fn error_messages() {
        let e = |b: &[u8]| load_bytes("x", b, &opts()).unwrap_err().to_string();
        assert_eq!(e(b""), "file is empty");
        assert_eq!(e(b" \r\n"), "file is empty");
        assert_eq!(
            e(b"hello"),
            "not a certificate: no PEM block, DER certificate, PKCS#7 or PKCS#12 structure found"
        );
        let leaf = der_of(testdata::LEAF_PEM);
        assert!(e(&leaf[..500]).starts_with("DER certificate is not valid: truncated"));
        let two_blocks = format!(
            "{}-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            testdata::LEAF_PEM
        );
        assert!(e(two_blocks.as_bytes()).starts_with("PEM block 2 is not a valid certificate: "));
        assert_eq!(
            e(b"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n"),
            "no certificate in the PEM data (found a private key)"
        );
        let bare: String = testdata::LEAF_PEM
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        assert!(e(bare.as_bytes()).contains("without a -----BEGIN CERTIFICATE----- line"));
        assert_eq!(
            LoadError::TooLarge { limit: 1 << 20 }.to_string(),
            "file is larger than the 1 MiB limit"
        );
    }

    #[test]
    fn pkcs7_under_a_certificate_label() {
        let leaf = der_of(testdata::LEAF_PEM);
        let issuing = der_of(testdata::ISSUING_PEM);
        let p7 = pkcs7::tests::signed_data(&[&leaf, &issuing], pkcs7::tests::indef);
        let text = format!(
            "-----BEGIN CERTIFICATE-----\r\n{}\r\n-----END CERTIFICATE-----\r\n",
            base64(&p7)
        );
        let f = load_bytes("certnew.p7b", text.as_bytes(), &opts()).unwrap();
        assert_eq!(f.format, CertFormat::Pkcs7);
        assert_eq!(f.certs.len(), 2);
        assert_eq!(f.leaf, 0);
    }

    fn base64(data: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in data.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn pem_with_key_notes_it() {
        let text = format!(
            "{}-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n",
            testdata::LEAF_PEM
        );
        let f = load_bytes("x.pem", text.as_bytes(), &opts()).unwrap();
        assert!(f.has_private_key);
    }

    #[test]
    fn issuer_naming_and_signatures() {
        let f = load_bytes("chain.pem", chain_pem().as_bytes(), &opts()).unwrap();
        let (leaf, issuing, root) = (&f.certs[0], &f.certs[1], &f.certs[2]);
        assert!(names_issuer(&leaf.info, &issuing.info));
        assert!(!names_issuer(&leaf.info, &root.info));
        assert!(names_issuer(&issuing.info, &root.info));
        assert!(names_issuer(&root.info, &root.info));
        assert_eq!(verify_signature(leaf, issuing), Ok(()));
        assert_eq!(verify_signature(issuing, root), Ok(()));
        assert_eq!(verify_signature(root, root), Ok(()));
        assert_eq!(verify_signature(leaf, root), Err(VerifyError::BadSignature));
    }

    #[test]
    fn names_issuer_case_insensitive_fallback_and_key_ids() {
        let f = load_bytes("chain.pem", chain_pem().as_bytes(), &opts()).unwrap();
        let leaf = f.certs[0].info.clone();
        let mut issuing = f.certs[1].info.clone();
        issuing.subject_der = vec![0x30, 0x00];
        issuing.subject = issuing.subject.to_uppercase();
        assert!(names_issuer(&leaf, &issuing));
        issuing.ski = Some(vec![1, 2, 3]);
        assert!(!names_issuer(&leaf, &issuing));
        issuing.ski = None;
        assert!(names_issuer(&leaf, &issuing));
    }

    #[test]
    fn size_formatting() {
        assert_eq!(size(1 << 20), "1 MiB");
        assert_eq!(size(2048), "2 KiB");
        assert_eq!(size(1000), "1000 bytes");
    }
}
