//! Words of the posted timetable (驻点时间公示表, `zhudian notice`): what a
//! village committee pins up for its residents, in their words — who comes,
//! when, where, every date of the year, the dates holidays take and the
//! sessions moved to another day. No ids and none of the office's terms
//! (补接待, 代班, 缺少镇级人员): a resident needs the day, not the reason.

use super::Lang;
use super::documents::month_day;

/// A fixed label of the posted timetable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLabel {
    Leader,
    Team,
    Time,
    Place,
    Dates,
    Month,
    Days,
    Moved,
    Holidays,
}

impl NoticeLabel {
    pub fn say(self, lang: Lang) -> &'static str {
        use NoticeLabel::*;
        let (en, zh) = match self {
            Leader => ("Township leader", "驻点领导"),
            Team => ("Team", "驻点团队成员"),
            Time => ("When", "驻点时间"),
            Place => ("Where", "驻点地点"),
            Dates => ("Every date this year", "全年驻点日期"),
            Month => ("Month", "月份"),
            Days => ("Days", "日期"),
            Moved => ("Moved to another day", "改期"),
            Holidays => ("No session on these holidays", "遇节假日暂停"),
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The heading: "北山村驻点时间公示表" / "北山村: station timetable".
pub fn title(unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{unit}驻点时间公示表"),
        Lang::En => format!("{unit}: station timetable"),
    }
}

/// Under the heading: "石峰镇 2026 年领导干部驻点直接联系群众".
pub fn subtitle(township: &str, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{township} {year} 年领导干部驻点直接联系群众"),
        Lang::En => format!("{township}, {year}: township leaders stationed among the residents"),
    }
}

/// Where the sessions are held: the roster's `place` as written, else the
/// unit's service centre.
pub fn place(unit: &str, given: Option<&str>, lang: Lang) -> String {
    match (given, lang) {
        (Some(p), _) => p.to_string(),
        (None, Lang::Zh) => format!("{unit}党群服务中心"),
        (None, Lang::En) => format!("{unit} service centre (党群服务中心)"),
    }
}

/// A person with their post or role: "李桂英（党委副书记）".
pub fn person(name: &str, post: &str, lang: Lang) -> String {
    match (post.is_empty(), lang) {
        (true, _) => name.to_string(),
        (false, Lang::Zh) => format!("{name}（{post}）"),
        (false, Lang::En) => format!("{name} ({post})"),
    }
}

/// One day of a month's list: "6日" / "6".
pub fn day(d: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{d}日"),
        Lang::En => d.to_string(),
    }
}

/// Between the days of a month's list: "6日、13日" / "6, 13".
pub fn days_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// One leader's line when a handover changes the unit's leader during the
/// year, `span` from `documents::in_post`: "至8月31日：何振东（纪工委书记）" /
/// "until Aug 31: 何振东 (纪工委书记)".
pub fn leader_in_post(span: &str, who: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{span}：{who}"),
        Lang::En => format!("{span}: {who}"),
    }
}

/// How often a leader comes in person, from the mean gap in weeks between
/// their dates: "约每月一次" / "about once a month".
pub fn how_often(weeks: u32, lang: Lang) -> String {
    match (weeks, lang) {
        (0 | 1, Lang::Zh) => "约每周一次".to_string(),
        (0 | 1, Lang::En) => "about once a week".to_string(),
        (2, Lang::Zh) => "约每两周一次".to_string(),
        (2, Lang::En) => "about once a fortnight".to_string(),
        (3, Lang::Zh) => "约每三周一次".to_string(),
        (4 | 5, Lang::Zh) => "约每月一次".to_string(),
        (4 | 5, Lang::En) => "about once a month".to_string(),
        (8 | 9, Lang::Zh) => "约每两个月一次".to_string(),
        (8 | 9, Lang::En) => "about once every two months".to_string(),
        (n, Lang::Zh) => format!("约每{n}周一次"),
        (n, Lang::En) => format!("about once every {n} weeks"),
    }
}

/// One leader's visits in person: who (with post), the days in post when
/// not the whole year (`span`, empty else), how many dates and how often
/// (`often`, none for fewer than two): "潘家俊（办事处副主任）全年到场12次，约每月一次"
/// / "苏建明（纪工委书记）9月1日起到场4次，约每月一次".
pub fn comes_in_person(
    who: &str,
    span: &str,
    count: usize,
    often: Option<&str>,
    lang: Lang,
) -> String {
    match lang {
        Lang::Zh => {
            let when = if span.is_empty() { "全年" } else { span };
            let often = often.map(|o| format!("，{o}")).unwrap_or_default();
            format!("{who}{when}到场{count}次{often}")
        }
        Lang::En => {
            let when = if span.is_empty() {
                "this year".to_string()
            } else {
                span.to_string()
            };
            let times = super::counted(count, "time", "times");
            let often = often.map(|o| format!(", {o}")).unwrap_or_default();
            format!("{who} comes in person {times} {when}{often}")
        }
    }
}

/// The line above the dates when the leader does not come every time:
/// each leader's visits (`comes_in_person`), then where to find them and
/// who receives residents on the other dates.
pub fn in_person_line(visits: &[String], lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}。到场日期在下表中加粗标出；其余日期由驻点团队成员接待。",
            visits.join("；")
        ),
        Lang::En => format!(
            "{}. Those dates are in bold below; on the other dates the team receives residents.",
            visits.join("; ")
        ),
    }
}

/// A month's name in the dates table: "1月" / "Jan".
pub fn month(m: u32, lang: Lang) -> String {
    super::report::month(m, lang)
}

/// A date with its weekday: "7月4日（周六）" / "Jul 4 (Sat)".
pub fn dated(month: u32, day: u32, weekday: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}（{weekday}）", month_day(month, day, lang)),
        Lang::En => format!("{} ({weekday})", month_day(month, day, lang)),
    }
}

/// A session the township's people could not come to, held again on
/// another day: "6月30日（周二）镇干部不能到场，改到7月4日（周六）15:00—18:30".
pub fn moved(from: &str, to: &str, start: &str, end: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{from}镇干部不能到场，改到{to}{start}—{end}"),
        Lang::En => {
            format!("{from}: the township's people cannot come; moved to {to} {start}–{end}")
        }
    }
}

/// A holiday that falls on a session's day: "5月5日（劳动节）".
pub fn holiday(day: &str, why: &str, lang: Lang) -> String {
    match (why.is_empty(), lang) {
        (true, _) => day.to_string(),
        (false, Lang::Zh) => format!("{day}（{why}）"),
        (false, Lang::En) => format!("{day} ({why})"),
    }
}

/// A line's label before its text: "改期：" / "Moved to another day: ".
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// The list separator of the timetable's lines.
pub fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

/// The closing words under the dates.
pub fn closing(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "欢迎群众在驻点时间前来反映情况、提出意见建议。日期如有变动，另行通知。",
        Lang::En => {
            "Residents are welcome to come at these times with their concerns and suggestions. Any change of date will be announced."
        }
    }
}

/// What `zhudian notice` says on the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeSaid {
    /// The timetables written: one unit's (by name) or how many.
    Written {
        path: String,
        unit: Option<String>,
        pages: usize,
    },
    /// `--unit` names no unit of the township; the guess, by name.
    NoSuchUnit {
        township: String,
        given: String,
        guess: Option<String>,
    },
}

impl super::Say for NoticeSaid {
    fn say(&self, lang: Lang) -> String {
        use NoticeSaid::*;
        match (self, lang) {
            (
                Written {
                    path,
                    unit: Some(u),
                    ..
                },
                Lang::Zh,
            ) => {
                format!("已写入 {path}：{}", title(u, lang))
            }
            (
                Written {
                    path,
                    unit: Some(u),
                    ..
                },
                Lang::En,
            ) => {
                format!("wrote {path}: {}", title(u, lang))
            }
            (Written { path, pages, .. }, Lang::Zh) => {
                format!("已写入 {path}：{pages} 个村（社区）的驻点时间公示表，每页一个")
            }
            (Written { path, pages, .. }, Lang::En) => format!(
                "wrote {path}: {}, one a page",
                super::counted(
                    *pages,
                    "unit's station timetable",
                    "units' station timetables"
                )
            ),
            (
                NoSuchUnit {
                    township,
                    given,
                    guess,
                },
                Lang::Zh,
            ) => {
                let guess = guess
                    .as_ref()
                    .map(|g| format!("（是不是“{g}”？）"))
                    .unwrap_or_default();
                format!("--unit：{township}没有“{given}”这个村（社区）{guess}")
            }
            (
                NoSuchUnit {
                    township,
                    given,
                    guess,
                },
                Lang::En,
            ) => {
                let guess = guess
                    .as_ref()
                    .map(|g| format!(" (did you mean '{g}'?)"))
                    .unwrap_or_default();
                format!("--unit: {township} has no unit '{given}'{guess}")
            }
        }
    }
}
