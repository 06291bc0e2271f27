//! Bytes → decoded source → topology → roles → topology findings → the JSON and
//! human lists, as `topocert list` does.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use topocert::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = SourceFile::decode("fuzz.xml", data) else {
        return;
    };
    let src = Arc::new(src);
    if let Ok(t) = topocert::topology::parse(&src) {
        let roles = topocert::roles::resolve(&t);
        let findings = topocert::check::topology_findings(&t, &roles);
        for f in &findings {
            for l in &f.labels {
                if let topocert::rules::Place::Topology(span) = &l.place {
                    let _ = src.location(span);
                }
            }
        }
        let _ = topocert::report::json::render_list(&t, &roles, &findings);
        let _ = topocert::report::human::render_list(&t, &roles, &findings, false);
    }
});
