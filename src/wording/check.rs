//! Words for what `check` finds in a plan: one line per violation, naming
//! the rule, the unit, the person and the date, then what is wrong; notes;
//! the closing summary; and why a plan file cannot be read.

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::{Lang, Say};
use crate::model::{Role, Roster};
use crate::verify::{Report, Violation};

/// The rule a violation breaks, as the spec and docs/calendar.md number them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Hard rule 1: one leader per unit, leaders within their bounds.
    Leader,
    /// Hard rule 2: team slots and max_teams.
    Team,
    /// Hard rule 3: needs and assist members.
    Needs,
    /// Hard rule 4: home unit, distance, people away all year.
    Placement,
    /// The cost, its terms and the per-leader lines.
    Cost,
    /// A leader's stated tour.
    Tour,
    /// Calendar rule 1: station sessions.
    Station,
    /// Calendar rule 2: nobody in two places at once.
    OnePlace,
    /// Calendar rule 2: nobody in a session while away, in a meeting or on holiday.
    Blocked,
    /// Calendar rule 2: each leader at each unit once per n sessions.
    Rotation,
    /// Calendar rule 3: meetings in the window.
    Meetings,
    /// Calendar rule 3: make-ups.
    Makeup,
    /// Calendar rule 4: household visits.
    Visits,
    /// The calendar's counts in [plan.metrics].
    Figures,
}

impl Say for Rule {
    fn say(&self, lang: Lang) -> String {
        let (en, zh) = match self {
            Rule::Leader => ("rule 1 (one leader per unit)", "规则 1（每个单位一名领导）"),
            Rule::Team => ("rule 2 (team slots)", "规则 2（队伍岗位）"),
            Rule::Needs => ("rule 3 (needs)", "规则 3（所需技能）"),
            Rule::Placement => (
                "rule 4 (home unit, distance, away)",
                "规则 4（回避、路程、外出）",
            ),
            Rule::Cost => ("cost", "方案扣分"),
            Rule::Tour => ("tour", "驻点路线"),
            Rule::Station => (
                "calendar rule 1 (station sessions)",
                "日历规则 1（驻点接待）",
            ),
            Rule::OnePlace => (
                "calendar rule 2 (one place at a time)",
                "日历规则 2（同一时间只在一处）",
            ),
            Rule::Blocked => (
                "calendar rule 2 (away, meeting or holiday)",
                "日历规则 2（外出、开会或节假日）",
            ),
            Rule::Rotation => ("calendar rule 2 (rotation)", "日历规则 2（轮流驻点）"),
            Rule::Meetings => (
                "calendar rule 3 (meetings in the window)",
                "日历规则 3（驻点时间内的会议）",
            ),
            Rule::Makeup => ("calendar rule 3 (make-ups)", "日历规则 3（补班）"),
            Rule::Visits => (
                "calendar rule 4 (household visits)",
                "日历规则 4（入户走访）",
            ),
            Rule::Figures => ("plan figures", "方案数字"),
        };
        if lang == Lang::En { en } else { zh }.to_string()
    }
}

/// Why someone could not be at a session.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Away {
        why: String,
    },
    Meeting {
        title: String,
        start: NaiveTime,
        end: NaiveTime,
    },
}

/// The kind of a session, as the plan names it.
pub use crate::verify::SessionKind;

/// What is wrong, as a fact; `say` words it. Labels of units other than the
/// violation's own are stored ready-made ("西海村（xihai）").
#[derive(Debug, Clone, PartialEq)]
pub enum CheckSaid {
    UnknownUnit,
    LeaderNotCadre,
    NoLeader,
    AssignedTwice {
        times: usize,
    },
    UnitCount {
        units: usize,
        min: usize,
        max: usize,
    },
    SlotCount {
        have: usize,
        want: usize,
    },
    UnknownHelper,
    WrongRole {
        slot: usize,
        role: Role,
        allowed: Vec<Role>,
    },
    NotOwnPeople {
        slot: usize,
        /// Label of the unit the helper belongs to; none for a township helper.
        belongs: Option<String>,
    },
    ServesOnlyOwnUnit {
        own: String,
    },
    TwiceOnTeam,
    TooManyTeams {
        teams: usize,
        max: usize,
    },
    NeedUncovered {
        need: String,
    },
    AssistRole {
        role: Role,
    },
    HomeUnit,
    AwayAllYear,
    TooFar {
        minutes: f64,
        max: f64,
    },
    NoRoad,
    Mismatch {
        field: String,
        stated: f64,
        actual: f64,
    },
    LeaderLineMissing,
    LeaderLineTwice,
    LeaderLineStranger,
    LeaderUnits {
        stated: Vec<String>,
        actual: Vec<String>,
    },
    BoundAboveCost {
        bound: f64,
        cost: f64,
    },
    TourStops {
        stated: Vec<String>,
        office: String,
        nodes: Vec<String>,
    },
    TourNotShortest {
        stated: Vec<String>,
        minutes: f64,
        best: Vec<String>,
        best_minutes: f64,
    },
    UnknownPerson,
    OutsideYear {
        year: i32,
    },
    InHoliday {
        kind: SessionKind,
        holiday: String,
    },
    NotOnTeam {
        kind: SessionKind,
    },
    Blocked {
        kind: SessionKind,
        start: NaiveTime,
        end: NaiveTime,
        block: Block,
    },
    NotInWindow {
        weekday: Weekday,
        start: NaiveTime,
        end: NaiveTime,
        window_day: Weekday,
        window: (NaiveTime, NaiveTime),
    },
    Shortfall {
        present: usize,
        min: usize,
        township: bool,
    },
    StationMissing,
    StationTwice,
    StationOffTurn,
    Overlap {
        kind: SessionKind,
        start: NaiveTime,
        end: NaiveTime,
        /// Label of the other session's unit.
        other_unit: String,
        other_kind: SessionKind,
        other_start: NaiveTime,
        other_end: NaiveTime,
    },
    Rotation {
        units: usize,
        missed: usize,
        from: NaiveDate,
        to: NaiveDate,
    },
    MeetingWarningMissing {
        title: String,
        start: NaiveTime,
        end: NaiveTime,
    },
    MakeupMissing {
        block: Block,
    },
    MakeupNoDate,
    MakeupNotStationDate {
        missed: NaiveDate,
    },
    MakeupDay {
        weekday: Weekday,
        allowed: Vec<Weekday>,
    },
    MakeupNotice {
        missed: NaiveDate,
        days: i64,
        need: u32,
    },
    MakeupWindow {
        start: NaiveTime,
        end: NaiveTime,
        window: (NaiveTime, NaiveTime),
    },
    MakeupNobody,
    VisitPeople {
        n: usize,
    },
    VisitTimes {
        start: NaiveTime,
        end: NaiveTime,
    },
    VisitSunday,
    VisitNoHouseholds,
    VisitTooMany {
        households: i64,
        max: u32,
    },
    VisitNoHamlet,
    VisitHamlet {
        hamlet: String,
    },
    /// (hamlet, household visits done, due) for each hamlet short.
    VisitsShort {
        short: Vec<(String, i64, i64)>,
    },
    VisitSpread {
        month: u32,
        sessions: u32,
        total: u32,
        limit: u32,
    },
}

/// Things worth saying that are not violations.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    AssignmentOnly,
    ChangesUnchecked,
    OtherRoster,
}

/// Why a plan file cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    Io {
        detail: String,
    },
    Syntax {
        line: Option<usize>,
        detail: String,
    },
    BadValue {
        line: usize,
        section: String,
        n: usize,
        field: String,
        value: String,
    },
    BadKind {
        line: usize,
        n: usize,
        value: String,
    },
    /// The previous plan (given with --previous) cannot be read.
    Previous(Box<Unreadable>),
}

/// A figure as planners read it: whole numbers bare, others to 6 places at most.
pub fn num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 && x.abs() < 1e15 {
        format!("{:.0}", x.round())
    } else {
        let s = format!("{x:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn weekday(d: Weekday, lang: Lang) -> &'static str {
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let i = d.num_days_from_monday() as usize;
    if lang == Lang::En { EN[i] } else { ZH[i] }
}

fn kind(k: SessionKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (SessionKind::Station, Lang::En) => "station session",
        (SessionKind::Makeup, Lang::En) => "make-up session",
        (SessionKind::Visit, Lang::En) => "household visit",
        (SessionKind::Station, Lang::Zh) => "驻点接待",
        (SessionKind::Makeup, Lang::Zh) => "补班",
        (SessionKind::Visit, Lang::Zh) => "入户走访",
    }
}

fn role_zh(r: Role) -> &'static str {
    super::roster::role_word(r, Lang::Zh)
}

fn joined(items: &[String], lang: Lang) -> String {
    match (items.is_empty(), lang) {
        (true, Lang::En) => "none".into(),
        (true, Lang::Zh) => "无".into(),
        (false, Lang::En) => items.join(", "),
        (false, Lang::Zh) => items.join("、"),
    }
}

fn route(nodes: &[String]) -> String {
    if nodes.is_empty() {
        "[]".into()
    } else {
        nodes.join(" → ")
    }
}

fn block(b: &Block, lang: Lang) -> String {
    match (b, lang) {
        (Block::Away { why }, Lang::En) if why.is_empty() => "away".into(),
        (Block::Away { why }, Lang::En) => format!("away: {why}"),
        (Block::Away { why }, Lang::Zh) if why.is_empty() => "外出".into(),
        (Block::Away { why }, Lang::Zh) => format!("外出（{why}）"),
        (Block::Meeting { title, start, end }, Lang::En) => {
            format!("the meeting {title} {}–{}", hm(*start), hm(*end))
        }
        (Block::Meeting { title, start, end }, Lang::Zh) => {
            format!("会议“{title}”{}–{}", hm(*start), hm(*end))
        }
    }
}

impl Say for CheckSaid {
    fn say(&self, lang: Lang) -> String {
        use CheckSaid::*;
        let en = lang == Lang::En;
        match self {
            UnknownUnit => {
                if en {
                    "the plan names a unit that is not in the roster".into()
                } else {
                    "名册中没有这个单位".into()
                }
            }
            LeaderNotCadre => {
                if en {
                    "the leader is not a cadre in the roster".into()
                } else {
                    "驻点领导不是名册中的干部".into()
                }
            }
            NoLeader => {
                if en {
                    "the unit has no [[assignment]], so no leader".into()
                } else {
                    "该单位没有 [[assignment]]，也就没有驻点领导".into()
                }
            }
            AssignedTwice { times } => {
                if en {
                    format!("the unit has {times} assignments; it must have exactly one leader")
                } else {
                    format!("该单位有 {times} 条分配；每个单位只能有一名驻点领导")
                }
            }
            UnitCount { units, min, max } => {
                if en {
                    let s = if *units == 1 { "" } else { "s" };
                    format!("covers {units} unit{s}, outside their bounds of {min} to {max}")
                } else {
                    format!("联系 {units} 个单位，超出 {min} 至 {max} 个的范围")
                }
            }
            SlotCount { have, want } => {
                if en {
                    format!("the team has {have} helpers for {want} slots")
                } else {
                    format!("队伍有 {have} 名帮扶人员，应为 {want} 个岗位各一名")
                }
            }
            UnknownHelper => {
                if en {
                    "is not a helper in the roster".into()
                } else {
                    "不是名册中的帮扶人员".into()
                }
            }
            WrongRole {
                slot,
                role,
                allowed,
            } => {
                if en {
                    let a: Vec<String> = allowed
                        .iter()
                        .map(|r| format!("'{}'", r.as_str()))
                        .collect();
                    format!(
                        "slot {slot} takes a {}, but this helper's role is '{}'",
                        a.join(" or "),
                        role.as_str()
                    )
                } else {
                    let a: Vec<&str> = allowed.iter().map(|r| role_zh(*r)).collect();
                    format!(
                        "第 {slot} 个岗位应由{}担任，但此人是{}",
                        a.join("或"),
                        role_zh(*role)
                    )
                }
            }
            NotOwnPeople { slot, belongs } => match (belongs, en) {
                (Some(b), true) => format!(
                    "slot {slot} takes the unit's own people, but this helper belongs to {b}"
                ),
                (None, true) => format!(
                    "slot {slot} takes the unit's own people, but this helper is a township helper"
                ),
                (Some(b), false) => format!("第 {slot} 个岗位应由本单位人员担任，但此人属于{b}"),
                (None, false) => {
                    format!("第 {slot} 个岗位应由本单位人员担任，但此人是镇级帮扶人员")
                }
            },
            ServesOnlyOwnUnit { own } => {
                if en {
                    format!("belongs to {own} and may serve only there")
                } else {
                    format!("属于{own}，只能在本单位服务")
                }
            }
            TwiceOnTeam => {
                if en {
                    "is on this team twice".into()
                } else {
                    "在该队伍中出现了两次".into()
                }
            }
            TooManyTeams { teams, max } => {
                if en {
                    format!("serves on {teams} teams, more than max_teams = {max}")
                } else {
                    format!("参加了 {teams} 个队伍，超过 max_teams = {max}")
                }
            }
            NeedUncovered { need } => {
                if en {
                    format!("needs '{need}', but nobody on the team has that skill")
                } else {
                    format!("需要“{need}”技能，但队伍中没有人具备")
                }
            }
            AssistRole { role } => {
                if en {
                    format!(
                        "is added as an assist member but is a '{}'; assist members are police, lawyer, deputy, volunteer, graduate_official or committee_cadre helpers",
                        role.as_str()
                    )
                } else {
                    format!(
                        "作为协助人员加入，但此人是{}；协助人员只能是民警、律师、两代表一委员、志愿者、大学生村官或村“两委”干部",
                        role_zh(*role)
                    )
                }
            }
            HomeUnit => {
                if en {
                    "is stationed in their own home unit".into()
                } else {
                    "被派驻到自己的家乡单位".into()
                }
            }
            AwayAllYear => {
                if en {
                    "is away the whole year, yet is on the team".into()
                } else {
                    "全年外出，却被安排在队伍中".into()
                }
            }
            TooFar { minutes, max } => {
                if en {
                    format!(
                        "is {} minutes from the office, more than max_travel_minutes = {}",
                        num(*minutes),
                        num(*max)
                    )
                } else {
                    format!(
                        "距镇政府 {} 分钟，超过最长路程 {} 分钟",
                        num(*minutes),
                        num(*max)
                    )
                }
            }
            NoRoad => {
                if en {
                    "cannot be reached by road from the office".into()
                } else {
                    "从镇政府沿道路无法到达".into()
                }
            }
            Mismatch {
                field,
                stated,
                actual,
            } => {
                if en {
                    format!(
                        "the plan states {field} = {}, but it is {}",
                        num(*stated),
                        num(*actual)
                    )
                } else {
                    format!(
                        "方案写的 {field} = {}，重新计算为 {}",
                        num(*stated),
                        num(*actual)
                    )
                }
            }
            LeaderLineMissing => {
                if en {
                    "has no [[leader]] line".into()
                } else {
                    "方案中没有此人的 [[leader]] 行".into()
                }
            }
            LeaderLineTwice => {
                if en {
                    "has more than one [[leader]] line".into()
                } else {
                    "有多条 [[leader]] 行".into()
                }
            }
            LeaderLineStranger => {
                if en {
                    "has a [[leader]] line but is not a cadre in the roster".into()
                } else {
                    "有 [[leader]] 行，但不是名册中的干部".into()
                }
            }
            LeaderUnits { stated, actual } => {
                if en {
                    format!(
                        "the [[leader]] line lists units {}, but the assignments give {}",
                        joined(stated, lang),
                        joined(actual, lang)
                    )
                } else {
                    format!(
                        "[[leader]] 行列出的单位是 {}，但分配结果是 {}",
                        joined(stated, lang),
                        joined(actual, lang)
                    )
                }
            }
            BoundAboveCost { bound, cost } => {
                if en {
                    format!(
                        "the lower bound {} is above the plan's true cost {}",
                        num(*bound),
                        num(*cost)
                    )
                } else {
                    format!("理论最低扣分 {} 高于方案扣分 {}", num(*bound), num(*cost))
                }
            }
            TourStops {
                stated,
                office,
                nodes,
            } => {
                if en {
                    format!(
                        "the tour {} must start and end at the office '{office}' and stop at exactly the leader's units {}",
                        route(stated),
                        joined(nodes, lang)
                    )
                } else {
                    format!(
                        "路线 {} 应从镇政府“{office}”出发并回到镇政府，途经且只经过该领导的单位 {}",
                        route(stated),
                        joined(nodes, lang)
                    )
                }
            }
            TourNotShortest {
                stated,
                minutes,
                best,
                best_minutes,
            } => {
                if en {
                    format!(
                        "the tour {} takes {} minutes, but {} takes {}",
                        route(stated),
                        num(*minutes),
                        route(best),
                        num(*best_minutes)
                    )
                } else {
                    format!(
                        "路线 {} 需 {} 分钟，而 {} 只需 {} 分钟",
                        route(stated),
                        num(*minutes),
                        route(best),
                        num(*best_minutes)
                    )
                }
            }
            UnknownPerson => {
                if en {
                    "is not a cadre or helper in the roster".into()
                } else {
                    "不是名册中的干部或帮扶人员".into()
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
                    format!("参加了{}，但不是该单位队伍的成员", kind(*k, lang))
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
                        "驻点接待只有 {present} 人（至少需 {min} 人），且没有镇级人员，方案也没有给出“驻点人手不足”提醒"
                    ),
                    (true, true, false) => format!(
                        "驻点接待只有 {present} 人（至少需 {min} 人），方案也没有给出“驻点人手不足”提醒"
                    ),
                    (_, _, false) => "驻点接待没有镇级人员（驻点领导或镇级帮扶人员），方案也没有给出“驻点人手不足”提醒".into(),
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
                    "隔周驻点的单位在非轮值周安排了驻点接待".into()
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
                    (true, false) => format!("{from}"),
                    (false, false) => format!("{from} 至 {to}"),
                };
                match (*units, en) {
                    (1, true) => format!(
                        "the leader has only this unit, so must be at every station session held while free, but missed {missed} ({when})"
                    ),
                    (_, true) => format!(
                        "the leader has {units} units, so must be at each at least once every {units} station sessions, but missed {missed} in a row while free ({when})"
                    ),
                    (1, false) => format!(
                        "该领导只联系这一个单位，没有冲突时应参加每次驻点接待，但缺席了 {missed} 次（{when}）"
                    ),
                    (_, false) => format!(
                        "该领导联系 {units} 个单位，每 {units} 次驻点接待至少应到场一次，但在没有冲突的情况下连续缺席 {missed} 次（{when}）"
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
                        "因{}缺席驻点接待，但没有为其安排补班，也没有给出“无法补班”提醒",
                        block(b, lang)
                    )
                }
            }
            MakeupNoDate => {
                if en {
                    "the make-up session does not say which session it makes up (makes_up)".into()
                } else {
                    "补班没有注明所补的是哪一次驻点接待（makes_up）".into()
                }
            }
            MakeupNotStationDate { missed } => {
                if en {
                    format!("makes up {missed}, which is not a station date of the year")
                } else {
                    format!("所补的 {missed} 不是本年度的驻点接待日")
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
                        "补班安排在{}，不在补班日（{}）",
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
                    format!("补班距所补的 {missed} 只有 {days} 天，至少应提前 {need} 天通知")
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
                        "补班时间为 {}–{}，不是驻点时间 {}–{}",
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
                    "补班没有安排人员".into()
                }
            }
            VisitPeople { n } => {
                if en {
                    format!("a household visit has {n} people; a visit is one member's half day")
                } else {
                    format!("入户走访安排了 {n} 人；每次走访应为一名成员的半天")
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
            VisitSunday => {
                if en {
                    "the visit is on a Sunday; visits are Monday to Saturday".into()
                } else {
                    "走访安排在周日；走访只在周一至周六".into()
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
                    format!("“{hamlet}”不是该单位的村民小组")
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
            VisitSpread {
                month,
                sessions,
                total,
                limit,
            } => {
                if en {
                    format!(
                        "{sessions} of the {total} visit sessions here fall in month {month}, more than twice the even share ({limit})"
                    )
                } else {
                    format!(
                        "{month} 月安排了 {sessions} 次走访（全年 {total} 次），超过平均份额的两倍（{limit} 次）"
                    )
                }
            }
        }
    }
}

/// "西海村（xihai）" for a unit in the roster (English keeps the id, as the
/// plan file writes it; Chinese gives the name alone unless two units share
/// it); the id quoted otherwise.
pub fn unit_label(roster: &Roster, id: &str, lang: Lang) -> String {
    match (roster.unit_index(id), lang) {
        (Some(u), Lang::En) => format!("{}（{}）", roster.units[u].name, id),
        (Some(_), Lang::Zh) => super::names::unit(roster, id, lang),
        (None, _) => quoted(id, lang),
    }
}

/// "劳广行（lao-gx）" for a cadre or helper; the id quoted otherwise.
pub fn person_label(roster: &Roster, id: &str, lang: Lang) -> String {
    let name = roster
        .cadre_index(id)
        .map(|c| &roster.cadres[c].name)
        .or_else(|| roster.helper_index(id).map(|h| &roster.helpers[h].name));
    match (name, lang) {
        (Some(n), Lang::En) => format!("{n}（{id}）"),
        (Some(_), Lang::Zh) => super::names::person(roster, id, lang),
        (None, _) => quoted(id, lang),
    }
}

fn quoted(id: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("'{id}'"),
        Lang::Zh => format!("“{id}”"),
    }
}

/// One violation on one line: rule, unit, person, date, then what is wrong.
pub fn violation_line(v: &Violation, roster: &Roster, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(u) = &v.unit {
        parts.push(unit_label(roster, u, lang));
    }
    if let Some(p) = &v.person {
        parts.push(person_label(roster, p, lang));
    }
    if let Some(d) = v.date {
        parts.push(d.to_string());
    }
    let (sep, comma) = if lang == Lang::En {
        (": ", ", ")
    } else {
        ("：", "，")
    };
    let mut s = v.rule.say(lang);
    if !parts.is_empty() {
        s.push_str(sep);
        s.push_str(&parts.join(comma));
    }
    s.push_str(sep);
    s.push_str(&v.said.say(lang));
    s
}

pub fn note_line(n: &Note, lang: Lang) -> String {
    let (en, zh) = match n {
        Note::AssignmentOnly => (
            "note: an assignment-only plan (no [[session]]): the calendar rules were not checked",
            "说明：仅含分配的方案（没有 [[session]]），未检查日历规则",
        ),
        Note::ChangesUnchecked => (
            "note: the plan was replanned against a previous plan; its change counts are taken as stated: give --previous PLAN to check them",
            "说明：该方案是对照上一版方案重新规划的，变动数按方案所写计入方案扣分；用 --previous 指定上一版方案即可核对",
        ),
        Note::OtherRoster => (
            "note: the plan was made for another version of this roster (roster_sha256 differs); it is checked against this one",
            "说明：该方案是按另一版本的名册制定的（roster_sha256 不同），现按本名册检查",
        ),
    };
    if lang == Lang::En { en } else { zh }.to_string()
}

/// The closing line: the cost recomputed against the cost stated, and the verdict.
pub fn summary_line(r: &Report, lang: Lang) -> String {
    let got = num(r.recomputed.cost);
    let stated = r.stated_cost.map(num).unwrap_or_else(|| "-".into());
    let n = r.violations.len();
    match (lang, n) {
        (Lang::En, 0) => format!("cost: recomputed {got}, stated {stated}. The plan is valid."),
        (Lang::En, 1) => {
            format!("cost: recomputed {got}, stated {stated}. 1 violation: the plan is not valid.")
        }
        (Lang::En, _) => format!(
            "cost: recomputed {got}, stated {stated}. {n} violations: the plan is not valid."
        ),
        (Lang::Zh, 0) => format!("方案扣分：重新计算为 {got}，方案写的是 {stated}。方案有效。"),
        (Lang::Zh, _) => {
            format!("方案扣分：重新计算为 {got}，方案写的是 {stated}。共 {n} 处违规：方案无效。")
        }
    }
}

/// Why the plan file (named `file`) cannot be read, with its line and field.
pub fn unreadable_line(file: &str, u: &Unreadable, lang: Lang) -> String {
    let en = lang == Lang::En;
    match u {
        Unreadable::Io { detail } => {
            if en {
                format!("{file}: cannot read the plan: {detail}")
            } else {
                format!("{file}：无法读取方案：{detail}")
            }
        }
        Unreadable::Syntax { line, detail } => {
            let at = line.map(|l| format!(":{l}")).unwrap_or_default();
            if en {
                format!("{file}{at}: the plan cannot be read: {detail}")
            } else {
                format!("{file}{at}：无法读取方案：{detail}")
            }
        }
        Unreadable::BadValue {
            line,
            section,
            n,
            field,
            value,
        } => {
            let time = field == "start" || field == "end";
            match (time, en) {
                (false, true) => format!(
                    "{file}:{line}: {section} {n}, field '{field}': '{value}' is not a date like 2015-03-02"
                ),
                (true, true) => format!(
                    "{file}:{line}: {section} {n}, field '{field}': '{value}' is not a time of day like 15:00"
                ),
                (false, false) => format!(
                    "{file}:{line}：{section} 第 {n} 条，字段“{field}”：“{value}”不是 2015-03-02 这样的日期"
                ),
                (true, false) => format!(
                    "{file}:{line}：{section} 第 {n} 条，字段“{field}”：“{value}”不是 15:00 这样的时刻"
                ),
            }
        }
        Unreadable::BadKind { line, n, value } => {
            if en {
                format!(
                    "{file}:{line}: [[session]] {n}, field 'kind': '{value}' is not one of 'station', 'makeup' or 'household_visit'"
                )
            } else {
                format!(
                    "{file}:{line}：[[session]] 第 {n} 条，字段“kind”：“{value}”不在可选值 'station'、'makeup'、'household_visit' 之中"
                )
            }
        }
        Unreadable::Previous(inner) => unreadable_line(file, inner, lang),
    }
}
