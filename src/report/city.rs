//! The city page: one row per township — units, leaders, score, gap,
//! sessions without a township member, warnings — each township linked to
//! its own report page, written beside this one; the townships grouped by
//! district, each district closed by its subtotal, then the city's total.
//! The figures are `city-summary.csv`'s (`export::city_summary`): a
//! township's row counts its roster's leaders in force at the year's end
//! who lead a unit there (as its own page does), those who left or handed
//! over beside them, a shared cadre leading none there in a caption; a
//! subtotal or the total counts each person once. Sessions without a
//! township member are counted as the township's week grid shows them
//! (`scenario::short`), those made up later beside them.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::html::{esc, page};
use crate::export::city_summary::{Figures, RowKind, Summary};
use crate::wording::Lang;
use crate::wording::report::{
    Label, city_overview, city_people_once, city_title, gap_cell, subtotal_label,
};

/// The cells of one row after its first: units, leaders, those who left,
/// score, gap (for a township only), sessions short, of them made up,
/// warnings. `cell` is `td` or `th`.
fn figures(f: &Figures, gap: Option<&str>, cell: &str) -> String {
    let short = if f.shortfall_sessions > 0 && cell == "td" {
        " style=\"color:#b3261e;font-weight:600\""
    } else {
        ""
    };
    format!(
        "<{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{:.2}</{cell}><{cell} class=\"n\">{}</{cell}><{cell} class=\"n\"{short}>{}</{cell}><{cell} class=\"n\">{}</{cell}><{cell} class=\"n\">{}</{cell}>",
        f.units,
        f.leaders,
        f.leaders_left,
        f.cost,
        esc(gap.unwrap_or_default()),
        f.shortfall_sessions,
        f.shortfall_made_up,
        f.warnings.values().sum::<usize>(),
    )
}

/// The city's page; `name` is the city (city.toml's `[city] name`, empty
/// when it has none), `hrefs` each township's page (by township name),
/// relative to this one.
pub fn city_page(
    name: &str,
    summary: &Summary,
    hrefs: &BTreeMap<String, String>,
    lang: Lang,
) -> String {
    let heading = city_title(name, lang);
    let townships = summary
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Township(_)))
        .count();
    let total = summary
        .rows
        .iter()
        .find(|r| r.kind == RowKind::Total)
        .map(|r| r.figures.clone())
        .unwrap_or_default();
    let mut body = String::new();
    let _ = write!(
        body,
        "<header class=\"top\"><h1>{}</h1><p class=\"sub\">{}</p></header>",
        esc(&heading),
        esc(&city_overview(townships, total.units, total.leaders, lang))
    );
    let _ = write!(
        body,
        "<table class=\"city\"><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr>",
        Label::Township.say(lang),
        Label::Units.say(lang),
        Label::LeadersInForce.say(lang),
        Label::LeadersLeft.say(lang),
        Label::Score.say(lang),
        Label::Gap.say(lang),
        Label::Shortfalls.say(lang),
        Label::ShortfallsMadeUp.say(lang),
        Label::WarningCount.say(lang),
    );
    // A district's name heads its townships; the rows without a district
    // follow the last subtotal.
    let mut district: Option<&str> = None;
    for r in &summary.rows {
        match &r.kind {
            RowKind::Township(town) => {
                if let Some(d) = r.district.as_deref()
                    && district != Some(d)
                {
                    let _ = write!(
                        body,
                        "<tr class=\"district\"><th colspan=\"9\">{}</th></tr>",
                        esc(d)
                    );
                }
                district = r.district.as_deref();
                let href = hrefs.get(town).map(String::as_str).unwrap_or_default();
                let _ = write!(
                    body,
                    "<tr><td><a href=\"{}\">{}</a></td>{}</tr>",
                    esc(href),
                    esc(town),
                    figures(&r.figures, Some(&gap_cell(r.figures.gap, lang)), "td")
                );
            }
            // The page lists the townships it has plans for only.
            RowKind::NotPlanned { township, why } => {
                let why = crate::wording::city_summary::not_planned(why, lang);
                let _ = write!(
                    body,
                    "<tr><td>{}</td><td colspan=\"8\">{}</td></tr>",
                    esc(township),
                    esc(&why)
                );
            }
            RowKind::Subtotal => {
                let _ = write!(
                    body,
                    "<tr class=\"subtotal\"><th>{}</th>{}</tr>",
                    esc(&subtotal_label(
                        r.district.as_deref().unwrap_or_default(),
                        lang
                    )),
                    figures(&r.figures, None, "th")
                );
            }
            RowKind::Total => {
                let _ = write!(
                    body,
                    "<tr class=\"total\"><th>{}</th>{}</tr>",
                    Label::Total.say(lang),
                    figures(&r.figures, None, "th")
                );
            }
        }
    }
    body += "</table>";
    let in_rows: usize = summary
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Township(_)))
        .map(|r| r.figures.leaders)
        .sum();
    if in_rows > total.leaders {
        let _ = write!(
            body,
            "<p class=\"caption\">{}</p>",
            esc(city_people_once(lang))
        );
    }
    // A shared cadre leading no unit in a township is said apart, as on
    // city-summary.csv and the township's own page.
    let idle: Vec<(String, usize)> = summary
        .rows
        .iter()
        .filter_map(|r| match &r.kind {
            RowKind::Township(t) if r.figures.shared_idle > 0 => {
                Some((t.clone(), r.figures.shared_idle))
            }
            _ => None,
        })
        .collect();
    if !idle.is_empty() {
        let _ = write!(
            body,
            "<p class=\"caption\">{}</p>",
            esc(&crate::wording::shared_idle::city_caption(&idle, lang))
        );
    }
    page(&heading, &body, lang)
}
