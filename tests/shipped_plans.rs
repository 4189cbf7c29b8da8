//! Every shipped roster (instances/*.toml and instances/foshan/) planned by
//! the binary gives the same plan file, byte for byte, as recorded in
//! tests/fixtures/shipped/plans.sha256 (`sha256sum` format, the roster path
//! in place of the file name). It guards refactors that must not change
//! behaviour. After an intended change to the planner or the calendar,
//! rewrite the record with `ZHUDIAN_BLESS=1 cargo test --release --test
//! shipped_plans`.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

const RECORD: &str = "tests/fixtures/shipped/plans.sha256";

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The shipped rosters, as the paths the plans name.
fn shipped() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["instances", "instances/foshan"] {
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
            .filter(|p| p.file_name().is_some_and(|n| n != "city.toml"))
            .map(|p| p.display().to_string())
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

#[test]
fn shipped_instances_plan_to_the_recorded_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut got = BTreeMap::new();
    // One process for the single townships, one for the city (in parallel).
    for roster in shipped()
        .iter()
        .filter(|r| !r.starts_with("instances/foshan/"))
    {
        let out = tmp.path().join("one.toml");
        let (c, o, e) = zhudian(&["plan", roster, "-o", out.to_str().unwrap()]);
        assert_eq!(c, 0, "{roster}: {o}{e}");
        got.insert(roster.clone(), sha256(&std::fs::read(&out).unwrap()));
    }
    let city = tmp.path().join("foshan");
    let (c, o, e) = zhudian(&["plan", "instances/foshan", "-o", city.to_str().unwrap()]);
    assert_eq!(c, 0, "{o}{e}");
    for roster in shipped()
        .iter()
        .filter(|r| r.starts_with("instances/foshan/"))
    {
        let file = city.join(Path::new(roster).file_name().unwrap());
        got.insert(roster.clone(), sha256(&std::fs::read(&file).unwrap()));
    }
    let text: String = got.iter().map(|(r, h)| format!("{h}  {r}\n")).collect();
    if std::env::var_os("ZHUDIAN_BLESS").is_some() {
        std::fs::write(RECORD, &text).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(RECORD).unwrap();
    assert_eq!(got.len(), 36, "every shipped roster planned");
    assert_eq!(
        text, recorded,
        "plans differ from {RECORD}; after an intended change run with ZHUDIAN_BLESS=1"
    );
}
