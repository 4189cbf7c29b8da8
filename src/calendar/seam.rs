//! The year as lived: a calendar built in pieces at the dates the teams
//! change. Sessions before a date are kept exactly as they were; from the
//! date on, the calendar is built for the teams then in force, with the
//! household visits already done counting toward the year's, and units whose
//! team did not change keep their later sessions too where the roster still
//! allows them (`keep`). Each piece is a whole-year build of the other units
//! only, whose part before the date is thrown away: the kept units sit out
//! of it (`Cx::skip`) and their sessions are busy times of their people and
//! visit half-days against their monthly caps.
//!
//! Two things cut the year: a replan's `--from` date (the past comes from the
//! plan in force) and handovers inside the roster (`succeeds` with `leaves` /
//! `joins`), where the predecessor holds the post until the day before.

use chrono::{Datelike, NaiveDate};

use super::keep::Keep;
use super::{Carried, Posted, WARNING_KINDS, build, build_carrying};
use crate::model::Roster;
use crate::plan::{Assignment, HandoverLine, PlanFile, Session, Substitute, Timetable};

/// The part of the year to keep: everything before `from` in `previous`.
#[derive(Debug, Clone, Copy)]
pub struct Kept<'a> {
    pub from: NaiveDate,
    pub previous: &'a PlanFile,
}

/// The teams in force on `day`, from the year-end assignment: each in-roster
/// handover dated after `day` is undone (the predecessor still serves).
pub fn assignment_on(r: &Roster, year_end: &[Assignment], day: NaiveDate) -> Vec<Assignment> {
    let mut out = year_end.to_vec();
    for h in r.handovers().iter().rev().filter(|h| h.date > day) {
        for a in &mut out {
            for id in std::iter::once(&mut a.leader)
                .chain(a.helpers.iter_mut())
                .chain(a.assist.iter_mut())
            {
                if *id == h.to {
                    *id = h.from.clone();
                }
            }
        }
    }
    out
}

/// Fills the plan's calendar for the whole year: in pieces at each
/// handover date, and from `kept.from` on only when replanning from a date.
/// With neither, exactly `calendar::build`.
pub fn build_year(r: &Roster, plan: &mut PlanFile, kept: Option<Kept>) {
    let year = r.township.year;
    let Some(jan1) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return build(r, plan);
    };
    let start = kept.map_or(jan1, |k| k.from);
    let mut dates: Vec<NaiveDate> = r
        .handovers()
        .iter()
        .map(|h| h.date)
        .filter(|d| *d > start && d.year() == year)
        .collect();
    dates.dedup();
    if dates.is_empty() && kept.is_none() {
        return build(r, plan);
    }
    let year_end = plan.assignment.clone();
    let mut seg = plan.clone();
    seg.assignment = assignment_on(r, &year_end, start);
    match kept {
        None => build(r, &mut seg),
        Some(k) => rebuild_from(r, &mut seg, k.from, k.previous),
    }
    for d in dates {
        let before = seg;
        seg = plan.clone();
        seg.assignment = assignment_on(r, &year_end, d);
        rebuild_from(r, &mut seg, d, &before);
    }
    plan.session = seg.session;
    plan.warning = seg.warning;
    plan.timetable = seg.timetable;
    let (m, s) = (&mut plan.plan.metrics, &seg.plan.metrics);
    m.station_sessions = s.station_sessions;
    m.makeup_sessions = s.makeup_sessions;
    m.household_visit_sessions = s.household_visit_sessions;
    m.shortfall_sessions = s.shortfall_sessions;
    m.warnings = s.warnings;
}

/// Who, in `plan`'s teams, carries on the visits `id` made at `unit`: the
/// same person, or whoever succeeds them (a chain of successors followed).
fn holder(r: &Roster, plan: &PlanFile, unit: &str, id: &str) -> Option<String> {
    let a = plan.assignment.iter().find(|a| a.unit == unit)?;
    let visits = |p: &str| a.leader == p || a.helpers.iter().any(|h| h == p);
    let mut cur = id.to_string();
    for _ in 0..=r.cadres.len() + r.helpers.len() {
        if visits(&cur) {
            return Some(cur);
        }
        let next = r
            .cadres
            .iter()
            .find(|c| c.succeeds.as_deref() == Some(cur.as_str()))
            .map(|c| c.id.clone())
            .or_else(|| {
                r.helpers
                    .iter()
                    .find(|h| h.succeeds.as_deref() == Some(cur.as_str()))
                    .map(|h| h.id.clone())
            })?;
        cur = next;
    }
    None
}

fn date_of(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// `plan`'s calendar: `previous` before `from`, and from `from` on the
/// sessions of unchanged units as they were and a new build for the rest.
fn rebuild_from(r: &Roster, plan: &mut PlanFile, from: NaiveDate, previous: &PlanFile) {
    let before = |s: &str| date_of(s).is_some_and(|d| d < from);
    let mut carried = Carried {
        start: from.ordinal0() as usize,
        ..Carried::default()
    };
    for s in previous
        .session
        .iter()
        .filter(|s| s.kind == "household_visit" && before(&s.date))
    {
        *carried.unit_done.entry(s.unit.clone()).or_default() += 1;
        // The month `from` falls in: the half-days already held count
        // against its cap (each person once a session, as `check` counts).
        let month = date_of(&s.date).filter(|d| d.month() == from.month());
        let mut seen: Vec<&String> = Vec::new();
        for p in &s.people {
            if let Some(h) = holder(r, plan, &s.unit, p) {
                *carried.done.entry((h, s.unit.clone())).or_default() += 1;
            }
            if let Some(d) = month
                && !seen.contains(&p)
            {
                seen.push(p);
                *carried
                    .month_held
                    .entry((p.clone(), d.month0() as usize))
                    .or_default() += 1;
            }
        }
    }
    // The timetable in force on the eve of the cut: each unit's last entry.
    for t in &previous.timetable {
        carried.posted.insert(
            t.unit.clone(),
            Posted {
                leader: t.leader.clone(),
                cycle: t.cycle,
                offset: t.offset,
                fortnight: t.fortnight,
            },
        );
    }
    // Units whose team did not change keep their sessions; the others are
    // built around them.
    let keep = super::keep::decide(r, previous, &plan.assignment, from);
    carried.later = super::keep::busy(previous, &keep, from);
    let kept = keep.kept.clone();
    carried.skip = kept.clone();
    let mut built = plan.clone();
    built.assignment.retain(|a| !kept.contains(&a.unit));
    build_carrying(r, &mut built, &carried);
    plan.session = built.session;
    plan.warning = built.warning;
    plan.timetable = built.timetable;
    let keep_old = |s: &Session| before(&s.date) || kept.contains(&s.unit);
    let new_ok = |s: &Session| {
        !before(&s.date) && !kept.contains(&s.unit) && !s.makes_up.as_deref().is_some_and(before)
    };
    // A kept session from the date on has the successor in a
    // predecessor's place.
    let handed_over = |s: &Session| {
        let mut s = s.clone();
        if !before(&s.date) {
            for p in &mut s.people {
                *p = keep.person(p).to_string();
            }
        }
        s
    };
    let mut sessions: Vec<Session> = previous
        .session
        .iter()
        .filter(|s| keep_old(s))
        .map(handed_over)
        .chain(plan.session.iter().filter(|s| new_ok(s)).cloned())
        .collect();
    sessions.sort_by(|a, b| {
        (&a.date, &a.start, &a.unit, &a.kind, &a.people)
            .cmp(&(&b.date, &b.start, &b.unit, &b.kind, &b.people))
    });
    let calendar = |k: &str| WARNING_KINDS.contains(&k);
    // A kept unit's warnings are the plan in force's, undated ones too
    // (its household visits are as they were).
    let old_place = |w: &crate::plan::Warning| {
        w.date.as_deref().is_some_and(before) || w.unit.as_ref().is_some_and(|u| kept.contains(u))
    };
    let old_warning = |w: &crate::plan::Warning| calendar(&w.kind) && old_place(w);
    let new_warning = |w: &crate::plan::Warning| !calendar(&w.kind) || !old_place(w);

    let mut warnings: Vec<crate::plan::Warning> = plan
        .warning
        .iter()
        .filter(|w| new_warning(w))
        .cloned()
        .collect();
    let split = warnings.iter().take_while(|w| !calendar(&w.kind)).count();
    let olds: Vec<_> = previous
        .warning
        .iter()
        .filter(|w| old_warning(w))
        .map(|w| handed_warning(r, &keep, w, &before))
        .collect();
    warnings.splice(split..split, olds);
    let mut timetable = splice_timetable(&previous.timetable, &plan.timetable, from, &keep);
    super::keep::successor_sits(r, &keep, from, &mut timetable, &mut sessions, &mut warnings);
    let township = |p: &str| {
        r.cadre_index(p).is_some()
            || r.helper_index(p)
                .is_some_and(|h| r.helpers[h].unit.is_none())
    };
    let count = |k: &str| sessions.iter().filter(|s| s.kind == k).count();
    let m = &mut plan.plan.metrics;
    m.station_sessions = count("station");
    m.makeup_sessions = count("makeup");
    m.household_visit_sessions = count("household_visit");
    m.shortfall_sessions = sessions
        .iter()
        .filter(|s| s.kind == "station" && !s.people.iter().any(|p| township(p)))
        .count();
    m.warnings = warnings.len();
    plan.session = sessions;
    plan.warning = warnings;
    plan.timetable = timetable;
    // A meeting from the date on keeps everyone it takes from a session,
    // in the kept units too: said over the whole township.
    super::meetings::resay_from(r, plan, &from.format("%Y-%m-%d").to_string());
}

/// The posted timetables across a cut at `from`: each unit's turns before
/// it as `before` had them, from it on as `after` has them (or still as
/// `before` for units kept whole). One entry when the leader and turn stay
/// the same, else the old post's entry, then the new one's.
fn splice_timetable(
    before: &[Timetable],
    after: &[Timetable],
    from: NaiveDate,
    keep: &Keep,
) -> Vec<Timetable> {
    let kept = &keep.kept;
    let early = |d: &String| date_of(d).is_some_and(|d| d < from);
    let part = |t: &Timetable, keep: &dyn Fn(&String) -> bool| Timetable {
        leader_dates: t.leader_dates.iter().filter(|d| keep(d)).cloned().collect(),
        substitute: t
            .substitute
            .iter()
            .filter(|s| keep(&s.date))
            .cloned()
            .collect(),
        ..t.clone()
    };
    let empty = |t: &Timetable| t.leader_dates.is_empty() && t.substitute.is_empty();
    let mut units: Vec<&str> = after.iter().map(|t| t.unit.as_str()).collect();
    for t in before {
        if !units.contains(&t.unit.as_str()) {
            units.push(&t.unit);
        }
    }
    let mut out = Vec::new();
    for unit in units {
        // A plan replanned before holds a unit's entries stretch by stretch.
        let olds: Vec<&Timetable> = before.iter().filter(|t| t.unit == unit).collect();
        if kept.contains(unit) && !olds.is_empty() {
            for t in olds {
                out.extend(handed_timetable(keep, t, &early));
            }
            continue;
        }
        let mut olds: Vec<Timetable> = olds
            .into_iter()
            .map(|t| part(t, &early))
            .filter(|t| !empty(t))
            .collect();
        let new = after
            .iter()
            .find(|t| t.unit == unit)
            .map(|t| part(t, &|d| !early(d)));
        match (olds.last_mut(), new) {
            (Some(o), Some(n))
                if (&o.leader, o.cycle, o.offset, o.fortnight)
                    == (&n.leader, n.cycle, n.offset, n.fortnight) =>
            {
                o.leader_dates.extend(n.leader_dates);
                o.substitute.extend(n.substitute);
            }
            (_, n) => olds.extend(n),
        }
        out.extend(olds);
    }
    out
}

/// A kept unit's posted timetable entry across the cut: as it was, or,
/// where a successor takes over from the date, the predecessor's turns
/// before it and the successor's from it (the same turn), and stand-ins
/// from the date on renamed.
fn handed_timetable(keep: &Keep, t: &Timetable, early: &dyn Fn(&String) -> bool) -> Vec<Timetable> {
    let leader = keep.person(&t.leader);
    let renamed = |s: &Substitute| Substitute {
        date: s.date.clone(),
        person: s
            .person
            .as_deref()
            .map(|p| if early(&s.date) { p } else { keep.person(p) }.to_string()),
    };
    if leader == t.leader {
        return vec![Timetable {
            substitute: t.substitute.iter().map(renamed).collect(),
            ..t.clone()
        }];
    }
    let part = |keep_date: &dyn Fn(&String) -> bool, leader: &str| Timetable {
        leader: leader.to_string(),
        leader_dates: t
            .leader_dates
            .iter()
            .filter(|d| keep_date(d))
            .cloned()
            .collect(),
        substitute: t
            .substitute
            .iter()
            .filter(|s| keep_date(&s.date))
            .map(renamed)
            .collect(),
        ..t.clone()
    };
    [part(early, &t.leader), part(&|d| !early(d), leader)]
        .into_iter()
        .filter(|t| !t.leader_dates.is_empty() || !t.substitute.is_empty())
        .collect()
}

/// A kept unit's warning from the date on (or undated) with the successor
/// in a predecessor's place, in its people and its words.
fn handed_warning(
    r: &Roster,
    keep: &Keep,
    w: &crate::plan::Warning,
    before: &dyn Fn(&str) -> bool,
) -> crate::plan::Warning {
    let mut w = w.clone();
    let handed = w.unit.as_ref().is_some_and(|u| keep.handed.contains(u));
    if !handed || w.date.as_deref().is_some_and(before) {
        return w;
    }
    for p in &mut w.people {
        let to = keep.person(p).to_string();
        if to != *p {
            let name = |id: &str| {
                r.cadre_index(id)
                    .map(|c| r.cadres[c].name.clone())
                    .or_else(|| r.helper_index(id).map(|h| r.helpers[h].name.clone()))
            };
            if let (Some(a), Some(b)) = (name(p), name(&to)) {
                w.message = w.message.replace(&a, &b);
            }
            *p = to;
        }
    }
    w
}

/// A handover to record: from, to, the date, the teams the day before and
/// the teams from that day.
type Pair = (String, String, NaiveDate, Vec<Assignment>, Vec<Assignment>);

/// Who handed over to whom, which units and team slots, from which day:
/// handovers inside the roster, and successors of people of the previous
/// plan (from `from`, or their `joins`).
pub fn handovers(
    r: &Roster,
    year_end: &[Assignment],
    previous: Option<&PlanFile>,
    from: Option<NaiveDate>,
) -> Vec<HandoverLine> {
    let mut out = Vec::new();
    // (from, to, date, the teams the day before, the teams on that day: a
    // later handover in a chain is not yet made).
    let mut pairs: Vec<Pair> = Vec::new();
    for h in r.handovers() {
        let Some(eve) = h.date.pred_opt() else {
            continue;
        };
        match (previous, from) {
            // A handover before the replan's date is in the kept past: the
            // plan in force recorded it, and this plan's later teams (a
            // unit the successor takes over only now) are no part of it.
            (Some(prev), Some(from)) if h.date < from => {
                let day = h.date.to_string();
                match prev
                    .handover
                    .iter()
                    .find(|l| l.from == h.from && l.to == h.to && l.date == day)
                {
                    Some(line) => out.push(line.clone()),
                    None => pairs.push((
                        h.from,
                        h.to,
                        h.date,
                        assignment_on(r, &prev.assignment, eve),
                        assignment_on(r, &prev.assignment, h.date),
                    )),
                }
            }
            // A handover on the replan's date: the day before is the plan
            // in force, not this plan's teams backdated (a unit the
            // successor gets from someone else who left is not handed
            // over by the predecessor).
            (Some(prev), Some(from)) if h.date == from => pairs.push((
                h.from,
                h.to,
                h.date,
                assignment_on(r, &prev.assignment, eve),
                assignment_on(r, year_end, h.date),
            )),
            _ => pairs.push((
                h.from,
                h.to,
                h.date,
                assignment_on(r, year_end, eve),
                assignment_on(r, year_end, h.date),
            )),
        }
    }
    if let Some(prev) = previous {
        let jan1 = NaiveDate::from_ymd_opt(r.township.year, 1, 1).unwrap_or_default();
        let people = r
            .cadres
            .iter()
            .map(|c| (&c.id, &c.succeeds, c.joins))
            .chain(r.helpers.iter().map(|h| (&h.id, &h.succeeds, h.joins)));
        for (id, old, joins) in people {
            let Some(old) = old else { continue };
            if r.cadre_index(old).is_some() || r.helper_index(old).is_some() {
                continue;
            }
            let date = joins.or(from).unwrap_or(jan1);
            pairs.push((
                old.clone(),
                id.clone(),
                date,
                prev.assignment.clone(),
                year_end.to_vec(),
            ));
        }
    }
    for (old, new, date, before, after) in pairs {
        let mut units = Vec::new();
        let mut slots = Vec::new();
        for a in &after {
            let Some(b) = before.iter().find(|b| b.unit == a.unit) else {
                continue;
            };
            if a.leader == new && b.leader == old {
                units.push(a.unit.clone());
            }
            for (k, h) in a.helpers.iter().enumerate() {
                if *h == new && b.helpers.get(k) == Some(&old) {
                    slots.push(format!("{}/{}", a.unit, k + 1));
                }
            }
        }
        out.push(HandoverLine {
            from: old,
            to: new,
            date: date.to_string(),
            units,
            slots,
        });
    }
    out.sort_by(|a, b| (&a.date, &a.to).cmp(&(&b.date, &b.to)));
    out
}
