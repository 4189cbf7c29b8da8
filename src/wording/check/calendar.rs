//! Words for what `check` finds against the calendar rules of
//! docs/calendar.md: people and dates, holidays and blocks, the station
//! window and who must be there, rotation, meeting warnings, make-ups and
//! household visits.

use super::*;

/// The words of one of this family's facts.
pub(super) fn say(said: &CheckSaid, lang: Lang) -> String {
    use CheckSaid::*;
    let en = lang == Lang::En;
    match said {
        ListedTwice => {
            if en {
                "is listed twice in this session".into()
            } else {
                "在本次活动中被重复列出".into()
            }
        }
        UnknownPerson => {
            if en {
                "is not a cadre or helper in the roster".into()
            } else {
                "不是名册中的干部或协助人员".into()
            }
        }
        OutsideYear { year } => {
            if en {
                format!("the session is outside the year {year}")
            } else {
                format!("该活动不在 {year} 年内")
            }
        }
        InHoliday { kind: k, holiday } => {
            if en {
                format!("a {} falls in the holiday {holiday}", kind(*k, lang))
            } else {
                format!("{}安排在{holiday}假期内", kind(*k, lang))
            }
        }
        NotOnTeam { kind: k } => {
            if en {
                format!("is in a {} but not on this unit's team", kind(*k, lang))
            } else {
                format!("参加了{}，但不是该村（社区）团队的成员", kind(*k, lang))
            }
        }
        Blocked {
            kind: k,
            start,
            end,
            block: b,
        } => match (b, en) {
            (Block::Away { .. }, true) => format!(
                "is in a {} {}–{} while {}",
                kind(*k, lang),
                hm(*start),
                hm(*end),
                block(b, lang)
            ),
            (Block::Meeting { .. }, true) => format!(
                "is in a {} {}–{} during {}",
                kind(*k, lang),
                hm(*start),
                hm(*end),
                block(b, lang)
            ),
            (Block::Away { .. }, false) => format!(
                "{}期间被安排了 {}–{} 的{}",
                block(b, lang),
                hm(*start),
                hm(*end),
                kind(*k, lang)
            ),
            (Block::Meeting { .. }, false) => format!(
                "在{}期间被安排了 {}–{} 的{}",
                block(b, lang),
                hm(*start),
                hm(*end),
                kind(*k, lang)
            ),
        },
        NotInWindow {
            weekday: d,
            start,
            end,
            window_day,
            window,
        } => {
            if en {
                format!(
                    "the station session is on a {} {}–{}, not in the window, {} {}–{}",
                    weekday(*d, lang),
                    hm(*start),
                    hm(*end),
                    weekday(*window_day, lang),
                    hm(window.0),
                    hm(window.1)
                )
            } else {
                format!(
                    "驻点接待安排在{} {}–{}，不在驻点时间{} {}–{}",
                    weekday(*d, lang),
                    hm(*start),
                    hm(*end),
                    weekday(*window_day, lang),
                    hm(window.0),
                    hm(window.1)
                )
            }
        }
        Shortfall {
            present,
            min,
            township,
        } => {
            let short = present < min;
            match (short, township, en) {
                    (true, false, true) => format!(
                        "the station session has {present} of the {min} members required and no township member, and there is no shortfall warning for it"
                    ),
                    (true, true, true) => format!(
                        "the station session has {present} of the {min} members required, and there is no shortfall warning for it"
                    ),
                    (_, _, true) => "the station session has no township member (the leader or a township helper), and there is no shortfall warning for it".into(),
                    (true, false, false) => format!(
                        "驻点接待只有 {present} 人（至少需 {min} 人），且没有镇级人员，方案也没有给出“驻点接待人手不足”提醒"
                    ),
                    (true, true, false) => format!(
                        "驻点接待只有 {present} 人（至少需 {min} 人），方案也没有给出“驻点接待人手不足”提醒"
                    ),
                    (_, _, false) => "驻点接待没有镇级人员（驻点领导或镇级协助人员），方案也没有给出“驻点接待人手不足”提醒".into(),
                }
        }
        StationMissing => {
            if en {
                "has no station session this week".into()
            } else {
                "本周没有驻点接待".into()
            }
        }
        StationTwice => {
            if en {
                "has two station sessions on this date".into()
            } else {
                "当天有两次驻点接待".into()
            }
        }
        StationOffTurn => {
            if en {
                "a fortnightly unit holds a station session in a week off its turn".into()
            } else {
                "隔周驻点的村（社区）在非轮值周安排了驻点接待".into()
            }
        }
        Overlap {
            kind: k,
            start,
            end,
            other_unit,
            other_kind,
            other_start,
            other_end,
        } => {
            if en {
                format!(
                    "is in a {} {}–{} and, at the same time, in a {} at {other_unit} {}–{}",
                    kind(*k, lang),
                    hm(*start),
                    hm(*end),
                    kind(*other_kind, lang),
                    hm(*other_start),
                    hm(*other_end)
                )
            } else {
                format!(
                    "{}–{} 的{}与{other_unit} {}–{} 的{}时间重叠",
                    hm(*start),
                    hm(*end),
                    kind(*k, lang),
                    hm(*other_start),
                    hm(*other_end),
                    kind(*other_kind, lang)
                )
            }
        }
        Rotation {
            units,
            missed,
            from,
            to,
        } => {
            let when = match (from == to, en) {
                (true, true) => format!("on {from}"),
                (false, true) => format!("from {from} to {to}"),
                (true, false) => crate::wording::date(*from, lang),
                (false, false) => format!(
                    "{} 至 {}",
                    crate::wording::date(*from, lang),
                    crate::wording::date(*to, lang)
                ),
            };
            match (*units, en) {
                (1, true) => format!(
                    "the leader has only this unit, so must be at every station session held while free, but missed {missed} ({when})"
                ),
                (_, true) => format!(
                    "the leader has {units} units, so must be at each at least once every {units} station sessions, but missed {missed} in a row while free ({when})"
                ),
                (1, false) => format!(
                    "该领导只联系这一个村（社区），没有冲突时应参加每次驻点接待，但缺席了 {missed} 次（{when}）"
                ),
                (_, false) => format!(
                    "该领导联系 {units} 个村（社区），每 {units} 次驻点接待至少应到场一次，但在没有冲突的情况下连续缺席 {missed} 次（{when}）"
                ),
            }
        }
        MeetingWarningMissing { title, start, end } => {
            if en {
                format!(
                    "the meeting {title} ({}–{}) falls in the station window, but there is no meeting_in_window warning for it",
                    hm(*start),
                    hm(*end)
                )
            } else {
                format!(
                    "会议“{title}”（{}–{}）占用驻点时间，但方案没有给出“会议占用驻点时间”提醒",
                    hm(*start),
                    hm(*end)
                )
            }
        }
        MakeupMissing { block: b } => {
            if en {
                format!(
                    "misses the station session ({}), but there is no make-up session for it nor a warning that it cannot be made up",
                    block(b, lang)
                )
            } else {
                format!(
                    "因{}缺席驻点接待，但没有为其安排补接待，也没有给出“无法补接待”提醒",
                    block(b, lang)
                )
            }
        }
        MakeupImpossibleButFree { free } => {
            if en {
                format!(
                    "a warning says this session cannot be made up, but {free} ({}) suits everyone it names: hold the make-up then",
                    weekday(chrono::Datelike::weekday(free), lang)
                )
            } else {
                format!(
                    "提醒称此次驻点接待无法补接待，但 {}（{}）所列人员都有空：请在当天补接待",
                    crate::wording::date(*free, lang),
                    weekday(chrono::Datelike::weekday(free), lang)
                )
            }
        }
        MakeupNoDate => {
            if en {
                "the make-up session does not say which session it makes up (makes_up)".into()
            } else {
                "补接待没有注明所补的是哪一次驻点接待（makes_up）".into()
            }
        }
        MakeupNotStationDate { missed } => {
            if en {
                format!("makes up {missed}, which is not a station date of the year")
            } else {
                format!(
                    "所补的 {} 不是本年度的驻点接待日",
                    crate::wording::date(*missed, lang)
                )
            }
        }
        MakeupDay {
            weekday: d,
            allowed,
        } => {
            let a: Vec<String> = allowed
                .iter()
                .map(|w| weekday(*w, lang).to_string())
                .collect();
            if en {
                format!(
                    "the make-up is on a {}, not on a make-up day ({})",
                    weekday(*d, lang),
                    a.join(", ")
                )
            } else {
                format!(
                    "补接待安排在{}，不在补接待日（{}）",
                    weekday(*d, lang),
                    a.join("、")
                )
            }
        }
        MakeupNotice { missed, days, need } => {
            if en {
                format!(
                    "the make-up is {days} days after the missed session of {missed}; it needs at least {need} days' notice"
                )
            } else {
                format!(
                    "补接待距所补的 {} 只有 {days} 天，至少应提前 {need} 天通知",
                    crate::wording::date(*missed, lang)
                )
            }
        }
        MakeupWindow { start, end, window } => {
            if en {
                format!(
                    "the make-up is {}–{}, not the station window {}–{}",
                    hm(*start),
                    hm(*end),
                    hm(window.0),
                    hm(window.1)
                )
            } else {
                format!(
                    "补接待时间为 {}–{}，不是驻点时间 {}–{}",
                    hm(*start),
                    hm(*end),
                    hm(window.0),
                    hm(window.1)
                )
            }
        }
        MakeupNobody => {
            if en {
                "the make-up session has nobody in it".into()
            } else {
                "补接待没有安排人员".into()
            }
        }
        VisitPeople { n } => {
            if en {
                format!(
                    "a household visit has {n} people; a visit holds one to three of the unit's team"
                )
            } else {
                format!("入户走访安排了 {n} 人；每次走访应有一至三名团队成员")
            }
        }
        VisitTimes { start, end } => {
            if en {
                format!(
                    "the visit is {}–{}, not a half day (09:00–12:00 or 14:30–17:30)",
                    hm(*start),
                    hm(*end)
                )
            } else {
                format!(
                    "走访时间为 {}–{}，不是半天（09:00–12:00 或 14:30–17:30）",
                    hm(*start),
                    hm(*end)
                )
            }
        }
        VisitDay { weekday, days } => {
            let names: Vec<String> = days
                .iter()
                .map(|d| crate::wording::calendar::weekday(*d, lang).to_string())
                .collect();
            if en {
                format!(
                    "the visit is on a {weekday}, neither a visit day ({}) nor a swapped working day",
                    names.join(", ")
                )
            } else {
                format!(
                    "走访安排在{}，既不是走访日（{}），也不是调休上班日",
                    crate::wording::calendar::weekday(*weekday, lang),
                    names.join("、")
                )
            }
        }
        VisitCap {
            month,
            half_days,
            cap,
        } => {
            if en {
                format!(
                    "{half_days} visit half-days in month {month}, more than visit_half_days_per_month = {cap}"
                )
            } else {
                format!("{month} 月走访 {half_days} 个半天，超过每人每月最多 {cap} 个半天")
            }
        }
        VisitLeaderAlone { free } => {
            if en {
                format!(
                    "the leader visits without the unit's own people while {} {} free",
                    super::super::list(free, lang),
                    if free.len() == 1 { "was" } else { "were" }
                )
            } else {
                format!(
                    "驻点领导没有和本村（社区）人员一起走访，而{}当时有空",
                    free.join("、")
                )
            }
        }
        VisitNoHouseholds => {
            if en {
                "the visit names no households".into()
            } else {
                "走访没有注明户数".into()
            }
        }
        VisitTooMany { households, max } => {
            if en {
                format!(
                    "the visit covers {households} households, more than households_per_visit_session = {max}"
                )
            } else {
                format!("一次走访 {households} 户，超过每次最多 {max} 户")
            }
        }
        VisitNoHamlet => {
            if en {
                "the visit names no hamlet".into()
            } else {
                "走访没有注明村民小组".into()
            }
        }
        VisitHamlet { hamlet } => {
            if en {
                format!("'{hamlet}' is not a hamlet of this unit")
            } else {
                format!("“{hamlet}”不是该村（社区）的村民小组")
            }
        }
        VisitsShort { short } => {
            let parts: Vec<String> = short
                .iter()
                .map(|(h, done, due)| {
                    if en {
                        format!("{h} {done} of {due}")
                    } else {
                        format!("{h} {done}/{due}")
                    }
                })
                .collect();
            if en {
                format!(
                    "household visits fall short ({}), and there is no household_visits_short warning",
                    parts.join(", ")
                )
            } else {
                format!(
                    "入户走访户次不足（{}），方案也没有给出“入户走访排不下”提醒",
                    parts.join("、")
                )
            }
        }
        VisitsShortButFree {
            short,
            half_days,
            first,
            afternoon,
        } => {
            let parts: Vec<String> = short
                .iter()
                .map(|(h, done, due)| {
                    if en {
                        format!("{h} {done} of {due}")
                    } else {
                        format!("{h} {done}/{due}")
                    }
                })
                .collect();
            let weekday = weekday(chrono::Datelike::weekday(first), lang);
            if en {
                let half = if *afternoon { "afternoon" } else { "morning" };
                format!(
                    "household visits fall short ({}) and a household_visits_short warning says they do not fit, but {half_days} half-days were free for visits under the monthly cap, the first {first} ({weekday}) {half}: schedule the visits then",
                    parts.join(", ")
                )
            } else {
                let half = if *afternoon { "下午" } else { "上午" };
                format!(
                    "入户走访户次不足（{}），提醒称排不下，但在每月上限之内仍有 {half_days} 个半天可以走访，最早是 {}（{weekday}）{half}：请在这些时间安排走访",
                    parts.join("、"),
                    crate::wording::date(*first, lang)
                )
            }
        }
        VisitSpread {
            month,
            sessions,
            total,
            limit,
            since,
        } => {
            if en {
                let of = match since {
                    Some(m) => format!("the {total} visit sessions here from month {m}"),
                    None => format!("the {total} visit sessions here"),
                };
                format!(
                    "{sessions} of {of} fall in month {month}, more than twice the even share ({limit})"
                )
            } else {
                let of = match since {
                    Some(m) => format!("{m}月起 {total} 次"),
                    None => format!("全年 {total} 次"),
                };
                format!(
                    "{month} 月安排了 {sessions} 次走访（{of}），超过平均份额的两倍（{limit} 次）"
                )
            }
        }
        _ => unreachable!("worded by the other family (see `impl Say for CheckSaid`)"),
    }
}
