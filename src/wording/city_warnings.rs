//! What `zhudian warnings PLANS_DIR` says of a city's plans: a heading per
//! township (its name and how many warnings follow, or that it has none),
//! the city's line counting the warnings by kind, the CSV's columns with
//! the township first, and a plan whose roster cannot be read.

use super::warnings::{headings, kind_label};
use super::{Lang, Say, list};

/// What the city's warnings list says, line by line.
#[derive(Debug, Clone, PartialEq)]
pub enum CityWarningsSaid {
    /// Above a township's table: its name and how many warnings it lists.
    Heading { township: String, count: usize },
    /// A township with no warnings (of the kind asked for): one line.
    NoneHere {
        township: String,
        kind: Option<String>,
    },
    /// The closing line: the city's name (empty: 全市, City), the townships
    /// read, the warnings listed by kind (kind code, count) in reading
    /// order, the kind asked for, the plan files that could not be read,
    /// and those listed by ids (their roster could not be read).
    City {
        city: String,
        townships: usize,
        by_kind: Vec<(String, usize)>,
        kind: Option<String>,
        unread: Vec<String>,
        by_ids: Vec<String>,
    },
    /// A plan whose roster cannot be read: the township is listed by its
    /// plan file's name, people and units by their ids.
    RosterUnreadable { plan: String, detail: String },
    /// `--roster FOLDER` holds no roster for this plan (they pair by file
    /// name): the roster the plan records is used instead, when that
    /// one can be read.
    NotInFolder {
        plan: String,
        folder: String,
        recorded: Option<String>,
    },
    /// `--roster FOLDER` holds the roster of none of the plans.
    NoneInFolder { folder: String, plans: String },
}

impl Say for CityWarningsSaid {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            // The line `check` says of a township, set off as a heading.
            CityWarningsSaid::Heading { township, count } => {
                if en {
                    let n = super::counted(*count, "warning", "warnings");
                    format!("== {township}: {n} ==")
                } else {
                    format!("== {township}：{count} 条提醒 ==")
                }
            }
            CityWarningsSaid::NoneHere { township, kind } => match (kind, en) {
                (None, true) => format!("== {township}: no warnings =="),
                (None, false) => format!("== {township}：没有提醒 =="),
                (Some(k), true) => format!("== {township}: no warnings of kind {k} =="),
                (Some(k), false) => {
                    format!("== {township}：没有“{}”类提醒 ==", kind_label(k, lang))
                }
            },
            CityWarningsSaid::City {
                city,
                townships,
                by_kind,
                kind,
                unread,
                by_ids,
            } => {
                let city = match (city.is_empty(), en) {
                    (false, _) => city.as_str(),
                    (true, true) => "City",
                    (true, false) => "全市",
                };
                if *townships == 0 {
                    return if en {
                        format!("{city}: no plan could be read: {}.", list(unread, lang))
                    } else {
                        format!("{city}：没有能读取的方案：{}。", list(unread, lang))
                    };
                }
                let total: usize = by_kind.iter().map(|(_, n)| n).sum();
                let towns = if en {
                    super::counted(*townships, "township", "townships")
                } else {
                    format!("{townships} 个镇街")
                };
                let mut s = match (total, kind, en) {
                    (0, None, true) => format!("{city}: no warnings in {towns}"),
                    (0, None, false) => format!("{city}：{towns}均没有提醒"),
                    (0, Some(k), true) => format!("{city}: no warnings of kind {k} in {towns}"),
                    (0, Some(k), false) => {
                        format!("{city}：{towns}均没有“{}”类提醒", kind_label(k, lang))
                    }
                    (n, _, true) => {
                        let kinds: Vec<String> = by_kind
                            .iter()
                            .map(|(k, n)| format!("{}: {n}", kind_label(k, lang)))
                            .collect();
                        format!(
                            "{city}: {} in {towns} ({})",
                            super::counted(n, "warning", "warnings"),
                            kinds.join("; ")
                        )
                    }
                    (n, _, false) => {
                        let kinds: Vec<String> = by_kind
                            .iter()
                            .map(|(k, n)| format!("{} {n} 条", kind_label(k, lang)))
                            .collect();
                        format!("{city}：{towns}共 {n} 条提醒（{}）", kinds.join("；"))
                    }
                };
                if !unread.is_empty() {
                    s += &if en {
                        format!("; not read: {}", list(unread, lang))
                    } else {
                        format!("；未能读取：{}", list(unread, lang))
                    };
                }
                if !by_ids.is_empty() {
                    s += &if en {
                        format!(
                            "; listed by ids, their roster unreadable: {}",
                            list(by_ids, lang)
                        )
                    } else {
                        format!("；名册无法读取、以编号列出：{}", list(by_ids, lang))
                    };
                }
                s += if en { "." } else { "。" };
                s
            }
            CityWarningsSaid::RosterUnreadable { plan, detail } => {
                if en {
                    format!(
                        "{plan}: cannot read its roster: listed by its file name, people and units by ids: {detail}"
                    )
                } else {
                    format!(
                        "{plan}：无法读取其名册，以方案文件名列出，人员和村（社区）以编号显示：{detail}"
                    )
                }
            }
            CityWarningsSaid::NotInFolder {
                plan,
                folder,
                recorded,
            } => match (recorded, en) {
                (Some(r), true) => format!(
                    "{plan}: no roster for it in {folder} (a plan and its roster share a file name); the roster the plan records is used, {r}"
                ),
                (None, true) => format!(
                    "{plan}: no roster for it in {folder} (a plan and its roster share a file name)"
                ),
                (Some(r), false) => format!(
                    "{plan}：{folder} 中没有它的名册（方案与名册按文件名配对），改用方案记录的名册 {r}"
                ),
                (None, false) => {
                    format!("{plan}：{folder} 中没有它的名册（方案与名册按文件名配对）")
                }
            },
            CityWarningsSaid::NoneInFolder { folder, plans } => {
                if en {
                    format!(
                        "{folder}: holds the roster of none of the plans in {plans} (a plan and its roster share a file name)"
                    )
                } else {
                    format!("{folder}：没有 {plans} 中任何一个方案的名册（方案与名册按文件名配对）")
                }
            }
        }
    }
}

/// A township whose roster cannot be read, named by its plan file: the
/// roster gone (deleted or moved), or there but not valid.
pub fn by_ids_label(file: &str, gone: bool, lang: Lang) -> String {
    match (lang, gone) {
        (Lang::En, true) => format!("{file} (roster gone, shown by ids)"),
        (Lang::En, false) => format!("{file} (roster not valid, shown by ids)"),
        (Lang::Zh, true) => format!("{file}（名册已找不到，以编号显示）"),
        (Lang::Zh, false) => format!("{file}（名册无效，以编号显示）"),
    }
}

/// The city CSV's columns: the township, then those of `zhudian warnings`.
pub fn city_headings(lang: Lang) -> Vec<String> {
    let first = match lang {
        Lang::En => "township",
        Lang::Zh => "镇街",
    };
    std::iter::once(first)
        .chain(headings(lang))
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_warning_is_singular_and_an_unknown_kind_is_said_as_written() {
        let h = CityWarningsSaid::Heading {
            township: "大塘镇".into(),
            count: 1,
        };
        assert_eq!(h.en(), "== 大塘镇: 1 warning ==");
        assert_eq!(h.zh(), "== 大塘镇：1 条提醒 ==");
        let city = CityWarningsSaid::City {
            city: String::new(),
            townships: 1,
            by_kind: vec![("newer_kind".into(), 1)],
            kind: None,
            unread: vec!["p/a.toml".into(), "p/b.toml".into()],
            by_ids: Vec::new(),
        };
        assert_eq!(
            city.en(),
            "City: 1 warning in 1 township (newer_kind: 1); not read: p/a.toml and p/b.toml."
        );
        assert_eq!(
            city.zh(),
            "全市：1 个镇街共 1 条提醒（newer_kind 1 条）；未能读取：p/a.toml和p/b.toml。"
        );
        let none_read = CityWarningsSaid::City {
            city: String::new(),
            townships: 0,
            by_kind: Vec::new(),
            kind: None,
            unread: vec!["p/a.toml".into()],
            by_ids: Vec::new(),
        };
        assert_eq!(none_read.en(), "City: no plan could be read: p/a.toml.");
        assert_eq!(none_read.zh(), "全市：没有能读取的方案：p/a.toml。");
    }

    #[test]
    fn a_named_county_says_its_name_and_the_townships_listed_by_ids() {
        let county = CityWarningsSaid::City {
            city: "示例县".into(),
            townships: 3,
            by_kind: vec![("shortfall".into(), 2)],
            kind: None,
            unread: Vec::new(),
            by_ids: vec!["p/xinxu.toml".into()],
        };
        assert_eq!(
            county.zh(),
            "示例县：3 个镇街共 2 条提醒（驻点接待人手不足 2 条）；名册无法读取、以编号列出：p/xinxu.toml。"
        );
        assert_eq!(
            county.en(),
            "示例县: 2 warnings in 3 townships (station sessions short of people: 2); listed by ids, their roster unreadable: p/xinxu.toml."
        );
        assert_eq!(
            by_ids_label("xinxu.toml", true, Lang::Zh),
            "xinxu.toml（名册已找不到，以编号显示）"
        );
        assert_eq!(
            by_ids_label("xinxu.toml", true, Lang::En),
            "xinxu.toml (roster gone, shown by ids)"
        );
        assert_eq!(
            by_ids_label("xinxu.toml", false, Lang::Zh),
            "xinxu.toml（名册无效，以编号显示）"
        );
        assert_eq!(
            by_ids_label("xinxu.toml", false, Lang::En),
            "xinxu.toml (roster not valid, shown by ids)"
        );
    }
}
