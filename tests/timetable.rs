//! The fixed rotation's posted timetable (docs/calendar.md, rule 2) and its
//! make-ups (rule 3), checked by `check`: the example township's calendar is
//! valid; each hand-broken copy is named word for word, in both languages.

use zhudian::model::Roster;
use zhudian::plan::{PlanFile, Session, Substitute};
use zhudian::roster;
use zhudian::verify::check_files;
use zhudian::wording::Lang;

fn example() -> (Roster, PlanFile) {
    let f = "instances/beijiao-example.toml";
    let r = roster::load(std::path::Path::new(f)).unwrap();
    let p = zhudian::planner::plan(&r, f, &Default::default(), &Default::default())
        .expect("the example plans")
        .file;
    (r, p)
}

/// Every violation but the cost's, in one language.
fn lines(r: &Roster, p: &PlanFile, lang: Lang) -> Vec<String> {
    let report = check_files(r, &p.to_toml(), None);
    assert!(report.unreadable.is_none(), "{:?}", report.unreadable);
    report.lines(r, lang)
}

fn timetable<'a>(p: &'a mut PlanFile, unit: &str) -> &'a mut zhudian::plan::Timetable {
    p.timetable.iter_mut().find(|t| t.unit == unit).unwrap()
}

fn station<'a>(p: &'a mut PlanFile, unit: &str, date: &str) -> &'a mut Session {
    p.session
        .iter_mut()
        .find(|s| s.kind == "station" && s.unit == unit && s.date == date)
        .unwrap()
}

/// Each line, word for word, among the plan's violations in its language.
fn says(r: &Roster, p: &PlanFile, en: &[&str], zh: &[&str]) {
    for (lang, want) in [(Lang::En, en), (Lang::Zh, zh)] {
        let got = lines(r, p, lang);
        for w in want {
            assert!(got.iter().any(|g| g == w), "missing {w:?} in {got:#?}");
        }
    }
}

#[test]
fn the_example_posts_a_timetable_that_check_accepts() {
    let (r, p) = example();
    assert_eq!(p.timetable.len(), r.units.len());
    assert!(lines(&r, &p, Lang::En).is_empty());
    // Substitutes stand in only where the leader is blocked, and are named.
    assert!(p.timetable.iter().any(|t| !t.substitute.is_empty()));
}

#[test]
fn the_leader_absent_on_their_listed_date() {
    let (r, mut p) = example();
    station(&mut p, "xihai", "2015-01-06")
        .people
        .retain(|x| x != "liang-wh");
    says(
        &r,
        &p,
        &[
            "calendar rule 2 (timetable): 西海村（xihai）, 梁文辉（liang-wh）, 2015-01-06: the timetable says the leader sits here on this date, but the station session does not include them",
        ],
        &[
            "日历规则 2（驻点时间公示表）：西海村，梁文辉，2015年1月6日：时间表列明领导该日在本村（社区）驻点，但当天的驻点接待没有该领导",
        ],
    );
}

#[test]
fn a_turn_left_off_the_timetable() {
    let (r, mut p) = example();
    timetable(&mut p, "xihai")
        .leader_dates
        .retain(|d| d != "2015-01-20");
    assert_eq!(
        lines(&r, &p, Lang::En),
        [
            "calendar rule 2 (timetable): 西海村（xihai）, 梁文辉（liang-wh）, 2015-01-20: the leader's turn here on this date is listed neither as the leader's nor with a substitute"
        ]
    );
    assert_eq!(
        lines(&r, &p, Lang::Zh),
        [
            "日历规则 2（驻点时间公示表）：西海村，梁文辉，2015年1月20日：该日轮到领导在本村（社区）驻点，但时间表既未列领导到场，也未列代班人员"
        ]
    );
}

#[test]
fn a_date_off_the_cycle_and_a_needless_absent_substitute() {
    let (r, mut p) = example();
    let t = timetable(&mut p, "xihai");
    t.leader_dates.retain(|d| d != "2015-01-20");
    t.leader_dates.push("2015-01-13".into());
    t.substitute.push(Substitute {
        date: "2015-01-20".into(),
        person: Some("chen-zq".into()),
    });
    assert_eq!(
        lines(&r, &p, Lang::En),
        [
            "calendar rule 2 (timetable): 西海村（xihai）, 梁文辉（liang-wh）, 2015-01-13: the timetable lists this date, but it is not the leader's turn here",
            "calendar rule 2 (timetable): 西海村（xihai）, 梁文辉（liang-wh）, 2015-01-20: the timetable names a substitute on this date, but the leader was free",
            "calendar rule 2 (timetable): 西海村（xihai）, 梁文辉（liang-wh）, 2015-01-20: the substitute 陈志强（chen-zq） is not in that day's station session",
        ]
    );
    assert_eq!(
        lines(&r, &p, Lang::Zh),
        [
            "日历规则 2（驻点时间公示表）：西海村，梁文辉，2015年1月13日：时间表列出了该日，但该日没有轮到领导在本村（社区）驻点",
            "日历规则 2（驻点时间公示表）：西海村，梁文辉，2015年1月20日：领导当天没有冲突，时间表却安排了代班",
            "日历规则 2（驻点时间公示表）：西海村，梁文辉，2015年1月20日：代班人员陈志强（chen-zq）不在当天的驻点接待中",
        ]
    );
}

#[test]
fn a_substitute_not_at_the_session() {
    let (r, mut p) = example();
    station(&mut p, "jiaoxi-park", "2015-03-03")
        .people
        .retain(|x| x != "wu-lf");
    says(
        &r,
        &p,
        &[
            "calendar rule 2 (timetable): 工业园外来工社区（jiaoxi-park）, 劳广行（lao-gx）, 2015-03-03: the substitute 吴丽芬（wu-lf） is not in that day's station session",
        ],
        &[
            "日历规则 2（驻点时间公示表）：工业园外来工社区，劳广行，2015年3月3日：代班人员吴丽芬（wu-lf）不在当天的驻点接待中",
        ],
    );
}

#[test]
fn a_wrong_cycle_a_shared_offset_a_wrong_leader_and_a_missing_timetable() {
    let (r, good) = example();
    let mut p = good.clone();
    timetable(&mut p, "xihai").cycle = 3;
    assert_eq!(
        lines(&r, &p, Lang::En),
        [
            "calendar rule 2 (timetable): 西海村（xihai）, 梁文辉（liang-wh）, 2015-01-06: the timetable's cycle is 3 station weeks, but the leader has 2 units"
        ]
    );
    assert_eq!(
        lines(&r, &p, Lang::Zh),
        [
            "日历规则 2（驻点时间公示表）：西海村，梁文辉，2015年1月6日：时间表的轮流周期为 3 个驻点周，但该领导联系 2 个村（社区）"
        ]
    );
    let mut p = good.clone();
    timetable(&mut p, "sanhong").offset = 0;
    assert_eq!(
        lines(&r, &p, Lang::En),
        [
            "calendar rule 2 (timetable): 三洪奇村（sanhong）, 梁文辉（liang-wh）, 2015-01-06: the timetable's offset 0 is also that of 西海村（xihai）: the leader cannot be at both"
        ]
    );
    assert_eq!(
        lines(&r, &p, Lang::Zh),
        [
            "日历规则 2（驻点时间公示表）：三洪奇村，梁文辉，2015年1月6日：时间表的起始驻点周 0 与西海村（xihai）相同，领导不能同时在两处"
        ]
    );
    let mut p = good.clone();
    p.timetable.retain(|t| t.unit != "xihai");
    timetable(&mut p, "sanhong").leader = "he-jm".into();
    assert_eq!(
        lines(&r, &p, Lang::En),
        [
            "calendar rule 2 (timetable): 西海村（xihai）, 2015-01-06: the rotation is fixed, but the plan posts no timetable for this unit",
            "calendar rule 2 (timetable): 三洪奇村（sanhong）, 梁文辉（liang-wh）, 2015-01-06: the timetable names 何建明（he-jm） as leader, not the unit's leader",
        ]
    );
    assert_eq!(
        lines(&r, &p, Lang::Zh),
        [
            "日历规则 2（驻点时间公示表）：西海村，2015年1月6日：轮流方式为固定轮流，但方案没有公示该村（社区）的驻点时间表",
            "日历规则 2（驻点时间公示表）：三洪奇村，梁文辉，2015年1月6日：时间表所列领导何建明（he-jm）不是该村（社区）的驻点领导",
        ]
    );
}

#[test]
fn a_make_up_for_a_staffed_session_without_the_units_own_people() {
    let (r, mut p) = example();
    p.session.push(Session {
        date: "2015-01-10".into(),
        start: "15:00".into(),
        end: "18:30".into(),
        unit: "xihai".into(),
        kind: "makeup".into(),
        people: vec!["liang-wh".into()],
        hamlet: None,
        households: None,
        makes_up: Some("2015-01-06".into()),
    });
    p.plan.metrics.makeup_sessions += 1;
    says(
        &r,
        &p,
        &[
            "calendar rule 3 (make-ups): 西海村（xihai）, 2015-01-10: none of the unit's own people is at the make-up",
            "calendar rule 3 (make-ups): 西海村（xihai）, 2015-01-10: the station session of 2015-01-06 here had a township member, so needs no make-up",
        ],
        &[
            "日历规则 3（补接待）：西海村，2015年1月10日：补接待没有本村（社区）的人员参加",
            "日历规则 3（补接待）：西海村，2015年1月10日：2015年1月6日 的驻点接待已有镇街人员到场，无需补接待",
        ],
    );
}

#[test]
fn a_make_up_later_than_makeup_within_days() {
    let (r, mut p) = example();
    p.session.push(Session {
        date: "2015-02-07".into(),
        start: "15:00".into(),
        end: "18:30".into(),
        unit: "xihai".into(),
        kind: "makeup".into(),
        people: vec!["lu-sec".into()],
        hamlet: None,
        households: None,
        makes_up: Some("2015-01-06".into()),
    });
    p.plan.metrics.makeup_sessions += 1;
    says(
        &r,
        &p,
        &[
            "calendar rule 3 (make-ups): 西海村（xihai）, 2015-02-07: the make-up is 32 days after the missed session of 2015-01-06; it must be within 21 days",
        ],
        &[
            "日历规则 3（补接待）：西海村，2015年2月7日：补接待距所补的 2015年1月6日 已有 32 天，应在 21 天之内",
        ],
    );
}

#[path = "common/cli.rs"]
mod cli;

#[test]
fn validate_warns_of_a_meeting_in_the_window_and_exits_0() {
    let mut text = std::fs::read_to_string("instances/beijiao-example.toml").unwrap();
    text.push_str("\n[[meeting]]\ntitle = \"全镇干部大会\"\nattendees = [\"all-cadres\"]\ndate = \"2015-04-07\"\nstart = \"14:30\"\nend = \"17:00\"\nrepeat = \"monthly\"\nuntil = \"2015-06-30\"\n");
    let dir = std::env::temp_dir().join(format!("zhudian-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("roster.toml");
    std::fs::write(&path, text).unwrap();
    let (code, out, _) = cli::zhudian(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    // 04-07 is a Tuesday; 05-07 and 06-07 are not.
    assert!(out.ends_with("warning: meeting '全镇干部大会' (14:30–17:00) falls in the station window (Tue 15:00–18:30) on 1 date: Apr 7; move it out of the window, or mark it emergency = true if it is one\n"), "{out}");
    let (code, out, _) = cli::zhudian(&["--lang", "zh", "validate", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.ends_with("提醒：会议“全镇干部大会”（14:30–17:00）占用驻点时间（周二 15:00–18:30），共 1 次：4月7日；请移出驻点时间，确属急难险重情况的请标为紧急会议\n"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_make_up_for_a_session_the_unit_never_held() {
    // 林上村 is fortnightly, on even station weeks: 2015-01-13 is not one.
    let (r, mut p) = example();
    assert!(
        !p.session
            .iter()
            .any(|s| s.kind == "station" && s.unit == "linshang" && s.date == "2015-01-13")
    );
    p.session.push(Session {
        date: "2015-01-17".into(),
        start: "15:00".into(),
        end: "18:30".into(),
        unit: "linshang".into(),
        kind: "makeup".into(),
        people: vec!["huang-sec".into()],
        hamlet: None,
        households: None,
        makes_up: Some("2015-01-13".into()),
    });
    p.plan.metrics.makeup_sessions += 1;
    says(
        &r,
        &p,
        &[
            "calendar rule 3 (make-ups): 林上村（linshang）, 2015-01-17: the unit held no station session on 2015-01-13 to make up",
        ],
        &[
            "日历规则 3（补接待）：林上村，2015年1月17日：该村（社区） 2015年1月13日 没有驻点接待，无可补接待",
        ],
    );
}
