//! Calendar rule 2, the rotation: a leader of n units misses no n
//! consecutive station sessions of a unit held on dates when the leader was
//! free. Under a fixed rotation the posted timetable replaces this rule
//! (`timetable.rs`): a blocked turn is stood in for and the cycle does not
//! shift, so a unit may wait a whole cycle more for its leader.

use chrono::NaiveDate;

use super::station_weeks::Stations;
use super::{Cx, Resolved, Stretch, at};
use crate::verify::Violation;
use crate::verify::planfile::Plan;
use crate::wording::check::{CheckSaid, Rule};

/// Calendar rule 2: a leader of n units misses no n consecutive station
/// sessions of a unit held on dates when the leader was free.
pub(super) fn rotation(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    stations: &Stations,
    out: &mut Vec<Violation>,
) {
    if cx.roster.policy.rotation == crate::model::Rotation::Fixed {
        return;
    }
    // Each stretch of the year with its own teams (a replan's date cuts it).
    for period in cx.periods() {
        rotation_in(cx, plan, resolved, stations, &period, out);
    }
}

fn rotation_in(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    stations: &Stations,
    period: &Stretch,
    out: &mut Vec<Violation>,
) {
    for (l, units) in period.teams.units_of_cadre.iter().enumerate() {
        let n = units.len();
        let id = &cx.roster.cadres[l].id;
        for &u in units {
            let mut run: Vec<NaiveDate> = Vec::new();
            let mut flush = |run: &mut Vec<NaiveDate>| {
                if run.len() >= n {
                    out.push(at(
                        Rule::Rotation,
                        &cx.roster.units[u].id,
                        Some(id),
                        run[0],
                        CheckSaid::Rotation {
                            units: n,
                            missed: run.len(),
                            from: run[0],
                            to: *run.last().expect("a run"),
                        },
                    ));
                }
                run.clear();
            };
            let mut last = None;
            for &i in &stations.sessions[u] {
                let s = &plan.sessions[i];
                if last == Some(s.date) || !period.contains(s.date) {
                    continue;
                }
                last = Some(s.date);
                // Before a handover the predecessor holds the post.
                let l = cx.holder(l, s.date);
                if cx.holiday(s.date).is_some() || cx.blocked(l, s.date, cx.window).is_some() {
                    continue;
                }
                if resolved[i].1.contains(&Some(l)) {
                    flush(&mut run);
                } else {
                    run.push(s.date);
                }
            }
            flush(&mut run);
        }
    }
}
