//! Small things planners tripped over, each run through the binary and
//! checked word for word in Chinese and English with its exit code: a
//! TOML roster's cadence written in Chinese (每周, 隔周) as the workbook
//! reads it, and a refusal that lists the words accepted in the reader's
//! language; a reference to an id that does not exist (a meeting's attendee,
//! a helper's unit, a what-if variant's unit) with the entry it most likely
//! meant, by id and name; `warnings PLANS --roster CITY` saying which
//! plan's roster the folder given lacks (exit 2 when it holds none);
//! `export` and `calendar` on a folder of plans leaving no folder of theirs
//! behind when every plan fails; a county's office saying its own name
//! (示例县) where the city-wide settings and totals said 全市.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

const BEIJIAO: &str = "instances/beijiao-example.toml";
const CITY: &str = "tests/fixtures/city";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The small city (更合镇, 大塘镇, 南山镇) copied to `city` and planned into
/// `plans`, in a temporary folder.
fn city_planned() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    cli::copy_folder(CITY, &city);
    let (c, out, err) = zhudian(&["plan", s(&city), "-o", s(&dir.path().join("plans"))]);
    assert_eq!(c, 0, "{out}{err}");
    dir
}

/// The shipped example with `changes` (line number, old text, new text)
/// made, in a temporary folder.
fn beijiao_with(changes: &[(usize, &str, &str)]) -> (tempfile::TempDir, String) {
    let text = std::fs::read_to_string(BEIJIAO).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for (n, old, new) in changes {
        assert!(lines[n - 1].contains(old), "line {n}: {}", lines[n - 1]);
        lines[n - 1] = lines[n - 1].replacen(old, new, 1);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("beijiao.toml");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let path = path.display().to_string();
    (dir, path)
}

/// The shipped example with 西海村's cadence (line 54, `weekly`) written
/// as given, in a temporary folder.
fn beijiao_cadence(cadence: &str) -> (tempfile::TempDir, String) {
    let text = std::fs::read_to_string(BEIJIAO).unwrap();
    let line = "cadence = \"weekly\"            # weekly | biweekly";
    assert_eq!(text.lines().nth(53), Some(line));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("beijiao.toml");
    let changed = text.replacen(line, &format!("cadence = \"{cadence}\""), 1);
    std::fs::write(&path, changed).unwrap();
    let path = path.display().to_string();
    (dir, path)
}

#[test]
fn a_toml_roster_reads_the_cadence_in_chinese_as_the_workbook_does() {
    for word in ["隔周", "双周", "每两周一次"] {
        let (_dir, path) = beijiao_cadence(word);
        let (c, out, err) = zhudian(&["validate", &path]);
        assert_eq!((c, err.as_str()), (0, ""), "{word}: {out}");
        assert!(
            out.contains("; 5980 households; 2 fortnightly\n"),
            "{word}: {out}"
        );
        let (c, out, _) = zhudian(&["--lang", "zh", "validate", &path]);
        assert_eq!(c, 0);
        assert!(out.contains("共 5980 户；隔周驻点 2 个\n"), "{word}: {out}");
    }
    // 每周 is the default said in Chinese: 西海村 stays weekly.
    let (_dir, path) = beijiao_cadence("每周");
    let (c, out, _) = zhudian(&["validate", &path]);
    assert_eq!(c, 0);
    assert!(out.contains("; 5980 households; 1 fortnightly\n"), "{out}");
}

#[test]
fn a_cadence_refused_lists_the_words_accepted_in_the_readers_language() {
    let (_dir, path) = beijiao_cadence("biweakly");
    let (c, out, err) = zhudian(&["validate", &path]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{path}:54: [[unit]] 'xihai', field 'cadence': 'biweakly' is not one of \
             'weekly' or 'biweekly' (or in Chinese 每周 or 隔周) (did you mean 'biweekly'?)\n\
             1 problem: the roster is not valid.\n"
        )
    );
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", &path]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{path}:54: 驻点村（社区） 西海村（xihai），字段“cadence”：“biweakly”不在可选值\
             “每周”、“隔周”之中（也可写 weekly、biweekly）（是不是“biweekly”？）\n\
             共 1 个问题：名册无效。\n"
        )
    );
    // Typed in Chinese, the guess is the Chinese word.
    let (_dir, path) = beijiao_cadence("隔周驻");
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", &path]);
    assert_eq!(c, 2, "{out}");
    assert!(
        err.contains(
            "：“隔周驻”不在可选值“每周”、“隔周”之中（也可写 weekly、biweekly）（是不是“隔周”？）\n"
        ),
        "{out}{err}"
    );
}

#[test]
fn a_misspelt_attendee_or_a_unit_given_by_name_gets_the_entry_meant() {
    // 梁文辉 is liang-wh; 区志坚's unit is written as its name, 三洪奇村.
    let (_dir, path) = beijiao_with(&[
        (206, "\"he-jm\"", "\"liang-hw\""),
        (156, "\"sanhong\"", "\"三洪奇村\""),
    ]);
    let (c, out, err) = zhudian(&["validate", &path]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{path}:152: [[helper]] 'ou-sec', field 'unit': there is no unit '三洪奇村' \
             (did you mean 'sanhong' (三洪奇村)?)\n\
             {path}:204: [[meeting]] '区防汛紧急会议', field 'attendees': there is no cadre \
             or helper 'liang-hw' (groups: 'all-cadres', 'all-helpers') \
             (did you mean 'liang-wh' (梁文辉)?)\n\
             2 problems: the roster is not valid.\n"
        )
    );
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", &path]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{path}:152: 协助人员 区志坚（ou-sec），字段“unit”：没有编号为“三洪奇村”的村（社区）\
             （是不是“sanhong”（三洪奇村）？）\n\
             {path}:204: 会议“区防汛紧急会议”，字段“attendees”：没有编号为“liang-hw”的干部或协助人员\
             （分组可写 all-cadres、all-helpers）（是不是“liang-wh”（梁文辉）？）\n\
             共 2 个问题：名册无效。\n"
        )
    );
}

#[test]
fn nothing_is_guessed_when_no_entry_is_close() {
    let (_dir, path) = beijiao_with(&[(206, "\"he-jm\"", "\"zhang-san\"")]);
    let (c, _, err) = zhudian(&["validate", &path]);
    assert_eq!(c, 2);
    assert!(
        err.contains(
            "there is no cadre or helper 'zhang-san' (groups: 'all-cadres', 'all-helpers')\n"
        ),
        "{err}"
    );
}

#[test]
fn a_what_if_variants_misspelt_unit_or_person_gets_the_entry_meant() {
    let dir = tempfile::tempdir().unwrap();
    let scenarios = dir.path().join("s.toml");
    std::fs::write(
        &scenarios,
        "[[variant]]\nname = \"远村隔周\"\nunits = [{ id = \"linshng\", cadence = \"隔周\" }]\n",
    )
    .unwrap();
    let s = scenarios.display().to_string();
    let (c, out, err) = zhudian(&["whatif", BEIJIAO, &s]);
    assert_eq!((c, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "{s}:3: [[variant]] '远村隔周', field 'units.id': there is no unit 'linshng' \
             (did you mean 'linshang' (林上村)?)\n"
        )
    );
    let (c, _, err) = zhudian(&["--lang", "zh", "whatif", BEIJIAO, &s]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{s}:3: 方案“远村隔周”，字段“units.id”：没有编号为“linshng”的村（社区）\
             （是不是“linshang”（林上村）？）\n"
        )
    );
    // A person to remove, misspelt.
    std::fs::write(
        &scenarios,
        "[[variant]]\nname = \"少一人\"\nremove = [\"liang-hw\"]\n",
    )
    .unwrap();
    let (c, _, err) = zhudian(&["whatif", BEIJIAO, &s]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{s}:3: [[variant]] '少一人', field 'remove': there is no unit, cadre or helper 'liang-hw' \
             (did you mean 'liang-wh' (梁文辉)?)\n"
        )
    );
    let (c, _, err) = zhudian(&["--lang", "zh", "whatif", BEIJIAO, &s]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{s}:3: 方案“少一人”，字段“remove”：没有编号为“liang-hw”的村（社区）、干部或协助人员\
             （是不是“liang-wh”（梁文辉）？）\n"
        )
    );
}

/// A variant takes no group: an unknown person there was offered
/// all-cadres and all-helpers (分组可写 all-cadres、all-helpers), read as a
/// suggestion of every cadre. Now only the entry meant is offered (a unit
/// too, for `remove`), or nothing when none is close.
#[test]
fn a_what_if_variants_unknown_person_is_offered_no_group() {
    let dir = tempfile::tempdir().unwrap();
    let scenarios = dir.path().join("s.toml");
    let s = s(&scenarios);
    let said = |variant: &str, lang: &str| {
        std::fs::write(
            &scenarios,
            format!("[[variant]]\nname = \"v\"\n{variant}\n"),
        )
        .unwrap();
        let (c, out, err) = zhudian(&["--lang", lang, "whatif", BEIJIAO, s]);
        assert_eq!((c, out.as_str()), (2, ""), "{err}");
        err
    };
    let cadre = "cadres = [{ id = \"liang-hw\", post = \"副镇长\" }]";
    assert_eq!(
        said(cadre, "zh"),
        format!(
            "{s}:3: 方案“v”，字段“cadres.id”：没有编号为“liang-hw”的干部或协助人员\
             （是不是“liang-wh”（梁文辉）？）\n"
        )
    );
    assert_eq!(
        said(cadre, "en"),
        format!(
            "{s}:3: [[variant]] 'v', field 'cadres.id': there is no cadre or helper 'liang-hw' \
             (did you mean 'liang-wh' (梁文辉)?)\n"
        )
    );
    // A helper's id under `cadres` is said to be a helper's.
    let helper = "cadres = [{ id = \"lu-sec\", post = \"副镇长\" }]";
    assert_eq!(
        said(helper, "zh"),
        format!(
            "{s}:3: 方案“v”，字段“cadres.id”：“lu-sec”（卢国荣）是协助人员，不是干部：请写在 helpers 下\n"
        )
    );
    assert_eq!(
        said(helper, "en"),
        format!(
            "{s}:3: [[variant]] 'v', field 'cadres.id': 'lu-sec' (卢国荣) is a helper, not a cadre: change it under helpers\n"
        )
    );
    assert_eq!(
        said("remove = [\"zhang-san\"]", "zh"),
        format!(
            "{s}:3: 方案“v”，字段“remove”：没有编号为“zhang-san”的村（社区）、干部或协助人员\n"
        )
    );
    assert_eq!(
        said("remove = [\"xihia\"]", "zh"),
        format!(
            "{s}:3: 方案“v”，字段“remove”：没有编号为“xihia”的村（社区）、干部或协助人员\
             （是不是“xihai”（西海村）？）\n"
        )
    );
}

#[test]
fn warnings_say_which_plans_roster_the_folder_given_lacks() {
    let dir = city_planned();
    let (city, plans) = (dir.path().join("city"), dir.path().join("plans"));
    // The folder given lacks 更合镇's roster: its names come from the one
    // its plan records, and a line above its table says so.
    let lacking = dir.path().join("city2");
    cli::copy_folder(CITY, &lacking);
    std::fs::remove_file(lacking.join("foshan-25-genghe.toml")).unwrap();
    let plan = plans.join("foshan-25-genghe.toml").display().to_string();
    let recorded = city.join("foshan-25-genghe.toml").display().to_string();
    let folder = s(&lacking);
    for (lang, note) in [
        (
            "en",
            format!(
                "{plan}: no roster for it in {folder} (a plan and its roster share a file name); \
                 the roster the plan records is used, {recorded}\n"
            ),
        ),
        (
            "zh",
            format!(
                "{plan}：{folder} 中没有它的名册（方案与名册按文件名配对），\
                 改用方案记录的名册 {recorded}\n"
            ),
        ),
    ] {
        let (c, before, _) = zhudian(&["--lang", lang, "warnings", s(&plans)]);
        assert_eq!(c, 0);
        let (c, out, err) = zhudian(&["--lang", lang, "warnings", s(&plans), "--roster", folder]);
        assert_eq!((c, err.as_str()), (0, ""), "{out}");
        assert_eq!(out, format!("{note}{before}"));
        // Beside a CSV the line goes to stderr.
        let (_, before, _) = zhudian(&["--lang", lang, "warnings", s(&plans), "--format", "csv"]);
        let (c, out, err) = zhudian(&[
            "--lang",
            lang,
            "warnings",
            s(&plans),
            "--roster",
            folder,
            "--format",
            "csv",
        ]);
        assert_eq!((c, out, err), (0, before, note));
    }
}

/// `calendar PLANS --roster CITY` with a folder lacking 更合镇's roster
/// wrote its calendar from the roster its plan records, silently; it now
/// says so under the township's line, as `warnings` does.
#[test]
fn calendars_say_which_plans_roster_the_folder_given_lacks() {
    let dir = city_planned();
    let (city, plans) = (dir.path().join("city"), dir.path().join("plans"));
    let lacking = dir.path().join("city2");
    cli::copy_folder(CITY, &lacking);
    std::fs::remove_file(lacking.join("foshan-25-genghe.toml")).unwrap();
    let plan = plans.join("foshan-25-genghe.toml").display().to_string();
    let recorded = city.join("foshan-25-genghe.toml").display().to_string();
    let folder = s(&lacking);
    for (lang, note) in [
        (
            "en",
            format!(
                "\n    {plan}: no roster for it in {folder} (a plan and its roster share a file name); \
                 the roster the plan records is used, {recorded}\n"
            ),
        ),
        (
            "zh",
            format!(
                "\n    {plan}：{folder} 中没有它的名册（方案与名册按文件名配对），\
                 改用方案记录的名册 {recorded}\n"
            ),
        ),
    ] {
        let csv = dir.path().join(format!("csv-{lang}"));
        let (c, out, err) = zhudian(&[
            "--lang",
            lang,
            "calendar",
            s(&plans),
            "--roster",
            folder,
            "--csv",
            s(&csv),
        ]);
        assert_eq!((c, err.as_str()), (0, ""), "{out}");
        assert_eq!(out.matches(&note).count(), 1, "{out}");
        // The townships the folder has are not noted.
        assert_eq!(out.matches("    ").count(), 1, "{out}");
    }
}

#[test]
fn warnings_with_a_folder_holding_none_of_the_plans_rosters_exit_2_naming_it() {
    let dir = city_planned();
    let plans = dir.path().join("plans");
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    for f in [BEIJIAO, "instances/gaozhou-rural.toml"] {
        let name = Path::new(f).file_name().unwrap();
        std::fs::copy(f, other.join(name)).unwrap();
    }
    let (folder, p) = (s(&other), s(&plans));
    let (c, out, err) = zhudian(&["warnings", p, "--roster", folder]);
    assert_eq!((c, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "{folder}: holds the roster of none of the plans in {p} \
             (a plan and its roster share a file name)\n"
        )
    );
    let (c, out, err) = zhudian(&["--lang", "zh", "warnings", p, "--roster", folder]);
    assert_eq!((c, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!("{folder}：没有 {p} 中任何一个方案的名册（方案与名册按文件名配对）\n")
    );
}

#[test]
fn export_and_calendar_leave_no_folder_of_their_own_when_every_plan_fails() {
    let dir = city_planned();
    // The rosters the plans record are gone: every township fails.
    std::fs::rename(dir.path().join("city"), dir.path().join("moved")).unwrap();
    let plans = s(&dir.path().join("plans")).to_string();
    let out = dir.path().join("out");
    let gone = |f: &str| dir.path().join("city").join(f).display().to_string();
    let towns = ["foshan-25-genghe", "foshan-31-datang", "foshan-32-nanshan"];
    let xlsx = s(&out.join("docs")).to_string();
    let (c, said, err) = zhudian(&["export", &plans, "--xlsx", &xlsx]);
    assert_eq!(c, 2);
    assert_eq!(
        said,
        "0 of 3 townships have their documents written; failing: foshan-25-genghe, \
         foshan-31-datang and foshan-32-nanshan.\n"
    );
    let unread: String = towns
        .iter()
        .map(|t| {
            format!(
                "{}: cannot read the file: no such file\n",
                gone(&format!("{t}.toml"))
            )
        })
        .collect();
    assert_eq!(err, unread);
    assert!(!out.exists(), "export left {}", out.display());
    let (c, said, _) = zhudian(&["--lang", "zh", "export", &plans, "--xlsx", &xlsx]);
    assert_eq!(c, 2);
    assert_eq!(
        said,
        "3 个镇街中 0 个已写出文件；未通过：foshan-25-genghe、foshan-31-datang和foshan-32-nanshan。\n"
    );
    assert!(!out.exists());

    let (ics, csv) = (
        s(&out.join("ics")).to_string(),
        s(&out.join("csv")).to_string(),
    );
    let (c, said, _) = zhudian(&["calendar", &plans, "--ics", &ics, "--csv", &csv]);
    assert_eq!(c, 2);
    assert!(said.ends_with(
        "0 of 3 townships have their calendars written; failing: foshan-25-genghe.toml, \
         foshan-31-datang.toml and foshan-32-nanshan.toml.\n"
    ));
    assert!(!out.exists(), "calendar left {}", out.display());

    // A folder that was there before stays, empty.
    std::fs::create_dir(&out).unwrap();
    let (c, _, _) = zhudian(&["export", &plans, "--xlsx", s(&out)]);
    assert_eq!(c, 2);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
}

const COUNTY: &str = "tests/fixtures/county";

#[test]
fn a_countys_settings_lines_say_its_own_name() {
    let (c, out, _) = zhudian(&["--lang", "zh", "validate", COUNTY]);
    assert_eq!(c, 0);
    assert!(
        out.contains("\n各镇街沿用示例县设置（自行设置的除外）：\n"),
        "{out}"
    );
    assert!(
        out.ends_with("\n河口镇与示例县设置不同：每名领导联系村居 3—4 个（示例县：2—3 个）\n"),
        "{out}"
    );
    assert!(!out.contains("全市"), "{out}");
    let (c, out, _) = zhudian(&["validate", COUNTY]);
    assert_eq!(c, 0);
    assert!(
        out.ends_with(
            "\n河口镇 differs from 示例县: policy.units_per_leader = [3, 4] (示例县: [2, 3])\n"
        ),
        "{out}"
    );
}

#[test]
fn a_countys_compare_and_whatif_totals_say_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let county = dir.path().join("县");
    cli::copy_folder(COUNTY, &county);
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for (out, seed) in [(&a, "1"), (&b, "2")] {
        let (c, said, err) = zhudian(&["plan", s(&county), "-o", s(out), "--seed", seed]);
        assert_eq!(c, 0, "{said}{err}");
    }
    let (c, out, _) = zhudian(&["--lang", "zh", "compare", s(&a), s(&b)]);
    assert_eq!(c, 0);
    let total = out.lines().nth(3).unwrap();
    assert!(total.starts_with("示例县合计：方案得分 "), "{out}");
    let (c, out, _) = zhudian(&["compare", s(&a), s(&b), "--format", "csv"]);
    assert_eq!(c, 0);
    let total = out.trim_end().lines().last().unwrap();
    assert!(total.starts_with("示例县 total,"), "{out}");

    let scenarios = dir.path().join("s.toml");
    std::fs::write(
        &scenarios,
        "[[variant]]\nname = \"多联系一个\"\npolicy = { units_per_leader = [2, 4] }\n",
    )
    .unwrap();
    let (c, out, err) = zhudian(&["--lang", "zh", "whatif", s(&county), s(&scenarios)]);
    assert_eq!(c, 0, "{err}");
    assert_eq!(
        out.lines().next().unwrap(),
        "示例县合计（3 个镇街；先现名册方案（按现名册全年重新编排，不是正在执行的方案），后各方案）："
    );
    let (c, out, _) = zhudian(&["whatif", s(&county), s(&scenarios), "--format", "markdown"]);
    assert_eq!(c, 0);
    assert_eq!(
        out.lines().next().unwrap(),
        "## 示例县 totals, 3 townships (the base: the whole year planned afresh on the rosters \
         as they stand, not the plan in force; then each variant)"
    );
}
