//! The table a city run (`plan CITY`) prints: one row per township (units,
//! leaders in force at the year's end who lead a unit there, cost, gap, status, sessions without a
//! township member, warnings, seconds), what its figures count, and the
//! closing line with the totals (each person once).

use super::table::{Align, Row, grid};
use super::{Lang, Say};

/// One township's line in a city run.
#[derive(Debug, Clone, PartialEq)]
pub enum CityRow {
    Planned {
        township: String,
        file: String,
        units: usize,
        /// Leaders in force at the year's end who lead a unit here.
        leaders: usize,
        /// Leaders who left or handed over during the year.
        left: usize,
        /// Shared cadres in force who lead no unit here (not in `leaders`).
        idle: Vec<String>,
        cost: f64,
        gap: f64,
        optimal: bool,
        shortfalls: usize,
        /// Of `shortfalls`, those made up later.
        made_up: usize,
        warnings: usize,
        seconds: f64,
    },
    Infeasible {
        township: String,
        causes: Vec<String>,
    },
    BadRoster {
        source: String,
        problems: Vec<String>,
    },
}

/// What a city run says.
#[derive(Debug, Clone, PartialEq)]
pub enum CitySaid {
    Table {
        rows: Vec<CityRow>,
        /// The planned townships' leaders, each person once.
        leaders: usize,
        seconds: f64,
        out_dir: String,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
}

impl Say for CitySaid {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            CitySaid::CannotWrite { path, detail } => {
                if en {
                    format!("cannot write {path}: {detail}")
                } else {
                    format!("无法写入 {path}：{detail}")
                }
            }
            CitySaid::Table {
                rows,
                leaders,
                seconds,
                out_dir,
            } => {
                let head: Vec<String> = if en {
                    [
                        "township",
                        "units",
                        "leaders",
                        "cost",
                        "gap",
                        "status",
                        "short sessions",
                        "warnings",
                        "seconds",
                    ]
                } else {
                    [
                        "镇街",
                        "村居",
                        "领导",
                        "方案得分",
                        "差距",
                        "状态",
                        "缺少镇级人员的接待",
                        "提醒",
                        "秒",
                    ]
                }
                .map(String::from)
                .to_vec();
                let mut table: Vec<Row> = Vec::new();
                let (mut units, mut cost, mut planned, mut short, mut made) = (0, 0.0, 0, 0, 0);
                let mut gone: Vec<(String, usize)> = Vec::new();
                let mut idle_towns: Vec<(String, Vec<String>)> = Vec::new();
                for r in rows {
                    match r {
                        CityRow::Planned {
                            township,
                            units: u,
                            leaders: l,
                            left,
                            idle,
                            cost: c,
                            gap,
                            optimal,
                            shortfalls,
                            made_up,
                            warnings,
                            seconds,
                            ..
                        } => {
                            units += u;
                            cost += c;
                            planned += 1;
                            short += shortfalls;
                            made += made_up;
                            if *left > 0 {
                                gone.push((township.clone(), *left));
                            }
                            if !idle.is_empty() {
                                idle_towns.push((township.clone(), idle.clone()));
                            }
                            let status = super::terms::status(
                                if *optimal { "optimal" } else { "feasible" },
                                lang,
                            );
                            table.push(Row::Cells(vec![
                                township.clone(),
                                u.to_string(),
                                l.to_string(),
                                format!("{c:.2}"),
                                format!("{:.1}%", gap * 100.0),
                                status.to_string(),
                                shortfalls.to_string(),
                                warnings.to_string(),
                                format!("{seconds:.2}"),
                            ]));
                        }
                        CityRow::Infeasible { township, causes } => {
                            let mut t = if en {
                                format!("{township}: no plan exists:\n")
                            } else {
                                format!("{township}：无法编排：\n")
                            };
                            for c in causes {
                                t += &format!("    {c}\n");
                            }
                            table.push(Row::Text(t));
                        }
                        CityRow::BadRoster { source, problems } => {
                            let mut t = if en {
                                format!("{source}: the roster is not valid:\n")
                            } else {
                                format!("{source}：名册无效：\n")
                            };
                            for p in problems {
                                t += &format!("    {p}\n");
                            }
                            table.push(Row::Text(t));
                        }
                    }
                }
                use Align::{Left, Right};
                let align = [Left, Right, Right, Right, Right, Left, Right, Right, Right];
                let mut s = grid("", &head, &table, &align, false);
                if planned > 0 {
                    s += if en {
                        "short sessions: station sessions in the year held without a township member, those made up later included (a township's page shows them as not made up and made up)\n"
                    } else {
                        "缺少镇级人员的接待：全年没有镇级人员到场的驻点接待次数，事后已补接待的也计在内（各镇街页面分“未补接待”“已补接待”两项）\n"
                    };
                    s += &if en {
                        "leaders: in post at the year's end, leading a unit there".to_string()
                    } else {
                        "领导：年底在任、在本镇街联系村（社区）的驻点领导".to_string()
                    };
                    let said: Vec<String> = gone
                        .iter()
                        .map(|(t, n)| {
                            if en {
                                format!("{t} {n}")
                            } else {
                                format!("{t}另有 {n} 名")
                            }
                        })
                        .collect();
                    if !said.is_empty() {
                        s += &if en {
                            format!(
                                "; left or handed over during the year besides: {}",
                                said.join(", ")
                            )
                        } else {
                            format!("；{}年内离任或交接", said.join("、"))
                        };
                    }
                    if !idle_towns.is_empty() {
                        s += &super::shared_idle::table_note(&idle_towns, lang);
                    }
                    s += "\n";
                }
                let of_them = |en: bool| match (made, en) {
                    (0, _) => String::new(),
                    (n, true) => format!(" ({n} made up later)"),
                    (n, false) => format!("（其中已补接待 {n} 次）"),
                };
                s += &if en {
                    format!(
                        "{planned} of {} planned into {out_dir}: {}, {}, total cost {cost:.2}, {} without a township member{}; {seconds:.1} s\n",
                        super::counted(rows.len(), "township", "townships"),
                        super::counted(units, "unit", "units"),
                        super::counted(*leaders, "leader", "leaders"),
                        super::counted(short, "session", "sessions"),
                        of_them(true)
                    )
                } else {
                    format!(
                        "{} 个镇街中 {planned} 个已编排，写入 {out_dir}：村（社区） {units} 个，领导 {leaders} 名，方案得分合计 {cost:.2}（越低越好），缺少镇级人员的接待 {short} 次{}；用时 {seconds:.1} 秒\n",
                        rows.len(),
                        of_them(false)
                    )
                };
                s
            }
        }
    }
}
