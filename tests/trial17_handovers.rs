//! What the trial-17 planner (Chinese, README only) found in handovers: a
//! `succeeds` mistyped for someone who leaves is refused by plain
//! `validate` and `plan`, at the workbook's cell, with the name meant;
//! validate's changes line says the successor's arrival; a handover on the
//! replan's date lists only the predecessor's units; and `check` says when
//! `--previous` is not the plan the plan was replanned from.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{GAOZHOU, JULY, read_plan, succession, tmp};

/// The roster's row of cadre `id` in the 干部 sheet of a workbook `convert`
/// wrote (a heading row, then one row per cadre in roster order).
fn cadre_row(toml: &str, id: &str) -> usize {
    let text = std::fs::read_to_string(toml).unwrap();
    let at = text.find(&format!("[[cadre]]\nid = \"{id}\"")).unwrap();
    text[..at].matches("[[cadre]]").count() + 2
}

#[test]
fn a_mistyped_successor_is_refused_without_the_previous_plan() {
    let dir = tempfile::tempdir().unwrap();
    let roster = succession(dir.path(), "typo.toml", JULY, "彭坚立");
    let text = std::fs::read_to_string(&roster).unwrap();
    let line = text[..text.find("id = \"lin-xy\"").unwrap()]
        .lines()
        .count();
    let (c, _, err) = zhudian(&["--lang", "zh", "validate", &roster]);
    assert_eq!(c, 2, "{err}");
    assert_eq!(
        err,
        format!(
            "{roster}:{line}: 干部 林晓阳（lin-xy），字段“succeeds”：本名册中没有“彭坚立”这个人，接替无从落实（是不是“彭坚丽（peng-jl）”？）\n共 1 个问题：名册无效。\n"
        )
    );
    let (c, _, err) = zhudian(&["validate", &roster]);
    assert_eq!(c, 2, "{err}");
    assert_eq!(
        err,
        format!(
            "{roster}:{line}: [[cadre]] 'lin-xy', field 'succeeds': nobody in this roster is '彭坚立', so no one's place is taken over (did you mean '彭坚丽 (peng-jl)'?)\n1 problem: the roster is not valid.\n"
        )
    );
    // `plan` refuses it too, rather than planning without the handover.
    let out = tmp(dir.path(), "p.toml");
    let (c, _, err) = zhudian(&["plan", &roster, "-o", &out]);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("nobody in this roster is '彭坚立'"), "{err}");
    assert!(!std::path::Path::new(&out).exists());
}

#[test]
fn in_a_workbook_the_mistyped_successor_is_named_by_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    // `convert` refuses the typo: the workbook is written from the valid
    // roster with the typo put in.
    let roster = succession(dir.path(), "ok.toml", JULY, "peng-jl");
    let mut r = zhudian::roster::load(std::path::Path::new(&roster)).unwrap();
    let at = r.cadres.iter().position(|c| c.id == "lin-xy").unwrap();
    r.cadres[at].succeeds = Some("彭坚立".into());
    let book = tmp(dir.path(), "错例.xlsx");
    let bytes = zhudian::workbook::write::roster_workbook(Some(&r), zhudian::wording::Lang::Zh);
    std::fs::write(&book, bytes.unwrap()).unwrap();
    let row = cadre_row(&roster, "lin-xy");
    let (c, _, err) = zhudian(&["--lang", "zh", "validate", &book]);
    assert_eq!(c, 2, "{err}");
    assert_eq!(
        err,
        format!(
            "{book}: 干部!H{row} 林晓阳（lin-xy），字段“接替”：本名册中没有“彭坚立”这个人，接替无从落实（是不是“彭坚丽（peng-jl）”？）\n共 1 个问题：名册无效。\n"
        )
    );
}

#[test]
fn a_name_near_nobody_who_leaves_is_left_to_the_previous_plan() {
    // A predecessor gone before this roster is no typo: only `--previous`
    // can tell, so plain validate lets it pass.
    let dir = tempfile::tempdir().unwrap();
    let roster = succession(dir.path(), "gone.toml", JULY, "he-jm-2014");
    let (c, out, err) = zhudian(&["validate", &roster]);
    assert_eq!(c, 0, "{out}{err}");
}

#[test]
fn validate_says_when_the_successor_takes_over() {
    let dir = tempfile::tempdir().unwrap();
    let roster = succession(dir.path(), "ok.toml", JULY, "彭坚丽");
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", &roster]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("  人员变动  林晓阳自2015年7月1日起接替彭坚丽\n"),
        "{out}"
    );
    let (_, out, _) = zhudian(&["validate", &roster]);
    assert!(
        out.contains("  changes    林晓阳 succeeds 彭坚丽 from 2015-07-01\n"),
        "{out}"
    );
}

/// 石岭镇: 梁国强 hands over to 邓永康 on the replan's date, and the replan
/// gives 邓永康 a unit of 吴建华, who leaves with no successor. The handover
/// lists her units only, not that one ("梁国强交接给邓永康：圩镇社区、新村村、大坪村"
/// had 大坪村, 吴建华's).
#[test]
fn a_handover_on_the_replan_date_lists_only_the_predecessors_units() {
    let dir = tempfile::tempdir().unwrap();
    let prev = read_plan(&year_fixtures::plan(GAOZHOU, dir.path(), "p0.toml"));
    let roster = succession(dir.path(), "t.toml", JULY, "peng-jl");
    let r = zhudian::roster::load(std::path::Path::new(&roster)).unwrap();
    let other = prev
        .assignment
        .iter()
        .find(|a| a.leader != "peng-jl")
        .unwrap()
        .unit
        .clone();
    let mut year_end = prev.assignment.clone();
    for a in &mut year_end {
        if a.leader == "peng-jl" || a.unit == other {
            a.leader = "lin-xy".into();
        }
    }
    let from = JULY.parse().unwrap();
    let lines = zhudian::calendar::seam::handovers(&r, &year_end, Some(&prev), Some(from));
    let hers: Vec<String> = prev
        .assignment
        .iter()
        .filter(|a| a.leader == "peng-jl")
        .map(|a| a.unit.clone())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(
        (lines[0].from.as_str(), lines[0].to.as_str()),
        ("peng-jl", "lin-xy")
    );
    assert_eq!(lines[0].units, hers);
    assert!(!hers.contains(&other));
}

/// A plan records the plan it was replanned from; `check --previous` with
/// another says so first, instead of every rule failing against the wrong
/// teams ("共 98 处违规：方案无效").
#[test]
fn check_says_which_plan_to_give_as_previous() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = year_fixtures::plan(GAOZHOU, dir.path(), "p0.toml");
    let roster = succession(dir.path(), "t.toml", JULY, "peng-jl");
    let p1 = year_fixtures::replan(&roster, &p0, JULY, dir.path(), "p1.toml");
    let header = read_plan(&p1).plan;
    assert_eq!(header.previous_plan.as_deref(), Some(p0.as_str()));
    assert_eq!(header.previous_plan_sha256.map(|h| h.len()), Some(64));
    // Another plan: by name.
    let other = tmp(dir.path(), "其他.toml");
    std::fs::write(&other, std::fs::read_to_string(&p0).unwrap() + "# 另存\n").unwrap();
    let (c, out, err) = zhudian(&["--lang", "zh", "check", &roster, &p1, "--previous", &other]);
    assert_eq!(c, 2, "{out}{err}");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "本方案是从 p0.toml 重排的，不是从 其他.toml：请用 p0.toml 作 --previous\n"
    );
    let (c, _, err) = zhudian(&["check", &roster, &p1, "--previous", &other]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        "this plan was replanned from p0.toml, not from 其他.toml: give p0.toml as --previous\n"
    );
    // The plan in force itself: checked as before.
    let (c, out, err) = zhudian(&["check", &roster, &p1, "--previous", &p0]);
    assert_eq!(c, 0, "{out}{err}");
    // The same file changed since.
    std::fs::write(&p0, std::fs::read_to_string(&p0).unwrap() + "# 改过\n").unwrap();
    let (c, _, err) = zhudian(&["--lang", "zh", "check", &roster, &p1, "--previous", &p0]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        "本方案重排后，p0.toml 已被改动：请用重排时的上一版方案作 --previous\n"
    );
}
