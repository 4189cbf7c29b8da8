//! Household visits (rule 4). Each leader and slot helper visits every
//! household of each of their units `household_visits_per_member` times, in
//! half-day sessions of at most `households_per_visit_session` households,
//! hamlet by hamlet, one round of the unit after another.
//!
//! Members visit alone, so each is planned on their own: list their free
//! half-days (Monday to Saturday, no holiday, away period, meeting or
//! session), pick as many as the visits need at even spacing through the
//! year, and interleave their units so each unit's visits run evenly too.
//! That keeps every month near its even share. When the free half-days are
//! too few, every unit keeps the same fraction of its visits (the first
//! rounds first) and the rest is reported, not hidden.

use rayon::prelude::*;

use super::cx::Cx;

pub(crate) const HALVES: [(u16, u16); 2] = [(9 * 60, 12 * 60), (14 * 60 + 30, 17 * 60 + 30)];

pub(crate) struct Visit {
    pub day: usize,
    pub half: usize,
    pub unit: usize,
    pub person: usize,
    /// Index into the unit's hamlets; `None` for a unit without hamlets.
    pub hamlet: Option<usize>,
    pub households: u32,
}

pub(crate) struct Short {
    pub person: usize,
    pub unit: usize,
    pub households_missing: u64,
    pub half_days_missing: usize,
    pub half_days_needed: usize,
    pub half_days_free: usize,
}

/// One unit's visit sessions for one member, in the order they are made:
/// round by round, hamlet by hamlet, each hamlet's share of a round together.
pub(crate) fn chunks(cx: &Cx, u: usize) -> Vec<(Option<usize>, u32)> {
    let r = cx.roster;
    let unit = &r.units[u];
    let v = r.policy.household_visits_per_member as u64;
    let cap = r.policy.households_per_visit_session.max(1) as u64;
    let hamlets: Vec<(Option<usize>, u64)> = if unit.hamlets.is_empty() {
        vec![(None, unit.households as u64)]
    } else {
        unit.hamlets
            .iter()
            .enumerate()
            .map(|(i, h)| (Some(i), h.households as u64))
            .collect()
    };
    if v == 0 {
        return Vec::new();
    }
    // Per hamlet: the fewest sessions holding v × households.
    let per: Vec<Vec<u32>> = hamlets
        .iter()
        .map(|&(_, hh)| {
            let total = v * hh;
            let n = total.div_ceil(cap);
            (0..n)
                .map(|i| if i + 1 < n { cap } else { total - cap * (n - 1) } as u32)
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for round in 0..v as usize {
        for (h, sizes) in per.iter().enumerate() {
            let n = sizes.len();
            let (a, b) = (round * n / v as usize, (round + 1) * n / v as usize);
            out.extend(sizes[a..b].iter().map(|&s| (hamlets[h].0, s)));
        }
    }
    out
}

pub(crate) fn plan(cx: &Cx) -> (Vec<Visit>, Vec<Short>) {
    let unit_chunks: Vec<Vec<(Option<usize>, u32)>> =
        (0..cx.roster.units.len()).map(|u| chunks(cx, u)).collect();
    let per_person: Vec<(Vec<Visit>, Vec<Short>)> = (0..cx.persons.len())
        .into_par_iter()
        .map(|p| person_visits(cx, p, &unit_chunks))
        .collect();
    let mut visits = Vec::new();
    let mut short = Vec::new();
    for (v, s) in per_person {
        visits.extend(v);
        short.extend(s);
    }
    (visits, short)
}

fn person_visits(
    cx: &Cx,
    p: usize,
    unit_chunks: &[Vec<(Option<usize>, u32)>],
) -> (Vec<Visit>, Vec<Short>) {
    let units = &cx.persons[p].visit_units;
    if units.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut slots: Vec<(usize, usize)> = Vec::new();
    for d in cx.start..cx.ndays {
        if cx.weekday(d) == chrono::Weekday::Sun {
            continue;
        }
        for (h, &(s, e)) in HALVES.iter().enumerate() {
            if cx.free(p, d, s, e) {
                slots.push((d, h));
            }
        }
    }
    // Visits kept from before a replan's date count toward the year's.
    let done: Vec<usize> = units
        .iter()
        .map(|&u| {
            cx.done
                .get(&(p, u))
                .copied()
                .unwrap_or(0)
                .min(unit_chunks[u].len())
        })
        .collect();
    let need: Vec<usize> = units
        .iter()
        .zip(&done)
        .map(|(&u, &d)| unit_chunks[u].len() - d)
        .collect();
    let total: usize = need.iter().sum();
    let free = slots.len();
    let keep: Vec<usize> = if total <= free {
        need.clone()
    } else {
        // Largest remainder: each unit keeps the same fraction of its visits.
        let mut keep: Vec<usize> = need.iter().map(|&n| n * free / total).collect();
        let mut rest = free - keep.iter().sum::<usize>();
        let mut by_rem: Vec<usize> = (0..need.len()).collect();
        by_rem.sort_by_key(|&k| (std::cmp::Reverse(need[k] * free % total), k));
        for k in by_rem {
            if rest == 0 {
                break;
            }
            if keep[k] < need[k] {
                keep[k] += 1;
                rest -= 1;
            }
        }
        keep
    };
    // Interleave units: the j-th of a unit's n visits sits at (j + ½) / n of
    // the way through the member's year.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for (k, &n) in keep.iter().enumerate() {
        order.extend((0..n).map(|j| (k, j)));
    }
    order.sort_by(|&(ka, ja), &(kb, jb)| {
        let a = (2 * ja as u64 + 1) * keep[kb] as u64;
        let b = (2 * jb as u64 + 1) * keep[ka] as u64;
        a.cmp(&b).then(ka.cmp(&kb))
    });
    let n = order.len();
    let mut visits = Vec::with_capacity(n);
    for (i, &(k, j)) in order.iter().enumerate() {
        let (day, half) = slots[(2 * i + 1) * free / (2 * n)];
        let u = units[k];
        let (hamlet, households) = unit_chunks[u][done[k] + j];
        visits.push(Visit {
            day,
            half,
            unit: u,
            person: p,
            hamlet,
            households,
        });
    }
    let mut short = Vec::new();
    for (k, &u) in units.iter().enumerate() {
        if keep[k] < need[k] {
            short.push(Short {
                person: p,
                unit: u,
                households_missing: unit_chunks[u][done[k] + keep[k]..]
                    .iter()
                    .map(|c| c.1 as u64)
                    .sum(),
                half_days_missing: need[k] - keep[k],
                half_days_needed: total,
                half_days_free: free,
            });
        }
    }
    (visits, short)
}
