//! Every code `topocert explain --all` lists has a case that fires it and a case
//! that keeps it silent, run through the binary. The table is an exhaustive match,
//! so a new code does not compile until it has both.

#[path = "common/codes.rs"]
mod cases;
mod common;

use std::collections::BTreeSet;
use std::path::Path;

use cases::{Case, POOL01, cases, prepare};
use topocert::rules::Code;

/// The codes of a run, from its JSON report.
fn codes_of(case: &Case) -> BTreeSet<String> {
    let run = prepare(case);
    let mut c = run.command();
    c.args(["--format", "json"]);
    let out = common::run_cmd(c);
    assert!(out.code < 2, "{}", out.stderr);
    let doc = common::parse_json(&out.stdout);
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}
#[test]
fn every_code_fires_on_its_case_and_is_silent_on_the_other() {
    assert!(Path::new(POOL01).is_file());
    let mut failures = Vec::new();
    for code in Code::ALL {
        let (fire, silent) = cases(*code);
        let fired = codes_of(&fire);
        if !fired.contains(code.as_str()) {
            failures.push(format!("{code}: did not fire (got {fired:?})"));
        }
        let quiet = codes_of(&silent);
        if quiet.contains(code.as_str()) {
            failures.push(format!("{code}: fired on its silent case (got {quiet:?})"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
