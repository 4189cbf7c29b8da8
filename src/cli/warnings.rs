//! `zhudian warnings PLAN [--kind K] [--format table|csv]`: every warning in a
//! plan file, people and units by name, as a table or CSV; and the digest
//! (counts by kind, the first few, the remedy) that `plan`, `replan` and
//! `check` end with.

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
    /// Plan file (TOML) written by `zhudian plan` or `replan`
    pub plan: PathBuf,
    /// Only warnings of this kind (the help is `wording::warnings::kind_help`,
    /// in the planner's language)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// table (aligned, for the terminal) or csv (UTF-8 with BOM, for a spreadsheet)
    #[arg(long, default_value = "table", value_name = "FORMAT")]
    pub format: String,
    /// Roster to read names from, instead of the one the plan names
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

/// Runs `warnings`: 0 listed (even none), 2 when the plan cannot be read or a flag is wrong.
pub fn run(args: &WarningsArgs, lang: Lang) -> i32 {
    let csv = match args.format.as_str() {
        "table" => false,
        "csv" => true,
        other => {
            errln!("{}", words::unknown_format(other, lang));
            return EXIT_BAD_INPUT;
        }
    };
    let kind = match args.kind.as_deref().map(|k| (k, words::kind_code(k))) {
        None => None,
        Some((_, Some(code))) => Some(code),
        Some((k, None)) => {
            errln!("{}", words::unknown_kind(k, lang));
            return EXIT_BAD_INPUT;
        }
    };
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
    let listed: Vec<&Warning> = plan
        .warning
        .iter()
        .filter(|w| kind.is_none_or(|k| k == w.kind))
        .collect();
    let rows: Vec<[String; 5]> = listed
        .iter()
        .map(|w| row(w, roster.as_ref(), csv, lang))
        .collect();
    if rows.is_empty() && !csv {
        outln!("{}", words::none(kind, lang));
        return EXIT_OK;
    }
    let head = words::headings(lang).map(String::from);
    if csv {
        out!("{}", render_csv(&head, &rows));
    } else {
        // The figures every shortfall shares, once above the table.
        let mut figures = words::Staffing::default();
        for w in &listed {
            add_figures(&mut figures, w, lang);
        }
        for f in figures.lines(lang) {
            outln!("{f}");
        }
        out!("{}", render_table(&head, &rows));
    }
    EXIT_OK
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
pub fn render_csv(head: &[String], rows: &[[String; 5]]) -> String {
    let cell = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let line = |cells: &[String]| {
        let c: Vec<String> = cells.iter().map(|s| cell(s)).collect();
        c.join(",") + "\r\n"
    };
    let mut out = String::from("\u{feff}");
    out += &line(head);
    for r in rows {
        out += &line(r);
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
