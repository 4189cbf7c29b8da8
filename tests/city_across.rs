//! Checks across the townships of a city (issue 16, items 2 and 4): the same
//! person on two townships' rosters is refused unless both entries are
//! `shared = true`; a shared leader's calendars are kept apart in time and
//! `check` on the city proves it; a July transfer between townships is
//! replanned in the two townships it touches only, and told once.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

const BEFORE: &str = "tests/fixtures/city-transfer/before";
const AFTER: &str = "tests/fixtures/city-transfer/after";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

/// The city before the transfer, copied, with 梁健明 of 高涌镇 also on
/// 三庄镇's roster; `shared` on the entries as asked.
fn with_leader_twice(shared_here: bool, shared_there: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    copy_dir(Path::new(BEFORE), &city);
    let gaoyong = city.join("gaoyong.toml");
    let text = std::fs::read_to_string(&gaoyong).unwrap();
    let mark = if shared_here { "\nshared = true" } else { "" };
    let text = text.replacen(
        "id = \"liang-jm\"\nname = \"梁健明\"",
        &format!("id = \"liang-jm\"\nname = \"梁健明\"{mark}"),
        1,
    );
    std::fs::write(&gaoyong, text).unwrap();
    let sanzhuang = city.join("sanzhuang.toml");
    let mut text = std::fs::read_to_string(&sanzhuang).unwrap();
    text.push_str(
        "\n[[cadre]]\nid = \"liang-jm\"\nname = \"梁健明\"\npost = \"党委委员\"\nunits = [1, 1]\n",
    );
    if shared_there {
        text.push_str("shared = true\n");
    }
    std::fs::write(&sanzhuang, text).unwrap();
    (dir, city)
}

fn line_of(path: &Path, needle: &str) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l == needle)
        .unwrap()
        + 1
}

#[test]
fn the_same_person_in_two_townships_is_refused_naming_both() {
    let (_dir, city) = with_leader_twice(false, false);
    // The entries' own lines: the [[cadre]] header above each id.
    let g = city.join("gaoyong.toml");
    let z = city.join("sanzhuang.toml");
    let g_line = line_of(&g, "id = \"liang-jm\"") - 1;
    let z_text = std::fs::read_to_string(&z).unwrap();
    let z_line = z_text.lines().count() - 4;
    let want = format!(
        "{}:{z_line}: [[cadre]] 'liang-jm': 梁健明 ('liang-jm') of 三庄镇 is also on 高涌镇's roster ({}:{g_line}); a person serving two townships needs 'shared = true' on both entries, a transfer 'leaves' on one and 'joins' on the other on the same date\n",
        z.display(),
        g.display()
    );
    for cmd in ["validate", "plan"] {
        let args: Vec<&str> = if cmd == "plan" {
            vec!["plan", s(&city), "-o", "unused-plans"]
        } else {
            vec!["validate", s(&city)]
        };
        let (c, out, err) = zhudian(&args);
        assert_eq!(c, 2, "{cmd}: {out}{err}");
        assert!(err.contains(&want), "{cmd}: {err}");
    }
    assert!(!Path::new("unused-plans").exists());
    let (c, _, err) = zhudian(&["--lang", "zh", "validate", s(&city)]);
    assert_eq!(c, 2);
    assert!(
        err.contains(&format!(
            "三庄镇的“梁健明”（编号 liang-jm）也在高涌镇的名册中（{}:{g_line}）",
            g.display()
        )),
        "{err}"
    );
}

#[test]
fn shared_on_one_entry_only_is_still_refused() {
    let (_dir, city) = with_leader_twice(true, false);
    let (c, _, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("is also on 高涌镇's roster"), "{err}");
}

/// (date, start, end) of every session of a plan naming `id`.
fn times_of(plan: &Path, id: &str) -> Vec<(String, String, String)> {
    let t: toml::Table = toml::from_str(&std::fs::read_to_string(plan).unwrap()).unwrap();
    t["session"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| {
            x["people"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p.as_str() == Some(id))
        })
        .map(|x| {
            let f = |k: &str| x[k].as_str().unwrap().to_string();
            (f("date"), f("start"), f("end"))
        })
        .collect()
}

#[test]
fn a_shared_leader_in_two_townships_plans_without_double_booking() {
    let (dir, city) = with_leader_twice(true, true);
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["plan", s(&city), "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let here = times_of(&plans.join("gaoyong.toml"), "liang-jm");
    let there = times_of(&plans.join("sanzhuang.toml"), "liang-jm");
    // Both townships sit on Tuesdays 15:00–18:30 and 高涌镇 takes every one
    // of them: he leads nothing in 三庄镇, and plan says so.
    assert!(here.len() > 40 && there.is_empty(), "{here:?} {there:?}");
    assert!(
        err.contains(
            "梁健明 is shared by 高涌镇 and 三庄镇, but 梁健明's sessions in 高涌镇 take "
        ),
        "{err}"
    );
    for (d, s1, e1) in &there {
        for (d2, s2, e2) in &here {
            assert!(
                !(d == d2 && s1 < e2 && s2 < e1),
                "{d} {s1}–{e1} overlaps {s2}–{e2}"
            );
        }
    }
    let (c, out, err) = zhudian(&["check", s(&city), s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("Shared people: 1; none is in two townships at once.\n"),
        "{out}"
    );
    // The same plan twice: byte for byte.
    let again = dir.path().join("again");
    let (c, _, _) = zhudian(&["plan", s(&city), "-o", s(&again)]);
    assert_eq!(c, 0);
    for f in ["gaoyong.toml", "sanzhuang.toml", "xingyong.toml"] {
        assert_eq!(
            std::fs::read(plans.join(f)).unwrap(),
            std::fs::read(again.join(f)).unwrap(),
            "{f}"
        );
    }

    // A session moved onto the other township's time is found, with names.
    let (d, s1, e1) = here[0].clone();
    let z = plans.join("sanzhuang.toml");
    let mut plan: toml::Table = toml::from_str(&std::fs::read_to_string(&z).unwrap()).unwrap();
    let first = plan["session"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|x| x["kind"].as_str() == Some("station"))
        .unwrap();
    first["people"]
        .as_array_mut()
        .unwrap()
        .push(toml::Value::String("liang-jm".into()));
    first["date"] = toml::Value::String(d.clone());
    first["start"] = toml::Value::String(s1.clone());
    first["end"] = toml::Value::String(e1.clone());
    std::fs::write(&z, toml::to_string(&plan).unwrap()).unwrap();
    let (c, out, _) = zhudian(&["--lang", "zh", "check", s(&city), s(&plans)]);
    assert_eq!(c, 1, "{out}");
    assert!(
        out.contains(&format!("梁健明在 {d} 同时被安排在两处：高涌镇（")),
        "{out}"
    );
    assert!(out.contains(&format!("，{s1}–{e1}）和三庄镇（")), "{out}");
    assert!(
        out.contains("多镇街共用人员 1 人，有 1 处同一时间身处两地的安排。"),
        "{out}"
    );
}

#[test]
fn a_transfer_source_naming_nobody_is_refused_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    copy_dir(Path::new(AFTER), &city);
    let z = city.join("sanzhuang.toml");
    let text = std::fs::read_to_string(&z).unwrap().replacen(
        "id = \"qiu-mj\"\nname = \"邱敏坚\"",
        "id = \"qiu-mj2\"\nname = \"邱敏坚\"\ntransferred_from = \"gaoyong/qiu-mk\"",
        1,
    );
    std::fs::write(&z, text).unwrap();
    let (c, _, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 2, "{err}");
    assert!(
        err.contains(
            "field 'transferred_from': 'gaoyong/qiu-mk' names no person of another township of the city (write \"township/id\", the township by file name or name) (did you mean 'gaoyong/qiu-mj'?)"
        ),
        "{err}"
    );
    // Named right (by the township's name), the transfer is taken.
    let text = std::fs::read_to_string(&z)
        .unwrap()
        .replacen("gaoyong/qiu-mk", "高涌镇/qiu-mj", 1);
    std::fs::write(&z, text).unwrap();
    let (c, out, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 0, "{out}{err}");
}

#[test]
fn a_july_transfer_replans_the_two_townships_only_and_is_told_once() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    let new = dir.path().join("new");
    let (c, out, err) = zhudian(&["plan", BEFORE, "-o", s(&old)]);
    assert_eq!(c, 0, "{out}{err}");
    let (c, out, err) = zhudian(&[
        "replan",
        AFTER,
        "--previous",
        s(&old),
        "--from",
        "2015-07-01",
        "-o",
        s(&new),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    // The township the transfer does not touch keeps its plan byte for byte.
    assert_eq!(
        std::fs::read(old.join("xingyong.toml")).unwrap(),
        std::fs::read(new.join("xingyong.toml")).unwrap()
    );
    assert!(out.contains("杏涌镇: roster unchanged: the plan in force is kept as it is\n"));
    let sessions = |p: &Path| -> Vec<toml::Value> {
        let t: toml::Table = toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        t["session"].as_array().unwrap().clone()
    };
    let date = |x: &toml::Value| x["date"].as_str().unwrap().to_string();
    let has = |x: &toml::Value, id: &str| {
        x["people"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.as_str() == Some(id))
    };
    for f in ["gaoyong.toml", "sanzhuang.toml"] {
        let before: Vec<_> = sessions(&old.join(f))
            .into_iter()
            .filter(|x| date(x).as_str() < "2015-07-01")
            .collect();
        let after: Vec<_> = sessions(&new.join(f))
            .into_iter()
            .filter(|x| date(x).as_str() < "2015-07-01")
            .collect();
        assert_eq!(before, after, "{f}: the sessions before the date are kept");
    }
    let here = sessions(&new.join("gaoyong.toml"));
    let there = sessions(&new.join("sanzhuang.toml"));
    assert!(here.iter().any(|x| has(x, "qiu-mj")));
    assert!(there.iter().any(|x| has(x, "qiu-mj")));
    for x in here.iter().filter(|x| has(x, "qiu-mj")) {
        assert!(date(x).as_str() < "2015-07-01", "{x:?}");
    }
    for x in there.iter().filter(|x| has(x, "qiu-mj")) {
        assert!(date(x).as_str() >= "2015-07-01", "{x:?}");
    }
    // Both townships' replans pass `check` across the handover and the
    // date: the posted timetables of units rebuilt from it (卢建月's too,
    // whose units did not change) start again there.
    let (c, said, err) = zhudian(&["check", AFTER, s(&new), "--previous", s(&old)]);
    assert_eq!(c, 0, "{said}{err}");
    assert!(
        said.contains("3 of 3 townships have a valid plan.\n"),
        "{said}"
    );
    let (c, said, err) = zhudian(&["check", AFTER, s(&new)]);
    assert_eq!(c, 0, "{said}{err}");
    // 卢建月 (lu-jy) keeps his three villages: his posted cycle carries on,
    // one timetable entry a village all year, as in the plan in force.
    let timetable = |p: &Path| -> Vec<toml::Value> {
        let t: toml::Table = toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        t["timetable"].as_array().unwrap().clone()
    };
    let lu = |p: &Path| -> Vec<Vec<Option<toml::Value>>> {
        timetable(&p.join("sanzhuang.toml"))
            .into_iter()
            .filter(|t| t["leader"].as_str() == Some("lu-jy"))
            .map(|t| {
                let keys = ["unit", "cycle", "offset", "fortnight", "leader_dates"];
                keys.map(|k| t.get(k).cloned()).into_iter().collect()
            })
            .collect()
    };
    assert_eq!(lu(&new).len(), 3);
    assert_eq!(lu(&new), lu(&old));
    let line = "Transfer: 邱敏坚 leaves 高涌镇 for 三庄镇 on 2015-07-01. In 高涌镇, 邱敏坚's units pass on because 邱敏坚 left: 金海村 to 何志强 and 青圩村 to 何志强. In 三庄镇, 邱敏坚 now leads 沙头社区 (was 李国雄) and 上塘村 (was 李国雄).\n";
    assert_eq!(out.matches("Transfer: ").count(), 1, "{out}");
    assert!(out.contains(line), "{out}");

    let zh = dir.path().join("zh");
    let (c, out, _) = zhudian(&[
        "--lang",
        "zh",
        "replan",
        AFTER,
        "--previous",
        s(&old),
        "--from",
        "2015-07-01",
        "-o",
        s(&zh),
    ]);
    assert_eq!(c, 0);
    assert!(
        out.contains("调动：邱敏坚自 2015-07-01 起由高涌镇调至三庄镇。因邱敏坚调离，高涌镇原由其联系的单位：金海村改由何志强联系，青圩村改由何志强联系。在三庄镇改由邱敏坚联系：沙头社区（原为李国雄），上塘村（原为李国雄）。\n"),
        "{out}"
    );
}
