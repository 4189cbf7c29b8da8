//! Which units keep their sessions across a cut in the year (a replan's
//! `--from`, a handover inside the roster): every unit whose team is the
//! same before and after keeps its sessions from the date on exactly as
//! they were, unless the roster now forbids one of them (a person gone or
//! away, a holiday, a meeting at that time) or its leader's rotation
//! changes (the leader leads, or led, a unit that is rebuilt: a leader's
//! units are seated as one cycle). Only the other units are built again,
//! around the kept sessions (see `seam`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

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
}

/// Decides, at `from`, which of `now`'s units keep `previous`'s sessions.
pub fn decide(r: &Roster, previous: &PlanFile, now: &[Assignment], from: NaiveDate) -> Keep {
    let old: BTreeMap<&str, &Assignment> = previous
        .assignment
        .iter()
        .map(|a| (a.unit.as_str(), a))
        .collect();
    let same: Vec<&Assignment> = now
        .iter()
        .filter(|a| old.get(a.unit.as_str()) == Some(a))
        .collect();
    let meetings = occurrences(r);
    let mut out = Keep::default();
    let mut why: BTreeMap<String, Why> = BTreeMap::new();
    for a in &same {
        match first_clash(r, &meetings, previous, &a.unit, from) {
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
                .chain(&previous.assignment)
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
    out
}

/// A meeting occurrence: date, start, end ("HH:MM"), title, attendees.
type Occurrence = (NaiveDate, String, String, String, Vec<String>);

fn occurrences(r: &Roster) -> Vec<Occurrence> {
    let year = r.township.year;
    r.meetings
        .iter()
        .flat_map(|m| {
            let ids = r.attendee_ids(m);
            let (s, e) = (
                m.start.format("%H:%M").to_string(),
                m.end.format("%H:%M").to_string(),
            );
            super::cx::expand(m.date, m.repeat, m.until, year)
                .into_iter()
                .map(move |d| (d, s.clone(), e.clone(), m.title.clone(), ids.clone()))
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
        s.people.iter().find_map(|p| {
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

/// The kept sessions from `from` on: what the units built again must go
/// around, as (person id, day of year, start, end) busy times.
pub(crate) fn busy(previous: &PlanFile, kept: &BTreeSet<String>, from: NaiveDate) -> Vec<Later> {
    previous
        .session
        .iter()
        .filter(|s| kept.contains(&s.unit))
        .filter_map(|s| {
            let d = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()?;
            let t = |x: &str| chrono::NaiveTime::parse_from_str(x, "%H:%M").ok();
            let (a, b) = (t(&s.start)?, t(&s.end)?);
            (d >= from).then(|| Later {
                people: s.people.clone(),
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
