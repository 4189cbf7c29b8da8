//! The one-screen summary `validate` prints for a valid roster: what is in
//! it and whether the numbers can work.

use std::collections::BTreeMap;

use crate::model::{Role, Roster, UnitKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub township: String,
    pub year: i32,
    pub units_by_kind: Vec<(UnitKind, usize)>,
    pub units: usize,
    pub biweekly: usize,
    pub households: u64,
    pub cadres: usize,
    pub helpers_by_role: Vec<(Role, usize)>,
    /// Leaders' summed [min, max] against the number of units.
    pub places: (usize, usize),
    /// Per team slot: its roles, units needing it, teams its helpers can take.
    pub slots: Vec<(Vec<Role>, bool, usize, usize)>,
    pub meetings: usize,
    pub holidays: usize,
    pub farthest_minutes: f64,
}

pub fn summarize(r: &Roster) -> Summary {
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
        helpers_by_role: roles.into_iter().collect(),
        places,
        slots,
        meetings: r.meetings.len(),
        holidays: r.holidays.len(),
        farthest_minutes: r
            .travel
            .office_to_unit
            .iter()
            .flatten()
            .fold(0.0, |a: f64, b| a.max(*b)),
    }
}
