//! `--help` in Chinese (`--lang zh` or ZHUDIAN_LANG=zh): what zhudian and
//! each command does, and the heading over the commands; English keeps
//! clap's words from the definitions. Flags keep their English help.

use std::process::Command;

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

/// `zhudian ARGS` with ZHUDIAN_LANG set: exit code and stdout.
fn with_env_lang(lang: &str, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(args)
        .env("ZHUDIAN_LANG", lang)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_list_of_commands_is_in_chinese() {
    let (c, out, _) = zhudian(&["--lang", "zh", "--help"]);
    assert_eq!(c, 0);
    assert!(out.starts_with(
        "为镇街干部驻点直接联系群众编排方案：谁带哪个团队联系哪个村（社区），以及全年的走访日程。\n"
    ));
    let commands = "命令:\n\
        \x20 validate  检查名册：列出每个问题及其位置；无误时给出概况\n\
        \x20 plan      编排谁带哪个团队联系哪个村（社区）：写出方案文件，打印简表\n\
        \x20 calendar  方案的日程：导入手机（--ics 文件夹：每人一个 .ics）和表格（--csv 文件）\n\
        \x20 check     对照名册独立核查方案：每条硬性规则和日程规则，并重算方案得分\n\
        \x20 replan    名册变动后对照正在执行的方案重新编排：按方案得分尽量少改动\n\
        \x20 whatif    并行编排名册的各个假设方案，并与现名册方案比较\n\
        \x20 generate  按种子生成逼真的模拟名册（或一个市县全部镇街的名册）\n\
        \x20 compare   并排比较方案：方案得分及其各项、下界、路线、团队、日程；谁换到了哪里\n\
        \x20 warnings  方案中的全部提醒（或方案文件夹中各镇街的提醒），写明名称，输出表格或 CSV（--kind 只看一类）\n\
        \x20 people    一个方案或各镇街方案的人员 CSV，每人一行：镇街、区、身份、联系村居、驻点接待、补接待、入户走访次数、占工作日\n\
        \x20 template  空白名册工作簿（.xlsx）供填写：全部工作表、表头、默认值和说明\n\
        \x20 convert   在 TOML 和工作簿之间转换名册（格式按扩展名）\n\
        \x20 export    镇街下发的文件，写成工作簿：驻点团队、驻点时间表、领导干部、日程、提醒（默认中文，--lang 可改）\n\
        \x20 report    单个 HTML 页面：一个方案（地图、工作量、方案好不好、全年、团队、提醒）、方案比较，或各镇街一览\n\
        \x20 notice    村委会张贴的驻点时间公示表：每个村（社区）一页 A4（--unit 名称 只出一个），默认中文，--lang 可改\n";
    assert!(out.contains(commands), "{out}");
    // The same from ZHUDIAN_LANG.
    let (c, env) = with_env_lang("zh", &["--help"]);
    assert_eq!(c, 0);
    assert_eq!(env, out);
}

#[test]
fn a_commands_help_opens_with_its_chinese_line_and_english_stays_claps() {
    let (c, zh, _) = zhudian(&["--lang", "zh", "plan", "--help"]);
    assert_eq!(c, 0);
    assert!(zh.starts_with(
        "编排谁带哪个团队联系哪个村（社区）：写出方案文件，打印简表\n\nUsage: zhudian plan "
    ));
    // A command whose doc comment runs to two paragraphs shows no English under zh.
    let (_, check) = with_env_lang("zh", &["check", "--help"]);
    assert!(check.starts_with(
        "对照名册独立核查方案：每条硬性规则和日程规则，并重算方案得分\n\nUsage: zhudian check "
    ));
    let (c, en, _) = zhudian(&["plan", "--help"]);
    assert_eq!(c, 0);
    assert!(en.starts_with(
        "Plan who leads which unit with which team: writes the plan file, prints a short table\n\nUsage: zhudian plan "
    ));
    let (_, en) = with_env_lang("en", &["--help"]);
    assert!(en.contains(
        "Commands:\n  validate  Check a roster: every problem, each with its place; a summary when valid\n"
    ));
}
