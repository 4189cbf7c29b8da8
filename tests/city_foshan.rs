//! The shipped Foshan city (`instances/foshan`, with its city.toml): every
//! township inherits the city's values unless it gives its own, `validate`
//! says the inherited values once and names each overriding township field
//! by field, and `plan`'s city-summary.csv adds up to figures counted here
//! from the rosters and the plan files themselves.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use toml::{Table, Value};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("instances/foshan")
}

fn table(path: &Path) -> Table {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
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

/// The township roster files, in name order, with their tables.
fn townships() -> Vec<(String, Table)> {
    let mut v: Vec<(String, Table)> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| p.file_name().unwrap() != "city.toml")
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                table(&p),
            )
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(v.len(), 32);
    v
}

fn name(t: &Table) -> &str {
    s(t["township"].as_table().unwrap(), "name")
}

#[test]
fn every_township_takes_the_citys_values_unless_it_gives_its_own() {
    let city = table(&dir().join("city.toml"));
    let city_per = city["policy"]["households_per_visit_session"]
        .as_integer()
        .unwrap();
    for (file, t) in townships() {
        let r = zhudian::roster::load(&dir().join(&file)).expect("valid in its city");
        assert_eq!(r.station.weekday, chrono::Weekday::Tue, "{file}");
        assert_eq!(r.station.start.to_string(), "15:00:00", "{file}");
        assert_eq!(r.station.end.to_string(), "18:30:00", "{file}");
        assert_eq!(r.policy.units_per_leader, (1, 2), "{file}");
        let own = t["policy"].get("households_per_visit_session");
        let want = own.and_then(Value::as_integer).unwrap_or(city_per);
        assert_eq!(r.policy.households_per_visit_session as i64, want, "{file}");
        // Its own max_travel_minutes, which the city does not set.
        assert_eq!(
            Some(r.policy.max_travel_minutes),
            t["policy"]["max_travel_minutes"]
                .as_integer()
                .map(|m| m as f64),
            "{file}"
        );
    }
}

#[test]
fn validate_says_the_inherited_values_once_and_each_township_that_differs() {
    let (c, out, err) = zhudian(&["validate", dir().to_str().unwrap()]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains(
            "佛山市: 32 townships in 5 districts: 禅城区 4, 南海区 7, 顺德区 10, 高明区 4, 三水区 7\n"
        ),
        "{out}"
    );
    assert_eq!(
        out.matches("every township inherits, unless it gives its own:\n")
            .count(),
        1,
        "{out}"
    );
    let city = table(&dir().join("city.toml"));
    for section in ["station", "policy", "objective"] {
        for (k, v) in city[section].as_table().unwrap() {
            let line = format!("\n  {section}.{k} = {v}\n");
            assert_eq!(out.matches(&line).count(), 1, "{line} in {out}");
        }
    }
    // The townships that set a city field to their own value, from their files.
    let city_per = &city["policy"]["households_per_visit_session"];
    let mut want = BTreeSet::new();
    for (_, t) in townships() {
        if let Some(own) = t["policy"].get("households_per_visit_session") {
            want.insert(format!(
                "{} differs from the city: policy.households_per_visit_session = {own} (city: {city_per})",
                name(&t)
            ));
        }
    }
    let said: BTreeSet<String> = out
        .lines()
        .filter(|l| l.contains(" differs from the city: "))
        .map(str::to_string)
        .collect();
    assert_eq!(said, want, "{out}");
    if want.is_empty() {
        assert!(out.contains("no township differs from the city's settings"));
    }
}

#[test]
fn validate_in_chinese_says_the_citys_settings_in_a_planners_words() {
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", dir().to_str().unwrap()]);
    assert_eq!(c, 0, "{out}{err}");
    let want = "各镇街沿用全市设置（自行设置的除外）：
  驻点日：每周二
  驻点时间：15:00—18:30
  补接待日：周六
  补接待提前通知：3 天
  每名领导联系村居：1—2 个
  不驻本人所在村居：是
  每次接待最少到场：2 人
  驻点团队（1+2）：职能部门负责人、村党组织书记（本村居）
  每户每年走访：2 次
  每半天走访户数：15 户
  每人每月走访上限：10 个半天
  工作量口径：户数
  均衡权重：2
  路程权重：1
  领导连续性权重：100
  团队连续性权重：30
";
    assert_eq!(out.matches(want).count(), 1, "{out}");
    assert!(
        !out.contains("station.") && !out.contains("policy."),
        "{out}"
    );
    // The townships that set a city field to their own value, in words.
    let mut want = BTreeSet::new();
    for (_, t) in townships() {
        if let Some(own) = t["policy"].get("households_per_visit_session") {
            want.insert(format!(
                "{}与全市设置不同：每半天走访户数 {own} 户（全市：15 户）",
                name(&t)
            ));
        }
    }
    assert_eq!(want.len(), 9);
    let said: BTreeSet<String> = out
        .lines()
        .filter(|l| l.contains("与全市设置不同："))
        .map(str::to_string)
        .collect();
    assert_eq!(said, want, "{out}");
}

/// Figures of one township counted from its roster and plan file.
#[derive(Default, Debug, PartialEq, Clone)]
struct Counted {
    leaders: u64,
    units: u64,
    helpers: BTreeMap<String, u64>,
    station: u64,
    without_township: u64,
    makeups: u64,
    visits: u64,
    warnings: BTreeMap<String, u64>,
}

impl Counted {
    fn of(roster: &Table, plan: &Table) -> Counted {
        let mut c = Counted {
            leaders: arr(roster, "cadre").len() as u64,
            units: arr(roster, "unit").len() as u64,
            ..Counted::default()
        };
        // Township members: leaders and helpers not of a unit.
        let mut township: BTreeSet<&str> =
            arr(roster, "cadre").iter().map(|x| s(x, "id")).collect();
        for h in arr(roster, "helper") {
            *c.helpers.entry(s(h, "role").to_string()).or_default() += 1;
            if !h.contains_key("unit") {
                township.insert(s(h, "id"));
            }
        }
        for x in arr(plan, "session") {
            match s(x, "kind") {
                "station" => {
                    c.station += 1;
                    let people = x["people"].as_array().unwrap();
                    if !people
                        .iter()
                        .any(|p| township.contains(p.as_str().unwrap()))
                    {
                        c.without_township += 1;
                    }
                }
                "makeup" => c.makeups += 1,
                "household_visit" => c.visits += 1,
                other => panic!("session kind {other}"),
            }
        }
        for w in arr(plan, "warning") {
            *c.warnings.entry(s(w, "kind").to_string()).or_default() += 1;
        }
        c
    }

    fn add(&mut self, o: &Counted) {
        self.leaders += o.leaders;
        self.units += o.units;
        self.station += o.station;
        self.without_township += o.without_township;
        self.makeups += o.makeups;
        self.visits += o.visits;
        for (k, v) in &o.helpers {
            *self.helpers.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &o.warnings {
            *self.warnings.entry(k.clone()).or_default() += v;
        }
    }

    /// The summary row's cells this should match, by column header.
    fn cells(&self) -> Vec<(&'static str, u64)> {
        let h = |r: &str| self.helpers.get(r).copied().unwrap_or(0);
        let w = |k: &str| self.warnings.get(k).copied().unwrap_or(0);
        vec![
            ("leaders at the year's end", self.leaders),
            ("units", self.units),
            ("helpers: department head", h("department_head")),
            ("helpers: party secretary", h("party_secretary")),
            ("helpers: committee cadre", h("committee_cadre")),
            ("helpers: graduate official", h("graduate_official")),
            ("helpers: volunteer", h("volunteer")),
            ("helpers: police", h("police")),
            ("helpers: lawyer", h("lawyer")),
            ("helpers: deputy", h("deputy")),
            ("station sessions", self.station),
            ("sessions without a township member", self.without_township),
            ("make-ups", self.makeups),
            ("household visit sessions", self.visits),
            ("warnings: station sessions short of people", w("shortfall")),
            (
                "warnings: make-ups that cannot be placed",
                w("makeup_impossible"),
            ),
            (
                "warnings: household visits that do not fit",
                w("household_visits_short"),
            ),
            (
                "warnings: meetings in the station window",
                w("meeting_in_window"),
            ),
        ]
    }
}

#[test]
fn the_city_summary_adds_up_to_the_rosters_and_the_plans() {
    let tmp = tempfile::tempdir().unwrap();
    let plans = tmp.path().join("plans");
    let (c, out, err) = zhudian(&[
        "plan",
        dir().to_str().unwrap(),
        "-o",
        plans.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let text = std::fs::read_to_string(plans.join("city-summary.csv")).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    let mut lines = text.split("\r\n").filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let col = |h: &str| {
        header
            .iter()
            .position(|x| *x == h)
            .unwrap_or_else(|| panic!("{h}"))
    };
    let row = |district: &str, township: &str| {
        rows.iter()
            .find(|r| r[0] == district && r[1] == township)
            .unwrap_or_else(|| panic!("no row {district} {township}"))
    };
    let assert_row = |r: &Vec<&str>, want: &Counted, what: &str| {
        for (h, v) in want.cells() {
            assert_eq!(r[col(h)], v.to_string(), "{what}: {h}");
        }
    };

    let city = table(&dir().join("city.toml"));
    let by_name: BTreeMap<String, Counted> = townships()
        .iter()
        .map(|(file, t)| {
            let plan = table(&plans.join(file));
            (name(t).to_string(), Counted::of(t, &plan))
        })
        .collect();
    let mut total = Counted::default();
    for d in arr(&city, "district") {
        let mut sub = Counted::default();
        for t in d["townships"].as_array().unwrap() {
            let t = t.as_str().unwrap();
            let c = &by_name[t];
            assert_row(row(s(d, "name"), t), c, t);
            sub.add(c);
        }
        assert_row(row(s(d, "name"), "subtotal"), &sub, s(d, "name"));
        total.add(&sub);
    }
    assert_eq!(rows.len(), 32 + 5 + 1);
    assert_row(row("", "total"), &total, "total");
    // The city's published figures.
    assert_eq!((total.leaders, total.units), (625, 738));
    assert_eq!(total.helpers["department_head"], 698);
    assert_eq!(total.helpers["party_secretary"], 738);
    // Every unit meets every station week: sessions are a year of Tuesdays or more.
    assert!(total.station >= 738 * 20, "{total:?}");
}
