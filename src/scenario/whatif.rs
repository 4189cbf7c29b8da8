//! What-if runs (`zhudian whatif ROSTER SCENARIOS`): the base roster and each
//! variant of the scenarios file are planned on their own (or, with
//! `--previous`, each variant against the plan in force), in parallel, in
//! the order of the list. A variant that cannot be planned keeps the lines
//! saying why; the others still go through.

use rayon::prelude::*;

use crate::model::Roster;
use crate::plan::PlanFile;
use crate::planner::{self, Options, Previous};
use crate::wording::{Lang, Say};

/// A file name for a variant: its position and name, safe on any disk.
pub fn file_name(i: usize, name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{i:02}-{safe}.toml")
}

/// The outcome of planning one variant.
pub enum Outcome {
    Planned(Box<PlanFile>),
    Failed(Vec<String>),
}

/// What a roster is planned against: the plan in force as the planner
/// takes it, or the lines saying why it cannot be.
pub type Against<'a> = dyn Fn(&Roster) -> Result<Previous, Vec<String>> + Sync + 'a;

/// Plans every named roster (or keeps the lines saying why it could not be
/// read), in parallel; rayon keeps the order of the list. `source` is the
/// roster path the plans name. `previous` gives each roster the plan it is
/// planned against (`whatif --previous`: the plan in force, as `replan`
/// takes it), or the lines saying why it cannot be; None plans afresh.
pub fn plan_each(
    jobs: &[(String, Result<Roster, Vec<String>>)],
    source: &str,
    opts: &Options,
    previous: Option<&Against<'_>>,
    lang: Lang,
) -> Vec<Outcome> {
    jobs.par_iter()
        .map(|(_, roster)| match roster {
            Err(lines) => Outcome::Failed(lines.clone()),
            Ok(r) => match previous.map_or_else(|| Ok(Previous::default()), |f| f(r)) {
                Err(lines) => Outcome::Failed(lines),
                Ok(prev) => plan_one(r, source, opts, &prev, lang),
            },
        })
        .collect()
}

fn plan_one(r: &Roster, source: &str, opts: &Options, prev: &Previous, lang: Lang) -> Outcome {
    match planner::plan(r, source, opts, prev) {
        Ok(p) => Outcome::Planned(Box::new(p.file)),
        Err(causes) => Outcome::Failed(causes.iter().map(|c| c.say(lang)).collect()),
    }
}
