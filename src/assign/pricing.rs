//! Pricing for column generation: given the master's duals and a node's
//! branching rules, find the leader–bundle columns of most negative reduced
//! cost, and a valid lower bound on each leader's least reduced cost (which
//! gives the Lagrangian bound, valid whatever the duals). The reduced cost is
//! base(B) − Σπ_u (shared by all leaders), then per leader + unit costs
//! − σ·changes − μ_l, so the leader-independent part is computed once.

use super::bundles::Bundles;
use super::leaders::LeaderProblem;
use rayon::prelude::*;

/// A node's restrictions on columns, from its branching decisions.
#[derive(Clone, Debug)]
pub(crate) struct Rules {
    pub nu: usize,
    /// leader-major: may leader l take unit u here
    pub allowed: Vec<bool>,
    /// units each leader must take here
    pub required: Vec<Vec<u16>>,
    /// per unit: (other unit, together?) Ryan–Foster pair rules
    pub partners: Vec<Vec<(u16, bool)>>,
    pub has_pairs: bool,
    /// any branching decision applied (else these are the root's rules)
    pub restricted: bool,
}

impl Rules {
    pub(crate) fn root(p: &LeaderProblem) -> Rules {
        let nu = p.workload.len();
        Rules {
            nu,
            allowed: p
                .leaders
                .iter()
                .flat_map(|l| l.allowed.iter().copied())
                .collect(),
            required: vec![Vec::new(); p.leaders.len()],
            partners: vec![Vec::new(); nu],
            has_pairs: false,
            restricted: false,
        }
    }

    /// Pair rules: together-partners present, separated ones absent.
    pub(crate) fn bundle_ok(&self, units: &[u16]) -> bool {
        if !self.has_pairs {
            return true;
        }
        units.iter().all(|&u| {
            self.partners[u as usize]
                .iter()
                .all(|&(v, together)| units.contains(&v) == together)
        })
    }

    /// Leader rules: every unit allowed, every required unit present.
    pub(crate) fn leader_ok(&self, l: usize, units: &[u16]) -> bool {
        let row = &self.allowed[l * self.nu..(l + 1) * self.nu];
        units.iter().all(|&u| row[u as usize]) && self.required[l].iter().all(|r| units.contains(r))
    }

    /// Whether some leader may take this bundle here (its size aside).
    pub(crate) fn someone_ok(&self, units: &[u16]) -> bool {
        self.bundle_ok(units) && (0..self.required.len()).any(|l| self.leader_ok(l, units))
    }

    pub(crate) fn column_ok(&self, p: &LeaderProblem, l: usize, units: &[u16]) -> bool {
        let spec = &p.leaders[l];
        units.len() >= spec.min_units
            && units.len() <= spec.max_units
            && self.leader_ok(l, units)
            && self.bundle_ok(units)
    }
}

/// Duals of the master: unit rows, leader rows, change-limit row (σ ≤ 0),
/// and the subset-row cuts' rows: per cut its three units and the penalty
/// −y ≥ 0 (a `≤` row's dual is ≤ 0 in a minimisation), added to the reduced
/// cost of every bundle holding two or more of the cut's units.
#[derive(Clone, Debug)]
pub(crate) struct Duals {
    pub pi: Vec<f64>,
    pub mu: Vec<f64>,
    pub sigma: f64,
    pub cuts: Vec<([u16; 3], f64)>,
}

impl Duals {
    /// Σ −y over the cuts: the cut rows' part of the Lagrangian bound is
    /// minus this.
    pub(crate) fn cut_total(&self) -> f64 {
        self.cuts.iter().map(|c| c.1).sum()
    }

    /// The cuts' penalty on a bundle (a plain scan, for single columns).
    pub(crate) fn cut_penalty(&self, units: &[u16]) -> f64 {
        self.cuts
            .iter()
            .filter(|(s, pen)| *pen > 0.0 && s.iter().filter(|u| units.contains(u)).count() >= 2)
            .map(|c| c.1)
            .sum()
    }
}

/// The cuts with a positive penalty, indexed by unit pair for pricing: a
/// bundle pays a cut's penalty once when it holds two or three of its units.
pub(crate) struct CutIndex {
    nu: usize,
    /// whether the unit is in some cut with a penalty
    pub in_cut: Vec<bool>,
    /// per ordered pair a·nu + b: range into `third`
    start: Vec<u32>,
    /// (the cut's third unit, its penalty)
    third: Vec<(u16, f64)>,
}

impl CutIndex {
    /// None when no cut has a penalty (pricing then skips them).
    pub(crate) fn new(nu: usize, duals: &Duals) -> Option<CutIndex> {
        let live: Vec<&([u16; 3], f64)> = duals.cuts.iter().filter(|c| c.1 > 0.0).collect();
        if live.is_empty() {
            return None;
        }
        let mut in_cut = vec![false; nu];
        let mut count = vec![0u32; nu * nu + 1];
        let pairs = |s: &[u16; 3]| {
            let [a, b, c] = s.map(|u| u as usize);
            [
                (a, b, c),
                (b, a, c),
                (a, c, b),
                (c, a, b),
                (b, c, a),
                (c, b, a),
            ]
        };
        for (s, _) in &live {
            for &u in s {
                in_cut[u as usize] = true;
            }
            for (a, b, _) in pairs(s) {
                count[a * nu + b + 1] += 1;
            }
        }
        for i in 1..count.len() {
            count[i] += count[i - 1];
        }
        let start = count.clone();
        let mut fill = count;
        let mut third = vec![(0u16, 0.0); *start.last().unwrap() as usize];
        for (s, pen) in &live {
            for (a, b, c) in pairs(s) {
                let at = &mut fill[a * nu + b];
                third[*at as usize] = (c as u16, *pen);
                *at += 1;
            }
        }
        Some(CutIndex {
            nu,
            in_cut,
            start,
            third,
        })
    }

    /// Penalty added when unit `x` joins `set` (which lacks it): the cuts
    /// holding x and exactly one unit of `set`.
    #[inline]
    pub(crate) fn added(&self, set: &[u16], x: u16) -> f64 {
        if !self.in_cut[x as usize] {
            return 0.0;
        }
        let mut add = 0.0;
        for &s in set {
            if !self.in_cut[s as usize] {
                continue;
            }
            let k = x as usize * self.nu + s as usize;
            for &(t, pen) in &self.third[self.start[k] as usize..self.start[k + 1] as usize] {
                if !set.contains(&t) {
                    add += pen;
                }
            }
        }
        add
    }

    /// Penalty of a whole bundle.
    pub(crate) fn penalty(&self, units: &[u16]) -> f64 {
        let mut pen = 0.0;
        for i in 1..units.len() {
            pen += self.added(&units[..i], units[i]);
        }
        pen
    }
}

pub(crate) struct Priced {
    /// (leader, bundle, reduced cost)
    pub columns: Vec<(usize, u32, f64)>,
    /// per leader: a lower bound (≤ 0) on the least reduced cost
    pub min_rc: Vec<f64>,
}

/// Per-leader extras of a column: unit costs and changed units.
pub(crate) fn leader_extra(p: &LeaderProblem, l: usize, units: &[u16]) -> (f64, usize) {
    let spec = &p.leaders[l];
    let cost = units.iter().map(|&u| spec.unit_cost[u as usize]).sum();
    let ch = match &p.max_changes {
        Some((_, changed)) => units.iter().filter(|&&u| changed[l][u as usize]).count(),
        None => 0,
    };
    (cost, ch)
}

/// Lower bound on a leader's unit-cost sum over any bundle it may take:
/// the most negative costs, at most `max_units` of them (0 when none).
pub(crate) fn unit_cost_floor(p: &LeaderProblem, l: usize) -> f64 {
    let spec = &p.leaders[l];
    let mut neg: Vec<f64> = spec
        .unit_cost
        .iter()
        .copied()
        .filter(|&c| c < 0.0)
        .collect();
    neg.sort_by(f64::total_cmp);
    neg.iter().take(spec.max_units).sum()
}

/// Per-leader unit terms split into a part shared by most leaders and each
/// leader's deviations: e_l(u) = unit cost − σ·changed (replanning's
/// continuity costs and change row), c0(u) the value most leaders have for
/// u, δ_l(u) = e_l(u) − c0(u). With c0 folded into the shared value v, a
/// leader's bundles without units of negative δ (`special`: in replanning,
/// its own previous units) have reduced cost at least v − μ_l, so the
/// sorted scan stops as early as when planning; those holding a special
/// unit are found through the per-unit index.
struct Shift {
    c0: Vec<f64>,
    /// leader-major δ
    delta: Vec<f64>,
    special: Vec<Vec<u16>>,
    /// per leader: least δ-sum of any bundle it may take (≤ 0)
    floor: Vec<f64>,
}

impl Shift {
    fn new(p: &LeaderProblem, duals: &Duals, phase1: bool) -> Shift {
        let (nl, nu) = (p.leaders.len(), p.workload.len());
        let mut e = vec![0.0; nl * nu];
        for (l, spec) in p.leaders.iter().enumerate() {
            let changed = p.max_changes.as_ref().map(|(_, c)| &c[l]);
            for u in 0..nu {
                let mut x = if phase1 { 0.0 } else { spec.unit_cost[u] };
                if changed.is_some_and(|c| c[u]) {
                    x -= duals.sigma;
                }
                e[l * nu + u] = x;
            }
        }
        let mut c0 = vec![0.0; nu];
        let mut col: Vec<f64> = Vec::with_capacity(nl);
        for u in 0..nu {
            col.clear();
            col.extend((0..nl).map(|l| e[l * nu + u]));
            col.sort_by(f64::total_cmp);
            // The most frequent value (the least among equally frequent).
            let (mut best, mut best_n, mut i) = (col[0], 0, 0);
            while i < col.len() {
                let mut k = i;
                while k < col.len() && col[k] == col[i] {
                    k += 1;
                }
                if k - i > best_n {
                    best = col[i];
                    best_n = k - i;
                }
                i = k;
            }
            c0[u] = best;
        }
        let mut delta = e;
        let mut special = vec![Vec::new(); nl];
        let mut floor = vec![0.0; nl];
        for l in 0..nl {
            let mut neg = Vec::new();
            for u in 0..nu {
                let d = delta[l * nu + u] - c0[u];
                delta[l * nu + u] = d;
                if d < 0.0 {
                    special[l].push(u as u16);
                    neg.push(d);
                }
            }
            neg.sort_by(f64::total_cmp);
            floor[l] = neg.iter().take(p.leaders[l].max_units).sum();
        }
        Shift {
            c0,
            delta,
            special,
            floor,
        }
    }
}

/// Whether some leader's bundles cost more than their shared base cost
/// (continuity costs or a change limit, as when replanning).
pub(crate) fn per_leader_costs(p: &LeaderProblem) -> bool {
    p.max_changes.is_some()
        || p.leaders
            .iter()
            .any(|l| l.unit_cost.iter().any(|&c| c != 0.0))
}

/// Scratch space reused across pricing rounds.
#[derive(Default)]
pub(crate) struct Scratch {
    v: Vec<f64>,
    cand: Vec<u32>,
}

/// Most candidate bundles sorted per round; leaders the sorted candidates do
/// not settle are priced by a full scan.
pub(crate) const CAND_CAP: usize = 60_000;

/// Prices `live` bundles for every leader (`by_unit`, when given, lists the
/// live bundles holding each unit). `phase1` prices with zero costs
/// (Farkas pricing for the feasibility phase). Keeps up to `per_leader`
/// columns per leader with reduced cost below `-tol`. Exact: every leader's
/// least reduced cost is found (when negative), so an empty answer proves
/// the restricted master optimal.
#[allow(clippy::too_many_arguments)]
pub(crate) fn price(
    p: &LeaderProblem,
    bundles: &Bundles,
    live: &[u32],
    by_unit: Option<&[Vec<u32>]>,
    rules: &Rules,
    duals: &Duals,
    floors: &[f64],
    phase1: bool,
    per_leader: usize,
    tol: f64,
    cap: usize,
    scratch: &mut Scratch,
) -> Priced {
    let nl = p.leaders.len();
    // With per-leader terms and the per-unit index, the shared part of
    // those terms goes into v (see `Shift`); else as before.
    let shift = (per_leader_costs(p) && by_unit.is_some()).then(|| Shift::new(p, duals, phase1));
    let shift = shift.as_ref();
    let floor = |l: usize| match shift {
        Some(_) => 0.0,
        None if phase1 => 0.0,
        None => floors[l],
    };
    let thr = (0..nl)
        .map(|l| duals.mu[l] - floor(l))
        .fold(f64::NEG_INFINITY, f64::max);
    let v = &mut scratch.v;
    v.resize(bundles.len(), 0.0);
    let cand = &mut scratch.cand;
    cand.clear();
    // The cuts' penalties are leader-independent, like the base cost.
    let cuts = CutIndex::new(rules.nu, duals);
    for &b in live {
        let bi = b as usize;
        let us = bundles.units(bi);
        let mut val = if phase1 { 0.0 } else { bundles.base[bi] };
        match shift {
            None => {
                for &u in us {
                    val -= duals.pi[u as usize];
                }
            }
            Some(sh) => {
                for &u in us {
                    val += sh.c0[u as usize] - duals.pi[u as usize];
                }
            }
        }
        if let Some(c) = &cuts
            && us.iter().filter(|&&u| c.in_cut[u as usize]).count() >= 2
        {
            val += c.penalty(us);
        }
        v[bi] = val;
        if val < thr - tol && rules.bundle_ok(us) {
            cand.push(b);
        }
    }
    let v = &scratch.v;
    let key = |b: &u32| (v[*b as usize], *b);
    let cmp = |a: &u32, b: &u32| {
        let (va, ia) = key(a);
        let (vb, ib) = key(b);
        va.total_cmp(&vb).then(ia.cmp(&ib))
    };
    // Only the smallest values are sorted; `cut` bounds the rest.
    let mut cut = f64::INFINITY;
    if cand.len() > cap {
        cand.select_nth_unstable_by(cap, cmp);
        cut = v[cand[cap] as usize];
        cand.truncate(cap);
    }
    cand.sort_unstable_by(cmp);

    // Leaders are priced independently, in parallel; results are gathered
    // in leader order, so the answer does not depend on thread timing.
    let cand: &[u32] = cand;
    let per: Vec<(f64, Vec<(f64, u32)>)> = (0..nl)
        .into_par_iter()
        .map(|l| {
            let ctx = LeaderScan {
                p,
                bundles,
                rules,
                duals,
                v,
                l,
                floor: floor(l),
                shift,
                phase1,
                per_leader,
                tol,
            };
            let mut kept = Vec::with_capacity(per_leader + 1);
            let (mut best, exhausted) = ctx.scan(cand.iter().copied(), &mut kept);
            if let (Some(sh), Some(index)) = (shift, by_unit) {
                // Bundles holding a unit of negative δ: the sorted scan's
                // stop did not cover them.
                let mu = duals.mu[l];
                for &u in &sh.special[l] {
                    for &b in &index[u as usize] {
                        let stop = if kept.len() >= per_leader {
                            kept.last().map_or(0.0, |k| k.0)
                        } else {
                            0.0
                        };
                        if v[b as usize] + sh.floor[l] - mu >= stop
                            || !rules.bundle_ok(bundles.units(b as usize))
                        {
                            continue;
                        }
                        if let Some(rc) = ctx.rc(b) {
                            best = best.min(rc);
                            if !kept.iter().any(|k| k.1 == b) {
                                ctx.keep(&mut kept, rc, b);
                            }
                        }
                    }
                }
            }
            // (With a shift the bundles holding special units are all
            // seen above, so the sorted scan's floor decides here too.)
            if exhausted && cut + ctx.floor - duals.mu[l] < -tol {
                // The sorted candidates ran out before settling this leader
                // (its rules exclude them): scan everything, in bundle order.
                // A leader with a required unit only needs the bundles
                // holding it.
                kept.clear();
                let pool: &[u32] = match (by_unit, rules.required[l].first()) {
                    (Some(index), Some(&r)) => &index[r as usize],
                    _ => live,
                };
                let full_floor = shift.map_or(ctx.floor, |sh| sh.floor[l]);
                let reach = if shift.is_some() {
                    thr - full_floor
                } else {
                    thr
                };
                let all = pool.iter().copied().filter(|&b| {
                    v[b as usize] < reach - tol && rules.bundle_ok(bundles.units(b as usize))
                });
                best = ctx.scan_unsorted(all, full_floor, &mut kept);
            }
            (best.min(0.0), kept)
        })
        .collect();
    let mut columns = Vec::new();
    let mut min_rc = Vec::with_capacity(nl);
    for (l, (best, kept)) in per.into_iter().enumerate() {
        min_rc.push(best);
        columns.extend(kept.iter().map(|&(rc, b)| (l, b, rc)));
    }
    Priced { columns, min_rc }
}

/// One leader's view of a pricing round.
struct LeaderScan<'a> {
    p: &'a LeaderProblem,
    bundles: &'a Bundles,
    rules: &'a Rules,
    duals: &'a Duals,
    v: &'a [f64],
    l: usize,
    floor: f64,
    shift: Option<&'a Shift>,
    phase1: bool,
    per_leader: usize,
    tol: f64,
}

impl LeaderScan<'_> {
    /// Reduced cost of bundle b for this leader, or None if it may not take it.
    fn rc(&self, b: u32) -> Option<f64> {
        let spec = &self.p.leaders[self.l];
        let us = self.bundles.units(b as usize);
        if us.len() < spec.min_units
            || us.len() > spec.max_units
            || !self.rules.leader_ok(self.l, us)
        {
            return None;
        }
        if let Some(sh) = self.shift {
            let nu = self.rules.nu;
            let delta = &sh.delta[self.l * nu..(self.l + 1) * nu];
            let d: f64 = us.iter().map(|&u| delta[u as usize]).sum();
            return Some(self.v[b as usize] + d - self.duals.mu[self.l]);
        }
        let (uc, ch) = leader_extra(self.p, self.l, us);
        let uc = if self.phase1 { 0.0 } else { uc };
        Some(self.v[b as usize] + uc - self.duals.sigma * ch as f64 - self.duals.mu[self.l])
    }

    fn keep(&self, kept: &mut Vec<(f64, u32)>, rc: f64, b: u32) {
        if rc < -self.tol {
            let at = kept.partition_point(|k| (k.0, k.1) < (rc, b));
            if at < self.per_leader {
                kept.insert(at, (rc, b));
                kept.truncate(self.per_leader);
            }
        }
    }

    /// Scans bundles in increasing `v`, stopping once no later bundle can
    /// beat what is kept. Returns (least reduced cost seen, ran out).
    fn scan(&self, sorted: impl Iterator<Item = u32>, kept: &mut Vec<(f64, u32)>) -> (f64, bool) {
        let mu = self.duals.mu[self.l];
        let mut best = 0.0f64;
        for b in sorted {
            let stop = if kept.len() >= self.per_leader {
                kept.last().map_or(0.0, |k| k.0)
            } else {
                0.0
            };
            // Every later bundle has reduced cost at least v + floor − μ.
            if self.v[b as usize] + self.floor - mu >= stop {
                return (best, false);
            }
            if let Some(rc) = self.rc(b) {
                best = best.min(rc);
                self.keep(kept, rc, b);
            }
        }
        (best, true)
    }

    /// Exact scan of bundles in any order. Returns the least reduced cost.
    fn scan_unsorted(
        &self,
        all: impl Iterator<Item = u32>,
        floor: f64,
        kept: &mut Vec<(f64, u32)>,
    ) -> f64 {
        let mu = self.duals.mu[self.l];
        let mut best = 0.0f64;
        for b in all {
            if self.v[b as usize] + floor - mu >= 0.0 {
                continue;
            }
            if let Some(rc) = self.rc(b) {
                best = best.min(rc);
                self.keep(kept, rc, b);
            }
        }
        best
    }
}
