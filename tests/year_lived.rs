//! The year as lived (issue 9): a July handover and a leaver with no
//! successor on the shipped beijiao-example roster, read as a township
//! planner reads `replan`, `compare`, `check --previous` and `validate`,
//! word for word in both languages.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::tmp;

use std::path::Path;

const ROSTER: &str = "instances/beijiao-example.toml";

/// 梁文辉 (liang-wh) as the shipped roster has her.
const LIANG: &str = "[[cadre]]\nid = \"liang-wh\"\nname = \"梁文辉\"\npost = \"党委副书记\"\nskills = [\"labour\"]\n";

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
    year_fixtures::plan(ROSTER, dir, "p0.toml")
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
    year_fixtures::replan_in(Some(lang), roster, p0, from, dir, name)
}

#[test]
fn a_replan_with_only_a_handover_says_nothing_else_changed() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan_in_force(dir.path());
    let roster = handover_roster(dir.path(), "2015-07-15");
    let (_, zh, _) = replan("zh", &roster, &p0, "2015-07-15", dir.path(), "zh.toml");
    assert!(
        zh.contains("  周美玲接替梁文辉的原有位置\n  除上述接任外，没有其他变动\n"),
        "{zh}"
    );
    assert!(!zh.contains("没有变动："), "{zh}");
    let (_, en, _) = replan("en", &roster, &p0, "2015-07-15", dir.path(), "en.toml");
    assert!(
        en.contains(
            "  zhou-ml succeeds liang-wh and takes over their place\n  apart from the handover above, nothing changed\n"
        ),
        "{en}"
    );
}

#[test]
fn compare_does_not_count_a_handover_as_a_move() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan_in_force(dir.path());
    let roster = handover_roster(dir.path(), "2015-07-15");
    let (p1, _, _) = replan("en", &roster, &p0, "2015-07-15", dir.path(), "p1.toml");
    let (c, zh, _) = zhudian(&["--lang", "zh", "compare", &p0, &p1]);
    assert_eq!(c, 0);
    assert!(
        zh.contains(
            "人员变动（驻点领导及团队成员，仅列出方案不同之处；因接任或调动而换人的村（社区）不算变动）：\n  除因接任或调动而换人的村（社区）外，各方案中所有村（社区）的领导和团队都相同\n自2015年7月15日起的变化：\n"
        ),
        "{zh}"
    );
    let (c, en, _) = zhudian(&["compare", &p0, &p1]);
    assert_eq!(c, 0);
    assert!(
        en.contains(
            "Who moved where (leader + team, where the plans differ; units handed over to a successor or changed by a transfer are not moves):\n  apart from the units handed over to a successor or changed by a transfer, every unit has the same leader and team in all plans\nWhat changes from 2015-07-15:\n"
        ),
        "{en}"
    );
}

/// The plan in force, the July handover replanned from 15 July and, on
/// top of it, 何建明 leaving on 1 September replanned from that day.
fn three_plans(dir: &Path) -> [String; 3] {
    let p0 = plan_in_force(dir);
    let july = handover_roster(dir, "2015-07-15");
    let (p1, _, _) = replan("en", &july, &p0, "2015-07-15", dir, "p1.toml");
    let who = "id = \"he-jm\"\nname = \"何建明\"\n";
    let sept = tmp(dir, "sept.toml");
    let text = std::fs::read_to_string(&july).unwrap();
    std::fs::write(
        &sept,
        text.replace(who, &format!("{who}leaves = \"2015-09-01\"\n")),
    )
    .unwrap();
    let (p2, _, _) = replan("en", &sept, &p1, "2015-09-01", dir, "p2.toml");
    [p0, p1, p2]
}

#[test]
fn compare_of_three_plans_says_what_changes_pair_by_pair() {
    let dir = tempfile::tempdir().unwrap();
    let [p0, p1, p2] = three_plans(dir.path());
    let (c, zh, _) = zhudian(&["--lang", "zh", "compare", &p0, &p1, &p2]);
    assert_eq!(c, 0);
    assert!(
        zh.contains(
            "p0 → p1：\n自2015年7月15日起的变化：\n  梁文辉交接给周美玲：西海村、三洪奇村\n"
        ),
        "{zh}"
    );
    assert!(
        zh.contains(
            "p1 → p2：\n自2015年9月1日起的变化：\n  何建明联系的村（社区）：北滘社区改由劳广行联系\n  劳广行联系的村（社区）：工业园外来工社区改由周美玲联系\n"
        ),
        "{zh}"
    );
    let (c, en, _) = zhudian(&["compare", &p0, &p1, &p2]);
    assert_eq!(c, 0);
    assert!(
        en.contains(
            "p0 → p1:\nWhat changes from 2015-07-15:\n  梁文辉 hands over to 周美玲: 西海村, 三洪奇村\n"
        ),
        "{en}"
    );
    assert!(
        en.contains(
            "p1 → p2:\nWhat changes from 2015-09-01:\n  units 何建明 led change leader: 北滘社区 to 劳广行\n  units 劳广行 led change leader: 工业园外来工社区 to 周美玲\n"
        ),
        "{en}"
    );
    // Two plans: no pair heading.
    let (_, two, _) = zhudian(&["compare", &p0, &p1]);
    assert!(!two.contains("p0 → p1"), "{two}");
}

#[test]
fn load_rises_name_more_units_and_more_sessions_without_a_township_member() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan_in_force(dir.path());
    let roster = leaver_roster(dir.path(), "2015-07-15");
    let (_, zh, _) = replan("zh", &roster, &p0, "2015-07-15", dir.path(), "zh.toml");
    assert!(
        zh.contains(
            "  联系的村（社区）增加：梁文辉 2 → 3 个村（社区）\n  任务增加（2015年7月15日起的活动场数）：苏宏 49 → 59 场\n  缺少镇级人员的接待（全年）：1 → 8 次\n"
        ),
        "{zh}"
    );
    let (_, en, _) = replan("en", &roster, &p0, "2015-07-15", dir.path(), "en.toml");
    assert!(
        en.contains(
            "  more units to lead: 梁文辉 2 → 3 units\n  load rises (sessions from 2015-07-15): 苏宏 49 → 59\n  sessions without a township member, whole year: 1 → 8\n"
        ),
        "{en}"
    );
}

#[test]
fn a_successor_s_rise_counts_the_post_when_the_leaver_serves_past_the_date() {
    // 梁文辉 serves until 14 July: her sessions from 1 July count with
    // 周美玲's, the post's, not as a rise of her own from 0.
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan_in_force(dir.path());
    let roster = handover_roster(dir.path(), "2015-07-15");
    let (_, zh, _) = replan("zh", &roster, &p0, "2015-07-01", dir.path(), "zh.toml");
    assert!(
        zh.contains("  任务增加（2015年7月1日起的活动场数）：周美玲（接替梁文辉）73 → 81 场\n"),
        "{zh}"
    );
    let (_, en, _) = replan("en", &roster, &p0, "2015-07-01", dir.path(), "en.toml");
    assert!(
        en.contains(
            "  load rises (sessions from 2015-07-01): 周美玲 (succeeding 梁文辉) 73 → 81\n"
        ),
        "{en}"
    );
}

#[test]
fn replan_warns_of_a_leaver_whose_date_is_after_from() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan_in_force(dir.path());
    let roster = handover_roster(dir.path(), "2015-07-15");
    let (_, _, zh) = replan("zh", &roster, &p0, "2015-07-01", dir.path(), "a.toml");
    assert!(
        zh.contains(
            "提醒：梁文辉于2015年7月15日离任，晚于 --from 2015-07-01：梁文辉在岗至2015年7月14日，周美玲自2015年7月15日起接任\n"
        ),
        "{zh}"
    );
    let (_, _, en) = replan("en", &roster, &p0, "2015-07-01", dir.path(), "b.toml");
    assert!(
        en.contains(
            "warning: 梁文辉 leaves on 2015-07-15, after --from 2015-07-01: 梁文辉 stays in post until 2015-07-14, and 周美玲 takes over on 2015-07-15\n"
        ),
        "{en}"
    );
    // On her date: nothing to warn of.
    let (_, _, on) = replan("en", &roster, &p0, "2015-07-15", dir.path(), "c.toml");
    assert!(!on.contains("warning"), "{on}");
    let roster = leaver_roster(dir.path(), "2015-07-15");
    let (_, _, zh) = replan("zh", &roster, &p0, "2015-07-01", dir.path(), "d.toml");
    assert!(
        zh.contains(
            "提醒：何建明于2015年7月15日离任，晚于 --from 2015-07-01，且未指定接任者：2015年7月1日起的团队按不含何建明编排，何建明自2015年7月1日起即不在任何团队中，而不是在岗至2015年7月14日；如需何建明在岗至该日，请改用 --from 2015-07-15\n"
        ),
        "{zh}"
    );
    let (_, _, en) = replan("en", &roster, &p0, "2015-07-01", dir.path(), "e.toml");
    assert!(
        en.contains(
            "warning: 何建明 leaves on 2015-07-15, after --from 2015-07-01, with no successor: the teams from 2015-07-01 are planned without 何建明, so 何建明 is on no team from 2015-07-01, not in post until 2015-07-14; to keep 何建明 in post until then, replan --from 2015-07-15\n"
        ),
        "{en}"
    );
}

#[test]
fn check_previous_says_what_is_untouched_before_the_date_and_changed_after() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan_in_force(dir.path());
    let roster = handover_roster(dir.path(), "2015-07-15");
    let (p1, _, _) = replan("en", &roster, &p0, "2015-07-15", dir.path(), "p1.toml");
    // The date is the plan's own (replanned_from) when --from is left out.
    let (c, zh, _) = zhudian(&["--lang", "zh", "check", &roster, &p1, "--previous", &p0]);
    assert_eq!(c, 0, "{zh}");
    assert!(
        zh.contains(
            "2015年7月15日之前：原方案 501 场活动均未改动；2015年7月15日起：原方案 90 场取消、改期或换人，新增 130 场\n"
        ),
        "{zh}"
    );
    let (c, en, _) = zhudian(&["check", &roster, &p1, "--previous", &p0]);
    assert_eq!(c, 0, "{en}");
    assert!(
        en.contains(
            "before 2015-07-15, all 501 sessions of the plan in force are untouched; from 2015-07-15, 90 of its sessions are dropped, moved or with other people, and 130 are new\n"
        ),
        "{en}"
    );
    // Checked against the wrong date, the past is not untouched.
    let (c, zh, _) = zhudian(&[
        "--lang",
        "zh",
        "check",
        &roster,
        &p1,
        "--previous",
        &p0,
        "--from",
        "2015-08-01",
    ]);
    assert_eq!(c, 1);
    let line = zh
        .lines()
        .find(|l| l.starts_with("2015年8月1日之前：原方案 "))
        .unwrap_or_else(|| panic!("{zh}"));
    assert!(line.contains(" 场活动中 "), "{line}");
    // Without --previous: no such line.
    let (_, alone, _) = zhudian(&["check", &roster, &p1]);
    assert!(!alone.contains("untouched"), "{alone}");
}

#[test]
fn validate_lists_the_changes_in_post_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let july = handover_roster(dir.path(), "2015-07-15");
    let who = "id = \"he-jm\"\nname = \"何建明\"\n";
    let helper = "id = \"chen-zq\"\nname = \"陈志强\"\n";
    let text = std::fs::read_to_string(&july)
        .unwrap()
        .replace(who, &format!("{who}leaves = \"2015-09-01\"\n"))
        .replace(helper, &format!("{helper}joins = \"2015-03-02\"\n"));
    let roster = tmp(dir.path(), "year.toml");
    std::fs::write(&roster, text).unwrap();
    let (c, zh, err) = zhudian(&["--lang", "zh", "validate", &roster]);
    assert_eq!(c, 0, "{zh}{err}");
    assert!(
        zh.contains(
            "\n  人员变动  陈志强于2015年3月2日到任；周美玲自2015年7月15日起接替梁文辉；何建明于2015年9月1日离任（无接任者）\n"
        ),
        "{zh}"
    );
    // The leaders counted are those at the year's end, the two who leave
    // (梁文辉 handing over, 何建明 with no successor) said apart.
    assert!(zh.contains(" 名（另有 2 名年内离任或交接）\n"), "{zh}");
    let (c, en, _) = zhudian(&["validate", &roster]);
    assert_eq!(c, 0);
    assert!(
        en.contains(" to station (and 2 leaving during the year)\n"),
        "{en}"
    );
    assert!(
        en.contains(
            "\n  changes    陈志强 joins on 2015-03-02; 周美玲 succeeds 梁文辉 from 2015-07-15; 何建明 leaves on 2015-09-01 (no successor)\n"
        ),
        "{en}"
    );
    // The shipped roster has none.
    let (_, plain, _) = zhudian(&["validate", ROSTER]);
    assert!(!plain.contains("  changes    "), "{plain}");
}

#[test]
fn chinese_lists_a_team_as_the_leader_and_the_members_in_brackets() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan_in_force(dir.path());
    let roster = leaver_roster(dir.path(), "2015-07-15");
    let (p1, _, _) = replan("en", &roster, &p0, "2015-07-15", dir.path(), "p1.toml");
    let (c, zh, _) = zhudian(&["--lang", "zh", "compare", &p0, &p1]);
    assert_eq!(c, 0);
    assert!(
        zh.lines().any(|l| l
            == "北滘社区          何建明（团队成员：冯锦华、潘美玲）  劳广行（团队成员：吴丽芬、潘美玲）"),
        "{zh}"
    );
    let (_, en, _) = zhudian(&["compare", &p0, &p1]);
    assert!(
        en.lines().any(
            |l| l.starts_with("北滘社区          何建明 + 冯锦华, 潘美玲")
                && l.ends_with("劳广行 + 吴丽芬, 潘美玲")
        ),
        "{en}"
    );
}
