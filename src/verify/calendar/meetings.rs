//! Calendar rule 3, meetings in the window: each non-emergency meeting
//! occurrence that overlaps the station window on a station date has its
//! `meeting_in_window` warning.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Cx, Warnings, overlaps};
use crate::verify::Violation;
use crate::wording::check::{CheckSaid, Rule};

/// Calendar rule 3: one `meeting_in_window` warning per non-emergency
/// meeting occurrence that overlaps the window on a station date.
pub(super) fn meetings_in_window(
    cx: &Cx,
    occs: &[Vec<NaiveDate>],
    warnings: &Warnings,
    out: &mut Vec<Violation>,
) {
    let mut by_date: Vec<(NaiveDate, usize)> = Vec::new();
    for (mi, m) in cx.roster.meetings.iter().enumerate() {
        if m.emergency || !overlaps((m.start, m.end), cx.window) {
            continue;
        }
        for &d in &occs[mi] {
            if cx.station_date(d) {
                by_date.push((d, mi));
            }
        }
    }
    by_date.sort();
    let mut given: HashMap<NaiveDate, usize> = warnings.meeting_in_window.clone();
    for (d, mi) in by_date {
        let left = given.entry(d).or_default();
        if *left > 0 {
            *left -= 1;
            continue;
        }
        let m = &cx.roster.meetings[mi];
        out.push(Violation {
            rule: Rule::Meetings,
            unit: None,
            person: None,
            date: Some(d),
            said: CheckSaid::MeetingWarningMissing {
                title: m.title.clone(),
                start: m.start,
                end: m.end,
            },
        });
    }
}
