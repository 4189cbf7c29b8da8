//! `whatif CITY SCENARIOS --format csv|markdown|toml` and `--report FILE`:
//! each output exists, is well formed, and carries the figures the
//! terminal's table prints (city totals, district subtotals, the townships
//! a variant changes most).

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

/// Two districts: 高明区 (更合镇) and 三水区 (大塘镇, 南山镇).
const CITY: &str = "tests/fixtures/city-whatif";
const SCEN: &str = "[[variant]]\nname = \"三水区村隔周\"\ndistricts = [\"三水区\"]\nunits = [{ where = { kind = \"village\" }, cadence = \"biweekly\" }]\n";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The terminal table's figures: (block heading, label) → values.
fn terminal(scen: &Path) -> String {
    let (c, out, err) = zhudian(&["whatif", CITY, s(scen)]);
    assert_eq!(c, 0, "{out}{err}");
    out
}

/// The values after `label` on the first line holding it after `from`.
fn row(out: &str, from: &str, label: &str) -> Vec<String> {
    let rest = &out[out.find(from).unwrap_or_else(|| panic!("{from} in {out}"))..];
    let line = rest
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap();
    line.trim_start()[label.len()..]
        .split_whitespace()
        .map(String::from)
        .collect()
}

const LABELS: [(&str, &str); 7] = [
    ("sessions without a township member", "shortfall_sessions"),
    ("make-up sessions", "makeup_sessions"),
    ("station sessions", "station_sessions"),
    ("household visit sessions", "household_visit_sessions"),
    ("largest load deviation (%)", "max_deviation_pct"),
    ("units whose leader changes", "units_moved"),
    ("cost", "cost"),
];

fn setup() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let scen = dir.path().join("s.toml");
    std::fs::write(&scen, SCEN).unwrap();
    let out = terminal(&scen);
    (dir, scen, out)
}

#[test]
fn csv_carries_the_terminals_totals_subtotals_and_changed_townships() {
    let (_d, scen, out) = setup();
    let (c, csv, err) = zhudian(&["whatif", CITY, s(&scen), "--format", "csv"]);
    assert_eq!(c, 0, "{err}");
    // A byte-order mark, as every CSV zhudian writes.
    let csv = csv.strip_prefix('\u{feff}').expect("a BOM").to_string();
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        lines[0],
        [
            "scope",
            "district",
            "township",
            "figure",
            "base",
            "三水区村隔周"
        ]
    );
    assert!(lines.iter().all(|l| l.len() == 6), "{csv}");
    let get = |scope: &str, district: &str, township: &str, key: &str| -> Vec<String> {
        let l = lines
            .iter()
            .find(|l| l[..4] == [scope, district, township, key])
            .unwrap_or_else(|| panic!("{scope},{district},{township},{key} in {csv}"));
        l[4..]
            .iter()
            .map(|c| {
                if c.is_empty() {
                    "—".into()
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    for (label, key) in LABELS {
        assert_eq!(
            get("city", "", "total", key),
            row(&out, "City totals", label),
            "{label}"
        );
        assert_eq!(
            get("district", "三水区", "subtotal", key),
            row(&out, "  三水区 (2 townships)", label),
            "{label}"
        );
        assert_eq!(
            get("district", "高明区", "subtotal", key),
            row(&out, "  高明区 (1 township)", label),
            "{label}"
        );
    }
    assert_eq!(get("city", "", "total", "townships"), ["3", "3"]);
    // As city-summary.csv: each district's townships, then its subtotal;
    // the city's total last.
    let order: Vec<(&str, &str)> =
        lines[1..]
            .iter()
            .map(|l| (l[1], l[2]))
            .fold(Vec::new(), |mut v, x| {
                if v.last() != Some(&x) {
                    v.push(x);
                }
                v
            });
    let districts: Vec<&str> = order.iter().map(|(d, _)| *d).collect();
    let first = |d: &str| districts.iter().position(|x| *x == d).unwrap();
    let sub = |d: &str| order.iter().position(|x| *x == (d, "subtotal")).unwrap();
    for d in ["三水区", "高明区"] {
        let (a, b) = (first(d), sub(d));
        assert!(
            order[a..b].iter().all(|(x, t)| *x == d && *t != "subtotal"),
            "{order:?}"
        );
        assert!(a < b && b + 1 < order.len());
    }
    assert_eq!(order.last(), Some(&("", "total")), "{order:?}");
    // The townships the terminal lists as changed most, ranked the same.
    let listed: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Townships '三水区村隔周' changes most"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim_start().split(' ').next().unwrap())
        .collect();
    assert_eq!(listed.len(), 2, "{out}");
    for (i, t) in listed.iter().enumerate() {
        assert_eq!(
            get("township", "三水区", t, "change_rank")[1],
            (i + 1).to_string()
        );
    }
    assert_eq!(
        get("township", "高明区", "更合镇", "change_rank"),
        ["—", "—"]
    );
}

#[test]
fn the_chinese_csv_has_the_terminals_words_and_city_summarys_layout() {
    let dir = tempfile::tempdir().unwrap();
    let scen = dir.path().join("s.toml");
    std::fs::write(&scen, SCEN).unwrap();
    let (c, out, err) = zhudian(&["--lang", "zh", "whatif", CITY, s(&scen)]);
    assert_eq!(c, 0, "{out}{err}");
    let (c, csv, err) = zhudian(&["--lang", "zh", "whatif", CITY, s(&scen), "--format", "csv"]);
    assert_eq!(c, 0, "{err}");
    let csv = csv.strip_prefix('\u{feff}').expect("a BOM").to_string();
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        lines[0],
        ["范围", "区", "镇街", "指标", "现名册方案", "三水区村隔周"]
    );
    assert!(
        !csv.chars().any(|c| c.is_ascii_alphabetic() || c == '_'),
        "no English word or key: {csv}"
    );
    let get = |district: &str, township: &str, figure: &str| -> Vec<String> {
        let l = lines
            .iter()
            .find(|l| l[1..4] == [district, township, figure])
            .unwrap_or_else(|| panic!("{district},{township},{figure} in {csv}"));
        l[4..]
            .iter()
            .map(|c| {
                if c.is_empty() {
                    "—".into()
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    // The terminal's labels, its figures to the digit.
    for label in [
        "缺少镇级人员的接待",
        "补接待次数",
        "驻点接待次数",
        "入户走访次数",
        "最大工作量偏差（%）",
        "换了联系领导的村居",
        "方案得分",
    ] {
        assert_eq!(
            get("", "合计", label),
            row(&out, "全市合计", label),
            "{label}"
        );
        assert_eq!(
            get("三水区", "小计", label),
            row(&out, "  三水区（2 个镇街）", label),
            "{label}"
        );
    }
    assert_eq!(get("", "合计", "镇街数"), ["3", "3"]);
    assert_eq!(lines.last().unwrap()[..3], ["全市", "", "合计"]);
    assert!(csv.contains("\r\n区,三水区,小计,镇街数,2,2\r\n"), "{csv}");
    assert!(
        csv.contains("\r\n镇街,三水区,大塘镇,变化排名（1 为变化最大）,,"),
        "{csv}"
    );
}

#[test]
fn toml_and_markdown_carry_the_terminals_figures() {
    let (_d, scen, out) = setup();
    let (c, text, err) = zhudian(&["whatif", CITY, s(&scen), "--format", "toml"]);
    assert_eq!(c, 0, "{err}");
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let shown = |v: &toml::Value, key: &str| -> String {
        match key {
            "cost" => format!("{:.2}", v.as_float().unwrap()),
            "max_deviation_pct" => format!("{:.1}", v.as_float().unwrap()),
            _ => v.as_integer().unwrap().to_string(),
        }
    };
    for (label, key) in LABELS.iter().filter(|(_, k)| *k != "units_moved") {
        let total: Vec<String> = doc["total"][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| shown(v, key))
            .collect();
        assert_eq!(total, row(&out, "City totals", label), "{label}");
    }
    assert_eq!(doc["changed"][0]["townships_changed"].as_integer(), Some(2));
    assert_eq!(doc["district"].as_array().unwrap().len(), 2);
    assert_eq!(doc["township"].as_array().unwrap().len(), 3);

    let (c, md, err) = zhudian(&["whatif", CITY, s(&scen), "--format", "markdown"]);
    assert_eq!(c, 0, "{err}");
    assert!(md.starts_with("## City totals, 3 townships (the base: the whole year planned afresh on the rosters as they stand, not the plan in force; then each variant)\n\n| | base | 三水区村隔周 |\n| --- | --- | --- |\n"), "{md}");
    for (label, _) in LABELS {
        let v = row(&out, "City totals", label);
        assert!(
            md.contains(&format!("| {label} | {} |\n", v.join(" | "))),
            "{label}: {md}"
        );
    }
    assert!(md.contains("\n### 三水区 (2 townships)\n"), "{md}");
    assert!(
        md.contains("\n## Townships '三水区村隔周' changes most (2 of the 2 it changes)\n\n- "),
        "{md}"
    );
}

#[test]
fn report_writes_one_well_formed_page_with_the_figures() {
    let (d, scen, out) = setup();
    let page = d.path().join("city-whatif.html");
    let (c, again, err) = zhudian(&["whatif", CITY, s(&scen), "--report", s(&page)]);
    assert_eq!(c, 0, "{err}");
    assert_eq!(again, out, "the terminal says the same with --report");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"),
        "{}",
        &html[..80]
    );
    assert!(html.ends_with("</html>\n"));
    for tag in ["table", "tr", "section", "ul", "li", "h2", "h3", "td", "th"] {
        assert_eq!(
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count(),
            html.matches(&format!("</{tag}>")).count(),
            "<{tag}>"
        );
    }
    // City + two districts.
    assert_eq!(html.matches("<table").count(), 3);
    assert!(html.contains("<h1>全市方案比较</h1>") || html.contains("：各方案比较</h1>"));
    assert!(
        html.contains("<h2>全市合计（3 个镇街；先现名册方案（按现名册全年重新编排，不是正在执行的方案），后各方案）</h2>"),
        "{html}"
    );
    let station = row(&out, "City totals", "station sessions");
    assert!(html.contains(&format!(
        "<tr><td>驻点接待次数</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
        station[0], station[1]
    )));
    assert!(html.contains("<h3>三水区（2 个镇街）</h3>"));
    assert!(html.contains("变化最大的镇街（共 2 个有变化，列出 2 个）</h2><ul><li>"));
    // In English with --lang en.
    let (c, _, _) = zhudian(&[
        "--lang",
        "en",
        "whatif",
        CITY,
        s(&scen),
        "--report",
        s(&page),
    ]);
    assert_eq!(c, 0);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<h2>City totals, 3 townships (the base: the whole year planned afresh on the rosters as they stand, not the plan in force; then each variant)</h2>"));
}

#[test]
fn report_over_an_input_is_refused() {
    let (_d, scen, _) = setup();
    let (c, _, err) = zhudian(&["whatif", CITY, s(&scen), "--report", s(&scen)]);
    assert_eq!(c, 2, "{err}");
    assert_eq!(std::fs::read_to_string(&scen).unwrap(), SCEN);
}
