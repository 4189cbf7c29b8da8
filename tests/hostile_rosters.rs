//! Hostile rosters (issue 12) under tests/fixtures/hostile/: each is the
//! spec's example with one field made absurd. None may be silently changed
//! or accepted: `validate` and `plan` refuse each with exit 2 and a message
//! naming the place, word for word (`F` stands for the file's path).

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

fn fixture(name: &str) -> String {
    format!("tests/fixtures/hostile/{name}.toml")
}

const EXPECTED: &[(&str, &str)] = &[
    (
        "households-too-many",
        "F:51: [[unit]] 'xihai', field 'households': 10000001 is outside the allowed range, 1 to 10000000",
    ),
    (
        "hamlet-wraps",
        "F:57: [[unit]] 'xihai', field 'hamlets.households': 4294967297 is outside the allowed range, 1 to 10000000",
    ),
    (
        "year-zero",
        "F:9: [township], field 'year': 0 is outside the allowed range, 1900 to 2200",
    ),
    (
        "empty-unit-id",
        "F:62: [[unit]] '', field 'id': the id is empty: give each entry an id of its own",
    ),
    (
        "reserved-id",
        "F:105: [[cadre]] 'all-cadres', field 'id': 'all-cadres' names the group of attendees in meetings: give this person another id",
    ),
    (
        "until-centuries",
        "F:196: [[meeting]] '镇党委会议', field 'until': 2999-12-31 is outside the allowed dates, 2015-01-01 to 2016-12-31",
    ),
    (
        "units-per-leader-zero",
        "F:19: [policy], field 'units_per_leader': 0 is outside the allowed range, 1 to 10",
    ),
    (
        "time-seconds",
        "F:14: [station], field 'end': '18:30:30' has seconds: give hours and minutes only, like 18:30",
    ),
    (
        "weight-huge",
        "F:32: [objective], field 'balance': 1e308 is outside the allowed range for a weight, 0 to 1000000: larger weights make the plan's cost overflow",
    ),
    (
        "id-too-long",
        "F:70: [[unit]] 'lllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll', field 'id': the id is longer than 64 characters",
    ),
];

#[test]
fn every_hostile_roster_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    for (name, line) in EXPECTED {
        let path = fixture(name);
        let (c, o, e) = zhudian(&["validate", &path]);
        assert_eq!((c, o.as_str()), (2, ""), "{name}: {e}");
        let got: Vec<String> = e.lines().map(|l| l.replace(&path, "F")).collect();
        assert!(got.contains(&line.to_string()), "{name}: {got:#?}");
        let out = dir.path().join(format!("{name}.plan.toml"));
        let (c, _, e) = zhudian(&["plan", &path, "-o", out.to_str().unwrap()]);
        assert_eq!(c, 2, "{name}: plan says {e}");
        assert!(!out.exists(), "{name}");
    }
}

#[test]
fn range_messages_in_chinese() {
    let path = fixture("year-zero");
    let (c, _, e) = zhudian(&["--lang", "zh", "validate", &path]);
    assert_eq!(c, 2);
    assert!(
        e.lines().any(|l| l
            == format!(
                "{path}:9: 镇街信息（[township]），字段“year”：0 不在允许的范围 1900 至 2200 之内"
            )),
        "{e}"
    );
    for (name, line) in [
        (
            "time-seconds",
            ":14: 驻点时间（[station]），字段“end”：“18:30:30”带有秒：请只写时和分，如 18:30",
        ),
        (
            "weight-huge",
            ":32: 优化权重（[objective]），字段“balance”：1e308 不在权重允许的范围 0 至 1000000 之内：权重再大，方案得分会溢出",
        ),
        // Dates in a Chinese sentence as a planner writes them.
        (
            "until-centuries",
            ":196: 会议“镇党委会议”，字段“until”：2999年12月31日 不在允许的日期 2015年1月1日 至 2016年12月31日 之内",
        ),
    ] {
        let path = fixture(name);
        let (c, _, e) = zhudian(&["--lang", "zh", "validate", &path]);
        assert_eq!(c, 2, "{name}");
        assert!(e.lines().any(|l| l == format!("{path}{line}")), "{e}");
    }
    let path = fixture("reserved-id");
    let (_, _, e) = zhudian(&["--lang", "zh", "validate", &path]);
    assert!(
        e.lines().any(|l| l
            == format!(
                "{path}:105: 干部 劳广行（all-cadres），字段“id”：“all-cadres”是会议参会分组的名称：请给此人另取编号"
            )),
        "{e}"
    );
}
