//! The city page of `zhudian report CITY PLANS`: the city named from
//! city.toml's `[city] name`, the townships grouped under their districts,
//! each district closed by its subtotal (小计) and the city by its total
//! (合计), the leaders counted as city-summary.csv counts them — a
//! township's row its roster's leaders who lead a unit there (a shared
//! cadre kept away said in a caption), a subtotal or the total each person
//! once — in both languages. A city without districts has no subtotal rows.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

/// 云浮市: 河口街道 and 腰古镇 in 云城区, 六都镇 in 云安区; 陈志强 is on
/// the rosters of 六都镇 and 腰古镇 (`shared = true`).
const CITY: &str = "tests/fixtures/city-shared-window";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A copy of the city (its city.toml without districts when `districts` is
/// false), planned in `lang`.
fn planned(districts: bool, lang: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    std::fs::create_dir(&city).unwrap();
    for e in std::fs::read_dir(CITY).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, city.join(p.file_name().unwrap())).unwrap();
    }
    if !districts {
        let text = std::fs::read_to_string(city.join("city.toml")).unwrap();
        let start = text.find("[[district]]").unwrap();
        let end = text.find("[station]").unwrap();
        let without = format!("{}{}", &text[..start], &text[end..]);
        std::fs::write(city.join("city.toml"), without).unwrap();
    }
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["--lang", lang, "plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    (dir, city, plans)
}

/// The city page written by `report` in `lang`, and what it printed.
fn report(dir: &Path, city: &Path, plans: &Path, lang: &str) -> (String, String) {
    let page = dir.join("pages").join("city.html");
    let (c, out, err) = zhudian(&["--lang", lang, "report", s(city), s(plans), "-o", s(&page)]);
    assert_eq!(c, 0, "{out}{err}");
    (std::fs::read_to_string(page).unwrap(), out)
}

/// city-summary.csv's rows (after its header) as cells.
fn summary(plans: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(plans.join("city-summary.csv")).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap();
    text.split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// The summary's columns the page shows: leaders, units, cost, sessions
/// without a township member, and the warnings (every warning column summed).
struct Cells {
    leaders: String,
    left: String,
    units: String,
    cost: String,
    short: String,
    made_up: String,
    warnings: usize,
}

fn cells(row: &[String]) -> Cells {
    // district, township, leaders, those who left, shared ones leading no
    // unit there, units, 8 helper roles, cost, gap, deviation, sessions,
    // short, of them made up, make-ups, visits, then the warnings.
    Cells {
        leaders: row[2].clone(),
        left: row[3].clone(),
        units: row[5].clone(),
        cost: row[14].clone(),
        short: row[18].clone(),
        made_up: row[19].clone(),
        warnings: row[22..].iter().map(|c| c.parse::<usize>().unwrap()).sum(),
    }
}

/// The figures of a row as the page writes them, `cell` `td` or `th`; the
/// gap cell is given for a township and empty for a subtotal or the total.
fn figures(c: &Cells, gap: &str, cell: &str) -> String {
    let short = if cell == "td" && c.short != "0" {
        " style=\"color:#b3261e;font-weight:600\""
    } else {
        ""
    };
    format!(
        "<{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{gap}</{cell}><{cell} class=\"n\"{short}>{}</{cell}><{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{}</{cell}>",
        c.units, c.leaders, c.left, c.cost, c.short, c.made_up, c.warnings
    )
}

fn township_row(href: &str, name: &str, row: &[String], gap: &str) -> String {
    format!(
        "<tr><td><a href=\"{href}\">{name}</a></td>{}</tr>",
        figures(&cells(row), gap, "td")
    )
}

#[test]
fn the_chinese_city_page_names_the_city_and_groups_the_townships_under_their_districts() {
    let (dir, city, plans) = planned(true, "zh");
    let (page, out) = report(dir.path(), &city, &plans, "zh");
    assert!(out.ends_with("3 个镇街中 3 个已写出页面。\n"), "{out}");
    assert!(
        page.contains("<title>云浮市各镇街驻点方案一览</title>"),
        "{page}"
    );
    assert!(page.contains("<h1>云浮市各镇街驻点方案一览</h1>"));
    let rows = summary(&plans);
    let labels: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[2].as_str()))
        .collect();
    // The summary the page must agree with: 陈志强, shared, leads no unit in
    // 腰古镇 (六都镇's sessions take its dates), so he counts in 六都镇's row
    // only, and the rows add up (5 + 4 + 6, 15 people).
    assert_eq!(
        labels,
        [
            ("云城区", "河口街道", "5"),
            ("云城区", "腰古镇", "4"),
            ("云城区", "小计", "9"),
            ("云安区", "六都镇", "6"),
            ("云安区", "小计", "6"),
            ("", "合计", "15"),
        ]
    );
    let total = cells(&rows[5]);
    assert!(
        page.contains(&format!(
            "<p class=\"sub\">共 3 个镇街、15 名驻点领导、{} 个村（社区）。点击镇街名称查看该镇街的方案。</p>",
            total.units
        )),
        "{page}"
    );
    let gap = "0%：没有更好的方案";
    let table = [
        "<tr class=\"district\"><th colspan=\"9\">云城区</th></tr>".to_string(),
        township_row("hekou.html", "河口街道", &rows[0], gap),
        township_row("yaogu.html", "腰古镇", &rows[1], gap),
        format!(
            "<tr class=\"subtotal\"><th>云城区小计</th>{}</tr>",
            figures(&cells(&rows[2]), "", "th")
        ),
        "<tr class=\"district\"><th colspan=\"9\">云安区</th></tr>".to_string(),
        township_row("liudu.html", "六都镇", &rows[3], gap),
        format!(
            "<tr class=\"subtotal\"><th>云安区小计</th>{}</tr>",
            figures(&cells(&rows[4]), "", "th")
        ),
        format!(
            "<tr class=\"total\"><th>合计</th>{}</tr></table>",
            figures(&total, "", "th")
        ),
    ]
    .concat();
    assert!(page.contains(&table), "{table}\n{page}");
    assert!(page.contains(
        "<p class=\"caption\">腰古镇另有 1 名共用干部在本镇街不联系村（社区），不计入该镇街的驻点领导。</p>"
    ), "{page}");
    // Nobody is on two rows now: no caption about counting once.
    assert!(!page.contains("在小计和合计中只计一次"), "{page}");
}

#[test]
fn the_english_city_page_counts_as_the_summary_does() {
    let (dir, city, plans) = planned(true, "en");
    let (page, out) = report(dir.path(), &city, &plans, "en");
    assert!(
        out.ends_with("3 of 3 townships have their pages written.\n"),
        "{out}"
    );
    assert!(page.contains("<h1>云浮市: Stationing plans of every township</h1>"));
    let rows = summary(&plans);
    assert_eq!(rows[2][1], "subtotal");
    assert_eq!(rows[5][1], "total");
    let total = cells(&rows[5]);
    assert_eq!(total.leaders, "15");
    assert!(
        page.contains(&format!(
            "<p class=\"sub\">3 townships, 15 leaders, {} units. Click a township for its own page.</p>",
            total.units
        )),
        "{page}"
    );
    let gap = "0%: no better plan";
    let table = [
        "<tr class=\"district\"><th colspan=\"9\">云城区</th></tr>".to_string(),
        township_row("hekou.html", "河口街道", &rows[0], gap),
        township_row("yaogu.html", "腰古镇", &rows[1], gap),
        format!(
            "<tr class=\"subtotal\"><th>Subtotal, 云城区</th>{}</tr>",
            figures(&cells(&rows[2]), "", "th")
        ),
        "<tr class=\"district\"><th colspan=\"9\">云安区</th></tr>".to_string(),
        township_row("liudu.html", "六都镇", &rows[3], gap),
        format!(
            "<tr class=\"subtotal\"><th>Subtotal, 云安区</th>{}</tr>",
            figures(&cells(&rows[4]), "", "th")
        ),
        format!(
            "<tr class=\"total\"><th>Total</th>{}</tr></table>",
            figures(&total, "", "th")
        ),
    ]
    .concat();
    assert!(page.contains(&table), "{table}\n{page}");
    assert!(page.contains(
        "<p class=\"caption\">腰古镇: 1 more shared cadre leads no unit here; not counted among that township&#39;s leaders.</p>"
    ), "{page}");
    assert!(!page.contains("counts once in a subtotal"), "{page}");
}

#[test]
fn a_city_without_districts_has_no_subtotal_rows() {
    for lang in ["zh", "en"] {
        let (dir, city, plans) = planned(false, lang);
        let (page, _) = report(dir.path(), &city, &plans, lang);
        let rows = summary(&plans);
        assert_eq!(rows.len(), 4, "three townships and the total");
        assert!(!page.contains("class=\"district\""), "{page}");
        assert!(!page.contains("class=\"subtotal\""), "{page}");
        let (gap, total) = match lang {
            "zh" => ("0%：没有更好的方案", "合计"),
            _ => ("0%: no better plan", "Total"),
        };
        let table = [
            township_row("hekou.html", "河口街道", &rows[0], gap),
            township_row("liudu.html", "六都镇", &rows[1], gap),
            township_row("yaogu.html", "腰古镇", &rows[2], gap),
            format!(
                "<tr class=\"total\"><th>{total}</th>{}</tr></table>",
                figures(&cells(&rows[3]), "", "th")
            ),
        ]
        .concat();
        assert!(page.contains(&table), "{table}\n{page}");
        assert_eq!(cells(&rows[3]).leaders, "15");
    }
}

#[test]
fn only_a_city_reports_township_pages_point_to_the_city_summary() {
    let (dir, city, plans) = planned(true, "zh");
    let zh_city = "“缺少镇级人员的接待”未补接待与已补接待两项相加，即“各镇街驻点方案一览”中本镇街的“缺少镇级人员的接待”次数；两种“已补接待”相加，即其补接待次数。";
    let zh_alone = "“缺少镇级人员的接待”未补接待与已补接待两项相加，即本镇街全年“缺少镇级人员的接待”的次数；两种“已补接待”相加，即其补接待次数。";
    let en_city = "Sessions without a township member, made up later or not, add up to the township's figure on the page “Stationing plans of every township”; the two kinds made up add up to its make-up sessions.";
    let en_alone = "Sessions without a township member, made up later or not, add up to the township's count for the year; the two kinds made up add up to its make-up sessions.";
    for (lang, in_city, alone) in [("zh", zh_city, zh_alone), ("en", en_city, en_alone)] {
        report(dir.path(), &city, &plans, lang);
        let roster = std::fs::read_dir(&city)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap() != "city.toml")
            .unwrap();
        let file = roster.file_stem().unwrap().to_str().unwrap().to_string();
        let township = dir.path().join("pages").join(format!("{file}.html"));
        let township = std::fs::read_to_string(&township).unwrap();
        assert!(township.contains(in_city) && !township.contains(alone));
        // The same township reported alone, as its own planner does.
        let page = dir.path().join(format!("{file}-{lang}.html"));
        let plan = plans.join(format!("{file}.toml"));
        let (c, out, err) = zhudian(&[
            "--lang",
            lang,
            "report",
            s(&roster),
            s(&plan),
            "-o",
            s(&page),
        ]);
        assert_eq!(c, 0, "{out}{err}");
        let page = std::fs::read_to_string(page).unwrap();
        assert!(page.contains(alone) && !page.contains(in_city), "{page}");
    }
}
