//! Checks the leader-assignment engine against brute force on tiny instances,
//! and its handling of bounds, permissions, unit costs, the change limit,
//! infeasibility and determinism.

use std::time::Duration;
use zhudian::assign::{
    LeaderProblem, LeaderSolution, Pricing, PricingChoice, SolveOptions, Status, Stopped,
    bundle_cost, check_plan, plan_cost, random_problem, solve,
};

fn opts(seed: u64) -> SolveOptions {
    SolveOptions {
        time_limit: Duration::from_secs(20),
        seed,
        ..SolveOptions::default()
    }
}

/// Optimal cost by trying every owner vector (None when infeasible).
fn brute_force(p: &LeaderProblem) -> Option<f64> {
    let n = p.workload.len();
    let nl = p.leaders.len();
    let mut owner = vec![0usize; n];
    let mut best: Option<f64> = None;
    loop {
        let mut bundles = vec![Vec::new(); nl];
        for (u, &l) in owner.iter().enumerate() {
            bundles[l].push(u);
        }
        if check_plan(p, &bundles).is_ok() {
            let c = plan_cost(p, &bundles);
            if best.is_none_or(|b| c < b) {
                best = Some(c);
            }
        }
        // Next owner vector (odometer).
        let mut i = 0;
        loop {
            if i == n {
                return best;
            }
            owner[i] += 1;
            if owner[i] < nl {
                break;
            }
            owner[i] = 0;
            i += 1;
        }
    }
}

fn assert_valid(p: &LeaderProblem, s: &LeaderSolution) {
    check_plan(p, &s.bundles).expect("plan breaks a hard rule");
    let c = plan_cost(p, &s.bundles);
    assert!(
        (c - s.cost).abs() < 1e-6 * c.abs().max(1.0),
        "{c} vs {}",
        s.cost
    );
    assert!(s.lower_bound <= s.cost + 1e-6);
}

/// Both pricings (enumeration and search) must find the brute-force optimum.
fn check_against_brute_force(p: &LeaderProblem, seed: u64) {
    for pricing in [PricingChoice::Enumerate, PricingChoice::Search] {
        let o = SolveOptions {
            pricing,
            ..opts(seed)
        };
        check_one(p, seed, &solve(p, &o));
    }
}

fn check_one(p: &LeaderProblem, seed: u64, s: &LeaderSolution) {
    let s = s.clone();
    match brute_force(p) {
        None => assert_eq!(s.status, Status::Infeasible, "seed {seed}"),
        Some(best) => {
            assert_eq!(s.status, Status::Optimal, "seed {seed}");
            assert_valid(p, &s);
            assert!(
                (s.cost - best).abs() < 1e-6,
                "seed {seed}: {} vs {best}",
                s.cost
            );
            assert!(s.lower_bound <= best + 1e-6, "seed {seed}");
        }
    }
}

#[test]
fn matches_brute_force_on_tiny_instances() {
    for seed in 0..40 {
        let min = 1 + (seed % 2) as usize;
        let p = random_problem(3, 7, min, 3, seed);
        check_against_brute_force(&p, seed);
    }
}

#[test]
fn matches_brute_force_with_empty_bundles_and_mixed_bounds() {
    for seed in 0..25 {
        let mut p = random_problem(4, 7, 0, 3, 100 + seed);
        p.leaders[0].min_units = 2;
        p.leaders[1].max_units = 2;
        p.leaders[2].min_units = 1;
        p.leaders[3].max_units = 4;
        check_against_brute_force(&p, seed);
    }
}

#[test]
fn respects_permissions_and_unit_costs() {
    for seed in 0..20 {
        let mut p = random_problem(3, 7, 1, 3, 200 + seed);
        p.leaders[0].allowed[0] = false;
        p.leaders[1].allowed[0] = false;
        p.leaders[2].allowed[3] = false;
        // Continuity-like costs: leader l pays 30 for units other than "its own".
        for (l, spec) in p.leaders.iter_mut().enumerate() {
            for (u, c) in spec.unit_cost.iter_mut().enumerate() {
                *c = if u % 3 == l { 0.0 } else { 30.0 };
            }
        }
        check_against_brute_force(&p, seed);
        let s = solve(&p, &opts(seed));
        if s.status == Status::Infeasible {
            continue;
        }
        assert!(!s.bundles[0].contains(&0) && !s.bundles[1].contains(&0));
        assert!(!s.bundles[2].contains(&3));
        let by_parts: f64 = s
            .bundles
            .iter()
            .enumerate()
            .map(|(l, b)| bundle_cost(&p, l, b))
            .sum();
        assert!((by_parts - s.cost).abs() < 1e-6);
    }
}

#[test]
fn respects_the_change_limit() {
    for seed in 0..20 {
        let mut p = random_problem(3, 7, 1, 3, 300 + seed);
        // Previous plan: unit u belonged to leader u % 3; changing costs nothing
        // but at most `limit` units may change.
        let changed: Vec<Vec<bool>> = (0..3)
            .map(|l| (0..7).map(|u| u % 3 != l).collect())
            .collect();
        let limit = (seed % 4) as usize;
        p.max_changes = Some((limit, changed.clone()));
        check_against_brute_force(&p, seed);
        let s = solve(&p, &opts(seed));
        if s.status == Status::Optimal {
            let n: usize = s
                .bundles
                .iter()
                .enumerate()
                .map(|(l, b)| b.iter().filter(|&&u| changed[l][u]).count())
                .sum();
            assert!(n <= limit);
        }
    }
}

#[test]
fn detects_infeasibility() {
    // Too few places.
    let p = random_problem(3, 10, 1, 3, 1);
    assert_eq!(solve(&p, &opts(1)).status, Status::Infeasible);
    // Too many minimums.
    let p = random_problem(4, 7, 2, 3, 1);
    assert_eq!(solve(&p, &opts(1)).status, Status::Infeasible);
    // A unit nobody may take.
    let mut p = random_problem(3, 7, 1, 3, 1);
    for l in &mut p.leaders {
        l.allowed[4] = false;
    }
    assert_eq!(solve(&p, &opts(1)).status, Status::Infeasible);
    // Counts fine, but the change limit cannot be met (found by the LP).
    let mut p = random_problem(3, 6, 2, 2, 1);
    let changed = vec![vec![true; 6]; 3];
    p.max_changes = Some((5, changed));
    let s = solve(&p, &opts(1));
    assert_eq!(s.status, Status::Infeasible);
    assert!(s.bundles.is_empty());
}

#[test]
fn is_deterministic() {
    let p = random_problem(8, 18, 2, 3, 9);
    let a = solve(&p, &opts(5));
    let b = solve(&p, &opts(5));
    assert_eq!(a.bundles, b.bundles);
    assert_eq!(a.cost, b.cost);
    assert_eq!(a.lower_bound, b.lower_bound);
    assert_eq!(a.stats.nodes, b.stats.nodes);
    assert_eq!(a.stats.columns, b.stats.columns);
}

#[test]
fn proves_optimality_at_12_by_25() {
    let p = random_problem(12, 25, 2, 3, 3);
    let s = solve(&p, &opts(1));
    assert_eq!(s.status, Status::Optimal);
    assert_eq!(s.gap, 0.0);
    assert_valid(&p, &s);
}

#[test]
fn a_cut_short_search_returns_a_valid_plan_and_bound() {
    let p = random_problem(16, 40, 2, 3, 4);
    let full = solve(&p, &opts(1));
    assert_eq!(full.status, Status::Optimal);
    for ms in [0, 30, 150] {
        let s = solve(
            &p,
            &SolveOptions {
                time_limit: Duration::from_millis(ms),
                seed: 1,
                ..SolveOptions::default()
            },
        );
        match s.status {
            Status::Optimal | Status::Feasible => {
                assert_valid(&p, &s);
                assert!(s.lower_bound <= full.cost + 1e-6, "{ms} ms");
                assert!(s.gap >= 0.0 && s.gap <= 1.0);
            }
            Status::NoSolutionInTime => assert!(s.bundles.is_empty()),
            Status::Infeasible => panic!("feasible instance reported infeasible"),
        }
    }
}

#[test]
fn heterogeneous_leaders_with_unit_costs_and_a_change_limit() {
    // Replanning-like: previous owner u % n_leaders, continuity cost 25 per
    // changed unit, at most 3 changes; checked against brute force.
    for seed in 0..12 {
        let mut p = random_problem(3, 7, 1, 3, 900 + seed);
        let changed: Vec<Vec<bool>> = (0..3)
            .map(|l| (0..7).map(|u| u % 3 != l).collect())
            .collect();
        for (l, spec) in p.leaders.iter_mut().enumerate() {
            for (c, &ch) in spec.unit_cost.iter_mut().zip(&changed[l]) {
                *c = if ch { 25.0 } else { 0.0 };
            }
        }
        p.leaders[1].max_units = 2;
        p.max_changes = Some((3, changed));
        check_against_brute_force(&p, seed);
    }
}

#[test]
fn enumerated_pricing_with_leaders_own_costs_is_exact() {
    // Unit costs of both signs, shared by most leaders but not all, and a
    // change limit: enumerated pricing splits them into a shared part and
    // each leader's deviations (negative ones found through the per-unit
    // index); both pricings must find the brute-force optimum.
    for seed in 0..16 {
        let mut p = random_problem(3, 7, 1, 3, 1100 + seed);
        let changed: Vec<Vec<bool>> = (0..3)
            .map(|l| (0..7).map(|u| (u + seed as usize) % 3 != l).collect())
            .collect();
        for (l, spec) in p.leaders.iter_mut().enumerate() {
            for (u, c) in spec.unit_cost.iter_mut().enumerate() {
                *c = match (u * 7 + l * 3 + seed as usize) % 5 {
                    0 => -12.0,
                    1 => 0.0,
                    _ => 18.0,
                };
            }
        }
        p.max_changes = Some(((seed % 5) as usize + 1, changed));
        check_against_brute_force(&p, seed);
    }
}

/// The whole-bundle MIP in HiGHS must agree with the engine's proven optimum.
#[cfg(feature = "highs")]
#[test]
fn highs_agrees_with_the_engine() {
    use zhudian::assign::solve_highs;
    for seed in 0..6 {
        let mut p = random_problem(6, 14, 1 + (seed % 2) as usize, 3, 40 + seed);
        if seed % 3 == 0 {
            let changed: Vec<Vec<bool>> = (0..6)
                .map(|l| (0..14).map(|u| u % 6 != l).collect())
                .collect();
            p.max_changes = Some((5, changed));
        }
        let ours = solve(&p, &opts(seed));
        let theirs = solve_highs(&p, &opts(seed));
        assert_eq!(ours.status, Status::Optimal, "seed {seed}");
        assert_eq!(theirs.status, Status::Optimal, "seed {seed}");
        assert_valid(&p, &theirs);
        assert!(
            (ours.cost - theirs.cost).abs() < 1e-6 * ours.cost.max(1.0),
            "seed {seed}: {} vs {}",
            ours.cost,
            theirs.cost
        );
    }
}

#[test]
fn many_bundles_are_priced_by_search() {
    // 120 units, 2–4 a leader: 8 million bundles, past what is enumerated.
    let p = random_problem(40, 120, 2, 4, 2);
    let s = solve(
        &p,
        &SolveOptions {
            time_limit: Duration::from_secs(60),
            work_limit: Some(20_000),
            ..SolveOptions::default()
        },
    );
    assert_eq!(s.stats.pricing, Pricing::Searched);
    assert_eq!(s.stats.stopped, Some(Stopped::Work));
    assert_eq!(s.status, Status::Feasible);
    assert_valid(&p, &s);
    // Small townships still enumerate, unless continuity costs make each
    // leader's bundles its own (replanning): then they are searched.
    let mut small = random_problem(6, 14, 2, 3, 1);
    assert_eq!(solve(&small, &opts(1)).stats.pricing, Pricing::Enumerated);
    small.leaders[2].unit_cost[5] = 4.0;
    let s = solve(&small, &opts(1));
    assert_eq!(s.stats.pricing, Pricing::Searched);
    assert_eq!(s.status, Status::Optimal);
    // Larger replans (a million bundles at 24×70 with 2–4) enumerate
    // again: their leaders' own costs are priced apart.
    let mut large = random_problem(24, 70, 2, 4, 1);
    large.leaders[3].unit_cost[7] = 5.0;
    let s = solve(
        &large,
        &SolveOptions {
            time_limit: Duration::from_secs(60),
            work_limit: Some(20_000),
            ..SolveOptions::default()
        },
    );
    assert_eq!(s.stats.pricing, Pricing::Enumerated);
    assert_valid(&large, &s);
}

/// A work limit makes a cut-short run reproducible: same plan, bound and
/// counters, whatever the thread count.
#[test]
fn a_work_limit_gives_the_same_answer_every_time() {
    let p = random_problem(16, 40, 2, 3, 4);
    let run = |threads: usize, pricing| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        pool.install(|| {
            solve(
                &p,
                &SolveOptions {
                    time_limit: Duration::from_secs(120),
                    work_limit: Some(3_000),
                    pricing,
                    ..SolveOptions::default()
                },
            )
        })
    };
    for pricing in [PricingChoice::Enumerate, PricingChoice::Search] {
        let a = run(1, pricing);
        let b = run(3, pricing);
        assert_eq!(a.stats.stopped, Some(Stopped::Work), "{pricing:?}");
        assert!(a.stats.work >= 3_000);
        assert_valid(&p, &a);
        assert_eq!(a.bundles, b.bundles, "{pricing:?}");
        assert_eq!(a.cost.to_bits(), b.cost.to_bits());
        assert_eq!(a.lower_bound.to_bits(), b.lower_bound.to_bits());
        assert_eq!(a.stats.work, b.stats.work);
        assert_eq!(a.stats.nodes, b.stats.nodes);
    }
}

/// The searched root starts from artificials priced at the incumbent's cost
/// shares (a cap on the duals) and prices at smoothed duals: every bound it
/// reports, at the root and when cut short by work, stays at or below the
/// optimum proven by brute force or by the enumerating engine.
#[test]
fn stabilised_bounds_never_exceed_the_optimum() {
    let searched = |work: Option<u64>, seed: u64| SolveOptions {
        pricing: PricingChoice::Search,
        work_limit: work,
        time_limit: Duration::from_secs(60),
        ..opts(seed)
    };
    // Tiny: against brute force, with 2–4 units a leader.
    for seed in 0..12u64 {
        let p = random_problem(4, 9, 2, 3 + (seed % 2) as usize, 300 + seed);
        let best = brute_force(&p).expect("feasible");
        let s = solve(&p, &searched(None, seed));
        assert_eq!(s.status, Status::Optimal, "seed {seed}");
        assert!((s.cost - best).abs() < 1e-6, "seed {seed}");
        assert!(s.stats.root_bound <= best + 1e-6, "seed {seed}");
    }
    // Larger, with and without a change limit: the enumerating engine
    // proves the optimum; searched runs cut short by work bound it below.
    for seed in 0..4u64 {
        let mut p = random_problem(9, 24, 2, 4, 400 + seed);
        if seed % 2 == 1 {
            let (nl, nu) = (p.leaders.len(), p.workload.len());
            let changed: Vec<Vec<bool>> = (0..nl)
                .map(|l| (0..nu).map(|u| u % nl != l).collect())
                .collect();
            for (l, spec) in p.leaders.iter_mut().enumerate() {
                spec.unit_cost = (0..nu)
                    .map(|u| if changed[l][u] { 2.0 } else { 0.0 })
                    .collect();
            }
            p.max_changes = Some((nu * 3 / 4, changed));
        }
        let exact = solve(
            &p,
            &SolveOptions {
                pricing: PricingChoice::Enumerate,
                time_limit: Duration::from_secs(120),
                ..opts(seed)
            },
        );
        assert_eq!(exact.status, Status::Optimal, "seed {seed}");
        let best = exact.cost;
        let tol = 1e-7 * best.abs().max(1.0);
        for work in [Some(500), Some(5_000), Some(50_000), None] {
            let s = solve(&p, &searched(work, seed));
            assert_valid(&p, &s);
            assert!(s.lower_bound <= best + tol, "seed {seed} {work:?}");
            if s.stats.nodes > 0 && s.stats.root_bound.is_finite() {
                assert!(s.stats.root_bound <= best + tol, "seed {seed} {work:?}");
            }
            if work.is_none() {
                assert_eq!(s.status, Status::Optimal, "seed {seed}");
                assert!((s.cost - best).abs() <= tol, "seed {seed}");
            }
        }
    }
}

/// Below the root, searched pricing first scans the bundles already found
/// and searches only when they give nothing: it still proves the optimum
/// the enumerating engine proves.
#[test]
fn pricing_below_the_root_tries_known_bundles_first() {
    // Subset-row cuts close most such roots: try seeds until two branch.
    let mut branched = 0;
    for seed in 0..24u64 {
        if branched >= 2 {
            break;
        }
        let p = random_problem(10, 28, 2, 4, 500 + seed);
        let with = |pricing| SolveOptions {
            pricing,
            time_limit: Duration::from_secs(120),
            ..opts(seed)
        };
        let e = solve(&p, &with(PricingChoice::Enumerate));
        let s = solve(&p, &with(PricingChoice::Search));
        assert_eq!(e.status, Status::Optimal, "seed {seed}");
        assert_eq!(s.status, Status::Optimal, "seed {seed}");
        assert_valid(&p, &s);
        assert!((e.cost - s.cost).abs() < 1e-6, "seed {seed}");
        assert!(s.stats.root_bound <= s.cost + 1e-6, "seed {seed}");
        if s.stats.nodes > 1 {
            branched += 1;
            assert!(s.stats.store_rounds > 0, "seed {seed}");
        }
    }
    assert!(branched > 0, "no instance branched");
}
