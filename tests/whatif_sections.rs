//! What-if of meetings, holidays and roads (issue 13.5): overridden by title,
//! name or ends, removed and added; a name the roster lacks is an error at its
//! line in the scenarios file. And the comparison a planner reads: the
//! planner's figures first, names not ids, a better score bought with worse
//! staffing called out in words.

#[path = "common/cli.rs"]
mod cli;

use zhudian::scenario::variants;
use zhudian::wording::Lang;

fn base() -> String {
    std::fs::read_to_string("instances/beijiao-example.toml").unwrap()
}

fn one(scen: &str) -> zhudian::model::Roster {
    let mut vs = variants::read(&base(), "base.toml", scen, "s.toml").unwrap();
    assert_eq!(vs.len(), 1);
    vs.remove(0).roster.unwrap()
}

#[test]
fn a_meeting_is_overridden_by_title_removed_and_added() {
    let r = one(
        "[[variant]]\nname = \"m\"\nmeetings = [{ title = \"镇党委会议\", date = \"2015-01-07\", start = \"10:00\" }]\n",
    );
    let m = r.meetings.iter().find(|m| m.title == "镇党委会议").unwrap();
    assert_eq!(m.date.to_string(), "2015-01-07");
    assert_eq!(m.start.format("%H:%M").to_string(), "10:00");
    let r = one("[[variant]]\nname = \"m\"\nremove_meeting = [\"区防汛紧急会议\"]\n");
    assert!(r.meetings.iter().all(|m| m.title != "区防汛紧急会议"));
    assert_eq!(r.meetings.len(), 1);
    let r = one(
        "[[variant]]\nname = \"m\"\nadd_meeting = [{ title = \"新会\", attendees = [\"he-jm\"], date = \"2015-03-03\", start = \"15:00\", end = \"16:00\" }]\n",
    );
    assert_eq!(r.meetings.len(), 3);
}

#[test]
fn a_holiday_is_overridden_by_name_removed_and_added() {
    let base_days = one("[[variant]]\nname = \"h\"\n").days.clone();
    let r =
        one("[[variant]]\nname = \"h\"\nholidays = [{ name = \"春节\", to = \"2015-03-03\" }]\n");
    let cny = r.holidays.iter().find(|h| h.why == "春节").unwrap();
    assert_eq!(cny.to.to_string(), "2015-03-03");
    assert_ne!(format!("{:?}", r.days), format!("{base_days:?}"));
    let r = one("[[variant]]\nname = \"h\"\nremove_holiday = [\"国庆节\"]\n");
    assert!(r.holidays.iter().all(|h| h.why != "国庆节"));
    let r = one(
        "[[variant]]\nname = \"h\"\nadd_holiday = [{ name = \"端午节\", from = \"2015-06-20\", to = \"2015-06-22\" }]\n",
    );
    assert!(r.holidays.iter().any(|h| h.why == "端午节"));
}

#[test]
fn a_road_is_named_by_its_ends_either_way_round() {
    let minutes = |r: &zhudian::model::Roster, a: &str, b: &str| {
        r.roads
            .iter()
            .find(|x| x.from == a && x.to == b)
            .map(|x| x.minutes)
    };
    let r = one(
        "[[variant]]\nname = \"r\"\nroads = [{ from = \"beijiao-sq\", to = \"town-hall\", minutes = 7 }]\n",
    );
    assert_eq!(minutes(&r, "town-hall", "beijiao-sq"), Some(7.0));
    // The bridge between 西海村 and 三洪奇村 closed: 三洪奇村 is reached the long way.
    let base = one("[[variant]]\nname = \"r\"\n");
    let r =
        one("[[variant]]\nname = \"r\"\nremove_road = [{ from = \"sanhong\", to = \"xihai\" }]\n");
    assert_eq!(minutes(&r, "xihai", "sanhong"), None);
    let sanhong = r.unit_index("sanhong").unwrap();
    assert!(r.travel.office_to_unit[sanhong] > base.travel.office_to_unit[sanhong]);
    let r = one(
        "[[variant]]\nname = \"r\"\nadd_road = [{ from = \"town-hall\", to = \"sanhong\", minutes = 6 }]\n",
    );
    assert_eq!(r.travel.office_to_unit[sanhong], Some(6.0));
}

#[test]
fn a_name_the_roster_lacks_is_placed_in_the_scenarios_file() {
    let scen = "[[variant]]\nname = \"x\"\nremove_meeting = [\"没有的会\"]\n\n[[variant]]\nname = \"y\"\nroads = [{ from = \"a\", to = \"b\", minutes = 3 }]\n";
    let p = variants::read(&base(), "base.toml", scen, "s.toml").unwrap_err();
    let en: Vec<String> = p.0.iter().map(|p| p.render(Lang::En)).collect();
    assert_eq!(
        en,
        vec![
            "s.toml:3: [[variant]] 'x', field 'remove_meeting': the roster has no meeting '没有的会'",
            "s.toml:7: [[variant]] 'y', field 'roads.from+to': the roster has no road 'a–b'",
        ]
    );
    let zh: Vec<String> = p.0.iter().map(|p| p.render(Lang::Zh)).collect();
    assert_eq!(
        zh,
        vec![
            "s.toml:3: 方案“x”，字段“remove_meeting”：名册中没有会议“没有的会”",
            "s.toml:7: 方案“y”，字段“roads.from+to”：名册中没有道路“a–b”",
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(&path, scen).unwrap();
    let (code, _, err) = cli::zhudian(&[
        "whatif",
        "instances/beijiao-example.toml",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains(":3: [[variant]] 'x'"), "{err}");
}

#[test]
fn a_bad_value_in_a_meeting_override_is_placed_at_its_line() {
    let scen =
        "[[variant]]\nname = \"x\"\n\nmeetings = [{ title = \"镇党委会议\", start = \"9点\" }]\n";
    let p = variants::read(&base(), "base.toml", scen, "s.toml").unwrap_err();
    let first = p.0[0].render(Lang::En);
    assert!(first.starts_with("s.toml:4: [[meeting]]"), "{first}");
}

#[test]
fn the_comparison_leads_with_staffing_shows_names_and_calls_out_a_cheap_shortfall() {
    for (lang, first_rows, callout) in [
        (
            "en",
            ["sessions without a township member", "make-up sessions"],
            "'少一名干部' scores better than the base (",
        ),
        (
            "zh",
            ["缺少镇级人员的接待", "补接待次数"],
            "“少一名干部”的方案得分比现名册方案低（",
        ),
    ] {
        let (code, out, err) = cli::zhudian(&[
            "whatif",
            "instances/beijiao-example.toml",
            "instances/whatif/beijiao.toml",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 0, "{err}");
        let rows: Vec<&str> = out.lines().skip(2).take(2).collect();
        for (row, want) in rows.iter().zip(first_rows) {
            assert!(row.starts_with(want), "{out}");
        }
        assert!(!out.contains("lao-gx") && !out.contains("he-jm"), "{out}");
        assert!(out.contains("何建明"), "{out}");
        // The callout only where the score is better and the staffing worse.
        let short = |line: &str| -> Vec<f64> {
            out.lines()
                .find(|l| l.starts_with(line))
                .unwrap()
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect()
        };
        let (cost, shortfalls) = if lang == "en" {
            (short("cost"), short("sessions without"))
        } else {
            (short("方案得分"), short("缺少镇级人员的接待"))
        };
        let called = (1..cost.len())
            .filter(|&i| cost[i] < cost[0] && shortfalls[i] > shortfalls[0])
            .count();
        if cost[3] < cost[0] && shortfalls[3] > shortfalls[0] {
            assert!(out.contains(callout), "{out}");
        }
        let lines_called = out
            .lines()
            .filter(|l| l.contains("doing less") || l.contains("做得少"))
            .count();
        assert_eq!(lines_called, called, "{out}");
    }
}

#[test]
fn a_better_score_with_worse_staffing_is_said_word_for_word() {
    use zhudian::scenario::compare::{Comparison, better_score_worse_staffing};
    use zhudian::wording::Say;
    use zhudian::wording::scenario::{Figure, WhatifSaid};
    let c = Comparison {
        names: vec!["base".into(), "more".into(), "fewer".into()],
        figures: vec![
            (
                Figure::Cost,
                vec!["150".into(), "160".into(), "139.5".into()],
            ),
            (
                Figure::Shortfalls,
                vec!["6".into(), "2".into(), "35".into()],
            ),
        ],
        moves: Vec::new(),
    };
    let found = better_score_worse_staffing(&c);
    assert_eq!(found.len(), 1);
    let (i, [score, base_score, short, base_short]) = found[0].clone();
    assert_eq!(i, 2);
    let said = WhatifSaid::BetterScoreWorseStaffing {
        name: "少一名干部".into(),
        score,
        base_score,
        short,
        base_short,
    };
    assert_eq!(
        said.en(),
        "'少一名干部' scores better than the base (139.5 against 150) but leaves 35 sessions without a township member against 6: the better score comes from doing less, not from a better plan"
    );
    assert_eq!(
        said.zh(),
        "“少一名干部”的方案得分比现名册方案低（139.5 对 150），但缺少镇级人员的接待有 35 次，现名册方案只有 6 次：得分低是因为做得少，并不是方案更好"
    );
}
