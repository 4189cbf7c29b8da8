//! The help's words in Chinese (`--lang zh --help`, ZHUDIAN_LANG=zh): what
//! zhudian and each of its commands does, and the heading over the list of
//! commands. The English lines are clap's own, the doc comments on the
//! definitions in `cli`; flags keep their English help in both languages,
//! so that each flag has one definition.

use super::Lang;

/// A command's line in the help, by its name (`None`: zhudian itself);
/// `None` in English, or for a command with no Chinese line (clap's
/// `help`), where clap's own words stand.
pub fn about(command: Option<&str>, lang: Lang) -> Option<&'static str> {
    if lang == Lang::En {
        return None;
    }
    Some(match command {
        None => {
            "为镇街干部驻点直接联系群众编排方案：谁带哪个团队联系哪个村（社区），以及全年的走访日程。"
        }
        Some("validate") => "检查名册：列出每个问题及其位置；无误时给出概况",
        Some("plan") => "编排谁带哪个团队联系哪个村（社区）：写出方案文件，打印简表",
        Some("calendar") => {
            "方案的日程：导入手机（--ics 文件夹：每人一个 .ics）和表格（--csv 文件）"
        }
        Some("check") => "对照名册独立核查方案：每条硬性规则和日程规则，并重算方案得分",
        Some("replan") => "名册变动后对照正在执行的方案重新编排：按方案得分尽量少改动",
        Some("whatif") => "并行编排名册的各个假设方案，并与现名册方案比较",
        Some("generate") => "按种子生成逼真的模拟名册（或一个市县全部镇街的名册）",
        Some("compare") => "并排比较方案：方案得分及其各项、下界、路线、团队、日程；谁换到了哪里",
        Some("warnings") => {
            "方案中的全部提醒（或方案文件夹中各镇街的提醒），写明名称，输出表格或 CSV（--kind 只看一类）"
        }
        Some("people") => {
            "一个方案或各镇街方案的人员 CSV，每人一行：镇街、区、身份、联系村居、驻点接待、补接待、入户走访次数、占工作日"
        }
        Some("template") => "空白名册工作簿（.xlsx）供填写：全部工作表、表头、默认值和说明",
        Some("convert") => "在 TOML 和工作簿之间转换名册（格式按扩展名）",
        Some("export") => {
            "镇街下发的文件，写成工作簿：驻点团队、驻点时间表、领导干部、日程、提醒（默认中文，--lang 可改）"
        }
        Some("report") => {
            "单个 HTML 页面：一个方案（地图、工作量、方案好不好、全年、团队、提醒）、方案比较，或各镇街一览"
        }
        Some("notice") => {
            "村委会张贴的驻点时间公示表：每个村（社区）一页 A4（--unit 名称 只出一个），默认中文，--lang 可改"
        }
        Some(_) => return None,
    })
}

/// The heading over the list of commands; `None` keeps clap's "Commands".
pub fn commands_heading(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Zh => Some("命令"),
    }
}
