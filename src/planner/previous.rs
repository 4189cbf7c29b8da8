//! What a replan starts from: the previous plan's leader per unit and helper
//! per team slot, pins the planner insists on, and an optional cap on
//! changes. Planning from scratch uses `Previous::default()`, which changes
//! nothing. Successors (`succeeds` in the roster) count as the same person,
//! so a transfer whose successor takes over the post is no change.

use std::collections::BTreeMap;

use crate::model::Roster;
use crate::plan::PlanFile;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Previous {
    /// Unit id → the leader's id in the previous plan.
    pub leader: BTreeMap<String, String>,
    /// Unit id → helper ids, one per team slot, in slot order.
    pub helpers: BTreeMap<String, Vec<String>>,
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
}
