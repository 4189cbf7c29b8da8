//! The report a township shows its party committee, on the trial's
//! mountain township (tests/fixtures/trial32: 26 villages, 4 of them
//! fortnightly, 92 sessions without a township member): the opening says
//! what the plan cannot do beside its score, and the printed page reads
//! without a mouse or a file path.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

const ROSTER: &str = "tests/fixtures/trial32/03-shifeng.toml";

/// The trial's plan and its report in `lang`, written in `dir`.
fn report(dir: &Path, lang: &str) -> String {
    let plan = dir.join("plan.toml");
    if !plan.exists() {
        let (c, _, err) = zhudian(&["plan", ROSTER, "-o", plan.to_str().unwrap()]);
        assert_eq!(c, 0, "{err}");
        // The plan's date on the page is its file's: made at noon on 5 December.
        let noon = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_local_timezone(chrono::Local)
            .unwrap();
        let file = std::fs::File::options().write(true).open(&plan).unwrap();
        file.set_modified(noon.into()).unwrap();
    }
    let html: PathBuf = dir.join(format!("report-{lang}.html"));
    let (c, _, err) = zhudian(&[
        "report",
        "--lang",
        lang,
        ROSTER,
        plan.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    std::fs::read_to_string(html).unwrap()
}

#[test]
fn the_opening_says_what_the_plan_cannot_do_beside_the_score() {
    let dir = tempfile::tempdir().unwrap();
    let zh = report(dir.path(), "zh");
    let limits = "<p class=\"limits\">方案得分只衡量工作量是否均衡和路程远近，得分最好不等于方案没有问题：全年有 92 次驻点接待没有镇级人员到场，1 次缺席的驻点接待无法补接待。 <a href=\"#warnings\">解决办法见下文“提醒及解决办法”</a></p>";
    let at = zh.find(limits).expect("the limits under the score");
    let score = zh.find("差距 0%：没有更好的方案。").unwrap();
    assert!(score < at && at < zh.find("id=\"map\"").unwrap());
    assert!(zh.contains("<section id=\"warnings\">"));
    let en = report(dir.path(), "en");
    assert!(en.contains("<p class=\"limits\">The score weighs only how even the loads are and how far the tours go; the best score is no promise of a plan without problems: 92 station sessions in the year have no township member; 1 missed session cannot be made up. <a href=\"#warnings\">What fixes them: “Warnings and what fixes them” below</a></p>"), "{en}");
}

#[test]
fn the_teams_say_a_units_kind_only_where_its_name_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let zh = report(dir.path(), "zh");
    assert!(zh.contains("<tr><td><b>石垌村</b></td>"), "{zh}");
    assert!(!zh.contains("石垌村</b> <span class=\"caption\">村</span>"));
    let en = report(dir.path(), "en");
    assert!(en.contains("<tr><td><b>石垌村</b> <span class=\"caption\">village</span></td>"));
}

#[test]
fn the_header_gives_the_plans_date_not_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let zh = report(dir.path(), "zh");
    assert!(zh.contains("<p class=\"sub\">10 名驻点领导，驻 26 个村（社区），共 7904 户。 方案编制日期：2026年12月5日</p>"), "{zh}");
    assert!(!zh.contains("03-shifeng") && !zh.contains("fixtures"));
    let en = report(dir.path(), "en");
    assert!(
        en.contains("with 7904 households. Plan made on Dec 5, 2026</p>"),
        "{en}"
    );
}

#[test]
fn the_printed_weeks_carry_their_dates_and_mark_fortnightly_units() {
    let dir = tempfile::tempdir().unwrap();
    let zh = report(dir.path(), "zh");
    assert!(!zh.contains("鼠标"), "a tooltip is no help on paper");
    assert!(zh.contains("<p class=\"caption\">每行一个村（社区），隔周驻点的注明“隔周”；每列一周的驻点日，列头为月份和日期。"));
    // 2026's first Tuesday, 6 January, heads the first column; 29 December the last.
    assert!(zh.contains("<text x=\"136.0\" y=\"25\" font-size=\"7\" text-anchor=\"middle\" fill=\"#5b6673\">6</text>"));
    assert!(zh.contains("fill=\"#5b6673\">29</text>"));
    assert!(zh.contains("text-anchor=\"end\">下围村（隔周）</text>"));
    assert!(zh.contains("隔周驻点的村（社区）本周轮空 <span class=\"caption\">96</span>"));
    assert!(zh.contains("<tr><td><b>下围村</b><br><span class=\"caption\">隔周驻点</span></td>"));
    let en = report(dir.path(), "en");
    assert!(en.contains("text-anchor=\"end\">下围村 (fortnightly)</text>"));
    assert!(en.contains("fortnightly unit, off week <span class=\"caption\">96</span>"));
}

#[test]
fn a_lost_session_in_april_gets_advice_for_april_and_names_who_missed_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    let (c, out, err) = zhudian(&["--lang", "zh", "plan", ROSTER, "-o", plan.to_str().unwrap()]);
    assert_eq!(c, 0, "{err}");
    assert!(out.contains("  无法补接待：1条\n    - 李桂英缺席的凤尾村 4月28日 驻点接待无法在 21 天内补接待：这段时间没有李桂英和本村（社区）人员都能到场的补接待日\n    解决办法：缺席者外出期间安排其他镇街成员代班，或缩短补接待提前通知期、在缺席后的补接待期限内少排会议和假期，留出可补接待的日子\n"), "{out}");
    assert!(!out.contains("年底") && !out.contains("他们"));
    let zh = report(dir.path(), "zh");
    assert!(zh.contains("<p class=\"fix\">缺席者外出期间安排其他镇街成员代班，或缩短补接待提前通知期、在缺席后的补接待期限内少排会议和假期，留出可补接待的日子。</p>"));
    let (c, out, _) = zhudian(&["plan", ROSTER, "-o", plan.to_str().unwrap()]);
    assert_eq!(c, 0);
    assert!(
        out.contains("no make-up day in that time suits 李桂英 and the unit's own people"),
        "{out}"
    );
    assert!(out.contains("have another township member stand in while the absent person is away, or shorten the make-up notice period and keep the days after the missed session free of meetings and holidays"), "{out}");
}
