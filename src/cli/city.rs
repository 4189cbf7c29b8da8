//! City runs, for every command that takes a folder or a city file (with
//! `[[township]]` entries): the townships it holds, each run on its own in
//! parallel with a progress bar on a terminal. `zhudian plan DIR -o OUTDIR`
//! writes one plan per township into OUTDIR and prints one line per township
//! and the totals. A township that cannot be read or planned is reported and
//! the others still go through.

use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::plan::write_plan;
use super::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK};
use crate::model::Roster;
use crate::planner::{Options, Previous, plan as plan_one};
use crate::wording::plan::{CityRow, CitySaid};
use crate::wording::{Lang, Say};

/// One township of a city run: where it came from, its output's file name,
/// its roster (or the lines saying why it cannot be read).
pub struct Township {
    pub source: String,
    pub file: String,
    pub roster: Result<Roster, Vec<String>>,
}

/// True when `path` holds more than one township (a folder or a city file).
pub fn is_city(path: &Path) -> bool {
    if path.is_dir() {
        return true;
    }
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
        .is_some_and(|t| t.get("township").is_some_and(|v| v.is_array()))
}

/// The townships of a folder (one roster file each) or of a city file.
pub fn townships(path: &Path, lang: Lang) -> Result<Vec<Township>, String> {
    if path.is_dir() {
        let files =
            crate::roster::roster_files(path).map_err(|e| format!("{}: {e}\n", path.display()))?;
        return Ok(files
            .into_iter()
            .map(|f| Township {
                source: f.display().to_string(),
                file: f
                    .with_extension("toml")
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                roster: crate::roster::load(&f)
                    .map_err(|p| p.0.iter().map(|x| x.render(lang)).collect()),
            })
            .collect());
    }
    let all = crate::roster::load_all(path).map_err(|p| p.render(lang))?;
    Ok(all
        .into_iter()
        .enumerate()
        .map(|(i, r)| Township {
            source: format!("{}#{}", path.display(), i + 1),
            file: format!("{:03}-{}.toml", i + 1, r.township.name),
            roster: Ok(r),
        })
        .collect())
}

/// Runs `f` on every township in parallel, in order, with a progress bar
/// when stderr is a terminal.
pub fn each<T: Send>(towns: &[Township], f: impl Fn(&Township) -> T + Sync) -> Vec<T> {
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(towns.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("a fixed template"),
    );
    let out = towns
        .par_iter()
        .map(|t| {
            let r = f(t);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    out
}

/// `zhudian plan DIR -o OUTDIR`: one plan per township, a line for each.
pub fn plan(input: &Path, out_dir: &Path, opts: &Options, lang: Lang) -> i32 {
    let start = Instant::now();
    let jobs = match townships(input, lang) {
        Ok(j) => j,
        Err(e) => {
            eprint!("{e}");
            return EXIT_BAD_INPUT;
        }
    };
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        eprintln!(
            "{}",
            CitySaid::CannotWrite {
                path: out_dir.display().to_string(),
                detail: e.to_string()
            }
            .say(lang)
        );
        return EXIT_BAD_INPUT;
    }
    let rows: Vec<CityRow> = each(&jobs, |job| {
        let t = Instant::now();
        match &job.roster {
            Err(lines) => CityRow::BadRoster {
                source: job.source.clone(),
                problems: lines.clone(),
            },
            Ok(r) => match plan_one(r, &job.source, opts, &Previous::default()) {
                Err(causes) => CityRow::Infeasible {
                    township: r.township.name.clone(),
                    causes: causes.iter().map(|c| c.say(lang)).collect(),
                },
                Ok(p) => {
                    let path = out_dir.join(&job.file);
                    match write_plan(&path, &p.file) {
                        Err(e) => CityRow::BadRoster {
                            source: path.display().to_string(),
                            problems: vec![e.to_string()],
                        },
                        Ok(()) => CityRow::Planned {
                            township: r.township.name.clone(),
                            file: job.file.clone(),
                            units: r.units.len(),
                            leaders: r.cadres.len(),
                            cost: p.file.plan.cost,
                            gap: p.file.plan.gap,
                            optimal: p.file.plan.status == "optimal",
                            shortfalls: p.file.plan.metrics.shortfall_sessions,
                            warnings: p.file.warning.len(),
                            seconds: t.elapsed().as_secs_f64(),
                        },
                    }
                }
            },
        }
    });
    print!(
        "{}",
        CitySaid::Table {
            rows: rows.clone(),
            seconds: start.elapsed().as_secs_f64(),
            out_dir: out_dir.display().to_string()
        }
        .say(lang)
    );
    if rows.iter().any(|r| matches!(r, CityRow::BadRoster { .. })) {
        EXIT_BAD_INPUT
    } else if rows.iter().any(|r| matches!(r, CityRow::Infeasible { .. })) {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    }
}
