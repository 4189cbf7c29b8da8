//! The leaders a plan gives no station session in a month they serve,
//! because a meeting sits in the station window on every station day of
//! that month (a trial: a successor inherited his predecessor's weekly
//! meeting, since meetings take whoever holds the place that day, and had
//! no session from the handover on while nothing said so). Read from the
//! plan and roster after planning, for the plan's and replan's summary;
//! from the roster alone before it, for `validate`'s staffing line.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use super::cx::{expand, minutes};
use crate::model::Roster;
use crate::plan::PlanFile;

/// A leader kept from every station session of some months by meetings;
/// kept in the plan file as a `window_taken` warning's fact.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WindowTaken {
    pub id: String,
    pub name: String,
    /// The months (1–12) with no station session, in order.
    pub months: Vec<u32>,
    /// A successor's first day, when the months run from it to the year's
    /// end (or the day they leave): said as "since taking over".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// The meetings that took the window, in roster order.
    pub meetings: Vec<String>,
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// Each leader of the plan (or one who handed units over) with months of
/// station days, all taken by meetings in the window, and no station
/// session in them; by the first month taken (a predecessor's months before
/// the successor's), else in the plan's order of leaders.
pub fn window_taken(r: &Roster, plan: &PlanFile) -> Vec<WindowTaken> {
    // A leader with no units has no session to miss (a shared cadre kept
    // away by another township has his own warning).
    let mut leaders: Vec<&str> = plan
        .leader
        .iter()
        .filter(|l| !l.units.is_empty())
        .map(|l| l.id.as_str())
        .collect();
    for h in plan.handover.iter().filter(|h| !h.units.is_empty()) {
        for id in [h.from.as_str(), h.to.as_str()] {
            if !leaders.contains(&id) {
                leaders.push(id);
            }
        }
    }
    let held = |id: &str| -> Vec<u32> {
        plan.session
            .iter()
            .filter(|s| s.kind == "station" && s.people.iter().any(|p| p == id))
            .filter_map(|s| s.date.parse::<NaiveDate>().ok().map(|d| d.month()))
            .collect()
    };
    let handed = |id: &str| plan.handover.iter().any(|h| h.to == id);
    taken(r, &leaders, held, handed)
}

/// The same finding from the roster alone, for `validate`: every leader,
/// in roster order, as if each were given units, none yet holding a
/// session (a trial: validate said the staff sufficed, then the plan
/// could not staff 49 sessions, its leaders being at a weekly meeting).
pub fn window_taken_before_planning(r: &Roster) -> Vec<WindowTaken> {
    let leaders: Vec<&str> = r.cadres.iter().map(|c| c.id.as_str()).collect();
    let handovers = r.handovers();
    let handed = |id: &str| handovers.iter().any(|h| h.to == id);
    taken(r, &leaders, |_| Vec::new(), handed)
}

/// `leaders` kept by meetings from every station day of some months they
/// serve with no session in them (`held`: the months a leader holds one;
/// `handed`: a successor by a handover, whose months may be said as from
/// taking over).
fn taken(
    r: &Roster,
    leaders: &[&str],
    held: impl Fn(&str) -> Vec<u32>,
    handed: impl Fn(&str) -> bool,
) -> Vec<WindowTaken> {
    let st = &r.station;
    let (ws, we) = (minutes(st.start), minutes(st.end));
    let year = r.township.year;
    let in_window: Vec<_> = r
        .meetings
        .iter()
        .filter(|m| minutes(m.start) < we && ws < minutes(m.end))
        .map(|m| {
            let days: Vec<NaiveDate> = expand(m.date, m.repeat, m.until, year)
                .into_iter()
                .filter(|d| d.weekday() == st.weekday)
                .collect();
            (m, days, r.attendees_by_day(m))
        })
        .collect();
    let station_days: Vec<NaiveDate> = (1..=12)
        .filter_map(|m| NaiveDate::from_ymd_opt(year, m, 1))
        .flat_map(|first| {
            first
                .iter_days()
                .take_while(move |d| d.month() == first.month())
        })
        .filter(|d| d.weekday() == st.weekday && r.days.holiday(*d).is_none())
        .collect();
    let mut out = Vec::new();
    for &id in leaders {
        let Some(c) = r.cadre_index(id) else { continue };
        let held = held(id);
        let mut months = Vec::new();
        // Each station day of those months: the meetings taking it.
        let mut taken_days: Vec<Vec<usize>> = Vec::new();
        for m in 1..=12 {
            let days: Vec<&NaiveDate> = station_days
                .iter()
                .filter(|d| d.month() == m && r.serves(id, **d))
                .collect();
            if days.is_empty() || held.contains(&m) {
                continue;
            }
            let taking = |d: &NaiveDate| -> Vec<usize> {
                in_window
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, on, who))| on.contains(d) && who(*d).iter().any(|w| w == id))
                    .map(|(i, _)| i)
                    .collect()
            };
            let by_day: Vec<Vec<usize>> = days.iter().map(|d| taking(d)).collect();
            if by_day.iter().all(|t| !t.is_empty()) {
                months.push(m);
                taken_days.extend(by_day);
            }
        }
        if months.is_empty() {
            continue;
        }
        let meetings = covering(taken_days);
        let (joins, leaves) = r.service(id);
        let last = leaves.and_then(|l| l.pred_opt()).map_or(12, |l| l.month());
        let since = joins
            .filter(|j| handed(id) && months.first() == Some(&j.month()))
            .filter(|_| months.last() == Some(&last))
            .filter(|_| months.windows(2).all(|w| w[1] == w[0] + 1));
        out.push(WindowTaken {
            id: id.to_string(),
            name: r.cadres[c].name.clone(),
            months,
            since,
            meetings: meetings
                .into_iter()
                .map(|i| in_window[i].0.title.clone())
                .collect(),
            weekday: st.weekday,
            start: st.start,
            end: st.end,
        });
    }
    let first_day = |t: &WindowTaken| {
        t.since
            .or_else(|| NaiveDate::from_ymd_opt(year, t.months[0], 1))
            .unwrap_or(NaiveDate::MIN)
    };
    out.sort_by_key(first_day);
    out
}

/// The fewest meetings, near enough, that take all of these days (each
/// day's meetings given), in roster order: a one-off meeting on a day a
/// weekly one takes anyway is not worth naming (a trial named an
/// emergency meeting beside the weekly one that was the cause). Greedy:
/// the meeting taking most of the days left first, the earlier on a tie.
fn covering(mut days: Vec<Vec<usize>>) -> Vec<usize> {
    let mut chosen = Vec::new();
    while !days.is_empty() {
        let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
        for i in days.iter().flatten() {
            *counts.entry(*i).or_default() += 1;
        }
        let Some((&best, _)) = counts
            .iter()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(**i)))
        else {
            break;
        };
        chosen.push(best);
        days.retain(|d| !d.contains(&best));
    }
    chosen.sort_unstable();
    chosen
}

/// A `window_taken` warning for each such leader, so that `warnings`, the
/// report and the workbook's 提醒 say it as the plan's summary does.
pub fn warnings(r: &Roster, plan: &PlanFile) -> Vec<crate::plan::Warning> {
    let lang = crate::wording::Lang::current();
    window_taken(r, plan)
        .into_iter()
        .map(|t| crate::plan::Warning {
            kind: "window_taken".into(),
            message: crate::wording::Say::say(&t, lang),
            unit: None,
            date: None,
            people: vec![t.id.clone()],
            said: Some(crate::wording::warnings::WarningSaid::WindowTaken(t)),
        })
        .collect()
}
