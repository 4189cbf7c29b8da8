//! Every sentence zhudian says to a planner, in English and Chinese side by
//! side. Code elsewhere builds a value that says *what* happened; the
//! functions here choose the words. Tests check these texts word for word.

pub mod calendar;
pub mod check;
pub mod documents;
pub mod plan;
pub mod report;
pub mod roster;
pub mod scenario;
pub mod station;
pub mod workbook;

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

static LANG: AtomicU8 = AtomicU8::new(0);

impl Lang {
    /// Reads a language name: "en", "zh", or a locale such as "zh_CN.UTF-8".
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") || s == "c" || s == "posix" {
            Some(Lang::En)
        } else {
            None
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

/// Joins a list the way a sentence does: "a, b and c" / "a、b和c".
pub fn list(items: &[String], lang: Lang) -> String {
    match (items.len(), lang) {
        (0, _) => String::new(),
        (1, _) => items[0].clone(),
        (n, Lang::En) => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
        (n, Lang::Zh) => format!("{}和{}", items[..n - 1].join("、"), items[n - 1]),
    }
}
