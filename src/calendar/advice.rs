//! What `validate` can tell from the roster alone about the calendar: each
//! non-emergency meeting that falls inside the station window, with every
//! date it does, so the planner can move it before planning rather than
//! read shortfalls after.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::cx::{expand, hhmm, minutes};
use crate::model::Roster;
use crate::wording::calendar::CalendarSaid;

/// A meeting in the window and the dates it is there.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowMeeting {
    pub title: String,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub dates: Vec<NaiveDate>,
}

/// Non-emergency meetings overlapping the station window on the station
/// weekday, in roster order, outside holidays.
pub fn meetings_in_window(r: &Roster) -> Vec<WindowMeeting> {
    let st = &r.station;
    let (ws, we) = (minutes(st.start), minutes(st.end));
    r.meetings
        .iter()
        .filter(|m| !m.emergency && minutes(m.start) < we && ws < minutes(m.end))
        .filter_map(|m| {
            let dates: Vec<NaiveDate> = expand(m.date, m.repeat, m.until, r.township.year)
                .into_iter()
                // Official holidays too: no session on National Day to clash with.
                .filter(|d| d.weekday() == st.weekday && r.days.holiday(*d).is_none())
                .collect();
            (!dates.is_empty()).then(|| WindowMeeting {
                title: m.title.clone(),
                start: m.start,
                end: m.end,
                dates,
            })
        })
        .collect()
}

impl WindowMeeting {
    /// The warning `validate` prints for it.
    pub fn said(&self, r: &Roster) -> CalendarSaid {
        CalendarSaid::MeetingInWindowPlanned {
            title: self.title.clone(),
            dates: self
                .dates
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect(),
            start: hhmm(minutes(self.start)),
            end: hhmm(minutes(self.end)),
            weekday: r.station.weekday,
            window_start: hhmm(minutes(r.station.start)),
            window_end: hhmm(minutes(r.station.end)),
        }
    }
}
