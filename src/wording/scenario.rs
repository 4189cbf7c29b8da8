//! Words for comparing plans, replanning and what-if variants' changes (what `whatif` says around its table is in `whatif`).

use super::Lang;
pub use super::whatif::{VariantSaid, WhatifSaid};

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
    /// Units where a successor took over the post (shown only when a plan
    /// has a handover).
    HandedOver,
    /// Units handed over to a successor or changed by a move between
    /// townships (in place of `HandedOver` where a move explains some).
    HandedOrMoved,
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
            HandedOver => "units_handed_over",
            HandedOrMoved => "units_handed_over_or_moved",
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
            Cost => ("cost", "方案得分"),
            Balance => ("  balance", "  均衡"),
            Travel => ("  travel", "  路程"),
            Continuity => ("  continuity", "  领导变动"),
            HelperContinuity => ("  helper continuity", "  团队成员变动"),
            LowerBound => ("lower bound", "理论最好得分"),
            Gap => ("gap", "差距"),
            Status => ("status", "状态"),
            MaxDeviation => ("largest load deviation", "最大工作量偏差"),
            TourMinutes => ("tour minutes, all leaders", "全部领导巡回分钟"),
            LongestTour => ("longest tour, minutes", "最长巡回分钟"),
            TeamsChanged => ("teams changed vs the first", "与第一个方案相比团队变动"),
            HandedOver => (
                "units handed over to a successor or changed by a transfer",
                "因接任或调动而换人的村（社区）",
            ),
            HandedOrMoved => (
                "units handed over to a successor or changed by a transfer",
                "因接任或调动而换人的村（社区）",
            ),
            StationSessions => ("station sessions", "驻点接待次数"),
            Makeups => ("make-up sessions", "补接待次数"),
            Shortfalls => ("sessions without a township member", "缺少镇级人员的接待"),
            Warnings => ("warnings", "提醒"),
            // Sessions, each a team's half-day: the people's half-days are more.
            VisitSessions => ("household visit sessions", "入户走访次数"),
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
            Lang::Zh => "村居".into(),
        }
    }
}

/// The heading of the moves; `handed`: some unit was handed over to a
/// successor (not counted as a move); `transfer`: or changed by a move
/// between townships.
pub fn moves_heading(handed: bool, transfer: bool, lang: Lang) -> String {
    match (lang, handed) {
        _ if transfer => match lang {
            Lang::En => "Who moved where (leader + team, where the plans differ; units handed over to a successor or changed by a transfer are not moves):".into(),
            Lang::Zh => "人员变动（驻点领导及团队成员，仅列出方案不同之处；因接任或调动而换人的村（社区）不算变动）：".into(),
        },
        (Lang::En, false) => "Who moved where (leader + team, where the plans differ):".into(),
        (Lang::En, true) => "Who moved where (leader + team, where the plans differ; units handed over to a successor or changed by a transfer are not moves):".into(),
        (Lang::Zh, false) => "人员变动（驻点领导及团队成员，仅列出方案不同之处）：".into(),
        (Lang::Zh, true) => {
            "人员变动（驻点领导及团队成员，仅列出方案不同之处；因接任或调动而换人的村（社区）不算变动）：".into()
        }
    }
}

/// No unit moved; `handed`: some unit was handed over to a successor;
/// `transfer`: or changed by a move between townships.
pub fn no_moves(handed: bool, transfer: bool, lang: Lang) -> String {
    match (lang, handed) {
        _ if transfer => match lang {
            Lang::En => "  apart from the units handed over to a successor or changed by a transfer, every unit has the same leader and team in all plans".into(),
            Lang::Zh => "  除因接任或调动而换人的村（社区）外，各方案中所有村（社区）的领导和团队都相同".into(),
        },
        (Lang::En, false) => "  every unit has the same leader and team in all plans".into(),
        (Lang::En, true) => "  apart from the units handed over to a successor or changed by a transfer, every unit has the same leader and team in all plans".into(),
        (Lang::Zh, false) => "  各方案中所有村（社区）的领导和团队都相同".into(),
        (Lang::Zh, true) => {
            "  除因接任或调动而换人的村（社区）外，各方案中所有村（社区）的领导和团队都相同".into()
        }
    }
}

pub fn unreadable_plan(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{path}: cannot read the plan: {detail}"),
        Lang::Zh => format!("{path}：无法读取方案：{detail}"),
    }
}

/// What replanning says about carrying the previous plan over; kept in the
/// plan file as a `previous_plan` warning's fact, tagged by `code`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ReplanSaid {
    Heading {
        previous: String,
    },
    Succeeds {
        new: String,
        old: String,
    },
    FromOutsideYear {
        from: String,
        year: i32,
    },
    /// The previous plan names units and people the roster lacks, with no
    /// `leaves`, `succeeds` or transfer to explain it: units by name, and
    /// each person by name with the units where they served.
    OtherRoster {
        units: Vec<String>,
        people: Vec<(String, Vec<String>)>,
    },
    PinUnknown {
        unit: String,
    },
    /// Someone with sessions before `--from` (kept as they were) whom the
    /// roster no longer holds: by name (or id), the units by name, the
    /// last such session and the replan's date, both YYYY-MM-DD.
    GoneFromKept {
        person: String,
        id: String,
        units: Vec<String>,
        last: String,
        from: String,
    },
    PinLeaderGone {
        unit: String,
        leader: String,
    },
}

impl super::Say for ReplanSaid {
    fn say(&self, lang: Lang) -> String {
        use ReplanSaid::*;
        let en = lang == Lang::En;
        match self {
            Heading { previous } => {
                if en {
                    format!("Against the previous plan {previous}:")
                } else {
                    format!("与上一版方案 {previous} 相比：")
                }
            }
            GoneFromKept {
                person,
                id,
                units,
                last,
                from,
            } => {
                let who = if person == id {
                    id.clone()
                } else {
                    format!("{person}（{id}）")
                };
                if en {
                    let who = if person == id {
                        id.clone()
                    } else {
                        format!("{person} ({id})")
                    };
                    format!(
                        "{who} has sessions before {from} ({}; the last on {last}), which are kept as they were, but is no longer in the roster: keep the row, with leaves = {from} (the first day she or he no longer serves), and give the successor succeeds = {id}",
                        units.join(", ")
                    )
                } else {
                    format!(
                        "{who}在{}之前的日程中有安排（{}，最后一次在{}），这些日程原样保留，名册中却已没有此人：请保留此人一行，离任日期（leaves）填 {from}（从这天起不再驻点），接任者一行的“接替”（succeeds）填 {id}",
                        super::date_text(from, lang),
                        units.join("、"),
                        super::date_text(last, lang)
                    )
                }
            }
            FromOutsideYear { from, year } => {
                if en {
                    format!("--from {from} is outside the year the roster plans, {year}")
                } else {
                    format!("--from {from} 不在名册的规划年度 {year} 年之内")
                }
            }
            Succeeds { new, old } => {
                if en {
                    format!("{new} succeeds {old} and takes over their place")
                } else {
                    format!("{new}接替{old}的原有位置")
                }
            }
            OtherRoster { units, people } => {
                let mut parts = Vec::new();
                if !units.is_empty() {
                    let u = super::list(units, lang);
                    parts.push(if en {
                        format!("{u} no longer in the roster (the team is dropped)")
                    } else {
                        format!("名册中已没有{u}（原团队不再保留）")
                    });
                }
                if !people.is_empty() {
                    let said: Vec<String> = people
                        .iter()
                        .map(|(p, units)| {
                            let u = super::list(units, lang);
                            if en {
                                format!("{p} (in {u})")
                            } else {
                                format!("{p}（原在{u}）")
                            }
                        })
                        .collect();
                    let who = super::list(&said, lang);
                    parts.push(if en {
                        format!("{who} left with no successor (the place is filled anew)")
                    } else {
                        format!("{who}已不在名册且无人接任（其位置重新安排）")
                    });
                }
                if en {
                    format!(
                        "the previous plan was made for another roster: {}; the rest is kept where the ids still match",
                        parts.join("; ")
                    )
                } else {
                    format!(
                        "上一版方案出自另一份名册：{}；其余编号相同之处照旧沿用",
                        parts.join("；")
                    )
                }
            }
            PinUnknown { unit } => {
                if en {
                    format!("--pin {unit}: no such unit in both the roster and the previous plan")
                } else {
                    format!("--pin {unit}：名册与上一版方案中没有同时存在这个村（社区）")
                }
            }
            PinLeaderGone { unit, leader } => {
                if en {
                    format!(
                        "--pin {unit}: its leader '{leader}' left with no successor, so its team cannot be kept"
                    )
                } else {
                    format!("--pin {unit}：其驻点领导“{leader}”已离任且无接任者，无法保留原团队")
                }
            }
        }
    }
}

/// One change a replan made, and what it cost.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeSaid {
    /// No unit changed leader or team; `handovers`: the successions listed
    /// above it (a successor in their predecessor's post is no change).
    Nothing {
        handovers: usize,
    },
    NewUnit {
        unit: String,
        leader: String,
    },
    LeaderMoved {
        unit: String,
        from: String,
        to: String,
        /// Why `from` no longer leads anything here; `None`: still here.
        gone: Option<Gone>,
        /// `to` led no unit in the previous plan and must lead at least
        /// this many (a newcomer, a transfer in): why the unit moved.
        newcomer_min: Option<usize>,
        /// The change's part of the plan score; `None` where the score
        /// does not count it (a what-if variant is planned afresh).
        cost: Option<f64>,
    },
    HelperMoved {
        unit: String,
        slot: usize,
        from: String,
        to: String,
        left: bool,
        cost: f64,
    },
    /// Helpers (by name) who joined the unit's team as assist members,
    /// beside its slots (as `planner::visit_assists` adds the unit's own
    /// people when its household visits do not fit). Assists cost nothing.
    AssistsJoined {
        unit: String,
        people: Vec<String>,
    },
    /// Assist members of the previous plan no longer on the unit's team.
    AssistsLeft {
        unit: String,
        people: Vec<String>,
    },
    Terms {
        continuity: f64,
        helper_continuity: f64,
        balance_before: f64,
        balance_after: f64,
        travel_before: f64,
        travel_after: f64,
    },
}

/// Why a leader of the earlier plan no longer leads a unit here.
#[derive(Debug, Clone, PartialEq)]
pub enum Gone {
    /// Left the post (`leaves`, or off the roster).
    Left,
    /// Moved to another township of the city on `day` ("10月1日" / "Oct 1").
    MovedTo { township: String, day: String },
    /// A what-if variant takes them off the roster.
    Removed,
}

/// "; continuity cost 100 (unavoidable)" / "；领导变动计 100 分（无法避免）",
/// nothing where the score does not count the change.
fn leader_cost(cost: Option<f64>, unavoidable: bool, lang: Lang) -> String {
    let Some(c) = cost else {
        return String::new();
    };
    match (lang, unavoidable) {
        (Lang::En, true) => format!("; continuity cost {} (unavoidable)", money(c)),
        (Lang::En, false) => format!("; continuity cost {}", money(c)),
        (Lang::Zh, true) => format!("；领导变动计 {} 分（无法避免）", money(c)),
        (Lang::Zh, false) => format!("；领导变动计 {} 分", money(c)),
    }
}

fn money(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

impl super::Say for ChangeSaid {
    fn say(&self, lang: Lang) -> String {
        use ChangeSaid::*;
        let en = lang == Lang::En;
        match self {
            Nothing { handovers } => match (en, handovers) {
                (true, 0) => "nothing changed: every unit keeps its leader and team".into(),
                (true, 1) => "apart from the handover above, nothing changed".into(),
                (true, _) => "apart from the handovers above, nothing changed".into(),
                (false, 0) => "没有变动：各村（社区）的领导和团队保持不变".into(),
                (false, _) => "除上述接任外，没有其他变动".into(),
            },
            NewUnit { unit, leader } => {
                if en {
                    format!("{unit}: new unit, led by {leader}")
                } else {
                    format!("{unit}：新增村（社区），由{leader}驻点")
                }
            }
            LeaderMoved {
                unit,
                from,
                to,
                gone: Some(gone),
                cost,
                ..
            } => {
                let why = match (gone, en) {
                    (Gone::Left, true) => format!("because {from} left"),
                    (Gone::Left, false) => format!("因{from}已离任"),
                    (Gone::MovedTo { township, day }, true) => {
                        format!("because {from} moved to {township} on {day}")
                    }
                    (Gone::MovedTo { township, day }, false) => {
                        format!("因{from}于{day}调往{township}")
                    }
                    (Gone::Removed, true) => format!("because the variant removes {from}"),
                    (Gone::Removed, false) => format!("因本方案去掉了{from}"),
                };
                let cost = leader_cost(*cost, true, lang);
                if en {
                    format!("{unit}: leader {from} → {to}, {why}{cost}")
                } else {
                    format!("{unit}：驻点领导 {from} → {to}，{why}{cost}")
                }
            }
            LeaderMoved {
                unit,
                from,
                to,
                newcomer_min: Some(min),
                cost,
                ..
            } => {
                let cost = leader_cost(*cost, false, lang);
                if en {
                    format!(
                        "{unit}: leader {from} → {to}, because {to} is new here and every leader leads at least {min} {}{cost}",
                        if *min == 1 { "unit" } else { "units" },
                    )
                } else {
                    format!(
                        "{unit}：驻点领导 {from} → {to}，因{to}新到任，每名驻点领导至少联系 {min} 个村（社区）{cost}"
                    )
                }
            }
            LeaderMoved {
                unit,
                from,
                to,
                cost,
                ..
            } => {
                let cost = leader_cost(*cost, false, lang);
                if en {
                    format!("{unit}: leader {from} → {to}, to balance loads and tours{cost}")
                } else {
                    format!("{unit}：驻点领导 {from} → {to}，为均衡工作量和路程{cost}")
                }
            }
            HelperMoved {
                unit,
                slot,
                from,
                to,
                left: true,
                cost,
            } => {
                if en {
                    format!(
                        "{unit}: team slot {slot} {from} → {to}, because {from} left; helper continuity cost {}",
                        money(*cost)
                    )
                } else {
                    format!(
                        "{unit}：团队第 {slot} 个位置 {from} → {to}，因{from}已离任；团队成员变动计 {} 分",
                        money(*cost)
                    )
                }
            }
            HelperMoved {
                unit,
                slot,
                from,
                to,
                cost,
                ..
            } => {
                if en {
                    format!(
                        "{unit}: team slot {slot} {from} → {to}; helper continuity cost {}",
                        money(*cost)
                    )
                } else {
                    format!(
                        "{unit}：团队第 {slot} 个位置 {from} → {to}；团队成员变动计 {} 分",
                        money(*cost)
                    )
                }
            }
            AssistsJoined { unit, people } => {
                let who = super::list(people, lang);
                match (en, people.len()) {
                    (true, 1) => {
                        format!("{unit}: {who} joins the team as an assist member (no cost)")
                    }
                    (true, _) => format!("{unit}: {who} join the team as assist members (no cost)"),
                    (false, _) => format!("{unit}：{who}作为协助人员加入团队（不计分）"),
                }
            }
            AssistsLeft { unit, people } => {
                let who = super::list(people, lang);
                match (en, people.len()) {
                    (true, 1) => {
                        format!("{unit}: {who} is no longer on the team as an assist member")
                    }
                    (true, _) => {
                        format!("{unit}: {who} are no longer on the team as assist members")
                    }
                    (false, _) => format!("{unit}：{who}不再作为协助人员参加团队"),
                }
            }
            Terms {
                continuity,
                helper_continuity,
                balance_before,
                balance_after,
                travel_before,
                travel_after,
            } => {
                if en {
                    format!(
                        "paid: continuity {}, helper continuity {}; balance {} → {}, travel {} → {}",
                        money(*continuity),
                        money(*helper_continuity),
                        money(*balance_before),
                        money(*balance_after),
                        money(*travel_before),
                        money(*travel_after)
                    )
                } else {
                    format!(
                        "方案得分各项：领导变动计 {} 分，团队成员变动计 {} 分；均衡 {} → {} 分，路程 {} → {} 分",
                        money(*continuity),
                        money(*helper_continuity),
                        money(*balance_before),
                        money(*balance_after),
                        money(*travel_before),
                        money(*travel_after)
                    )
                }
            }
        }
    }
}

/// The word before a warning line: "warning: " / "提醒：".
pub fn warning(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "warning: ",
        Lang::Zh => "提醒：",
    }
}

#[cfg(test)]
#[path = "scenario_tests.rs"]
mod tests;
