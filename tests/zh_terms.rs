//! One word per thing in Chinese (the glossary): the main commands run with
//! `--lang zh` on the shipped instances and the test fixtures, and nothing
//! they print or write calls the plan's cost 代价 / 成本 / 费用 / 扣分 (it is
//! 方案得分, its bound 理论最好得分, a part of it "领导变动计 100 分") or
//! counts units as 个单位 (it is 村（社区）, in tables 村居). The glossary's
//! people and sessions too: a volunteer is 志愿服务者 (not 志愿者), a team
//! member 团队成员 (not 队员), a team 团队 (not 队伍), the weekly session 驻点接待 (not 驻点 alone:
//! "青龙村 1月7日 驻点：", "驻点 12 次", a CSV's category 驻点); the wording
//! layer's own text is scanned for them as well.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

use calamine::{Reader, Xlsx};

/// Words the glossary replaced, each with the word that replaced it.
const RETIRED: &[(&str, &str)] = &[
    ("代价", "方案得分"),
    ("成本", "方案得分"),
    ("费用", "方案得分"),
    ("扣分", "方案得分 / 理论最好得分 / 计 N 分"),
    ("个单位", "个村（社区）"),
    ("联系单位", "联系村（社区）"),
    ("志愿者", "志愿服务者"),
    ("队员", "团队成员"),
    ("队伍", "团队"),
    ("驻点：", "驻点接待："),
    ("驻点次数", "驻点接待次数"),
    ("驻点人手不足", "驻点接待人手不足"),
    ("的驻点无法", "的驻点接待无法"),
    (",驻点,", ",驻点接待,"),
];

/// "驻点" counted as sessions: "驻点 12 次", "共需驻点950次", or a
/// format string's "驻点 {} 次" / "驻点{n}次".
fn counts_bare_sessions(line: &str) -> bool {
    line.match_indices("驻点").any(|(i, w)| {
        let rest = line[i + w.len()..].trim_start_matches(' ');
        let n = if rest.starts_with('{') {
            rest.find('}').map_or(0, |e| e + 1)
        } else {
            rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len()
        };
        n > 0 && rest[n..].trim_start_matches(' ').starts_with('次')
    })
}

/// Every retired word in `text`, with the line it stands on.
fn retired_in(what: &str, text: &str, found: &mut Vec<String>) {
    for line in text.lines() {
        for (old, new) in RETIRED {
            if line.contains(old) {
                found.push(format!("{what}: {old} (say {new}): {line}"));
            }
        }
        if counts_bare_sessions(line) || line.trim() == "驻点" {
            found.push(format!("{what}: 驻点 (say 驻点接待): {line}"));
        }
    }
}

/// `zhudian --lang zh ARGS`: both streams scanned; the exit code.
fn run(args: &[&str], found: &mut Vec<String>) -> i32 {
    let all: Vec<&str> = ["--lang", "zh"].iter().chain(args).copied().collect();
    let (code, out, err) = zhudian(&all);
    let what = args.join(" ");
    retired_in(&format!("{what} (stdout)"), &out, found);
    retired_in(&format!("{what} (stderr)"), &err, found);
    code
}

/// Every file under `dir`: text read as it is, workbooks cell by cell.
fn scan_files(dir: &Path, found: &mut Vec<String>) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let what = p.display().to_string();
        if p.is_dir() {
            n += scan_files(&p, found);
        } else if p.extension().is_some_and(|x| x == "xlsx") {
            let mut book: Xlsx<_> = calamine::open_workbook(&p).unwrap();
            for name in book.sheet_names() {
                retired_in(&format!("{what}!{name}"), &name, found);
                let range = book.worksheet_range(&name).unwrap();
                for cell in range.used_cells() {
                    retired_in(&format!("{what}!{name}"), &cell.2.to_string(), found);
                }
            }
            n += 1;
        } else if let Ok(text) = std::fs::read_to_string(&p) {
            retired_in(&what, &text, found);
            n += 1;
        }
    }
    n
}

fn tomls(dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.display().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn validate_speaks_of_units_one_way_on_every_shipped_and_broken_roster() {
    let mut found = Vec::new();
    let mut rosters = tomls("instances");
    rosters.push("instances/beijiao-example.xlsx".into());
    rosters.push("instances/foshan".into());
    for r in &rosters {
        assert_eq!(run(&["validate", r], &mut found), 0, "{r}");
    }
    // The broken ones say every problem, many of them in counts of units.
    let mut broken = tomls("tests/fixtures/invalid");
    broken.extend(tomls("tests/fixtures/hostile"));
    for r in &broken {
        assert_ne!(run(&["validate", r], &mut found), 0, "{r}");
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn plan_check_replan_compare_and_whatif_name_the_cost_and_units_one_way() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let at = |name: &str| d.join(name).display().to_string();
    let mut found = Vec::new();
    let roster = "instances/beijiao-example.toml";
    let (p0, p1) = (at("p0.toml"), at("p1.toml"));
    assert_eq!(run(&["plan", roster, "-o", &p0], &mut found), 0);
    assert_eq!(run(&["check", roster, &p0], &mut found), 0);
    // 劳广行 leaves on 1 July and 辛国本 arrives: the replan moves his
    // units and says what each move adds to the plan's cost.
    let text = std::fs::read_to_string(roster).unwrap();
    let leaver = text
        .replacen(
            "id = \"lao-gx\"\n",
            "id = \"lao-gx\"\nleaves = \"2015-07-01\"\n",
            1,
        )
        .replacen(
            "[[cadre]]\nid = \"he-jm\"",
            "[[cadre]]\nid = \"xin-gb\"\nname = \"辛国本\"\npost = \"副镇长\"\njoins = \"2015-07-01\"\n\n[[cadre]]\nid = \"he-jm\"",
            1,
        );
    assert_eq!(leaver.matches("2015-07-01").count(), 2);
    let changed = at("leaver.toml");
    std::fs::write(&changed, leaver).unwrap();
    let code = run(
        &[
            "replan",
            &changed,
            "--previous",
            &p0,
            "--from",
            "2015-07-01",
            "-o",
            &p1,
        ],
        &mut found,
    );
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&p1).unwrap().contains("辛国本"));
    assert_eq!(run(&["compare", &p0, &p1], &mut found), 0);
    assert_eq!(run(&["warnings", &p1], &mut found), 0);
    let out = at("out");
    std::fs::create_dir(&out).unwrap();
    let csv = format!("{out}/cal.csv");
    assert_eq!(run(&["calendar", &p1, "--csv", &csv], &mut found), 0);
    let html = format!("{out}/p1.html");
    assert_eq!(run(&["report", &changed, &p1, "-o", &html], &mut found), 0);
    let xlsx = format!("{out}/p1.xlsx");
    assert_eq!(run(&["export", &p1, "--xlsx", &xlsx], &mut found), 0);
    let blank = format!("{out}/blank.xlsx");
    assert_eq!(run(&["template", &blank], &mut found), 0);
    let plans = format!("{out}/whatif");
    let page = format!("{out}/whatif.html");
    let code = run(
        &[
            "whatif",
            roster,
            "instances/whatif/beijiao.toml",
            "--out-dir",
            &plans,
            "--report",
            &page,
        ],
        &mut found,
    );
    assert_eq!(code, 0);
    // Everything written in Chinese: the calendar, pages, workbooks, plans.
    let files = scan_files(Path::new(&out), &mut found);
    assert!(files >= 9, "{files} files written");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Lines of the wording layer that may hold a retired word: `--kind` still
/// takes the shortfall's old name.
const ALLOWED: &[(&str, &str)] = &[("warnings.rs", "also: &[\"驻点人手不足\"")];

#[test]
fn the_wording_layer_holds_no_retired_word_outside_its_comments() {
    fn scan(dir: &Path, found: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                scan(&p, found);
                continue;
            }
            let file = p.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&p).unwrap();
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .filter(|l| !ALLOWED.iter().any(|(f, a)| *f == file && l.contains(a)))
                .map(|l| format!("{l}\n"))
                .collect();
            retired_in(&p.display().to_string(), &code, found);
        }
    }
    let mut found = Vec::new();
    scan(Path::new("src/wording"), &mut found);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn bare_session_counts_are_found_and_the_glossary_words_pass() {
    let mut found = Vec::new();
    for old in [
        "青龙村 1月7日 驻点：缺少镇级人员的接待",
        "驻点 12 次，补接待 1 次",
        "全年共需驻点950次",
        "2026-01-07,周三,14:30,17:30,青龙村,驻点,刘志坚",
        "为团队增加一名协助人员（村“两委”干部、大学生村官或志愿者）",
        "梁玉芬（队员：潘淑仪、冯志刚）",
    ] {
        retired_in("old", old, &mut found);
    }
    assert_eq!(found.len(), 6, "{}", found.join("\n"));
    found.clear();
    for new in [
        "青龙村 1月7日 驻点接待：没有镇街人员到场",
        "驻点接待 12 次，补接待 1 次",
        "全年共需驻点接待950次",
        "2026-01-07,周三,14:30,17:30,青龙村,驻点接待,刘志坚",
        "为团队增加一名协助人员（村“两委”干部、大学生村官或志愿服务者）",
        "梁玉芬（团队成员：潘淑仪、冯志刚）",
        "驻点领导、驻点团队、驻点时间、驻点村居 3 个、隔周驻点 3 个",
    ] {
        retired_in("new", new, &mut found);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
