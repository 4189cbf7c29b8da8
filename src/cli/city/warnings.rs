//! `zhudian warnings PLANS_DIR [--kind K] [--format table|csv]`: the
//! warnings of every plan in a city's plans folder, so that an office reads
//! them in one go. The table gives each township a heading and its table as
//! `warnings PLAN` prints it, then the city's count by kind; the CSV is one
//! file with the township first. A township is named by its roster: the
//! city `--roster` names (paired by file name), else the plan's own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{each, plan_files, townships};
use crate::cli::calendar::{load_roster, roster_path};
use crate::cli::replan::read_plan;
use crate::cli::warnings::{Flags, WarningsArgs, listed, render_csv, rows, table};
use crate::cli::{EXIT_BAD_INPUT, EXIT_OK};
use crate::model::Roster;
use crate::plan::PlanFile;
use crate::wording::city_warnings::{CityWarningsSaid, by_ids_label, city_headings};
use crate::wording::warnings::KINDS;
use crate::wording::{Lang, Say};

/// A plan read, with its roster or why not (the reason, and whether the
/// roster is gone rather than not valid).
type Read = (Result<Roster, (String, bool)>, PlanFile);

/// Lists every township's warnings; 0 done, 2 when the folder holds no
/// plans or a plan or its roster cannot be read (the others still listed,
/// a township whose roster cannot be read by its plan file, with ids).
pub fn run(args: &WarningsArgs, (csv, kind): Flags, lang: Lang) -> i32 {
    let plans = match plan_files(&args.plan, lang) {
        Ok(p) => p,
        Err(e) => {
            errln!("{e}");
            return EXIT_BAD_INPUT;
        }
    };
    // The city's rosters by plan file name, when --roster names a city.
    let city = match &args.roster {
        Some(r) if super::is_city(r) => match townships(r, lang) {
            Ok(t) => t,
            Err(e) => {
                err!("{e}");
                return EXIT_BAD_INPUT;
            }
        },
        _ => Vec::new(),
    };
    // A plan no roster of the --roster city pairs with falls back on the
    // roster it records, and says so; none paired is a wrong folder.
    let unpaired: Vec<bool> = plans.iter().map(|p| super::unpaired(&city, p)).collect();
    if let Some(folder) = args.roster.as_ref().filter(|_| !city.is_empty())
        && !plans.is_empty()
        && unpaired.iter().all(|u| *u)
    {
        let said = CityWarningsSaid::NoneInFolder {
            folder: folder.display().to_string(),
            plans: args.plan.display().to_string(),
        };
        errln!("{}", said.say(lang));
        return EXIT_BAD_INPUT;
    }
    let read = each(&plans, |path| {
        let plan = read_plan(path)?;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let unreadable = |detail: String| {
            CityWarningsSaid::RosterUnreadable {
                plan: path.display().to_string(),
                detail,
            }
            .say(lang)
        };
        // A roster that cannot be read leaves the township listed by ids,
        // as `warnings PLAN` lists it, the reason said on stderr.
        let roster = match city.iter().find(|t| t.file == file) {
            Some(t) => t
                .roster
                .clone()
                .map_err(|p| (unreadable(p.join("\n    ")), false)),
            None => {
                let r = roster_path(
                    args.roster.as_ref().filter(|_| city.is_empty()),
                    path,
                    &plan,
                );
                let gone = !r.is_file();
                load_roster(&r, &plan).map_err(|e| (unreadable(e.trim_end().to_string()), gone))
            }
        };
        Ok::<Read, String>((roster, plan))
    });
    let city_name = city_name(args.roster.as_deref(), &plans, &read);
    let mut unread = Vec::new();
    let mut by_ids = Vec::new();
    let mut towns = 0;
    let mut counts: BTreeMap<(usize, String), usize> = BTreeMap::new();
    let mut csv_rows: Vec<Vec<String>> = Vec::new();
    let mut first = true;
    for ((path, r), unpaired) in plans.iter().zip(&read).zip(unpaired) {
        let (roster, plan) = match r {
            Ok(x) => x,
            Err(e) => {
                errln!("{e}");
                unread.push(path.display().to_string());
                continue;
            }
        };
        towns += 1;
        let not_in_folder = args
            .roster
            .as_ref()
            .filter(|_| unpaired)
            .map(|folder| super::not_in_folder(folder, path, plan, roster.is_ok(), lang));
        let (township, roster) = match roster {
            Ok(r) => (r.township.name.clone(), Some(r)),
            Err((e, gone)) => {
                errln!("{e}");
                by_ids.push(path.display().to_string());
                let file = path.file_name().unwrap_or_default().to_string_lossy();
                (by_ids_label(&file, *gone, lang), None)
            }
        };
        let listed = listed(plan, kind);
        for w in &listed {
            // Kinds in reading order; unknown ones (a newer zhudian's) after.
            let rank = KINDS.iter().position(|k| *k == w.kind);
            *counts
                .entry((rank.unwrap_or(KINDS.len()), w.kind.clone()))
                .or_default() += 1;
        }
        let rows = rows(&listed, roster, csv, lang);
        // Said above the township's table; beside a CSV, on stderr.
        if let Some(note) = &not_in_folder
            && csv
        {
            errln!("{note}");
        }
        if csv {
            csv_rows.extend(rows.into_iter().map(|r| {
                let mut cells = vec![township.clone()];
                cells.extend(r);
                cells
            }));
            continue;
        }
        // A blank line between townships' tables.
        if !first {
            outln!("");
        }
        first = false;
        if let Some(note) = not_in_folder {
            outln!("{note}");
        }
        if rows.is_empty() {
            let kind = kind.map(String::from);
            outln!(
                "{}",
                CityWarningsSaid::NoneHere { township, kind }.say(lang)
            );
            continue;
        }
        let count = rows.len();
        outln!(
            "{}",
            CityWarningsSaid::Heading { township, count }.say(lang)
        );
        out!("{}", table(&listed, &rows, lang));
    }
    if csv {
        out!("{}", render_csv(&city_headings(lang), &csv_rows));
    } else {
        if !first {
            outln!("");
        }
        let by_kind = counts.into_iter().map(|((_, k), n)| (k, n)).collect();
        outln!(
            "{}",
            CityWarningsSaid::City {
                townships: towns,
                by_kind,
                kind: kind.map(String::from),
                unread: unread.clone(),
                by_ids: by_ids.clone(),
                city: city_name,
            }
            .say(lang)
        );
    }
    if unread.is_empty() && by_ids.is_empty() {
        EXIT_OK
    } else {
        EXIT_BAD_INPUT
    }
}

/// The city's name (`[city] name` in its folder's city.toml): of the
/// `--roster` folder, else of the folder holding the plans' own rosters;
/// empty when none says it.
fn city_name(roster: Option<&Path>, plans: &[PathBuf], read: &[Result<Read, String>]) -> String {
    let named = |dir: &Path| Some(super::city_name(dir)).filter(|n| !n.is_empty());
    if let Some(r) = roster {
        return super::city_name(r);
    }
    plans
        .iter()
        .zip(read)
        .filter_map(|(path, r)| {
            let (_, plan) = r.as_ref().ok()?;
            let rpath = roster_path(None, path, plan);
            let dir = rpath.parent()?;
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            named(dir)
        })
        .next()
        .unwrap_or_default()
}
