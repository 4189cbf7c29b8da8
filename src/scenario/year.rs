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
    /// Sessions from the date before (the post's) and after, for each
    /// person with more, most first.
    pub load_rises: Vec<(String, usize, usize)>,
}

/// The date a plan's handovers cut the year at: the earliest.
pub fn handover_date(new: &PlanFile) -> Option<NaiveDate> {
    new.handover
        .iter()
        .filter_map(|h| NaiveDate::parse_from_str(&h.date, "%Y-%m-%d").ok())
        .min()
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
    let (mut before, after) = (load(prev), load(new));
    for h in &new.handover {
        if let Some(n) = before.remove(&h.from) {
            *before.entry(h.to.clone()).or_default() += n;
        }
    }
    let mut load_rises: Vec<(String, usize, usize)> = after
        .iter()
        .map(|(p, &a)| (p.clone(), before.get(p).copied().unwrap_or(0), a))
        .filter(|(_, b, a)| a > b)
        .collect();
    load_rises.sort_by(|x, y| (y.2 - y.1).cmp(&(x.2 - x.1)).then(x.0.cmp(&y.0)));
    FromDate {
        from,
        handovers: new
            .handover
            .iter()
            .map(|h| (h.from.clone(), h.to.clone(), h.units.clone()))
            .collect(),
        dropped,
        added,
        visits_moved,
        load_rises,
    }
}
