//! The replan's and what-if's words, checked word for word: a part of the
//! plan score said as "领导变动计 100 分", a plain leaver as 离任 (调离 is
//! for a transfer only).

use super::*;
use crate::wording::Say;

fn moved(left: bool, newcomer_min: Option<usize>) -> ChangeSaid {
    ChangeSaid::LeaderMoved {
        unit: "林上村".into(),
        from: "劳广行".into(),
        to: "辛国本".into(),
        gone: left.then_some(Gone::Left),
        newcomer_min,
        cost: Some(100.0),
    }
}

#[test]
fn a_leader_who_left_is_said_to_have_left_the_post_and_the_change_scored() {
    assert_eq!(
        moved(true, None).say(Lang::Zh),
        "林上村：驻点领导 劳广行 → 辛国本，因劳广行已离任；领导变动计 100 分（无法避免）"
    );
    assert_eq!(
        moved(true, None).say(Lang::En),
        "林上村: leader 劳广行 → 辛国本, because 劳广行 left; continuity cost 100 (unavoidable)"
    );
    assert_eq!(
        moved(false, Some(2)).say(Lang::Zh),
        "林上村：驻点领导 劳广行 → 辛国本，因辛国本新到任，每名驻点领导至少联系 2 个村（社区）；领导变动计 100 分"
    );
    assert_eq!(
        moved(false, None).say(Lang::Zh),
        "林上村：驻点领导 劳广行 → 辛国本，为均衡工作量和路程；领导变动计 100 分"
    );
}

#[test]
fn a_helper_who_left_is_said_to_have_left_the_post_and_the_change_scored() {
    let h = |left| ChangeSaid::HelperMoved {
        unit: "林上村".into(),
        slot: 2,
        from: "梁志明".into(),
        to: "陈嘉欣".into(),
        left,
        cost: 30.5,
    };
    assert_eq!(
        h(true).say(Lang::Zh),
        "林上村：团队第 2 个位置 梁志明 → 陈嘉欣，因梁志明已离任；团队成员变动计 30.50 分"
    );
    assert_eq!(
        h(false).say(Lang::Zh),
        "林上村：团队第 2 个位置 梁志明 → 陈嘉欣；团队成员变动计 30.50 分"
    );
}

#[test]
fn the_score_terms_of_a_replan_read_as_parts_of_the_plan_score() {
    let t = ChangeSaid::Terms {
        continuity: 200.0,
        helper_continuity: 30.0,
        balance_before: 12.5,
        balance_after: 10.0,
        travel_before: 141.0,
        travel_after: 125.0,
    };
    assert_eq!(
        t.say(Lang::Zh),
        "方案得分各项：领导变动计 200 分，团队成员变动计 30 分；均衡 12.50 → 10 分，路程 141 → 125 分"
    );
    assert_eq!(
        t.say(Lang::En),
        "paid: continuity 200, helper continuity 30; balance 12.50 → 10, travel 141 → 125"
    );
}

#[test]
fn a_pinned_unit_whose_leader_left_says_the_leader_left_the_post() {
    let p = ReplanSaid::PinLeaderGone {
        unit: "xihai".into(),
        leader: "劳广行".into(),
    };
    assert_eq!(
        p.say(Lang::Zh),
        "--pin xihai：其驻点领导“劳广行”已离任且无接任者，无法保留原团队"
    );
}

#[test]
fn the_score_figures_use_the_glossary_words() {
    assert_eq!(Figure::Cost.label(Lang::Zh), "方案得分");
    assert_eq!(Figure::LowerBound.label(Lang::Zh), "理论最好得分");
}

#[test]
fn assist_members_joining_or_leaving_a_team_are_said_by_name() {
    let one = vec!["梁志明".to_string()];
    let two = vec!["梁志明".to_string(), "陈嘉欣".to_string()];
    let joined = |people: &Vec<String>| ChangeSaid::AssistsJoined {
        unit: "林上村".into(),
        people: people.clone(),
    };
    let left = |people: &Vec<String>| ChangeSaid::AssistsLeft {
        unit: "林上村".into(),
        people: people.clone(),
    };
    assert_eq!(
        joined(&two).say(Lang::Zh),
        "林上村：梁志明和陈嘉欣作为协助人员加入团队（不计分）"
    );
    assert_eq!(
        joined(&one).say(Lang::En),
        "林上村: 梁志明 joins the team as an assist member (no cost)"
    );
    assert_eq!(
        joined(&two).say(Lang::En),
        "林上村: 梁志明 and 陈嘉欣 join the team as assist members (no cost)"
    );
    assert_eq!(
        left(&one).say(Lang::Zh),
        "林上村：梁志明不再作为协助人员参加团队"
    );
    assert_eq!(
        left(&one).say(Lang::En),
        "林上村: 梁志明 is no longer on the team as an assist member"
    );
    assert_eq!(
        left(&two).say(Lang::En),
        "林上村: 梁志明 and 陈嘉欣 are no longer on the team as assist members"
    );
}
