//! `zhudian check ROSTER PLAN [--previous PLAN]`: reads the roster and the
//! plan, hands them to the independent checker (`verify`), prints every
//! violation, the notes and a summary. Exit 0 valid, 1 not, 2 unreadable.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK};
use crate::roster;
use crate::verify::{Report, check_files_from};
use crate::wording::Lang;
use crate::wording::check::{self as words, Unreadable};

/// Arguments of `zhudian check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Roster file (TOML or .xlsx workbook) the plan was made for; or a city (folder of
    /// rosters, or a file with [[township]] entries)
    pub roster: PathBuf,
    /// Plan file (TOML) to check; for a city, the folder of its plans
    pub plan: PathBuf,
    /// The previous plan this one was replanned against, to check its change
    /// counts (for a city, the folder of previous plans)
    #[arg(long, value_name = "PLAN")]
    pub previous: Option<PathBuf>,
    /// The plan was replanned from this day (2026-07-01, 2026/7/1, 2026.7.1,
    /// 2026年7月1日, or 7月1日 on the roster's year): every session before it
    /// must be exactly as in --previous
    #[arg(long, value_name = "DATE", requires = "previous", value_parser = super::date_flag)]
    pub from: Option<super::dates::DateFlag>,
}

/// `zhudian check`: prints every violation and a summary; 0 valid, 1 not, 2 unreadable.
pub fn run(args: &CheckArgs, lang: Lang) -> i32 {
    if super::city::is_city(&args.roster) {
        return super::city::check::run(
            &args.roster,
            &args.plan,
            args.previous.as_deref(),
            args.from.as_ref(),
            lang,
        );
    }
    let roster = match roster::load(&args.roster) {
        Ok(r) => r,
        Err(problems) => {
            err!("{}", problems.render(lang));
            errln!(
                "{}",
                crate::wording::roster::problem_count(problems.0.len(), lang)
            );
            return EXIT_BAD_INPUT;
        }
    };
    super::print_roster_notes(&roster, lang);
    let from = match args
        .from
        .as_ref()
        .map(|f| f.on("--from", roster.township.year, lang))
        .transpose()
    {
        Ok(d) => d,
        Err(code) => return code,
    };
    let plan_name = args.plan.display().to_string();
    let read = |p: &PathBuf| {
        crate::input::read_to_string(p).map_err(|e| Unreadable::Io {
            detail: e.to_string(),
        })
    };
    let plan_text = match read(&args.plan) {
        Ok(t) => t,
        Err(e) => {
            errln!("{}", words::unreadable_line(&plan_name, &e, lang));
            return EXIT_BAD_INPUT;
        }
    };
    let previous_text = match args.previous.as_ref().map(|p| (p, read(p))) {
        Some((_, Ok(t))) => Some(t),
        Some((p, Err(e))) => {
            errln!(
                "{}",
                words::unreadable_line(&p.display().to_string(), &e, lang)
            );
            return EXIT_BAD_INPUT;
        }
        None => None,
    };
    let plan = crate::plan::PlanFile::from_toml(&plan_text).ok();
    if let Some(code) = other_previous(plan.as_ref(), &args.plan, args.previous.as_deref(), lang) {
        return code;
    }
    let report = check_files_from(&roster, &plan_text, previous_text.as_deref(), from);
    if let Some(e) = &report.unreadable {
        let name = match (e, &args.previous) {
            (Unreadable::Previous(_), Some(p)) => p.display().to_string(),
            _ => plan_name,
        };
        errln!("{}", words::unreadable_line(&name, e, lang));
        return EXIT_BAD_INPUT;
    }
    // A plan made for another version of the roster explains every
    // violation after it: said first, with the roster it was made from (a
    // trial read 58 violations before the reason, on the last line).
    let (other, notes): (Vec<_>, Vec<_>) = report
        .notes
        .iter()
        .partition(|n| matches!(n, words::Note::OtherRoster));
    for note in &other {
        outln!("{}", words::note_line(note, lang));
        if let Some(p) = &plan {
            outln!("{}", words::made_from_line(&p.plan.roster, lang));
        }
    }
    for line in report.lines(&roster, lang) {
        outln!("{line}");
    }
    for note in &notes {
        outln!("{}", words::note_line(note, lang));
    }
    if let Some(p) = &report.past {
        outln!("{}", words::past_line(p, lang));
    }
    outln!("{}", words::summary_line(&report, lang));
    // The checker reads the plan with its own code; the warnings it carries
    // are the planner's, read back here only to be shown.
    if let Some(plan) = &plan {
        out!("{}", super::warnings::digest(plan, &args.plan, lang));
    }
    report.exit_code()
}

/// A plan replanned from another plan than `--previous`: said, and exit 2
/// (its teams would make every session a violation). A plan given as its
/// own `--previous` is checked as it stands.
fn other_previous(
    plan: Option<&crate::plan::PlanFile>,
    plan_path: &std::path::Path,
    previous: Option<&std::path::Path>,
    lang: Lang,
) -> Option<i32> {
    let header = &plan?.plan;
    let (recorded, sha) = (
        header.previous_plan.as_ref()?,
        header.previous_plan_sha256.as_ref()?,
    );
    let given = previous?;
    let bytes = std::fs::read(given).ok()?;
    if super::replan::sha256(&bytes) == *sha || std::fs::read(plan_path).ok()? == bytes {
        return None;
    }
    // Named as the planner knows them: the file names, without folders.
    let name = |p: &std::path::Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let (recorded, given) = (name(std::path::Path::new(recorded)), name(given));
    errln!("{}", words::other_previous_line(&recorded, &given, lang));
    Some(EXIT_BAD_INPUT)
}

/// The exit code a check's outcome maps to.
pub trait Outcome {
    /// 0 valid, 1 a violation, 2 the plan (or previous plan) unreadable.
    fn exit_code(&self) -> i32;
}

impl Outcome for Report {
    fn exit_code(&self) -> i32 {
        if self.unreadable.is_some() {
            EXIT_BAD_INPUT
        } else if self.violations.is_empty() {
            EXIT_OK
        } else {
            EXIT_INFEASIBLE
        }
    }
}
