//! Words for what `check` finds against a fixed rotation's posted timetable
//! (驻点时间公示表) and its substitutes (代班), and against the make-up rule
//! (补接待: at the unit that lost the session, with its own people, within
//! `makeup_within_days`). They are one `CheckSaid::Timetable` so the main
//! check wording stays as it is.

use chrono::NaiveDate;

use super::{Lang, Say};

#[derive(Debug, Clone, PartialEq)]
pub enum TimetableSaid {
    /// A unit with a leader has no `[[timetable]]` under a fixed rotation.
    Missing,
    /// The timetable names someone other than the unit's leader.
    Leader { stated: String },
    /// `cycle` is not the leader's number of units.
    Cycle { stated: i64, units: usize },
    /// `offset` is outside 0..cycle or another unit of the leader has it.
    Offset {
        offset: i64,
        cycle: usize,
        shared_with: Option<String>,
    },
    /// A turn of the leader here is listed neither for the leader nor a substitute.
    TurnMissing,
    /// A listed date is not a turn of the leader here.
    NotTurn,
    /// The leader's listed date, but they are not in the station session.
    LeaderAbsent,
    /// A substitute listed while the leader was free.
    SubstituteNeedless,
    /// The named substitute is not in that day's station session.
    SubstituteAbsent { person: String },
    /// A make-up later than `makeup_within_days` after the missed session.
    MakeupLate {
        missed: NaiveDate,
        days: i64,
        within: u32,
    },
    /// Nobody of the unit's own people at the make-up.
    MakeupNoOwnPeople,
    /// The unit held no station session on the date made up.
    MakeupNoSession { missed: NaiveDate },
    /// The session made up had a township member: nothing to make up.
    MakeupNotNeeded { missed: NaiveDate },
}

impl Say for TimetableSaid {
    fn say(&self, lang: Lang) -> String {
        use TimetableSaid::*;
        let en = lang == Lang::En;
        match self {
            Missing => if en {
                "the rotation is fixed, but the plan posts no timetable for this unit"
            } else {
                "轮流方式为固定轮流，但方案没有公示该村（社区）的驻点时间表"
            }
            .into(),
            Leader { stated } => {
                if en {
                    format!("the timetable names {stated} as leader, not the unit's leader")
                } else {
                    format!("时间表所列领导{stated}不是该村（社区）的驻点领导")
                }
            }
            Cycle { stated, units } => {
                if en {
                    format!(
                        "the timetable's cycle is {stated} station weeks, but the leader has {units} units"
                    )
                } else {
                    format!("时间表的轮流周期为 {stated} 个驻点周，但该领导联系 {units} 个村（社区）")
                }
            }
            Offset {
                offset,
                cycle,
                shared_with,
            } => match (shared_with, en) {
                (Some(other), true) => format!(
                    "the timetable's offset {offset} is also that of {other}: the leader cannot be at both"
                ),
                (Some(other), false) => {
                    format!("时间表的起始驻点周 {offset} 与{other}相同，领导不能同时在两处")
                }
                (None, true) => format!(
                    "the timetable's offset {offset} is not a station week of a {cycle}-week cycle (0 to {})",
                    cycle.saturating_sub(1)
                ),
                (None, false) => format!(
                    "时间表的起始驻点周 {offset} 不在 {cycle} 周的轮流周期内（0 至 {}）",
                    cycle.saturating_sub(1)
                ),
            },
            TurnMissing => if en {
                "the leader's turn here on this date is listed neither as the leader's nor with a substitute"
            } else {
                "该日轮到领导在本村（社区）驻点，但时间表既未列领导到场，也未列代班人员"
            }
            .into(),
            NotTurn => if en {
                "the timetable lists this date, but it is not the leader's turn here"
            } else {
                "时间表列出了该日，但该日没有轮到领导在本村（社区）驻点"
            }
            .into(),
            LeaderAbsent => if en {
                "the timetable says the leader sits here on this date, but the station session does not include them"
            } else {
                "时间表列明领导该日在本村（社区）驻点，但当天的驻点接待没有该领导"
            }
            .into(),
            SubstituteNeedless => if en {
                "the timetable names a substitute on this date, but the leader was free"
            } else {
                "领导当天没有冲突，时间表却安排了代班"
            }
            .into(),
            SubstituteAbsent { person } => {
                if en {
                    format!("the substitute {person} is not in that day's station session")
                } else {
                    format!("代班人员{person}不在当天的驻点接待中")
                }
            }
            MakeupLate {
                missed,
                days,
                within,
            } => {
                if en {
                    format!(
                        "the make-up is {days} days after the missed session of {missed}; it must be within {within} days"
                    )
                } else {
                    format!(
                        "补接待距所补的 {} 已有 {days} 天，应在 {within} 天之内",
                        super::date(*missed, lang)
                    )
                }
            }
            MakeupNoOwnPeople => if en {
                "none of the unit's own people is at the make-up"
            } else {
                "补接待没有本村（社区）的人员参加"
            }
            .into(),
            MakeupNoSession { missed } => {
                if en {
                    format!("the unit held no station session on {missed} to make up")
                } else {
                    format!("该村（社区） {} 没有驻点接待，无可补接待", super::date(*missed, lang))
                }
            }
            MakeupNotNeeded { missed } => {
                if en {
                    format!(
                        "the station session of {missed} here had a township member, so needs no make-up"
                    )
                } else {
                    format!("{} 的驻点接待已有镇街人员到场，无需补接待", super::date(*missed, lang))
                }
            }
        }
    }
}
