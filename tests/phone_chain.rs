//! Phone files after a chain of replans: a July handover, then a September
//! one. The September files carry every event cancelled along the chain
//! (July's too, for a phone that missed July's file), with a SEQUENCE above
//! any sent; the files are named by the person's name, safe on Windows.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{GAOZHOU as ROSTER, read_plan, tmp};

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use zhudian::plan::PlanFile;

/// `text` with cadre `who` leaving on `date` and `(id, name)` succeeding.
fn transfer(text: &str, who: &str, date: &str, id: &str, name: &str) -> String {
    year_fixtures::with_successor(text, who, date, (id, name), who)
}

/// The plan of the year, the July replan and the September replan, with
/// their rosters: (p0, july roster, p1, september roster, p2).
fn chain(dir: &Path) -> (String, String, String, String, String) {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let july = transfer(&text, "peng-jl", "2015-07-01", "lin-xy", "林晓阳");
    let september = transfer(&july, "huang-mx", "2015-09-01", "he-ls", "何丽莎");
    let steps = [
        ("july.toml", july, "2015-07-01"),
        ("september.toml", september, "2015-09-01"),
    ];
    let [p0, rj, p1, rs, p2] =
        <[String; 5]>::try_from(year_fixtures::replan_chain(dir, ROSTER, &steps)).unwrap();
    (p0, rj, p1, rs, p2)
}

/// A person's event UIDs in a plan.
fn uids(who: &str, p: &PlanFile) -> BTreeSet<String> {
    p.session
        .iter()
        .filter(|s| s.people.iter().any(|x| x == who))
        .map(|s| zhudian::export::ics::uid(who, s))
        .collect()
}

/// One file read back with the icalendar crate: UID → (cancelled, SEQUENCE).
fn events(path: &Path) -> BTreeMap<String, (bool, u32)> {
    use icalendar::{Calendar, CalendarComponent, Component};
    use std::str::FromStr;
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let cal = Calendar::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for c in &cal.components {
        if let CalendarComponent::Event(e) = c {
            let uid = e.get_uid().unwrap().to_string();
            let cancelled = e.property_value("STATUS") == Some("CANCELLED");
            let seq = e.get_sequence().unwrap_or(0);
            assert!(out.insert(uid, (cancelled, seq)).is_none(), "{path:?}");
        }
    }
    out
}

fn calendar(plan: &str, roster: &str, dir: &Path, previous: Option<&str>) -> String {
    let d = dir.display().to_string();
    let mut args = vec!["calendar", plan, "--roster", roster, "--ics", &d];
    if let Some(p) = previous {
        args.extend(["--previous", p]);
    }
    let (c, out, err) = zhudian(&args);
    assert_eq!(c, 0, "{out}{err}");
    out
}

/// Who gets a file, by id and file name.
const PEOPLE: [(&str, &str); 4] = [
    ("peng-jl", "彭坚丽"),
    ("lin-xy", "林晓阳"),
    ("huang-mx", "黄满雪"),
    ("he-ls", "何丽莎"),
];

#[test]
fn the_september_files_cancel_every_event_dropped_since_the_first_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (p0, _, p1, rs, p2) = chain(dir.path());
    let (plans, last) = ([read_plan(&p0), read_plan(&p1)], read_plan(&p2));
    // The September plan records July's cancellations along with its own.
    let july_dropped = uids("peng-jl", &plans[0])
        .difference(&uids("peng-jl", &plans[1]))
        .count();
    assert!(july_dropped > 0);
    let carried: usize = last
        .cancelled
        .iter()
        .filter(|c| c.phones.iter().any(|p| p == "peng-jl"))
        .count();
    assert_eq!(carried, july_dropped);
    // A phone that missed July's file: September's, in a fresh folder.
    let ics = dir.path().join("fresh");
    let out = calendar(&p2, &rs, &ics, Some(&p1));
    let mut total = 0;
    for (id, name) in PEOPLE {
        let got = events(&ics.join(format!("{name}.ics")));
        let live: BTreeSet<String> = got.iter().filter(|e| !e.1.0).map(|e| e.0.clone()).collect();
        assert_eq!(live, uids(id, &last), "{name}");
        let ever: BTreeSet<String> = plans.iter().flat_map(|p| uids(id, p)).collect();
        let gone: BTreeSet<String> = ever.difference(&uids(id, &last)).cloned().collect();
        let cancelled: BTreeSet<String> =
            got.iter().filter(|e| e.1.0).map(|e| e.0.clone()).collect();
        assert_eq!(cancelled, gone, "{name}");
        assert!(got.values().filter(|e| e.0).all(|e| e.1 >= 1), "{name}");
        total += gone.len();
    }
    assert!(uids("huang-mx", &plans[1]).len() > uids("huang-mx", &last).len());
    assert!(total > july_dropped);
    assert!(out.contains("of earlier plans are cancelled in them (every event dropped by a replan since the year's first plan), one per person taken off a session (a phone that re-imports a file removes them)\n"), "{out}");
    // Without --previous the plan's own record gives the same cancellations.
    let alone = dir.path().join("alone");
    let again = calendar(&p2, &rs, &alone, None);
    let cancelled = |path: &Path| -> Vec<(String, u32)> {
        events(path)
            .into_iter()
            .filter(|e| e.1.0)
            .map(|(uid, (_, seq))| (uid, seq))
            .collect()
    };
    for (_, name) in PEOPLE {
        let file = format!("{name}.ics");
        assert_eq!(cancelled(&ics.join(&file)), cancelled(&alone.join(&file)));
    }
    assert!(again.contains("are cancelled in them"), "{again}");
}

#[test]
fn a_cancellation_sent_before_keeps_its_sequence_and_an_event_cancelled_later_gets_one_more() {
    let dir = tempfile::tempdir().unwrap();
    let (p0, rj, p1, rs, p2) = chain(dir.path());
    let ics = dir.path().join("phones");
    calendar(&p0, ROSTER, &ics, None);
    let first: BTreeMap<String, (bool, u32)> = events(&ics.join("黄满雪.ics"));
    calendar(&p1, &rj, &ics, Some(&p0));
    let july = events(&ics.join("彭坚丽.ics"));
    let july_huang = events(&ics.join("黄满雪.ics"));
    calendar(&p2, &rs, &ics, Some(&p1));
    let september = events(&ics.join("彭坚丽.ics"));
    // Her July cancellations stand with the SEQUENCE they were sent with.
    let hers: Vec<_> = july.iter().filter(|e| e.1.0).collect();
    assert!(!hers.is_empty());
    for (uid, (_, seq)) in hers {
        assert_eq!(september.get(uid), Some(&(true, *seq)), "{uid}");
    }
    // His events dropped in September: one past what his phone holds.
    let sept_huang = events(&ics.join("黄满雪.ics"));
    let mut dropped = 0;
    for (uid, (cancelled, seq)) in &sept_huang {
        let Some((was_cancelled, was)) = july_huang.get(uid) else {
            continue;
        };
        if *cancelled && !was_cancelled {
            assert_eq!(*seq, was + 1, "{uid}");
            assert!(*seq > first.get(uid).map_or(0, |e| e.1), "{uid}");
            dropped += 1;
        }
    }
    assert!(dropped > 0);
}

#[test]
fn phone_files_are_named_by_name_with_the_id_where_two_names_meet() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(ROSTER).unwrap();
    // 黄满雪 renamed 彭坚丽: two people of one name.
    let twins = text.replace("name = \"黄满雪\"", "name = \"彭坚丽\"");
    let roster = tmp(dir.path(), "twins.toml");
    std::fs::write(&roster, twins).unwrap();
    let plan = tmp(dir.path(), "plan.toml");
    assert_eq!(zhudian(&["plan", &roster, "-o", &plan]).0, 0);
    let ics = dir.path().join("ics");
    calendar(&plan, &roster, &ics, None);
    let files: BTreeSet<String> = std::fs::read_dir(&ics)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(files.contains("彭坚丽-peng-jl.ics"), "{files:?}");
    assert!(files.contains("彭坚丽-huang-mx.ics"), "{files:?}");
    assert!(!files.contains("彭坚丽.ics"), "{files:?}");
    assert!(files.contains("莫锦志.ics"), "{files:?}");
    // Each file is its person's.
    let p = read_plan(&plan);
    let got = events(&ics.join("彭坚丽-huang-mx.ics"));
    assert_eq!(
        got.keys().cloned().collect::<BTreeSet<_>>(),
        uids("huang-mx", &p)
    );
}

#[test]
fn file_names_are_safe_on_windows() {
    use zhudian::export::ics::safe_stem;
    assert_eq!(safe_stem("梁志华"), "梁志华");
    assert_eq!(safe_stem("a/b\\c:d*e?f\"g<h>i|j"), "a_b_c_d_e_f_g_h_i_j");
    assert_eq!(safe_stem("tab\there"), "tab_here");
    assert_eq!(safe_stem("张三. "), "张三");
    assert_eq!(safe_stem(".hidden"), "_.hidden");
    assert_eq!(safe_stem("CON"), "_CON");
    assert_eq!(safe_stem("nul.txt"), "_nul.txt");
    assert_eq!(safe_stem("com1"), "_com1");
    assert_eq!(safe_stem("COM10"), "COM10");
    assert_eq!(safe_stem(""), "_");
    assert_eq!(safe_stem(&"长".repeat(150)).chars().count(), 100);
}

/// Each VEVENT's text by UID, for the events before `day` (YYYYMMDD).
fn raw_events_before(path: &Path, day: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut out = BTreeMap::new();
    for block in text.split("BEGIN:VEVENT").skip(1) {
        let block = block.split("END:VEVENT").next().unwrap();
        let field = |name: &str| {
            block
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or_else(|| panic!("{path:?}: no {name}"))
                .to_string()
        };
        let start = field("DTSTART");
        let date = start.rsplit(':').next().unwrap();
        if &date[..8] < day {
            out.insert(field("UID:"), block.to_string());
        }
    }
    out
}

/// A leader leaving on 1 July with no successor: her units go to others
/// from that day, and every event before it — the team it names included —
/// stays exactly as the phones already hold it.
#[test]
fn a_departure_without_successor_leaves_the_events_before_it_as_sent() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let head = "[[cadre]]\nid = \"peng-jl\"\n";
    assert!(text.contains(head));
    let roster = tmp(dir.path(), "july.toml");
    std::fs::write(
        &roster,
        text.replace(head, &format!("{head}leaves = \"2015-07-01\"\n")),
    )
    .unwrap();
    let (p0, p1) = (tmp(dir.path(), "p0.toml"), tmp(dir.path(), "p1.toml"));
    assert_eq!(zhudian(&["plan", ROSTER, "-o", &p0]).0, 0);
    let (c, o, e) = zhudian(&[
        "replan",
        &roster,
        "--previous",
        &p0,
        "--from",
        "2015-07-01",
        "-o",
        &p1,
    ]);
    assert_eq!(c, 0, "{o}{e}");
    // Her units have other leaders at the year's end.
    let last = read_plan(&p1);
    assert!(last.assignment.iter().all(|a| a.leader != "peng-jl"));
    let (sent, now) = (dir.path().join("sent"), dir.path().join("now"));
    calendar(&p0, ROSTER, &sent, None);
    calendar(&p1, &roster, &now, Some(&p0));
    let mut compared = 0;
    for file in std::fs::read_dir(&sent).unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap();
        let before = raw_events_before(&path, "20150701");
        let after = raw_events_before(&now.join(name), "20150701");
        assert_eq!(before.len(), after.len(), "{name:?}");
        for (uid, block) in &before {
            assert_eq!(after.get(uid), Some(block), "{name:?} {uid}");
            compared += 1;
        }
    }
    assert!(compared > 100, "{compared}");
}

/// One file's titles: UID → (cancelled, SUMMARY).
fn titles(path: &Path) -> BTreeMap<String, (bool, String)> {
    use icalendar::{Calendar, CalendarComponent, Component};
    use std::str::FromStr;
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let cal = Calendar::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for c in &cal.components {
        if let CalendarComponent::Event(e) = c {
            let cancelled = e.property_value("STATUS") == Some("CANCELLED");
            let summary = e.get_summary().unwrap().to_string();
            out.insert(e.get_uid().unwrap().to_string(), (cancelled, summary));
        }
    }
    out
}

#[test]
fn a_cancelled_events_title_says_it_is_cancelled_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (_, rj, p1, rs, p2) = chain(dir.path());
    for (lang, mark) in [("en", " (cancelled)"), ("zh", "（已取消）")] {
        let (july, sept) = (
            dir.path().join(format!("j-{lang}")),
            dir.path().join(format!("s-{lang}")),
        );
        for (plan, roster, folder, previous) in
            [(&p1, &rj, &july, None), (&p2, &rs, &sept, Some(&p1))]
        {
            let d = folder.display().to_string();
            let mut args = vec![
                "--lang", lang, "calendar", plan, "--roster", roster, "--ics", &d,
            ];
            if let Some(p) = previous {
                args.extend(["--previous", p]);
            }
            let (c, out, err) = zhudian(&args);
            assert_eq!(c, 0, "{out}{err}");
        }
        let mut seen = 0;
        for (_, name) in PEOPLE {
            let was = july.join(format!("{name}.ics"));
            if !was.exists() {
                continue; // not yet in July
            }
            let (before, after) = (titles(&was), titles(&sept.join(format!("{name}.ics"))));
            for (uid, (cancelled, summary)) in &after {
                if !cancelled {
                    assert!(!summary.contains(mark.trim()), "{summary}");
                    continue;
                }
                // Cancelled in September, held in July: July's title marked.
                if let Some((false, was)) = before.get(uid) {
                    assert_eq!(summary, &format!("{was}{mark}"));
                    seen += 1;
                }
            }
        }
        assert!(seen > 0, "{lang}");
    }
    let huang = std::fs::read_to_string(dir.path().join("s-zh").join("黄满雪.ics")).unwrap();
    let unfolded = huang.replace("\r\n ", "");
    assert!(unfolded.contains("（已取消）\r\n"), "{huang}");
    assert!(
        unfolded
            .lines()
            .filter(|l| l.starts_with("SUMMARY:") && l.ends_with("（已取消）"))
            .all(|l| [
                "SUMMARY:驻点接待：",
                "SUMMARY:补接待：",
                "SUMMARY:入户走访："
            ]
            .iter()
            .any(|p| l.starts_with(p)))
    );
    let en = std::fs::read_to_string(dir.path().join("s-en").join("黄满雪.ics")).unwrap();
    assert!(en.replace("\r\n ", "").contains(" (cancelled)\r\n"), "{en}");
}
