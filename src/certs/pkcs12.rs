/*!
PKCS#12 / PFX (`.pfx`, `.p12`) through `p12-keystore`, which reads OpenSSL 3
AES/PBKDF2 files and the legacy 3DES/RC2 ones.

The outer `PFX ::= SEQUENCE { version INTEGER, authSafe ContentInfo, macData
MacData OPTIONAL }` is first walked here, so that a damaged file is reported as
damaged and only a MAC or decryption failure is reported as a password problem.
*/

use std::panic::{AssertUnwindSafe, catch_unwind};

use p12_keystore::Pkcs12Archive;
use p12_keystore::error::Error as P12Error;

use super::ber::{self, BerError, CLASS_UNIVERSAL, TAG_INTEGER, TAG_SEQUENCE};

/// The certificates of a PFX, in bag order.
#[derive(Debug)]
pub(crate) struct Pfx {
    pub certs: Vec<Vec<u8>>,
    /// Index of the certificate whose local key id matches a private key bag,
    /// or 0 when none can be matched.
    pub leaf: usize,
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
}

impl std::fmt::Display for Pkcs12Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pkcs12Error::Password => f.write_str("wrong password"),
            Pkcs12Error::Ber(e) => e.fmt(f),
            Pkcs12Error::IndefiniteLength => f.write_str(
                "it is BER-encoded with indefinite lengths, which is not supported (re-export it, e.g. with openssl pkcs12)",
            ),
            Pkcs12Error::Malformed(reason) => f.write_str(reason),
            Pkcs12Error::NoCertificates => f.write_str("it contains no certificate"),
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
        .ok_or(Pkcs12Error::Malformed("PFX is empty".to_owned()))?
        .map_err(Pkcs12Error::Ber)?;
    if !version.header.is(CLASS_UNIVERSAL, TAG_INTEGER) {
        return Err(Pkcs12Error::Malformed("PFX has no version".to_owned()));
    }
    if version.content != [3] {
        return Err(Pkcs12Error::Malformed(
            "PFX version is not 3 (PKCS#12 v1)".to_owned(),
        ));
    }
    let auth_safe = items
        .next()
        .ok_or(Pkcs12Error::Malformed("PFX has no authSafe".to_owned()))?
        .map_err(Pkcs12Error::Ber)?;
    if !auth_safe.header.is(CLASS_UNIVERSAL, TAG_SEQUENCE) {
        return Err(Pkcs12Error::Malformed(
            "PFX authSafe is not a ContentInfo".to_owned(),
        ));
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
pub(crate) fn load(data: &[u8], password: Option<&str>) -> Result<Pfx, Pkcs12Error> {
    let has_mac = outer(data)?;
    let mut candidates: Vec<&str> = Vec::with_capacity(2);
    if let Some(p) = password {
        candidates.push(p);
    }
    if password != Some("") {
        candidates.push("");
    }
    let mut first_error = None;
    for pw in candidates {
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
                first_error.get_or_insert(Pkcs12Error::Malformed(
                    "the PKCS#12 decoder failed on this file".to_owned(),
                ));
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
    let text = match e {
        P12Error::UnsupportedEncryptionScheme => "unsupported encryption scheme".to_owned(),
        P12Error::UnsupportedMacAlgorithm => "unsupported MAC algorithm".to_owned(),
        P12Error::InvalidParameters => "invalid or excessive encryption parameters".to_owned(),
        P12Error::X509Error(_) => "a certificate bag holds an invalid certificate".to_owned(),
        other => other.to_string(),
    };
    lowercase_first(&text)
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
    let leaf = archive
        .certs
        .iter()
        .position(|c| {
            c.local_key_id
                .as_deref()
                .is_some_and(|id| key_ids.contains(&id))
        })
        .unwrap_or(0);
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

    #[test]
    fn outer_shape_errors_are_not_password_errors() {
        // SEQUENCE { INTEGER 3 } — no authSafe.
        assert!(matches!(
            load(&[0x30, 0x03, 0x02, 0x01, 0x03], None),
            Err(Pkcs12Error::Malformed(_))
        ));
        // Wrong version.
        assert!(matches!(
            load(&[0x30, 0x05, 0x02, 0x01, 0x02, 0x30, 0x00], None),
            Err(Pkcs12Error::Malformed(_))
        ));
        // Truncated.
        assert!(matches!(
            load(&[0x30, 0x20, 0x02, 0x01, 0x03], None),
            Err(Pkcs12Error::Ber(BerError::Truncated { .. }))
        ));
        // Indefinite outer length.
        assert_eq!(
            load(&[0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x00, 0, 0], None).unwrap_err(),
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
