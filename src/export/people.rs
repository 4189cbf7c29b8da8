//! `zhudian people`: one row per person of a plan (or of every township of a
//! city): township, district, role, units, the year's station sessions,
//! make-ups and household visit sessions, and the share of working days they take
//! (each session half a day, over the working days they are in post, as
//! the workbook's leader sheet counts it), for a city how the person is
//! tied to its other townships (shared, transferred), and the dates of
//! someone in post for part of the year (a leaver, a successor). A shared or
//! transferred person has a row in each township whose roster lists him (a
//! shared cadre who leads nothing in one has a row of zeros there, saying
//! so), so that the rows summed by township add up. Rows are typed; `csv`
//! renders them.

use crate::model::{Role, Roster};
use crate::plan::PlanFile;
use crate::roster::across::Tie;
use crate::scenario::transfer::Moves;
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
    /// The names of the units they serve, a unit served for part of their
    /// time in post with its dates.
    pub units: Vec<String>,
    /// Their first day in post and their first day past it within the
    /// year, `None` at the year's ends.
    pub from: Option<chrono::NaiveDate>,
    pub until: Option<chrono::NaiveDate>,
    pub station_sessions: usize,
    pub makeup_sessions: usize,
    pub visit_sessions: usize,
    /// Of the working days they are in post, 0 to 1.
    pub share_of_working_days: f64,
    /// The same for the same person in every township of a city (see
    /// `roster::across::person_keys`): id and name by default.
    pub key: String,
    /// Shared with, or transferred from or to, other townships of the city.
    pub ties: Vec<Tie>,
    /// A shared cadre who leads no unit here (kept away by his duties in
    /// another township): his row says so, with zeros, so that a
    /// township's rows list everyone its roster shares.
    pub leads_none: bool,
}

/// How many people `rows` hold, each person once (by key).
pub fn distinct(rows: &[Person]) -> usize {
    let keys: std::collections::BTreeSet<&str> = rows.iter().map(|p| p.key.as_str()).collect();
    keys.len()
}

/// Everyone on a team in the plan, in roster order (leaders, then helpers),
/// then anyone who held a place earlier in the year and had no session; a
/// shared cadre who leads no unit here is put after the other leaders.
pub fn of(roster: &Roster, plan: &PlanFile, lang: Lang) -> Vec<Person> {
    let posts = crate::scenario::in_post::posts(roster, plan);
    let mut ids = super::people(roster, plan);
    for p in &posts {
        if !ids.contains(&p.person) {
            ids.push(p.person.clone());
        }
    }
    let idle: Vec<String> = crate::scenario::in_post::shared_leading_none(roster, plan)
        .iter()
        .map(|c| c.id.clone())
        .collect();
    // With the leaders, before the first helper.
    for id in &idle {
        if !ids.contains(id) {
            let at = ids
                .iter()
                .position(|i| roster.cadre_index(i).is_none())
                .unwrap_or(ids.len());
            ids.insert(at, id.clone());
        }
    }
    ids.into_iter()
        .map(|id| {
            let part = match roster.helper_index(&id) {
                Some(h) if roster.cadre_index(&id).is_none() => {
                    Part::Helper(roster.helpers[h].role)
                }
                _ => Part::Leader,
            };
            let order: Vec<String> = plan.assignment.iter().map(|a| a.unit.clone()).collect();
            let units = super::xlsx::units_served(roster, &posts, &id, false, &order, lang);
            let count = |kind: &str| {
                plan.session
                    .iter()
                    .filter(|s| s.kind == kind && s.people.contains(&id))
                    .count()
            };
            let (station, makeups, visits) =
                (count("station"), count("makeup"), count("household_visit"));
            let (from, until) = crate::scenario::in_post::service(roster, &id);
            let days = super::xlsx::working_days_in(roster, from, until).max(1) as f64;
            Person {
                township: roster.township.name.clone(),
                district: roster.township.district.clone(),
                name: names::person(roster, &id, lang),
                key: format!("{id}\u{1f}{}", person_name(roster, &id)),
                ties: Vec::new(),
                leads_none: idle.contains(&id),
                id: id.clone(),
                part,
                units,
                from,
                until,
                station_sessions: station,
                makeup_sessions: makeups,
                visit_sessions: visits,
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
            p.visit_sessions.to_string(),
            format!("{:.1}", p.share_of_working_days * 100.0),
            match p.leads_none {
                false => words::ties(&p.ties, lang),
                true => crate::wording::shared_idle::in_ties(&words::ties(&p.ties, lang), lang),
            },
            {
                // The days in post, with the move to or from another
                // township that ends or starts them.
                let (first, last) = super::xlsx::stretch(p.from, p.until);
                let moves = Moves(p.ties.iter().map(|t| (p.id.clone(), t.clone())).collect());
                let moved = moves.at(&p.id, p.from, p.until);
                crate::wording::documents::in_post_moved(first, last, moved, lang)
            },
        ]);
        out += "\r\n";
    }
    out
}
