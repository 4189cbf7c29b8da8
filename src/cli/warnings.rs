//! `zhudian warnings PLAN [--kind K] [--format table|csv]`: every warning in a
//! plan file, people and units by name, as a table or CSV; and the digest
//! (counts by kind, the first few, the remedy) that `plan`, `replan` and
//! `check` end with. A folder of plans goes to `city::warnings`, which
//! lists each township's warnings with the rows and table made here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::model::Roster;
use crate::plan::{PlanFile, Warning};
use crate::wording::Lang;
use crate::wording::names;
use crate::wording::warnings::{self as words, FIRST_FEW, KINDS, KindDigest};

#[derive(clap::Args, Debug)]
pub struct WarningsArgs {
    /// Plan file (TOML) written by `zhudian plan` or `replan`; or a folder of
    /// a city's plans (`zhudian plan CITY -o DIR`)
    pub plan: PathBuf,
    /// Only warnings of this kind (the help is `wording::warnings::kind_help`,
    /// in the planner's language)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// table (aligned, for the terminal) or csv (UTF-8 with BOM, for a spreadsheet)
    #[arg(long, default_value = "table", value_name = "FORMAT")]
    pub format: String,
    /// Roster to read names from, instead of the one the plan names (for a
    /// city's plans, the city: folder of rosters or city file)
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
}

/// The plan's warnings grouped by kind, kinds in reading order, each with
/// its count, the figures its warnings share (said once) and first few
/// messages (in `lang` where the plan keeps the fact).
pub fn group(warnings: &[Warning], lang: Lang) -> Vec<KindDigest> {
    let mut by: BTreeMap<(usize, &str), KindDigest> = BTreeMap::new();
    for w in warnings {
        // Unknown kinds (from a newer zhudian) come after the known ones.
        let rank = KINDS
            .iter()
            .position(|k| *k == w.kind)
            .unwrap_or(KINDS.len());
        let d = by.entry((rank, &w.kind)).or_insert_with(|| KindDigest {
            kind: w.kind.clone(),
            count: 0,
            first: Vec::new(),
            figures: Default::default(),
        });
        d.count += 1;
        add_figures(&mut d.figures, w, lang);
        if d.first.len() < FIRST_FEW {
            d.first.push(w.brief(lang));
        }
    }
    by.into_values().collect()
}

/// The digest printed at the end of `plan`, `replan` and `check`.
pub fn digest(plan: &PlanFile, plan_path: &Path, lang: Lang) -> String {
    words::digest(
        &group(&plan.warning, lang),
        &plan_path.display().to_string(),
        lang,
    )
}

/// The flags read: CSV or not, and the kind asked for (its code); Err with
/// exit code 2 once the reason is printed.
pub(crate) type Flags = (bool, Option<&'static str>);

fn flags(args: &WarningsArgs, lang: Lang) -> Result<Flags, i32> {
    let csv = match args.format.as_str() {
        "table" => false,
        "csv" => true,
        other => {
            errln!("{}", words::unknown_format(other, lang));
            return Err(EXIT_BAD_INPUT);
        }
    };
    let kind = match args.kind.as_deref().map(|k| (k, words::kind_code(k))) {
        None => None,
        Some((_, Some(code))) => Some(code),
        Some((k, None)) => {
            errln!("{}", words::unknown_kind(k, lang));
            return Err(EXIT_BAD_INPUT);
        }
    };
    Ok((csv, kind))
}

/// Runs `warnings`: 0 listed (even none), 2 when the plan cannot be read or a flag is wrong.
pub fn run(args: &WarningsArgs, lang: Lang) -> i32 {
    let (csv, kind) = match flags(args, lang) {
        Ok(f) => f,
        Err(code) => return code,
    };
    if args.plan.is_dir() {
        return super::city::warnings::run(args, (csv, kind), lang);
    }
    let plan = match super::replan::read_plan(&args.plan) {
        Ok(p) => p,
        Err(msg) => {
            errln!("{msg}");
            return EXIT_BAD_INPUT;
        }
    };
    // Names need the roster; without one (moved, or not asked for) ids will do,
    // unless the planner named a roster that cannot be read.
    let path = super::calendar::roster_path(args.roster.as_ref(), &args.plan, &plan);
    let roster = match super::calendar::load_roster(&path, &plan) {
        Ok(r) => Some(r),
        Err(e) if args.roster.is_some() => {
            errln!("{}", e.trim_end());
            return EXIT_BAD_INPUT;
        }
        Err(_) => None,
    };
    let listed = listed(&plan, kind);
    let rows = rows(&listed, roster.as_ref(), csv, lang);
    if rows.is_empty() && !csv {
        outln!("{}", words::none(kind, lang));
        return EXIT_OK;
    }
    if csv {
        out!("{}", render_csv(&words::headings(lang), &rows));
    } else {
        out!("{}", table(&listed, &rows, lang));
    }
    EXIT_OK
}

/// The plan's warnings of the kind asked for (all without one).
pub(crate) fn listed<'a>(plan: &'a PlanFile, kind: Option<&str>) -> Vec<&'a Warning> {
    plan.warning
        .iter()
        .filter(|w| kind.is_none_or(|k| k == w.kind))
        .collect()
}

/// The listed warnings' rows, people and units by name where `roster` is known.
pub(crate) fn rows(
    listed: &[&Warning],
    roster: Option<&Roster>,
    csv: bool,
    lang: Lang,
) -> Vec<[String; 5]> {
    listed.iter().map(|w| row(w, roster, csv, lang)).collect()
}

/// The terminal table: the figures every shortfall shares, once above it,
/// then the columns.
pub(crate) fn table(listed: &[&Warning], rows: &[[String; 5]], lang: Lang) -> String {
    let mut figures = words::Staffing::default();
    for w in listed {
        add_figures(&mut figures, w, lang);
    }
    let mut out = String::new();
    for f in figures.lines(lang) {
        out += &f;
        out.push('\n');
    }
    // How often each unit was short, most first, for a report upwards.
    let mut by_unit: Vec<(String, usize)> = Vec::new();
    for (w, row) in listed.iter().zip(rows) {
        if w.kind != "shortfall" {
            continue;
        }
        match by_unit.iter_mut().find(|(u, _)| *u == row[2]) {
            Some((_, n)) => *n += 1,
            None => by_unit.push((row[2].clone(), 1)),
        }
    }
    if by_unit.len() > 1 {
        by_unit.sort_by_key(|u| std::cmp::Reverse(u.1));
        out += &words::short_by_unit(&by_unit, lang);
        out.push('\n');
    }
    let head = words::headings(lang).map(String::from);
    out + &render_table(&head, rows)
}

/// Adds the figures `w` carries, unless said already: a list says each
/// once.
fn add_figures(figures: &mut words::Staffing, w: &Warning, lang: Lang) {
    figures.add(w.figures(lang), w.township_remedy(lang));
}

/// One warning's cells; dates for people in the table, ISO in the CSV. A
/// CSV row says its warning whole (rows are filtered and sorted apart); the
/// table says a shortfall's figures once above it.
fn row(w: &Warning, roster: Option<&Roster>, csv: bool, lang: Lang) -> [String; 5] {
    let unit = w.unit.as_deref().unwrap_or("");
    let (unit, people) = match roster {
        Some(r) => (
            if unit.is_empty() {
                String::new()
            } else {
                names::unit(r, unit, lang)
            },
            names::people(r, &w.people, lang),
        ),
        None => (unit.to_string(), w.people.join("、")),
    };
    [
        words::kind_label(&w.kind, lang),
        match (&w.date, csv) {
            (Some(d), false) => words::shown_date(d, lang),
            (d, _) => d.clone().unwrap_or_default(),
        },
        unit,
        people,
        if csv { w.text(lang) } else { w.brief(lang) },
    ]
}

/// CSV as spreadsheets open it: UTF-8 with a BOM, CRLF, quoted where needed.
pub fn render_csv<H: AsRef<str>, R: AsRef<[String]>>(head: &[H], rows: &[R]) -> String {
    let cell = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let c: Vec<String> = cells.map(cell).collect();
        c.join(",") + "\r\n"
    };
    let mut out = String::from("\u{feff}");
    out += &line(&mut head.iter().map(AsRef::as_ref));
    for r in rows {
        out += &line(&mut r.as_ref().iter().map(String::as_str));
    }
    out
}

/// Columns padded to their display width (a Chinese character is two), the
/// message last and unpadded: wording's one table layout.
fn render_table(head: &[String], rows: &[[String; 5]]) -> String {
    use crate::wording::table::{Row, grid};
    let rows: Vec<Row> = rows.iter().map(|r| Row::Cells(r.to_vec())).collect();
    grid("", head, &rows, &[], false)
}
