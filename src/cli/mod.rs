//! The command layer: the clap definition of every command and flag, the
//! language, and the exit codes. Each command lives in its own file: it
//! parses its arguments, reads the inputs, calls the library, prints through
//! `wording`, writes outputs atomically and maps the outcome to an exit code.
//! Nothing below `cli` prints, exits or names an exit code. Exit codes follow
//! the spec: 0 done, 1 infeasible (or an invalid plan for `check`), 2 bad input.

pub mod calendar;
pub mod check;
pub mod city;
pub mod compare;
pub mod convert;
pub mod export;
pub mod generate;
pub mod plan;
pub mod replan;
pub mod template;
pub mod validate;
pub mod warnings;
pub mod whatif;

use clap::{Parser, Subcommand};

use crate::wording::Lang;

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
    Validate(validate::ValidateArgs),
    /// Plan who leads which unit with which team: writes the plan file, prints a short table
    Plan(plan::PlanArgs),
    /// The plan's calendar for phones (--ics DIR: one .ics per person) and spreadsheets (--csv FILE)
    Calendar(calendar::CalendarArgs),
    /// Check a plan against its roster, independently of the planner: every
    /// hard rule and calendar rule, and the cost recomputed
    Check(check::CheckArgs),
    /// Plan a changed roster against the plan in force: as few changes as the cost says
    Replan(replan::ReplanArgs),
    /// Plan each what-if variant of a roster, in parallel, and compare them with the base
    Whatif(whatif::WhatifArgs),
    /// A realistic synthetic roster from a seed (or a whole city's rosters)
    Generate(Box<generate::GenerateArgs>),
    /// Plans side by side: cost and its terms, bound, tours, teams, calendar; who moved where
    Compare(compare::CompareArgs),
    /// Every warning in a plan file, by name, as a table or CSV (--kind to pick one kind)
    Warnings(warnings::WarningsArgs),
    /// An empty roster workbook (.xlsx) to fill in: every sheet, heading, default and note
    Template(template::TemplateArgs),
    /// Convert a roster between TOML and a workbook (the format follows the extension)
    Convert(convert::ConvertArgs),
    /// The documents a township issues, as a workbook: teams, timetables, leaders,
    /// sessions, warnings (Chinese unless --lang says otherwise)
    Export(export::ExportArgs),
}

/// Parses the command line, runs the command, returns the exit code.
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
    let given = match &cli.lang {
        Some(l) => Some(("--lang", l.clone())),
        None => std::env::var("ZHUDIAN_LANG")
            .ok()
            .filter(|l| !l.trim().is_empty())
            .map(|l| ("ZHUDIAN_LANG", l)),
    };
    let lang = match given {
        None => Lang::En,
        Some((source, l)) => match Lang::parse(&l) {
            Some(lang) => lang,
            None => {
                eprintln!("{}", crate::wording::unknown_lang(source, &l));
                return EXIT_BAD_INPUT;
            }
        },
    };
    Lang::set_current(lang);
    // Workbooks are for the township's office: Chinese unless asked otherwise.
    let asked = cli.lang.is_some() || std::env::var("ZHUDIAN_LANG").is_ok();
    let docs = if asked { lang } else { Lang::Zh };
    run(cli.command, lang, docs)
}

fn run(command: Command, lang: Lang, docs: Lang) -> i32 {
    match command {
        Command::Validate(args) => validate::run(&args, lang),
        Command::Plan(args) => plan::run(&args, lang),
        Command::Calendar(args) => calendar::run(&args, lang),
        Command::Replan(args) => replan::run(&args, lang),
        Command::Whatif(args) => whatif::run(&args, lang),
        Command::Check(args) => check::run(&args, lang),
        Command::Generate(args) => generate::main(&args),
        Command::Compare(args) => compare::run(&args, lang),
        Command::Warnings(args) => warnings::run(&args, lang),
        Command::Template(args) => template::run(&args, lang, docs),
        Command::Convert(args) => convert::run(&args, lang, docs),
        Command::Export(args) => export::run(&args, lang, docs),
    }
}
