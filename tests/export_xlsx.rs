//! The township's documents (`zhudian export PLAN --xlsx FILE`) read back
//! with calamine: names never ids, one row per team member in phone-list
//! order, timetables that add up to the plan's sessions, text never a
//! formula, frozen headings, filters and A4 landscape; the workbook
//! commands end to end, a city folder included.

use std::collections::BTreeSet;
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx};
use zhudian::calendar::build;
use zhudian::export::xlsx;
use zhudian::model::Roster;
use zhudian::plan::PlanFile;
use zhudian::planner::{self, Options, Previous};
use zhudian::roster;
use zhudian::wording::Lang;

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

fn planned(text: &str) -> (Roster, PlanFile) {
    let r = roster::load_str(text, "roster.toml").unwrap();
    let mut p = planner::plan(&r, "roster.toml", &Options::default(), &Previous::default())
        .unwrap()
        .file;
    if p.session.is_empty() {
        build(&r, &mut p);
    }
    (r, p)
}

fn example() -> (Roster, PlanFile) {
    planned(&std::fs::read_to_string("instances/beijiao-example.toml").unwrap())
}

fn sheets(bytes: &[u8]) -> Vec<(String, Range<Data>)> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    wb.sheet_names()
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).unwrap();
            (n, r)
        })
        .collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(x) => x.to_string(),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

fn rows(r: &Range<Data>) -> Vec<Vec<String>> {
    r.rows().map(|row| row.iter().map(text).collect()).collect()
}

#[test]
fn the_documents_have_their_sheets_in_both_languages() {
    let (r, p) = example();
    let zh = sheets(&xlsx::documents(&r, &p, Lang::Zh).unwrap());
    let names: Vec<&str> = zh.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["驻点团队", "驻点时间表", "领导干部", "日程", "提醒"]
    );
    assert_eq!(rows(&zh[0].1)[0][..4], ["村居", "类型", "序号", "姓名"]);
    let en = sheets(&xlsx::documents(&r, &p, Lang::En).unwrap());
    let names: Vec<&str> = en.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Teams", "Timetable", "Leaders", "Calendar", "Warnings"]
    );
    assert_eq!(rows(&en[0].1)[0][..4], ["unit", "kind", "order", "name"]);
}

#[test]
fn teams_list_every_member_by_name_in_phone_list_order_and_no_id_anywhere() {
    let (r, p) = example();
    let book = sheets(&xlsx::documents(&r, &p, Lang::Zh).unwrap());
    let teams = rows(&book[0].1);
    let mut expected = Vec::new();
    for a in &p.assignment {
        let unit = &r.units[r.unit_index(&a.unit).unwrap()].name;
        let members = std::iter::once(&a.leader)
            .chain(&a.helpers)
            .chain(&a.assist);
        for (i, id) in members.enumerate() {
            let name = r
                .cadre_index(id)
                .map(|c| r.cadres[c].name.clone())
                .or_else(|| r.helper_index(id).map(|h| r.helpers[h].name.clone()))
                .unwrap();
            expected.push((unit.clone(), (i + 1).to_string(), name));
        }
    }
    let got: Vec<(String, String, String)> = teams[1..]
        .iter()
        .map(|row| (row[0].clone(), row[2].clone(), row[3].clone()))
        .collect();
    assert_eq!(got, expected);
    // Each unit's first row is its leader, with the leader's post.
    let leader_rows: Vec<&Vec<String>> = teams.iter().filter(|row| row[5] == "驻点领导").collect();
    assert_eq!(leader_rows.len(), p.assignment.len());
    assert!(leader_rows.iter().all(|row| row[2] == "1"));
    let ids: BTreeSet<&str> = r
        .units
        .iter()
        .map(|u| u.id.as_str())
        .chain(r.cadres.iter().map(|c| c.id.as_str()))
        .chain(r.helpers.iter().map(|h| h.id.as_str()))
        .collect();
    for (sheet, range) in &book {
        for row in rows(range) {
            for cell in row {
                for part in cell.split(['、', '；', ' ', '（', '）']) {
                    assert!(!ids.contains(part), "{sheet}: the id '{part}' in '{cell}'");
                }
            }
        }
    }
}

#[test]
fn each_units_timetable_adds_up_to_its_station_sessions() {
    let (r, p) = example();
    let book = sheets(&xlsx::documents(&r, &p, Lang::Zh).unwrap());
    let table = rows(&book[1].1);
    assert_eq!(table.len(), p.assignment.len() + 1);
    for (a, row) in p.assignment.iter().zip(&table[1..]) {
        let mine: Vec<_> = p
            .session
            .iter()
            .filter(|s| s.kind == "station" && s.unit == a.unit)
            .collect();
        // The posted timetable (fixed rotation), else the sessions themselves.
        let (with_leader, substituted) = match p.timetable.iter().find(|t| t.unit == a.unit) {
            Some(t) => (t.leader_dates.len(), t.substitute.len()),
            None => {
                let w = mine.iter().filter(|s| s.people.contains(&a.leader)).count();
                (w, mine.len() - w)
            }
        };
        assert_eq!(row[5], mine.len().to_string(), "{}", row[0]);
        assert_eq!(row[6], with_leader.to_string(), "{}", row[0]);
        assert_eq!(row[7], substituted.to_string(), "{}", row[0]);
        assert!(
            row[1].starts_with("每周二") || row[1].starts_with("隔周二"),
            "{}",
            row[1]
        );
        // The leader's dates, by month: "1月6、20日；2月3日" names each once.
        let dates: usize = row[3]
            .split('；')
            .filter(|m| !m.is_empty())
            .map(|m| {
                assert!(m.contains('月') && m.ends_with('日'), "{}", row[3]);
                m.split('、').count()
            })
            .sum();
        assert_eq!(dates, with_leader, "{}", row[3]);
        let subs = if row[4].is_empty() {
            0
        } else {
            row[4].split('；').count()
        };
        assert_eq!(subs, substituted);
    }
    // The leaders' sheet counts the same sessions; the calendar has them all.
    let leaders = rows(&book[2].1);
    for (l, row) in p.leader.iter().zip(&leaders[1..]) {
        let station = p
            .session
            .iter()
            .filter(|s| s.kind == "station" && s.people.contains(&l.id))
            .count();
        assert_eq!(row[7], station.to_string());
    }
    assert_eq!(book[3].1.height(), p.session.len() + 1);
    // The warnings below their heading and the row of staffing figures.
    assert_eq!(book[4].1.height(), p.warning.len() + 2);
}

#[test]
fn a_name_starting_with_equals_stays_a_name_in_the_documents() {
    let text = std::fs::read_to_string("instances/beijiao-example.toml")
        .unwrap()
        .replace("name = \"劳广行\"", "name = \"=劳广行\"")
        .replace("name = \"西海村\"", "name = \"=SUM(A1)\"");
    let (r, p) = planned(&text);
    let bytes = xlsx::documents(&r, &p, Lang::Zh).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    for sheet in wb.sheet_names() {
        let f = wb.worksheet_formula(&sheet).unwrap();
        assert!(
            f.used_cells().all(|(_, _, x)| x.is_empty()),
            "{sheet} has a formula"
        );
    }
    let teams = rows(&sheets(&bytes)[0].1);
    assert!(teams.iter().any(|row| row[3] == "=劳广行"));
    assert!(teams.iter().any(|row| row[0] == "=SUM(A1)"));
}

/// The XML of one sheet of a workbook.
fn sheet_xml(bytes: &[u8], n: usize) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut f = zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

#[test]
fn every_sheet_has_a_frozen_heading_a_filter_and_prints_on_a4_landscape() {
    let (r, p) = example();
    let bytes = xlsx::documents(&r, &p, Lang::Zh).unwrap();
    for n in 1..=5 {
        let xml = sheet_xml(&bytes, n);
        assert!(
            xml.contains(r#"state="frozen""#),
            "sheet {n}: no frozen pane"
        );
        assert!(xml.contains("<autoFilter"), "sheet {n}: no filter");
        assert!(xml.contains(r#"paperSize="9""#), "sheet {n}: not A4");
        assert!(
            xml.contains(r#"orientation="landscape""#),
            "sheet {n}: not landscape"
        );
        assert!(xml.contains("<col "), "sheet {n}: no widths");
    }
}

#[test]
fn template_convert_plan_export_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = |f: &str| dir.path().join(f).display().to_string();
    let (code, out, _) = zhudian(&["template", &d("名册.xlsx")]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim_end(),
        format!(
            "wrote {0}: an empty roster workbook; fill it in, then `zhudian validate {0}`",
            d("名册.xlsx")
        )
    );
    let (code, _, err) = zhudian(&["--lang", "zh", "validate", &d("名册.xlsx")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("基本信息!B2，字段“镇街名称”：缺少这个必填项"),
        "{err}"
    );
    let (code, out, _) = zhudian(&[
        "--lang",
        "zh",
        "convert",
        "instances/beijiao-example.toml",
        &d("b.xlsx"),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim_end(),
        format!(
            "instances/beijiao-example.toml → {}：村居 6 个，干部 3 名，协助人员 11 名",
            d("b.xlsx")
        )
    );
    let (code, _, err) = zhudian(&["plan", &d("b.xlsx"), "-o", &d("p.toml")]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = zhudian(&["export", &d("p.toml"), "--xlsx", &d("d.xlsx")]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("wrote {}: 北滘镇, 6 units'", d("d.xlsx"))),
        "{out}"
    );
    let names: Vec<String> = sheets(&std::fs::read(d("d.xlsx")).unwrap())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names[0], "驻点团队", "Chinese unless asked otherwise");
    let (code, _, err) = zhudian(&["convert", &d("b.xlsx"), &d("b.csv")]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        format!(
            "{}: the format follows the extension, .toml or .xlsx",
            d("b.csv")
        )
    );
    // Back to TOML: it plans as the workbook did.
    let (code, _, _) = zhudian(&["convert", &d("b.xlsx"), &d("b.toml")]);
    assert_eq!(code, 0);
    let (code, _, _) = zhudian(&["plan", &d("b.toml"), "-o", &d("q.toml")]);
    assert_eq!(code, 0);
    let body = |f: &str| {
        std::fs::read_to_string(d(f))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with("roster"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body("p.toml"), body("q.toml"));
}

#[test]
fn export_on_a_city_folder_writes_a_workbook_per_township_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let rosters = dir.path().join("rosters");
    std::fs::create_dir(&rosters).unwrap();
    std::fs::copy("instances/beijiao-example.toml", rosters.join("a.toml")).unwrap();
    let plans = dir.path().join("plans");
    let out = dir.path().join("docs");
    let s = |p: &Path| p.display().to_string();
    // A second township as a workbook (the same one twice would put the
    // same people in two townships, which a city refuses).
    let (code, _, err) = zhudian(&[
        "convert",
        "instances/leping-town.toml",
        &s(&rosters.join("b.xlsx")),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = zhudian(&["plan", &s(&rosters), "-o", &s(&plans)]);
    assert_eq!(code, 0, "{err}");
    let (code, stdout, err) = zhudian(&["export", &s(&plans), "--xlsx", &s(&out)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.contains("全市汇总.xlsx: the city summary of 2 townships"),
        "{stdout}"
    );
    for f in ["a.xlsx", "b.xlsx", "全市汇总.xlsx"] {
        assert!(out.join(f).exists(), "{f}");
    }
    let summary = sheets(&std::fs::read(out.join("全市汇总.xlsx")).unwrap());
    let table = rows(&summary[0].1);
    // The heading, the two townships (no district) and the city's total.
    assert_eq!(table.len(), 4);
    assert_eq!(table[1][1], "北滘镇");
    assert_eq!(table[1][15], "a.xlsx");
    assert_eq!(table[2][15], "b.xlsx");
    assert_eq!(table[3][1], "合计");
}

#[test]
fn a_failed_export_leaves_the_previous_workbook_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("d.xlsx");
    std::fs::write(&target, b"previous").unwrap();
    let plan = dir.path().join("p.toml");
    std::fs::write(&plan, "not a plan").unwrap();
    let (code, _, _) = zhudian(&[
        "export",
        &plan.display().to_string(),
        "--xlsx",
        &target.display().to_string(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read(&target).unwrap(), b"previous");
}

#[test]
fn a_turn_stood_in_by_the_units_own_secretary_alone_is_posted_as_short_with_its_makeup() {
    // The example's plan, with the first unit's first leader turn given to
    // its own party secretary (no township member) and made up that Saturday.
    let (r, mut p) = example();
    let t = p.timetable.first_mut().expect("the example rotates fixed");
    let unit = t.unit.clone();
    let date = t.leader_dates.remove(0);
    let secretary = r
        .helpers
        .iter()
        .find(|h| h.unit.as_deref() == Some(unit.as_str()))
        .expect("every unit has its secretary")
        .id
        .clone();
    t.substitute.insert(
        0,
        zhudian::plan::Substitute {
            date: date.clone(),
            person: Some(secretary),
        },
    );
    let tuesday = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap();
    let saturday = tuesday + chrono::Days::new(4);
    let mut makeup = p
        .session
        .iter()
        .find(|s| s.kind == "station" && s.unit == unit)
        .unwrap()
        .clone();
    makeup.kind = "makeup".into();
    makeup.date = saturday.format("%Y-%m-%d").to_string();
    makeup.makes_up = Some(date.clone());
    p.session.push(makeup);
    let posted = |lang: Lang| {
        let book = sheets(&xlsx::documents(&r, &p, lang).unwrap());
        let name = &r.units[r.unit_index(&unit).unwrap()].name;
        rows(&book[1].1)
            .into_iter()
            .find(|row| &row[0] == name)
            .expect("a row per unit")[4]
            .clone()
    };
    let (m, d) = (tuesday.format("%-m"), tuesday.format("%-d"));
    let (sm, sd) = (saturday.format("%-m"), saturday.format("%-d"));
    assert!(
        posted(Lang::Zh).starts_with(&format!(
            "{m}月{d}日 缺少镇级人员的接待，{sm}月{sd}日补接待"
        )),
        "{}",
        posted(Lang::Zh)
    );
    assert!(
        posted(Lang::En).contains("no township member, made up"),
        "{}",
        posted(Lang::En)
    );
}

/// The 提醒 sheet says the staffing figures every shortfall shares once, in
/// a row of their own above the shortfalls, not again in each row's 内容 (a
/// trial found the same total in all 36 rows); the remedy column still
/// points to each warning's own text.
#[test]
fn the_warnings_sheet_says_the_staffing_figures_once_above_the_shortfalls() {
    let dir = tempfile::tempdir().unwrap();
    let d = |f: &str| dir.path().join(f).display().to_string();
    let (code, _, err) = zhudian(&["plan", "instances/beijiao-example.toml", "-o", &d("p.toml")]);
    assert_eq!(code, 0, "{err}");
    for (lang, kind, figures, fix, count) in [
        (
            "zh",
            "驻点接待人手不足",
            "人手：全年共需驻点接待275次，镇街7名成员每人每周只能去一个点，全年最多能去346次",
            "给团队增加镇街成员、把部分每周驻点的村（社区）改为两周一次，或错开请假；怎样补足见每条提醒的内容。",
            "全年共需驻点接待",
        ),
        (
            "en",
            "station sessions short of people",
            "staffing: the year has 275 station sessions to staff, and the township's 7 members, one place a week each, can attend at most 346",
            "Put more township members on the teams, make some weekly units fortnightly, or spread leave; each warning says what would close its gap.",
            "station sessions to staff",
        ),
    ] {
        let book = d(&format!("d-{lang}.xlsx"));
        let (code, _, err) = zhudian(&["--lang", lang, "export", &d("p.toml"), "--xlsx", &book]);
        assert_eq!(code, 0, "{err}");
        let cells = rows(&sheets(&std::fs::read(&book).unwrap())[4].1);
        assert_eq!(cells[1], [kind, "", "", "", figures, fix]);
        let shortfalls = cells.iter().filter(|row| row[0] == kind).count();
        assert!(shortfalls >= 2, "{shortfalls}");
        assert_eq!(
            cells.iter().flatten().filter(|c| c.contains(count)).count(),
            1,
            "the figures once, in their own row"
        );
    }
}

/// The 领导干部 sheet names the visit column by what it counts, as `plan`
/// says 入户走访 N 次: each figure is the household visit sessions a leader
/// joined (it said 入户走访半天 beside the session counts).
#[test]
fn the_leaders_sheet_counts_household_visit_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let d = |f: &str| dir.path().join(f).display().to_string();
    let (code, _, err) = zhudian(&["plan", "instances/beijiao-example.toml", "-o", &d("p.toml")]);
    assert_eq!(code, 0, "{err}");
    for (lang, heading) in [
        (
            "zh",
            [
                "姓名",
                "职务",
                "联系村居",
                "工作量",
                "偏离目标",
                "驻点路线",
                "路线分钟",
                "驻点接待",
                "入户走访次数",
                "补接待",
                "占工作日",
                "在岗",
            ],
        ),
        (
            "en",
            [
                "name",
                "post",
                "units",
                "load",
                "off target",
                "tour",
                "tour minutes",
                "station sessions",
                "household visit sessions",
                "make-ups",
                "share of working days",
                "in post",
            ],
        ),
    ] {
        let book = d(&format!("d-{lang}.xlsx"));
        let (code, _, err) = zhudian(&["--lang", lang, "export", &d("p.toml"), "--xlsx", &book]);
        assert_eq!(code, 0, "{err}");
        let cells = rows(&sheets(&std::fs::read(&book).unwrap())[2].1);
        assert_eq!(cells[0], heading);
    }
}
