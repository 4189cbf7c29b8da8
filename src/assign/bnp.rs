//! Branch-and-price over the set-partitioning master: one equality row per
//! unit, one per leader (exactly one bundle each), and a `≤` row for the
//! change limit. Each node runs column generation (phase 1 with Farkas
//! pricing until feasible, then phase 2), bounds itself with the Lagrangian
//! bound (valid at every pricing round, so a node cut by time still has a
//! proven bound), and branches on a unit pair (Ryan–Foster: together or
//! apart) or, when all pairs are integral, on a leader–unit pair. Search is
//! best-bound with plunging; a column-fixing dive and local search give
//! incumbents, and reduced-cost fixing with the root duals shrinks the bundle
//! store and the column pool whenever the incumbent improves.

use super::bundles::Bundles;
use super::heuristic::{self, Plan};
use super::leaders::{
    LeaderProblem, LeaderSolution, SolveOptions, SolveStats, Status, best_tour, plan_cost,
    relative_gap,
};
use super::pricing::{self, Duals, Rules, Scratch};
use super::random::Rng;
use super::simplex::{Lp, LpOutcome};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::time::Instant;

/// A branching decision; a node is the list of decisions from the root.
#[derive(Clone, Copy, Debug)]
enum Decision {
    Together(u16, u16),
    Apart(u16, u16),
    Force(u32, u16),
    Forbid(u32, u16),
}

struct Node {
    decisions: Vec<Decision>,
    bound: f64,
    basis: Vec<usize>,
}

enum NodeResult {
    /// Bound reached the incumbent.
    Pruned,
    Infeasible,
    TimeUp,
    /// LP optimum is integral: the plan's columns.
    Integral(Vec<usize>),
    /// LP optimum is fractional: (column, value) pairs.
    Fractional(Vec<(usize, f64)>),
}

/// Root duals kept for reduced-cost fixing.
struct RootInfo {
    duals: Duals,
    min_rc: Vec<f64>,
    bound: f64,
}

/// Most bundles enumerated (about 17 bytes each, plus 8 of pricing scratch):
/// keeps peak memory near 200 MiB.
const MAX_BUNDLES: f64 = 8e6;

/// Pricing tolerance: columns must improve by more than this.
const PRICE_TOL: f64 = 1e-7;
/// Columns per leader per pricing round.
const PER_LEADER: usize = 6;
/// Weight of the best-bound duals in Wentges smoothing.
const SMOOTHING: f64 = 0.5;
/// Columns unused for this many pricing rounds leave the simplex's scan.
const KEEP_ROUNDS: usize = 60;

struct Engine<'a> {
    p: &'a LeaderProblem,
    nu: usize,
    nl: usize,
    m: usize,
    change_limit: Option<usize>,
    bundles: Bundles,
    live: Vec<u32>,
    /// per unit: the live bundles holding it (built once the root has
    /// shrunk the store), for pricing leaders with a required unit
    by_unit: Option<Vec<Vec<u32>>>,
    floors: Vec<f64>,
    lp: Lp,
    /// per LP column: (leader, bundle); u32::MAX for artificials and slack
    col_owner: Vec<(u32, u32)>,
    col_index: HashMap<(u32, u32), usize>,
    dead: Vec<bool>,
    /// pricing round when each column was last basic or priced in
    last_used: Vec<usize>,
    incumbent: Option<(f64, Vec<Vec<usize>>)>,
    root: Option<RootInfo>,
    deadline: Instant,
    started: Instant,
    /// pricing round of the last reduced-cost fixing at the root
    last_fix: usize,
    /// candidates sorted per pricing round (small in tests, to exercise the
    /// full-scan fallback)
    cand_cap: usize,
    stats: SolveStats,
    scratch: Scratch,
    rng: Rng,
}

pub(crate) fn run(p: &LeaderProblem, opts: &SolveOptions, start: Instant) -> LeaderSolution {
    run_with(p, opts, start, pricing::CAND_CAP)
}

fn run_with(
    p: &LeaderProblem,
    opts: &SolveOptions,
    start: Instant,
    cand_cap: usize,
) -> LeaderSolution {
    let deadline = start + opts.time_limit;
    let nu = p.workload.len();
    let nl = p.leaders.len();
    let mut rng = Rng::new(opts.seed);

    // Incumbent from the matching plus local search. Work is bounded by
    // counts, not time, so that runs are reproducible.
    let mut incumbent = None;
    if let Some(owner) = heuristic::feasible_assignment(p, true) {
        let plan = Plan::from_owner(p, owner);
        let plan = heuristic::improve(p, plan, &mut rng, 40, deadline);
        if heuristic::within_change_limit(p, &plan) {
            incumbent = Some(plan_of(p, &plan));
        }
    }

    let floors: Vec<f64> = (0..nl).map(|l| pricing::unit_cost_floor(p, l)).collect();
    let upper = incumbent.as_ref().map_or(f64::INFINITY, |i: &(f64, _)| i.0);
    trace(start, &format!("heuristic cost {upper:.3}"));
    if Bundles::count_estimate(p) > MAX_BUNDLES {
        // Bundles too large to enumerate (many units per leader): return the
        // heuristic plan with the trivial bound (bundle costs are at least
        // the leaders' unit-cost floors).
        let bound: f64 = floors.iter().sum();
        return match incumbent {
            Some((cost, bundles)) => LeaderSolution {
                status: Status::Feasible,
                bundles,
                cost,
                lower_bound: bound,
                gap: relative_gap(cost, bound),
                stats: SolveStats::default(),
            },
            None => LeaderSolution {
                status: Status::NoSolutionInTime,
                bundles: Vec::new(),
                cost: f64::INFINITY,
                lower_bound: bound,
                gap: 1.0,
                stats: SolveStats::default(),
            },
        };
    }
    let bundles = Bundles::enumerate(p, upper + 1e-9 * upper.abs().max(1.0), &floors);
    trace(start, &format!("{} bundles", bundles.len()));
    let live: Vec<u32> = (0..bundles.len() as u32).collect();

    let change_limit = p.max_changes.as_ref().map(|(c, _)| *c);
    let m = nu + nl + change_limit.is_some() as usize;
    let mut b = vec![1.0; nu + nl];
    if let Some(c) = change_limit {
        b.push(c as f64);
    }
    let mut lp = Lp::new(b);
    let mut col_owner = vec![(u32::MAX, u32::MAX); m];
    if change_limit.is_some() {
        lp.add_column(&[((m - 1) as u32, 1.0)], 0.0);
        col_owner.push((u32::MAX, u32::MAX));
        let mut basis: Vec<usize> = (0..m).collect();
        basis[m - 1] = m;
        lp.set_basis(&basis);
    }
    let n_cols = lp.n_cols();
    let mut e = Engine {
        p,
        nu,
        nl,
        m,
        change_limit,
        stats: SolveStats {
            bundles: bundles.len(),
            ..SolveStats::default()
        },
        bundles,
        live,
        by_unit: None,
        floors,
        lp,
        col_owner,
        col_index: HashMap::new(),
        dead: vec![false; n_cols],
        last_used: vec![0; n_cols],
        incumbent,
        root: None,
        deadline,
        started: start,
        last_fix: 0,
        cand_cap,
        scratch: Scratch::default(),
        rng,
    };
    // The incumbent's columns are not put in the pool: an integral vertex of
    // a set-partitioning LP is highly degenerate, and starting there stalls
    // the simplex for tens of thousands of pivots.
    let result = e.search();
    e.finish(result)
}

/// α·a + (1 − α)·b, componentwise.
fn mix(a: &Duals, b: &Duals, alpha: f64) -> Duals {
    let m = |x: &[f64], y: &[f64]| -> Vec<f64> {
        x.iter()
            .zip(y)
            .map(|(p, q)| alpha * p + (1.0 - alpha) * q)
            .collect()
    };
    Duals {
        pi: m(&a.pi, &b.pi),
        mu: m(&a.mu, &b.mu),
        sigma: alpha * a.sigma + (1.0 - alpha) * b.sigma,
    }
}

/// Progress lines on stderr when ZHUDIAN_TRACE is set (for tuning).
fn trace(start: Instant, what: &str) {
    if std::env::var_os("ZHUDIAN_TRACE").is_some() {
        eprintln!("[{:8.3}s] {what}", start.elapsed().as_secs_f64());
    }
}

/// The plan's cost and bundles in tour order.
fn plan_of(p: &LeaderProblem, plan: &Plan) -> (f64, Vec<Vec<usize>>) {
    let bundles: Vec<Vec<usize>> = plan.bundles.iter().map(|b| best_tour(p, b).1).collect();
    (plan_cost(p, &bundles), bundles)
}

/// Outcome of the tree search: the proven bound, and whether infeasibility
/// was proven.
struct SearchEnd {
    bound: f64,
    proven_infeasible: bool,
}

impl Engine<'_> {
    fn upper(&self) -> f64 {
        self.incumbent.as_ref().map_or(f64::INFINITY, |i| i.0)
    }

    /// Bounds within this of the incumbent cannot lead to a better plan.
    fn prune_at(&self) -> f64 {
        let ub = self.upper();
        ub - 1e-9 * ub.abs().max(1.0)
    }

    fn add_column(&mut self, l: usize, b: u32) -> usize {
        if let Some(&j) = self.col_index.get(&(l as u32, b)) {
            return j;
        }
        let us = self.bundles.units(b as usize);
        let (uc, ch) = pricing::leader_extra(self.p, l, us);
        let mut entries: Vec<(u32, f64)> = us.iter().map(|&u| (u as u32, 1.0)).collect();
        entries.push(((self.nu + l) as u32, 1.0));
        if self.change_limit.is_some() && ch > 0 {
            entries.push(((self.m - 1) as u32, ch as f64));
        }
        let cost = self.bundles.base[b as usize] + uc;
        let j = self.lp.add_column(&entries, cost);
        self.col_owner.push((l as u32, b));
        self.col_index.insert((l as u32, b), j);
        self.dead.push(false);
        self.last_used.push(self.stats.rounds);
        j
    }

    fn rules_for(&self, decisions: &[Decision]) -> Rules {
        let mut r = Rules::root(self.p);
        r.restricted = !decisions.is_empty();
        for &d in decisions {
            match d {
                Decision::Together(a, b) | Decision::Apart(a, b) => {
                    let t = matches!(d, Decision::Together(..));
                    r.partners[a as usize].push((b, t));
                    r.partners[b as usize].push((a, t));
                    r.has_pairs = true;
                }
                Decision::Force(l, u) => {
                    r.required[l as usize].push(u);
                    for o in 0..self.nl {
                        if o != l as usize {
                            r.allowed[o * self.nu + u as usize] = false;
                        }
                    }
                }
                Decision::Forbid(l, u) => r.allowed[l as usize * self.nu + u as usize] = false,
            }
        }
        r
    }

    /// Reduced cost of column (l, b) under `d` (phase-2 costs).
    fn reduced_cost(&self, l: usize, b: usize, d: &Duals) -> f64 {
        let us = self.bundles.units(b);
        let (uc, ch) = pricing::leader_extra(self.p, l, us);
        self.bundles.base[b] + uc
            - us.iter().map(|&u| d.pi[u as usize]).sum::<f64>()
            - d.sigma * ch as f64
            - d.mu[l]
    }

    fn duals_from(&self, y: &[f64]) -> Duals {
        Duals {
            pi: y[..self.nu].to_vec(),
            mu: y[self.nu..self.nu + self.nl].to_vec(),
            sigma: if self.change_limit.is_some() {
                y[self.m - 1].min(0.0)
            } else {
                0.0
            },
        }
    }

    /// Column generation at one node. `bound` is raised to the node's best
    /// Lagrangian bound.
    fn solve_node(&mut self, rules: &Rules, basis: &[usize], bound: &mut f64) -> NodeResult {
        // Forbid artificials, fixed-out columns and columns the node excludes.
        // The simplex scans only recently useful columns: pricing scans every
        // bundle, so any column left out that could improve is found again.
        let mut scan = Vec::new();
        for j in 0..self.lp.n_cols() {
            let (l, b) = self.col_owner[j];
            self.lp.forbidden[j] = if l == u32::MAX {
                j < self.m
            } else {
                self.dead[j] || !rules.column_ok(self.p, l as usize, self.bundles.units(b as usize))
            };
            if !self.lp.forbidden[j] && self.stats.rounds <= self.last_used[j] + KEEP_ROUNDS {
                scan.push(j);
            }
        }
        self.lp.set_scan(scan);
        if basis.len() == self.m {
            self.lp.set_basis(basis);
        }
        // Below the root, price only the bundles some leader may still take
        // here: deep nodes and dives exclude most of the store.
        let node_live: Option<Vec<u32>> = rules.restricted.then(|| {
            self.live
                .iter()
                .copied()
                .filter(|&b| rules.someone_ok(self.bundles.units(b as usize)))
                .collect()
        });
        let mut phase1 = self.lp.infeasibility() > 1e-9;
        let mut failures = 0;
        let mut center: Option<(Duals, f64)> = None;
        loop {
            let outcome = self.lp.solve(phase1, self.deadline);
            self.stats.lp_solves += 1;
            match outcome {
                LpOutcome::TimeUp => return NodeResult::TimeUp,
                LpOutcome::Failed => {
                    // Numerical trouble: restart this node from the artificial basis.
                    failures += 1;
                    if failures > 2 {
                        return NodeResult::TimeUp;
                    }
                    let art: Vec<usize> = self.initial_basis();
                    self.lp.set_basis(&art);
                    phase1 = true;
                    continue;
                }
                LpOutcome::Optimal => {}
            }
            if phase1 && self.lp.infeasibility() <= 1e-9 {
                phase1 = false;
                continue;
            }
            for &j in &self.lp.basis {
                self.last_used[j] = self.stats.rounds;
            }
            let y = self.lp.duals(phase1);
            let current = self.duals_from(&y);
            // Wentges smoothing: price at a point between the duals with the
            // best Lagrangian bound so far and the LP's, which damps the
            // duals' oscillation; if that finds nothing the LP's own duals
            // improve on (a mispricing), price at the LP's duals.
            let mut alpha = if phase1 || center.is_none() || !basis.is_empty() {
                0.0
            } else {
                SMOOTHING
            };
            let mut columns: Vec<(usize, u32, f64)>;
            loop {
                let duals = match (&center, alpha > 0.0) {
                    (Some((c, _)), true) => mix(c, &current, alpha),
                    _ => current.clone(),
                };
                let priced = pricing::price(
                    self.p,
                    &self.bundles,
                    node_live.as_deref().unwrap_or(&self.live),
                    self.by_unit.as_deref(),
                    rules,
                    &duals,
                    &self.floors,
                    phase1,
                    PER_LEADER,
                    PRICE_TOL,
                    self.cand_cap,
                    &mut self.scratch,
                );
                self.stats.rounds += 1;
                let lagrange = duals.pi.iter().sum::<f64>()
                    + duals.mu.iter().sum::<f64>()
                    + duals.sigma * self.change_limit.unwrap_or(0) as f64
                    + priced.min_rc.iter().sum::<f64>();
                if phase1 {
                    // Farkas: the phase-1 optimum is at least `lagrange` > 0.
                    if lagrange > 1e-6 {
                        return NodeResult::Infeasible;
                    }
                } else {
                    if center.as_ref().is_none_or(|c| lagrange > c.1) {
                        center = Some((duals.clone(), lagrange));
                    }
                    if lagrange > *bound {
                        *bound = lagrange;
                        if basis.is_empty() {
                            self.note_root(&duals, &priced.min_rc, lagrange);
                            // Shrink the store as the root bound improves:
                            // later rounds then price far fewer bundles.
                            if self.stats.rounds >= self.last_fix + 8 {
                                self.last_fix = self.stats.rounds;
                                self.fix_by_reduced_cost();
                            }
                        }
                    }
                    if *bound >= self.prune_at() {
                        return NodeResult::Pruned;
                    }
                }
                // Keep the columns that improve the current LP.
                columns = priced
                    .columns
                    .into_iter()
                    .filter(|&(l, b, _)| {
                        alpha == 0.0 || self.reduced_cost(l, b as usize, &current) < -PRICE_TOL
                    })
                    .collect();
                if columns.is_empty() && alpha > 0.0 {
                    alpha = 0.0;
                    continue;
                }
                break;
            }
            let mut added = 0;
            for &(l, b, _) in &columns {
                let before = self.lp.n_cols();
                let j = self.add_column(l, b);
                if j == before {
                    added += 1;
                } else if !self.lp.forbidden[j] && self.lp.include(j) {
                    // A known column that had left the scan is back.
                    added += 1;
                }
                self.last_used[j] = self.stats.rounds;
            }
            if added == 0 {
                if phase1 {
                    // The phase-1 optimum is positive: infeasible, unless it
                    // is round-off, in which case carry on to phase 2.
                    if self.lp.infeasibility() > 1e-6 {
                        return NodeResult::Infeasible;
                    }
                    phase1 = false;
                    continue;
                }
                break;
            }
            // Close enough: the LP value and the bound agree.
            if !phase1 {
                let z = self.lp.objective(false);
                if z - *bound <= 1e-9 * z.abs().max(1.0) {
                    break;
                }
            }
        }
        if *bound < self.lp.objective(false) - 1e-9 {
            // Converged: the LP value is itself a valid bound.
            *bound = bound.max(self.lp.objective(false));
        }
        if *bound >= self.prune_at() {
            return NodeResult::Pruned;
        }
        let values: Vec<(usize, f64)> = self
            .lp
            .values()
            .into_iter()
            .filter(|&(j, _)| !self.lp.forbidden[j] && self.col_owner[j].0 != u32::MAX)
            .collect();
        if values.iter().all(|&(_, x)| x > 1.0 - 1e-6) && values.len() == self.nl {
            return NodeResult::Integral(values.iter().map(|&(j, _)| j).collect());
        }
        NodeResult::Fractional(values)
    }

    /// Artificials for all rows, the slack for the change row.
    fn initial_basis(&self) -> Vec<usize> {
        let mut basis: Vec<usize> = (0..self.m).collect();
        if self.change_limit.is_some() {
            basis[self.m - 1] = self.m;
        }
        basis
    }

    fn note_root(&mut self, duals: &Duals, min_rc: &[f64], bound: f64) {
        if self.root.as_ref().is_none_or(|r| bound > r.bound) {
            self.root = Some(RootInfo {
                duals: duals.clone(),
                min_rc: min_rc.to_vec(),
                bound,
            });
        }
    }

    /// Records a plan given by LP columns if it beats the incumbent, then
    /// polishes it with local search.
    fn offer_columns(&mut self, cols: &[usize]) {
        let mut bundles = vec![Vec::new(); self.nl];
        for &j in cols {
            let (l, b) = self.col_owner[j];
            bundles[l as usize] = self
                .bundles
                .units(b as usize)
                .iter()
                .map(|&u| u as usize)
                .collect();
        }
        self.offer_plan(bundles);
    }

    fn offer_plan(&mut self, bundles: Vec<Vec<usize>>) {
        let mut owner = vec![0; self.nu];
        for (l, b) in bundles.iter().enumerate() {
            for &u in b {
                owner[u] = l;
            }
        }
        let plan = Plan::from_owner(self.p, owner);
        let deadline = self
            .deadline
            .min(Instant::now() + std::time::Duration::from_millis(200));
        let plan = heuristic::improve(self.p, plan, &mut self.rng, 10, deadline);
        if !heuristic::within_change_limit(self.p, &plan) {
            return;
        }
        let (cost, bundles) = plan_of(self.p, &plan);
        if cost < self.upper() - 1e-9 * cost.abs().max(1.0) {
            self.incumbent = Some((cost, bundles));
            self.fix_by_reduced_cost();
        }
    }

    /// Drops bundles and columns that cannot be in a plan better than the
    /// incumbent, by the root Lagrangian argument: a plan using column (l, B)
    /// costs at least L − minrc_l + rc_l(B).
    fn fix_by_reduced_cost(&mut self) {
        let Some(root) = &self.root else { return };
        let ub = self.upper();
        if !ub.is_finite() {
            return;
        }
        let margin = 1e-7 * ub.abs().max(1.0);
        let d = &root.duals;
        let p = self.p;
        let rc_of = |l: usize, b: usize, bundles: &Bundles| {
            let us = bundles.units(b);
            let (uc, ch) = pricing::leader_extra(p, l, us);
            let v: f64 = bundles.base[b] - us.iter().map(|&u| d.pi[u as usize]).sum::<f64>();
            v + uc - d.sigma * ch as f64 - d.mu[l]
        };
        let slack: Vec<f64> = (0..self.nl)
            .map(|l| ub + margin - (root.bound - root.min_rc[l]))
            .collect();
        let max_thr = (0..self.nl)
            .map(|l| slack[l] + d.mu[l] - self.floors[l])
            .fold(f64::NEG_INFINITY, f64::max);
        let bundles = &self.bundles;
        let rules = Rules::root(p);
        self.live.retain(|&b| {
            let bi = b as usize;
            let us = bundles.units(bi);
            let v: f64 = bundles.base[bi] - us.iter().map(|&u| d.pi[u as usize]).sum::<f64>();
            if v >= max_thr {
                return false;
            }
            (0..p.leaders.len())
                .any(|l| rules.column_ok(p, l, us) && rc_of(l, bi, bundles) < slack[l])
        });
        for j in 0..self.col_owner.len() {
            let (l, b) = self.col_owner[j];
            if l != u32::MAX && rc_of(l as usize, b as usize, bundles) >= slack[l as usize] {
                self.dead[j] = true;
            }
        }
        let mut by_unit = vec![Vec::new(); self.nu];
        for &b in &self.live {
            for &u in self.bundles.units(b as usize) {
                by_unit[u as usize].push(b);
            }
        }
        self.by_unit = Some(by_unit);
    }

    /// Chooses a branching: the most fractional unit pair, else the most
    /// fractional leader–unit pair. Returns (preferred child, other child).
    fn branch(&self, values: &[(usize, f64)]) -> (Decision, Decision) {
        let nu = self.nu;
        let mut pair = vec![0.0f64; nu * nu];
        let mut lu = vec![0.0f64; self.nl * nu];
        for &(j, x) in values {
            let (l, b) = self.col_owner[j];
            let us = self.bundles.units(b as usize);
            for (i, &a) in us.iter().enumerate() {
                lu[l as usize * nu + a as usize] += x;
                for &c in &us[i + 1..] {
                    let (lo, hi) = if a < c { (a, c) } else { (c, a) };
                    pair[lo as usize * nu + hi as usize] += x;
                }
            }
        }
        let frac = |v: f64| v.min(1.0 - v);
        let mut best = (1e-6, usize::MAX);
        for (i, &v) in pair.iter().enumerate() {
            if frac(v) > best.0 {
                best = (frac(v), i);
            }
        }
        if best.1 != usize::MAX {
            let (a, c) = ((best.1 / nu) as u16, (best.1 % nu) as u16);
            let (t, s) = (Decision::Together(a, c), Decision::Apart(a, c));
            return if pair[best.1] >= 0.5 { (t, s) } else { (s, t) };
        }
        let mut best = (1e-6, usize::MAX);
        for (i, &v) in lu.iter().enumerate() {
            if frac(v) > best.0 {
                best = (frac(v), i);
            }
        }
        let i = if best.1 == usize::MAX {
            // Values integral per pair yet not per column: cannot happen for
            // distinct columns; branch on the first column's first unit.
            let (l, b) = self.col_owner[values[0].0];
            l as usize * nu + self.bundles.units(b as usize).first().copied().unwrap_or(0) as usize
        } else {
            best.1
        };
        let (l, u) = ((i / nu) as u32, (i % nu) as u16);
        let (f, x) = (Decision::Force(l, u), Decision::Forbid(l, u));
        if lu[i] >= 0.5 { (f, x) } else { (x, f) }
    }

    /// Column-fixing dive: repeatedly force the largest fractional column's
    /// units to its leader and re-solve, until integral or dead.
    fn dive(&mut self, mut decisions: Vec<Decision>, mut basis: Vec<usize>, bound: f64) {
        for _ in 0..self.nu + 1 {
            let rules = self.rules_for(&decisions);
            let mut b = bound;
            let res = self.solve_node(&rules, &basis, &mut b);
            trace(
                self.started,
                &format!(
                    "  dive step {}: bound {b:.3} {}",
                    decisions.len(),
                    match &res {
                        NodeResult::Pruned => "pruned",
                        NodeResult::Infeasible => "infeasible",
                        NodeResult::TimeUp => "time up",
                        NodeResult::Integral(_) => "integral",
                        NodeResult::Fractional(_) => "fractional",
                    }
                ),
            );
            match res {
                NodeResult::Integral(cols) => {
                    self.offer_columns(&cols);
                    return;
                }
                NodeResult::Fractional(values) => {
                    let &(j, _) = values
                        .iter()
                        .filter(|&&(_, x)| x < 1.0 - 1e-6)
                        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                        .expect("fractional");
                    // Fix the column exactly: its units forced to its
                    // leader, every other unit forbidden to that leader.
                    let (l, bi) = self.col_owner[j];
                    let units = self.bundles.units(bi as usize);
                    for u in 0..self.nu as u16 {
                        decisions.push(if units.contains(&u) {
                            Decision::Force(l, u)
                        } else {
                            Decision::Forbid(l, u)
                        });
                    }
                    basis = self.lp.basis.clone();
                }
                _ => return,
            }
        }
    }

    fn search(&mut self) -> SearchEnd {
        let root_basis: Vec<usize> = Vec::new();
        let mut open: BinaryHeap<Reverse<(OrdF64, u64)>> = BinaryHeap::new();
        let mut store: HashMap<u64, Node> = HashMap::new();
        let mut next_id = 0u64;
        let mut plunge: Option<Node> = Some(Node {
            decisions: Vec::new(),
            // Trivial bound: balance and travel terms are never negative.
            bound: self.floors.iter().sum(),
            basis: root_basis,
        });
        let mut root_done = false;
        let mut dives = 0usize;
        loop {
            let node = match plunge.take() {
                Some(n) => n,
                None => match open.pop() {
                    Some(Reverse((_, id))) => store.remove(&id).expect("stored node"),
                    None => break,
                },
            };
            if node.bound >= self.prune_at() {
                continue;
            }
            if Instant::now() > self.deadline {
                let bound = node.bound;
                store.insert(next_id, node);
                open.push(Reverse((OrdF64(bound), next_id)));
                break;
            }
            self.stats.nodes += 1;
            let rules = self.rules_for(&node.decisions);
            let mut bound = node.bound;
            let basis = if node.basis.is_empty() {
                self.initial_basis()
            } else {
                node.basis.clone()
            };
            let is_root = !root_done;
            let res = self.solve_node(&rules, if is_root { &[] } else { &basis }, &mut bound);
            if is_root {
                root_done = true;
                self.stats.root_bound = bound;
                trace(
                    self.started,
                    &format!(
                        "root bound {bound:.3} ub {:.3} rounds {} pivots {}",
                        self.upper(),
                        self.stats.rounds,
                        self.lp.pivots
                    ),
                );
                if matches!(res, NodeResult::Infeasible) {
                    return SearchEnd {
                        bound: f64::INFINITY,
                        proven_infeasible: true,
                    };
                }
                self.fix_by_reduced_cost();
                trace(
                    self.started,
                    &format!("fixed: {} bundles live", self.live.len()),
                );
            }
            match res {
                NodeResult::Pruned | NodeResult::Infeasible => {}
                NodeResult::TimeUp => {
                    store.insert(next_id, Node { bound, ..node });
                    open.push(Reverse((OrdF64(bound), next_id)));
                    break;
                }
                NodeResult::Integral(cols) => self.offer_columns(&cols),
                NodeResult::Fractional(values) => {
                    let basis = self.lp.basis.clone();
                    let (first, second) = self.branch(&values);
                    // Dives find incumbents; run one at the root and
                    // occasionally while the tree grows.
                    if is_root || (self.stats.nodes.is_multiple_of(200) && dives < 20) {
                        dives += 1;
                        self.dive(node.decisions.clone(), basis.clone(), bound);
                        trace(
                            self.started,
                            &format!(
                                "dive: ub {:.3} rounds {} pivots {}",
                                self.upper(),
                                self.stats.rounds,
                                self.lp.pivots
                            ),
                        );
                    }
                    let mut other = node.decisions.clone();
                    other.push(second);
                    store.insert(
                        next_id,
                        Node {
                            decisions: other,
                            bound,
                            basis: basis.clone(),
                        },
                    );
                    open.push(Reverse((OrdF64(bound), next_id)));
                    next_id += 1;
                    let mut d = node.decisions;
                    d.push(first);
                    plunge = Some(Node {
                        decisions: d,
                        bound,
                        basis,
                    });
                }
            }
        }
        let mut bound = self.upper();
        if let Some(n) = &plunge {
            bound = bound.min(n.bound);
        }
        for n in store.values() {
            if n.bound < self.prune_at() {
                bound = bound.min(n.bound);
            }
        }
        SearchEnd {
            bound,
            proven_infeasible: false,
        }
    }

    fn finish(self, end: SearchEnd) -> LeaderSolution {
        let mut stats = self.stats;
        stats.columns = self.lp.n_cols() - self.m;
        stats.pivots = self.lp.pivots;
        match self.incumbent {
            None => {
                let open = end.bound.is_finite();
                LeaderSolution {
                    status: if end.proven_infeasible || !open {
                        Status::Infeasible
                    } else {
                        Status::NoSolutionInTime
                    },
                    bundles: Vec::new(),
                    cost: f64::INFINITY,
                    lower_bound: end.bound,
                    gap: if open { 1.0 } else { 0.0 },
                    stats,
                }
            }
            Some((cost, bundles)) => {
                let bound = end.bound.min(cost);
                let gap = relative_gap(cost, bound);
                let optimal = bound >= cost - 1e-9 * cost.abs().max(1.0);
                LeaderSolution {
                    status: if optimal {
                        Status::Optimal
                    } else {
                        Status::Feasible
                    },
                    bundles,
                    cost,
                    lower_bound: if optimal { cost } else { bound },
                    gap: if optimal { 0.0 } else { gap },
                    stats,
                }
            }
        }
    }
}

/// f64 with a total order, for the node heap.
#[derive(Clone, Copy, PartialEq, Debug)]
struct OrdF64(f64);
impl Eq for OrdF64 {}
impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for OrdF64 {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&o.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assign::leaders::check_plan;
    use crate::assign::random_problem;
    use std::time::Duration;

    fn brute_force(p: &LeaderProblem) -> Option<f64> {
        let (n, nl) = (p.workload.len(), p.leaders.len());
        let mut best: Option<f64> = None;
        for code in 0..nl.pow(n as u32) {
            let mut bundles = vec![Vec::new(); nl];
            let mut c = code;
            for u in 0..n {
                bundles[c % nl].push(u);
                c /= nl;
            }
            if check_plan(p, &bundles).is_ok() {
                let cost = plan_cost(p, &bundles);
                best = Some(best.map_or(cost, |b: f64| b.min(cost)));
            }
        }
        best
    }

    /// With a tiny candidate cap nearly every leader needs the full-scan
    /// fallback; results must still be exact.
    #[test]
    fn truncated_pricing_stays_exact() {
        for seed in 0..40 {
            let mut p = random_problem(3, 7, 1 + (seed % 2) as usize, 3, 500 + seed);
            // Sparse permissions make the cheapest bundles useless to some
            // leaders, which is what sends pricing past its cap.
            let mut rng = Rng::new(seed);
            for spec in &mut p.leaders {
                for a in &mut spec.allowed {
                    *a = rng.below(3) != 0;
                }
            }
            let opts = SolveOptions {
                time_limit: Duration::from_secs(20),
                seed,
            };
            let s = run_with(&p, &opts, Instant::now(), 3);
            match brute_force(&p) {
                None => assert_ne!(s.status, Status::Optimal),
                Some(best) => {
                    assert_eq!(s.status, Status::Optimal, "seed {seed}");
                    assert!((s.cost - best).abs() < 1e-6, "seed {seed}");
                    assert!(s.stats.root_bound <= best + 1e-6, "seed {seed}");
                }
            }
        }
        // Larger: the capped run must prove the same optimum, and its root
        // bound must not exceed it.
        for seed in 0..4 {
            let p = random_problem(8, 18, 2, 3, 700 + seed);
            let opts = SolveOptions {
                time_limit: Duration::from_secs(60),
                seed,
            };
            let exact = run_with(&p, &opts, Instant::now(), pricing::CAND_CAP);
            let capped = run_with(&p, &opts, Instant::now(), 20);
            assert_eq!(exact.status, Status::Optimal);
            assert_eq!(capped.status, Status::Optimal);
            assert!((exact.cost - capped.cost).abs() < 1e-6, "seed {seed}");
            assert!(capped.stats.root_bound <= exact.cost + 1e-6, "seed {seed}");
        }
    }
}
