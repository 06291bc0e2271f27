//! `topocert list` through the real binary: a snapshot of both formats for every
//! sample topology, and the facts each sample and fixture is made to show, asserted
//! directly. Run from the crate root with relative paths, as a user would.

use assert_cmd::Command;
use serde_json::Value;

const SAMPLES: [(&str, &str); 5] = [
    ("standard-edition", "samples/standard-edition/topology.xml"),
    ("enterprise", "samples/enterprise/topology.xml"),
    ("enterprise-utf16", "samples/enterprise-utf16/topology.xml"),
    ("multi-site", "samples/multi-site/topology.xml"),
    (
        "topology-builder",
        "samples/topology-builder/topology.tbxml",
    ),
];

/// `topocert list PATH [ARGS]` from the crate root; asserts exit 0 and an empty stderr.
fn list(path: &str, args: &[&str]) -> String {
    let out = Command::cargo_bin("topocert")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("list")
        .arg(path)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "list {path} {args:?}\n{stderr}");
    assert!(stderr.is_empty(), "list {path} {args:?}: stderr\n{stderr}");
    String::from_utf8(out.stdout).unwrap()
}

fn human(path: &str) -> String {
    list(path, &["--color", "never"])
}

fn json(path: &str) -> Value {
    let text = list(path, &["--format", "json"]);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}\n{text}"))
}

/// The JSON `servers` array.
fn servers(doc: &Value) -> &Vec<Value> {
    doc["servers"].as_array().expect("servers array")
}

fn fqdns(doc: &Value) -> Vec<&str> {
    servers(doc)
        .iter()
        .map(|s| s["fqdn"].as_str().expect("fqdn"))
        .collect()
}

fn server<'a>(doc: &'a Value, fqdn: &str) -> &'a Value {
    servers(doc)
        .iter()
        .find(|s| s["fqdn"] == fqdn)
        .unwrap_or_else(|| panic!("{fqdn} not listed: {:?}", fqdns(doc)))
}

fn codes(doc: &Value) -> Vec<&str> {
    doc["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["code"].as_str().expect("code"))
        .collect()
}

/// The SERVER column of the human table (rows between the header and the blank line).
fn table_servers(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|l| !l.starts_with("SERVER"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

/// Every sample in human form: a table of servers, pools, sites, rules, next hops and
/// lines, then the topology's findings without colour.
#[test]
fn human_snapshots() {
    for (name, path) in SAMPLES {
        let out = human(path);
        assert!(!out.contains('\u{1b}'), "{name}: colour escape in output");
        insta::assert_snapshot!(format!("{name}_human"), out);
    }
}

/// Every sample as the JSON list document.
#[test]
fn json_snapshots() {
    for (name, path) in SAMPLES {
        let out = list(path, &["--format", "json"]);
        let doc: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(doc["version"], 1, "{name}");
        assert_eq!(doc["topology"]["path"], path, "{name}");
        insta::assert_snapshot!(format!("{name}_json"), out);
    }
}

/// enterprise: exactly fe01–fe05, by the `component` rule; pool01 is the Persistent
/// Chat pool's next hop and pool02 is not.
#[test]
fn enterprise_lists_the_five_front_ends() {
    let path = "samples/enterprise/topology.xml";
    let doc = json(path);
    let want = [
        ("fe01.contoso.local", "pool01.contoso.local", true, 14),
        ("fe02.contoso.local", "pool01.contoso.local", true, 19),
        ("fe03.contoso.local", "pool01.contoso.local", true, 24),
        ("fe04.contoso.local", "pool02.contoso.local", false, 32),
        ("fe05.contoso.local", "pool02.contoso.local", false, 36),
    ];
    assert_eq!(
        fqdns(&doc),
        want.iter().map(|w| w.0).collect::<Vec<_>>(),
        "exactly fe01..fe05, in document order"
    );
    for (fqdn, pool, next_hop, line) in want {
        let s = server(&doc, fqdn);
        assert_eq!(s["pool"], pool, "{fqdn}");
        assert_eq!(s["next_hop"], next_hop, "{fqdn}");
        assert_eq!(s["role_rule"], "component", "{fqdn}");
        assert_eq!(s["site"], "Redmond", "{fqdn}");
        assert_eq!(s["location"]["line"], line, "{fqdn}");
        assert_eq!(s["location"]["column"], 7, "{fqdn}");
    }
    let pc = doc["persistent_chat_pools"].as_array().unwrap();
    assert_eq!(pc.len(), 1);
    assert_eq!(pc[0]["fqdn"], "pchatpool.contoso.local");
    assert_eq!(
        pc[0]["next_hops"],
        serde_json::json!(["pool01.contoso.local"])
    );

    let text = human(path);
    assert_eq!(
        table_servers(&text),
        want.iter().map(|w| w.0).collect::<Vec<_>>()
    );
    for row in text.lines().filter(|l| l.starts_with("fe0")) {
        let next_hop = row.split_whitespace().nth(4).unwrap();
        let want = if row.contains("pool01") { "yes" } else { "no" };
        assert_eq!(next_hop, want, "{row}");
    }
    assert!(text.contains("5 servers in 2 pools."), "{text}");
    assert!(
        text.contains(
            "Persistent Chat pool pchatpool.contoso.local: next hop pool01.contoso.local."
        ),
        "{text}"
    );
}

/// The Director, Edge, Mediation, Office Web Apps, SQL and Persistent Chat servers of
/// the enterprise sample (UTF-8 and UTF-16) are never listed, in either format.
#[test]
fn enterprise_never_lists_other_roles() {
    for path in [
        "samples/enterprise/topology.xml",
        "samples/enterprise-utf16/topology.xml",
    ] {
        let doc = json(path);
        let text = human(path);
        let rows = table_servers(&text);
        for host in [
            "dir01", "edge01", "med01", "owa01", "sql01", "fs01", "pchat01", "pchat02",
        ] {
            let fqdn = format!("{host}.contoso.local");
            assert!(
                !fqdns(&doc).contains(&fqdn.as_str()),
                "{path}: {fqdn} listed"
            );
            assert!(
                !rows.contains(&fqdn.as_str()),
                "{path}: {fqdn} in the table"
            );
            assert!(!text.contains(host), "{path}: {host} mentioned\n{text}");
        }
    }
}

/// multi-site: four Front End servers in two sites, each pool the next hop of its
/// own site's Persistent Chat pool; the bare `sin-fe02` is qualified with the default
/// domain (and noted), and the branch appliance `cork-sba` is not listed.
#[test]
fn multi_site_qualifies_the_bare_host_name() {
    let path = "samples/multi-site/topology.xml";
    let doc = json(path);
    assert_eq!(
        fqdns(&doc),
        [
            "dub-fe01.fabrikam.local",
            "dub-fe02.fabrikam.local",
            "sin-fe01.fabrikam.local",
            "sin-fe02.fabrikam.local",
        ]
    );
    let s = server(&doc, "sin-fe02.fabrikam.local");
    assert_eq!(s["pool"], "sin-pool.fabrikam.local");
    assert_eq!(s["site"], "Singapore");
    assert_eq!(s["next_hop"], true);
    assert_eq!(s["location"]["line"], 51);
    assert_eq!(server(&doc, "dub-fe01.fabrikam.local")["site"], "Dublin");
    assert!(servers(&doc).iter().all(|s| s["next_hop"] == true));

    let bare = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "bare-host-name")
        .expect("bare-host-name finding");
    assert_eq!(bare["server"], "sin-fe02.fabrikam.local");
    assert_eq!(bare["location"]["line"], 51);

    let text = human(path);
    assert!(table_servers(&text).contains(&"sin-fe02.fabrikam.local"));
    assert!(!text.contains("cork-sba"), "{text}");
}

/// topology-builder (`.tbxml`, UTF-8 with BOM): tbfe01 and tbfe02, both next hops;
/// the Fqdn-less SQL machine and the Edge and Persistent Chat servers are not listed.
#[test]
fn topology_builder_lists_tbfe01_and_tbfe02() {
    let path = "samples/topology-builder/topology.tbxml";
    let doc = json(path);
    assert_eq!(doc["topology"]["format"], "tbxml");
    assert_eq!(doc["topology"]["encoding"], "utf-8-bom");
    assert_eq!(fqdns(&doc), ["tbfe01.adatum.local", "tbfe02.adatum.local"]);
    for (fqdn, line) in [("tbfe01.adatum.local", 20), ("tbfe02.adatum.local", 24)] {
        let s = server(&doc, fqdn);
        assert_eq!(s["pool"], "tbpool.adatum.local");
        assert_eq!(s["next_hop"], true);
        assert_eq!(s["site"], "Chicago");
        assert_eq!(s["location"]["line"], line);
    }
    let text = human(path);
    assert_eq!(
        table_servers(&text),
        ["tbfe01.adatum.local", "tbfe02.adatum.local"]
    );
}

/// standard-edition: the single SE server is listed and is the next hop.
#[test]
fn standard_edition_lists_se01() {
    let doc = json("samples/standard-edition/topology.xml");
    assert_eq!(fqdns(&doc), ["se01.litware.local"]);
    let s = server(&doc, "se01.litware.local");
    assert_eq!(s["next_hop"], true);
    assert_eq!(s["location"]["line"], 14);
    assert!(codes(&doc).is_empty(), "{:?}", codes(&doc));
}

/// A topology without a Persistent Chat pool still lists its Front End servers (not
/// the Edge) and carries the `no-persistent-chat-pool` note, pointing at the root.
#[test]
fn no_persistent_chat_pool_is_noted() {
    let path = "tests/data/topology/no-pchat-pool.xml";
    let doc = json(path);
    assert_eq!(fqdns(&doc), ["fe01.tailspin.local", "fe02.tailspin.local"]);
    assert!(servers(&doc).iter().all(|s| s["next_hop"] == false));
    assert!(servers(&doc).iter().all(|s| s["role_rule"] == "component"));
    assert_eq!(doc["persistent_chat_pools"], serde_json::json!([]));
    let note = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "no-persistent-chat-pool")
        .expect("no-persistent-chat-pool note");
    assert_eq!(note["severity"], "note");
    assert_eq!(note["location"]["line"], 1);
    assert_eq!(note["location"]["column"], 1);

    let text = human(path);
    assert_eq!(
        table_servers(&text),
        ["fe01.tailspin.local", "fe02.tailspin.local"]
    );
    assert!(text.contains("no-persistent-chat-pool"), "{text}");
    assert!(!text.contains("edge01.tailspin.local"), "{text}");
}

/// WebServices without a component list: the Front End pool counts by the
/// `front-end-pool` rule; the Director (which here also hosts UserServices, so that
/// only `IsDirector="true"` keeps it out) is not listed.
#[test]
fn without_components_the_front_end_pool_rule_applies() {
    let path = "tests/data/topology/no-web-components.xml";
    let doc = json(path);
    assert_eq!(fqdns(&doc), ["fe01.wingtip.local", "fe02.wingtip.local"]);
    for s in servers(&doc) {
        assert_eq!(s["role_rule"], "front-end-pool", "{s}");
        assert_eq!(s["pool"], "fepool.wingtip.local", "{s}");
        assert_eq!(s["next_hop"], true, "{s}");
    }
    let text = human(path);
    assert!(!text.contains("dir01"), "{text}");
    assert!(!text.contains("dirpool"), "{text}");
    assert!(
        text.lines()
            .filter(|l| l.starts_with("fe0"))
            .all(|l| l.contains(" front-end-pool ")),
        "{text}"
    );
}

/// A Skype for Business Server 2019 topology (ServiceVersion 8) is listed, with the
/// `persistent-chat-unsupported` finding located at the first version-8 service.
#[test]
fn sfb_2019_says_persistent_chat_is_unsupported() {
    let path = "tests/data/topology/sfb2019.xml";
    let doc = json(path);
    assert_eq!(
        fqdns(&doc),
        ["fe01.fourthcoffee.local", "fe02.fourthcoffee.local"]
    );
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "persistent-chat-unsupported")
        .expect("persistent-chat-unsupported finding");
    assert_eq!(f["location"]["line"], 22);
    assert!(
        f["message"].as_str().unwrap().contains("ServiceVersion 8"),
        "{f}"
    );
    let text = human(path);
    assert!(text.contains("persistent-chat-unsupported"), "{text}");

    // The same topology as Lync Server 2013 (ServiceVersion 6) has no such finding.
    assert!(
        !codes(&json("tests/data/topology/no-pchat-pool.xml"))
            .contains(&"persistent-chat-unsupported")
    );
}

/// `--color never` wins over a terminal-less environment; no escape codes in any
/// fixture's human output either.
#[test]
fn fixtures_list_without_colour() {
    for path in [
        "tests/data/topology/no-pchat-pool.xml",
        "tests/data/topology/no-web-components.xml",
        "tests/data/topology/sfb2019.xml",
    ] {
        let text = human(path);
        assert!(!text.contains('\u{1b}'), "{path}");
        assert!(
            text.starts_with(&format!(
                "Persistent Chat file-transfer servers in {path} (published, utf-8)"
            )),
            "{text}"
        );
    }
}

/// A topology with one Front End pool (`pool`, machines `machines`) and, in the same
/// site, a single-machine cluster `other`; `DefaultDomain` is `contoso.com`, a SIP
/// domain and not the servers' DNS suffix.
fn bare_names_topology(pool: &str, machines: &[&str], other: &str) -> tempfile::NamedTempFile {
    let machines: String = machines
        .iter()
        .enumerate()
        .map(|(i, m)| format!("<Machine OrdinalInCluster=\"{}\" Fqdn=\"{m}\" />", i + 1))
        .collect();
    let text = format!(
        r#"<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">
  <InternalDomains DefaultDomain="contoso.com"><InternalDomain Name="contoso.com" /></InternalDomains>
  <Sites><CentralSite SiteId="1"><Name>Lab</Name></CentralSite></Sites>
  <Clusters>
    <Cluster Fqdn="{pool}"><ClusterId SiteId="1" Number="1" />{machines}</Cluster>
    <Cluster Fqdn="{other}"><ClusterId SiteId="1" Number="2" /><Machine OrdinalInCluster="1" /></Cluster>
  </Clusters>
  <Services>
    <Service RoleVersion="1" ServiceVersion="6"><ServiceId SiteId="1" RoleName="UserServices" Instance="1" /><InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn></Service>
    <Service RoleVersion="1" ServiceVersion="6"><ServiceId SiteId="1" RoleName="Registrar" Instance="1" /><InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn></Service>
    <Service RoleVersion="1" ServiceVersion="6"><ServiceId SiteId="1" RoleName="WebServices" Instance="1" /><InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn></Service>
    <Service RoleVersion="1" ServiceVersion="6"><ServiceId SiteId="1" RoleName="UserServices" Instance="2" /><InstalledOn><ClusterId SiteId="1" Number="2" /></InstalledOn></Service>
    <Service RoleVersion="1" ServiceVersion="6"><ServiceId SiteId="1" RoleName="Registrar" Instance="2" /><InstalledOn><ClusterId SiteId="1" Number="2" /></InstalledOn></Service>
    <Service RoleVersion="1" ServiceVersion="6"><ServiceId SiteId="1" RoleName="WebServices" Instance="2" /><InstalledOn><ClusterId SiteId="1" Number="2" /></InstalledOn></Service>
  </Services>
</Topology>
"#
    );
    let mut f = tempfile::Builder::new().suffix(".xml").tempfile().unwrap();
    std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
    f
}

/// The bare-host-name messages of a listing.
fn bare_messages(doc: &Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "bare-host-name")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

/// A bare host name takes the DNS suffix its pool (else its site) actually uses, not
/// `DefaultDomain` (a SIP domain); when the pool's names disagree it stays bare.
#[test]
fn bare_host_names_take_the_suffix_their_pool_or_site_uses() {
    let t = bare_names_topology(
        "pool01.corp.contoso.local",
        &["fe01.corp.contoso.local", "fe02"],
        "se01",
    );
    let doc = json(t.path().to_str().unwrap());
    assert_eq!(
        fqdns(&doc),
        [
            "fe01.corp.contoso.local",
            "fe02.corp.contoso.local",
            "se01.corp.contoso.local"
        ]
    );
    assert_eq!(
        bare_messages(&doc),
        [
            "machine Fqdn `fe02` is a bare host name, read as fe02.corp.contoso.local (the DNS suffix pool pool01.corp.contoso.local uses)",
            "cluster Fqdn `se01` is a bare host name, read as se01.corp.contoso.local (the DNS suffix the machines of site Lab use)",
        ]
    );

    let t = bare_names_topology(
        "pool01.a.contoso.local",
        &["fe01.a.contoso.local", "fe02", "fe03.b.contoso.local"],
        "se01.a.contoso.local",
    );
    let doc = json(t.path().to_str().unwrap());
    assert_eq!(
        fqdns(&doc),
        [
            "fe01.a.contoso.local",
            "fe02",
            "fe03.b.contoso.local",
            "se01.a.contoso.local"
        ]
    );
    assert_eq!(
        bare_messages(&doc),
        [
            "machine Fqdn `fe02` is a bare host name, left unqualified: the machines of pool pool01.a.contoso.local use 2 DNS suffixes (a.contoso.local, b.contoso.local)"
        ]
    );
}
