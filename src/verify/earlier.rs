//! The teams of the stretches of the year before a replan's date: as the
//! plan records them (`[[earlier_team]]`), and as the plan in force
//! (`--previous`) says they were — its own records, then its own teams up to
//! the date. Given both, each unit's recorded team must be the one the plan
//! in force had.

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

/// One unit's team as compared: leader, slot helpers in order, assist.
type Team<'a> = (&'a str, &'a [String], &'a [String]);

/// One unit's team as compared.
fn team(a: &RawAssignment) -> Team<'_> {
    (&a.leader, &a.helpers, &a.assist)
}

/// A unit's team on the days up to `end` (exclusive, the days since the
/// previous end): that of the first stretch still serving on them, or
/// `rest` (the plan's own teams) past the last; `None` when that stretch
/// does not name the unit.
fn on<'a>(
    s: &'a Stretches,
    rest: Option<&'a [RawAssignment]>,
    end: NaiveDate,
    unit: &str,
) -> Option<Team<'a>> {
    let teams = match s.iter().find(|(until, _)| *until >= end) {
        Some((_, teams)) => teams.as_slice(),
        None => rest?,
    };
    teams.iter().find(|a| a.unit == unit).map(team)
}

/// Every unit whose recorded team on some days before the plan in force's
/// last stretch ends is not the plan in force's then (or is recorded where
/// the plan in force has none, or missing where it has one). The teams are
/// compared day by day, so a stretch split at other dates (a plan replanned
/// later than the date checked) agrees when the teams are the same; past
/// this plan's records its own teams (`own`) served. One violation per unit
/// and run of days, named by the run's end.
pub fn agree(
    stated: &Stretches,
    own: &[RawAssignment],
    in_force: &Stretches,
    out: &mut Vec<Violation>,
) {
    let Some(horizon) = in_force.iter().map(|(d, _)| *d).max() else {
        return;
    };
    let mut ends: Vec<NaiveDate> = stated
        .iter()
        .chain(in_force)
        .map(|(d, _)| *d)
        .filter(|d| *d <= horizon)
        .collect();
    ends.sort();
    ends.dedup();
    let mut units: Vec<&str> = stated
        .iter()
        .chain(in_force)
        .flat_map(|(_, t)| t.iter().map(|a| a.unit.as_str()))
        .collect();
    units.sort();
    units.dedup();
    let mut found: Vec<(NaiveDate, &str)> = Vec::new();
    for unit in units {
        let mut run: Option<NaiveDate> = None;
        for &end in &ends {
            let differs = on(stated, Some(own), end, unit) != on(in_force, None, end, unit);
            match (differs, run) {
                (true, _) => run = Some(end),
                (false, Some(last)) => {
                    found.push((last, unit));
                    run = None;
                }
                (false, None) => {}
            }
        }
        found.extend(run.map(|last| (last, unit)));
    }
    found.sort();
    for (until, unit) in found {
        out.push(Violation {
            rule: Rule::EarlierTeams,
            unit: Some(unit.to_string()),
            person: None,
            date: Some(until),
            said: CheckSaid::Year(YearSaid::EarlierTeamNotInForce { until }),
        });
    }
}
