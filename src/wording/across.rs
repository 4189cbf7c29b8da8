//! Words for what concerns several townships of a city at once: a person on
//! two rosters, a transfer's source that names nobody, a shared person in
//! two places at once, the busy times a shared person brings from another
//! township, and a transfer between townships as `replan` tells it.

use super::{Lang, Say, list};

/// A problem across the townships of a city (a roster problem).
#[derive(Debug, Clone, PartialEq)]
pub enum AcrossSaid {
    /// The same id and name on two townships' rosters, neither shared nor a transfer.
    Duplicate {
        id: String,
        name: String,
        township: String,
        other: String,
        /// `file:line` of the other entry.
        other_at: String,
    },
    /// `transferred_from` names no person of another township.
    NoSuchTransferSource {
        given: String,
        suggestion: Option<String>,
    },
    /// A district in city.toml lists a township the city has no roster for.
    NoSuchTownship {
        district: String,
        given: String,
        suggestion: Option<String>,
    },
    /// A `[[township_road]]` end names no township of the city by its name.
    NoSuchRoadTownship {
        given: String,
        suggestion: Option<String>,
    },
    /// The entry a transfer comes from does not leave on the day this one joins.
    TransferDatesDiffer {
        from: String,
        leaves: Option<String>,
        joins: Option<String>,
    },
}

impl Say for AcrossSaid {
    fn say(&self, lang: Lang) -> String {
        use AcrossSaid::*;
        let en = lang == Lang::En;
        match self {
            Duplicate {
                id,
                name,
                township,
                other,
                other_at,
            } => {
                if en {
                    format!(
                        "{name} ('{id}') of {township} is also on {other}'s roster ({other_at}); a person serving two townships needs 'shared = true' on both entries, a transfer 'leaves' on one and 'joins' on the other on that date or later"
                    )
                } else {
                    format!(
                        "{township}的“{name}”（编号 {id}）也在{other}的名册中（{other_at}）；同一人在两个镇街任职，须在两处都写 shared = true；如是调动，一处写 leaves，另一处写同一天或之后的 joins"
                    )
                }
            }
            NoSuchTransferSource { given, suggestion } => {
                let hint = super::roster::suggest(suggestion, lang);
                if en {
                    format!(
                        "'{given}' names no person of another township (write \"township/id\", the township by file name or name){hint}"
                    )
                } else {
                    format!(
                        "“{given}”不是其他镇街的人员（写作“镇街/编号”，镇街用文件名或名称）{hint}"
                    )
                }
            }
            NoSuchTownship {
                district,
                given,
                suggestion,
            } => {
                let hint = super::roster::suggest(suggestion, lang);
                if en {
                    format!(
                        "district {district} lists '{given}', which is none of the rosters' townships (give a township's name or its file name without .toml){hint}"
                    )
                } else {
                    format!(
                        "{district}列出的“{given}”不是名册中的镇街（请写镇街名称，或不带 .toml 的文件名）{hint}"
                    )
                }
            }
            NoSuchRoadTownship { given, suggestion } => {
                let hint = super::roster::suggest(suggestion, lang);
                if en {
                    format!(
                        "'{given}' is none of the rosters' townships: a road between townships names each by its name{hint}"
                    )
                } else {
                    format!("“{given}”不是名册中的镇街：镇街之间的路程请写镇街名称{hint}")
                }
            }
            TransferDatesDiffer {
                from,
                leaves,
                joins,
            } => {
                let none = if en { "none" } else { "未填" };
                let l = leaves.as_deref().unwrap_or(none);
                let j = joins.as_deref().unwrap_or(none);
                if en {
                    format!(
                        "a transfer from '{from}' joins on or after the day that entry leaves: its 'leaves' is {l}, this 'joins' is {j}"
                    )
                } else {
                    format!(
                        "从“{from}”调入，本条 joins 须在原条目的 leaves 当天或之后：原条目 leaves 为 {l}，本条 joins 为 {j}"
                    )
                }
            }
        }
    }
}

/// The title of the busy times a shared person brings from another township
/// (blocked like an emergency meeting: a missed session is made up).
pub fn elsewhere_title(township: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("on duty in {township}"),
        Lang::Zh => format!("在{township}驻点"),
    }
}

/// A shared person in two places at once, as `check` on a city finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct TwoPlaces {
    pub person: String,
    pub township: String,
    pub unit: String,
    pub other: String,
    pub other_unit: String,
    pub date: String,
    /// `HH:MM–HH:MM` here and in the other township.
    pub times: String,
    pub other_times: String,
    /// Not at once, but closer than these minutes of travel between the
    /// two townships.
    pub travel: Option<u32>,
}

impl Say for TwoPlaces {
    fn say(&self, lang: Lang) -> String {
        let TwoPlaces {
            person,
            township,
            unit,
            other,
            other_unit,
            date,
            times,
            other_times,
            travel,
        } = self;
        // A date in a sentence, as a planner writes it (English keeps ISO).
        let day = crate::wording::date_text(&date.to_string(), lang);
        if let Some(m) = travel {
            return match lang {
                Lang::En => format!(
                    "{person} cannot get from one township to the other in time on {date}: {township} ({unit}, {times}) and {other} ({other_unit}, {other_times}) are {m} minutes apart by road"
                ),
                Lang::Zh => format!(
                    "{person}在{day}来不及往返两个镇街：{township}（{unit}，{times}）和{other}（{other_unit}，{other_times}）之间路程需要 {m} 分钟"
                ),
            };
        }
        match lang {
            Lang::En => format!(
                "{person} is in two places at once on {date}: {township} ({unit}, {times}) and {other} ({other_unit}, {other_times})"
            ),
            Lang::Zh => format!(
                "{person}在{day}同时被安排在两处：{township}（{unit}，{times}）和{other}（{other_unit}，{other_times}）"
            ),
        }
    }
}

/// The closing line of the cross-township check on a city: `n` times a
/// shared person is in two townships at once, `close` more without the
/// travel time between them.
pub fn two_places_total(n: usize, close: usize, shared: usize, lang: Lang) -> String {
    let road = match (lang, close) {
        (_, 0) => String::new(),
        (Lang::En, c) => {
            format!("; times one of them has less than the travel time between two townships: {c}")
        }
        (Lang::Zh, c) => format!("，有 {c} 处来不及往返两个镇街"),
    };
    match (lang, n, close) {
        (Lang::En, 0, 0) => format!(
            "Shared people: {shared}; none is in two townships at once or short of the travel time between them."
        ),
        (Lang::En, n, _) => format!(
            "Shared people: {shared}; times one of them is in two townships at once: {n}{road}."
        ),
        (Lang::Zh, 0, 0) => {
            format!("多镇街共用人员 {shared} 人，没有同一时间身处两地、也没有路程时间不足的安排。")
        }
        (Lang::Zh, n, _) => {
            format!("多镇街共用人员 {shared} 人，有 {n} 处同一时间身处两地的安排{road}。")
        }
    }
}

/// `replan` on a city: why a township whose roster did not change was
/// replanned: `person`, shared with the earlier township `other`, has new
/// duties there; `same`: nothing in `here` changed after all.
pub fn rebuilt_for_shared(person: &str, other: &str, here: &str, same: bool, lang: Lang) -> String {
    match (lang, same) {
        (Lang::En, false) => format!(
            "{person}, shared with {other}, has new duties in {other}, so {here} was replanned too."
        ),
        (Lang::En, true) => format!(
            "{person}, shared with {other}, has new duties in {other}, so {here} was replanned too: nothing in {here} changed."
        ),
        (Lang::Zh, false) => {
            format!("与{other}共用的{person}在{other}的安排有变，{here}随之重新编排。")
        }
        (Lang::Zh, true) => format!(
            "与{other}共用的{person}在{other}的安排有变，{here}随之重新编排：结果{here}的安排没有任何变化。"
        ),
    }
}

/// One transfer between townships, as `replan` on a city tells it: who
/// left where, who arrived where, and the units that changed leader.
#[derive(Debug, Clone, PartialEq)]
pub struct TransferSaid {
    pub name: String,
    pub from: String,
    pub to: String,
    /// The day they start in `to`.
    pub date: String,
    /// The day they leave `from`: `date`, or earlier when days off lie
    /// between the two posts.
    pub leaves: String,
    /// In the township left: (unit, new leader) for each unit they led.
    pub left: Vec<(String, String)>,
    /// In the township joined: (unit, previous leader) for each unit they lead.
    pub took: Vec<(String, String)>,
}

impl Say for TransferSaid {
    fn say(&self, lang: Lang) -> String {
        let TransferSaid {
            name,
            from,
            to,
            date,
            leaves,
            left,
            took,
        } = self;
        let en = lang == Lang::En;
        let left: Vec<String> = left
            .iter()
            .map(|(u, who)| {
                if en {
                    format!("{u} to {who}")
                } else {
                    format!("{u}改由{who}联系")
                }
            })
            .collect();
        let took: Vec<String> = took
            .iter()
            .map(|(u, was)| {
                if en {
                    format!("{u} (was {was})")
                } else {
                    format!("{u}（原为{was}）")
                }
            })
            .collect();
        if en {
            let mut s = if leaves == date {
                format!("Transfer: {name} leaves {from} for {to} on {date}.")
            } else {
                format!("Transfer: {name} leaves {from} on {leaves} and starts in {to} on {date}.")
            };
            if !left.is_empty() {
                s += &format!(
                    " In {from}, {name}'s units pass on because {name} left: {}.",
                    list(&left, lang)
                );
            }
            if !took.is_empty() {
                s += &format!(" In {to}, {name} now leads {}.", list(&took, lang));
            }
            s
        } else {
            let day = |d: &str| crate::wording::date_text(d, lang);
            let mut s = if leaves == date {
                format!("调动：{name}自{}起由{from}调往{to}。", day(date))
            } else {
                format!(
                    "调动：{name}自{}起离开{from}，{}起到{to}任职。",
                    day(leaves),
                    day(date)
                )
            };
            if !left.is_empty() {
                s += &format!(
                    "因{name}调离，{from}原由其联系的村（社区）：{}。",
                    left.join("，")
                );
            }
            if !took.is_empty() {
                s += &format!("在{to}改由{name}联系：{}。", took.join("，"));
            }
            s
        }
    }
}

/// A shared cadre the earlier townships keep busy on (nearly) every station
/// date of a later one: he leads no unit there (`plan`/`validate` on a city).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NeverHereSaid {
    pub name: String,
    pub township: String,
    pub others: Vec<String>,
    pub blocked: usize,
    pub dates: usize,
    /// This township's station window and the time he is busy elsewhere,
    /// "17:00–20:00" and "15:00–18:30".
    pub here: String,
    pub there: String,
    /// The travel minutes between the townships, when it is they that
    /// make the times meet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel: Option<u32>,
}

impl From<&crate::roster::across::NeverHere> for NeverHereSaid {
    fn from(n: &crate::roster::across::NeverHere) -> Self {
        NeverHereSaid {
            name: n.name.clone(),
            township: n.township.clone(),
            others: n.others.clone(),
            blocked: n.blocked,
            dates: n.dates,
            here: n.here.clone(),
            there: n.there.clone(),
            travel: n.travel,
        }
    }
}

impl Say for NeverHereSaid {
    fn say(&self, lang: Lang) -> String {
        let (n, t) = (&self.name, &self.township);
        let there = match (self.travel, lang) {
            (None, _) => self.there.clone(),
            (Some(m), Lang::En) => format!(
                "{}, and {m} minutes of travel between the townships",
                self.there
            ),
            (Some(m), Lang::Zh) => format!("{}，加上两镇街之间路程 {m} 分钟", self.there),
        };
        match lang {
            Lang::En => format!(
                "{n} is shared by {others} and {t}, but {n}'s duties in {others} {when} on {b} of its {d} station dates, so {n} leads no unit in {t}. Give {these} station windows that do not overlap, or write `shared` only where the person really serves",
                others = list(&self.others, lang),
                b = self.blocked,
                d = self.dates,
                these = if self.others.len() == 1 {
                    "the two townships"
                } else {
                    "these townships"
                },
                when = if self.here == self.there {
                    format!("are at the same time as {t}'s ({})", self.here)
                } else {
                    format!("({there}) overlap {t}'s station window ({})", self.here)
                },
            ),
            Lang::Zh => format!(
                "{n}由{others}和{t}共用，但{n}在{others}的驻点任务{when}，占了{t}{d}个驻点日中的{b}个，因此在{t}不安排{n}当驻点领导。可把{these}的驻点时间错开，或只在{n}真正驻点的镇街名册上将其标为跨镇街兼任。",
                others = list(&self.others, lang),
                b = self.blocked,
                d = self.dates,
                these = if self.others.len() == 1 {
                    "两个镇街"
                } else {
                    "这几个镇街"
                },
                when = if self.here == self.there {
                    format!("与{t}的驻点时间相同（{}）", self.here)
                } else {
                    format!("（{there}）与{t}的驻点时间（{}）重叠", self.here)
                },
            ),
        }
    }
}

/// More units than places in a township of a city where shared cadres lead
/// nothing (busy in earlier townships on its station dates): the cadres
/// counted, those kept away named with why, the other leaders' places, and
/// what would close the gap. `leaders` and `places` are the others'.
pub fn too_many_units(
    units: usize,
    leaders: usize,
    places: usize,
    uniform_max: Option<usize>,
    kept_away: &[NeverHereSaid],
    lang: Lang,
) -> String {
    let all = leaders + kept_away.len();
    let allow = super::places_gap::more_places(units, leaders, places, uniform_max, lang);
    let township = kept_away
        .first()
        .map(|n| n.township.clone())
        .unwrap_or_default();
    let mut others: Vec<String> = kept_away.iter().flat_map(|n| n.others.clone()).collect();
    others.sort();
    others.dedup();
    let others = list(&others, lang);
    match lang {
        Lang::En => {
            let who: Vec<String> = kept_away
                .iter()
                .map(|n| {
                    format!(
                        "{} (shared with {}, on duty there on {} of the {} station dates)",
                        n.name,
                        list(&n.others, lang),
                        n.blocked,
                        n.dates
                    )
                })
                .collect();
            let how = match uniform_max {
                Some(m) => format!("the other {leaders} leaders × {m} = {places} places"),
                None => format!("the other {leaders} leaders' maxima add up to {places} places"),
            };
            format!(
                "{units} units, but of the {all} cadres {} {} no unit here, and {how}: {allow}, give {township} a station window apart from {others}'s, or add a cadre",
                list(&who, lang),
                if kept_away.len() == 1 {
                    "leads"
                } else {
                    "lead"
                },
            )
        }
        Lang::Zh => {
            let who: Vec<String> = kept_away
                .iter()
                .map(|n| {
                    format!(
                        "{}（与{}共用，{}的驻点占了{township} {} 个驻点日中的 {} 个）",
                        n.name,
                        list(&n.others, lang),
                        list(&n.others, lang),
                        n.dates,
                        n.blocked
                    )
                })
                .collect();
            let how = match uniform_max {
                Some(m) => format!("其余 {leaders} 名领导 × {m} = {places} 个名额"),
                None => format!("其余 {leaders} 名领导的上限合计 {places} 个名额"),
            };
            format!(
                "共 {units} 个村（社区），但 {all} 名干部中{}不在{township}当驻点领导，{how}：请{allow}，或把{township}的驻点时间与{others}错开，或增加一名干部",
                who.join("、"),
            )
        }
    }
}
