//! Words for the visit calendar: its warnings (meetings in the station window,
//! shortfalls, make-ups that cannot be placed, household visits that do not
//! fit) and the labels of its exports. The `calendar` command's own lines
//! are in `calendar_command.rs`.

use super::{Lang, Say, list};
use crate::model::Role;

pub use super::calendar_command::{CommandSaid, figures};
pub use super::shortfall::Remedy;
use super::shortfall::{makeup_short, short_of};

/// One thing the calendar reports, as a fact; `say` words it. A plan file
/// keeps it beside the warning's words (`[warning.said]`, tagged by `code`)
/// so that a run in the other language says it in its own.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CalendarSaid {
    /// A non-emergency meeting overlapping the station window.
    MeetingInWindow {
        title: String,
        date: String,
        start: String,
        end: String,
        #[serde(with = "weekday_code")]
        weekday: chrono::Weekday,
        window_start: String,
        window_end: String,
        /// Names of the people it takes from their sessions.
        people: Vec<String>,
    },
    /// A station session short of a township member or of `min_present`.
    Shortfall {
        unit: String,
        unit_id: String,
        date: String,
        present: usize,
        min_present: usize,
        township_present: bool,
        /// Station sessions in the year (unit-weeks).
        unit_weeks: usize,
        /// Weeks the township members can give, one place a week each.
        member_weeks: usize,
        township_members: usize,
        /// In a calendar rebuilt from a date (a replan's, a handover's):
        /// the figures count only the rebuilt units from that date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rebuilt: Option<Rebuilt>,
        remedy: Remedy,
        /// The days its make-up sessions were held, `YYYY-MM-DD`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        made_up: Vec<String>,
        /// Skills that force department heads onto two teams: said with
        /// the figures, since no count of heads alone answers them.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        skills: Vec<super::shortfall::SkillShare>,
    },
    /// A make-up session (on `date`, for the session of `makes_up`) with
    /// fewer than `min_present` people: those it had, by name.
    MakeupShort {
        unit: String,
        unit_id: String,
        date: String,
        makes_up: String,
        present: usize,
        min_present: usize,
        township_present: bool,
        people: Vec<String>,
    },
    /// A missed session that no make-up day in the year can hold (or, under
    /// a fixed rotation, none within `within_days` with the unit's own people).
    MakeupImpossible {
        unit: String,
        date: String,
        people: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        within_days: Option<u32>,
    },
    /// `validate`: a non-emergency meeting inside the station window, with
    /// every date it falls there.
    MeetingInWindowPlanned {
        title: String,
        dates: Vec<String>,
        start: String,
        end: String,
        #[serde(with = "weekday_code")]
        weekday: chrono::Weekday,
        window_start: String,
        window_end: String,
    },
    /// A member's free half-days cannot hold all their household visits.
    HouseholdVisitsShort {
        /// The member short (`by = "member"`), or `None`: the team as a whole.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<String>,
        /// The team's visitors, by name.
        team: Vec<String>,
        unit: String,
        households_missing: u64,
        half_days_missing: usize,
        /// `visit_half_days_per_month`.
        cap: u32,
        /// The smallest monthly cap that would fit, if one does.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cap_would_fit: Option<u32>,
        /// More visiting helpers of the unit's own that would fit (team rule).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        more_helpers: Option<usize>,
        /// The team rule would fit (member rule).
        by_team_fits: bool,
    },
    /// The official calendar does not cover the year: the roster's own
    /// holidays and working days were used.
    OfficialCalendarMissing {
        year: i32,
        holidays: usize,
        workdays: usize,
    },
}

/// A weekday in a plan file as chrono writes it ("Tue"): the file is for
/// machines, so the same in every language.
mod weekday_code {
    pub fn serialize<S: serde::Serializer>(w: &chrono::Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&w.to_string())
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<chrono::Weekday, D::Error> {
        let s = <String as serde::Deserialize>::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom(format!("'{s}' is not a weekday like Tue")))
    }
}

pub fn weekday(w: chrono::Weekday, lang: Lang) -> &'static str {
    use chrono::Weekday::*;
    match (lang, w) {
        (Lang::En, Mon) => "Mon",
        (Lang::En, Tue) => "Tue",
        (Lang::En, Wed) => "Wed",
        (Lang::En, Thu) => "Thu",
        (Lang::En, Fri) => "Fri",
        (Lang::En, Sat) => "Sat",
        (Lang::En, Sun) => "Sun",
        (Lang::Zh, Mon) => "周一",
        (Lang::Zh, Tue) => "周二",
        (Lang::Zh, Wed) => "周三",
        (Lang::Zh, Thu) => "周四",
        (Lang::Zh, Fri) => "周五",
        (Lang::Zh, Sat) => "周六",
        (Lang::Zh, Sun) => "周日",
    }
}

/// A date of the plan's year in a warning, as the documents say a day:
/// "7月1日" / "Jul 1" (the plan covers one year, so the year would only
/// repeat itself); text that is not an ISO date as it is.
pub(super) fn day(iso: &str, lang: Lang) -> String {
    use chrono::Datelike;
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| super::documents::month_day(d.month(), d.day(), lang))
        .unwrap_or_else(|_| iso.to_string())
}

/// Dates of one year in a warning, grouped by month as a posted timetable
/// says them: "1月6、13日；2月3日" / "Jan 6, 13; Feb 3".
pub(super) fn days(isos: &[String], lang: Lang) -> String {
    use chrono::Datelike;
    let parsed: Option<Vec<(u32, u32)>> = isos
        .iter()
        .map(|s| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .map(|d| (d.month(), d.day()))
        })
        .collect();
    match parsed {
        Some(md) => super::documents::dates_by_month(&md, lang),
        None => isos.join(if lang == Lang::En { ", " } else { "、" }),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl Say for CalendarSaid {
    fn say(&self, lang: Lang) -> String {
        use CalendarSaid::*;
        let en = lang == Lang::En;
        match self {
            MeetingInWindow {
                title,
                date,
                start,
                end,
                weekday: wd,
                window_start,
                window_end,
                people,
            } => {
                let wd = weekday(*wd, lang);
                if en {
                    let who = if people.is_empty() {
                        "it takes nobody from a session that day".to_string()
                    } else {
                        format!(
                            "it takes {} away from their station session",
                            list(people, lang)
                        )
                    };
                    let date = day(date, Lang::En);
                    format!(
                        "meeting '{title}' on {date} {start}–{end} falls in the station window ({wd} {window_start}–{window_end}): {who}; major meetings should keep out of the window"
                    )
                } else {
                    let who = if people.is_empty() {
                        "当天无人因此缺席驻点".to_string()
                    } else {
                        format!("{}因此不能驻点", list(people, lang))
                    };
                    let date = day(date, Lang::Zh);
                    format!(
                        "会议“{title}”（{date} {start}–{end}）占用驻点时间（{wd} {window_start}–{window_end}）：{who}；重要会议应避开驻点时间"
                    )
                }
            }
            Shortfall { .. } => super::shortfall::line(self, true, lang),
            MakeupShort {
                unit,
                unit_id,
                date,
                makes_up,
                present,
                min_present,
                township_present,
                people,
            } => makeup_short(
                (unit, unit_id),
                (&day(date, lang), &day(makes_up, lang)),
                short_of(*present, *min_present, *township_present, lang),
                &list(people, lang),
                lang,
            ),
            MakeupImpossible {
                unit,
                date,
                people,
                within_days: Some(n),
            } => {
                if en {
                    format!(
                        "the station session at {unit} on {} that {who} missed cannot be made up within {n} days: no make-up day in that time suits {who} and the unit's own people",
                        day(date, Lang::En),
                        who = list(people, lang)
                    )
                } else {
                    let date = day(date, Lang::Zh);
                    format!(
                        "{who}缺席的{unit} {date} 驻点接待无法在 {n} 天内补接待：这段时间没有{who}和本村（社区）人员都能到场的补接待日",
                        who = list(people, lang)
                    )
                }
            }
            MeetingInWindowPlanned {
                title,
                dates,
                start,
                end,
                weekday: wd,
                window_start,
                window_end,
            } => {
                let wd = weekday(*wd, lang);
                let n = dates.len();
                if en {
                    format!(
                        "meeting '{title}' ({start}–{end}) falls in the station window ({wd} {window_start}–{window_end}) on {n} date{}: {}; move it out of the window, or mark it emergency = true if it is one",
                        plural(n),
                        days(dates, lang)
                    )
                } else {
                    format!(
                        "会议“{title}”（{start}–{end}）占用驻点时间（{wd} {window_start}–{window_end}），共 {n} 次：{}；请移出驻点时间，确属急难险重情况的请标为紧急会议",
                        days(dates, lang)
                    )
                }
            }
            MakeupImpossible {
                unit,
                date,
                people,
                within_days: None,
            } => {
                if en {
                    format!(
                        "the station session at {unit} on {} that {} missed cannot be made up within the year: no free make-up day is left after the notice period",
                        day(date, Lang::En),
                        list(people, lang)
                    )
                } else {
                    let date = day(date, Lang::Zh);
                    format!(
                        "{}缺席的{unit} {date} 驻点接待无法在年内补接待：提前通知期之后已没有空闲的补接待日",
                        list(people, lang)
                    )
                }
            }
            HouseholdVisitsShort {
                person,
                team,
                unit,
                households_missing,
                half_days_missing,
                cap,
                cap_would_fit,
                more_helpers,
                by_team_fits,
            } => {
                let mut fixes: Vec<String> = Vec::new();
                if *by_team_fits {
                    fixes.push(if en {
                        "household_visits_by = \"team\" (each household visited by the team together, not by every member)".to_string()
                    } else {
                        "改为每户由团队共同走访（不必每名成员各走一遍）".to_string()
                    });
                }
                if let Some(n) = more_helpers {
                    // The planner puts the unit's own people who may
                    // assist on its team when its visits do not fit
                    // (`planner::visit_assists`), so adding them to the
                    // roster is what to do.
                    fixes.push(if en {
                        format!(
                            "{n} more of the unit's own people who may assist (committee cadres, volunteers…) added to the roster (the plan puts them on the team)"
                        )
                    } else {
                        format!("名册中为该村（社区）再加{n}名可协助的本村（社区）人员（如两委干部，排班时会编入团队）")
                    });
                }
                if let Some(c) = cap_would_fit {
                    fixes.push(if en {
                        format!("a cap of {c} visit half-days a month")
                    } else {
                        format!("把每月走访上限提高到{c}个半天")
                    });
                }
                let who = match (person, en) {
                    (Some(p), true) => p.clone(),
                    (Some(p), false) => p.clone(),
                    (None, true) => format!("the team of {unit} ({})", list(team, lang)),
                    (None, false) => format!("{unit}团队（{}）", team.join("、")),
                };
                let fix = match (fixes.is_empty(), en) {
                    (false, true) => format!("; {} would fit", fixes.join(", or ")),
                    (false, false) => format!("；{}即可排下", fixes.join("，或")),
                    (true, true) => "; fewer units for them would help".to_string(),
                    (true, false) => "；减少其联系点可以缓解".to_string(),
                };
                let each = if person.is_some() { "" } else { " each" };
                if en {
                    let at = if person.is_some() {
                        format!(" at {unit}")
                    } else {
                        String::new()
                    };
                    format!(
                        "{who} cannot make all household visits{at}: {households_missing} household visits ({half_days_missing} half-days) do not fit within {cap} visit half-days a month{each}{fix}"
                    )
                } else {
                    let at = if person.is_some() {
                        format!("在{unit}")
                    } else {
                        String::new()
                    };
                    let each = if person.is_some() { "" } else { "每人" };
                    format!(
                        "{who}{at}的入户走访排不下：{households_missing}户次（{half_days_missing}个半天）超出{each}每月{cap}个半天的走访上限{fix}"
                    )
                }
            }
            OfficialCalendarMissing {
                year,
                holidays,
                workdays,
            } => {
                let (first, last) = (crate::days::OFFICIAL_FIRST.0, crate::days::OFFICIAL_LAST.0);
                if en {
                    format!(
                        "the official calendar of public holidays covers {first}–{last}, not {year}: the calendar uses the roster's own {holidays} holidays and {workdays} swapped working days"
                    )
                } else {
                    format!(
                        "内置的国务院节假日安排只有{first}—{last}年，没有{year}年：本日程按名册所列节假日{holidays}段、调休上班日{workdays}天排定"
                    )
                }
            }
        }
    }
}

/// A session's kind in a cell or a calendar category: 驻点 / 补接待 / 入户走访.
pub fn kind_word(kind: &str, lang: Lang) -> String {
    match (kind, lang) {
        (_, Lang::En) => kind.to_string(),
        ("station", Lang::Zh) => "驻点接待".into(),
        ("makeup", Lang::Zh) => "补接待".into(),
        ("household_visit", Lang::Zh) => "入户走访".into(),
        (other, Lang::Zh) => other.to_string(),
    }
}

/// The calendar CSV's columns. English keeps the names scripts read
/// (with the unit's id); Chinese names them for a planner and leaves the id out,
/// with the names of the workbook's 日程 sheet (`documents`), so the two agree.
pub fn csv_header(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "date",
            "weekday",
            "start",
            "end",
            "unit_id",
            "unit_name",
            "kind",
            "people",
            "hamlet",
            "households",
            "makes_up",
        ],
        Lang::Zh => &[
            "日期",
            "星期",
            "开始",
            "结束",
            "村居",
            "类型",
            "人员",
            "村（居）民小组",
            "户数",
            "补哪次接待",
        ],
    }
}

/// A warning line of `validate` (it does not stop planning: exit 0).
pub fn validate_warning(said: &CalendarSaid, lang: Lang) -> String {
    match lang {
        Lang::En => format!("warning: {}\n", said.say(lang)),
        Lang::Zh => format!("提醒：{}\n", said.say(lang)),
    }
}

/// A session's title in a phone calendar.
pub fn summary(kind: &str, unit_name: &str, hamlet: Option<&str>, lang: Lang) -> String {
    match (kind, lang) {
        ("station", Lang::En) => format!("Station session: {unit_name}"),
        ("station", Lang::Zh) => format!("驻点接待：{unit_name}"),
        ("makeup", Lang::En) => format!("Make-up session: {unit_name}"),
        ("makeup", Lang::Zh) => format!("补接待：{unit_name}"),
        (_, Lang::En) => match hamlet {
            Some(h) if h != unit_name => format!("Household visits: {unit_name} {h}"),
            _ => format!("Household visits: {unit_name}"),
        },
        (_, Lang::Zh) => match hamlet {
            Some(h) if h != unit_name => format!("入户走访：{unit_name}{h}"),
            _ => format!("入户走访：{unit_name}"),
        },
    }
}

/// A phone event's title, marked when the event is cancelled: a phone app
/// that ignores STATUS still shows the session is off.
pub fn summary_marked(
    kind: &str,
    unit_name: &str,
    hamlet: Option<&str>,
    cancelled: bool,
    lang: Lang,
) -> String {
    let title = summary(kind, unit_name, hamlet, lang);
    match (cancelled, lang) {
        (false, _) => title,
        (true, Lang::En) => format!("{title} (cancelled)"),
        (true, Lang::Zh) => format!("{title}（已取消）"),
    }
}

/// Where a session is held: the station room (the roster's `place` when
/// it names one), or the hamlet visited.
pub fn location(
    kind: &str,
    unit_name: &str,
    place: Option<&str>,
    hamlet: Option<&str>,
    lang: Lang,
) -> String {
    match (kind, hamlet, place) {
        ("household_visit", Some(h), _) if h != unit_name => format!("{unit_name}{h}"),
        ("household_visit", _, _) => unit_name.to_string(),
        (_, _, Some(p)) => p.to_string(),
        _ => match lang {
            Lang::En => format!("{unit_name} 党群服务中心 (station room)"),
            Lang::Zh => format!("{unit_name}党群服务中心（驻点工作室）"),
        },
    }
}

pub fn role(r: Role, lang: Lang) -> &'static str {
    match (lang, r) {
        (Lang::En, Role::DepartmentHead) => "department head",
        (Lang::En, Role::PartySecretary) => "party secretary",
        (Lang::En, Role::CommitteeCadre) => "committee cadre",
        (Lang::En, Role::GraduateOfficial) => "graduate official",
        (Lang::En, Role::Volunteer) => "volunteer",
        (Lang::En, Role::Police) => "police",
        (Lang::En, Role::Lawyer) => "lawyer",
        (Lang::En, Role::Deputy) => "deputy",
        (Lang::Zh, Role::DepartmentHead) => "职能部门负责人",
        (Lang::Zh, Role::PartySecretary) => "村党组织书记",
        (Lang::Zh, Role::CommitteeCadre) => "村“两委”干部",
        (Lang::Zh, Role::GraduateOfficial) => "大学生村官",
        (Lang::Zh, Role::Volunteer) => "志愿服务者",
        (Lang::Zh, Role::Police) => "民警",
        (Lang::Zh, Role::Lawyer) => "律师",
        (Lang::Zh, Role::Deputy) => "两代表一委员",
    }
}

/// A leader's role when the roster gives no post.
pub fn leader(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "township leader",
        Lang::Zh => "镇街领导",
    }
}

/// An event's description: who is there, then the whole team.
pub fn description(
    present: &[String],
    team: &[String],
    makes_up: Option<&str>,
    households: Option<u32>,
    lang: Lang,
) -> String {
    let mut lines = Vec::new();
    match lang {
        Lang::En => {
            if let Some(d) = makes_up {
                lines.push(format!("Makes up the station session of {d}"));
            }
            if let Some(h) = households {
                lines.push(format!("Households to visit: {h}"));
            }
            lines.push(format!("Present: {}", present.join(", ")));
            lines.push(format!("Team: {}", team.join(", ")));
        }
        Lang::Zh => {
            if let Some(d) = makes_up {
                lines.push(format!("补 {d} 的驻点接待"));
            }
            if let Some(h) = households {
                lines.push(format!("走访户数：{h}"));
            }
            lines.push(format!("到场：{}", present.join("、")));
            lines.push(format!("团队：{}", team.join("、")));
        }
    }
    lines.join("\n")
}

/// Separator of names inside one CSV cell.
pub fn name_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Zh => "、",
    }
}

/// The calendar a shortfall warning was built in, when it was rebuilt from
/// a date: the date and the number of units rebuilt.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rebuilt {
    /// The date the rebuilt part starts, `YYYY-MM-DD`.
    pub from: String,
    pub units: usize,
}

#[cfg(test)]
mod role_tests {
    use super::{Lang, Role};

    /// A helper's role reads the same in Chinese in the workbook, the
    /// report, the summaries and the city's figures (the glossary's words).
    #[test]
    fn each_role_has_one_chinese_name_everywhere() {
        for r in Role::ALL {
            let name = super::role(r, Lang::Zh);
            assert_eq!(crate::wording::report::role(r, Lang::Zh), name);
            assert_eq!(crate::wording::summary::role_word(r, Lang::Zh), name);
        }
        assert_eq!(super::role(Role::Volunteer, Lang::Zh), "志愿服务者");
        assert_eq!(super::role(Role::Deputy, Lang::Zh), "两代表一委员");
    }
}

#[cfg(test)]
mod date_tests {
    use super::{CalendarSaid, Lang, Rebuilt, Remedy};
    use crate::wording::Say;

    /// A warning says a date of the plan's year as "7月1日" in Chinese and
    /// "Jul 1" in English, as the English report does (the plan covers one
    /// year: no year repeated).
    #[test]
    fn calendar_warnings_say_dates_as_a_planner_writes_them() {
        let meeting = CalendarSaid::MeetingInWindow {
            title: "党委会".into(),
            date: "2026-07-07".into(),
            start: "15:00".into(),
            end: "16:00".into(),
            weekday: chrono::Weekday::Tue,
            window_start: "15:00".into(),
            window_end: "18:30".into(),
            people: vec!["劳广行".into()],
        };
        assert_eq!(
            meeting.say(Lang::Zh),
            "会议“党委会”（7月7日 15:00–16:00）占用驻点时间（周二 15:00–18:30）：劳广行因此不能驻点；重要会议应避开驻点时间"
        );
        assert_eq!(
            meeting.say(Lang::En),
            "meeting '党委会' on Jul 7 15:00–16:00 falls in the station window (Tue 15:00–18:30): it takes 劳广行 away from their station session; major meetings should keep out of the window"
        );
        let lost = |within_days| CalendarSaid::MakeupImpossible {
            unit: "林上村".into(),
            date: "2026-12-29".into(),
            people: vec!["劳广行".into()],
            within_days,
        };
        assert_eq!(
            lost(Some(14)).say(Lang::Zh),
            "劳广行缺席的林上村 12月29日 驻点接待无法在 14 天内补接待：这段时间没有劳广行和本村（社区）人员都能到场的补接待日"
        );
        assert_eq!(
            lost(None).say(Lang::Zh),
            "劳广行缺席的林上村 12月29日 驻点接待无法在年内补接待：提前通知期之后已没有空闲的补接待日"
        );
        assert_eq!(
            lost(Some(14)).say(Lang::En),
            "the station session at 林上村 on Dec 29 that 劳广行 missed cannot be made up within 14 days: no make-up day in that time suits 劳广行 and the unit's own people"
        );
        assert_eq!(
            lost(None).say(Lang::En),
            "the station session at 林上村 on Dec 29 that 劳广行 missed cannot be made up within the year: no free make-up day is left after the notice period"
        );
        let planned = CalendarSaid::MeetingInWindowPlanned {
            title: "例会".into(),
            dates: vec![
                "2026-01-06".into(),
                "2026-01-13".into(),
                "2026-02-03".into(),
            ],
            start: "15:00".into(),
            end: "16:00".into(),
            weekday: chrono::Weekday::Tue,
            window_start: "15:00".into(),
            window_end: "18:30".into(),
        };
        assert_eq!(
            planned.say(Lang::Zh),
            "会议“例会”（15:00–16:00）占用驻点时间（周二 15:00–18:30），共 3 次：1月6、13日；2月3日；请移出驻点时间，确属急难险重情况的请标为紧急会议"
        );
        assert_eq!(
            planned.say(Lang::En),
            "meeting '例会' (15:00–16:00) falls in the station window (Tue 15:00–18:30) on 3 dates: Jan 6, 13; Feb 3; move it out of the window, or mark it emergency = true if it is one"
        );
        let short = CalendarSaid::Shortfall {
            unit: "林上村".into(),
            unit_id: "linshang".into(),
            date: "2026-07-07".into(),
            present: 1,
            min_present: 3,
            township_present: true,
            unit_weeks: 100,
            member_weeks: 120,
            township_members: 3,
            rebuilt: Some(Rebuilt {
                from: "2026-07-01".into(),
                units: 2,
            }),
            remedy: Remedy::Assist,
            made_up: Vec::new(),
            skills: Vec::new(),
        };
        assert_eq!(
            short.say(Lang::Zh),
            "林上村 7月7日 驻点接待：到场1人，少于要求的3人；7月1日起，重新安排的2个村（社区）共需驻点接待100次，其团队中的镇街3名成员每人每周只能去一个点，最多能去120次；为团队增加一名协助人员（村“两委”干部、大学生村官或志愿服务者）即可达到人数"
        );
        assert_eq!(
            short.say(Lang::En),
            "station session at 林上村 (linshang) on Jul 7: 1 present, 3 required; from Jul 1, the 2 units rebuilt have 100 station sessions to staff, and the 3 township members of their teams, one place a week each, can attend at most 120; an assist member on the team (committee cadre, graduate official or volunteer) would make up the number"
        );
    }
}
