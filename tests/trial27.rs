//! What a Chinese planner's trial found in a roster workbook's messages:
//! roads written between units by name (塘尾村) join those units' nodes,
//! a mistyped road end is told the unit it is close to, and a helper's
//! mistyped 所属村居 is said once, at the helper, not again as a unit
//! lacking its own helper. Word for word in both languages.

use rust_xlsxwriter::Workbook;
use zhudian::wording::Lang;
use zhudian::workbook;

/// A sheet's rows, the heading first; "" leaves a cell empty.
type Sheet = (&'static str, Vec<Vec<&'static str>>);

fn book(sheets: &[Sheet]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// 河口镇 as the trial wrote it, four units, with the roads and the party
/// secretaries' 所属村居 given.
fn hekou(roads: &[[&'static str; 3]], lt_secretary: &'static str) -> Vec<u8> {
    let mut road_rows = vec![vec!["起点", "终点", "分钟"]];
    road_rows.extend(roads.iter().map(|r| r.to_vec()));
    book(&[
        (
            "基本信息",
            vec![
                vec!["项目", "值"],
                vec!["镇街名称", "河口镇"],
                vec!["镇政府路网节点", "office"],
                vec!["规划年度", "2026"],
                vec!["驻点星期", "周二"],
                vec!["驻点开始时间", "15:00"],
                vec!["驻点结束时间", "18:30"],
            ],
        ),
        (
            "村居",
            vec![
                vec!["编号", "名称", "类型", "户数", "路网节点"],
                vec!["hk", "河口社区", "社区", "1480", ""],
                vec!["tw", "塘尾村", "村", "410", ""],
                vec!["lw", "龙湾村", "村", "530", ""],
                vec!["lt", "莲塘村", "村", "560", "莲塘路口"],
            ],
        ),
        (
            "干部",
            vec![
                vec!["编号", "姓名", "职务"],
                vec!["C01", "陈志明", "党委书记"],
                vec!["C02", "黄丽娟", "镇长"],
            ],
        ),
        (
            "协助人员",
            vec![
                vec!["编号", "姓名", "角色", "所属村居", "最多参加团队数"],
                vec!["H01", "冯锦华", "部门负责人", "", "2"],
                vec!["H02", "潘美玲", "部门负责人", "", "2"],
                vec!["H11", "张桂芳", "社区书记", "河口社区", ""],
                vec!["H14", "钟文辉", "村支书", "塘尾村", ""],
                vec!["H15", "赖志坚", "村支书", "龙湾村", ""],
                vec!["H20", "蔡惠玲", "村支书", lt_secretary, ""],
            ],
        ),
        ("道路", road_rows),
    ])
}

/// Every road by the units' and the office's names, 龙湾村 reached only
/// through 塘尾村 (the trial's roads among units).
const BY_NAME: [[&str; 3]; 4] = [
    ["镇政府", "河口社区", "3"],
    ["河口镇政府", "塘尾村", "18"],
    ["塘尾村", "龙湾村", "8"],
    ["镇政府", "莲塘村", "25"],
];

#[test]
fn road_ends_written_as_unit_names_join_those_units() {
    let r = workbook::load_bytes(&hekou(&BY_NAME, "莲塘村"), "河口镇名册.xlsx")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::Zh)));
    let ends: Vec<(&str, &str)> = r
        .roads
        .iter()
        .map(|road| (road.from.as_str(), road.to.as_str()))
        .collect();
    // 莲塘村's 路网节点 says where it is on the roads.
    assert_eq!(
        ends,
        [
            ("office", "hk"),
            ("office", "tw"),
            ("tw", "lw"),
            ("office", "莲塘路口")
        ]
    );
    let lw = r.unit_index("lw").unwrap();
    assert_eq!(r.travel.office_to_unit[lw], Some(26.0));

    // A junction two roads share stays a junction.
    let mut junction = BY_NAME.to_vec();
    junction[2] = ["塘尾村", "三岔口", "5"];
    junction.push(["三岔口", "龙湾村", "3"]);
    let r = workbook::load_bytes(&hekou(&junction, "莲塘村"), "河口镇名册.xlsx")
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::Zh)));
    assert_eq!(r.travel.office_to_unit[lw], Some(26.0));
    assert!(r.roads.iter().any(|road| road.to == "三岔口"));
}

#[test]
fn a_road_end_close_to_a_unit_name_is_told_that_name() {
    let mut typo = BY_NAME.to_vec();
    typo[2] = ["塘尾村", "龙弯村", "8"];
    let p = workbook::load_bytes(&hekou(&typo, "莲塘村"), "河口镇名册.xlsx").unwrap_err();
    assert_eq!(
        p.render(Lang::Zh),
        "河口镇名册.xlsx: 道路!B4，字段“终点”：“龙弯村”既不是镇政府，也不是任何村（社区）的路网节点，且没有别的道路连到这里（是不是“龙湾村”？）\n"
    );
    assert_eq!(
        p.render(Lang::En),
        "河口镇名册.xlsx: 道路!B4, field '终点': '龙弯村' is not the office nor any unit's node, and no other road reaches it (did you mean '龙湾村'?)\n"
    );
}

#[test]
fn a_mistyped_helper_unit_is_said_once_at_the_helper() {
    let p = workbook::load_bytes(&hekou(&BY_NAME, "连塘村"), "河口镇名册.xlsx").unwrap_err();
    // Not "村居!A5 莲塘村（lt）：…请在协助人员中增加一名": the typo is the fix.
    assert_eq!(
        p.render(Lang::Zh),
        "河口镇名册.xlsx: 协助人员!D7，字段“所属村居”：“连塘村”不是工作表“村居”中任何村居的名称或编号（是不是“莲塘村”？）\n"
    );
    assert_eq!(
        p.render(Lang::En),
        "河口镇名册.xlsx: 协助人员!D7, field '所属村居': '连塘村' is neither the name nor the id of a unit in the sheet 村居 (did you mean '莲塘村'?)\n"
    );
    // A unit with no party secretary at all is still told to add one.
    let none = workbook::load_bytes(&hekou(&BY_NAME, ""), "河口镇名册.xlsx").unwrap_err();
    assert_eq!(
        none.render(Lang::Zh),
        "河口镇名册.xlsx: 村居!A5 'lt'：团队第 2 个位置须由本村（社区）的村党组织书记担任，但协助人员中没有本村（社区）的此类人员：请在协助人员中增加一名，所属村居填本村（社区）；所属村居未填的村党组织书记：蔡惠玲（最多参加团队数 1）\n"
    );
}
