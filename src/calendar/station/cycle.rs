//! Leaders' rotations over their units (calendar rule 2: each unit at least
//! once per n of its sessions): the state a leader carries week to week, the
//! earliest-deadline test of which units are still safe to go to, and the
//! coordinate descent that improves one leader's whole year at a time by a
//! small dynamic programme over how long each unit has gone without them.

use super::staffing::augment;
use super::{NONE, Year};
use crate::calendar::cx::Cx;

/// A leader's rotation state over their units (rule 2).
pub(super) struct Rotation {
    pub(super) person: usize,
    pub(super) units: Vec<usize>,
    /// Per unit: the weeks it sits while the leader is free (the counted ones).
    pub(super) counted: Vec<Vec<usize>>,
    /// Per unit: index of its next counted week.
    pub(super) pos: Vec<usize>,
    /// Per unit: counted sessions in a row without the leader.
    pub(super) missed: Vec<usize>,
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
    pub(super) fn safe(&self, here: &[usize], week: usize) -> Vec<usize> {
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

    pub(super) fn advance(&mut self, here: &[usize], went: Option<usize>) {
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

/// Coordinate descent over leaders' rotations: for one leader, with every
/// other leader fixed and helpers matched afresh each week, the best
/// rotation for the whole year is a small dynamic programme (state: how many
/// sessions in a row each of their units has gone without them). Each step
/// can only add covered sessions, so a few rounds settle it.
pub(super) fn improve(cx: &Cx, y: &Year, position: &mut [Vec<usize>]) {
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
            if cx.late() {
                return;
            }
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
