//! Hard rules 1–4 on the plan's `[[assignment]]`s, and the cost recomputed
//! from scratch: loads, target, deviations, best tours (exact, over every
//! visiting order), change counts against a previous plan, and every stated
//! figure compared with what it should be.

use std::collections::{BTreeMap, BTreeSet};

use super::planfile::{Plan, Previous, RawAssignment};
use super::{Recomputed, Violation, close};
use crate::model::Roster;
use crate::wording::Lang;
use crate::wording::check::{CheckSaid, Note, Rule, unit_label};

/// Who is on each unit's team, as the plan says (first assignment of a unit).
#[derive(Debug, Clone, Default)]
pub struct Team {
    pub leader: Option<usize>,
    /// Helper indices of the slots, in slot order (unknown ids left out).
    pub slots: Vec<usize>,
    pub assist: Vec<usize>,
}

/// The plan's teams, unit by unit in roster order, and each leader's units.
pub struct Teams {
    pub of_unit: Vec<Team>,
    pub units_of_cadre: Vec<Vec<usize>>,
}

pub fn teams(roster: &Roster, assignments: &[RawAssignment]) -> Teams {
    let mut of_unit = vec![Team::default(); roster.units.len()];
    let mut seen = vec![false; roster.units.len()];
    let mut units_of_cadre = vec![Vec::new(); roster.cadres.len()];
    for a in assignments {
        let Some(u) = roster.unit_index(&a.unit) else {
            continue;
        };
        if std::mem::replace(&mut seen[u], true) {
            continue;
        }
        let leader = roster.cadre_index(&a.leader);
        if let Some(l) = leader {
            units_of_cadre[l].push(u);
        }
        of_unit[u] = Team {
            leader,
            slots: a
                .helpers
                .iter()
                .filter_map(|h| roster.helper_index(h))
                .collect(),
            assist: a
                .assist
                .iter()
                .filter_map(|h| roster.helper_index(h))
                .collect(),
        };
    }
    for us in &mut units_of_cadre {
        us.sort_unstable();
    }
    Teams {
        of_unit,
        units_of_cadre,
    }
}

pub(super) fn v(
    rule: Rule,
    unit: Option<&str>,
    person: Option<&str>,
    said: CheckSaid,
) -> Violation {
    Violation {
        rule,
        unit: unit.map(str::to_string),
        person: person.map(str::to_string),
        date: None,
        said,
    }
}

/// Hard rules 1–4.
pub fn hard_rules(roster: &Roster, plan: &Plan, teams: &Teams, out: &mut Vec<Violation>) {
    // Rule 1: every unit exactly once, every leader a cadre, bounds kept.
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &plan.assignments {
        *count.entry(a.unit.as_str()).or_default() += 1;
        if roster.unit_index(&a.unit).is_none() {
            out.push(v(Rule::Leader, Some(&a.unit), None, CheckSaid::UnknownUnit));
        }
        if roster.cadre_index(&a.leader).is_none() {
            out.push(v(
                Rule::Leader,
                Some(&a.unit),
                Some(&a.leader),
                CheckSaid::LeaderNotCadre,
            ));
        }
    }
    for u in &roster.units {
        match count.get(u.id.as_str()).copied().unwrap_or(0) {
            0 => out.push(v(Rule::Leader, Some(&u.id), None, CheckSaid::NoLeader)),
            1 => {}
            n => out.push(v(
                Rule::Leader,
                Some(&u.id),
                None,
                CheckSaid::AssignedTwice { times: n },
            )),
        }
    }
    for (l, c) in roster.cadres.iter().enumerate() {
        let n = teams.units_of_cadre[l].len();
        let (lo, hi) = roster.bounds_of(l);
        if n < lo || n > hi {
            out.push(v(
                Rule::Leader,
                None,
                Some(&c.id),
                CheckSaid::UnitCount {
                    units: n,
                    min: lo,
                    max: hi,
                },
            ));
        }
    }

    // Rules 2–4, unit by unit, on the first assignment of each unit.
    let mut teams_of_helper: BTreeMap<usize, usize> = BTreeMap::new();
    let mut done = BTreeSet::new();
    for a in &plan.assignments {
        let Some(u) = roster.unit_index(&a.unit) else {
            continue;
        };
        if !done.insert(u) {
            continue;
        }
        let unit = &roster.units[u];
        team_rules(roster, a, u, out);
        let mut on_team = BTreeSet::new();
        for id in a.helpers.iter().chain(&a.assist) {
            if let Some(h) = roster.helper_index(id)
                && !on_team.insert(h)
            {
                out.push(v(
                    Rule::Team,
                    Some(&unit.id),
                    Some(id),
                    CheckSaid::TwiceOnTeam,
                ));
            }
        }
        for h in on_team {
            *teams_of_helper.entry(h).or_default() += 1;
        }

        // Rule 3: needs, from everyone on the team.
        let mut skills: BTreeSet<&str> = BTreeSet::new();
        if let Some(l) = roster.cadre_index(&a.leader) {
            skills.extend(roster.cadres[l].skills.iter().map(String::as_str));
        }
        for id in a.helpers.iter().chain(&a.assist) {
            if let Some(h) = roster.helper_index(id) {
                skills.extend(roster.helpers[h].skills.iter().map(String::as_str));
            }
        }
        for need in &unit.needs {
            if !skills.contains(need.as_str()) {
                out.push(v(
                    Rule::Needs,
                    Some(&unit.id),
                    None,
                    CheckSaid::NeedUncovered { need: need.clone() },
                ));
            }
        }

        // Rule 4: home unit, distance, people away all year.
        if let Some(l) = roster.cadre_index(&a.leader) {
            let c = &roster.cadres[l];
            if roster.policy.avoid_home_unit && c.home_unit.as_deref() == Some(unit.id.as_str()) {
                out.push(v(
                    Rule::Placement,
                    Some(&unit.id),
                    Some(&c.id),
                    CheckSaid::HomeUnit,
                ));
            }
            if roster.away_all_year(&c.away) {
                out.push(v(
                    Rule::Placement,
                    Some(&unit.id),
                    Some(&c.id),
                    CheckSaid::AwayAllYear,
                ));
            }
        }
        let minutes = roster.travel.office_to_unit.get(u).copied().flatten();
        match minutes {
            Some(m) if m > roster.policy.max_travel_minutes + 1e-9 => out.push(v(
                Rule::Placement,
                Some(&unit.id),
                None,
                CheckSaid::TooFar {
                    minutes: m,
                    max: roster.policy.max_travel_minutes,
                },
            )),
            None => out.push(v(Rule::Placement, Some(&unit.id), None, CheckSaid::NoRoad)),
            _ => {}
        }
        for id in a.helpers.iter().chain(&a.assist) {
            if let Some(h) = roster.helper_index(id)
                && roster.away_all_year(&roster.helpers[h].away)
            {
                out.push(v(
                    Rule::Placement,
                    Some(&unit.id),
                    Some(id),
                    CheckSaid::AwayAllYear,
                ));
            }
        }
    }
    for (h, n) in teams_of_helper {
        let helper = &roster.helpers[h];
        if n > helper.max_teams {
            out.push(v(
                Rule::Team,
                None,
                Some(&helper.id),
                CheckSaid::TooManyTeams {
                    teams: n,
                    max: helper.max_teams,
                },
            ));
        }
    }
}

/// Rule 2 for one team: slot count, roles, own-unit people; rule 3's assist roles.
fn team_rules(roster: &Roster, a: &RawAssignment, u: usize, out: &mut Vec<Violation>) {
    let unit = &roster.units[u];
    let slots = &roster.policy.team;
    if a.helpers.len() != slots.len() {
        out.push(v(
            Rule::Team,
            Some(&unit.id),
            None,
            CheckSaid::SlotCount {
                have: a.helpers.len(),
                want: slots.len(),
            },
        ));
    }
    for (i, id) in a.helpers.iter().enumerate() {
        let Some(h) = roster.helper_index(id) else {
            out.push(v(
                Rule::Team,
                Some(&unit.id),
                Some(id),
                CheckSaid::UnknownHelper,
            ));
            continue;
        };
        let helper = &roster.helpers[h];
        let Some(slot) = slots.get(i) else {
            continue;
        };
        if !slot.roles.contains(&helper.role) {
            out.push(v(
                Rule::Team,
                Some(&unit.id),
                Some(id),
                CheckSaid::WrongRole {
                    slot: i + 1,
                    role: helper.role,
                    allowed: slot.roles.clone(),
                },
            ));
        }
        if slot.from_unit && helper.unit.as_deref() != Some(unit.id.as_str()) {
            out.push(v(
                Rule::Team,
                Some(&unit.id),
                Some(id),
                CheckSaid::NotOwnPeople {
                    slot: i + 1,
                    belongs: helper
                        .unit
                        .as_deref()
                        .map(|b| unit_label(roster, b, Lang::En)),
                },
            ));
        } else if let Some(own) = &helper.unit
            && own != &unit.id
        {
            out.push(v(
                Rule::Team,
                Some(&unit.id),
                Some(id),
                CheckSaid::ServesOnlyOwnUnit {
                    own: unit_label(roster, own, Lang::En),
                },
            ));
        }
    }
    for id in &a.assist {
        let Some(h) = roster.helper_index(id) else {
            out.push(v(
                Rule::Needs,
                Some(&unit.id),
                Some(id),
                CheckSaid::UnknownHelper,
            ));
            continue;
        };
        let helper = &roster.helpers[h];
        if !helper.role.may_assist() {
            out.push(v(
                Rule::Needs,
                Some(&unit.id),
                Some(id),
                CheckSaid::AssistRole { role: helper.role },
            ));
        }
        if let Some(own) = &helper.unit
            && own != &unit.id
        {
            out.push(v(
                Rule::Team,
                Some(&unit.id),
                Some(id),
                CheckSaid::ServesOnlyOwnUnit {
                    own: unit_label(roster, own, Lang::En),
                },
            ));
        }
    }
}

fn office_to(roster: &Roster, u: usize) -> f64 {
    roster
        .travel
        .office_to_unit
        .get(u)
        .copied()
        .flatten()
        .unwrap_or(f64::INFINITY)
}

fn between(roster: &Roster, a: usize, b: usize) -> f64 {
    roster
        .travel
        .unit_to_unit
        .get(a)
        .and_then(|r| r.get(b))
        .copied()
        .flatten()
        .unwrap_or(f64::INFINITY)
}

/// Rosters allow at most 10 units a leader, so a plan giving a leader more
/// already breaks rule 1; past this size the exact search is not worth its
/// memory, and a nearest-neighbour route stands in.
const EXACT_UP_TO: usize = 14;

fn nearest_neighbour(roster: &Roster, units: &[usize]) -> (f64, Vec<usize>) {
    let mut left: Vec<usize> = units.to_vec();
    let mut order = Vec::with_capacity(units.len());
    let mut at: Option<usize> = None;
    while !left.is_empty() {
        let dist = |u: usize| at.map_or_else(|| office_to(roster, u), |a| between(roster, a, u));
        let k = (0..left.len())
            .min_by(|&i, &j| dist(left[i]).total_cmp(&dist(left[j])))
            .expect("units left");
        let u = left.remove(k);
        order.push(u);
        at = Some(u);
    }
    (route_minutes(roster, &order), order)
}

/// Minutes of the closed route office → units in this order → office.
fn route_minutes(roster: &Roster, order: &[usize]) -> f64 {
    let (Some(&first), Some(&last)) = (order.first(), order.last()) else {
        return 0.0;
    };
    office_to(roster, first)
        + order
            .windows(2)
            .map(|w| between(roster, w[0], w[1]))
            .sum::<f64>()
        + office_to(roster, last)
}

/// The shortest closed route through the units, in the best order: exact,
/// by dynamic programming over subsets (the same optimum as trying every
/// permutation, without n! work for a leader with many units).
pub fn best_tour(roster: &Roster, units: &[usize]) -> (f64, Vec<usize>) {
    let n = units.len();
    if n == 0 {
        return (0.0, Vec::new());
    }
    if n > EXACT_UP_TO {
        return nearest_neighbour(roster, units);
    }
    let full = 1usize << n;
    let mut cost = vec![f64::INFINITY; full * n];
    let mut prev = vec![usize::MAX; full * n];
    for i in 0..n {
        cost[(1 << i) * n + i] = office_to(roster, units[i]);
    }
    for set in 1..full {
        for last in 0..n {
            let c = cost[set * n + last];
            if set & (1 << last) == 0 || !c.is_finite() {
                continue;
            }
            for next in 0..n {
                if set & (1 << next) != 0 {
                    continue;
                }
                let s2 = set | (1 << next);
                let c2 = c + between(roster, units[last], units[next]);
                // Ties keep the first found, so the order shown is stable.
                if c2 < cost[s2 * n + next] - 1e-12 {
                    cost[s2 * n + next] = c2;
                    prev[s2 * n + next] = last;
                }
            }
        }
    }
    let mut best = (f64::INFINITY, 0);
    for last in 0..n {
        let c = cost[(full - 1) * n + last] + office_to(roster, units[last]);
        if c < best.0 - 1e-12 {
            best = (c, last);
        }
    }
    let mut order = Vec::with_capacity(n);
    let (mut set, mut last) = (full - 1, best.1);
    while last != usize::MAX && set != 0 {
        order.push(units[last]);
        let p = prev[set * n + last];
        set &= !(1 << last);
        last = p;
    }
    order.reverse();
    (best.0, order)
}

/// |x| ≤ tol, false for NaN.
pub(super) fn within(x: f64, tol: f64) -> bool {
    x.abs() <= tol
}

fn mismatch(
    rule: Rule,
    unit: Option<&str>,
    person: Option<&str>,
    field: &str,
    stated: f64,
    actual: f64,
    out: &mut Vec<Violation>,
) {
    if !close(stated, actual) {
        out.push(v(
            rule,
            unit,
            person,
            CheckSaid::Mismatch {
                field: field.to_string(),
                stated,
                actual,
            },
        ));
    }
}

/// Each leader's load, deviation and tour against their `[[leader]]` line;
/// fills the cost's terms into `r`.
pub fn cost(
    roster: &Roster,
    plan: &Plan,
    teams: &Teams,
    r: &mut Recomputed,
    out: &mut Vec<Violation>,
) {
    let target = roster.target_load();
    let office = &roster.township.office;
    let mut lines: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, l) in plan.leaders.iter().enumerate() {
        if lines.insert(l.id.as_str(), i).is_some() {
            out.push(v(Rule::Cost, None, Some(&l.id), CheckSaid::LeaderLineTwice));
        }
        if roster.cadre_index(&l.id).is_none() {
            out.push(v(
                Rule::Cost,
                None,
                Some(&l.id),
                CheckSaid::LeaderLineStranger,
            ));
        }
    }
    for (l, c) in roster.cadres.iter().enumerate() {
        let units = &teams.units_of_cadre[l];
        let load: f64 = units.iter().map(|&u| roster.workload_of(u)).sum();
        // A cadre who may not lead has no share to deviate from.
        let deviation = if target > 0.0 && roster.may_lead(l) {
            100.0 * (load - target).abs() / target
        } else {
            0.0
        };
        let (tour, order) = best_tour(roster, units);
        r.balance_cost += roster.objective.balance * deviation;
        r.travel_cost += roster.objective.travel * tour;
        r.max_deviation_pct = r.max_deviation_pct.max(deviation);
        r.tour_minutes_total += tour;
        r.leaders.push((c.id.clone(), load, deviation, tour));

        let Some(&i) = lines.get(c.id.as_str()) else {
            out.push(v(
                Rule::Cost,
                None,
                Some(&c.id),
                CheckSaid::LeaderLineMissing,
            ));
            continue;
        };
        let line = &plan.leaders[i];
        let mut stated: Vec<&str> = line.units.iter().map(String::as_str).collect();
        stated.sort_unstable();
        let mut actual: Vec<&str> = units.iter().map(|&u| roster.units[u].id.as_str()).collect();
        actual.sort_unstable();
        if stated != actual {
            out.push(v(
                Rule::Cost,
                None,
                Some(&c.id),
                CheckSaid::LeaderUnits {
                    stated: line.units.clone(),
                    actual: actual.iter().map(|s| s.to_string()).collect(),
                },
            ));
        }
        let id = Some(c.id.as_str());
        mismatch(Rule::Cost, None, id, "load", line.load, load, out);
        mismatch(
            Rule::Cost,
            None,
            id,
            "deviation_pct",
            line.deviation_pct,
            deviation,
            out,
        );
        mismatch(
            Rule::Tour,
            None,
            id,
            "tour_minutes",
            line.tour_minutes,
            tour,
            out,
        );

        // The stated route: office, the leader's units' nodes in some order, office.
        let best_nodes: Vec<String> = std::iter::once(office.clone())
            .chain(order.iter().map(|&u| roster.units[u].node.clone()))
            .chain(std::iter::once(office.clone()))
            .collect();
        if units.is_empty() && (line.tour.is_empty() || line.tour.iter().all(|n| n == office)) {
            continue;
        }
        let ends_ok = line.tour.len() >= 2
            && line.tour.first() == Some(office)
            && line.tour.last() == Some(office);
        let middle: &[String] = if ends_ok {
            &line.tour[1..line.tour.len() - 1]
        } else {
            &[]
        };
        let mut want: Vec<&str> = units
            .iter()
            .map(|&u| roster.units[u].node.as_str())
            .collect();
        want.sort_unstable();
        let mut got: Vec<&str> = middle.iter().map(String::as_str).collect();
        got.sort_unstable();
        if !ends_ok || got != want {
            out.push(v(
                Rule::Tour,
                None,
                id,
                CheckSaid::TourStops {
                    stated: line.tour.clone(),
                    office: office.clone(),
                    nodes: want.iter().map(|s| s.to_string()).collect(),
                },
            ));
            continue;
        }
        // Resolve each node to one of the leader's units (units may share a node).
        let mut left: Vec<usize> = units.clone();
        let stated_order: Vec<usize> = middle
            .iter()
            .filter_map(|n| {
                let k = left.iter().position(|&u| &roster.units[u].node == n)?;
                Some(left.remove(k))
            })
            .collect();
        let stated_minutes = route_minutes(roster, &stated_order);
        if !close(stated_minutes, tour) {
            out.push(v(
                Rule::Tour,
                None,
                id,
                CheckSaid::TourNotShortest {
                    stated: line.tour.clone(),
                    minutes: stated_minutes,
                    best: best_nodes,
                    best_minutes: tour,
                },
            ));
        }
    }
}

/// Units whose leader changed, and team slots whose helper changed, against
/// the previous plan. Someone who `succeeds` a person of the previous plan
/// takes their place, so a successor in the same seat is no change. A unit
/// (or slot) the previous plan did not have is no change either: it had no
/// leader (helper) to change from.
pub fn changes(roster: &Roster, plan: &Plan, previous: &Previous) -> (u64, u64) {
    let mut successor: BTreeMap<&str, &str> = BTreeMap::new();
    for c in &roster.cadres {
        if let Some(p) = &c.succeeds {
            successor.insert(p.as_str(), c.id.as_str());
        }
    }
    for h in &roster.helpers {
        if let Some(p) = &h.succeeds {
            successor.insert(p.as_str(), h.id.as_str());
        }
    }
    let now = |id: &str| -> String { successor.get(id).copied().unwrap_or(id).to_string() };
    let mut before: BTreeMap<&str, &RawAssignment> = BTreeMap::new();
    for a in &previous.assignment {
        before.entry(a.unit.as_str()).or_insert(a);
    }
    let (mut units, mut slots) = (0, 0);
    let mut seen = BTreeSet::new();
    for a in &plan.assignments {
        if !seen.insert(a.unit.as_str()) {
            continue;
        }
        let Some(p) = before.get(a.unit.as_str()) else {
            continue;
        };
        if now(&p.leader) != a.leader {
            units += 1;
        }
        for (i, h) in a.helpers.iter().enumerate() {
            if let Some(ph) = p.helpers.get(i)
                && &now(ph) != h
            {
                slots += 1;
            }
        }
    }
    (units, slots)
}

/// The plan's totals: cost, terms, bound and gap, against the recomputed ones.
pub fn totals(
    roster: &Roster,
    plan: &Plan,
    previous: Option<&Previous>,
    r: &mut Recomputed,
    notes: &mut Vec<Note>,
    out: &mut Vec<Violation>,
) {
    let m = &plan.metrics;
    let (units_changed, slots_changed) = match previous {
        Some(p) => changes(roster, plan, p),
        None if m.units_changed > 0 || m.slots_changed > 0 => {
            // Replanned against a plan we were not given: take its counts as
            // said (said once when the plan given is this one, kept as it was).
            if !notes.contains(&Note::SameAsPrevious) {
                notes.push(Note::ChangesUnchecked);
            }
            (m.units_changed, m.slots_changed)
        }
        None => (0, 0),
    };
    r.units_changed = units_changed;
    r.slots_changed = slots_changed;
    r.continuity_cost = roster.objective.continuity * units_changed as f64;
    r.helper_continuity_cost = roster.objective.helper_continuity * slots_changed as f64;
    r.cost = r.balance_cost + r.travel_cost + r.continuity_cost + r.helper_continuity_cost;

    let mut field = |name: &str, stated: f64, actual: f64| {
        mismatch(Rule::Cost, None, None, name, stated, actual, out)
    };
    field("cost", plan.cost, r.cost);
    field("balance_cost", m.balance_cost, r.balance_cost);
    field("travel_cost", m.travel_cost, r.travel_cost);
    field("continuity_cost", m.continuity_cost, r.continuity_cost);
    field(
        "helper_continuity_cost",
        m.helper_continuity_cost,
        r.helper_continuity_cost,
    );
    field(
        "max_deviation_pct",
        m.max_deviation_pct,
        r.max_deviation_pct,
    );
    field(
        "tour_minutes_total",
        m.tour_minutes_total,
        r.tour_minutes_total,
    );
    field(
        "units_changed",
        m.units_changed as f64,
        units_changed as f64,
    );
    field(
        "slots_changed",
        m.slots_changed as f64,
        slots_changed as f64,
    );

    // The bound must hold for the true cost; the gap is what the plan's own figures say.
    let bound_holds = plan.lower_bound <= r.cost;
    if !bound_holds && !close(plan.lower_bound, r.cost) {
        out.push(v(
            Rule::Cost,
            None,
            None,
            CheckSaid::BoundAboveCost {
                bound: plan.lower_bound,
                cost: r.cost,
            },
        ));
    }
    let gap = if r.cost.abs() > 1e-12 {
        (r.cost - plan.lower_bound) / r.cost
    } else {
        0.0
    };
    // A gap is a fraction; an absolute tolerance keeps rounding in the plan
    // from mattering. Written so that NaN fails.
    if !within(plan.gap - gap, 1e-6) {
        out.push(v(
            Rule::Cost,
            None,
            None,
            CheckSaid::Mismatch {
                field: "gap".into(),
                stated: plan.gap,
                actual: gap,
            },
        ));
    }
}
