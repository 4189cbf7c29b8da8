//! The year as lived in the township's documents (`export --xlsx`: 驻点团队,
//! 领导干部) and in `people`: a leader who left with no successor (after
//! `replan --from`) and a predecessor who handed over to a successor
//! (`succeeds`) are listed with their dates in post, their units and their
//! sessions, and the successor with the day they started.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{GAOZHOU, JULY as FROM, read_plan, tmp};

use std::io::Cursor;
use std::path::Path;

use calamine::{Reader, Xlsx};
use zhudian::export::xlsx;
use zhudian::wording::Lang;

/// The workbook's sheets as rows of text, heading included.
fn book(roster: &str, plan: &str, lang: Lang) -> Vec<Vec<Vec<String>>> {
    let r = zhudian::roster::load(Path::new(roster)).unwrap();
    let bytes = xlsx::documents(&r, &read_plan(plan), lang).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    wb.sheet_names()
        .into_iter()
        .map(|n| year_fixtures::sheet_rows(&mut wb, &n))
        .collect()
}

/// `people PLAN --csv` in `lang`: the rows as cells, heading included.
fn people(roster: &str, plan: &str, lang: &str, dir: &Path) -> Vec<Vec<String>> {
    let csv = tmp(dir, &format!("people-{lang}.csv"));
    let (c, out, err) = zhudian(&[
        "--lang", lang, "people", plan, "--roster", roster, "--csv", &csv,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let text = std::fs::read_to_string(&csv).unwrap();
    text.trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn name(roster: &str, id: &str) -> String {
    let r = zhudian::roster::load(Path::new(roster)).unwrap();
    r.cadre_index(id)
        .map(|c| r.cadres[c].name.clone())
        .or_else(|| r.units.iter().find(|u| u.id == id).map(|u| u.name.clone()))
        .unwrap()
}

/// Plans gaozhou-rural, then replans it from 1 July with the leader of
/// the most units leaving with no successor; (roster, plan in force,
/// replan, the leaver's id).
fn departed(dir: &Path) -> (String, String, String, String) {
    let p0 = year_fixtures::plan(GAOZHOU, dir, "p0.toml");
    let leaver = read_plan(&p0)
        .leader
        .iter()
        .max_by_key(|l| l.units.len())
        .unwrap()
        .id
        .clone();
    let text = std::fs::read_to_string(GAOZHOU).unwrap();
    let head = format!("[[cadre]]\nid = \"{leaver}\"\n");
    let roster = tmp(dir, "left.toml");
    std::fs::write(
        &roster,
        text.replace(&head, &format!("{head}leaves = \"{FROM}\"\n")),
    )
    .unwrap();
    let p1 = year_fixtures::replan(&roster, &p0, FROM, dir, "p1.toml");
    (roster, p0, p1, leaver)
}

#[test]
fn a_leaver_without_successor_is_in_the_workbook_and_people_with_her_dates() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, p0, p1, leaver) = departed(dir.path());
    let (before, after) = (read_plan(&p0), read_plan(&p1));
    let her = name(&roster, &leaver);
    let units: Vec<&str> = after
        .assignment
        .iter()
        .filter(|a| {
            before
                .assignment
                .iter()
                .any(|b| b.unit == a.unit && b.leader == leaver)
        })
        .map(|a| a.unit.as_str())
        .collect();
    assert!(units.len() >= 2);
    let sessions = |kind: &str| {
        after
            .session
            .iter()
            .filter(|s| s.kind == kind && s.people.contains(&leaver))
            .count()
            .to_string()
    };
    assert_ne!(sessions("station"), "0");
    let zh = book(&roster, &p1, Lang::Zh);
    // 驻点团队: she leads each of her units until the day before, her
    // successor at the unit from the date, in the same place (序号 1).
    assert_eq!(zh[0][0][7], "在岗");
    for u in &units {
        let rows: Vec<&Vec<String>> = zh[0]
            .iter()
            .filter(|row| row[0] == name(&roster, u) && row[5] == "驻点领导")
            .collect();
        let new = after.assignment.iter().find(|a| a.unit == *u).unwrap();
        let got: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|row| (row[2].as_str(), row[3].as_str(), row[7].as_str()))
            .collect();
        let new_name = name(&roster, &new.leader);
        assert_eq!(
            got,
            [
                ("1", her.as_str(), "至6月30日"),
                ("1", &new_name, "7月1日起")
            ]
        );
    }
    // 领导干部: her row, after those at the year's end, with her units,
    // her sessions and no load or tour of the year-end plan.
    let leaders = &zh[2];
    assert_eq!(leaders[0][11], "在岗");
    assert_eq!(leaders.len(), after.leader.len() + 2);
    let row = leaders.last().unwrap();
    let names: Vec<String> = units.iter().map(|u| name(&roster, u)).collect();
    assert_eq!(row[0], her);
    assert_eq!(row[2], names.join("、"));
    assert_eq!((row[3].as_str(), row[5].as_str()), ("", ""));
    assert_eq!(row[7], sessions("station"));
    assert_eq!(row[8], sessions("household_visit"));
    assert_eq!(row[9], sessions("makeup"));
    assert_eq!(row[11], "至6月30日");
    // Whoever took a unit of hers has it from the date.
    let new = after
        .assignment
        .iter()
        .find(|a| a.unit == units[0])
        .unwrap();
    let row = leaders
        .iter()
        .find(|row| row[0] == name(&roster, &new.leader))
        .unwrap();
    assert!(
        row[2].contains(&format!("{}（7月1日起）", names[0])),
        "{row:?}"
    );
    let en = book(&roster, &p1, Lang::En);
    assert_eq!(en[2].last().unwrap()[11], "until Jun 30");
    // `people`: her row with her units, sessions and dates.
    let rows = people(&roster, &p1, "zh", dir.path());
    assert_eq!(rows[0][10], "在岗");
    let row = rows.iter().find(|r| r[2] == her).unwrap();
    assert_eq!(row[4], names.join("、"));
    assert_eq!(row[5], sessions("station"));
    assert_eq!(row[10], "至6月30日");
    let rows = people(&roster, &p1, "en", dir.path());
    assert_eq!(rows[0][10], "in post");
    let row = rows.iter().find(|r| r[2] == her).unwrap();
    assert_eq!(row[10], "until Jun 30");
}

#[test]
fn a_predecessor_and_her_successor_are_listed_with_their_dates() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, plan) = year_fixtures::july_succession_planned(dir.path());
    let p = read_plan(&plan);
    let units = p.handover[0].units.clone();
    assert!(!units.is_empty());
    let count = |id: &str| {
        p.session
            .iter()
            .filter(|s| s.kind == "station" && s.people.iter().any(|x| x == id))
            .count()
            .to_string()
    };
    let zh = book(&roster, &plan, Lang::Zh);
    for u in &units {
        let got: Vec<(&str, &str, &str)> = zh[0]
            .iter()
            .filter(|row| row[0] == name(&roster, u) && row[5] == "驻点领导")
            .map(|row| (row[2].as_str(), row[3].as_str(), row[7].as_str()))
            .collect();
        assert_eq!(
            got,
            [("1", "彭坚丽", "至6月30日"), ("1", "林晓阳", "7月1日起")]
        );
    }
    let names: Vec<String> = units.iter().map(|u| name(&roster, u)).collect();
    let leaders = &zh[2];
    let row = |who: &str| leaders.iter().find(|r| r[0] == who).unwrap().clone();
    let (hers, his) = (row("彭坚丽"), row("林晓阳"));
    assert_eq!(hers[2], names.join("、"));
    assert_eq!(hers[11], "至6月30日");
    assert_eq!(hers[7], count("peng-jl"));
    assert_eq!(his[2], names.join("、"));
    assert_eq!(his[11], "7月1日起");
    assert_eq!(his[7], count("lin-xy"));
    let en = book(&roster, &plan, Lang::En);
    let his = en[2].iter().find(|r| r[0] == "林晓阳").unwrap();
    assert_eq!(his[11], "from Jul 1");
    // Leaders whose year is whole have no dates.
    assert!(leaders[1..].iter().filter(|r| r[11].is_empty()).count() >= 10);
    let rows = people(&roster, &plan, "zh", dir.path());
    let row = |who: &str| rows.iter().find(|r| r[2] == who).unwrap().clone();
    assert_eq!(
        (row("彭坚丽")[4].clone(), row("彭坚丽")[10].clone()),
        (names.join("、"), "至6月30日".to_string())
    );
    assert_eq!(row("彭坚丽")[5], count("peng-jl"));
    assert_eq!(row("林晓阳")[10], "7月1日起");
}
