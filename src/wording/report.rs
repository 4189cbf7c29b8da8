//! Words of the HTML report (`zhudian report`): headings, legends, the plain
//! statement of a plan's quality, what each kind of warning means and what
//! fixes it, the comparison and the city page. Chinese uses the glossary's
//! words; names come from the roster.

use super::Lang;
use crate::model::{Role, UnitKind};

/// A fixed label of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    PlanTitle,
    CompareTitle,
    CityTitle,
    Quality,
    Map,
    Loads,
    Teams,
    Year,
    Warnings,
    Office,
    Leader,
    Post,
    Units,
    Unit,
    Kind,
    Households,
    Load,
    TargetBand,
    Deviation,
    TourMinutes,
    Team,
    Assist,
    Score,
    BestPossible,
    Gap,
    Status,
    Proven,
    NotProven,
    Balance,
    Travel,
    Continuity,
    HelperContinuity,
    Staffed,
    /// Held without a township member, not made up.
    Short,
    /// Held without a township member, made up later.
    ShortMadeUp,
    /// An official public holiday (from the official calendar).
    OfficialHoliday,
    /// One of the roster's own `[[holiday]]`s.
    Holiday,
    Makeup,
    NoSession,
    /// A fortnightly unit's week without its session.
    OffWeek,
    StationWeeks,
    VisitHalfDays,
    Person,
    Total,
    Township,
    Leaders,
    /// Leaders in force at the year's end (the city page's column).
    LeadersInForce,
    /// Leaders who left or handed over during the year.
    LeadersLeft,
    Shortfalls,
    /// Of the sessions without a township member, those made up later.
    ShortfallsMadeUp,
    WarningCount,
    Figure,
    LargestDeviation,
    TourTotal,
    StationSessions,
    MakeupSessions,
    VisitSessions,
    UnitsChanged,
    Changes,
    NoWarnings,
    SizeByHouseholds,
    TourLegend,
    Roster,
    Changed,
    Week,
    NotPlanned,
    Handovers,
    HandoverDate,
    HandsOver,
    TakesOver,
    UnitsLed,
    TeamPlaces,
}

impl Label {
    /// As [`Label::say`], for the township named: the office and the tours'
    /// legend say 街道办 at a 街道.
    pub fn say_at(self, township: &str, lang: Lang) -> &'static str {
        let street = super::terms::office_zh(township) == "街道办";
        match (self, lang, street) {
            (Label::Office, Lang::Zh, true) => "街道办",
            (Label::TourLegend, Lang::Zh, true) => "连线：各驻点领导从街道办出发的巡回路线",
            _ => self.say(lang),
        }
    }

    pub fn say(self, lang: Lang) -> &'static str {
        use Label::*;
        let (en, zh) = match self {
            PlanTitle => ("Stationing plan", "驻点方案"),
            CompareTitle => ("Plans compared", "方案比较"),
            CityTitle => ("Stationing plans of every township", "各镇街驻点方案一览"),
            Quality => ("How good the plan is", "方案好不好"),
            Map => ("Map: who goes where", "地图：谁驻哪里"),
            Loads => ("Loads: is the work shared fairly?", "工作量：分配是否均衡"),
            Teams => ("Teams", "驻点团队"),
            Year => ("The year", "全年安排"),
            Warnings => ("Warnings and what fixes them", "提醒及解决办法"),
            Office => ("Township office", "镇政府"),
            Leader => ("Leader", "驻点领导"),
            Post => ("Post", "职务"),
            Units => ("Units", "村居"),
            Unit => ("Unit", "村居"),
            Kind => ("Kind", "类别"),
            Households => ("Households", "户数"),
            Load => ("Load", "工作量"),
            TargetBand => ("target ±10%", "目标 ±10%"),
            Deviation => ("Off target", "偏离目标"),
            TourMinutes => ("Tour, minutes", "巡回路程（分钟）"),
            Team => ("Team", "团队成员"),
            Assist => ("Assist members", "协助人员"),
            Score => ("Cost (lower is better)", "方案得分（越低越好）"),
            BestPossible => ("Lower bound", "理论最好得分"),
            Gap => ("Gap", "差距"),
            Status => ("Status", "状态"),
            Proven => ("proven best", "已证明最优"),
            NotProven => ("good, not proven best", "可行（未证明最优）"),
            Balance => ("of it: uneven loads", "其中：工作量不均"),
            Travel => ("of it: travel", "其中：路程"),
            Continuity => ("of it: units with a new leader", "其中：驻点领导变动"),
            HelperContinuity => ("of it: team places with a new member", "其中：团队成员变动"),
            Staffed => ("session held", "正常接待"),
            Short => (
                "no township member, not made up",
                "缺少镇级人员的接待（未补接待）",
            ),
            ShortMadeUp => (
                "no township member, made up later",
                "缺少镇级人员的接待（已补接待）",
            ),
            OfficialHoliday => ("official holiday", "法定节假日"),
            Holiday => ("township holiday", "本镇假日"),
            Makeup => ("not held, made up", "当周未接待（已补接待）"),
            NoSession => ("no session", "无接待"),
            OffWeek => ("fortnightly unit, off week", "隔周驻点的村（社区）本周轮空"),
            StationWeeks => ("Station sessions, week by week", "每周驻点接待"),
            VisitHalfDays => (
                "Household visits: half-days each person, by month",
                "入户走访：每人每月半天数",
            ),
            Person => ("Person", "人员"),
            Total => ("Total", "合计"),
            Township => ("Township", "镇街"),
            Leaders => ("Leaders", "驻点领导"),
            LeadersInForce => ("Leaders at the year's end", "驻点领导（年底在任）"),
            LeadersLeft => ("Left or handed over in the year", "另有年内离任或交接"),
            Shortfalls => ("Sessions without a township member", "缺少镇级人员的接待"),
            ShortfallsMadeUp => ("Of them made up later", "其中已补接待"),
            WarningCount => ("Warnings", "提醒"),
            Figure => ("", ""),
            LargestDeviation => ("Largest load off target", "最大工作量偏差"),
            TourTotal => ("Tour minutes, all leaders", "全部领导巡回分钟"),
            StationSessions => ("Station sessions", "驻点接待次数"),
            MakeupSessions => ("Make-up sessions", "补接待次数"),
            VisitSessions => ("Household visit sessions", "入户走访次数"),
            UnitsChanged => (
                "Units with another leader than in the first plan",
                "与第一个方案相比换了驻点领导的村居",
            ),
            Changes => ("Who moves", "人员变动"),
            NoWarnings => (
                "No warnings: the plan and its calendar keep every rule.",
                "没有提示：方案和日程符合全部规则。",
            ),
            SizeByHouseholds => ("size: households", "大小：户数"),
            TourLegend => (
                "lines: each leader's tour from the office",
                "连线：各驻点领导从镇政府出发的巡回路线",
            ),
            Roster => ("Roster", "名册"),
            Changed => (
                "another leader than in the first plan",
                "与第一个方案相比换了驻点领导",
            ),
            Week => ("week of", "当周"),
            Handovers => ("Handovers", "人员交接"),
            HandoverDate => ("From", "交接日期"),
            HandsOver => ("Hands over", "离任"),
            TakesOver => ("Takes over", "接任"),
            UnitsLed => ("Units led", "驻点村居"),
            TeamPlaces => ("Team places", "团队席位"),
            NotPlanned => ("not planned", "未排"),
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The page's language tag.
pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    }
}

/// A unit kind, singular.
pub fn kind(k: UnitKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (UnitKind::Village, Lang::En) => "village",
        (UnitKind::Community, Lang::En) => "community",
        (UnitKind::Enterprise, Lang::En) => "key enterprise",
        (UnitKind::IndustrialCommunity, Lang::En) => "industrial community",
        (UnitKind::Village, Lang::Zh) => "村",
        (UnitKind::Community, Lang::Zh) => "社区",
        (UnitKind::Enterprise, Lang::Zh) => "重点企业",
        (UnitKind::IndustrialCommunity, Lang::Zh) => "产业社区",
    }
}

/// A helper's role, singular, in the glossary's words.
pub fn role(r: Role, lang: Lang) -> &'static str {
    match (r, lang) {
        (Role::DepartmentHead, Lang::En) => "department head",
        (Role::PartySecretary, Lang::En) => "party secretary",
        (Role::CommitteeCadre, Lang::En) => "committee cadre",
        (Role::GraduateOfficial, Lang::En) => "graduate official",
        (Role::Volunteer, Lang::En) => "volunteer",
        (Role::Police, Lang::En) => "police officer",
        (Role::Lawyer, Lang::En) => "lawyer",
        (Role::Deputy, Lang::En) => "deputy",
        (Role::DepartmentHead, Lang::Zh) => "职能部门负责人",
        (Role::PartySecretary, Lang::Zh) => "村党组织书记",
        (Role::CommitteeCadre, Lang::Zh) => "村“两委”干部",
        (Role::GraduateOfficial, Lang::Zh) => "大学生村官",
        (Role::Volunteer, Lang::Zh) => "志愿服务者",
        (Role::Police, Lang::Zh) => "民警",
        (Role::Lawyer, Lang::Zh) => "律师",
        (Role::Deputy, Lang::Zh) => "两代表一委员",
    }
}

/// A leader with no post in the roster.
pub fn leader_post(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "township leader",
        Lang::Zh => "镇街领导",
    }
}

/// Minutes of a road or tour: "12 min" / "12 分钟".
pub fn minutes(m: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{m} min"),
        Lang::Zh => format!("{m} 分钟"),
    }
}

/// A unit's tooltip on the map: "西海村 (village, 420 households): 张三".
pub fn unit_tip(name: &str, kind: &str, households: u32, leader: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{name} ({kind}, {}): {leader}",
            super::count(households, "household", "households")
        ),
        Lang::Zh => format!("{name}（{kind}，{households} 户）：{leader}"),
    }
}

/// The page title: "北滘镇 2015 年驻点方案".
pub fn title(township: &str, year: i32, what: Label, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{township}: {} {year}", what.say(lang)),
        Lang::Zh => format!("{township} {year} 年{}", what.say(lang)),
    }
}

/// One line under the title: how many leaders are in force at the year's
/// end (and how many left or handed over during it), units and households.
/// Shared cadres who lead no unit here (`idle`) are said apart.
pub fn overview(
    leaders: usize,
    left: usize,
    idle: usize,
    units: usize,
    households: u64,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => {
            let s =
                |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
            let more = if left > 0 {
                format!(
                    " ({left} more {} or handed over during the year)",
                    s(left, "leader left", "leaders left")
                )
            } else {
                String::new()
            };
            let more = match idle {
                0 => more,
                n => format!("{more} ({})", super::shared_idle::beside(n, &[], lang)),
            };
            format!(
                "{leaders} {} stationed at {units} {}{more} with {households} {}.",
                s(leaders, "leader", "leaders"),
                s(units, "unit", "units"),
                s(households as usize, "household", "households"),
            )
        }
        Lang::Zh => {
            let more = if left > 0 {
                format!("（另有 {left} 名年内离任或交接）")
            } else {
                String::new()
            };
            let more = match idle {
                0 => more,
                n => format!("{more}（{}）", super::shared_idle::beside(n, &[], lang)),
            };
            format!("{leaders} 名驻点领导{more}，驻 {units} 个村（社区），共 {households} 户。")
        }
    }
}

/// The handovers section's explanation.
pub fn handovers_caption(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "Who handed over to whom during the year: the successor takes the units and team places from the date on; the one who leaves serves until the day before."
        }
        Lang::Zh => {
            "年内的交接：接任者自交接日起接手所列村（社区）和团队席位，离任者任职至前一天。"
        }
    }
}

/// The lead-in over the leaders who left with no successor.
pub fn departures_caption(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "Leaders who left during the year, or moved to another township, with no successor here: from the day they left, others lead their units."
        }
        Lang::Zh => {
            "年内离任或调离、未指定接任者的驻点领导：自离任（调离）日起，其联系的村（社区）改由他人联系。"
        }
    }
}

/// A leader who left with no successor, the day (already said as
/// "7月1日" / "Jul 1") and who leads each of their units from then (`None`:
/// nobody): "何建明 7月1日离任：南山村改由陈志伟联系，田心村改由李惠敏联系" /
/// "何建明 left on Jul 1: 陈志伟 leads 南山村 from then, 李惠敏 leads 田心村".
pub fn departure(name: &str, day: &str, units: &[(String, Option<String>)], lang: Lang) -> String {
    gone(name, day, None, units, lang)
}

/// A leader who left (for township `to`, when moved) and who leads each
/// of their units from then.
pub(super) fn gone(
    name: &str,
    day: &str,
    to: Option<&str>,
    units: &[(String, Option<String>)],
    lang: Lang,
) -> String {
    let parts: Vec<String> = units
        .iter()
        .enumerate()
        .map(|(i, (unit, by))| match (lang, by) {
            (Lang::Zh, Some(by)) => format!("{unit}改由{by}联系"),
            (Lang::Zh, None) => format!("{unit}暂无驻点领导"),
            (Lang::En, Some(by)) if i == 0 => format!("{by} leads {unit} from then"),
            (Lang::En, Some(by)) => format!("{by} leads {unit}"),
            (Lang::En, None) => format!("{unit} has no leader from then"),
        })
        .collect();
    let left = match (lang, to) {
        (Lang::Zh, None) => format!("{name} {day}离任"),
        (Lang::Zh, Some(to)) => format!("{name} {day}调往{to}"),
        (Lang::En, None) => format!("{name} left on {day}"),
        (Lang::En, Some(to)) => format!("{name} moved to {to} on {day}"),
    };
    match (lang, parts.is_empty()) {
        (Lang::Zh, false) => format!("{left}：{}", parts.join("，")),
        (Lang::Zh, true) => format!("{left}，年内未联系村（社区）"),
        (Lang::En, false) => format!("{left}: {}", parts.join(", ")),
        (Lang::En, true) => format!("{left}, having led no unit this year"),
    }
}

/// A team place handed over: "北滘社区, place 2" / "北滘社区第 2 个团队席位".
pub fn team_place(unit: &str, slot: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{unit}, place {slot}"),
        Lang::Zh => format!("{unit}第 {slot} 个团队席位"),
    }
}

/// A percentage as planners read it: "0.24%".
pub fn pct(x: f64) -> String {
    if x == 0.0 {
        "0%".into()
    } else if x.abs() < 0.01 {
        format!("{x:.4}%")
    } else {
        format!("{x:.2}%")
    }
}

/// The plain statement of a plan's quality; `gap` is a fraction. A
/// replanned plan's score counts its changes against the plan in force,
/// and its best is the best that keeps to that plan.
pub fn quality(cost: f64, bound: f64, gap: f64, replanned: bool, lang: Lang) -> String {
    let g = pct(gap * 100.0);
    let s = match (lang, gap <= 0.0) {
        (Lang::En, true) => format!(
            "The plan scores {cost:.2}; the best any plan could score is {bound:.2}. Gap 0%: no better plan exists."
        ),
        (Lang::Zh, true) => {
            format!(
                "方案得分 {cost:.2}（越低越好），理论最好得分 {bound:.2}。差距 0%：没有更好的方案。"
            )
        }
        (Lang::En, false) => format!(
            "The plan scores {cost:.2}; no plan can score below {bound:.2}. Gap {g}: a better plan, if there is one, is at most {g} better."
        ),
        (Lang::Zh, false) => format!(
            "方案得分 {cost:.2}（越低越好），任何方案都不会低于 {bound:.2}。差距 {g}：即使有更好的方案，也最多好 {g}。"
        ),
    };
    match (replanned, lang) {
        (false, _) => s,
        (true, Lang::En) => format!(
            "{s} This is a replan: the score counts each change against the plan in force, so “better” means better while keeping to that plan as far as possible."
        ),
        (true, Lang::Zh) => format!(
            "{s}这是重排的方案：与现行方案相比的每处变动都计入了得分，所以这里的“更好”是指在尽量保留现行方案的前提下更好。"
        ),
    }
}

/// What the score adds up, in words.
pub fn score_explained(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "The score adds up how uneven the leaders' loads are, the minutes of their tours, and (when replanning) every change against the plan in force, each with the roster's weight."
        }
        Lang::Zh => {
            "方案得分把驻点领导之间工作量的不均、巡回路程的分钟数，以及（调整方案时）与现行方案相比的变动，按名册中的权重相加。"
        }
    }
}

/// The caption of the load bars.
pub fn loads_caption(target: f64, population: bool, lang: Lang) -> String {
    match (lang, population) {
        (Lang::En, false) => format!(
            "Each bar is a leader's households; the shaded band is the fair share, {target:.0} households, ±10%."
        ),
        (Lang::En, true) => format!(
            "Each bar is a leader's residents; the shaded band is the fair share, {target:.0} residents, ±10%."
        ),
        (Lang::Zh, false) => {
            format!("每条表示一名驻点领导联系的户数；阴影为平均数 {target:.0} 户上下 10% 的范围。")
        }
        (Lang::Zh, true) => {
            format!("每条表示一名驻点领导联系的人口；阴影为平均数 {target:.0} 人上下 10% 的范围。")
        }
    }
}

/// A month's short name.
pub fn month(m: u32, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::En => EN[(m as usize - 1).min(11)].to_string(),
        Lang::Zh => format!("{m}月"),
    }
}

/// A warning kind's heading and what fixes it, in the words of the
/// terminal's digest and the documents (`wording::warnings`).
pub fn warning_kind(kind: &str, count: usize, lang: Lang) -> (String, String) {
    let label = super::warnings::kind_label(kind, lang);
    // As the workbook's: the staffing line under the heading says the
    // figures, each warning what closes its own gap.
    let fix = super::documents::remedy(kind, lang);
    match lang {
        Lang::En => (format!("{label}: {count}"), fix),
        Lang::Zh => (format!("{label}：{count} 处"), fix),
    }
}

/// A short-staffed unit's line: "西海村: 4 sessions (2015-03-10, …)".
pub fn shortfall_line(unit: &str, count: usize, dates: &[String], lang: Lang) -> String {
    let more = if dates.len() < count { "…" } else { "" };
    match lang {
        Lang::En => format!(
            "{unit}: {} ({}{more})",
            super::counted(count, "session", "sessions"),
            dates.join(", ")
        ),
        Lang::Zh => format!("{unit}：{count} 次（{}{more}）", dates.join("、")),
    }
}

/// A meeting in the window, or a lost session: "2015-03-10 西海村: 张三, 李四".
pub fn dated_line(date: &str, place: &str, people: &[String], lang: Lang) -> String {
    let sep = if lang == Lang::En { ", " } else { "、" };
    let colon = if lang == Lang::En { ": " } else { "：" };
    let place = if place.is_empty() {
        String::new()
    } else {
        format!(" {place}")
    };
    if people.is_empty() {
        format!("{date}{place}")
    } else {
        format!("{date}{place}{colon}{}", people.join(sep))
    }
}

/// The notice shown when the plan was made from another version of the roster.
pub fn stale_plan(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "This plan was made from another version of the roster: names and figures may not match. Run zhudian check, or plan again."
        }
        Lang::Zh => "此方案不是由这份名册生成的，人名和数字可能对不上；请先核查或重新编制方案。",
    }
}

/// The footer: which program made the page.
pub fn footer(version: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Made by zhudian {version}. Prints on A4."),
        Lang::Zh => format!("由驻点规划程序 {version} 版生成，可用 A4 纸打印。"),
    }
}

/// A change of leader: "西海村: 张三 → 李四".
pub fn moved(unit: &str, from: &str, to: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{unit}: {from} → {to}"),
        Lang::Zh => format!("{unit}：{from} → {to}"),
    }
}

/// When no unit changes leader between the plans compared.
pub fn no_moves(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Every unit keeps its leader in every plan.",
        Lang::Zh => "各方案中每个村（社区）的驻点领导都不变。",
    }
}

/// The city page's line under the title.
pub fn city_overview(townships: usize, units: usize, leaders: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{}, {}, {}. Click a township for its own page.",
            super::counted(townships, "township", "townships"),
            super::counted(leaders, "leader", "leaders"),
            super::counted(units, "unit", "units")
        ),
        Lang::Zh => format!(
            "共 {townships} 个镇街、{leaders} 名驻点领导、{units} 个村（社区）。点击镇街名称查看该镇街的方案。"
        ),
    }
}

/// The city page's heading: the city by name (city.toml's `[city] name`),
/// or no name when the city gives none.
pub fn city_title(name: &str, lang: Lang) -> String {
    let title = Label::CityTitle.say(lang);
    match (name.is_empty(), lang) {
        (true, _) => title.to_string(),
        (false, Lang::En) => format!("{name}: {title}"),
        (false, Lang::Zh) => format!("{name}{title}"),
    }
}

/// The label of a district's subtotal row on the city page.
pub fn subtotal_label(district: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Subtotal, {district}"),
        Lang::Zh => format!("{district}小计"),
    }
}

/// Under the city table when a person counts in two townships' rows: the
/// subtotals and the total count each person once.
pub fn city_people_once(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "A leader shared by two townships, or transferred between them, is in each township's row but counts once in a subtotal and in the total."
        }
        Lang::Zh => {
            "多镇街共用或在镇街之间调动的领导，在各镇街行中分别计入，在小计和合计中只计一次。"
        }
    }
}

/// A gap as a city table shows it.
pub fn gap_cell(gap: f64, lang: Lang) -> String {
    if gap <= 0.0 {
        match lang {
            Lang::En => "0%: no better plan".into(),
            Lang::Zh => "0%：没有更好的方案".into(),
        }
    } else {
        pct(gap * 100.0)
    }
}

/// What `zhudian report` says on the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportSaid {
    /// Pages written: the main one and how many beside it.
    Written {
        path: String,
        beside: usize,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
    /// A township of a city without its plan in the plans' folder.
    NoPlan {
        township: String,
        path: String,
    },
    /// A city report needs the folder of plans `zhudian plan CITY -o DIR` wrote.
    CityNeedsPlanFolder {
        path: String,
    },
}

impl super::Say for ReportSaid {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReportSaid::Written { path, beside: 0 }, Lang::En) => format!("wrote {path}"),
            (ReportSaid::Written { path, beside: 0 }, Lang::Zh) => format!("已写入 {path}"),
            (ReportSaid::Written { path, beside }, Lang::En) => {
                format!("wrote {path} and {beside} township pages beside it")
            }
            (ReportSaid::Written { path, beside }, Lang::Zh) => {
                format!("已写入 {path}，以及同一文件夹中 {beside} 个镇街的页面")
            }
            (ReportSaid::CannotWrite { path, detail }, Lang::En) => {
                format!("{path}: cannot write the report: {detail}")
            }
            (ReportSaid::CannotWrite { path, detail }, Lang::Zh) => {
                format!("{path}：无法写入报告：{detail}")
            }
            (ReportSaid::NoPlan { township, path }, Lang::En) => {
                format!(
                    "{township}: no plan at {path}; plan the city first with zhudian plan CITY -o DIR"
                )
            }
            (ReportSaid::NoPlan { township, path }, Lang::Zh) => {
                format!(
                    "{township}：{path} 处没有方案；请先为全市编制方案（zhudian plan 全市名册 -o 文件夹）"
                )
            }
            (ReportSaid::CityNeedsPlanFolder { path }, Lang::En) => format!(
                "{path}: a city's report takes the folder of plans that zhudian plan CITY -o DIR wrote"
            ),
            (ReportSaid::CityNeedsPlanFolder { path }, Lang::Zh) => {
                format!("{path}：全市报告需要 zhudian plan 写出的方案文件夹")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quality_says_plainly_that_no_better_plan_exists_at_gap_zero() {
        assert_eq!(
            quality(150.77, 150.77, 0.0, false, Lang::Zh),
            "方案得分 150.77（越低越好），理论最好得分 150.77。差距 0%：没有更好的方案。"
        );
        assert_eq!(
            quality(150.77, 150.77, 0.0, false, Lang::En),
            "The plan scores 150.77; the best any plan could score is 150.77. Gap 0%: no better plan exists."
        );
    }

    /// A replan's best is the best that keeps to the plan in force.
    #[test]
    fn a_replans_quality_says_what_better_means() {
        assert_eq!(
            quality(150.77, 150.77, 0.0, true, Lang::Zh),
            "方案得分 150.77（越低越好），理论最好得分 150.77。差距 0%：没有更好的方案。这是重排的方案：与现行方案相比的每处变动都计入了得分，所以这里的“更好”是指在尽量保留现行方案的前提下更好。"
        );
        assert_eq!(
            quality(150.77, 150.77, 0.0, true, Lang::En),
            "The plan scores 150.77; the best any plan could score is 150.77. Gap 0%: no better plan exists. This is a replan: the score counts each change against the plan in force, so “better” means better while keeping to that plan as far as possible."
        );
    }

    #[test]
    fn quality_bounds_the_improvement_when_a_gap_remains() {
        assert_eq!(
            quality(292.04, 291.35, 0.0024, false, Lang::Zh),
            "方案得分 292.04（越低越好），任何方案都不会低于 291.35。差距 0.24%：即使有更好的方案，也最多好 0.24%。"
        );
        assert_eq!(
            quality(292.04, 291.35, 0.0024, false, Lang::En),
            "The plan scores 292.04; no plan can score below 291.35. Gap 0.24%: a better plan, if there is one, is at most 0.24% better."
        );
    }

    #[test]
    fn warning_kinds_have_headings_and_remedies_in_both_languages() {
        for k in [
            "shortfall",
            "meeting_in_window",
            "makeup_impossible",
            "household_visits_short",
        ] {
            for lang in [Lang::En, Lang::Zh] {
                let (head, fix) = warning_kind(k, 3, lang);
                assert!(head.contains('3'), "{head}");
                assert!(!fix.is_empty(), "{k}");
                assert_eq!(
                    fix,
                    crate::wording::documents::remedy(k, lang),
                    "the report and the documents give one remedy"
                );
            }
        }
        assert_eq!(
            warning_kind("shortfall", 4, Lang::Zh).0,
            "驻点接待人手不足：4 处"
        );
    }

    #[test]
    fn chinese_labels_have_no_english_words() {
        use Label::*;
        for l in [
            PlanTitle,
            Quality,
            Map,
            Loads,
            Teams,
            Year,
            Warnings,
            Score,
            BestPossible,
            Gap,
            Staffed,
            Short,
            ShortMadeUp,
            OfficialHoliday,
            Holiday,
            Makeup,
            NoSession,
            OffWeek,
            TourLegend,
            TargetBand,
        ] {
            assert!(
                !l.say(Lang::Zh).chars().any(|c| c.is_ascii_alphabetic()),
                "{:?}",
                l
            );
        }
    }
}
