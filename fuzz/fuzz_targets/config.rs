//! Text → `topocert.toml` configuration.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = topocert::config::Config::parse(Path::new("fuzz/topocert.toml"), text.to_string());
    }
});
