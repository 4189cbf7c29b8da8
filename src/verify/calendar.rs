//! Calendar rules 1–4 of docs/calendar.md, checked on the plan's
//! `[[session]]`s and `[[warning]]`s. Sessions are indexed by person and by
//! unit and date, and meetings by person and date, so a year's calendar of
//! tens of thousands of sessions is checked in one pass per rule.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use super::assign::Teams;
use super::planfile::{Kind, Plan, Session};
use super::{Recomputed, Violation};
use crate::model::{Meeting, Period, Repeat, Roster};
use crate::wording::Lang;
use crate::wording::check::{Block, CheckSaid, Rule, unit_label};

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
    /// Team members of each unit (people indices: cadres, then helpers).
    members: Vec<HashSet<usize>>,
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
    /// Any other warning about a unit on a date (e.g. a make-up that cannot be held).
    other: Vec<(String, NaiveDate, Vec<String>)>,
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
                    for p in &x.people {
                        w.visits_short.insert((u.clone(), p.clone()));
                    }
                }
                (_, Some(u), Some(d)) => w.other.push((u.clone(), d, x.people.clone())),
                _ => {}
            }
        }
        w
    }
}

pub fn check(roster: &Roster, plan: &Plan, teams: &Teams, out: &mut Vec<Violation>) {
    let year = roster.township.year;
    let ncad = roster.cadres.len();
    let mut meetings: MeetingIndex = HashMap::new();
    let mut occs: Vec<Vec<NaiveDate>> = Vec::with_capacity(roster.meetings.len());
    let members: Vec<HashSet<usize>> = teams
        .of_unit
        .iter()
        .map(|t| {
            t.leader
                .into_iter()
                .chain(t.slots.iter().chain(&t.assist).map(|h| h + ncad))
                .collect()
        })
        .collect();
    let mut cx = Cx {
        roster,
        teams,
        year,
        window: (roster.station.start, roster.station.end),
        meetings: HashMap::new(),
        members,
    };
    for (mi, m) in roster.meetings.iter().enumerate() {
        let dates = occurrences(m, year);
        let people: Vec<usize> = roster
            .attendee_ids(m)
            .iter()
            .filter_map(|id| cx.person(id))
            .collect();
        for &d in &dates {
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
    meetings_in_window(&cx, &occs, &warnings, out);
    makeups_owed(&cx, plan, &resolved, &stations, &warnings, out);
    visit_totals(&cx, plan, &resolved, &warnings, out);
}

/// What holds for each session on its own: unit, date, people, shape by kind.
fn sessions_one_by_one(
    cx: &Cx,
    plan: &Plan,
    resolved: &[(Option<usize>, Vec<Option<usize>>)],
    warnings: &Warnings,
    out: &mut Vec<Violation>,
) {
    let roster = cx.roster;
    let st = &roster.station;
    for (s, (unit, people)) in plan.sessions.iter().zip(resolved) {
        let rule = rule_of(s.kind);
        let Some(u) = *unit else {
            out.push(at(rule, &s.unit, None, s.date, CheckSaid::UnknownUnit));
            continue;
        };
        if !cx.in_year(s.date) {
            out.push(at(
                rule,
                &s.unit,
                None,
                s.date,
                CheckSaid::OutsideYear { year: cx.year },
            ));
        }
        if let Some(h) = cx.holiday(s.date) {
            out.push(at(
                Rule::Blocked,
                &s.unit,
                None,
                s.date,
                CheckSaid::InHoliday {
                    kind: s.kind,
                    holiday: h.why.clone(),
                },
            ));
        }
        let mut seen = HashSet::new();
        for (id, p) in s.people.iter().zip(people) {
            let Some(p) = *p else {
                out.push(at(
                    rule,
                    &s.unit,
                    Some(id),
                    s.date,
                    CheckSaid::UnknownPerson,
                ));
                continue;
            };
            if !seen.insert(p) {
                continue;
            }
            if !cx.members[u].contains(&p) {
                out.push(at(
                    rule,
                    &s.unit,
                    Some(id),
                    s.date,
                    CheckSaid::NotOnTeam { kind: s.kind },
                ));
            }
            if let Some(b) = cx.blocked(p, s.date, (s.start, s.end)) {
                out.push(at(
                    Rule::Blocked,
                    &s.unit,
                    Some(id),
                    s.date,
                    CheckSaid::Blocked {
                        kind: s.kind,
                        start: s.start,
                        end: s.end,
                        block: b,
                    },
                ));
            }
        }
        match s.kind {
            Kind::Station => {
                if s.date.weekday() != st.weekday || (s.start, s.end) != cx.window {
                    out.push(at(
                        Rule::Station,
                        &s.unit,
                        None,
                        s.date,
                        CheckSaid::NotInWindow {
                            weekday: s.date.weekday(),
                            start: s.start,
                            end: s.end,
                            window_day: st.weekday,
                            window: cx.window,
                        },
                    ));
                }
                let present: HashSet<usize> = people
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|p| cx.members[u].contains(p))
                    .collect();
                let township = present.iter().any(|&p| cx.township_member(p));
                let short = present.len() < roster.policy.min_present;
                if (short || !township) && !warnings.shortfall.contains(&(s.unit.clone(), s.date)) {
                    out.push(at(
                        Rule::Station,
                        &s.unit,
                        None,
                        s.date,
                        CheckSaid::Shortfall {
                            present: present.len(),
                            min: roster.policy.min_present,
                            township,
                        },
                    ));
                }
            }
            Kind::Makeup => makeup_shape(cx, s, out),
            Kind::Visit => visit_shape(cx, s, u, out),
        }
    }
}

fn makeup_shape(cx: &Cx, s: &Session, out: &mut Vec<Violation>) {
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
}

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

fn visit_shape(cx: &Cx, s: &Session, u: usize, out: &mut Vec<Violation>) {
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

/// Calendar rule 2: nobody in two sessions whose times overlap.
fn one_place_at_a_time(
    cx: &Cx,
    plan: &Plan,
    resolved: &[(Option<usize>, Vec<Option<usize>>)],
    out: &mut Vec<Violation>,
) {
    let np = cx.roster.cadres.len() + cx.roster.helpers.len();
    let mut by_person: Vec<Vec<usize>> = vec![Vec::new(); np];
    for (i, (_, people)) in resolved.iter().enumerate() {
        let mut seen = HashSet::new();
        for p in people.iter().flatten() {
            if seen.insert(*p) {
                by_person[*p].push(i);
            }
        }
    }
    for (p, list) in by_person.iter_mut().enumerate() {
        let key = |i: &usize| {
            let s = &plan.sessions[*i];
            (s.date, s.start, s.end)
        };
        list.sort_by_key(key);
        // The session still running latest, among those begun earlier that day.
        let mut open: Option<usize> = None;
        for &i in list.iter() {
            let s = &plan.sessions[i];
            if let Some(o) = open {
                let a = &plan.sessions[o];
                if a.date == s.date && s.start < a.end {
                    out.push(at(
                        Rule::OnePlace,
                        &s.unit,
                        Some(cx.id(p)),
                        s.date,
                        CheckSaid::Overlap {
                            kind: s.kind,
                            start: s.start,
                            end: s.end,
                            other_unit: unit_label(cx.roster, &a.unit, Lang::En),
                            other_kind: a.kind,
                            other_start: a.start,
                            other_end: a.end,
                        },
                    ));
                    if s.end <= a.end {
                        continue;
                    }
                }
            }
            open = Some(i);
        }
    }
}

/// Each unit's station dates, the required ones (per cadence and the
/// biweekly parity the plan chose), and its station sessions by date.
struct Stations {
    /// Every date of the station weekday in the year, k = 0, 1, …
    weeks: Vec<NaiveDate>,
    /// Per unit: the weeks k it must hold a station session in.
    required: Vec<Vec<usize>>,
    /// Per unit: station session indices, sorted by date.
    sessions: Vec<Vec<usize>>,
}

/// Calendar rule 1: a station session every (second) week, once.
fn station_weeks(
    cx: &Cx,
    plan: &Plan,
    resolved: &[(Option<usize>, Vec<Option<usize>>)],
    out: &mut Vec<Violation>,
) -> Stations {
    let roster = cx.roster;
    let first = NaiveDate::from_ymd_opt(cx.year, 1, 1).expect("a valid year");
    let mut d = first;
    while d.weekday() != roster.station.weekday {
        d = d.succ_opt().expect("a date");
    }
    let mut weeks = Vec::new();
    while d.year() == cx.year {
        weeks.push(d);
        d += Duration::days(7);
    }
    let week_of: HashMap<NaiveDate, usize> =
        weeks.iter().enumerate().map(|(k, d)| (*d, k)).collect();
    let nu = roster.units.len();
    let mut sessions: Vec<Vec<usize>> = vec![Vec::new(); nu];
    for (i, (unit, _)) in resolved.iter().enumerate() {
        if let (Some(u), Kind::Station) = (unit, plan.sessions[i].kind) {
            sessions[*u].push(i);
        }
    }
    let mut required = vec![Vec::new(); nu];
    for u in 0..nu {
        sessions[u].sort_by_key(|&i| (plan.sessions[i].date, plan.sessions[i].start));
        let held: Vec<usize> = sessions[u]
            .iter()
            .filter_map(|&i| week_of.get(&plan.sessions[i].date).copied())
            .collect();
        // Biweekly: the parity the plan holds most sessions on is the one it chose.
        let step = match roster.units[u].cadence {
            crate::model::Cadence::Weekly => None,
            crate::model::Cadence::Biweekly => {
                let odd = held.iter().filter(|k| *k % 2 == 1).count();
                Some(if odd > held.len() - odd { 1 } else { 0 })
            }
        };
        let wanted = |k: usize| step.is_none_or(|p| k % 2 == p);
        required[u] = (0..weeks.len())
            .filter(|&k| wanted(k) && cx.holiday(weeks[k]).is_none())
            .collect();
        let unit = &roster.units[u];
        let held_set: HashSet<usize> = held.iter().copied().collect();
        for &k in &required[u] {
            if !held_set.contains(&k) {
                out.push(at(
                    Rule::Station,
                    &unit.id,
                    None,
                    weeks[k],
                    CheckSaid::StationMissing,
                ));
            }
        }
        let mut last: Option<NaiveDate> = None;
        for &i in &sessions[u] {
            let s = &plan.sessions[i];
            if last == Some(s.date) {
                out.push(at(
                    Rule::Station,
                    &unit.id,
                    None,
                    s.date,
                    CheckSaid::StationTwice,
                ));
            }
            last = Some(s.date);
            if let Some(&k) = week_of.get(&s.date)
                && !wanted(k)
            {
                out.push(at(
                    Rule::Station,
                    &unit.id,
                    None,
                    s.date,
                    CheckSaid::StationOffTurn,
                ));
            }
        }
    }
    Stations {
        weeks,
        required,
        sessions,
    }
}

/// Calendar rule 2: a leader of n units misses no n consecutive station
/// sessions of a unit held on dates when the leader was free.
fn rotation(
    cx: &Cx,
    plan: &Plan,
    resolved: &[(Option<usize>, Vec<Option<usize>>)],
    stations: &Stations,
    out: &mut Vec<Violation>,
) {
    for (l, units) in cx.teams.units_of_cadre.iter().enumerate() {
        let n = units.len();
        let id = &cx.roster.cadres[l].id;
        for &u in units {
            let mut run: Vec<NaiveDate> = Vec::new();
            let mut flush = |run: &mut Vec<NaiveDate>| {
                if run.len() >= n {
                    out.push(at(
                        Rule::Rotation,
                        &cx.roster.units[u].id,
                        Some(id),
                        run[0],
                        CheckSaid::Rotation {
                            units: n,
                            missed: run.len(),
                            from: run[0],
                            to: *run.last().expect("a run"),
                        },
                    ));
                }
                run.clear();
            };
            let mut last = None;
            for &i in &stations.sessions[u] {
                let s = &plan.sessions[i];
                if last == Some(s.date) {
                    continue;
                }
                last = Some(s.date);
                if cx.holiday(s.date).is_some() || cx.blocked(l, s.date, cx.window).is_some() {
                    continue;
                }
                if resolved[i].1.contains(&Some(l)) {
                    flush(&mut run);
                } else {
                    run.push(s.date);
                }
            }
            flush(&mut run);
        }
    }
}

/// Calendar rule 3: one `meeting_in_window` warning per non-emergency
/// meeting occurrence that overlaps the window on a station date.
fn meetings_in_window(
    cx: &Cx,
    occs: &[Vec<NaiveDate>],
    warnings: &Warnings,
    out: &mut Vec<Violation>,
) {
    let mut by_date: Vec<(NaiveDate, usize)> = Vec::new();
    for (mi, m) in cx.roster.meetings.iter().enumerate() {
        if m.emergency || !overlaps((m.start, m.end), cx.window) {
            continue;
        }
        for &d in &occs[mi] {
            if cx.station_date(d) {
                by_date.push((d, mi));
            }
        }
    }
    by_date.sort();
    let mut given: HashMap<NaiveDate, usize> = warnings.meeting_in_window.clone();
    for (d, mi) in by_date {
        let left = given.entry(d).or_default();
        if *left > 0 {
            *left -= 1;
            continue;
        }
        let m = &cx.roster.meetings[mi];
        out.push(Violation {
            rule: Rule::Meetings,
            unit: None,
            person: None,
            date: Some(d),
            said: CheckSaid::MeetingWarningMissing {
                title: m.title.clone(),
                start: m.start,
                end: m.end,
            },
        });
    }
}

/// Calendar rule 3: members who would have attended a station session
/// (the unit's local members; leaders and helpers on a single team) and
/// were taken away by an emergency meeting or an away period get a make-up
/// for it, or a warning that it could not be made up.
fn makeups_owed(
    cx: &Cx,
    plan: &Plan,
    resolved: &[(Option<usize>, Vec<Option<usize>>)],
    stations: &Stations,
    warnings: &Warnings,
    out: &mut Vec<Violation>,
) {
    let ncad = cx.roster.cadres.len();
    let mut teams_of: HashMap<usize, usize> = HashMap::new();
    for m in &cx.members {
        for &p in m {
            *teams_of.entry(p).or_default() += 1;
        }
    }
    let mut made_up: HashSet<(usize, NaiveDate, usize)> = HashSet::new();
    for (s, (unit, people)) in plan.sessions.iter().zip(resolved) {
        if let (Kind::Makeup, Some(u), Some(d)) = (s.kind, unit, s.makes_up) {
            for p in people.iter().flatten() {
                made_up.insert((*u, d, *p));
            }
        }
    }
    for (u, unit) in cx.roster.units.iter().enumerate() {
        let mut fixed: Vec<usize> = cx.members[u]
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
            for &p in &fixed {
                let why = if let Some(a) = cx.away(p, d) {
                    Block::Away { why: a.why.clone() }
                } else if let Some(b) = cx.meeting_during(p, d, cx.window, |m| m.emergency) {
                    b
                } else {
                    continue;
                };
                let id = cx.id(p);
                let excused = made_up.contains(&(u, d, p))
                    || warnings.other.iter().any(|(wu, wd, wp)| {
                        wu == &unit.id && *wd == d && (wp.is_empty() || wp.iter().any(|x| x == id))
                    });
                if !excused {
                    out.push(at(
                        Rule::Makeup,
                        &unit.id,
                        Some(id),
                        d,
                        CheckSaid::MakeupMissing { block: why },
                    ));
                }
            }
        }
    }
}

/// Calendar rule 4: visit totals per member, hamlet by hamlet, and their
/// spread over the months.
fn visit_totals(
    cx: &Cx,
    plan: &Plan,
    resolved: &[(Option<usize>, Vec<Option<usize>>)],
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
    let visits = roster.policy.household_visits as i64;
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

/// The calendar's counts in `[plan.metrics]`, recomputed and compared.
pub fn figures(roster: &Roster, plan: &Plan, r: &mut Recomputed, out: &mut Vec<Violation>) {
    let township = |id: &str| {
        roster.cadre_index(id).is_some()
            || roster
                .helper_index(id)
                .is_some_and(|h| roster.helpers[h].unit.is_none())
    };
    for s in &plan.sessions {
        match s.kind {
            Kind::Station => {
                r.station_sessions += 1;
                if !s.people.iter().any(|p| township(p)) {
                    r.shortfall_sessions += 1;
                }
            }
            Kind::Makeup => r.makeup_sessions += 1,
            Kind::Visit => r.household_visit_sessions += 1,
        }
    }
    r.warnings = plan.warnings.len() as u64;
    let m = &plan.metrics;
    for (field, stated, actual) in [
        ("station_sessions", m.station_sessions, r.station_sessions),
        ("makeup_sessions", m.makeup_sessions, r.makeup_sessions),
        (
            "household_visit_sessions",
            m.household_visit_sessions,
            r.household_visit_sessions,
        ),
        (
            "shortfall_sessions",
            m.shortfall_sessions,
            r.shortfall_sessions,
        ),
        ("warnings", m.warnings, r.warnings),
    ] {
        if stated != actual {
            out.push(Violation {
                rule: Rule::Figures,
                unit: None,
                person: None,
                date: None,
                said: CheckSaid::Mismatch {
                    field: field.to_string(),
                    stated: stated as f64,
                    actual: actual as f64,
                },
            });
        }
    }
}
