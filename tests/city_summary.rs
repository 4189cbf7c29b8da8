//! `city-summary.csv`, the figures a city sends upward: `plan`, `check` and
//! `replan` on a city write it beside the plans, one row per township with
//! the figures of its plan file, a subtotal per district and the city total.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

const CITY: &str = "tests/fixtures/city";

const HEADER_EN: &str = "district,township,leaders at the year's end,\
leaders who left or handed over in the year,shared leaders leading no unit here,units,\
helpers: department head,helpers: party secretary,helpers: committee cadre,\
helpers: graduate official,helpers: volunteer,helpers: police,helpers: lawyer,\
helpers: deputy,cost,gap (%),largest deviation (%),station sessions,\
sessions without a township member,of them made up later,make-ups,household visit sessions,\
warnings: station sessions short of people,warnings: make-ups that cannot be placed,\
warnings: household visits that do not fit,warnings: meetings in the station window,\
warnings: not carried over from the plan in force,\
warnings: shared people who lead no unit here,\
warnings: leaders whom meetings keep from every station session";

const HEADER_ZH: &str = "区,镇街,驻点领导（年底在任）,另有年内离任或交接,另有共用领导在本镇街不联系村居,联系村居,职能部门负责人（人）,村党组织书记（人）,\
村“两委”干部（人）,大学生村官（人）,志愿服务者（人）,民警（人）,律师（人）,两代表一委员（人）,\
方案得分,与理论最好的差距（%）,最大工作量偏差（%）,驻点接待,缺少镇级人员的接待,其中已补接待,补接待,\
入户走访次数,提醒：驻点接待人手不足,提醒：无法补接待,提醒：入户走访排不下,\
提醒：会议占用驻点时间,提醒：原方案未能沿用的部分,提醒：跨镇街兼任人员不在本镇当驻点领导,\
提醒：因会议没有一次驻点接待的领导";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The summary's rows as cells, after checking the BOM and the header.
fn rows(path: &Path, header: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next().unwrap(), header);
    lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// A plan file's figure at `plan.KEY` or `plan.metrics.KEY`.
fn figure(plan: &toml::Table, key: &str) -> f64 {
    let p = plan["plan"].as_table().unwrap();
    let v = p
        .get(key)
        .unwrap_or_else(|| &p["metrics"].as_table().unwrap()[key]);
    v.as_float()
        .or_else(|| v.as_integer().map(|i| i as f64))
        .unwrap()
}

#[test]
fn plan_on_a_city_writes_the_summary_whose_total_sums_the_townships() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", CITY, "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let summary = plans.join("city-summary.csv");
    assert!(
        out.ends_with(&format!("City figures: {}\n", summary.display())),
        "{out}"
    );
    let rows = rows(&summary, HEADER_EN);
    let labels: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("高明区", "更合镇"),
            ("高明区", "subtotal"),
            // city.toml lists 南山镇; 大塘镇 says its district itself.
            ("三水区", "南山镇"),
            ("三水区", "大塘镇"),
            ("三水区", "subtotal"),
            ("", "total"),
        ]
    );
    let num = |r: &Vec<String>, i: usize| r[i].parse::<f64>().unwrap();
    let towns: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| !["subtotal", "total"].contains(&r[1].as_str()))
        .collect();
    let total = rows.last().unwrap();
    let header: Vec<&str> = HEADER_EN.split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    // Gap and largest deviation: the worst township's; every other column the sum.
    let worst = [col("gap (%)"), col("largest deviation (%)")];
    for i in 2..header.len() {
        let each = towns.iter().map(|r| num(r, i));
        let expected = if worst.contains(&i) {
            each.fold(0.0, f64::max)
        } else {
            each.sum()
        };
        assert!(
            (num(total, i) - expected).abs() < 0.011,
            "{}: {} against {expected}",
            header[i],
            total[i]
        );
    }
    let sanshui = &rows[4];
    assert_eq!(
        num(sanshui, col("units")),
        num(&rows[2], col("units")) + num(&rows[3], col("units"))
    );

    // Each township's row has its plan file's figures.
    let files = [
        ("更合镇", "foshan-25-genghe.toml"),
        ("大塘镇", "foshan-31-datang.toml"),
        ("南山镇", "foshan-32-nanshan.toml"),
    ];
    for (name, file) in files {
        let text = std::fs::read_to_string(plans.join(file)).unwrap();
        let plan: toml::Table = toml::from_str(&text).unwrap();
        let row = towns.iter().find(|r| r[1] == name).unwrap();
        let pairs = [
            ("cost", "cost", 1.0),
            ("gap (%)", "gap", 100.0),
            ("largest deviation (%)", "max_deviation_pct", 1.0),
            ("station sessions", "station_sessions", 1.0),
            (
                "sessions without a township member",
                "shortfall_sessions",
                1.0,
            ),
            ("make-ups", "makeup_sessions", 1.0),
            ("household visit sessions", "household_visit_sessions", 1.0),
        ];
        for (column, key, scale) in pairs {
            let want = figure(&plan, key) * scale;
            assert!(
                (num(row, col(column)) - want).abs() < 0.06,
                "{name} {column}: {} against {want}",
                row[col(column)]
            );
        }
        let warnings = plan
            .get("warning")
            .and_then(|w| w.as_array())
            .map_or(0, |w| w.len());
        let counted: f64 = (col("make-ups") + 2..header.len())
            .map(|i| num(row, i))
            .sum();
        assert_eq!(counted, warnings as f64, "{name}");
        assert_eq!(
            num(row, col("units")),
            plan["assignment"].as_array().unwrap().len() as f64,
            "{name}"
        );
    }
    assert!(num(total, col("station sessions")) > 0.0);
}

#[test]
fn check_and_replan_write_it_too_in_chinese_with_zh() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", CITY, "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let first = std::fs::read(plans.join("city-summary.csv")).unwrap();
    std::fs::remove_file(plans.join("city-summary.csv")).unwrap();

    let (c, out, err) = zhudian(&["--lang", "zh", "check", CITY, s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let summary = plans.join("city-summary.csv");
    // The figures' line, then the verdict last.
    assert!(
        out.ends_with(&format!(
            "全市汇总表：{}\n3 个镇街中 3 个方案有效。\n",
            summary.display()
        )),
        "{out}"
    );
    let zh = rows(&summary, HEADER_ZH);
    assert_eq!(zh[1][1], "小计");
    assert_eq!(zh.last().unwrap()[1], "合计");

    let again = dir.path().join("again");
    let (c, out, err) = zhudian(&["replan", CITY, "--previous", s(&plans), "-o", s(&again)]);
    assert_eq!(c, 0, "{out}{err}");
    // Nothing changed: the same plans give the same figures.
    assert_eq!(
        std::fs::read(again.join("city-summary.csv")).unwrap(),
        first
    );
}

#[test]
fn a_township_not_planned_is_a_marked_row_and_the_total_says_what_it_covers() {
    let dir = tempfile::tempdir().unwrap();
    let city = cli::city_short_of_a_skill(dir.path());
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["--lang", "zh", "plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 1, "{out}{err}");
    let file = plans.join("city-summary.csv");
    assert!(
        out.ends_with(&format!(
            "全市汇总表：{}（南山镇列为“未能编排”，合计只含 3 个镇街中已编排的 2 个）\n",
            s(&file)
        )),
        "{out}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    let empty = ",".repeat(HEADER_ZH.split(',').count() - 3);
    assert!(
        lines.contains(&format!("三水区,南山镇,未能编排：有 4 个村（社区）需要“教育”，但具备这项能力的人员（周冰立）最多只能覆盖 2 个{empty}").as_str()),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("三水区,小计（2 个镇街中已编排的 1 个）,11,")),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(",合计（3 个镇街中已编排的 2 个）,26,")),
        "{text}"
    );
    // In English too.
    let plans = dir.path().join("plans-en");
    let (c, out, _) = zhudian(&["plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 1);
    let file = plans.join("city-summary.csv");
    assert!(
        out.ends_with(&format!(
            "City figures: {} (南山镇 marked not planned; the total covers 2 of 3 townships)\n",
            s(&file)
        )),
        "{out}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("\r\n三水区,南山镇,\"not planned: 4 units need 'education', but the people who have it (周冰立) can cover only 2 of them\",,"),
        "{text}"
    );
    assert!(
        text.contains("\r\n,total (2 of 3 townships planned),26,"),
        "{text}"
    );
    // The city workbook of the plans made marks it too.
    let docs = dir.path().join("docs");
    let (c, out, err) = zhudian(&["export", s(&plans), "--xlsx", s(&docs)]);
    assert_eq!(c, 0, "{out}{err}");
    use calamine::Reader;
    let book = std::fs::read_dir(&docs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("foshan")
        })
        .unwrap();
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let nanshan = rows
        .iter()
        .find(|r| r[1] == "南山镇")
        .expect("a row for 南山镇");
    assert_eq!(nanshan[2], "未能编排：文件夹中没有其方案");
    assert!(
        rows.iter()
            .any(|r| r[1] == "合计（3 个镇街中已编排的 2 个）"),
        "{rows:?}"
    );
}

#[test]
fn a_county_s_figures_and_workbook_say_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let county = dir.path().join("county");
    cli::copy_folder("tests/fixtures/county", &county);
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["--lang", "zh", "plan", s(&county), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let file = plans.join("city-summary.csv");
    assert!(
        out.ends_with(&format!("示例县汇总表：{}\n", s(&file))),
        "{out}"
    );
    assert!(!out.contains("全市"), "{out}");
    let (_, out, _) = zhudian(&["plan", s(&county), "-o", s(&plans)]);
    assert!(
        out.ends_with(&format!("示例县 figures: {}\n", s(&file))),
        "{out}"
    );
    let docs = dir.path().join("docs");
    let (c, out, err) = zhudian(&["--lang", "zh", "export", s(&plans), "--xlsx", s(&docs)]);
    assert_eq!(c, 0, "{out}{err}");
    let book = docs.join("示例县汇总.xlsx");
    assert!(book.is_file(), "{out}");
    assert!(
        out.contains(&format!("已写入 {}：3 个镇街的示例县汇总\n", s(&book))),
        "{out}"
    );
    // Without districts, validate says nothing of townships in none.
    let text = std::fs::read_to_string(county.join("city.toml")).unwrap();
    let start = text.find("[[district]]").unwrap();
    let end = text.find("[station]").unwrap();
    std::fs::write(
        county.join("city.toml"),
        format!("{}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", s(&county)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(!out.contains("未归入任何区"), "{out}");
    // A what-if naming a township the county lacks says the county's name.
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"a\"\ntownships = [\"石龄镇\"]\npolicy = { min_present = 1 }\n",
    )
    .unwrap();
    let (c, _, err) = zhudian(&["--lang", "zh", "whatif", s(&county), s(&scen)]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{}:3: 方案“a”，字段“townships”：示例县没有“石龄镇”这个镇街（是不是“石岭镇”？）\n",
            s(&scen)
        )
    );
}
