//! Words for the city-wide what-if: the city's totals and the districts'
//! subtotals as tables (base first, one column per variant, staffing
//! first), the townships each variant changes most, and the townships that
//! could not be planned. Columns line up in Chinese, counting wide
//! characters as two.

use super::scenario::Figure;
use super::table::{pad, pad_left, width};
use super::{Lang, Say};
use crate::scenario::city::{CityWhatif, Figures, Group, Town};

/// The rows of the tables, staffing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Shortfalls,
    Makeups,
    Station,
    Visits,
    Deviation,
    Moved,
    Cost,
}

const ROWS: [Row; 7] = [
    Row::Shortfalls,
    Row::Makeups,
    Row::Station,
    Row::Visits,
    Row::Deviation,
    Row::Moved,
    Row::Cost,
];

impl Row {
    fn label(self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            Row::Shortfalls => Figure::Shortfalls.label(lang),
            Row::Makeups => Figure::Makeups.label(lang),
            Row::Station => Figure::StationSessions.label(lang),
            Row::Visits => Figure::VisitSessions.label(lang),
            Row::Deviation if en => "largest load deviation (%)".into(),
            Row::Deviation => "最大工作量偏差（%）".into(),
            Row::Moved if en => "units whose leader changes".into(),
            Row::Moved => "换了联系领导的单位".into(),
            Row::Cost => Figure::Cost.label(lang),
        }
    }

    fn value(self, f: &Figures) -> String {
        match self {
            Row::Shortfalls => f.shortfalls.to_string(),
            Row::Makeups => f.makeups.to_string(),
            Row::Station => f.station_sessions.to_string(),
            Row::Visits => f.visit_half_days.to_string(),
            Row::Deviation => format!("{:.1}", f.max_deviation_pct),
            Row::Moved => f.moved.to_string(),
            Row::Cost => format!("{:.2}", f.cost),
        }
    }
}

/// A group's table: a header of the names, then one row per figure,
/// indented by `indent`; the base's "units whose leader changes" is "—".
fn table(names: &[String], g: &Group, indent: &str, lang: Lang) -> String {
    let label_w = ROWS
        .iter()
        .map(|r| width(&r.label(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let widths: Vec<usize> = names.iter().map(|n| width(n).max(9)).collect();
    let mut s = format!("{indent}{}", " ".repeat(label_w));
    for (n, w) in names.iter().zip(&widths) {
        s += &format!("  {}", pad_left(n, *w));
    }
    s = s.trim_end().to_string() + "\n";
    for row in ROWS {
        s += &format!("{indent}{}", pad(&row.label(lang), label_w));
        for (i, (f, w)) in g.figures.iter().zip(&widths).enumerate() {
            let v = if i == 0 && row == Row::Moved {
                "—".to_string()
            } else {
                row.value(f)
            };
            s += &format!("  {}", pad_left(&v, *w));
        }
        s += "\n";
    }
    s
}

fn townships(n: usize) -> String {
    match n {
        1 => "1 township".into(),
        n => format!("{n} townships"),
    }
}

/// A township as the lists name it: "南山镇 (三水区)" / "南山镇（三水区）".
fn town_name(t: &Town, lang: Lang) -> String {
    match (&t.district, lang) {
        (Some(d), Lang::En) => format!("{} ({d})", t.township),
        (Some(d), Lang::Zh) => format!("{}（{d}）", t.township),
        (None, _) => t.township.clone(),
    }
}

/// What changes in a township under a variant: each figure that differs
/// from the base's, "base → variant".
fn changes(b: &Figures, x: &Figures, lang: Lang) -> String {
    let mut parts = Vec::new();
    for row in ROWS {
        let label = row.label(lang);
        if row == Row::Moved {
            if x.moved > 0 {
                parts.push(format!("{label} {}", x.moved));
            }
        } else if row.value(b) != row.value(x) {
            parts.push(format!("{label} {} → {}", row.value(b), row.value(x)));
        }
    }
    parts.join(if lang == Lang::En { ", " } else { "，" })
}

/// The whole comparison: city totals, district subtotals, then for each
/// variant the `top` townships it changes most.
pub struct CityWhatifReport<'a> {
    pub whatif: &'a CityWhatif,
    pub top: usize,
}

impl Say for CityWhatifReport<'_> {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let w = self.whatif;
        let total = w.total();
        let mut s = if en {
            format!(
                "City totals, {} (the base, then each variant):\n",
                townships(total.townships)
            )
        } else {
            format!(
                "全市合计（{} 个镇街；先现方案，后各方案）：\n",
                total.townships
            )
        };
        s += &table(&w.names, &total, "  ", lang);
        let districts = w.districts();
        if !districts.is_empty() {
            s += if en {
                "\nBy district:\n"
            } else {
                "\n各区小计：\n"
            };
            for d in &districts {
                let name = d.district.clone().unwrap_or_default();
                s += &if en {
                    format!("  {name} ({})\n", townships(d.townships))
                } else {
                    format!("  {name}（{} 个镇街）\n", d.townships)
                };
                s += &table(&w.names, d, "    ", lang);
            }
        }
        for (v, name) in w.names.iter().enumerate().skip(1) {
            let (towns, all) = w.most_changed(v, self.top);
            s += "\n";
            if towns.is_empty() {
                s += &if en {
                    format!("'{name}' changes no township's figures.\n")
                } else {
                    format!("“{name}”没有改变任何镇街的数字。\n")
                };
                continue;
            }
            s += &if en {
                format!(
                    "Townships '{name}' changes most ({} of the {all} it changes):\n",
                    towns.len()
                )
            } else {
                format!(
                    "“{name}”变化最大的镇街（共 {all} 个有变化，列出 {} 个）：\n",
                    towns.len()
                )
            };
            for t in towns {
                if let (Some(b), Some(x)) = (&t.figures[0], &t.figures[v]) {
                    let sep = if en { ": " } else { "：" };
                    s += &format!("  {}{sep}{}\n", town_name(t, lang), changes(b, x, lang));
                }
            }
        }
        let left_out: Vec<String> = w
            .towns
            .iter()
            .filter(|t| !t.complete())
            .map(|t| t.township.clone())
            .collect();
        if !left_out.is_empty() {
            s += &if en {
                format!(
                    "\nLeft out of the totals (not planned under every variant): {}\n",
                    super::list(&left_out, lang)
                )
            } else {
                format!(
                    "\n未计入合计（并非每个方案都排出了方案）：{}\n",
                    left_out.join("、")
                )
            };
        }
        s
    }
}

/// A line of the city what-if's run.
#[derive(Debug, Clone, PartialEq)]
pub enum CityWhatifSaid {
    /// A township whose roster cannot be read, or whose base cannot be planned.
    BaseFailed { township: String },
    /// A variant that cannot be planned in a township.
    VariantFailed { township: String, variant: String },
    /// `--format` other than table.
    TableOnly,
    /// `--report` on a city.
    NoReport,
}

impl Say for CityWhatifSaid {
    fn say(&self, lang: Lang) -> String {
        use CityWhatifSaid::*;
        let en = lang == Lang::En;
        match self {
            BaseFailed { township } => {
                if en {
                    format!("{township}: cannot be planned as it is, left out:")
                } else {
                    format!("{township}：现方案无法编排，不参与比较：")
                }
            }
            VariantFailed { township, variant } => {
                if en {
                    format!("{township}: variant '{variant}' cannot be planned:")
                } else {
                    format!("{township}：方案“{variant}”无法编排：")
                }
            }
            TableOnly => {
                if en {
                    "a city's what-if prints a table only; for CSV, write the plans with --out-dir and run `zhudian compare DIR/00-base DIR/01-… --format csv`".into()
                } else {
                    "全市的 whatif 只输出表格；如需 CSV，请用 --out-dir 写出各方案，再运行 zhudian compare DIR/00-base DIR/01-… --format csv".into()
                }
            }
            NoReport => {
                if en {
                    "--report is not available for a city's what-if yet: write the plans with --out-dir and compare the folders with `zhudian compare DIR/00-base DIR/01-…`".into()
                } else {
                    "全市的 whatif 暂不支持 --report：请用 --out-dir 写出各方案，再用 zhudian compare DIR/00-base DIR/01-… 比较各文件夹".into()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(short: usize, station: usize, moved: usize, cost: f64) -> Option<Figures> {
        Some(Figures {
            shortfalls: short,
            makeups: 0,
            station_sessions: station,
            visit_half_days: 10,
            max_deviation_pct: 5.0,
            moved,
            cost,
        })
    }

    #[test]
    fn the_city_tables_and_the_changes_word_for_word() {
        let w = CityWhatif {
            names: vec!["base".into(), "远村隔周".into()],
            towns: vec![
                Town {
                    township: "大塘镇".into(),
                    district: Some("三水区".into()),
                    figures: vec![f(1, 550, 0, 10.0), f(0, 450, 2, 11.5)],
                },
                Town {
                    township: "南山镇".into(),
                    district: Some("三水区".into()),
                    figures: vec![f(0, 475, 0, 5.0), f(0, 475, 0, 5.0)],
                },
                Town {
                    township: "更合镇".into(),
                    district: None,
                    figures: vec![f(0, 800, 0, 1.0), None],
                },
            ],
        };
        let r = CityWhatifReport { whatif: &w, top: 5 };
        assert_eq!(
            r.en(),
            "City totals, 2 townships (the base, then each variant):\n\
             \x20                                            base   远村隔周\n\
             \x20 sessions without a township member            1          0\n\
             \x20 make-up sessions                              0          0\n\
             \x20 station sessions                           1025        925\n\
             \x20 household-visit half-days                    20         20\n\
             \x20 largest load deviation (%)                  5.0        5.0\n\
             \x20 units whose leader changes                    —          2\n\
             \x20 cost                                      15.00      16.50\n\
             \n\
             By district:\n\
             \x20 三水区 (2 townships)\n\
             \x20                                              base   远村隔周\n\
             \x20   sessions without a township member            1          0\n\
             \x20   make-up sessions                              0          0\n\
             \x20   station sessions                           1025        925\n\
             \x20   household-visit half-days                    20         20\n\
             \x20   largest load deviation (%)                  5.0        5.0\n\
             \x20   units whose leader changes                    —          2\n\
             \x20   cost                                      15.00      16.50\n\
             \n\
             Townships '远村隔周' changes most (1 of the 1 it changes):\n\
             \x20 大塘镇 (三水区): sessions without a township member 1 → 0, station sessions 550 → 450, units whose leader changes 2, cost 10.00 → 11.50\n\
             \n\
             Left out of the totals (not planned under every variant): 更合镇\n"
        );
        let zh = r.zh();
        assert!(
            zh.starts_with("全市合计（2 个镇街；先现方案，后各方案）：\n"),
            "{zh}"
        );
        assert!(zh.contains("\n  大塘镇（三水区）：缺少镇级人员的接待 1 → 0，驻点次数 550 → 450，换了联系领导的单位 2，方案扣分 10.00 → 11.50\n"), "{zh}");
        assert!(
            zh.ends_with("\n未计入合计（并非每个方案都排出了方案）：更合镇\n"),
            "{zh}"
        );
    }
}
