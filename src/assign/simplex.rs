//! A small dense revised primal simplex for the restricted master LP
//! (min cᵀx, Ax = b, x ≥ 0 with b ≥ 0): ~100–200 rows, columns added over
//! time, an explicit basis inverse updated per pivot and refactored
//! periodically. Rows start covered by artificial columns. A column can be
//! *forbidden* (artificials always; columns a branch excludes): phase 1
//! minimises the forbidden columns' sum, phase 2 the real cost while forbidden
//! columns stay at zero. good_lp's backends expose no duals, which column
//! generation needs, hence this module.

// Dense linear algebra reads best with explicit indices.
#![allow(clippy::needless_range_loop)]

use std::time::Instant;

const NONE: usize = usize::MAX;
/// Reduced cost below which a column improves the objective.
pub(crate) const RC_TOL: f64 = 1e-9;
/// Primal feasibility tolerance (Harris ratio test).
const FEAS_TOL: f64 = 1e-9;
/// Smallest pivot element accepted.
const PIVOT_TOL: f64 = 1e-9;
/// Pivots between refactorisations, for up to `REFACTOR_ROWS` rows; beyond,
/// and in a perturbed (searched-pricing) master, twice the rows: the O(m³)
/// inversion was a third of a 400-row solve and a quarter of a 90×30
/// proof, while the explicit inverse's update costs the same at any age
/// (0/1 columns keep it accurate).
const REFACTOR_EVERY: usize = 100;
const REFACTOR_ROWS: usize = 200;
/// Size of a perturbed solve's shift of a column's lower bound.
const PERTURBATION: f64 = 1e-6;
/// Consecutive degenerate pivots before switching to Bland's rule (anti-cycling).
const DEGENERATE_RUN: usize = 3000;
/// Cap on a Devex weight (weights only grow between resets).
const DEVEX_MAX: f64 = 1e6;
/// Candidate columns kept from a full pricing scan.
const CANDIDATES: usize = 48;
/// Minor iterations over the candidates before the next full scan.
const MINOR_ITERATIONS: usize = 24;
/// Pools up to this many columns are scanned whole (small townships keep
/// their pivots, and so their plans, as before); a partial scan of a larger
/// pool looks at a twentieth of it at least.
const PARTIAL_FROM: usize = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LpOutcome {
    Optimal,
    TimeUp,
    /// Numerical trouble (a singular basis or an unbounded ray, impossible in
    /// exact arithmetic for our bounded master).
    Failed,
}

/// How removing a perturbation ended.
enum Cleanup {
    /// The basic values are feasible for the true right-hand side.
    Feasible,
    /// No dual pivot could repair a row, or the pivots ran out.
    Stuck,
    TimeUp,
}

pub(crate) struct Lp {
    pub m: usize,
    b: Vec<f64>,
    /// Perturb the columns' lower bounds in phase 2 (see `solve`); off by
    /// default, so small townships keep their pivots and plans.
    pub perturb: bool,
    /// Pivots of the dual simplex that removes a perturbation.
    pub cleanup_pivots: usize,
    /// Perturbed solves whose clean-up failed (then solved unperturbed).
    pub stuck_cleanups: usize,
    start: Vec<usize>,
    rows: Vec<u32>,
    vals: Vec<f64>,
    pub cost: Vec<f64>,
    pub forbidden: Vec<bool>,
    /// Columns the pricing scan considers (others never enter).
    scan: Vec<usize>,
    in_scan: Vec<bool>,
    /// Where the next partial scan starts in `scan` (cyclic).
    scan_pos: usize,
    pub basis: Vec<usize>,
    pos: Vec<usize>,
    binv: Vec<f64>,
    pub x: Vec<f64>,
    since_refactor: usize,
    pub pivots: usize,
    pub degenerate_pivots: usize,
    pub refactors: usize,
    /// `solve` stops (as out of time) once `pivots` reaches this: the
    /// engine's work limit, so that one long solve cannot overrun it.
    pub pivot_cap: usize,
    /// State of the tie-breaking hash (advances every pivot).
    ties: u64,
    /// Devex reference weights, one per column (1 until updated).
    weights: Vec<f64>,
    /// How far below zero each column may go in a perturbed solve
    /// (`perturbation` of its index, kept: the ratio test reads it for
    /// every row at every pivot).
    shift: Vec<f64>,
    /// Devex pricing allowed: more than `REFACTOR_ROWS` rows at creation
    /// (cut rows added later do not count).
    devex: bool,
}

impl Lp {
    /// An LP with `b.len()` rows, each covered by its artificial column.
    pub(crate) fn new(b: Vec<f64>) -> Lp {
        let m = b.len();
        let mut lp = Lp {
            m,
            b,
            perturb: false,
            cleanup_pivots: 0,
            stuck_cleanups: 0,
            start: vec![0],
            rows: Vec::new(),
            vals: Vec::new(),
            cost: Vec::new(),
            forbidden: Vec::new(),
            scan: Vec::new(),
            in_scan: Vec::new(),
            scan_pos: 0,
            basis: (0..m).collect(),
            pos: Vec::new(),
            binv: Vec::new(),
            x: Vec::new(),
            since_refactor: 0,
            pivots: 0,
            degenerate_pivots: 0,
            refactors: 0,
            pivot_cap: usize::MAX,
            ties: 0,
            weights: Vec::new(),
            shift: Vec::new(),
            devex: m > REFACTOR_ROWS,
        };
        for i in 0..m {
            lp.add_column(&[(i as u32, 1.0)], 0.0);
            lp.forbidden[i] = true;
        }
        lp.pos = (0..m).collect();
        lp.refactor();
        lp
    }

    pub(crate) fn n_cols(&self) -> usize {
        self.cost.len()
    }

    /// Appends a column (non-basic, not forbidden) and returns its index.
    pub(crate) fn add_column(&mut self, entries: &[(u32, f64)], cost: f64) -> usize {
        for &(r, v) in entries {
            self.rows.push(r);
            self.vals.push(v);
        }
        self.start.push(self.rows.len());
        self.cost.push(cost);
        self.forbidden.push(false);
        self.weights.push(1.0);
        self.shift.push(perturbation(self.cost.len() - 1));
        self.pos.push(NONE);
        self.scan.push(self.cost.len() - 1);
        self.in_scan.push(true);
        self.cost.len() - 1
    }

    /// Appends a row with right-hand side `rhs` (≥ 0) in which existing
    /// columns have the coefficients `entries` (column, value); returns its
    /// index. The basis then lacks a column for it: add the row's own
    /// columns and call `set_basis` before solving.
    pub(crate) fn add_row(&mut self, entries: &[(usize, f64)], rhs: f64) -> usize {
        let row = self.m as u32;
        let mut extra: Vec<Option<f64>> = vec![None; self.n_cols()];
        for &(j, v) in entries {
            extra[j] = Some(v);
        }
        let (mut start, mut rows, mut vals) = (vec![0], Vec::new(), Vec::new());
        for (j, e) in extra.iter().enumerate() {
            let (r, v) = self.column(j);
            rows.extend_from_slice(r);
            vals.extend_from_slice(v);
            if let Some(v) = e {
                rows.push(row);
                vals.push(*v);
            }
            start.push(rows.len());
        }
        (self.start, self.rows, self.vals) = (start, rows, vals);
        self.b.push(rhs);
        self.m += 1;
        self.m - 1
    }

    /// Restricts the pricing scan to `cols`.
    pub(crate) fn set_scan(&mut self, cols: Vec<usize>) {
        for &j in &self.scan {
            self.in_scan[j] = false;
        }
        for &j in &cols {
            self.in_scan[j] = true;
        }
        self.scan = cols;
        self.scan_pos = 0;
    }

    /// Adds a column to the scan; false if it was there already.
    pub(crate) fn include(&mut self, j: usize) -> bool {
        if self.in_scan[j] {
            return false;
        }
        self.in_scan[j] = true;
        self.scan.push(j);
        true
    }

    #[inline(always)]
    pub(crate) fn column(&self, j: usize) -> (&[u32], &[f64]) {
        let (s, e) = (self.start[j], self.start[j + 1]);
        (&self.rows[s..e], &self.vals[s..e])
    }

    /// Installs a basis (one column per row). Returns false if it is
    /// singular, leaving the all-artificial basis in place.
    pub(crate) fn set_basis(&mut self, cols: &[usize]) -> bool {
        for &j in &self.basis {
            self.pos[j] = NONE;
        }
        self.basis = cols.to_vec();
        for (i, &j) in self.basis.iter().enumerate() {
            self.pos[j] = i;
        }
        if self.refactor() {
            return true;
        }
        for &j in &self.basis {
            self.pos[j] = NONE;
        }
        self.basis = (0..self.m).collect();
        for i in 0..self.m {
            self.pos[i] = i;
        }
        self.refactor();
        false
    }

    /// x = B⁻¹ b.
    fn basic_values(&mut self) {
        let m = self.m;
        self.x = (0..m)
            .map(|i| (0..m).map(|k| self.binv[i * m + k] * self.b[k]).sum())
            .collect();
    }

    #[inline(always)]
    fn phase_cost(&self, j: usize, phase1: bool) -> f64 {
        if phase1 {
            if self.forbidden[j] { 1.0 } else { 0.0 }
        } else if self.forbidden[j] {
            0.0
        } else {
            self.cost[j]
        }
    }

    /// Row duals yᵀ = c_Bᵀ B⁻¹ for the phase's costs.
    pub(crate) fn duals(&self, phase1: bool) -> Vec<f64> {
        let m = self.m;
        let mut y = vec![0.0; m];
        for (i, &j) in self.basis.iter().enumerate() {
            let c = self.phase_cost(j, phase1);
            if c != 0.0 {
                let row = &self.binv[i * m..(i + 1) * m];
                for (yk, bk) in y.iter_mut().zip(row) {
                    *yk += c * bk;
                }
            }
        }
        y
    }

    /// Objective of the current basic solution for the phase's costs.
    pub(crate) fn objective(&self, phase1: bool) -> f64 {
        self.basis
            .iter()
            .zip(&self.x)
            .map(|(&j, &x)| self.phase_cost(j, phase1) * x)
            .sum()
    }

    /// Sum of forbidden basic values (phase 1 objective).
    pub(crate) fn infeasibility(&self) -> f64 {
        self.objective(true)
    }

    /// Value of every column (0 for non-basic).
    pub(crate) fn values(&self) -> Vec<(usize, f64)> {
        self.basis
            .iter()
            .zip(&self.x)
            .filter(|&(_, &x)| x > 1e-12)
            .map(|(&j, &x)| (j, x))
            .collect()
    }

    /// Deterministic pseudo-random key of row `i` for this pivot.
    fn tie_hash(&self, i: usize) -> u64 {
        let mut z = self.ties ^ (i as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 31)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 29)
    }

    #[inline(always)]
    fn reduced_cost(&self, j: usize, y: &[f64], phase1: bool) -> f64 {
        let (r, v) = self.column(j);
        let mut rc = self.phase_cost(j, phase1);
        for (&ri, &vi) in r.iter().zip(v) {
            rc -= y[ri as usize] * vi;
        }
        rc
    }

    /// Runs the primal simplex for one phase until optimal or the deadline.
    ///
    /// With `perturb`, phase 2 lets each column fall a little below zero
    /// (a different small amount per column) in the ratio test: in a
    /// set-partitioning master most pivots were degenerate (77 % at
    /// 90×30), each leaving the objective where it was, and the shifted
    /// bounds give the ratio test a strict winner and every step some
    /// length. The shift is then taken off: a few dual simplex pivots
    /// bring the columns left below zero back (`remove_perturbation`), so
    /// the optimum, its duals and its values are those of the LP as stated.
    pub(crate) fn solve(&mut self, phase1: bool, deadline: Instant) -> LpOutcome {
        if !self.perturb || phase1 {
            return self.primal(phase1, false, deadline);
        }
        let start = self.basis.clone();
        let outcome = self.primal(false, true, deadline);
        // A column that left the basis below zero counts at zero again.
        // (Refactoring here as well was 3,100 of 5,100 inversions at 90×30
        // seed 1; the final primal pass below checks the optimum.)
        self.basic_values();
        if outcome != LpOutcome::Optimal {
            return outcome;
        }
        match self.remove_perturbation(deadline) {
            Cleanup::TimeUp => return LpOutcome::TimeUp,
            Cleanup::Stuck => {
                // No dual pivot repairs a row: go back to the (feasible)
                // basis the solve started from and solve unperturbed.
                self.stuck_cleanups += 1;
                if !self.set_basis(&start) {
                    return LpOutcome::Failed;
                }
            }
            Cleanup::Feasible => {}
        }
        // The unperturbed primal from a feasible basis: usually one pricing
        // pass, which confirms that no scanned column's reduced cost fell
        // below zero in the clean-up (round-off) — the master's bound
        // trusts this optimum.
        self.primal(false, false, deadline)
    }

    /// Dual simplex pivots from a dual-feasible basis until the basic
    /// values are feasible for the true right-hand side: the leaving row
    /// is the most negative value (or a forbidden column held above zero),
    /// the entering column the least ratio of reduced cost to the pivot
    /// row's entry among the scanned columns.
    fn remove_perturbation(&mut self, deadline: Instant) -> Cleanup {
        let m = self.m;
        let mut d = vec![0.0; m];
        for _ in 0..4 * m {
            if Instant::now() > deadline || self.pivots >= self.pivot_cap {
                return Cleanup::TimeUp;
            }
            // (row, how far off): below zero, or a forbidden column above.
            let mut leave = NONE;
            let mut worst = FEAS_TOL;
            for i in 0..m {
                let off = if self.forbidden[self.basis[i]] {
                    self.x[i].abs()
                } else {
                    -self.x[i]
                };
                if off > worst {
                    worst = off;
                    leave = i;
                }
            }
            if leave == NONE {
                return Cleanup::Feasible;
            }
            // x_leave must rise (below zero) or fall (forbidden, above).
            let rise = self.x[leave] < 0.0;
            let y = self.duals(false);
            let row = self.binv[leave * m..(leave + 1) * m].to_vec();
            let mut enter = NONE;
            let mut best = f64::INFINITY;
            for &j in &self.scan {
                if self.pos[j] != NONE || self.forbidden[j] {
                    continue;
                }
                let alpha = self.row_dot(&row, j);
                // Entering by θ ≥ 0 moves x_leave by −θ·alpha.
                let toward = if rise { -alpha } else { alpha };
                if toward > PIVOT_TOL {
                    let ratio = self.reduced_cost(j, &y, false).max(0.0) / toward;
                    if ratio < best {
                        best = ratio;
                        enter = j;
                    }
                }
            }
            if enter == NONE {
                // No scanned column can repair the row.
                return Cleanup::Stuck;
            }
            self.direction(enter, &mut d);
            let theta = self.x[leave] / d[leave];
            self.pivot(leave, enter, theta, &d);
            self.cleanup_pivots += 1;
            if self.since_refactor >= REFACTOR_EVERY && !self.refactor() {
                return Cleanup::Stuck;
            }
        }
        Cleanup::Stuck
    }

    /// One pricing scan of the pool, cyclic from `begin`: the columns with
    /// a negative reduced cost, keyed by −score, until `least` columns are
    /// seen and `CANDIDATES` found; under Bland's rule the first such
    /// column instead. Returns the columns seen. Kept out of `primal` so
    /// that its loop keeps the reduced cost in a register (inlined into
    /// `primal`, the sum went through the stack on every entry, and this
    /// loop is most of a large township's LP time).
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn scan_pool(
        &self,
        y: &[f64],
        phase1: bool,
        bland: bool,
        devex: bool,
        begin: usize,
        least: usize,
        found: &mut Vec<(f64, usize)>,
    ) -> (usize, Option<usize>) {
        let n = self.scan.len();
        let mut seen = 0;
        let mut k = begin;
        while seen < n {
            let j = self.scan[k];
            k += 1;
            if k == n {
                k = 0;
            }
            seen += 1;
            if self.pos[j] != NONE || self.forbidden[j] {
                continue;
            }
            let rc = self.reduced_cost(j, y, phase1);
            if rc < -RC_TOL {
                if bland {
                    return (seen, Some(j));
                }
                found.push((-score(rc, self.weights[j], devex), j));
            }
            if seen >= least && found.len() >= CANDIDATES {
                break;
            }
        }
        (seen, None)
    }

    /// d = B⁻¹ a_j, the values' direction as column `j` enters.
    fn direction(&self, j: usize, d: &mut [f64]) {
        let m = self.m;
        d.iter_mut().for_each(|v| *v = 0.0);
        let (r, v) = self.column(j);
        for (&ri, &vi) in r.iter().zip(v) {
            let ri = ri as usize;
            for (i, di) in d.iter_mut().enumerate() {
                *di += self.binv[i * m + ri] * vi;
            }
        }
    }

    /// Column `enter` replaces the basic column of row `leave`, entering at
    /// `theta` along direction `d`: the values, the inverse and the basis
    /// move together. Returns the column that left.
    fn pivot(&mut self, leave: usize, enter: usize, theta: f64, d: &[f64]) -> usize {
        for (xi, di) in self.x.iter_mut().zip(d) {
            *xi -= theta * di;
        }
        self.x[leave] = theta;
        self.update_inverse(leave, d);
        let out = self.basis[leave];
        self.pos[out] = NONE;
        self.basis[leave] = enter;
        self.pos[enter] = leave;
        self.since_refactor += 1;
        self.pivots += 1;
        out
    }

    /// Row `row` of B⁻¹ times column `j`: the pivot row's entry at `j`.
    fn row_dot(&self, row: &[f64], j: usize) -> f64 {
        let (r, v) = self.column(j);
        r.iter()
            .zip(v)
            .map(|(&ri, &vi)| row[ri as usize] * vi)
            .sum()
    }

    /// B⁻¹ after column `leave` of the basis is replaced by one whose
    /// direction is `d` (= old B⁻¹ a_enter).
    fn update_inverse(&mut self, leave: usize, d: &[f64]) {
        kernel::eliminate(&mut self.binv, self.m, leave, d);
    }

    /// The primal simplex; `perturbed` when the columns' lower bounds are
    /// shifted below zero (forbidden columns, held at zero, excepted).
    fn primal(&mut self, phase1: bool, perturbed: bool, deadline: Instant) -> LpOutcome {
        let m = self.m;
        let mut degenerate = 0usize;
        let mut d = vec![0.0; m];
        let mut limits: Vec<(usize, f64, f64)> = Vec::with_capacity(m);
        let mut iter = 0usize;
        let mut cands: Vec<usize> = Vec::with_capacity(CANDIDATES);
        let mut y: Vec<f64> = Vec::new();
        let mut minor = 0usize;
        let refactor_every = if m > REFACTOR_ROWS || self.perturb {
            2 * m
        } else {
            REFACTOR_EVERY
        };
        // Devex pricing only where pricing is partial and the master was
        // built with over 200 rows: whole scans (small townships) keep
        // Dantzig's rule, and so their pivots and plans; at 40×120 (161
        // rows, more with cuts) Devex took 9–18 % more pivots, at 100×300
        // (401 rows) fewer and a better plan at the same work.
        let devex = self.devex && self.scan.len() > PARTIAL_FROM;
        let score = |rc: f64, w: f64| score(rc, w, devex);
        loop {
            iter += 1;
            if (iter.is_multiple_of(32) && Instant::now() > deadline)
                || self.pivots >= self.pivot_cap
            {
                return LpOutcome::TimeUp;
            }
            if self.since_refactor >= refactor_every && !self.refactor() {
                return LpOutcome::Failed;
            }
            // Duals: recomputed after a refactor, else updated in O(m) below.
            if y.is_empty() || self.since_refactor == 0 {
                y = self.duals(phase1);
            }
            let bland = degenerate >= DEGENERATE_RUN;
            // Entering column: multiple pricing — a full scan keeps the most
            // negative reduced costs as candidates, and minor iterations
            // re-price only those until they run dry (the pool is far larger
            // than the basis, so full scans dominate otherwise). Under
            // Bland's rule: the first negative column of a full scan.
            let mut enter = NONE;
            let mut best = 0.0;
            if !bland && minor < MINOR_ITERATIONS {
                for &j in &cands {
                    if self.pos[j] != NONE {
                        continue;
                    }
                    let rc = self.reduced_cost(j, &y, phase1);
                    if rc < -RC_TOL {
                        let sc = score(rc, self.weights[j]);
                        if sc > best {
                            best = sc;
                            enter = j;
                        }
                    }
                }
                minor += 1;
            }
            if enter == NONE {
                cands.clear();
                minor = 0;
                // Partial pricing: scan cyclically from where the last scan
                // stopped, and stop once enough candidates are found past
                // a minimum share of the pool (the pool is often hundreds
                // of times the basis; scanning it whole every few pivots
                // was most of the solve). Bland's rule scans in order.
                let n = self.scan.len();
                let least = if n <= PARTIAL_FROM { n } else { n / 20 };
                let mut found: Vec<(f64, usize)> = Vec::new();
                let begin = if bland || n <= least {
                    0
                } else {
                    self.scan_pos.min(n)
                };
                let (seen, first) =
                    self.scan_pool(&y, phase1, bland, devex, begin, least, &mut found);
                if let Some(j) = first {
                    enter = j;
                }
                if n > 0 {
                    self.scan_pos = (begin + seen) % n;
                }
                if !bland && !found.is_empty() {
                    // Keyed by −score (−rc under Dantzig), least first.
                    let by_rc = |a: &(f64, usize), b: &(f64, usize)| {
                        a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
                    };
                    if found.len() > CANDIDATES {
                        found.select_nth_unstable_by(CANDIDATES, by_rc);
                        found.truncate(CANDIDATES);
                    }
                    let best_found = found.iter().copied().min_by(by_rc).expect("non-empty");
                    enter = best_found.1;
                    cands.extend(found.iter().map(|&(_, j)| j));
                }
            }
            if enter == NONE {
                return LpOutcome::Optimal;
            }
            let enter_rc = self.reduced_cost(enter, &y, phase1);
            self.direction(enter, &mut d);
            // Harris ratio test. In phase 2 a forbidden basic column is held
            // at zero from both sides. `limits` keeps, for each row that
            // bounds the step, how far its value may move (to zero, or to
            // its shifted bound in a perturbed solve) and its entry in the
            // direction, so the second pass reads them instead of
            // recomputing.
            limits.clear();
            let mut theta_max = f64::INFINITY;
            for i in 0..m {
                let di = d[i];
                if di > PIVOT_TOL {
                    let j = self.basis[i];
                    let room = if perturbed && !self.forbidden[j] {
                        (self.x[i] + self.shift[j]).max(0.0)
                    } else {
                        self.x[i].max(0.0)
                    };
                    theta_max = theta_max.min((room + FEAS_TOL) / di);
                    limits.push((i, room, di));
                } else if di < -PIVOT_TOL && !phase1 && self.forbidden[self.basis[i]] {
                    let room = -self.x[i].max(0.0);
                    theta_max = theta_max.min((FEAS_TOL - self.x[i].max(0.0)) / -di);
                    limits.push((i, room, -di));
                }
            }
            if !theta_max.is_finite() {
                return LpOutcome::Failed;
            }
            let mut leave = NONE;
            let mut best_piv = 0.0;
            let mut best_key = 0u64;
            self.ties = self.ties.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut theta = 0.0;
            for &(i, room, a) in &limits {
                let ratio = room / a;
                if ratio <= theta_max {
                    // Pivots of equal size are common (entries are 0/±1):
                    // break those ties pseudo-randomly, since always taking
                    // the first row makes degenerate stalls much longer.
                    let key = if bland { 0 } else { self.tie_hash(i) };
                    let better = if bland {
                        leave == NONE || self.basis[i] < self.basis[leave]
                    } else {
                        a > best_piv * (1.0 + 1e-9)
                            || (a >= best_piv * (1.0 - 1e-9) && key > best_key)
                    };
                    if better {
                        best_key = key;
                        best_piv = a;
                        leave = i;
                        theta = ratio.max(0.0);
                    }
                }
            }
            if leave == NONE {
                return LpOutcome::Failed;
            }
            // A step that leaves the objective where it was counts as
            // degenerate even when θ is not quite zero: steps of 1e-10
            // (Harris's tolerance) once kept a 198-row master at one
            // value for millions of pivots without ever reaching Bland.
            // (With a perturbation, a short step is slow progress, not a
            // stall, and Bland's rule would make it slower.)
            if theta <= 1e-12 || (!perturbed && theta * enter_rc.abs() <= 1e-9) {
                degenerate += 1;
                self.degenerate_pivots += 1;
            } else {
                degenerate = 0;
            }
            let dr = d[leave];
            let out = self.pivot(leave, enter, theta, &d);
            if devex {
                // Devex update from the pivot row α_r = (new B⁻¹ row r)·a_j
                // = old α_rj / α_rq, for the candidates only: the whole
                // pool's row would cost a full scan per pivot.
                let w_q = self.weights[enter];
                let row = &self.binv[leave * m..(leave + 1) * m];
                for &j in &cands {
                    if j == enter || j == out || self.pos[j] != NONE {
                        continue;
                    }
                    let a = self.row_dot(row, j);
                    let w = a * a * w_q;
                    if w > self.weights[j] {
                        self.weights[j] = w.min(DEVEX_MAX);
                    }
                }
                self.weights[out] = (w_q / (dr * dr)).clamp(1.0, DEVEX_MAX);
            }
            // y' = y + rc_enter · (row `leave` of the new inverse).
            let row = &self.binv[leave * m..(leave + 1) * m];
            for (yk, bk) in y.iter_mut().zip(row) {
                *yk += enter_rc * bk;
            }
        }
    }
}

/// How much an entering column with reduced cost `rc` (< 0) is worth:
/// rc²/w under Devex (reference weight `w`), −rc under Dantzig. Larger is
/// better.
fn score(rc: f64, w: f64, devex: bool) -> f64 {
    if devex { rc * rc / w } else { -rc }
}

/// How far below zero column `i` may go in a perturbed solve: distinct per
/// column, 0.5–1 × `PERTURBATION`, the same on every run.
fn perturbation(i: usize) -> f64 {
    let mut z = (i as u64)
        .wrapping_add(1)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^= z >> 31;
    PERTURBATION * (0.5 + 0.5 * (z >> 11) as f64 / (1u64 << 53) as f64)
}

mod factor;
mod kernel;
#[cfg(test)]
mod tests;
