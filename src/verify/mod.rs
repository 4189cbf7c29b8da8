//! The independent checker behind `zhudian check ROSTER PLAN`. It re-reads the
//! roster (with the shared roster parser, the only code it shares) and the
//! plan (with its own serde types), checks every hard rule of the spec and
//! every calendar rule of docs/calendar.md, and recomputes the cost from
//! scratch. A plan passes only if nothing is wrong and every stated figure
//! matches; each violation names its rule, unit, person and date.
//!
//! Other tests use [`check_files`] to assert that every plan they produce
//! passes.

pub mod across;
mod assign;
mod calendar;
mod earlier;
mod figures;
mod handovers;
pub mod past;
mod planfile;

use chrono::NaiveDate;

use crate::model::Roster;
use crate::wording::Lang;
use crate::wording::check::{self as words, CheckSaid, Note, Rule, Unreadable};

pub use assign::best_tour;
pub use planfile::Kind as SessionKind;

/// One thing wrong with a plan: which rule, where, who, when, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub rule: Rule,
    /// Unit id as written (in the roster, or in the plan when unknown).
    pub unit: Option<String>,
    /// Person id as written.
    pub person: Option<String>,
    pub date: Option<NaiveDate>,
    pub said: CheckSaid,
}

impl Violation {
    /// The violation as one line in the planner's words.
    pub fn line(&self, roster: &Roster, lang: Lang) -> String {
        words::violation_line(self, roster, lang)
    }
}

/// The figures the checker computed itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recomputed {
    pub cost: f64,
    pub balance_cost: f64,
    pub travel_cost: f64,
    pub continuity_cost: f64,
    pub helper_continuity_cost: f64,
    pub max_deviation_pct: f64,
    pub tour_minutes_total: f64,
    pub units_changed: u64,
    pub slots_changed: u64,
    /// Per cadre in roster order: id, load, deviation in percent, best tour minutes.
    pub leaders: Vec<(String, f64, f64, f64)>,
    pub station_sessions: u64,
    pub makeup_sessions: u64,
    pub household_visit_sessions: u64,
    pub shortfall_sessions: u64,
    pub warnings: u64,
}

/// What `check` found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub violations: Vec<Violation>,
    pub recomputed: Recomputed,
    /// The plan's own `cost`, when the plan could be read.
    pub stated_cost: Option<f64>,
    /// Things worth knowing that are not violations (e.g. assignment-only).
    pub notes: Vec<Note>,
    /// Set when the plan (or the previous plan) could not be read.
    pub unreadable: Option<Unreadable>,
    /// A replan from a date checked against the plan in force: how much
    /// of it is untouched before the date and changed from it.
    pub past: Option<past::PastCounts>,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.unreadable.is_none() && self.violations.is_empty()
    }

    /// Every violation line, in order, for tests and the terminal.
    pub fn lines(&self, roster: &Roster, lang: Lang) -> Vec<String> {
        self.violations
            .iter()
            .map(|v| v.line(roster, lang))
            .collect()
    }

    /// Everything `check` prints for this report: violations, notes, summary
    /// (or why the plan is unreadable). Handy in other tests' failure messages.
    pub fn render(&self, roster: &Roster, lang: Lang) -> String {
        if let Some(e) = &self.unreadable {
            return words::unreadable_line("plan", e, lang) + "\n";
        }
        let mut out: Vec<String> = self.lines(roster, lang);
        out.extend(self.notes.iter().map(|n| words::note_line(n, lang)));
        out.extend(self.past.as_ref().map(|p| words::past_line(p, lang)));
        out.push(words::summary_line(self, lang));
        out.join("\n") + "\n"
    }
}

/// Relative tolerance 1e-6 (absolute near zero) for stated against
/// recomputed figures. Non-finite figures are never close (`|inf − x| ≤
/// tol·inf` would hold), and NaN fails every comparison.
pub(crate) fn close(a: f64, b: f64) -> bool {
    a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Checks plan text against a roster; `previous` is the text of the plan it
/// was replanned against, if any.
pub fn check_files(roster: &Roster, plan_text: &str, previous: Option<&str>) -> Report {
    check_files_from(roster, plan_text, previous, None)
}

/// As [`check_files`]; with `from` (and `previous`), the plan was replanned
/// from that date, and every session before it must be as in `previous`.
pub fn check_files_from(
    roster: &Roster,
    plan_text: &str,
    previous: Option<&str>,
    from: Option<NaiveDate>,
) -> Report {
    let mut report = Report::default();
    // A plan kept byte for byte from the plan given as previous was not
    // replanned against it: its change counts and earlier teams are against
    // its own previous plan, so it is checked as it stands.
    let same = previous == Some(plan_text);
    let (previous, from) = if same { (None, None) } else { (previous, from) };
    let previous_text = previous;
    let plan = match planfile::read(plan_text) {
        Ok(p) => p,
        Err(e) => {
            report.unreadable = Some(e);
            return report;
        }
    };
    let previous = match previous.map(planfile::read_previous) {
        Some(Ok(p)) => Some(p),
        Some(Err(e)) => {
            report.unreadable = Some(Unreadable::Previous(Box::new(e)));
            return report;
        }
        None => None,
    };
    if same {
        report.notes.push(Note::SameAsPrevious);
    }
    // A plan replanned from a date says so; `--from` wins when given.
    let from = from.or(plan.replanned_from);
    report.stated_cost = Some(plan.cost);
    if let Some(sha) = &plan.roster_sha256
        && !sha.is_empty()
        && sha != &roster.sha256
    {
        report.notes.push(Note::OtherRoster);
    }
    // The assignment names who is in force at the year's end: its rules and
    // cost are checked against the roster without those who leave during
    // the year (a predecessor and successor share one post); the calendar
    // against the whole roster, handovers included.
    let year_end = roster.at_year_end();
    let end_teams = assign::teams(&year_end, &plan.assignments);
    let teams = assign::teams(roster, &plan.assignments);
    // A replan from a date: before it the plans in force's teams served,
    // stretch by stretch; the plan records them, and the plan in force
    // (`--previous`) says what they were. Without either, this plan's teams
    // stand in for them, and a note says so.
    let in_force = match (from, previous_text) {
        (Some(from), Some(text)) => Some(match planfile::read(text) {
            Ok(p) => earlier::of_previous(&p, from),
            Err(_) => vec![(
                from,
                previous
                    .as_ref()
                    .map_or(Vec::new(), |p| p.assignment.clone()),
            )],
        }),
        _ => None,
    };
    if let Some(known) = &in_force
        && !plan.earlier.is_empty()
    {
        earlier::agree(
            &plan.earlier,
            &plan.assignments,
            known,
            &mut report.violations,
        );
    }
    let stretches: earlier::Stretches = match (in_force, from) {
        // A plan replanned later than the date checked: past the plan in
        // force's stretches, its own records say who served until its date.
        (Some(mut known), Some(from)) => {
            known.extend(plan.earlier.iter().filter(|(u, _)| *u > from).cloned());
            known
        }
        (Some(known), None) => known,
        (None, _) if !plan.earlier.is_empty() => plan.earlier.clone(),
        (None, Some(from)) => {
            if !plan.sessions.is_empty() {
                report.notes.push(Note::PastTeamsUnknown);
            }
            vec![(from, plan.assignments.clone())]
        }
        (None, None) => Vec::new(),
    };
    let earlier_teams: Vec<(NaiveDate, assign::Teams)> = stretches
        .iter()
        .map(|(until, a)| (*until, assign::teams(roster, a)))
        .collect();
    let out = &mut report.violations;
    assign::hard_rules(&year_end, &plan, &end_teams, out);
    figures::stated(&plan, out);
    assign::cost(&year_end, &plan, &end_teams, &mut report.recomputed, out);
    assign::totals(
        &year_end,
        &plan,
        previous.as_ref(),
        &mut report.recomputed,
        &mut report.notes,
        out,
    );
    if plan.sessions.is_empty() {
        report.notes.push(Note::AssignmentOnly);
    } else {
        calendar::check(roster, &plan, &teams, from, &earlier_teams, out);
    }
    handovers::recorded(roster, &plan, &teams, &earlier_teams, out);
    calendar::figures(roster, &plan, &mut report.recomputed, out);
    if let (Some(from), Some(text)) = (from, previous_text)
        && let Ok(before) = planfile::read(text)
    {
        past::past_kept(&plan, &before, from, &mut report.violations);
        report.past = Some(past::counts(&plan, &before, from));
    }
    report
}
