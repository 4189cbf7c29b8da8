//! `zhudian plan`: plans on the shipped instances and on generated-looking
//! small rosters keep every hard rule (checked here with plain code of its
//! own), report the cost the spec defines, are byte-identical for the same
//! seed; each cause of infeasibility is worded word for word; a failed run
//! leaves the previous plan file untouched.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use zhudian::model::{Period, Roster};
use zhudian::plan::PlanFile;
use zhudian::planner::{self, Options, Previous};
use zhudian::roster;
use zhudian::wording::Say;
use zhudian::wording::plan::PlanSaid;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> Roster {
    roster::load(&manifest().join("instances/beijiao-example.toml")).expect("example loads")
}

fn plan(r: &Roster) -> PlanFile {
    plan_with(r, &Previous::default()).unwrap_or_else(|c| {
        panic!(
            "no plan: {:?}",
            c.iter().map(|c| c.en()).collect::<Vec<_>>()
        )
    })
}

fn plan_with(r: &Roster, prev: &Previous) -> Result<PlanFile, Vec<PlanSaid>> {
    planner::plan(r, &r.source, &Options::default(), prev).map(|p| p.file)
}

/// English and Chinese texts of the causes.
fn causes(r: &Roster, prev: &Previous) -> (Vec<String>, Vec<String>) {
    let c = plan_with(r, prev).expect_err("no plan expected");
    (
        c.iter().map(|c| c.en()).collect(),
        c.iter().map(|c| c.zh()).collect(),
    )
}

// ---------------------------------------------------------------------------
// An independent check of hard rules 1–4 and of the cost.

fn minutes(r: &Roster, a: Option<usize>, b: Option<usize>) -> f64 {
    match (a, b) {
        (None, Some(u)) | (Some(u), None) => r.travel.office_to_unit[u].expect("road"),
        (Some(a), Some(b)) => r.travel.unit_to_unit[a][b].expect("road"),
        (None, None) => 0.0,
    }
}

/// Shortest closed tour through `units` by trying every order.
fn tour(r: &Roster, units: &[usize]) -> f64 {
    fn go(r: &Roster, at: Option<usize>, left: &mut Vec<usize>, so_far: f64, best: &mut f64) {
        if left.is_empty() {
            *best = best.min(so_far + minutes(r, at, None));
            return;
        }
        for i in 0..left.len() {
            let u = left.remove(i);
            go(r, Some(u), left, so_far + minutes(r, at, Some(u)), best);
            left.insert(i, u);
        }
    }
    if units.is_empty() {
        return 0.0;
    }
    let mut best = f64::INFINITY;
    go(r, None, &mut units.to_vec(), 0.0, &mut best);
    best
}

fn away_all_year(r: &Roster, away: &[Period]) -> bool {
    r.away_all_year(away)
}

/// Every violated rule, as text; empty when the plan keeps them all.
fn violations(r: &Roster, f: &PlanFile) -> Vec<String> {
    let mut bad = Vec::new();
    let assist_roles = [
        "police",
        "lawyer",
        "deputy",
        "volunteer",
        "graduate_official",
        "committee_cadre",
    ];
    // Rule 1: one leader per unit, bounds.
    if f.assignment.len() != r.units.len() {
        bad.push(format!("{} assignments", f.assignment.len()));
    }
    let mut per_cadre: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut teams_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (u, a) in f.assignment.iter().enumerate() {
        let unit = &r.units[u];
        if a.unit != unit.id {
            bad.push(format!("assignment {u} is {} not {}", a.unit, unit.id));
        }
        let Some(c) = r.cadres.iter().find(|c| c.id == a.leader) else {
            bad.push(format!("{}: unknown leader {}", a.unit, a.leader));
            continue;
        };
        per_cadre.entry(&c.id).or_default().push(u);
        // Rule 4.
        if r.policy.avoid_home_unit && c.home_unit.as_deref() == Some(unit.id.as_str()) {
            bad.push(format!("{}: leader {} at home", a.unit, c.id));
        }
        if away_all_year(r, &c.away) {
            bad.push(format!("{}: leader {} away all year", a.unit, c.id));
        }
        if r.travel.office_to_unit[u].expect("road") > r.policy.max_travel_minutes {
            bad.push(format!("{}: too far", a.unit));
        }
        // Rule 2: slots.
        if a.helpers.len() != r.policy.team.len() {
            bad.push(format!("{}: {} helpers", a.unit, a.helpers.len()));
        }
        let mut on_team: BTreeSet<&str> = BTreeSet::new();
        for (k, id) in a.helpers.iter().enumerate() {
            let Some(h) = r.helpers.iter().find(|h| h.id == *id) else {
                bad.push(format!("{}: unknown helper {id}", a.unit));
                continue;
            };
            let slot = &r.policy.team[k];
            if !slot.roles.contains(&h.role) {
                bad.push(format!("{}: {id} has the wrong role for slot {k}", a.unit));
            }
            if slot.from_unit && h.unit.as_deref() != Some(unit.id.as_str()) {
                bad.push(format!("{}: {id} is not the unit's own", a.unit));
            }
            if !on_team.insert(id) {
                bad.push(format!("{}: {id} twice", a.unit));
            }
        }
        // Rule 3: assists.
        for id in &a.assist {
            let Some(h) = r.helpers.iter().find(|h| h.id == *id) else {
                bad.push(format!("{}: unknown assist {id}", a.unit));
                continue;
            };
            if !assist_roles.contains(&h.role.as_str()) {
                bad.push(format!("{}: {id} may not assist", a.unit));
            }
            if !on_team.insert(id) {
                bad.push(format!("{}: {id} twice", a.unit));
            }
        }
        for id in &on_team {
            let h = r.helpers.iter().find(|h| h.id == *id).expect("known");
            if h.unit.as_deref().is_some_and(|own| own != unit.id) {
                bad.push(format!("{}: {id} belongs to {:?}", a.unit, h.unit));
            }
            if away_all_year(r, &h.away) {
                bad.push(format!("{}: {id} away all year", a.unit));
            }
            *teams_of.entry(id).or_default() += 1;
        }
        for need in &unit.needs {
            let held = c.skills.contains(need)
                || on_team.iter().any(|id| {
                    r.helpers
                        .iter()
                        .any(|h| h.id == *id && h.skills.contains(need))
                });
            if !held {
                bad.push(format!("{}: need {need} not held", a.unit));
            }
        }
    }
    for h in &r.helpers {
        if teams_of.get(h.id.as_str()).copied().unwrap_or(0) > h.max_teams {
            bad.push(format!("{} on more than {} teams", h.id, h.max_teams));
        }
    }
    // min_present, where some free assist could have joined.
    for (u, a) in f.assignment.iter().enumerate() {
        let size = 1 + a.helpers.len() + a.assist.len();
        if size >= r.policy.min_present {
            continue;
        }
        let free = r.helpers.iter().any(|h| {
            assist_roles.contains(&h.role.as_str())
                && h.unit.as_deref().is_none_or(|own| own == r.units[u].id)
                && !away_all_year(r, &h.away)
                && !a.helpers.contains(&h.id)
                && !a.assist.contains(&h.id)
                && teams_of.get(h.id.as_str()).copied().unwrap_or(0) < h.max_teams
        });
        if free {
            bad.push(format!("{}: {size} present, a free helper exists", a.unit));
        }
    }
    for (c, cadre) in r.cadres.iter().enumerate() {
        let n = per_cadre.get(cadre.id.as_str()).map_or(0, |v| v.len());
        let (lo, hi) = if away_all_year(r, &cadre.away) {
            (0, 0)
        } else {
            r.bounds_of(c)
        };
        if n < lo || n > hi {
            bad.push(format!("{} has {n} units, bounds [{lo}, {hi}]", cadre.id));
        }
    }
    // The cost, term by term, as the spec defines it (not replanning).
    let total: f64 = (0..r.units.len()).map(|u| r.workload_of(u)).sum();
    let target = total / r.cadres.len() as f64;
    let (mut balance, mut travel) = (0.0, 0.0);
    for (c, cadre) in r.cadres.iter().enumerate() {
        let units = per_cadre
            .get(cadre.id.as_str())
            .cloned()
            .unwrap_or_default();
        let load: f64 = units.iter().map(|&u| r.workload_of(u)).sum();
        let t = tour(r, &units);
        balance += r.objective.balance * 100.0 * (load - target).abs() / target;
        travel += r.objective.travel * t;
        let line = &f.leader[c];
        let listed: BTreeSet<&str> = line.units.iter().map(String::as_str).collect();
        let given: BTreeSet<&str> = units.iter().map(|&u| r.units[u].id.as_str()).collect();
        if line.id != cadre.id || listed != given {
            bad.push(format!(
                "[[leader]] {} does not match the assignments",
                cadre.id
            ));
        }
        if (line.tour_minutes - t).abs() > 1e-6 || (line.load - load).abs() > 1e-9 {
            bad.push(format!("[[leader]] {}: tour or load wrong", cadre.id));
        }
    }
    let cost = balance + travel;
    let m = &f.plan.metrics;
    if (f.plan.cost - cost).abs() > 1e-6 * cost.max(1.0)
        || (m.balance_cost - balance).abs() > 1e-6 * balance.max(1.0)
        || (m.travel_cost - travel).abs() > 1e-6
    {
        bad.push(format!(
            "cost {} but the plan's terms add to {cost}",
            f.plan.cost
        ));
    }
    if f.plan.lower_bound > f.plan.cost + 1e-9 {
        bad.push("lower bound above cost".into());
    }
    bad
}

// ---------------------------------------------------------------------------
// Generated-looking small rosters.

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A township of `units` villages and `cadres` leaders, shaped like the
/// generator's: "1+2" teams, police, lawyers, volunteers, needs, home units.
fn generated(seed: u64, units: usize, cadres: usize, min_present: usize) -> String {
    generated_with(seed, units, cadres, min_present, units.div_ceil(4), 3)
}

/// As `generated`, with `assisting` police, lawyers and volunteers, each on at most `assist_teams` teams.
fn generated_with(
    seed: u64,
    units: usize,
    cadres: usize,
    min_present: usize,
    assisting: usize,
    assist_teams: usize,
) -> String {
    let mut g = Lcg(seed * 7919 + 17);
    let skills = ["stability", "legal", "labour"];
    let lo = units / cadres;
    let hi = units.div_ceil(cadres) + 1;
    let mut t = format!(
        "[township]\nname = \"生成镇{seed}\"\noffice = \"office\"\nyear = 2015\n\n\
         [station]\nweekday = \"Tue\"\nstart = \"15:00\"\nend = \"18:30\"\n\n\
         [policy]\nunits_per_leader = [{}, {hi}]\nmax_travel_minutes = 60\nmin_present = {min_present}\n\n",
        lo.max(1)
    );
    for u in 0..units {
        let hh = 200 + g.below(1800);
        let need = match g.below(6) {
            0 => format!("needs = [\"{}\"]\n", skills[g.below(3) as usize]),
            1 => "needs = [\"stability\", \"legal\"]\n".to_string(),
            _ => String::new(),
        };
        t += &format!(
            "[[unit]]\nid = \"u{u}\"\nname = \"村{u}\"\nhouseholds = {hh}\npopulation = {}\n{need}\n",
            hh * 3
        );
    }
    for c in 0..cadres {
        let skill = skills[g.below(3) as usize];
        let home = if g.below(3) == 0 {
            format!("home_unit = \"u{}\"\n", g.below(units as u64))
        } else {
            String::new()
        };
        t += &format!(
            "[[cadre]]\nid = \"c{c}\"\nname = \"领导{c}\"\nskills = [\"{skill}\"]\n{home}\n"
        );
    }
    for d in 0..units.div_ceil(2) + 1 {
        let skill = if g.below(4) == 0 {
            format!("skills = [\"{}\"]\n", skills[g.below(3) as usize])
        } else {
            String::new()
        };
        t += &format!(
            "[[helper]]\nid = \"d{d}\"\nname = \"部门{d}\"\nrole = \"department_head\"\nmax_teams = 2\n{skill}\n"
        );
    }
    for u in 0..units {
        t += &format!(
            "[[helper]]\nid = \"s{u}\"\nname = \"书记{u}\"\nrole = \"party_secretary\"\nunit = \"u{u}\"\n\n"
        );
        if g.below(2) == 0 {
            t += &format!(
                "[[helper]]\nid = \"k{u}\"\nname = \"委员{u}\"\nrole = \"committee_cadre\"\nunit = \"u{u}\"\nskills = [\"labour\"]\n\n"
            );
        }
    }
    for i in 0..assisting {
        t += &format!(
            "[[helper]]\nid = \"p{i}\"\nname = \"民警{i}\"\nrole = \"police\"\nskills = [\"stability\"]\nmax_teams = {assist_teams}\n\n\
             [[helper]]\nid = \"l{i}\"\nname = \"律师{i}\"\nrole = \"lawyer\"\nskills = [\"legal\"]\nmax_teams = {assist_teams}\n\n\
             [[helper]]\nid = \"v{i}\"\nname = \"志愿者{i}\"\nrole = \"volunteer\"\nmax_teams = 2\n\n"
        );
    }
    for u in 0..units {
        t += &format!(
            "[[road]]\nfrom = \"office\"\nto = \"u{u}\"\nminutes = {}\n\n",
            8 + g.below(30)
        );
        if u > 0 {
            t += &format!(
                "[[road]]\nfrom = \"u{}\"\nto = \"u{u}\"\nminutes = {}\n\n",
                u - 1,
                3 + g.below(12)
            );
        }
    }
    t
}

// ---------------------------------------------------------------------------

#[test]
fn the_example_is_planned_optimally_within_the_rules() {
    let r = example();
    let f = plan(&r);
    assert_eq!(violations(&r, &f), Vec::<String>::new());
    assert_eq!(f.plan.status, "optimal");
    assert_eq!(f.plan.gap, 0.0);
    assert_eq!(f.plan.engine, "bundles");
    assert_eq!(f.plan.roster_sha256, r.sha256);
    assert!(
        (f.plan.cost - 150.769_230_769).abs() < 1e-6,
        "{}",
        f.plan.cost
    );
    // Tours run office … office over road nodes.
    for l in f.leader.iter().filter(|l| !l.units.is_empty()) {
        assert_eq!(l.tour.first().map(String::as_str), Some("town-hall"));
        assert_eq!(l.tour.last().map(String::as_str), Some("town-hall"));
        assert_eq!(l.tour.len(), l.units.len() + 2);
    }
}

#[test]
fn department_heads_get_units_close_together() {
    // On the example's roads the closest pairing is xihai–sanhong (9 min),
    // linshang–jiaoxi-park (11) and beijiao-sq–midea (13).
    let f = plan(&example());
    let mut pairs: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for a in &f.assignment {
        pairs.entry(&a.helpers[0]).or_default().push(&a.unit);
    }
    let mut got: Vec<Vec<&str>> = pairs.into_values().collect();
    got.sort();
    assert_eq!(
        got,
        [
            vec!["beijiao-sq", "midea"],
            vec!["linshang", "jiaoxi-park"],
            vec!["xihai", "sanhong"]
        ]
    );
}

#[test]
fn generated_rosters_keep_every_rule() {
    for (seed, units, cadres, min_present) in [
        (1, 8, 4, 2),
        (2, 12, 5, 2),
        (3, 15, 6, 4),
        (4, 10, 6, 2),
        (5, 18, 8, 3),
        (6, 20, 9, 4),
    ] {
        let text = generated(seed, units, cadres, min_present);
        let r = roster::load_str(&text, &format!("gen-{seed}.toml"))
            .unwrap_or_else(|p| panic!("seed {seed}: {}", p.render(zhudian::wording::Lang::En)));
        let start = Instant::now();
        let f = plan(&r);
        if std::env::var("SHOW").is_ok() {
            println!("seed {seed}: {:.3} s", start.elapsed().as_secs_f64());
        }
        assert_eq!(violations(&r, &f), Vec::<String>::new(), "seed {seed}");
        // Department heads: a second team only when every one has a first.
        let mut dh: BTreeMap<&str, usize> = BTreeMap::new();
        for a in &f.assignment {
            *dh.entry(a.helpers[0].as_str()).or_default() += 1;
        }
        let heads = r.helpers.iter().filter(|h| h.id.starts_with('d')).count();
        if units <= heads {
            assert!(dh.values().all(|&n| n == 1), "seed {seed}: {dh:?}");
        }
        // Same input, same plan.
        assert_eq!(plan(&r).to_toml(), f.to_toml(), "seed {seed}");
    }
}

#[test]
fn assists_cover_needs_and_min_present() {
    // min_present 4 with "1+2" teams: one assist per unit where a free one exists.
    let text = generated(3, 15, 6, 4);
    let r = roster::load_str(&text, "gen.toml").expect("valid");
    let f = plan(&r);
    assert_eq!(violations(&r, &f), Vec::<String>::new());
    assert!(f.assignment.iter().any(|a| !a.assist.is_empty()));
}

// ---------------------------------------------------------------------------
// Infeasibility: each cause, word for word.

#[test]
fn too_many_units_for_the_places() {
    let mut r = example();
    for c in &mut r.cadres {
        c.units = Some((1, 1));
    }
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        ["6 units but 3 leaders × 1 = 3 places: allow 2 units for 3 leaders, or add a cadre"]
    );
    assert_eq!(
        zh,
        [
            "共 6 个村（社区），但 3 名领导 × 1 = 3 个名额：请允许 3 名领导各联系 2 个村（社区），或增加一名干部"
        ]
    );
}

#[test]
fn too_few_units_for_the_minima() {
    let mut r = example();
    for c in &mut r.cadres {
        c.units = Some((3, 3));
    }
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "6 units but the 3 leaders' minima need 9: lower some leaders' minimum, or station fewer cadres"
        ]
    );
    assert_eq!(
        zh,
        [
            "只有 6 个村（社区），但 3 名领导的下限合计需要 9 个：请降低部分领导的下限，或减少驻点干部"
        ]
    );
}

#[test]
fn home_unit_rule_leaves_no_leader() {
    let mut r = example();
    for c in &mut r.cadres {
        c.home_unit = Some("xihai".into());
    }
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "西海村: the home-unit rule leaves no leader for it: every leader who may take units comes from there; add a cadre from elsewhere, or set avoid_home_unit = false"
        ]
    );
    assert_eq!(
        zh,
        [
            "西海村：按不驻本村的规定，没有领导可以联系该村（社区）（能联系它的领导都来自这里）；请增加一名外来干部，或把 avoid_home_unit 设为 false"
        ]
    );
}

#[test]
fn needs_only_leaders_bring_but_no_leader_has_all() {
    let mut r = example();
    r.cadres[1].skills.push("fishery".into());
    r.units[1].needs = vec!["agriculture".into(), "fishery".into()];
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "三洪奇村 needs 'agriculture' and 'fishery', which no helper who could join its team has, and no leader who may take it has all of them: add helpers with them who may join this team, or station a cadre who has them all"
        ]
    );
    assert_eq!(
        zh,
        [
            "三洪奇村需要“农业”、“fishery”，能加入该村（社区）团队的协助人员都不具备，可联系该村（社区）的领导也没有人全部具备：请为可加入该团队的协助人员补充这些能力，或安排具备这些能力的干部驻点"
        ]
    );
}

#[test]
fn a_leader_who_cannot_reach_their_minimum() {
    let r = example();
    let mut prev = Previous::default();
    for u in ["sanhong", "linshang", "beijiao-sq", "jiaoxi-park", "midea"] {
        prev.pins.leader.insert(u.into(), "lao-gx".into());
    }
    let (en, zh) = causes(&r, &prev);
    assert_eq!(
        en,
        ["梁文辉 must cover at least 2 units but may take only 1: lower their minimum"]
    );
    assert_eq!(
        zh,
        ["梁文辉至少要联系 2 个村（社区），但只能联系 1 个：请降低其下限"]
    );
}

#[test]
fn units_whose_only_leaders_are_too_few() {
    let r = example();
    let mut prev = Previous::default();
    for u in ["xihai", "sanhong", "linshang"] {
        prev.pins.leader.insert(u.into(), "he-jm".into());
    }
    let (en, zh) = causes(&r, &prev);
    assert_eq!(
        en,
        [
            "西海村, 三洪奇村 and 林上村 can be led only by 何建明, who has 2 places for these 3 units: raise that leader's maximum, or allow other leaders there"
        ]
    );
    assert_eq!(
        zh,
        [
            "西海村、三洪奇村和林上村只能由何建明联系，其只有 2 个名额，却要联系这 3 个村（社区）：请提高其上限，或允许其他领导联系"
        ]
    );
}

#[test]
fn more_units_need_a_skill_than_its_holders_cover() {
    let mut r = example();
    for u in [0, 1, 2, 4] {
        r.units[u].needs.push("legal".into());
    }
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "5 units need 'legal', but the people who have it (吴丽芬 and 何建明) can cover only 4 of them: raise the helpers' max_teams or the most units the leaders may lead (units), or add someone with 'legal'"
        ]
    );
    assert_eq!(
        zh,
        [
            "有 5 个村（社区）需要“法律”，但具备这项能力的人员（吴丽芬和何建明）最多只能覆盖 4 个：请提高协助人员的最多参加团队数（max_teams）或驻点领导的最多联系村（社区）数（units），或增加具备“法律”的人员"
        ]
    );
}

#[test]
fn a_need_nobody_available_has() {
    // Only a leader from xihai has 'agriculture'.
    let mut r = example();
    r.units[0].needs.push("agriculture".into());
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "西海村 needs 'agriculture', but nobody available who could join its team has it: add someone with 'agriculture'"
        ]
    );
    assert_eq!(
        zh,
        ["西海村需要“农业”，但能加入其团队的在岗人员中没有人具备：请增加具备“农业”的人员"]
    );
}

#[test]
fn a_need_whose_only_holder_is_full() {
    let r = roster::load(&manifest().join("tests/fixtures/plan/need-full.toml")).expect("valid");
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "山村 needs 'labour'; the only person who has it, 张律师, is full: raise their max_teams, or add someone with 'labour'"
        ]
    );
    assert_eq!(
        zh,
        [
            "山村需要“劳动就业”，但具备这项能力的张律师已满额：请提高其最多参加团队数（max_teams），或增加具备“劳动就业”的人员"
        ]
    );
}

#[test]
fn department_heads_cannot_take_every_team() {
    let mut r = example();
    for h in r
        .helpers
        .iter_mut()
        .filter(|h| h.id.ends_with("-zq") || h.id.ends_with("-lf") || h.id.ends_with("-jh"))
    {
        h.max_teams = 1;
    }
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "team slot 1 (department heads): 6 units but the department heads can take 3 teams: allow 2 teams for 3 more of them, or add department heads; who may fill it: 陈志强 (max_teams 1), 吴丽芬 (max_teams 1), 冯锦华 (max_teams 1)"
        ]
    );
    assert_eq!(
        zh,
        [
            "团队第 1 个位置（职能部门负责人）：共 6 个村（社区），但职能部门负责人合计只能参加 3 个团队：请再允许其中 3 人各参加 2 个团队，或增加职能部门负责人；可担任的人员：陈志强（最多参加团队数 1）、吴丽芬（最多参加团队数 1）、冯锦华（最多参加团队数 1）"
        ]
    );
}

#[test]
fn independent_causes_are_reported_together() {
    let mut r = example();
    for c in &mut r.cadres {
        c.units = Some((1, 1));
    }
    for h in r.helpers.iter_mut().filter(|h| h.max_teams == 2) {
        h.max_teams = 1;
    }
    let (en, _) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "6 units but 3 leaders × 1 = 3 places: allow 2 units for 3 leaders, or add a cadre",
            "team slot 1 (department heads): 6 units but the department heads can take 3 teams: allow 2 teams for 3 more of them, or add department heads; who may fill it: 陈志强 (max_teams 1), 吴丽芬 (max_teams 1), 冯锦华 (max_teams 1)",
        ]
    );
}

#[test]
fn a_units_own_secretary_away_all_year() {
    let mut r = example();
    let sec = r
        .helpers
        .iter_mut()
        .find(|h| h.id == "lu-sec")
        .expect("lu-sec");
    sec.away = vec![Period {
        from: chrono::NaiveDate::from_ymd_opt(2015, 1, 1).expect("date"),
        to: chrono::NaiveDate::from_ymd_opt(2015, 12, 31).expect("date"),
        why: "调离".into(),
    }];
    let (en, zh) = causes(&r, &Previous::default());
    assert_eq!(
        en,
        [
            "西海村: team slot 2 needs the unit's own party secretaries, and none is available (away all year, or full): add one of the unit's own party secretaries"
        ]
    );
    assert_eq!(
        zh,
        [
            "西海村：团队第 2 个位置需要本村（社区）的村党组织书记，但没有可用人员（全年不在岗或已满额）：请增加本村（社区）的村党组织书记"
        ]
    );
}

#[test]
fn a_change_cap_no_assignment_meets() {
    let r = example();
    let first = plan(&r);
    let mut prev = Previous::from_plan(&first);
    // Everyone's previous units went to someone else, and nothing may change.
    let ids: Vec<String> = r.cadres.iter().map(|c| c.id.clone()).collect();
    for a in &first.assignment {
        let other = ids.iter().find(|id| **id != a.leader).expect("other");
        prev.leader.insert(a.unit.clone(), other.clone());
    }
    prev.max_changes = Some(0);
    let (en, zh) = causes(&r, &prev);
    assert_eq!(
        en,
        [
            "no assignment of leaders to units meets the bounds, the home-unit rule and the other limits together; loosen units_per_leader or the change limit"
        ]
    );
    assert_eq!(
        zh,
        [
            "在领导联系数上下限、不驻本村等限制下，找不到任何分配方案；请放宽 units_per_leader 或变动上限"
        ]
    );
}

#[test]
fn a_replan_keeps_the_previous_plan_when_nothing_changed() {
    let r = example();
    let first = plan(&r);
    let again = plan_with(&r, &Previous::from_plan(&first)).expect("plan");
    assert_eq!(again.assignment, first.assignment);
    assert_eq!(again.plan.metrics.units_changed, 0);
    assert_eq!(again.plan.metrics.slots_changed, 0);
}

// ---------------------------------------------------------------------------
// The command.

fn example_path() -> String {
    manifest()
        .join("instances/beijiao-example.toml")
        .display()
        .to_string()
}

#[test]
fn the_command_writes_the_same_bytes_for_the_same_seed() {
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    let ex = example_path();
    let (code, out, err) = zhudian(&["plan", &ex, "-o", a.to_str().expect("utf8"), "--seed", "3"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("plan written to"), "{out}");
    assert!(out.contains("optimal (proven)"), "{out}");
    assert!(out.contains("梁文辉"), "{out}");
    let (code, _, _) = zhudian(&["plan", &ex, "-o", b.to_str().expect("utf8"), "--seed", "3"]);
    assert_eq!(code, 0);
    let (ta, tb) = (std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    assert_eq!(ta, tb);
    let text = String::from_utf8(ta).expect("utf8");
    assert!(!text.contains("seconds"));
    let f = PlanFile::from_toml(&text).expect("reads back");
    assert_eq!(f.plan.seed, 3);
    assert_eq!(f.plan.roster, ex);
    assert_eq!(violations(&example(), &f), Vec::<String>::new());
}

#[test]
fn a_failed_run_leaves_the_previous_plan_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("plan.toml");
    let o = out.to_str().expect("utf8");
    assert_eq!(zhudian(&["plan", &example_path(), "-o", o]).0, 0);
    let before = std::fs::read(&out).expect("written");
    // Infeasible: exit 1 with the reason, file untouched.
    let nf = manifest().join("tests/fixtures/plan/need-full.toml");
    let (code, _, err) = zhudian(&["plan", nf.to_str().expect("utf8"), "-o", o]);
    assert_eq!(code, 1);
    assert!(err.contains("测试镇: no plan is possible:"), "{err}");
    assert!(err.contains("the only person who has it"), "{err}");
    assert_eq!(std::fs::read(&out).expect("still there"), before);
    // Counts that cannot work, found by the roster check: exit 1 too.
    let tm = manifest().join("tests/fixtures/invalid/too-many-units.toml");
    let (code, _, err) = zhudian(&["plan", tm.to_str().expect("utf8"), "-o", o]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read(&out).expect("still there"), before);
    // A broken roster: exit 2, file untouched.
    let bad = manifest().join("tests/fixtures/invalid/syntax.toml");
    let (code, _, _) = zhudian(&["plan", bad.to_str().expect("utf8"), "-o", o]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read(&out).expect("still there"), before);
    // Nothing but the plan in the folder: no temporary files left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn an_unwritable_output_is_bad_input() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("no-such-dir/plan.toml");
    let (code, _, err) = zhudian(&["plan", &example_path(), "-o", out.to_str().expect("utf8")]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot write the plan to"), "{err}");
}

#[cfg(not(feature = "highs"))]
#[test]
fn highs_without_the_feature_says_how_to_get_it() {
    let (code, _, err) = zhudian(&[
        "plan",
        &example_path(),
        "-o",
        "/nonexistent/x.toml",
        "--engine",
        "highs",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "the 'highs' engine is not in this build of zhudian: rebuild with `cargo build --release --features highs` (needs cmake and libclang), or use --engine bundles"
    );
}

#[test]
fn an_unknown_engine_is_bad_input() {
    let (code, _, err) = zhudian(&[
        "plan",
        &example_path(),
        "-o",
        "/nonexistent/x.toml",
        "--engine",
        "cplex",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "there is no engine 'cplex': use bundles or highs"
    );
}

/// Shipped township instances (not the what-if scenario files).
fn shipped() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![manifest().join("instances")];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "toml")
                && !p.to_string_lossy().contains("whatif")
                && p.file_name().is_some_and(|n| n != "city.toml")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_shipped_instance_is_planned_within_the_rules() {
    use rayon::prelude::*;
    let paths = shipped();
    assert!(!paths.is_empty());
    paths.par_iter().for_each(|path| {
        let r = roster::load(path).unwrap_or_else(|_| panic!("{} loads", path.display()));
        let f = plan(&r);
        assert_eq!(
            violations(&r, &f),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
        assert_eq!(f.plan.status, "optimal", "{}", path.display());
    });
}

#[cfg(feature = "highs")]
#[test]
fn highs_gives_the_same_cost_on_the_shipped_instances() {
    for path in shipped() {
        let r = roster::load(&path).expect("loads");
        let a = plan(&r);
        let opts = Options {
            engine: planner::Engine::Highs,
            time_limit: Duration::from_secs(60),
            seed: 0,
            work_limit: None,
        };
        let b = planner::plan(&r, &r.source, &opts, &Previous::default())
            .expect("highs plans")
            .file;
        assert_eq!(violations(&r, &b), Vec::<String>::new());
        assert!(
            (a.plan.cost - b.plan.cost).abs() <= 1e-6 * a.plan.cost.max(1.0),
            "{}: bundles {} highs {}",
            path.display(),
            a.plan.cost,
            b.plan.cost
        );
    }
}

/// Prints stage timings on larger generated townships:
/// `cargo test --release --test plan -- --ignored --nocapture`.
#[test]
#[ignore]
fn timings_on_larger_townships() {
    for (seed, units, cadres, assisting) in [
        (1, 40, 16, 10),
        (2, 40, 16, 10),
        (3, 70, 24, 18),
        (4, 40, 16, 4),
        (5, 40, 16, 4),
        (6, 40, 16, 3),
        (7, 40, 16, 2),
        (8, 40, 16, 2),
        (9, 40, 16, 2),
    ] {
        let text = generated_with(seed, units, cadres, 3, assisting, 2);
        let r = roster::load_str(&text, "gen.toml").expect("valid");
        let p =
            planner::plan(&r, "gen.toml", &Options::default(), &Previous::default()).expect("plan");
        assert_eq!(violations(&r, &p.file), Vec::<String>::new());
        // A short limit settles needs in one joint step, still within the rules.
        let quick = Options {
            time_limit: Duration::from_secs(1),
            ..Options::default()
        };
        let q = planner::plan(&r, "gen.toml", &quick, &Previous::default()).expect("plan");
        assert_eq!(violations(&r, &q.file), Vec::<String>::new());
        println!(
            "{units} units × {cadres} cadres, 1 s limit: cost {:.2} ({}), {:.3} s",
            q.file.plan.cost, q.file.plan.status, q.timings.total
        );
        println!(
            "{units} units × {cadres} cadres: cost {:.2} bound {:.2} gap {:.4} ({}), leaders {:.3} s, teams {:.3} s",
            p.file.plan.cost,
            p.file.plan.lower_bound,
            p.file.plan.gap,
            p.file.plan.status,
            p.timings.leaders,
            p.timings.teams
        );
    }
}

/// Scarce assist helpers: plans keep every rule, or no plan comes with causes.
#[test]
fn scarce_helpers_give_a_valid_plan_or_reasons() {
    let (mut planned, mut refused) = (0, 0);
    // Fewer in debug builds, where the MIPs are slow; SEEDS=400 for a sweep.
    let default = if cfg!(debug_assertions) { 16 } else { 40 };
    let seeds: u64 = std::env::var("SEEDS").map_or(default, |s| s.parse().expect("count"));
    for seed in 1..=seeds {
        let (units, min_present) = (8 + (seed as usize % 9), 2 + (seed as usize % 3));
        let text = generated_with(seed, units, 5, min_present, 1 + (seed as usize % 2), 1);
        let Ok(r) = roster::load_str(&text, "gen.toml") else {
            continue;
        };
        match plan_with(&r, &Previous::default()) {
            Ok(f) => {
                assert_eq!(violations(&r, &f), Vec::<String>::new(), "seed {seed}");
                planned += 1;
            }
            Err(c) => {
                assert!(!c.is_empty());
                assert!(
                    !feasible_by_mip(&r),
                    "seed {seed}: refused, but a plan exists: {:?}",
                    c.iter().map(|c| c.en()).collect::<Vec<_>>()
                );
                if std::env::var("SHOW").is_ok() {
                    println!(
                        "seed {seed}: {:?}",
                        c.iter().map(|c| c.en()).collect::<Vec<_>>()
                    );
                }
                refused += 1;
            }
        }
    }
    if std::env::var("SHOW").is_ok() {
        println!("{planned} planned, {refused} refused");
    }
    assert!(planned > 0, "{planned} planned, {refused} refused");
}

/// Does any plan keep hard rules 1–4? One MIP over leaders, slots and
/// assists together, written here independently of the planner.
fn feasible_by_mip(r: &Roster) -> bool {
    use good_lp::{
        Expression, ProblemVariables, SolverModel, Variable, constraint, microlp, variable,
    };
    let assist_roles = [
        "police",
        "lawyer",
        "deputy",
        "volunteer",
        "graduate_official",
        "committee_cadre",
    ];
    let mut vars = ProblemVariables::new();
    let mut lead: Vec<(usize, usize, Variable)> = Vec::new();
    for (c, cadre) in r.cadres.iter().enumerate() {
        for (u, unit) in r.units.iter().enumerate() {
            let home = r.policy.avoid_home_unit && cadre.home_unit.as_deref() == Some(&unit.id);
            if !home && !r.away_all_year(&cadre.away) {
                lead.push((c, u, vars.add(variable().binary())));
            }
        }
    }
    // (helper, unit, slot or None) → variable
    let mut on: Vec<(usize, usize, Option<usize>, Variable)> = Vec::new();
    for (h, helper) in r.helpers.iter().enumerate() {
        if r.away_all_year(&helper.away) {
            continue;
        }
        for (u, unit) in r.units.iter().enumerate() {
            if helper.unit.as_deref().is_some_and(|own| own != unit.id) {
                continue;
            }
            for (k, slot) in r.policy.team.iter().enumerate() {
                if slot.roles.contains(&helper.role)
                    && (!slot.from_unit || helper.unit.as_deref() == Some(&unit.id))
                {
                    on.push((h, u, Some(k), vars.add(variable().binary())));
                }
            }
            if assist_roles.contains(&helper.role.as_str()) {
                on.push((h, u, None, vars.add(variable().binary())));
            }
        }
    }
    let mut cs = Vec::new();
    for u in 0..r.units.len() {
        let e: Expression = lead.iter().filter(|l| l.1 == u).map(|l| l.2).sum();
        cs.push(constraint!(e == 1.0));
        for k in 0..r.policy.team.len() {
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
            let by_leader: Expression = lead
                .iter()
                .filter(|l| l.1 == u && r.cadres[l.0].skills.contains(need))
                .map(|l| l.2)
                .sum();
            let by_team: Expression = on
                .iter()
                .filter(|o| o.1 == u && r.helpers[o.0].skills.contains(need))
                .map(|o| o.3)
                .sum();
            cs.push(constraint!(by_leader + by_team >= 1.0));
        }
    }
    for c in 0..r.cadres.len() {
        let (lo, hi) = r.bounds_of(c);
        let e: Expression = lead.iter().filter(|l| l.0 == c).map(|l| l.2).sum();
        if r.away_all_year(&r.cadres[c].away) {
            continue;
        }
        cs.push(constraint!(e.clone() >= lo as f64));
        cs.push(constraint!(e <= hi as f64));
    }
    for (h, helper) in r.helpers.iter().enumerate() {
        let e: Expression = on.iter().filter(|o| o.0 == h).map(|o| o.3).sum();
        cs.push(constraint!(e <= helper.max_teams as f64));
    }
    let mut model = vars.minimise(Expression::from(0.0)).using(microlp);
    for c in cs {
        model = model.with(c);
    }
    model.solve().is_ok()
}

#[test]
fn counts_that_cannot_work_are_infeasible_not_an_invalid_roster() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("tight.toml");
    let text = std::fs::read_to_string("instances/beijiao-example.toml")
        .unwrap()
        .replace("units_per_leader = [2, 3]", "units_per_leader = [1, 1]")
        .replace("units = [1, 2]  ", "units = [1, 1]  ");
    std::fs::write(&roster, text).unwrap();
    let r = roster.display().to_string();
    let out = dir.path().join("p.toml").display().to_string();
    let (code, _, err) = zhudian(&["plan", &r, "-o", &out]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "{r}: no plan is possible with this roster; what would make one possible:\n{r}:17: [policy], field 'units_per_leader': 6 units but 3 leaders × 1 = 3 places: allow 2 units for 3 leaders, or add a cadre\n"
        )
    );
    // In Chinese the heading says that what follows is why, and what to change.
    let (code, _, err) = zhudian(&["--lang", "zh", "plan", &r, "-o", &out]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with(&format!(
            "{r}：按此名册无法排出方案，原因及调整办法如下：\n{r}:17:"
        )),
        "{err}"
    );
}

#[test]
fn a_work_limit_cuts_the_search_reproducibly_and_says_so() {
    let dir = tempfile::tempdir().expect("tmp");
    let ex = manifest().join("instances/gaozhou-rural.toml");
    let ex = ex.to_str().expect("utf8");
    let mut texts = Vec::new();
    for name in ["a.toml", "b.toml"] {
        let out = dir.path().join(name);
        let o = out.to_str().expect("utf8");
        let (code, out, err) = zhudian(&["plan", ex, "-o", o, "--work-limit", "1"]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains(
                "a first plan only: within the work limit no useful lower bound was found"
            ),
            "{out}"
        );
        assert!(out.contains("work units): leaders"), "{out}");
        let (code, _, err) = zhudian(&["check", ex, o]);
        assert_eq!(code, 0, "{err}");
        texts.push(std::fs::read_to_string(dir.path().join(name)).expect("written"));
    }
    assert_eq!(texts[0], texts[1]);
    let f = PlanFile::from_toml(&texts[0]).expect("reads back");
    assert_eq!(f.plan.status, "feasible");
    assert_eq!(f.plan.stopped.as_deref(), Some("work"));
    assert!(f.plan.gap > 0.0);
    // A budget large enough for the proof: optimal, nothing stopped it.
    let out = dir.path().join("c.toml");
    let o = out.to_str().expect("utf8");
    let (code, _, err) = zhudian(&["plan", ex, "-o", o, "--work-limit", "100000000"]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("status = \"optimal\""), "{text}");
    assert!(!text.contains("stopped"), "{text}");
}
