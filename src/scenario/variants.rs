//! What-if variants: a scenarios file names variants of a roster, each a set
//! of overrides — any `[policy]`, `[station]` or `[objective]` field; fields
//! of units, cadres or helpers by id (a unit's cadence, a cadre's units
//! bound…), of meetings by title, holidays and workdays by name, roads by
//! their two ends; any of these removed or added. Overrides of units and
//! people are checked against the roster's own field list, and each variant
//! is read back through the roster validator, so a variant is exactly a
//! roster. The whole format is in docs/whatif.md.
//!
//! ```toml
//! [[variant]]
//! name = "2–4 units a leader"
//! policy = { units_per_leader = [2, 4] }
//!
//! [[variant]]
//! name = "remote villages fortnightly"
//! units = [{ id = "linshang", cadence = "biweekly" }]
//! remove = ["lao-gx"]                       # ids of cadres, helpers or units
//! add_cadre = [{ id = "new", name = "新干部" }]  # also add_helper, add_unit
//! ```

use toml::de::{DeTable, DeValue};

use crate::model::Place;
use crate::roster::{self, Problem, Problems};
use crate::wording::roster::RosterSaid;

/// One variant: its name and the roster it makes (or why it cannot).
#[derive(Debug)]
pub struct Variant {
    pub name: String,
    pub roster: Result<crate::model::Roster, Problems>,
}

const SECTIONS: [&str; 3] = ["policy", "station", "objective"];
/// Array sections a variant changes entry by entry: the variant's key, the
/// roster's section, and the field naming an entry (`ENDS`: a road's two ends).
const BY_ID: [(&str, &str, &str); 7] = [
    ("units", "unit", "id"),
    ("cadres", "cadre", "id"),
    ("helpers", "helper", "id"),
    ("meetings", "meeting", "title"),
    ("holidays", "holiday", "name"),
    ("workdays", "workday", "name"),
    ("roads", "road", ENDS),
];
const ADDS: [(&str, &str); 7] = [
    ("add_unit", "unit"),
    ("add_cadre", "cadre"),
    ("add_helper", "helper"),
    ("add_meeting", "meeting"),
    ("add_holiday", "holiday"),
    ("add_workday", "workday"),
    ("add_road", "road"),
];
/// Removals of entries not named by id: the key, section and naming field.
const REMOVES: [(&str, &str, &str); 4] = [
    ("remove_meeting", "meeting", "title"),
    ("remove_holiday", "holiday", "name"),
    ("remove_workday", "workday", "name"),
    ("remove_road", "road", ENDS),
];
const ENDS: &str = "from+to";

/// What names an entry, taken from an override or removal `item`: a string
/// (a title or name), or the naming field(s) of a table.
fn wanted(ident: &str, item: &toml::Value) -> Option<(String, Option<String>)> {
    let field = |k: &str| item.get(k).and_then(|v| v.as_str()).map(str::to_string);
    if ident == ENDS {
        return Some((field("from")?, Some(field("to")?)));
    }
    match item.as_str() {
        Some(s) => Some((s.to_string(), None)),
        None => Some((field(ident)?, None)),
    }
}

/// Whether roster entry `e` is the one `want` names; a road either way round.
fn is_entry(ident: &str, e: &toml::Value, want: &(String, Option<String>)) -> bool {
    let f = |k: &str| e.get(k).and_then(|v| v.as_str());
    match &want.1 {
        Some(to) if ident == ENDS => {
            let (a, b) = (Some(want.0.as_str()), Some(to.as_str()));
            (f("from"), f("to")) == (a, b) || (f("from"), f("to")) == (b, a)
        }
        _ => f(ident) == Some(want.0.as_str()),
    }
}

/// How a missing entry is said: an unknown unit, person, or entry by name.
fn not_found(section: &str, want: &(String, Option<String>)) -> RosterSaid {
    let id = match &want.1 {
        Some(to) => format!("{}–{to}", want.0),
        None => want.0.clone(),
    };
    match section {
        "unit" => RosterSaid::UnknownUnit {
            id,
            suggestion: None,
        },
        "cadre" | "helper" => RosterSaid::UnknownPerson {
            id,
            suggestion: None,
        },
        _ => RosterSaid::NoSuchEntry {
            section: section.to_string(),
            name: id,
        },
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn problem(
    file: &str,
    section: &str,
    id: Option<&str>,
    field: Option<&str>,
    line: usize,
    said: RosterSaid,
) -> Problem {
    Problem {
        file: file.to_string(),
        place: Place {
            section: section.to_string(),
            id: id.map(str::to_string),
            field: field.map(str::to_string),
            line: Some(line),
            column: None,
        },
        said,
    }
}

/// The variant's keys that can change a roster section.
fn override_keys(section: &str) -> &'static [&'static str] {
    match section {
        "[policy]" => &["policy"],
        "[station]" => &["station"],
        "[objective]" => &["objective"],
        "[[unit]]" => &["units", "add_unit"],
        "[[cadre]]" => &["cadres", "add_cadre"],
        "[[helper]]" => &["helpers", "add_helper"],
        "[[meeting]]" => &["meetings", "add_meeting", "remove_meeting"],
        "[[holiday]]" => &["holidays", "add_holiday", "remove_holiday"],
        "[[workday]]" => &["workdays", "add_workday", "remove_workday"],
        "[[road]]" => &["roads", "add_road", "remove_road"],
        _ => &[],
    }
}

fn key_of<'a>(t: &'a DeTable, key: &str) -> Option<&'a toml::Spanned<DeValue<'a>>> {
    t.iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

/// Reads the scenarios file and builds every variant from the base roster's text.
/// Errors in the scenarios file itself (unknown fields or ids) fail the whole file.
pub fn read(
    roster_text: &str,
    roster_name: &str,
    scenarios_text: &str,
    scenarios_name: &str,
) -> Result<Vec<Variant>, Problems> {
    let file = scenarios_name;
    let doc = DeTable::parse(scenarios_text).map_err(|e| {
        Problems(vec![problem(
            file,
            "",
            None,
            None,
            e.span()
                .map(|s| line_of(scenarios_text, s.start))
                .unwrap_or(1),
            RosterSaid::Syntax {
                detail: e.message().trim().to_string(),
            },
        )])
    })?;
    let plain: toml::Table = toml::from_str(scenarios_text).map_err(|e| {
        Problems(vec![problem(
            file,
            "",
            None,
            None,
            1,
            RosterSaid::Syntax {
                detail: e.to_string(),
            },
        )])
    })?;
    let base: toml::Table = toml::from_str(roster_text).map_err(|e| {
        Problems(vec![problem(
            roster_name,
            "",
            None,
            None,
            1,
            RosterSaid::Syntax {
                detail: e.to_string(),
            },
        )])
    })?;
    let mut problems = Vec::new();
    let doc = doc.into_inner();
    for (k, _) in doc.iter() {
        if k.get_ref().as_ref() != "variant" {
            problems.push(problem(
                file,
                &format!("[{}]", k.get_ref()),
                None,
                None,
                line_of(scenarios_text, k.span().start),
                RosterSaid::UnknownSection {
                    suggestion: roster::did_you_mean(k.get_ref(), ["variant"]),
                },
            ));
        }
    }
    let spanned: Vec<&toml::Spanned<DeValue>> = match key_of(&doc, "variant").map(|v| v.get_ref()) {
        Some(DeValue::Array(a)) => a.iter().collect(),
        _ => Vec::new(),
    };
    let plain_variants = plain
        .get("variant")
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    let mut out = Vec::new();
    for (sv, pv) in spanned.iter().zip(plain_variants.iter()) {
        let (DeValue::Table(st), Some(pt)) = (sv.get_ref(), pv.as_table()) else {
            continue;
        };
        let vline = line_of(scenarios_text, sv.span().start);
        let name = pt.get("name").and_then(|n| n.as_str()).map(str::to_string);
        let Some(name) = name else {
            problems.push(problem(
                file,
                "[[variant]]",
                None,
                Some("name"),
                vline,
                RosterSaid::MissingField,
            ));
            continue;
        };
        let at = |key: &str, v: Option<&toml::Spanned<DeValue>>| {
            v.map(|v| line_of(scenarios_text, v.span().start))
                .unwrap_or_else(|| {
                    key_of(st, key)
                        .map(|v| line_of(scenarios_text, v.span().start))
                        .unwrap_or(vline)
                })
        };
        let mut r = base.clone();
        let mut ok = true;
        let mut bad = |field: String, line: usize, said: RosterSaid| {
            problems.push(problem(
                file,
                "[[variant]]",
                Some(&name),
                Some(&field),
                line,
                said,
            ));
        };
        for (key, value) in pt {
            let key = key.as_str();
            if key == "name" {
                continue;
            }
            if SECTIONS.contains(&key) {
                let known = roster::known_fields(key);
                let Some(over) = value.as_table() else {
                    bad(
                        key.into(),
                        at(key, None),
                        RosterSaid::WrongType {
                            expected: "table",
                            found: "other",
                        },
                    );
                    ok = false;
                    continue;
                };
                for (f, v) in over {
                    if !known.contains(&f.as_str()) {
                        bad(
                            format!("{key}.{f}"),
                            at(key, None),
                            RosterSaid::UnknownField {
                                suggestion: roster::did_you_mean(f, known.iter().copied()),
                            },
                        );
                        ok = false;
                        continue;
                    }
                    let sect = r
                        .entry(key.to_string())
                        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
                    if let Some(t) = sect.as_table_mut() {
                        t.insert(f.clone(), v.clone());
                    }
                }
            } else if let Some((_, section, ident)) = BY_ID.iter().find(|(k, _, _)| *k == key) {
                // Units and people are checked here; other sections by the
                // roster validator when the variant is read back.
                let known = roster::known_fields(section);
                for item in value.as_array().into_iter().flatten() {
                    let Some(over) = item.as_table() else {
                        continue;
                    };
                    let Some(want) = wanted(ident, item) else {
                        let field = if *ident == ENDS { "from" } else { ident };
                        bad(
                            format!("{key}.{field}"),
                            at(key, None),
                            RosterSaid::MissingField,
                        );
                        ok = false;
                        continue;
                    };
                    let entries = r.get_mut(*section).and_then(|v| v.as_array_mut());
                    let targets: Vec<&mut toml::Value> = entries
                        .into_iter()
                        .flatten()
                        .filter(|e| is_entry(ident, e, &want))
                        .collect();
                    if targets.is_empty() {
                        bad(
                            format!("{key}.{ident}"),
                            at(key, None),
                            not_found(section, &want),
                        );
                        ok = false;
                        continue;
                    }
                    for target in targets {
                        let Some(target) = target.as_table_mut() else {
                            continue;
                        };
                        for (f, v) in over {
                            if f == ident || (*ident == ENDS && (f == "from" || f == "to")) {
                                continue;
                            }
                            if !known.is_empty() && !known.contains(&f.as_str()) {
                                bad(
                                    format!("{key}.{f}"),
                                    at(key, None),
                                    RosterSaid::UnknownField {
                                        suggestion: roster::did_you_mean(f, known.iter().copied()),
                                    },
                                );
                                ok = false;
                                continue;
                            }
                            target.insert(f.clone(), v.clone());
                        }
                    }
                }
            } else if let Some((_, section, ident)) = REMOVES.iter().find(|(k, _, _)| *k == key) {
                for item in value.as_array().into_iter().flatten() {
                    let Some(want) = wanted(ident, item) else {
                        bad(key.into(), at(key, None), RosterSaid::MissingField);
                        ok = false;
                        continue;
                    };
                    let arr = r.get_mut(*section).and_then(|v| v.as_array_mut());
                    let removed = arr.is_some_and(|arr| {
                        let before = arr.len();
                        arr.retain(|e| !is_entry(ident, e, &want));
                        arr.len() != before
                    });
                    if !removed {
                        bad(key.into(), at(key, None), not_found(section, &want));
                        ok = false;
                    }
                }
            } else if key == "remove" {
                for id in value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str())
                {
                    let mut found = false;
                    for section in ["unit", "cadre", "helper"] {
                        if let Some(arr) = r.get_mut(section).and_then(|v| v.as_array_mut()) {
                            let before = arr.len();
                            arr.retain(|t| t.get("id").and_then(|i| i.as_str()) != Some(id));
                            found |= arr.len() != before;
                        }
                    }
                    if !found {
                        bad(
                            "remove".into(),
                            at("remove", None),
                            RosterSaid::UnknownPerson {
                                id: id.into(),
                                suggestion: None,
                            },
                        );
                        ok = false;
                    }
                }
            } else if let Some((_, section)) = ADDS.iter().find(|(k, _)| *k == key) {
                let arr = r
                    .entry(section.to_string())
                    .or_insert_with(|| toml::Value::Array(Vec::new()));
                if let (Some(arr), Some(items)) = (arr.as_array_mut(), value.as_array()) {
                    arr.extend(items.iter().cloned());
                }
            } else {
                let known: Vec<&str> = ["name", "remove"]
                    .into_iter()
                    .chain(SECTIONS)
                    .chain(BY_ID.map(|b| b.0))
                    .chain(ADDS.map(|a| a.0))
                    .chain(REMOVES.map(|a| a.0))
                    .collect();
                bad(
                    key.into(),
                    at(key, None),
                    RosterSaid::UnknownField {
                        suggestion: roster::did_you_mean(key, known),
                    },
                );
                ok = false;
            }
        }
        if ok {
            let text = toml::to_string(&r).expect("a roster table serialises");
            match roster::load_str(&text, &format!("{roster_name} [{name}]")) {
                // Bad values the overrides brought in are the scenarios
                // file's errors: placed there, at the override's line.
                Err(p) if !p.0.iter().all(|x| x.said.means_no_plan()) => {
                    for mut x in p.0 {
                        let keys = override_keys(&x.place.section);
                        x.place.line = Some(
                            keys.iter()
                                .find_map(|k| key_of(st, k))
                                .map_or(vline, |v| line_of(scenarios_text, v.span().start)),
                        );
                        x.file = file.to_string();
                        problems.push(x);
                    }
                }
                roster => out.push(Variant { name, roster }),
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Problems(problems))
    }
}
