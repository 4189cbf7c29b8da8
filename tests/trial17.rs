//! What a Chinese planner's trial found in the commands: a closed pipe ends
//! every printing command quietly, date flags take the spellings a roster
//! takes, and `-` means the screen for `--csv` and is refused where a file
//! must be named.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

const EXAMPLE: &str = "instances/beijiao-example.toml";

/// Plans the example (year 2015) into a temporary folder.
fn planned() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml").display().to_string();
    let (code, _, err) = zhudian(&["plan", EXAMPLE, "-o", &plan]);
    assert_eq!(code, 0, "{err}");
    (dir, plan)
}

/// `zhudian --lang zh warnings PLAN | head`: the reader goes away before
/// reading anything; no command panics or says a word.
#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    let (_dir, plan) = planned();
    let commands: [&[&str]; 6] = [
        &["--lang", "zh", "warnings", &plan],
        &["warnings", &plan, "--format", "csv"],
        &["people", &plan, "--csv", "-"],
        &["calendar", &plan, "--csv", "-"],
        &["compare", &plan, &plan],
        &["--lang", "zh", "check", EXAMPLE, &plan],
    ];
    for args in commands {
        let (code, stderr) = cli::closed_pipe(args);
        assert!(!stderr.contains("panic"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_ne!(code, Some(101), "{args:?}: {stderr}");
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
    }
}

/// `--from 2015/7/1` and `--from 2015年7月1日` mean what `--from 2015-07-01` does.
#[test]
fn date_flags_take_the_spellings_a_roster_takes() {
    let (_dir, plan) = planned();
    let check =
        |from: &str| zhudian(&["check", EXAMPLE, &plan, "--previous", &plan, "--from", from]);
    let iso = check("2015-07-01");
    assert_eq!(iso.0, 0, "{}", iso.2);
    for from in ["2015/7/1", "2015.7.1", "2015年7月1日", "２０１５/７/１"] {
        assert_eq!(check(from), iso, "{from}");
    }
}

/// `--from 7月1日` and `--from 7.1` take the roster's year (2015) and say
/// the day taken first; the rest is what `--from 2015-07-01` says. A day
/// the roster's year lacks is refused, naming the flag.
#[test]
fn a_date_flag_without_its_year_takes_the_roster_s_year_and_says_so() {
    let (dir, plan) = planned();
    let check = |lang: &str, from: &str| {
        zhudian(&[
            "--lang",
            lang,
            "check",
            EXAMPLE,
            &plan,
            "--previous",
            &plan,
            "--from",
            from,
        ])
    };
    for lang in ["zh", "en"] {
        let iso = check(lang, "2015-07-01");
        assert_eq!(iso.0, 0, "{}", iso.2);
        for from in ["7月1日", "7.1"] {
            let (code, out, err) = check(lang, from);
            assert_eq!(code, 0, "{err}");
            let said = if lang == "zh" {
                format!("--from {from}：按名册的年份，即 2015年7月1日（周三）\n")
            } else {
                format!("--from {from}: taken as 2015-07-01 (Wed), on the roster's year\n")
            };
            assert_eq!(out, said + &iso.1, "{from}");
        }
    }
    let o = dir.path().join("r.toml").display().to_string();
    let (code, out, err) = zhudian(&[
        "--lang",
        "zh",
        "replan",
        EXAMPLE,
        "--previous",
        &plan,
        "--from",
        "9月1日",
        "-o",
        &o,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("--from 9月1日：按名册的年份，即 2015年9月1日（周二）\n"),
        "{out}"
    );
    assert!(out.contains("自2015年9月1日起的变化："), "{out}");
    let (code, out, err) = check("zh", "2月29日");
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "--from 2月29日：名册的年份 2015年没有这一天\n");
    let (code, _, err) = check("en", "2月29日");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "--from 2月29日: 2015 has no such day (the roster's year)\n"
    );
}

/// A wrong date is told in the run's language, with the spellings taken.
#[test]
fn a_wrong_date_is_worded_in_the_run_s_language() {
    let (_dir, plan) = planned();
    let args = [
        "check",
        EXAMPLE,
        &plan,
        "--previous",
        &plan,
        "--from",
        "2015/13/1",
    ];
    let (code, out, err) = zhudian(&args);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "--from 2015/13/1: not a date; write it as 2026-07-01, 2026/7/1, 2026.7.1, 2026年7月1日 or 7月1日 (on the roster's year)\n"
    );
    let zh: Vec<&str> = ["--lang", "zh"].into_iter().chain(args).collect();
    let (code, _, err) = zhudian(&zh);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "--from 2015/13/1：不是日期；请写成 2026-07-01、2026/7/1、2026.7.1、2026年7月1日 或 7月1日（取名册的年份）\n"
    );
    let out = tempfile::tempdir().unwrap();
    let o = out.path().join("p.toml").display().to_string();
    let (code, _, err) = zhudian(&[
        "--lang=zh",
        "replan",
        EXAMPLE,
        "--previous",
        &plan,
        "--from",
        "七月一日",
        "-o",
        &o,
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "--from 七月一日：不是日期；请写成 2026-07-01、2026/7/1、2026.7.1、2026年7月1日 或 7月1日（取名册的年份）\n"
    );
}

/// `--csv -` writes the CSV to the screen and no file called "-"; what the
/// run says goes to stderr, so the CSV stays whole.
#[test]
fn csv_dash_is_the_screen() {
    let (dir, plan) = planned();
    let file = dir.path().join("cal.csv").display().to_string();
    let (code, said, err) = zhudian(&["calendar", &plan, "--csv", &file]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&file).unwrap();
    let (code, out, err) = zhudian(&["calendar", &plan, "--csv", "-"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, written);
    // The totals, not the "wrote" line: nothing was written to a file.
    let totals = said.lines().last().unwrap();
    assert_eq!(err, format!("{totals}\n"));
    let (code, _, err) = zhudian(&["people", &plan, "--csv", &file]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&file).unwrap();
    let (code, out, err) = zhudian(&["people", &plan, "--csv", "-"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, written);
    assert!(!std::path::Path::new("-").exists());
}

/// Where a file or folder must be named, `-` is refused in words.
#[test]
fn dash_is_refused_where_a_file_must_be_named() {
    let (_dir, plan) = planned();
    let refusals: [&[&str]; 4] = [
        &["plan", EXAMPLE, "-o", "-"],
        &["export", &plan, "--xlsx", "-"],
        &["--lang", "en", "report", EXAMPLE, &plan, "-o", "-"],
        &["calendar", &plan, "--ics", "-"],
    ];
    for args in refusals {
        let (code, out, err) = zhudian(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert_eq!(
            err,
            "will not write to -: this output needs a file or folder name (only --csv takes - for the screen)\n",
            "{args:?}"
        );
    }
    let (code, _, err) = zhudian(&["--lang", "zh", "export", &plan, "--xlsx", "-"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "不能写到“-”：这里要写文件或文件夹名（只有 --csv 可用 - 表示直接输出到屏幕）\n"
    );
    assert!(!std::path::Path::new("-").exists());
}

/// The plan's table shows each leader's side of the target: a load above
/// the leaders' mean is +, below it -, as the report's loads table.
#[test]
fn the_plan_table_signs_each_deviation() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml").display().to_string();
    let (code, out, err) = zhudian(&["plan", EXAMPLE, "-o", &plan]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<(f64, String)> = out
        .lines()
        .skip(2)
        .take_while(|l| !l.trim_start().starts_with("cost "))
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            (cells[1].parse().unwrap(), cells[2].to_string())
        })
        .collect();
    let led: Vec<f64> = rows.iter().filter(|r| r.0 > 0.0).map(|r| r.0).collect();
    let mean = led.iter().sum::<f64>() / led.len() as f64;
    assert_eq!(rows.len(), 3, "{out}");
    for (load, dev) in &rows {
        if dev != "0.0" && *load > 0.0 {
            let sign = if *load > mean { '+' } else { '-' };
            assert!(dev.starts_with(sign), "{load} {dev} (mean {mean}): {out}");
        }
    }
    assert!(rows.iter().any(|r| r.1.starts_with('-')), "{out}");
}

/// A wrong date in a roster is told with an example in the roster's own year.
#[test]
fn a_roster_s_wrong_date_is_shown_a_date_of_its_year() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace("year = 2015", "year = 2016")
        .replace("2015-01-05", "2016-01-05")
        .replace("2015-06-16", "2016-06-31");
    let roster = dir.path().join("r.toml");
    std::fs::write(&roster, text).unwrap();
    let r = roster.display().to_string();
    let (code, _, err) = zhudian(&["validate", &r]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(": '2016-06-31' is not a date like 2016-03-02\n"),
        "{err}"
    );
    let (code, _, err) = zhudian(&["--lang", "zh", "validate", &r]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("：“2016-06-31”不是 2016-03-02 这样的日期\n"),
        "{err}"
    );
}

/// Chinese tables and lines meant for people say 6月16日, as the other
/// pages do; the CSV keeps the ISO date for spreadsheets.
#[test]
fn chinese_warnings_say_month_and_day() {
    let (_dir, plan) = planned();
    let (code, out, err) = zhudian(&["--lang", "zh", "warnings", &plan, "--kind", "shortfall"]);
    assert_eq!(code, 0, "{err}");
    // The year's figures once above the table (trial 27), then the rows.
    assert_eq!(
        out.lines().next().unwrap(),
        "人手：全年共需驻点接待275次，镇街7名成员每人每周只能去一个点，全年最多能去346次"
    );
    let row = out.lines().nth(2).unwrap();
    assert_eq!(
        row,
        "驻点接待人手不足  6月16日  三洪奇村  区志坚  三洪奇村 6月16日 驻点接待：没有镇街人员到场，只有1名协助人员，少于要求的2人；紧急会议“区防汛紧急会议”调走了该团队的镇街成员；为该团队再配一名不参会的部门负责人即可补上"
    );
    assert!(!out.contains("2015-"), "{out}");
    let (_, csv, _) = zhudian(&["--lang", "zh", "warnings", &plan, "--format", "csv"]);
    assert!(csv.contains(",2015-06-16,三洪奇村,"), "{csv}");
    let (_, en, _) = zhudian(&["warnings", &plan, "--kind", "shortfall"]);
    assert!(
        en.lines().nth(2).unwrap().contains("  2015-06-16  "),
        "{en}"
    );
}

/// The report's warnings (Chinese by default) list days as 6月16日.
#[test]
fn the_report_s_warnings_say_month_and_day() {
    let (dir, plan) = planned();
    let page = dir.path().join("r.html");
    let (code, _, err) = zhudian(&["report", EXAMPLE, &plan, "-o", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("三洪奇村：1 次（6月16日）"), "shortfall line");
    assert!(
        !html.contains("（2015-06-16"),
        "an ISO date in a shortfall line"
    );
}
