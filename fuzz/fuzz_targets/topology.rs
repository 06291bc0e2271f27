//! Bytes → decoded source → topology → roles → topology findings, as `topocert list` does.
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
            if let Some(span) = &f.span {
                let _ = src.location(span);
            }
        }
        let _ = topocert::report::json::render_list(&t, &roles, &findings);
    }
});
