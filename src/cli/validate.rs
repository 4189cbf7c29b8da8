//! `zhudian validate ROSTER`: every problem of a roster (or of each roster in
//! a folder or city file), each with its place; a one-screen summary of each
//! township when all is well.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::roster;
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// Roster file (TOML), a city file with [[township]] entries, or a folder of rosters
    pub roster: PathBuf,
    /// The plan in force: each `succeeds` must name someone in the roster or in it
    #[arg(long, value_name = "PLAN")]
    pub previous: Option<PathBuf>,
}

pub fn run(args: &ValidateArgs, lang: Lang) -> i32 {
    match roster::load_all(&args.roster) {
        Ok(rosters) => {
            if let Some(path) = &args.previous {
                let prev = match super::replan::read_plan(path) {
                    Ok(p) => p,
                    Err(msg) => {
                        eprintln!("{msg}");
                        return EXIT_BAD_INPUT;
                    }
                };
                let mut all = roster::Problems::default();
                for r in &rosters {
                    all.0
                        .extend(roster::succession::against_previous(r, &prev).0);
                }
                if !all.0.is_empty() {
                    eprint!("{}", all.render(lang));
                    eprintln!(
                        "{}",
                        crate::wording::roster::problem_count(all.0.len(), lang)
                    );
                    return EXIT_BAD_INPUT;
                }
            }
            for r in &rosters {
                super::print_roster_notes(r, lang);
                out!("{}", roster::summary::summarize(r).say(lang));
                // Meetings inside the station window: worth moving before planning.
                for m in crate::calendar::meetings_in_window(r) {
                    out!(
                        "{}",
                        crate::wording::calendar::validate_warning(&m.said(r), lang)
                    );
                }
            }
            EXIT_OK
        }
        Err(problems) => {
            err!("{}", problems.render(lang));
            let nothing_read = matches!(
                problems.0.as_slice(),
                [p] if matches!(p.said, crate::wording::roster::RosterSaid::NoRosterFiles { .. })
            );
            if !nothing_read {
                errln!(
                    "{}",
                    crate::wording::roster::problem_count(problems.0.len(), lang)
                );
            }
            EXIT_BAD_INPUT
        }
    }
}
