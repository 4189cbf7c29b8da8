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
}

pub fn run(args: &ValidateArgs, lang: Lang) -> i32 {
    match roster::load_all(&args.roster) {
        Ok(rosters) => {
            for r in &rosters {
                print!("{}", roster::summary::summarize(r).say(lang));
                // Meetings inside the station window: worth moving before planning.
                for m in crate::calendar::meetings_in_window(r) {
                    print!(
                        "{}",
                        crate::wording::calendar::validate_warning(&m.said(r), lang)
                    );
                }
            }
            EXIT_OK
        }
        Err(problems) => {
            eprint!("{}", problems.render(lang));
            eprintln!(
                "{}",
                crate::wording::roster::problem_count(problems.0.len(), lang)
            );
            EXIT_BAD_INPUT
        }
    }
}
