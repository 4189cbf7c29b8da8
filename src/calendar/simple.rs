//! A plain legal assignment, with no optimising at all: for tests and
//! benchmarks of the calendar that must not wait for, or depend on, an
//! engine. Leaders take units round-robin within their bounds (never their
//! home unit when the policy says so), slots take the least-used helper of an
//! allowed role within `max_teams`, and assist members are added for needs
//! nobody on the team has.

use crate::model::Roster;
use crate::plan::{Assignment, LeaderLine, Metrics, PlanFile, PlanHeader};

pub fn simple_plan(roster: &Roster) -> PlanFile {
    let r = roster;
    let nu = r.units.len();
    let nc = r.cadres.len();
    let bounds: Vec<(usize, usize)> = (0..nc).map(|c| r.bounds_of(c)).collect();
    let mut count: Vec<usize> = bounds.iter().map(|b| b.0).collect();
    let mut extra = nu.saturating_sub(count.iter().sum());
    while extra > 0 {
        let before = extra;
        for c in 0..nc {
            if extra > 0 && count[c] < bounds[c].1 {
                count[c] += 1;
                extra -= 1;
            }
        }
        if before == extra {
            break;
        }
    }
    let mut leader_of: Vec<Option<usize>> = vec![None; nu];
    let mut next = 0;
    for (u, unit) in r.units.iter().enumerate() {
        let home = |c: usize| {
            r.policy.avoid_home_unit && r.cadres[c].home_unit.as_deref() == Some(unit.id.as_str())
        };
        let pick = (0..nc)
            .map(|i| (next + i) % nc.max(1))
            .find(|&c| count[c] > 0 && !home(c))
            .or_else(|| (0..nc).find(|&c| count[c] > 0))
            .or_else(|| (nc > 0).then_some(next % nc));
        if let Some(c) = pick {
            count[c] = count[c].saturating_sub(1);
            leader_of[u] = Some(c);
            next = (c + 1) % nc;
        }
    }
    // A leader left only with their home unit swaps with an earlier unit.
    let home_of = |c: usize, u: usize| {
        r.policy.avoid_home_unit && r.cadres[c].home_unit.as_deref() == Some(r.units[u].id.as_str())
    };
    for u in 0..nu {
        let Some(c) = leader_of[u] else { continue };
        if !home_of(c, u) {
            continue;
        }
        if let Some(v) = (0..nu)
            .find(|&v| leader_of[v].is_some_and(|d| d != c && !home_of(d, u) && !home_of(c, v)))
        {
            leader_of[u] = leader_of[v];
            leader_of[v] = Some(c);
        }
    }

    let mut used = vec![0usize; r.helpers.len()];
    let mut assignment = Vec::new();
    for (u, unit) in r.units.iter().enumerate() {
        let leader = leader_of[u]
            .map(|c| r.cadres[c].id.clone())
            .unwrap_or_default();
        let mut team: Vec<usize> = Vec::new();
        let mut helpers = Vec::new();
        for slot in &r.policy.team {
            let fits = |h: usize| {
                let hh = &r.helpers[h];
                slot.roles.contains(&hh.role)
                    && !team.contains(&h)
                    && if slot.from_unit {
                        hh.unit.as_deref() == Some(unit.id.as_str())
                    } else {
                        hh.unit.is_none()
                    }
            };
            // Needs of this unit still open, and skills later units will want:
            // take who covers the most of the first and spares the second.
            let open: Vec<&String> = unit
                .needs
                .iter()
                .filter(|n| {
                    !leader_of[u].is_some_and(|c| r.cadres[c].skills.contains(n))
                        && !team.iter().any(|&h| r.helpers[h].skills.contains(n))
                })
                .collect();
            let later = |h: usize| {
                r.helpers[h]
                    .skills
                    .iter()
                    .filter(|sk| r.units[u + 1..].iter().any(|x| x.needs.contains(sk)))
                    .count()
            };
            // A need an assist member could still meet matters less.
            let assistable = |n: &String| {
                r.helpers.iter().enumerate().any(|(a, x)| {
                    x.role.may_assist()
                        && x.skills.contains(n)
                        && used[a] < x.max_teams
                        && x.unit.as_deref().is_none_or(|y| y == unit.id)
                })
            };
            let pick = (0..r.helpers.len())
                .filter(|&h| fits(h) && used[h] < r.helpers[h].max_teams)
                .min_by_key(|&h| {
                    let covered: Vec<&&String> = open
                        .iter()
                        .filter(|n| r.helpers[h].skills.contains(n))
                        .collect();
                    let scarce = covered.iter().filter(|n| !assistable(n)).count();
                    (
                        std::cmp::Reverse(scarce),
                        std::cmp::Reverse(covered.len()),
                        later(h),
                        used[h],
                        h,
                    )
                })
                .or_else(|| (0..r.helpers.len()).find(|&h| fits(h)));
            if let Some(h) = pick {
                used[h] += 1;
                team.push(h);
                helpers.push(r.helpers[h].id.clone());
            }
        }
        let mut assist = Vec::new();
        for need in &unit.needs {
            let has = leader_of[u].is_some_and(|c| r.cadres[c].skills.contains(need))
                || team.iter().any(|&h| r.helpers[h].skills.contains(need));
            if has {
                continue;
            }
            // Whoever meets the most of this unit's needs, sparing those
            // whose skills later units will want.
            let open = |h: usize| {
                unit.needs
                    .iter()
                    .filter(|n| {
                        r.helpers[h].skills.contains(n)
                            && !leader_of[u].is_some_and(|c| r.cadres[c].skills.contains(n))
                            && !team.iter().any(|&t| r.helpers[t].skills.contains(n))
                    })
                    .count()
            };
            let later = |h: usize| {
                r.helpers[h]
                    .skills
                    .iter()
                    .filter(|sk| r.units[u + 1..].iter().any(|x| x.needs.contains(sk)))
                    .count()
            };
            let pick = (0..r.helpers.len())
                .filter(|&h| {
                    let hh = &r.helpers[h];
                    hh.role.may_assist()
                        && hh.skills.contains(need)
                        && used[h] < hh.max_teams
                        && !team.contains(&h)
                        && hh.unit.as_deref().is_none_or(|x| x == unit.id)
                })
                .min_by_key(|&h| (std::cmp::Reverse(open(h)), later(h), h));
            if let Some(h) = pick {
                used[h] += 1;
                team.push(h);
                assist.push(r.helpers[h].id.clone());
            }
        }
        assignment.push(Assignment {
            unit: unit.id.clone(),
            leader,
            helpers,
            assist,
        });
    }
    let leader = r
        .cadres
        .iter()
        .enumerate()
        .map(|(c, cadre)| LeaderLine {
            id: cadre.id.clone(),
            units: (0..nu)
                .filter(|&u| leader_of[u] == Some(c))
                .map(|u| r.units[u].id.clone())
                .collect(),
            load: 0.0,
            deviation_pct: 0.0,
            tour_minutes: 0.0,
            tour: Vec::new(),
        })
        .collect();
    PlanFile {
        plan: PlanHeader {
            roster: r.source.clone(),
            roster_sha256: r.sha256.clone(),
            zhudian: env!("CARGO_PKG_VERSION").into(),
            engine: "simple".into(),
            seed: 0,
            status: "feasible".into(),
            stopped: None,
            replanned_from: None,
            previous_plan: None,
            previous_plan_sha256: None,
            cost: 0.0,
            lower_bound: 0.0,
            gap: 0.0,
            metrics: Metrics::default(),
        },
        assignment,
        leader,
        handover: Vec::new(),
        earlier_team: Vec::new(),
        timetable: Vec::new(),
        session: Vec::new(),
        warning: Vec::new(),
        cancelled: Vec::new(),
    }
}
