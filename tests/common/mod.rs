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
