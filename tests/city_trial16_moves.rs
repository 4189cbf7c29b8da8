//! A transfer between two townships of a city through the year's replans,
//! as the second Chinese city trial (issue 16) found it: a later replan does
//! not repeat a transfer already in force, `validate` says 调往/调入 (not
//! 离任/到任), `compare` says the move once and counts the units it changed
//! with the handovers, a township replanned only for a shared person's new
//! duties elsewhere says why, and the wording's small fixes (no quotes
//! around names, the shared person's sentence ends in 。).
//!
//! The city (tests/fixtures/city-trial16, the trial's roster at the year's
//! start): 罗芬宝 moves from 东山镇 to 南湖街道 on 2026-07-01
//! (`transferred_from`); 周建国 is shared by 东山镇 and 西岭镇; in 北坪镇
//! 何志强 succeeds 冯辉炳 on 2026-09-01.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

const CITY: &str = "tests/fixtures/city-trial16";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Copies the city into `to`, then edits a roster: after `anchor`, `add`.
fn city(to: &Path, edits: &[(&str, &str, &str)]) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(CITY).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
    for (file, anchor, add) in edits {
        let path = to.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(anchor), "{file}: {anchor}");
        std::fs::write(&path, text.replacen(anchor, &format!("{anchor}{add}"), 1)).unwrap();
    }
}

const LEAVES: (&str, &str, &str) = (
    "dongshan.toml",
    "home_unit = \"dongxi\"          # 东溪村\n",
    "leaves = \"2026-07-01\"\n",
);
const JOINS: (&str, &str, &str) = (
    "nanhu.toml",
    "skills = [\"legal\"]\n",
    "\n[[cadre]]\nid = \"nh-luofb\"\nname = \"罗芬宝\"\npost = \"党工委副书记\"\njoins = \"2026-07-01\"\ntransferred_from = \"dongshan/luo-fb\"\n",
);
const SUCCEEDS: (&str, &str, &str) = (
    "beiping.toml",
    "why = \"党校培训\" }]\n",
    "leaves = \"2026-09-01\"\n\n[[cadre]]\nid = \"he-zq\"\nname = \"何志强\"\npost = \"副镇长\"\nsucceeds = \"feng-hb\"\njoins = \"2026-09-01\"\n",
);

/// The city at the year's start, in July and in September (folders), and
/// its plans: planned at the start (`p0`), replanned from 1 July (`p1`)
/// and from 1 September on `p1` (`p2`), with what the two replans said in
/// Chinese.
struct Year {
    _dir: tempfile::TempDir,
    start: PathBuf,
    july: PathBuf,
    sept: PathBuf,
    p0: PathBuf,
    p1: PathBuf,
    p2: PathBuf,
    said_july: String,
    said_sept: String,
}

fn year() -> Year {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (start, july, sept) = (d.join("city"), d.join("july"), d.join("sept"));
    city(&start, &[]);
    city(&july, &[LEAVES, JOINS]);
    city(&sept, &[LEAVES, JOINS, SUCCEEDS]);
    let (p0, p1, p2) = (d.join("p0"), d.join("p1"), d.join("p2"));
    let (c, _, err) = zhudian(&["plan", s(&start), "-o", s(&p0)]);
    assert_eq!(c, 0, "{err}");
    let said_july = replan(&july, &p0, "2026-07-01", &p1);
    let said_sept = replan(&sept, &p1, "2026-09-01", &p2);
    Year {
        _dir: dir,
        start,
        july,
        sept,
        p0,
        p1,
        p2,
        said_july,
        said_sept,
    }
}

fn run(lang: &str, args: &[&str]) -> String {
    let all: Vec<&str> = ["--lang", lang].iter().chain(args).copied().collect();
    let (c, out, err) = zhudian(&all);
    assert_eq!(c, 0, "{out}{err}");
    out
}

/// `zhudian --lang zh replan ROSTER --previous PREVIOUS --from FROM -o
/// OUT`, which must succeed: what it says.
fn replan(roster: &Path, previous: &Path, from: &str, out: &Path) -> String {
    run(
        "zh",
        &[
            "replan",
            s(roster),
            "--previous",
            s(previous),
            "--from",
            from,
            "-o",
            s(out),
        ],
    )
}

#[test]
fn the_city_replans_through_the_year() {
    let y = year();
    let _ = &y.start;
    // July: the transfer is said once, with why 西岭镇 is rebuilt.
    let transfer = "调动：罗芬宝自2026年7月1日起由东山镇调往南湖街道。";
    assert_eq!(y.said_july.matches(transfer).count(), 1, "{}", y.said_july);
    assert!(
        y.said_july.contains(
            "西岭镇：已重新编排：0 处更换领导或团队成员，方案得分 166.17，缺少镇级人员的接待 0 次\n    与东山镇共用的周建国在东山镇的安排有变，西岭镇随之重新编排：结果西岭镇的安排没有任何变化。\n"
        ),
        "{}",
        y.said_july
    );
    // The unit the arriving leader takes: why (he must lead one), not
    // "to balance loads and tours".
    assert!(
        y.said_july.contains(
            "    荔岗村：驻点领导 庞东胜 → 罗芬宝，因罗芬宝新到任，每名驻点领导至少联系 1 个村（社区）；领导变动计 100 分\n"
        ),
        "{}",
        y.said_july
    );
    // September: the July transfer is in the plans in force: not repeated.
    assert!(!y.said_sept.contains("调动："), "{}", y.said_sept);
    assert!(
        y.said_sept.contains("东山镇：名册未变：现行方案原样保留\n"),
        "{}",
        y.said_sept
    );
    // The succession dated on --from, without quotes around the names.
    assert!(
        y.said_sept.contains("    何志强接替冯辉炳的原有位置\n"),
        "{}",
        y.said_sept
    );
    // The successor steps into his predecessor's sessions: the units he
    // takes over keep their dates, the rest of the team's visits too.
    assert!(
        y.said_sept.contains(
            "    2026年9月1日起照原方案保留：8 个村（社区）中 8 个村（社区）的活动（团队未变；其中 3 个由接任者接替原有位置，时间不变）\n"
        ),
        "{}",
        y.said_sept
    );
    let sessions = |p: &Path| -> Vec<(String, String, String, String, Vec<String>)> {
        let plan: toml::Value =
            toml::from_str(&std::fs::read_to_string(p.join("beiping.toml")).unwrap()).unwrap();
        plan["session"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["date"].as_str().unwrap() >= "2026-09-01")
            .filter(|x| ["baiji", "changzhou", "zhuhe"].contains(&x["unit"].as_str().unwrap()))
            .map(|x| {
                let f = |k: &str| x[k].as_str().unwrap().to_string();
                let people = x["people"].as_array().unwrap();
                let people = people.iter().map(|p| p.as_str().unwrap().to_string());
                (
                    f("date"),
                    f("start"),
                    f("unit"),
                    f("kind"),
                    people.collect(),
                )
            })
            .collect()
    };
    let (before, after) = (sessions(&y.p1), sessions(&y.p2));
    let visits = |v: &[(String, String, String, String, Vec<String>)]| -> Vec<_> {
        v.iter()
            .filter(|x| x.3 == "household_visit")
            .cloned()
            .collect()
    };
    let renamed: Vec<_> = visits(&before)
        .into_iter()
        .map(|mut x| {
            for p in &mut x.4 {
                if p == "feng-hb" {
                    *p = "he-zq".into();
                }
            }
            x
        })
        .collect();
    assert!(!renamed.is_empty());
    assert_eq!(visits(&after), renamed);
    assert!(after.iter().all(|x| !x.4.contains(&"feng-hb".to_string())));
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "check",
        s(&y.sept),
        "--previous",
        s(&y.p1),
        "--from",
        "2026-09-01",
        s(&y.p2),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    // A replan from October on September's plans repeats neither.
    let p3 = y.p2.parent().unwrap().join("p3");
    let oct = replan(&y.sept, &y.p2, "2026-10-01", &p3);
    assert!(!oct.contains("调动："), "{oct}");
    assert!(!oct.contains("接任冯辉炳"), "{oct}");
    // The township's own replan: the succession before --from is not repeated.
    let b3 = y.p2.parent().unwrap().join("beiping-oct.toml");
    let own = replan(
        &y.sept.join("beiping.toml"),
        &y.p2.join("beiping.toml"),
        "2026-10-01",
        &b3,
    );
    assert!(
        own.contains("相比：\n  没有变动：各村（社区）的领导和团队保持不变\n"),
        "{own}"
    );
    assert!(!own.contains("接任"), "{own}");
}

#[test]
fn a_township_rebuilt_for_a_shared_person_says_why_in_both_languages() {
    use zhudian::wording::Lang;
    use zhudian::wording::across::rebuilt_for_shared;
    let said = |same, lang| rebuilt_for_shared("周建国", "东山镇", "西岭镇", same, lang);
    assert_eq!(
        said(false, Lang::Zh),
        "与东山镇共用的周建国在东山镇的安排有变，西岭镇随之重新编排。"
    );
    assert_eq!(
        said(true, Lang::Zh),
        "与东山镇共用的周建国在东山镇的安排有变，西岭镇随之重新编排：结果西岭镇的安排没有任何变化。"
    );
    assert_eq!(
        said(false, Lang::En),
        "周建国, shared with 东山镇, has new duties in 东山镇, so 西岭镇 was replanned too."
    );
    assert_eq!(
        said(true, Lang::En),
        "周建国, shared with 东山镇, has new duties in 东山镇, so 西岭镇 was replanned too: nothing in 西岭镇 changed."
    );
}

#[test]
fn validate_says_a_transfer_as_one_in_both_languages() {
    let y = year();
    let zh = run("zh", &["validate", s(&y.july)]);
    assert!(
        zh.contains("  人员变动  罗芬宝于2026年7月1日调往南湖街道\n"),
        "{zh}"
    );
    assert!(
        zh.contains("  人员变动  罗芬宝于2026年7月1日从东山镇调入\n"),
        "{zh}"
    );
    assert!(!zh.contains("离任（无接任者）"), "{zh}");
    assert!(!zh.contains("到任"), "{zh}");
    let en = run("en", &["validate", s(&y.july)]);
    assert!(
        en.contains("  changes    罗芬宝 transfers to 南湖街道 on 2026-07-01\n"),
        "{en}"
    );
    assert!(
        en.contains("  changes    罗芬宝 transfers in from 东山镇 on 2026-07-01\n"),
        "{en}"
    );
    // With the plans in force: where he moves, and the places he leaves.
    let zh = run("zh", &["validate", s(&y.july), "--previous", s(&y.p0)]);
    let line = zh
        .lines()
        .find(|l| l.starts_with("  罗芬宝于2026年7月1日调往南湖街道。上一版方案中罗芬宝联系"))
        .unwrap_or_else(|| panic!("{zh}"));
    assert!(
        line.ends_with("；用 zhudian replan 名册 --previous 现行方案 --from 2026-07-01 重新编排后，这些位置自2026年7月1日起交由其他人员，2026年7月1日之前的安排不变。"),
        "{line}"
    );
    assert!(!zh.contains("罗芬宝于2026年7月1日离任"), "{zh}");
    let en = run("en", &["validate", s(&y.july), "--previous", s(&y.p0)]);
    assert!(
        en.contains(
            "  罗芬宝 transfers to 南湖街道 on 2026-07-01. In the plan in force 罗芬宝 leads "
        ),
        "{en}"
    );
    // Against July's plans, which made the move: said once, not as a leaver.
    let zh = run("zh", &["validate", s(&y.sept), "--previous", s(&y.p1)]);
    assert!(
        zh.contains("  人员变动  罗芬宝于2026年7月1日调往南湖街道"),
        "{zh}"
    );
    assert!(!zh.contains("罗芬宝于2026年7月1日离任"), "{zh}");
    // One township on its own: `transferred_from` names the township.
    let alone = run("zh", &["validate", s(&y.july.join("nanhu.toml"))]);
    assert!(
        alone.contains("  人员变动  罗芬宝于2026年7月1日从东山镇调入\n"),
        "{alone}"
    );
}

#[test]
fn compare_says_the_move_once_and_counts_it_with_the_handovers() {
    let y = year();
    let zh = run("zh", &["compare", s(&y.p0), s(&y.p1)]);
    assert!(
        zh.contains("东山镇：方案得分 246.84 → 438.39；缺少镇级人员的接待 0 → 0；与基准相比因其他原因更换领导的村（社区） 0；因接任或调动而换人的村（社区） 1\n    罗芬宝 7月1日调往南湖街道\n"),
        "{zh}"
    );
    assert!(
        zh.contains("；与基准相比因其他原因更换领导的村（社区） 0；因接任或调动而换人的村（社区） 1\n    罗芬宝 7月1日从东山镇调入\n"),
        "{zh}"
    );
    let en = run("en", &["compare", s(&y.p0), s(&y.p1)]);
    assert!(
        en.contains("; units with another leader than the base for other reasons 0; units handed over to a successor or changed by a transfer 1\n    罗芬宝 moved to 南湖街道 on Jul 1\n"),
        "{en}"
    );
    assert!(
        en.contains("    罗芬宝 moved here from 东山镇 on Jul 1\n"),
        "{en}"
    );
    // July to September: the move is in both plans already.
    let later = run("zh", &["compare", s(&y.p1), s(&y.p2)]);
    assert!(!later.contains("调往"), "{later}");
    assert!(!later.contains("调入"), "{later}");
    // One township: the move, and its unit not listed as a move.
    let one = |lang| {
        run(
            lang,
            &[
                "compare",
                s(&y.p0.join("dongshan.toml")),
                s(&y.p1.join("dongshan.toml")),
            ],
        )
    };
    let zh = one("zh");
    assert!(
        zh.contains("人员变动（驻点领导及团队成员，仅列出方案不同之处；因接任或调动而换人的村（社区）不算变动）：\n  除因接任或调动而换人的村（社区）外，各方案中所有村（社区）的领导和团队都相同\n罗芬宝 7月1日调往南湖街道\n"),
        "{zh}"
    );
    let en = one("en");
    assert!(
        en.contains("Who moved where (leader + team, where the plans differ; units handed over to a successor or changed by a transfer are not moves):\n  apart from the units handed over to a successor or changed by a transfer, every unit has the same leader and team in all plans\n罗芬宝 moved to 南湖街道 on Jul 1\n"),
        "{en}"
    );
}
