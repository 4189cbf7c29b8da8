//! Branching: a node is the list of decisions from the root; decisions
//! become pricing rules. Branches go on the most fractional unit pair
//! (Ryan–Foster: together or apart), else on a leader–unit pair; a
//! column-fixing dive looks for incumbents.

use super::master::NodeResult;
use super::{Engine, trace};
use crate::assign::pricing::Rules;
/// Dead ends a dive may back out of (each then tries the next column of
/// its latest step with one left), with searched pricing.
const DIVE_BACKTRACKS: usize = 4;

/// A dive's step that may still try another column: the decisions and
/// basis before its fix, its candidate columns (largest value first) and
/// the next to try.
struct DiveStep {
    decisions: Vec<Decision>,
    basis: Vec<usize>,
    cands: Vec<usize>,
    next: usize,
}

/// A branching decision; a node is the list of decisions from the root.
#[derive(Clone, Copy, Debug)]
pub(super) enum Decision {
    Together(u16, u16),
    Apart(u16, u16),
    Force(u32, u16),
    Forbid(u32, u16),
}

impl Engine<'_> {
    pub(super) fn rules_for(&self, decisions: &[Decision]) -> Rules {
        let mut r = Rules::root(self.p);
        r.restricted = !decisions.is_empty();
        for &d in decisions {
            match d {
                Decision::Together(a, b) | Decision::Apart(a, b) => {
                    let t = matches!(d, Decision::Together(..));
                    r.partners[a as usize].push((b, t));
                    r.partners[b as usize].push((a, t));
                    r.has_pairs = true;
                }
                Decision::Force(l, u) => {
                    r.required[l as usize].push(u);
                    for o in 0..self.nl {
                        if o != l as usize {
                            r.allowed[o * self.nu + u as usize] = false;
                        }
                    }
                }
                Decision::Forbid(l, u) => r.allowed[l as usize * self.nu + u as usize] = false,
            }
        }
        r
    }

    /// Chooses a branching: the most fractional unit pair, else the most
    /// fractional leader–unit pair. Returns (preferred child, other child).
    pub(super) fn branch(&self, values: &[(usize, f64)]) -> (Decision, Decision) {
        let nu = self.nu;
        let mut pair = vec![0.0f64; nu * nu];
        let mut lu = vec![0.0f64; self.nl * nu];
        for &(j, x) in values {
            let (l, b) = self.col_owner[j];
            let us = self.bundles.units(b as usize);
            for (i, &a) in us.iter().enumerate() {
                lu[l as usize * nu + a as usize] += x;
                for &c in &us[i + 1..] {
                    let (lo, hi) = if a < c { (a, c) } else { (c, a) };
                    pair[lo as usize * nu + hi as usize] += x;
                }
            }
        }
        let frac = |v: f64| v.min(1.0 - v);
        let mut best = (1e-6, usize::MAX);
        for (i, &v) in pair.iter().enumerate() {
            if frac(v) > best.0 {
                best = (frac(v), i);
            }
        }
        if best.1 != usize::MAX {
            let (a, c) = ((best.1 / nu) as u16, (best.1 % nu) as u16);
            let (t, s) = (Decision::Together(a, c), Decision::Apart(a, c));
            return if pair[best.1] >= 0.5 { (t, s) } else { (s, t) };
        }
        let mut best = (1e-6, usize::MAX);
        for (i, &v) in lu.iter().enumerate() {
            if frac(v) > best.0 {
                best = (frac(v), i);
            }
        }
        let i = if best.1 == usize::MAX {
            // Values integral per pair yet not per column: cannot happen for
            // distinct columns; branch on the first column's first unit.
            let (l, b) = self.col_owner[values[0].0];
            l as usize * nu + self.bundles.units(b as usize).first().copied().unwrap_or(0) as usize
        } else {
            best.1
        };
        let (l, u) = ((i / nu) as u32, (i % nu) as u16);
        let (f, x) = (Decision::Force(l, u), Decision::Forbid(l, u));
        if lu[i] >= 0.5 { (f, x) } else { (x, f) }
    }

    /// Column-fixing dive: repeatedly force the largest fractional column's
    /// units to its leader and re-solve, until integral or dead. A dead
    /// end (pruned or infeasible) goes back to the latest step with an
    /// untried candidate and fixes the next largest column there instead,
    /// a few times per dive: one dive from the root missed 90×30's optimum
    /// (298.3 for 291.99) and the tree then pruned nothing for 40 s.
    pub(super) fn dive(&mut self, mut decisions: Vec<Decision>, mut basis: Vec<usize>, bound: f64) {
        let mut frames: Vec<DiveStep> = Vec::new();
        let mut backtracks = 0;
        // Only with searched pricing: small townships keep their plans.
        let most = if self.searcher.is_some() {
            DIVE_BACKTRACKS
        } else {
            0
        };
        for _ in 0..(self.nu + 1) * (1 + most) {
            let rules = self.rules_for(&decisions);
            let mut b = bound;
            let res = self.solve_node(&rules, &basis, &mut b);
            trace(
                self.started,
                &format!(
                    "  dive step {}: bound {b:.3} {}",
                    decisions.len(),
                    match &res {
                        NodeResult::Pruned => "pruned",
                        NodeResult::Infeasible => "infeasible",
                        NodeResult::TimeUp => "time up",
                        NodeResult::Integral(_) => "integral",
                        NodeResult::Fractional(_) => "fractional",
                    }
                ),
            );
            match res {
                NodeResult::Integral(cols) => {
                    self.offer_columns(&cols);
                    return;
                }
                NodeResult::Fractional(values) => {
                    let mut cands: Vec<(usize, f64)> = values
                        .iter()
                        .copied()
                        .filter(|&(_, x)| x < 1.0 - 1e-6)
                        .collect();
                    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                    let cands: Vec<usize> = cands.into_iter().map(|(j, _)| j).take(3).collect();
                    let here = self.lp.basis.clone();
                    let first = cands[0];
                    frames.push(DiveStep {
                        decisions: decisions.clone(),
                        basis: here.clone(),
                        cands,
                        next: 1,
                    });
                    self.fix_column(&mut decisions, first);
                    basis = here;
                }
                NodeResult::Pruned | NodeResult::Infeasible if backtracks < most => {
                    // The latest step with a candidate left.
                    while frames.last().is_some_and(|f| f.next >= f.cands.len()) {
                        frames.pop();
                    }
                    let Some(frame) = frames.last_mut() else {
                        return;
                    };
                    backtracks += 1;
                    let j = frame.cands[frame.next];
                    frame.next += 1;
                    decisions = frame.decisions.clone();
                    basis = frame.basis.clone();
                    self.fix_column(&mut decisions, j);
                }
                _ => return,
            }
        }
    }

    /// Fixes column `j` exactly: its units forced to its leader, every
    /// other unit forbidden to that leader.
    fn fix_column(&self, decisions: &mut Vec<Decision>, j: usize) {
        let (l, bi) = self.col_owner[j];
        let units = self.bundles.units(bi as usize);
        for u in 0..self.nu as u16 {
            decisions.push(if units.contains(&u) {
                Decision::Force(l, u)
            } else {
                Decision::Forbid(l, u)
            });
        }
    }
}
