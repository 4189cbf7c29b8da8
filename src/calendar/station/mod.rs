//! Station sessions (rules 1 and 2): who sits in which unit's station room
//! each week. Week by week, in date order:
//!
//! - people on one team go to it whenever they are free;
//! - people on several teams (leaders with 2–3 units, department heads on two
//!   teams) are spread by a bipartite matching that first gives as many
//!   sessions as possible a township member, the least-served units first, so
//!   that shortfalls fall evenly on units and weeks; the rest go where the
//!   session is below `min_present`, else to the unit they have served least;
//! - a leader may only go where an earliest-deadline simulation of the rest of
//!   the year still keeps "each unit at least once per n sessions", so the
//!   rotation rule holds by construction rather than by luck.
//!
//! Sessions a member misses for an emergency meeting or an away period are
//! recorded for make-ups; a rotating member is counted missing from the unit
//! their rotation would have taken them to (the one they have served least).
//!
//! This file holds the year's frame and the passes over it; `cycle` the
//! leaders' rotations, `staffing` each week's seating.

mod cycle;
mod fixed;
#[cfg(test)]
mod optimum;
mod staffing;
mod substitutes;

use rayon::prelude::*;

use super::cx::{Cause, Cx};
use crate::model::{Cadence, Rotation as RotationMode};
use cycle::{Rotation, improve};
use staffing::week;

pub(crate) struct StSession {
    pub week: usize,
    pub unit: usize,
    pub people: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Missed {
    pub week: usize,
    pub unit: usize,
    pub person: usize,
}

pub(crate) struct Stations {
    pub sessions: Vec<StSession>,
    pub missed: Vec<Missed>,
    /// Units' station sessions in the year (from `Cx::start` in a piece
    /// built from a date): the demand on township members.
    pub unit_weeks: usize,
    /// The units with a station session counted in `unit_weeks`.
    pub units: usize,
    /// Weeks township members are free while one of their units sits: the
    /// supply, one place a week each.
    pub member_weeks: usize,
    pub township_members: usize,
    /// Non-holiday station weeks: what one more member could give.
    pub open_weeks: usize,
    pub weekly_units: usize,
    /// Under a fixed rotation, each unit's posted timetable (roster order of
    /// units with a rotating leader); empty under a flexible one.
    pub timetable: Vec<UnitTimetable>,
}

/// A unit's posted timetable: the station weeks its leader sits there, and
/// who stands in (代班) in those of them the leader is blocked.
#[derive(Debug, Clone)]
pub(crate) struct UnitTimetable {
    pub unit: usize,
    pub leader: usize,
    /// The leader's number of units: the cycle's length in station weeks.
    pub cycle: usize,
    /// The leader's station weeks here: open-week index ≡ offset (mod cycle).
    pub offset: usize,
    /// For a biweekly unit, the station weeks it sits (index ≡ fortnight mod 2).
    pub fortnight: Option<usize>,
    /// Weeks (indices into `cx.weeks`) the leader sits here.
    pub leader_weeks: Vec<usize>,
    /// Weeks the leader is blocked, and who of the team stands in, if anyone.
    pub substitutes: Vec<(usize, Option<usize>)>,
}

/// Chooses the fortnight (odd or even weeks) of each biweekly unit so that
/// no township member's biweekly units pile onto the same weeks, then so
/// that both fortnights hold as many sessions.
fn parities(cx: &Cx) -> Vec<usize> {
    let r = cx.roster;
    let nu = r.units.len();
    let mut parity = vec![0usize; nu];
    let mut total = [0usize; 2];
    let mut per_person = vec![[0usize; 2]; cx.persons.len()];
    for (u, unit) in r.units.iter().enumerate() {
        if unit.cadence != Cadence::Biweekly {
            continue;
        }
        let township: Vec<usize> = cx.teams[u]
            .members
            .iter()
            .copied()
            .filter(|&p| cx.persons[p].township)
            .collect();
        let score = |q: usize| -> (usize, usize) {
            (township.iter().map(|&p| per_person[p][q]).sum(), total[q])
        };
        let q = if score(1) < score(0) { 1 } else { 0 };
        parity[u] = q;
        total[q] += 1;
        for &p in &township {
            per_person[p][q] += 1;
        }
    }
    parity
}

/// Lower is more wanted: the share of a unit's sessions this person has
/// served so far (made-up sessions included).
fn share(att: u32, seen: u32) -> f64 {
    (att as f64 + 0.5) / (seen as f64 + 1.0)
}

/// Everything about the year that does not change while people are moved.
struct Year {
    has: Vec<Vec<bool>>,
    blocked: Vec<Vec<Option<Cause>>>,
    /// Per week: the units sitting, in roster order.
    sess: Vec<Vec<usize>>,
    /// Leaders with several units: their rotation is the thing to choose.
    rotating: Vec<bool>,
    /// Per week: its station-week index past holidays, `NONE` in a holiday week.
    open: Vec<usize>,
}

/// Per person, aligned with their `units`: sessions attended (or missed and
/// made up) and sessions they could have gone to.
struct Tally {
    att: Vec<Vec<u32>>,
    seen: Vec<Vec<u32>>,
    unit_sessions: Vec<u32>,
    unit_covered: Vec<u32>,
}

impl Tally {
    fn new(cx: &Cx) -> Tally {
        let att: Vec<Vec<u32>> = cx.persons.iter().map(|p| vec![0; p.units.len()]).collect();
        Tally {
            seen: att.clone(),
            att,
            unit_sessions: vec![0; cx.roster.units.len()],
            unit_covered: vec![0; cx.roster.units.len()],
        }
    }
}

const NONE: usize = usize::MAX;

/// One week's outcome: who sits where, who missed what.
struct WeekOut {
    at: Vec<Vec<usize>>,
    missed: Vec<Missed>,
}

/// The station sessions of the year. The fortnights of biweekly units are
/// then searched too: a leader strictly alternating two units flips phase at
/// every holiday week, so which fortnight suits a remote unit shows only in
/// the whole year's outcome.
pub(crate) fn plan(cx: &Cx) -> Stations {
    match cx.roster.policy.rotation {
        RotationMode::Fixed => plan_fixed(cx),
        RotationMode::Flexible => plan_stations(cx),
    }
}

fn plan_stations(cx: &Cx) -> Stations {
    let mut parity = parities(cx);
    let mut best = plan_with(cx, &parity);
    let biweekly: Vec<usize> = (0..cx.roster.units.len())
        .filter(|&u| cx.roster.units[u].cadence == Cadence::Biweekly)
        .collect();
    for _ in 0..biweekly.len() {
        if score(cx, &best) == (0, 0) || cx.late() {
            break;
        }
        let trials: Vec<(usize, Stations)> = biweekly
            .par_iter()
            .map(|&u| {
                let mut q = parity.clone();
                q[u] ^= 1;
                (u, plan_with(cx, &q))
            })
            .collect();
        let Some((u, st)) = trials
            .into_iter()
            .filter(|(_, st)| score(cx, st) < score(cx, &best))
            .min_by_key(|(u, st)| (score(cx, st), *u))
        else {
            break;
        };
        parity[u] ^= 1;
        best = st;
    }
    best
}

/// Sessions without a township member, then sessions below `min_present`.
fn score(cx: &Cx, st: &Stations) -> (usize, usize) {
    let min = cx.roster.policy.min_present;
    st.sessions.iter().fold((0, 0), |(a, b), s| {
        (
            a + usize::from(!s.people.iter().any(|&p| cx.persons[p].township)),
            b + usize::from(s.people.len() < min),
        )
    })
}

/// Each week's open-week index (station weeks counted past holidays), or
/// `NONE` for a holiday week.
fn open_index(cx: &Cx) -> Vec<usize> {
    let mut k = 0;
    cx.weeks
        .iter()
        .map(|&d| {
            if cx.holiday[d] {
                NONE
            } else {
                k += 1;
                k - 1
            }
        })
        .collect()
}

impl Year {
    /// The year's frame for a choice of fortnights. Under a fixed rotation a
    /// biweekly unit sits every second *station* week (holiday weeks do not
    /// count), so that it keeps step with its leader's cycle; the flexible
    /// rotation keeps calendar fortnights.
    fn new(cx: &Cx, parity: &[usize], blocked: Vec<Vec<Option<Cause>>>) -> Year {
        let r = cx.roster;
        let nu = r.units.len();
        let nw = cx.weeks.len();
        let open = open_index(cx);
        let by_station_week = r.policy.rotation == RotationMode::Fixed;
        let has: Vec<Vec<bool>> = (0..nu)
            .map(|u| {
                (0..nw)
                    .map(|w| {
                        let k = if by_station_week { open[w] } else { w };
                        !cx.holiday[cx.weeks[w]]
                            && !cx.skip[u]
                            && (r.units[u].cadence == Cadence::Weekly || k % 2 == parity[u])
                    })
                    .collect()
            })
            .collect();
        let sess: Vec<Vec<usize>> = (0..nw)
            .map(|w| (0..nu).filter(|&u| has[u][w]).collect())
            .collect();
        let rotating: Vec<bool> = cx
            .persons
            .iter()
            .map(|p| p.leader && p.units.len() >= 2)
            .collect();
        Year {
            has,
            blocked,
            sess,
            rotating,
            open,
        }
    }
}

/// Why each person cannot sit in each week's window, if they cannot.
fn blocked_weeks(cx: &Cx) -> Vec<Vec<Option<Cause>>> {
    let (ws, we) = cx.win;
    (0..cx.persons.len())
        .map(|p| {
            (0..cx.weeks.len())
                .map(|w| cx.blocked(p, cx.weeks[w], ws, we))
                .collect()
        })
        .collect()
}

fn plan_with(cx: &Cx, parity: &[usize]) -> Stations {
    let np = cx.persons.len();
    let nw = cx.weeks.len();
    let y = Year::new(cx, parity, blocked_weeks(cx));

    let mut rotations: Vec<Option<Rotation>> = (0..np)
        .map(|p| {
            let person = &cx.persons[p];
            if !y.rotating[p] {
                return None;
            }
            let counted = person
                .units
                .iter()
                .map(|&u| {
                    (0..nw)
                        .filter(|&w| y.has[u][w] && y.blocked[p][w].is_none())
                        .collect()
                })
                .collect();
            Some(Rotation {
                person: p,
                units: person.units.clone(),
                counted,
                pos: vec![0; person.units.len()],
                missed: vec![0; person.units.len()],
            })
        })
        .collect();

    // First pass: week by week, leaders choosing among their safe units.
    let mut position = vec![vec![NONE; nw]; np];
    let mut tally = Tally::new(cx);
    for (w, sess) in y.sess.iter().enumerate() {
        if sess.is_empty() {
            continue;
        }
        let out = week(cx, &y, w, &mut tally, Some(&mut rotations), None);
        for (i, people) in out.at.iter().enumerate() {
            for &p in people {
                if y.rotating[p] {
                    position[p][w] = sess[i];
                }
            }
        }
    }

    // Then each leader's whole year in turn, the others held fixed.
    improve(cx, &y, &mut position);
    final_pass(cx, &y, &position)
}

/// The fixed rotation: the posted cycle that staffs the most sessions with
/// a township member, then the weeks seated by it, with substitutes named
/// where a leader is blocked.
fn plan_fixed(cx: &Cx) -> Stations {
    let blocked = blocked_weeks(cx);
    let (offsets, parity) = fixed::choose_fixed(cx, &blocked, parities(cx));
    let y = Year::new(cx, &parity, blocked);
    let position = fixed::fixed_positions(cx, &y, &offsets);
    let mut out = final_pass(cx, &y, &position);
    out.timetable = substitutes::timetable(cx, &y, &offsets, &parity, &out.sessions);
    substitutes::missed_turns(&y, &out.timetable, &mut out.missed);
    out
}

/// The weeks one more department head could sit: non-holiday station weeks
/// from the start, less those a meeting (or emergency) takes every
/// department head from, as it would take the newcomer (a township-wide
/// meeting in the window). Counting those made "N more heads would close
/// the gap" fall short by the meeting weeks.
fn open_weeks(cx: &Cx, y: &Year) -> usize {
    let heads: Vec<usize> = (0..cx.persons.len())
        .filter(|&p| cx.persons[p].township && !cx.persons[p].leader)
        .collect();
    let heads = if heads.is_empty() {
        (0..cx.persons.len())
            .filter(|&p| cx.persons[p].township)
            .collect()
    } else {
        heads
    };
    let all_taken = |w: usize| {
        !heads.is_empty()
            && heads
                .iter()
                .all(|&p| matches!(y.blocked[p][w], Some(Cause::Meeting | Cause::Emergency)))
    };
    (0..cx.weeks.len())
        .filter(|&w| cx.weeks[w] >= cx.start && !cx.holiday[cx.weeks[w]] && !all_taken(w))
        .count()
}

/// Seats every week with the rotating leaders where `position` puts them.
fn final_pass(cx: &Cx, y: &Year, position: &[Vec<usize>]) -> Stations {
    let r = cx.roster;
    let nw = cx.weeks.len();
    let mut tally = Tally::new(cx);
    let mut out = Stations {
        sessions: Vec::new(),
        missed: Vec::new(),
        unit_weeks: 0,
        units: 0,
        member_weeks: 0,
        township_members: cx.persons.iter().filter(|p| p.township).count(),
        open_weeks: open_weeks(cx, y),
        weekly_units: r
            .units
            .iter()
            .filter(|u| u.cadence == Cadence::Weekly)
            .count(),
        timetable: Vec::new(),
    };
    // A piece built from a date (a replan's, a handover's) counts its
    // weeks from that date: the weeks before it are thrown away.
    let counted = |w: usize| cx.weeks[w] >= cx.start;
    out.unit_weeks = (0..nw)
        .filter(|&w| counted(w))
        .map(|w| y.sess[w].len())
        .sum();
    out.units = (0..r.units.len())
        .filter(|&u| (0..nw).any(|w| counted(w) && y.has[u][w]))
        .count();
    for (p, person) in cx.persons.iter().enumerate() {
        if person.township {
            out.member_weeks += (0..nw)
                .filter(|&w| {
                    counted(w)
                        && y.blocked[p][w].is_none()
                        && person.units.iter().any(|&u| y.has[u][w])
                })
                .count();
        }
    }
    for w in 0..nw {
        if y.sess[w].is_empty() {
            continue;
        }
        let wk = week(cx, y, w, &mut tally, None, Some(position));
        out.missed.extend(wk.missed);
        for (i, people) in wk.at.into_iter().enumerate() {
            out.sessions.push(StSession {
                week: w,
                unit: y.sess[w][i],
                people,
            });
        }
    }
    out
}
