//! Tour minutes for the pricing search: the best tour through a small set
//! of units, by trying every order directly, and whether the township's
//! minutes obey the triangle inequality (so that a partial bundle's tour
//! bounds every extension's).

use crate::assign::leaders::{LeaderProblem, tour_into};

/// Best tour minutes through `set` (any order). Up to 4 units every
/// order is tried directly (24 at most, summed in the same order as
/// `tour_into`, so the number is bit for bit the same): cheaper than
/// the cache of tours this replaced, whose hashing and locking were
/// most of the search's time.
pub(super) fn best(p: &LeaderProblem, set: &[u16]) -> f64 {
    let k = set.len();
    if k == 0 {
        return 0.0;
    }
    if k > 4 {
        let mut s: Vec<usize> = set.iter().map(|&u| u as usize).collect();
        s.sort_unstable();
        let mut o = vec![0; k];
        return tour_into(p, &s, &mut o);
    }
    let mut u = [0usize; 4];
    for (d, &x) in u.iter_mut().zip(set) {
        *d = x as usize;
    }
    let o = &p.office_minutes;
    if k == 1 {
        return 2.0 * o[u[0]];
    }
    let d = |a: usize, b: usize| p.unit_minutes[a][b];
    let mut best = f64::INFINITY;
    match k {
        2 => {
            for (a, b) in [(u[0], u[1]), (u[1], u[0])] {
                best = best.min(o[a] + d(a, b) + o[b]);
            }
        }
        3 => {
            for q in PERMS3 {
                let (a, b, c) = (u[q[0]], u[q[1]], u[q[2]]);
                best = best.min(o[a] + d(a, b) + d(b, c) + o[c]);
            }
        }
        _ => {
            for q in PERMS4 {
                let (a, b, c, e) = (u[q[0]], u[q[1]], u[q[2]], u[q[3]]);
                best = best.min(o[a] + d(a, b) + d(b, c) + d(c, e) + o[e]);
            }
        }
    }
    best
}

const PERMS3: [[usize; 3]; 6] = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
];

const PERMS4: [[usize; 4]; 24] = [
    [0, 1, 2, 3],
    [0, 1, 3, 2],
    [0, 2, 1, 3],
    [0, 2, 3, 1],
    [0, 3, 1, 2],
    [0, 3, 2, 1],
    [1, 0, 2, 3],
    [1, 0, 3, 2],
    [1, 2, 0, 3],
    [1, 2, 3, 0],
    [1, 3, 0, 2],
    [1, 3, 2, 0],
    [2, 0, 1, 3],
    [2, 0, 3, 1],
    [2, 1, 0, 3],
    [2, 1, 3, 0],
    [2, 3, 0, 1],
    [2, 3, 1, 0],
    [3, 0, 1, 2],
    [3, 0, 2, 1],
    [3, 1, 0, 2],
    [3, 1, 2, 0],
    [3, 2, 0, 1],
    [3, 2, 1, 0],
];

/// Whether office→unit and unit→unit minutes obey the triangle inequality
/// (shortest-path minutes always do), so that adding a unit never shortens
/// the best tour.
pub(super) fn is_metric(p: &LeaderProblem) -> bool {
    let n = p.workload.len();
    let eps = 1e-9;
    let d = |a: usize, b: usize| -> f64 {
        // index n is the office
        match (a == n, b == n) {
            (true, true) => 0.0,
            (true, false) => p.office_minutes[b],
            (false, true) => p.office_minutes[a],
            (false, false) => p.unit_minutes[a][b],
        }
    };
    for a in 0..=n {
        for b in 0..=n {
            let dab = d(a, b);
            if a != b && (dab - d(b, a)).abs() > eps * dab.abs().max(1.0) {
                return false;
            }
            for c in 0..=n {
                if dab > d(a, c) + d(c, b) + eps * dab.abs().max(1.0) {
                    return false;
                }
            }
        }
    }
    true
}
