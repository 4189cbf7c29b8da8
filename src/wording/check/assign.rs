//! Words for what `check` finds against the hard rules and the figures:
//! leaders and their bounds, team slots and roles, needs, home units and
//! distances, the cost and its terms, the leaders' lines and their tours.

use super::*;

/// The words of one of this family's facts; `office` is the township's
/// office in Chinese (街道办 or 镇政府, `terms::office_zh`).
pub(super) fn say(said: &CheckSaid, lang: Lang, office_word: &str) -> String {
    use CheckSaid::*;
    let en = lang == Lang::En;
    match said {
        UnknownUnit => {
            if en {
                "the plan names a unit that is not in the roster".into()
            } else {
                "名册中没有这个村（社区）".into()
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
                "方案没有给该村（社区）分配驻点领导".into()
            }
        }
        AssignedTwice { times } => {
            if en {
                format!("the unit has {times} assignments; it must have exactly one leader")
            } else {
                format!("该村（社区）有 {times} 条分配；每个村（社区）只能有一名驻点领导")
            }
        }
        UnitCount { units, min, max } => {
            if en {
                let s = if *units == 1 { "" } else { "s" };
                format!("covers {units} unit{s}, outside their bounds of {min} to {max}")
            } else {
                format!("联系 {units} 个村（社区），超出 {min} 至 {max} 个的范围")
            }
        }
        SlotCount { have, want } => {
            if en {
                format!(
                    "the team has {} for {}",
                    crate::wording::counted(*have, "helper", "helpers"),
                    crate::wording::counted(*want, "slot", "slots")
                )
            } else {
                format!("团队有 {have} 名协助人员，应为 {want} 个岗位各一名")
            }
        }
        UnknownHelper => {
            if en {
                "is not a helper in the roster".into()
            } else {
                "不是名册中的协助人员".into()
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
            (Some(b), true) => {
                format!("slot {slot} takes the unit's own people, but this helper belongs to {b}")
            }
            (None, true) => format!(
                "slot {slot} takes the unit's own people, but this helper is a township helper"
            ),
            (Some(b), false) => format!("第 {slot} 个岗位应由本村（社区）人员担任，但此人属于{b}"),
            (None, false) => {
                format!("第 {slot} 个岗位应由本村（社区）人员担任，但此人是镇级协助人员")
            }
        },
        ServesOnlyOwnUnit { own } => {
            if en {
                format!("belongs to {own} and may serve only there")
            } else {
                format!("属于{own}，只能在本村（社区）服务")
            }
        }
        TwiceOnTeam => {
            if en {
                "is on this team twice".into()
            } else {
                "在该团队中出现了两次".into()
            }
        }
        TooManyTeams { teams, max } => {
            if en {
                format!("serves on {teams} teams, more than max_teams = {max}")
            } else {
                format!("参加了 {teams} 个团队，超过每人最多 {max} 个团队的上限")
            }
        }
        NeedUncovered { need } => {
            if en {
                format!("needs '{need}', but nobody on the team has that skill")
            } else {
                format!("需要“{need}”技能，但团队中没有人具备")
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
                    "作为协助人员加入，但此人是{}；协助人员只能是民警、律师、两代表一委员、志愿服务者、大学生村官或村“两委”干部",
                    role_zh(*role)
                )
            }
        }
        HomeUnit => {
            if en {
                "is stationed in their own home unit".into()
            } else {
                "被派驻到自己的家乡村（社区）".into()
            }
        }
        AwayAllYear => {
            if en {
                "is away the whole year, yet is on the team".into()
            } else {
                "全年外出，却被安排在团队中".into()
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
                    "距{office_word} {} 分钟，超过最长路程 {} 分钟",
                    num(*minutes),
                    num(*max)
                )
            }
        }
        NoRoad => {
            if en {
                "cannot be reached by road from the office".into()
            } else {
                format!("从{office_word}沿道路无法到达")
            }
        }
        NotFinite { field, value } => {
            if en {
                format!("the plan states {field} = {value}, which is not a finite number")
            } else {
                format!("方案写的{}为 {value}，不是有限的数", figure_zh(field))
            }
        }
        UnknownStatus { status } => {
            if en {
                format!("the status '{status}' is neither 'optimal' nor 'feasible'")
            } else {
                format!("状态“{status}”既不是“已证明最优”（optimal）也不是“可行”（feasible）")
            }
        }
        OptimalWithGap { gap } => {
            if en {
                format!(
                    "the status says optimal, but the gap is {:.2}%",
                    gap * 100.0
                )
            } else {
                format!("状态为已证明最优，但差距为 {:.2}%", gap * 100.0)
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
                let shown = |x: f64| {
                    if field == "gap" {
                        format!("{}%", num(x * 100.0))
                    } else {
                        num(x)
                    }
                };
                format!(
                    "方案写的{}为 {}，重新计算为 {}",
                    figure_zh(field),
                    shown(*stated),
                    shown(*actual)
                )
            }
        }
        LeaderLineMissing => {
            if en {
                "has no [[leader]] line".into()
            } else {
                "方案中没有此人的领导汇总（[[leader]]）".into()
            }
        }
        LeaderLineTwice => {
            if en {
                "has more than one [[leader]] line".into()
            } else {
                "有多条领导汇总（[[leader]]）".into()
            }
        }
        LeaderLineStranger => {
            if en {
                "has a [[leader]] line but is not a cadre in the roster".into()
            } else {
                "有领导汇总（[[leader]]），但不是名册中的干部".into()
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
                    "领导汇总（[[leader]]）列出的村（社区）是 {}，但分配结果是 {}",
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
                format!("理论最好得分 {} 高于方案得分 {}", num(*bound), num(*cost))
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
                    "路线 {} 应从{}出发并回到{}，途经且只经过该领导的村（社区） {}",
                    route(stated),
                    office_word,
                    office_word,
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
        _ => unreachable!("worded by the other family (see `impl Say for CheckSaid`)"),
    }
}

/// A figure of the plan file (`[plan.metrics]`, a `[[leader]]` line) in a
/// planner's words, as `compare` and `plan` name them; an unknown field as
/// written.
fn figure_zh(field: &str) -> String {
    let name = match field {
        "cost" => "方案得分",
        "lower_bound" => "理论最好得分",
        "gap" => "差距",
        "balance_cost" => "均衡计分",
        "travel_cost" => "路程计分",
        "continuity_cost" => "领导变动计分",
        "helper_continuity_cost" => "团队成员变动计分",
        "max_deviation_pct" => "最大工作量偏差（%）",
        "tour_minutes_total" => "全部领导巡回分钟",
        "units_changed" => "领导变动的村居数",
        "slots_changed" => "团队成员变动的岗位数",
        "load" => "工作量",
        "deviation_pct" => "工作量偏差（%）",
        "tour_minutes" => "巡回分钟",
        "station_sessions" => "驻点接待次数",
        "makeup_sessions" => "补接待次数",
        "household_visit_sessions" => "入户走访次数",
        "shortfall_sessions" => "缺少镇级人员的接待次数",
        "warnings" => "提醒条数",
        other => return other.to_string(),
    };
    name.to_string()
}
