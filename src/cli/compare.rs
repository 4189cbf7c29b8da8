//! `zhudian compare PLAN...`: reads the plans, the first as the base, and
//! prints them side by side (`scenario::compare`) as a table, CSV, Markdown
//! or TOML. Exit 2 when a plan cannot be read.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::plan::PlanFile;
use crate::scenario::compare::{Format, NamedPlan, compare, render};
use crate::wording::Lang;

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// Plan files; the first is the base the others are compared with
    #[arg(required = true, num_args = 1..)]
    pub plans: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Reads the plans and prints the comparison; 2 when a plan cannot be read.
pub fn run(args: &CompareArgs, lang: Lang) -> i32 {
    let mut plans = Vec::new();
    for path in &args.plans {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
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
            Ok(plan) => plans.push(NamedPlan {
                name: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default(),
                plan,
            }),
            Err(e) => {
                eprintln!(
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
    print!("{}", render(&compare(&plans), args.format, lang));
    EXIT_OK
}
