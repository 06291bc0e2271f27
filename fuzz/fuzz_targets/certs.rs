//! Bytes → certificates, with the PEM/DER/PKCS#7/PKCS#12 sniffing of `--certs` files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use topocert::certs::{LoadOptions, load_bytes, summary};

fuzz_target!(|data: &[u8]| {
    let opts = LoadOptions {
        pfx_password: Some("topocert".into()),
        ..LoadOptions::default()
    };
    if let Ok(file) = load_bytes("fuzz.cer", data, &opts) {
        assert!(file.leaf < file.certs.len());
        for c in &file.certs {
            let s = summary(c);
            for (_, span) in &s.fields {
                assert!(s.text.get(span.clone()).is_some());
            }
        }
    }
});
