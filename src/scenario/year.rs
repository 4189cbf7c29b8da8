//! What a mid-year change changes from its date: who hands over to whom
//! and which units, how many sessions (and household visits) of the plan in
//! force are dropped or added from the date on, and whose load rises (a
//! successor's counted against the predecessor's).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::plan::{PlanFile, Session};

#[derive(Debug, Clone, PartialEq)]
pub struct FromDate {
    pub from: NaiveDate,
    /// (predecessor, successor, units), in the plan's order.
    pub handovers: Vec<(String, String, Vec<String>)>,
    /// Sessions from the date the plan in force has and the new one not.
    pub dropped: usize,
    /// Sessions from the date the new plan has and the plan in force not.
    pub added: usize,
    /// Of the dropped, household visits.
    pub visits_moved: usize,
    /// Units whose leader changes with no handover from the date on (a
    /// leader who leaves with no successor): (unit, old leader, new leader).
    pub leader_changes: Vec<(String, String, String)>,
    /// Sessions from the date before (the post's) and after, for each
    /// person with more, most first, with the predecessor whose post's
    /// sessions the "before" counts.
    pub load_rises: Vec<(String, usize, usize, Option<String>)>,
    /// Units each leader at the year's end holds before (the post's: a
    /// successor counted with the predecessor's) and after, for each leader
    /// with more, most first, with the predecessor.
    pub unit_rises: Vec<(String, usize, usize, Option<String>)>,
    /// Sessions without a township member in the whole year, before and
    /// after (as each plan's figures say).
    pub shortfalls: (usize, usize),
}

/// The date a plan's change cuts the year at: the date it was replanned
/// from, else its earliest handover.
pub fn handover_date(new: &PlanFile) -> Option<NaiveDate> {
    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    new.plan
        .replanned_from
        .as_deref()
        .and_then(day)
        .or_else(|| new.handover.iter().filter_map(|h| day(&h.date)).min())
}

/// Units whose year-end leader differs between the plans where no handover
/// explains it.
fn leader_changes(
    prev: &PlanFile,
    new: &PlanFile,
    handovers: &[&crate::plan::HandoverLine],
) -> Vec<(String, String, String)> {
    let old: BTreeMap<&str, &str> = prev
        .assignment
        .iter()
        .map(|a| (a.unit.as_str(), a.leader.as_str()))
        .collect();
    new.assignment
        .iter()
        .filter_map(|a| {
            let was = *old.get(a.unit.as_str())?;
            let handed = handovers.iter().any(|h| h.from == was && h.to == a.leader);
            (was != a.leader && !handed)
                .then(|| (a.unit.clone(), was.to_string(), a.leader.clone()))
        })
        .collect()
}

fn later<'a>(p: &'a PlanFile, from: &str) -> BTreeMap<String, (usize, &'a Session)> {
    let mut m: BTreeMap<String, (usize, &Session)> = BTreeMap::new();
    for s in p.session.iter().filter(|s| s.date.as_str() >= from) {
        m.entry(format!("{s:?}")).or_insert((0, s)).0 += 1;
    }
    m
}

pub fn from_date(prev: &PlanFile, new: &PlanFile, from: NaiveDate) -> FromDate {
    let day = from.to_string();
    let (old, now) = (later(prev, &day), later(new, &day));
    let (mut dropped, mut added, mut visits_moved) = (0, 0, 0);
    for (k, &(n, s)) in &old {
        let gone = n.saturating_sub(now.get(k).map_or(0, |x| x.0));
        dropped += gone;
        if s.kind == "household_visit" {
            visits_moved += gone;
        }
    }
    for (k, &(n, _)) in &now {
        added += n.saturating_sub(old.get(k).map_or(0, |x| x.0));
    }
    let load = |p: &PlanFile| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for s in p.session.iter().filter(|s| s.date >= day) {
            for x in &s.people {
                *m.entry(x.clone()).or_default() += 1;
            }
        }
        m
    };
    // Only the handovers from the date on: an earlier replan's are the past.
    let handovers: Vec<&crate::plan::HandoverLine> =
        new.handover.iter().filter(|h| h.date >= day).collect();
    // A post's sessions: the predecessor's, before and after (one who
    // serves past the date still has some), counted with the successor.
    let (mut before, mut after) = (load(prev), load(new));
    let mut succeeds: BTreeMap<&str, &str> = BTreeMap::new();
    for h in &handovers {
        if let Some(n) = before.remove(&h.from) {
            *before.entry(h.to.clone()).or_default() += n;
            succeeds.insert(&h.to, &h.from);
            if let Some(m) = after.remove(&h.from) {
                *after.entry(h.to.clone()).or_default() += m;
            }
        }
    }
    let load_rises = rises(&before, &after, &succeeds);
    let units = |p: &PlanFile| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for a in &p.assignment {
            *m.entry(a.leader.clone()).or_default() += 1;
        }
        m
    };
    let mut units_before = units(prev);
    for h in &handovers {
        if let Some(n) = units_before.remove(&h.from) {
            *units_before.entry(h.to.clone()).or_default() += n;
        }
    }
    let unit_rises = rises(&units_before, &units(new), &succeeds);
    FromDate {
        from,
        leader_changes: leader_changes(prev, new, &handovers),
        handovers: handovers
            .iter()
            .map(|h| (h.from.clone(), h.to.clone(), h.units.clone()))
            .collect(),
        dropped,
        added,
        visits_moved,
        load_rises,
        unit_rises,
        shortfalls: (
            prev.plan.metrics.shortfall_sessions,
            new.plan.metrics.shortfall_sessions,
        ),
    }
}

/// Who has more after than before, most first, with the predecessor whose
/// post the "before" counts.
fn rises(
    before: &BTreeMap<String, usize>,
    after: &BTreeMap<String, usize>,
    succeeds: &BTreeMap<&str, &str>,
) -> Vec<(String, usize, usize, Option<String>)> {
    let mut out: Vec<(String, usize, usize, Option<String>)> = after
        .iter()
        .map(|(p, &a)| {
            let b = before.get(p).copied().unwrap_or(0);
            (
                p.clone(),
                b,
                a,
                succeeds.get(p.as_str()).map(|x| x.to_string()),
            )
        })
        .filter(|(_, b, a, _)| a > b)
        .collect();
    out.sort_by(|x, y| (y.2 - y.1).cmp(&(x.2 - x.1)).then(x.0.cmp(&y.0)));
    out
}
