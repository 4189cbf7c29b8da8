//! Words for what a mid-year change changes from its date (`replan --from`,
//! `compare` of plans with a handover): who hands over to whom, sessions
//! and visits moved, whose load rises, which units keep their sessions and
//! why one whose team did not change is rebuilt all the same, or a
//! handed-over one not kept with the successor in the predecessor's place.
//! Chinese names people and units by their names from the roster.

use chrono::NaiveDate;

use crate::calendar::keep::{Clash, Keep, Why};
use crate::model::Roster;
use crate::scenario::year::FromDate;
use crate::wording::{Lang, date, names};

/// At most this many people whose load rises are named.
const RISES_SHOWN: usize = 5;

/// The heading of one pair's changes when `compare` is given more than two
/// plans: each plan against the one before it.
pub fn pair_heading(old: &str, new: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{old} → {new}:"),
        Lang::Zh => format!("{old} → {new}："),
    }
}

/// The lines (each ending in a newline, indented by two spaces).
pub fn from_date(r: &Roster, f: &FromDate, lang: Lang) -> String {
    let en = lang == Lang::En;
    let person = |id: &str| names::person(r, id, lang);
    let mut out = String::new();
    let from = f.from;
    let from_zh = date(from, lang);
    out += &if en {
        format!("What changes from {from}:\n")
    } else {
        format!("自{from_zh}起的变化：\n")
    };
    for (old, new, units) in &f.handovers {
        let list: Vec<String> = units.iter().map(|u| names::unit(r, u, lang)).collect();
        out += &match (en, list.is_empty()) {
            (true, true) => format!("  {} hands over to {}\n", person(old), person(new)),
            (true, false) => format!(
                "  {} hands over to {}: {}\n",
                person(old),
                person(new),
                list.join(", ")
            ),
            (false, true) => format!("  {}交接给{}\n", person(old), person(new)),
            (false, false) => format!(
                "  {}交接给{}：{}\n",
                person(old),
                person(new),
                list.join("、")
            ),
        };
    }
    // A leader's units that change hands with no successor, grouped by
    // the leader who held them.
    let mut by_old: Vec<(&str, Vec<String>)> = Vec::new();
    for (unit, old, new) in &f.leader_changes {
        let u = names::unit(r, unit, lang);
        let moved = if en {
            format!("{u} to {}", person(new))
        } else {
            format!("{u}改由{}联系", person(new))
        };
        match by_old.iter_mut().find(|(o, _)| o == old) {
            Some((_, v)) => v.push(moved),
            None => by_old.push((old, vec![moved])),
        }
    }
    for (old, moved) in &by_old {
        out += &if en {
            format!(
                "  units {} led change leader: {}\n",
                person(old),
                moved.join(", ")
            )
        } else {
            format!("  {}联系的村（社区）：{}\n", person(old), moved.join("，"))
        };
    }
    let lead = if en {
        format!("sessions from {from}")
    } else {
        format!("{from_zh}起的活动")
    };
    out += &format!(
        "  {}\n",
        sessions_changed(&lead, "the plan in force", f, lang)
    );
    if !f.unit_rises.is_empty() {
        let said: Vec<String> = f
            .unit_rises
            .iter()
            .map(|(p, b, a, pred)| match (en, pred) {
                (true, None) => format!("{} {b} → {a} {}", person(p), units_word(*a)),
                (true, Some(x)) => format!(
                    "{} (succeeding {}) {b} → {a} {}",
                    person(p),
                    person(x),
                    units_word(*a)
                ),
                (false, None) => format!("{} {b} → {a} 个村（社区）", person(p)),
                (false, Some(x)) => {
                    format!("{}（接替{}）{b} → {a} 个村（社区）", person(p), person(x))
                }
            })
            .collect();
        out += &if en {
            format!("  more units to lead: {}\n", said.join(", "))
        } else {
            format!("  联系的村（社区）增加：{}\n", said.join("，"))
        };
    }
    if !f.load_rises.is_empty() {
        let shown: Vec<String> = f
            .load_rises
            .iter()
            .take(RISES_SHOWN)
            .map(|(p, b, a, pred)| match (en, pred) {
                (true, None) => format!("{} {b} → {a}", person(p)),
                (true, Some(x)) => format!("{} (succeeding {}) {b} → {a}", person(p), person(x)),
                (false, None) => format!("{} {b} → {a} 场", person(p)),
                (false, Some(x)) => format!("{}（接替{}）{b} → {a} 场", person(p), person(x)),
            })
            .collect();
        let more = f.load_rises.len().saturating_sub(RISES_SHOWN);
        out += &match (en, more) {
            (true, 0) => format!(
                "  load rises (sessions from {from}): {}\n",
                shown.join(", ")
            ),
            (true, m) => format!(
                "  load rises (sessions from {from}): {}, and {m} more\n",
                shown.join(", ")
            ),
            (false, 0) => format!(
                "  任务增加（{from_zh}起的活动场数）：{}\n",
                shown.join("，")
            ),
            (false, m) => format!(
                "  任务增加（{from_zh}起的活动场数）：{}，另有 {m} 人\n",
                shown.join("，")
            ),
        };
    }
    let (short_before, short_after) = f.shortfalls;
    if short_after > short_before {
        out += &if en {
            format!(
                "  sessions without a township member, whole year: {short_before} → {short_after}\n"
            )
        } else {
            format!("  缺少镇级人员的接待（全年）：{short_before} → {short_after} 次\n")
        };
    }
    out
}

/// A replan of the whole year after one from a date: the days already
/// past may change too (a trial left out `--from` and saw nothing say
/// that January's sessions had moved). One line, no newline.
pub fn past_may_change(previous: &str, from: NaiveDate, lang: Lang) -> String {
    if lang == Lang::En {
        format!(
            "The previous plan {previous} was replanned from {from}; without --from this replan covers the whole year, and sessions already past may change. To change only the days from then on, add --from {from}"
        )
    } else {
        format!(
            "上一版方案 {previous} 是从{}起重排的；本次没有写 --from，重排的是全年，已经过去的日程也可能改动。若只想改这天以后，请加 --from {from}",
            date(from, lang)
        )
    }
}

/// What a whole-year replan did to the calendar: sessions of the previous
/// plan dropped, moved or with other people, new ones, and the sessions
/// without a township member before and after (a line indented by two
/// spaces and ending in a newline; empty when nothing changed).
pub fn whole_year(f: &FromDate, lang: Lang) -> String {
    let (short_before, short_after) = f.shortfalls;
    if f.dropped == 0 && f.added == 0 && short_before == short_after {
        return String::new();
    }
    if lang == Lang::En {
        let changed = sessions_changed("the year's sessions", "the previous plan", f, lang);
        format!("  {changed}; sessions without a township member {short_before} → {short_after}\n")
    } else {
        let changed = sessions_changed("全年日程", "", f, lang);
        format!("  {changed}；缺少镇级人员的接待 {short_before} → {short_after} 次\n")
    }
}

/// The sessions a replan changed, after `lead` (from a date, or the
/// year's): those of the old plan (`old` in English; 原方案 in Chinese)
/// dropped, moved or with other people, household visits among them, and
/// the new ones.
fn sessions_changed(lead: &str, old: &str, f: &FromDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{lead}: {} of {old} dropped, moved or with other people ({} of them household visits), {} new",
            f.dropped, f.visits_moved, f.added
        ),
        Lang::Zh => format!(
            "{lead}：原方案中 {} 场取消、改期或换人（其中入户走访 {} 场），新增 {} 场",
            f.dropped, f.visits_moved, f.added
        ),
    }
}

fn units_word(n: usize) -> &'static str {
    if n == 1 { "unit" } else { "units" }
}

/// What a replan from a date keeps: how many units keep their sessions,
/// each unit whose team did not change that is rebuilt all the same, with
/// why, and each handover built again for the successor rather than kept
/// with him in the predecessor's place (lines indented by two spaces, each
/// ending in a newline).
pub fn kept(r: &Roster, keep: &Keep, units: usize, from: NaiveDate, lang: Lang) -> String {
    let en = lang == Lang::En;
    let person = |id: &str| names::person(r, id, lang);
    let unit = |id: &str| names::unit(r, id, lang);
    let from_zh = date(from, lang);
    let mut out = if en {
        format!(
            "  kept as planned from {from}: the sessions of {} of {units} units (teams unchanged{})\n",
            keep.kept.len(),
            match keep.handed.len() {
                0 => String::new(),
                n => format!(", or the successor in the predecessor's place at {n} of them"),
            }
        )
    } else {
        format!(
            "  {from_zh}起照原方案保留：{units} 个村（社区）中 {} 个村（社区）的活动（团队未变{}）\n",
            keep.kept.len(),
            match keep.handed.len() {
                0 => String::new(),
                n => format!("；其中 {n} 个由接任者接替原有位置，时间不变"),
            }
        )
    };
    for (u, why) in &keep.rebuilt {
        let reason = match why {
            Why::Leader {
                leader,
                unit: other,
            } => {
                if en {
                    format!(
                        "its leader {}'s units change ({} is rebuilt), and a leader's units rotate as one",
                        person(leader),
                        unit(other)
                    )
                } else {
                    format!(
                        "其联系领导{}的村（社区）有变（{}重新安排），同一领导的村（社区）须一并轮换",
                        person(leader),
                        unit(other)
                    )
                }
            }
            Why::Forbidden {
                date,
                start,
                person: who,
                clash,
            } => {
                let who = who.as_deref().map(person).unwrap_or_default();
                let date_zh = crate::wording::date(*date, lang);
                match (clash, en) {
                    (Clash::Holiday(name), true) => {
                        format!("{date} is now a holiday ({name}), and it had a session then")
                    }
                    (Clash::Holiday(name), false) => {
                        format!("{date_zh}现为节假日（{name}），原定当天有活动")
                    }
                    (Clash::NotServing, true) => {
                        format!(
                            "{who} no longer serves on {date}, when they had its session at {start}"
                        )
                    }
                    (Clash::NotServing, false) => {
                        format!("{who}于{date_zh}已不在岗，原定当天 {start} 有该村（社区）的活动")
                    }
                    (Clash::Away(why), true) => {
                        format!(
                            "{who} is away on {date} ({why}), when they had its session at {start}"
                        )
                    }
                    (Clash::Away(why), false) => {
                        format!(
                            "{who}于{date_zh}不在（{why}），原定当天 {start} 有该村（社区）的活动"
                        )
                    }
                    (Clash::Meeting(title), true) => format!(
                        "{who} is in the meeting \"{title}\" on {date} during its session at {start}"
                    ),
                    (Clash::StationTime, true) => format!(
                        "its session of {date} at {start} is no longer at the roster's station time"
                    ),
                    (Clash::StationTime, false) => {
                        format!("其{date_zh} {start} 的活动已不在花名册规定的驻点时间")
                    }
                    (Clash::Meeting(title), false) => {
                        format!(
                            "{who}于{date_zh}须参加“{title}”，与该村（社区） {start} 的活动冲突"
                        )
                    }
                }
            }
        };
        out += &if en {
            format!(
                "  {} rebuilt from {from} although its team did not change: {reason}\n",
                unit(u)
            )
        } else {
            format!("  {}团队未变，但自{from_zh}起重新安排：{reason}\n", unit(u))
        };
    }
    let cap = r.policy.visit_half_days_per_month;
    for h in &keep.unheld {
        let (old, new, m) = (person(&h.predecessor), person(&h.successor), h.month);
        let units: Vec<String> = h.units.iter().map(|u| unit(u)).collect();
        out += &if en {
            format!(
                "  {} rebuilt from {from} for {new}, not kept with {new} in {old}'s place: {old}'s household visits fall short, and in month {m} {new} would be under the cap of {cap} visit half-days a month\n",
                units.join(", ")
            )
        } else {
            format!(
                "  {}自{from_zh}起为{new}重新安排，未按原时间由{new}接替{old}：{old}的入户走访未能走完，而{new}{m}月的走访未达每月 {cap} 个半天的上限\n",
                units.join("、")
            )
        };
    }
    out
}

/// The changes in post a roster holds, as `validate` lists them, in date
/// order: who succeeds whom from when, who leaves with no successor and
/// who joins without succeeding anyone (one line, indented by two spaces
/// and ending in a newline; empty when there are none). A move between the
/// city's townships (`moves`) is said as one: moved to or from the
/// township, by name.
pub fn changes_in_post(r: &Roster, moves: &crate::scenario::transfer::Moves, lang: Lang) -> String {
    let en = lang == Lang::En;
    let person = |id: &str| names::person(r, id, lang);
    let mut events: Vec<(NaiveDate, String)> = Vec::new();
    for h in r.handovers() {
        let (new, old, d) = (person(&h.to), person(&h.from), h.date);
        let d_zh = date(d, lang);
        events.push((
            d,
            if en {
                format!("{new} succeeds {old} from {d}")
            } else {
                format!("{new}自{d_zh}起接替{old}")
            },
        ));
    }
    for (id, _, d) in r.leavers_without_successor() {
        let d_zh = date(d, lang);
        let who = person(&id);
        let to = moves.to(&id).filter(|(_, day)| *day == d).map(|(t, _)| t);
        events.push((
            d,
            match (to, en) {
                (Some(to), true) => format!("{who} transfers to {to} on {d}"),
                (Some(to), false) => format!("{who}于{d_zh}调往{to}"),
                (None, true) => format!("{who} leaves on {d} (no successor)"),
                (None, false) => format!("{who}于{d_zh}离任（无接任者）"),
            },
        ));
    }
    let joiners = r
        .cadres
        .iter()
        .map(|c| (&c.id, &c.succeeds, c.joins))
        .chain(r.helpers.iter().map(|h| (&h.id, &h.succeeds, h.joins)));
    for (id, succeeds, joins) in joiners {
        let (None, Some(d)) = (succeeds, joins) else {
            continue;
        };
        let who = person(id);
        let d_zh = date(d, lang);
        let from = moves.from(id).filter(|(_, day)| *day == d).map(|(t, _)| t);
        events.push((
            d,
            match (from, en) {
                (Some(from), true) => format!("{who} transfers in from {from} on {d}"),
                (Some(from), false) => format!("{who}于{d_zh}从{from}调入"),
                (None, true) => format!("{who} joins on {d}"),
                (None, false) => format!("{who}于{d_zh}到任"),
            },
        ));
    }
    if events.is_empty() {
        return String::new();
    }
    events.sort_by_key(|a| a.0);
    let said: Vec<String> = events.into_iter().map(|(_, s)| s).collect();
    if en {
        format!("  changes    {}\n", said.join("; "))
    } else {
        format!("  人员变动  {}\n", said.join("；"))
    }
}

/// `replan --from` before the day someone leaves: with a successor (`then`:
/// the successor's name and the handover's day), the leaver stays in post
/// until the day before it; with none, the new teams leave them out from
/// `--from` already.
pub fn leaves_after_from(
    name: &str,
    leaves: NaiveDate,
    from: NaiveDate,
    then: Option<(&str, NaiveDate)>,
    lang: Lang,
) -> String {
    let last = |d: NaiveDate| d.pred_opt().unwrap_or(d);
    let (leaves_zh, from_zh) = (date(leaves, lang), date(from, lang));
    match (then, lang) {
        (Some((succ, day)), Lang::En) => format!(
            "warning: {name} leaves on {leaves}, after --from {from}: {name} stays in post until {}, and {succ} takes over on {day}",
            last(day)
        ),
        (Some((succ, day)), Lang::Zh) => format!(
            "提醒：{name}于{leaves_zh}离任，晚于 --from {from}：{name}在岗至{}，{succ}自{}起接任",
            date(last(day), lang),
            date(day, lang)
        ),
        (None, Lang::En) => format!(
            "warning: {name} leaves on {leaves}, after --from {from}, with no successor: the teams from {from} are planned without {name}, so {name} is on no team from {from}, not in post until {}; to keep {name} in post until then, replan --from {leaves}",
            last(leaves)
        ),
        (None, Lang::Zh) => format!(
            "提醒：{name}于{leaves_zh}离任，晚于 --from {from}，且未指定接任者：{from_zh}起的团队按不含{name}编排，{name}自{from_zh}起即不在任何团队中，而不是在岗至{}；如需{name}在岗至该日，请改用 --from {leaves}",
            date(last(leaves), lang)
        ),
    }
}

/// A person who leaves during the year with no successor in the roster, as
/// `validate` and a whole-year `plan` say it: the year's teams are planned
/// for the roster at the year's end, so they are on no team, and what to do
/// to keep them until they leave. `moved`: the units they led in the plan
/// in force (`plan --previous`) and who leads each now, by name.
pub fn leaver(name: &str, leaves: NaiveDate, moved: &[(String, String)], lang: Lang) -> String {
    let last = leaves.pred_opt().unwrap_or(leaves);
    let (leaves_zh, last_zh) = (date(leaves, lang), date(last, lang));
    let mut s = match lang {
        Lang::En => format!(
            "{name} leaves on {leaves} with no successor: the year's teams are planned for the roster at the year's end, so {name} is on no team this year, not even before {leaves}. To have {name} serve until {last}, plan without 'leaves' now and replan --from {leaves} with it, or name a successor ('succeeds')."
        ),
        Lang::Zh => format!(
            "{name}于{leaves_zh}离任，未指定接任者：全年的团队按年底的名册编排，{name}今年不在任何团队中（{leaves_zh}之前也不在）。如需{name}任职至{last_zh}，请先按不填离任日期的名册编排，到时用 zhudian replan 名册 --previous 现行方案 --from {leaves} 重新编排；或为接任者填写“接替”。"
        ),
    };
    if !moved.is_empty() {
        s += &match lang {
            Lang::En => {
                let list: Vec<String> = moved.iter().map(|(u, l)| format!("{u} to {l}")).collect();
                format!(" The units {name} led go: {}.", list.join(", "))
            }
            Lang::Zh => {
                let list: Vec<String> = moved
                    .iter()
                    .map(|(u, l)| format!("{u}改由{l}联系"))
                    .collect();
                format!("{name}原联系的村（社区）：{}。", list.join("，"))
            }
        };
    }
    s
}

/// A person who leaves this township for another of the city on `leaves`
/// (a transfer), as `validate` says it: like [`leaver`], with where to.
pub fn transferred_out(name: &str, leaves: NaiveDate, to: &str, lang: Lang) -> String {
    let last = leaves.pred_opt().unwrap_or(leaves);
    let (leaves_zh, last_zh) = (date(leaves, lang), date(last, lang));
    match lang {
        Lang::En => format!(
            "{name} transfers to {to} on {leaves}: this township's teams are planned for the roster at the year's end, so {name} is on no team here this year, not even before {leaves}. To have {name} serve here until {last}, plan without the leaving date now and replan --from {leaves} with it."
        ),
        Lang::Zh => format!(
            "{name}于{leaves_zh}调往{to}：本镇街全年的团队按年底的名册编排，{name}今年不在本镇街任何团队中（{leaves_zh}之前也不在）。如需{name}在本镇街驻点至{last_zh}，请先按不填离任日期的名册编排，到时用 zhudian replan 名册 --previous 现行方案 --from {leaves} 重新编排。"
        ),
    }
}

/// A person who leaves with no successor, as `validate --previous` says it:
/// the units they lead (`led`) and the teams they are on (`on_team`) in the
/// plan in force, by name, and what a replan from their date does with them.
pub fn leaver_replanned(
    name: &str,
    leaves: NaiveDate,
    led: &[String],
    on_team: &[String],
    lang: Lang,
) -> String {
    left_replanned(name, leaves, None, led, on_team, lang)
}

/// As [`leaver_replanned`] for a person who transfers to township `to` of
/// the city on `leaves`: the same places, handed to others here.
pub fn transferred_replanned(
    name: &str,
    leaves: NaiveDate,
    to: &str,
    led: &[String],
    on_team: &[String],
    lang: Lang,
) -> String {
    left_replanned(name, leaves, Some(to), led, on_team, lang)
}

fn left_replanned(
    name: &str,
    leaves: NaiveDate,
    to: Option<&str>,
    led: &[String],
    on_team: &[String],
    lang: Lang,
) -> String {
    let leaves_zh = date(leaves, lang);
    match lang {
        Lang::En => {
            let mut parts = Vec::new();
            if !led.is_empty() {
                parts.push(format!("leads {}", led.join(", ")));
            }
            if !on_team.is_empty() {
                parts.push(format!("is on the team of {}", on_team.join(", ")));
            }
            let first = match to {
                Some(to) => format!("{name} transfers to {to} on {leaves}."),
                None => format!("{name} leaves on {leaves} with no successor."),
            };
            format!(
                "{first} In the plan in force {name} {}. replan --from {leaves} gives these places to others from {leaves} on; everything before {leaves} stays as planned.",
                parts.join(" and ")
            )
        }
        Lang::Zh => {
            let mut parts = Vec::new();
            if !led.is_empty() {
                parts.push(format!("联系{}", led.join("、")));
            }
            if !on_team.is_empty() {
                parts.push(format!("是{}团队的成员", on_team.join("、")));
            }
            let first = match to {
                Some(to) => format!("{name}于{leaves_zh}调往{to}。"),
                None => format!("{name}于{leaves_zh}离任，未指定接替者。"),
            };
            format!(
                "{first}上一版方案中{name}{}；用 zhudian replan 名册 --previous 现行方案 --from {leaves} 重新编排后，这些位置自{leaves_zh}起交由其他人员，{leaves_zh}之前的安排不变。",
                parts.join("，并")
            )
        }
    }
}
