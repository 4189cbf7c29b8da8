//! The seam of a replan from a date, in one small township
//! (instances/beijiao-example.toml): a leader who `leaves` with no successor
//! has their units given to others from the date, and `check --previous`
//! accepts the plan `replan` wrote (the teams before the date are the plan
//! in force's); a mid-month `--from` counts the visit half-days the month
//! already holds against the monthly cap; a successor takes over the
//! predecessor's visits as they stand only where that leaves him at the cap.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{read_plan, tmp};

use std::collections::BTreeMap;
use std::path::Path;

use zhudian::plan::PlanFile;

const ROSTER: &str = "instances/beijiao-example.toml";
/// 何建明 leads one unit (北滘社区, beijiao-sq) in the plan in force.
const LEAVER: &str = "he-jm";

/// The shipped roster with `id` leaving on `date`; with `successor`, a new
/// cadre of that id who `succeeds` them.
fn leaving(dir: &Path, id: &str, date: &str, successor: Option<&str>) -> String {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let head = format!("[[cadre]]\nid = \"{id}\"\n");
    assert!(text.contains(&head), "{id} is a cadre of {ROSTER}");
    let mut out = text.replace(&head, &format!("{head}leaves = \"{date}\"\n"));
    if let Some(new) = successor {
        out.push_str(&format!(
            "\n[[cadre]]\nid = \"{new}\"\nname = \"林晓阳\"\npost = \"副镇长\"\nskills = [\"stability\", \"legal\"]\nunits = [1, 2]\nsucceeds = \"{id}\"\n"
        ));
    }
    let path = tmp(dir, "roster.toml");
    std::fs::write(&path, out).unwrap();
    path
}

/// Plans the shipped roster, then replans `roster` from `from`; (p0, p1).
fn replanned(dir: &Path, roster: &str, from: &str) -> (String, String) {
    let p0 = tmp(dir, "p0.toml");
    let (c, out, err) = zhudian(&["plan", ROSTER, "-o", &p0]);
    assert_eq!(c, 0, "{out}{err}");
    let p1 = tmp(dir, "p1.toml");
    let (c, out, err) = zhudian(&[
        "replan",
        roster,
        "--previous",
        &p0,
        "--from",
        from,
        "-o",
        &p1,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    (p0, p1)
}

/// `check ROSTER PLAN --previous PREVIOUS`: (exit code, stdout + stderr).
fn check(roster: &str, plan: &str, previous: &str) -> (i32, String) {
    let (c, out, err) = zhudian(&["check", roster, plan, "--previous", previous]);
    (c, out + &err)
}

#[test]
fn a_leaver_without_successor_hands_their_unit_on_and_check_accepts_the_replan() {
    let dir = tempfile::tempdir().unwrap();
    let from = "2015-07-01";
    let roster = leaving(dir.path(), LEAVER, from, None);
    let (p0, p1) = replanned(dir.path(), &roster, from);
    let (before, after) = (read_plan(&p0), read_plan(&p1));
    let led = |p: &PlanFile| -> Vec<String> {
        p.assignment
            .iter()
            .filter(|a| a.leader == LEAVER)
            .map(|a| a.unit.clone())
            .collect()
    };
    assert_eq!(led(&before), ["beijiao-sq"]);
    assert!(led(&after).is_empty(), "{:?}", after.assignment);
    // The engine gave the unit to another leader; they serve it from the date.
    let new_leader = &after
        .assignment
        .iter()
        .find(|a| a.unit == "beijiao-sq")
        .unwrap()
        .leader;
    assert!(after.session.iter().any(|s| s.unit == "beijiao-sq"
        && s.date.as_str() >= from
        && s.people.contains(new_leader)));
    for s in &after.session {
        let his = s.people.iter().any(|p| p == LEAVER);
        assert!(!his || s.date.as_str() < from, "{s:?}");
    }
    // Before the date he is on his unit's team, as the plan in force had it.
    assert!(after.session.iter().any(|s| s.unit == "beijiao-sq"
        && s.date.as_str() < from
        && s.people.iter().any(|p| p == LEAVER)));
    let (c, out) = check(&roster, &p1, &p0);
    assert_eq!(c, 0, "{out}");
    assert!(out.contains("The plan is valid."), "{out}");
}

/// The cut is by date: after it, the old team is no longer the unit's.
#[test]
fn check_holds_the_teams_after_the_date_to_the_new_plan() {
    let dir = tempfile::tempdir().unwrap();
    let from = "2015-07-01";
    let roster = leaving(dir.path(), LEAVER, from, None);
    let (p0, p1) = replanned(dir.path(), &roster, from);
    let mut plan = read_plan(&p1);
    let before = read_plan(&p0);
    let old_team = &before
        .assignment
        .iter()
        .find(|a| a.unit == "beijiao-sq")
        .unwrap()
        .helpers;
    let new_team = &plan
        .assignment
        .iter()
        .find(|a| a.unit == "beijiao-sq")
        .unwrap();
    // A helper of the old team who is on the new one no more.
    let gone = old_team
        .iter()
        .find(|h| !new_team.helpers.contains(h) && !new_team.assist.contains(h))
        .expect("the unit's team changed at the date")
        .clone();
    let i = plan
        .session
        .iter()
        .position(|s| s.unit == "beijiao-sq" && s.kind == "station" && s.date.as_str() >= from)
        .unwrap();
    let date = plan.session[i].date.clone();
    plan.session[i].people.push(gone.clone());
    let bad = tmp(dir.path(), "bad.toml");
    std::fs::write(&bad, plan.to_toml()).unwrap();
    let (c, out) = check(&roster, &bad, &p0);
    assert_eq!(c, 1, "{out}");
    let name = |id: &str| -> String {
        let t: toml::Table = toml::from_str(&std::fs::read_to_string(ROSTER).unwrap()).unwrap();
        let helpers = t["helper"].as_array().unwrap();
        let h = helpers
            .iter()
            .find(|h| h["id"].as_str() == Some(id))
            .unwrap();
        h["name"].as_str().unwrap().to_string()
    };
    let line = format!(
        "calendar rule 1 (station sessions): 北滘社区（beijiao-sq）, {}（{gone}）, {date}: is in a station session but not on this unit's team",
        name(&gone)
    );
    assert!(out.contains(&line), "{line}\n{out}");
}

/// Without `--previous`, a replanned plan that records no earlier teams
/// (written before plans did) is checked against its own teams, and check
/// says so.
#[test]
fn check_without_the_plan_in_force_says_what_it_checked_the_past_against() {
    let dir = tempfile::tempdir().unwrap();
    let from = "2015-07-01";
    let roster = leaving(dir.path(), LEAVER, from, None);
    let (_, p1) = replanned(dir.path(), &roster, from);
    // A plan written before plans carried their earlier teams.
    let mut plan = read_plan(&p1);
    assert!(!plan.earlier_team.is_empty());
    plan.earlier_team.clear();
    std::fs::write(&p1, plan.to_toml()).unwrap();
    let (_, out, _) = zhudian(&["check", &roster, &p1]);
    assert!(
        out.contains("note: the plan was replanned from a date (replanned_from); without --previous PLAN its sessions before that date are checked against this plan's teams: give --previous PLAN to check them against the plan in force's\n"),
        "{out}"
    );
    let (_, out, _) = zhudian(&["--lang", "zh", "check", &roster, &p1]);
    assert!(
        out.contains("说明：该方案是自某日起重新规划的；未用 --previous 指定原方案时，该日之前的活动按本方案的团队检查；用 --previous 指定原方案即可按原方案的团队核对\n"),
        "{out}"
    );
}

/// Visit half-days per person in `month` ("2015-07"): before `from`, and in all.
fn july(p: &PlanFile, month: &str, from: &str) -> BTreeMap<String, (u32, u32)> {
    let mut n: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for s in p
        .session
        .iter()
        .filter(|s| s.kind == "household_visit" && s.date.starts_with(month))
    {
        for x in &s.people {
            let e = n.entry(x.clone()).or_default();
            e.1 += 1;
            if s.date.as_str() < from {
                e.0 += 1;
            }
        }
    }
    n
}

fn cap_holds_across_a_mid_month_date(successor: Option<&str>) {
    let dir = tempfile::tempdir().unwrap();
    let from = "2015-07-16";
    let roster = leaving(dir.path(), LEAVER, from, successor);
    let (p0, p1) = replanned(dir.path(), &roster, from);
    let cap = 8; // the roster's visit_half_days_per_month (the default)
    let n = july(&read_plan(&p1), "2015-07", from);
    // The month's first half already holds visits, for people who visit
    // again after the date: what the seam must count.
    assert!(
        n.values().any(|&(early, all)| early > 0 && all > early),
        "{n:?}"
    );
    for (who, (_, all)) in &n {
        assert!(*all <= cap, "{who}: {all} visit half-days in July");
    }
    let (c, out) = check(&roster, &p1, &p0);
    assert_eq!(c, 0, "{out}");
    assert!(!out.contains("visit half-days in month 7"), "{out}");
}

#[test]
fn a_mid_month_date_counts_the_months_earlier_visits_against_the_cap() {
    cap_holds_across_a_mid_month_date(None);
}

#[test]
fn a_mid_month_handover_counts_the_months_earlier_visits_against_the_cap() {
    cap_holds_across_a_mid_month_date(Some("lin-xy"));
}

/// Two replans in a row: 何建明 leaves in July (his unit handed on), then
/// 梁文辉 leaves in September with a successor. The September plan carries
/// the teams of January–June and July–August (`[[earlier_team]]`), so it is
/// checked clean with or without the July plan; a tampered record is caught.
#[test]
fn a_chain_of_replans_carries_its_earlier_teams_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let july = leaving(dir.path(), LEAVER, "2015-07-01", None);
    let (_, p1) = replanned(dir.path(), &july, "2015-07-01");
    let text = std::fs::read_to_string(&july).unwrap();
    let head = "[[cadre]]\nid = \"liang-wh\"\n";
    assert!(text.contains(head));
    let sept = tmp(dir.path(), "sept.toml");
    std::fs::write(
        &sept,
        text.replace(head, &format!("{head}leaves = \"2015-09-01\"\n"))
            + "\n[[cadre]]\nid = \"wu-jl\"\nname = \"吴嘉琳\"\npost = \"副镇长\"\nskills = [\"stability\", \"legal\"]\nunits = [1, 3]\nsucceeds = \"liang-wh\"\n",
    )
    .unwrap();
    let p2 = tmp(dir.path(), "p2.toml");
    let (c, out, err) = zhudian(&[
        "replan",
        &sept,
        "--previous",
        &p1,
        "--from",
        "2015-09-01",
        "-o",
        &p2,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let plan = read_plan(&p2);
    let untils: std::collections::BTreeSet<&str> =
        plan.earlier_team.iter().map(|t| t.until.as_str()).collect();
    assert_eq!(
        untils.into_iter().collect::<Vec<_>>(),
        ["2015-07-01", "2015-09-01"]
    );
    // Before July 何建明 led his unit; from July to September someone else.
    let led = |until: &str| {
        plan.earlier_team
            .iter()
            .find(|t| t.until == until && t.unit == "beijiao-sq")
            .unwrap()
            .leader
            .clone()
    };
    assert_eq!(led("2015-07-01"), LEAVER);
    assert_ne!(led("2015-09-01"), LEAVER);
    let (c, out) = check(&sept, &p2, &p1);
    assert_eq!(c, 0, "{out}");
    let (c, out, _) = zhudian(&["check", &sept, &p2]);
    assert_eq!(c, 0, "{out}");
    assert!(!out.contains("replanned_from"), "{out}");

    // The record says 何建明's unit had another leader before July.
    let mut bad = plan.clone();
    let other = led("2015-09-01");
    for t in bad
        .earlier_team
        .iter_mut()
        .filter(|t| t.until == "2015-07-01" && t.unit == "beijiao-sq")
    {
        t.leader = other.clone();
    }
    let badp = tmp(dir.path(), "bad.toml");
    std::fs::write(&badp, bad.to_toml()).unwrap();
    let (c, out) = check(&sept, &badp, &p1);
    assert_eq!(c, 1, "{out}");
    assert!(out.contains("the teams before the date: 北滘社区（beijiao-sq）, 2015-07-01: the team this plan records as serving until 2015-07-01 ([[earlier_team]]) is not the one the plan in force had then"), "{out}");
    let (_, out, _) = zhudian(&["--lang", "zh", "check", &sept, &badp, "--previous", &p1]);
    assert!(out.contains("调整日期前的团队：北滘社区，2015年7月1日：本方案记录的2015年7月1日之前的团队与原方案当时的团队不符"), "{out}");
    // Without the July plan, the sessions before July meet the false record.
    let (c, out, _) = zhudian(&["check", &sept, &badp]);
    assert_eq!(c, 1, "{out}");
    assert!(out.contains(&format!("北滘社区（beijiao-sq）, 何建明（{LEAVER}）, 2015-01-06: is in a station session but not on this unit's team")), "{out}");
}

/// `replan ROSTER --previous P0 --from FROM` in `lang`: (plan, stdout).
fn replan_said(dir: &Path, roster: &str, p0: &str, from: &str, lang: &str) -> (String, String) {
    let (p1, out, _) =
        year_fixtures::replan_in(Some(lang), roster, p0, from, dir, &format!("{lang}.toml"));
    (p1, out)
}

/// 何建明's visits fall short and fill each month's cap: from the first of
/// July his successor takes them over as they stand, at the cap each month;
/// from 16 July (his July visits all held before the date) 林晓阳 would
/// have July half-days free and the warning would be untrue, so 北滘社区 is
/// built again for him, and replan says why.
#[test]
fn a_successor_keeps_the_visits_unless_a_month_would_leave_him_under_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = tmp(dir.path(), "p0.toml");
    let (c, out, err) = zhudian(&["plan", ROSTER, "-o", &p0]);
    assert_eq!(c, 0, "{out}{err}");
    let before = read_plan(&p0);
    let roster = leaving(dir.path(), LEAVER, "2015-07-01", Some("lin-xy"));
    let (p1, en) = replan_said(dir.path(), &roster, &p0, "2015-07-01", "en");
    assert!(
        en.contains("  kept as planned from 2015-07-01: the sessions of 6 of 6 units (teams unchanged, or the successor in the predecessor's place at 1 of them)\n"),
        "{en}"
    );
    assert!(!en.contains("not kept with"), "{en}");
    let after = read_plan(&p1);
    let visits = |p: &PlanFile, who: &str| -> Vec<String> {
        p.session
            .iter()
            .filter(|s| s.kind == "household_visit" && s.date.as_str() >= "2015-07-01")
            .filter(|s| s.people.iter().any(|x| x == who))
            .map(|s| format!("{} {} {:?}", s.date, s.start, s.hamlet))
            .collect()
    };
    assert_eq!(visits(&before, LEAVER), visits(&after, "lin-xy"));
    for m in 7..=12 {
        let n = july(&after, &format!("2015-{m:02}"), "2015-07-01");
        assert_eq!(n.get("lin-xy").map(|x| x.1), Some(8), "month {m}: {n:?}");
    }
    let (c, out) = check(&roster, &p1, &p0);
    assert_eq!(c, 0, "{out}");

    let roster = leaving(dir.path(), LEAVER, "2015-07-16", Some("lin-xy"));
    let (_, en) = replan_said(dir.path(), &roster, &p0, "2015-07-16", "en");
    assert!(
        en.contains("  kept as planned from 2015-07-16: the sessions of 5 of 6 units (teams unchanged)\n  北滘社区 rebuilt from 2015-07-16 for 林晓阳, not kept with 林晓阳 in 何建明's place: 何建明's household visits fall short, and in month 7 林晓阳 would be under the cap of 8 visit half-days a month\n"),
        "{en}"
    );
    let (_, zh) = replan_said(dir.path(), &roster, &p0, "2015-07-16", "zh");
    assert!(
        zh.contains("  2015年7月16日起照原方案保留：6 个村（社区）中 5 个村（社区）的活动（团队未变）\n  北滘社区自2015年7月16日起为林晓阳重新安排，未按原时间由林晓阳接替何建明：何建明的入户走访未能走完，而林晓阳7月的走访未达每月 8 个半天的上限\n"),
        "{zh}"
    );
}
