//! The plan command's words, checked word for word in both languages.

use super::*;

fn report() -> PlanReport {
    PlanReport {
        township: "北滘镇".into(),
        path: "plan.toml".into(),
        rows: vec![
            LeaderRow {
                leader: "劳广行".into(),
                units: vec![
                    ("林上村".into(), Some(12.0)),
                    ("重点企业联系点".into(), Some(7.6)),
                ],
                load: 1840.0,
                deviation_pct: 7.6923,
                tour_minutes: 62.0,
            },
            LeaderRow {
                leader: "He".into(),
                units: vec![],
                load: 0.0,
                deviation_pct: -100.0,
                tour_minutes: 0.0,
            },
        ],
        cost: 150.769,
        lower_bound: 150.769,
        gap: 0.0,
        status: "optimal".into(),
        stopped: None,
        engine: "bundles".into(),
        pricing: Some(Pricing::Enumerated),
        work: 1234,
        leaders_seconds: 0.0021,
        teams_seconds: 0.0004,
        calendar_seconds: 0.0005,
        total_seconds: 0.003,
        time_limit_seconds: 10.0,
        replanned: false,
    }
}

/// A deviation always shows its side of the target, as the report does.
#[test]
fn a_deviation_shows_its_sign() {
    assert_eq!(super::signed_pct(13.42), "+13.4");
    assert_eq!(super::signed_pct(-13.42), "-13.4");
    assert_eq!(super::signed_pct(-0.01), "0.0");
    assert_eq!(super::signed_pct(0.0), "0.0");
}

#[test]
fn the_terminal_table_word_for_word() {
    assert_eq!(
        report().en(),
        "北滘镇: plan written to plan.toml\n\
         \x20 leader  load   dev %  tour min  units (minutes from the office)\n\
         \x20 劳广行  1840    +7.7        62  林上村 (12), 重点企业联系点 (8)\n\
         \x20 He         0  -100.0         0  —\n\
         \x20 cost 150.77, lower bound 150.77, gap 0.00 %: optimal (proven)\n\
         \x20 engine bundles (bundles enumerated, 1234 work units): leaders 0.002 s, teams 0.000 s, calendar 0.001 s, total 0.003 s\n"
    );
    let mut r = report();
    r.status = "feasible".into();
    r.gap = 0.0123;
    r.stopped = Some("time".into());
    assert_eq!(
        r.zh(),
        "北滘镇：方案已写入 plan.toml\n\
         \x20 领导    工作量   偏差%  路程分钟  联系村居（距镇政府分钟）\n\
         \x20 劳广行    1840    +7.7        62  林上村（12）、重点企业联系点（8）\n\
         \x20 He           0  -100.0         0  —\n\
         \x20 方案得分 150.77（越低越好），理论最好得分 150.77，差距 1.23%：可用，时限内未能证明最优\n\
         \x20 本次计算到时限就停止了（分配领导最多用 --time-limit 的一半，这次是 5 秒）：再运行一次，可能得到得分相同或相近、但人员安排不同的方案。要每次都得到同一个方案，请改用工作量上限（--work-limit）重新编排，例如 --work-limit 1234（本次的计算量），并保存那次的方案\n\
         \x20 计算用时 0.003 秒（计算量 1234）：分配领导 0.002 秒，编组团队 0.000 秒，排日程 0.001 秒\n"
    );
    // Cut by the work limit, bundles searched; highs says no pricing.
    r.stopped = Some("work".into());
    r.pricing = Some(Pricing::Searched);
    let en = r.en();
    assert!(en.contains("gap 1.23 %: feasible (the work limit cut the proof)\n"));
    assert!(en.contains("engine bundles (bundles searched, 1234 work units): leaders"));
    let zh = r.zh();
    assert!(zh.contains("差距 1.23%：可用，工作量上限内未能证明最优\n"));
    // A work limit repeats exactly: nothing to warn about.
    assert!(!zh.contains("再运行一次"), "{zh}");
    assert!(zh.contains("  计算用时 0.003 秒（计算量 1234）：分配领导"));
    assert!(!zh.contains("bundles"));
    r.pricing = None;
    r.engine = "highs".into();
    assert!(r.en().contains("  engine highs: leaders 0.002 s"));
}

/// No limit reached, the leaders proven, a gap left by the teams stage
/// (a replan whose helper changes the bound does not count): the status
/// says which stage is unproven and why, not a time limit.
#[test]
fn a_gap_from_the_teams_stage_is_not_blamed_on_a_limit() {
    let mut r = report();
    r.status = "feasible".into();
    r.gap = 0.1501;
    assert_eq!(r.stopped, None);
    let en = r.en();
    assert!(en.contains("gap 15.01 %: feasible (no limit was reached: the leaders are proven optimal, but the teams stage, which places the helpers, is not; the bound counts only the helper changes every plan must make)\n"), "{en}");
    assert!(!en.contains("limit cut"), "{en}");
    let zh = r.zh();
    assert!(zh.contains("差距 15.01%：可用（未触及任何上限：领导分配已证明最优，安排协助人员的编组团队一步未能证明最优；理论最好得分只计入任何方案都必须做的协助人员调整）\n"), "{zh}");
    // The time limit stopped the teams' search: no "no limit" then.
    r.stopped = Some("teams".into());
    assert!(r.en().contains("gap 15.01 %: feasible (the leaders are proven optimal, but the teams stage, which places the helpers, is not; the bound counts only the helper changes every plan must make)\n"));
    assert!(
        r.en()
            .contains("the time limit stopped the search for better teams early")
    );
    assert!(r.zh().contains("差距 15.01%：可用（领导分配已证明最优，安排协助人员的编组团队一步未能证明最优；理论最好得分只计入任何方案都必须做的协助人员调整）\n"));
}

#[test]
fn the_stages_the_time_limit_cut_word_for_word() {
    let mut r = report();
    r.status = "feasible".into();
    r.gap = 0.0123;
    r.stopped = Some("time, teams, calendar".into());
    let en = r.en();
    assert!(en.contains("gap 1.23 %: feasible (the time limit cut the proof)\n"));
    assert!(en.contains(
        "\n  the time limit stopped the search for better teams and a better calendar early: the best found so far is kept; a longer --time-limit may do better\n  engine bundles"
    ), "{en}");
    assert!(r.zh().contains(
        "\n  时限已到，团队和日程的优化提前结束：保留了目前找到的最好结果；放宽 --time-limit 可能得到更好的结果\n  计算用时"
    ));
    // The engine proved its plan; only the calendar was cut.
    let mut r = report();
    r.stopped = Some("calendar".into());
    let en = r.en();
    assert!(en.contains("gap 0.00 %: optimal (proven)\n"), "{en}");
    assert!(en.contains("the time limit stopped the search for a better calendar early"));
    assert!(r.zh().contains("时限已到，日程的优化提前结束"));
    r.stopped = Some("work, teams".into());
    r.status = "feasible".into();
    assert!(r.en().contains("feasible (the work limit cut the proof)"));
    assert!(r.en().contains("stopped the search for better teams early"));
    assert!(r.zh().contains("时限已到，团队的优化提前结束"));
}

#[test]
fn engine_and_file_messages_word_for_word() {
    let cases: [(PlanSaid, &str, &str); 5] = [
        (
            PlanSaid::NoPlanInTime { seconds: 10.0 },
            "no plan was found within the time limit of 10 s: raise --time-limit",
            "在 10 秒时限内没有找到方案：请提高 --time-limit",
        ),
        (
            PlanSaid::UnknownEngine {
                engine: "cplex".into(),
            },
            "there is no engine 'cplex': use bundles or highs",
            "没有名为“cplex”的求解器：请用 bundles 或 highs",
        ),
        (
            PlanSaid::BadTimeLimit {
                given: "NaN".into(),
            },
            "--time-limit NaN: give the seconds as a number, 0 or more",
            "--time-limit NaN：请用 0 或更大的数给出秒数",
        ),
        (
            PlanSaid::CannotWrite {
                path: "/x/plan.toml".into(),
                detail: "No such file or directory (os error 2)".into(),
            },
            "cannot write the plan to /x/plan.toml: No such file or directory (os error 2)",
            "无法写入方案文件 /x/plan.toml：No such file or directory (os error 2)",
        ),
        (
            PlanSaid::SlotShort {
                slot: 1,
                roles: vec![Role::DepartmentHead],
                own: false,
                units: vec!["林上村（linshang）".into(), "西海村（xihai）".into()],
                teams: 1,
                raise: None,
                helpers: vec![],
            },
            "林上村（linshang） and 西海村（xihai）: team slot 1 needs department heads, but those who may fill it can take only 1 of these 2 teams: raise their max_teams, or add department heads",
            "林上村（linshang）和西海村（xihai）：团队第 1 个位置需要职能部门负责人，但可担任的人员只能参加其中 1 个团队：请提高其最多参加团队数（max_teams），或增加职能部门负责人",
        ),
    ];
    for (said, en, zh) in cases {
        assert_eq!(said.en(), en);
        assert_eq!(said.zh(), zh);
    }
}

#[test]
fn the_city_table_lines_up_in_chinese_counting_wide_characters() {
    let planned = |township: &str, units, leaders, cost, gap, optimal, short, warnings, secs| {
        CityRow::Planned {
            township: township.into(),
            file: String::new(),
            units,
            leaders,
            left: 0,
            idle: Vec::new(),
            cost,
            gap,
            optimal,
            shortfalls: short,
            made_up: 0,
            warnings,
            seconds: secs,
        }
    };
    let said = CitySaid::Table {
        rows: vec![
            planned("西樵镇", 25, 12, 723.99, 0.0, true, 0, 59, 0.12),
            CityRow::Infeasible {
                township: "乐从镇".into(),
                causes: vec!["原因".into()],
            },
            planned("Lecong", 3, 1, 10.5, 0.125, false, 2, 1, 1.0),
        ],
        // One of Lecong's leaders also leads in 西樵镇: 12 people, not 13.
        leaders: 12,
        seconds: 1.5,
        out_dir: "out".into(),
    };
    let zh = said.say(Lang::Zh);
    let lines: Vec<&str> = zh.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "镇街    村居  领导  方案得分   差距  状态              缺少镇级人员的接待  提醒    秒",
            "西樵镇    25    12    723.99   0.0%  最优                               0    59  0.12",
            "乐从镇：无法编排：",
            "    原因",
            "Lecong     3     1     10.50  12.5%  可用，未证明最优                   2     1  1.00",
            "缺少镇级人员的接待：全年没有镇级人员到场的驻点接待次数，事后已补接待的也计在内（各镇街页面分“未补接待”“已补接待”两项）",
        ],
        "{zh}"
    );
    let en = said.say(Lang::En);
    assert_eq!(
        en.lines().next().unwrap(),
        "township  units  leaders    cost    gap  status    short sessions  warnings  seconds"
    );
    assert_eq!(
        en.lines().nth(5).unwrap(),
        "short sessions: station sessions in the year held without a township member, those made up later included (a township's page shows them as not made up and made up)"
    );
    assert_eq!(
        en.lines().nth(6).unwrap(),
        "leaders: in post at the year's end, leading a unit there"
    );
    assert_eq!(
        en.lines().nth(7).unwrap(),
        "2 of 3 townships planned into out: 28 units, 12 leaders, total cost 734.49, 2 sessions without a township member; 1.5 s"
    );
}

fn too_many(
    units: usize,
    leaders: usize,
    places: usize,
    uniform_max: Option<usize>,
    kept_away: Vec<crate::wording::across::NeverHereSaid>,
) -> PlanSaid {
    PlanSaid::TooManyUnits {
        units,
        leaders,
        places,
        uniform_max,
        kept_away,
    }
}

#[test]
fn places_short_are_said_as_a_planner_would_one_leader_or_several() {
    let cases = [
        (
            too_many(6, 3, 5, None, vec![]),
            "6 units but the 3 leaders' maxima add up to 5 places: let 1 leader take one more unit, or add a cadre",
            "共 6 个村（社区），但 3 名领导的上限合计 5 个名额：请让 1 名领导多联系 1 个村（社区），或增加一名干部",
        ),
        (
            too_many(7, 3, 5, None, vec![]),
            "7 units but the 3 leaders' maxima add up to 5 places: let 2 leaders take one more unit each, or add a cadre",
            "共 7 个村（社区），但 3 名领导的上限合计 5 个名额：请让 2 名领导各多联系 1 个村（社区），或增加一名干部",
        ),
        (
            too_many(9, 4, 8, Some(2), vec![]),
            "9 units but 4 leaders × 2 = 8 places: allow 3 units for 1 leader, or add a cadre",
            "共 9 个村（社区），但 4 名领导 × 2 = 8 个名额：请允许 1 名领导联系 3 个村（社区），或增加一名干部",
        ),
        (
            too_many(10, 4, 8, Some(2), vec![]),
            "10 units but 4 leaders × 2 = 8 places: allow 3 units for 2 leaders, or add a cadre",
            "共 10 个村（社区），但 4 名领导 × 2 = 8 个名额：请允许 2 名领导各联系 3 个村（社区），或增加一名干部",
        ),
    ];
    for (said, en, zh) in cases {
        assert_eq!(said.say(Lang::En), en);
        assert_eq!(said.say(Lang::Zh), zh);
    }
}

#[test]
fn places_short_count_the_shared_cadres_kept_away_by_name() {
    let away = |name: &str, blocked: usize| crate::wording::across::NeverHereSaid {
        name: name.into(),
        township: "腰古镇".into(),
        others: vec!["六都镇".into()],
        blocked,
        dates: 50,
        here: "15:00–18:30".into(),
        there: "15:00–18:30".into(),
        travel: None,
    };
    let said = too_many(9, 3, 6, Some(2), vec![away("陈志强", 50), away("黄伟", 46)]);
    assert_eq!(
        said.say(Lang::En),
        "9 units, but of the 5 cadres 陈志强 (shared with 六都镇, on duty there on 50 of the 50 station dates) and 黄伟 (shared with 六都镇, on duty there on 46 of the 50 station dates) lead no unit here, and the other 3 leaders × 2 = 6 places: allow 3 units for 3 leaders, give 腰古镇 a station window apart from 六都镇's, or add a cadre"
    );
    assert_eq!(
        said.say(Lang::Zh),
        "共 9 个村（社区），但 5 名干部中陈志强（与六都镇共用，六都镇的驻点占了腰古镇 50 个驻点日中的 50 个）、黄伟（与六都镇共用，六都镇的驻点占了腰古镇 50 个驻点日中的 46 个）不在腰古镇当驻点领导，其余 3 名领导 × 2 = 6 个名额：请允许 3 名领导各联系 3 个村（社区），或把腰古镇的驻点时间与六都镇错开，或增加一名干部"
    );
}

#[test]
fn a_shared_cadre_kept_away_by_an_overlapping_window_is_told_with_both_times() {
    use crate::wording::Say;
    let said = crate::wording::across::NeverHereSaid {
        name: "林振华".into(),
        township: "西岭镇".into(),
        others: vec!["东山镇".into()],
        blocked: 49,
        dates: 49,
        here: "17:00–20:00".into(),
        there: "15:00–18:30".into(),
        travel: None,
    };
    assert_eq!(
        said.say(Lang::Zh),
        "林振华由东山镇和西岭镇共用，但林振华在东山镇的驻点任务（15:00–18:30）与西岭镇的驻点时间（17:00–20:00）重叠，占了西岭镇49个驻点日中的49个，因此在西岭镇不安排林振华当驻点领导。可把两个镇街的驻点时间错开，或只在林振华真正驻点的镇街名册上将其标为跨镇街兼任。"
    );
    assert_eq!(
        said.say(Lang::En),
        "林振华 is shared by 东山镇 and 西岭镇, but 林振华's duties in 东山镇 (15:00–18:30) overlap 西岭镇's station window (17:00–20:00) on 49 of its 49 station dates, so 林振华 leads no unit in 西岭镇. Give the two townships station windows that do not overlap, or write `shared` only where the person really serves"
    );
}

/// A replan's proof holds given the charge for changes: the status says
/// so, lest a party committee read it as the best plan outright.
#[test]
fn a_replans_proof_says_it_keeps_to_the_plan_in_force() {
    let mut r = report();
    r.replanned = true;
    assert!(r.zh().contains(
        "差距 0.00%：已证明最优（指在尽量保留现行方案的前提下：与现行方案相比的每处变动都计入了得分）\n"
    ));
    assert!(r.en().contains(
        "gap 0.00 %: optimal (proven: keeping to the plan in force as far as possible, the score counting each change against it)\n"
    ));
    r.replanned = false;
    assert!(r.zh().contains("差距 0.00%：已证明最优\n"));
}

/// With no useful bound (a zero time limit) the plan is a first plan, not
/// "feasible" with a gap that means nothing.
#[test]
fn a_plan_without_a_bound_is_called_a_first_plan() {
    let mut r = report();
    r.status = "feasible".into();
    r.lower_bound = 0.0;
    r.gap = 1.0;
    r.stopped = Some("time".into());
    assert!(r.zh().contains(
        "差距 100.00%：仅为初步方案：时限内没能算出有用的理论最好得分，不知道离最好还有多远；放宽 --time-limit 可能得到更好的方案\n"
    ), "{}", r.zh());
    assert!(r.en().contains(
        "gap 100.00 %: a first plan only: within the time limit no useful lower bound was found, so how far it is from the best is unknown; a longer --time-limit may do better\n"
    ));
    r.stopped = Some("work".into());
    assert!(r.zh().contains("仅为初步方案：工作量上限内没能算出有用的理论最好得分，不知道离最好还有多远；放宽 --work-limit 可能得到更好的方案\n"));
    assert!(
        r.en()
            .contains("a first plan only: within the work limit no useful lower bound was found")
    );
    // A real gap stays "feasible".
    r.gap = 0.5;
    assert!(
        r.zh()
            .contains("差距 50.00%：可用，工作量上限内未能证明最优\n")
    );
}
