//! Household visits a person can do (docs/calendar.md, rule 4): by the team
//! or by every member, joint visits that count for each member in them, a
//! leader with one of the unit's own people, visit days and the monthly cap,
//! and the warning that says who is short and what would fit. Then `check`
//! on hand-broken plans, one per new rule.

#[path = "common/cli.rs"]
mod cli;
mod common;

use std::collections::BTreeMap;

use chrono::{Datelike, Weekday};
use common::rules::{checker, day, violations};
use zhudian::calendar::{build, simple::simple_plan};
use zhudian::model::{Roster, VisitsBy};
use zhudian::plan::{Assignment, PlanFile};
use zhudian::roster;
use zhudian::wording::Lang;

/// A township of 2015 with the official calendar, a Tuesday window, the
/// given policy lines and sections; every unit has a road from the hall.
fn township(policy: &str, rest: &str, units: &[&str]) -> Roster {
    let mut t = format!(
        "[township]\nname = \"测试镇\"\noffice = \"hall\"\nyear = 2015\n\n[station]\nweekday = \"Tue\"\nstart = \"15:00\"\nend = \"18:30\"\n\n[policy]\nmin_present = 1\n{policy}\n\n{rest}\n"
    );
    for u in units {
        t.push_str(&format!(
            "\n[[road]]\nfrom = \"hall\"\nto = \"{u}\"\nminutes = 10\n"
        ));
    }
    roster::load_str(&t, "test.toml").unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
}

/// The language is process-wide: tests that set it take turns.
fn lang(l: Lang) -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    Lang::set_current(l);
    g
}

fn unit(id: &str, name: &str, households: u32) -> String {
    format!("[[unit]]\nid = \"{id}\"\nname = \"{name}\"\nhouseholds = {households}\n\n")
}

fn cadre(id: &str, name: &str) -> String {
    format!("[[cadre]]\nid = \"{id}\"\nname = \"{name}\"\n\n")
}

fn helper(id: &str, name: &str, role: &str, unit: Option<&str>) -> String {
    let u = unit
        .map(|u| format!("unit = \"{u}\"\n"))
        .unwrap_or_default();
    format!("[[helper]]\nid = \"{id}\"\nname = \"{name}\"\nrole = \"{role}\"\nmax_teams = 2\n{u}\n")
}

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

fn assert_rules(r: &Roster, p: &PlanFile) {
    let v = violations(r, p);
    assert!(v.is_empty(), "{} violations:\n{}", v.len(), v.join("\n"));
    let v = checker(r, p);
    assert!(v.is_empty(), "check: {}", v.join("\n"));
}

fn visits(p: &PlanFile) -> impl Iterator<Item = &zhudian::plan::Session> {
    p.session.iter().filter(|s| s.kind == "household_visit")
}

/// Visit half-days per person and month.
fn months(p: &PlanFile) -> BTreeMap<String, [u32; 12]> {
    let mut m: BTreeMap<String, [u32; 12]> = BTreeMap::new();
    for s in visits(p) {
        for who in &s.people {
            m.entry(who.clone()).or_insert([0; 12])[day(&s.date).month0() as usize] += 1;
        }
    }
    m
}

#[test]
fn the_policy_fields_have_their_defaults_and_the_old_field_means_by_member() {
    let one = unit("a", "甲村", 10)
        + &cadre("c1", "张一")
        + &helper("sa", "李甲", "party_secretary", Some("a"));
    let base = format!("units_per_leader = [1, 1]\n{SECRETARY_ONLY}");
    let r = township(&base, &one, &["a"]);
    let p = &r.policy;
    assert_eq!(
        (p.household_visits, p.household_visits_by),
        (2, VisitsBy::Team)
    );
    assert_eq!(
        p.visit_days,
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri
        ]
    );
    assert_eq!(p.visit_half_days_per_month, 8);
    let old = township(
        &format!("{base}\nhousehold_visits_per_member = 3"),
        &one,
        &["a"],
    );
    assert_eq!(
        (old.policy.household_visits, old.policy.household_visits_by),
        (3, VisitsBy::Member)
    );
    let both = "[township]\nname = \"x\"\noffice = \"hall\"\nyear = 2015\n[station]\nweekday = \"Tue\"\nstart = \"15:00\"\nend = \"18:30\"\n[policy]\nhousehold_visits = 2\nhousehold_visits_per_member = 2\nvisit_days = [\"Mon\", \"Sunday\", \"Frid\"]\n";
    let problems = roster::load_str(both, "F").unwrap_err();
    let lines: Vec<String> = problems.0.iter().map(|p| p.render(Lang::En)).collect();
    assert!(
        lines.contains(&"F:11: [policy], field 'household_visits_per_member': give either this field or 'household_visits', not both ('household_visits_per_member = N' means 'household_visits = N' with 'household_visits_by = \"member\"')".to_string()),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("F:12: [policy], field 'visit_days': 'Frid' is not one of")),
        "{lines:#?}"
    );
}

/// 甲村, 600 households visited twice by its team, 15 a time: 80 half-days,
/// shared by its leader, department head, party secretary and a committee
/// cadre on the team.
fn team_unit() -> (Roster, PlanFile) {
    let mut rest = unit("a", "甲村", 600);
    rest += &cadre("c1", "张一");
    rest += &helper("d1", "王科长", "department_head", None);
    rest += &helper("sa", "李书记", "party_secretary", Some("a"));
    rest += &helper("ca", "陈委员", "committee_cadre", Some("a"));
    let r = township("units_per_leader = [1, 1]", &rest, &["a"]);
    let p = built(&r, with(&r, &[("a", "c1", &["d1", "sa"], &["ca"])]));
    (r, p)
}

#[test]
fn by_team_the_visits_are_shared_and_a_leader_goes_with_the_units_own_people() {
    let (r, p) = team_unit();
    let vs: Vec<_> = visits(&p).collect();
    // Each household twice, by whoever went: 1,200 household visits, 80 half-days.
    assert_eq!(vs.len(), 80);
    assert_eq!(vs.iter().map(|s| s.households.unwrap()).sum::<u32>(), 1200);
    let mut half_days: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &vs {
        assert!((1..=2).contains(&s.people.len()), "{:?}", s.people);
        for who in &s.people {
            *half_days.entry(who.as_str()).or_default() += 1;
        }
        if s.people[0] == "c1" {
            assert!(
                s.people[1] == "sa" || s.people[1] == "ca",
                "the leader goes with the unit's own people: {:?}",
                s.people
            );
        } else {
            assert_eq!(s.people.len(), 1);
        }
    }
    // Shared: 80 half-days and the leader's companions' make 107; each of
    // the four gives about a quarter.
    let total: usize = half_days.values().sum();
    for who in ["c1", "d1", "sa", "ca"] {
        let n = half_days.get(who).copied().unwrap_or(0);
        assert!(4 * n + 8 >= total && 4 * n <= total + 8, "{half_days:?}");
    }
    assert!(p.warning.iter().all(|w| w.kind != "household_visits_short"));
    assert_rules(&r, &p);
}

#[test]
fn by_member_a_joint_visit_counts_for_each_member_in_it() {
    let mut rest = "[[unit]]\nid = \"a\"\nname = \"甲村\"\nhouseholds = 65\nhamlets = [{ name = \"一队\", households = 40 }, { name = \"二队\", households = 25 }]\n\n".to_string();
    rest += &helper("sa", "李甲", "party_secretary", Some("a"));
    rest += &helper("v1", "志愿者甲", "volunteer", Some("a"));
    rest += &cadre("c1", "张一");
    let r = township(
        &format!("units_per_leader = [1, 1]\nhousehold_visits_per_member = 2\n{SECRETARY_ONLY}"),
        &rest,
        &["a"],
    );
    let p = built(&r, with(&r, &[("a", "c1", &["sa"], &["v1"])]));
    // 2 × 40 = 80 in 6 half-days, 2 × 25 = 50 in 4: each one visit, together.
    let mut sum: BTreeMap<(String, String), (u32, usize)> = BTreeMap::new();
    for s in visits(&p) {
        assert_eq!(s.people, ["c1", "sa"]);
        for who in &s.people {
            let e = sum
                .entry((who.clone(), s.hamlet.clone().unwrap()))
                .or_default();
            e.0 += s.households.unwrap();
            e.1 += 1;
        }
    }
    let key = |p: &str, h: &str| (p.to_string(), h.to_string());
    assert_eq!(sum[&key("c1", "一队")], (80, 6));
    assert_eq!(sum[&key("c1", "二队")], (50, 4));
    assert_eq!(sum[&key("sa", "一队")], (80, 6));
    assert_eq!(sum[&key("sa", "二队")], (50, 4));
    assert_eq!(p.plan.metrics.household_visit_sessions, 10);
    // Hamlet by hamlet: the first round finishes 一队 before 二队.
    let order: Vec<&str> = visits(&p).map(|s| s.hamlet.as_deref().unwrap()).collect();
    assert_eq!(
        order,
        [
            "一队", "一队", "一队", "二队", "二队", "一队", "一队", "一队", "二队", "二队"
        ]
    );
    assert_rules(&r, &p);
}

/// One 大村 of 6,000 households, twice a year by its team of two: 800
/// half-days needed, and at most 8 a month each.
fn big_unit(policy: &str, helpers: usize) -> (Roster, PlanFile) {
    let mut rest = unit("a", "大村", 6000);
    rest += &helper("sa", "李甲", "party_secretary", Some("a"));
    rest += &cadre("c1", "张一");
    let mut assist = Vec::new();
    for k in 0..helpers {
        rest += &helper(
            &format!("w{k}"),
            &format!("委员{k}"),
            "committee_cadre",
            Some("a"),
        );
        assist.push(format!("w{k}"));
    }
    let r = township(
        &format!("units_per_leader = [1, 1]\n{SECRETARY_ONLY}\n{policy}"),
        &rest,
        &["a"],
    );
    let assist: Vec<&str> = assist.iter().map(String::as_str).collect();
    let p = built(&r, with(&r, &[("a", "c1", &["sa"], &assist)]));
    (r, p)
}

#[test]
fn visit_days_and_the_monthly_cap_are_never_exceeded() {
    let (r, p) = big_unit("", 0);
    assert!(visits(&p).count() > 80);
    for s in visits(&p) {
        let d = day(&s.date);
        assert!(r.days.holiday(d).is_none(), "{}", s.date);
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        assert!(!weekend || r.days.workday(d).is_some(), "{}", s.date);
    }
    for (who, m) in months(&p) {
        assert!(m.iter().all(|&n| n <= 8), "{who}: {m:?}");
    }
    assert_rules(&r, &p);
    // A wider cap and Saturdays: more fits, and still never over.
    let (r2, p2) = big_unit(
        "visit_half_days_per_month = 40\nvisit_days = [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\", \"Sat\"]",
        0,
    );
    assert!(visits(&p2).count() > visits(&p).count());
    assert!(visits(&p2).any(|s| day(&s.date).weekday() == Weekday::Sat));
    // Short of half-days, every free one is used: the swapped working
    // Sunday 15 February too, though Sunday is no visit day.
    assert!(
        visits(&p2).any(|s| s.date == "2015-02-15"),
        "no visit on 2015-02-15"
    );
    for (who, m) in months(&p2) {
        assert!(m.iter().all(|&n| n <= 40), "{who}: {m:?}");
    }
    assert_rules(&r2, &p2);
}

#[test]
fn a_team_short_of_half_days_is_told_what_would_fit_and_it_does() {
    let _en = lang(Lang::En);
    let (r, p) = big_unit("", 0);
    let short: Vec<_> = p
        .warning
        .iter()
        .filter(|w| w.kind == "household_visits_short")
        .collect();
    assert_eq!(short.len(), 1);
    let w = short[0];
    assert_eq!(w.people, ["c1", "sa"]);
    let done: u32 = visits(&p).map(|s| s.households.unwrap()).sum();
    let halves = 800 - visits(&p).count();
    let helpers = halves.div_ceil(96);
    assert_eq!(
        w.message,
        format!(
            "the team of 大村 (张一 and 李甲) cannot make all household visits: {} household visits ({halves} half-days) do not fit within 8 visit half-days a month each; {helpers} more of the unit's own people who may assist (committee cadres, volunteers…) added to the roster (the plan puts them on the team) would fit",
            12_000 - done
        )
    );
    assert_rules(&r, &p);
    // So many more committee cadres on the team: it fits.
    let (r, p) = big_unit("", helpers);
    assert!(
        p.warning.iter().all(|w| w.kind != "household_visits_short"),
        "{:?}",
        p.warning
    );
    assert_eq!(visits(&p).count(), 800);
    assert_rules(&r, &p);
}

#[test]
fn a_member_short_is_told_by_team_would_fit_or_a_higher_cap() {
    // 张一 leads two units of 300 households, each to be visited twice by
    // every member: 40 + 40 half-days for 张一, 4 a month at most.
    let mut rest = unit("a", "甲村", 300) + &unit("b", "乙村", 300);
    rest += &helper("sa", "李甲", "party_secretary", Some("a"));
    rest += &helper("sb", "李乙", "party_secretary", Some("b"));
    rest += &helper("ca", "陈甲", "committee_cadre", Some("a"));
    rest += &helper("cb", "陈乙", "committee_cadre", Some("b"));
    rest += &cadre("c1", "张一");
    let policy = format!(
        "units_per_leader = [2, 2]\nhousehold_visits_per_member = 2\nvisit_half_days_per_month = 4\n{SECRETARY_ONLY}"
    );
    let r = township(&policy, &rest, &["a", "b"]);
    let teams: &[(&str, &str, &[&str], &[&str])] =
        &[("a", "c1", &["sa"], &["ca"]), ("b", "c1", &["sb"], &["cb"])];
    let p = built(&r, with(&r, teams));
    let short: Vec<_> = p
        .warning
        .iter()
        .filter(|w| w.kind == "household_visits_short")
        .collect();
    // Only 张一 is short: each secretary's 40 fit in 4 a month.
    assert!(!short.is_empty());
    for w in &short {
        assert_eq!(w.people, ["c1"]);
        let unit = w.unit.as_deref().unwrap();
        let name = if unit == "a" { "甲村" } else { "乙村" };
        let mine: Vec<_> = visits(&p)
            .filter(|s| s.unit == unit && s.people.iter().any(|x| x == "c1"))
            .collect();
        let done: u32 = mine.iter().map(|s| s.households.unwrap()).sum();
        let halves = 40 - mine.len();
        let _en = lang(Lang::En);
        let en = zhudian::wording::Say::say(
            &zhudian::wording::calendar::CalendarSaid::HouseholdVisitsShort {
                person: Some("张一".into()),
                team: vec!["张一".into(), "李甲".into(), "陈甲".into()],
                unit: name.into(),
                households_missing: (600 - done) as u64,
                half_days_missing: halves,
                cap: 4,
                cap_would_fit: Some(8),
                more_helpers: None,
                by_team_fits: true,
            },
            Lang::En,
        );
        assert!(w.message.starts_with(&format!(
            "张一 cannot make all household visits at {name}: {} household visits ({halves} half-days) do not fit within 4 visit half-days a month; household_visits_by = \"team\" (each household visited by the team together, not by every member), or a cap of ",
            600 - done
        )), "{}", w.message);
        assert!(
            w.message.ends_with(" visit half-days a month would fit"),
            "{}",
            w.message
        );
        assert_eq!(
            en,
            format!(
                "张一 cannot make all household visits at {name}: {} household visits ({halves} half-days) do not fit within 4 visit half-days a month; household_visits_by = \"team\" (each household visited by the team together, not by every member), or a cap of 8 visit half-days a month would fit",
                600 - done
            )
        );
        let zh = zhudian::wording::Say::say(
            &zhudian::wording::calendar::CalendarSaid::HouseholdVisitsShort {
                person: Some("张一".into()),
                team: vec![],
                unit: name.into(),
                households_missing: 100,
                half_days_missing: 7,
                cap: 3,
                cap_would_fit: Some(8),
                more_helpers: None,
                by_team_fits: true,
            },
            Lang::Zh,
        );
        assert_eq!(
            zh,
            format!(
                "张一在{name}的入户走访排不下：100户次（7个半天）超出每月3个半天的走访上限；改为每户由团队共同走访（不必每名成员各走一遍），或把每月走访上限提高到8个半天即可排下"
            )
        );
    }
    assert_rules(&r, &p);
    // The team rule fits, as the warning said.
    let r = township(
        &policy.replace("household_visits_per_member = 2", "household_visits = 2"),
        &rest,
        &["a", "b"],
    );
    let p = built(&r, with(&r, teams));
    assert!(p.warning.iter().all(|w| w.kind != "household_visits_short"));
    assert_rules(&r, &p);
}

/// A trial was told to add the unit's own people, added three committee
/// cadres to the roster, and nothing changed: nobody put them on the team.
/// The plan now does, where the team's visits do not fit.
#[test]
fn the_plan_puts_the_units_own_people_on_a_team_whose_visits_do_not_fit() {
    let _en = lang(Lang::En);
    let (_, p) = big_unit("", 0);
    let halves = 800 - visits(&p).count();
    let helpers = halves.div_ceil(96);
    let (r, _) = big_unit("", helpers + 1);
    let planned = zhudian::planner::plan(&r, "t.toml", &Default::default(), &Default::default())
        .unwrap_or_else(|_| panic!("a plan"))
        .file;
    let a = planned.assignment.iter().find(|a| a.unit == "a").unwrap();
    // As many as the warning asked for, in roster order; the last one stays off.
    let wanted: Vec<String> = (0..helpers).map(|k| format!("w{k}")).collect();
    assert_eq!(a.assist, wanted);
    assert!(
        planned
            .warning
            .iter()
            .all(|w| w.kind != "household_visits_short"),
        "{:?}",
        planned
            .warning
            .iter()
            .map(|w| &w.message)
            .collect::<Vec<_>>()
    );
    assert_rules(&r, &planned);
}

#[test]
fn the_team_warning_in_chinese_names_names() {
    let zh = zhudian::wording::Say::say(
        &zhudian::wording::calendar::CalendarSaid::HouseholdVisitsShort {
            person: None,
            team: vec!["张一".into(), "李甲".into()],
            unit: "大村".into(),
            households_missing: 8505,
            half_days_missing: 567,
            cap: 8,
            cap_would_fit: None,
            more_helpers: Some(6),
            by_team_fits: false,
        },
        Lang::Zh,
    );
    assert_eq!(
        zh,
        "大村团队（张一、李甲）的入户走访排不下：8505户次（567个半天）超出每人每月8个半天的走访上限；名册中为该村（社区）再加6名可协助的本村（社区）人员（如两委干部，排班时会编入团队）即可排下"
    );
}

/// `plan` on a one-unit township whose visits do not fit: the kind's
/// remedy under the list agrees with the warning's, the unit's own people
/// first (a trial's leader of one unit had nothing to shed); where every
/// member visits, visits by the team, as each warning there says.
#[test]
fn the_plans_remedy_for_visits_that_do_not_fit_adds_the_units_own_people_first() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("r.toml");
    let rest = unit("a", "大村", 3000)
        + &cadre("c1", "张一")
        + &helper("sa", "李甲", "party_secretary", Some("a"))
        + "[[road]]\nfrom = \"hall\"\nto = \"a\"\nminutes = 10\n";
    std::fs::write(
        &roster,
        format!(
            "[township]\nname = \"测试镇\"\noffice = \"hall\"\nyear = 2015\n\n[station]\nweekday = \"Tue\"\nstart = \"15:00\"\nend = \"18:30\"\n\n[policy]\nmin_present = 1\nunits_per_leader = [1, 1]\n{SECRETARY_ONLY}\n\n{rest}"
        ),
    )
    .unwrap();
    let out = dir.path().join("p.toml");
    let (r, o) = (roster.to_str().unwrap(), out.to_str().unwrap());
    for (lang, said) in [
        (
            "zh",
            "  入户走访排不下：1条\n\
             \x20   - 大村团队（张一、李甲）的入户走访排不下：4560户次（304个半天）超出每人每月8个半天的走访上限；名册中为该村（社区）再加4名可协助的本村（社区）人员（如两委干部，排班时会编入团队）即可排下\n\
             \x20   解决办法：先按每条提醒所说的办法（由团队走访的：名册中为该村（社区）加可协助的本村（社区）人员；每人各走一遍的：改为每户由团队共同走访）；其次可减少其联系点、减轻其团队任务，或提高每次走访的户数\n",
        ),
        (
            "en",
            "  household visits that do not fit: 1\n\
             \x20   - the team of 大村 (张一 and 李甲) cannot make all household visits: 4560 household visits (304 half-days) do not fit within 8 visit half-days a month each; 4 more of the unit's own people who may assist (committee cadres, volunteers…) added to the roster (the plan puts them on the team) would fit\n\
             \x20   what helps: what each warning says (by team: add the unit's own people who may assist to the roster; by member: have the team visit each household together); else give that person fewer units or a lighter team load, or raise the households per visit session\n",
        ),
    ] {
        let (code, stdout, err) = cli::zhudian(&["--lang", lang, "plan", r, "-o", o]);
        assert_eq!(code, 0, "{err}");
        assert!(stdout.ends_with(said), "{stdout}");
        // The report's 提醒 gives each warning's own remedy, as the
        // terminal does (a trial's page listed only the team).
        let page = dir.path().join("r.html");
        let p = page.to_str().unwrap();
        let (code, _, err) = cli::zhudian(&["--lang", lang, "report", r, o, "-o", p]);
        assert_eq!(code, 0, "{err}");
        let html = std::fs::read_to_string(&page).unwrap();
        let warning = said
            .lines()
            .nth(1)
            .unwrap()
            .trim_start()
            .trim_start_matches("- ");
        let warning = warning.replace('\'', "&#39;");
        assert!(html.contains(&format!("<li>{warning}</li>")), "{warning}");
    }
    // Visits by every member (gaozhou-rural): each warning offers visits
    // by the team, and the summary under them says the same first.
    let (code, stdout, err) = cli::zhudian(&[
        "--lang",
        "zh",
        "plan",
        "instances/gaozhou-rural.toml",
        "-o",
        o,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.contains("改为每户由团队共同走访（不必每名成员各走一遍）即可排下"),
        "{stdout}"
    );
    assert!(
        stdout.contains("    解决办法：先按每条提醒所说的办法（由团队走访的：名册中为该村（社区）加可协助的本村（社区）人员；每人各走一遍的：改为每户由团队共同走访）；其次可减少其联系点、减轻其团队任务，或提高每次走访的户数\n"),
        "{stdout}"
    );
}

// ---- check, one hand-broken plan per rule ----

fn check_lines(r: &Roster, p: &PlanFile, lang: Lang) -> Vec<String> {
    let report = zhudian::verify::check_files(r, &p.to_toml(), None);
    report
        .violations
        .iter()
        .filter(|v| {
            !matches!(
                v.rule,
                zhudian::wording::check::Rule::Cost | zhudian::wording::check::Rule::Tour
            )
        })
        .map(|v| v.line(r, lang))
        .collect()
}

#[test]
fn check_a_visit_on_a_weekend_that_is_not_worked() {
    let (r, mut p) = team_unit();
    // Saturday 7 March 2015: no swapped working day.
    let s = p
        .session
        .iter_mut()
        .find(|s| s.kind == "household_visit")
        .unwrap();
    let who = s.people.clone();
    s.date = "2015-03-07".into();
    let lines = check_lines(&r, &p, Lang::En);
    let by = if who.len() == 1 {
        format!("{}, ", person(&r, &who[0]))
    } else {
        String::new()
    };
    let want = format!(
        "calendar rule 4 (household visits): 甲村（a）, {by}2015-03-07: the visit is on a Sat, neither a visit day (Mon, Tue, Wed, Thu, Fri) nor a swapped working day"
    );
    assert!(lines.contains(&want), "{want}\n{lines:#?}");
    let zh = check_lines(&r, &p, Lang::Zh);
    assert!(
        zh.iter().any(|l| l.ends_with(
            "走访安排在周六，既不是走访日（周一、周二、周三、周四、周五），也不是调休上班日"
        )),
        "{zh:#?}"
    );
    // A swapped working Saturday is fine: 28 February 2015.
    let (r, mut p) = team_unit();
    let s = p
        .session
        .iter_mut()
        .find(|s| s.kind == "household_visit" && s.date.starts_with("2015-0"))
        .unwrap();
    s.date = "2015-02-28".into();
    assert!(
        !check_lines(&r, &p, Lang::En)
            .iter()
            .any(|l| l.contains("neither a visit day")),
    );
}

fn person(r: &Roster, id: &str) -> String {
    if let Some(c) = r.cadre_index(id) {
        format!("{}（{id}）", r.cadres[c].name)
    } else {
        format!("{}（{id}）", r.helpers[r.helper_index(id).unwrap()].name)
    }
}

#[test]
fn check_more_visit_half_days_in_a_month_than_the_cap() {
    let (r, mut p) = team_unit();
    // Nine visits of 王科长 in March, each on its own half-day.
    p.session
        .retain(|s| s.kind != "household_visit" || !s.date.starts_with("2015-03"));
    let mut n = 0;
    for d in 2..=31 {
        let date = format!("2015-03-{d:02}");
        let wd = day(&date).weekday();
        if n == 9 || matches!(wd, Weekday::Sat | Weekday::Sun | Weekday::Tue) {
            continue;
        }
        p.session.push(zhudian::plan::Session {
            date,
            start: "09:00".into(),
            end: "12:00".into(),
            unit: "a".into(),
            kind: "household_visit".into(),
            people: vec!["d1".into()],
            hamlet: Some("甲村".into()),
            households: Some(15),
            makes_up: None,
        });
        n += 1;
    }
    p.plan.metrics.household_visit_sessions = visits(&p).count();
    let lines = check_lines(&r, &p, Lang::En);
    assert!(
        lines.contains(&"calendar rule 4 (household visits): 王科长（d1）: 9 visit half-days in month 3, more than visit_half_days_per_month = 8".to_string()),
        "{lines:#?}"
    );
    let zh = check_lines(&r, &p, Lang::Zh);
    assert!(
        zh.iter()
            .any(|l| l.ends_with("王科长：3 月走访 9 个半天，超过每人每月最多 8 个半天")),
        "{zh:#?}"
    );
}

#[test]
fn check_a_leader_visiting_alone_while_the_units_own_people_were_free() {
    let (r, mut p) = team_unit();
    let s = p
        .session
        .iter_mut()
        .find(|s| s.kind == "household_visit" && s.people[0] == "c1")
        .unwrap();
    let date = s.date.clone();
    let gone = s.people.pop().unwrap();
    let lines = check_lines(&r, &p, Lang::En);
    let gone_name = if gone == "sa" {
        "李书记"
    } else {
        "陈委员"
    };
    assert!(
        lines.iter().any(|l| l.starts_with(&format!(
            "calendar rule 4 (household visits): 甲村（a）, 张一（c1）, {date}: the leader visits without the unit's own people while "
        )) && l.contains(gone_name)),
        "{lines:#?}"
    );
    let zh = check_lines(&r, &p, Lang::Zh);
    assert!(
        zh.iter().any(
            |l| l.contains("：驻点领导没有和本村（社区）人员一起走访，而")
                && l.contains(gone_name)
                && l.ends_with("当时有空")
        ),
        "{zh:#?}"
    );
}

#[test]
fn check_joint_visit_counting_by_team_and_by_member() {
    // By team: the team's visits count once; drop one and the team is short.
    let (r, mut p) = team_unit();
    let i = p
        .session
        .iter()
        .position(|s| s.kind == "household_visit")
        .unwrap();
    p.session.remove(i);
    p.plan.metrics.household_visit_sessions -= 1;
    let lines = check_lines(&r, &p, Lang::En);
    assert_eq!(
        lines,
        [
            "calendar rule 4 (household visits): 甲村（a）: household visits fall short (甲村 1185 of 1200), and there is no household_visits_short warning"
        ]
    );
    // By member: a joint visit counts for each member in it; take the
    // secretary out of one and only the secretary is short.
    let mut rest = unit("a", "甲村", 30);
    rest += &helper("sa", "李甲", "party_secretary", Some("a"));
    rest += &cadre("c1", "张一");
    let r = township(
        &format!("units_per_leader = [1, 1]\nhousehold_visits_per_member = 2\n{SECRETARY_ONLY}"),
        &rest,
        &["a"],
    );
    let mut p = built(&r, with(&r, &[("a", "c1", &["sa"], &[])]));
    assert_eq!(visits(&p).count(), 4);
    assert!(visits(&p).all(|s| s.people == ["c1", "sa"]));
    assert_eq!(check_lines(&r, &p, Lang::En), Vec::<String>::new());
    let s = p
        .session
        .iter_mut()
        .find(|s| s.kind == "household_visit")
        .unwrap();
    s.people = vec!["c1".into()];
    let lines = check_lines(&r, &p, Lang::En);
    assert!(
        lines.contains(&"calendar rule 4 (household visits): 甲村（a）, 李甲（sa）: household visits fall short (甲村 45 of 60), and there is no household_visits_short warning".to_string()),
        "{lines:#?}"
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("张一（c1）: household visits fall short"))
    );
    // Four people on one visit: more than a visit holds.
    let s = p
        .session
        .iter_mut()
        .find(|s| s.kind == "household_visit")
        .unwrap();
    s.people = vec!["c1".into(), "sa".into(), "c1".into(), "sa".into()];
    let lines = check_lines(&r, &p, Lang::En);
    assert!(
        lines.iter().any(|l| l.ends_with(
            "a household visit has 4 people; a visit holds one to three of the unit's team"
        )),
        "{lines:#?}"
    );
}

/// The helpers a short unit is told to add are counted on the months left:
/// a replan from September asks for as many as four months need (a trial
/// added the two it was told to in September, and was short again).
#[test]
fn helpers_asked_for_count_the_months_left() {
    let _g = lang(Lang::Zh);
    let asked = |p: &PlanFile| -> (usize, usize) {
        p.warning
            .iter()
            .find_map(|w| match &w.said {
                Some(zhudian::wording::warnings::WarningSaid::Calendar(
                    zhudian::wording::calendar::CalendarSaid::HouseholdVisitsShort {
                        more_helpers: Some(n),
                        half_days_missing,
                        ..
                    },
                )) => Some((*n, *half_days_missing)),
                _ => None,
            })
            .expect("a household_visits_short warning with helpers asked for")
    };
    let (r, year) = big_unit("", 1);
    let (n, half_days) = asked(&year);
    assert_eq!(
        n,
        half_days.div_ceil(12 * 8),
        "the whole year: twelve months of 8"
    );
    // From September the team loses its committee cadre: the unit is
    // planned again from then on, with four months left.
    let mut later = with(&r, &[("a", "c1", &["sa"], &[])]);
    let from = chrono::NaiveDate::from_ymd_opt(2015, 9, 1).unwrap();
    zhudian::calendar::seam::build_year(
        &r,
        &mut later,
        Some(zhudian::calendar::seam::Kept {
            from,
            previous: &year,
        }),
    );
    let (n, half_days) = asked(&later);
    assert_eq!(
        n,
        half_days.div_ceil(4 * 8),
        "from September: four months of 8"
    );
    assert!(n >= 3, "{n} helpers for {half_days} half-days");
}
