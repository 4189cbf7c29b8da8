//! `convert` writes what a planner reads: skills in Chinese, units and
//! people by name (the id only where two share a name), and reading the
//! workbook back gives the same roster.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;

use std::path::Path;

use calamine::Xlsx;
use zhudian::model::{Attendee, Roster};

const ROSTER: &str = "instances/gaozhou-rural.toml";

/// The shipped roster with a successor (林晓阳 succeeds 彭坚丽 from July).
fn with_successor(dir: &Path) -> String {
    year_fixtures::succession(dir, "roster.toml", year_fixtures::JULY, "peng-jl")
}

/// A sheet's rows as text, the heading first.
fn sheet(book: &str, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = calamine::open_workbook(book).unwrap();
    year_fixtures::sheet_rows(&mut wb, name)
}

fn column(rows: &[Vec<String>], heading: &str) -> Vec<String> {
    // A required column's heading ends in " *".
    let c = rows[0]
        .iter()
        .position(|h| h.trim_end_matches(" *") == heading)
        .unwrap_or_else(|| panic!("{heading}: {:?}", rows[0]));
    rows[1..].iter().map(|r| r[c].clone()).collect()
}

/// What the roster means, field by field, for the fields named by
/// reference or by skill.
fn meaning(r: &Roster) -> Vec<String> {
    let mut out = Vec::new();
    for u in &r.units {
        out.push(format!("unit {} needs {:?}", u.id, u.needs));
    }
    for c in &r.cadres {
        out.push(format!(
            "cadre {} {:?} {:?} {:?}",
            c.id, c.skills, c.home_unit, c.succeeds
        ));
    }
    for h in &r.helpers {
        out.push(format!(
            "helper {} {:?} {:?} {:?}",
            h.id, h.skills, h.unit, h.succeeds
        ));
    }
    for m in &r.meetings {
        out.push(format!("meeting {} {:?}", m.title, m.attendees));
    }
    out
}

#[test]
fn the_workbook_names_skills_units_and_people_in_chinese_and_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let roster = with_successor(dir.path());
    let book = dir.path().join("名册.xlsx").display().to_string();
    let (c, out, err) = zhudian(&["convert", &roster, &book]);
    assert_eq!(c, 0, "{out}{err}");
    let r = zhudian::roster::load(Path::new(&roster)).unwrap();
    let unit = |id: &str| r.units[r.unit_index(id).unwrap()].name.clone();
    // 干部: skills in Chinese, the home unit by name, succeeds by name.
    let cadres = sheet(&book, "干部");
    let skills = column(&cadres, "能力");
    let homes = column(&cadres, "本人所在村居");
    let succeeds = column(&cadres, "接替");
    for (i, c) in r.cadres.iter().enumerate() {
        let want: Vec<String> = c
            .skills
            .iter()
            .map(|s| match s.as_str() {
                "stability" => "维稳".to_string(),
                "legal" => "法律".to_string(),
                "labour" => "劳动就业".to_string(),
                "elderly" => "养老".to_string(),
                "agriculture" => "农业".to_string(),
                "land" => "土地".to_string(),
                "education" => "教育".to_string(),
                "health" => "卫生健康".to_string(),
                "poverty" => "帮扶".to_string(),
                "environment" => "环保".to_string(),
                other => panic!("a skill the test does not know: {other}"),
            })
            .collect();
        assert_eq!(skills[i], want.join("、"), "{}", c.id);
        assert_eq!(
            homes[i],
            c.home_unit.as_deref().map(unit).unwrap_or_default()
        );
    }
    assert!(cadres.iter().skip(1).any(|r| !r[3].is_empty()));
    assert!(homes.iter().any(|h| !h.is_empty()));
    assert!(succeeds.contains(&"彭坚丽".to_string()), "{succeeds:?}");
    // No id, skill code or other ASCII word left in those columns.
    let ascii = |cells: &[String]| {
        cells
            .iter()
            .all(|s| !s.chars().any(|c| c.is_ascii_alphabetic()))
    };
    assert!(ascii(&skills) && ascii(&homes) && ascii(&succeeds));
    let helpers = sheet(&book, "协助人员");
    for h in ["所属村居", "能力"] {
        assert!(ascii(&column(&helpers, h)), "协助人员 {h}");
    }
    assert!(column(&helpers, "所属村居").iter().any(|u| !u.is_empty()));
    let units = sheet(&book, "村居");
    assert!(ascii(&column(&units, "需要的能力")));
    assert!(
        column(&units, "需要的能力")
            .iter()
            .any(|n| n.contains("维稳"))
    );
    let meetings = sheet(&book, "会议");
    let who = column(&meetings, "参会人员");
    assert!(ascii(&who), "{who:?}");
    assert!(
        r.meetings
            .iter()
            .any(|m| m.attendees.iter().any(|a| matches!(a, Attendee::Person(_))))
    );
    // Read back: the same roster.
    let back = dir.path().join("back.toml").display().to_string();
    let (c, out, err) = zhudian(&["convert", &book, &back]);
    assert_eq!(c, 0, "{out}{err}");
    let again = zhudian::roster::load(Path::new(&back)).unwrap();
    assert_eq!(meaning(&again), meaning(&r));
    let direct = zhudian::roster::load(Path::new(&book)).unwrap();
    assert_eq!(meaning(&direct), meaning(&r));
}

#[test]
fn two_units_of_one_name_are_written_by_id_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let r = zhudian::roster::load(Path::new(ROSTER)).unwrap();
    let c = r.cadres.iter().find(|c| c.home_unit.is_some()).unwrap();
    let home = c.home_unit.clone().unwrap();
    let name = r.units[r.unit_index(&home).unwrap()].name.clone();
    let other = r.units.iter().find(|u| u.id != home).unwrap();
    let twins = text.replace(
        &format!("name = \"{}\"", other.name),
        &format!("name = \"{name}\""),
    );
    let roster = dir.path().join("twins.toml").display().to_string();
    std::fs::write(&roster, twins).unwrap();
    let book = dir.path().join("twins.xlsx").display().to_string();
    assert_eq!(zhudian(&["convert", &roster, &book]).0, 0);
    let cadres = sheet(&book, "干部");
    let i = r.cadre_index(&c.id).unwrap();
    assert_eq!(column(&cadres, "本人所在村居")[i], home);
    let back = dir.path().join("back.toml").display().to_string();
    assert_eq!(zhudian(&["convert", &book, &back]).0, 0);
    let again = zhudian::roster::load(Path::new(&back)).unwrap();
    let before = zhudian::roster::load(Path::new(&roster)).unwrap();
    assert_eq!(meaning(&again), meaning(&before));
}

#[test]
fn a_skill_typed_in_chinese_or_as_its_code_reads_as_the_code_and_other_words_stay() {
    use zhudian::workbook::schema::{SKILLS, code_of, zh_of};
    assert_eq!(code_of(SKILLS, "维稳"), Some("stability"));
    assert_eq!(code_of(SKILLS, "扶贫"), Some("poverty"));
    assert_eq!(code_of(SKILLS, "Legal"), Some("legal"));
    assert_eq!(code_of(SKILLS, "调解"), None);
    assert_eq!(zh_of(SKILLS, "labour"), "劳动就业");
    assert_eq!(zh_of(SKILLS, "调解"), "调解");
}
