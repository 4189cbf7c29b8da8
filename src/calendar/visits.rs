//! Household visits (rule 4) that people can do. Each unit's households are
//! visited `household_visits` times a year, in half-day sessions of at most
//! `households_per_visit_session` households, hamlet by hamlet, one round of
//! the unit after another: by the team together (`household_visits_by =
//! "team"`, visits shared among its members) or by every leader and slot
//! helper (`"member"`). A session holds 1–3 of the unit's team and counts for
//! each of them; a leader goes with one of the unit's own people (its party
//! secretary or a committee cadre on the team) whenever one is free.
//!
//! Visits fall on `visit_days` or swapped working days, never on holidays,
//! and nobody spends more than `visit_half_days_per_month` half-days a month
//! on them. Planning is greedy and deterministic: every unit's sessions get
//! ideal times evenly through the year, all units' sessions are placed in
//! that order at the nearest half-day that suits, and the lead of a team
//! visit is whoever is furthest below their fair share (each person's
//! capacity split over their units). What cannot be placed is reported with
//! the shortfall and what would fit.

use super::cx::Cx;
use crate::model::{Role, VisitsBy};

/// Highest monthly visit cap a warning suggests: 16 half-days is 8 days of
/// a month's 21 or so working days; a trial found 22 half-days (11 days)
/// no township would live, so past this the other remedies stand alone.
const MOST_CAP_SUGGESTED: u32 = 16;

pub(crate) const HALVES: [(u16, u16); 2] = [(9 * 60, 12 * 60), (14 * 60 + 30, 17 * 60 + 30)];

pub(crate) struct Visit {
    pub day: usize,
    pub half: usize,
    pub unit: usize,
    /// Lead first; a leader's companion second.
    pub people: Vec<usize>,
    /// Index into the unit's hamlets; `None` for a unit without hamlets.
    pub hamlet: Option<usize>,
    pub households: u32,
}

/// Visits that did not fit: a member's (`by = "member"`) or a team's.
pub(crate) struct Short {
    pub unit: usize,
    /// The member short, or `None` for the team as a whole.
    pub person: Option<usize>,
    /// Who visits for the unit (the team's visitors), for the message.
    pub team: Vec<usize>,
    pub households_missing: u64,
    pub half_days_missing: usize,
    /// The smallest monthly cap that would hold the missing half-days, if any does.
    pub cap_would_fit: Option<u32>,
    /// More visiting helpers of the unit's own that would (by = "team").
    pub more_helpers: Option<usize>,
    /// By = "member": the team rule would fit this unit.
    pub by_team_fits: bool,
}

/// One unit's visit sessions, in the order they are made: round by round,
/// hamlet by hamlet, each hamlet's share of a round together.
pub(crate) fn chunks(cx: &Cx, u: usize) -> Vec<(Option<usize>, u32)> {
    let r = cx.roster;
    let unit = &r.units[u];
    let v = r.policy.household_visits as u64;
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

/// Who visits for a unit: `counted` (leader and slot helpers, whose own
/// visits `by = "member"` counts), `visitors` (those and the unit's own
/// assist members) and `locals` (the unit's own party secretary and
/// committee cadres on the team: a leader's companions).
struct UnitPeople {
    leader: Option<usize>,
    counted: Vec<usize>,
    visitors: Vec<usize>,
    locals: Vec<usize>,
}

fn unit_people(cx: &Cx, u: usize) -> UnitPeople {
    let r = cx.roster;
    let team = &cx.teams[u];
    let uid = &r.units[u].id;
    let helper = |p: usize| r.helper_index(&cx.persons[p].id).map(|h| &r.helpers[h]);
    let own = |p: usize| helper(p).is_some_and(|h| h.unit.as_deref() == Some(uid.as_str()));
    let counted: Vec<usize> = team
        .members
        .iter()
        .copied()
        .filter(|&p| cx.persons[p].visit_units.contains(&u))
        .collect();
    let visitors: Vec<usize> = team
        .members
        .iter()
        .copied()
        .filter(|&p| counted.contains(&p) || own(p))
        .collect();
    let locals = team
        .members
        .iter()
        .copied()
        .filter(|&p| {
            own(p)
                && helper(p)
                    .is_some_and(|h| matches!(h.role, Role::PartySecretary | Role::CommitteeCadre))
        })
        .collect();
    UnitPeople {
        leader: team.leader,
        counted,
        visitors,
        locals,
    }
}

/// The half-days of the year, their months, and who is free in each.
struct Slots {
    /// Slot t = 2 × day + half, for days visits may fall on.
    ok: Vec<usize>,
    month: Vec<usize>,
    /// Per person: free for a visit in slot t (no holiday, block or session).
    free: Vec<Vec<bool>>,
    /// Per person: visit half-days used per month.
    used: Vec<[u32; 12]>,
    /// Per person and month: free visit half-days (before any visit).
    avail: Vec<[u32; 12]>,
    /// Per person and month: visit half-days held before the plan's first
    /// day (a replan from a date), already under the cap.
    held: Vec<[u32; 12]>,
    cap: u32,
    /// Visit half-days one more person, free every visit day from the
    /// plan's first day, could give under the cap: what a helper added to
    /// the roster brings (a replan from September has four months left).
    fresh: u32,
    /// Per unit and month: visit sessions placed so far.
    unit_used: Vec<[u32; 12]>,
    /// Per unit: the most sessions a month should hold, twice the even
    /// share over the months with a visit day, so that one person's weeks
    /// away don't pile the unit's visits into the month after.
    unit_limit: Vec<u32>,
}

impl Slots {
    fn new(cx: &Cx, visiting: &[bool], sessions: &[usize]) -> Slots {
        let r = cx.roster;
        let days = &r.policy.visit_days;
        let mut ok = Vec::new();
        let mut month = vec![0; 2 * cx.ndays];
        let mut open = [false; 12];
        for d in 0..cx.ndays {
            let date = cx.date(d);
            for h in 0..2 {
                month[2 * d + h] = chrono::Datelike::month0(&date) as usize;
            }
            if r.days.working(date, days) {
                open[month[2 * d]] = true;
            }
            // A replan from a date plans visits from that day on.
            if d >= cx.start && r.days.working(date, days) {
                ok.extend([2 * d, 2 * d + 1]);
            }
        }
        let np = cx.persons.len();
        let mut free = vec![Vec::new(); np];
        let mut avail = vec![[0u32; 12]; np];
        for p in (0..np).filter(|&p| visiting[p]) {
            let mut f = vec![false; 2 * cx.ndays];
            for &t in &ok {
                let (s, e) = HALVES[t % 2];
                if cx.free(p, t / 2, s, e) {
                    f[t] = true;
                    avail[p][month[t]] += 1;
                }
            }
            free[p] = f;
        }
        let mut held = vec![[0u32; 12]; np];
        for (&(p, m), &n) in &cx.month_held {
            if let Some(h) = held.get_mut(p).and_then(|h| h.get_mut(m)) {
                *h += n;
            }
        }
        let cap = r.policy.visit_half_days_per_month;
        let mut per_month = [0u32; 12];
        for &t in &ok {
            per_month[month[t]] += 1;
        }
        let fresh = per_month.iter().map(|&n| n.min(cap)).sum();
        let open = open.iter().filter(|&&o| o).count().max(1);
        Slots {
            fresh,
            ok,
            month,
            free,
            used: held.clone(),
            avail,
            held,
            cap,
            unit_used: vec![[0; 12]; sessions.len()],
            unit_limit: sessions
                .iter()
                .map(|&n| (2 * n).div_ceil(open) as u32)
                .collect(),
        }
    }

    /// Unit u's month at slot t holds fewer sessions than its limit.
    fn unit_room(&self, u: usize, t: usize) -> bool {
        self.unit_used[u][self.month[t]] < self.unit_limit[u]
    }

    fn book_unit(&mut self, u: usize, t: usize) {
        self.unit_used[u][self.month[t]] += 1;
    }

    fn can(&self, p: usize, t: usize) -> bool {
        self.free[p].get(t).copied().unwrap_or(false) && self.used[p][self.month[t]] < self.cap
    }

    fn book(&mut self, p: usize, t: usize) {
        self.free[p][t] = false;
        self.used[p][self.month[t]] += 1;
    }

    /// Visit half-days a person can give in the year under a monthly cap
    /// (less what the kept part of a month already holds).
    fn capacity(&self, p: usize, cap: u32) -> u32 {
        self.avail[p]
            .iter()
            .zip(&self.held[p])
            .map(|(&a, &h)| a.min(cap.saturating_sub(h)))
            .sum()
    }

    /// Slot indices into `ok`, nearest the ideal one first.
    fn around(&self, ideal: usize) -> impl Iterator<Item = usize> + '_ {
        let n = self.ok.len();
        (0..2 * n).filter_map(move |k| {
            let i = if k % 2 == 0 {
                ideal.checked_add(k / 2)
            } else {
                ideal.checked_sub(k / 2 + 1)
            }?;
            (i < n).then(|| self.ok[i])
        })
    }
}

/// One session to place: a unit's chunk, at an ideal index into `ok`.
struct Want {
    unit: usize,
    chunk: usize,
    ideal: usize,
}

pub(crate) fn plan(cx: &Cx) -> (Vec<Visit>, Vec<Short>) {
    let r = cx.roster;
    let nu = r.units.len();
    let people: Vec<UnitPeople> = (0..nu).map(|u| unit_people(cx, u)).collect();
    let unit_chunks: Vec<Vec<(Option<usize>, u32)>> = (0..nu)
        .map(|u| {
            if people[u].counted.is_empty() && people[u].visitors.is_empty() {
                Vec::new()
            } else {
                chunks(cx, u)
            }
        })
        .collect();
    let mut visiting = vec![false; cx.persons.len()];
    for up in &people {
        for &p in &up.visitors {
            visiting[p] = true;
        }
    }
    // The fewest sessions each unit will hold: by member, a session takes
    // at most three of them.
    let sessions: Vec<usize> = (0..nu)
        .map(|u| match r.policy.household_visits_by {
            VisitsBy::Team => unit_chunks[u].len(),
            VisitsBy::Member => unit_chunks[u].len() * people[u].counted.len().div_ceil(3).max(1),
        })
        .collect();
    let mut slots = Slots::new(cx, &visiting, &sessions);
    let n_ok = slots.ok.len();

    let by = r.policy.household_visits_by;
    // Visits kept from before a replan's date count toward the year's: the
    // unit's first sessions are done (by team: every session the unit had,
    // whoever made it; by member: as many as every member made).
    let done = |u: usize| -> usize {
        match by {
            VisitsBy::Team => cx.unit_done.get(&u).copied().unwrap_or(0),
            VisitsBy::Member => people[u]
                .counted
                .iter()
                .map(|p| cx.done.get(&(*p, u)).copied().unwrap_or(0))
                .min()
                .unwrap_or(0),
        }
    };
    // Every unit's sessions at even ideal times, all units interleaved.
    let mut wants: Vec<Want> = Vec::new();
    for (u, c) in unit_chunks.iter().enumerate() {
        let first = done(u).min(c.len());
        let n = c.len() - first;
        wants.extend((0..n).map(|j| Want {
            unit: u,
            chunk: first + j,
            ideal: (2 * j + 1) * n_ok / (2 * n.max(1)),
        }));
    }
    wants.sort_by_key(|w| (w.ideal, w.unit, w.chunk));

    let mut visits = Vec::new();
    let shorts = match by {
        VisitsBy::Team => by_team(cx, &people, &unit_chunks, &wants, &mut slots, &mut visits),
        VisitsBy::Member => by_member(cx, &people, &unit_chunks, &wants, &mut slots, &mut visits),
    };
    (visits, shorts)
}

/// Each person's fair share of visit half-days per unit: their capacity
/// under the cap, split over their units in proportion to the units' needs.
fn shares(cx: &Cx, people: &[UnitPeople], need: &[usize], slots: &Slots) -> Vec<Vec<f64>> {
    let np = cx.persons.len();
    let mut demand = vec![0usize; np];
    for (u, up) in people.iter().enumerate() {
        for &p in &up.visitors {
            demand[p] += need[u];
        }
    }
    people
        .iter()
        .enumerate()
        .map(|(u, up)| {
            up.visitors
                .iter()
                .map(|&p| {
                    slots.capacity(p, slots.cap) as f64 * need[u] as f64 / demand[p].max(1) as f64
                })
                .collect()
        })
        .collect()
}

/// A companion for a leader at slot t: the unit's own person with the
/// fewest visits that month, sparing those for whom this visit counts
/// nothing (`covered`: they have already visited these households).
fn companion(
    locals: &[usize],
    t: usize,
    slots: &Slots,
    skip: &[usize],
    covered: &[usize],
) -> Option<usize> {
    locals
        .iter()
        .copied()
        .filter(|p| !skip.contains(p) && slots.can(*p, t))
        .min_by_key(|&p| (covered.contains(&p), slots.used[p][slots.month[t]], p))
}

fn by_team(
    cx: &Cx,
    people: &[UnitPeople],
    unit_chunks: &[Vec<(Option<usize>, u32)>],
    wants: &[Want],
    slots: &mut Slots,
    visits: &mut Vec<Visit>,
) -> Vec<Short> {
    let nu = people.len();
    let need: Vec<usize> = unit_chunks.iter().map(Vec::len).collect();
    let share = shares(cx, people, &need, slots);
    // Sessions each visitor has led or joined at each unit.
    let mut done: Vec<Vec<f64>> = people
        .iter()
        .map(|up| vec![0.0; up.visitors.len()])
        .collect();
    let mut stuck = vec![false; nu];
    let mut missing: Vec<(u64, usize)> = vec![(0, 0); nu];
    for w in wants {
        let u = w.unit;
        let up = &people[u];
        let (hamlet, households) = unit_chunks[u][w.chunk];
        let mut placed = None;
        if !stuck[u] {
            // Whoever is furthest below their share leads; the first slot
            // where such a person is free wins.
            // Months under the unit's limit first; any month if none has room.
            let mut found = None;
            for spread in [true, false] {
                let around = slots
                    .around(w.ideal)
                    .filter(|&t| !spread || slots.unit_room(u, t));
                for (looked, t) in around.enumerate() {
                    // Within four weeks of half-days, else whoever is free first.
                    if looked > 40 && found.is_some() {
                        break;
                    }
                    let best = (0..up.visitors.len())
                        .filter(|&k| slots.can(up.visitors[k], t))
                        .min_by(|&a, &b| {
                            let ra = (done[u][a] + 1.0) / share[u][a].max(1e-9);
                            let rb = (done[u][b] + 1.0) / share[u][b].max(1e-9);
                            ra.total_cmp(&rb).then(a.cmp(&b))
                        });
                    if let Some(k) = best
                        && done[u][k] < share[u][k]
                    {
                        found = Some((t, k));
                        break;
                    }
                    if found.is_none()
                        && let Some(k) = best
                    {
                        // Over their share: only if nobody under it fits anywhere.
                        found = Some((t, k));
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            placed = found.map(|(t, k)| {
                let lead = up.visitors[k];
                let mut group = vec![lead];
                if Some(lead) == up.leader
                    && let Some(c) = companion(&up.locals, t, slots, &group, &[])
                {
                    group.push(c);
                }
                (t, group)
            });
        }
        match placed {
            Some((t, group)) => {
                slots.book_unit(u, t);
                for &p in &group {
                    slots.book(p, t);
                    if let Some(k) = up.visitors.iter().position(|&x| x == p) {
                        done[u][k] += 1.0;
                    }
                }
                visits.push(Visit {
                    day: t / 2,
                    half: t % 2,
                    unit: u,
                    people: group,
                    hamlet,
                    households,
                });
            }
            None => {
                stuck[u] = true;
                missing[u].0 += households as u64;
                missing[u].1 += 1;
            }
        }
    }
    let mut out = Vec::new();
    for u in 0..nu {
        let (households_missing, half_days_missing) = missing[u];
        if half_days_missing == 0 {
            continue;
        }
        let up = &people[u];
        // The cap that would give the team the missing half-days, each
        // member adding their share of what a higher cap frees. A leader's
        // visits add none where the unit's own people go with them.
        let gain = |cap: u32| -> f64 {
            up.visitors
                .iter()
                .enumerate()
                .filter(|&(_, &p)| up.locals.is_empty() || Some(p) != up.leader)
                .map(|(k, &p)| {
                    let now = slots.capacity(p, slots.cap) as f64;
                    let more = slots.capacity(p, cap) as f64;
                    if now > 0.0 {
                        (more - now) * share[u][k] / now
                    } else {
                        0.0
                    }
                })
                .sum()
        };
        let cap_would_fit =
            (slots.cap + 1..=MOST_CAP_SUGGESTED).find(|&c| gain(c) >= half_days_missing as f64);
        let per_helper = slots.fresh as usize;
        out.push(Short {
            unit: u,
            person: None,
            team: up.visitors.clone(),
            households_missing,
            half_days_missing,
            cap_would_fit,
            more_helpers: Some(half_days_missing.div_ceil(per_helper.max(1))),
            by_team_fits: false,
        });
    }
    out
}

fn by_member(
    cx: &Cx,
    people: &[UnitPeople],
    unit_chunks: &[Vec<(Option<usize>, u32)>],
    wants: &[Want],
    slots: &mut Slots,
    visits: &mut Vec<Visit>,
) -> Vec<Short> {
    let np = cx.persons.len();
    let nu = people.len();
    // A person with no free half-day left under the cap anywhere.
    let mut stuck = vec![false; np];
    // (unit, person) → households and half-days not visited.
    let mut missing: std::collections::BTreeMap<(usize, usize), (u64, usize)> = Default::default();
    // Half-days each member needs in all (their units' sessions).
    let mut need = vec![0usize; np];
    for (u, up) in people.iter().enumerate() {
        for &p in &up.counted {
            need[p] += unit_chunks[u].len();
        }
    }
    for w in wants {
        let u = w.unit;
        let up = &people[u];
        let (hamlet, households) = unit_chunks[u][w.chunk];
        let mut left: Vec<usize> = up.counted.iter().copied().filter(|&p| !stuck[p]).collect();
        let mut gone: Vec<usize> = up.counted.iter().copied().filter(|&p| stuck[p]).collect();
        let mut covered: Vec<usize> = Vec::new();
        while !left.is_empty() {
            // The nearest half-day holding the most of those left (all, ideally).
            // Months under the unit's limit first; any month if none has room.
            let mut best: Option<(usize, Vec<usize>)> = None;
            for spread in [true, false] {
                let mut looked = 0;
                for t in slots.around(w.ideal) {
                    if spread && !slots.unit_room(u, t) {
                        continue;
                    }
                    let here: Vec<usize> =
                        left.iter().copied().filter(|&p| slots.can(p, t)).collect();
                    if here.len() > best.as_ref().map_or(0, |b| b.1.len()) {
                        best = Some((t, here));
                    }
                    if best.as_ref().is_some_and(|b| b.1.len() == left.len()) {
                        break;
                    }
                    if best.is_some() {
                        looked += 1;
                        // Not far: a fortnight of half-days for the whole group.
                        if looked > 20 {
                            break;
                        }
                    }
                }
                if best.is_some() {
                    break;
                }
            }
            let Some((t, mut group)) = best else {
                for &p in &left {
                    stuck[p] = true;
                }
                gone.append(&mut left);
                break;
            };
            group.truncate(3);
            if let Some(l) = up.leader
                && group.contains(&l)
                && group.len() < 3
                && !group.iter().any(|p| up.locals.contains(p))
                && let Some(c) = companion(&up.locals, t, slots, &group, &covered)
            {
                group.push(c);
            }
            for &p in &group {
                slots.book(p, t);
            }
            slots.book_unit(u, t);
            left.retain(|p| !group.contains(p));
            covered.extend(group.iter().copied());
            visits.push(Visit {
                day: t / 2,
                half: t % 2,
                unit: u,
                people: group,
                hamlet,
                households,
            });
        }
        for p in gone {
            let e = missing.entry((u, p)).or_default();
            e.0 += households as u64;
            e.1 += 1;
        }
    }
    // The team rule for comparison: does the unit's need fit its visitors?
    let team_capacity = |u: usize| -> usize {
        people[u]
            .visitors
            .iter()
            .map(|&p| {
                let units = people.iter().filter(|x| x.visitors.contains(&p)).count();
                slots.capacity(p, slots.cap) as usize / units.max(1)
            })
            .sum()
    };
    let _ = nu;
    missing
        .into_iter()
        .map(|((u, p), (households_missing, half_days_missing))| {
            let cap_would_fit = (slots.cap + 1..=MOST_CAP_SUGGESTED)
                .find(|&c| slots.capacity(p, c) as usize >= need[p]);
            Short {
                unit: u,
                person: Some(p),
                team: people[u].visitors.clone(),
                households_missing,
                half_days_missing,
                cap_would_fit,
                more_helpers: None,
                by_team_fits: unit_chunks[u].len() <= team_capacity(u),
            }
        })
        .collect()
}
