//! The exact leader-assignment engine: given an abstract problem (leaders with
//! unit-count bounds and per-unit permissions, units with workloads, travel
//! times and objective weights), find a plan that gives every unit exactly one
//! leader at minimum cost, together with a proven lower bound.
//!
//! The method is branch-and-price on the set-partitioning model over bundles
//! (the few units one leader covers): a small dense revised simplex solves the
//! restricted master LP, pricing enumerates each bundle once per problem, and a
//! tree branching on unit pairs (Ryan–Foster) and leader–unit pairs closes the
//! gap. Everything is pure Rust and deterministic for a given problem and seed.

mod bnp;
mod bundles;
mod heuristic;
#[cfg(feature = "highs")]
mod highs;
pub mod leaders;
mod pricing;
mod random;
mod report;
mod simplex;

#[cfg(feature = "highs")]
pub use highs::solve_highs;
pub use leaders::{
    CountProblem, LeaderProblem, LeaderSolution, LeaderSpec, SolveOptions, SolveStats, Status,
    best_tour, bundle_cost, check_plan, diagnose_counts, plan_cost, solve,
};
pub use random::random_problem;
pub use report::{peak_rss_mib, table_header, table_row};
