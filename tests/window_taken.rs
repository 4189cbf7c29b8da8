//! A leader kept from every station session of some months by a meeting in
//! the window is named in the plan's and replan's summary, with why and
//! what would let them come (a trial: 林晓阳 succeeded 彭坚丽 in July,
//! inherited her weekly Tuesday meeting, since meetings take whoever holds
//! the place that day, and had no session from then while nothing said so);
//! and, as a `window_taken` warning, in `warnings`, the report and the
//! workbook's 提醒 (a later trial found it in the terminal only).

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{GAOZHOU, JULY, july_succession, plan, read_plan, replan_in, tmp};

/// The July succession, 彭坚丽 on a weekly meeting in the window from June.
fn with_meeting(dir: &std::path::Path) -> String {
    let roster = july_succession(dir);
    let text = std::fs::read_to_string(&roster).unwrap()
        + "\n[[meeting]]\ntitle = \"县人大常委会例会\"\nattendees = [\"peng-jl\"]\ndate = \"2015-06-02\"\nstart = \"15:00\"\nend = \"17:30\"\nrepeat = \"weekly\"\n";
    std::fs::write(&roster, text).unwrap();
    roster
}

const LIN_ZH: &str = "林晓阳自2015年7月1日接任起没有一次驻点接待：会议“县人大常委会例会”每个驻点日都占用驻点时间（周二 15:00–18:30），而林晓阳要参会（会议由当天在任的人参加）；把会议移出驻点时间，或改由别人参会，林晓阳才能到联系的村（社区）驻点；或把其联系的村（社区）交给其他驻点领导";
const PENG_ZH: &str = "彭坚丽6月没有一次驻点接待：会议“县人大常委会例会”每个驻点日都占用驻点时间（周二 15:00–18:30），而彭坚丽要参会（会议由当天在任的人参加）；把会议移出驻点时间，或改由别人参会，彭坚丽才能到联系的村（社区）驻点；或把其联系的村（社区）交给其他驻点领导";

#[test]
fn the_plan_names_a_successor_whose_inherited_meeting_takes_every_session() {
    let dir = tempfile::tempdir().unwrap();
    let roster = with_meeting(dir.path());
    let out = tmp(dir.path(), "plan.toml");
    let (c, o, e) = zhudian(&["--lang", "zh", "plan", &roster, "-o", &out]);
    assert_eq!(c, 0, "{o}{e}");
    // In the warnings digest, the predecessor's month before the successor's.
    let peng = o.find(&format!("\n    - {PENG_ZH}\n")).expect(&o);
    let lin = o.find(&format!("\n    - {LIN_ZH}\n")).expect(&o);
    assert!(peng < lin, "{o}");
    assert!(o.contains("\n  因会议没有一次驻点接待的领导：2条\n"), "{o}");
    // The plan bears it out: neither sits a station session in those months.
    let p = read_plan(&out);
    let station = |who: &str, from: &str, to: &str| {
        p.session
            .iter()
            .filter(|s| s.kind == "station" && s.people.iter().any(|x| x == who))
            .filter(|s| s.date.as_str() >= from && s.date.as_str() < to)
            .count()
    };
    assert_eq!(station("peng-jl", "2015-06-01", "2015-07-01"), 0);
    assert_eq!(station("lin-xy", "2015-07-01", "2016-01-01"), 0);
    assert!(station("peng-jl", "2015-01-01", "2015-06-01") > 0);
    let (c, o, e) = zhudian(&["plan", &roster, "-o", &out]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(
        o.lines().any(|l| l
            == "    - ".to_string() + "林晓阳 has no station session since taking over on 2015-07-01: the meeting '县人大常委会例会' takes the station window (Tue 15:00–18:30) every station day, 林晓阳 being on it (meetings take whoever holds the place that day); move it out of the window or have someone else attend, so that 林晓阳 can be at the units; or give 林晓阳's units to other leaders"),
        "{o}"
    );
    assert!(
        o.lines().any(|l| l
            == "    - ".to_string() + "彭坚丽 has no station session in June: the meeting '县人大常委会例会' takes the station window (Tue 15:00–18:30) every station day, 彭坚丽 being on it (meetings take whoever holds the place that day); move it out of the window or have someone else attend, so that 彭坚丽 can be at the units; or give 彭坚丽's units to other leaders"),
        "{o}"
    );
    // Without the meeting, no one is named.
    let (c, o, e) = zhudian(&[
        "--lang",
        "zh",
        "plan",
        &july_succession(dir.path()),
        "-o",
        &out,
    ]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(!o.contains("没有一次驻点接待"), "{o}");
}

#[test]
fn a_replan_from_the_handover_names_the_successor_too() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = plan(GAOZHOU, dir.path(), "p0.toml");
    let roster = with_meeting(dir.path());
    let (_, o, _) = replan_in(Some("zh"), &roster, &p0, JULY, dir.path(), "p1.toml");
    assert!(o.contains(&format!("\n    - {LIN_ZH}\n")), "{o}");
    // June was planned before the meeting and is kept: she sat her sessions.
    assert!(!o.contains("彭坚丽6月"), "{o}");
}

#[test]
fn warnings_the_report_and_the_workbook_name_them_too() {
    let dir = tempfile::tempdir().unwrap();
    let roster = with_meeting(dir.path());
    let out = tmp(dir.path(), "plan.toml");
    let (c, o, e) = zhudian(&["--lang", "zh", "plan", &roster, "-o", &out]);
    assert_eq!(c, 0, "{o}{e}");
    // `warnings`, table and CSV, by the kind's Chinese name.
    let (c, o, e) = zhudian(&["--lang", "zh", "warnings", &out, "--kind", "没有驻点接待"]);
    assert_eq!(c, 0, "{o}{e}");
    let rows: Vec<&str> = o.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{o}");
    assert!(rows[0].starts_with("因会议没有一次驻点接待的领导"), "{o}");
    assert!(rows[0].ends_with(&format!("彭坚丽  {PENG_ZH}")), "{o}");
    assert!(rows[1].ends_with(&format!("林晓阳  {LIN_ZH}")), "{o}");
    let (c, o, e) = zhudian(&["--lang", "zh", "warnings", &out, "--format", "csv"]);
    assert_eq!(c, 0, "{o}{e}");
    let csv: Vec<&str> = o.lines().collect();
    assert!(
        csv.contains(&format!("因会议没有一次驻点接待的领导,,,彭坚丽,{PENG_ZH}").as_str()),
        "{o}"
    );
    assert!(
        csv.contains(&format!("因会议没有一次驻点接待的领导,,,林晓阳,{LIN_ZH}").as_str()),
        "{o}"
    );
    // The plan keeps the fact: an English run says it in English.
    let (c, o, e) = zhudian(&["warnings", &out, "--kind", "window_taken"]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(
        o.contains("林晓阳 has no station session since taking over on 2015-07-01: the meeting '县人大常委会例会' takes the station window (Tue 15:00–18:30) every station day, 林晓阳 being on it (meetings take whoever holds the place that day); move it out of the window or have someone else attend, so that 林晓阳 can be at the units; or give 林晓阳's units to other leaders"),
        "{o}"
    );
    // The report: a section of its own, first among the warnings.
    let html = tmp(dir.path(), "report.html");
    let (c, o, e) = zhudian(&["--lang", "zh", "report", &roster, &out, "-o", &html]);
    assert_eq!(c, 0, "{o}{e}");
    let page = std::fs::read_to_string(&html).unwrap();
    let head = page
        .find("<h3>因会议没有一次驻点接待的领导：2 处</h3>")
        .expect("the report's heading");
    assert!(
        page[head..].contains("<p class=\"fix\">把会议移出驻点时间，或改由别人参会；或把其联系的村（社区）交给其他驻点领导。</p>"),
        "{page}"
    );
    assert!(
        page[head..].contains(&format!("<li>{PENG_ZH}</li>")),
        "{page}"
    );
    assert!(
        page[head..].contains(&format!("<li>{LIN_ZH}</li>")),
        "{page}"
    );
    assert!(head < page.find("<h3>驻点接待人手不足").unwrap_or(usize::MAX));
    // The workbook's 提醒 sheet.
    let xlsx = tmp(dir.path(), "docs.xlsx");
    let (c, o, e) = zhudian(&["--lang", "zh", "export", &out, "--xlsx", &xlsx]);
    assert_eq!(c, 0, "{o}{e}");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let rows = year_fixtures::sheet_rows(&mut wb, "提醒");
    let taken: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| {
            r.first()
                .is_some_and(|k| k == "因会议没有一次驻点接待的领导")
        })
        .collect();
    assert_eq!(taken.len(), 2, "{rows:?}");
    assert!(taken[0].contains(&"彭坚丽".to_string()), "{rows:?}");
    assert!(taken[0].contains(&PENG_ZH.to_string()), "{rows:?}");
    assert!(taken[1].contains(&LIN_ZH.to_string()), "{rows:?}");
    assert!(
        taken[1].contains(
            &"把会议移出驻点时间，或改由别人参会；或把其联系的村（社区）交给其他驻点领导。"
                .to_string()
        ),
        "{rows:?}"
    );
}

/// beijiao-example, whose 6 township members just staff its 6 sessions a
/// week, with 梁文辉 at a weekly meeting in the window.
fn beijiao_with_meeting(dir: &std::path::Path) -> String {
    let text = std::fs::read_to_string("instances/beijiao-example.toml").unwrap()
        + "\n[[meeting]]\ntitle = \"镇长办公会\"\nattendees = [\"liang-wh\"]\ndate = \"2015-01-06\"\nstart = \"15:00\"\nend = \"17:00\"\nrepeat = \"weekly\"\n";
    let path = tmp(dir, "beijiao.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The staffing line of `validate ROSTER` in `lang`, which must pass.
fn staffing(roster: &str, lang: &str) -> String {
    let (c, o, e) = zhudian(&["--lang", lang, "validate", roster]);
    assert_eq!(c, 0, "{o}{e}");
    let head = if lang == "zh" {
        "  人手 "
    } else {
        "  staffing "
    };
    o.lines()
        .find(|l| l.starts_with(head))
        .expect(&o)
        .to_string()
}

#[test]
fn validate_names_the_leaders_a_meeting_keeps_and_the_sessions_it_leaves_short() {
    let dir = tempfile::tempdir().unwrap();
    let roster = beijiao_with_meeting(dir.path());
    assert_eq!(
        staffing(&roster, "zh"),
        "  人手      每周约需驻点接待 6 次，镇街成员 6 名（驻点领导 3 名、镇街协助人员 3 名），每人每周只能去一个点；但会议“镇长办公会”每个驻点日都占用驻点时间（周二 15:00–18:30），梁文辉要参会，不能驻点，每周约有 1 次接待将因此没有镇街人员：把会议移出驻点时间，或改由别人参会"
    );
    assert_eq!(
        staffing(&roster, "en"),
        "  staffing   about 6 station sessions a week; 6 township members (3 leaders, 3 of the township's helpers), one place a week each; but the meeting '镇长办公会' takes the station window (Tue 15:00–18:30) every station day, and 梁文辉, who attends, cannot station, so about 1 session a week will have no township member: move it out of the window or have someone else attend"
    );
    // The plan bears it out: 梁文辉 sits no session all year.
    let out = tmp(dir.path(), "plan.toml");
    let (c, o, e) = zhudian(&["--lang", "zh", "plan", &roster, "-o", &out]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(o.contains("\n    - 梁文辉1—12月没有一次驻点接待："), "{o}");
    // Without the meeting the line says nothing of it.
    assert_eq!(
        staffing("instances/beijiao-example.toml", "zh"),
        "  人手      每周约需驻点接待 6 次，镇街成员 6 名（驻点领导 3 名、镇街协助人员 3 名），每人每周只能去一个点"
    );
}

#[test]
fn validate_says_the_months_of_a_predecessor_and_a_successor_kept_by_an_inherited_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let roster = with_meeting(dir.path());
    assert_eq!(
        staffing(&roster, "zh"),
        "  人手      每周约需驻点接待 26 次，镇街成员 33 名（驻点领导 12 名、镇街协助人员 21 名），每人每周只能去一个点；但会议“县人大常委会例会”每个驻点日都占用驻点时间（周二 15:00–18:30），彭坚丽（6月）、林晓阳（自2015年7月1日接任起）要参会，不能驻点：把会议移出驻点时间，或改由别人参会"
    );
    assert_eq!(
        staffing(&roster, "en"),
        "  staffing   about 26 station sessions a week; 33 township members (12 leaders, 21 of the township's helpers), one place a week each; but the meeting '县人大常委会例会' takes the station window (Tue 15:00–18:30) every station day, and 彭坚丽 (June) and 林晓阳 (since taking over on 2015-07-01), who attend, cannot station: move it out of the window or have someone else attend"
    );
}
