//! One word for each figure, in every command: the plan's cost, its bound
//! and gap, the status words and what a warning is called. README.md
//! ("Reading the figures") explains them once.

use super::Lang;

/// The township's office in Chinese: 街道办 for a sub-district (a name that
/// ends in 街道), 镇政府 for a town. The glossary's own terms (缺少镇级人员的
/// 接待) stay as they are.
pub fn office_zh(township: &str) -> &'static str {
    if township.trim().ends_with("街道") {
        "街道办"
    } else {
        "镇政府"
    }
}

/// The plan's cost: penalty points, lower is better.
pub fn cost(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "cost",
        Lang::Zh => "方案得分",
    }
}

/// The lower bound: no plan can score fewer points.
pub fn bound(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "lower bound",
        Lang::Zh => "理论最好得分",
    }
}

/// How far the cost may be above the best possible, in per cent.
pub fn gap(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "gap",
        Lang::Zh => "差距",
    }
}

/// A plan's status word: "optimal" (proven) or "feasible" (a limit cut the proof).
pub fn status(status: &str, lang: Lang) -> &'static str {
    match (status == "optimal", lang) {
        (true, Lang::En) => "optimal",
        (false, Lang::En) => "feasible",
        (true, Lang::Zh) => "最优",
        (false, Lang::Zh) => "可用，未证明最优",
    }
}

/// What the plan file's warnings are called.
pub fn warnings(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "warnings",
        Lang::Zh => "提醒",
    }
}

/// A skill as a planner reads it: in Chinese the word the workbook writes
/// (法律 for `legal`), a skill of the roster's own as written; English keeps
/// the roster's code.
pub fn skill(code: &str, lang: Lang) -> String {
    use crate::workbook::schema::{SKILLS, zh_of};
    match lang {
        Lang::En => code.to_string(),
        Lang::Zh => zh_of(SKILLS, code),
    }
}
