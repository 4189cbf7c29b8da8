//! The command line: one clap definition per flag feeds parsing and help.
//! Each subcommand is a thin call into the library; exit codes follow the
//! spec: 0 done, 1 infeasible (or an invalid plan for `check`), 2 bad input.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::roster;
use crate::wording::{Lang, Say};

pub const EXIT_OK: i32 = 0;
pub const EXIT_INFEASIBLE: i32 = 1;
pub const EXIT_BAD_INPUT: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "zhudian",
    version,
    about = "Plans township cadres' village stationing (驻点): who covers which unit with which team, and the year's visit calendar."
)]
pub struct Cli {
    /// Language of messages: en or zh (default: ZHUDIAN_LANG, else en)
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a roster: every problem, each with its place; a summary when valid
    Validate {
        /// Roster file (TOML), a city file with [[township]] entries, or a folder of rosters
        roster: PathBuf,
    },
    /// Plan who leads which unit with which team: writes the plan file, prints a short table
    Plan(crate::planner::PlanArgs),
    /// The plan's calendar for phones (--ics DIR: one .ics per person) and spreadsheets (--csv FILE)
    Calendar(crate::calendar::CalendarArgs),
    /// Check a plan against its roster, independently of the planner: every
    /// hard rule and calendar rule, and the cost recomputed
    Check(crate::verify::CheckArgs),
    /// Plan a changed roster against the plan in force: as few changes as the cost says
    Replan(crate::scenario::replan::ReplanArgs),
    /// Plan each what-if variant of a roster, in parallel, and compare them with the base
    Whatif(crate::scenario::whatif::WhatifArgs),
    /// A realistic synthetic roster from a seed (or a whole city's rosters)
    Generate(Box<crate::generate::GenerateArgs>),
    /// Plans side by side: cost and its terms, bound, tours, teams, calendar; who moved where
    Compare(crate::scenario::compare::CompareArgs),
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_BAD_INPUT
            } else {
                EXIT_OK
            };
        }
    };
    let lang = cli
        .lang
        .clone()
        .or_else(|| std::env::var("ZHUDIAN_LANG").ok())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En);
    Lang::set_current(lang);
    run(cli.command, lang)
}

fn run(command: Command, lang: Lang) -> i32 {
    match command {
        Command::Validate { roster: path } => validate(&path, lang),
        Command::Plan(args) => crate::planner::run(&args, lang),
        Command::Calendar(args) => crate::calendar::run(args, lang),
        Command::Replan(args) => crate::scenario::replan::run(&args, lang),
        Command::Whatif(args) => crate::scenario::whatif::run(&args, lang),
        Command::Check(args) => crate::verify::run(args, lang),
        Command::Generate(args) => match crate::generate::run(&args) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("zhudian generate: {e}");
                EXIT_BAD_INPUT
            }
        },
        Command::Compare(args) => crate::scenario::compare::run(&args, lang),
    }
}

fn validate(path: &std::path::Path, lang: Lang) -> i32 {
    match roster::load_all(path) {
        Ok(rosters) => {
            for r in &rosters {
                print!("{}", roster::summary::summarize(r).say(lang));
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
