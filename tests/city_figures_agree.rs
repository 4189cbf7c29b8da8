//! The city's figures and each township's own page say the same numbers
//! (trial 16): the leaders are those in force at the year's end, those who
//! left or handed over during it said apart (另有 N 名年内离任或交接), and
//! the sessions without a township member are the township page's week
//! grid's "not made up" and "made up" cells together, in city-summary.csv,
//! on the city page and on the terminal.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The city `from` planned and reported in Chinese: the folder, the plans,
/// the pages' folder and what `plan` printed.
fn planned(from: &str) -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["--lang", "zh", "plan", from, "-o", s(&plans)]);
    assert!(c <= 1, "{out}{err}");
    let pages = dir.path().join("pages");
    let page = pages.join("city.html");
    let (c, o, e) = zhudian(&["--lang", "zh", "report", from, s(&plans), "-o", s(&page)]);
    assert_eq!(c, 0, "{o}{e}");
    (dir, plans, pages, out)
}

/// city-summary.csv as (header, rows).
fn summary(plans: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(plans.join("city-summary.csv")).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap();
    let mut lines = text
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect::<Vec<_>>());
    let head = lines.next().unwrap();
    (head, lines.collect())
}

fn col(head: &[String], name: &str) -> usize {
    head.iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("{name}: {head:?}"))
}

/// The township pages beside the city page, by township name (its <h1>).
fn township_pages(pages: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(pages).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().unwrap() == "city.html" {
            continue;
        }
        let html = std::fs::read_to_string(&p).unwrap();
        let h1 = &html[html.find("<h1>").unwrap() + 4..html.find("</h1>").unwrap()];
        let name = h1.split(' ').next().unwrap().to_string();
        out.push((name, html));
    }
    out
}

/// The number after `label` in the week grid's legend.
fn legend(html: &str, label: &str) -> usize {
    let at = html
        .find(&format!("{label} <span class=\"caption\">"))
        .unwrap();
    let rest = &html[at + label.len() + " <span class=\"caption\">".len()..];
    rest[..rest.find('<').unwrap()].parse().unwrap()
}

/// The overview under a township page's title: (in force, left).
fn overview(html: &str) -> (usize, usize) {
    let at = html.find("名驻点领导").unwrap();
    let before = &html[..at];
    let n: usize = before[before.rfind('>').unwrap() + 1..]
        .trim()
        .parse()
        .unwrap();
    let after = &html[at..];
    let left = after
        .strip_prefix("名驻点领导（另有 ")
        .map(|r| r[..r.find(' ').unwrap()].parse().unwrap())
        .unwrap_or(0);
    (n, left)
}

#[test]
fn a_townships_leaders_are_counted_in_force_on_every_city_figure_as_on_its_page() {
    let (_dir, plans, pages, out) = planned("tests/fixtures/city-transfer/after");
    let (head, rows) = summary(&plans);
    let (lead, left) = (
        col(&head, "驻点领导（年底在任）"),
        col(&head, "另有年内离任或交接"),
    );
    let towns = township_pages(&pages);
    assert_eq!(towns.len(), 3);
    let mut leavers = 0;
    for (name, html) in &towns {
        let row = rows.iter().find(|r| &r[1] == name).unwrap();
        let (n, gone) = overview(html);
        assert_eq!(row[lead], n.to_string(), "{name}");
        assert_eq!(row[left], gone.to_string(), "{name}");
        leavers += gone;
    }
    // 邱敏坚 left 高涌镇 (何志强 succeeds him) and 李国雄 retired from 三庄镇.
    assert_eq!(leavers, 2);
    let rows_said: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[1].as_str(), r[lead].as_str(), r[left].as_str()))
        .collect();
    assert_eq!(
        rows_said,
        [
            ("高涌镇", "4", "1"),
            ("三庄镇", "3", "1"),
            ("杏涌镇", "3", "0"),
            // 邱敏坚 is in force in 三庄镇: only 李国雄 left the city.
            ("合计", "10", "1"),
        ]
    );
    // The terminal says the same, and names the leavers under the table.
    assert!(
        out.contains("领导：年底在任、在本镇街联系村（社区）的驻点领导；高涌镇另有 1 名、三庄镇另有 1 名年内离任或交接\n"),
        "{out}"
    );
    assert!(out.contains("领导 10 名"), "{out}");
    // The city page's total, and validate's city line.
    let city = std::fs::read_to_string(pages.join("city.html")).unwrap();
    assert!(city.contains("共 3 个镇街、10 名驻点领导"), "{city}");
    let (_, v, _) = zhudian(&[
        "--lang",
        "zh",
        "validate",
        "tests/fixtures/city-transfer/after",
    ]);
    assert!(
        v.contains("全市：驻点领导 10 名（另有 1 名年内离任或交接），"),
        "{v}"
    );
}

#[test]
fn sessions_without_a_township_member_are_the_week_grids_on_every_city_figure() {
    let (_dir, plans, pages, out) = planned("tests/fixtures/city-transfer/after");
    let (head, rows) = summary(&plans);
    let (short, made) = (col(&head, "缺少镇级人员的接待"), col(&head, "其中已补接待"));
    let city = std::fs::read_to_string(pages.join("city.html")).unwrap();
    let (mut all, mut all_made) = (0, 0);
    for (name, html) in township_pages(&pages) {
        let not_made = legend(&html, "缺少镇级人员的接待（未补接待）");
        let made_up = legend(&html, "缺少镇级人员的接待（已补接待）");
        let row = rows.iter().find(|r| r[1] == name).unwrap();
        assert_eq!(row[short], (not_made + made_up).to_string(), "{name}");
        assert_eq!(row[made], made_up.to_string(), "{name}");
        // Every make-up session makes up one cell: a short one, or one
        // not held that week.
        let not_held = legend(&html, "当周未接待（已补接待）");
        assert_eq!(
            row[col(&head, "补接待")],
            (made_up + not_held).to_string(),
            "{name}"
        );
        assert!(html.contains("两种“已补接待”相加，即其补接待次数。"));
        // The city page's row, linked to the township's page, says both.
        let cell = |n: usize| format!("<td class=\"n\"{}>{n}</td>", "");
        let at = city.find(&format!(">{name}</a>")).unwrap();
        let tr = &city[at..at + city[at..].find("</tr>").unwrap()];
        assert!(tr.contains(&cell(made_up)), "{tr}");
        all += not_made + made_up;
        all_made += made_up;
    }
    assert!(all_made > 0 && all > all_made, "{all} {all_made}");
    let total = rows.iter().find(|r| r[1] == "合计").unwrap();
    assert_eq!(total[short], all.to_string());
    assert_eq!(total[made], all_made.to_string());
    assert!(
        out.contains(&format!(
            "缺少镇级人员的接待 {all} 次（其中已补接待 {all_made} 次）"
        )),
        "{out}"
    );
    assert!(out.contains("缺少镇级人员的接待：全年没有镇级人员到场的驻点接待次数，事后已补接待的也计在内（各镇街页面分“未补接待”“已补接待”两项）\n"), "{out}");
}

#[test]
fn the_city_summary_names_its_new_columns_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "plan",
        "tests/fixtures/city-transfer/after",
        "-o",
        s(&plans),
    ]);
    assert!(c <= 1, "{out}{err}");
    let (head, _) = summary(&plans);
    assert_eq!(
        head[2..6],
        [
            "leaders at the year's end",
            "leaders who left or handed over in the year",
            "shared leaders leading no unit here",
            "units"
        ]
    );
    assert!(head.contains(&"of them made up later".to_string()));
    assert!(out.contains("leaders: in post at the year's end, leading a unit there; left or handed over during the year besides: 高涌镇 1, 三庄镇 1\n"), "{out}");
    assert!(out.contains("short sessions: station sessions in the year held without a township member, those made up later included (a township's page shows them as not made up and made up)\n"), "{out}");
}
