//! `zhudian export PLAN --xlsx FILE`: the documents a township issues, as
//! one workbook (teams, timetables, leaders, sessions, warnings). For a
//! folder of plans (a city run), `--xlsx` names a folder: one workbook per
//! township and a city summary beside them. The roster comes from each
//! plan's `[plan].roster`, as for `calendar`.

use std::path::{Path, PathBuf};

use super::calendar::{CalendarArgs, load_roster, roster_path};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::calendar;
use crate::export::city_summary::{Figures, TownshipFigures, summarise};
use crate::export::xlsx;
use crate::plan::{PlanFile, write_atomic};
use crate::scenario::transfer::Moves;
use crate::wording::calendar::CommandSaid;
use crate::wording::city::{CityRunSaid, Done};
use crate::wording::documents::FilesSaid;
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// Plan file written by `zhudian plan`, or a folder of plans from a city run
    pub plan: PathBuf,
    /// The workbook to write (for a folder of plans: the folder to write into)
    #[arg(long, value_name = "FILE")]
    pub xlsx: PathBuf,
    /// Roster to read names from, instead of the one the plan names
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
}

/// A plan and its roster, with its calendar (and warnings) in `docs`.
pub(super) fn read(
    plan_path: &Path,
    roster: Option<&PathBuf>,
    lang: Lang,
    docs: Lang,
) -> Result<(crate::model::Roster, PlanFile), String> {
    let name = plan_path.display().to_string();
    let unreadable = |detail: String| {
        CommandSaid::PlanUnreadable {
            path: name.clone(),
            detail,
        }
        .say(lang)
    };
    let text = std::fs::read_to_string(plan_path).map_err(|e| unreadable(e.to_string()))?;
    let mut plan = PlanFile::from_toml(&text).map_err(unreadable)?;
    let args = CalendarArgs {
        plan: plan_path.to_path_buf(),
        ics: None,
        csv: None,
        roster: roster.cloned(),
        previous: None,
    };
    let r = load_roster(&roster_path(args.roster.as_ref(), &args.plan, &plan), &plan)?;
    // The warnings in the documents' language: the calendar built again
    // gives the same sessions, and its warnings worded in `docs`.
    let before = Lang::current();
    Lang::set_current(docs);
    let mut fresh = plan.clone();
    fresh.session.clear();
    fresh.warning.clear();
    calendar::build(&r, &mut fresh);
    Lang::set_current(before);
    if plan.session.is_empty() || fresh.session == plan.session {
        plan.session = fresh.session;
        // Only the calendar's warnings are built again; the others (the
        // teams', a shared person busy in another township) stay as the
        // plan has them, first, as the plan orders them.
        let calendar = |k: &str| calendar::WARNING_KINDS.contains(&k);
        plan.warning.retain(|w| !calendar(&w.kind));
        plan.warning.extend(fresh.warning);
    }
    Ok((r, plan))
}

fn write(path: &Path, bytes: Result<Vec<u8>, rust_xlsxwriter::XlsxError>, lang: Lang) -> bool {
    match bytes.map_err(|e| e.to_string()).and_then(|b| {
        write_atomic(path, &b).map_err(|e| crate::wording::io::write_reason(&e, lang))
    }) {
        Ok(()) => true,
        Err(detail) => {
            let path = path.display().to_string();
            errln!("{}", FilesSaid::CannotWrite { path, detail }.say(lang));
            false
        }
    }
}

/// Runs `export`: 0 written, 2 when a plan or roster cannot be read or a
/// workbook written. The documents are in `docs`, messages in `lang`.
pub fn run(args: &ExportArgs, lang: Lang, docs: Lang) -> i32 {
    if let Err(code) = super::a_named_output(&args.xlsx, lang) {
        return code;
    }
    if args.plan.is_dir() {
        return city(args, lang, docs);
    }
    let (r, plan) = match read(&args.plan, args.roster.as_ref(), lang, docs) {
        Ok(x) => x,
        Err(e) => {
            errln!("{}", e.trim_end());
            return EXIT_BAD_INPUT;
        }
    };
    // Who moved to or from the city's other townships, where known.
    let moves = super::city::moves_alone(std::path::Path::new(&r.source), &r, lang);
    if !write(
        &args.xlsx,
        xlsx::documents_moved(&r, &plan, &moves, docs),
        lang,
    ) {
        return EXIT_BAD_INPUT;
    }
    outln!(
        "{}",
        FilesSaid::WroteDocuments {
            path: args.xlsx.display().to_string(),
            township: r.township.name.clone(),
            units: plan.assignment.len(),
            sessions: plan.session.len(),
        }
        .say(lang)
    );
    EXIT_OK
}

/// The city summary workbook of the townships exported: the figures of
/// city-summary.csv (a shared or transferred person counted once in the
/// subtotals and the total).
fn city_book(
    done: &[(crate::model::Roster, PlanFile, String)],
    not_planned: Vec<TownshipFigures>,
    city: &str,
    title: &str,
    docs: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let rosters: Vec<&crate::model::Roster> = done.iter().map(|(r, _, _)| r).collect();
    let across = crate::roster::across::across(&rosters).unwrap_or_default();
    let some: Vec<Option<&crate::model::Roster>> = rosters.iter().map(|r| Some(*r)).collect();
    let keys = crate::roster::across::person_keys(&some, &across);
    let towns: Vec<TownshipFigures> = done
        .iter()
        .zip(&keys)
        .map(|((r, plan, _), k)| TownshipFigures {
            township: r.township.name.clone(),
            district: r.township.district.clone(),
            listed_at: r.township.listed_at,
            figures: Figures::of(r, plan, Some(k)),
            not_planned: None,
        })
        .chain(not_planned)
        .collect();
    let workbooks = done
        .iter()
        .map(|(r, _, f)| (r.township.name.clone(), f.clone()))
        .collect();
    xlsx::city(&summarise(towns), &workbooks, city, title, docs)
}

/// The townships of the city whose rosters the plans come from (their
/// common folder) that have no plan among them: rows marked not planned in
/// the city summary, lest its total pass for the whole city's.
fn not_planned(
    read_all: &[(&PathBuf, crate::model::Roster, PlanFile)],
    args: &ExportArgs,
    docs: Lang,
) -> Vec<TownshipFigures> {
    let folders: std::collections::BTreeSet<PathBuf> = read_all
        .iter()
        .filter_map(|(p, _, plan)| {
            let roster = roster_path(args.roster.as_ref(), p, plan);
            Some(roster.parent()?.to_path_buf())
        })
        .collect();
    let folders: Vec<PathBuf> = folders.into_iter().collect();
    let [folder] = &folders[..] else {
        return Vec::new();
    };
    if args.roster.is_some() || !folder.is_dir() {
        return Vec::new();
    }
    let Ok(towns) = super::city::townships(folder, docs) else {
        return Vec::new();
    };
    let exported: Vec<&str> = read_all
        .iter()
        .map(|(_, r, _)| r.township.name.as_str())
        .collect();
    towns
        .iter()
        .filter(|t| !exported.contains(&super::city::name_of(t).as_str()))
        .map(|t| {
            let r = t.roster.as_ref().ok();
            TownshipFigures {
                township: super::city::name_of(t),
                district: r.and_then(|r| r.township.district.clone()),
                listed_at: r.and_then(|r| r.township.listed_at),
                figures: Figures::default(),
                not_planned: Some(crate::wording::city_summary::no_plan(docs).to_string()),
            }
        })
        .collect()
}

fn city(args: &ExportArgs, lang: Lang, docs: Lang) -> i32 {
    let plans: Vec<PathBuf> = match super::city::plan_files(&args.plan, lang) {
        Ok(p) => p,
        Err(e) => {
            errln!("{e}");
            return EXIT_BAD_INPUT;
        }
    };
    let created = super::folders_to_create(&args.xlsx);
    if let Err(e) = std::fs::create_dir_all(&args.xlsx) {
        let path = args.xlsx.display().to_string();
        errln!(
            "{}",
            FilesSaid::CannotWrite {
                path,
                detail: crate::wording::io::write_reason(&e, lang)
            }
            .say(lang)
        );
        return EXIT_BAD_INPUT;
    }
    // Each township's roster and plan, read first: a township's workbook
    // says who moved to or from which other township.
    let mut read_all: Vec<(&PathBuf, crate::model::Roster, PlanFile)> = Vec::new();
    let mut failing = Vec::new();
    for p in &plans {
        match read(p, args.roster.as_ref(), lang, docs) {
            Ok((r, plan)) => read_all.push((p, r, plan)),
            Err(e) => {
                errln!("{}", e.trim_end());
                let stem = p.file_stem().unwrap_or_default().to_string_lossy();
                failing.push(stem.into_owned());
            }
        }
    }
    let missing = not_planned(&read_all, args, docs);
    let rosters: Vec<&crate::model::Roster> = read_all.iter().map(|(_, r, _)| r).collect();
    let across = crate::roster::across::across(&rosters).unwrap_or_default();
    let names: Vec<String> = rosters.iter().map(|r| r.township.name.clone()).collect();
    // Each township's roster, plan and workbook, for the city summary.
    let mut done: Vec<(crate::model::Roster, PlanFile, String)> = Vec::new();
    for (t, (p, r, plan)) in read_all.into_iter().enumerate() {
        let file = p.with_extension("xlsx");
        let file = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let out = args.xlsx.join(&file);
        let moves = Moves::in_city(&across, t, &names);
        if !write(&out, xlsx::documents_moved(&r, &plan, &moves, docs), lang) {
            failing.push(r.township.name.clone());
            continue;
        }
        outln!(
            "{}",
            FilesSaid::WroteDocuments {
                path: out.display().to_string(),
                township: r.township.name.clone(),
                units: plan.assignment.len(),
                sessions: plan.session.len(),
            }
            .say(lang)
        );
        done.push((r, plan, file));
    }
    // No township written: no summary of nothing, no empty folder left.
    if done.is_empty() {
        super::remove_created(&created);
    } else {
        // In the office's own word: 全市汇总, 云岭县汇总.
        let city = super::city::plans_city(&plans);
        let title = crate::wording::documents::city_book_title(&city, docs);
        let summary = args.xlsx.join(format!("{title}.xlsx"));
        if !write(
            &summary,
            city_book(&done, missing, &city, &title, docs),
            lang,
        ) {
            return EXIT_BAD_INPUT;
        }
        outln!(
            "{}",
            FilesSaid::WroteCity {
                path: summary.display().to_string(),
                townships: done.len(),
                title: crate::wording::documents::city_book_title(&city, lang),
            }
            .say(lang)
        );
    }
    outln!(
        "{}",
        CityRunSaid::Totals {
            done: Done::Exported,
            ok: plans.len() - failing.len(),
            total: plans.len(),
            failing: failing.clone(),
        }
        .say(lang)
    );
    if failing.is_empty() {
        EXIT_OK
    } else {
        EXIT_BAD_INPUT
    }
}
