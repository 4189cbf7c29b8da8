//! Replanning from a date (`check --previous PLAN --from DATE`): every
//! session before the date is exactly as in the plan in force, none added,
//! none dropped or changed; and how much is untouched before the date and
//! changed from it.

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

/// A replan from a date against the plan in force, in sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct PastCounts {
    pub from: NaiveDate,
    /// The plan in force's sessions before the date, and of them how many
    /// the plan has exactly as they were.
    pub before: usize,
    pub untouched: usize,
    /// From the date: the plan in force's sessions the plan does not have
    /// as they were (dropped, moved or with other people), and the plan's
    /// sessions the plan in force did not have.
    pub dropped: usize,
    pub added: usize,
}

/// Each distinct session on the chosen side of `from`, with its count.
fn side(p: &Plan, from: NaiveDate, after: bool) -> BTreeMap<String, usize> {
    let mut m: BTreeMap<String, usize> = BTreeMap::new();
    for s in p.sessions.iter().filter(|s| (s.date >= from) == after) {
        *m.entry(key(s)).or_default() += 1;
    }
    m
}

/// How many of `previous`'s sessions in `a` are missing from `b`.
fn missing(a: &BTreeMap<String, usize>, b: &BTreeMap<String, usize>) -> usize {
    a.iter()
        .map(|(k, n)| n.saturating_sub(b.get(k).copied().unwrap_or(0)))
        .sum()
}

pub fn counts(plan: &Plan, previous: &Plan, from: NaiveDate) -> PastCounts {
    let (then, now) = (side(previous, from, false), side(plan, from, false));
    let before: usize = then.values().sum();
    let (then_after, now_after) = (side(previous, from, true), side(plan, from, true));
    PastCounts {
        from,
        before,
        untouched: before - missing(&then, &now),
        dropped: missing(&then_after, &now_after),
        added: missing(&now_after, &then_after),
    }
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

/// Several townships' replans added up, with their common date (`None`
/// when they differ); `None` for none.
pub fn total(parts: &[PastCounts]) -> Option<(Option<NaiveDate>, PastCounts)> {
    let first = parts.first()?;
    let same = parts.iter().all(|p| p.from == first.from);
    let mut sum = PastCounts {
        from: first.from,
        before: 0,
        untouched: 0,
        dropped: 0,
        added: 0,
    };
    for p in parts {
        sum.before += p.before;
        sum.untouched += p.untouched;
        sum.dropped += p.dropped;
        sum.added += p.added;
    }
    Some((same.then_some(first.from), sum))
}
