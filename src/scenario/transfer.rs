//! A transfer between two townships of a city, as `replan` on the city tells
//! it once: who left which township for which on what day, the units they led
//! in the township left and who leads them now, and the units they lead in
//! the township joined and who led them before.

use crate::model::Roster;
use crate::plan::PlanFile;
use crate::roster::across::Transfer;
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
        left,
        took,
    }
}
