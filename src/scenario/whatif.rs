//! What-if runs (`zhudian whatif ROSTER SCENARIOS`): the base roster and each
//! variant of the scenarios file are planned on their own, in parallel, in
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

/// Plans every named roster (or keeps the lines saying why it could not be
/// read), in parallel; rayon keeps the order of the list. `source` is the
/// roster path the plans name.
pub fn plan_each(
    jobs: &[(String, Result<Roster, Vec<String>>)],
    source: &str,
    opts: &Options,
    lang: Lang,
) -> Vec<Outcome> {
    jobs.par_iter()
        .map(|(_, roster)| match roster {
            Err(lines) => Outcome::Failed(lines.clone()),
            Ok(r) => match planner::plan(r, source, opts, &Previous::default()) {
                Ok(p) => Outcome::Planned(Box::new(p.file)),
                Err(causes) => Outcome::Failed(causes.iter().map(|c| c.say(lang)).collect()),
            },
        })
        .collect()
}
