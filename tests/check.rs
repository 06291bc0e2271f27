//! `topocert check`: every rule fires on the certificate made to show it and stays
//! silent on a good one; pairing; the expected CA; exit codes through the binary;
//! human output snapshots of the samples.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use topocert::certs::FileStatus;
use topocert::chain::CaSource;
use topocert::check::{self, CheckOptions, Report};
use topocert::cli::parse_valid_at;
use topocert::config::Config;
use topocert::fqdn::Fqdn;
use topocert::rules::{Code, Severity};

const TOPOLOGY: &str = "tests/data/check/pool01.xml";
const CERTS: &str = "tests/data/certs";

fn opts(certs: &[&str], ca: &[&str]) -> CheckOptions {
    CheckOptions {
        certs: certs.iter().map(PathBuf::from).collect(),
        ca: ca.iter().map(PathBuf::from).collect(),
        valid_at: parse_valid_at("2026-06-01").unwrap(),
        pfx_password: None,
        config: Config::default(),
        max_input_size: 1 << 20,
        max_cert_files: 100,
        probe: None,
        follow_external_links: false,
    }
}

fn run(o: &CheckOptions) -> Report {
    check::check(Path::new(TOPOLOGY), o).expect("check runs")
}

/// Codes of the findings about fe01, in order.
fn fe01_codes(rep: &Report) -> Vec<(Code, Severity)> {
    rep.findings
        .iter()
        .filter(|f| f.server_name(&rep.topology).as_deref() == Some("fe01.contoso.local"))
        .map(|f| (f.code, f.severity))
        .collect()
}

/// Check `rules/<name>` paired with fe01 through the manifest, `--ca` the internal chain.
fn rule_case(name: &str) -> Vec<(Code, Severity)> {
    let path = format!("{CERTS}/rules/{name}");
    let mut o = opts(&[&path], &[&format!("{CERTS}/ca/chain.pem")]);
    o.config.certificates = vec![(Fqdn::new("fe01.contoso.local"), PathBuf::from(&path))];
    let rep = run(&o);
    assert_eq!(rep.expected_ca.source, CaSource::Given);
    fe01_codes(&rep)
}

use Severity::{Error, Note, Warning};

#[test]
fn good_certificate_has_no_finding() {
    assert_eq!(rule_case("good.pem"), vec![]);
}

#[test]
fn no_eku_ecdsa_and_wildcard_are_acceptable() {
    assert_eq!(rule_case("no-eku.pem"), vec![]);
    assert_eq!(rule_case("ecdsa.pem"), vec![]);
    assert_eq!(rule_case("wildcard.pem"), vec![]);
}

#[test]
fn ca_mismatch_fires_for_another_ca() {
    assert_eq!(
        rule_case("external-ca.pem"),
        vec![(Code::CaMismatch, Error)]
    );
}

#[test]
fn forged_issuer_is_unverified_not_mismatched() {
    assert_eq!(
        rule_case("forged-issuer.pem"),
        vec![(Code::UnverifiedSignature, Error)]
    );
}

#[test]
fn validity_rules() {
    assert_eq!(rule_case("expired.pem"), vec![(Code::Expired, Error)]);
    assert_eq!(
        rule_case("not-yet-valid.pem"),
        vec![(Code::NotYetValid, Error)]
    );
    assert_eq!(
        rule_case("expires-soon.pem"),
        vec![(Code::ExpiresSoon, Warning)]
    );
}

#[test]
fn usage_and_cdp_rules() {
    assert_eq!(
        rule_case("no-server-auth.pem"),
        vec![(Code::MissingServerAuth, Error)]
    );
    assert_eq!(
        rule_case("no-cdp.pem"),
        vec![(Code::MissingCrlDistributionPoint, Error)]
    );
}

#[test]
fn rsa_pss_is_unsupported_not_forged() {
    assert_eq!(
        rule_case("rsa-pss.pem"),
        vec![(Code::UnsupportedSignatureAlgorithm, Error)]
    );
}

#[test]
fn weak_keys_by_size() {
    assert_eq!(rule_case("weak-1024.pem"), vec![(Code::WeakKey, Warning)]);
    assert_eq!(rule_case("weak-512.pem"), vec![(Code::WeakKey, Error)]);
}

#[test]
fn sha1_is_a_warning_and_still_verifies() {
    assert_eq!(rule_case("sha1.pem"), vec![(Code::Sha1Signature, Warning)]);
}

#[test]
fn names_must_cover_server_and_pool() {
    // These certificates name only file-transfer names (or fewer), so the SIP
    // domain's discovery names are missing too: a warning beside the error.
    let both = vec![(Code::NameMismatch, Error), (Code::MissingWebName, Warning)];
    assert_eq!(rule_case("wrong-san.pem"), both);
    assert_eq!(rule_case("server-only-san.pem"), both);
    // No SAN: the CN names the server, not the pool of two machines.
    assert_eq!(rule_case("cn-only.pem"), both);
}

#[test]
fn name_mismatch_says_which_name_is_missing() {
    let path = format!("{CERTS}/rules/server-only-san.pem");
    let mut o = opts(&[&path], &[&format!("{CERTS}/ca/chain.pem")]);
    o.config.certificates = vec![(Fqdn::new("fe01.contoso.local"), PathBuf::from(&path))];
    let rep = run(&o);
    let f = rep
        .findings
        .iter()
        .find(|f| f.code == Code::NameMismatch)
        .unwrap();
    assert!(
        f.message.contains("does not cover pool01.contoso.local"),
        "{}",
        f.message
    );
    assert!(!f.message.contains("cover fe01"), "{}", f.message);
}

#[test]
fn weak_ca_key_is_reported_as_weak_not_forged() {
    let leaf = format!("{CERTS}/rules/weak-ca/leaf.pem");
    let mut o = opts(
        &[&leaf],
        &[
            &format!("{CERTS}/ca/root.pem"),
            &format!("{CERTS}/rules/weak-ca/issuing.pem"),
        ],
    );
    o.config.certificates = vec![(Fqdn::new("fe01.contoso.local"), PathBuf::from(&leaf))];
    let codes = fe01_codes(&run(&o));
    assert!(
        !codes.iter().any(|(c, _)| *c == Code::UnverifiedSignature),
        "{codes:?}"
    );
    assert!(codes.iter().any(|(c, _)| *c == Code::WeakKey), "{codes:?}");
}

#[test]
fn intermediate_missing_is_issuer_not_supplied_with_the_certificate_to_supply() {
    // Only the root: the leaf's issuing CA is nowhere, so the chain cannot be built,
    // and the help names the certificate to supply by subject and key id.
    let path = format!("{CERTS}/rules/good.pem");
    let rep = run(&opts(&[&path], &[&format!("{CERTS}/ca/root.pem")]));
    assert_eq!(fe01_codes(&rep), vec![(Code::IssuerNotSupplied, Error)]);
    let f = rep
        .findings
        .iter()
        .find(|f| f.code == Code::IssuerNotSupplied)
        .expect("issuer-not-supplied");
    assert!(
        f.help.starts_with(
            "pass the issuing CA certificate, CN=Test Internal Issuing CA, O=Topocert Test PKI, C=US, key id "
        ) && f.help.contains("with --ca"),
        "{}",
        f.help
    );
}

#[test]
fn issuing_ca_alone_is_enough() {
    let path = format!("{CERTS}/rules/good.pem");
    let rep = run(&opts(&[&path], &[&format!("{CERTS}/ca/issuing.pem")]));
    assert_eq!(fe01_codes(&rep), vec![]);
}

#[test]
fn missing_certificate_for_the_other_server() {
    let rep = run(&opts(
        &[&format!("{CERTS}/rules/good.pem")],
        &[&format!("{CERTS}/ca/chain.pem")],
    ));
    let missing: Vec<_> = rep
        .findings
        .iter()
        .filter(|f| f.code == Code::MissingCertificate)
        .map(|f| f.server_name(&rep.topology).unwrap())
        .collect();
    assert_eq!(missing, vec!["fe02.contoso.local"]);
}

// ---- pairing ----

#[test]
fn pairs_by_san_without_a_manifest() {
    let rep = run(&opts(
        &[&format!("{CERTS}/rules/good.pem")],
        &[&format!("{CERTS}/ca/chain.pem")],
    ));
    let fe01 = &rep.servers[0];
    assert_eq!(
        fe01.server.fqdn.as_ref().unwrap().as_str(),
        "fe01.contoso.local"
    );
    assert_eq!(
        rep.files[fe01.certificate.unwrap()].path,
        format!("{CERTS}/rules/good.pem")
    );
    assert_eq!(rep.files[0].status, FileStatus::Used);
}

#[test]
fn pairs_by_cn_when_there_is_no_san() {
    let rep = run(&opts(
        &[&format!("{CERTS}/rules/cn-only.pem")],
        &[&format!("{CERTS}/ca/chain.pem")],
    ));
    assert_eq!(rep.servers[0].certificate, Some(0));
    assert_eq!(rep.servers[1].certificate, None);
}

#[test]
fn wildcard_pairs_with_every_server_it_covers() {
    let rep = run(&opts(
        &[&format!("{CERTS}/rules/wildcard.pem")],
        &[&format!("{CERTS}/ca/chain.pem")],
    ));
    assert_eq!(rep.servers[0].certificate, Some(0));
    assert_eq!(rep.servers[1].certificate, Some(0));
    assert_eq!(rep.files[0].servers, vec![0, 1]);
    assert_eq!(rep.roles.servers[1].display_name(), "fe02.contoso.local");
}

#[test]
fn two_certificates_for_one_server_are_ambiguous() {
    let rep = run(&opts(
        &[
            &format!("{CERTS}/rules/good.pem"),
            &format!("{CERTS}/rules/sha1.pem"),
        ],
        &[&format!("{CERTS}/ca/chain.pem")],
    ));
    assert_eq!(fe01_codes(&rep), vec![(Code::AmbiguousCertificate, Error)]);
    assert_eq!(rep.servers[0].certificate, None);
}

#[test]
fn manifest_wins_over_ambiguity() {
    let sha1 = format!("{CERTS}/rules/sha1.pem");
    let mut o = opts(
        &[&format!("{CERTS}/rules/good.pem"), &sha1],
        &[&format!("{CERTS}/ca/chain.pem")],
    );
    o.config.certificates = vec![(Fqdn::new("FE01.contoso.local"), PathBuf::from(&sha1))];
    let rep = run(&o);
    assert_eq!(fe01_codes(&rep), vec![(Code::Sha1Signature, Warning)]);
    assert_eq!(rep.servers[0].certificate, Some(1));
}

#[test]
fn file_name_breaks_ties_and_pairs_wrong_names() {
    let dir = std::env::temp_dir().join(format!("topocert-pairing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        format!("{CERTS}/rules/good.pem"),
        dir.join("fe01.contoso.local.pem"),
    )
    .unwrap();
    std::fs::copy(format!("{CERTS}/rules/sha1.pem"), dir.join("other.pem")).unwrap();
    // fe02's file names fe99 only: paired by its name, then reported as name-mismatch.
    std::fs::copy(format!("{CERTS}/rules/wrong-san.pem"), dir.join("fe02.pem")).unwrap();
    let d = dir.to_string_lossy().to_string();
    let rep = run(&opts(&[&d], &[&format!("{CERTS}/ca/chain.pem")]));
    std::fs::remove_dir_all(&dir).unwrap();
    let paired: Vec<String> = rep
        .servers
        .iter()
        .map(|s| {
            rep.files[s.certificate.unwrap()]
                .path
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paired, vec!["fe01.contoso.local.pem", "fe02.pem"]);
    assert!(rep.findings.iter().any(|f| f.code == Code::NameMismatch
        && f.server_name(&rep.topology).as_deref() == Some("fe02.contoso.local")));
    // sha1.pem (SAN fe01) lost the tie: it is used by no server, but it names a
    // server of the topology, so it is context (evidence of the CA), not an orphan.
    let other = rep
        .files
        .iter()
        .find(|f| f.path.ends_with("other.pem"))
        .unwrap();
    assert_eq!(other.status, FileStatus::Context);
}

#[test]
fn orphan_certificate_is_a_warning_on_the_file() {
    let rep = run(&opts(
        &[
            &format!("{CERTS}/rules/good.pem"),
            "samples/enterprise/certs/edge01.contoso.local.cer",
        ],
        &[&format!("{CERTS}/ca/chain.pem")],
    ));
    let f = rep
        .findings
        .iter()
        .find(|f| f.code == Code::OrphanCertificate)
        .unwrap();
    assert_eq!(f.severity, Warning);
    assert_eq!(f.certificate, Some(1));
    assert_eq!(rep.files[1].status, FileStatus::Orphan);
}

// ---- expected CA ----

#[test]
fn ca_is_inferred_from_the_majority_with_a_note() {
    let rep = run(&opts(&[&format!("{CERTS}/rules/wildcard.pem")], &[]));
    assert_eq!(rep.expected_ca.source, CaSource::Inferred);
    let note = rep
        .findings
        .iter()
        .find(|f| f.code == Code::CaInferred)
        .unwrap();
    assert_eq!(note.severity, Note);
    assert!(
        note.message.contains("Test Internal Issuing CA"),
        "{}",
        note.message
    );
    assert!(!rep.has_errors(), "{:?}", rep.findings);
}

#[test]
fn tied_issuers_cannot_be_inferred() {
    let rep = run(&opts(
        &[
            &format!("{CERTS}/rules/good.pem"),
            "samples/enterprise/certs/fe02.contoso.local.cer",
        ],
        &[],
    ));
    // fe02's certificate names fe02 and pool01, so both servers are paired, one per CA.
    let f = rep
        .findings
        .iter()
        .find(|f| f.code == Code::CaInferred)
        .unwrap();
    assert_eq!(f.severity, Error);
    assert!(f.message.contains("cannot be inferred"), "{}", f.message);
}

#[test]
fn inferred_ca_still_catches_the_odd_one_out() {
    let rep = run(&opts(
        &[
            "samples/enterprise/certs/fe01.contoso.local.cer",
            "samples/enterprise/certs/fe02.contoso.local.cer",
            "samples/enterprise/certs/fe03.contoso.local.cer",
        ],
        &[],
    ));
    // The enterprise sample's certificates are for pool01 fe01..fe03; this topology
    // has fe01 and fe02 in pool01 — fe01 (Contoso) and fe02 (Northwind) tie.
    assert!(rep.findings.iter().any(|f| f.code == Code::CaInferred));
}

// ---- unreadable files ----

#[test]
fn unreadable_files_are_findings_naming_the_reason() {
    let rep = run(&opts(
        &[
            &format!("{CERTS}/formats/garbage.cer"),
            &format!("{CERTS}/formats/truncated.cer"),
            &format!("{CERTS}/formats/empty.pem"),
            &format!("{CERTS}/formats/good-aes.pfx"),
        ],
        &[&format!("{CERTS}/ca/chain.pem")],
    ));
    let unreadable: Vec<&str> = rep
        .findings
        .iter()
        .filter(|f| f.code == Code::UnreadableCertificate)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(unreadable.len(), 4, "{unreadable:?}");
    assert!(
        unreadable
            .iter()
            .any(|m| m.contains("good-aes.pfx") && m.contains("password"))
    );
    assert!(
        unreadable
            .iter()
            .any(|m| m.contains("empty.pem") && m.contains("empty"))
    );
    assert!(rep.files.iter().all(|f| f.status == FileStatus::Unreadable));
}

#[test]
fn a_folder_is_walked_and_every_file_accounted_for() {
    let rep = run(&opts(
        &[&format!("{CERTS}/formats")],
        &[&format!("{CERTS}/ca/chain.pem")],
    ));
    let status = |name: &str| {
        rep.files
            .iter()
            .find(|f| f.path.ends_with(name))
            .unwrap_or_else(|| panic!("{name} not reported"))
            .status
    };
    assert_eq!(status("dir-named.cer"), FileStatus::Unreadable);
    assert_eq!(status("garbage.cer"), FileStatus::Unreadable);
    assert_eq!(status("good-aes.pfx"), FileStatus::Unreadable);
    assert_eq!(status("nopass.pfx"), FileStatus::Used);
    // Several readable copies of one certificate (PEM, DER, PKCS#7, PKCS#12) claim
    // fe01: one contender, not ambiguous, and every copy is used for it.
    assert!(!fe01_codes(&rep).contains(&(Code::AmbiguousCertificate, Error)));
    for name in ["good.cer", "good.pem", "nopass.pfx"] {
        assert_eq!(status(name), FileStatus::Used, "{name}");
    }
    let mut paths: Vec<&str> = rep.files.iter().map(|f| f.path.as_str()).collect();
    let sorted = {
        let mut p = paths.clone();
        p.sort_unstable();
        p
    };
    assert_eq!(paths, sorted, "files are reported in sorted order");
    paths.dedup();
    assert_eq!(paths.len(), rep.files.len());
}

#[test]
fn pfx_with_the_right_password_is_used() {
    let mut o = opts(
        &[&format!("{CERTS}/formats/good-aes.pfx")],
        &[&format!("{CERTS}/ca/root.pem")],
    );
    o.pfx_password = Some("topocert".into());
    let rep = run(&o);
    assert_eq!(fe01_codes(&rep), vec![]);
    assert_eq!(rep.files[0].status, FileStatus::Used);
}

// ---- through the binary ----

fn topocert() -> Command {
    let mut c = Command::cargo_bin("topocert").unwrap();
    c.env_remove("NO_COLOR");
    c
}

fn sample_args(name: &str, topology: &str) -> Vec<String> {
    let mut args = common::sample_check_args(name, topology);
    args.extend(["--color".into(), "never".into()]);
    args
}

#[test]
fn exit_codes() {
    topocert()
        .args(sample_args("standard-edition", "topology.xml"))
        .assert()
        .code(0);
    topocert()
        .args(sample_args("enterprise", "topology.xml"))
        .assert()
        .code(1);
    topocert()
        .args(sample_args("enterprise-utf16", "topology.xml"))
        .assert()
        .code(1);
    topocert()
        .args(sample_args("multi-site", "topology.xml"))
        .assert()
        .code(0);
    topocert()
        .args(sample_args("topology-builder", "topology.tbxml"))
        .args(["--pfx-password-env", "TOPOCERT_TEST_PFX"])
        .env("TOPOCERT_TEST_PFX", "topocert-sample")
        .assert()
        .code(0);
    // Without the password the .pfx is unreadable: an error finding, exit 1.
    topocert()
        .args(sample_args("topology-builder", "topology.tbxml"))
        .assert()
        .code(1);
}

#[test]
fn could_not_run_is_exit_2() {
    let mut bad_date = sample_args("enterprise", "topology.xml");
    bad_date[7] = "01/06/2026".into();
    let out = topocert().args(&bad_date).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("invalid --valid-at"));

    let mut no_ca = sample_args("enterprise", "topology.xml");
    no_ca[5] = "samples/enterprise/ca/nope.cer".into();
    let out = topocert().args(&no_ca).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("nope.cer"));

    topocert()
        .args(["check", "samples/nope.xml"])
        .assert()
        .code(2);
    topocert()
        .args(sample_args("topology-builder", "topology.tbxml"))
        .args(["--pfx-password-env", "TOPOCERT_UNSET_VARIABLE"])
        .env_remove("TOPOCERT_UNSET_VARIABLE")
        .assert()
        .code(2);
}

fn human(name: &str, topology: &str, extra: &[&str], env: Option<(&str, &str)>) -> String {
    let mut c = topocert();
    c.args(sample_args(name, topology)).args(extra);
    if let Some((k, v)) = env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn human_output_enterprise() {
    insta::assert_snapshot!(human("enterprise", "topology.xml", &[], None));
}

#[test]
fn human_output_standard_edition() {
    insta::assert_snapshot!(human("standard-edition", "topology.xml", &[], None));
}

#[test]
fn human_output_multi_site() {
    insta::assert_snapshot!(human("multi-site", "topology.xml", &[], None));
}

#[test]
fn human_output_topology_builder() {
    insta::assert_snapshot!(human(
        "topology-builder",
        "topology.tbxml",
        &["--pfx-password-env", "TOPOCERT_TEST_PFX"],
        Some(("TOPOCERT_TEST_PFX", "topocert-sample"))
    ));
}

#[test]
fn utf16_sample_gives_the_same_findings() {
    // Same findings at the same line:column; only paths, encoding and byte offsets
    // (CRLF) differ.
    let key = |name: &str| -> Vec<(String, Option<String>, u64, u64)> {
        let out = human(name, "topology.xml", &["--format", "json"], None);
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_string(),
                    f["server"].as_str().map(str::to_string),
                    f["location"]["line"].as_u64().unwrap(),
                    f["location"]["column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let a = key("enterprise");
    assert_eq!(a.len(), 5);
    assert_eq!(a, key("enterprise-utf16"));
}

#[test]
fn quiet_drops_the_summary_table() {
    let out = human("multi-site", "topology.xml", &["--quiet"], None);
    assert!(!out.contains("SERVER"), "{out}");
    assert!(out.contains("expires-soon"), "{out}");
}

/// Regression: a machine without an `Fqdn` in a pool of several machines is reported
/// (`missing-fqdn`) and the summary counts it as blocking, because findings name
/// their server by index, not by a display string that did not match the table.
#[test]
fn machine_without_fqdn_in_a_pool_is_a_blocking_server() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("samples/enterprise/topology.xml").unwrap();
    assert!(text.contains(r#"Fqdn="fe02.contoso.local""#));
    let topology = dir.path().join("topology.xml");
    std::fs::write(&topology, text.replace(r#"Fqdn="fe02.contoso.local""#, "")).unwrap();
    let mut args = common::sample_check_args("enterprise", "topology.xml");
    args[1] = topology.display().to_string();
    let mut json_args = args.clone();
    json_args.extend(["--format".into(), "json".into()]);
    let out = common::run_cmd({
        let mut c = Command::cargo_bin("topocert").unwrap();
        c.args(&json_args);
        c
    });
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = common::parse_json(&out.stdout);
    let missing: Vec<&serde_json::Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "missing-fqdn")
        .collect();
    assert_eq!(missing.len(), 1, "{}", out.stdout);
    assert_eq!(missing[0]["server"], "machine 2 of pool01.contoso.local");
    let unnamed = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["fqdn"].is_null())
        .expect("the unnamed machine is listed");
    assert_eq!(unnamed["status"], "error");
    let human = common::run_cmd({
        let mut c = Command::cargo_bin("topocert").unwrap();
        c.args(&args).args(["--color", "never"]);
        c
    });
    let row = human
        .stdout
        .lines()
        .find(|l| l.starts_with("machine 2 of pool01.contoso.local"))
        .unwrap_or_else(|| panic!("{}", human.stdout));
    assert!(row.trim_end().ends_with("error"), "{row}");
    assert!(
        human
            .stdout
            .contains("4 would block the Persistent Chat install"),
        "{}",
        human.stdout
    );
}

/// `duplicate-fqdn` labels both `<Machine>` elements instead of naming a line in its
/// message.
#[test]
fn duplicate_fqdn_labels_both_machines() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("samples/enterprise/topology.xml").unwrap();
    let topology = dir.path().join("topology.xml");
    std::fs::write(
        &topology,
        text.replace(
            r#"Fqdn="fe03.contoso.local""#,
            r#"Fqdn="fe01.contoso.local""#,
        ),
    )
    .unwrap();
    let mut args = common::sample_check_args("enterprise", "topology.xml");
    args[1] = topology.display().to_string();
    args.extend(["--format".into(), "sarif".into()]);
    let out = common::run_cmd({
        let mut c = Command::cargo_bin("topocert").unwrap();
        c.args(&args);
        c
    });
    let doc = common::parse_json(&out.stdout);
    let dup = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "duplicate-fqdn")
        .unwrap_or_else(|| panic!("{}", out.stdout));
    let text = dup["message"]["text"].as_str().unwrap();
    assert!(!text.contains("line"), "{text}");
    let first = dup["locations"][0]["physicalLocation"]["region"]["startLine"]
        .as_u64()
        .unwrap();
    let related = dup["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["message"]["text"] == "first listed here")
        .expect("the first listing is a related location");
    let earlier = related["physicalLocation"]["region"]["startLine"]
        .as_u64()
        .unwrap();
    assert!(earlier < first, "{earlier} < {first}");
}

/// A web name from `[web]` is reported with a label on its config line:
/// `simple-urls` for the simple URL, `strict-dns` for `sip.<SIP domain>`.
#[test]
fn missing_web_names_point_at_their_config_lines() {
    let text = "[web]\nsimple-urls = [\"https://meet.contoso.local\"]\nstrict-dns = true\n";
    let mut o = opts(
        &[&format!("{CERTS}/rules/good.pem")],
        &[&format!("{CERTS}/ca/chain.pem")],
    );
    o.config = Config::parse(Path::new("topocert.toml"), text.to_string()).unwrap();
    o.config.certificates = vec![(
        Fqdn::new("fe01.contoso.local"),
        PathBuf::from(format!("{CERTS}/rules/good.pem")),
    )];
    let rep = run(&o);
    assert_eq!(fe01_codes(&rep), vec![(Code::MissingWebName, Warning)]);
    let f = rep
        .findings
        .iter()
        .find(|f| f.code == Code::MissingWebName)
        .unwrap();
    assert!(
        f.message
            .contains("meet.contoso.local (simple URL from [web] simple-urls)"),
        "{}",
        f.message
    );
    let config_labels: Vec<&str> = f
        .labels
        .iter()
        .filter_map(|l| match &l.place {
            topocert::rules::Place::Config(span) => Some(&text[span.clone()]),
            _ => None,
        })
        .collect();
    assert_eq!(config_labels, ["\"https://meet.contoso.local\"", "true"]);
}
