//! Primal heuristics: a first feasible assignment (bipartite b-matching that
//! honours the count bounds and permissions) and a local search (moves and
//! swaps of units between leaders, with random kicks) that turns any plan into
//! a good one. They give the branch-and-price its early incumbents.

use super::leaders::{LeaderProblem, bundle_cost};
use super::random::Rng;
use std::time::Instant;

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
pub(crate) fn local_search(p: &LeaderProblem, plan: &mut Plan, deadline: Instant) {
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
                let ca = bundle_cost(p, a, &buf_a);
                let cb = bundle_cost(p, b, &buf_b);
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
                let ca = bundle_cost(p, a, &buf_a);
                let cb = bundle_cost(p, b, &buf_b);
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
    local_search(p, &mut best, deadline);
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
        local_search(p, &mut cand, deadline);
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
