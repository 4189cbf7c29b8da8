//! `zhudian notice PLAN -o FILE.html [--unit NAME]`: the posted timetable
//! (驻点时间公示表) a village committee pins up, one A4 page per unit
//! (`report::notice`); `--unit` (a unit's name or id) for one unit's page,
//! else every unit's, each on its own page. The roster comes from the
//! plan's `[plan].roster` unless `--roster` names it, as for `export`.
//! Exit 2 on bad input, with the unit the planner most likely meant.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::report::notice::notice_page;
use crate::roster::guess::guess;
use crate::wording::notice::NoticeSaid;
use crate::wording::report::ReportSaid;
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug)]
pub struct NoticeArgs {
    /// Plan file written by `zhudian plan`
    pub plan: PathBuf,
    /// The HTML file to write
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// The unit whose timetable to write, by name or id (default: every unit, one page each)
    #[arg(long, value_name = "UNIT", conflicts_with = "all")]
    pub unit: Option<String>,
    /// Every unit's timetable, one page each (the default)
    #[arg(long)]
    pub all: bool,
    /// Roster to read names from, instead of the one the plan names
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
}

/// Runs `notice`: the page in `docs` (Chinese unless asked otherwise),
/// messages in `lang`.
pub fn run(args: &NoticeArgs, lang: Lang, docs: Lang) -> i32 {
    if let Err(code) = super::a_named_output(&args.output, lang) {
        return code;
    }
    let (r, plan) = match super::export::read(&args.plan, args.roster.as_ref(), lang, docs) {
        Ok(x) => x,
        Err(e) => {
            errln!("{}", e.trim_end());
            return EXIT_BAD_INPUT;
        }
    };
    let units: Vec<usize> = match &args.unit {
        None => (0..r.units.len()).collect(),
        Some(given) => {
            let given = given.trim();
            match r
                .units
                .iter()
                .position(|u| u.id == given || u.name == given)
            {
                Some(i) => vec![i],
                None => {
                    let guessed = guess(
                        given,
                        r.units.iter().map(|u| (u.id.as_str(), u.name.as_str())),
                    )
                    .map(|g| g.name.unwrap_or(g.id));
                    errln!(
                        "{}",
                        NoticeSaid::NoSuchUnit {
                            township: r.township.name.clone(),
                            given: given.to_string(),
                            guess: guessed,
                        }
                        .say(lang)
                    );
                    return EXIT_BAD_INPUT;
                }
            }
        }
    };
    let page = notice_page(&r, &plan, &units, docs);
    if let Err(e) = crate::plan::write_atomic(&args.output, page.as_bytes()) {
        errln!(
            "{}",
            ReportSaid::CannotWrite {
                path: args.output.display().to_string(),
                detail: crate::wording::io::write_reason(&e, lang)
            }
            .say(lang)
        );
        return EXIT_BAD_INPUT;
    }
    outln!(
        "{}",
        NoticeSaid::Written {
            path: args.output.display().to_string(),
            unit: (units.len() == 1 && args.unit.is_some()).then(|| r.units[units[0]].name.clone()),
            pages: units.len(),
        }
        .say(lang)
    );
    EXIT_OK
}
