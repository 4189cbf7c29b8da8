//! The calendar's counts in `[plan.metrics]` (station, make-up and visit
//! sessions, short sessions, warnings), recomputed from the sessions and
//! compared with what the plan states.

use crate::model::Roster;
use crate::verify::planfile::{Kind, Plan};
use crate::verify::{Recomputed, Violation};
use crate::wording::check::{CheckSaid, Rule};

/// The calendar's counts in `[plan.metrics]`, recomputed and compared.
pub fn figures(roster: &Roster, plan: &Plan, r: &mut Recomputed, out: &mut Vec<Violation>) {
    let township = |id: &str| {
        roster.cadre_index(id).is_some()
            || roster
                .helper_index(id)
                .is_some_and(|h| roster.helpers[h].unit.is_none())
    };
    for s in &plan.sessions {
        match s.kind {
            Kind::Station => {
                r.station_sessions += 1;
                if !s.people.iter().any(|p| township(p)) {
                    r.shortfall_sessions += 1;
                }
            }
            Kind::Makeup => r.makeup_sessions += 1,
            Kind::Visit => r.household_visit_sessions += 1,
        }
    }
    r.warnings = plan.warnings.len() as u64;
    let m = &plan.metrics;
    for (field, stated, actual) in [
        ("station_sessions", m.station_sessions, r.station_sessions),
        ("makeup_sessions", m.makeup_sessions, r.makeup_sessions),
        (
            "household_visit_sessions",
            m.household_visit_sessions,
            r.household_visit_sessions,
        ),
        (
            "shortfall_sessions",
            m.shortfall_sessions,
            r.shortfall_sessions,
        ),
        ("warnings", m.warnings, r.warnings),
    ] {
        if stated != actual {
            out.push(Violation {
                rule: Rule::Figures,
                unit: None,
                person: None,
                date: None,
                said: CheckSaid::Mismatch {
                    field: field.to_string(),
                    stated: stated as f64,
                    actual: actual as f64,
                },
            });
        }
    }
}
