//! A transfer between two townships of a city, as `replan` on the city tells
//! it once: who left which township for which on what day, the units they led
//! in the township left and who leads them now, and the units they lead in
//! the township joined and who led them before; and a township's people
//! who move to or from the city's other townships (`Moves`), for the
//! report's handovers, the workbook and `people`.

use chrono::NaiveDate;

use crate::model::Roster;
use crate::plan::PlanFile;
use crate::roster::across::{Across, Tie, Transfer};
use crate::wording::Lang;
use crate::wording::across::TransferSaid;
use crate::wording::names::{person, unit};

/// One side of a transfer: the township's roster, its plan in force and its new plan.
pub struct Side<'a> {
    pub roster: &'a Roster,
    pub previous: &'a PlanFile,
    pub new: &'a PlanFile,
}

/// The transfer in words: names, never ids (unless two names collide).
pub fn describe(t: &Transfer, from: &Side, to: &Side, lang: Lang) -> TransferSaid {
    let left = from
        .previous
        .assignment
        .iter()
        .filter(|a| a.leader == t.from_id)
        .map(|a| {
            let now = from
                .new
                .assignment
                .iter()
                .find(|b| b.unit == a.unit)
                .map(|b| person(from.roster, &b.leader, lang))
                .unwrap_or_default();
            (unit(from.roster, &a.unit, lang), now)
        })
        .collect();
    let took = to
        .new
        .assignment
        .iter()
        .filter(|a| a.leader == t.to_id)
        .map(|a| {
            let was = to
                .previous
                .assignment
                .iter()
                .find(|b| b.unit == a.unit)
                .map(|b| person(to.roster, &b.leader, lang))
                .unwrap_or_default();
            (unit(to.roster, &a.unit, lang), was)
        })
        .collect();
    TransferSaid {
        name: t.name.clone(),
        from: from.roster.township.name.clone(),
        to: to.roster.township.name.clone(),
        date: t.date.to_string(),
        leaves: t.leaves.to_string(),
        left,
        took,
    }
}

/// A township's people who move to or from the city's other townships
/// during the year: each id with where to or from (the township's name)
/// and the day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Moves(pub Vec<(String, Tie)>);

impl Moves {
    /// Township `t`'s transfers in the city (`names[u]` is township `u`'s name).
    pub fn in_city(across: &Across, t: usize, names: &[String]) -> Moves {
        let name = |u: usize| names.get(u).cloned().unwrap_or_default();
        let mut out = Vec::new();
        for x in &across.transfers {
            if x.to == t {
                out.push((x.to_id.clone(), Tie::From(name(x.from), x.date)));
            }
            if x.from == t {
                out.push((x.from_id.clone(), Tie::To(name(x.to), x.leaves)));
            }
        }
        Moves(out)
    }

    /// From the roster alone: each entry with `transferred_from =
    /// "township/id"` and `joins` came from that township on that day;
    /// `name_of` gives the township's name from how the entry names it
    /// (a file name or the name itself).
    pub fn of_roster(r: &Roster, name_of: impl Fn(&str) -> String) -> Moves {
        let cadres = r
            .cadres
            .iter()
            .map(|c| (&c.id, &c.transferred_from, c.joins));
        let helpers = r
            .helpers
            .iter()
            .map(|h| (&h.id, &h.transferred_from, h.joins));
        let out = cadres
            .chain(helpers)
            .filter_map(|(id, from, joins)| {
                let (town, _) = from.as_deref()?.split_once('/')?;
                Some((id.clone(), Tie::From(name_of(town), joins?)))
            })
            .collect();
        Moves(out)
    }

    /// Where `id` moves to, and the day (the first day away).
    pub fn to(&self, id: &str) -> Option<(&str, NaiveDate)> {
        self.0.iter().find_map(|(who, t)| match t {
            Tie::To(town, date) if who == id => Some((town.as_str(), *date)),
            _ => None,
        })
    }

    /// Where `id` came from, and the day (the first day here).
    pub fn from(&self, id: &str) -> Option<(&str, NaiveDate)> {
        self.0.iter().find_map(|(who, t)| match t {
            Tie::From(town, date) if who == id => Some((town.as_str(), *date)),
            _ => None,
        })
    }

    /// The moves that change something between plan `base` and the later
    /// plan `other`: who moved away is on a team in `base` and on none in
    /// `other`, who moved here the other way round (`compare`).
    pub fn between(&self, base: &PlanFile, other: &PlanFile) -> Moves {
        let on = |p: &PlanFile, id: &str| {
            p.assignment
                .iter()
                .any(|a| a.leader == id || a.helpers.iter().any(|h| h == id))
        };
        let out = self
            .0
            .iter()
            .filter(|(id, t)| match t {
                Tie::To(..) => on(base, id) && !on(other, id),
                Tie::From(..) => !on(base, id) && on(other, id),
                Tie::Shared(_) => false,
            })
            .cloned()
            .collect();
        Moves(out)
    }

    /// The ids of the people who move.
    pub fn ids(&self) -> Vec<String> {
        self.0.iter().map(|(id, _)| id.clone()).collect()
    }

    /// Each move said once, as `compare` says it: "罗芬宝 7月1日调往南湖街道"
    /// / "罗芬宝 7月1日从东山镇调入"; `name` gives a person's name from the id.
    pub fn said(&self, name: &dyn Fn(&str) -> String, lang: Lang) -> Vec<String> {
        use crate::wording::documents::{Moved, month_day};
        use chrono::Datelike;
        self.0
            .iter()
            .filter_map(|(id, t)| {
                let (moved, d) = match t {
                    Tie::To(town, d) => (Moved::To(town), d),
                    Tie::From(town, d) => (Moved::From(town), d),
                    Tie::Shared(_) => return None,
                };
                let day = month_day(d.month(), d.day(), lang);
                Some(crate::wording::moves::compared(
                    &name(id),
                    &day,
                    moved,
                    lang,
                ))
            })
            .collect()
    }

    /// `id`'s moves as ties to other townships.
    pub fn ties(&self, id: &str) -> Vec<Tie> {
        self.0
            .iter()
            .filter(|(who, _)| who == id)
            .map(|(_, t)| t.clone())
            .collect()
    }

    /// How someone's stretch in post (first day, first day past) ends or
    /// starts with a move: to another township on the day it ends, or
    /// from one on the day it starts.
    pub fn at(
        &self,
        id: &str,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Option<crate::wording::documents::Moved<'_>> {
        use crate::wording::documents::Moved;
        match (self.to(id), self.from(id)) {
            (Some((town, day)), _) if until == Some(day) => Some(Moved::To(town)),
            (_, Some((town, day))) if from == Some(day) => Some(Moved::From(town)),
            _ => None,
        }
    }
}
