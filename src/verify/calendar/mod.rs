//! Calendar rules 1–4 of docs/calendar.md, checked on the plan's
//! `[[session]]`s and `[[warning]]`s. Sessions are indexed by person and by
//! unit and date, and meetings by person and date, so a year's calendar of
//! tens of thousands of sessions is checked in one pass per rule. Each rule
//! has its own file; this one holds what they share (who is who, meetings by
//! person and date, the plan's warnings) and runs them in order.

mod figures;
mod makeups;
mod meetings;
mod overlap;
mod rotation;
mod service;
mod sessions;
mod station_weeks;
mod timetable;
mod visit_cap;
mod visit_companion;
mod visits;
mod visits_free;

pub use figures::figures;
use makeups::{impossible_makeups_true, makeups_owed};
use meetings::meetings_in_window;
use overlap::one_place_at_a_time;
use rotation::rotation;
use service::service_dates;
use sessions::sessions_one_by_one;
use station_weeks::station_weeks;
use visit_cap::visit_cap;
use visit_companion::visit_companion;
use visits::visit_totals;

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::Violation;
use super::assign::Teams;
use super::planfile::{Kind, Plan};
use crate::model::{Meeting, Period, Repeat, Roster};
use crate::wording::check::{Block, CheckSaid, Rule};

/// Every date a meeting happens on in the year, repeats expanded.
fn occurrences(m: &Meeting, year: i32) -> Vec<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(year, 12, 31).expect("a valid year");
    let until = m.until.unwrap_or(last).min(last);
    match m.repeat {
        Repeat::None => vec![m.date],
        Repeat::Weekly => {
            let mut out = Vec::new();
            let mut d = m.date;
            while d <= until {
                out.push(d);
                d += Duration::days(7);
            }
            out
        }
        Repeat::Monthly => {
            // Same day of the month; months without that day have no meeting.
            let mut out = Vec::new();
            let (mut y, mut mo) = (m.date.year(), m.date.month());
            loop {
                if let Some(d) = NaiveDate::from_ymd_opt(y, mo, m.date.day()) {
                    if d > until {
                        break;
                    }
                    out.push(d);
                } else if NaiveDate::from_ymd_opt(y, mo, 1).is_none_or(|d| d > until) {
                    break;
                }
                mo += 1;
                if mo > 12 {
                    mo = 1;
                    y += 1;
                }
            }
            out
        }
    }
}

/// Each session resolved once: its unit's index and its people's indices.
type Resolved = [(Option<usize>, Vec<Option<usize>>)];

fn overlaps(a: (NaiveTime, NaiveTime), b: (NaiveTime, NaiveTime)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Meetings each person attends, by (person, date): (start, end, meeting).
type MeetingIndex = HashMap<(usize, NaiveDate), Vec<(NaiveTime, NaiveTime, usize)>>;

/// What the checker knows about people, time and the plan's teams.
struct Cx<'a> {
    roster: &'a Roster,
    teams: &'a Teams,
    year: i32,
    window: (NaiveTime, NaiveTime),
    /// Meetings each person attends, by (person, date): (start, end, meeting).
    meetings: MeetingIndex,
    /// Team members of each unit (people indices: cadres, then helpers):
    /// this plan's teams, from a replan's date on (all year without one).
    members: Vec<HashSet<usize>>,
    /// Handovers in the roster: (predecessor, successor, first day of the
    /// successor), people indices.
    handovers: Vec<(usize, usize, NaiveDate)>,
    /// The date a replan starts from (`check --from`): visits are planned
    /// from it on.
    from: Option<NaiveDate>,
    /// The teams that served in the stretches before that date (the plans
    /// in force's then), in date order, and their members (as `members`).
    earlier: Vec<Before<'a>>,
}

/// The teams in force in a stretch before a replan's date: from the
/// previous stretch's end (the year's start) to the day before `until`.
struct Before<'a> {
    until: NaiveDate,
    teams: &'a Teams,
    members: Vec<HashSet<usize>>,
}

/// A stretch of the year with the teams then in force: the plans in force's
/// before a replan's date, this plan's from it (or all year).
pub(super) struct Stretch<'a> {
    pub teams: &'a Teams,
    /// First day, and the day after the last (`None`: the year's ends).
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Stretch<'_> {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|e| d < e)
    }
}

/// Each unit's members over the year: its people and those they succeed
/// (rule 5 keeps each to their own part of the year).
fn members_of(
    teams: &Teams,
    handovers: &[(usize, usize, NaiveDate)],
    ncad: usize,
) -> Vec<HashSet<usize>> {
    teams
        .of_unit
        .iter()
        .map(|t| {
            let mut m: HashSet<usize> = t
                .leader
                .into_iter()
                .chain(t.slots.iter().chain(&t.assist).map(|h| h + ncad))
                .collect();
            loop {
                let before = m.len();
                for &(from, to, _) in handovers {
                    if m.contains(&to) {
                        m.insert(from);
                    }
                }
                if m.len() == before {
                    break m;
                }
            }
        })
        .collect()
}

impl<'a> Cx<'a> {
    fn person(&self, id: &str) -> Option<usize> {
        self.roster.cadre_index(id).or_else(|| {
            self.roster
                .helper_index(id)
                .map(|h| h + self.roster.cadres.len())
        })
    }

    fn id(&self, p: usize) -> &'a str {
        let c = self.roster.cadres.len();
        if p < c {
            &self.roster.cadres[p].id
        } else {
            &self.roster.helpers[p - c].id
        }
    }

    fn away_periods(&self, p: usize) -> &'a [Period] {
        let c = self.roster.cadres.len();
        if p < c {
            &self.roster.cadres[p].away
        } else {
            &self.roster.helpers[p - c].away
        }
    }

    /// The members of unit `u`'s team on day `d`: those of the stretch
    /// holding `d` before a replan's date, this plan's otherwise.
    fn members_at(&self, u: usize, d: NaiveDate) -> &HashSet<usize> {
        &self.member_sets_at(d)[u]
    }

    /// Every unit's members on day `d` (see `members_at`).
    fn member_sets_at(&self, d: NaiveDate) -> &[HashSet<usize>] {
        match self.earlier.iter().find(|b| d < b.until) {
            Some(b) => &b.members,
            None => &self.members,
        }
    }

    /// Every unit's members in each stretch of the year, with its first day
    /// and the day after its last.
    fn member_periods(&self) -> Vec<(&[HashSet<usize>], Stretch<'a>)> {
        self.periods()
            .into_iter()
            .map(|p| {
                let d = p.since.unwrap_or(NaiveDate::MIN);
                (self.member_sets_at(d), p)
            })
            .collect()
    }

    /// The stretches of the year and the teams in force in each.
    fn periods(&self) -> Vec<Stretch<'a>> {
        let mut out = Vec::with_capacity(self.earlier.len() + 1);
        let mut since = None;
        for b in &self.earlier {
            out.push(Stretch {
                teams: b.teams,
                since,
                until: Some(b.until),
            });
            since = Some(b.until);
        }
        out.push(Stretch {
            teams: self.teams,
            since,
            until: None,
        });
        out
    }

    /// Who holds `p`'s post on day `d`: `p`, or the predecessor still
    /// serving then (a chain of handovers followed back).
    fn holder(&self, p: usize, d: NaiveDate) -> usize {
        let mut cur = p;
        for _ in 0..=self.handovers.len() {
            match self
                .handovers
                .iter()
                .find(|&&(_, to, date)| to == cur && d < date)
            {
                Some(&(from, _, _)) => cur = from,
                None => break,
            }
        }
        cur
    }

    /// Who holds `p`'s post at the year's end: `p`, or whoever succeeds
    /// them (a chain of handovers followed).
    fn at_year_end(&self, p: usize) -> usize {
        let mut cur = p;
        for _ in 0..=self.handovers.len() {
            match self.handovers.iter().find(|&&(from, _, _)| from == cur) {
                Some(&(_, to, _)) => cur = to,
                None => break,
            }
        }
        cur
    }

    /// The leader, or a helper with no own unit.
    fn township_member(&self, p: usize) -> bool {
        let c = self.roster.cadres.len();
        p < c || self.roster.helpers[p - c].unit.is_none()
    }

    fn holiday(&self, d: NaiveDate) -> Option<&'a Period> {
        self.roster.days.holiday(d)
    }

    fn away(&self, p: usize, d: NaiveDate) -> Option<&'a Period> {
        self.away_periods(p).iter().find(|a| a.contains(d))
    }

    /// Why a person cannot be somewhere at that time (holidays aside).
    fn blocked(&self, p: usize, d: NaiveDate, t: (NaiveTime, NaiveTime)) -> Option<Block> {
        if let Some(a) = self.away(p, d) {
            return Some(Block::Away { why: a.why.clone() });
        }
        self.meeting_during(p, d, t, |_| true)
    }

    fn meeting_during(
        &self,
        p: usize,
        d: NaiveDate,
        t: (NaiveTime, NaiveTime),
        keep: impl Fn(&Meeting) -> bool,
    ) -> Option<Block> {
        let ms = self.meetings.get(&(p, d))?;
        ms.iter()
            .find(|(s, e, mi)| overlaps(t, (*s, *e)) && keep(&self.roster.meetings[*mi]))
            .map(|(s, e, mi)| Block::Meeting {
                title: self.roster.meetings[*mi].title.clone(),
                start: *s,
                end: *e,
            })
    }

    fn in_year(&self, d: NaiveDate) -> bool {
        d.year() == self.year
    }

    /// A date of the station weekday in the year, outside holidays.
    fn station_date(&self, d: NaiveDate) -> bool {
        d.weekday() == self.roster.station.weekday && self.in_year(d) && self.holiday(d).is_none()
    }
}

fn rule_of(kind: Kind) -> Rule {
    match kind {
        Kind::Station => Rule::Station,
        Kind::Makeup => Rule::Makeup,
        Kind::Visit => Rule::Visits,
    }
}

fn at(rule: Rule, unit: &str, person: Option<&str>, date: NaiveDate, said: CheckSaid) -> Violation {
    Violation {
        rule,
        unit: Some(unit.to_string()),
        person: person.map(str::to_string),
        date: Some(date),
        said,
    }
}

/// The warnings a plan gives, indexed the way the rules look them up.
#[derive(Default)]
struct Warnings {
    shortfall: HashSet<(String, NaiveDate)>,
    meeting_in_window: HashMap<NaiveDate, usize>,
    visits_short: HashSet<(String, String)>,
    /// A make-up that cannot be held: unit, date, people (all when empty).
    /// Only this kind excuses a missing make-up, not any warning that
    /// happens to name the unit and date.
    makeup_impossible: Vec<(String, NaiveDate, Vec<String>)>,
    /// Units with a `household_visits_short` warning (the team's or a member's).
    visits_short_units: HashSet<String>,
}

impl Warnings {
    fn of(plan: &Plan) -> Warnings {
        let mut w = Warnings::default();
        for x in &plan.warnings {
            match (x.kind.as_str(), &x.unit, x.date) {
                ("shortfall", Some(u), Some(d)) => {
                    w.shortfall.insert((u.clone(), d));
                }
                ("meeting_in_window", _, Some(d)) => {
                    *w.meeting_in_window.entry(d).or_default() += 1;
                }
                ("household_visits_short", Some(u), _) => {
                    w.visits_short_units.insert(u.clone());
                    for p in &x.people {
                        w.visits_short.insert((u.clone(), p.clone()));
                    }
                }
                ("makeup_impossible", Some(u), Some(d)) => {
                    w.makeup_impossible.push((u.clone(), d, x.people.clone()))
                }
                _ => {}
            }
        }
        w
    }
}

pub fn check(
    roster: &Roster,
    plan: &Plan,
    teams: &Teams,
    from: Option<NaiveDate>,
    earlier: &[(NaiveDate, Teams)],
    out: &mut Vec<Violation>,
) {
    let year = roster.township.year;
    let ncad = roster.cadres.len();
    let mut meetings: MeetingIndex = HashMap::new();
    let mut occs: Vec<Vec<NaiveDate>> = Vec::with_capacity(roster.meetings.len());
    let mut cx = Cx {
        roster,
        teams,
        year,
        window: (roster.station.start, roster.station.end),
        meetings: HashMap::new(),
        members: Vec::new(),
        handovers: Vec::new(),
        from,
        earlier: Vec::new(),
    };
    // Who handed over to whom, from which day, as people indices.
    cx.handovers = roster
        .handovers()
        .iter()
        .filter_map(|h| Some((cx.person(&h.from)?, cx.person(&h.to)?, h.date)))
        .collect();
    cx.members = members_of(teams, &cx.handovers, ncad);
    cx.earlier = earlier
        .iter()
        .map(|(until, teams)| Before {
            until: *until,
            teams,
            members: members_of(teams, &cx.handovers, ncad),
        })
        .collect();
    for (mi, m) in roster.meetings.iter().enumerate() {
        let dates = occurrences(m, year);
        let attendees_on = roster.attendees_by_day(m);
        for &d in &dates {
            let people: Vec<usize> = attendees_on(d)
                .iter()
                .filter_map(|id| cx.person(id))
                .collect();
            for &p in &people {
                meetings
                    .entry((p, d))
                    .or_default()
                    .push((m.start, m.end, mi));
            }
        }
        occs.push(dates);
    }
    cx.meetings = meetings;
    let cx = cx;
    let warnings = Warnings::of(plan);

    // Resolve every session once: unit index and people indices.
    let resolved: Vec<(Option<usize>, Vec<Option<usize>>)> = plan
        .sessions
        .iter()
        .map(|s| {
            (
                roster.unit_index(&s.unit),
                s.people.iter().map(|p| cx.person(p)).collect(),
            )
        })
        .collect();

    sessions_one_by_one(&cx, plan, &resolved, &warnings, out);
    one_place_at_a_time(&cx, plan, &resolved, out);
    let stations = station_weeks(&cx, plan, &resolved, out);
    rotation(&cx, plan, &resolved, &stations, out);
    timetable::timetable(&cx, plan, &resolved, &stations, out);
    meetings_in_window(&cx, &occs, &warnings, out);
    makeups_owed(&cx, plan, &resolved, &stations, &warnings, out);
    impossible_makeups_true(&cx, plan, &resolved, &warnings, out);
    visit_totals(&cx, plan, &resolved, &warnings, out);
    visit_cap(&cx, plan, &resolved, out);
    visit_companion(&cx, plan, &resolved, out);
    service_dates(&cx, plan, &resolved, out);
}
