//! Branching: a node is the list of decisions from the root; decisions
//! become pricing rules. Branches go on the most fractional unit pair
//! (Ryan–Foster: together or apart), else on a leader–unit pair; a
//! column-fixing dive looks for incumbents.

use super::master::NodeResult;
use super::{Engine, trace};
use crate::assign::pricing::Rules;
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
    /// units to its leader and re-solve, until integral or dead.
    pub(super) fn dive(&mut self, mut decisions: Vec<Decision>, mut basis: Vec<usize>, bound: f64) {
        for _ in 0..self.nu + 1 {
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
                    let &(j, _) = values
                        .iter()
                        .filter(|&&(_, x)| x < 1.0 - 1e-6)
                        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                        .expect("fractional");
                    // Fix the column exactly: its units forced to its
                    // leader, every other unit forbidden to that leader.
                    let (l, bi) = self.col_owner[j];
                    let units = self.bundles.units(bi as usize);
                    for u in 0..self.nu as u16 {
                        decisions.push(if units.contains(&u) {
                            Decision::Force(l, u)
                        } else {
                            Decision::Forbid(l, u)
                        });
                    }
                    basis = self.lp.basis.clone();
                }
                _ => return,
            }
        }
    }
}
