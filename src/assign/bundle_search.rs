//! Pricing by search instead of enumeration: a leader's most negative
//! reduced-cost bundles are found by depth-first branch and bound over the
//! units the leader may take, so no bundle store is needed and the number of
//! units a leader covers no longer decides whether a bound exists.
//!
//! A bundle B costs f(load) + travel·tour(B) + Σ_{u∈B} w_u − μ_l, where f is
//! the load-deviation term and w_u = unit cost − π_u − σ·changed folds every
//! per-leader, per-unit term (duals, continuity costs, the change-limit dual)
//! into one additive weight, so replanning prices in the same search. Units
//! are tried in increasing w, so the next units in order are the cheapest
//! any extension can add; the tour of a partial bundle bounds every extension
//! (shortest-path minutes obey the triangle inequality, checked once), and
//! the deviation term is bounded from the loads still reachable. The search
//! is exact: it returns every leader's least reduced cost (when negative),
//! which keeps the Lagrangian bound valid. Leaders identical in everything
//! but their dual μ share one search. Subset-row cuts' duals add a penalty
//! (≥ 0) per cut a bundle holds two of the units of; it is carried with the
//! weight sum, and since it only grows as units join, bounds stay valid.

use super::bundles::Bundles;
use super::leaders::{LeaderProblem, base_cost, tour_into};
use super::pricing::{CutIndex, Duals, Priced, Rules};
use super::search_bounds::{Item, Slope, slope_sums, tied_units, ties_of};
use rayon::prelude::*;
use std::collections::HashMap;

/// Groups of more leaders alike than this hand each bundle found to
/// `SPREAD` of their members (by μ) instead of to every member: at 300
/// units (about 75 leaders alike) the root's column generation reached a
/// bound of 821 in 59 rounds instead of 245, and at 120×40 (about 30
/// alike) the gap at 20 M work units fell from 2.85 % to 2.35 %. With the
/// subset-row cuts, two copies made 120×40's dive worse (3.93 % against
/// 1.91 % at 20 M), hence `SPREAD_FROM` for two copies.
const SPREAD_FROM: usize = 40;
const SPREAD: usize = 2;
/// Groups of more than this, up to `SPREAD_FROM`, hand each bundle to one
/// member: at 90×30 (23 alike) every copy made the LP's re-solves a third
/// longer (749k pivots to the proof at seed 1, against 554k). The
/// restricted dive gives the bundles back to the twins (`copy_to_twins`),
/// without which its plans were worse (120×40: 1.2 % for 0.6 % at 30 s).
const ONE_COPY_FROM: usize = 8;

/// How many members of a group of `n` leaders alike each bundle found goes
/// to; None for every member.
pub(crate) fn spread(n: usize) -> Option<usize> {
    if n > SPREAD_FROM {
        Some(SPREAD)
    } else if n > ONE_COPY_FROM {
        Some(1)
    } else {
        None
    }
}

/// Problem-wide data for the search, computed once.
pub(crate) struct SearchPricer {
    /// office and unit minutes obey the triangle inequality
    metric: bool,
    /// unit loads sorted in decreasing order, as prefix sums: the most load
    /// any r more units can add
    top_loads: Vec<f64>,
    /// bundle (units ascending) → its index in the store
    index: HashMap<Vec<u16>, u32>,
}

/// One group's answer: the least cost part (f + travel·tour + Σw) found
/// below the threshold and the kept bundles (cost part, units ascending).
struct Found {
    best: f64,
    kept: Vec<(f64, Vec<u16>)>,
}

/// A search's answers, one per group it searches for, and its nodes (the
/// work counted for `--work-limit`).
struct Hunt {
    found: Vec<Found>,
    nodes: u64,
}

impl Hunt {
    /// Takes in the answers of a search over other first items: each
    /// group's best, and its kept bundles, the least first.
    fn merge(&mut self, other: Hunt, seekers: &[Seeker]) {
        self.nodes += other.nodes;
        for ((f, o), sk) in self.found.iter_mut().zip(other.found).zip(seekers) {
            f.best = f.best.min(o.best);
            f.kept.extend(o.kept);
            f.kept
                .sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
            f.kept.truncate(sk.keep);
        }
    }
}

/// Which of the first level's items a search takes: those `index` modulo
/// `of` (the whole level for one part).
#[derive(Clone, Copy)]
struct Part {
    of: usize,
    index: usize,
}

/// Below the first level, every item.
const WHOLE: Part = Part { of: 1, index: 0 };

/// A group searched: a member standing for it, its largest dual, and how
/// many bundles it keeps.
struct Seeker {
    leader: usize,
    mu: f64,
    keep: usize,
}

/// Groups searched together at most (their bits in a `u64`).
const JOINT_MAX: usize = 64;

impl SearchPricer {
    pub(crate) fn new(p: &LeaderProblem) -> SearchPricer {
        let mut loads = p.workload.clone();
        loads.sort_by(|a, b| b.total_cmp(a));
        let mut top_loads = vec![0.0];
        for l in loads {
            top_loads.push(top_loads.last().unwrap() + l);
        }
        SearchPricer {
            metric: tour::is_metric(p),
            top_loads,
            index: HashMap::new(),
        }
    }

    /// Prices every leader under `rules` and `duals`, adding the bundles
    /// found to `store`. Same contract as `pricing::price`: up to
    /// `per_leader` columns per leader with reduced cost below −`tol`, and
    /// per leader a lower bound (≤ 0) on its least reduced cost. Also
    /// returns the search nodes spent. Deterministic: leaders are searched in
    /// parallel and gathered in leader order.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn price(
        &mut self,
        p: &LeaderProblem,
        store: &mut Bundles,
        rules: &Rules,
        duals: &Duals,
        phase1: bool,
        per_leader: usize,
        tol: f64,
    ) -> (Priced, u64) {
        let nl = p.leaders.len();
        // Group leaders alike in all but μ (planning without continuity
        // costs: most of them).
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut by_key: HashMap<Vec<u64>, usize> = HashMap::new();
        for l in 0..nl {
            let key = self.key(p, rules, l, phase1);
            let g = *by_key.entry(key).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(l);
        }
        // Subset-row cuts add a penalty per bundle, leader-independent and
        // never negative; it only grows as units join, so the partial
        // bundle's penalty bounds its extensions'.
        let cuts = CutIndex::new(rules.nu, duals);
        // The node's together-branches, the same for every group.
        let ties = tied_units(rules);
        // Groups that differ only in the units they may take search
        // together: at 90×30 a quarter of the leaders may not take one unit
        // each, and their eight searches over nearly the same units were
        // three quarters of the pricing.
        let mut joint: Vec<Vec<usize>> = Vec::new();
        let mut by_rest: HashMap<Vec<u64>, usize> = HashMap::new();
        for (g, members) in groups.iter().enumerate() {
            let key = self.key_but_allowed(p, rules, members[0], phase1);
            let at = match by_rest.get(&key) {
                Some(&at) if joint[at].len() < JOINT_MAX => at,
                _ => {
                    joint.push(Vec::new());
                    by_rest.insert(key, joint.len() - 1);
                    joint.len() - 1
                }
            };
            joint[at].push(g);
        }
        let hunts: Vec<Hunt> = joint
            .par_iter()
            .map(|gs| {
                let seekers: Vec<Seeker> = gs
                    .iter()
                    .map(|&g| Seeker {
                        leader: groups[g][0],
                        mu: groups[g]
                            .iter()
                            .map(|&l| duals.mu[l])
                            .fold(f64::NEG_INFINITY, f64::max),
                        // Kept per group: enough for each member's own
                        // best columns.
                        keep: per_leader * groups[g].len().min(4),
                    })
                    .collect();
                self.search(p, rules, duals, &ties, cuts.as_ref(), &seekers, phase1, tol)
            })
            .collect();
        let mut nodes = 0u64;
        let mut found: Vec<Option<Found>> = (0..groups.len()).map(|_| None).collect();
        for (gs, hunt) in joint.iter().zip(hunts) {
            nodes += hunt.nodes;
            for (&g, f) in gs.iter().zip(hunt.found) {
                found[g] = Some(f);
            }
        }
        let found = found.into_iter().map(|f| f.expect("every group searched"));
        let mut min_rc = vec![0.0; nl];
        let mut per: Vec<Vec<(f64, u32)>> = vec![Vec::new(); nl];
        for (g, f) in groups.iter().zip(found) {
            let ids: Vec<u32> = f
                .kept
                .iter()
                .map(|(_, us)| self.intern(p, store, us))
                .collect();
            for &l in g {
                min_rc[l] = (f.best - duals.mu[l]).min(0.0);
            }
            if let Some(copies) = spread(g.len()) {
                // Many leaders alike: each bundle goes to `SPREAD` of them,
                // the highest μ first, not to every one (hundreds of copies
                // of the same bundles differing only in their leader row
                // made the master's pivots many times more numerous).
                let mut ranked = g.clone();
                ranked.sort_by(|&a, &b| duals.mu[b].total_cmp(&duals.mu[a]).then(a.cmp(&b)));
                let mut next = 0;
                for ((v, _), &b) in f.kept.iter().zip(&ids) {
                    for _ in 0..copies {
                        let l = ranked[next % ranked.len()];
                        next += 1;
                        let mu = duals.mu[l];
                        if v - mu < -tol && per[l].len() < per_leader {
                            per[l].push((v - mu, b));
                        }
                    }
                }
                continue;
            }
            for &l in g {
                let mu = duals.mu[l];
                for ((v, _), &b) in f.kept.iter().zip(&ids) {
                    if v - mu < -tol && per[l].len() < per_leader {
                        per[l].push((v - mu, b));
                    }
                }
            }
        }
        let mut columns = Vec::new();
        for (l, kept) in per.into_iter().enumerate() {
            columns.extend(kept.into_iter().map(|(rc, b)| (l, b, rc)));
        }
        (Priced { columns, min_rc }, nodes)
    }

    /// What makes two leaders price alike: size bounds, the node's
    /// permissions and required units, and (in phase 2) unit costs and
    /// changed units.
    fn key(&self, p: &LeaderProblem, rules: &Rules, l: usize, phase1: bool) -> Vec<u64> {
        let nu = rules.nu;
        let mut k: Vec<u64> = rules.allowed[l * nu..(l + 1) * nu]
            .chunks(64)
            .map(|c| {
                c.iter()
                    .enumerate()
                    .fold(0u64, |a, (i, &x)| a | (x as u64) << i)
            })
            .collect();
        k.extend(self.key_but_allowed(p, rules, l, phase1));
        k
    }

    /// The key without the units the leader may take: leaders alike in
    /// this search together.
    fn key_but_allowed(
        &self,
        p: &LeaderProblem,
        rules: &Rules,
        l: usize,
        phase1: bool,
    ) -> Vec<u64> {
        let spec = &p.leaders[l];
        let mut k = vec![spec.min_units as u64, spec.max_units as u64];
        k.push(u64::MAX);
        k.extend(rules.required[l].iter().map(|&u| u as u64));
        if !phase1 {
            k.push(u64::MAX);
            k.extend(spec.unit_cost.iter().map(|c| c.to_bits()));
            if let Some((_, changed)) = &p.max_changes {
                k.extend(changed[l].iter().map(|&c| c as u64));
            }
        }
        k
    }

    /// The store's index of bundle `units` (ascending), adding it when new.
    fn intern(&mut self, p: &LeaderProblem, store: &mut Bundles, units: &[u16]) -> u32 {
        if let Some(&b) = self.index.get(units) {
            return b;
        }
        let sorted: Vec<usize> = units.iter().map(|&u| u as usize).collect();
        let mut order = vec![0usize; sorted.len()];
        let tour = tour_into(p, &sorted, &mut order);
        let load: f64 = sorted.iter().map(|&u| p.workload[u]).sum();
        let ordered: Vec<u16> = order.iter().map(|&u| u as u16).collect();
        let b = store.len() as u32;
        store.push(&ordered, base_cost(p, load, tour));
        self.index.insert(units.to_vec(), b);
        b
    }

    /// Depth-first branch and bound for groups alike but for the units
    /// they may take, one search over the units any of them may take: a
    /// partial bundle carries the groups that may still take it (`alive`)
    /// and is pruned against the loosest of their thresholds, so each
    /// group's answer is what a search of its own would give.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        p: &LeaderProblem,
        rules: &Rules,
        duals: &Duals,
        ties: &[Vec<u16>],
        cuts: Option<&CutIndex>,
        seekers: &[Seeker],
        phase1: bool,
        tol: f64,
    ) -> Hunt {
        let l = seekers[0].leader;
        let spec = &p.leaders[l];
        let nu = rules.nu;
        // dead[u]: the groups that may not take unit u (one bit each).
        let mut dead = vec![0u64; nu];
        for (g, sk) in seekers.iter().enumerate() {
            let allowed = &rules.allowed[sk.leader * nu..(sk.leader + 1) * nu];
            for (d, &a) in dead.iter_mut().zip(allowed) {
                if !a {
                    *d |= 1 << g;
                }
            }
        }
        let everyone = if seekers.len() == 64 {
            u64::MAX
        } else {
            (1u64 << seekers.len()) - 1
        };
        let changed = p.max_changes.as_ref().map(|(_, c)| &c[l]);
        let w = |u: usize| {
            let mut x = -duals.pi[u];
            if !phase1 {
                x += spec.unit_cost[u];
            }
            if changed.is_some_and(|c| c[u]) {
                x -= duals.sigma;
            }
            x
        };
        // Units a together-branch ties are taken whole, as one item: apart,
        // the bounds would count the first unit's weight without its
        // partner's and prune almost nothing (a search under two such
        // branches took 50 times the nodes of one under none).
        let mut required: Vec<u16> = Vec::new();
        for &u in &rules.required[l] {
            required.extend_from_slice(&ties[ties_of(ties, u)]);
        }
        required.sort_unstable();
        required.dedup();
        // Groups that may not take a required unit take no bundle here.
        let mut alive = everyone;
        for &u in &required {
            alive &= !dead[u as usize];
        }
        if required.len() > spec.max_units {
            alive = 0;
        }
        let fresh = || Hunt {
            found: (0..seekers.len())
                .map(|g| Found {
                    best: if alive >> g & 1 == 1 {
                        f64::INFINITY
                    } else {
                        0.0
                    },
                    kept: Vec::new(),
                })
                .collect(),
            nodes: 0,
        };
        if alive == 0 {
            return fresh();
        }
        let apart =
            |a: u16, b: u16| rules.has_pairs && rules.partners[a as usize].contains(&(b, false));
        let room = spec.max_units - required.len();
        let mut items: Vec<Item> = ties
            .iter()
            .filter(|t| t.len() <= room)
            .filter(|t| {
                t.iter().all(|&u| dead[u as usize] & alive != alive)
                    && !t.iter().any(|u| required.contains(u))
            })
            .filter(|t| {
                !t.iter()
                    .any(|&u| required.iter().chain(t.iter()).any(|&r| apart(r, u)))
            })
            .map(|t| Item {
                units: t.clone(),
                w: t.iter().map(|&u| w(u as usize)).sum(),
                load: t.iter().map(|&u| p.workload[u as usize]).sum(),
                start: 0,
                dead: t.iter().fold(0, |d, &u| d | dead[u as usize]),
            })
            .collect();
        // In increasing weight per unit (ties by the first unit).
        items.sort_by(|a, b| {
            (a.w / a.units.len() as f64)
                .total_cmp(&(b.w / b.units.len() as f64))
                .then(a.units[0].cmp(&b.units[0]))
        });
        // Each item spread over its units, for the bounds: (w, load) each.
        let mut per_unit: Vec<(f64, f64)> = Vec::new();
        for it in &mut items {
            it.start = per_unit.len();
            let s = it.units.len() as f64;
            per_unit.extend(std::iter::repeat_n((it.w / s, it.load / s), it.units.len()));
        }
        let mut prefix = vec![0.0];
        for c in &per_unit {
            prefix.push(prefix.last().unwrap() + c.0);
        }
        let (balance, travel) = if phase1 {
            (0.0, 0.0)
        } else {
            let c = if p.target > 0.0 {
                p.balance * 100.0 / p.target
            } else {
                0.0
            };
            (c, p.travel)
        };
        let slopes = slope_sums(&per_unit, balance, spec.max_units);
        let ctx = Ctx {
            p,
            rules,
            items: &items,
            spread: per_unit.len(),
            prefix: &prefix,
            slopes: &slopes,
            top_loads: &self.top_loads,
            metric: self.metric,
            balance,
            travel,
            phase1,
            min: spec.min_units,
            max: spec.max_units,
            seekers,
            tol,
            cuts,
        };
        let load: f64 = required.iter().map(|&u| p.workload[u as usize]).sum();
        let wsum: f64 = required.iter().map(|&u| w(u as usize)).sum();
        let tour = ctx.tour(&required);
        let pen = cuts.map_or(0.0, |c| c.penalty(&required));
        // Two halves of the first level's items, searched on two threads
        // (the joint search is most of a round's pricing). Always two, so
        // that the nodes counted do not depend on the threads there are.
        let half = |index: usize| {
            let mut hunt = fresh();
            let mut set = required.clone();
            let part = Part { of: 2, index };
            ctx.dfs(&mut set, 0, load, wsum + pen, tour, alive, part, &mut hunt);
            hunt
        };
        let (mut hunt, other) = rayon::join(|| half(0), || half(1));
        hunt.merge(other, seekers);
        for (g, (f, sk)) in hunt.found.iter_mut().zip(seekers).enumerate() {
            if alive >> g & 1 == 1 {
                f.best = f.best.min(sk.mu);
            }
        }
        hunt
    }
}

/// The fixed inputs of one leader's search.
struct Ctx<'a> {
    p: &'a LeaderProblem,
    rules: &'a Rules,
    /// the units or tied units that may join, in increasing w per unit
    items: &'a [Item],
    /// the items' units counted one by one (positions `Item::start` on)
    spread: usize,
    /// prefix sums of the items' w per unit, unit by unit
    prefix: &'a [f64],
    /// the deviation bounded by a line through the target (see `Slope`)
    slopes: &'a [Slope],
    top_loads: &'a [f64],
    metric: bool,
    /// deviation cost per unit of load (0 in phase 1)
    balance: f64,
    travel: f64,
    phase1: bool,
    min: usize,
    max: usize,
    seekers: &'a [Seeker],
    tol: f64,
    /// the cuts with a penalty, if any
    cuts: Option<&'a CutIndex>,
}

impl Ctx<'_> {
    fn tour(&self, set: &[u16]) -> f64 {
        if self.travel == 0.0 {
            return 0.0;
        }
        tour::best(self.p, set)
    }

    fn deviation(&self, load: f64) -> f64 {
        if self.phase1 {
            0.0
        } else {
            self.balance * (load - self.p.target).abs()
        }
    }

    /// Least deviation any bundle holding `load` plus `r` more units can have.
    fn deviation_floor(&self, load: f64, r: usize) -> f64 {
        if self.phase1 {
            return 0.0;
        }
        let t = self.p.target;
        let most = self.top_loads[r.min(self.top_loads.len() - 1)];
        self.balance * (load - t).max(t - load - most).max(0.0)
    }

    /// Threshold on the cost part: a bundle helps only below it.
    /// The loosest threshold of the groups `alive` (−∞ for none).
    fn stop(&self, alive: u64, hunt: &Hunt) -> f64 {
        let mut stop = f64::NEG_INFINITY;
        let mut rest = alive;
        while rest != 0 {
            let g = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let (sk, f) = (&self.seekers[g], &hunt.found[g]);
            let own = if f.kept.len() >= sk.keep {
                f.kept.last().map_or(sk.mu, |k| k.0)
            } else {
                sk.mu
            };
            stop = stop.max(own);
        }
        stop
    }

    fn record(&self, set: &[u16], cost: f64, alive: u64, hunt: &mut Hunt) {
        let mut units: Vec<u16> = Vec::new();
        let mut rest = alive;
        while rest != 0 {
            let g = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let (sk, f) = (&self.seekers[g], &mut hunt.found[g]);
            f.best = f.best.min(cost);
            if cost - sk.mu < -self.tol {
                if units.is_empty() {
                    units = set.to_vec();
                    units.sort_unstable();
                }
                let at = f
                    .kept
                    .partition_point(|k| (k.0, &k.1[..]) < (cost, &units[..]));
                if at < sk.keep {
                    f.kept.insert(at, (cost, units.clone()));
                    f.kept.truncate(sk.keep);
                }
            }
        }
    }

    /// Least w-sum of r units among candidates from position `from` on
    /// (None when fewer remain).
    fn cheapest(&self, from: usize, r: usize) -> Option<f64> {
        (from + r <= self.spread).then(|| self.prefix[from + r] - self.prefix[from])
    }

    /// Whether no bundle extending `set` (holding `load`, weight `wsum`,
    /// tour `tour`) by units from position `from` on, adding at least
    /// `first` of them (0 or 1), can cost less than `stop`. The bounds are
    /// tried cheapest first and the answer given at the first that prunes
    /// (the same answer as comparing their maximum: rounding is monotone).
    #[allow(clippy::too_many_arguments)]
    fn prunes(
        &self,
        k: usize,
        from: usize,
        load: f64,
        wsum: f64,
        tour: f64,
        first: usize,
        stop: f64,
    ) -> bool {
        let tour_part = if self.metric { self.travel * tour } else { 0.0 };
        let fixed = wsum + tour_part;
        let lo = self.min.saturating_sub(k).max(first);
        let hi = self.max - k;
        let mut best = f64::INFINITY;
        for r in lo..=hi {
            let Some(ws) = self.cheapest(from, r) else {
                break;
            };
            best = best.min(ws + self.deviation_floor(load, r));
        }
        if fixed + best >= stop {
            return true;
        }
        self.slopes
            .iter()
            .any(|sl| fixed + sl.bound(from, load - self.p.target, lo, hi) >= stop)
    }

    #[allow(clippy::too_many_arguments)]
    fn dfs(
        &self,
        set: &mut Vec<u16>,
        from: usize,
        load: f64,
        wsum: f64,
        tour: f64,
        alive: u64,
        part: Part,
        hunt: &mut Hunt,
    ) {
        hunt.nodes += 1;
        let k = set.len();
        if part.index == 0 && k >= self.min && self.rules.bundle_ok(set) {
            let cost = self.deviation(load) + self.travel * tour + wsum;
            self.record(set, cost, alive, hunt);
        }
        if k >= self.max {
            return;
        }
        // Items come in increasing w per unit: once even the cheapest
        // extension through item i cannot beat the threshold, no later one
        // can. That first item is found by bisection, and again only when
        // a child's bundles lowered the threshold: tested item by item, it
        // was half of the search's bound tests (the child's own test, which
        // the loop needs anyway, prunes everything this one would).
        let mut stop = self.stop(alive, hunt);
        let mut end = self.first_pruned(k, from, load, wsum, tour, stop);
        let mut i = from;
        while i < end {
            let item = &self.items[i];
            i += 1;
            if (i - 1 - from) % part.of != part.index {
                continue;
            }
            let size = item.units.len();
            // The groups that may still take the bundle with this item,
            // and their loosest threshold.
            let alive_x = alive & !item.dead;
            if alive_x == 0 {
                continue;
            }
            let stop_x = if alive_x == alive {
                stop
            } else {
                self.stop(alive_x, hunt)
            };
            if k + size > self.max
                || self.rules.has_pairs
                    && item
                        .units
                        .iter()
                        .any(|&x| set.iter().any(|&s| self.apart(s, x)))
            {
                continue;
            }
            // The cuts' penalty the item adds (`wsum` carries the set's).
            let mut wx = item.w;
            for &x in &item.units {
                wx += self.cuts.map_or(0.0, |c| c.added(set, x));
                set.push(x);
            }
            let load_x = load + item.load;
            let next = item.start + size;
            // Cheap test first (the tour so far bounds the new one).
            if !self.prunes(k + size, next, load_x, wsum + wx, tour, 0, stop_x) {
                let tour_x = self.tour(set);
                // This item in particular: its own load and tour.
                if !self.prunes(k + size, next, load_x, wsum + wx, tour_x, 0, stop_x) {
                    self.dfs(set, i, load_x, wsum + wx, tour_x, alive_x, WHOLE, hunt);
                    let now = self.stop(alive, hunt);
                    if now != stop {
                        stop = now;
                        end = self.first_pruned(k, i, load, wsum, tour, stop).min(end);
                    }
                }
            }
            set.truncate(k);
        }
    }

    /// The first item from `from` on through which no extension of the set
    /// can cost less than `stop` (the items' count if none): the bound of
    /// an extension through item i only grows with i.
    fn first_pruned(
        &self,
        k: usize,
        from: usize,
        load: f64,
        wsum: f64,
        tour: f64,
        stop: f64,
    ) -> usize {
        let rest = &self.items[from..];
        from + rest.partition_point(|it| !self.prunes(k, it.start, load, wsum, tour, 1, stop))
    }

    fn apart(&self, a: u16, b: u16) -> bool {
        self.rules.partners[a as usize].contains(&(b, false))
    }
}

mod tour;

#[cfg(test)]
pub(crate) mod tests;
