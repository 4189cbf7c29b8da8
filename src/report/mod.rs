//! The HTML report: one self-contained page (inline SVG and CSS, nothing
//! fetched, no script) per plan, per comparison of plans, and per city. A
//! township party committee reads it at its meeting: the map of who goes
//! where, whether the loads are fair, how good the plan is, how the year
//! fills, the teams, and what needs fixing. Every string from a roster or a
//! plan is escaped. These functions return the page; the command layer
//! writes it.

pub mod city;
pub mod city_whatif;
pub mod compare;
pub mod html;
pub mod layout;
pub mod map;
pub mod notice;
pub mod sections;
pub mod year;

use std::collections::BTreeSet;
use std::fmt::Write;

use chrono::NaiveDate;

use crate::model::Roster;
use crate::plan::PlanFile;
use crate::scenario::transfer::Moves;
use crate::wording::Lang;
use crate::wording::report::{Label, overview, stale_plan, title};
use crate::wording::report_page::plan_dated;
use html::esc;

pub use city::city_page;
pub use city_whatif::city_whatif_page;
pub use compare::compare_page;

/// The cadres in force at the year's end: those who do not leave during it
/// (a predecessor who hands over is counted apart), as `validate` and the
/// city's figures count them (`Roster::cadres_in_force`).
pub fn in_force(roster: &Roster) -> usize {
    roster.cadres_in_force().count()
}

/// The page's heading: title, figures, the plan's date (`made`, the day
/// its file was written, and the date a replan started from; never a
/// path, which means nothing on paper), and a notice when the plan was not
/// made from this roster.
fn header(
    roster: &Roster,
    what: Label,
    plans: &[&PlanFile],
    made: Option<NaiveDate>,
    lang: Lang,
) -> String {
    let households: u64 = roster.units.iter().map(|u| u.households as u64).sum();
    // Shared cadres who lead no unit in any of the plans shown.
    let idle: Vec<&crate::model::Cadre> = match plans.first() {
        Some(first) => crate::scenario::in_post::shared_leading_none(roster, first)
            .into_iter()
            .filter(|c| {
                plans.iter().all(|p| {
                    crate::scenario::in_post::shared_leading_none(roster, p)
                        .iter()
                        .any(|x| x.id == c.id)
                })
            })
            .collect(),
        None => Vec::new(),
    };
    let from = match plans {
        [one] => one
            .plan
            .replanned_from
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        _ => None,
    };
    let dated = plan_dated(made, from, lang);
    let mut s = String::new();
    let _ = write!(
        s,
        "<header class=\"top\"><h1>{}</h1><p class=\"sub\">{}{}</p></header>",
        esc(&title(
            &roster.township.name,
            roster.township.year,
            what,
            lang
        )),
        esc(&overview(
            in_force(roster) - idle.len(),
            roster.cadres.len() - in_force(roster),
            idle.len(),
            roster.units.len(),
            households,
            lang
        )),
        dated.map_or_else(String::new, |d| format!(" {}", esc(&d))),
    );
    if plans.iter().any(|p| p.plan.roster_sha256 != roster.sha256) {
        let _ = write!(s, "<p class=\"notice\">{}</p>", stale_plan(lang));
    }
    s
}

/// The report of one plan.
pub fn plan_page(roster: &Roster, plan: &PlanFile, lang: Lang) -> String {
    plan_page_moved(roster, plan, &Moves::default(), false, None, lang)
}

/// The report of one plan of a city's township whose people move to or
/// from its other townships (`moves`): the handovers say where to and from.
/// `in_city` when the page is one of a city report's, beside its summary;
/// `made` the day the plan's file was written, when known.
pub fn plan_page_moved(
    roster: &Roster,
    plan: &PlanFile,
    moves: &Moves,
    in_city: bool,
    made: Option<NaiveDate>,
    lang: Lang,
) -> String {
    let layout = layout::Layout::of(roster);
    let palette = map::Palette::of(&[roster], &[plan]);
    let mut body = header(roster, Label::PlanTitle, &[plan], made, lang);
    let _ = write!(
        body,
        "<section id=\"quality\"><h2>{}</h2>{}</section>",
        Label::Quality.say(lang),
        sections::quality(plan, lang)
    );
    let _ = write!(
        body,
        "<section id=\"map\"><h2>{}</h2>{}{}</section>",
        Label::Map.say(lang),
        map::svg(roster, plan, &palette, &layout, &BTreeSet::new(), lang),
        map::legend(roster, plan, &palette, lang)
    );
    let _ = write!(
        body,
        "<section id=\"loads\"><h2>{}</h2>{}</section>",
        Label::Loads.say(lang),
        sections::loads(roster, plan, &palette, lang)
    );
    let _ = write!(
        body,
        "<section id=\"year\"><h2>{}</h2><h3>{}</h3>{}{}</section>",
        Label::Year.say(lang),
        Label::StationWeeks.say(lang),
        year::weeks(roster, plan, in_city, lang),
        year::visits(roster, plan, lang)
    );
    let _ = write!(
        body,
        "<section id=\"teams\"><h2>{}</h2>{}</section>",
        Label::Teams.say(lang),
        sections::teams(roster, plan, &palette, lang)
    );
    if sections::has_handovers(roster, plan, moves) {
        let _ = write!(
            body,
            "<section id=\"handovers\"><h2>{}</h2>{}</section>",
            Label::Handovers.say(lang),
            sections::handovers(roster, plan, moves, lang)
        );
    }
    let _ = write!(
        body,
        "<section id=\"warnings\"><h2>{}</h2>{}</section>",
        Label::Warnings.say(lang),
        sections::warnings(roster, plan, lang)
    );
    html::page(
        &title(
            &roster.township.name,
            roster.township.year,
            Label::PlanTitle,
            lang,
        ),
        &body,
        lang,
    )
}
