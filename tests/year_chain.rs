//! A chain of replans on a township a planner wrote in a trial (石岭镇): a
//! July handover (李晓芳 → 岑志斌 from 15 July), then a September departure
//! with no successor (吴国荣 leaves on 14 September, his units go to others,
//! one of them to the July successor). The September plan must keep July's
//! record as it was, and its phone files must leave every event before its
//! date as July's files sent it.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{read_plan, tmp};

use std::collections::BTreeMap;
use std::path::Path;

const ROSTER: &str = "tests/fixtures/keep/shiling.toml";

/// `text` with `edit` applied once (it must apply).
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// The year's plan, July's and September's, with their rosters' paths:
/// (p0, july roster, p1, september roster, p2).
fn chain(dir: &Path) -> [String; 5] {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let li = "[[cadre]]\nid = \"li-xf\"\n";
    let july = edit(
        &text,
        li,
        &format!(
            "[[cadre]]\nid = \"cen-zb\"\nname = \"岑志斌\"\npost = \"副镇长\"\nskills = [\"agriculture\", \"land\"]\nsucceeds = \"li-xf\"\njoins = \"2026-07-15\"\n\n{li}leaves = \"2026-07-15\"\n"
        ),
    );
    let july = edit(
        &july,
        "\"li-xf\", \"huang-zq\"",
        "\"li-xf\", \"cen-zb\", \"huang-zq\"",
    );
    let wu = "[[cadre]]\nid = \"wu-gr\"\n";
    let september = edit(&july, wu, &format!("{wu}leaves = \"2026-09-14\"\n"));
    let steps = [
        ("july.toml", july, "2026-07-15"),
        ("september.toml", september, "2026-09-14"),
    ];
    <[String; 5]>::try_from(year_fixtures::replan_chain(dir, ROSTER, &steps)).unwrap()
}

/// Each VEVENT's text by UID, for the events before `day` (YYYYMMDD), in
/// every file of `dir`, keyed by file name too.
fn events_before(dir: &Path, day: &str) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    for file in std::fs::read_dir(dir).unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        for block in text.split("BEGIN:VEVENT").skip(1) {
            let block = block.split("END:VEVENT").next().unwrap();
            let field = |key: &str| block.lines().find_map(|l| l.strip_prefix(key)).unwrap();
            let start = field("DTSTART").rsplit(':').next().unwrap().to_string();
            if &start[..8] < day {
                out.insert((name.clone(), field("UID:").to_string()), block.to_string());
            }
        }
    }
    out
}

#[test]
fn a_later_replan_keeps_the_earlier_handover_as_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let [_, _, p1, _, p2] = chain(dir.path());
    let (july, september) = (read_plan(&p1), read_plan(&p2));
    let handed = &july.handover;
    assert_eq!(handed.len(), 1);
    assert_eq!(
        (handed[0].from.as_str(), handed[0].to.as_str()),
        ("li-xf", "cen-zb")
    );
    // September's plan holds July's handover as July recorded it: the units
    // 岑志斌 takes from 吴国荣 in September are no part of it.
    let before: Vec<_> = september
        .handover
        .iter()
        .filter(|h| h.date.as_str() < "2026-09-14")
        .collect();
    assert_eq!(before, handed.iter().collect::<Vec<_>>());
    // The trial's case: the successor does take one of 吴国荣's units.
    let wu: Vec<&String> = july
        .assignment
        .iter()
        .filter(|a| a.leader == "wu-gr")
        .map(|a| &a.unit)
        .collect();
    assert!(
        september
            .assignment
            .iter()
            .any(|a| a.leader == "cen-zb" && wu.contains(&&a.unit)),
        "{wu:?}"
    );
}

#[test]
fn the_september_phone_files_leave_every_earlier_event_as_sent() {
    let dir = tempfile::tempdir().unwrap();
    let [p0, rj, p1, rs, p2] = chain(dir.path());
    let phones = dir.path().join("phones");
    let d = phones.display().to_string();
    for (plan, roster, previous) in [(&p0, ROSTER, None), (&p1, rj.as_str(), Some(&p0))] {
        let mut args = vec!["calendar", plan, "--roster", roster, "--ics", &d];
        if let Some(p) = previous {
            args.extend(["--previous", p]);
        }
        assert_eq!(zhudian(&args).0, 0);
    }
    let sent = events_before(&phones, "20260914");
    let (c, o, e) = zhudian(&[
        "calendar",
        &p2,
        "--roster",
        &rs,
        "--ics",
        &d,
        "--previous",
        &p1,
    ]);
    assert_eq!(c, 0, "{o}{e}");
    let now = events_before(&phones, "20260914");
    assert!(sent.len() > 2000, "{}", sent.len());
    let changed: Vec<_> = sent
        .iter()
        .filter(|(k, v)| now.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        changed.is_empty(),
        "{} changed: {:?}",
        changed.len(),
        &changed[..changed.len().min(5)]
    );
}

/// July's replan says the succession; September's, with the same
/// succession still in its roster, does not say it again.
#[test]
fn a_later_replan_does_not_repeat_the_earlier_succession() {
    let dir = tempfile::tempdir().unwrap();
    let [p0, rj, p1, rs, _] = chain(dir.path());
    let said = |roster: &str, prev: &str, from: &str| {
        let out = tmp(dir.path(), "again.toml");
        let (c, o, e) = zhudian(&[
            "--lang",
            "zh",
            "replan",
            roster,
            "--previous",
            prev,
            "--from",
            from,
            "-o",
            &out,
        ]);
        assert_eq!(c, 0, "{o}{e}");
        o
    };
    let line = "  岑志斌接替李晓芳的原有位置\n";
    let july = said(&rj, &p0, "2026-07-15");
    assert!(july.contains(line), "{july}");
    let september = said(&rs, &p1, "2026-09-14");
    assert!(!september.contains("接任李晓芳"), "{september}");
    assert!(
        september.contains("  吴国荣联系的村（社区）：南山村改由岑志斌联系"),
        "{september}"
    );
}
