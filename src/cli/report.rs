//! `zhudian report ROSTER PLAN -o report.html`: the plan as one
//! self-contained HTML page (`report::plan_page`). With more plans, the
//! page compares them, the first as the base. With a city (a folder of
//! rosters or a city file) and the folder of plans `zhudian plan CITY -o DIR`
//! wrote, the page lists the townships and each township's own page is
//! written beside it. Pages are written atomically. Exit 2 on bad input.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::city::{is_city, townships};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::export::city_summary::{Figures, TownshipFigures, summarise};
use crate::model::Roster;
use crate::plan::PlanFile;
use crate::report::compare::Compared;
use crate::report::{city_page, compare_page, plan_page_moved};
use crate::wording::city::{CityRunSaid, Done};
use crate::wording::report::ReportSaid;
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// The roster the plans were made from; or a city (folder of rosters, or a file with [[township]] entries)
    pub roster: PathBuf,
    /// Plan files (more than one: compared, the first as the base); for a city, the folder of its plans
    #[arg(required = true, num_args = 1..)]
    pub plans: Vec<PathBuf>,
    /// The HTML file to write (for a city, the township pages go beside it)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

/// Runs `report`; `_lang` is the terminal's default, the page's language
/// is `page_lang` (Chinese unless asked otherwise), and so are its messages.
pub fn run(args: &ReportArgs, _lang: Lang) -> i32 {
    let lang = super::page_lang();
    if let Err(code) = super::a_named_output(&args.output, lang) {
        return code;
    }
    if is_city(&args.roster) {
        return city(args, lang);
    }
    let roster = match crate::roster::load(&args.roster) {
        Ok(r) => r,
        Err(p) => {
            err!("{}", p.render(lang));
            return EXIT_BAD_INPUT;
        }
    };
    let mut plans = Vec::new();
    for path in &args.plans {
        match read_plan(path, lang) {
            Some(p) => plans.push((label(path), p)),
            None => return EXIT_BAD_INPUT,
        }
    }
    let page = if plans.len() == 1 {
        // Who moves to or from the city's other townships, where known.
        let moves = super::city::moves_alone(&args.roster, &roster, lang);
        let made = made_on(&args.plans[0]);
        plan_page_moved(&roster, &plans[0].1, &moves, false, made, lang)
    } else {
        let all: Vec<Compared> = plans
            .iter()
            .map(|(label, plan)| Compared {
                label: label.clone(),
                roster: &roster,
                plan,
            })
            .collect();
        compare_page(&all, lang)
    };
    finish(&args.output, &page, 0, lang)
}

/// The day a plan's file was last written (local time): the plan's date on
/// the page, since the file itself carries no timings.
fn made_on(path: &Path) -> Option<chrono::NaiveDate> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(chrono::DateTime::<chrono::Local>::from(modified).date_naive())
}

/// The plan's name on the page: its file name without `.toml`.
fn label(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_plan(path: &Path, lang: Lang) -> Option<PlanFile> {
    let said = |detail: &str| {
        errln!(
            "{}",
            crate::wording::scenario::unreadable_plan(&path.display().to_string(), detail, lang)
        )
    };
    match std::fs::read_to_string(path) {
        Err(e) => {
            said(&e.to_string());
            None
        }
        Ok(text) => match PlanFile::from_toml(&text) {
            Ok(p) => Some(p),
            Err(e) => {
                said(e.trim());
                None
            }
        },
    }
}

/// Writes a page atomically; says so, or why not.
fn write_page(path: &Path, page: &str, lang: Lang) -> bool {
    match crate::plan::write_atomic(path, page.as_bytes()) {
        Ok(()) => true,
        Err(e) => {
            errln!(
                "{}",
                ReportSaid::CannotWrite {
                    path: path.display().to_string(),
                    detail: crate::wording::io::write_reason(&e, lang)
                }
                .say(lang)
            );
            false
        }
    }
}

fn finish(path: &Path, page: &str, beside: usize, lang: Lang) -> i32 {
    if !write_page(path, page, lang) {
        return EXIT_BAD_INPUT;
    }
    outln!(
        "{}",
        ReportSaid::Written {
            path: path.display().to_string(),
            beside
        }
        .say(lang)
    );
    EXIT_OK
}

/// The city page and one page per township beside it.
fn city(args: &ReportArgs, lang: Lang) -> i32 {
    let dir = &args.plans[0];
    if args.plans.len() != 1 || !dir.is_dir() {
        errln!(
            "{}",
            ReportSaid::CityNeedsPlanFolder {
                path: dir.display().to_string()
            }
            .say(lang)
        );
        return EXIT_BAD_INPUT;
    }
    let towns = match townships(&args.roster, lang) {
        Ok(t) => t,
        Err(e) => {
            err!("{e}");
            return EXIT_BAD_INPUT;
        }
    };
    let out_dir = match args.output.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The township pages go beside the city page: its folder may be new.
    let _ = std::fs::create_dir_all(&out_dir);
    // Each person keyed across the city, so a shared or transferred person
    // counts once in the subtotals and the total, as in city-summary.csv.
    let keys = super::city::summary::keys(&towns);
    // Each township's page says who moved to or from which other township.
    let moves = super::city::moves(&towns);
    let mut figures = Vec::new();
    let mut hrefs = BTreeMap::new();
    let mut failing = Vec::new();
    for ((t, keys), moves) in towns.iter().zip(&keys).zip(&moves) {
        let roster: &Roster = match &t.roster {
            Ok(r) => r,
            Err(problems) => {
                for p in problems {
                    errln!("{p}");
                }
                failing.push(super::city::name_of(t));
                continue;
            }
        };
        let plan_path = dir.join(&t.file);
        if !plan_path.is_file() {
            errln!(
                "{}",
                ReportSaid::NoPlan {
                    township: roster.township.name.clone(),
                    path: plan_path.display().to_string()
                }
                .say(lang)
            );
            failing.push(roster.township.name.clone());
            continue;
        }
        let Some(plan) = read_plan(&plan_path, lang) else {
            failing.push(roster.township.name.clone());
            continue;
        };
        let href = format!("{}.html", label(&plan_path));
        let page = plan_page_moved(roster, &plan, moves, true, made_on(&plan_path), lang);
        if !write_page(&out_dir.join(&href), &page, lang) {
            return EXIT_BAD_INPUT;
        }
        hrefs.insert(roster.township.name.clone(), href);
        figures.push(TownshipFigures {
            township: roster.township.name.clone(),
            district: roster.township.district.clone(),
            listed_at: roster.township.listed_at,
            figures: Figures::of(roster, &plan, Some(keys)),
            not_planned: None,
        });
    }
    // A plan whose roster left the city gets no page, and is said so.
    let gone = super::city::roster_gone(&towns, dir, Done::Reported, lang);
    for g in &gone {
        errln!(
            "{}",
            CityRunSaid::Line {
                township: g.township.clone(),
                said: g.said.clone()
            }
            .say(lang)
        );
        failing.push(g.township.clone());
    }
    let written = figures.len();
    let code = finish(
        &args.output,
        &city_page(
            &super::city::city_name(&args.roster),
            &summarise(figures),
            &hrefs,
            lang,
        ),
        written,
        lang,
    );
    outln!(
        "{}",
        CityRunSaid::Totals {
            done: Done::Reported,
            ok: towns.len() + gone.len() - failing.len(),
            total: towns.len() + gone.len(),
            failing: failing.clone(),
        }
        .say(lang)
    );
    if failing.is_empty() {
        code
    } else {
        EXIT_BAD_INPUT
    }
}
