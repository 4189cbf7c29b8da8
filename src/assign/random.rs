//! Random test and benchmark instances, and the small seeded generator the
//! engine uses wherever it needs randomness (stable across crate upgrades, so
//! the same seed gives the same instance and the same plan forever).

use super::leaders::{LeaderProblem, LeaderSpec};

/// SplitMix64: tiny, fast, and fully determined by its seed.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Standard normal (Box–Muller).
    pub(crate) fn normal(&mut self) -> f64 {
        let a = self.unit().max(1e-12);
        let b = self.unit();
        (-2.0 * a.ln()).sqrt() * (std::f64::consts::TAU * b).cos()
    }
}

/// A random instance: units at random points in a 30 km square with the
/// office at its centre, minutes = 1.5 × Euclidean km, households
/// lognormal-ish in 200..2500, weights balance 1 and travel 0.2, and about one
/// leader in four barred from a random "home" unit.
pub fn random_problem(
    n_leaders: usize,
    n_units: usize,
    min: usize,
    max: usize,
    seed: u64,
) -> LeaderProblem {
    let mut rng = Rng::new(seed.wrapping_mul(0x2545_F491_4F6C_DD1D).wrapping_add(17));
    let pts: Vec<(f64, f64)> = (0..n_units)
        .map(|_| (rng.unit() * 30.0, rng.unit() * 30.0))
        .collect();
    let minutes = |a: (f64, f64), b: (f64, f64)| 1.5 * ((a.0 - b.0).hypot(a.1 - b.1));
    let office = (15.0, 15.0);
    let workload: Vec<f64> = (0..n_units)
        .map(|_| {
            (800.0 * (0.6 * rng.normal()).exp())
                .clamp(200.0, 2500.0)
                .round()
        })
        .collect();
    let target = workload.iter().sum::<f64>() / n_leaders.max(1) as f64;
    let leaders = (0..n_leaders)
        .map(|_| {
            let mut allowed = vec![true; n_units];
            if n_units > 0 && rng.below(4) == 0 {
                allowed[rng.below(n_units)] = false;
            }
            LeaderSpec {
                min_units: min,
                max_units: max,
                allowed,
                unit_cost: vec![0.0; n_units],
            }
        })
        .collect();
    LeaderProblem {
        leaders,
        workload,
        target,
        office_minutes: pts.iter().map(|&q| minutes(office, q)).collect(),
        unit_minutes: pts
            .iter()
            .map(|&a| pts.iter().map(|&b| minutes(a, b)).collect())
            .collect(),
        balance: 1.0,
        travel: 0.2,
        max_changes: None,
    }
}
