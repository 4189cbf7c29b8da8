//! The year at a glance: a heatmap of station weeks × units (session held,
//! held without a township member — made up later or not, the two adding up
//! to the city's figure, `scenario::short` — holiday, made up, none), and a table of
//! each person's household-visit half-days by month.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate};

use super::html::{esc, num};
use super::map::{person_name, unit_name};
use crate::model::Cadence;
use crate::model::Roster;
use crate::plan::PlanFile;
use crate::wording::Lang;
use crate::wording::report::{Label, leader_post, month, role};
use crate::wording::report_page::{cell_title, fortnightly, weeks_caption};

/// What happened at a unit in one week's station window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Staffed,
    /// Held without a township member, not made up.
    Short,
    /// Held without a township member, then made up on a make-up day.
    ShortMadeUp,
    /// An official public holiday (src/days.rs).
    OfficialHoliday,
    /// One of the roster's own `[[holiday]]`s.
    Holiday,
    Makeup,
    /// A fortnightly unit's week without its session.
    OffWeek,
    None,
}

impl Cell {
    pub fn label(self) -> Label {
        match self {
            Cell::Staffed => Label::Staffed,
            Cell::Short => Label::Short,
            Cell::ShortMadeUp => Label::ShortMadeUp,
            Cell::OfficialHoliday => Label::OfficialHoliday,
            Cell::Holiday => Label::Holiday,
            Cell::Makeup => Label::Makeup,
            Cell::OffWeek => Label::OffWeek,
            Cell::None => Label::NoSession,
        }
    }
    pub fn colour(self) -> &'static str {
        match self {
            Cell::Staffed => "#4c9a5b",
            Cell::Short => "#e0533d",
            Cell::ShortMadeUp => "#f0a04b",
            Cell::OfficialHoliday => "#a9c1e3",
            Cell::Holiday => "#d7c49e",
            Cell::Makeup => "#8e6cc0",
            Cell::OffWeek => "#ffffff",
            Cell::None => "#eef1f4",
        }
    }
}

/// The station window's dates in the plan's year.
pub fn window_days(roster: &Roster) -> Vec<NaiveDate> {
    let year = roster.township.year;
    let Some(mut d) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    while d.weekday() != roster.station.weekday {
        d += Duration::days(1);
    }
    let mut out = Vec::new();
    while d.year() == year {
        out.push(d);
        d += Duration::days(7);
    }
    out
}

pub use crate::scenario::short::township_person;

/// Cells per unit (roster order) and week.
pub fn cells(roster: &Roster, plan: &PlanFile) -> Vec<Vec<Cell>> {
    let days = window_days(roster);
    let mut station: BTreeMap<(&str, &str), bool> = BTreeMap::new();
    let mut made_up: BTreeSet<(&str, &str)> = BTreeSet::new();
    let short_made_up = crate::scenario::short::made_up_keys(roster, plan);
    for s in &plan.session {
        match s.kind.as_str() {
            "station" => {
                let staffed = s.people.iter().any(|p| township_person(roster, p));
                station.insert((s.unit.as_str(), s.date.as_str()), staffed);
            }
            "makeup" => {
                if let Some(d) = &s.makes_up {
                    made_up.insert((s.unit.as_str(), d.as_str()));
                }
            }
            _ => {}
        }
    }
    roster
        .units
        .iter()
        .map(|u| {
            days.iter()
                .map(|d| {
                    let date = d.format("%Y-%m-%d").to_string();
                    let key = (u.id.as_str(), date.as_str());
                    // A session held without a township member is one, made
                    // up or not, as the city counts it.
                    if short_made_up.contains(&key) {
                        Cell::ShortMadeUp
                    } else if station.get(&key) == Some(&false) {
                        Cell::Short
                    } else if made_up.contains(&key) {
                        Cell::Makeup
                    } else if station.contains_key(&key) {
                        Cell::Staffed
                    } else if roster.holidays.iter().any(|h| h.contains(*d)) {
                        Cell::Holiday
                    } else if roster.days.holiday(*d).is_some() {
                        Cell::OfficialHoliday
                    } else if u.cadence == Cadence::Biweekly {
                        Cell::OffWeek
                    } else {
                        Cell::None
                    }
                })
                .collect()
        })
        .collect()
}

const LABEL_W: f64 = 130.0;
const CELL: f64 = 14.0;
/// A fortnightly unit's off week is blank with a dashed edge, on screen and paper.
const OFF_WEEK_EDGE: &str = " stroke=\"#9aa4ae\" stroke-width=\"0.8\" stroke-dasharray=\"2 1\"";

/// Room above the rows for the months and, under them, each column's day.
const TOP: f64 = 30.0;

/// The weeks × units heatmap with its legend; `in_city` on a township's
/// page of a city report.
pub fn weeks(roster: &Roster, plan: &PlanFile, in_city: bool, lang: Lang) -> String {
    let days = window_days(roster);
    let grid = cells(roster, plan);
    let w = LABEL_W + CELL * days.len() as f64 + 4.0;
    let h = TOP + CELL * roster.units.len() as f64 + 4.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<p class=\"caption\">{}</p><svg class=\"heat\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\">",
        weeks_caption(in_city, lang),
        num(w),
        num(h),
        num(w)
    );
    let mut last_month = 0;
    for (k, d) in days.iter().enumerate() {
        // The day of the month over each column: the printed page has no
        // tooltips to say a cell's date.
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"25\" font-size=\"7\" text-anchor=\"middle\" fill=\"#5b6673\">{}</text>",
            num(LABEL_W + CELL * k as f64 + (CELL - 2.0) / 2.0),
            d.day()
        );
        if d.month() != last_month {
            last_month = d.month();
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"12\" font-size=\"10\" fill=\"#5b6673\">{}</text>",
                num(LABEL_W + CELL * k as f64),
                esc(&month(d.month(), lang))
            );
        }
    }
    for (i, u) in roster.units.iter().enumerate() {
        let y = TOP + CELL * i as f64;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
            num(LABEL_W - 6.0),
            num(y + 10.5),
            esc(&match u.cadence {
                Cadence::Biweekly => fortnightly(&u.name, lang),
                Cadence::Weekly => u.name.clone(),
            })
        );
        for (k, d) in days.iter().enumerate() {
            let c = grid[i][k];
            let date = d.format("%Y-%m-%d").to_string();
            let _ = write!(
                s,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{}\"{}><title>{}</title></rect>",
                num(LABEL_W + CELL * k as f64),
                num(y),
                num(CELL - 2.0),
                num(CELL - 2.0),
                c.colour(),
                if c == Cell::OffWeek {
                    OFF_WEEK_EDGE
                } else {
                    ""
                },
                esc(&cell_title(&date, &u.name, c.label(), lang))
            );
        }
    }
    s.push_str("</svg><ul class=\"legend\">");
    for c in [
        Cell::Staffed,
        Cell::Short,
        Cell::ShortMadeUp,
        Cell::OfficialHoliday,
        Cell::Holiday,
        Cell::Makeup,
        Cell::OffWeek,
        Cell::None,
    ] {
        let n: usize = grid.iter().flatten().filter(|x| **x == c).count();
        if c == Cell::OffWeek && n == 0 {
            continue;
        }
        let _ = write!(
            s,
            "<li><span class=\"sw\" style=\"background:{}\"></span>{} <span class=\"caption\">{n}</span></li>",
            c.colour(),
            c.label().say(lang)
        );
    }
    s.push_str("</ul>");
    s
}

/// Household-visit half-days per person and month, leaders first.
pub fn visits(roster: &Roster, plan: &PlanFile, lang: Lang) -> String {
    let mut by: BTreeMap<&str, [u32; 12]> = BTreeMap::new();
    for v in plan.session.iter().filter(|s| s.kind == "household_visit") {
        let Ok(d) = NaiveDate::parse_from_str(&v.date, "%Y-%m-%d") else {
            continue;
        };
        for p in &v.people {
            by.entry(p.as_str()).or_default()[d.month0() as usize] += 1;
        }
    }
    if by.is_empty() {
        return String::new();
    }
    let top = by.values().flatten().copied().max().unwrap_or(1).max(1) as f64;
    let mut order: Vec<&str> = roster
        .cadres
        .iter()
        .map(|c| c.id.as_str())
        .chain(roster.helpers.iter().map(|h| h.id.as_str()))
        .filter(|id| by.contains_key(id))
        .collect();
    order.extend(
        by.keys()
            .filter(|k| !order.contains(k))
            .copied()
            .collect::<Vec<_>>(),
    );
    let mut s = String::new();
    let _ = write!(
        s,
        "<h3>{}</h3><table class=\"months\"><tr><th>{}</th><th></th>",
        Label::VisitHalfDays.say(lang),
        Label::Person.say(lang)
    );
    for m in 1..=12 {
        let _ = write!(s, "<th class=\"n\">{}</th>", esc(&month(m, lang)));
    }
    let _ = write!(s, "<th class=\"n\">{}</th></tr>", Label::Total.say(lang));
    for id in order {
        let row = by[id];
        let what = if let Some(i) = roster.cadre_index(id) {
            let p = &roster.cadres[i].post;
            if p.is_empty() {
                leader_post(lang).to_string()
            } else {
                p.clone()
            }
        } else if let Some(i) = roster.helper_index(id) {
            let h = &roster.helpers[i];
            match &h.unit {
                Some(u) => format!("{} · {}", role(h.role, lang), unit_name(roster, u)),
                None => role(h.role, lang).to_string(),
            }
        } else {
            String::new()
        };
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"caption\">{}</td>",
            esc(person_name(roster, id)),
            esc(&what)
        );
        for n in row {
            let a = n as f64 / top;
            let _ = write!(
                s,
                "<td class=\"n\" style=\"background:rgba(46,125,50,{:.2})\">{}</td>",
                0.08 + 0.5 * a,
                if n == 0 { String::new() } else { n.to_string() }
            );
        }
        let _ = write!(
            s,
            "<td class=\"n\"><b>{}</b></td></tr>",
            row.iter().sum::<u32>()
        );
    }
    s.push_str("</table>");
    s
}
