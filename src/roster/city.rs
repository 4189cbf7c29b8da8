//! A city folder's `city.toml`: the city's name, its districts, and the
//! `[station]`, `[policy]` and `[objective]` defaults every township
//! inherits field by field (a township's own value wins). The defaults are
//! merged into each township's TOML tree before the township is read, so a
//! township is checked exactly as if it had written them; the city's own
//! values are checked once, here, with city.toml's lines.

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use super::read::{Cx, Tab};
use super::{Problem, Problems, did_you_mean};
use crate::model::Place;
use crate::wording::roster::RosterSaid;

/// The file name a city folder keeps its city-level settings in.
pub const CITY_FILE: &str = "city.toml";

/// The sections a township inherits from the city, field by field.
pub const INHERITED: [&str; 3] = ["station", "policy", "objective"];

/// One district and the townships (names or file stems) it lists.
#[derive(Debug, Clone, PartialEq)]
pub struct District {
    pub name: String,
    pub townships: Vec<String>,
}

/// A city folder's city.toml, read and checked.
#[derive(Debug, Clone)]
pub struct City {
    pub path: PathBuf,
    pub text: String,
    pub name: String,
    pub districts: Vec<District>,
    /// `[city] minutes_between_townships` and `[[township_road]]`.
    pub between: crate::model::Between,
}

/// One inherited field a township sets to a value of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub township: String,
    /// `section.field`, e.g. `policy.households_per_visit_session`.
    pub field: String,
    pub own: toml::Value,
    pub city: toml::Value,
}

/// The city.toml of a folder, if it has one; every problem with its line.
pub fn read(dir: &Path) -> Result<Option<City>, Problems> {
    let path = dir.join(CITY_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let name = path.display().to_string();
    let text = crate::input::read_to_string(&path).map_err(|e| {
        Problems(vec![Problem {
            file: name.clone(),
            place: Place::default(),
            said: RosterSaid::Unreadable {
                detail: e.to_string(),
            },
        }])
    })?;
    let cx = Cx::new(&name, &text);
    let (doc, errors) = DeTable::parse_recoverable(&text);
    if let Some(e) = errors.first() {
        super::report_syntax(&cx, &text, e);
        return Err(Problems(cx.problems.into_inner()));
    }
    let doc = doc.into_inner();
    let known = [
        "city",
        "district",
        "township_road",
        "station",
        "policy",
        "objective",
    ];
    for (k, _) in doc.iter() {
        let key = k.get_ref().as_ref();
        if !known.contains(&key) {
            cx.report(
                Place {
                    section: format!("[{key}]"),
                    line: Some(cx.line(&k.span())),
                    ..Place::default()
                },
                RosterSaid::UnknownSection {
                    suggestion: did_you_mean(key, known),
                },
            );
        }
    }
    let mut city_name = String::new();
    let mut districts = Vec::new();
    let mut between = crate::model::Between::default();
    for (k, v) in doc.iter() {
        let key = k.get_ref().as_ref();
        match (key, v.get_ref()) {
            ("city", DeValue::Table(t)) => {
                let tab = Tab::new(&cx, "[city]", t, &v.span());
                city_name = tab.str("name").unwrap_or_default();
                if tab.has("minutes_between_townships")
                    && let Some(m) = tab.count("minutes_between_townships", 600)
                {
                    between.minutes = m;
                }
                tab.finish();
            }
            ("district", DeValue::Array(a)) => {
                for item in a.iter() {
                    if let DeValue::Table(t) = item.get_ref() {
                        let tab = Tab::new(&cx, "[[district]]", t, &item.span());
                        let name = tab.req_str("name").unwrap_or_default();
                        let townships = tab.strs("townships").unwrap_or_default();
                        tab.finish();
                        districts.push(District { name, townships });
                    }
                }
            }
            ("township_road", DeValue::Array(a)) => {
                for item in a.iter() {
                    if let DeValue::Table(t) = item.get_ref() {
                        let tab = Tab::new(&cx, "[[township_road]]", t, &item.span());
                        let from = tab.req_str("from");
                        let to = tab.req_str("to");
                        let minutes = if tab.has("minutes") {
                            tab.count("minutes", 600)
                        } else {
                            tab.req_int("minutes").map(|_| 0)
                        };
                        tab.finish();
                        if let (Some(from), Some(to), Some(m)) = (from, to, minutes) {
                            between.pairs.push((from, to, m));
                        }
                    }
                }
            }
            (s, DeValue::Table(t)) if INHERITED.contains(&s) => {
                // The city's values checked once, with city.toml's lines: what
                // a township must give itself is not missing here.
                let tab = Tab::new(&cx, &format!("[{s}]"), t, &v.span());
                let before = cx.problems.borrow().len();
                super::sections::read_section(&tab, s);
                let mut all = cx.problems.borrow_mut();
                let found: Vec<Problem> = all
                    .drain(before..)
                    .filter(|p| !matches!(p.said, RosterSaid::MissingField))
                    .collect();
                all.extend(found);
            }
            _ => {}
        }
    }
    let problems = cx.problems.into_inner();
    if problems.is_empty() {
        Ok(Some(City {
            path,
            text: text.clone(),
            name: city_name,
            districts,
            between,
        }))
    } else {
        Err(Problems(problems))
    }
}

/// Merges the city's defaults into a township's tree: each field the
/// township's section does not set is taken from the city's. The inherited
/// values carry the township section's place, the nearest a message can point.
pub fn inherit<'a>(doc: &mut DeTable<'a>, city: &DeTable<'a>) {
    for s in INHERITED {
        let Some((_, from)) = city.iter().find(|(k, _)| k.get_ref().as_ref() == s) else {
            continue;
        };
        let DeValue::Table(from) = from.get_ref() else {
            continue;
        };
        let own = doc
            .iter_mut()
            .find(|(k, _)| k.get_ref().as_ref() == s)
            .map(|(_, v)| v);
        match own {
            None => {
                let key = toml::Spanned::new(0..0, std::borrow::Cow::Borrowed(s));
                let from: DeTable<'a> = from.clone();
                doc.insert(key, toml::Spanned::new(0..0, DeValue::Table(from)));
            }
            Some(v) => {
                let at = v.span();
                if let DeValue::Table(t) = v.get_mut() {
                    let set = |t: &DeTable, name: &str| {
                        same_rule(name)
                            .iter()
                            .any(|n| t.iter().any(|(o, _)| o.get_ref().as_ref() == *n))
                    };
                    for (k, x) in from.iter() {
                        let name = k.get_ref().as_ref();
                        if !set(t, name) {
                            let key = toml::Spanned::new(at.clone(), k.get_ref().clone());
                            t.insert(key, toml::Spanned::new(at.clone(), x.get_ref().clone()));
                        }
                    }
                }
            }
        }
    }
}

/// The inherited sections' fields a township's tree sets itself
/// (`policy.team`), before the city's are merged in.
pub fn own_fields(doc: &DeTable) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in doc.iter() {
        let s = k.get_ref().as_ref();
        if let (true, DeValue::Table(t)) = (INHERITED.contains(&s), v.get_ref()) {
            for (f, _) in t.iter() {
                for same in same_rule(f.get_ref().as_ref()) {
                    out.push(format!("{s}.{same}"));
                }
            }
        }
    }
    out
}

/// A township's problem with a value it takes from city.toml (not one of
/// `own`): placed at that value's line in city.toml, where it is changed,
/// the township named beside the section (排班规则（[policy]，城南街道沿用）).
pub fn place_inherited(p: &mut Problem, city: &City, own: &[String], township: &str) {
    let Some(section) = INHERITED
        .iter()
        .find(|s| p.place.section == format!("[{s}]"))
    else {
        return;
    };
    let Some(field) = &p.place.field else {
        return;
    };
    let field = field.split(['.', '[']).next().unwrap_or_default();
    if own.contains(&format!("{section}.{field}")) {
        return;
    }
    let Ok(doc) = DeTable::parse(&city.text) else {
        return;
    };
    let doc = doc.into_inner();
    let value = doc
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == *section)
        .and_then(|(_, v)| match v.get_ref() {
            DeValue::Table(t) => t.iter().find(|(k, _)| k.get_ref().as_ref() == field),
            _ => None,
        });
    let Some((key, _)) = value else {
        return;
    };
    let at = key.span().start.min(city.text.len());
    p.file = city.path.display().to_string();
    p.place.line = Some(city.text[..at].matches('\n').count() + 1);
    p.place.column = None;
    p.place.id = Some(township.to_string());
}

/// Fields that say one rule in other words: a township that gives any of
/// them takes none of the others from the city (`household_visits_per_member`
/// is `household_visits` by member, which a workbook writes).
fn same_rule(field: &str) -> Vec<&str> {
    const VISITS: [&str; 3] = [
        "household_visits",
        "household_visits_per_member",
        "household_visits_by",
    ];
    if VISITS.contains(&field) {
        VISITS.to_vec()
    } else {
        vec![field]
    }
}

/// The inherited fields each township sets to a value other than the
/// city's, township by township in file order.
pub fn overrides(city: &City, townships: &[(String, String)]) -> Vec<Override> {
    let Ok(c) = toml::from_str::<toml::Table>(&city.text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, text) in townships {
        let Ok(t) = toml::from_str::<toml::Table>(text) else {
            continue;
        };
        for s in INHERITED {
            let (Some(cs), Some(ts)) = (
                c.get(s).and_then(|v| v.as_table()),
                t.get(s).and_then(|v| v.as_table()),
            ) else {
                continue;
            };
            for (field, own) in ts {
                if let Some(cv) = cs.get(field)
                    && !same(field, cv, own)
                {
                    out.push(Override {
                        township: name.clone(),
                        field: format!("{s}.{field}"),
                        own: own.clone(),
                        city: cv.clone(),
                    });
                }
            }
        }
    }
    out
}

/// Two values of a field the same: weekdays compared as days (`周二` is
/// `Tue`), the rest as written.
fn same(field: &str, a: &toml::Value, b: &toml::Value) -> bool {
    let days = |v: &toml::Value| -> Option<Vec<chrono::Weekday>> {
        match v {
            toml::Value::String(s) => crate::days::weekday_named(s).map(|d| vec![d]),
            toml::Value::Array(a) => a
                .iter()
                .map(|d| d.as_str().and_then(crate::days::weekday_named))
                .collect(),
            _ => None,
        }
    };
    if matches!(field, "weekday" | "makeup_days" | "visit_days")
        && let (Some(x), Some(y)) = (days(a), days(b))
    {
        return x == y;
    }
    a == b
}

/// The city's inherited values, `section.field = value`, in file order.
pub fn inherited_values(city: &City) -> Vec<(String, toml::Value)> {
    let Ok(c) = toml::from_str::<toml::Table>(&city.text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in INHERITED {
        if let Some(t) = c.get(s).and_then(|v| v.as_table()) {
            for (k, v) in t {
                out.push((format!("{s}.{k}"), v.clone()));
            }
        }
    }
    out
}

/// The district a township belongs to: the one listing its name or file
/// stem, else its own `[township] district`.
pub fn district_of(
    city: Option<&City>,
    name: &str,
    stem: &str,
    own: Option<&str>,
) -> Option<String> {
    city.and_then(|c| {
        c.districts
            .iter()
            .find(|d| d.townships.iter().any(|t| t == name || t == stem))
            .map(|d| d.name.clone())
    })
    .or_else(|| own.map(str::to_string))
}

/// Where city.toml lists a township (by name or file stem): its
/// district's place and its own place in that district's list.
pub fn listed_at(city: Option<&City>, name: &str, stem: &str) -> Option<(usize, usize)> {
    city?.districts.iter().enumerate().find_map(|(i, d)| {
        d.townships
            .iter()
            .position(|t| t == name || t == stem)
            .map(|j| (i, j))
    })
}

/// What a district may list for a township: its name and its file stem.
pub fn township_keys(name: Option<&str>, file: &Path) -> Vec<String> {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
    name.map(str::to_string).into_iter().chain(stem).collect()
}

/// Each township a district lists that is none of the city's but resembles
/// a township of the folder in no district: a misspelt name, placed at its
/// line in city.toml, with the township it likely means. (A folder holding
/// only some of the city's townships is no mistake.)
/// `known` holds each township's [`township_keys`].
pub fn unknown_townships(city: &City, known: &[Vec<String>]) -> Vec<Problem> {
    let mut out = unknown_road_ends(city, known);
    out.extend(unknown_in_districts(city, known));
    out
}

/// Each end of a `[[township_road]]` that names no township of the folder
/// by its name (a file name, a misspelling, or a township no district lists
/// either): without this its road would silently not count.
fn unknown_road_ends(city: &City, known: &[Vec<String>]) -> Vec<Problem> {
    let names: Vec<&str> = known
        .iter()
        .filter_map(|k| k.first())
        .map(String::as_str)
        .collect();
    let listed = |t: &str| {
        city.districts
            .iter()
            .any(|d| d.townships.iter().any(|x| x == t))
    };
    let mut out = Vec::new();
    for (from, to, _) in &city.between.pairs {
        for (field, t) in [("from", from), ("to", to)] {
            if names.contains(&t.as_str()) {
                continue;
            }
            // A file name stands for its township's name.
            let by_file = known
                .iter()
                .find(|k| k.len() > 1 && k[1..].contains(t))
                .map(|k| k[0].clone());
            let suggestion = by_file.or_else(|| did_you_mean(t, names.iter().copied()));
            if suggestion.is_none() && listed(t) {
                continue; // a township of the city not in this folder
            }
            let quoted = format!("{field} = \"{t}\"");
            let line = city
                .text
                .find(&quoted)
                .map(|at| city.text[..at].matches('\n').count() + 1);
            out.push(Problem {
                file: city.path.display().to_string(),
                place: Place {
                    section: "[[township_road]]".into(),
                    id: None,
                    field: Some(field.into()),
                    line,
                    column: None,
                },
                said: RosterSaid::Across(crate::wording::across::AcrossSaid::NoSuchRoadTownship {
                    given: t.clone(),
                    suggestion,
                }),
            });
        }
    }
    out
}

fn unknown_in_districts(city: &City, known: &[Vec<String>]) -> Vec<Problem> {
    let listed = |k: &String| city.districts.iter().any(|d| d.townships.contains(k));
    let left_out: Vec<&String> = known
        .iter()
        .filter(|keys| !keys.iter().any(listed))
        .flatten()
        .collect();
    if left_out.is_empty() {
        return Vec::new();
    }
    let known: Vec<&String> = known.iter().flatten().collect();
    let mut out = Vec::new();
    for d in &city.districts {
        for t in &d.townships {
            if known.contains(&t) {
                continue;
            }
            // A misspelling has a township left out that it resembles.
            let Some(suggestion) = did_you_mean(t, left_out.iter().map(|k| k.as_str())) else {
                continue;
            };
            let quoted = format!("\"{t}\"");
            let line = city
                .text
                .find(&quoted)
                .map(|at| city.text[..at].matches('\n').count() + 1);
            out.push(Problem {
                file: city.path.display().to_string(),
                place: Place {
                    section: "[[district]]".into(),
                    id: Some(d.name.clone()),
                    field: Some("townships".into()),
                    line,
                    column: None,
                },
                said: RosterSaid::Across(crate::wording::across::AcrossSaid::NoSuchTownship {
                    district: d.name.clone(),
                    given: t.clone(),
                    suggestion: Some(suggestion),
                }),
            });
        }
    }
    out
}
