//! Every command on a city: `check`, `calendar`, `replan`, `compare`,
//! `export` and `report` take a folder of rosters and the folder of plans
//! `plan` wrote, pair them by name, say one line per township and the
//! totals, and name the townships that fail.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

const CITY: &str = "tests/fixtures/city";

/// A copy of the small city and its plans, in a temporary folder.
fn planned() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    std::fs::create_dir(&city).unwrap();
    copy_dir(Path::new(CITY), &city);
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    (dir, city, plans)
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn check_on_a_city_says_one_line_per_township_and_names_the_failing() {
    let (dir, city, plans) = planned();
    let (c, out, err) = zhudian(&["check", s(&city), s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    for t in ["更合镇: ", "大塘镇: ", "南山镇: "] {
        assert_eq!(out.matches(t).count(), 1, "{out}");
    }
    assert!(
        out.ends_with("3 of 3 townships have a valid plan.\n"),
        "{out}"
    );

    // A wrong cost is a violation (exit 1), a broken plan bad input (exit 2).
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    copy_dir(&plans, &bad);
    let nanshan = bad.join("foshan-32-nanshan.toml");
    let text = std::fs::read_to_string(&nanshan).unwrap();
    let cost_line = text.lines().find(|l| l.starts_with("cost = ")).unwrap();
    std::fs::write(&nanshan, text.replacen(cost_line, "cost = 5.0", 1)).unwrap();
    let (c, out, _) = zhudian(&["--lang", "zh", "check", s(&city), s(&bad)]);
    assert_eq!(c, 1, "{out}");
    assert!(out.contains("南山镇：方案得分：重新计算为 "), "{out}");
    assert!(
        out.ends_with("3 个镇街中 2 个方案有效；未通过：南山镇。\n"),
        "{out}"
    );
    std::fs::write(bad.join("foshan-31-datang.toml"), "garbage\n").unwrap();
    let (c, out, _) = zhudian(&["check", s(&city), s(&bad)]);
    assert_eq!(c, 2, "{out}");
    assert!(
        out.ends_with("1 of 3 townships have a valid plan; failing: 大塘镇 and 南山镇.\n"),
        "{out}"
    );
    // A missing plan is named with its path.
    std::fs::remove_file(bad.join("foshan-25-genghe.toml")).unwrap();
    let (c, out, _) = zhudian(&["check", s(&city), s(&bad)]);
    assert_eq!(c, 2);
    assert!(out.contains("更合镇: no plan at "), "{out}");
}

#[test]
fn a_folder_never_gets_a_message_about_toml() {
    let (_dir, city, plans) = planned();
    let one = plans.join("foshan-25-genghe.toml");
    for args in [
        vec!["check", s(&city), s(&one)],
        vec!["calendar", s(&city)],
        vec!["compare", s(&city), s(&plans)],
        vec!["export", s(&city), "--xlsx", "/nonexistent-x"],
        vec![
            "replan",
            s(&city),
            "--previous",
            s(&one),
            "-o",
            "/nonexistent-y",
        ],
    ] {
        let (c, out, err) = zhudian(&args);
        assert_eq!(c, 2, "{args:?}: {out}{err}");
        assert!(
            !(out.clone() + &err).contains("TOML"),
            "{args:?}: {out}{err}"
        );
        assert!(
            !(out.clone() + &err).contains("Is a directory"),
            "{args:?}: {out}{err}"
        );
        assert!(
            err.contains("is not a folder: for a city, give the folder of plans")
                || err.contains("holds no plan files: give the folder of plans")
                || err.ends_with(" is a folder of rosters, not of plans; are the rosters and the plans the wrong way round?\n"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn calendar_on_a_citys_plans_writes_each_townships_files() {
    let (dir, city, plans) = planned();
    let csv = dir.path().join("csv");
    let ics = dir.path().join("ics");
    let (c, out, err) = zhudian(&[
        "calendar",
        s(&plans),
        "--roster",
        s(&city),
        "--csv",
        s(&csv),
        "--ics",
        s(&ics),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    for stem in ["foshan-25-genghe", "foshan-31-datang", "foshan-32-nanshan"] {
        let body = std::fs::read_to_string(csv.join(format!("{stem}.csv"))).unwrap();
        assert!(body.starts_with('\u{feff}'));
        assert!(std::fs::read_dir(ics.join(stem)).unwrap().count() > 0);
    }
    assert!(out.contains("更合镇: "), "{out}");
    assert!(
        out.ends_with("3 of 3 townships have their calendars written.\n"),
        "{out}"
    );
    // Without --roster each plan finds its own roster.
    let (c, out, _) = zhudian(&["calendar", s(&plans)]);
    assert_eq!(c, 0, "{out}");
}

#[test]
fn replan_on_a_city_keeps_untouched_townships_byte_for_byte() {
    let (dir, city, plans) = planned();
    // 南山镇 weighs travel more: only it is replanned.
    let f = city.join("foshan-32-nanshan.toml");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text + "\n[objective]\ntravel = 3.0\n").unwrap();
    let new = dir.path().join("new");
    let (c, out, err) = zhudian(&["replan", s(&city), "--previous", s(&plans), "-o", s(&new)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("更合镇: roster unchanged: the plan in force is kept as it is"),
        "{out}"
    );
    assert!(out.contains("南山镇: replanned: "), "{out}");
    assert!(
        out.ends_with("Of 3 townships, 1 replanned and 2 kept as they were.\n"),
        "{out}"
    );
    for stem in ["foshan-25-genghe", "foshan-31-datang"] {
        let f = format!("{stem}.toml");
        assert_eq!(
            std::fs::read(plans.join(&f)).unwrap(),
            std::fs::read(new.join(&f)).unwrap()
        );
    }
    let (c, out, _) = zhudian(&["check", s(&city), s(&new), "--previous", s(&plans)]);
    assert_eq!(c, 0, "{out}");
}

#[test]
fn compare_on_city_folders_totals_the_townships() {
    let (_dir, _city, plans) = planned();
    let (c, out, _) = zhudian(&["compare", s(&plans), s(&plans)]);
    assert_eq!(c, 0, "{out}");
    assert!(out.contains("南山镇: cost "), "{out}");
    assert!(out.ends_with("3 of 3 townships compared.\n"), "{out}");
    let (c, csv, _) = zhudian(&[
        "--lang",
        "zh",
        "compare",
        s(&plans),
        s(&plans),
        "--format",
        "csv",
    ]);
    assert_eq!(c, 0);
    assert!(csv.starts_with("\u{feff}镇街,方案得分（"), "{csv}");
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[3][0], "全市合计");
    let sum: f64 = rows[..3].iter().map(|r| r[1].parse::<f64>().unwrap()).sum();
    assert!(
        (sum - rows[3][1].parse::<f64>().unwrap()).abs() < 0.02,
        "{csv}"
    );
}

#[test]
fn export_and_report_on_a_city_total_and_name_the_failing() {
    let (dir, city, plans) = planned();
    let x = dir.path().join("x");
    let (c, out, err) = zhudian(&["export", s(&plans), "--xlsx", s(&x)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.ends_with("3 of 3 townships have their documents written.\n"),
        "{out}"
    );
    let page = dir.path().join("pages").join("city.html");
    let (c, out, err) = zhudian(&[
        "--lang",
        "en",
        "report",
        s(&city),
        s(&plans),
        "-o",
        s(&page),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.ends_with("3 of 3 townships have their pages written.\n"),
        "{out}"
    );
    std::fs::remove_file(plans.join("foshan-31-datang.toml")).unwrap();
    let (c, out, _) = zhudian(&[
        "--lang",
        "en",
        "report",
        s(&city),
        s(&plans),
        "-o",
        s(&page),
    ]);
    assert_eq!(c, 2);
    assert!(
        out.ends_with("2 of 3 townships have their pages written; failing: 大塘镇.\n"),
        "{out}"
    );
}

/// The plan file without the lines naming its roster (path and hash).
fn body(plan: &Path) -> String {
    std::fs::read_to_string(plan)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("roster"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_township_plans_as_if_it_had_written_what_it_inherits() {
    let (dir, _city, plans) = planned();
    let whole = dir.path().join("whole.toml");
    let (c, out, err) = zhudian(&[
        "plan",
        "tests/fixtures/city-whole/foshan-32-nanshan.toml",
        "-o",
        s(&whole),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    assert_eq!(body(&whole), body(&plans.join("foshan-32-nanshan.toml")));
}

#[test]
fn validate_on_a_city_says_the_inherited_values_once_and_who_differs() {
    let (c, out, err) = zhudian(&["validate", CITY]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("佛山市: 3 townships in 2 districts: 高明区 1, 三水区 2\n"),
        "{out}"
    );
    assert_eq!(
        out.matches("every township inherits, unless it gives its own:")
            .count(),
        1
    );
    assert!(out.contains("\n  station.weekday = \"Tue\"\n"), "{out}");
    assert!(
        out.contains("\n  policy.households_per_visit_session = 15\n"),
        "{out}"
    );
    assert!(
        out.contains("南山镇 differs from the city: policy.max_travel_minutes = 25 (city: 30)\n"),
        "{out}"
    );
    assert!(!out.contains("更合镇 differs"), "{out}");
    // 大塘镇 names its own district; the others are listed by city.toml.
    assert_eq!(out.matches("district: 三水区\n").count(), 2, "{out}");
    let (c, zh, _) = zhudian(&["--lang", "zh", "validate", CITY]);
    assert_eq!(c, 0);
    assert!(
        zh.contains("佛山市：3 个镇街，分属 2 个区：高明区 1 个、三水区 2 个\n"),
        "{zh}"
    );
    assert!(
        zh.contains("南山镇与全市设置不同：最长路程（单程） 25 分钟（全市：30 分钟）\n"),
        "{zh}"
    );
}

#[test]
fn a_township_overrides_field_by_field_and_city_errors_name_city_toml() {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    std::fs::create_dir(&city).unwrap();
    copy_dir(Path::new(CITY), &city);
    // A township's own [station] end replaces only that field.
    let f = city.join("foshan-25-genghe.toml");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text + "\n[station]\nend = \"18:00\"\n").unwrap();
    let (c, out, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("更合镇 differs from the city: station.end = \"18:00\" (city: \"18:30\")"),
        "{out}"
    );
    let (c, zh, _) = zhudian(&["--lang", "zh", "validate", s(&city)]);
    assert_eq!(c, 0);
    assert!(
        zh.contains("\n更合镇与全市设置不同：驻点结束时间 18:00（全市：18:30）\n"),
        "{zh}"
    );
    // A wrong value in city.toml is named there, with its line, once.
    let ct = city.join("city.toml");
    let text = std::fs::read_to_string(&ct).unwrap();
    std::fs::write(
        &ct,
        text.replace("makeup_notice_days = 3", "makeup_notice_days = \"3\""),
    )
    .unwrap();
    let (c, out, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 2, "{out}{err}");
    let line = text
        .lines()
        .position(|l| l.starts_with("makeup_notice_days"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("city.toml:{line}")), "{err}");
    assert_eq!(err.matches("makeup_notice_days").count(), 1, "{err}");
    // city.toml is never read as a township.
    let (c, out, _) = zhudian(&["plan", s(&city), "-o", s(&dir.path().join("p"))]);
    assert_eq!(c, 2, "{out}");
}

#[test]
fn calendar_on_a_city_with_previous_writes_each_townships_cancellations() {
    let (dir, city, plans) = planned();
    let f = city.join("foshan-32-nanshan.toml");
    let text = std::fs::read_to_string(&f).unwrap();
    // 谭锦军 leaves mid-year: his later sessions go to others.
    let text = text.replace(
        "name = \"谭锦军\"\n",
        "name = \"谭锦军\"\nleaves = \"2015-07-01\"\n",
    );
    std::fs::write(&f, text).unwrap();
    let new = dir.path().join("new");
    let (c, out, err) = zhudian(&["replan", s(&city), "--previous", s(&plans), "-o", s(&new)]);
    assert_eq!(c, 0, "{out}{err}");
    // 大塘镇 has no plan in force in the folder given as --previous.
    let old = dir.path().join("old");
    std::fs::create_dir(&old).unwrap();
    for stem in ["foshan-25-genghe", "foshan-32-nanshan"] {
        let f = format!("{stem}.toml");
        std::fs::copy(plans.join(&f), old.join(&f)).unwrap();
    }
    let ics = dir.path().join("ics");
    let (c, out, err) = zhudian(&[
        "calendar",
        s(&new),
        "--roster",
        s(&city),
        "--ics",
        s(&ics),
        "--previous",
        s(&old),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let count = |stem: &str| -> usize {
        std::fs::read_dir(ics.join(stem))
            .unwrap()
            .map(|e| {
                std::fs::read_to_string(e.unwrap().path())
                    .unwrap()
                    .matches("STATUS:CANCELLED")
                    .count()
            })
            .sum()
    };
    let nanshan = count("foshan-32-nanshan");
    assert!(nanshan > 0, "{out}");
    let tan = std::fs::read_to_string(ics.join("foshan-32-nanshan").join("谭锦军.ics")).unwrap();
    assert!(tan.contains("STATUS:CANCELLED"));
    assert_eq!(count("foshan-25-genghe"), 0);
    assert_eq!(count("foshan-31-datang"), 0);
    let o = |stem: &str| old.join(format!("{stem}.toml")).display().to_string();
    assert!(
        out.contains(&format!(
            "    {nanshan} events of the plan in force ({}) written cancelled\n",
            o("foshan-32-nanshan")
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "    0 events of the plan in force ({}) written cancelled\n",
            o("foshan-25-genghe")
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "    no previous plan of this name in {}: nothing written cancelled for this township\n",
            old.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{nanshan} events of the plans in force written cancelled in all, across 2 townships (a phone that re-imports a file removes them); 1 township had no previous plan\n"
        )),
        "{out}"
    );
    let (c, out, _) = zhudian(&[
        "--lang",
        "zh",
        "calendar",
        s(&new),
        "--roster",
        s(&city),
        "--ics",
        s(&ics),
        "--previous",
        s(&old),
    ]);
    assert_eq!(c, 0, "{out}");
    assert!(
        out.contains(&format!(
            "佛山市共 {nanshan} 条原方案的手机日程已标为取消，涉及 2 个镇街（手机重新导入文件后会删去）；1 个镇街没有原方案\n"
        )),
        "{out}"
    );
}

#[test]
fn a_township_kept_as_a_workbook_stays_in_the_district_listing_its_name_or_stem() {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    std::fs::create_dir(&city).unwrap();
    copy_dir(Path::new(CITY), &city);
    // 三水区 lists foshan-32-nanshan (a stem), 高明区 lists 更合镇 (a name).
    for (stem, to) in [
        ("foshan-32-nanshan", "foshan-32-nanshan.xlsx"),
        ("foshan-25-genghe", "genghe.xlsx"),
    ] {
        let from = city.join(format!("{stem}.toml"));
        let tmp = dir.path().join(to);
        let (c, out, err) = zhudian(&["convert", s(&from), s(&tmp)]);
        assert_eq!(c, 0, "{out}{err}");
        std::fs::remove_file(&from).unwrap();
        std::fs::rename(&tmp, city.join(to)).unwrap();
    }
    let (c, out, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("佛山市: 3 townships in 2 districts: 三水区 2, 高明区 1\n"),
        "{out}"
    );
    assert!(!out.contains("in no district"), "{out}");
}
