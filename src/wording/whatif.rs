//! Words `whatif` says around its comparison: the base, a variant that
//! could not be planned or written, and a variant that scores better while
//! leaving more sessions short.

use super::Lang;

/// What `whatif` says around the comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum WhatifSaid {
    Base,
    /// The base column with `--previous`: the plan in force, not replanned.
    InForce,
    /// Above the comparison with `--previous`: what the base is and how
    /// the variants were planned.
    ComparedWithInForce {
        plan: String,
    },
    /// `--previous` naming a plan of another roster: the units and people
    /// (by name where known) it has that the roster lacks.
    /// `--previous` on a city, which whatif does not take yet.
    PreviousForCity {
        city: String,
    },
    PreviousOfOtherRoster {
        plan: String,
        roster: String,
        units: Vec<String>,
        people: Vec<String>,
    },
    Unreadable {
        detail: String,
    },
    VariantFailed {
        name: String,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
    /// A variant scoring better than the base while leaving more sessions
    /// without a township member: the score hides the staffing.
    BetterScoreWorseStaffing {
        name: String,
        score: String,
        base_score: String,
        short: String,
        base_short: String,
    },
}

impl super::Say for WhatifSaid {
    fn say(&self, lang: Lang) -> String {
        use WhatifSaid::*;
        let en = lang == Lang::En;
        match self {
            Base => {
                if en {
                    "base".into()
                } else {
                    "现名册方案".into()
                }
            }
            InForce => {
                if en {
                    "plan in force".into()
                } else {
                    "现行方案".into()
                }
            }
            ComparedWithInForce { plan } => {
                if en {
                    format!(
                        "Compared with the plan in force ({plan}): its column is that plan as it stands, and each variant is replanned from it as replan --previous would, so the changes counted are against it."
                    )
                } else {
                    format!(
                        "与现行方案（{plan}）比较：现行方案一列即该方案本身，各方案都在现行方案基础上调整（同 replan --previous），所计变动均相对于现行方案。"
                    )
                }
            }
            PreviousForCity { city } => {
                if en {
                    format!(
                        "{city}: whatif --previous takes one township at a time, not yet a city: give a township's roster and its plan from the folder plan CITY -o DIR wrote"
                    )
                } else {
                    format!(
                        "{city}：whatif --previous 目前只能逐个镇街试算，尚不支持整个县市：请给出一个镇街的名册和 plan 县市 -o 文件夹 写出的该镇街方案"
                    )
                }
            }
            PreviousOfOtherRoster {
                plan,
                roster,
                units,
                people,
            } => {
                let some = |items: &[String]| -> String {
                    let shown: Vec<String> = items.iter().take(5).cloned().collect();
                    let more = items.len() - shown.len();
                    match (more, en) {
                        (0, _) => super::list(&shown, lang),
                        (_, true) => format!("{}… ({} in all)", shown.join(", "), items.len()),
                        (_, false) => format!("{}等 {} 个", shown.join("、"), items.len()),
                    }
                };
                let mut lacks = Vec::new();
                if !units.is_empty() {
                    lacks.push(if en {
                        format!("units {}", some(units))
                    } else {
                        format!("村居{}", some(units))
                    });
                }
                if !people.is_empty() {
                    lacks.push(if en {
                        format!("people {}", some(people))
                    } else {
                        format!("人员{}", some(people))
                    });
                }
                if en {
                    format!(
                        "{plan}: not a plan of {roster}: the roster has no {}; give the plan in force made from this roster (zhudian plan {roster} -o PLAN)",
                        lacks.join(" and no ")
                    )
                } else {
                    format!(
                        "{plan}：不是 {roster} 的方案：名册中没有{}；请给出按本名册编排的现行方案（zhudian plan {roster} -o 方案文件）",
                        lacks.join("，也没有")
                    )
                }
            }
            Unreadable { detail } => {
                if en {
                    format!("cannot read {detail}")
                } else {
                    format!("无法读取 {detail}")
                }
            }
            VariantFailed { name } => {
                if en {
                    format!("variant '{name}' cannot be planned; nothing written for it:")
                } else {
                    format!("方案“{name}”无法编排，未写出文件：")
                }
            }
            CannotWrite { path, detail } => {
                if en {
                    format!("cannot write {path}: {detail}")
                } else {
                    format!("无法写入 {path}：{detail}")
                }
            }
            BetterScoreWorseStaffing {
                name,
                score,
                base_score,
                short,
                base_short,
            } => {
                if en {
                    format!(
                        "'{name}' scores better than the base ({score} against {base_score}) but leaves {short} {} without a township member against {base_short}: the better score comes from doing less, not from a better plan",
                        if short == "1" { "session" } else { "sessions" }
                    )
                } else {
                    format!(
                        "“{name}”的方案得分比现名册方案低（{score} 对 {base_score}），但缺少镇级人员的接待有 {short} 次，现名册方案只有 {base_short} 次：得分低是因为做得少，并不是方案更好"
                    )
                }
            }
        }
    }
}

/// What is wrong with a variant's choice of townships or units, and the
/// warning for a `where` that chooses nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum VariantSaid {
    /// `townships` or `districts` in a township run.
    ScopeNeedsCity,
    UnknownTownship {
        name: String,
        suggestion: Option<String>,
        /// The office's name (`[city] name`; empty: none): 云岭县没有…
        city: String,
    },
    UnknownDistrict {
        name: String,
        suggestion: Option<String>,
        /// The city's districts (none: the city says none).
        known: Vec<String>,
        /// The office's name (`[city] name`; empty: none).
        city: String,
    },
    /// A unit override with both `id` and `where`.
    IdAndWhere,
    /// A `where` that selects no unit (in any township the variant applies to).
    SelectsNothing { city: bool },
    /// An id that names no entry the variant may change (`units`: a unit
    /// too, as `remove` takes): only the guess, since a variant takes no
    /// group (all-cadres) where a meeting's attendees do.
    UnknownId {
        id: String,
        units: bool,
        suggestion: Option<crate::roster::guess::Guess>,
    },
    /// On a city: an entry no township the variant takes has, with the
    /// nearest entry of one of them and that township's roster file.
    NowhereInCity(super::city_whatif::Nowhere),
    /// Under `cadres`, a helper (`helper`); under `helpers`, a cadre: said
    /// with the key to change it under.
    OtherKind {
        id: String,
        name: String,
        helper: bool,
    },
}

impl super::Say for VariantSaid {
    fn say(&self, lang: Lang) -> String {
        use VariantSaid::*;
        let en = lang == Lang::En;
        let suggest = |s: &Option<String>| super::places::suggest(s, lang);
        match self {
            UnknownId {
                id,
                units,
                suggestion,
            } => {
                let guess = super::places::guessed(suggestion, lang);
                match (en, units) {
                    (true, true) => format!("there is no unit, cadre or helper '{id}'{guess}"),
                    (true, false) => format!("there is no cadre or helper '{id}'{guess}"),
                    (false, true) => format!("没有编号为“{id}”的村（社区）、干部或协助人员{guess}"),
                    (false, false) => format!("没有编号为“{id}”的干部或协助人员{guess}"),
                }
            }
            OtherKind { id, name, helper } => match (en, helper) {
                (true, true) => {
                    format!("'{id}' ({name}) is a helper, not a cadre: change it under helpers")
                }
                (true, false) => {
                    format!("'{id}' ({name}) is a cadre, not a helper: change it under cadres")
                }
                (false, true) => format!("“{id}”（{name}）是协助人员，不是干部：请写在 helpers 下"),
                (false, false) => format!("“{id}”（{name}）是干部，不是协助人员：请写在 cadres 下"),
            },
            ScopeNeedsCity => {
                if en {
                    "townships and districts choose townships of a city: run whatif on the city's folder or file".into()
                } else {
                    "townships 和 districts 用于选择全市中的镇街：请对全市的文件夹或文件运行 whatif"
                        .into()
                }
            }
            UnknownTownship {
                name,
                suggestion,
                city,
            } => {
                if en {
                    format!("the city has no township '{name}'{}", suggest(suggestion))
                } else {
                    let whole = super::city::whole(city, lang);
                    format!("{whole}没有“{name}”这个镇街{}", suggest(suggestion))
                }
            }
            UnknownDistrict {
                name,
                suggestion,
                known,
                city,
            } => match (known.is_empty(), en) {
                (true, true) => format!(
                    "the city has no district '{name}': it names no districts (city.toml's [[district]] or a township's district)"
                ),
                (true, false) => format!(
                    "{}没有“{name}”这个区：未设区（city.toml 的 [[district]] 或镇街的 district）",
                    super::city::whole(city, lang)
                ),
                (false, true) => format!(
                    "the city has no district '{name}'{} (its districts: {})",
                    suggest(suggestion),
                    known.join(", ")
                ),
                (false, false) => format!(
                    "{0}没有“{name}”这个区{1}（{0}的区：{2}）",
                    super::city::whole(city, lang),
                    suggest(suggestion),
                    known.join("、")
                ),
            },
            IdAndWhere => {
                if en {
                    "give either id (one unit) or where (the units it selects), not both".into()
                } else {
                    "id（指定一个村居）和 where（按条件选择村居）只能写一个".into()
                }
            }
            NowhereInCity(n) => n.say(lang),
            SelectsNothing { city } => match (city, en) {
                (true, true) => {
                    "selects no unit in any township the variant applies to: it changes nothing"
                        .into()
                }
                (false, true) => "selects no unit: it changes nothing".into(),
                (true, false) => "在方案适用的各镇街都没有选中任何村（社区），不起作用".into(),
                (false, false) => "没有选中任何村（社区），不起作用".into(),
            },
        }
    }
}
