//! Price-and-branch: the restricted master's columns (every column pricing
//! has produced so far) solved as an integer problem by an LP dive without
//! pricing. Each step fixes the bundle whose LP value, summed over the
//! leaders who may still take it, is largest (leaders alike but for their
//! dual share one bundle's value between them, so per-column values say
//! little), forbids every column that overlaps it, and re-solves the
//! restricted LP from the current basis. A fix that leaves the restricted
//! master infeasible is undone and its column forbidden, a few times;
//! after that (or when the budget runs out) the partial plan is completed by
//! a matching over the remaining units and leaders. Local search polishes the
//! result. The dive prices nothing, so it is cheap next to a pricing dive;
//! it counts pivots, so it is reproducible under a work limit.

use super::Engine;
use crate::assign::heuristic;
use crate::assign::leaders::{
    LeaderProblem, LeaderSpec, PricingChoice, SolveOptions, diagnose_counts,
};
use crate::assign::pricing::Rules;
use crate::assign::simplex::LpOutcome;
use std::collections::HashMap;
use std::time::Instant;

/// Artificials cost this multiple of the root's artificial costs (twice a
/// row's share of the incumbent) during the dive.
const PENALTY: f64 = 8.0;
/// The rest of a dive's plan is solved exactly up to this many units,
const SUB_UNITS: usize = 40;
/// and this many leaders,
const SUB_LEADERS: usize = 12;
/// within this many work units.
const SUB_WORK: u64 = 2_000_000;
/// Pivots a dive may spend, per row of the master: dives take 5–20k pivots
/// at 120×40 (161 rows) and 50–70k at 300 units (401 rows), but one at
/// 120×40 stalled for a million (and then gave a plan costing 1797).
const DIVE_PIVOTS_PER_ROW: usize = 200;

impl Engine<'_> {
    /// Runs the restricted-master dive from the LP's current optimum and
    /// offers its plan; leaves the LP's basis and forbidden flags as they
    /// were (the caller's next solve sets its own scan).
    pub(super) fn restricted_dive(&mut self, rules: &Rules) {
        self.copy_to_twins(rules);
        let before = self.upper();
        let pivots = self.lp.pivots;
        let plan = self.restricted_plan();
        self.stats.restricted_dives += 1;
        let mut raw = f64::INFINITY;
        if let Some(bundles) = plan {
            raw = crate::assign::leaders::plan_cost(self.p, &bundles);
            self.offer_plan(bundles);
        }
        super::trace(
            self.started,
            &format!(
                "restricted dive: plan {raw:.3}, ub {before:.3} -> {:.3}, {} pivots",
                self.upper(),
                self.lp.pivots - pivots
            ),
        );
    }

    /// The dive's plan, with the LP restored afterwards.
    fn restricted_plan(&mut self) -> Option<Vec<Vec<usize>>> {
        let saved_basis = self.lp.basis.clone();
        let saved_forbidden = self.lp.forbidden.clone();
        // Artificials stand in for columns the pool lacks, at a price well
        // above any row's share of the incumbent: rows they hold at the end
        // are left to the matching.
        let saved_costs: Vec<f64> = self.lp.cost[..self.m].to_vec();
        let penalties = self.artificial_costs();
        for (j, c) in penalties.into_iter().enumerate() {
            self.lp.forbidden[j] = false;
            self.lp.cost[j] = PENALTY * c;
        }
        let scan: Vec<usize> = (0..self.lp.n_cols())
            .filter(|&j| !self.lp.forbidden[j])
            .collect();
        self.lp.set_scan(scan);
        let saved_cap = self.lp.pivot_cap;
        let cap = self.lp.pivots + DIVE_PIVOTS_PER_ROW * self.lp.m;
        // Unperturbed: the dive's re-solves start from the fixed columns'
        // basis, and shifted bounds only slowed them.
        let perturb = self.lp.perturb;
        self.lp.perturb = false;
        let plan = self.round_restricted(cap);
        self.lp.perturb = perturb;
        self.lp.pivot_cap = saved_cap;
        self.lp.forbidden = saved_forbidden;
        self.lp.cost[..self.m].copy_from_slice(&saved_costs);
        self.lp.set_basis(&saved_basis);
        let scan: Vec<usize> = (0..self.lp.n_cols())
            .filter(|&j| !self.lp.forbidden[j])
            .collect();
        self.lp.set_scan(scan);
        plan
    }

    /// Gives every pool column's bundle to its leader's twins too, where
    /// the node allows it. Pricing hands a bundle to one of several leaders
    /// alike (copies for each made the tree's LP many times more
    /// degenerate), but the dive fixes a bundle with its leader: without
    /// the copies, a bundle whose leader took another was lost to the
    /// plan. The copies stay out of the nodes' scans until pricing finds
    /// them again.
    fn copy_to_twins(&mut self, rules: &Rules) {
        let n = self.lp.n_cols();
        for j in self.m..n {
            let (l, b) = self.col_owner[j];
            if l == u32::MAX
                || self.lp.forbidden[j]
                || crate::assign::bundle_search::spread(self.twins[l as usize].len() + 1) != Some(1)
            {
                continue;
            }
            for k in 0..self.twins[l as usize].len() {
                let o = self.twins[l as usize][k];
                if self.col_index.contains_key(&(o as u32, b))
                    || !rules.column_ok(self.p, o, self.bundles.units(b as usize))
                {
                    continue;
                }
                let c = self.add_column(o, b);
                self.last_used[c] = super::master::NEVER_USED;
            }
        }
    }

    /// Phase 1 when forbidden columns are basic, then phase 2 (the
    /// priced artificials keep the restricted master feasible), stopping
    /// at `cap` pivots. False on numerical trouble or when the budget or
    /// the cap runs out.
    fn resolve_restricted(&mut self, cap: usize) -> bool {
        self.lp.pivot_cap = self.lp.pivot_cap.min(cap);
        if self.lp.infeasibility() > 1e-9
            && !matches!(self.lp.solve(true, self.deadline), LpOutcome::Optimal)
        {
            return false;
        }
        matches!(self.lp.solve(false, self.deadline), LpOutcome::Optimal)
    }

    /// The dive itself: the plan's bundles per leader (unordered), or None
    /// when not even the repair finds one.
    fn round_restricted(&mut self, cap: usize) -> Option<Vec<Vec<usize>>> {
        let (nu, nl) = (self.nu, self.nl);
        let mut unit_taken = vec![false; nu];
        let mut leader_taken = vec![false; nl];
        let mut fixed: Vec<usize> = Vec::new();
        let mut complete = false;
        loop {
            if self.out_of_budget() || !self.resolve_restricted(cap) {
                break;
            }
            if leader_taken.iter().all(|&t| t) && unit_taken.iter().all(|&t| t) {
                complete = true;
                break;
            }
            // The LP's columns of free leaders, and each bundle's value
            // summed over them.
            let values: Vec<(usize, f64)> = self
                .lp
                .values()
                .into_iter()
                .filter(|&(j, _)| {
                    let (l, _) = self.col_owner[j];
                    !self.lp.forbidden[j] && l != u32::MAX && !leader_taken[l as usize]
                })
                .collect();
            let mut by_bundle: HashMap<u32, f64> = HashMap::new();
            for &(j, x) in &values {
                *by_bundle.entry(self.col_owner[j].1).or_default() += x;
            }
            let mut order: Vec<(u32, f64)> = by_bundle.into_iter().collect();
            order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            if order.is_empty() {
                break;
            }
            // Every bundle at (nearly) one at once, else the largest.
            let take = order
                .iter()
                .take_while(|&&(_, v)| v > 1.0 - 1e-6)
                .count()
                .max(1);
            for &(b, _) in &order[..take] {
                let units = self.bundles.units(b as usize);
                if units.iter().any(|&u| unit_taken[u as usize]) {
                    continue;
                }
                // Its free leader with the largest value.
                let Some(&(j, _)) = values
                    .iter()
                    .filter(|&&(j, _)| {
                        let (l, bj) = self.col_owner[j];
                        bj == b && !leader_taken[l as usize]
                    })
                    .max_by(|a, c| a.1.total_cmp(&c.1).then(c.0.cmp(&a.0)))
                else {
                    continue;
                };
                self.mark(j, &mut unit_taken, &mut leader_taken);
                // Its rows' artificials go: the column must take them.
                let (l, _) = self.col_owner[j];
                self.lp.forbidden[self.nu + l as usize] = true;
                for &u in self.bundles.units(b as usize) {
                    self.lp.forbidden[u as usize] = true;
                }
                for k in self.m..self.lp.n_cols() {
                    if k == j || self.lp.forbidden[k] {
                        continue;
                    }
                    let (l, bk) = self.col_owner[k];
                    if l == u32::MAX {
                        continue;
                    }
                    if leader_taken[l as usize]
                        || self
                            .bundles
                            .units(bk as usize)
                            .iter()
                            .any(|&u| unit_taken[u as usize])
                    {
                        self.lp.forbidden[k] = true;
                    }
                }
                fixed.push(j);
            }
        }
        let mut bundles: Vec<Vec<usize>> = vec![Vec::new(); nl];
        for &j in &fixed {
            let (l, b) = self.col_owner[j];
            bundles[l as usize] = self
                .bundles
                .units(b as usize)
                .iter()
                .map(|&u| u as usize)
                .collect();
        }
        let fixed_cost: f64 = bundles
            .iter()
            .enumerate()
            .filter(|(_, b)| !b.is_empty())
            .map(|(l, b)| crate::assign::leaders::bundle_cost(self.p, l, b))
            .sum();
        super::trace(
            self.started,
            &format!(
                "  restricted: {} fixed ({fixed_cost:.3}), complete {complete}",
                fixed.len()
            ),
        );
        if complete {
            return Some(bundles);
        }
        self.complete_exactly(bundles.clone())
            .or_else(|| self.complete_by_matching(bundles))
    }

    /// Completes a partial plan by solving the rest (the free leaders and
    /// the units no fixed bundle holds) exactly as a problem of its own,
    /// within a small work budget. When the free leaders' counts cannot
    /// take the free units, the fixed leaders nearest to them are freed
    /// too. None when the rest is too large or has no plan.
    fn complete_exactly(&mut self, mut partial: Vec<Vec<usize>>) -> Option<Vec<Vec<usize>>> {
        let p = self.p;
        loop {
            let mut taken = vec![false; self.nu];
            for b in &partial {
                for &u in b {
                    taken[u] = true;
                }
            }
            let units: Vec<usize> = (0..self.nu).filter(|&u| !taken[u]).collect();
            let free: Vec<usize> = (0..self.nl).filter(|&l| partial[l].is_empty()).collect();
            if units.len() > SUB_UNITS || free.len() > SUB_LEADERS {
                return None;
            }
            let min: usize = free.iter().map(|&l| p.leaders[l].min_units).sum();
            let max: usize = free.iter().map(|&l| p.leaders[l].max_units).sum();
            if (min..=max).contains(&units.len()) {
                if free.len() >= self.nl {
                    return None;
                }
                let got = self.solve_rest(&partial, &free, &units, SUB_WORK)?;
                for (&l, b) in free.iter().zip(got) {
                    partial[l] = b;
                }
                return Some(partial);
            }
            // Free the fixed leader whose bundle lies nearest the free units.
            let near = |l: usize| {
                partial[l]
                    .iter()
                    .flat_map(|&a| units.iter().map(move |&u| p.unit_minutes[a][u]))
                    .fold(f64::INFINITY, f64::min)
            };
            let l = (0..self.nl)
                .filter(|&l| !partial[l].is_empty())
                .min_by(|&a, &b| near(a).total_cmp(&near(b)).then(a.cmp(&b)))?;
            partial[l].clear();
        }
    }

    /// Solves the free leaders over the free units (the change limit less
    /// the fixed bundles' changes) within `work` units; their bundles in
    /// `free`'s order (None when that problem has no plan or none was
    /// found).
    pub(super) fn solve_rest(
        &mut self,
        partial: &[Vec<usize>],
        free: &[usize],
        units: &[usize],
        work: u64,
    ) -> Option<Vec<Vec<usize>>> {
        let p = self.p;
        let pick = |v: &[f64]| units.iter().map(|&u| v[u]).collect::<Vec<f64>>();
        let max_changes = match &p.max_changes {
            None => None,
            Some((limit, changed)) => {
                let used: usize = partial
                    .iter()
                    .enumerate()
                    .map(|(l, b)| b.iter().filter(|&&u| changed[l][u]).count())
                    .sum();
                let rows = free
                    .iter()
                    .map(|&l| units.iter().map(|&u| changed[l][u]).collect())
                    .collect();
                Some((limit.checked_sub(used)?, rows))
            }
        };
        let sub = LeaderProblem {
            leaders: free
                .iter()
                .map(|&l| {
                    let spec = &p.leaders[l];
                    LeaderSpec {
                        min_units: spec.min_units,
                        max_units: spec.max_units,
                        allowed: units.iter().map(|&u| spec.allowed[u]).collect(),
                        unit_cost: pick(&spec.unit_cost),
                    }
                })
                .collect(),
            workload: pick(&p.workload),
            target: p.target,
            office_minutes: pick(&p.office_minutes),
            unit_minutes: units.iter().map(|&a| pick(&p.unit_minutes[a])).collect(),
            balance: p.balance,
            travel: p.travel,
            max_changes,
        };
        if diagnose_counts(&sub).is_some() {
            return None;
        }
        let left = self.work_limit.map(|w| w.saturating_sub(self.work()));
        let opts = SolveOptions {
            time_limit: self.deadline.saturating_duration_since(Instant::now()),
            seed: self.rng.next_u64(),
            work_limit: Some(left.map_or(work, |w| w.min(work))),
            pricing: PricingChoice::Auto,
        };
        let s = super::run(&sub, &opts, Instant::now());
        self.sub_work += s.stats.work;
        if s.bundles.len() != free.len() {
            return None;
        }
        Some(
            s.bundles
                .into_iter()
                .map(|b| b.into_iter().map(|i| units[i]).collect())
                .collect(),
        )
    }

    /// Marks column j's units and leader as taken.
    fn mark(&self, j: usize, units: &mut [bool], leaders: &mut [bool]) {
        let (l, b) = self.col_owner[j];
        leaders[l as usize] = true;
        for &u in self.bundles.units(b as usize) {
            units[u as usize] = true;
        }
    }

    /// Completes a partial plan (bundles of the fixed leaders; empty for
    /// the rest) by a matching over the units and leaders left, honouring
    /// permissions and counts.
    fn complete_by_matching(&self, partial: Vec<Vec<usize>>) -> Option<Vec<Vec<usize>>> {
        let mut q = self.p.clone();
        let mut taken = vec![false; self.nu];
        for b in &partial {
            for &u in b {
                taken[u] = true;
            }
        }
        for (l, b) in partial.iter().enumerate() {
            let spec = &mut q.leaders[l];
            if b.is_empty() {
                for (u, a) in spec.allowed.iter_mut().enumerate() {
                    *a &= !taken[u];
                }
            } else {
                spec.allowed = vec![false; self.nu];
                for &u in b {
                    spec.allowed[u] = true;
                }
                spec.min_units = b.len();
                spec.max_units = b.len();
            }
        }
        let owner = heuristic::feasible_assignment(&q, true)?;
        let mut bundles = vec![Vec::new(); self.nl];
        for (u, &l) in owner.iter().enumerate() {
            bundles[l].push(u);
        }
        Some(bundles)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Engine;
    use crate::assign::leaders::{
        LeaderProblem, PricingChoice, SolveOptions, check_plan, plan_cost,
    };
    use crate::assign::pricing;
    use crate::assign::random_problem;
    use std::time::{Duration, Instant};

    /// An engine with searched pricing whose root LP is solved, and the
    /// root's bound.
    fn at_root(p: &LeaderProblem, seed: u64) -> (Engine<'_>, f64) {
        let opts = SolveOptions {
            time_limit: Duration::from_secs(60),
            seed,
            pricing: PricingChoice::Search,
            ..SolveOptions::default()
        };
        let mut e = Engine::new(p, &opts, Instant::now(), pricing::CAND_CAP);
        let rules = e.rules_for(&[]);
        let mut bound: f64 = e.floors.iter().sum();
        e.solve_node(&rules, &[], &mut bound);
        (e, bound)
    }

    /// The restricted dive's plan keeps every hard rule and costs at least
    /// the root's bound, and the dive leaves the LP's basis, forbidden
    /// flags and costs as it found them.
    #[test]
    fn the_restricted_dive_gives_a_valid_plan_above_the_bound() {
        let mut plans = 0;
        for seed in 0..3u64 {
            let p = random_problem(14, 42, 2, 4, 60 + seed);
            let (mut e, bound) = at_root(&p, seed);
            let basis = e.lp.basis.clone();
            let forbidden = e.lp.forbidden.clone();
            let cost = e.lp.cost.clone();
            let plan = e.restricted_plan();
            assert_eq!(e.lp.basis, basis, "seed {seed}");
            assert_eq!(e.lp.forbidden, forbidden, "seed {seed}");
            assert_eq!(e.lp.cost, cost, "seed {seed}");
            if let Some(plan) = plan {
                check_plan(&p, &plan).expect("a valid plan");
                let c = plan_cost(&p, &plan);
                assert!(c >= bound - 1e-7 * c.abs().max(1.0), "seed {seed}");
                plans += 1;
            }
        }
        assert!(plans >= 2, "the dive found {plans} plans in 3");
    }

    /// Leaders alike share their bundles through pricing's single copies;
    /// before a dive, every pool bundle is given to each twin the node
    /// allows, and the copies are marked as never used (so the nodes'
    /// scans leave them out).
    #[test]
    fn the_dive_gives_each_bundle_to_every_twin() {
        let mut p = random_problem(12, 36, 2, 4, 7);
        let first = p.leaders[0].clone();
        for l in p.leaders.iter_mut() {
            *l = first.clone();
        }
        let (mut e, _) = at_root(&p, 0);
        let rules = e.rules_for(&[]);
        let before = e.lp.n_cols();
        let bundles = |e: &Engine| -> std::collections::BTreeSet<u32> {
            (e.m..e.lp.n_cols())
                .filter(|&j| e.col_owner[j].0 != u32::MAX && !e.lp.forbidden[j])
                .map(|j| e.col_owner[j].1)
                .collect()
        };
        let pool = bundles(&e);
        let missing = |e: &Engine| {
            pool.iter()
                .flat_map(|&b| (0..12u32).map(move |l| (l, b)))
                .filter(|k| !e.col_index.contains_key(k))
                .count()
        };
        assert!(missing(&e) > 0, "pricing gave each bundle to every twin");
        e.copy_to_twins(&rules);
        assert_eq!(missing(&e), 0);
        assert!(e.lp.n_cols() > before);
        for j in before..e.lp.n_cols() {
            assert_eq!(e.last_used[j], super::super::master::NEVER_USED);
        }
    }
}
