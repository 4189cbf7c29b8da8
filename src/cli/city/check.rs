//! `zhudian check CITY PLANS_DIR [--previous PREVIOUS_DIR]`: every
//! township's plan checked against its roster by the independent checker,
//! in parallel; one line per township, its violations under it, the totals.

use std::path::Path;

use super::{Outcome, Township, each, lines, name_of, totals, towns_with_plans};
use crate::cli::check::Outcome as _;
use crate::verify::check_files;
use crate::wording::Lang;
use crate::wording::Say;
use crate::wording::check::{self as words, Unreadable};
use crate::wording::city::{CityRunSaid, Done};

/// Checks every township's plan; the exit code is the worst township's.
pub fn run(city: &Path, plans: &Path, previous: Option<&Path>, lang: Lang) -> i32 {
    let towns = match towns_with_plans(city, plans, lang) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let rows = each(&towns, |t| one(t, plans, previous, lang));
    // The figures' line comes before the verdict, which stays the last line.
    lines(&rows, lang);
    let written = super::summary::write(&towns, plans, lang);
    let code = totals(&rows, Done::Checked, lang);
    written.map_or_else(|c| code.max(c), |()| code)
}

fn one(t: &Township, plans: &Path, previous: Option<&Path>, lang: Lang) -> Outcome {
    let name = name_of(t);
    let roster = match &t.roster {
        Ok(r) => r,
        Err(problems) => {
            return Outcome::bad(
                &name,
                CityRunSaid::RosterInvalid.say(lang),
                problems.clone(),
            );
        }
    };
    let path = plans.join(&t.file);
    if !path.is_file() {
        let said = CityRunSaid::NoPlan {
            path: path.display().to_string(),
        };
        return Outcome::bad(&name, said.say(lang), Vec::new());
    }
    let read = |p: &Path| {
        crate::input::read_to_string(p).map_err(|e| {
            words::unreadable_line(
                &p.display().to_string(),
                &Unreadable::Io {
                    detail: e.to_string(),
                },
                lang,
            )
        })
    };
    let text = match read(&path) {
        Ok(t) => t,
        Err(e) => return Outcome::bad(&name, e, Vec::new()),
    };
    let prev_path = previous.map(|d| d.join(&t.file));
    let prev_text = match prev_path.as_deref().map(read) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => return Outcome::bad(&name, e, Vec::new()),
    };
    let report = check_files(roster, &text, prev_text.as_deref());
    if let Some(e) = &report.unreadable {
        let file = match (e, &prev_path) {
            (Unreadable::Previous(_), Some(p)) => p.display().to_string(),
            _ => path.display().to_string(),
        };
        return Outcome::bad(&name, words::unreadable_line(&file, e, lang), Vec::new());
    }
    Outcome {
        township: name,
        code: report.exit_code(),
        said: words::summary_line(&report, lang),
        details: report.lines(roster, lang),
    }
}
