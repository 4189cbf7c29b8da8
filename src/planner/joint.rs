//! The last word on needs: one feasibility MIP over leaders, slots and
//! assists together (hard rules 1–4, no cost). Used only when repairing
//! needs one at a time has failed. Infeasible means no plan exists; else the
//! needs its solution leaves to the leader — as few as possible — become
//! requirements on those units' leaders. Any leader assignment meeting them
//! then has teams, since the solution's helpers cover every other need
//! whoever leads.

use good_lp::{
    Expression, ProblemVariables, Solution, SolverModel, Variable, constraint, microlp, variable,
};

use crate::model::Roster;

use super::leaders::{self, MustHave, assist_eligible, slot_eligible};
use super::previous::Previous;

/// `None` when no plan exists; else the skills each unit's leader must bring.
pub fn leader_needs(r: &Roster, prev: &Previous, must: &MustHave) -> Option<MustHave> {
    let n = r.units.len();
    let ks = r.policy.team.len();
    let mut vars = ProblemVariables::new();
    let mut lead: Vec<(usize, usize, Variable)> = Vec::new();
    for c in 0..r.cadres.len() {
        if leaders::bounds(r, c).1 == 0 {
            continue;
        }
        for u in 0..n {
            if leaders::allowed(r, prev, must, c, u) {
                lead.push((c, u, vars.add(variable().binary())));
            }
        }
    }
    let mut on: Vec<(usize, usize, Option<usize>, Variable)> = Vec::new();
    for h in 0..r.helpers.len() {
        for u in 0..n {
            for k in 0..ks {
                let pinned = prev.pins.slot.get(&(r.units[u].id.clone(), k));
                if slot_eligible(r, h, u, k) && pinned.is_none_or(|id| *id == r.helpers[h].id) {
                    on.push((h, u, Some(k), vars.add(variable().binary())));
                }
            }
            if assist_eligible(r, h, u) {
                on.push((h, u, None, vars.add(variable().binary())));
            }
        }
    }
    let mut objective = Expression::from(0.0);
    let mut cs = Vec::new();
    // (unit, skill, 1 when only the leader holds it)
    let mut by_leader_only: Vec<(usize, String, Variable)> = Vec::new();
    for u in 0..n {
        let e: Expression = lead.iter().filter(|l| l.1 == u).map(|l| l.2).sum();
        cs.push(constraint!(e == 1.0));
        for k in 0..ks {
            let e: Expression = on
                .iter()
                .filter(|o| o.1 == u && o.2 == Some(k))
                .map(|o| o.3)
                .sum();
            cs.push(constraint!(e == 1.0));
        }
        for h in 0..r.helpers.len() {
            let e: Expression = on
                .iter()
                .filter(|o| o.0 == h && o.1 == u)
                .map(|o| o.3)
                .sum();
            cs.push(constraint!(e <= 1.0));
        }
        for need in &r.units[u].needs {
            let team: Expression = on
                .iter()
                .filter(|o| o.1 == u && r.helpers[o.0].skills.contains(need))
                .map(|o| o.3)
                .sum();
            let leader: Expression = lead
                .iter()
                .filter(|l| l.1 == u && r.cadres[l.0].skills.contains(need))
                .map(|l| l.2)
                .sum();
            let only = vars.add(variable().binary());
            objective += only;
            cs.push(constraint!(team + only >= 1.0));
            cs.push(constraint!(only <= leader));
            by_leader_only.push((u, need.clone(), only));
        }
    }
    for c in 0..r.cadres.len() {
        let (lo, hi) = leaders::bounds(r, c);
        let e: Expression = lead.iter().filter(|l| l.0 == c).map(|l| l.2).sum();
        cs.push(constraint!(e.clone() >= lo as f64));
        cs.push(constraint!(e <= hi as f64));
    }
    for (h, helper) in r.helpers.iter().enumerate() {
        let e: Expression = on.iter().filter(|o| o.0 == h).map(|o| o.3).sum();
        cs.push(constraint!(e <= helper.max_teams as f64));
    }
    let mut model = vars.minimise(objective).using(microlp);
    for c in cs {
        model = model.with(c);
    }
    let sol = model.solve().ok()?;
    let mut out = must.clone();
    for (u, skill, only) in by_leader_only {
        if sol.value(only) > 0.5 {
            out.entry(u).or_default().insert(skill);
        }
    }
    Some(out)
}
