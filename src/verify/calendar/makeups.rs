//! Calendar rule 3, make-ups: each make-up's shape (the date it makes up,
//! its day, notice, `makeup_within_days` and window, the unit's own people
//! in it), that it makes up a session of its own unit that had no township
//! member, and every member an emergency meeting or an away period took from
//! such a session made up for, or named in a warning that it could not be.
//! A session someone of the township stood in for (代班) owes no make-up.
//! Under the flexible rotation a member on several teams taken away in a
//! week their units sit owes a make-up at one of those units.
//! A `makeup_impossible` warning must be true: no make-up day in the time
//! allowed suits those it names (and, under the fixed rotation, one of the
//! unit's own people). A make-up is for a date its unit sat.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::station_weeks::Stations;
use super::{Cx, Resolved, Stretch, Warnings, at};
use crate::verify::Violation;
use crate::verify::planfile::{Kind, Plan, Session};
use crate::wording::check::{Block, CheckSaid, Rule};
use crate::wording::station::TimetableSaid;

pub(super) fn makeup_shape(cx: &Cx, s: &Session, out: &mut Vec<Violation>) {
    let st = &cx.roster.station;
    let Some(missed) = s.makes_up else {
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::MakeupNoDate,
        ));
        return;
    };
    if !cx.station_date(missed) {
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::MakeupNotStationDate { missed },
        ));
    }
    if !st.makeup_days.contains(&s.date.weekday()) {
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::MakeupDay {
                weekday: s.date.weekday(),
                allowed: st.makeup_days.clone(),
            },
        ));
    }
    let notice = (s.date - missed).num_days();
    if notice < st.makeup_notice_days as i64 {
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::MakeupNotice {
                missed,
                days: notice,
                need: st.makeup_notice_days,
            },
        ));
    }
    if (s.start, s.end) != cx.window {
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::MakeupWindow {
                start: s.start,
                end: s.end,
                window: cx.window,
            },
        ));
    }
    if s.people.is_empty() {
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::MakeupNobody,
        ));
    }
    // The rules of the fixed rotation's make-ups; the flexible one keeps
    // the earlier rules.
    if cx.roster.policy.rotation != crate::model::Rotation::Fixed {
        return;
    }
    if notice > st.makeup_within_days as i64 {
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::Timetable(TimetableSaid::MakeupLate {
                missed,
                days: notice,
                within: st.makeup_within_days,
            }),
        ));
    }
    let own = s.people.iter().any(|id| {
        cx.roster
            .helper_index(id)
            .is_some_and(|h| cx.roster.helpers[h].unit.as_deref() == Some(s.unit.as_str()))
    });
    if !own && !s.people.is_empty() {
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::Timetable(TimetableSaid::MakeupNoOwnPeople),
        ));
    }
}

/// Calendar rule 3: members who would have attended a station session
/// (the unit's local members; leaders and helpers on a single team; under
/// a fixed rotation the leader on their turn) and were taken away by an
/// emergency meeting or an away period get a make-up for it, or a warning
/// that it could not be made up — unless the session still had a township
/// member. A make-up makes up a session of its own unit that had none.
pub(super) fn makeups_owed(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    stations: &Stations,
    warnings: &Warnings,
    out: &mut Vec<Violation>,
) {
    // Per unit and date: whether a station session was held, and with a
    // township member.
    let fixed = cx.roster.policy.rotation == crate::model::Rotation::Fixed;
    let mut held: HashMap<(usize, NaiveDate), bool> = HashMap::new();
    for (u, list) in stations.sessions.iter().enumerate().filter(|_| fixed) {
        for &i in list {
            let township = resolved[i].1.iter().flatten().any(|&p| {
                cx.members_at(u, plan.sessions[i].date).contains(&p) && cx.township_member(p)
            });
            *held.entry((u, plan.sessions[i].date)).or_default() |= township;
        }
    }
    // Under either rotation a make-up is for a week its unit sits (a
    // biweekly unit's off week has nothing to make up).
    let sits: HashSet<(usize, NaiveDate)> = stations
        .required
        .iter()
        .enumerate()
        .flat_map(|(u, ks)| ks.iter().map(move |&k| (u, stations.weeks[k])))
        .collect();
    for (s, (unit, _)) in plan.sessions.iter().zip(resolved) {
        let (Kind::Makeup, Some(u), Some(d)) = (s.kind, *unit, s.makes_up) else {
            continue;
        };
        let said = if !fixed {
            if sits.contains(&(u, d)) || !cx.station_date(d) {
                continue;
            }
            TimetableSaid::MakeupNoSession { missed: d }
        } else {
            match held.get(&(u, d)) {
                None => TimetableSaid::MakeupNoSession { missed: d },
                Some(true) => TimetableSaid::MakeupNotNeeded { missed: d },
                Some(false) => continue,
            }
        };
        out.push(at(
            Rule::Makeup,
            &s.unit,
            None,
            s.date,
            CheckSaid::Timetable(said),
        ));
    }
    let turns = super::timetable::turns(cx, plan);
    let mut made_up: HashSet<(usize, NaiveDate, usize)> = HashSet::new();
    for (s, (unit, people)) in plan.sessions.iter().zip(resolved) {
        if let (Kind::Makeup, Some(u), Some(d)) = (s.kind, unit, s.makes_up) {
            for p in people.iter().flatten() {
                made_up.insert((*u, d, *p));
            }
        }
    }
    let block_of = |p: usize, d: NaiveDate| {
        if let Some(a) = cx.away(p, d) {
            Some(Block::Away { why: a.why.clone() })
        } else {
            cx.meeting_during(p, d, cx.window, |m| m.emergency)
        }
    };
    let excused = |u: usize, d: NaiveDate, p: usize| {
        let id = cx.id(p);
        made_up.contains(&(u, d, p))
            || warnings.makeup_impossible.iter().any(|(wu, wd, wp)| {
                wu == &cx.roster.units[u].id
                    && *wd == d
                    && (wp.is_empty() || wp.iter().any(|x| x == id))
            })
    };
    // Each stretch of the year with its own teams (a replan's date cuts it).
    for (members, period) in cx.member_periods() {
        let owed = Owed {
            stations,
            turns: &turns,
            held: &held,
            excused: &excused,
            block_of: &block_of,
        };
        owed_in(cx, members, &period, &owed, out);
    }
}

/// What the make-up rule knows of the whole year.
struct Owed<'a> {
    stations: &'a Stations,
    /// The leaders' turns the timetables state: (unit, date) → leader.
    turns: &'a HashMap<(usize, NaiveDate), usize>,
    /// Per unit and date: a station session held, and with a township member.
    held: &'a HashMap<(usize, NaiveDate), bool>,
    /// Made up, or warned that it cannot be: (unit, date, person).
    excused: &'a dyn Fn(usize, NaiveDate, usize) -> bool,
    /// An away period or emergency meeting taking the person that day.
    block_of: &'a dyn Fn(usize, NaiveDate) -> Option<Block>,
}

/// The make-ups owed in one stretch of the year, with its teams' members.
fn owed_in(
    cx: &Cx,
    members: &[HashSet<usize>],
    period: &Stretch,
    owed: &Owed,
    out: &mut Vec<Violation>,
) {
    let Owed {
        stations,
        turns,
        held,
        excused,
        block_of,
    } = *owed;
    let fixed_rotation = cx.roster.policy.rotation == crate::model::Rotation::Fixed;
    let ncad = cx.roster.cadres.len();
    let is_local = |p: usize, u: usize| {
        p >= ncad && cx.roster.helpers[p - ncad].unit.as_deref() == Some(&cx.roster.units[u].id)
    };
    let mut teams_of: HashMap<usize, usize> = HashMap::new();
    for m in members {
        for &p in m {
            *teams_of.entry(p).or_default() += 1;
        }
    }
    if !fixed_rotation {
        // Under the flexible rotation a rotating member (on several teams,
        // local to none) taken away in a week some of their units sit
        // missed the one the rotation put them at: a make-up at one of
        // those units is owed, or a warning that it cannot be held.
        let mut rotating: Vec<usize> = teams_of
            .iter()
            .filter(|&(_, &n)| n > 1)
            .map(|(&p, _)| p)
            .filter(|&p| !(0..members.len()).any(|u| members[u].contains(&p) && is_local(p, u)))
            .collect();
        rotating.sort_unstable();
        for p in rotating {
            let mut dates: std::collections::BTreeMap<NaiveDate, Vec<usize>> = Default::default();
            for u in (0..members.len()).filter(|&u| members[u].contains(&p)) {
                for &k in &stations.required[u] {
                    if period.contains(stations.weeks[k]) {
                        dates.entry(stations.weeks[k]).or_default().push(u);
                    }
                }
            }
            for (d, units) in dates {
                let Some(why) = block_of(p, d) else {
                    continue;
                };
                if !units.iter().any(|&u| excused(u, d, p)) {
                    out.push(at(
                        Rule::Makeup,
                        &cx.roster.units[units[0]].id,
                        Some(cx.id(p)),
                        d,
                        CheckSaid::MakeupMissing { block: why },
                    ));
                }
            }
        }
    }
    for (u, unit) in cx.roster.units.iter().enumerate() {
        let mut fixed: Vec<usize> = members[u]
            .iter()
            .copied()
            .filter(|&p| {
                let local =
                    p >= ncad && cx.roster.helpers[p - ncad].unit.as_deref() == Some(&unit.id);
                local || teams_of.get(&p) == Some(&1)
            })
            .collect();
        fixed.sort_unstable();
        for &k in &stations.required[u] {
            let d = stations.weeks[k];
            if !period.contains(d) || held.get(&(u, d)) == Some(&true) {
                continue;
            }
            let mut owing = fixed.clone();
            if let Some(&l) = turns.get(&(u, d))
                && !owing.contains(&l)
            {
                owing.push(l);
            }
            for &p in &owing {
                let Some(why) = block_of(p, d) else {
                    continue;
                };
                if !excused(u, d, p) {
                    out.push(at(
                        Rule::Makeup,
                        &unit.id,
                        Some(cx.id(p)),
                        d,
                        CheckSaid::MakeupMissing { block: why },
                    ));
                }
            }
        }
    }
}

/// A `makeup_impossible` warning is false when a make-up day suits everyone
/// it names: a `makeup_days` weekday in the year, outside holidays, from
/// `makeup_notice_days` after the missed date to `makeup_within_days` after
/// it (fixed rotation) or the year's end (flexible), on which none of them
/// is away, in a meeting or in a session during the station window — and,
/// under the fixed rotation, one of the unit's own people on the team is
/// free too. The first such day is named.
pub(super) fn impossible_makeups_true(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    warnings: &Warnings,
    out: &mut Vec<Violation>,
) {
    if warnings.makeup_impossible.is_empty() {
        return;
    }
    let st = &cx.roster.station;
    let fixed = cx.roster.policy.rotation == crate::model::Rotation::Fixed;
    let window = cx.window;
    let mut busy: HashMap<(usize, NaiveDate), Vec<(chrono::NaiveTime, chrono::NaiveTime)>> =
        HashMap::new();
    for (s, (_, people)) in plan.sessions.iter().zip(resolved) {
        for p in people.iter().flatten() {
            busy.entry((*p, s.date)).or_default().push((s.start, s.end));
        }
    }
    let free = |p: usize, d: NaiveDate| {
        cx.blocked(p, d, window).is_none()
            && busy
                .get(&(p, d))
                .is_none_or(|ts| ts.iter().all(|&t| !super::overlaps(t, window)))
    };
    let Some(last) = NaiveDate::from_ymd_opt(cx.year, 12, 31) else {
        return;
    };
    for (unit_id, missed, ids) in &warnings.makeup_impossible {
        let Some(u) = cx.roster.unit_index(unit_id) else {
            continue;
        };
        let people: Option<Vec<usize>> = ids.iter().map(|id| cx.person(id)).collect();
        let Some(people) = people.filter(|p| !p.is_empty()) else {
            continue;
        };
        let own: Vec<usize> = cx
            .members_at(u, *missed)
            .iter()
            .copied()
            .filter(|&p| {
                let ncad = cx.roster.cadres.len();
                p >= ncad && cx.roster.helpers[p - ncad].unit.as_deref() == Some(unit_id.as_str())
            })
            .collect();
        let first = *missed + chrono::Days::new(st.makeup_notice_days as u64);
        let to = if fixed {
            (*missed + chrono::Days::new(st.makeup_within_days as u64)).min(last)
        } else {
            last
        };
        let suits = first.iter_days().take_while(|d| *d <= to).find(|&d| {
            cx.in_year(d)
                && st.makeup_days.contains(&d.weekday())
                && cx.holiday(d).is_none()
                && people.iter().all(|&p| free(p, d))
                && (!fixed || own.iter().any(|&p| people.contains(&p) || free(p, d)))
        });
        if let Some(day) = suits {
            out.push(at(
                Rule::Makeup,
                unit_id,
                None,
                *missed,
                CheckSaid::MakeupImpossibleButFree { free: day },
            ));
        }
    }
}
