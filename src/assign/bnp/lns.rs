//! Large-neighbourhood search on a plan: for each leader in turn, the
//! leader and its nearest few (by the minutes between their units) give up
//! their units, and that small problem is solved exactly by the engine
//! itself (a handful of leaders enumerate their bundles in milliseconds);
//! the region's new bundles replace the old when cheaper. Moves and swaps
//! of single units (the local search) cannot reach what re-partitioning
//! six leaders' units at once does. Once the root is solved, a plan that
//! beats the incumbent also gets a pass of wide regions (nine leaders),
//! which finds what six-leader regions stop short of. Bounded by passes
//! and sub-problem work, so reproducible under a work limit.

use super::Engine;
use crate::assign::leaders::bundle_cost;

/// Leaders freed together (the seed leader and its nearest).
const REGION: usize = 6;
/// Passes over all leaders (stopping early when a pass finds nothing).
const PASSES: usize = 6;
/// Leaders freed together in the wide regions, tried once the root is
/// solved, with searched pricing, and only on a plan that beats the
/// incumbent:
const WIDE_REGION: usize = 9;
/// their passes.
const WIDE_PASSES: usize = 1;

impl Engine<'_> {
    /// Whether the problem is large enough for the search (a region must
    /// be a small part of it).
    pub(super) fn lns_applies(&self) -> bool {
        self.nl >= 2 * REGION
    }

    /// Improves `bundles` (one per leader) region by region: regions of
    /// `REGION` leaders until a pass finds nothing, then, if the plan beats
    /// the incumbent and the root is solved, a pass of wide regions.
    pub(super) fn lns(&mut self, bundles: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        if !self.lns_applies() {
            return bundles;
        }
        let bundles = self.lns_regions(bundles, REGION, PASSES);
        let cost = crate::assign::leaders::plan_cost(self.p, &bundles);
        let upper = self.upper();
        // Searched pricing only: townships that enumerate their bundles
        // are proven quickly without it (24×70 took 5.7 s with it, 4.6 s
        // without).
        if self.root_solved
            && self.searcher.is_some()
            && self.nl >= 2 * WIDE_REGION
            && cost < upper - 1e-9 * upper.abs().max(1.0)
        {
            return self.lns_regions(bundles, WIDE_REGION, WIDE_PASSES);
        }
        bundles
    }

    /// Up to `passes` passes of regions of `size` leaders (stopping after a
    /// pass that improves nothing).
    fn lns_regions(
        &mut self,
        mut bundles: Vec<Vec<usize>>,
        size: usize,
        passes: usize,
    ) -> Vec<Vec<usize>> {
        let p = self.p;
        let nl = self.nl;
        let mut cost: Vec<f64> = (0..nl).map(|l| bundle_cost(p, l, &bundles[l])).collect();
        let mut solved = 0;
        let mut better = 0;
        for _ in 0..passes {
            let mut improved = false;
            for seed in 0..nl {
                if self.out_of_budget() {
                    return bundles;
                }
                let dist = |a: &[usize], b: &[usize]| -> f64 {
                    if a.is_empty() || b.is_empty() {
                        return 0.0;
                    }
                    let sum: f64 = a
                        .iter()
                        .flat_map(|&x| b.iter().map(move |&y| p.unit_minutes[x][y]))
                        .sum();
                    sum / (a.len() * b.len()) as f64
                };
                let mut others: Vec<(f64, usize)> = (0..nl)
                    .filter(|&l| l != seed)
                    .map(|l| (dist(&bundles[seed], &bundles[l]), l))
                    .collect();
                others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let mut region: Vec<usize> = vec![seed];
                region.extend(others.iter().take(size - 1).map(|&(_, l)| l));
                region.sort_unstable();
                let before: f64 = region.iter().map(|&l| cost[l]).sum();
                let mut partial = bundles.clone();
                let mut units: Vec<usize> = Vec::new();
                for &l in &region {
                    units.append(&mut partial[l]);
                }
                units.sort_unstable();
                let Some(got) = self.solve_rest(&partial, &region, &units, SUB_WORK) else {
                    continue;
                };
                solved += 1;
                let after: Vec<f64> = region
                    .iter()
                    .zip(&got)
                    .map(|(&l, b)| bundle_cost(p, l, b))
                    .collect();
                if after.iter().sum::<f64>() < before - 1e-9 * before.abs().max(1.0) {
                    for ((&l, b), c) in region.iter().zip(got).zip(after) {
                        bundles[l] = b;
                        cost[l] = c;
                    }
                    improved = true;
                    better += 1;
                }
            }
            if !improved {
                break;
            }
        }
        super::trace(
            self.started,
            &format!("lns: {better} of {solved} regions of {size} improved"),
        );
        bundles
    }
}

/// Work units one region's problem may spend.
const SUB_WORK: u64 = 50_000;

#[cfg(test)]
mod tests {
    use super::super::Engine;
    use crate::assign::leaders::{SolveOptions, check_plan, plan_cost};
    use crate::assign::pricing;
    use crate::assign::random_problem;
    use std::time::{Duration, Instant};

    /// Over three fixtures of `nl` leaders and 3·`nl` units (2–4 each),
    /// from the first plan (matching and local search): `improve` gives
    /// the cost it starts from and its plan, which must keep every rule
    /// and never cost more. Returns on how many fixtures it cost less.
    fn better_on(
        nl: usize,
        first_seed: u64,
        improve: impl Fn(&mut Engine, Vec<Vec<usize>>) -> (f64, Vec<Vec<usize>>),
    ) -> usize {
        let mut better = 0;
        for seed in 0..3u64 {
            let p = random_problem(nl, 3 * nl, 2, 4, first_seed + seed);
            let opts = SolveOptions {
                time_limit: Duration::from_secs(60),
                seed,
                ..SolveOptions::default()
            };
            let mut e = Engine::new(&p, &opts, Instant::now(), pricing::CAND_CAP);
            let (_, bundles) = e.incumbent.clone().expect("a first plan");
            let (cost, after) = improve(&mut e, bundles);
            check_plan(&p, &after).expect("a valid plan");
            let c = plan_cost(&p, &after);
            assert!(c <= cost + 1e-9, "seed {seed}: {c} > {cost}");
            if c < cost - 1e-6 {
                better += 1;
            }
        }
        better
    }

    /// Region by region beats moves and swaps: better than the first plan
    /// on at least one fixture of three.
    #[test]
    fn regions_improve_on_local_search() {
        let better = better_on(20, 80, |e, bundles| {
            let cost = plan_cost(e.p, &bundles);
            (cost, e.lns(bundles))
        });
        assert!(better >= 1, "better on {better} of 3");
    }

    /// Wide regions reach what regions of six leave: from a plan the
    /// narrow passes no longer improve, a pass of nine-leader regions is
    /// better on at least one fixture of three.
    #[test]
    fn wide_regions_improve_on_narrow_ones() {
        let better = better_on(24, 90, |e, bundles| {
            let narrow = e.lns_regions(bundles, super::REGION, 50);
            let cost = plan_cost(e.p, &narrow);
            (cost, e.lns_regions(narrow, super::WIDE_REGION, 1))
        });
        assert!(better >= 1, "better on {better} of 3");
    }
}
