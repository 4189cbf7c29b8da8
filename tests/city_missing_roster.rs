//! A county's plans after one township's roster was deleted (trial 28: 示例县,
//! 新圩镇's xinxu.toml gone): `check` and `report` name the plan whose roster
//! left the city and count it as not done (exit 2), and `check` leaves
//! city-summary.csv as it was rather than drop 新圩镇 and its district;
//! `warnings` lists the township by its plan file's name with ids, and the
//! city's line says the county's name (as `validate` does); `calendar` and
//! `export` name the plan and exit 2. Every message word for word, in
//! Chinese and English.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

const COUNTY: &str = "tests/fixtures/county";

/// The county copied and planned in a temporary folder, then xinxu.toml
/// deleted from its rosters: the folder, the county, its plans, and what
/// `check` said of the two townships still there (before the deletion).
fn planned_then_deleted() -> (tempfile::TempDir, PathBuf, PathBuf, [String; 2]) {
    let dir = tempfile::tempdir().unwrap();
    let county = dir.path().join("我的县");
    cli::copy_folder(COUNTY, &county);
    let plans = dir.path().join("我的方案");
    let (c, out, err) = zhudian(&["plan", s(&county), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let lines = |lang: &str| {
        let (c, out, err) = zhudian(&["--lang", lang, "check", s(&county), s(&plans)]);
        assert_eq!(c, 0, "{out}{err}");
        let mut l = out.lines().map(String::from);
        format!("{}\n{}\n", l.next().unwrap(), l.next().unwrap())
    };
    let said = [lines("zh"), lines("en")];
    assert!(said[0].starts_with("河口镇：") && said[0].contains("\n石岭镇："));
    std::fs::remove_file(county.join("xinxu.toml")).unwrap();
    (dir, county, plans, said)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn check_names_the_plan_without_its_roster_and_leaves_the_summary_as_it_was() {
    let (_dir, county, plans, [zh, en]) = planned_then_deleted();
    let summary = plans.join("city-summary.csv");
    let before = std::fs::read(&summary).unwrap();
    assert!(String::from_utf8_lossy(&before).contains("南片,新圩镇,"));
    let plan = plans.join("xinxu.toml").display().to_string();
    let csv = summary.display().to_string();

    let (c, out, err) = zhudian(&["--lang", "zh", "check", s(&county), s(&plans)]);
    assert_eq!((c, err.as_str()), (2, ""), "{out}");
    assert_eq!(
        out,
        format!(
            "{zh}{plan}：名册中已找不到这个镇街的名册，无法检查\n\
             示例县汇总表 {csv} 保持原样：有镇街未能读取，不写入缺少镇街的汇总\n\
             3 个镇街中 2 个方案有效；未通过：{plan}。\n"
        )
    );
    assert_eq!(std::fs::read(&summary).unwrap(), before, "unchanged");

    let (c, out, err) = zhudian(&["--lang", "en", "check", s(&county), s(&plans)]);
    assert_eq!((c, err.as_str()), (2, ""), "{out}");
    assert_eq!(
        out,
        format!(
            "{en}{plan}: the city's rosters no longer hold this township's roster: not checked\n\
             示例县 figures left as they were at {csv}: not every township could be read, and a partial summary would drop them\n\
             2 of 3 townships have a valid plan; failing: {plan}.\n"
        )
    );
    assert_eq!(std::fs::read(&summary).unwrap(), before, "unchanged");

    // Without a summary there, none is written.
    std::fs::remove_file(&summary).unwrap();
    let (c, out, _) = zhudian(&["--lang", "zh", "check", s(&county), s(&plans)]);
    assert_eq!(c, 2);
    assert!(
        out.contains(&format!(
            "\n未写出示例县汇总表 {csv}：有镇街未能读取，不写入缺少镇街的汇总\n"
        )),
        "{out}"
    );
    let (_, out, _) = zhudian(&["--lang", "en", "check", s(&county), s(&plans)]);
    assert!(
        out.contains(&format!(
            "\n示例县 figures not written to {csv}: not every township could be read, and a partial summary would drop them\n"
        )),
        "{out}"
    );
    assert!(!summary.exists());

    // The plan gone too: every township read again, the summary written.
    std::fs::remove_file(plans.join("xinxu.toml")).unwrap();
    let (c, out, _) = zhudian(&["--lang", "zh", "check", s(&county), s(&plans)]);
    assert_eq!(c, 0, "{out}");
    assert_eq!(
        out,
        format!("{zh}示例县汇总表：{csv}\n2 个镇街中 2 个方案有效。\n")
    );
    assert!(summary.exists());
}

#[test]
fn report_names_the_plan_without_its_roster_and_exits_2() {
    let (dir, county, plans, _) = planned_then_deleted();
    let plan = plans.join("xinxu.toml").display().to_string();
    let page = dir.path().join("报告").join("index.html");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "report",
        s(&county),
        s(&plans),
        "-o",
        s(&page),
    ]);
    assert_eq!(c, 2, "{out}{err}");
    assert_eq!(
        err,
        format!("{plan}：名册中已找不到这个镇街的名册，无法写出页面\n")
    );
    assert_eq!(
        out,
        format!(
            "已写入 {}，以及同一文件夹中 2 个镇街的页面\n3 个镇街中 2 个已写出页面；未通过：{plan}。\n",
            page.display()
        )
    );
    let (c, out, err) = zhudian(&[
        "--lang",
        "en",
        "report",
        s(&county),
        s(&plans),
        "-o",
        s(&page),
    ]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{plan}: the city's rosters no longer hold this township's roster: no page written\n"
        )
    );
    assert!(
        out.ends_with(&format!(
            "2 of 3 townships have their pages written; failing: {plan}.\n"
        )),
        "{out}"
    );
}

#[test]
fn warnings_lists_the_township_by_its_plan_file_with_ids_under_the_countys_name() {
    let (_dir, _county, plans, _) = planned_then_deleted();
    let plan = plans.join("xinxu.toml");
    let (c, single, err) = zhudian(&["--lang", "zh", "warnings", s(&plan)]);
    assert_eq!((c, err.as_str()), (0, ""));
    assert!(single.contains("xx-c3"), "ids in the single plan's table");
    let text = std::fs::read_to_string(&plan).unwrap();
    let n = zhudian::plan::PlanFile::from_toml(&text)
        .unwrap()
        .warning
        .len();

    let (c, out, err) = zhudian(&["--lang", "zh", "warnings", s(&plans)]);
    assert_eq!(c, 2, "{out}");
    let roster = plan
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("我的县")
        .join("xinxu.toml");
    assert_eq!(
        err,
        format!(
            "{}：无法读取其名册，以方案文件名列出，人员和村（社区）以编号显示：{}：无法读取文件：文件不存在\n",
            plan.display(),
            roster.display()
        )
    );
    assert!(
        out.contains(&format!(
            "\n\n== xinxu.toml（名册已找不到，以编号显示）：{n} 条提醒 ==\n{single}\n示例县：3 个镇街共 "
        )),
        "{out}"
    );
    assert!(out.starts_with("== 河口镇："), "{out}");
    assert!(out.contains("\n== 石岭镇："), "{out}");
    assert!(
        out.ends_with(&format!(
            "）；名册无法读取、以编号列出：{}。\n",
            plan.display()
        )),
        "{out}"
    );
    assert!(!out.contains("全市"), "{out}");

    let (c, single, _) = zhudian(&["--lang", "en", "warnings", s(&plan)]);
    assert_eq!(c, 0);
    let (c, out, _) = zhudian(&["--lang", "en", "warnings", s(&plans)]);
    assert_eq!(c, 2);
    assert!(
        out.contains(&format!(
            "\n\n== xinxu.toml (roster gone, shown by ids): {n} warnings ==\n{single}\n示例县: "
        )),
        "{out}"
    );
    assert!(
        out.ends_with(&format!(
            "; listed by ids, their roster unreadable: {}.\n",
            plan.display()
        )),
        "{out}"
    );
}

#[test]
fn calendar_and_export_name_the_plan_without_its_roster_and_exit_2() {
    let (dir, county, plans, _) = planned_then_deleted();
    let roster = county.join("xinxu.toml").display().to_string();
    let csv = dir.path().join("日历");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "calendar",
        s(&plans),
        "--roster",
        s(&county),
        "--csv",
        s(&csv),
    ]);
    assert_eq!((c, err.as_str()), (2, ""), "{out}");
    assert!(
        out.ends_with(
            "\nxinxu.toml：名册中已找不到这个镇街的名册，无法写出日历\n3 个镇街中 2 个已写出日历；未通过：xinxu.toml。\n"
        ),
        "{out}"
    );
    assert!(out.starts_with("河口镇："), "{out}");
    // Without --roster, the plan's own roster path is named.
    let (c, out, _) = zhudian(&["--lang", "zh", "calendar", s(&plans), "--csv", s(&csv)]);
    assert_eq!(c, 2);
    assert!(
        out.contains(&format!(
            "\nxinxu.toml：{roster}：无法读取文件：文件不存在\n"
        )),
        "{out}"
    );
    let (c, out, _) = zhudian(&[
        "--lang",
        "en",
        "calendar",
        s(&plans),
        "--roster",
        s(&county),
        "--csv",
        s(&csv),
    ]);
    assert_eq!(c, 2);
    assert!(
        out.ends_with(
            "\nxinxu.toml: the city's rosters no longer hold this township's roster: no calendar written\n2 of 3 townships have their calendars written; failing: xinxu.toml.\n"
        ),
        "{out}"
    );
    let xlsx = dir.path().join("导出");
    let (c, out, err) = zhudian(&["--lang", "zh", "export", s(&plans), "--xlsx", s(&xlsx)]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(err, format!("{roster}：无法读取文件：文件不存在\n"));
    assert!(
        out.ends_with("3 个镇街中 2 个已写出文件；未通过：xinxu。\n"),
        "{out}"
    );
}

/// A county with a name (city.toml: 示例县) says it where a city's lines
/// said 全市 / The city.
#[test]
fn the_county_says_its_own_name_in_the_city_lines() {
    let (c, out, _) = zhudian(&["--lang", "zh", "validate", COUNTY]);
    assert_eq!(c, 0, "{out}");
    assert!(
        out.contains("\n示例县：驻点领导 12 名，协助人员 42 名。\n"),
        "{out}"
    );
    assert!(!out.contains("全市：驻点领导"), "{out}");
    let (c, out, _) = zhudian(&["--lang", "en", "validate", COUNTY]);
    assert_eq!(c, 0, "{out}");
    assert!(
        out.contains("\n示例县: 12 leaders and 42 helpers.\n"),
        "{out}"
    );
}
