//! The command layer: the clap definition of every command and flag, the
//! language, and the exit codes. Each command lives in its own file: it
//! parses its arguments, reads the inputs, calls the library, prints through
//! `wording`, writes outputs atomically and maps the outcome to an exit code.
//! Nothing below `cli` prints, exits or names an exit code. Exit codes follow
//! the spec: 0 done, 1 infeasible (or an invalid plan for `check`), 2 bad input.

// Output for the whole command layer (defined before the modules that use
// them). A reader that stopped early (`zhudian validate DIR | head -1`) ends
// the run quietly, as ripgrep does; a closed stderr is no reason to panic.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::write_stdout(format_args!($($arg)*))
    };
}
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod calendar;
pub mod check;
pub mod city;
pub mod compare;
pub mod convert;
pub mod dates;
pub mod export;
pub mod generate;
pub mod notice;
pub mod people;
pub mod plan;
pub mod replan;
pub mod report;
pub mod roles;
pub mod template;
pub mod validate;
pub mod warnings;
pub mod whatif;

use std::path::Path;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::wording::io::IoSaid;
use crate::wording::{Lang, Say};

/// Tells how a roster was read (GBK, attendees given by name) on stderr:
/// worth knowing, never a reason to stop.
pub fn print_roster_notes(r: &crate::model::Roster, lang: Lang) {
    for n in &r.notes {
        errln!("{}", crate::wording::input::note(&r.source, n, lang));
    }
}

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
    /// Every warning in a plan file (or every township's in a folder of plans), by name, as a
    /// table or CSV (--kind to pick one kind)
    Warnings(warnings::WarningsArgs),
    /// One row per person (township, district, role, units, sessions, make-ups,
    /// household visit sessions, share of working days) of a plan or a city, as CSV
    People(people::PeopleArgs),
    /// An empty roster workbook (.xlsx) to fill in: every sheet, heading, default and note
    Template(template::TemplateArgs),
    /// Convert a roster between TOML and a workbook (the format follows the extension)
    Convert(convert::ConvertArgs),
    /// The documents a township issues, as a workbook: teams, timetables, leaders,
    /// sessions, warnings (Chinese unless --lang says otherwise)
    Export(export::ExportArgs),
    /// One self-contained HTML page: a plan (map, loads, quality, the year,
    /// teams, warnings), plans compared, or a whole city
    Report(report::ReportArgs),
    /// The posted timetable (驻点时间公示表) a village committee pins up: one
    /// printable A4 page per unit (--unit NAME for one), Chinese unless --lang says otherwise
    Notice(notice::NoticeArgs),
}

/// Parses the command line, runs the command, returns the exit code.
/// The language the planner asked for (`--lang`, `ZHUDIAN_LANG`), if any.
static CHOSEN_LANG: std::sync::OnceLock<Option<Lang>> = std::sync::OnceLock::new();

/// The language of workbooks and HTML reports: the one asked for, else Chinese, since the
/// page goes to a township party committee.
pub fn page_lang() -> Lang {
    CHOSEN_LANG.get().copied().flatten().unwrap_or(Lang::Zh)
}

pub fn main() -> i32 {
    clean_up_on_signals();
    // `warnings --kind`'s help lists the kinds in the planner's language.
    let command = in_lang(Cli::command(), lang_before_parsing()).mut_subcommand("warnings", |c| {
        c.mut_arg("kind", |a| {
            a.help(crate::wording::warnings::kind_help(lang_before_parsing()))
        })
    });
    let parsed = command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            if let Some(said) = not_a_date(&e) {
                errln!("{}", said.say(lang_before_parsing()));
                return EXIT_BAD_INPUT;
            }
            if let Some(said) = clap_refusal(&e)
                && let Some(text) = crate::wording::args::in_lang(
                    &said,
                    usage_of(&e).as_deref(),
                    lang_before_parsing(),
                )
            {
                errln!("{text}");
                return EXIT_BAD_INPUT;
            }
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
    let asked = given.is_some();
    let lang = match given {
        None => Lang::En,
        Some((source, l)) => match Lang::parse(&l) {
            Some(lang) => lang,
            None => {
                errln!("{}", crate::wording::unknown_lang(source, &l));
                return EXIT_BAD_INPUT;
            }
        },
    };
    let _ = CHOSEN_LANG.set(asked.then_some(lang));
    Lang::set_current(lang);
    // Workbooks and pages are for the township's office: Chinese unless asked otherwise.
    run(cli.command, lang, page_lang())
}

fn run(command: Command, lang: Lang, docs: Lang) -> i32 {
    // A roster where a plan goes (or the other way round), or a plan about
    // to replace a roster: refused before anything is read or written.
    if let Err(code) = roles::check(&command, lang) {
        return code;
    }
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
        Command::People(args) => people::run(&args, lang),
        Command::Template(args) => template::run(&args, lang, docs),
        Command::Convert(args) => convert::run(&args, lang, docs),
        Command::Export(args) => export::run(&args, lang, docs),
        Command::Report(args) => report::run(&args, lang),
        Command::Notice(args) => notice::run(&args, lang, docs),
    }
}

/// On SIGINT or SIGTERM: remove the temporary files of writes under way
/// (finished outputs stay whole, unfinished ones never appear), then end
/// with 128 + the signal's number, as shells report it.
fn clean_up_on_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            crate::plan::remove_temporary_files();
            std::process::exit(128 + signal);
        }
    });
}

pub(crate) use dates::date_flag;

/// A date flag's value that `date_flag` refused, as the planner is told it.
fn not_a_date(e: &clap::Error) -> Option<IoSaid> {
    use clap::error::{ContextKind, ContextValue};
    if e.kind() != clap::error::ErrorKind::ValueValidation {
        return None;
    }
    let text = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg)?;
    let flag = arg.split_whitespace().next()?.to_string();
    (flag == "--from").then(|| IoSaid::NotADate {
        flag,
        value: text(ContextKind::InvalidValue).unwrap_or_default(),
    })
}

/// clap's common refusals as the wording says them, naming each flag as
/// typed (`-o` when the planner wrote `-o`); `None` for the others (help,
/// version, rarer refusals), which clap prints itself.
fn clap_refusal(e: &clap::Error) -> Option<crate::wording::args::ArgSaid> {
    use crate::wording::args::ArgSaid;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let list = |k| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    Some(match e.kind() {
        ErrorKind::MissingRequiredArgument => ArgSaid::Missing {
            args: list(ContextKind::InvalidArg),
        },
        ErrorKind::UnknownArgument => ArgSaid::Unexpected {
            arg: text(ContextKind::InvalidArg)?,
            suggestion: text(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => ArgSaid::UnknownCommand {
            name: text(ContextKind::InvalidSubcommand)?,
            suggestions: list(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = as_typed(&text(ContextKind::InvalidArg)?);
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            if value.is_empty() {
                ArgSaid::NoValue { arg }
            } else {
                ArgSaid::InvalidValue {
                    arg,
                    value,
                    valid: list(ContextKind::ValidValue),
                }
            }
        }
        _ => return None,
    })
}

/// A flag as clap names it (`--output <PLAN>`) as the planner typed it:
/// its short form when that is what the command line holds.
fn as_typed(arg: &str) -> String {
    let long = arg.split_whitespace().next().unwrap_or(arg);
    let Some(name) = long.strip_prefix("--") else {
        return long.to_string();
    };
    let typed: Vec<String> = std::env::args().skip(1).collect();
    if typed
        .iter()
        .any(|a| a == long || a.starts_with(&format!("{long}=")))
    {
        return long.to_string();
    }
    let mut command = Cli::command();
    command.build();
    let short = std::iter::once(&command)
        .chain(command.get_subcommands())
        .flat_map(|c| c.get_arguments())
        .find(|a| a.get_long() == Some(name))
        .and_then(|a| a.get_short());
    match short {
        Some(c) if typed.iter().any(|a| a == &format!("-{c}")) => format!("-{c}"),
        _ => long.to_string(),
    }
}

/// The usage line clap put in its refusal, else the command's own (clap
/// leaves it out when a flag lacks its value).
fn usage_of(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    if let Some(ContextValue::StyledStr(u)) = e.get(ContextKind::Usage) {
        return Some(u.to_string());
    }
    let mut command = Cli::command();
    command.build();
    let typed: Vec<String> = std::env::args().skip(1).collect();
    let sub = typed
        .iter()
        .find_map(|a| command.get_subcommands().find(|c| c.get_name() == a))
        .map(|c| c.get_name().to_string());
    let mut usage = match sub {
        Some(name) => command.find_subcommand_mut(&name)?.render_usage(),
        None => command.render_usage(),
    };
    Some(std::mem::take(&mut usage).to_string())
}

/// The language asked for, read before clap has parsed the command line
/// (`--lang zh`, `--lang=zh`, else ZHUDIAN_LANG), for refusals made while parsing.
fn lang_before_parsing() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let given = args.iter().enumerate().find_map(|(i, a)| match a.as_str() {
        "--lang" => args.get(i + 1).cloned(),
        _ => a.strip_prefix("--lang=").map(String::from),
    });
    given
        .or_else(|| std::env::var("ZHUDIAN_LANG").ok())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En)
}

/// The help's lines on zhudian and each command in the planner's language
/// (the doc comments are the English); flags keep their one definition.
fn in_lang(mut command: clap::Command, lang: Lang) -> clap::Command {
    use crate::wording::help::{about, commands_heading};
    if let Some(line) = about(None, lang) {
        command = command.about(line).long_about(None);
    }
    if let Some(heading) = commands_heading(lang) {
        command = command.subcommand_help_heading(heading);
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        if let Some(line) = about(Some(&name), lang) {
            command = command.mut_subcommand(name, |c| c.about(line).long_about(None));
        }
    }
    command
}

/// Writes to stdout; a closed pipe ends the run with 0 and no word.
pub(crate) fn write_stdout(args: std::fmt::Arguments) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_fmt(args).and_then(|()| stdout.flush());
    if let Err(e) = written
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(EXIT_OK);
    }
}

/// Whether two paths name one file (links followed), judged by metadata
/// only: opening a FIFO to compare it would wait for a writer.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(x), Ok(y)) => {
            use std::os::unix::fs::MetadataExt;
            x.dev() == y.dev() && x.ino() == y.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        },
        _ => false,
    }
}

/// Whether an output flag was given `-`: the screen (stdout), as Unix tools take it.
pub(crate) fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Refuses, saying so, an output given as `-` where a file or folder must be
/// named (a plan, a workbook, a page), rather than writing a file called "-".
pub(crate) fn a_named_output(output: &Path, lang: Lang) -> Result<(), i32> {
    if is_stdout(output) {
        errln!("{}", IoSaid::DashNotAFile.say(lang));
        return Err(EXIT_BAD_INPUT);
    }
    Ok(())
}

/// Refuses, saying so, to write `output` when it is one of `inputs` (the
/// same file under any name or link) or is `-`. Err holds the exit code.
pub(crate) fn not_an_input(output: &Path, inputs: &[&Path], lang: Lang) -> Result<(), i32> {
    a_named_output(output, lang)?;
    for input in inputs {
        if same_file(output, input) {
            errln!(
                "{}",
                IoSaid::OutputIsInput {
                    output: output.display().to_string(),
                    input: input.display().to_string(),
                }
                .say(lang)
            );
            return Err(EXIT_BAD_INPUT);
        }
    }
    Ok(())
}

/// The folders `create_dir_all(path)` would create, deepest first: a run
/// that ends with nothing to write removes them again ([`remove_created`]),
/// rather than leaving an empty folder behind.
pub(crate) fn folders_to_create(path: &Path) -> Vec<std::path::PathBuf> {
    path.ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .take_while(|p| std::fs::symlink_metadata(p).is_err())
        .map(Path::to_path_buf)
        .collect()
}

/// Removes the folders a run created, deepest first, each only while empty.
pub(crate) fn remove_created(folders: &[std::path::PathBuf]) {
    for f in folders {
        if std::fs::remove_dir(f).is_err() {
            return;
        }
    }
}
