//! `zhudian calendar PLAN --ics DIR --csv FILE`: a plan's calendar for phones
//! and spreadsheets. The roster (for names, posts and the year) comes from
//! the plan's `[plan].roster` unless `--roster` says otherwise; a plan without
//! sessions gets its calendar built from its assignment first.

use std::path::{Path, PathBuf};

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::calendar;
use crate::export;
use crate::model::Roster;
use crate::plan::{PlanFile, write_atomic};
use crate::roster;
use crate::wording::calendar::CommandSaid;
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug, Clone)]
pub struct CalendarArgs {
    /// Plan file (TOML) written by `zhudian plan`; or a folder of a city's plans
    pub plan: PathBuf,
    /// Write one iCalendar (.ics) file per person into this folder (for a
    /// city, one folder per township inside it)
    #[arg(long, value_name = "DIR")]
    pub ics: Option<PathBuf>,
    /// Write every session as one CSV row (UTF-8 with BOM) to this file, or
    /// to the screen with `-` (for a city, a folder: one CSV per township)
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Roster to read names from, instead of the one the plan names (for a
    /// city's plans, the city: folder of rosters or city file)
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// The plan in force before this one: its people get files too, and its
    /// events this plan drops are written cancelled (with --ics)
    #[arg(long, value_name = "PLAN")]
    pub previous: Option<PathBuf>,
}

/// Finds the plan's roster: `--roster` if given, else as the plan names it,
/// else beside the plan file.
pub(super) fn roster_path(roster: Option<&PathBuf>, plan_path: &Path, plan: &PlanFile) -> PathBuf {
    if let Some(r) = roster {
        return r.clone();
    }
    let given = PathBuf::from(&plan.plan.roster);
    if given.is_relative()
        && !given.exists()
        && let Some(dir) = plan_path.parent()
    {
        let beside = dir.join(&given);
        if beside.exists() {
            return beside;
        }
    }
    given
}

/// Reads the township the plan was made for; for a city file the plan's
/// `roster_sha256` ends in `#N`, its place in the file.
pub(super) fn load_roster(path: &Path, plan: &PlanFile) -> Result<Roster, String> {
    let mut all = roster::load_all(path).map_err(|p| p.render(Lang::current()))?;
    let wanted = plan.plan.roster_sha256.as_str();
    if let Some(i) = all.iter().position(|r| r.sha256 == wanted) {
        return Ok(all.swap_remove(i));
    }
    if let Some((_, n)) = wanted.split_once('#')
        && let Ok(n) = n.parse::<usize>()
        && (1..=all.len()).contains(&n)
    {
        return Ok(all.swap_remove(n - 1));
    }
    if all.len() == 1 {
        return Ok(all.remove(0));
    }
    Err(format!(
        "{}: {} townships, none with the plan's roster_sha256",
        path.display(),
        all.len()
    ))
}

/// Runs `calendar`: 0 done, 2 when the plan or roster cannot be read or an output written.
pub fn run(args: &CalendarArgs, lang: Lang) -> i32 {
    // A folder of .ics files cannot go to the screen, nor can a city's CSVs.
    let city = args.plan.is_dir();
    for dir in args.ics.iter().chain(args.csv.iter().filter(|_| city)) {
        if let Err(code) = super::a_named_output(dir, lang) {
            return code;
        }
    }
    if city {
        return super::city::calendar::run(args, lang);
    }
    let plan_name = args.plan.display().to_string();
    let text = match crate::input::read_to_string(&args.plan) {
        Ok(t) => t,
        Err(e) => {
            errln!(
                "{}",
                CommandSaid::PlanUnreadable {
                    path: plan_name,
                    detail: e.to_string()
                }
                .say(lang)
            );
            return EXIT_BAD_INPUT;
        }
    };
    let mut plan = match PlanFile::from_toml(&text) {
        Ok(p) => p,
        Err(e) => {
            errln!(
                "{}",
                CommandSaid::PlanUnreadable {
                    path: plan_name,
                    detail: e
                }
                .say(lang)
            );
            return EXIT_BAD_INPUT;
        }
    };
    let rpath = roster_path(args.roster.as_ref(), &args.plan, &plan);
    let roster = match load_roster(&rpath, &plan) {
        Ok(r) => r,
        Err(e) => {
            err!("{e}");
            if !e.ends_with('\n') {
                errln!();
            }
            return EXIT_BAD_INPUT;
        }
    };
    if roster.sha256 != plan.plan.roster_sha256
        && !plan
            .plan
            .roster_sha256
            .starts_with(&format!("{}#", roster.sha256))
    {
        errln!(
            "{}",
            CommandSaid::RosterMismatch {
                roster: rpath.display().to_string()
            }
            .say(lang)
        );
    }
    if plan.session.is_empty() {
        calendar::build(&roster, &mut plan);
        errln!("{}", CommandSaid::Built.say(lang));
    }
    let previous = match args.previous.as_ref().map(|p| super::replan::read_plan(p)) {
        Some(Err(msg)) => {
            errln!("{msg}");
            return EXIT_BAD_INPUT;
        }
        Some(Ok(p)) => Some(p),
        None => None,
    };
    // With `--csv -` the CSV is stdout's whole content; what the run says goes to stderr.
    let to_stdout = args.csv.as_deref().is_some_and(super::is_stdout);
    let say = |line: String| {
        if to_stdout {
            errln!("{line}")
        } else {
            outln!("{line}")
        }
    };
    if let Some(dir) = &args.ics {
        match export::ics::write_following(&roster, &plan, previous.as_ref(), dir, lang) {
            Ok((files, events, cancelled)) => {
                say(CommandSaid::WroteIcs {
                    dir: dir.display().to_string(),
                    files,
                    events,
                }
                .say(lang));
                if previous.is_some() || cancelled > 0 {
                    say(CommandSaid::CancelledIcs { cancelled }.say(lang));
                }
            }
            Err(e) => {
                errln!(
                    "{}",
                    CommandSaid::CannotWrite {
                        path: dir.display().to_string(),
                        detail: crate::wording::io::write_reason(&e, lang)
                    }
                    .say(lang)
                );
                return EXIT_BAD_INPUT;
            }
        }
    }
    if to_stdout {
        out!("{}", export::csv::render(&roster, &plan, lang));
    } else if let Some(path) = &args.csv {
        if let Err(code) = super::not_an_input(path, &[&args.plan, &rpath], lang) {
            return code;
        }
        let body = export::csv::render(&roster, &plan, lang);
        match write_atomic(path, body.as_bytes()) {
            Ok(()) => outln!(
                "{}",
                CommandSaid::WroteCsv {
                    path: path.display().to_string(),
                    rows: plan.session.len()
                }
                .say(lang)
            ),
            Err(e) => {
                errln!(
                    "{}",
                    CommandSaid::CannotWrite {
                        path: path.display().to_string(),
                        detail: crate::wording::io::write_reason(&e, lang)
                    }
                    .say(lang)
                );
                return EXIT_BAD_INPUT;
            }
        }
    }
    let m = &plan.plan.metrics;
    say(CommandSaid::Totals {
        station: m.station_sessions,
        makeup: m.makeup_sessions,
        visits: m.household_visit_sessions,
        shortfall: m.shortfall_sessions,
        warnings: m.warnings,
    }
    .say(lang));
    EXIT_OK
}
