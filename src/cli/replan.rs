//! `zhudian replan ROSTER --previous PLAN -o PLAN`: reads the plan in force,
//! plans the changed roster against it (`scenario::replan`), writes the new
//! plan and prints, after the table, exactly what changed and why.

use std::path::{Path, PathBuf};

use super::EXIT_BAD_INPUT;
use super::plan::{EngineArgs, run_with};
use crate::plan::PlanFile;
use crate::scenario::replan::{changes, not_carried, note_not_carried, previous_in_force};
use crate::wording::scenario::{ChangeSaid, ReplanSaid};
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug, Clone)]
pub struct ReplanArgs {
    /// The changed roster (TOML or .xlsx workbook) of one township; or a city (folder of
    /// rosters, or a file with [[township]] entries)
    pub roster: PathBuf,
    /// The plan in force, to keep wherever the cost says so (for a city, the
    /// folder of plans in force; -o is then a folder too)
    #[arg(long, value_name = "PLAN")]
    pub previous: PathBuf,
    /// Where to write the new plan (TOML); written atomically
    #[arg(short = 'o', long = "output", value_name = "PLAN")]
    pub output: PathBuf,
    /// Keep this unit's leader and team as they are (repeatable)
    #[arg(long = "pin", value_name = "UNIT")]
    pub pins: Vec<String>,
    /// At most this many units may change leader
    #[arg(long = "max-changes", value_name = "N")]
    pub max_changes: Option<usize>,
    /// Keep every session before this day (2026-07-01, 2026/7/1, 2026.7.1,
    /// 2026年7月1日, or 7月1日 on the roster's year) exactly as in the
    /// previous plan; build the calendar from it on. Default: the whole year
    #[arg(long = "from", value_name = "DATE", value_parser = super::date_flag)]
    pub from_typed: Option<super::dates::DateFlag>,
    /// `--from` as the day meant, once the roster's year is known.
    #[arg(skip)]
    pub from: Option<chrono::NaiveDate>,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Refuses (exit 2, each unknown entry said) a plan in force naming units
/// or people the roster lacks: `replan` and `whatif --previous` both ask.
pub(super) fn names_known(
    r: &crate::model::Roster,
    prev: &PlanFile,
    lang: Lang,
) -> Result<(), i32> {
    let unknown = crate::roster::succession::against_previous(r, prev);
    if unknown.0.is_empty() {
        return Ok(());
    }
    for line in crate::roster::succession::render(&unknown, r, lang) {
        errln!("{line}");
    }
    Err(EXIT_BAD_INPUT)
}

/// `--from` must fall in the roster's `year` (exit 2 otherwise), for
/// `replan` and `whatif --previous` alike.
pub(super) fn in_year(
    from: chrono::NaiveDate,
    year: i32,
    lang: Lang,
) -> Result<chrono::NaiveDate, i32> {
    if chrono::Datelike::year(&from) == year {
        return Ok(from);
    }
    let said = ReplanSaid::FromOutsideYear {
        from: from.to_string(),
        year,
    };
    errln!("{}", said.say(lang));
    Err(EXIT_BAD_INPUT)
}

/// Runs `replan`: 0 done, 1 infeasible, 2 bad input.
pub fn run(args: &ReplanArgs, lang: Lang) -> i32 {
    if super::city::is_city(&args.roster) {
        return super::city::replan::run(args, lang);
    }
    if let Err(code) = super::not_an_input(&args.output, &[&args.roster, &args.previous], lang) {
        return code;
    }
    let prev = match read_plan(&args.previous) {
        Ok(p) => p,
        Err(msg) => {
            errln!("{msg}");
            return EXIT_BAD_INPUT;
        }
    };
    let prev2 = prev.clone();
    // The day `--from` meant, found with the roster's year in the first
    // step and read again when the changes are said.
    let from_day = std::cell::Cell::new(args.from);
    run_with(
        &args.roster,
        &args.output,
        &args.engine,
        lang,
        |r| {
            names_known(r, &prev, lang)?;
            if let Some(typed) = &args.from_typed {
                from_day.set(Some(typed.on("--from", r.township.year, lang)?));
            }
            if let Some(from) = from_day.get() {
                in_year(from, r.township.year, lang)?;
            }
            if from_day.get().is_none()
                && let Some(day) = prev
                    .plan
                    .replanned_from
                    .as_deref()
                    .and_then(|d| d.parse().ok())
            {
                errln!(
                    "{}",
                    crate::wording::year::past_may_change(
                        &args.previous.display().to_string(),
                        day,
                        lang
                    )
                );
            }
            if let Some(from) = from_day.get() {
                let gone = gone_from_kept_said(r, &prev, &args.previous, from, lang);
                if !gone.is_empty() {
                    for line in gone {
                        errln!("{line}");
                    }
                    return Err(EXIT_BAD_INPUT);
                }
                leavers_after(r, from, lang);
            }
            previous_in_force(r, &prev, &args.pins, args.max_changes, from_day.get()).map_err(
                |errs| {
                    for e in errs {
                        errln!("{}", e.say(lang));
                    }
                    EXIT_BAD_INPUT
                },
            )
        },
        |r, file| {
            file.plan.previous_plan = Some(args.previous.display().to_string());
            file.plan.previous_plan_sha256 = std::fs::read(&args.previous).ok().map(|b| sha256(&b));
            let before = roster_before(&args.previous, &prev2);
            let notes = not_carried(r, &prev2, before.as_ref());
            note_not_carried(file, &notes, lang);
            let mut out = String::new();
            out += &ReplanSaid::Heading {
                previous: args.previous.display().to_string(),
            }
            .say(lang);
            out += "\n";
            for n in &notes {
                out += &format!("  {}\n", n.say(lang));
            }
            let ch = changes(r, &prev2, file, &[]);
            if ch.is_empty() {
                let handovers = notes
                    .iter()
                    .filter(|n| matches!(n, ReplanSaid::Succeeds { .. }))
                    .count();
                out += &format!("  {}\n", ChangeSaid::Nothing { handovers }.say(lang));
            }
            for c in &ch {
                out += &format!("  {}\n", c.say(lang));
            }
            if let Some(from) = from_day.get() {
                out += &from_date_said(r, &prev2, file, from, lang);
            } else if let Some(first) = chrono::NaiveDate::from_ymd_opt(r.township.year, 1, 1) {
                let f = crate::scenario::year::from_date(&prev2, file, first);
                out += &crate::wording::year::whole_year(&f, lang);
            }
            let m = &file.plan.metrics;
            let pm = &prev2.plan.metrics;
            out += &format!(
                "  {}\n",
                ChangeSaid::Terms {
                    continuity: m.continuity_cost,
                    helper_continuity: m.helper_continuity_cost,
                    balance_before: pm.balance_cost,
                    balance_after: m.balance_cost,
                    travel_before: pm.travel_cost,
                    travel_after: m.travel_cost,
                }
                .say(lang)
            );
            out
        },
    )
}

/// A replan from a date in words: what changes from it (handovers,
/// sessions, rises) and which units keep their sessions. Each line indented
/// two spaces; the city's replan says the same under each township.
pub fn from_date_said(
    r: &crate::model::Roster,
    previous: &PlanFile,
    file: &PlanFile,
    from: chrono::NaiveDate,
    lang: Lang,
) -> String {
    let f = crate::scenario::year::from_date(previous, file, from);
    let teams = crate::calendar::seam::assignment_on(r, &file.assignment, from);
    let keep = crate::calendar::keep::decide(r, previous, &teams, from);
    crate::wording::year::from_date(r, &f, lang)
        + &crate::wording::year::kept(r, &keep, teams.len(), from, lang)
}

/// Warns of each person who leaves after `--from`: with a successor they
/// stay in post until the handover, without one they are off the teams
/// from `--from` already.
fn leavers_after(r: &crate::model::Roster, from: chrono::NaiveDate, lang: Lang) {
    let person = |id: &str| crate::wording::names::person(r, id, lang);
    let leaves = |id: &str| {
        r.cadre_index(id)
            .and_then(|c| r.cadres[c].leaves)
            .or_else(|| r.helper_index(id).and_then(|h| r.helpers[h].leaves))
    };
    for h in r.handovers() {
        if let Some(day) = leaves(&h.from).filter(|d| *d > from)
            && h.date > from
        {
            let succ = person(&h.to);
            let then = Some((succ.as_str(), h.date));
            let said =
                crate::wording::year::leaves_after_from(&person(&h.from), day, from, then, lang);
            errln!("{said}");
        }
    }
    for (id, _, day) in r.leavers_without_successor() {
        if day > from {
            let said = crate::wording::year::leaves_after_from(&person(&id), day, from, None, lang);
            errln!("{said}");
        }
    }
}

/// Reads a plan file, or the message saying why it cannot be read.
pub fn read_plan(path: &Path) -> Result<PlanFile, String> {
    let lang = Lang::current();
    let name = path.display().to_string();
    let text = crate::input::read_to_string(path)
        .map_err(|e| crate::wording::scenario::unreadable_plan(&name, &e.to_string(), lang))?;
    PlanFile::from_toml(&text)
        .map_err(|e| crate::wording::scenario::unreadable_plan(&name, e.trim(), lang))
}

/// The previous plan's own roster, for the names of what the new roster
/// lacks: only while it can still be read as it was (its SHA-256 the plan's).
pub fn roster_before(plan_path: &Path, prev: &PlanFile) -> Option<crate::model::Roster> {
    let path = super::calendar::roster_path(None, plan_path, prev);
    super::calendar::load_roster(&path, prev)
        .ok()
        .filter(|r| r.sha256 == prev.plan.roster_sha256)
}

/// Each person of the previous plan's kept sessions (before `from`) whom
/// the roster no longer holds, said with what to do (see
/// `scenario::replan::gone_from_kept`); empty when there is none. Names
/// come from the previous plan's roster when it is still there.
pub(crate) fn gone_from_kept_said(
    r: &crate::model::Roster,
    prev: &PlanFile,
    previous: &Path,
    from: chrono::NaiveDate,
    lang: Lang,
) -> Vec<String> {
    let gone = crate::scenario::replan::gone_from_kept(r, prev, from);
    if gone.is_empty() {
        return Vec::new();
    }
    let before = roster_before(previous, prev);
    gone.into_iter()
        .map(|g| {
            ReplanSaid::GoneFromKept {
                person: before
                    .as_ref()
                    .map_or_else(|| g.id.clone(), |b| crate::export::name_of(b, &g.id)),
                units: g
                    .units
                    .iter()
                    .map(|u| crate::export::unit_name(r, u))
                    .collect(),
                last: g.last,
                from: from.to_string(),
                id: g.id,
            }
            .say(lang)
        })
        .collect()
}

/// A file's SHA-256 in hex, as plans record their roster's.
pub fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
