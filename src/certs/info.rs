/*!
The fields of a certificate that the rules and the report look at, extracted
once at load time from x509-parser's view so nothing downstream re-parses.
*/

use super::t;

use std::fmt;

use time::OffsetDateTime;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{DistributionPointName, GeneralName, ParsedExtension};
use x509_parser::oid_registry::{
    OID_X509_EXT_CRL_DISTRIBUTION_POINTS, OID_X509_EXT_EXTENDED_KEY_USAGE,
    OID_X509_EXT_SUBJECT_ALT_NAME,
};
use x509_parser::public_key::PublicKey;
use x509_parser::x509::AttributeTypeAndValue;

use super::ber::{self, CLASS_UNIVERSAL, TAG_OID, TAG_SEQUENCE};

/// What the checks need to know about one certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    /// Subject DN as x509-parser displays it, e.g. `CN=pool01.contoso.local, O=Contoso`
    /// (RDNs in encoded order).
    pub subject: String,
    /// Raw DER of the subject Name, for exact comparison.
    pub subject_der: Vec<u8>,
    pub issuer: String,
    pub issuer_der: Vec<u8>,
    /// Serial number as encoded (including a leading 00 octet when present),
    /// lowercase hex without separators — as Windows shows it.
    pub serial_hex: String,
    /// First CN attribute of the subject.
    pub common_name: Option<String>,
    /// SAN dNSName entries in order; empty when there is no SAN.
    pub dns_names: Vec<String>,
    pub has_san: bool,
    /// `None` = no EKU extension. Names like `serverAuth`, or the dotted OID.
    pub eku: Option<Vec<String>>,
    /// `None` = no CRL distribution points extension. The URIs it lists.
    pub crl_distribution_points: Option<Vec<String>>,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    pub key: KeyInfo,
    pub signature_algorithm: SignatureAlgorithm,
    pub ski: Option<Vec<u8>>,
    pub aki: Option<Vec<u8>>,
    /// basicConstraints cA.
    pub is_ca: bool,
}

impl CertInfo {
    /// The DNS names the certificate presents to a TLS client: its SAN dNSNames, or
    /// its subject CN when it has no SAN extension (RFC 6125 §6.4.4). The one place
    /// that decides it; pairing, the name rules and `plan --check` all read this.
    pub fn presented_names(&self) -> Vec<&str> {
        if self.has_san {
            self.dns_names.iter().map(String::as_str).collect()
        } else {
            self.common_name.iter().map(String::as_str).collect()
        }
    }
}

/// Subject public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyInfo {
    pub algorithm: KeyAlgorithm,
    /// RSA: exact modulus bits; EC: curve size; `None` when unknown.
    pub bits: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyAlgorithm {
    Rsa,
    /// `curve` is a name (`P-256`, `P-384`, `P-521`, `secp256k1`) or the dotted OID.
    Ec {
        curve: String,
    },
    /// Any other algorithm, by dotted OID (Display gives a name when known).
    Other(String),
}

/// Digest of a signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hash {
    Md5,
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

/// Signature algorithm of the certificate (the outer `signatureAlgorithm`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureAlgorithm {
    RsaPkcs1 {
        hash: Hash,
    },
    RsaPss,
    Ecdsa {
        hash: Hash,
    },
    Ed25519,
    /// Dotted OID (Display gives a name when known).
    Other(String),
}

impl SignatureAlgorithm {
    /// Whether Lync accepts (and topocert can verify) a signature made with this
    /// algorithm: RSA PKCS#1 v1.5 or ECDSA with any hash but MD5. RSASSA-PSS,
    /// Ed25519 and unknown algorithms are not accepted.
    pub fn accepted_by_lync(&self) -> bool {
        match self {
            SignatureAlgorithm::RsaPkcs1 { hash } | SignatureAlgorithm::Ecdsa { hash } => {
                *hash != Hash::Md5
            }
            _ => false,
        }
    }

    /// The digest, when the algorithm identifier fixes it.
    pub fn hash(&self) -> Option<Hash> {
        match self {
            SignatureAlgorithm::RsaPkcs1 { hash } | SignatureAlgorithm::Ecdsa { hash } => {
                Some(*hash)
            }
            _ => None,
        }
    }

    fn from_oid(oid: &str) -> Self {
        use SignatureAlgorithm as S;
        match oid {
            "1.2.840.113549.1.1.4" => S::RsaPkcs1 { hash: Hash::Md5 },
            "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" => S::RsaPkcs1 { hash: Hash::Sha1 },
            "1.2.840.113549.1.1.11" => S::RsaPkcs1 { hash: Hash::Sha256 },
            "1.2.840.113549.1.1.12" => S::RsaPkcs1 { hash: Hash::Sha384 },
            "1.2.840.113549.1.1.13" => S::RsaPkcs1 { hash: Hash::Sha512 },
            "1.2.840.113549.1.1.10" => S::RsaPss,
            "1.2.840.10045.4.1" => S::Ecdsa { hash: Hash::Sha1 },
            "1.2.840.10045.4.3.2" => S::Ecdsa { hash: Hash::Sha256 },
            "1.2.840.10045.4.3.3" => S::Ecdsa { hash: Hash::Sha384 },
            "1.2.840.10045.4.3.4" => S::Ecdsa { hash: Hash::Sha512 },
            "1.3.101.112" => S::Ed25519,
            other => S::Other(other.to_owned()),
        }
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Hash::Md5 => "MD5",
            Hash::Sha1 => "SHA1",
            Hash::Sha256 => "SHA256",
            Hash::Sha384 => "SHA384",
            Hash::Sha512 => "SHA512",
        })
    }
}

impl fmt::Display for SignatureAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureAlgorithm::RsaPkcs1 { hash } => f.write_str(match hash {
                Hash::Md5 => "md5WithRSAEncryption",
                Hash::Sha1 => "sha1WithRSAEncryption",
                Hash::Sha256 => "sha256WithRSAEncryption",
                Hash::Sha384 => "sha384WithRSAEncryption",
                Hash::Sha512 => "sha512WithRSAEncryption",
            }),
            SignatureAlgorithm::RsaPss => f.write_str("RSASSA-PSS"),
            SignatureAlgorithm::Ecdsa { hash } => write!(f, "ecdsa-with-{hash}"),
            SignatureAlgorithm::Ed25519 => f.write_str("Ed25519"),
            SignatureAlgorithm::Other(oid) => f.write_str(match oid.as_str() {
                "1.2.840.113549.1.1.2" => "md2WithRSAEncryption",
                "1.2.840.113549.1.1.14" => "sha224WithRSAEncryption",
                "1.2.840.10045.4.3.1" => "ecdsa-with-SHA224",
                "1.2.840.10040.4.3" => "dsa-with-SHA1",
                "2.16.840.1.101.3.4.3.2" => "dsa-with-SHA256",
                "1.3.101.113" => "Ed448",
                other => other,
            }),
        }
    }
}

impl fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyAlgorithm::Rsa => f.write_str("RSA"),
            KeyAlgorithm::Ec { curve } => write!(f, "EC {curve}"),
            KeyAlgorithm::Other(oid) => f.write_str(key_algorithm_name(oid).unwrap_or(oid)),
        }
    }
}

impl fmt::Display for KeyInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.algorithm, self.bits) {
            (KeyAlgorithm::Rsa, Some(bits)) => f.write_str(&t!("errors-key-rsa", bits = bits)),
            (KeyAlgorithm::Ec { .. } | KeyAlgorithm::Other(_), Some(bits)) => f.write_str(&t!(
                "errors-key-with-bits",
                algorithm = self.algorithm.to_string(),
                bits = bits
            )),
            (algorithm, None) => write!(f, "{algorithm}"),
        }
    }
}

fn key_algorithm_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        "1.2.840.10040.4.1" => "DSA",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS",
        _ => return None,
    })
}

const OID_RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
const OID_EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";

/// Extract everything from a parsed certificate.
pub(crate) fn extract(x509: &X509Certificate<'_>) -> CertInfo {
    let tbs = &x509.tbs_certificate;
    let mut info = CertInfo {
        subject: dn_string(&tbs.subject),
        subject_der: tbs.subject.as_raw().to_vec(),
        issuer: dn_string(&tbs.issuer),
        issuer_der: tbs.issuer.as_raw().to_vec(),
        serial_hex: hex(tbs.raw_serial()),
        common_name: tbs
            .subject
            .iter_common_name()
            .next()
            .and_then(attribute_text),
        dns_names: Vec::new(),
        has_san: false,
        eku: None,
        crl_distribution_points: None,
        not_before: tbs.validity.not_before.to_datetime(),
        not_after: tbs.validity.not_after.to_datetime(),
        key: key_info(x509),
        signature_algorithm: SignatureAlgorithm::from_oid(
            &x509.signature_algorithm.algorithm.to_id_string(),
        ),
        ski: None,
        aki: None,
        is_ca: false,
    };
    for ext in tbs.extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                info.has_san = true;
                info.dns_names = san
                    .general_names
                    .iter()
                    .filter_map(|n| match n {
                        GeneralName::DNSName(d) => Some((*d).to_owned()),
                        _ => None,
                    })
                    .collect();
            }
            ParsedExtension::CRLDistributionPoints(cdp) => {
                let uris = cdp
                    .points
                    .iter()
                    .filter_map(|p| match &p.distribution_point {
                        Some(DistributionPointName::FullName(names)) => Some(names),
                        _ => None,
                    })
                    .flatten()
                    .filter_map(|n| match n {
                        GeneralName::URI(u) => Some((*u).to_owned()),
                        _ => None,
                    })
                    .collect();
                info.crl_distribution_points = Some(uris);
            }
            ParsedExtension::SubjectKeyIdentifier(id) => info.ski = Some(id.0.to_vec()),
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                info.aki = aki.key_identifier.as_ref().map(|id| id.0.to_vec());
            }
            ParsedExtension::BasicConstraints(bc) => info.is_ca = bc.ca,
            _ => {}
        }
        // EKU read from the raw value to keep the encoded order (x509-parser
        // folds it into flags), and present even when it does not parse, so
        // a broken EKU fails closed ("present without serverAuth").
        if ext.oid == OID_X509_EXT_EXTENDED_KEY_USAGE {
            info.eku = Some(eku_names(ext.value));
        } else if ext.oid == OID_X509_EXT_CRL_DISTRIBUTION_POINTS {
            info.crl_distribution_points.get_or_insert_with(Vec::new);
        } else if ext.oid == OID_X509_EXT_SUBJECT_ALT_NAME {
            info.has_san = true;
        }
    }
    info
}

/// EKU purposes: SEQUENCE OF OBJECT IDENTIFIER.
fn eku_names(value: &[u8]) -> Vec<String> {
    let Ok((seq, _)) = ber::read_tlv(value, 0) else {
        return Vec::new();
    };
    if !seq.header.is(CLASS_UNIVERSAL, TAG_SEQUENCE) {
        return Vec::new();
    }
    ber::children(seq.content, 1)
        .map_while(Result::ok)
        .filter(|t| t.header.is(CLASS_UNIVERSAL, TAG_OID))
        .filter_map(|t| ber::oid_to_string(t.content))
        .map(|oid| eku_name(&oid).map_or(oid, str::to_owned))
        .collect()
}

fn eku_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.3.6.1.5.5.7.3.1" => "serverAuth",
        "1.3.6.1.5.5.7.3.2" => "clientAuth",
        "1.3.6.1.5.5.7.3.3" => "codeSigning",
        "1.3.6.1.5.5.7.3.4" => "emailProtection",
        "1.3.6.1.5.5.7.3.8" => "timeStamping",
        "1.3.6.1.5.5.7.3.9" => "OCSPSigning",
        "2.5.29.37.0" => "anyExtendedKeyUsage",
        _ => return None,
    })
}

fn key_info(x509: &X509Certificate<'_>) -> KeyInfo {
    let spki = x509.public_key();
    let oid = spki.algorithm.algorithm.to_id_string();
    match oid.as_str() {
        OID_RSA_ENCRYPTION => {
            let bits = match spki.parsed() {
                Ok(PublicKey::RSA(rsa)) => modulus_bits(rsa.modulus),
                _ => None,
            };
            KeyInfo {
                algorithm: KeyAlgorithm::Rsa,
                bits,
            }
        }
        OID_EC_PUBLIC_KEY => {
            let curve_oid = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| o.to_id_string());
            let (curve, bits) = match curve_oid.as_deref() {
                Some("1.2.840.10045.3.1.7") => ("P-256".to_owned(), Some(256)),
                Some("1.3.132.0.34") => ("P-384".to_owned(), Some(384)),
                Some("1.3.132.0.35") => ("P-521".to_owned(), Some(521)),
                Some("1.3.132.0.10") => ("secp256k1".to_owned(), Some(256)),
                Some(other) => (other.to_owned(), ec_point_bits(x509)),
                None => (t!("errors-ec-explicit-parameters"), ec_point_bits(x509)),
            };
            KeyInfo {
                algorithm: KeyAlgorithm::Ec { curve },
                bits,
            }
        }
        _ => {
            let bits = match oid.as_str() {
                "1.3.101.112" => Some(256),
                "1.3.101.113" => Some(456),
                _ => None,
            };
            KeyInfo {
                algorithm: KeyAlgorithm::Other(oid),
                bits,
            }
        }
    }
}

fn ec_point_bits(x509: &X509Certificate<'_>) -> Option<u32> {
    match x509.public_key().parsed() {
        Ok(PublicKey::EC(point)) => u32::try_from(point.key_size()).ok().filter(|&b| b > 0),
        _ => None,
    }
}

/// Exact bit length of a big-endian unsigned integer.
pub(crate) fn modulus_bits(modulus: &[u8]) -> Option<u32> {
    let start = modulus.iter().position(|&b| b != 0)?;
    let significant = modulus.get(start..)?;
    let first = significant.first()?;
    let len = u32::try_from(significant.len()).ok()?;
    Some((len - 1) * 8 + (8 - first.leading_zeros()))
}

/// Text of a directory string attribute: UTF8String, PrintableString,
/// IA5String, TeletexString (Latin-1) and BMPString (Windows uses it).
/// A distinguished name as Windows and RFC 4514 write it: most specific first
/// (`CN=Contoso Issuing CA, DC=contoso, DC=local`), values escaped.
fn dn_string(name: &x509_parser::x509::X509Name<'_>) -> String {
    let registry = x509_parser::objects::oid_registry();
    let mut rdns: Vec<String> = Vec::new();
    for rdn in name.iter_rdn() {
        let attrs: Vec<String> = rdn
            .iter()
            .map(|a| {
                let key = x509_parser::objects::oid2abbrev(a.attr_type(), registry)
                    .map(str::to_string)
                    .unwrap_or_else(|_| a.attr_type().to_id_string());
                let value = attribute_text(a)
                    .map(|v| escape_dn_value(&v))
                    .unwrap_or_else(|| format!("#{}", hex(a.attr_value().data)));
                format!("{key}={value}")
            })
            .collect();
        rdns.push(attrs.join(" + "));
    }
    rdns.reverse();
    rdns.join(", ")
}

/// RFC 4514 escaping of an attribute value.
fn escape_dn_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let last = v.chars().count().saturating_sub(1);
    for (i, c) in v.chars().enumerate() {
        let edge = (i == 0 && (c == ' ' || c == '#')) || (i == last && c == ' ');
        if edge || matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn attribute_text(attr: &AttributeTypeAndValue<'_>) -> Option<String> {
    if let Ok(s) = attr.as_str() {
        return Some(s.to_owned());
    }
    let any = attr.attr_value();
    let data = any.data;
    match any.tag().0 {
        // BMPString: UTF-16BE.
        30 => {
            let units = data
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c.first().copied()?, c.get(1).copied()?]).into())
                .collect::<Option<Vec<u16>>>()?;
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        // TeletexString / T61String: treat as Latin-1, as most tools do.
        20 => Some(data.iter().map(|&b| char::from(b)).collect()),
        // UniversalString: UTF-32BE.
        28 => data
            .chunks_exact(4)
            .map(|c| {
                let b: [u8; 4] = c.try_into().ok()?;
                char::from_u32(u32::from_be_bytes(b))
            })
            .collect(),
        _ => std::str::from_utf8(data).ok().map(str::to_owned),
    }
}

/// Lowercase hex, no separators.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.extend(char::from_digit(u32::from(b >> 4), 16));
        out.extend(char::from_digit(u32::from(b & 0x0f), 16));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certs::testdata;

    fn parse(pem: &str) -> CertInfo {
        let der = crate::certs::pem::decode_body(
            crate::certs::pem::blocks(pem.as_bytes()).unwrap()[0].body,
        )
        .unwrap();
        let (_, x509) = x509_parser::parse_x509_certificate(&der).unwrap();
        extract(&x509)
    }

    #[test]
    fn leaf_fields() {
        let info = parse(testdata::LEAF_PEM);
        assert_eq!(info.subject, "CN=pool01.contoso.local");
        assert_eq!(
            info.issuer,
            "CN=Test Internal Issuing CA, DC=contoso, DC=local"
        );
        assert_eq!(info.common_name.as_deref(), Some("pool01.contoso.local"));
        assert!(info.has_san);
        assert_eq!(
            info.dns_names,
            ["pool01.contoso.local", "fe01.contoso.local"]
        );
        assert_eq!(
            info.eku.as_deref(),
            Some(&["serverAuth".to_owned(), "clientAuth".to_owned()][..])
        );
        assert_eq!(
            info.crl_distribution_points.as_deref(),
            Some(&["http://pki.contoso.local/crl/issuing.crl".to_owned()][..])
        );
        assert_eq!(info.key.algorithm, KeyAlgorithm::Rsa);
        assert_eq!(info.key.bits, Some(2048));
        assert_eq!(
            info.signature_algorithm,
            SignatureAlgorithm::RsaPkcs1 { hash: Hash::Sha256 }
        );
        assert_eq!(
            info.signature_algorithm.to_string(),
            "sha256WithRSAEncryption"
        );
        assert!(info.ski.is_some());
        assert!(info.aki.is_some());
        assert!(!info.is_ca);
        assert_eq!(info.not_before.year(), 2025);
        assert_eq!(info.not_after.year(), 2125);
        assert_eq!(info.serial_hex.len(), 16);
        assert!(
            info.serial_hex
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
    }

    #[test]
    fn ca_fields() {
        let info = parse(testdata::ISSUING_PEM);
        assert!(info.is_ca);
        assert_eq!(info.eku, None);
        assert!(!info.has_san);
        assert!(info.dns_names.is_empty());
        assert_eq!(
            info.common_name.as_deref(),
            Some("Test Internal Issuing CA")
        );
    }

    #[test]
    fn ecdsa_key() {
        let info = parse(testdata::ECDSA_PEM);
        assert_eq!(
            info.key.algorithm,
            KeyAlgorithm::Ec {
                curve: "P-256".to_owned()
            }
        );
        assert_eq!(info.key.bits, Some(256));
        assert_eq!(info.key.to_string(), "EC P-256 (256 bits)");
    }

    #[test]
    fn modulus_bit_counts() {
        assert_eq!(modulus_bits(&[0x00, 0x80, 0x00]), Some(16));
        assert_eq!(modulus_bits(&[0x01, 0xff]), Some(9));
        assert_eq!(modulus_bits(&[0x00, 0x00]), None);
        assert_eq!(modulus_bits(&[]), None);
    }

    #[test]
    fn eku_order_and_unknown_oids() {
        // SEQUENCE { clientAuth, serverAuth, 1.2.3 }
        let value = [
            0x30, 0x18, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02, 0x06, 0x08,
            0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01, 0x06, 0x02, 0x2a, 0x03,
        ];
        assert_eq!(eku_names(&value), ["clientAuth", "serverAuth", "1.2.3"]);
        assert!(eku_names(&[0x04, 0x00]).is_empty());
    }

    #[test]
    fn signature_algorithm_names() {
        assert_eq!(
            SignatureAlgorithm::from_oid("1.2.840.113549.1.1.10").to_string(),
            "RSASSA-PSS"
        );
        assert_eq!(
            SignatureAlgorithm::from_oid("1.2.840.10045.4.3.3").to_string(),
            "ecdsa-with-SHA384"
        );
        assert_eq!(
            SignatureAlgorithm::from_oid("1.2.840.113549.1.1.14").to_string(),
            "sha224WithRSAEncryption"
        );
        assert_eq!(SignatureAlgorithm::from_oid("1.2.3").to_string(), "1.2.3");
        assert_eq!(
            SignatureAlgorithm::from_oid("1.2.840.113549.1.1.5").hash(),
            Some(Hash::Sha1)
        );
    }

    #[test]
    fn dn_values_are_escaped() {
        assert_eq!(escape_dn_value("Contoso, Inc."), "Contoso\\, Inc.");
        assert_eq!(escape_dn_value(" a+b "), "\\ a\\+b\\ ");
        assert_eq!(escape_dn_value("#1"), "\\#1");
    }

    #[test]
    fn hex_is_lowercase() {
        assert_eq!(hex(&[0x00, 0xab, 0x1f]), "00ab1f");
    }
}
