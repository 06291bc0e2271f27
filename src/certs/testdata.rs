//! Small certificate set for the unit tests (see `testdata/README.md`).

/// Leaf for pool01.contoso.local (SAN pool01 + fe01), RSA 2048, sha256, CDP.
pub(crate) const LEAF_PEM: &str = include_str!("testdata/leaf.pem");
/// "Test Internal Issuing CA", issued by ROOT_PEM.
pub(crate) const ISSUING_PEM: &str = include_str!("testdata/issuing.pem");
/// "Test Root CA", self-signed.
pub(crate) const ROOT_PEM: &str = include_str!("testdata/root.pem");
/// Same names as LEAF_PEM with an EC P-256 key.
pub(crate) const ECDSA_PEM: &str = include_str!("testdata/ecdsa.pem");
/// LEAF_PEM + key + issuing + root, OpenSSL 3 AES defaults, password "topocert".
pub(crate) const LEAF_AES_PFX: &[u8] = include_bytes!("testdata/leaf-aes.pfx");
