//! Assist members for household visits: where the calendar finds a team
//! cannot make its unit's household visits (the team rule) and says how
//! many more of the unit's own people would fit them, the unit's own
//! people not yet on a team (committee cadres, volunteers and others who
//! may assist) join it as assist members, and the calendar is built again.
//! Before, the warning asked for more of the unit's own people, and a
//! trial that added three committee cadres to the roster saw nothing
//! change: nobody put them on the team. Assists cost nothing in the plan's
//! cost, so this changes no leader or slot.

use std::collections::BTreeSet;

use crate::model::Roster;
use crate::plan::PlanFile;
use crate::wording::calendar::CalendarSaid;
use crate::wording::warnings::WarningSaid;

/// Adds the assists (roster order, at most as many as each warning asks
/// for); true when any was added, so the calendar must be built again.
pub(super) fn add(r: &Roster, file: &mut PlanFile) -> bool {
    let wanted: Vec<(String, usize)> = file
        .warning
        .iter()
        .filter_map(|w| match &w.said {
            Some(WarningSaid::Calendar(CalendarSaid::HouseholdVisitsShort {
                person: None,
                more_helpers: Some(n),
                ..
            })) => Some((w.unit.clone()?, *n)),
            _ => None,
        })
        .collect();
    if wanted.is_empty() {
        return false;
    }
    let mut on_team: BTreeSet<String> = file
        .assignment
        .iter()
        .flat_map(|a| a.helpers.iter().chain(&a.assist).cloned())
        .collect();
    let mut added = false;
    for (unit, n) in wanted {
        let (Some(u), Some(a)) = (
            r.unit_index(&unit),
            file.assignment.iter_mut().find(|a| a.unit == unit),
        ) else {
            continue;
        };
        let free: Vec<String> = (0..r.helpers.len())
            .filter(|&h| {
                r.helpers[h].unit.as_deref() == Some(unit.as_str())
                    && super::leaders::assist_eligible(r, h, u)
                    && !on_team.contains(&r.helpers[h].id)
            })
            .take(n)
            .map(|h| r.helpers[h].id.clone())
            .collect();
        for id in free {
            on_team.insert(id.clone());
            a.assist.push(id);
            added = true;
        }
    }
    added
}
