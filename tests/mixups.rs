//! Trial 28 (a township planner working in Chinese): inputs and outputs
//! mixed up. A plan never overwrites a roster or another file that is not a
//! plan (one township or a city's folder); a roster given where a plan goes,
//! or a plan where a roster goes, is refused in one sentence naming the
//! file, by every command that reads them; a write the system refuses says
//! why in words, never "os error 17"; a run that writes nothing leaves no
//! empty folder. Each message is checked word for word in zh and en, with
//! exit code 2.

#[path = "common/cli.rs"]
#[allow(dead_code)]
mod cli;

use std::path::{Path, PathBuf};

/// The trial's county (also tests/city_missing_roster.rs's).
const CITY: &str = "tests/fixtures/county";

/// The trial's city copied into a fresh folder, planned into `我的方案`,
/// with the working directory's paths as the planner typed them.
struct Trial {
    dir: tempfile::TempDir,
}

impl Trial {
    fn new() -> Trial {
        let dir = tempfile::tempdir().unwrap();
        let city = dir.path().join("我的县");
        cli::copy_folder(CITY, &city);
        let t = Trial { dir };
        let (c, o, e) = t.run(&["plan", "我的县", "-o", "我的方案", "--time-limit", "1"]);
        assert_eq!(c, 0, "{o}{e}");
        t
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `zhudian ARGS` run in the trial's folder.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhudian"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("ZHUDIAN_LANG")
            .output()
            .expect("the zhudian binary runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Runs in zh and en: both exit 2, print nothing on stdout and say
    /// exactly `zh` and `en` on stderr.
    fn refused(&self, args: &[&str], zh: &str, en: &str) {
        for (lang, want) in [("zh", zh), ("en", en)] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            let (c, o, e) = self.run(&all);
            assert_eq!(c, 2, "{args:?} {lang}: {o}{e}");
            assert_eq!(o, "", "{args:?} {lang}");
            assert_eq!(e, format!("{want}\n"), "{args:?} {lang}");
        }
    }
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn a_plan_never_overwrites_a_roster() {
    let t = Trial::new();
    let roster = t.path("我的县/shiling.toml");
    let before = bytes(&roster);
    t.refused(
        &["plan", "我的县/hekou.toml", "-o", "我的县/shiling.toml"],
        "我的县/shiling.toml 是名册（石岭镇），不是方案文件，不会覆盖；请换一个输出文件名",
        "我的县/shiling.toml is a roster (石岭镇), not a plan file: it will not be overwritten; give another output file name",
    );
    t.refused(
        &[
            "replan",
            "我的县/hekou.toml",
            "--previous",
            "我的方案/hekou.toml",
            "-o",
            "我的县/shiling.toml",
        ],
        "我的县/shiling.toml 是名册（石岭镇），不是方案文件，不会覆盖；请换一个输出文件名",
        "我的县/shiling.toml is a roster (石岭镇), not a plan file: it will not be overwritten; give another output file name",
    );
    assert_eq!(bytes(&roster), before);
    // Any other file that is not a plan is kept too: the city's settings.
    t.refused(
        &["plan", "我的县/hekou.toml", "-o", "我的县/city.toml"],
        "我的县/city.toml 不是方案文件，不会覆盖；请换一个输出文件名",
        "我的县/city.toml is not a plan file: it will not be overwritten; give another output file name",
    );
}

#[test]
fn a_plan_is_rewritten_as_planners_rerun() {
    let t = Trial::new();
    let (c, o, e) = t.run(&[
        "plan",
        "我的县/hekou.toml",
        "-o",
        "我的方案/hekou.toml",
        "--time-limit",
        "1",
    ]);
    assert_eq!(c, 0, "{o}{e}");
    // An empty file holds nothing to lose.
    std::fs::write(t.path("空.toml"), "").unwrap();
    let (c, o, e) = t.run(&["plan", "我的县/hekou.toml", "-o", "空.toml"]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(bytes(&t.path("空.toml")).starts_with(b"[plan]"));
}

#[test]
fn a_city_is_never_planned_into_its_rosters_folder() {
    let t = Trial::new();
    let before: Vec<Vec<u8>> = ["hekou", "shiling", "xinxu"]
        .iter()
        .map(|f| bytes(&t.path(&format!("我的县/{f}.toml"))))
        .collect();
    // Into the rosters' own folder: the output is the input, said so.
    t.refused(
        &["plan", "我的县", "-o", "我的县"],
        "不会写入 我的县：它就是本次读取的 我的县，请另选输出位置",
        "will not write 我的县: it is 我的县, which this run reads; give another output",
    );
    // Another folder holding the rosters under the plans' names: the same.
    let copy = t.path("副本");
    std::fs::create_dir(&copy).unwrap();
    std::fs::copy(t.path("我的县/xinxu.toml"), copy.join("xinxu.toml")).unwrap();
    t.refused(
        &["plan", "我的县", "-o", "副本"],
        "副本/xinxu.toml 是名册（新圩镇），不是方案文件，不会覆盖；请换一个输出文件名",
        "副本/xinxu.toml is a roster (新圩镇), not a plan file: it will not be overwritten; give another output file name",
    );
    t.refused(
        &["replan", "我的县", "--previous", "我的方案", "-o", "副本"],
        "副本/xinxu.toml 是名册（新圩镇），不是方案文件，不会覆盖；请换一个输出文件名",
        "副本/xinxu.toml is a roster (新圩镇), not a plan file: it will not be overwritten; give another output file name",
    );
    t.refused(
        &["replan", "我的县", "--previous", "我的方案", "-o", "我的县"],
        "不会写入 我的县/hekou.toml：它就是本次读取的 我的县/hekou.toml，请另选输出位置",
        "will not write 我的县/hekou.toml: it is 我的县/hekou.toml, which this run reads; give another output",
    );
    let after: Vec<Vec<u8>> = ["hekou", "shiling", "xinxu"]
        .iter()
        .map(|f| bytes(&t.path(&format!("我的县/{f}.toml"))))
        .collect();
    assert_eq!(after, before);
    assert!(!t.path("我的县/city-summary.csv").exists());
    // A file where the folder of plans goes (os error 17 before).
    t.refused(
        &["plan", "我的县", "-o", "我的方案/city-summary.csv"],
        "我的方案/city-summary.csv 是文件，这里需要文件夹；请换一个还没有被占用的文件夹名",
        "我的方案/city-summary.csv is a file, and a folder is needed here; give a folder name not yet taken",
    );
}

#[test]
fn a_roster_where_a_plan_goes_is_said_in_one_sentence() {
    let t = Trial::new();
    let zh = "我的县/hekou.toml 是名册，不是方案文件；是不是把名册和方案的位置写反了？";
    let en = "我的县/hekou.toml is a roster, not a plan file; are the roster and the plan the wrong way round?";
    let cases: [&[&str]; 8] = [
        &["warnings", "我的县/hekou.toml"],
        &["check", "我的方案/hekou.toml", "我的县/hekou.toml"],
        &["calendar", "我的县/hekou.toml", "--csv", "-"],
        &["export", "我的县/hekou.toml", "--xlsx", "out.xlsx"],
        &[
            "report",
            "我的县/hekou.toml",
            "我的县/hekou.toml",
            "-o",
            "r.html",
        ],
        &["compare", "我的方案/hekou.toml", "我的县/hekou.toml"],
        &["people", "我的县", "我的县/hekou.toml", "--csv", "-"],
        &[
            "replan",
            "我的县/hekou.toml",
            "--previous",
            "我的县/hekou.toml",
            "-o",
            "new.toml",
        ],
    ];
    for args in cases {
        t.refused(args, zh, en);
    }
    assert!(!t.path("out.xlsx").exists() && !t.path("new.toml").exists());
}

#[test]
fn a_plan_where_a_roster_goes_is_said_in_one_sentence() {
    let t = Trial::new();
    let zh = "我的方案/hekou.toml 是方案文件，不是名册；是不是把名册和方案的位置写反了？";
    let en = "我的方案/hekou.toml is a plan file, not a roster; are the roster and the plan the wrong way round?";
    let cases: [&[&str]; 4] = [
        &["validate", "我的方案/hekou.toml"],
        &["plan", "我的方案/hekou.toml", "-o", "new.toml"],
        &[
            "warnings",
            "我的方案/xinxu.toml",
            "--roster",
            "我的方案/hekou.toml",
        ],
        &["whatif", "我的方案/hekou.toml", "scenarios.toml"],
    ];
    for args in cases {
        t.refused(args, zh, en);
    }
    assert!(!t.path("new.toml").exists());
}

#[test]
fn folders_swapped_are_said_once_not_per_file() {
    let t = Trial::new();
    // The trial's `check 我的方案 我的县`: ten lines a file before.
    t.refused(
        &["check", "我的方案", "我的县"],
        "我的县 是名册文件夹，不是方案文件夹；是不是把名册和方案的位置写反了？",
        "我的县 is a folder of rosters, not of plans; are the rosters and the plans the wrong way round?",
    );
    t.refused(
        &["warnings", "我的县"],
        "我的县 是名册文件夹，不是方案文件夹；是不是把名册和方案的位置写反了？",
        "我的县 is a folder of rosters, not of plans; are the rosters and the plans the wrong way round?",
    );
    // The trial's `plan 我的方案 -o 试算/x`: no folder is left behind.
    t.refused(
        &["plan", "我的方案", "-o", "试算/x"],
        "我的方案 是方案文件夹，不是名册文件夹；是不是把名册和方案的位置写反了？",
        "我的方案 is a folder of plans, not of rosters; are the rosters and the plans the wrong way round?",
    );
    assert!(!t.path("试算").exists());
}

#[test]
fn a_city_run_that_writes_nothing_leaves_no_folder() {
    let t = Trial::new();
    let bad = t.path("坏县");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("a.toml"), "[township]\nname = \"坏镇\"\n").unwrap();
    for lang in ["zh", "en"] {
        let (c, o, e) = t.run(&["--lang", lang, "plan", "坏县", "-o", "试算/新/x"]);
        assert_eq!(c, 2, "{o}{e}");
        assert!(!t.path("试算").exists(), "{lang}");
    }
    // A folder that was there before stays, empty as it was.
    std::fs::create_dir(t.path("旧")).unwrap();
    let (c, o, e) = t.run(&["plan", "坏县", "-o", "旧"]);
    assert_eq!(c, 2, "{o}{e}");
    assert!(t.path("旧").is_dir());
}

#[test]
fn a_write_the_system_refuses_says_why_in_words() {
    let t = Trial::new();
    std::fs::write(t.path("x"), "").unwrap();
    for (lang, want) in [
        (
            "zh",
            "无法写入 x：已有同名文件占用了这个位置（这里需要文件夹）\n",
        ),
        (
            "en",
            "cannot write x: a file of that name is in the way (a folder is needed there)\n",
        ),
    ] {
        let (c, o, e) = t.run(&["--lang", lang, "export", "我的方案", "--xlsx", "x"]);
        assert_eq!(c, 2, "{o}{e}");
        assert_eq!(e, want);
        assert!(!e.contains("os error"));
    }
    std::fs::create_dir(t.path("文件夹")).unwrap();
    for (lang, want) in [
        ("zh", "无法写入 文件夹：这是文件夹，这里需要文件\n"),
        (
            "en",
            "cannot write 文件夹: it is a folder, and a file is needed here\n",
        ),
    ] {
        let (c, o, e) = t.run(&[
            "--lang",
            lang,
            "export",
            "我的方案/hekou.toml",
            "--xlsx",
            "文件夹",
        ]);
        assert_eq!(c, 2, "{o}{e}");
        assert_eq!(e, want);
    }
}

#[test]
fn whatif_never_writes_a_variant_s_plan_over_a_roster() {
    let t = Trial::new();
    let out = t.path("试算");
    std::fs::create_dir(&out).unwrap();
    std::fs::copy(t.path("我的县/hekou.toml"), out.join("00-base.toml")).unwrap();
    std::fs::copy("instances/whatif/beijiao.toml", t.path("s.toml")).unwrap();
    std::fs::copy("instances/beijiao-example.toml", t.path("r.toml")).unwrap();
    let before = bytes(&out.join("00-base.toml"));
    for (lang, want) in [
        (
            "zh",
            "试算/00-base.toml 是名册（河口镇），不是方案文件，不会覆盖；请换一个输出文件名\n",
        ),
        (
            "en",
            "试算/00-base.toml is a roster (河口镇), not a plan file: it will not be overwritten; give another output file name\n",
        ),
    ] {
        let (c, o, e) = t.run(&[
            "--lang",
            lang,
            "whatif",
            "r.toml",
            "s.toml",
            "--out-dir",
            "试算",
            "--time-limit",
            "0.5",
        ]);
        assert_eq!(c, 2, "{o}{e}");
        assert!(e.ends_with(want), "{e}");
    }
    assert_eq!(bytes(&out.join("00-base.toml")), before);
}

#[test]
fn a_page_csv_or_workbook_never_overwrites_a_roster() {
    // The second trial: `report … -o 石潭镇's roster` replaced it with a
    // page, and `people`, `calendar --csv` and `export --xlsx` did the same.
    let t = Trial::new();
    let roster = t.path("我的县/shiling.toml");
    let before = bytes(&roster);
    let hekou = ["我的县/hekou.toml", "我的方案/hekou.toml"];
    t.refused(
        &["report", hekou[0], hekou[1], "-o", "我的县/shiling.toml"],
        "我的县/shiling.toml 是名册（石岭镇），不会覆盖；请换一个输出文件名",
        "我的县/shiling.toml is a roster (石岭镇): it will not be overwritten; give another output file name",
    );
    let zh_only = |args: &[&str]| {
        let mut all = vec!["--lang", "zh"];
        all.extend_from_slice(args);
        let (c, o, e) = t.run(&all);
        assert_eq!(c, 2, "{args:?}: {o}{e}");
        assert_eq!(
            e,
            "我的县/shiling.toml 是名册（石岭镇），不会覆盖；请换一个输出文件名\n"
        );
    };
    zh_only(&["people", hekou[0], hekou[1], "--csv", "我的县/shiling.toml"]);
    zh_only(&["calendar", hekou[1], "--csv", "我的县/shiling.toml"]);
    zh_only(&["export", hekou[1], "--xlsx", "我的县/shiling.toml"]);
    assert_eq!(bytes(&roster), before);
    // A roster workbook is kept too; an exported workbook is rewritten.
    let (c, o, e) = t.run(&["convert", "我的县/shiling.toml", "石岭.xlsx"]);
    assert_eq!(c, 0, "{o}{e}");
    let (c, _, e) = t.run(&["--lang", "zh", "export", hekou[1], "--xlsx", "石岭.xlsx"]);
    assert_eq!(
        (c, e.as_str()),
        (2, "石岭.xlsx 是名册，不会覆盖；请换一个输出文件名\n")
    );
    for _ in 0..2 {
        let (c, o, e) = t.run(&["export", hekou[1], "--xlsx", "河口.xlsx"]);
        assert_eq!(c, 0, "{o}{e}");
    }
}

#[test]
fn convert_never_overwrites_another_townships_roster() {
    // The second trial: `convert 横山 石潭` left the county with two rosters
    // of 横山镇. Converting again over the same township's output is a rerun.
    let t = Trial::new();
    let shiling = t.path("我的县/shiling.toml");
    let before = bytes(&shiling);
    t.refused(
        &["convert", "我的县/hekou.toml", "我的县/shiling.toml"],
        "我的县/shiling.toml 是石岭镇的名册，不会用河口镇的名册覆盖；请换一个输出文件名",
        "我的县/shiling.toml is 石岭镇's roster: it will not be overwritten with 河口镇's; give another output file name",
    );
    assert_eq!(bytes(&shiling), before);
    for _ in 0..2 {
        let (c, o, e) = t.run(&["convert", "我的县/hekou.toml", "河口.xlsx"]);
        assert_eq!(c, 0, "{o}{e}");
    }
    let (c, o, e) = t.run(&["convert", "我的县/shiling.toml", "河口.xlsx"]);
    assert_eq!(c, 2, "{o}{e}");
}
