//! The visit calendar, rule by rule (docs/calendar.md), on small hand-made
//! rosters whose right answers can be worked out by hand, then on generated
//! rosters against every rule at once.

mod common;

use std::collections::BTreeMap;

use chrono::{Datelike, Weekday};
use common::rules::{World, checker, day, violations};
use proptest::prelude::*;
use zhudian::calendar::{build, simple::simple_plan};
use zhudian::model::Roster;
use zhudian::plan::{Assignment, PlanFile};
use zhudian::roster;
use zhudian::wording::Lang;

/// A township of 2015 (Tuesday 15:00–18:30 window) with the given sections
/// after the fixed ones; every unit gets a road from the hall.
/// The official holidays are off: these tests count the weeks of a year
/// with only their own holidays (tests/holidays.rs has the official ones).
fn township(policy: &str, rest: &str, units: &[&str]) -> Roster {
    let mut t = format!(
        r#"
[township]
name = "测试镇"
office = "hall"
year = 2015
official_holidays = false

[station]
weekday = "Tue"
start = "15:00"
end = "18:30"

[policy]
avoid_home_unit = true
{policy}

{rest}
"#
    );
    for u in units {
        t.push_str(&format!(
            "\n[[road]]\nfrom = \"hall\"\nto = \"{u}\"\nminutes = 10\n"
        ));
    }
    roster::load_str(&t, "test.toml").unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
}

/// The language is process-wide: tests that set or read it take turns.
fn lang(l: Lang) -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    Lang::set_current(l);
    g
}

fn unit(id: &str, name: &str, households: u32, cadence: &str) -> String {
    format!(
        "[[unit]]\nid = \"{id}\"\nname = \"{name}\"\nhouseholds = {households}\ncadence = \"{cadence}\"\n\n"
    )
}

fn cadre(id: &str, name: &str) -> String {
    format!("[[cadre]]\nid = \"{id}\"\nname = \"{name}\"\n\n")
}

fn secretary(id: &str, name: &str, unit: &str) -> String {
    format!(
        "[[helper]]\nid = \"{id}\"\nname = \"{name}\"\nrole = \"party_secretary\"\nunit = \"{unit}\"\n\n"
    )
}

/// Team: only the unit's own party secretary beside the leader.
const SECRETARY_ONLY: &str = r#"team = [{ roles = ["party_secretary"], from_unit = true }]"#;

fn with(r: &Roster, teams: &[(&str, &str, &[&str], &[&str])]) -> PlanFile {
    let mut p = simple_plan(r);
    p.assignment = teams
        .iter()
        .map(|(u, l, h, a)| Assignment {
            unit: u.to_string(),
            leader: l.to_string(),
            helpers: h.iter().map(|s| s.to_string()).collect(),
            assist: a.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    p
}

fn built(r: &Roster, mut p: PlanFile) -> PlanFile {
    build(r, &mut p);
    p
}

/// Both checkers: this file's own reading of docs/calendar.md, and `verify`.
fn assert_rules(r: &Roster, p: &PlanFile) {
    let v = violations(r, p);
    assert!(v.is_empty(), "{} violations:\n{}", v.len(), v.join("\n"));
    let v = checker(r, p);
    assert!(
        v.is_empty(),
        "check: {} violations:\n{}",
        v.len(),
        v.join("\n")
    );
}

fn stations<'a>(
    p: &'a PlanFile,
    unit: &'a str,
) -> impl Iterator<Item = &'a zhudian::plan::Session> {
    p.session
        .iter()
        .filter(move |s| s.kind == "station" && s.unit == unit)
}

/// Two units, one fortnightly, a holiday over two Tuesdays of different
/// parity: 52 Tuesdays in 2015, the weekly unit loses both, the biweekly one.
fn two_units() -> Roster {
    let mut rest = unit("a", "甲村", 100, "weekly");
    rest += &unit("b", "乙村", 100, "biweekly");
    rest += "[[holiday]]\nname = \"春节\"\nfrom = \"2015-02-17\"\nto = \"2015-02-24\"\n\n";
    rest += &cadre("c1", "张一");
    rest += &secretary("sa", "李甲", "a");
    rest += &secretary("sb", "李乙", "b");
    township(
        &format!("units_per_leader = [2, 2]\n{SECRETARY_ONLY}"),
        &rest,
        &["a", "b"],
    )
}

#[test]
fn station_sessions_weekly_and_biweekly_skip_holidays() {
    let r = two_units();
    let p = built(
        &r,
        with(&r, &[("a", "c1", &["sa"], &[]), ("b", "c1", &["sb"], &[])]),
    );
    let a: Vec<_> = stations(&p, "a").collect();
    let b: Vec<_> = stations(&p, "b").collect();
    assert_eq!(a.len(), 50);
    assert_eq!(b.len(), 25);
    for s in a.iter().chain(&b) {
        let d = day(&s.date);
        assert_eq!(d.weekday(), Weekday::Tue);
        assert!(!(day("2015-02-17")..=day("2015-02-24")).contains(&d));
        assert_eq!((s.start.as_str(), s.end.as_str()), ("15:00", "18:30"));
    }
    for pair in b.windows(2) {
        let gap = (day(&pair[1].date) - day(&pair[0].date)).num_days();
        assert!(gap == 14 || gap == 28, "biweekly gap {gap}");
    }
    assert_eq!(p.plan.metrics.station_sessions, 75);
    assert_rules(&r, &p);
}

#[test]
fn a_leader_on_two_units_alternates_and_is_never_double_booked() {
    let r = two_units();
    let p = built(
        &r,
        with(&r, &[("a", "c1", &["sa"], &[]), ("b", "c1", &["sb"], &[])]),
    );
    let mut dates: BTreeMap<&str, usize> = BTreeMap::new();
    for s in p
        .session
        .iter()
        .filter(|s| s.people.iter().any(|x| x == "c1"))
    {
        if s.kind == "station" {
            *dates.entry(&s.date).or_default() += 1;
        }
    }
    assert!(dates.values().all(|&n| n == 1));
    // The leader is free every week: at one of the units each week.
    assert_eq!(dates.len(), 50);
    assert_rules(&r, &p);
}

/// Three weekly units on one leader: each at least once in any 3 sessions.
#[test]
fn rotation_keeps_each_unit_within_n_sessions() {
    let mut rest = String::new();
    for (u, n) in [("a", "甲村"), ("b", "乙村"), ("c", "丙村")] {
        rest += &unit(u, n, 60, "weekly");
        rest += &secretary(&format!("s{u}"), &format!("书记{u}"), u);
    }
    rest += &cadre("c1", "张一");
    // Two weeks away and a meeting in one window: blocked weeks do not count.
    rest = rest.replace(
        "name = \"张一\"\n",
        "name = \"张一\"\naway = [{ from = \"2015-04-01\", to = \"2015-04-15\", why = \"培训\" }]\n",
    );
    rest += "[[meeting]]\ntitle = \"县委会议\"\nattendees = [\"c1\"]\ndate = \"2015-05-05\"\nstart = \"14:00\"\nend = \"16:00\"\n\n";
    let r = township(
        &format!("units_per_leader = [3, 3]\n{SECRETARY_ONLY}"),
        &rest,
        &["a", "b", "c"],
    );
    let p = built(
        &r,
        with(
            &r,
            &[
                ("a", "c1", &["sa"], &[]),
                ("b", "c1", &["sb"], &[]),
                ("c", "c1", &["sc"], &[]),
            ],
        ),
    );
    // Exactly once per 3 weeks is the only way: a strict cycle.
    for u in ["a", "b", "c"] {
        let with_leader = stations(&p, u)
            .filter(|s| s.people.iter().any(|x| x == "c1"))
            .count();
        assert!((15..=18).contains(&with_leader), "{u}: {with_leader}");
    }
    assert!(p.session.iter().all(|s| {
        let d = day(&s.date);
        !(s.people.iter().any(|x| x == "c1")
            && (day("2015-04-01")..=day("2015-04-15")).contains(&d))
    }));
    assert!(
        !stations(&p, "a")
            .chain(stations(&p, "b"))
            .chain(stations(&p, "c"))
            .any(|s| s.date == "2015-05-05" && s.people.iter().any(|x| x == "c1"))
    );
    assert_rules(&r, &p);
}

/// Two leaders, three units each, nobody else from the township: each week
/// four sessions of six have no township member.
#[test]
fn shortfall_is_counted_and_explained() {
    let _en = lang(Lang::En);
    let mut rest = String::new();
    let ids = ["a", "b", "c", "d", "e", "f"];
    for u in ids {
        rest += &unit(u, &format!("{u}村"), 50, "weekly");
        rest += &secretary(&format!("s{u}"), &format!("书记{u}"), u);
    }
    rest += &cadre("c1", "张一");
    rest += &cadre("c2", "王二");
    let r = township(
        &format!("units_per_leader = [3, 3]\n{SECRETARY_ONLY}"),
        &rest,
        &ids,
    );
    let teams: Vec<(String, String, Vec<String>)> = ids
        .iter()
        .enumerate()
        .map(|(i, u)| {
            (
                u.to_string(),
                if i < 3 { "c1" } else { "c2" }.to_string(),
                vec![format!("s{u}")],
            )
        })
        .collect();
    let spec: Vec<(&str, &str, Vec<&str>)> = teams
        .iter()
        .map(|(u, l, h)| {
            (
                u.as_str(),
                l.as_str(),
                h.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let spec2: Vec<(&str, &str, &[&str], &[&str])> = spec
        .iter()
        .map(|(u, l, h)| (*u, *l, h.as_slice(), &[][..]))
        .collect();
    let p = built(&r, with(&r, &spec2));
    assert_eq!(p.plan.metrics.station_sessions, 312);
    assert_eq!(p.plan.metrics.shortfall_sessions, 312 - 104);
    let short: Vec<_> = p.warning.iter().filter(|w| w.kind == "shortfall").collect();
    assert_eq!(short.len(), 208);
    // Spread evenly: each unit short 2 sessions in 3, give or take one.
    for u in ids {
        let n = short
            .iter()
            .filter(|w| w.unit.as_deref() == Some(u))
            .count();
        assert!((33..=37).contains(&n), "{u}: {n}");
    }
    let w = short[0];
    let unit = w.unit.clone().unwrap();
    assert_eq!(
        w.message,
        format!(
            "station session at {unit}村 ({unit}) on {}: no township member present, and too few people: 1 helper present, 2 required; the year has 312 station sessions to staff, and the township's 2 members, one place a week each, can attend at most 104; 4 more department heads would close the year's gap in numbers (fortnightly sessions alone cannot)",
            chrono::NaiveDate::parse_from_str(w.date.as_deref().unwrap(), "%Y-%m-%d")
                .unwrap()
                .format("%b %-d")
        )
    );
    assert_rules(&r, &p);
}

fn meeting_roster(emergency: bool) -> Roster {
    let mut rest = unit("a", "甲村", 30, "weekly");
    rest += &secretary("sa", "李甲", "a");
    rest += &cadre("c1", "张一");
    rest += &format!(
        "[[meeting]]\ntitle = \"党委扩大会议\"\nattendees = [\"c1\"]\ndate = \"2015-03-10\"\nstart = \"16:00\"\nend = \"17:00\"\nemergency = {emergency}\n\n"
    );
    township(
        &format!("units_per_leader = [1, 1]\n{SECRETARY_ONLY}"),
        &rest,
        &["a"],
    )
}

#[test]
fn meeting_in_window_is_worded_exactly() {
    let r = meeting_roster(false);
    let plan = with(&r, &[("a", "c1", &["sa"], &[])]);
    let guard = lang(Lang::En);
    let p = built(&r, plan.clone());
    let w: Vec<_> = p
        .warning
        .iter()
        .filter(|w| w.kind == "meeting_in_window")
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].date.as_deref(), Some("2015-03-10"));
    assert_eq!(w[0].people, vec!["c1".to_string()]);
    assert_eq!(
        w[0].message,
        "meeting '党委扩大会议' on Mar 10 16:00–17:00 falls in the station window (Tue 15:00–18:30): it takes 张一 away from their station session; major meetings should keep out of the window"
    );
    Lang::set_current(Lang::Zh);
    let p = built(&r, plan);
    Lang::set_current(Lang::En);
    drop(guard);
    let w: Vec<_> = p
        .warning
        .iter()
        .filter(|w| w.kind == "meeting_in_window")
        .collect();
    assert_eq!(
        w[0].message,
        "会议“党委扩大会议”（3月10日 16:00–17:00）占用驻点时间（周二 15:00–18:30）：张一因此不能驻点；重要会议应避开驻点时间"
    );
    // An ordinary meeting is not made up.
    assert_eq!(p.plan.metrics.makeup_sessions, 0);
    assert_rules(&r, &p);
}

#[test]
fn a_weekly_meeting_on_a_holiday_takes_no_one_from_a_session() {
    // Every Tuesday 16:00 from 09-29 to 10-13; 10-06 falls in 国庆节, when
    // no session is held: only 09-29 and 10-13 are warned about.
    let mut rest = unit("a", "甲村", 30, "weekly");
    rest += &secretary("sa", "李甲", "a");
    rest += &cadre("c1", "张一");
    rest += "[[meeting]]\ntitle = \"周例会\"\nattendees = [\"c1\"]\ndate = \"2015-09-29\"\nstart = \"16:00\"\nend = \"17:00\"\nrepeat = \"weekly\"\nuntil = \"2015-10-13\"\n\n";
    rest += "[[holiday]]\nname = \"国庆节\"\nfrom = \"2015-10-01\"\nto = \"2015-10-07\"\n\n";
    let r = township(
        &format!("units_per_leader = [1, 1]\n{SECRETARY_ONLY}"),
        &rest,
        &["a"],
    );
    let p = built(&r, with(&r, &[("a", "c1", &["sa"], &[])]));
    let dates: Vec<&str> = p
        .warning
        .iter()
        .filter(|w| w.kind == "meeting_in_window")
        .filter_map(|w| w.date.as_deref())
        .collect();
    assert_eq!(dates, ["2015-09-29", "2015-10-13"]);
    assert_rules(&r, &p);
}

#[test]
fn makeups_go_to_the_first_free_saturday_after_notice() {
    // Emergency meeting on Tue 2015-03-10 takes the leader, the session's
    // only township member: it is made up at the same unit with its own
    // secretary, on the earliest Sat ≥ 03-13, 03-14. The secretary away
    // 2015-06-01..06-12 misses 06-02 and 06-09, but the leader received
    // the villagers: nothing to make up.
    let mut rest = unit("a", "甲村", 30, "weekly");
    rest += "[[helper]]\nid = \"sa\"\nname = \"李甲\"\nrole = \"party_secretary\"\nunit = \"a\"\naway = [{ from = \"2015-06-01\", to = \"2015-06-12\", why = \"病假\" }]\n\n";
    rest += &cadre("c1", "张一");
    rest += "[[meeting]]\ntitle = \"防汛紧急会议\"\nattendees = [\"c1\"]\ndate = \"2015-03-10\"\nstart = \"14:30\"\nend = \"17:30\"\nemergency = true\n\n";
    rest += "[[meeting]]\ntitle = \"周六学习\"\nattendees = [\"sa\"]\ndate = \"2015-06-20\"\nstart = \"16:00\"\nend = \"17:00\"\n\n";
    let r = township(
        &format!("units_per_leader = [1, 1]\n{SECRETARY_ONLY}"),
        &rest,
        &["a"],
    );
    let p = built(&r, with(&r, &[("a", "c1", &["sa"], &[])]));
    let makeups: Vec<(&str, &str, Vec<&str>)> = p
        .session
        .iter()
        .filter(|s| s.kind == "makeup")
        .map(|s| {
            (
                s.date.as_str(),
                s.makes_up.as_deref().unwrap(),
                s.people.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        makeups,
        vec![("2015-03-14", "2015-03-10", vec!["c1", "sa"])]
    );
    assert_eq!(p.plan.metrics.makeup_sessions, 1);
    assert!(p.warning.iter().all(|w| w.kind != "meeting_in_window"));
    assert_rules(&r, &p);
    // Dropped, both checkers miss it.
    let mut q = p.clone();
    q.session.retain(|s| s.kind != "makeup");
    q.plan.metrics.makeup_sessions = 0;
    assert!(violations(&r, &q).iter().any(|x| x.contains("not made up")));
    assert!(checker(&r, &q).iter().any(|x| x.contains("make-up")));
}

#[test]
fn a_makeup_waits_no_longer_than_makeup_within_days() {
    // The secretary is away 2015-03-11..04-30: no Saturday within 21 days
    // of 03-10 has the unit's own people, so the session is reported lost;
    // with 60 days the make-up is on the first Saturday after the return.
    let mk = |within: u32| {
        let mut rest = unit("a", "甲村", 30, "weekly");
        rest += "[[helper]]\nid = \"sa\"\nname = \"李甲\"\nrole = \"party_secretary\"\nunit = \"a\"\naway = [{ from = \"2015-03-11\", to = \"2015-04-30\", why = \"培训\" }]\n\n";
        rest += &cadre("c1", "张一");
        rest += "[[meeting]]\ntitle = \"防汛紧急会议\"\nattendees = [\"c1\"]\ndate = \"2015-03-10\"\nstart = \"14:30\"\nend = \"17:30\"\nemergency = true\n\n";
        let mut r = township(
            &format!("units_per_leader = [1, 1]\n{SECRETARY_ONLY}"),
            &rest,
            &["a"],
        );
        r.station.makeup_within_days = within;
        let p = built(&r, with(&r, &[("a", "c1", &["sa"], &[])]));
        (r, p)
    };
    let (r, p) = mk(21);
    assert!(p.session.iter().all(|s| s.kind != "makeup"));
    assert!(
        p.warning
            .iter()
            .any(|w| w.kind == "makeup_impossible" && w.date.as_deref() == Some("2015-03-10"))
    );
    assert_rules(&r, &p);
    let (r, p) = mk(60);
    let m: Vec<_> = p.session.iter().filter(|s| s.kind == "makeup").collect();
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0].date.as_str(), m[0].people.clone()),
        ("2015-05-02", vec!["c1".to_string(), "sa".to_string()])
    );
    assert_rules(&r, &p);
    // The same make-up under the 21-day rule is late, for both checkers.
    let (r21, _) = mk(21);
    assert!(violations(&r21, &p).iter().any(|x| x.contains("too late")));
    assert!(
        checker(&r21, &p)
            .iter()
            .any(|x| x.contains("must be within 21 days"))
    );
}

#[test]
fn the_example_keeps_every_rule_and_is_deterministic() {
    let r = roster::load(std::path::Path::new("instances/beijiao-example.toml")).unwrap();
    let a = built(&r, simple_plan(&r));
    let b = built(&r, simple_plan(&r));
    assert_eq!(a.to_toml(), b.to_toml());
    // Building again over a built plan replaces, not duplicates.
    let c = built(&r, a.clone());
    assert_eq!(a.to_toml(), c.to_toml());
    // The emergency meeting of 2015-06-16 takes he-jm and chen-zq: made up.
    assert!(
        a.session
            .iter()
            .any(|s| s.kind == "makeup" && s.makes_up.as_deref() == Some("2015-06-16"))
    );
    let sorted = a.session.windows(2).all(|w| {
        (
            &w[0].date,
            &w[0].start,
            &w[0].unit,
            &w[0].kind,
            &w[0].people,
        ) <= (
            &w[1].date,
            &w[1].start,
            &w[1].unit,
            &w[1].kind,
            &w[1].people,
        )
    });
    assert!(sorted);
    assert_eq!(a.plan.metrics.warnings, a.warning.len());
    let world = World::new(&r, &a);
    assert!(!world.station_dates().is_empty());
    assert_rules(&r, &a);
}

#[test]
fn shipped_instances_keep_every_rule() {
    for f in [
        "instances/gaozhou-rural.toml",
        "instances/leping-town.toml",
        "instances/urban-subdistrict.toml",
    ] {
        let r = roster::load(std::path::Path::new(f)).unwrap();
        let p = built(&r, simple_plan(&r));
        let mut v = violations(&r, &p);
        v.extend(checker(&r, &p));
        assert!(v.is_empty(), "{f}: {}", v.join("\n"));
    }
}

/// The rules above are only as good as the checker: break a good calendar
/// in each way and see it caught.
#[test]
fn the_rule_checker_catches_broken_calendars() {
    let r = roster::load(std::path::Path::new("instances/beijiao-example.toml")).unwrap();
    let good = built(&r, simple_plan(&r));
    assert_rules(&r, &good);
    let caught = |p: &PlanFile, what: &str| {
        let v = violations(&r, p);
        assert!(v.iter().any(|x| x.contains(what)), "{what}: {v:?}");
    };
    // A make-up dropped: see makeups_go_to_the_first_free_saturday_after_notice.
    // A leader in a session while away (lao-gx: 2015-03-02..13).
    let mut p = good.clone();
    let s = p
        .session
        .iter_mut()
        .find(|s| s.kind == "station" && s.date == "2015-03-10")
        .unwrap();
    s.people.push("lao-gx".into());
    caught(&p, "blocked");
    // Two visits at once.
    let mut p = good.clone();
    let v = p
        .session
        .iter()
        .find(|s| s.kind == "household_visit")
        .unwrap()
        .clone();
    p.session.push(v);
    caught(&p, "double-booked");
    // A session's township member taken away, with no warning.
    let mut p = good.clone();
    let s = p
        .session
        .iter_mut()
        .find(|s| s.kind == "station" && s.unit == "xihai" && s.date == "2015-01-06")
        .unwrap();
    s.people.retain(|x| x.ends_with("-sec"));
    caught(&p, "short without a warning");
    // Visits cut short, with no warning.
    let mut p = good.clone();
    let i = p
        .session
        .iter()
        .position(|s| s.kind == "household_visit")
        .unwrap();
    p.session.remove(i);
    p.warning.retain(|w| w.kind != "household_visits_short");
    caught(&p, "no warning");
    // A leader kept away from a unit: off the posted timetable.
    let mut p = good.clone();
    for s in p
        .session
        .iter_mut()
        .filter(|s| s.kind == "station" && s.unit == "midea")
    {
        s.people.retain(|x| x != "lao-gx");
    }
    caught(&p, "lao-gx not at midea");
    // The same under the flexible rotation: too long away.
    let mut flexible = r.clone();
    flexible.policy.rotation = zhudian::model::Rotation::Flexible;
    let mut p = built(&flexible, simple_plan(&flexible));
    assert_rules(&flexible, &p);
    for s in p
        .session
        .iter_mut()
        .filter(|s| s.kind == "station" && s.unit == "midea")
    {
        s.people.retain(|x| x != "lao-gx");
    }
    let v = violations(&flexible, &p);
    assert!(v.iter().any(|x| x.contains("missing from midea")), "{v:?}");
}

/// Real plans from the planner, calendar included (its hook calls `build`):
/// every rule, and `check` finds nothing at all, cost included.
#[test]
fn planned_instances_keep_every_rule() {
    use zhudian::planner::{Options, Previous, plan};
    for f in [
        "instances/beijiao-example.toml",
        "instances/gaozhou-rural.toml",
        "instances/leping-town.toml",
        "instances/urban-subdistrict.toml",
        "instances/foshan/foshan-09-shishan.toml",
    ] {
        let r = roster::load(std::path::Path::new(f)).unwrap();
        let p = plan(&r, f, &Options::default(), &Previous::default())
            .unwrap_or_else(|_| panic!("{f} plans"))
            .file;
        assert!(p.plan.metrics.station_sessions > 0, "{f}: no calendar");
        let v = violations(&r, &p);
        assert!(v.is_empty(), "{f}: {}", v.join("\n"));
        let report = zhudian::verify::check_files(&r, &p.to_toml(), None);
        assert!(
            report.violations.is_empty(),
            "{f}: {}",
            report.render(&r, Lang::En)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn generated_rosters_keep_every_rule(seed in 0u64..10_000, units in 5usize..22, profile in 0usize..3, per in 1usize..3) {
        use zhudian::generate::{GenOptions, KindMix, Profile, generate_roster};
        let profile = [Profile::Rural, Profile::Town, Profile::Urban][profile];
        let cadres = (units / (per + 1)).max(2);
        let o = GenOptions::new(profile, KindMix::for_profile(profile, units), cadres, seed);
        let text = generate_roster(&o);
        let r = roster::load_str(&text, "generated.toml").map_err(|p| TestCaseError::fail(p.render(Lang::En)))?;
        let p = built(&r, simple_plan(&r));
        let mut v = violations(&r, &p);
        v.extend(checker(&r, &p));
        prop_assert!(v.is_empty(), "{}", v.join("\n"));
        // And through the planner, when it finds a plan.
        if let Ok(planned) = zhudian::planner::plan(&r, "generated.toml", &Default::default(), &Default::default()) {
            let p = planned.file;
            let mut v = violations(&r, &p);
            let report = zhudian::verify::check_files(&r, &p.to_toml(), None);
            v.extend(report.violations.iter().map(|x| x.line(&r, Lang::En)));
            prop_assert!(v.is_empty(), "planned: {}", v.join("\n"));
        }
    }
}

/// The example roster roughed up: people away for weeks, emergency and
/// ordinary meetings in and out of the window (some repeating), a tighter
/// or looser policy, units switched to fortnightly.
fn roughed_up(
    away: &[(usize, u32, u32)],
    meetings: &[(usize, u32, u32, u32, bool, u8)],
    min_present: usize,
    per_session: u32,
    biweekly: &[usize],
) -> Roster {
    use chrono::{Days, NaiveDate, NaiveTime};
    use zhudian::model::{Attendee, Cadence, Meeting, Period, Repeat};
    let mut r = roster::load(std::path::Path::new("instances/beijiao-example.toml")).unwrap();
    let jan1 = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let ids: Vec<String> = r
        .cadres
        .iter()
        .map(|c| c.id.clone())
        .chain(r.helpers.iter().map(|h| h.id.clone()))
        .collect();
    for &(who, start, len) in away {
        let from = jan1 + Days::new(start as u64 % 360);
        let to =
            (from + Days::new(len as u64 % 60)).min(NaiveDate::from_ymd_opt(2015, 12, 31).unwrap());
        let p = Period {
            from,
            to,
            why: "出差".into(),
        };
        let id = &ids[who % ids.len()];
        if let Some(c) = r.cadre_index(id) {
            r.cadres[c].away.push(p);
        } else if let Some(h) = r.helper_index(id) {
            r.helpers[h].away.push(p);
        }
    }
    for &(who, date, start, len, emergency, repeat) in meetings {
        let start_min = 8 * 60 + (start % 20) * 30;
        let end_min = (start_min + 30 + (len % 8) * 30).min(23 * 60);
        let t = |m: u32| NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap();
        r.meetings.push(Meeting {
            title: format!("会议{date}"),
            attendees: vec![Attendee::Person(ids[who % ids.len()].clone())],
            date: jan1 + Days::new(date as u64 % 364),
            start: t(start_min),
            end: t(end_min),
            repeat: [Repeat::None, Repeat::None, Repeat::Weekly, Repeat::Monthly]
                [repeat as usize % 4],
            until: None,
            emergency,
            line: None,
            elsewhere: None,
        });
    }
    r.policy.min_present = min_present;
    r.policy.households_per_visit_session = per_session;
    for &u in biweekly {
        let n = r.units.len();
        r.units[u % n].cadence = Cadence::Biweekly;
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn roughed_up_examples_keep_every_rule(
        away in proptest::collection::vec((0usize..20, 0u32..365, 0u32..60), 0..6),
        meetings in proptest::collection::vec((0usize..20, 0u32..364, 0u32..20, 0u32..8, any::<bool>(), 0u8..4), 0..6),
        min_present in 1usize..4,
        per_session in 5u32..40,
        biweekly in proptest::collection::vec(0usize..6, 0..3),
    ) {
        let r = roughed_up(&away, &meetings, min_present, per_session, &biweekly);
        let p = built(&r, simple_plan(&r));
        let mut v = violations(&r, &p);
        v.extend(checker(&r, &p));
        prop_assert!(v.is_empty(), "{}", v.join("\n"));
    }
}

#[test]
fn a_member_away_for_two_months_does_not_pile_a_units_visits_into_the_next() {
    // Found by the property above: a team member away from Jan 2 to Feb 28.
    // Their visits, due in January and February, once all fell at the
    // first free days of March (9 of the unit's 40 sessions, the limit 7).
    let r = roughed_up(&[(8, 361, 57)], &[], 1, 39, &[]);
    let p = built(&r, simple_plan(&r));
    let mut v = violations(&r, &p);
    v.extend(checker(&r, &p));
    assert!(v.is_empty(), "{}", v.join("\n"));
    // No unit's month holds more than twice its even share.
    let mut months: BTreeMap<(&str, u32), u32> = BTreeMap::new();
    let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
    for s in p.session.iter().filter(|s| s.kind == "household_visit") {
        let m = day(&s.date).month();
        *months.entry((s.unit.as_str(), m)).or_default() += 1;
        *totals.entry(s.unit.as_str()).or_default() += 1;
    }
    assert!(totals["linshang"] >= 40, "{totals:?}");
    for ((unit, m), n) in months {
        let limit = (2 * totals[unit]).div_ceil(12);
        assert!(n <= limit, "{unit}: {n} visits in month {m}, limit {limit}");
    }
}

#[test]
fn a_shortfall_from_a_meeting_names_the_meeting_not_hiring() {
    // The ordinary meeting of 2015-03-10 takes the leader, the team's only
    // township member: the remedy is to move it.
    let r = meeting_roster(false);
    let plan = with(&r, &[("a", "c1", &["sa"], &[])]);
    let guard = lang(Lang::En);
    let en = built(&r, plan.clone());
    Lang::set_current(Lang::Zh);
    let zh = built(&r, plan);
    Lang::set_current(Lang::En);
    drop(guard);
    let short = |p: &PlanFile| {
        p.warning
            .iter()
            .find(|w| w.kind == "shortfall" && w.date.as_deref() == Some("2015-03-10"))
            .map(|w| w.message.clone())
            .expect("a shortfall on 03-10")
    };
    assert_eq!(
        short(&en),
        "station session at 甲村 (a) on Mar 10: no township member present, and too few people: 1 helper present, 2 required; the year has 52 station sessions to staff, and the township's 1 member, one place a week each, can attend at most 51; the meeting '党委扩大会议' took the team's township members; moving it out of the station window would staff this session"
    );
    assert_eq!(
        short(&zh),
        "甲村 3月10日 驻点接待：没有镇街人员到场，只有1名协助人员，少于要求的2人；全年共需驻点接待52次，镇街1名成员每人每周只能去一个点，全年最多能去51次；会议“党委扩大会议”占用了该团队镇街成员的驻点时间；把会议移出驻点时间即可补上"
    );
    // An emergency meeting is the one reason to meet in the window: made up,
    // not blamed (no move asked); the shortfall names it as the cause.
    let r = meeting_roster(true);
    let p = built(&r, with(&r, &[("a", "c1", &["sa"], &[])]));
    let said: Vec<_> = p
        .warning
        .iter()
        .map(|w| (&w.kind, w.said.as_ref()))
        .collect();
    assert!(said.iter().all(|(k, _)| *k != "meeting_in_window"));
    assert!(format!("{said:?}").contains(r#"Emergency { title: "党委扩大会议", everyone: true }"#));
}

#[test]
fn validate_lists_each_meeting_in_the_window_with_its_dates() {
    let r = meeting_roster(false);
    let found = zhudian::calendar::meetings_in_window(&r);
    assert_eq!(found.len(), 1);
    let said = found[0].said(&r);
    assert_eq!(
        zhudian::wording::calendar::validate_warning(&said, Lang::En),
        "warning: meeting '党委扩大会议' (16:00–17:00) falls in the station window (Tue 15:00–18:30) on 1 date: Mar 10; move it out of the window, or mark it emergency = true if it is one\n"
    );
    assert_eq!(
        zhudian::wording::calendar::validate_warning(&said, Lang::Zh),
        "提醒：会议“党委扩大会议”（16:00–17:00）占用驻点时间（周二 15:00–18:30），共 1 次：3月10日；请移出驻点时间，确属急难险重情况的请标为紧急会议\n"
    );
    // Emergencies and meetings outside the window are not listed.
    assert!(zhudian::calendar::meetings_in_window(&meeting_roster(true)).is_empty());
    let mut outside = meeting_roster(false);
    outside.meetings[0].start = chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    outside.meetings[0].end = chrono::NaiveTime::from_hms_opt(11, 0, 0).unwrap();
    assert!(zhudian::calendar::meetings_in_window(&outside).is_empty());
}
