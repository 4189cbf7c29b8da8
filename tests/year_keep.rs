//! What a replan from a date keeps, in a township of 7 leaders and 16
//! units whose department heads serve on up to three teams
//! (tests/fixtures/keep/xiagang.toml): a two-village handover moves no
//! session of any other unit, even of units sharing a department head with
//! the handed-over ones, and keeps the two villages' dates with the
//! successor in the leaver's place, so only those two people's phones
//! change; a kept session that a new meeting clashes with has its unit
//! rebuilt, and replan names it; `check --previous` accepts every result; the same
//! inputs give the same plan byte for byte.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{read_plan, tmp};

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use zhudian::plan::{PlanFile, Session};

const ROSTER: &str = "tests/fixtures/keep/xiagang.toml";
const FROM: &str = "2015-07-01";

/// A date as a Chinese sentence says it: 2015-07-01 → 2015年7月1日.
fn zh_date(iso: &str) -> String {
    let d: chrono::NaiveDate = iso.parse().unwrap();
    zhudian::wording::date(d, zhudian::wording::Lang::Zh)
}
/// 陈海惠 leads two villages (金湾村, 黄坝村); 林晓阳 succeeds her.
const LEAVER: &str = "chen-hh";
const SUCCESSOR: &str = "lin-xyang";

/// The fixture with 陈海惠 leaving on FROM, her successor, and `extra` text.
fn handover_roster(dir: &Path, extra: &str) -> String {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let head = format!("[[cadre]]\nid = \"{LEAVER}\"\n");
    assert!(text.contains(&head));
    let out = text.replace(&head, &format!("{head}leaves = \"{FROM}\"\n"))
        + &format!(
            "\n[[cadre]]\nid = \"{SUCCESSOR}\"\nname = \"林晓阳\"\npost = \"镇长\"\nskills = [\"land\"]\nsucceeds = \"{LEAVER}\"\n{extra}"
        );
    let path = tmp(dir, "roster.toml");
    std::fs::write(&path, out).unwrap();
    path
}

fn plan0(dir: &Path) -> String {
    year_fixtures::plan(ROSTER, dir, "p0.toml")
}

/// `replan ROSTER --previous P0 --from FROM -o NAME` in `lang`: (path, stdout).
fn replan(dir: &Path, roster: &str, p0: &str, name: &str, lang: &str) -> (String, String) {
    let (p1, out, _) = year_fixtures::replan_in(Some(lang), roster, p0, FROM, dir, name);
    (p1, out)
}

fn check_passes(roster: &str, plan: &str, previous: &str) {
    let (c, out, err) = zhudian(&["check", roster, plan, "--previous", previous]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(out.contains("The plan is valid."), "{out}");
}

fn members(p: &PlanFile, unit: &str) -> BTreeSet<String> {
    let a = p.assignment.iter().find(|a| a.unit == unit).unwrap();
    std::iter::once(&a.leader)
        .chain(&a.helpers)
        .chain(&a.assist)
        .cloned()
        .collect()
}

/// Units whose team is the same in both plans.
fn same_team(p0: &PlanFile, p1: &PlanFile) -> Vec<String> {
    p1.assignment
        .iter()
        .filter(|a| p0.assignment.contains(a))
        .map(|a| a.unit.clone())
        .collect()
}

/// A unit's sessions from FROM on, each as its whole text.
fn later(p: &PlanFile, unit: &str) -> Vec<String> {
    p.session
        .iter()
        .filter(|s| s.unit == unit && s.date.as_str() >= FROM)
        .map(|s| format!("{s:?}"))
        .collect()
}

/// Per person file in `dir`: (event UIDs, cancelled UIDs).
/// A phone file is named by the person's name, with the id added where two
/// share it: the person's id, from the fixture (and the successor's name).
fn person_id(stem: &str) -> String {
    if let Some((_, id)) = stem.split_once('-') {
        return id.to_string();
    }
    if stem == "林晓阳" {
        return SUCCESSOR.to_string();
    }
    let t: toml::Table = toml::from_str(&std::fs::read_to_string(ROSTER).unwrap()).unwrap();
    ["cadre", "helper"]
        .iter()
        .flat_map(|k| t[*k].as_array().unwrap())
        .find(|p| p["name"].as_str() == Some(stem))
        .map(|p| p["id"].as_str().unwrap().to_string())
        .unwrap_or_else(|| stem.to_string())
}

fn phone_files(dir: &str) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (mut all, mut cancelled) = (BTreeSet::new(), BTreeSet::new());
        for ev in text.split("BEGIN:VEVENT").skip(1) {
            let uid = ev
                .lines()
                .find_map(|l| l.strip_prefix("UID:"))
                .unwrap()
                .to_string();
            if ev.contains("STATUS:CANCELLED") {
                cancelled.insert(uid.clone());
            }
            all.insert(uid);
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.insert(person_id(&stem), (all, cancelled));
    }
    out
}

#[test]
fn a_two_village_handover_moves_no_session_of_any_other_unit() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan0(dir.path());
    let roster = handover_roster(dir.path(), "");
    let (p1, out) = replan(dir.path(), &roster, &p0, "p1.toml", "en");
    let (before, after) = (read_plan(&p0), read_plan(&p1));
    let handed = ["jinwan", "huangba"];
    let kept = same_team(&before, &after);
    assert_eq!(kept.len(), 14, "{kept:?}");
    assert!(handed.iter().all(|u| !kept.contains(&u.to_string())));
    // A department head on a handed-over team and on two kept ones.
    let changed_people: BTreeSet<String> = handed
        .iter()
        .flat_map(|u| members(&before, u).into_iter().chain(members(&after, u)))
        .collect();
    let shared: Vec<&String> = changed_people
        .iter()
        .filter(|p| {
            kept.iter()
                .filter(|u| members(&after, u).contains(*p))
                .count()
                == 2
        })
        .collect();
    assert!(!shared.is_empty(), "{changed_people:?}");
    for u in &kept {
        assert_eq!(later(&before, u), later(&after, u), "{u}");
    }
    // The handed-over villages keep their dates too, the successor in the
    // leaver's place: every visit as it was, every station session on a
    // date it had (he sits in on stand-in dates he is free, so a make-up
    // for one may go).
    for u in handed {
        let renamed = |p: &PlanFile, kind: &str, rename: bool| -> Vec<String> {
            p.session
                .iter()
                .filter(|s| s.unit == u && s.kind == kind && s.date.as_str() >= FROM)
                .map(|s| {
                    let mut s = s.clone();
                    if rename {
                        s.people.iter_mut().filter(|p| *p == LEAVER).for_each(|p| {
                            *p = SUCCESSOR.to_string();
                        });
                    }
                    format!("{} {}-{} {:?}", s.date, s.start, s.end, s.people)
                })
                .collect()
        };
        let visits = renamed(&before, "household_visit", true);
        assert!(!visits.is_empty(), "{u}");
        assert_eq!(visits, renamed(&after, "household_visit", false), "{u}");
        let dates = |p: &PlanFile| -> BTreeSet<String> {
            p.session
                .iter()
                .filter(|s| s.unit == u && s.kind == "station" && s.date.as_str() >= FROM)
                .map(|s| format!("{} {}-{}", s.date, s.start, s.end))
                .collect()
        };
        assert_eq!(dates(&before), dates(&after), "{u}");
        assert!(!later(&after, u).iter().any(|s| s.contains(LEAVER)), "{u}");
    }
    assert!(
        out.contains(
            "  kept as planned from 2015-07-01: the sessions of 16 of 16 units (teams unchanged, or the successor in the predecessor's place at 2 of them)\n"
        ),
        "{out}"
    );
    assert!(!out.contains("although its team did not change"), "{out}");
    check_passes(&roster, &p1, &p0);

    // The kept visits count against the monthly cap: someone on a kept and
    // a rebuilt team reaches it in a month after the date, and no more.
    let cap = 8;
    let mut held: BTreeMap<(String, String), u32> = BTreeMap::new();
    for s in after
        .session
        .iter()
        .filter(|s| s.kind == "household_visit" && s.date.as_str() >= FROM)
    {
        for p in shared.iter().filter(|p| s.people.contains(p)) {
            *held
                .entry((p.to_string(), s.date[..7].to_string()))
                .or_default() += 1;
        }
    }
    assert!(held.values().all(|&n| n <= cap), "{held:?}");
    assert!(held.values().any(|&n| n == cap), "{held:?}");
    // So do the successor's, in the leaver's visits: at the cap, not past it.
    let mut his: BTreeMap<String, u32> = BTreeMap::new();
    for s in after.session.iter().filter(|s| {
        s.kind == "household_visit"
            && s.date.as_str() >= FROM
            && s.people.iter().any(|p| p == SUCCESSOR)
    }) {
        *his.entry(s.date[..7].to_string()).or_default() += 1;
    }
    assert!(his.len() == 6 && his.values().all(|&n| n == cap), "{his:?}");

    // Phones: only the leaver and her successor get a cancelled or new
    // event; the handed-over teams' other people keep theirs.
    let (ics0, ics1) = (tmp(dir.path(), "ics0"), tmp(dir.path(), "ics1"));
    let (c, o, e) = zhudian(&["calendar", &p0, "--ics", &ics0]);
    assert_eq!(c, 0, "{o}{e}");
    let (c, o, e) = zhudian(&["calendar", &p1, "--ics", &ics1, "--previous", &p0]);
    assert_eq!(c, 0, "{o}{e}");
    let (old, new) = (phone_files(&ics0), phone_files(&ics1));
    let touched: BTreeSet<String> = new
        .iter()
        .filter(|(who, (all, cancelled))| {
            let had = old.get(*who).map(|x| &x.0);
            !cancelled.is_empty()
                || all
                    .iter()
                    .any(|u| !cancelled.contains(u) && !had.is_some_and(|h| h.contains(u)))
        })
        .map(|(who, _)| who.clone())
        .collect();
    assert!(touched.is_subset(&changed_people), "{touched:?}");
    let two: BTreeSet<String> = [LEAVER, SUCCESSOR].map(String::from).into();
    assert_eq!(touched, two);
    assert!(new.len() > 40, "{}", new.len());
}

/// The first station session from FROM on, at a unit kept whole, of a
/// department head who serves on three teams none of which changes.
fn clashing_session(before: &PlanFile) -> (Session, String) {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let t: toml::Table = toml::from_str(&text).unwrap();
    let heads: Vec<String> = t["helper"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["role"].as_str() == Some("department_head"))
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    let teams = |p: &str| {
        before
            .assignment
            .iter()
            .filter(|a| a.helpers.iter().any(|h| h == p))
            .map(|a| a.unit.clone())
            .collect::<Vec<_>>()
    };
    let head = heads
        .iter()
        .find(|h| {
            let u = teams(h);
            u.len() == 3 && !u.iter().any(|u| u == "jinwan" || u == "huangba")
        })
        .expect("a department head on three kept teams");
    let s = before
        .session
        .iter()
        .find(|s| s.kind == "station" && s.date.as_str() >= FROM && s.people.contains(head))
        .unwrap()
        .clone();
    (s, head.clone())
}

fn name(id: &str, section: &str) -> String {
    let t: toml::Table = toml::from_str(&std::fs::read_to_string(ROSTER).unwrap()).unwrap();
    t[section]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"].as_str() == Some(id))
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_kept_session_a_new_meeting_clashes_with_is_rebuilt_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan0(dir.path());
    let before = read_plan(&p0);
    let (s, head) = clashing_session(&before);
    let meeting = format!(
        "\n[[meeting]]\ntitle = \"专题协调会\"\ndate = \"{}\"\nstart = \"15:00\"\nend = \"17:00\"\nattendees = [\"{head}\"]\n",
        s.date
    );
    let roster = handover_roster(dir.path(), &meeting);
    let (p1, out) = replan(dir.path(), &roster, &p0, "p1.toml", "en");
    let after = read_plan(&p1);
    let unit = name(&s.unit, "unit");
    let who = name(&head, "helper");
    let line = format!(
        "  {unit} rebuilt from {FROM} although its team did not change: {who} is in the meeting \"专题协调会\" on {} during its session at 15:00\n",
        s.date
    );
    assert!(out.contains(&line), "{line}\n{out}");
    let (_, zh) = replan(dir.path(), &roster, &p0, "p1zh.toml", "zh");
    let line = format!(
        "  {unit}团队未变，但自{}起重新安排：{who}于{}须参加“专题协调会”，与该村（社区） 15:00 的活动冲突\n",
        zh_date(FROM),
        zh_date(&s.date)
    );
    assert!(zh.contains(&line), "{line}\n{zh}");
    // The unit is rebuilt: the head sits nowhere during the meeting.
    assert_ne!(later(&before, &s.unit), later(&after, &s.unit));
    assert!(!after.session.iter().any(|x| x.date == s.date
        && x.people.contains(&head)
        && x.start.as_str() < "17:00"
        && x.end.as_str() > "15:00"));
    // Its leader's other units rotate with it; every other unchanged unit
    // keeps its sessions.
    let leader = &after
        .assignment
        .iter()
        .find(|a| a.unit == s.unit)
        .unwrap()
        .leader;
    let led: Vec<&String> = after
        .assignment
        .iter()
        .filter(|a| &a.leader == leader && a.unit != s.unit)
        .map(|a| &a.unit)
        .collect();
    for u in &led {
        let line = format!(
            "  {} rebuilt from {FROM} although its team did not change: its leader {}'s units change ({unit} is rebuilt), and a leader's units rotate as one\n",
            name(u, "unit"),
            name(leader, "cadre")
        );
        assert!(out.contains(&line), "{line}\n{out}");
    }
    let kept: Vec<String> = same_team(&before, &after)
        .into_iter()
        .filter(|u| u != &s.unit && !led.contains(&u))
        .collect();
    assert_eq!(kept.len(), 13 - led.len(), "{kept:?}");
    for u in &kept {
        assert_eq!(later(&before, u), later(&after, u), "{u}");
    }
    // The two handed-over villages are kept too, their leader's successor
    // in her place.
    assert!(
        out.contains(&format!(
            "  kept as planned from {FROM}: the sessions of {} of 16 units (teams unchanged, or the successor in the predecessor's place at 2 of them)\n",
            kept.len() + 2
        )),
        "{out}"
    );
    check_passes(&roster, &p1, &p0);
}

/// A station window moved in the new roster: no kept station session is at
/// it any more, so every unit is built again and each is named.
#[test]
fn a_new_station_time_rebuilds_every_unit() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan0(dir.path());
    let roster = handover_roster(dir.path(), "");
    let text = std::fs::read_to_string(&roster).unwrap();
    let window = "weekday = \"Tue\"\nstart = \"15:00\"\nend = \"18:30\"\n";
    assert!(text.contains(window));
    std::fs::write(
        &roster,
        text.replace(
            window,
            "weekday = \"Tue\"\nstart = \"14:30\"\nend = \"18:00\"\n",
        ),
    )
    .unwrap();
    let (p1, out) = replan(dir.path(), &roster, &p0, "p1.toml", "en");
    assert!(
        out.contains(&format!(
            "  kept as planned from {FROM}: the sessions of 0 of 16 units (teams unchanged)\n"
        )),
        "{out}"
    );
    let before = read_plan(&p0);
    let first = before
        .session
        .iter()
        .find(|s| s.unit == "tangan-sq" && s.kind == "station" && s.date.as_str() >= FROM)
        .unwrap();
    let line = format!(
        "  {} rebuilt from {FROM} although its team did not change: its session of {} at 15:00 is no longer at the roster's station time\n",
        name("tangan-sq", "unit"),
        first.date
    );
    assert!(out.contains(&line), "{line}\n{out}");
    let after = read_plan(&p1);
    assert!(
        after
            .session
            .iter()
            .filter(|s| s.kind == "station" && s.date.as_str() >= FROM)
            .all(|s| s.start == "14:30")
    );
    // `check` holds the whole year to the roster's one window, so it finds
    // the sessions before the date at the old time, and only those.
    let (_, out, _) = zhudian(&["check", &roster, &p1, "--previous", &p0]);
    let moved: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("not in the window"))
        .collect();
    assert!(!moved.is_empty(), "{out}");
    for l in moved {
        let at = l.find(", 2015-").unwrap() + 2;
        assert!(&l[at..at + 10] < FROM, "{l}");
    }
}

#[test]
fn the_same_replan_gives_the_same_plan_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan0(dir.path());
    let roster = handover_roster(dir.path(), "");
    let (a, _) = replan(dir.path(), &roster, &p0, "a.toml", "en");
    let (b, _) = replan(dir.path(), &roster, &p0, "b.toml", "en");
    assert_eq!(
        std::fs::read_to_string(a).unwrap(),
        std::fs::read_to_string(b).unwrap()
    );
}
