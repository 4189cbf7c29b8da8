//! Two leaders whose teams share a department head must be away from those
//! two units in different weeks, or the head can serve only one of them. In
//! a county's trial (新圩镇, tests/fixtures/county), each such leader was
//! also tied to a third through another shared head, so neither gained by
//! shifting their cycle alone: 28 station sessions had no township member,
//! every other week at 莲塘村 or 旧圩村. The fixed rotation now also moves
//! linked leaders two at a time; only the county meeting's day is short.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use zhudian::plan::PlanFile;

#[test]
fn leaders_sharing_a_head_are_staggered_so_only_the_meeting_day_is_short() {
    let dir = tempfile::tempdir().unwrap();
    let county = dir.path().join("county");
    cli::copy_folder("tests/fixtures/county", &county);
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "plan",
        county.to_str().unwrap(),
        "-o",
        plans.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let text = std::fs::read_to_string(plans.join("xinxu.toml")).unwrap();
    let plan: PlanFile = toml::from_str(&text).unwrap();
    let short: Vec<(String, String)> = plan
        .warning
        .iter()
        .filter(|w| w.kind == "shortfall")
        .map(|w| {
            (
                w.date.clone().unwrap_or_default(),
                w.unit.clone().unwrap_or_default(),
            )
        })
        .collect();
    // The 全县三级干部大会 (10 March, 14:30–17:30) takes all five leaders;
    // the five department heads sit at five of the ten units.
    assert_eq!(short.len(), 5, "{short:?}");
    assert!(short.iter().all(|(d, _)| d == "2026-03-10"), "{short:?}");
}
