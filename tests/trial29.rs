//! What a sub-district planner at 桂城街道 tripped over in the Chinese
//! trial of stop 29, each checked through the binary word for word in both
//! languages with its exit code: merged cells in a roster workbook, clap's
//! refusals under `--lang zh`, 街道办 for a 街道, dates without a year, and
//! the workbook's words for a meeting's groups.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

const MERGED: &str = "tests/fixtures/trial29/merged.xlsx";

/// 村居!C8:C10 (类型) and 协助人员!C2:C4 (角色) merged: refused at the
/// range, and the blanks the merge left are not reported again.
#[test]
fn merged_cells_in_a_table_are_refused_at_their_range() {
    let (code, out, err) = zhudian(&["--lang", "zh", "validate", MERGED]);
    assert_eq!(code, 2, "{out}{err}");
    let said = format!("{out}{err}");
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{MERGED}: 村居!C8:C10，字段“类型”：这几格是合并单元格：合并后只有第一格有内容，\
                 其余各行会当作空白；请取消合并，每一行都填上"
            )
            .as_str(),
            format!(
                "{MERGED}: 协助人员!C2:C4，字段“角色”：这几格是合并单元格：合并后只有第一格有内容，\
                 其余各行会当作空白；请取消合并，每一行都填上"
            )
            .as_str(),
            "共 2 个问题：名册无效。",
        ]
    );
    let (code, out, err) = zhudian(&["validate", MERGED]);
    assert_eq!(code, 2, "{out}{err}");
    let said = format!("{out}{err}");
    assert_eq!(
        said.lines().collect::<Vec<_>>(),
        [
            format!(
                "{MERGED}: 村居!C8:C10, field '类型': these cells are merged: only the first \
                 holds the value and the other rows read as blank; unmerge them and fill in \
                 every row"
            )
            .as_str(),
            format!(
                "{MERGED}: 协助人员!C2:C4, field '角色': these cells are merged: only the first \
                 holds the value and the other rows read as blank; unmerge them and fill in \
                 every row"
            )
            .as_str(),
            "2 problems: the roster is not valid.",
        ]
    );
    // `plan` refuses it the same way, before planning anything.
    let (code, _, err) = zhudian(&["plan", MERGED, "-o", "/nonexistent/plan.toml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("村居!C8:C10, field '类型': these cells are merged"),
        "{err}"
    );
}

/// clap's refusals in Chinese under `--lang zh` or ZHUDIAN_LANG=zh, the flag
/// as typed and the usage line; English keeps clap's words. Exit 2.
#[test]
fn the_argument_parser_refuses_in_chinese_under_zh() {
    let zh = |args: &[&str]| {
        let (code, out, err) = zhudian(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert_eq!(out, "");
        err
    };
    assert_eq!(
        zh(&["--lang", "zh", "plan", "名册.xlsx"]),
        "缺少必填参数：-o/--output <方案文件>\n\n用法：zhudian plan -o/--output <方案文件> <名册文件>\n\n\
         更多说明请用 --help 查看。\n"
    );
    assert_eq!(
        zh(&["--lang", "zh", "plan", "名册.xlsx", "-o"]),
        "-o 后面缺少取值\n\n用法：zhudian plan [选项] -o/--output <方案文件> <名册文件>\n\n\
         更多说明请用 --help 查看。\n"
    );
    assert_eq!(
        zh(&["--lang=zh", "plan", "名册.xlsx", "--foo"]),
        "不认识的参数“--foo”\n\n用法：zhudian plan -o/--output <方案文件> <名册文件>\n\n\
         更多说明请用 --help 查看。\n"
    );
    assert_eq!(
        zh(&["--lang", "zh", "plann", "名册.xlsx"]),
        "没有“plann”这个命令，是不是 replan 或 plan？\n\n用法：zhudian [选项] <命令>\n\n\
         更多说明请用 --help 查看。\n"
    );
    assert_eq!(
        zh(&["--lang", "zh", "generate", "--seed", "x", "-o", "y"]),
        "“x”不是 --seed 可以取的值\n\n用法：zhudian generate [选项]\n\n\
         更多说明请用 --help 查看。\n"
    );
    // ZHUDIAN_LANG counts as --lang does.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(["plan", "名册.xlsx"])
        .env("ZHUDIAN_LANG", "zh")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("缺少必填参数：-o/--output <方案文件>\n"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // English is clap's, word for word.
    let (code, _, err) = zhudian(&["plan", "名册.xlsx"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: the following required arguments were not provided:\n  --output <PLAN>\n\n\
         Usage: zhudian plan --output <PLAN> <ROSTER>\n\nFor more information, try '--help'.\n"
    );
    // Help is not a refusal: it stays as it is, exit 0.
    let (code, out, _) = zhudian(&["--lang", "zh", "plan", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: zhudian plan"), "{out}");
}

const GUICHENG: &str = "tests/fixtures/trial29/guicheng.xlsx";

/// At a 街道 the office is 街道办 (validate's lines, plan's table, a roster
/// problem); a 镇 keeps 镇政府.
#[test]
fn a_street_office_is_jiedaoban() {
    let (code, out, err) = zhudian(&["--lang", "zh", "validate", GUICHENG]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "  日程      会议 3 项，名册所列节假日 0 段；各村（社区）距街道办 6—28 分钟（走公路）\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("  路程      各村（社区）距街道办的分钟数（走公路），由远到近：\n"),
        "{out}"
    );
    assert!(!out.contains("镇政府"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.toml");
    let (code, out, err) = zhudian(&[
        "--lang",
        "zh",
        "plan",
        GUICHENG,
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("  领导    工作量  偏差%  路程分钟  联系村居（距街道办分钟）\n"),
        "{out}"
    );
    // A unit too far: the roster problem says 街道办 too.
    let toml = dir.path().join("g.toml");
    let (code, _, err) = zhudian(&["convert", GUICHENG, toml.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&toml).unwrap();
    let far = dir.path().join("far.toml");
    std::fs::write(
        &far,
        text.replace("[policy]\n", "[policy]\nmax_travel_minutes = 26\n"),
    )
    .unwrap();
    let far = far.to_str().unwrap();
    let (code, out, err) = zhudian(&["--lang", "zh", "validate", far]);
    assert_eq!(code, 2);
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{far}:108: 驻点村（社区） 石碣村（GC10）：石碣村（GC10）距街道办 28 分钟，超过最长路程 26 分钟\n\
             共 1 个问题：名册无效。\n"
        )
    );
    let (code, out, err) = zhudian(&["validate", far]);
    assert_eq!(code, 2);
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{far}:108: [[unit]] 'GC10': 石碣村（GC10） is 28 minutes from the office, more than \
             max_travel_minutes = 26\n1 problem: the roster is not valid.\n"
        )
    );
    // A 镇 keeps 镇政府.
    let (code, out, _) = zhudian(&["--lang", "zh", "validate", "instances/beijiao-example.toml"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("各村（社区）距镇政府 5—24 分钟（走公路）"),
        "{out}"
    );
}

const DATES: &str = "tests/fixtures/trial29/dates.xlsx";

/// 7月1日 and 4.13 lack the year: said so, with the roster's year as the
/// fix; the 外出 row names its person by name, as other messages do.
#[test]
fn a_date_without_its_year_is_offered_with_the_rosters_year() {
    let (code, out, err) = zhudian(&["--lang", "zh", "validate", DATES]);
    assert_eq!(code, 2, "{out}{err}");
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{DATES}: 干部!I7 邝志远（L06），字段“到任日期”：“7月1日”缺少年份，是不是 2026-07-01？\n\
             {DATES}: 外出!B2 李淑华（L02），字段“开始日期”：“4.13”缺少年份，是不是 2026-04-13？\n\
             共 2 个问题：名册无效。\n"
        )
    );
    let (code, out, err) = zhudian(&["validate", DATES]);
    assert_eq!(code, 2, "{out}{err}");
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{DATES}: 干部!I7 'L06', field '到任日期': '7月1日' has no year: did you mean 2026-07-01?\n\
             {DATES}: 外出!B2 'L02', field '开始日期': '4.13' has no year: did you mean 2026-04-13?\n\
             2 problems: the roster is not valid.\n"
        )
    );
}

const ATTENDEE: &str = "tests/fixtures/trial29/attendee.xlsx";

/// A workbook's unknown attendee offers the groups as the workbook writes
/// them (全体干部、全体协助人员), not the roster file's all-cadres.
#[test]
fn a_workbooks_unknown_attendee_offers_the_workbooks_groups() {
    let (code, out, err) = zhudian(&["--lang", "zh", "validate", ATTENDEE]);
    assert_eq!(code, 2, "{out}{err}");
    let said = format!("{out}{err}");
    assert!(
        said.contains(&format!(
            "{ATTENDEE}: 会议!B3 '区人大常委会会议'，字段“参会人员”：没有编号或姓名为“王小明”的\
             干部或协助人员（分组可写 全体干部、全体协助人员）\n"
        )),
        "{said}"
    );
    assert!(!said.contains("all-cadres"), "{said}");
    let (code, out, err) = zhudian(&["validate", ATTENDEE]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        format!("{out}{err}").contains(&format!(
            "{ATTENDEE}: 会议!B3 '区人大常委会会议', field '参会人员': there is no cadre or helper \
             '王小明' (groups: 全体干部 for all cadres, 全体协助人员 for all helpers)\n"
        )),
        "{out}{err}"
    );
}

/// The calendar CSV names its columns as the workbook's 日程 sheet does
/// (村居, 类型, 村（居）民小组, 补哪次接待), so a planner who has both sees one name.
#[test]
fn the_calendar_csv_uses_the_workbooks_column_names() {
    use calamine::{Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let at = |f: &str| dir.path().join(f).to_str().unwrap().to_string();
    let (plan, csv, book) = (at("p.toml"), at("s.csv"), at("d.xlsx"));
    assert_eq!(zhudian(&["plan", GUICHENG, "-o", &plan]).0, 0);
    let (code, _, err) = zhudian(&["--lang", "zh", "calendar", &plan, "--csv", &csv]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = zhudian(&["--lang", "zh", "export", &plan, "--xlsx", &book]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&csv).unwrap();
    let head = text.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert_eq!(
        head,
        "日期,星期,开始,结束,村居,类型,人员,村（居）民小组,户数,补哪次接待"
    );
    let mut wb: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let sheet = wb.worksheet_range("日程").unwrap();
    let sheet_heads: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    for h in head.split(',') {
        assert!(
            sheet_heads.iter().any(|s| s == h),
            "{h} not in 日程's {sheet_heads:?}"
        );
    }
    // The warnings CSV's kind and unit as the 提醒 sheet names them.
    let (code, out, err) = zhudian(&["--lang", "zh", "warnings", &plan, "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let head = out
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert_eq!(head, "类型,日期,村居,人员,说明");
    let sheet = wb.worksheet_range("提醒").unwrap();
    let sheet_heads: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    for h in ["类型", "日期", "村居", "人员"] {
        assert!(
            sheet_heads.iter().any(|s| s == h),
            "{h} not in 提醒's {sheet_heads:?}"
        );
    }
}
