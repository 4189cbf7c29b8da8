//! The year as lived (issue 9): a July handover and a leaver with no
//! successor on the shipped beijiao-example roster, read as a township
//! planner reads `replan`, `compare`, `check --previous` and `validate`,
//! word for word in both languages.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

const ROSTER: &str = "instances/beijiao-example.toml";

/// 梁文辉 (liang-wh) as the shipped roster has her.
const LIANG: &str = "[[cadre]]\nid = \"liang-wh\"\nname = \"梁文辉\"\npost = \"党委副书记\"\nskills = [\"labour\"]\n";

fn tmp(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

fn shipped() -> String {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    assert!(text.contains(LIANG));
    text
}

/// 梁文辉 leaves on `leaves` and 周美玲 (zhou-ml) succeeds her.
fn handover_roster(dir: &Path, leaves: &str) -> String {
    let block = format!(
        "{LIANG}leaves = \"{leaves}\"\n\n[[cadre]]\nid = \"zhou-ml\"\nname = \"周美玲\"\npost = \"党委副书记\"\nskills = [\"labour\"]\nsucceeds = \"liang-wh\"\n"
    );
    let path = tmp(dir, "handover.toml");
    std::fs::write(&path, shipped().replace(LIANG, &block)).unwrap();
    path
}

/// 何建明 (he-jm) leaves on `leaves` with no successor.
fn leaver_roster(dir: &Path, leaves: &str) -> String {
    let who = "id = \"he-jm\"\nname = \"何建明\"\n";
    let path = tmp(dir, "leaver.toml");
    let text = shipped().replace(who, &format!("{who}leaves = \"{leaves}\"\n"));
    std::fs::write(&path, text).unwrap();
    path
}

/// The shipped roster's plan, the plan in force.
fn plan_in_force(dir: &Path) -> String {
    let p0 = tmp(dir, "p0.toml");
    let (c, out, err) = zhudian(&["plan", ROSTER, "-o", &p0]);
    assert_eq!(c, 0, "{out}{err}");
    p0
}

/// `replan ROSTER --previous P0 --from FROM -o NAME` in `lang`: the new
/// plan's path, stdout and stderr.
fn replan(
    lang: &str,
    roster: &str,
    p0: &str,
    from: &str,
    dir: &Path,
    name: &str,
) -> (String, String, String) {
    let p1 = tmp(dir, name);
    let (c, out, err) = zhudian(&[
        "--lang",
        lang,
        "replan",
        roster,
        "--previous",
        p0,
        "--from",
        from,
        "-o",
        &p1,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    (p1, out, err)
}

#[test]
fn a_replan_with_only_a_handover_says_nothing_else_changed() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan_in_force(dir.path());
    let roster = handover_roster(dir.path(), "2015-07-15");
    let (_, zh, _) = replan("zh", &roster, &p0, "2015-07-15", dir.path(), "zh.toml");
    assert!(
        zh.contains("  “周美玲”接任“梁文辉”，接替其原有位置\n  除上述接任外，没有其他变动\n"),
        "{zh}"
    );
    assert!(!zh.contains("没有变动："), "{zh}");
    let (_, en, _) = replan("en", &roster, &p0, "2015-07-15", dir.path(), "en.toml");
    assert!(
        en.contains(
            "  'zhou-ml' succeeds 'liang-wh' and takes over their place\n  apart from the handover above, nothing changed\n"
        ),
        "{en}"
    );
}
