//! The synthetic roster generator: deterministic per seed, valid TOML in the
//! users' format, plannable by construction (checked here from the parsed
//! TOML, independently of the generator's own bookkeeping), and the shipped
//! instances are exactly what their commands give. Set `ZHUDIAN_BLESS=1` to
//! rewrite the shipped instances after an intended change to the generator.

use clap::Parser;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use toml::Value;
use zhudian::cli::generate::{GenerateArgs, run};
use zhudian::generate::{
    FOSHAN_TOTALS, GenOptions, KindMix, Profile, foshan_rosters, generate_roster,
};

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    g: GenerateArgs,
}

fn args(line: &str) -> GenerateArgs {
    let words = std::iter::once("zhudian-generate").chain(line.split_whitespace());
    Cli::try_parse_from(words)
        .unwrap_or_else(|e| panic!("{line}: {e}"))
        .g
}

fn text(line: &str) -> String {
    generate_roster(&GenOptions::from_args(&args(line)).unwrap_or_else(|e| panic!("{line}: {e}")))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn arr<'a>(v: &'a Value, key: &str) -> Vec<&'a Value> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn int(v: &Value, key: &str) -> i64 {
    v.get(key)
        .and_then(Value::as_integer)
        .unwrap_or_else(|| panic!("missing integer `{key}` in {v}"))
}

fn strs(v: &Value, key: &str) -> Vec<String> {
    arr(v, key)
        .iter()
        .map(|x| x.as_str().expect("string").to_string())
        .collect()
}

fn pair(v: &Value) -> (i64, i64) {
    let a = v.as_array().expect("[min, max]");
    (a[0].as_integer().unwrap(), a[1].as_integer().unwrap())
}

/// Assigns each (unit, need) to a township-wide assist helper holding the
/// skill, within max_teams (one team place per need: conservative), by
/// augmenting paths. Returns the needs left uncovered.
fn uncovered_needs(demands: &[(String, String)], supply: &[(HashSet<String>, i64)]) -> usize {
    let mut load = vec![0i64; supply.len()];
    let mut holder: Vec<Option<usize>> = vec![None; demands.len()];
    let mut who: Vec<Vec<usize>> = vec![Vec::new(); supply.len()];
    fn augment(
        d: usize,
        demands: &[(String, String)],
        supply: &[(HashSet<String>, i64)],
        load: &mut [i64],
        holder: &mut [Option<usize>],
        who: &mut [Vec<usize>],
        seen: &mut [bool],
    ) -> bool {
        for p in 0..supply.len() {
            if seen[p] || !supply[p].0.contains(&demands[d].1) {
                continue;
            }
            seen[p] = true;
            if load[p] < supply[p].1 {
                load[p] += 1;
                holder[d] = Some(p);
                who[p].push(d);
                return true;
            }
            let holders = who[p].clone();
            for other in holders {
                if augment(other, demands, supply, load, holder, who, seen) {
                    // `other` moved elsewhere: its place at p goes to d.
                    load[p] -= 1;
                    who[p].retain(|&x| x != other);
                    load[p] += 1;
                    who[p].push(d);
                    holder[d] = Some(p);
                    return true;
                }
            }
        }
        false
    }
    let mut missing = 0;
    for d in 0..demands.len() {
        let mut seen = vec![false; supply.len()];
        if !augment(
            d,
            demands,
            supply,
            &mut load,
            &mut holder,
            &mut who,
            &mut seen,
        ) {
            missing += 1;
        }
    }
    missing
}

/// Checks the properties that make a roster plannable, from the parsed TOML.
fn check_plannable(text: &str, what: &str) {
    let v: Value = toml::from_str(text).unwrap_or_else(|e| panic!("{what}: not TOML: {e}"));
    let policy = &v["policy"];
    let (lo, hi) = pair(&policy["units_per_leader"]);
    let units = arr(&v, "unit");
    let cadres = arr(&v, "cadre");
    let helpers = arr(&v, "helper");
    let n = units.len() as i64;
    assert!(n > 0, "{what}: no units");

    // Ids unique across units, cadres and helpers; names of people unique.
    let mut ids = HashSet::new();
    for x in units.iter().chain(&cadres).chain(&helpers) {
        let id = s(x, "id");
        assert!(
            !id.is_empty() && id.is_ascii(),
            "{what}: bad id `{id}` in {x}"
        );
        assert!(ids.insert(id.to_string()), "{what}: duplicate id {id}");
    }
    let mut names = HashSet::new();
    for x in cadres.iter().chain(&helpers) {
        assert!(
            names.insert(s(x, "name").to_string()),
            "{what}: duplicate name {}",
            s(x, "name")
        );
    }
    let unit_ids: HashSet<&str> = units.iter().map(|u| s(u, "id")).collect();

    // Units' figures.
    for u in &units {
        let hh = int(u, "households");
        let pop = int(u, "population");
        let mig = int(u, "migrants");
        assert!((150..=3000).contains(&hh), "{what}: households {hh}");
        assert!(
            pop >= hh && mig <= pop,
            "{what}: population of {}",
            s(u, "id")
        );
        let hamlets = arr(u, "hamlets");
        assert!(!hamlets.is_empty(), "{what}: {} has no hamlets", s(u, "id"));
        let sum: i64 = hamlets.iter().map(|h| int(h, "households")).sum();
        assert_eq!(sum, hh, "{what}: hamlets of {} add up to {sum}", s(u, "id"));
        if s(u, "kind") == "village" {
            assert!((2..=6).contains(&hamlets.len()), "{what}: village hamlets");
        }
        assert!(
            ["village", "community", "enterprise", "industrial_community"].contains(&s(u, "kind"))
        );
        assert!(["weekly", "biweekly"].contains(&s(u, "cadence")));
    }

    // Units between the leaders' bounds.
    let (mut sum_lo, mut sum_hi) = (0, 0);
    let mut homes = HashSet::new();
    for c in &cadres {
        let (a, b) = c.get("units").map(pair).unwrap_or((lo, hi));
        assert!(1 <= a && a <= b, "{what}: bounds of {}", s(c, "id"));
        sum_lo += a;
        sum_hi += b;
        if let Some(h) = c.get("home_unit") {
            let h = h.as_str().unwrap();
            assert!(unit_ids.contains(h), "{what}: home_unit {h} is no unit");
            assert!(homes.insert(h.to_string()), "{what}: shared home unit {h}");
        }
        for a in arr(c, "away") {
            assert!(s(a, "from") <= s(a, "to"));
        }
    }
    assert!(
        sum_lo <= n && n <= sum_hi,
        "{what}: {n} units outside the leaders' bounds {sum_lo}..{sum_hi}"
    );
    // Distinct home units and two or more leaders: avoiding them leaves an assignment.
    assert!(homes.is_empty() || cadres.len() >= 2);

    // Each unit its own party secretary; department heads' teams cover all units.
    let mut secretaries: HashMap<&str, usize> = HashMap::new();
    let mut dept_teams = 0;
    let mut supply = Vec::new();
    for h in &helpers {
        let role = s(h, "role");
        let max_teams = h.get("max_teams").and_then(Value::as_integer).unwrap_or(1);
        assert!(max_teams >= 1);
        if let Some(u) = h.get("unit") {
            assert!(
                unit_ids.contains(u.as_str().unwrap()),
                "{what}: unit of {h}"
            );
        }
        match role {
            "party_secretary" => {
                *secretaries.entry(s(h, "unit")).or_default() += 1;
            }
            "department_head" => {
                assert!(h.get("unit").is_none());
                dept_teams += max_teams;
            }
            "police" | "lawyer" | "deputy" | "volunteer" | "graduate_official"
            | "committee_cadre" => {
                if h.get("unit").is_none() {
                    let skills: HashSet<String> = strs(h, "skills").into_iter().collect();
                    supply.push((skills, max_teams));
                }
            }
            other => panic!("{what}: unknown role {other}"),
        }
    }
    for u in &units {
        assert_eq!(
            secretaries.get(s(u, "id")).copied().unwrap_or(0),
            1,
            "{what}: party secretaries of {}",
            s(u, "id")
        );
    }
    assert!(
        dept_teams >= n,
        "{what}: department heads serve {dept_teams} teams, {n} units"
    );

    // Every need held by township-wide assist capacity.
    let mut demands = Vec::new();
    for u in &units {
        for need in strs(u, "needs") {
            demands.push((s(u, "id").to_string(), need));
        }
    }
    assert_eq!(
        uncovered_needs(&demands, &supply),
        0,
        "{what}: needs without assist capacity"
    );

    // Roads: every unit reachable and within max_travel_minutes of the office.
    let office = s(&v["township"], "office").to_string();
    let mut adj: BTreeMap<String, Vec<(String, i64)>> = BTreeMap::new();
    for r in arr(&v, "road") {
        let m = int(r, "minutes");
        assert!(m >= 1);
        adj.entry(s(r, "from").into())
            .or_default()
            .push((s(r, "to").into(), m));
        adj.entry(s(r, "to").into())
            .or_default()
            .push((s(r, "from").into(), m));
    }
    let mut dist: HashMap<String, i64> = HashMap::new();
    let mut todo = BTreeSet::new();
    dist.insert(office.clone(), 0);
    todo.insert((0, office));
    while let Some((d, node)) = todo.pop_first() {
        for (w, m) in adj.get(&node).cloned().unwrap_or_default() {
            if dist.get(&w).is_none_or(|&x| x > d + m) {
                dist.insert(w.clone(), d + m);
                todo.insert((d + m, w));
            }
        }
    }
    let max_travel = int(policy, "max_travel_minutes");
    for u in &units {
        let d = dist
            .get(s(u, "id"))
            .unwrap_or_else(|| panic!("{what}: {} unreachable", s(u, "id")));
        assert!(
            *d <= max_travel,
            "{what}: {} is {d} minutes away",
            s(u, "id")
        );
    }

    // Holidays inside the year and apart; meetings outside the window unless
    // emergencies, attendees known.
    let year = int(&v["township"], "year");
    let mut last = String::new();
    for h in arr(&v, "holiday") {
        assert!(s(h, "from").starts_with(&year.to_string()));
        assert!(s(h, "from") <= s(h, "to") && s(h, "from") > last.as_str());
        last = s(h, "to").to_string();
    }
    let mut emergencies = 0;
    for m in arr(&v, "meeting") {
        for a in strs(m, "attendees") {
            assert!(
                a == "all-cadres" || a == "all-helpers" || ids.contains(&a),
                "{what}: attendee {a}"
            );
        }
        let emergency = m.get("emergency").and_then(Value::as_bool).unwrap_or(false);
        let date = chrono::NaiveDate::parse_from_str(s(m, "date"), "%Y-%m-%d").unwrap();
        let tuesday = chrono::Datelike::weekday(&date) == chrono::Weekday::Tue;
        let afternoon = s(m, "end") > "15:00" && s(m, "start") < "18:30";
        if emergency {
            emergencies += 1;
            assert!(tuesday && afternoon, "{what}: emergency outside the window");
        } else if s(m, "repeat") != "monthly" {
            assert!(
                !(tuesday && afternoon),
                "{what}: meeting in the window: {m}"
            );
        } else {
            assert!(
                s(m, "end") <= "15:00",
                "{what}: monthly meeting may hit the window"
            );
        }
    }
    assert!((1..=2).contains(&emergencies));
}

#[test]
fn same_seed_same_text_other_seed_other_text() {
    let a = text("--profile town --seed 7");
    let b = text("--profile town --seed 7");
    let c = text("--profile town --seed 8");
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert!(a.contains("# Generated by: zhudian generate --profile town --seed 7\n"));
}

#[test]
fn default_roster_follows_the_example_layout() {
    let t = text("");
    let order = [
        "[township]",
        "[station]",
        "[policy]",
        "[objective]",
        "[[holiday]]",
        "[[unit]]",
        "[[cadre]]",
        "[[helper]]",
        "[[meeting]]",
        "[[junction]]",
        "[[road]]",
    ];
    let pos: Vec<usize> = order
        .iter()
        .map(|h| {
            t.find(&format!("\n{h}"))
                .unwrap_or_else(|| panic!("no {h}"))
        })
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "sections out of order");
    let v: Value = toml::from_str(&t).unwrap();
    assert_eq!(arr(&v, "unit").len(), 28);
    assert_eq!(arr(&v, "cadre").len(), 12);
    assert_eq!(pair(&v["policy"]["units_per_leader"]), (2, 3));
    assert_eq!(s(&v["station"], "weekday"), "Tue");
    let team = arr(&v["policy"], "team");
    assert_eq!(strs(team[0], "roles"), ["department_head"]);
    assert_eq!(strs(team[1], "roles"), ["party_secretary"]);
    assert_eq!(team[1]["from_unit"].as_bool(), Some(true));
    // Rural: the remotest villages are fortnightly.
    let biweekly = arr(&v, "unit")
        .iter()
        .filter(|u| s(u, "cadence") == "biweekly")
        .count();
    assert!((2..=6).contains(&biweekly), "{biweekly} biweekly units");
    check_plannable(&t, "default");
}

#[test]
fn bad_options_are_refused_with_a_reason() {
    let too_few = GenOptions::from_args(&args("--units 40 --cadres 10 --units-per-leader 1,2"));
    assert!(too_few.unwrap_err().contains("cadres"));
    assert!(GenOptions::from_args(&args("--units 10 --kinds village=3")).is_err());
    assert!(GenOptions::from_args(&args("--units 10 --dept-heads 4")).is_err());
    assert!(Cli::try_parse_from(["x", "--kinds", "castle=3"]).is_err());
    assert!(Cli::try_parse_from(["x", "--year", "1999"]).is_err());
    assert!(Cli::try_parse_from(["x", "--units-per-leader", "2,11"]).is_err());
    assert!(GenOptions::from_args(&args("--units 40 --cadres 3")).is_err());
    assert!(Cli::try_parse_from(["x", "--city", "foshan"]).is_err());
}

/// 40 seeds of each size are plannable; the project's validator (slow in a
/// debug build) reads the first `validated` of them.
#[test]
fn many_seeds_and_sizes_are_plannable_and_valid() {
    let sizes = [
        ("--profile rural --units 12 --cadres 5", 25),
        (
            "--profile town --units 9 --cadres 4 --year 2023 --meetings 0",
            25,
        ),
        ("--profile urban --units 10 --cadres 7", 25),
        ("--profile rural --units 3 --cadres 1", 40),
        ("--profile rural", 6),
        ("--profile town", 6),
        ("--profile urban", 6),
        (
            "--profile urban --units 40 --cadres 34 --units-per-leader 1,2",
            3,
        ),
        (
            "--profile town --kinds village=14,enterprise=3,industrial_community=2 --cadres 8",
            6,
        ),
    ];
    for (size, validated) in sizes {
        for seed in 1..=40 {
            let line = format!("{size} --seed {seed}");
            let t = text(&line);
            check_plannable(&t, &line);
            if seed <= validated
                && let Err(p) = zhudian::roster::load_str(&t, &line)
            {
                panic!("`zhudian generate {line}` fails the validator:\n{p}");
            }
        }
    }
}

#[test]
fn generated_options_without_a_command_line() {
    let mix = KindMix {
        village: 10,
        community: 2,
        enterprise: 1,
        industrial_community: 1,
    };
    let o = GenOptions::new(Profile::Town, mix, 6, 5);
    let t = generate_roster(&o);
    assert!(t.contains(&o.canonical_command()));
    // The canonical command reproduces the file.
    let again = text(o.canonical_command().trim_start_matches("zhudian generate"));
    assert_eq!(t, again);
    check_plannable(&t, "GenOptions::new");
}

/// A township's text with its city's [station], [policy] and [objective]
/// fields merged in where it gives none (as docs/city.md says), as TOML text.
fn with_city(text: &str, city: &str) -> String {
    let mut t: toml::Table = toml::from_str(text).unwrap();
    let c: toml::Table = toml::from_str(city).unwrap();
    for s in ["station", "policy", "objective"] {
        let Some(from) = c.get(s).and_then(Value::as_table) else {
            continue;
        };
        let own = t
            .entry(s)
            .or_insert_with(|| Value::Table(toml::Table::new()))
            .as_table_mut()
            .unwrap();
        for (k, v) in from {
            own.entry(k).or_insert_with(|| v.clone());
        }
    }
    toml::to_string(&t).unwrap()
}

fn city_of(files: &[(String, String)]) -> &str {
    &files
        .iter()
        .find(|f| f.0 == "city.toml")
        .expect("city.toml")
        .1
}

fn townships(files: &[(String, String)]) -> impl Iterator<Item = &(String, String)> {
    files
        .iter()
        .filter(|f| f.0.ends_with(".toml") && f.0 != "city.toml")
}

fn count_roles(v: &Value) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for h in arr(v, "helper") {
        *m.entry(s(h, "role").to_string()).or_default() += 1;
    }
    m
}

#[test]
fn foshan_rosters_add_up_to_the_city_figures() {
    let files = foshan_rosters(1, 2015, "instances/foshan");
    assert_eq!(files.len(), 34);
    let (mut units, mut cadres) = (0, 0);
    let mut roles: BTreeMap<String, usize> = BTreeMap::new();
    for (name, text) in townships(&files) {
        let text = &with_city(text, city_of(&files));
        check_plannable(text, name);
        let v: Value = toml::from_str(text).unwrap();
        let u = arr(&v, "unit").len();
        assert!((10..=40).contains(&u), "{name}: {u} units");
        assert_eq!(pair(&v["policy"]["units_per_leader"]), (1, 2));
        units += u;
        cadres += arr(&v, "cadre").len();
        for (r, c) in count_roles(&v) {
            *roles.entry(r).or_default() += c;
        }
    }
    let t = FOSHAN_TOTALS;
    assert_eq!(units, t.units);
    assert_eq!(cadres, t.cadres);
    assert_eq!(roles["department_head"], t.dept_heads);
    assert_eq!(roles["party_secretary"], t.party_secretaries);
    assert_eq!(roles["committee_cadre"], t.committee_cadres);
    assert_eq!(roles["graduate_official"], t.graduates);
    assert_eq!(roles["volunteer"], t.volunteers);
}

/// The shipped instances and the commands that make them.
const SHIPPED: &[(&str, &str)] = &[
    (
        "instances/gaozhou-rural.toml",
        "--profile rural --kinds village=28 --cadres 12 --seed 2 --name 高州市某镇 -o instances/gaozhou-rural.toml",
    ),
    (
        "instances/leping-town.toml",
        "--profile town --kinds village=14,enterprise=3,industrial_community=2 --cadres 8 --seed 1 --name 乐平镇 -o instances/leping-town.toml",
    ),
    (
        "instances/urban-subdistrict.toml",
        "--profile urban --kinds village=2,community=30 --cadres 20 --seed 3 --name 城西街道 -o instances/urban-subdistrict.toml",
    ),
];

fn bless() -> bool {
    std::env::var_os("ZHUDIAN_BLESS").is_some()
}

#[test]
fn shipped_instances_are_what_their_commands_give() {
    let here = root();
    for (path, line) in SHIPPED {
        let want = text(line);
        let file = here.join(path);
        if bless() {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &want).unwrap();
        }
        let have = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            have == want,
            "{path} differs from `zhudian generate {line}`"
        );
        check_plannable(&have, path);
    }
    let dir = here.join("instances/foshan");
    if bless() {
        // As `zhudian generate --city foshan --out-dir instances/foshan` from
        // the project's root.
        let files = foshan_rosters(1, 2015, "instances/foshan");
        std::fs::create_dir_all(&dir).unwrap();
        for (name, t) in &files {
            std::fs::write(dir.join(name), t).unwrap();
        }
    }
    for (name, want) in foshan_rosters(1, 2015, "instances/foshan") {
        let have = std::fs::read_to_string(dir.join(&name)).unwrap_or_default();
        assert!(
            have == want,
            "instances/foshan/{name} is not what the generator gives"
        );
    }
    let on_disk = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "toml")
        })
        .count();
    assert_eq!(on_disk, 33, "32 townships and city.toml");
}

#[test]
fn example_instance_is_the_spec_example() {
    let here = root();
    let ours = std::fs::read_to_string(here.join("instances/beijiao-example.toml")).unwrap();
    let spec = Path::new("/work/shared/spec/roster-example.toml");
    if let Ok(theirs) = std::fs::read_to_string(spec) {
        assert_eq!(ours, theirs);
    }
    toml::from_str::<Value>(&ours).unwrap();
}

#[test]
fn run_writes_a_file_and_a_city() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.toml");
    let mut a = args("--profile urban --units 12 --seed 4");
    a.output = Some(out.clone());
    run(&a).unwrap();
    check_plannable(&std::fs::read_to_string(&out).unwrap(), "run");
    let city = dir.path().join("fs");
    let mut a = args("--city foshan --out-dir x --seed 3");
    a.out_dir = Some(city.clone());
    run(&a).unwrap();
    assert_eq!(std::fs::read_dir(&city).unwrap().count(), 34);
    assert!(city.join("city.toml").is_file());
    let readme = std::fs::read_to_string(city.join("README.md")).unwrap();
    assert!(readme.contains("--seed 3"));
}

/// Every shipped roster passes the project's validator.
#[test]
fn shipped_instances_pass_the_validator() {
    let here = root();
    let mut files = vec![
        here.join("instances/beijiao-example.toml"),
        here.join("instances/gaozhou-rural.toml"),
        here.join("instances/leping-town.toml"),
        here.join("instances/urban-subdistrict.toml"),
    ];
    for e in std::fs::read_dir(here.join("instances/foshan")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            files.push(p);
        }
    }
    let mut bad = Vec::new();
    for f in files.iter().filter(|f| !f.ends_with("city.toml")) {
        // A Foshan township inherits its folder's city.toml.
        if let Err(p) = zhudian::roster::load(f) {
            bad.push(format!("{}:\n{p}", f.display()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// instances/README.md lists every shipped roster with its command and its
/// current counts.
#[test]
fn instances_readme_is_current() {
    let readme = std::fs::read_to_string(root().join("instances/README.md")).unwrap();
    for (path, line) in SHIPPED {
        assert!(
            readme.contains(&format!("zhudian generate {line}")),
            "README lacks the command for {path}"
        );
        let file = path.trim_start_matches("instances/");
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{file}`")))
            .unwrap_or_else(|| panic!("README has no row for {file}"));
        let v: Value = toml::from_str(&text(line)).unwrap();
        let counts = format!(
            "| {} | {} | {} |",
            arr(&v, "unit").len(),
            arr(&v, "cadre").len(),
            arr(&v, "helper").len()
        );
        assert!(
            row.contains(&counts),
            "README row for {file} should say {counts}"
        );
    }
}

#[test]
fn odd_township_names_stay_valid_toml() {
    for name in ["北滘 镇", "a\"b\\c", "x\ny", "it's"] {
        let mut o = GenOptions::new(
            Profile::Rural,
            KindMix::for_profile(Profile::Rural, 6),
            3,
            1,
        );
        o.name = name.to_string();
        o.command = o.canonical_command();
        let t = generate_roster(&o);
        let v: Value = toml::from_str(&t).unwrap_or_else(|e| panic!("{name:?}: {e}"));
        assert_eq!(s(&v["township"], "name"), name);
    }
}

/// From one unit to sixty, every profile and a spread of leader counts: the
/// options are either refused with a reason or give a roster that passes the
/// validator and is plannable.
#[test]
fn every_size_is_refused_or_valid() {
    for profile in [Profile::Rural, Profile::Town, Profile::Urban] {
        for units in [1usize, 2, 5, 9, 17, 26, 37, 50, 60] {
            for cadres in [1usize, 2, 3, 8, 20, 45] {
                if cadres > units {
                    continue;
                }
                let kinds = KindMix::for_profile(profile, units);
                let o = GenOptions::new(profile, kinds, cadres, (units * 100 + cadres) as u64);
                if o.check().is_err() {
                    assert!(
                        units > 10 * cadres,
                        "{units} units, {cadres} cadres refused"
                    );
                    continue;
                }
                let what = format!("{profile:?}, {units} units, {cadres} cadres");
                let t = generate_roster(&o);
                check_plannable(&t, &what);
                // The validator is slow in debug builds: the small ones only.
                if units <= 17
                    && let Err(p) = zhudian::roster::load_str(&t, &what)
                {
                    panic!("{what}: {p}");
                }
            }
        }
    }
}
