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
pub enum Row {
    Shortfalls,
    Makeups,
    Station,
    Visits,
    Deviation,
    Moved,
    Cost,
}

pub const ROWS: [Row; 7] = [
    Row::Shortfalls,
    Row::Makeups,
    Row::Station,
    Row::Visits,
    Row::Deviation,
    Row::Moved,
    Row::Cost,
];

impl Row {
    /// The figure's key in CSV and TOML, as the single township's what-if
    /// names it.
    pub fn key(self) -> &'static str {
        match self {
            Row::Shortfalls => Figure::Shortfalls.key(),
            Row::Makeups => Figure::Makeups.key(),
            Row::Station => Figure::StationSessions.key(),
            Row::Visits => Figure::VisitSessions.key(),
            Row::Deviation => Figure::MaxDeviation.key(),
            Row::Moved => "units_moved",
            Row::Cost => Figure::Cost.key(),
        }
    }

    pub fn label(self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            Row::Shortfalls => Figure::Shortfalls.label(lang),
            Row::Makeups => Figure::Makeups.label(lang),
            Row::Station => Figure::StationSessions.label(lang),
            Row::Visits => Figure::VisitSessions.label(lang),
            Row::Deviation if en => "largest load deviation (%)".into(),
            Row::Deviation => "最大工作量偏差（%）".into(),
            Row::Moved if en => "units whose leader changes".into(),
            Row::Moved => "换了联系领导的村居".into(),
            Row::Cost => Figure::Cost.label(lang),
        }
    }

    pub fn value(self, f: &Figures) -> String {
        match self {
            Row::Shortfalls => f.shortfalls.to_string(),
            Row::Makeups => f.makeups.to_string(),
            Row::Station => f.station_sessions.to_string(),
            Row::Visits => f.visit_sessions.to_string(),
            Row::Deviation => format!("{:.1}", f.max_deviation_pct),
            Row::Moved => f.moved.to_string(),
            Row::Cost => format!("{:.2}", f.cost),
        }
    }
}

/// A figure's cell: the base's "units whose leader changes" is "—", a
/// column with no figures (a variant not planned everywhere) says so.
pub fn cell(row: Row, column: usize, f: Option<&Figures>, lang: Lang) -> String {
    match f {
        Some(_) if column == 0 && row == Row::Moved => "—".to_string(),
        Some(f) => row.value(f),
        None => not_planned(lang).to_string(),
    }
}

/// The cell of a column that was not planned.
pub fn not_planned(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "not planned",
        Lang::Zh => "未能编排",
    }
}

/// A group's table: a header of the names, then one row per figure,
/// indented by `indent`.
fn table(names: &[String], g: &Group, indent: &str, lang: Lang) -> String {
    let label_w = ROWS
        .iter()
        .map(|r| width(&r.label(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let widths: Vec<usize> = names
        .iter()
        .zip(&g.figures)
        .enumerate()
        .map(|(i, (n, f))| {
            let cells = ROWS.iter().map(|r| width(&cell(*r, i, f.as_ref(), lang)));
            cells.max().unwrap_or(0).max(width(n)).max(9)
        })
        .collect();
    let mut s = format!("{indent}{}", " ".repeat(label_w));
    for (n, w) in names.iter().zip(&widths) {
        s += &format!("  {}", pad_left(n, *w));
    }
    s = s.trim_end().to_string() + "\n";
    for row in ROWS {
        s += &format!("{indent}{}", pad(&row.label(lang), label_w));
        for (i, (f, w)) in g.figures.iter().zip(&widths).enumerate() {
            s += &format!("  {}", pad_left(&cell(row, i, f.as_ref(), lang), *w));
        }
        s += "\n";
    }
    s
}

pub(super) fn townships(n: usize) -> String {
    match n {
        1 => "1 township".into(),
        n => format!("{n} townships"),
    }
}

/// A township as the lists name it: "南山镇 (三水区)" / "南山镇（三水区）".
pub fn town_name(t: &Town, lang: Lang) -> String {
    match (&t.district, lang) {
        (Some(d), Lang::En) => format!("{} ({d})", t.township),
        (Some(d), Lang::Zh) => format!("{}（{d}）", t.township),
        (None, _) => t.township.clone(),
    }
}

/// What changes in a township under a variant: each figure that differs
/// from the base's, "base → variant".
pub fn changes(b: &Figures, x: &Figures, lang: Lang) -> String {
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

/// The title of the what-if page: "佛山市：各方案比较".
pub fn whatif_title(city: &str, lang: Lang) -> String {
    match (lang, city.is_empty()) {
        (Lang::En, true) => "What-if for the city: the variants compared".into(),
        (Lang::En, false) => format!("What-if for {city}: the variants compared"),
        (Lang::Zh, true) => "全市方案比较".into(),
        (Lang::Zh, false) => format!("{city}：各方案比较"),
    }
}

/// The heading of the city's totals (no closing colon): 全市合计, or a
/// county's own (示例县合计).
pub fn total_heading(n: usize, city: &str, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let whole = super::city::whole(city, lang);
            let whole = if whole == "the city" {
                "City".into()
            } else {
                whole
            };
            format!(
                "{whole} totals, {} (the base: the whole year planned afresh on the rosters as they stand, not the plan in force; then each variant)",
                townships(n)
            )
        }
        Lang::Zh => format!(
            "{}（{n} 个镇街；先现名册方案（按现名册全年重新编排，不是正在执行的方案），后各方案）",
            super::city::total_label(city, lang)
        ),
    }
}

/// The heading of the districts' subtotals: 各区小计, a county's 各片区小计.
pub fn districts_heading(city: &str, lang: Lang) -> String {
    match lang {
        Lang::En => "By district".into(),
        Lang::Zh => format!("各{}小计", super::city::district_word(city, lang)),
    }
}

/// One district's heading: "三水区 (7 townships)".
pub fn district_heading(name: &str, n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} ({})", townships(n)),
        Lang::Zh => format!("{name}（{n} 个镇街）"),
    }
}

/// The heading of the townships a variant changes most, or the sentence
/// that it changes none (`shown` 0).
pub fn changed_heading(name: &str, shown: usize, all: usize, lang: Lang) -> String {
    match (lang, shown) {
        (Lang::En, 0) => format!("'{name}' changes no township's figures."),
        (Lang::Zh, 0) => format!("“{name}”没有改变任何镇街的数字。"),
        (Lang::En, _) => {
            format!("Townships '{name}' changes most ({shown} of the {all} it changes)")
        }
        (Lang::Zh, _) => format!("“{name}”变化最大的镇街（共 {all} 个有变化，列出 {shown} 个）"),
    }
}

/// What is said of variant `v` above the townships it changes most: the
/// townships where it could not be planned (then it has no totals), that
/// it changes nothing where it was planned (when `changed` is 0), and a
/// better score that comes from doing less.
pub fn variant_notes(w: &CityWhatif, v: usize, changed: usize, lang: Lang) -> Vec<String> {
    let name = &w.names[v];
    let (failed, based) = w.not_planned(v);
    let planned = based - failed.len();
    let mut notes = Vec::new();
    if based == 0 {
        return notes;
    }
    if planned == 0 {
        notes.push(match lang {
            Lang::En => format!(
                "'{name}' could not be planned in any township (why: below), so it has no figures."
            ),
            Lang::Zh => format!("“{name}”在各镇街都无法编排（原因见下），没有可比较的数字。"),
        });
        return notes;
    }
    if !failed.is_empty() {
        notes.push(match lang {
            Lang::En => format!(
                "'{name}' could not be planned in {} (why: below), so it has no totals; its changes are those of the other {}.",
                super::list(&failed, lang),
                townships(planned)
            ),
            Lang::Zh => format!(
                "“{name}”在{}无法编排（原因见下），没有合计；以下只比较其余 {planned} 个镇街。",
                failed.join("、")
            ),
        });
        if changed == 0 {
            notes.push(match lang {
                Lang::En => format!(
                    "'{name}' changes no figures of the other {}.",
                    townships(planned)
                ),
                Lang::Zh => format!("“{name}”在其余 {planned} 个镇街没有改变任何数字。"),
            });
        }
    } else if changed == 0 {
        notes.push(changed_heading(name, 0, 0, lang));
    }
    // A lower score with more sessions short: the score hides the staffing.
    let total = w.total();
    if let (Some(Some(b)), Some(Some(x))) = (total.figures.first(), total.figures.get(v))
        && x.cost < b.cost - 0.005
        && x.shortfalls > b.shortfalls
    {
        let said = super::scenario::WhatifSaid::BetterScoreWorseStaffing {
            name: name.clone(),
            score: format!("{:.2}", x.cost),
            base_score: format!("{:.2}", b.cost),
            short: x.shortfalls.to_string(),
            base_short: b.shortfalls.to_string(),
        };
        notes.push(said.say(lang));
    }
    notes
}

/// The townships left out of every comparison: their base cannot be planned.
pub fn left_out_line(towns: &[String], lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Left out of the totals (cannot be planned as they are): {}",
            super::list(towns, lang)
        ),
        Lang::Zh => format!("未计入合计（现名册方案无法编排）：{}", towns.join("、")),
    }
}

impl Say for CityWhatifReport<'_> {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let colon = if en { ":\n" } else { "：\n" };
        let w = self.whatif;
        let total = w.total();
        let mut s = total_heading(total.townships, &w.city, lang) + colon;
        s += &table(&w.names, &total, "  ", lang);
        let districts = w.districts();
        if !districts.is_empty() {
            s += &format!("\n{}{colon}", districts_heading(&w.city, lang));
            for d in &districts {
                let name = d.district.clone().unwrap_or_default();
                s += &format!("  {}\n", district_heading(&name, d.townships, lang));
                s += &table(&w.names, d, "    ", lang);
            }
        }
        for (v, name) in w.names.iter().enumerate().skip(1) {
            let (towns, all) = w.most_changed(v, self.top);
            s += "\n";
            for note in variant_notes(w, v, all, lang) {
                s += &note;
                s += "\n";
            }
            if towns.is_empty() {
                continue;
            }
            s += &changed_heading(name, towns.len(), all, lang);
            s += colon;
            for t in towns {
                if let (Some(b), Some(x)) = (&t.figures[0], &t.figures[v]) {
                    let sep = if en { ": " } else { "：" };
                    s += &format!("  {}{sep}{}\n", town_name(t, lang), changes(b, x, lang));
                    // Each unit whose leader the variant changes, and why.
                    for m in t.moves.get(v).into_iter().flatten() {
                        s += &format!("    {}\n", m.say(lang));
                    }
                }
            }
        }
        let left_out = w.left_out();
        if !left_out.is_empty() {
            s += &format!("\n{}\n", left_out_line(&left_out, lang));
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
                    format!("{township}：现名册方案无法编排，不参与比较：")
                }
            }
            VariantFailed { township, variant } => {
                if en {
                    format!("{township}: variant '{variant}' cannot be planned:")
                } else {
                    format!("{township}：方案“{variant}”无法编排：")
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn f(short: usize, station: usize, moved: usize, cost: f64) -> Option<Figures> {
        Some(Figures {
            shortfalls: short,
            makeups: 0,
            station_sessions: station,
            visit_sessions: 10,
            max_deviation_pct: 5.0,
            moved,
            cost,
        })
    }

    /// Three townships, one in no district whose base cannot be planned:
    /// the formats' tests use it too.
    pub(crate) fn sample() -> CityWhatif {
        CityWhatif {
            city: "佛山市".into(),
            names: vec!["base".into(), "远村隔周".into()],
            towns: vec![
                Town {
                    township: "大塘镇".into(),
                    district: Some("三水区".into()),
                    figures: vec![f(1, 550, 0, 10.0), f(0, 450, 2, 11.5)],
                    moves: Vec::new(),
                },
                Town {
                    township: "南山镇".into(),
                    district: Some("三水区".into()),
                    figures: vec![f(0, 475, 0, 5.0), f(0, 475, 0, 5.0)],
                    moves: Vec::new(),
                },
                Town {
                    township: "更合镇".into(),
                    district: None,
                    figures: vec![None, None],
                    moves: Vec::new(),
                },
            ],
        }
    }

    #[test]
    fn the_city_tables_and_the_changes_word_for_word() {
        let w = sample();
        let r = CityWhatifReport { whatif: &w, top: 5 };
        assert_eq!(
            r.en(),
            "City totals, 2 townships (the base: the whole year planned afresh on the rosters as they stand, not the plan in force; then each variant):\n\
             \x20                                            base   远村隔周\n\
             \x20 sessions without a township member            1          0\n\
             \x20 make-up sessions                              0          0\n\
             \x20 station sessions                           1025        925\n\
             \x20 household visit sessions                     20         20\n\
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
             \x20   household visit sessions                     20         20\n\
             \x20   largest load deviation (%)                  5.0        5.0\n\
             \x20   units whose leader changes                    —          2\n\
             \x20   cost                                      15.00      16.50\n\
             \n\
             Townships '远村隔周' changes most (1 of the 1 it changes):\n\
             \x20 大塘镇 (三水区): sessions without a township member 1 → 0, station sessions 550 → 450, units whose leader changes 2, cost 10.00 → 11.50\n\
             \n\
             Left out of the totals (cannot be planned as they are): 更合镇\n"
        );
        let zh = r.zh();
        assert!(
            zh.starts_with("全市合计（2 个镇街；先现名册方案（按现名册全年重新编排，不是正在执行的方案），后各方案）：\n"),
            "{zh}"
        );
        assert!(zh.contains("\n  大塘镇（三水区）：缺少镇级人员的接待 1 → 0，驻点接待次数 550 → 450，换了联系领导的村居 2，方案得分 10.00 → 11.50\n"), "{zh}");
        assert!(
            zh.ends_with("\n未计入合计（现名册方案无法编排）：更合镇\n"),
            "{zh}"
        );
    }
}

/// What an entry a city's variant names is sought as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sought {
    Unit,
    Person,
    /// `remove`: a unit, cadre or helper.
    Any,
}

/// An entry no township a city's variant takes has, and the nearest entry
/// of one township (a trial: `remove = ["ye-dhh"]` on a city was taken
/// without a word, each township guessing its own).
#[derive(Debug, Clone, PartialEq)]
pub struct Nowhere {
    pub id: String,
    pub sought: Sought,
    pub guess: crate::roster::guess::Guess,
    /// The roster file of the township the guess is from.
    pub file: String,
}

impl Say for Nowhere {
    fn say(&self, lang: Lang) -> String {
        let (id, g, file) = (&self.id, &self.guess.id, &self.file);
        let named = match (&self.guess.name, lang) {
            (Some(n), Lang::En) => format!("'{g}' ({n})"),
            (Some(n), Lang::Zh) => format!("“{g}”（{n}）"),
            (None, Lang::En) => format!("'{g}'"),
            (None, Lang::Zh) => format!("“{g}”"),
        };
        match (self.sought, lang) {
            (Sought::Unit, Lang::En) => {
                format!("no township it takes has a unit '{id}' (did you mean {named} of {file}?)")
            }
            (Sought::Person, Lang::En) => format!(
                "no township it takes has a cadre or helper '{id}' (did you mean {named} of {file}?)"
            ),
            (Sought::Any, Lang::En) => format!(
                "no township it takes has a unit, cadre or helper '{id}' (did you mean {named} of {file}?)"
            ),
            (Sought::Unit, Lang::Zh) => {
                format!("它所含的镇街都没有编号为“{id}”的村（社区）（是不是 {file} 中的{named}？）")
            }
            (Sought::Person, Lang::Zh) => {
                format!(
                    "它所含的镇街都没有编号为“{id}”的干部或协助人员（是不是 {file} 中的{named}？）"
                )
            }
            (Sought::Any, Lang::Zh) => format!(
                "它所含的镇街都没有编号为“{id}”的村（社区）、干部或协助人员（是不是 {file} 中的{named}？）"
            ),
        }
    }
}
