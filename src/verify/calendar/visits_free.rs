//! Calendar rule 4, a `household_visits_short` warning must be true: the
//! visits that fall short did not fit, so those who owe them (the member
//! the warning names, with whoever held the post before them; by team, the
//! unit's visitors) had no half-day left for a visit — a half-day on a
//! visit day or a swapped working day, outside holidays, while they serve,
//! not away, in no meeting or session then, in a month they have not filled
//! to `visit_half_days_per_month`, and on or after the date a replan starts
//! from. Counted here from the roster and the plan's sessions alone.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::visit_cap::visit_months;
use super::{Cx, Resolved, overlaps};
use crate::verify::planfile::Plan;

const HALVES: [(u32, u32, u32, u32); 2] = [(9, 0, 12, 0), (14, 30, 17, 30)];

/// Half-days free for visits, for some of a group of people.
pub(super) struct Free {
    /// Each person's free half-days under their monthly cap, summed.
    pub half_days: u32,
    /// The first of them: the date and whether it is the afternoon.
    pub first: (NaiveDate, bool),
}

/// What the count needs from the plan, built once.
pub(super) struct Busy {
    /// Session times per person and date.
    times: HashMap<(usize, NaiveDate), Vec<(NaiveTime, NaiveTime)>>,
    /// Visit half-days per person and month.
    months: BTreeMap<(usize, u32), u32>,
}

impl Busy {
    pub(super) fn of(cx: &Cx, plan: &Plan, resolved: &Resolved) -> Busy {
        let mut times: HashMap<(usize, NaiveDate), Vec<(NaiveTime, NaiveTime)>> = HashMap::new();
        for (s, (_, people)) in plan.sessions.iter().zip(resolved) {
            for p in people.iter().flatten() {
                times
                    .entry((*p, s.date))
                    .or_default()
                    .push((s.start, s.end));
            }
        }
        Busy {
            times,
            months: visit_months(cx, plan, resolved),
        }
    }
}

/// The half-days in which one of `people` could have held a visit; `None`
/// when there is none.
pub(super) fn free_half_days(cx: &Cx, busy: &Busy, people: &[usize]) -> Option<Free> {
    let roster = cx.roster;
    let cap = roster.policy.visit_half_days_per_month;
    let first_day = NaiveDate::from_ymd_opt(cx.year, 1, 1)?;
    let from = cx.from.map_or(first_day, |f| f.max(first_day));
    let halves: Vec<(NaiveTime, NaiveTime)> = HALVES
        .iter()
        .map(|h| {
            (
                NaiveTime::from_hms_opt(h.0, h.1, 0).expect("a time"),
                NaiveTime::from_hms_opt(h.2, h.3, 0).expect("a time"),
            )
        })
        .collect();
    let mut total = 0u32;
    let mut first: Option<(NaiveDate, bool)> = None;
    for &p in people {
        let (joins, leaves) = roster.service(cx.id(p));
        // Free half-days per month, before the cap.
        let mut per_month = [0u32; 12];
        let mut first_of: [Option<(NaiveDate, bool)>; 12] = [None; 12];
        for d in from.iter_days().take_while(|d| cx.in_year(*d)) {
            if joins.is_some_and(|j| d < j) || leaves.is_some_and(|l| d >= l) {
                continue;
            }
            if cx.holiday(d).is_some() || !roster.days.working(d, &roster.policy.visit_days) {
                continue;
            }
            for (k, &t) in halves.iter().enumerate() {
                let taken = busy
                    .times
                    .get(&(p, d))
                    .is_some_and(|ts| ts.iter().any(|&s| overlaps(s, t)));
                if taken || cx.blocked(p, d, t).is_some() {
                    continue;
                }
                let m = d.month0() as usize;
                per_month[m] += 1;
                first_of[m].get_or_insert((d, k == 1));
            }
        }
        for (m, (&free, &first_here)) in per_month.iter().zip(&first_of).enumerate() {
            let used = busy.months.get(&(p, m as u32 + 1)).copied().unwrap_or(0);
            let room = free.min(cap.saturating_sub(used));
            if room == 0 {
                continue;
            }
            total += room;
            if let Some(f) = first_here
                && first.is_none_or(|g| f < g)
            {
                first = Some(f);
            }
        }
    }
    Some(Free {
        half_days: total,
        first: first?,
    })
}
