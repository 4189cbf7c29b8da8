//! `zhudian plan ROSTER -o PLAN`: reads the roster, plans it, writes the plan
//! file atomically and prints the leaders' table and the calendar's figures.
//! A folder or city file goes to [`super::city`], one township after another
//! in parallel. The engine flags and the read–plan–write–print sequence here
//! are shared with `replan` and `whatif`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK};
use crate::model::Roster;
use crate::plan::PlanFile;
use crate::planner::{self, Engine, Options, Planned, Previous};
use crate::wording::plan::{LeaderRow, PlanReport, PlanSaid, infeasible_heading};
use crate::wording::{Lang, Say};

/// The engine flags shared by `plan`, `replan` and `whatif`.
#[derive(clap::Args, Debug, Clone)]
pub struct EngineArgs {
    /// Leader-assignment engine: bundles (pure Rust) or highs (needs the `highs` build feature)
    #[arg(long, default_value = "bundles", value_name = "ENGINE")]
    pub engine: String,
    /// Seconds the engine may search before returning its best plan (0 or more)
    #[arg(
        long = "time-limit",
        default_value_t = 10.0,
        value_name = "SECS",
        allow_negative_numbers = true
    )]
    pub time_limit: f64,
    /// Seed for the engine's choices (same seed, same plan)
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Work units the engine may spend (simplex pivots, pricing-search nodes,
    /// 64 bundles scanned): same roster, seed and limit give the same plan on
    /// any machine; the first of this and --time-limit reached stops the search
    #[arg(long = "work-limit", value_name = "UNITS")]
    pub work_limit: Option<u64>,
}

impl EngineArgs {
    /// The options these flags ask for, or the message saying why not.
    pub fn options(&self) -> Result<Options, PlanSaid> {
        let engine = match self.engine.as_str() {
            "bundles" => Engine::Bundles,
            "highs" if cfg!(feature = "highs") => Engine::Highs,
            "highs" => {
                return Err(PlanSaid::EngineUnavailable {
                    engine: "highs".into(),
                });
            }
            other => {
                return Err(PlanSaid::UnknownEngine {
                    engine: other.into(),
                });
            }
        };
        // NaN fails both tests; 1e400 is read as infinity.
        if !(self.time_limit.is_finite() && self.time_limit >= 0.0) {
            return Err(PlanSaid::BadTimeLimit {
                given: self.time_limit.to_string(),
            });
        }
        let time_limit = Duration::from_secs_f64(self.time_limit.min(1e6));
        Ok(Options {
            engine,
            time_limit,
            seed: self.seed,
            work_limit: self.work_limit,
        })
    }
}

/// `zhudian plan ROSTER -o PLAN`
#[derive(clap::Args, Debug)]
pub struct PlanArgs {
    /// Roster file (TOML or .xlsx workbook) of one township; or a folder of rosters, or a city
    /// file with [[township]] entries, to plan every township at once
    pub roster: PathBuf,
    /// Where to write the plan (TOML), atomically; a folder for a city
    /// (one plan per township)
    #[arg(short = 'o', long = "output", value_name = "PLAN")]
    pub output: PathBuf,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Runs `plan`; returns the exit code (0 done, 1 infeasible, 2 bad input).
pub fn run(args: &PlanArgs, lang: Lang) -> i32 {
    if let Err(code) = super::not_an_input(&args.output, &[&args.roster], lang) {
        return code;
    }
    if super::city::is_city(&args.roster) {
        return match args.engine.options() {
            Ok(opts) => super::city::plan(&args.roster, &args.output, &opts, lang),
            Err(said) => {
                errln!("{}", said.say(lang));
                EXIT_BAD_INPUT
            }
        };
    }
    run_with(
        &args.roster,
        &args.output,
        &args.engine,
        lang,
        |_| Ok(Previous::default()),
        |_, _| String::new(),
    )
}

/// Reads the roster, plans it against what `previous` gives, lets `finish`
/// add to the plan (warnings) and say more after the table, writes the plan
/// and prints. Shared by `plan` and `replan`. `previous` may refuse with an
/// exit code (its own messages printed).
pub fn run_with(
    roster_path: &Path,
    output: &Path,
    engine: &EngineArgs,
    lang: Lang,
    previous: impl FnOnce(&Roster) -> Result<Previous, i32>,
    finish: impl FnOnce(&Roster, &mut PlanFile) -> String,
) -> i32 {
    let opts = match engine.options() {
        Ok(o) => o,
        Err(said) => {
            errln!("{}", said.say(lang));
            return EXIT_BAD_INPUT;
        }
    };
    let roster = match crate::roster::load(roster_path) {
        Ok(r) => r,
        Err(problems) => {
            // Said as `validate` says them: in Chinese an entry by its name.
            let names = |file: &str| crate::roster::entry_names_in(std::path::Path::new(file));
            // A valid roster whose counts cannot work is infeasible, not bad input:
            // say so, rather than calling the roster invalid.
            let infeasible = problems.0.iter().all(|p| p.said.means_no_plan());
            if infeasible {
                errln!(
                    "{}",
                    crate::wording::roster::no_plan_possible(
                        &roster_path.display().to_string(),
                        lang
                    )
                );
                err!("{}", problems.render_named(&names, lang));
                return EXIT_INFEASIBLE;
            }
            err!("{}", problems.render_named(&names, lang));
            errln!(
                "{}",
                crate::wording::roster::problem_count(problems.0.len(), lang)
            );
            return EXIT_BAD_INPUT;
        }
    };
    super::print_roster_notes(&roster, lang);
    let prev = match previous(&roster) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let source = roster_path.display().to_string();
    match planner::plan(&roster, &source, &opts, &prev) {
        Ok(mut planned) => {
            let more = finish(&roster, &mut planned.file);
            match write_plan(output, &planned.file) {
                Ok(()) => {
                    out!("{}", report(&roster, output, &planned, &opts).say(lang));
                    if !planned.file.session.is_empty() {
                        outln!(
                            "{}",
                            crate::wording::calendar::figures(&planned.file.plan.metrics, lang)
                        );
                    }
                    out!("{more}");
                    leavers(&roster, &prev, &planned.file, lang);
                    out!("{}", super::warnings::digest(&planned.file, output, lang));
                    EXIT_OK
                }
                Err(e) => {
                    errln!(
                        "{}",
                        PlanSaid::CannotWrite {
                            path: output.display().to_string(),
                            detail: crate::wording::io::write_reason(&e, lang)
                        }
                        .say(lang)
                    );
                    EXIT_BAD_INPUT
                }
            }
        }
        Err(causes) => {
            errln!("{}", infeasible_heading(&roster.township.name, lang));
            for c in &causes {
                errln!("  {}", c.say(lang));
            }
            if causes
                .iter()
                .any(|c| matches!(c, PlanSaid::EngineUnavailable { .. }))
            {
                EXIT_BAD_INPUT
            } else {
                EXIT_INFEASIBLE
            }
        }
    }
}

/// The people who leave during the year with no successor: said, with the
/// units they led in the plan in force and who leads each now.
fn leavers(r: &Roster, prev: &planner::Previous, plan: &PlanFile, lang: Lang) {
    if prev.kept.is_some() {
        return;
    }
    for (id, name, leaves) in r.leavers_without_successor() {
        let moved: Vec<(String, String)> = prev
            .leader
            .iter()
            .filter(|(_, l)| **l == id)
            .filter_map(|(u, _)| {
                let now = plan.assignment.iter().find(|a| &a.unit == u)?;
                Some((
                    crate::wording::names::unit(r, u, lang),
                    crate::wording::names::person(r, &now.leader, lang),
                ))
            })
            .collect();
        outln!(
            "{}",
            crate::wording::year::leaver(&name, leaves, &moved, lang)
        );
    }
}

/// Writes the plan atomically: the old file stays until the new one is whole.
pub fn write_plan(path: &Path, file: &PlanFile) -> std::io::Result<()> {
    crate::plan::write_atomic(path, file.to_toml().as_bytes())
}

/// The leaders' table and the figures, as the terminal shows them.
fn report(r: &Roster, path: &Path, planned: &Planned, opts: &planner::Options) -> PlanReport {
    let f = &planned.file;
    let name_of = |id: &str| match r.unit_index(id) {
        Some(u) => (
            r.units[u].name.clone(),
            r.travel.office_to_unit.get(u).copied().flatten(),
        ),
        None => (id.to_string(), None),
    };
    let share = f.fair_share(r);
    PlanReport {
        township: r.township.name.clone(),
        path: path.display().to_string(),
        rows: f
            .leader
            .iter()
            .map(|l| LeaderRow {
                leader: r
                    .cadre_index(&l.id)
                    .map_or_else(|| l.id.clone(), |c| r.cadres[c].name.clone()),
                units: l.units.iter().map(|u| name_of(u)).collect(),
                load: l.load,
                // The plan keeps the size; the sign says above or below target.
                deviation_pct: l.signed_deviation(share),
                tour_minutes: l.tour_minutes,
            })
            .collect(),
        cost: f.plan.cost,
        lower_bound: f.plan.lower_bound,
        gap: f.plan.gap,
        status: f.plan.status.clone(),
        stopped: f.plan.stopped.clone(),
        engine: f.plan.engine.clone(),
        pricing: planned.pricing,
        work: planned.work,
        leaders_seconds: planned.timings.leaders,
        teams_seconds: planned.timings.teams,
        calendar_seconds: planned.timings.calendar,
        total_seconds: planned.timings.total,
        time_limit_seconds: opts.time_limit.as_secs_f64(),
        replanned: f.plan.previous_plan.is_some(),
    }
}
