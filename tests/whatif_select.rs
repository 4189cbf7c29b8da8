//! Unit selectors in what-if variants: `where = { kind, min_travel_minutes,
//! min_households }` changes every unit of the base roster matching all its
//! conditions; a mistake in a `where` is placed at its line; a `where`
//! selecting nothing is a warning naming the variant.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use zhudian::model::Cadence;
use zhudian::scenario::variants::{self, Variant};
use zhudian::wording::Lang;

fn base() -> String {
    std::fs::read_to_string("instances/beijiao-example.toml").unwrap()
}

/// The variant of a one-variant scenarios file whose `units` is `units`.
fn one(units: &str) -> Variant {
    let scen = format!("[[variant]]\nname = \"x\"\nunits = [{units}]\n");
    let mut vs = variants::read(&base(), "base.toml", &scen, "s.toml").unwrap();
    assert_eq!(vs.len(), 1);
    vs.remove(0)
}

/// The ids of the fortnightly units, in roster order (林上村 is so in the base).
fn fortnightly(v: &Variant) -> Vec<String> {
    let r = v.roster.as_ref().unwrap();
    r.units
        .iter()
        .filter(|u| u.cadence == Cadence::Biweekly)
        .map(|u| u.id.clone())
        .collect()
}

#[test]
fn kind_selects_the_units_of_that_kind() {
    let v = one(r#"{ where = { kind = "village" }, cadence = "biweekly" }"#);
    assert_eq!(fortnightly(&v), ["xihai", "sanhong", "linshang"]);
    assert_eq!(v.selections, [(3, 3)]);
}

#[test]
fn min_travel_minutes_selects_the_units_at_least_that_far_by_road() {
    // 三洪奇村 24 minutes, 林上村 23, 西海村 15 (validate lists them).
    let v = one(r#"{ where = { min_travel_minutes = 20 }, cadence = "biweekly" }"#);
    assert_eq!(fortnightly(&v), ["sanhong", "linshang"]);
    assert_eq!(v.selections, [(3, 2)]);
    let v = one(r#"{ where = { min_travel_minutes = 15 }, cadence = "biweekly" }"#);
    assert_eq!(fortnightly(&v), ["xihai", "sanhong", "linshang"]);
}

#[test]
fn min_households_selects_the_units_with_at_least_that_many() {
    let v = one(r#"{ where = { min_households = 1000 }, cadence = "biweekly" }"#);
    assert_eq!(fortnightly(&v), ["xihai", "linshang", "beijiao-sq"]);
    assert_eq!(v.selections, [(3, 2)]);
}

#[test]
fn the_conditions_of_a_where_all_hold_and_kind_takes_a_list() {
    // Communities and enterprises at least 6 minutes away: 重点企业联系点 (8)
    // but not 北滘社区 (5); 工业园外来工社区 is neither kind.
    let v = one(
        r#"{ where = { kind = ["community", "enterprise"], min_travel_minutes = 6 }, cadence = "biweekly" }"#,
    );
    assert_eq!(fortnightly(&v), ["linshang", "midea"]);
    assert_eq!(v.selections, [(3, 1)]);
}

#[test]
fn units_by_id_still_work_beside_a_where() {
    let v = one(
        r#"{ id = "beijiao-sq", cadence = "biweekly" }, { where = { kind = "enterprise" }, cadence = "biweekly" }"#,
    );
    assert_eq!(fortnightly(&v), ["linshang", "beijiao-sq", "midea"]);
}

fn problems(scen: &str) -> Vec<String> {
    let p = variants::read(&base(), "base.toml", scen, "s.toml").unwrap_err();
    p.0.iter().map(|p| p.render(Lang::En)).collect()
}

#[test]
fn a_mistake_in_a_where_is_an_error_at_its_line() {
    let scen = "[[variant]]\nname = \"x\"\nunits = [\n  { id = \"xihai\", cadence = \"biweekly\" },\n  { where = { min_travel = 20 }, cadence = \"biweekly\" },\n]\n";
    assert_eq!(
        problems(scen),
        [
            "s.toml:5: [[variant]] 'x', field 'units.where.min_travel': unknown field (did you mean 'min_travel_minutes'?)"
        ]
    );
    let scen = "[[variant]]\nname = \"x\"\nunits = [{ where = { kind = \"villages\" }, cadence = \"biweekly\" }]\n";
    assert_eq!(
        problems(scen),
        [
            "s.toml:3: [[variant]] 'x', field 'units.where.kind': 'villages' is not one of 'village', 'community', 'enterprise' or 'industrial_community' (did you mean 'village'?)"
        ]
    );
    let scen =
        "[[variant]]\nname = \"x\"\nunits = [{ id = \"xihai\", where = { kind = \"village\" } }]\n";
    assert_eq!(
        problems(scen),
        [
            "s.toml:3: [[variant]] 'x', field 'units.where': give either id (one unit) or where (the units it selects), not both"
        ]
    );
    let scen = "[[variant]]\nname = \"x\"\nunits = [{ where = { min_households = \"many\" }, cadense = \"biweekly\" }]\n";
    assert_eq!(
        problems(scen),
        [
            "s.toml:3: [[variant]] 'x', field 'units.cadense': unknown field (did you mean 'cadence'?)"
        ]
    );
}

#[test]
fn a_where_selecting_no_unit_is_a_warning_naming_the_variant() {
    let dir = tempfile::tempdir().unwrap();
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"far villages\"\nunits = [{ where = { kind = \"village\", min_travel_minutes = 60 }, cadence = \"biweekly\" }]\n",
    )
    .unwrap();
    let s = scen.to_str().unwrap();
    let (c, out, err) = zhudian(&["whatif", "instances/beijiao-example.toml", s]);
    assert_eq!(c, 0, "{out}{err}");
    assert_eq!(
        err,
        format!(
            "warning: {s}:3: [[variant]] 'far villages', field 'units.where': selects no unit: it changes nothing\n"
        )
    );
    let (_, _, err) = zhudian(&[
        "whatif",
        "instances/beijiao-example.toml",
        s,
        "--lang",
        "zh",
    ]);
    assert!(
        err.starts_with(&format!("提醒：{s}:3"))
            && err.contains("没有选中任何村（社区），不起作用"),
        "{err}"
    );
}

#[test]
fn validate_and_plan_show_each_units_minutes_from_the_office() {
    let (c, out, _) = zhudian(&["validate", "instances/beijiao-example.toml"]);
    assert_eq!(c, 0);
    assert!(out.contains(
        "  calendar   2 meetings, 2 holidays; units 5–24 minutes from the office by road\n"
    ));
    assert!(
        out.ends_with(
            "  travel     each unit's minutes from the office by road, farthest first:\n\
         \x20    24  三洪奇村 (village, 860 households)\n\
         \x20    23  林上村 (village, 640 households)\n\
         \x20    15  西海村 (village, 1180 households)\n\
         \x20    12  工业园外来工社区 (industrial community, 900 households)\n\
         \x20     8  重点企业联系点 (enterprise, 300 households)\n\
         \x20     5  北滘社区 (community, 2100 households)\n"
        ),
        "{out}"
    );
    let (_, out, _) = zhudian(&["validate", "instances/beijiao-example.toml", "--lang", "zh"]);
    assert!(out.contains("  路程      各村（社区）距镇政府的分钟数（走公路），由远到近：\n     24  三洪奇村（村，860 户）\n"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.toml");
    let (c, out, _) = zhudian(&[
        "plan",
        "instances/beijiao-example.toml",
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(c, 0);
    assert!(
        out.contains("  梁文辉  2040   +2.3        48  西海村 (15), 三洪奇村 (24)\n"),
        "{out}"
    );
}

#[test]
fn validate_on_a_city_gives_each_township_its_range_not_every_unit() {
    let (c, out, _) = zhudian(&["validate", "tests/fixtures/city-whatif"]);
    assert_eq!(c, 0);
    assert!(
        out.contains(
            "  calendar   8 meetings, 7 holidays; units 2–19 minutes from the office by road\n"
        ),
        "{out}"
    );
    assert!(!out.contains("each unit's minutes"), "{out}");
}
