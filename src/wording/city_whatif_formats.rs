//! The city-wide what-if in the formats of `--format`: `table` (the
//! terminal's, `city_whatif.rs`), `csv` (laid out as city-summary.csv:
//! each district's townships then its subtotal, the city's total last; one
//! row per figure, keys as the single township's what-if gives them or the
//! terminal's labels in Chinese, and each township's rank among those a
//! variant changes most), `markdown` (the terminal's headings and tables), `toml` (the same
//! figures as numbers).

use super::city_whatif::{
    CityWhatifReport, ROWS, Row, changed_heading, changes, district_heading, districts_heading,
    left_out_line, not_planned, total_heading, town_name, variant_notes,
};
use super::{Lang, Say};
use crate::scenario::city::{CityWhatif, Figures, Group, Town};
use crate::scenario::compare::Format;

/// The comparison in `format`; `top` townships each variant changes most.
pub fn render(w: &CityWhatif, top: usize, format: Format, lang: Lang) -> String {
    match format {
        Format::Table => CityWhatifReport { whatif: w, top }.say(lang),
        Format::Csv => csv(w, lang),
        Format::Markdown => markdown(w, top, lang),
        Format::Toml => toml_doc(w, top),
    }
}

/// A cell of a figure: the base's "units whose leader changes" is empty; a
/// column not planned says so.
fn cell(row: Row, column: usize, f: Option<&Figures>, lang: Lang) -> String {
    match f {
        Some(_) if column == 0 && row == Row::Moved => String::new(),
        Some(f) => row.value(f),
        None => not_planned(lang).to_string(),
    }
}

/// The CSV's words: the header's first four columns, the scopes, the
/// labels of the subtotal and total rows, and the figures (keys in English,
/// the terminal table's labels in Chinese).
struct CsvWords {
    lang: Lang,
    /// The office's name (`[city] name`), empty when none.
    city: String,
}

impl CsvWords {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    fn head(&self) -> [String; 4] {
        let district = super::city::district_word(&self.city, self.lang);
        if self.zh() {
            ["范围", district, "镇街", "指标"].map(String::from)
        } else {
            ["scope", district, "township", "figure"].map(String::from)
        }
    }

    fn scope(&self, g: Option<&Group>) -> String {
        let lang = self.lang;
        match (g.map(|g| g.district.is_some()), self.zh()) {
            (None, false) => "township".into(),
            (None, true) => "镇街".into(),
            (Some(true), _) => super::city::district_word(&self.city, lang).into(),
            // The whole: 全市, or a county's own name (示例县).
            (Some(false), _) => match super::city::whole(&self.city, lang) {
                w if w == "the city" => "city".into(),
                w => w,
            },
        }
    }

    /// A group's row label in the township column, as city-summary.csv's.
    fn group_label(&self, g: &Group) -> String {
        if g.district.is_some() {
            super::city_summary::subtotal(self.lang)
        } else {
            super::city_summary::total(self.lang)
        }
        .to_string()
    }

    fn figure(&self, row: Row) -> String {
        if self.zh() {
            row.label(self.lang)
        } else {
            row.key().to_string()
        }
    }

    fn townships(&self) -> String {
        if self.zh() { "镇街数" } else { "townships" }.to_string()
    }

    fn change_rank(&self) -> String {
        if self.zh() {
            "变化排名（1 为变化最大）"
        } else {
            "change_rank"
        }
        .to_string()
    }
}

/// The CSV, laid out as city-summary.csv: each district's townships, then
/// its subtotal; the townships in no district; the city's total last. One
/// row per figure; UTF-8 with a BOM, CRLF.
fn csv(w: &CityWhatif, lang: Lang) -> String {
    let words = CsvWords {
        lang,
        city: w.city.clone(),
    };
    // A byte-order mark, as every CSV we write.
    let mut out = String::from("\u{feff}");
    let mut put = |r: Vec<String>| out += &(crate::export::csv::row(&r) + "\r\n");
    put(words
        .head()
        .into_iter()
        .chain(w.names.iter().cloned())
        .collect());
    let group = |g: &Group, put: &mut dyn FnMut(Vec<String>)| {
        let lead = |figure: String| {
            vec![
                words.scope(Some(g)),
                g.district.clone().unwrap_or_default(),
                words.group_label(g),
                figure,
            ]
        };
        let mut r = lead(words.townships());
        r.extend(w.names.iter().map(|_| g.townships.to_string()));
        put(r);
        for row in ROWS {
            let mut r = lead(words.figure(row));
            r.extend(
                g.figures
                    .iter()
                    .enumerate()
                    .map(|(i, f)| cell(row, i, f.as_ref(), lang)),
            );
            put(r);
        }
    };
    // Each township's rank among those each variant changes (1 most).
    let ranks: Vec<Vec<(String, usize)>> = (1..w.names.len())
        .map(|v| {
            let (towns, _) = w.most_changed(v, usize::MAX);
            towns
                .iter()
                .enumerate()
                .map(|(i, t)| (t.township.clone(), i + 1))
                .collect()
        })
        .collect();
    let town = |t: &Town, put: &mut dyn FnMut(Vec<String>)| {
        let lead = |figure: String| {
            vec![
                words.scope(None),
                t.district.clone().unwrap_or_default(),
                t.township.clone(),
                figure,
            ]
        };
        for row in ROWS {
            let mut r = lead(words.figure(row));
            r.extend(
                t.figures
                    .iter()
                    .enumerate()
                    .map(|(i, f)| cell(row, i, f.as_ref(), lang)),
            );
            put(r);
        }
        let mut r = lead(words.change_rank());
        r.push(String::new());
        r.extend(ranks.iter().map(|rs| {
            rs.iter()
                .find(|(n, _)| *n == t.township)
                .map(|(_, k)| k.to_string())
                .unwrap_or_default()
        }));
        put(r);
    };
    for d in w.districts() {
        for t in w.towns.iter().filter(|t| t.district == d.district) {
            town(t, &mut put);
        }
        group(&d, &mut put);
    }
    for t in w.towns.iter().filter(|t| t.district.is_none()) {
        town(t, &mut put);
    }
    group(&w.total(), &mut put);
    out
}

fn md_table(names: &[String], g: &Group, lang: Lang) -> String {
    let mut s = format!("| | {} |\n", names.join(" | "));
    s += &format!("|{}\n", " --- |".repeat(names.len() + 1));
    for row in ROWS {
        let cells: Vec<String> = g
            .figures
            .iter()
            .enumerate()
            .map(|(i, f)| match cell(row, i, f.as_ref(), lang) {
                c if c.is_empty() => "—".to_string(),
                c => c,
            })
            .collect();
        s += &format!("| {} | {} |\n", row.label(lang), cells.join(" | "));
    }
    s
}

fn markdown(w: &CityWhatif, top: usize, lang: Lang) -> String {
    let total = w.total();
    let mut s = format!("## {}\n\n", total_heading(total.townships, &w.city, lang));
    s += &md_table(&w.names, &total, lang);
    let districts = w.districts();
    if !districts.is_empty() {
        s += &format!("\n## {}\n", districts_heading(&w.city, lang));
        for d in &districts {
            let name = d.district.clone().unwrap_or_default();
            s += &format!("\n### {}\n\n", district_heading(&name, d.townships, lang));
            s += &md_table(&w.names, d, lang);
        }
    }
    let sep = if lang == Lang::En { ": " } else { "：" };
    for (v, name) in w.names.iter().enumerate().skip(1) {
        let (towns, all) = w.most_changed(v, top);
        for note in variant_notes(w, v, all, lang) {
            s += &format!("\n{note}\n");
        }
        if towns.is_empty() {
            continue;
        }
        s += &format!("\n## {}\n\n", changed_heading(name, towns.len(), all, lang));
        for t in towns {
            if let (Some(b), Some(x)) = (&t.figures[0], &t.figures[v]) {
                s += &format!("- {}{sep}{}\n", town_name(t, lang), changes(b, x, lang));
            }
        }
    }
    let left_out = w.left_out();
    if !left_out.is_empty() {
        s += &format!("\n{}\n", left_out_line(&left_out, lang));
    }
    s
}

/// A figure's values as TOML numbers (the base's units moved as 0; a
/// column not planned as 0, which `planned` tells apart).
fn values(row: Row, figures: &[Option<&Figures>]) -> toml::Value {
    let round = |x: f64, k: f64| ((x * k).round() / k).into();
    let none = Figures::default();
    toml::Value::Array(
        figures
            .iter()
            .map(|f| f.unwrap_or(&none))
            .map(|f| match row {
                Row::Shortfalls => (f.shortfalls as i64).into(),
                Row::Makeups => (f.makeups as i64).into(),
                Row::Station => (f.station_sessions as i64).into(),
                Row::Visits => (f.visit_sessions as i64).into(),
                Row::Deviation => round(f.max_deviation_pct, 10.0),
                Row::Moved => (f.moved as i64).into(),
                Row::Cost => round(f.cost, 100.0),
            })
            .collect(),
    )
}

fn figures_table(t: &mut toml::Table, figures: &[Option<&Figures>]) {
    let planned = figures.iter().map(|f| toml::Value::from(f.is_some()));
    t.insert("planned".into(), toml::Value::Array(planned.collect()));
    for row in ROWS {
        t.insert(row.key().into(), values(row, figures));
    }
}

fn toml_doc(w: &CityWhatif, top: usize) -> String {
    let strings =
        |v: &[String]| toml::Value::Array(v.iter().map(|s| s.clone().into()).collect::<Vec<_>>());
    let group = |g: &Group| {
        let mut t = toml::Table::new();
        if let Some(d) = &g.district {
            t.insert("name".into(), d.clone().into());
        }
        t.insert("townships".into(), (g.townships as i64).into());
        figures_table(
            &mut t,
            &g.figures.iter().map(Option::as_ref).collect::<Vec<_>>(),
        );
        toml::Value::Table(t)
    };
    let mut doc = toml::Table::new();
    doc.insert("plans".into(), strings(&w.names));
    doc.insert("left_out".into(), strings(&w.left_out()));
    doc.insert("total".into(), group(&w.total()));
    doc.insert(
        "district".into(),
        toml::Value::Array(w.districts().iter().map(group).collect()),
    );
    let towns = w
        .towns
        .iter()
        .filter(|t| t.figures[0].is_some())
        .map(|t| {
            let mut x = toml::Table::new();
            x.insert("name".into(), t.township.clone().into());
            if let Some(d) = &t.district {
                x.insert("district".into(), d.clone().into());
            }
            let fs: Vec<Option<&Figures>> = t.figures.iter().map(Option::as_ref).collect();
            figures_table(&mut x, &fs);
            toml::Value::Table(x)
        })
        .collect();
    doc.insert("township".into(), toml::Value::Array(towns));
    let changed = (1..w.names.len())
        .map(|v| {
            let (towns, all) = w.most_changed(v, top);
            let mut x = toml::Table::new();
            x.insert("variant".into(), w.names[v].clone().into());
            x.insert("townships_changed".into(), (all as i64).into());
            x.insert("not_planned".into(), strings(&w.not_planned(v).0));
            let names: Vec<String> = towns.iter().map(|t| t.township.clone()).collect();
            x.insert("most".into(), strings(&names));
            toml::Value::Table(x)
        })
        .collect();
    doc.insert("changed".into(), toml::Value::Array(changed));
    toml::to_string(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city() -> CityWhatif {
        super::super::city_whatif::tests::sample()
    }

    #[test]
    fn the_csv_has_each_districts_townships_its_subtotal_and_the_city_last() {
        let csv = render(&city(), 5, Format::Csv, Lang::En);
        assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}scope,district,township,figure,base,远村隔周"
        );
        assert_eq!(lines[1], "township,三水区,大塘镇,shortfall_sessions,1,0");
        assert_eq!(lines[3], "township,三水区,大塘镇,station_sessions,550,450");
        assert_eq!(lines[8], "township,三水区,大塘镇,change_rank,,1");
        assert_eq!(lines[16], "township,三水区,南山镇,change_rank,,");
        assert_eq!(lines[17], "district,三水区,subtotal,townships,2,2");
        assert_eq!(lines[18], "district,三水区,subtotal,shortfall_sessions,1,0");
        assert_eq!(
            lines[27],
            "township,,更合镇,station_sessions,not planned,not planned"
        );
        assert_eq!(lines[33], "city,,total,townships,2,2");
        assert_eq!(lines[34], "city,,total,shortfall_sessions,1,0");
        assert_eq!(lines[39], "city,,total,units_moved,,2");
        assert_eq!(lines[40], "city,,total,cost,15.00,16.50");
        // 1 header + 3 townships × 8 + 8 district + 8 city, and the last CRLF.
        assert_eq!(lines.len(), 1 + 24 + 8 + 8 + 1);
    }

    #[test]
    fn the_chinese_csv_says_the_terminals_words() {
        let csv = render(&city(), 5, Format::Csv, Lang::Zh);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}范围,区,镇街,指标,base,远村隔周");
        let want = [
            "镇街,三水区,大塘镇,缺少镇级人员的接待,1,0",
            "镇街,三水区,大塘镇,补接待次数,0,0",
            "镇街,三水区,大塘镇,驻点接待次数,550,450",
            "镇街,三水区,大塘镇,入户走访次数,10,10",
            "镇街,三水区,大塘镇,最大工作量偏差（%）,5.0,5.0",
            "镇街,三水区,大塘镇,换了联系领导的村居,,2",
            "镇街,三水区,大塘镇,方案得分,10.00,11.50",
            "镇街,三水区,大塘镇,变化排名（1 为变化最大）,,1",
        ];
        assert_eq!(lines[1..9], want);
        assert_eq!(lines[17], "区,三水区,小计,镇街数,2,2");
        assert_eq!(lines[33], "全市,,合计,镇街数,2,2");
        assert_eq!(lines[40], "全市,,合计,方案得分,15.00,16.50");
        assert!(!csv.contains("_"), "no keys in Chinese: {csv}");
    }

    #[test]
    fn markdown_says_the_terminals_headings_and_figures() {
        let md = render(&city(), 5, Format::Markdown, Lang::En);
        assert!(md.starts_with(
            "## City totals, 2 townships (the base: the whole year planned afresh on the rosters as they stand, not the plan in force; then each variant)\n\n| | base | 远村隔周 |\n| --- | --- | --- |\n| sessions without a township member | 1 | 0 |\n"
        ), "{md}");
        assert!(
            md.contains("\n| units whose leader changes | — | 2 |\n"),
            "{md}"
        );
        assert!(md.contains("\n### 三水区 (2 townships)\n\n"), "{md}");
        assert!(md.contains("\n## Townships '远村隔周' changes most (1 of the 1 it changes)\n\n- 大塘镇 (三水区): sessions without a township member 1 → 0, station sessions 550 → 450, units whose leader changes 2, cost 10.00 → 11.50\n"), "{md}");
        assert!(md.ends_with("\nLeft out of the totals (cannot be planned as they are): 更合镇\n"));
    }

    #[test]
    fn toml_carries_the_figures_as_numbers() {
        let doc: toml::Table = toml::from_str(&render(&city(), 5, Format::Toml, Lang::En)).unwrap();
        assert_eq!(doc["plans"].as_array().unwrap().len(), 2);
        assert_eq!(doc["left_out"][0].as_str(), Some("更合镇"));
        assert_eq!(doc["total"]["station_sessions"][1].as_integer(), Some(925));
        assert_eq!(doc["total"]["cost"][1].as_float(), Some(16.5));
        assert_eq!(doc["district"][0]["name"].as_str(), Some("三水区"));
        assert_eq!(doc["township"].as_array().unwrap().len(), 2);
        assert_eq!(doc["changed"][0]["most"][0].as_str(), Some("大塘镇"));
        assert_eq!(doc["changed"][0]["townships_changed"].as_integer(), Some(1));
    }
}
