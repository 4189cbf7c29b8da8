//! `zhudian whatif CITY SCENARIOS`: every variant applied to every township
//! it takes (all, or those its `townships` / `districts` name), the base and
//! each variant planned for every township as `plan CITY` plans (in waves,
//! shared people's earlier sessions as busy times), then the city's
//! totals, the districts' subtotals and the townships each variant changes
//! most. A township a variant leaves alone keeps its base plan. Problems of
//! the scenarios file are said once, at their lines (exit 2); a township
//! that cannot be read is named and left out (exit 2 at the end), a variant
//! that cannot be planned in a township is named (exit 1). With
//! `--out-dir DIR`, each variant's plans go into `DIR/NN-name/`, one per
//! township named as `plan` names them, so `zhudian compare` takes them.
//! `--format csv|markdown|toml` gives the comparison in that format;
//! `--report FILE` writes it as one HTML page too.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::{Township, each, name_of, townships};
use crate::cli::plan::write_plan;
use crate::cli::whatif::WhatifArgs;
use crate::cli::{EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK};
use crate::model::Roster;
use crate::plan::PlanFile;
use crate::planner::{self, Previous};
use crate::roster::across::{Across, Busy, busy_before, never_here, waves, with_busy};
use crate::roster::{Problem, Problems};
use crate::scenario::city::{CityWhatif, Figures, Town, check_scopes};
use crate::scenario::variants::{Base, Read, Scope, read_in};
use crate::scenario::whatif::file_name;
use crate::wording::city_whatif::CityWhatifSaid;
use crate::wording::city_whatif_formats::render;
use crate::wording::roster::RosterSaid;
use crate::wording::scenario::{VariantSaid, WhatifSaid, warning};
use crate::wording::{Lang, Say};

/// A township's own TOML text (a city's defaults not merged in), or why not.
fn own_texts(input: &Path, towns: &[Township], lang: Lang) -> Vec<Result<String, String>> {
    if input.is_dir() {
        return towns
            .iter()
            .map(|t| {
                if crate::workbook::is_workbook(&t.path) {
                    let bytes = std::fs::read(&t.path).map_err(|e| e.to_string())?;
                    crate::workbook::to_toml(&bytes, &t.source)
                        .map(|(text, _)| text)
                        .map_err(|p| p.render(lang))
                } else {
                    crate::input::read_to_string(&t.path).map_err(|e| e.to_string())
                }
            })
            .collect();
    }
    // A city file: each [[township]] entry is a whole roster.
    let entries: Vec<toml::Value> = crate::input::read_to_string(input)
        .ok()
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
        .and_then(|t| t.get("township").and_then(|v| v.as_array()).cloned())
        .unwrap_or_default();
    (0..towns.len())
        .map(|i| {
            entries
                .get(i)
                .and_then(|e| toml::to_string(e).ok())
                .ok_or_else(|| input.display().to_string())
        })
        .collect()
}

fn stem(t: &Township) -> String {
    Path::new(&t.file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The variants' names, in file order, from the scenarios file.
fn variant_names(text: &str) -> Vec<String> {
    toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| t.get("variant").and_then(|v| v.as_array()).cloned())
        .unwrap_or_default()
        .iter()
        .map(|v| {
            v.get("name")
                .and_then(|n| n.as_str())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

/// Problems said once each, in the order first met.
fn unique(all: impl IntoIterator<Item = Problem>, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in all {
        let line = p.render(lang);
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// Runs the city's what-if: 0 all planned, 1 a variant could not be
/// planned somewhere, 2 bad input.
pub fn run(args: &WhatifArgs, lang: Lang) -> i32 {
    let opts = match args.engine.options() {
        Ok(o) => o,
        Err(said) => {
            errln!("{}", said.say(lang));
            return EXIT_BAD_INPUT;
        }
    };
    let towns = match townships(&args.roster, lang) {
        Ok(t) => t,
        Err(e) => {
            err!("{e}");
            return EXIT_BAD_INPUT;
        }
    };
    let scen_name = args.scenarios.display().to_string();
    let scen_text = match crate::input::read_to_string(&args.scenarios) {
        Ok(t) => t,
        Err(e) => {
            let detail = format!("{scen_name}: {e}");
            errln!("{}", WhatifSaid::Unreadable { detail }.say(lang));
            return EXIT_BAD_INPUT;
        }
    };
    let city = match args.roster.is_dir() {
        true => crate::roster::city::read(&args.roster).ok().flatten(),
        false => None,
    };
    let texts = own_texts(&args.roster, &towns, lang);
    let stems: Vec<String> = towns.iter().map(stem).collect();
    let mut districts: Vec<String> = city
        .iter()
        .flat_map(|c| c.districts.iter().map(|d| d.name.clone()))
        .collect();
    for t in &towns {
        if let Ok(r) = &t.roster
            && let Some(d) = &r.township.district
            && !districts.contains(d)
        {
            districts.push(d.clone());
        }
    }
    let known: Vec<(String, String)> = towns
        .iter()
        .zip(&stems)
        .map(|(t, s)| (name_of(t), s.clone()))
        .collect();
    let office = city.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    if let Err(p) = check_scopes(&scen_text, &scen_name, &known, &districts, &office) {
        err!("{}", p.render(lang));
        return EXIT_BAD_INPUT;
    }
    // Each township's variants, read in parallel.
    let reads: Vec<Option<Result<Read, Problems>>> = (0..towns.len())
        .into_par_iter()
        .map(|i| {
            let (Ok(roster), Ok(text)) = (&towns[i].roster, &texts[i]) else {
                return None;
            };
            let base = Base {
                text,
                name: &towns[i].source,
                roster,
                city: city.as_ref(),
                township: Some(Scope {
                    name: &roster.township.name,
                    stem: &stems[i],
                    district: roster.township.district.as_deref(),
                }),
            };
            Some(read_in(&base, &scen_text, &scen_name))
        })
        .collect();
    let problems = unique(
        reads
            .iter()
            .flatten()
            .filter_map(|r| r.as_ref().err())
            .flat_map(|p| p.0.iter().cloned()),
        lang,
    );
    let reads: Vec<Option<&Read>> = reads
        .iter()
        .map(|r| r.as_ref().and_then(|r| r.as_ref().ok()))
        .collect();
    let names = variant_names(&scen_text);
    // An entry a variant names is an error only where no township it
    // applies to has it; a `where` selecting nothing anywhere, a warning.
    let mut lacking: Vec<Problem> = Vec::new();
    let mut warnings: Vec<Problem> = Vec::new();
    for (v, name) in names.iter().enumerate() {
        let taking: Vec<(usize, &Read)> = reads
            .iter()
            .enumerate()
            .filter_map(|(t, r)| Some((t, (*r)?)))
            .filter(|(_, r)| r.variants.get(v).is_some_and(Option::is_some))
            .collect();
        // Counted as every township says it (each guesses among its own
        // entries); said with the first township's guess and its file.
        let mut counts: BTreeMap<String, (usize, Problem, bool)> = BTreeMap::new();
        for (t, r) in &taking {
            for (_, p) in r.missing.iter().filter(|(i, _)| *i == v) {
                let plain = crate::scenario::city::unguessed(p);
                let e = counts
                    .entry(plain.render(Lang::En))
                    .or_insert((0, plain, false));
                e.0 += 1;
                if !e.2
                    && let Some(g) = crate::scenario::city::nowhere_in_city(p, &towns[*t].source)
                {
                    (e.1, e.2) = (g, true);
                }
            }
        }
        lacking.extend(
            counts
                .into_values()
                .filter(|(n, _, _)| *n == taking.len())
                .map(|(_, p, _)| p),
        );
        let mut selected: BTreeMap<usize, usize> = BTreeMap::new();
        for (_, r) in &taking {
            if let Some(Some(var)) = r.variants.get(v) {
                for (line, n) in &var.selections {
                    *selected.entry(*line).or_insert(0) += n;
                }
            }
        }
        for (line, _) in selected.into_iter().filter(|(_, n)| *n == 0) {
            warnings.push(crate::roster::Problem {
                file: scen_name.clone(),
                place: crate::model::Place {
                    section: "[[variant]]".into(),
                    id: Some(name.clone()),
                    field: Some("units.where".into()),
                    line: Some(line),
                    column: None,
                },
                said: RosterSaid::Variant(VariantSaid::SelectsNothing { city: true }),
            });
        }
    }
    let mut problems = problems;
    problems.extend(unique(lacking, lang));
    if !problems.is_empty() {
        for p in &problems {
            errln!("{p}");
        }
        return EXIT_BAD_INPUT;
    }
    for w in &warnings {
        errln!("{}{}", warning(lang), w.render(lang));
    }
    let city_name = city.map(|c| c.name).unwrap_or_default();
    plan_and_report(args, &towns, &reads, &names, &opts, &city_name, lang)
}

/// What a job plans: a township and a column (0 the base, then each
/// variant), and the times its shared people are busy in the townships
/// planned before it under the same column.
struct Job<'a> {
    town: usize,
    column: usize,
    roster: &'a Roster,
    busy: Vec<Busy>,
}

/// The busy times township `t`'s shared people have in the earlier
/// townships' plans of `column`.
fn busy_of(
    across: &Across,
    towns: &[Township],
    plans: &[Vec<Option<PlanFile>>],
    t: usize,
    column: usize,
) -> Vec<Busy> {
    if across.shared_in(t).next().is_none() {
        return Vec::new();
    }
    let named: Vec<Option<(String, &PlanFile)>> = plans
        .iter()
        .zip(towns)
        .map(|(row, town)| row[column].as_ref().map(|p| (name_of(town), p)))
        .collect();
    busy_before(across, t, &named, towns[t].roster.as_ref().ok())
}

/// Plans every township under the base and each variant as `plan CITY`
/// does: townships in waves (city order), each keeping its shared people
/// clear of their sessions in the earlier townships of the same column,
/// a shared cadre busy elsewhere on nearly every station date leading no
/// unit. A township a variant leaves alone keeps its base plan unless its
/// shared people's busy times differ from the base's (then its own roster
/// is planned again). `plans[town][column]`; the failures as lines.
#[allow(clippy::type_complexity)]
fn plan_all(
    towns: &[Township],
    reads: &[Option<&Read>],
    columns: usize,
    opts: &planner::Options,
    lang: Lang,
) -> (Vec<Vec<Option<PlanFile>>>, Vec<(usize, usize, Vec<String>)>) {
    let across = super::across(towns).unwrap_or_default();
    let mut plans: Vec<Vec<Option<PlanFile>>> = vec![vec![None; columns]; towns.len()];
    let mut failed: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for wave in waves(towns.len(), &across) {
        let mut jobs: Vec<Job> = Vec::new();
        // Variant columns that keep the base plan once it is made.
        let mut keep: Vec<(usize, usize)> = Vec::new();
        for &i in &wave {
            let Ok(roster) = &towns[i].roster else {
                continue;
            };
            let base_busy = busy_of(&across, towns, &plans, i, 0);
            jobs.push(Job {
                town: i,
                column: 0,
                roster,
                busy: base_busy.clone(),
            });
            let Some(read) = reads[i] else { continue };
            for (v, var) in read.variants.iter().enumerate() {
                let column = v + 1;
                let busy = busy_of(&across, towns, &plans, i, column);
                match var.as_ref().map(|x| &x.roster) {
                    Some(Ok(r)) => jobs.push(Job {
                        town: i,
                        column,
                        roster: r,
                        busy,
                    }),
                    Some(Err(p)) => {
                        failed.push((i, column, p.0.iter().map(|x| x.render(lang)).collect()));
                    }
                    None if busy == base_busy => keep.push((i, column)),
                    None => jobs.push(Job {
                        town: i,
                        column,
                        roster,
                        busy,
                    }),
                }
            }
        }
        let planned: Vec<Result<PlanFile, Vec<String>>> = each(&jobs, |j| {
            let blocked;
            let r = if j.busy.is_empty() {
                j.roster
            } else {
                blocked = with_busy(j.roster, &j.busy, lang);
                &blocked
            };
            planner::plan(r, &towns[j.town].source, opts, &Previous::default())
                .map(|p| p.file)
                .map_err(|causes| causes.iter().map(|c| c.say(lang)).collect())
        });
        for (j, p) in jobs.iter().zip(planned) {
            if j.column == 0 {
                for n in never_here(j.roster, &j.busy) {
                    errln!("{}", super::never_said(&n).say(lang));
                }
            }
            match p {
                Ok(file) => plans[j.town][j.column] = Some(file),
                Err(lines) => failed.push((j.town, j.column, lines)),
            }
        }
        for (i, v) in keep {
            plans[i][v] = plans[i][0].clone();
        }
    }
    (plans, failed)
}

fn plan_and_report(
    args: &WhatifArgs,
    towns: &[Township],
    reads: &[Option<&Read>],
    names: &[String],
    opts: &planner::Options,
    city_name: &str,
    lang: Lang,
) -> i32 {
    let columns = names.len() + 1;
    let (owned, mut failed) = plan_all(towns, reads, columns, opts, lang);
    let plans: Vec<Vec<Option<&PlanFile>>> = owned
        .iter()
        .map(|row| row.iter().map(Option::as_ref).collect())
        .collect();
    let mut code = EXIT_OK;
    if let Some(dir) = &args.out_dir
        && let Err(c) = write_all(dir, towns, &plans, names, args, lang)
    {
        return c;
    }
    let label = WhatifSaid::Base.say(lang);
    let whatif = CityWhatif {
        city: city_name.to_string(),
        names: std::iter::once(label)
            .chain(names.iter().cloned())
            .collect(),
        towns: towns
            .iter()
            .enumerate()
            .filter(|(_, t)| t.roster.is_ok())
            .map(|(i, t)| Town {
                township: name_of(t),
                district: t
                    .roster
                    .as_ref()
                    .ok()
                    .and_then(|r| r.township.district.clone()),
                figures: plans[i]
                    .iter()
                    .map(|p| p.map(|p| Figures::of(p, plans[i][0])))
                    .collect(),
                moves: leader_moves(t, reads[i], &plans[i]),
            })
            .collect(),
    };
    out!("{}", render(&whatif, args.top, args.format, lang));
    if let Some(path) = &args.report {
        let inputs: Vec<&Path> = towns
            .iter()
            .map(|t| t.path.as_path())
            .chain([args.scenarios.as_path()])
            .collect();
        if let Err(c) = crate::cli::not_an_input(path, &inputs, lang) {
            return c;
        }
        let page =
            crate::report::city_whatif_page(city_name, &whatif, args.top, crate::cli::page_lang());
        if let Err(e) = crate::plan::write_atomic(path, page.as_bytes()) {
            let said = crate::wording::report::ReportSaid::CannotWrite {
                path: path.display().to_string(),
                detail: crate::wording::io::write_reason(&e, lang),
            };
            errln!("{}", said.say(lang));
            return EXIT_BAD_INPUT;
        }
    }
    for t in towns.iter().filter(|t| t.roster.is_err()) {
        code = EXIT_BAD_INPUT;
        errln!(
            "{}",
            CityWhatifSaid::BaseFailed {
                township: t.source.clone()
            }
            .say(lang)
        );
        for l in t.roster.as_ref().err().into_iter().flatten() {
            errln!("  {l}");
        }
    }
    failed.sort_by_key(|(t, v, _)| (*t, *v));
    for (t, v, lines) in &failed {
        code = code.max(EXIT_INFEASIBLE);
        let township = name_of(&towns[*t]);
        let said = match v {
            0 => CityWhatifSaid::BaseFailed { township },
            v => CityWhatifSaid::VariantFailed {
                township,
                variant: names[v - 1].clone(),
            },
        };
        errln!("{}", said.say(lang));
        for l in lines {
            errln!("  {l}");
        }
    }
    code
}

/// Writes every column's plans into `DIR/NN-name/`, one file per township.
fn write_all(
    dir: &Path,
    towns: &[Township],
    plans: &[Vec<Option<&PlanFile>>],
    names: &[String],
    args: &WhatifArgs,
    lang: Lang,
) -> Result<(), i32> {
    let inputs: Vec<&Path> = towns
        .iter()
        .map(|t| t.path.as_path())
        .chain([args.scenarios.as_path()])
        .collect();
    for v in 0..=names.len() {
        let folder = match v {
            0 => "00-base".to_string(),
            v => file_name(v, &names[v - 1])
                .trim_end_matches(".toml")
                .to_string(),
        };
        for (t, row) in towns.iter().zip(plans) {
            let Some(plan) = row[v] else { continue };
            let path = dir.join(&folder).join(&t.file);
            crate::cli::roles::plan_may_go(&path, &inputs, lang)?;
            let written =
                std::fs::create_dir_all(dir.join(&folder)).and_then(|_| write_plan(&path, plan));
            if let Err(e) = written {
                let path = path.display().to_string();
                let detail = crate::wording::io::write_reason(&e, lang);
                errln!("{}", WhatifSaid::CannotWrite { path, detail }.say(lang));
                return Err(EXIT_BAD_INPUT);
            }
        }
    }
    Ok(())
}

/// Per column, the units whose leader the column's plan changes from the
/// base's, with the reasons `replan` gives (read on the column's roster; a
/// cadre the variant removes by name, as removed). No part of the score:
/// a variant is planned afresh, its score counts no change.
fn leader_moves(
    t: &Township,
    read: Option<&Read>,
    plans: &[Option<&PlanFile>],
) -> Vec<Vec<crate::wording::scenario::ChangeSaid>> {
    use crate::scenario::replan::Departed;
    use crate::wording::scenario::{ChangeSaid, Gone};
    let (Ok(base_roster), Some(Some(base))) = (&t.roster, plans.first()) else {
        return vec![Vec::new(); plans.len()];
    };
    plans
        .iter()
        .enumerate()
        .map(|(v, p)| {
            let Some(p) = p.filter(|_| v > 0) else {
                return Vec::new();
            };
            let roster = read
                .and_then(|r| r.variants.get(v - 1))
                .and_then(|x| x.as_ref())
                .and_then(|x| x.roster.as_ref().ok())
                .unwrap_or(base_roster);
            let removed: Vec<Departed> = base_roster
                .cadres
                .iter()
                .filter(|c| roster.cadre_index(&c.id).is_none())
                .map(|c| Departed {
                    id: c.id.clone(),
                    name: Some(crate::wording::names::person(
                        base_roster,
                        &c.id,
                        Lang::current(),
                    )),
                    gone: Gone::Removed,
                })
                .collect();
            crate::scenario::replan::changes(roster, base, p, &removed)
                .into_iter()
                .filter_map(|c| match c {
                    ChangeSaid::LeaderMoved { .. } => Some(c),
                    _ => None,
                })
                .map(|mut c| {
                    if let ChangeSaid::LeaderMoved { cost, .. } = &mut c {
                        *cost = None;
                    }
                    c
                })
                .collect()
        })
        .collect()
}
