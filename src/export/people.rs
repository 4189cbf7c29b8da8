//! `zhudian people`: one row per person of a plan (or of every township of a
//! city): township, district, role, units, the year's station sessions,
//! make-ups and visit half-days, and the share of working days they take
//! (each session half a day, over the year's working days, as the
//! workbook's leader sheet counts it; units held earlier in the year with
//! the last day there), and for a city how the person is
//! tied to its other townships (shared, transferred). A shared or
//! transferred person has a row in each township. Rows are typed; `csv`
//! renders them.

use crate::model::{Role, Roster};
use crate::plan::PlanFile;
use crate::roster::across::Tie;
use crate::wording::Lang;
use crate::wording::calendar as cal;
use crate::wording::city_summary as words;
use crate::wording::names;

/// What a person is on the plan's teams.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    Leader,
    Helper(Role),
}

/// One person's year.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub township: String,
    pub district: Option<String>,
    /// The name (with the id where two in the township share it).
    pub name: String,
    /// The roster's id.
    pub id: String,
    pub part: Part,
    /// The names of the units they serve.
    pub units: Vec<String>,
    /// Units they held earlier in the year and no longer at its end (a
    /// leaver's, handed over or replanned from a date): the unit's name and
    /// their last day there (YYYY-MM-DD).
    pub held: Vec<(String, String)>,
    pub station_sessions: usize,
    pub makeup_sessions: usize,
    pub visit_half_days: usize,
    /// Of the year's working days, 0 to 1.
    pub share_of_working_days: f64,
    /// The same for the same person in every township of a city (see
    /// `roster::across::person_keys`): id and name by default.
    pub key: String,
    /// Shared with, or transferred from or to, other townships of the city.
    pub ties: Vec<Tie>,
}

/// How many people `rows` hold, each person once (by key).
pub fn distinct(rows: &[Person]) -> usize {
    let keys: std::collections::BTreeSet<&str> = rows.iter().map(|p| p.key.as_str()).collect();
    keys.len()
}

/// Everyone on a team in the plan, in roster order (leaders, then helpers).
pub fn of(roster: &Roster, plan: &PlanFile, lang: Lang) -> Vec<Person> {
    let days = super::xlsx::working_days(roster).max(1) as f64;
    super::people(roster, plan)
        .into_iter()
        .map(|id| {
            let part = match roster.helper_index(&id) {
                Some(h) if roster.cadre_index(&id).is_none() => {
                    Part::Helper(roster.helpers[h].role)
                }
                _ => Part::Leader,
            };
            let units: Vec<String> = plan
                .assignment
                .iter()
                .filter(|a| a.leader == id || a.helpers.contains(&id) || a.assist.contains(&id))
                .map(|a| super::unit_name(roster, &a.unit))
                .collect();
            let held = held(roster, plan, &id, &units);
            let count = |kind: &str| {
                plan.session
                    .iter()
                    .filter(|s| s.kind == kind && s.people.contains(&id))
                    .count()
            };
            let (station, makeups, visits) =
                (count("station"), count("makeup"), count("household_visit"));
            Person {
                township: roster.township.name.clone(),
                district: roster.township.district.clone(),
                name: names::person(roster, &id, lang),
                key: format!("{id}\u{1f}{}", person_name(roster, &id)),
                ties: Vec::new(),
                id: id.clone(),
                part,
                units,
                held,
                station_sessions: station,
                makeup_sessions: makeups,
                visit_half_days: visits,
                // A session or a visit takes half a working day.
                share_of_working_days: (station + makeups + visits) as f64 / 2.0 / days,
            }
        })
        .collect()
}

/// The units `id` held earlier in the year and not at its end, with the
/// last day: from the plan's handovers (the successor's first day is the
/// day after) and the teams before a replan's date (`[[earlier_team]]`).
fn held(roster: &Roster, plan: &PlanFile, id: &str, now: &[String]) -> Vec<(String, String)> {
    let day_before = |date: &str| {
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.pred_opt())
            .map_or_else(|| date.to_string(), |d| d.to_string())
    };
    let mut out: Vec<(String, String)> = Vec::new();
    let mut put = |unit: &str, first_day_after: &str| {
        let name = super::unit_name(roster, unit);
        let last = day_before(first_day_after);
        if now.contains(&name) {
            return;
        }
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some(e) if e.1 < last => e.1 = last,
            Some(_) => {}
            None => out.push((name, last)),
        }
    };
    for h in plan.handover.iter().filter(|h| h.from == id) {
        for u in &h.units {
            put(u, &h.date);
        }
        for slot in &h.slots {
            put(slot.split('/').next().unwrap_or(slot), &h.date);
        }
    }
    for e in &plan.earlier_team {
        if e.leader == id || e.helpers.iter().chain(&e.assist).any(|h| h == id) {
            put(&e.unit, &e.until);
        }
    }
    out
}

/// The roster's name of a person (empty for an id it does not hold).
fn person_name(r: &Roster, id: &str) -> String {
    r.cadre_index(id)
        .map(|c| r.cadres[c].name.clone())
        .or_else(|| r.helper_index(id).map(|h| r.helpers[h].name.clone()))
        .unwrap_or_default()
}

/// The rows as CSV: UTF-8 with a BOM, CRLF, cells neutralised.
pub fn csv(people: &[Person], lang: Lang) -> String {
    let line = |cells: Vec<String>| super::csv::row(&cells);
    let mut out = String::from("\u{feff}");
    out += &line(words::people_header(lang));
    out += "\r\n";
    for p in people {
        let role = match p.part {
            Part::Leader => cal::leader(lang),
            Part::Helper(r) => cal::role(r, lang),
        };
        out += &line(vec![
            p.township.clone(),
            p.district.clone().unwrap_or_default(),
            p.name.clone(),
            role.to_string(),
            p.units
                .iter()
                .cloned()
                .chain(
                    p.held
                        .iter()
                        .map(|(u, last)| words::held_until(u, last, lang)),
                )
                .collect::<Vec<_>>()
                .join(cal::name_separator(lang)),
            p.station_sessions.to_string(),
            p.makeup_sessions.to_string(),
            p.visit_half_days.to_string(),
            format!("{:.1}", p.share_of_working_days * 100.0),
            words::ties(&p.ties, lang),
        ]);
        out += "\r\n";
    }
    out
}
