//! The node loop: best-bound search with plunging (the preferred child is
//! solved next, its sibling waits in the heap; on large townships only
//! while no open node has a lower bound), a dive at the root and now
//! and then below it, and the proven bound as the least bound among open
//! nodes when the search stops.

use super::branching::Decision;
use super::master::NodeResult;
use super::{Engine, trace};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Nodes between dives below the root,
const DIVE_EVERY: usize = 200;
/// or while the incumbent is more than `FAR_GAP` above the node's bound,
const DIVE_EVERY_FAR: usize = 50;
const FAR_GAP: f64 = 0.005;
/// and at most this many dives.
const MAX_DIVES: usize = 40;

struct Node {
    decisions: Vec<Decision>,
    bound: f64,
    basis: Vec<usize>,
}

/// Outcome of the tree search: the proven bound, and whether infeasibility
/// was proven.
pub(super) struct SearchEnd {
    pub(super) bound: f64,
    pub(super) proven_infeasible: bool,
}

impl Engine<'_> {
    pub(super) fn search(&mut self) -> SearchEnd {
        let root_basis: Vec<usize> = Vec::new();
        let mut open: BinaryHeap<Reverse<(OrdF64, u64)>> = BinaryHeap::new();
        let mut store: HashMap<u64, Node> = HashMap::new();
        let mut next_id = 0u64;
        let mut plunge: Option<Node> = Some(Node {
            decisions: Vec::new(),
            // Trivial bound: balance and travel terms are never negative.
            bound: self.floors.iter().sum(),
            basis: root_basis,
        });
        let mut root_done = false;
        let mut dives = 0usize;
        loop {
            let node = match plunge.take() {
                Some(n) => n,
                None => match open.pop() {
                    Some(Reverse((_, id))) => store.remove(&id).expect("stored node"),
                    None => break,
                },
            };
            if node.bound >= self.prune_at() {
                continue;
            }
            if self.out_of_budget() {
                let bound = node.bound;
                store.insert(next_id, node);
                open.push(Reverse((OrdF64(bound), next_id)));
                break;
            }
            self.stats.nodes += 1;
            let rules = self.rules_for(&node.decisions);
            let mut bound = node.bound;
            let basis = if node.basis.is_empty() {
                self.initial_basis()
            } else {
                node.basis.clone()
            };
            let is_root = !root_done;
            let mut res = self.solve_node(&rules, if is_root { &[] } else { &basis }, &mut bound);
            if is_root {
                root_done = true;
                self.root_solved = true;
                res = self.cut_rounds(&rules, res, &mut bound);
                // Re-solved after cuts, the root's LP lacks the columns
                // fixed by reduced cost, so its value may pass the
                // incumbent: that proves the incumbent optimal.
                self.stats.root_bound = bound.min(self.upper());
                trace(
                    self.started,
                    &format!(
                        "root bound {bound:.3} ub {:.3} rounds {} pivots {}",
                        self.upper(),
                        self.stats.rounds,
                        self.lp.pivots
                    ),
                );
                if matches!(res, NodeResult::Infeasible) {
                    return SearchEnd {
                        bound: f64::INFINITY,
                        proven_infeasible: true,
                    };
                }
                self.fix_by_reduced_cost();
                trace(
                    self.started,
                    &format!("fixed: {} bundles live", self.live.len()),
                );
            }
            match res {
                NodeResult::Pruned | NodeResult::Infeasible => {}
                NodeResult::TimeUp => {
                    store.insert(next_id, Node { bound, ..node });
                    open.push(Reverse((OrdF64(bound), next_id)));
                    break;
                }
                NodeResult::Integral(cols) => self.offer_columns(&cols),
                NodeResult::Fractional(values) => {
                    let basis = self.lp.basis.clone();
                    let (first, second) = self.branch(&values);
                    // Dives find incumbents; run one at the root and
                    // occasionally while the tree grows.
                    // Far from the bound, more often: the dive from the
                    // root may miss (its path shifts with every pivot),
                    // and while the incumbent stays poor no node is pruned.
                    let far = crate::assign::leaders::relative_gap(self.upper(), bound) > FAR_GAP;
                    let every = if far { DIVE_EVERY_FAR } else { DIVE_EVERY };
                    if is_root || (self.stats.nodes.is_multiple_of(every) && dives < MAX_DIVES) {
                        dives += 1;
                        // Price-and-branch first: cheap, and a good
                        // incumbent prunes the pricing dive early.
                        self.restricted_dive(&rules);
                        self.dive(node.decisions.clone(), basis.clone(), bound);
                        trace(
                            self.started,
                            &format!(
                                "dive: ub {:.3} rounds {} pivots {}",
                                self.upper(),
                                self.stats.rounds,
                                self.lp.pivots
                            ),
                        );
                    }
                    let mut other = node.decisions.clone();
                    other.push(second);
                    store.insert(
                        next_id,
                        Node {
                            decisions: other,
                            bound,
                            basis: basis.clone(),
                        },
                    );
                    open.push(Reverse((OrdF64(bound), next_id)));
                    next_id += 1;
                    let mut d = node.decisions;
                    d.push(first);
                    let child = Node {
                        decisions: d,
                        bound,
                        basis,
                    };
                    // Best bound first on large townships: the proven
                    // bound is the least open bound, and a plunge leaves
                    // it where it is (dives find the incumbents).
                    let lower_open = open
                        .peek()
                        .is_some_and(|Reverse((b, _))| b.0 < bound - 1e-9 * bound.abs().max(1.0));
                    if self.best_first && lower_open {
                        store.insert(next_id, child);
                        open.push(Reverse((OrdF64(bound), next_id)));
                        next_id += 1;
                    } else {
                        plunge = Some(child);
                    }
                }
            }
        }
        trace(
            self.started,
            &format!(
                "pivots {} degenerate {} cleanup {} stuck {} refactors {} rows {}",
                self.lp.pivots,
                self.lp.degenerate_pivots,
                self.lp.cleanup_pivots,
                self.lp.stuck_cleanups,
                self.lp.refactors,
                self.lp.m
            ),
        );
        let mut bound = self.upper();
        if let Some(n) = &plunge {
            bound = bound.min(n.bound);
        }
        for n in store.values() {
            if n.bound < self.prune_at() {
                bound = bound.min(n.bound);
            }
        }
        SearchEnd {
            bound,
            proven_infeasible: false,
        }
    }
}

impl Engine<'_> {
    /// Subset-row cuts at the root: while the LP optimum is fractional and
    /// violates some, add them and solve the root again, until the bound
    /// stops moving.
    fn cut_rounds(
        &mut self,
        rules: &crate::assign::pricing::Rules,
        mut res: NodeResult,
        bound: &mut f64,
    ) -> NodeResult {
        for _ in 0..super::cuts::ROUNDS {
            let NodeResult::Fractional(values) = &res else {
                break;
            };
            let added = self.add_cuts(values);
            if added == 0 {
                break;
            }
            let before = *bound;
            res = self.solve_node(rules, &[], bound);
            trace(
                self.started,
                &format!(
                    "cuts: {added} added ({} in all), bound {before:.3} -> {bound:.3}, rounds {} pivots {}",
                    self.cuts.len(),
                    self.stats.rounds,
                    self.lp.pivots
                ),
            );
            if *bound - before <= 1e-6 * bound.abs().max(1.0) {
                break;
            }
        }
        res
    }
}

/// f64 with a total order, for the node heap.
#[derive(Clone, Copy, PartialEq, Debug)]
struct OrdF64(f64);
impl Eq for OrdF64 {}
impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for OrdF64 {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&o.0)
    }
}
