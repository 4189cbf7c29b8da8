//! `zhudian people`: one row per person of a plan (or of every township of a
//! city): township, district, role, units, the year's station sessions,
//! make-ups and visit half-days, and the share of working days they take
//! (each session half a day, over the year's working days, as the
//! workbook's leader sheet counts it), and for a city how the person is
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
                station_sessions: station,
                makeup_sessions: makeups,
                visit_half_days: visits,
                // A session or a visit takes half a working day.
                share_of_working_days: (station + makeups + visits) as f64 / 2.0 / days,
            }
        })
        .collect()
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
            p.units.join(cal::name_separator(lang)),
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
