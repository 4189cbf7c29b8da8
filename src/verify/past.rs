//! Replanning from a date (`check --previous PLAN --from DATE`): every
//! session before the date is exactly as in the plan in force, none added,
//! none dropped or changed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Violation;
use super::planfile::{Plan, Session};
use crate::wording::check::{CheckSaid, Rule, YearSaid};

/// A session as a comparable key: every field.
fn key(s: &Session) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}|{:?}|{:?}|{:?}",
        s.date,
        s.start,
        s.end,
        s.unit,
        s.kind.as_str(),
        s.people.join(","),
        s.hamlet,
        s.households,
        s.makes_up
    )
}

/// Each distinct session before `from`, with how many times it appears.
fn before(p: &Plan, from: NaiveDate) -> BTreeMap<String, (usize, &Session)> {
    let mut m: BTreeMap<String, (usize, &Session)> = BTreeMap::new();
    for s in p.sessions.iter().filter(|s| s.date < from) {
        m.entry(key(s)).or_insert((0, s)).0 += 1;
    }
    m
}

pub fn past_kept(plan: &Plan, previous: &Plan, from: NaiveDate, out: &mut Vec<Violation>) {
    let (now, then) = (before(plan, from), before(previous, from));
    let mut push = |s: &Session, said: YearSaid| {
        out.push(Violation {
            rule: Rule::Past,
            unit: Some(s.unit.clone()),
            person: None,
            date: Some(s.date),
            said: CheckSaid::Year(said),
        })
    };
    for (k, &(n, s)) in &then {
        let have = now.get(k).map_or(0, |x| x.0);
        for _ in have..n {
            push(s, YearSaid::PastDropped { kind: s.kind, from });
        }
    }
    for (k, &(n, s)) in &now {
        let had = then.get(k).map_or(0, |x| x.0);
        for _ in had..n {
            push(s, YearSaid::PastAdded { kind: s.kind, from });
        }
    }
}
