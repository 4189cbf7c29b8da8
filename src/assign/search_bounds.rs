//! Bounds and items for the pricing search (`bundle_search`): units tied by
//! together-branches become one item, and lines through the target load
//! bound a bundle's deviation and its units' weights together. Both only
//! make the search prune more; it stays exact, which the test here checks
//! against brute force under together, apart and required rules.

use super::pricing::Rules;

/// A unit, or units a together-branch ties, that may join a bundle.
pub(super) struct Item {
    /// ascending
    pub(super) units: Vec<u16>,
    pub(super) w: f64,
    pub(super) load: f64,
    /// position of its first unit among the items' units one by one
    pub(super) start: usize,
    /// the searched groups that may not take it (one bit each)
    pub(super) dead: u64,
}

/// Units tied by together-branches, as groups (ascending, by first unit);
/// every unit is in one group, most alone.
pub(super) fn tied_units(rules: &Rules) -> Vec<Vec<u16>> {
    let nu = rules.nu;
    let mut root: Vec<usize> = (0..nu).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    if rules.has_pairs {
        for a in 0..nu {
            for &(b, together) in &rules.partners[a] {
                if together {
                    let (ra, rb) = (find(&mut root, a), find(&mut root, b as usize));
                    root[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut groups: Vec<Vec<u16>> = Vec::new();
    let mut at = vec![usize::MAX; nu];
    for u in 0..nu {
        let r = find(&mut root, u);
        if at[r] == usize::MAX {
            at[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[at[r]].push(u as u16);
    }
    groups
}

/// The group of `tied_units` holding unit `u`.
pub(super) fn ties_of(ties: &[Vec<u16>], u: u16) -> usize {
    ties.iter()
        .position(|t| t.contains(&u))
        .expect("every unit has a group")
}

/// A lower bound on the deviation and the added units' weights together:
/// for |λ| ≤ the balance weight b, b·|L − T| ≥ λ·(L − T), so a bundle
/// extending a set of load L₀ by units R costs at least
/// λ·(L₀ − T) + Σ_{u∈R} (w_u + λ·load_u). Taken apart, the cheapest weights
/// (the heaviest units, whose duals are largest) and the least deviation
/// (reachable with any units) bound each other's terms only loosely; a line
/// charges every unit its load. Per candidate position, the sums of the
/// cheapest r keys from there on are kept, r up to the leader's maximum.
pub(super) struct Slope {
    lambda: f64,
    /// row `from`: the r = 0, 1, … cheapest keys of `cand[from..]`, summed
    /// (∞ where fewer remain)
    sums: Vec<f64>,
    width: usize,
}

impl Slope {
    pub(super) fn bound(&self, from: usize, excess: f64, lo: usize, hi: usize) -> f64 {
        let row = &self.sums[from * self.width..(from + 1) * self.width];
        let best = (lo..=hi.min(self.width - 1))
            .map(|r| row[r])
            .fold(f64::INFINITY, f64::min);
        self.lambda * excess + best
    }
}

/// The lines used by `Ctx::bound`: slopes ±b and ±b/2 (none in phase 1,
/// where there is no deviation term), over the items' units one by one,
/// each with its item's w and load per unit.
pub(super) fn slope_sums(per_unit: &[(f64, f64)], balance: f64, max: usize) -> Vec<Slope> {
    if balance == 0.0 {
        return Vec::new();
    }
    let width = max + 1;
    [balance, balance / 2.0, -balance / 2.0, -balance]
        .into_iter()
        .map(|lambda| {
            let n = per_unit.len();
            let mut sums = vec![f64::INFINITY; (n + 1) * width];
            // the `max` cheapest keys of the suffix, ascending
            let mut least: Vec<f64> = Vec::with_capacity(width);
            for from in (0..=n).rev() {
                if from < n {
                    let (w, load) = per_unit[from];
                    let key = w + lambda * load;
                    let at = least.partition_point(|&x| x <= key);
                    if at < max {
                        least.insert(at, key);
                        least.truncate(max);
                    }
                }
                let row = &mut sums[from * width..(from + 1) * width];
                row[0] = 0.0;
                for r in 0..least.len() {
                    row[r + 1] = row[r] + least[r];
                }
            }
            Slope {
                lambda,
                sums,
                width,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::assign::bundle_search::SearchPricer;
    use crate::assign::bundles::Bundles;
    use crate::assign::leaders::bundle_cost;
    use crate::assign::pricing::Rules;
    use crate::assign::random::Rng;
    use crate::assign::random_problem;

    /// Every leader's least reduced cost, found by the search under
    /// together, apart and required rules, is the brute-force one.
    #[test]
    fn the_search_under_pair_rules_finds_each_leaders_least_reduced_cost() {
        let mut negative = 0;
        for seed in 0..30u64 {
            let mut rng = Rng::new(seed);
            let (nl, nu) = (4, 13);
            let max = 3 + (seed % 2) as usize;
            let p = random_problem(nl, nu, 1 + (seed % 2) as usize, max, 40 + seed);
            let mut rules = Rules::root(&p);
            rules.restricted = true;
            rules.has_pairs = true;
            for (i, together) in [(0, true), (1, true), (2, false), (3, false), (4, true)] {
                if i == 4 && seed % 3 != 0 {
                    continue;
                }
                let a = rng.below(nu) as u16;
                let b = (a as usize + 1 + rng.below(nu - 1)) as u16 % nu as u16;
                if rules.partners[a as usize].iter().any(|x| x.0 == b) {
                    continue;
                }
                rules.partners[a as usize].push((b, together));
                rules.partners[b as usize].push((a, together));
            }
            if seed % 4 == 1 {
                rules.required[0].push(rng.below(nu) as u16);
            }
            let duals = crate::assign::bundle_search::tests::random_duals(&p, &mut rng);
            let mut pricer = SearchPricer::new(&p);
            let mut store = Bundles::empty(max);
            let (priced, _) = pricer.price(&p, &mut store, &rules, &duals, false, 6, 1e-7);
            for l in 0..nl {
                let mut exact = f64::INFINITY;
                for code in 0u32..1 << nu {
                    let units: Vec<u16> = (0..nu as u16).filter(|&u| code >> u & 1 == 1).collect();
                    let spec = &p.leaders[l];
                    if units.len() < spec.min_units
                        || units.len() > spec.max_units
                        || !rules.leader_ok(l, &units)
                        || !rules.bundle_ok(&units)
                    {
                        continue;
                    }
                    let us: Vec<usize> = units.iter().map(|&u| u as usize).collect();
                    let rc = bundle_cost(&p, l, &us)
                        - us.iter().map(|&u| duals.pi[u]).sum::<f64>()
                        - duals.mu[l];
                    exact = exact.min(rc);
                }
                let got = priced.min_rc[l];
                if exact < -1e-7 {
                    negative += 1;
                    assert!(
                        (got - exact).abs() < 1e-9,
                        "seed {seed} leader {l}: {got} vs {exact}"
                    );
                } else {
                    assert!(got <= 1e-12, "seed {seed} leader {l}");
                }
            }
            for &(l, b, rc) in &priced.columns {
                let units = store.units(b as usize);
                assert!(
                    rules.leader_ok(l, units) && rules.bundle_ok(units),
                    "seed {seed}"
                );
                assert!(rc < 0.0);
            }
        }
        assert!(negative > 40, "only {negative} leaders priced negative");
    }
}
