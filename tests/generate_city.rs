//! The generated Foshan as a city: a city.toml with the five districts and
//! the one rule for all, townships that write only their own values, no
//! person (same id and name) in two townships, and map positions (km) on
//! every generated office, unit and junction that agree with the roads.

use std::collections::{BTreeSet, HashMap};
use toml::{Table, Value};
use zhudian::generate::{GenOptions, KindMix, Profile, foshan_rosters, generate_roster};

fn table(text: &str) -> Table {
    toml::from_str(text).unwrap()
}

fn arr<'a>(t: &'a Table, key: &str) -> Vec<&'a Table> {
    t.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|v| v.as_table().unwrap()).collect())
        .unwrap_or_default()
}

fn s<'a>(t: &'a Table, key: &str) -> &'a str {
    t.get(key).and_then(Value::as_str).unwrap_or("")
}

fn num(t: &Table, key: &str) -> f64 {
    t.get(key)
        .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
        .unwrap_or_else(|| panic!("no number `{key}` in {t}"))
}

fn townships(files: &[(String, String)]) -> Vec<(&str, Table)> {
    files
        .iter()
        .filter(|f| f.0.ends_with(".toml") && f.0 != "city.toml")
        .map(|(f, t)| (f.as_str(), table(t)))
        .collect()
}

fn city(files: &[(String, String)]) -> Table {
    table(&files.iter().find(|f| f.0 == "city.toml").unwrap().1)
}

#[test]
fn no_person_is_in_two_foshan_townships() {
    for seed in [1, 3] {
        let files = foshan_rosters(seed, 2015, "x");
        let mut seen: HashMap<(String, String), &str> = HashMap::new();
        let mut people = 0;
        for (file, t) in &townships(&files) {
            for p in arr(t, "cadre").into_iter().chain(arr(t, "helper")) {
                people += 1;
                let key = (s(p, "id").to_string(), s(p, "name").to_string());
                if let Some(other) = seen.insert(key.clone(), file) {
                    panic!("seed {seed}: {key:?} is in {other} and in {file}");
                }
            }
        }
        // The city's 625 leaders and 4,726 helpers, and police, lawyers and deputies.
        assert!(people > 625 + 4726, "seed {seed}: {people} people");
    }
}

#[test]
fn city_toml_holds_the_districts_and_the_one_rule() {
    let files = foshan_rosters(1, 2015, "x");
    let c = city(&files);
    assert_eq!(s(c["city"].as_table().unwrap(), "name"), "佛山市");
    let districts = arr(&c, "district");
    let names: Vec<&str> = districts.iter().map(|d| s(d, "name")).collect();
    assert_eq!(names, ["禅城区", "南海区", "顺德区", "高明区", "三水区"]);
    let sizes: Vec<usize> = districts
        .iter()
        .map(|d| d["townships"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [4, 7, 10, 4, 7]);
    // Every township listed once, by the name its roster gives.
    let listed: Vec<String> = districts
        .iter()
        .flat_map(|d| d["townships"].as_array().unwrap())
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    let own: BTreeSet<String> = townships(&files)
        .iter()
        .map(|(_, t)| s(t["township"].as_table().unwrap(), "name").to_string())
        .collect();
    assert_eq!(listed.len(), 32);
    assert_eq!(listed.into_iter().collect::<BTreeSet<_>>(), own);

    let station = c["station"].as_table().unwrap();
    assert_eq!(
        (
            s(station, "weekday"),
            s(station, "start"),
            s(station, "end")
        ),
        ("Tue", "15:00", "18:30")
    );
    let policy = c["policy"].as_table().unwrap();
    assert_eq!(
        policy["units_per_leader"],
        Value::Array(vec![1.into(), 2.into()])
    );
    assert_eq!(policy["household_visits"].as_integer(), Some(2));
    assert!(!policy.contains_key("household_visits_per_member"));
    assert_eq!(policy["visit_half_days_per_month"].as_integer(), Some(10));
    assert!(
        !policy.contains_key("max_travel_minutes"),
        "a township's own"
    );
    assert_eq!(
        policy["households_per_visit_session"].as_integer(),
        Some(15)
    );
    let objective = c["objective"].as_table().unwrap();
    let keys: Vec<&str> = objective.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["balance", "continuity", "helper_continuity", "travel"]
    );
}

#[test]
fn townships_write_only_their_own_values() {
    let files = foshan_rosters(1, 2015, "x");
    let city_per = city(&files)["policy"]["households_per_visit_session"].clone();
    for (file, t) in &townships(&files) {
        assert!(
            !t.contains_key("station"),
            "{file}: [station] is the city's"
        );
        assert!(
            !t.contains_key("objective"),
            "{file}: [objective] is the city's"
        );
        let policy = t["policy"].as_table().unwrap();
        assert!(policy.contains_key("max_travel_minutes"), "{file}");
        for (k, v) in policy {
            match k.as_str() {
                "max_travel_minutes" => {}
                "households_per_visit_session" => {
                    assert_ne!(*v, city_per, "{file} repeats the city's value")
                }
                other => panic!("{file}: policy.{other} is the city's"),
            }
        }
    }
}

/// The roster's office, units and junctions all have `x`, `y`, and each
/// road's minutes agree with the straight distance between its ends (the
/// generator's speeds: 1.2 to 2.5 minutes a km).
fn assert_placed(t: &Table, what: &str) {
    let mut at: HashMap<String, (f64, f64)> = HashMap::new();
    let town = t["township"].as_table().unwrap();
    at.insert(
        s(town, "office").to_string(),
        (num(town, "x"), num(town, "y")),
    );
    for u in arr(t, "unit") {
        at.insert(s(u, "id").to_string(), (num(u, "x"), num(u, "y")));
    }
    let units = at.len() - 1;
    for j in arr(t, "junction") {
        assert!(
            at.insert(s(j, "id").to_string(), (num(j, "x"), num(j, "y")))
                .is_none(),
            "{what}: junction {} twice",
            s(j, "id")
        );
    }
    let roads = arr(t, "road");
    let mut reached = BTreeSet::new();
    for r in &roads {
        let (a, b) = (s(r, "from"), s(r, "to"));
        reached.extend([a, b]);
        let (pa, pb) = (
            at.get(a)
                .unwrap_or_else(|| panic!("{what}: {a} has no place")),
            at.get(b)
                .unwrap_or_else(|| panic!("{what}: {b} has no place")),
        );
        let km = ((pa.0 - pb.0).powi(2) + (pa.1 - pb.1).powi(2)).sqrt();
        let minutes = num(r, "minutes");
        if km >= 2.0 {
            let rate = minutes / km;
            assert!(
                (0.9..=2.8).contains(&rate),
                "{what}: {a}–{b} is {km:.2} km and {minutes} minutes"
            );
        }
    }
    assert_eq!(
        reached.len(),
        at.len(),
        "{what}: a placed node no road reaches"
    );
    assert!(units > 0 && !roads.is_empty());
}

#[test]
fn generated_rosters_place_the_office_units_and_junctions() {
    for (profile, units, cadres, seed) in [
        (Profile::Rural, 28, 12, 2),
        (Profile::Town, 19, 8, 1),
        (Profile::Urban, 32, 20, 3),
    ] {
        let o = GenOptions::new(profile, KindMix::for_profile(profile, units), cadres, seed);
        let text = generate_roster(&o);
        assert_placed(&table(&text), &format!("{profile:?}"));
        let r = zhudian::roster::load_str(&text, "g.toml").expect("valid");
        assert!(r.township.office_position.is_some());
        assert!(r.units.iter().all(|u| u.position.is_some()));
    }
    let files = foshan_rosters(1, 2015, "x");
    for (file, t) in &townships(&files) {
        assert_placed(t, file);
    }
}
