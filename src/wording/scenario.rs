//! Words for comparing plans, replanning and what-if variants.

use super::Lang;

/// A figure in the comparison table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Cost,
    Balance,
    Travel,
    Continuity,
    HelperContinuity,
    LowerBound,
    Gap,
    Status,
    MaxDeviation,
    TourMinutes,
    LongestTour,
    TeamsChanged,
    StationSessions,
    Makeups,
    Shortfalls,
    Warnings,
    VisitSessions,
    VisitsPerPerson,
}

impl Figure {
    /// A stable machine key (CSV, TOML).
    pub fn key(self) -> &'static str {
        use Figure::*;
        match self {
            Cost => "cost",
            Balance => "balance_cost",
            Travel => "travel_cost",
            Continuity => "continuity_cost",
            HelperContinuity => "helper_continuity_cost",
            LowerBound => "lower_bound",
            Gap => "gap",
            Status => "status",
            MaxDeviation => "max_deviation_pct",
            TourMinutes => "tour_minutes_total",
            LongestTour => "longest_tour_minutes",
            TeamsChanged => "teams_changed",
            StationSessions => "station_sessions",
            Makeups => "makeup_sessions",
            Shortfalls => "shortfall_sessions",
            Warnings => "warnings",
            VisitSessions => "household_visit_sessions",
            VisitsPerPerson => "visit_sessions_per_person",
        }
    }

    pub fn label(self, lang: Lang) -> String {
        use Figure::*;
        let (en, zh) = match self {
            Cost => ("cost", "总代价"),
            Balance => ("  balance", "  均衡"),
            Travel => ("  travel", "  路程"),
            Continuity => ("  continuity", "  领导变动"),
            HelperContinuity => ("  helper continuity", "  队员变动"),
            LowerBound => ("lower bound", "下界"),
            Gap => ("gap", "差距"),
            Status => ("status", "状态"),
            MaxDeviation => ("largest load deviation", "最大工作量偏差"),
            TourMinutes => ("tour minutes, all leaders", "全部领导巡回分钟"),
            LongestTour => ("longest tour, minutes", "最长巡回分钟"),
            TeamsChanged => ("teams changed vs the first", "与第一个方案相比队伍变动"),
            StationSessions => ("station sessions", "驻点接待次数"),
            Makeups => ("make-up sessions", "补班次数"),
            Shortfalls => ("sessions short of staff", "人手不足的接待"),
            Warnings => ("warnings", "提示"),
            VisitSessions => ("household-visit half-days", "入户走访半天数"),
            VisitsPerPerson => ("visit half-days per person", "人均走访半天数"),
        };
        match lang {
            Lang::En => en.to_string(),
            Lang::Zh => zh.to_string(),
        }
    }

    pub fn unit_label(lang: Lang) -> String {
        match lang {
            Lang::En => "unit".into(),
            Lang::Zh => "单位".into(),
        }
    }
}

pub fn moves_heading(lang: Lang) -> String {
    match lang {
        Lang::En => "Who moved where (leader + team, where the plans differ):".into(),
        Lang::Zh => "人员变动（领导 + 队员，仅列出方案不同之处）：".into(),
    }
}

pub fn no_moves(lang: Lang) -> String {
    match lang {
        Lang::En => "  every unit has the same leader and team in all plans".into(),
        Lang::Zh => "  各方案中所有单位的领导和队伍都相同".into(),
    }
}

pub fn unreadable_plan(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{path}: cannot read the plan: {detail}"),
        Lang::Zh => format!("{path}：无法读取方案：{detail}"),
    }
}
