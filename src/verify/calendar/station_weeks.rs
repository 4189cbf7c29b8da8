//! Calendar rule 1, the station weeks: each unit holds one station session
//! every week (every second week when biweekly, on the parity the plan
//! chose; under a fixed rotation every second station week, holidays not
//! counted) outside holidays, never twice a day nor off its turn. The dates
//! found here serve the rotation and make-up rules.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};

use super::{Cx, Resolved, at};
use crate::verify::Violation;
use crate::verify::planfile::{Kind, Plan};
use crate::wording::check::{CheckSaid, Rule};

/// Each unit's station dates, the required ones (per cadence and the
/// biweekly parity the plan chose), and its station sessions by date.
pub(super) struct Stations {
    /// Every date of the station weekday in the year, k = 0, 1, …
    pub(super) weeks: Vec<NaiveDate>,
    /// Per unit: the weeks k it must hold a station session in.
    pub(super) required: Vec<Vec<usize>>,
    /// Per unit: station session indices, sorted by date.
    pub(super) sessions: Vec<Vec<usize>>,
    /// Per week k: its station-week number counting past holidays (`None` in
    /// a holiday week), what a fixed rotation's cycle counts.
    pub(super) open: Vec<Option<usize>>,
}

/// Calendar rule 1: a station session every (second) week, once.
pub(super) fn station_weeks(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    out: &mut Vec<Violation>,
) -> Stations {
    let roster = cx.roster;
    let first = NaiveDate::from_ymd_opt(cx.year, 1, 1).expect("a valid year");
    let mut d = first;
    while d.weekday() != roster.station.weekday {
        d = d.succ_opt().expect("a date");
    }
    let mut weeks = Vec::new();
    while d.year() == cx.year {
        weeks.push(d);
        d += Duration::days(7);
    }
    let mut n = 0;
    let open: Vec<Option<usize>> = weeks
        .iter()
        .map(|&d| {
            cx.holiday(d).is_none().then(|| {
                n += 1;
                n - 1
            })
        })
        .collect();
    // A fixed rotation counts fortnights in station weeks, holidays skipped.
    let by_station_week = roster.policy.rotation == crate::model::Rotation::Fixed;
    let fortnight = |k: usize| if by_station_week { open[k] } else { Some(k) };
    let week_of: HashMap<NaiveDate, usize> =
        weeks.iter().enumerate().map(|(k, d)| (*d, k)).collect();
    let nu = roster.units.len();
    let mut sessions: Vec<Vec<usize>> = vec![Vec::new(); nu];
    for (i, (unit, _)) in resolved.iter().enumerate() {
        if let (Some(u), Kind::Station) = (unit, plan.sessions[i].kind) {
            sessions[*u].push(i);
        }
    }
    let mut required = vec![Vec::new(); nu];
    for u in 0..nu {
        sessions[u].sort_by_key(|&i| (plan.sessions[i].date, plan.sessions[i].start));
        let held: Vec<usize> = sessions[u]
            .iter()
            .filter_map(|&i| week_of.get(&plan.sessions[i].date).copied())
            .collect();
        // Biweekly: the parity the plan holds most sessions on is the one it chose.
        let step = match roster.units[u].cadence {
            crate::model::Cadence::Weekly => None,
            crate::model::Cadence::Biweekly => {
                let odd = held
                    .iter()
                    .filter(|&&k| fortnight(k).is_some_and(|f| f % 2 == 1))
                    .count();
                Some(if odd > held.len() - odd { 1 } else { 0 })
            }
        };
        let wanted = |k: usize| step.is_none_or(|p| fortnight(k).is_none_or(|f| f % 2 == p));
        required[u] = (0..weeks.len())
            .filter(|&k| wanted(k) && cx.holiday(weeks[k]).is_none())
            .collect();
        let unit = &roster.units[u];
        let held_set: HashSet<usize> = held.iter().copied().collect();
        for &k in &required[u] {
            if !held_set.contains(&k) {
                out.push(at(
                    Rule::Station,
                    &unit.id,
                    None,
                    weeks[k],
                    CheckSaid::StationMissing,
                ));
            }
        }
        let mut last: Option<NaiveDate> = None;
        for &i in &sessions[u] {
            let s = &plan.sessions[i];
            if last == Some(s.date) {
                out.push(at(
                    Rule::Station,
                    &unit.id,
                    None,
                    s.date,
                    CheckSaid::StationTwice,
                ));
            }
            last = Some(s.date);
            if let Some(&k) = week_of.get(&s.date)
                && !wanted(k)
            {
                out.push(at(
                    Rule::Station,
                    &unit.id,
                    None,
                    s.date,
                    CheckSaid::StationOffTurn,
                ));
            }
        }
    }
    Stations {
        weeks,
        required,
        sessions,
        open,
    }
}
