//! The fixtures `check`'s tests share: the hand-made valid plans, a plan
//! with one edit, and the violations `check` names for it, in English.

#![allow(dead_code)]

use std::path::Path;

use zhudian::model::Roster;
use zhudian::roster;
use zhudian::verify::{Report, check_files};
use zhudian::wording::Lang;

pub const EXAMPLE: &str = "instances/beijiao-example.toml";
pub const ASSIGNMENT_ONLY: &str = "tests/fixtures/check/assignment-only.toml";
pub const DECEMBER: &str = "tests/fixtures/check/december.toml";
pub const DECEMBER_PLAN: &str = "tests/fixtures/check/december-plan.toml";

pub fn load(path: &str) -> Roster {
    roster::load(Path::new(path)).expect("test rosters are valid")
}

pub fn text(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The text with one edit; the edit must apply.
pub fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the plan has no {from:?}");
    text.replacen(from, to, 1)
}

pub fn check(roster: &Roster, plan: &str) -> (Report, Vec<String>) {
    let report = check_files(roster, plan, None);
    assert!(report.unreadable.is_none(), "{:?}", report.unreadable);
    let lines = report.lines(roster, Lang::En);
    (report, lines)
}

/// Every violation of the edited example plan, in English.
pub fn example_lines(from: &str, to: &str) -> Vec<String> {
    let plan = edit(&text(ASSIGNMENT_ONLY), from, to);
    check(&load(EXAMPLE), &plan).1
}

pub fn december_lines(plan: &str) -> Vec<String> {
    check(&load(DECEMBER), plan).1
}

pub fn assert_has(lines: &[String], want: &str) {
    assert!(
        lines.iter().any(|l| l == want),
        "missing:\n  {want}\nin:\n  {}",
        lines.join("\n  ")
    );
}

/// A session block of the December plan, from its date line to the next blank line.
pub fn block<'a>(plan: &'a str, starts: &str) -> &'a str {
    let i = plan.find(starts).unwrap_or_else(|| panic!("no {starts:?}"));
    let head = plan[..i].rfind("[[session]]").unwrap();
    let end = plan[i..]
        .find("\n\n")
        .map(|e| i + e + 1)
        .unwrap_or(plan.len());
    &plan[head..end]
}
