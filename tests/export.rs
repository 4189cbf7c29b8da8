//! The exports read back: each person's .ics through an iCalendar parser
//! (the `icalendar` crate), the CSV as a spreadsheet would see it, and the
//! `calendar` command end to end.

use std::collections::BTreeSet;
use std::path::Path;
use std::str::FromStr;

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use zhudian::calendar::{build, simple::simple_plan};
use zhudian::export::{csv, ics};
use zhudian::model::Roster;
use zhudian::plan::PlanFile;
use zhudian::roster;
use zhudian::wording::Lang;

fn example() -> (Roster, PlanFile) {
    let r = roster::load(Path::new("instances/beijiao-example.toml")).unwrap();
    let mut p = simple_plan(&r);
    build(&r, &mut p);
    (r, p)
}

#[test]
fn every_persons_calendar_parses_back_with_their_sessions() {
    let (r, p) = example();
    let cals = ics::calendars(&r, &p, Lang::Zh);
    assert_eq!(cals.len(), zhudian::export::people(&r, &p).len());
    let mut all_uids = BTreeSet::new();
    let people = zhudian::export::people(&r, &p);
    for ((file, body), id) in cals.iter().zip(&people) {
        // Files are named by the person's name.
        let name = &r
            .cadres
            .iter()
            .map(|c| (&c.id, &c.name))
            .chain(r.helpers.iter().map(|h| (&h.id, &h.name)))
            .find(|x| x.0 == id)
            .unwrap()
            .1;
        assert_eq!(*file, format!("{name}.ics"));
        let cal = Calendar::from_str(body).unwrap_or_else(|e| panic!("{file}: {e}"));
        let events: Vec<_> = cal
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect();
        let mine: Vec<_> = p
            .session
            .iter()
            .filter(|s| s.people.iter().any(|x| x == id))
            .collect();
        assert_eq!(events.len(), mine.len(), "{file}");
        for (e, s) in events.iter().zip(&mine) {
            let uid = e.get_uid().unwrap();
            assert!(all_uids.insert(uid.to_string()), "duplicate UID {uid}");
            let unit = &r.units[r.unit_index(&s.unit).unwrap()].name;
            let summary = e.get_summary().unwrap();
            assert!(summary.contains(unit.as_str()), "{summary} lacks {unit}");
            if s.kind == "station" {
                assert_eq!(summary, format!("驻点接待：{unit}"));
            }
            assert!(e.get_description().unwrap().contains("团队："));
            match e.get_start() {
                Some(DatePerhapsTime::DateTime(dt)) => {
                    let text = format!("{dt:?}");
                    assert!(text.contains("Asia/Shanghai"), "{text}");
                }
                other => panic!("start {other:?}"),
            }
            assert!(e.get_timestamp().is_some());
        }
    }
}

#[test]
fn calendars_are_byte_identical_across_runs_and_lines_are_folded() {
    let (r, p) = example();
    let (r2, p2) = example();
    let a = ics::calendars(&r, &p, Lang::Zh);
    let b = ics::calendars(&r2, &p2, Lang::Zh);
    assert_eq!(a, b);
    for (file, body) in &a {
        assert!(body.starts_with("BEGIN:VCALENDAR\r\nPRODID:"));
        assert!(body.contains("\r\nVERSION:2.0\r\n"));
        assert!(body.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai"));
        assert!(body.ends_with("END:VCALENDAR\r\n"));
        for line in body.split("\r\n") {
            assert!(line.len() <= 75, "{file}: {} octets: {line}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        assert!(!body.replace("\r\n", "").contains('\n'));
    }
    // The UID names person, unit, date, kind and start only.
    let s = &p.session[0];
    assert_eq!(
        ics::uid(&s.people[0], s),
        format!(
            "{}-{}-{}-{}-{}@zhudian",
            s.people[0],
            s.unit,
            s.date.replace('-', ""),
            s.kind,
            s.start.replace(':', "")
        )
    );
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_session() {
    let (r, p) = example();
    let text = csv::render(&r, &p, Lang::Zh);
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    // Chinese headings, and no id column: the unit goes by its name.
    assert_eq!(
        lines[0],
        "日期,星期,开始,结束,村居,类型,人员,村（居）民小组,户数,补哪次接待"
    );
    assert_eq!(
        csv::render(&r, &p, Lang::En).lines().next(),
        Some(
            "\u{feff}date,weekday,start,end,unit_id,unit_name,kind,people,hamlet,households,makes_up"
        )
    );
    assert_eq!(lines.last(), Some(&""));
    assert_eq!(lines.len() - 2, p.session.len());
    let first = &p.session[0];
    let unit = &r.units[r.unit_index(&first.unit).unwrap()].name;
    let day = chrono::NaiveDate::parse_from_str(&first.date, "%Y-%m-%d").unwrap();
    let weekday =
        zhudian::wording::calendar::weekday(chrono::Datelike::weekday(&day), Lang::Zh).to_string();
    let weekday = if r.days.workday(day).is_some() {
        zhudian::wording::documents::worked_weekday(&weekday, Lang::Zh)
    } else {
        weekday
    };
    assert!(
        lines[1].starts_with(&format!("{},{weekday},", first.date)),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains(unit.as_str()));
    let station = lines.iter().find(|l| l.contains(",驻点接待,")).unwrap();
    assert!(station.contains(",周二,15:00,18:30,"), "{station}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains(",补接待,") && l.ends_with(",2015-06-16"))
    );
    let visit = lines.iter().find(|l| l.contains(",入户走访,")).unwrap();
    assert_eq!(visit.split(',').count(), 10, "{visit}");
}

#[test]
fn the_calendar_command_writes_ics_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (r, mut p) = example();
    let people = zhudian::export::people(&r, &p).len();
    // A plan as `zhudian plan` writes it: its roster path, no calendar yet.
    p.plan.roster = root
        .join("instances/beijiao-example.toml")
        .display()
        .to_string();
    p.session.clear();
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, p.to_toml()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(["--lang", "en", "calendar"])
        .arg(&plan)
        .arg("--ics")
        .arg(dir.path().join("ics"))
        .arg("--csv")
        .arg(dir.path().join("sessions.csv"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("calendar files"), "{stdout}");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("ics")).unwrap().collect();
    assert_eq!(files.len(), people);
    let csv = std::fs::read_to_string(dir.path().join("sessions.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    // Same again, same bytes.
    let before = std::fs::read(dir.path().join("ics/劳广行.ics")).unwrap();
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(["calendar"])
        .arg(&plan)
        .arg("--ics")
        .arg(dir.path().join("ics"))
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(
        before,
        std::fs::read(dir.path().join("ics/劳广行.ics")).unwrap()
    );
    // A missing plan is bad input.
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(["calendar", "no-such-plan.toml", "--csv", "x.csv"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// 潘美玲 is 北滘社区's own secretary: beside her name she is a community's
/// secretary (社区党组织书记), a village's secretary stays 村党组织书记.
#[test]
fn a_community_secretary_is_named_as_one() {
    let (r, plan) = example();
    let zh = ics::person_calendar(&r, &plan, "pan-sec", Lang::Zh);
    assert!(zh.contains("潘美玲（社区党组织书记）"), "{zh}");
    assert!(!zh.contains("潘美玲（村党组织书记）"), "{zh}");
    let village = ics::person_calendar(&r, &plan, "lu-sec", Lang::Zh);
    assert!(village.contains("卢国荣（村党组织书记）"), "{village}");
    let en = ics::person_calendar(&r, &plan, "pan-sec", Lang::En);
    assert!(en.contains("潘美玲 (party secretary)"), "{en}");
}

#[test]
fn a_swapped_working_weekend_day_is_marked_in_the_csv() {
    // 4 January 2015 was a Sunday worked for New Year (调休上班); visits
    // fall on it, and the weekday cell says it is a working day.
    let (r, p) = example();
    assert!(p.session.iter().any(|s| s.date == "2015-01-04"));
    for (lang, marked) in [
        (Lang::Zh, "2015-01-04,周日（调休上班）,"),
        (Lang::En, "2015-01-04,Sun (working day),"),
    ] {
        let text = csv::render(&r, &p, lang);
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("2015-01-04,"))
            .collect();
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|l| l.starts_with(marked)), "{rows:?}");
        // An ordinary Tuesday stays as it was.
        let plain = if lang == Lang::Zh {
            ",周二,"
        } else {
            ",Tue,"
        };
        assert!(
            text.lines()
                .any(|l| l.starts_with("2015-01-06") && l.contains(plain))
        );
    }
}
