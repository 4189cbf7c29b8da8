//! City runs, for every command that takes a folder or a city file (with
//! `[[township]]` entries): the townships it holds, each run on its own in
//! parallel with a progress bar on a terminal. `zhudian plan DIR -o OUTDIR`
//! writes one plan per township into OUTDIR and prints one line per township
//! and the totals. A township that cannot be read or planned is reported and
//! the others still go through. The other commands on a city live beside
//! this file (`check`, `calendar`, `replan`, `compare`, `whatif`): each pairs a
//! township's roster with its plan by file name and ends with [`finish`];
//! `warnings` lists a plans folder's warnings township by township.

use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::plan::write_plan;
use super::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK};
use crate::model::Roster;
use crate::planner::{Options, Previous, plan as plan_one};
use crate::roster::across::Across;
use crate::scenario::transfer::Moves;
use crate::wording::city::{CityRunSaid, Done};
use crate::wording::plan::{CityRow, CitySaid};
use crate::wording::{Lang, Say};

pub mod calendar;
pub mod check;
pub mod compare;
pub mod replan;
pub mod summary;
pub mod warnings;
pub mod whatif;

/// One township of a city run: where it came from, its output's file name,
/// its roster (or the lines saying why it cannot be read).
pub struct Township {
    /// The file it was read from (a city file holds several townships).
    pub path: PathBuf,
    pub source: String,
    pub file: String,
    pub roster: Result<Roster, Vec<String>>,
}

/// True when `path` holds more than one township (a folder or a city file).
pub fn is_city(path: &Path) -> bool {
    if path.is_dir() {
        return true;
    }
    crate::input::read_to_string(path)
        .ok()
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
        .is_some_and(|t| t.get("township").is_some_and(|v| v.is_array()))
}

/// The townships of a folder (one roster file each) or of a city file.
pub fn townships(path: &Path, lang: Lang) -> Result<Vec<Township>, String> {
    if path.is_dir() {
        let files =
            crate::roster::roster_files(path).map_err(|e| format!("{}: {e}\n", path.display()))?;
        if files.is_empty() {
            return Err(crate::roster::no_roster_files(path).render(lang));
        }
        let city = crate::roster::city::read(path).map_err(|p| p.render(lang))?;
        let towns: Vec<Township> = files
            .into_iter()
            .map(|f| Township {
                path: f.clone(),
                source: f.display().to_string(),
                file: f
                    .with_extension("toml")
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                roster: one_township(&f, city.as_ref(), lang),
            })
            .collect();
        if let Err(p) = across(&towns) {
            let n = crate::wording::roster::problem_count(p.0.len(), lang);
            return Err(format!("{}{n}\n", p.render(lang)));
        }
        if let Some(c) = &city {
            let known: Vec<Vec<String>> = towns
                .iter()
                .map(|t| {
                    let name = t.roster.as_ref().ok().map(|r| r.township.name.as_str());
                    crate::roster::city::township_keys(name, &t.path)
                })
                .collect();
            let p = crate::roster::Problems(crate::roster::city::unknown_townships(c, &known));
            if !p.0.is_empty() {
                let n = crate::wording::roster::problem_count(p.0.len(), lang);
                return Err(format!("{}{n}\n", p.render(lang)));
            }
        }
        return Ok(towns);
    }
    let all = crate::roster::load_all(path).map_err(|p| p.render(lang))?;
    Ok(all
        .into_iter()
        .enumerate()
        .map(|(i, r)| Township {
            path: path.to_path_buf(),
            source: format!("{}#{}", path.display(), i + 1),
            file: format!("{:03}-{}.toml", i + 1, r.township.name),
            roster: Ok(r),
        })
        .collect())
}

impl Township {
    /// Its roster, or the outcome of a township whose roster is not valid
    /// (named `name`), as every city command reports it.
    pub fn roster_or_bad(&self, name: &str, lang: Lang) -> Result<&Roster, Box<Outcome>> {
        self.roster.as_ref().map_err(|problems| {
            Box::new(Outcome::bad(
                name,
                CityRunSaid::RosterInvalid.say(lang),
                problems.clone(),
            ))
        })
    }
}

/// The one township of a roster file in a city folder, or the lines saying why not.
fn one_township(
    f: &Path,
    city: Option<&crate::roster::city::City>,
    lang: Lang,
) -> Result<Roster, Vec<String>> {
    let lines = |p: crate::roster::Problems| p.0.iter().map(|x| x.render(lang)).collect();
    let mut all = crate::roster::load_in_city(f, city).map_err(lines)?;
    if all.len() == 1 {
        Ok(all.remove(0))
    } else {
        // A city file inside a city folder: read it alone to say why.
        crate::roster::load(f).map_err(lines)
    }
}

/// Runs `f` on every township in parallel, in order, with a progress bar
/// when stderr is a terminal.
pub fn each<I: Sync, T: Send>(towns: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(towns.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("a fixed template"),
    );
    let out = towns
        .par_iter()
        .map(|t| {
            let r = f(t);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    out
}

/// `zhudian plan DIR -o OUTDIR`: one plan per township, a line for each.
pub fn plan(input: &Path, out_dir: &Path, opts: &Options, lang: Lang) -> i32 {
    let start = Instant::now();
    let jobs = match townships(input, lang) {
        Ok(j) => j,
        Err(e) => {
            err!("{e}");
            return EXIT_BAD_INPUT;
        }
    };
    let inputs: Vec<&Path> = jobs.iter().map(|j| j.path.as_path()).collect();
    for job in &jobs {
        if let Err(code) = super::not_an_input(&out_dir.join(&job.file), &inputs, lang) {
            return code;
        }
    }
    let created = super::folders_to_create(out_dir);
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        errln!(
            "{}",
            CitySaid::CannotWrite {
                path: out_dir.display().to_string(),
                detail: crate::wording::io::write_reason(&e, lang)
            }
            .say(lang)
        );
        return EXIT_BAD_INPUT;
    }
    // Townships sharing a person are planned after the earlier ones, each
    // keeping clear of the times its shared people are busy before it.
    let across = across(&jobs).unwrap_or_default();
    let mut rows: Vec<Option<CityRow>> = vec![None; jobs.len()];
    let mut plans: Vec<Option<crate::plan::PlanFile>> = vec![None; jobs.len()];
    let mut never: Vec<Vec<crate::roster::across::NeverHere>> = vec![Vec::new(); jobs.len()];
    for wave in crate::roster::across::waves(jobs.len(), &across) {
        let named: Vec<Option<(String, &crate::plan::PlanFile)>> = plans
            .iter()
            .zip(&jobs)
            .map(|(p, j)| p.as_ref().map(|p| (name_of(j), p)))
            .collect();
        let done = each(&wave, |&t| {
            let busy = crate::roster::across::busy_before(
                &across,
                t,
                &named,
                jobs[t].roster.as_ref().ok(),
            );
            plan_township(&jobs[t], &busy, out_dir, opts, lang)
        });
        for (&t, (row, plan, n)) in wave.iter().zip(done) {
            rows[t] = Some(row);
            plans[t] = plan;
            never[t] = n;
        }
    }
    for n in never.iter().flatten() {
        errln!("{}", never_said(n).say(lang));
    }
    let planned = |t: usize| matches!(rows[t], Some(CityRow::Planned { .. }));
    let leaders = summary::distinct_leaders(&jobs, planned);
    let rows: Vec<CityRow> = rows.into_iter().flatten().collect();
    out!(
        "{}",
        CitySaid::Table {
            rows: rows.clone(),
            leaders,
            seconds: start.elapsed().as_secs_f64(),
            out_dir: out_dir.display().to_string()
        }
        .say(lang)
    );
    // No township planned: no summary of nothing, no empty folder left.
    if !rows.iter().any(|r| matches!(r, CityRow::Planned { .. })) {
        super::remove_created(&created);
    } else if let Err(code) = summary::write(&jobs, out_dir, &why_not(&rows, lang), lang) {
        return code;
    }
    if rows.iter().any(|r| matches!(r, CityRow::BadRoster { .. })) {
        EXIT_BAD_INPUT
    } else if rows.iter().any(|r| matches!(r, CityRow::Infeasible { .. })) {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    }
}

/// Why each township of a city run has no plan, in short, for the city's
/// summary: the first cause without its remedy (what is short, not what
/// to do), or how many problems its roster has.
fn why_not(rows: &[CityRow], lang: Lang) -> Vec<Option<String>> {
    rows.iter()
        .map(|r| match r {
            CityRow::Planned { .. } => None,
            CityRow::Infeasible { causes, .. } => {
                let first = causes.first().map(|c| c.trim()).unwrap_or_default();
                let cut = match lang {
                    Lang::Zh => first.rfind('：'),
                    Lang::En => first.rfind(": "),
                };
                Some(cut.map_or(first, |i| &first[..i]).to_string())
            }
            CityRow::BadRoster { problems, .. } => Some(
                crate::wording::city_summary::roster_has_errors(problems.len(), lang),
            ),
        })
        .collect()
}

/// The words for a shared cadre who leads nothing in a later township.
pub fn never_said(n: &crate::roster::across::NeverHere) -> crate::wording::across::NeverHereSaid {
    n.into()
}

/// Plans one township of a city (its shared people kept clear of `busy`)
/// and writes its plan: its row, the plan for the townships after it, and
/// the shared cadres it let lead nothing (busy elsewhere on its dates).
fn plan_township(
    job: &Township,
    busy: &[crate::roster::across::Busy],
    out_dir: &Path,
    opts: &Options,
    lang: Lang,
) -> (
    CityRow,
    Option<crate::plan::PlanFile>,
    Vec<crate::roster::across::NeverHere>,
) {
    let t = Instant::now();
    let r = match &job.roster {
        Err(lines) => {
            let row = CityRow::BadRoster {
                source: job.source.clone(),
                problems: lines.clone(),
            };
            return (row, None, Vec::new());
        }
        Ok(r) => r,
    };
    let blocked;
    let never = crate::roster::across::never_here(r, busy);
    let r = if busy.is_empty() {
        r
    } else {
        blocked = crate::roster::across::with_busy(r, busy, lang);
        &blocked
    };
    let (row, plan) = plan_built(job, r, out_dir, opts, lang, t);
    (row, plan, never)
}

/// Plans the township's roster `r` (busy times added) and writes its plan.
fn plan_built(
    job: &Township,
    r: &Roster,
    out_dir: &Path,
    opts: &Options,
    lang: Lang,
    t: Instant,
) -> (CityRow, Option<crate::plan::PlanFile>) {
    match plan_one(r, &job.source, opts, &Previous::default()) {
        Err(causes) => {
            let row = CityRow::Infeasible {
                township: r.township.name.clone(),
                causes: causes.iter().map(|c| c.say(lang)).collect(),
            };
            (row, None)
        }
        Ok(p) => {
            let path = out_dir.join(&job.file);
            match write_plan(&path, &p.file) {
                Err(e) => {
                    let row = CityRow::BadRoster {
                        source: path.display().to_string(),
                        problems: vec![e.to_string()],
                    };
                    (row, None)
                }
                Ok(()) => {
                    let idle: Vec<String> =
                        crate::scenario::in_post::shared_leading_none(r, &p.file)
                            .iter()
                            .map(|c| c.name.clone())
                            .collect();
                    let in_force = r.cadres_in_force().count();
                    let (_, made_up) = crate::scenario::short::counts(r, &p.file);
                    let row = CityRow::Planned {
                        township: r.township.name.clone(),
                        file: job.file.clone(),
                        units: r.units.len(),
                        leaders: in_force - idle.len(),
                        left: r.cadres.len() - in_force,
                        idle,
                        cost: p.file.plan.cost,
                        gap: p.file.plan.gap,
                        optimal: p.file.plan.status == "optimal",
                        shortfalls: p.file.plan.metrics.shortfall_sessions,
                        made_up,
                        warnings: p.file.warning.len(),
                        seconds: t.elapsed().as_secs_f64(),
                    };
                    (row, Some(p.file))
                }
            }
        }
    }
}

/// The checks across the townships that could be read: the shared people
/// and the transfers, as indices into `towns`.
pub fn across(towns: &[Township]) -> Result<Across, crate::roster::Problems> {
    let (idx, rosters): (Vec<usize>, Vec<&Roster>) = towns
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.roster.as_ref().ok().map(|r| (i, r)))
        .unzip();
    let mut a = crate::roster::across::across(&rosters)?;
    for s in &mut a.shared {
        s.townships.iter_mut().for_each(|t| *t = idx[*t]);
    }
    for x in &mut a.transfers {
        x.from = idx[x.from];
        x.to = idx[x.to];
    }
    Ok(a)
}

/// One township's outcome in a city run: its name, its exit code (0, 1 or
/// 2), its line, and the lines under it (violations, problems, changes).
pub struct Outcome {
    pub township: String,
    pub code: i32,
    pub said: String,
    pub details: Vec<String>,
}

impl Outcome {
    /// A township that could not be read or has no plan: exit 2.
    pub fn bad(township: &str, said: String, details: Vec<String>) -> Outcome {
        Outcome {
            township: township.to_string(),
            code: EXIT_BAD_INPUT,
            said,
            details,
        }
    }
}

/// Each township's people moving to or from the city's other townships.
pub fn moves(towns: &[Township]) -> Vec<Moves> {
    let across = across(towns).unwrap_or_default();
    let names: Vec<String> = towns.iter().map(name_of).collect();
    (0..towns.len())
        .map(|t| Moves::in_city(&across, t, &names))
        .collect()
}

/// One township's moves, its roster read on its own (`path`): from its
/// city when its folder holds a `city.toml` (moves away and here), else
/// from its own `transferred_from` entries, the township they name said by
/// its name (a file name is read from the roster of that name beside it).
pub fn moves_alone(path: &Path, roster: &Roster, lang: Lang) -> Moves {
    let dir = path.parent().unwrap_or(Path::new("."));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    if dir.join("city.toml").is_file()
        && let Ok(towns) = townships(dir, lang)
    {
        let same = |t: &Township| {
            let canon = |p: &Path| std::fs::canonicalize(p).ok();
            canon(&t.path).is_some() && canon(&t.path) == canon(path)
        };
        if let Some(i) = towns.iter().position(same) {
            return moves(&towns).swap_remove(i);
        }
    }
    Moves::of_roster(roster, |key| {
        let beside = dir.join(format!("{key}.toml"));
        match beside.is_file().then(|| crate::roster::load(&beside)) {
            Some(Ok(r)) => r.township.name,
            _ => key.to_string(),
        }
    })
}

/// The name a township goes by in a city run: its roster's, else its file's.
pub fn name_of(t: &Township) -> String {
    match &t.roster {
        Ok(r) => r.township.name.clone(),
        Err(_) => t.source.clone(),
    }
}

/// Prints one line per township (details indented under it) and the totals
/// naming the townships that failed; the exit code is the worst of them.
pub fn finish(rows: &[Outcome], done: Done, lang: Lang) -> i32 {
    lines(rows, lang);
    totals(rows, done, lang)
}

/// One line per township, details indented under it.
pub fn lines(rows: &[Outcome], lang: Lang) {
    for r in rows {
        outln!(
            "{}",
            CityRunSaid::Line {
                township: r.township.clone(),
                said: r.said.clone()
            }
            .say(lang)
        );
        for d in &r.details {
            outln!("    {d}");
        }
    }
}

/// The totals naming the townships that failed; the worst exit code.
pub fn totals(rows: &[Outcome], done: Done, lang: Lang) -> i32 {
    let failing: Vec<String> = rows
        .iter()
        .filter(|r| r.code != EXIT_OK)
        .map(|r| r.township.clone())
        .collect();
    outln!(
        "{}",
        CityRunSaid::Totals {
            done,
            ok: rows.len() - failing.len(),
            total: rows.len(),
            failing,
        }
        .say(lang)
    );
    rows.iter().map(|r| r.code).max().unwrap_or(EXIT_OK)
}

/// The plan files of a folder (`*.toml` with a `[plan]` table), sorted by
/// name; Err with the message when it is not a folder of plans.
pub fn plan_files(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, String> {
    let no_plans = || {
        CityRunSaid::NoPlans {
            dir: dir.display().to_string(),
        }
        .say(lang)
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|_| no_plans())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && is_plan(p))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(no_plans());
    }
    Ok(files)
}

/// The plans in `plans` that no township of the city pairs with by file
/// name: their roster was deleted or renamed. Each is an outcome (exit 2)
/// named by its path, saying what was not done.
pub fn roster_gone(towns: &[Township], plans: &Path, done: Done, lang: Lang) -> Vec<Outcome> {
    let files = plan_files(plans, lang).unwrap_or_default();
    files
        .iter()
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            !towns.iter().any(|t| Some(&t.file) == name.as_ref())
        })
        .map(|p| {
            let said = CityRunSaid::RosterGone { done }.say(lang);
            Outcome::bad(&p.display().to_string(), said, Vec::new())
        })
        .collect()
}

/// A date flag (`--from`) as the day meant, on the year of the city's
/// rosters (the first readable one's: a city plans one year); None when
/// none was typed or no roster could be read. A day that year lacks is
/// refused (exit 2).
pub fn date_on_city_year(
    typed: Option<&crate::cli::dates::DateFlag>,
    towns: &[Township],
    lang: Lang,
) -> Result<Option<chrono::NaiveDate>, i32> {
    let year = towns
        .iter()
        .find_map(|t| t.roster.as_ref().ok())
        .map(|r| r.township.year);
    match (typed, year) {
        (Some(typed), Some(year)) => typed.on("--from", year, lang).map(Some),
        _ => Ok(None),
    }
}

/// Whether the plan at `path` pairs (by file name) with no township of
/// `city`, the rosters a `--roster CITY` names (none named: pairs).
pub fn unpaired(city: &[Township], path: &Path) -> bool {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
    !city.is_empty() && !city.iter().any(|t| Some(&t.file) == file.as_ref())
}

/// The note for a plan the `--roster` `folder` has no roster for: it falls
/// back on the roster it records (`recorded_read`: that one could be read,
/// and is named). `warnings PLANS` and `calendar PLANS` say it.
pub fn not_in_folder(
    folder: &Path,
    path: &Path,
    plan: &crate::plan::PlanFile,
    recorded_read: bool,
    lang: Lang,
) -> String {
    use crate::wording::city_warnings::CityWarningsSaid;
    CityWarningsSaid::NotInFolder {
        plan: path.display().to_string(),
        folder: folder.display().to_string(),
        recorded: recorded_read.then(|| {
            crate::cli::calendar::roster_path(None, path, plan)
                .display()
                .to_string()
        }),
    }
    .say(lang)
}

/// Whether a file reads as TOML with a `[plan]` table (rosters have none).
fn is_plan(path: &Path) -> bool {
    crate::input::read_to_string(path)
        .ok()
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
        .is_some_and(|t| t.get("plan").is_some_and(|v| v.is_table()))
}

/// The townships of `city` for a command that also takes a plans folder:
/// Err with the exit code once the reason is printed.
pub fn towns_with_plans(city: &Path, plans: &Path, lang: Lang) -> Result<Vec<Township>, i32> {
    if !plans.is_dir() {
        errln!(
            "{}",
            CityRunSaid::NeedsPlanFolder {
                path: plans.display().to_string()
            }
            .say(lang)
        );
        return Err(EXIT_BAD_INPUT);
    }
    townships(city, lang).map_err(|e| {
        err!("{e}");
        EXIT_BAD_INPUT
    })
}

/// The city's name from its folder's city.toml (`[city] name`); empty for
/// a city file or a folder without one.
pub fn city_name(path: &Path) -> String {
    if !path.is_dir() {
        return String::new();
    }
    crate::roster::city::read(path)
        .ok()
        .flatten()
        .map(|c| c.name)
        .unwrap_or_default()
}

/// The city's name from the city.toml beside the first plan's roster (the
/// roster the plan records); empty when none says it.
pub fn plans_city(plans: &[PathBuf]) -> String {
    let Some(first) = plans.first() else {
        return String::new();
    };
    let Ok(plan) = crate::cli::replan::read_plan(first) else {
        return String::new();
    };
    let rpath = crate::cli::calendar::roster_path(None, first, &plan);
    match rpath.parent() {
        Some(d) if !d.as_os_str().is_empty() => city_name(d),
        _ => city_name(Path::new(".")),
    }
}
