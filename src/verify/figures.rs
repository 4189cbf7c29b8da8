//! The plan's stated figures as figures: each a finite number (NaN and ±inf
//! pass no tolerance test, so they are named here), and a `status` that is
//! `optimal` or `feasible`, `optimal` only with no gap. Their values against
//! the roster are `assign::cost`'s job.

use super::Violation;
use super::assign::{v, within};
use super::planfile::Plan;
use crate::wording::check::{CheckSaid, Rule};

/// Non-finite figures and the status.
pub fn stated(plan: &Plan, out: &mut Vec<Violation>) {
    // Every stated figure is a finite number (NaN and ±inf prove nothing).
    let m = &plan.metrics;
    let stated = [
        ("cost", plan.cost),
        ("lower_bound", plan.lower_bound),
        ("gap", plan.gap),
        ("balance_cost", m.balance_cost),
        ("travel_cost", m.travel_cost),
        ("continuity_cost", m.continuity_cost),
        ("helper_continuity_cost", m.helper_continuity_cost),
        ("max_deviation_pct", m.max_deviation_pct),
        ("tour_minutes_total", m.tour_minutes_total),
    ];
    for (field, x) in stated {
        if !x.is_finite() {
            out.push(v(
                Rule::Cost,
                None,
                None,
                CheckSaid::NotFinite {
                    field: field.into(),
                    value: x,
                },
            ));
        }
    }
    for l in &plan.leaders {
        for (field, x) in [
            ("load", l.load),
            ("deviation_pct", l.deviation_pct),
            ("tour_minutes", l.tour_minutes),
        ] {
            if !x.is_finite() {
                out.push(v(
                    Rule::Cost,
                    None,
                    Some(&l.id),
                    CheckSaid::NotFinite {
                        field: field.into(),
                        value: x,
                    },
                ));
            }
        }
    }
    // The status says what was proven: optimal means no gap.
    match plan.status.as_deref() {
        None | Some("feasible") => {}
        Some("optimal") => {
            if !within(plan.gap, 1e-9) {
                out.push(v(
                    Rule::Cost,
                    None,
                    None,
                    CheckSaid::OptimalWithGap { gap: plan.gap },
                ));
            }
        }
        Some(other) => out.push(v(
            Rule::Cost,
            None,
            None,
            CheckSaid::UnknownStatus {
                status: other.to_string(),
            },
        )),
    }
}
