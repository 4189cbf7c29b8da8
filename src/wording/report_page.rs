//! Words of the plan report added for the party committee's printed copy:
//! what the score does not measure, said beside it with the year's
//! problems; the line under the title (the plan's date, never a path); the
//! unit kinds and fortnightly marks of the tables; the week dates the
//! printed heatmap carries. The rest of the report's words are in
//! `wording::report`.

use chrono::{Datelike, NaiveDate};

use super::Lang;
use super::documents::month_day;

/// What the plan cannot do in the year, counted for the opening.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shortcomings {
    /// Station sessions with no township member (made up later or not).
    pub short_sessions: usize,
    /// Missed sessions that cannot be made up.
    pub not_made_up: usize,
    /// People whose household visits do not fit at a unit.
    pub visits_short: usize,
}

impl Shortcomings {
    pub fn any(&self) -> bool {
        self.short_sessions + self.not_made_up + self.visits_short > 0
    }
}

/// Beside the score: the score weighs loads and tours only, so a best
/// score is no promise of a plan without problems; then the year's
/// problems and the section that says what fixes them. Returns the
/// sentence and the words of the pointer, which the page links to the
/// section: ("方案得分只衡量…：全年 92 次…", "见下文“提醒及解决办法”").
pub fn limits(c: &Shortcomings, section: &str, lang: Lang) -> (String, String) {
    let mut parts: Vec<String> = Vec::new();
    match lang {
        Lang::Zh => {
            if c.short_sessions > 0 {
                parts.push(format!(
                    "全年有 {} 次驻点接待没有镇级人员到场",
                    c.short_sessions
                ));
            }
            if c.not_made_up > 0 {
                parts.push(format!("{} 次缺席的驻点接待无法补接待", c.not_made_up));
            }
            if c.visits_short > 0 {
                parts.push(format!("{} 处入户走访排不下", c.visits_short));
            }
            (
                format!(
                    "方案得分只衡量工作量是否均衡和路程远近，得分最好不等于方案没有问题：{}。",
                    parts.join("，")
                ),
                format!("解决办法见下文“{section}”"),
            )
        }
        Lang::En => {
            if c.short_sessions > 0 {
                parts.push(format!(
                    "{} in the year {} no township member",
                    super::counted(c.short_sessions, "station session", "station sessions"),
                    if c.short_sessions == 1 { "has" } else { "have" }
                ));
            }
            if c.not_made_up > 0 {
                parts.push(format!(
                    "{} cannot be made up",
                    super::counted(c.not_made_up, "missed session", "missed sessions")
                ));
            }
            if c.visits_short > 0 {
                parts.push(format!(
                    "household visits do not fit in {}",
                    super::counted(c.visits_short, "place", "places")
                ));
            }
            (
                format!(
                    "The score weighs only how even the loads are and how far the tours go; the best score is no promise of a plan without problems: {}.",
                    parts.join("; ")
                ),
                format!("What fixes them: “{section}” below"),
            )
        }
    }
}

/// The line under the title: the day the plan was made (its file's date)
/// and, for a replan from a date, that date; `None` when neither is known.
/// "方案编制日期：2026年12月5日（2026年10月1日起重新编排）" /
/// "Plan made on Dec 5, 2026 (replanned from Oct 1, 2026)".
pub fn plan_dated(made: Option<NaiveDate>, from: Option<NaiveDate>, lang: Lang) -> Option<String> {
    let day = |d: NaiveDate| match lang {
        Lang::Zh => format!("{}年{}", d.year(), month_day(d.month(), d.day(), lang)),
        Lang::En => format!("{}, {}", month_day(d.month(), d.day(), lang), d.year()),
    };
    let from = from.map(|f| match lang {
        Lang::Zh => format!("{}起重新编排", day(f)),
        Lang::En => format!("replanned from {}", day(f)),
    });
    match (made, from, lang) {
        (None, None, _) => None,
        (Some(m), None, Lang::Zh) => Some(format!("方案编制日期：{}", day(m))),
        (Some(m), None, Lang::En) => Some(format!("Plan made on {}", day(m))),
        (Some(m), Some(f), Lang::Zh) => Some(format!("方案编制日期：{}（{f}）", day(m))),
        (Some(m), Some(f), Lang::En) => Some(format!("Plan made on {} ({f})", day(m))),
        (None, Some(f), Lang::Zh) => Some(format!("方案于{f}")),
        (None, Some(f), Lang::En) => Some(format!("Plan {f}")),
    }
}

/// The caption of the week-by-week heatmap. Its columns carry their dates
/// (the month above, the day below it), for the printed page. A township's
/// page of a city report ties its count to the city summary's; a township
/// planner's own report has no city summary, so it says the township's
/// year instead.
pub fn weeks_caption(in_city: bool, lang: Lang) -> &'static str {
    match (lang, in_city) {
        (Lang::En, true) => {
            "One row a unit (fortnightly ones marked), one column a week's station day, its month and day at the top. Sessions without a township member, made up later or not, add up to the township's figure on the page “Stationing plans of every township”; the two kinds made up add up to its make-up sessions."
        }
        (Lang::En, false) => {
            "One row a unit (fortnightly ones marked), one column a week's station day, its month and day at the top. Sessions without a township member, made up later or not, add up to the township's count for the year; the two kinds made up add up to its make-up sessions."
        }
        (Lang::Zh, true) => {
            "每行一个村（社区），隔周驻点的注明“隔周”；每列一周的驻点日，列头为月份和日期。“缺少镇级人员的接待”未补接待与已补接待两项相加，即“各镇街驻点方案一览”中本镇街的“缺少镇级人员的接待”次数；两种“已补接待”相加，即其补接待次数。"
        }
        (Lang::Zh, false) => {
            "每行一个村（社区），隔周驻点的注明“隔周”；每列一周的驻点日，列头为月份和日期。“缺少镇级人员的接待”未补接待与已补接待两项相加，即本镇街全年“缺少镇级人员的接待”的次数；两种“已补接待”相加，即其补接待次数。"
        }
    }
}

/// A fortnightly unit's mark beside its name: "下围村（隔周）" /
/// "下围村 (fortnightly)".
pub fn fortnightly(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}（隔周）"),
        Lang::En => format!("{name} (fortnightly)"),
    }
}

/// The teams table's note on a fortnightly unit.
pub fn fortnightly_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "隔周驻点",
        Lang::En => "fortnightly",
    }
}

/// A cell's tooltip in the heatmap: "2015-03-10 西海村: session held".
pub fn cell_title(date: &str, unit: &str, state: super::report::Label, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{date} {unit}: {}", state.say(lang)),
        Lang::Zh => format!("{date} {unit}：{}", state.say(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_name_every_problem_in_both_languages() {
        let c = Shortcomings {
            short_sessions: 92,
            not_made_up: 1,
            visits_short: 3,
        };
        assert_eq!(
            limits(&c, "提醒及解决办法", Lang::Zh),
            (
                "方案得分只衡量工作量是否均衡和路程远近，得分最好不等于方案没有问题：全年有 92 次驻点接待没有镇级人员到场，1 次缺席的驻点接待无法补接待，3 处入户走访排不下。".to_string(),
                "解决办法见下文“提醒及解决办法”".to_string()
            )
        );
        assert_eq!(
            limits(&c, "Warnings and what fixes them", Lang::En).0,
            "The score weighs only how even the loads are and how far the tours go; the best score is no promise of a plan without problems: 92 station sessions in the year have no township member; 1 missed session cannot be made up; household visits do not fit in 3 places."
        );
    }

    #[test]
    fn the_plan_is_dated_not_named_by_its_path() {
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        assert_eq!(
            plan_dated(d(12, 5), None, Lang::Zh).unwrap(),
            "方案编制日期：2026年12月5日"
        );
        assert_eq!(
            plan_dated(d(12, 5), d(10, 1), Lang::Zh).unwrap(),
            "方案编制日期：2026年12月5日（2026年10月1日起重新编排）"
        );
        assert_eq!(
            plan_dated(d(12, 5), d(10, 1), Lang::En).unwrap(),
            "Plan made on Dec 5, 2026 (replanned from Oct 1, 2026)"
        );
        assert_eq!(plan_dated(None, None, Lang::Zh), None);
    }
}
