//! A county's office (示例县, whose townships fall in 北片 and 南片) reads
//! its own name or a neutral word, never 全市/本市, and 片区 where a city
//! says 区: city-summary.csv, whatif's CSV and table on the county, the
//! summary workbook and the township pages of its report.

use std::path::Path;

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

const COUNTY: &str = "tests/fixtures/county";
const SCENARIOS: &str = "[[variant]]\nname = \"北片村隔周\"\ndistricts = [\"北片\"]\nunits = [{ where = { kind = \"village\" }, cadence = \"biweekly\" }]\n";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The county planned in `lang` into `dir`/plans.
fn planned(dir: &Path, lang: &str) -> std::path::PathBuf {
    let plans = dir.join("plans");
    let (c, out, err) = zhudian(&["--lang", lang, "plan", COUNTY, "-o", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(!out.contains('市'), "{out}");
    plans
}

#[test]
fn the_county_summary_names_its_groups_片区() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, head) in [
        ("zh", "\u{feff}片区,镇街,"),
        ("en", "\u{feff}district,township,"),
    ] {
        let plans = planned(dir.path(), lang);
        let csv = std::fs::read_to_string(plans.join("city-summary.csv")).unwrap();
        assert!(csv.starts_with(head), "{csv}");
        assert!(!csv.contains('市'), "{csv}");
    }
}

#[test]
fn whatif_on_the_county_says_示例县_and_片区() {
    let dir = tempfile::tempdir().unwrap();
    let scenarios = dir.path().join("scenarios.toml");
    std::fs::write(&scenarios, SCENARIOS).unwrap();
    let run = |lang: &str, format: &str| {
        let (c, out, err) = zhudian(&[
            "--lang",
            lang,
            "whatif",
            COUNTY,
            s(&scenarios),
            "--format",
            format,
            "--time-limit",
            "1",
        ]);
        assert_eq!(c, 0, "{err}");
        out
    };
    let csv = run("zh", "csv");
    assert!(
        csv.starts_with("\u{feff}范围,片区,镇街,指标,现名册方案,北片村隔周\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\n片区,北片,小计,镇街数,2,2\r\n"), "{csv}");
    assert!(csv.contains("\r\n示例县,,合计,镇街数,3,3\r\n"), "{csv}");
    assert!(!csv.contains('市'), "{csv}");
    let en = run("en", "csv");
    assert!(
        en.starts_with("\u{feff}scope,district,township,figure,base,北片村隔周\r\n"),
        "{en}"
    );
    assert!(en.contains("\r\n示例县,,total,townships,3,3\r\n"), "{en}");
    let table = run("zh", "table");
    assert!(table.contains("\n各片区小计：\n"), "{table}");
    assert!(!table.contains('市'), "{table}");
}

#[test]
fn the_county_workbook_and_report_pages_say_no_全市() {
    let dir = tempfile::tempdir().unwrap();
    let plans = planned(dir.path(), "zh");
    let docs = dir.path().join("docs");
    let (c, out, err) = zhudian(&["--lang", "zh", "export", s(&plans), "--xlsx", s(&docs)]);
    assert_eq!(c, 0, "{out}{err}");
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(docs.join("示例县汇总.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["示例县汇总"]);
    let range = book.worksheet_range("示例县汇总").unwrap();
    let head: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(head[..2], ["片区", "镇街"]);
    let page = dir.path().join("report.html");
    let (c, out, err) = zhudian(&["--lang", "zh", "report", COUNTY, s(&plans), "-o", s(&page)]);
    assert_eq!(c, 0, "{out}{err}");
    for f in ["report.html", "hekou.html", "shiling.html", "xinxu.html"] {
        let html = std::fs::read_to_string(dir.path().join(f)).unwrap();
        assert!(!html.contains("全市") && !html.contains("本市"), "{f}");
    }
    let hekou = std::fs::read_to_string(dir.path().join("hekou.html")).unwrap();
    assert!(hekou.contains("即“各镇街驻点方案一览”中本镇街的“缺少镇级人员的接待”次数"));
}
