//! Roster workbooks (XLSX): a township's roster as the spreadsheet its
//! office keeps, read with `calamine` and written with `rust_xlsxwriter`.
//! A workbook is read by turning it into roster TOML text (with the cell
//! each line came from) and handing that to the roster reader, so a
//! workbook is validated exactly like a file; each problem is then placed
//! back on its sheet and cell (`村居!D3`), with the id and the column.

pub mod cells;
pub mod merged;
pub mod read;
pub mod roads;
pub mod schema;
pub mod write;

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::model::{Place, Roster};
use crate::roster::{Problem, Problems};
use crate::wording::roster::RosterSaid;
use read::{Found, Origin, Read};
use schema::*;

/// Is this path a workbook (by its extension)?
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
}

/// Reads a roster workbook from a file.
pub fn load(path: &Path) -> Result<Vec<Roster>, Problems> {
    load_in(path, None)
}

/// [`load`] for a township of a city: the city's defaults are inherited
/// field by field, as for a TOML roster, and the hash covers city.toml too.
pub fn load_in(
    path: &Path,
    city: Option<&crate::roster::city::City>,
) -> Result<Vec<Roster>, Problems> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Problems(vec![Problem {
            file: name.clone(),
            place: Place::default(),
            said: RosterSaid::Unreadable {
                detail: e.to_string(),
            },
        }])
    })?;
    load_bytes_in(&bytes, &name, city).map(|r| vec![r])
}

/// Reads a roster workbook; `source` names it in messages and in plans.
pub fn load_bytes(bytes: &[u8], source: &str) -> Result<Roster, Problems> {
    load_bytes_in(bytes, source, None)
}

fn load_bytes_in(
    bytes: &[u8],
    source: &str,
    city: Option<&crate::roster::city::City>,
) -> Result<Roster, Problems> {
    let (text, read) = to_toml(bytes, source)?;
    let placed = |p: Problems| {
        let mut all: Vec<(Key, Problem)> = p.0.iter().map(|p| place_back(&read, p)).collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        Problems(all.into_iter().map(|(_, p)| p).collect())
    };
    let mut roster = match city {
        None => crate::roster::load_str(&text, source).map_err(placed)?,
        Some(_) => {
            let all = crate::roster::load_all_str_in(&text, source, city).map_err(placed)?;
            all.into_iter().next().ok_or_else(|| {
                Problems(vec![Problem {
                    file: source.to_string(),
                    place: Place::default(),
                    said: RosterSaid::Unreadable {
                        detail: "the workbook holds no township".to_string(),
                    },
                }])
            })?
        }
    };
    let mut hash = Sha256::new();
    if let Some(c) = city {
        hash.update(c.text.as_bytes());
        hash.update(b"\n");
    }
    hash.update(bytes);
    roster.sha256 = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(roster)
}

/// The workbook as roster TOML text (what `convert` writes), or the
/// problems only a workbook can have, each at its cell.
pub fn to_toml(bytes: &[u8], source: &str) -> Result<(String, Read), Problems> {
    let read = read::read(bytes).map_err(|said| {
        Problems(vec![Problem {
            file: source.to_string(),
            place: Place::default(),
            said,
        }])
    })?;
    if !read.problems.is_empty() {
        let mut own: Vec<(Key, Problem)> = read
            .problems
            .iter()
            .map(|f| found_problem(source, f))
            .collect();
        // The roster reader's own findings come too, except what the
        // workbook's problems already said (a missing column, a bad cell).
        if let Err(p) = crate::roster::load_str(&read.toml, source) {
            for p in &p.0 {
                let (key, placed) = place_back(&read, p);
                if !own.iter().any(|(k, _)| k.same_place(&key)) && !is_consequence(&read, p) {
                    own.push((key, placed));
                }
            }
        }
        own.sort_by(|a, b| a.0.cmp(&b.0));
        return Err(Problems(own.into_iter().map(|(_, p)| p).collect()));
    }
    Ok((read.toml.clone(), read))
}

/// Where a problem sorts: sheet order, row, column; sheetless ones last.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key(usize, u32, u32, String);

impl Key {
    fn same_place(&self, other: &Key) -> bool {
        self.0 == other.0 && self.1 == other.1 && self.3 == other.3
    }
}

fn sheet_order(sheet: &str) -> usize {
    sheet_names()
        .iter()
        .position(|s| *s == sheet)
        .unwrap_or(usize::MAX - 1)
}

fn cell_name(row: u32, col: u32) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col.min(16_383) as u16)
}

fn found_problem(source: &str, f: &Found) -> (Key, Problem) {
    let section = match (f.cell, f.to) {
        (Some((r, c)), Some((r2, c2))) => {
            format!("{}!{}:{}", f.sheet, cell_name(r, c), cell_name(r2, c2))
        }
        (Some((r, c)), None) => format!("{}!{}", f.sheet, cell_name(r, c)),
        (None, _) => f.sheet.to_string(),
    };
    let (r, c) = f.cell.unwrap_or((u32::MAX, u32::MAX));
    (
        Key(
            sheet_order(f.sheet),
            r,
            c,
            f.field.clone().unwrap_or_default(),
        ),
        Problem {
            file: source.to_string(),
            place: Place {
                section,
                id: f.id.clone(),
                field: f.field.clone(),
                line: None,
                column: None,
            },
            said: f.said.clone(),
        },
    )
}

/// A roster problem that only follows from one the workbook already reported
/// (a required column missing: every row would say its field is missing).
fn is_consequence(read: &Read, p: &Problem) -> bool {
    if p.said != RosterSaid::MissingField {
        return false;
    }
    // A blank left by merged cells: the merge is what was said.
    if let Some(o) = origin_of(read, p.place.line)
        && let Some(field) = p.place.field.as_deref()
        && let Some(&col) = read
            .columns
            .get(&(o.sheet, field.rsplit('.').next().unwrap_or(field)))
        && read.merged.iter().any(|m| m.covers(o.sheet, o.row, col))
    {
        return true;
    }
    let Some(field) = p.place.field.as_deref() else {
        return false;
    };
    let key = field.rsplit('.').next().unwrap_or(field);
    let sheet = origin_of(read, p.place.line)
        .map(|o| o.sheet)
        .or_else(|| sheet_of_section(&p.place.section));
    sheet.is_some_and(|s| read.missing.iter().any(|(ms, mk)| *ms == s && *mk == key))
        || read.problems.iter().any(|f| {
            f.field.as_deref() == Some(header_of(f.sheet, key).as_str())
                && origin_of(read, p.place.line).is_some_and(|o| f.cell.map(|c| c.0) == Some(o.row))
        })
}

fn origin_of(read: &Read, line: Option<usize>) -> Option<Origin> {
    line.and_then(|l| read.origins.get(l.checked_sub(1)?).copied().flatten())
}

/// The column heading (or `基本信息` item) for a roster field of a sheet.
fn header_of(sheet: &str, key: &str) -> String {
    if sheet == BASICS {
        return KEYS
            .iter()
            .find(|k| k.key == key)
            .map(|k| k.label.to_string())
            .unwrap_or_else(|| key.to_string());
    }
    SHEETS
        .iter()
        .find(|s| s.name == sheet)
        .and_then(|s| s.cols.iter().find(|c| c.key == key))
        .map(|c| c.header.to_string())
        .unwrap_or_else(|| key.to_string())
}

/// A roster reader's problem, moved from its line of the TOML text to the
/// sheet and cell the line came from.
fn place_back(read: &Read, p: &Problem) -> (Key, Problem) {
    let origin = origin_of(read, p.place.line);
    let section_bare = p.place.section.trim_matches(|c| c == '[' || c == ']');
    let sheet = origin
        .map(|o| o.sheet)
        .or_else(|| sheet_of_section(&p.place.section))
        .unwrap_or(BASICS);
    let key = p
        .place
        .field
        .as_deref()
        .map(|f| f.rsplit('.').next().unwrap_or(f));
    let cell = if sheet == BASICS {
        // An item's own row; an item not in the sheet has no cell to name.
        match key {
            Some(k) => KEY_SECTIONS
                .iter()
                .find(|s| **s == section_bare)
                .and_then(|s| read.keys.get(&(*s, k)))
                .map(|row| (*row, 1)),
            None => origin.map(|o| (o.row, o.col)),
        }
    } else {
        origin.map(|o| {
            let col = key
                .and_then(|k| read.columns.get(&(sheet, k)).copied())
                .unwrap_or(o.col);
            (o.row, col)
        })
    };
    let said = match &p.said {
        RosterSaid::DuplicateId { id, first } => RosterSaid::DuplicateId {
            id: id.clone(),
            first: first_place(read, first),
        },
        // A meeting's sheet offers the groups as the workbook writes them.
        RosterSaid::UnknownPerson { id, suggestion } if sheet == MEETINGS.name => {
            RosterSaid::Workbook(crate::wording::workbook::WorkbookSaid::UnknownAttendee {
                id: id.clone(),
                suggestion: suggestion.clone(),
            })
        }
        other => other.clone(),
    };
    let found = Found {
        sheet,
        cell,
        to: None,
        id: p.place.id.clone(),
        field: key.map(|k| header_of(sheet, k)),
        said,
    };
    found_problem(&p.file, &found)
}

/// "[[unit]] (line 12)" as the cell that line came from: "村居!A3".
fn first_place(read: &Read, first: &str) -> String {
    let line = first
        .rsplit_once("(line ")
        .and_then(|(_, rest)| rest.trim_end_matches(')').parse::<usize>().ok());
    match origin_of(read, line) {
        Some(o) => format!("{}!{}", o.sheet, cell_name(o.row, o.col)),
        None => first.to_string(),
    }
}
