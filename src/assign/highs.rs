//! HiGHS baseline (feature `highs`): the whole enumerated bundle model handed
//! to good_lp's HiGHS backend as one MIP. Used to cross-check the pure-Rust
//! engine and as the benchmark's baseline.

use super::leaders::{LeaderProblem, LeaderSolution, SolveOptions};

pub fn solve_highs(_p: &LeaderProblem, _opts: &SolveOptions) -> LeaderSolution {
    unimplemented!()
}
