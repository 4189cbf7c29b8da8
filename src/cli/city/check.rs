//! `zhudian check CITY PLANS_DIR [--previous PREVIOUS_DIR]`: every
//! township's plan checked against its roster by the independent checker,
//! in parallel; one line per township, its violations under it, the totals.

use std::path::Path;

use chrono::NaiveDate;

use super::{Outcome, Township, each, lines, name_of, totals, towns_with_plans};
use crate::cli::EXIT_INFEASIBLE;
use crate::cli::check::Outcome as _;
use crate::cli::replan::read_plan;
use crate::plan::PlanFile;
use crate::verify::across::Town;
use crate::verify::check_files_from;
use crate::verify::past::PastCounts;
use crate::wording::Lang;
use crate::wording::Say;
use crate::wording::check::{self as words, Unreadable};
use crate::wording::city::{CityRunSaid, Done};

/// Checks every township's plan; the exit code is the worst township's.
/// With `previous`, each township replanned (from `from`, or the date its
/// plan records) says what it kept before the date and changed from it, as
/// `check --previous` says it for one township, and the city adds them up.
pub fn run(
    city: &Path,
    plans: &Path,
    previous: Option<&Path>,
    from: Option<&crate::cli::dates::DateFlag>,
    lang: Lang,
) -> i32 {
    let towns = match towns_with_plans(city, plans, lang) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let from = match super::date_on_city_year(from, &towns, lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    // A shared person's busy times in the townships before (city order) are
    // theirs in each later township, as when the city was planned.
    let across = super::across(&towns).unwrap_or_default();
    let read: Vec<Option<PlanFile>> = towns
        .iter()
        .map(|t| read_plan(&plans.join(&t.file)).ok())
        .collect();
    let named: Vec<Option<(String, &PlanFile)>> = read
        .iter()
        .zip(&towns)
        .map(|(p, t)| p.as_ref().map(|p| (name_of(t), p)))
        .collect();
    let indexed: Vec<usize> = (0..towns.len()).collect();
    let done = each(&indexed, |&i| {
        let busy =
            crate::roster::across::busy_before(&across, i, &named, towns[i].roster.as_ref().ok());
        one(&towns[i], &busy, plans, (previous, from), lang)
    });
    let kept = done.iter().filter(|(_, r)| *r == Replan::Kept).count();
    let past: Vec<PastCounts> = done
        .iter()
        .filter_map(|(_, r)| match r {
            Replan::From(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    let mut rows: Vec<Outcome> = done.into_iter().map(|(o, _)| o).collect();
    // A plan whose roster left the city is not checked, and said so.
    rows.extend(super::roster_gone(&towns, plans, Done::Checked, lang));
    let whole = rows.len() == towns.len()
        && towns
            .iter()
            .zip(&read)
            .all(|(t, p)| t.roster.is_ok() && p.is_some());
    // No shared person in two townships at once.
    let found = two_places(&towns, &read, &across, lang);
    // The figures' line comes before the verdict, which stays the last line.
    lines(&rows, lang);
    if let Some((date, sum)) = crate::verify::past::total(&past) {
        outln!(
            "{}",
            words::city_past_line(&super::city_name(city), date, &sum, past.len(), kept, lang)
        );
    }
    if !across.shared.is_empty() {
        for f in &found {
            outln!("{}", f.say(lang));
        }
        let close = found.iter().filter(|f| f.travel.is_some()).count();
        outln!(
            "{}",
            crate::wording::across::two_places_total(
                found.len() - close,
                close,
                across.shared.len(),
                lang
            )
        );
    }
    let written = super::summary::write_whole(&towns, plans, whole, lang);
    if !found.is_empty() {
        // The verdict names the townships concerned.
        for f in &found {
            for r in rows.iter_mut() {
                if r.township == f.township || r.township == f.other {
                    r.code = r.code.max(EXIT_INFEASIBLE);
                }
            }
        }
    }
    let code = totals(&rows, Done::Checked, lang);
    written.map_or_else(|c| code.max(c), |()| code)
}

/// The times a shared person is in two townships at once.
fn two_places(
    towns: &[Township],
    plans: &[Option<PlanFile>],
    across: &crate::roster::across::Across,
    lang: Lang,
) -> Vec<crate::wording::across::TwoPlaces> {
    let view: Vec<Option<Town>> = towns
        .iter()
        .zip(plans)
        .map(|(t, p)| {
            Some(Town {
                name: name_of(t),
                roster: t.roster.as_ref().ok()?,
                plan: p.as_ref()?,
            })
        })
        .collect();
    crate::verify::across::two_places(&view, &across.shared, lang)
}

/// What a township's plan is to the plan in force.
#[derive(Debug, PartialEq)]
enum Replan {
    /// No plan in force given, or it could not be compared.
    Unknown,
    /// The plan in force, byte for byte.
    Kept,
    /// Replanned from a date: the sessions kept and changed.
    From(PastCounts),
}

fn one(
    t: &Township,
    busy: &[crate::roster::across::Busy],
    plans: &Path,
    (previous, from): (Option<&Path>, Option<NaiveDate>),
    lang: Lang,
) -> (Outcome, Replan) {
    let failed = |o: Outcome| (o, Replan::Unknown);
    let name = name_of(t);
    let roster = match t.roster_or_bad(&name, lang) {
        Ok(r) => r,
        Err(bad) => return failed(*bad),
    };
    let path = plans.join(&t.file);
    if !path.is_file() {
        let said = CityRunSaid::NoPlan {
            path: path.display().to_string(),
        };
        return failed(Outcome::bad(&name, said.say(lang), Vec::new()));
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
        Err(e) => return failed(Outcome::bad(&name, e, Vec::new())),
    };
    let prev_path = previous.map(|d| d.join(&t.file));
    let prev_text = match prev_path.as_deref().map(read) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => return failed(Outcome::bad(&name, e, Vec::new())),
    };
    let blocked;
    let roster = if busy.is_empty() {
        roster
    } else {
        blocked = crate::roster::across::with_busy(roster, busy, lang);
        &blocked
    };
    let report = check_files_from(roster, &text, prev_text.as_deref(), from);
    if let Some(e) = &report.unreadable {
        let file = match (e, &prev_path) {
            (Unreadable::Previous(_), Some(p)) => p.display().to_string(),
            _ => path.display().to_string(),
        };
        return failed(Outcome::bad(
            &name,
            words::unreadable_line(&file, e, lang),
            Vec::new(),
        ));
    }
    let mut details = report.lines(roster, lang);
    let replan = match (&report.past, &prev_text) {
        (_, Some(prev)) if *prev == text => Replan::Kept,
        (Some(p), _) => Replan::From(p.clone()),
        _ => Replan::Unknown,
    };
    match &replan {
        Replan::Kept => details.push(words::kept_line(lang).to_string()),
        Replan::From(p) => details.push(words::past_line(p, lang)),
        Replan::Unknown => {}
    }
    let outcome = Outcome {
        township: name,
        code: report.exit_code(),
        said: words::summary_line(&report, lang),
        details,
    };
    (outcome, replan)
}
