//! Reading and validating a roster: TOML text in, a checked [`Roster`] out,
//! or every problem found, each with its place. This file holds the entry
//! points (`load`, `load_all`, their `_str` forms, a folder's roster files)
//! and the problem types; `read` is the careful reader over TOML's spanned
//! tree, `sections` and `entries` read the roster's parts, `validate` checks
//! across sections and `summary` says what was read. Nothing here panics on
//! bad input; the road network's travel times are computed once, here, and
//! kept on the roster for everything after.

pub mod across;
pub mod city;
pub mod clash;
mod entries;
pub mod fullwidth;
pub mod guess;
mod position;
mod read;
mod sections;
pub mod succession;
pub mod summary;
mod validate;

use std::path::Path;

use sha2::{Digest, Sha256};
use toml::de::{DeTable, DeValue};

use crate::model::*;
use crate::wording::roster::{RosterSaid, place_named};
use crate::wording::{Lang, Say};
pub use read::did_you_mean;
use read::{Cx, Tab};
pub use sections::known_fields;
use sections::read_roster;

/// One thing wrong with a roster, where it is and what it is.
#[derive(Debug, Clone)]
pub struct Problem {
    pub file: String,
    pub place: Place,
    pub said: RosterSaid,
}

impl Problem {
    pub fn render(&self, lang: Lang) -> String {
        self.render_named(&EntryNames::new(), lang)
    }

    /// As [`Problem::render`], the entry named by its name where `names`
    /// (of this problem's file) has it.
    pub fn render_named(&self, names: &EntryNames, lang: Lang) -> String {
        if self.file.is_empty() && self.place == Place::default() {
            return self.said.say(lang);
        }
        // A workbook's problem is placed at its cell ("村居!A2"): its entry
        // is looked up by the section its sheet holds.
        // A row of 外出 or 村组 names its person or unit by id: their name
        // is under whichever section holds that id.
        let sections = match crate::workbook::schema::section_of_place(&self.place.section) {
            Some(s) => vec![s],
            None => ["[[cadre]]", "[[helper]]", "[[unit]]"]
                .map(String::from)
                .to_vec(),
        };
        let name = self.place.id.as_ref().and_then(|id| {
            sections
                .iter()
                .find_map(|s| names.get(&(s.clone(), id.clone())))
        });
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        format!(
            "{}{sep}{}",
            place_named(&self.file, &self.place, name.map(String::as_str), lang),
            self.said.say(lang)
        )
    }
}

/// The names of a roster's units, cadres and helpers, by (section, id):
/// ("[[cadre]]", "chen-gh") → "陈国华".
pub type EntryNames = std::collections::BTreeMap<(String, String), String>;

/// The names [`EntryNames`] holds, read from a roster's text as far as it
/// parses (none from text that is not TOML).
pub fn entry_names(text: &str) -> EntryNames {
    let mut out = EntryNames::new();
    let Ok(doc) = toml::from_str::<toml::Table>(text) else {
        return out;
    };
    for key in ["unit", "cadre", "helper"] {
        let Some(toml::Value::Array(entries)) = doc.get(key) else {
            continue;
        };
        for e in entries {
            if let (Some(toml::Value::String(id)), Some(toml::Value::String(name))) =
                (e.get("id"), e.get("name"))
                && !name.trim().is_empty()
            {
                out.insert((format!("[[{key}]]"), id.clone()), name.clone());
            }
        }
    }
    out
}

/// The names [`EntryNames`] of a roster file, a TOML file or a workbook
/// (as far as its sheets read); none when it cannot be read.
pub fn entry_names_in(path: &Path) -> EntryNames {
    if crate::workbook::is_workbook(path) {
        return crate::input::check(path)
            .ok()
            .and_then(|_| std::fs::read(path).ok())
            .and_then(|b| crate::workbook::read::read(&b).ok())
            .map(|r| entry_names(&r.toml))
            .unwrap_or_default();
    }
    crate::input::read_to_string(path)
        .map(|t| entry_names(&t))
        .unwrap_or_default()
}

/// The names [`EntryNames`] holds, from a roster already read.
pub fn entry_names_of(r: &Roster) -> EntryNames {
    let mut out = EntryNames::new();
    let named = r
        .units
        .iter()
        .map(|u| ("[[unit]]", &u.id, &u.name))
        .chain(r.cadres.iter().map(|c| ("[[cadre]]", &c.id, &c.name)))
        .chain(r.helpers.iter().map(|h| ("[[helper]]", &h.id, &h.name)));
    for (section, id, name) in named.filter(|(_, _, n)| !n.trim().is_empty()) {
        out.insert((section.to_string(), id.clone()), name.clone());
    }
    out
}

/// Every problem found in a roster, in file order.
#[derive(Debug, Clone, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn render(&self, lang: Lang) -> String {
        self.0.iter().map(|p| p.render(lang) + "\n").collect()
    }

    /// As [`Problems::render`], entries said by name where `names` gives
    /// the names of a problem's file (by the file as the problem names it).
    pub fn render_named(&self, names: &dyn Fn(&str) -> EntryNames, lang: Lang) -> String {
        let mut cache: std::collections::BTreeMap<String, EntryNames> = Default::default();
        self.0
            .iter()
            .map(|p| {
                let n = cache
                    .entry(p.file.clone())
                    .or_insert_with(|| names(&p.file));
                p.render_named(n, lang) + "\n"
            })
            .collect()
    }
}

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::current()))
    }
}

pub const SECTIONS: [&str; 12] = [
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
    "junction",
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
/// of roster files (sorted by name): every township in it. A folder's (or a
/// file's folder's) city.toml gives the values its townships inherit.
pub fn load_all(path: &Path) -> Result<Vec<Roster>, Problems> {
    let name = path.display().to_string();
    if path.is_dir() {
        let files = roster_files(path).map_err(|e| unreadable(&name, &e.to_string()))?;
        if files.is_empty() {
            return Err(no_roster_files(path));
        }
        let city = city::read(path)?;
        let mut out = Vec::new();
        let mut problems = Vec::new();
        for f in files {
            match load_in_city(&f, city.as_ref()) {
                Ok(r) => out.extend(r),
                Err(p) => problems.extend(p.0),
            }
        }
        if let Some(c) = &city {
            let known: Vec<Vec<String>> = out
                .iter()
                .map(|r| city::township_keys(Some(&r.township.name), Path::new(&r.source)))
                .collect();
            problems.extend(city::unknown_townships(c, &known));
        }
        return if problems.is_empty() {
            checked_across(out)
        } else {
            Err(Problems(problems))
        };
    }
    // A township of a city folder inherits its city's values even when read alone.
    let city = match path.parent() {
        Some(dir) if path.file_name().is_some_and(|n| n != city::CITY_FILE) => city::read(dir)?,
        _ => None,
    };
    checked_across(load_in_city(path, city.as_ref())?)
}

/// A city's townships once the checks across them pass (one township: as is).
fn checked_across(all: Vec<Roster>) -> Result<Vec<Roster>, Problems> {
    if all.len() > 1 {
        across::across(&all.iter().collect::<Vec<_>>())?;
    }
    Ok(all)
}

/// Reads a roster file (or city file) of a city folder whose city.toml
/// (`city`) gives the defaults it inherits and the districts.
pub fn load_in_city(path: &Path, city: Option<&city::City>) -> Result<Vec<Roster>, Problems> {
    let name = path.display().to_string();
    let refused = |e: crate::input::InputError| unreadable(&name, &e.say(Lang::current()));
    crate::input::check(path).map_err(refused)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if crate::workbook::is_workbook(path) {
        // A workbook's township goes in the district listing its name or stem.
        let mut all = crate::workbook::load_in(path, city)?;
        for r in &mut all {
            r.township.district = city::district_of(
                city,
                &r.township.name,
                &stem,
                r.township.district.as_deref(),
            );
            r.township.listed_at = city::listed_at(city, &r.township.name, &stem);
            r.township.between = city.map(|c| c.between.clone()).unwrap_or_default();
        }
        return Ok(all);
    }
    let text = match crate::input::read_text(path) {
        Ok(t) => t,
        Err(crate::input::InputError::NotUtf8 { line, offset }) => {
            return Err(Problems(vec![Problem {
                file: name,
                place: Place {
                    line: Some(line),
                    ..Place::default()
                },
                said: RosterSaid::NotUtf8 { offset },
            }]));
        }
        Err(e) => return Err(refused(e)),
    };
    let mut all = load_all_str_in(&text.text, &name, city)?;
    for r in &mut all {
        if text.gbk {
            r.notes.insert(0, RosterNote::Gbk);
        }
        r.township.district = city::district_of(
            city,
            &r.township.name,
            &stem,
            r.township.district.as_deref(),
        );
        r.township.listed_at = city::listed_at(city, &r.township.name, &stem);
        r.township.between = city.map(|c| c.between.clone()).unwrap_or_default();
    }
    Ok(all)
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

/// A folder without roster files: nothing to read is bad input, not success.
pub fn no_roster_files(dir: &Path) -> Problems {
    Problems(vec![Problem {
        file: String::new(),
        place: Place::default(),
        said: RosterSaid::NoRosterFiles {
            dir: dir.display().to_string(),
        },
    }])
}

/// The roster files (`*.toml`, `*.xlsx`) of a folder, sorted by name.
pub fn roster_files(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") || crate::workbook::is_workbook(p))
        .filter(|p| p.file_name().is_none_or(|n| n != city::CITY_FILE))
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
    load_all_str_in(text, source, None)
}

/// [`load_all_str`] for a township of a city: the city's defaults merged in
/// first, and the roster's hash covering city.toml too.
pub fn load_all_str_in(
    text: &str,
    source: &str,
    city: Option<&city::City>,
) -> Result<Vec<Roster>, Problems> {
    let cx = Cx::new(source, text);
    let (doc, errors) = DeTable::parse_recoverable(text);
    // Only the first error: what the parser recovers into after it is mostly noise.
    if let Some(e) = errors.first() {
        report_syntax(&cx, text, e);
        return Err(Problems(cx.problems.into_inner()));
    }
    let sha = match city {
        Some(c) => hex_sha256(&format!("{}\n{text}", c.text)),
        None => hex_sha256(text),
    };
    let doc_span = doc.span();
    let mut doc = doc.into_inner();
    let city_file = city;
    let city_tree = city.and_then(|c| DeTable::parse(&c.text).ok().map(|t| t.into_inner()));
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
            // What the township sets itself, before the city's values join it.
            let own = city::own_fields(&doc);
            if let Some(c) = &city_tree {
                city::inherit(&mut doc, c);
            }
            let before = cx.problems.borrow().len();
            let r = read_roster(&cx, &doc, &doc_span, &sha);
            if let Some(c) = city_file {
                let mut problems = cx.problems.borrow_mut();
                for p in problems.iter_mut().skip(before) {
                    city::place_inherited(p, c, &own, &r.township.name);
                }
            }
            out.push(r);
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

/// The line, file and words of a message, for tests and the CLI.
pub fn render_all(p: &Problems) -> String {
    p.render(Lang::current())
}

/// A TOML syntax error, said at its place. Full-width punctuation is the
/// likely cause when there is any outside a string, or a curly quote on the
/// line that went wrong: then that character is named, with its fix.
pub(crate) fn report_syntax(cx: &Cx, text: &str, e: &toml::de::Error) {
    let at = e.span().map(|s| s.start);
    let quote_on_line = || {
        let at = at?;
        let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        fullwidth::first_in(&text[start..end])
            .filter(|(_, c)| matches!(c, '“' | '”' | '‘' | '’'))
            .map(|(i, c)| (start + i, c))
    };
    match fullwidth::outside_strings(text).or_else(quote_on_line) {
        Some((off, ch)) => cx.report(
            cx.at(off),
            RosterSaid::FullWidth {
                ch,
                ascii: fullwidth::ascii_for(ch).unwrap_or(ch),
            },
        ),
        None => cx.report(
            at.map(|a| cx.at(a)).unwrap_or_default(),
            RosterSaid::Syntax {
                detail: e.message().trim().to_string(),
            },
        ),
    }
}
