//! Enumerates every bundle (set of units one leader might cover) once per
//! problem, with its leader-independent base cost (balance + travel) and its
//! units in best tour order. Pricing scans this store instead of solving a
//! subproblem, so any branching rule on bundles is trivial to honour.

use super::leaders::{LeaderProblem, base_cost, tour_into};
use rayon::prelude::*;

pub(crate) const PAD: u16 = u16::MAX;

pub(crate) struct Bundles {
    /// Largest bundle size (row stride of `units`).
    pub stride: usize,
    /// Units per bundle in tour order, padded with PAD.
    pub units: Vec<u16>,
    pub size: Vec<u8>,
    pub base: Vec<f64>,
}

impl Bundles {
    pub(crate) fn len(&self) -> usize {
        self.size.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.size.is_empty()
    }

    /// A store with no bundles yet, for bundles of up to `stride` units
    /// (filled by the pricing search).
    pub(crate) fn empty(stride: usize) -> Bundles {
        Bundles {
            stride: stride.max(1),
            units: Vec::new(),
            size: Vec::new(),
            base: Vec::new(),
        }
    }

    pub(crate) fn units(&self, b: usize) -> &[u16] {
        let s = b * self.stride;
        &self.units[s..s + self.size[b] as usize]
    }

    /// Upper estimate of the bundle count: combinations of the units someone
    /// may take, over the sizes some leader may have.
    pub(crate) fn count_estimate(p: &LeaderProblem) -> f64 {
        let n = p.workload.len();
        let e = (0..n)
            .filter(|&u| p.leaders.iter().any(|l| l.allowed[u] && l.max_units > 0))
            .count();
        let kmax = p
            .leaders
            .iter()
            .map(|l| l.max_units)
            .max()
            .unwrap_or(0)
            .min(e);
        (0..=kmax)
            .filter(|&k| {
                p.leaders
                    .iter()
                    .any(|l| l.min_units <= k && k <= l.max_units)
            })
            .map(|k| (0..k).fold(1.0, |c, i| c * (e - i) as f64 / (i + 1) as f64))
            .sum()
    }

    /// All bundles some leader may take (size within its bounds, every unit
    /// allowed), except those whose base cost alone, plus the cheapest the
    /// other leaders could possibly cost, reaches `upper` (they cannot be in a
    /// plan better than the incumbent).
    pub(crate) fn enumerate(p: &LeaderProblem, upper: f64, floors: &[f64]) -> Bundles {
        let n = p.workload.len();
        let stride = p
            .leaders
            .iter()
            .map(|l| l.max_units)
            .max()
            .unwrap_or(0)
            .min(n);
        let floor_total: f64 = floors.iter().sum();
        let limit = upper - floor_total;
        let eligible: Vec<usize> = (0..n)
            .filter(|&u| p.leaders.iter().any(|l| l.allowed[u] && l.max_units > 0))
            .collect();
        let mut out = Bundles {
            stride: stride.max(1),
            units: Vec::new(),
            size: Vec::new(),
            base: Vec::new(),
        };
        for k in 0..=stride {
            if !p
                .leaders
                .iter()
                .any(|l| l.min_units <= k && k <= l.max_units)
            {
                continue;
            }
            if k == 0 {
                out.push(&[], base_cost(p, 0.0, 0.0));
                continue;
            }
            if k > eligible.len() {
                break;
            }
            // Split by first unit so threads work independently; collecting
            // in index order keeps the store identical from run to run.
            let parts: Vec<(Vec<u16>, Vec<f64>)> = (0..eligible.len())
                .into_par_iter()
                .map(|first| {
                    let mut us = Vec::new();
                    let mut bs = Vec::new();
                    let mut idx: Vec<usize> = (first..first + k).collect();
                    if idx[k - 1] >= eligible.len() {
                        return (us, bs);
                    }
                    let mut combo = vec![0usize; k];
                    let mut order = vec![0usize; k];
                    loop {
                        for (c, &i) in combo.iter_mut().zip(&idx) {
                            *c = eligible[i];
                        }
                        if someone_may_take(p, &combo) {
                            let load: f64 = combo.iter().map(|&u| p.workload[u]).sum();
                            let tour = tour_into(p, &combo, &mut order);
                            let base = base_cost(p, load, tour);
                            if base < limit {
                                us.extend(order.iter().map(|&u| u as u16));
                                bs.push(base);
                            }
                        }
                        // Next combination with idx[0] == first fixed.
                        let mut i = k;
                        loop {
                            if i == 1 {
                                return (us, bs);
                            }
                            i -= 1;
                            if idx[i] < eligible.len() - (k - i) {
                                idx[i] += 1;
                                for j in (i + 1)..k {
                                    idx[j] = idx[j - 1] + 1;
                                }
                                break;
                            }
                        }
                    }
                })
                .collect();
            // Reserve exactly: growth by doubling would briefly hold twice
            // the store, the peak memory of the whole solve.
            let count: usize = parts.iter().map(|(_, bs)| bs.len()).sum();
            out.units.reserve_exact(count * out.stride);
            out.size.reserve_exact(count);
            out.base.reserve_exact(count);
            for (us, bs) in parts {
                for (chunk, &b) in us.chunks_exact(k).zip(&bs) {
                    out.push(chunk, b);
                }
            }
        }
        out
    }

    pub(crate) fn push(&mut self, units: &[u16], base: f64) {
        self.units.extend_from_slice(units);
        self.units
            .extend(std::iter::repeat_n(PAD, self.stride - units.len()));
        self.size.push(units.len() as u8);
        self.base.push(base);
    }
}

fn someone_may_take(p: &LeaderProblem, units: &[usize]) -> bool {
    let k = units.len();
    p.leaders
        .iter()
        .any(|l| l.min_units <= k && k <= l.max_units && units.iter().all(|&u| l.allowed[u]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assign::random_problem;

    #[test]
    fn counts_all_combinations() {
        let mut p = random_problem(3, 7, 1, 3, 5);
        for l in &mut p.leaders {
            l.allowed = vec![true; 7];
        }
        let b = Bundles::enumerate(&p, f64::INFINITY, &[0.0; 3]);
        assert_eq!(b.len(), 7 + 21 + 35);
        let total: usize = (0..b.len()).map(|i| b.units(i).len()).sum();
        assert_eq!(total, 7 + 42 + 105);
        assert_eq!(Bundles::count_estimate(&p), 63.0);
    }
}
