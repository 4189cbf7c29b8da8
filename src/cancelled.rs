//! The events a chain of replans has cancelled. A phone calendar event is a
//! person's session (its UID: person, unit, date, kind, start); when a plan
//! drops an event the plan in force had, the new plan records it in
//! `[[cancelled]]`, together with every cancellation the plan in force
//! carried, so that the phone files of a September replan cancel July's
//! dropped events too (a phone that missed July's file would keep them).
//! An event a later plan holds again leaves the record.

use std::collections::{BTreeMap, BTreeSet};

use crate::plan::{Cancelled, PlanFile, Session};

/// What makes an event one event on a person's phone: the UID's parts.
type Key<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

fn key<'a>(person: &'a str, s: &'a Session) -> Key<'a> {
    (person, &s.unit, &s.date, &s.kind, &s.start)
}

fn record_key<'a>(person: &'a str, c: &'a Cancelled) -> Key<'a> {
    (person, &c.unit, &c.date, &c.kind, &c.start)
}

/// A team's ids, leader first, then slot helpers and assist members.
fn members(leader: &String, helpers: &[String], assist: &[String]) -> Vec<String> {
    std::iter::once(leader)
        .chain(helpers)
        .chain(assist)
        .filter(|id| !id.is_empty())
        .cloned()
        .collect()
}

/// Each unit's team at the plan's end, ids, leader first.
pub fn teams(plan: &PlanFile) -> BTreeMap<String, Vec<String>> {
    plan.assignment
        .iter()
        .map(|a| (a.unit.clone(), members(&a.leader, &a.helpers, &a.assist)))
        .collect()
}

/// A unit's team on a day (ids): the team of the earlier stretch holding
/// that day (`[[earlier_team]]`, for a plan replanned from a later date),
/// else the plan's team (`teams`); either with each successor whose
/// handover comes later replaced by the one they succeed.
pub fn team_on(
    plan: &PlanFile,
    teams: &BTreeMap<String, Vec<String>>,
    unit: &str,
    date: &str,
) -> Vec<String> {
    // Dates are YYYY-MM-DD, so their text orders as the dates do; the
    // stretches are recorded in date order, the first ending after the day
    // is the one that served it.
    let earlier = plan
        .earlier_team
        .iter()
        .filter(|t| t.unit == unit && date < t.until.as_str())
        .min_by(|a, b| a.until.cmp(&b.until));
    let mut ids = match earlier {
        Some(t) => members(&t.leader, &t.helpers, &t.assist),
        None => teams.get(unit).cloned().unwrap_or_default(),
    };
    let mut later: Vec<&crate::plan::HandoverLine> = plan
        .handover
        .iter()
        .filter(|h| h.date.as_str() > date)
        .collect();
    // The latest first, so a chain of handovers leads back to the first holder.
    later.sort_by(|a, b| b.date.cmp(&a.date));
    for h in later {
        for id in ids.iter_mut().filter(|id| **id == h.to) {
            *id = h.from.clone();
        }
    }
    ids
}

/// The cancellations `plan` carries after `previous`: those `previous`
/// carried (less the events `plan` holds again), then each event of
/// `previous` that `plan` drops, with the team it had and SEQUENCE 1.
pub fn carried(previous: &PlanFile, plan: &PlanFile) -> Vec<Cancelled> {
    let live: BTreeSet<Key> = plan
        .session
        .iter()
        .flat_map(|s| s.people.iter().map(move |p| key(p, s)))
        .collect();
    let mut out: Vec<Cancelled> = Vec::new();
    let mut seen: BTreeSet<Key> = BTreeSet::new();
    for c in &previous.cancelled {
        let phones: Vec<String> = c
            .phones
            .iter()
            .filter(|p| !live.contains(&record_key(p, c)) && seen.insert(record_key(p, c)))
            .cloned()
            .collect();
        if !phones.is_empty() {
            out.push(Cancelled {
                phones,
                ..c.clone()
            });
        }
    }
    let teams = teams(previous);
    for s in &previous.session {
        let phones: Vec<String> = s
            .people
            .iter()
            .filter(|p| !live.contains(&key(p, s)) && seen.insert(key(p, s)))
            .cloned()
            .collect();
        if phones.is_empty() {
            continue;
        }
        out.push(Cancelled {
            phones,
            date: s.date.clone(),
            start: s.start.clone(),
            end: s.end.clone(),
            unit: s.unit.clone(),
            kind: s.kind.clone(),
            people: s.people.clone(),
            hamlet: s.hamlet.clone(),
            households: s.households,
            makes_up: s.makes_up.clone(),
            team: team_on(previous, &teams, &s.unit, &s.date),
            sequence: 1,
        });
    }
    out
}

/// The cancellations a phone file of `plan` writes: those `plan` carries,
/// and with the plan in force, those [`carried`] finds against it (each
/// person's event once, the plan's own record first).
pub fn to_send(plan: &PlanFile, previous: Option<&PlanFile>) -> Vec<Cancelled> {
    let Some(previous) = previous else {
        return plan.cancelled.clone();
    };
    let mut out = plan.cancelled.clone();
    let known: BTreeSet<(String, String, String, String, String)> = plan
        .cancelled
        .iter()
        .flat_map(|c| {
            c.phones.iter().map(move |p| {
                (
                    p.clone(),
                    c.unit.clone(),
                    c.date.clone(),
                    c.kind.clone(),
                    c.start.clone(),
                )
            })
        })
        .collect();
    for c in carried(previous, plan) {
        let phones: Vec<String> = c
            .phones
            .iter()
            .filter(|p| {
                !known.contains(&(
                    p.to_string(),
                    c.unit.clone(),
                    c.date.clone(),
                    c.kind.clone(),
                    c.start.clone(),
                ))
            })
            .cloned()
            .collect();
        if !phones.is_empty() {
            out.push(Cancelled { phones, ..c });
        }
    }
    out
}
