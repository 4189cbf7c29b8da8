//! Branch-and-price over the set-partitioning master: one equality row per
//! unit, one per leader (exactly one bundle each), and a `≤` row for the
//! change limit. This file sets the engine up (first incumbent, bundle store,
//! empty master), keeps the incumbent and turns the search's end into the
//! engine's answer; `master` runs column generation at a node, `branching`
//! chooses branches and dives, `search` is the node loop. Reduced-cost fixing
//! with the root duals shrinks the bundle store and the column pool whenever
//! the incumbent improves.

mod branching;
mod cuts;
mod lns;
mod master;
mod primal;
mod search;

use super::bundle_search::SearchPricer;
use super::bundles::Bundles;
use super::heuristic::{self, Plan};
use super::leaders::{
    LeaderProblem, LeaderSolution, Pricing, PricingChoice, SolveOptions, SolveStats, Status,
    Stopped, best_tour, plan_cost, relative_gap,
};
use super::pricing::{self, Scratch, per_leader_costs};
use super::random::Rng;
use super::simplex::Lp;
use master::RootInfo;
use search::SearchEnd;
use std::collections::HashMap;
use std::time::Instant;

/// Most bundles worth enumerating (about 25 bytes each with pricing
/// scratch); beyond, pricing searches each leader's units instead.
const ENUMERATE_UP_TO: f64 = 1.5e6;

/// With per-leader costs (replanning), fewest bundles for which they are
/// enumerated: at 24×70 with 2–4 (974,050 bundles) enumerated pricing
/// needed 1.1 M work units where the search needed 41 M.
const ENUMERATE_REPLAN_FROM: f64 = 1e5;

/// Fewest units for which the tree is searched best bound first (see
/// `Engine::best_first`); smaller townships plunge, as before.
const BEST_FIRST_FROM: usize = 80;

/// A plan is improved by the large-neighbourhood search only within this
/// fraction of the incumbent's cost.
const LNS_WITHIN: f64 = 0.03;

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
    /// per LP column: (leader, bundle); (u32::MAX, u32::MAX) for artificials
    /// and the change row's slack, (u32::MAX, cut) for a cut's slack and
    /// surplus
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
    /// the pricing search, when bundles are not enumerated
    searcher: Option<SearchPricer>,
    work_limit: Option<u64>,
    /// bundles scanned by enumerated pricing (work: 64 make a unit)
    scanned: u64,
    scratch: Scratch,
    rng: Rng,
    /// whether the restricted-master dive during the root has run (see
    /// `mid_root_dive_due`)
    mid_root_dive: bool,
    /// work spent by sub-problems solved to complete a dive's plan
    sub_work: u64,
    /// below the root, price from the bundles already found before
    /// searching: planning only; with continuity costs (replanning) it
    /// cost more rounds than it saved (84 M work units unproven against
    /// 42 M proven at 24×70)
    store_pricing: bool,
    /// subset-row cuts in the master, rows m, m + 1, …: their units
    cuts: Vec<[u16; 3]>,
    /// per cut: its slack and surplus columns
    cut_cols: Vec<(usize, usize)>,
    /// most cuts the root may add (0: none)
    max_cuts: usize,
    /// below the root, solve the least-bound open node next rather than
    /// plunging into a child (searched pricing: large townships)
    best_first: bool,
    /// per leader: the other leaders identical to it in the problem (size
    /// bounds, permissions, unit costs, changed units), who may take its
    /// columns' bundles alike
    twins: Vec<Vec<usize>>,
    /// whether the root is solved, so that a new incumbent is also worth
    /// the wide regions (see `lns`)
    root_solved: bool,
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
    let mut e = Engine::new(p, opts, start, cand_cap);
    // The first plan, improved region by region (large townships).
    if let Some((_, bundles)) = e.incumbent.clone()
        && e.lns_applies()
    {
        e.offer_plan(bundles);
        trace(start, &format!("lns: ub {:.3}", e.upper()));
    }
    // The incumbent's columns are not put in the pool: an integral vertex of
    // a set-partitioning LP is highly degenerate, and starting there stalls
    // the simplex for tens of thousands of pivots (with searched pricing,
    // they also made every round's search far longer).
    let result = e.search();
    e.finish(result)
}

impl<'a> Engine<'a> {
    /// The engine before its search: the first incumbent (matching and local
    /// search), the bundle store or the pricing search, the empty master.
    fn new(
        p: &'a LeaderProblem,
        opts: &SolveOptions,
        start: Instant,
        cand_cap: usize,
    ) -> Engine<'a> {
        let deadline = start + opts.time_limit;
        let nu = p.workload.len();
        let nl = p.leaders.len();
        let mut rng = Rng::new(opts.seed);

        // Incumbent from the matching plus local search. Work is bounded by
        // counts, not time, so that runs are reproducible.
        let mut incumbent = None;
        if let Some(owner) = heuristic::feasible_assignment(p, true) {
            let plan = Plan::from_owner(p, owner);
            let plan = heuristic::improve(p, plan, &mut rng, kicks(p, 40), deadline);
            if heuristic::within_change_limit(p, &plan) {
                incumbent = Some(plan_of(p, &plan));
            }
        }

        let floors: Vec<f64> = (0..nl).map(|l| pricing::unit_cost_floor(p, l)).collect();
        let upper = incumbent.as_ref().map_or(f64::INFINITY, |i: &(f64, _)| i.0);
        trace(start, &format!("heuristic cost {upper:.3}"));
        let estimate = Bundles::count_estimate(p);
        let pricing = match opts.pricing {
            PricingChoice::Enumerate => Pricing::Enumerated,
            PricingChoice::Search => Pricing::Searched,
            // Per-leader unit costs (replanning) are priced as the shared
            // part plus each leader's own units (`pricing::Shift`); small
            // replans keep the search, which is as fast there (and keeps
            // their plans as they were).
            PricingChoice::Auto
                if estimate <= ENUMERATE_UP_TO
                    && (!per_leader_costs(p) || estimate >= ENUMERATE_REPLAN_FROM) =>
            {
                Pricing::Enumerated
            }
            PricingChoice::Auto => Pricing::Searched,
        };
        let (bundles, searcher) = match pricing {
            Pricing::Enumerated => (
                Bundles::enumerate(p, upper + 1e-9 * upper.abs().max(1.0), &floors),
                None,
            ),
            Pricing::Searched => {
                let stride = p.leaders.iter().map(|l| l.max_units).max().unwrap_or(0);
                (Bundles::empty(stride.min(nu)), Some(SearchPricer::new(p)))
            }
        };
        trace(
            start,
            &format!("{} bundles, {pricing:?} pricing", bundles.len()),
        );
        let live: Vec<u32> = (0..bundles.len() as u32).collect();
        // Per-leader costs are priced through the per-unit index.
        let by_unit = (pricing == Pricing::Enumerated && per_leader_costs(p))
            .then(|| index_by_unit(nu, &bundles, &live));

        let change_limit = p.max_changes.as_ref().map(|(c, _)| *c);
        let m = nu + nl + change_limit.is_some() as usize;
        let mut b = vec![1.0; nu + nl];
        if let Some(c) = change_limit {
            b.push(c as f64);
        }
        let mut lp = Lp::new(b);
        // Perturbed phase 2 with searched pricing only (see `Lp::solve`):
        // small townships keep their pivots and plans.
        lp.perturb = searcher.is_some();
        let mut col_owner = vec![(u32::MAX, u32::MAX); m];
        if change_limit.is_some() {
            lp.add_column(&[((m - 1) as u32, 1.0)], 0.0);
            col_owner.push((u32::MAX, u32::MAX));
            let mut basis: Vec<usize> = (0..m).collect();
            basis[m - 1] = m;
            lp.set_basis(&basis);
        }
        let n_cols = lp.n_cols();
        Engine {
            p,
            nu,
            nl,
            m,
            change_limit,
            stats: SolveStats {
                bundles: bundles.len(),
                pricing,
                ..SolveStats::default()
            },
            searcher,
            work_limit: opts.work_limit,
            scanned: 0,
            bundles,
            live,
            by_unit,
            floors,
            lp,
            col_owner,
            col_index: HashMap::new(),
            dead: vec![false; n_cols],
            last_used: vec![0; n_cols],
            incumbent,
            root: None,
            root_solved: false,
            deadline,
            started: start,
            last_fix: 0,
            cand_cap,
            scratch: Scratch::default(),
            rng,
            mid_root_dive: false,
            sub_work: 0,
            store_pricing: !per_leader_costs(p),
            cuts: Vec::new(),
            cut_cols: Vec::new(),
            max_cuts: cuts::MAX_CUTS,
            best_first: pricing == Pricing::Searched && nu >= BEST_FIRST_FROM,
            twins: twins(p),
        }
    }
}

/// Per leader, the other leaders identical to it in the problem.
fn twins(p: &LeaderProblem) -> Vec<Vec<usize>> {
    let nl = p.leaders.len();
    let same = |a: usize, b: usize| {
        p.leaders[a] == p.leaders[b] && p.max_changes.as_ref().is_none_or(|(_, c)| c[a] == c[b])
    };
    (0..nl)
        .map(|l| (0..nl).filter(|&o| o != l && same(l, o)).collect())
        .collect()
}

/// Per unit: the bundles of `live` holding it.
fn index_by_unit(nu: usize, bundles: &Bundles, live: &[u32]) -> Vec<Vec<u32>> {
    let mut by_unit = vec![Vec::new(); nu];
    for &b in live {
        for &u in bundles.units(b as usize) {
            by_unit[u as usize].push(b);
        }
    }
    by_unit
}

/// Local-search kicks for a problem: `base` up to 24 leaders × 70 units,
/// fewer beyond (a descent costs about leaders × units tours), so that large
/// townships keep their time for the proof. A count, not a time slice, so
/// runs stay reproducible.
fn kicks(p: &LeaderProblem, base: usize) -> usize {
    let size = (p.leaders.len() * p.workload.len()).max(1);
    (base * 24 * 70 / size).clamp(2, base)
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

impl Engine<'_> {
    fn upper(&self) -> f64 {
        self.incumbent.as_ref().map_or(f64::INFINITY, |i| i.0)
    }

    /// Work units spent so far: pivots, search nodes, bundles scanned / 64.
    fn work(&self) -> u64 {
        self.lp.pivots as u64 + self.stats.search_nodes + self.scanned / 64 + self.sub_work
    }

    /// Whether the work or time limit is reached (noting which, work first:
    /// it is the reproducible one).
    fn out_of_budget(&mut self) -> bool {
        if let Some(w) = self.work_limit {
            let work = self.work();
            if work >= w {
                self.stats.stopped.get_or_insert(Stopped::Work);
                return true;
            }
            // The simplex stops by itself where the budget would run out.
            self.lp.pivot_cap = self.lp.pivots + (w - work) as usize;
        }
        if Instant::now() > self.deadline {
            self.stats.stopped.get_or_insert(Stopped::Time);
            return true;
        }
        false
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
        for (c, s) in self.cuts.iter().enumerate() {
            if cuts::hits(s, us) {
                entries.push(((self.m + c) as u32, 1.0));
            }
        }
        let cost = self.bundles.base[b as usize] + uc;
        let j = self.lp.add_column(&entries, cost);
        self.col_owner.push((l as u32, b));
        self.col_index.insert((l as u32, b), j);
        self.dead.push(false);
        self.last_used.push(self.stats.rounds);
        j
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
        // Local search is bounded by counts (not a time slice), so that a
        // run within its limits is reproducible.
        let plan = heuristic::improve(
            self.p,
            plan,
            &mut self.rng,
            kicks(self.p, 10),
            self.deadline,
        );
        // Region by region only when local search left it near the
        // incumbent: improving a poor plan costs seconds on large townships.
        let near = plan.cost() <= self.upper() * (1.0 + LNS_WITHIN);
        let plan = if self.lns_applies() && near {
            let bundles = self.lns(plan.bundles);
            let mut owner = vec![0; self.nu];
            for (l, b) in bundles.iter().enumerate() {
                for &u in b {
                    owner[u] = l;
                }
            }
            Plan::from_owner(self.p, owner)
        } else {
            plan
        };
        if !heuristic::within_change_limit(self.p, &plan) {
            return;
        }
        let (cost, bundles) = plan_of(self.p, &plan);
        if cost < self.upper() - 1e-9 * cost.abs().max(1.0) {
            self.incumbent = Some((cost, bundles));
            self.fix_by_reduced_cost();
        }
    }

    fn finish(self, end: SearchEnd) -> LeaderSolution {
        let work = self.work();
        let mut stats = self.stats;
        stats.columns = self.lp.n_cols() - self.m - 2 * self.cuts.len();
        stats.pivots = self.lp.pivots;
        stats.work = work;
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
                ..SolveOptions::default()
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
                ..SolveOptions::default()
            };
            let exact = run_with(&p, &opts, Instant::now(), pricing::CAND_CAP);
            let capped = run_with(&p, &opts, Instant::now(), 20);
            assert_eq!(exact.status, Status::Optimal);
            assert_eq!(capped.status, Status::Optimal);
            assert!((exact.cost - capped.cost).abs() < 1e-6, "seed {seed}");
            assert!(capped.stats.root_bound <= exact.cost + 1e-6, "seed {seed}");
        }
    }

    /// Best bound first (large townships) must prove the same optimum as
    /// plunging, with searched pricing and the cuts at the root.
    #[test]
    fn best_first_proves_the_same_optimum() {
        for seed in 0..4 {
            let p = random_problem(7, 16, 2, 3, 900 + seed);
            let opts = SolveOptions {
                time_limit: Duration::from_secs(60),
                seed,
                pricing: PricingChoice::Search,
                ..SolveOptions::default()
            };
            let solve = |best_first: bool| {
                let mut e = Engine::new(&p, &opts, Instant::now(), pricing::CAND_CAP);
                assert!(!e.best_first, "a small township plunges");
                e.best_first = best_first;
                let end = e.search();
                e.finish(end)
            };
            let (plunged, best) = (solve(false), solve(true));
            assert_eq!(plunged.status, Status::Optimal, "seed {seed}");
            assert_eq!(best.status, Status::Optimal, "seed {seed}");
            assert!((plunged.cost - best.cost).abs() < 1e-6, "seed {seed}");
            assert!(check_plan(&p, &best.bundles).is_ok(), "seed {seed}");
        }
    }
}
