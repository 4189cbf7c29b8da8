//! The plan page's sections in words and tables: the plan's quality stated
//! plainly, each leader's load against the fair share, the teams with names
//! and posts, the year's handovers, the leaders who left with no
//! successor (or moved to another township) and those who moved here, and
//! the warnings grouped by kind with what fixes them.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::html::{esc, num};
use super::map::{Palette, person_name, unit_name};
use crate::model::{Roster, Workload};
use crate::plan::PlanFile;
use crate::scenario::transfer::Moves;
use crate::wording::Lang;
use crate::wording::documents::month_day;
use crate::wording::moves::{arrivals_caption, moved_away, moved_in, moved_to};
use crate::wording::report::{
    Label, dated_line, departure, departures_caption, handovers_caption, kind, leader_post,
    loads_caption, pct, quality as quality_words, role, score_explained, shortfall_line,
    team_place, warning_kind,
};
use crate::wording::report_page::{Shortcomings, fortnightly_note, limits};
use crate::wording::warnings::shown_date;

/// How far off the fair share a load may be before its bar is marked, as a
/// fraction; shown as the shaded band (`[policy] load_band_pct`, a reading
/// aid, not a rule of the plan).
pub fn band(roster: &Roster) -> f64 {
    f64::from(roster.policy.load_band_pct) / 100.0
}

/// Cost, best possible, gap and the cost's terms.
pub fn quality(plan: &PlanFile, lang: Lang) -> String {
    let h = &plan.plan;
    let m = &h.metrics;
    let mut s = String::new();
    let open = if h.gap > 0.0 { " open" } else { "" };
    let _ = write!(
        s,
        "<div class=\"verdict{open}\">{}</div>",
        esc(&quality_words(
            h.cost,
            h.lower_bound,
            h.gap,
            h.previous_plan.is_some(),
            lang
        )),
    );
    // Beside the score, so that a best score is not read as no problems.
    let short = shortcomings(plan);
    if short.any() {
        let (said, pointer) = limits(&short, Label::Warnings.say(lang), lang);
        let _ = write!(
            s,
            "<p class=\"limits\">{} <a href=\"#warnings\">{}</a></p>",
            esc(&said),
            esc(&pointer)
        );
    }
    let _ = write!(s, "<p class=\"caption\">{}</p>", score_explained(lang));
    let status = if h.status == "optimal" {
        Label::Proven
    } else {
        Label::NotProven
    };
    s.push_str("<table class=\"terms\">");
    let rows: [(Label, String); 8] = [
        (Label::Score, format!("{:.2}", h.cost)),
        (Label::Balance, format!("{:.2}", m.balance_cost)),
        (Label::Travel, format!("{:.2}", m.travel_cost)),
        (Label::Continuity, format!("{:.2}", m.continuity_cost)),
        (
            Label::HelperContinuity,
            format!("{:.2}", m.helper_continuity_cost),
        ),
        (Label::BestPossible, format!("{:.2}", h.lower_bound)),
        (Label::Gap, pct(h.gap * 100.0)),
        (Label::Status, status.say(lang).to_string()),
    ];
    for (label, value) in rows {
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"n\">{}</td></tr>",
            label.say(lang),
            esc(&value)
        );
    }
    s.push_str("</table>");
    s
}

/// What the plan cannot do in the year: its sessions without a township
/// member (the metric, or the warnings of a plan file written before it),
/// missed sessions not made up, household visits that do not fit.
pub fn shortcomings(plan: &PlanFile) -> Shortcomings {
    let count = |kind: &str| plan.warning.iter().filter(|w| w.kind == kind).count();
    Shortcomings {
        short_sessions: plan.plan.metrics.shortfall_sessions.max(count("shortfall")),
        not_made_up: count("makeup_impossible"),
        visits_short: count("household_visits_short"),
    }
}

/// One row per leader: units, a bar of load against the fair-share band,
/// deviation, tour minutes.
pub fn loads(roster: &Roster, plan: &PlanFile, palette: &Palette, lang: Lang) -> String {
    let target = plan.fair_share(roster);
    let band = band(roster);
    let top = plan
        .leader
        .iter()
        .map(|l| l.load)
        .fold(target * (1.0 + band), f64::max)
        * 1.05;
    let mut s = String::new();
    let _ = write!(
        s,
        "<p class=\"caption\">{}</p><table class=\"loads\"><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr>",
        esc(&loads_caption(
            target,
            roster.policy.workload == Workload::Population,
            lang
        )),
        Label::Leader.say(lang),
        Label::Units.say(lang),
        Label::TargetBand.say(lang),
        Label::Load.say(lang),
        Label::Deviation.say(lang),
        Label::TourMinutes.say(lang),
    );
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    for l in &plan.leader {
        let x = |v: f64| 240.0 * v / top.max(1e-9);
        let units: Vec<&str> = l.units.iter().map(|u| unit_name(roster, u)).collect();
        let off = l.deviation_pct.abs() > band * 100.0;
        let signed = if l.idle() {
            "—".to_string()
        } else {
            format!("{:+.1}%", l.signed_deviation(target))
        };
        let _ = write!(
            s,
            "<tr><td><b>{}</b></td><td>{}</td><td><svg class=\"bar\" width=\"250\" height=\"18\" viewBox=\"0 0 250 18\">\
             <rect x=\"{}\" y=\"0\" width=\"{}\" height=\"18\" fill=\"#dcebd5\"/>\
             <rect x=\"0\" y=\"4\" width=\"{}\" height=\"10\" fill=\"{}\"/>\
             <line x1=\"{}\" y1=\"0\" x2=\"{}\" y2=\"18\" stroke=\"#2e7d32\" stroke-width=\"1.5\"/></svg></td>\
             <td class=\"n\">{:.0}</td><td class=\"n\"{}>{}</td><td class=\"n\">{:.0}</td></tr>",
            esc(person_name(roster, &l.id)),
            esc(&units.join(sep)),
            num(x(target * (1.0 - band))),
            num(x(target * 2.0 * band)),
            num(x(l.load)),
            palette.get(&l.id),
            num(x(target)),
            num(x(target)),
            l.load,
            if off { " style=\"color:#b3261e\"" } else { "" },
            signed,
            l.tour_minutes,
        );
    }
    s.push_str("</table>");
    s
}

/// A person with their post or role: "张三（副镇长）".
fn with_post(roster: &Roster, id: &str, lang: Lang) -> String {
    let post = if let Some(i) = roster.cadre_index(id) {
        let p = &roster.cadres[i].post;
        if p.is_empty() {
            leader_post(lang).to_string()
        } else {
            p.clone()
        }
    } else if let Some(i) = roster.helper_index(id) {
        role(roster.helpers[i].role, lang).to_string()
    } else {
        String::new()
    };
    let name = esc(person_name(roster, id));
    match (post.is_empty(), lang) {
        (true, _) => name,
        (false, Lang::En) => format!("{name} <span class=\"caption\">({})</span>", esc(&post)),
        (false, Lang::Zh) => format!("{name}<span class=\"caption\">（{}）</span>", esc(&post)),
    }
}

/// The year's handovers by date: who hands over to whom, the units led and
/// the team places taken over, in names; then the leaders who left with no
/// successor (or moved to another township of the city, `moves`), each
/// with the day and who leads each of their units from then; then the
/// leaders who moved here from another township, with the units they lead.
pub fn handovers(roster: &Roster, plan: &PlanFile, moves: &Moves, lang: Lang) -> String {
    use chrono::Datelike;
    let mut s = String::new();
    if !plan.handover.is_empty() {
        handover_table(&mut s, roster, plan, moves, lang);
    }
    let gone = crate::scenario::in_post::departures(roster, plan);
    if !gone.is_empty() {
        let _ = write!(
            s,
            "<p class=\"caption\">{}</p><ul>",
            departures_caption(lang)
        );
        for d in gone {
            let units: Vec<(String, Option<String>)> = d
                .units
                .iter()
                .map(|(u, by)| {
                    (
                        unit_name(roster, u).to_string(),
                        by.as_deref().map(|b| person_name(roster, b).to_string()),
                    )
                })
                .collect();
            let day = month_day(d.date.month(), d.date.day(), lang);
            let name = person_name(roster, &d.person);
            let said = match moves.to(&d.person) {
                Some((to, date)) if date == d.date => moved_away(name, &day, to, &units, lang),
                _ => departure(name, &day, &units, lang),
            };
            let _ = write!(s, "<li>{}</li>", esc(&said));
        }
        s.push_str("</ul>");
    }
    let came = arrivals(roster, plan, moves);
    if !came.is_empty() {
        let _ = write!(s, "<p class=\"caption\">{}</p><ul>", arrivals_caption(lang));
        for (id, from, date, units) in came {
            let day = month_day(date.month(), date.day(), lang);
            let units: Vec<String> = units
                .iter()
                .map(|u| unit_name(roster, u).to_string())
                .collect();
            let said = moved_in(person_name(roster, &id), &day, &from, &units, lang);
            let _ = write!(s, "<li>{}</li>", esc(&said));
        }
        s.push_str("</ul>");
    }
    s
}

/// The leaders who moved here from another township during the year, in
/// roster order: id, the township, the day and the units they lead here.
fn arrivals(
    roster: &Roster,
    plan: &PlanFile,
    moves: &Moves,
) -> Vec<(String, String, chrono::NaiveDate, Vec<String>)> {
    use crate::scenario::in_post::{Seat, posts};
    let year = roster.township.year;
    let mut came: Vec<_> = roster
        .cadres
        .iter()
        .filter_map(|c| {
            let (from, date) = moves.from(&c.id)?;
            (chrono::Datelike::year(&date) == year).then(|| (c.id.clone(), from.to_string(), date))
        })
        .collect();
    if came.is_empty() {
        return Vec::new();
    }
    let posts = posts(roster, plan);
    came.drain(..)
        .map(|(id, from, date)| {
            let mut units: Vec<String> = Vec::new();
            for p in posts
                .iter()
                .filter(|p| p.person == id && p.seat == Seat::Leader)
            {
                if !units.contains(&p.unit) {
                    units.push(p.unit.clone());
                }
            }
            (id, from, date, units)
        })
        .collect()
}

/// After the name of someone who hands over on `date` because they move
/// to another township: "（调往三庄镇）" / " (moved to 三庄镇)".
fn moved_note(moves: &Moves, id: &str, date: &str, lang: Lang) -> String {
    match moves.to(id) {
        Some((to, day)) if day.to_string() == date => format!(
            "<span class=\"caption\">{}</span>",
            esc(&moved_to(to, lang))
        ),
        _ => String::new(),
    }
}

/// Whether the report has a handovers section: a handover, a leader who
/// left with no successor, or one who moved here from another township.
pub fn has_handovers(roster: &Roster, plan: &PlanFile, moves: &Moves) -> bool {
    !plan.handover.is_empty()
        || !crate::scenario::in_post::departures(roster, plan).is_empty()
        || !arrivals(roster, plan, moves).is_empty()
}

fn handover_table(s: &mut String, roster: &Roster, plan: &PlanFile, moves: &Moves, lang: Lang) {
    let _ = write!(
        s,
        "<p class=\"caption\">{}</p><table class=\"teams\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        handovers_caption(lang),
        Label::HandoverDate.say(lang),
        Label::HandsOver.say(lang),
        Label::TakesOver.say(lang),
        Label::UnitsLed.say(lang),
        Label::TeamPlaces.say(lang),
    );
    let mut lines: Vec<&crate::plan::HandoverLine> = plan.handover.iter().collect();
    lines.sort_by(|a, b| a.date.cmp(&b.date));
    for h in lines {
        let units: Vec<String> = h.units.iter().map(|u| esc(unit_name(roster, u))).collect();
        let places: Vec<String> = h
            .slots
            .iter()
            .map(|p| match p.rsplit_once('/') {
                Some((u, n)) => esc(&team_place(unit_name(roster, u), n, lang)),
                None => esc(p),
            })
            .collect();
        // The date as the departures below say theirs: "7月1日".
        use chrono::Datelike;
        let day = chrono::NaiveDate::parse_from_str(&h.date, "%Y-%m-%d")
            .map_or_else(|_| h.date.clone(), |d| month_day(d.month(), d.day(), lang));
        let or_dash = |cells: &[String]| match cells.is_empty() {
            true => "—".to_string(),
            false => cells.join("<br>"),
        };
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&day),
            with_post(roster, &h.from, lang) + &moved_note(moves, &h.from, &h.date, lang),
            with_post(roster, &h.to, lang),
            or_dash(&units),
            or_dash(&places),
        );
    }
    s.push_str("</table>");
}

/// Every unit's team: leader, the slot helpers, the assist members.
pub fn teams(roster: &Roster, plan: &PlanFile, palette: &Palette, lang: Lang) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<table class=\"teams\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        Label::Unit.say(lang),
        Label::Leader.say(lang),
        Label::Team.say(lang),
        Label::Assist.say(lang)
    );
    let by_unit: BTreeMap<&str, &crate::plan::Assignment> = plan
        .assignment
        .iter()
        .map(|a| (a.unit.as_str(), a))
        .collect();
    // Roster order: the order the planner keeps their units in.
    let mut ids: Vec<&str> = roster.units.iter().map(|u| u.id.as_str()).collect();
    ids.extend(
        plan.assignment
            .iter()
            .map(|a| a.unit.as_str())
            .filter(|u| roster.unit_index(u).is_none()),
    );
    for id in ids {
        let Some(a) = by_unit.get(id) else { continue };
        // "石垌村" already says it is a 村: the kind only where the name does not.
        let name = unit_name(roster, id);
        let kind_word = roster
            .unit_index(id)
            .map(|i| kind(roster.units[i].kind, lang))
            .filter(|k| !name.ends_with(k))
            .map(|k| format!(" <span class=\"caption\">{k}</span>"))
            .unwrap_or_default();
        let every_other = match roster.unit_index(id).map(|i| roster.units[i].cadence) {
            Some(crate::model::Cadence::Biweekly) => format!(
                "<br><span class=\"caption\">{}</span>",
                fortnightly_note(lang)
            ),
            _ => String::new(),
        };
        let helpers: Vec<String> = a
            .helpers
            .iter()
            .map(|h| with_post(roster, h, lang))
            .collect();
        let assist: Vec<String> = a
            .assist
            .iter()
            .map(|h| with_post(roster, h, lang))
            .collect();
        let _ = write!(
            s,
            "<tr><td><b>{}</b>{}{}</td><td><span class=\"sw\" style=\"background:{}\"></span>{}</td><td>{}</td><td>{}</td></tr>",
            esc(name),
            kind_word,
            every_other,
            palette.get(&a.leader),
            with_post(roster, &a.leader, lang),
            helpers.join("<br>"),
            assist.join("<br>"),
        );
    }
    s.push_str("</table>");
    s
}

/// Items listed per warning kind before "…".
const LIST_AT_MOST: usize = 40;

/// The warnings grouped by kind: how many, what fixes them, where.
pub fn warnings(roster: &Roster, plan: &PlanFile, lang: Lang) -> String {
    if plan.warning.is_empty() {
        return format!("<p>{}</p>", Label::NoWarnings.say(lang));
    }
    // A leader who cannot come at all comes first, as on 提醒.
    let order = [
        "window_taken",
        "shortfall",
        "meeting_in_window",
        "makeup_impossible",
        "household_visits_short",
    ];
    let mut groups: BTreeMap<(usize, &str), Vec<&crate::plan::Warning>> = BTreeMap::new();
    for w in &plan.warning {
        let rank = order
            .iter()
            .position(|k| *k == w.kind)
            .unwrap_or(order.len());
        groups.entry((rank, w.kind.as_str())).or_default().push(w);
    }
    let names = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|p| person_name(roster, p).to_string())
            .collect()
    };
    let mut s = String::from("<div class=\"warn\">");
    for ((_, k), list) in groups {
        let (head, fix) = warning_kind(k, list.len(), lang);
        let mut items: Vec<String> = Vec::new();
        match k {
            "shortfall" => {
                let mut per_unit: BTreeMap<usize, (String, Vec<String>)> = BTreeMap::new();
                for w in &list {
                    let u = w.unit.clone().unwrap_or_default();
                    let rank = roster.unit_index(&u).unwrap_or(usize::MAX);
                    let e = per_unit.entry(rank).or_insert_with(|| (u, Vec::new()));
                    e.1.push(shown_date(w.date.as_deref().unwrap_or(""), lang));
                }
                for (_, (u, dates)) in per_unit {
                    let shown: Vec<String> = dates.iter().take(3).cloned().collect();
                    items.push(shortfall_line(
                        unit_name(roster, &u),
                        dates.len(),
                        &shown,
                        lang,
                    ));
                }
            }
            "meeting_in_window" | "makeup_impossible" => {
                for w in &list {
                    let place = w
                        .unit
                        .as_deref()
                        .map(|u| unit_name(roster, u))
                        .unwrap_or("");
                    items.push(dated_line(
                        &shown_date(w.date.as_deref().unwrap_or(""), lang),
                        place,
                        &names(&w.people),
                        lang,
                    ));
                }
            }
            // The visits' own sentence names the team and its remedy
            // (how many more helpers, or what monthly cap), as the
            // terminal says it.
            _ => items.extend(list.iter().map(|w| w.text(lang))),
        }
        let _ = write!(s, "<div><h3>{}</h3>", esc(&head));
        // The staffing figures every short session shares, and what would
        // close the year's gap: said once, as the terminal and 提醒 say them.
        if k == "shortfall" {
            let mut staffing = crate::wording::warnings::Staffing::default();
            for w in &list {
                staffing.add(w.figures(lang), w.township_remedy(lang));
            }
            for line in staffing.lines(lang) {
                let _ = write!(s, "<p class=\"staffing\">{}</p>", esc(&line));
            }
        }
        if !fix.is_empty() {
            let _ = write!(s, "<p class=\"fix\">{}</p>", esc(&fix));
        }
        s.push_str("<ul>");
        let more = items.len() > LIST_AT_MOST;
        for it in items.iter().take(LIST_AT_MOST) {
            let _ = write!(s, "<li>{}</li>", esc(it));
        }
        if more {
            s.push_str("<li>…</li>");
        }
        s.push_str("</ul></div>");
    }
    s.push_str("</div>");
    s
}
