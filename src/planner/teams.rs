//! Stage 2: each unit's team beside its leader. Team slots are filled by a
//! min-cost flow (slot → helper-on-this-team → helper → sink), which is
//! exact for what it weighs lexicographically in integers: slots changed
//! against the previous plan first, then an even spread of teams (the i-th
//! team of a helper costs i, a convex cost that gives second teams only
//! when needed and to those with fewest), then skills that meet the unit's
//! needs. Assist members for needs still uncovered, and for `min_present`,
//! come from a small exact MIP (fewest assists, spread convexly). Should a
//! need stay open, one MIP decides slots and assists together, exactly.
//! Last, swaps and spread-keeping moves bring each helper's units close
//! together without giving up anything above.
//!
//! Stage 2's cost (helper continuity) does not depend on the leaders; only
//! the needs do. So the flow without needs gives a valid bound on it.
//!
//! Under the time limit each step keeps its best so far: the flow stops
//! weighing and just fills the slots, a greedy choice stands in for the
//! assist MIP, the exact MIP is skipped and the swaps stop; `Teams::cut`
//! says so.

// Loops run over unit and helper indices that address several parallel tables.
#![allow(clippy::needless_range_loop)]

use std::collections::BTreeMap;
use std::time::Instant;

use good_lp::{
    Expression, ProblemVariables, Solution, SolverModel, Variable, constraint, microlp, variable,
};

use crate::model::Roster;
use crate::wording::plan::PlanSaid;

use super::assists::{assists, assists_greedy, covered, top_up};
use super::diagnose::unit_label;
use super::flow::Flow;
use super::leaders::{assist_eligible, slot_eligible};
use super::previous::Previous;
use crate::wording::slot_helpers::SlotHelper;

#[derive(Debug, Clone, PartialEq)]
pub struct Teams {
    /// Per unit: the helper in each slot.
    pub slots: Vec<Vec<usize>>,
    /// Per unit: assist members, in roster order.
    pub assist: Vec<Vec<usize>>,
    pub slots_changed: usize,
    /// The time limit cut a step short (its best so far was kept).
    pub cut: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shortfall {
    /// Some slots cannot be filled at all (independent of the leaders).
    Slots(Vec<PlanSaid>),
    /// Needs no one on the team holds: (unit, skill).
    Needs(Vec<(usize, String)>),
}

/// Needs of unit `u` its leader does not bring.
fn open_needs(r: &Roster, leader_of: Option<&[usize]>, u: usize) -> Vec<String> {
    r.units[u]
        .needs
        .iter()
        .filter(|s| leader_of.is_none_or(|lo| !r.cadres[lo[u]].skills.contains(s)))
        .cloned()
        .collect()
}

/// Fills every slot by min-cost flow, weighed until `until`. `leader_of`
/// None: ignore needs (the bound). Returns per-unit slot holders and
/// whether the deadline cut the weighing, or the Hall bottleneck.
fn fill_slots(
    r: &Roster,
    leader_of: Option<&[usize]>,
    prev: &Previous,
    until: Option<Instant>,
) -> Result<(Vec<Vec<usize>>, bool), Vec<PlanSaid>> {
    let n = r.units.len();
    let ks = r.policy.team.len();
    let nh = r.helpers.len();
    let (s, t) = (0usize, 1usize);
    let slot_node = |u: usize, k: usize| 2 + u * ks + k;
    let helper_node = |h: usize| 2 + n * ks + h;
    let mut f = Flow::new(2 + n * ks + nh);
    let open: Vec<Vec<String>> = (0..n).map(|u| open_needs(r, leader_of, u)).collect();
    // Lexicographic integer weights: needs met < spread < changes.
    let w_need = 1i64;
    let bonus_max: i64 = open.iter().map(|o| o.len() as i64).sum::<i64>() * ks as i64;
    let w_spread = bonus_max + 1;
    let flow_total = (n * ks) as i64;
    let w_change = w_spread * (flow_total * flow_total + 1) + bonus_max + 1;
    let mut pair: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut slot_arcs: Vec<(usize, usize, usize, usize)> = Vec::new(); // (arc, u, k, h)
    let mut src: Vec<usize> = Vec::new(); // source arc of slot (u, k), at u * ks + k
    for u in 0..n {
        for k in 0..ks {
            src.push(f.add_arc(s, slot_node(u, k), 1, 0));
            let pinned = prev.pins.slot.get(&(r.units[u].id.clone(), k));
            for h in 0..nh {
                if !slot_eligible(r, h, u, k) {
                    continue;
                }
                if pinned.is_some_and(|id| *id != r.helpers[h].id) {
                    continue;
                }
                let node = *pair.entry((h, u)).or_insert_with(|| {
                    let v = f.add_node();
                    f.add_arc(v, helper_node(h), 1, 0);
                    v
                });
                let met = open[u]
                    .iter()
                    .filter(|sk| r.helpers[h].skills.contains(sk))
                    .count() as i64;
                let changed = prev.slot_changed(r, &r.units[u].id, k, h) as i64;
                let arc = f.add_arc(slot_node(u, k), node, 1, w_change * changed - w_need * met);
                slot_arcs.push((arc, u, k, h));
            }
        }
    }
    for h in 0..nh {
        for i in 0..r.helpers[h].max_teams {
            f.add_arc(helper_node(h), t, 1, w_spread * i as i64);
        }
    }
    let (flow, _, cut) = f.run_until(s, t, until);
    if flow == flow_total {
        let mut slots = vec![vec![usize::MAX; ks]; n];
        for &(arc, u, k, h) in &slot_arcs {
            if f.flow(arc) > 0 {
                slots[u][k] = h;
            }
        }
        return Ok((slots, cut));
    }
    let filled = |u: usize, k: usize| f.flow(src[u * ks + k]) > 0;
    Err(hall_slots(r, &f, &slot_node, &helper_node, &filled))
}

/// The slots reachable from the source after max flow form the bottleneck:
/// their possible helpers are all full. One cause per slot index.
fn hall_slots(
    r: &Roster,
    f: &Flow,
    slot_node: &dyn Fn(usize, usize) -> usize,
    helper_node: &dyn Fn(usize) -> usize,
    filled: &dyn Fn(usize, usize) -> bool,
) -> Vec<PlanSaid> {
    let seen = f.reachable(0);
    let mut causes = Vec::new();
    for (k, slot) in r.policy.team.iter().enumerate() {
        let units: Vec<usize> = (0..r.units.len())
            .filter(|&u| seen[slot_node(u, k)])
            .collect();
        if units.is_empty() {
            continue;
        }
        // Every helper reachable is saturated; the units short are the unfilled ones.
        let filled = units.iter().filter(|&&u| filled(u, k)).count();
        let pool: Vec<usize> = (0..r.helpers.len())
            .filter(|&h| seen[helper_node(h)] && slot.roles.contains(&r.helpers[h].role))
            .collect();
        let maxima: std::collections::BTreeSet<usize> =
            pool.iter().map(|&h| r.helpers[h].max_teams).collect();
        let short = units.len() - filled;
        let raise = (maxima.len() == 1 && !slot.from_unit && pool.len() >= short)
            .then(|| *maxima.iter().next().expect("one"));
        causes.push(PlanSaid::SlotShort {
            slot: k + 1,
            roles: slot.roles.clone(),
            own: slot.from_unit,
            units: units.iter().map(|&u| unit_label(r, u)).collect(),
            teams: filled,
            raise,
            helpers: pool
                .iter()
                .map(|&h| SlotHelper::of(r, &r.helpers[h]))
                .collect(),
        });
    }
    causes
}

/// The fewest slots that must change against the previous plan (0 when
/// not replanning), or why some slot can never be filled. Not replanning,
/// or past `until`, the flow only fills (the bottleneck is the same for any
/// maximum flow) and the bound is 0, which stays valid.
pub fn slot_bound(
    r: &Roster,
    prev: &Previous,
    until: Option<Instant>,
) -> Result<usize, Vec<PlanSaid>> {
    let until = if prev.helpers.is_empty() {
        Some(Instant::now())
    } else {
        until
    };
    let (slots, cut) = fill_slots(r, None, prev, until)?;
    Ok(if cut {
        0
    } else {
        count_changes(r, prev, &slots)
    })
}

fn count_changes(r: &Roster, prev: &Previous, slots: &[Vec<usize>]) -> usize {
    slots
        .iter()
        .enumerate()
        .map(|(u, hs)| {
            hs.iter()
                .enumerate()
                .filter(|&(k, &h)| prev.slot_changed(r, &r.units[u].id, k, h))
                .count()
        })
        .sum()
}

/// Builds every team for the given leaders. `leader_could(u, skill)` says
/// whether some leader could bring the skill to unit u, should the leaders
/// be chosen again: needs left open go there first. From `until` on, each
/// step keeps its best so far.
pub fn build(
    r: &Roster,
    leader_of: &[usize],
    prev: &Previous,
    leader_could: &dyn Fn(usize, &str) -> bool,
    until: Option<Instant>,
) -> Result<Teams, Shortfall> {
    let late = || until.is_some_and(|u| Instant::now() >= u);
    let (mut slots, mut cut) =
        fill_slots(r, Some(leader_of), prev, until).map_err(Shortfall::Slots)?;
    let kept = prev.kept_assists(r, leader_of, &slots);
    let mut assist = if late() {
        cut = true;
        assists_greedy(r, leader_of, &slots, &kept)
    } else {
        assists(r, leader_of, &slots, prev, &kept)
    };
    let mut missing = uncovered(r, leader_of, &slots, &assist);
    if !missing.is_empty() {
        // The flow's nudge toward skills was not enough: decide slots and
        // assists together, exactly, covering as many needs as possible.
        if late() {
            cut = true;
        } else if let Some((s, a)) = exact(r, leader_of, prev, leader_could) {
            (slots, assist) = (s, a);
            missing = uncovered(r, leader_of, &slots, &assist);
        }
    }
    cut |= compact(r, leader_of, prev, &mut slots, &assist, &late);
    top_up(r, leader_of, prev, &kept, &slots, &mut assist);
    if !missing.is_empty() {
        return Err(Shortfall::Needs(missing));
    }
    let slots_changed = count_changes(r, prev, &slots);
    Ok(Teams {
        slots,
        assist,
        slots_changed,
        cut,
    })
}

fn uncovered(
    r: &Roster,
    leader_of: &[usize],
    slots: &[Vec<usize>],
    assist: &[Vec<usize>],
) -> Vec<(usize, String)> {
    let mut missing = Vec::new();
    for u in 0..r.units.len() {
        for need in &r.units[u].needs {
            if !covered(r, leader_of[u], &slots[u], &assist[u], need) {
                missing.push((u, need.clone()));
            }
        }
    }
    missing
}

/// Helper indices per unit (slot holders, or assists).
type PerUnit = Vec<Vec<usize>>;

/// (helper, unit, slot or None for an assist, its MIP variable)
type Member = (usize, usize, Option<usize>, Variable);

/// Slots and assists as one MIP, for when the flow and the assist MIP in
/// turn leave a need open. Priorities, by weights that dominate each other:
/// needs met, then `min_present`, then slots kept (replanning), then the
/// even spread (the i-th team of a helper costs i), then fewest assists,
/// the previous plan's kept first.
/// A need left open where no leader could bring it costs more than all
/// others together, so what stays open can be asked of a leader.
/// Slots are always filled: the flow has already shown they can be.
fn exact(
    r: &Roster,
    leader_of: &[usize],
    prev: &Previous,
    leader_could: &dyn Fn(usize, &str) -> bool,
) -> Option<(PerUnit, PerUnit)> {
    let n = r.units.len();
    let ks = r.policy.team.len();
    let nh = r.helpers.len();
    let mut vars = ProblemVariables::new();
    let mut x: Vec<Member> = Vec::new();
    for u in 0..n {
        for k in 0..ks {
            let pinned = prev.pins.slot.get(&(r.units[u].id.clone(), k));
            for h in 0..nh {
                if slot_eligible(r, h, u, k) && pinned.is_none_or(|id| *id == r.helpers[h].id) {
                    x.push((h, u, Some(k), vars.add(variable().binary())));
                }
            }
        }
        for h in 0..nh {
            if assist_eligible(r, h, u) {
                x.push((h, u, None, vars.add(variable().binary())));
            }
        }
    }
    let flow_total = (n * ks) as f64;
    let spread_max: f64 = r
        .helpers
        .iter()
        .map(|h| (h.max_teams * h.max_teams.saturating_sub(1) / 2) as f64)
        .sum::<f64>()
        .min(flow_total * flow_total);
    let assists_max = x.iter().filter(|e| e.2.is_none()).count() as f64;
    let deficit = r.policy.min_present.saturating_sub(1 + ks);
    let w_assist = 1.0 / (assists_max + 1.0);
    // Among as few assists, those the previous plan had are kept.
    let w_assist_new = w_assist / (assists_max + 1.0);
    let w_change = spread_max + 2.0;
    let w_slack = w_change * (flow_total + 1.0);
    let w_miss = w_slack * ((deficit * n) as f64 + 1.0);
    let needs_total = r.units.iter().map(|u| u.needs.len()).sum::<usize>() as f64;
    let mut objective = Expression::from(0.0);
    let mut constraints = Vec::new();
    for &(h, u, k, v) in &x {
        match k {
            Some(k) if prev.slot_changed(r, &r.units[u].id, k, h) => objective += w_change * v,
            Some(_) => {}
            None if prev.was_assist(r, &r.units[u].id, h) => objective += w_assist * v,
            None => objective += (w_assist + w_assist_new) * v,
        }
    }
    let sum_of = |pred: &dyn Fn(&Member) -> bool| -> Expression {
        x.iter().filter(|e| pred(e)).map(|e| e.3).sum()
    };
    for u in 0..n {
        for k in 0..ks {
            let e = sum_of(&|e| e.1 == u && e.2 == Some(k));
            constraints.push(constraint!(e == 1.0));
        }
        for h in 0..nh {
            let e = sum_of(&|e| e.0 == h && e.1 == u);
            constraints.push(constraint!(e <= 1.0));
        }
        for need in &r.units[u].needs {
            if r.cadres[leader_of[u]].skills.contains(need) {
                continue;
            }
            let miss = vars.add(variable().min(0.0).max(1.0));
            let weight = if leader_could(u, need) {
                w_miss
            } else {
                w_miss * (needs_total + 1.0)
            };
            objective += weight * miss;
            let e = sum_of(&|e| e.1 == u && r.helpers[e.0].skills.contains(need));
            constraints.push(constraint!(e + miss >= 1.0));
        }
        if deficit > 0 {
            let slack = vars.add(variable().min(0.0));
            objective += w_slack * slack;
            let e = sum_of(&|e| e.1 == u && e.2.is_none());
            constraints.push(constraint!(e + slack >= deficit as f64));
        }
    }
    for h in 0..nh {
        let all = sum_of(&|e| e.0 == h);
        constraints.push(constraint!(all <= r.helpers[h].max_teams as f64));
        // Convex spread over slot teams: piece i costs i, so pieces fill in order.
        let in_slots = sum_of(&|e| e.0 == h && e.2.is_some());
        let mut pieces = Expression::from(0.0);
        for i in 0..r.helpers[h].max_teams {
            let z = vars.add(variable().min(0.0).max(1.0));
            objective += (i as f64) * z;
            pieces += z;
        }
        constraints.push(constraint!(in_slots == pieces));
    }
    let mut model = vars.minimise(objective).using(microlp);
    for c in constraints {
        model = model.with(c);
    }
    let mut slots = vec![vec![usize::MAX; ks]; n];
    let mut assist = vec![Vec::new(); n];
    // Every slot can be filled (the flow did), so this only fails on a solver fault.
    let sol = model.solve().ok()?;
    for &(h, u, k, v) in &x {
        if sol.value(v) > 0.5 {
            match k {
                Some(k) => slots[u][k] = h,
                None => assist[u].push(h),
            }
        }
    }
    for a in &mut assist {
        a.sort_unstable();
    }
    let whole = slots.iter().flatten().all(|&h| h != usize::MAX);
    whole.then_some((slots, assist))
}

fn minutes(r: &Roster, a: usize, b: usize) -> f64 {
    r.travel
        .unit_to_unit
        .get(a)
        .and_then(|row| row.get(b).copied().flatten())
        .unwrap_or(1e6)
}

/// Swaps of slot holders between two units, and moves of a unit from a
/// helper to one with one team fewer (which keeps the spread), so that each
/// helper's units lie close together. A change is taken only when it keeps
/// every rule and pin, covers at least the same needs, changes no more
/// slots against the previous plan, and shortens the summed distance
/// between each helper's units. Deterministic: a fixed scan order. Stops
/// when `late()` (returns true then), keeping the changes made.
fn compact(
    r: &Roster,
    leader_of: &[usize],
    prev: &Previous,
    slots: &mut [Vec<usize>],
    assist: &[Vec<usize>],
    late: &dyn Fn() -> bool,
) -> bool {
    let n = r.units.len();
    let ks = r.policy.team.len();
    let nh = r.helpers.len();
    let mut units_of: Vec<Vec<usize>> = vec![Vec::new(); nh];
    let mut assists_of = vec![0usize; nh];
    for u in 0..n {
        for &h in &slots[u] {
            units_of[h].push(u);
        }
        for &h in &assist[u] {
            assists_of[h] += 1;
        }
    }
    // Minutes from unit u to helper h's other units (leaving out `skip`).
    let dist_to = |units_of: &[Vec<usize>], h: usize, u: usize, skip: usize| -> f64 {
        units_of[h]
            .iter()
            .filter(|&&v| v != skip && v != u)
            .map(|&v| minutes(r, u, v))
            .sum()
    };
    let pinned = |u: usize, k: usize| prev.pins.slot.contains_key(&(r.units[u].id.clone(), k));
    let on_team =
        |slots: &[Vec<usize>], u: usize, h: usize| slots[u].contains(&h) || assist[u].contains(&h);
    let needs_met = |slots: &[Vec<usize>], u: usize| {
        r.units[u]
            .needs
            .iter()
            .filter(|s| covered(r, leader_of[u], &slots[u], &assist[u], s))
            .count()
    };
    let ch = |u: usize, k: usize, h: usize| prev.slot_changed(r, &r.units[u].id, k, h) as i32;
    let relabel = |units_of: &mut [Vec<usize>], h: usize, from: usize, to: Option<usize>| {
        let i = units_of[h].iter().position(|&v| v == from).expect("held");
        match to {
            Some(to) => units_of[h][i] = to,
            None => {
                units_of[h].remove(i);
            }
        }
    };
    for _round in 0..50 {
        let mut improved = false;
        for k in 0..ks {
            for u1 in 0..n {
                if late() {
                    return true;
                }
                if pinned(u1, k) {
                    continue;
                }
                // Swaps with another unit's holder of the same slot.
                for u2 in (u1 + 1)..n {
                    let (h1, h2) = (slots[u1][k], slots[u2][k]);
                    if h1 == h2
                        || pinned(u2, k)
                        || !slot_eligible(r, h1, u2, k)
                        || !slot_eligible(r, h2, u1, k)
                        || on_team(slots, u2, h1)
                        || on_team(slots, u1, h2)
                        || ch(u1, k, h2) + ch(u2, k, h1) > ch(u1, k, h1) + ch(u2, k, h2)
                    {
                        continue;
                    }
                    let before = dist_to(&units_of, h1, u1, usize::MAX)
                        + dist_to(&units_of, h2, u2, usize::MAX);
                    let after = dist_to(&units_of, h1, u2, u1) + dist_to(&units_of, h2, u1, u2);
                    if after >= before - 1e-9 {
                        continue;
                    }
                    let met = needs_met(slots, u1) + needs_met(slots, u2);
                    slots[u1][k] = h2;
                    slots[u2][k] = h1;
                    if needs_met(slots, u1) + needs_met(slots, u2) < met {
                        slots[u1][k] = h1;
                        slots[u2][k] = h2;
                        continue;
                    }
                    relabel(&mut units_of, h1, u1, Some(u2));
                    relabel(&mut units_of, h2, u2, Some(u1));
                    improved = true;
                }
                // Moves to a helper with one slot team fewer.
                for h2 in 0..nh {
                    let h1 = slots[u1][k];
                    if units_of[h2].len() + 1 != units_of[h1].len()
                        || units_of[h2].len() + assists_of[h2] >= r.helpers[h2].max_teams
                        || !slot_eligible(r, h2, u1, k)
                        || on_team(slots, u1, h2)
                        || ch(u1, k, h2) > ch(u1, k, h1)
                    {
                        continue;
                    }
                    let before = dist_to(&units_of, h1, u1, usize::MAX);
                    let after = dist_to(&units_of, h2, u1, usize::MAX);
                    if after >= before - 1e-9 {
                        continue;
                    }
                    let met = needs_met(slots, u1);
                    slots[u1][k] = h2;
                    if needs_met(slots, u1) < met {
                        slots[u1][k] = h1;
                        continue;
                    }
                    relabel(&mut units_of, h1, u1, None);
                    units_of[h2].push(u1);
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
    false
}
