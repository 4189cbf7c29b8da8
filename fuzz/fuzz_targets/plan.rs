//! The plan readers on any bytes: the checker's own reader (through
//! `check_files`, against the spec's example roster) and the planner's
//! `PlanFile::from_toml` must report, never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhudian::model::Roster;

fn roster() -> &'static Roster {
    static R: OnceLock<Roster> = OnceLock::new();
    R.get_or_init(|| {
        let text = include_str!("../../instances/beijiao-example.toml");
        zhudian::roster::load_str(text, "instances/beijiao-example.toml").expect("the example")
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = zhudian::plan::PlanFile::from_toml(text);
        let _ = zhudian::verify::check_files(roster(), text, None);
        let _ = zhudian::verify::check_files(roster(), text, Some(text));
    }
});
