//! `zhudian warnings PLANS_DIR`: a city office reads every township's
//! warnings in one go. Each township gets a heading and its table exactly as
//! `warnings PLAN` prints it (one line when it has none), the city a closing
//! count by kind; `--kind` filters in every township; the CSV is one file
//! with the township first; a folder without plans is named and exits 2, a
//! plan whose roster cannot be read is listed by its file name, with ids
//! (exit 2); the city's line names the city when its city.toml does.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

use zhudian::plan::PlanFile;

const CITY: &str = "tests/fixtures/city";

/// The small city (更合镇, 大塘镇, 南山镇) copied and planned in a temporary
/// folder: the folder, the city and its plans.
fn planned() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    cli::copy_folder(CITY, &city);
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    (dir, city, plans)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The plan files of a folder, by file name, as the command takes them.
fn plan_paths(plans: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(plans)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn read(plan: &Path) -> PlanFile {
    PlanFile::from_toml(&std::fs::read_to_string(plan).unwrap()).unwrap()
}

/// How many of the city's warnings are of `kind`.
fn count(plans: &Path, kind: &str) -> usize {
    plan_paths(plans)
        .iter()
        .map(|p| read(p).warning.iter().filter(|w| w.kind == kind).count())
        .sum()
}

/// `zhudian [--lang L] warnings ARGS`, which must succeed: its stdout.
fn warnings(lang: &str, args: &[&str]) -> String {
    let mut all = vec!["--lang", lang, "warnings"];
    all.extend(args);
    let (c, out, err) = zhudian(&all);
    assert_eq!((c, err.as_str()), (0, ""), "{out}");
    out
}

/// The whole listing as a planner reads it: per township its heading and
/// the single plan's own output, a blank line between, the city's line last.
fn listing(lang: &str, plans: &Path, names: &[&str], extra: &[&str], city: &str) -> String {
    let mut blocks = Vec::new();
    for (path, name) in plan_paths(plans).iter().zip(names) {
        let n = read(path).warning.len();
        let mut args = vec![s(path)];
        args.extend(extra);
        let heading = match lang {
            "zh" => format!("== {name}：{n} 条提醒 =="),
            _ if n == 1 => format!("== {name}: 1 warning =="),
            _ => format!("== {name}: {n} warnings =="),
        };
        blocks.push(format!("{heading}\n{}", warnings(lang, &args)));
    }
    format!("{}\n{city}\n", blocks.join("\n"))
}

#[test]
fn each_township_has_its_heading_and_table_and_the_city_its_count_by_kind() {
    let (_dir, _city, plans) = planned();
    let names = ["更合镇", "大塘镇", "南山镇"];
    let (short, makeup, visits) = (
        count(&plans, "shortfall"),
        count(&plans, "makeup_impossible"),
        count(&plans, "household_visits_short"),
    );
    assert!(
        short > 0 && makeup > 0 && visits > 0,
        "three kinds to count"
    );
    let total = short + makeup + visits;
    for p in plan_paths(&plans) {
        assert!(!read(&p).warning.is_empty(), "every township has some");
    }

    let out = warnings("zh", &[s(&plans)]);
    let city = format!(
        "佛山市：3 个镇街共 {total} 条提醒（驻点接待人手不足 {short} 条；无法补接待 {makeup} 条；入户走访排不下 {visits} 条）。"
    );
    assert_eq!(out, listing("zh", &plans, &names, &[], &city));
    assert!(out.starts_with("== 更合镇："), "{out}");

    let out = warnings("en", &[s(&plans)]);
    let city = format!(
        "佛山市: {total} warnings in 3 townships (station sessions short of people: {short}; make-ups that cannot be placed: {makeup}; household visits that do not fit: {visits})."
    );
    assert_eq!(out, listing("en", &plans, &names, &[], &city));
}

#[test]
fn kind_filters_in_every_township_and_a_township_without_any_gets_one_line() {
    let (_dir, _city, plans) = planned();
    let towns: Vec<(PathBuf, &str)> = plan_paths(&plans)
        .into_iter()
        .zip(["更合镇", "大塘镇", "南山镇"])
        .collect();
    let short = count(&plans, "shortfall");
    assert!(short > 0);
    let out = warnings("en", &[s(&plans), "--kind", "shortfall"]);
    let mut want = String::new();
    for (path, name) in &towns {
        let n = read(path)
            .warning
            .iter()
            .filter(|w| w.kind == "shortfall")
            .count();
        want += &match n {
            0 => format!("== {name}: no warnings of kind shortfall ==\n"),
            1 => format!("== {name}: 1 warning ==\n"),
            n => format!("== {name}: {n} warnings ==\n"),
        };
        if n > 0 {
            want += &warnings("en", &[s(path), "--kind", "shortfall"]);
        }
        want += "\n";
    }
    let shortfalls = if short == 1 { "warning" } else { "warnings" };
    want += &format!(
        "佛山市: {short} {shortfalls} in 3 townships (station sessions short of people: {short}).\n"
    );
    assert_eq!(out, want);
    assert!(out.contains("== 更合镇: no warnings of kind shortfall ==\n\n"));

    // By its Chinese alias, in Chinese: none in any township.
    assert_eq!(
        warnings("zh", &[s(&plans), "--kind", "会议"]),
        "== 更合镇：没有“会议占用驻点时间”类提醒 ==\n\n\
         == 大塘镇：没有“会议占用驻点时间”类提醒 ==\n\n\
         == 南山镇：没有“会议占用驻点时间”类提醒 ==\n\n\
         佛山市：3 个镇街均没有“会议占用驻点时间”类提醒。\n"
    );
    assert_eq!(
        warnings("en", &[s(&plans), "--kind", "meeting_in_window"]),
        "== 更合镇: no warnings of kind meeting_in_window ==\n\n\
         == 大塘镇: no warnings of kind meeting_in_window ==\n\n\
         == 南山镇: no warnings of kind meeting_in_window ==\n\n\
         佛山市: no warnings of kind meeting_in_window in 3 townships.\n"
    );
    // An unknown kind is refused as for one plan.
    let (c, _, err) = zhudian(&["warnings", s(&plans), "--kind", "short"]);
    assert_eq!(c, 2);
    assert!(err.starts_with("unknown warning kind 'short'"), "{err}");
}

#[test]
fn the_csv_is_one_file_with_the_township_first() {
    let (_dir, _city, plans) = planned();
    let out = warnings("zh", &[s(&plans), "--format", "csv"]);
    assert!(out.starts_with("\u{feff}镇街,类型,日期,村居,人员,说明\r\n"));
    assert_eq!(out.matches('\u{feff}').count(), 1, "one BOM");
    // Each township's rows are its own CSV's, its name first.
    let mut want = String::from("\u{feff}镇街,类型,日期,村居,人员,说明\r\n");
    for (path, name) in plan_paths(&plans)
        .iter()
        .zip(["更合镇", "大塘镇", "南山镇"])
    {
        let one = warnings("zh", &[s(path), "--format", "csv"]);
        let rows: Vec<&str> = one
            .split("\r\n")
            .skip(1)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(rows.len(), read(path).warning.len());
        for r in rows {
            want += &format!("{name},{r}\r\n");
        }
    }
    assert_eq!(out, want);

    let out = warnings("en", &[s(&plans), "--format", "csv", "--kind", "shortfall"]);
    let lines: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "township,kind,date,unit,people,message");
    assert_eq!(lines.len(), count(&plans, "shortfall") + 1);
    assert!(
        lines[1].starts_with("大塘镇,station sessions short of people,2015-"),
        "{}",
        lines[1]
    );
}

#[test]
fn a_folder_without_plans_or_a_plan_without_its_roster_is_named_with_exit_2() {
    let (dir, city, plans) = planned();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (c, out, err) = zhudian(&["warnings", s(&empty)]);
    assert_eq!((c, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "{} holds no plan files: give the folder of plans that zhudian plan CITY -o DIR wrote\n",
            empty.display()
        )
    );
    // The city's own folder of rosters: said to be rosters (tests/mixups.rs).
    let (c, out, err) = zhudian(&["warnings", s(&city)]);
    assert_eq!((c, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "{} is a folder of rosters, not of plans; are the rosters and the plans the wrong way round?\n",
            city.display()
        )
    );
    let (c, _, err) = zhudian(&["--lang", "zh", "warnings", s(&empty)]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{} 中没有方案文件：请给出 zhudian plan 城市 -o 文件夹 写出的方案文件夹\n",
            empty.display()
        )
    );

    // 大塘镇's roster gone: listed by its plan file's name, people and units
    // by ids as `warnings PLAN` lists them; the others as they were; exit 2.
    let roster = city.join("foshan-31-datang.toml");
    std::fs::remove_file(&roster).unwrap();
    let plan = plans.join("foshan-31-datang.toml");
    let datang = read(&plan).warning.len();
    assert!(datang > 1, "大塘镇 has warnings to list");
    let (c, out, err) = zhudian(&["warnings", s(&plans)]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        err,
        format!(
            "{}: cannot read its roster: listed by its file name, people and units by ids: {}: cannot read the file: no such file\n",
            plan.display(),
            roster.display()
        )
    );
    let by_ids = format!(
        "== foshan-31-datang.toml (roster gone, shown by ids): {datang} warnings ==\n{}",
        warnings("en", &[s(&plan)])
    );
    assert!(out.contains(&format!("\n\n{by_ids}\n== 南山镇: ")), "{out}");
    assert!(out.starts_with("== 更合镇: "), "{out}");
    let total = count(&plans, "shortfall")
        + count(&plans, "makeup_impossible")
        + count(&plans, "household_visits_short");
    assert!(
        out.ends_with(&format!(
            "\n佛山市: {total} warnings in 3 townships (station sessions short of people: {}; make-ups that cannot be placed: {}; household visits that do not fit: {}); listed by ids, their roster unreadable: {}.\n",
            count(&plans, "shortfall"),
            count(&plans, "makeup_impossible"),
            count(&plans, "household_visits_short"),
            plan.display()
        )),
        "{out}"
    );
    let (c, out, err) = zhudian(&["--lang", "zh", "warnings", s(&plans)]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{}：无法读取其名册，以方案文件名列出，人员和村（社区）以编号显示：{}：无法读取文件：文件不存在\n",
            plan.display(),
            roster.display()
        )
    );
    let by_ids = format!(
        "== foshan-31-datang.toml（名册已找不到，以编号显示）：{datang} 条提醒 ==\n{}",
        warnings("zh", &[s(&plan)])
    );
    assert!(out.contains(&format!("\n\n{by_ids}\n== 南山镇：")), "{out}");
    assert!(
        out.ends_with(&format!(
            "；名册无法读取、以编号列出：{}。\n",
            plan.display()
        )),
        "{out}"
    );
    assert!(out.contains(&format!("\n佛山市：3 个镇街共 {total} 条提醒（")));
    // The CSV names it by the same label in its 镇街 column, ids in the rows.
    let (c, out, _) = zhudian(&["--lang", "zh", "warnings", s(&plans), "--format", "csv"]);
    assert_eq!(c, 2);
    let rows = out
        .lines()
        .filter(|l| l.starts_with("foshan-31-datang.toml（名册已找不到，以编号显示）,"))
        .count();
    assert_eq!(rows, datang, "{out}");
}

/// The shipped city: 32 townships, some without any warning, each said in
/// one line; the city's line counts what the plans hold.
#[test]
fn foshan_lists_its_32_townships_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", "instances/foshan", "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let out = warnings("zh", &[s(&plans)]);
    assert_eq!(out.matches("\n== ").count() + 1, 32, "{out}");
    let files = plan_paths(&plans);
    assert_eq!(files.len(), 32);
    // Every township's heading in file order, by its roster's name: one
    // line for those without a warning.
    let rosters = zhudian::roster::load_all(Path::new("instances/foshan")).unwrap();
    let want: Vec<String> = files
        .iter()
        .zip(&rosters)
        .map(|(p, r)| match read(p).warning.len() {
            0 => format!("== {}：没有提醒 ==", r.township.name),
            n => format!("== {}：{n} 条提醒 ==", r.township.name),
        })
        .collect();
    let got: Vec<&str> = out.lines().filter(|l| l.starts_with("== ")).collect();
    assert_eq!(got, want);
    let quiet = files.iter().filter(|p| read(p).warning.is_empty()).count();
    assert!(quiet > 0, "some townships have no warnings");
    assert_eq!(out.matches("：没有提醒 ==\n\n").count(), quiet, "{out}");
    let total: usize = files.iter().map(|p| read(p).warning.len()).sum();
    // Visits that did not fit got the units' own people on their teams
    // (planner::visit_assists): none is left in Foshan.
    assert_eq!(count(&plans, "household_visits_short"), 0);
    let short = count(&plans, "shortfall");
    let makeup = count(&plans, "makeup_impossible");
    assert_eq!(short + makeup, total);
    assert!(
        out.ends_with(&format!(
            "佛山市：32 个镇街共 {total} 条提醒（驻点接待人手不足 {short} 条；无法补接待 {makeup} 条）。\n"
        )),
        "{out}"
    );
}

/// The rosters moved since planning: `--roster CITY` names the townships,
/// paired with the plans by file name, as `calendar PLANS --roster CITY`.
#[test]
fn roster_names_the_city_when_the_plans_roster_paths_are_gone() {
    let (dir, city, plans) = planned();
    let before = warnings("en", &[s(&plans)]);
    let moved = dir.path().join("moved");
    std::fs::rename(&city, &moved).unwrap();
    let (c, _, _) = zhudian(&["warnings", s(&plans)]);
    assert_eq!(c, 2, "the plans' own roster paths are gone");
    assert_eq!(warnings("en", &[s(&plans), "--roster", s(&moved)]), before);
}
