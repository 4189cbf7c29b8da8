//! Which units keep their sessions across a cut in the year (a replan's
//! `--from`, a handover inside the roster): every unit whose team is the
//! same before and after keeps its sessions from the date on exactly as
//! they were, unless the roster now forbids one of them (a person gone or
//! away, a holiday, a meeting at that time) or its leader's rotation
//! changes (the leader leads, or led, a unit that is rebuilt: a leader's
//! units are seated as one cycle). A unit whose team changed only by a
//! handover at the cut (a successor new to the teams in the predecessor's
//! place) counts as unchanged: it keeps its sessions with the successor in
//! them, so a handover keeps the posted timetable and the team's visits.
//! Only the other units are built again, around the kept sessions (see
//! `seam`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use crate::model::Roster;
use crate::plan::{Assignment, PlanFile, Session};

/// What stands in the way of a kept session under the new roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// The day is now a holiday (its name).
    Holiday(String),
    /// The person no longer serves that day (`leaves`, `joins`, or gone
    /// from the roster).
    NotServing,
    /// The person is away that day (the period's reason).
    Away(String),
    /// The person is in this meeting then (its title).
    Meeting(String),
    /// A station session or make-up no longer at the roster's station
    /// weekday, window or make-up days.
    StationTime,
}

/// Why a unit whose team did not change is built again from the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// One of its sessions can no longer stand: the first such, by date.
    Forbidden {
        date: NaiveDate,
        start: String,
        person: Option<String>,
        clash: Clash,
    },
    /// Its leader's rotation changes: they lead, or led, `unit`, which is
    /// rebuilt.
    Leader { leader: String, unit: String },
}

/// The decision at one cut.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keep {
    /// Units whose sessions from the date on stay as they were.
    pub kept: BTreeSet<String>,
    /// Units whose team did not change but are rebuilt, in roster order of
    /// the plan's assignments, with why.
    pub rebuilt: Vec<(String, Why)>,
    /// Predecessor → successor for the handovers the kept sessions take
    /// over (the successor stands where the predecessor stood).
    pub swapped: BTreeMap<String, String>,
    /// The kept units whose team changed by such a handover.
    pub handed: BTreeSet<String>,
    /// Handovers whose successor is not put in the kept sessions, as the
    /// predecessor's short household visits would leave him under the cap.
    pub unheld: Vec<Unheld>,
}

/// A handover built again for the successor rather than kept with him in
/// the predecessor's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unheld {
    pub predecessor: String,
    pub successor: String,
    /// The predecessor's units in the plan in force, in its order.
    pub units: Vec<String>,
    /// The first month (1–12) from the date whose visits the predecessor
    /// held fewer of than the monthly cap.
    pub month: u32,
}

impl Keep {
    /// Who stands in a kept session in `id`'s place from the cut on.
    pub fn person<'a>(&'a self, id: &'a str) -> &'a str {
        let mut cur = id;
        // A chain of handovers at one cut; bounded, as a roster may loop.
        for _ in 0..=self.swapped.len() {
            match self.swapped.get(cur) {
                Some(next) => cur = next,
                None => break,
            }
        }
        cur
    }

    fn renamed(&self, a: &Assignment) -> Assignment {
        let mut assist: Vec<String> = a.assist.iter().map(|p| self.person(p).into()).collect();
        assist.sort();
        Assignment {
            unit: a.unit.clone(),
            leader: self.person(&a.leader).into(),
            helpers: a.helpers.iter().map(|p| self.person(p).into()).collect(),
            assist,
        }
    }
}

/// The handovers dated on or before `from` whose predecessor is on
/// `previous`'s teams and whose successor is on none of them: a newcomer,
/// free at every time the predecessor was busy, can take over the
/// predecessor's sessions as they stand — unless that would leave a
/// `household_visits_short` warning untrue (see `month_under_cap`).
fn successors(
    r: &Roster,
    previous: &PlanFile,
    from: NaiveDate,
) -> (BTreeMap<String, String>, Vec<Unheld>) {
    let on = |a: &Assignment, id: &str| {
        a.leader == id || a.helpers.iter().any(|h| h == id) || a.assist.iter().any(|h| h == id)
    };
    let on_teams = |id: &str| previous.assignment.iter().any(|a| on(a, id));
    let (mut swapped, mut unheld) = (BTreeMap::new(), Vec::new());
    for h in r.handovers() {
        if h.date > from || !on_teams(&h.from) || on_teams(&h.to) {
            continue;
        }
        match month_under_cap(r, previous, from, &h.from, &h.to) {
            None => {
                swapped.insert(h.from, h.to);
            }
            Some(month) => unheld.push(Unheld {
                units: previous
                    .assignment
                    .iter()
                    .filter(|a| on(a, &h.from))
                    .map(|a| a.unit.clone())
                    .collect(),
                predecessor: h.from,
                successor: h.to,
                month,
            }),
        }
    }
    (swapped, unheld)
}

/// Where the successor, in the predecessor's visits from `from` on, would
/// not be as full as a `household_visits_short` warning naming the
/// predecessor says: the first month from `from` he serves in that is
/// under the monthly cap. The predecessor's visits before `from` fill his
/// own cap, not the successor's, so a mid-month handover (or a month the
/// predecessor was away) would leave the successor half-days free and the
/// warning untrue (`check` rule 4); his units are then built again for
/// him. Counted, not searched for free half-days: a successor busy anyway
/// is rebuilt all the same.
fn month_under_cap(
    r: &Roster,
    previous: &PlanFile,
    from: NaiveDate,
    predecessor: &str,
    successor: &str,
) -> Option<u32> {
    let short = previous
        .warning
        .iter()
        .any(|w| w.kind == "household_visits_short" && w.people.iter().any(|p| p == predecessor));
    if !short {
        return None;
    }
    let cap = r.policy.visit_half_days_per_month;
    let mut held = [0u32; 12];
    for s in previous
        .session
        .iter()
        .filter(|s| s.kind == "household_visit" && s.people.iter().any(|p| p == predecessor))
    {
        if let Ok(d) = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d")
            && d >= from
        {
            held[d.month0() as usize] += 1;
        }
    }
    let (_, leaves) = r.service(successor);
    from.iter_days()
        .take_while(|d| d.year() == from.year() && leaves.is_none_or(|l| *d < l))
        .find(|d| held[d.month0() as usize] < cap)
        .map(|d| d.month())
}

/// Decides, at `from`, which of `now`'s units keep `previous`'s sessions.
pub fn decide(r: &Roster, previous: &PlanFile, now: &[Assignment], from: NaiveDate) -> Keep {
    let (swapped, unheld) = successors(r, previous, from);
    let mut out = Keep {
        swapped,
        unheld,
        ..Keep::default()
    };
    let sorted = |a: &Assignment| {
        let mut a = a.clone();
        a.assist.sort();
        a
    };
    let old: BTreeMap<&str, Assignment> = previous
        .assignment
        .iter()
        .map(|a| (a.unit.as_str(), out.renamed(a)))
        .collect();
    let same: Vec<&Assignment> = now
        .iter()
        .filter(|a| old.get(a.unit.as_str()) == Some(&sorted(a)))
        .collect();
    let handed: BTreeSet<String> = same
        .iter()
        .filter(|a| !previous.assignment.iter().any(|b| sorted(b) == sorted(a)))
        .map(|a| a.unit.clone())
        .collect();
    let renamed_before: Vec<Assignment> = old.into_values().collect();
    let meetings = occurrences(r);
    let mut why: BTreeMap<String, Why> = BTreeMap::new();
    for a in &same {
        match first_clash(r, &meetings, previous, &a.unit, from, &out) {
            Some(w) => {
                why.insert(a.unit.clone(), w);
            }
            None => {
                out.kept.insert(a.unit.clone());
            }
        }
    }
    // A leader's units stand or fall together: their rotation is one.
    loop {
        let rebuilt = |u: &str| !out.kept.contains(u);
        let led = |leader: &str| -> Option<String> {
            now.iter()
                .chain(&renamed_before)
                .find(|b| b.leader == leader && rebuilt(&b.unit))
                .map(|b| b.unit.clone())
        };
        let tied: Vec<(String, Why)> = same
            .iter()
            .filter(|a| out.kept.contains(&a.unit))
            .filter_map(|a| {
                led(&a.leader).map(|unit| {
                    (
                        a.unit.clone(),
                        Why::Leader {
                            leader: a.leader.clone(),
                            unit,
                        },
                    )
                })
            })
            .collect();
        if tied.is_empty() {
            break;
        }
        for (u, w) in tied {
            out.kept.remove(&u);
            why.insert(u, w);
        }
    }
    out.rebuilt = same
        .iter()
        .filter_map(|a| why.remove(&a.unit).map(|w| (a.unit.clone(), w)))
        .collect();
    out.handed = handed.intersection(&out.kept).cloned().collect();
    out
}

/// A meeting occurrence: date, start, end ("HH:MM"), title, attendees.
type Occurrence = (NaiveDate, String, String, String, Vec<String>);

fn occurrences(r: &Roster) -> Vec<Occurrence> {
    let year = r.township.year;
    r.meetings
        .iter()
        .flat_map(|m| {
            let (s, e) = (
                m.start.format("%H:%M").to_string(),
                m.end.format("%H:%M").to_string(),
            );
            let attendees_on = r.attendees_by_day(m);
            super::cx::expand(m.date, m.repeat, m.until, year)
                .into_iter()
                .map(move |d| (d, s.clone(), e.clone(), m.title.clone(), attendees_on(d)))
        })
        .collect()
}

/// The first of `unit`'s sessions from `from` on in `previous` that the
/// roster no longer allows, and why.
fn first_clash(
    r: &Roster,
    meetings: &[Occurrence],
    previous: &PlanFile,
    unit: &str,
    from: NaiveDate,
    keep: &Keep,
) -> Option<Why> {
    let mut later: Vec<(NaiveDate, &Session)> = previous
        .session
        .iter()
        .filter(|s| s.unit == unit)
        .filter_map(|s| Some((NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()?, s)))
        .filter(|(d, _)| *d >= from)
        .collect();
    later.sort_by(|a, b| (a.0, &a.1.start).cmp(&(b.0, &b.1.start)));
    later.into_iter().find_map(|(d, s)| {
        let forbidden = |person: Option<&String>, clash: Clash| Why::Forbidden {
            date: d,
            start: s.start.clone(),
            person: person.cloned(),
            clash,
        };
        if let Some(h) = r.days.holiday(d) {
            return Some(forbidden(None, Clash::Holiday(h.why.clone())));
        }
        let st = &r.station;
        let window = s.start == st.start.format("%H:%M").to_string()
            && s.end == st.end.format("%H:%M").to_string();
        let day = chrono::Datelike::weekday(&d);
        let moved = match s.kind.as_str() {
            "station" => !window || day != st.weekday,
            "makeup" => !window || !st.makeup_days.contains(&day),
            _ => false,
        };
        if moved {
            return Some(forbidden(None, Clash::StationTime));
        }
        s.people.iter().map(|p| keep.person(p)).find_map(|p| {
            let p = &p.to_string();
            let away = r
                .cadre_index(p)
                .map(|c| &r.cadres[c].away)
                .or_else(|| r.helper_index(p).map(|h| &r.helpers[h].away));
            let Some(away) = away.filter(|_| r.serves(p, d)) else {
                return Some(forbidden(Some(p), Clash::NotServing));
            };
            if let Some(a) = away.iter().find(|a| a.contains(d)) {
                return Some(forbidden(Some(p), Clash::Away(a.why.clone())));
            }
            meetings
                .iter()
                .find(|(md, ms, me, _, ids)| {
                    *md == d && ids.contains(p) && *ms < s.end && s.start < *me
                })
                .map(|m| forbidden(Some(p), Clash::Meeting(m.3.clone())))
        })
    })
}

/// Whether `person` may stand at a session on `d` from `start` to `end`
/// ("HH:MM"): serving, not away, in no meeting then.
fn free(
    r: &Roster,
    meetings: &[Occurrence],
    person: &str,
    d: NaiveDate,
    start: &str,
    end: &str,
) -> bool {
    let away = r
        .cadre_index(person)
        .map(|c| &r.cadres[c].away)
        .or_else(|| r.helper_index(person).map(|h| &r.helpers[h].away));
    let Some(away) = away.filter(|_| r.serves(person, d)) else {
        return false;
    };
    !away.iter().any(|a| a.contains(d))
        && !meetings.iter().any(|(md, ms, me, _, ids)| {
            *md == d && ids.iter().any(|i| i == person) && ms.as_str() < end && start < me.as_str()
        })
}

/// On a kept unit's stand-in (代班) dates from `from` on, a successor free
/// that day sits in the session himself: the predecessor's own absences
/// are not his. The date moves to his turns, he joins the session, and a
/// shortfall said of it, with any make-up for it, goes.
pub(crate) fn successor_sits(
    r: &Roster,
    keep: &Keep,
    from: NaiveDate,
    timetable: &mut [crate::plan::Timetable],
    sessions: &mut Vec<Session>,
    warnings: &mut Vec<crate::plan::Warning>,
) {
    let meetings = occurrences(r);
    let successors: BTreeSet<&String> = keep.swapped.values().collect();
    let (ws, we) = (
        r.station.start.format("%H:%M").to_string(),
        r.station.end.format("%H:%M").to_string(),
    );
    for t in timetable.iter_mut() {
        if !keep.handed.contains(&t.unit) || !successors.contains(&t.leader) {
            continue;
        }
        let mut stays = Vec::new();
        for s in std::mem::take(&mut t.substitute) {
            let day = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok();
            // Not where a session built for him already has him then.
            let seated = sessions.iter().any(|x| {
                x.date == s.date
                    && x.people.contains(&t.leader)
                    && x.start.as_str() < we.as_str()
                    && ws.as_str() < x.end.as_str()
            });
            let sits = !seated
                && day.is_some_and(|d| d >= from && free(r, &meetings, &t.leader, d, &ws, &we));
            if !sits {
                stays.push(s);
                continue;
            }
            for x in sessions
                .iter_mut()
                .filter(|x| x.unit == t.unit && x.date == s.date && x.kind == "station")
            {
                if !x.people.contains(&t.leader) {
                    x.people.insert(0, t.leader.clone());
                }
            }
            sessions
                .retain(|x| !(x.unit == t.unit && x.makes_up.as_deref() == Some(s.date.as_str())));
            // The session's shortfall goes, and so does a short make-up's.
            warnings.retain(|w| {
                let makeup = matches!(
                    &w.said,
                    Some(crate::wording::warnings::WarningSaid::Calendar(
                        crate::wording::calendar::CalendarSaid::MakeupShort { makes_up, .. }
                    )) if *makes_up == s.date
                );
                !(w.kind == "shortfall"
                    && w.unit.as_ref() == Some(&t.unit)
                    && (makeup || w.date.as_deref() == Some(s.date.as_str())))
            });
            t.leader_dates.push(s.date);
        }
        t.leader_dates.sort();
        t.substitute = stays;
    }
}

/// The kept sessions from `from` on: what the units built again must go
/// around, as (person id, day of year, start, end) busy times.
pub(crate) fn busy(previous: &PlanFile, keep: &Keep, from: NaiveDate) -> Vec<Later> {
    previous
        .session
        .iter()
        .filter(|s| keep.kept.contains(&s.unit))
        .filter_map(|s| {
            let d = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()?;
            let t = |x: &str| chrono::NaiveTime::parse_from_str(x, "%H:%M").ok();
            let (a, b) = (t(&s.start)?, t(&s.end)?);
            (d >= from).then(|| Later {
                people: s.people.iter().map(|p| keep.person(p).into()).collect(),
                date: d,
                start: super::cx::minutes(a),
                end: super::cx::minutes(b),
                visit: s.kind == "household_visit",
            })
        })
        .collect()
}

/// A kept session as the build around it needs it.
#[derive(Debug, Clone)]
pub(crate) struct Later {
    pub people: Vec<String>,
    pub date: NaiveDate,
    pub start: u16,
    pub end: u16,
    /// A household visit: a half-day against its people's monthly cap.
    pub visit: bool,
}
