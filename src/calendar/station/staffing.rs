//! Each week's seating: people on one team go to it when free; people on
//! several teams are matched so that as many sessions as possible have a
//! township member, the least-served units first, and the rest go where a
//! session is below `min_present` or to the unit they have served least.
//! Who misses a session for an emergency or an absence is recorded here for
//! the make-ups.

use super::cycle::Rotation;
use super::{Missed, NONE, Tally, WeekOut, Year, share};
use crate::calendar::cx::{Cause, Cx};

/// Places everyone for week `w`. Rotating leaders either choose among their
/// safe units (`rotations`, the first pass) or sit where `fixed` says (the
/// final pass, after the rotations were improved).
pub(super) fn week(
    cx: &Cx,
    y: &Year,
    w: usize,
    tally: &mut Tally,
    rotations: Option<&mut [Option<Rotation>]>,
    fixed: Option<&[Vec<usize>]>,
) -> WeekOut {
    let nu = cx.roster.units.len();
    let np = cx.persons.len();
    let min_present = cx.roster.policy.min_present;
    let sess = &y.sess[w];
    let mut slot = vec![NONE; nu];
    for (i, &u) in sess.iter().enumerate() {
        slot[u] = i;
    }
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); sess.len()];
    let mut missed = Vec::new();
    let mut multi: Vec<usize> = Vec::new();
    let mut opts: Vec<Vec<usize>> = vec![Vec::new(); np];
    let (att, seen) = (&mut tally.att, &mut tally.seen);
    for p in 0..np {
        let person = &cx.persons[p];
        let here: Vec<usize> = (0..person.units.len())
            .filter(|&k| y.has[person.units[k]][w])
            .collect();
        if here.is_empty() {
            continue;
        }
        if let Some(cause) = y.blocked[p][w] {
            if !matches!(cause, Cause::Meeting | Cause::Elsewhere) {
                // Missed where their rotation would have taken them: the
                // unit they have served least.
                let k = *here
                    .iter()
                    .min_by(|&&a, &&b| {
                        share(att[p][a], seen[p][a]).total_cmp(&share(att[p][b], seen[p][b]))
                    })
                    .expect("not empty");
                missed.push(Missed {
                    week: w,
                    unit: person.units[k],
                    person: p,
                });
                att[p][k] += 1;
            }
            for &k in &here {
                seen[p][k] += 1;
            }
            continue;
        }
        if person.units.len() == 1 {
            at[slot[person.units[0]]].push(p);
            continue;
        }
        if y.rotating[p]
            && let Some(f) = fixed
            && f[p][w] != NONE
        {
            at[slot[f[p][w]]].push(p);
            opts[p] = vec![f[p][w]];
            multi.push(p);
            continue;
        }
        let allowed = match rotations.as_deref() {
            Some(rots) if y.rotating[p] => {
                rots[p].as_ref().map_or(here.clone(), |r| r.safe(&here, w))
            }
            _ => here.clone(),
        };
        opts[p] = allowed.iter().map(|&k| person.units[k]).collect();
        multi.push(p);
    }
    // Leaders fixed by the final pass are already seated.
    let seated: Vec<bool> = (0..np)
        .map(|p| {
            fixed.is_some()
                && y.rotating[p]
                && opts[p].len() == 1
                && at.iter().any(|a| a.contains(&p))
        })
        .collect();

    // Cover as many sessions with a township member as possible, the
    // least-covered units first (a transversal matroid: greedy order is optimal).
    let covered: Vec<bool> = at
        .iter()
        .map(|a| a.iter().any(|&p| cx.persons[p].township))
        .collect();
    let mut order: Vec<usize> = (0..sess.len()).filter(|&i| !covered[i]).collect();
    let turn = |u: usize| (u + nu - w % nu.max(1)) % nu.max(1);
    order.sort_by(|&a, &b| {
        let (ua, ub) = (sess[a], sess[b]);
        share(tally.unit_covered[ua], tally.unit_sessions[ua])
            .total_cmp(&share(tally.unit_covered[ub], tally.unit_sessions[ub]))
            .then(turn(ua).cmp(&turn(ub)))
    });
    let (att, seen) = (&tally.att, &tally.seen);
    let mut cand: Vec<Vec<usize>> = vec![Vec::new(); sess.len()];
    for &p in &multi {
        if !cx.persons[p].township || seated[p] {
            continue;
        }
        for &u in &opts[p] {
            cand[slot[u]].push(p);
        }
    }
    for (i, c) in cand.iter_mut().enumerate() {
        let u = sess[i];
        c.sort_by(|&a, &b| {
            pref(cx, att, seen, a, u)
                .total_cmp(&pref(cx, att, seen, b, u))
                .then(a.cmp(&b))
        });
    }
    let mut matched = vec![NONE; np];
    let mut visited = vec![false; np];
    for &i in &order {
        for &p in &multi {
            visited[p] = false;
        }
        augment(i, &cand, &mut matched, &mut visited);
    }
    for &p in &multi {
        if seated[p] {
            matched[p] = slot[opts[p][0]];
        } else if matched[p] != NONE {
            at[matched[p]].push(p);
        }
    }
    for &p in &multi {
        if matched[p] != NONE {
            continue;
        }
        let best = opts[p].iter().copied().min_by(|&a, &b| {
            let (ia, ib) = (slot[a], slot[b]);
            (at[ia].len() >= min_present)
                .cmp(&(at[ib].len() >= min_present))
                .then(pref(cx, att, seen, p, a).total_cmp(&pref(cx, att, seen, p, b)))
                .then(at[ia].len().cmp(&at[ib].len()))
                .then(a.cmp(&b))
        });
        if let Some(u) = best {
            at[slot[u]].push(p);
            matched[p] = slot[u];
        }
    }

    // Tally who went where, and move the rotations on.
    for &p in &multi {
        let person = &cx.persons[p];
        let went = sess.get(matched[p]).copied();
        for (k, &u) in person.units.iter().enumerate() {
            if y.has[u][w] {
                tally.seen[p][k] += 1;
                if Some(u) == went {
                    tally.att[p][k] += 1;
                }
            }
        }
    }
    if let Some(rots) = rotations {
        for rot in rots.iter_mut().flatten() {
            let p = rot.person;
            if y.blocked[p][w].is_some() {
                continue;
            }
            let here: Vec<usize> = (0..rot.units.len())
                .filter(|&k| y.has[rot.units[k]][w])
                .collect();
            let went = sess
                .get(matched[p])
                .and_then(|u| rot.units.iter().position(|x| x == u));
            rot.advance(&here, went);
        }
    }
    for (i, people) in at.iter_mut().enumerate() {
        let u = sess[i];
        let team = &cx.teams[u].members;
        people.sort_by_key(|p| team.iter().position(|x| x == p).unwrap_or(usize::MAX));
        tally.unit_sessions[u] += 1;
        if people.iter().any(|&p| cx.persons[p].township) {
            tally.unit_covered[u] += 1;
        }
    }
    WeekOut { at, missed }
}

/// How much person `p` is wanted at unit `u` (lower: more).
fn pref(cx: &Cx, att: &[Vec<u32>], seen: &[Vec<u32>], p: usize, u: usize) -> f64 {
    match cx.persons[p].units.iter().position(|&x| x == u) {
        Some(k) => share(att[p][k], seen[p][k]),
        None => f64::INFINITY,
    }
}

/// Kuhn's augmenting path from session `i`.
pub(super) fn augment(
    i: usize,
    cand: &[Vec<usize>],
    matched: &mut [usize],
    visited: &mut [bool],
) -> bool {
    for &p in &cand[i] {
        if visited[p] {
            continue;
        }
        visited[p] = true;
        if matched[p] == usize::MAX || augment(matched[p], cand, matched, visited) {
            matched[p] = i;
            return true;
        }
    }
    false
}
