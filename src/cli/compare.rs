//! `zhudian compare PLAN...`: reads the plans, the first as the base, and
//! prints them side by side (`scenario::compare`) as a table, CSV, Markdown
//! or TOML. Exit 2 when a plan cannot be read.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::model::Roster;
use crate::plan::PlanFile;
use crate::scenario::compare::{Format, Named, NamedPlan, compare_moved, render};
use crate::scenario::transfer::Moves;
use crate::wording::{Lang, names};

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// Plan files; the first is the base the others are compared with. For a
    /// city: folders of plans, compared township by township
    #[arg(required = true, num_args = 1..)]
    pub plans: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Reads the plans and prints the comparison; 2 when a plan cannot be read.
pub fn run(args: &CompareArgs, lang: Lang) -> i32 {
    if args.plans[0].is_dir() {
        return super::city::compare::run(&args.plans, args.format, lang);
    }
    let mut plans = Vec::new();
    let labels = labels(&args.plans);
    for (path, label) in args.plans.iter().zip(labels) {
        let text = match crate::input::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                errln!(
                    "{}",
                    crate::wording::scenario::unreadable_plan(
                        &path.display().to_string(),
                        &e.to_string(),
                        lang
                    )
                );
                return EXIT_BAD_INPUT;
            }
        };
        match PlanFile::from_toml(&text) {
            Ok(plan) => plans.push(NamedPlan { name: label, plan }),
            Err(e) => {
                errln!(
                    "{}",
                    crate::wording::scenario::unreadable_plan(
                        &path.display().to_string(),
                        e.trim(),
                        lang
                    )
                );
                return EXIT_BAD_INPUT;
            }
        }
    }
    let rosters = rosters(&args.plans, &plans);
    let name = |what: Named, id: &str| {
        let known = rosters.iter().flatten().find(|r| match what {
            Named::Unit => r.unit_index(id).is_some(),
            Named::Person => r.cadre_index(id).is_some() || r.helper_index(id).is_some(),
        });
        match (known, what) {
            (Some(r), Named::Unit) => names::unit(r, id, lang),
            (Some(r), Named::Person) => names::person(r, id, lang),
            (None, _) => id.to_string(),
        }
    };
    // Moves between the city's townships that change a team between the
    // base and a later plan: counted with the handovers, said once.
    let moves = moves(&args.plans, &plans, &rosters);
    let person = |id: &str| name(Named::Person, id);
    let compared = compare_moved(&plans, &name, &moves.ids());
    out!("{}", render(&compared, args.format, lang));
    if args.format == Format::Table {
        for line in moves.said(&person, lang) {
            outln!("{line}");
        }
    }
    // A mid-year change (a plan that hands over on a date): what changes
    // from that date, for each plan against the one before it, in the table
    // format only. With more than two plans each pair is headed by names.
    if args.format == Format::Table {
        for (i, pair) in plans.windows(2).enumerate() {
            let [old, new] = pair else { continue };
            let Some(from) = crate::scenario::year::handover_date(&new.plan) else {
                continue;
            };
            let Some(r) = rosters[i + 1].as_ref().or(rosters.iter().flatten().next()) else {
                continue;
            };
            if plans.len() > 2 {
                outln!(
                    "{}",
                    crate::wording::year::pair_heading(&old.name, &new.name, lang)
                );
            }
            let f = crate::scenario::year::from_date(&old.plan, &new.plan, from);
            out!("{}", crate::wording::year::from_date(r, &f, lang));
        }
    }
    EXIT_OK
}

/// The moves to or from the city's other townships (as the last plan's
/// roster and its city have them) that change a team between the first
/// plan and a later one.
fn moves(paths: &[PathBuf], plans: &[NamedPlan], rosters: &[Option<Roster>]) -> Moves {
    let (Some(path), Some(last), Some(Some(r))) = (paths.last(), plans.last(), rosters.last())
    else {
        return Moves::default();
    };
    let rpath = super::calendar::roster_path(None, path, &last.plan);
    let all = super::city::moves_alone(&rpath, r, crate::wording::Lang::En);
    let mut out = Moves::default();
    for p in &plans[1..] {
        for m in all.between(&plans[0].plan, &p.plan).0 {
            if !out.0.contains(&m) {
                out.0.push(m);
            }
        }
    }
    out
}

/// The plans' column labels: each file's name without `.toml`; where two
/// share it (`A/xiqiao.toml`, `B/xiqiao.toml`), the folder before it too
/// (`A/xiqiao`), and the whole path if even that is shared.
fn labels(paths: &[PathBuf]) -> Vec<String> {
    let stem = |p: &PathBuf| {
        p.file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default()
    };
    let with_folder = |p: &PathBuf| match p.parent().and_then(|d| d.file_name()) {
        Some(d) => format!("{}/{}", d.to_string_lossy(), stem(p)),
        None => stem(p),
    };
    let unique = |f: &dyn Fn(&PathBuf) -> String, p: &PathBuf| {
        let me = f(p);
        paths.iter().filter(|q| f(q) == me).count() == 1
    };
    paths
        .iter()
        .map(|p| {
            if unique(&stem, p) {
                stem(p)
            } else if unique(&with_folder, p) {
                with_folder(p)
            } else {
                p.display().to_string()
            }
        })
        .collect()
}

/// The roster each plan names, where it can still be read, for names: a
/// plan whose roster moved keeps its ids. Each roster is read once.
fn rosters(paths: &[PathBuf], plans: &[NamedPlan]) -> Vec<Option<Roster>> {
    let mut out: Vec<Option<Roster>> = Vec::new();
    for (path, p) in paths.iter().zip(plans) {
        let sha = &p.plan.plan.roster_sha256;
        let seen = plans
            .iter()
            .zip(&out)
            .find(|(q, r)| &q.plan.plan.roster_sha256 == sha && r.is_some())
            .and_then(|(_, r)| r.clone());
        let r = seen.or_else(|| {
            let rpath = super::calendar::roster_path(None, path, &p.plan);
            super::calendar::load_roster(&rpath, &p.plan).ok()
        });
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_of_the_same_name_are_labelled_by_their_folder() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            labels(&[p("A/xiqiao.toml"), p("B/xiqiao.toml"), p("B/other.toml")]),
            ["A/xiqiao", "B/xiqiao", "other"]
        );
        assert_eq!(
            labels(&[p("x/A/xiqiao.toml"), p("y/A/xiqiao.toml")]),
            ["x/A/xiqiao.toml", "y/A/xiqiao.toml"]
        );
        assert_eq!(labels(&[p("a.toml"), p("b.toml")]), ["a", "b"]);
    }
}
