//! What holds for each session on its own (calendar rules 1–4): a known
//! unit in the year and outside holidays, people on its team and not blocked,
//! and the shape its kind asks for — a station session in the window with a
//! township member and `min_present` or a `shortfall` warning; make-ups and
//! visits are shaped by their own rule's file.

use std::collections::HashSet;

use chrono::Datelike;

use super::makeups::makeup_shape;
use super::visits::visit_shape;
use super::{Cx, Resolved, Warnings, at, rule_of};
use crate::verify::Violation;
use crate::verify::planfile::{Kind, Plan};
use crate::wording::check::{CheckSaid, Rule};

/// What holds for each session on its own: unit, date, people, shape by kind.
pub(super) fn sessions_one_by_one(
    cx: &Cx,
    plan: &Plan,
    resolved: &Resolved,
    warnings: &Warnings,
    out: &mut Vec<Violation>,
) {
    let roster = cx.roster;
    let st = &roster.station;
    for (s, (unit, people)) in plan.sessions.iter().zip(resolved) {
        let rule = rule_of(s.kind);
        let Some(u) = *unit else {
            out.push(at(rule, &s.unit, None, s.date, CheckSaid::UnknownUnit));
            continue;
        };
        if !cx.in_year(s.date) {
            out.push(at(
                rule,
                &s.unit,
                None,
                s.date,
                CheckSaid::OutsideYear { year: cx.year },
            ));
        }
        if let Some(h) = cx.holiday(s.date) {
            out.push(at(
                Rule::Blocked,
                &s.unit,
                None,
                s.date,
                CheckSaid::InHoliday {
                    kind: s.kind,
                    holiday: h.why.clone(),
                },
            ));
        }
        let mut seen = HashSet::new();
        for (id, p) in s.people.iter().zip(people) {
            let Some(p) = *p else {
                out.push(at(
                    rule,
                    &s.unit,
                    Some(id),
                    s.date,
                    CheckSaid::UnknownPerson,
                ));
                continue;
            };
            if !seen.insert(p) {
                // Listed twice would count one person as two present.
                out.push(at(rule, &s.unit, Some(id), s.date, CheckSaid::ListedTwice));
                continue;
            }
            if !cx.members_at(u, s.date).contains(&p) {
                out.push(at(
                    rule,
                    &s.unit,
                    Some(id),
                    s.date,
                    CheckSaid::NotOnTeam { kind: s.kind },
                ));
            }
            if let Some(b) = cx.blocked(p, s.date, (s.start, s.end)) {
                out.push(at(
                    Rule::Blocked,
                    &s.unit,
                    Some(id),
                    s.date,
                    CheckSaid::Blocked {
                        kind: s.kind,
                        start: s.start,
                        end: s.end,
                        block: b,
                    },
                ));
            }
        }
        match s.kind {
            Kind::Station => {
                if s.date.weekday() != st.weekday || (s.start, s.end) != cx.window {
                    out.push(at(
                        Rule::Station,
                        &s.unit,
                        None,
                        s.date,
                        CheckSaid::NotInWindow {
                            weekday: s.date.weekday(),
                            start: s.start,
                            end: s.end,
                            window_day: st.weekday,
                            window: cx.window,
                        },
                    ));
                }
                let present: HashSet<usize> = people
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|p| cx.members_at(u, s.date).contains(p))
                    .collect();
                let township = present.iter().any(|&p| cx.township_member(p));
                let short = present.len() < roster.policy.min_present;
                if (short || !township) && !warnings.shortfall.contains(&(s.unit.clone(), s.date)) {
                    out.push(at(
                        Rule::Station,
                        &s.unit,
                        None,
                        s.date,
                        CheckSaid::Shortfall {
                            present: present.len(),
                            min: roster.policy.min_present,
                            township,
                        },
                    ));
                }
            }
            Kind::Makeup => makeup_shape(cx, s, out),
            Kind::Visit => visit_shape(cx, s, u, out),
        }
    }
}
