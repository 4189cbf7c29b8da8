//! What a planner reads about sessions an emergency meeting emptied (a
//! Chinese planner's trial): the warning names the meeting as the cause and
//! offers no hiring when it called every township member, says the day each was made up, and a make-up held by
//! fewer than `min_present` people warns as a short session does.

mod common;

use common::rules::{checker, violations};
use zhudian::calendar::{build, simple::simple_plan};
use zhudian::model::Roster;
use zhudian::plan::{Assignment, PlanFile, Warning};
use zhudian::roster;
use zhudian::wording::Lang;
use zhudian::wording::calendar::{CalendarSaid, Remedy};
use zhudian::wording::warnings::WarningSaid;

/// 2015, a Tuesday 15:00–18:30 window, two villages led by 张一 in turn,
/// each with its own party secretary; 防汛紧急会议 on Tue 03-10 calls all
/// three away during the window.
fn roster() -> Roster {
    let mut t = String::from(
        r#"
[township]
name = "测试镇"
office = "hall"
year = 2015
official_holidays = false

[station]
weekday = "Tue"
start = "15:00"
end = "18:30"

[policy]
units_per_leader = [2, 2]
team = [{ roles = ["party_secretary"], from_unit = true }]

[[cadre]]
id = "c1"
name = "张一"

[[meeting]]
title = "防汛紧急会议"
attendees = ["c1", "sa", "sb"]
date = "2015-03-10"
start = "14:30"
end = "17:30"
emergency = true
"#,
    );
    for (u, name, s, sname) in [("a", "甲村", "sa", "李甲"), ("b", "乙村", "sb", "王乙")] {
        t += &format!(
            "\n[[unit]]\nid = \"{u}\"\nname = \"{name}\"\nhouseholds = 30\ncadence = \"weekly\"\n\
             \n[[helper]]\nid = \"{s}\"\nname = \"{sname}\"\nrole = \"party_secretary\"\nunit = \"{u}\"\n\
             \n[[road]]\nfrom = \"hall\"\nto = \"{u}\"\nminutes = 10\n"
        );
    }
    roster::load_str(&t, "test.toml").unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
}

fn built(r: &Roster) -> PlanFile {
    let mut p = simple_plan(r);
    p.assignment = [("a", "sa"), ("b", "sb")]
        .iter()
        .map(|(u, s)| Assignment {
            unit: u.to_string(),
            leader: "c1".into(),
            helpers: vec![s.to_string()],
            assist: Vec::new(),
        })
        .collect();
    build(r, &mut p);
    p
}

fn shortfalls<'a>(p: &'a PlanFile, date: &str) -> Vec<&'a Warning> {
    p.warning
        .iter()
        .filter(|w| w.kind == "shortfall" && w.date.as_deref() == Some(date))
        .collect()
}

#[test]
fn an_emptied_session_names_the_emergency_its_make_up_and_a_short_make_up() {
    let r = roster();
    Lang::set_current(Lang::Zh);
    let p = built(&r);
    let v = violations(&r, &p);
    assert!(v.is_empty(), "{}", v.join("\n"));
    let v = checker(&r, &p);
    assert!(v.is_empty(), "{}", v.join("\n"));

    // Both sessions of 03-10 are empty; both were made up on Sat 03-14.
    let short = shortfalls(&p, "2015-03-10");
    assert_eq!(short.len(), 2);
    for w in &short {
        let Some(WarningSaid::Calendar(CalendarSaid::Shortfall {
            remedy, made_up, ..
        })) = &w.said
        else {
            panic!("{w:?}")
        };
        assert_eq!(
            remedy,
            &Remedy::Emergency {
                title: "防汛紧急会议".into(),
                everyone: true,
            }
        );
        assert_eq!(made_up, &["2015-03-14".to_string()]);
    }
    let a = short
        .iter()
        .find(|w| w.unit.as_deref() == Some("a"))
        .unwrap();
    assert_eq!(
        a.message,
        "甲村 3月10日 驻点接待：无人到场（要求2人）；全年共需驻点接待104次，镇街1名成员每人每周只能去一个点，全年最多能去51次；紧急会议“防汛紧急会议”调走了该团队的镇街成员；全体镇街成员均须参会，加派人员也无法到场；补接待：3月14日"
    );
    let said = a.said.as_ref().unwrap();
    assert_eq!(
        zhudian::wording::Say::say(said, Lang::En),
        "station session at 甲村 (a) on Mar 10: nobody present (2 required); the year has 104 station sessions to staff, and the township's 1 member, one place a week each, can attend at most 51; the emergency meeting '防汛紧急会议' took the team's township members; it called every township member, so no one added to the team would have come; made up on Mar 14"
    );

    // 张一's turn that day was at one village; the other's make-up holds
    // only its secretary: one person, two required.
    let makeups: Vec<(&str, &[String])> = p
        .session
        .iter()
        .filter(|s| s.kind == "makeup")
        .map(|s| (s.unit.as_str(), s.people.as_slice()))
        .collect();
    assert_eq!(makeups.len(), 2, "{makeups:?}");
    let short = shortfalls(&p, "2015-03-14");
    assert_eq!(short.len(), 1, "{short:?}");
    assert_eq!(short[0].people.len(), 1);
    let one = makeups
        .iter()
        .find(|(_, people)| people.len() == 1)
        .unwrap();
    assert_eq!(short[0].unit.as_deref(), Some(one.0));
    assert_eq!(
        short[0].message,
        "甲村 3月14日 补接待（补3月10日的驻点接待）：没有镇街人员到场，只有1名协助人员，少于要求的2人；到场的只有李甲；补接待只安排缺席者和当天有空的本村（社区）人员"
    );
    assert_eq!(
        zhudian::wording::Say::say(short[0].said.as_ref().unwrap(), Lang::En),
        "make-up session at 甲村 (a) on Mar 14 for Mar 10: no township member present, and too few people: 1 helper present, 2 required; only 李甲 came; a make-up holds only those who missed the session and the unit's own people free that day"
    );
}
