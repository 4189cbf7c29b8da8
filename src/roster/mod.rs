//! Reading and validating a roster: TOML text in, a checked [`Roster`] out,
//! or every problem found, each with its place. Nothing here panics on bad
//! input; the road network's travel times are computed once, here, and kept
//! on the roster for everything after.

mod read;
pub mod summary;
mod validate;

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};
use toml::de::{DeTable, DeValue};

use chrono::{Datelike, NaiveTime};

use crate::model::*;
use crate::wording::roster::{RosterSaid, place};
use crate::wording::{Lang, Say};
pub use read::did_you_mean;
use read::{Cx, Tab};

/// One thing wrong with a roster, where it is and what it is.
#[derive(Debug, Clone)]
pub struct Problem {
    pub file: String,
    pub place: Place,
    pub said: RosterSaid,
}

impl Problem {
    pub fn render(&self, lang: Lang) -> String {
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        format!(
            "{}{sep}{}",
            place(&self.file, &self.place, lang),
            self.said.say(lang)
        )
    }
}

/// Every problem found in a roster, in file order.
#[derive(Debug, Clone, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn render(&self, lang: Lang) -> String {
        self.0.iter().map(|p| p.render(lang) + "\n").collect()
    }
}

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::current()))
    }
}

pub const SECTIONS: [&str; 11] = [
    "township",
    "station",
    "policy",
    "objective",
    "holiday",
    "workday",
    "unit",
    "cadre",
    "helper",
    "meeting",
    "road",
];

/// Reads one township's roster file.
pub fn load(path: &Path) -> Result<Roster, Problems> {
    let mut all = load_all(path)?;
    if all.len() == 1 {
        Ok(all.remove(0))
    } else {
        Err(Problems(vec![Problem {
            file: path.display().to_string(),
            place: Place {
                section: "[[township]]".into(),
                ..Place::default()
            },
            said: RosterSaid::Syntax {
                detail: format!(
                    "{} townships in one file; plan them with a city run, or give one township's roster",
                    all.len()
                ),
            },
        }]))
    }
}

/// Reads a roster file, a city file with a `[[township]]` array, or a folder
/// of roster files (sorted by name): every township in it.
pub fn load_all(path: &Path) -> Result<Vec<Roster>, Problems> {
    let name = path.display().to_string();
    if path.is_dir() {
        let files = roster_files(path).map_err(|e| unreadable(&name, &e.to_string()))?;
        let mut out = Vec::new();
        let mut problems = Vec::new();
        for f in files {
            match load_all(&f) {
                Ok(r) => out.extend(r),
                Err(p) => problems.extend(p.0),
            }
        }
        return if problems.is_empty() {
            Ok(out)
        } else {
            Err(Problems(problems))
        };
    }
    let text = std::fs::read_to_string(path).map_err(|e| unreadable(&name, &e.to_string()))?;
    load_all_str(&text, &name)
}

fn unreadable(file: &str, detail: &str) -> Problems {
    Problems(vec![Problem {
        file: file.to_string(),
        place: Place::default(),
        said: RosterSaid::Unreadable {
            detail: detail.to_string(),
        },
    }])
}

/// The roster files (`*.toml`) of a folder, sorted by name.
pub fn roster_files(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads one township's roster from text; `source` names it in messages.
pub fn load_str(text: &str, source: &str) -> Result<Roster, Problems> {
    let mut all = load_all_str(text, source)?;
    if all.len() == 1 {
        Ok(all.remove(0))
    } else {
        Err(unreadable(source, "the file holds several townships"))
    }
}

pub fn load_all_str(text: &str, source: &str) -> Result<Vec<Roster>, Problems> {
    let cx = Cx::new(source, text);
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        // Only the first: what the parser recovers into after it is mostly noise.
        for e in errors.into_iter().take(1) {
            let line = e.span().map(|s| cx.line(&s));
            let detail = e.message().trim().to_string();
            cx.report(
                Place {
                    line,
                    ..Place::default()
                },
                RosterSaid::Syntax { detail },
            );
        }
        return Err(Problems(cx.problems.into_inner()));
    }
    let sha = hex_sha256(text);
    let doc_span = doc.span();
    let doc = doc.into_inner();
    // A city file: [[township]] entries each holding a whole roster.
    let city = doc
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == "township")
        .and_then(|(_, v)| match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => None,
        });
    let mut out = Vec::new();
    match city {
        Some(arr) => {
            let top = Tab::new(&cx, "", &doc, &doc_span);
            top.get("township");
            top.finish();
            for (i, item) in arr.iter().enumerate() {
                if let DeValue::Table(t) = item.get_ref() {
                    let before = cx.problems.borrow().len();
                    let r = read_roster(&cx, t, &item.span(), &format!("{sha}#{}", i + 1));
                    if cx.problems.borrow().len() == before {
                        out.push(r);
                    }
                }
            }
        }
        None => {
            out.push(read_roster(&cx, &doc, &doc_span, &sha));
        }
    }
    let mut problems = cx.problems.into_inner();
    // File order reads best; problems without a line (whole-roster ones) come last.
    problems.sort_by_key(|p| p.place.line.unwrap_or(usize::MAX));
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Problems(problems))
    }
}

pub fn hex_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Finds a top-level section: a table (`[policy]`) or an array of tables.
fn section<'a, 'i>(doc: &'a DeTable<'i>, name: &str) -> Option<&'a toml::Spanned<DeValue<'i>>> {
    doc.iter()
        .find(|(k, _)| k.get_ref().as_ref() == name)
        .map(|(_, v)| v)
}

fn read_roster(cx: &Cx, doc: &DeTable, span: &std::ops::Range<usize>, sha: &str) -> Roster {
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
        travel: Travel::default(),
        section_lines,
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

fn read_township(t: &Tab) -> Township {
    let name = t.req_str("name");
    let office = t.req_str("office");
    let mut year = t.req_int("year").unwrap_or(2015);
    let official = if t.has("official_holidays") {
        t.bool("official_holidays")
    } else {
        Some(true)
    };
    t.finish();
    if !(1900..=2200).contains(&year) {
        t.report(
            "year",
            RosterSaid::TooBig {
                value: year,
                max: 2200,
            },
        );
        year = 2015;
    }
    Township {
        name: name.unwrap_or_default(),
        office: office.unwrap_or_default(),
        year: year as i32,
        official_holidays: official.unwrap_or(true),
    }
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn parse_weekday(s: &str) -> Option<chrono::Weekday> {
    let full = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let low = s.to_ascii_lowercase();
    let i = WEEKDAYS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(s))
        .or_else(|| full.iter().position(|f| *f == low))?;
    Some(chrono::Weekday::try_from(i as u8).expect("0..7 is a weekday"))
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
    t.finish();
    let (start, end) = time_range(t, start, end);
    Station {
        weekday: weekday.unwrap_or(chrono::Weekday::Tue),
        start,
        end,
        makeup_days: makeup_days.unwrap_or_default(),
        makeup_notice_days: notice.unwrap_or(3),
    }
}

/// Start and end of a window; an end not after the start is reported.
fn time_range(t: &Tab, start: Option<NaiveTime>, end: Option<NaiveTime>) -> (NaiveTime, NaiveTime) {
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

const ROLES: [&str; 8] = [
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
        t.pair("units_per_leader")
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
    }
}

fn read_objective(t: &Tab) -> Objective {
    let w = |key: &'static str, default: f64| {
        if t.has(key) {
            t.non_negative(key)
        } else {
            Some(default)
        }
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

fn read_period(t: &Tab, why_key: &'static str) -> Option<Period> {
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

fn with_id<'c, 's, 'a, 'i>(mut t: Tab<'c, 's, 'a, 'i>) -> Tab<'c, 's, 'a, 'i> {
    t.id = t.str("id");
    t
}

fn read_unit(t: Tab) -> Unit {
    read_unit_fields(&with_id(t))
}

fn read_unit_fields(t: &Tab) -> Unit {
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
        t.choice("cadence", &["weekly", "biweekly"], Cadence::parse)
    } else {
        Some(Cadence::Weekly)
    };
    let mut hamlets = Some(Vec::new());
    for h in t.tables("hamlets") {
        let name = h.req_str("name");
        let hh = h.req_int("households");
        h.finish();
        match (name, hh) {
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
        households: households
            .filter(|h| *h > 0)
            .map(|h| h.min(10_000_000) as u32)
            .unwrap_or(1),
        population: population.unwrap_or(0),
        migrants: migrants.unwrap_or(0),
        needs: needs.unwrap_or_default(),
        cadence: cadence.unwrap_or(Cadence::Weekly),
        hamlets,
        line: Some(t.line),
    }
}

fn read_away(t: &Tab) -> Vec<Period> {
    t.tables("away")
        .iter()
        .filter_map(|a| read_period(a, "why"))
        .collect()
}

fn read_cadre(t: Tab) -> Cadre {
    read_cadre_fields(&with_id(t))
}

fn read_cadre_fields(t: &Tab) -> Cadre {
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
        line: Some(t.line),
    }
}

fn read_helper(t: Tab) -> Helper {
    read_helper_fields(&with_id(t))
}

fn read_helper_fields(t: &Tab) -> Helper {
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
        line: Some(t.line),
    }
}

fn read_meeting(mut t: Tab) -> Option<Meeting> {
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
    })
}

fn read_road(t: &Tab) -> Option<Road> {
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

/// The line, file and words of a message, for tests and the CLI.
pub fn render_all(p: &Problems) -> String {
    p.render(Lang::current())
}
