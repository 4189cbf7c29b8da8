//! The simplex's dense loops, the rank-one update of the explicit inverse
//! and the inversion itself, compiled twice: for the baseline x86-64 (two
//! doubles an instruction) and for AVX2 (four), chosen at run time. Each
//! entry is one multiply and one subtract, never fused and never
//! reordered, so both give the same bits: plans stay the same on every
//! machine.

// Dense linear algebra reads best with explicit indices.
#![allow(clippy::needless_range_loop)]

use super::NONE;

/// Rows of `binv` (row length `m`) minus `d[i]` times the pivot row
/// `leave`, which is first divided by `d[leave]`.
pub(super) fn eliminate(binv: &mut [f64], m: usize, leave: usize, d: &[f64]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above), the only
        // requirement of a `target_feature` function.
        unsafe { eliminate_avx2(binv, m, leave, d) };
        return;
    }
    eliminate_any(binv, m, leave, d);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn eliminate_avx2(binv: &mut [f64], m: usize, leave: usize, d: &[f64]) {
    eliminate_any(binv, m, leave, d);
}

#[inline(always)]
fn eliminate_any(binv: &mut [f64], m: usize, leave: usize, d: &[f64]) {
    let dr = d[leave];
    let (head, rest) = binv.split_at_mut(leave * m);
    let (row_r, tail) = rest.split_at_mut(m);
    row_r.iter_mut().for_each(|v| *v /= dr);
    let rows = head.chunks_exact_mut(m).zip(&d[..leave]);
    for (row, &f) in rows.chain(tail.chunks_exact_mut(m).zip(&d[leave + 1..])) {
        if f != 0.0 {
            row.iter_mut()
                .zip(row_r.iter())
                .for_each(|(a, b)| *a -= f * b);
        }
    }
}

/// Row-reduces `[a | I]` (`a` is m×m, row-major) to `[P | P a⁻¹]`,
/// eliminating the columns in `order`, each on the largest remaining entry
/// of its column (partial pivoting). Returns P a⁻¹ and `row_of`, the row
/// holding column k's 1 in P; `None` if `a` is singular.
pub(super) fn invert(a: &mut [f64], m: usize, order: &[usize]) -> Option<(Vec<f64>, Vec<usize>)> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: as in `eliminate`.
        return unsafe { invert_avx2(a, m, order) };
    }
    invert_any(a, m, order)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn invert_avx2(a: &mut [f64], m: usize, order: &[usize]) -> Option<(Vec<f64>, Vec<usize>)> {
    invert_any(a, m, order)
}

#[inline(always)]
fn invert_any(a: &mut [f64], m: usize, order: &[usize]) -> Option<(Vec<f64>, Vec<usize>)> {
    let mut inv = vec![0.0; m * m];
    for i in 0..m {
        inv[i * m + i] = 1.0;
    }
    // `rows` lists the rows in the order partial pivoting would have
    // swapped them into, the rows not yet pivoted last.
    let mut row_of = vec![NONE; m];
    let mut rows: Vec<usize> = (0..m).collect();
    let mut a_nz = Vec::with_capacity(m);
    for (step, &c) in order.iter().enumerate() {
        let mut at = NONE;
        let mut best = 0.0;
        for (p, &r) in rows.iter().enumerate().skip(step) {
            let v = a[r * m + c].abs();
            if v > best {
                best = v;
                at = p;
            }
        }
        if at == NONE || best < 1e-11 {
            return None;
        }
        rows.swap(step, at);
        let piv = rows[step];
        row_of[c] = piv;
        let d = a[piv * m + c];
        for k in 0..m {
            a[piv * m + k] /= d;
            inv[piv * m + k] /= d;
        }
        // The pivot row's nonzeros only (a basis of 0/1 columns stays
        // sparse for long): subtracting f·0 changes nothing. The inverse's
        // row fills in, so there the span from its first to its last
        // nonzero is subtracted whole, which vectorises.
        a_nz.clear();
        a_nz.extend((0..m).filter(|&k| a[piv * m + k] != 0.0));
        let inv_row = &inv[piv * m..(piv + 1) * m];
        let lo = inv_row.iter().position(|&v| v != 0.0).unwrap_or(0);
        let hi = inv_row.iter().rposition(|&v| v != 0.0).map_or(0, |k| k + 1);
        let pivot_inv = inv_row[lo..hi.max(lo)].to_vec();
        for r in 0..m {
            if r == piv {
                continue;
            }
            let f = a[r * m + c];
            if f == 0.0 {
                continue;
            }
            for &k in &a_nz {
                a[r * m + k] -= f * a[piv * m + k];
            }
            inv[r * m + lo..r * m + lo + pivot_inv.len()]
                .iter_mut()
                .zip(&pivot_inv)
                .for_each(|(x, p)| *x -= f * p);
        }
    }
    Some((inv, row_of))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dispatched kernel and the plain one agree to the bit on awkward
    /// values (no fused multiply-add sneaks in).
    #[test]
    fn dispatched_update_equals_plain_update_bit_for_bit() {
        let m = 37;
        let mut z = 0x1234_5678_9abc_def0u64;
        let mut next = || {
            z ^= z << 13;
            z ^= z >> 7;
            z ^= z << 17;
            (z >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        };
        let binv: Vec<f64> = (0..m * m).map(|_| next() / 3.0).collect();
        let mut d: Vec<f64> = (0..m).map(|_| next() * 7.0).collect();
        d[5] = 0.0;
        let (mut a, mut b) = (binv.clone(), binv.clone());
        eliminate(&mut a, m, 11, &d);
        eliminate_any(&mut b, m, 11, &d);
        assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()));
        // Row 5 (d = 0) is kept; the pivot row is divided by d[11].
        assert_eq!(a[5 * m..6 * m], binv[5 * m..6 * m]);
        assert_eq!(a[11 * m], binv[11 * m] / d[11]);
    }

    /// The inversion of a sparse 0/1 basis (as a master's) is its inverse,
    /// and the dispatched and plain kernels give the same bits.
    #[test]
    fn inverts_a_sparse_basis_alike_on_every_kernel() {
        let m = 41;
        let mut z = 0x0bad_5eed_u64;
        let mut next = || {
            z ^= z << 13;
            z ^= z >> 7;
            z ^= z << 17;
            z
        };
        // The identity plus a few random 1s below the diagonal: lower
        // triangular with unit diagonal, hence invertible.
        let mut a = vec![0.0; m * m];
        for i in 0..m {
            a[i * m + i] = 1.0;
            for _ in 0..3 {
                let k = (next() % m as u64) as usize;
                if k < i {
                    a[i * m + k] = 1.0;
                }
            }
        }
        let order: Vec<usize> = (0..m).rev().collect();
        let (inv, row_of) = invert(&mut a.clone(), m, &order).expect("invertible");
        let (plain, plain_rows) = invert_any(&mut a.clone(), m, &order).expect("invertible");
        assert_eq!(row_of, plain_rows);
        assert!(
            inv.iter()
                .zip(&plain)
                .all(|(x, y)| x.to_bits() == y.to_bits())
        );
        // Row k of a⁻¹ is row row_of[k] of P a⁻¹: a⁻¹ a = I.
        for k in 0..m {
            let r = row_of[k];
            for c in 0..m {
                let v: f64 = (0..m).map(|t| inv[r * m + t] * a[t * m + c]).sum();
                let want = if k == c { 1.0 } else { 0.0 };
                assert!((v - want).abs() < 1e-12, "({k}, {c}) is {v}");
            }
        }
        // A singular matrix (a zero column) is refused.
        let mut singular = a.clone();
        (0..m).for_each(|i| singular[i * m + 3] = 0.0);
        assert!(invert(&mut singular, m, &order).is_none());
    }
}
