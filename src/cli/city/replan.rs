//! `zhudian replan CITY --previous PLANS_DIR -o NEW_DIR [--from DATE]`:
//! every township replanned against its plan in force (paired by file
//! name), in parallel. A township whose roster is the one its plan was made
//! for keeps that plan byte for byte; the others get a new plan and their
//! changes listed under their line.

use std::path::Path;

use super::{Outcome, Township, each, lines, name_of, totals, towns_with_plans};
use crate::cli::plan::write_plan;
use crate::cli::replan::{ReplanArgs, read_plan};
use crate::cli::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK};
use crate::planner::{Options, plan as plan_one};
use crate::roster::across::Across;
use crate::scenario::replan::{Departed, changes, not_carried, note_not_carried, previous_for};
use crate::scenario::transfer::{Side, describe};
use crate::wording::city::{CityRunSaid, Done};
use crate::wording::documents::month_day;
use crate::wording::scenario::{Gone, ReplanSaid};
use crate::wording::{Lang, Say};

/// Replans every township; the exit code is the worst township's.
pub fn run(args: &ReplanArgs, lang: Lang) -> i32 {
    let opts = match args.engine.options() {
        Ok(o) => o,
        Err(said) => {
            errln!("{}", said.say(lang));
            return EXIT_BAD_INPUT;
        }
    };
    let towns = match towns_with_plans(&args.roster, &args.previous, lang) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let mut args = args.clone();
    match super::date_on_city_year(args.from_typed.as_ref(), &towns, lang) {
        Ok(Some(d)) => args.from = Some(d),
        Ok(None) => {}
        Err(code) => return code,
    }
    let args = &args;
    let inputs: Vec<&Path> = towns
        .iter()
        .map(|t| t.path.as_path())
        .chain(std::iter::once(args.previous.as_path()))
        .collect();
    for t in &towns {
        let out = args.output.join(&t.file);
        let prev = args.previous.join(&t.file);
        if let Err(code) =
            crate::cli::not_an_input(&out, &[inputs.as_slice(), &[prev.as_path()]].concat(), lang)
        {
            return code;
        }
    }
    let created = crate::cli::folders_to_create(&args.output);
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        errln!(
            "{}",
            crate::wording::plan::CitySaid::CannotWrite {
                path: args.output.display().to_string(),
                detail: crate::wording::io::write_reason(&e, lang)
            }
            .say(lang)
        );
        return EXIT_BAD_INPUT;
    }
    let (rows, touched) = replan_in_waves(&towns, args, &opts, lang);
    // Kept: untouched townships whose plan in force was copied as it was.
    let kept = rows
        .iter()
        .zip(&touched)
        .filter(|(r, t)| !**t && r.code == EXIT_OK)
        .count();
    // The figures' line comes before the verdict, which stays the last line.
    lines(&rows, lang);
    for t in transfers(&towns, args, lang) {
        outln!("{t}");
    }
    // Nothing replanned or kept: no summary of nothing, no empty folder left.
    if rows.iter().all(|r| r.code != EXIT_OK) {
        crate::cli::remove_created(&created);
        return totals(&rows, Done::Replanned { kept }, lang);
    }
    let why_not: Vec<Option<String>> = rows
        .iter()
        .map(|r| (r.code != EXIT_OK).then(|| r.said.clone()))
        .collect();
    let written = super::summary::write(&towns, &args.output, &why_not, lang);
    let code = totals(&rows, Done::Replanned { kept }, lang);
    written.map_or_else(|c| code.max(c), |()| code)
}

/// Every township replanned, those sharing a person after the earlier ones
/// (city order), each keeping clear of its shared people's busy times there.
/// A township is touched when its roster changed, or an earlier one it
/// shares a person with was touched. Also says which were touched.
fn replan_in_waves(
    towns: &[Township],
    args: &ReplanArgs,
    opts: &Options,
    lang: Lang,
) -> (Vec<Outcome>, Vec<bool>) {
    let across = super::across(towns).unwrap_or_default();
    let mut touched: Vec<bool> = towns
        .iter()
        .map(|t| {
            let prev = read_plan(&args.previous.join(&t.file));
            !matches!((&t.roster, prev), (Ok(r), Ok(p)) if p.plan.roster_sha256 == r.sha256)
        })
        .collect();
    // Why a township whose roster did not change is replanned: a person it
    // shares with an earlier township touched (the person's name, that
    // township's name).
    let mut why: Vec<Option<(String, String)>> = vec![None; towns.len()];
    for t in 0..towns.len() {
        for s in across.shared_in(t) {
            if let Some(&u) = s.townships.iter().find(|&&u| u < t && touched[u]) {
                if !touched[t] {
                    why[t] = Some((s.name.clone(), name_of(&towns[u])));
                }
                touched[t] = true;
            }
        }
    }
    let mut rows: Vec<Option<Outcome>> = (0..towns.len()).map(|_| None).collect();
    for wave in crate::roster::across::waves(towns.len(), &across) {
        // The plans already written for the townships before this wave.
        let written: Vec<Option<(String, crate::plan::PlanFile)>> = towns
            .iter()
            .enumerate()
            .map(|(u, t)| {
                rows[u].as_ref()?;
                let p = read_plan(&args.output.join(&t.file)).ok()?;
                Some((name_of(t), p))
            })
            .collect();
        let named: Vec<Option<(String, &crate::plan::PlanFile)>> = written
            .iter()
            .map(|w| w.as_ref().map(|(n, p)| (n.clone(), p)))
            .collect();
        let done = each(&wave, |&t| {
            let busy = crate::roster::across::busy_before(
                &across,
                t,
                &named,
                towns[t].roster.as_ref().ok(),
            );
            let around = Around {
                why: why[t].as_ref(),
                departed: moved_out(towns, &across, t, lang),
            };
            one(&towns[t], touched[t], &around, &busy, args, opts, lang)
        });
        for (&t, row) in wave.iter().zip(done) {
            rows[t] = Some(row);
        }
    }
    (rows.into_iter().flatten().collect(), touched)
}

/// Each transfer between two replanned townships, in words, once.
fn transfers(towns: &[Township], args: &ReplanArgs, lang: Lang) -> Vec<String> {
    let Ok(across) = super::across(towns) else {
        return Vec::new();
    };
    let plans = |u: usize| {
        let t = &towns[u];
        Some((
            t.roster.as_ref().ok()?,
            read_plan(&args.previous.join(&t.file)).ok()?,
            read_plan(&args.output.join(&t.file)).ok()?,
        ))
    };
    across
        .transfers
        .iter()
        // A transfer dated before --from is in the plans in force already.
        .filter(|x| args.from.is_none_or(|from| x.date >= from))
        .filter_map(|x| {
            let (fr, fp, fnew) = plans(x.from)?;
            let (tr, tp, tnew) = plans(x.to)?;
            let side = |roster, previous, new| Side {
                roster,
                previous,
                new,
            };
            let said = describe(x, &side(fr, &fp, &fnew), &side(tr, &tp, &tnew), lang);
            Some(said.say(lang))
        })
        .collect()
}

/// Why a township is replanned though its roster did not change (a
/// shared person's name, the township that changed), and who leaves it
/// for another township.
struct Around<'a> {
    why: Option<&'a (String, String)>,
    departed: Vec<Departed>,
}

/// The people who move from township `t` to another, as gone there: "因梁国平于10月1日调往新墟镇".
fn moved_out(towns: &[Township], across: &Across, t: usize, lang: Lang) -> Vec<Departed> {
    use chrono::Datelike;
    across
        .transfers
        .iter()
        .filter(|x| x.from == t)
        .map(|x| Departed {
            id: x.from_id.clone(),
            name: None,
            gone: Gone::MovedTo {
                township: name_of(&towns[x.to]),
                day: month_day(x.leaves.month(), x.leaves.day(), lang),
            },
        })
        .collect()
}

fn one(
    t: &Township,
    touched: bool,
    around: &Around,
    busy: &[crate::roster::across::Busy],
    args: &ReplanArgs,
    opts: &Options,
    lang: Lang,
) -> Outcome {
    let name = name_of(t);
    let r = match t.roster_or_bad(&name, lang) {
        Ok(r) => r,
        Err(bad) => return *bad,
    };
    let prev_path = args.previous.join(&t.file);
    if !prev_path.is_file() {
        let said = CityRunSaid::NoPlan {
            path: prev_path.display().to_string(),
        };
        return Outcome::bad(&name, said.say(lang), Vec::new());
    }
    let prev = match read_plan(&prev_path) {
        Ok(p) => p,
        Err(e) => return Outcome::bad(&name, e, Vec::new()),
    };
    let out = args.output.join(&t.file);
    let cannot = |e: std::io::Error| {
        let said = crate::wording::plan::CitySaid::CannotWrite {
            path: out.display().to_string(),
            detail: crate::wording::io::write_reason(&e, lang),
        };
        Outcome::bad(&name, said.say(lang), Vec::new())
    };
    // An untouched township keeps its plan exactly: nothing to replan.
    if !touched {
        return match std::fs::read(&prev_path)
            .and_then(|bytes| crate::plan::write_atomic(&out, &bytes))
        {
            Ok(()) => Outcome {
                township: name.clone(),
                code: EXIT_OK,
                said: CityRunSaid::Unchanged.say(lang),
                details: Vec::new(),
            },
            Err(e) => cannot(e),
        };
    }
    let unknown = crate::roster::succession::against_previous(r, &prev);
    if !unknown.0.is_empty() {
        let lines = crate::roster::succession::render(&unknown, r, lang);
        return Outcome::bad(&name, CityRunSaid::RosterInvalid.say(lang), lines);
    }
    if let Some(from) = args.from
        && chrono::Datelike::year(&from) != r.township.year
    {
        let said = ReplanSaid::FromOutsideYear {
            from: from.to_string(),
            year: r.township.year,
        };
        return Outcome::bad(&name, said.say(lang), Vec::new());
    }
    if let Some(from) = args.from {
        let gone = crate::cli::replan::gone_from_kept_said(r, &prev, &prev_path, from, lang);
        if !gone.is_empty() {
            return Outcome::bad(&name, CityRunSaid::RosterInvalid.say(lang), gone);
        }
    }
    // A pin names a unit of whichever township has it.
    let pins: Vec<String> = args
        .pins
        .iter()
        .filter(|u| r.unit_index(u).is_some())
        .cloned()
        .collect();
    let mut previous = match previous_for(r, &prev, &pins, args.max_changes) {
        Ok(p) => p,
        Err(errs) => {
            let lines = errs.iter().map(|e| e.say(lang)).collect();
            return Outcome::bad(&name, CityRunSaid::RosterInvalid.say(lang), lines);
        }
    };
    previous.kept = args.from.map(|d| (d, prev.clone()));
    let blocked;
    let planned_roster = if busy.is_empty() {
        r
    } else {
        blocked = crate::roster::across::with_busy(r, busy, lang);
        &blocked
    };
    match plan_one(planned_roster, &t.source, opts, &previous) {
        Err(causes) => Outcome {
            township: name.clone(),
            code: EXIT_INFEASIBLE,
            said: CityRunSaid::Infeasible.say(lang),
            details: causes.iter().map(|c| c.say(lang)).collect(),
        },
        Ok(mut planned) => {
            let before = crate::cli::replan::roster_before(&prev_path, &prev);
            let notes = not_carried(r, &prev, before.as_ref());
            note_not_carried(&mut planned.file, &notes, lang);
            if let Err(e) = write_plan(&out, &planned.file) {
                return cannot(e);
            }
            let ch = changes(r, &prev, &planned.file, &around.departed);
            // A replan from a date: what changes from it and what is kept,
            // as the township's replan says it.
            let mut from_lines = Vec::new();
            if let Some(from) = args.from {
                let text = crate::cli::replan::from_date_said(r, &prev, &planned.file, from, lang);
                from_lines.extend(
                    text.lines()
                        .map(|l| l.strip_prefix("  ").unwrap_or(l).to_string()),
                );
            }
            // Replanned only for a shared person's duties elsewhere: say so,
            // and whether anything here changed at all.
            let rebuilt = around.why.map(|(person, other)| {
                let same = ch.is_empty()
                    && planned.file.assignment == prev.assignment
                    && planned.file.session == prev.session;
                crate::wording::across::rebuilt_for_shared(person, other, &name, same, lang)
            });
            let m = &planned.file.plan.metrics;
            Outcome {
                township: name,
                code: EXIT_OK,
                said: CityRunSaid::Replanned {
                    changes: ch.len(),
                    cost: planned.file.plan.cost,
                    shortfalls: m.shortfall_sessions,
                }
                .say(lang),
                details: rebuilt
                    .into_iter()
                    .chain(notes.iter().map(|n| n.say(lang)))
                    .chain(ch.iter().map(|c| c.say(lang)))
                    .chain(from_lines)
                    .collect(),
            }
        }
    }
}
