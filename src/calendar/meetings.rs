//! Rule 3's warnings: each ordinary meeting held in the station window, one
//! warning per occurrence, naming everyone it keeps from a station session
//! that day. Said once for a whole year's calendar, and again over the whole
//! township at a cut (`seam`), where a piece built from a date sees only the
//! units it rebuilt.

use super::cx::{Cx, hhmm};
use crate::plan::Warning;
use crate::wording::calendar::CalendarSaid;
use crate::wording::warnings::WarningSaid;
use crate::wording::{Lang, Say};

/// The warnings, in occurrence order; `sitting(day)` says which units
/// (roster order) hold a station session that day.
pub(crate) fn warnings(cx: &Cx, sitting: &dyn Fn(usize) -> Vec<bool>, lang: Lang) -> Vec<Warning> {
    let r = cx.roster;
    let (ws, we) = cx.win;
    let date = |day: usize| cx.date(day).format("%Y-%m-%d").to_string();
    let mut out = Vec::new();
    for o in &cx.occurrences {
        let m = &r.meetings[o.meeting];
        // On a holiday there is no session for the meeting to take.
        let holiday = cx.holiday.get(o.day).copied().unwrap_or(false);
        if m.emergency
            || holiday
            || cx.weekday(o.day) != r.station.weekday
            || !(o.start < we && ws < o.end)
        {
            continue;
        }
        let sits = sitting(o.day);
        let taken: Vec<usize> = o
            .people
            .iter()
            .copied()
            .filter(|&p| cx.persons[p].units.iter().any(|&u| sits[u]))
            .collect();
        let said = CalendarSaid::MeetingInWindow {
            title: m.title.clone(),
            date: date(o.day),
            start: hhmm(o.start),
            end: hhmm(o.end),
            weekday: r.station.weekday,
            window_start: hhmm(ws),
            window_end: hhmm(we),
            people: taken.iter().map(|&p| cx.persons[p].name.clone()).collect(),
        };
        out.push(Warning {
            kind: "meeting_in_window".into(),
            message: said.say(lang),
            unit: None,
            date: Some(date(o.day)),
            people: taken.iter().map(|&p| cx.persons[p].id.clone()).collect(),

            said: Some(WarningSaid::Calendar(said)),
        });
    }
    out
}

/// The meeting warnings of `plan` from `from` on, said again over the whole
/// township: the teams of `plan.assignment` and the station sessions of
/// `plan.session` (the spliced year), each in place of the piece's own.
pub(crate) fn resay_from(r: &crate::model::Roster, plan: &mut crate::plan::PlanFile, from: &str) {
    let cx = Cx::new(r, plan);
    let sitting = |day: usize| -> Vec<bool> {
        let d = cx.date(day).format("%Y-%m-%d").to_string();
        let mut s = vec![false; r.units.len()];
        for x in plan
            .session
            .iter()
            .filter(|x| x.kind == "station" && x.date == d)
        {
            if let Some(u) = r.unit_index(&x.unit) {
                s[u] = true;
            }
        }
        s
    };
    let later =
        |w: &Warning| w.kind == "meeting_in_window" && w.date.as_deref().is_some_and(|d| d >= from);
    let fresh: Vec<Warning> = warnings(&cx, &sitting, Lang::current())
        .into_iter()
        .filter(|w| later(w))
        .collect();
    let places: Vec<usize> = (0..plan.warning.len())
        .filter(|&i| later(&plan.warning[i]))
        .collect();
    // The occurrences do not depend on the teams: the same ones, in order.
    if places.len() == fresh.len() {
        for (i, w) in places.into_iter().zip(fresh) {
            plan.warning[i] = w;
        }
    }
}
