//! The leader-assignment problem as the engine sees it (no roster, no ids):
//! its types, the cost of a leader's bundle and of a whole plan (so that every
//! caller computes identical figures), the exact tour through a bundle, quick
//! infeasibility diagnosis, and the `solve` entry point.

use std::time::{Duration, Instant};

/// One leader: how many units they may take and which, with any extra cost.
#[derive(Clone, Debug, PartialEq)]
pub struct LeaderSpec {
    pub min_units: usize,
    pub max_units: usize,
    /// per unit: may this leader take it (home unit, needs, pins already folded in)
    pub allowed: Vec<bool>,
    /// per unit: extra cost if this leader takes the unit (continuity when replanning; 0.0 otherwise)
    pub unit_cost: Vec<f64>,
}

/// The abstract assignment problem: leaders × units with a bundle cost.
#[derive(Clone, Debug, PartialEq)]
pub struct LeaderProblem {
    pub leaders: Vec<LeaderSpec>,
    /// per unit (households or population)
    pub workload: Vec<f64>,
    /// total workload / number of leaders (given, not recomputed)
    pub target: f64,
    /// office -> unit shortest path minutes
    pub office_minutes: Vec<f64>,
    /// unit -> unit shortest path minutes (symmetric)
    pub unit_minutes: Vec<Vec<f64>>,
    /// objective weight of the load deviation term
    pub balance: f64,
    /// objective weight of the tour minutes term
    pub travel: f64,
    /// optional hard limit: at most this many units may have `changed[l][u]` true for their leader
    pub max_changes: Option<(usize, Vec<Vec<bool>>)>,
}

/// How a solve ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The plan is proven optimal (gap 0).
    Optimal,
    /// A plan was found; the time or work limit stopped the proof (see
    /// `gap` and `stats.stopped`).
    Feasible,
    /// No plan exists.
    Infeasible,
    /// Time or work ran out before any plan was found.
    NoSolutionInTime,
}

/// Counters for the terminal and the benchmark (not part of the plan).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SolveStats {
    /// branch-and-price nodes solved (the root counts as one)
    pub nodes: usize,
    /// columns in the master's pool at the end
    pub columns: usize,
    /// restricted master LP solves
    pub lp_solves: usize,
    /// simplex pivots over all LP solves
    pub pivots: usize,
    /// pricing rounds
    pub rounds: usize,
    /// bundles enumerated (all sizes)
    pub bundles: usize,
    /// bound at the root node
    pub root_bound: f64,
    /// seconds spent (wall clock)
    pub seconds: f64,
    /// how pricing found columns (chosen automatically unless forced)
    pub pricing: Pricing,
    /// nodes of the pricing search (0 when bundles were enumerated)
    pub search_nodes: u64,
    /// work units spent (see [`SolveOptions::work_limit`])
    pub work: u64,
    /// what stopped the search before it proved optimality, if anything
    pub stopped: Option<Stopped>,
    /// pricing rounds below the root answered from the bundles already
    /// found (searched pricing; the exact search runs when they give none)
    pub store_rounds: usize,
    /// restricted-master dives (price-and-branch) run
    pub restricted_dives: usize,
    /// subset-row cuts added to the master at the root
    pub cuts: usize,
}

/// How pricing finds a leader's best bundles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pricing {
    /// Every bundle enumerated once, scanned each round (fast for small
    /// townships).
    #[default]
    Enumerated,
    /// Branch and bound over each leader's allowed units each round (no
    /// bundle store: any number of units a leader).
    Searched,
}

/// Which pricing to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PricingChoice {
    /// Enumerate when the bundles are few enough, else search.
    #[default]
    Auto,
    Enumerate,
    Search,
}

/// What cut a search short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// The work limit (deterministic: same problem, seed and limit give the
    /// same plan on any machine).
    Work,
    /// The wall-clock time limit.
    Time,
}

/// The engine's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct LeaderSolution {
    pub status: Status,
    /// per leader, units in tour order (empty when no plan)
    pub bundles: Vec<Vec<usize>>,
    /// plan cost (infinite when no plan)
    pub cost: f64,
    /// proven lower bound on the optimal cost (infinite when proven infeasible)
    pub lower_bound: f64,
    /// (cost - lower_bound) / cost, 0 when optimal or cost is 0; 1 when no plan
    pub gap: f64,
    pub stats: SolveStats,
}

/// Solver options.
#[derive(Clone, Debug)]
pub struct SolveOptions {
    pub time_limit: Duration,
    pub seed: u64,
    /// Deterministic budget in work units: one unit is one simplex pivot,
    /// one node of the pricing search, or 64 bundles scanned by enumerated
    /// pricing. `None`: no limit.
    pub work_limit: Option<u64>,
    pub pricing: PricingChoice,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            time_limit: Duration::from_secs(30),
            seed: 1,
            work_limit: None,
            pricing: PricingChoice::Auto,
        }
    }
}

/// Why a problem cannot have a plan, found without search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountProblem {
    /// The leaders' maxima add up to fewer than the units.
    TooFewPlaces { units: usize, max_total: usize },
    /// The leaders' minima add up to more than the units.
    TooManyMinimums { units: usize, min_total: usize },
    /// No leader may take this unit.
    UnitWithoutLeader { unit: usize },
    /// A leader's minimum exceeds their maximum or their allowed units.
    LeaderCannotReachMinimum { leader: usize },
    /// Counts add up but no assignment respects both bounds and permissions.
    NoMatching,
}

/// Minutes of the shortest closed route office -> all `units` -> office, and
/// the units in that order. Exact (the bundles are tiny). Ties go to the
/// lexicographically first order over the sorted units, so the result does not
/// depend on the order `units` come in.
pub fn best_tour(p: &LeaderProblem, units: &[usize]) -> (f64, Vec<usize>) {
    let mut sorted = units.to_vec();
    sorted.sort_unstable();
    let mut order = vec![0usize; sorted.len()];
    let len = tour_into(p, &sorted, &mut order);
    (len, order)
}

/// Shortest tour through `sorted` (ascending units), written to `out` in
/// route order; allocation-free for bundles of up to `SMALL` units.
pub(crate) fn tour_into(p: &LeaderProblem, sorted: &[usize], out: &mut [usize]) -> f64 {
    let k = sorted.len();
    match k {
        0 => 0.0,
        1 => {
            out[0] = sorted[0];
            2.0 * p.office_minutes[sorted[0]]
        }
        2..=4 => tour_upto4(p, sorted, out),
        _ => {
            let mut best = f64::INFINITY;
            if k <= SMALL {
                let mut order = [0usize; SMALL];
                let mut used = [false; SMALL];
                tour_dfs(p, sorted, &mut order, 0, &mut used, 0.0, &mut best, out);
            } else {
                let mut order = vec![0usize; k];
                let mut used = vec![false; k];
                tour_dfs(p, sorted, &mut order, 0, &mut used, 0.0, &mut best, out);
            }
            best
        }
    }
}

const SMALL: usize = 12;

/// `tour_dfs` for 2–4 units (nearly every bundle), as nested loops: the
/// same orders in the same sequence, the same sums added in the same order
/// and the same strict improvement test, so the same length and route to
/// the bit, without the recursion (the tours of the local search and the
/// region search were 8 % of a 90-unit solve).
fn tour_upto4(p: &LeaderProblem, u: &[usize], out: &mut [usize]) -> f64 {
    let k = u.len();
    let (o, d) = (&p.office_minutes, &p.unit_minutes);
    let mut best = f64::INFINITY;
    let mut route = [0usize; 4];
    for a in 0..k {
        let la = 0.0 + o[u[a]];
        if la >= best {
            continue;
        }
        for b in 0..k {
            if b == a {
                continue;
            }
            let lb = la + d[u[a]][u[b]];
            if lb >= best {
                continue;
            }
            if k == 2 {
                let t = lb + o[u[b]];
                if t < best {
                    best = t;
                    route[..2].copy_from_slice(&[a, b]);
                }
                continue;
            }
            for c in 0..k {
                if c == a || c == b {
                    continue;
                }
                let lc = lb + d[u[b]][u[c]];
                if lc >= best {
                    continue;
                }
                if k == 3 {
                    let t = lc + o[u[c]];
                    if t < best {
                        best = t;
                        route[..3].copy_from_slice(&[a, b, c]);
                    }
                    continue;
                }
                let e = 6 - a - b - c;
                let le = lc + d[u[c]][u[e]];
                if le >= best {
                    continue;
                }
                let t = le + o[u[e]];
                if t < best {
                    best = t;
                    route = [a, b, c, e];
                }
            }
        }
    }
    for (slot, &i) in out.iter_mut().zip(&route[..k]) {
        *slot = u[i];
    }
    best
}

/// Depth-first search over orders, pruning partial routes already too long.
#[allow(clippy::too_many_arguments)]
fn tour_dfs(
    p: &LeaderProblem,
    units: &[usize],
    order: &mut [usize],
    depth: usize,
    used: &mut [bool],
    len: f64,
    best: &mut f64,
    best_order: &mut [usize],
) {
    let k = units.len();
    if depth == k {
        let total = len + p.office_minutes[order[k - 1]];
        if total < *best {
            *best = total;
            best_order[..k].copy_from_slice(&order[..k]);
        }
        return;
    }
    for i in 0..k {
        if used[i] {
            continue;
        }
        let u = units[i];
        let step = if depth == 0 {
            p.office_minutes[u]
        } else {
            p.unit_minutes[order[depth - 1]][u]
        };
        if len + step >= *best {
            continue;
        }
        used[i] = true;
        order[depth] = u;
        tour_dfs(
            p,
            units,
            order,
            depth + 1,
            used,
            len + step,
            best,
            best_order,
        );
        used[i] = false;
    }
}

/// The leader-independent part of a bundle's cost: balance and travel terms.
pub(crate) fn base_cost(p: &LeaderProblem, load: f64, tour: f64) -> f64 {
    let deviation = if p.target > 0.0 {
        (load - p.target).abs() / p.target
    } else {
        0.0
    };
    p.balance * 100.0 * deviation + p.travel * tour
}

/// Cost of `leader` covering `units`: balance × 100 × |load − target| / target
/// + travel × tour + the leader's unit costs. Does not check permissions.
pub fn bundle_cost(p: &LeaderProblem, leader: usize, units: &[usize]) -> f64 {
    let tour = if units.len() <= SMALL {
        let mut sorted = [0usize; SMALL];
        let mut out = [0usize; SMALL];
        let k = units.len();
        sorted[..k].copy_from_slice(units);
        sorted[..k].sort_unstable();
        tour_into(p, &sorted[..k], &mut out[..k])
    } else {
        best_tour(p, units).0
    };
    cost_with_tour(p, leader, units, tour)
}

/// `bundle_cost` once the tour's minutes are known (a caller that keeps
/// tours passes its own): the load and unit costs summed in the units'
/// order, so every caller gets the same bits.
pub(crate) fn cost_with_tour(p: &LeaderProblem, leader: usize, units: &[usize], tour: f64) -> f64 {
    let load: f64 = units.iter().map(|&u| p.workload[u]).sum();
    let extra: f64 = units.iter().map(|&u| p.leaders[leader].unit_cost[u]).sum();
    base_cost(p, load, tour) + extra
}

/// Total cost of a plan (one bundle per leader).
pub fn plan_cost(p: &LeaderProblem, bundles: &[Vec<usize>]) -> f64 {
    bundles
        .iter()
        .enumerate()
        .map(|(l, b)| bundle_cost(p, l, b))
        .sum::<f64>()
        + 0.0 // an empty f64 sum is −0.0; plans print 0
}

/// Checks a plan against the hard rules: one leader per unit, size bounds,
/// permissions, change limit. Returns the first violation found.
pub fn check_plan(p: &LeaderProblem, bundles: &[Vec<usize>]) -> Result<(), String> {
    let n = p.workload.len();
    if bundles.len() != p.leaders.len() {
        return Err(format!(
            "{} bundles for {} leaders",
            bundles.len(),
            p.leaders.len()
        ));
    }
    let mut owner = vec![usize::MAX; n];
    let mut changes = 0;
    for (l, b) in bundles.iter().enumerate() {
        let spec = &p.leaders[l];
        if b.len() < spec.min_units || b.len() > spec.max_units {
            return Err(format!("leader {l} has {} units", b.len()));
        }
        for &u in b {
            if u >= n {
                return Err(format!("unit {u} out of range"));
            }
            if owner[u] != usize::MAX {
                return Err(format!("unit {u} has two leaders"));
            }
            owner[u] = l;
            if !spec.allowed[u] {
                return Err(format!("leader {l} may not take unit {u}"));
            }
            if let Some((_, changed)) = &p.max_changes
                && changed[l][u]
            {
                changes += 1;
            }
        }
    }
    if let Some(u) = owner.iter().position(|&o| o == usize::MAX) {
        return Err(format!("unit {u} has no leader"));
    }
    if let Some((limit, _)) = &p.max_changes
        && changes > *limit
    {
        return Err(format!("{changes} changes, limit {limit}"));
    }
    Ok(())
}

/// Finds why no plan can exist from counts and permissions alone (sums of
/// bounds, units nobody may take, a bipartite b-matching). `None` when the
/// counts allow a plan; the change limit is not considered here.
pub fn diagnose_counts(p: &LeaderProblem) -> Option<CountProblem> {
    let n = p.workload.len();
    let max_total: usize = p.leaders.iter().map(|l| l.max_units).sum();
    if max_total < n {
        return Some(CountProblem::TooFewPlaces {
            units: n,
            max_total,
        });
    }
    let min_total: usize = p.leaders.iter().map(|l| l.min_units).sum();
    if min_total > n {
        return Some(CountProblem::TooManyMinimums {
            units: n,
            min_total,
        });
    }
    for u in 0..n {
        if !p.leaders.iter().any(|l| l.allowed[u] && l.max_units > 0) {
            return Some(CountProblem::UnitWithoutLeader { unit: u });
        }
    }
    for (i, l) in p.leaders.iter().enumerate() {
        let allowed = l.allowed.iter().filter(|&&a| a).count();
        if l.min_units > l.max_units || l.min_units > allowed {
            return Some(CountProblem::LeaderCannotReachMinimum { leader: i });
        }
    }
    if crate::assign::heuristic::feasible_assignment(p, false).is_none() {
        return Some(CountProblem::NoMatching);
    }
    None
}

/// Solves the problem to proven optimality or until the time limit, returning
/// the best plan found with a proven lower bound.
pub fn solve(p: &LeaderProblem, opts: &SolveOptions) -> LeaderSolution {
    let start = Instant::now();
    let mut sol = if diagnose_counts(p).is_some() {
        LeaderSolution::infeasible()
    } else {
        crate::assign::bnp::run(p, opts, start)
    };
    sol.stats.seconds = start.elapsed().as_secs_f64();
    sol
}

impl LeaderSolution {
    pub(crate) fn infeasible() -> Self {
        LeaderSolution {
            status: Status::Infeasible,
            bundles: Vec::new(),
            cost: f64::INFINITY,
            lower_bound: f64::INFINITY,
            gap: 0.0,
            stats: SolveStats::default(),
        }
    }
}

/// (cost − bound) / cost, clamped to [0, 1]; 0 when cost is 0.
pub(crate) fn relative_gap(cost: f64, bound: f64) -> f64 {
    if !cost.is_finite() {
        return 1.0;
    }
    if cost.abs() < 1e-12 {
        return 0.0;
    }
    ((cost - bound) / cost.abs()).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_problem() -> LeaderProblem {
        // Units on a line at 1, 2, 3 minutes from the office.
        let pos = [1.0f64, 2.0, 3.0];
        LeaderProblem {
            leaders: vec![
                LeaderSpec {
                    min_units: 1,
                    max_units: 3,
                    allowed: vec![true; 3],
                    unit_cost: vec![0.0; 3],
                };
                2
            ],
            workload: vec![1.0, 1.0, 2.0],
            target: 2.0,
            office_minutes: pos.to_vec(),
            unit_minutes: pos
                .iter()
                .map(|a| pos.iter().map(|b| (a - b).abs()).collect())
                .collect(),
            balance: 1.0,
            travel: 1.0,
            max_changes: None,
        }
    }

    /// The unrolled tour of 2–4 units gives the recursive search's length
    /// and route exactly, ties included (small whole minutes, asymmetric).
    #[test]
    fn the_unrolled_tour_matches_the_search_bit_for_bit() {
        let n = 7;
        let mut z = 11u64;
        let mut next = || {
            z = z.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((z >> 33) % 4) as f64 + 0.1 * ((z >> 40) % 3) as f64
        };
        for _ in 0..300 {
            let mut p = line_problem();
            p.office_minutes = (0..n).map(|_| next()).collect();
            p.unit_minutes = (0..n).map(|_| (0..n).map(|_| next()).collect()).collect();
            for k in 2..=4 {
                let units: Vec<usize> = (0..k).map(|i| (i * 2 + k) % n).collect();
                let mut sorted = units.clone();
                sorted.sort_unstable();
                let (mut fast, mut slow) = (vec![0; k], vec![0; k]);
                let got = tour_upto4(&p, &sorted, &mut fast);
                let (mut order, mut used, mut best) = (vec![0; k], vec![false; k], f64::INFINITY);
                tour_dfs(
                    &p, &sorted, &mut order, 0, &mut used, 0.0, &mut best, &mut slow,
                );
                assert_eq!(got.to_bits(), best.to_bits(), "{units:?}");
                assert_eq!(fast, slow, "{units:?}");
            }
        }
    }

    #[test]
    fn tour_on_a_line_goes_out_and_back() {
        let p = line_problem();
        let (t, order) = best_tour(&p, &[2, 0, 1]);
        assert_eq!(t, 6.0);
        assert_eq!(order, vec![0, 1, 2]);
        assert_eq!(best_tour(&p, &[]).0, 0.0);
        assert_eq!(best_tour(&p, &[1]).0, 4.0);
    }

    #[test]
    fn bundle_cost_adds_balance_travel_and_unit_cost() {
        let mut p = line_problem();
        // load 2 = target: no deviation; tour 0->1->2->0 = 1+1+2 = 4.
        assert_eq!(bundle_cost(&p, 0, &[0, 1]), 4.0);
        // empty bundle: 100 % deviation.
        assert_eq!(bundle_cost(&p, 0, &[]), 100.0);
        p.leaders[1].unit_cost[2] = 5.0;
        assert_eq!(bundle_cost(&p, 1, &[2]), 6.0 + 5.0);
    }

    #[test]
    fn counts_are_diagnosed() {
        let mut p = line_problem();
        assert_eq!(diagnose_counts(&p), None);
        p.leaders[0].max_units = 1;
        p.leaders[1].max_units = 1;
        assert!(matches!(
            diagnose_counts(&p),
            Some(CountProblem::TooFewPlaces { .. })
        ));
        let mut p = line_problem();
        p.leaders[0].allowed[2] = false;
        p.leaders[1].allowed[2] = false;
        assert_eq!(
            diagnose_counts(&p),
            Some(CountProblem::UnitWithoutLeader { unit: 2 })
        );
    }
}
