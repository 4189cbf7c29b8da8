//! Words of the `calendar` command on the terminal (files written, events
//! cancelled, totals) and the calendar's figures line under `plan`'s table.
//! The calendar's warnings and export labels are in `calendar.rs`.

use super::{Lang, Say};
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
    /// A city's cancelled events in all; `city` its name (a county's own:
    /// 示例县), empty for 全市.
    CityCancelled {
        city: String,
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
                city,
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
                    let city = if city.is_empty() { "全市" } else { city };
                    format!(
                        "{city}共 {cancelled} 条原方案的手机日程已标为取消，涉及 {townships} 个镇街（手机重新导入文件后会删去）{none}"
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
                        "驻点接待 {station} 次，补接待 {makeup} 次，入户走访 {visits} 次；缺少镇级人员的接待 {shortfall} 次；提醒 {warnings} 条"
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

/// The calendar's figures in one line under the plan's table.
pub fn figures(m: &crate::plan::Metrics, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "  calendar: {}, {}, {}; {} without a township member, {} in the plan file",
            super::counted(m.station_sessions, "station session", "station sessions"),
            super::counted(m.makeup_sessions, "make-up", "make-ups"),
            super::counted(
                m.household_visit_sessions,
                "household visit session",
                "household visit sessions"
            ),
            super::counted(m.shortfall_sessions, "session", "sessions"),
            super::counted(m.warnings, "warning", "warnings")
        ),
        Lang::Zh => format!(
            "  日程：驻点接待 {} 次，补接待 {} 次，入户走访 {} 次；缺少镇级人员的接待 {} 次；方案文件中有 {} 条提醒",
            m.station_sessions,
            m.makeup_sessions,
            m.household_visit_sessions,
            m.shortfall_sessions,
            m.warnings
        ),
    }
}
