//! The check across the townships of a city: no person shared between
//! townships (`shared = true`) is in two places at once: no session,
//! make-up or household visit of one township overlaps in time one of
//! another township on the same date. Read from the plans alone.

use std::collections::BTreeMap;

use crate::model::Roster;
use crate::plan::PlanFile;
use crate::roster::across::Shared;
use crate::wording::Lang;
use crate::wording::across::TwoPlaces;
use crate::wording::names::unit;

/// One township as the check needs it: its name, roster and plan.
pub struct Town<'a> {
    pub name: String,
    pub roster: &'a Roster,
    pub plan: &'a PlanFile,
}

/// Every time a shared person is in two townships at once, by date.
pub fn two_places(towns: &[Option<Town>], shared: &[Shared], lang: Lang) -> Vec<TwoPlaces> {
    let mut out = Vec::new();
    for s in shared {
        // (date, start, end, township, unit) of every session naming them.
        let mut by_date: BTreeMap<&str, Vec<(&str, &str, usize, &str)>> = BTreeMap::new();
        for &t in &s.townships {
            let Some(Some(town)) = towns.get(t) else {
                continue;
            };
            for x in town
                .plan
                .session
                .iter()
                .filter(|x| x.people.contains(&s.id))
            {
                by_date
                    .entry(&x.date)
                    .or_default()
                    .push((&x.start, &x.end, t, &x.unit));
            }
        }
        for (date, list) in by_date {
            for (j, b) in list.iter().enumerate() {
                for a in &list[..j] {
                    if a.2 == b.2 || !(a.0 < b.1 && b.0 < a.1) {
                        continue;
                    }
                    let (ta, tb) = (towns[a.2].as_ref(), towns[b.2].as_ref());
                    let (Some(ta), Some(tb)) = (ta, tb) else {
                        continue;
                    };
                    out.push(TwoPlaces {
                        person: s.name.clone(),
                        township: ta.name.clone(),
                        unit: unit(ta.roster, a.3, lang),
                        other: tb.name.clone(),
                        other_unit: unit(tb.roster, b.3, lang),
                        date: date.to_string(),
                        times: format!("{}–{}", a.0, a.1),
                        other_times: format!("{}–{}", b.0, b.1),
                    });
                }
            }
        }
    }
    out
}
