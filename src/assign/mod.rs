//! The exact leader-assignment engine: given an abstract problem (leaders with
//! unit-count bounds and per-unit permissions, units with workloads, travel
//! times and objective weights), find a plan that gives every unit exactly one
//! leader at minimum cost, together with a proven lower bound.
//!
//! The method is branch-and-price on the set-partitioning model over bundles
//! (the few units one leader covers): a small dense revised simplex solves the
//! restricted master LP, pricing either scans every bundle enumerated once per
//! problem (small townships) or searches each leader's units by branch and
//! bound (large ones; chosen automatically, reported in
//! [`SolveStats::pricing`]), and a tree branching on unit pairs (Ryan–Foster)
//! and leader–unit pairs closes the gap. Everything is pure Rust and
//! deterministic for a given problem and seed; a run cut by
//! [`SolveOptions::work_limit`] is too, one cut by its time limit stops
//! wherever the clock says.
//!
//! Use: build a [`LeaderProblem`], call [`solve`]; the [`LeaderSolution`] gives
//! per leader the units in tour order, the cost, a proven lower bound and the
//! gap. [`bundle_cost`], [`plan_cost`] and [`best_tour`] compute the same
//! figures for any plan (e.g. a checker); [`check_plan`] verifies the hard
//! rules; [`diagnose_counts`] says why counts or permissions make a plan
//! impossible. Set `ZHUDIAN_TRACE=1` for progress lines on stderr.

mod bnp;
mod bundle_search;
mod bundles;
mod heuristic;
#[cfg(feature = "highs")]
mod highs;
pub mod leaders;
mod pricing;
mod random;
mod report;
mod search_bounds;
mod simplex;

#[cfg(feature = "highs")]
pub use highs::solve_highs;
pub use leaders::{
    CountProblem, LeaderProblem, LeaderSolution, LeaderSpec, Pricing, PricingChoice, SolveOptions,
    SolveStats, Status, Stopped, best_tour, bundle_cost, check_plan, diagnose_counts, plan_cost,
    solve,
};
pub use random::random_problem;
pub use report::{peak_rss_mib, table_header, table_row};
