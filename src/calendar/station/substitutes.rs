//! Substitutes (代班) and the posted timetable of a fixed rotation: for each
//! unit, the station weeks that are its leader's turn; where the leader is
//! blocked in one of them, the team member who stands in — a township member
//! of the team seated there that week, else the unit's own first person
//! present. The cycle never shifts for a blocked week. A leader blocked by an
//! emergency meeting or an absence is missed at the unit whose turn it was
//! (not where the flexible rotation would have sent them), for make-ups.

use std::collections::BTreeMap;

use super::{Missed, NONE, StSession, UnitTimetable, Year};
use crate::calendar::cx::{Cause, Cx};
use crate::model::Cadence;

/// Each unit's timetable, in roster order of units.
pub(super) fn timetable(
    cx: &Cx,
    y: &Year,
    offsets: &[Vec<usize>],
    parity: &[usize],
    sessions: &[StSession],
) -> Vec<UnitTimetable> {
    let held: BTreeMap<(usize, usize), &[usize]> = sessions
        .iter()
        .map(|s| ((s.week, s.unit), s.people.as_slice()))
        .collect();
    let mut out = Vec::new();
    for (u, team) in cx.teams.iter().enumerate() {
        let Some(p) = team.leader else {
            continue;
        };
        let units = &cx.persons[p].units;
        let n = units.len();
        let Some(k) = units.iter().position(|&x| x == u) else {
            continue;
        };
        let offset = offsets[p].get(k).copied().unwrap_or(0);
        let mut leader_weeks = Vec::new();
        let mut substitutes = Vec::new();
        for w in 0..cx.weeks.len() {
            if y.open[w] == NONE || y.open[w] % n != offset || !y.has[u][w] {
                continue;
            }
            if y.blocked[p][w].is_none() {
                leader_weeks.push(w);
                continue;
            }
            let present = held.get(&(w, u)).copied().unwrap_or(&[]);
            let stand_in = present
                .iter()
                .copied()
                .find(|&q| q != p && cx.persons[q].township)
                .or_else(|| present.iter().copied().find(|&q| q != p));
            substitutes.push((w, stand_in));
        }
        out.push(UnitTimetable {
            unit: u,
            leader: p,
            cycle: n,
            offset,
            fortnight: (cx.roster.units[u].cadence == Cadence::Biweekly).then_some(parity[u]),
            leader_weeks,
            substitutes,
        });
    }
    out
}

/// Under a fixed rotation a rotating leader's missed sessions are those of
/// their turn: replaces what the week's seating guessed for them.
pub(super) fn missed_turns(y: &Year, table: &[UnitTimetable], missed: &mut Vec<Missed>) {
    missed.retain(|m| !y.rotating[m.person]);
    for t in table.iter().filter(|t| y.rotating[t.leader]) {
        for &(w, _) in &t.substitutes {
            if matches!(y.blocked[t.leader][w], Some(Cause::Away | Cause::Emergency)) {
                missed.push(Missed {
                    week: w,
                    unit: t.unit,
                    person: t.leader,
                });
            }
        }
    }
    missed.sort_by_key(|m| (m.week, m.unit, m.person));
}
