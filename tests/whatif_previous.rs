//! `whatif --previous PLAN`: the base column is the plan in force as it
//! stands and each variant is replanned from it as `replan` would, so a
//! variant removing one leader moves only that leader's units; a plan of
//! another roster, or a city, is bad input said in words.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const ROSTER: &str = "instances/leping-town.toml";

/// The roster planned into `dir`, as the plan in force.
fn plan_in_force(roster: &str, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let (c, _, err) = zhudian(&["plan", roster, "-o", path.to_str().unwrap()]);
    assert_eq!(c, 0, "{err}");
    path
}

/// Unit → leader of a plan file.
fn leaders(path: &Path) -> BTreeMap<String, String> {
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["assignment"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["unit"].as_str().unwrap().to_string(),
                a["leader"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn changed(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> Vec<String> {
    a.iter()
        .filter(|(u, l)| b.get(*u) != Some(*l))
        .map(|(u, _)| u.clone())
        .collect()
}

/// A scenarios file with one variant: 欧阳浩满 (ouyang-hm) removed.
fn without_ouyang(dir: &Path) -> PathBuf {
    let path = dir.join("s.toml");
    std::fs::write(
        &path,
        "[[variant]]\nname = \"少欧阳\"\nremove = [\"ouyang-hm\"]\n",
    )
    .unwrap();
    path
}

/// The CSV's rows as figure → values.
fn rows(csv: &str) -> BTreeMap<String, Vec<String>> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("unit:"))
        .map(|l| {
            let mut cells = l.split(',').map(str::to_string);
            (cells.next().unwrap(), cells.collect())
        })
        .collect()
}

#[test]
fn removing_a_leader_moves_only_that_leaders_units_from_the_plan_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let prev = plan_in_force(ROSTER, dir.path(), "plan.toml");
    let scen = without_ouyang(dir.path());
    let before = leaders(&prev);
    let theirs: Vec<String> = before
        .iter()
        .filter(|(_, l)| *l == "ouyang-hm")
        .map(|(u, _)| u.clone())
        .collect();
    assert_eq!(theirs.len(), 3, "{before:?}");

    let kept = dir.path().join("kept");
    let (c, out, err) = zhudian(&[
        "whatif",
        ROSTER,
        scen.to_str().unwrap(),
        "--previous",
        prev.to_str().unwrap(),
        "--out-dir",
        kept.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(c, 0, "{err}");
    assert!(
        out.starts_with("\u{feff}figure,plan in force,少欧阳\n"),
        "{out}"
    );
    let moved = changed(&before, &leaders(&kept.join("01-少欧阳.toml")));
    assert_eq!(moved, theirs);
    assert_eq!(rows(&out)["teams_changed"], ["0", "3"]);
    // The plan in force is the base as it stands, written as 00-base.toml.
    assert_eq!(leaders(&kept.join("00-base.toml")), before);

    let fresh = dir.path().join("fresh");
    let (c, out, err) = zhudian(&[
        "whatif",
        ROSTER,
        scen.to_str().unwrap(),
        "--out-dir",
        fresh.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(c, 0, "{err}");
    let afresh = changed(&before, &leaders(&fresh.join("01-少欧阳.toml")));
    assert!(afresh.len() > moved.len(), "{afresh:?}");
    assert_eq!(rows(&out)["teams_changed"], ["0", "18"]);
}

#[test]
fn the_base_column_is_the_plan_in_force_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let prev = plan_in_force(ROSTER, dir.path(), "plan.toml");
    let scen = without_ouyang(dir.path());
    let p = prev.to_str().unwrap();
    let run = |lang: &str, format: &str| {
        let (c, out, err) = zhudian(&[
            "--lang",
            lang,
            "whatif",
            ROSTER,
            scen.to_str().unwrap(),
            "--previous",
            p,
            "--format",
            format,
        ]);
        assert_eq!(c, 0, "{err}");
        out
    };
    // Its figures are the plan's own, as `compare` reads them.
    let (c, own, err) = zhudian(&["compare", p, p, "--format", "csv"]);
    assert_eq!(c, 0, "{err}");
    let own = rows(&own);
    let whatif = rows(&run("en", "csv"));
    assert_eq!(whatif.len(), own.len());
    for (figure, values) in &whatif {
        assert_eq!(values[0], own[figure][0], "{figure}");
    }
    let table = run("en", "table");
    assert_eq!(
        table.lines().next().unwrap(),
        format!(
            "Compared with the plan in force ({p}): its column is that plan as it stands, and each variant is replanned from it as replan --previous would, so the changes counted are against it."
        )
    );
    let zh = run("zh", "table");
    let said = format!(
        "与现行方案（{p}）比较：现行方案一列即该方案本身，各方案都在现行方案基础上调整（同 replan --previous），所计变动均相对于现行方案。"
    );
    assert_eq!(zh.lines().next().unwrap(), said);
    assert!(
        zh.contains("现行方案") && !zh.contains("现名册方案"),
        "{zh}"
    );
    let md = run("zh", "markdown");
    assert!(
        md.starts_with(&format!("{said}\n\n|  | 现行方案 | 少欧阳 |\n")),
        "{md}"
    );
    let toml_out = run("en", "toml");
    assert!(
        toml_out.starts_with(&format!(
            "previous = \"{p}\"\nplans = [\"plan in force\", \"少欧阳\"]\n"
        )),
        "{toml_out}"
    );
    let doc: toml::Table = toml::from_str(&toml_out).unwrap();
    let teams = doc["figures"]["teams_changed"].as_array().unwrap();
    assert_eq!(teams, &vec![toml::Value::from("0"), toml::Value::from("3")]);
}

#[test]
fn a_plan_of_another_roster_is_bad_input_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let other = plan_in_force("instances/beijiao-example.toml", dir.path(), "beijiao.toml");
    let scen = without_ouyang(dir.path());
    let o = other.to_str().unwrap();
    let run = |lang: &str| {
        zhudian(&[
            "--lang",
            lang,
            "whatif",
            ROSTER,
            scen.to_str().unwrap(),
            "--previous",
            o,
        ])
    };
    let (c, out, err) = run("en");
    assert_eq!(c, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "{o}: not a plan of {ROSTER}: the roster has no units 西海村, 三洪奇村, 林上村, 北滘社区, 工业园外来工社区… (6 in all); give the plan in force made from this roster (zhudian plan {ROSTER} -o PLAN)\n"
        )
    );
    let (c, out, err) = run("zh");
    assert_eq!(c, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "{o}：不是 {ROSTER} 的方案：名册中没有村居西海村、三洪奇村、林上村、北滘社区、工业园外来工社区等 6 个；请给出按本名册编排的现行方案（zhudian plan {ROSTER} -o 方案文件）\n"
        )
    );
}

#[test]
fn a_plan_missing_a_person_of_its_roster_is_named_by_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let prev = plan_in_force(ROSTER, dir.path(), "plan.toml");
    // The roster without 欧阳浩满: the plan in force still has him.
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let roster = dir.path().join("leping.toml");
    std::fs::write(&roster, drop_cadre(&text, "ouyang-hm")).unwrap();
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"a\"\nobjective = { travel = 2.0 }\n",
    )
    .unwrap();
    let (r, p) = (roster.to_str().unwrap(), prev.to_str().unwrap());
    let (c, _, err) = zhudian(&["whatif", r, scen.to_str().unwrap(), "--previous", p]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{p}: not a plan of {r}: the roster has no people 欧阳浩满; give the plan in force made from this roster (zhudian plan {r} -o PLAN)\n"
        )
    );
}

/// The roster's text without one [[cadre]] entry.
fn drop_cadre(text: &str, id: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with("[[") {
            skipping = false;
        }
        if line.trim() == format!("id = \"{id}\"") && out.ends_with("[[cadre]]\n") {
            out.truncate(out.len() - "[[cadre]]\n".len());
            skipping = true;
        }
        if !skipping {
            out += line;
            out += "\n";
        }
    }
    out
}

#[test]
fn a_city_with_previous_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"a\"\nobjective = { travel = 2.0 }\n",
    )
    .unwrap();
    let s = scen.to_str().unwrap();
    let (c, _, err) = zhudian(&["whatif", "instances/foshan", s, "--previous", "plans"]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        "instances/foshan: whatif --previous takes one township at a time, not yet a city: give a township's roster and its plan from the folder plan CITY -o DIR wrote\n"
    );
    let (c, _, err) = zhudian(&[
        "--lang",
        "zh",
        "whatif",
        "instances/foshan",
        s,
        "--previous",
        "plans",
    ]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        "instances/foshan：whatif --previous 目前只能逐个镇街试算，尚不支持整个县市：请给出一个镇街的名册和 plan 县市 -o 文件夹 写出的该镇街方案\n"
    );
}

/// Sessions before `day` of a plan file, as (date, unit, people) rows.
fn sessions_before(path: &Path, day: &str) -> Vec<String> {
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["session"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["date"].as_str().unwrap() < day)
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn from_keeps_the_plan_in_force_before_the_day_as_replan_does() {
    let dir = tempfile::tempdir().unwrap();
    let prev = plan_in_force(ROSTER, dir.path(), "plan.toml");
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"欧阳7月离任\"\ncadres = [{ id = \"ouyang-hm\", leaves = \"2015-07-01\" }]\n\n[[variant]]\nname = \"少欧阳\"\nremove = [\"ouyang-hm\"]\n",
    )
    .unwrap();
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "whatif",
        ROSTER,
        scen.to_str().unwrap(),
        "--previous",
        prev.to_str().unwrap(),
        "--from",
        "2015-07-01",
        "--out-dir",
        plans.to_str().unwrap(),
    ]);
    // Removed outright, he leaves kept sessions with nobody: said as replan says it.
    assert_eq!(c, 1, "{out}");
    assert_eq!(
        err,
        "variant '少欧阳' cannot be planned; nothing written for it:\n  欧阳浩满 (ouyang-hm) has sessions before 2015-07-01 (西基村, 杏滘村, 林江村; the last on 2015-06-30), which are kept as they were, but is no longer in the roster: keep the row, with leaves = 2015-07-01 (the first day she or he no longer serves), and give the successor succeeds = ouyang-hm\n"
    );
    let leaves = plans.join("01-欧阳7月离任.toml");
    let kept = sessions_before(&leaves, "2015-07-01");
    assert!(!kept.is_empty());
    assert_eq!(kept, sessions_before(&prev, "2015-07-01"));
    assert!(!plans.join("02-少欧阳.toml").exists());
}
