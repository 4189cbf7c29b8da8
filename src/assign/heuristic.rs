//! Primal heuristics: a first feasible assignment (bipartite b-matching that
//! honours the count bounds and permissions) and a local search (moves and
//! swaps of units between leaders, with random kicks) that turns any plan into
//! a good one. They give the branch-and-price its early incumbents.

use super::leaders::{LeaderProblem, bundle_cost, cost_with_tour, tour_into};
use super::random::Rng;
use rustc_hash::FxHashMap;
use std::time::Instant;

/// The tours of bundles of up to four units the local search has costed,
/// keyed by their units: its passes re-cost the same bundles many times
/// (at 90×30 its tours were a tenth of a proof, on the main thread). The
/// costs are `bundle_cost`'s to the bit.
#[derive(Default)]
pub(crate) struct TourMemo(FxHashMap<u64, f64>);

impl TourMemo {
    fn bundle_cost(&mut self, p: &LeaderProblem, leader: usize, units: &[usize]) -> f64 {
        let k = units.len();
        // Four units of 16 bits each make the key.
        if k > 4 || p.workload.len() >= u16::MAX as usize {
            return bundle_cost(p, leader, units);
        }
        let mut sorted = [0usize; 4];
        sorted[..k].copy_from_slice(units);
        sorted[..k].sort_unstable();
        let key = sorted[..k]
            .iter()
            .fold(0u64, |key, &u| key << 16 | (u as u64 + 1));
        let tour = *self.0.entry(key).or_insert_with(|| {
            let mut out = [0usize; 4];
            tour_into(p, &sorted[..k], &mut out[..k])
        });
        cost_with_tour(p, leader, units, tour)
    }
}

/// A plan as the owner of each unit, plus cached per-leader bundles and costs.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub owner: Vec<usize>,
    pub bundles: Vec<Vec<usize>>,
    pub costs: Vec<f64>,
    pub changes: usize,
}

impl Plan {
    pub(crate) fn from_owner(p: &LeaderProblem, owner: Vec<usize>) -> Plan {
        let mut bundles = vec![Vec::new(); p.leaders.len()];
        for (u, &l) in owner.iter().enumerate() {
            bundles[l].push(u);
        }
        let costs = bundles
            .iter()
            .enumerate()
            .map(|(l, b)| bundle_cost(p, l, b))
            .collect();
        let changes = count_changes(p, &owner);
        Plan {
            owner,
            bundles,
            costs,
            changes,
        }
    }

    pub(crate) fn cost(&self) -> f64 {
        self.costs.iter().sum()
    }
}

fn count_changes(p: &LeaderProblem, owner: &[usize]) -> usize {
    match &p.max_changes {
        None => 0,
        Some((_, changed)) => owner
            .iter()
            .enumerate()
            .filter(|&(u, &l)| changed[l][u])
            .count(),
    }
}

fn is_changed(p: &LeaderProblem, l: usize, u: usize) -> bool {
    p.max_changes.as_ref().is_some_and(|(_, c)| c[l][u])
}

/// Any assignment within the count bounds and permissions (Kuhn's augmenting
/// paths with capacities: first up to each leader's minimum, then up to the
/// maximum; augmenting never lowers a leader's count, so minima stay met).
/// With `prefer_unchanged`, unchanged leader–unit pairs are tried first.
pub(crate) fn feasible_assignment(p: &LeaderProblem, prefer_unchanged: bool) -> Option<Vec<usize>> {
    let n = p.workload.len();
    let nl = p.leaders.len();
    // Candidate leaders per unit, unchanged ones first when asked.
    let cand: Vec<Vec<usize>> = (0..n)
        .map(|u| {
            let mut c: Vec<usize> = (0..nl).filter(|&l| p.leaders[l].allowed[u]).collect();
            if prefer_unchanged {
                c.sort_by_key(|&l| is_changed(p, l, u));
            }
            c
        })
        .collect();
    let mut owner = vec![usize::MAX; n];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); nl];
    let mins: Vec<usize> = p.leaders.iter().map(|l| l.min_units).collect();
    let maxs: Vec<usize> = p.leaders.iter().map(|l| l.max_units).collect();
    for caps in [&mins, &maxs] {
        for u in 0..n {
            if owner[u] != usize::MAX {
                continue;
            }
            let mut seen = vec![false; nl];
            augment(u, &cand, caps, &mut owner, &mut members, &mut seen);
        }
        if std::ptr::eq(caps, &mins) {
            let filled: usize = members.iter().map(Vec::len).sum();
            if filled < mins.iter().sum::<usize>() {
                return None;
            }
        }
    }
    if owner.contains(&usize::MAX) {
        return None;
    }
    Some(owner)
}

fn augment(
    u: usize,
    cand: &[Vec<usize>],
    caps: &[usize],
    owner: &mut [usize],
    members: &mut [Vec<usize>],
    seen: &mut [bool],
) -> bool {
    for &l in &cand[u] {
        if seen[l] {
            continue;
        }
        seen[l] = true;
        if members[l].len() < caps[l] {
            owner[u] = l;
            members[l].push(u);
            return true;
        }
        for i in 0..members[l].len() {
            let w = members[l][i];
            if augment(w, cand, caps, owner, members, seen) {
                // w moved elsewhere: u takes its place at l.
                let pos = members[l].iter().position(|&x| x == w).expect("member");
                members[l][pos] = u;
                owner[u] = l;
                return true;
            }
        }
    }
    false
}

/// Penalised objective: cost plus a large charge per change over the limit,
/// so that the search repairs a plan that breaks the change limit.
fn objective(p: &LeaderProblem, plan: &Plan) -> f64 {
    plan.cost() + excess_penalty(p, plan.changes)
}

fn excess_penalty(p: &LeaderProblem, changes: usize) -> f64 {
    match &p.max_changes {
        Some((limit, _)) if changes > *limit => 1e6 * (changes - limit) as f64,
        _ => 0.0,
    }
}

/// First-improvement descent over unit moves and swaps until no move helps.
pub(crate) fn local_search(
    p: &LeaderProblem,
    plan: &mut Plan,
    memo: &mut TourMemo,
    deadline: Instant,
) {
    let n = p.workload.len();
    let nl = p.leaders.len();
    let eps = 1e-9;
    let mut improved = true;
    let mut buf_a = Vec::new();
    let mut buf_b = Vec::new();
    while improved {
        improved = false;
        if Instant::now() > deadline {
            return;
        }
        // Moves: unit u from its leader a to leader b.
        for u in 0..n {
            if Instant::now() > deadline {
                return;
            }
            let a = plan.owner[u];
            if plan.bundles[a].len() <= p.leaders[a].min_units {
                continue;
            }
            for b in 0..nl {
                if b == a
                    || !p.leaders[b].allowed[u]
                    || plan.bundles[b].len() >= p.leaders[b].max_units
                {
                    continue;
                }
                let ch = plan.changes + is_changed(p, b, u) as usize - is_changed(p, a, u) as usize;
                buf_a.clear();
                buf_a.extend(plan.bundles[a].iter().copied().filter(|&x| x != u));
                buf_b.clear();
                buf_b.extend(plan.bundles[b].iter().copied());
                buf_b.push(u);
                let ca = memo.bundle_cost(p, a, &buf_a);
                let cb = memo.bundle_cost(p, b, &buf_b);
                let delta = ca + cb - plan.costs[a] - plan.costs[b] + excess_penalty(p, ch)
                    - excess_penalty(p, plan.changes);
                if delta < -eps {
                    plan.bundles[a].clone_from(&buf_a);
                    plan.bundles[b].clone_from(&buf_b);
                    plan.costs[a] = ca;
                    plan.costs[b] = cb;
                    plan.owner[u] = b;
                    plan.changes = ch;
                    improved = true;
                    break;
                }
            }
        }
        // Swaps: u (leader a) with w (leader b).
        for u in 0..n {
            if Instant::now() > deadline {
                return;
            }
            for w in (u + 1)..n {
                let a = plan.owner[u];
                let b = plan.owner[w];
                if a == b || !p.leaders[b].allowed[u] || !p.leaders[a].allowed[w] {
                    continue;
                }
                let ch = plan.changes + is_changed(p, b, u) as usize + is_changed(p, a, w) as usize
                    - is_changed(p, a, u) as usize
                    - is_changed(p, b, w) as usize;
                buf_a.clear();
                buf_a.extend(plan.bundles[a].iter().map(|&x| if x == u { w } else { x }));
                buf_b.clear();
                buf_b.extend(plan.bundles[b].iter().map(|&x| if x == w { u } else { x }));
                let ca = memo.bundle_cost(p, a, &buf_a);
                let cb = memo.bundle_cost(p, b, &buf_b);
                let delta = ca + cb - plan.costs[a] - plan.costs[b] + excess_penalty(p, ch)
                    - excess_penalty(p, plan.changes);
                if delta < -eps {
                    plan.bundles[a].clone_from(&buf_a);
                    plan.bundles[b].clone_from(&buf_b);
                    plan.costs[a] = ca;
                    plan.costs[b] = cb;
                    plan.owner[u] = b;
                    plan.owner[w] = a;
                    plan.changes = ch;
                    improved = true;
                }
            }
        }
    }
}

/// Iterated local search: descend, then repeatedly kick the best plan with a
/// few random swaps/moves and descend again, keeping improvements.
pub(crate) fn improve(
    p: &LeaderProblem,
    start: Plan,
    rng: &mut Rng,
    kicks: usize,
    deadline: Instant,
) -> Plan {
    let mut best = start;
    let mut memo = TourMemo::default();
    local_search(p, &mut best, &mut memo, deadline);
    let n = p.workload.len();
    let nl = p.leaders.len();
    if n < 2 || nl < 2 {
        return best;
    }
    for _ in 0..kicks {
        if Instant::now() > deadline {
            break;
        }
        let mut owner = best.owner.clone();
        let mut counts = vec![0usize; nl];
        for &l in &owner {
            counts[l] += 1;
        }
        for _ in 0..3 {
            let u = rng.below(n);
            if rng.below(2) == 0 {
                let w = rng.below(n);
                let (a, b) = (owner[u], owner[w]);
                if p.leaders[b].allowed[u] && p.leaders[a].allowed[w] {
                    owner[u] = b;
                    owner[w] = a;
                }
            } else {
                let a = owner[u];
                let b = rng.below(nl);
                if b != a
                    && p.leaders[b].allowed[u]
                    && counts[a] > p.leaders[a].min_units
                    && counts[b] < p.leaders[b].max_units
                {
                    owner[u] = b;
                    counts[a] -= 1;
                    counts[b] += 1;
                }
            }
        }
        let mut cand = Plan::from_owner(p, owner);
        local_search(p, &mut cand, &mut memo, deadline);
        if objective(p, &cand) < objective(p, &best) - 1e-9 {
            best = cand;
        }
    }
    best
}

/// Whether a plan meets the change limit (the heuristics may not).
pub(crate) fn within_change_limit(p: &LeaderProblem, plan: &Plan) -> bool {
    excess_penalty(p, plan.changes) == 0.0
}

#[cfg(test)]
mod tests {
    use super::TourMemo;
    use crate::assign::leaders::bundle_cost;
    use crate::assign::random::Rng;
    use crate::assign::random_problem;

    /// The memo's costs are `bundle_cost`'s to the bit, in any unit order,
    /// the first time and from the memo, with unit costs in play.
    #[test]
    fn memo_costs_are_bundle_costs_to_the_bit() {
        let mut p = random_problem(3, 30, 1, 5, 7);
        let mut rng = Rng::new(3);
        for spec in &mut p.leaders {
            spec.unit_cost = (0..30).map(|_| rng.unit()).collect();
        }
        let mut memo = TourMemo::default();
        for _ in 0..2 {
            let mut rng = Rng::new(11);
            for _ in 0..500 {
                let k = 1 + rng.below(5);
                let mut units: Vec<usize> = (0..k).map(|_| rng.below(30)).collect();
                units.dedup();
                let l = rng.below(3);
                let want = bundle_cost(&p, l, &units);
                assert_eq!(memo.bundle_cost(&p, l, &units).to_bits(), want.to_bits());
                units.reverse();
                let want = bundle_cost(&p, l, &units);
                assert_eq!(memo.bundle_cost(&p, l, &units).to_bits(), want.to_bits());
            }
        }
        assert!(!memo.0.is_empty());
    }
}
