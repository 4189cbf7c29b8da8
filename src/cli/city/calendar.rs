//! `zhudian calendar PLANS_DIR [--roster CITY] --ics DIR --csv DIR`: the
//! calendars of a city's plans. Each township's ICS files go into their own
//! folder under `--ics`, its CSV into `--csv` as `<plan name>.csv`. A plan's
//! roster comes from the city `--roster` names (paired by file name), else
//! from the plan's own `[plan].roster`.

use std::path::{Path, PathBuf};

use super::{Outcome, each, finish, plan_files, townships};
use crate::calendar;
use crate::cli::calendar::{CalendarArgs, load_roster, roster_path};
use crate::cli::replan::read_plan;
use crate::export;
use crate::model::Roster;
use crate::plan::write_atomic;
use crate::wording::calendar::CommandSaid;
use crate::wording::city::Done;
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
                    Ok(r) => r,
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
                    detail: e.to_string(),
                }
                .say(lang),
                Vec::new(),
            )
        };
        if let Some(dir) = &args.ics {
            let dir = dir.join(&stem);
            if let Err(e) = export::ics::write_all(&roster, &plan, &dir, lang) {
                return cannot(&dir, e);
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
            details: Vec::new(),
        }
    });
    finish(&rows, Done::Calendars, lang)
}
