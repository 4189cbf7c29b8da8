//! Tests of the simplex: small and large partitioning LPs solved to a
//! proven optimum, the work limit's pivot cap, and the perturbed solve.
use super::*;
use std::time::Duration;

/// Pseudo-random draws below `k` (an LCG: the same stream on any machine).
fn draws(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut z = seed;
    move |k| {
        z = z
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (z >> 33) % k
    }
}

#[test]
fn solves_a_tiny_partitioning_lp() {
    // rows: units 0,1,2 = 1; columns {0,1} cost 3, {2} cost 1, {0} 2, {1,2} 2.5
    let mut lp = Lp::new(vec![1.0, 1.0, 1.0]);
    lp.add_column(&[(0, 1.0), (1, 1.0)], 3.0);
    lp.add_column(&[(2, 1.0)], 1.0);
    lp.add_column(&[(0, 1.0)], 2.0);
    lp.add_column(&[(1, 1.0), (2, 1.0)], 2.5);
    let dl = Instant::now() + Duration::from_secs(5);
    assert_eq!(lp.solve(true, dl), LpOutcome::Optimal);
    assert!(lp.infeasibility() < 1e-9);
    assert_eq!(lp.solve(false, dl), LpOutcome::Optimal);
    assert!((lp.objective(false) - 4.0).abs() < 1e-9);
    let y = lp.duals(false);
    // Dual objective equals primal at optimality.
    assert!((y.iter().sum::<f64>() - 4.0).abs() < 1e-9);
}

#[test]
fn devex_pricing_reaches_a_proven_optimum_on_a_large_pool() {
    // 210 units, 12,000 pseudo-random columns of 1–3 units: past
    // PARTIAL_FROM and REFACTOR_ROWS, so partial Devex pricing runs. Optimality is checked
    // by duality: no column prices out and yᵀb equals the objective.
    let m = 210;
    let mut lp = Lp::new(vec![1.0; m]);
    let mut next = draws(7);
    for i in 0..m {
        lp.add_column(&[(i as u32, 1.0)], 10.0);
    }
    while lp.n_cols() < 12_000 + 2 * m {
        let size = 1 + next(3) as usize;
        let mut units: Vec<u32> = (0..size).map(|_| next(m as u64) as u32).collect();
        units.sort_unstable();
        units.dedup();
        let entries: Vec<(u32, f64)> = units.iter().map(|&u| (u, 1.0)).collect();
        let cost = 3.0 * units.len() as f64 + next(1000) as f64 / 100.0;
        lp.add_column(&entries, cost);
    }
    let dl = Instant::now() + Duration::from_secs(30);
    assert_eq!(lp.solve(true, dl), LpOutcome::Optimal);
    assert!(lp.infeasibility() < 1e-9);
    assert_eq!(lp.solve(false, dl), LpOutcome::Optimal);
    let y = lp.duals(false);
    let obj = lp.objective(false);
    assert!((y.iter().sum::<f64>() - obj).abs() < 1e-6, "{obj}");
    for j in m..lp.n_cols() {
        assert!(lp.reduced_cost(j, &y, false) > -1e-7, "column {j}");
    }
    assert!(lp.weights.iter().any(|&w| w > 1.0), "Devex weights moved");
}

/// A perturbed solve reaches the unperturbed optimum exactly (the same
/// objective, values feasible for the true bounds, no column pricing
/// out) with fewer degenerate pivots, on a degenerate partitioning LP.
#[test]
fn a_perturbed_solve_ends_at_the_true_optimum_with_fewer_degenerate_pivots() {
    let m = 150;
    let build = |perturb: bool| {
        let mut lp = Lp::new(vec![1.0; m]);
        lp.perturb = perturb;
        let mut next = draws(3);
        // Priced artificials instead of a phase 1, as the engine's
        // root does: the whole solve is phase 2.
        for i in 0..m {
            lp.forbidden[i] = false;
            lp.cost[i] = 50.0;
        }
        for _ in 0..4000 {
            let size = 2 + next(3) as usize;
            let mut units: Vec<u32> = (0..size).map(|_| next(m as u64) as u32).collect();
            units.sort_unstable();
            units.dedup();
            let entries: Vec<(u32, f64)> = units.iter().map(|&u| (u, 1.0)).collect();
            // Whole-number costs: many ties, hence degenerate vertices.
            lp.add_column(&entries, (4 * units.len()) as f64 + next(4) as f64);
        }
        lp
    };
    let dl = Instant::now() + Duration::from_secs(30);
    let mut plain = build(false);
    let mut shifted = build(true);
    let mut degenerate = Vec::new();
    for lp in [&mut plain, &mut shifted] {
        assert_eq!(lp.solve(false, dl), LpOutcome::Optimal);
        degenerate.push(lp.degenerate_pivots);
        let y = lp.duals(false);
        for j in 0..lp.n_cols() {
            assert!(lp.reduced_cost(j, &y, false) > -1e-7, "column {j}");
        }
        assert!(lp.x.iter().all(|&x| x > -1e-9), "values feasible");
    }
    let (a, b) = (plain.objective(false), shifted.objective(false));
    assert!((a - b).abs() < 1e-7, "{a} vs {b}");
    assert!(degenerate[1] < degenerate[0], "{degenerate:?}");
}

/// A pivot cap (the engine's work limit) stops a solve where it is
/// reached, and a later solve with the cap lifted carries on to the
/// optimum.
#[test]
fn a_pivot_cap_stops_the_solve_and_a_later_one_finishes_it() {
    let m = 40;
    let mut lp = Lp::new(vec![1.0; m]);
    for i in 0..m {
        lp.add_column(
            &[(i as u32, 1.0), (((i + 1) % m) as u32, 1.0)],
            2.0 + (i % 3) as f64,
        );
        lp.add_column(&[(i as u32, 1.0)], 1.5);
    }
    let dl = Instant::now() + Duration::from_secs(30);
    lp.pivot_cap = 5;
    assert_eq!(lp.solve(true, dl), LpOutcome::TimeUp);
    assert_eq!(lp.pivots, 5);
    lp.pivot_cap = usize::MAX;
    assert_eq!(lp.solve(true, dl), LpOutcome::Optimal);
    assert!(lp.pivots > 5);
    assert_eq!(lp.solve(false, dl), LpOutcome::Optimal);
    let y = lp.duals(false);
    assert!((y.iter().sum::<f64>() - lp.objective(false)).abs() < 1e-9);
}
