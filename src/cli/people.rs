//! `zhudian people PLAN --csv FILE` or `zhudian people CITY PLANS --csv
//! FILE`: one row per person (township, district, role, units, the year's
//! sessions, make-ups, household visit sessions and share of working days), for one
//! township's plan or for every township of a city paired with its plan by
//! file name. A township that cannot be read is named and the others are
//! still written; the exit code is then 2.

use std::path::{Path, PathBuf};

use super::calendar::{load_roster, roster_path};
use super::city::{is_city, name_of, towns_with_plans};
use super::replan::read_plan;
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::export::people::{self, Person};
use crate::plan::write_atomic;
use crate::wording::city::CityRunSaid;
use crate::wording::city_summary as words;
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug)]
pub struct PeopleArgs {
    /// A plan file, or a city (folder of rosters, or a city file)
    pub input: PathBuf,
    /// For a city: the folder of plans `zhudian plan CITY -o DIR` wrote
    pub plans: Option<PathBuf>,
    /// The CSV to write (UTF-8 with BOM), or `-` for the screen
    #[arg(long, value_name = "FILE")]
    pub csv: PathBuf,
    /// For a plan file: the roster to read, instead of the one the plan names
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
}

pub fn run(args: &PeopleArgs, lang: Lang) -> i32 {
    let (rows, mut code) = if is_city(&args.input) {
        let Some(plans) = &args.plans else {
            let city = args.input.display().to_string();
            errln!("{}", words::people_needs_plans(&city, lang));
            return EXIT_BAD_INPUT;
        };
        match city(&args.input, plans, lang) {
            Ok(r) => r,
            Err(code) => return code,
        }
    } else {
        match one(&args.input, args.roster.as_ref(), lang) {
            Ok(r) => (r, EXIT_OK),
            Err(e) => {
                errln!("{e}");
                return EXIT_BAD_INPUT;
            }
        }
    };
    let path = args.csv.display().to_string();
    if super::is_stdout(&args.csv) {
        out!("{}", people::csv(&rows, lang));
        return code;
    }
    match write_atomic(&args.csv, people::csv(&rows, lang).as_bytes()) {
        Ok(()) => {
            let people = people::distinct(&rows);
            outln!("{}", words::people_written(people, rows.len(), &path, lang))
        }
        Err(e) => {
            errln!(
                "{}",
                words::cannot_write(&path, &crate::wording::io::write_reason(&e, lang), lang)
            );
            code = EXIT_BAD_INPUT;
        }
    }
    code
}

/// The people of one plan file and the roster it names.
fn one(plan_path: &Path, roster: Option<&PathBuf>, lang: Lang) -> Result<Vec<Person>, String> {
    let plan = read_plan(plan_path)?;
    let path = roster_path(roster, plan_path, &plan);
    let r = load_roster(&path, &plan)?;
    // Who moved to or from the city's other townships, where known.
    let moves = super::city::moves_alone(&path, &r, lang);
    let rows = people::of(&r, &plan, lang).into_iter().map(|mut p| {
        p.ties = moves.ties(&p.id);
        p
    });
    Ok(rows.collect())
}

/// The people of every township of a city, townships in order; the
/// townships that cannot be read are named on stderr (exit code 2).
fn city(city: &Path, plans: &Path, lang: Lang) -> Result<(Vec<Person>, i32), i32> {
    let towns = towns_with_plans(city, plans, lang)?;
    let across = super::city::across(&towns).unwrap_or_default();
    let keys = super::city::summary::keys(&towns);
    let names: Vec<String> = towns.iter().map(name_of).collect();
    let mut rows = Vec::new();
    let mut code = EXIT_OK;
    for (i, t) in towns.iter().enumerate() {
        let name = name_of(t);
        let said = match &t.roster {
            Err(problems) => {
                let mut lines = vec![CityRunSaid::RosterInvalid.say(lang)];
                lines.extend(problems.iter().map(|p| format!("    {p}")));
                lines.join("\n")
            }
            Ok(r) => {
                let path = plans.join(&t.file);
                if !path.is_file() {
                    CityRunSaid::NoPlan {
                        path: path.display().to_string(),
                    }
                    .say(lang)
                } else {
                    match read_plan(&path) {
                        Ok(plan) => {
                            rows.extend(people::of(r, &plan, lang).into_iter().map(|mut p| {
                                if let Some(k) = keys[i].get(&p.id) {
                                    p.key = k.clone();
                                }
                                p.ties = crate::roster::across::ties(&across, i, &p.id, &names);
                                p
                            }));
                            continue;
                        }
                        Err(e) => e,
                    }
                }
            }
        };
        errln!(
            "{}",
            CityRunSaid::Line {
                township: name,
                said
            }
            .say(lang)
        );
        code = EXIT_BAD_INPUT;
    }
    Ok((rows, code))
}
