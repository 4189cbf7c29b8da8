//! The planner: roster in, plan file out. Stage 1 hands the leader
//! assignment to an engine (`assign`); stage 2 builds each unit's team
//! (`teams`). A need no team can cover under the leaders found is then
//! required of that unit's leader and stage 1 is solved again; should that
//! fail, one joint feasibility MIP (`joint`) settles whether a plan exists
//! and which needs the leaders must bring. The plan's cost is recomputed
//! from the final plan term by term, as the spec defines it; its lower
//! bound is the first (least restricted) leader bound plus stage 2's own.
//! When no plan exists, `diagnose` says why in the planner's terms.
//!
//! `--time-limit` covers the whole run, shared out by [`Budget`]: each stage
//! that runs short keeps its best so far, and the plan's `stopped` names
//! the stages cut.

mod assists;
pub mod diagnose;
mod flow;
mod joint;
pub mod leaders;
pub mod previous;
pub mod teams;
mod visit_assists;

use std::time::{Duration, Instant};

use crate::assign::leaders::{
    LeaderProblem, LeaderSolution, Pricing, SolveOptions, Status, Stopped, best_tour,
};
use crate::model::Roster;
use crate::plan::{Assignment, LeaderLine, Metrics, PlanFile, PlanHeader};
use crate::wording::plan::PlanSaid;

use leaders::MustHave;
pub use previous::{Pins, Previous};
use teams::{Shortfall, Teams};

/// The leader-assignment engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Branch-and-price over bundles, pure Rust (the default).
    Bundles,
    /// The bundle model handed to HiGHS (cargo feature `highs`).
    Highs,
}

impl Engine {
    pub fn as_str(self) -> &'static str {
        match self {
            Engine::Bundles => "bundles",
            Engine::Highs => "highs",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub engine: Engine,
    pub time_limit: Duration,
    pub seed: u64,
    /// Deterministic budget for the engine in work units (see
    /// `assign::SolveOptions::work_limit`); the time limit stays a guard.
    pub work_limit: Option<u64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            engine: Engine::Bundles,
            time_limit: Duration::from_secs(10),
            seed: 0,
            work_limit: None,
        }
    }
}

/// Wall-clock seconds per stage: for the terminal only, never the file.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub leaders: f64,
    pub teams: f64,
    pub calendar: f64,
    pub total: f64,
}

#[derive(Debug, Clone)]
pub struct Planned {
    pub file: PlanFile,
    pub timings: Timings,
    /// How the engine priced (None for highs): for the terminal.
    pub pricing: Option<Pricing>,
    /// Work units the engine spent over all its solves.
    pub work: u64,
}

/// Why no plan came: every cause found, each a sentence the planner can act on.
pub type PlanError = Vec<PlanSaid>;

/// `--time-limit` shared out over the stages, as points in time from the
/// start: the fewest changes of team slots (replanning) until a quarter,
/// the engine until half, the teams until three quarters, the calendar
/// until the end. A stage that ends early leaves its time to the next.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    start: Instant,
    limit: Duration,
}

impl Budget {
    pub fn new(start: Instant, limit: Duration) -> Budget {
        Budget { start, limit }
    }

    fn at(&self, share: f64) -> Instant {
        self.start + self.limit.mul_f64(share)
    }

    pub fn slot_bound(&self) -> Instant {
        self.at(0.25)
    }

    pub fn engine(&self) -> Instant {
        self.at(0.5)
    }

    pub fn teams(&self) -> Instant {
        self.at(0.75)
    }

    pub fn calendar(&self) -> Instant {
        self.at(1.0)
    }
}

/// What `stopped` in `[plan]` says: the limit that cut the engine's proof
/// ("work" or "time"), then "teams" and "calendar" when the time limit cut
/// those stages, joined by ", ".
fn stopped_words(engine: Option<Stopped>, teams: bool, calendar: bool) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    match engine {
        Some(Stopped::Work) => words.push("work"),
        Some(Stopped::Time) => words.push("time"),
        None => {}
    }
    if teams {
        words.push("teams");
    }
    if calendar {
        words.push("calendar");
    }
    (!words.is_empty()).then(|| words.join(", "))
}

/// Stage 1/2 rounds before giving up on repairing needs; each round adds a
/// restriction, so this is only a guard.
const MAX_ROUNDS: usize = 200;

/// Plans a township. `source` is the roster path as the planner gave it.
pub fn plan(
    r: &Roster,
    source: &str,
    opts: &Options,
    prev: &Previous,
) -> Result<Planned, PlanError> {
    // Teams are planned for the people in force at the year's end; the
    // calendar works from the whole roster, handovers included.
    let whole = r;
    let year_end = r.at_year_end();
    let r = &year_end;
    let start = Instant::now();
    let budget = Budget::new(start, opts.time_limit);
    let mut timings = Timings::default();
    if opts.engine == Engine::Highs && !cfg!(feature = "highs") {
        return Err(vec![PlanSaid::EngineUnavailable {
            engine: "highs".into(),
        }]);
    }
    // Causes that do not depend on one another, all reported together.
    let implied: MustHave = leaders::implied_must_have(r);
    let mut causes = diagnose::counts(r, &leaders::problem(r, prev, &implied));
    let t = Instant::now();
    let slot_bound = teams::slot_bound(r, prev, Some(budget.slot_bound()));
    timings.teams += t.elapsed().as_secs_f64();
    if let Err(slots) = &slot_bound {
        causes.extend(slots.iter().cloned());
    }
    causes.extend(diagnose::needs_capacity(r));
    if !causes.is_empty() {
        return Err(causes);
    }
    let slot_bound = slot_bound.unwrap_or(0);

    let mut must = implied.clone();
    let mut added: Vec<(usize, String)> = Vec::new();
    let mut joint_tried = false;
    let mut first_bound: Option<f64> = None;
    let mut rounds = 0;
    let mut work = 0u64;
    let mut stopped: Option<Stopped> = None;
    let mut pricing: Option<Pricing> = None;
    // Where repairing needs one at a time gives up: ask the joint MIP once
    // whether any plan exists, and if so for the leaders' needs it implies.
    macro_rules! give_up {
        ($causes:expr) => {{
            let causes = $causes;
            if joint_tried || added.is_empty() {
                return Err(causes);
            }
            joint_tried = true;
            match joint::leader_needs(r, prev, &implied) {
                None => return Err(causes),
                Some(m) => {
                    must = m;
                    continue;
                }
            }
        }};
    }
    let (p, leader_of, team) = loop {
        rounds += 1;
        if rounds > MAX_ROUNDS {
            give_up!(need_full(r, &added));
        }
        let p = leaders::problem(r, prev, &must);
        let causes = diagnose::leaders(r, &p, &must);
        if !causes.is_empty() {
            give_up!(if added.is_empty() {
                causes
            } else {
                need_full(r, &added)
            });
        }
        let t = Instant::now();
        let remaining = budget.engine().saturating_duration_since(Instant::now());
        let work_left = opts.work_limit.map(|w| w.saturating_sub(work));
        let sol = solve(&p, opts, remaining, work_left);
        timings.leaders += t.elapsed().as_secs_f64();
        work += sol.stats.work;
        if opts.engine == Engine::Bundles {
            pricing.get_or_insert(sol.stats.pricing);
        }
        if stopped.is_none() {
            stopped = sol.stats.stopped;
        }
        match sol.status {
            Status::Infeasible if added.is_empty() => return Err(vec![PlanSaid::NoAssignment]),
            Status::Infeasible => give_up!(need_full(r, &added)),
            Status::NoSolutionInTime => {
                return Err(vec![PlanSaid::NoPlanInTime {
                    seconds: opts.time_limit.as_secs_f64(),
                }]);
            }
            Status::Optimal | Status::Feasible => {}
        }
        first_bound.get_or_insert(sol.lower_bound);
        let mut leader_of = vec![usize::MAX; r.units.len()];
        for (l, bundle) in sol.bundles.iter().enumerate() {
            for &u in bundle {
                leader_of[u] = l;
            }
        }
        let t = Instant::now();
        let could = |u: usize, skill: &str| leader_could(r, prev, &must, u, skill);
        let built = teams::build(r, &leader_of, prev, &could, Some(budget.teams()));
        timings.teams += t.elapsed().as_secs_f64();
        match built {
            Ok(team) => break (p, leader_of, team),
            Err(Shortfall::Slots(causes)) => return Err(causes),
            Err(Shortfall::Needs(missing)) => {
                // Half the budget gone on repairs: settle them all at once.
                // With a work limit, work decides (reproducibly), not time.
                let half_gone = match opts.work_limit {
                    Some(w) => work.saturating_mul(2) > w,
                    None => start.elapsed() * 2 > opts.time_limit,
                };
                if !joint_tried && half_gone {
                    joint_tried = true;
                    match joint::leader_needs(r, prev, &implied) {
                        None => return Err(need_full(r, &missing)),
                        Some(m) => {
                            must = m;
                            added.extend(missing);
                            continue;
                        }
                    }
                }
                // These leaders leave a need no team member can hold: the
                // unit's leader must bring it. One at a time, since a new
                // leader assignment moves helpers too.
                let (u, skill) = missing
                    .iter()
                    .find(|(u, s)| leader_could(r, prev, &must, *u, s))
                    .unwrap_or(&missing[0])
                    .clone();
                added.push((u, skill.clone()));
                if !leader_could(r, prev, &must, u, &skill) {
                    give_up!(need_full(r, &[(u, skill)]));
                }
                must.entry(u).or_default().insert(skill);
            }
        }
    };
    // The engine gives a cadre who may not lead (bounds 0) the empty
    // bundle at full deviation, a constant the plan's cost leaves out.
    let idle = (0..r.cadres.len()).filter(|&c| !r.may_lead(c)).count();
    let idle_cost = if r.target_load() > 0.0 {
        r.objective.balance * 100.0 * idle as f64
    } else {
        0.0
    };
    let lower_bound =
        first_bound.unwrap_or(0.0) - idle_cost + r.objective.helper_continuity * slot_bound as f64;
    let mut file = assemble(r, source, opts, prev, &p, &leader_of, &team, lower_bound);
    file.warning.extend(kept_away_warnings(whole));
    let t = Instant::now();
    let ((), calendar_cut) = crate::calendar::budget::within(Some(budget.calendar()), || {
        calendar_hook(whole, &mut file, prev);
        // The warning's count is an estimate: a second look may add one
        // more where the first fell just short.
        for _ in 0..2 {
            if !visit_assists::add(r, &mut file) {
                break;
            }
            calendar_hook(whole, &mut file, prev);
        }
    });
    timings.calendar = t.elapsed().as_secs_f64();
    // Read from the finished year: a replan's kept months count too.
    file.warning.retain(|w| w.kind != "window_taken");
    let taken = crate::calendar::taken::warnings(whole, &file);
    file.warning.extend(taken);
    file.plan.metrics.warnings = file.warning.len();
    // Only a search cut short before its proof says what stopped it.
    let engine_stopped = stopped.filter(|_| file.plan.status != "optimal");
    file.plan.stopped = stopped_words(engine_stopped, team.cut, calendar_cut);
    timings.total = start.elapsed().as_secs_f64();
    Ok(Planned {
        file,
        timings,
        pricing,
        work,
    })
}

/// A `shared_busy_elsewhere` warning for each shared cadre whom the city's
/// earlier townships keep busy on (nearly) every station date of this one,
/// so that he leads no unit here (`roster::across::kept_away`).
fn kept_away_warnings(r: &Roster) -> Vec<crate::plan::Warning> {
    let lang = crate::wording::Lang::current();
    crate::roster::across::kept_away(r)
        .into_iter()
        .map(|n| {
            let said = crate::wording::across::NeverHereSaid::from(&n);
            crate::plan::Warning {
                kind: "shared_busy_elsewhere".into(),
                message: crate::wording::Say::say(&said, lang),
                unit: None,
                date: None,
                people: vec![n.id],
                said: Some(crate::wording::warnings::WarningSaid::KeptAway(said)),
            }
        })
        .collect()
}

/// CALENDAR HOOK: the year's visit calendar goes here, after the teams are
/// final and before the file is written: `calendar::build(r, file)` fills
/// [[session]], [[warning]] and the calendar figures in [plan.metrics].
fn calendar_hook(r: &Roster, file: &mut PlanFile, prev: &Previous) {
    use crate::calendar::seam;
    let kept = prev.kept.as_ref().map(|(from, previous)| seam::Kept {
        from: *from,
        previous,
    });
    file.handover = seam::handovers(
        r,
        &file.assignment,
        prev.kept.as_ref().map(|k| &k.1).or(prev.plan.as_ref()),
        prev.kept.as_ref().map(|k| k.0),
    );
    file.plan.replanned_from = prev.kept.as_ref().map(|k| k.0.to_string());
    file.earlier_team = prev
        .kept
        .as_ref()
        .map(|(from, previous)| previous::earlier_teams(previous, *from))
        .unwrap_or_default();
    seam::build_year(r, file, kept);
    // The events the plan in force had and this one drops, with those it
    // carried: every later phone file cancels them again (a plan of
    // another year is not this year's chain).
    let year = format!("{}-", r.township.year);
    if let Some(previous) = prev.kept.as_ref().map(|k| &k.1).or(prev.plan.as_ref())
        && previous.session.iter().all(|s| s.date.starts_with(&year))
    {
        file.cancelled = crate::cancelled::carried(previous, file);
    }
}

fn solve(
    p: &LeaderProblem,
    opts: &Options,
    time_limit: Duration,
    work_limit: Option<u64>,
) -> LeaderSolution {
    let so = SolveOptions {
        time_limit,
        seed: opts.seed,
        work_limit,
        ..SolveOptions::default()
    };
    match opts.engine {
        Engine::Bundles => crate::assign::leaders::solve(p, &so),
        #[cfg(feature = "highs")]
        Engine::Highs => crate::assign::solve_highs(p, &so),
        #[cfg(not(feature = "highs"))]
        Engine::Highs => unreachable!("checked before solving"),
    }
}

/// Could some leader take unit `u` bringing `skill` besides what it must
/// already have?
fn leader_could(r: &Roster, prev: &Previous, must: &MustHave, u: usize, skill: &str) -> bool {
    (0..r.cadres.len()).any(|c| {
        leaders::bounds(r, c).1 > 0
            && r.cadres[c].skills.iter().any(|s| s == skill)
            && leaders::allowed(r, prev, must, c, u)
    })
}

/// "林上村 needs 'legal'; the only two people who have it are full": one
/// cause per skill and set of holders, naming every unit it leaves open.
fn need_full(r: &Roster, needs: &[(usize, String)]) -> Vec<PlanSaid> {
    let mut out: Vec<PlanSaid> = Vec::new();
    for (u, skill) in needs {
        let mut holders: Vec<String> = (0..r.helpers.len())
            .filter(|&h| r.helpers[h].skills.contains(skill) && leaders::may_join(r, h, *u))
            .map(|h| diagnose::helper_label(r, h))
            .collect();
        holders.extend(
            (0..r.cadres.len())
                .filter(|&c| {
                    r.cadres[c].skills.contains(skill)
                        && leaders::bounds(r, c).1 > 0
                        && !leaders::home_ruled_out(r, c, *u)
                })
                .map(|c| diagnose::cadre_label(r, c)),
        );
        let unit = diagnose::unit_label(r, *u);
        let same = out.iter_mut().find_map(|c| match c {
            PlanSaid::NeedFull {
                units,
                need,
                holders: h,
            } if need == skill && *h == holders => Some(units),
            _ => None,
        });
        match same {
            Some(units) if !units.contains(&unit) => units.push(unit),
            Some(_) => {}
            None => out.push(PlanSaid::NeedFull {
                units: vec![unit],
                need: skill.clone(),
                holders,
            }),
        }
    }
    out
}

/// The plan file: header, cost terms recomputed from the plan, assignments
/// in roster order, leaders in roster order with their tours.
#[allow(clippy::too_many_arguments)]
fn assemble(
    r: &Roster,
    source: &str,
    opts: &Options,
    prev: &Previous,
    p: &LeaderProblem,
    leader_of: &[usize],
    team: &Teams,
    lower_bound: f64,
) -> PlanFile {
    let target = r.target_load();
    let mut leader_lines = Vec::new();
    let (mut balance_cost, mut travel_cost) = (0.0, 0.0);
    let (mut max_dev, mut tour_total) = (0.0f64, 0.0);
    for (c, cadre) in r.cadres.iter().enumerate() {
        let mine: Vec<usize> = (0..r.units.len()).filter(|&u| leader_of[u] == c).collect();
        let (tour, order) = best_tour(p, &mine);
        // An empty f64 sum is -0.0; a leader with no unit has load 0.
        let load: f64 = mine.iter().map(|&u| r.workload_of(u)).sum::<f64>() + 0.0;
        let deviation_pct = if target > 0.0 && r.may_lead(c) {
            100.0 * (load - target).abs() / target
        } else {
            0.0
        };
        balance_cost += r.objective.balance * deviation_pct;
        travel_cost += r.objective.travel * tour;
        max_dev = max_dev.max(deviation_pct);
        tour_total += tour;
        let mut nodes = Vec::new();
        if !order.is_empty() {
            nodes.push(r.township.office.clone());
            nodes.extend(order.iter().map(|&u| r.units[u].node.clone()));
            nodes.push(r.township.office.clone());
        }
        leader_lines.push(LeaderLine {
            id: cadre.id.clone(),
            units: order.iter().map(|&u| r.units[u].id.clone()).collect(),
            load,
            deviation_pct,
            tour_minutes: tour,
            tour: nodes,
        });
    }
    let units_changed = (0..r.units.len())
        .filter(|&u| prev.leader_changed(r, &r.units[u].id, leader_of[u]))
        .count();
    let continuity_cost = r.objective.continuity * units_changed as f64;
    let helper_continuity_cost = r.objective.helper_continuity * team.slots_changed as f64;
    let cost = balance_cost + travel_cost + continuity_cost + helper_continuity_cost;
    let lower_bound = lower_bound.min(cost);
    let mut gap = if cost.abs() < 1e-12 {
        0.0
    } else {
        ((cost - lower_bound) / cost.abs()).clamp(0.0, 1.0)
    };
    // Float noise between the engine's sum and ours is not a gap.
    if gap < 1e-9 {
        gap = 0.0;
    }
    let assignment = (0..r.units.len())
        .map(|u| Assignment {
            unit: r.units[u].id.clone(),
            leader: r.cadres[leader_of[u]].id.clone(),
            helpers: team.slots[u]
                .iter()
                .map(|&h| r.helpers[h].id.clone())
                .collect(),
            assist: team.assist[u]
                .iter()
                .map(|&h| r.helpers[h].id.clone())
                .collect(),
        })
        .collect();
    PlanFile {
        plan: PlanHeader {
            roster: source.to_string(),
            roster_sha256: r.sha256.clone(),
            zhudian: env!("CARGO_PKG_VERSION").to_string(),
            engine: opts.engine.as_str().to_string(),
            seed: opts.seed,
            status: if gap == 0.0 { "optimal" } else { "feasible" }.to_string(),
            stopped: None,
            replanned_from: None,
            previous_plan: None,
            previous_plan_sha256: None,
            cost,
            lower_bound: if gap == 0.0 { cost } else { lower_bound },
            gap,
            metrics: Metrics {
                balance_cost,
                travel_cost,
                continuity_cost,
                helper_continuity_cost,
                max_deviation_pct: max_dev,
                tour_minutes_total: tour_total,
                units_changed,
                slots_changed: team.slots_changed,
                ..Metrics::default()
            },
        },
        assignment,
        leader: leader_lines,
        handover: Vec::new(),
        earlier_team: Vec::new(),
        timetable: Vec::new(),
        session: Vec::new(),
        warning: Vec::new(),
        cancelled: Vec::new(),
    }
}
