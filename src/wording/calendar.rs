//! Words for the visit calendar: its warnings (meetings in the station window,
//! shortfalls, make-ups that cannot be placed, household visits that do not
//! fit), the labels of its exports, and the `calendar` command's own lines.

use super::{Lang, Say, list};
use crate::model::Role;

pub use super::shortfall::Remedy;
use super::shortfall::remedy;

/// One thing the calendar reports, as a fact; `say` words it.
#[derive(Debug, Clone, PartialEq)]
pub enum CalendarSaid {
    /// A non-emergency meeting overlapping the station window.
    MeetingInWindow {
        title: String,
        date: String,
        start: String,
        end: String,
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
        rebuilt: Option<Rebuilt>,
        remedy: Remedy,
    },
    /// A missed session that no make-up day in the year can hold (or, under
    /// a fixed rotation, none within `within_days` with the unit's own people).
    MakeupImpossible {
        unit: String,
        date: String,
        people: Vec<String>,
        within_days: Option<u32>,
    },
    /// `validate`: a non-emergency meeting inside the station window, with
    /// every date it falls there.
    MeetingInWindowPlanned {
        title: String,
        dates: Vec<String>,
        start: String,
        end: String,
        weekday: chrono::Weekday,
        window_start: String,
        window_end: String,
    },
    /// A member's free half-days cannot hold all their household visits.
    HouseholdVisitsShort {
        /// The member short (`by = "member"`), or `None`: the team as a whole.
        person: Option<String>,
        /// The team's visitors, by name.
        team: Vec<String>,
        unit: String,
        households_missing: u64,
        half_days_missing: usize,
        /// `visit_half_days_per_month`.
        cap: u32,
        /// The smallest monthly cap that would fit, if one does.
        cap_would_fit: Option<u32>,
        /// More visiting helpers of the unit's own that would fit (team rule).
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
                    format!(
                        "meeting '{title}' on {date} {start}–{end} falls in the station window ({wd} {window_start}–{window_end}): {who}; major meetings should keep out of the window"
                    )
                } else {
                    let who = if people.is_empty() {
                        "当天无人因此缺席驻点".to_string()
                    } else {
                        format!("{}因此不能驻点", list(people, lang))
                    };
                    format!(
                        "会议“{title}”（{date} {start}–{end}）占用驻点时间（{wd} {window_start}–{window_end}）：{who}；重要会议应避开驻点时间"
                    )
                }
            }
            Shortfall {
                unit,
                unit_id,
                date,
                present,
                min_present,
                township_present,
                unit_weeks,
                member_weeks,
                township_members,
                rebuilt,
                remedy: r,
            } => {
                let counts = shortfall_counts(
                    *unit_weeks,
                    *member_weeks,
                    *township_members,
                    rebuilt.as_ref(),
                    lang,
                );
                let fix = remedy(r, lang);
                if en {
                    let what = if *township_present {
                        format!("{present} present, {min_present} required")
                    } else {
                        format!(
                            "no township member present ({present} present, {min_present} required)"
                        )
                    };
                    format!(
                        "station session at {unit} ({unit_id}) on {date}: {what}; {counts}; {fix}"
                    )
                } else {
                    let what = if *township_present {
                        format!("到场{present}人，少于要求的{min_present}人")
                    } else {
                        format!("缺少镇级人员的接待（到场{present}人，要求{min_present}人）")
                    };
                    format!("{unit} {date} 驻点：{what}；{counts}；{fix}")
                }
            }
            MakeupImpossible {
                unit,
                date,
                people,
                within_days: Some(n),
            } => {
                if en {
                    format!(
                        "the station session at {unit} on {date} that {} missed cannot be made up within {n} days: no make-up day in that time suits them and the unit's own people",
                        list(people, lang)
                    )
                } else {
                    format!(
                        "{}缺席的{unit} {date} 驻点无法在 {n} 天内补接待：这段时间没有他们和本村（社区）人员都能到场的补接待日",
                        list(people, lang)
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
                        dates.join(", ")
                    )
                } else {
                    format!(
                        "会议“{title}”（{start}–{end}）占用驻点时间（{wd} {window_start}–{window_end}），共 {n} 次：{}；请移出驻点时间，确属急难险重情况的请标为紧急会议",
                        dates.join("、")
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
                        "the station session at {unit} on {date} that {} missed cannot be made up within the year: no free make-up day is left after the notice period",
                        list(people, lang)
                    )
                } else {
                    format!(
                        "{}缺席的{unit} {date} 驻点无法在年内补接待：提前通知期之后已没有空闲的补班日",
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
                    fixes.push(if en {
                        format!(
                            "{n} more helper{} of the unit's own on the team",
                            plural(*n)
                        )
                    } else {
                        format!("团队增加{n}名本村（社区）人员")
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
        ("station", Lang::Zh) => "驻点".into(),
        ("makeup", Lang::Zh) => "补接待".into(),
        ("household_visit", Lang::Zh) => "入户走访".into(),
        (other, Lang::Zh) => other.to_string(),
    }
}

/// The calendar CSV's columns. English keeps the names scripts read
/// (with the unit's id); Chinese names them for a planner and leaves the id out.
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
            "村（社区）",
            "类别",
            "人员",
            "走访地点",
            "户数",
            "补哪天的驻点",
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
        ("station", Lang::Zh) => format!("驻点：{unit_name}"),
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

/// Where a session is held: the station room, or the hamlet visited.
pub fn location(kind: &str, unit_name: &str, hamlet: Option<&str>, lang: Lang) -> String {
    match (kind, hamlet) {
        ("household_visit", Some(h)) if h != unit_name => format!("{unit_name}{h}"),
        ("household_visit", _) => unit_name.to_string(),
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
                lines.push(format!("补 {d} 的驻点"));
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

/// What `zhudian calendar` says on the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandSaid {
    PlanUnreadable {
        path: String,
        detail: String,
    },
    RosterMismatch {
        roster: String,
    },
    Built,
    WroteIcs {
        dir: String,
        files: usize,
        events: usize,
    },
    /// Events of the plans before that the new plan drops (the plan in
    /// force's, and those the chain of replans carries), written cancelled.
    CancelledIcs {
        cancelled: usize,
    },
    WroteCsv {
        path: String,
        rows: usize,
    },
    /// A city's township: its events of the plan in force written cancelled.
    TownshipCancelled {
        previous: String,
        cancelled: usize,
    },
    /// A city's township with no plan of the same name under `--previous`.
    TownshipNoPrevious {
        dir: String,
    },
    /// A city's cancelled events in all.
    CityCancelled {
        cancelled: usize,
        townships: usize,
        missing: usize,
    },
    Totals {
        station: usize,
        makeup: usize,
        visits: usize,
        shortfall: usize,
        warnings: usize,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
}

impl Say for CommandSaid {
    fn say(&self, lang: Lang) -> String {
        use CommandSaid::*;
        let en = lang == Lang::En;
        match self {
            PlanUnreadable { path, detail } => {
                if en {
                    format!("{path}: cannot read the plan: {detail}")
                } else {
                    format!("{path}：无法读取方案：{detail}")
                }
            }
            RosterMismatch { roster } => {
                if en {
                    format!(
                        "note: {roster} has changed since the plan was made (its sha256 differs); the calendar uses the roster as it is now"
                    )
                } else {
                    format!("注意：{roster} 在生成方案后已被修改；日程按当前名册生成")
                }
            }
            Built => {
                if en {
                    "the plan has no sessions yet: the calendar was built from its assignment"
                        .into()
                } else {
                    "方案中尚无日程：已按其分工生成日程".into()
                }
            }
            WroteIcs { dir, files, events } => {
                if en {
                    format!(
                        "wrote {} ({}, one per person and session) to {dir}",
                        super::counted(*files, "calendar file", "calendar files"),
                        super::counted(*events, "event", "events")
                    )
                } else {
                    format!(
                        "已在 {dir} 写入 {files} 个日历文件（共 {events} 条手机日程，每人每场活动一条）"
                    )
                }
            }
            CancelledIcs { cancelled } => {
                if en {
                    let (events, are) = if *cancelled == 1 {
                        ("event", "is")
                    } else {
                        ("events", "are")
                    };
                    format!(
                        "{cancelled} {events} of earlier plans {are} cancelled in them (every event dropped by a replan since the year's first plan), one per person taken off a session (a phone that re-imports a file removes them)"
                    )
                } else {
                    format!(
                        "其中 {cancelled} 条此前方案的手机日程已标为取消（本年度历次调整所取消的全部日程），每名不再参加该场活动的人员一条（手机重新导入文件后会删去）"
                    )
                }
            }
            TownshipCancelled {
                previous,
                cancelled,
            } => {
                if en {
                    format!(
                        "{} of the plan in force ({previous}) written cancelled",
                        super::counted(*cancelled, "event", "events")
                    )
                } else {
                    format!("原方案（{previous}）的 {cancelled} 条手机日程已标为取消")
                }
            }
            TownshipNoPrevious { dir } => {
                if en {
                    format!(
                        "no previous plan of this name in {dir}: nothing written cancelled for this township"
                    )
                } else {
                    format!("{dir} 中没有同名的原方案：本镇街没有标为取消的日程")
                }
            }
            CityCancelled {
                cancelled,
                townships,
                missing,
            } => {
                if en {
                    let none = if *missing > 0 {
                        format!(
                            "; {} had no previous plan",
                            super::counted(*missing, "township", "townships")
                        )
                    } else {
                        String::new()
                    };
                    format!(
                        "{} of the plans in force written cancelled in all, across {} (a phone that re-imports a file removes them){none}",
                        super::counted(*cancelled, "event", "events"),
                        super::counted(*townships, "township", "townships")
                    )
                } else {
                    let none = if *missing > 0 {
                        format!("；{missing} 个镇街没有原方案")
                    } else {
                        String::new()
                    };
                    format!(
                        "全市共 {cancelled} 条原方案的手机日程已标为取消，涉及 {townships} 个镇街（手机重新导入文件后会删去）{none}"
                    )
                }
            }
            WroteCsv { path, rows } => {
                if en {
                    format!(
                        "wrote {path} ({})",
                        super::counted(*rows, "session", "sessions")
                    )
                } else {
                    format!("已写入 {path}（{rows} 条日程）")
                }
            }
            Totals {
                station,
                makeup,
                visits,
                shortfall,
                warnings,
            } => {
                if en {
                    format!(
                        "{}, {}, {}; {} without a township member; {}",
                        super::counted(*station, "station session", "station sessions"),
                        super::counted(*makeup, "make-up", "make-ups"),
                        super::counted(
                            *visits,
                            "household visit session",
                            "household visit sessions"
                        ),
                        super::counted(*shortfall, "session", "sessions"),
                        super::counted(*warnings, "warning", "warnings")
                    )
                } else {
                    format!(
                        "驻点 {station} 次，补接待 {makeup} 次，入户走访 {visits} 次；缺少镇级人员的接待 {shortfall} 次；提醒 {warnings} 条"
                    )
                }
            }
            CannotWrite { path, detail } => {
                if en {
                    format!("{path}: cannot write: {detail}")
                } else {
                    format!("{path}：无法写入：{detail}")
                }
            }
        }
    }
}

/// The calendar a shortfall warning was built in, when it was rebuilt from
/// a date: the date and the number of units rebuilt.
#[derive(Debug, Clone, PartialEq)]
pub struct Rebuilt {
    /// The date the rebuilt part starts, `YYYY-MM-DD`.
    pub from: String,
    pub units: usize,
}

/// A shortfall's demand and supply, saying what they count: the year, or
/// the units rebuilt from a date.
fn shortfall_counts(
    unit_weeks: usize,
    member_weeks: usize,
    members: usize,
    rebuilt: Option<&Rebuilt>,
    lang: Lang,
) -> String {
    match (rebuilt, lang) {
        (None, Lang::En) => format!(
            "the year has {unit_weeks} station sessions to staff, and the township's {members} members, one place a week each, can attend at most {member_weeks}"
        ),
        (None, Lang::Zh) => format!(
            "全年共需驻点{unit_weeks}次，镇街{members}名成员每人每周只能去一个点，全年最多能去{member_weeks}次"
        ),
        (Some(Rebuilt { from, units }), Lang::En) => format!(
            "from {from}, the {} rebuilt have {unit_weeks} station sessions to staff, and the {members} township members of their teams, one place a week each, can attend at most {member_weeks}",
            super::counted(*units, "unit", "units")
        ),
        (Some(Rebuilt { from, units }), Lang::Zh) => {
            let day = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d")
                .map(|d| d.format("%-m月%-d日").to_string())
                .unwrap_or_else(|_| from.clone());
            format!(
                "{day}起，重新安排的{units}个村（社区）共需驻点{unit_weeks}次，其团队中的镇街{members}名成员每人每周只能去一个点，最多能去{member_weeks}次"
            )
        }
    }
}

/// The calendar's figures in one line under the plan's table.
pub fn figures(m: &crate::plan::Metrics, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "  calendar: {}, {}, {}; {} without a township member, {} in the plan file",
            super::counted(m.station_sessions, "station session", "station sessions"),
            super::counted(m.makeup_sessions, "make-up", "make-ups"),
            super::counted(
                m.household_visit_sessions,
                "household-visit half-day",
                "household-visit half-days"
            ),
            super::counted(m.shortfall_sessions, "session", "sessions"),
            super::counted(m.warnings, "warning", "warnings")
        ),
        Lang::Zh => format!(
            "  日程：驻点 {} 次，补接待 {} 次，入户走访 {} 次；缺少镇级人员的接待 {} 次；方案文件中有 {} 条提醒",
            m.station_sessions,
            m.makeup_sessions,
            m.household_visit_sessions,
            m.shortfall_sessions,
            m.warnings
        ),
    }
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
