//! Replanning (`zhudian replan`): plan a changed roster against the previous plan, so
//! that every change costs what the roster's `continuity` and
//! `helper_continuity` weights say. Successors (`succeeds`) take over their
//! predecessor's place at no cost; `--pin` keeps a unit's team; `--max-changes`
//! caps the units that change leader. Afterwards it lists exactly what
//! changed and why: who left, which units moved, which cost term paid.

use std::collections::BTreeMap;

use crate::model::Roster;
use crate::plan::{PlanFile, Warning};
use crate::planner::Previous;
use crate::wording::scenario::{ChangeSaid, Gone, ReplanSaid};
use crate::wording::{Lang, Say};

/// Who in the roster now holds the place of `old` (the same id, or a successor).
/// A successor in the roster wins over a predecessor who leaves during the
/// year (a handover inside the roster).
fn holder_cadre(r: &Roster, old: &str) -> Option<String> {
    let successor = r
        .cadres
        .iter()
        .find(|c| c.succeeds.as_deref() == Some(old))
        .map(|c| c.id.clone());
    let stays = r.cadre_index(old).is_some() && r.service(old).1.is_none();
    if stays {
        Some(old.to_string())
    } else {
        successor
    }
    .or_else(|| r.cadre_index(old).map(|_| old.to_string()))
}

fn holder_helper(r: &Roster, old: &str) -> Option<String> {
    let successor = r
        .helpers
        .iter()
        .find(|h| h.succeeds.as_deref() == Some(old))
        .map(|h| h.id.clone());
    let stays = r.helper_index(old).is_some() && r.service(old).1.is_none();
    if stays {
        Some(old.to_string())
    } else {
        successor
    }
    .or_else(|| r.helper_index(old).map(|_| old.to_string()))
}

/// What of the previous plan cannot be carried into this roster: the
/// units and people it names that the roster lacks with nothing to explain
/// it (a person who `leaves`, including a transfer to another township,
/// stays on the roster; one who is `succeeds`'d is followed), by name where
/// `before` (the previous plan's own roster, when it can still be read) or
/// the roster knows them; then the successions. A roster that merely
/// differs from the previous plan's (a handover, a transfer, any edit) is
/// no warning.
pub fn not_carried(r: &Roster, prev: &PlanFile, before: Option<&Roster>) -> Vec<ReplanSaid> {
    let lang = crate::wording::Lang::current();
    let unit_name = |id: &str| match before {
        Some(b) if b.unit_index(id).is_some() => crate::wording::names::unit(b, id, lang),
        _ => crate::wording::names::unit(r, id, lang),
    };
    let person_name = |id: &str| match before {
        Some(b) if b.cadre_index(id).is_some() || b.helper_index(id).is_some() => {
            crate::wording::names::person(b, id, lang)
        }
        _ => crate::wording::names::person(r, id, lang),
    };
    let mut out = Vec::new();
    let mut units: Vec<String> = Vec::new();
    let mut gone_people: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in &prev.assignment {
        if r.unit_index(&a.unit).is_none() {
            units.push(unit_name(&a.unit));
            continue;
        }
        if holder_cadre(r, &a.leader).is_none() {
            gone_people
                .entry(a.leader.clone())
                .or_default()
                .push(unit_name(&a.unit));
        }
        for h in a.helpers.iter().chain(&a.assist) {
            if holder_helper(r, h).is_none() {
                let held = gone_people.entry(h.clone()).or_default();
                let name = unit_name(&a.unit);
                if !held.contains(&name) {
                    held.push(name);
                }
            }
        }
    }
    if !units.is_empty() || !gone_people.is_empty() {
        out.push(ReplanSaid::OtherRoster {
            units,
            people: gone_people
                .into_iter()
                .map(|(p, units)| (person_name(&p), units))
                .collect(),
        });
    }
    // A succession the plan in force already made (a July handover seen
    // again by a September replan) is no news.
    let served = crate::roster::succession::people_of(prev);
    let made = |new: &str, old: &str| {
        prev.handover.iter().any(|h| h.from == old && h.to == new)
            || (served.contains(new) && !served.contains(old))
    };
    let successions = r
        .cadres
        .iter()
        .map(|c| (&c.id, &c.succeeds))
        .chain(r.helpers.iter().map(|h| (&h.id, &h.succeeds)));
    for (id, succeeds) in successions {
        if let Some(old) = succeeds
            && !made(id, old)
        {
            out.push(ReplanSaid::Succeeds {
                new: succeeding(r, id),
                old: succeeding(r, old),
            });
        }
    }
    out
}

/// The previous plan as the planner's input: leaders and helpers per unit,
/// the pins asked for (in the roster's current ids), and the cap.
pub fn previous_for(
    r: &Roster,
    prev: &PlanFile,
    pins: &[String],
    max_changes: Option<usize>,
) -> Result<Previous, Vec<ReplanSaid>> {
    let mut p = Previous::from_plan(prev);
    p.max_changes = max_changes;
    let mut errors = Vec::new();
    for unit in pins {
        let Some(a) = prev.assignment.iter().find(|a| &a.unit == unit) else {
            errors.push(ReplanSaid::PinUnknown { unit: unit.clone() });
            continue;
        };
        if r.unit_index(unit).is_none() {
            errors.push(ReplanSaid::PinUnknown { unit: unit.clone() });
            continue;
        }
        match holder_cadre(r, &a.leader) {
            Some(c) => {
                p.pins.leader.insert(unit.clone(), c);
            }
            None => errors.push(ReplanSaid::PinLeaderGone {
                unit: unit.clone(),
                leader: a.leader.clone(),
            }),
        }
        for (k, h) in a.helpers.iter().enumerate() {
            if let Some(h) = holder_helper(r, h) {
                p.pins.slot.insert((unit.clone(), k), h);
            }
        }
    }
    if errors.is_empty() {
        Ok(p)
    } else {
        Err(errors)
    }
}

/// The plan in force as `replan` plans against it: [`previous_for`], and
/// with `from` every session before that day kept as it was. `replan` and
/// `whatif --previous` both plan through this, so a variant costs its
/// changes exactly as a replan of it would.
pub fn previous_in_force(
    r: &Roster,
    prev: &PlanFile,
    pins: &[String],
    max_changes: Option<usize>,
    from: Option<chrono::NaiveDate>,
) -> Result<Previous, Vec<ReplanSaid>> {
    let mut p = previous_for(r, prev, pins, max_changes)?;
    p.kept = from.map(|d| (d, prev.clone()));
    Ok(p)
}

/// A unit as planners read it: "西海村（xihai）" in English (the plan file's
/// id beside the name); in Chinese the name alone unless two units share it.
fn unit_label(r: &Roster, id: &str) -> String {
    use crate::wording::Lang;
    match (r.unit_index(id), Lang::current()) {
        (Some(u), Lang::En) => format!("{}（{id}）", r.units[u].name),
        (_, lang) => crate::wording::names::unit(r, id, lang),
    }
}

/// A person by name where the roster knows them; the id of someone who left.
/// In Chinese the id is added where two people share the name.
fn person_label(r: &Roster, id: &str) -> String {
    use crate::wording::Lang;
    if Lang::current() == Lang::Zh {
        crate::wording::names::person(r, id, Lang::Zh)
    } else if let Some(c) = r.cadre_index(id) {
        r.cadres[c].name.clone()
    } else if let Some(h) = r.helper_index(id) {
        r.helpers[h].name.clone()
    } else {
        id.to_string()
    }
}

/// Who succeeds: the id in English (as the roster's `succeeds` reads), the
/// name in Chinese.
fn succeeding(r: &Roster, id: &str) -> String {
    match crate::wording::Lang::current() {
        crate::wording::Lang::En => id.to_string(),
        lang => crate::wording::names::person(r, id, lang),
    }
}

/// Someone of the previous plan who goes for a reason the roster alone
/// does not tell: a move to another township, a what-if's removal.
pub struct Departed {
    pub id: String,
    /// Their name where the roster no longer has them.
    pub name: Option<String>,
    pub gone: Gone,
}

/// Every change between the previous plan and the new one, with its cause;
/// `departed`: who goes and why, where the roster cannot say (else a
/// leader who goes is said to have left the post).
pub fn changes(
    r: &Roster,
    prev: &PlanFile,
    new: &PlanFile,
    departed: &[Departed],
) -> Vec<ChangeSaid> {
    let before: BTreeMap<&str, &crate::plan::Assignment> = prev
        .assignment
        .iter()
        .map(|a| (a.unit.as_str(), a))
        .collect();
    let mut out = Vec::new();
    for a in &new.assignment {
        let Some(old) = before.get(a.unit.as_str()) else {
            out.push(ChangeSaid::NewUnit {
                unit: unit_label(r, &a.unit),
                leader: person_label(r, &a.leader),
            });
            continue;
        };
        let carried = holder_cadre(r, &old.leader);
        if carried.as_deref() != Some(a.leader.as_str()) {
            // Gone, or leaving during the year with no successor (a transfer out).
            let leaving = carried.as_deref() == Some(old.leader.as_str())
                && r.service(&old.leader).1.is_some();
            // A leader new to the plan (joined, moved in) must lead some.
            let led_before = prev.assignment.iter().any(|b| b.leader == a.leader);
            let newcomer_min = r
                .cadre_index(&a.leader)
                .map(|c| r.bounds_of(c).0)
                .filter(|&min| min > 0 && !led_before);
            let left = carried.is_none() || leaving;
            let known = departed.iter().find(|d| d.id == old.leader && left);
            let gone = match known {
                Some(d) => Some(d.gone.clone()),
                None => left.then_some(Gone::Left),
            };
            out.push(ChangeSaid::LeaderMoved {
                unit: unit_label(r, &a.unit),
                from: known
                    .and_then(|d| d.name.clone())
                    .unwrap_or_else(|| person_label(r, &old.leader)),
                to: person_label(r, &a.leader),
                gone,
                newcomer_min,
                cost: Some(r.objective.continuity),
            });
        }
        for (k, h) in a.helpers.iter().enumerate() {
            let Some(was) = old.helpers.get(k) else {
                continue;
            };
            let carried = holder_helper(r, was);
            if carried.as_deref() != Some(h.as_str()) {
                out.push(ChangeSaid::HelperMoved {
                    unit: unit_label(r, &a.unit),
                    slot: k + 1,
                    from: person_label(r, was),
                    to: person_label(r, h),
                    left: carried.is_none(),
                    cost: r.objective.helper_continuity,
                });
            }
        }
        out.extend(assists_changed(r, old, a));
    }
    out
}

/// The assist members who joined or left a unit's team. A successor
/// standing in for their predecessor is the handover's, someone gone from
/// the roster is said among what was not carried over, and someone moved
/// between a slot and an assist stays on the team: none is said here.
fn assists_changed(
    r: &Roster,
    old: &crate::plan::Assignment,
    new: &crate::plan::Assignment,
) -> Vec<ChangeSaid> {
    let was_on: Vec<String> = old
        .helpers
        .iter()
        .chain(&old.assist)
        .filter_map(|w| holder_helper(r, w))
        .collect();
    let is_on = |id: &String| new.helpers.contains(id) || new.assist.contains(id);
    let joined: Vec<String> = new
        .assist
        .iter()
        .filter(|h| !was_on.contains(h))
        .map(|h| person_label(r, h))
        .collect();
    let left: Vec<String> = old
        .assist
        .iter()
        .filter(|w| holder_helper(r, w).is_some_and(|h| !is_on(&h)))
        .map(|w| person_label(r, w))
        .collect();
    let unit = || unit_label(r, &new.unit);
    let mut out = Vec::new();
    if !joined.is_empty() {
        out.push(ChangeSaid::AssistsJoined {
            unit: unit(),
            people: joined,
        });
    }
    if !left.is_empty() {
        out.push(ChangeSaid::AssistsLeft {
            unit: unit(),
            people: left,
        });
    }
    out
}

/// Records in the new plan, as `previous_plan` warnings, what of the
/// previous plan could not be carried over. A succession (`succeeds`) is
/// planned, not a warning: the plan's `[[handover]]` records it.
pub fn note_not_carried(file: &mut PlanFile, notes: &[ReplanSaid], lang: Lang) {
    for n in notes
        .iter()
        .filter(|n| !matches!(n, ReplanSaid::Succeeds { .. }))
    {
        file.warning.push(Warning {
            kind: "previous_plan".into(),
            message: n.say(lang),
            unit: None,
            date: None,
            people: Vec::new(),
            said: Some(crate::wording::warnings::WarningSaid::Replan(n.clone())),
        });
    }
    file.plan.metrics.warnings = file.warning.len();
}

/// A person the previous plan has in sessions before a replan's date who is
/// no longer in the roster: those sessions are kept as they were, so the
/// roster must still hold the person (with `leaves`), or `check` rejects
/// the new plan (a trial deleted a leader who moved away and replanned
/// from 1 July: 96 violations).
#[derive(Debug, Clone, PartialEq)]
pub struct GoneFromKept {
    pub id: String,
    /// Unit ids of their kept sessions, in plan order, each once.
    pub units: Vec<String>,
    /// Their last kept session's date (YYYY-MM-DD).
    pub last: String,
}

/// The people of `prev`'s sessions before `from` whom `r` lacks, in order
/// of first appearance.
pub fn gone_from_kept(r: &Roster, prev: &PlanFile, from: chrono::NaiveDate) -> Vec<GoneFromKept> {
    let from = from.format("%Y-%m-%d").to_string();
    let mut gone: Vec<GoneFromKept> = Vec::new();
    for s in prev.session.iter().filter(|s| s.date < from) {
        for id in &s.people {
            if r.cadre_index(id).is_some() || r.helper_index(id).is_some() {
                continue;
            }
            let at = match gone.iter().position(|g| &g.id == id) {
                Some(i) => i,
                None => {
                    gone.push(GoneFromKept {
                        id: id.clone(),
                        units: Vec::new(),
                        last: s.date.clone(),
                    });
                    gone.len() - 1
                }
            };
            let g = &mut gone[at];
            if !g.units.contains(&s.unit) {
                g.units.push(s.unit.clone());
            }
            if s.date > g.last {
                g.last = s.date.clone();
            }
        }
    }
    gone
}
