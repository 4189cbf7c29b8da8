//! The roster reader on any bytes: it must return a roster or problems,
//! never panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = zhudian::roster::load_all_str(text, "fuzz.toml");
    }
});
