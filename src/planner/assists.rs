//! Assist members beside each unit's slot helpers: the fewest who cover the
//! needs the leader and slot helpers leave open and bring a team up to
//! `min_present`, chosen by a small exact MIP (fewest assists, spread
//! convexly), or greedily when time is short; `top_up` then sees to
//! `min_present`. Split from `teams`, which fills the slots and calls these.

// Loops run over unit and helper indices that address several parallel tables.
#![allow(clippy::needless_range_loop)]

use good_lp::{
    Expression, ProblemVariables, Solution, SolverModel, Variable, constraint, microlp, variable,
};

use crate::model::Roster;

use super::leaders::assist_eligible;
use super::previous::Previous;

pub(super) fn covered(
    r: &Roster,
    leader: usize,
    slots: &[usize],
    assist: &[usize],
    need: &String,
) -> bool {
    r.cadres[leader].skills.contains(need)
        || slots
            .iter()
            .chain(assist)
            .any(|&h| r.helpers[h].skills.contains(need))
}

/// Assist members: the fewest that cover every need the leader and slot
/// helpers leave open and bring teams up to `min_present` where possible
/// (counting on each member for the share of sessions they can attend),
/// within `max_teams`; among as few, a replan keeps the previous plan's
/// assist members, then ties go to helpers on fewer teams. A need that
/// cannot be covered is left open (the caller repairs or reports it).
pub(super) fn assists(
    r: &Roster,
    leader_of: &[usize],
    slots: &[Vec<usize>],
    prev: &Previous,
    kept: &[Option<Vec<usize>>],
) -> Vec<Vec<usize>> {
    let n = r.units.len();
    let nh = r.helpers.len();
    let mut teams = vec![0usize; nh];
    for hs in slots.iter().chain(kept.iter().flatten()) {
        for &h in hs {
            teams[h] += 1;
        }
    }
    let open: Vec<Vec<String>> = (0..n)
        .map(|u| {
            r.units[u]
                .needs
                .iter()
                .filter(|s| !covered(r, leader_of[u], &slots[u], &[], s))
                .cloned()
                .collect()
        })
        .collect();
    // Who a session can count on: a leader of n units sits at each one week
    // in n, a helper on k teams one week in k; the unit's own people on its
    // team alone, every week. Sessions fall short of `min_present` by what
    // the team's expected attendance leaves.
    let mut units_of_leader = vec![0usize; r.cadres.len()];
    for &l in leader_of {
        if let Some(c) = units_of_leader.get_mut(l) {
            *c += 1;
        }
    }
    let deficits: Vec<usize> = (0..n)
        .map(|u| {
            let leader = leader_of
                .get(u)
                .and_then(|&l| units_of_leader.get(l))
                .map_or(0.0, |&k| 1.0 / k.max(1) as f64);
            let helpers: f64 = slots[u].iter().map(|&h| 1.0 / teams[h].max(1) as f64).sum();
            (r.policy.min_present as f64 - leader - helpers - 1e-9)
                .ceil()
                .max(0.0) as usize
        })
        .collect();
    // Candidates: (helper, unit) pairs that could help with something.
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for u in 0..n {
        let deficit = deficits[u];
        if (open[u].is_empty() && deficit == 0) || kept[u].is_some() {
            continue;
        }
        for h in 0..nh {
            if teams[h] >= r.helpers[h].max_teams
                || slots[u].contains(&h)
                || !assist_eligible(r, h, u)
            {
                continue;
            }
            let useful = deficit > 0 || open[u].iter().any(|s| r.helpers[h].skills.contains(s));
            if useful {
                cands.push((h, u));
            }
        }
    }
    let mut out: Vec<Vec<usize>> = kept.iter().map(|k| k.clone().unwrap_or_default()).collect();
    if cands.is_empty() {
        return out;
    }
    let nc = cands.len() as f64;
    let most = (0..nh)
        .map(|h| r.helpers[h].max_teams.max(teams[h]))
        .max()
        .unwrap_or(0) as f64;
    // Among the fewest assists, keep the previous plan's (each new one
    // costs `w_new`, all of them together under one assist); then prefer
    // helpers on fewer teams, convexly: the i-th extra team of a helper
    // already on t costs (t + i + 1) units; all of it stays under one `w_new`.
    let w_new = 1.0 / (nc + 1.0);
    let tie_unit = w_new / ((most + 2.0) * (nc + 1.0));
    let total_deficit = deficits.iter().sum::<usize>() as f64;
    let w_slack = nc + 2.0;
    let w_miss = w_slack * (total_deficit + 1.0);
    let mut vars = ProblemVariables::new();
    let y: Vec<Variable> = cands
        .iter()
        .map(|_| vars.add(variable().binary()))
        .collect();
    let mut objective = Expression::from(0.0);
    for (&v, &(h, u)) in y.iter().zip(&cands) {
        let new = !prev.was_assist(r, &r.units[u].id, h);
        objective += (1.0 + if new { w_new } else { 0.0 }) * v;
    }
    let mut constraints = Vec::new();
    for u in (0..n).filter(|&u| kept[u].is_none()) {
        for need in &open[u] {
            let holders: Vec<Variable> = cands
                .iter()
                .enumerate()
                .filter(|(_, (h, v))| *v == u && r.helpers[*h].skills.contains(need))
                .map(|(i, _)| y[i])
                .collect();
            if holders.is_empty() {
                continue;
            }
            let miss = vars.add(variable().min(0.0).max(1.0));
            objective += w_miss * miss;
            let sum: Expression = holders.iter().copied().sum();
            constraints.push(constraint!(sum + miss >= 1.0));
        }
        let deficit = deficits[u];
        if deficit > 0 {
            let members: Vec<Variable> = cands
                .iter()
                .enumerate()
                .filter(|(_, (_, v))| *v == u)
                .map(|(i, _)| y[i])
                .collect();
            let slack = vars.add(variable().min(0.0));
            objective += w_slack * slack;
            let sum: Expression = members.iter().copied().sum();
            constraints.push(constraint!(sum + slack >= deficit as f64));
        }
    }
    for h in 0..nh {
        let mine: Vec<Variable> = cands
            .iter()
            .enumerate()
            .filter(|(_, (g, _))| *g == h)
            .map(|(i, _)| y[i])
            .collect();
        if mine.is_empty() {
            continue;
        }
        let room = r.helpers[h].max_teams - teams[h];
        let sum: Expression = mine.iter().copied().sum();
        let mut pieces = Expression::from(0.0);
        for i in 0..room {
            let z = vars.add(variable().min(0.0).max(1.0));
            objective += tie_unit * (teams[h] + i + 1) as f64 * z;
            pieces += z;
        }
        constraints.push(constraint!(sum == pieces));
    }
    let mut model = vars.minimise(objective).using(microlp);
    for c in constraints {
        model = model.with(c);
    }
    // Every constraint has a slack, so the model always has a solution.
    let Ok(sol) = model.solve() else {
        return out;
    };
    for (i, &(h, u)) in cands.iter().enumerate() {
        if sol.value(y[i]) > 0.5 {
            out[u].push(h);
        }
    }
    for a in &mut out {
        a.sort_unstable();
    }
    out
}

/// The assist MIP's stand-in when time is short: for each need the leader
/// and slot helpers leave open, the eligible holder on fewest teams (then
/// roster order), within `max_teams`, after the assist members a replan
/// keeps. `top_up` then sees to `min_present`.
pub(super) fn assists_greedy(
    r: &Roster,
    leader_of: &[usize],
    slots: &[Vec<usize>],
    kept: &[Option<Vec<usize>>],
) -> Vec<Vec<usize>> {
    let mut teams = vec![0usize; r.helpers.len()];
    for &h in slots.iter().flatten() {
        teams[h] += 1;
    }
    let mut out: Vec<Vec<usize>> = kept.iter().map(|k| k.clone().unwrap_or_default()).collect();
    out.resize(r.units.len(), Vec::new());
    for &h in out.iter().flatten() {
        teams[h] += 1;
    }
    for u in 0..r.units.len() {
        for need in &r.units[u].needs {
            if covered(r, leader_of[u], &slots[u], &out[u], need) {
                continue;
            }
            let pick = (0..r.helpers.len())
                .filter(|&h| {
                    teams[h] < r.helpers[h].max_teams
                        && r.helpers[h].skills.contains(need)
                        && !slots[u].contains(&h)
                        && !out[u].contains(&h)
                        && assist_eligible(r, h, u)
                })
                .min_by_key(|&h| (teams[h], h));
            if let Some(h) = pick {
                out[u].push(h);
                teams[h] += 1;
            }
        }
        out[u].sort_unstable();
    }
    out
}

/// After slots and assists are settled (the exact model and `compact` may
/// have changed them): each team whose expected attendance (a leader of n
/// units 1/n, a member on k teams 1/k) is still below `min_present` gets
/// more assist members, the previous plan's assist members at the unit
/// first (a replan moves no one it need not), then the unit's own people,
/// then those on fewest teams, within `max_teams`, until it reaches it or
/// nobody is left.
pub(super) fn top_up(
    r: &Roster,
    leader_of: &[usize],
    prev: &Previous,
    kept: &[Option<Vec<usize>>],
    slots: &[Vec<usize>],
    assist: &mut [Vec<usize>],
) {
    let n = r.units.len();
    let mut teams = vec![0usize; r.helpers.len()];
    for h in slots.iter().chain(assist.iter()).flatten() {
        teams[*h] += 1;
    }
    let mut units_of_leader = vec![0usize; r.cadres.len()];
    for &l in leader_of {
        if let Some(c) = units_of_leader.get_mut(l) {
            *c += 1;
        }
    }
    let want = r.policy.min_present as f64 - 1e-9;
    for u in 0..n {
        if kept[u].is_some() {
            continue;
        }
        let leader = leader_of
            .get(u)
            .and_then(|&l| units_of_leader.get(l))
            .map_or(0.0, |&k| 1.0 / k.max(1) as f64);
        let expected = |assist: &[Vec<usize>], teams: &[usize]| {
            leader
                + slots[u]
                    .iter()
                    .chain(&assist[u])
                    .map(|&h| 1.0 / teams[h].max(1) as f64)
                    .sum::<f64>()
        };
        while expected(assist, &teams) < want {
            let next = (0..r.helpers.len())
                .filter(|&h| {
                    teams[h] < r.helpers[h].max_teams
                        && !slots[u].contains(&h)
                        && !assist[u].contains(&h)
                        && assist_eligible(r, h, u)
                })
                .min_by_key(|&h| {
                    let own = r.helpers[h].unit.as_deref() == Some(r.units[u].id.as_str());
                    let kept = prev.was_assist(r, &r.units[u].id, h);
                    (!kept, !own, teams[h], h)
                });
            let Some(h) = next else {
                break;
            };
            assist[u].push(h);
            assist[u].sort_unstable();
            teams[h] += 1;
        }
    }
}
