//! Words for what `check` finds in a plan: one line per violation, naming
//! the rule, the unit, the person and the date, then what is wrong; notes;
//! the closing summary; and why a plan file cannot be read. This file holds
//! the facts (`CheckSaid`, `Rule`, `Note`, `Unreadable`) and the lines;
//! `assign` words the hard rules and figures, `calendar` the calendar rules.

use chrono::{NaiveDate, NaiveTime, Weekday};

mod assign;
mod calendar;
mod year;
pub use year::{city_past_line, kept_line, other_previous_line};

pub use year::YearSaid;

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
    /// Calendar rule 2: a fixed rotation's posted timetable.
    Timetable,
    /// Calendar rule 3: meetings in the window.
    Meetings,
    /// Calendar rule 3: make-ups.
    Makeup,
    /// Calendar rule 4: household visits.
    Visits,
    /// The calendar's counts in [plan.metrics].
    Figures,
    /// Calendar rule 5: nobody serves before joining or after leaving.
    Service,
    /// Replanning from a date: the sessions before it are kept.
    Past,
    /// Replanning from a date: the teams recorded for the stretches before
    /// it are the plans in force's.
    EarlierTeams,
    /// The handover lines (`[[handover]]`) match the teams around each
    /// handover's day.
    HandoverLines,
}

impl Say for Rule {
    fn say(&self, lang: Lang) -> String {
        let (en, zh) = match self {
            Rule::Leader => ("rule 1 (one leader per unit)", "规则 1（每个村居一名领导）"),
            Rule::Team => ("rule 2 (team slots)", "规则 2（团队岗位）"),
            Rule::Needs => ("rule 3 (needs)", "规则 3（所需技能）"),
            Rule::Placement => (
                "rule 4 (home unit, distance, away)",
                "规则 4（回避、路程、外出）",
            ),
            Rule::Cost => ("cost", "方案得分"),
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
            Rule::Timetable => (
                "calendar rule 2 (timetable)",
                "日历规则 2（驻点时间公示表）",
            ),
            Rule::Meetings => (
                "calendar rule 3 (meetings in the window)",
                "日历规则 3（驻点时间内的会议）",
            ),
            Rule::Makeup => ("calendar rule 3 (make-ups)", "日历规则 3（补接待）"),
            Rule::Visits => (
                "calendar rule 4 (household visits)",
                "日历规则 4（入户走访）",
            ),
            Rule::Figures => ("plan figures", "方案数字"),
            Rule::Service => ("calendar rule 5 (service dates)", "日历规则 5（任职日期）"),
            Rule::Past => ("the plan in force before the date", "调整日期前的原方案"),
            Rule::EarlierTeams => ("the teams before the date", "调整日期前的团队"),
            Rule::HandoverLines => ("the handover lines", "交接记录"),
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
    /// A stated figure that is NaN or infinite.
    NotFinite {
        field: String,
        value: f64,
    },
    UnknownStatus {
        status: String,
    },
    OptimalWithGap {
        gap: f64,
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
    /// The same person twice in one session's `people`.
    ListedTwice,
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
    /// A `makeup_impossible` warning while a make-up day suited those it
    /// names (and, under the fixed rotation, one of the unit's own people).
    MakeupImpossibleButFree {
        free: NaiveDate,
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
    /// Not on a `visit_days` weekday nor a swapped working day.
    VisitDay {
        weekday: chrono::Weekday,
        days: Vec<chrono::Weekday>,
    },
    /// More visit half-days in a month than `visit_half_days_per_month`.
    VisitCap {
        month: u32,
        half_days: u32,
        cap: u32,
    },
    /// A leader visiting without any of the unit's own people while one
    /// (named) was free.
    VisitLeaderAlone {
        free: Vec<String>,
    },
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
    /// A `household_visits_short` warning while those it names (or the
    /// unit's visitors, by team) had `half_days` free for visits under the
    /// monthly cap, the first on `first` (`afternoon` or the morning).
    VisitsShortButFree {
        short: Vec<(String, i64, i64)>,
        half_days: u32,
        first: NaiveDate,
        afternoon: bool,
    },
    /// A month holding more than twice the unit's even share of visits;
    /// `since`: the first month counted (a replan's), None for the year.
    VisitSpread {
        month: u32,
        sessions: u32,
        total: u32,
        limit: u32,
        since: Option<u32>,
    },
    /// The fixed rotation's timetable and the make-up rule's newer checks.
    Timetable(crate::wording::station::TimetableSaid),
    /// Service dates and the past kept across a handover or a replan.
    Year(YearSaid),
}

/// Things worth saying that are not violations.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    AssignmentOnly,
    ChangesUnchecked,
    OtherRoster,
    /// Replanned from a date, checked without `--previous`.
    PastTeamsUnknown,
    /// `--previous` is this very plan, byte for byte: checked as it stands.
    SameAsPrevious,
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
        (SessionKind::Makeup, Lang::Zh) => "补接待",
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
        // Every variant belongs to one family: a new one must be placed here.
        match self {
            UnknownUnit
            | LeaderNotCadre
            | NoLeader
            | AssignedTwice { .. }
            | UnitCount { .. }
            | SlotCount { .. }
            | UnknownHelper
            | WrongRole { .. }
            | NotOwnPeople { .. }
            | ServesOnlyOwnUnit { .. }
            | TwiceOnTeam
            | TooManyTeams { .. }
            | NeedUncovered { .. }
            | AssistRole { .. }
            | HomeUnit
            | AwayAllYear
            | TooFar { .. }
            | NoRoad
            | Mismatch { .. }
            | LeaderLineMissing
            | LeaderLineTwice
            | LeaderLineStranger
            | LeaderUnits { .. }
            | BoundAboveCost { .. }
            | NotFinite { .. }
            | UnknownStatus { .. }
            | OptimalWithGap { .. }
            | TourStops { .. }
            | TourNotShortest { .. } => assign::say(self, lang, "镇政府"),
            UnknownPerson
            | ListedTwice
            | OutsideYear { .. }
            | InHoliday { .. }
            | NotOnTeam { .. }
            | Blocked { .. }
            | NotInWindow { .. }
            | Shortfall { .. }
            | StationMissing
            | StationTwice
            | StationOffTurn
            | Overlap { .. }
            | Rotation { .. }
            | MeetingWarningMissing { .. }
            | MakeupMissing { .. }
            | MakeupImpossibleButFree { .. }
            | MakeupNoDate
            | MakeupNotStationDate { .. }
            | MakeupDay { .. }
            | MakeupNotice { .. }
            | MakeupWindow { .. }
            | MakeupNobody
            | VisitPeople { .. }
            | VisitTimes { .. }
            | VisitDay { .. }
            | VisitCap { .. }
            | VisitLeaderAlone { .. }
            | VisitNoHouseholds
            | VisitTooMany { .. }
            | VisitNoHamlet
            | VisitHamlet { .. }
            | VisitsShort { .. }
            | VisitsShortButFree { .. }
            | VisitSpread { .. } => calendar::say(self, lang),
            Timetable(t) => t.say(lang),
            Year(y) => y.say(lang),
        }
    }
}

/// "西海村（xihai）" for a unit in the roster (English keeps the id, as the
/// plan file writes it; Chinese gives the name alone unless two units share
/// it); the id quoted otherwise.
pub fn unit_label(roster: &Roster, id: &str, lang: Lang) -> String {
    match (roster.unit_index(id), lang) {
        (Some(u), Lang::En) => format!("{}（{}）", roster.units[u].name, id),
        (Some(_), Lang::Zh) => crate::wording::names::unit(roster, id, lang),
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
        (Some(_), Lang::Zh) => crate::wording::names::person(roster, id, lang),
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
        parts.push(super::date(d, lang));
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
    let said = in_names(&v.said, roster, lang);
    let office = super::terms::office_zh(&roster.township.name);
    // The hard rules name the office: 街道办 at a 街道.
    match said {
        CheckSaid::TooFar { .. } | CheckSaid::NoRoad | CheckSaid::TourStops { .. } => {
            s.push_str(&assign::say(&said, lang, office))
        }
        _ => s.push_str(&said.say(lang)),
    }
    s
}

/// In Chinese, the units and stops a fact lists by id, by name instead
/// (the office as 镇政府); English keeps the ids as written in the plan.
fn in_names(said: &CheckSaid, roster: &Roster, lang: Lang) -> CheckSaid {
    if lang == Lang::En {
        return said.clone();
    }
    let unit = |id: &String| super::names::unit(roster, id, lang);
    let stop = |node: &String| {
        if *node == roster.township.office {
            super::terms::office_zh(&roster.township.name).to_string()
        } else {
            roster
                .units
                .iter()
                .find(|u| u.node == *node)
                .map_or_else(|| node.clone(), |u| unit(&u.id))
        }
    };
    let all = |ids: &[String], f: &dyn Fn(&String) -> String| ids.iter().map(f).collect();
    match said {
        CheckSaid::LeaderUnits { stated, actual } => CheckSaid::LeaderUnits {
            stated: all(stated, &unit),
            actual: all(actual, &unit),
        },
        CheckSaid::TourStops {
            stated,
            office,
            nodes,
        } => CheckSaid::TourStops {
            stated: all(stated, &stop),
            office: office.clone(),
            nodes: all(nodes, &stop),
        },
        CheckSaid::TourNotShortest {
            stated,
            minutes,
            best,
            best_minutes,
        } => CheckSaid::TourNotShortest {
            stated: all(stated, &stop),
            minutes: *minutes,
            best: all(best, &stop),
            best_minutes: *best_minutes,
        },
        other => other.clone(),
    }
}

pub fn note_line(n: &Note, lang: Lang) -> String {
    let (en, zh) = match n {
        Note::AssignmentOnly => (
            "note: an assignment-only plan (no [[session]]): the calendar rules were not checked",
            "说明：该方案只有分工，没有驻点和走访日程，未检查日历规则",
        ),
        Note::ChangesUnchecked => (
            "note: the plan was replanned against a previous plan; its change counts are taken as stated: give --previous PLAN to check them",
            "说明：该方案是对照上一版方案重新规划的，变动数按方案所写计入方案得分；用 --previous 指定上一版方案即可核对",
        ),
        Note::OtherRoster => (
            "note: the plan was made for another version of this roster (roster_sha256 differs); it is checked against this one",
            "说明：该方案是按另一版本的名册制定的（名册此后有改动），现按本名册检查",
        ),
        Note::PastTeamsUnknown => (
            "note: the plan was replanned from a date (replanned_from); without --previous PLAN its sessions before that date are checked against this plan's teams: give --previous PLAN to check them against the plan in force's",
            "说明：该方案是自某日起重新规划的；未用 --previous 指定原方案时，该日之前的活动按本方案的团队检查；用 --previous 指定原方案即可按原方案的团队核对",
        ),
        Note::SameAsPrevious => (
            "note: the plan is byte for byte the previous plan given (not replanned against it): it is checked as it stands, its change counts taken as stated",
            "说明：该方案与 --previous 指定的原方案逐字节相同（未对照它重新编排），按方案本身检查，变动数按方案所写计入",
        ),
    };
    if lang == Lang::En { en } else { zh }.to_string()
}

/// Where a plan for another version of the roster came from: the roster it
/// records, to check it against instead.
pub fn made_from_line(roster: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "  the plan was made from {roster}: check it against that roster, or plan again from this one"
        ),
        Lang::Zh => format!("  该方案是用 {roster} 编排的：请用那份名册检查，或用本名册重新编排"),
    }
}

/// A replan from a date against the plan in force, in one line: the
/// sessions before the date untouched, those from it changed.
pub fn past_line(p: &crate::verify::past::PastCounts, lang: Lang) -> String {
    year::past_said(Some(p.from), p, lang)
}

/// The closing line: the cost recomputed against the cost stated, and the verdict.
/// Costs with two decimals, as `plan` prints them.
pub fn summary_line(r: &Report, lang: Lang) -> String {
    let got = format!("{:.2}", r.recomputed.cost);
    let stated = r
        .stated_cost
        .map(|c| format!("{c:.2}"))
        .unwrap_or_else(|| "-".into());
    let n = r.violations.len();
    match (lang, n) {
        (Lang::En, 0) => format!("cost: recomputed {got}, stated {stated}. The plan is valid."),
        (Lang::En, 1) => {
            format!("cost: recomputed {got}, stated {stated}. 1 violation: the plan is not valid.")
        }
        (Lang::En, _) => format!(
            "cost: recomputed {got}, stated {stated}. {n} violations: the plan is not valid."
        ),
        (Lang::Zh, 0) => format!("方案得分：重新计算为 {got}，方案写的是 {stated}。方案有效。"),
        (Lang::Zh, _) => {
            format!("方案得分：重新计算为 {got}，方案写的是 {stated}。共 {n} 处违规：方案无效。")
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
                    "{file}:{line}：[[session]] 第 {n} 条，字段“kind”：“{value}”不在可选值“station”、“makeup”、“household_visit”之中"
                )
            }
        }
        Unreadable::Previous(inner) => unreadable_line(file, inner, lang),
    }
}
