//! Words for the documents a township issues (`zhudian export --xlsx`): the
//! sheets' names and headings, the words inside their cells, what to do
//! about each kind of warning, and the lines of `template`, `convert` and
//! `export` on the terminal.

use super::{Lang, Say};

/// The sheets of the exported workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    Teams,
    Timetable,
    Leaders,
    Calendar,
    Warnings,
    /// A city's one line per township.
    City,
}

impl Doc {
    pub const TOWNSHIP: [Doc; 5] = [
        Doc::Teams,
        Doc::Timetable,
        Doc::Leaders,
        Doc::Calendar,
        Doc::Warnings,
    ];

    pub fn sheet(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Doc::Teams, Lang::Zh) => "驻点团队",
            (Doc::Timetable, Lang::Zh) => "驻点时间表",
            (Doc::Leaders, Lang::Zh) => "领导干部",
            (Doc::Calendar, Lang::Zh) => "日程",
            (Doc::Warnings, Lang::Zh) => "提醒",
            (Doc::City, Lang::Zh) => "全市汇总",
            (Doc::Teams, Lang::En) => "Teams",
            (Doc::Timetable, Lang::En) => "Timetable",
            (Doc::Leaders, Lang::En) => "Leaders",
            (Doc::Calendar, Lang::En) => "Calendar",
            (Doc::Warnings, Lang::En) => "Warnings",
            (Doc::City, Lang::En) => "City summary",
        }
    }

    /// Column headings and widths.
    pub fn headings(self, lang: Lang) -> Vec<(&'static str, f64)> {
        let zh = lang == Lang::Zh;
        let pick = |cols: &[(&'static str, &'static str, f64)]| {
            cols.iter()
                .map(|(e, z, w)| (if zh { *z } else { *e }, *w))
                .collect()
        };
        match self {
            Doc::Teams => pick(&[
                ("unit", "村居", 18.0),
                ("kind", "类型", 10.0),
                ("order", "序号", 6.0),
                ("name", "姓名", 12.0),
                ("post", "职务", 20.0),
                ("role in the team", "团队角色", 14.0),
                ("from", "所属", 16.0),
                ("in post", "在岗", 16.0),
            ]),
            Doc::Timetable => pick(&[
                ("unit", "村居", 18.0),
                ("station time", "驻点时间", 20.0),
                ("leader", "驻点领导", 12.0),
                ("dates with the leader", "领导驻点日期", 40.0),
                ("dates with a substitute", "代班日期及代班人", 44.0),
                ("sessions", "接待次数", 9.0),
                ("with the leader", "领导到场", 9.0),
                ("substituted", "代班", 8.0),
            ]),
            Doc::Leaders => pick(&[
                ("name", "姓名", 12.0),
                ("post", "职务", 14.0),
                ("units", "联系村居", 30.0),
                ("load", "工作量", 9.0),
                ("off target", "偏离目标", 9.0),
                ("tour", "驻点路线", 40.0),
                ("tour minutes", "路线分钟", 9.0),
                ("station sessions", "驻点接待", 9.0),
                ("household visit sessions", "入户走访次数", 11.0),
                ("make-ups", "补接待", 8.0),
                ("share of working days", "占工作日", 9.0),
                ("in post", "在岗", 16.0),
            ]),
            Doc::Calendar => pick(&[
                ("date", "日期", 12.0),
                ("weekday", "星期", 6.0),
                ("start", "开始", 7.0),
                ("end", "结束", 7.0),
                ("unit", "村居", 18.0),
                ("kind", "类型", 10.0),
                ("hamlet", "村（居）民小组", 12.0),
                ("households", "户数", 7.0),
                ("people", "人员", 36.0),
                ("makes up", "补哪次接待", 12.0),
            ]),
            Doc::Warnings => pick(&[
                ("kind", "类型", 18.0),
                ("unit", "村居", 16.0),
                ("date", "日期", 12.0),
                ("people", "人员", 20.0),
                ("what", "内容", 70.0),
                ("what to do", "建议", 50.0),
            ]),
            Doc::City => pick(&[
                ("district", "区", 10.0),
                ("township", "镇街", 16.0),
                ("units", "村居数", 8.0),
                ("leaders at the year's end", "驻点领导（年底在任）", 12.0),
                (
                    "left or handed over in the year",
                    "另有年内离任或交接",
                    12.0,
                ),
                ("helpers", "协助人员", 9.0),
                ("cost", "方案得分", 10.0),
                ("gap", "差距", 8.0),
                ("largest deviation", "最大工作量偏差", 10.0),
                ("station sessions", "驻点接待", 10.0),
                ("short sessions", "缺少镇级人员的接待", 14.0),
                ("of them made up later", "其中已补接待", 10.0),
                ("make-ups", "补接待", 8.0),
                ("household visit sessions", "入户走访次数", 10.0),
                ("warnings", "提醒", 8.0),
                ("workbook", "文件", 30.0),
            ]),
        }
    }
}

/// The city summary sheet's headings, its groups of townships named as the
/// office calls them (a county's 片区).
pub fn city_headings(city: &str, lang: Lang) -> Vec<(&'static str, f64)> {
    let mut heads = Doc::City.headings(lang);
    heads[0].0 = super::city::district_word(city, lang);
    heads
}

/// A unit's kind, in a table cell.
pub fn unit_kind(k: crate::model::UnitKind, lang: Lang) -> &'static str {
    use crate::model::UnitKind::*;
    match (k, lang) {
        (Village, Lang::Zh) => "村",
        (Community, Lang::Zh) => "社区",
        (Enterprise, Lang::Zh) => "重点企业",
        (IndustrialCommunity, Lang::Zh) => "产业社区",
        (Village, Lang::En) => "village",
        (Community, Lang::En) => "community",
        (Enterprise, Lang::En) => "enterprise",
        (IndustrialCommunity, Lang::En) => "industrial community",
    }
}

/// A team member's place in the team.
pub fn team_role(leader: bool, slot: bool, lang: Lang) -> &'static str {
    match (leader, slot, lang) {
        (true, _, Lang::Zh) => "驻点领导",
        (true, _, Lang::En) => "leader",
        (false, true, Lang::Zh) => "团队成员",
        (false, true, Lang::En) => "team member",
        (false, false, Lang::Zh) => "协助成员",
        (false, false, Lang::En) => "assist member",
    }
}

/// Where a member comes from when not from the unit itself.
pub fn township_staff(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "镇街",
        Lang::En => "township",
    }
}

/// The township office, as the first and last stop of a tour (街道办 at a
/// 街道).
pub fn office(township: &str, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => super::terms::office_zh(township),
        Lang::En => "office",
    }
}

/// "每周二 15:00–18:30" / "every Tue 15:00–18:30"; fortnightly units "隔周二".
pub fn station_time(
    weekday: &str,
    start: &str,
    end: &str,
    fortnightly: bool,
    lang: Lang,
) -> String {
    match (lang, fortnightly) {
        (Lang::Zh, false) => format!("每{weekday} {start}—{end}"),
        (Lang::Zh, true) => format!("隔{weekday} {start}—{end}"),
        (Lang::En, false) => format!("every {weekday} {start}–{end}"),
        (Lang::En, true) => format!("every other {weekday} {start}–{end}"),
    }
}

/// Dates as a posted timetable gives them, by month:
/// "1月6、13、20日；2月3日" / "Jan 6, 13, 20; Feb 3".
pub fn dates_by_month(dates: &[(u32, u32)], lang: Lang) -> String {
    let mut months: Vec<(u32, Vec<u32>)> = Vec::new();
    for &(m, d) in dates {
        match months.last_mut() {
            Some((lm, days)) if *lm == m => days.push(d),
            _ => months.push((m, vec![d])),
        }
    }
    let parts: Vec<String> = months
        .iter()
        .map(|(m, days)| {
            let days: Vec<String> = days.iter().map(u32::to_string).collect();
            match lang {
                Lang::Zh => format!("{m}月{}日", days.join("、")),
                Lang::En => format!("{} {}", MONTHS[(*m as usize + 11) % 12], days.join(", ")),
            }
        })
        .collect();
    parts.join(entry_separator(lang))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One substituted session: "2月10日 陈志强" / "10 Feb: 陈志强"; with no
/// township member, the make-up's date when there is one:
/// "6月9日 缺少镇级人员的接待，6月13日补接待".
pub fn substituted(
    month: u32,
    day: u32,
    who: &[String],
    makeup: Option<(u32, u32)>,
    lang: Lang,
) -> String {
    let mon = MONTHS[(month as usize + 11) % 12];
    match (lang, who.is_empty(), makeup) {
        (Lang::Zh, true, Some((m, d))) => {
            format!("{month}月{day}日 缺少镇级人员的接待，{m}月{d}日补接待")
        }
        (Lang::Zh, true, None) => format!("{month}月{day}日 缺少镇级人员的接待"),
        (Lang::Zh, false, _) => format!("{month}月{day}日 {}", who.join("、")),
        (Lang::En, true, Some((m, d))) => format!(
            "{day} {mon}: no township member, made up {d} {}",
            MONTHS[(m as usize + 11) % 12]
        ),
        (Lang::En, true, None) => format!("{day} {mon}: no township member"),
        (Lang::En, false, _) => format!("{day} {mon}: {}", who.join(", ")),
    }
}

/// A leader's name in the timetable with the period they lead the unit,
/// when a handover cuts the year: "梁志华（至7月14日）", "赵永明（7月15日起）",
/// "赵永明（7月15日至9月13日）" / "梁志华 (until Jul 14)", "赵永明 (from Jul
/// 15)", "赵永明 (Jul 15 to Sep 13)"; the name alone for the whole year. A
/// unit a leader led for part of the year is said the same way.
pub fn leader_period(
    name: &str,
    from: Option<(u32, u32)>,
    last: Option<(u32, u32)>,
    lang: Lang,
) -> String {
    match (lang, from.or(last)) {
        (_, None) => name.to_string(),
        (Lang::Zh, Some(_)) => format!("{name}（{}）", in_post(from, last, lang)),
        (Lang::En, Some(_)) => format!("{name} ({})", in_post(from, last, lang)),
    }
}

/// The days someone is in post, when not the whole year (then empty):
/// "至7月14日", "7月15日起", "7月15日至9月13日" / "until Jul 14", "from Jul
/// 15", "Jul 15 to Sep 13". `last` is the last day in post.
pub fn in_post(from: Option<(u32, u32)>, last: Option<(u32, u32)>, lang: Lang) -> String {
    let en = |(m, d): (u32, u32)| format!("{} {d}", MONTHS[(m as usize + 11) % 12]);
    match (lang, from, last) {
        (_, None, None) => String::new(),
        (Lang::Zh, None, Some((m, d))) => format!("至{m}月{d}日"),
        (Lang::Zh, Some((m, d)), None) => format!("{m}月{d}日起"),
        (Lang::Zh, Some((m1, d1)), Some((m2, d2))) => format!("{m1}月{d1}日至{m2}月{d2}日"),
        (Lang::En, None, Some(l)) => format!("until {}", en(l)),
        (Lang::En, Some(f), None) => format!("from {}", en(f)),
        (Lang::En, Some(f), Some(l)) => format!("{} to {}", en(f), en(l)),
    }
}

/// A move to or from another township of the city, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved<'a> {
    To(&'a str),
    From(&'a str),
}

/// The days in post (`in_post`) with the move that ends or starts them:
/// "至6月30日（调往乐从镇）", "7月1日起（从西樵镇调入）" / "until Jun 30
/// (moved to 乐从镇)", "from Jul 1 (moved from 西樵镇)".
pub fn in_post_moved(
    from: Option<(u32, u32)>,
    last: Option<(u32, u32)>,
    moved: Option<Moved>,
    lang: Lang,
) -> String {
    let days = in_post(from, last, lang);
    match (moved, lang) {
        _ if days.is_empty() => days,
        (None, _) => days,
        (Some(Moved::To(t)), Lang::Zh) => format!("{days}（调往{t}）"),
        (Some(Moved::From(t)), Lang::Zh) => format!("{days}（从{t}调入）"),
        (Some(Moved::To(t)), Lang::En) => format!("{days} (moved to {t})"),
        (Some(Moved::From(t)), Lang::En) => format!("{days} (moved from {t})"),
    }
}

/// The city workbook's title and file name, in the office's own word:
/// 全市汇总 for a city (or one with no name), 云岭县汇总 for a county;
/// City summary / 云岭县 summary.
pub fn city_book_title(city: &str, lang: Lang) -> String {
    match (super::city::whole(city, lang), lang) {
        (w, Lang::Zh) if w == "全市" => Doc::City.sheet(lang).to_string(),
        (w, Lang::En) if w == "the city" => Doc::City.sheet(lang).to_string(),
        (w, Lang::Zh) => format!("{w}汇总"),
        (w, Lang::En) => format!("{w} summary"),
    }
}

/// A day as a planner writes it in a sentence: "7月1日" / "Jul 1".
pub fn month_day(month: u32, day: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{month}月{day}日"),
        Lang::En => format!("{} {day}", MONTHS[(month as usize + 11) % 12]),
    }
}

/// A swapped working day's weekday in the calendar: "周日（调休上班）".
pub fn worked_weekday(weekday: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{weekday}（调休上班）"),
        Lang::En => format!("{weekday} (working day)"),
    }
}

/// The printed page's footer: "第 1 页，共 3 页" (Excel's page codes).
pub fn page_footer(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "&C第 &P 页，共 &N 页",
        Lang::En => "&CPage &P of &N",
    }
}

/// Separator between entries inside one cell.
pub fn entry_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

/// A session's kind as the timetable says it.
pub fn session_kind(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("station", Lang::Zh) => "驻点接待",
        ("station", Lang::En) => "station session",
        ("makeup", Lang::Zh) => "补接待",
        ("makeup", Lang::En) => "make-up",
        (_, Lang::Zh) => "入户走访",
        (_, Lang::En) => "household visits",
    }
}

/// A kind of warning, as a heading planners read: the same words as the
/// terminal's digest and the report (`wording::warnings`).
pub fn warning_kind(kind: &str, lang: Lang) -> String {
    super::warnings::kind_label(kind, lang)
}

/// What to do about a kind of warning (`wording::warnings`), as a sentence.
pub fn remedy(kind: &str, lang: Lang) -> String {
    // A sheet's staffing row hides under a filter by unit, and the report
    // lists units, not warnings: the warning's own text, beside this, says
    // what would close the gap.
    let r = match (kind, lang) {
        ("shortfall", Lang::En) => Some(
            "put more township members on the teams, make some weekly units fortnightly, or spread leave; each warning says what would close its gap",
        ),
        ("shortfall", Lang::Zh) => Some(
            "给团队增加镇街成员、把部分每周驻点的村（社区）改为两周一次，或错开请假；怎样补足见每条提醒的内容",
        ),
        _ => super::warnings::remedy(kind, lang),
    };
    r.map(|r| super::warnings::as_sentence(r, lang))
        .unwrap_or_default()
}

/// What `template`, `convert` and `export` say on the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum FilesSaid {
    WroteTemplate {
        path: String,
    },
    Converted {
        from: String,
        to: String,
        units: usize,
        cadres: usize,
        helpers: usize,
    },
    /// The first line of a roster converted from a workbook.
    ConvertedFrom {
        from: String,
    },
    /// Neither .toml nor .xlsx.
    UnknownFormat {
        path: String,
    },
    WroteDocuments {
        path: String,
        township: String,
        units: usize,
        sessions: usize,
    },
    WroteCity {
        path: String,
        townships: usize,
        /// The workbook's title: 全市汇总, 云岭县汇总 (`city_book_title`).
        title: String,
    },
    NoPlans {
        dir: String,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
}

impl Say for FilesSaid {
    fn say(&self, lang: Lang) -> String {
        use FilesSaid::*;
        let en = lang == Lang::En;
        match self {
            WroteTemplate { path } => {
                if en {
                    format!(
                        "wrote {path}: an empty roster workbook; fill it in, then `zhudian validate {path}`"
                    )
                } else {
                    format!("已写入 {path}：空白驻点名册工作簿；填写后运行 zhudian validate {path}")
                }
            }
            Converted {
                from,
                to,
                units,
                cadres,
                helpers,
            } => {
                if en {
                    format!(
                        "{from} → {to}: {}, {}, {}",
                        super::counted(*units, "unit", "units"),
                        super::counted(*cadres, "cadre", "cadres"),
                        super::counted(*helpers, "helper", "helpers")
                    )
                } else {
                    format!(
                        "{from} → {to}：村居 {units} 个，干部 {cadres} 名，协助人员 {helpers} 名"
                    )
                }
            }
            ConvertedFrom { from } => {
                if en {
                    format!("converted from {from} by zhudian convert")
                } else {
                    format!("由 zhudian convert 从 {from} 转换而来")
                }
            }
            UnknownFormat { path } => {
                if en {
                    format!("{path}: the format follows the extension, .toml or .xlsx")
                } else {
                    format!("{path}：格式由扩展名决定，应为 .toml 或 .xlsx")
                }
            }
            WroteDocuments {
                path,
                township,
                units,
                sessions,
            } => {
                if en {
                    let whose = if *units == 1 {
                        "1 unit's".to_string()
                    } else {
                        format!("{units} units'")
                    };
                    format!(
                        "wrote {path}: {township}, {whose} teams and timetables, {}",
                        super::counted(*sessions, "session", "sessions")
                    )
                } else {
                    format!(
                        "已写入 {path}：{township}，{units} 个村居的驻点团队和时间表，日程 {sessions} 项"
                    )
                }
            }
            WroteCity {
                path,
                townships,
                title,
            } => {
                if en {
                    format!(
                        "wrote {path}: the {} of {}",
                        title.to_lowercase(),
                        super::counted(*townships, "township", "townships")
                    )
                } else {
                    format!("已写入 {path}：{townships} 个镇街的{title}")
                }
            }
            NoPlans { dir } => {
                if en {
                    format!("{dir}: no plan files (*.toml) in this folder")
                } else {
                    format!("{dir}：文件夹中没有方案文件（*.toml）")
                }
            }
            CannotWrite { path, detail } => {
                if en {
                    format!("cannot write {path}: {detail}")
                } else {
                    format!("无法写入 {path}：{detail}")
                }
            }
        }
    }
}

/// A helper's role as said beside their name: a community's own secretary
/// or committee cadre is 社区党组织书记 / 社区“两委”干部, not 村…; every
/// other role as [`super::calendar::role`] says it.
pub fn role_of_person(r: crate::model::Role, community: bool, lang: Lang) -> &'static str {
    use crate::model::Role;
    match (lang, r, community) {
        (Lang::Zh, Role::PartySecretary, true) => "社区党组织书记",
        (Lang::Zh, Role::CommitteeCadre, true) => "社区“两委”干部",
        _ => super::calendar::role(r, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leaders_period_in_the_timetable_reads_word_for_word() {
        let (jul14, jul15, sep13) = (Some((7, 14)), Some((7, 15)), Some((9, 13)));
        assert_eq!(leader_period("梁志华", None, None, Lang::Zh), "梁志华");
        assert_eq!(
            leader_period("梁志华", None, jul14, Lang::Zh),
            "梁志华（至7月14日）"
        );
        assert_eq!(
            leader_period("赵永明", jul15, None, Lang::Zh),
            "赵永明（7月15日起）"
        );
        assert_eq!(
            leader_period("赵永明", jul15, sep13, Lang::Zh),
            "赵永明（7月15日至9月13日）"
        );
        assert_eq!(
            leader_period("梁志华", None, jul14, Lang::En),
            "梁志华 (until Jul 14)"
        );
        assert_eq!(
            leader_period("赵永明", jul15, None, Lang::En),
            "赵永明 (from Jul 15)"
        );
        assert_eq!(
            leader_period("赵永明", jul15, sep13, Lang::En),
            "赵永明 (Jul 15 to Sep 13)"
        );
    }

    #[test]
    fn dates_and_substitutes_read_as_a_timetable_says_them() {
        let d = [(1, 6), (1, 13), (1, 20), (2, 3), (12, 29)];
        assert_eq!(
            dates_by_month(&d, Lang::Zh),
            "1月6、13、20日；2月3日；12月29日"
        );
        assert_eq!(dates_by_month(&d, Lang::En), "Jan 6, 13, 20; Feb 3; Dec 29");
        assert_eq!(dates_by_month(&[], Lang::Zh), "");
        let who = ["陈志强".to_string(), "李警官".to_string()];
        assert_eq!(
            substituted(2, 10, &who, None, Lang::Zh),
            "2月10日 陈志强、李警官"
        );
        assert_eq!(
            substituted(2, 10, &who, None, Lang::En),
            "10 Feb: 陈志强, 李警官"
        );
        assert_eq!(
            substituted(6, 16, &[], None, Lang::Zh),
            "6月16日 缺少镇级人员的接待"
        );
        assert_eq!(
            substituted(6, 16, &[], None, Lang::En),
            "16 Jun: no township member"
        );
        assert_eq!(
            substituted(6, 9, &[], Some((6, 13)), Lang::Zh),
            "6月9日 缺少镇级人员的接待，6月13日补接待"
        );
        assert_eq!(
            substituted(6, 9, &[], Some((6, 13)), Lang::En),
            "9 Jun: no township member, made up 13 Jun"
        );
        assert_eq!(worked_weekday("周日", Lang::Zh), "周日（调休上班）");
        assert_eq!(worked_weekday("Sun", Lang::En), "Sun (working day)");
        assert_eq!(
            station_time("周二", "15:00", "18:30", false, Lang::Zh),
            "每周二 15:00—18:30"
        );
        assert_eq!(
            station_time("周二", "15:00", "18:30", true, Lang::Zh),
            "隔周二 15:00—18:30"
        );
        assert_eq!(
            station_time("Tue", "15:00", "18:30", true, Lang::En),
            "every other Tue 15:00–18:30"
        );
    }

    #[test]
    fn every_warning_kind_has_a_heading_and_a_remedy_in_both_languages() {
        for kind in [
            "meeting_in_window",
            "shortfall",
            "makeup_impossible",
            "household_visits_short",
        ] {
            for lang in [Lang::En, Lang::Zh] {
                assert!(!remedy(kind, lang).is_empty(), "{kind}");
                assert_ne!(warning_kind(kind, lang), kind, "{kind}");
            }
        }
        assert_eq!(warning_kind("shortfall", Lang::Zh), "驻点接待人手不足");
        assert_eq!(
            remedy("makeup_impossible", Lang::Zh),
            "缺席者外出期间安排其他镇街成员代班，或缩短补接待提前通知期、在缺席后的补接待期限内少排会议和假期，留出可补接待的日子。"
        );
        assert_eq!(
            remedy("meeting_in_window", Lang::En),
            "Move the meeting out of the station window; a meeting that cannot move should be marked an emergency."
        );
    }

    #[test]
    fn the_commands_lines_word_for_word() {
        let c = FilesSaid::Converted {
            from: "a.toml".into(),
            to: "b.xlsx".into(),
            units: 6,
            cadres: 3,
            helpers: 11,
        };
        assert_eq!(c.en(), "a.toml → b.xlsx: 6 units, 3 cadres, 11 helpers");
        assert_eq!(
            c.zh(),
            "a.toml → b.xlsx：村居 6 个，干部 3 名，协助人员 11 名"
        );
        let t = FilesSaid::WroteTemplate {
            path: "名册.xlsx".into(),
        };
        assert_eq!(
            t.zh(),
            "已写入 名册.xlsx：空白驻点名册工作簿；填写后运行 zhudian validate 名册.xlsx"
        );
        let d = FilesSaid::WroteDocuments {
            path: "d.xlsx".into(),
            township: "北滘镇".into(),
            units: 6,
            sessions: 2677,
        };
        assert_eq!(
            d.en(),
            "wrote d.xlsx: 北滘镇, 6 units' teams and timetables, 2677 sessions"
        );
        assert_eq!(
            d.zh(),
            "已写入 d.xlsx：北滘镇，6 个村居的驻点团队和时间表，日程 2677 项"
        );
        let s = FilesSaid::WroteCity {
            path: "全市汇总.xlsx".into(),
            townships: 32,
            title: city_book_title("佛山市", Lang::Zh),
        };
        assert_eq!(s.zh(), "已写入 全市汇总.xlsx：32 个镇街的全市汇总");
        let county = FilesSaid::WroteCity {
            path: "云岭县汇总.xlsx".into(),
            townships: 6,
            title: city_book_title("云岭县", Lang::Zh),
        };
        assert_eq!(county.zh(), "已写入 云岭县汇总.xlsx：6 个镇街的云岭县汇总");
        assert_eq!(city_book_title("云岭县", Lang::En), "云岭县 summary");
        assert_eq!(city_book_title("", Lang::En), "City summary");
        let u = FilesSaid::UnknownFormat {
            path: "b.csv".into(),
        };
        assert_eq!(u.zh(), "b.csv：格式由扩展名决定，应为 .toml 或 .xlsx");
        let n = FilesSaid::NoPlans {
            dir: "plans".into(),
        };
        assert_eq!(n.en(), "plans: no plan files (*.toml) in this folder");
        assert_eq!(n.zh(), "plans：文件夹中没有方案文件（*.toml）");
        let w = FilesSaid::CannotWrite {
            path: "d.xlsx".into(),
            detail: "denied".into(),
        };
        assert_eq!(w.en(), "cannot write d.xlsx: denied");
        assert_eq!(w.zh(), "无法写入 d.xlsx：denied");
        let f = FilesSaid::ConvertedFrom {
            from: "b.xlsx".into(),
        };
        assert_eq!(f.zh(), "由 zhudian convert 从 b.xlsx 转换而来");
    }
}
