//! `check` after a chain of replans (issue 16's trial): a plan kept byte for
//! byte from the `--previous` one is checked as it stands (its change counts
//! are against its own previous plan), for a township and for a city; a
//! plan replanned later than `--from` agrees with the plan in force over the
//! days before it, its stretch split at another date; and check's Chinese
//! names the plan's figures in words, not by their fields.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::tmp;

use std::path::Path;

use zhudian::verify::check_files;
use zhudian::wording::Lang;

const ROSTER: &str = "instances/beijiao-example.toml";
/// 何建明 leads one unit (北滘社区) in the plan in force.
const LEAVER: &str = "he-jm";

/// The shipped roster with 何建明 leaving on 2015-09-01, written into `dir`
/// as `roster.toml`; the first plan (p0) and the replan from 09-01 (p1).
fn september(dir: &Path) -> (String, String, String) {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let head = format!("[[cadre]]\nid = \"{LEAVER}\"\n");
    let roster = tmp(dir, "roster.toml");
    std::fs::write(
        &roster,
        text.replace(&head, &format!("{head}leaves = \"2015-09-01\"\n")),
    )
    .unwrap();
    let p0 = tmp(dir, "p0.toml");
    let (c, out, err) = zhudian(&["plan", ROSTER, "-o", &p0]);
    assert_eq!(c, 0, "{out}{err}");
    let p1 = tmp(dir, "p1.toml");
    let (c, out, err) = zhudian(&[
        "replan",
        &roster,
        "--previous",
        &p0,
        "--from",
        "2015-09-01",
        "-o",
        &p1,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let text = std::fs::read_to_string(&p1).unwrap();
    assert!(!text.contains("\nunits_changed = 0\n"), "{text}");
    (roster, p0, p1)
}

#[test]
fn a_plan_checked_against_itself_is_checked_as_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, _, p1) = september(dir.path());
    for (lang, note) in [
        (
            "en",
            "note: the plan is byte for byte the previous plan given (not replanned against it): it is checked as it stands, its change counts taken as stated\n",
        ),
        (
            "zh",
            "说明：该方案与 --previous 指定的原方案逐字节相同（未对照它重新编排），按方案本身检查，变动数按方案所写计入\n",
        ),
    ] {
        let (c, out, err) = zhudian(&["--lang", lang, "check", &roster, &p1, "--previous", &p1]);
        assert_eq!(c, 0, "{out}{err}");
        assert!(out.contains(note), "{out}");
        assert!(!out.contains("--previous PLAN to check them"), "{out}");
        assert!(
            !out.contains("用 --previous 指定上一版方案即可核对"),
            "{out}"
        );
    }
    // With --from too, the date is the plan's own.
    let (c, out, err) = zhudian(&[
        "check",
        &roster,
        &p1,
        "--previous",
        &p1,
        "--from",
        "2015-07-01",
    ]);
    assert_eq!(c, 0, "{out}{err}");
}

#[test]
fn a_city_township_kept_from_a_replan_passes() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, _, p1) = september(dir.path());
    let city = dir.path().join("city");
    let (july, sept) = (dir.path().join("july"), dir.path().join("sept"));
    for d in [&city, &july, &sept] {
        std::fs::create_dir(d).unwrap();
    }
    std::fs::copy(&roster, city.join("beijiao.toml")).unwrap();
    std::fs::copy(&p1, july.join("beijiao.toml")).unwrap();
    std::fs::copy(&p1, sept.join("beijiao.toml")).unwrap();
    let s = |p: &Path| p.display().to_string();
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "check",
        &s(&city),
        &s(&sept),
        "--previous",
        &s(&july),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("方案有效。\n    与原方案逐字节相同（未重新编排）\n"),
        "{out}"
    );
    assert!(!out.contains("continuity_cost"), "{out}");
}

#[test]
fn a_replan_later_than_from_agrees_with_the_plan_in_force_before_it() {
    // Replanned from 09-01 against p0, checked from 07-01: the plan records
    // the teams before 09-01, p0's teams held until 07-01; the same teams.
    let dir = tempfile::tempdir().unwrap();
    let (roster, p0, p1) = september(dir.path());
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "check",
        &roster,
        &p1,
        "--previous",
        &p0,
        "--from",
        "2015-07-01",
    ]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(!out.contains("团队不符"), "{out}");
    // A record that differs from the plan in force before 07-01 is still
    // caught, named by the end of its stretch, in both languages.
    let text = std::fs::read_to_string(&p1).unwrap();
    let mut plan = zhudian::plan::PlanFile::from_toml(&text).unwrap();
    let other = plan
        .assignment
        .iter()
        .find(|a| a.leader != LEAVER)
        .unwrap()
        .leader
        .clone();
    let t = plan
        .earlier_team
        .iter_mut()
        .find(|t| t.leader == LEAVER)
        .unwrap();
    t.leader = other;
    let unit = t.unit.clone();
    let bad = tmp(dir.path(), "bad.toml");
    std::fs::write(&bad, plan.to_toml()).unwrap();
    let args = |lang| {
        zhudian(&[
            "--lang",
            lang,
            "check",
            &roster,
            &bad,
            "--previous",
            &p0,
            "--from",
            "2015-07-01",
        ])
    };
    let (c, out, _) = args("en");
    assert_eq!(c, 1, "{out}");
    assert!(out.contains(&format!("（{unit}）, 2015-07-01: the team this plan records as serving until 2015-07-01 ([[earlier_team]]) is not the one the plan in force had then")), "{out}");
    let (_, out, _) = args("zh");
    assert!(
        out.contains("，2015年7月1日：本方案记录的2015年7月1日之前的团队与原方案当时的团队不符\n"),
        "{out}"
    );
    assert!(!out.contains("[[earlier_team]]"), "{out}");
}

#[test]
fn checks_chinese_names_the_plans_figures_in_words() {
    let roster = zhudian::roster::load(Path::new(ROSTER)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p0 = tmp(dir.path(), "p0.toml");
    let (c, out, err) = zhudian(&["plan", ROSTER, "-o", &p0]);
    assert_eq!(c, 0, "{out}{err}");
    let text = std::fs::read_to_string(&p0).unwrap();
    let line = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap()
            .to_string()
    };
    let edited = text
        .replacen(&line("continuity_cost"), "continuity_cost = 100.0", 1)
        .replacen(&line("gap"), "gap = 0.5", 1)
        .replacen(&line("station_sessions"), "station_sessions = 1", 1);
    let report = check_files(&roster, &edited, None);
    let zh = report.lines(&roster, Lang::Zh);
    for want in [
        "方案得分：方案写的领导变动计分为 100，重新计算为 0",
        "方案得分：方案写的差距为 50%，重新计算为 0%",
    ] {
        assert!(zh.iter().any(|l| l == want), "{want}: {zh:#?}");
    }
    assert!(
        zh.iter()
            .any(|l| l.ends_with("：方案写的驻点接待次数为 1，重新计算为 ")
                || l.contains("方案写的驻点接待次数为 1，重新计算为 ")),
        "{zh:#?}"
    );
    for l in &zh {
        assert!(!l.contains(" = "), "{l}");
    }
    let en = report.lines(&roster, Lang::En);
    assert!(
        en.iter()
            .any(|l| l == "cost: the plan states continuity_cost = 100, but it is 0"),
        "{en:#?}"
    );
}

#[test]
fn validate_on_a_city_takes_the_folder_of_plans_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, p0, _) = september(dir.path());
    let (city, plans) = (dir.path().join("city"), dir.path().join("plans"));
    std::fs::create_dir(&city).unwrap();
    std::fs::create_dir(&plans).unwrap();
    std::fs::copy(&roster, city.join("beijiao.toml")).unwrap();
    std::fs::copy(&p0, plans.join("beijiao.toml")).unwrap();
    let s = |p: &Path| p.display().to_string();
    // Each township against its plan in the folder, as for one township.
    let (c, one, err) = zhudian(&["--lang", "zh", "validate", &roster, "--previous", &p0]);
    assert_eq!(c, 0, "{one}{err}");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "validate",
        &s(&city),
        "--previous",
        &s(&plans),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let leaver = one.lines().find(|l| l.contains("何建明")).unwrap();
    assert!(out.contains(leaver), "{leaver}\n{out}");
    // A plan file for a city is refused, saying what to give.
    let (c, _, err) = zhudian(&["--lang", "zh", "validate", &s(&city), "--previous", &p0]);
    assert_eq!(c, 2, "{err}");
    assert_eq!(
        err,
        format!(
            "{p0} 不是文件夹：对全市运行时，请给出 zhudian plan 城市 -o 文件夹 写出的方案文件夹\n"
        )
    );
}
