//! What a Chinese planner's trial with a workbook roster (4 leaders, 8
//! villages) tripped over, word for word in both languages: the names
//! planners write for a helper's role, a mistyped 所属村居, the names in
//! `plan`'s messages, the helpers a full team slot concerns, and warning
//! kinds asked for by their Chinese names.

use rust_xlsxwriter::Workbook;
use zhudian::model::Role;
use zhudian::wording::Lang;
use zhudian::workbook;

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

/// The villages: id and name.
const VILLAGES: [(&str, &str); 8] = [
    ("c1", "东山村"),
    ("c2", "西岭村"),
    ("c3", "南塘村"),
    ("c4", "北坑村"),
    ("c5", "石桥村"),
    ("c6", "新围村"),
    ("c7", "龙头村"),
    ("c8", "沙田村"),
];

/// One helper row: id, name, role, 所属村居 (empty: township-wide),
/// 最多参加团队数, 能力.
type Helper = (String, String, String, String, u32, String);

/// Each village's own secretary (role as given) and `heads` department
/// heads of the township, one team each.
fn helpers(role: &str, heads: usize) -> Vec<Helper> {
    let mut v: Vec<Helper> = VILLAGES
        .iter()
        .enumerate()
        .map(|(i, (_, name))| {
            let surname = name.chars().take(2).collect::<String>();
            (
                format!("s{}", i + 1),
                format!("{surname}书记"),
                role.to_string(),
                name.to_string(),
                1,
                String::new(),
            )
        })
        .collect();
    for i in 1..=heads {
        v.push((
            format!("d{i}"),
            format!("部门{i}"),
            "职能部门负责人".into(),
            String::new(),
            1,
            String::new(),
        ));
    }
    v
}

/// The workbook: 试点镇, 4 leaders, 8 villages, the helpers given, the team
/// slots given (none: the default 职能部门负责人 and 村党组织书记（本村居））.
fn book(helpers: &[Helper], slots: &[&str]) -> Vec<u8> {
    book_needing(helpers, slots, &[])
}

/// As [`book`]; the first villages need the skills given (需要的能力).
fn book_needing(helpers: &[Helper], slots: &[&str], needs: &[&str]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("基本信息").unwrap();
    let mut basics: Vec<(&str, &str)> = vec![
        ("镇街名称", "试点镇"),
        ("镇政府路网节点", "office"),
        ("规划年度", "2026"),
        ("驻点星期", "周二"),
        ("驻点开始时间", "15:00"),
        ("驻点结束时间", "18:30"),
    ];
    basics.extend(slots.iter().map(|s| ("团队位置", *s)));
    ws.write_string(0, 0, "项目").unwrap();
    ws.write_string(0, 1, "值").unwrap();
    for (r, (k, v)) in basics.iter().enumerate() {
        ws.write_string(r as u32 + 1, 0, *k).unwrap();
        ws.write_string(r as u32 + 1, 1, *v).unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("村居").unwrap();
    for (c, h) in ["编号", "名称", "户数", "路网节点", "需要的能力"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, name)) in VILLAGES.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_number(r, 2, 300.0 + 20.0 * r as f64).unwrap();
        ws.write_string(r, 3, *id).unwrap();
        if let Some(need) = needs.get(r as usize - 1) {
            ws.write_string(r, 4, *need).unwrap();
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("干部").unwrap();
    ws.write_string(0, 0, "编号").unwrap();
    ws.write_string(0, 1, "姓名").unwrap();
    for (r, (id, name)) in [
        ("L1", "陈国华"),
        ("L2", "李建军"),
        ("L3", "王志强"),
        ("L4", "张丽"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(r as u32 + 1, 0, *id).unwrap();
        ws.write_string(r as u32 + 1, 1, *name).unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("协助人员").unwrap();
    for (c, h) in ["编号", "姓名", "角色", "所属村居", "最多参加团队数", "能力"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, name, role, unit, max, skills)) in helpers.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, id).unwrap();
        ws.write_string(r, 1, name).unwrap();
        ws.write_string(r, 2, role).unwrap();
        if !unit.is_empty() {
            ws.write_string(r, 3, unit).unwrap();
        }
        ws.write_number(r, 4, *max as f64).unwrap();
        ws.write_string(r, 5, skills).unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("道路").unwrap();
    for (c, h) in ["起点", "终点", "分钟"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, _)) in VILLAGES.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, "office").unwrap();
        ws.write_string(r, 1, *id).unwrap();
        ws.write_number(r, 2, 6.0 + r as f64).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_helpers_role_is_read_from_the_names_planners_write_and_an_unknown_one_is_guessed() {
    // Each village's secretary written another way, and the slot too.
    let mut hs = helpers("村党组织书记", 8);
    let secretary = [
        "村支书",
        "支书",
        "村（社区）党组织书记",
        "社区党组织书记",
        "社区书记",
        "党支部书记",
        "村党支部书记",
        "村(社区)党组织书记",
    ];
    for (h, role) in hs.iter_mut().zip(secretary) {
        h.2 = role.into();
    }
    hs.push((
        "w1".into(),
        "黄主任".into(),
        "村主任".into(),
        "东山村".into(),
        1,
        String::new(),
    ));
    hs.push((
        "w2".into(),
        "周委员".into(),
        "村\"两委\"干部".into(),
        "西岭村".into(),
        1,
        String::new(),
    ));
    let r = workbook::load_bytes(&book(&hs, &["部门负责人", "村支书（本村居）"]), "名册.xlsx")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::Zh)));
    let roles: Vec<Role> = r.helpers.iter().map(|h| h.role).collect();
    let mut want = vec![Role::PartySecretary; 8];
    want.extend([Role::DepartmentHead; 8]);
    want.extend([Role::CommitteeCadre; 2]);
    assert_eq!(roles, want);
    assert_eq!(r.policy.team[0].roles, [Role::DepartmentHead]);
    assert_eq!(r.policy.team[1].roles, [Role::PartySecretary]);
    assert!(r.policy.team[1].from_unit);
    // A slip of the keyboard is guessed as the role's own word.
    hs[0].2 = "村支部书纪".into();
    let p = workbook::load_bytes(&book(&hs, &[]), "名册.xlsx").unwrap_err();
    let at = |lang| {
        let all = p.render(lang);
        all.lines().find(|l| l.contains("!C2")).unwrap().to_string()
    };
    assert_eq!(
        at(Lang::Zh),
        "名册.xlsx: 协助人员!C2，字段“角色”：“村支部书纪”不在可选值“职能部门负责人”、“村党组织书记”、“村“两委”干部”、“大学生村官”、“志愿服务者”、“民警”、“律师”、“两代表一委员”之中（是不是“村党组织书记”？）"
    );
    assert_eq!(
        at(Lang::En),
        "名册.xlsx: 协助人员!C2, field '角色': '村支部书纪' is not one of '职能部门负责人', '村党组织书记', '村“两委”干部', '大学生村官', '志愿服务者', '民警', '律师' or '两代表一委员' (did you mean '村党组织书记'?)"
    );
}

#[test]
fn a_mistyped_unit_of_a_helper_says_name_and_guesses_the_nearest_unit() {
    // Said once, at the helper: 东山村 is not also told to add a secretary.
    let mut hs = helpers("村党组织书记", 8);
    hs[0].3 = "东三村".into();
    let p = workbook::load_bytes(&book(&hs, &[]), "名册.xlsx").unwrap_err();
    assert_eq!(
        p.render(Lang::Zh),
        "\
名册.xlsx: 协助人员!D2，字段“所属村居”：“东三村”不是工作表“村居”中任何村居的名称或编号（是不是“东山村”？）
"
    );
    assert_eq!(
        p.render(Lang::En),
        "\
名册.xlsx: 协助人员!D2, field '所属村居': '东三村' is neither the name nor the id of a unit in the sheet 村居 (did you mean '东山村'?)
"
    );
}

/// `zhudian [--lang zh] COMMAND 名册.xlsx …` on this workbook (`plan` writes
/// plan.toml beside it): exit code and everything printed, the folder left out.
fn run(command: &str, book: &[u8], lang: Option<&str>) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名册.xlsx");
    std::fs::write(&path, book).unwrap();
    let out = dir.path().join("plan.toml");
    let mut args = lang.map(|l| vec!["--lang", l]).unwrap_or_default();
    let (path, out) = (path.display().to_string(), out.display().to_string());
    args.extend([command, &path]);
    if command == "plan" {
        args.extend(["-o", &out]);
    }
    let (code, stdout, stderr) = zhudian(&args);
    let folder = format!("{}/", dir.path().display());
    (code, format!("{stdout}{stderr}").replace(&folder, ""))
}

fn plan(book: &[u8], lang: Option<&str>) -> (i32, String) {
    run("plan", book, lang)
}

#[test]
fn why_plan_finds_no_plan_names_units_and_people_by_name_and_skills_in_chinese() {
    // Three villages need 法律; only 部门1 has it, and joins one team.
    let mut hs = helpers("村党组织书记", 8);
    hs[8].5 = "法律".into();
    let needing = book_needing(&hs, &[], &["法律", "法律", "法律"]);
    assert_eq!(
        plan(&needing, Some("zh")),
        (
            1,
            "试点镇：无法排出方案：\n  东山村、西岭村和南塘村需要“法律”，但能带来这项能力的只有部门1，最多只能覆盖其中 1 个：请提高其最多参加团队数（max_teams），或增加具备“法律”的人员\n".into()
        )
    );
    assert_eq!(
        plan(&needing, None),
        (
            1,
            "试点镇: no plan is possible:\n  东山村, 西岭村 and 南塘村 need 'legal', but the only people who could bring it there (部门1) can cover only 1 of them: raise their max_teams, or add someone with 'legal'\n".into()
        )
    );
    // A village without its own secretary: `plan` names it as `validate` does.
    let mut hs = helpers("村党组织书记", 8);
    hs[0].2 = "职能部门负责人".into();
    let unstaffed = book(&hs, &[]);
    let said = "名册.xlsx: 村居!A2 东山村（c1）：团队第 2 个位置须由本村（社区）的村党组织书记担任，但协助人员中没有本村（社区）的此类人员：请在协助人员中增加一名，所属村居填本村（社区）\n";
    assert_eq!(
        plan(&unstaffed, Some("zh")),
        (
            1,
            format!("名册.xlsx：按此名册无法排出方案，原因及调整办法如下：\n{said}")
        )
    );
    assert_eq!(
        run("validate", &unstaffed, Some("zh")),
        (2, format!("{said}共 1 个问题：名册无效。\n"))
    );
    // English keeps the sheet, cell and id.
    assert_eq!(
        plan(&unstaffed, None),
        (
            1,
            "名册.xlsx: no plan is possible with this roster; what would make one possible:\n名册.xlsx: 村居!A2 'c1': team slot 2 takes the unit's own party_secretary, but this unit has none among the helpers: add one, with this unit as theirs\n".into()
        )
    );
}

#[test]
fn a_team_slot_that_cannot_be_filled_names_the_helpers_to_edit() {
    // Five department heads, one team each, for eight villages.
    let five = book(&helpers("村党组织书记", 5), &[]);
    assert_eq!(
        run("validate", &five, Some("zh")),
        (
            2,
            "名册.xlsx: 基本信息，字段“团队位置”：团队第 1 个位置（职能部门负责人）共有 8 个村（社区）需要，但可担任的协助人员合计只能参加 5 个团队：请提高部分人员的最多参加团队数（max_teams），或增加人员；可担任的人员：部门1（最多参加团队数 1）、部门2（最多参加团队数 1）、部门3（最多参加团队数 1）、部门4（最多参加团队数 1）、部门5（最多参加团队数 1）\n共 1 个问题：名册无效。\n".into()
        )
    );
    assert_eq!(
        run("validate", &five, None),
        (
            2,
            "名册.xlsx: 基本信息, field '团队位置': team slot 1 (department_head) is needed by 8 units, but the helpers who may fill it can take only 5 teams between them: raise some max_teams, or add helpers; who may fill it: 部门1 (max_teams 1), 部门2 (max_teams 1), 部门3 (max_teams 1), 部门4 (max_teams 1), 部门5 (max_teams 1)\n1 problem: the roster is not valid.\n".into()
        )
    );
    // 东山村's secretary may join no team: plan names her row's figures.
    let mut hs = helpers("村党组织书记", 8);
    hs[0].4 = 0;
    let full = book(&hs, &[]);
    assert_eq!(
        plan(&full, Some("zh")),
        (
            1,
            "试点镇：无法排出方案：\n  东山村：团队第 2 个位置需要本村（社区）的村党组织书记，但没有可用人员（全年不在岗或已满额）：请增加本村（社区）的村党组织书记；可担任的人员：东山书记（所属村居 东山村，最多参加团队数 0）\n".into()
        )
    );
    assert_eq!(
        plan(&full, None),
        (
            1,
            "试点镇: no plan is possible:\n  东山村: team slot 2 needs the unit's own party secretaries, and none is available (away all year, or full): add one of the unit's own party secretaries; who may fill it: 东山书记 (unit 东山村, max_teams 0)\n".into()
        )
    );
    // Her 所属村居 left blank: the unit's message names her.
    let mut hs = helpers("村党组织书记", 8);
    hs[0].3 = String::new();
    let blank = book(&hs, &[]);
    let said = "团队第 2 个位置须由本村（社区）的村党组织书记担任，但协助人员中没有本村（社区）的此类人员：请在协助人员中增加一名，所属村居填本村（社区）；所属村居未填的村党组织书记：东山书记（最多参加团队数 1）";
    assert_eq!(
        run("validate", &blank, Some("zh")),
        (
            2,
            format!("名册.xlsx: 村居!A2 东山村（c1）：{said}\n共 1 个问题：名册无效。\n")
        )
    );
    assert_eq!(
        run("validate", &blank, None).1,
        "名册.xlsx: 村居!A2 'c1': team slot 2 takes the unit's own party_secretary, but this unit has none among the helpers: add one, with this unit as theirs; party_secretary with no unit given: 东山书记 (max_teams 1)\n1 problem: the roster is not valid.\n"
    );
}
