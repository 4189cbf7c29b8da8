//! Checks across the townships of a city: the same person (same id and
//! name) on two townships' rosters is refused unless both entries say
//! `shared = true` or the two entries are a transfer (one `leaves` and the
//! other `joins` on that day or later — days off between two posts are
//! usual, e.g. over the National Day holidays — or the joining entry's
//! `transferred_from = "township/id"`, the township by file stem or name). Returns the shared
//! people and the transfers, for planning and replanning the city.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::read::did_you_mean;
use super::{Problem, Problems};
use crate::model::{Place, Roster};
use crate::wording::across::AcrossSaid;
use crate::wording::roster::RosterSaid;

/// A transfer's dates: the person leaves one township and joins the other
/// on that day or later (never before: they would be in both).
fn joins_after(leaves: Option<NaiveDate>, joins: Option<NaiveDate>) -> bool {
    matches!((leaves, joins), (Some(l), Some(j)) if j >= l)
}

/// A person on several townships' rosters on purpose (`shared = true`).
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub id: String,
    pub name: String,
    /// Indices of the townships, in city order.
    pub townships: Vec<usize>,
}

/// A person leaving one township for another of the city on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Transfer {
    pub from: usize,
    pub from_id: String,
    pub to: usize,
    pub to_id: String,
    pub name: String,
    /// The day they start in the township they move to (`joins`).
    pub date: NaiveDate,
    /// The day they leave the township they move from (`leaves`): `date`
    /// or earlier.
    pub leaves: NaiveDate,
}

/// What the city's townships have in common.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Across {
    pub shared: Vec<Shared>,
    pub transfers: Vec<Transfer>,
}

impl Across {
    /// Shared people of township `t`, with the other townships they serve.
    pub fn shared_in(&self, t: usize) -> impl Iterator<Item = &Shared> {
        self.shared.iter().filter(move |s| s.townships.contains(&t))
    }
}

/// One person's entry, as the checks need it.
struct Entry<'a> {
    town: usize,
    section: &'static str,
    id: &'a str,
    name: &'a str,
    shared: bool,
    leaves: Option<NaiveDate>,
    joins: Option<NaiveDate>,
    from: Option<&'a str>,
    line: Option<usize>,
}

fn entries<'a>(rosters: &[&'a Roster]) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for (town, r) in rosters.iter().enumerate() {
        for c in &r.cadres {
            out.push(Entry {
                town,
                section: "[[cadre]]",
                id: &c.id,
                name: &c.name,
                shared: c.shared,
                leaves: c.leaves,
                joins: c.joins,
                from: c.transferred_from.as_deref(),
                line: c.line,
            });
        }
        for h in &r.helpers {
            out.push(Entry {
                town,
                section: "[[helper]]",
                id: &h.id,
                name: &h.name,
                shared: h.shared,
                leaves: h.leaves,
                joins: h.joins,
                from: h.transferred_from.as_deref(),
                line: h.line,
            });
        }
    }
    out
}

/// A township's file stem (its name in a city file, where all share one).
pub fn stem(r: &Roster) -> String {
    let s = r.source.split('#').next().unwrap_or_default();
    Path::new(s)
        .file_stem()
        .map(|x| x.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `file:line` of an entry, for a message about another one.
fn at(r: &Roster, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{}:{l}", r.source),
        None => r.source.clone(),
    }
}

/// The checks across townships; the shared people and the transfers.
pub fn across(rosters: &[&Roster]) -> Result<Across, Problems> {
    let all = entries(rosters);
    let mut problems = Vec::new();
    let mut out = Across::default();
    let place = |e: &Entry, field: Option<&str>| Place {
        section: e.section.to_string(),
        id: Some(e.id.to_string()),
        field: field.map(str::to_string),
        line: e.line,
        column: None,
    };
    let town_of = |key: &str| {
        rosters
            .iter()
            .position(|r| stem(r) == key)
            .or_else(|| rosters.iter().position(|r| r.township.name == key))
    };
    // Pairs linked by `transferred_from`: (leaving entry, joining entry).
    let mut linked: Vec<(usize, usize)> = Vec::new();
    for (j, e) in all.iter().enumerate() {
        let Some(given) = e.from else { continue };
        let (town, id) = given.split_once('/').unwrap_or((given, ""));
        let source = town_of(town).and_then(|t| {
            all.iter()
                .position(|x| x.town == t && x.id == id && x.section == e.section)
        });
        let Some(i) = source.filter(|&i| all[i].town != e.town) else {
            let known: Vec<String> = all
                .iter()
                .filter(|x| x.town != e.town && x.section == e.section)
                .flat_map(|x| {
                    let r = rosters[x.town];
                    [
                        format!("{}/{}", stem(r), x.id),
                        format!("{}/{}", r.township.name, x.id),
                    ]
                })
                .collect();
            problems.push(Problem {
                file: rosters[e.town].source.clone(),
                place: place(e, Some("transferred_from")),
                said: RosterSaid::Across(AcrossSaid::NoSuchTransferSource {
                    given: given.to_string(),
                    suggestion: did_you_mean(given, known.iter().map(String::as_str)),
                }),
            });
            continue;
        };
        let from = &all[i];
        if !joins_after(from.leaves, e.joins) {
            problems.push(Problem {
                file: rosters[e.town].source.clone(),
                place: place(e, Some("joins")),
                said: RosterSaid::Across(AcrossSaid::TransferDatesDiffer {
                    from: given.to_string(),
                    leaves: from.leaves.map(|d| d.to_string()),
                    joins: e.joins.map(|d| d.to_string()),
                }),
            });
            continue;
        }
        linked.push((i, j));
    }
    for &(i, j) in &linked {
        let (a, b) = (&all[i], &all[j]);
        out.transfers.push(Transfer {
            from: a.town,
            from_id: a.id.to_string(),
            to: b.town,
            to_id: b.id.to_string(),
            name: b.name.to_string(),
            date: b.joins.unwrap_or_default(),
            leaves: a.leaves.unwrap_or_default(),
        });
    }
    // The same id and name in two townships.
    for j in 0..all.len() {
        for i in 0..j {
            let (a, b) = (&all[i], &all[j]);
            if a.town == b.town || a.id != b.id || a.name != b.name {
                continue;
            }
            if linked.contains(&(i, j)) || linked.contains(&(j, i)) {
                continue;
            }
            if a.shared && b.shared {
                match out
                    .shared
                    .iter_mut()
                    .find(|s| s.id == a.id && s.name == a.name)
                {
                    Some(s) => {
                        for t in [a.town, b.town] {
                            if !s.townships.contains(&t) {
                                s.townships.push(t);
                            }
                        }
                        s.townships.sort_unstable();
                    }
                    None => out.shared.push(Shared {
                        id: a.id.to_string(),
                        name: a.name.to_string(),
                        townships: vec![a.town, b.town],
                    }),
                }
                continue;
            }
            let transfer = |x: &Entry, y: &Entry| joins_after(x.leaves, y.joins);
            let (from, to) = if transfer(a, b) {
                (a, b)
            } else if transfer(b, a) {
                (b, a)
            } else {
                problems.push(Problem {
                    file: rosters[b.town].source.clone(),
                    place: place(b, None),
                    said: RosterSaid::Across(AcrossSaid::Duplicate {
                        id: b.id.to_string(),
                        name: b.name.to_string(),
                        township: rosters[b.town].township.name.clone(),
                        other: rosters[a.town].township.name.clone(),
                        other_at: at(rosters[a.town], a.line),
                    }),
                });
                continue;
            };
            out.transfers.push(Transfer {
                from: from.town,
                from_id: from.id.to_string(),
                to: to.town,
                to_id: to.id.to_string(),
                name: to.name.to_string(),
                date: to.joins.unwrap_or_default(),
                leaves: from.leaves.unwrap_or_default(),
            });
        }
    }
    out.transfers.sort_by(|x, y| {
        (x.date, x.from, x.to, &x.from_id).cmp(&(y.date, y.from, y.to, &y.from_id))
    });
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Problems(problems))
    }
}

/// A time a shared person is busy in another township of the city.
#[derive(Debug, Clone, PartialEq)]
pub struct Busy {
    pub id: String,
    pub date: NaiveDate,
    pub start: chrono::NaiveTime,
    pub end: chrono::NaiveTime,
    /// The township they are busy in, by name.
    pub township: String,
    /// The minutes of travel between the two townships `start` and `end`
    /// are widened by (0 for the time as planned there).
    pub travel: u32,
}

/// The times `id` is busy in a plan of township `township`: every session
/// (station, make-up, household visit) that names them.
pub fn busy_in(plan: &crate::plan::PlanFile, id: &str, township: &str) -> Vec<Busy> {
    let time = |s: &str| chrono::NaiveTime::parse_from_str(s, "%H:%M").ok();
    plan.session
        .iter()
        .filter(|s| s.people.iter().any(|p| p == id))
        .filter_map(|s| {
            Some(Busy {
                id: id.to_string(),
                date: NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()?,
                start: time(&s.start)?,
                end: time(&s.end)?,
                township: township.to_string(),
                travel: 0,
            })
        })
        .collect()
}

impl Busy {
    /// The busy time widened by `m` minutes on each side (the travel
    /// between the two townships), within the day.
    pub fn widened(mut self, m: u32) -> Busy {
        let d = chrono::TimeDelta::minutes(m as i64);
        let (start, under) = self.start.overflowing_sub_signed(d);
        let (end, over) = self.end.overflowing_add_signed(d);
        self.start = if under != 0 {
            chrono::NaiveTime::MIN
        } else {
            start
        };
        self.end = if over != 0 {
            chrono::NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(self.end)
        } else {
            end
        };
        self.travel = m;
        self
    }
}

/// The busy times township `t`'s shared people have in the townships before
/// it (city order): what planning and checking `t` must keep clear of, each
/// widened by the travel time between the two townships (`here`'s
/// `Between`, from city.toml). `plans[u]` is township `u`'s name and plan,
/// where it has one.
pub fn busy_before(
    across: &Across,
    t: usize,
    plans: &[Option<(String, &crate::plan::PlanFile)>],
    here: Option<&Roster>,
) -> Vec<Busy> {
    let fallback = crate::model::Between::default();
    let (between, me) = here.map_or((&fallback, ""), |r| {
        (&r.township.between, r.township.name.as_str())
    });
    let mut out = Vec::new();
    for s in across.shared_in(t) {
        for &u in s.townships.iter().filter(|&&u| u < t) {
            if let Some(Some((name, plan))) = plans.get(u) {
                let m = between.minutes(me, name);
                out.extend(busy_in(plan, &s.id, name).into_iter().map(|b| b.widened(m)));
            }
        }
    }
    out
}

/// The roster with each busy time as an emergency meeting of that person
/// (so a station session it takes is made up, and no make-up or visit is
/// put over it), and a shared cadre busy on (nearly) every station date
/// ([`never_here`]) leading no unit. The roster's hash is unchanged: the
/// plan stays the roster's.
pub fn with_busy(r: &Roster, busy: &[Busy], lang: crate::wording::Lang) -> Roster {
    let never = never_here(r, busy);
    let mut r = r.clone();
    without_leading(&mut r, &never);
    for b in busy {
        r.meetings.push(crate::model::Meeting {
            title: crate::wording::across::elsewhere_title(&b.township, lang),
            attendees: vec![crate::model::Attendee::Person(b.id.clone())],
            date: b.date,
            start: b.start,
            end: b.end,
            repeat: crate::model::Repeat::None,
            until: None,
            emergency: true,
            line: None,
            elsewhere: Some(b.township.clone()),
        });
    }
    r
}

/// Planning order: townships in waves, each after every earlier township
/// (city order) it shares a person with, so each wave runs in parallel.
pub fn waves(n: usize, across: &Across) -> Vec<Vec<usize>> {
    let mut depth = vec![0usize; n];
    for t in 0..n {
        for s in across.shared_in(t) {
            for &u in s.townships.iter().filter(|&&u| u < t) {
                depth[t] = depth[t].max(depth[u] + 1);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); depth.iter().max().map_or(0, |d| d + 1)];
    for (t, d) in depth.into_iter().enumerate() {
        out[d].push(t);
    }
    out
}

/// A shared cadre whom the earlier townships keep busy on (nearly) every
/// station date of this one: he leads no unit here.
#[derive(Debug, Clone, PartialEq)]
pub struct NeverHere {
    pub id: String,
    pub name: String,
    /// This township, by name.
    pub township: String,
    /// The earlier townships keeping him busy, by name.
    pub others: Vec<String>,
    /// Station dates of this township he is busy on elsewhere, of `dates`.
    pub blocked: usize,
    pub dates: usize,
    /// This township's station window, "17:00–20:00".
    pub here: String,
    /// The time he is most often busy elsewhere on those dates, "15:00–18:30".
    pub there: String,
    /// The travel minutes between the townships, when it is they (not the
    /// times themselves) that meet this township's window.
    pub travel: Option<u32>,
}

/// The shared cadres of `r` busy elsewhere (`busy`) on at least nine in ten
/// of `r`'s station dates (its station weekday, holidays aside).
pub fn never_here(r: &Roster, busy: &[Busy]) -> Vec<NeverHere> {
    let year = r.township.year;
    let dates: Vec<NaiveDate> = (1..=366)
        .filter_map(|o| NaiveDate::from_yo_opt(year, o))
        .filter(|d| d.weekday() == r.station.weekday && r.days.holiday(*d).is_none())
        .collect();
    let mut out = Vec::new();
    for c in r.cadres.iter().filter(|c| c.shared) {
        let mine: Vec<&Busy> = busy.iter().filter(|b| b.id == c.id).collect();
        let blocked = dates
            .iter()
            .filter(|&&d| {
                mine.iter()
                    .any(|b| b.date == d && b.start < r.station.end && r.station.start < b.end)
            })
            .count();
        if dates.is_empty() || blocked * 10 < dates.len() * 9 {
            continue;
        }
        let mut others: Vec<String> = mine.iter().map(|b| b.township.clone()).collect();
        others.sort();
        others.dedup();
        let span = |a: chrono::NaiveTime, b: chrono::NaiveTime| {
            format!("{}–{}", a.format("%H:%M"), b.format("%H:%M"))
        };
        // The busy time met most often on the blocked dates (the earliest
        // of those met equally often).
        // The times as planned there, without the travel.
        type Times = (chrono::NaiveTime, chrono::NaiveTime, u32);
        let mut times: std::collections::BTreeMap<Times, usize> = std::collections::BTreeMap::new();
        for b in mine
            .iter()
            .filter(|b| b.start < r.station.end && r.station.start < b.end)
        {
            let d = chrono::TimeDelta::minutes(b.travel as i64);
            *times.entry((b.start + d, b.end - d, b.travel)).or_default() += 1;
        }
        let most = times
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(t, _)| *t);
        let there = most.map(|t| span(t.0, t.1)).unwrap_or_default();
        let travel = most
            .filter(|t| t.2 > 0 && !(t.0 < r.station.end && r.station.start < t.1))
            .map(|t| t.2);
        out.push(NeverHere {
            id: c.id.clone(),
            name: c.name.clone(),
            township: r.township.name.clone(),
            others,
            blocked,
            dates: dates.len(),
            here: span(r.station.start, r.station.end),
            there,
            travel,
        });
    }
    out
}

/// The shared cadres of a roster `with_busy` built who lead no unit in it
/// ([`never_here`]), found again from the busy times it carries (its
/// meetings held `elsewhere`): what the planner and the calendar tell.
pub fn kept_away(r: &Roster) -> Vec<NeverHere> {
    let busy: Vec<Busy> = r
        .meetings
        .iter()
        .filter_map(|m| Some((m, m.elsewhere.as_ref()?)))
        .flat_map(|(m, township)| {
            m.attendees.iter().filter_map(move |a| match a {
                crate::model::Attendee::Person(id) => Some(Busy {
                    id: id.clone(),
                    date: m.date,
                    start: m.start,
                    end: m.end,
                    township: township.clone(),
                    travel: r.township.between.minutes(&r.township.name, township),
                }),
                _ => None,
            })
        })
        .collect();
    if busy.is_empty() {
        return Vec::new();
    }
    never_here(r, &busy)
}

/// The roster with the cadres of `never` leading no unit (as a cadre away
/// the whole year): they may still be busy here, never a unit's leader.
fn without_leading(r: &mut Roster, never: &[NeverHere]) {
    for c in r.cadres.iter_mut() {
        if never.iter().any(|n| n.id == c.id) {
            c.units = Some((0, 0));
        }
    }
}

/// Who each township's people (cadres and helpers) are across the city:
/// for township `t`, each id on its roster → a key that is the same for
/// the same person in every township (id and name; the joining entry of a
/// transfer takes the leaving entry's key). `rosters[t]` is `None` for a
/// township that could not be read; `across` indexes the same list.
pub fn person_keys(
    rosters: &[Option<&Roster>],
    across: &Across,
) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut keys: Vec<std::collections::BTreeMap<String, String>> = rosters
        .iter()
        .map(|r| {
            r.iter()
                .flat_map(|r| {
                    let cadres = r.cadres.iter().map(|c| (&c.id, &c.name));
                    cadres.chain(r.helpers.iter().map(|h| (&h.id, &h.name)))
                })
                .map(|(id, name)| (id.clone(), format!("{id}\u{1f}{name}")))
                .collect()
        })
        .collect();
    // In date order, so that a person transferred twice keeps one key.
    for x in &across.transfers {
        let Some(key) = keys.get(x.from).and_then(|k| k.get(&x.from_id)).cloned() else {
            continue;
        };
        if let Some(to) = keys.get_mut(x.to) {
            to.insert(x.to_id.clone(), key);
        }
    }
    keys
}

/// How a person of township `t` is tied to the city's other townships.
#[derive(Debug, Clone, PartialEq)]
pub enum Tie {
    /// Shared with these other townships (by name).
    Shared(Vec<String>),
    /// Came from that township on the date.
    From(String, NaiveDate),
    /// Left for that township on the date.
    To(String, NaiveDate),
}

/// The ties of `id` in township `t` (`names[u]` is township `u`'s name).
pub fn ties(across: &Across, t: usize, id: &str, names: &[String]) -> Vec<Tie> {
    let name = |u: usize| names.get(u).cloned().unwrap_or_default();
    let mut out = Vec::new();
    for s in across.shared_in(t).filter(|s| s.id == id) {
        let others = s.townships.iter().filter(|&&u| u != t).map(|&u| name(u));
        out.push(Tie::Shared(others.collect()));
    }
    for x in &across.transfers {
        if x.to == t && x.to_id == id {
            out.push(Tie::From(name(x.from), x.date));
        }
        if x.from == t && x.from_id == id {
            out.push(Tie::To(name(x.to), x.leaves));
        }
    }
    out
}
