//! The travel time between a city's townships (city.toml's `[city]
//! minutes_between_townships`, 30 by default, and `[[township_road]]` for a
//! pair): a shared person's duties in two townships are kept that far apart
//! by `plan CITY`, `check CITY` names a person who has less, and `validate
//! CITY` warns about two station windows on the same weekday closer than
//! it (trial 16: 15:00–18:30 then 18:30–21:00 did not count as a clash).
//! On tests/fixtures/city-shared-window, where 陈志强 serves 六都镇 and
//! 腰古镇 and the city's window is Wednesday 14:30–17:30.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

const CITY: &str = "tests/fixtures/city-shared-window";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A copy of the city with 腰古镇's window from `start` to `end` and
/// `extra` added to city.toml's `[city]`.
fn city(start: &str, end: &str, city_extra: &str, tail: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    std::fs::create_dir(&city).unwrap();
    for e in std::fs::read_dir(CITY).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, city.join(p.file_name().unwrap())).unwrap();
    }
    let yaogu = city.join("yaogu.toml");
    let text = std::fs::read_to_string(&yaogu).unwrap();
    std::fs::write(
        &yaogu,
        format!("{text}\n[station]\nstart = \"{start}\"\nend = \"{end}\"\n"),
    )
    .unwrap();
    set_city(&city, city_extra, tail);
    (dir, city)
}

/// city.toml with `extra` in `[city]` and `tail` at its end.
fn set_city(city: &Path, extra: &str, tail: &str) {
    let text = std::fs::read_to_string(format!("{CITY}/city.toml")).unwrap();
    let text = text.replacen(
        "name = \"云浮市\"\n",
        &format!("name = \"云浮市\"\n{extra}"),
        1,
    );
    std::fs::write(city.join("city.toml"), format!("{text}\n{tail}")).unwrap();
}

/// 陈志强's sessions (date, start, end in minutes) in a plan file.
fn sessions(plan: &Path) -> Vec<(String, i64, i64)> {
    let text = std::fs::read_to_string(plan).unwrap();
    let doc: toml::Value = toml::from_str(&text).unwrap();
    let min = |t: &str| {
        let (h, m) = t.split_once(':').unwrap();
        h.parse::<i64>().unwrap() * 60 + m.parse::<i64>().unwrap()
    };
    doc["session"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| {
            x["people"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p.as_str() == Some("chen-zq"))
        })
        .map(|x| {
            (
                x["date"].as_str().unwrap().to_string(),
                min(x["start"].as_str().unwrap()),
                min(x["end"].as_str().unwrap()),
            )
        })
        .collect()
}

/// The least minutes between 陈志强's duties in the two townships on one
/// date (negative: at once); None when no date has both.
fn least_gap(plans: &Path) -> Option<i64> {
    let (a, b) = (
        sessions(&plans.join("liudu.toml")),
        sessions(&plans.join("yaogu.toml")),
    );
    let mut least = None;
    for x in &a {
        for y in b.iter().filter(|y| y.0 == x.0) {
            let gap = (y.1 - x.2).max(x.1 - y.2);
            least = Some(least.map_or(gap, |l: i64| l.min(gap)));
        }
    }
    least
}

#[test]
fn validate_warns_about_windows_closer_than_the_travel_time() {
    let (_d, c) = city("17:30", "20:30", "", "");
    let (code, out, err) = zhudian(&["validate", s(&c)]);
    assert_eq!(code, 0, "{out}{err}");
    // Said as what the plan will do: 六都镇 is planned first, and its
    // station takes all 50 of 腰古镇's dates, so he leads nothing there.
    assert!(out.contains("陈志强 is shared by 六都镇 and 腰古镇, whose station windows on the same weekday (六都镇 14:30–17:30, 腰古镇 17:30–20:30) leave less than the 30 minutes of travel between the two townships. The plan keeps his duties in the two apart: 六都镇 is planned first, and 陈志强 is not put at 腰古镇's sessions on the days he has duties in 六都镇. 50 of 腰古镇's 50 station dates are 六都镇's station days too, so with units in 六都镇 he leads no unit in 腰古镇 and is away on all 50; 腰古镇's units go to its other leaders. To have 陈志强 lead in both, give the two townships windows further apart, or a shorter `[[township_road]]` in city.toml if the road is shorter\n"), "{out}");
    assert!(!out.contains("may miss"), "{out}");
    // 腰古镇's leaders do not count him.
    assert!(
        out.contains(
            "  cadres     4 leaders to station (1 more shared cadre leads no unit here: 陈志强)\n"
        ),
        "{out}"
    );
    let (_, out, _) = zhudian(&["--lang", "zh", "validate", s(&c)]);
    assert!(out.contains("陈志强由六都镇和腰古镇共用，两个镇街在同一天的驻点时间（六都镇 14:30–17:30，腰古镇 17:30–20:30）之间不足两镇街之间的路程 30 分钟。编排时两地的任务不会冲突：先编排六都镇，陈志强在六都镇有驻点任务的日子不安排到腰古镇。腰古镇全年 50 个驻点日中有 50 个也是六都镇的驻点日，陈志强在六都镇联系村（社区）后这些日子都在六都镇，因此在腰古镇不当驻点领导，这 50 个驻点日都不到腰古镇，腰古镇的村（社区）由其他领导联系。如需陈志强在两个镇街都驻点，可把两个镇街的驻点时间再错开，或在全市设置中填写两镇街之间较短的实际路程。\n"), "{out}");
    assert!(
        out.contains("  驻点领导  4 名（另有 1 名共用干部在本镇街不联系村（社区）：陈志强）\n"),
        "{out}"
    );
    // Half an hour apart is enough for the default; a pair's own road of
    // 45 minutes is not, and the city's default of 0 never warns.
    let (_d, c) = city("18:00", "21:00", "", "");
    let (_, out, _) = zhudian(&["validate", s(&c)]);
    assert!(!out.contains("minutes of travel"), "{out}");
    let road = "[[township_road]]\nfrom = \"六都镇\"\nto = \"腰古镇\"\nminutes = 45\n";
    let (_d, c) = city("18:00", "21:00", "", road);
    let (_, out, _) = zhudian(&["validate", s(&c)]);
    assert!(
        out.contains("(六都镇 14:30–17:30, 腰古镇 18:00–21:00) leave less than the 45 minutes"),
        "{out}"
    );
    let (_d, c) = city("17:30", "20:30", "minutes_between_townships = 0\n", "");
    let (_, out, _) = zhudian(&["validate", s(&c)]);
    assert!(!out.contains("minutes of travel"), "{out}");
}

#[test]
fn plan_keeps_a_shared_persons_duties_the_travel_time_apart() {
    let (d, c) = city("18:00", "21:00", "", "");
    let plans = d.path().join("plans");
    let (code, out, err) = zhudian(&["plan", s(&c), "-o", s(&plans)]);
    assert!(code <= 1, "{out}{err}");
    let gap = least_gap(&plans).expect("陈志强 serves both townships on some date");
    assert!(gap >= 30, "{gap}");
    let (code, out, err) = zhudian(&["check", s(&c), s(&plans)]);
    assert!(!out.contains("cannot get from one township"), "{out}{err}");
    assert!(
        out.contains("Shared people: 1; none is in two townships at once or short of the travel time between them.\n"),
        "{out}"
    );
    let (_, out, _) = zhudian(&["--lang", "zh", "check", s(&c), s(&plans)]);
    assert!(
        out.contains("多镇街共用人员 1 人，没有同一时间身处两地、也没有路程时间不足的安排。\n"),
        "{out}"
    );
    let _ = code;
    // Without travel time, the same windows are back to back.
    let (d, c) = city("17:30", "20:30", "minutes_between_townships = 0\n", "");
    let plans = d.path().join("plans");
    zhudian(&["plan", s(&c), "-o", s(&plans)]);
    assert_eq!(least_gap(&plans), Some(0));
}

#[test]
fn check_names_a_person_without_the_travel_time_in_both_languages() {
    // Planned with no travel time, back to back; checked with 30 minutes.
    let (d, c) = city("17:30", "20:30", "minutes_between_townships = 0\n", "");
    let plans = d.path().join("plans");
    zhudian(&["plan", s(&c), "-o", s(&plans)]);
    set_city(&c, "", "");
    let (code, out, err) = zhudian(&["check", s(&c), s(&plans)]);
    assert_eq!(code, 1, "{out}{err}");
    let line = out
        .lines()
        .find(|l| l.contains("cannot get from one township to the other in time"))
        .unwrap_or_else(|| panic!("{out}"));
    let date = &line["陈志强 cannot get from one township to the other in time on ".len()..][..10];
    assert!(
        line.starts_with(&format!(
            "陈志强 cannot get from one township to the other in time on {date}: 六都镇 ("
        )),
        "{line}"
    );
    assert!(line.contains(", 14:30–17:30) and 腰古镇 ("), "{line}");
    assert!(
        line.ends_with(", 17:30–20:30) are 30 minutes apart by road"),
        "{line}"
    );
    assert!(out.contains("Shared people: 1; times one of them is in two townships at once: 0; times one of them has less than the travel time between two townships: "), "{out}");
    let (_, out, _) = zhudian(&["--lang", "zh", "check", s(&c), s(&plans)]);
    let line = out
        .lines()
        .find(|l| l.contains("来不及往返两个镇街："))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        line.starts_with(&format!(
            "陈志强在{}来不及往返两个镇街：六都镇（",
            zhudian::wording::date_text(date, zhudian::wording::Lang::Zh)
        )),
        "{line}"
    );
    assert!(line.contains("，14:30–17:30）和腰古镇（"), "{line}");
    assert!(
        line.ends_with("，17:30–20:30）之间路程需要 30 分钟"),
        "{line}"
    );
    assert!(
        out.contains("多镇街共用人员 1 人，有 0 处同一时间身处两地的安排，有 "),
        "{out}"
    );
}

#[test]
fn a_person_kept_away_by_the_travel_time_is_told_so_in_both_languages() {
    let (d, c) = city("17:30", "20:30", "", "");
    let plans = d.path().join("plans");
    let (_, out, err) = zhudian(&["plan", s(&c), "-o", s(&plans)]);
    assert!(err.contains("陈志强 is shared by 六都镇 and 腰古镇, but 陈志强's duties in 六都镇 (14:30–17:30, and 30 minutes of travel between the townships) overlap 腰古镇's station window (17:30–20:30) on 50 of its 50 station dates, so 陈志强 leads no unit in 腰古镇. Give the two townships station windows that do not overlap, or write `shared` only where the person really serves"), "{out}{err}");
    // He leads nothing in 腰古镇, so no duty of his there is close to 六都镇's.
    assert_eq!(least_gap(&plans), None);
    let plans = d.path().join("plans-zh");
    let (_, out, err) = zhudian(&["--lang", "zh", "plan", s(&c), "-o", s(&plans)]);
    assert!(err.contains("陈志强由六都镇和腰古镇共用，但陈志强在六都镇的驻点任务（14:30–17:30，加上两镇街之间路程 30 分钟）与腰古镇的驻点时间（17:30–20:30）重叠，占了腰古镇50个驻点日中的50个，因此在腰古镇不安排陈志强当驻点领导。"), "{out}{err}");
}

#[test]
fn a_negative_travel_time_is_refused_at_its_line() {
    let road = "[[township_road]]\nfrom = \"六都镇\"\nto = \"腰古镇\"\nminutes = -5\n";
    let (_d, c) = city("18:00", "21:00", "", road);
    let (code, _, err) = zhudian(&["validate", s(&c)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "city.toml:40: [[township_road]], field 'minutes': must not be negative, but is -5\n"
        ),
        "{err}"
    );
}

#[test]
fn a_road_naming_no_township_of_the_city_is_refused_with_the_name_meant() {
    // A misspelling, and a file name where the township's name belongs.
    let road = "[[township_road]]\nfrom = \"六都真\"\nto = \"yaogu\"\nminutes = 45\n";
    let (_dir, city) = city("14:30", "17:30", "", road);
    let (c, out, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 2, "{out}{err}");
    for want in [
        "city.toml:38: [[township_road]], field 'from': '六都真' is none of the rosters' townships: a road between townships names each by its name (did you mean '六都镇'?)",
        "city.toml:39: [[township_road]], field 'to': 'yaogu' is none of the rosters' townships: a road between townships names each by its name (did you mean '腰古镇'?)",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "plan",
        s(&city),
        "-o",
        s(&city.join("plans")),
    ]);
    assert_eq!(c, 2, "{out}{err}");
    assert!(
        err.contains("“六都真”不是名册中的镇街：镇街之间的路程请写镇街名称（是不是“六都镇”？）"),
        "{err}"
    );
}
