//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;

/// Parse `text` as JSON, showing it when it is not.
pub fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// The draft 2020-12 validator of `schemas/<name>`.
pub fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(format!("schemas/{name}"))
        .unwrap_or_else(|e| panic!("schemas/{name}: {e}"));
    let schema = parse_json(&text);
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "{name}"
    );
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"))
}

/// Assert `doc` is valid, listing every error with its path.
pub fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

/// `check samples/<name>/<topology> --certs … --ca … --valid-at 2026-06-01`.
pub fn sample_check_args(name: &str, topology: &str) -> Vec<String> {
    vec![
        "check".into(),
        format!("samples/{name}/{topology}"),
        "--certs".into(),
        format!("samples/{name}/certs"),
        "--ca".into(),
        format!("samples/{name}/ca/internal-root.cer"),
        "--valid-at".into(),
        "2026-06-01".into(),
    ]
}

/// `check` of the enterprise sample, as the README runs it (made to fail: exit 1).
pub const ENTERPRISE_CHECK: &[&str] = &[
    "check",
    "samples/enterprise/topology.xml",
    "--certs",
    "samples/enterprise/certs",
    "--ca",
    "samples/enterprise/ca/internal-root.cer",
    "--valid-at",
    "2026-06-01",
];

/// Whether `s` holds Japanese: kana or CJK ideographs.
pub fn has_japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

/// The binary with no language from the environment (`LC_ALL`, `LC_MESSAGES`,
/// `LANG` removed), so a test chooses it with `--lang` or sets one itself.
pub fn topocert_without_locale() -> Command {
    let mut c = Command::cargo_bin("topocert").expect("the binary is built");
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    c
}

/// What a run of the binary gave.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `c` and collect its exit code and UTF-8 output.
pub fn run_cmd(mut c: Command) -> Out {
    let o = c.output().expect("topocert runs");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
    }
}

/// A TLS server on a 127.0.0.1 ephemeral port presenting `chain` (rustls, ring),
/// each connection handled on its own thread until its handshake ends.
pub fn tls_server(
    chain: Vec<rustls::pki_types::CertificateDer<'static>>,
    key: rustls::pki_types::PrivatePkcs8KeyDer<'static>,
) -> std::net::SocketAddr {
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, rustls::pki_types::PrivateKeyDer::Pkcs8(key))
        .unwrap();
    let config = std::sync::Arc::new(config);
    serve(move |mut sock| {
        let Ok(mut conn) = rustls::ServerConnection::new(config.clone()) else {
            return;
        };
        let _ = sock.set_read_timeout(Some(std::time::Duration::from_secs(10)));
        while conn.is_handshaking() {
            if conn.complete_io(&mut sock).is_err() {
                return;
            }
        }
    })
}

/// A 127.0.0.1 listener calling `handle` with every connection, on a thread each.
pub fn serve(handle: impl Fn(std::net::TcpStream) + Send + Sync + 'static) -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = std::sync::Arc::new(handle);
    std::thread::spawn(move || {
        for sock in listener.incoming().flatten() {
            let h = handle.clone();
            std::thread::spawn(move || h(sock));
        }
    });
    addr
}

/// A 127.0.0.1 port nothing listens on.
pub fn refused() -> std::net::SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap()
}
