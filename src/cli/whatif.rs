//! `zhudian whatif ROSTER SCENARIOS`: plans the base roster and each variant
//! of the scenarios file in parallel, then compares them, the base first
//! (a city goes to `cli/city/whatif.rs`). A
//! variant that cannot be planned says why and is left out; the others still
//! report. With `--out-dir`, each plan is written there (atomically); nothing
//! is written for a variant that failed.

use std::path::PathBuf;

use super::plan::{EngineArgs, write_plan};
use super::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK};
use crate::scenario::compare::{self, Format, NamedPlan};
use crate::scenario::variants;
use crate::scenario::whatif::{Outcome, file_name, plan_each};
use crate::wording::names;
use crate::wording::scenario::WhatifSaid;
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug)]
pub struct WhatifArgs {
    /// The base roster (TOML or .xlsx workbook) of one township, or a city (a folder of rosters or a city file)
    pub roster: PathBuf,
    /// The scenarios file: [[variant]] entries, each a name and overrides
    pub scenarios: PathBuf,
    /// Write the plans into this folder: 00-base.toml, then 01-<variant>.toml… one per variant planned (for a city, folders 00-base/, 01-<variant>/…)
    #[arg(long = "out-dir", value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Output format of the comparison
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Also write the plans side by side as one HTML page (the base first)
    #[arg(long = "report", value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// For a city: how many of the townships each variant changes most to list
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Runs `whatif`: 0 every variant planned, 1 one could not be, 2 bad input.
pub fn run(args: &WhatifArgs, lang: Lang) -> i32 {
    if super::city::is_city(&args.roster) {
        return super::city::whatif::run(args, lang);
    }
    let opts = match args.engine.options() {
        Ok(o) => o,
        Err(said) => {
            errln!("{}", said.say(lang));
            return EXIT_BAD_INPUT;
        }
    };
    let read =
        |p: &PathBuf| crate::input::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    // A workbook's variants apply to its roster text, as for a TOML roster.
    let read_roster = |p: &PathBuf| match crate::workbook::is_workbook(p) {
        true => std::fs::read(p)
            .map_err(|e| format!("{}: {e}", p.display()))
            .and_then(|b| {
                crate::workbook::to_toml(&b, &p.display().to_string())
                    .map(|(text, _)| text)
                    .map_err(|problems| problems.render(lang))
            }),
        false => read(p),
    };
    let (base_text, scen_text) = match (read_roster(&args.roster), read(&args.scenarios)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            errln!("{}", WhatifSaid::Unreadable { detail: e }.say(lang));
            return EXIT_BAD_INPUT;
        }
    };
    let base_name = args.roster.display().to_string();
    // A workbook is read as itself: its problems at their sheet and cell.
    // A township of a city folder inherits its city's values, as do its variants.
    let city = match args.roster.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => crate::roster::city::read(dir).ok().flatten(),
        _ => crate::roster::city::read(std::path::Path::new("."))
            .ok()
            .flatten(),
    };
    let loaded = if crate::workbook::is_workbook(&args.roster) {
        crate::roster::load(&args.roster)
    } else {
        crate::roster::load_all_str_in(&base_text, &base_name, city.as_ref()).and_then(|mut all| {
            if all.len() == 1 {
                Ok(all.remove(0))
            } else {
                crate::roster::load_str(&base_text, &base_name)
            }
        })
    };
    let base = match loaded {
        Ok(r) => r,
        Err(p) => {
            err!("{}", p.render(lang));
            return EXIT_BAD_INPUT;
        }
    };
    let scen_name = args.scenarios.display().to_string();
    let read = variants::read_in(
        &variants::Base {
            text: &base_text,
            name: &base_name,
            roster: &base,
            city: city.as_ref(),
            township: None,
        },
        &scen_text,
        &scen_name,
    );
    let vs: Vec<variants::Variant> = match read {
        Ok(v) => v.variants.into_iter().flatten().collect(),
        Err(p) => {
            err!("{}", p.render(lang));
            return EXIT_BAD_INPUT;
        }
    };
    for v in &vs {
        for (line, _) in v.selections.iter().filter(|(_, n)| *n == 0) {
            let p = crate::roster::Problem {
                file: scen_name.clone(),
                place: crate::model::Place {
                    section: "[[variant]]".into(),
                    id: Some(v.name.clone()),
                    field: Some("units.where".into()),
                    line: Some(*line),
                    column: None,
                },
                said: crate::wording::roster::RosterSaid::Variant(
                    crate::wording::scenario::VariantSaid::SelectsNothing { city: false },
                ),
            };
            errln!(
                "{}{}",
                crate::wording::scenario::warning(lang),
                p.render(lang)
            );
        }
    }
    let base_label = WhatifSaid::Base.say(lang);
    let mut jobs: Vec<(String, Result<crate::model::Roster, Vec<String>>)> =
        vec![(base_label, Ok(base))];
    for v in vs {
        let roster = v
            .roster
            .map_err(|p| p.0.iter().map(|x| x.render(lang)).collect());
        jobs.push((v.name, roster));
    }
    let outcomes = plan_each(&jobs, &base_name, &opts, lang);
    let mut named = Vec::new();
    // (job, plan) of every variant planned, for the HTML page.
    let mut for_page: Vec<(usize, crate::plan::PlanFile)> = Vec::new();
    let mut failed = false;
    for (i, ((name, _), outcome)) in jobs.iter().zip(outcomes).enumerate() {
        match outcome {
            Outcome::Planned(file) => {
                if let Some(dir) = &args.out_dir {
                    let path = dir.join(if i == 0 {
                        "00-base.toml".to_string()
                    } else {
                        file_name(i, name)
                    });
                    if let Err(code) =
                        super::roles::plan_may_go(&path, &[&args.roster, &args.scenarios], lang)
                    {
                        return code;
                    }
                    let written =
                        std::fs::create_dir_all(dir).and_then(|_| write_plan(&path, &file));
                    if let Err(e) = written {
                        errln!(
                            "{}",
                            WhatifSaid::CannotWrite {
                                path: path.display().to_string(),
                                detail: crate::wording::io::write_reason(&e, lang)
                            }
                            .say(lang)
                        );
                        return EXIT_BAD_INPUT;
                    }
                }
                if args.report.is_some() {
                    for_page.push((i, (*file).clone()));
                }
                named.push(NamedPlan {
                    name: name.clone(),
                    plan: *file,
                });
            }
            Outcome::Failed(lines) => {
                failed = true;
                errln!(
                    "{}",
                    WhatifSaid::VariantFailed { name: name.clone() }.say(lang)
                );
                for l in lines {
                    errln!("  {l}");
                }
            }
        }
    }
    if !named.is_empty() {
        // People and units by name, from whichever roster has them (a
        // variant may add someone); the id where two share a name.
        let rosters: Vec<&crate::model::Roster> =
            jobs.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
        let mut c = compare::compare_named(&named, &|kind, id| {
            rosters
                .iter()
                .find_map(|r| match kind {
                    compare::Named::Unit => r.unit_index(id).map(|_| names::unit(r, id, lang)),
                    compare::Named::Person => r
                        .cadre_index(id)
                        .or(r.helper_index(id))
                        .map(|_| names::person(r, id, lang)),
                })
                .unwrap_or_else(|| id.to_string())
        });
        compare::planner_first(&mut c);
        out!("{}", compare::render(&c, args.format, lang));
        for (i, [score, base_score, short, base_short]) in compare::better_score_worse_staffing(&c)
        {
            outln!(
                "\n{}",
                WhatifSaid::BetterScoreWorseStaffing {
                    name: c.names[i].clone(),
                    score,
                    base_score,
                    short,
                    base_short,
                }
                .say(lang)
            );
        }
    }
    if let Some(path) = &args.report {
        let all: Vec<crate::report::compare::Compared> = for_page
            .iter()
            .filter_map(|(i, plan)| {
                let roster = jobs[*i].1.as_ref().ok()?;
                Some(crate::report::compare::Compared {
                    label: if *i == 0 {
                        WhatifSaid::Base.say(super::page_lang())
                    } else {
                        jobs[*i].0.clone()
                    },
                    roster,
                    plan,
                })
            })
            .collect();
        if !all.is_empty() {
            let page = crate::report::compare_page(&all, super::page_lang());
            if let Err(e) = crate::plan::write_atomic(path, page.as_bytes()) {
                errln!(
                    "{}",
                    crate::wording::report::ReportSaid::CannotWrite {
                        path: path.display().to_string(),
                        detail: crate::wording::io::write_reason(&e, lang)
                    }
                    .say(lang)
                );
                return EXIT_BAD_INPUT;
            }
        }
    }
    if failed { EXIT_INFEASIBLE } else { EXIT_OK }
}
