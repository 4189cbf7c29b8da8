//! Who held which place on which unit's team over the year as lived, and
//! from when until when: the stretches a replan from a date records
//! (`[[earlier_team]]`), the plan's own teams after them, each handover's
//! predecessor put back before its date, and everyone's place cut to the
//! days they serve (`joins`, `leaves`). The documents and the report list
//! the people who left during the year and the successors who started from
//! this, with their dates.

use chrono::NaiveDate;

use crate::model::Roster;
use crate::plan::PlanFile;

/// A place on a unit's team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Seat {
    Leader,
    /// A team slot, counted from 0.
    Slot(usize),
    Assist,
}

/// One person in one place of one unit's team for one stretch of the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub unit: String,
    pub person: String,
    pub seat: Seat,
    /// The first day; `None` from the year's start.
    pub from: Option<NaiveDate>,
    /// The first day past; `None` to the year's end.
    pub until: Option<NaiveDate>,
}

impl Post {
    /// Held the whole year.
    pub fn whole_year(&self) -> bool {
        self.from.is_none() && self.until.is_none()
    }
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Every post of the year, units in the plan's order, each unit's posts
/// by seat (leader, slots, assist members) and then by date.
pub fn posts(r: &Roster, plan: &PlanFile) -> Vec<Post> {
    // The stretches before the plan's own teams, by their `until`.
    let mut cuts: Vec<&str> = plan.earlier_team.iter().map(|t| t.until.as_str()).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut raw: Vec<Post> = Vec::new();
    let mut push = |unit: &str, team: (&str, &[String], &[String]), from, until| {
        let (leader, helpers, assist) = team;
        let seats = std::iter::once((leader, Seat::Leader))
            .chain(
                helpers
                    .iter()
                    .enumerate()
                    .map(|(k, h)| (h.as_str(), Seat::Slot(k))),
            )
            .chain(assist.iter().map(|h| (h.as_str(), Seat::Assist)));
        for (person, seat) in seats.filter(|(p, _)| !p.is_empty()) {
            raw.push(Post {
                unit: unit.to_string(),
                person: person.to_string(),
                seat,
                from,
                until,
            });
        }
    };
    for a in &plan.assignment {
        let mut from = None;
        for cut in &cuts {
            let until = day(cut);
            if let Some(t) = plan
                .earlier_team
                .iter()
                .find(|t| t.unit == a.unit && t.until == *cut)
            {
                push(&a.unit, (&t.leader, &t.helpers, &t.assist), from, until);
            }
            from = until;
        }
        push(&a.unit, (&a.leader, &a.helpers, &a.assist), from, None);
    }
    // A successor's place before the handover was the predecessor's.
    let mut handovers: Vec<_> = plan.handover.iter().collect();
    handovers.sort_by(|a, b| b.date.cmp(&a.date));
    for h in handovers {
        let Some(date) = day(&h.date) else { continue };
        let mut before = Vec::new();
        for p in raw.iter_mut().filter(|p| p.person == h.to) {
            let starts_before = p.from.is_none_or(|f| f < date);
            let runs_past = p.until.is_none_or(|u| u > date);
            if starts_before && runs_past {
                before.push(Post {
                    person: h.from.clone(),
                    until: Some(date),
                    ..p.clone()
                });
                p.from = Some(date);
            }
        }
        raw.extend(before);
    }
    // Each place within the days its person serves.
    let year = r.township.year;
    let in_year = |d: Option<NaiveDate>| d.filter(|d| chrono::Datelike::year(d) == year);
    for p in &mut raw {
        let (joins, leaves) = r.service(&p.person);
        if let Some(j) = in_year(joins) {
            p.from = Some(p.from.map_or(j, |f| f.max(j)));
        }
        if let Some(l) = in_year(leaves) {
            p.until = Some(p.until.map_or(l, |u| u.min(l)));
        }
    }
    raw.retain(|p| match (p.from, p.until) {
        (Some(f), Some(u)) => f < u,
        _ => true,
    });
    // In order, one post where the same person holds the same kind of
    // place on the same unit in stretches that meet; each unit's posts by
    // seat, then by date, then as the plan lists them.
    let order: Vec<&str> = plan.assignment.iter().map(|a| a.unit.as_str()).collect();
    let at = |u: &str| order.iter().position(|x| *x == u);
    let kind = |s: Seat| match s {
        Seat::Slot(_) => Seat::Slot(0),
        s => s,
    };
    let mut raw: Vec<(usize, Post)> = raw.into_iter().enumerate().collect();
    raw.sort_by_key(|(_, p)| (at(&p.unit), kind(p.seat), p.person.clone(), p.from));
    let mut merged: Vec<(usize, Post)> = Vec::new();
    for (n, p) in raw {
        match merged.last_mut() {
            Some((_, m))
                if m.unit == p.unit
                    && m.person == p.person
                    && kind(m.seat) == kind(p.seat)
                    && m.until.is_some()
                    && m.until == p.from =>
            {
                m.until = p.until;
                m.seat = p.seat;
            }
            _ => merged.push((n, p)),
        }
    }
    merged.sort_by_key(|(n, p)| (at(&p.unit), p.seat, p.from, *n));
    merged.into_iter().map(|(_, p)| p).collect()
}

/// The days a person serves within the plan's year: (first day, first day
/// past), `None` at the year's ends.
pub fn service(r: &Roster, id: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let year = r.township.year;
    let (joins, leaves) = r.service(id);
    let in_year = |d: Option<NaiveDate>| d.filter(|d| chrono::Datelike::year(d) == year);
    (in_year(joins), in_year(leaves))
}

/// The leaders who leave during the year with no successor, each with the
/// day they leave and, for each unit they led up to then, who leads it
/// from then on (`None` when nobody does).
pub fn departures(r: &Roster, plan: &PlanFile) -> Vec<Departure> {
    let posts = posts(r, plan);
    r.leavers_without_successor()
        .into_iter()
        .filter(|(id, _, _)| r.cadre_index(id).is_some())
        .map(|(id, _, date)| {
            let units = posts
                .iter()
                .filter(|p| p.person == id && p.seat == Seat::Leader)
                .filter_map(|p| {
                    let end = p.until?;
                    let next = posts
                        .iter()
                        .find(|q| q.unit == p.unit && q.seat == Seat::Leader && q.from == Some(end))
                        .map(|q| q.person.clone());
                    Some((p.unit.clone(), next))
                })
                .collect();
            Departure {
                person: id,
                date,
                units,
            }
        })
        .collect()
}

/// A leader who leaves with no successor: the day, and each unit they led
/// with whoever leads it from then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Departure {
    pub person: String,
    pub date: NaiveDate,
    pub units: Vec<(String, Option<String>)>,
}

/// The shared cadres (`shared = true`) in post at the year's end who lead
/// no unit of this township at any time of the plan (kept away by their
/// duties in another township, or with no unit to take): counted apart from
/// the township's leaders on every page, since they lead nothing here.
pub fn shared_leading_none<'a>(
    roster: &'a Roster,
    plan: &PlanFile,
) -> Vec<&'a crate::model::Cadre> {
    let leads = |id: &str| {
        plan.assignment.iter().any(|a| a.leader == id)
            || plan.earlier_team.iter().any(|t| t.leader == id)
            || plan.handover.iter().any(|h| h.from == id || h.to == id)
    };
    roster
        .cadres_in_force()
        .filter(|c| c.shared && !leads(&c.id))
        .collect()
}
