//! Calendar rule 5, service dates: nobody is in a session on or after the
//! day they leave (`leaves`, or the day their successor takes over) nor
//! before the day they join (`joins`, or the day they take over).

use super::{Cx, Resolved, at};
use crate::verify::Violation;
use crate::verify::planfile::Plan;
use crate::wording::check::{CheckSaid, Rule, YearSaid};

pub(super) fn service_dates(cx: &Cx, plan: &Plan, resolved: &Resolved, out: &mut Vec<Violation>) {
    let roster = cx.roster;
    // Service of each person, looked up once (people indices: cadres, then helpers).
    let people = roster.cadres.len() + roster.helpers.len();
    let service: Vec<_> = (0..people).map(|p| roster.service(cx.id(p))).collect();
    for (s, (_, who)) in plan.sessions.iter().zip(resolved) {
        for (id, p) in s.people.iter().zip(who) {
            let Some(p) = *p else { continue };
            let (joins, leaves) = service[p];
            let said = if let Some(l) = leaves.filter(|l| s.date >= *l) {
                YearSaid::AfterLeaving {
                    kind: s.kind,
                    leaves: l,
                }
            } else if let Some(j) = joins.filter(|j| s.date < *j) {
                YearSaid::BeforeJoining {
                    kind: s.kind,
                    joins: j,
                }
            } else {
                continue;
            };
            out.push(at(
                Rule::Service,
                &s.unit,
                Some(id),
                s.date,
                CheckSaid::Year(said),
            ));
        }
    }
}
