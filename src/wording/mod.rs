//! Every sentence zhudian says to a planner, in English and Chinese side by
//! side. Code elsewhere builds a value that says *what* happened; the
//! functions here choose the words. Tests check these texts word for word.

pub mod across;
pub mod args;
pub mod calendar;
mod calendar_command;
pub mod check;
pub mod city;
pub mod city_settings;
pub mod city_summary;
pub mod city_table;
pub mod city_warnings;
pub mod city_whatif;
pub mod city_whatif_formats;
pub mod documents;
pub mod help;
pub mod input;
pub mod io;
pub mod moves;
pub mod names;
pub mod notice;
pub mod places;
pub mod places_gap;
pub mod plan;
pub mod report;
pub mod report_page;
pub mod roster;
pub mod scenario;
pub mod shared_idle;
pub mod shortfall;
pub mod skill_share;
pub mod slot_helpers;
pub mod station;
pub mod summary;
pub mod table;
pub mod terms;
pub mod warnings;
pub mod whatif;
pub mod window_taken;
pub mod workbook;
pub mod year;

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

static LANG: AtomicU8 = AtomicU8::new(0);

impl Lang {
    /// Reads a language name: "en", "zh", or a locale such as "zh-CN",
    /// "zh_CN" or "zh_CN.UTF-8". Anything else (cn, 中文, fr, zhong) is
    /// `None`: the caller refuses it rather than fall back to English.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let base = s.split('.').next().unwrap_or("");
        let code = base.split(['-', '_']).next().unwrap_or("");
        let region_ok = base.len() == code.len()
            || base[code.len() + 1..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && base.len() > code.len() + 1;
        match code {
            "zh" if region_ok => Some(Lang::Zh),
            "en" if region_ok => Some(Lang::En),
            "c" | "posix" if base == code => Some(Lang::En),
            _ => None,
        }
    }

    /// The language for this run: set by the CLI (`--lang`, `ZHUDIAN_LANG`).
    pub fn current() -> Lang {
        if LANG.load(Ordering::Relaxed) == 1 {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn set_current(lang: Lang) {
        LANG.store(if lang == Lang::Zh { 1 } else { 0 }, Ordering::Relaxed);
    }
}

/// An unknown language, said in both languages since none was chosen:
/// `source` is "--lang" or "ZHUDIAN_LANG".
pub fn unknown_lang(source: &str, given: &str) -> String {
    format!(
        "unknown language “{given}” in {source}: use en (English) or zh (中文)\n\
         {source} 中的语言“{given}”无法识别：请用 en（英文）或 zh（中文）"
    )
}

/// Something that can be said to a planner in either language.
pub trait Say {
    fn say(&self, lang: Lang) -> String;
    fn en(&self) -> String {
        self.say(Lang::En)
    }
    fn zh(&self) -> String {
        self.say(Lang::Zh)
    }
}

/// An English count with its noun, singular for one: "1 session", "3
/// sessions" (`one` and `many` the two forms).
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n: u64 = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// As [`count`], for a `usize`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    count(n as u64, one, many)
}

/// Joins a list the way a sentence does: "a, b and c" / "a、b和c".
pub fn list(items: &[String], lang: Lang) -> String {
    match (items.len(), lang) {
        (0, _) => String::new(),
        (1, _) => items[0].clone(),
        (n, Lang::En) => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
        (n, Lang::Zh) => format!("{}和{}", items[..n - 1].join("、"), items[n - 1]),
    }
}

/// A date in a sentence: "2015年7月1日" in Chinese; English keeps
/// 2015-07-01. Files for machines (TOML, CSV, iCal) keep ISO dates.
pub fn date(d: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    match lang {
        Lang::En => d.to_string(),
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// As [`date`] for a date held as text: ISO text is said as a date, any
/// other text as it is.
pub fn date_text(s: &str, lang: Lang) -> String {
    match s.parse() {
        Ok(d) => date(d, lang),
        Err(_) => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_in_a_sentence_reads_as_a_planner_writes_it() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        assert_eq!(date(d, Lang::Zh), "2026年7月1日");
        assert_eq!(date(d, Lang::En), "2026-07-01");
        assert_eq!(date_text("2015-12-31", Lang::Zh), "2015年12月31日");
        assert_eq!(date_text("年底", Lang::Zh), "年底");
    }
}
