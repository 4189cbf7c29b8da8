//! The year's visit calendar (spec "The visit calendar", exact rules in
//! docs/calendar.md): station sessions every week or fortnight with a
//! rotation of leaders and shared helpers, make-ups for sessions lost to
//! emergencies and absences, and household visits in half days. `build`
//! reads a plan's `[[assignment]]`s and fills its `[[session]]`s, its
//! calendar `[[warning]]`s and the calendar figures of `[plan.metrics]`.
//!
//! The order of work matters: station sessions are fixed first (they are the
//! system's backbone), make-ups go around them, and household visits, the
//! most flexible, fill the free half-days left. Everything is deterministic:
//! roster order, no hash iteration, no clock.

mod advice;
pub mod budget;
mod cx;
pub mod keep;
mod makeup;
mod meetings;
pub mod seam;
pub mod simple;
mod station;
pub mod taken;
mod visits;

pub use advice::{WindowMeeting, meetings_in_window};
use std::collections::BTreeMap;

use crate::model::Roster;
use crate::plan::{PlanFile, Session, Substitute, Timetable, Warning};
use crate::wording::calendar::{CalendarSaid, Rebuilt, Remedy};
use crate::wording::shortfall::SkillShare;
use crate::wording::warnings::WarningSaid;
use crate::wording::{Lang, Say};
use cx::{Cx, hhmm};

/// Warning kinds the calendar writes; a rebuild replaces them.
pub const WARNING_KINDS: [&str; 5] = [
    "official_calendar_missing",
    "meeting_in_window",
    "shortfall",
    "makeup_impossible",
    "household_visits_short",
];

/// More department heads that would give each unit with sessions a
/// township member of its own, on that team alone: with one such place a
/// team, a head shared by two teams leaves one of them short whenever the
/// leader is at neither, so the count of member-weeks alone is not enough.
/// `None` when no team place takes a township helper (heads added could
/// not join a team).
fn own_heads(r: &Roster, units: usize) -> Option<usize> {
    r.policy.team.iter().any(|slot| !slot.from_unit).then(|| {
        let township_helpers = r.helpers.iter().filter(|h| h.unit.is_none()).count();
        units.saturating_sub(township_helpers)
    })
}

/// Skills that force department heads onto two teams: per skill, the teams
/// with sessions that need it and whose leader lacks it, nor anyone of the
/// team outside the township's people, against the heads
/// of a township place who have it, where those teams outnumber them (no
/// head at all is an unmet need, said elsewhere). Skill by skill, in order.
fn skills_shared(cx: &Cx) -> Vec<SkillShare> {
    let r = cx.roster;
    let township_role = |h: &crate::model::Helper| {
        h.unit.is_none()
            && r.policy
                .team
                .iter()
                .any(|t| !t.from_unit && t.roles.contains(&h.role))
    };
    let mut teams: BTreeMap<&str, usize> = BTreeMap::new();
    for (u, unit) in r.units.iter().enumerate() {
        let Some(leader) = cx.teams[u].leader.filter(|_| !cx.skip[u]) else {
            continue;
        };
        let skills = r
            .cadre_index(&cx.persons[leader].id)
            .map_or(&[][..], |c| &r.cadres[c].skills[..]);
        // A need the unit's own people or an assist member (a lawyer, a
        // police officer) meets takes no department head.
        let met_without_heads = |need: &String| {
            cx.teams[u].members.iter().any(|&p| {
                r.helper_index(&cx.persons[p].id).is_some_and(|h| {
                    !township_role(&r.helpers[h]) && r.helpers[h].skills.contains(need)
                })
            })
        };
        for need in unit
            .needs
            .iter()
            .filter(|n| !skills.contains(n) && !met_without_heads(n))
        {
            *teams.entry(need).or_default() += 1;
        }
    }
    teams
        .into_iter()
        .filter_map(|(skill, teams)| {
            let heads = r
                .helpers
                .iter()
                .filter(|h| township_role(h) && h.skills.iter().any(|s| s == skill))
                .count();
            (heads > 0 && teams > heads).then(|| SkillShare {
                skill: skill.to_string(),
                teams,
                heads,
            })
        })
        .collect()
}

/// The `n` weekly units with sessions farthest from the office by road
/// (no road counts as farthest; ties: fewer households, then roster
/// order), by name: the ones the capacity remedy would make fortnightly.
fn farthest_weekly(cx: &Cx, n: usize) -> Vec<String> {
    let r = cx.roster;
    let mut weekly: Vec<usize> = (0..r.units.len())
        .filter(|&u| r.units[u].cadence == crate::model::Cadence::Weekly && !cx.skip[u])
        .collect();
    let minutes = |u: usize| r.travel.office_to_unit[u].unwrap_or(f64::INFINITY);
    weekly.sort_by(|&a, &b| {
        minutes(b)
            .total_cmp(&minutes(a))
            .then(r.units[a].households.cmp(&r.units[b].households))
            .then(a.cmp(&b))
    });
    weekly
        .into_iter()
        .take(n)
        .map(|u| r.units[u].name.clone())
        .collect()
}

/// The meeting in the window (ordinary or, with `emergency`, emergency)
/// that kept a township member of the unit's team from the session of
/// `day`, if one did. Duty in another township of the city is held as an
/// emergency meeting there, but is said by `on_duty_elsewhere`.
fn meeting_that_emptied(cx: &Cx, unit: usize, day: usize, emergency: bool) -> Option<String> {
    let (ws, we) = cx.win;
    let team = &cx.teams[unit].members;
    cx.occurrences
        .iter()
        .filter(|o| o.day == day && o.start < we && ws < o.end)
        .filter(|o| {
            let m = &cx.roster.meetings[o.meeting];
            m.emergency == emergency && m.elsewhere.is_none()
        })
        .find(|o| {
            o.people
                .iter()
                .any(|p| team.contains(p) && cx.persons[*p].township)
        })
        .map(|o| cx.roster.meetings[o.meeting].title.clone())
}

/// Whether the meeting `title` on `day` called every township member on a
/// team: then no department head added would have been free either.
fn called_everyone(cx: &Cx, title: &str, day: usize) -> bool {
    let called: Vec<usize> = cx
        .occurrences
        .iter()
        .filter(|o| o.day == day && cx.roster.meetings[o.meeting].title == title)
        .flat_map(|o| o.people.iter().copied())
        .collect();
    (0..cx.persons.len()).all(|p| !cx.persons[p].township || called.contains(&p))
}

/// The team's township member (by name) a city's earlier township held on
/// duty during the window on `day`, and that township: a shared person's
/// busy time there, not the team, left the session short.
fn on_duty_elsewhere(cx: &Cx, unit: usize, day: usize) -> Option<(String, String)> {
    let (ws, we) = cx.win;
    let team = &cx.teams[unit].members;
    cx.occurrences
        .iter()
        .filter(|o| o.day == day && o.start < we && ws < o.end)
        .find_map(|o| {
            let township = cx.roster.meetings[o.meeting].elsewhere.clone()?;
            let p = o
                .people
                .iter()
                .find(|p| team.contains(p) && cx.persons[**p].township)?;
            Some((cx.persons[*p].name.clone(), township))
        })
}

/// Fills `plan.session`, appends the calendar's warnings to `plan.warning`
/// (dropping any an earlier build left) and sets the calendar metrics.
pub fn build(roster: &Roster, plan: &mut PlanFile) {
    build_carrying(roster, plan, &Carried::default());
}

/// What the kept part of the year (before a replan's date) hands on to the
/// part built from it: see `seam`.
#[derive(Debug, Default)]
pub(crate) struct Carried {
    /// Day of year household visits start on.
    pub start: usize,
    /// Visit sessions done per (person id, unit id), toward the year's.
    pub done: BTreeMap<(String, String), usize>,
    /// Visit sessions done per unit id, whoever made them.
    pub unit_done: BTreeMap<String, usize>,
    /// Visit half-days each person id holds per month (0–11): they count
    /// against the monthly cap.
    pub month_held: BTreeMap<(String, usize), u32>,
    /// The posted timetable in force at the cut, per unit id. A leader
    /// whose units are those of one leader there keeps that cycle (fixed
    /// rotation).
    pub posted: BTreeMap<String, Posted>,
    /// Units not built (their sessions from the cut on are kept).
    pub skip: std::collections::BTreeSet<String>,
    /// The kept sessions from the cut on: busy times of their people, and
    /// household visits against their monthly cap.
    pub later: Vec<keep::Later>,
}

/// A unit's entry in the posted timetable in force at a cut.
#[derive(Debug, Clone)]
pub(crate) struct Posted {
    pub leader: String,
    pub cycle: usize,
    pub offset: usize,
    pub fortnight: Option<usize>,
}

/// Each leader whose units are exactly those one leader held at the cut,
/// on a cycle of their number, keeps that leader's posted offsets and
/// fortnights: the timetable carries on rather than starting again.
fn carry_cycles(cx: &mut Cx, posted: &BTreeMap<String, Posted>) {
    for p in 0..cx.persons.len() {
        let units = &cx.persons[p].units;
        if !cx.persons[p].leader || units.len() < 2 {
            continue;
        }
        let entries: Option<Vec<&Posted>> = units
            .iter()
            .map(|&u| posted.get(&cx.roster.units[u].id))
            .collect();
        let Some(entries) = entries else { continue };
        let was = &entries[0].leader;
        let held_then = posted.values().filter(|e| &e.leader == was).count();
        let mut offsets: Vec<usize> = entries.iter().map(|e| e.offset).collect();
        let same = entries
            .iter()
            .all(|e| &e.leader == was && e.cycle == units.len() && e.offset < units.len());
        offsets.sort_unstable();
        offsets.dedup();
        if !same || held_then != units.len() || offsets.len() != units.len() {
            continue;
        }
        let fortnights = units
            .iter()
            .zip(&entries)
            .filter_map(|(&u, e)| e.fortnight.map(|f| (u, f)))
            .collect();
        let offsets = entries.iter().map(|e| e.offset).collect();
        cx.posted.insert(
            p,
            cx::CarriedCycle {
                offsets,
                fortnights,
            },
        );
    }
}

/// As `build`, with household visits only from day of year `carried.start`
/// on, and the visits of the kept part counted toward the year's and
/// against the monthly cap (the seam of a replan from a date; see `seam`).
pub(crate) fn build_carrying(roster: &Roster, plan: &mut PlanFile, carried: &Carried) {
    let Carried {
        start,
        done,
        unit_done,
        month_held,
        posted,
        skip,
        later,
    } = carried;
    let lang = Lang::current();
    let mut cx = Cx::new(roster, plan);
    cx.start = (*start).min(cx.ndays);
    for ((person, month), &n) in month_held {
        if let Some(p) = cx.persons.iter().position(|q| &q.id == person) {
            *cx.month_held.entry((p, *month)).or_default() += n;
        }
    }
    for (unit, &n) in unit_done {
        if let Some(u) = roster.unit_index(unit) {
            cx.unit_done.insert(u, n);
        }
    }
    for ((person, unit), &n) in done {
        let p = cx.persons.iter().position(|q| &q.id == person);
        if let (Some(p), Some(u)) = (p, roster.unit_index(unit)) {
            cx.done.insert((p, u), n);
        }
    }
    for u in skip.iter().filter_map(|u| roster.unit_index(u)) {
        cx.skip[u] = true;
    }
    for s in later {
        let day = chrono::Datelike::ordinal0(&s.date) as usize;
        for (i, id) in s.people.iter().enumerate() {
            let Some(p) = cx.persons.iter().position(|q| &q.id == id) else {
                continue;
            };
            if s.people[..i].contains(id) {
                continue;
            }
            if day < cx.ndays {
                cx.book(p, day, s.start, s.end);
            }
            if s.visit {
                let month = chrono::Datelike::month0(&s.date) as usize;
                *cx.month_held.entry((p, month)).or_default() += 1;
            }
        }
    }
    carry_cycles(&mut cx, posted);
    let st = station::plan(&cx);
    let (ws, we) = cx.win;
    for s in &st.sessions {
        for &p in &s.people {
            cx.book(p, cx.weeks[s.week], ws, we);
        }
    }
    let (makeups, lost) = makeup::place(&mut cx, &st.sessions, &st.missed);
    let (visits, short) = visits::plan(&cx);
    if cx.was_cut() {
        budget::note_cut();
    }

    let r = roster;
    let date = |day: usize| cx.date(day).format("%Y-%m-%d").to_string();
    let ids = |people: &[usize]| -> Vec<String> {
        people.iter().map(|&p| cx.persons[p].id.clone()).collect()
    };
    let names = |people: &[usize]| -> Vec<String> {
        people.iter().map(|&p| cx.persons[p].name.clone()).collect()
    };

    let mut sessions: Vec<Session> =
        Vec::with_capacity(st.sessions.len() + makeups.len() + visits.len());
    let mut warnings: Vec<Warning> = Vec::new();

    // Said once: a year the official calendar does not cover.
    if r.days.official == crate::days::Official::NotCovered {
        let said = CalendarSaid::OfficialCalendarMissing {
            year: r.township.year,
            holidays: r.holidays.len(),
            workdays: r.workdays.len(),
        };
        warnings.push(Warning {
            kind: "official_calendar_missing".into(),
            message: said.say(lang),
            unit: None,
            date: None,
            people: Vec::new(),

            said: Some(WarningSaid::Calendar(said)),
        });
    }

    // Rule 3: ordinary meetings in the window, one warning per occurrence,
    // naming those it keeps from a session that day.
    let sitting = |day: usize| -> Vec<bool> {
        let mut s = vec![false; r.units.len()];
        for x in st.sessions.iter().filter(|x| cx.weeks[x.week] == day) {
            s[x.unit] = true;
        }
        s
    };
    warnings.extend(meetings::warnings(&cx, &sitting, lang));

    // Rule 1: station sessions and their shortfalls.
    let deficit = st.unit_weeks.saturating_sub(st.member_weeks);
    let capacity = if deficit > 0 {
        // A weekly unit made fortnightly frees about half its weeks; a new
        // department head gives one place every open week.
        // (A fortnight of 49 open weeks holds 24 or 25 sessions.)
        let fortnightly = deficit.div_ceil(st.open_weeks.div_ceil(2).max(1));
        let more_heads = deficit.div_ceil(st.open_weeks.max(1));
        let fortnightly_units = (fortnightly <= st.weekly_units).then_some(fortnightly);
        Some(Remedy::Capacity {
            fortnightly_units,
            more_heads,
            own_heads: own_heads(r, st.units).filter(|&n| n > more_heads),
            remote: fortnightly_units
                .filter(|&f| f < st.weekly_units)
                .map_or(Vec::new(), |f| farthest_weekly(&cx, f)),
            every_unit: fortnightly_units == Some(st.weekly_units),
        })
    } else {
        None
    };
    // Shared cadres the city's earlier townships keep from leading here:
    // named where the township is short of its own members.
    let away: Vec<crate::wording::across::NeverHereSaid> = crate::roster::across::kept_away(r)
        .iter()
        .map(Into::into)
        .collect();
    let skills = skills_shared(&cx);
    let min_present = r.policy.min_present;
    // The days a short session was made up on, so its warning says so.
    let made_up = |unit: usize, day: usize| -> Vec<String> {
        let mut d: Vec<usize> = makeups
            .iter()
            .filter(|m| m.unit == unit && m.makes_up == day)
            .map(|m| m.day)
            .collect();
        d.sort_unstable();
        d.dedup();
        d.into_iter().map(date).collect()
    };
    // Where each township member sat each week, to say where a short
    // team's members were.
    let mut sat: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for s in &st.sessions {
        for &p in &s.people {
            sat.insert((s.week, p), s.unit);
        }
    }
    let team_busy = |unit: usize, week: usize| -> Vec<crate::wording::shortfall::Busy> {
        cx.teams[unit]
            .members
            .iter()
            .filter(|&&p| cx.persons[p].township)
            .map(|&p| crate::wording::shortfall::Busy {
                person: cx.persons[p].name.clone(),
                unit: sat.get(&(week, p)).map(|&u| r.units[u].name.clone()),
            })
            .collect()
    };
    let mut shortfall_sessions = 0;
    for s in &st.sessions {
        let day = cx.weeks[s.week];
        let township = s.people.iter().any(|&p| cx.persons[p].township);
        if !township {
            shortfall_sessions += 1;
        }
        if !township || s.people.len() < min_present {
            let unit = &r.units[s.unit];
            let remedy = match (&capacity, township) {
                (_, true) => Remedy::Assist,
                _ if let Some(title) = meeting_that_emptied(&cx, s.unit, day, false) => {
                    Remedy::Meeting { title }
                }
                // An emergency meeting is not to be moved and takes whoever
                // it calls: no one added to the team would have come.
                _ if let Some(title) = meeting_that_emptied(&cx, s.unit, day, true) => {
                    Remedy::Emergency {
                        everyone: called_everyone(&cx, &title, day),
                        title,
                    }
                }
                _ if let Some((person, township)) = on_duty_elsewhere(&cx, s.unit, day) => {
                    Remedy::Elsewhere { person, township }
                }
                (Some(c), false) => c.clone(),
                (None, false) => match team_busy(s.unit, s.week) {
                    busy if busy.is_empty() => Remedy::Team,
                    busy => Remedy::TeamBusy { busy },
                },
            };
            let remedy = match remedy {
                Remedy::Capacity { .. } | Remedy::Team | Remedy::TeamBusy { .. }
                    if !away.is_empty() =>
                {
                    Remedy::KeptAway {
                        away: away.clone(),
                        then: Box::new(remedy),
                    }
                }
                other => other,
            };
            let said = CalendarSaid::Shortfall {
                unit: unit.name.clone(),
                unit_id: unit.id.clone(),
                date: date(day),
                present: s.people.len(),
                min_present,
                township_present: township,
                unit_weeks: st.unit_weeks,
                member_weeks: st.member_weeks,
                rebuilt: (cx.start > 0).then(|| Rebuilt {
                    from: date(cx.start),
                    units: st.units,
                }),
                township_members: st.township_members,
                remedy,
                made_up: made_up(s.unit, day),
                skills: skills.clone(),
            };
            warnings.push(Warning {
                kind: "shortfall".into(),
                message: said.say(lang),
                unit: Some(unit.id.clone()),
                date: Some(date(day)),
                people: ids(&s.people),

                said: Some(WarningSaid::Calendar(said)),
            });
        }
        sessions.push(Session {
            date: date(day),
            start: hhmm(ws),
            end: hhmm(we),
            unit: r.units[s.unit].id.clone(),
            kind: "station".into(),
            people: ids(&s.people),
            hamlet: None,
            households: None,
            makes_up: None,
        });
    }

    for m in &makeups {
        // A make-up receives the villagers in the lost session's place:
        // fewer than `min_present` there is as short as a short session.
        if m.people.len() < min_present {
            let unit = &r.units[m.unit];
            let said = CalendarSaid::MakeupShort {
                unit: unit.name.clone(),
                unit_id: unit.id.clone(),
                date: date(m.day),
                makes_up: date(m.makes_up),
                present: m.people.len(),
                min_present,
                township_present: m.people.iter().any(|&p| cx.persons[p].township),
                people: names(&m.people),
            };
            warnings.push(Warning {
                kind: "shortfall".into(),
                message: said.say(lang),
                unit: Some(unit.id.clone()),
                date: Some(date(m.day)),
                people: ids(&m.people),

                said: Some(WarningSaid::Calendar(said)),
            });
        }
        sessions.push(Session {
            date: date(m.day),
            start: hhmm(ws),
            end: hhmm(we),
            unit: r.units[m.unit].id.clone(),
            kind: "makeup".into(),
            people: ids(&m.people),
            hamlet: None,
            households: None,
            makes_up: Some(date(m.makes_up)),
        });
    }
    for l in &lost {
        let said = CalendarSaid::MakeupImpossible {
            unit: r.units[l.unit].name.clone(),
            date: date(l.day),
            people: names(&l.people),
            within_days: (r.policy.rotation == crate::model::Rotation::Fixed)
                .then_some(r.station.makeup_within_days),
        };
        warnings.push(Warning {
            kind: "makeup_impossible".into(),
            message: said.say(lang),
            unit: Some(r.units[l.unit].id.clone()),
            date: Some(date(l.day)),
            people: ids(&l.people),

            said: Some(WarningSaid::Calendar(said)),
        });
    }

    for v in &visits {
        let unit = &r.units[v.unit];
        let (s, e) = visits::HALVES[v.half];
        sessions.push(Session {
            date: date(v.day),
            start: hhmm(s),
            end: hhmm(e),
            unit: unit.id.clone(),
            kind: "household_visit".into(),
            people: ids(&v.people),
            hamlet: Some(match v.hamlet {
                Some(h) => unit.hamlets[h].name.clone(),
                None => unit.name.clone(),
            }),
            households: Some(v.households),
            makes_up: None,
        });
    }
    for s in &short {
        let said = CalendarSaid::HouseholdVisitsShort {
            person: s.person.map(|p| cx.persons[p].name.clone()),
            team: names(&s.team),
            unit: r.units[s.unit].name.clone(),
            households_missing: s.households_missing,
            half_days_missing: s.half_days_missing,
            cap: r.policy.visit_half_days_per_month,
            cap_would_fit: s.cap_would_fit,
            more_helpers: s.more_helpers,
            by_team_fits: s.by_team_fits,
        };
        warnings.push(Warning {
            kind: "household_visits_short".into(),
            message: said.say(lang),
            unit: Some(r.units[s.unit].id.clone()),
            date: None,
            people: match s.person {
                Some(p) => vec![cx.persons[p].id.clone()],
                None => ids(&s.team),
            },

            said: Some(WarningSaid::Calendar(said)),
        });
    }

    sessions.sort_by(|a, b| {
        (&a.date, &a.start, &a.unit, &a.kind, &a.people)
            .cmp(&(&b.date, &b.start, &b.unit, &b.kind, &b.people))
    });

    plan.warning
        .retain(|w| !WARNING_KINDS.contains(&w.kind.as_str()));
    plan.warning.extend(warnings);
    let m = &mut plan.plan.metrics;
    m.station_sessions = st.sessions.len();
    m.makeup_sessions = makeups.len();
    m.household_visit_sessions = visits.len();
    m.shortfall_sessions = shortfall_sessions;
    m.warnings = plan.warning.len();
    plan.session = sessions;
    plan.timetable = st
        .timetable
        .iter()
        .map(|t| Timetable {
            unit: r.units[t.unit].id.clone(),
            leader: cx.persons[t.leader].id.clone(),
            cycle: t.cycle,
            offset: t.offset,
            fortnight: t.fortnight,
            leader_dates: t.leader_weeks.iter().map(|&w| date(cx.weeks[w])).collect(),
            substitute: t
                .substitutes
                .iter()
                .map(|&(w, p)| Substitute {
                    date: date(cx.weeks[w]),
                    person: p.map(|p| cx.persons[p].id.clone()),
                })
                .collect(),
        })
        .collect();
}
