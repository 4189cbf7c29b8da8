//! Why no plan exists, found before (or instead of) searching: counts of
//! places against units, units no leader may take, leaders who cannot reach
//! their minimum, a set of units whose only possible leaders are too few
//! (a Hall-type bottleneck, from a max-flow's residual graph), and skills
//! more units need than their holders can cover. Each cause is stated in the
//! planner's terms with what would fix it.

use std::collections::BTreeSet;

use crate::assign::leaders::LeaderProblem;
use crate::model::Roster;
use crate::wording::plan::{PlanSaid, Raise};
use crate::wording::{Lang, names};

use super::flow::Flow;
use super::leaders::{self, MustHave};

/// A unit as the causes name it: by name, the id only where two units share
/// it (as `validate` names them), in the language messages are in.
pub fn unit_label(r: &Roster, u: usize) -> String {
    names::unit(r, &r.units[u].id, Lang::current())
}

/// A cadre by name, the id only where another person shares it.
pub fn cadre_label(r: &Roster, c: usize) -> String {
    names::person(r, &r.cadres[c].id, Lang::current())
}

/// A helper by name, the id only where another person shares it.
pub fn helper_label(r: &Roster, h: usize) -> String {
    names::person(r, &r.helpers[h].id, Lang::current())
}

/// Places against units: the leaders' maxima and minima.
pub fn counts(r: &Roster, p: &LeaderProblem) -> Vec<PlanSaid> {
    let n = p.workload.len();
    // Shared cadres a city's earlier townships keep busy on (nearly) every
    // station date here lead nothing: said apart, not counted as leaders.
    let kept_away = crate::roster::across::kept_away(r);
    let away = |l: usize| kept_away.iter().any(|k| k.id == r.cadres[l].id);
    let active: Vec<usize> = (0..p.leaders.len())
        .filter(|&l| leaders::cadre_usable(r, l) && !away(l))
        .collect();
    let max_total: usize = p.leaders.iter().map(|l| l.max_units).sum();
    let min_total: usize = p.leaders.iter().map(|l| l.min_units).sum();
    if n > max_total {
        let maxima: BTreeSet<usize> = active.iter().map(|&l| p.leaders[l].max_units).collect();
        return vec![PlanSaid::TooManyUnits {
            units: n,
            leaders: active.len(),
            places: max_total,
            uniform_max: (maxima.len() == 1).then(|| *maxima.iter().next().expect("one")),
            kept_away: kept_away.iter().map(Into::into).collect(),
        }];
    }
    if n < min_total {
        return vec![PlanSaid::TooFewUnits {
            units: n,
            leaders: active.len(),
            places: min_total,
        }];
    }
    Vec::new()
}

/// Causes in the leader assignment; empty when the counts and permissions
/// allow a plan (the engine may still find none, e.g. under a change cap).
pub fn leaders(r: &Roster, p: &LeaderProblem, must: &MustHave) -> Vec<PlanSaid> {
    let counted = counts(r, p);
    if !counted.is_empty() {
        return counted;
    }
    let n = p.workload.len();
    let mut causes = Vec::new();
    for u in 0..n {
        if p.leaders.iter().any(|l| l.allowed[u] && l.max_units > 0) {
            continue;
        }
        // A need only a leader can bring shut the unit out, or else the home-unit rule.
        causes.push(PlanSaid::NoLeaderFor {
            unit: unit_label(r, u),
            needs: must
                .get(&u)
                .map(|s| s.iter().cloned().collect())
                .unwrap_or_default(),
        });
    }
    for (l, spec) in p.leaders.iter().enumerate() {
        let allowed = spec.allowed.iter().filter(|&&a| a).count();
        if spec.min_units > allowed {
            causes.push(PlanSaid::LeaderMinimum {
                leader: cadre_label(r, l),
                min: spec.min_units,
                allowed,
            });
        }
    }
    if !causes.is_empty() {
        return causes;
    }
    if let Some(c) = hall_units(r, p) {
        return vec![c];
    }
    Vec::new()
}

/// Units → leaders as a flow (each leader up to their maximum): when not
/// every unit gets one, the units reachable from the source in the residual
/// graph share too few places.
fn hall_units(r: &Roster, p: &LeaderProblem) -> Option<PlanSaid> {
    let n = p.workload.len();
    let m = p.leaders.len();
    let (s, t) = (0, 1);
    let mut f = Flow::new(2 + n + m);
    for u in 0..n {
        f.add_arc(s, 2 + u, 1, 0);
        for (l, spec) in p.leaders.iter().enumerate() {
            if spec.allowed[u] && spec.max_units > 0 {
                f.add_arc(2 + u, 2 + n + l, 1, 0);
            }
        }
    }
    for (l, spec) in p.leaders.iter().enumerate() {
        f.add_arc(2 + n + l, t, spec.max_units as i64, 0);
    }
    let (flow, _) = f.run(s, t);
    if flow as usize == n {
        return None;
    }
    let seen = f.reachable(s);
    let units: Vec<usize> = (0..n).filter(|&u| seen[2 + u]).collect();
    let who: Vec<usize> = (0..m).filter(|&l| seen[2 + n + l]).collect();
    Some(PlanSaid::UnitsShareLeaders {
        units: units.iter().map(|&u| unit_label(r, u)).collect(),
        leaders: who.iter().map(|&l| cadre_label(r, l)).collect(),
        places: who.iter().map(|&l| p.leaders[l].max_units).sum(),
    })
}

/// Per skill, units that need it against the people who could bring it
/// there (helpers within `max_teams`, leaders within their maximum), as a
/// flow: the units reachable from the source when some are left over share
/// holders who are all full.
pub fn needs_capacity(r: &Roster) -> Vec<PlanSaid> {
    let needs: BTreeSet<&String> = r.units.iter().flat_map(|u| &u.needs).collect();
    let mut causes = Vec::new();
    for need in needs {
        let units: Vec<usize> = (0..r.units.len())
            .filter(|&u| r.units[u].needs.contains(need))
            .collect();
        // Holders: (label, capacity, units they could bring the skill to,
        // a leader).
        let mut holders: Vec<(String, usize, Vec<usize>, bool)> = Vec::new();
        for h in 0..r.helpers.len() {
            if r.helpers[h].skills.contains(need) {
                let reach: Vec<usize> = units
                    .iter()
                    .copied()
                    .filter(|&u| leaders::may_join(r, h, u))
                    .collect();
                holders.push((helper_label(r, h), r.helpers[h].max_teams, reach, false));
            }
        }
        for c in 0..r.cadres.len() {
            let max = leaders::bounds(r, c).1;
            if r.cadres[c].skills.contains(need) && max > 0 {
                let reach: Vec<usize> = units
                    .iter()
                    .copied()
                    .filter(|&u| !leaders::home_ruled_out(r, c, u))
                    .collect();
                holders.push((cadre_label(r, c), max, reach, true));
            }
        }
        let (s, t) = (0, 1);
        let nu = units.len();
        let mut f = Flow::new(2 + nu + holders.len());
        for (i, &u) in units.iter().enumerate() {
            f.add_arc(s, 2 + i, 1, 0);
            for (j, (_, _, reach, _)) in holders.iter().enumerate() {
                if reach.contains(&u) {
                    f.add_arc(2 + i, 2 + nu + j, 1, 0);
                }
            }
        }
        for (j, (_, cap, _, _)) in holders.iter().enumerate() {
            f.add_arc(2 + nu + j, t, *cap as i64, 0);
        }
        let (flow, _) = f.run(s, t);
        if flow as usize == nu {
            continue;
        }
        let seen = f.reachable(s);
        let short: Vec<usize> = (0..nu).filter(|&i| seen[2 + i]).collect();
        let full: Vec<usize> = (0..holders.len()).filter(|&j| seen[2 + nu + j]).collect();
        let who: Vec<String> = full.iter().map(|&j| holders[j].0.clone()).collect();
        // Only what the person's kind has, and only where raising it
        // reaches more units: a cadre has no max_teams.
        let can = |leader: bool| {
            full.iter()
                .map(|&j| &holders[j])
                .any(|(_, cap, reach, l)| *l == leader && reach.len() > *cap)
        };
        let raise = match (can(false), can(true)) {
            (true, true) => Raise::Both,
            (true, false) => Raise::Teams,
            (false, true) => Raise::Units,
            (false, false) => Raise::Nothing,
        };
        let capacity = short.len() - (nu - flow as usize);
        causes.push(PlanSaid::NeedsCount {
            need: need.clone(),
            units: short.iter().map(|&i| unit_label(r, units[i])).collect(),
            holders: who,
            capacity,
            raise,
        });
    }
    causes
}
