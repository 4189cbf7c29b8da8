//! The city page: one row per township — units, leaders, score, gap,
//! sessions without a township member, warnings — each township linked to
//! its own report page, written beside this one.

use std::fmt::Write;

use super::html::{esc, page};
use crate::wording::Lang;
use crate::wording::report::{Label, city_overview, gap_cell};

/// One township's line.
#[derive(Debug, Clone, PartialEq)]
pub struct CityLine {
    pub township: String,
    /// The township page's address, relative to the city page.
    pub href: String,
    pub units: usize,
    pub leaders: usize,
    pub cost: f64,
    pub gap: f64,
    pub shortfalls: usize,
    pub warnings: usize,
}

/// The city's page; `name` is the city (or folder) as the planner calls it.
pub fn city_page(name: &str, lines: &[CityLine], lang: Lang) -> String {
    let units: usize = lines.iter().map(|l| l.units).sum();
    let leaders: usize = lines.iter().map(|l| l.leaders).sum();
    let mut body = String::new();
    let heading = if name.is_empty() {
        Label::CityTitle.say(lang).to_string()
    } else {
        match lang {
            Lang::En => format!("{name}: {}", Label::CityTitle.say(lang)),
            Lang::Zh => format!("{name}{}", Label::CityTitle.say(lang)),
        }
    };
    let _ = write!(
        body,
        "<header class=\"top\"><h1>{}</h1><p class=\"sub\">{}</p></header>",
        esc(&heading),
        esc(&city_overview(lines.len(), units, leaders, lang))
    );
    let _ = write!(
        body,
        "<table class=\"city\"><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr>",
        Label::Township.say(lang),
        Label::Units.say(lang),
        Label::Leaders.say(lang),
        Label::Score.say(lang),
        Label::Gap.say(lang),
        Label::Shortfalls.say(lang),
        Label::WarningCount.say(lang),
    );
    for l in lines {
        let short = if l.shortfalls > 0 {
            " style=\"color:#b3261e;font-weight:600\""
        } else {
            ""
        };
        let _ = write!(
            body,
            "<tr><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.2}</td><td class=\"n\">{}</td><td class=\"n\"{short}>{}</td><td class=\"n\">{}</td></tr>",
            esc(&l.href),
            esc(&l.township),
            l.units,
            l.leaders,
            l.cost,
            esc(&gap_cell(l.gap, lang)),
            l.shortfalls,
            l.warnings
        );
    }
    let _ = write!(
        body,
        "<tr><th>{}</th><th class=\"n\">{units}</th><th class=\"n\">{leaders}</th><th class=\"n\">{:.2}</th><th></th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></table>",
        Label::Total.say(lang),
        lines.iter().map(|l| l.cost).sum::<f64>(),
        lines.iter().map(|l| l.shortfalls).sum::<usize>(),
        lines.iter().map(|l| l.warnings).sum::<usize>(),
    );
    page(&heading, &body, lang)
}
