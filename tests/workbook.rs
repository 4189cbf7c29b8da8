//! Roster workbooks: TOML → XLSX → TOML gives the same plan, byte for byte
//! but the roster's path and hash, for every shipped roster and generated
//! ones; a workbook plans like the TOML it came from; the shipped workbook
//! is what `convert` makes of its twin.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use zhudian::generate::{GenOptions, KindMix, Profile, generate_roster};
use zhudian::model::Roster;
use zhudian::planner::{self, Options, Previous};
use zhudian::roster;
use zhudian::wording::Lang;
use zhudian::workbook;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every shipped township roster (TOML), sorted.
fn shipped() -> Vec<PathBuf> {
    let root = manifest().join("instances");
    let mut v: Vec<PathBuf> = [root.clone(), root.join("foshan")]
        .iter()
        .flat_map(|d| roster::roster_files(d).unwrap())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    v.sort();
    v
}

/// The plan file without the two lines that name the roster.
fn plan_text(r: &Roster) -> String {
    let p = planner::plan(r, "roster", &Options::default(), &Previous::default())
        .unwrap_or_else(|_| panic!("{} plans", r.township.name));
    p.file
        .to_toml()
        .lines()
        .filter(|l| !l.starts_with("roster_sha256 = "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// TOML → XLSX → TOML; the two rosters plan to the same bytes.
fn round_trip(r: &Roster, name: &str) {
    let bytes = workbook::write::roster_workbook(Some(r), Lang::Zh).expect("writes");
    let (text, _) = workbook::to_toml(&bytes, "x.xlsx")
        .unwrap_or_else(|p| panic!("{name}: the workbook reads back:\n{}", p.render(Lang::En)));
    let back = roster::load_str(&text, "back.toml")
        .unwrap_or_else(|p| panic!("{name}: the converted TOML loads:\n{}", p.render(Lang::En)));
    let direct = workbook::load_bytes(&bytes, "x.xlsx").expect("the workbook loads");
    let want = plan_text(r);
    assert_eq!(plan_text(&back), want, "{name}: TOML → XLSX → TOML");
    assert_eq!(plan_text(&direct), want, "{name}: TOML → XLSX");
    assert_ne!(
        direct.sha256, r.sha256,
        "a workbook's hash is of its own bytes"
    );
}

#[test]
fn every_shipped_roster_plans_the_same_after_a_round_trip_through_a_workbook() {
    let paths = shipped();
    assert!(paths.len() >= 36, "{} rosters", paths.len());
    paths.par_iter().for_each(|p| {
        let r = roster::load(p).unwrap();
        round_trip(&r, &p.display().to_string());
    });
}

#[test]
fn generated_rosters_plan_the_same_after_a_round_trip_through_a_workbook() {
    let cases = [
        (Profile::Rural, 20, 8, 1),
        (Profile::Town, 25, 10, 2),
        (Profile::Urban, 30, 18, 3),
        (Profile::Rural, 40, 16, 4),
    ];
    cases
        .par_iter()
        .for_each(|&(profile, units, cadres, seed)| {
            let o = GenOptions::new(profile, KindMix::for_profile(profile, units), cadres, seed);
            let text = generate_roster(&o);
            let r = roster::load_str(&text, "gen.toml").expect("generated rosters are valid");
            round_trip(&r, &format!("{profile:?} {units}×{cadres} seed {seed}"));
        });
}

#[test]
fn the_shipped_workbook_is_its_twin_converted_and_plans_like_it() {
    let toml = manifest().join("instances/beijiao-example.toml");
    let xlsx = manifest().join("instances/beijiao-example.xlsx");
    let r = roster::load(&toml).unwrap();
    let w = roster::load(&xlsx).unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    assert_eq!(plan_text(&w), plan_text(&r));
    // What `convert` would write today is what is shipped.
    let fresh = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    assert_eq!(
        std::fs::read(&xlsx).unwrap(),
        fresh,
        "regenerate with: zhudian convert instances/beijiao-example.toml instances/beijiao-example.xlsx"
    );
}

#[test]
fn a_workbook_is_written_the_same_every_time() {
    let r = roster::load(Path::new("instances/beijiao-example.toml")).unwrap();
    let a = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    let b = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    assert_eq!(a, b);
}
