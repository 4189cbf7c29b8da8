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

use super::cx::{Cause, Cx};
use crate::model::Cadence;

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
    /// Units' station sessions in the year: the demand on township members.
    pub unit_weeks: usize,
    /// Weeks township members are free while one of their units sits: the
    /// supply, one place a week each.
    pub member_weeks: usize,
    pub township_members: usize,
    /// Non-holiday station weeks: what one more member could give.
    pub open_weeks: usize,
    pub weekly_units: usize,
}

/// A leader's rotation state over their units (rule 2).
struct Rotation {
    person: usize,
    units: Vec<usize>,
    /// Per unit: the weeks it sits while the leader is free (the counted ones).
    counted: Vec<Vec<usize>>,
    /// Per unit: index of its next counted week.
    pos: Vec<usize>,
    /// Per unit: counted sessions in a row without the leader.
    missed: Vec<usize>,
}

impl Rotation {
    fn n(&self) -> usize {
        self.units.len()
    }

    /// Can the rest of the year, from `week` on, keep every unit within n
    /// sessions, starting from `missed`/`pos`? Checked by earliest deadline
    /// first, which is what the leader would then do.
    fn feasible(&self, missed: &[usize], pos: &[usize], week: usize) -> bool {
        let n = self.n();
        let mut missed = missed.to_vec();
        let mut pos = pos.to_vec();
        for (k, p) in pos.iter_mut().enumerate() {
            while *p < self.counted[k].len() && self.counted[k][*p] < week {
                *p += 1;
            }
        }
        loop {
            let Some(w) = (0..n)
                .filter_map(|k| self.counted[k].get(pos[k]).copied())
                .min()
            else {
                return true;
            };
            let here: Vec<usize> = (0..n)
                .filter(|&k| self.counted[k].get(pos[k]) == Some(&w))
                .collect();
            let go = *here
                .iter()
                .min_by_key(|&&k| self.deadline(k, missed[k], pos[k]))
                .expect("some unit sits this week");
            for &k in &here {
                if k == go {
                    missed[k] = 0;
                } else {
                    missed[k] += 1;
                    if missed[k] >= n {
                        return false;
                    }
                }
                pos[k] += 1;
            }
        }
    }

    /// The week by which the leader must be at unit `k`.
    fn deadline(&self, k: usize, missed: usize, pos: usize) -> usize {
        let left = self.n().saturating_sub(1 + missed);
        self.counted[k].get(pos + left).copied().unwrap_or(usize::MAX)
    }

    /// Of the units sitting this week (local indices), those the leader may
    /// go to and still keep the rule for the rest of the year.
    fn safe(&self, here: &[usize], week: usize) -> Vec<usize> {
        let n = self.n();
        let mut out = Vec::new();
        for &go in here {
            let mut missed = self.missed.clone();
            let mut pos = self.pos.clone();
            let mut ok = true;
            for &k in here {
                if k == go {
                    missed[k] = 0;
                } else {
                    missed[k] += 1;
                    ok &= missed[k] < n;
                }
                pos[k] += 1;
            }
            if ok && self.feasible(&missed, &pos, week + 1) {
                out.push(go);
            }
        }
        if out.is_empty() {
            // Cannot keep the rule whatever happens: go where it is due first.
            if let Some(&k) = here
                .iter()
                .min_by_key(|&&k| self.deadline(k, self.missed[k], self.pos[k]))
            {
                out.push(k);
            }
        }
        out
    }

    fn advance(&mut self, here: &[usize], went: Option<usize>) {
        for &k in here {
            if Some(k) == went {
                self.missed[k] = 0;
            } else {
                self.missed[k] += 1;
            }
            self.pos[k] += 1;
        }
    }
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
    for u in 0..nu {
        if r.units[u].cadence != Cadence::Biweekly {
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

pub(crate) fn plan(cx: &Cx) -> Stations {
    let r = cx.roster;
    let nu = r.units.len();
    let np = cx.persons.len();
    let nw = cx.weeks.len();
    let min_present = r.policy.min_present;
    let (ws, we) = cx.win;

    let parity = parities(cx);
    let has: Vec<Vec<bool>> = (0..nu)
        .map(|u| {
            (0..nw)
                .map(|w| {
                    !cx.holiday[cx.weeks[w]]
                        && (r.units[u].cadence == Cadence::Weekly || w % 2 == parity[u])
                })
                .collect()
        })
        .collect();
    let blocked: Vec<Vec<Option<Cause>>> = (0..np)
        .map(|p| {
            (0..nw)
                .map(|w| cx.blocked(p, cx.weeks[w], ws, we))
                .collect()
        })
        .collect();

    let mut rotations: Vec<Option<Rotation>> = (0..np)
        .map(|p| {
            let person = &cx.persons[p];
            if !person.leader || person.units.len() < 2 {
                return None;
            }
            let counted = person
                .units
                .iter()
                .map(|&u| {
                    (0..nw)
                        .filter(|&w| has[u][w] && blocked[p][w].is_none())
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

    // Per person, aligned with their `units`: sessions attended (or missed
    // and made up) and sessions they could have gone to.
    let mut att: Vec<Vec<u32>> = cx.persons.iter().map(|p| vec![0; p.units.len()]).collect();
    let mut seen = att.clone();
    let mut unit_sessions = vec![0u32; nu];
    let mut unit_covered = vec![0u32; nu];

    let mut out = Stations {
        sessions: Vec::new(),
        missed: Vec::new(),
        unit_weeks: 0,
        member_weeks: 0,
        township_members: cx.persons.iter().filter(|p| p.township).count(),
        open_weeks: (0..nw).filter(|&w| !cx.holiday[cx.weeks[w]]).count(),
        weekly_units: r
            .units
            .iter()
            .filter(|u| u.cadence == Cadence::Weekly)
            .count(),
    };
    out.unit_weeks = has.iter().map(|h| h.iter().filter(|&&b| b).count()).sum();
    for (p, person) in cx.persons.iter().enumerate() {
        if person.township {
            out.member_weeks += (0..nw)
                .filter(|&w| blocked[p][w].is_none() && person.units.iter().any(|&u| has[u][w]))
                .count();
        }
    }

    const NONE: usize = usize::MAX;
    let mut slot = vec![NONE; nu];
    let mut opts: Vec<Vec<usize>> = vec![Vec::new(); np];
    let mut matched = vec![NONE; np];
    for w in 0..nw {
        let sess: Vec<usize> = (0..nu).filter(|&u| has[u][w]).collect();
        if sess.is_empty() {
            continue;
        }
        for (i, &u) in sess.iter().enumerate() {
            slot[u] = i;
        }
        let mut at: Vec<Vec<usize>> = vec![Vec::new(); sess.len()];
        let mut multi: Vec<usize> = Vec::new();
        for p in 0..np {
            let person = &cx.persons[p];
            // Local indices of this person's units sitting this week.
            let here: Vec<usize> = (0..person.units.len())
                .filter(|&k| has[person.units[k]][w])
                .collect();
            opts[p].clear();
            if here.is_empty() {
                continue;
            }
            if let Some(cause) = blocked[p][w] {
                if cause != Cause::Meeting {
                    let k = if here.len() == 1 {
                        here[0]
                    } else {
                        *here
                            .iter()
                            .min_by(|&&a, &&b| {
                                share(att[p][a], seen[p][a])
                                    .total_cmp(&share(att[p][b], seen[p][b]))
                            })
                            .expect("not empty")
                    };
                    out.missed.push(Missed {
                        week: w,
                        unit: person.units[k],
                        person: p,
                    });
                    att[p][k] += 1;
                }
                for &k in &here {
                    seen[p][k] += 1;
                }
                continue;
            }
            if person.units.len() == 1 {
                at[slot[person.units[0]]].push(p);
                continue;
            }
            let allowed = match &rotations[p] {
                Some(rot) => rot.safe(&here, w),
                None => here.clone(),
            };
            opts[p] = allowed.iter().map(|&k| person.units[k]).collect();
            multi.push(p);
        }

        // Cover as many sessions with a township member as possible, the
        // least-covered units first (a matroid: greedy order is optimal).
        let covered: Vec<bool> = at
            .iter()
            .map(|a| a.iter().any(|&p| cx.persons[p].township))
            .collect();
        let mut order: Vec<usize> = (0..sess.len()).filter(|&i| !covered[i]).collect();
        order.sort_by(|&a, &b| {
            let (ua, ub) = (sess[a], sess[b]);
            share(unit_covered[ua], unit_sessions[ua])
                .total_cmp(&share(unit_covered[ub], unit_sessions[ub]))
                .then(((ua + nu - w % nu.max(1)) % nu).cmp(&((ub + nu - w % nu.max(1)) % nu)))
        });
        let mut cand: Vec<Vec<usize>> = vec![Vec::new(); sess.len()];
        for &p in &multi {
            if !cx.persons[p].township {
                continue;
            }
            for &u in &opts[p] {
                cand[slot[u]].push(p);
            }
        }
        for (i, c) in cand.iter_mut().enumerate() {
            let u = sess[i];
            c.sort_by(|&a, &b| {
                let sa = pref(cx, &att, &seen, a, u);
                let sb = pref(cx, &att, &seen, b, u);
                sa.total_cmp(&sb).then(a.cmp(&b))
            });
        }
        for &p in &multi {
            matched[p] = NONE;
        }
        let mut visited = vec![false; np];
        for &i in &order {
            for &p in &multi {
                visited[p] = false;
            }
            augment(i, &cand, &mut matched, &mut visited);
        }

        for &p in &multi {
            if matched[p] != NONE {
                at[matched[p]].push(p);
            }
        }
        for &p in &multi {
            if matched[p] != NONE {
                continue;
            }
            let best = opts[p].iter().copied().min_by(|&a, &b| {
                let (ia, ib) = (slot[a], slot[b]);
                (at[ia].len() >= min_present)
                    .cmp(&(at[ib].len() >= min_present))
                    .then(pref(cx, &att, &seen, p, a).total_cmp(&pref(cx, &att, &seen, p, b)))
                    .then(at[ia].len().cmp(&at[ib].len()))
                    .then(a.cmp(&b))
            });
            if let Some(u) = best {
                at[slot[u]].push(p);
                matched[p] = slot[u];
            }
        }

        // Tally who went where, and move the rotations on.
        for &p in &multi {
            let person = &cx.persons[p];
            let went = sess.get(matched[p]).copied();
            for (k, &u) in person.units.iter().enumerate() {
                if has[u][w] {
                    seen[p][k] += 1;
                    if Some(u) == went {
                        att[p][k] += 1;
                    }
                }
            }
        }
        for rot in rotations.iter_mut().flatten() {
            let p = rot.person;
            if blocked[p][w].is_some() {
                continue;
            }
            let here: Vec<usize> = (0..rot.units.len())
                .filter(|&k| has[rot.units[k]][w])
                .collect();
            let went = sess
                .get(matched[p])
                .and_then(|u| rot.units.iter().position(|x| x == u));
            rot.advance(&here, went);
        }
        for (i, people) in at.into_iter().enumerate() {
            let u = sess[i];
            let mut people = people;
            let team = &cx.teams[u].members;
            people.sort_by_key(|p| team.iter().position(|x| x == p).unwrap_or(usize::MAX));
            unit_sessions[u] += 1;
            if people.iter().any(|&p| cx.persons[p].township) {
                unit_covered[u] += 1;
            }
            out.sessions.push(StSession {
                week: w,
                unit: u,
                people,
            });
        }
        for &p in &multi {
            matched[p] = NONE;
        }
    }
    out
}

/// How much person `p` is wanted at unit `u` (lower: more).
fn pref(cx: &Cx, att: &[Vec<u32>], seen: &[Vec<u32>], p: usize, u: usize) -> f64 {
    match cx.persons[p].units.iter().position(|&x| x == u) {
        Some(k) => share(att[p][k], seen[p][k]),
        None => f64::INFINITY,
    }
}

/// Kuhn's augmenting path from session `i`.
fn augment(i: usize, cand: &[Vec<usize>], matched: &mut [usize], visited: &mut [bool]) -> bool {
    for &p in &cand[i] {
        if visited[p] {
            continue;
        }
        visited[p] = true;
        if matched[p] == usize::MAX || augment(matched[p], cand, matched, visited) {
            matched[p] = i;
            return true;
        }
    }
    false
}
