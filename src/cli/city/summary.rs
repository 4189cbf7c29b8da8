//! Writes `city-summary.csv` beside a city run's plans (after `plan`,
//! `check` and `replan`): each township whose roster reads and whose plan is
//! in the folder gives its row; the rows and their words come from
//! `export::city_summary`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::Township;
use crate::cli::EXIT_BAD_INPUT;
use crate::cli::replan::read_plan;
use crate::export::city_summary::{FILE_NAME, Figures, TownshipFigures, csv, summarise};
use crate::plan::write_atomic;
use crate::wording::Lang;
use crate::wording::city_summary as words;

/// Writes the summary of `towns` from their plans in `plans`; a township
/// with no plan there is a row marked not planned, with `why_not[i]` (or,
/// without it, why as the folder shows it), and the sums say how many
/// townships they cover. Err with the exit code once the reason is printed.
pub fn write(
    towns: &[Township],
    plans: &Path,
    why_not: &[Option<String>],
    lang: Lang,
) -> Result<(), i32> {
    let keys = keys(towns);
    let mut missing = Vec::new();
    let figures: Vec<TownshipFigures> = towns
        .iter()
        .zip(&keys)
        .enumerate()
        .map(|(i, (t, keys))| {
            let plan = read_plan(&plans.join(&t.file)).ok();
            let (roster, plan) = match (&t.roster, plan) {
                (Ok(r), Some(p)) => (r, p),
                (roster, _) => {
                    let why = why_not.get(i).cloned().flatten();
                    let why = why.unwrap_or_else(|| match roster {
                        Err(lines) => words::roster_has_errors(lines.len(), lang),
                        Ok(_) => words::no_plan(lang).to_string(),
                    });
                    let r = roster.as_ref().ok();
                    missing.push(super::name_of(t));
                    return TownshipFigures {
                        township: super::name_of(t),
                        district: r.and_then(|r| r.township.district.clone()),
                        listed_at: r.and_then(|r| r.township.listed_at),
                        figures: Figures::default(),
                        not_planned: Some(why),
                    };
                }
            };
            TownshipFigures {
                township: roster.township.name.clone(),
                district: roster.township.district.clone(),
                listed_at: roster.township.listed_at,
                figures: Figures::of(roster, &plan, Some(keys)),
                not_planned: None,
            }
        })
        .collect();
    if missing.len() == figures.len() {
        return Ok(());
    }
    let path = plans.join(FILE_NAME);
    let city = office(towns);
    let body = csv(&summarise(figures), &city, lang);
    match write_atomic(&path, body.as_bytes()) {
        Ok(()) => {
            let path = path.display().to_string();
            match missing.is_empty() {
                true => outln!("{}", words::written(&path, &city, lang)),
                false => outln!(
                    "{}",
                    words::written_partial(&path, &city, &missing, towns.len(), lang)
                ),
            }
            Ok(())
        }
        Err(e) => {
            errln!(
                "{}",
                words::cannot_write(
                    &path.display().to_string(),
                    &crate::wording::io::write_reason(&e, lang),
                    lang
                )
            );
            Err(EXIT_BAD_INPUT)
        }
    }
}

/// The office's name, from the city.toml beside the rosters (empty: none).
fn office(towns: &[Township]) -> String {
    let folder = towns.first().and_then(|t| t.path.parent());
    folder.map(super::city_name).unwrap_or_default()
}

/// As [`write`] when every township was read (`whole`); else the summary
/// in `plans` is left as it was, and said so.
pub fn write_whole(towns: &[Township], plans: &Path, whole: bool, lang: Lang) -> Result<(), i32> {
    if whole {
        return write(towns, plans, &[], lang);
    }
    let path = plans.join(FILE_NAME);
    outln!(
        "{}",
        words::left_as_it_was(
            &path.display().to_string(),
            path.is_file(),
            &office(towns),
            lang
        )
    );
    Ok(())
}

/// Each township's people keyed as persons of the city (a shared or
/// transferred person has one key in every township); empty for a
/// township that cannot be read.
pub fn keys(towns: &[Township]) -> Vec<BTreeMap<String, String>> {
    let across = super::across(towns).unwrap_or_default();
    let rosters: Vec<Option<&crate::model::Roster>> =
        towns.iter().map(|t| t.roster.as_ref().ok()).collect();
    crate::roster::across::person_keys(&rosters, &across)
}

/// How many distinct leaders the townships `which` (by index) have in
/// force at the year's end (one who moved between two of them is in force).
pub fn distinct_leaders(towns: &[Township], which: impl Fn(usize) -> bool) -> usize {
    let keys = keys(towns);
    let mut seen = BTreeSet::new();
    for (i, t) in towns.iter().enumerate().filter(|(i, _)| which(*i)) {
        let Ok(r) = &t.roster else { continue };
        for c in r.cadres_in_force() {
            seen.insert(keys[i].get(&c.id).cloned().unwrap_or_default());
        }
    }
    seen.len()
}
