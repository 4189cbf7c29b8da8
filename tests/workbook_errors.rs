//! What `validate` says about a workbook, word for word in both languages:
//! every problem at its sheet and cell, with the id and the column; cells a
//! spreadsheet mangled read as meant where that is clear, reported where not.

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use zhudian::roster;
use zhudian::wording::Lang;
use zhudian::workbook;

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

/// A cell to write: text, number, or a real date.
enum C {
    T(&'static str),
    N(f64),
    D(u16, u8, u8),
}
use C::*;

fn book(sheets: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match v {
                    T("") => {}
                    T(s) => drop(ws.write_string(r, c, *s).unwrap()),
                    N(x) => drop(ws.write_number(r, c, *x).unwrap()),
                    D(y, m, d) => drop(
                        ws.write_datetime_with_format(
                            r,
                            c,
                            ExcelDateTime::from_ymd(*y, *m, *d).unwrap(),
                            &date,
                        )
                        .unwrap(),
                    ),
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn basics() -> (&'static str, Vec<Vec<C>>) {
    (
        "基本信息",
        vec![
            vec![T("项目"), T("值")],
            vec![T("镇街名称"), T("试点镇")],
            vec![T("镇政府路网节点"), T("office")],
            vec![T("规划年度"), T("2015")],
            vec![T("驻点星期"), T("星期二")],
            vec![T("驻点开始时间"), T("15：00")],
            vec![T("驻点结束时间"), N(18.5 / 24.0)],
            vec![T("每名领导最少联系村居数"), N(1.0)],
            vec![T("每名领导最多联系村居数"), N(2.0)],
        ],
    )
}

fn people() -> Vec<(&'static str, Vec<Vec<C>>)> {
    vec![
        (
            "干部",
            vec![
                vec![T("编号"), T("姓名"), T("职务")],
                vec![T("zhang"), T("张三"), T("镇长")],
            ],
        ),
        (
            "协助人员",
            vec![
                vec![
                    T("编号"),
                    T("姓名"),
                    T("角色"),
                    T("所属村居"),
                    T("最多参加团队数"),
                ],
                vec![T("wang"), T("王五"), T("职能部门负责人"), T(""), T("2")],
                vec![T("s1"), T("李书记"), T("村党组织书记"), T("甲村"), N(1.0)],
                vec![T("s2"), T("=陈书记"), T("书记"), T("yi"), N(1.0)],
            ],
        ),
        (
            "道路",
            vec![
                vec![T("起点"), T("终点"), T("分钟")],
                vec![T("office"), T("jia"), T("5 分钟")],
                vec![T("jia"), T("yi"), N(6.0)],
            ],
        ),
    ]
}

fn good() -> Vec<u8> {
    book(&good_sheets())
}

fn good_sheets() -> Vec<(&'static str, Vec<Vec<C>>)> {
    let mut sheets = vec![
        basics(),
        (
            "村居",
            vec![
                vec![T("编号"), T("名称"), T("户数"), T("人口"), T("需要的能力")],
                vec![T("jia"), T("甲村"), T("1,180"), N(3000.0), T("")],
                vec![T("yi"), T("=乙村"), N(640.0), T("２３００人"), T("")],
            ],
        ),
        (
            "外出",
            vec![
                vec![T("人员编号"), T("开始日期"), T("结束日期"), T("事由")],
                vec![T("张三"), D(2015, 3, 2), T("2015/3/13"), T("党校培训")],
            ],
        ),
    ];
    sheets.extend(people());
    sheets
}

#[test]
fn cells_typed_the_way_planners_type_them_are_read_as_meant() {
    let r = workbook::load_bytes(&good(), "试点.xlsx")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    assert_eq!(r.units[0].households, 1180);
    assert_eq!(r.units[1].population, 2300);
    assert_eq!(r.station.start.to_string(), "15:00:00");
    assert_eq!(r.station.end.to_string(), "18:30:00");
    assert_eq!(r.station.weekday, chrono::Weekday::Tue);
    assert_eq!(r.roads[0].minutes, 5.0);
    // A name written as 张三 finds its id; both date spellings are dates.
    let away = &r.cadres[0].away[0];
    assert_eq!(
        (away.from.to_string(), away.to.to_string()),
        ("2015-03-02".into(), "2015-03-13".into())
    );
    // A helper's unit given by name; a role's other word.
    assert_eq!(r.helpers[1].unit.as_deref(), Some("jia"));
    assert_eq!(r.helpers[2].role, zhudian::model::Role::PartySecretary);
    // Text starting with = is a name, not a formula.
    assert_eq!(r.units[1].name, "=乙村");
    assert_eq!(r.helpers[2].name, "=陈书记");
}

#[test]
fn weekday_cells_take_zhou_xingqi_and_libai() {
    use chrono::Weekday::*;
    let mut sheets = good_sheets();
    for row in &mut sheets[0].1 {
        if matches!(row[0], T("驻点星期")) {
            row[1] = T("礼拜三");
        }
    }
    sheets[0].1.push(vec![T("补接待日"), T("星期六、礼拜天")]);
    sheets[0]
        .1
        .push(vec![T("走访日"), T("周一、星期三、礼拜五")]);
    let r = workbook::load_bytes(&book(&sheets), "试点.xlsx")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    assert_eq!(r.station.weekday, Wed);
    assert_eq!(r.station.makeup_days, vec![Sat, Sun]);
    assert_eq!(r.policy.visit_days, vec![Mon, Wed, Fri]);
}

#[test]
fn a_name_starting_with_equals_is_written_as_text_never_a_formula() {
    let r = workbook::load_bytes(&good(), "试点.xlsx").unwrap();
    let bytes = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    for sheet in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} holds a formula"
        );
    }
    let units = wb.worksheet_range("村居").unwrap();
    assert!(
        units
            .used_cells()
            .any(|(_, _, d)| *d == Data::String("=乙村".into()))
    );
    let back = workbook::load_bytes(&bytes, "back.xlsx").unwrap();
    assert_eq!(back.units[1].name, "=乙村");
}

fn bad() -> Vec<u8> {
    let mut b = basics();
    b.1.push(vec![T("不驻本人所在村"), T("是")]);
    b.1.push(vec![T("均衡权重"), T("高")]);
    let mut sheets = vec![
        b,
        (
            "村居",
            vec![
                vec![T("编号"), T("名称"), T("户树"), T("人口"), T("类型")],
                vec![T("jia"), T("甲村"), N(1180.0), T("一千"), T("村")],
                vec![T("zhang"), T("乙村"), N(640.0), N(2300.5), T("社去")],
            ],
        ),
        (
            "村组",
            vec![
                vec![T("村居编号"), T("村民小组"), T("户数")],
                vec![T("丙村"), T("一队"), N(100.0)],
            ],
        ),
        (
            "会议",
            vec![
                vec![
                    T("会议名称"),
                    T("参会人员"),
                    T("日期"),
                    T("开始时间"),
                    T("结束时间"),
                ],
                vec![
                    T("党委会"),
                    T("全体干部"),
                    N(42009.0),
                    T("09:00"),
                    T("11:30"),
                ],
            ],
        ),
        ("备注", vec![vec![T("随便写写")]]),
    ];
    sheets.extend(people());
    book(&sheets)
}

#[test]
fn every_problem_is_named_by_sheet_and_cell_in_english() {
    let p = workbook::load_bytes(&bad(), "bad.xlsx").unwrap_err();
    assert_eq!(
        p.render(Lang::En),
        "\
bad.xlsx: 基本信息!A10, field '不驻本人所在村': unknown item (did you mean '不驻本人所在村居'?)
bad.xlsx: 基本信息!B11, field '均衡权重': '高' is not a number
bad.xlsx: 村居!C1, field '户树': unknown column heading (did you mean '户数'?)
bad.xlsx: 村居!D2, field '人口': '一千' is not a number
bad.xlsx: 村居!A3 'zhang': team slot 2 takes the unit's own party_secretary, but this unit has none among the helpers: add one, with this unit as theirs
bad.xlsx: 村居!D3, field '人口': 2300.5 is not a whole number
bad.xlsx: 村居!E3, field '类型': '社去' is not one of '村', '社区', '重点企业' or '产业社区' (did you mean '社区'?)
bad.xlsx: 村居, field '户数': this column is required but the sheet has none
bad.xlsx: 村组!A2, field '村居编号': '丙村' is neither the name nor the id of a unit in the sheet 村居 (did you mean '乙村'?)
bad.xlsx: 干部!A2 'zhang', field '编号': id 'zhang' is already used by 村居!A3; every unit, cadre and helper needs its own id
bad.xlsx: 协助人员!D4, field '所属村居': 'yi' is neither the name nor the id of a unit in the sheet 村居
bad.xlsx: 会议!C2, field '日期': 42009 is a plain number, not a date; type the date like 2015-03-02
bad.xlsx: 道路!B3, field '终点': 'yi' is not the office nor any unit's node, and no other road reaches it
bad.xlsx: unknown sheet '备注'; a roster workbook has the sheets 基本信息, 村居, 村组, 干部, 协助人员, 外出, 会议, 节假日, 调休上班, 道路, 说明
"
    );
}

#[test]
fn every_problem_is_named_by_sheet_and_cell_in_chinese() {
    let p = workbook::load_bytes(&bad(), "bad.xlsx").unwrap_err();
    assert_eq!(
        p.render(Lang::Zh),
        "\
bad.xlsx: 基本信息!A10，字段“不驻本人所在村”：没有这个项目（是不是“不驻本人所在村居”？）
bad.xlsx: 基本信息!B11，字段“均衡权重”：“高”不是数字
bad.xlsx: 村居!C1，字段“户树”：没有这个列标题（是不是“户数”？）
bad.xlsx: 村居!D2，字段“人口”：“一千”不是数字
bad.xlsx: 村居!A3 'zhang'：团队第 2 个位置须由本村（社区）的村党组织书记担任，但协助人员中没有本村（社区）的此类人员：请在协助人员中增加一名，所属村居填本村（社区）
bad.xlsx: 村居!D3，字段“人口”：2300.5 不是整数
bad.xlsx: 村居!E3，字段“类型”：“社去”不在可选值“村”、“社区”、“重点企业”、“产业社区”之中（是不是“社区”？）
bad.xlsx: 村居，字段“户数”：缺少这一必填列
bad.xlsx: 村组!A2，字段“村居编号”：“丙村”不是工作表“村居”中任何村居的名称或编号（是不是“乙村”？）
bad.xlsx: 干部!A2 'zhang'，字段“编号”：编号“zhang”已被村居!A3使用；每个村（社区）、干部和协助人员的编号都不能重复
bad.xlsx: 协助人员!D4，字段“所属村居”：“yi”不是工作表“村居”中任何村居的名称或编号
bad.xlsx: 会议!C2，字段“日期”：42009 是普通数字而不是日期；请按 2015-03-02 的格式填写
bad.xlsx: 道路!B3，字段“终点”：“yi”既不是镇政府，也不是任何村（社区）的路网节点，且没有别的道路连到这里
bad.xlsx：不认识工作表“备注”；名册工作簿的工作表为 基本信息、村居、村组、干部、协助人员、外出、会议、节假日、调休上班、道路、说明
"
    );
}

#[test]
fn validate_reads_a_workbook_and_exits_2_on_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let bad_path = dir.path().join("bad.xlsx");
    std::fs::write(&bad_path, bad()).unwrap();
    let (code, _, err) = zhudian(&["validate", bad_path.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("村居!D2"), "{err}");
    let good_path = dir.path().join("good.xlsx");
    std::fs::write(&good_path, good()).unwrap();
    let (code, out, err) = zhudian(&["validate", good_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("试点镇"), "{out}");
    assert!(roster::load(&good_path).is_ok());
}

fn worse() -> Vec<u8> {
    book(&[
        (
            "基本信息",
            vec![
                vec![T("项目"), T("值")],
                vec![T("镇街名称"), T("试点镇")],
                vec![T("镇街名称"), T("又一镇")],
                vec![T("不驻本人所在村居"), T("也许")],
                vec![T("驻点开始时间"), N(25.0)],
                // The heading before 村居: old workbooks still read.
                vec![T("每名领导最多联系单位数"), N(2.0)],
            ],
        ),
        (
            "村居",
            vec![
                vec![T("编号"), T("名称"), T("户数"), T("户数")],
                vec![T("jia"), D(2015, 3, 1), N(100.0), N(100.0)],
            ],
        ),
        (
            "外出",
            vec![
                vec![T("人员编号"), T("开始日期"), T("结束日期")],
                vec![T("nobody"), T("2015-03-01"), T("2015-03-02")],
            ],
        ),
    ])
}

#[test]
fn sheets_headings_items_and_cells_a_reader_cannot_take_are_each_reported() {
    let p = workbook::load_bytes(&worse(), "w.xlsx").unwrap_err();
    assert_eq!(
        p.render(Lang::En),
        "\
w.xlsx: 基本信息!A3, field '镇街名称': this item is already given in 基本信息!A2
w.xlsx: 基本信息!B4, field '不驻本人所在村居': '也许' is neither 是 (yes) nor 否 (no)
w.xlsx: 基本信息!B5, field '驻点开始时间': 25 is a plain number, not a time; type the time like 15:00
w.xlsx: 基本信息!B6, field '每名领导最少联系村居数': this field is required but missing
w.xlsx: 基本信息, field '团队位置': team slot 1 (department_head) is needed by 1 unit, but the helpers who may fill it can take only 0 teams between them: raise some max_teams, or add helpers
w.xlsx: 基本信息, field '规划年度': this field is required but missing
w.xlsx: 基本信息, field '镇政府路网节点': this field is required but missing
w.xlsx: 基本信息, field '驻点星期': this field is required but missing
w.xlsx: 基本信息, field '驻点结束时间': this field is required but missing
w.xlsx: 村居!D1, field '户数': this column heading is already used in 村居!C1
w.xlsx: 村居!A2 'jia': team slot 2 takes the unit's own party_secretary, but this unit has none among the helpers: add one, with this unit as theirs
w.xlsx: 村居!B2, field '名称': the spreadsheet has turned this cell into a date (2015-03-01); format the cell as text and type it again
w.xlsx: 干部: this sheet is missing
w.xlsx: 外出!A2, field '人员编号': 'nobody' is neither the name nor the id of anyone in the sheets 干部 and 协助人员
"
    );
    assert_eq!(
        p.render(Lang::Zh),
        "\
w.xlsx: 基本信息!A3，字段“镇街名称”：这个项目已在 基本信息!A2 填写过
w.xlsx: 基本信息!B4，字段“不驻本人所在村居”：“也许”应填“是”或“否”
w.xlsx: 基本信息!B5，字段“驻点开始时间”：25 是普通数字而不是时刻；请按 15:00 的格式填写
w.xlsx: 基本信息!B6，字段“每名领导最少联系村居数”：缺少这个必填项
w.xlsx: 基本信息，字段“团队位置”：团队第 1 个位置（职能部门负责人）共有 1 个村（社区）需要，但可担任的协助人员合计只能参加 0 个团队：请提高部分人员的最多参加团队数（max_teams），或增加人员
w.xlsx: 基本信息，字段“规划年度”：缺少这个必填项
w.xlsx: 基本信息，字段“镇政府路网节点”：缺少这个必填项
w.xlsx: 基本信息，字段“驻点星期”：缺少这个必填项
w.xlsx: 基本信息，字段“驻点结束时间”：缺少这个必填项
w.xlsx: 村居!D1，字段“户数”：这个列标题已在 村居!C1 出现过
w.xlsx: 村居!A2 'jia'：团队第 2 个位置须由本村（社区）的村党组织书记担任，但协助人员中没有本村（社区）的此类人员：请在协助人员中增加一名，所属村居填本村（社区）
w.xlsx: 村居!B2，字段“名称”：表格软件已把这个单元格变成了日期（2015-03-01）；请将单元格设为文本格式后重新输入
w.xlsx: 干部：缺少这个工作表
w.xlsx: 外出!A2，字段“人员编号”：“nobody”不是工作表“干部”“协助人员”中任何人的姓名或编号
"
    );
}

#[test]
fn a_file_that_is_no_workbook_is_said_so() {
    let p = workbook::load_bytes(b"PK not really", "x.xlsx").unwrap_err();
    let en = p.render(Lang::En);
    assert!(
        en.starts_with("x.xlsx: cannot read this as an Excel workbook (.xlsx): "),
        "{en}"
    );
    let zh = p.render(Lang::Zh);
    assert!(
        zh.starts_with("x.xlsx：无法作为 Excel 工作簿（.xlsx）读取："),
        "{zh}"
    );
}

#[test]
fn every_command_that_reads_a_roster_reads_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let d = |f: &str| dir.path().join(f).display().to_string();
    let x = "instances/beijiao-example.xlsx";
    let (code, _, err) = zhudian(&["plan", x, "-o", &d("p.toml")]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = zhudian(&["check", x, &d("p.toml")]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = zhudian(&["calendar", &d("p.toml"), "--csv", &d("s.csv")]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = zhudian(&["replan", x, "--previous", &d("p.toml"), "-o", &d("q.toml")]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = zhudian(&["whatif", x, "instances/whatif/beijiao.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    // What-if on the workbook compares like on its twin.
    let (_, twin, _) = zhudian(&[
        "whatif",
        "instances/beijiao-example.toml",
        "instances/whatif/beijiao.toml",
    ]);
    let strip = |s: &str| {
        s.replace("instances/beijiao-example.xlsx", "R")
            .replace("instances/beijiao-example.toml", "R")
    };
    assert_eq!(strip(&out), strip(&twin));
}

/// `good()` with a unit's hamlets typed inline and a swapped working day.
fn with_hamlets_and_workday(inline: &'static str, hamlet_rows: bool) -> Vec<u8> {
    let mut sheets = vec![
        basics(),
        (
            "村居",
            vec![
                vec![T("编号"), T("名称"), T("户数"), T("村民小组")],
                vec![T("jia"), T("甲村"), N(188.0), T(inline)],
                vec![T("yi"), T("乙村"), N(640.0), T("")],
            ],
        ),
        (
            "调休上班",
            vec![
                vec![T("名称"), T("日期")],
                vec![T("镇运动会调休"), D(2015, 3, 14)],
            ],
        ),
    ];
    if hamlet_rows {
        sheets.push((
            "村组",
            vec![
                vec![T("村居编号"), T("村民小组"), T("户数")],
                vec![T("甲村"), T("一队"), N(188.0)],
            ],
        ));
    }
    sheets.extend(people());
    book(&sheets)
}

#[test]
fn hamlets_typed_beside_the_unit_and_swapped_working_days_are_read() {
    let bytes = with_hamlets_and_workday("一组 45、二组：60户；三组（75户）,四组(8)", false);
    let r = workbook::load_bytes(&bytes, "试点.xlsx")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::En)));
    let h: Vec<(String, u32)> = r.units[0]
        .hamlets
        .iter()
        .map(|h| (h.name.clone(), h.households))
        .collect();
    assert_eq!(
        h,
        [
            ("一组".to_string(), 45),
            ("二组".to_string(), 60),
            ("三组".to_string(), 75),
            ("四组".to_string(), 8)
        ]
    );
    assert!(r.units[1].hamlets.is_empty());
    assert_eq!(r.workdays.len(), 1);
    assert_eq!(r.workdays[0].from.to_string(), "2015-03-14");
    assert_eq!(r.workdays[0].why, "镇运动会调休");
    // Written back, the workday keeps its sheet and the hamlets go to 村组:
    // reading that again gives the same roster.
    let again = workbook::write::roster_workbook(Some(&r), Lang::Zh).unwrap();
    let back = workbook::load_bytes(&again, "back.xlsx").unwrap();
    let days = |r: &zhudian::model::Roster| {
        r.workdays
            .iter()
            .map(|p| (p.from, p.to, p.why.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(days(&back), days(&r));
    let hamlets = |r: &zhudian::model::Roster| {
        r.units[0]
            .hamlets
            .iter()
            .map(|h| (h.name.clone(), h.households))
            .collect::<Vec<_>>()
    };
    assert_eq!(hamlets(&back), hamlets(&r));
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(again)).unwrap();
    let rows = wb.worksheet_range("村组").unwrap().rows().count();
    assert_eq!(rows, 5, "a heading and four hamlets in 村组");
}

#[test]
fn a_hamlet_without_households_or_given_twice_is_named_at_its_cell() {
    let p = workbook::load_bytes(&with_hamlets_and_workday("一组 45、二组", false), "h.xlsx")
        .unwrap_err();
    assert_eq!(
        p.render(Lang::En),
        "h.xlsx: 村居!D2, field '村民小组': '二组' is not a hamlet with its households; \
write each as name and households, like 一组 45、二组 60\n"
    );
    assert_eq!(
        p.render(Lang::Zh),
        "h.xlsx: 村居!D2，字段“村民小组”：“二组”不是“村民小组 户数”的写法；请写成 一组 45、二组 60 这样\n"
    );
    let p = workbook::load_bytes(&with_hamlets_and_workday("一组 45", true), "h.xlsx").unwrap_err();
    assert_eq!(
        p.render(Lang::Zh),
        "h.xlsx: 村居!D2，字段“村民小组”：这个村居的村民小组既写在这里，又列在工作表“村组”中；请只保留一处\n"
    );
}

#[test]
fn a_workbook_township_in_a_city_inherits_what_its_sheets_leave_out() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("shidian.xlsx");
    std::fs::write(&xlsx, good()).unwrap();
    let alone = roster::load_in_city(&xlsx, None).unwrap().remove(0);
    assert_eq!(alone.policy.households_per_visit_session, 15);
    std::fs::write(
        dir.path().join("city.toml"),
        "[city]\nname = \"试点市\"\n\n[policy]\nhouseholds_per_visit_session = 25\n",
    )
    .unwrap();
    let city = roster::city::read(dir.path()).unwrap().unwrap();
    let inherited = roster::load_in_city(&xlsx, Some(&city)).unwrap().remove(0);
    assert_eq!(inherited.policy.households_per_visit_session, 25);
    // The plan's roster hash follows city.toml as it does for a TOML township.
    assert_ne!(inherited.sha256, alone.sha256);
}

/// `good()` with its unit-count headings and team mark spelt as `old` or
/// as this version spells them.
fn headed(old: bool) -> Vec<u8> {
    let (min, max, cmin, cmax, mark) = if old {
        (
            "每名领导最少联系单位数",
            "每名领导最多联系单位数",
            "最少联系单位数",
            "最多联系单位数",
            "村党组织书记（本单位）",
        )
    } else {
        (
            "每名领导最少联系村居数",
            "每名领导最多联系村居数",
            "最少联系村居数",
            "最多联系村居数",
            "村党组织书记（本村居）",
        )
    };
    let mut sheets = good_sheets();
    let basics = &mut sheets[0].1;
    basics.retain(|r| !matches!(&r[0], T(s) if s.contains("联系")));
    basics.push(vec![T(min), N(1.0)]);
    basics.push(vec![T(max), N(2.0)]);
    basics.push(vec![T("团队位置"), T("职能部门负责人")]);
    basics.push(vec![T("团队位置"), T(mark)]);
    let cadres = sheets.iter_mut().find(|s| s.0 == "干部").unwrap();
    cadres.1[0].extend([T(cmin), T(cmax)]);
    cadres.1[1].extend([N(1.0), N(2.0)]);
    book(&sheets)
}

#[test]
fn workbooks_headed_with_the_old_word_for_a_unit_read_as_before() {
    let new = workbook::to_toml(&headed(false), "w.xlsx")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
        .0;
    let old = workbook::to_toml(&headed(true), "w.xlsx")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
        .0;
    assert_eq!(old, new);
    assert!(new.contains("units_per_leader = [1, 2]"), "{new}");
    assert!(new.contains("units = [1, 2]"), "{new}");
    assert!(new.contains("from_unit = true"), "{new}");
}

/// `good_sheets` with the station window and a meeting's times written as
/// planners write them, the meeting's start being `meeting_start`.
fn times_in_words(meeting_start: &'static str) -> Vec<u8> {
    let mut sheets = good_sheets();
    for row in &mut sheets[0].1 {
        match row[0] {
            T("驻点开始时间") => row[1] = T("下午3:00"),
            T("驻点结束时间") => row[1] = T("18时30分"),
            _ => {}
        }
    }
    sheets.push((
        "会议",
        vec![
            vec![
                T("会议名称"),
                T("参会人员"),
                T("日期"),
                T("开始时间"),
                T("结束时间"),
            ],
            vec![
                T("党委会"),
                T("张三"),
                T("2015-03-02"),
                T(meeting_start),
                T("11点半"),
            ],
        ],
    ));
    book(&sheets)
}

/// A trial typed 上午9:00 and 下午2:30 in a workbook and got a generic
/// time message: 上午/下午 and 点/时/分 now read as meant, and what still
/// cannot be read is named at its cell with the forms taken.
#[test]
fn times_written_with_shangwu_xiawu_and_dian_read_as_meant() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("w.xlsx");
    std::fs::write(&book, times_in_words("上午9:00")).unwrap();
    let toml = dir.path().join("w.toml");
    let (code, _, err) = zhudian(&["convert", book.to_str().unwrap(), toml.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&toml).unwrap();
    for line in [
        "start = \"15:00\"",
        "end = \"18:30\"",
        "start = \"09:00\"",
        "end = \"11:30\"",
    ] {
        assert!(text.lines().any(|l| l.starts_with(line)), "{line}\n{text}");
    }
    // A time that reads but whose 上午/下午 contradicts its hour is said so;
    // one that does not read names the forms taken.
    for (start, en, zh) in [
        (
            "上午13:00",
            "'上午13:00' contradicts itself: 13:00 is in the afternoon; write 13:00 or 下午1:00",
            "“上午13:00”前后矛盾：13点是下午，请写 13:00 或 下午1:00",
        ),
        (
            "早上20点半",
            "'早上20点半' contradicts itself: 20:00 is in the evening; write 20:30 or 晚上8:30",
            "“早上20点半”前后矛盾：20点是晚上，请写 20:30 或 晚上8:30",
        ),
        (
            "下午0:30",
            "'下午0:30' contradicts itself: hour 0 is midnight; write 0:30, or 12:30 for the noon hour",
            "“下午0:30”前后矛盾：0点是半夜，请写 0:30；如指中午，请写 12:30",
        ),
        (
            "九点",
            "'九点' is not a time of day; type it like 15:00, 下午3:00 or 15点30分",
            "“九点”不是时刻；请按 15:00、下午3:00 或 15点30分 的格式填写",
        ),
    ] {
        std::fs::write(&book, times_in_words(start)).unwrap();
        let b = book.to_str().unwrap();
        let (code, _, err) = zhudian(&["validate", b]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("{b}: 会议!D2, field '开始时间': {en}\n")),
            "{err}"
        );
        let (code, _, err) = zhudian(&["--lang", "zh", "validate", b]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("{b}: 会议!D2，字段“开始时间”：{zh}\n")),
            "{err}"
        );
    }
}
