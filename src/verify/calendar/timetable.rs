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
use crate::verify::assign::Teams;
use crate::verify::planfile::{Plan, Timetable};
use crate::wording::Lang;
use crate::wording::check::{CheckSaid, Rule, person_label, unit_label};
use crate::wording::station::TimetableSaid;

/// A stretch of the year: its first day and the day after its last (`None`:
/// the year's ends).
type Part = (Option<NaiveDate>, Option<NaiveDate>);

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
    // Offsets taken per leader and stretch of the year, to find two units
    // on one turn.
    let mut taken: HashMap<(usize, i64, Part), usize> = HashMap::new();
    // The stretches of the year each entry answers for.
    let mut claimed: HashMap<usize, Vec<Part>> = HashMap::new();
    for Post {
        unit: u,
        post,
        holder: l,
        since,
        until,
        teams,
    } in posts(cx)
    {
        let unit = &roster.units[u];
        let whole_year = since.is_none() && until.is_none();
        let in_part = |d: &NaiveDate| since.is_none_or(|s| *d >= s) && until.is_none_or(|e| *d < e);
        // Across a handover or a replan's date each holder has an entry of
        // their own for their part; the same leader on both sides keeps one
        // entry or starts another.
        let entry = if whole_year {
            of_unit.get(&u).copied()
        } else {
            let mine: Vec<usize> = (0..plan.timetables.len())
                .filter(|&i| {
                    let t = &plan.timetables[i];
                    t.unit == unit.id && t.leader == roster.cadres[l].id
                })
                .collect();
            mine.iter()
                .copied()
                .find(|&i| dates_of(&plan.timetables[i]).any(|d| in_part(&d)))
                .or(mine.first().copied())
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
        claimed.entry(ti).or_default().push((since, until));
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
        let n = teams.units_of_cadre[post].len();
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
        if let Some(&other) = taken.get(&(l, t.offset, (since, until))) {
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
        taken.insert((l, t.offset, (since, until)), u);

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
        for &d in t.leader_dates.iter().filter(|d| in_part(d)) {
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
        for (d, person) in t.substitutes.iter().filter(|(d, _)| in_part(d)) {
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
    // A date of an entry outside every stretch it answers for is no turn of
    // its leader's there.
    let mut claimed: Vec<_> = claimed.into_iter().collect();
    claimed.sort_unstable_by_key(|(ti, _)| *ti);
    for (ti, parts) in claimed {
        let t = &plan.timetables[ti];
        let inside = |d: &NaiveDate| {
            parts
                .iter()
                .any(|(s, e)| s.is_none_or(|s| *d >= s) && e.is_none_or(|e| *d < e))
        };
        for d in dates_of(t).filter(|d| !inside(d)) {
            out.push(at(
                Rule::Timetable,
                &t.unit,
                Some(&t.leader),
                d,
                said(TimetableSaid::NotTurn),
            ));
        }
    }
}

/// Every date an entry lists: the leader's and the stood-in turns.
fn dates_of(t: &Timetable) -> impl Iterator<Item = NaiveDate> + '_ {
    t.leader_dates
        .iter()
        .copied()
        .chain(t.substitutes.iter().map(|(d, _)| *d))
}

/// A unit's post over a stretch of the year: the unit, the leader at the
/// stretch's end, who holds the post then (before a handover the
/// predecessor), its first day and the day after its last, and the teams in
/// force (the plan in force's before a replan's date). Cadre indices.
struct Post<'a> {
    unit: usize,
    post: usize,
    holder: usize,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    teams: &'a Teams,
}

fn posts<'a>(cx: &Cx<'a>) -> Vec<Post<'a>> {
    let mut out = Vec::new();
    for period in cx.periods() {
        // The later of two first days, the earlier of two ends.
        let since_of = |s: Option<NaiveDate>| s.max(period.since);
        let until_of = |e: Option<NaiveDate>| match (e, period.until) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let mut push = |unit, post, holder, since, until| {
            let (since, until) = (since_of(since), until_of(until));
            if since.zip(until).is_none_or(|(s, e)| s < e) {
                out.push(Post {
                    unit,
                    post,
                    holder,
                    since,
                    until,
                    teams: period.teams,
                });
            }
        };
        for (u, team) in period.teams.of_unit.iter().enumerate() {
            let Some(l) = team.leader else {
                continue;
            };
            let (mut cur, mut until) = (l, None);
            for _ in 0..=cx.handovers.len() {
                match cx.handovers.iter().find(|&&(_, to, _)| to == cur) {
                    Some(&(from, _, date)) => {
                        push(u, l, cur, Some(date), until);
                        (cur, until) = (from, Some(date));
                    }
                    None => break,
                }
            }
            push(u, l, cur, None, until);
        }
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
