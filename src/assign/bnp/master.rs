//! Column generation at one node of the tree: the restricted master LP is
//! solved (phase 1 with Farkas pricing until feasible, then phase 2), priced
//! at Wentges-smoothed duals, and bounded by the Lagrangian bound, valid at
//! every pricing round, so a node cut by time still has a proven bound. At a
//! searched root the artificials cost the incumbent's cost shares (a ceiling
//! on the duals, raised while artificials stay in the optimum) instead of a
//! big M. The root's best duals drive reduced-cost fixing of bundles and
//! columns.

use super::Engine;
use crate::assign::bundles::Bundles;
use crate::assign::leaders::Stopped;
use crate::assign::pricing::{self, Duals, Rules};
use crate::assign::simplex::LpOutcome;

/// How column generation at a node ended.
pub(super) enum NodeResult {
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
pub(super) struct RootInfo {
    duals: Duals,
    min_rc: Vec<f64>,
    bound: f64,
}

/// Pricing tolerance: columns must improve by more than this.
const PRICE_TOL: f64 = 1e-7;
/// Columns per leader per pricing round.
const PER_LEADER: usize = 6;
/// Weight of the best-bound duals in Wentges smoothing.
const SMOOTHING: f64 = 0.5;
/// Root artificials start at this multiple of the incumbent's cost shares,
const ART_START: f64 = 2.0;
/// and are multiplied by this while they stay in the LP's optimum,
const ART_RAISE: f64 = 4.0;
/// at most this many times (then forbidden: phase 1 decides feasibility).
const ART_RAISES: usize = 6;
/// Columns unused for this many pricing rounds leave the simplex's scan.
const KEEP_ROUNDS: usize = 60;

/// `last_used` of a column no round has used yet (a dive's copy for a
/// twin, see `copy_to_twins`): it stays out of the nodes' scans.
pub(super) const NEVER_USED: usize = usize::MAX;

/// Keeps, of the columns a round from the store found, each bundle's one
/// with the least reduced cost (ties to the first leader). Leaders alike
/// but for their dual all find the same bundles: given to each of them
/// (23 at 90×30), the copies made the LP's re-solves a third longer, and
/// the round is a heuristic one (the node's bound comes from exact rounds).
fn one_leader_per_bundle(columns: &mut Vec<(usize, u32, f64)>) {
    columns.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)));
    columns.dedup_by_key(|c| c.1);
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
        // A centre from before the last cuts lacks their rows: b's then.
        cuts: if a.cuts.len() == b.cuts.len() {
            a.cuts
                .iter()
                .zip(&b.cuts)
                .map(|(p, q)| (q.0, alpha * p.1 + (1.0 - alpha) * q.1))
                .collect()
        } else {
            b.cuts.clone()
        },
    }
}

impl Engine<'_> {
    /// Reduced cost of column (l, b) under `d` (phase-2 costs).
    pub(super) fn reduced_cost(&self, l: usize, b: usize, d: &Duals) -> f64 {
        let us = self.bundles.units(b);
        let (uc, ch) = pricing::leader_extra(self.p, l, us);
        self.bundles.base[b] + uc
            - us.iter().map(|&u| d.pi[u as usize]).sum::<f64>()
            - d.sigma * ch as f64
            - d.mu[l]
            + d.cut_penalty(us)
    }

    pub(super) fn duals_from(&self, y: &[f64]) -> Duals {
        Duals {
            pi: y[..self.nu].to_vec(),
            mu: y[self.nu..self.nu + self.nl].to_vec(),
            sigma: if self.change_limit.is_some() {
                y[self.m - 1].min(0.0)
            } else {
                0.0
            },
            cuts: self
                .cuts
                .iter()
                .enumerate()
                .map(|(c, &s)| (s, (-y[self.m + c]).max(0.0)))
                .collect(),
        }
    }

    /// Column generation at one node. `bound` is raised to the node's best
    /// Lagrangian bound.
    pub(super) fn solve_node(
        &mut self,
        rules: &Rules,
        basis: &[usize],
        bound: &mut f64,
    ) -> NodeResult {
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
            // A cut's slack and surplus always stay (else the row would
            // turn into an equation).
            let cut_col = l == u32::MAX && b != u32::MAX;
            if !self.lp.forbidden[j]
                && (cut_col
                    || self.last_used[j] != NEVER_USED
                        && self.stats.rounds <= self.last_used[j] + KEEP_ROUNDS)
            {
                scan.push(j);
            }
        }
        self.lp.set_scan(scan);
        if basis.len() == self.lp.m {
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
        // At the root of a searched-pricing solve, artificials have a cost
        // instead of being driven out by a phase 1 first: Farkas columns are
        // of no use to the optimum, and large townships spent their whole
        // time limit on them. The cost is each row's share of the
        // incumbent (see `artificial_costs`), raised while artificials stay
        // in the optimum; a big M (the incumbent's cost) made the first
        // rounds' duals so large that pricing explored most bundles and
        // hundreds of artificials left a few a round. (With enumerated
        // pricing, phase 1 stays: it keeps small townships' plans as they
        // were.) The Lagrangian bound is valid at any duals; if artificials
        // remain at the end, phase 1 decides feasibility as before.
        for j in 0..self.m {
            self.lp.cost[j] = 0.0;
        }
        let mut big_m = basis.is_empty() && self.upper().is_finite() && self.searcher.is_some();
        if big_m {
            let costs = self.artificial_costs();
            for (j, c) in costs.into_iter().enumerate() {
                self.lp.forbidden[j] = false;
                self.lp.cost[j] = c;
            }
        }
        let mut raises = 0;
        let mut phase1 = !big_m && self.lp.infeasibility() > 1e-9;
        let mut failures = 0;
        let mut center: Option<(Duals, f64)> = None;
        // Below the root, pricing first scans the bundles already found
        // (cheap); the exact search runs only when that finds nothing, so
        // the node ends on an exact round and its bound stays valid.
        let mut force_exact = false;
        let mut last_from_store;
        // Whether the last pricing round found no column the LP could use.
        let mut lp_is_optimal;
        'generation: loop {
            loop {
                if self.out_of_budget() {
                    return NodeResult::TimeUp;
                }
                let before = self.lp.pivots;
                let outcome = self.lp.solve(phase1, self.deadline);
                if self.lp.pivots - before > 2000 {
                    super::trace(
                        self.started,
                        &format!(
                            "  long solve: {} pivots, phase1 {phase1}, root {}",
                            self.lp.pivots - before,
                            basis.is_empty()
                        ),
                    );
                }
                self.stats.lp_solves += 1;
                match outcome {
                    LpOutcome::TimeUp => {
                        // The clock, or the pivots the work limit left.
                        if !self.out_of_budget() {
                            self.stats.stopped.get_or_insert(Stopped::Time);
                        }
                        return NodeResult::TimeUp;
                    }
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
                // Below the root only with searched pricing: at 120×40 (20 M
                // work) the gap fell from 1.54 % to 0.77 % and 90×30 took
                // 818k pivots to its proof instead of 1.14 M; enumerated
                // pricing keeps its small townships' plans as they were.
                let mut alpha =
                    if phase1 || center.is_none() || (!basis.is_empty() && self.searcher.is_none())
                    {
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
                    let from_store = self.store_pricing
                        && self.searcher.is_some()
                        && !basis.is_empty()
                        && !phase1
                        && !force_exact
                        && !self.bundles.is_empty();
                    force_exact = false;
                    last_from_store = from_store;
                    let priced = match &mut self.searcher {
                        Some(_) if from_store => {
                            let all: Vec<u32> = (0..self.bundles.len() as u32).collect();
                            self.scanned += all.len() as u64;
                            pricing::price(
                                self.p,
                                &self.bundles,
                                &all,
                                None,
                                rules,
                                &duals,
                                &self.floors,
                                false,
                                PER_LEADER,
                                PRICE_TOL,
                                self.cand_cap,
                                &mut self.scratch,
                            )
                        }
                        Some(searcher) => {
                            let (priced, nodes) = searcher.price(
                                self.p,
                                &mut self.bundles,
                                rules,
                                &duals,
                                phase1,
                                PER_LEADER,
                                PRICE_TOL,
                            );
                            self.stats.search_nodes += nodes;
                            priced
                        }
                        None => {
                            let live = node_live.as_deref().unwrap_or(&self.live);
                            self.scanned += live.len() as u64;
                            pricing::price(
                                self.p,
                                &self.bundles,
                                live,
                                self.by_unit.as_deref(),
                                rules,
                                &duals,
                                &self.floors,
                                phase1,
                                PER_LEADER,
                                PRICE_TOL,
                                self.cand_cap,
                                &mut self.scratch,
                            )
                        }
                    };
                    self.stats.rounds += 1;
                    if from_store {
                        self.stats.store_rounds += 1;
                        // Not exact: no bound from this round. Keep what
                        // the LP may use (reduced-cost fixing forbids some
                        // known columns); if nothing, search exactly.
                        columns = priced
                            .columns
                            .into_iter()
                            .filter(|&(l, b, _)| {
                                self.col_index
                                    .get(&(l as u32, b))
                                    .is_none_or(|&j| !self.lp.forbidden[j] && !self.dead[j])
                            })
                            .collect();
                        one_leader_per_bundle(&mut columns);
                        if columns.is_empty() {
                            force_exact = true;
                            continue;
                        }
                        break;
                    }
                    let lagrange = duals.pi.iter().sum::<f64>()
                        + duals.mu.iter().sum::<f64>()
                        + duals.sigma * self.change_limit.unwrap_or(0) as f64
                        - duals.cut_total()
                        + priced.min_rc.iter().sum::<f64>();
                    if basis.is_empty() {
                        super::trace(
                            self.started,
                            &format!(
                                "  round {} alpha {alpha} lp {:.3} lagrange {lagrange:.3} cols {} pivots {}",
                                self.stats.rounds,
                                self.lp.objective(phase1),
                                priced.columns.len(),
                                self.lp.pivots
                            ),
                        );
                    }
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
                        if basis.is_empty()
                            && self.searcher.is_some()
                            && self.mid_root_dive_due(lagrange)
                        {
                            self.restricted_dive(rules);
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
                let mut stale = 0;
                for &(l, b, _) in &columns {
                    let before = self.lp.n_cols();
                    let j = self.add_column(l, b);
                    if j == before {
                        added += 1;
                    } else if !self.lp.forbidden[j] {
                        if self.lp.include(j) {
                            // A known column that had left the scan is back.
                            added += 1;
                        } else {
                            stale += 1;
                        }
                    }
                    self.last_used[j] = self.stats.rounds;
                }
                // Columns the LP holds and may use, priced as improving
                // although the LP stopped as optimal: its value is then
                // not a bound (only the Lagrangian is).
                lp_is_optimal = stale == 0;
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
                    if last_from_store {
                        force_exact = true;
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
            if big_m {
                // Artificials still in the LP's optimum: their costs were
                // too low a ceiling on the duals; raise them and go on.
                let held = self
                    .lp
                    .values()
                    .iter()
                    .any(|&(j, x)| j < self.m && x > 1e-9);
                if held && raises < ART_RAISES {
                    raises += 1;
                    for j in 0..self.m {
                        self.lp.cost[j] *= ART_RAISE;
                    }
                    continue 'generation;
                }
                big_m = false;
                for j in 0..self.m {
                    self.lp.forbidden[j] = true;
                    self.lp.cost[j] = 0.0;
                }
                if self.lp.infeasibility() > 1e-9 {
                    phase1 = true;
                    continue 'generation;
                }
            }
            break;
        }
        if lp_is_optimal && *bound < self.lp.objective(false) - 1e-9 {
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

    /// Costs of the artificial columns at the root: each unit's and each
    /// leader's share of its bundle in the incumbent (the bundle's cost
    /// split evenly over its units and its leader), times `ART_START`. An
    /// artificial's cost caps its row's dual, so these keep the first
    /// rounds' duals near the incumbent's prices instead of at a big M
    /// (which made pricing explore most bundles and left hundreds of
    /// artificials to leave one by one); the change row's stays at the
    /// incumbent's cost.
    pub(super) fn artificial_costs(&self) -> Vec<f64> {
        let ub = self.upper().abs().max(1.0);
        let mut c = vec![ub; self.m];
        let Some((_, bundles)) = &self.incumbent else {
            return c;
        };
        let floor = ub / (self.nu + self.nl) as f64 * 0.1;
        for (l, b) in bundles.iter().enumerate() {
            let share = crate::assign::leaders::bundle_cost(self.p, l, b) / (b.len() + 1) as f64;
            let v = (ART_START * share).max(floor);
            c[self.nu + l] = v;
            for &u in b {
                c[u] = v;
            }
        }
        c
    }

    /// Whether a restricted-master dive is due during the root's column
    /// generation: once, when the LP value first comes within 3 % of the
    /// Lagrangian bound (its columns then nearly price out a plan). A count,
    /// not a clock, so runs under a work limit stay reproducible.
    fn mid_root_dive_due(&mut self, lagrange: f64) -> bool {
        let z = self.lp.objective(false);
        if self.mid_root_dive || z - lagrange > 0.03 * z.abs().max(1.0) {
            return false;
        }
        self.mid_root_dive = true;
        true
    }

    /// Artificials for all rows, the slack for the change row and for each
    /// cut's row.
    pub(super) fn initial_basis(&self) -> Vec<usize> {
        let mut basis: Vec<usize> = (0..self.m).collect();
        if self.change_limit.is_some() {
            basis[self.m - 1] = self.m;
        }
        basis.extend(self.cut_cols.iter().map(|c| c.0));
        basis
    }

    pub(super) fn note_root(&mut self, duals: &Duals, min_rc: &[f64], bound: f64) {
        if self.root.as_ref().is_none_or(|r| bound > r.bound) {
            self.root = Some(RootInfo {
                duals: duals.clone(),
                min_rc: min_rc.to_vec(),
                bound,
            });
        }
    }

    /// Drops bundles and columns that cannot be in a plan better than the
    /// incumbent, by the root Lagrangian argument: a plan using column (l, B)
    /// costs at least L − minrc_l + rc_l(B).
    pub(super) fn fix_by_reduced_cost(&mut self) {
        let Some(root) = &self.root else { return };
        let ub = self.upper();
        if !ub.is_finite() {
            return;
        }
        let margin = 1e-7 * ub.abs().max(1.0);
        let d = &root.duals;
        let p = self.p;
        // Leader-independent part: base cost, unit duals, cuts' penalty.
        let cut_index = pricing::CutIndex::new(self.nu, d);
        let v_of = |b: usize, bundles: &Bundles| {
            let us = bundles.units(b);
            let v = bundles.base[b] - us.iter().map(|&u| d.pi[u as usize]).sum::<f64>();
            v + cut_index.as_ref().map_or(0.0, |c| c.penalty(us))
        };
        let rc_of = |l: usize, b: usize, bundles: &Bundles| {
            let us = bundles.units(b);
            let (uc, ch) = pricing::leader_extra(p, l, us);
            v_of(b, bundles) + uc - d.sigma * ch as f64 - d.mu[l]
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
            if v_of(bi, bundles) >= max_thr {
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
        self.by_unit = Some(super::index_by_unit(self.nu, &self.bundles, &self.live));
    }
}

#[cfg(test)]
mod tests {
    use super::one_leader_per_bundle;

    /// Each bundle keeps its column with the least reduced cost, ties to
    /// the first leader; the order is by bundle.
    #[test]
    fn a_store_round_gives_each_bundle_to_one_leader() {
        let mut cols = vec![
            (3, 7, -0.5),
            (1, 2, -0.1),
            (0, 7, -0.9),
            (2, 7, -0.9),
            (4, 2, -0.3),
        ];
        one_leader_per_bundle(&mut cols);
        assert_eq!(cols, vec![(4, 2, -0.3), (0, 7, -0.9)]);
    }
}
