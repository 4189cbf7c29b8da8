//! `zhudian check`: hand-made valid plans pass; hand-broken ones, one per
//! rule, are named word for word. The valid plans live under
//! tests/fixtures/check/; each broken plan is the valid one with one edit,
//! written out here so the test shows what was broken.
//!
//! - `assignment-only.toml`: a plan for instances/beijiao-example.toml, figures
//!   worked out by hand (target 5980 / 3 households; tours 10, 54, 77 minutes).
//! - `december-plan.toml`: a whole calendar for `december.toml`, the example
//!   roster with a December pilot (the rest of the year a holiday, few households,
//!   an emergency meeting on 12-15, 区志坚 on leave 12-21..23, a meeting in the
//!   window on 12-08).

//!
//! The calendar rules' tests are in `check_calendar.rs`.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/check_fixtures.rs"]
mod fixtures;
use fixtures::*;

use zhudian::cli::check::Outcome as _;
use zhudian::roster;
use zhudian::verify::check_files;
use zhudian::wording::Lang;
use zhudian::wording::check::Note;

#[test]
fn the_assignment_only_plan_is_valid_and_says_so() {
    let (report, lines) = check(&load(EXAMPLE), &text(ASSIGNMENT_ONLY));
    assert_eq!(lines, Vec::<String>::new());
    assert!(report.is_valid());
    assert_eq!(report.notes, vec![Note::AssignmentOnly]);
    let r = &report.recomputed;
    assert!((r.cost - 179.7959866220736).abs() < 1e-9);
    assert_eq!(r.tour_minutes_total, 141.0);
    let tours: Vec<f64> = r.leaders.iter().map(|l| l.3).collect();
    assert_eq!(tours, vec![77.0, 10.0, 54.0]);
}

#[test]
fn the_december_calendar_is_valid() {
    let (report, lines) = check(&load(DECEMBER), &text(DECEMBER_PLAN));
    assert_eq!(lines, Vec::<String>::new());
    assert!(report.notes.is_empty());
    let r = &report.recomputed;
    assert_eq!(
        (
            r.station_sessions,
            r.makeup_sessions,
            r.household_visit_sessions,
            r.shortfall_sessions,
            r.warnings
        ),
        (28, 2, 24, 2, 3)
    );
}

// ---- hard rules ----

#[test]
fn rule_1_a_unit_assigned_twice() {
    let lines = example_lines(
        "[[leader]]",
        "[[assignment]]\nunit = \"midea\"\nleader = \"he-jm\"\nhelpers = [\"feng-jh\", \"su-sec\"]\n\n[[leader]]",
    );
    assert_eq!(
        lines,
        [
            "rule 1 (one leader per unit): 重点企业联系点（midea）: the unit has 2 assignments; it must have exactly one leader"
        ]
    );
}

#[test]
fn rule_1_a_leader_outside_their_bounds() {
    let plan = edit(
        &text(ASSIGNMENT_ONLY),
        "unit = \"linshang\"\nleader = \"lao-gx\"",
        "unit = \"linshang\"\nleader = \"liang-wh\"",
    );
    let plan = edit(
        &plan,
        "unit = \"midea\"\nleader = \"lao-gx\"",
        "unit = \"midea\"\nleader = \"liang-wh\"",
    );
    let lines = check(&load(EXAMPLE), &plan).1;
    assert_has(
        &lines,
        "rule 1 (one leader per unit): 劳广行（lao-gx）: covers 1 unit, outside their bounds of 2 to 3",
    );
    assert_has(
        &lines,
        "rule 1 (one leader per unit): 梁文辉（liang-wh）: covers 4 units, outside their bounds of 2 to 3",
    );
}

#[test]
fn rule_1_a_unit_without_leader() {
    let lines = example_lines("unit = \"midea\"\nleader", "unit = \"midia\"\nleader");
    assert_has(
        &lines,
        "rule 1 (one leader per unit): 'midia': the plan names a unit that is not in the roster",
    );
    assert_has(
        &lines,
        "rule 1 (one leader per unit): 重点企业联系点（midea）: the unit has no [[assignment]], so no leader",
    );
    let zh = zh_lines("unit = \"midea\"\nleader", "unit = \"midia\"\nleader");
    for want in [
        "规则 1（每个村居一名领导）：重点企业联系点：方案没有给该村（社区）分配驻点领导",
        "方案得分：劳广行：领导汇总（[[leader]]）列出的村（社区）是 三洪奇村、林上村、重点企业联系点，但分配结果是 林上村、三洪奇村",
        "方案得分：劳广行：方案写的工作量为 1800，重新计算为 1500",
        "方案得分：劳广行：方案写的工作量偏差（%）为 9.698997，重新计算为 24.749164",
        "驻点路线：劳广行：方案写的巡回分钟为 77，重新计算为 61",
        "驻点路线：劳广行：路线 镇政府 → 重点企业联系点 → 三洪奇村 → 林上村 → 镇政府 应从镇政府出发并回到镇政府，途经且只经过该领导的村（社区） 林上村、三洪奇村",
        "方案得分：方案写的方案得分为 179.795987，重新计算为 193.896321",
        "方案得分：方案写的路程计分为 141，重新计算为 125",
    ] {
        assert_has(&zh, want);
    }
}

/// Every violation of the edited example plan, in Chinese.
fn zh_lines(from: &str, to: &str) -> Vec<String> {
    let roster = load(EXAMPLE);
    let plan = edit(&text(ASSIGNMENT_ONLY), from, to);
    check_files(&roster, &plan, None).lines(&roster, Lang::Zh)
}

#[test]
fn rule_2_team_slots() {
    let lines = example_lines(
        "helpers = [\"chen-zq\", \"lu-sec\"]",
        "helpers = [\"chen-zq\", \"ou-sec\"]",
    );
    assert_eq!(
        lines,
        [
            "rule 2 (team slots): 西海村（xihai）, 区志坚（ou-sec）: slot 2 takes the unit's own people, but this helper belongs to 三洪奇村（sanhong）",
            "rule 2 (team slots): 区志坚（ou-sec）: serves on 2 teams, more than max_teams = 1",
        ]
    );
    assert_has(
        &zh_lines(
            "helpers = [\"chen-zq\", \"lu-sec\"]",
            "helpers = [\"chen-zq\", \"ou-sec\"]",
        ),
        "规则 2（团队岗位）：区志坚：参加了 2 个团队，超过每人最多 1 个团队的上限",
    );
}

#[test]
fn rule_2_a_helper_of_the_wrong_role() {
    let lines = example_lines(
        "helpers = [\"chen-zq\", \"lu-sec\"]",
        "helpers = [\"lu-sec\", \"chen-zq\"]",
    );
    assert_eq!(
        lines,
        [
            "rule 2 (team slots): 西海村（xihai）, 卢国荣（lu-sec）: slot 1 takes a 'department_head', but this helper's role is 'party_secretary'",
            "rule 2 (team slots): 西海村（xihai）, 陈志强（chen-zq）: slot 2 takes a 'party_secretary', but this helper's role is 'department_head'",
            "rule 2 (team slots): 西海村（xihai）, 陈志强（chen-zq）: slot 2 takes the unit's own people, but this helper is a township helper",
        ]
    );
}

#[test]
fn rule_3_a_need_nobody_on_the_team_has() {
    // 陈志强 (stability) and 冯锦华 swap teams: 西海村 loses its stability skill.
    let plan = edit(
        &text(ASSIGNMENT_ONLY),
        "helpers = [\"chen-zq\", \"lu-sec\"]",
        "helpers = [\"feng-jh\", \"lu-sec\"]",
    );
    let plan = edit(
        &plan,
        "helpers = [\"feng-jh\", \"huang-sec\"]",
        "helpers = [\"chen-zq\", \"huang-sec\"]",
    );
    assert_eq!(
        check(&load(EXAMPLE), &plan).1,
        [
            "rule 3 (needs): 西海村（xihai）: needs 'stability', but nobody on the team has that skill"
        ]
    );
}

#[test]
fn rule_3_an_assist_member_of_a_role_that_may_not_assist() {
    let lines = example_lines(
        "helpers = [\"chen-zq\", \"pan-sec\"]\nassist = []",
        "helpers = [\"chen-zq\", \"pan-sec\"]\nassist = [\"su-sec\"]",
    );
    assert_eq!(
        lines,
        [
            "rule 3 (needs): 北滘社区（beijiao-sq）, 苏宏（su-sec）: is added as an assist member but is a 'party_secretary'; assist members are police, lawyer, deputy, volunteer, graduate_official or committee_cadre helpers",
            "rule 2 (team slots): 北滘社区（beijiao-sq）, 苏宏（su-sec）: belongs to 重点企业联系点（midea） and may serve only there",
            "rule 2 (team slots): 苏宏（su-sec）: serves on 2 teams, more than max_teams = 1",
        ]
    );
}

#[test]
fn rule_4_a_leader_in_their_home_unit() {
    let plan = edit(
        &text(ASSIGNMENT_ONLY),
        "unit = \"xihai\"\nleader = \"liang-wh\"",
        "unit = \"xihai\"\nleader = \"lao-gx\"",
    );
    let plan = edit(
        &plan,
        "unit = \"sanhong\"\nleader = \"lao-gx\"",
        "unit = \"sanhong\"\nleader = \"liang-wh\"",
    );
    assert_has(
        &check(&load(EXAMPLE), &plan).1,
        "rule 4 (home unit, distance, away): 西海村（xihai）, 劳广行（lao-gx）: is stationed in their own home unit",
    );
}

#[test]
fn rule_4_someone_away_all_year() {
    // The police officer who assists 三洪奇村 is seconded elsewhere for the year.
    let roster_text = edit(
        &text(DECEMBER),
        "max_teams = 3\n",
        "max_teams = 3\naway = [{ from = \"2015-01-01\", to = \"2015-12-31\", why = \"借调\" }]\n",
    );
    let roster = roster::load_str(&roster_text, "away.toml").expect("still a valid roster");
    let lines = check(&roster, &text(DECEMBER_PLAN)).1;
    assert_has(
        &lines,
        "rule 4 (home unit, distance, away): 三洪奇村（sanhong）, 李警官（li-police）: is away the whole year, yet is on the team",
    );
    assert_has(
        &lines,
        "calendar rule 2 (away, meeting or holiday): 三洪奇村（sanhong）, 李警官（li-police）, 2015-12-08: is in a station session 15:00–18:30 while away: 借调",
    );
}

// ---- the cost ----

#[test]
fn a_stated_cost_that_does_not_add_up() {
    assert_eq!(
        example_lines("cost = 179.7959866220736", "cost = 175.5"),
        ["cost: the plan states cost = 175.5, but it is 179.795987"]
    );
}

#[test]
fn a_wrong_load_and_a_bound_above_the_cost() {
    let plan = edit(&text(ASSIGNMENT_ONLY), "load = 2100.0", "load = 2000.0");
    let plan = edit(&plan, "lower_bound = 170.0", "lower_bound = 190.0");
    let lines = check(&load(EXAMPLE), &plan).1;
    assert_has(
        &lines,
        "cost: 何建明（he-jm）: the plan states load = 2000, but it is 2100",
    );
    assert_has(
        &lines,
        "cost: the lower bound 190 is above the plan's true cost 179.795987",
    );
}

#[test]
fn a_tour_in_a_longer_order() {
    assert_eq!(
        example_lines(
            "\"town-hall\", \"midea\", \"sanhong\", \"linshang\", \"town-hall\"",
            "\"town-hall\", \"sanhong\", \"midea\", \"linshang\", \"town-hall\"",
        ),
        [
            "tour: 劳广行（lao-gx）: the tour town-hall → sanhong → midea → linshang → town-hall takes 110 minutes, but town-hall → midea → linshang → sanhong → town-hall takes 77"
        ]
    );
}

#[test]
fn a_tour_that_skips_a_unit_and_wrong_tour_minutes() {
    let plan = edit(
        &text(ASSIGNMENT_ONLY),
        "tour = [\"town-hall\", \"xihai\", \"jiaoxi-park\", \"town-hall\"]",
        "tour = [\"town-hall\", \"xihai\", \"town-hall\"]",
    );
    let plan = edit(&plan, "tour_minutes = 54.0", "tour_minutes = 30.0");
    assert_eq!(
        check(&load(EXAMPLE), &plan).1,
        [
            "tour: 梁文辉（liang-wh）: the plan states tour_minutes = 30, but it is 54",
            "tour: 梁文辉（liang-wh）: the tour town-hall → xihai → town-hall must start and end at the office 'town-hall' and stop at exactly the leader's units jiaoxi-park, xihai",
        ]
    );
}

#[test]
fn changes_are_counted_against_the_previous_plan() {
    let roster = load(EXAMPLE);
    let plan = text(ASSIGNMENT_ONLY);
    // The previous plan had 何建明 at 三洪奇村 and 冯锦华 in 西海村's first slot.
    let previous = edit(
        &edit(
            &plan,
            "unit = \"sanhong\"\nleader = \"lao-gx\"",
            "unit = \"sanhong\"\nleader = \"he-jm\"",
        ),
        "helpers = [\"chen-zq\", \"lu-sec\"]",
        "helpers = [\"feng-jh\", \"lu-sec\"]",
    );
    let report = check_files(&roster, &plan, Some(&previous));
    let lines = report.lines(&roster, Lang::En);
    assert_has(
        &lines,
        "cost: the plan states units_changed = 0, but it is 1",
    );
    assert_has(
        &lines,
        "cost: the plan states slots_changed = 0, but it is 1",
    );
    assert_has(
        &lines,
        "cost: the plan states cost = 179.795987, but it is 309.795987",
    );
    assert_eq!(report.recomputed.continuity_cost, 100.0);
    assert_eq!(report.recomputed.helper_continuity_cost, 30.0);
    // Against itself, nothing changed.
    assert!(check_files(&roster, &plan, Some(&plan)).is_valid());
}

#[test]
fn stated_changes_without_the_previous_plan_are_taken_as_said() {
    let plan = edit(
        &text(ASSIGNMENT_ONLY),
        "units_changed = 0",
        "units_changed = 1",
    );
    let plan = edit(&plan, "continuity_cost = 0.0", "continuity_cost = 100.0");
    let plan = edit(
        &plan,
        "cost = 179.7959866220736",
        "cost = 279.7959866220736",
    );
    let plan = edit(
        &plan,
        "gap = 0.05448390037017068",
        "gap = 0.3924144443514745",
    );
    let (report, lines) = check(&load(EXAMPLE), &plan);
    assert_eq!(lines, Vec::<String>::new());
    assert_eq!(
        report.notes,
        vec![Note::ChangesUnchecked, Note::AssignmentOnly]
    );
}

// ---- words in Chinese, unreadable plans, the command ----

#[test]
fn violations_in_chinese() {
    let roster = load(DECEMBER);
    let plan = edit(
        &text(DECEMBER_PLAN),
        "date = \"2015-12-19\"",
        "date = \"2015-12-17\"",
    );
    let report = check_files(&roster, &plan, None);
    assert_eq!(
        report.lines(&roster, Lang::Zh),
        [
            "日历规则 3（补接待）：北滘社区，2015年12月17日：补接待安排在周四，不在补接待日（周六）",
            "日历规则 3（补接待）：北滘社区，2015年12月17日：补接待距所补的 2015年12月15日 只有 2 天，至少应提前 3 天通知",
        ]
    );
    assert_eq!(
        zhudian::wording::check::summary_line(&report, Lang::Zh),
        "方案得分：重新计算为 336.12，方案写的是 336.12。共 2 处违规：方案无效。"
    );
}

#[test]
fn exit_0_for_a_valid_plan() {
    let (code, out, _) = zhudian(&["check", EXAMPLE, ASSIGNMENT_ONLY]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "note: an assignment-only plan (no [[session]]): the calendar rules were not checked\n\
         cost: recomputed 179.80, stated 179.80. The plan is valid.\n"
    );
    let (code, out, _) = zhudian(&["check", DECEMBER, DECEMBER_PLAN]);
    assert_eq!(code, 0);
    // The summary, then the plan's own warnings by kind.
    assert_eq!(
        out,
        "cost: recomputed 336.12, stated 336.12. The plan is valid.\n\
         Warnings: 3, by kind\n\
         \x20 station sessions short of people: 2\n\
         \x20   - 北滘社区 on 2015-12-15: no township member free\n\
         \x20   - 西海村 on 2015-12-15: no township member free\n\
         \x20   what helps: put more township members on the teams, make some weekly units fortnightly, or spread leave; the staffing line above, or each warning, says what would close the gap\n\
         \x20 meetings in the station window: 1\n\
         \x20   - 区人大代表视察 on 2015-12-08 15:00-17:00 takes 劳广行 from the station window\n\
         \x20   what helps: move the meeting out of the station window; a meeting that cannot move should be marked an emergency\n"
    );
}

#[test]
fn exit_1_for_a_broken_plan_and_2_for_an_unreadable_one() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(
        &broken,
        edit(
            &text(ASSIGNMENT_ONLY),
            "cost = 179.7959866220736",
            "cost = 175.5",
        ),
    )
    .unwrap();
    let (code, out, _) = zhudian(&["check", EXAMPLE, broken.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "cost: the plan states cost = 175.5, but it is 179.795987\n\
         note: an assignment-only plan (no [[session]]): the calendar rules were not checked\n\
         cost: recomputed 179.80, stated 175.50. 1 violation: the plan is not valid.\n"
    );

    let bad_date = dir.path().join("bad-date.toml");
    std::fs::write(
        &bad_date,
        edit(
            &text(DECEMBER_PLAN),
            "date = \"2015-12-19\"",
            "date = \"2015-12-32\"",
        ),
    )
    .unwrap();
    let name = bad_date.to_str().unwrap();
    let (code, out, err) = zhudian(&["check", DECEMBER, name]);
    assert_eq!((code, out.as_str()), (2, ""));
    let line = text(DECEMBER_PLAN)
        .lines()
        .position(|l| l == "date = \"2015-12-19\"")
        .unwrap()
        + 1;
    let n = text(DECEMBER_PLAN)
        .lines()
        .take(line)
        .filter(|l| *l == "[[session]]")
        .count();
    assert_eq!(
        err,
        format!(
            "{name}:{line}: [[session]] {n}, field 'date': '2015-12-32' is not a date like 2015-03-02\n"
        )
    );

    let missing = dir.path().join("missing-field.toml");
    std::fs::write(
        &missing,
        edit(&text(ASSIGNMENT_ONLY), "lower_bound = 170.0\n", ""),
    )
    .unwrap();
    let (code, _, err) = zhudian(&["check", EXAMPLE, missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("lower_bound"), "{err}");

    // A roster that does not validate is reported as `validate` does.
    let (code, _, err) = zhudian(&[
        "check",
        "tests/fixtures/invalid/bad-date.toml",
        ASSIGNMENT_ONLY,
    ]);
    assert_eq!(code, 2);
    assert!(
        err.ends_with("1 problem: the roster is not valid.\n"),
        "{err}"
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Mangled plans give violations or an unreadable-plan message, never a panic.
        #[test]
        fn on_mangled_plans(drop in proptest::collection::vec(0usize..600, 0..6), line in 0usize..600, value in prop_oneof![
            Just("\"\"".to_string()), Just("[]".to_string()), Just("-1".to_string()), Just("0".to_string()),
            Just("\"2015-12-32\"".to_string()), Just("\"2016-01-01\"".to_string()), Just("\"1900-01-01\"".to_string()),
            Just("\"25:00\"".to_string()), Just("\"00:00\"".to_string()), Just("[\"he-jm\", \"he-jm\"]".to_string()),
            Just("[\"nobody\"]".to_string()), Just("\"makeup\"".to_string()), Just("1e308".to_string()),
            Just("[\"xihai\", \"sanhong\", \"linshang\", \"beijiao-sq\", \"jiaoxi-park\", \"midea\"]".to_string()),
        ]) {
            let roster = load(DECEMBER);
            let plan = text(DECEMBER_PLAN);
            let lines: Vec<String> = plan
                .lines()
                .enumerate()
                .filter(|(i, _)| !drop.contains(i))
                .map(|(i, l)| match l.split_once(" = ") {
                    Some((k, _)) if i == line => format!("{k} = {value}"),
                    _ => l.to_string(),
                })
                .collect();
            let report = check_files(&roster, &lines.join("\n"), None);
            let _ = report.render(&roster, Lang::Zh);
        }
    }
}

#[test]
fn notes_and_unreadable_plans_in_chinese() {
    let (code, out, _) = zhudian(&["--lang", "zh", "check", EXAMPLE, ASSIGNMENT_ONLY]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "说明：该方案只有分工，没有驻点和走访日程，未检查日历规则\n\
         方案得分：重新计算为 179.80，方案写的是 179.80。方案有效。\n"
    );
    let roster = load(DECEMBER);
    let report = check_files(
        &roster,
        &edit(
            &text(DECEMBER_PLAN),
            "kind = \"makeup\"",
            "kind = \"make-up\"",
        ),
        None,
    );
    let line = text(DECEMBER_PLAN)
        .lines()
        .position(|l| l == "kind = \"makeup\"")
        .unwrap()
        + 1;
    let n = text(DECEMBER_PLAN)
        .lines()
        .take(line)
        .filter(|l| *l == "[[session]]")
        .count();
    assert_eq!(
        report.render(&roster, Lang::Zh),
        format!(
            "plan:{line}：[[session]] 第 {n} 条，字段“kind”：“make-up”不在可选值“station”、“makeup”、“household_visit”之中\n"
        )
    );
    assert_eq!(report.exit_code(), 2);
}

#[test]
fn a_successor_in_the_same_seat_is_no_change() {
    // 麦新 takes over from 何建明, who left: the previous plan names 何建明.
    let roster_text = text(EXAMPLE)
        .replacen("id = \"he-jm\"", "id = \"mai-x\"\nsucceeds = \"he-jm\"", 1)
        .replace("[\"he-jm\", \"chen-zq\"]", "[\"mai-x\", \"chen-zq\"]");
    let roster = roster::load_str(&roster_text, "succession.toml").expect("a valid roster");
    let previous = text(ASSIGNMENT_ONLY);
    let plan = previous.replace("\"he-jm\"", "\"mai-x\"");
    let report = check_files(&roster, &plan, Some(&previous));
    assert_eq!(report.lines(&roster, Lang::En), Vec::<String>::new());
    assert_eq!(
        (
            report.recomputed.units_changed,
            report.recomputed.slots_changed
        ),
        (0, 0)
    );
    // Without the succession the same plan changes 北滘社区's leader.
    let roster = roster::load_str(
        &roster_text.replacen("succeeds = \"he-jm\"\n", "", 1),
        "no-succession.toml",
    )
    .expect("a valid roster");
    let report = check_files(&roster, &plan, Some(&previous));
    assert_eq!(report.recomputed.units_changed, 1);
}
