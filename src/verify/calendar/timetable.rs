//! Calendar rule 2 under `rotation = "fixed"`, the posted timetable: every
//! unit with a leader has one `[[timetable]]` naming its leader, a cycle of
//! the leader's number of units and an offset no other unit of the leader
//! has; the leader's turns there (its station weeks k, holidays not counted,
//! with k % cycle == offset) are listed exactly, each either as the leader's
//! date — and the leader sits in that session — or with a substitute, only
//! when the leader was blocked, who sits in it.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::station_weeks::Stations;
use super::{Cx, Resolved, at};
use crate::model::Rotation;
use crate::verify::Violation;
use crate::verify::planfile::Plan;
use crate::wording::Lang;
use crate::wording::check::{CheckSaid, Rule, person_label, unit_label};
use crate::wording::station::TimetableSaid;

fn said(t: TimetableSaid) -> CheckSaid {
    CheckSaid::Timetable(t)
}

pub(super) fn timetable(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    stations: &Stations,
    out: &mut Vec<Violation>,
) {
    let roster = cx.roster;
    if roster.policy.rotation != Rotation::Fixed {
        return;
    }
    let mut of_unit: HashMap<usize, usize> = HashMap::new();
    for (i, t) in plan.timetables.iter().enumerate() {
        if let Some(u) = roster.unit_index(&t.unit) {
            of_unit.entry(u).or_insert(i);
        }
    }
    // Offsets taken per leader, to find two units on one turn.
    let mut taken: HashMap<(usize, i64), usize> = HashMap::new();
    for (u, post, l, since, until) in posts(cx) {
        let unit = &roster.units[u];
        let whole_year = since.is_none() && until.is_none();
        let in_part = |d: &NaiveDate| since.is_none_or(|s| *d >= s) && until.is_none_or(|e| *d < e);
        // Across a handover each holder has an entry of their own.
        let entry = if whole_year {
            of_unit.get(&u).copied()
        } else {
            plan.timetables
                .iter()
                .position(|t| t.unit == unit.id && t.leader == roster.cadres[l].id)
        };
        let Some(ti) = entry else {
            let any_turn = stations.required[u]
                .iter()
                .any(|&k| in_part(&stations.weeks[k]));
            if !any_turn {
                continue;
            }
            out.push(at(
                Rule::Timetable,
                &unit.id,
                None,
                stations.weeks.first().copied().unwrap_or_default(),
                said(TimetableSaid::Missing),
            ));
            continue;
        };
        let t = &plan.timetables[ti];
        let leader = &roster.cadres[l].id;
        let first = stations.weeks.first().copied().unwrap_or_default();
        let here = |said_: TimetableSaid, date: NaiveDate| {
            at(Rule::Timetable, &unit.id, Some(leader), date, said(said_))
        };
        if &t.leader != leader {
            out.push(here(
                TimetableSaid::Leader {
                    stated: person_label(roster, &t.leader, Lang::En),
                },
                first,
            ));
            continue;
        }
        let n = cx.teams.units_of_cadre[post].len();
        if t.cycle != n as i64 {
            out.push(here(
                TimetableSaid::Cycle {
                    stated: t.cycle,
                    units: n,
                },
                first,
            ));
            continue;
        }
        if t.offset < 0 || t.offset >= n as i64 {
            out.push(here(
                TimetableSaid::Offset {
                    offset: t.offset,
                    cycle: n,
                    shared_with: None,
                },
                first,
            ));
            continue;
        }
        if let Some(&other) = taken.get(&(l, t.offset)) {
            out.push(here(
                TimetableSaid::Offset {
                    offset: t.offset,
                    cycle: n,
                    shared_with: Some(unit_label(roster, &roster.units[other].id, Lang::En)),
                },
                first,
            ));
            continue;
        }
        taken.insert((l, t.offset), u);

        // The leader's turns: required station weeks on the offset.
        let turns: HashSet<NaiveDate> = stations.required[u]
            .iter()
            .filter(|&&k| stations.open[k].is_some_and(|o| (o % n) as i64 == t.offset))
            .map(|&k| stations.weeks[k])
            .filter(in_part)
            .collect();
        let session_on: HashMap<NaiveDate, usize> = stations.sessions[u]
            .iter()
            .map(|&i| (plan.sessions[i].date, i))
            .collect();
        let mut listed: HashSet<NaiveDate> = HashSet::new();
        for &d in &t.leader_dates {
            listed.insert(d);
            if !turns.contains(&d) {
                out.push(here(TimetableSaid::NotTurn, d));
                continue;
            }
            let sits = session_on
                .get(&d)
                .is_some_and(|&i| resolved[i].1.contains(&Some(l)));
            if !sits {
                out.push(here(TimetableSaid::LeaderAbsent, d));
            }
        }
        for (d, person) in &t.substitutes {
            listed.insert(*d);
            if !turns.contains(d) {
                out.push(here(TimetableSaid::NotTurn, *d));
                continue;
            }
            if cx.blocked(l, *d, cx.window).is_none() {
                out.push(here(TimetableSaid::SubstituteNeedless, *d));
            }
            if let Some(p) = person {
                let sits = session_on.get(d).is_some_and(|&i| {
                    cx.person(p)
                        .is_some_and(|q| resolved[i].1.contains(&Some(q)))
                });
                if !sits {
                    out.push(here(
                        TimetableSaid::SubstituteAbsent {
                            person: person_label(roster, p, Lang::En),
                        },
                        *d,
                    ));
                }
            }
        }
        let mut missing: Vec<NaiveDate> = turns.difference(&listed).copied().collect();
        missing.sort_unstable();
        for d in missing {
            out.push(here(TimetableSaid::TurnMissing, d));
        }
    }
}

/// Each unit's posts over the year, as (unit, year-end leader, holder, first
/// day, day after the last): the year-end leader, and before a handover
/// the predecessor holding the post (cadre indices).
type Post = (usize, usize, usize, Option<NaiveDate>, Option<NaiveDate>);

fn posts(cx: &Cx) -> Vec<Post> {
    let mut out = Vec::new();
    for (u, team) in cx.teams.of_unit.iter().enumerate() {
        let Some(l) = team.leader else {
            continue;
        };
        let (mut cur, mut until) = (l, None);
        for _ in 0..=cx.handovers.len() {
            match cx.handovers.iter().find(|&&(_, to, _)| to == cur) {
                Some(&(from, _, date)) => {
                    out.push((u, l, cur, Some(date), until));
                    (cur, until) = (from, Some(date));
                }
                None => break,
            }
        }
        out.push((u, l, cur, None, until));
    }
    out
}

/// The leader's turns at each unit as the timetables state them, for the
/// make-up rule: (unit index, date) → leader (person index).
pub(super) fn turns(cx: &Cx, plan: &Plan) -> HashMap<(usize, NaiveDate), usize> {
    let mut out = HashMap::new();
    if cx.roster.policy.rotation != Rotation::Fixed {
        return out;
    }
    for t in &plan.timetables {
        let (Some(u), Some(l)) = (
            cx.roster.unit_index(&t.unit),
            cx.roster.cadre_index(&t.leader),
        ) else {
            continue;
        };
        for (d, _) in &t.substitutes {
            out.insert((u, *d), l);
        }
    }
    out
}
