//! Checks that need the whole roster: ids, references between sections, the
//! year, the road network, and whether the counts can work at all. Each check
//! is its own function; every one reports all it finds.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::guess::guess;
use super::read::{Cx, did_you_mean};
use crate::model::*;
use crate::network::Network;
use crate::wording::roster::RosterSaid;
use crate::wording::slot_helpers::SlotHelper;

fn at(section: &str, id: Option<&str>, field: &str, line: Option<usize>) -> Place {
    Place {
        section: section.to_string(),
        id: id.map(str::to_string),
        field: (!field.is_empty()).then(|| field.to_string()),
        line,
        column: None,
    }
}

/// A place in one of the single sections, with its header's line.
fn in_section(r: &Roster, section: &str, field: &str) -> Place {
    at(section, None, field, r.section_lines.get(section).copied())
}

pub(super) fn check(cx: &Cx, r: &mut Roster) {
    nonempty(cx, r);
    ids(cx, r);
    attendees_by_name(r);
    succeeds_by_name(r);
    references(cx, r);
    dates_in_year(cx, r);
    service_dates(cx, r);
    roads(cx, r);
    junctions(cx, r);
    counts(cx, r);
    needs(cx, r);
    own_helpers(cx, r);
    slot_capacity(cx, r);
}

fn nonempty(cx: &Cx, r: &Roster) {
    if r.units.is_empty() {
        cx.report(at("[[unit]]", None, "", None), RosterSaid::NoUnits);
    }
    if r.cadres.is_empty() {
        cx.report(at("[[cadre]]", None, "", None), RosterSaid::NoCadres);
    }
}

/// The longest id a unit, cadre or helper may have, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Ids are unique across units, cadres and helpers, not empty, not too
/// long, and no person's id is an attendee group's; indices are built here.
fn ids(cx: &Cx, r: &mut Roster) {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut note = |section: &str, id: &str, line: Option<usize>| {
        let place = || at(section, Some(id), "id", line);
        if id.is_empty() {
            cx.report(place(), RosterSaid::EmptyId);
        } else if id.chars().count() > MAX_ID_CHARS {
            cx.report(place(), RosterSaid::IdTooLong { max: MAX_ID_CHARS });
        } else if section != "[[unit]]" && ["all-cadres", "all-helpers"].contains(&id) {
            cx.report(place(), RosterSaid::ReservedId { id: id.to_string() });
        }
        if let Some(first) = seen.get(id) {
            cx.report(
                at(section, Some(id), "id", line),
                RosterSaid::DuplicateId {
                    id: id.to_string(),
                    first: first.clone(),
                },
            );
        } else {
            let where_ = match line {
                Some(l) => format!("{section} (line {l})"),
                None => section.to_string(),
            };
            seen.insert(id.to_string(), where_);
        }
    };
    for u in &r.units {
        note("[[unit]]", &u.id, u.line);
    }
    for c in &r.cadres {
        note("[[cadre]]", &c.id, c.line);
    }
    for h in &r.helpers {
        note("[[helper]]", &h.id, h.line);
    }
    r.reindex();
}

fn references(cx: &Cx, r: &Roster) {
    let units = || r.units.iter().map(|u| (u.id.as_str(), u.name.as_str()));
    let unknown_unit = |id: &str| RosterSaid::UnknownUnit {
        id: id.to_string(),
        suggestion: guess(id, units()),
    };
    for c in &r.cadres {
        if let Some(h) = &c.home_unit
            && r.unit_index(h).is_none()
        {
            cx.report(
                at("[[cadre]]", Some(&c.id), "home_unit", c.line),
                unknown_unit(h),
            );
        }
    }
    for h in &r.helpers {
        if let Some(u) = &h.unit
            && r.unit_index(u).is_none()
        {
            cx.report(
                at("[[helper]]", Some(&h.id), "unit", h.line),
                unknown_unit(u),
            );
        }
    }
    let people: Vec<(&str, &str)> = r
        .cadres
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .chain(r.helpers.iter().map(|h| (h.id.as_str(), h.name.as_str())))
        .chain([("all-cadres", ""), ("all-helpers", "")])
        .collect();
    for m in &r.meetings {
        for a in &m.attendees {
            if let Attendee::Person(id) = a
                && r.cadre_index(id).is_none()
                && r.helper_index(id).is_none()
            {
                cx.report(
                    at("[[meeting]]", Some(&m.title), "attendees", m.line),
                    RosterSaid::UnknownPerson {
                        id: id.clone(),
                        suggestion: guess(id, people.iter().copied()),
                    },
                );
            }
        }
    }
    handovers(cx, r);
}

/// A `succeeds` that is no id but exactly one other person's name (of the
/// same kind, cadre or helper) is read as that person's id, with a note.
fn succeeds_by_name(r: &mut Roster) {
    let mut notes = Vec::new();
    let cadre_names: Vec<(String, String)> = r
        .cadres
        .iter()
        .map(|c| (c.name.clone(), c.id.clone()))
        .collect();
    let helper_names: Vec<(String, String)> = r
        .helpers
        .iter()
        .map(|h| (h.name.clone(), h.id.clone()))
        .collect();
    let is_id = |r: &Roster, a: &str| r.cadre_index(a).is_some() || r.helper_index(a).is_some();
    let mut resolve = |who: (&str, &str), s: &str, names: &[(String, String)], line| {
        let ids: Vec<&String> = names
            .iter()
            .filter(|(n, id)| n == s && id != who.0)
            .map(|(_, id)| id)
            .collect();
        let [id] = ids[..] else { return None };
        notes.push(RosterNote::SucceedsByName {
            who: who.1.to_string(),
            name: s.to_string(),
            id: id.clone(),
            line,
        });
        Some(id.clone())
    };
    for i in 0..r.cadres.len() {
        let Some(s) = r.cadres[i].succeeds.clone() else {
            continue;
        };
        if !is_id(r, &s)
            && let Some(id) = resolve(
                (&r.cadres[i].id, &r.cadres[i].name),
                &s,
                &cadre_names,
                r.cadres[i].line,
            )
        {
            r.cadres[i].succeeds = Some(id);
        }
    }
    for i in 0..r.helpers.len() {
        let Some(s) = r.helpers[i].succeeds.clone() else {
            continue;
        };
        if !is_id(r, &s)
            && let Some(id) = resolve(
                (&r.helpers[i].id, &r.helpers[i].name),
                &s,
                &helper_names,
                r.helpers[i].line,
            )
        {
            r.helpers[i].succeeds = Some(id);
        }
    }
    r.notes.extend(notes);
}

/// A meeting attendee that is no id but exactly one person's name is read
/// as that person's id, with a note: planners think in names.
fn attendees_by_name(r: &mut Roster) {
    let mut notes = Vec::new();
    let is_id = |r: &Roster, a: &str| r.cadre_index(a).is_some() || r.helper_index(a).is_some();
    for mi in 0..r.meetings.len() {
        for ai in 0..r.meetings[mi].attendees.len() {
            let Attendee::Person(a) = &r.meetings[mi].attendees[ai] else {
                continue;
            };
            if is_id(r, a) {
                continue;
            }
            let ids: Vec<&str> = r
                .cadres
                .iter()
                .filter(|c| c.name == *a)
                .map(|c| c.id.as_str())
                .chain(
                    r.helpers
                        .iter()
                        .filter(|h| h.name == *a)
                        .map(|h| h.id.as_str()),
                )
                .collect();
            if let [id] = ids[..] {
                let m = &r.meetings[mi];
                notes.push(RosterNote::AttendeeByName {
                    title: m.title.clone(),
                    name: a.clone(),
                    id: id.to_string(),
                    line: m.line,
                });
                let id = id.to_string();
                r.meetings[mi].attendees[ai] = Attendee::Person(id);
            }
        }
    }
    r.notes.extend(notes);
}

/// `succeeds`: a unit is never a predecessor; a predecessor standing in this
/// roster is of the same kind (cadre or helper), and the handover has a date
/// (the successor's `joins` or the predecessor's `leaves`, the same day when
/// both are given). A name in neither roster nor previous plan is checked
/// where the previous plan is known (`replan`, `validate --previous`).
fn handovers(cx: &Cx, r: &Roster) {
    let succ = r
        .cadres
        .iter()
        .map(|c| ("[[cadre]]", &c.id, &c.succeeds, c.joins, c.line, true))
        .chain(
            r.helpers
                .iter()
                .map(|h| ("[[helper]]", &h.id, &h.succeeds, h.joins, h.line, false)),
        );
    for (section, id, succeeds, joins, line, cadre) in succ {
        let Some(s) = succeeds else { continue };
        let place = at(section, Some(id), "succeeds", line);
        let leaves = if let Some(c) = r.cadre_index(s) {
            cadre.then_some(r.cadres[c].leaves)
        } else if let Some(h) = r.helper_index(s) {
            (!cadre).then_some(r.helpers[h].leaves)
        } else {
            if r.unit_index(s).is_some() || s == id {
                cx.report(place, RosterSaid::UnknownPredecessor { id: s.clone() });
            } else if let Some((who, name)) = near_leaver(r, s, id, cadre) {
                // Close to someone here who leaves: a typo, whose handover
                // would silently be dropped. A name near nobody may be a
                // predecessor gone before this roster (checked with --previous).
                cx.report(
                    place,
                    RosterSaid::NoSuchPredecessor {
                        id: s.clone(),
                        suggestion: Some(who),
                        suggestion_name: name,
                        previous: false,
                    },
                );
            }
            continue;
        };
        let Some(leaves) = leaves else {
            cx.report(place, RosterSaid::SucceedsOtherKind { id: s.clone() });
            continue;
        };
        match (joins, leaves) {
            (None, None) => cx.report(place, RosterSaid::HandoverNoDate { id: s.clone() }),
            (Some(j), Some(l)) if j != l => cx.report(
                at(section, Some(id), "joins", line),
                RosterSaid::HandoverDatesDiffer {
                    id: s.clone(),
                    joins: j.to_string(),
                    leaves: l.to_string(),
                },
            ),
            _ => {}
        }
    }
}

/// The person of this roster `s` is nearest to, by id or name, among those
/// of the same kind who leave and whom nobody else succeeds: the
/// predecessor a mistyped `succeeds` meant. Their id and name.
fn near_leaver(r: &Roster, s: &str, me: &str, cadre: bool) -> Option<(String, Option<String>)> {
    let taken = |x: &str| {
        r.cadres
            .iter()
            .any(|c| c.id != me && c.succeeds.as_deref() == Some(x))
            || r.helpers
                .iter()
                .any(|h| h.id != me && h.succeeds.as_deref() == Some(x))
    };
    let open: Vec<(&str, &str)> = if cadre {
        r.cadres
            .iter()
            .filter(|c| c.leaves.is_some())
            .map(|c| (c.id.as_str(), c.name.as_str()))
            .collect()
    } else {
        r.helpers
            .iter()
            .filter(|h| h.leaves.is_some())
            .map(|h| (h.id.as_str(), h.name.as_str()))
            .collect()
    };
    let open: Vec<(&str, &str)> = open
        .into_iter()
        .filter(|(i, _)| *i != me && !taken(i))
        .collect();
    // The shared guess (a trial's C05 for G05 was too short for the old
    // similarity to catch, and the handover was silently dropped).
    let g = super::guess::guess(s, open)?;
    Some((g.id, g.name))
}

fn dates_in_year(cx: &Cx, r: &Roster) {
    let year = r.township.year;
    let outside = |d: NaiveDate| d.year() != year;
    let say = |d: NaiveDate| RosterSaid::DateOutsideYear {
        date: d.to_string(),
        year,
    };
    // A repeat may run on past the year, but not past the next one.
    let (first, last) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year + 1, 12, 31),
    );
    for m in &r.meetings {
        if outside(m.date) {
            cx.report(
                at("[[meeting]]", Some(&m.title), "date", m.line),
                say(m.date),
            );
        }
        if let (Some(until), Some(first), Some(last)) = (m.until, first, last)
            && until > last
        {
            cx.report(
                at("[[meeting]]", Some(&m.title), "until", m.line),
                RosterSaid::DateOutOfRange {
                    date: until.to_string(),
                    first: first.to_string(),
                    last: last.to_string(),
                },
            );
        }
    }
    // An away period may run over New Year; one that misses the year entirely is a mistake.
    let people = r
        .cadres
        .iter()
        .map(|c| ("[[cadre]]", &c.id, &c.away, c.line))
        .chain(
            r.helpers
                .iter()
                .map(|h| ("[[helper]]", &h.id, &h.away, h.line)),
        );
    for (section, id, away, line) in people {
        for p in away {
            if p.to.year() < year || p.from.year() > year {
                cx.report(
                    at(section, Some(id), "away", line),
                    say(if p.from.year() > year { p.from } else { p.to }),
                );
            }
        }
    }
}

/// `joins` and `leaves` fall inside the year, and nobody leaves before joining.
fn service_dates(cx: &Cx, r: &Roster) {
    let year = r.township.year;
    let people = r
        .cadres
        .iter()
        .map(|c| ("[[cadre]]", &c.id, c.joins, c.leaves, c.line))
        .chain(
            r.helpers
                .iter()
                .map(|h| ("[[helper]]", &h.id, h.joins, h.leaves, h.line)),
        );
    for (section, id, joins, leaves, line) in people {
        for (field, d) in [("joins", joins), ("leaves", leaves)] {
            if let Some(d) = d
                && d.year() != year
            {
                cx.report(
                    at(section, Some(id), field, line),
                    RosterSaid::DateOutsideYear {
                        date: d.to_string(),
                        year,
                    },
                );
            }
        }
        if let (Some(j), Some(l)) = (joins, leaves)
            && l <= j
        {
            cx.report(
                at(section, Some(id), "leaves", line),
                RosterSaid::EndBeforeStart {
                    start: j.to_string(),
                    end: l.to_string(),
                },
            );
        }
    }
}

fn roads(cx: &Cx, r: &mut Roster) {
    let office = r.township.office.clone();
    let unit_nodes: BTreeSet<&str> = r.units.iter().map(|u| u.node.as_str()).collect();
    let mut ends: BTreeMap<&str, usize> = BTreeMap::new();
    for road in &r.roads {
        *ends.entry(road.from.as_str()).or_default() += 1;
        *ends.entry(road.to.as_str()).or_default() += 1;
    }
    let known: Vec<&str> = unit_nodes
        .iter()
        .copied()
        .chain([office.as_str()])
        .collect();
    let mut bad_end = false;
    for road in &r.roads {
        for (field, node) in [("from", &road.from), ("to", &road.to)] {
            if node != &office && !unit_nodes.contains(node.as_str()) && ends[node.as_str()] < 2 {
                bad_end = true;
                cx.report(
                    at("[[road]]", None, field, road.line),
                    RosterSaid::RoadEndUnknown {
                        node: node.clone(),
                        suggestion: did_you_mean(node, known.iter().copied()),
                        township: r.township.name.clone(),
                    },
                );
            }
        }
    }
    let all_at_office = r.units.iter().all(|u| u.node == office);
    if !ends.contains_key(office.as_str()) && !all_at_office {
        cx.report(
            in_section(r, "[township]", "office"),
            RosterSaid::OfficeNotOnRoads {
                office: office.clone(),
                township: r.township.name.clone(),
            },
        );
        return;
    }
    let net = Network::build(&r.roads);
    r.travel = net.travel(&office, &r.units);
    if bad_end {
        return;
    }
    for (i, u) in r.units.iter().enumerate() {
        let label = format!("{}（{}）", u.name, u.id);
        match r.travel.office_to_unit[i] {
            None => cx.report(
                at(
                    "[[unit]]",
                    Some(&u.id),
                    if u.node != u.id { "node" } else { "" },
                    u.line,
                ),
                RosterSaid::Unreachable {
                    unit: label,
                    office: office.clone(),
                    township: r.township.name.clone(),
                },
            ),
            Some(m) if m > r.policy.max_travel_minutes + 1e-9 => cx.report(
                at("[[unit]]", Some(&u.id), "", u.line),
                RosterSaid::TooFar {
                    unit: label,
                    minutes: m,
                    max: r.policy.max_travel_minutes,
                    township: r.township.name.clone(),
                },
            ),
            _ => {}
        }
    }
}

/// Leaders' summed bounds must be able to cover the units exactly. Teams
/// are planned for the year's end, so someone who leaves during the year is
/// not counted: a predecessor and successor share one post.
fn counts(cx: &Cx, r: &Roster) {
    if r.cadres.is_empty() || r.units.is_empty() {
        return;
    }
    let leaders: Vec<usize> = (0..r.cadres.len())
        .filter(|&c| !r.away_all_year(&r.cadres[c].away) && !leaves_in_year(r, &r.cadres[c].id))
        .collect();
    let (min_sum, max_sum) = leaders.iter().fold((0, 0), |(a, b), &c| {
        let (lo, hi) = r.bounds_of(c);
        (a + lo, b + hi)
    });
    let n = r.units.len();
    let uniform = {
        let his: BTreeSet<usize> = leaders.iter().map(|&c| r.bounds_of(c).1).collect();
        (his.len() == 1).then(|| *his.iter().next().expect("one element"))
    };
    let place = in_section(r, "[policy]", "units_per_leader");
    if n > max_sum {
        cx.report(
            place,
            RosterSaid::TooManyUnits {
                units: n,
                leaders: leaders.len(),
                places: max_sum,
                uniform_max: uniform,
            },
        );
    } else if n < min_sum {
        cx.report(
            place,
            RosterSaid::TooFewUnits {
                units: n,
                leaders: leaders.len(),
                places: min_sum,
            },
        );
    }
}

/// True when `id` leaves (or hands over) during the year being planned.
fn leaves_in_year(r: &Roster, id: &str) -> bool {
    r.service(id).1.is_some_and(|l| l.year() <= r.township.year)
}

fn needs(cx: &Cx, r: &Roster) {
    for u in &r.units {
        for need in &u.needs {
            let by_cadre = r.cadres.iter().any(|c| c.skills.contains(need));
            let by_helper = r
                .helpers
                .iter()
                .any(|h| h.skills.contains(need) && r.may_serve(h, u));
            if !by_cadre && !by_helper {
                cx.report(
                    at("[[unit]]", Some(&u.id), "needs", u.line),
                    RosterSaid::NeedNobodyHas { need: need.clone() },
                );
            }
        }
    }
}

fn own_helpers(cx: &Cx, r: &Roster) {
    for (i, slot) in r.policy.team.iter().enumerate() {
        if !slot.from_unit {
            continue;
        }
        // Those of the slot's roles whose unit was left blank: perhaps meant here.
        let unplaced: Vec<SlotHelper> = r
            .helpers
            .iter()
            .filter(|h| h.unit.is_none() && slot.roles.contains(&h.role))
            .map(|h| SlotHelper::of(r, h))
            .collect();
        // A helper of the slot's roles whose 所属村居 names no unit (said at
        // the helper, with the nearest name) most likely meant one: that
        // unit is not told to add someone, since fixing the typo fills it.
        let meant: Vec<usize> = r
            .helpers
            .iter()
            .filter(|h| slot.roles.contains(&h.role))
            .filter_map(|h| h.unit.as_deref())
            .filter(|u| r.unit_index(u).is_none())
            .filter_map(|u| meant_unit(r, u))
            .collect();
        for (ui, u) in r.units.iter().enumerate() {
            let has = r
                .helpers
                .iter()
                .any(|h| h.unit.as_deref() == Some(&u.id) && slot.roles.contains(&h.role));
            if !has && !meant.contains(&ui) {
                cx.report(
                    at("[[unit]]", Some(&u.id), "", u.line),
                    RosterSaid::NoOwnHelper {
                        slot: i + 1,
                        roles: slot.roles.clone(),
                        unplaced: unplaced.clone(),
                    },
                );
            }
        }
    }
}

/// The unit a unit reference that names none most likely meant: the
/// nearest name (a workbook's cells take names), else the nearest id.
fn meant_unit(r: &Roster, given: &str) -> Option<usize> {
    let names = || r.units.iter().map(|u| u.name.as_str());
    let ids = || r.units.iter().map(|u| u.id.as_str());
    if let Some(n) = crate::workbook::schema::nearest_or_alike(given, names()) {
        return r.units.iter().position(|u| u.name == n);
    }
    did_you_mean(given, ids()).and_then(|id| r.unit_index(&id))
}

/// Township-wide slots: the helpers who can fill them must have enough teams between them.
fn slot_capacity(cx: &Cx, r: &Roster) {
    let team_roles: Vec<(usize, &TeamSlot)> = r
        .policy
        .team
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.from_unit)
        .collect();
    for (i, slot) in team_roles {
        let pool: Vec<&Helper> = r
            .helpers
            .iter()
            .filter(|h| {
                h.unit.is_none()
                    && slot.roles.contains(&h.role)
                    && !r.away_all_year(&h.away)
                    && !leaves_in_year(r, &h.id)
            })
            .collect();
        let capacity: usize = pool.iter().map(|h| h.max_teams).sum();
        // Unit-bound helpers of an allowed role can fill their own unit's slot.
        let bound: Vec<&Helper> = r
            .helpers
            .iter()
            .filter(|h| h.unit.is_some() && slot.roles.contains(&h.role))
            .collect();
        let own: usize = r
            .units
            .iter()
            .filter(|u| bound.iter().any(|h| h.unit.as_deref() == Some(&u.id)))
            .count();
        let n = r.units.len();
        if capacity + own < n {
            let helpers = pool
                .iter()
                .chain(&bound)
                .map(|h| SlotHelper::of(r, h))
                .collect();
            cx.report(
                in_section(r, "[policy]", "team"),
                RosterSaid::SlotShort {
                    slot: i + 1,
                    roles: slot.roles.clone(),
                    units: n,
                    teams: capacity + own,
                    helpers,
                },
            );
        }
    }
}

/// A `[[junction]]` names a node some road reaches, once.
fn junctions(cx: &Cx, r: &Roster) {
    let ends: BTreeSet<&str> = r
        .roads
        .iter()
        .flat_map(|x| [x.from.as_str(), x.to.as_str()])
        .collect();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for j in &r.junctions {
        if !ends.contains(j.id.as_str()) {
            cx.report(
                at("[[junction]]", Some(&j.id), "id", j.line),
                RosterSaid::JunctionNotOnRoads {
                    suggestion: did_you_mean(&j.id, ends.iter().copied()),
                },
            );
        } else if !seen.insert(j.id.as_str()) {
            cx.report(
                at("[[junction]]", Some(&j.id), "id", j.line),
                RosterSaid::JunctionTwice,
            );
        }
    }
}
