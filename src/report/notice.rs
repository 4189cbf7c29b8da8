//! The posted timetable (驻点时间公示表): one printable A4 page per unit
//! for its village committee to pin up — the unit's name, the stationed
//! leader and team by name with their posts, the weekday, time and place,
//! every session's date of the year by month, the holidays that take a
//! session's day, and the sessions moved to another day. Names only, never
//! ids; the residents' words, never the office's. Returns the page; the
//! command layer writes it.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::html::esc;
use super::map::{person_name, unit_name};
use super::year::window_days;
use crate::export::xlsx::stretch;
use crate::model::{Cadence, Roster};
use crate::plan::{PlanFile, Session};
use crate::scenario::leader_turns::{Period, inside, leader_dates, periods};
use crate::wording::Lang;
use crate::wording::calendar::weekday;
use crate::wording::documents::{in_post, month_day, station_time};
use crate::wording::notice::{
    NoticeLabel, closing, colon, comes_in_person, dated, day, days_sep, holiday, how_often,
    in_person_line, leader_in_post, month, moved, person, place, sep, subtitle, title,
};
use crate::wording::report::{html_lang, leader_post, role};

/// The timetables of the units `units` (indices into the roster's units),
/// one page each, in one document.
pub fn notice_page(roster: &Roster, plan: &PlanFile, units: &[usize], lang: Lang) -> String {
    let mut body = String::new();
    for &u in units {
        one_unit(&mut body, roster, plan, u, lang);
    }
    let head = match units {
        [one] => title(&roster.units[*one].name, lang),
        _ => subtitle(&roster.township.name, roster.township.year, lang),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        html_lang(lang),
        esc(&head),
    )
}

fn date_of(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Someone with their post (a leader) or role (a helper), by name.
fn who(roster: &Roster, id: &str, lang: Lang) -> String {
    let post = if let Some(i) = roster.cadre_index(id) {
        match roster.cadres[i].post.as_str() {
            "" => leader_post(lang).to_string(),
            p => p.to_string(),
        }
    } else if let Some(i) = roster.helper_index(id) {
        role(roster.helpers[i].role, lang).to_string()
    } else {
        String::new()
    };
    person(person_name(roster, id), &post, lang)
}

fn one_unit(s: &mut String, roster: &Roster, plan: &PlanFile, u: usize, lang: Lang) {
    let unit = &roster.units[u];
    let id = unit.id.as_str();
    let team = plan.assignment.iter().find(|a| a.unit == id);
    let mut held: Vec<NaiveDate> = plan
        .session
        .iter()
        .filter(|x| x.unit == id && x.kind == "station")
        .filter_map(|x| date_of(&x.date))
        .collect();
    held.sort();
    let wd = weekday(roster.station.weekday, lang);
    let fmt = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let _ = write!(
        s,
        "<section class=\"page\"><p class=\"sub\">{}</p><h1>{}</h1><table class=\"facts\">",
        esc(&subtitle(&roster.township.name, roster.township.year, lang)),
        esc(&title(unit_name(roster, id), lang)),
    );
    let mut fact = |label: NoticeLabel, value: String| {
        let _ = write!(s, "<tr><th>{}</th><td>{}</td></tr>", label.say(lang), value);
    };
    // The unit's leaders over the year (more than one after a handover)
    // and the dates each comes in person, as the exported timetable has them.
    let posted: Vec<_> = plan.timetable.iter().filter(|t| t.unit == id).collect();
    let stations: Vec<&Session> = plan
        .session
        .iter()
        .filter(|x| x.unit == id && x.kind == "station")
        .collect();
    let leaders: Vec<(Period, Vec<NaiveDate>)> = team
        .map(|a| periods(plan, id, &a.leader, &posted))
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p, leader_dates(p, &posted, &stations)))
        .collect();
    let span = |p: Period| {
        let day = |d: Option<&str>| d.and_then(date_of);
        let (from, last) = stretch(day(p.1), day(p.2));
        in_post(from, last, lang)
    };
    if let Some(a) = team {
        let lines: Vec<String> = match leaders.as_slice() {
            [_, _, ..] => leaders
                .iter()
                .map(|(p, _)| esc(&leader_in_post(&span(*p), &who(roster, p.0, lang), lang)))
                .collect(),
            _ => vec![esc(&who(roster, &a.leader, lang))],
        };
        fact(NoticeLabel::Leader, lines.join("<br>"));
        let members: Vec<String> = a
            .helpers
            .iter()
            .chain(&a.assist)
            .map(|h| esc(&who(roster, h, lang)))
            .collect();
        if !members.is_empty() {
            fact(NoticeLabel::Team, members.join("<br>"));
        }
    }
    fact(
        NoticeLabel::Time,
        esc(&station_time(
            wd,
            &fmt(roster.station.start),
            &fmt(roster.station.end),
            unit.cadence == Cadence::Biweekly,
            lang,
        )),
    );
    fact(
        NoticeLabel::Place,
        esc(&place(&unit.name, unit.place.as_deref(), lang)),
    );
    s.push_str("</table>");
    // The leader of each held date, and whether they come in person: a
    // leader who comes on every date needs no mark.
    let of = |d: &NaiveDate| {
        let text = d.format("%Y-%m-%d").to_string();
        leaders.iter().position(|(p, _)| inside(*p, &text))
    };
    let in_person = |d: &NaiveDate| of(d).is_some_and(|k| leaders[k].1.contains(d));
    let marked = held.iter().any(|d| !in_person(d));
    if marked {
        let visits: Vec<String> = leaders
            .iter()
            .map(|(p, dates)| {
                let shown: Vec<&NaiveDate> = dates.iter().filter(|d| held.contains(d)).collect();
                let often = (shown.len() > 1).then(|| {
                    let gap = (*shown[shown.len() - 1] - *shown[0]).num_days() as f64
                        / (shown.len() - 1) as f64;
                    how_often((gap / 7.0).round() as u32, lang)
                });
                let whole = leaders.len() == 1;
                comes_in_person(
                    &who(roster, p.0, lang),
                    &if whole { String::new() } else { span(*p) },
                    shown.len(),
                    often.as_deref(),
                    lang,
                )
            })
            .collect();
        let _ = write!(
            s,
            "<p class=\"in-person\">{}</p>",
            esc(&in_person_line(&visits, lang))
        );
    }
    let by_leader = leaders.len() > 1;
    let _ = write!(
        s,
        "<h2>{}</h2><table class=\"dates\"><tr><th>{}</th>",
        NoticeLabel::Dates.say(lang),
        NoticeLabel::Month.say(lang),
    );
    if by_leader {
        let _ = write!(s, "<th>{}</th>", NoticeLabel::Leader.say(lang));
    }
    let _ = write!(s, "<th>{}</th></tr>", NoticeLabel::Days.say(lang));
    // One row a month, and a month a handover cuts gets a row per leader.
    let mut rows: BTreeMap<(u32, Option<usize>), Vec<NaiveDate>> = BTreeMap::new();
    for d in &held {
        rows.entry((d.month(), of(d))).or_default().push(*d);
    }
    for ((m, k), list) in &rows {
        let _ = write!(s, "<tr><td>{}</td>", esc(&month(*m, lang)));
        if by_leader {
            let name = k.map(|k| person_name(roster, leaders[k].0.0)).unwrap_or("");
            let _ = write!(s, "<td>{}</td>", esc(name));
        }
        let list: Vec<String> = list
            .iter()
            .map(|d| match esc(&day(d.day(), lang)) {
                text if marked && in_person(d) => format!("<b>{text}</b>"),
                text => text,
            })
            .collect();
        let _ = write!(s, "<td>{}</td></tr>", list.join(days_sep(lang)));
    }
    s.push_str("</table>");
    let on = |d: NaiveDate| dated(d.month(), d.day(), weekday(d.weekday(), lang), lang);
    // Sessions moved: a make-up here, from the day the township's people
    // could not come.
    let mut moves: Vec<(NaiveDate, String)> = plan
        .session
        .iter()
        .filter(|x| x.unit == id && x.kind == "makeup")
        .filter_map(|x| {
            let from = date_of(x.makes_up.as_deref()?)?;
            let to = date_of(&x.date)?;
            Some((from, moved(&on(from), &on(to), &x.start, &x.end, lang)))
        })
        .collect();
    moves.sort();
    moves.dedup();
    if !moves.is_empty() {
        let lines: Vec<String> = moves.iter().map(|(_, l)| esc(l)).collect();
        let _ = write!(
            s,
            "<p><b>{}</b>{}{}</p>",
            NoticeLabel::Moved.say(lang),
            colon(lang),
            lines.join(sep(lang))
        );
    }
    let paused = holidays(roster, &held, unit.cadence);
    if !paused.is_empty() {
        let lines: Vec<String> = paused
            .iter()
            .map(|(d, why)| esc(&holiday(&month_day(d.month(), d.day(), lang), why, lang)))
            .collect();
        let _ = write!(
            s,
            "<p><b>{}</b>{}{}</p>",
            NoticeLabel::Holidays.say(lang),
            colon(lang),
            lines.join(sep(lang))
        );
    }
    let _ = writeln!(s, "<p class=\"closing\">{}</p></section>", closing(lang));
}

/// The station days of the year a holiday takes from this unit: a day
/// of the window in a roster holiday or an official one, with no session,
/// inside a gap between sessions longer than the unit's rhythm (a week, or
/// two for a fortnightly unit, whose turns skip the holiday's week).
fn holidays(roster: &Roster, held: &[NaiveDate], cadence: Cadence) -> Vec<(NaiveDate, String)> {
    let rhythm = match cadence {
        Cadence::Weekly => 7,
        Cadence::Biweekly => 14,
    };
    window_days(roster)
        .into_iter()
        .filter(|d| !held.contains(d))
        .filter(|d| {
            let before = held.iter().rev().find(|s| *s < d);
            let after = held.iter().find(|s| *s > d);
            match (before, after) {
                (Some(b), Some(a)) => (*a - *b).num_days() > rhythm,
                _ => cadence == Cadence::Weekly,
            }
        })
        .filter_map(|d| {
            let why = roster
                .holidays
                .iter()
                .find(|h| h.contains(d))
                .or_else(|| roster.days.holiday(d))?;
            Some((d, why.why.clone()))
        })
        .collect()
}

const CSS: &str = r#"
* { box-sizing: border-box; }
body { margin: 0; color: #111; background: #fff;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 16px; line-height: 1.6; }
section.page { max-width: 720px; margin: 0 auto; padding: 28px 32px; }
section.page + section.page { border-top: 1px dashed #999; }
h1 { font-size: 30px; text-align: center; margin: 4px 0 16px; letter-spacing: 2px; }
h2 { font-size: 19px; margin: 18px 0 6px; }
p.sub { text-align: center; margin: 0; color: #444; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 6px 10px; text-align: left; vertical-align: top; }
th { background: #f1f1f1; white-space: nowrap; width: 8em; }
table.dates th, table.dates td:first-child { white-space: nowrap; width: 6em; }
table.dates th + th { width: auto; }
p.closing { margin-top: 18px; }
@media print {
  @page { size: A4; margin: 15mm; }
  section.page { max-width: none; padding: 0; break-after: page; }
  section.page + section.page { border-top: none; }
  section.page:last-child { break-after: auto; }
}
"#;
