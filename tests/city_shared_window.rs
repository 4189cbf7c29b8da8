//! A shared cadre whom an earlier township keeps busy on every station date
//! of a later one leads no unit there, and `plan` on the city says so, by
//! name, in both languages; `check` on the city accepts the plans.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

const CITY: &str = "tests/fixtures/city-shared-window";

fn plan_city(lang: &str) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "--lang",
        lang,
        "plan",
        CITY,
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    (dir, out, err)
}

#[test]
fn a_shared_cadre_busy_on_every_station_date_leads_nothing_there() {
    let (dir, _, _) = plan_city("en");
    let plans = dir.path().join("plans");
    let yaogu = std::fs::read_to_string(plans.join("yaogu.toml")).unwrap();
    assert!(!yaogu.contains("leader = \"chen-zq\""), "{yaogu}");
    let liudu = std::fs::read_to_string(plans.join("liudu.toml")).unwrap();
    assert!(liudu.contains("leader = \"chen-zq\""));
    let (c, out, err) = zhudian(&["check", CITY, plans.to_str().unwrap()]);
    assert_eq!(c, 0, "{out}{err}");
}

#[test]
fn plan_names_the_cadre_and_both_townships_in_english() {
    let (_dir, _, err) = plan_city("en");
    assert!(
        err.contains(
            "陈志强 is shared by 六都镇 and 腰古镇, but 陈志强's sessions in 六都镇 take 50 of the 50 station dates of 腰古镇, so 陈志强 leads no unit in 腰古镇. Give the townships different station windows, or write `shared` only where the person really serves\n"
        ),
        "{err}"
    );
}

#[test]
fn plan_names_the_cadre_and_both_townships_in_chinese() {
    let (_dir, _, err) = plan_city("zh");
    assert!(
        err.contains(
            "陈志强由六都镇和腰古镇共用，但陈志强在六都镇的驻点占了腰古镇50个驻点日中的50个，因此在腰古镇不安排陈志强当驻点领导。可为这几个镇街定不同的驻点时间，或只在陈志强真正驻点的镇街写 shared = true\n"
        ),
        "{err}"
    );
}
