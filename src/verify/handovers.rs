//! The plan's handover lines (`[[handover]]`) against its teams. Each
//! handover in the roster must list exactly the units whose leader, and
//! the team places whose helper, change from the predecessor to the
//! successor on its day, as the teams of the stretches around that day
//! show (the plans in force's before a replan's date, this plan's from
//! it). A line for a handover the roster does not have is named too. The
//! report, `compare` and the next replan read these lines, so a wrong one
//! misleads them even when every session is right.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Violation;
use super::assign::Teams;
use super::planfile::Plan;
use crate::model::Roster;
use crate::wording::check::{CheckSaid, Rule, YearSaid};

/// Who holds which post on which day: the teams of each stretch, with the
/// roster's handovers followed back to whoever served then.
struct Posts<'a> {
    ncad: usize,
    /// (predecessor, successor, the successor's first day), people indices.
    handovers: Vec<(usize, usize, NaiveDate)>,
    teams: &'a Teams,
    earlier: &'a [(NaiveDate, Teams)],
}

impl Posts<'_> {
    fn teams_on(&self, d: NaiveDate) -> &Teams {
        self.earlier
            .iter()
            .find(|(until, _)| d < *until)
            .map_or(self.teams, |(_, t)| t)
    }

    /// Who holds `p`'s post on `d`: `p`, or a predecessor still serving.
    fn holder(&self, p: usize, d: NaiveDate) -> usize {
        let mut cur = p;
        for _ in 0..=self.handovers.len() {
            match self
                .handovers
                .iter()
                .find(|&&(_, to, date)| to == cur && d < date)
            {
                Some(&(from, _, _)) => cur = from,
                None => break,
            }
        }
        cur
    }

    fn leader_on(&self, u: usize, d: NaiveDate) -> Option<usize> {
        let t = self.teams_on(d).of_unit.get(u)?;
        t.leader.map(|l| self.holder(l, d))
    }

    fn slot_on(&self, u: usize, k: usize, d: NaiveDate) -> Option<usize> {
        let t = self.teams_on(d).of_unit.get(u)?;
        t.slots.get(k).map(|&h| self.holder(h + self.ncad, d))
    }

    fn slots(&self, u: usize, d: NaiveDate) -> usize {
        self.teams_on(d).of_unit.get(u).map_or(0, |t| t.slots.len())
    }
}

/// One changed post: a unit's leader (`None`) or a team place (from 1).
type Post = (String, Option<usize>);

/// Every handover line checked against the posts it should list.
pub fn recorded(
    roster: &Roster,
    plan: &Plan,
    teams: &Teams,
    earlier: &[(NaiveDate, Teams)],
    out: &mut Vec<Violation>,
) {
    let ncad = roster.cadres.len();
    let person = |id: &str| {
        roster
            .cadre_index(id)
            .or_else(|| roster.helper_index(id).map(|h| h + ncad))
    };
    let name = |p: usize| {
        if p < ncad {
            roster.cadres[p].name.clone()
        } else {
            roster.helpers[p - ncad].name.clone()
        }
    };
    let in_roster = roster.handovers();
    let posts = Posts {
        ncad,
        handovers: in_roster
            .iter()
            .filter_map(|h| Some((person(&h.from)?, person(&h.to)?, h.date)))
            .collect(),
        teams,
        earlier,
    };
    for &(from, to, date) in &posts.handovers {
        let Some(eve) = date.pred_opt() else { continue };
        let mut should: BTreeSet<Post> = BTreeSet::new();
        for (u, unit) in roster.units.iter().enumerate() {
            if posts.leader_on(u, eve) == Some(from) && posts.leader_on(u, date) == Some(to) {
                should.insert((unit.id.clone(), None));
            }
            for k in 0..posts.slots(u, eve).max(posts.slots(u, date)) {
                if posts.slot_on(u, k, eve) == Some(from) && posts.slot_on(u, k, date) == Some(to) {
                    should.insert((unit.id.clone(), Some(k + 1)));
                }
            }
        }
        let (from_id, to_id) = (id_of(roster, from), id_of(roster, to));
        let line = plan
            .handovers
            .iter()
            .find(|l| l.from == from_id && l.to == to_id && l.date == date);
        let listed: BTreeSet<Post> = line.map_or_else(BTreeSet::new, |l| {
            let units = l.units.iter().map(|u| (u.clone(), None));
            let slots = l.slots.iter().filter_map(|s| {
                let (unit, k) = s.rsplit_once('/')?;
                Some((unit.to_string(), Some(k.parse().ok()?)))
            });
            units.chain(slots).collect()
        });
        let successor = name(to);
        let missing = should.difference(&listed).map(|p| (p, false));
        let wrong = listed.difference(&should).map(|p| (p, true));
        for ((unit, slot), wrongly) in missing.chain(wrong) {
            let said = if wrongly {
                YearSaid::HandoverListedWrongly(successor.clone(), *slot)
            } else {
                YearSaid::HandoverNotListed(successor.clone(), *slot)
            };
            out.push(Violation {
                rule: Rule::HandoverLines,
                unit: Some(unit.clone()),
                person: Some(from_id.to_string()),
                date: Some(date),
                said: CheckSaid::Year(said),
            });
        }
    }
    // A line for a pair of this roster's people that no `succeeds` makes.
    for l in &plan.handovers {
        let (Some(_), Some(to)) = (person(&l.from), person(&l.to)) else {
            continue;
        };
        let known = in_roster
            .iter()
            .any(|h| h.from == l.from && h.to == l.to && h.date == l.date);
        if !known {
            out.push(Violation {
                rule: Rule::HandoverLines,
                unit: None,
                person: Some(l.from.clone()),
                date: Some(l.date),
                said: CheckSaid::Year(YearSaid::HandoverNotInRoster {
                    successor: name(to),
                }),
            });
        }
    }
}

fn id_of(roster: &Roster, p: usize) -> &str {
    let ncad = roster.cadres.len();
    if p < ncad {
        &roster.cadres[p].id
    } else {
        &roster.helpers[p - ncad].id
    }
}
