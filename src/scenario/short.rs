//! The station sessions a plan holds without a township member (a leader,
//! or a helper of no unit), and which of them a make-up session of the same
//! unit made up later. One function for every page that counts them: the
//! city's figures (city-summary.csv, its page, 全市汇总.xlsx) and the
//! township's week grid, so the two can be reconciled by eye (the grid's
//! "not made up" and "made up" cells add up to the city's figure).

use std::collections::BTreeSet;

use crate::model::Roster;
use crate::plan::PlanFile;

/// Is this person from the township (a leader, or a helper of no unit)?
pub fn township_person(roster: &Roster, id: &str) -> bool {
    roster.cadre_index(id).is_some()
        || roster
            .helper_index(id)
            .is_some_and(|i| roster.helpers[i].unit.is_none())
}

/// A station session held without a township member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Short<'a> {
    pub unit: &'a str,
    pub date: &'a str,
    /// The date of the make-up session that made it up, if any.
    pub made_up: Option<&'a str>,
}

/// The plan's station sessions held without a township member, in the
/// plan's order (the plan's `shortfall_sessions` counts the same).
pub fn short_sessions<'a>(roster: &Roster, plan: &'a PlanFile) -> Vec<Short<'a>> {
    let makeups: Vec<(&str, &str, &str)> = plan
        .session
        .iter()
        .filter(|s| s.kind == "makeup")
        .filter_map(|s| {
            s.makes_up
                .as_deref()
                .map(|d| (s.unit.as_str(), d, s.date.as_str()))
        })
        .collect();
    plan.session
        .iter()
        .filter(|s| s.kind == "station" && !s.people.iter().any(|p| township_person(roster, p)))
        .map(|s| Short {
            unit: &s.unit,
            date: &s.date,
            made_up: makeups
                .iter()
                .find(|(u, d, _)| *u == s.unit && *d == s.date)
                .map(|(_, _, on)| *on),
        })
        .collect()
}

/// How many station sessions were held without a township member, and how
/// many of those were made up later.
pub fn counts(roster: &Roster, plan: &PlanFile) -> (usize, usize) {
    let short = short_sessions(roster, plan);
    let made_up = short.iter().filter(|s| s.made_up.is_some()).count();
    (short.len(), made_up)
}

/// The (unit, date) of each short session that was made up.
pub fn made_up_keys<'a>(roster: &Roster, plan: &'a PlanFile) -> BTreeSet<(&'a str, &'a str)> {
    short_sessions(roster, plan)
        .into_iter()
        .filter(|s| s.made_up.is_some())
        .map(|s| (s.unit, s.date))
        .collect()
}
