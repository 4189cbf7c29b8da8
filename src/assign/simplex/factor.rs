//! Inverting the simplex's basis from scratch (a refactorisation): the
//! explicit inverse the pivots then update, and the basic values with it.

use super::{Lp, kernel};

impl Lp {
    /// Inverts the basis matrix (Gauss–Jordan, partial pivoting) and
    /// recomputes the basic values. In a perturbed (searched-pricing)
    /// master, columns are eliminated sparsest first: a column with one
    /// entry (a cut's slack, an artificial) changes no other row, and done
    /// first it adds no fill to the rest (at 90×30 the inversions took 28 %
    /// less time than in basis order, where they were a seventh of the
    /// proof).
    pub(super) fn refactor(&mut self) -> bool {
        let m = self.m;
        self.refactors += 1;
        let mut a = vec![0.0; m * m];
        let mut entries = vec![0usize; m];
        for (k, &j) in self.basis.iter().enumerate() {
            let (r, v) = self.column(j);
            for (&ri, &vi) in r.iter().zip(v) {
                a[ri as usize * m + k] = vi;
            }
            entries[k] = r.len();
        }
        // Small townships (unperturbed masters) keep basis order, and so
        // their pivots and plans.
        let mut order: Vec<usize> = (0..m).collect();
        if self.perturb {
            order.sort_by_key(|&k| (entries[k], k));
        }
        let Some((inv, row_of)) = kernel::invert(&mut a, m, &order) else {
            return false;
        };
        // B⁻¹'s row k is P B⁻¹'s row `row_of[k]`.
        let mut binv = vec![0.0; m * m];
        for (k, &r) in row_of.iter().enumerate() {
            binv[k * m..(k + 1) * m].copy_from_slice(&inv[r * m..(r + 1) * m]);
        }
        self.binv = binv;
        self.basic_values();
        self.since_refactor = 0;
        true
    }
}
