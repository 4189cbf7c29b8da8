//! Subset-row cuts on unit triples (Jepsen et al. 2008): for units
//! S = {i, j, k}, Σ over columns of ⌊|B ∩ S| / 2⌋ · x ≤ 1, since in a plan
//! the bundles are disjoint and at most one holds two of the three. They
//! are separated at the root from the fractional LP optimum (every triple
//! of units sharing fractional columns is checked, the most violated
//! first), added as `≤` rows with a slack and a surplus column (the
//! surplus costs the incumbent's cost: an elastic row, so the basis stays
//! primal feasible and the bound valid for any surplus cost), and their
//! duals enter both kinds of pricing as a penalty on bundles holding two or
//! more of a cut's units (`pricing::CutIndex`).

use super::Engine;
use std::collections::HashSet;

/// Most cuts in the master.
pub(super) const MAX_CUTS: usize = 200;
/// Most cuts added per separation round.
const PER_ROUND: usize = 50;
/// Separation rounds at the root.
pub(super) const ROUNDS: usize = 8;
/// A triple is a cut only when violated by more than this.
const MIN_VIOLATION: f64 = 0.02;

/// Whether a bundle holds two or more of the cut's units (coefficient 1).
pub(super) fn hits(cut: &[u16; 3], units: &[u16]) -> bool {
    cut.iter().filter(|u| units.contains(u)).count() >= 2
}

/// Violated triples of the fractional solution `cols` (bundle units,
/// value), most violated first (ties by the triple), at most `limit`, none
/// of them in `known`. Deterministic.
pub(super) fn separate(
    cols: &[(&[u16], f64)],
    nu: usize,
    known: &[[u16; 3]],
    limit: usize,
) -> Vec<([u16; 3], f64)> {
    let mut of_unit: Vec<Vec<usize>> = vec![Vec::new(); nu];
    let mut nbr: Vec<Vec<u16>> = vec![Vec::new(); nu];
    for (c, &(us, x)) in cols.iter().enumerate() {
        if x <= 1e-6 || x >= 1.0 - 1e-6 {
            continue;
        }
        for &u in us {
            of_unit[u as usize].push(c);
            nbr[u as usize].extend(us.iter().copied().filter(|&v| v != u));
        }
    }
    for n in &mut nbr {
        n.sort_unstable();
        n.dedup();
    }
    let known: HashSet<[u16; 3]> = known.iter().copied().collect();
    let mut seen: HashSet<[u16; 3]> = HashSet::new();
    let mut found = Vec::new();
    for (j, n) in nbr.iter().enumerate() {
        for a in 0..n.len() {
            for b in a + 1..n.len() {
                let mut t = [n[a], j as u16, n[b]];
                t.sort_unstable();
                if known.contains(&t) || !seen.insert(t) {
                    continue;
                }
                // A column holding two of the three holds t[0] or t[1].
                let mut lhs = 0.0;
                for &c in &of_unit[t[0] as usize] {
                    let us = cols[c].0;
                    if us.contains(&t[1]) || us.contains(&t[2]) {
                        lhs += cols[c].1;
                    }
                }
                for &c in &of_unit[t[1] as usize] {
                    let us = cols[c].0;
                    if us.contains(&t[2]) && !us.contains(&t[0]) {
                        lhs += cols[c].1;
                    }
                }
                if lhs > 1.0 + MIN_VIOLATION {
                    found.push((t, lhs - 1.0));
                }
            }
        }
    }
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    found.truncate(limit);
    found
}

impl Engine<'_> {
    /// Separates cuts violated by the LP values `values` (column, value)
    /// and adds them to the master; returns how many. The LP's basis gains
    /// each new row's surplus (positive: the cut is violated).
    pub(super) fn add_cuts(&mut self, values: &[(usize, f64)]) -> usize {
        let ub = self.upper();
        let room = self.max_cuts.saturating_sub(self.cuts.len());
        if !ub.is_finite() || room == 0 {
            return 0;
        }
        let cols: Vec<(&[u16], f64)> = values
            .iter()
            .filter(|&&(j, _)| self.col_owner[j].0 != u32::MAX)
            .map(|&(j, x)| (self.bundles.units(self.col_owner[j].1 as usize), x))
            .collect();
        let new = separate(&cols, self.nu, &self.cuts, room.min(PER_ROUND));
        if new.is_empty() {
            return 0;
        }
        let mut basis = self.lp.basis.clone();
        let surplus_cost = ub.abs().max(1.0);
        for (t, _) in &new {
            let c = self.cuts.len();
            let entries: Vec<(usize, f64)> = (0..self.lp.n_cols())
                .filter(|&j| {
                    let (l, b) = self.col_owner[j];
                    l != u32::MAX && hits(t, self.bundles.units(b as usize))
                })
                .map(|j| (j, 1.0))
                .collect();
            let row = self.lp.add_row(&entries, 1.0) as u32;
            debug_assert_eq!(row as usize, self.m + c);
            let slack = self.lp.add_column(&[(row, 1.0)], 0.0);
            let surplus = self.lp.add_column(&[(row, -1.0)], surplus_cost);
            for _ in 0..2 {
                self.col_owner.push((u32::MAX, c as u32));
                self.dead.push(false);
                self.last_used.push(self.stats.rounds);
            }
            self.cuts.push(*t);
            self.cut_cols.push((slack, surplus));
            basis.push(surplus);
        }
        if !self.lp.set_basis(&basis) {
            // Singular (cannot happen in exact arithmetic): restart from
            // the artificial basis.
            let art = self.initial_basis();
            self.lp.set_basis(&art);
        }
        self.stats.cuts = self.cuts.len();
        new.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assign::leaders::{
        LeaderProblem, PricingChoice, SolveOptions, check_plan, plan_cost,
    };
    use crate::assign::random_problem;
    use std::time::{Duration, Instant};

    fn optimum(p: &LeaderProblem) -> Option<f64> {
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

    /// The root bound and the answer of a search allowed `max_cuts` cuts,
    /// started from a loose incumbent (the heuristic's plan priced at three
    /// times its cost), so that reduced-cost fixing leaves the root's LP
    /// whole and its bound is the LP's.
    fn root_with(p: &LeaderProblem, pricing: PricingChoice, max_cuts: usize) -> (f64, f64, usize) {
        let opts = SolveOptions {
            time_limit: Duration::from_secs(60),
            seed: 1,
            pricing,
            ..SolveOptions::default()
        };
        let mut e = Engine::new(p, &opts, Instant::now(), crate::assign::pricing::CAND_CAP);
        e.max_cuts = max_cuts;
        if let Some((c, b)) = e.incumbent.take() {
            e.incumbent = Some((3.0 * c + 100.0, b));
        }
        let end = e.search();
        let (root, cuts) = (e.stats.root_bound, e.stats.cuts);
        let s = e.finish(end);
        (root, s.cost, cuts)
    }

    /// On instances small enough to solve exhaustively, the root bound with
    /// cuts is at least the bound without and at most the optimum, with
    /// both kinds of pricing, and the search still proves the optimum.
    #[test]
    fn cuts_raise_the_root_bound_and_keep_it_valid() {
        let mut with_cuts = 0;
        for seed in 0..80u64 {
            let (min, max) = (1 + (seed % 2) as usize, 3);
            let p = random_problem(4, 9, min, max, 300 + seed);
            let Some(best) = optimum(&p) else { continue };
            for pricing in [PricingChoice::Enumerate, PricingChoice::Search] {
                let (plain, cost0, _) = root_with(&p, pricing, 0);
                let (cut, cost, cuts) = root_with(&p, pricing, MAX_CUTS);
                with_cuts += (cuts > 0) as usize;
                assert!(cut >= plain - 1e-9, "seed {seed}: {cut} < {plain}");
                assert!(cut <= best + 1e-6, "seed {seed}: {cut} > optimum {best}");
                assert!((cost - best).abs() < 1e-6, "seed {seed}: {cost} vs {best}");
                assert!((cost0 - best).abs() < 1e-6, "seed {seed}");
            }
        }
        assert!(with_cuts >= 4, "cuts were separated {with_cuts} times");
    }

    /// Three half columns on the pairs of {0, 1, 2} violate its cut by ½;
    /// a plan (disjoint bundles) never violates any triple's cut.
    #[test]
    fn a_separated_cut_is_violated_and_valid() {
        let (a, b, c, d): (&[u16], &[u16], &[u16], &[u16]) =
            (&[0, 1], &[1, 2], &[0, 2, 3], &[3, 4]);
        let cols = vec![(a, 0.5), (b, 0.5), (c, 0.5), (d, 0.5)];
        let cuts = separate(&cols, 5, &[], 10);
        assert_eq!(cuts[0].0, [0, 1, 2]);
        assert!((cuts[0].1 - 0.5).abs() < 1e-12);
        // Known cuts are not separated again.
        let again = separate(&cols, 5, &[[0, 1, 2]], 10);
        assert!(again.iter().all(|c| c.0 != [0, 1, 2]));
        // Every cut's left side is at most 1 on every partition of 6 units
        // into at most 3 bundles.
        let n = 6u16;
        for code in 0..3usize.pow(n as u32) {
            let mut bundles: Vec<Vec<u16>> = vec![Vec::new(); 3];
            let mut x = code;
            for u in 0..n {
                bundles[x % 3].push(u);
                x /= 3;
            }
            for i in 0..n {
                for j in i + 1..n {
                    for k in j + 1..n {
                        let t = [i, j, k];
                        let lhs = bundles.iter().filter(|b| hits(&t, b)).count();
                        assert!(lhs <= 1, "{t:?} {bundles:?}");
                    }
                }
            }
            let cols: Vec<(&[u16], f64)> = bundles.iter().map(|b| (&b[..], 1.0)).collect();
            assert!(separate(&cols, n as usize, &[], 100).is_empty());
        }
    }
}
