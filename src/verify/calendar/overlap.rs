//! Calendar rule 2, one place at a time: nobody in two sessions whose times
//! overlap, checked per person over their sessions sorted by time.

use std::collections::HashSet;

use super::{Cx, Resolved, at};
use crate::verify::Violation;
use crate::verify::planfile::Plan;
use crate::wording::Lang;
use crate::wording::check::{CheckSaid, Rule, unit_label};

/// Calendar rule 2: nobody in two sessions whose times overlap.
pub(super) fn one_place_at_a_time(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    out: &mut Vec<Violation>,
) {
    let np = cx.roster.cadres.len() + cx.roster.helpers.len();
    let mut by_person: Vec<Vec<usize>> = vec![Vec::new(); np];
    for (i, (_, people)) in resolved.iter().enumerate() {
        let mut seen = HashSet::new();
        for p in people.iter().flatten() {
            if seen.insert(*p) {
                by_person[*p].push(i);
            }
        }
    }
    for (p, list) in by_person.iter_mut().enumerate() {
        let key = |i: &usize| {
            let s = &plan.sessions[*i];
            (s.date, s.start, s.end)
        };
        list.sort_by_key(key);
        // The session still running latest, among those begun earlier that day.
        let mut open: Option<usize> = None;
        for &i in list.iter() {
            let s = &plan.sessions[i];
            if let Some(o) = open {
                let a = &plan.sessions[o];
                if a.date == s.date && s.start < a.end {
                    out.push(at(
                        Rule::OnePlace,
                        &s.unit,
                        Some(cx.id(p)),
                        s.date,
                        CheckSaid::Overlap {
                            kind: s.kind,
                            start: s.start,
                            end: s.end,
                            other_unit: unit_label(cx.roster, &a.unit, Lang::En),
                            other_kind: a.kind,
                            other_start: a.start,
                            other_end: a.end,
                        },
                    ));
                    if s.end <= a.end {
                        continue;
                    }
                }
            }
            open = Some(i);
        }
    }
}
