//! English says "1 session", not "1 sessions": each count a planner reads
//! takes the singular for one, word for word; Chinese is unchanged.

use zhudian::plan::Metrics;
use zhudian::wording::calendar::{CommandSaid, figures};
use zhudian::wording::city::CityRunSaid;
use zhudian::wording::city_summary::people_written;
use zhudian::wording::documents::FilesSaid;
use zhudian::wording::report::{city_overview, shortfall_line, unit_tip};
use zhudian::wording::{Lang, Say, count, counted};

#[test]
fn a_count_takes_the_singular_for_one_only() {
    assert_eq!(counted(1, "session", "sessions"), "1 session");
    assert_eq!(counted(0, "session", "sessions"), "0 sessions");
    assert_eq!(counted(2, "person", "people"), "2 people");
    assert_eq!(count(1u32, "household", "households"), "1 household");
    assert_eq!(count(11u64, "household", "households"), "11 households");
}

#[test]
fn the_calendar_commands_lines_for_one() {
    let t = CommandSaid::Totals {
        station: 1,
        makeup: 1,
        visits: 1,
        shortfall: 1,
        warnings: 1,
    };
    assert_eq!(
        t.say(Lang::En),
        "1 station session, 1 make-up, 1 household visit session; 1 session without a township member; 1 warning"
    );
    assert_eq!(
        t.say(Lang::Zh),
        "驻点接待 1 次，补接待 1 次，入户走访 1 次；缺少镇级人员的接待 1 次；提醒 1 条"
    );
    let t = CommandSaid::Totals {
        station: 2,
        makeup: 0,
        visits: 3,
        shortfall: 0,
        warnings: 2,
    };
    assert_eq!(
        t.say(Lang::En),
        "2 station sessions, 0 make-ups, 3 household visit sessions; 0 sessions without a township member; 2 warnings"
    );
    let w = CommandSaid::WroteIcs {
        dir: "ics".into(),
        files: 1,
        events: 1,
    };
    assert_eq!(
        w.say(Lang::En),
        "wrote 1 calendar file (1 event, one per person and session) to ics"
    );
    let c = CommandSaid::CancelledIcs { cancelled: 1 };
    assert_eq!(
        c.say(Lang::En),
        "1 event of earlier plans is cancelled in them (every event dropped by a replan since the year's first plan), one per person taken off a session (a phone that re-imports a file removes them)"
    );
    let c = CommandSaid::CancelledIcs { cancelled: 542 };
    assert_eq!(
        c.say(Lang::Zh),
        "其中 542 条此前方案的手机日程已标为取消（本年度历次调整所取消的全部日程），每名不再参加该场活动的人员一条（手机重新导入文件后会删去）"
    );
    let r = CommandSaid::WroteCsv {
        path: "s.csv".into(),
        rows: 1,
    };
    assert_eq!(r.say(Lang::En), "wrote s.csv (1 session)");
    let m = Metrics {
        station_sessions: 1,
        makeup_sessions: 1,
        household_visit_sessions: 1,
        shortfall_sessions: 1,
        warnings: 1,
        ..Metrics::default()
    };
    assert_eq!(
        figures(&m, Lang::En),
        "  calendar: 1 station session, 1 make-up, 1 household visit session; 1 session without a township member, 1 warning in the plan file"
    );
    // The plan's line counts visits and short sessions as the calendar's
    // does: 入户走访 N 次, 缺少镇级人员的接待 N 次.
    assert_eq!(
        figures(&m, Lang::Zh),
        "  日程：驻点接待 1 次，补接待 1 次，入户走访 1 次；缺少镇级人员的接待 1 次；方案文件中有 1 条提醒"
    );
    let c = CommandSaid::TownshipCancelled {
        previous: "old/a.toml".into(),
        cancelled: 1,
    };
    assert_eq!(
        c.say(Lang::En),
        "1 event of the plan in force (old/a.toml) written cancelled"
    );
    let c = CommandSaid::CityCancelled {
        city: "示例县".into(),
        cancelled: 1,
        townships: 1,
        missing: 1,
    };
    assert_eq!(
        c.say(Lang::En),
        "1 event of the plans in force written cancelled in all, across 1 township (a phone that re-imports a file removes them); 1 township had no previous plan"
    );
    assert_eq!(
        c.say(Lang::Zh),
        "示例县共 1 条原方案的手机日程已标为取消，涉及 1 个镇街（手机重新导入文件后会删去）；1 个镇街没有原方案"
    );
}

#[test]
fn the_files_reports_and_city_lines_for_one() {
    let c = FilesSaid::Converted {
        from: "a.toml".into(),
        to: "b.xlsx".into(),
        units: 1,
        cadres: 1,
        helpers: 1,
    };
    assert_eq!(
        c.say(Lang::En),
        "a.toml → b.xlsx: 1 unit, 1 cadre, 1 helper"
    );
    let d = FilesSaid::WroteDocuments {
        path: "d.xlsx".into(),
        township: "北滘镇".into(),
        units: 1,
        sessions: 1,
    };
    assert_eq!(
        d.say(Lang::En),
        "wrote d.xlsx: 北滘镇, 1 unit's teams and timetables, 1 session"
    );
    let s = FilesSaid::WroteCity {
        path: "c.xlsx".into(),
        townships: 1,
        title: zhudian::wording::documents::city_book_title("", Lang::En),
    };
    assert_eq!(
        s.say(Lang::En),
        "wrote c.xlsx: the city summary of 1 township"
    );
    assert_eq!(people_written(1, 1, "p.csv", Lang::En), "1 person: p.csv");
    assert_eq!(people_written(2, 2, "p.csv", Lang::En), "2 people: p.csv");
    assert_eq!(
        shortfall_line("西海村", 1, &["2015-03-10".into()], Lang::En),
        "西海村: 1 session (2015-03-10)"
    );
    assert_eq!(
        city_overview(1, 1, 1, Lang::En),
        "1 township, 1 leader, 1 unit. Click a township for its own page."
    );
    assert_eq!(
        unit_tip("西海村", "village", 1, "张三", Lang::En),
        "西海村 (village, 1 household): 张三"
    );
    let r = CityRunSaid::Replanned {
        changes: 1,
        cost: 2.0,
        shortfalls: 1,
    };
    assert!(
        r.say(Lang::En)
            .starts_with("replanned: 1 change of leader or helper, cost "),
        "{}",
        r.say(Lang::En)
    );
    assert!(
        r.say(Lang::En)
            .ends_with(", 1 session without a township member"),
        "{}",
        r.say(Lang::En)
    );
}
