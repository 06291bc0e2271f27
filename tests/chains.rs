//! Chain verdicts on test PKIs shaped like enterprise ones (made by
//! tests/data/certs/make-certs.sh), through the binary, in JSON and human output:
//! the exact codes of each run and its exit status are the verdicts a Windows chain
//! engine gives for the same certificates.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use topocert::rules::Code;

const POOL01: &str = "tests/data/check/pool01.xml";
const D: &str = "tests/data/certs";

/// One run: `--certs` and `--ca` paths under tests/data/certs.
struct Case {
    name: &'static str,
    topology: &'static str,
    certs: &'static [&'static str],
    ca: &'static [&'static str],
    codes: &'static [&'static str],
    exit: i32,
}

fn command(case: &Case, format: &str) -> Command {
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.args(["check", case.topology, "--valid-at", "2026-06-01"])
        .args(["--format", format, "--color", "never"])
        .env("TOPOCERT_TEST_PFX", "topocert")
        .args(["--pfx-password-env", "TOPOCERT_TEST_PFX"]);
    for p in case.certs {
        c.arg("--certs").arg(format!("{D}/{p}"));
    }
    for p in case.ca {
        c.arg("--ca").arg(format!("{D}/{p}"));
    }
    c
}

/// The JSON report of `case`, checked against its codes, exit status and schema.
fn json(case: &Case) -> Value {
    let out = common::run_cmd(command(case, "json"));
    assert_eq!(out.code, case.exit, "{}: exit\n{}", case.name, out.stdout);
    let doc = common::parse_json(&out.stdout);
    common::assert_valid(&common::schema("report.schema.json"), &doc, case.name);
    let codes: BTreeSet<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    let want: BTreeSet<&str> = case.codes.iter().copied().collect();
    assert_eq!(codes, want, "{}: codes\n{}", case.name, out.stdout);
    doc
}

/// The human output of `case`: the same codes as headings, the same exit status.
fn human(case: &Case) -> String {
    let out = common::run_cmd(command(case, "human"));
    assert_eq!(out.code, case.exit, "{}: exit\n{}", case.name, out.stdout);
    let all: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let shown: BTreeSet<&str> = out
        .stdout
        .lines()
        .map(str::trim)
        .filter(|l| all.contains(l))
        .collect();
    let want: BTreeSet<&str> = case.codes.iter().copied().collect();
    assert_eq!(shown, want, "{}: codes\n{}", case.name, out.stdout);
    out.stdout
}

/// Both outputs; the human one shows the chains whenever the JSON has one.
fn both(case: &Case) -> (Value, String) {
    let doc = json(case);
    let text = human(case);
    let chained = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| !s["chain"].as_array().unwrap().is_empty());
    assert_eq!(
        text.contains("Chains (server certificate first):"),
        chained,
        "{}: chain shown\n{text}",
        case.name
    );
    (doc, text)
}

/// The finding of `code` for `server`.
fn finding<'a>(doc: &'a Value, code: &str, server: &str) -> &'a Value {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code && f["server"] == server)
        .unwrap_or_else(|| panic!("no {code} for {server}: {doc:#}"))
}

/// The chain of `server` as (subject CN, origin, anchor).
fn chain(doc: &Value, server: &str) -> Vec<(String, String, bool)> {
    let s = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["fqdn"] == server)
        .unwrap_or_else(|| panic!("no server {server}"));
    s["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let subject = l["subject"].as_str().unwrap();
            let cn = subject
                .split(", ")
                .next()
                .unwrap()
                .trim_start_matches("CN=")
                .to_string();
            (
                cn,
                l["origin"].as_str().unwrap().to_string(),
                l["anchor"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn link(cn: &str, origin: &str, anchor: bool) -> (String, String, bool) {
    (cn.to_string(), origin.to_string(), anchor)
}

const ROOT: &str = "ca/root.pem";
const OLD: &str = "pki/renewed-ca/issuing-old.pem";
const NEW: &str = "pki/renewed-ca/issuing-new.pem";
const LEAF_ONLY: &str = "pki/renewed-ca/leaf-only";
const FE02_GOOD: &str = "pki/fe02-good.pem";

/// Every case of this file, for the self-contradiction check.
const CASES: &[Case] = &[
    RENEWED_ROOT_ONLY,
    RENEWED_OLD_ONLY,
    RENEWED_BOTH_ISSUING,
    RENEWED_ALL,
    RENEWED_NO_CA,
    RENEWED_BUNDLED_ROOT,
    RENEWED_BUNDLED_OLD,
    RROOT_NO_CROSS,
    RROOT_WITH_CROSS,
    RROOT_OLD_GIVEN,
    FOREIGN_CROSS,
    FOREIGN_NO_CROSS,
    SIBLING_ROOT,
    SIBLING_ISSUING,
    AKI_ABSENT_BOTH,
    AKI_ABSENT_OLD,
    FORGED_ROOT,
    PFX_ROOT_FIRST,
    INFERRED_FROM_DIRECTOR_AND_MEDIATION,
    INFERRED_DIRECTOR_MEDIATION_ONLY,
    MIXED_2015_2019,
];

// Renewed issuing CA: fe01's certificate names the old key, fe02's the new one;
// the files hold the server certificates only.
const RENEWED_ROOT_ONLY: Case = Case {
    name: "renewed CA, leaf-only files, --ca root",
    topology: POOL01,
    certs: &[LEAF_ONLY],
    ca: &[ROOT],
    codes: &["issuer-not-supplied"],
    exit: 1,
};
const RENEWED_OLD_ONLY: Case = Case {
    name: "renewed CA, --ca old issuing only",
    topology: POOL01,
    certs: &[LEAF_ONLY],
    ca: &[OLD],
    codes: &["issuer-not-supplied"],
    exit: 1,
};
const RENEWED_BOTH_ISSUING: Case = Case {
    name: "renewed CA, --ca both issuing certificates",
    topology: POOL01,
    certs: &[LEAF_ONLY],
    ca: &[OLD, NEW],
    codes: &[],
    exit: 0,
};
const RENEWED_ALL: Case = Case {
    name: "renewed CA, --ca root and both issuing certificates",
    topology: POOL01,
    certs: &[LEAF_ONLY],
    ca: &[ROOT, OLD, NEW],
    codes: &[],
    exit: 0,
};
const RENEWED_NO_CA: Case = Case {
    name: "renewed CA, no --ca",
    topology: POOL01,
    certs: &[LEAF_ONLY],
    ca: &[],
    codes: &["ca-inferred"],
    exit: 0,
};
const RENEWED_BUNDLED_ROOT: Case = Case {
    name: "renewed CA, each file bundles its issuing CA, --ca root",
    topology: POOL01,
    certs: &["pki/renewed-ca/bundled"],
    ca: &[ROOT],
    codes: &[],
    exit: 0,
};
const RENEWED_BUNDLED_OLD: Case = Case {
    name: "renewed CA, each file bundles its issuing CA, --ca old issuing",
    topology: POOL01,
    certs: &["pki/renewed-ca/bundled"],
    ca: &[OLD],
    codes: &["issuer-not-supplied"],
    exit: 1,
};

// Renewed root: the issuing CA was certified by the old root key, --ca gives the new.
const RROOT_NO_CROSS: Case = Case {
    name: "renewed root without cross-certificate",
    topology: POOL01,
    certs: &["pki/renewed-root/no-cross"],
    ca: &["pki/renewed-root/root-new.pem"],
    codes: &["issuer-not-supplied"],
    exit: 1,
};
const RROOT_WITH_CROSS: Case = Case {
    name: "renewed root with its cross-certificate",
    topology: POOL01,
    certs: &["pki/renewed-root/with-cross"],
    ca: &["pki/renewed-root/root-new.pem"],
    codes: &[],
    exit: 0,
};
const RROOT_OLD_GIVEN: Case = Case {
    name: "renewed root, old root given",
    topology: POOL01,
    certs: &["pki/renewed-root/no-cross"],
    ca: &["pki/renewed-root/root-old.pem"],
    codes: &[],
    exit: 0,
};

// A foreign CA whose root the internal root cross-certified.
const FOREIGN_CROSS: Case = Case {
    name: "foreign CA cross-certified by the internal root",
    topology: POOL01,
    certs: &["pki/cross/with-cross", FE02_GOOD],
    ca: &[ROOT],
    codes: &["cross-certified-chain"],
    exit: 0,
};
const FOREIGN_NO_CROSS: Case = Case {
    name: "foreign CA without the cross-certificate",
    topology: POOL01,
    certs: &["pki/cross/no-cross", FE02_GOOD],
    ca: &[ROOT],
    codes: &["ca-mismatch"],
    exit: 1,
};

// A sibling issuing CA under the same root.
const SIBLING_ROOT: Case = Case {
    name: "sibling issuing CA, --ca root",
    topology: POOL01,
    certs: &["pki/sibling", FE02_GOOD],
    ca: &[ROOT],
    codes: &[],
    exit: 0,
};
const SIBLING_ISSUING: Case = Case {
    name: "sibling issuing CA, --ca issuing",
    topology: POOL01,
    certs: &["pki/sibling", FE02_GOOD],
    ca: &["ca/issuing.pem"],
    codes: &["ca-mismatch"],
    exit: 1,
};

// No authority key identifier: every key of the issuer's name is tried.
const AKI_ABSENT_BOTH: Case = Case {
    name: "AKI absent, both keys of the renewed CA given",
    topology: POOL01,
    certs: &["pki/aki-absent"],
    ca: &["ca/chain.pem", NEW],
    codes: &[],
    exit: 0,
};
const AKI_ABSENT_OLD: Case = Case {
    name: "AKI absent, only the old key given",
    topology: POOL01,
    certs: &["pki/aki-absent"],
    ca: &["ca/chain.pem"],
    codes: &["unverified-signature"],
    exit: 1,
};

// A root with the internal root's name and key identifier but another key.
const FORGED_ROOT: Case = Case {
    name: "forged root",
    topology: POOL01,
    certs: &["pki/forged-root", FE02_GOOD],
    ca: &[ROOT],
    codes: &["ca-mismatch"],
    exit: 1,
};

// A PKCS#12 without a key, the root first and the server certificate last.
const PFX_ROOT_FIRST: Case = Case {
    name: "PFX, root first, no key",
    topology: POOL01,
    certs: &["pki/pfx", FE02_GOOD],
    ca: &[ROOT],
    codes: &[],
    exit: 0,
};

// No --ca: the certificates of the Director and the Mediation server (context)
// outvote fe01's certificate from another CA.
const INFERRED_FROM_DIRECTOR_AND_MEDIATION: Case = Case {
    name: "inference from Director and Mediation certificates",
    topology: "tests/data/check/internal.xml",
    certs: &["pki/internal"],
    ca: &[],
    codes: &["ca-inferred", "ca-mismatch", "missing-certificate"],
    exit: 1,
};
const INFERRED_DIRECTOR_MEDIATION_ONLY: Case = Case {
    name: "inference from Director and Mediation certificates only",
    topology: "tests/data/check/internal.xml",
    certs: &["pki/internal/dir01.pem", "pki/internal/med01.pem"],
    ca: &[],
    codes: &["ca-inferred", "missing-certificate"],
    exit: 1,
};

#[test]
fn internal_ca_is_inferred_from_every_internal_server() {
    for case in [
        &INFERRED_FROM_DIRECTOR_AND_MEDIATION,
        &INFERRED_DIRECTOR_MEDIATION_ONLY,
    ] {
        let (doc, human) = both(case);
        let note = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "ca-inferred")
            .unwrap();
        assert_eq!(note["severity"], "note");
        let total = if case.certs.len() == 1 { 3 } else { 2 };
        assert_eq!(
            note["message"].as_str().unwrap(),
            format!(
                "expected CA inferred as CN=Test Internal Issuing CA, O=Topocert Test PKI, C=US: it issued 2 of the {total} certificates of the topology's internal servers (Director: 1, Mediation: 1)"
            ),
            "{}",
            case.name
        );
        let statuses: Vec<(&str, &str)> = doc["certificates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["path"].as_str().unwrap().rsplit('/').next().unwrap(),
                    c["status"].as_str().unwrap(),
                )
            })
            .collect();
        assert!(statuses.contains(&("dir01.pem", "context")), "{statuses:?}");
        assert!(statuses.contains(&("med01.pem", "context")), "{statuses:?}");
        assert!(human.contains("2 context, 0 orphan"), "{human}");
    }
    let doc = json(&INFERRED_FROM_DIRECTOR_AND_MEDIATION);
    let f = finding(&doc, "ca-mismatch", "fe01.contoso.local");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("was issued by CN=Test External CA"),
        "{f:#}"
    );
}

// A 2015 pool (pool01, next hop of the Persistent Chat pool) and a 2019 pool.
const MIXED_2015_2019: Case = Case {
    name: "mixed 2015 and 2019 pools",
    topology: "tests/data/check/mixed-2019.xml",
    certs: &["pki/renewed-ca/bundled"],
    ca: &[ROOT],
    codes: &["persistent-chat-unsupported"],
    exit: 0,
};

#[test]
fn mixed_versions_decide_persistent_chat_per_pool() {
    let (doc, human) = both(&MIXED_2015_2019);
    let f = &doc["findings"][0];
    assert_eq!(f["severity"], "note");
    assert_eq!(
        f["message"],
        "pool pool19.contoso.local runs Skype for Business Server 2019 (ServiceVersion 8), which has no Persistent Chat: its servers are listed but not checked"
    );
    let status: Vec<(&str, &str)> = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["fqdn"].as_str().unwrap(), s["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        status,
        vec![
            ("fe01.contoso.local", "ok"),
            ("fe02.contoso.local", "ok"),
            ("fe19.contoso.local", "not-checked"),
        ]
    );
    assert!(human.contains("fe19.contoso.local"), "{human}");
    // The 2015 pool is still checked: a certificate from another CA fails.
    let case = Case {
        name: "mixed, fe01 from another CA",
        certs: &["pki/cross/no-cross", FE02_GOOD],
        codes: &["persistent-chat-unsupported", "ca-mismatch"],
        exit: 1,
        ..MIXED_2015_2019
    };
    both(&case);
}

#[test]
fn renewed_issuing_ca_is_one_ca() {
    let (doc, _) = both(&RENEWED_ROOT_ONLY);
    for server in ["fe01.contoso.local", "fe02.contoso.local"] {
        let f = finding(&doc, "issuer-not-supplied", server);
        let help = f["help"].as_str().unwrap();
        assert!(
            help.starts_with(
                "pass the issuing CA certificate, CN=Test Internal Issuing CA, O=Topocert Test PKI, C=US, key id "
            ),
            "{help}"
        );
    }

    let (doc, _) = both(&RENEWED_OLD_ONLY);
    let f = finding(&doc, "issuer-not-supplied", "fe02.contoso.local");
    assert!(
        f["help"].as_str().unwrap().starts_with(
            "the CA named CN=Test Internal Issuing CA, O=Topocert Test PKI, C=US was renewed: supply the CA certificate with key id 16c4"
        ),
        "{f:#}"
    );
    assert_eq!(
        chain(&doc, "fe01.contoso.local"),
        vec![
            link("pool01.contoso.local", "own-file", false),
            link("Test Internal Issuing CA", "--ca", true),
        ]
    );

    both(&RENEWED_BOTH_ISSUING);
    let (doc, _) = both(&RENEWED_ALL);
    // The issuing CAs are anchors themselves: the walk stops there.
    assert_eq!(
        chain(&doc, "fe02.contoso.local"),
        vec![
            link("pool01.contoso.local", "own-file", false),
            link("Test Internal Issuing CA", "--ca", true),
        ]
    );

    let (doc, _) = both(&RENEWED_NO_CA);
    let note = &doc["findings"][0];
    assert_eq!(note["code"], "ca-inferred");
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .contains("(one CA with 2 keys: it was renewed): it issued 2 of the 2"),
        "{note:#}"
    );

    let (doc, _) = both(&RENEWED_BUNDLED_ROOT);
    assert_eq!(
        chain(&doc, "fe02.contoso.local"),
        vec![
            link("pool01.contoso.local", "own-file", false),
            link("Test Internal Issuing CA", "own-file", false),
            link("Test Internal Root CA", "--ca", true),
        ]
    );
    // A certificate of the CA's name found only in a server's file proves nothing:
    // the new key needs the root (or its own certificate) given with --ca.
    let (doc, _) = both(&RENEWED_BUNDLED_OLD);
    let f = finding(&doc, "issuer-not-supplied", "fe02.contoso.local");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("its issuer CN=Test Internal Root CA"),
        "{f:#}"
    );
}

#[test]
fn renewed_root_needs_its_cross_certificate() {
    let (doc, _) = both(&RROOT_NO_CROSS);
    for server in ["fe01.contoso.local", "fe02.contoso.local"] {
        let help = finding(&doc, "issuer-not-supplied", server)["help"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            help.starts_with(
                "the root CN=Test Renewed Root CA, O=Topocert Test PKI, C=US was renewed"
            ) && help.contains("cross-certificate"),
            "{help}"
        );
    }
    let (doc, _) = both(&RROOT_WITH_CROSS);
    assert_eq!(
        chain(&doc, "fe01.contoso.local"),
        vec![
            link("pool01.contoso.local", "own-file", false),
            link("Test Renewed-Root Issuing CA", "own-file", false),
            link("Test Renewed Root CA", "own-file", false),
            link("Test Renewed Root CA", "--ca", true),
        ]
    );
    both(&RROOT_OLD_GIVEN);
}

#[test]
fn foreign_ca_cross_certified_by_the_internal_root() {
    let (doc, human) = both(&FOREIGN_CROSS);
    let f = finding(&doc, "cross-certified-chain", "fe01.contoso.local");
    assert_eq!(f["severity"], "note");
    assert!(
        f["message"].as_str().unwrap().contains(
            "through the cross-certificate CN=Test Fabrikam Root CA, O=Topocert Test PKI, C=US issued by CN=Test Internal Root CA"
        ),
        "{f:#}"
    );
    assert_eq!(
        chain(&doc, "fe01.contoso.local"),
        vec![
            link("pool01.contoso.local", "own-file", false),
            link("Test Fabrikam Issuing CA", "own-file", false),
            link("Test Fabrikam Root CA", "own-file", false),
            link("Test Internal Root CA", "--ca", true),
        ]
    );
    assert!(human.contains("<- CN=Test Fabrikam Root CA"), "{human}");

    let (doc, _) = both(&FOREIGN_NO_CROSS);
    let f = finding(&doc, "ca-mismatch", "fe01.contoso.local");
    assert!(
        f["message"].as_str().unwrap().contains(
            "was issued by CN=Test Fabrikam Issuing CA, O=Topocert Test PKI, C=US (its chain ends at CN=Test Fabrikam Root CA"
        ),
        "{f:#}"
    );
}

#[test]
fn sibling_issuing_ca_passes_under_the_root_not_under_the_issuing_ca() {
    let (doc, human) = both(&SIBLING_ROOT);
    assert_eq!(
        chain(&doc, "fe01.contoso.local"),
        vec![
            link("pool01.contoso.local", "own-file", false),
            link("Test Internal Sibling Issuing CA", "own-file", false),
            link("Test Internal Root CA", "--ca", true),
        ]
    );
    assert!(
        human.contains("<- CN=Test Internal Sibling Issuing CA"),
        "{human}"
    );
    let (doc, _) = both(&SIBLING_ISSUING);
    let f = finding(&doc, "ca-mismatch", "fe01.contoso.local");
    assert!(
        f["message"].as_str().unwrap().contains(
            "was issued by CN=Test Internal Sibling Issuing CA, O=Topocert Test PKI, C=US (its chain ends at CN=Test Internal Root CA, O=Topocert Test PKI, C=US), not by the internal CA (CN=Test Internal Issuing CA"
        ),
        "{f:#}"
    );
    assert_eq!(
        chain(&doc, "fe01.contoso.local").last(),
        Some(&link("Test Internal Root CA", "own-file", false))
    );
}

#[test]
fn aki_absent_tries_every_key_of_the_name() {
    let (doc, _) = both(&AKI_ABSENT_BOTH);
    assert_eq!(
        chain(&doc, "fe02.contoso.local"),
        vec![
            link("pool01.contoso.local", "own-file", false),
            link("Test Internal Issuing CA", "--ca", true),
        ]
    );
    let (doc, _) = both(&AKI_ABSENT_OLD);
    finding(&doc, "unverified-signature", "fe02.contoso.local");
}

/// A root that copies the internal root's name and key identifier, with another
/// key, is never an anchor (`openssl verify -CAfile ca/root.pem` rejects the leaf
/// too).
#[test]
fn forged_root_is_not_trusted() {
    let (doc, _) = both(&FORGED_ROOT);
    let f = finding(&doc, "ca-mismatch", "fe01.contoso.local");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("copies the name CN=Test Internal Root CA, O=Topocert Test PKI, C=US of the internal CA but holds another key"),
        "{f:#}"
    );
    let fe01 = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["fqdn"] == "fe01.contoso.local")
        .unwrap();
    assert_eq!(fe01["status"], "error");
    assert_eq!(
        chain(&doc, "fe01.contoso.local"),
        vec![
            link("pool01.contoso.local", "own-file", false),
            link("Test Internal Root CA", "own-file", false),
        ]
    );
}

#[test]
fn pfx_without_key_picks_the_end_entity() {
    let (doc, _) = both(&PFX_ROOT_FIRST);
    let pfx = doc["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"].as_str().unwrap().ends_with(".pfx"))
        .unwrap();
    assert_eq!(pfx["subject"], "CN=pool01.contoso.local");
    assert_eq!(pfx["status"], "used");
}

/// No `ca-mismatch` of any case names the same DN as issuer and as expected CA.
#[test]
fn no_ca_mismatch_contradicts_itself() {
    for case in CASES {
        let doc = json(case);
        for f in doc["findings"].as_array().unwrap() {
            if f["code"] != "ca-mismatch" {
                continue;
            }
            let m = f["message"].as_str().unwrap();
            if let (Some(a), Some(b)) = (
                m.find("was issued by "),
                m.rfind("not by the internal CA ("),
            ) {
                let issuer = m[a + "was issued by ".len()..b]
                    .trim_end_matches(", ")
                    .split(" (its chain ends at ")
                    .next()
                    .unwrap();
                let expected = m[b + "not by the internal CA (".len()..].trim_end_matches(')');
                assert!(
                    !expected.split("; ").any(|e| e == issuer),
                    "{}: {m}",
                    case.name
                );
            } else {
                assert!(m.contains("holds another key"), "{}: {m}", case.name);
            }
        }
    }
}

/// 1,000 self-issued CA certificates named `Perf Root` and 1,000 CA certificates
/// named `Perf CA` issued by that name, all without key identifiers and with keys
/// outside the set: each certificate is resolved once and at most a few issuer keys
/// are tried per certificate, so the run stays linear (unbounded, it is a million
/// signature checks: minutes).
#[test]
fn thousand_same_subject_cas_are_linear() {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let dir = tempfile::tempdir().unwrap();
    let ca_params = |cn: &str| {
        let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
        p.distinguished_name = rcgen::DistinguishedName::new();
        p.distinguished_name.push(DnType::CommonName, cn);
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p
    };
    let root = ca_params("Perf Root");
    let ca = ca_params("Perf CA");
    // Files of 100 certificates each (a certificate file is read up to 1 MiB).
    let mut pem = String::new();
    for i in 0..1000 {
        let key = KeyPair::generate().unwrap();
        let signer = KeyPair::generate().unwrap();
        pem.push_str(
            &root
                .signed_by(&key, &Issuer::from_params(&root, &signer))
                .unwrap()
                .pem(),
        );
        let key = KeyPair::generate().unwrap();
        let signer = KeyPair::generate().unwrap();
        pem.push_str(
            &ca.signed_by(&key, &Issuer::from_params(&root, &signer))
                .unwrap()
                .pem(),
        );
        if i % 50 == 49 {
            std::fs::write(dir.path().join(format!("cas{i}.pem")), &pem).unwrap();
            pem.clear();
        }
    }
    let mut leaf = CertificateParams::new(vec![
        "fe01.contoso.local".to_string(),
        "pool01.contoso.local".to_string(),
    ])
    .unwrap();
    leaf.distinguished_name = rcgen::DistinguishedName::new();
    leaf.distinguished_name
        .push(DnType::CommonName, "pool01.contoso.local");
    let signer = KeyPair::generate().unwrap();
    let cert = leaf
        .signed_by(
            &KeyPair::generate().unwrap(),
            &Issuer::from_params(&ca, &signer),
        )
        .unwrap();
    std::fs::write(dir.path().join("fe01.pem"), cert.pem()).unwrap();

    let start = Instant::now();
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.args([
        "check",
        POOL01,
        "--valid-at",
        "2026-06-01",
        "--format",
        "json",
    ])
    .arg("--certs")
    .arg(dir.path())
    .args(["--ca", &format!("{D}/{ROOT}")]);
    let out = common::run_cmd(c);
    let took = start.elapsed();
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = common::parse_json(&out.stdout);
    finding(&doc, "unverified-signature", "fe01.contoso.local");
    assert!(took < Duration::from_secs(30), "took {took:?}");
}
