//! Every validation rule has its own broken roster under tests/fixtures/invalid/,
//! and its message is checked word for word, with its place (line, section, id, field).

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

use zhudian::roster;
use zhudian::wording::Lang;

/// (fixture, every line `validate` must print for it; `F` stands for the file's path)
const EXPECTED: &[(&str, &str)] = &[
    (
        "bad-choice",
        "F:49: [[unit]] 'xihai', field 'kind': 'vilage' is not one of 'village', 'community', 'enterprise' or 'industrial_community' (did you mean 'village'?)",
    ),
    (
        "bad-date",
        "F:207: [[meeting]] '区防汛紧急会议', field 'date': '2015-06-31' is not a date like 2015-03-02",
    ),
    (
        "bad-time",
        "F:208: [[meeting]] '区防汛紧急会议', field 'start': '14h30' is not a time of day like 15:00",
    ),
    (
        "bounds-reversed",
        "F:18: [policy], field 'units_per_leader': the minimum (3) is larger than the maximum (2)",
    ),
    (
        "date-outside-year",
        "F:43: [[holiday]] '国庆节', field 'from': 2014-10-01 is outside the year being planned, 2015",
    ),
    (
        "duplicate-id",
        "F:112: [[cadre]] 'xihai', field 'id': id 'xihai' is already used by [[unit]] (line 46); every unit, cadre and helper needs its own id",
    ),
    (
        "duplicate-id",
        "F:204: [[meeting]] '区防汛紧急会议', field 'attendees': there is no cadre or helper 'he-jm' (groups: 'all-cadres', 'all-helpers')",
    ),
    (
        "hamlet-sum",
        "F:55: [[unit]] 'xihai', field 'hamlets': the hamlets' households add up to 1170, but the unit has 1180",
    ),
    (
        "missing-field",
        "F:61: [[unit]] 'sanhong', field 'name': this field is required but missing",
    ),
    (
        "need-nobody-has",
        "F:87: [[unit]] 'jiaoxi-park', field 'needs': needs 'fishery', but no cadre or helper who could join this unit's team has that skill",
    ),
    (
        "negative-households",
        "F:73: [[unit]] 'linshang', field 'households': must be more than zero, but is -640",
    ),
    (
        "no-own-helper",
        "F:96: [[unit]] 'midea': team slot 2 takes the unit's own party_secretary, but this unit has none among the helpers: add one, with this unit as theirs",
    ),
    (
        "period-reversed",
        "F:110: [[cadre]] 'lao-gx', field 'away.to': ends (2015-03-02) before it starts (2015-03-13)",
    ),
    (
        "slot-short",
        "F:17: [policy], field 'team': team slot 1 (department_head) is needed by 6 units, but the helpers who may fill it can take only 5 teams between them: raise some max_teams, or add helpers; who may fill it: 陈志强 (max_teams 2), 吴丽芬 (max_teams 2), 冯锦华 (max_teams 1)",
    ),
    (
        "syntax",
        "F:6:12: this is not valid TOML: invalid basic string, expected `\"`",
    ),
    (
        "time-reversed",
        "F:200: [[meeting]] '镇党委会议', field 'end': ends (09:00) before it starts (11:30)",
    ),
    (
        "too-far",
        "F:61: [[unit]] 'sanhong': 三洪奇村（sanhong） is 24 minutes from the office, more than max_travel_minutes = 20",
    ),
    (
        "too-far",
        "F:69: [[unit]] 'linshang': 林上村（linshang） is 23 minutes from the office, more than max_travel_minutes = 20",
    ),
    (
        "too-few-units",
        "F:17: [policy], field 'units_per_leader': 6 units but the 3 leaders' minima need 9: lower some leaders' minimum, or station fewer cadres",
    ),
    (
        "too-many-units",
        "F:17: [policy], field 'units_per_leader': 6 units but the 3 leaders' maxima add up to 5 places: let 1 leader take one more unit, or add a cadre",
    ),
    (
        "unknown-attendee",
        "F:204: [[meeting]] '区防汛紧急会议', field 'attendees': there is no cadre or helper 'chen-zk' (groups: 'all-cadres', 'all-helpers') (did you mean 'chen-zq' (陈志强)?)",
    ),
    (
        "unknown-field",
        "F:61: [[unit]] 'sanhong', field 'households': this field is required but missing",
    ),
    (
        "unknown-field",
        "F:65: [[unit]] 'sanhong', field 'househods': unknown field (did you mean 'households'?)",
    ),
    (
        "unknown-helper-unit",
        "F:158: [[helper]] 'huang-sec', field 'unit': there is no unit 'linshan' (did you mean 'linshang' (林上村)?)",
    ),
    (
        "unknown-home-unit",
        "F:104: [[cadre]] 'lao-gx', field 'home_unit': there is no unit 'xihia' (did you mean 'xihai' (西海村)?)",
    ),
    (
        "unknown-office",
        "F:5: [township], field 'office': the office 'townhall' is on no road, so no unit can be reached from it",
    ),
    (
        "unknown-road-end",
        "F:242: [[road]], field 'to': 'linshng' is not the office nor any unit's node, and no other road reaches it (did you mean 'linshang'?)",
    ),
    (
        "unknown-section",
        "F:30: [objectives]: unknown section (did you mean 'objective'?)",
    ),
    (
        "unreachable",
        "F:69: [[unit]] 'linshang': 林上村（linshang） cannot be reached by road from the office 'town-hall'",
    ),
    (
        "wrong-type",
        "F:67: [[unit]] 'sanhong', field 'migrants': expected integer, found string",
    ),
    (
        "zero-households",
        "F:100: [[unit]] 'midea', field 'households': must be more than zero, but is 0",
    ),
];

fn fixture(name: &str) -> String {
    format!("tests/fixtures/invalid/{name}.toml")
}

#[test]
fn every_rule_names_its_place_word_for_word() {
    let mut names: Vec<&str> = EXPECTED.iter().map(|(n, _)| *n).collect();
    names.dedup();
    for name in names {
        let path = fixture(name);
        let problems = roster::load(Path::new(&path)).expect_err(&path);
        let got: Vec<String> = problems
            .0
            .iter()
            .map(|p| p.render(Lang::En).replace(&path, "F"))
            .collect();
        let want: Vec<String> = EXPECTED
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, m)| m.to_string())
            .collect();
        assert_eq!(got, want, "messages for {name}");
    }
}

#[test]
fn every_fixture_has_expectations() {
    for entry in std::fs::read_dir("tests/fixtures/invalid").unwrap() {
        let name = entry
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        assert!(
            EXPECTED.iter().any(|(n, _)| *n == name),
            "fixture {name} has no expected messages"
        );
    }
}

#[test]
fn chinese_wording_sits_beside_the_english() {
    let path = fixture("too-many-units");
    let p = roster::load(Path::new(&path)).unwrap_err();
    assert_eq!(
        p.0[0].render(Lang::Zh).replace(&path, "F"),
        "F:17: 排班规则（[policy]），字段“units_per_leader”：共 6 个村（社区），但 3 名领导的上限合计 5 个名额：请让 1 名领导多联系 1 个村（社区），或增加一名干部"
    );
    let path = fixture("unknown-field");
    let p = roster::load(Path::new(&path)).unwrap_err();
    assert_eq!(
        p.0[1].render(Lang::Zh).replace(&path, "F"),
        "F:65: 驻点村（社区）“sanhong”，字段“househods”：没有这个字段（是不是“households”？）"
    );
}

#[test]
fn uniform_bound_shortfall_is_worded_as_the_planner_counts_it() {
    let text = std::fs::read_to_string("instances/beijiao-example.toml")
        .unwrap()
        .replace("units_per_leader = [2, 3]", "units_per_leader = [1, 1]")
        .replace("units = [1, 2]  ", "units = [1, 1]  ");
    let p = roster::load_str(&text, "r.toml").unwrap_err();
    assert_eq!(
        p.0[0].render(Lang::En),
        "r.toml:17: [policy], field 'units_per_leader': 6 units but 3 leaders × 1 = 3 places: allow 2 units for 3 leaders, or add a cadre"
    );
}

#[test]
fn the_spec_example_validates_with_its_defaults() {
    let r = roster::load(Path::new("instances/beijiao-example.toml")).unwrap();
    assert_eq!(r.township.name, "北滘镇");
    assert_eq!(r.units.len(), 6);
    assert_eq!(r.cadres.len(), 3);
    assert_eq!(r.helpers.len(), 11);
    assert_eq!(r.policy.units_per_leader, (2, 3));
    assert_eq!(r.bounds_of(r.cadre_index("he-jm").unwrap()), (1, 2));
    // max_teams defaults to 1, cadence to weekly, node to the unit's id.
    let sec = &r.helpers[r.helper_index("lu-sec").unwrap()];
    assert_eq!(sec.max_teams, 1);
    let sanhong = &r.units[r.unit_index("sanhong").unwrap()];
    assert_eq!(sanhong.cadence, zhudian::model::Cadence::Weekly);
    assert_eq!(sanhong.node, "sanhong");
    // Shortest paths: linshang is reached via jiaoxi-park (12 + 11), not via xihai (5 + 10 + 9 + 14).
    let l = r.unit_index("linshang").unwrap();
    assert_eq!(r.travel.office_to_unit[l], Some(23.0));
    let x = r.unit_index("xihai").unwrap();
    assert_eq!(r.travel.unit_to_unit[x][l], Some(23.0));
    assert_eq!(r.meetings.len(), 2);
    assert!(r.meetings[1].emergency);
}

#[test]
fn validate_exits_0_with_a_summary_and_2_with_every_problem() {
    let (code, out, _) = zhudian(&["validate", "instances/beijiao-example.toml"]);
    assert_eq!(code, 0);
    assert!(out.contains("北滘镇 (2015): the roster is valid."), "{out}");
    assert!(
        out.contains("capacity   6 units against the leaders' places: at least 5, at most 8"),
        "{out}"
    );
    let (code, _, err) = zhudian(&["validate", &fixture("too-far")]);
    assert_eq!(code, 2);
    assert!(
        err.ends_with("2 problems: the roster is not valid.\n"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    let (code, _, err) = zhudian(&["validate", "no/such/file.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read the file"), "{err}");
}

#[test]
fn a_city_file_holds_several_townships() {
    let one = std::fs::read_to_string("instances/beijiao-example.toml").unwrap();
    // Re-root every section of the example under [[township]] entries.
    let mut city = String::new();
    for name in ["甲镇", "乙镇"] {
        let mut body = one.replace("name = \"北滘镇\"", &format!("name = \"{name}\""));
        body = body.replace("[township]", "[township.__HEAD__]");
        for (a, b) in [
            ("[[holiday]]", "[[township.holiday]]"),
            ("[[unit]]", "[[township.unit]]"),
            ("[[cadre]]", "[[township.cadre]]"),
            ("[[helper]]", "[[township.helper]]"),
            ("[[meeting]]", "[[township.meeting]]"),
            ("[[road]]", "[[township.road]]"),
            ("[station]", "[township.station]"),
            ("[policy]", "[township.policy]"),
            ("[objective]", "[township.objective]"),
        ] {
            body = body.replace(a, b);
        }
        city += &body.replace("[township.__HEAD__]", "[[township]]\n[township.township]");
    }
    let all = roster::load_all_str(&city, "city.toml").unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].township.name, "乙镇");
}

#[test]
fn a_skill_its_holders_cannot_cover_is_refused_as_plan_would_and_the_fix_fits_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let city = cli::city_short_of_a_skill(dir.path());
    let file = city.join("foshan-32-nanshan.toml");
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", city.to_str().unwrap()]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        err,
        format!(
            "{}：有 4 个村（社区）需要“教育”，但具备这项能力的人员（周冰立）最多只能覆盖 2 个：请提高其最多联系村（社区）数（units），或增加具备“教育”的人员\n共 1 个问题：名册无效。\n",
            file.display()
        )
    );
    let (c, _, err) = zhudian(&["validate", file.to_str().unwrap()]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{}: 4 units need 'education', but the people who have it (周冰立) can cover only 2 of them: raise the most units they may lead (units), or add someone with 'education'\n1 problem: the roster is not valid.\n",
            file.display()
        )
    );
    // plan says the same of it.
    let (c, _, err) = zhudian(&[
        "--lang",
        "zh",
        "plan",
        file.to_str().unwrap(),
        "-o",
        dir.path().join("p.toml").to_str().unwrap(),
    ]);
    assert_eq!(c, 1);
    assert!(
        err.contains("有 4 个村（社区）需要“教育”，但具备这项能力的人员（周冰立）最多只能覆盖 2 个：请提高其最多联系村（社区）数（units），或增加具备“教育”的人员"),
        "{err}"
    );
}

#[test]
fn a_rule_a_township_takes_from_city_toml_is_placed_in_city_toml_with_the_township() {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("county");
    cli::copy_folder("tests/fixtures/county", &city);
    let toml = city.join("city.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        text.replace("units_per_leader = [2, 3]", "units_per_leader = [3, 3]"),
    )
    .unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("units_per_leader"))
        .unwrap()
        + 1;
    let (c, _, err) = zhudian(&["--lang", "zh", "validate", city.to_str().unwrap()]);
    assert_eq!(c, 2, "{err}");
    let at = format!("{}:{line}", toml.display());
    assert!(
        err.contains(&format!("{at}: 排班规则（[policy]，石岭镇沿用），字段“units_per_leader”：只有 8 个村（社区），但 4 名领导的下限合计需要 12 个：")),
        "{err}"
    );
    // 河口镇 sets its own: said at its own file.
    assert!(!err.contains("河口镇沿用"), "{err}");
    let (_, _, err) = zhudian(&["validate", city.to_str().unwrap()]);
    assert!(
        err.contains(&format!(
            "{at}: [policy] (as 石岭镇 inherits it), field 'units_per_leader': "
        )),
        "{err}"
    );
}
