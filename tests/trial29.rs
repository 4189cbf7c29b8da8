//! What a sub-district planner at 桂城街道 tripped over in the Chinese
//! trial of stop 29, each checked through the binary word for word in both
//! languages with its exit code: merged cells in a roster workbook, clap's
//! refusals under `--lang zh`, 街道办 for a 街道, dates without a year, and
//! the workbook's words for a meeting's groups.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

const MERGED: &str = "tests/fixtures/trial29/merged.xlsx";

/// 村居!C8:C10 (类型) and 协助人员!C2:C4 (角色) merged: refused at the
/// range, and the blanks the merge left are not reported again.
#[test]
fn merged_cells_in_a_table_are_refused_at_their_range() {
    let (code, out, err) = zhudian(&["--lang", "zh", "validate", MERGED]);
    assert_eq!(code, 2, "{out}{err}");
    let said = format!("{out}{err}");
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{MERGED}: 村居!C8:C10，字段“类型”：这几格是合并单元格：合并后只有第一格有内容，\
                 其余各行会当作空白；请取消合并，每一行都填上"
            )
            .as_str(),
            format!(
                "{MERGED}: 协助人员!C2:C4，字段“角色”：这几格是合并单元格：合并后只有第一格有内容，\
                 其余各行会当作空白；请取消合并，每一行都填上"
            )
            .as_str(),
            "共 2 个问题：名册无效。",
        ]
    );
    let (code, out, err) = zhudian(&["validate", MERGED]);
    assert_eq!(code, 2, "{out}{err}");
    let said = format!("{out}{err}");
    assert_eq!(
        said.lines().collect::<Vec<_>>(),
        [
            format!(
                "{MERGED}: 村居!C8:C10, field '类型': these cells are merged: only the first \
                 holds the value and the other rows read as blank; unmerge them and fill in \
                 every row"
            )
            .as_str(),
            format!(
                "{MERGED}: 协助人员!C2:C4, field '角色': these cells are merged: only the first \
                 holds the value and the other rows read as blank; unmerge them and fill in \
                 every row"
            )
            .as_str(),
            "2 problems: the roster is not valid.",
        ]
    );
    // `plan` refuses it the same way, before planning anything.
    let (code, _, err) = zhudian(&["plan", MERGED, "-o", "/nonexistent/plan.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("村居!C8:C10, field '类型': these cells are merged"), "{err}");
}
