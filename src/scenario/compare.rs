//! Plans side by side (`zhudian compare`) — the cost and each of its terms,
//! bound and gap, balance, tours, teams changed, calendar figures — then who
//! moved where, unit by unit (a successor taking over the post of the one
//! they succeed is a handover, counted on its own row, not a move). The first plan is the base the others are
//! measured against. Renders as a terminal table, CSV, Markdown or TOML.

use std::collections::BTreeMap;

use crate::plan::PlanFile;
use crate::wording::Lang;
use crate::wording::scenario::{Figure, moves_heading, no_moves};
use crate::wording::table::{self, Row};

/// A plan and the name it goes by in the comparison.
#[derive(Debug, Clone)]
pub struct NamedPlan {
    pub name: String,
    pub plan: PlanFile,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Markdown,
    Toml,
}

/// One unit whose leader or team differs between the plans.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitMove {
    pub unit: String,
    /// Per plan: "leader + helpers", or "—" where the plan lacks the unit.
    pub teams: Vec<String>,
    /// Per plan: the leader and the team's other members as named, None
    /// where the plan lacks the unit (the table says these in its language).
    pub members: Vec<Option<(String, Vec<String>)>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub names: Vec<String>,
    pub figures: Vec<(Figure, Vec<String>)>,
    pub moves: Vec<UnitMove>,
}

fn num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

fn team_of(p: &PlanFile) -> BTreeMap<&str, Team<'_>> {
    p.assignment
        .iter()
        .map(|a| {
            (
                a.unit.as_str(),
                (
                    a.leader.as_str(),
                    a.helpers.iter().map(String::as_str).collect(),
                ),
            )
        })
        .collect()
}

/// The base plan's teams as `other` would have them with nothing changed
/// but its handovers: each predecessor replaced by whoever holds their post
/// in `other` (a chain of handovers followed). A succession is planned, not
/// a change of team.
fn handed_over<'a>(base: &'a PlanFile, other: &'a PlanFile) -> BTreeMap<&'a str, Team<'a>> {
    let successor = |id: &'a str| -> &'a str {
        let mut cur = id;
        for _ in 0..=other.handover.len() {
            match other.handover.iter().find(|h| h.from == cur) {
                Some(h) => cur = h.to.as_str(),
                None => break,
            }
        }
        cur
    };
    team_of(base)
        .into_iter()
        .map(|(u, (l, hs))| (u, (successor(l), hs.into_iter().map(&successor).collect())))
        .collect()
}

type Team<'a> = (&'a str, Vec<&'a str>);

/// A unit's change explained by a move between townships: someone on one
/// of the two teams and not on the other is in `moved` (the ids of those
/// who moved away or here between the two plans).
fn by_transfer(b: Option<&Team>, o: Option<&Team>, moved: &[String]) -> bool {
    let (Some(b), Some(o)) = (b, o) else {
        return false;
    };
    let members = |t: &Team<'_>| -> Vec<String> {
        std::iter::once(t.0)
            .chain(t.1.iter().copied())
            .map(str::to_string)
            .collect()
    };
    let (mb, mo) = (members(b), members(o));
    let only = |x: &Vec<String>, y: &Vec<String>| -> Vec<String> {
        x.iter().filter(|p| !y.contains(p)).cloned().collect()
    };
    b != o
        && only(&mb, &mo)
            .iter()
            .chain(only(&mo, &mb).iter())
            .any(|p| moved.contains(p))
}

/// Units whose leader or slot helpers differ from the base plan's, a
/// successor in the post of the one they succeed, and a change a move
/// between townships explains, not counted.
fn teams_changed(base: &PlanFile, other: &PlanFile, moved: &[String]) -> usize {
    let b = handed_over(base, other);
    let o = team_of(other);
    let units: std::collections::BTreeSet<&str> = b.keys().chain(o.keys()).copied().collect();
    units
        .iter()
        .filter(|u| b.get(*u) != o.get(*u) && !by_transfer(b.get(*u), o.get(*u), moved))
        .count()
}

/// Units whose leader differs from the base plan's (or that one of the two
/// lacks), a successor in the post of the one they succeed and a change a
/// move between townships explains (`moved`) not counted: the city's
/// `compare` counts these apart from the handovers.
pub fn leaders_changed(base: &PlanFile, other: &PlanFile, moved: &[String]) -> usize {
    let b = handed_over(base, other);
    let o = team_of(other);
    let units: std::collections::BTreeSet<&str> = b.keys().chain(o.keys()).copied().collect();
    units
        .iter()
        .filter(|u| {
            b.get(*u).map(|t| t.0) != o.get(*u).map(|t| t.0)
                && !by_transfer(b.get(*u), o.get(*u), moved)
        })
        .count()
}

/// Units where a successor took over from the base plan's leader or
/// helper, or whose team a move between townships (`moved`) changed.
pub fn units_handed_over(base: &PlanFile, other: &PlanFile, moved: &[String]) -> usize {
    let (b, h, o) = (team_of(base), handed_over(base, other), team_of(other));
    b.keys()
        .filter(|u| b.get(*u) != h.get(*u) || by_transfer(h.get(*u), o.get(*u), moved))
        .count()
}

/// Household-visit sessions per post that visits at all: a leaver and the
/// successor who took over the place hold one post, counted once (a trial:
/// a July handover made the average look a third lower).
fn visits_per_person(p: &PlanFile) -> f64 {
    let post = |id: &str| -> String {
        let mut cur = id;
        for _ in 0..=p.handover.len() {
            match p.handover.iter().find(|h| h.from == cur) {
                Some(h) => cur = h.to.as_str(),
                None => break,
            }
        }
        cur.to_string()
    };
    let mut per: BTreeMap<String, usize> = BTreeMap::new();
    for s in p.session.iter().filter(|s| s.kind == "household_visit") {
        for who in &s.people {
            *per.entry(post(who)).or_default() += 1;
        }
    }
    if per.is_empty() {
        0.0
    } else {
        per.values().sum::<usize>() as f64 / per.len() as f64
    }
}

/// The comparison with ids as the plans write them.
pub fn compare(plans: &[NamedPlan]) -> Comparison {
    compare_named(plans, &|_, id| id.to_string())
}

/// Whether an id in the moves names a unit or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Unit,
    Person,
}

/// The comparison with units and people in the moves as `name` gives them
/// (the command layer passes the roster's names).
pub fn compare_named(plans: &[NamedPlan], name: &dyn Fn(Named, &str) -> String) -> Comparison {
    compare_moved(plans, name, &[])
}

/// As [`compare_named`], a unit whose team changed because someone in
/// `moved` moved away or here (between townships) counted with the
/// handovers, not as a move.
pub fn compare_moved(
    plans: &[NamedPlan],
    name: &dyn Fn(Named, &str) -> String,
    moved: &[String],
) -> Comparison {
    let base = &plans[0].plan;
    let col =
        |f: &dyn Fn(&PlanFile) -> String| plans.iter().map(|p| f(&p.plan)).collect::<Vec<_>>();
    let mut figures = vec![
        (Figure::Cost, col(&|p| num(p.plan.cost))),
        (Figure::Balance, col(&|p| num(p.plan.metrics.balance_cost))),
        (Figure::Travel, col(&|p| num(p.plan.metrics.travel_cost))),
        (
            Figure::Continuity,
            col(&|p| num(p.plan.metrics.continuity_cost)),
        ),
        (
            Figure::HelperContinuity,
            col(&|p| num(p.plan.metrics.helper_continuity_cost)),
        ),
        (Figure::LowerBound, col(&|p| num(p.plan.lower_bound))),
        (Figure::Gap, col(&|p| format!("{:.2}%", p.plan.gap * 100.0))),
        (Figure::Status, col(&|p| p.plan.status.clone())),
        (
            Figure::MaxDeviation,
            col(&|p| format!("{:.1}%", p.plan.metrics.max_deviation_pct)),
        ),
        (
            Figure::TourMinutes,
            col(&|p| num(p.plan.metrics.tour_minutes_total)),
        ),
        (
            Figure::LongestTour,
            col(&|p| num(p.leader.iter().map(|l| l.tour_minutes).fold(0.0, f64::max))),
        ),
        (
            Figure::TeamsChanged,
            col(&|p| teams_changed(base, p, moved).to_string()),
        ),
        (
            Figure::StationSessions,
            col(&|p| p.plan.metrics.station_sessions.to_string()),
        ),
        (
            Figure::Makeups,
            col(&|p| p.plan.metrics.makeup_sessions.to_string()),
        ),
        (
            Figure::Shortfalls,
            col(&|p| p.plan.metrics.shortfall_sessions.to_string()),
        ),
        (Figure::Warnings, col(&|p| p.warning.len().to_string())),
        (
            Figure::VisitSessions,
            col(&|p| p.plan.metrics.household_visit_sessions.to_string()),
        ),
        (
            Figure::VisitsPerPerson,
            col(&|p| format!("{:.1}", visits_per_person(p))),
        ),
    ];
    // Successions, where any plan has one, on their own row after the teams changed.
    if plans.iter().any(|p| !p.plan.handover.is_empty()) || !moved.is_empty() {
        let row = if moved.is_empty() {
            Figure::HandedOver
        } else {
            Figure::HandedOrMoved
        };
        let at = figures
            .iter()
            .position(|(f, _)| *f == Figure::TeamsChanged)
            .map_or(figures.len(), |i| i + 1);
        figures.insert(
            at,
            (row, col(&|p| units_handed_over(base, p, moved).to_string())),
        );
    }
    let teams: Vec<_> = plans.iter().map(|p| team_of(&p.plan)).collect();
    let bases: Vec<_> = plans.iter().map(|p| handed_over(base, &p.plan)).collect();
    let mut order: Vec<&str> = Vec::new();
    for p in plans {
        for a in &p.plan.assignment {
            if !order.contains(&a.unit.as_str()) {
                order.push(&a.unit);
            }
        }
    }
    let moves = order
        .into_iter()
        .filter(|u| {
            teams
                .iter()
                .zip(&bases)
                .any(|(t, b)| t.get(u) != b.get(u) && !by_transfer(b.get(u), t.get(u), moved))
        })
        .map(|u| {
            let members: Vec<Option<(String, Vec<String>)>> = teams
                .iter()
                .map(|t| {
                    t.get(u).map(|(leader, helpers)| {
                        (
                            name(Named::Person, leader),
                            helpers.iter().map(|h| name(Named::Person, h)).collect(),
                        )
                    })
                })
                .collect();
            UnitMove {
                unit: name(Named::Unit, u),
                teams: said_teams(&members, Lang::En),
                members,
            }
        })
        .collect();
    Comparison {
        names: plans.iter().map(|p| p.name.clone()).collect(),
        figures,
        moves,
    }
}

/// Each plan's team of a unit in `lang`, "—" where the plan lacks the unit.
fn said_teams(members: &[Option<(String, Vec<String>)>], lang: Lang) -> Vec<String> {
    members
        .iter()
        .map(|m| match m {
            Some((leader, helpers)) => crate::wording::names::team(leader, helpers, lang),
            None => "—".to_string(),
        })
        .collect()
}

/// The figures a planner weighs first, in this order; the rest keep theirs.
const PLANNER_FIRST: [Figure; 6] = [
    Figure::Shortfalls,
    Figure::Makeups,
    Figure::VisitsPerPerson,
    Figure::MaxDeviation,
    Figure::TourMinutes,
    Figure::LongestTour,
];

/// Puts the planner's figures first (what-if leads with staffing, make-ups,
/// visit load, loads and tours; the score and its parts follow).
pub fn planner_first(c: &mut Comparison) {
    let rank = |f: &Figure| {
        PLANNER_FIRST
            .iter()
            .position(|x| x == f)
            .unwrap_or(PLANNER_FIRST.len())
    };
    c.figures.sort_by_key(|(f, _)| rank(f));
}

/// Variants (by position, the base being 0) whose score is lower than the
/// base's while more sessions go without a township member: (score, short)
/// of the variant and of the base.
pub fn better_score_worse_staffing(c: &Comparison) -> Vec<(usize, [String; 4])> {
    let row = |f: Figure| c.figures.iter().find(|(x, _)| *x == f).map(|r| &r.1);
    let (Some(cost), Some(short)) = (row(Figure::Cost), row(Figure::Shortfalls)) else {
        return Vec::new();
    };
    let n = |s: &String| s.parse::<f64>().unwrap_or(f64::NAN);
    (1..c.names.len())
        .filter(|&i| n(&cost[i]) < n(&cost[0]) && n(&short[i]) > n(&short[0]))
        .map(|i| {
            (
                i,
                [
                    cost[i].clone(),
                    cost[0].clone(),
                    short[i].clone(),
                    short[0].clone(),
                ],
            )
        })
        .collect()
}

/// A terminal table padded by display width (wording's one table layout),
/// with a rule under the heading.
fn grid(header: &[String], rows: &[Vec<String>]) -> String {
    let rows: Vec<Row> = rows.iter().cloned().map(Row::Cells).collect();
    table::grid("", header, &rows, &[], true)
}

pub fn render(c: &Comparison, format: Format, lang: Lang) -> String {
    let handed = c
        .figures
        .iter()
        .any(|(f, vals)| *f == Figure::HandedOver && vals.iter().any(|v| v != "0"));
    let transfer = c
        .figures
        .iter()
        .any(|(f, vals)| *f == Figure::HandedOrMoved && vals.iter().any(|v| v != "0"));
    let figure_rows: Vec<Vec<String>> = c
        .figures
        .iter()
        .map(|(f, vals)| {
            // Status values are words: said in the run's language.
            let said = vals.iter().map(|v| {
                if *f == Figure::Status {
                    crate::wording::terms::status(v, lang).to_string()
                } else {
                    v.clone()
                }
            });
            std::iter::once(f.label(lang)).chain(said).collect()
        })
        .collect();
    // The table and Markdown say a team in the run's language; CSV and
    // TOML keep one stable form ("leader + a, b").
    let moves_in = |lang: Lang| -> Vec<Vec<String>> {
        c.moves
            .iter()
            .map(|m| {
                let teams = if m.members.is_empty() {
                    m.teams.clone()
                } else {
                    said_teams(&m.members, lang)
                };
                std::iter::once(m.unit.clone()).chain(teams).collect()
            })
            .collect()
    };
    let move_rows = moves_in(Lang::En);
    let said_rows = moves_in(lang);
    let header = |first: String| -> Vec<String> {
        std::iter::once(first)
            .chain(c.names.iter().cloned())
            .collect()
    };
    match format {
        Format::Table => {
            let mut out = grid(&header(String::new()), &figure_rows);
            out += "\n";
            out += &moves_heading(handed, transfer, lang);
            out += "\n";
            if c.moves.is_empty() {
                out += &no_moves(handed, transfer, lang);
                out += "\n";
            } else {
                out += &grid(&header(Figure::unit_label(lang)), &said_rows);
            }
            out
        }
        Format::Markdown => {
            let md = |h: Vec<String>, rows: &[Vec<String>]| {
                let mut s = format!("| {} |\n", h.join(" | "));
                s += &format!("|{}\n", " --- |".repeat(h.len()));
                for r in rows {
                    s += &format!("| {} |\n", r.join(" | "));
                }
                s
            };
            let mut out = md(header(String::new()), &figure_rows);
            out += &format!("\n### {}\n\n", moves_heading(handed, transfer, lang));
            if c.moves.is_empty() {
                out += &no_moves(handed, transfer, lang);
                out += "\n";
            } else {
                out += &md(header(Figure::unit_label(lang)), &said_rows);
            }
            out
        }
        Format::Csv => {
            // A byte-order mark, as every CSV we write: Excel then reads
            // the Chinese names as UTF-8.
            let mut out = String::from("\u{feff}");
            let mut put = |r: &[String]| out += &(crate::export::csv::row(r) + "\n");
            put(&header("figure".into()));
            let keyed: Vec<Vec<String>> = c
                .figures
                .iter()
                .map(|(f, vals)| {
                    std::iter::once(f.key().to_string())
                        .chain(vals.iter().cloned())
                        .collect()
                })
                .collect();
            for r in &keyed {
                put(r);
            }
            for r in &move_rows {
                let mut r = r.clone();
                r[0] = format!("unit:{}", r[0]);
                put(&r);
            }
            out
        }
        Format::Toml => {
            let mut doc = toml::Table::new();
            doc.insert(
                "plans".into(),
                toml::Value::Array(
                    c.names
                        .iter()
                        .map(|n| toml::Value::String(n.clone()))
                        .collect(),
                ),
            );
            let mut figs = toml::Table::new();
            for (f, vals) in &c.figures {
                figs.insert(
                    f.key().into(),
                    toml::Value::Array(
                        vals.iter()
                            .map(|v| toml::Value::String(v.clone()))
                            .collect(),
                    ),
                );
            }
            doc.insert("figures".into(), toml::Value::Table(figs));
            let moves = c
                .moves
                .iter()
                .map(|m| {
                    let mut t = toml::Table::new();
                    t.insert("unit".into(), toml::Value::String(m.unit.clone()));
                    t.insert(
                        "teams".into(),
                        toml::Value::Array(
                            m.teams
                                .iter()
                                .map(|s| toml::Value::String(s.clone()))
                                .collect(),
                        ),
                    );
                    toml::Value::Table(t)
                })
                .collect();
            doc.insert("move".into(), toml::Value::Array(moves));
            toml::to_string(&doc).expect("tables of strings serialise")
        }
    }
}
