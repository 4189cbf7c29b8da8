//! The words of `city-summary.csv`, the city's figures sent upward: its
//! column headers and the labels of the subtotal and total rows.

use super::Lang;
use super::calendar::role;
use super::warnings::kind_label;
use crate::model::Role;
use crate::roster::across::Tie;

/// The columns: district, township, leaders (in force at the year's end),
/// those who left or handed over during the year, shared leaders who lead
/// no unit there, units, helpers by role,
/// cost, gap, largest deviation, the sessions (those without a township
/// member, of them those made up later) and make-ups, household visit sessions, and
/// one column per warning kind. `city` the office's name (a county's
/// groups are 片区, not 区), empty when none.
pub fn header(warning_kinds: &[String], city: &str, lang: Lang) -> Vec<String> {
    let en = lang == Lang::En;
    let pick = |e: &str, z: &str| if en { e.to_string() } else { z.to_string() };
    let mut h = vec![
        super::city::district_word(city, lang).to_string(),
        pick("township", "镇街"),
        pick("leaders at the year's end", "驻点领导（年底在任）"),
        pick(
            "leaders who left or handed over in the year",
            "另有年内离任或交接",
        ),
        pick(
            "shared leaders leading no unit here",
            "另有共用领导在本镇街不联系村居",
        ),
        pick("units", "联系村居"),
    ];
    for r in Role::ALL {
        h.push(if en {
            format!("helpers: {}", role(r, lang))
        } else {
            format!("{}（人）", role(r, lang))
        });
    }
    h.extend([
        pick("cost", "方案得分"),
        pick("gap (%)", "与理论最好的差距（%）"),
        pick("largest deviation (%)", "最大工作量偏差（%）"),
        pick("station sessions", "驻点接待"),
        pick("sessions without a township member", "缺少镇级人员的接待"),
        pick("of them made up later", "其中已补接待"),
        pick("make-ups", "补接待"),
        pick("household visit sessions", "入户走访次数"),
    ]);
    for k in warning_kinds {
        h.push(if en {
            format!("warnings: {}", kind_label(k, lang))
        } else {
            format!("提醒：{}", kind_label(k, lang))
        });
    }
    h
}

/// The label of a district's subtotal row.
pub fn subtotal(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "subtotal",
        Lang::Zh => "小计",
    }
}

/// The label of the city's total row.
pub fn total(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "total",
        Lang::Zh => "合计",
    }
}

/// A sum's label, with how many townships it covers where some have no
/// plan: "合计（6 个镇街中已编排的 5 个）" / "total (5 of 6 townships
/// planned)".
pub fn sum_label(label: &str, (planned, all): (usize, usize), lang: Lang) -> String {
    if planned == all {
        return label.to_string();
    }
    match lang {
        Lang::En => format!("{label} ({planned} of {all} townships planned)"),
        Lang::Zh => format!("{label}（{all} 个镇街中已编排的 {planned} 个）"),
    }
}

/// The cell that marks a township with no plan, and why in short:
/// "未能编排：名册有误" / "not planned: the roster has errors".
pub fn not_planned(why: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("not planned: {why}"),
        Lang::Zh => format!("未能编排：{why}"),
    }
}

/// Why a township has no plan, in short, when its roster cannot be read.
pub fn roster_has_errors(problems: usize, lang: Lang) -> String {
    match (lang, problems) {
        (Lang::En, 1) => "the roster has an error".into(),
        (Lang::En, n) => format!("the roster has {n} errors"),
        (Lang::Zh, n) => format!("名册有 {n} 个问题"),
    }
}

/// Why a township has no plan, in short, when the run gave no reason.
pub fn no_plan(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no plan in the folder",
        Lang::Zh => "文件夹中没有其方案",
    }
}

/// What the figures are called, in the office's own word: 全市汇总表 for a
/// city (or one with no name), 云岭县汇总表 for a county; City figures /
/// 云岭县 figures.
pub fn figures_name(city: &str, lang: Lang) -> String {
    match (super::city::whole(city, lang), lang) {
        (w, Lang::En) if w == "the city" => "City figures".into(),
        (w, Lang::En) => format!("{w} figures"),
        (w, Lang::Zh) if w == "全市" => "全市汇总表".into(),
        (w, Lang::Zh) => format!("{w}汇总表"),
    }
}

/// The line after a city run whose figures leave some townships out: the
/// file, the townships marked not planned and what the total covers.
pub fn written_partial(
    path: &str,
    city: &str,
    missing: &[String],
    all: usize,
    lang: Lang,
) -> String {
    let planned = all - missing.len();
    let name = figures_name(city, lang);
    match lang {
        Lang::En => format!(
            "{name}: {path} ({} marked not planned; the total covers {planned} of {all} townships)",
            super::list(missing, lang)
        ),
        Lang::Zh => format!(
            "{name}：{path}（{}列为“未能编排”，合计只含 {all} 个镇街中已编排的 {planned} 个）",
            missing.join("、")
        ),
    }
}

/// The line after a city run that wrote its figures.
pub fn written(path: &str, city: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}: {path}", figures_name(city, lang)),
        Lang::Zh => format!("{}：{path}", figures_name(city, lang)),
    }
}

/// A city run that could not read every township leaves city-summary.csv
/// as it was (or writes none), rather than a summary short of them.
pub fn left_as_it_was(path: &str, existed: bool, city: &str, lang: Lang) -> String {
    let name = figures_name(city, lang);
    match (lang, existed) {
        (Lang::En, true) => format!(
            "{name} left as they were at {path}: not every township could be read, and a partial summary would drop them"
        ),
        (Lang::En, false) => format!(
            "{name} not written to {path}: not every township could be read, and a partial summary would drop them"
        ),
        (Lang::Zh, true) => {
            format!("{name} {path} 保持原样：有镇街未能读取，不写入缺少镇街的汇总")
        }
        (Lang::Zh, false) => {
            format!("未写出{name} {path}：有镇街未能读取，不写入缺少镇街的汇总")
        }
    }
}

/// The city's figures could not be written.
pub fn cannot_write(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("cannot write the city figures to {path}: {detail}"),
        Lang::Zh => format!("无法写入全市汇总表 {path}：{detail}"),
    }
}

/// The columns of `zhudian people --csv`: one row per person.
pub fn people_header(lang: Lang) -> Vec<String> {
    let h: [&str; 11] = match lang {
        Lang::En => [
            "township",
            "district",
            "person",
            "role",
            "units",
            "station sessions",
            "make-ups",
            "household visit sessions",
            "share of working days (%)",
            "shared / transferred",
            "in post",
        ],
        Lang::Zh => [
            "镇街",
            "区",
            "姓名",
            "身份",
            "联系村居",
            "驻点接待",
            "补接待",
            "入户走访次数",
            "占工作日（%）",
            "跨镇街（共用/调动）",
            "在岗",
        ],
    };
    h.iter().map(|s| s.to_string()).collect()
}

/// The line after `people` wrote its file: how many people (each once),
/// in how many rows (a shared or transferred person has one per township),
/// where.
pub fn people_written(count: usize, rows: usize, path: &str, lang: Lang) -> String {
    match (lang, rows == count) {
        (Lang::En, true) => format!("{}: {path}", super::counted(count, "person", "people")),
        (Lang::En, false) => format!(
            "{count} people in {rows} rows (a shared or transferred person has a row in each township): {path}"
        ),
        (Lang::Zh, true) => format!("共{count}人：{path}"),
        (Lang::Zh, false) => {
            format!("共{count}人，{rows}行（多镇街共用或调动的人员每个镇街各一行）：{path}")
        }
    }
}

/// A person's ties to the city's other townships, for the people CSV:
/// "shared with 六都镇", "transferred from 高涌镇 on 2015-07-01".
pub fn ties(ties: &[Tie], lang: Lang) -> String {
    let en = lang == Lang::En;
    let said: Vec<String> = ties
        .iter()
        .map(|t| match (t, en) {
            (Tie::Shared(others), true) => format!("shared with {}", others.join(", ")),
            (Tie::Shared(others), false) => format!("与{}共用", others.join("、")),
            (Tie::From(town, date), true) => format!("transferred from {town} on {date}"),
            (Tie::From(town, date), false) => format!("{date} 由{town}调入"),
            (Tie::To(town, date), true) => format!("transferred to {town} on {date}"),
            (Tie::To(town, date), false) => format!("{date} 调往{town}"),
        })
        .collect();
    said.join(if en { "; " } else { "；" })
}

/// `people` on a city without the folder of its plans.
pub fn people_needs_plans(city: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{city} is a city: give the folder of its plans too (zhudian people {city} PLANS --csv FILE)"
        ),
        Lang::Zh => format!(
            "{city} 是全市的花名册：还要给出方案文件夹（zhudian people {city} 方案文件夹 --csv 文件）"
        ),
    }
}

/// `validate` on a city: its leaders (in force at the year's end, `left`
/// more who left or handed over during it) and helpers, each person once,
/// as the total row of city-summary.csv counts them; `entries` the leader
/// entries of the rosters when a shared or transferred person makes them
/// more; `city` the city's name (a county's own: 示例县), empty for 全市.
pub fn city_people(
    city: &str,
    leaders: usize,
    left: usize,
    helpers: usize,
    entries: usize,
    lang: Lang,
) -> String {
    let city = match (city.is_empty(), lang) {
        (false, _) => city,
        (true, Lang::En) => "The city",
        (true, Lang::Zh) => "全市",
    };
    let more = match (left, lang) {
        (0, _) => String::new(),
        (n, Lang::En) => format!(
            " ({n} more {} or handed over during the year)",
            if n == 1 {
                "leader left"
            } else {
                "leaders left"
            }
        ),
        (n, Lang::Zh) => format!("（另有 {n} 名年内离任或交接）"),
    };
    match (lang, entries == leaders) {
        (Lang::En, true) => format!("{city}: {leaders} leaders{more} and {helpers} helpers."),
        (Lang::En, false) => format!(
            "{city}: {leaders} leaders{more} and {helpers} helpers, each person once ({entries} leader entries: a shared or transferred person is on two townships' rosters)."
        ),
        (Lang::Zh, true) => format!("{city}：驻点领导 {leaders} 名{more}，协助人员 {helpers} 名。"),
        (Lang::Zh, false) => format!(
            "{city}：驻点领导 {leaders} 名{more}，协助人员 {helpers} 名，每人只计一次（名册中领导共 {entries} 条：多镇街共用或调动的人员在两个镇街的名册中都有）。"
        ),
    }
}
