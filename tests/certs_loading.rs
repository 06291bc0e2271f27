//! Certificate loading stage against the fixtures in `tests/data/certs/`
//! (made by `tests/data/certs/make-certs.sh`).

use std::path::{Path, PathBuf};

use topocert::certs::{
    self, CertFormat, Certificate, Collected, Field, Hash, KeyAlgorithm, LoadError, LoadOptions,
    LoadedFile, SignatureAlgorithm, VerifyError, collect, load_bytes, load_file, names_issuer,
    summary, verify_signature,
};

const PFX_PASSWORD: &str = "topocert";

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/certs")
        .join(rel)
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(data(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn with_password(p: &str) -> LoadOptions {
    LoadOptions {
        pfx_password: Some(p.to_owned()),
        ..LoadOptions::default()
    }
}

fn load(rel: &str) -> LoadedFile {
    load_file(&data(rel), &with_password(PFX_PASSWORD)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn leaf(rel: &str) -> Certificate {
    let f = load(rel);
    f.certs[f.leaf].clone()
}

fn load_err(rel: &str, opts: &LoadOptions) -> LoadError {
    match load_file(&data(rel), opts) {
        Ok(f) => panic!("{rel} loaded {} certificates", f.certs.len()),
        Err(e) => e,
    }
}

/// Every container of the good leaf yields the same leaf certificate, bit for bit.
#[test]
fn every_format_loads_the_same_leaf() {
    let good_der = read("formats/good.cer");
    let cases = [
        ("formats/good.pem", CertFormat::Pem, 1, false),
        ("formats/chain.pem", CertFormat::Pem, 3, false),
        ("formats/crlf-bom.pem", CertFormat::Pem, 1, false),
        ("formats/good.cer", CertFormat::Der, 1, false),
        ("formats/chain-der.p7b", CertFormat::Pkcs7, 3, false),
        ("formats/chain-pem.p7b", CertFormat::Pkcs7, 3, false),
        ("formats/good-aes.pfx", CertFormat::Pkcs12, 3, true),
        ("formats/good-3des.pfx", CertFormat::Pkcs12, 3, true),
        ("rules/good.pem", CertFormat::Pem, 1, false),
    ];
    let reference = leaf("rules/good.pem");
    for (rel, format, count, key) in cases {
        let f = load(rel);
        assert_eq!(f.format, format, "{rel}");
        assert_eq!(f.certs.len(), count, "{rel}");
        assert_eq!(f.has_private_key, key, "{rel}");
        let leaf = f.leaf_cert().unwrap();
        assert_eq!(&*leaf.der, &good_der[..], "{rel}");
        assert_eq!(leaf.info, reference.info, "{rel}");
        assert_eq!(leaf.info.serial_hex, reference.info.serial_hex, "{rel}");
    }
}

/// The format is sniffed from the content, not the file name.
#[test]
fn format_is_sniffed_not_taken_from_the_name() {
    let opts = with_password(PFX_PASSWORD);
    for (rel, format) in [
        ("formats/good.cer", CertFormat::Der),
        ("formats/good.pem", CertFormat::Pem),
        ("formats/chain-der.p7b", CertFormat::Pkcs7),
        ("formats/good-aes.pfx", CertFormat::Pkcs12),
    ] {
        let f = load_bytes("misleading.txt", &read(rel), &opts).unwrap();
        assert_eq!(f.format, format, "{rel}");
    }
}

/// A PFX with an empty password loads with no password given, and with a wrong one.
#[test]
fn nopass_pfx_needs_no_password() {
    let good_der = read("formats/good.cer");
    for opts in [LoadOptions::default(), with_password("not-this-one")] {
        let f = load_file(&data("formats/nopass.pfx"), &opts).unwrap();
        assert_eq!(f.format, CertFormat::Pkcs12);
        assert!(f.has_private_key);
        assert_eq!(&*f.certs[f.leaf].der, &good_der[..]);
    }
}

/// Wrong or missing PFX passwords give the password error, whatever the encryption.
#[test]
fn wrong_or_missing_pfx_password() {
    for rel in ["formats/good-aes.pfx", "formats/good-3des.pfx"] {
        for opts in [
            LoadOptions::default(),
            with_password("wrong"),
            with_password(""),
        ] {
            let e = load_err(rel, &opts);
            assert!(matches!(e, LoadError::Pkcs12Password), "{rel}: {e}");
            assert_eq!(
                e.to_string(),
                "PKCS#12 password is wrong or missing (set it in the environment variable named by --pfx-password-env)"
            );
        }
    }
}

/// In a chain the leaf is the certificate that issues none of the others,
/// wherever it is in the file.
#[test]
fn leaf_selection_in_chains() {
    let chain = load("formats/chain.pem");
    assert_eq!(chain.leaf, 0);
    assert_eq!(
        chain.certs[0].info.common_name.as_deref(),
        Some("pool01.contoso.local")
    );

    // issuing + root: the issuing CA is the end of this chain.
    let ca_chain = load("ca/chain.pem");
    assert_eq!(ca_chain.certs.len(), 2);
    assert_eq!(ca_chain.leaf, 0);
    assert_eq!(
        ca_chain.certs[0].info.common_name.as_deref(),
        Some("Test Internal Issuing CA")
    );

    // Root first, leaf last.
    let mut reversed = Vec::new();
    for rel in ["ca/root.pem", "ca/issuing.pem", "rules/good.pem"] {
        reversed.extend(read(rel));
    }
    let f = load_bytes("reversed.pem", &reversed, &LoadOptions::default()).unwrap();
    assert_eq!(f.leaf, 2);

    // A lone self-signed root is its own leaf.
    let root = load("ca/root.pem");
    assert_eq!((root.certs.len(), root.leaf), (1, 0));
    assert!(root.certs[0].info.is_ca);

    // In the PFX the leaf is the certificate matching the key.
    let pfx = load("formats/good-aes.pfx");
    assert_eq!(
        pfx.certs[pfx.leaf].info.common_name.as_deref(),
        Some("pool01.contoso.local")
    );
}

/// Broken inputs give a clear error and never a panic.
#[test]
fn broken_inputs_give_clear_errors() {
    let opts = LoadOptions::default();

    let e = load_err("formats/garbage.cer", &opts);
    assert!(matches!(e, LoadError::NotACertificate), "{e:?}");
    assert_eq!(
        e.to_string(),
        "not a certificate: no PEM block, DER certificate, PKCS#7 or PKCS#12 structure found"
    );

    let e = load_err("formats/truncated.cer", &opts);
    assert!(matches!(e, LoadError::Der { .. }), "{e:?}");
    assert!(
        e.to_string()
            .starts_with("DER certificate is not valid: truncated"),
        "{e}"
    );

    let e = load_err("formats/empty.pem", &opts);
    assert!(matches!(e, LoadError::Empty), "{e:?}");
    assert_eq!(e.to_string(), "file is empty");

    let e = load_err("formats/not-a-cert.pem", &opts);
    assert!(matches!(e, LoadError::PemBlock { index: 1, .. }), "{e:?}");
    assert!(
        e.to_string()
            .starts_with("PEM block 1 is not a valid certificate: "),
        "{e}"
    );

    let e = load_err("formats/dir-named.cer", &opts);
    assert!(matches!(e, LoadError::IsDirectory), "{e:?}");
    assert_eq!(e.to_string(), "is a directory");

    let e = load_err("formats/does-not-exist.cer", &opts);
    assert!(matches!(e, LoadError::NotFound), "{e:?}");
    assert_eq!(e.to_string(), "does not exist");
}

/// Every error message is lowercase-first (acronyms aside) and has no final period.
#[test]
fn error_messages_follow_the_convention() {
    let opts = LoadOptions::default();
    let mut messages: Vec<String> = [
        "formats/garbage.cer",
        "formats/truncated.cer",
        "formats/empty.pem",
        "formats/not-a-cert.pem",
        "formats/dir-named.cer",
        "formats/good-aes.pfx",
    ]
    .iter()
    .map(|rel| load_err(rel, &opts).to_string())
    .collect();
    messages.push(LoadError::TooLarge { limit: 1 << 20 }.to_string());
    for m in messages {
        assert!(!m.ends_with('.'), "{m}");
        let first_word = m.split(' ').next().unwrap_or_default();
        assert!(
            m.starts_with(|c: char| c.is_lowercase())
                || first_word.chars().all(|c| !c.is_lowercase()),
            "{m}"
        );
    }
}

/// Files over the size limit are refused; the limit is in the message.
#[test]
fn size_limit() {
    let opts = LoadOptions {
        max_file_size: 1000,
        ..LoadOptions::default()
    };
    let e = load_err("formats/chain.pem", &opts);
    assert!(matches!(e, LoadError::TooLarge { limit: 1000 }), "{e:?}");
    assert_eq!(e.to_string(), "file is larger than the 1000 bytes limit");
    assert_eq!(
        LoadError::TooLarge { limit: 1 << 20 }.to_string(),
        "file is larger than the 1 MiB limit"
    );
    assert_eq!(LoadOptions::default().max_file_size, 1 << 20);
    // Exactly at the limit is fine.
    let size = std::fs::metadata(data("formats/good.cer")).unwrap().len();
    let opts = LoadOptions {
        max_file_size: size,
        ..LoadOptions::default()
    };
    assert!(load_file(&data("formats/good.cer"), &opts).is_ok());
}

/// The extracted fields of the rule fixtures.
#[test]
fn extracted_fields() {
    let good = leaf("rules/good.pem").info;
    assert_eq!(good.subject, "CN=pool01.contoso.local");
    assert_eq!(
        good.issuer,
        "CN=Test Internal Issuing CA, O=Topocert Test PKI, C=US"
    );
    assert_eq!(good.common_name.as_deref(), Some("pool01.contoso.local"));
    assert!(good.has_san);
    assert_eq!(
        good.dns_names,
        [
            "fe01.contoso.local",
            "pool01.contoso.local",
            "lyncdiscoverinternal.contoso.local",
            "lyncdiscover.contoso.local"
        ]
    );
    assert_eq!(
        good.eku,
        Some(vec!["serverAuth".to_owned(), "clientAuth".to_owned()])
    );
    assert_eq!(
        good.crl_distribution_points,
        Some(vec![
            "http://pki.contoso.local/crl/test-internal-issuing-ca.crl".to_owned()
        ])
    );
    assert_eq!(good.key.algorithm, KeyAlgorithm::Rsa);
    assert_eq!(good.key.bits, Some(2048));
    assert_eq!(
        good.signature_algorithm,
        SignatureAlgorithm::RsaPkcs1 { hash: Hash::Sha256 }
    );
    assert_eq!(
        good.signature_algorithm.to_string(),
        "sha256WithRSAEncryption"
    );
    assert_eq!(good.not_before.unix_timestamp(), 1_735_689_600); // 2025-01-01T00:00:00Z
    assert_eq!(good.not_after.year(), 2125);
    assert!(!good.is_ca);
    assert!(good.ski.is_some());
    let issuing = leaf("ca/issuing.pem").info;
    assert_eq!(good.aki, issuing.ski);
    assert!(issuing.is_ca);
    assert_eq!(issuing.eku, None);
    assert_eq!(good.issuer_der, issuing.subject_der);
    // pki_serial: "4" + 15 hex digits, lowercase, no separators.
    assert_eq!(good.serial_hex.len(), 16);
    assert!(good.serial_hex.starts_with('4'));
    assert!(
        good.serial_hex
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    );

    let no_eku = leaf("rules/no-eku.pem").info;
    assert_eq!(no_eku.eku, None);
    let no_server_auth = leaf("rules/no-server-auth.pem").info;
    assert_eq!(no_server_auth.eku, Some(vec!["clientAuth".to_owned()]));
    assert_eq!(leaf("rules/no-cdp.pem").info.crl_distribution_points, None);

    let weak = leaf("rules/weak-1024.pem").info;
    assert_eq!(
        (weak.key.algorithm, weak.key.bits),
        (KeyAlgorithm::Rsa, Some(1024))
    );
    assert_eq!(leaf("rules/weak-512.pem").info.key.bits, Some(512));
    assert_eq!(leaf("rules/weak-ca/issuing.pem").info.key.bits, Some(1024));

    let pss = leaf("rules/rsa-pss.pem").info;
    assert_eq!(pss.signature_algorithm, SignatureAlgorithm::RsaPss);
    assert_eq!(pss.signature_algorithm.to_string(), "RSASSA-PSS");
    let sha1 = leaf("rules/sha1.pem").info;
    assert_eq!(
        sha1.signature_algorithm,
        SignatureAlgorithm::RsaPkcs1 { hash: Hash::Sha1 }
    );
    assert_eq!(sha1.signature_algorithm.hash(), Some(Hash::Sha1));
    assert_eq!(
        sha1.signature_algorithm.to_string(),
        "sha1WithRSAEncryption"
    );

    let ecdsa = leaf("rules/ecdsa.pem").info;
    assert_eq!(
        ecdsa.key.algorithm,
        KeyAlgorithm::Ec {
            curve: "P-256".to_owned()
        }
    );
    assert_eq!(ecdsa.key.bits, Some(256));
    // Signed by the RSA issuing CA.
    assert_eq!(
        ecdsa.signature_algorithm,
        SignatureAlgorithm::RsaPkcs1 { hash: Hash::Sha256 }
    );

    let cn_only = leaf("rules/cn-only.pem").info;
    assert!(!cn_only.has_san);
    assert!(cn_only.dns_names.is_empty());
    assert_eq!(cn_only.common_name.as_deref(), Some("fe01.contoso.local"));

    let server_only = leaf("rules/server-only-san.pem").info;
    assert_eq!(server_only.dns_names, ["fe01.contoso.local"]);
    let wildcard = leaf("rules/wildcard.pem").info;
    assert_eq!(wildcard.dns_names, ["*.contoso.local"]);
    assert_eq!(wildcard.common_name.as_deref(), Some("*.contoso.local"));
    assert_eq!(
        leaf("rules/wrong-san.pem").info.dns_names,
        ["fe99.contoso.local"]
    );

    let expired = leaf("rules/expired.pem").info;
    assert_eq!(expired.not_after.year(), 2024);
    let not_yet = leaf("rules/not-yet-valid.pem").info;
    assert_eq!(not_yet.not_before.year(), 2027);
    let soon = leaf("rules/expires-soon.pem").info;
    assert_eq!(
        (soon.not_after.year(), u8::from(soon.not_after.month())),
        (2026, 6)
    );

    let external = leaf("ca/external.pem").info;
    assert!(external.is_ca);
    assert_eq!(external.subject, external.issuer);
}

/// Issuer naming and signature checks between the fixtures.
#[test]
fn issuer_names_and_signatures() {
    let root = leaf("ca/root.pem");
    let issuing = leaf("ca/issuing.pem");
    let external = leaf("ca/external.pem");
    let good = leaf("rules/good.pem");

    assert!(names_issuer(&good.info, &issuing.info));
    assert_eq!(verify_signature(&good, &issuing), Ok(()));
    assert!(names_issuer(&issuing.info, &root.info));
    assert_eq!(verify_signature(&issuing, &root), Ok(()));
    assert!(names_issuer(&root.info, &root.info));
    assert_eq!(verify_signature(&root, &root), Ok(()));
    assert!(!names_issuer(&good.info, &root.info));

    // Issued by another CA entirely.
    let ext_leaf = leaf("rules/external-ca.pem");
    assert!(!names_issuer(&ext_leaf.info, &issuing.info));
    assert!(names_issuer(&ext_leaf.info, &external.info));
    assert_eq!(verify_signature(&ext_leaf, &external), Ok(()));
    assert_eq!(
        verify_signature(&ext_leaf, &issuing),
        Err(VerifyError::BadSignature)
    );

    // Same issuer DN and key identifier as the real issuing CA, another key: the
    // names and key ids match, only the signature catches it.
    let forged = leaf("rules/forged-issuer.pem");
    assert_eq!(forged.info.issuer_der, issuing.info.subject_der);
    assert_eq!(forged.info.issuer, issuing.info.subject);
    assert_eq!(forged.info.aki, issuing.info.ski);
    assert!(names_issuer(&forged.info, &issuing.info));
    assert_eq!(
        verify_signature(&forged, &issuing),
        Err(VerifyError::BadSignature)
    );

    // Other signature shapes that ring verifies.
    for rel in [
        "rules/rsa-pss.pem",
        "rules/sha1.pem",
        "rules/ecdsa.pem",
        "rules/weak-1024.pem",
    ] {
        let c = leaf(rel);
        assert!(names_issuer(&c.info, &issuing.info), "{rel}");
        assert_eq!(verify_signature(&c, &issuing), Ok(()), "{rel}");
    }

    // An RSA-1024 issuing CA: ring cannot verify its SHA-256 signatures; that
    // is said as such, not as a bad signature.
    let weak_issuing = leaf("rules/weak-ca/issuing.pem");
    let weak_leaf = leaf("rules/weak-ca/leaf.pem");
    assert!(names_issuer(&weak_leaf.info, &weak_issuing.info));
    assert!(names_issuer(&weak_issuing.info, &root.info));
    assert_eq!(verify_signature(&weak_issuing, &root), Ok(()));
    let e = verify_signature(&weak_leaf, &weak_issuing).unwrap_err();
    assert_eq!(
        e,
        VerifyError::IssuerKeyTooSmall {
            bits: 1024,
            algorithm: "sha256WithRSAEncryption".to_owned()
        }
    );
    assert_eq!(
        e.to_string(),
        "the issuer's 1024-bit RSA key is too small to verify a sha256WithRSAEncryption signature"
    );

    // An EC key cannot verify an RSA signature.
    let ecdsa = leaf("rules/ecdsa.pem");
    assert!(matches!(
        verify_signature(&good, &ecdsa),
        Err(VerifyError::KeyAlgorithmMismatch { .. })
    ));
}

/// The readable summary has one field per line and spans on the values.
#[test]
fn summary_spans() {
    let good = leaf("rules/good.pem");
    let s = summary(&good);
    let value = |f: Field| &s.text[s.span_of(f).unwrap()];
    assert_eq!(value(Field::Subject), "CN=pool01.contoso.local");
    assert_eq!(
        value(Field::Issuer),
        "CN=Test Internal Issuing CA, O=Topocert Test PKI, C=US"
    );
    assert_eq!(value(Field::Serial), good.info.serial_hex);
    assert_eq!(
        value(Field::San),
        "DNS:fe01.contoso.local, DNS:pool01.contoso.local, DNS:lyncdiscoverinternal.contoso.local, DNS:lyncdiscover.contoso.local"
    );
    assert_eq!(value(Field::Eku), "serverAuth, clientAuth");
    assert_eq!(
        value(Field::Cdp),
        "http://pki.contoso.local/crl/test-internal-issuing-ca.crl"
    );
    assert_eq!(value(Field::NotBefore), "2025-01-01T00:00:00Z");
    assert_eq!(value(Field::NotAfter), "2125-01-01T00:00:00Z");
    assert_eq!(value(Field::Key), "RSA 2048 bits");
    assert_eq!(value(Field::SignatureAlgorithm), "sha256WithRSAEncryption");
    assert!(
        s.text
            .contains("\nSignature Algorithm: sha256WithRSAEncryption\n")
    );
    assert_eq!(s.text.lines().count(), 12);

    let no_eku = summary(&leaf("rules/no-eku.pem"));
    assert_eq!(&no_eku.text[no_eku.span_of(Field::Eku).unwrap()], "(none)");
    let no_cdp = summary(&leaf("rules/no-cdp.pem"));
    assert_eq!(&no_cdp.text[no_cdp.span_of(Field::Cdp).unwrap()], "(none)");
    let cn_only = summary(&leaf("rules/cn-only.pem"));
    assert_eq!(
        &cn_only.text[cn_only.span_of(Field::San).unwrap()],
        "(none)"
    );
    let pss = summary(&leaf("rules/rsa-pss.pem"));
    assert_eq!(
        &pss.text[pss.span_of(Field::SignatureAlgorithm).unwrap()],
        "RSASSA-PSS"
    );
}

/// A scratch directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "topocert-certs-{tag}-{}-{n}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn file(&self, rel: &str, content: &[u8]) -> PathBuf {
        let p = self.0.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, content).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn describe(items: &[Collected], base: &Path) -> Vec<String> {
    items
        .iter()
        .map(|c| match c {
            Collected::File(p) => format!("file {}", p.strip_prefix(base).unwrap_or(p).display()),
            Collected::Problem { path, reason } => format!(
                "problem {}: {reason}",
                path.strip_prefix(base).unwrap_or(path).display()
            ),
        })
        .collect()
}

/// The fixture directory: sorted, only certificate extensions, the directory
/// named like a certificate is a problem.
#[test]
fn collect_fixture_directory() {
    let base = data("formats");
    let got = describe(&collect(std::slice::from_ref(&base)), &base);
    assert_eq!(
        got,
        [
            "file chain-der.p7b",
            "file chain-pem.p7b",
            "file chain.pem",
            "file crlf-bom.pem",
            "problem dir-named.cer: is a directory",
            "file empty.pem",
            "file garbage.cer",
            "file good-3des.pfx",
            "file good-aes.pfx",
            "file good.cer",
            "file good.pem",
            "file nopass.pfx",
            "file not-a-cert.pem",
            "file truncated.cer",
        ]
    );
}

/// Recursion, byte-wise order, case-insensitive extensions, files given
/// directly whatever their name, duplicates once, missing paths.
#[test]
fn collect_order_recursion_and_duplicates() {
    let t = TempDir::new("order");
    let b = &t.0;
    t.file("b.cer", b"x");
    t.file("A.PEM", b"x");
    t.file("a.crt", b"x");
    t.file("notes.txt", b"x");
    t.file("sub/z.p7b", b"x");
    t.file("sub/deeper/y.PFX", b"x");
    t.file("sub/readme", b"x");
    t.file("Zed.p12", b"x");
    t.file("c.der", b"x");
    t.file("d.cert", b"x");
    t.file("e.p7c", b"x");
    let other = t.file("other.txt", b"x");

    let got = describe(
        &collect(&[
            b.clone(),
            other.clone(),
            b.join("b.cer"),
            b.join("sub"),
            b.join("missing.cer"),
        ]),
        b,
    );
    assert_eq!(
        got,
        [
            "file A.PEM",
            "file Zed.p12",
            "file a.crt",
            "file b.cer",
            "file c.der",
            "file d.cert",
            "file e.p7c",
            "file sub/deeper/y.PFX",
            "file sub/z.p7b",
            "file other.txt",
            "problem missing.cer: does not exist",
        ]
    );
    // Deterministic.
    assert_eq!(
        collect(std::slice::from_ref(b)),
        collect(std::slice::from_ref(b))
    );
}

/// Symbolic links: broken ones and loops are problems; a link to a file is a file.
#[cfg(unix)]
#[test]
fn collect_symlinks() {
    use std::os::unix::fs::symlink;
    let t = TempDir::new("links");
    let b = &t.0;
    t.file("d/real.pem", b"x");
    symlink(b.join("nowhere.pem"), b.join("d/broken.pem")).unwrap();
    symlink(b.join("d"), b.join("d/loop")).unwrap();
    symlink(b.join("d/self"), b.join("d/self")).unwrap();
    symlink(b.join("d/real.pem"), b.join("d/alias.cer")).unwrap();
    std::fs::create_dir_all(b.join("d/x.pfx")).unwrap();

    let got = describe(&collect(&[b.join("d")]), b);
    assert_eq!(
        got,
        [
            "file d/alias.cer",
            "problem d/broken.pem: broken symbolic link",
            "problem d/loop: symbolic link loop",
            // d/real.pem is the file d/alias.cer already listed.
            "problem d/self: symbolic link loop",
            "problem d/x.pfx: is a directory",
        ]
    );

    // A broken link given directly, and load_file on it.
    let got = describe(&collect(&[b.join("d/broken.pem")]), b);
    assert_eq!(got, ["problem d/broken.pem: broken symbolic link"]);
    let e = load_file(&b.join("d/broken.pem"), &LoadOptions::default()).unwrap_err();
    assert!(matches!(e, LoadError::BrokenSymlink), "{e:?}");
    assert_eq!(e.to_string(), "broken symbolic link");

    // A loop through a parent directory.
    t.file("p/q/c.cer", b"x");
    symlink(b.join("p"), b.join("p/q/up")).unwrap();
    let got = describe(&collect(&[b.join("p")]), b);
    assert_eq!(
        got,
        ["file p/q/c.cer", "problem p/q/up: symbolic link loop"]
    );
}

/// Every prefix of the DER and PKCS#7 fixtures, and a stride of the PFX, is an
/// error and never a panic; byte flips never panic either.
#[test]
fn truncations_and_flips_never_panic() {
    let opts = with_password(PFX_PASSWORD);
    for (rel, stride) in [
        ("formats/good.cer", 1),
        ("formats/chain-der.p7b", 1),
        ("formats/good-aes.pfx", 37),
        ("formats/good-3des.pfx", 53),
        ("formats/chain.pem", 7),
    ] {
        let bytes = read(rel);
        assert!(load_bytes(rel, &bytes, &opts).is_ok(), "{rel}");
        for n in (0..bytes.len()).step_by(stride) {
            let prefix = bytes.get(..n).unwrap();
            let r = load_bytes(rel, prefix, &opts);
            // A PEM prefix ending after a complete block still loads.
            if !rel.ends_with(".pem") {
                assert!(r.is_err(), "{rel}: prefix of {n} bytes loaded");
            }
        }
        for i in (0..bytes.len()).step_by(stride.max(3)) {
            let mut flipped = bytes.clone();
            if let Some(b) = flipped.get_mut(i) {
                *b ^= 0xa5;
            }
            let _ = load_bytes(rel, &flipped, &opts);
        }
    }
}

/// `certs::CERT_EXTENSIONS` is the documented list.
#[test]
fn documented_extensions() {
    assert_eq!(
        certs::CERT_EXTENSIONS,
        [
            "cer", "crt", "pem", "der", "cert", "p7b", "p7c", "pfx", "p12"
        ]
    );
}

/// A symbolic link inside a `--certs` folder that leads out of it (`certs/root ->
/// /`) is reported and not followed, unless `--follow-external-links`; a link to
/// another named folder is followed; `/proc`, `/sys` and `/dev` are never walked.
#[cfg(unix)]
#[test]
fn links_out_of_the_certs_folders_are_not_followed() {
    use std::os::unix::fs::symlink;
    let t = TempDir::new("links-out");
    let b = &t.0;
    t.file("certs/a.cer", b"x");
    t.file("outside/secret.pem", b"x");
    t.file("outside/more.cer", b"x");
    t.file("other/b.cer", b"x");
    symlink("/", b.join("certs/root")).unwrap();
    symlink(b.join("outside"), b.join("certs/out")).unwrap();
    symlink(b.join("outside/secret.pem"), b.join("certs/key.pem")).unwrap();
    symlink(b.join("other"), b.join("certs/other")).unwrap();
    symlink("/proc", b.join("certs/proc")).unwrap();
    let certs = b.join("certs");
    let start = std::time::Instant::now();
    let got = describe(&collect(&[certs.clone(), b.join("other")]), b);
    assert!(start.elapsed().as_secs() < 5, "walked outside");
    let outside = b.join("outside").canonicalize().unwrap();
    assert_eq!(
        got,
        [
            "file certs/a.cer".to_string(),
            format!(
                "problem certs/key.pem: symbolic link to {}, outside the --certs folders: not followed (--follow-external-links follows it)",
                outside.join("secret.pem").display()
            ),
            "file certs/other/b.cer".to_string(),
            format!(
                "problem certs/out: symbolic link to {}, outside the --certs folders: not followed (--follow-external-links follows it)",
                outside.display()
            ),
            "problem certs/proc: symbolic link to /proc, outside the --certs folders: not followed (--follow-external-links follows it)".to_string(),
            "problem certs/root: symbolic link to /, outside the --certs folders: not followed (--follow-external-links follows it)".to_string(),
        ]
    );
    // Followed when asked, except the system directories.
    std::fs::remove_file(b.join("certs/root")).unwrap();
    let got = describe(&topocert::certs::collect_following(&[certs], true), b);
    assert!(
        got.contains(&"file certs/out/more.cer".to_string()),
        "{got:?}"
    );
    assert!(got.contains(&"file certs/key.pem".to_string()), "{got:?}");
    assert!(
        got.contains(
            &"problem certs/proc: /proc is a system directory, never searched for certificates"
                .to_string()
        ),
        "{got:?}"
    );
    let got = describe(&collect(&[PathBuf::from("/sys")]), b);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].ends_with("never searched for certificates"),
        "{got:?}"
    );
}
