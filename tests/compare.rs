//! `compare`: figures side by side and who moved where.

use zhudian::plan::*;
use zhudian::scenario::compare::{Format, NamedPlan, compare, render};
use zhudian::wording::Lang;

fn plan(cost: f64, teams: &[(&str, &str, &[&str])]) -> PlanFile {
    PlanFile {
        plan: PlanHeader {
            roster: "r.toml".into(),
            roster_sha256: "x".into(),
            zhudian: "0".into(),
            engine: "bundles".into(),
            seed: 0,
            status: "optimal".into(),
            stopped: None,
            replanned_from: None,
            previous_plan: None,
            previous_plan_sha256: None,
            cost,
            lower_bound: cost,
            gap: 0.0,
            metrics: Metrics {
                balance_cost: cost - 10.0,
                travel_cost: 10.0,
                station_sessions: 100,
                ..Metrics::default()
            },
        },
        assignment: teams
            .iter()
            .map(|(u, l, h)| Assignment {
                unit: u.to_string(),
                leader: l.to_string(),
                helpers: h.iter().map(|s| s.to_string()).collect(),
                assist: vec![],
            })
            .collect(),
        leader: vec![],
        handover: vec![],
        earlier_team: vec![],
        timetable: Vec::new(),
        session: vec![Session {
            date: "2015-01-06".into(),
            start: "09:00".into(),
            end: "12:00".into(),
            unit: "a".into(),
            kind: "household_visit".into(),
            people: vec!["p".into()],
            hamlet: Some("一队".into()),
            households: Some(15),
            makes_up: None,
        }],
        warning: vec![],
        cancelled: vec![],
    }
}

fn two() -> Vec<NamedPlan> {
    vec![
        NamedPlan {
            name: "base".into(),
            plan: plan(
                120.5,
                &[("a", "l1", &["d1", "s1"]), ("b", "l2", &["d2", "s2"])],
            ),
        },
        NamedPlan {
            name: "alt".into(),
            plan: plan(
                99.0,
                &[("a", "l1", &["d1", "s1"]), ("b", "l1", &["d1", "s2"])],
            ),
        },
    ]
}

#[test]
fn figures_line_up_and_only_changed_units_are_listed() {
    let c = compare(&two());
    assert_eq!(c.names, vec!["base", "alt"]);
    let cost = &c.figures[0].1;
    assert_eq!(cost, &vec!["120.50".to_string(), "99".to_string()]);
    let changed = c
        .figures
        .iter()
        .find(|(f, _)| f.key() == "teams_changed")
        .unwrap();
    assert_eq!(changed.1, vec!["0", "1"]);
    assert_eq!(c.moves.len(), 1);
    assert_eq!(c.moves[0].unit, "b");
    assert_eq!(c.moves[0].teams, vec!["l2 + d2, s2", "l1 + d1, s2"]);
}

#[test]
fn table_words_the_moves_heading() {
    let out = render(&compare(&two()), Format::Table, Lang::En);
    assert!(
        out.contains("Who moved where (leader + team, where the plans differ):\n"),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l == "b     l2 + d2, s2  l1 + d1, s2"),
        "{out}"
    );
    let zh = render(&compare(&two()), Format::Table, Lang::Zh);
    assert!(
        zh.contains("人员变动（驻点领导及团队成员，仅列出方案不同之处）："),
        "{zh}"
    );
    // A team in Chinese: the leader, then the members in brackets.
    assert!(
        zh.lines()
            .any(|l| l == "b     l2（团队成员：d2、s2）  l1（团队成员：d1、s2）"),
        "{zh}"
    );
    let md = render(&compare(&two()), Format::Markdown, Lang::Zh);
    assert!(
        md.contains("| b | l2（团队成员：d2、s2） | l1（团队成员：d1、s2） |\n"),
        "{md}"
    );
    // The files for programs keep one form in either language.
    let csv = render(&compare(&two()), Format::Csv, Lang::Zh);
    assert!(
        csv.contains("unit:b,\"l2 + d2, s2\",\"l1 + d1, s2\"\n"),
        "{csv}"
    );
}

#[test]
fn csv_markdown_and_toml_carry_the_same_figures() {
    let c = compare(&two());
    let csv = render(&c, Format::Csv, Lang::En);
    assert!(
        csv.starts_with("\u{feff}figure,base,alt\ncost,120.50,99\n"),
        "{csv}"
    );
    assert!(
        csv.contains("unit:b,\"l2 + d2, s2\",\"l1 + d1, s2\"\n"),
        "{csv}"
    );
    let md = render(&c, Format::Markdown, Lang::En);
    assert!(
        md.starts_with("|  | base | alt |\n| --- | --- | --- |\n| cost | 120.50 | 99 |\n"),
        "{md}"
    );
    let t: toml::Table = toml::from_str(&render(&c, Format::Toml, Lang::En)).unwrap();
    assert_eq!(t["figures"]["cost"][1].as_str(), Some("99"));
    assert_eq!(t["move"][0]["unit"].as_str(), Some("b"));
}

#[test]
fn identical_plans_say_nothing_moved() {
    let p = two().remove(0);
    let out = render(&compare(&[p.clone(), p]), Format::Table, Lang::En);
    assert!(
        out.contains("every unit has the same leader and team in all plans"),
        "{out}"
    );
}
