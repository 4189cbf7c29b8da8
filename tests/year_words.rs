//! The year as lived, in words: a shortfall in a calendar rebuilt from a
//! date says what its figures count (the units rebuilt, from the date), and
//! `validate --previous` on a leaver with no successor names the places the
//! plan in force gives them and what a replan does with them.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use chrono::NaiveDate;
use zhudian::plan::PlanFile;
use zhudian::wording::calendar::{CalendarSaid, Rebuilt, Remedy};
use zhudian::wording::{Lang, Say};

fn short(rebuilt: Option<Rebuilt>) -> CalendarSaid {
    CalendarSaid::Shortfall {
        unit: "和平村".into(),
        unit_id: "heping".into(),
        date: "2026-09-15".into(),
        present: 1,
        min_present: 2,
        township_present: false,
        unit_weeks: 408,
        member_weeks: 369,
        township_members: 9,
        rebuilt,
        remedy: Remedy::Team,
        made_up: Vec::new(),
        skills: Vec::new(),
    }
}

#[test]
fn a_shortfall_in_a_rebuilt_calendar_says_what_its_figures_count() {
    let rebuilt = Rebuilt {
        from: "2026-09-14".into(),
        units: 9,
    };
    let s = short(Some(rebuilt));
    let fix_zh = "该点的镇街成员当周在别处驻点或外出；为该团队再配一名部门负责人即可补上";
    assert_eq!(
        s.say(Lang::Zh),
        format!(
            "和平村 9月15日 驻点接待：没有镇街人员到场，只有1名协助人员，少于要求的2人；9月14日起，重新安排的9个村（社区）共需驻点接待408次，其团队中的镇街9名成员每人每周只能去一个点，最多能去369次；{fix_zh}"
        )
    );
    let en = s.say(Lang::En);
    assert!(
        en.starts_with("station session at 和平村 (heping) on Sep 15: no township member present, and too few people: 1 helper present, 2 required; from Sep 14, the 9 units rebuilt have 408 station sessions to staff, and the 9 township members of their teams, one place a week each, can attend at most 369; "),
        "{en}"
    );
    // A whole-year calendar keeps saying the year.
    let whole = short(None).say(Lang::Zh);
    assert!(
        whole.contains(
            "；全年共需驻点接待408次，镇街9名成员每人每周只能去一个点，全年最多能去369次；"
        ),
        "{whole}"
    );
    assert!(whole.ends_with(fix_zh), "{whole}");
}

#[test]
fn a_leaver_without_successor_word_for_word() {
    let d = NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    let led = vec!["南山村".to_string(), "龙潭村".to_string()];
    let on = vec!["黄泥塘村".to_string()];
    assert_eq!(
        zhudian::wording::year::leaver_replanned("吴国荣", d, &led, &on, Lang::Zh),
        "吴国荣于2026年9月14日离任，未指定接替者。上一版方案中吴国荣联系南山村、龙潭村，并是黄泥塘村团队的成员；用 zhudian replan 名册 --previous 现行方案 --from 2026-09-14 重新编排后，这些位置自2026年9月14日起交由其他人员，2026年9月14日之前的安排不变。"
    );
    assert_eq!(
        zhudian::wording::year::leaver_replanned("吴国荣", d, &led, &on, Lang::En),
        "吴国荣 leaves on 2026-09-14 with no successor. In the plan in force 吴国荣 leads 南山村, 龙潭村 and is on the team of 黄泥塘村. replan --from 2026-09-14 gives these places to others from 2026-09-14 on; everything before 2026-09-14 stays as planned."
    );
    assert_eq!(
        zhudian::wording::year::leaver_replanned("吴国荣", d, &led, &[], Lang::Zh),
        "吴国荣于2026年9月14日离任，未指定接替者。上一版方案中吴国荣联系南山村、龙潭村；用 zhudian replan 名册 --previous 现行方案 --from 2026-09-14 重新编排后，这些位置自2026年9月14日起交由其他人员，2026年9月14日之前的安排不变。"
    );
    // Without a plan in force: the keys in a planner's words, not the TOML's.
    let plain = zhudian::wording::year::leaver("吴国荣", d, &[], Lang::Zh);
    assert!(plain.contains("请先按不填离任日期的名册编排"), "{plain}");
    assert!(plain.contains("或为接任者填写“接替”。"), "{plain}");
    assert!(
        !plain.contains("leaves") && !plain.contains("succeeds"),
        "{plain}"
    );
}

#[test]
fn validate_previous_lists_the_leavers_places_in_the_plan_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let roster = "instances/gaozhou-rural.toml";
    let p0 = dir.path().join("p0.toml").display().to_string();
    assert_eq!(zhudian(&["plan", roster, "-o", &p0]).0, 0);
    let text = std::fs::read_to_string(roster).unwrap();
    let left = text.replace(
        "id = \"huang-mx\"\n",
        "id = \"huang-mx\"\nleaves = \"2015-09-01\"\n",
    );
    let rs = dir.path().join("september.toml").display().to_string();
    std::fs::write(&rs, left).unwrap();
    let plan = PlanFile::from_toml(&std::fs::read_to_string(&p0).unwrap()).unwrap();
    let r = zhudian::roster::load(std::path::Path::new(roster)).unwrap();
    let name = |u: &str| zhudian::wording::names::unit(&r, u, Lang::Zh);
    let led: Vec<String> = plan
        .assignment
        .iter()
        .filter(|a| a.leader == "huang-mx")
        .map(|a| name(&a.unit))
        .collect();
    let on: Vec<String> = plan
        .assignment
        .iter()
        .filter(|a| a.helpers.iter().any(|h| h == "huang-mx"))
        .map(|a| name(&a.unit))
        .collect();
    assert!(!led.is_empty());
    let d = NaiveDate::from_ymd_opt(2015, 9, 1).unwrap();
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", &rs, "--previous", &p0]);
    assert_eq!(c, 0, "{out}{err}");
    let want = zhudian::wording::year::leaver_replanned("黄满雪", d, &led, &on, Lang::Zh);
    assert!(out.contains(&format!("  {want}\n")), "{out}");
    assert!(!out.contains("之前也不在"), "{out}");
    // Without --previous, the year's advice as before.
    let (c, out, _) = zhudian(&["--lang", "zh", "validate", &rs]);
    assert_eq!(c, 0);
    assert!(
        out.contains("黄满雪今年不在任何团队中（2015年9月1日之前也不在）"),
        "{out}"
    );
}

#[test]
fn a_meeting_in_a_replanned_plan_lists_everyone_it_takes() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("instances/gaozhou-rural.toml").unwrap()
        + "\n[[meeting]]\ntitle = \"月度工作例会\"\nattendees = [\"all-cadres\"]\ndate = \"2015-09-08\"\nstart = \"14:30\"\nend = \"17:00\"\n";
    let r0 = dir.path().join("r0.toml");
    std::fs::write(&r0, &text).unwrap();
    // 黄满雪 hands over to 何丽莎 on 2015-09-01: her units are rebuilt.
    let a = text.find("[[cadre]]\nid = \"huang-mx\"").unwrap();
    let b = a + 9 + text[a + 9..].find("\n[[").unwrap() + 1;
    let block = &text[a..b];
    let successor = block
        .replace("id = \"huang-mx\"", "id = \"he-ls\"")
        .replace(
            "name = \"黄满雪\"",
            "name = \"何丽莎\"\nsucceeds = \"huang-mx\"",
        );
    let leaving = block.replace(
        "id = \"huang-mx\"\n",
        "id = \"huang-mx\"\nleaves = \"2015-09-01\"\n",
    );
    let r1 = dir.path().join("r1.toml");
    std::fs::write(
        &r1,
        text[..a].to_string() + &leaving + &successor + &text[b..],
    )
    .unwrap();
    let (p0, p1) = (dir.path().join("p0.toml"), dir.path().join("p1.toml"));
    let s = |p: &std::path::Path| p.display().to_string();
    assert_eq!(zhudian(&["plan", &s(&r0), "-o", &s(&p0)]).0, 0);
    let (c, o, e) = zhudian(&[
        "replan",
        &s(&r1),
        "--previous",
        &s(&p0),
        "--from",
        "2015-09-01",
        "-o",
        &s(&p1),
    ]);
    assert_eq!(c, 0, "{o}{e}");
    let roster = zhudian::roster::load(&r1).unwrap();
    let m = roster
        .meetings
        .iter()
        .find(|m| m.title == "月度工作例会")
        .unwrap();
    let attendees = roster.attendee_ids(m);
    let plan = PlanFile::from_toml(&std::fs::read_to_string(&p1).unwrap()).unwrap();
    let day = "2015-09-08";
    // Everyone invited whose unit holds a station session that day.
    let mut want: Vec<String> = plan
        .assignment
        .iter()
        .filter(|a| {
            plan.session
                .iter()
                .any(|x| x.kind == "station" && x.date == day && x.unit == a.unit)
        })
        .flat_map(|a| {
            std::iter::once(&a.leader)
                .chain(&a.helpers)
                .chain(&a.assist)
                .cloned()
        })
        .filter(|p| attendees.contains(p))
        .collect();
    want.sort();
    want.dedup();
    let w = plan
        .warning
        .iter()
        .find(|w| w.kind == "meeting_in_window" && w.date.as_deref() == Some(day))
        .unwrap();
    let mut got = w.people.clone();
    got.sort();
    assert_eq!(got, want);
    // More than the rebuilt units' people: 何丽莎's units are two or three.
    assert!(got.len() > 5, "{got:?}");
    assert!(got.iter().any(|p| p == "he-ls"), "{got:?}");
}
