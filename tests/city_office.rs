//! The city office's figures (issue 16, after its trial): `whatif CITY`
//! plans the base as `plan CITY` does (shared people's sessions in earlier
//! townships kept clear), the city's people are counted once each however
//! many townships' rosters they are on, a person who leaves with no
//! successor is named, and the what-if CSV carries a BOM.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SHARED: &str = "tests/fixtures/city-shared-window";
const AFTER: &str = "tests/fixtures/city-transfer/after";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A CSV file's rows (BOM checked), each as header → cell.
fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    let mut lines = text.lines();
    let head: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            head.iter()
                .cloned()
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

/// The transfer city (邱敏坚 leaves 高涌镇 for 三庄镇 in July), copied, with
/// 梁健明 of 高涌镇 shared with 三庄镇.
fn shared_and_transferred() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    std::fs::create_dir_all(&city).unwrap();
    for e in std::fs::read_dir(AFTER).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, city.join(p.file_name().unwrap())).unwrap();
    }
    let gaoyong = city.join("gaoyong.toml");
    let text = std::fs::read_to_string(&gaoyong).unwrap().replacen(
        "id = \"liang-jm\"\nname = \"梁健明\"",
        "id = \"liang-jm\"\nname = \"梁健明\"\nshared = true",
        1,
    );
    std::fs::write(&gaoyong, text).unwrap();
    let sanzhuang = city.join("sanzhuang.toml");
    let mut text = std::fs::read_to_string(&sanzhuang).unwrap();
    text.push_str(
        "\n[[cadre]]\nid = \"liang-jm\"\nname = \"梁健明\"\npost = \"党委委员\"\nunits = [0, 1]\nshared = true\n",
    );
    std::fs::write(&sanzhuang, text).unwrap();
    (dir, city)
}

#[test]
fn the_whatif_base_column_is_the_city_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", SHARED, "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let summary = csv_rows(&std::fs::read_to_string(plans.join("city-summary.csv")).unwrap());
    let total = summary.last().unwrap();
    assert_eq!(total["township"], "total");
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"fortnightly\"\ntownships = [\"河口街道\"]\n\
         units = [{ where = { kind = \"village\" }, cadence = \"biweekly\" }]\n",
    )
    .unwrap();
    let (c, csv, err) = zhudian(&["whatif", SHARED, s(&scen), "--format", "csv"]);
    assert_eq!(c, 0, "{err}");
    let rows = csv_rows(&csv);
    let city = |figure: &str| -> &BTreeMap<String, String> {
        rows.iter()
            .find(|r| r["scope"] == "city" && r["figure"] == figure)
            .unwrap_or_else(|| panic!("{figure} in {csv}"))
    };
    // The shared cadre leads nothing in 腰古镇: 49 sessions go short there,
    // in the plan and in the what-if's base alike.
    assert_eq!(total["sessions without a township member"], "49");
    for (figure, column) in [
        ("shortfall_sessions", "sessions without a township member"),
        ("makeup_sessions", "make-ups"),
        ("station_sessions", "station sessions"),
        ("household_visit_sessions", "household visit sessions"),
        ("cost", "cost"),
        ("max_deviation_pct", "largest deviation (%)"),
    ] {
        assert_eq!(city(figure)["base"], total[column], "{figure}");
    }
    // 腰古镇 is left alone by the variant but planned after 六都镇, which the
    // variant leaves alone too: its figures are the base's.
    let yaogu = |figure: &str| {
        rows.iter()
            .find(|r| r["township"] == "腰古镇" && r["figure"] == figure)
            .unwrap()
            .clone()
    };
    assert_eq!(yaogu("shortfall_sessions")["base"], "49");
    assert_eq!(yaogu("shortfall_sessions")["fortnightly"], "49");
}

#[test]
fn city_totals_count_a_shared_and_a_transferred_leader_once() {
    let (dir, city) = shared_and_transferred();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    // 4 + 4 + 3 leaders at the year's end (邱敏坚 left 高涌镇, 李国雄
    // retired from 三庄镇); 梁健明 (shared) is one person.
    assert!(out.contains(": 22 units, 10 leaders, total cost "), "{out}");
    let summary = csv_rows(&std::fs::read_to_string(plans.join("city-summary.csv")).unwrap());
    let leaders: Vec<(&str, &str)> = summary
        .iter()
        .map(|r| {
            (
                r["township"].as_str(),
                r["leaders at the year's end"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        leaders,
        [
            ("高涌镇", "4"),
            // 梁健明, shared, leads no unit in 三庄镇 (高涌镇's sessions
            // take its Tuesdays): not among its leaders, so the rows add up.
            ("三庄镇", "3"),
            ("杏涌镇", "3"),
            ("total", "10")
        ]
    );
    let (c, out, _) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 0, "{out}");
    assert!(
        out.contains(
            "The city: 10 leaders (1 more leader left or handed over during the year) and 169 helpers, each person once (11 leader entries: a shared or transferred person is on two townships' rosters).\n"
        ),
        "{out}"
    );
    let (_, out, _) = zhudian(&["--lang", "zh", "validate", s(&city)]);
    assert!(
        out.contains(
            "全市：驻点领导 10 名（另有 1 名年内离任或交接），协助人员 169 名，每人只计一次（名册中领导共 11 条：多镇街共用或调动的人员在两个镇街的名册中都有）。\n"
        ),
        "{out}"
    );
}

#[test]
fn people_has_a_row_per_township_and_counts_each_person_once() {
    let (dir, city) = shared_and_transferred();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let csv = dir.path().join("people.csv");
    let (c, out, err) = zhudian(&["people", s(&city), s(&plans), "--csv", s(&csv)]);
    assert_eq!(c, 0, "{out}{err}");
    let rows = csv_rows(&std::fs::read_to_string(&csv).unwrap());
    let tie = |township: &str, person: &str| {
        rows.iter()
            .find(|r| r["township"] == township && r["person"] == person)
            .map(|r| r["shared / transferred"].clone())
    };
    assert_eq!(
        tie("高涌镇", "梁健明").as_deref(),
        Some("shared with 三庄镇")
    );
    // 高涌镇 keeps him busy every Tuesday: he is on no team in 三庄镇, and
    // his row there says so (zeros), so 三庄镇's rows list everyone.
    assert_eq!(
        tie("三庄镇", "梁健明").as_deref(),
        Some("shared with 高涌镇; leads no unit here")
    );
    assert_eq!(
        tie("高涌镇", "邱敏坚").as_deref(),
        Some("transferred to 三庄镇 on 2015-07-01")
    );
    assert_eq!(
        tie("三庄镇", "邱敏坚").as_deref(),
        Some("transferred from 高涌镇 on 2015-07-01")
    );
    assert_eq!(tie("杏涌镇", "邓兴晓"), None);
    let named: Vec<&str> = rows.iter().map(|r| r["person"].as_str()).collect();
    let twice = named
        .iter()
        .filter(|n| named.iter().filter(|m| m == n).count() > 1)
        .count();
    assert!(twice >= 2, "{named:?}");
    let mut keys: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["person"].as_str(), r["role"].as_str()))
        .collect();
    keys.sort();
    keys.dedup();
    let people = keys.len();
    assert!(people < rows.len());
    assert_eq!(
        out,
        format!(
            "{people} people in {} rows (a shared or transferred person has a row in each township): {}\n",
            rows.len(),
            csv.display()
        )
    );
}

#[test]
fn a_leaver_with_no_successor_is_named_by_validate_and_plan() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("gaoyong.toml");
    let text = std::fs::read_to_string(Path::new(AFTER).join("gaoyong.toml"))
        .unwrap()
        .replacen("succeeds = \"qiu-mj\"\n", "", 1);
    std::fs::write(&roster, text).unwrap();
    let said = "邱敏坚 leaves on 2015-07-01 with no successor: the year's teams are planned for the roster at the year's end, so 邱敏坚 is on no team this year, not even before 2015-07-01. To have 邱敏坚 serve until 2015-06-30, plan without 'leaves' now and replan --from 2015-07-01 with it, or name a successor ('succeeds').";
    let (c, out, _) = zhudian(&["validate", s(&roster)]);
    assert_eq!(c, 0, "{out}");
    assert!(out.contains(&format!("  {said}\n")), "{out}");
    let plan = dir.path().join("plan.toml");
    let (c, out, err) = zhudian(&["--lang", "zh", "plan", s(&roster), "-o", s(&plan)]);
    assert_eq!(c, 0, "{err}");
    assert!(
        out.contains("邱敏坚于2015年7月1日离任，未指定接任者：全年的团队按年底的名册编排，邱敏坚今年不在任何团队中（2015年7月1日之前也不在）。如需邱敏坚任职至2015年6月30日，请先按不填离任日期的名册编排，到时用 zhudian replan 名册 --previous 现行方案 --from 2015-07-01 重新编排；或为接任者填写“接替”。\n"),
        "{out}"
    );
    // With a successor nobody is named.
    let (_, out, _) = zhudian(&["validate", &format!("{AFTER}/gaoyong.toml")]);
    assert!(!out.contains("no successor"), "{out}");
}

/// The cells of the first sheet of an XLSX file, as calamine reads them.
fn workbook_rows(path: &Path) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn the_city_workbook_has_districts_subtotals_the_total_and_number_formats() {
    use calamine::Data;
    let (dir, city) = shared_and_transferred();
    // Two districts: 高涌镇 and 三庄镇 in one, 杏涌镇 in the other.
    std::fs::write(
        city.join("city.toml"),
        "[city]\nname = \"测试市\"\n\n[[district]]\nname = \"甲区\"\ntownships = [\"高涌镇\", \"三庄镇\"]\n\n\
         [[district]]\nname = \"乙区\"\ntownships = [\"杏涌镇\"]\n",
    )
    .unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let docs = dir.path().join("docs");
    let (c, out, err) = zhudian(&["export", s(&plans), "--xlsx", s(&docs)]);
    assert_eq!(c, 0, "{out}{err}");
    let book = workbook_rows(&docs.join("全市汇总.xlsx"));
    let text = |d: &Data| match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("text expected, got {other:?}"),
    };
    let num = |d: &Data| match d {
        Data::Float(x) => *x,
        Data::Int(i) => *i as f64,
        other => panic!("a number expected, got {other:?}"),
    };
    let heads: Vec<String> = book[0].iter().map(text).collect();
    assert_eq!(
        heads,
        [
            "区",
            "镇街",
            "村居数",
            "驻点领导（年底在任）",
            "另有年内离任或交接",
            "协助人员",
            "方案得分",
            "差距",
            "最大工作量偏差",
            "驻点接待",
            "缺少镇级人员的接待",
            "其中已补接待",
            "补接待",
            "入户走访次数",
            "提醒",
            "文件"
        ]
    );
    let labels: Vec<(String, String)> = book[1..]
        .iter()
        .map(|r| (text(&r[0]), text(&r[1])))
        .collect();
    let l = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        labels,
        [
            l("甲区", "高涌镇"),
            l("甲区", "三庄镇"),
            l("甲区", "小计"),
            l("乙区", "杏涌镇"),
            l("乙区", "小计"),
            l("", "合计"),
        ]
    );
    // The same figures as city-summary.csv, row for row (its labels in
    // English); people counted once in the subtotal and the total.
    let csv = csv_rows(&std::fs::read_to_string(plans.join("city-summary.csv")).unwrap());
    assert_eq!(csv.len(), 6);
    for (row, c) in book[1..].iter().zip(&csv) {
        let f = |k: &str| c[k].parse::<f64>().unwrap();
        assert_eq!(num(&row[2]), f("units"));
        assert_eq!(num(&row[3]), f("leaders at the year's end"));
        assert_eq!(
            num(&row[4]),
            f("leaders who left or handed over in the year")
        );
        assert!((num(&row[6]) - f("cost")).abs() < 0.005, "{row:?}");
        assert!((num(&row[7]) * 100.0 - f("gap (%)")).abs() < 0.005);
        assert!((num(&row[8]) * 100.0 - f("largest deviation (%)")).abs() < 0.05);
        assert_eq!(num(&row[9]), f("station sessions"));
        assert_eq!(num(&row[10]), f("sessions without a township member"));
        assert_eq!(num(&row[11]), f("of them made up later"));
        assert_eq!(num(&row[12]), f("make-ups"));
        assert_eq!(num(&row[13]), f("household visit sessions"));
    }
    assert_eq!(
        num(&book[3][3]),
        7.0,
        "甲区: 4 + 4 at the year's end, 梁健明 once"
    );
    assert_eq!(num(&book[6][3]), 10.0);
    assert_eq!(text(&book[1][15]), "gaoyong.xlsx");
    // Counts as whole numbers, the cost with two decimals, shares as %.
    let bytes = std::fs::read(docs.join("全市汇总.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("formatCode=\"0.0%\""), "{styles}");
    assert!(styles.contains("formatCode=\"0.00\""), "{styles}");
    assert!(styles.contains("formatCode=\"0\""), "{styles}");
}

/// The shared-window city, copied, with 腰古镇 stationing on Thursdays:
/// 陈志强 (shared with 六都镇, which plans first) is busy there on a few
/// of 腰古镇's station dates only, so he still leads units in 腰古镇.
fn partly_blocked(lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    std::fs::create_dir_all(&city).unwrap();
    for e in std::fs::read_dir(SHARED).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, city.join(p.file_name().unwrap())).unwrap();
    }
    let yaogu = city.join("yaogu.toml");
    let text = std::fs::read_to_string(&yaogu).unwrap().replacen(
        "year = 2026\n",
        "year = 2026\n\n[station]\nweekday = \"周四\"\n",
        1,
    );
    std::fs::write(&yaogu, text).unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["--lang", lang, "plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    std::fs::read_to_string(plans.join("yaogu.toml")).unwrap()
}

#[test]
fn a_shortfall_from_a_partly_blocked_shared_cadre_names_him_and_the_other_township() {
    let plan = partly_blocked("en");
    assert!(plan.contains("leader = \"chen-zq\""), "he still leads here");
    assert!(
        plan.contains("; 陈志强, shared with 六都镇, was on duty in 六都镇 that day (planned there first); another township member on this team, or 六都镇's session moved off that day, would staff it; made up on Aug 15\""),
        "{plan}"
    );
    let plan = partly_blocked("zh");
    assert!(
        plan.contains("；陈志强与六都镇共用，当天在六都镇驻点（六都镇先行编排）；为该团队再配一名镇街成员，或把六都镇当天的安排错开，即可补上；补接待：8月15日\""),
        "{plan}"
    );
}
