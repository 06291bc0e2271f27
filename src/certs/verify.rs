/*!
Signature verification: does a CA certificate's key verify a certificate's
signature, and could a CA certificate have issued a certificate by name and key id.
Kept apart from loading: loading reads files, this only compares what was loaded.
*/

use super::t;

use x509_parser::prelude::X509Error;

use super::{CertInfo, Certificate, Hash, KeyAlgorithm, SignatureAlgorithm, x509_reason};

/// Why a signature check failed.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// The signature is mathematically wrong for the issuer's key: forged,
    /// tampered with, or signed by another key with the same issuer name.
    #[error("{}", t!("errors-verify-bad-signature"))]
    BadSignature,
    /// The verifier (ring) has no implementation for this algorithm or curve.
    #[error("{}", t!("errors-verify-unsupported-algorithm", algorithm = .algorithm.as_str()))]
    UnsupportedAlgorithm { algorithm: String },
    /// ring refuses RSA keys below 2048 bits for SHA-2 and PSS signatures, so the
    /// signature can be neither confirmed nor refuted.
    #[error("{}", t!("errors-verify-key-too-small", bits = *.bits, algorithm = .algorithm.as_str()))]
    IssuerKeyTooSmall { bits: u32, algorithm: String },
    /// ring verifies RSA keys up to 8192 bits only.
    #[error("{}", t!("errors-verify-key-too-large", bits = *.bits))]
    IssuerKeyTooLarge { bits: u32 },
    #[error("{}", t!("errors-verify-key-mismatch", issuer_key = .issuer_key.as_str(), algorithm = .algorithm.as_str()))]
    KeyAlgorithmMismatch {
        issuer_key: String,
        algorithm: String,
    },
    /// `which`: `subject` (the certificate checked) or `issuer`.
    #[error("{}", t!("errors-verify-parse", which = *.which, reason = .reason.as_str()))]
    Parse { which: &'static str, reason: String },
}

/// True when `issuer` could have issued `cert`: issuer DN equals subject DN (raw
/// DER, falling back to a case-insensitive string compare), and AKI equals SKI
/// when both are present. Says nothing about the signature.
pub fn names_issuer(cert: &CertInfo, issuer: &CertInfo) -> bool {
    let names_match = cert.issuer_der == issuer.subject_der
        || (!cert.issuer.is_empty() && caseless_eq(&cert.issuer, &issuer.subject));
    let keys_match = match (&cert.aki, &issuer.ski) {
        (Some(aki), Some(ski)) => aki == ski,
        _ => true,
    };
    names_match && keys_match
}

fn caseless_eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

/// Check `cert`'s signature with `issuer`'s public key (x509-parser with ring).
///
/// Key size and algorithm are checked first so that what ring cannot verify is
/// not reported as a bad signature.
pub fn verify_signature(cert: &Certificate, issuer: &Certificate) -> Result<(), VerifyError> {
    let algorithm = &cert.info.signature_algorithm;
    let issuer_key = &issuer.info.key;
    let key_fits = match algorithm {
        SignatureAlgorithm::RsaPkcs1 { .. } => issuer_key.algorithm == KeyAlgorithm::Rsa,
        SignatureAlgorithm::RsaPss => match &issuer_key.algorithm {
            KeyAlgorithm::Rsa => true,
            KeyAlgorithm::Other(oid) => oid == "1.2.840.113549.1.1.10",
            KeyAlgorithm::Ec { .. } => false,
        },
        SignatureAlgorithm::Ecdsa { .. } => matches!(issuer_key.algorithm, KeyAlgorithm::Ec { .. }),
        SignatureAlgorithm::Ed25519 => {
            matches!(&issuer_key.algorithm, KeyAlgorithm::Other(oid) if oid == "1.3.101.112")
        }
        SignatureAlgorithm::Other(_) => true,
    };
    if !key_fits {
        return Err(VerifyError::KeyAlgorithmMismatch {
            issuer_key: issuer_key.algorithm.to_string(),
            algorithm: algorithm.to_string(),
        });
    }
    // What ring implements (see x509-parser's verify.rs).
    let supported = match algorithm {
        SignatureAlgorithm::RsaPkcs1 { hash } => {
            matches!(
                hash,
                Hash::Sha1 | Hash::Sha256 | Hash::Sha384 | Hash::Sha512
            )
        }
        SignatureAlgorithm::RsaPss | SignatureAlgorithm::Ed25519 => true,
        SignatureAlgorithm::Ecdsa { hash } => {
            matches!(hash, Hash::Sha256 | Hash::Sha384)
                && matches!(&issuer_key.algorithm, KeyAlgorithm::Ec { curve } if curve == "P-256" || curve == "P-384")
        }
        SignatureAlgorithm::Other(_) => false,
    };
    if !supported {
        return Err(VerifyError::UnsupportedAlgorithm {
            algorithm: algorithm.to_string(),
        });
    }
    let sha1_rsa = matches!(algorithm, SignatureAlgorithm::RsaPkcs1 { hash: Hash::Sha1 });
    if let (KeyAlgorithm::Rsa, Some(bits)) = (&issuer_key.algorithm, issuer_key.bits) {
        let minimum = if sha1_rsa { 1024 } else { 2048 };
        if bits < minimum {
            return Err(VerifyError::IssuerKeyTooSmall {
                bits,
                algorithm: algorithm.to_string(),
            });
        }
        if bits > 8192 {
            return Err(VerifyError::IssuerKeyTooLarge { bits });
        }
    }
    if let Some(alg) = cert.ring_algorithm(issuer_key) {
        let p = &cert.parts;
        let (Some(tbs), Some(sig), Some(key)) = (
            cert.der.get(p.tbs.clone()),
            cert.der.get(p.signature.clone()),
            issuer.der.get(issuer.parts.public_key.clone()),
        ) else {
            return Err(VerifyError::BadSignature);
        };
        return ring::signature::UnparsedPublicKey::new(alg, key)
            .verify(tbs, sig)
            .map_err(|_| VerifyError::BadSignature);
    }
    let (_, subject) =
        x509_parser::parse_x509_certificate(&cert.der).map_err(|e| VerifyError::Parse {
            which: "subject",
            reason: x509_reason(&e),
        })?;
    let (_, signer) =
        x509_parser::parse_x509_certificate(&issuer.der).map_err(|e| VerifyError::Parse {
            which: "issuer",
            reason: x509_reason(&e),
        })?;
    match subject.verify_signature(Some(signer.public_key())) {
        Ok(()) => Ok(()),
        Err(X509Error::SignatureUnsupportedAlgorithm) => Err(VerifyError::UnsupportedAlgorithm {
            algorithm: algorithm.to_string(),
        }),
        Err(_) => Err(VerifyError::BadSignature),
    }
}
