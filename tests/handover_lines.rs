//! `check` holds the plan's handover lines (`[[handover]]`) to its teams:
//! a unit handed over but not listed, a unit listed but not handed over,
//! and a line the roster has no `succeeds` for are each named, in the
//! planner's words; the lines every plan writes pass.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::tmp;

/// `check ROSTER PLAN` in `lang` after `edit` to the plan's text: exit code
/// and the violation lines (those naming the handover lines).
fn checked(
    roster: &str,
    plan: &str,
    edit: impl Fn(&str) -> String,
    lang: &str,
) -> (i32, Vec<String>) {
    let dir = std::path::Path::new(plan).parent().unwrap();
    let edited = tmp(dir, &format!("edited-{lang}.toml"));
    std::fs::write(&edited, edit(&std::fs::read_to_string(plan).unwrap())).unwrap();
    let (c, out, err) = zhudian(&["--lang", lang, "check", roster, &edited]);
    let lines = out
        .lines()
        .chain(err.lines())
        .filter(|l| l.starts_with("the handover lines") || l.starts_with("交接记录"))
        .map(str::to_string)
        .collect();
    (c, lines)
}

const LINE: &str = "[[handover]]\nfrom = \"peng-jl\"\nto = \"lin-xy\"\ndate = \"2015-07-01\"\nunits = [\"changzhou\", \"futang\"]\n";

#[test]
fn the_handover_lines_a_plan_writes_pass() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, plan) = year_fixtures::july_succession_planned(dir.path());
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains(LINE), "the fixture's line changed:\n{text}");
    let (c, lines) = checked(&roster, &plan, str::to_string, "en");
    assert_eq!((c, lines), (0, vec![]));
}

#[test]
fn a_unit_handed_over_but_not_listed_and_one_listed_wrongly_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, plan) = year_fixtures::july_succession_planned(dir.path());
    let swap = |t: &str| {
        t.replace(
            LINE,
            &LINE.replace("[\"changzhou\", \"futang\"]", "[\"changzhou\", \"gaoli\"]"),
        )
    };
    let (c, en) = checked(&roster, &plan, swap, "en");
    assert_eq!(c, 1);
    assert_eq!(
        en,
        [
            "the handover lines: 富塘村（futang）, 彭坚丽（peng-jl）, 2015-07-01: hands this unit over to 林晓阳 on this day, and the plan's handover lines ([[handover]]) do not list it",
            "the handover lines: 高沥村（gaoli）, 彭坚丽（peng-jl）, 2015-07-01: the plan's handover lines ([[handover]]) list this unit as handed over to 林晓阳 on this day, but the teams show no such change",
        ]
    );
    let (_, zh) = checked(&roster, &plan, swap, "zh");
    assert_eq!(
        zh,
        [
            "交接记录：富塘村，彭坚丽，2015年7月1日：当日把本村（社区）的联系工作交给林晓阳，但方案的交接记录（[[handover]]）没有列出",
            "交接记录：高沥村，彭坚丽，2015年7月1日：方案的交接记录（[[handover]]）写明当日把本村（社区）的联系工作交给林晓阳，但前后团队并无此交接",
        ]
    );
}

#[test]
fn a_handover_line_the_roster_does_not_have_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, plan) = year_fixtures::july_succession_planned(dir.path());
    let extra = |t: &str| {
        t.replace(
            LINE,
            &format!(
                "{}\n{LINE}",
                LINE.replace("2015-07-01", "2015-08-01")
                    .replace("[\"changzhou\", \"futang\"]", "[]")
            ),
        )
    };
    let (c, en) = checked(&roster, &plan, extra, "en");
    assert_eq!(c, 1);
    assert_eq!(
        en,
        [
            "the handover lines: 彭坚丽（peng-jl）, 2015-08-01: the plan's handover lines ([[handover]]) list a handover to 林晓阳 on this day that the roster does not have"
        ]
    );
    let (_, zh) = checked(&roster, &plan, extra, "zh");
    assert_eq!(
        zh,
        [
            "交接记录：彭坚丽，2015年8月1日：方案的交接记录（[[handover]]）列有当日交给林晓阳的一条，但名册中没有这一接任"
        ]
    );
}

#[test]
fn each_handover_of_a_chain_lists_the_units_it_hands_over() {
    // 彭坚丽 → 林晓阳 on 1 July, 林晓阳 → 何夏 on 1 September, one roster.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(year_fixtures::GAOZHOU).unwrap();
    let july = year_fixtures::with_successor(
        &text,
        "peng-jl",
        "2015-07-01",
        ("lin-xy", "林晓阳"),
        "peng-jl",
    );
    let both =
        year_fixtures::with_successor(&july, "lin-xy", "2015-09-01", ("he-x", "何夏"), "lin-xy");
    let roster = tmp(dir.path(), "chain.toml");
    std::fs::write(&roster, both).unwrap();
    let plan = year_fixtures::plan(&roster, dir.path(), "plan.toml");
    let lines = year_fixtures::read_plan(&plan).handover;
    let units = |from: &str| {
        lines
            .iter()
            .find(|l| l.from == from)
            .map(|l| l.units.clone())
            .unwrap_or_default()
    };
    // The first link used to list none: it compared with the year's end,
    // where 何夏 holds the post.
    assert_eq!(units("peng-jl"), ["changzhou", "futang"]);
    assert_eq!(units("lin-xy"), ["changzhou", "futang"]);
    let (c, lines) = checked(&roster, &plan, str::to_string, "en");
    assert_eq!((c, lines), (0, vec![]));
}
