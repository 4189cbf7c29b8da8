//! The documents a township issues after planning, as one workbook: each
//! unit's team (驻点团队), each unit's station timetable (驻点时间表), each
//! leader's year (领导干部), every session (日程) and the warnings with what
//! to do (提醒); for a city, one line per township. Names come from the
//! roster, never ids; roster text is written as text, never as a formula.
//! Pure: the same roster and plan give the same bytes.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use rust_xlsxwriter::{Format, XlsxError};

use super::{name_of, unit_name};
use crate::model::Roster;
use crate::plan::{PlanFile, Session};
use crate::scenario::leader_turns::{inside, leader_dates, periods};
use crate::scenario::transfer::Moves;
use crate::wording::Lang;
use crate::wording::calendar as cal_words;
use crate::wording::documents::{self as words, Doc};
use crate::workbook::write::{Out, Styles, new_workbook, put, table};

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn hm(s: &str) -> Out {
    NaiveTime::parse_from_str(s, "%H:%M")
        .map(Out::Time)
        .unwrap_or_else(|_| Out::Text(s.to_string()))
}

fn names(r: &Roster, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .map(|p| name_of(r, p))
        .collect::<Vec<_>>()
        .join(cal_words::name_separator(lang))
}

/// A day as (month, day), or none.
pub(crate) type MonthDay = Option<(u32, u32)>;

/// (month, day) of the first day and of the last day of a stretch given
/// as first day and first day past, for `words::in_post`.
pub(crate) fn stretch(from: Option<NaiveDate>, until: Option<NaiveDate>) -> (MonthDay, MonthDay) {
    let md = |d: NaiveDate| (d.month(), d.day());
    (from.map(md), until.and_then(|d| d.pred_opt()).map(md))
}

/// 驻点团队: one row per member and stretch in post, in phone-list order
/// (leader, slots, assist); someone who left or started during the year
/// has their dates in post (a predecessor before the successor, in the
/// same place and number).
fn teams(r: &Roster, plan: &PlanFile, moves: &Moves, lang: Lang) -> Vec<Vec<Out>> {
    use crate::scenario::in_post::{Seat, posts};
    let mut rows = Vec::new();
    let mut last: Option<(String, Seat)> = None;
    let mut number = 0;
    for p in posts(r, plan) {
        let u = r.unit_index(&p.unit).map(|i| &r.units[i]);
        let kind = u
            .map(|u| words::unit_kind(u.kind, lang))
            .unwrap_or_default();
        let id = &p.person;
        match &last {
            Some((unit, seat)) if *unit == p.unit && *seat == p.seat && p.seat != Seat::Assist => {}
            Some((unit, _)) if *unit == p.unit => number += 1,
            _ => number = 1,
        }
        last = Some((p.unit.clone(), p.seat));
        let (post, from) = if let Some(c) = r.cadre_index(id) {
            let post = &r.cadres[c].post;
            (
                if post.is_empty() {
                    cal_words::leader(lang).to_string()
                } else {
                    post.clone()
                },
                words::township_staff(lang).to_string(),
            )
        } else if let Some(h) = r.helper_index(id) {
            let h = &r.helpers[h];
            (
                cal_words::role(h.role, lang).to_string(),
                h.unit
                    .as_deref()
                    .map(|u| unit_name(r, u))
                    .unwrap_or_else(|| words::township_staff(lang).to_string()),
            )
        } else {
            (String::new(), String::new())
        };
        let (first, end) = stretch(p.from, p.until);
        rows.push(vec![
            Out::Text(unit_name(r, &p.unit)),
            Out::Text(kind.to_string()),
            Out::Num(number as f64),
            Out::Text(name_of(r, id)),
            Out::Text(post),
            Out::Text(
                words::team_role(p.seat == Seat::Leader, p.seat != Seat::Assist, lang).to_string(),
            ),
            Out::Text(from),
            Out::Text(words::in_post_moved(
                first,
                end,
                moves.at(id, p.from, p.until),
                lang,
            )),
        ]);
    }
    rows
}

/// The month and day of the make-up for a unit's session on `date`, if any.
fn made_up_on(plan: &PlanFile, unit: &str, date: &str) -> Option<(u32, u32)> {
    plan.session
        .iter()
        .find(|s| s.kind == "makeup" && s.unit == unit && s.makes_up.as_deref() == Some(date))
        .and_then(|s| day(&s.date))
        .map(|d| (d.month(), d.day()))
}

/// Is this person the township's (a leader, or a helper of no unit)?
/// The township's people among `people`, by name: who stands in for the
/// leader (the unit's own secretary alone leaves the turn short).
fn township_names(r: &Roster, people: &[String]) -> Vec<String> {
    people
        .iter()
        .filter(|p| township_member(r, p))
        .map(|p| name_of(r, p))
        .collect()
}

fn township_member(r: &Roster, id: &str) -> bool {
    r.cadre_index(id).is_some()
        || r.helper_index(id)
            .is_some_and(|h| r.helpers[h].unit.is_none())
}

/// The leader column of a period: the name alone for the whole year, else
/// the name with the period ("梁志华（至7月14日）", "赵永明（7月15日起）").
fn period_label(
    r: &Roster,
    (leader, from, until): (&str, Option<&str>, Option<&str>),
    lang: Lang,
) -> String {
    let md = |d: NaiveDate| (d.month(), d.day());
    let from = from.and_then(day).map(md);
    let last = until.and_then(day).and_then(|d| d.pred_opt()).map(md);
    words::leader_period(&name_of(r, leader), from, last, lang)
}

/// 驻点时间表: per unit and leader period (one row per leader when a
/// handover changes the unit's leader during the year), the weeks the
/// leader holds the session and the weeks someone else from the township
/// stands in (代班), from the posted timetable or else the sessions.
fn timetable(r: &Roster, plan: &PlanFile, lang: Lang) -> Vec<Vec<Out>> {
    let wd = cal_words::weekday(r.station.weekday, lang);
    let (start, end) = (
        r.station.start.format("%H:%M").to_string(),
        r.station.end.format("%H:%M").to_string(),
    );
    let mut by_unit: BTreeMap<&str, Vec<&Session>> = BTreeMap::new();
    for s in plan.session.iter().filter(|s| s.kind == "station") {
        by_unit.entry(&s.unit).or_default().push(s);
    }
    let sep = words::entry_separator(lang);
    let mut rows = Vec::new();
    for a in &plan.assignment {
        let fortnightly = r
            .unit_index(&a.unit)
            .is_some_and(|u| r.units[u].cadence == crate::model::Cadence::Biweekly);
        let sessions = by_unit.get(a.unit.as_str()).cloned().unwrap_or_default();
        let posted: Vec<_> = plan.timetable.iter().filter(|t| t.unit == a.unit).collect();
        for period in periods(plan, &a.unit, &a.leader, &posted) {
            let leader = period.0;
            let mine: Vec<&Session> = sessions
                .iter()
                .copied()
                .filter(|s| inside(period, &s.date))
                .collect();
            let with_leader: Vec<(u32, u32)> = leader_dates(period, &posted, &sessions)
                .into_iter()
                .map(|d| (d.month(), d.day()))
                .collect();
            let mut subs = Vec::new();
            if !posted.is_empty() {
                // The plan's posted timetable (fixed rotation): who stands in
                // when the leader is blocked.
                for t in posted.iter().filter(|t| t.leader == leader) {
                    for s in t.substitute.iter().filter(|s| inside(period, &s.date)) {
                        let Some(d) = day(&s.date) else { continue };
                        // Only the township's people stand in for the leader;
                        // the unit's own secretary alone leaves the turn short.
                        let who = township_names(r, s.person.as_slice());
                        let made_up = made_up_on(plan, &a.unit, &s.date);
                        subs.push(words::substituted(d.month(), d.day(), &who, made_up, lang));
                    }
                }
            } else {
                for s in mine
                    .iter()
                    .filter(|s| !s.people.iter().any(|p| p == leader))
                {
                    let Some(d) = day(&s.date) else { continue };
                    let who = township_names(r, &s.people);
                    let made_up = made_up_on(plan, &a.unit, &s.date);
                    subs.push(words::substituted(d.month(), d.day(), &who, made_up, lang));
                }
            }
            rows.push(vec![
                Out::Text(unit_name(r, &a.unit)),
                Out::Text(words::station_time(wd, &start, &end, fortnightly, lang)),
                Out::Text(period_label(r, period, lang)),
                Out::Text(words::dates_by_month(&with_leader, lang)),
                Out::Text(subs.join(sep)),
                Out::Num(mine.len() as f64),
                Out::Num(with_leader.len() as f64),
                Out::Num(subs.len() as f64),
            ]);
        }
    }
    rows
}

/// The working days from `from` (or the year's start) to the day before
/// `until` (or the year's end): Monday to Friday and swapped working days,
/// less holidays (official ones when the roster applies them, and its own).
pub(crate) fn working_days_in(
    r: &Roster,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> usize {
    let year = r.township.year;
    let (Some(first), Some(last)) = (
        from.or(NaiveDate::from_ymd_opt(year, 1, 1)),
        until
            .and_then(|d| d.pred_opt())
            .or(NaiveDate::from_ymd_opt(year, 12, 31)),
    ) else {
        return 0;
    };
    let days =
        crate::days::YearDays::new(year, r.township.official_holidays, &r.holidays, &r.workdays);
    const WEEK: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| days.working(*d, &WEEK))
        .count()
}

/// The units someone served on (as leader only, with `leader_only`), by
/// name, those in `order` first: a unit they were on for less than their
/// own time in post with its dates ("北滘社区（至6月30日）").
pub(crate) fn units_served(
    r: &Roster,
    posts: &[crate::scenario::in_post::Post],
    id: &str,
    leader_only: bool,
    order: &[String],
    lang: Lang,
) -> Vec<String> {
    use crate::scenario::in_post::{Seat, service};
    let (joins, leaves) = service(r, id);
    let mut mine: Vec<&crate::scenario::in_post::Post> = posts
        .iter()
        .filter(|p| p.person == id && (!leader_only || p.seat == Seat::Leader))
        .collect();
    mine.sort_by_key(|p| {
        order
            .iter()
            .position(|u| *u == p.unit)
            .unwrap_or(order.len())
    });
    let mut out: Vec<String> = Vec::new();
    for p in mine {
        let name = unit_name(r, &p.unit);
        let said = if (p.from, p.until) == (joins, leaves) {
            name
        } else {
            let (first, last) = stretch(p.from, p.until);
            words::leader_period(&name, first, last, lang)
        };
        if !out.contains(&said) {
            out.push(said);
        }
    }
    out
}

/// 领导干部: per leader, their units, load, tour and the half-days of their
/// time in post; those who left during the year after those at its end,
/// with their dates, their units and their sessions (no load or tour: the
/// plan's figures are the year-end teams').
fn leaders(r: &Roster, plan: &PlanFile, moves: &Moves, lang: Lang) -> Vec<Vec<Out>> {
    use crate::scenario::in_post::{Seat, posts, service};
    let node_name = |n: &str| {
        if n == r.township.office {
            words::office(&r.township.name, lang).to_string()
        } else {
            r.units
                .iter()
                .find(|u| u.node == n)
                .map(|u| u.name.clone())
                .unwrap_or_else(|| n.to_string())
        }
    };
    let posts = posts(r, plan);
    let share = plan.fair_share(r);
    let mut ids: Vec<&str> = plan.leader.iter().map(|l| l.id.as_str()).collect();
    for c in &r.cadres {
        let led = posts
            .iter()
            .any(|p| p.person == c.id && p.seat == Seat::Leader);
        if led && !ids.contains(&c.id.as_str()) {
            ids.push(&c.id);
        }
    }
    ids.into_iter()
        .map(|id| {
            let line = plan.leader.iter().find(|l| l.id == id);
            let mine = |kind: &str| {
                plan.session
                    .iter()
                    .filter(|s| s.kind == kind && s.people.iter().any(|p| p == id))
                    .count()
            };
            let (station, visits, makeups) =
                (mine("station"), mine("household_visit"), mine("makeup"));
            let post = r
                .cadre_index(id)
                .map(|c| r.cadres[c].post.clone())
                .unwrap_or_default();
            let order = line.map(|l| l.units.clone()).unwrap_or_default();
            let units = units_served(r, &posts, id, true, &order, lang);
            let (joins, leaves) = service(r, id);
            let days = working_days_in(r, joins, leaves).max(1) as f64;
            let (first, last) = stretch(joins, leaves);
            let num = |x: Option<f64>| x.map(Out::Num).unwrap_or(Out::Empty);
            vec![
                Out::Text(name_of(r, id)),
                Out::Text(post),
                Out::Text(units.join("、")),
                num(line.map(|l| l.load)),
                // Signed as the report shows it: below the target negative.
                line.map(|l| Out::Pct(l.signed_deviation(share) / 100.0))
                    .unwrap_or(Out::Empty),
                Out::Text(
                    line.map(|l| {
                        let tour: Vec<String> = l.tour.iter().map(|n| node_name(n)).collect();
                        tour.join(" → ")
                    })
                    .unwrap_or_default(),
                ),
                num(line.map(|l| l.tour_minutes)),
                Out::Num(station as f64),
                Out::Num(visits as f64),
                Out::Num(makeups as f64),
                // A session or a visit takes half a working day in post.
                Out::Pct((station + visits + makeups) as f64 / 2.0 / days),
                Out::Text(words::in_post_moved(
                    first,
                    last,
                    moves.at(id, joins, leaves),
                    lang,
                )),
            ]
        })
        .collect()
}

/// 日程: one row per session.
fn calendar(r: &Roster, plan: &PlanFile, lang: Lang) -> Vec<Vec<Out>> {
    plan.session
        .iter()
        .map(|s| {
            let d = day(&s.date);
            vec![
                d.map(Out::Date)
                    .unwrap_or_else(|| Out::Text(s.date.clone())),
                Out::Text(
                    d.map(|d| super::weekday_shown(r, d, lang))
                        .unwrap_or_default(),
                ),
                hm(&s.start),
                hm(&s.end),
                Out::Text(unit_name(r, &s.unit)),
                Out::Text(words::session_kind(&s.kind, lang).to_string()),
                s.hamlet.clone().map(Out::Text).unwrap_or(Out::Empty),
                s.households
                    .map(|h| Out::Num(h as f64))
                    .unwrap_or(Out::Empty),
                Out::Text(names(r, &s.people, lang)),
                s.makes_up
                    .as_deref()
                    .and_then(day)
                    .map(Out::Date)
                    .unwrap_or(Out::Empty),
            ]
        })
        .collect()
}

// A leader who cannot come at all comes first: the others follow from it.
const KIND_ORDER: [&str; 5] = [
    "window_taken",
    "shortfall",
    "meeting_in_window",
    "makeup_impossible",
    "household_visits_short",
];

/// 提醒: the warnings grouped by kind, each with what to do. The staffing
/// figures every shortfall shares stand once in a row of their own above
/// the shortfalls, as the terminal says them once above its list.
fn warnings(r: &Roster, plan: &PlanFile, lang: Lang) -> Vec<Vec<Out>> {
    let mut ws: Vec<_> = plan.warning.iter().collect();
    ws.sort_by_key(|w| {
        (
            KIND_ORDER
                .iter()
                .position(|k| *k == w.kind)
                .unwrap_or(KIND_ORDER.len()),
            w.kind.clone(),
        )
    });
    let mut staffing = crate::wording::warnings::Staffing::default();
    for w in &ws {
        staffing.add(w.figures(lang), w.township_remedy(lang));
    }
    let staffing_rows = staffing.lines(lang).into_iter().map(|line| {
        vec![
            Out::Text(words::warning_kind("shortfall", lang)),
            Out::Empty,
            Out::Empty,
            Out::Empty,
            Out::Text(line),
            Out::Text(words::remedy("shortfall", lang)),
        ]
    });
    let rows = ws.iter().map(|w| {
        vec![
            Out::Text(words::warning_kind(&w.kind, lang)),
            w.unit
                .as_deref()
                .map(|u| Out::Text(unit_name(r, u)))
                .unwrap_or(Out::Empty),
            w.date
                .as_deref()
                .and_then(day)
                .map(Out::Date)
                .unwrap_or(Out::Empty),
            Out::Text(names(r, &w.people, lang)),
            Out::Text(w.brief(lang)),
            Out::Text(words::remedy(&w.kind, lang).to_string()),
        ]
    });
    staffing_rows.chain(rows).collect()
}

/// Page header: the township's name and the sheet, `&` escaped for Excel.
fn page_header(township: &str, sheet: &str) -> String {
    format!(
        "&C{} {}",
        township.replace('&', "&&"),
        sheet.replace('&', "&&")
    )
}

/// The township's documents as one workbook.
pub fn documents(r: &Roster, plan: &PlanFile, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    documents_moved(r, plan, &Moves::default(), lang)
}

/// The documents of a city's township whose people move to or from its
/// other townships (`moves`): the dates in post say where to and from.
pub fn documents_moved(
    r: &Roster,
    plan: &PlanFile,
    moves: &Moves,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut book = new_workbook(&r.township.name);
    for doc in Doc::TOWNSHIP {
        let rows = match doc {
            Doc::Teams => teams(r, plan, moves, lang),
            Doc::Timetable => timetable(r, plan, lang),
            Doc::Leaders => leaders(r, plan, moves, lang),
            Doc::Calendar => calendar(r, plan, lang),
            _ => warnings(r, plan, lang),
        };
        sheet(&mut book, doc, &r.township.name, &rows, lang, &st)?;
    }
    book.save_to_buffer()
}

/// The city summary (全市汇总): the rows of city-summary.csv — each
/// township with its district, a subtotal after each district's townships,
/// the city's total (people counted once each) — with the figures a city
/// sends upward and, on a township's row, its workbook's file name
/// (`workbooks`, by township). Counts are whole numbers, the cost has two
/// decimals, the gap and the largest deviation are percentages; subtotal and
/// total rows are bold.
pub fn city(
    summary: &super::city_summary::Summary,
    workbooks: &BTreeMap<String, String>,
    city: &str,
    title: &str,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    use super::city_summary::RowKind;
    use crate::wording::city_summary as sums;
    let st = Styles::new();
    let mut book = new_workbook(title);
    let ws = book.add_worksheet();
    // The sheet is named as the workbook (示例县汇总 in a county), where a
    // sheet's name may be that long.
    let sheet = if title.chars().count() <= 31 {
        title
    } else {
        Doc::City.sheet(lang)
    };
    ws.set_name(sheet)?;
    let heads = crate::wording::documents::city_headings(city, lang);
    table(ws, &heads, summary.rows.len() as u32, &st)?;
    ws.set_header(page_header(title, sheet));
    ws.set_footer(words::page_footer(lang));
    for (i, r) in summary.rows.iter().enumerate() {
        let bold = !matches!(r.kind, RowKind::Township(_));
        let fmt = |n: &str| {
            let f = Format::new().set_num_format(n);
            if bold { f.set_bold() } else { f }
        };
        let (int, money, pct, text) = (fmt("0"), fmt("0.00"), fmt("0.0%"), fmt("@"));
        let f = &r.figures;
        let (label, file) = match &r.kind {
            RowKind::Township(name) => (name.clone(), workbooks.get(name).cloned()),
            RowKind::NotPlanned { township, .. } => (township.clone(), None),
            RowKind::Subtotal => (sums::sum_label(sums::subtotal(lang), r.covers, lang), None),
            RowKind::Total => (sums::sum_label(sums::total(lang), r.covers, lang), None),
        };
        let row = i as u32 + 1;
        ws.write_string_with_format(row, 0, r.district.clone().unwrap_or_default(), &text)?;
        ws.write_string_with_format(row, 1, label, &text)?;
        // No figures for a township not planned: why, where they would be.
        if let RowKind::NotPlanned { why, .. } = &r.kind {
            ws.write_string_with_format(row, 2, sums::not_planned(why, lang), &text)?;
            continue;
        }
        let counts = [
            f.units,
            f.leaders,
            f.leaders_left,
            f.helpers.iter().sum(),
            f.station_sessions,
            f.shortfall_sessions,
            f.shortfall_made_up,
            f.makeup_sessions,
            f.visit_sessions,
            f.warnings.values().sum(),
        ];
        for (c, n) in counts[..4].iter().enumerate() {
            ws.write_number_with_format(row, c as u16 + 2, *n as f64, &int)?;
        }
        ws.write_number_with_format(row, 6, f.cost, &money)?;
        ws.write_number_with_format(row, 7, f.gap, &pct)?;
        ws.write_number_with_format(row, 8, f.max_deviation_pct / 100.0, &pct)?;
        for (c, n) in counts[4..].iter().enumerate() {
            ws.write_number_with_format(row, c as u16 + 9, *n as f64, &int)?;
        }
        ws.write_string_with_format(row, 15, file.unwrap_or_default(), &text)?;
    }
    book.save_to_buffer()
}

fn sheet(
    book: &mut rust_xlsxwriter::Workbook,
    doc: Doc,
    township: &str,
    rows: &[Vec<Out>],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(doc.sheet(lang))?;
    let heads = doc.headings(lang);
    table(ws, &heads, rows.len() as u32, st)?;
    ws.set_header(page_header(township, doc.sheet(lang)));
    ws.set_footer(words::page_footer(lang));
    let wrap = Format::new().set_text_wrap();
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let long = heads.get(c).is_some_and(|h| h.1 >= 28.0);
            match v {
                Out::Text(s) if long => {
                    ws.write_string_with_format(i as u32 + 1, c as u16, s, &wrap)?;
                }
                _ => put(ws, i as u32 + 1, c as u16, v, st)?,
            }
        }
    }
    Ok(())
}
