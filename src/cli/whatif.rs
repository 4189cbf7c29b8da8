//! `zhudian whatif ROSTER SCENARIOS`: plans the base roster and each variant
//! of the scenarios file in parallel, then compares them, the base first
//! (a city goes to `cli/city/whatif.rs`). With `--previous PLAN` the base
//! is the plan in force as it stands and each variant is replanned from it
//! through `replan`'s own input (`scenario::replan::previous_in_force`). A
//! variant that cannot be planned says why and is left out; the others still
//! report. With `--out-dir`, each plan is written there (atomically); nothing
//! is written for a variant that failed.

use std::path::PathBuf;

use super::plan::{EngineArgs, write_plan};
use super::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK};
use crate::plan::PlanFile;
use crate::scenario::compare::{self, Format, NamedPlan};
use crate::scenario::replan::{not_carried, previous_in_force};
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
    /// The plan in force (as `replan --previous` takes it): the base column is
    /// this plan as it stands, and each variant is replanned from it, so the
    /// changes counted are against it
    #[arg(long, value_name = "PLAN")]
    pub previous: Option<PathBuf>,
    /// With --previous: keep every session before this day as in the plan in
    /// force, as `replan --from` does (2026-07-01, 2026年7月1日, or 7月1日 on
    /// the roster's year)
    #[arg(long = "from", value_name = "DATE", requires = "previous", value_parser = super::date_flag)]
    pub from: Option<super::dates::DateFlag>,
    /// For a city: how many of the townships each variant changes most to list
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// The plan in force `--previous` names, read and checked against the base
/// roster: a plan naming units or people the roster lacks (a plan of
/// another roster) is bad input, said with the file's name.
fn plan_in_force(
    path: &std::path::Path,
    roster_path: &std::path::Path,
    base: &crate::model::Roster,
    lang: Lang,
) -> Result<PlanFile, i32> {
    let prev = super::replan::read_plan(path).map_err(|msg| {
        errln!("{msg}");
        EXIT_BAD_INPUT
    })?;
    super::replan::names_known(base, &prev, lang)?;
    let before = super::replan::roster_before(path, &prev);
    for note in not_carried(base, &prev, before.as_ref()) {
        if let crate::wording::scenario::ReplanSaid::OtherRoster { units, people } = note {
            let said = WhatifSaid::PreviousOfOtherRoster {
                plan: path.display().to_string(),
                roster: roster_path.display().to_string(),
                units,
                people: people.into_iter().map(|(p, _)| p).collect(),
            };
            errln!("{}", said.say(lang));
            return Err(EXIT_BAD_INPUT);
        }
    }
    Ok(prev)
}

/// Runs `whatif`: 0 every variant planned, 1 one could not be, 2 bad input.
pub fn run(args: &WhatifArgs, lang: Lang) -> i32 {
    if super::city::is_city(&args.roster) {
        if args.previous.is_some() {
            let city = args.roster.display().to_string();
            errln!("{}", WhatifSaid::PreviousForCity { city }.say(lang));
            return EXIT_BAD_INPUT;
        }
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
    let in_force = match &args.previous {
        Some(path) => match plan_in_force(path, &args.roster, &base, lang) {
            Ok(p) => Some(p),
            Err(code) => return code,
        },
        None => None,
    };
    let from = match &args.from {
        Some(typed) => {
            let year = base.township.year;
            match typed
                .on("--from", year, lang)
                .and_then(|day| super::replan::in_year(day, year, lang))
            {
                Ok(day) => Some(day),
                Err(code) => return code,
            }
        }
        None => None,
    };
    let base_said = match in_force {
        Some(_) => WhatifSaid::InForce,
        None => WhatifSaid::Base,
    };
    let base_label = base_said.say(lang);
    let mut jobs: Vec<(String, Result<crate::model::Roster, Vec<String>>)> =
        vec![(base_label, Ok(base))];
    for v in vs {
        let roster = v
            .roster
            .map_err(|p| p.0.iter().map(|x| x.render(lang)).collect());
        jobs.push((v.name, roster));
    }
    let outcomes = match &in_force {
        // The plan in force is the base as it stands; only the variants
        // are planned, each against it as `replan` would.
        Some(prev) => {
            let path = args.previous.as_deref().unwrap_or(&args.roster);
            let against = |r: &crate::model::Roster| {
                if let Some(day) = from {
                    let gone = super::replan::gone_from_kept_said(r, prev, path, day, lang);
                    if !gone.is_empty() {
                        return Err(gone);
                    }
                }
                previous_in_force(r, prev, &[], None, from)
                    .map_err(|errs| errs.iter().map(|e| e.say(lang)).collect())
            };
            std::iter::once(Outcome::Planned(Box::new(prev.clone())))
                .chain(plan_each(
                    &jobs[1..],
                    &base_name,
                    &opts,
                    Some(&against),
                    lang,
                ))
                .collect()
        }
        None => plan_each(&jobs, &base_name, &opts, None, lang),
    };
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
        if let Some(path) = &args.previous {
            let plan = path.display().to_string();
            match args.format {
                Format::Table | Format::Markdown => {
                    outln!("{}\n", WhatifSaid::ComparedWithInForce { plan }.say(lang))
                }
                Format::Toml => outln!("previous = {}", toml::Value::String(plan)),
                // The base column's name says it; a CSV keeps one table.
                Format::Csv => {}
            }
        }
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
                        base_said.say(super::page_lang())
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
