//! Roster workbooks: TOML → XLSX → TOML gives the same plan, byte for byte
//! but the roster's path and hash, for every shipped roster and generated
//! ones; a workbook plans like the TOML it came from; the shipped workbook
//! is what `convert` makes of its twin.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use zhudian::generate::{GenOptions, KindMix, Profile, generate_roster};
use zhudian::model::Roster;
use zhudian::planner::{self, Options, Previous};
use zhudian::roster;
use zhudian::wording::Lang;
use zhudian::workbook;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every shipped township roster (TOML), sorted.
fn shipped() -> Vec<PathBuf> {
    let root = manifest().join("instances");
    let mut v: Vec<PathBuf> = [root.clone(), root.join("foshan")]
        .iter()
        .flat_map(|d| roster::roster_files(d).unwrap())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    v.sort();
    v
}

/// The plan file without the two lines that name the roster.
fn plan_text(r: &Roster) -> String {
    let p = planner::plan(r, "roster", &Options::default(), &Previous::default())
        .unwrap_or_else(|_| panic!("{} plans", r.township.name));
    p.file
        .to_toml()
        .lines()
        .filter(|l| !l.starts_with("roster_sha256 = "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// TOML → XLSX → TOML; the two rosters plan to the same bytes.
fn round_trip(r: &Roster, name: &str) {
    let bytes = workbook::write::roster_workbook(Some(r), Lang::Zh).expect("writes");
    let (text, _) = workbook::to_toml(&bytes, "x.xlsx")
        .unwrap_or_else(|p| panic!("{name}: the workbook reads back:\n{}", p.render(Lang::En)));
    let back = roster::load_str(&text, "back.toml")
        .unwrap_or_else(|p| panic!("{name}: the converted TOML loads:\n{}", p.render(Lang::En)));
    let direct = workbook::load_bytes(&bytes, "x.xlsx").expect("the workbook loads");
    let want = plan_text(r);
    assert_eq!(plan_text(&back), want, "{name}: TOML → XLSX → TOML");
    assert_eq!(plan_text(&direct), want, "{name}: TOML → XLSX");
    assert_ne!(
        direct.sha256, r.sha256,
        "a workbook's hash is of its own bytes"
    );
}

#[test]
fn every_shipped_roster_plans_the_same_after_a_round_trip_through_a_workbook() {
    let paths = shipped();
    assert!(paths.len() >= 36, "{} rosters", paths.len());
    paths.par_iter().for_each(|p| {
        let r = roster::load(p).unwrap();
        round_trip(&r, &p.display().to_string());
    });
}

#[test]
fn generated_rosters_plan_the_same_after_a_round_trip_through_a_workbook() {
    let cases = [
        (Profile::Rural, 20, 8, 1),
        (Profile::Town, 25, 10, 2),
        (Profile::Urban, 30, 18, 3),
        (Profile::Rural, 40, 16, 4),
    ];
    cases
        .par_iter()
        .for_each(|&(profile, units, cadres, seed)| {
            let o = GenOptions::new(profile, KindMix::for_profile(profile, units), cadres, seed);
            let text = generate_roster(&o);
            let r = roster::load_str(&text, "gen.toml").expect("generated rosters are valid");
            round_trip(&r, &format!("{profile:?} {units}×{cadres} seed {seed}"));
        });
}

#[test]
fn the_shipped_workbook_is_its_twin_converted_and_plans_like_it() {
    let toml = manifest().join("instances/beijiao-example.toml");
    let xlsx = manifest().join("instances/beijiao-example.xlsx");
    let r = roster::load(&toml).unwrap();
    let w = roster::load(&xlsx).unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    assert_eq!(plan_text(&w), plan_text(&r));
    // What `convert` would write today is what is shipped.
    let fresh = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    assert_eq!(
        std::fs::read(&xlsx).unwrap(),
        fresh,
        "regenerate with: zhudian convert instances/beijiao-example.toml instances/beijiao-example.xlsx"
    );
}

#[test]
fn a_workbook_is_written_the_same_every_time() {
    let r = roster::load(Path::new("instances/beijiao-example.toml")).unwrap();
    let a = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    let b = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    assert_eq!(a, b);
}

#[test]
fn docs_describe_every_sheet_column_and_item() {
    let doc = std::fs::read_to_string(manifest().join("docs/workbook.md")).unwrap();
    for k in workbook::schema::KEYS {
        assert!(doc.contains(k.label), "docs/workbook.md lacks {}", k.label);
    }
    for s in workbook::schema::SHEETS {
        assert!(
            doc.contains(&format!("`{}`", s.name)),
            "lacks sheet {}",
            s.name
        );
        for c in s.cols {
            assert!(doc.contains(c.header), "lacks {} {}", s.name, c.header);
        }
    }
}

/// A person's year in a city as the roster says it.
fn year_of(r: &Roster) -> Vec<String> {
    let c = r.cadres.iter().map(|c| {
        format!(
            "cadre {} {:?} {:?} {:?} {} {:?}",
            c.id, c.joins, c.leaves, c.succeeds, c.shared, c.transferred_from
        )
    });
    let h = r.helpers.iter().map(|h| {
        format!(
            "helper {} {:?} {:?} {:?} {} {:?}",
            h.id, h.joins, h.leaves, h.succeeds, h.shared, h.transferred_from
        )
    });
    c.chain(h).collect()
}

#[test]
fn joins_leaves_succeeds_transferred_from_and_shared_go_through_a_workbook_both_ways() {
    let text = std::fs::read_to_string("tests/fixtures/city-transfer/after/sanzhuang.toml")
        .unwrap()
        .replace(
            "joins = \"2015-07-01\"            # transferred from 高涌镇\n",
            "joins = \"2015-07-01\"\ntransferred_from = \"高涌镇/qiu-mj\"\n",
        )
        .replace(
            "id = \"mo-jg\"\n",
            "id = \"mo-jg\"\nshared = true\njoins = \"2015-03-02\"\n",
        )
        .replace(
            "id = \"li-d\"\n",
            "id = \"li-d\"\nleaves = \"2015-09-01\"\n",
        );
    let r = roster::load_str(&text, "sanzhuang.toml")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    let want = year_of(&r);
    // Every field is set somewhere, so the test can fail.
    assert!(want.iter().any(|l| l.contains("Some(\"高涌镇/qiu-mj\")")));
    assert!(
        want.iter()
            .any(|l| l.starts_with("helper mo-jg Some(2015-03-02) None None true"))
    );
    assert!(
        want.iter()
            .any(|l| l.starts_with("helper li-d None Some(2015-09-01)"))
    );
    assert!(
        want.iter()
            .any(|l| l.starts_with("cadre li-gx None Some(2015-07-01)"))
    );
    let bytes = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    // The columns are there, with the planner's headings.
    let mut wb: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    use calamine::Reader;
    for sheet in ["干部", "协助人员"] {
        let range = wb.worksheet_range(sheet).unwrap();
        let heads: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert!(
            heads.ends_with(
                &["接替", "到任日期", "离任日期", "调入自", "跨镇街兼任"].map(String::from)
            ),
            "{sheet}: {heads:?}"
        );
    }
    let direct = workbook::load_bytes(&bytes, "x.xlsx").unwrap();
    assert_eq!(year_of(&direct), want, "XLSX read");
    let (back_text, _) = workbook::to_toml(&bytes, "x.xlsx").unwrap();
    let back = roster::load_str(&back_text, "back.toml").unwrap();
    assert_eq!(year_of(&back), want, "TOML → XLSX → TOML");
    assert!(
        back_text.contains("transferred_from = \"高涌镇/qiu-mj\""),
        "{back_text}"
    );
    assert!(back_text.contains("shared = true"), "{back_text}");
    round_trip(&r, "sanzhuang with a year in the city");
}

/// A sheet's cell (row, column from 0) as text.
fn cell_text(bytes: &[u8], sheet: &str, row: u32, col: u32) -> String {
    use calamine::{Reader, Xlsx};
    let mut book = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .get_value((row, col))
        .map(|v| v.to_string())
        .unwrap_or_default()
}

#[test]
fn the_notes_show_the_rosters_year_and_the_template_this_year() {
    use chrono::Datelike;
    let r = roster::load(&manifest().join("tests/fixtures/keep/shiling.toml")).unwrap();
    assert_eq!(r.township.year, 2026);
    let now = chrono::Local::now().year();
    for (roster, year) in [(Some(&r), 2026), (None, now)] {
        for lang in [Lang::Zh, Lang::En] {
            let bytes = workbook::write::roster_workbook(roster, lang).unwrap();
            // 基本信息: 规划年度 is the fourth item, its note in column C.
            assert_eq!(cell_text(&bytes, "基本信息", 3, 0), "规划年度 *");
            let (note, intro) = match lang {
                Lang::Zh => (
                    format!("规划的年度，如 {year}"),
                    format!(
                        "多项内容写在一个单元格内，用“、”或“,”分隔。日期可以是日期格式，也可以是 {year}-03-02 这样的文字；时刻如 15:00。标有 * 的列必填。"
                    ),
                ),
                Lang::En => (
                    format!("the calendar year to plan, e.g. {year}"),
                    format!(
                        "Lists go in one cell, separated by 、 or ,. Dates may be real dates or text like {year}-03-02; times like 15:00. Headings marked * are required."
                    ),
                ),
            };
            assert_eq!(cell_text(&bytes, "基本信息", 3, 2), note);
            assert_eq!(cell_text(&bytes, "说明", 2, 0), intro);
        }
    }
}
