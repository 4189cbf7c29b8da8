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

use rayon::prelude::*;

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
        self.counted[k]
            .get(pos + left)
            .copied()
            .unwrap_or(usize::MAX)
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

/// Places everyone for week `w`. Rotating leaders either choose among their
/// safe units (`rotations`, the first pass) or sit where `fixed` says (the
/// final pass, after the rotations were improved).
fn week(
    cx: &Cx,
    y: &Year,
    w: usize,
    tally: &mut Tally,
    rotations: Option<&mut [Option<Rotation>]>,
    fixed: Option<&[Vec<usize>]>,
) -> WeekOut {
    let nu = cx.roster.units.len();
    let np = cx.persons.len();
    let min_present = cx.roster.policy.min_present;
    let sess = &y.sess[w];
    let mut slot = vec![NONE; nu];
    for (i, &u) in sess.iter().enumerate() {
        slot[u] = i;
    }
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); sess.len()];
    let mut missed = Vec::new();
    let mut multi: Vec<usize> = Vec::new();
    let mut opts: Vec<Vec<usize>> = vec![Vec::new(); np];
    let (att, seen) = (&mut tally.att, &mut tally.seen);
    for p in 0..np {
        let person = &cx.persons[p];
        let here: Vec<usize> = (0..person.units.len())
            .filter(|&k| y.has[person.units[k]][w])
            .collect();
        if here.is_empty() {
            continue;
        }
        if let Some(cause) = y.blocked[p][w] {
            if cause != Cause::Meeting {
                // Missed where their rotation would have taken them: the
                // unit they have served least.
                let k = *here
                    .iter()
                    .min_by(|&&a, &&b| {
                        share(att[p][a], seen[p][a]).total_cmp(&share(att[p][b], seen[p][b]))
                    })
                    .expect("not empty");
                missed.push(Missed {
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
        if y.rotating[p]
            && let Some(f) = fixed
            && f[p][w] != NONE
        {
            at[slot[f[p][w]]].push(p);
            opts[p] = vec![f[p][w]];
            multi.push(p);
            continue;
        }
        let allowed = match rotations.as_deref() {
            Some(rots) if y.rotating[p] => {
                rots[p].as_ref().map_or(here.clone(), |r| r.safe(&here, w))
            }
            _ => here.clone(),
        };
        opts[p] = allowed.iter().map(|&k| person.units[k]).collect();
        multi.push(p);
    }
    // Leaders fixed by the final pass are already seated.
    let seated: Vec<bool> = (0..np)
        .map(|p| {
            fixed.is_some()
                && y.rotating[p]
                && opts[p].len() == 1
                && at.iter().any(|a| a.contains(&p))
        })
        .collect();

    // Cover as many sessions with a township member as possible, the
    // least-covered units first (a transversal matroid: greedy order is optimal).
    let covered: Vec<bool> = at
        .iter()
        .map(|a| a.iter().any(|&p| cx.persons[p].township))
        .collect();
    let mut order: Vec<usize> = (0..sess.len()).filter(|&i| !covered[i]).collect();
    let turn = |u: usize| (u + nu - w % nu.max(1)) % nu.max(1);
    order.sort_by(|&a, &b| {
        let (ua, ub) = (sess[a], sess[b]);
        share(tally.unit_covered[ua], tally.unit_sessions[ua])
            .total_cmp(&share(tally.unit_covered[ub], tally.unit_sessions[ub]))
            .then(turn(ua).cmp(&turn(ub)))
    });
    let (att, seen) = (&tally.att, &tally.seen);
    let mut cand: Vec<Vec<usize>> = vec![Vec::new(); sess.len()];
    for &p in &multi {
        if !cx.persons[p].township || seated[p] {
            continue;
        }
        for &u in &opts[p] {
            cand[slot[u]].push(p);
        }
    }
    for (i, c) in cand.iter_mut().enumerate() {
        let u = sess[i];
        c.sort_by(|&a, &b| {
            pref(cx, att, seen, a, u)
                .total_cmp(&pref(cx, att, seen, b, u))
                .then(a.cmp(&b))
        });
    }
    let mut matched = vec![NONE; np];
    let mut visited = vec![false; np];
    for &i in &order {
        for &p in &multi {
            visited[p] = false;
        }
        augment(i, &cand, &mut matched, &mut visited);
    }
    for &p in &multi {
        if seated[p] {
            matched[p] = slot[opts[p][0]];
        } else if matched[p] != NONE {
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
                .then(pref(cx, att, seen, p, a).total_cmp(&pref(cx, att, seen, p, b)))
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
            if y.has[u][w] {
                tally.seen[p][k] += 1;
                if Some(u) == went {
                    tally.att[p][k] += 1;
                }
            }
        }
    }
    if let Some(rots) = rotations {
        for rot in rots.iter_mut().flatten() {
            let p = rot.person;
            if y.blocked[p][w].is_some() {
                continue;
            }
            let here: Vec<usize> = (0..rot.units.len())
                .filter(|&k| y.has[rot.units[k]][w])
                .collect();
            let went = sess
                .get(matched[p])
                .and_then(|u| rot.units.iter().position(|x| x == u));
            rot.advance(&here, went);
        }
    }
    for (i, people) in at.iter_mut().enumerate() {
        let u = sess[i];
        let team = &cx.teams[u].members;
        people.sort_by_key(|p| team.iter().position(|x| x == p).unwrap_or(usize::MAX));
        tally.unit_sessions[u] += 1;
        if people.iter().any(|&p| cx.persons[p].township) {
            tally.unit_covered[u] += 1;
        }
    }
    WeekOut { at, missed }
}

/// The station sessions of the year. The fortnights of biweekly units are
/// then searched too: a leader strictly alternating two units flips phase at
/// every holiday week, so which fortnight suits a remote unit shows only in
/// the whole year's outcome.
pub(crate) fn plan(cx: &Cx) -> Stations {
    plan_stations(cx)
}

fn plan_stations(cx: &Cx) -> Stations {
    let mut parity = parities(cx);
    let mut best = plan_with(cx, &parity);
    let biweekly: Vec<usize> = (0..cx.roster.units.len())
        .filter(|&u| cx.roster.units[u].cadence == Cadence::Biweekly)
        .collect();
    for _ in 0..biweekly.len() {
        if score(cx, &best) == (0, 0) {
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

fn plan_with(cx: &Cx, parity: &[usize]) -> Stations {
    let r = cx.roster;
    let nu = r.units.len();
    let np = cx.persons.len();
    let nw = cx.weeks.len();
    let (ws, we) = cx.win;
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
    let sess: Vec<Vec<usize>> = (0..nw)
        .map(|w| (0..nu).filter(|&u| has[u][w]).collect())
        .collect();
    let rotating: Vec<bool> = cx
        .persons
        .iter()
        .map(|p| p.leader && p.units.len() >= 2)
        .collect();
    let y = Year {
        has,
        blocked,
        sess,
        rotating,
    };

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

    // Final pass with the leaders where the improvement put them.
    let mut tally = Tally::new(cx);
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
    out.unit_weeks = y.sess.iter().map(Vec::len).sum();
    for (p, person) in cx.persons.iter().enumerate() {
        if person.township {
            out.member_weeks += (0..nw)
                .filter(|&w| y.blocked[p][w].is_none() && person.units.iter().any(|&u| y.has[u][w]))
                .count();
        }
    }
    for w in 0..nw {
        if y.sess[w].is_empty() {
            continue;
        }
        let wk = week(cx, &y, w, &mut tally, None, Some(&position));
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

/// Coordinate descent over leaders' rotations: for one leader, with every
/// other leader fixed and helpers matched afresh each week, the best
/// rotation for the whole year is a small dynamic programme (state: how many
/// sessions in a row each of their units has gone without them). Each step
/// can only add covered sessions, so a few rounds settle it.
fn improve(cx: &Cx, y: &Year, position: &mut [Vec<usize>]) {
    let np = cx.persons.len();
    let nw = cx.weeks.len();
    let leaders: Vec<usize> = (0..np).filter(|&p| y.rotating[p]).collect();
    if leaders.is_empty() {
        return;
    }
    // Per week and session: township members who sit there whatever happens.
    let single: Vec<Vec<bool>> = (0..nw)
        .map(|w| {
            y.sess[w]
                .iter()
                .map(|&u| {
                    cx.teams[u].members.iter().any(|&p| {
                        cx.persons[p].township
                            && cx.persons[p].units.len() == 1
                            && y.blocked[p][w].is_none()
                    })
                })
                .collect()
        })
        .collect();
    // Per week: rotating helpers (township, several teams) free that week.
    let helpers: Vec<Vec<(usize, Vec<usize>)>> = (0..nw)
        .map(|w| {
            (0..np)
                .filter(|&p| {
                    let q = &cx.persons[p];
                    q.township && !y.rotating[p] && q.units.len() > 1 && y.blocked[p][w].is_none()
                })
                .map(|p| {
                    let units: Vec<usize> = cx.persons[p]
                        .units
                        .iter()
                        .copied()
                        .filter(|&u| y.has[u][w])
                        .collect();
                    (p, units)
                })
                .filter(|(_, u)| !u.is_empty())
                .collect()
        })
        .collect();
    for _round in 0..6 {
        let mut changed = false;
        for &p in &leaders {
            let gains: Vec<Vec<(usize, i64)>> = (0..nw)
                .map(|w| week_gain(cx, y, w, p, position, &single[w], &helpers[w]))
                .collect();
            if let Some(best) = best_rotation(cx, y, p, &gains, &position[p])
                && best != position[p]
            {
                position[p] = best;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// For leader `p` in week `w`: each unit they could sit at, and whether
/// their sitting there adds a session with a township member, given the
/// other leaders where they are and the shared helpers matched at best.
fn week_gain(
    cx: &Cx,
    y: &Year,
    w: usize,
    p: usize,
    position: &[Vec<usize>],
    single: &[bool],
    helpers: &[(usize, Vec<usize>)],
) -> Vec<(usize, i64)> {
    let person = &cx.persons[p];
    if y.blocked[p][w].is_some() {
        return Vec::new();
    }
    let options: Vec<usize> = person
        .units
        .iter()
        .copied()
        .filter(|&u| y.has[u][w])
        .collect();
    if options.is_empty() {
        return Vec::new();
    }
    let sess = &y.sess[w];
    let slot = |u: usize| sess.binary_search(&u).ok();
    let mut covered = single.to_vec();
    for (q, pos) in position.iter().enumerate() {
        if q != p
            && pos[w] != NONE
            && let Some(i) = slot(pos[w])
        {
            covered[i] = true;
        }
    }
    // Max matching of free helpers onto uncovered sessions.
    let mut cand: Vec<Vec<usize>> = vec![Vec::new(); sess.len()];
    for (h, (_, units)) in helpers.iter().enumerate() {
        for &u in units {
            if let Some(i) = slot(u)
                && !covered[i]
            {
                cand[i].push(h);
            }
        }
    }
    let mut matched = vec![NONE; helpers.len()];
    let mut visited = vec![false; helpers.len()];
    let mut session_matched = vec![false; sess.len()];
    for i in 0..sess.len() {
        if covered[i] || cand[i].is_empty() {
            continue;
        }
        visited.iter_mut().for_each(|v| *v = false);
        session_matched[i] = augment(i, &cand, &mut matched, &mut visited);
    }
    for &i in &matched {
        if i != NONE {
            session_matched[i] = true;
        }
    }
    // Sessions a leader would add: those left uncovered, and those whose
    // helper could move along an alternating path to one left uncovered.
    let mut reach = vec![false; sess.len()];
    let mut stack: Vec<usize> = (0..sess.len())
        .filter(|&i| !covered[i] && !session_matched[i])
        .collect();
    for &i in &stack {
        reach[i] = true;
    }
    while let Some(i) = stack.pop() {
        for &h in &cand[i] {
            let j = matched[h];
            if j != NONE && !reach[j] {
                reach[j] = true;
                stack.push(j);
            }
        }
    }
    options
        .into_iter()
        .map(|u| {
            let i = slot(u).expect("option sits this week");
            (u, i64::from(!covered[i] && reach[i]))
        })
        .collect()
}

/// The leader's best rotation for the year: most covered sessions, the rule
/// kept at every step, ties going to the current rotation (so descent never
/// cycles). `None` when the state space is too big or no rotation keeps the
/// rule.
fn best_rotation(
    cx: &Cx,
    y: &Year,
    p: usize,
    gains: &[Vec<(usize, i64)>],
    current: &[usize],
) -> Option<Vec<usize>> {
    const LIMIT: usize = 20_000;
    let units = &cx.persons[p].units;
    let n = units.len();
    if n > 8 {
        return None;
    }
    let nw = gains.len();
    // State: base-n digits, each a unit's run of sessions without the leader.
    let digit = |s: u32, k: usize| (s / (n as u32).pow(k as u32)) % n as u32;
    struct Node {
        state: u32,
        value: i64,
        parent: usize,
        unit: usize,
    }
    let mut layers: Vec<Vec<Node>> = Vec::new();
    let mut prev: Vec<Node> = vec![Node {
        state: 0,
        value: 0,
        parent: NONE,
        unit: NONE,
    }];
    let mut weeks = Vec::new();
    for (w, g) in gains.iter().enumerate().take(nw) {
        if g.is_empty() || y.blocked[p][w].is_some() {
            continue;
        }
        let here: Vec<usize> = g
            .iter()
            .map(|&(u, _)| units.iter().position(|&x| x == u).expect("own unit"))
            .collect();
        let mut next: Vec<Node> = Vec::new();
        for (pi, node) in prev.iter().enumerate() {
            'choice: for (c, &(u, gain)) in g.iter().enumerate() {
                let mut state = node.state;
                for &k in &here {
                    let d = digit(state, k);
                    let place = (n as u32).pow(k as u32);
                    if k == here[c] {
                        state -= d * place;
                    } else if d + 1 >= n as u32 {
                        continue 'choice;
                    } else {
                        state += place;
                    }
                }
                // Coverage first; staying as before only breaks ties.
                let value = node.value + gain * 1024 + i64::from(current[w] == u);
                next.push(Node {
                    state,
                    value,
                    parent: pi,
                    unit: u,
                });
            }
        }
        if next.is_empty() {
            return None;
        }
        next.sort_by(|a, b| {
            a.state
                .cmp(&b.state)
                .then(b.value.cmp(&a.value))
                .then(a.parent.cmp(&b.parent))
        });
        next.dedup_by_key(|x| x.state);
        if next.len() > LIMIT {
            return None;
        }
        layers.push(std::mem::replace(&mut prev, next));
        weeks.push(w);
    }
    layers.push(prev);
    let last = layers.last().expect("at least the start");
    let mut best =
        (0..last.len()).max_by(|&a, &b| last[a].value.cmp(&last[b].value).then(b.cmp(&a)))?;
    let mut out = vec![NONE; nw];
    for (li, &w) in weeks.iter().enumerate().rev() {
        let node = &layers[li + 1][best];
        out[w] = node.unit;
        best = node.parent;
    }
    Some(out)
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

#[cfg(test)]
#[allow(clippy::needless_range_loop)]
mod optimum {
    //! How far the heuristic is from the best coverage: a MIP of the whole
    //! year's station sessions (run by hand: it is slow on big townships).
    use super::*;
    use good_lp::{Expression, Solution, SolverModel, microlp, variable, variables};

    fn optimum(path: &str) -> (usize, usize) {
        let r = crate::roster::load(std::path::Path::new(path)).unwrap();
        let plan = crate::calendar::simple::simple_plan(&r);
        let cx = Cx::new(&r, &plan);
        let st = plan_stations(&cx);
        let heur = score(&cx, &st).0;
        let nw = cx.weeks.len();
        let nu = r.units.len();
        let mut has = vec![vec![false; nw]; nu];
        for s in &st.sessions {
            has[s.unit][s.week] = true;
        }
        let (ws, we) = cx.win;
        let mut vars = variables!();
        let mut x = std::collections::BTreeMap::new();
        for (p, person) in cx.persons.iter().enumerate() {
            if person.units.len() < 2 {
                continue;
            }
            for w in 0..nw {
                if cx.blocked(p, cx.weeks[w], ws, we).is_some() {
                    continue;
                }
                for &u in &person.units {
                    if has[u][w] {
                        x.insert((p, u, w), vars.add(variable().binary()));
                    }
                }
            }
        }
        let mut y = std::collections::BTreeMap::new();
        for u in 0..nu {
            for w in 0..nw {
                if has[u][w] {
                    y.insert((u, w), vars.add(variable().min(0).max(1)));
                }
            }
        }
        let obj: Expression = y.values().copied().sum();
        let mut model = vars.maximise(obj).using(microlp);
        for (p, person) in cx.persons.iter().enumerate() {
            if person.units.len() < 2 {
                continue;
            }
            for w in 0..nw {
                let e: Expression = person
                    .units
                    .iter()
                    .filter_map(|&u| x.get(&(p, u, w)).copied())
                    .sum();
                model = model.with(e.leq(1));
            }
            if person.leader {
                let n = person.units.len();
                for &u in &person.units {
                    let counted: Vec<usize> =
                        (0..nw).filter(|&w| x.contains_key(&(p, u, w))).collect();
                    for win in counted.windows(n) {
                        let e: Expression = win.iter().map(|&w| x[&(p, u, w)]).sum();
                        model = model.with(e.geq(1));
                    }
                }
            }
        }
        for (&(u, w), &yv) in &y {
            let fixed = cx.teams[u].members.iter().any(|&p| {
                cx.persons[p].township
                    && cx.persons[p].units.len() == 1
                    && cx.blocked(p, cx.weeks[w], ws, we).is_none()
            });
            if fixed {
                continue;
            }
            let e: Expression = cx.teams[u]
                .members
                .iter()
                .filter(|&&p| cx.persons[p].township)
                .filter_map(|&p| x.get(&(p, u, w)).copied())
                .sum();
            model = model.with((Expression::from(yv) - e).leq(0));
        }
        let sol = model.solve().unwrap();
        let covered: f64 = y.values().map(|&v| sol.value(v)).sum();
        (heur, y.len() - covered.round() as usize)
    }

    #[test]
    #[ignore]
    fn heuristic_against_optimum() {
        for f in [
            "instances/beijiao-example.toml",
            "instances/gaozhou-rural.toml",
        ] {
            let (h, o) = optimum(&format!("{}/{f}", env!("CARGO_MANIFEST_DIR")));
            eprintln!("{f}: heuristic {h} uncovered, optimum {o}");
        }
    }
}
