//! Weekdays as a Chinese planner writes them (周三, 星期三, 礼拜三; Sunday
//! also 周日, 星期天, 礼拜天) are read wherever a weekday is read: a
//! roster's `[station]` and `[policy]`, a city.toml's `[station]`, a
//! workbook's cells. English stays accepted.

use chrono::Weekday::{self, *};
use zhudian::roster;
use zhudian::wording::Lang;

const BASE: &str = "instances/beijiao-example.toml";

/// The shipped roster with its `[station]` lines replaced.
fn with_station(weekday: &str, makeup: &str) -> String {
    std::fs::read_to_string(BASE)
        .unwrap()
        .replace("weekday = \"Tue\"", &format!("weekday = \"{weekday}\""))
        .replace(
            "makeup_days = [\"Sat\"]",
            &format!("makeup_days = [{makeup}]"),
        )
}

fn station(text: &str) -> (Weekday, Vec<Weekday>) {
    let r = roster::load_str(text, "r.toml").unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    (r.station.weekday, r.station.makeup_days)
}

#[test]
fn a_roster_takes_zhou_xingqi_and_libai_weekdays() {
    for (word, day) in [
        ("周一", Mon),
        ("周三", Wed),
        ("周日", Sun),
        ("周天", Sun),
        ("星期二", Tue),
        ("星期四", Thu),
        ("星期日", Sun),
        ("星期天", Sun),
        ("礼拜五", Fri),
        ("礼拜六", Sat),
        ("礼拜天", Sun),
    ] {
        assert_eq!(station(&with_station(word, "\"Sat\"")).0, day, "{word}");
    }
    assert_eq!(
        station(&with_station("Wed", "\"周六\", \"星期日\"")),
        (Wed, vec![Sat, Sun])
    );
    assert_eq!(station(&with_station("wednesday", "\"Sat\"")).0, Wed);
}

#[test]
fn visit_days_take_chinese_weekdays() {
    let text = with_station("周二", "\"Sat\"").replace(
        "[policy]\n",
        "[policy]\nvisit_days = [\"周一\", \"星期三\", \"礼拜五\"]\n",
    );
    let r = roster::load_str(&text, "r.toml").unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    assert_eq!(r.policy.visit_days, vec![Mon, Wed, Fri]);
}

#[test]
fn a_weekday_that_is_no_weekday_is_still_refused() {
    for bad in ["周八", "星期", "礼拜", "周三三", "Wedd"] {
        let p = roster::load_str(&with_station(bad, "\"Sat\""), "r.toml").unwrap_err();
        let said = p.render(Lang::En);
        assert!(
            said.contains(&format!("'{bad}' is not one of 'Mon'")),
            "{said}"
        );
    }
}

#[test]
fn a_city_toml_station_takes_a_chinese_weekday() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir("tests/fixtures/city").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let ct = dir.path().join("city.toml");
    let text = std::fs::read_to_string(&ct).unwrap();
    let text = text
        .replace("weekday = \"Tue\"", "weekday = \"周三\"")
        .replace("makeup_days = [\"Sat\"]", "makeup_days = [\"星期六\"]");
    std::fs::write(&ct, text).unwrap();
    let city = roster::city::read(dir.path())
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
        .unwrap();
    let town = roster::load_in_city(&dir.path().join("foshan-25-genghe.toml"), Some(&city))
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    assert_eq!(town[0].station.weekday, Wed);
    assert_eq!(town[0].station.makeup_days, vec![Sat]);
    // And through the command: the city validates.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(["validate", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_township_writing_the_citys_weekday_in_other_words_does_not_differ() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir("tests/fixtures/city").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let ct = dir.path().join("city.toml");
    let text = std::fs::read_to_string(&ct).unwrap();
    std::fs::write(&ct, text.replace("weekday = \"Tue\"", "weekday = \"周二\"")).unwrap();
    let own = |file: &str, station: &str| {
        let f = dir.path().join(file);
        let text = std::fs::read_to_string(&f).unwrap();
        std::fs::write(&f, text + station).unwrap();
    };
    own(
        "foshan-25-genghe.toml",
        "\n[station]\nweekday = \"Tue\"\nmakeup_days = [\"礼拜六\"]\n",
    );
    own(
        "foshan-31-datang.toml",
        "\n[station]\nweekday = \"星期三\"\n",
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(["--lang", "zh", "validate", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(!said.contains("更合镇与全市设置不同"), "{said}");
    assert!(
        said.contains("\n大塘镇与全市设置不同：驻点日 每周三（全市：每周二）\n"),
        "{said}"
    );
}
