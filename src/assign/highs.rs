//! HiGHS baseline (feature `highs`): the whole enumerated bundle model — one
//! binary per allowed leader–bundle pair, unit rows, leader rows and the
//! change-limit row — handed to good_lp's HiGHS backend as one MIP. Used to
//! cross-check the pure-Rust engine and as the benchmark's baseline.

use super::bundles::Bundles;
use super::leaders::{
    LeaderProblem, LeaderSolution, SolveOptions, SolveStats, Status, best_tour, plan_cost,
    relative_gap,
};
use super::pricing::{self, Rules};
use good_lp::{Expression, ProblemVariables, constraint, highs, variable};
use std::time::Instant;

/// Solves the full bundle MIP with HiGHS (one thread, so runs repeat).
pub fn solve_highs(p: &LeaderProblem, opts: &SolveOptions) -> LeaderSolution {
    let start = Instant::now();
    if super::leaders::diagnose_counts(p).is_some() {
        return LeaderSolution::infeasible();
    }
    let nl = p.leaders.len();
    let nu = p.workload.len();
    let bundles = Bundles::enumerate(p, f64::INFINITY, &vec![0.0; nl]);
    let rules = Rules::root(p);
    let mut vars = ProblemVariables::new();
    let mut cols: Vec<(usize, usize)> = Vec::new();
    let mut handles = Vec::new();
    let mut objective = Expression::from(0.0);
    let mut unit_rows: Vec<Expression> = (0..nu).map(|_| Expression::from(0.0)).collect();
    let mut leader_rows: Vec<Expression> = (0..nl).map(|_| Expression::from(0.0)).collect();
    let mut change_row = Expression::from(0.0);
    for (l, leader_row) in leader_rows.iter_mut().enumerate() {
        for b in 0..bundles.len() {
            let us = bundles.units(b);
            if !rules.column_ok(p, l, us) {
                continue;
            }
            let (uc, ch) = pricing::leader_extra(p, l, us);
            let x = vars.add(variable().binary());
            objective.add_mul(bundles.base[b] + uc, x);
            for &u in us {
                unit_rows[u as usize] += x;
            }
            *leader_row += x;
            if ch > 0 {
                change_row.add_mul(ch as f64, x);
            }
            cols.push((l, b));
            handles.push(x);
        }
    }
    let mut model = vars.minimise(objective).using(highs);
    for e in unit_rows.into_iter().chain(leader_rows) {
        model = good_lp::SolverModel::with(model, constraint::eq(e, 1.0));
    }
    if let Some((limit, _)) = &p.max_changes {
        model = good_lp::SolverModel::with(model, constraint::leq(change_row, *limit as f64));
    }
    let mut inner = model.into_inner();
    inner.make_quiet();
    inner.set_option("time_limit", opts.time_limit.as_secs_f64());
    inner.set_option("threads", 1);
    inner.set_option("mip_rel_gap", 0.0);
    inner.set_option("random_seed", (opts.seed % i32::MAX as u64) as i32);
    let solved = inner.solve();
    let status = format!("{:?}", solved.status());
    let bound = solved
        .double_info_value(c"mip_dual_bound")
        .unwrap_or(f64::NEG_INFINITY);
    let stats = SolveStats {
        nodes: solved.int_info_value(c"mip_node_count").unwrap_or(0) as usize,
        columns: cols.len(),
        bundles: bundles.len(),
        seconds: start.elapsed().as_secs_f64(),
        ..SolveStats::default()
    };
    if status == "Infeasible" {
        return LeaderSolution {
            stats,
            ..LeaderSolution::infeasible()
        };
    }
    let values = solved.get_solution();
    let values = values.columns();
    let mut plan = vec![Vec::new(); nl];
    let mut found = 0;
    for (i, &(l, b)) in cols.iter().enumerate() {
        if values.get(i).is_some_and(|&v| v > 0.5) {
            let units: Vec<usize> = bundles.units(b).iter().map(|&u| u as usize).collect();
            plan[l] = best_tour(p, &units).1;
            found += 1;
        }
    }
    if found != nl || super::leaders::check_plan(p, &plan).is_err() {
        return LeaderSolution {
            status: Status::NoSolutionInTime,
            bundles: Vec::new(),
            cost: f64::INFINITY,
            lower_bound: bound,
            gap: 1.0,
            stats,
        };
    }
    let cost = plan_cost(p, &plan);
    let optimal = status == "Optimal";
    let lower_bound = if optimal { bound.min(cost) } else { bound };
    LeaderSolution {
        status: if optimal {
            Status::Optimal
        } else {
            Status::Feasible
        },
        bundles: plan,
        cost,
        lower_bound,
        gap: relative_gap(cost, lower_bound),
        // HiGHS stops short of its proof only at the time limit.
        stats: SolveStats {
            stopped: (!optimal).then_some(super::leaders::Stopped::Time),
            ..stats
        },
    }
}
