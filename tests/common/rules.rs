//! The calendar's rules (docs/calendar.md) checked from the roster and the
//! plan file alone, with none of the scheduler's code: what the tests hold
//! the calendar to until the independent checker (`verify`) lands.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use zhudian::model::{Attendee, Cadence, Repeat, Roster};
use zhudian::plan::{PlanFile, Session};

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn mins(s: &str) -> u32 {
    let (h, m) = s.split_once(':').unwrap();
    h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap()
}

fn tmins(t: NaiveTime) -> u32 {
    mins(&t.format("%H:%M").to_string())
}

pub struct Occ {
    pub title: String,
    pub date: NaiveDate,
    pub start: u32,
    pub end: u32,
    pub people: BTreeSet<String>,
    pub emergency: bool,
}

pub struct World<'a> {
    pub r: &'a Roster,
    pub plan: &'a PlanFile,
    pub occ: Vec<Occ>,
    pub team: BTreeMap<String, Vec<String>>,
    pub visitors: BTreeMap<String, Vec<String>>,
    pub teams_of: BTreeMap<String, BTreeSet<String>>,
}

impl<'a> World<'a> {
    pub fn new(r: &'a Roster, plan: &'a PlanFile) -> World<'a> {
        let year = r.township.year;
        let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
        let mut occ = Vec::new();
        for m in &r.meetings {
            let mut people = BTreeSet::new();
            for a in &m.attendees {
                match a {
                    Attendee::AllCadres => people.extend(r.cadres.iter().map(|c| c.id.clone())),
                    Attendee::AllHelpers => people.extend(r.helpers.iter().map(|h| h.id.clone())),
                    Attendee::Person(p) => {
                        people.insert(p.clone());
                    }
                }
            }
            let last = m.until.unwrap_or(end).min(end);
            let mut dates = vec![m.date];
            match m.repeat {
                Repeat::None => {}
                Repeat::Weekly => {
                    let mut d = m.date + Days::new(7);
                    while d <= last {
                        dates.push(d);
                        d = d + Days::new(7);
                    }
                }
                Repeat::Monthly => {
                    for k in 1..12 {
                        let m0 = m.date.month0() + k;
                        if m0 >= 12 {
                            break;
                        }
                        if let Some(d) = NaiveDate::from_ymd_opt(year, m0 + 1, m.date.day())
                            && d <= last
                        {
                            dates.push(d);
                        }
                    }
                }
            }
            for d in dates {
                occ.push(Occ {
                    title: m.title.clone(),
                    date: d,
                    start: tmins(m.start),
                    end: tmins(m.end),
                    people: people.clone(),
                    emergency: m.emergency,
                });
            }
        }
        let mut team = BTreeMap::new();
        let mut visitors = BTreeMap::new();
        let mut teams_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for a in &plan.assignment {
            let mut t = vec![a.leader.clone()];
            t.extend(a.helpers.iter().cloned());
            visitors.insert(a.unit.clone(), t.clone());
            t.extend(a.assist.iter().cloned());
            for p in &t {
                teams_of
                    .entry(p.clone())
                    .or_default()
                    .insert(a.unit.clone());
            }
            team.insert(a.unit.clone(), t);
        }
        World {
            r,
            plan,
            occ,
            team,
            visitors,
            teams_of,
        }
    }

    pub fn holiday(&self, d: NaiveDate) -> bool {
        self.r.days.holiday(d).is_some()
    }

    pub fn away(&self, p: &str, d: NaiveDate) -> bool {
        let periods = if let Some(c) = self.r.cadre_index(p) {
            &self.r.cadres[c].away
        } else if let Some(h) = self.r.helper_index(p) {
            &self.r.helpers[h].away
        } else {
            return false;
        };
        periods.iter().any(|x| x.contains(d))
    }

    /// The meetings taking `p` at that time.
    pub fn meetings(&self, p: &str, d: NaiveDate, s: u32, e: u32) -> Vec<&Occ> {
        self.occ
            .iter()
            .filter(|o| o.date == d && o.people.contains(p) && o.start < e && s < o.end)
            .collect()
    }

    pub fn blocked(&self, p: &str, d: NaiveDate, s: u32, e: u32) -> bool {
        self.holiday(d) || self.away(p, d) || !self.meetings(p, d, s, e).is_empty()
    }

    pub fn township(&self, p: &str) -> bool {
        self.r.cadre_index(p).is_some()
            || self
                .r
                .helper_index(p)
                .is_some_and(|h| self.r.helpers[h].unit.is_none())
    }

    pub fn station_dates(&self) -> Vec<NaiveDate> {
        let year = self.r.township.year;
        let mut d = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let mut out = Vec::new();
        while d.year() == year {
            if d.weekday() == self.r.station.weekday {
                out.push(d);
            }
            d = d + Days::new(1);
        }
        out
    }

    fn sessions(&self, kind: &str) -> impl Iterator<Item = &Session> {
        self.plan.session.iter().filter(move |s| s.kind == kind)
    }

    fn warned(
        &self,
        kind: &str,
        unit: Option<&str>,
        date: Option<&str>,
        person: Option<&str>,
    ) -> bool {
        self.plan.warning.iter().any(|w| {
            w.kind == kind
                && unit.is_none_or(|u| w.unit.as_deref() == Some(u))
                && date.is_none_or(|d| w.date.as_deref() == Some(d))
                && person.is_none_or(|p| w.people.iter().any(|x| x == p))
        })
    }
}

/// Every rule broken, one line each; empty when the calendar keeps them all.
pub fn violations(r: &Roster, plan: &PlanFile) -> Vec<String> {
    let w = World::new(r, plan);
    let mut v = Vec::new();
    let st = &r.station;
    let (ws, we) = (tmins(st.start), tmins(st.end));
    let dates = w.station_dates();

    // Rule 1: which dates, who, shortfalls.
    for u in &r.units {
        let got: BTreeSet<NaiveDate> = w
            .sessions("station")
            .filter(|s| s.unit == u.id)
            .map(|s| day(&s.date))
            .collect();
        // A fixed rotation counts fortnights in station weeks (holidays
        // skipped); the flexible one in calendar weeks.
        let fixed = r.policy.rotation == zhudian::model::Rotation::Fixed;
        let open: Vec<(usize, NaiveDate)> = dates
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, d)| !w.holiday(*d))
            .enumerate()
            .map(|(i, (k, d))| (if fixed { i } else { k }, d))
            .collect();
        let ok = match u.cadence {
            Cadence::Weekly => got == open.iter().map(|x| x.1).collect(),
            Cadence::Biweekly => (0..2).any(|p| {
                got == open
                    .iter()
                    .filter(|(k, _)| k % 2 == p)
                    .map(|x| x.1)
                    .collect()
            }),
        };
        if !ok {
            v.push(format!("rule 1: {} has the wrong station dates", u.id));
        }
    }
    let mut without = 0;
    for s in w.sessions("station") {
        let d = day(&s.date);
        if mins(&s.start) != ws || mins(&s.end) != we {
            v.push(format!("rule 1: {} {} not in the window", s.unit, s.date));
        }
        let team = w.team.get(&s.unit).cloned().unwrap_or_default();
        for p in &s.people {
            if !team.contains(p) {
                v.push(format!("rule 1: {p} not on {}'s team", s.unit));
            }
        }
        let township = s.people.iter().any(|p| w.township(p));
        if !township {
            without += 1;
        }
        if (!township || s.people.len() < r.policy.min_present)
            && !w.warned("shortfall", Some(&s.unit), Some(&s.date), None)
        {
            v.push(format!(
                "rule 1: {} {} short without a warning",
                s.unit, s.date
            ));
        }
        let _ = d;
    }
    if plan.plan.metrics.shortfall_sessions != without {
        v.push(format!(
            "metrics: shortfall_sessions {} but {without} sessions without a township member",
            plan.plan.metrics.shortfall_sessions
        ));
    }

    // Rule 2: one place at a time, never blocked.
    let mut by_person: BTreeMap<&str, Vec<(NaiveDate, u32, u32, &Session)>> = BTreeMap::new();
    for s in &plan.session {
        let d = day(&s.date);
        for p in &s.people {
            by_person
                .entry(p)
                .or_default()
                .push((d, mins(&s.start), mins(&s.end), s));
            if w.blocked(p, d, mins(&s.start), mins(&s.end)) {
                v.push(format!(
                    "rule 2: {p} blocked during {} {} {} {}",
                    s.kind, s.unit, s.date, s.start
                ));
            }
        }
    }
    for (p, mut xs) in by_person {
        xs.sort_by_key(|x| (x.0, x.1));
        for pair in xs.windows(2) {
            if pair[0].0 == pair[1].0 && pair[1].1 < pair[0].2 {
                v.push(format!(
                    "rule 2: {p} double-booked on {} ({} {} and {} {})",
                    pair[0].0, pair[0].3.kind, pair[0].3.unit, pair[1].3.kind, pair[1].3.unit
                ));
            }
        }
    }
    // Under a fixed rotation the timetable replaces the once-per-n rule: the
    // leader sits at every listed date, a substitute only stands in for a
    // blocked leader, and is in the session.
    let fixed = r.policy.rotation == zhudian::model::Rotation::Fixed;
    let station_people: BTreeMap<(String, String), Vec<String>> = w
        .sessions("station")
        .map(|s| ((s.unit.clone(), s.date.clone()), s.people.clone()))
        .collect();
    if fixed {
        for a in &plan.assignment {
            let Some(t) = plan.timetable.iter().find(|t| t.unit == a.unit) else {
                v.push(format!("rule 2: {} has no timetable", a.unit));
                continue;
            };
            let sat = |d: &str, p: &str| {
                station_people
                    .get(&(a.unit.clone(), d.to_string()))
                    .is_some_and(|ps| ps.iter().any(|x| x == p))
            };
            for d in &t.leader_dates {
                if !sat(d, &a.leader) {
                    v.push(format!("rule 2: {} not at {} on {d}", a.leader, a.unit));
                }
            }
            for x in &t.substitute {
                if !w.blocked(&a.leader, day(&x.date), ws, we) {
                    v.push(format!(
                        "rule 2: needless substitute at {} {}",
                        a.unit, x.date
                    ));
                }
                if let Some(p) = &x.person
                    && !sat(&x.date, p)
                {
                    v.push(format!(
                        "rule 2: substitute {p} not at {} {}",
                        a.unit, x.date
                    ));
                }
            }
        }
    }
    for a in plan.assignment.iter().filter(|_| !fixed) {
        let leader = &a.leader;
        let units: Vec<&str> = plan
            .assignment
            .iter()
            .filter(|b| &b.leader == leader)
            .map(|b| b.unit.as_str())
            .collect();
        let n = units.len();
        let mut seq: Vec<&Session> = w
            .sessions("station")
            .filter(|s| s.unit == a.unit && !w.blocked(leader, day(&s.date), ws, we))
            .collect();
        seq.sort_by(|x, y| x.date.cmp(&y.date));
        let mut run = 0;
        for s in seq {
            if s.people.contains(leader) {
                run = 0;
            } else {
                run += 1;
                if run >= n {
                    v.push(format!(
                        "rule 2: {leader} missing from {} for {n} sessions up to {}",
                        a.unit, s.date
                    ));
                    run = 0;
                }
            }
        }
    }

    // Rule 3: meetings in the window; make-ups.
    for o in &w.occ {
        if !o.emergency
            && !w.holiday(o.date)
            && o.date.weekday() == st.weekday
            && o.start < we
            && ws < o.end
        {
            let d = o.date.format("%Y-%m-%d").to_string();
            if !w.warned("meeting_in_window", None, Some(&d), None) {
                v.push(format!(
                    "rule 3: no meeting_in_window for '{}' on {d}",
                    o.title
                ));
            }
        }
    }
    let station_of: BTreeSet<(String, String)> = w
        .sessions("station")
        .map(|s| (s.unit.clone(), s.date.clone()))
        .collect();
    for s in w.sessions("makeup") {
        let d = day(&s.date);
        let Some(m) = s.makes_up.as_deref() else {
            v.push(format!(
                "rule 3: make-up {} {} without makes_up",
                s.unit, s.date
            ));
            continue;
        };
        if !st.makeup_days.contains(&d.weekday()) {
            v.push(format!("rule 3: make-up on {} not a make-up day", s.date));
        }
        if (d - day(m)).num_days() < st.makeup_notice_days as i64 {
            v.push(format!("rule 3: make-up on {} too soon after {m}", s.date));
        }
        if w.holiday(d) || d.year() != r.township.year {
            v.push(format!(
                "rule 3: make-up on {} in a holiday or outside the year",
                s.date
            ));
        }
        if mins(&s.start) != ws || mins(&s.end) != we {
            v.push(format!(
                "rule 3: make-up on {} not in the window's hours",
                s.date
            ));
        }
        if !station_of.contains(&(s.unit.clone(), m.to_string())) {
            v.push(format!(
                "rule 3: make-up of {} {m}, no such session",
                s.unit
            ));
        }
        let team = w.team.get(&s.unit).cloned().unwrap_or_default();
        if s.people.iter().any(|p| !team.contains(p)) || s.people.is_empty() {
            v.push(format!(
                "rule 3: make-up {} {} people off the team",
                s.unit, s.date
            ));
        }
        // The fixed rotation's make-ups: in time, with the unit's own people,
        // only for a session left without a township member.
        if !fixed {
            continue;
        }
        if (d - day(m)).num_days() > st.makeup_within_days as i64 {
            v.push(format!("rule 3: make-up on {} too late after {m}", s.date));
        }
        let own = |p: &String| {
            r.helper_index(p)
                .is_some_and(|h| r.helpers[h].unit.as_deref() == Some(s.unit.as_str()))
        };
        if !s.people.iter().any(own) {
            v.push(format!(
                "rule 3: make-up {} {} without the unit's own people",
                s.unit, s.date
            ));
        }
        let staffed = station_people
            .get(&(s.unit.clone(), m.to_string()))
            .is_some_and(|ps| ps.iter().any(|p| w.township(p)));
        if staffed {
            v.push(format!(
                "rule 3: make-up of {} {m}, which had a township member",
                s.unit
            ));
        }
    }
    // Members who always sit at one unit and lost a session to an emergency
    // or an absence must have it made up (or a warning say it cannot be).
    // A session with a township member (someone stood in) owes none; under a
    // fixed rotation the leader owes one for their turn.
    for s in w.sessions("station") {
        let d = day(&s.date);
        if fixed && s.people.iter().any(|p| w.township(p)) {
            continue;
        }
        let turn = plan
            .timetable
            .iter()
            .find(|t| t.unit == s.unit && t.substitute.iter().any(|x| x.date == s.date))
            .map(|t| t.leader.clone());
        for p in w.team.get(&s.unit).into_iter().flatten() {
            if w.teams_of.get(p).is_none_or(|t| t.len() != 1) && turn.as_ref() != Some(p) {
                continue;
            }
            let lost = w.away(p, d) || w.meetings(p, d, ws, we).iter().any(|o| o.emergency);
            if !lost {
                continue;
            }
            let made = w.sessions("makeup").any(|m| {
                m.unit == s.unit && m.makes_up.as_deref() == Some(&s.date) && m.people.contains(p)
            });
            if !made && !w.warned("makeup_impossible", Some(&s.unit), Some(&s.date), Some(p)) {
                v.push(format!(
                    "rule 3: {p}'s session {} {} not made up",
                    s.unit, s.date
                ));
            }
        }
    }

    // Rule 4: household visits.
    let cap = r.policy.households_per_visit_session;
    let month_cap = r.policy.visit_half_days_per_month;
    let own = |p: &str, u: &str| {
        r.helper_index(p)
            .is_some_and(|h| r.helpers[h].unit.as_deref() == Some(u))
    };
    let local = |p: &str, u: &str| {
        own(p, u)
            && r.helper_index(p).is_some_and(|h| {
                matches!(
                    r.helpers[h].role,
                    zhudian::model::Role::PartySecretary | zhudian::model::Role::CommitteeCadre
                )
            })
    };
    let mut done: BTreeMap<(String, String, String), u64> = BTreeMap::new();
    let mut team_done: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut unit_month: BTreeMap<String, [u32; 12]> = BTreeMap::new();
    let mut month_total: BTreeMap<String, [u32; 12]> = BTreeMap::new();
    let mut leader_alone = Vec::new();
    for s in w.sessions("household_visit") {
        let d = day(&s.date);
        let ok_time = matches!(
            (s.start.as_str(), s.end.as_str()),
            ("09:00", "12:00") | ("14:30", "17:30")
        );
        if !ok_time || !r.days.working(d, &r.policy.visit_days) {
            v.push(format!(
                "rule 4: visit {} {} {} not a half day on a visit day",
                s.unit, s.date, s.start
            ));
        }
        let distinct: BTreeSet<&String> = s.people.iter().collect();
        if s.people.is_empty() || s.people.len() > 3 || distinct.len() != s.people.len() {
            v.push(format!(
                "rule 4: visit {} {} has {} people",
                s.unit,
                s.date,
                s.people.len()
            ));
            continue;
        }
        let h = s.households.unwrap_or(0);
        if h == 0 || h > cap {
            v.push(format!(
                "rule 4: visit {} {} with {h} households",
                s.unit, s.date
            ));
        }
        let team = w.team.get(&s.unit);
        for p in &s.people {
            let counted = w.visitors.get(&s.unit).is_some_and(|t| t.contains(p));
            if !(counted || team.is_some_and(|t| t.contains(p)) && own(p, &s.unit)) {
                v.push(format!(
                    "rule 4: {p} visits {} but is not its leader, slot helper or own person",
                    s.unit
                ));
            }
            *done
                .entry((
                    p.clone(),
                    s.unit.clone(),
                    s.hamlet.clone().unwrap_or_default(),
                ))
                .or_default() += h as u64;
            month_total.entry(p.clone()).or_insert([0; 12])[d.month0() as usize] += 1;
        }
        *team_done
            .entry((s.unit.clone(), s.hamlet.clone().unwrap_or_default()))
            .or_default() += h as u64;
        unit_month.entry(s.unit.clone()).or_insert([0; 12])[d.month0() as usize] += 1;
        let leader = r.cadre_index(&s.people[0]).is_some();
        if leader && !s.people.iter().any(|p| local(p, &s.unit)) {
            leader_alone.push(s);
        }
    }
    for (p, months) in &month_total {
        for (m, &n) in months.iter().enumerate() {
            if n > month_cap {
                v.push(format!(
                    "rule 4: {p} has {n} visit half-days in month {}, over {month_cap}",
                    m + 1
                ));
            }
        }
    }
    // A leader alone while one of the unit's own people was free then.
    for s in leader_alone {
        let d = day(&s.date);
        let (a, b) = (mins(&s.start), mins(&s.end));
        for p in w.team.get(&s.unit).into_iter().flatten() {
            if !local(p, &s.unit) || w.blocked(p, d, a, b) {
                continue;
            }
            let busy = w.plan.session.iter().any(|x| {
                x.date == s.date && x.people.contains(p) && mins(&x.start) < b && a < mins(&x.end)
            });
            let full = month_total
                .get(p)
                .is_some_and(|m| m[d.month0() as usize] >= month_cap);
            if !busy && !full {
                v.push(format!(
                    "rule 4: leader {} visits {} {} alone while {p} was free",
                    s.people[0], s.unit, s.date
                ));
            }
        }
    }
    let times = r.policy.household_visits as u64;
    let by_team = r.policy.household_visits_by == zhudian::model::VisitsBy::Team;
    for u in &r.units {
        let hamlets: Vec<(String, u64)> = if u.hamlets.is_empty() {
            vec![(u.name.clone(), u.households as u64)]
        } else {
            u.hamlets
                .iter()
                .map(|h| (h.name.clone(), h.households as u64))
                .collect()
        };
        if by_team {
            if !w.team.contains_key(&u.id) {
                continue;
            }
            for (h, hh) in &hamlets {
                let got = team_done
                    .get(&(u.id.clone(), h.clone()))
                    .copied()
                    .unwrap_or(0);
                if got < times * hh && !w.warned("household_visits_short", Some(&u.id), None, None)
                {
                    v.push(format!(
                        "rule 4: the team visits {got} of {} in {} {h}, no warning",
                        times * hh,
                        u.id
                    ));
                }
            }
            continue;
        }
        for p in w.visitors.get(&u.id).into_iter().flatten() {
            for (h, hh) in &hamlets {
                let got = done
                    .get(&(p.clone(), u.id.clone(), h.clone()))
                    .copied()
                    .unwrap_or(0);
                if got < times * hh
                    && !w.warned("household_visits_short", Some(&u.id), None, Some(p))
                {
                    v.push(format!(
                        "rule 4: {p} visits {got} of {} in {} {h}, no warning",
                        times * hh,
                        u.id
                    ));
                }
            }
        }
    }
    // Spread: each unit's visits, no month over twice its even share (a
    // share rounded up: whole sessions), unless the unit is short anyway.
    for (u, months) in unit_month {
        let n: u32 = months.iter().sum();
        if n >= 12 && !w.warned("household_visits_short", Some(&u), None, None) {
            let max = *months.iter().max().unwrap();
            if max > (2 * n).div_ceil(12) {
                v.push(format!("rule 4: {u}: {max} visits in one month of {n}"));
            }
        }
    }
    v
}

/// What the independent checker (`zhudian::verify`, written apart from the
/// scheduler) says against the plan: every violation but the cost's and the
/// tours' (the plain assignments used here state no cost).
pub fn checker(r: &Roster, plan: &PlanFile) -> Vec<String> {
    use zhudian::wording::check::Rule;
    let report = zhudian::verify::check_files(r, &plan.to_toml(), None);
    report
        .violations
        .iter()
        .filter(|v| !matches!(v.rule, Rule::Cost | Rule::Tour))
        .map(|v| v.line(r, zhudian::wording::Lang::En))
        .collect()
}
