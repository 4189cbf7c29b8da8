//! `zhudian check`'s calendar rules: each hand-broken December plan (the
//! valid `tests/fixtures/check/december-plan.toml` with one edit, written
//! out here) is named word for word.

#[path = "common/check_fixtures.rs"]
mod fixtures;
use fixtures::*;

use zhudian::roster;

#[test]
fn calendar_rule_1_a_missing_station_session() {
    let plan = text(DECEMBER_PLAN);
    let b = block(
        &plan,
        "date = \"2015-12-22\"\nstart = \"15:00\"\nend = \"18:30\"\nunit = \"midea\"",
    );
    let plan = edit(&plan, b, "");
    let lines = december_lines(&plan);
    assert_eq!(
        lines,
        [
            "calendar rule 1 (station sessions): 重点企业联系点（midea）, 2015-12-22: has no station session this week",
            "plan figures: the plan states station_sessions = 28, but it is 27",
        ]
    );
}

#[test]
fn calendar_rule_1_a_short_session_without_its_warning() {
    let plan = edit(
        &text(DECEMBER_PLAN),
        "unit = \"beijiao-sq\"\ndate = \"2015-12-15\"",
        "unit = \"beijiao-sq\"\ndate = \"2015-12-16\"",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 1 (station sessions): 北滘社区（beijiao-sq）, 2015-12-15: the station session has 1 of the 2 members required and no township member, and there is no shortfall warning for it"
        ]
    );
}

#[test]
fn calendar_rule_1_someone_not_on_the_team() {
    let plan = edit(
        &text(DECEMBER_PLAN),
        "people = [\"he-jm\", \"pan-sec\"]",
        "people = [\"he-jm\", \"pan-sec\", \"lu-wy\"]",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 1 (station sessions): 北滘社区（beijiao-sq）, 卢婉仪（lu-wy）, 2015-12-01: is in a station session but not on this unit's team"
        ]
    );
}

#[test]
fn calendar_rule_2_two_places_at_once() {
    let plan = text(DECEMBER_PLAN)
        + "\n[[session]]\ndate = \"2015-12-01\"\nstart = \"14:30\"\nend = \"17:30\"\nunit = \"beijiao-sq\"\nkind = \"household_visit\"\npeople = [\"he-jm\"]\nhamlet = \"北滘社区\"\nhouseholds = 3\n";
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 2 (one place at a time): 北滘社区（beijiao-sq）, 何建明（he-jm）, 2015-12-01: is in a station session 15:00–18:30 and, at the same time, in a household visit at 北滘社区（beijiao-sq） 14:30–17:30",
            "plan figures: the plan states household_visit_sessions = 24, but it is 25",
        ]
    );
}

#[test]
fn calendar_rule_2_in_a_session_during_a_meeting_or_away() {
    let plan = edit(
        &text(DECEMBER_PLAN),
        "unit = \"xihai\"\nkind = \"station\"\npeople = [\"lu-sec\"]",
        "unit = \"xihai\"\nkind = \"station\"\npeople = [\"chen-zq\", \"lu-sec\"]",
    );
    let plan = edit(
        &plan,
        "unit = \"sanhong\"\nkind = \"station\"\npeople = [\"lao-gx\", \"li-police\"]",
        "unit = \"sanhong\"\nkind = \"station\"\npeople = [\"lao-gx\", \"li-police\", \"ou-sec\"]",
    );
    let lines = december_lines(&plan);
    assert_eq!(
        lines,
        [
            "calendar rule 2 (away, meeting or holiday): 西海村（xihai）, 陈志强（chen-zq）, 2015-12-15: is in a station session 15:00–18:30 during the meeting 区防汛紧急会议 14:30–17:30",
            "calendar rule 2 (away, meeting or holiday): 三洪奇村（sanhong）, 区志坚（ou-sec）, 2015-12-22: is in a station session 15:00–18:30 while away: 探亲",
            "plan figures: the plan states shortfall_sessions = 2, but it is 1",
        ]
    );
}

#[test]
fn calendar_rule_2_a_session_in_a_holiday() {
    let plan = edit(
        &text(DECEMBER_PLAN),
        "date = \"2015-12-19\"",
        "date = \"2015-11-28\"",
    );
    assert_has(
        &december_lines(&plan),
        "calendar rule 2 (away, meeting or holiday): 北滘社区（beijiao-sq）, 2015-11-28: a make-up session falls in the holiday 试点之前",
    );
}

#[test]
fn calendar_rule_2_rotation() {
    // 梁文辉 (two units) leaves 西海村 to 陈志强 on 12-22 too: with 12-15
    // (陈志强 in the emergency meeting) and 12-29, three in a row without him.
    let plan = edit(
        &text(DECEMBER_PLAN),
        "date = \"2015-12-22\"\nstart = \"15:00\"\nend = \"18:30\"\nunit = \"xihai\"\nkind = \"station\"\npeople = [\"liang-wh\", \"lu-sec\"]",
        "date = \"2015-12-22\"\nstart = \"15:00\"\nend = \"18:30\"\nunit = \"xihai\"\nkind = \"station\"\npeople = [\"chen-zq\", \"lu-sec\"]",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 2 (rotation): 西海村（xihai）, 梁文辉（liang-wh）, 2015-12-15: the leader has 2 units, so must be at each at least once every 2 station sessions, but missed 3 in a row while free (from 2015-12-15 to 2015-12-29)"
        ]
    );
}

#[test]
fn calendar_rule_3_a_meeting_in_the_window_without_its_warning() {
    assert_eq!(
        december_lines(&edit(
            &text(DECEMBER_PLAN),
            "kind = \"meeting_in_window\"",
            "kind = \"note\""
        )),
        [
            "calendar rule 3 (meetings in the window): 2015-12-08: the meeting 区人大代表视察 (15:00–17:00) falls in the station window, but there is no meeting_in_window warning for it"
        ]
    );
}

#[test]
fn calendar_rule_3_a_missing_make_up() {
    let plan = text(DECEMBER_PLAN);
    let b = block(&plan, "date = \"2015-12-26\"");
    let plan = edit(&plan, b, "");
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 3 (make-ups): 三洪奇村（sanhong）, 区志坚（ou-sec）, 2015-12-22: misses the station session (away: 探亲), but there is no make-up session for it nor a warning that it cannot be made up",
            "plan figures: the plan states makeup_sessions = 2, but it is 1",
        ]
    );
}

#[test]
fn calendar_rule_3_a_make_up_too_soon_on_the_wrong_day() {
    assert_eq!(
        december_lines(&edit(
            &text(DECEMBER_PLAN),
            "date = \"2015-12-19\"",
            "date = \"2015-12-17\""
        )),
        [
            "calendar rule 3 (make-ups): 北滘社区（beijiao-sq）, 2015-12-17: the make-up is on a Thursday, not on a make-up day (Saturday)",
            "calendar rule 3 (make-ups): 北滘社区（beijiao-sq）, 2015-12-17: the make-up is 2 days after the missed session of 2015-12-15; it needs at least 3 days' notice",
        ]
    );
}

#[test]
fn calendar_rule_4_visits_short_without_a_warning() {
    let plan = edit(
        &text(DECEMBER_PLAN),
        "people = [\"liang-wh\"]\nhamlet = \"一队\"\nhouseholds = 10",
        "people = [\"liang-wh\"]\nhamlet = \"一队\"\nhouseholds = 8",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 4 (household visits): 西海村（xihai）, 梁文辉（liang-wh）: household visits fall short (一队 8 of 10), and there is no household_visits_short warning"
        ]
    );
    // A warning does not excuse it while 梁文辉 had half-days free for
    // visits (issue 12): the warning must be true.
    let warned = plan
        + "\n[[warning]]\nkind = \"household_visits_short\"\nmessage = \"short\"\nunit = \"xihai\"\npeople = [\"liang-wh\"]\n";
    let warned = edit(&warned, "warnings = 3", "warnings = 4");
    assert_eq!(
        december_lines(&warned),
        [
            "calendar rule 4 (household visits): 西海村（xihai）, 梁文辉（liang-wh）: household visits fall short (一队 8 of 10) and a household_visits_short warning says they do not fit, but 4 half-days were free for visits under the monthly cap, the first 2015-12-01 (Tuesday) morning: schedule the visits then"
        ]
    );
}

#[test]
fn calendar_rule_4_a_visit_of_the_wrong_shape() {
    let plan = edit(
        &text(DECEMBER_PLAN),
        "date = \"2015-12-05\"\nstart = \"09:00\"\nend = \"12:00\"",
        "date = \"2015-12-06\"\nstart = \"09:00\"\nend = \"13:00\"",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 4 (household visits): 北滘社区（beijiao-sq）, 陈志强（chen-zq）, 2015-12-06: the visit is 09:00–13:00, not a half day (09:00–12:00 or 14:30–17:30)",
            "calendar rule 4 (household visits): 北滘社区（beijiao-sq）, 陈志强（chen-zq）, 2015-12-06: the visit is on a Sun, neither a visit day (Mon, Tue, Wed, Thu, Fri, Sat) nor a swapped working day",
        ]
    );
}

#[test]
fn calendar_rule_4_too_many_households_in_one_visit() {
    assert_eq!(
        december_lines(&edit(
            &text(DECEMBER_PLAN),
            "households = 10",
            "households = 16"
        )),
        [
            "calendar rule 4 (household visits): 西海村（xihai）, 梁文辉（liang-wh）, 2015-12-02: the visit covers 16 households, more than households_per_visit_session = 15"
        ]
    );
}

#[test]
fn calendar_rule_1_a_fortnightly_unit_off_its_turn_and_a_session_out_of_the_window() {
    let plan = text(DECEMBER_PLAN)
        + "\n[[session]]\ndate = \"2015-12-08\"\nstart = \"15:00\"\nend = \"18:30\"\nunit = \"linshang\"\nkind = \"station\"\npeople = [\"huang-sec\", \"feng-jh\"]\n";
    let plan = edit(
        &plan,
        "date = \"2015-12-29\"\nstart = \"15:00\"\nend = \"18:30\"\nunit = \"xihai\"",
        "date = \"2015-12-29\"\nstart = \"14:00\"\nend = \"18:30\"\nunit = \"xihai\"",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 1 (station sessions): 西海村（xihai）, 2015-12-29: the station session is on a Tuesday 14:00–18:30, not in the window, Tuesday 15:00–18:30",
            "calendar rule 2 (one place at a time): 林上村（linshang）, 冯锦华（feng-jh）, 2015-12-08: is in a station session 15:00–18:30 and, at the same time, in a station session at 重点企业联系点（midea） 15:00–18:30",
            "calendar rule 1 (station sessions): 林上村（linshang）, 2015-12-08: a fortnightly unit holds a station session in a week off its turn",
            "plan figures: the plan states station_sessions = 28, but it is 29",
        ]
    );
}

#[test]
fn calendar_rule_3_make_ups_that_do_not_say_what_they_make_up_or_keep_other_hours() {
    let plan = edit(
        &text(DECEMBER_PLAN),
        "people = [\"he-jm\", \"chen-zq\"]\nmakes_up = \"2015-12-15\"",
        "people = [\"he-jm\", \"chen-zq\"]",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 3 (make-ups): 北滘社区（beijiao-sq）, 2015-12-19: the make-up session does not say which session it makes up (makes_up)",
            "calendar rule 3 (make-ups): 西海村（xihai）, 陈志强（chen-zq）, 2015-12-15: misses the station session (the meeting 区防汛紧急会议 14:30–17:30), but there is no make-up session for it nor a warning that it cannot be made up",
            "calendar rule 3 (make-ups): 北滘社区（beijiao-sq）, 何建明（he-jm）, 2015-12-15: misses the station session (the meeting 区防汛紧急会议 14:30–17:30), but there is no make-up session for it nor a warning that it cannot be made up",
        ]
    );
    let plan = edit(
        &text(DECEMBER_PLAN),
        "date = \"2015-12-26\"\nstart = \"15:00\"\nend = \"18:30\"",
        "date = \"2015-12-26\"\nstart = \"09:00\"\nend = \"12:00\"",
    );
    let plan = edit(
        &plan,
        "makes_up = \"2015-12-22\"",
        "makes_up = \"2015-12-23\"",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 3 (make-ups): 三洪奇村（sanhong）, 2015-12-26: makes up 2015-12-23, which is not a station date of the year",
            "calendar rule 3 (make-ups): 三洪奇村（sanhong）, 2015-12-26: the make-up is 09:00–12:00, not the station window 15:00–18:30",
            "calendar rule 3 (make-ups): 三洪奇村（sanhong）, 区志坚（ou-sec）, 2015-12-22: misses the station session (away: 探亲), but there is no make-up session for it nor a warning that it cannot be made up",
        ]
    );
}

#[test]
fn calendar_rule_4_a_joint_visit_in_a_hamlet_the_unit_does_not_have() {
    let plan = edit(
        &text(DECEMBER_PLAN),
        "people = [\"liang-wh\"]\nhamlet = \"一队\"",
        "people = [\"liang-wh\", \"lu-sec\"]\nhamlet = \"四队\"",
    );
    assert_eq!(
        december_lines(&plan),
        [
            "calendar rule 4 (household visits): 西海村（xihai）, 2015-12-02: '四队' is not a hamlet of this unit",
            "calendar rule 2 (one place at a time): 西海村（xihai）, 卢国荣（lu-sec）, 2015-12-02: is in a household visit 09:00–12:00 and, at the same time, in a household visit at 西海村（xihai） 09:00–12:00",
            "calendar rule 4 (household visits): 西海村（xihai）, 梁文辉（liang-wh）: household visits fall short (一队 0 of 10), and there is no household_visits_short warning",
        ]
    );
}

#[test]
fn calendar_rule_4_visits_crowded_into_one_month() {
    // Without the pilot's long holiday, 西海村's visits all in December are
    // more than twice the even share of one month (9 / 12, so 2).
    let roster_text = edit(
        &text(DECEMBER),
        "to = \"2015-11-30\"",
        "to = \"2015-01-03\"",
    );
    let roster = roster::load_str(&roster_text, "whole-year.toml").expect("a valid roster");
    assert_has(
        &check(&roster, &text(DECEMBER_PLAN)).1,
        "calendar rule 4 (household visits): 西海村（xihai）: 9 of the 9 visit sessions here fall in month 12, more than twice the even share (2)",
    );
}

#[test]
fn calendar_rule_4_a_replan_from_a_date_spreads_its_visits_over_the_months_left() {
    // The same December visits, in a plan replanned from a date: the share
    // is taken over the months from that date (a September replan has four
    // months for the unit's backlog, not twelve).
    let roster_text = edit(
        &text(DECEMBER),
        "to = \"2015-11-30\"",
        "to = \"2015-01-03\"",
    );
    let roster = roster::load_str(&roster_text, "whole-year.toml").expect("a valid roster");
    let plan = text(DECEMBER_PLAN);
    // The plan in force: the same sessions (so none before the date moved).
    let previous = format!("{plan}\n# the plan in force\n");
    let lines = |from: &str| {
        let from = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap();
        let report = zhudian::verify::check_files_from(&roster, &plan, Some(&previous), Some(from));
        report.lines(&roster, zhudian::wording::Lang::En)
    };
    let crowded = |l: &String| l.contains("more than twice the even share");
    // December alone: nine in one month is the even share.
    assert!(!lines("2015-12-01").iter().any(crowded));
    // From June, seven months: more than twice the share of three.
    assert_has(
        &lines("2015-06-01"),
        "calendar rule 4 (household visits): 西海村（xihai）: 9 of the 9 visit sessions here from month 6 fall in month 12, more than twice the even share (3)",
    );
    let zh = zhudian::verify::check_files_from(
        &roster,
        &plan,
        Some(&previous),
        chrono::NaiveDate::from_ymd_opt(2015, 6, 1),
    )
    .lines(&roster, zhudian::wording::Lang::Zh);
    assert!(
        zh.iter()
            .any(|l| l.ends_with("12 月安排了 9 次走访（6月起 9 次），超过平均份额的两倍（3 次）")),
        "{zh:#?}"
    );
}
