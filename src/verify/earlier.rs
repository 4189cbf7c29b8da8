//! The teams of the stretches of the year before a replan's date: as the
//! plan records them (`[[earlier_team]]`), and as the plan in force
//! (`--previous`) says they were — its own records, then its own teams up to
//! the date. Given both, each unit's recorded team must be the one the plan
//! in force had.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Violation;
use super::planfile::{Plan, RawAssignment};
use crate::wording::check::{CheckSaid, Rule, YearSaid};

/// Each stretch's end (the first day it no longer served) and its teams.
pub type Stretches = Vec<(NaiveDate, Vec<RawAssignment>)>;

/// The stretches before `from` as the plan in force knew them: those it
/// records (a stretch running past `from` ends there), then its own teams
/// from its own date (the year's start) to `from`.
pub fn of_previous(previous: &Plan, from: NaiveDate) -> Stretches {
    let mut out: Stretches = Vec::new();
    for (until, teams) in &previous.earlier {
        out.push(((*until).min(from), teams.clone()));
        if *until >= from {
            return out;
        }
    }
    let since = previous
        .replanned_from
        .or(previous.earlier.last().map(|e| e.0));
    if since.is_none_or(|s| s < from) {
        out.push((from, previous.assignments.clone()));
    }
    out
}

type Index<'a> = BTreeMap<(NaiveDate, String), (&'a str, &'a [String], &'a [String])>;

/// Every (stretch end, unit) with its team.
fn index(s: &Stretches) -> Index<'_> {
    let mut m = BTreeMap::new();
    for (until, teams) in s {
        for a in teams {
            m.insert((*until, a.unit.clone()), team(a));
        }
    }
    m
}

/// One unit's team as compared: leader, slot helpers in order, assist.
fn team(a: &RawAssignment) -> (&str, &[String], &[String]) {
    (&a.leader, &a.helpers, &a.assist)
}

/// Every unit whose recorded team in a stretch is not the plan in force's
/// (or is recorded for a stretch the plan in force does not have, or
/// missing from one it has).
pub fn agree(stated: &Stretches, in_force: &Stretches, out: &mut Vec<Violation>) {
    let (said, known) = (index(stated), index(in_force));
    let mut keys: Vec<&(NaiveDate, String)> = said.keys().chain(known.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        if said.get(k) != known.get(k) {
            out.push(Violation {
                rule: Rule::EarlierTeams,
                unit: Some(k.1.clone()),
                person: None,
                date: Some(k.0),
                said: CheckSaid::Year(YearSaid::EarlierTeamNotInForce { until: k.0 }),
            });
        }
    }
}
