//! The roster workbook's layout: its sheets, each sheet's columns (Chinese
//! header, the roster field it fills, what a cell holds), the key–value rows
//! of `基本信息`, and the Chinese words for every fixed choice. The reader,
//! the writer, the template and the docs all follow this one table.

/// What a cell holds, and so how it is read and written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    /// A unit's id (or its name, resolved on reading).
    UnitRef,
    /// A cadre's or helper's id (or name, resolved on reading).
    PersonRef,
    Int,
    Num,
    Bool,
    Date,
    Time,
    /// Free words in one cell, split on `、` or `,`.
    List,
    /// Skills (a unit's needs, a person's skills): free words, split as
    /// `List`; the common ones written in Chinese (`SKILLS`) and read back
    /// as their codes.
    Skills,
    /// Meeting attendees: people (ids or names) and the two groups.
    Attendees,
    Choice(&'static [Word]),
    ChoiceList(&'static [Word]),
    /// One half of `[min, max]` (`units_per_leader`, a cadre's `units`).
    PairMin,
    PairMax,
    /// One helper slot of the policy's `team` (`基本信息`, repeatable).
    Slot,
    /// A unit's hamlets in one cell, `一组 45、二组 60`: what the sheet `村组`
    /// holds, for a planner who would rather type them beside the unit.
    Hamlets,
}

/// A fixed choice: the code the roster file uses, the word the workbook
/// writes, and other words a planner may type for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Word {
    pub code: &'static str,
    pub zh: &'static str,
    pub also: &'static [&'static str],
}

const fn w(code: &'static str, zh: &'static str, also: &'static [&'static str]) -> Word {
    Word { code, zh, also }
}

pub const KINDS: &[Word] = &[
    w("village", "村", &["行政村"]),
    w("community", "社区", &["居委会"]),
    w("enterprise", "重点企业", &["企业"]),
    w("industrial_community", "产业社区", &[]),
];
pub const CADENCES: &[Word] = &[
    w("weekly", "每周", &["每周一次"]),
    w(
        "biweekly",
        "隔周",
        &["每两周", "双周", "两周一次", "每两周一次", "双周一次"],
    ),
];
/// The skills the shipped and generated rosters use; any other word is kept
/// as written.
pub const SKILLS: &[Word] = &[
    w("stability", "维稳", &["维护稳定", "综治维稳"]),
    w("legal", "法律", &["法律服务", "法治"]),
    w("labour", "劳动就业", &["劳动", "就业", "劳动保障"]),
    w("elderly", "养老", &["养老服务", "老龄"]),
    w("agriculture", "农业", &["农业农村"]),
    w("land", "土地", &["国土", "土地管理"]),
    w("education", "教育", &[]),
    w("health", "卫生健康", &["卫生", "医疗卫生"]),
    w("poverty", "帮扶", &["扶贫", "乡村振兴帮扶"]),
    w("environment", "环保", &["生态环境", "环境保护"]),
];
/// The helpers' roles, each with the names planners write for it (村支书 for
/// 村党组织书记, 村主任 for a 两委 member): the role column and the team slots
/// both read through this one table.
pub const ROLES: &[Word] = &[
    w(
        "department_head",
        "职能部门负责人",
        &[
            "部门负责人",
            "镇（街）职能部门负责人",
            "镇职能部门负责人",
            "街道职能部门负责人",
            "镇街职能部门负责人",
            "职能部门主要负责人",
        ],
    ),
    w(
        "party_secretary",
        "村党组织书记",
        &[
            "党组织书记",
            "书记",
            "村（社区）党组织书记",
            "社区党组织书记",
            "村支书",
            "支书",
            "村书记",
            "社区书记",
            "党支部书记",
            "村党支部书记",
            "社区党支部书记",
            "村党总支书记",
            "社区党总支书记",
            "村党委书记",
            "社区党委书记",
        ],
    ),
    w(
        "committee_cadre",
        "村“两委”干部",
        &[
            "两委干部",
            "村两委干部",
            "村（社区）“两委”干部",
            "社区“两委”干部",
            "两委委员",
            "村委干部",
            "村委委员",
            "村委会委员",
            "居委委员",
            "居委会委员",
            "村主任",
            "村委会主任",
            "村委主任",
            "社区主任",
            "居委会主任",
            "社区居委会主任",
        ],
    ),
    w("graduate_official", "大学生村官", &["村官", "大学生村干部"]),
    w(
        "volunteer",
        "志愿服务者",
        &["志愿者", "志愿服务人员", "义工"],
    ),
    w("police", "民警", &["警察", "社区民警", "驻村民警", "片警"]),
    w("lawyer", "律师", &["法律顾问", "村居法律顾问", "驻村律师"]),
    w(
        "deputy",
        "两代表一委员",
        &["代表", "委员", "人大代表", "党代表", "政协委员"],
    ),
];
pub const WEEKDAYS: &[Word] = &[
    w("Mon", "周一", &["星期一", "礼拜一", "Monday"]),
    w("Tue", "周二", &["星期二", "礼拜二", "Tuesday"]),
    w("Wed", "周三", &["星期三", "礼拜三", "Wednesday"]),
    w("Thu", "周四", &["星期四", "礼拜四", "Thursday"]),
    w("Fri", "周五", &["星期五", "礼拜五", "Friday"]),
    w("Sat", "周六", &["星期六", "礼拜六", "Saturday"]),
    w(
        "Sun",
        "周日",
        &["星期日", "星期天", "周天", "礼拜日", "礼拜天", "Sunday"],
    ),
];
pub const REPEATS: &[Word] = &[
    w("none", "不重复", &["无", "否"]),
    w("weekly", "每周", &[]),
    w("monthly", "每月", &[]),
];
pub const ROTATIONS: &[Word] = &[
    w("fixed", "固定轮换", &["固定"]),
    w("flexible", "灵活安排", &["灵活"]),
];
pub const VISITS_BY: &[Word] = &[
    w("team", "团队共同", &["团队"]),
    w("member", "每名成员", &["成员", "每人"]),
];
pub const WORKLOADS: &[Word] = &[w("households", "户数", &[]), w("population", "人口", &[])];
/// The meeting groups, as attendees.
pub const GROUPS: &[Word] = &[
    w("all-cadres", "全体干部", &["全体领导"]),
    w("all-helpers", "全体协助人员", &[]),
];
/// An empty list of choices (no make-up day at all).
pub const NONE: &str = "无";
/// The mark after a team slot's roles that takes the unit's own people.
pub const FROM_UNIT: &str = "（本村居）";
/// The marks workbooks written before the glossary's 村居 carry, still read.
pub const OLD_FROM_UNIT: &[&str] = &["(本村居)", "（本单位）", "(本单位)"];

/// Headings renamed to the glossary's 村居: workbooks written before say
/// 单位, and a planner's old file must still read.
const RENAMED: &[(&str, &str)] = &[
    ("最少联系单位数", "最少联系村居数"),
    ("最多联系单位数", "最多联系村居数"),
    ("每名领导最少联系单位数", "每名领导最少联系村居数"),
    ("每名领导最多联系单位数", "每名领导最多联系村居数"),
];

/// A heading as this version names it: an old name read as its new one.
pub fn current_heading(h: String) -> String {
    match RENAMED.iter().find(|(old, _)| *old == h) {
        Some((_, new)) => new.to_string(),
        None => h,
    }
}

/// The code a word stands for: its code, its Chinese word or another
/// spelling (codes compared without case; brackets and quotes as either
/// width types them, so 村(社区)党组织书记 and 村"两委"干部 read too).
pub fn code_of(words: &[Word], s: &str) -> Option<&'static str> {
    let s = fold(s);
    words
        .iter()
        .find(|w| {
            w.code.eq_ignore_ascii_case(&s)
                || std::iter::once(&w.zh).chain(w.also).any(|x| fold(x) == s)
        })
        .map(|w| w.code)
}

/// A word as compared: trimmed, brackets full-width, quotes and spaces gone.
fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | ' ' | '\u{3000}'))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            _ => c,
        })
        .collect()
}

/// Every word a choice is written as: its Chinese word and the other
/// spellings, for the did-you-mean hint.
pub fn spellings(words: &'static [Word]) -> impl Iterator<Item = &'static str> {
    words
        .iter()
        .flat_map(|w| std::iter::once(w.zh).chain(w.also.iter().copied()))
}

/// The Chinese word for a code (the code itself when it has none).
pub fn zh_of(words: &[Word], code: &str) -> String {
    words
        .iter()
        .find(|w| w.code == code)
        .map(|w| w.zh.to_string())
        .unwrap_or_else(|| code.to_string())
}

/// One column of a table sheet.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    /// The roster field it fills (`units` for a cadre's min and max).
    pub key: &'static str,
    pub header: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// Width in characters, for the writer.
    pub width: f64,
}

const fn c(key: &'static str, header: &'static str, kind: Kind, required: bool, width: f64) -> Col {
    Col {
        key,
        header,
        kind,
        required,
        width,
    }
}

/// What a table sheet's rows become.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rows {
    /// One `[[section]]` entry each.
    Section(&'static str),
    /// An inline table in a field of the entry named by the first column
    /// (`hamlets` of a unit, `away` of a cadre or helper).
    Nested(&'static str),
}

/// A sheet of one row per entry.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub name: &'static str,
    pub rows: Rows,
    pub cols: &'static [Col],
}

pub const UNITS: Sheet = Sheet {
    name: "村居",
    rows: Rows::Section("unit"),
    cols: &[
        c("id", "编号", Kind::Text, true, 14.0),
        c("name", "名称", Kind::Text, true, 16.0),
        c("kind", "类型", Kind::Choice(KINDS), false, 10.0),
        c("households", "户数", Kind::Int, true, 8.0),
        c("population", "人口", Kind::Int, false, 8.0),
        c("migrants", "外来人口", Kind::Int, false, 10.0),
        c("needs", "需要的能力", Kind::Skills, false, 18.0),
        c("cadence", "驻点频次", Kind::Choice(CADENCES), false, 10.0),
        c("node", "路网节点", Kind::Text, false, 14.0),
        c("place", "驻点地点", Kind::Text, false, 20.0),
        c("hamlets", "村民小组", Kind::Hamlets, false, 24.0),
    ],
};
pub const HAMLETS: Sheet = Sheet {
    name: "村组",
    rows: Rows::Nested("hamlets"),
    cols: &[
        c("unit", "村居编号", Kind::UnitRef, true, 14.0),
        c("name", "村民小组", Kind::Text, true, 14.0),
        c("households", "户数", Kind::Int, true, 8.0),
    ],
};
pub const CADRES: Sheet = Sheet {
    name: "干部",
    rows: Rows::Section("cadre"),
    cols: &[
        c("id", "编号", Kind::Text, true, 14.0),
        c("name", "姓名", Kind::Text, true, 10.0),
        c("post", "职务", Kind::Text, false, 14.0),
        c("skills", "能力", Kind::Skills, false, 18.0),
        c("home_unit", "本人所在村居", Kind::UnitRef, false, 14.0),
        c("units", "最少联系村居数", Kind::PairMin, false, 10.0),
        c("units", "最多联系村居数", Kind::PairMax, false, 10.0),
        c("succeeds", "接替", Kind::PersonRef, false, 12.0),
        c("joins", "到任日期", Kind::Date, false, 12.0),
        c("leaves", "离任日期", Kind::Date, false, 12.0),
        c("transferred_from", "调入自", Kind::Text, false, 16.0),
        c("shared", "跨镇街兼任", Kind::Bool, false, 10.0),
    ],
};
pub const HELPERS: Sheet = Sheet {
    name: "协助人员",
    rows: Rows::Section("helper"),
    cols: &[
        c("id", "编号", Kind::Text, true, 14.0),
        c("name", "姓名", Kind::Text, true, 10.0),
        c("role", "角色", Kind::Choice(ROLES), true, 16.0),
        c("unit", "所属村居", Kind::UnitRef, false, 14.0),
        c("skills", "能力", Kind::Skills, false, 18.0),
        c("max_teams", "最多参加团队数", Kind::Int, false, 10.0),
        c("succeeds", "接替", Kind::PersonRef, false, 12.0),
        c("joins", "到任日期", Kind::Date, false, 12.0),
        c("leaves", "离任日期", Kind::Date, false, 12.0),
        c("transferred_from", "调入自", Kind::Text, false, 16.0),
        c("shared", "跨镇街兼任", Kind::Bool, false, 10.0),
    ],
};
pub const AWAY: Sheet = Sheet {
    name: "外出",
    rows: Rows::Nested("away"),
    cols: &[
        c("person", "人员编号", Kind::PersonRef, true, 14.0),
        c("from", "开始日期", Kind::Date, true, 12.0),
        c("to", "结束日期", Kind::Date, true, 12.0),
        c("why", "事由", Kind::Text, false, 18.0),
    ],
};
pub const MEETINGS: Sheet = Sheet {
    name: "会议",
    rows: Rows::Section("meeting"),
    cols: &[
        c("title", "会议名称", Kind::Text, true, 20.0),
        c("attendees", "参会人员", Kind::Attendees, true, 24.0),
        c("date", "日期", Kind::Date, true, 12.0),
        c("start", "开始时间", Kind::Time, true, 9.0),
        c("end", "结束时间", Kind::Time, true, 9.0),
        c("repeat", "重复", Kind::Choice(REPEATS), false, 8.0),
        c("until", "重复截止日期", Kind::Date, false, 12.0),
        c("emergency", "紧急会议", Kind::Bool, false, 8.0),
    ],
};
pub const HOLIDAYS: Sheet = Sheet {
    name: "节假日",
    rows: Rows::Section("holiday"),
    cols: &[
        c("name", "名称", Kind::Text, true, 12.0),
        c("from", "开始日期", Kind::Date, true, 12.0),
        c("to", "结束日期", Kind::Date, true, 12.0),
    ],
};
pub const WORKDAYS: Sheet = Sheet {
    name: "调休上班",
    rows: Rows::Section("workday"),
    cols: &[
        c("name", "名称", Kind::Text, true, 16.0),
        c("date", "日期", Kind::Date, true, 12.0),
    ],
};
pub const ROADS: Sheet = Sheet {
    name: "道路",
    rows: Rows::Section("road"),
    cols: &[
        c("from", "起点", Kind::Text, true, 14.0),
        c("to", "终点", Kind::Text, true, 14.0),
        c("minutes", "分钟", Kind::Num, true, 8.0),
    ],
};

/// The key–value sheet's name and its three columns.
pub const BASICS: &str = "基本信息";
pub const BASICS_HEADERS: [&str; 3] = ["项目", "值", "说明"];

/// The table sheets in workbook order (after `基本信息`).
pub const SHEETS: [Sheet; 9] = [
    UNITS, HAMLETS, CADRES, HELPERS, AWAY, MEETINGS, HOLIDAYS, WORKDAYS, ROADS,
];

/// The sheet the template and converted workbooks carry for people to read;
/// the reader skips it.
pub const README: &str = "说明";

/// Every sheet name the reader knows, in workbook order.
pub fn sheet_names() -> Vec<&'static str> {
    std::iter::once(BASICS)
        .chain(SHEETS.iter().map(|s| s.name))
        .chain(std::iter::once(README))
        .collect()
}

/// One row of `基本信息`: a field of one of the single sections.
#[derive(Debug, Clone, Copy)]
pub struct KeyRow {
    pub section: &'static str,
    pub key: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn k(section: &'static str, key: &'static str, label: &'static str, kind: Kind) -> KeyRow {
    KeyRow {
        section,
        key,
        label,
        kind,
        required: false,
    }
}

const fn req(section: &'static str, key: &'static str, label: &'static str, kind: Kind) -> KeyRow {
    KeyRow {
        section,
        key,
        label,
        kind,
        required: true,
    }
}

pub const KEYS: &[KeyRow] = &[
    req("township", "name", "镇街名称", Kind::Text),
    req("township", "office", "镇政府路网节点", Kind::Text),
    req("township", "year", "规划年度", Kind::Int),
    k(
        "township",
        "official_holidays",
        "适用法定节假日",
        Kind::Bool,
    ),
    req("station", "weekday", "驻点星期", Kind::Choice(WEEKDAYS)),
    req("station", "start", "驻点开始时间", Kind::Time),
    req("station", "end", "驻点结束时间", Kind::Time),
    k(
        "station",
        "makeup_days",
        "补接待日",
        Kind::ChoiceList(WEEKDAYS),
    ),
    k(
        "station",
        "makeup_notice_days",
        "补接待提前通知天数",
        Kind::Int,
    ),
    k("station", "makeup_within_days", "补接待最迟天数", Kind::Int),
    k(
        "policy",
        "units_per_leader",
        "每名领导最少联系村居数",
        Kind::PairMin,
    ),
    k(
        "policy",
        "units_per_leader",
        "每名领导最多联系村居数",
        Kind::PairMax,
    ),
    k("policy", "max_travel_minutes", "最长路程分钟数", Kind::Num),
    k("policy", "avoid_home_unit", "不驻本人所在村居", Kind::Bool),
    k("policy", "min_present", "每次接待最少到场人数", Kind::Int),
    k("policy", "household_visits", "每户每年走访次数", Kind::Int),
    k(
        "policy",
        "household_visits_by",
        "走访由谁完成",
        Kind::Choice(VISITS_BY),
    ),
    k(
        "policy",
        "household_visits_per_member",
        "每人每户每年走访次数",
        Kind::Int,
    ),
    k("policy", "visit_days", "走访日", Kind::ChoiceList(WEEKDAYS)),
    k(
        "policy",
        "visit_half_days_per_month",
        "每人每月走访半天上限",
        Kind::Int,
    ),
    k(
        "policy",
        "households_per_visit_session",
        "每半天走访户数",
        Kind::Int,
    ),
    k("policy", "workload", "工作量口径", Kind::Choice(WORKLOADS)),
    k("policy", "team", "团队位置", Kind::Slot),
    k("policy", "rotation", "轮换方式", Kind::Choice(ROTATIONS)),
    k("objective", "balance", "均衡权重", Kind::Num),
    k("objective", "travel", "路程权重", Kind::Num),
    k("objective", "continuity", "领导连续性权重", Kind::Num),
    k(
        "objective",
        "helper_continuity",
        "团队连续性权重",
        Kind::Num,
    ),
];

/// The single sections, in file order.
pub const KEY_SECTIONS: [&str; 4] = ["township", "station", "policy", "objective"];

/// The sheet a roster section's problems belong to.
pub fn sheet_of_section(section: &str) -> Option<&'static str> {
    let bare = section.trim_matches(|c| c == '[' || c == ']');
    if KEY_SECTIONS.contains(&bare) {
        return Some(BASICS);
    }
    SHEETS
        .iter()
        .find(|s| matches!(s.rows, Rows::Section(x) if x == bare))
        .map(|s| s.name)
}

/// The roster section a workbook problem's place ("村居!A2", or a sheet's
/// name) holds entries of: "[[unit]]"; `None` for any other place.
pub fn section_of_place(place: &str) -> Option<String> {
    let sheet = place.split_once('!').map_or(place, |(s, _)| s);
    SHEETS
        .iter()
        .find(|s| s.name == sheet)
        .and_then(|s| match s.rows {
            Rows::Section(x) => Some(format!("[[{x}]]")),
            Rows::Nested(_) => None,
        })
}

/// The closest of `known` to `word` by edit distance, when near enough to be
/// a slip of the keyboard (Chinese headers are short, so a ratio of the
/// longer word's length, at least one character).
pub fn nearest<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<String> {
    let n = word.chars().count();
    known
        .into_iter()
        .filter(|k| *k != word)
        .map(|k| (strsim::levenshtein(word, k), k))
        .filter(|(d, k)| *d <= (n.max(k.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

/// The closest of `known` to `word`: a slip of the keyboard ([`nearest`]),
/// else a word alike ([`did_you_mean`](crate::roster::did_you_mean)).
pub fn nearest_or_alike<'k, I>(word: &str, known: I) -> Option<String>
where
    I: IntoIterator<Item = &'k str> + Clone,
{
    nearest(word, known.clone()).or_else(|| crate::roster::did_you_mean(word, known))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::Lang;
    use crate::wording::workbook::{note, sheet_note};

    #[test]
    fn every_column_item_and_sheet_has_its_note_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            for k in KEYS {
                assert!(!note(BASICS, k.label, 2026, lang).is_empty(), "{}", k.label);
            }
            for s in SHEETS {
                assert!(!sheet_note(s.name, lang).is_empty(), "{}", s.name);
                for c in s.cols {
                    assert!(
                        !note(s.name, c.key, 2026, lang).is_empty(),
                        "{} {}",
                        s.name,
                        c.key
                    );
                }
            }
        }
    }

    #[test]
    fn every_choice_reads_back_from_its_chinese_word_and_its_code() {
        for words in [
            KINDS, CADENCES, ROLES, WEEKDAYS, REPEATS, WORKLOADS, GROUPS, ROTATIONS, VISITS_BY,
        ] {
            for w in words {
                assert_eq!(code_of(words, w.zh), Some(w.code));
                assert_eq!(code_of(words, w.code), Some(w.code));
                assert_eq!(zh_of(words, w.code), w.zh);
            }
        }
    }

    #[test]
    fn near_misses_of_short_chinese_headings_are_suggested() {
        assert_eq!(nearest("户树", ["户数", "人口"]), Some("户数".into()));
        assert_eq!(nearest("名字", ["户数", "人口"]), None);
        assert_eq!(nearest("村居信息", sheet_names()), None);
        assert_eq!(nearest("协助人", sheet_names()), Some("协助人员".into()));
    }
}
