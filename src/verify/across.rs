//! The check across the townships of a city: no person shared between
//! townships (`shared = true`) is in two places at once: no session,
//! make-up or household visit of one township overlaps in time one of
//! another township on the same date, nor comes closer to it than the travel
//! time between the two townships (city.toml's `minutes_between_townships`
//! or the pair's `[[township_road]]`, on the roster). Read from the plans
//! alone.

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

/// Minutes since midnight of `HH:MM`.
fn minutes(t: &str) -> Option<i64> {
    let (h, m) = t.split_once(':')?;
    Some(h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?)
}

/// Every time a shared person is in two townships at once, or without the
/// travel time between them, by date.
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
                    if a.2 == b.2 {
                        continue;
                    }
                    let (ta, tb) = (towns[a.2].as_ref(), towns[b.2].as_ref());
                    let (Some(ta), Some(tb)) = (ta, tb) else {
                        continue;
                    };
                    let (Some(a0), Some(a1), Some(b0), Some(b1)) =
                        (minutes(a.0), minutes(a.1), minutes(b.0), minutes(b.1))
                    else {
                        continue;
                    };
                    let m = ta
                        .roster
                        .township
                        .between
                        .minutes(&ta.roster.township.name, &tb.roster.township.name);
                    let at_once = a0 < b1 && b0 < a1;
                    let close = a0 < b1 + m as i64 && b0 < a1 + m as i64;
                    if !close {
                        continue;
                    }
                    // The earlier first.
                    let (a, b, ta, tb) = if a0 <= b0 {
                        (a, b, ta, tb)
                    } else {
                        (b, a, tb, ta)
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
                        travel: (!at_once).then_some(m),
                    });
                }
            }
        }
    }
    out
}
