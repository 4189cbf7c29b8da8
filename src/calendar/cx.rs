//! What the calendar works from: the plan's teams as indices, everyone on a
//! team as a person, and each person's blocked and busy times by day of year.
//! Days, minutes and indices rather than strings so the scheduling loops stay
//! cheap; everything is in roster order so output never depends on hashing.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

use crate::model::{Repeat, Roster};
use crate::plan::PlanFile;

pub(crate) fn minutes(t: NaiveTime) -> u16 {
    (t.hour() * 60 + t.minute()) as u16
}

pub(crate) fn hhmm(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub id: String,
    pub name: String,
    pub leader: bool,
    /// A leader, or a helper with no `unit` of their own.
    pub township: bool,
    /// Units whose team they are on (leader, slot or assist), roster order.
    pub units: Vec<usize>,
    /// Units they must visit households of (leader or slot helper).
    pub visit_units: Vec<usize>,
    /// A helper's own unit (`unit` in the roster): they are its own people.
    pub own_unit: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Team {
    pub leader: Option<usize>,
    /// Leader first, then slot helpers, then assist members; no repeats.
    pub members: Vec<usize>,
}

/// Why someone cannot be somewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cause {
    Away,
    Emergency,
    /// In a session kept from before a cut in the year (see `keep`): the
    /// person sits elsewhere then, no make-up is owed.
    Elsewhere,
    Meeting,
}

#[derive(Debug, Clone, Copy)]
struct Block {
    start: u16,
    end: u16,
    emergency: bool,
}

/// One occurrence of a meeting, repeats expanded.
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
    pub meeting: usize,
    pub day: usize,
    pub start: u16,
    pub end: u16,
    /// Persons (indices) attending who are on some team.
    pub people: Vec<usize>,
}

pub(crate) struct Cx<'a> {
    pub roster: &'a Roster,
    pub jan1: NaiveDate,
    pub ndays: usize,
    pub holiday: Vec<bool>,
    pub persons: Vec<Person>,
    pub teams: Vec<Team>,
    /// Day of year of each week's station session (week k → day).
    pub weeks: Vec<usize>,
    pub win: (u16, u16),
    pub occurrences: Vec<Occurrence>,
    away: Vec<Vec<bool>>,
    /// Meetings per person and day (p * ndays + day).
    meet: Vec<Vec<Block>>,
    /// Sessions placed so far, per person and day.
    busy: Vec<Vec<(u16, u16)>>,
    /// First day of year to plan visits on: 0, or a replan's `--from`.
    pub start: usize,
    /// Visit sessions already done before `start`, per (person, unit).
    pub done: BTreeMap<(usize, usize), usize>,
    /// Visit sessions already done before `start` at each unit, whoever
    /// made them: by team, the unit's households those sessions covered.
    pub unit_done: BTreeMap<usize, usize>,
    /// Visit half-days each person already holds, per month (0–11), in the
    /// kept part of the year: they count against the monthly cap of the
    /// month `start` falls in.
    pub month_held: BTreeMap<(usize, usize), u32>,
    /// Under a fixed rotation, the posted cycle a leader carries on from the
    /// kept part (their units as before): offsets aligned with their
    /// `units`, and each biweekly unit's fortnight.
    pub posted: BTreeMap<usize, CarriedCycle>,
    /// Units not built here (their sessions are kept from before a cut):
    /// no station sessions, no team (see `keep`).
    pub skip: Vec<bool>,
    /// When the improving passes must stop (see `budget`).
    deadline: Option<Instant>,
    /// Whether one did stop at it (set from rayon's threads too).
    cut: AtomicBool,
}

/// A leader's posted cycle carried on across a replan's date.
#[derive(Debug, Clone)]
pub struct CarriedCycle {
    /// Offsets aligned with the leader's `units`.
    pub offsets: Vec<usize>,
    /// (unit, fortnight) of each biweekly unit.
    pub fortnights: Vec<(usize, usize)>,
}

impl<'a> Cx<'a> {
    pub fn new(roster: &'a Roster, plan: &PlanFile) -> Cx<'a> {
        let year = roster.township.year;
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        let ndays = NaiveDate::from_ymd_opt(year, 12, 31)
            .map(|d| d.ordinal() as usize)
            .unwrap_or(365);
        // Official holidays and the roster's own, resolved when it was read.
        let holiday: Vec<bool> = (0..ndays)
            .map(|d| {
                roster
                    .days
                    .holiday(jan1 + chrono::Days::new(d as u64))
                    .is_some()
            })
            .collect();

        // Persons: cadres then helpers, in roster order, those on some team.
        let nu = roster.units.len();
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut persons: Vec<Person> = Vec::new();
        let mut add = |id: &str, persons: &mut Vec<Person>| -> Option<usize> {
            if let Some(&p) = ids.get(id) {
                return Some(p);
            }
            let (name, leader, township, own_unit) = if let Some(c) = roster.cadre_index(id) {
                (roster.cadres[c].name.clone(), true, true, None)
            } else if let Some(h) = roster.helper_index(id) {
                let h = &roster.helpers[h];
                let own = h.unit.as_deref().and_then(|u| roster.unit_index(u));
                (h.name.clone(), false, h.unit.is_none(), own)
            } else {
                return None;
            };
            persons.push(Person {
                id: id.to_string(),
                name,
                leader,
                township,
                units: Vec::new(),
                visit_units: Vec::new(),
                own_unit,
            });
            ids.insert(id.to_string(), persons.len() - 1);
            Some(persons.len() - 1)
        };
        // Roster order for persons: walk cadres, then helpers, keeping those
        // the plan names.
        let mut named: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        for a in &plan.assignment {
            named.insert(&a.leader);
            named.extend(a.helpers.iter().map(String::as_str));
            named.extend(a.assist.iter().map(String::as_str));
        }
        for c in &roster.cadres {
            if named.contains(c.id.as_str()) {
                add(&c.id, &mut persons);
            }
        }
        for h in &roster.helpers {
            if named.contains(h.id.as_str()) {
                add(&h.id, &mut persons);
            }
        }
        let mut teams = vec![Team::default(); nu];
        let mut seen_unit = vec![false; nu];
        for a in &plan.assignment {
            let Some(u) = roster.unit_index(&a.unit) else {
                continue;
            };
            // A unit assigned twice keeps its first line, as the checker would flag it.
            if std::mem::replace(&mut seen_unit[u], true) {
                continue;
            }
            let team = &mut teams[u];
            let mut push = |id: &str, visits: bool, persons: &mut Vec<Person>| -> Option<usize> {
                let p = *ids.get(id)?;
                if !team.members.contains(&p) {
                    team.members.push(p);
                    persons[p].units.push(u);
                }
                if visits && !persons[p].visit_units.contains(&u) {
                    persons[p].visit_units.push(u);
                }
                Some(p)
            };
            if roster.cadre_index(&a.leader).is_some() {
                team.leader = push(&a.leader, true, &mut persons);
            }
            for h in &a.helpers {
                push(h, true, &mut persons);
            }
            for h in &a.assist {
                push(h, false, &mut persons);
            }
        }
        for p in &mut persons {
            p.units.sort_unstable();
            p.visit_units.sort_unstable();
        }

        let st = &roster.station;
        let win = (minutes(st.start), minutes(st.end));
        let weeks: Vec<usize> = (0..ndays)
            .filter(|&d| (jan1 + chrono::Days::new(d as u64)).weekday() == st.weekday)
            .collect();

        let np = persons.len();
        let mut away = vec![vec![false; ndays]; np];
        for (p, person) in persons.iter().enumerate() {
            let periods = if let Some(c) = roster.cadre_index(&person.id) {
                &roster.cadres[c].away
            } else if let Some(h) = roster.helper_index(&person.id) {
                &roster.helpers[h].away
            } else {
                continue;
            };
            for per in periods {
                for (d, slot) in away[p].iter_mut().enumerate() {
                    if per.contains(jan1 + chrono::Days::new(d as u64)) {
                        *slot = true;
                    }
                }
            }
            // Not yet arrived: away until `joins`. Leaving is the seam's
            // business (the team changes on that day), not an absence.
            if let Some(j) = roster.service(&person.id).0 {
                for (d, slot) in away[p].iter_mut().enumerate() {
                    *slot |= jan1 + chrono::Days::new(d as u64) < j;
                }
            }
        }

        let mut meet: Vec<Vec<Block>> = vec![Vec::new(); np * ndays];
        let mut occurrences = Vec::new();
        for (mi, m) in roster.meetings.iter().enumerate() {
            let (s, e) = (minutes(m.start), minutes(m.end));
            let attendees_on = roster.attendees_by_day(m);
            for date in expand(m.date, m.repeat, m.until, year) {
                let day = date.ordinal0() as usize;
                let attendees: Vec<usize> = attendees_on(date)
                    .iter()
                    .filter_map(|id| ids.get(id.as_str()).copied())
                    .collect();
                for &p in &attendees {
                    meet[p * ndays + day].push(Block {
                        start: s,
                        end: e,
                        emergency: m.emergency,
                    });
                }
                occurrences.push(Occurrence {
                    meeting: mi,
                    day,
                    start: s,
                    end: e,
                    people: attendees,
                });
            }
        }
        occurrences.sort_by_key(|o| (o.day, o.start, o.meeting));

        Cx {
            roster,
            jan1,
            ndays,
            holiday,
            persons,
            teams,
            weeks,
            win,
            occurrences,
            away,
            meet,
            busy: vec![Vec::new(); np * ndays],
            start: 0,
            done: BTreeMap::new(),
            unit_done: BTreeMap::new(),
            month_held: BTreeMap::new(),
            posted: BTreeMap::new(),
            skip: vec![false; nu],
            deadline: super::budget::deadline(),
            cut: AtomicBool::new(false),
        }
    }

    /// Past the deadline: an improving pass should stop, keeping what it
    /// has. Remembers that it said so.
    pub fn late(&self) -> bool {
        let late = self.deadline.is_some_and(|d| Instant::now() >= d);
        if late {
            self.cut.store(true, Ordering::Relaxed);
        }
        late
    }

    /// Whether some pass stopped at the deadline.
    pub fn was_cut(&self) -> bool {
        self.cut.load(Ordering::Relaxed)
    }

    pub fn date(&self, day: usize) -> NaiveDate {
        self.jan1 + chrono::Days::new(day as u64)
    }

    pub fn weekday(&self, day: usize) -> Weekday {
        self.date(day).weekday()
    }

    /// Why `p` cannot be anywhere on `day` from `s` to `e`, if they cannot:
    /// away beats an emergency meeting beats a kept session elsewhere beats
    /// an ordinary meeting, because only the first two call for a make-up.
    /// Sessions booked before the station sessions are placed are those
    /// kept from before a cut.
    pub fn blocked(&self, p: usize, day: usize, s: u16, e: u16) -> Option<Cause> {
        if self.away[p][day] {
            return Some(Cause::Away);
        }
        let mut cause = None;
        for b in &self.meet[p * self.ndays + day] {
            if b.start < e && s < b.end {
                if b.emergency {
                    return Some(Cause::Emergency);
                }
                cause = Some(Cause::Meeting);
            }
        }
        let busy = &self.busy[p * self.ndays + day];
        if busy.iter().any(|&(bs, be)| bs < e && s < be) {
            return Some(Cause::Elsewhere);
        }
        cause
    }

    /// Free for a new session: not a holiday, not blocked, nothing else on.
    pub fn free(&self, p: usize, day: usize, s: u16, e: u16) -> bool {
        !self.holiday[day]
            && self.blocked(p, day, s, e).is_none()
            && self.busy[p * self.ndays + day]
                .iter()
                .all(|&(bs, be)| !(bs < e && s < be))
    }

    pub fn book(&mut self, p: usize, day: usize, s: u16, e: u16) {
        self.busy[p * self.ndays + day].push((s, e));
    }
}

/// A meeting's dates within the year: `weekly` every 7 days, `monthly` the
/// same day of each month (months without that day are skipped), up to
/// `until` or the year's end.
pub(crate) fn expand(
    first: NaiveDate,
    repeat: Repeat,
    until: Option<NaiveDate>,
    year: i32,
) -> Vec<NaiveDate> {
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(first);
    let last = until.map_or(end, |u| u.min(end));
    let mut out = Vec::new();
    let keep = |d: NaiveDate, out: &mut Vec<NaiveDate>| {
        if d.year() == year {
            out.push(d);
        }
    };
    match repeat {
        Repeat::None => keep(first, &mut out),
        Repeat::Weekly => {
            let mut d = first;
            while d <= last {
                keep(d, &mut out);
                d = d + chrono::Days::new(7);
            }
        }
        Repeat::Monthly => {
            let mut k = 0u32;
            loop {
                let m0 = first.month0() + k;
                let y = first.year() + (m0 / 12) as i32;
                let Some(month_first) = NaiveDate::from_ymd_opt(y, m0 % 12 + 1, 1) else {
                    break;
                };
                if month_first > last {
                    break;
                }
                if let Some(d) = NaiveDate::from_ymd_opt(y, m0 % 12 + 1, first.day())
                    && d <= last
                {
                    keep(d, &mut out);
                }
                k += 1;
            }
        }
    }
    out
}
