//! Calendar rule 4, household visits: each visit's shape (one to three of the
//! team, a half day on a visit day or a swapped working day, a known hamlet,
//! a household count within the policy), and the totals hamlet by hamlet —
//! the team's (`household_visits_by = "team"`) or each leader's and slot
//! helper's, a joint visit counting for every member in it — and their
//! spread over the months, unit by unit.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::visits_free::{Busy, free_half_days};
use super::{Cx, Resolved, Warnings, at};
use crate::model::VisitsBy;
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
    // Name the one who went, when one did.
    let who = match s.people.as_slice() {
        [one] => Some(one.as_str()),
        _ => None,
    };
    let at = |rule, unit: &str, _: Option<&str>, date, said| at(rule, unit, who, date, said);
    if s.people.is_empty() || s.people.len() > 3 {
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
    let days = &cx.roster.policy.visit_days;
    if cx.in_year(s.date) && cx.holiday(s.date).is_none() && !cx.roster.days.working(s.date, days) {
        out.push(at(
            rule,
            &s.unit,
            None,
            s.date,
            CheckSaid::VisitDay {
                weekday: s.date.weekday(),
                days: days.clone(),
            },
        ));
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
/// spread over the months, unit by unit.
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
    // Unit → households per hamlet, all its visits together.
    let mut team: Vec<Option<Vec<i64>>> = vec![None; roster.units.len()];
    let mut unit_months: Vec<[u32; 12]> = vec![[0; 12]; roster.units.len()];
    for (s, (unit, people)) in plan.sessions.iter().zip(resolved) {
        let (Kind::Visit, Some(u)) = (s.kind, *unit) else {
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
        let households = s.households.unwrap_or(0).max(0);
        // A joint visit counts for every member in it, and once for the team.
        let mut seen: Vec<usize> = Vec::new();
        for p in people.iter().flatten() {
            // A predecessor's visits count toward the post, held at the
            // year's end by the successor.
            let p = &cx.at_year_end(*p);
            if seen.contains(p) {
                continue;
            }
            seen.push(*p);
            let e = done.entry((u, *p)).or_insert_with(|| (vec![0; n], [0; 12]));
            e.0[h] += households;
            e.1[s.date.month0() as usize] += 1;
        }
        team[u].get_or_insert_with(|| vec![0; n])[h] += households;
        unit_months[u][s.date.month0() as usize] += 1;
    }
    // A `household_visits_short` warning excuses a shortfall only when
    // those who owe the visits had no half-day left for them.
    let busy = Busy::of(cx, plan, resolved);
    let excuse_false = |people: &[usize], short: &[(String, i64, i64)]| {
        free_half_days(cx, &busy, people).map(|f| CheckSaid::VisitsShortButFree {
            short: short.to_vec(),
            half_days: f.half_days,
            first: f.first.0,
            afternoon: f.first.1,
        })
    };
    let visits = roster.policy.household_visits as i64;
    let by_team = roster.policy.household_visits_by == VisitsBy::Team;
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
        if by_team && t.leader.is_some() {
            let empty = vec![0; hamlets.len()];
            let per_hamlet = team[u].as_ref().unwrap_or(&empty);
            let short: Vec<(String, i64, i64)> = hamlets
                .iter()
                .enumerate()
                .filter(|(i, (_, hh))| per_hamlet[*i] < visits * hh)
                .map(|(i, (name, hh))| (name.clone(), per_hamlet[i], visits * hh))
                .collect();
            let said = if short.is_empty() {
                None
            } else if !warnings.visits_short_units.contains(&unit.id) {
                Some(CheckSaid::VisitsShort { short })
            } else {
                // The unit's visitors: its members who count, and its own people.
                let mut visitors: Vec<usize> = cx.members[u]
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let end = cx.at_year_end(p);
                        Some(end) == t.leader
                            || t.slots.iter().any(|h| h + ncad == end)
                            || (p >= ncad
                                && roster.helpers[p - ncad].unit.as_deref()
                                    == Some(unit.id.as_str()))
                    })
                    .collect();
                visitors.sort_unstable();
                excuse_false(&visitors, &short)
            };
            if let Some(said) = said {
                out.push(Violation {
                    rule: Rule::Visits,
                    unit: Some(unit.id.clone()),
                    person: None,
                    date: None,
                    said,
                });
            }
        }
        for p in counted {
            let id = cx.id(p);
            let empty = (vec![0; hamlets.len()], [0; 12]);
            let (per_hamlet, _) = done.get(&(u, p)).unwrap_or(&empty);
            let short: Vec<(String, i64, i64)> = hamlets
                .iter()
                .enumerate()
                .filter(|(i, (_, hh))| per_hamlet[*i] < visits * hh)
                .map(|(i, (name, hh))| (name.clone(), per_hamlet[i], visits * hh))
                .collect();
            let warned = warnings
                .visits_short
                .contains(&(unit.id.clone(), id.to_string()));
            let said = if by_team || short.is_empty() {
                None
            } else if !warned {
                Some(CheckSaid::VisitsShort { short })
            } else {
                // The post over the year: this member and whoever held it
                // before them, each while they served.
                let post: Vec<usize> = (0..ncad + roster.helpers.len())
                    .filter(|&q| cx.at_year_end(q) == p)
                    .collect();
                excuse_false(&post, &short)
            };
            if let Some(said) = said {
                out.push(Violation {
                    rule: Rule::Visits,
                    unit: Some(unit.id.clone()),
                    person: Some(id.to_string()),
                    date: None,
                    said,
                });
            }
        }
        // Spread: the unit's visits, no month over twice its even share, the
        // share taken over the months with a visit day. A replan from a
        // date plans the visits left over the months left: those are the
        // months it is held to (a trial's September replan, with the
        // unit's backlog, put 88 of them in December and was refused).
        let first = cx.from.map_or(0, |d| d.month0() as usize);
        let mut months = unit_months[u];
        months[..first].fill(0);
        let total: u32 = months.iter().sum();
        if total == 0 || warnings.visits_short_units.contains(&unit.id) {
            continue;
        }
        let open = (first as u32 + 1..=12u32)
            .filter(|&m| {
                let mut d = NaiveDate::from_ymd_opt(cx.year, m, 1).expect("a date");
                while d.month() == m {
                    if roster.days.working(d, &roster.policy.visit_days) {
                        return true;
                    }
                    d = d.succ_opt().expect("a date");
                }
                false
            })
            .count()
            .max(1) as u32;
        let limit = (2 * total).div_ceil(open);
        if let Some((m, &n)) = months.iter().enumerate().max_by_key(|(_, n)| **n)
            && n > limit
        {
            out.push(Violation {
                rule: Rule::Visits,
                unit: Some(unit.id.clone()),
                person: None,
                date: None,
                said: CheckSaid::VisitSpread {
                    month: m as u32 + 1,
                    sessions: n,
                    total,
                    limit,
                    since: cx.from.map(|d| d.month()),
                },
            });
        }
    }
}
