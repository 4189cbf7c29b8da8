//! Calendar rule 4, household visits: each visit's shape (one member, a half
//! day, a known hamlet, a household count within the policy), and each
//! member's totals hamlet by hamlet and their spread over the months.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use super::{Cx, Resolved, Warnings, at};
use crate::verify::Violation;
use crate::verify::planfile::{Kind, Plan, Session};
use crate::wording::check::{CheckSaid, Rule};

const MORNING: (u32, u32, u32, u32) = (9, 0, 12, 0);
const AFTERNOON: (u32, u32, u32, u32) = (14, 30, 17, 30);

fn half_day(t: (u32, u32, u32, u32)) -> (NaiveTime, NaiveTime) {
    (
        NaiveTime::from_hms_opt(t.0, t.1, 0).expect("a time"),
        NaiveTime::from_hms_opt(t.2, t.3, 0).expect("a time"),
    )
}

/// The hamlet a visit names: its index in the unit's hamlets, or 0 for a
/// unit without hamlets (visited as one, named after the unit).
fn hamlet_of(cx: &Cx, s: &Session, u: usize) -> Option<usize> {
    let unit = &cx.roster.units[u];
    let h = s.hamlet.as_deref()?;
    if unit.hamlets.is_empty() {
        (h == unit.name || h == unit.id).then_some(0)
    } else {
        unit.hamlets.iter().position(|x| x.name == h)
    }
}

pub(super) fn visit_shape(cx: &Cx, s: &Session, u: usize, out: &mut Vec<Violation>) {
    let rule = Rule::Visits;
    // A visit is one member's: name them when there is one.
    let who = match s.people.as_slice() {
        [one] => Some(one.as_str()),
        _ => None,
    };
    let at = |rule, unit: &str, _: Option<&str>, date, said| at(rule, unit, who, date, said);
    if s.people.len() != 1 {
        out.push(at(
            rule,
            &s.unit,
            None,
            s.date,
            CheckSaid::VisitPeople { n: s.people.len() },
        ));
    }
    let t = (s.start, s.end);
    if t != half_day(MORNING) && t != half_day(AFTERNOON) {
        out.push(at(
            rule,
            &s.unit,
            None,
            s.date,
            CheckSaid::VisitTimes {
                start: s.start,
                end: s.end,
            },
        ));
    }
    if s.date.weekday() == Weekday::Sun {
        out.push(at(rule, &s.unit, None, s.date, CheckSaid::VisitSunday));
    }
    let max = cx.roster.policy.households_per_visit_session;
    match s.households {
        None | Some(..=0) => out.push(at(
            rule,
            &s.unit,
            None,
            s.date,
            CheckSaid::VisitNoHouseholds,
        )),
        Some(n) if n > max as i64 => out.push(at(
            rule,
            &s.unit,
            None,
            s.date,
            CheckSaid::VisitTooMany { households: n, max },
        )),
        _ => {}
    }
    match &s.hamlet {
        None => out.push(at(rule, &s.unit, None, s.date, CheckSaid::VisitNoHamlet)),
        Some(h) if hamlet_of(cx, s, u).is_none() => out.push(at(
            rule,
            &s.unit,
            None,
            s.date,
            CheckSaid::VisitHamlet { hamlet: h.clone() },
        )),
        _ => {}
    }
}

/// Calendar rule 4: visit totals per member, hamlet by hamlet, and their
/// spread over the months.
pub(super) fn visit_totals(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    warnings: &Warnings,
    out: &mut Vec<Violation>,
) {
    let roster = cx.roster;
    let ncad = roster.cadres.len();
    // (unit, person) → households per hamlet, and sessions per month.
    let mut done: HashMap<(usize, usize), (Vec<i64>, [u32; 12])> = HashMap::new();
    for (s, (unit, people)) in plan.sessions.iter().zip(resolved) {
        let (Kind::Visit, Some(u), [Some(p)]) = (s.kind, *unit, people.as_slice()) else {
            continue;
        };
        // Visits outside the year are reported on their own and do not count.
        if !cx.in_year(s.date) {
            continue;
        }
        let Some(h) = hamlet_of(cx, s, u) else {
            continue;
        };
        let n = roster.units[u].hamlets.len().max(1);
        let e = done.entry((u, *p)).or_insert_with(|| (vec![0; n], [0; 12]));
        e.0[h] += s.households.unwrap_or(0).max(0);
        e.1[s.date.month0() as usize] += 1;
    }
    let visits = roster.policy.household_visits_per_member as i64;
    for (u, unit) in roster.units.iter().enumerate() {
        let t = &cx.teams.of_unit[u];
        let mut counted: Vec<usize> = t
            .leader
            .into_iter()
            .chain(t.slots.iter().map(|h| h + ncad))
            .collect();
        counted.dedup();
        let hamlets: Vec<(String, i64)> = if unit.hamlets.is_empty() {
            vec![(unit.name.clone(), unit.households as i64)]
        } else {
            unit.hamlets
                .iter()
                .map(|h| (h.name.clone(), h.households as i64))
                .collect()
        };
        for p in counted {
            let id = cx.id(p);
            let empty = (vec![0; hamlets.len()], [0; 12]);
            let (per_hamlet, months) = done.get(&(u, p)).unwrap_or(&empty);
            let short: Vec<(String, i64, i64)> = hamlets
                .iter()
                .enumerate()
                .filter(|(i, (_, hh))| per_hamlet[*i] < visits * hh)
                .map(|(i, (name, hh))| (name.clone(), per_hamlet[i], visits * hh))
                .collect();
            let warned = warnings
                .visits_short
                .contains(&(unit.id.clone(), id.to_string()));
            if !short.is_empty() && !warned {
                out.push(Violation {
                    rule: Rule::Visits,
                    unit: Some(unit.id.clone()),
                    person: Some(id.to_string()),
                    date: None,
                    said: CheckSaid::VisitsShort { short },
                });
            }
            // Spread: no month over twice its even share, the share taken over
            // the months the member is not away all month.
            let total: u32 = months.iter().sum();
            if total == 0 || warned {
                continue;
            }
            let free = (1..=12u32)
                .filter(|&m| {
                    let mut d = NaiveDate::from_ymd_opt(cx.year, m, 1).expect("a date");
                    while d.month() == m {
                        if d.weekday() != Weekday::Sun
                            && cx.away(p, d).is_none()
                            && cx.holiday(d).is_none()
                        {
                            return true;
                        }
                        d = d.succ_opt().expect("a date");
                    }
                    false
                })
                .count()
                .max(1) as u32;
            let limit = (2 * total).div_ceil(free);
            if let Some((m, &n)) = months.iter().enumerate().max_by_key(|(_, n)| **n)
                && n > limit
            {
                out.push(Violation {
                    rule: Rule::Visits,
                    unit: Some(unit.id.clone()),
                    person: Some(id.to_string()),
                    date: None,
                    said: CheckSaid::VisitSpread {
                        month: m as u32 + 1,
                        sessions: n,
                        total,
                        limit,
                    },
                });
            }
        }
    }
}
