//! Calendar rule 4, joint visits: a leader visits together with one of the
//! unit's own people (its party secretary or a committee cadre on the team,
//! who know the households) whenever one is free: not away, in a meeting or
//! another session then, and under the monthly cap.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::visit_cap::visit_months;
use super::{Cx, Resolved, at};
use crate::model::Role;
use crate::verify::Violation;
use crate::verify::planfile::{Kind, Plan};
use crate::wording::check::{CheckSaid, Rule};

pub(super) fn visit_companion(cx: &Cx, plan: &Plan, resolved: &Resolved, out: &mut Vec<Violation>) {
    let roster = cx.roster;
    let ncad = roster.cadres.len();
    // A unit's own party secretary or committee cadre.
    let local = |p: usize, u: usize| {
        p >= ncad && {
            let h = &roster.helpers[p - ncad];
            h.unit.as_deref() == Some(roster.units[u].id.as_str())
                && matches!(h.role, Role::PartySecretary | Role::CommitteeCadre)
        }
    };
    let mut busy: HashMap<(usize, NaiveDate), Vec<(NaiveTime, NaiveTime)>> = HashMap::new();
    for (s, (_, people)) in plan.sessions.iter().zip(resolved) {
        for p in people.iter().flatten() {
            busy.entry((*p, s.date)).or_default().push((s.start, s.end));
        }
    }
    let months = visit_months(cx, plan, resolved);
    let cap = roster.policy.visit_half_days_per_month;
    for (s, (unit, people)) in plan.sessions.iter().zip(resolved) {
        let (Kind::Visit, Some(u)) = (s.kind, *unit) else {
            continue;
        };
        let people: Vec<usize> = people.iter().flatten().copied().collect();
        let Some(&leader) = people.iter().find(|&&p| p < ncad) else {
            continue;
        };
        if people.iter().any(|&p| local(p, u)) {
            continue;
        }
        let mut free: Vec<usize> = cx
            .members_at(u, s.date)
            .iter()
            .copied()
            .filter(|&p| local(p, u))
            .filter(|&p| cx.blocked(p, s.date, (s.start, s.end)).is_none())
            .filter(|&p| {
                busy.get(&(p, s.date))
                    .is_none_or(|b| b.iter().all(|&(a, e)| !(a < s.end && s.start < e)))
            })
            .filter(|&p| months.get(&(p, s.date.month())).copied().unwrap_or(0) < cap)
            .collect();
        if free.is_empty() {
            continue;
        }
        free.sort_unstable();
        let names = free
            .iter()
            .map(|&p| roster.helpers[p - ncad].name.clone())
            .collect();
        out.push(at(
            Rule::Visits,
            &s.unit,
            Some(cx.id(leader)),
            s.date,
            CheckSaid::VisitLeaderAlone { free: names },
        ));
    }
}
