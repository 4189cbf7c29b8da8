//! The one-screen summary `validate` prints for a valid roster: what is in
//! it and whether the numbers can work.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::days::Official;
use crate::model::{Period, Role, Roster, UnitKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub township: String,
    pub year: i32,
    pub units_by_kind: Vec<(UnitKind, usize)>,
    pub units: usize,
    pub biweekly: usize,
    pub households: u64,
    pub cadres: usize,
    /// Cadres of the roster who leave during the year (a predecessor, or
    /// one with no successor): not counted in `cadres`.
    pub cadres_leaving: usize,
    /// Shared cadres of the roster who will lead no unit here (their
    /// earlier township's station takes this one's dates): not counted in
    /// `cadres`; `validate` on a city fills it in (`roster::clash`).
    pub shared_idle: Vec<String>,
    /// Leaders whom meetings in the station window keep from stationing:
    /// the roster cannot tell it, so `validate` fills it in
    /// (`calendar::taken`), to say beside the staffing line.
    pub window_taken: Vec<crate::calendar::taken::WindowTaken>,
    pub helpers_by_role: Vec<(Role, usize)>,
    /// Leaders' summed [min, max] against the number of units.
    pub places: (usize, usize),
    /// Per team slot: its roles, units needing it, teams its helpers can take.
    pub slots: Vec<(Vec<Role>, bool, usize, usize)>,
    /// Helpers of the township (no unit of their own) whom a team place
    /// takes: with the leaders, who can staff a station session.
    pub township_helpers: usize,
    /// With one team place for the township's helpers and every unit
    /// weekly: its roles, and how many more teams there are than such
    /// helpers (a leader with several units is away from each most weeks,
    /// so a helper on two teams leaves one short). Zero when each team can
    /// have one of its own.
    pub shared_place: Option<(Vec<Role>, usize)>,
    pub meetings: usize,
    pub holidays: usize,
    pub farthest_minutes: f64,
    pub nearest_minutes: f64,
    /// Each unit's minutes from the office by road, farthest first (roster
    /// order among equals): what a variant's `min_travel_minutes` selects on.
    pub travel: Vec<UnitTravel>,
    /// Where the year's holidays come from, and what an uncovered year lacks.
    pub days: DaysNote,
}

/// A unit and its minutes from the office by road (`None`: no road leads there).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitTravel {
    pub name: String,
    pub kind: UnitKind,
    pub households: u32,
    pub minutes: Option<f64>,
}

/// The units' minutes from the office, farthest first.
pub fn unit_travel(r: &Roster) -> Vec<UnitTravel> {
    let mut out: Vec<UnitTravel> = r
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| UnitTravel {
            name: u.name.clone(),
            kind: u.kind,
            households: u.households,
            minutes: r.travel.office_to_unit.get(i).copied().flatten(),
        })
        .collect();
    out.sort_by(|a, b| {
        let m = |t: &UnitTravel| t.minutes.unwrap_or(f64::INFINITY);
        m(b).total_cmp(&m(a))
    });
    out
}

/// The year's holidays and swapped working days, for the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct DaysNote {
    pub official: Official,
    pub official_holidays: usize,
    pub official_workdays: usize,
    pub own_holidays: usize,
    pub own_workdays: usize,
    /// A year the official calendar does not cover, whose roster lists none
    /// of these holidays: a warning each.
    pub missing: Vec<Festival>,
}

/// The holidays no year goes without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Festival {
    SpringFestival,
    NationalDay,
}

/// Is this one of the roster's holidays the festival? By its name, or by its
/// dates: Spring Festival's first day always falls 21 January – 20 February,
/// and its holiday runs several days; National Day's holds 1 October.
fn is_festival(p: &Period, f: Festival, year: i32) -> bool {
    let name = p.why.to_lowercase();
    let day = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    match f {
        Festival::SpringFestival => {
            name.contains("春节")
                || name.contains("spring")
                || (day(1, 21).is_some_and(|a| p.to >= a)
                    && day(2, 20).is_some_and(|b| p.from <= b)
                    && (p.to - p.from).num_days() >= 2)
        }
        Festival::NationalDay => {
            name.contains("国庆")
                || name.contains("national")
                || day(10, 1).is_some_and(|d| p.contains(d))
        }
    }
}

fn days_note(r: &Roster) -> DaysNote {
    let d = &r.days;
    let missing = if d.official == Official::NotCovered {
        [Festival::SpringFestival, Festival::NationalDay]
            .into_iter()
            .filter(|&f| {
                !r.holidays
                    .iter()
                    .any(|p| is_festival(p, f, r.township.year))
            })
            .collect()
    } else {
        Vec::new()
    };
    DaysNote {
        official: d.official,
        official_holidays: d.official_counts.0,
        official_workdays: d.official_counts.1,
        own_holidays: r.holidays.len(),
        own_workdays: r.workdays.len(),
        missing,
    }
}

pub fn summarize(r: &Roster) -> Summary {
    // A predecessor who leaves and the successor hold one post: the figures
    // are of the roster as it stands at the year's end.
    let end = r.at_year_end();
    let cadres_leaving = r.cadres.len() - end.cadres.len();
    let r = &end;
    let mut kinds: BTreeMap<UnitKind, usize> = BTreeMap::new();
    for u in &r.units {
        *kinds.entry(u.kind).or_default() += 1;
    }
    let mut roles: BTreeMap<Role, usize> = BTreeMap::new();
    for h in &r.helpers {
        *roles.entry(h.role).or_default() += 1;
    }
    let places = (0..r.cadres.len()).fold((0, 0), |(a, b), c| {
        let (lo, hi) = r.bounds_of(c);
        (a + lo, b + hi)
    });
    let slots = r
        .policy
        .team
        .iter()
        .map(|s| {
            let teams: usize = if s.from_unit {
                r.units
                    .iter()
                    .filter(|u| {
                        r.helpers
                            .iter()
                            .any(|h| h.unit.as_deref() == Some(&u.id) && s.roles.contains(&h.role))
                    })
                    .count()
            } else {
                r.helpers
                    .iter()
                    .filter(|h| h.unit.is_none() && s.roles.contains(&h.role))
                    .map(|h| h.max_teams)
                    .sum()
            };
            (s.roles.clone(), s.from_unit, r.units.len(), teams)
        })
        .collect();
    let township_helpers = r
        .helpers
        .iter()
        .filter(|h| {
            h.unit.is_none()
                && r.policy
                    .team
                    .iter()
                    .any(|t| !t.from_unit && t.roles.contains(&h.role))
        })
        .count();
    // Two places a team could let a shared helper's absence go unnoticed;
    // one place makes the sharing a certain gap whenever the leaders are
    // away. Only when every unit sits weekly: two fortnightly teams can
    // share a helper in alternate weeks without a gap.
    let township_slots: Vec<_> = r.policy.team.iter().filter(|t| !t.from_unit).collect();
    let all_weekly = r
        .units
        .iter()
        .all(|u| u.cadence == crate::model::Cadence::Weekly);
    let shared_place = match township_slots.as_slice() {
        [slot] if all_weekly && r.cadres.len() < r.units.len() => Some((
            slot.roles.clone(),
            r.units.len().saturating_sub(township_helpers),
        )),
        _ => None,
    };
    Summary {
        township: r.township.name.clone(),
        year: r.township.year,
        units_by_kind: kinds.into_iter().collect(),
        units: r.units.len(),
        biweekly: r
            .units
            .iter()
            .filter(|u| u.cadence == crate::model::Cadence::Biweekly)
            .count(),
        households: r.units.iter().map(|u| u.households as u64).sum(),
        cadres: r.cadres.len(),
        cadres_leaving,
        shared_idle: Vec::new(),
        window_taken: Vec::new(),
        helpers_by_role: roles.into_iter().collect(),
        places,
        slots,
        township_helpers,
        shared_place,
        meetings: r.meetings.len(),
        holidays: r.holidays.len(),
        farthest_minutes: r
            .travel
            .office_to_unit
            .iter()
            .flatten()
            .fold(0.0, |a: f64, b| a.max(*b)),
        nearest_minutes: r
            .travel
            .office_to_unit
            .iter()
            .flatten()
            .fold(None, |a: Option<f64>, b| Some(a.map_or(*b, |a| a.min(*b))))
            .unwrap_or(0.0),
        travel: unit_travel(r),
        days: days_note(r),
    }
}
