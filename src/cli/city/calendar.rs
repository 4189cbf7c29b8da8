//! `zhudian calendar PLANS_DIR [--roster CITY] --ics DIR --csv DIR`: the
//! calendars of a city's plans. Each township's ICS files go into their own
//! folder under `--ics`, its CSV into `--csv` as `<plan name>.csv`. A plan's
//! roster comes from the city `--roster` names (paired by file name), else
//! from the plan's own `[plan].roster`, said under the township. With `--previous` (a folder of the
//! plans in force) each township's plan in force, paired by file name, has
//! the events the new plan drops written cancelled, as for one township.

use std::path::{Path, PathBuf};

use super::{Outcome, each, lines, plan_files, totals, townships};
use crate::calendar;
use crate::cli::calendar::{CalendarArgs, load_roster, roster_path};
use crate::cli::replan::read_plan;
use crate::export;
use crate::model::Roster;
use crate::plan::write_atomic;
use crate::wording::calendar::CommandSaid;
use crate::wording::city::{CityRunSaid, Done};
use crate::wording::{Lang, Say};

/// Writes every plan's calendar; the exit code is the worst township's.
pub fn run(args: &CalendarArgs, lang: Lang) -> i32 {
    let plans = match plan_files(&args.plan, lang) {
        Ok(p) => p,
        Err(e) => {
            errln!("{e}");
            return crate::cli::EXIT_BAD_INPUT;
        }
    };
    // The city's rosters by plan file name, when --roster names a city.
    let city = match &args.roster {
        Some(r) if super::is_city(r) => match townships(r, lang) {
            Ok(t) => t,
            Err(e) => {
                err!("{e}");
                return crate::cli::EXIT_BAD_INPUT;
            }
        },
        _ => Vec::new(),
    };
    // The plans in force, by file name, when --previous names a folder of them.
    let previous: Option<Vec<PathBuf>> = match &args.previous {
        Some(p) if p.is_dir() => match plan_files(p, lang) {
            Ok(f) => Some(f),
            Err(e) => {
                errln!("{e}");
                return crate::cli::EXIT_BAD_INPUT;
            }
        },
        Some(p) => Some(vec![p.clone()]),
        None => None,
    };
    // The folders this run creates, removed again if no township is written.
    let created: Vec<Vec<PathBuf>> = args
        .ics
        .iter()
        .chain(&args.csv)
        .map(|d| crate::cli::folders_to_create(d))
        .collect();
    let cancelled = std::sync::Mutex::new((0usize, 0usize, 0usize));
    let rows = each(&plans, |path| {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bad = |said: String| Outcome::bad(&file, said, Vec::new());
        let mut plan = match read_plan(path) {
            Ok(p) => p,
            Err(e) => return bad(e),
        };
        let mut details = Vec::new();
        let roster: Roster = match city.iter().find(|t| t.file == file) {
            Some(t) => match &t.roster {
                Ok(r) => r.clone(),
                Err(p) => return Outcome::bad(&file, p.join("\n    "), Vec::new()),
            },
            None => {
                let rpath = roster_path(
                    args.roster.as_ref().filter(|_| city.is_empty()),
                    path,
                    &plan,
                );
                match load_roster(&rpath, &plan) {
                    // Not in the city --roster names: the plan's own, said.
                    Ok(r) => {
                        if let Some(folder) = args.roster.as_ref().filter(|_| !city.is_empty()) {
                            details.push(super::not_in_folder(folder, path, &plan, true, lang));
                        }
                        r
                    }
                    // Not in the city --roster names, nor where the plan says.
                    Err(_) if !city.is_empty() && !rpath.is_file() => {
                        return bad(CityRunSaid::RosterGone {
                            done: Done::Calendars,
                        }
                        .say(lang));
                    }
                    Err(e) => return bad(e.trim_end().to_string()),
                }
            }
        };
        let name = roster.township.name.clone();
        if plan.session.is_empty() {
            calendar::build(&roster, &mut plan);
        }
        let cannot = |path: &Path, e: std::io::Error| {
            Outcome::bad(
                &name,
                CommandSaid::CannotWrite {
                    path: path.display().to_string(),
                    detail: crate::wording::io::write_reason(&e, lang),
                }
                .say(lang),
                Vec::new(),
            )
        };
        let before = match previous.as_deref().map(|p| previous_of(p, &file, &plan)) {
            Some(Some(p)) => match read_plan(p) {
                Ok(plan) => Some(Some((p.display().to_string(), plan))),
                Err(e) => return bad(e),
            },
            Some(None) => Some(None),
            None => None,
        };
        if let Some(dir) = &args.ics {
            let dir = dir.join(&stem);
            let old = before.as_ref().and_then(|b| b.as_ref().map(|(_, p)| p));
            match export::ics::write_following(&roster, &plan, old, &dir, lang) {
                Ok((_, _, n)) => match &before {
                    Some(Some((from, _))) => {
                        let mut c = cancelled.lock().unwrap_or_else(|e| e.into_inner());
                        c.0 += n;
                        c.1 += 1;
                        details.push(
                            CommandSaid::TownshipCancelled {
                                previous: from.clone(),
                                cancelled: n,
                            }
                            .say(lang),
                        );
                    }
                    Some(None) => {
                        cancelled.lock().unwrap_or_else(|e| e.into_inner()).2 += 1;
                        details.push(
                            CommandSaid::TownshipNoPrevious {
                                dir: args
                                    .previous
                                    .as_ref()
                                    .map(|p| p.display().to_string())
                                    .unwrap_or_default(),
                            }
                            .say(lang),
                        );
                    }
                    None => {}
                },
                Err(e) => return cannot(&dir, e),
            }
        }
        if let Some(dir) = &args.csv {
            let out: PathBuf = dir.join(format!("{stem}.csv"));
            let body = export::csv::render(&roster, &plan, lang);
            if let Err(e) =
                std::fs::create_dir_all(dir).and_then(|()| write_atomic(&out, body.as_bytes()))
            {
                return cannot(&out, e);
            }
        }
        let m = &plan.plan.metrics;
        Outcome {
            township: name,
            code: crate::cli::EXIT_OK,
            said: CommandSaid::Totals {
                station: m.station_sessions,
                makeup: m.makeup_sessions,
                visits: m.household_visit_sessions,
                shortfall: m.shortfall_sessions,
                warnings: m.warnings,
            }
            .say(lang),
            details,
        }
    });
    lines(&rows, lang);
    if rows.iter().all(|r| r.code != crate::cli::EXIT_OK) {
        for folders in &created {
            crate::cli::remove_created(folders);
        }
    }
    if args.previous.is_some() && args.ics.is_some() {
        let (n, townships, missing) = cancelled.into_inner().unwrap_or_else(|e| e.into_inner());
        outln!(
            "{}",
            CommandSaid::CityCancelled {
                city: city_name(args.roster.as_deref(), &plans),
                cancelled: n,
                townships,
                missing
            }
            .say(lang)
        );
    }
    totals(&rows, Done::Calendars, lang)
}

/// The plan in force for a township's plan `file`: the one of the same file
/// name, else the one made from a roster of the same file name.
fn previous_of<'a>(
    previous: &'a [PathBuf],
    file: &str,
    plan: &crate::plan::PlanFile,
) -> Option<&'a PathBuf> {
    if let Some(p) = previous
        .iter()
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy() == file))
    {
        return Some(p);
    }
    let stem = |s: &str| {
        Path::new(s)
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
    };
    let wanted = stem(&plan.plan.roster)?;
    previous.iter().find(|p| {
        read_plan(p)
            .ok()
            .is_some_and(|old| stem(&old.plan.roster).as_deref() == Some(wanted.as_str()))
    })
}

/// The city's name from the city.toml of `--roster`, else of the folder
/// holding the first plan's roster; empty when none says it.
fn city_name(roster: Option<&Path>, plans: &[PathBuf]) -> String {
    match roster {
        Some(r) => super::city_name(r),
        None => super::plans_city(plans),
    }
}
