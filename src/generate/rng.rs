//! The generator's random source: ChaCha8 seeded from the user's seed, read
//! only through `next_u64` so that the draws depend on the ChaCha stream alone
//! and not on how a `rand` release maps bits to ranges.

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};

pub struct Rand(ChaCha8Rng);

impl Rand {
    pub fn new(seed: u64) -> Rand {
        Rand(ChaCha8Rng::seed_from_u64(seed))
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform integer in [0, n); 0 when n is 0.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        ((self.0.next_u64() as u128 * n as u128) >> 64) as u64
    }

    /// Uniform integer in [lo, hi] (inclusive).
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// Uniform real in [lo, hi).
    pub fn real(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Approximately standard normal: the sum of twelve uniforms less six
    /// (Irwin–Hall), within ±6. Only additions, so the same bits everywhere.
    pub fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }

    /// Log-normal with the given median and log-scale spread.
    pub fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * exp(sigma * self.normal())
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// e^x by its Taylor series after halving x until small, then squaring back:
/// only + × ÷, so that the generator's output does not depend on the
/// platform's maths library. Accurate to a few ulps for |x| ≤ 40.
pub fn exp(x: f64) -> f64 {
    let mut halvings = 0;
    let mut r = x;
    while r.abs() > 0.5 {
        r /= 2.0;
        halvings += 1;
    }
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..25 {
        term *= r / k as f64;
        sum += term;
    }
    for _ in 0..halvings {
        sum *= sum;
    }
    sum
}

/// Splits `total` into integers near `weights` (proportionally), each within
/// `[lo[i], hi[i]]`, adding up to `total` exactly. Needs `Σlo ≤ total ≤ Σhi`.
/// Deterministic: ties go to the lower index.
pub fn apportion(total: usize, weights: &[f64], lo: &[usize], hi: &[usize]) -> Option<Vec<usize>> {
    let n = weights.len();
    let sum_lo: usize = lo.iter().sum();
    let sum_hi: usize = hi.iter().sum();
    if sum_lo > total || total > sum_hi || lo.iter().zip(hi).any(|(a, b)| a > b) {
        return None;
    }
    let w: f64 = weights.iter().sum::<f64>().max(1e-12);
    let ideal: Vec<f64> = weights.iter().map(|x| x / w * total as f64).collect();
    let mut out = lo.to_vec();
    for _ in sum_lo..total {
        let mut best = usize::MAX;
        let mut best_gap = f64::NEG_INFINITY;
        for i in 0..n {
            if out[i] >= hi[i] {
                continue;
            }
            let gap = ideal[i] - out[i] as f64;
            if gap > best_gap + 1e-9 {
                best_gap = gap;
                best = i;
            }
        }
        out[best] += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_is_exact_within_bounds() {
        let w = [3.0, 1.0, 1.0, 0.0];
        let c = apportion(10, &w, &[0, 0, 0, 1], &[5, 10, 10, 10]).unwrap();
        assert_eq!(c.iter().sum::<usize>(), 10);
        assert_eq!(c, vec![5, 2, 2, 1]);
        assert!(apportion(3, &w, &[1, 1, 1, 1], &[9; 4]).is_none());
        assert!(apportion(50, &w, &[0; 4], &[9; 4]).is_none());
    }

    #[test]
    fn exp_matches_the_library_closely() {
        for i in -40..=40 {
            let x = i as f64 * 0.37;
            let (a, b) = (exp(x), x.exp());
            assert!(((a - b) / b).abs() < 1e-12, "{x}: {a} vs {b}");
        }
    }

    #[test]
    fn draws_stay_in_range_and_repeat_per_seed() {
        let mut a = Rand::new(9);
        let mut b = Rand::new(9);
        for _ in 0..1000 {
            let x = a.int(3, 7);
            assert!((3..=7).contains(&x));
            assert_eq!(x, b.int(3, 7));
            let u = a.unit();
            assert!((0.0..1.0).contains(&u));
            assert_eq!(u, b.unit());
        }
    }
}
