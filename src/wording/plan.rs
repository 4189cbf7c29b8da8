//! Words for `plan`: why no plan exists and what would make one possible,
//! and the short table printed on the terminal after a plan is written.

use super::roster::{RosterSaid, role_word};
use super::table::{Align, Row, grid};
use super::{Lang, Say, list};
use crate::assign::Pricing;
use crate::model::Role;

/// Why no plan exists, as a fact; `say` words it with what would fix it.
/// Units and people are given as labels ("西海村（xihai）").
/// What the people who hold a skill can raise to cover more units: a
/// helper joins more teams (`max_teams`), a leader leads more units (the
/// upper bound of `units`); nothing when every holder already reaches all
/// the units they may (a village's own people).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raise {
    Teams,
    Units,
    Both,
    Nothing,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PlanSaid {
    /// More units than the leaders' maxima add up to.
    TooManyUnits {
        units: usize,
        leaders: usize,
        places: usize,
        uniform_max: Option<usize>,
        /// Shared cadres kept busy in earlier townships of the city on
        /// (nearly) every station date here, not counted in `leaders`.
        kept_away: Vec<super::across::NeverHereSaid>,
    },
    /// Fewer units than the leaders' minima add up to.
    TooFewUnits {
        units: usize,
        leaders: usize,
        places: usize,
    },
    /// Nobody may lead this unit: the home-unit rule (`needs` empty), or
    /// needs only a leader can bring that no leader who may take it has.
    NoLeaderFor { unit: String, needs: Vec<String> },
    /// A leader's minimum is more than the units they may take.
    LeaderMinimum {
        leader: String,
        min: usize,
        allowed: usize,
    },
    /// These units may be led only by these leaders, who have fewer places.
    UnitsShareLeaders {
        units: Vec<String>,
        leaders: Vec<String>,
        places: usize,
    },
    /// These units need a skill, and the only people who could bring it to
    /// them can cover only `capacity` of them between them.
    NeedsCount {
        need: String,
        units: Vec<String>,
        holders: Vec<String>,
        capacity: usize,
        /// What the holders' kind lets them raise: a helper's
        /// `max_teams`, a leader's upper bound of units.
        raise: Raise,
    },
    /// These units' need cannot be met: everyone who has it is full (or
    /// nobody available has it).
    NeedFull {
        units: Vec<String>,
        need: String,
        holders: Vec<String>,
    },
    /// Team slot `slot` (1-based) cannot be filled at these units: the
    /// helpers who may fill it can take only `teams` of them.
    SlotShort {
        slot: usize,
        roles: Vec<Role>,
        own: bool,
        units: Vec<String>,
        teams: usize,
        /// Helpers of the slot's roles all allowed `max`, at least `short` of
        /// them: "allow max+1 teams for `short` more of them".
        raise: Option<usize>,
        /// The helpers who may fill it, all full: the rows to edit.
        helpers: Vec<super::slot_helpers::SlotHelper>,
    },
    /// The engine proved there is no assignment, for a reason not listed
    /// above (the replanning change cap, say).
    NoAssignment,
    /// The time limit ran out before the engine found any plan.
    NoPlanInTime { seconds: f64 },
    /// `--engine highs` on a build without the `highs` feature.
    EngineUnavailable { engine: String },
    /// An engine name that does not exist.
    UnknownEngine { engine: String },
    /// `--time-limit` is not a number of seconds (negative, NaN, infinite).
    BadTimeLimit { given: String },
    /// The plan file could not be written.
    CannotWrite { path: String, detail: String },
}

fn roles_said(roles: &[Role], lang: Lang) -> String {
    let words: Vec<String> = roles.iter().map(|r| role_word(*r, lang).into()).collect();
    match lang {
        Lang::En => list(&words, lang).replace(" and ", " or "),
        Lang::Zh => words.join("或"),
    }
}

impl Say for PlanSaid {
    fn say(&self, lang: Lang) -> String {
        use PlanSaid::*;
        let en = lang == Lang::En;
        match self {
            TooManyUnits {
                units,
                leaders,
                places,
                uniform_max,
                kept_away,
            } if !kept_away.is_empty() => super::across::too_many_units(
                *units,
                *leaders,
                *places,
                *uniform_max,
                kept_away,
                lang,
            ),
            TooManyUnits {
                units,
                leaders,
                places,
                uniform_max,
                ..
            } => RosterSaid::TooManyUnits {
                units: *units,
                leaders: *leaders,
                places: *places,
                uniform_max: *uniform_max,
            }
            .say(lang),
            TooFewUnits {
                units,
                leaders,
                places,
            } => RosterSaid::TooFewUnits {
                units: *units,
                leaders: *leaders,
                places: *places,
            }
            .say(lang),
            NoLeaderFor { unit, needs } if needs.is_empty() => {
                if en {
                    format!(
                        "{unit}: the home-unit rule leaves no leader for it: every leader who may take units comes from there; add a cadre from elsewhere, or set avoid_home_unit = false"
                    )
                } else {
                    format!(
                        "{unit}：按不驻本村的规定，没有领导可以联系该村（社区）（能联系它的领导都来自这里）；请增加一名外来干部，或把 avoid_home_unit 设为 false"
                    )
                }
            }
            NoLeaderFor { unit, needs } => {
                let quoted: Vec<String> = needs.iter().map(|s| format!("'{s}'")).collect();
                let zh: Vec<String> = needs
                    .iter()
                    .map(|s| format!("“{}”", super::terms::skill(s, lang)))
                    .collect();
                if en && needs.len() == 1 {
                    format!(
                        "{unit} needs {}, which no helper who could join its team has, and no leader who may take it has it: add a helper with {} who may join this team, or station a cadre who has it",
                        quoted[0], quoted[0]
                    )
                } else if en {
                    format!(
                        "{unit} needs {}, which no helper who could join its team has, and no leader who may take it has all of them: add helpers with them who may join this team, or station a cadre who has them all",
                        list(&quoted, lang)
                    )
                } else {
                    format!(
                        "{unit}需要{}，能加入该村（社区）团队的协助人员都不具备，可联系该村（社区）的领导也没有人{}具备：请为可加入该团队的协助人员补充这些能力，或安排具备这些能力的干部驻点",
                        zh.join("、"),
                        if needs.len() == 1 { "" } else { "全部" }
                    )
                }
            }
            LeaderMinimum {
                leader,
                min,
                allowed,
            } => {
                if en {
                    format!(
                        "{leader} must cover at least {min} units but may take only {allowed}: lower their minimum"
                    )
                } else {
                    format!(
                        "{leader}至少要联系 {min} 个村（社区），但只能联系 {allowed} 个：请降低其下限"
                    )
                }
            }
            UnitsShareLeaders {
                units,
                leaders,
                places,
            } => {
                let n = units.len();
                if en {
                    format!(
                        "{} can be led only by {}, who {} {places} place{} for these {n} units: raise {} maximum, or allow other leaders there",
                        list(units, lang),
                        list(leaders, lang),
                        if leaders.len() == 1 { "has" } else { "have" },
                        if *places == 1 { "" } else { "s" },
                        if leaders.len() == 1 {
                            "that leader's"
                        } else {
                            "their"
                        }
                    )
                } else {
                    format!(
                        "{}只能由{}联系，{}只有 {places} 个名额，却要联系这 {n} 个村（社区）：请提高其上限，或允许其他领导联系",
                        list(units, lang),
                        list(leaders, lang),
                        if leaders.len() == 1 {
                            "其"
                        } else {
                            "他们合计"
                        }
                    )
                }
            }
            NeedsCount {
                need,
                units,
                holders,
                capacity,
                raise,
            } => {
                let need = &super::terms::skill(need, lang);
                let n = units.len();
                let who = list(holders, lang);
                let fix_en = match raise {
                    Raise::Teams => format!("raise their max_teams, or add someone with '{need}'"),
                    Raise::Units => format!(
                        "raise the most units they may lead (units), or add someone with '{need}'"
                    ),
                    Raise::Both => format!(
                        "raise the helpers' max_teams or the most units the leaders may lead (units), or add someone with '{need}'"
                    ),
                    Raise::Nothing => format!("add someone with '{need}'"),
                };
                let fix_zh = match raise {
                    Raise::Teams => {
                        format!("请提高其最多参加团队数（max_teams），或增加具备“{need}”的人员")
                    }
                    Raise::Units => {
                        format!("请提高其最多联系村（社区）数（units），或增加具备“{need}”的人员")
                    }
                    Raise::Both => format!(
                        "请提高协助人员的最多参加团队数（max_teams）或驻点领导的最多联系村（社区）数（units），或增加具备“{need}”的人员"
                    ),
                    Raise::Nothing => format!("请增加具备“{need}”的人员"),
                };
                match (en, holders.is_empty(), n > 3) {
                    (true, true, _) => format!(
                        "{} need{} '{need}', but nobody available who could join {} has it: add someone with '{need}'",
                        list(units, lang),
                        if n == 1 { "s" } else { "" },
                        if n == 1 { "its team" } else { "their teams" }
                    ),
                    (false, true, _) => format!(
                        "{}需要“{need}”，但能加入其团队的在岗人员中没有人具备：请增加具备“{need}”的人员",
                        list(units, lang)
                    ),
                    (true, false, true) => format!(
                        "{n} units need '{need}', but the people who have it ({who}) can cover only {capacity} of them: {fix_en}"
                    ),
                    (false, false, true) => format!(
                        "有 {n} 个村（社区）需要“{need}”，但具备这项能力的人员（{who}）最多只能覆盖 {capacity} 个：{fix_zh}"
                    ),
                    (true, false, false) => format!(
                        "{} need{} '{need}', but the only people who could bring it there ({who}) can cover only {capacity} of them: {fix_en}",
                        list(units, lang),
                        if n == 1 { "s" } else { "" }
                    ),
                    (false, false, false) => format!(
                        "{}需要“{need}”，但能带来这项能力的只有{who}，最多只能覆盖其中 {capacity} 个：{fix_zh}",
                        list(units, lang)
                    ),
                }
            }
            NeedFull {
                units,
                need,
                holders,
            } => {
                let need = &super::terms::skill(need, lang);
                let who = list(holders, lang);
                let unit = list(units, lang);
                let s = if units.len() == 1 { "s" } else { "" };
                match (en, holders.len()) {
                    (true, 0) => format!(
                        "{unit} need{s} '{need}', but nobody available who could join {} has it: add someone with '{need}'",
                        if units.len() == 1 {
                            "its team"
                        } else {
                            "their teams"
                        }
                    ),
                    (true, 1) => format!(
                        "{unit} need{s} '{need}'; the only person who has it, {who}, is full: raise their max_teams, or add someone with '{need}'"
                    ),
                    (true, n) => format!(
                        "{unit} need{s} '{need}'; the only {} people who have it ({who}) are full: raise their max_teams, or add someone with '{need}'",
                        number_word(n)
                    ),
                    (false, 0) => format!(
                        "{unit}需要“{need}”，但能加入其团队的在岗人员中没有人具备：请增加具备“{need}”的人员"
                    ),
                    (false, n) => format!(
                        "{unit}需要“{need}”，但具备这项能力的{who}{}已满额：请提高其最多参加团队数（max_teams），或增加具备“{need}”的人员",
                        if n == 1 { "" } else { "都" }
                    ),
                }
            }
            SlotShort {
                slot,
                roles,
                own,
                units,
                teams,
                raise,
                helpers,
            } => {
                let r = roles_said(roles, lang);
                let who = super::slot_helpers::who_may_fill(helpers, lang);
                let n = units.len();
                let short = n.saturating_sub(*teams);
                let whose = match (own, en) {
                    (true, true) => "the unit's own ",
                    (true, false) => "本村（社区）的",
                    (false, _) => "",
                };
                let fix = match (raise, en) {
                    (Some(m), true) => {
                        format!("allow {} teams for {short} more of them, or add {r}", m + 1)
                    }
                    (Some(m), false) => {
                        format!("再允许其中 {short} 人各参加 {} 个团队，或增加{r}", m + 1)
                    }
                    (None, true) if *own => format!("add one of the unit's own {r}"),
                    (None, false) if *own => format!("请增加本村（社区）的{r}"),
                    (None, true) => format!("raise their max_teams, or add {r}"),
                    (None, false) => format!("请提高其最多参加团队数（max_teams），或增加{r}"),
                };
                let fix = if !en && raise.is_some() {
                    format!("请{fix}{who}")
                } else {
                    format!("{fix}{who}")
                };
                if n > 3 {
                    if en {
                        format!(
                            "team slot {slot} ({whose}{r}): {n} units but the {r} can take {teams} teams: {fix}"
                        )
                    } else {
                        format!(
                            "团队第 {slot} 个位置（{whose}{r}）：共 {n} 个村（社区），但{r}合计只能参加 {teams} 个团队：{fix}"
                        )
                    }
                } else if *teams == 0 {
                    if en {
                        format!(
                            "{}: team slot {slot} needs {whose}{r}, and none is available (away all year, or full): {fix}",
                            list(units, lang)
                        )
                    } else {
                        format!(
                            "{}：团队第 {slot} 个位置需要{whose}{r}，但没有可用人员（全年不在岗或已满额）：{fix}",
                            list(units, lang)
                        )
                    }
                } else if en {
                    format!(
                        "{}: team slot {slot} needs {whose}{r}, but those who may fill it can take only {teams} of these {n} teams: {fix}",
                        list(units, lang)
                    )
                } else {
                    format!(
                        "{}：团队第 {slot} 个位置需要{whose}{r}，但可担任的人员只能参加其中 {teams} 个团队：{fix}",
                        list(units, lang)
                    )
                }
            }
            NoAssignment => {
                if en {
                    "no assignment of leaders to units meets the bounds, the home-unit rule and the other limits together; loosen units_per_leader or the change limit".into()
                } else {
                    "在领导联系数上下限、不驻本村等限制下，找不到任何分配方案；请放宽 units_per_leader 或变动上限".into()
                }
            }
            NoPlanInTime { seconds } => {
                if en {
                    format!(
                        "no plan was found within the time limit of {seconds} s: raise --time-limit"
                    )
                } else {
                    format!("在 {seconds} 秒时限内没有找到方案：请提高 --time-limit")
                }
            }
            EngineUnavailable { engine } => {
                if en {
                    format!(
                        "the '{engine}' engine is not in this build of zhudian: rebuild with `cargo build --release --features {engine}` (needs cmake and libclang), or use --engine bundles"
                    )
                } else {
                    format!(
                        "此版本 zhudian 不含“{engine}”求解器：请用 `cargo build --release --features {engine}` 重新编译（需要 cmake 和 libclang），或改用 --engine bundles"
                    )
                }
            }
            UnknownEngine { engine } => {
                if en {
                    format!("there is no engine '{engine}': use bundles or highs")
                } else {
                    format!("没有名为“{engine}”的求解器：请用 bundles 或 highs")
                }
            }
            BadTimeLimit { given } => {
                if en {
                    format!("--time-limit {given}: give the seconds as a number, 0 or more")
                } else {
                    format!("--time-limit {given}：请用 0 或更大的数给出秒数")
                }
            }
            CannotWrite { path, detail } => {
                if en {
                    format!("cannot write the plan to {path}: {detail}")
                } else {
                    format!("无法写入方案文件 {path}：{detail}")
                }
            }
        }
    }
}

fn number_word(n: usize) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        _ => n.to_string(),
    }
}

/// The heading above the reasons when no plan exists.
pub fn infeasible_heading(township: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{township}: no plan is possible:"),
        Lang::Zh => format!("{township}：无法排出方案："),
    }
}

/// One leader's line in the terminal table.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderRow {
    pub leader: String,
    /// Each unit's name and its minutes from the office by road.
    pub units: Vec<(String, Option<f64>)>,
    pub load: f64,
    /// Off the target load in per cent: below it negative, as the report shows it.
    pub deviation_pct: f64,
    pub tour_minutes: f64,
}

/// What `plan` prints after writing a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanReport {
    pub township: String,
    pub path: String,
    pub rows: Vec<LeaderRow>,
    pub cost: f64,
    pub lower_bound: f64,
    pub gap: f64,
    pub status: String,
    /// What the limits cut (the plan file's `stopped`): "work" or "time"
    /// for the engine's proof, then "teams" and "calendar", joined by ", "
    pub stopped: Option<String>,
    pub engine: String,
    /// how the bundles engine priced (None for highs)
    pub pricing: Option<Pricing>,
    /// work units the engine spent
    pub work: u64,
    pub leaders_seconds: f64,
    pub teams_seconds: f64,
    pub calendar_seconds: f64,
    pub total_seconds: f64,
    /// `--time-limit` in seconds (the leaders get half of it)
    pub time_limit_seconds: f64,
    /// replanned against a plan in force: the score then counts changes
    pub replanned: bool,
}

impl PlanReport {
    fn stopped_by(&self, word: &str) -> bool {
        self.stopped
            .as_deref()
            .is_some_and(|s| s.split(", ").any(|w| w == word))
    }

    /// What the score and its gap mean for this plan, after the figures.
    fn status_words(&self, en: bool) -> String {
        // A first plan with no useful bound (e.g. --time-limit 0): its gap
        // says nothing, so "feasible" would overstate it.
        let no_bound = self.status != "optimal" && self.gap >= 0.999;
        let said = match (self.status.as_str(), en) {
            ("optimal", true) if self.replanned => {
                "optimal (proven: keeping to the plan in force as far as possible, the score counting each change against it)"
            }
            ("optimal", false) if self.replanned => {
                "已证明最优（指在尽量保留现行方案的前提下：与现行方案相比的每处变动都计入了得分）"
            }
            ("optimal", true) => "optimal (proven)",
            ("optimal", false) => "已证明最优",
            (_, true) if no_bound && self.stopped_by("work") => {
                "a first plan only: within the work limit no useful lower bound was found, so how far it is from the best is unknown; a larger --work-limit may do better"
            }
            (_, false) if no_bound && self.stopped_by("work") => {
                "仅为初步方案：工作量上限内没能算出有用的理论最好得分，不知道离最好还有多远；放宽 --work-limit 可能得到更好的方案"
            }
            (_, true) if no_bound => {
                "a first plan only: within the time limit no useful lower bound was found, so how far it is from the best is unknown; a longer --time-limit may do better"
            }
            (_, false) if no_bound => {
                "仅为初步方案：时限内没能算出有用的理论最好得分，不知道离最好还有多远；放宽 --time-limit 可能得到更好的方案"
            }
            (_, true) if self.stopped_by("work") => "feasible (the work limit cut the proof)",
            (_, false) if self.stopped_by("work") => "可用，工作量上限内未能证明最优",
            (_, true) if self.stopped_by("time") => "feasible (the time limit cut the proof)",
            (_, false) if self.stopped_by("time") => "可用，时限内未能证明最优",
            // The engine proved the leaders; the gap is the teams stage's,
            // whose bound holds only the helper changes every plan makes.
            (_, true) if self.stopped.is_none() => {
                "feasible (no limit was reached: the leaders are proven optimal, but the teams stage, which places the helpers, is not; the bound counts only the helper changes every plan must make)"
            }
            (_, false) if self.stopped.is_none() => {
                "可用（未触及任何上限：领导分配已证明最优，安排协助人员的编组团队一步未能证明最优；理论最好得分只计入任何方案都必须做的协助人员调整）"
            }
            (_, true) => {
                "feasible (the leaders are proven optimal, but the teams stage, which places the helpers, is not; the bound counts only the helper changes every plan must make)"
            }
            (_, false) => {
                "可用（领导分配已证明最优，安排协助人员的编组团队一步未能证明最优；理论最好得分只计入任何方案都必须做的协助人员调整）"
            }
        };
        said.to_string()
    }

    /// When the time limit cut the leaders' search: another run may give
    /// another plan, and how to get the same one every time (empty
    /// otherwise: a work limit or a finished search repeats exactly).
    fn not_repeatable(&self, en: bool) -> String {
        if self.status == "optimal" || !self.stopped_by("time") {
            return String::new();
        }
        let half = (self.time_limit_seconds * 50.0).round() / 100.0;
        // A run cut before any work (--time-limit 0) has no figure to offer.
        let example = match (self.work, en) {
            (0, _) => String::new(),
            (w, true) => format!(", e.g. --work-limit {w} (this run's work)"),
            (w, false) => format!("，例如 --work-limit {w}（本次的计算量）"),
        };
        if en {
            format!(
                "  the search stopped at the time limit (the leaders get up to half of --time-limit, {half} s here): another run may give a different plan with the same or a similar score. To get the same plan on every run, plan again with a work limit{example}, and keep that plan\n"
            )
        } else {
            format!(
                "  本次计算到时限就停止了（分配领导最多用 --time-limit 的一半，这次是 {half} 秒）：再运行一次，可能得到得分相同或相近、但人员安排不同的方案。要每次都得到同一个方案，请改用工作量上限（--work-limit）重新编排{example}，并保存那次的方案\n"
            )
        }
    }

    /// The later stages the time limit cut, said in a line (empty if none).
    fn stages_cut(&self, en: bool) -> String {
        let (teams, calendar) = (self.stopped_by("teams"), self.stopped_by("calendar"));
        let what = match (teams, calendar, en) {
            (false, false, _) => return String::new(),
            (true, false, true) => "better teams",
            (false, true, true) => "a better calendar",
            (true, true, true) => "better teams and a better calendar",
            (true, false, false) => "团队",
            (false, true, false) => "日程",
            (true, true, false) => "团队和日程",
        };
        if en {
            format!(
                "  the time limit stopped the search for {what} early: the best found so far is kept; a longer --time-limit may do better\n"
            )
        } else {
            format!(
                "  时限已到，{what}的优化提前结束：保留了目前找到的最好结果；放宽 --time-limit 可能得到更好的结果\n"
            )
        }
    }
}

impl Say for PlanReport {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let mut s = String::new();
        s += &if en {
            format!("{}: plan written to {}\n", self.township, self.path)
        } else {
            format!("{}：方案已写入 {}\n", self.township, self.path)
        };
        let units_head = format!(
            "联系村居（距{}分钟）",
            super::terms::office_zh(&self.township)
        );
        let head: Vec<String> = if en {
            [
                "leader",
                "load",
                "dev %",
                "tour min",
                "units (minutes from the office)",
            ]
        } else {
            ["领导", "工作量", "偏差%", "路程分钟", &units_head]
        }
        .map(String::from)
        .to_vec();
        let rows: Vec<Row> = self
            .rows
            .iter()
            .map(|r| {
                let unit = |(name, minutes): &(String, Option<f64>)| match (minutes, en) {
                    (Some(m), true) => format!("{name} ({m:.0})"),
                    (Some(m), false) => format!("{name}（{m:.0}）"),
                    (None, _) => name.clone(),
                };
                let units = if r.units.is_empty() {
                    "—".to_string()
                } else {
                    let all: Vec<String> = r.units.iter().map(unit).collect();
                    all.join(if en { ", " } else { "、" })
                };
                Row::Cells(vec![
                    r.leader.clone(),
                    format!("{:.0}", r.load),
                    signed_pct(r.deviation_pct),
                    format!("{:.0}", r.tour_minutes),
                    units,
                ])
            })
            .collect();
        use Align::{Left, Right};
        s += &grid(
            "  ",
            &head,
            &rows,
            &[Left, Right, Right, Right, Left],
            false,
        );
        let status = self.status_words(en);
        let work = self.work;
        let pricing = match (self.pricing, en) {
            (None, _) => String::new(),
            (Some(Pricing::Enumerated), true) => {
                format!(" (bundles enumerated, {work} work units)")
            }
            (Some(Pricing::Searched), true) => format!(" (bundles searched, {work} work units)"),
            // No engine words in Chinese: the amount of work is what
            // `--work-limit` takes, the rest is the engine's business.
            (Some(_), false) => format!("（计算量 {work}）"),
        };
        s += &if en {
            format!(
                "  cost {:.2}, lower bound {:.2}, gap {:.2} %: {status}\n",
                self.cost,
                self.lower_bound,
                self.gap * 100.0
            )
        } else {
            format!(
                "  方案得分 {:.2}（越低越好），理论最好得分 {:.2}，差距 {:.2}%：{status}\n",
                self.cost,
                self.lower_bound,
                self.gap * 100.0
            )
        };
        s += &self.not_repeatable(en);
        s += &self.stages_cut(en);
        s += &if en {
            format!(
                "  engine {}{pricing}: leaders {:.3} s, teams {:.3} s, calendar {:.3} s, total {:.3} s\n",
                self.engine,
                self.leaders_seconds,
                self.teams_seconds,
                self.calendar_seconds,
                self.total_seconds
            )
        } else {
            format!(
                "  计算用时 {:.3} 秒{pricing}：分配领导 {:.3} 秒，编组团队 {:.3} 秒，排日程 {:.3} 秒\n",
                self.total_seconds, self.leaders_seconds, self.teams_seconds, self.calendar_seconds
            )
        };
        s
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;

pub use super::city_table::{CityRow, CitySaid};

/// A deviation with its sign (+7.7, -13.4); on target plainly 0.0.
pub fn signed_pct(pct: f64) -> String {
    if format!("{:.1}", pct.abs()) == "0.0" {
        "0.0".into()
    } else {
        format!("{pct:+.1}")
    }
}
