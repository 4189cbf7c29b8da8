//! Official public holidays and swapped working days (调休): applied by
//! default from the official calendar, the roster's own `[[holiday]]` and
//! `[[workday]]` added, a year the calendar does not cover said once, and
//! `check` flags a session on an official holiday the roster does not list.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use chrono::NaiveDate;
use zhudian::calendar::{build, simple::simple_plan};
use zhudian::days::Official;
use zhudian::model::Roster;
use zhudian::plan::PlanFile;
use zhudian::roster;
use zhudian::verify::check_files;
use zhudian::wording::Lang;

const EXAMPLE: &str = "instances/beijiao-example.toml";

fn example_text() -> String {
    std::fs::read_to_string(EXAMPLE).unwrap()
}

/// The example roster with edits, each of which must apply.
fn example_with(edits: &[(&str, &str)]) -> String {
    let mut t = example_text();
    for (from, to) in edits {
        assert!(t.contains(from), "the example has no {from:?}");
        t = t.replacen(from, to, 1);
    }
    t
}

fn load(text: &str) -> Roster {
    roster::load_str(text, "test.toml").unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
}

fn built(r: &Roster) -> PlanFile {
    let mut p = simple_plan(r);
    build(r, &mut p);
    p
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The example for 2027: its own 2015 holidays dropped, the year changed.
fn example_2027(holidays: &str) -> String {
    let t = example_with(&[("year = 2015", "year = 2027")]).replace("2015-", "2027-");
    let start = t.find("[[holiday]]").unwrap();
    let end = t.find("[[unit]]").unwrap();
    format!("{}{holidays}{}", &t[..start], &t[end..])
}

fn run_validate(text: &str, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.toml");
    std::fs::write(&path, text).unwrap();
    let (code, out, err) = zhudian(&["--lang", lang, "validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn the_official_calendar_applies_by_default() {
    let r = load(&example_text());
    assert_eq!(r.days.official, Official::Applied);
    // Qingming (Monday 6 April) and 3 September 2015 are not in the roster's list.
    assert_eq!(r.days.holiday(d("2015-04-06")).unwrap().why, "清明节");
    assert!(r.days.holiday(d("2015-09-03")).is_some());
    // The roster's own holidays stay theirs.
    assert_eq!(r.holidays.len(), 2);
    let off = load(&example_with(&[(
        "year = 2015",
        "year = 2015\nofficial_holidays = false",
    )]));
    assert_eq!(off.days.official, Official::Off);
    assert!(off.days.holiday(d("2015-04-06")).is_none());
}

#[test]
fn no_session_falls_on_an_official_holiday() {
    let r = load(&example_text());
    let p = built(&r);
    assert!(!p.session.is_empty());
    for s in &p.session {
        assert!(
            r.days.holiday(d(&s.date)).is_none(),
            "{} {} on {}",
            s.kind,
            s.unit,
            s.date
        );
    }
    // Switched off, Monday 6 April (清明节, not in the roster's own list)
    // holds household visits again.
    let off = load(&example_with(&[(
        "year = 2015",
        "year = 2015\nofficial_holidays = false",
    )]));
    let p_off = built(&off);
    assert!(p_off.session.iter().any(|s| s.date == "2015-04-06"));
}

#[test]
fn check_flags_a_session_on_an_official_holiday_the_roster_does_not_list() {
    // A plan made with the official calendar off has sessions on 6 April
    // (清明节); checked against the roster with it on, they are flagged.
    let off_text = example_with(&[("year = 2015", "year = 2015\nofficial_holidays = false")]);
    let off = load(&off_text);
    let mut p = built(&off);
    p.session
        .retain(|s| s.date == "2015-04-06" || s.kind == "station");
    assert!(p.session.iter().any(|s| s.date == "2015-04-06"));
    let on = load(&example_text());
    let report = check_files(&on, &p.to_toml(), None);
    let lines = report.lines(&on, Lang::En);
    let visit = p.session.iter().find(|s| s.date == "2015-04-06").unwrap();
    let unit = &on.units[on.unit_index(&visit.unit).unwrap()];
    let want = format!(
        "calendar rule 2 (away, meeting or holiday): {}（{}）, 2015-04-06: a household visit falls in the holiday 清明节",
        unit.name, unit.id
    );
    assert!(
        lines.contains(&want),
        "missing {want} in\n{}",
        lines.join("\n")
    );
}

#[test]
fn validate_says_where_the_holidays_come_from() {
    let out = run_validate(&example_text(), "en");
    assert!(
        out.contains("  holidays   2015: 8 public holidays and 5 swapped working days from the official calendar, and the roster's own 2 holidays and 0 working days\n"),
        "{out}"
    );
    let out = run_validate(&example_text(), "zh");
    assert!(
        out.contains("  法定假日  2015 年国务院安排：法定节假日 8 段、调休上班日 5 天；名册另列节假日 2 段、调休上班日 0 天\n"),
        "{out}"
    );
    assert!(!out.contains("警告"), "{out}");
}

/// The State Council's notice for 2027 as a planner enters it (docs/roster.md).
const NOTICE_2027: &str = r#"
[[holiday]]
name = "春节"
from = "2027-02-05"
to = "2027-02-11"

[[workday]]
name = "春节调休上班日"
date = "2027-02-20"

"#;

#[test]
fn a_year_the_official_calendar_does_not_cover_is_said_once() {
    let none = example_2027("");
    let out = run_validate(&none, "en");
    for want in [
        "  holidays   the official calendar covers 2004–2026, not 2027: the roster's own 0 holidays and 0 working days are used; enter the State Council's notice as [[holiday]] and [[workday]] lines (docs/roster.md)\n",
        "warning: 2027 is not in the official calendar and the roster lists no Spring Festival (春节) holiday: add it as a [[holiday]]\n",
        "warning: 2027 is not in the official calendar and the roster lists no National Day (国庆节) holiday: add it as a [[holiday]]\n",
    ] {
        assert!(out.contains(want), "missing {want} in\n{out}");
    }
    let out = run_validate(&none, "zh");
    for want in [
        "  法定假日  内置的国务院节假日安排只有 2004—2026 年，没有 2027 年：按名册所列节假日 0 段、调休上班日 0 天排期；请按国务院当年的放假通知逐条填入节假日和调休上班日\n",
        "警告：2027 年不在内置节假日安排内，名册没有列出春节假期，请补上\n",
        "警告：2027 年不在内置节假日安排内，名册没有列出国庆节假期，请补上\n",
    ] {
        assert!(out.contains(want), "missing {want} in\n{out}");
    }
    // With the notice's Spring Festival entered, only National Day is missing.
    let some = example_2027(NOTICE_2027);
    let out = run_validate(&some, "en");
    assert!(!out.contains("no Spring Festival"), "{out}");
    assert!(out.contains("no National Day"), "{out}");
    assert!(
        out.contains("the roster's own 1 holidays and 1 working days"),
        "{out}"
    );

    // The plan says so once, in a warning.
    let r = load(&some);
    assert_eq!(r.days.official, Official::NotCovered);
    assert!(r.days.holiday(d("2027-02-08")).is_some());
    assert!(r.days.workday(d("2027-02-20")).is_some());
    let p = built(&r);
    let said: Vec<&str> = p
        .warning
        .iter()
        .filter(|w| w.kind == "official_calendar_missing")
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(
        said,
        [
            "the official calendar of public holidays covers 2004–2026, not 2027: the calendar uses the roster's own 1 holidays and 1 swapped working days"
        ]
    );
    assert!(p.session.iter().all(|s| !s.date.starts_with("2027-02-08")));
}

#[test]
fn a_year_not_covered_is_said_in_chinese_too() {
    use zhudian::wording::Say;
    use zhudian::wording::calendar::CalendarSaid;
    let said = CalendarSaid::OfficialCalendarMissing {
        year: 2027,
        holidays: 7,
        workdays: 3,
    };
    assert_eq!(
        said.say(Lang::Zh),
        "内置的国务院节假日安排只有2004—2026年，没有2027年：本日程按名册所列节假日7段、调休上班日3天排定"
    );
}

#[test]
fn workday_lines_are_checked_like_holidays() {
    let text = example_2027(
        "[[workday]]\nname = \"春节调休上班日\"\ndate = \"2026-02-20\"\n\n[[workday]]\ndate = \"2027-02-20\"\n\n",
    );
    let problems = roster::load_str(&text, "F").unwrap_err();
    let lines: Vec<String> = problems.0.iter().map(|p| p.render(Lang::En)).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("[[workday]] '春节调休上班日', field 'date': 2026-02-20 is outside the year being planned, 2027")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("[[workday]], field 'name': this field is required but missing")),
        "{lines:?}"
    );
}

#[test]
fn a_meeting_on_an_official_holiday_is_no_clash_with_the_window() {
    // 国庆节 dropped from the roster's own list: the official calendar still
    // makes Tuesday 6 October a holiday, so a weekly Tuesday meeting in the
    // window is warned about on 29 September and 13 October only.
    let text = example_with(&[(
        "[[holiday]]\nname = \"国庆节\"\nfrom = \"2015-10-01\"\nto = \"2015-10-07\"\n",
        "[[meeting]]\ntitle = \"周例会\"\nattendees = [\"all-cadres\"]\ndate = \"2015-09-29\"\nstart = \"16:00\"\nend = \"17:00\"\nrepeat = \"weekly\"\nuntil = \"2015-10-13\"\n",
    )]);
    let r = load(&text);
    let listed: Vec<Vec<NaiveDate>> = zhudian::calendar::meetings_in_window(&r)
        .into_iter()
        .map(|m| m.dates)
        .collect();
    assert_eq!(listed, [vec![d("2015-09-29"), d("2015-10-13")]]);
    let warned: Vec<String> = built(&r)
        .warning
        .iter()
        .filter(|w| w.kind == "meeting_in_window")
        .filter_map(|w| w.date.clone())
        .collect();
    assert_eq!(warned, ["2015-09-29", "2015-10-13"]);
}
