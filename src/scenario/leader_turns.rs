//! A unit's leaders over the year and the dates each comes in person: the
//! periods a handover or a replan cuts the year into, and each period's
//! leader's own turns (from the plan's posted timetable under a fixed
//! rotation, else from the sessions the leader attends). The station
//! timetable of the exported workbook (驻点时间表) and the posted notice
//! (驻点时间公示表) both read this, so they never disagree.

use chrono::NaiveDate;

use crate::plan::{PlanFile, Session, Timetable};

/// One leader's stretch at a unit: the first day (`None` from the year's
/// start) and the first day past (`None` to the year's end), as the plan
/// writes dates (YYYY-MM-DD).
pub type Period<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

/// A unit's leaders over the year, each with the first day (from) and the
/// first day past (until) of their period. From the posted timetables when
/// the unit has more than one (a handover, or a replan giving the unit to
/// another leader): a period starts on the handover or replan date between
/// the two leaders' turns. Else from the plan's handovers in date order; a
/// unit no change touches has one period.
pub fn periods<'a>(
    plan: &'a PlanFile,
    unit: &str,
    leader: &'a str,
    posted: &[&'a Timetable],
) -> Vec<Period<'a>> {
    let mut changes: Vec<&str> = plan
        .handover
        .iter()
        .filter(|h| h.units.iter().any(|u| u == unit))
        .map(|h| h.date.as_str())
        .chain(plan.plan.replanned_from.as_deref())
        .collect();
    changes.sort_unstable();
    if posted.len() > 1 {
        let dates = |t: &'a Timetable| -> Vec<&'a str> {
            let mut v: Vec<&str> = t
                .leader_dates
                .iter()
                .map(String::as_str)
                .chain(t.substitute.iter().map(|s| s.date.as_str()))
                .collect();
            v.sort_unstable();
            v
        };
        let mut starts: Vec<Option<&str>> = vec![None];
        for w in posted.windows(2) {
            let (before, after) = (dates(w[0]), dates(w[1]));
            let last = before.last().copied().unwrap_or("");
            let first = after.first().copied();
            let cut = changes
                .iter()
                .copied()
                .find(|c| *c > last && first.is_none_or(|f| *c <= f))
                .or(first);
            starts.push(cut);
        }
        // A leader posted again from a replan's date keeps one period.
        let mut out: Vec<Period<'a>> = Vec::new();
        for (i, t) in posted.iter().enumerate() {
            let until = starts.get(i + 1).copied().flatten();
            match out.last_mut() {
                Some(last) if last.0 == t.leader => last.2 = until,
                _ => out.push((t.leader.as_str(), starts[i], until)),
            }
        }
        return out;
    }
    let mut hs: Vec<_> = plan
        .handover
        .iter()
        .filter(|h| h.units.iter().any(|u| u == unit))
        .collect();
    hs.sort_by(|a, b| a.date.cmp(&b.date));
    let Some(first) = hs.first() else {
        return vec![(leader, None, None)];
    };
    let mut out = vec![(first.from.as_str(), None, Some(first.date.as_str()))];
    for (i, h) in hs.iter().enumerate() {
        let until = hs.get(i + 1).map(|n| n.date.as_str());
        out.push((h.to.as_str(), Some(h.date.as_str()), until));
    }
    out
}

/// Is the date (YYYY-MM-DD) inside the period?
pub fn inside(period: Period<'_>, date: &str) -> bool {
    let (_, from, until) = period;
    from.is_none_or(|f| date >= f) && until.is_none_or(|u| date < u)
}

/// The dates the period's leader comes to the unit in person, in order:
/// the posted timetable's turns when the plan has one (fixed rotation),
/// with the leader's sessions before a replan's first posted turn; else
/// the station sessions the leader attends. `sessions` are the unit's
/// station sessions.
pub fn leader_dates(
    period: Period<'_>,
    posted: &[&Timetable],
    sessions: &[&Session],
) -> Vec<NaiveDate> {
    let leader = period.0;
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let mine = sessions.iter().filter(|s| inside(period, &s.date));
    let attends = |s: &&&Session| s.people.iter().any(|p| p == leader);
    let mut dates: Vec<NaiveDate> = if posted.is_empty() {
        mine.filter(attends).filter_map(|s| day(&s.date)).collect()
    } else {
        let theirs = || posted.iter().filter(|t| t.leader == leader);
        // A replan from a later date posts only the turns from its date
        // on: the leader's earlier sessions in the period count too.
        let first_posted = theirs()
            .flat_map(|t| {
                t.leader_dates
                    .iter()
                    .chain(t.substitute.iter().map(|s| &s.date))
            })
            .filter(|d| inside(period, d))
            .min()
            .map(String::as_str);
        theirs()
            .flat_map(|t| t.leader_dates.iter())
            .filter(|d| inside(period, d))
            .filter_map(|d| day(d))
            .chain(
                mine.filter(|s| first_posted.is_some_and(|f| s.date.as_str() < f))
                    .filter(attends)
                    .filter_map(|s| day(&s.date)),
            )
            .collect()
    };
    dates.sort_unstable();
    dates.dedup();
    dates
}
