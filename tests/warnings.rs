//! Warnings a planner can read: `plan`, `replan` and `check` end with them
//! grouped by kind (count, first few, remedy); `zhudian warnings` lists them
//! all as a table or CSV, by name.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use zhudian::plan::PlanFile;
use zhudian::wording::Lang;
use zhudian::wording::warnings::{KindDigest, Staffing, digest};

const EXAMPLE: &str = "instances/beijiao-example.toml";

/// Plans the example (6 shortfall warnings) into a temporary folder.
fn planned(lang: &str) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml").display().to_string();
    let (code, out, err) = zhudian(&["--lang", lang, "plan", EXAMPLE, "-o", &plan]);
    assert_eq!(code, 0, "{err}");
    (dir, plan, out)
}

fn read(plan: &str) -> PlanFile {
    PlanFile::from_toml(&std::fs::read_to_string(plan).unwrap()).unwrap()
}

fn staffing(lines: &[(&str, Option<&str>)]) -> Staffing {
    let mut s = Staffing::default();
    for (f, r) in lines {
        s.add(Some(f.to_string()), r.map(String::from));
    }
    s
}

#[test]
fn staffing_says_each_figure_once_with_the_township_remedy() {
    // Shortfalls with the township-wide remedy and without (a meeting's)
    // share one line; other figures (a part rebuilt from a date) get theirs.
    let mut s = staffing(&[("f", None), ("f", Some("r")), ("f", Some("r"))]);
    s.add(Some("g".into()), None);
    s.add(None, Some("ignored: no figures".into()));
    assert_eq!(s.lines(Lang::En), ["staffing: f; r", "staffing: g"]);
    assert_eq!(s.lines(Lang::Zh), ["人手：f；r", "人手：g"]);
}

#[test]
fn the_digest_is_worded_in_both_languages() {
    let kinds = vec![
        KindDigest {
            kind: "shortfall".into(),
            count: 5,
            first: vec!["a".into(), "b".into(), "c".into()],
            figures: staffing(&[("f", None)]),
        },
        KindDigest {
            kind: "meeting_in_window".into(),
            count: 1,
            first: vec!["m".into()],
            figures: Default::default(),
        },
    ];
    assert_eq!(
        digest(&kinds, "p.toml", Lang::En),
        "Warnings: 6, by kind\n\
         \x20 station sessions short of people: 5\n\
         \x20   staffing: f\n\
         \x20   - a\n\
         \x20   - b\n\
         \x20   - c\n\
         \x20   … 2 more: zhudian warnings p.toml --kind shortfall\n\
         \x20   what helps: put more township members on the teams, make some weekly units fortnightly, or spread leave; the staffing line above, or each warning, says what would close the gap\n\
         \x20 meetings in the station window: 1\n\
         \x20   - m\n\
         \x20   what helps: move the meeting out of the station window; a meeting that cannot move should be marked an emergency\n"
    );
    assert_eq!(
        digest(&kinds, "p.toml", Lang::Zh),
        "提醒共6条，按类别：\n\
         \x20 驻点接待人手不足：5条\n\
         \x20   人手：f\n\
         \x20   - a\n\
         \x20   - b\n\
         \x20   - c\n\
         \x20   ……另有2条，列出全部：zhudian warnings p.toml --kind 驻点接待人手不足\n\
         \x20   解决办法：给团队增加镇街成员、把部分每周驻点的村（社区）改为两周一次，或错开请假；怎样补足见上方“人手”或每条提醒\n\
         \x20 会议占用驻点时间：1条\n\
         \x20   - m\n\
         \x20   解决办法：把会议移出驻点时间；确实不能移的会议应标为紧急会议\n"
    );
    assert_eq!(digest(&[], "p.toml", Lang::Zh), "");
}

#[test]
fn plan_and_check_end_with_the_warnings_by_kind() {
    let (_dir, plan, out) = planned("en");
    let file = read(&plan);
    let n = file.warning.len();
    assert!(n > 3, "the example has warnings to show");
    let shortfalls = file
        .warning
        .iter()
        .filter(|w| w.kind == "shortfall")
        .count();
    assert!(out.contains(&format!("Warnings: {n}, by kind\n")), "{out}");
    assert!(out.contains(&format!(
        "  station sessions short of people: {shortfalls}\n"
    )));
    // The figures every shortfall shares are said once, above the first few.
    let first = &file.warning[0];
    let figures = first.figures(Lang::En).unwrap();
    assert!(out.contains(&format!(
        "  station sessions short of people: {shortfalls}\n    staffing: {figures}\n    - {}\n",
        first.brief(Lang::En)
    )));
    assert_eq!(out.matches(&figures).count(), 1, "{out}");
    assert_eq!(
        first.message,
        first.text(Lang::En),
        "the plan file keeps it whole"
    );
    assert!(first.message.contains(&figures));
    if shortfalls > 3 {
        assert!(out.contains(&format!(
            "    … {} more: zhudian warnings {plan} --kind shortfall\n",
            shortfalls - 3
        )));
    }
    assert!(out.contains("    what helps: "));

    let (code, out, _) = zhudian(&["--lang", "zh", "check", EXAMPLE, &plan]);
    assert_eq!(code, 0);
    assert!(out.contains(&format!("提醒共{n}条，按类别：\n")), "{out}");
    assert!(out.contains(&format!("  驻点接待人手不足：{shortfalls}条\n")));
}

#[test]
fn warnings_lists_them_all_by_name_as_csv_or_table() {
    let (_dir, plan, _) = planned("zh");
    let file = read(&plan);
    let (code, out, err) = zhudian(&["--lang", "zh", "warnings", &plan, "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "类型,日期,村居,人员,说明");
    assert_eq!(lines.len(), file.warning.len() + 1);
    let w = &file.warning[0];
    let roster = zhudian::roster::load(std::path::Path::new(EXAMPLE)).unwrap();
    let unit = &roster.units[roster.unit_index(w.unit.as_ref().unwrap()).unwrap()].name;
    assert!(
        lines[1].starts_with(&format!(
            "驻点接待人手不足,{},{unit},",
            w.date.as_ref().unwrap()
        )),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].ends_with(&w.message),
        "the message as the plan holds it"
    );

    let (code, out, _) = zhudian(&["warnings", &plan, "--kind", "shortfall"]);
    assert_eq!(code, 0);
    let shortfalls = file
        .warning
        .iter()
        .filter(|w| w.kind == "shortfall")
        .count();
    // The figures every shortfall shares, once above the table.
    let figures = file.warning[0].figures(Lang::En).unwrap();
    assert!(figures.starts_with("the year has "), "{figures}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), shortfalls + 2);
    assert_eq!(lines[0], format!("staffing: {figures}"));
    assert!(lines[1].starts_with("kind"));
    assert_eq!(out.matches(&figures).count(), 1, "{out}");

    let (code, out, _) = zhudian(&["warnings", &plan, "--kind", "meeting_in_window"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "The plan has no warnings of kind meeting_in_window.\n")
    );
    let (_, out, _) = zhudian(&[
        "--lang",
        "zh",
        "warnings",
        &plan,
        "--kind",
        "meeting_in_window",
    ]);
    assert_eq!(out, "该方案没有“会议占用驻点时间”类提醒。\n");
}

/// A Chinese planner copies the kind's name from the zh table: the same rows
/// as its code.
#[test]
fn warnings_takes_a_kind_by_its_chinese_name() {
    let (_dir, plan, _) = planned("zh");
    let by_code = zhudian(&["--lang", "zh", "warnings", &plan, "--kind", "shortfall"]);
    let by_name = zhudian(&[
        "--lang",
        "zh",
        "warnings",
        &plan,
        "--kind",
        "驻点接待人手不足",
    ]);
    assert_eq!(by_code.0, 0, "{}", by_code.2);
    assert_eq!(by_name, by_code);
    assert!(by_name.1.contains("驻点接待人手不足"), "{}", by_name.1);
    let (code, out, err) = zhudian(&["--lang", "zh", "warnings", &plan, "--kind", "无法补接待"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "该方案没有“无法补接待”类提醒。\n");
    let by_en = zhudian(&[
        "warnings",
        &plan,
        "--kind",
        "Station sessions short of people",
    ]);
    assert_eq!(by_en, zhudian(&["warnings", &plan, "--kind", "shortfall"]));
}

#[test]
fn warnings_refuses_an_unknown_kind_or_format() {
    let (_dir, plan, _) = planned("en");
    let (code, _, err) = zhudian(&["warnings", &plan, "--kind", "short"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "unknown warning kind 'short' (did you mean 'shortfall'?): the kinds are shortfall (station sessions short of people), makeup_impossible (make-ups that cannot be placed), household_visits_short (household visits that do not fit), meeting_in_window (meetings in the station window), previous_plan (not carried over from the plan in force), shared_busy_elsewhere (shared people who lead no unit here), window_taken (leaders whom meetings keep from every station session) (code or name)\n"
    );
    let (code, _, err) = zhudian(&["--lang", "zh", "warnings", &plan, "--kind", "short"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "未知的提醒类别“short”（是不是“驻点接待人手不足”？）：可用的类别有驻点接待人手不足、无法补接待、入户走访排不下、会议占用驻点时间、原方案未能沿用的部分、跨镇街兼任人员不在本镇当驻点领导、因会议没有一次驻点接待的领导（也可写英文代码，如 shortfall）\n"
    );
    let (code, _, err) = zhudian(&["--lang", "zh", "warnings", &plan, "--format", "xls"]);
    assert_eq!(
        (code, err.as_str()),
        (2, "未知的格式“xls”：请用 table（表格）或 csv\n")
    );
}

/// Each kind is read from its code and its names in both languages (one
/// table holds them); `--help` and an unknown kind list the kinds in the
/// planner's language, with the nearest one.
#[test]
fn kinds_are_named_in_the_planners_language_in_help_and_errors() {
    use zhudian::wording::warnings::{KIND_NAMES, kind_code};
    for k in &KIND_NAMES {
        for name in [k.code, k.en, k.zh].iter().chain(k.also) {
            assert_eq!(kind_code(name), Some(k.code), "{name}");
        }
    }
    assert_eq!(kind_code(" 人手不足 "), Some("shortfall"));
    let help = |lang: &str| {
        let (code, out, _) = zhudian(&["--lang", lang, "warnings", "--help"]);
        assert_eq!(code, 0);
        out.lines()
            .find(|l| l.trim_start().starts_with("--kind"))
            .unwrap()
            .trim()
            .to_string()
    };
    assert_eq!(
        help("zh"),
        "--kind <KIND>      只列出这一类提醒：驻点接待人手不足、无法补接待、入户走访排不下、会议占用驻点时间、原方案未能沿用的部分、跨镇街兼任人员不在本镇当驻点领导、因会议没有一次驻点接待的领导（即表中“类型”一列的写法；也可写英文代码，如 shortfall）"
    );
    assert_eq!(
        help("en"),
        "--kind <KIND>      Only warnings of this kind: shortfall, makeup_impossible, household_visits_short, meeting_in_window, previous_plan, shared_busy_elsewhere, window_taken, or the kind's name as the table shows it (station sessions short of people, 驻点接待人手不足)"
    );
    let (_dir, plan, _) = planned("zh");
    let (code, _, err) = zhudian(&["--lang", "zh", "warnings", &plan, "--kind", "人手不中"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "未知的提醒类别“人手不中”（是不是“驻点接待人手不足”？）：可用的类别有驻点接待人手不足、无法补接待、入户走访排不下、会议占用驻点时间、原方案未能沿用的部分、跨镇街兼任人员不在本镇当驻点领导、因会议没有一次驻点接待的领导（也可写英文代码，如 shortfall）\n"
        )
    );
    let by_alias = zhudian(&["--lang", "zh", "warnings", &plan, "--kind", "人手不足"]);
    assert_eq!(
        by_alias,
        zhudian(&["--lang", "zh", "warnings", &plan, "--kind", "shortfall"])
    );
    assert_eq!(by_alias.0, 0);
}
