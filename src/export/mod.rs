//! The calendar for phones and spreadsheets: one iCalendar file per person
//! (`ics`) and one CSV of every session (`csv`). Both are pure functions of
//! the roster and the plan — no clock, no hashing order — so re-running gives
//! the same bytes and a phone re-importing a file updates its events in place.

pub mod city_summary;
pub mod csv;
pub mod ics;
pub mod people;
pub mod xlsx;

use crate::model::Roster;
use crate::plan::PlanFile;
use crate::wording::Lang;
use crate::wording::calendar as words;

/// A person's display name, or their id when the roster does not know them.
pub(crate) fn name_of(roster: &Roster, id: &str) -> String {
    if let Some(c) = roster.cadre_index(id) {
        roster.cadres[c].name.clone()
    } else if let Some(h) = roster.helper_index(id) {
        roster.helpers[h].name.clone()
    } else {
        id.to_string()
    }
}

/// "劳广行（党委委员）": a name with the person's post or role.
pub(crate) fn name_and_role(roster: &Roster, id: &str, lang: Lang) -> String {
    let role = if let Some(c) = roster.cadre_index(id) {
        let post = &roster.cadres[c].post;
        if post.is_empty() {
            words::leader(lang).to_string()
        } else {
            post.clone()
        }
    } else if let Some(h) = roster.helper_index(id) {
        let helper = &roster.helpers[h];
        let community = helper
            .unit
            .as_deref()
            .and_then(|u| roster.unit_index(u))
            .is_some_and(|u| roster.units[u].kind == crate::model::UnitKind::Community);
        crate::wording::documents::role_of_person(helper.role, community, lang).to_string()
    } else {
        return id.to_string();
    };
    match lang {
        Lang::En => format!("{} ({role})", name_of(roster, id)),
        Lang::Zh => format!("{}（{role}）", name_of(roster, id)),
    }
}

/// The unit's name, or its id when the roster does not know it.
pub(crate) fn unit_name(roster: &Roster, id: &str) -> String {
    roster
        .unit_index(id)
        .map(|u| roster.units[u].name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Everyone on a team in the plan, in roster order (cadres, then helpers),
/// then anyone else the sessions name: the people who get a calendar file.
/// A session's weekday as the calendar files show it; an official working
/// Saturday or Sunday (调休上班) says so, in the CSV as in the workbook's 日程.
pub(crate) fn weekday_shown(roster: &Roster, d: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let wd = words::weekday(d.weekday(), lang);
    if roster.days.workday(d).is_some() {
        crate::wording::documents::worked_weekday(wd, lang)
    } else {
        wd.to_string()
    }
}

pub fn people(roster: &Roster, plan: &PlanFile) -> Vec<String> {
    let mut named = std::collections::BTreeSet::new();
    for a in &plan.assignment {
        named.insert(a.leader.as_str());
        named.extend(a.helpers.iter().map(String::as_str));
        named.extend(a.assist.iter().map(String::as_str));
    }
    for s in &plan.session {
        named.extend(s.people.iter().map(String::as_str));
    }
    named.remove("");
    let mut out: Vec<String> = Vec::new();
    for c in &roster.cadres {
        if named.remove(c.id.as_str()) {
            out.push(c.id.clone());
        }
    }
    for h in &roster.helpers {
        if named.remove(h.id.as_str()) {
            out.push(h.id.clone());
        }
    }
    out.extend(named.into_iter().map(str::to_string));
    out
}
