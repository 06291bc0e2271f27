/*!
PKCS#12 / PFX (`.pfx`, `.p12`) through `p12-keystore`, which reads OpenSSL 3
AES/PBKDF2 files and the legacy 3DES/RC2 ones.

The outer `PFX ::= SEQUENCE { version INTEGER, authSafe ContentInfo, macData
MacData OPTIONAL }` is first walked here, so that a damaged file is reported as
damaged and only a MAC or decryption failure is reported as a password problem.
*/

use super::t;

use std::panic::{AssertUnwindSafe, catch_unwind};

use p12_keystore::Pkcs12Archive;
use p12_keystore::error::Error as P12Error;

use super::ber::{self, BerError, CLASS_UNIVERSAL, TAG_INTEGER, TAG_SEQUENCE};

/// The certificates of a PFX, in bag order.
#[derive(Debug)]
pub(crate) struct Pfx {
    pub certs: Vec<Vec<u8>>,
    /// Index of the certificate whose local key id matches a private key bag;
    /// `None` when none can be matched (the loader then picks the end entity
    /// as for every other container, never simply the first bag).
    pub leaf: Option<usize>,
    pub has_private_key: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Pkcs12Error {
    /// The MAC did not verify or the bags did not decrypt, with every password tried.
    Password,
    /// The outer structure is damaged.
    Ber(BerError),
    /// The file is BER with indefinite lengths, which the decoder refuses.
    IndefiniteLength,
    /// The decoder rejected the file for another reason.
    Malformed(String),
    NoCertificates,
    /// A key derivation or MAC asks for more iterations than [`MAX_ITERATIONS`].
    TooManyIterations(u64),
    /// No password was given and trying the empty one would cost more than
    /// [`EMPTY_PASSWORD_BUDGET`] iterations.
    NeedsPassword(u64),
    /// The run's total key-derivation budget ([`TOTAL_KDF_BUDGET`]) is spent.
    BudgetSpent,
}

/// Most key-derivation iterations spent on PKCS#12 files in one run, all files
/// together: 20,000,000 take a few seconds (200 files of 1,000,000 iterations
/// each took 55 s before this budget).
pub const TOTAL_KDF_BUDGET: u64 = 20_000_000;

/// Most iterations spent guessing the empty password of a file (when no password
/// was given, or the given one failed). Windows and OpenSSL exports without a
/// password cost a few thousand to a few tens of thousands.
pub const EMPTY_PASSWORD_BUDGET: u64 = 200_000;

/// The key-derivation iterations a run has spent, shared by the parallel loads.
#[derive(Debug, Clone, Default)]
pub struct KdfBudget(std::sync::Arc<std::sync::atomic::AtomicU64>);

impl PartialEq for KdfBudget {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for KdfBudget {}

impl KdfBudget {
    /// Reserve `cost` iterations; false when that would pass [`TOTAL_KDF_BUDGET`].
    fn spend(&self, cost: u64) -> bool {
        use std::sync::atomic::Ordering;
        let mut spent = self.0.load(Ordering::Relaxed);
        loop {
            let next = spent.saturating_add(cost);
            if next > TOTAL_KDF_BUDGET {
                return false;
            }
            match self
                .0
                .compare_exchange_weak(spent, next, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return true,
                Err(now) => spent = now,
            }
        }
    }
}

/// Most PBKDF / PKCS#12 KDF iterations accepted. Windows writes 2,000 to 10,000 and
/// OpenSSL 2,048; a file asking for millions would hold the check for seconds per
/// password tried, so it is refused before any derivation runs.
pub(crate) const MAX_ITERATIONS: u64 = 1_000_000;

const TAG_OCTET_STRING: u32 = 4;

/// The largest iteration count anywhere in the PFX: every SEQUENCE in which an
/// OCTET STRING (a salt) is directly followed by an INTEGER (MacData, PKCS#12 PBE
/// parameters, PBKDF2 parameters), looking inside OCTET STRINGs that hold DER.
#[cfg(test)]
fn max_iterations(data: &[u8], depth: usize) -> u64 {
    iterations(data, depth).0
}

/// The largest iteration count and the sum of all of them (the cost of trying one
/// password: every salted derivation runs once).
fn iterations(data: &[u8], depth: usize) -> (u64, u64) {
    if depth > ber::MAX_DEPTH {
        return (0, 0);
    }
    let mut max = 0;
    let mut sum = 0u64;
    for tlv in ber::children(data, 0).map_while(Result::ok) {
        let h = &tlv.header;
        if h.constructed {
            if h.is(CLASS_UNIVERSAL, TAG_SEQUENCE) {
                let kids: Vec<_> = ber::children(tlv.content, 0)
                    .map_while(Result::ok)
                    .collect();
                for pair in kids.windows(2) {
                    if let [salt, count] = pair
                        && salt.header.is(CLASS_UNIVERSAL, TAG_OCTET_STRING)
                        && count.header.is(CLASS_UNIVERSAL, TAG_INTEGER)
                    {
                        let n = integer(count.content);
                        max = max.max(n);
                        sum = sum.saturating_add(n);
                    }
                }
            }
            let (m, s) = iterations(tlv.content, depth + 1);
            max = max.max(m);
            sum = sum.saturating_add(s);
        } else if h.is(CLASS_UNIVERSAL, TAG_OCTET_STRING)
            && ber::read_header(tlv.content).is_ok_and(|inner| inner.constructed)
        {
            let (m, s) = iterations(tlv.content, depth + 1);
            max = max.max(m);
            sum = sum.saturating_add(s);
        }
    }
    (max, sum)
}

/// A non-negative DER INTEGER, saturating at `u64::MAX`.
fn integer(bytes: &[u8]) -> u64 {
    let digits: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
    if digits.len() > 8 || bytes.first().is_some_and(|b| b & 0x80 != 0) {
        return if bytes.first().is_some_and(|b| b & 0x80 != 0) {
            0
        } else {
            u64::MAX
        };
    }
    digits
        .iter()
        .fold(0u64, |acc, b| (acc << 8) | u64::from(*b))
}

impl std::fmt::Display for Pkcs12Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pkcs12Error::Password => f.write_str(&t!("errors-pkcs12-wrong-password")),
            Pkcs12Error::Ber(e) => e.fmt(f),
            Pkcs12Error::IndefiniteLength => f.write_str(&t!("errors-pkcs12-indefinite")),
            Pkcs12Error::Malformed(reason) => f.write_str(reason),
            Pkcs12Error::NoCertificates => f.write_str(&t!("errors-pkcs-no-certificates")),
            Pkcs12Error::TooManyIterations(n) => f.write_str(&t!(
                "errors-pkcs12-too-many-iterations",
                n = *n,
                max = MAX_ITERATIONS
            )),
            Pkcs12Error::NeedsPassword(n) => f.write_str(&t!(
                "errors-pkcs12-needs-password",
                n = *n,
                budget = EMPTY_PASSWORD_BUDGET
            )),
            Pkcs12Error::BudgetSpent => {
                f.write_str(&t!("errors-pkcs12-budget-spent", budget = TOTAL_KDF_BUDGET))
            }
        }
    }
}

/// Whether the first element inside `data`'s outer SEQUENCE is an INTEGER, as
/// in a PFX (certificates start with a SEQUENCE, ContentInfo with an OID).
pub(crate) fn is_pfx(data: &[u8]) -> bool {
    ber::read_header(data)
        .ok()
        .and_then(|h| data.get(h.header_len..))
        .and_then(|inner| ber::read_header(inner).ok())
        .is_some_and(|h| h.is(CLASS_UNIVERSAL, TAG_INTEGER))
}

/// Shape of the outer PFX: whether it carries a MAC.
fn outer(data: &[u8]) -> Result<bool, Pkcs12Error> {
    let (pfx, _trailing) = ber::read_tlv(data, 0).map_err(Pkcs12Error::Ber)?;
    if pfx.header.length.is_none() {
        return Err(Pkcs12Error::IndefiniteLength);
    }
    let mut items = ber::children(pfx.content, 1);
    let version = items
        .next()
        .ok_or(Pkcs12Error::Malformed(t!("errors-pkcs12-pfx-empty")))?
        .map_err(Pkcs12Error::Ber)?;
    if !version.header.is(CLASS_UNIVERSAL, TAG_INTEGER) {
        return Err(Pkcs12Error::Malformed(t!("errors-pkcs12-no-version")));
    }
    if version.content != [3] {
        return Err(Pkcs12Error::Malformed(t!("errors-pkcs12-version")));
    }
    let auth_safe = items
        .next()
        .ok_or(Pkcs12Error::Malformed(t!("errors-pkcs12-no-auth-safe")))?
        .map_err(Pkcs12Error::Ber)?;
    if !auth_safe.header.is(CLASS_UNIVERSAL, TAG_SEQUENCE) {
        return Err(Pkcs12Error::Malformed(t!(
            "errors-pkcs12-auth-safe-not-content-info"
        )));
    }
    if auth_safe.header.length.is_none() || contains_indefinite(auth_safe.content, 2) {
        return Err(Pkcs12Error::IndefiniteLength);
    }
    match items.next() {
        None => Ok(false),
        Some(mac) => {
            let mac = mac.map_err(Pkcs12Error::Ber)?;
            Ok(mac.header.is(CLASS_UNIVERSAL, TAG_SEQUENCE))
        }
    }
}

/// Whether any constructed value directly in `content` (one level) uses an
/// indefinite length; enough to recognise BER writers, which use it everywhere.
fn contains_indefinite(content: &[u8], depth: usize) -> bool {
    ber::children(content, depth).any(|c| c.is_ok_and(|t| t.header.length.is_none()))
}

/// Decode `data` with `password`, or with the empty password when none is
/// given (and after the given one fails, since such files are common).
pub(crate) fn load(
    data: &[u8],
    password: Option<&str>,
    budget: &KdfBudget,
) -> Result<Pfx, Pkcs12Error> {
    let has_mac = outer(data)?;
    let (iterations, cost) = iterations(data, 0);
    if iterations > MAX_ITERATIONS {
        return Err(Pkcs12Error::TooManyIterations(iterations));
    }
    let mut candidates: Vec<&str> = Vec::with_capacity(2);
    if let Some(p) = password {
        candidates.push(p);
    }
    // The empty password is a guess: only when it is cheap.
    if password != Some("") {
        if cost <= EMPTY_PASSWORD_BUDGET {
            candidates.push("");
        } else if password.is_none() {
            return Err(Pkcs12Error::NeedsPassword(cost));
        }
    }
    let mut first_error = None;
    for pw in candidates {
        if !budget.spend(cost) {
            return Err(first_error.unwrap_or(Pkcs12Error::BudgetSpent));
        }
        // p12-keystore is third-party code decrypting hostile input; a panic
        // in it must become a finding, not a crash.
        let result = catch_unwind(AssertUnwindSafe(|| Pkcs12Archive::from_pkcs12(data, pw)));
        match result {
            Ok(Ok(archive)) => return from_archive(archive),
            Ok(Err(e)) if is_password_error(&e, has_mac) => {}
            Ok(Err(e)) => {
                first_error.get_or_insert(Pkcs12Error::Malformed(describe(&e)));
            }
            Err(_) => {
                first_error
                    .get_or_insert(Pkcs12Error::Malformed(t!("errors-pkcs12-decoder-failed")));
            }
        }
    }
    Err(first_error.unwrap_or(Pkcs12Error::Password))
}

/// With a MAC, only a MAC mismatch means a wrong password (everything after it
/// was authenticated). Without one, a wrong password shows up as a padding or
/// decoding failure of the decrypted bags.
fn is_password_error(e: &P12Error, has_mac: bool) -> bool {
    match e {
        P12Error::MacError(_) => true,
        P12Error::UnpadError
        | P12Error::Pkcs5Error(_)
        | P12Error::DerError(_)
        | P12Error::InvalidPrivateKey
        | P12Error::X509Error(_) => !has_mac,
        _ => false,
    }
}

fn describe(e: &P12Error) -> String {
    match e {
        P12Error::UnsupportedEncryptionScheme => t!("errors-pkcs12-unsupported-encryption"),
        P12Error::UnsupportedMacAlgorithm => t!("errors-pkcs12-unsupported-mac"),
        P12Error::InvalidParameters => t!("errors-pkcs12-invalid-parameters"),
        P12Error::X509Error(_) => t!("errors-pkcs12-invalid-certificate-bag"),
        // The decoder's own text (English).
        other => lowercase_first(&other.to_string()),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn from_archive(archive: Pkcs12Archive) -> Result<Pfx, Pkcs12Error> {
    if archive.certs.is_empty() {
        return Err(Pkcs12Error::NoCertificates);
    }
    let key_ids: Vec<&[u8]> = archive
        .keys
        .iter()
        .filter_map(|k| k.local_key_id.as_ref().map(|id| id.0.as_slice()))
        .collect();
    let leaf = archive.certs.iter().position(|c| {
        c.local_key_id
            .as_deref()
            .is_some_and(|id| key_ids.contains(&id))
    });
    Ok(Pfx {
        has_private_key: !archive.keys.is_empty(),
        leaf,
        certs: archive
            .certs
            .into_iter()
            .map(|c| c.cert.as_der().to_vec())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_free(data: &[u8], password: Option<&str>) -> Result<Pfx, Pkcs12Error> {
        load(data, password, &KdfBudget::default())
    }

    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let n = content.len();
        if n < 128 {
            out.push(n as u8);
        } else {
            out.extend([0x82, (n >> 8) as u8, n as u8]);
        }
        out.extend_from_slice(content);
        out
    }

    /// A PFX shell whose MacData asks for `iterations` (big-endian bytes).
    fn pfx_with_mac_iterations(iterations: &[u8]) -> Vec<u8> {
        let data_oid = [
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
        ];
        let safe = tlv(0x04, &tlv(0x30, &[]));
        let auth_safe = tlv(0x30, &[data_oid.as_slice(), &tlv(0xa0, &safe)].concat());
        let digest = tlv(
            0x30,
            &[tlv(0x30, &[0x05, 0x00]), tlv(0x04, &[0; 20])].concat(),
        );
        let mac = tlv(
            0x30,
            &[digest, tlv(0x04, &[1; 8]), tlv(0x02, iterations)].concat(),
        );
        tlv(0x30, &[vec![0x02, 0x01, 0x03], auth_safe, mac].concat())
    }

    #[test]
    fn huge_iteration_counts_are_refused_before_any_derivation() {
        let start = std::time::Instant::now();
        let err = load_free(
            &pfx_with_mac_iterations(&[0x3b, 0x9a, 0xca, 0x00]),
            Some("x"),
        )
        .unwrap_err();
        assert!(
            matches!(err, Pkcs12Error::TooManyIterations(1_000_000_000)),
            "{err}"
        );
        assert!(err.to_string().contains("1000000000 iterations"), "{err}");
        // Refused without running a billion-round KDF.
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        // Nine bytes cannot fit: saturates, still refused.
        let err =
            load_free(&pfx_with_mac_iterations(&[1, 0, 0, 0, 0, 0, 0, 0, 0]), None).unwrap_err();
        assert!(
            matches!(err, Pkcs12Error::TooManyIterations(u64::MAX)),
            "{err}"
        );
    }

    #[test]
    fn ordinary_iteration_counts_are_read() {
        assert_eq!(
            max_iterations(&pfx_with_mac_iterations(&[0x08, 0x00]), 0),
            2048
        );
        // The fixtures' key and certificate bags (PBKDF2 2048) sit inside OCTET STRINGs.
        let aes = std::fs::read("tests/data/certs/formats/good-aes.pfx").unwrap();
        assert_eq!(max_iterations(&aes, 0), 2048);
    }

    #[test]
    fn outer_shape_errors_are_not_password_errors() {
        // SEQUENCE { INTEGER 3 } — no authSafe.
        assert!(matches!(
            load_free(&[0x30, 0x03, 0x02, 0x01, 0x03], None),
            Err(Pkcs12Error::Malformed(_))
        ));
        // Wrong version.
        assert!(matches!(
            load_free(&[0x30, 0x05, 0x02, 0x01, 0x02, 0x30, 0x00], None),
            Err(Pkcs12Error::Malformed(_))
        ));
        // Truncated.
        assert!(matches!(
            load_free(&[0x30, 0x20, 0x02, 0x01, 0x03], None),
            Err(Pkcs12Error::Ber(BerError::Truncated { .. }))
        ));
        // Indefinite outer length.
        assert_eq!(
            load_free(&[0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x00, 0, 0], None).unwrap_err(),
            Pkcs12Error::IndefiniteLength
        );
    }

    #[test]
    fn sniffing() {
        assert!(is_pfx(&[0x30, 0x03, 0x02, 0x01, 0x03]));
        assert!(!is_pfx(&[0x30, 0x03, 0x30, 0x01, 0x03]));
        assert!(!is_pfx(&[]));
    }

    #[test]
    fn mac_error_is_a_password_error_only_with_a_mac() {
        let e = P12Error::UnpadError;
        assert!(is_password_error(&e, false));
        assert!(!is_password_error(&e, true));
        assert!(!is_password_error(&P12Error::InvalidVersion, false));
    }
}
