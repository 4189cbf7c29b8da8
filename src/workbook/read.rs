//! A roster workbook turned into roster TOML text, with the cell each line
//! came from, so that the TOML reader validates it exactly like a file and
//! its problems can be placed back on a sheet and cell. Problems only a
//! workbook can have (headings, sheets, cells a spreadsheet mangled) are
//! found here.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use calamine::{Data, Dimensions, Range, Reader, Xlsx};

use super::cells::{self, Lit, quote};
use super::roads::RoadEnds;
use super::schema::*;
use crate::roster::did_you_mean;
use crate::wording::roster::RosterSaid;
use crate::wording::workbook::WorkbookSaid;

/// A cell of the workbook, 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    pub sheet: &'static str,
    pub row: u32,
    pub col: u32,
}

/// A problem found while reading cells, already at its place.
#[derive(Debug, Clone)]
pub struct Found {
    pub sheet: &'static str,
    pub cell: Option<(u32, u32)>,
    /// The last cell of a range the problem covers (merged cells).
    pub to: Option<(u32, u32)>,
    pub id: Option<String>,
    pub field: Option<String>,
    pub said: RosterSaid,
}

/// The workbook as roster text, and where each line came from.
#[derive(Debug, Default)]
pub struct Read {
    pub toml: String,
    /// Per line of `toml` (index 0 is line 1), the cell it came from.
    pub origins: Vec<Option<Origin>>,
    pub problems: Vec<Found>,
    /// (sheet, roster field) → its column.
    pub columns: BTreeMap<(&'static str, &'static str), u32>,
    /// (section, roster field) → its row in `基本信息`.
    pub keys: BTreeMap<(&'static str, &'static str), u32>,
    /// Required columns a sheet lacks: said once, not once a row.
    pub missing: BTreeSet<(&'static str, &'static str)>,
    /// Merged ranges inside a table: reported once, and the blanks they
    /// leave in their rows are not reported again.
    pub merged: Vec<super::merged::Merged>,
}

/// One data row of a table sheet: its values by column of the schema.
struct Row {
    row: u32,
    vals: Vec<(usize, u32, Lit)>,
}

impl Row {
    fn get(&self, sheet: &Sheet, key: &str) -> Option<&Lit> {
        self.vals
            .iter()
            .find(|(i, _, _)| sheet.cols[*i].key == key)
            .map(|(_, _, v)| v)
    }
}

struct Table {
    sheet: Sheet,
    /// Header row (0-based) and each schema column's position.
    at: Vec<Option<u32>>,
    rows: Vec<Row>,
}

impl Read {
    fn found(
        &mut self,
        sheet: &'static str,
        cell: Option<(u32, u32)>,
        field: Option<&str>,
        said: RosterSaid,
    ) {
        self.problems.push(Found {
            sheet,
            cell,
            to: None,
            id: None,
            field: field.map(str::to_string),
            said,
        });
    }

    fn push(&mut self, line: String, origin: Option<Origin>) {
        self.toml.push_str(&line);
        self.toml.push('\n');
        self.origins.push(origin);
    }
}

/// The rows of a range with their absolute row and column numbers.
fn grid(range: &Range<Data>) -> BTreeMap<u32, BTreeMap<u32, &Data>> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut out: BTreeMap<u32, BTreeMap<u32, &Data>> = BTreeMap::new();
    for (r, c, d) in range.used_cells() {
        out.entry(r0 + r as u32)
            .or_default()
            .insert(c0 + c as u32, d);
    }
    out
}

/// A heading as typed, without the `*` that marks a required column.
fn heading(d: &Data) -> Option<String> {
    let t = cells::text(d).ok().flatten()?;
    Some(current_heading(
        t.trim_end_matches(['*', '＊']).trim().to_string(),
    ))
}

/// Reads the workbook's bytes: roster text, origins and problems.
pub fn read(bytes: &[u8]) -> Result<Read, RosterSaid> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        RosterSaid::Workbook(WorkbookSaid::NotWorkbook {
            detail: e.to_string(),
        })
    })?;
    let mut out = Read::default();
    let known = sheet_names();
    let mut ranges: BTreeMap<&'static str, Range<Data>> = BTreeMap::new();
    let mut merges: BTreeMap<&'static str, Vec<Dimensions>> = BTreeMap::new();
    for name in book.sheet_names() {
        match known.iter().find(|k| **k == name.trim()) {
            Some(k) if *k == README => {}
            Some(k) => match book.worksheet_range(&name) {
                Ok(r) => {
                    ranges.insert(k, r);
                    if let Ok(m) = book.merge_cells_by_sheet_name(&name) {
                        merges.insert(k, m);
                    }
                }
                Err(e) => out.found(
                    k,
                    None,
                    None,
                    RosterSaid::Workbook(WorkbookSaid::NotWorkbook {
                        detail: e.to_string(),
                    }),
                ),
            },
            None => out.problems.push(Found {
                sheet: "",
                cell: None,
                to: None,
                id: None,
                field: None,
                said: RosterSaid::Workbook(WorkbookSaid::UnknownSheet {
                    name: name.clone(),
                    suggestion: nearest(name.trim(), known.iter().copied()),
                    known: known.iter().map(|s| s.to_string()).collect(),
                }),
            }),
        }
    }
    for required in [BASICS, UNITS.name, CADRES.name] {
        if !ranges.contains_key(required) {
            out.found(
                required,
                None,
                None,
                RosterSaid::Workbook(WorkbookSaid::MissingSheet),
            );
        }
    }
    let tables: Vec<Table> = SHEETS
        .iter()
        .map(|s| {
            let m = merges.get(s.name).map(Vec::as_slice).unwrap_or_default();
            read_table(&mut out, *s, ranges.get(s.name), m)
        })
        .collect();
    let basics = read_basics(&mut out, ranges.get(BASICS));
    emit(&mut out, &basics, &tables);
    Ok(out)
}

fn read_table(
    out: &mut Read,
    sheet: Sheet,
    range: Option<&Range<Data>>,
    merges: &[Dimensions],
) -> Table {
    let mut t = Table {
        sheet,
        at: vec![None; sheet.cols.len()],
        rows: Vec::new(),
    };
    let Some(range) = range else {
        return t;
    };
    let g = grid(range);
    let Some((&head_row, heads)) = g.iter().next() else {
        return t;
    };
    for (&col, d) in heads {
        let Some(h) = heading(d) else { continue };
        let hit = sheet.cols.iter().position(|c| c.header == h).or_else(|| {
            // The roster file's field names work as headings too.
            sheet
                .cols
                .iter()
                .position(|c| c.key == h && !matches!(c.kind, Kind::PairMin | Kind::PairMax))
        });
        match hit {
            Some(i) if t.at[i].is_some() => {
                let first = rust_xlsxwriter::utility::row_col_to_cell(
                    head_row,
                    t.at[i].unwrap_or(0) as u16,
                );
                out.found(
                    sheet.name,
                    Some((head_row, col)),
                    Some(&h),
                    RosterSaid::Workbook(WorkbookSaid::DuplicateHeader {
                        first: format!("{}!{first}", sheet.name),
                    }),
                )
            }
            Some(i) => t.at[i] = Some(col),
            None => out.found(
                sheet.name,
                Some((head_row, col)),
                Some(&h),
                RosterSaid::Workbook(WorkbookSaid::UnknownHeader {
                    suggestion: nearest(&h, sheet.cols.iter().map(|c| c.header)),
                }),
            ),
        }
    }
    for (i, c) in sheet.cols.iter().enumerate() {
        match t.at[i] {
            Some(col) => {
                out.columns.entry((sheet.name, c.key)).or_insert(col);
            }
            None if c.required => {
                out.missing.insert((sheet.name, c.key));
                out.found(
                    sheet.name,
                    None,
                    Some(c.header),
                    RosterSaid::Workbook(WorkbookSaid::MissingColumn),
                );
            }
            None => {}
        }
    }
    let at: Vec<(u32, &str)> = (t.at.iter().zip(sheet.cols))
        .filter_map(|(c, col)| c.map(|c| (c, col.header)))
        .collect();
    super::merged::refuse(out, sheet.name, &at, head_row, merges);
    for (&row, cells_of_row) in g.range(head_row + 1..) {
        let mut r = Row {
            row,
            vals: Vec::new(),
        };
        for (i, c) in sheet.cols.iter().enumerate() {
            let Some(col) = t.at[i] else { continue };
            let Some(d) = cells_of_row.get(&col) else {
                continue;
            };
            match value(c.kind, d) {
                Ok(Some(v)) => r.vals.push((i, col, v)),
                Ok(None) => {}
                Err(said) => out.found(sheet.name, Some((row, col)), Some(c.header), said),
            }
        }
        if !r.vals.is_empty() {
            t.rows.push(r);
        }
    }
    t
}

/// One cell as the roster value its column asks for.
fn value(kind: Kind, d: &Data) -> Result<Option<Lit>, RosterSaid> {
    Ok(match kind {
        Kind::Text | Kind::UnitRef | Kind::PersonRef => cells::text(d)?.map(Lit::Str),
        Kind::Int | Kind::PairMin | Kind::PairMax => cells::int(d)?.map(Lit::Int),
        Kind::Num => cells::num(d)?.map(Lit::Num),
        Kind::Bool => cells::yes_no(d)?.map(Lit::Bool),
        Kind::Date => cells::date(d)?.map(Lit::Str),
        Kind::Time => cells::time(d)?.map(Lit::Str),
        Kind::List | Kind::Attendees | Kind::Slot => cells::list(d)?.map(Lit::List),
        Kind::Skills => cells::list(d)?.map(|items| {
            Lit::List(
                items
                    .iter()
                    .map(|s| code_of(SKILLS, s).map_or_else(|| s.clone(), str::to_string))
                    .collect(),
            )
        }),
        Kind::Hamlets => cells::hamlets(d)?.map(Lit::Raw),
        Kind::Choice(words) => match cells::text(d)? {
            Some(t) => Some(Lit::Str(cells::choice(words, &t)?)),
            None => None,
        },
        Kind::ChoiceList(words) => match cells::list(d)? {
            Some(items) if items == [NONE] => Some(Lit::List(Vec::new())),
            Some(items) => Some(Lit::List(
                items
                    .iter()
                    .map(|s| cells::choice(words, s))
                    .collect::<Result<_, _>>()?,
            )),
            None => None,
        },
    })
}

/// One filled row of `基本信息`.
struct KeyVal {
    key: &'static KeyRow,
    row: u32,
    lit: Lit,
}

fn read_basics(out: &mut Read, range: Option<&Range<Data>>) -> Vec<KeyVal> {
    let mut vals: Vec<KeyVal> = Vec::new();
    let Some(range) = range else {
        return vals;
    };
    let g = grid(range);
    let mut seen: BTreeMap<&'static str, u32> = BTreeMap::new();
    for (&row, cells_of_row) in &g {
        let Some(label) = cells_of_row.get(&0).and_then(|d| heading(d)) else {
            continue;
        };
        if label == BASICS_HEADERS[0] {
            continue;
        }
        let hit = KEYS
            .iter()
            .find(|k| k.label == label || format!("{}.{}", k.section, k.key) == label);
        let Some(key) = hit else {
            out.found(
                BASICS,
                Some((row, 0)),
                Some(&label),
                RosterSaid::Workbook(WorkbookSaid::UnknownKey {
                    suggestion: nearest(&label, KEYS.iter().map(|k| k.label)),
                }),
            );
            continue;
        };
        if key.kind != Kind::Slot {
            if let Some(first) = seen.get(key.label) {
                out.found(
                    BASICS,
                    Some((row, 0)),
                    Some(key.label),
                    RosterSaid::Workbook(WorkbookSaid::DuplicateKey {
                        first: format!("{BASICS}!A{}", first + 1),
                    }),
                );
                continue;
            }
            seen.insert(key.label, row);
        }
        out.keys.entry((key.section, key.key)).or_insert(row);
        let Some(d) = cells_of_row.get(&1) else {
            continue;
        };
        match value(key.kind, d) {
            Ok(Some(lit)) => vals.push(KeyVal { key, row, lit }),
            Ok(None) => {}
            Err(said) => out.found(BASICS, Some((row, 1)), Some(key.label), said),
        }
    }
    vals
}

/// Ids by id and by name (names only where they are unique).
struct Names {
    ids: BTreeSet<String>,
    by_name: BTreeMap<String, Option<String>>,
}

impl Names {
    fn new<'a>(rows: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> Self {
        let mut n = Names {
            ids: BTreeSet::new(),
            by_name: BTreeMap::new(),
        };
        for (id, name) in rows {
            n.ids.insert(id.to_string());
            if let Some(name) = name {
                n.by_name
                    .entry(name.to_string())
                    .and_modify(|v| *v = None)
                    .or_insert(Some(id.to_string()));
            }
        }
        n
    }

    /// The id a cell means: an id as written, else a unique name's id.
    fn resolve(&self, s: &str) -> Option<String> {
        if self.ids.contains(s) {
            return Some(s.to_string());
        }
        self.by_name.get(s).cloned().flatten()
    }

    /// The name (or, failing a near name, the id) a mistyped cell most
    /// likely meant, for the did-you-mean hint.
    fn nearest(&self, s: &str) -> Option<String> {
        let names = || self.by_name.iter().filter(|(_, id)| id.is_some());
        nearest_or_alike(s, names().map(|(n, _)| n.as_str()))
            .or_else(|| did_you_mean(s, self.ids.iter().map(String::as_str)))
    }
}

fn names_of(t: &Table) -> impl Iterator<Item = (&str, Option<&str>)> {
    t.rows.iter().filter_map(|r| {
        let id = r.get(&t.sheet, "id")?.text()?;
        Some((id, r.get(&t.sheet, "name").and_then(Lit::text)))
    })
}

/// Writes the roster text: the single sections, then the tables.
fn emit(out: &mut Read, basics: &[KeyVal], tables: &[Table]) {
    let table = |name: &str| tables.iter().find(|t| t.sheet.name == name);
    let units = table(UNITS.name).expect("schema has 村居");
    let unit_names = Names::new(names_of(units));
    let people = Names::new(
        names_of(table(CADRES.name).expect("schema has 干部"))
            .chain(names_of(table(HELPERS.name).expect("schema has 协助人员"))),
    );
    let ends = road_ends(basics, units);
    let uses = road_uses(&ends, table(ROADS.name).expect("schema has 道路"));
    emit_basics(out, basics);
    // Nested rows (hamlets, away periods) by the entry they belong to.
    let mut nested: BTreeMap<(&'static str, String), Vec<(&Table, &Row)>> = BTreeMap::new();
    for t in tables {
        let Rows::Nested(field) = t.sheet.rows else {
            continue;
        };
        let is_unit = t.sheet.cols[0].kind == Kind::UnitRef;
        for r in &t.rows {
            let Some(Lit::Str(owner)) = r.get(&t.sheet, t.sheet.cols[0].key) else {
                let col = t.at[0];
                out.found(
                    t.sheet.name,
                    col.map(|c| (r.row, c)),
                    Some(t.sheet.cols[0].header),
                    RosterSaid::MissingField,
                );
                continue;
            };
            let names = if is_unit { &unit_names } else { &people };
            match names.resolve(owner) {
                Some(id) => nested.entry((field, id)).or_default().push((t, r)),
                None => out.found(
                    t.sheet.name,
                    t.at[0].map(|c| (r.row, c)),
                    Some(t.sheet.cols[0].header),
                    RosterSaid::Workbook(WorkbookSaid::NoSuchOwner {
                        value: owner.clone(),
                        unit: is_unit,
                        suggestion: names.nearest(owner),
                    }),
                ),
            }
        }
    }
    for t in tables {
        let Rows::Section(section) = t.sheet.rows else {
            continue;
        };
        for r in &t.rows {
            let first = r.vals.first().map(|v| v.1).unwrap_or(0);
            let here = |col: u32| {
                Some(Origin {
                    sheet: t.sheet.name,
                    row: r.row,
                    col,
                })
            };
            out.push(String::new(), None);
            out.push(format!("[[{section}]]"), here(first));
            let mut pair: [Option<(i64, u32)>; 2] = [None, None];
            let own_id = r.get(&t.sheet, "id").and_then(Lit::text).unwrap_or("");
            let hamlet_rows = nested.contains_key(&("hamlets", own_id.to_string()));
            for (i, col, lit) in &r.vals {
                let c = &t.sheet.cols[*i];
                let mut lit = resolve(c.kind, lit, &unit_names, &people);
                if t.sheet.name == ROADS.name
                    && matches!(c.key, "from" | "to")
                    && let Lit::Str(given) = &lit
                {
                    let node = ends.node(given);
                    // An end the roster reader will call unknown: said here
                    // with the unit's name it is close to (its own word, at
                    // this cell, gives way).
                    if !ends.is_node(&node)
                        && uses.get(&node).copied().unwrap_or(0) < 2
                        && let Some(near) = ends.nearest(given)
                    {
                        out.found(
                            t.sheet.name,
                            Some((r.row, *col)),
                            Some(c.header),
                            RosterSaid::RoadEndUnknown {
                                node: given.clone(),
                                suggestion: Some(near),
                                township: ends.township.clone(),
                            },
                        );
                    }
                    lit = Lit::Str(node);
                }
                // A unit the sheet 村居 does not have is said here, where the
                // column takes names; the roster reader's own word for it, at
                // this same cell, gives way to this one.
                if let (Kind::UnitRef, Lit::Str(given)) = (c.kind, &lit)
                    && unit_names.resolve(given).is_none()
                {
                    out.found(
                        t.sheet.name,
                        Some((r.row, *col)),
                        Some(c.header),
                        RosterSaid::Workbook(WorkbookSaid::NoSuchOwner {
                            value: given.clone(),
                            unit: true,
                            suggestion: unit_names.nearest(given),
                        }),
                    );
                }
                match c.kind {
                    Kind::Hamlets if hamlet_rows => out.found(
                        t.sheet.name,
                        Some((r.row, *col)),
                        Some(c.header),
                        RosterSaid::Workbook(WorkbookSaid::HamletsTwice),
                    ),
                    Kind::PairMin => pair[0] = int_of(&lit).map(|n| (n, *col)),
                    Kind::PairMax => pair[1] = int_of(&lit).map(|n| (n, *col)),
                    _ => out.push(format!("{} = {}", c.key, lit.toml()), here(*col)),
                }
            }
            emit_pair(out, t, r.row, "units", pair);
            let id = r.get(&t.sheet, "id").and_then(Lit::text).unwrap_or("");
            for field in ["hamlets", "away"] {
                let Some(rows) = nested.remove(&(field, id.to_string())) else {
                    continue;
                };
                if !matches!(section, "unit" | "cadre" | "helper") {
                    continue;
                }
                let at = out
                    .columns
                    .get(&(t.sheet.name, "households"))
                    .copied()
                    .unwrap_or(first);
                out.push(format!("{field} = ["), here(at));
                for (nt, nr) in rows {
                    let fields: Vec<String> = nr
                        .vals
                        .iter()
                        .filter(|(i, _, _)| *i > 0)
                        .map(|(i, _, lit)| format!("{} = {}", nt.sheet.cols[*i].key, lit.toml()))
                        .collect();
                    let col = nr.vals.get(1).map(|v| v.1).unwrap_or(first);
                    out.push(
                        format!("  {{ {} }},", fields.join(", ")),
                        Some(Origin {
                            sheet: nt.sheet.name,
                            row: nr.row,
                            col,
                        }),
                    );
                }
                out.push("]".into(), here(first));
            }
        }
    }
}

/// What a road end may name, from `基本信息` and `村居`.
fn road_ends(basics: &[KeyVal], units: &Table) -> RoadEnds {
    let basic = |key: &str| {
        basics
            .iter()
            .find(|k| k.key.section == "township" && k.key.key == key)
            .and_then(|k| k.lit.text())
    };
    fn get<'t>(units: &'t Table, r: &'t Row, key: &str) -> Option<&'t str> {
        r.get(&units.sheet, key).and_then(Lit::text)
    }
    RoadEnds::new(
        basic("office"),
        basic("name"),
        units.rows.iter().filter_map(|r| {
            Some((
                get(units, r, "id")?,
                get(units, r, "name"),
                get(units, r, "node"),
            ))
        }),
    )
}

/// How many road ends name each node (two or more make a junction).
fn road_uses(ends: &RoadEnds, roads: &Table) -> BTreeMap<String, usize> {
    let mut uses = BTreeMap::new();
    for r in &roads.rows {
        for key in ["from", "to"] {
            if let Some(end) = r.get(&roads.sheet, key).and_then(Lit::text) {
                *uses.entry(ends.node(end)).or_default() += 1;
            }
        }
    }
    uses
}

fn int_of(l: &Lit) -> Option<i64> {
    match l {
        Lit::Int(n) => Some(*n),
        _ => None,
    }
}

/// `[min, max]` from its two cells; one without the other is reported.
fn emit_pair(
    out: &mut Read,
    t: &Table,
    row: u32,
    key: &'static str,
    pair: [Option<(i64, u32)>; 2],
) {
    let col_of = |kind: Kind| {
        t.sheet
            .cols
            .iter()
            .position(|c| c.kind == kind)
            .map(|i| (t.at[i], t.sheet.cols[i].header))
    };
    match pair {
        [Some((lo, col)), Some((hi, _))] => out.push(
            format!("{key} = [{lo}, {hi}]"),
            Some(Origin {
                sheet: t.sheet.name,
                row,
                col,
            }),
        ),
        [None, None] => {}
        [a, _] => {
            let (col, header) = col_of(if a.is_none() {
                Kind::PairMin
            } else {
                Kind::PairMax
            })
            .unwrap_or((None, key));
            out.found(
                t.sheet.name,
                Some((row, col.unwrap_or(0))).filter(|_| col.is_some()),
                Some(header),
                RosterSaid::MissingField,
            );
        }
    }
}

/// References by name become ids; meeting groups become their codes.
fn resolve(kind: Kind, lit: &Lit, units: &Names, people: &Names) -> Lit {
    match (kind, lit) {
        (Kind::UnitRef, Lit::Str(s)) => Lit::Str(units.resolve(s).unwrap_or_else(|| s.clone())),
        (Kind::PersonRef, Lit::Str(s)) => Lit::Str(people.resolve(s).unwrap_or_else(|| s.clone())),
        (Kind::Attendees, Lit::List(v)) => Lit::List(
            v.iter()
                .map(|s| {
                    code_of(GROUPS, s)
                        .map(str::to_string)
                        .or_else(|| people.resolve(s))
                        .unwrap_or_else(|| s.clone())
                })
                .collect(),
        ),
        _ => lit.clone(),
    }
}

fn emit_basics(out: &mut Read, basics: &[KeyVal]) {
    for section in KEY_SECTIONS {
        let mine: Vec<&KeyVal> = basics.iter().filter(|k| k.key.section == section).collect();
        let origin = |row: u32| {
            Some(Origin {
                sheet: BASICS,
                row,
                col: 1,
            })
        };
        if !out.toml.is_empty() {
            out.push(String::new(), None);
        }
        out.push(
            format!("[{section}]"),
            mine.first().and_then(|k| origin(k.row)),
        );
        let mut pair: [Option<(i64, u32)>; 2] = [None, None];
        let mut slots: Vec<&KeyVal> = Vec::new();
        for k in &mine {
            match k.key.kind {
                Kind::PairMin => pair[0] = int_of(&k.lit).map(|n| (n, k.row)),
                Kind::PairMax => pair[1] = int_of(&k.lit).map(|n| (n, k.row)),
                Kind::Slot => slots.push(k),
                _ => out.push(format!("{} = {}", k.key.key, k.lit.toml()), origin(k.row)),
            }
        }
        match pair {
            [Some((lo, row)), Some((hi, _))] => {
                out.push(format!("units_per_leader = [{lo}, {hi}]"), origin(row))
            }
            [None, None] => {}
            [a, b] => {
                let label = if a.is_none() {
                    "每名领导最少联系村居数"
                } else {
                    "每名领导最多联系村居数"
                };
                let row = a.or(b).map(|p| p.1);
                out.found(
                    BASICS,
                    row.map(|r| (r, 1)),
                    Some(label),
                    RosterSaid::MissingField,
                );
            }
        }
        if !slots.is_empty() {
            let first = slots[0].row;
            out.push("team = [".into(), origin(first));
            for k in slots {
                let line = match slot(&k.lit) {
                    Ok(line) => line,
                    Err(said) => {
                        out.found(BASICS, Some((k.row, 1)), Some(k.key.label), said);
                        continue;
                    }
                };
                out.push(line, origin(k.row));
            }
            out.push("]".into(), origin(first));
        }
    }
}

/// A team slot: its roles, the last one perhaps marked `（本村居）` (or, in
/// older workbooks, `（本单位）`).
fn slot(lit: &Lit) -> Result<String, RosterSaid> {
    let Lit::List(items) = lit else {
        return Ok("  { roles = [] },".into());
    };
    let mut from_unit = false;
    let mut roles = Vec::new();
    for item in items {
        let mut s = item.as_str();
        for mark in std::iter::once(&FROM_UNIT).chain(OLD_FROM_UNIT) {
            if let Some(rest) = s.strip_suffix(mark) {
                s = rest.trim_end();
                from_unit = true;
            }
        }
        roles.push(quote(&cells::choice(ROLES, s)?));
    }
    Ok(format!(
        "  {{ roles = [{}]{} }},",
        roles.join(", "),
        if from_unit { ", from_unit = true" } else { "" }
    ))
}
