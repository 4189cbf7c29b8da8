//! `zhudian notice`: the posted timetable (驻点时间公示表) a village
//! committee pins up, through the binary, on the trial's mountain township
//! (tests/fixtures/trial32): one unit by name or id, every unit a page
//! each, a typo refused with the unit meant; in the residents' words, with
//! no ids, no English and none of the office's terms under zh.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

const ROSTER: &str = "tests/fixtures/trial32/03-shifeng.toml";

/// The trial's plan, written in `dir`.
fn planned(dir: &Path) -> String {
    let plan = dir.join("plan.toml");
    let (c, _, err) = zhudian(&["plan", ROSTER, "-o", plan.to_str().unwrap()]);
    assert_eq!(c, 0, "{err}");
    plan.to_str().unwrap().to_string()
}

/// `zhudian --lang LANG notice PLAN -o FILE ARGS`: stdout and the page.
fn notice(dir: &Path, plan: &str, lang: &str, args: &[&str]) -> (String, String) {
    let out = dir.join("notice.html");
    let mut all = vec!["--lang", lang, "notice", plan, "-o", out.to_str().unwrap()];
    all.extend(args);
    let (c, said, err) = zhudian(&all);
    assert_eq!(c, 0, "{err}");
    (
        said.replace(out.to_str().unwrap(), "FILE"),
        std::fs::read_to_string(out).unwrap(),
    )
}

/// The text a reader sees: no stylesheet, no tags.
fn visible(page: &str) -> String {
    let body = &page[page.find("<body>").unwrap()..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn one_villages_timetable_in_the_residents_words() {
    let dir = tempfile::tempdir().unwrap();
    let plan = planned(dir.path());
    let (said, page) = notice(dir.path(), &plan, "zh", &["--unit", "北山村"]);
    assert_eq!(said, "已写入 FILE：北山村驻点时间公示表\n");
    assert_eq!(page.matches("<section class=\"page\">").count(), 1);
    for part in [
        "<p class=\"sub\">石峰镇 2026 年领导干部驻点直接联系群众</p><h1>北山村驻点时间公示表</h1>",
        "<tr><th>驻点领导</th><td>李桂英（党委副书记）</td></tr>",
        "<tr><th>驻点团队成员</th><td>吴雪梅（职能部门负责人）<br>温润生（村党组织书记）<br>蔡润生（村“两委”干部）</td></tr>",
        "<tr><th>驻点时间</th><td>每周二 15:00—18:30</td></tr>",
        "<tr><th>驻点地点</th><td>北山村党群服务中心</td></tr>",
        "<p class=\"in-person\">李桂英（党委副书记）全年到场12次，约每月一次。到场日期在下表中加粗标出；其余日期由驻点团队成员接待。</p>",
        "<tr><td>1月</td><td>6日、<b>13日</b>、20日、27日</td></tr>",
        "<tr><td>2月</td><td><b>3日</b>、10日、24日</td></tr>",
        "<tr><td>12月</td><td><b>1日</b>、8日、15日、<b>22日</b>、29日</td></tr>",
        "<p><b>改期</b>：6月30日（周二）镇干部不能到场，改到7月4日（周六）15:00—18:30</p>",
        "<p><b>遇节假日暂停</b>：2月17日（春节）；3月3日（县人代会）；5月5日（劳动节）；10月6日（国庆节）</p>",
        "<p class=\"closing\">欢迎群众在驻点时间前来反映情况、提出意见建议。日期如有变动，另行通知。</p>",
        "@page { size: A4",
    ] {
        assert!(page.contains(part), "{part}\n{page}");
    }
    let (said, page) = notice(dir.path(), &plan, "en", &["--unit", "北山村"]);
    assert_eq!(said, "wrote FILE: 北山村: station timetable\n");
    for part in [
        "<tr><th>When</th><td>every Tue 15:00–18:30</td></tr>",
        "<p><b>Moved to another day</b>: Jun 30 (Tue): the township&#39;s people cannot come; moved to Jul 4 (Sat) 15:00–18:30</p>",
        "<p><b>No session on these holidays</b>: Feb 17 (春节); Mar 3 (县人代会); May 5 (劳动节); Oct 6 (国庆节)</p>",
    ] {
        assert!(page.contains(part), "{part}\n{page}");
    }
}

#[test]
fn a_fortnightly_village_gets_its_actual_dates_and_the_id_works_as_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let plan = planned(dir.path());
    let (_, by_name) = notice(dir.path(), &plan, "zh", &["--unit", "下围村"]);
    for part in [
        "<tr><th>驻点时间</th><td>隔周二 15:00—18:30</td></tr>",
        "<tr><td>1月</td><td>6日、<b>20日</b></td></tr>",
        "<tr><td>5月</td><td>19日</td></tr>",
        "<tr><td>6月</td><td>2日、<b>16日</b>、30日</td></tr>",
        // The turn after 22 September would have been 6 October.
        "<p><b>遇节假日暂停</b>：2月17日（春节）；3月3日（县人代会）；5月5日（劳动节）；10月6日（国庆节）</p>",
    ] {
        assert!(by_name.contains(part), "{part}\n{by_name}");
    }
    let id = std::fs::read_to_string(ROSTER)
        .unwrap()
        .split("[[unit]]")
        .find(|u| u.contains("name = \"下围村\""))
        .and_then(|u| u.lines().find(|l| l.starts_with("id = ")).map(String::from))
        .unwrap();
    let id = id.trim_start_matches("id = ").trim_matches('"');
    let (_, by_id) = notice(dir.path(), &plan, "zh", &["--unit", id]);
    assert_eq!(by_id, by_name);
}

#[test]
fn a_misspelt_unit_is_refused_with_the_one_meant() {
    let dir = tempfile::tempdir().unwrap();
    let plan = planned(dir.path());
    let out = dir.path().join("notice.html");
    let o = out.to_str().unwrap();
    let (c, _, err) = zhudian(&["--lang", "zh", "notice", &plan, "--unit", "北山材", "-o", o]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        "--unit：石峰镇没有“北山材”这个村（社区）（是不是“北山村”？）\n"
    );
    let (c, _, err) = zhudian(&["notice", &plan, "--unit", "北山材", "-o", o]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        "--unit: 石峰镇 has no unit '北山材' (did you mean '北山村'?)\n"
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn every_village_a_page_with_no_ids_no_english_and_no_office_terms() {
    let dir = tempfile::tempdir().unwrap();
    let plan = planned(dir.path());
    let (said, page) = notice(dir.path(), &plan, "zh", &[]);
    assert_eq!(
        said,
        "已写入 FILE：26 个村（社区）的驻点时间公示表，每页一个\n"
    );
    assert_eq!(page.matches("<section class=\"page\">").count(), 26);
    assert!(page.contains("section.page { max-width: none; padding: 0; break-after: page; }"));
    let (_, all) = notice(dir.path(), &plan, "zh", &["--all"]);
    assert_eq!(all, page);
    let roster = std::fs::read_to_string(ROSTER).unwrap();
    for id in roster
        .lines()
        .filter_map(|l| l.strip_prefix("id = "))
        .map(|v| v.trim_matches('"'))
    {
        assert!(!page.contains(id), "the id {id} on the posted page");
    }
    let text = visible(&page);
    let english: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    assert!(english.is_empty(), "English under zh: {english:?}");
    for term in ["补接待", "代班", "缺少镇级人员", "接待次数", "领导到场"] {
        assert!(!text.contains(term), "{term}");
    }
}

/// A township of one leader and two villages: the leader takes turns, so
/// comes to each village every other week.
const TWO_VILLAGES: &str = r#"
[township]
name = "北滘镇"
office = "town-hall"
year = 2015

[station]
weekday = "Tue"
start = "15:00"
end = "18:30"

[policy]
units_per_leader = [2, 2]
min_present = 2
team = [{ roles = ["party_secretary"], from_unit = true }]

[[unit]]
id = "xihai"
name = "西海村"
kind = "village"
households = 800
population = 3000
migrants = 100

[[unit]]
id = "sanhong"
name = "三洪奇村"
kind = "village"
households = 700
population = 2600
migrants = 90

[[cadre]]
id = "he-jm"
name = "何建明"
post = "副镇长"

[[helper]]
id = "lu-sec"
name = "卢国荣"
role = "party_secretary"
unit = "xihai"

[[helper]]
id = "ou-sec"
name = "区志坚"
role = "party_secretary"
unit = "sanhong"

[[road]]
from = "town-hall"
to = "xihai"
minutes = 10

[[road]]
from = "xihai"
to = "sanhong"
minutes = 9
"#;

/// The two villages planned in `dir`; the plan's path.
fn two_villages_planned(dir: &Path) -> String {
    let roster = dir.join("roster.toml");
    std::fs::write(&roster, TWO_VILLAGES).unwrap();
    let plan = dir.join("plan.toml");
    let (c, _, err) = zhudian(&[
        "plan",
        roster.to_str().unwrap(),
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    plan.to_str().unwrap().to_string()
}

#[test]
fn the_leaders_own_dates_are_marked_and_the_team_receives_on_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let plan = two_villages_planned(dir.path());
    let (_, page) = notice(dir.path(), &plan, "zh", &["--unit", "西海村"]);
    for part in [
        "<tr><th>驻点领导</th><td>何建明（副镇长）</td></tr>",
        "<tr><th>驻点团队成员</th><td>卢国荣（村党组织书记）</td></tr>",
        "<p class=\"in-person\">何建明（副镇长）全年到场25次，约每两周一次。到场日期在下表中加粗标出；其余日期由驻点团队成员接待。</p>",
        "<tr><th>月份</th><th>日期</th></tr>",
        "<tr><td>1月</td><td><b>6日</b>、13日、<b>20日</b>、27日</td></tr>",
        "<tr><td>12月</td><td>1日、<b>8日</b>、15日、<b>22日</b>、29日</td></tr>",
    ] {
        assert!(page.contains(part), "{part}\n{page}");
    }
    let (_, page) = notice(dir.path(), &plan, "en", &["--unit", "西海村"]);
    for part in [
        "<p class=\"in-person\">何建明 (副镇长) comes in person 25 times this year, about once a fortnight. Those dates are in bold below; on the other dates the team receives residents.</p>",
        "<tr><td>Jan</td><td><b>6</b>, 13, <b>20</b>, 27</td></tr>",
    ] {
        assert!(page.contains(part), "{part}\n{page}");
    }
    // The same dates as the exported workbook's 驻点时间表 gives the leader.
    let p = zhudian::plan::PlanFile::from_toml(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let posted = p.timetable.iter().find(|t| t.unit == "xihai").unwrap();
    assert_eq!(posted.leader_dates.len(), 25);
    assert!(posted.leader_dates.contains(&"2015-01-06".to_string()));
}

#[test]
fn a_handover_shows_both_leaders_each_under_their_own_dates() {
    let dir = tempfile::tempdir().unwrap();
    let plan = two_villages_planned(dir.path());
    let roster = dir.path().join("roster-9.toml");
    let text = TWO_VILLAGES.replace(
        "post = \"副镇长\"\n",
        "post = \"副镇长\"\nleaves = \"2015-09-01\"\n",
    ) + "\n[[cadre]]\nid = \"su-jm\"\nname = \"苏建明\"\npost = \"副镇长\"\nsucceeds = \"he-jm\"\njoins = \"2015-09-01\"\n";
    std::fs::write(&roster, text).unwrap();
    let replanned = dir.path().join("plan-9.toml");
    let (c, _, err) = zhudian(&[
        "replan",
        roster.to_str().unwrap(),
        "--previous",
        &plan,
        "--from",
        "2015-09-01",
        "-o",
        replanned.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    let replanned = replanned.to_str().unwrap();
    let (_, page) = notice(dir.path(), replanned, "zh", &["--unit", "西海村"]);
    for part in [
        "<tr><th>驻点领导</th><td>至8月31日：何建明（副镇长）<br>9月1日起：苏建明（副镇长）</td></tr>",
        "<p class=\"in-person\">何建明（副镇长）至8月31日到场17次，约每两周一次；苏建明（副镇长）9月1日起到场8次，约每两周一次。到场日期在下表中加粗标出；其余日期由驻点团队成员接待。</p>",
        "<tr><th>月份</th><th>驻点领导</th><th>日期</th></tr>",
        "<tr><td>8月</td><td>何建明</td><td>4日、<b>11日</b>、18日、<b>25日</b></td></tr>",
        "<tr><td>9月</td><td>苏建明</td><td>1日、<b>8日</b>、15日、<b>22日</b>、29日</td></tr>",
    ] {
        assert!(page.contains(part), "{part}\n{page}");
    }
    let (_, page) = notice(dir.path(), replanned, "en", &["--unit", "西海村"]);
    for part in [
        "<tr><th>Township leader</th><td>until Aug 31: 何建明 (副镇长)<br>from Sep 1: 苏建明 (副镇长)</td></tr>",
        "<p class=\"in-person\">何建明 (副镇长) comes in person 17 times until Aug 31, about once a fortnight; 苏建明 (副镇长) comes in person 8 times from Sep 1, about once a fortnight. Those dates are in bold below; on the other dates the team receives residents.</p>",
        "<tr><th>Month</th><th>Township leader</th><th>Days</th></tr>",
        "<tr><td>Sep</td><td>苏建明</td><td>1, <b>8</b>, 15, <b>22</b>, 29</td></tr>",
    ] {
        assert!(page.contains(part), "{part}\n{page}");
    }
}

#[test]
fn a_units_own_place_is_posted_and_on_the_phone_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.toml");
    let text = TWO_VILLAGES.replace(
        "name = \"西海村\"\n",
        "name = \"西海村\"\nplace = \"西海村文化楼二楼\"\n",
    );
    std::fs::write(&roster, &text).unwrap();
    let roster = roster.to_str().unwrap();
    let plan = dir.path().join("plan.toml");
    let plan = plan.to_str().unwrap();
    let (c, _, err) = zhudian(&["plan", roster, "-o", plan]);
    assert_eq!(c, 0, "{err}");
    for (lang, own, default) in [
        (
            "zh",
            "<tr><th>驻点地点</th><td>西海村文化楼二楼</td></tr>",
            "<tr><th>驻点地点</th><td>三洪奇村党群服务中心</td></tr>",
        ),
        (
            "en",
            "<tr><th>Where</th><td>西海村文化楼二楼</td></tr>",
            "<tr><th>Where</th><td>三洪奇村 service centre (党群服务中心)</td></tr>",
        ),
    ] {
        let (_, page) = notice(dir.path(), plan, lang, &[]);
        assert!(page.contains(own), "{own}\n{page}");
        assert!(page.contains(default), "{default}\n{page}");
    }
    let ics = dir.path().join("ics");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "calendar",
        plan,
        "--ics",
        ics.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let mut locations = std::collections::BTreeSet::new();
    for f in std::fs::read_dir(&ics).unwrap() {
        let body = std::fs::read_to_string(f.unwrap().path()).unwrap();
        for l in body.lines().filter_map(|l| l.strip_prefix("LOCATION:")) {
            locations.insert(l.to_string());
        }
    }
    assert!(locations.contains("西海村文化楼二楼"), "{locations:?}");
    assert!(
        locations.contains("三洪奇村党群服务中心（驻点工作室）"),
        "{locations:?}"
    );
    // The workbook keeps it in its own column, and gives it back.
    let xlsx = dir.path().join("roster.xlsx");
    let back = dir.path().join("back.toml");
    for (from, to) in [(roster, &xlsx), (xlsx.to_str().unwrap(), &back)] {
        let (c, out, err) = zhudian(&["convert", from, to.to_str().unwrap()]);
        assert_eq!(c, 0, "{out}{err}");
    }
    let back = std::fs::read_to_string(back).unwrap();
    assert!(back.contains("place = \"西海村文化楼二楼\""), "{back}");
    let template = dir.path().join("template.xlsx");
    let (c, _, err) = zhudian(&["template", template.to_str().unwrap()]);
    assert_eq!(c, 0, "{err}");
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&template).unwrap();
    let sheet = wb.worksheet_range("村居").unwrap();
    let heads: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(heads.iter().any(|h| h.starts_with("驻点地点")), "{heads:?}");
}
