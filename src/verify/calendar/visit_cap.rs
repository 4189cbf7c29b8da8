//! Calendar rule 4, the monthly cap: nobody spends more than
//! `visit_half_days_per_month` half-days of a month on household visits,
//! over all their units together.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::{Cx, Resolved};
use crate::verify::Violation;
use crate::verify::planfile::{Kind, Plan};
use crate::wording::check::{CheckSaid, Rule};

/// Visit half-days per person and month (each session once per person).
pub(super) fn visit_months(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
) -> BTreeMap<(usize, u32), u32> {
    let mut n: BTreeMap<(usize, u32), u32> = BTreeMap::new();
    for (s, (_, people)) in plan.sessions.iter().zip(resolved) {
        if s.kind != Kind::Visit || !cx.in_year(s.date) {
            continue;
        }
        let mut seen: Vec<usize> = Vec::new();
        for p in people.iter().flatten() {
            if !seen.contains(p) {
                seen.push(*p);
                *n.entry((*p, s.date.month())).or_default() += 1;
            }
        }
    }
    n
}

pub(super) fn visit_cap(cx: &Cx, plan: &Plan, resolved: &Resolved, out: &mut Vec<Violation>) {
    let cap = cx.roster.policy.visit_half_days_per_month;
    for ((p, month), half_days) in visit_months(cx, plan, resolved) {
        if half_days > cap {
            out.push(Violation {
                rule: Rule::Visits,
                unit: None,
                person: Some(cx.id(p).to_string()),
                date: None,
                said: CheckSaid::VisitCap {
                    month,
                    half_days,
                    cap,
                },
            });
        }
    }
}
