//! The roster's entries, `[[unit]]`, `[[cadre]]`, `[[helper]]`, `[[meeting]]`
//! and `[[road]]`, and the periods (`away`, holidays) they carry, each read
//! over the spanned tree with every problem placed.

use super::read::Tab;
use super::sections::{ROLES, time_range};
use crate::model::*;
use crate::wording::roster::RosterSaid;

pub(super) fn read_period(t: &Tab, why_key: &'static str) -> Option<Period> {
    let from = t.req_date("from");
    let to = t.req_date("to");
    let why = t.str(why_key).unwrap_or_default();
    t.finish();
    let (from, to) = (from?, to?);
    if to < from {
        t.report(
            "to",
            RosterSaid::EndBeforeStart {
                start: from.to_string(),
                end: to.to_string(),
            },
        );
        return None;
    }
    Some(Period { from, to, why })
}

/// The most households a unit or hamlet may have (a city district's worth).
const MAX_HOUSEHOLDS: i64 = 10_000_000;

fn households_range(value: i64) -> RosterSaid {
    RosterSaid::OutOfRange {
        value,
        min: 1,
        max: MAX_HOUSEHOLDS,
    }
}

pub(super) fn with_id<'c, 's, 'a, 'i>(mut t: Tab<'c, 's, 'a, 'i>) -> Tab<'c, 's, 'a, 'i> {
    t.id = t.str("id");
    t
}

pub(super) fn read_unit(t: Tab) -> Unit {
    read_unit_fields(&with_id(t))
}

pub(super) fn read_unit_fields(t: &Tab) -> Unit {
    let id = t.req_str("id");
    let name = t.req_str("name");
    let kind = if t.has("kind") {
        t.choice(
            "kind",
            &["village", "community", "enterprise", "industrial_community"],
            UnitKind::parse,
        )
    } else {
        Some(UnitKind::Village)
    };
    let households = t.req_int("households");
    if let Some(h) = households
        && h <= 0
    {
        t.report("households", RosterSaid::NotPositive { value: h });
    }
    let households = households.filter(|&h| {
        let fits = h <= MAX_HOUSEHOLDS;
        if !fits {
            t.report("households", households_range(h));
        }
        fits
    });
    let population = if t.has("population") {
        t.count("population", 10_000_000)
    } else {
        Some(0)
    };
    let migrants = if t.has("migrants") {
        t.count("migrants", 10_000_000)
    } else {
        Some(0)
    };
    let needs = t.strs("needs").or_else(|| (!t.has("needs")).then(Vec::new));
    let cadence = if t.has("cadence") {
        t.word("cadence", crate::workbook::schema::CADENCES)
            .and_then(Cadence::parse)
    } else {
        Some(Cadence::Weekly)
    };
    let mut hamlets = Some(Vec::new());
    for h in t.tables("hamlets") {
        let name = h.req_str("name");
        let hh = h.req_int("households");
        h.finish();
        match (name, hh) {
            (_, Some(x)) if x > MAX_HOUSEHOLDS => {
                h.report("households", households_range(x));
                hamlets = None;
            }
            (Some(n), Some(x)) if x > 0 => {
                if let Some(v) = hamlets.as_mut() {
                    v.push(Hamlet {
                        name: n,
                        households: x as u32,
                    });
                }
            }
            (_, Some(x)) if x <= 0 => {
                h.report("households", RosterSaid::NotPositive { value: x });
                hamlets = None;
            }
            _ => hamlets = None,
        }
    }
    let node = t.str("node");
    // A blank place is no place: the default stands.
    let place = t
        .str("place")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
    let position = super::position::read_position(t);
    t.finish();
    let hamlets = hamlets.unwrap_or_default();
    if let Some(households) = households.filter(|h| *h > 0)
        && !hamlets.is_empty()
    {
        let sum: i64 = hamlets.iter().map(|h| h.households as i64).sum();
        if sum != households {
            t.report("hamlets", RosterSaid::HamletSum { sum, households });
        }
    }
    let id = id.unwrap_or_default();
    Unit {
        node: node.unwrap_or_else(|| id.clone()),
        id,
        name: name.unwrap_or_default(),
        kind: kind.unwrap_or(UnitKind::Village),
        households: households.filter(|h| *h > 0).map(|h| h as u32).unwrap_or(1),
        population: population.unwrap_or(0),
        migrants: migrants.unwrap_or(0),
        needs: needs.unwrap_or_default(),
        cadence: cadence.unwrap_or(Cadence::Weekly),
        hamlets,
        position,
        place,
        line: Some(t.line),
    }
}

fn read_away(t: &Tab) -> Vec<Period> {
    t.tables("away")
        .iter()
        .filter_map(|a| read_period(a, "why"))
        .collect()
}

pub(super) fn read_cadre(t: Tab) -> Cadre {
    read_cadre_fields(&with_id(t))
}

pub(super) fn read_cadre_fields(t: &Tab) -> Cadre {
    let id = t.req_str("id");
    let name = t.req_str("name");
    let post = t.str("post").unwrap_or_default();
    let skills = t
        .strs("skills")
        .or_else(|| (!t.has("skills")).then(Vec::new));
    let home_unit = t.str("home_unit");
    let units = if t.has("units") {
        t.pair("units").map(Some)
    } else {
        Some(None)
    };
    let away = read_away(t);
    let succeeds = t.str("succeeds");
    let leaves = t.date("leaves");
    let joins = t.date("joins");
    let shared = t.bool("shared").unwrap_or(false);
    let transferred_from = t.str("transferred_from");
    t.finish();
    Cadre {
        id: id.unwrap_or_default(),
        name: name.unwrap_or_default(),
        post,
        skills: skills.unwrap_or_default(),
        home_unit,
        units: units.flatten(),
        away,
        succeeds,
        leaves,
        joins,
        shared,
        transferred_from,
        line: Some(t.line),
    }
}

pub(super) fn read_helper(t: Tab) -> Helper {
    read_helper_fields(&with_id(t))
}

pub(super) fn read_helper_fields(t: &Tab) -> Helper {
    let id = t.req_str("id");
    let name = t.req_str("name");
    let role = if t.has("role") {
        t.choice("role", &ROLES, Role::parse)
    } else {
        t.req_str("role");
        None
    };
    let unit = t.str("unit");
    let skills = t
        .strs("skills")
        .or_else(|| (!t.has("skills")).then(Vec::new));
    let max_teams = if t.has("max_teams") {
        t.count("max_teams", 100)
    } else {
        Some(1)
    };
    let away = read_away(t);
    let succeeds = t.str("succeeds");
    let leaves = t.date("leaves");
    let joins = t.date("joins");
    let shared = t.bool("shared").unwrap_or(false);
    let transferred_from = t.str("transferred_from");
    t.finish();
    Helper {
        id: id.unwrap_or_default(),
        name: name.unwrap_or_default(),
        role: role.unwrap_or(Role::Volunteer),
        unit,
        skills: skills.unwrap_or_default(),
        max_teams: max_teams.unwrap_or(1) as usize,
        away,
        succeeds,
        leaves,
        joins,
        shared,
        transferred_from,
        line: Some(t.line),
    }
}

pub(super) fn read_meeting(mut t: Tab) -> Option<Meeting> {
    t.id = t.str("title");
    let t = &t;
    let title = t.req_str("title");
    let attendees = t.strs("attendees");
    if !t.has("attendees") {
        t.report("attendees", RosterSaid::MissingField);
    } else if attendees.as_ref().is_some_and(|a| a.is_empty()) {
        t.report("attendees", RosterSaid::NoAttendees);
    }
    let date = t.req_date("date");
    let start = t.req_time("start");
    let end = t.req_time("end");
    let repeat = if t.has("repeat") {
        t.choice("repeat", &["none", "weekly", "monthly"], |s| match s {
            "none" => Some(Repeat::None),
            "weekly" => Some(Repeat::Weekly),
            "monthly" => Some(Repeat::Monthly),
            _ => None,
        })
    } else {
        Some(Repeat::None)
    };
    let until = t.date("until");
    let emergency = if t.has("emergency") {
        t.bool("emergency")
    } else {
        Some(false)
    };
    t.finish();
    let (start, end) = time_range(t, start, end);
    let date = date?;
    if let Some(u) = until
        && u < date
    {
        t.report(
            "until",
            RosterSaid::EndBeforeStart {
                start: date.to_string(),
                end: u.to_string(),
            },
        );
        return None;
    }
    let attendees = attendees?
        .into_iter()
        .map(|a| match a.as_str() {
            "all-cadres" => Attendee::AllCadres,
            "all-helpers" => Attendee::AllHelpers,
            _ => Attendee::Person(a),
        })
        .collect();
    Some(Meeting {
        title: title?,
        attendees,
        date,
        start,
        end,
        repeat: repeat?,
        until,
        emergency: emergency?,
        line: Some(t.line),
        elsewhere: None,
    })
}

pub(super) fn read_road(t: &Tab) -> Option<Road> {
    let from = t.req_str("from");
    let to = t.req_str("to");
    if !t.has("minutes") {
        t.report("minutes", RosterSaid::MissingField);
    }
    let minutes = t.num("minutes");
    t.finish();
    let minutes = minutes?;
    if !(minutes >= 0.0 && minutes.is_finite()) {
        t.report(
            "minutes",
            RosterSaid::Negative {
                value: minutes.to_string(),
            },
        );
        return None;
    }
    Some(Road {
        from: from?,
        to: to?,
        minutes,
        line: Some(t.line),
    })
}
