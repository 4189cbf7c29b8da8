//! `zhudian validate ROSTER`: every problem of a roster (or of each roster in
//! a folder or city file), each with its place; a one-screen summary of each
//! township when all is well.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::roster;
use crate::wording::{Lang, Say};

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// Roster file (TOML or .xlsx workbook), a city file with [[township]] entries, or a folder of rosters
    pub roster: PathBuf,
    /// The plan in force: each `succeeds` must name someone in the roster or in it
    #[arg(long, value_name = "PLAN")]
    pub previous: Option<PathBuf>,
}

/// Skills more units need than the people who have them can cover: the
/// planner's own check (`planner::diagnose::needs_capacity`, on the people
/// in force at the year's end as `plan` takes them), so that a roster
/// `validate` passes does not fail in `plan` for it.
fn skills_short(rosters: &[crate::model::Roster]) -> Vec<roster::Problem> {
    rosters
        .iter()
        .flat_map(|r| {
            let causes = crate::planner::diagnose::needs_capacity(&r.at_year_end());
            causes.into_iter().map(|said| roster::Problem {
                file: r.source.clone(),
                place: crate::model::Place::default(),
                said: crate::wording::roster::RosterSaid::NoPlan(said),
            })
        })
        .collect()
}

pub fn run(args: &ValidateArgs, lang: Lang) -> i32 {
    let loaded = roster::load_all(&args.roster).and_then(|rosters| {
        let short = skills_short(&rosters);
        match short.is_empty() {
            true => Ok(rosters),
            false => Err(roster::Problems(short)),
        }
    });
    match loaded {
        Ok(rosters) => {
            // The plan in force of each township: for a city, its plan in
            // the folder of plans (a township with none has nothing to meet).
            let mut previous: Vec<Option<crate::plan::PlanFile>> = vec![None; rosters.len()];
            if let Some(path) = &args.previous {
                let city = rosters.len() > 1 || args.roster.is_dir();
                let files: Vec<Option<PathBuf>> = if city {
                    match plan_files(&args.roster, path, &rosters, lang) {
                        Ok(f) => f,
                        Err(code) => return code,
                    }
                } else {
                    vec![Some(path.clone())]
                };
                for (slot, file) in previous.iter_mut().zip(files) {
                    let Some(file) = file else { continue };
                    match super::replan::read_plan(&file) {
                        Ok(p) => *slot = Some(p),
                        Err(msg) => {
                            errln!("{msg}");
                            return EXIT_BAD_INPUT;
                        }
                    }
                }
                let mut lines = Vec::new();
                for (r, prev) in rosters.iter().zip(&previous) {
                    let Some(prev) = prev else { continue };
                    let unknown = roster::succession::against_previous(r, prev);
                    lines.extend(roster::succession::render(&unknown, r, lang));
                }
                if !lines.is_empty() {
                    for line in &lines {
                        errln!("{line}");
                    }
                    errln!(
                        "{}",
                        crate::wording::roster::problem_count(lines.len(), lang)
                    );
                    return EXIT_BAD_INPUT;
                }
            }
            // A city's transfers: a leaver here who joins another township.
            let refs: Vec<&crate::model::Roster> = rosters.iter().collect();
            let across = roster::across::across(&refs).unwrap_or_default();
            let clashes = roster::clash::clashes(&refs, &across);
            for (here, r) in rosters.iter().enumerate() {
                super::print_roster_notes(r, lang);
                if let Some(d) = &r.township.district {
                    outln!("{}", crate::wording::city::district_line(d, lang));
                }
                let mut summary = roster::summary::summarize(r);
                // A shared cadre the earlier township keeps away leads none here.
                let idle: Vec<String> = clashes
                    .iter()
                    .filter(|c| c.later == here && c.leads_none_later())
                    .filter(|c| r.cadres_in_force().any(|x| x.id == c.id))
                    .map(|c| c.name.clone())
                    .collect();
                summary.cadres -= idle.len();
                // What the plan would find: leaders a meeting keeps from the window.
                summary.window_taken = crate::calendar::taken::window_taken_before_planning(r)
                    .into_iter()
                    .filter(|t| !idle.contains(&t.name))
                    .collect();
                summary.shared_idle = idle;
                out!("{}", summary.say(lang));
                // Each unit's minutes, to choose a what-if's min_travel_minutes;
                // for a city the range on the calendar line is enough.
                if rosters.len() == 1 {
                    let list =
                        crate::wording::summary::TravelList(&summary.travel, &summary.township);
                    out!("{}", list.say(lang));
                }
                // Who moves to or from another township of the city.
                let moves = if rosters.len() == 1 && args.roster.is_file() {
                    crate::cli::city::moves_alone(&args.roster, r, lang)
                } else {
                    let names: Vec<String> =
                        rosters.iter().map(|r| r.township.name.clone()).collect();
                    crate::scenario::transfer::Moves::in_city(&across, here, &names)
                };
                out!("{}", crate::wording::year::changes_in_post(r, &moves, lang));
                for (id, name, leaves) in r.leavers_without_successor() {
                    // With the plan in force: the places they hold in it,
                    // which a replan from their date gives to others.
                    let places = |on: &dyn Fn(&crate::plan::Assignment) -> bool| -> Vec<String> {
                        previous[here]
                            .iter()
                            .flat_map(|p| &p.assignment)
                            .filter(|a| on(a))
                            .map(|a| crate::wording::names::unit(r, &a.unit, lang))
                            .collect()
                    };
                    let led = places(&|a| a.leader == id);
                    let on_team = places(&|a| a.helpers.contains(&id));
                    let moved = across
                        .transfers
                        .iter()
                        .find(|x| x.from == here && x.from_id == id);
                    // A transfer the plan in force already made: said above.
                    if moved.is_some()
                        && previous[here].is_some()
                        && led.is_empty()
                        && on_team.is_empty()
                    {
                        continue;
                    }
                    let said = if let Some(x) = moved
                        && previous[here].is_none()
                    {
                        let to = &rosters[x.to].township.name;
                        crate::wording::year::transferred_out(&name, leaves, to, lang)
                    } else if led.is_empty() && on_team.is_empty() {
                        crate::wording::year::leaver(&name, leaves, &[], lang)
                    } else if let Some(x) = moved {
                        let to = &rosters[x.to].township.name;
                        crate::wording::year::transferred_replanned(
                            &name, leaves, to, &led, &on_team, lang,
                        )
                    } else {
                        crate::wording::year::leaver_replanned(&name, leaves, &led, &on_team, lang)
                    };
                    outln!("  {said}");
                }
                // Meetings inside the station window: worth moving before planning.
                for m in crate::calendar::meetings_in_window(r) {
                    out!(
                        "{}",
                        crate::wording::calendar::validate_warning(&m.said(r), lang)
                    );
                }
            }
            if rosters.len() > 1 {
                city_people(&super::city::city_name(&args.roster), &rosters, lang);
                windows_too_close(&rosters, &clashes, lang);
            }
            if args.roster.is_dir()
                && let Ok(Some(city)) = roster::city::read(&args.roster)
            {
                city_settings(&city, &rosters, lang);
            }
            EXIT_OK
        }
        Err(problems) => {
            // In Chinese an entry is said by its name: read the names from
            // each problem's file.
            let names = |file: &str| roster::entry_names_in(std::path::Path::new(file));
            err!("{}", problems.render_named(&names, lang));
            let nothing_read = matches!(
                problems.0.as_slice(),
                [p] if matches!(p.said, crate::wording::roster::RosterSaid::NoRosterFiles { .. })
            );
            if !nothing_read {
                errln!(
                    "{}",
                    crate::wording::roster::problem_count(problems.0.len(), lang)
                );
            }
            EXIT_BAD_INPUT
        }
    }
}

/// Each shared person whose two townships hold their station windows on
/// the same weekday closer than the travel time between them, said as what
/// the plan will do.
fn windows_too_close(
    rosters: &[crate::model::Roster],
    clashes: &[roster::clash::Clash],
    lang: Lang,
) {
    let window = |r: &crate::model::Roster| {
        format!(
            "{}–{}",
            r.station.start.format("%H:%M"),
            r.station.end.format("%H:%M")
        )
    };
    for c in clashes {
        let (a, b) = (&rosters[c.earlier], &rosters[c.later]);
        let (wa, wb) = (window(a), window(b));
        let said = crate::wording::shared_idle::WindowsTooClose {
            person: &c.name,
            a: (&a.township.name, &wa),
            b: (&b.township.name, &wb),
            minutes: c.minutes,
            dates: c.dates,
            both: c.both,
            none_in_b: c.leads_none_later(),
        };
        outln!("{}", said.say(lang));
    }
}

/// A city's leaders (in force at the year's end) and helpers, each person
/// once (a shared or transferred person is one), as city-summary.csv's
/// total counts them.
fn city_people(city: &str, rosters: &[crate::model::Roster], lang: Lang) {
    let refs: Vec<&crate::model::Roster> = rosters.iter().collect();
    let across = roster::across::across(&refs).unwrap_or_default();
    let some: Vec<Option<&crate::model::Roster>> = refs.iter().map(|r| Some(*r)).collect();
    let keys = roster::across::person_keys(&some, &across);
    let mut leaders = std::collections::BTreeSet::new();
    let mut helpers = std::collections::BTreeSet::new();
    let mut gone = std::collections::BTreeSet::new();
    for (r, k) in rosters.iter().zip(&keys) {
        leaders.extend(r.cadres_in_force().filter_map(|c| k.get(&c.id)));
        gone.extend(
            r.cadres
                .iter()
                .filter(|c| r.gone_by_year_end(&c.id))
                .filter_map(|c| k.get(&c.id)),
        );
        helpers.extend(r.helpers.iter().filter_map(|h| k.get(&h.id)));
    }
    let entries: usize = rosters.iter().map(|r| r.cadres_in_force().count()).sum();
    let left = gone.difference(&leaders).count();
    outln!(
        "{}",
        crate::wording::city_summary::city_people(
            city,
            leaders.len(),
            left,
            helpers.len(),
            entries,
            lang
        )
    );
}

/// A city folder's settings, said once after the townships: the city and
/// its districts, what every township inherits, and who differs from it.
fn city_settings(city: &roster::city::City, rosters: &[crate::model::Roster], lang: Lang) {
    use crate::wording::city::CityInfo;
    let mut districts: Vec<(String, usize)> = Vec::new();
    let mut none = Vec::new();
    for r in rosters {
        match &r.township.district {
            Some(d) => match districts.iter_mut().find(|(n, _)| n == d) {
                Some((_, k)) => *k += 1,
                None => districts.push((d.clone(), 1)),
            },
            None => none.push(r.township.name.clone()),
        }
    }
    let has_districts = !districts.is_empty();
    outln!(
        "{}",
        CityInfo::Heading {
            name: city.name.clone(),
            townships: rosters.len(),
            districts,
        }
        .say(lang)
    );
    // Worth saying only where the city has districts (a county has none).
    if !none.is_empty() && has_districts {
        outln!("{}", CityInfo::NoDistrict { townships: none }.say(lang));
    }
    let values = roster::city::inherited_values(city);
    if !values.is_empty() {
        outln!(
            "{}",
            CityInfo::Inherited {
                city: city.name.clone(),
                values
            }
            .say(lang)
        );
    }
    let texts: Vec<(String, String)> = rosters
        .iter()
        .map(|r| {
            let text =
                crate::input::read_to_string(std::path::Path::new(&r.source)).unwrap_or_default();
            (r.township.name.clone(), text)
        })
        .collect();
    let all = roster::city::overrides(city, &texts);
    if all.is_empty() {
        outln!(
            "{}",
            CityInfo::NoOverrides {
                city: city.name.clone()
            }
            .say(lang)
        );
    }
    let mut i = 0;
    while i < all.len() {
        let township = all[i].township.clone();
        let fields: Vec<(String, toml::Value, toml::Value)> = all[i..]
            .iter()
            .take_while(|o| o.township == township)
            .map(|o| (o.field.clone(), o.own.clone(), o.city.clone()))
            .collect();
        i += fields.len();
        outln!(
            "{}",
            CityInfo::Overrides {
                city: city.name.clone(),
                township,
                fields
            }
            .say(lang)
        );
    }
}

/// A city's `--previous`: the folder of plans, each township's plan there
/// by its roster's file name (`None` when it has none), in the rosters'
/// order; a file instead of a folder is refused, saying what to give.
fn plan_files(
    city: &std::path::Path,
    plans: &std::path::Path,
    rosters: &[crate::model::Roster],
    lang: Lang,
) -> Result<Vec<Option<PathBuf>>, i32> {
    let towns = super::city::towns_with_plans(city, plans, lang)?;
    Ok(rosters
        .iter()
        .map(|r| {
            towns
                .iter()
                .find(|t| {
                    t.roster
                        .as_ref()
                        .is_ok_and(|t| t.township.name == r.township.name)
                })
                .map(|t| plans.join(&t.file))
                .filter(|p| p.is_file())
        })
        .collect())
}
