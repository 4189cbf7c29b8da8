//! Words for the year as lived under `check`: someone in a session outside
//! their service (after `leaves`, before `joins` or a handover), and the
//! sessions before `--from DATE` that differ from the plan in force, and
//! the teams recorded for the stretches before it that differ from its,
//! and handover lines that do not match the teams.

use chrono::NaiveDate;

use super::{SessionKind, kind};
use crate::wording::{Lang, Say};

/// What is wrong across a handover or a replan from a date.
#[derive(Debug, Clone, PartialEq)]
pub enum YearSaid {
    /// In a session on or after the day they leave (or hand over).
    AfterLeaving {
        kind: SessionKind,
        leaves: NaiveDate,
    },
    /// In a session before the day they join (or take over).
    BeforeJoining { kind: SessionKind, joins: NaiveDate },
    /// A session before the date that the plan in force does not have.
    PastAdded { kind: SessionKind, from: NaiveDate },
    /// A session of the plan in force before the date, missing or changed.
    PastDropped { kind: SessionKind, from: NaiveDate },
    /// The unit's team recorded for the stretch ending at `until`
    /// (`[[earlier_team]]`) is not the one the plan in force had then.
    EarlierTeamNotInForce { until: NaiveDate },
    /// The predecessor hands this unit (`None`) or team place (from 1) to
    /// the named successor on the day, and `[[handover]]` does not list it.
    HandoverNotListed(String, Option<usize>),
    /// `[[handover]]` lists this unit or team place as handed to the named
    /// successor on the day, and the teams show no such change.
    HandoverListedWrongly(String, Option<usize>),
    /// A `[[handover]]` line to the named successor that no `succeeds` in
    /// the roster makes.
    HandoverNotInRoster { successor: String },
}

impl Say for YearSaid {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            YearSaid::AfterLeaving { kind: k, leaves } => {
                if en {
                    format!("is in a {} but left on {leaves}", kind(*k, lang))
                } else {
                    format!(
                        "参加了{}，但已于{}离任",
                        kind(*k, lang),
                        crate::wording::date(*leaves, lang)
                    )
                }
            }
            YearSaid::BeforeJoining { kind: k, joins } => {
                if en {
                    format!("is in a {} but only joins on {joins}", kind(*k, lang))
                } else {
                    format!(
                        "参加了{}，但{}才到任",
                        kind(*k, lang),
                        crate::wording::date(*joins, lang)
                    )
                }
            }
            YearSaid::PastAdded { kind: k, from } => {
                if en {
                    format!(
                        "a {} before {from} that the plan in force does not have; the past is kept as it was",
                        kind(*k, lang)
                    )
                } else {
                    format!(
                        "{}之前多出一次原方案没有的{}；此前的安排应保持原样",
                        crate::wording::date(*from, lang),
                        kind(*k, lang)
                    )
                }
            }
            YearSaid::PastDropped { kind: k, from } => {
                if en {
                    format!(
                        "the plan in force has this {} before {from}, and this plan drops or changes it; the past is kept as it was",
                        kind(*k, lang)
                    )
                } else {
                    format!(
                        "原方案在{}之前的这次{}被删去或改动；此前的安排应保持原样",
                        crate::wording::date(*from, lang),
                        kind(*k, lang)
                    )
                }
            }
            YearSaid::EarlierTeamNotInForce { until } => {
                if en {
                    format!(
                        "the team this plan records as serving until {until} ([[earlier_team]]) is not the one the plan in force had then"
                    )
                } else {
                    format!(
                        "本方案记录的{}之前的团队与原方案当时的团队不符",
                        crate::wording::date(*until, lang)
                    )
                }
            }
            YearSaid::HandoverNotListed(to, slot) => {
                let what = post(*slot, lang);
                if en {
                    format!(
                        "hands {what} over to {to} on this day, and the plan's handover lines ([[handover]]) do not list it"
                    )
                } else {
                    format!("当日把{what}交给{to}，但方案的交接记录（[[handover]]）没有列出")
                }
            }
            YearSaid::HandoverListedWrongly(to, slot) => {
                let what = post(*slot, lang);
                if en {
                    format!(
                        "the plan's handover lines ([[handover]]) list {what} as handed over to {to} on this day, but the teams show no such change"
                    )
                } else {
                    format!(
                        "方案的交接记录（[[handover]]）写明当日把{what}交给{to}，但前后团队并无此交接"
                    )
                }
            }
            YearSaid::HandoverNotInRoster { successor } => {
                if en {
                    format!(
                        "the plan's handover lines ([[handover]]) list a handover to {successor} on this day that the roster does not have"
                    )
                } else {
                    format!(
                        "方案的交接记录（[[handover]]）列有当日交给{successor}的一条，但名册中没有这一接任"
                    )
                }
            }
        }
    }
}

/// The post a handover changes: the unit's leadership, or a team place.
fn post(slot: Option<usize>, lang: Lang) -> String {
    match (slot, lang == Lang::En) {
        (None, true) => "this unit".into(),
        (None, false) => "本村（社区）的联系工作".into(),
        (Some(k), true) => format!("team place {k} of this unit"),
        (Some(k), false) => format!("本村（社区）团队的第{k}个岗位"),
    }
}

/// A replan in sessions: those of the plan in force before the date
/// untouched, those from it changed. `from` is `None` for a city whose
/// townships were replanned from different dates: each one's own date.
pub(super) fn past_said(
    from: Option<NaiveDate>,
    p: &crate::verify::past::PastCounts,
    lang: Lang,
) -> String {
    let (before_day, from_day) = match (lang, from) {
        (Lang::En, Some(d)) => (format!("before {d}"), format!("from {d}")),
        (Lang::Zh, Some(d)) => {
            let d = crate::wording::date(d, lang);
            (format!("{d}之前"), format!("{d}起"))
        }
        (Lang::En, None) => (
            "before each township's date".to_string(),
            "from it".to_string(),
        ),
        (Lang::Zh, None) => ("各镇街重新编排日之前".to_string(), "此后".to_string()),
    };
    let before = match (lang, p.untouched == p.before) {
        (Lang::En, true) => format!(
            "{before_day}, all {} sessions of the plan in force are untouched",
            p.before
        ),
        (Lang::En, false) => format!(
            "{before_day}, {} of the plan in force's {} sessions are untouched",
            p.untouched, p.before
        ),
        (Lang::Zh, true) => format!("{before_day}：原方案 {} 场活动均未改动", p.before),
        (Lang::Zh, false) => format!(
            "{before_day}：原方案 {} 场活动中 {} 场未改动",
            p.before, p.untouched
        ),
    };
    match lang {
        Lang::En => format!(
            "{before}; {from_day}, {} of its sessions are dropped, moved or with other people, and {} are new",
            p.dropped, p.added
        ),
        Lang::Zh => format!(
            "{before}；{from_day}：原方案 {} 场取消、改期或换人，新增 {} 场",
            p.dropped, p.added
        ),
    }
}

/// A township of a city whose plan is the plan in force byte for byte
/// (its roster did not change, so `replan` kept it).
pub fn kept_line(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "kept byte for byte from the plan in force",
        Lang::Zh => "与原方案逐字节相同（未重新编排）",
    }
}

/// The city's replan in sessions, added up over the `replanned` townships
/// (`from` their common date, `None` when they differ); `kept` townships
/// are the plan in force byte for byte. `city` is the city's name (a
/// county's own: 示例县), empty for 全市 / The city.
pub fn city_past_line(
    city: &str,
    from: Option<NaiveDate>,
    total: &crate::verify::past::PastCounts,
    replanned: usize,
    kept: usize,
    lang: Lang,
) -> String {
    let said = past_said(from, total, lang);
    let townships = |n: usize| if n == 1 { "township" } else { "townships" };
    match lang {
        Lang::En => {
            let kept = match kept {
                0 => String::new(),
                k => format!("; {k} {} kept byte for byte", townships(k)),
            };
            let city = if city.is_empty() { "The city" } else { city };
            format!(
                "{city}, {replanned} {} replanned: {said}{kept}.",
                townships(replanned)
            )
        }
        Lang::Zh => {
            let kept = match kept {
                0 => String::new(),
                k => format!("；另有 {k} 个镇街的方案与原方案逐字节相同"),
            };
            let city = if city.is_empty() { "全市" } else { city };
            format!("{city}（重新编排 {replanned} 个镇街）：{said}{kept}。")
        }
    }
}

/// `check --previous` given another plan than the one the plan was
/// replanned from (by its recorded SHA-256): said before anything else,
/// as every rule would otherwise fail against the wrong teams. `recorded`
/// and `given` are file names; the same name means the file has changed.
pub fn other_previous_line(recorded: &str, given: &str, lang: Lang) -> String {
    match (recorded == given, lang) {
        (false, Lang::En) => format!(
            "this plan was replanned from {recorded}, not from {given}: give {recorded} as --previous"
        ),
        (false, Lang::Zh) => {
            format!("本方案是从 {recorded} 重排的，不是从 {given}：请用 {recorded} 作 --previous")
        }
        (true, Lang::En) => format!(
            "{given} has changed since this plan was replanned from it: give the plan in force as it was then as --previous"
        ),
        (true, Lang::Zh) => {
            format!("本方案重排后，{given} 已被改动：请用重排时的上一版方案作 --previous")
        }
    }
}
