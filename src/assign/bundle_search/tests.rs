//! Tests of the searched pricing: it agrees with full enumeration, its tours
//! are exact, a large group of alike leaders shares out its bundles, leaders
//! searched together get their own best bundles, and the metric check sees
//! a shortcut.

use crate::assign::leaders::{
    LeaderProblem, PricingChoice, SolveOptions, Status, check_plan, plan_cost, solve,
};
use crate::assign::random::Rng;
use crate::assign::random_problem;
use std::time::Duration;

fn opts(seed: u64, pricing: PricingChoice) -> SolveOptions {
    SolveOptions {
        time_limit: Duration::from_secs(60),
        seed,
        pricing,
        ..SolveOptions::default()
    }
}

/// Continuity costs and a change limit, as when replanning.
fn with_continuity(p: &mut LeaderProblem, rng: &mut Rng) {
    let (nl, nu) = (p.leaders.len(), p.workload.len());
    let changed: Vec<Vec<bool>> = (0..nl)
        .map(|l| (0..nu).map(|u| u % nl != l).collect())
        .collect();
    for (l, spec) in p.leaders.iter_mut().enumerate() {
        spec.unit_cost = (0..nu)
            .map(|u| if changed[l][u] { 3.0 * rng.unit() } else { 0.0 })
            .collect();
    }
    p.max_changes = Some((nu / 2, changed));
}

/// A group of more than `SPREAD_FROM` leaders alike hands each bundle
/// it finds to `SPREAD` members, the highest μ first, and still gives
/// every member its least reduced cost.
#[test]
fn a_large_group_of_alike_leaders_shares_out_its_bundles() {
    use super::{SPREAD, SPREAD_FROM, SearchPricer};
    use crate::assign::bundles::Bundles;
    use crate::assign::pricing::{Duals, Rules};
    let nl = SPREAD_FROM + 5;
    let mut p = random_problem(nl, 40, 2, 3, 5);
    for spec in &mut p.leaders {
        spec.allowed.iter_mut().for_each(|a| *a = true);
    }
    let mut pricer = SearchPricer::new(&p);
    let mut store = Bundles::empty(3);
    let duals = Duals {
        pi: vec![30.0; 40],
        mu: (0..nl).map(|l| l as f64).collect(),
        sigma: 0.0,
        cuts: Vec::new(),
    };
    let (priced, _) = pricer.price(&p, &mut store, &Rules::root(&p), &duals, false, 6, 1e-7);
    assert!(!priced.columns.is_empty());
    let mut holders = std::collections::HashMap::new();
    for &(_, b, _) in &priced.columns {
        *holders.entry(b).or_insert(0) += 1;
    }
    assert!(holders.values().all(|&n| n <= SPREAD), "{holders:?}");
    // The best bundle goes to the leader of highest μ.
    let best = priced.min_rc[nl - 1];
    assert!(
        priced
            .columns
            .iter()
            .any(|&(l, _, rc)| l == nl - 1 && rc == best)
    );
    // Every member's least reduced cost: the group's best less its μ.
    for l in 0..nl {
        let want = (best + (nl - 1) as f64 - l as f64).min(0.0);
        assert!((priced.min_rc[l] - want).abs() < 1e-9, "leader {l}");
    }
}

/// Search and enumeration prove the same optimum, and their root bounds
/// are both at most that optimum, with permissions, unit costs and the
/// change limit in play.
#[test]
fn search_and_enumeration_agree() {
    for seed in 0..12u64 {
        let mut rng = Rng::new(seed);
        let (min, max) = (1 + (seed % 2) as usize, 3 + (seed % 3 == 0) as usize);
        let mut p = random_problem(5, 13, min, max, 900 + seed);
        if seed % 2 == 0 {
            with_continuity(&mut p, &mut rng);
        }
        if seed % 3 == 1 {
            for spec in &mut p.leaders {
                for a in &mut spec.allowed {
                    *a = rng.below(4) != 0;
                }
            }
        }
        let e = solve(&p, &opts(seed, PricingChoice::Enumerate));
        let s = solve(&p, &opts(seed, PricingChoice::Search));
        assert_eq!(e.stats.pricing, super::super::leaders::Pricing::Enumerated);
        assert_eq!(s.stats.pricing, super::super::leaders::Pricing::Searched);
        assert_eq!(e.status, s.status, "seed {seed}");
        if e.status != Status::Optimal {
            continue;
        }
        check_plan(&p, &s.bundles).expect("valid plan");
        assert!((plan_cost(&p, &s.bundles) - s.cost).abs() < 1e-6);
        assert!((e.cost - s.cost).abs() < 1e-6, "seed {seed}");
        assert!(s.stats.root_bound <= s.cost + 1e-6, "seed {seed}");
        assert!(s.stats.search_nodes > 0);
    }
}

/// The search's tours are the exact tours, bit for bit, for sets of 2,
/// 3 and 4 units in any order.
#[test]
fn search_tours_are_exact() {
    use crate::assign::leaders::best_tour;
    let p = random_problem(4, 40, 1, 4, 11);
    let mut rng = Rng::new(5);
    for _ in 0..400 {
        let mut set: Vec<u16> = (0..3).map(|_| rng.below(40) as u16).collect();
        set.sort_unstable();
        set.dedup();
        let first = rng.below(3) as u16;
        let mut four = vec![first];
        four.extend(set.iter().copied().filter(|&u| u > first));
        for s in [&set, &four] {
            let exact = best_tour(&p, &s.iter().map(|&u| u as usize).collect::<Vec<_>>()).0;
            assert_eq!(super::tour::best(&p, s), exact, "{s:?}");
            let mut rev = s.clone();
            rev.reverse();
            assert_eq!(super::tour::best(&p, &rev), exact, "{rev:?} (reversed)");
            if s.len() >= 2 {
                let pair = [s[0] as usize, s[1] as usize];
                assert_eq!(super::tour::best(&p, &s[..2]), best_tour(&p, &pair).0);
            }
        }
    }
}

/// Minutes that break the triangle inequality are noticed (the tour
/// bound is then not used) and the search stays exact.
#[test]
fn metric_check_sees_a_shortcut() {
    let mut p = random_problem(2, 5, 1, 3, 3);
    assert!(super::tour::is_metric(&p));
    // A road from unit 0 to unit 1 far longer than going by the office.
    p.unit_minutes[0][1] = p.office_minutes[0] + p.office_minutes[1] + 10.0;
    p.unit_minutes[1][0] = p.unit_minutes[0][1];
    assert!(!super::tour::is_metric(&p));
    // Still exact without the triangle inequality.
    let e = solve(&p, &opts(1, PricingChoice::Enumerate));
    let s = solve(&p, &opts(1, PricingChoice::Search));
    assert!((e.cost - s.cost).abs() < 1e-6);
}

/// Leaders alike but for the units they may take are searched together:
/// each still gets exactly its own best bundles (the least reduced costs,
/// ties by units, among the bundles it may take) and its least reduced
/// cost, as brute force over every bundle finds them.
#[test]
fn leaders_searched_together_get_their_own_best_bundles() {
    use super::SearchPricer;
    use crate::assign::bundles::Bundles;
    use crate::assign::leaders::bundle_cost;
    use crate::assign::pricing::Rules;
    let (nl, nu, per_leader) = (5, 12, 4);
    for seed in 0..16u64 {
        let mut rng = Rng::new(seed);
        let p = random_problem(nl, nu, 2, 3, 300 + seed);
        let mut rules = Rules::root(&p);
        // Every leader may not take one or two units of its own.
        for l in 0..nl {
            for _ in 0..1 + seed as usize % 2 {
                rules.allowed[l * nu + rng.below(nu)] = false;
            }
        }
        let duals = random_duals(&p, &mut rng);
        let mut pricer = SearchPricer::new(&p);
        let mut store = Bundles::empty(3);
        let (priced, _) = pricer.price(&p, &mut store, &rules, &duals, false, per_leader, 1e-7);
        for l in 0..nl {
            let mut all: Vec<(f64, Vec<u16>)> = Vec::new();
            for code in 0u32..1 << nu {
                let units: Vec<u16> = (0..nu as u16).filter(|&u| code >> u & 1 == 1).collect();
                if !(2..=3).contains(&units.len()) || !rules.leader_ok(l, &units) {
                    continue;
                }
                let us: Vec<usize> = units.iter().map(|&u| u as usize).collect();
                let rc = bundle_cost(&p, l, &us)
                    - us.iter().map(|&u| duals.pi[u]).sum::<f64>()
                    - duals.mu[l];
                all.push((rc, units));
            }
            all.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
            let want: Vec<&[u16]> = all
                .iter()
                .filter(|(rc, _)| *rc < -1e-7)
                .take(per_leader)
                .map(|(_, us)| &us[..])
                .collect();
            let mut got: Vec<Vec<u16>> = priced
                .columns
                .iter()
                .filter(|c| c.0 == l)
                .map(|&(_, b, _)| {
                    let mut us = store.units(b as usize).to_vec();
                    us.sort_unstable();
                    us
                })
                .collect();
            got.sort();
            let mut want: Vec<Vec<u16>> = want.into_iter().map(<[u16]>::to_vec).collect();
            want.sort();
            assert_eq!(got, want, "seed {seed} leader {l}");
            let least = all[0].0.min(0.0);
            assert!(
                (priced.min_rc[l] - least).abs() < 1e-9,
                "seed {seed} leader {l}"
            );
        }
    }
}

/// Duals that make some bundles price negative: π about a unit's share of
/// the cost, μ either side of zero.
pub(crate) fn random_duals(p: &LeaderProblem, rng: &mut Rng) -> crate::assign::pricing::Duals {
    let (nl, nu) = (p.leaders.len(), p.workload.len());
    crate::assign::pricing::Duals {
        pi: (0..nu)
            .map(|u| 0.03 * p.workload[u] + 6.0 * rng.unit())
            .collect(),
        mu: (0..nl).map(|_| 20.0 * rng.unit() - 10.0).collect(),
        sigma: 0.0,
        cuts: Vec::new(),
    }
}
