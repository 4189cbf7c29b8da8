//! `zhudian people`: one row per person of a plan or of a city's plans, with
//! the year's sessions, make-ups, household visit sessions and share of working days.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

const CITY: &str = "tests/fixtures/city";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The CSV's rows as cells, after checking the BOM and the header.
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

#[test]
fn people_of_a_city_add_up_to_each_plans_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", CITY, "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let csv = dir.path().join("people.csv");
    let (c, out, err) = zhudian(&["people", CITY, s(&plans), "--csv", s(&csv)]);
    assert_eq!(c, 0, "{out}{err}");
    let all = rows(
        &csv,
        "township,district,person,role,units,station sessions,make-ups,\
household visit sessions,share of working days (%),shared / transferred,in post",
    );
    assert_eq!(out, format!("{} people: {}\n", all.len(), csv.display()));
    let num = |r: &Vec<String>, i: usize| r[i].parse::<f64>().unwrap();
    for (name, district, file) in [
        ("更合镇", "高明区", "foshan-25-genghe.toml"),
        ("大塘镇", "三水区", "foshan-31-datang.toml"),
        ("南山镇", "三水区", "foshan-32-nanshan.toml"),
    ] {
        let mine: Vec<&Vec<String>> = all.iter().filter(|r| r[0] == name).collect();
        assert!(!mine.is_empty(), "{name}");
        assert!(mine.iter().all(|r| r[1] == district), "{name}");
        let text = std::fs::read_to_string(plans.join(file)).unwrap();
        let plan: toml::Table = toml::from_str(&text).unwrap();
        // Every person-session of the plan is counted once, on its person's row.
        let sessions = plan["session"].as_array().unwrap();
        for (col, kind) in [(5, "station"), (6, "makeup"), (7, "household_visit")] {
            let want: usize = sessions
                .iter()
                .filter(|x| x["kind"].as_str() == Some(kind))
                .map(|x| x["people"].as_array().unwrap().len())
                .sum();
            let got: f64 = mine.iter().map(|r| num(r, col)).sum();
            assert_eq!(got, want as f64, "{name} {kind}");
        }
        // The share is the half-days over one township's working days.
        let per_half_day: Vec<f64> = mine
            .iter()
            .filter(|r| num(r, 5) + num(r, 6) + num(r, 7) >= 50.0)
            .map(|r| num(r, 8) / (num(r, 5) + num(r, 6) + num(r, 7)))
            .collect();
        assert!(per_half_day.len() > 1, "{name}");
        for x in &per_half_day {
            assert!(
                (x - per_half_day[0]).abs() < 0.002,
                "{name}: {per_half_day:?}"
            );
        }
        assert!(per_half_day[0] > 0.1 && per_half_day[0] < 0.3, "{name}");
        // Each leader of the plan is a row with the leader's units.
        let leaders = plan["assignment"].as_array().unwrap();
        let leader_rows = mine.iter().filter(|r| r[3] == "township leader").count();
        let distinct: std::collections::BTreeSet<&str> = leaders
            .iter()
            .map(|a| a["leader"].as_str().unwrap())
            .collect();
        assert_eq!(leader_rows, distinct.len(), "{name}");
    }

    // One plan file gives that township's rows, word for word.
    let one = dir.path().join("one.csv");
    let plan = plans.join("foshan-32-nanshan.toml");
    let (c, out, err) = zhudian(&["people", s(&plan), "--csv", s(&one)]);
    assert_eq!(c, 0, "{out}{err}");
    let nanshan: Vec<Vec<String>> = all.iter().filter(|r| r[0] == "南山镇").cloned().collect();
    assert_eq!(
        rows(
            &one,
            "township,district,person,role,units,station sessions,make-ups,\
household visit sessions,share of working days (%),shared / transferred,in post"
        ),
        nanshan
    );
}

#[test]
fn people_in_chinese_and_a_city_without_its_plans() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let (c, _, _) = zhudian(&["plan", CITY, "-o", s(&plans)]);
    assert_eq!(c, 0);
    let csv = dir.path().join("people.csv");
    let (c, out, err) = zhudian(&["--lang", "zh", "people", CITY, s(&plans), "--csv", s(&csv)]);
    assert_eq!(c, 0, "{out}{err}");
    let all = rows(
        &csv,
        "镇街,区,姓名,身份,联系村居,驻点接待,补接待,入户走访次数,占工作日（%）,跨镇街（共用/调动）,在岗",
    );
    assert!(out.starts_with(&format!("共{}人：", all.len())), "{out}");
    assert!(all.iter().any(|r| r[3] == "镇街领导"));
    assert!(all.iter().any(|r| r[3] == "村党组织书记"));

    let (c, out, err) = zhudian(&["people", CITY, "--csv", s(&csv)]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        err,
        format!(
            "{CITY} is a city: give the folder of its plans too (zhudian people {CITY} PLANS --csv FILE)\n"
        )
    );
    // A missing plan names its township; the others are still written.
    std::fs::remove_file(plans.join("foshan-31-datang.toml")).unwrap();
    let (c, _, err) = zhudian(&["people", CITY, s(&plans), "--csv", s(&csv)]);
    assert_eq!(c, 2);
    assert!(err.starts_with("大塘镇: no plan at "), "{err}");
    let left = std::fs::read_to_string(&csv).unwrap();
    assert!(left.contains("\r\n南山镇,") && !left.contains("\r\n大塘镇,"));
}

#[test]
fn a_leaver_shows_the_units_she_held_and_her_last_day() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    let july = dir.path().join("july");
    let (before, after) = (
        "tests/fixtures/city-transfer/before",
        "tests/fixtures/city-transfer/after",
    );
    let (c, out, err) = zhudian(&["plan", before, "-o", s(&old)]);
    assert_eq!(c, 0, "{out}{err}");
    let (c, out, err) = zhudian(&[
        "replan",
        after,
        "--previous",
        s(&old),
        "--from",
        "2015-07-01",
        "-o",
        s(&july),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let csv = dir.path().join("people.csv");
    let (c, out, err) = zhudian(&["--lang", "zh", "people", after, s(&july), "--csv", s(&csv)]);
    assert_eq!(c, 0, "{out}{err}");
    let text = std::fs::read_to_string(&csv).unwrap();
    // (units, dates in post) of a person's row in a township.
    let row = |town: &str, name: &str| -> (String, String) {
        let r = text
            .lines()
            .map(|l| l.split(',').collect::<Vec<_>>())
            .find(|r| r[0] == town && r[2] == name)
            .unwrap_or_else(|| panic!("{town} {name} in {text}"));
        (r[4].to_string(), r[r.len() - 1].to_string())
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    // 邱敏坚 hands 高涌镇's two villages to 何志强 and leads two in 三庄镇
    // (his dates say where to and from); 李国雄 retires, his two units
    // passed to 邱敏坚.
    assert_eq!(
        row("高涌镇", "邱敏坚"),
        pair("金海村、青圩村", "至6月30日（调往三庄镇）")
    );
    assert_eq!(row("高涌镇", "何志强"), pair("金海村、青圩村", "7月1日起"));
    assert_eq!(
        row("三庄镇", "邱敏坚"),
        pair("沙头社区、上塘村", "7月1日起（从高涌镇调入）")
    );
    assert_eq!(
        row("三庄镇", "李国雄"),
        pair("沙头社区、上塘村", "至6月30日")
    );
}
