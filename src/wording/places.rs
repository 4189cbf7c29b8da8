//! Where a roster problem is and how a list of them is framed, as a planner
//! reads them: the place ("roster.toml:42: [[unit]] 'xihai', field
//! 'households'"; in Chinese with the entry's name, or the section's own
//! Chinese name: "排班规则（[policy]）", "会议“党委会”"), the did-you-mean hint
//! and the words a field accepts, the closing count and the heading over
//! problems that mean no plan.
//! `wording::roster` re-exports them beside the problems' own words.

use super::Lang;
use crate::model::Place;
use crate::roster::guess::Guess;

/// " (did you mean 'x'?)" after a name nothing matched; empty without a guess.
pub fn suggest(s: &Option<String>, lang: Lang) -> String {
    match (s, lang) {
        (Some(s), Lang::En) => format!(" (did you mean '{s}'?)"),
        (Some(s), Lang::Zh) => format!("（是不是“{s}”？）"),
        (None, _) => String::new(),
    }
}

/// " (did you mean 'xihai' (西海村)?)" after a reference that names no
/// entry: the id to write, then the name the planner knows it by; empty
/// without a guess.
pub fn guessed(g: &Option<Guess>, lang: Lang) -> String {
    let Some(g) = g else {
        return String::new();
    };
    let id = &g.id;
    match (&g.name, lang) {
        (Some(n), Lang::En) => format!(" (did you mean '{id}' ({n})?)"),
        (Some(n), Lang::Zh) => format!("（是不是“{id}”（{n}）？）"),
        (None, _) => suggest(&Some(id.clone()), lang),
    }
}

/// A word not in a field's list: "'x' is not one of 'a' or 'b'".
pub(super) fn not_one_of(
    value: &str,
    allowed: &[String],
    suggestion: &Option<String>,
    lang: Lang,
) -> String {
    if lang == Lang::En {
        let quoted: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
        format!(
            "'{value}' is not one of {}{}",
            or_list(&quoted),
            suggest(suggestion, lang)
        )
    } else {
        let quoted: Vec<String> = allowed.iter().map(|a| format!("“{a}”")).collect();
        format!(
            "“{value}”不在可选值{}之中{}",
            quoted.join("、"),
            suggest(suggestion, lang)
        )
    }
}

/// A word not in a list read in either language: the reader's language's
/// words first, the other's after ('weekly' or 'biweekly' (or in Chinese
/// 每周 or 隔周); “每周”、“隔周”（也可写 weekly、biweekly）).
pub(super) fn not_one_of_either(
    value: &str,
    codes: &[String],
    zh: &[String],
    suggestion: &Option<String>,
    lang: Lang,
) -> String {
    if lang == Lang::En {
        let quoted: Vec<String> = codes.iter().map(|a| format!("'{a}'")).collect();
        format!(
            "'{value}' is not one of {} (or in Chinese {}){}",
            or_list(&quoted),
            or_list(zh),
            suggest(suggestion, lang)
        )
    } else {
        let quoted: Vec<String> = zh.iter().map(|a| format!("“{a}”")).collect();
        format!(
            "“{value}”不在可选值{}之中（也可写 {}）{}",
            quoted.join("、"),
            codes.join("、"),
            suggest(suggestion, lang)
        )
    }
}

/// "a, b or c".
fn or_list(items: &[String]) -> String {
    super::list(items, Lang::En).replace(" and ", " or ")
}

/// Where a problem is, as a planner reads it: "roster.toml:42: [[unit]] xihai, households".
pub fn place(file: &str, p: &Place, lang: Lang) -> String {
    place_named(file, p, None, lang)
}

/// The section an entry of it is called by in Chinese: 驻点村（社区）, 干部,
/// 协助人员.
fn section_zh(section: &str) -> Option<&'static str> {
    match section {
        "[[unit]]" => Some("驻点村（社区）"),
        "[[cadre]]" => Some("干部"),
        "[[helper]]" => Some("协助人员"),
        _ => None,
    }
}

/// Every roster, city and what-if file section by its Chinese name.
fn section_name_zh(section: &str) -> Option<&'static str> {
    section_zh(section).or(match section {
        "[township]" => Some("镇街信息"),
        "[station]" => Some("驻点时间"),
        "[policy]" => Some("排班规则"),
        "[objective]" => Some("优化权重"),
        "[[meeting]]" => Some("会议"),
        "[[holiday]]" => Some("节假日"),
        "[[road]]" => Some("道路"),
        "[[junction]]" => Some("路口"),
        "[city]" => Some("全市设置"),
        "[[district]]" => Some("区"),
        "[[township]]" => Some("镇街"),
        // A what-if file's variant, known by its name: 方案“远村隔周”.
        "[[variant]]" => Some("方案"),
        _ => None,
    })
}

/// As [`place`]; `name` is the entry's name where the roster gives one. In
/// Chinese an entry with a name is said as "干部 陈国华（chen-gh）"; English
/// keeps the section and id as the file writes them.
pub fn place_named(file: &str, p: &Place, name: Option<&str>, lang: Lang) -> String {
    // A workbook's cell (村居!A2) with the entry's name: "村居!A2 东山村（c1）".
    if lang == Lang::Zh
        && let (Some(name), Some(id), true) = (name, &p.id, p.section.contains('!'))
    {
        let mut s = format!("{file}: {} {name}（{id}）", p.section);
        if let Some(f) = &p.field {
            s.push_str(&format!("，字段“{f}”"));
        }
        return s;
    }
    if lang == Lang::Zh
        && let (Some(name), Some(id), Some(section)) = (name, &p.id, section_zh(&p.section))
    {
        let mut s = String::from(file);
        if let Some(line) = p.line {
            s.push_str(&format!(":{line}"));
            if let Some(col) = p.column {
                s.push_str(&format!(":{col}"));
            }
        }
        s.push_str(&format!(": {section} {name}（{id}）"));
        if let Some(f) = &p.field {
            s.push_str(&format!("，字段“{f}”"));
        }
        return s;
    }
    let mut s = String::from(file);
    if let Some(line) = p.line {
        s.push_str(&format!(":{line}"));
        if let Some(col) = p.column {
            s.push_str(&format!(":{col}"));
        }
    }
    if p.section.is_empty() && p.id.is_none() && p.field.is_none() {
        return s;
    }
    s.push_str(": ");
    let inherited = ["[station]", "[policy]", "[objective]"].contains(&p.section.as_str());
    match (lang, section_name_zh(&p.section), &p.id) {
        // A city.toml value a township inherits: the township beside it.
        (Lang::Zh, Some(zh), Some(town)) if inherited => {
            s.push_str(&format!("{zh}（{}，{town}沿用）", p.section));
        }
        (Lang::En, _, Some(town)) if inherited => {
            s.push_str(&format!("{} (as {town} inherits it)", p.section));
        }
        // 会议“党委会”: an entry known by its id alone.
        (Lang::Zh, Some(zh), Some(id)) => s.push_str(&format!("{zh}“{id}”")),
        // 排班规则（[policy]）: the header kept, for finding it in the file.
        (Lang::Zh, Some(zh), None) => s.push_str(&format!("{zh}（{}）", p.section)),
        _ => {
            s.push_str(&p.section);
            if let Some(id) = &p.id {
                s.push_str(&format!(" '{id}'"));
            }
        }
    }
    if let Some(f) = &p.field {
        match lang {
            Lang::En => s.push_str(&format!(", field '{f}'")),
            Lang::Zh => s.push_str(&format!("，字段“{f}”")),
        }
    }
    s
}

/// The closing line under a list of problems.
pub fn problem_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En if n == 1 => "1 problem: the roster is not valid.".to_string(),
        Lang::En => format!("{n} problems: the roster is not valid."),
        Lang::Zh => format!("共 {n} 个问题：名册无效。"),
    }
}

/// The heading over roster problems that mean no plan can exist.
pub fn no_plan_possible(file: &str, lang: Lang) -> String {
    match lang {
        Lang::En => {
            format!("{file}: no plan is possible with this roster; what would make one possible:")
        }
        Lang::Zh => format!("{file}：按此名册无法排出方案，原因及调整办法如下："),
    }
}

/// `succeeds` naming nobody: in this roster (`previous` false: a typo for
/// someone who leaves), or in it and the previous plan; with the person
/// meant, by name where known.
pub(super) fn no_such_predecessor(
    id: &str,
    suggestion: &Option<String>,
    name: &Option<String>,
    previous: bool,
    lang: Lang,
) -> String {
    let en = lang == Lang::En;
    let named = match (suggestion, name) {
        (Some(s), Some(n)) if en => Some(format!("{n} ({s})")),
        (Some(s), Some(n)) => Some(format!("{n}（{s}）")),
        _ => suggestion.clone(),
    };
    match (en, previous) {
        // The English of the previous-plan check keeps the id alone.
        (true, true) => format!(
            "nobody in this roster or the previous plan is '{id}'{}",
            suggest(suggestion, lang)
        ),
        (true, false) => format!(
            "nobody in this roster is '{id}', so no one's place is taken over{}",
            suggest(&named, lang)
        ),
        (false, true) => format!(
            "本名册和上一版方案中都没有编号为“{id}”的人员{}",
            suggest(&named, lang)
        ),
        (false, false) => format!(
            "本名册中没有“{id}”这个人，接替无从落实{}",
            suggest(&named, lang)
        ),
    }
}
