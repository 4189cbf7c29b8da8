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
        "{}:{z_line}: [[cadre]] 'liang-jm': 梁健明 ('liang-jm') of 三庄镇 is also on 高涌镇's roster ({}:{g_line}); a person serving two townships needs 'shared = true' on both entries, a transfer 'leaves' on one and 'joins' on the other on that date or later\n",
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
        err.contains("梁健明 is shared by 高涌镇 and 三庄镇, but 梁健明's duties in 高涌镇 ("),
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
        out.contains("Shared people: 1; none is in two townships at once or short of the travel time between them.\n"),
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
        out.contains(&format!(
            "梁健明在{}同时被安排在两处：高涌镇（",
            zhudian::wording::date_text(&d.to_string(), zhudian::wording::Lang::Zh)
        )),
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
            "field 'transferred_from': 'gaoyong/qiu-mk' names no person of another township (write \"township/id\", the township by file name or name) (did you mean 'gaoyong/qiu-mj'?)"
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
        out.contains("调动：邱敏坚自2015年7月1日起由高涌镇调往三庄镇。因邱敏坚调离，高涌镇原由其联系的村（社区）：金海村改由何志强联系，青圩村改由何志强联系。在三庄镇改由邱敏坚联系：沙头社区（原为李国雄），上塘村（原为李国雄）。\n"),
        "{out}"
    );
}

/// The `previous_plan` column of city-summary.csv, township by township
/// (the total row last).
fn previous_plan_warnings(summary: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(summary).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = header
        .iter()
        .position(|h| {
            *h == "warnings: not carried over from the plan in force"
                || *h == "提醒：原方案未能沿用的部分"
        })
        .unwrap_or_else(|| panic!("{header:?}"));
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[1].to_string(), cells[col].to_string())
        })
        .collect()
}

/// The city planned before the transfer (`old`) and replanned from 1 July
/// (`july`); the replan's output.
fn july() -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    let july = dir.path().join("july");
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
        s(&july),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    (dir, old, july, out)
}

#[test]
fn compare_counts_the_transfers_successions_as_handovers_in_the_terminal_and_the_csv() {
    let (_dir, old, july, _) = july();
    let (c, out, err) = zhudian(&["compare", s(&old), s(&july)]);
    assert_eq!(c, 0, "{out}{err}");
    let line = |town: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{town}: ")))
            .unwrap_or_else(|| panic!("{town} in {out}"))
            .to_string()
    };
    for town in ["高涌镇", "三庄镇"] {
        assert!(
            line(town).ends_with(
                "; units with another leader than the base for other reasons 0; units handed over to a successor or changed by a transfer 2"
            ),
            "{out}"
        );
    }
    assert!(
        line("杏涌镇").ends_with("; units with another leader than the base 0"),
        "{out}"
    );
    assert!(
        line("city total").ends_with(
            "; units with another leader than the base for other reasons 0; units handed over to a successor or changed by a transfer 4"
        ),
        "{out}"
    );
    assert!(out.ends_with("3 of 3 townships compared.\n"), "{out}");
    let (c, zh, _) = zhudian(&["--lang", "zh", "compare", s(&old), s(&july)]);
    assert_eq!(c, 0);
    assert!(zh.contains("\n全市合计：方案得分 "), "{zh}");
    assert!(
        zh.contains(
            "；与基准相比因其他原因更换领导的村（社区） 0；因接任或调动而换人的村（社区） 4\n"
        ),
        "{zh}"
    );
    // The CSV counts the same.
    let (c, csv, _) = zhudian(&["compare", s(&old), s(&july), "--format", "csv"]);
    assert_eq!(c, 0);
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert!(
        rows[0][6].starts_with("units handed over to a successor or changed by a transfer ("),
        "{csv}"
    );
    let counts: Vec<(&str, &str, &str)> = rows[1..].iter().map(|r| (r[0], r[5], r[6])).collect();
    assert_eq!(
        counts,
        [
            ("高涌镇", "0", "2"),
            ("三庄镇", "0", "2"),
            ("杏涌镇", "0", "0"),
            ("city total", "0", "4")
        ]
    );
    // Two plans of the same name in two folders: columns by folder.
    let (c, out, err) = zhudian(&[
        "compare",
        s(&old.join("gaoyong.toml")),
        s(&july.join("gaoyong.toml")),
    ]);
    assert_eq!(c, 0, "{err}");
    let head: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(head, ["old/gaoyong", "july/gaoyong"], "{out}");
}

#[test]
fn a_transfer_and_a_handover_replan_raise_no_other_roster_warning() {
    let (dir, _old, july, out) = july();
    assert!(!out.contains("another roster"), "{out}");
    // Each replanned township says what changes from the date and what is
    // kept, as the township's replan does: the mover's old units with her
    // successor in her place, her new ones with her in her predecessor's.
    assert_eq!(
        out.matches(
            "    kept as planned from 2015-07-01: the sessions of 8 of 8 units (teams unchanged, or the successor in the predecessor's place at 2 of them)\n"
        )
        .count(),
        2,
        "{out}"
    );
    assert!(
        out.contains(
            "    What changes from 2015-07-01:\n    邱敏坚 hands over to 何志强: 金海村, 青圩村\n"
        ),
        "{out}"
    );
    let zeros = |summary: &Path| {
        for (town, n) in previous_plan_warnings(summary) {
            assert_eq!(
                n,
                "0",
                "{town}: {}",
                std::fs::read_to_string(summary).unwrap()
            );
        }
    };
    zeros(&july.join("city-summary.csv"));
    // September: 徐佳欣 of 杏涌镇 leaves and 温华 joins (no `succeeds`): a
    // handover the roster explains, replanned against July's plans.
    let sep = dir.path().join("sep");
    copy_dir(Path::new(AFTER), &sep);
    let x = sep.join("xingyong.toml");
    let text = std::fs::read_to_string(&x).unwrap();
    let xu = "name = \"徐佳欣\"\npost = \"党委副书记\"\nskills = [\"stability\"]\n";
    assert!(text.contains(xu));
    let text = text.replace(
        xu,
        &format!(
            "{xu}leaves = \"2015-09-01\"\n\n[[cadre]]\nid = \"wen-h\"\nname = \"温华\"\npost = \"党委副书记\"\nskills = [\"stability\"]\njoins = \"2015-09-01\"\n"
        ),
    );
    std::fs::write(&x, text).unwrap();
    let new = dir.path().join("new");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "replan",
        s(&sep),
        "--previous",
        s(&july),
        "--from",
        "2015-09-01",
        "-o",
        s(&new),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(out.contains("驻点领导 徐佳欣 → 温华"), "{out}");
    assert!(!out.contains("另一份名册"), "{out}");
    let text = std::fs::read_to_string(new.join("xingyong.toml")).unwrap();
    assert!(!text.contains("previous_plan"), "{text}");
    let summary = new.join("city-summary.csv");
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.contains(",提醒：原方案未能沿用的部分,"), "{text}");
    zeros(&summary);
}

/// A leader transferred out with no successor: `validate` on the city says
/// where to, in both languages, and what to do to keep him until then.
#[test]
fn validate_says_a_transfer_out_with_no_successor_by_where_to() {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    copy_dir(Path::new(AFTER), &city);
    let g = city.join("gaoyong.toml");
    let text = std::fs::read_to_string(&g).unwrap();
    let successor = "[[cadre]]\nid = \"he-zq\"\nname = \"何志强\"\npost = \"党委副书记\"\nskills = [\"stability\"]\nsucceeds = \"qiu-mj\"\njoins = \"2015-07-01\"\n\n";
    assert!(text.contains(successor));
    std::fs::write(&g, text.replace(successor, "")).unwrap();
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", s(&city)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("  邱敏坚于2015年7月1日调往三庄镇：本镇街全年的团队按年底的名册编排，邱敏坚今年不在本镇街任何团队中（2015年7月1日之前也不在）。如需邱敏坚在本镇街驻点至2015年6月30日，请先按不填离任日期的名册编排，到时用 zhudian replan 名册 --previous 现行方案 --from 2015-07-01 重新编排。\n"),
        "{out}"
    );
    let (c, out, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("  邱敏坚 transfers to 三庄镇 on 2015-07-01: this township's teams are planned for the roster at the year's end, so 邱敏坚 is on no team here this year, not even before 2015-07-01. To have 邱敏坚 serve here until 2015-06-30, plan without the leaving date now and replan --from 2015-07-01 with it.\n"),
        "{out}"
    );
    // A leaver of the same township who goes nowhere keeps the words of a
    // departure.
    assert!(!out.contains("李国雄 transfers"), "{out}");
}
