//! A whole-year replan after one from a date (gaozhou-rural, 彭坚丽
//! handing over to 林晓阳 in July): replan says that the days already past
//! may change and how to keep them (`--from`), and says what the year's
//! calendar lost and gained. A trial left `--from` out, and nothing it was
//! shown said that January's sessions had moved.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{GAOZHOU, JULY, july_succession, plan, read_plan, replan, tmp};

use zhudian::wording::{Lang, year};

#[test]
fn a_whole_year_replan_after_one_from_a_date_says_the_past_may_change() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let roster = july_succession(dir);
    let p0 = plan(GAOZHOU, dir, "p0.toml");
    let p1 = replan(&roster, &p0, JULY, dir, "p1.toml");
    for (lang, warned) in [
        (
            "zh",
            format!(
                "上一版方案 {p1} 是从2015年7月1日起重排的；本次没有写 --from，重排的是全年，已经过去的日程也可能改动。若只想改这天以后，请加 --from 2015-07-01"
            ),
        ),
        (
            "en",
            format!(
                "The previous plan {p1} was replanned from 2015-07-01; without --from this replan covers the whole year, and sessions already past may change. To change only the days from then on, add --from 2015-07-01"
            ),
        ),
    ] {
        let p2 = tmp(dir, &format!("p2-{lang}.toml"));
        let (c, out, err) = zhudian(&[
            "--lang",
            lang,
            "replan",
            &roster,
            "--previous",
            &p1,
            "-o",
            &p2,
        ]);
        assert_eq!(c, 0, "{out}{err}");
        assert!(err.lines().any(|l| l == warned), "{err}");
        // The year's calendar, against the plan in force.
        let first = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
        let f = zhudian::scenario::year::from_date(&read_plan(&p1), &read_plan(&p2), first);
        let l = if lang == "zh" { Lang::Zh } else { Lang::En };
        let line = year::whole_year(&f, l);
        assert!(!line.is_empty(), "the whole-year replan changed nothing");
        assert!(out.contains(&line), "{out}");
        let head = if lang == "zh" {
            "  全年日程：原方案中 "
        } else {
            "  the year's sessions: "
        };
        assert!(line.starts_with(head), "{line}");
    }
    // With --from, no such warning: the past is kept.
    let (_, _, err) = year_fixtures::replan_in(Some("zh"), &roster, &p1, JULY, dir, "p3.toml");
    assert!(!err.contains("重排的是全年"), "{err}");
}
