//! What a command says when it runs on a whole city (a folder of rosters or
//! a city file, paired with a folder of plans): one line per township, the
//! totals, and the townships that failed, named.

use super::{Lang, Say, list};

/// The command a city run was for, to word its totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Checked,
    Calendars,
    /// `replan`: `kept` of the townships done kept their plan in force as
    /// it was (roster unchanged), the others were replanned.
    Replanned {
        kept: usize,
    },
    Compared,
    Exported,
    Reported,
}

/// What a city run says, line by line.
#[derive(Debug, Clone, PartialEq)]
pub enum CityRunSaid {
    /// One township's line: its name, then what happened to it.
    Line { township: String, said: String },
    /// The roster of a township cannot be read.
    RosterInvalid,
    /// No plan for a township in the plans folder.
    NoPlan { path: String },
    /// A plan in the plans folder that no roster of the city pairs with
    /// (its roster deleted or renamed): not run, said with what was not done.
    RosterGone { done: Done },
    /// The plans argument is not a folder.
    NeedsPlanFolder { path: String },
    /// A folder with no plan files in it (perhaps the rosters' folder).
    NoPlans { dir: String },
    /// `replan`: the township's roster is the one its plan was made for.
    Unchanged,
    /// `replan`: the new plan's figures.
    Replanned {
        changes: usize,
        cost: f64,
        shortfalls: usize,
    },
    /// `compare`: a township's cost and shortfalls in the base and each
    /// other plan, the units with another leader than the base's and,
    /// apart (said only where there are any), the units a successor took over.
    Compared {
        costs: Vec<f64>,
        shortfalls: Vec<usize>,
        moved: Vec<usize>,
        handed: Vec<usize>,
        /// A move between townships changed some of the `handed` units.
        transfer: bool,
    },
    /// `replan`: the township's changed roster leaves no plan.
    Infeasible,
    /// The closing line.
    Totals {
        done: Done,
        ok: usize,
        total: usize,
        failing: Vec<String>,
    },
}

fn num(x: f64) -> String {
    format!("{x:.2}")
}

impl Say for CityRunSaid {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            CityRunSaid::Line { township, said } => {
                if en {
                    format!("{township}: {said}")
                } else {
                    format!("{township}：{said}")
                }
            }
            CityRunSaid::RosterInvalid => if en {
                "the roster is not valid:"
            } else {
                "名册无效："
            }
            .to_string(),
            CityRunSaid::NoPlan { path } => {
                if en {
                    format!("no plan at {path}: plan the city first (zhudian plan CITY -o DIR)")
                } else {
                    format!("{path} 处没有方案：请先编排全市（zhudian plan 城市 -o 文件夹）")
                }
            }
            CityRunSaid::RosterGone { done } => {
                let (en_not, zh_not) = match done {
                    Done::Checked => ("not checked", "无法检查"),
                    Done::Calendars => ("no calendar written", "无法写出日历"),
                    Done::Replanned { .. } => ("not replanned", "无法重新编排"),
                    Done::Compared => ("not compared", "无法比较"),
                    Done::Exported => ("no documents written", "无法写出文件"),
                    Done::Reported => ("no page written", "无法写出页面"),
                };
                if en {
                    format!("the city's rosters no longer hold this township's roster: {en_not}")
                } else {
                    format!("名册中已找不到这个镇街的名册，{zh_not}")
                }
            }
            CityRunSaid::NeedsPlanFolder { path } => {
                if en {
                    format!(
                        "{path} is not a folder: for a city, give the folder of plans that zhudian plan CITY -o DIR wrote"
                    )
                } else {
                    format!(
                        "{path} 不是文件夹：对全市运行时，请给出 zhudian plan 城市 -o 文件夹 写出的方案文件夹"
                    )
                }
            }
            CityRunSaid::NoPlans { dir } => {
                if en {
                    format!(
                        "{dir} holds no plan files: give the folder of plans that zhudian plan CITY -o DIR wrote"
                    )
                } else {
                    format!(
                        "{dir} 中没有方案文件：请给出 zhudian plan 城市 -o 文件夹 写出的方案文件夹"
                    )
                }
            }
            CityRunSaid::Infeasible => if en {
                "no plan is possible:"
            } else {
                "无法排出方案："
            }
            .to_string(),
            CityRunSaid::Unchanged => {
                if en {
                    "roster unchanged: the plan in force is kept as it is".to_string()
                } else {
                    "名册未变：现行方案原样保留".to_string()
                }
            }
            CityRunSaid::Replanned {
                changes,
                cost,
                shortfalls,
            } => {
                let cost = num(*cost);
                if en {
                    format!(
                        "replanned: {} of leader or helper, cost {cost}, {} without a township member",
                        super::counted(*changes, "change", "changes"),
                        super::counted(*shortfalls, "session", "sessions")
                    )
                } else {
                    format!(
                        "已重新编排：{changes} 处更换领导或团队成员，方案得分 {cost}，缺少镇级人员的接待 {shortfalls} 次"
                    )
                }
            }
            CityRunSaid::Compared {
                costs,
                shortfalls,
                moved,
                handed,
                transfer: _,
            } => {
                let costs: Vec<String> = costs.iter().map(|c| num(*c)).collect();
                let short: Vec<String> = shortfalls.iter().map(|s| s.to_string()).collect();
                let moved: Vec<String> = moved.iter().map(|m| m.to_string()).collect();
                let any_handed = handed.iter().any(|h| *h > 0);
                let handed: Vec<String> = handed.iter().map(|m| m.to_string()).collect();
                // Beside the handovers' count, the moves are the units whose
                // leader changed for other reasons: a unit a transfer changed
                // is counted there, not here (荔岗村 in the trial).
                let other = if any_handed {
                    if en {
                        " for other reasons"
                    } else {
                        "因其他原因"
                    }
                } else {
                    ""
                };
                if en {
                    let mut s = format!(
                        "cost {}; sessions without a township member {}; units with another leader than the base{other} {}",
                        costs.join(" → "),
                        short.join(" → "),
                        moved.join(", ")
                    );
                    if any_handed {
                        s += &format!(
                            "; units handed over to a successor or changed by a transfer {}",
                            handed.join(", ")
                        );
                    }
                    s
                } else {
                    let mut s = format!(
                        "方案得分 {}；缺少镇级人员的接待 {}；与基准相比{other}更换领导的村（社区） {}",
                        costs.join(" → "),
                        short.join(" → "),
                        moved.join("、")
                    );
                    if any_handed {
                        s += &format!("；因接任或调动而换人的村（社区） {}", handed.join("、"));
                    }
                    s
                }
            }
            CityRunSaid::Totals {
                done,
                ok,
                total,
                failing,
            } => {
                let (en_done, zh_done) = match done {
                    Done::Checked => ("have a valid plan", "方案有效"),
                    Done::Calendars => ("have their calendars written", "已写出日历"),
                    Done::Replanned { .. } => ("replanned", "已重新编排"),
                    Done::Compared => ("compared", "已比较"),
                    Done::Exported => ("have their documents written", "已写出文件"),
                    Done::Reported => ("have their pages written", "已写出页面"),
                };
                let mut s = match (done, en) {
                    // A planner weighs the replanned ones, not the kept.
                    (Done::Replanned { kept }, true) => format!(
                        "Of {total} townships, {} replanned and {kept} kept as they were",
                        ok - kept
                    ),
                    (Done::Replanned { kept: 0 }, false) => {
                        format!("{total} 个镇街中 {ok} 个已重新编排")
                    }
                    (Done::Replanned { kept }, false) => format!(
                        "{total} 个镇街中 {} 个已重新编排，{kept} 个名册未变、保留原方案",
                        ok - kept
                    ),
                    (_, true) => format!("{ok} of {total} townships {en_done}"),
                    (_, false) => format!("{total} 个镇街中 {ok} 个{zh_done}"),
                };
                if !failing.is_empty() {
                    s += &if en {
                        format!("; failing: {}", list(failing, lang))
                    } else {
                        format!("；未通过：{}", list(failing, lang))
                    };
                }
                s += if en { "." } else { "。" };
                s
            }
        }
    }
}

/// What `validate` says of a city folder with a city.toml.
#[derive(Debug, Clone, PartialEq)]
pub enum CityInfo {
    /// The city, its townships and its districts with their counts.
    Heading {
        name: String,
        townships: usize,
        districts: Vec<(String, usize)>,
    },
    /// The values every township inherits (`section.field`, value); `city`
    /// the office's name (see [`whole`]).
    Inherited {
        city: String,
        values: Vec<(String, toml::Value)>,
    },
    /// A township's own values that differ from the city's: (field, own, city).
    Overrides {
        city: String,
        township: String,
        fields: Vec<(String, toml::Value, toml::Value)>,
    },
    /// No township differs from the city.
    NoOverrides { city: String },
    /// Townships that no district lists and that name none.
    NoDistrict { townships: Vec<String> },
}

impl Say for CityInfo {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            CityInfo::Heading {
                name,
                townships,
                districts,
            } => {
                let name = if !name.is_empty() {
                    name.clone()
                } else if en {
                    "the city".to_string()
                } else {
                    "全市".to_string()
                };
                let n = districts.len();
                // A city without districts (a county's townships) says none.
                if n == 0 {
                    return if en {
                        format!(
                            "{name}: {}",
                            super::counted(*townships, "township", "townships")
                        )
                    } else {
                        format!("{name}：{townships} 个镇街")
                    };
                }
                if en {
                    let ds: Vec<String> =
                        districts.iter().map(|(d, k)| format!("{d} {k}")).collect();
                    format!(
                        "{name}: {} in {}: {}",
                        super::counted(*townships, "township", "townships"),
                        super::counted(n, "district", "districts"),
                        ds.join(", ")
                    )
                } else {
                    let ds: Vec<String> = districts
                        .iter()
                        .map(|(d, k)| format!("{d} {k} 个"))
                        .collect();
                    format!(
                        "{name}：{townships} 个镇街，分属 {n} 个区：{}",
                        ds.join("、")
                    )
                }
            }
            CityInfo::Inherited { city, values } => {
                let mut s = if en {
                    "every township inherits, unless it gives its own:".to_string()
                } else {
                    format!("各镇街沿用{}设置（自行设置的除外）：", whole(city, lang))
                };
                for line in super::city_settings::setting_lines(values, lang) {
                    s += &format!("\n  {line}");
                }
                s
            }
            CityInfo::Overrides {
                city,
                township,
                fields,
            } => {
                let office = whole(city, lang);
                let fs: Vec<String> = fields
                    .iter()
                    .map(|(f, own, value)| {
                        super::city_settings::differs(f, own, value, &office, lang)
                    })
                    .collect();
                if en {
                    format!("{township} differs from {office}: {}", fs.join("; "))
                } else {
                    format!("{township}与{office}设置不同：{}", fs.join("；"))
                }
            }
            CityInfo::NoOverrides { city } => {
                if en {
                    format!("no township differs from {}'s settings", whole(city, lang))
                } else {
                    format!("没有镇街与{}设置不同", whole(city, lang))
                }
            }
            CityInfo::NoDistrict { townships } => {
                if en {
                    format!("in no district: {}", list(townships, lang))
                } else {
                    format!("未归入任何区：{}", list(townships, lang))
                }
            }
        }
    }
}

/// The line `validate` puts above a township's summary: its district.
pub fn district_line(district: &str, lang: Lang) -> String {
    if lang == Lang::En {
        format!("district: {district}")
    } else {
        format!("所属区：{district}")
    }
}

/// What the whole of a city folder is called in its settings and totals:
/// the office's own name where it is no city's (示例县, 顺德区: the name
/// `[city] name` gives and the city summary says), else 全市 / the city.
pub fn whole(city: &str, lang: Lang) -> String {
    match (city.is_empty() || city.ends_with('市'), lang) {
        (true, Lang::En) => "the city".into(),
        (true, Lang::Zh) => "全市".into(),
        (false, _) => city.to_string(),
    }
}

/// What the office's groups of townships are called in a column or a
/// heading: 区 in a city (or an office with no name), 片区 in a county or
/// a district's own office, whose groups (示例县's 北片, 南片) are no 区.
pub fn district_word(city: &str, lang: Lang) -> &'static str {
    match (lang, city.is_empty() || city.ends_with('市')) {
        (Lang::En, _) => "district",
        (Lang::Zh, true) => "区",
        (Lang::Zh, false) => "片区",
    }
}

/// The city total's label in a table or CSV: 全市合计, 示例县合计.
pub fn total_label(city: &str, lang: Lang) -> String {
    match (whole(city, lang), lang) {
        (w, Lang::En) if w == "the city" => "city total".into(),
        (w, Lang::En) => format!("{w} total"),
        (w, Lang::Zh) => format!("{w}合计"),
    }
}

/// The header of `compare --format csv` over a city's plan folders, the
/// first the base: costs, then shortfalls, then units moved against the
/// base, then units a successor took over.
pub fn compare_header(folders: &[String], lang: Lang) -> Vec<String> {
    let en = lang == Lang::En;
    let mut h = vec![if en { "township" } else { "镇街" }.to_string()];
    for f in folders {
        h.push(if en {
            format!("cost ({f})")
        } else {
            format!("方案得分（{f}）")
        });
    }
    for f in folders {
        h.push(if en {
            format!("sessions without a township member ({f})")
        } else {
            format!("缺少镇级人员的接待（{f}）")
        });
    }
    for f in &folders[1..] {
        h.push(if en {
            format!("units with another leader for other reasons ({f})")
        } else {
            format!("因其他原因更换领导的村居（{f}）")
        });
    }
    for f in &folders[1..] {
        h.push(if en {
            format!("units handed over to a successor or changed by a transfer ({f})")
        } else {
            format!("因接任或调动而换人的村居（{f}）")
        });
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn city_run_sentences_in_both_languages() {
        let cases = [
            (
                CityRunSaid::Line {
                    township: "祖庙街道".into(),
                    said: "x".into(),
                },
                "祖庙街道: x",
                "祖庙街道：x",
            ),
            (
                CityRunSaid::NoPlan {
                    path: "p/a.toml".into(),
                },
                "no plan at p/a.toml: plan the city first (zhudian plan CITY -o DIR)",
                "p/a.toml 处没有方案：请先编排全市（zhudian plan 城市 -o 文件夹）",
            ),
            (
                CityRunSaid::RosterGone {
                    done: Done::Checked,
                },
                "the city's rosters no longer hold this township's roster: not checked",
                "名册中已找不到这个镇街的名册，无法检查",
            ),
            (
                CityRunSaid::RosterGone {
                    done: Done::Reported,
                },
                "the city's rosters no longer hold this township's roster: no page written",
                "名册中已找不到这个镇街的名册，无法写出页面",
            ),
            (
                CityRunSaid::NeedsPlanFolder {
                    path: "a.toml".into(),
                },
                "a.toml is not a folder: for a city, give the folder of plans that zhudian plan CITY -o DIR wrote",
                "a.toml 不是文件夹：对全市运行时，请给出 zhudian plan 城市 -o 文件夹 写出的方案文件夹",
            ),
            (
                CityRunSaid::NoPlans { dir: "d".into() },
                "d holds no plan files: give the folder of plans that zhudian plan CITY -o DIR wrote",
                "d 中没有方案文件：请给出 zhudian plan 城市 -o 文件夹 写出的方案文件夹",
            ),
            (
                CityRunSaid::Unchanged,
                "roster unchanged: the plan in force is kept as it is",
                "名册未变：现行方案原样保留",
            ),
            (
                CityRunSaid::Replanned {
                    changes: 2,
                    cost: 1.5,
                    shortfalls: 0,
                },
                "replanned: 2 changes of leader or helper, cost 1.50, 0 sessions without a township member",
                "已重新编排：2 处更换领导或团队成员，方案得分 1.50，缺少镇级人员的接待 0 次",
            ),
            (
                CityRunSaid::Compared {
                    costs: vec![1.0, 2.0],
                    shortfalls: vec![0, 3],
                    moved: vec![4],
                    handed: vec![0],
                    transfer: false,
                },
                "cost 1.00 → 2.00; sessions without a township member 0 → 3; units with another leader than the base 4",
                "方案得分 1.00 → 2.00；缺少镇级人员的接待 0 → 3；与基准相比更换领导的村（社区） 4",
            ),
            (
                CityRunSaid::Compared {
                    costs: vec![1.0, 2.0],
                    shortfalls: vec![0, 0],
                    moved: vec![1],
                    handed: vec![2],
                    transfer: false,
                },
                "cost 1.00 → 2.00; sessions without a township member 0 → 0; units with another leader than the base for other reasons 1; units handed over to a successor or changed by a transfer 2",
                "方案得分 1.00 → 2.00；缺少镇级人员的接待 0 → 0；与基准相比因其他原因更换领导的村（社区） 1；因接任或调动而换人的村（社区） 2",
            ),
            (
                CityRunSaid::Compared {
                    costs: vec![1.0, 2.0],
                    shortfalls: vec![0, 0],
                    moved: vec![0],
                    handed: vec![1],
                    transfer: true,
                },
                "cost 1.00 → 2.00; sessions without a township member 0 → 0; units with another leader than the base for other reasons 0; units handed over to a successor or changed by a transfer 1",
                "方案得分 1.00 → 2.00；缺少镇级人员的接待 0 → 0；与基准相比因其他原因更换领导的村（社区） 0；因接任或调动而换人的村（社区） 1",
            ),
            (
                CityRunSaid::Totals {
                    done: Done::Checked,
                    ok: 1,
                    total: 3,
                    failing: vec!["乐从镇".into(), "西樵镇".into()],
                },
                "1 of 3 townships have a valid plan; failing: 乐从镇 and 西樵镇.",
                "3 个镇街中 1 个方案有效；未通过：乐从镇和西樵镇。",
            ),
            (
                CityRunSaid::Totals {
                    done: Done::Calendars,
                    ok: 2,
                    total: 2,
                    failing: vec![],
                },
                "2 of 2 townships have their calendars written.",
                "2 个镇街中 2 个已写出日历。",
            ),
        ];
        for (said, en, zh) in cases {
            assert_eq!(said.en(), en);
            assert_eq!(said.zh(), zh);
        }
        assert_eq!(CityRunSaid::Infeasible.en(), "no plan is possible:");
        assert_eq!(CityRunSaid::Infeasible.zh(), "无法排出方案：");
        assert_eq!(CityRunSaid::RosterInvalid.en(), "the roster is not valid:");
        assert_eq!(CityRunSaid::RosterInvalid.zh(), "名册无效：");
    }

    #[test]
    fn city_settings_in_both_languages() {
        let h = CityInfo::Heading {
            name: "佛山市".into(),
            townships: 3,
            districts: vec![("高明区".into(), 1), ("三水区".into(), 2)],
        };
        assert_eq!(
            h.en(),
            "佛山市: 3 townships in 2 districts: 高明区 1, 三水区 2"
        );
        assert_eq!(
            h.zh(),
            "佛山市：3 个镇街，分属 2 个区：高明区 1 个、三水区 2 个"
        );
        // A county without districts (a second trial read 分属 0 个区).
        let county = CityInfo::Heading {
            name: "示范县".into(),
            townships: 3,
            districts: Vec::new(),
        };
        assert_eq!(county.zh(), "示范县：3 个镇街");
        assert_eq!(county.en(), "示范县: 3 townships");
        let i = CityInfo::Inherited {
            city: "佛山市".into(),
            values: vec![
                ("station.weekday".into(), toml::Value::from("Tue")),
                ("station.start".into(), toml::Value::from("15:00")),
                ("station.end".into(), toml::Value::from("18:30")),
            ],
        };
        assert_eq!(
            i.en(),
            "every township inherits, unless it gives its own:\n  station.weekday = \"Tue\"\n  station.start = \"15:00\"\n  station.end = \"18:30\""
        );
        assert_eq!(
            i.zh(),
            "各镇街沿用全市设置（自行设置的除外）：\n  驻点日：每周二\n  驻点时间：15:00—18:30"
        );
        let o = CityInfo::Overrides {
            city: String::new(),
            township: "南山镇".into(),
            fields: vec![
                ("policy.min_present".into(), 1.into(), 2.into()),
                ("objective.travel".into(), 3.0.into(), 1.0.into()),
            ],
        };
        assert_eq!(
            o.en(),
            "南山镇 differs from the city: policy.min_present = 1 (city: 2); objective.travel = 3.0 (city: 1.0)"
        );
        assert_eq!(
            o.zh(),
            "南山镇与全市设置不同：每次接待最少到场 1 人（全市：2 人）；路程权重 3（全市：1）"
        );
        let none = CityInfo::NoOverrides {
            city: "佛山市".into(),
        };
        assert_eq!(none.en(), "no township differs from the city's settings");
        assert_eq!(none.zh(), "没有镇街与全市设置不同");
        // A county's office says its own name (a trial read 全市 in 示范县).
        let i = CityInfo::Inherited {
            city: "示范县".into(),
            values: vec![("station.weekday".into(), toml::Value::from("Tue"))],
        };
        assert_eq!(
            i.zh(),
            "各镇街沿用示范县设置（自行设置的除外）：\n  驻点日：每周二"
        );
        let o = CityInfo::Overrides {
            city: "示范县".into(),
            township: "南山镇".into(),
            fields: vec![("policy.min_present".into(), 1.into(), 2.into())],
        };
        assert_eq!(
            o.en(),
            "南山镇 differs from 示范县: policy.min_present = 1 (示范县: 2)"
        );
        assert_eq!(
            o.zh(),
            "南山镇与示范县设置不同：每次接待最少到场 1 人（示范县：2 人）"
        );
        let none = CityInfo::NoOverrides {
            city: "示范县".into(),
        };
        assert_eq!(none.en(), "no township differs from 示范县's settings");
        assert_eq!(none.zh(), "没有镇街与示范县设置不同");
        let d = CityInfo::NoDistrict {
            townships: vec!["甲镇".into()],
        };
        assert_eq!(district_line("三水区", Lang::En), "district: 三水区");
        assert_eq!(district_line("三水区", Lang::Zh), "所属区：三水区");
        assert_eq!(d.en(), "in no district: 甲镇");
        assert_eq!(d.zh(), "未归入任何区：甲镇");
    }

    #[test]
    fn compare_csv_header_in_both_languages() {
        let f = vec!["a".to_string(), "b".to_string()];
        assert_eq!(
            compare_header(&f, Lang::En).join(","),
            "township,cost (a),cost (b),sessions without a township member (a),sessions without a township member (b),units with another leader for other reasons (b),units handed over to a successor or changed by a transfer (b)"
        );
        assert_eq!(
            compare_header(&f, Lang::Zh).join(","),
            "镇街,方案得分（a）,方案得分（b）,缺少镇级人员的接待（a）,缺少镇级人员的接待（b）,因其他原因更换领导的村居（b）,因接任或调动而换人的村居（b）"
        );
        assert_eq!(total_label("", Lang::En), "city total");
        assert_eq!(total_label("佛山市", Lang::Zh), "全市合计");
        assert_eq!(total_label("示范县", Lang::En), "示范县 total");
        assert_eq!(total_label("示范县", Lang::Zh), "示范县合计");
    }
}
