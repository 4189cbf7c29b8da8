//! `zhudian report`: one plan, plans compared, a whole city, and
//! `whatif --report`; Chinese unless asked otherwise; bad input exits 2 and
//! leaves the previous page untouched.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

fn plan(roster: &str, out: &Path) {
    let (c, _, err) = zhudian(&["plan", roster, "-o", out.to_str().unwrap()]);
    assert_eq!(c, 0, "{err}");
}

#[test]
fn one_plan_gives_one_page_in_chinese_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("plan.toml");
    plan("instances/beijiao-example.toml", &p);
    let html = dir.path().join("report.html");
    let (c, out, err) = zhudian(&[
        "report",
        "instances/beijiao-example.toml",
        p.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    assert!(out.starts_with("已写入 "), "{out}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"zh-CN\">"));
    assert!(page.contains("北滘镇 2015 年驻点方案"));
    assert!(page.contains("差距 0%：没有更好的方案。"));
    let (c, _, err) = zhudian(&[
        "report",
        "--lang",
        "en",
        "instances/beijiao-example.toml",
        p.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("Gap 0%: no better plan exists."));
}

#[test]
fn two_plans_give_a_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    plan("instances/beijiao-example.toml", &a);
    let html = dir.path().join("compare.html");
    let (c, _, err) = zhudian(&[
        "report",
        "instances/beijiao-example.toml",
        a.to_str().unwrap(),
        a.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("北滘镇 2015 年方案比较"));
    assert!(page.contains("各方案中每个村（社区）的驻点领导都不变。"));
}

#[test]
fn a_city_gets_a_table_linking_each_township_page() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    plan("instances/foshan", &plans);
    let html = dir.path().join("site").join("city.html");
    std::fs::create_dir_all(html.parent().unwrap()).unwrap();
    let (c, out, err) = zhudian(&[
        "report",
        "instances/foshan",
        plans.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    assert!(out.contains("32 个镇街的页面"), "{out}");
    let page = std::fs::read_to_string(&html).unwrap();
    let links: Vec<&str> = page
        .split("<a href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(links.len(), 32);
    for l in links {
        let township = std::fs::read_to_string(html.parent().unwrap().join(l))
            .unwrap_or_else(|_| panic!("{l} is written beside the city page"));
        assert!(township.contains("驻点方案"));
    }
}

#[test]
fn whatif_writes_its_comparison_page() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("whatif.html");
    let (c, _, err) = zhudian(&[
        "whatif",
        "instances/beijiao-example.toml",
        "instances/whatif/beijiao.toml",
        "--report",
        html.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    for name in ["每人2–4个村居", "偏远村隔周驻点", "少一名干部"] {
        assert!(page.contains(name), "{name}");
    }
}

#[test]
fn a_plan_that_cannot_be_read_exits_2_and_keeps_the_old_page() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    std::fs::write(&html, "old").unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "not a plan").unwrap();
    let (c, _, err) = zhudian(&[
        "report",
        "instances/beijiao-example.toml",
        bad.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(c, 2);
    assert!(err.contains("bad.toml：无法读取方案："), "{err}");
    assert_eq!(std::fs::read_to_string(&html).unwrap(), "old");
}
