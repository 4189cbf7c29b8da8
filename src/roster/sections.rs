//! The roster's one-of sections, `[township]`, `[station]`, `[policy]` and
//! `[objective]`, with its holidays, read over the spanned tree; and
//! [`read_roster`], which reads a whole roster (those sections, then each
//! entry of the arrays) and hands it to validation.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveTime};
use toml::de::{DeTable, DeValue};

use super::entries::{read_cadre, read_helper, read_meeting, read_period, read_road, read_unit};
use super::entries::{read_cadre_fields, read_helper_fields, read_unit_fields};
use super::read::{self, Cx, Tab, did_you_mean};
use super::{SECTIONS, validate};
use crate::model::*;
use crate::wording::roster::RosterSaid;

/// Finds a top-level section: a table (`[policy]`) or an array of tables.
fn section<'a, 'i>(doc: &'a DeTable<'i>, name: &str) -> Option<&'a toml::Spanned<DeValue<'i>>> {
    doc.iter()
        .find(|(k, _)| k.get_ref().as_ref() == name)
        .map(|(_, v)| v)
}

pub(super) fn read_roster(
    cx: &Cx,
    doc: &DeTable,
    span: &std::ops::Range<usize>,
    sha: &str,
) -> Roster {
    // Unknown top-level sections first, with the nearest known name.
    for (k, _) in doc.iter() {
        let name = k.get_ref().as_ref();
        if !SECTIONS.contains(&name) {
            cx.report(
                Place {
                    section: format!("[{name}]"),
                    line: Some(cx.line(&k.span())),
                    ..Place::default()
                },
                RosterSaid::UnknownSection {
                    suggestion: did_you_mean(name, SECTIONS),
                },
            );
        }
    }
    let empty = DeTable::default();
    let table = |name: &str, required: bool| -> Tab {
        match section(doc, name) {
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => Tab::new(cx, &format!("[{name}]"), t, &v.span()),
                other => {
                    cx.report(
                        Place {
                            section: format!("[{name}]"),
                            line: Some(cx.line(&v.span())),
                            ..Place::default()
                        },
                        RosterSaid::WrongType {
                            expected: "table",
                            found: read::type_name(other),
                        },
                    );
                    Tab::new(cx, &format!("[{name}]"), &empty, span)
                }
            },
            None => {
                if required {
                    cx.report(
                        Place {
                            section: format!("[{name}]"),
                            ..Place::default()
                        },
                        RosterSaid::MissingSection,
                    );
                }
                let mut t = Tab::new(cx, &format!("[{name}]"), &empty, span);
                t.absent = true;
                t
            }
        }
    };
    let array = |name: &str| -> Vec<Tab> {
        match section(doc, name) {
            None => Vec::new(),
            Some(v) => match v.get_ref() {
                DeValue::Array(a) => a
                    .iter()
                    .filter_map(|item| match item.get_ref() {
                        DeValue::Table(t) => {
                            Some(Tab::new(cx, &format!("[[{name}]]"), t, &item.span()))
                        }
                        other => {
                            cx.report(
                                Place {
                                    section: format!("[[{name}]]"),
                                    line: Some(cx.line(&item.span())),
                                    ..Place::default()
                                },
                                RosterSaid::WrongType {
                                    expected: "table",
                                    found: read::type_name(other),
                                },
                            );
                            None
                        }
                    })
                    .collect(),
                other => {
                    cx.report(
                        Place {
                            section: format!("[[{name}]]"),
                            line: Some(cx.line(&v.span())),
                            ..Place::default()
                        },
                        RosterSaid::WrongType {
                            expected: "array",
                            found: read::type_name(other),
                        },
                    );
                    Vec::new()
                }
            },
        }
    };

    // Every reader reports what is wrong and falls back to a neutral value,
    // so that the checks across sections still run and report all at once.
    let mut section_lines = BTreeMap::new();
    for name in ["township", "station", "policy", "objective"] {
        if let Some(v) = section(doc, name) {
            section_lines.insert(format!("[{name}]"), cx.line(&v.span()));
        }
    }
    let township = read_township(&table("township", true));
    let year = township.year;
    let mut roster = Roster {
        source: cx.file.clone(),
        sha256: sha.to_string(),
        township,
        station: read_station(&table("station", true)),
        policy: read_policy(&table("policy", false)),
        objective: read_objective(&table("objective", false)),
        holidays: array("holiday")
            .into_iter()
            .filter_map(|t| read_holiday(t, year))
            .collect(),
        workdays: array("workday")
            .into_iter()
            .filter_map(|t| read_workday(t, year))
            .collect(),
        days: Default::default(),
        units: array("unit").into_iter().map(read_unit).collect(),
        cadres: array("cadre").into_iter().map(read_cadre).collect(),
        helpers: array("helper").into_iter().map(read_helper).collect(),
        meetings: array("meeting")
            .into_iter()
            .filter_map(read_meeting)
            .collect(),
        roads: array("road").iter().filter_map(read_road).collect(),
        junctions: array("junction")
            .into_iter()
            .filter_map(|t| super::position::read_junction(&super::entries::with_id(t)))
            .collect(),
        travel: Travel::default(),
        section_lines,
        notes: Vec::new(),
        unit_ix: Default::default(),
        cadre_ix: Default::default(),
        helper_ix: Default::default(),
    };
    validate::check(cx, &mut roster);
    roster.days = crate::days::YearDays::new(
        year,
        roster.township.official_holidays,
        &roster.holidays,
        &roster.workdays,
    );
    roster
}

/// The fields a section knows, as its reader asks for them: one definition
/// for the roster reader and for anything that overrides roster fields.
pub fn known_fields(section: &str) -> Vec<&'static str> {
    let cx = Cx::new("", "");
    let empty = DeTable::default();
    let t = Tab::new(&cx, section, &empty, &(0..0));
    match section {
        "township" => drop(read_township(&t)),
        "station" => drop(read_station(&t)),
        "policy" => drop(read_policy(&t)),
        "objective" => drop(read_objective(&t)),
        "unit" => drop(read_unit_fields(&t)),
        "cadre" => drop(read_cadre_fields(&t)),
        "helper" => drop(read_helper_fields(&t)),
        _ => {}
    }
    t.asked()
}

/// Reads one of the sections a township inherits from its city (its
/// problems reported, its value dropped): city.toml's own check.
pub(super) fn read_section(t: &Tab, name: &str) {
    match name {
        "station" => drop(read_station(t)),
        "policy" => drop(read_policy(t)),
        "objective" => drop(read_objective(t)),
        _ => {}
    }
}

fn read_township(t: &Tab) -> Township {
    let name = t.req_str("name");
    let office = t.req_str("office");
    let mut year = t.req_int("year").unwrap_or(2015);
    let office_position = super::position::read_position(t);
    let district = t.str("district");
    let official = if t.has("official_holidays") {
        t.bool("official_holidays")
    } else {
        Some(true)
    };
    t.finish();
    if !(1900..=2200).contains(&year) {
        t.report(
            "year",
            RosterSaid::OutOfRange {
                value: year,
                min: 1900,
                max: 2200,
            },
        );
        year = 2015;
    }
    t.cx.year.set(year as i32);
    Township {
        name: name.unwrap_or_default(),
        office: office.unwrap_or_default(),
        year: year as i32,
        office_position,
        official_holidays: official.unwrap_or(true),
        district,
        listed_at: None,
        between: crate::model::Between::default(),
    }
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn parse_weekday(s: &str) -> Option<chrono::Weekday> {
    crate::days::weekday_named(s)
}

fn read_station(t: &Tab) -> Station {
    let weekday = if t.has("weekday") {
        t.choice("weekday", &WEEKDAYS, parse_weekday)
    } else {
        t.req_str("weekday");
        None
    };
    let start = t.req_time("start");
    let end = t.req_time("end");
    let makeup_days = match t.strs("makeup_days") {
        Some(days) => {
            let parsed: Vec<Option<chrono::Weekday>> = days
                .iter()
                .map(|d| t.check_choice("makeup_days", d, &WEEKDAYS, parse_weekday))
                .collect();
            parsed.into_iter().collect::<Option<Vec<_>>>()
        }
        None if t.has("makeup_days") => None,
        None => Some(vec![chrono::Weekday::Sat]),
    };
    let notice = if t.has("makeup_notice_days") {
        t.count("makeup_notice_days", 60)
    } else {
        Some(3)
    };
    let within = if t.has("makeup_within_days") {
        t.count("makeup_within_days", 366)
    } else {
        Some(21)
    };
    t.finish();
    let (start, end) = time_range(t, start, end);
    Station {
        weekday: weekday.unwrap_or(chrono::Weekday::Tue),
        start,
        end,
        makeup_days: makeup_days.unwrap_or_default(),
        makeup_notice_days: notice.unwrap_or(3),
        makeup_within_days: within.unwrap_or(21),
    }
}

/// Start and end of a window; an end not after the start is reported.
pub(super) fn time_range(
    t: &Tab,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> (NaiveTime, NaiveTime) {
    let fallback = (NaiveTime::MIN, NaiveTime::MIN + chrono::Duration::hours(1));
    let (Some(start), Some(end)) = (start, end) else {
        return fallback;
    };
    if end <= start {
        t.report(
            "end",
            RosterSaid::EndBeforeStart {
                start: start.format("%H:%M").to_string(),
                end: end.format("%H:%M").to_string(),
            },
        );
        return fallback;
    }
    (start, end)
}

pub(super) const ROLES: [&str; 8] = [
    "department_head",
    "party_secretary",
    "committee_cadre",
    "graduate_official",
    "volunteer",
    "police",
    "lawyer",
    "deputy",
];

fn read_policy(t: &Tab) -> Policy {
    let upl = if t.has("units_per_leader") {
        // Nobody may lead a unit under [0, 0]: bad input, not infeasibility.
        t.pair("units_per_leader").filter(|&(_, max)| {
            if max == 0 {
                t.report(
                    "units_per_leader",
                    RosterSaid::OutOfRange {
                        value: 0,
                        min: 1,
                        max: 10,
                    },
                );
            }
            max > 0
        })
    } else {
        Some((2, 3))
    };
    let max_travel = if t.has("max_travel_minutes") {
        t.non_negative("max_travel_minutes")
    } else {
        Some(f64::INFINITY)
    };
    let avoid = if t.has("avoid_home_unit") {
        t.bool("avoid_home_unit")
    } else {
        Some(true)
    };
    let min_present = if t.has("min_present") {
        t.count("min_present", 50)
    } else {
        Some(2)
    };
    // `household_visits_per_member = N` (the older field) means N visits by
    // every member; `household_visits` says how many, `household_visits_by` by whom.
    let per_member = t.count("household_visits_per_member", 52);
    let visits = if t.has("household_visits") {
        if t.has("household_visits_per_member") {
            t.report(
                "household_visits_per_member",
                RosterSaid::Superseded {
                    by: "household_visits",
                },
            );
        }
        t.count("household_visits", 52)
    } else {
        per_member.or(Some(2))
    };
    let by = if t.has("household_visits_by") {
        t.choice("household_visits_by", &["team", "member"], VisitsBy::parse)
    } else if t.has("household_visits_per_member") && !t.has("household_visits") {
        Some(VisitsBy::Member)
    } else {
        Some(VisitsBy::Team)
    };
    let visit_days = match t.strs("visit_days") {
        Some(days) => {
            let parsed: Vec<Option<chrono::Weekday>> = days
                .iter()
                .map(|d| t.check_choice("visit_days", d, &WEEKDAYS, parse_weekday))
                .collect();
            parsed.into_iter().collect::<Option<Vec<_>>>()
        }
        None if t.has("visit_days") => None,
        None => Some(
            WEEKDAYS[..5]
                .iter()
                .filter_map(|d| parse_weekday(d))
                .collect(),
        ),
    };
    let visit_cap = if t.has("visit_half_days_per_month") {
        t.count("visit_half_days_per_month", 62)
    } else {
        Some(8)
    };
    let per_session = if t.has("households_per_visit_session") {
        t.count("households_per_visit_session", 1000)
    } else {
        Some(15)
    };
    if per_session == Some(0) {
        t.report(
            "households_per_visit_session",
            RosterSaid::NotPositive { value: 0 },
        );
    }
    let workload = if t.has("workload") {
        t.choice("workload", &["households", "population"], |s| match s {
            "households" => Some(Workload::Households),
            "population" => Some(Workload::Population),
            _ => None,
        })
    } else {
        Some(Workload::Households)
    };
    let team = if t.has("team") {
        let slots = t.tables("team");
        let mut out = Vec::new();
        let mut ok = true;
        for (i, s) in slots.iter().enumerate() {
            let roles = s.strs("roles");
            if !s.has("roles") {
                s.report("roles", RosterSaid::MissingField);
            }
            let from_unit = if s.has("from_unit") {
                s.bool("from_unit")
            } else {
                Some(false)
            };
            s.finish();
            let roles: Option<Vec<Role>> = roles.map(|rs| {
                rs.iter()
                    .filter_map(|r| s.check_choice("roles", r, &ROLES, Role::parse))
                    .collect()
            });
            match (roles, from_unit) {
                (Some(r), Some(f)) if !r.is_empty() => out.push(TeamSlot {
                    roles: r,
                    from_unit: f,
                }),
                (Some(_), Some(_)) => {
                    s.report("roles", RosterSaid::SlotWithoutRoles { slot: i + 1 });
                    ok = false;
                }
                _ => ok = false,
            }
        }
        if !ok {
            out.clear();
        }
        Some(out)
    } else {
        Some(vec![
            TeamSlot {
                roles: vec![Role::DepartmentHead],
                from_unit: false,
            },
            TeamSlot {
                roles: vec![Role::PartySecretary],
                from_unit: true,
            },
        ])
    };
    let rotation = if t.has("rotation") {
        t.choice("rotation", &["fixed", "flexible"], |s| match s {
            "fixed" => Some(Rotation::Fixed),
            "flexible" => Some(Rotation::Flexible),
            _ => None,
        })
    } else {
        Some(Rotation::Fixed)
    };
    let band = if t.has("load_band_pct") {
        t.count("load_band_pct", 100)
    } else {
        Some(10)
    };
    t.finish();
    Policy {
        units_per_leader: upl.unwrap_or((2, 3)),
        max_travel_minutes: max_travel.unwrap_or(f64::INFINITY),
        avoid_home_unit: avoid.unwrap_or(true),
        min_present: min_present.unwrap_or(2) as usize,
        household_visits: visits.unwrap_or(2),
        household_visits_by: by.unwrap_or(VisitsBy::Team),
        visit_days: visit_days.unwrap_or_default(),
        visit_half_days_per_month: visit_cap.unwrap_or(8),
        households_per_visit_session: per_session.filter(|n| *n > 0).unwrap_or(15),
        workload: workload.unwrap_or(Workload::Households),
        team: team.unwrap_or_default(),
        rotation: rotation.unwrap_or_default(),
        load_band_pct: band.unwrap_or(10),
    }
}

/// The largest weight: a deviation or a tour of a million times it still
/// leaves the cost far from overflowing, and no sensible weighting needs more.
pub const MAX_WEIGHT: f64 = 1e6;

fn read_objective(t: &Tab) -> Objective {
    let w = |key: &'static str, default: f64| {
        if !t.has(key) {
            return Some(default);
        }
        let x = t.non_negative(key)?;
        if x > MAX_WEIGHT {
            t.report(
                key,
                RosterSaid::WeightOutOfRange {
                    value: if x >= 1e9 {
                        format!("{x:e}")
                    } else {
                        x.to_string()
                    },
                    max: MAX_WEIGHT.to_string(),
                },
            );
            return None;
        }
        Some(x)
    };
    let balance = w("balance", 2.0);
    let travel = w("travel", 1.0);
    let continuity = w("continuity", 100.0);
    let helper_continuity = w("helper_continuity", 30.0);
    t.finish();
    Objective {
        balance: balance.unwrap_or(0.0),
        travel: travel.unwrap_or(0.0),
        continuity: continuity.unwrap_or(0.0),
        helper_continuity: helper_continuity.unwrap_or(0.0),
    }
}

fn read_holiday(mut t: Tab, year: i32) -> Option<Period> {
    t.id = t.str("name");
    if !t.has("name") {
        t.report("name", RosterSaid::MissingField);
    }
    let p = read_period(&t, "name")?;
    for (field, d) in [("from", p.from), ("to", p.to)] {
        if d.year() != year {
            t.report(
                field,
                RosterSaid::DateOutsideYear {
                    date: d.to_string(),
                    year,
                },
            );
        }
    }
    Some(p)
}

/// A swapped working day (调休上班日): `name` and `date`, inside the year.
fn read_workday(mut t: Tab, year: i32) -> Option<Period> {
    t.id = t.str("name");
    if !t.has("name") {
        t.report("name", RosterSaid::MissingField);
    }
    let date = t.req_date("date");
    t.finish();
    let date = date?;
    if date.year() != year {
        t.report(
            "date",
            RosterSaid::DateOutsideYear {
                date: date.to_string(),
                year,
            },
        );
    }
    Some(Period {
        from: date,
        to: date,
        why: t.id.clone().unwrap_or_default(),
    })
}
