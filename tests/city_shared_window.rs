//! A shared cadre whom an earlier township keeps busy on nine in ten or more
//! of a later one's station dates leads no unit there, and `plan` on the
//! city says so, by name, in both languages: on the terminal, as a
//! `shared_busy_elsewhere` warning in the later township's plan file, in
//! that township's sessions short of its own members, and in the reason no
//! plan exists when the other leaders have too few places. `check` on the
//! city accepts the plans.

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
            "陈志强 is shared by 六都镇 and 腰古镇, but 陈志强's duties in 六都镇 are at the same time as 腰古镇's (14:30–17:30) on 50 of its 50 station dates, so 陈志强 leads no unit in 腰古镇. Give the two townships station windows that do not overlap, or write `shared` only where the person really serves\n"
        ),
        "{err}"
    );
}

#[test]
fn plan_names_the_cadre_and_both_townships_in_chinese() {
    let (_dir, _, err) = plan_city("zh");
    assert!(
        err.contains(
            "陈志强由六都镇和腰古镇共用，但陈志强在六都镇的驻点任务与腰古镇的驻点时间相同（14:30–17:30），占了腰古镇50个驻点日中的50个，因此在腰古镇不安排陈志强当驻点领导。可把两个镇街的驻点时间错开，或只在陈志强真正驻点的镇街名册上将其标为跨镇街兼任。\n"
        ),
        "{err}"
    );
}

const NEVER_EN: &str = "陈志强 is shared by 六都镇 and 腰古镇, but 陈志强's duties in 六都镇 are at the same time as 腰古镇's (14:30–17:30) on 50 of its 50 station dates, so 陈志强 leads no unit in 腰古镇. Give the two townships station windows that do not overlap, or write `shared` only where the person really serves";

const NEVER_ZH: &str = "陈志强由六都镇和腰古镇共用，但陈志强在六都镇的驻点任务与腰古镇的驻点时间相同（14:30–17:30），占了腰古镇50个驻点日中的50个，因此在腰古镇不安排陈志强当驻点领导。可把两个镇街的驻点时间错开，或只在陈志强真正驻点的镇街名册上将其标为跨镇街兼任。";

/// A township's plan file in the folder `plans`.
fn plan_of(plans: &std::path::Path, file: &str) -> zhudian::plan::PlanFile {
    zhudian::plan::PlanFile::from_toml(&std::fs::read_to_string(plans.join(file)).unwrap()).unwrap()
}

fn of_kind<'a>(p: &'a zhudian::plan::PlanFile, kind: &str) -> Vec<&'a zhudian::plan::Warning> {
    p.warning.iter().filter(|w| w.kind == kind).collect()
}

#[test]
fn the_later_township_s_plan_warns_of_the_cadre_kept_away_in_both_languages() {
    for (lang, words) in [("en", NEVER_EN), ("zh", NEVER_ZH)] {
        let (dir, _, _) = plan_city(lang);
        let plans = dir.path().join("plans");
        let yaogu = plan_of(&plans, "yaogu.toml");
        let kept = of_kind(&yaogu, "shared_busy_elsewhere");
        assert_eq!(kept.len(), 1, "{lang}");
        assert_eq!(kept[0].message, words);
        assert_eq!(kept[0].people, ["chen-zq"]);
        assert_eq!((kept[0].unit.as_ref(), kept[0].date.as_ref()), (None, None));
        assert_eq!(yaogu.plan.metrics.warnings, yaogu.warning.len());
        // He leads nothing here: load 0, not the empty sum's -0.
        let line = yaogu.leader.iter().find(|l| l.id == "chen-zq").unwrap();
        assert!(line.units.is_empty() && line.load.is_sign_positive());
        // Nor does he count for the fair share: the others share the
        // workload among themselves, and he deviates from nothing.
        assert_eq!(line.deviation_pct, 0.0);
        let others: Vec<_> = yaogu.leader.iter().filter(|l| l.id != "chen-zq").collect();
        let total: f64 = others.iter().map(|l| l.load).sum();
        let share = total / others.len() as f64;
        for l in &others {
            let want = 100.0 * (l.load - share).abs() / share;
            assert!((l.deviation_pct - want).abs() < 1e-6, "{}: {want}", l.id);
        }
        assert!(yaogu.plan.metrics.max_deviation_pct < 100.0);
        let text = std::fs::read_to_string(plans.join("yaogu.toml")).unwrap();
        assert!(!text.contains("-0.0"), "{text}");
        for other in ["liudu.toml", "hekou.toml"] {
            assert!(of_kind(&plan_of(&plans, other), "shared_busy_elsewhere").is_empty());
        }
    }
    // The warnings command lists it under its own kind, in the planner's words.
    let (dir, _, _) = plan_city("zh");
    let yaogu = dir.path().join("plans").join("yaogu.toml");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "warnings",
        yaogu.to_str().unwrap(),
        "--kind",
        "shared_busy_elsewhere",
    ]);
    assert_eq!(c, 0, "{err}");
    assert!(out.contains("跨镇街兼任人员不在本镇当驻点领导"), "{out}");
    assert!(out.contains(NEVER_ZH), "{out}");
}

#[test]
fn the_sessions_short_of_township_members_name_the_cadre_kept_away() {
    let (dir, _, _) = plan_city("en");
    let yaogu = plan_of(&dir.path().join("plans"), "yaogu.toml");
    let short = of_kind(&yaogu, "shortfall");
    assert!(!short.is_empty());
    assert_eq!(
        short[0].message,
        "station session at 布务村 (yaogu-u07) on Jan 14: no township member present, and too few people: 1 helper present, 2 required; the year has 450 station sessions to staff, and the township's 9 members, one place a week each, can attend at most 450; 陈志强, shared with 六都镇, leads no unit here (六都镇's sessions take 50 of the 50 station dates); the team's township members were elsewhere that week: 梁永强 at 东星村, 蔡丽华 at 程村村; one more department head on this team would cover it, or a station window for 腰古镇 apart from 六都镇's would let 陈志强 lead here"
    );
    for w in &short {
        assert!(
            w.message
                .contains("陈志强, shared with 六都镇, leads no unit here"),
            "{}",
            w.message
        );
    }
    let (dir, _, _) = plan_city("zh");
    let yaogu = plan_of(&dir.path().join("plans"), "yaogu.toml");
    assert_eq!(
        of_kind(&yaogu, "shortfall")[0].message,
        "布务村 1月14日 驻点接待：没有镇街人员到场，只有1名协助人员，少于要求的2人；全年共需驻点接待450次，镇街9名成员每人每周只能去一个点，全年最多能去450次；陈志强与六都镇共用，六都镇的驻点占了腰古镇50个驻点日中的50个，不在腰古镇当驻点领导；该点的镇街成员当周在别处：梁永强在东星村驻点，蔡丽华在程村村驻点；为该团队再配一名部门负责人即可补上；或把腰古镇的驻点时间与六都镇错开，让陈志强在腰古镇驻点"
    );
    // 六都镇 plans first: its shortfalls, if any, name nobody kept away.
    let liudu = plan_of(&dir.path().join("plans"), "liudu.toml");
    assert!(
        of_kind(&liudu, "shortfall")
            .iter()
            .all(|w| !w.message.contains("不在六都镇当驻点领导"))
    );
}

/// A copy of the city in `dir`, with `edit` applied to the text of `file`.
fn edited(dir: &std::path::Path, file: &str, edit: impl Fn(&str) -> String) -> std::path::PathBuf {
    let city = dir.join("city");
    std::fs::create_dir_all(&city).unwrap();
    for e in std::fs::read_dir(CITY).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, city.join(p.file_name().unwrap())).unwrap();
    }
    let text = std::fs::read_to_string(city.join(file)).unwrap();
    std::fs::write(city.join(file), edit(&text)).unwrap();
    city
}

/// 陈志强 away from 六都镇 from 2 March to `to`: his sessions there leave
/// those Wednesdays of 腰古镇 free.
fn away_in_liudu(dir: &std::path::Path, to: &str) -> std::path::PathBuf {
    edited(dir, "liudu.toml", |t| {
        t.replace(
            "shared = true\n",
            &format!(
                "shared = true\naway = [{{ from = \"2026-03-02\", to = \"{to}\", why = \"党校培训\" }}]\n"
            ),
        )
    })
}

#[test]
fn nine_in_ten_station_dates_keep_him_away_and_fewer_do_not() {
    // Five Wednesdays away (4 March – 1 April): 45 of 50 dates, nine in ten.
    let dir = tempfile::tempdir().unwrap();
    let city = away_in_liudu(dir.path(), "2026-04-03");
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "--lang",
        "en",
        "plan",
        city.to_str().unwrap(),
        "-o",
        plans.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let yaogu = plan_of(&plans, "yaogu.toml");
    let kept = of_kind(&yaogu, "shared_busy_elsewhere");
    assert_eq!(kept.len(), 1);
    assert_eq!(
        kept[0].message,
        "陈志强 is shared by 六都镇 and 腰古镇, but 陈志强's duties in 六都镇 are at the same time as 腰古镇's (14:30–17:30) on 45 of its 50 station dates, so 陈志强 leads no unit in 腰古镇. Give the two townships station windows that do not overlap, or write `shared` only where the person really serves"
    );
    assert!(err.contains(&format!("{}\n", kept[0].message)), "{err}");
    assert!(yaogu.assignment.iter().all(|a| a.leader != "chen-zq"));
    // Six Wednesdays away: 44 of 50, fewer than nine in ten: he leads there.
    let dir = tempfile::tempdir().unwrap();
    let city = away_in_liudu(dir.path(), "2026-04-10");
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "--lang",
        "en",
        "plan",
        city.to_str().unwrap(),
        "-o",
        plans.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let yaogu = plan_of(&plans, "yaogu.toml");
    assert!(of_kind(&yaogu, "shared_busy_elsewhere").is_empty());
    assert!(yaogu.assignment.iter().any(|a| a.leader == "chen-zq"));
    assert!(!err.contains("leads no unit"), "{err}");
    let (c, out, err) = zhudian(&["check", city.to_str().unwrap(), plans.to_str().unwrap()]);
    assert_eq!(c, 0, "{out}{err}");
}

#[test]
fn too_few_places_without_him_count_him_in_the_reason_in_both_languages() {
    // 腰古镇's leaders take two units at most: 9 units, 4 leaders × 2 = 8.
    let dir = tempfile::tempdir().unwrap();
    let city = edited(dir.path(), "yaogu.toml", |t| {
        format!("[policy]\nunits_per_leader = [1, 2]\n\n{t}")
    });
    let plans = dir.path().join("plans");
    for (lang, said) in [
        (
            "en",
            "腰古镇: no plan exists:\n    9 units, but of the 5 cadres 陈志强 (shared with 六都镇, on duty there on 50 of the 50 station dates) leads no unit here, and the other 4 leaders × 2 = 8 places: allow 3 units for 1 leader, give 腰古镇 a station window apart from 六都镇's, or add a cadre\n",
        ),
        (
            "zh",
            "腰古镇：无法编排：\n    共 9 个村（社区），但 5 名干部中陈志强（与六都镇共用，六都镇的驻点占了腰古镇 50 个驻点日中的 50 个）不在腰古镇当驻点领导，其余 4 名领导 × 2 = 8 个名额：请允许 1 名领导联系 3 个村（社区），或把腰古镇的驻点时间与六都镇错开，或增加一名干部\n",
        ),
    ] {
        let (c, out, err) = zhudian(&[
            "--lang",
            lang,
            "plan",
            city.to_str().unwrap(),
            "-o",
            plans.to_str().unwrap(),
        ]);
        assert_eq!(c, 1, "{out}{err}");
        assert!(out.contains(said), "{out}");
    }
}

#[test]
fn the_workbooks_list_the_cadre_kept_away_and_count_the_warning() {
    use calamine::{Data, Reader, Xlsx};
    let (dir, _, _) = plan_city("zh");
    let plans = dir.path().join("plans");
    let books = dir.path().join("xlsx");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "export",
        plans.to_str().unwrap(),
        "--xlsx",
        books.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let rows = |book: &str, sheet: &str| -> Vec<Vec<String>> {
        let mut wb: Xlsx<_> = calamine::open_workbook(books.join(book)).unwrap();
        let range = wb.worksheet_range(sheet).unwrap();
        range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|d| match d {
                        Data::Empty => String::new(),
                        d => d.to_string(),
                    })
                    .collect()
            })
            .collect()
    };
    // The township's 提醒 sheet: the warning as the plan has it. The
    // export words the calendar's warnings again and used to drop it.
    let warned = rows("yaogu.xlsx", "提醒");
    let row = warned
        .iter()
        .find(|r| r[0] == "跨镇街兼任人员不在本镇当驻点领导")
        .unwrap_or_else(|| panic!("{warned:?}"));
    assert_eq!((row[3].as_str(), row[4].as_str()), ("陈志强", NEVER_ZH));
    // The city's summary counts every warning of the plan.
    let yaogu = plan_of(&plans, "yaogu.toml");
    let summary = rows("全市汇总.xlsx", "全市汇总");
    let col = summary[0].iter().position(|h| h == "提醒").unwrap();
    let line = summary.iter().find(|r| r[1] == "腰古镇").unwrap();
    assert_eq!(line[col], yaogu.warning.len().to_string());
    // Below the heading, each warning, and the staffing figures once.
    let listed = warned[1..]
        .iter()
        .filter(|r| !r[4].starts_with("人手："))
        .count();
    assert_eq!(listed, yaogu.warning.len());
}
