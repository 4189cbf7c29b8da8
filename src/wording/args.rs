//! The argument parser's common refusals in Chinese (`--lang zh` or
//! ZHUDIAN_LANG=zh): clap words them in English only. A missing required
//! argument, an unexpected argument, an unknown command, a value that is
//! not allowed and a flag without its value, each naming the flag as the
//! planner typed it, then the usage line. English keeps clap's own words.

use super::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum ArgSaid {
    /// Required arguments not given, as clap shows them (`--output <PLAN>`).
    Missing { args: Vec<String> },
    /// An argument the command does not take, with clap's nearest one.
    Unexpected {
        arg: String,
        suggestion: Option<String>,
    },
    /// A command that does not exist, with the similar ones.
    UnknownCommand {
        name: String,
        suggestions: Vec<String>,
    },
    /// A value the flag does not take; `valid` lists the ones it does.
    InvalidValue {
        arg: String,
        value: String,
        valid: Vec<String>,
    },
    /// A flag given without its value.
    NoValue { arg: String },
}

/// clap's placeholders, as a Chinese planner reads them (a trial read
/// `<PLAN>` and `<ROSTER>` as English left in).
const PLACEHOLDERS: [(&str, &str); 15] = [
    ("<COMMAND>", "<命令>"),
    ("[OPTIONS]", "[选项]"),
    ("<ROSTER>", "<名册文件>"),
    ("<PLAN>", "<方案文件>"),
    ("<PLANS>", "<方案文件夹>"),
    ("<FILE>", "<文件>"),
    ("<DIR>", "<文件夹>"),
    ("<DATE>", "<日期>"),
    ("<YEAR>", "<年份>"),
    ("<UNITS>", "<村居>"),
    ("<UNIT>", "<村居>"),
    ("<SECS>", "<秒数>"),
    ("<NAME>", "<名称>"),
    ("<KIND>", "<类型>"),
    ("<N>", "<数字>"),
];

fn placeholders_zh(s: &str) -> String {
    let mut s = s.to_string();
    for (en, zh) in PLACEHOLDERS {
        s = s.replace(en, zh);
    }
    // The short flag a planner types, beside the long one clap names.
    s.replace("--output ", "-o/--output ")
}

impl ArgSaid {
    /// The refusal in Chinese, then the usage line and where help is.
    pub fn zh(&self, usage: Option<&str>) -> String {
        placeholders_zh(&self.zh_words(usage))
    }

    fn zh_words(&self, usage: Option<&str>) -> String {
        let q = |s: &str| format!("“{s}”");
        let mut s = match self {
            ArgSaid::Missing { args } => format!("缺少必填参数：{}", args.join("、")),
            ArgSaid::Unexpected { arg, suggestion } => {
                let mut s = format!("不认识的参数{}", q(arg));
                if let Some(g) = suggestion {
                    s.push_str(&format!("，是不是 {g}？"));
                }
                s
            }
            ArgSaid::UnknownCommand { name, suggestions } => {
                let mut s = format!("没有{}这个命令", q(name));
                if !suggestions.is_empty() {
                    s.push_str(&format!("，是不是 {}？", suggestions.join(" 或 ")));
                }
                s
            }
            ArgSaid::InvalidValue { arg, value, valid } => {
                let mut s = format!("{}不是 {arg} 可以取的值", q(value));
                if !valid.is_empty() {
                    s.push_str(&format!("；可以取 {}", valid.join("、")));
                }
                s
            }
            ArgSaid::NoValue { arg } => format!("{arg} 后面缺少取值"),
        };
        if let Some(u) = usage {
            let u = u.trim().trim_start_matches("Usage:").trim();
            s.push_str(&format!("\n\n用法：{u}"));
        }
        s.push_str("\n\n更多说明请用 --help 查看。");
        s
    }
}

/// Only Chinese is worded here; English is clap's.
pub fn in_lang(said: &ArgSaid, usage: Option<&str>, lang: Lang) -> Option<String> {
    (lang == Lang::Zh).then(|| said.zh(usage))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_value_names_the_flag_and_the_help() {
        let s = ArgSaid::NoValue { arg: "-o".into() };
        assert_eq!(s.zh(None), "-o 后面缺少取值\n\n更多说明请用 --help 查看。");
        assert_eq!(in_lang(&s, None, Lang::En), None);
    }

    #[test]
    fn a_missing_output_says_its_short_flag_and_chinese_placeholders() {
        let s = ArgSaid::Missing {
            args: vec!["--output <PLAN>".into()],
        };
        assert_eq!(
            s.zh(Some("Usage: zhudian plan --output <PLAN> <ROSTER>")),
            "缺少必填参数：-o/--output <方案文件>\n\n用法：zhudian plan -o/--output <方案文件> <名册文件>\n\n更多说明请用 --help 查看。"
        );
    }
}
