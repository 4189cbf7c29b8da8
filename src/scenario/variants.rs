//! What-if variants: a scenarios file names variants of a roster, each a set
//! of overrides — any `[policy]`, `[station]` or `[objective]` field; fields
//! of units, cadres or helpers by id (a unit's cadence, a cadre's units
//! bound…), of meetings by title, holidays and workdays by name, roads by
//! their two ends; any of these removed or added. Overrides of units and
//! people are checked against the roster's own field list, and each variant
//! is read back through the roster validator, so a variant is exactly a
//! roster. Units may also be chosen by what they are (`where`, see
//! `select`), and in a city run a variant may be limited to some townships
//! or districts (`townships`, `districts`). The whole format is in
//! docs/whatif.md.
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

use super::select;
use crate::model::{Place, Roster};
use crate::roster::city::City;
use crate::roster::{self, Problem, Problems};
use crate::wording::roster::RosterSaid;
use crate::wording::scenario::VariantSaid;

/// One variant: its name and the roster it makes (or why it cannot).
#[derive(Debug)]
pub struct Variant {
    pub name: String,
    pub roster: Result<Roster, Problems>,
    /// Each `where` of the variant: its line in the scenarios file and how
    /// many units it selected in this roster.
    pub selections: Vec<(usize, usize)>,
}

/// The roster a scenarios file applies to.
pub struct Base<'a> {
    /// The roster's own TOML text (a city's defaults not merged in).
    pub text: &'a str,
    pub name: &'a str,
    /// The roster as read, for the `where` selectors and the district.
    pub roster: &'a Roster,
    /// The city whose defaults the township inherits.
    pub city: Option<&'a City>,
    /// In a city run, the township; `None` for a township run.
    pub township: Option<Scope<'a>>,
}

/// A township of a city run, as `townships` and `districts` name it.
pub struct Scope<'a> {
    pub name: &'a str,
    /// Its file name without `.toml`.
    pub stem: &'a str,
    pub district: Option<&'a str>,
}

/// What a scenarios file makes of one township.
#[derive(Debug)]
pub struct Read {
    /// Every variant in file order; `None` where the variant names other
    /// townships or districts (the township stays as it is).
    pub variants: Vec<Option<Variant>>,
    /// In a city run: entries a variant names (by id, title or name) that
    /// this township lacks, with the variant's index. Not an error unless
    /// no township the variant applies to has them.
    pub missing: Vec<(usize, Problem)>,
}

/// Whether the variant's `townships` / `districts` (if any) take this township.
fn takes(pt: &toml::Table, s: &Scope) -> bool {
    let names = |k: &str| -> Vec<String> {
        pt.get(k)
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let (towns, districts) = (names("townships"), names("districts"));
    if pt.get("townships").is_none() && pt.get("districts").is_none() {
        return true;
    }
    towns.iter().any(|t| t == s.name || t == s.stem)
        || s.district.is_some_and(|d| districts.iter().any(|x| x == d))
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

/// How a missing entry is said: an unknown unit, person, or entry by name;
/// a unit or person with the entry of its section in `roster` it most
/// likely meant; a cadre's id under `helpers` (or the other way round) as
/// the other kind of person.
fn not_found(section: &str, want: &(String, Option<String>), roster: &toml::Table) -> RosterSaid {
    let id = match &want.1 {
        Some(to) => format!("{}–{to}", want.0),
        None => want.0.clone(),
    };
    let other = match section {
        "cadre" => Some("helper"),
        "helper" => Some("cadre"),
        _ => None,
    };
    if let Some(e) = other
        .and_then(|o| roster.get(o)?.as_array())
        .into_iter()
        .flatten()
        .find(|e| text_field(e, "id") == id)
    {
        return RosterSaid::Variant(VariantSaid::OtherKind {
            name: text_field(e, "name").to_string(),
            helper: section == "cadre",
            id,
        });
    }
    let entries = roster.get(section);
    let known: Vec<(&str, &str)> = entries
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .map(|e| (text_field(e, "id"), text_field(e, "name")))
        .filter(|(i, _)| !i.is_empty())
        .collect();
    let suggestion = || crate::roster::guess::guess(&id, known.iter().copied());
    match section {
        "unit" => RosterSaid::UnknownUnit {
            suggestion: suggestion(),
            id,
        },
        "cadre" | "helper" => RosterSaid::Variant(VariantSaid::UnknownId {
            suggestion: suggestion(),
            units: false,
            id,
        }),
        _ => RosterSaid::NoSuchEntry {
            section: section.to_string(),
            name: id,
        },
    }
}

/// A roster entry's text field, empty when it has none.
fn text_field<'v>(e: &'v toml::Value, k: &str) -> &'v str {
    e.get(k).and_then(|v| v.as_str()).unwrap_or("")
}

pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

pub(super) fn problem(
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
    let roster = roster::load_str(roster_text, roster_name)?;
    let base = Base {
        text: roster_text,
        name: roster_name,
        roster: &roster,
        city: None,
        township: None,
    };
    let read = read_in(&base, scenarios_text, scenarios_name)?;
    Ok(read.variants.into_iter().flatten().collect())
}

/// [`read`] for a roster already read, maybe a township of a city.
pub fn read_in(base: &Base, scenarios_text: &str, scenarios_name: &str) -> Result<Read, Problems> {
    let (roster_text, roster_name) = (base.text, base.name);
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
    let roster_table: toml::Table = toml::from_str(roster_text).map_err(|e| {
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
    let mut missing = Vec::new();
    for (vi, (sv, pv)) in spanned.iter().zip(plain_variants.iter()).enumerate() {
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
        let item_line = |key: &str, i: usize| {
            key_of(st, key)
                .and_then(|v| match v.get_ref() {
                    DeValue::Array(a) => a.get(i).map(|x| line_of(scenarios_text, x.span().start)),
                    _ => None,
                })
                .unwrap_or_else(|| at(key, None))
        };
        let scoped = ["townships", "districts"]
            .into_iter()
            .find(|k| pt.contains_key(*k));
        match (&base.township, scoped) {
            (Some(s), Some(_)) if !takes(pt, s) => {
                out.push(None);
                continue;
            }
            (None, Some(k)) => {
                problems.push(problem(
                    file,
                    "[[variant]]",
                    Some(&name),
                    Some(k),
                    at(k, None),
                    RosterSaid::Variant(VariantSaid::ScopeNeedsCity),
                ));
                continue;
            }
            _ => {}
        }
        let lenient = base.township.is_some();
        let mut lacking = Vec::new();
        let mut selections = Vec::new();
        let mut r = roster_table.clone();
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
            if ["name", "townships", "districts"].contains(&key) {
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
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    let Some(over) = item.as_table() else {
                        continue;
                    };
                    // The fields set, checked once however many entries they change.
                    let mut fields_ok = true;
                    for f in over.keys() {
                        let naming = f == ident
                            || (*ident == ENDS && (f == "from" || f == "to"))
                            || (*section == "unit" && f == "where");
                        if !naming && !known.is_empty() && !known.contains(&f.as_str()) {
                            bad(
                                format!("{key}.{f}"),
                                at(key, None),
                                RosterSaid::UnknownField {
                                    suggestion: roster::did_you_mean(f, known.iter().copied()),
                                },
                            );
                            fields_ok = false;
                        }
                    }
                    if !fields_ok {
                        ok = false;
                        continue;
                    }
                    let chosen: Vec<(String, Option<String>)> = match over.get("where") {
                        Some(_) if *section != "unit" => Vec::new(),
                        Some(_) if over.contains_key("id") => {
                            bad(
                                format!("{key}.where"),
                                item_line(key, i),
                                RosterSaid::Variant(VariantSaid::IdAndWhere),
                            );
                            ok = false;
                            continue;
                        }
                        Some(w) => match select::parse(w) {
                            Err((field, said)) => {
                                bad(format!("{key}.{field}"), item_line(key, i), said);
                                ok = false;
                                continue;
                            }
                            Ok(w) => {
                                let ids = w.select(base.roster);
                                selections.push((item_line(key, i), ids.len()));
                                ids.into_iter().map(|id| (id, None)).collect()
                            }
                        },
                        None => match wanted(ident, item) {
                            Some(want) => vec![want],
                            None => Vec::new(),
                        },
                    };
                    if chosen.is_empty() && !over.contains_key("where") {
                        let field = if *ident == ENDS { "from" } else { ident };
                        bad(
                            format!("{key}.{field}"),
                            at(key, None),
                            RosterSaid::MissingField,
                        );
                        ok = false;
                        continue;
                    }
                    for want in &chosen {
                        let entries = r.get_mut(*section).and_then(|v| v.as_array_mut());
                        let targets: Vec<&mut toml::Value> = entries
                            .into_iter()
                            .flatten()
                            .filter(|e| is_entry(ident, e, want))
                            .collect();
                        if targets.is_empty() {
                            let (field, said) =
                                (format!("{key}.{ident}"), not_found(section, want, &r));
                            if lenient {
                                let p = problem(
                                    file,
                                    "[[variant]]",
                                    Some(&name),
                                    Some(&field),
                                    at(key, None),
                                    said,
                                );
                                lacking.push(p);
                            } else {
                                bad(field, at(key, None), said);
                                ok = false;
                            }
                            continue;
                        }
                        for target in targets {
                            let Some(target) = target.as_table_mut() else {
                                continue;
                            };
                            for (f, v) in over {
                                let naming = f == ident
                                    || (*ident == ENDS && (f == "from" || f == "to"))
                                    || f == "where";
                                if !naming {
                                    target.insert(f.clone(), v.clone());
                                }
                            }
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
                    if !removed && lenient {
                        let said = not_found(section, &want, &r);
                        lacking.push(problem(
                            file,
                            "[[variant]]",
                            Some(&name),
                            Some(key),
                            at(key, None),
                            said,
                        ));
                    } else if !removed {
                        bad(key.into(), at(key, None), not_found(section, &want, &r));
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
                    // The entry most likely meant, among what `remove` takes.
                    let entries: Vec<&toml::Value> = ["unit", "cadre", "helper"]
                        .iter()
                        .filter_map(|s| r.get(*s)?.as_array())
                        .flatten()
                        .collect();
                    let said = RosterSaid::Variant(VariantSaid::UnknownId {
                        id: id.into(),
                        units: true,
                        suggestion: crate::roster::guess::guess(
                            id,
                            entries
                                .iter()
                                .map(|e| (text_field(e, "id"), text_field(e, "name")))
                                .filter(|(i, _)| !i.is_empty()),
                        ),
                    });
                    if !found && lenient {
                        let at = at("remove", None);
                        lacking.push(problem(
                            file,
                            "[[variant]]",
                            Some(&name),
                            Some("remove"),
                            at,
                            said,
                        ));
                    } else if !found {
                        bad("remove".into(), at("remove", None), said);
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
                let known: Vec<&str> = ["name", "remove", "townships", "districts"]
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
        missing.extend(lacking.into_iter().map(|p| (vi, p)));
        if ok {
            let text = toml::to_string(&r).expect("a roster table serialises");
            let label = format!("{roster_name} [{name}]");
            // A township of a city inherits the city's defaults, as its base did.
            let loaded = match roster::load_all_str_in(&text, &label, base.city) {
                Ok(mut all) if all.len() == 1 => {
                    let mut r = all.remove(0);
                    r.township.district = base.roster.township.district.clone();
                    Ok(r)
                }
                Ok(_) => roster::load_str(&text, &label),
                Err(p) => Err(p),
            };
            // What the overrides brought in is the variant's doing: said
            // at the override's line in the scenarios file (else the
            // variant's), not at a line of the roster the variant changed.
            let at_variant = |p: Problems| {
                let placed = p.0.into_iter().map(|mut x| {
                    let keys = override_keys(&x.place.section);
                    x.place.line = Some(
                        keys.iter()
                            .find_map(|k| key_of(st, k))
                            .map_or(vline, |v| line_of(scenarios_text, v.span().start)),
                    );
                    x.file = file.to_string();
                    // Not the township's inheritance from city.toml: the
                    // variant's own value.
                    if !x.place.section.starts_with("[[") {
                        x.place.id = None;
                    }
                    x
                });
                Problems(placed.collect())
            };
            match loaded.map_err(at_variant) {
                // Bad values are the scenarios file's errors; counts that
                // cannot work leave the variant unplanned.
                Err(p) if !p.0.iter().all(|x| x.said.means_no_plan()) => problems.extend(p.0),
                roster => out.push(Some(Variant {
                    name,
                    roster,
                    selections,
                })),
            }
        }
    }
    if problems.is_empty() {
        Ok(Read {
            variants: out,
            missing,
        })
    } else {
        Err(Problems(problems))
    }
}
