//! Words for a station session left short (a `shortfall` warning): the
//! session, what it lacked, the calendar's figures (sessions to staff, what
//! the members can attend; said once above a list of such warnings, since
//! every shortfall of one calendar carries the same), and what would staff
//! it: more people or fewer sessions, another team member, an assist
//! member, a meeting moved, a shared person's other township, the shared
//! cadres another township keeps from leading here — or the emergency
//! meeting that no staffing answers; its make-up days, and a make-up that
//! fell short itself.

use super::Lang;
use super::calendar::{CalendarSaid, Rebuilt, day, days};
pub use super::skill_share::SkillShare;

/// A shortfall warning; `figures`: with the calendar's figures (a warning
/// that stands alone: the plan file, a CSV or workbook row), or without
/// (a list that says them once above).
pub(super) fn line(said: &CalendarSaid, figures: bool, lang: Lang) -> String {
    let CalendarSaid::Shortfall {
        unit,
        unit_id,
        date,
        present,
        min_present,
        township_present,
        remedy: r,
        made_up,
        ..
    } = said
    else {
        return super::Say::say(said, lang);
    };
    let what = short_of(*present, *min_present, *township_present, lang);
    let counts = match (figures, said.figures(lang)) {
        (true, Some(c)) => match lang {
            Lang::En => format!("; {c}"),
            Lang::Zh => format!("；{c}"),
        },
        _ => String::new(),
    };
    // A list says the township-wide remedy once, beside the figures.
    let fix = match (figures, r) {
        (false, Remedy::Capacity { .. }) => match lang {
            Lang::En => {
                "the township has too few people for its sessions (see staffing above)".into()
            }
            Lang::Zh => "镇街人手总数不足（办法见上方“人手”）".into(),
        },
        _ => remedy(r, lang),
    };
    let made = made_up_on(&days(made_up, lang), lang);
    match lang {
        Lang::En => format!(
            "station session at {unit} ({unit_id}) on {}: {what}{counts}; {fix}{made}",
            day(date, Lang::En)
        ),
        Lang::Zh => format!(
            "{unit} {} 驻点接待：{what}{counts}；{fix}{made}",
            day(date, Lang::Zh)
        ),
    }
}

impl CalendarSaid {
    /// A shortfall's figures, the same for every shortfall of one calendar
    /// (or of its part rebuilt from one date); `None` for other warnings.
    pub fn figures(&self, lang: Lang) -> Option<String> {
        match self {
            CalendarSaid::Shortfall {
                unit_weeks,
                member_weeks,
                township_members,
                rebuilt,
                skills,
                ..
            } => Some(
                counts(
                    *unit_weeks,
                    *member_weeks,
                    *township_members,
                    rebuilt.as_ref(),
                    lang,
                ) + &super::skill_share::said(skills, lang),
            ),
            _ => None,
        }
    }

    /// What would close the township's whole gap, when that is this
    /// shortfall's remedy: the same for every such shortfall of a calendar,
    /// so a list says it once, beside the figures.
    pub fn township_remedy(&self, lang: Lang) -> Option<String> {
        match self {
            CalendarSaid::Shortfall {
                remedy: r @ Remedy::Capacity { .. },
                ..
            } => Some(remedy(r, lang)),
            _ => None,
        }
    }

    /// The warning in a list that says its [`figures`](Self::figures) and
    /// [`township_remedy`](Self::township_remedy) once above: a shortfall
    /// without them, any other warning in full.
    pub fn brief(&self, lang: Lang) -> String {
        line(self, false, lang)
    }
}

/// The staffing figures a list of warnings says once above it (the digest,
/// the `warnings` table), each with the township-wide remedy when a
/// shortfall of those figures gave one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Staffing(Vec<(String, Option<String>)>);

impl Staffing {
    /// A warning's figures and township remedy (either may be absent), each
    /// kept once.
    pub fn add(&mut self, figures: Option<String>, remedy: Option<String>) {
        let Some(f) = figures else { return };
        match self.0.iter_mut().find(|(g, _)| *g == f) {
            Some((_, r)) => {
                if r.is_none() {
                    *r = remedy;
                }
            }
            None => self.0.push((f, remedy)),
        }
    }

    /// "人手：全年共需驻点接待480次，…；将3个偏远村（社区）改为两周驻点一次…", one line each.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.0
            .iter()
            .map(|(f, r)| {
                let f = match r {
                    Some(r) => match lang {
                        Lang::En => format!("{f}; {r}"),
                        Lang::Zh => format!("{f}；{r}"),
                    },
                    None => f.clone(),
                };
                match lang {
                    Lang::En => format!("staffing: {f}"),
                    Lang::Zh => format!("人手：{f}"),
                }
            })
            .collect()
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What would close a gap between station sessions and the township's people.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Remedy {
    /// The township as a whole has too few member-weeks: so many units made
    /// fortnightly (`None` when even all of them would not do), or so many
    /// more department heads, would cover the gap.
    Capacity {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fortnightly_units: Option<usize>,
        /// The least number of heads: the member-weeks missing.
        more_heads: usize,
        /// Heads that make every session sure, one of its own on each team,
        /// when more than `more_heads` (see `calendar::own_heads`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        own_heads: Option<usize>,
        /// The weekly units farthest from the office, as many as
        /// `fortnightly_units` (names): which ones a planner would make
        /// fortnightly. Empty in plans written before.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        remote: Vec<String>,
        /// `fortnightly_units` is every weekly unit (then none is named).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        every_unit: bool,
    },
    /// The township has enough member-weeks, but this team's township members
    /// were needed elsewhere (or blocked) that week.
    Team,
    /// As `Team`, with where each of the team's township members was that
    /// week (a Chinese trial: a head shared by two teams whose leaders
    /// came the same weeks; the message did not say so).
    TeamBusy { busy: Vec<Busy> },
    /// A township member was there, but too few people in all.
    Assist,
    /// An ordinary meeting in the window took the team's township members:
    /// moving it, not hiring, would staff the session.
    Meeting { title: String },
    /// An emergency meeting (by its title) took the team's township
    /// members: it is not moved. When it called `everyone` of the township
    /// no one added would have come either, so only the make-up answers it.
    Emergency {
        title: String,
        #[serde(default)]
        everyone: bool,
    },
    /// A person shared with another township of the city, on the team as
    /// its township member, was on duty there that day (by name).
    Elsewhere { person: String, township: String },
    /// Too few township members (`then`: `Capacity` or `Team`) in a
    /// township where shared cadres lead nothing, kept busy by the city's
    /// earlier townships on (nearly) every station date: they are named.
    KeptAway {
        away: Vec<super::across::NeverHereSaid>,
        then: Box<Remedy>,
    },
}

/// One of a short team's township members that week: at another unit's
/// session (`unit`), or away, in a meeting or otherwise kept (`None`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Busy {
    pub person: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// "何丽在旧圩村驻点，梁志刚外出或开会".
fn busy_list(busy: &[Busy], lang: Lang) -> String {
    let each: Vec<String> = busy
        .iter()
        .map(|b| match (&b.unit, lang) {
            (Some(u), Lang::En) => format!("{} at {u}", b.person),
            (None, Lang::En) => format!("{} away or in a meeting", b.person),
            (Some(u), Lang::Zh) => format!("{}在{u}驻点", b.person),
            (None, Lang::Zh) => format!("{}外出或开会", b.person),
        })
        .collect();
    match lang {
        Lang::En => each.join(", "),
        Lang::Zh => each.join("，"),
    }
}

/// A shortfall's demand and supply, saying what they count: the year, or
/// the units rebuilt from a date.
fn counts(
    unit_weeks: usize,
    member_weeks: usize,
    members: usize,
    rebuilt: Option<&Rebuilt>,
    lang: Lang,
) -> String {
    match (rebuilt, lang) {
        (None, Lang::En) => format!(
            "the year has {unit_weeks} station sessions to staff, and the township's {}, one place a week each, can attend at most {member_weeks}",
            super::counted(members, "member", "members")
        ),
        (None, Lang::Zh) => format!(
            "全年共需驻点接待{unit_weeks}次，镇街{members}名成员每人每周只能去一个点，全年最多能去{member_weeks}次"
        ),
        (Some(Rebuilt { from, units }), Lang::En) => format!(
            "from {}, the {} rebuilt have {unit_weeks} station sessions to staff, and the {} of their teams, one place a week each, can attend at most {member_weeks}",
            day(from, Lang::En),
            super::counted(*units, "unit", "units"),
            super::counted(members, "township member", "township members")
        ),
        (Some(Rebuilt { from, units }), Lang::Zh) => {
            let day = day(from, Lang::Zh);
            format!(
                "{day}起，重新安排的{units}个村（社区）共需驻点接待{unit_weeks}次，其团队中的镇街{members}名成员每人每周只能去一个点，最多能去{member_weeks}次"
            )
        }
    }
}

/// The township-wide remedy: units made fortnightly (`None`: not enough
/// alone), the least number of heads the member-weeks call for, and, when
/// more, the heads that give each team one of its own (`own`), which a
/// planner can count on.
fn capacity(
    fortnightly: Option<usize>,
    heads: usize,
    own: Option<usize>,
    remote: &[String],
    every_unit: bool,
    lang: Lang,
) -> String {
    let text = capacity_text(fortnightly, heads, own, lang);
    match fortnightly {
        Some(f) if every_unit => match lang {
            Lang::Zh => text.replacen(
                &format!("将{f}个偏远村（社区）"),
                &format!("将全部{f}个村（社区）"),
                1,
            ),
            Lang::En => text.replacen(
                &format!("for {f} remote unit{}", plural(f)),
                &format!("for all {f} units"),
                1,
            ),
        },
        Some(f) if !remote.is_empty() => name_remote(&text, f, remote, lang),
        _ => text,
    }
}

/// Most remote units named before "and N more" / "等".
const REMOTE_NAMED: usize = 5;

/// The remedy with its remote units named: "将12个偏远村（社区）改为…" becomes
/// "将横江村、古井村、…等12个离镇街最远的村（社区）改为…" (a county's trial
/// asked which villages).
fn name_remote(text: &str, f: usize, remote: &[String], lang: Lang) -> String {
    let shown = &remote[..remote.len().min(REMOTE_NAMED)];
    match lang {
        Lang::Zh => {
            let more = if remote.len() > shown.len() {
                "等"
            } else {
                ""
            };
            text.replacen(
                &format!("将{f}个偏远村（社区）"),
                &format!("将{}{more}{f}个离镇街最远的村（社区）", shown.join("、")),
                1,
            )
        }
        Lang::En => {
            let more = remote.len() - shown.len();
            let list = if more > 0 {
                format!("{}, and {more} more", shown.join(", "))
            } else {
                shown.join(", ")
            };
            text.replacen(
                &format!("for {f} remote unit{}", plural(f)),
                &format!(
                    "for the {f} unit{} farthest from the office ({list})",
                    plural(f)
                ),
                1,
            )
        }
    }
}

fn capacity_text(
    fortnightly: Option<usize>,
    heads: usize,
    own: Option<usize>,
    lang: Lang,
) -> String {
    match (fortnightly, own, lang) {
        (Some(f), None, Lang::En) => format!(
            "fortnightly sessions for {f} remote unit{}, or {heads} more department head{}, would close the year's gap in numbers",
            plural(f),
            plural(heads)
        ),
        (Some(f), Some(n), Lang::En) => format!(
            "fortnightly sessions for {f} remote unit{} would close the year's gap in numbers; more department heads would take at least {heads}, and for every session to be sure of a township member each team needs a department head of its own ({n} more)",
            plural(f)
        ),
        (None, None, Lang::En) => format!(
            "{heads} more department head{} would close the year's gap in numbers (fortnightly sessions alone cannot)",
            plural(heads)
        ),
        (None, Some(n), Lang::En) => format!(
            "at least {heads} more department head{} are needed (fortnightly sessions alone cannot close the gap); for every session to be sure of a township member, each team needs a department head of its own ({n} more)",
            plural(heads)
        ),
        (Some(f), None, Lang::Zh) => {
            format!(
                "将{f}个偏远村（社区）改为两周驻点一次，或增加{heads}名部门负责人，可补足全年人手差额"
            )
        }
        (Some(f), Some(n), Lang::Zh) => format!(
            "将{f}个偏远村（社区）改为两周驻点一次可补足全年人手差额；若增加部门负责人，至少还要增加{heads}名，要保证每次接待都有镇街人员，需每个团队各有一名不与其他团队共用的部门负责人（还需增加{n}名）"
        ),
        (None, None, Lang::Zh) => {
            format!("增加{heads}名部门负责人可补足全年人手差额（仅改为两周一次不够）")
        }
        (None, Some(n), Lang::Zh) => format!(
            "至少需要增加{heads}名部门负责人（仅改为两周一次不够）；要保证每次接待都有镇街人员，需每个团队各有一名不与其他团队共用的部门负责人（还需增加{n}名）"
        ),
    }
}

pub(super) fn remedy(r: &Remedy, lang: Lang) -> String {
    match (r, lang) {
        (Remedy::KeptAway { away, then }, _) => kept_away(away, &remedy(then, lang), lang),
        (
            Remedy::Capacity {
                fortnightly_units,
                more_heads,
                own_heads,
                remote,
                every_unit,
            },
            _,
        ) => capacity(
            *fortnightly_units,
            *more_heads,
            *own_heads,
            remote,
            *every_unit,
            lang,
        ),
        (Remedy::Team, Lang::En) => {
            "the team's township members were needed elsewhere or away that week; one more department head on this team would cover it".into()
        }
        (Remedy::Team, Lang::Zh) => {
            "该点的镇街成员当周在别处驻点或外出；为该团队再配一名部门负责人即可补上".into()
        }
        (Remedy::TeamBusy { busy }, Lang::En) => format!(
            "the team's township members were elsewhere that week: {}; one more department head on this team would cover it",
            busy_list(busy, lang)
        ),
        (Remedy::TeamBusy { busy }, Lang::Zh) => format!(
            "该点的镇街成员当周在别处：{}；为该团队再配一名部门负责人即可补上",
            busy_list(busy, lang)
        ),
        (Remedy::Assist, Lang::En) => {
            "an assist member on the team (committee cadre, graduate official or volunteer) would make up the number".into()
        }
        (Remedy::Assist, Lang::Zh) => {
            "为团队增加一名协助人员（村“两委”干部、大学生村官或志愿服务者）即可达到人数".into()
        }
        (Remedy::Meeting { title }, Lang::En) => format!(
            "the meeting '{title}' took the team's township members; moving it out of the station window would staff this session"
        ),
        (Remedy::Elsewhere { person, township }, Lang::En) => format!(
            "{person}, shared with {township}, was on duty in {township} that day (planned there first); another township member on this team, or {township}'s session moved off that day, would staff it"
        ),
        (Remedy::Elsewhere { person, township }, Lang::Zh) => format!(
            "{person}与{township}共用，当天在{township}驻点（{township}先行编排）；为该团队再配一名镇街成员，或把{township}当天的安排错开，即可补上"
        ),
        (Remedy::Emergency { title, everyone }, Lang::En) => format!(
            "the emergency meeting '{title}' took the team's township members; {}",
            if *everyone {
                "it called every township member, so no one added to the team would have come"
            } else {
                "one more department head on this team, not called to it, would cover it"
            }
        ),
        (Remedy::Emergency { title, everyone }, Lang::Zh) => format!(
            "紧急会议“{title}”调走了该团队的镇街成员；{}",
            if *everyone {
                "全体镇街成员均须参会，加派人员也无法到场"
            } else {
                "为该团队再配一名不参会的部门负责人即可补上"
            }
        ),
        (Remedy::Meeting { title }, Lang::Zh) => {
            format!("会议“{title}”占用了该团队镇街成员的驻点时间；把会议移出驻点时间即可补上")
        }
    }
}

/// The shared cadres who lead nothing here, said before what would staff
/// the session (`fix`), with a window of its own as one more way.
fn kept_away(away: &[super::across::NeverHereSaid], fix: &str, lang: Lang) -> String {
    let names: Vec<String> = away.iter().map(|n| n.name.clone()).collect();
    let mut others: Vec<String> = away.iter().flat_map(|n| n.others.clone()).collect();
    others.sort();
    others.dedup();
    let others = super::list(&others, lang);
    let township = away
        .first()
        .map(|n| n.township.as_str())
        .unwrap_or_default();
    let who: Vec<String> = away
        .iter()
        .map(|n| {
            let there = super::list(&n.others, lang);
            match lang {
                Lang::En => format!(
                    "{}, shared with {there}, leads no unit here ({there}'s sessions take {} of the {} station dates)",
                    n.name, n.blocked, n.dates
                ),
                Lang::Zh => format!(
                    "{}与{there}共用，{there}的驻点占了{township}{}个驻点日中的{}个，不在{township}当驻点领导",
                    n.name, n.dates, n.blocked
                ),
            }
        })
        .collect();
    let names = super::list(&names, lang);
    match lang {
        Lang::En => format!(
            "{}; {fix}, or a station window for {township} apart from {others}'s would let {names} lead here",
            who.join("; ")
        ),
        Lang::Zh => format!(
            "{}；{fix}；或把{township}的驻点时间与{others}错开，让{names}在{township}驻点",
            who.join("；")
        ),
    }
}

/// What a short session lacked, one case at a time: too few people with a
/// township member there; no township member though the helpers made up
/// the number; neither; nobody at all.
pub(super) fn short_of(present: usize, min: usize, township: bool, lang: Lang) -> String {
    let en = lang == Lang::En;
    match (township, present, en) {
        (true, _, true) => format!("{present} present, {min} required"),
        (true, _, false) => format!("到场{present}人，少于要求的{min}人"),
        (false, 0, true) => format!("nobody present ({min} required)"),
        (false, 0, false) => format!("无人到场（要求{min}人）"),
        (false, n, true) if n >= min => format!(
            "no township member present, only {}",
            super::counted(present, "helper", "helpers")
        ),
        (false, n, false) if n >= min => {
            format!("没有镇街人员到场，来的{present}人都是协助人员")
        }
        (false, _, true) => format!(
            "no township member present, and too few people: {} present, {min} required",
            super::counted(present, "helper", "helpers")
        ),
        (false, _, false) => {
            format!("没有镇街人员到场，只有{present}名协助人员，少于要求的{min}人")
        }
    }
}

/// A short session's make-up days ("6月27日" or several), said after what
/// would staff it: empty when it had none.
pub(super) fn made_up_on(days: &str, lang: Lang) -> String {
    match (days.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::En) => format!("; made up on {days}"),
        (false, Lang::Zh) => format!("；补接待：{days}"),
    }
}

/// A make-up below `min_present`: the unit, the make-up's day and the
/// missed one's, what it lacked (`what`, from `short_of`) and who came.
/// Why: a make-up holds only those who missed and the unit's own people
/// free that day, so no one else was called.
pub(super) fn makeup_short(
    (unit, unit_id): (&str, &str),
    (day, missed): (&str, &str),
    what: String,
    who: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => format!(
            "make-up session at {unit} ({unit_id}) on {day} for {missed}: {what}; only {who} came; a make-up holds only those who missed the session and the unit's own people free that day"
        ),
        Lang::Zh => format!(
            "{unit} {day} 补接待（补{missed}的驻点接待）：{what}；到场的只有{who}；补接待只安排缺席者和当天有空的本村（社区）人员"
        ),
    }
}

#[cfg(test)]
mod short_tests {
    use super::*;

    #[test]
    fn a_short_session_says_which_of_its_lacks_it_had() {
        let cases = [
            (
                1,
                2,
                true,
                "到场1人，少于要求的2人",
                "1 present, 2 required",
            ),
            (
                2,
                2,
                false,
                "没有镇街人员到场，来的2人都是协助人员",
                "no township member present, only 2 helpers",
            ),
            (
                1,
                2,
                false,
                "没有镇街人员到场，只有1名协助人员，少于要求的2人",
                "no township member present, and too few people: 1 helper present, 2 required",
            ),
            (
                0,
                2,
                false,
                "无人到场（要求2人）",
                "nobody present (2 required)",
            ),
        ];
        for (present, min, township, zh, en) in cases {
            assert_eq!(short_of(present, min, township, Lang::Zh), zh);
            assert_eq!(short_of(present, min, township, Lang::En), en);
        }
    }
}

#[cfg(test)]
mod emergency_tests {
    use super::*;

    /// A session an emergency meeting emptied names the meeting as the
    /// cause, offers hiring only when the meeting left someone free, and
    /// says the day it was made up.
    #[test]
    fn an_emergency_names_its_meeting_and_the_make_up_day() {
        let r = |everyone| Remedy::Emergency {
            title: "防汛紧急会议".into(),
            everyone,
        };
        assert_eq!(
            remedy(&r(true), Lang::Zh),
            "紧急会议“防汛紧急会议”调走了该团队的镇街成员；全体镇街成员均须参会，加派人员也无法到场"
        );
        assert_eq!(
            remedy(&r(true), Lang::En),
            "the emergency meeting '防汛紧急会议' took the team's township members; it called every township member, so no one added to the team would have come"
        );
        assert_eq!(
            remedy(&r(false), Lang::Zh),
            "紧急会议“防汛紧急会议”调走了该团队的镇街成员；为该团队再配一名不参会的部门负责人即可补上"
        );
        assert_eq!(
            remedy(&r(false), Lang::En),
            "the emergency meeting '防汛紧急会议' took the team's township members; one more department head on this team, not called to it, would cover it"
        );
        // Where the team's township members were (a Chinese trial: a head
        // shared by two teams whose leaders came the same weeks).
        let busy = Remedy::TeamBusy {
            busy: vec![
                Busy {
                    person: "吴强".into(),
                    unit: Some("上岭村".into()),
                },
                Busy {
                    person: "梁志刚".into(),
                    unit: None,
                },
            ],
        };
        assert_eq!(
            remedy(&busy, Lang::Zh),
            "该点的镇街成员当周在别处：吴强在上岭村驻点，梁志刚外出或开会；为该团队再配一名部门负责人即可补上"
        );
        assert_eq!(
            remedy(&busy, Lang::En),
            "the team's township members were elsewhere that week: 吴强 at 上岭村, 梁志刚 away or in a meeting; one more department head on this team would cover it"
        );
        assert_eq!(made_up_on("6月27日", Lang::Zh), "；补接待：6月27日");
        assert_eq!(made_up_on("Jun 27", Lang::En), "; made up on Jun 27");
        assert_eq!(made_up_on("", Lang::Zh), "");
    }
}

#[cfg(test)]
mod figures_tests {
    use super::*;
    use crate::wording::Say;

    fn remedy_of(short: &mut CalendarSaid) -> &mut Remedy {
        let CalendarSaid::Shortfall { remedy, .. } = short else {
            unreachable!()
        };
        remedy
    }

    /// The trial's 36 shortfalls each carried the year's figures; a list
    /// says them once above (`brief`), a warning alone says them whole.
    #[test]
    fn a_shortfall_says_its_figures_whole_alone_and_once_above_a_list() {
        fn staffing(short: &CalendarSaid, lang: Lang) -> String {
            let mut s = Staffing::default();
            s.add(short.figures(lang), short.township_remedy(lang));
            s.lines(lang).concat()
        }
        let mut short = CalendarSaid::Shortfall {
            unit: "石桥村".into(),
            unit_id: "sq".into(),
            date: "2026-01-06".into(),
            present: 1,
            min_present: 2,
            township_present: false,
            unit_weeks: 480,
            member_weeks: 506,
            township_members: 11,
            rebuilt: None,
            remedy: Remedy::Team,
            made_up: Vec::new(),
            skills: Vec::new(),
        };
        assert_eq!(
            short.say(Lang::Zh),
            "石桥村 1月6日 驻点接待：没有镇街人员到场，只有1名协助人员，少于要求的2人；全年共需驻点接待480次，镇街11名成员每人每周只能去一个点，全年最多能去506次；该点的镇街成员当周在别处驻点或外出；为该团队再配一名部门负责人即可补上"
        );
        assert_eq!(
            short.brief(Lang::Zh),
            "石桥村 1月6日 驻点接待：没有镇街人员到场，只有1名协助人员，少于要求的2人；该点的镇街成员当周在别处驻点或外出；为该团队再配一名部门负责人即可补上"
        );
        assert_eq!(
            staffing(&short, Lang::Zh),
            "人手：全年共需驻点接待480次，镇街11名成员每人每周只能去一个点，全年最多能去506次"
        );
        assert_eq!(
            short.say(Lang::En),
            "station session at 石桥村 (sq) on Jan 6: no township member present, and too few people: 1 helper present, 2 required; the year has 480 station sessions to staff, and the township's 11 members, one place a week each, can attend at most 506; the team's township members were needed elsewhere or away that week; one more department head on this team would cover it"
        );
        assert_eq!(
            short.brief(Lang::En),
            "station session at 石桥村 (sq) on Jan 6: no township member present, and too few people: 1 helper present, 2 required; the team's township members were needed elsewhere or away that week; one more department head on this team would cover it"
        );
        assert_eq!(
            staffing(&short, Lang::En),
            "staffing: the year has 480 station sessions to staff, and the township's 11 members, one place a week each, can attend at most 506"
        );
        // The township-wide remedy is said once too, beside the figures.
        let CalendarSaid::Shortfall { remedy, .. } = &mut short else {
            unreachable!()
        };
        *remedy = Remedy::Capacity {
            fortnightly_units: Some(3),
            more_heads: 1,
            own_heads: None,
            remote: Vec::new(),
            every_unit: false,
        };
        assert_eq!(
            short.brief(Lang::Zh),
            "石桥村 1月6日 驻点接待：没有镇街人员到场，只有1名协助人员，少于要求的2人；镇街人手总数不足（办法见上方“人手”）"
        );
        assert_eq!(
            staffing(&short, Lang::Zh),
            "人手：全年共需驻点接待480次，镇街11名成员每人每周只能去一个点，全年最多能去506次；将3个偏远村（社区）改为两周驻点一次，或增加1名部门负责人，可补足全年人手差额"
        );
        assert_eq!(
            short.brief(Lang::En),
            "station session at 石桥村 (sq) on Jan 6: no township member present, and too few people: 1 helper present, 2 required; the township has too few people for its sessions (see staffing above)"
        );
        assert_eq!(
            staffing(&short, Lang::En),
            "staffing: the year has 480 station sessions to staff, and the township's 11 members, one place a week each, can attend at most 506; fortnightly sessions for 3 remote units, or 1 more department head, would close the year's gap in numbers"
        );
        assert!(short.say(Lang::Zh).ends_with(
            "最多能去506次；将3个偏远村（社区）改为两周驻点一次，或增加1名部门负责人，可补足全年人手差额"
        ));
        // A plan made now names the units farthest from the office.
        *remedy_of(&mut short) = Remedy::Capacity {
            fortnightly_units: Some(3),
            more_heads: 1,
            own_heads: Some(4),
            remote: vec!["横江村".into(), "古井村".into(), "下岭村".into()],
            every_unit: false,
        };
        assert_eq!(
            staffing(&short, Lang::Zh),
            "人手：全年共需驻点接待480次，镇街11名成员每人每周只能去一个点，全年最多能去506次；将横江村、古井村、下岭村3个离镇街最远的村（社区）改为两周驻点一次可补足全年人手差额；若增加部门负责人，至少还要增加1名，要保证每次接待都有镇街人员，需每个团队各有一名不与其他团队共用的部门负责人（还需增加4名）"
        );
        assert_eq!(
            staffing(&short, Lang::En),
            "staffing: the year has 480 station sessions to staff, and the township's 11 members, one place a week each, can attend at most 506; fortnightly sessions for the 3 units farthest from the office (横江村, 古井村, 下岭村) would close the year's gap in numbers; more department heads would take at least 1, and for every session to be sure of a township member each team needs a department head of its own (4 more)"
        );
        // Past five, the rest are counted.
        let names: Vec<String> = (1..=7).map(|i| format!("村{i}")).collect();
        *remedy_of(&mut short) = Remedy::Capacity {
            fortnightly_units: Some(7),
            more_heads: 2,
            own_heads: None,
            remote: names,
            every_unit: false,
        };
        assert_eq!(
            short.township_remedy(Lang::Zh).unwrap(),
            "将村1、村2、村3、村4、村5等7个离镇街最远的村（社区）改为两周驻点一次，或增加2名部门负责人，可补足全年人手差额"
        );
        assert_eq!(
            short.township_remedy(Lang::En).unwrap(),
            "fortnightly sessions for the 7 units farthest from the office (村1, 村2, 村3, 村4, 村5, and 2 more), or 2 more department heads, would close the year's gap in numbers"
        );
        // Every weekly unit: none is named, all are meant.
        *remedy_of(&mut short) = Remedy::Capacity {
            fortnightly_units: Some(12),
            more_heads: 6,
            own_heads: None,
            remote: Vec::new(),
            every_unit: true,
        };
        assert_eq!(
            short.township_remedy(Lang::Zh).unwrap(),
            "将全部12个村（社区）改为两周驻点一次，或增加6名部门负责人，可补足全年人手差额"
        );
        assert_eq!(
            short.township_remedy(Lang::En).unwrap(),
            "fortnightly sessions for all 12 units, or 6 more department heads, would close the year's gap in numbers"
        );
        let other = CalendarSaid::OfficialCalendarMissing {
            year: 2026,
            holidays: 0,
            workdays: 0,
        };
        assert_eq!(other.figures(Lang::Zh), None);
        assert_eq!(other.brief(Lang::Zh), other.say(Lang::Zh));
    }
}
