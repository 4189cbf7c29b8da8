//! `zhudian compare PLANS_DIR OTHER_DIR...`: a city's plans side by side,
//! township by township (paired by file name), the first folder the base:
//! cost, sessions without a township member, units whose leader differs
//! from the base and, counted apart as the township's `compare` does, units
//! a successor took over (`succeeds`); as lines with totals, or CSV
//! (`--format csv`, one row per township and a city total).

use std::path::{Path, PathBuf};

use super::{Outcome, each, plan_files};
use crate::cli::EXIT_OK;
use crate::cli::replan::read_plan;
use crate::export::csv::row;
use crate::plan::PlanFile;
use crate::scenario::compare::{Format, leaders_changed, units_handed_over};
use crate::wording::city::{CityRunSaid, Done, compare_header, total_label};
use crate::wording::{Lang, Say};

/// One township's figures across the folders.
struct Row {
    township: String,
    costs: Vec<f64>,
    shortfalls: Vec<usize>,
    moved: Vec<usize>,
    /// Units a successor took over (`succeeds`) or a move between
    /// townships changed, apart from `moved`.
    handed: Vec<usize>,
    /// The moves between townships, said once each.
    transfers: Vec<String>,
}

/// Compares the folders; 2 when a folder or one of its plans cannot be read.
pub fn run(dirs: &[PathBuf], format: Format, lang: Lang) -> i32 {
    for d in dirs {
        if !d.is_dir() {
            errln!(
                "{}",
                CityRunSaid::NeedsPlanFolder {
                    path: d.display().to_string()
                }
                .say(lang)
            );
            return crate::cli::EXIT_BAD_INPUT;
        }
    }
    let base = match plan_files(&dirs[0], lang) {
        Ok(p) => p,
        Err(e) => {
            errln!("{e}");
            return crate::cli::EXIT_BAD_INPUT;
        }
    };
    let rows: Vec<Result<Row, Outcome>> = each(&base, |path| one(path, dirs, lang));
    // A county's total is its own (示例县合计), a city's 全市合计.
    let city = super::plans_city(&base);
    if format == Format::Csv {
        let ok: Vec<&Row> = rows.iter().filter_map(|r| r.as_ref().ok()).collect();
        out!("{}", csv(&ok, dirs, &city, lang));
        for r in rows.iter().filter_map(|r| r.as_ref().err()) {
            errln!("{}: {}", r.township, r.said);
        }
        return rows
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|o| o.code)
            .max()
            .unwrap_or(EXIT_OK);
    }
    let said = |r: &Row| {
        CityRunSaid::Compared {
            costs: r.costs.clone(),
            shortfalls: r.shortfalls.clone(),
            moved: r.moved.clone(),
            handed: r.handed.clone(),
            transfer: !r.transfers.is_empty(),
        }
        .say(lang)
    };
    // The city's total, as the CSV's last row has it.
    let ok: Vec<&Row> = rows.iter().filter_map(|r| r.as_ref().ok()).collect();
    let total = sum(&ok, dirs.len(), &city, lang);
    let lines: Vec<Outcome> = rows
        .into_iter()
        .map(|r| match r {
            Err(o) => o,
            Ok(r) => Outcome {
                said: said(&r),
                township: r.township,
                code: EXIT_OK,
                details: r.transfers,
            },
        })
        .collect();
    super::lines(&lines, lang);
    outln!(
        "{}",
        CityRunSaid::Line {
            township: total.township.clone(),
            said: said(&total),
        }
        .say(lang)
    );
    super::totals(&lines, Done::Compared, lang)
}

/// The city's total of the townships compared.
fn sum(rows: &[&Row], n: usize, city: &str, lang: Lang) -> Row {
    let mut total = Row {
        township: total_label(city, lang),
        costs: vec![0.0; n],
        shortfalls: vec![0; n],
        moved: vec![0; n - 1],
        handed: vec![0; n - 1],
        transfers: Vec::new(),
    };
    for r in rows {
        for i in 0..n {
            total.costs[i] += r.costs[i];
            total.shortfalls[i] += r.shortfalls[i];
        }
        for i in 0..n - 1 {
            total.moved[i] += r.moved[i];
            total.handed[i] += r.handed[i];
        }
        total.transfers.extend(r.transfers.iter().cloned());
    }
    total
}

fn one(path: &Path, dirs: &[PathBuf], lang: Lang) -> Result<Row, Outcome> {
    let file = path.file_name().unwrap_or_default().to_os_string();
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let mut plans: Vec<PlanFile> = Vec::new();
    for d in dirs {
        let p = d.join(&file);
        if !p.is_file() {
            let said = CityRunSaid::NoPlan {
                path: p.display().to_string(),
            };
            return Err(Outcome::bad(&stem, said.say(lang), Vec::new()));
        }
        plans.push(read_plan(&p).map_err(|e| Outcome::bad(&stem, e, Vec::new()))?);
    }
    let rpath = crate::cli::calendar::roster_path(None, path, &plans[0]);
    let township = crate::cli::calendar::load_roster(&rpath, &plans[0])
        .map(|r| r.township.name)
        .unwrap_or_else(|_| stem.to_string());
    let others = &plans[1..];
    // Moves to or from the city's other townships, as the last plan's
    // roster has them, that change a team between the base and a later plan.
    let last = &plans[plans.len() - 1];
    let lpath = dirs[dirs.len() - 1].join(&file);
    let lroster = crate::cli::calendar::roster_path(None, &lpath, last);
    let mut moves = crate::scenario::transfer::Moves::default();
    let mut transfers = Vec::new();
    if let Ok(r) = crate::cli::calendar::load_roster(&lroster, last) {
        let all = super::moves_alone(&lroster, &r, lang);
        for p in others {
            for m in all.between(&plans[0], p).0 {
                if !moves.0.contains(&m) {
                    moves.0.push(m);
                }
            }
        }
        let person = |id: &str| crate::wording::names::person(&r, id, lang);
        transfers = moves.said(&person, lang);
    }
    let moved = moves.ids();
    Ok(Row {
        township,
        costs: plans.iter().map(|p| p.plan.cost).collect(),
        shortfalls: plans
            .iter()
            .map(|p| p.plan.metrics.shortfall_sessions)
            .collect(),
        moved: others
            .iter()
            .map(|p| leaders_changed(&plans[0], p, &moved))
            .collect(),
        handed: others
            .iter()
            .map(|p| units_handed_over(&plans[0], p, &moved))
            .collect(),
        transfers,
    })
}

/// One row per township and the city's total, UTF-8 with a BOM, CRLF.
fn csv(rows: &[&Row], dirs: &[PathBuf], city: &str, lang: Lang) -> String {
    let names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    let line = |cells: Vec<String>| row(&cells);
    let mut out = String::from("\u{feff}");
    out += &line(compare_header(&names, lang));
    out += "\r\n";
    let cells = |r: &Row| {
        let mut c = vec![r.township.clone()];
        c.extend(r.costs.iter().map(|x| format!("{x:.2}")));
        c.extend(r.shortfalls.iter().map(|x| x.to_string()));
        c.extend(r.moved.iter().map(|x| x.to_string()));
        c.extend(r.handed.iter().map(|x| x.to_string()));
        c
    };
    for r in rows {
        out += &line(cells(r));
        out += "\r\n";
    }
    let total = sum(rows, dirs.len(), city, lang);
    out += &line(cells(&total));
    out += "\r\n";
    out
}
