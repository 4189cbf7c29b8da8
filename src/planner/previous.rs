//! What a replan starts from: the previous plan's leader per unit and helper
//! per team slot, pins the planner insists on, and an optional cap on
//! changes. Planning from scratch uses `Previous::default()`, which changes
//! nothing. Successors (`succeeds` in the roster) count as the same person,
//! so a transfer whose successor takes over the post is no change.

use std::collections::BTreeMap;

use super::leaders::assist_eligible;
use crate::model::Roster;
use crate::plan::{EarlierTeam, PlanFile};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Previous {
    /// Unit id → the leader's id in the previous plan.
    pub leader: BTreeMap<String, String>,
    /// Unit id → helper ids, one per team slot, in slot order.
    pub helpers: BTreeMap<String, Vec<String>>,
    /// Unit id → assist member ids in the previous plan.
    pub assist: BTreeMap<String, Vec<String>>,
    pub pins: Pins,
    /// At most this many units may change leader (hard).
    pub max_changes: Option<usize>,
    /// Replanning from a date: the calendar before it is kept from this plan.
    pub kept: Option<(chrono::NaiveDate, PlanFile)>,
    /// The previous plan itself, for the handovers it implies.
    pub plan: Option<PlanFile>,
}

/// Choices fixed by the planner, whatever they cost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pins {
    /// Unit id → cadre id.
    pub leader: BTreeMap<String, String>,
    /// (unit id, slot index from 0) → helper id.
    pub slot: BTreeMap<(String, usize), String>,
}

impl Previous {
    /// The assignments of a plan file, with no pins and no cap.
    pub fn from_plan(plan: &PlanFile) -> Previous {
        Previous {
            leader: plan
                .assignment
                .iter()
                .map(|a| (a.unit.clone(), a.leader.clone()))
                .collect(),
            helpers: plan
                .assignment
                .iter()
                .map(|a| (a.unit.clone(), a.helpers.clone()))
                .collect(),
            assist: plan
                .assignment
                .iter()
                .map(|a| (a.unit.clone(), a.assist.clone()))
                .collect(),
            plan: Some(plan.clone()),
            ..Previous::default()
        }
    }

    /// True when giving `unit` to cadre `c` changes its leader.
    pub fn leader_changed(&self, r: &Roster, unit: &str, c: usize) -> bool {
        match self.leader.get(unit) {
            None => false,
            Some(prev) => {
                let cadre = &r.cadres[c];
                cadre.id != *prev && cadre.succeeds.as_deref() != Some(prev)
            }
        }
    }

    /// True when helper `h` in slot `k` of `unit` changes the slot's holder.
    pub fn slot_changed(&self, r: &Roster, unit: &str, k: usize, h: usize) -> bool {
        match self.helpers.get(unit).and_then(|v| v.get(k)) {
            None => false,
            Some(prev) => {
                let helper = &r.helpers[h];
                helper.id != *prev && helper.succeeds.as_deref() != Some(prev)
            }
        }
    }

    /// True when helper `h` (or the one they succeed) assisted at `unit` in
    /// the previous plan: a replan keeps such assist members where it can.
    pub fn was_assist(&self, r: &Roster, unit: &str, h: usize) -> bool {
        let helper = &r.helpers[h];
        self.assist.get(unit).is_some_and(|v| {
            v.iter()
                .any(|p| helper.id == *p || helper.succeeds.as_deref() == Some(p))
        })
    }

    /// Units whose leader's post and slots are as in the previous plan keep
    /// its assist members as they were (successors for predecessors), where
    /// each is still eligible and has room within `max_teams`: re-deciding
    /// them would move people for nothing, since the assist choice depends
    /// on the order the first plan was built in. Per unit: the kept members.
    pub fn kept_assists(
        &self,
        r: &Roster,
        leader_of: &[usize],
        slots: &[Vec<usize>],
    ) -> Vec<Option<Vec<usize>>> {
        let mut teams = vec![0usize; r.helpers.len()];
        for &h in slots.iter().flatten() {
            teams[h] += 1;
        }
        let mut out = vec![None; r.units.len()];
        for (u, unit) in r.units.iter().enumerate() {
            let Some(ids) = self.assist.get(&unit.id) else {
                continue;
            };
            let same_team = !self.leader_changed(r, &unit.id, leader_of[u])
                && slots[u]
                    .iter()
                    .enumerate()
                    .all(|(k, &h)| !self.slot_changed(r, &unit.id, k, h));
            if !same_team {
                continue;
            }
            let members: Option<Vec<usize>> = ids
                .iter()
                .map(|id| {
                    (0..r.helpers.len()).find(|&h| {
                        let x = &r.helpers[h];
                        x.id == *id || x.succeeds.as_deref() == Some(id)
                    })
                })
                .collect();
            let Some(mut members) = members else { continue };
            let fits = members.iter().all(|&h| {
                teams[h] < r.helpers[h].max_teams
                    && !slots[u].contains(&h)
                    && assist_eligible(r, h, u)
            });
            if fits {
                for &h in &members {
                    teams[h] += 1;
                }
                members.sort_unstable();
                out[u] = Some(members);
            }
        }
        out
    }
}

/// The teams of the stretches of the year before `from`, for a plan
/// replanned from that day against `previous`: the stretches `previous`
/// itself records (cut at `from`), then `previous`'s own teams up to `from`
/// (from its own `replanned_from`, or the year's start). A chain of replans
/// carries every earlier stretch along.
pub fn earlier_teams(previous: &PlanFile, from: chrono::NaiveDate) -> Vec<EarlierTeam> {
    let day = from.to_string();
    // Dates are YYYY-MM-DD, so their text orders as the dates do.
    let mut out: Vec<EarlierTeam> = previous
        .earlier_team
        .iter()
        .filter(|t| t.until < day)
        .cloned()
        .collect();
    // A stretch of `previous` running past `from` ends there.
    let own_since = out.last().map(|t| t.until.clone());
    let running: Vec<EarlierTeam> = match previous.earlier_team.iter().find(|t| t.until >= day) {
        Some(cut) => previous
            .earlier_team
            .iter()
            .filter(|t| t.until == cut.until)
            .map(|t| EarlierTeam {
                until: day.clone(),
                ..t.clone()
            })
            .collect(),
        None => {
            let since = previous.plan.replanned_from.clone().or(own_since);
            if since.is_some_and(|s| s >= day) {
                Vec::new()
            } else {
                previous
                    .assignment
                    .iter()
                    .map(|a| EarlierTeam {
                        until: day.clone(),
                        unit: a.unit.clone(),
                        leader: a.leader.clone(),
                        helpers: a.helpers.clone(),
                        assist: a.assist.clone(),
                    })
                    .collect()
            }
        }
    };
    out.extend(running);
    out
}
