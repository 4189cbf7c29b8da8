//! Stage 1's input: the roster turned into the engine's abstract
//! `LeaderProblem` (leaders = cadres in roster order, their bounds, which
//! units each may take, workloads, travel, the objective's weights, and the
//! replanning hooks), plus who may ever join a unit's team, which stage 2
//! and the diagnosis share.

use std::collections::{BTreeMap, BTreeSet};

use crate::assign::leaders::{LeaderProblem, LeaderSpec};
use crate::model::{Helper, Roster};

use super::previous::Previous;

/// Skills a unit's leader must bring, by unit index: needs that no helper
/// could ever bring to that team, plus those stage 2 could not cover.
pub type MustHave = BTreeMap<usize, BTreeSet<String>>;

/// A stand-in for a missing travel time; validation rejects such rosters,
/// so this only keeps arithmetic finite.
const NO_ROAD: f64 = 1e9;

/// A person is available if not away for the whole year (hard rule 4).
pub fn helper_usable(r: &Roster, h: &Helper) -> bool {
    !r.away_all_year(&h.away)
}

pub fn cadre_usable(r: &Roster, c: usize) -> bool {
    !r.away_all_year(&r.cadres[c].away)
}

/// May helper `h` fill team slot `k` of unit `u`?
pub fn slot_eligible(r: &Roster, h: usize, u: usize, k: usize) -> bool {
    let helper = &r.helpers[h];
    let slot = &r.policy.team[k];
    let unit = &r.units[u].id;
    if !helper_usable(r, helper) || !slot.roles.contains(&helper.role) {
        return false;
    }
    match &helper.unit {
        Some(own) => own == unit,
        None => !slot.from_unit,
    }
}

/// May helper `h` join unit `u`'s team as an assist member (hard rule 3)?
pub fn assist_eligible(r: &Roster, h: usize, u: usize) -> bool {
    let helper = &r.helpers[h];
    helper_usable(r, helper)
        && helper.role.may_assist()
        && helper.unit.as_ref().is_none_or(|own| *own == r.units[u].id)
}

/// May helper `h` be on unit `u`'s team in any way?
pub fn may_join(r: &Roster, h: usize, u: usize) -> bool {
    helper_usable(r, &r.helpers[h]) && r.may_serve(&r.helpers[h], &r.units[u])
}

/// Needs only a leader can meet: no helper who could join the team has them.
pub fn implied_must_have(r: &Roster) -> MustHave {
    let mut must = MustHave::new();
    for (u, unit) in r.units.iter().enumerate() {
        for need in &unit.needs {
            let helped = (0..r.helpers.len())
                .any(|h| r.helpers[h].skills.contains(need) && may_join(r, h, u));
            if !helped {
                must.entry(u).or_default().insert(need.clone());
            }
        }
    }
    must
}

/// The leader's [min, max] as the engine sees it: nothing for a cadre away
/// the whole year.
pub fn bounds(r: &Roster, c: usize) -> (usize, usize) {
    if cadre_usable(r, c) {
        r.bounds_of(c)
    } else {
        (0, 0)
    }
}

/// Is cadre `c` ruled out of unit `u` by the home-unit rule?
pub fn home_ruled_out(r: &Roster, c: usize, u: usize) -> bool {
    r.policy.avoid_home_unit && r.cadres[c].home_unit.as_deref() == Some(r.units[u].id.as_str())
}

/// May cadre `c` lead unit `u`, given the skills the unit's leader must have?
pub fn allowed(r: &Roster, prev: &Previous, must: &MustHave, c: usize, u: usize) -> bool {
    let cadre = &r.cadres[c];
    if home_ruled_out(r, c, u) {
        return false;
    }
    if let Some(pinned) = prev.pins.leader.get(&r.units[u].id)
        && *pinned != cadre.id
    {
        return false;
    }
    must.get(&u)
        .is_none_or(|skills| skills.iter().all(|s| cadre.skills.contains(s)))
}

pub fn problem(r: &Roster, prev: &Previous, must: &MustHave) -> LeaderProblem {
    let n = r.units.len();
    let changed: Vec<Vec<bool>> = (0..r.cadres.len())
        .map(|c| {
            (0..n)
                .map(|u| prev.leader_changed(r, &r.units[u].id, c))
                .collect()
        })
        .collect();
    let leaders = (0..r.cadres.len())
        .map(|c| {
            let (min_units, max_units) = bounds(r, c);
            LeaderSpec {
                min_units,
                max_units,
                allowed: (0..n).map(|u| allowed(r, prev, must, c, u)).collect(),
                unit_cost: (0..n)
                    .map(|u| {
                        if changed[c][u] {
                            r.objective.continuity
                        } else {
                            0.0
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    LeaderProblem {
        leaders,
        workload: (0..n).map(|u| r.workload_of(u)).collect(),
        target: r.target_load(),
        office_minutes: r
            .travel
            .office_to_unit
            .iter()
            .map(|m| m.unwrap_or(NO_ROAD))
            .collect(),
        unit_minutes: (0..n)
            .map(|a| {
                (0..n)
                    .map(|b| {
                        r.travel
                            .unit_to_unit
                            .get(a)
                            .and_then(|row| row.get(b).copied().flatten())
                            .unwrap_or(NO_ROAD)
                    })
                    .collect()
            })
            .collect(),
        balance: r.objective.balance,
        travel: r.objective.travel,
        max_changes: prev.max_changes.map(|m| (m, changed)),
    }
}
