//! The comparison page: plans side by side — the score and its terms, the
//! calendar's figures, each leader's load in every plan, who moves, and a
//! map per plan with the units whose leader differs from the first plan
//! ringed. Each plan may come with its own roster (what-if variants).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::html::{esc, num, page};
use super::layout::Layout;
use super::map::{self, Palette, person_name, unit_name};
use super::sections::band;
use crate::model::Roster;
use crate::plan::PlanFile;
use crate::wording::Lang;
use crate::wording::report::{Label, minutes, moved, no_moves, pct, title};

/// One plan to compare, with the roster it was made from and its label
/// (file name or variant).
pub struct Compared<'a> {
    pub label: String,
    pub roster: &'a Roster,
    pub plan: &'a PlanFile,
}

fn leaders_of(p: &PlanFile) -> BTreeMap<&str, &str> {
    p.assignment
        .iter()
        .map(|a| (a.unit.as_str(), a.leader.as_str()))
        .collect()
}

/// Units whose leader in `p` differs from the first plan's.
pub fn changed_units(first: &PlanFile, p: &PlanFile) -> BTreeSet<String> {
    let a = leaders_of(first);
    let b = leaders_of(p);
    b.iter()
        .filter(|(u, l)| a.get(*u) != Some(*l))
        .map(|(u, _)| u.to_string())
        .collect()
}

fn figures(all: &[Compared], lang: Lang) -> String {
    let first = all[0].plan;
    let mut s = String::from("<table class=\"figures\"><tr><th></th>");
    for c in all {
        let _ = write!(s, "<th class=\"n\">{}</th>", esc(&c.label));
    }
    s.push_str("</tr>");
    type Row = (Label, fn(&Compared, &PlanFile, Lang) -> String);
    let rows: [Row; 16] = [
        (Label::Score, |c, _, _| format!("{:.2}", c.plan.plan.cost)),
        (Label::Balance, |c, _, _| {
            format!("{:.2}", c.plan.plan.metrics.balance_cost)
        }),
        (Label::Travel, |c, _, _| {
            format!("{:.2}", c.plan.plan.metrics.travel_cost)
        }),
        (Label::Continuity, |c, _, _| {
            format!("{:.2}", c.plan.plan.metrics.continuity_cost)
        }),
        (Label::HelperContinuity, |c, _, _| {
            format!("{:.2}", c.plan.plan.metrics.helper_continuity_cost)
        }),
        (Label::BestPossible, |c, _, _| {
            format!("{:.2}", c.plan.plan.lower_bound)
        }),
        (Label::Gap, |c, _, _| pct(c.plan.plan.gap * 100.0)),
        (Label::Status, |c, _, lang| {
            if c.plan.plan.status == "optimal" {
                Label::Proven.say(lang).into()
            } else {
                Label::NotProven.say(lang).into()
            }
        }),
        (Label::LargestDeviation, |c, _, _| {
            format!("{:.1}%", c.plan.plan.metrics.max_deviation_pct)
        }),
        (Label::TourTotal, |c, _, _| {
            format!("{:.0}", c.plan.plan.metrics.tour_minutes_total)
        }),
        (Label::UnitsChanged, |c, first, _| {
            changed_units(first, c.plan).len().to_string()
        }),
        (Label::StationSessions, |c, _, _| {
            c.plan.plan.metrics.station_sessions.to_string()
        }),
        (Label::MakeupSessions, |c, _, _| {
            c.plan.plan.metrics.makeup_sessions.to_string()
        }),
        (Label::Shortfalls, |c, _, _| {
            c.plan.plan.metrics.shortfall_sessions.to_string()
        }),
        (Label::VisitSessions, |c, _, _| {
            c.plan.plan.metrics.household_visit_sessions.to_string()
        }),
        (Label::WarningCount, |c, _, _| {
            c.plan.warning.len().to_string()
        }),
    ];
    for (label, value) in rows {
        let _ = write!(s, "<tr><td>{}</td>", label.say(lang));
        let first_value = value(&all[0], first, lang);
        for c in all {
            let v = value(c, first, lang);
            let cls = if v != first_value { " changed" } else { "" };
            let _ = write!(s, "<td class=\"n{cls}\">{}</td>", esc(&v));
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
    s
}

fn loads(all: &[Compared], palette: &Palette, lang: Lang) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for c in all {
        for l in &c.plan.leader {
            if !ids.contains(&l.id.as_str()) {
                ids.push(&l.id);
            }
        }
    }
    let top = all
        .iter()
        .flat_map(|c| {
            let t = c.plan.fair_share(c.roster) * (1.0 + band(c.roster));
            c.plan.leader.iter().map(|l| l.load).chain([t])
        })
        .fold(1.0, f64::max)
        * 1.05;
    let mut s = String::from("<table class=\"loads\"><tr><th></th>");
    for c in all {
        let _ = write!(s, "<th>{}</th>", esc(&c.label));
    }
    s.push_str("</tr>");
    for id in ids {
        let name = all
            .iter()
            .map(|c| person_name(c.roster, id))
            .find(|n| *n != id)
            .unwrap_or(id);
        let _ = write!(
            s,
            "<tr><td><span class=\"sw\" style=\"background:{}\"></span><b>{}</b></td>",
            palette.get(id),
            esc(name)
        );
        for c in all {
            match c.plan.leader.iter().find(|l| l.id == id) {
                None => s.push_str("<td class=\"caption\">—</td>"),
                Some(l) => {
                    let target = c.plan.fair_share(c.roster);
                    let band = band(c.roster);
                    let x = |v: f64| 150.0 * v / top;
                    let _ = write!(
                        s,
                        "<td><svg width=\"155\" height=\"14\" viewBox=\"0 0 155 14\"><rect x=\"{}\" y=\"0\" width=\"{}\" height=\"14\" fill=\"#dcebd5\"/><rect x=\"0\" y=\"3\" width=\"{}\" height=\"8\" fill=\"{}\"/></svg>\
                         <span class=\"caption\">{:.0} ({:+.1}%) · {}</span></td>",
                        num(x(target * (1.0 - band))),
                        num(x(target * 2.0 * band)),
                        num(x(l.load)),
                        palette.get(id),
                        l.load,
                        l.signed_deviation(target),
                        minutes(l.tour_minutes.round(), lang)
                    );
                }
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
    s
}

fn moves(all: &[Compared], lang: Lang) -> String {
    let first = all[0].plan;
    let before = leaders_of(first);
    let mut s = String::new();
    let mut any = false;
    for c in &all[1..] {
        let changed = changed_units(first, c.plan);
        if changed.is_empty() {
            continue;
        }
        any = true;
        let after = leaders_of(c.plan);
        let _ = write!(s, "<h3>{}</h3><ul>", esc(&c.label));
        for u in &changed {
            let from = before
                .get(u.as_str())
                .map(|l| person_name(all[0].roster, l))
                .unwrap_or("—");
            let to = after
                .get(u.as_str())
                .map(|l| person_name(c.roster, l))
                .unwrap_or("—");
            let _ = write!(
                s,
                "<li>{}</li>",
                esc(&moved(unit_name(c.roster, u), from, to, lang))
            );
        }
        s.push_str("</ul>");
    }
    if !any {
        let _ = write!(s, "<p>{}</p>", no_moves(lang));
    }
    s
}

/// The page comparing `all` (at least one plan; the first is the base).
pub fn compare_page(all: &[Compared], lang: Lang) -> String {
    let Some(base) = all.first() else {
        return page("", "", lang);
    };
    let rosters: Vec<&Roster> = all.iter().map(|c| c.roster).collect();
    let plans: Vec<&PlanFile> = all.iter().map(|c| c.plan).collect();
    let palette = Palette::of(&rosters, &plans);
    let mut body = super::header(base.roster, Label::CompareTitle, &[], None, lang);
    let _ = write!(
        body,
        "<section id=\"figures\"><h2>{}</h2>{}</section>",
        Label::Quality.say(lang),
        figures(all, lang)
    );
    let _ = write!(
        body,
        "<section id=\"moves\"><h2>{}</h2>{}</section>",
        Label::Changes.say(lang),
        moves(all, lang)
    );
    let _ = write!(
        body,
        "<section id=\"map\"><h2>{}</h2><p class=\"caption\"><span class=\"sw\" style=\"border:2px dashed #b3261e;background:none\"></span>{}</p><div class=\"maps\">",
        Label::Map.say(lang),
        Label::Changed.say(lang)
    );
    for c in all {
        let layout = Layout::of(c.roster);
        let ringed = changed_units(base.plan, c.plan);
        let _ = write!(
            body,
            "<figure><figcaption>{}</figcaption>{}</figure>",
            esc(&c.label),
            map::svg(c.roster, c.plan, &palette, &layout, &ringed, lang)
        );
    }
    body.push_str("</div></section>");
    let _ = write!(
        body,
        "<section id=\"loads\"><h2>{}</h2>{}</section>",
        Label::Loads.say(lang),
        loads(all, &palette, lang)
    );
    page(
        &title(
            &base.roster.township.name,
            base.roster.township.year,
            Label::CompareTitle,
            lang,
        ),
        &body,
        lang,
    )
}
