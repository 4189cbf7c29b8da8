//! Words for what `validate` finds in a roster, and for its summary.

use super::places_gap::more_places;
use super::{Lang, Say};

pub use super::places::{guessed, no_plan_possible, place, place_named, problem_count, suggest};
pub use super::summary::role_word;
use crate::roster::guess::Guess;

/// One thing wrong with a roster, as a fact; `say` words it.
#[derive(Debug, Clone, PartialEq)]
pub enum RosterSaid {
    /// A problem across the townships of a city.
    Across(super::across::AcrossSaid),
    Unreadable {
        detail: String,
    },
    /// A folder given as rosters holds no `*.toml` or `*.xlsx` file.
    NoRosterFiles {
        dir: String,
    },
    Syntax {
        detail: String,
    },
    MissingSection,
    MissingField,
    UnknownField {
        suggestion: Option<String>,
    },
    UnknownSection {
        suggestion: Option<String>,
    },
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    BadChoice {
        value: String,
        allowed: Vec<String>,
        suggestion: Option<String>,
    },
    /// A date that is no date; the example is dated in the roster's year.
    /// A word from a list read in either language (`weekly` or 每周): the
    /// codes and their Chinese words, said in the reader's language first.
    BadWord {
        value: String,
        codes: Vec<String>,
        zh: Vec<String>,
        suggestion: Option<String>,
    },
    BadDate {
        value: String,
        year: i32,
    },
    /// A date without its year (7月1日, 4.13), with the roster's year added.
    NoYear {
        value: String,
        meant: chrono::NaiveDate,
    },
    BadTime {
        value: String,
    },
    /// A time of day with seconds other than 0: the calendar works in minutes.
    TimeWithSeconds {
        value: String,
    },
    /// An `[objective]` weight above the largest the cost can carry.
    WeightOutOfRange {
        value: String,
        max: String,
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    DateOutsideYear {
        date: String,
        year: i32,
    },
    NotPositive {
        value: i64,
    },
    /// An older field given together with the one that replaces it.
    Superseded {
        by: &'static str,
    },
    Negative {
        value: String,
    },
    HamletSum {
        sum: i64,
        households: i64,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    UnknownUnit {
        id: String,
        suggestion: Option<Guess>,
    },
    UnknownPerson {
        id: String,
        suggestion: Option<Guess>,
    },
    UnknownPredecessor {
        id: String,
    },
    /// `succeeds` names nobody in the roster or the previous plan.
    NoSuchPredecessor {
        id: String,
        suggestion: Option<String>,
        /// The suggested person's name where the roster has it: Chinese
        /// says "彭坚丽（peng-jl）".
        suggestion_name: Option<String>,
        /// Whether the previous plan was looked in too.
        previous: bool,
    },
    SucceedsOtherKind {
        id: String,
    },
    HandoverNoDate {
        id: String,
    },
    HandoverDatesDiffer {
        id: String,
        joins: String,
        leaves: String,
    },
    RoadEndUnknown {
        node: String,
        suggestion: Option<String>,
        /// The township's name: its office is 街道办 or 镇政府.
        township: String,
    },
    OfficeNotOnRoads {
        office: String,
        township: String,
    },
    UnitNodeNotOnRoads {
        node: String,
    },
    Unreachable {
        unit: String,
        office: String,
        township: String,
    },
    TooFar {
        unit: String,
        minutes: f64,
        max: f64,
        township: String,
    },
    BoundsReversed {
        min: i64,
        max: i64,
    },
    TooManyUnits {
        units: usize,
        leaders: usize,
        places: usize,
        uniform_max: Option<usize>,
    },
    TooFewUnits {
        units: usize,
        leaders: usize,
        places: usize,
    },
    NeedNobodyHas {
        need: String,
    },
    NoOwnHelper {
        slot: usize,
        roles: Vec<crate::model::Role>,
        /// Helpers of those roles with no unit given: perhaps the unit's own.
        unplaced: Vec<super::slot_helpers::SlotHelper>,
    },
    SlotWithoutRoles {
        slot: usize,
    },
    SlotShort {
        slot: usize,
        roles: Vec<crate::model::Role>,
        units: usize,
        teams: usize,
        /// The helpers counted, so the planner knows which rows to edit.
        helpers: Vec<super::slot_helpers::SlotHelper>,
    },
    NoCadres,
    NoUnits,
    NoAttendees,
    TooBig {
        value: i64,
        max: i64,
    },
    /// One half of a map position (`x` without `y`, `lon` without `lat`).
    PositionHalf {
        given: &'static str,
        missing: &'static str,
    },
    /// Both `x`, `y` and `lon`, `lat` on one entry.
    PositionTwice,
    /// Degrees beyond ±180 (lon) or ±90 (lat), or a coordinate not finite.
    PositionOutOfRange {
        value: String,
        limit: f64,
    },
    JunctionNotOnRoads {
        suggestion: Option<String>,
    },
    JunctionTwice,
    /// A number outside the range the field allows (both ends included).
    OutOfRange {
        value: i64,
        min: i64,
        max: i64,
    },
    EmptyId,
    IdTooLong {
        max: usize,
    },
    /// A person's id that is the name of an attendee group.
    ReservedId {
        id: String,
    },
    /// A date outside the dates the field allows (both ends included).
    DateOutOfRange {
        date: String,
        first: String,
        last: String,
    },
    /// A problem only a workbook can have (a sheet, a heading, a cell).
    Workbook(super::workbook::WorkbookSaid),
    /// Full-width punctuation or digits, or curly quotes, where TOML needs
    /// the half-width ASCII one (`ascii`).
    FullWidth {
        ch: char,
        ascii: char,
    },
    /// A what-if variant names a meeting, holiday, workday or road the roster lacks.
    NoSuchEntry {
        section: String,
        name: String,
    },
    /// Text that is neither UTF-8 nor GBK, from this byte offset on.
    NotUtf8 {
        offset: usize,
    },
    Variant(super::scenario::VariantSaid),
    /// A count only the planner's own check finds (a skill more units need
    /// than its holders can cover), said by `validate` as `plan` says it.
    NoPlan(super::plan::PlanSaid),
}

impl RosterSaid {
    /// A valid roster whose counts cannot work: no plan can exist, but the
    /// file is not wrong (exit 1, not 2).
    pub fn means_no_plan(&self) -> bool {
        use RosterSaid::*;
        matches!(
            self,
            TooManyUnits { .. }
                | TooFewUnits { .. }
                | NeedNobodyHas { .. }
                | NoOwnHelper { .. }
                | SlotShort { .. }
                | NoPlan(_)
        )
    }
}

fn type_zh(t: &str) -> &'static str {
    match t {
        "string" => "文字",
        "integer" => "整数",
        "float" | "number" => "数字",
        "boolean" => "true 或 false",
        "datetime" => "日期时间",
        "array" => "列表",
        "table" => "表",
        "list of strings" => "文字列表",
        "[min, max]" => "[最少, 最多]",
        _ => "其他",
    }
}

impl Say for RosterSaid {
    fn say(&self, lang: Lang) -> String {
        use RosterSaid::*;
        let en = lang == Lang::En;
        match self {
            Across(a) => a.say(lang),
            FullWidth { ch, ascii } => super::input::full_width(*ch, *ascii, lang),
            NotUtf8 { offset } => super::input::not_utf8(*offset, lang),
            NoSuchEntry { section, name } => super::input::no_such_entry(section, name, lang),
            Unreadable { detail } => {
                if en {
                    format!("cannot read the file: {detail}")
                } else {
                    format!("无法读取文件：{detail}")
                }
            }
            NoRosterFiles { dir } => {
                if en {
                    format!("no roster files in {dir} (*.toml or *.xlsx)")
                } else {
                    format!("{dir} 中没有名册文件（*.toml 或 *.xlsx）")
                }
            }
            Syntax { detail } => {
                if en {
                    format!("this is not valid TOML: {detail}")
                } else {
                    format!("不是有效的 TOML：{detail}")
                }
            }
            MissingSection => {
                if en {
                    "this section is missing".into()
                } else {
                    "缺少这一节".into()
                }
            }
            MissingField => {
                if en {
                    "this field is required but missing".into()
                } else {
                    "缺少这个必填项".into()
                }
            }
            UnknownField { suggestion } => {
                if en {
                    format!("unknown field{}", suggest(suggestion, lang))
                } else {
                    format!("没有这个字段{}", suggest(suggestion, lang))
                }
            }
            UnknownSection { suggestion } => {
                if en {
                    format!("unknown section{}", suggest(suggestion, lang))
                } else {
                    format!("没有这一节{}", suggest(suggestion, lang))
                }
            }
            WrongType { expected, found } => {
                if en {
                    format!("expected {expected}, found {found}")
                } else {
                    format!("应为{}，实为{}", type_zh(expected), type_zh(found))
                }
            }
            BadChoice {
                value,
                allowed,
                suggestion,
            } => super::places::not_one_of(value, allowed, suggestion, lang),
            BadWord {
                value,
                codes,
                zh,
                suggestion,
            } => super::places::not_one_of_either(value, codes, zh, suggestion, lang),
            BadDate { value, year } => {
                if en {
                    format!("'{value}' is not a date like {year}-03-02")
                } else {
                    format!("“{value}”不是 {year}-03-02 这样的日期")
                }
            }
            NoYear { value, meant } => {
                let meant = meant.format("%Y-%m-%d");
                if en {
                    format!("'{value}' has no year: did you mean {meant}?")
                } else {
                    format!("“{value}”缺少年份，是不是 {meant}？")
                }
            }
            BadTime { value } => {
                if en {
                    format!("'{value}' is not a time of day like 15:00")
                } else {
                    format!("“{value}”不是 15:00 这样的时刻")
                }
            }
            TimeWithSeconds { value } => {
                if en {
                    format!("'{value}' has seconds: give hours and minutes only, like 18:30")
                } else {
                    format!("“{value}”带有秒：请只写时和分，如 18:30")
                }
            }
            WeightOutOfRange { value, max } => {
                if en {
                    format!(
                        "{value} is outside the allowed range for a weight, 0 to {max}: larger weights make the plan's cost overflow"
                    )
                } else {
                    format!("{value} 不在权重允许的范围 0 至 {max} 之内：权重再大，方案得分会溢出")
                }
            }
            EndBeforeStart { start, end } => {
                if en {
                    format!("ends ({end}) before it starts ({start})")
                } else {
                    format!("结束（{end}）早于开始（{start}）")
                }
            }
            DateOutsideYear { date, year } => {
                if en {
                    format!("{date} is outside the year being planned, {year}")
                } else {
                    format!("{date} 不在规划年度 {year} 年之内")
                }
            }
            Superseded { by } => {
                if en {
                    format!(
                        "give either this field or '{by}', not both ('household_visits_per_member = N' means '{by} = N' with 'household_visits_by = \"member\"')"
                    )
                } else {
                    format!(
                        "此项与“{by}”只能填一项（“household_visits_per_member = N”即“{by} = N”且“household_visits_by = \"member\"”）"
                    )
                }
            }
            NotPositive { value } => {
                if en {
                    format!("must be more than zero, but is {value}")
                } else {
                    format!("必须大于零，现为 {value}")
                }
            }
            Negative { value } => {
                if en {
                    format!("must not be negative, but is {value}")
                } else {
                    format!("不能为负数，现为 {value}")
                }
            }
            HamletSum { sum, households } => {
                if en {
                    format!(
                        "the hamlets' households add up to {sum}, but the unit has {households}"
                    )
                } else {
                    format!("各村民小组户数合计 {sum} 户，与本村（社区）的 {households} 户不符")
                }
            }
            DuplicateId { id, first } => {
                if en {
                    format!(
                        "id '{id}' is already used by {first}; every unit, cadre and helper needs its own id"
                    )
                } else {
                    format!(
                        "编号“{id}”已被{first}使用；每个村（社区）、干部和协助人员的编号都不能重复"
                    )
                }
            }
            UnknownUnit { id, suggestion } => {
                if en {
                    format!("there is no unit '{id}'{}", guessed(suggestion, lang))
                } else {
                    format!("没有编号为“{id}”的村（社区）{}", guessed(suggestion, lang))
                }
            }
            UnknownPerson { id, suggestion } => {
                if en {
                    format!(
                        "there is no cadre or helper '{id}' (groups: 'all-cadres', 'all-helpers'){}",
                        guessed(suggestion, lang)
                    )
                } else {
                    format!(
                        "没有编号为“{id}”的干部或协助人员（分组可写 all-cadres、all-helpers）{}",
                        guessed(suggestion, lang)
                    )
                }
            }
            UnknownPredecessor { id } => {
                if en {
                    format!(
                        "'{id}' is a unit or this very person, not a predecessor; 'succeeds' names the id of the person whose place is taken over"
                    )
                } else {
                    format!("“{id}”是村（社区）或本人，不是被接替者；succeeds 应填写被接替者的编号")
                }
            }
            NoSuchPredecessor {
                id,
                suggestion,
                suggestion_name,
                previous,
            } => {
                super::places::no_such_predecessor(id, suggestion, suggestion_name, *previous, lang)
            }
            SucceedsOtherKind { id } => {
                if en {
                    format!(
                        "'{id}' is of the other kind (a cadre succeeds a cadre, a helper a helper)"
                    )
                } else {
                    format!(
                        "“{id}”与接任者不是同一类人员（驻点领导接替驻点领导，协助人员接替协助人员）"
                    )
                }
            }
            HandoverNoDate { id } => {
                if en {
                    format!(
                        "'{id}' is still in this roster: give them 'leaves = DATE', or this person 'joins = DATE', for the day of the handover"
                    )
                } else {
                    format!(
                        "“{id}”仍在本名册中：请为其填写 leaves（离任日期），或为接任者填写 joins（到任日期）"
                    )
                }
            }
            HandoverDatesDiffer { id, joins, leaves } => {
                if en {
                    format!(
                        "joins on {joins} but '{id}' leaves on {leaves}: a successor takes over the day the predecessor leaves"
                    )
                } else {
                    format!(
                        "到任日期{}与“{id}”的离任日期{}不一致：接任者应在前任离任当天接任",
                        crate::wording::date_text(joins, lang),
                        crate::wording::date_text(leaves, lang)
                    )
                }
            }
            RoadEndUnknown {
                node,
                suggestion,
                township,
            } => {
                if en {
                    format!(
                        "'{node}' is not the office nor any unit's node, and no other road reaches it{}",
                        suggest(suggestion, lang)
                    )
                } else {
                    format!(
                        "“{node}”既不是{}，也不是任何村（社区）的路网节点，且没有别的道路连到这里{}",
                        super::terms::office_zh(township),
                        suggest(suggestion, lang)
                    )
                }
            }
            OfficeNotOnRoads { office, township } => {
                if en {
                    format!(
                        "the office '{office}' is on no road, so no unit can be reached from it"
                    )
                } else {
                    format!(
                        "{}节点“{office}”不在任何道路上，无法到达任何村（社区）",
                        super::terms::office_zh(township)
                    )
                }
            }
            UnitNodeNotOnRoads { node } => {
                if en {
                    format!("road node '{node}' is on no road")
                } else {
                    format!("路网节点“{node}”不在任何道路上")
                }
            }
            Unreachable {
                unit,
                office,
                township,
            } => {
                if en {
                    format!("{unit} cannot be reached by road from the office '{office}'")
                } else {
                    format!(
                        "从{}“{office}”沿道路无法到达{unit}",
                        super::terms::office_zh(township)
                    )
                }
            }
            TooFar {
                unit,
                minutes,
                max,
                township,
            } => {
                if en {
                    format!(
                        "{unit} is {minutes:.0} minutes from the office, more than max_travel_minutes = {max:.0}"
                    )
                } else {
                    format!(
                        "{unit}距{} {minutes:.0} 分钟，超过最长路程 {max:.0} 分钟",
                        super::terms::office_zh(township)
                    )
                }
            }
            BoundsReversed { min, max } => {
                if en {
                    format!("the minimum ({min}) is larger than the maximum ({max})")
                } else {
                    format!("最少数（{min}）大于最多数（{max}）")
                }
            }
            TooManyUnits {
                units,
                leaders,
                places,
                uniform_max,
            } => {
                let how = match uniform_max {
                    Some(m) if en => format!("{leaders} leaders × {m} = {places} places"),
                    Some(m) => format!("{leaders} 名领导 × {m} = {places} 个名额"),
                    None if en => {
                        format!("the {leaders} leaders' maxima add up to {places} places")
                    }
                    None => format!("{leaders} 名领导的上限合计 {places} 个名额"),
                };
                let allow = more_places(*units, *leaders, *places, *uniform_max, lang);
                if en {
                    format!("{units} units but {how}: {allow}, or add a cadre")
                } else {
                    format!("共 {units} 个村（社区），但 {how}：请{allow}，或增加一名干部")
                }
            }
            TooFewUnits {
                units,
                leaders,
                places,
            } => {
                if en {
                    format!(
                        "{units} units but the {leaders} leaders' minima need {places}: lower some leaders' minimum, or station fewer cadres"
                    )
                } else {
                    format!(
                        "只有 {units} 个村（社区），但 {leaders} 名领导的下限合计需要 {places} 个：请降低部分领导的下限，或减少驻点干部"
                    )
                }
            }
            NeedNobodyHas { need } => {
                let need = &super::terms::skill(need, lang);
                if en {
                    format!(
                        "needs '{need}', but no cadre or helper who could join this unit's team has that skill"
                    )
                } else {
                    format!(
                        "需要“{need}”，但没有能加入该村（社区）团队的干部或协助人员具备这项能力"
                    )
                }
            }
            NoOwnHelper {
                slot,
                roles,
                unplaced,
            } => {
                let r = super::summary::slot_roles(roles, lang);
                let who = super::slot_helpers::without_unit(&r, unplaced, lang);
                if en {
                    format!(
                        "team slot {slot} takes the unit's own {r}, but this unit has none among the helpers: add one, with this unit as theirs{who}"
                    )
                } else {
                    format!(
                        "团队第 {slot} 个位置须由本村（社区）的{r}担任，但协助人员中没有本村（社区）的此类人员：请在协助人员中增加一名，所属村居填本村（社区）{who}"
                    )
                }
            }
            SlotWithoutRoles { slot } => {
                if en {
                    format!("team slot {slot} allows no role")
                } else {
                    format!("团队第 {slot} 个位置没有列出任何可担任的角色")
                }
            }
            SlotShort {
                slot,
                roles,
                units,
                teams,
                helpers,
            } => {
                let r = super::summary::slot_roles(roles, lang);
                let who = super::slot_helpers::who_may_fill(helpers, lang);
                if en {
                    let us = if *units == 1 { "unit" } else { "units" };
                    let ts = if *teams == 1 { "team" } else { "teams" };
                    format!(
                        "team slot {slot} ({r}) is needed by {units} {us}, but the helpers who may fill it can take only {teams} {ts} between them: raise some max_teams, or add helpers{who}"
                    )
                } else {
                    format!(
                        "团队第 {slot} 个位置（{r}）共有 {units} 个村（社区）需要，但可担任的协助人员合计只能参加 {teams} 个团队：请提高部分人员的最多参加团队数（max_teams），或增加人员{who}"
                    )
                }
            }
            NoCadres => {
                if en {
                    "the roster has no cadre to station".into()
                } else {
                    "名册中没有可驻点的干部".into()
                }
            }
            NoUnits => {
                if en {
                    "the roster has no village or community".into()
                } else {
                    "名册中没有村（社区）".into()
                }
            }
            NoAttendees => {
                if en {
                    "the meeting has no attendees".into()
                } else {
                    "会议没有参会人员".into()
                }
            }
            TooBig { value, max } => {
                if en {
                    format!("{value} is more than the largest allowed, {max}")
                } else {
                    format!("{value} 超过允许的最大值 {max}")
                }
            }
            PositionHalf { given, missing } => {
                if en {
                    format!(
                        "'{given}' is given without '{missing}': a map position needs both, or neither"
                    )
                } else {
                    format!("填了 {given} 却没有 {missing}：地图位置要两项都填，或都不填")
                }
            }
            PositionTwice => {
                if en {
                    "give the map position as x and y or as lon and lat, not both".into()
                } else {
                    "地图位置请只填 x、y 或 lon、lat 其中一组".into()
                }
            }
            PositionOutOfRange { value, limit } => {
                if en {
                    format!("{value} is outside the allowed range, −{limit} to {limit}")
                } else {
                    format!("{value} 超出允许范围 −{limit} 至 {limit}")
                }
            }
            JunctionNotOnRoads { suggestion } => {
                if en {
                    format!("no road reaches this junction{}", suggest(suggestion, lang))
                } else {
                    format!("没有道路连到这个路口{}", suggest(suggestion, lang))
                }
            }
            JunctionTwice => {
                if en {
                    "this junction is given a position twice".into()
                } else {
                    "这个路口的位置填了两次".into()
                }
            }
            OutOfRange { value, min, max } => {
                if en {
                    format!("{value} is outside the allowed range, {min} to {max}")
                } else {
                    format!("{value} 不在允许的范围 {min} 至 {max} 之内")
                }
            }
            EmptyId => {
                if en {
                    "the id is empty: give each entry an id of its own".into()
                } else {
                    "编号为空：请为每一项填写各自的编号".into()
                }
            }
            IdTooLong { max } => {
                if en {
                    format!("the id is longer than {max} characters")
                } else {
                    format!("编号超过 {max} 个字符")
                }
            }
            ReservedId { id } => {
                if en {
                    format!(
                        "'{id}' names the group of attendees in meetings: give this person another id"
                    )
                } else {
                    format!("“{id}”是会议参会分组的名称：请给此人另取编号")
                }
            }
            DateOutOfRange { date, first, last } => {
                if en {
                    format!("{date} is outside the allowed dates, {first} to {last}")
                } else {
                    let d = |s: &String| super::date_text(s, lang);
                    format!(
                        "{} 不在允许的日期 {} 至 {} 之内",
                        d(date),
                        d(first),
                        d(last)
                    )
                }
            }
            Workbook(w) => w.say(lang),
            Variant(v) => v.say(lang),
            NoPlan(p) => p.say(lang),
        }
    }
}
