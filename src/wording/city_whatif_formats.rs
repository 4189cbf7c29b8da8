//! The city-wide what-if in the formats of `--format`: `table` (the
//! terminal's, `city_whatif.rs`), `csv` (one row per figure of the city,
//! each district and each township, keys as the single township's what-if
//! gives them, and each township's rank among those a variant changes
//! most), `markdown` (the terminal's headings and tables), `toml` (the same
//! figures as numbers).

use super::city_whatif::{
    CityWhatifReport, ROWS, Row, changed_heading, changes, district_heading, districts_heading,
    left_out_line, total_heading, town_name,
};
use super::{Lang, Say};
use crate::scenario::city::{CityWhatif, Figures, Group};
use crate::scenario::compare::Format;

/// The comparison in `format`; `top` townships each variant changes most.
pub fn render(w: &CityWhatif, top: usize, format: Format, lang: Lang) -> String {
    match format {
        Format::Table => CityWhatifReport { whatif: w, top }.say(lang),
        Format::Csv => csv(w),
        Format::Markdown => markdown(w, top, lang),
        Format::Toml => toml_doc(w, top),
    }
}

/// A cell of a figure: the base's "units whose leader changes" is empty.
fn cell(row: Row, column: usize, f: Option<&Figures>) -> String {
    match f {
        Some(_) if column == 0 && row == Row::Moved => String::new(),
        Some(f) => row.value(f),
        None => String::new(),
    }
}

fn csv(w: &CityWhatif) -> String {
    // A byte-order mark, as every CSV we write.
    let mut out = String::from("\u{feff}");
    let mut put = |r: Vec<String>| out += &(crate::export::csv::row(&r) + "\n");
    let head = ["scope", "district", "township", "figure"].map(String::from);
    put(head.into_iter().chain(w.names.iter().cloned()).collect());
    let group = |scope: &str, g: &Group, put: &mut dyn FnMut(Vec<String>)| {
        let district = g.district.clone().unwrap_or_default();
        let lead = |figure: &str| {
            vec![
                scope.to_string(),
                district.clone(),
                String::new(),
                figure.to_string(),
            ]
        };
        let mut r = lead("townships");
        r.extend(w.names.iter().map(|_| g.townships.to_string()));
        put(r);
        for row in ROWS {
            let mut r = lead(row.key());
            r.extend(
                g.figures
                    .iter()
                    .enumerate()
                    .map(|(i, f)| cell(row, i, Some(f))),
            );
            put(r);
        }
    };
    group("city", &w.total(), &mut put);
    for d in w.districts() {
        group("district", &d, &mut put);
    }
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
    for t in &w.towns {
        let lead = |figure: &str| {
            vec![
                "township".to_string(),
                t.district.clone().unwrap_or_default(),
                t.township.clone(),
                figure.to_string(),
            ]
        };
        for row in ROWS {
            let mut r = lead(row.key());
            r.extend(
                t.figures
                    .iter()
                    .enumerate()
                    .map(|(i, f)| cell(row, i, f.as_ref())),
            );
            put(r);
        }
        let mut r = lead("change_rank");
        r.push(String::new());
        r.extend(ranks.iter().map(|rs| {
            rs.iter()
                .find(|(n, _)| *n == t.township)
                .map(|(_, k)| k.to_string())
                .unwrap_or_default()
        }));
        put(r);
    }
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
            .map(|(i, f)| match cell(row, i, Some(f)) {
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
    let mut s = format!("## {}\n\n", total_heading(total.townships, lang));
    s += &md_table(&w.names, &total, lang);
    let districts = w.districts();
    if !districts.is_empty() {
        s += &format!("\n## {}\n", districts_heading(lang));
        for d in &districts {
            let name = d.district.clone().unwrap_or_default();
            s += &format!("\n### {}\n\n", district_heading(&name, d.townships, lang));
            s += &md_table(&w.names, d, lang);
        }
    }
    let sep = if lang == Lang::En { ": " } else { "：" };
    for (v, name) in w.names.iter().enumerate().skip(1) {
        let (towns, all) = w.most_changed(v, top);
        if towns.is_empty() {
            s += &format!("\n{}\n", changed_heading(name, 0, 0, lang));
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

/// A figure's values as TOML numbers (the base's units moved as 0).
fn values(row: Row, figures: &[&Figures]) -> toml::Value {
    let round = |x: f64, k: f64| ((x * k).round() / k).into();
    toml::Value::Array(
        figures
            .iter()
            .map(|f| match row {
                Row::Shortfalls => (f.shortfalls as i64).into(),
                Row::Makeups => (f.makeups as i64).into(),
                Row::Station => (f.station_sessions as i64).into(),
                Row::Visits => (f.visit_half_days as i64).into(),
                Row::Deviation => round(f.max_deviation_pct, 10.0),
                Row::Moved => (f.moved as i64).into(),
                Row::Cost => round(f.cost, 100.0),
            })
            .collect(),
    )
}

fn figures_table(t: &mut toml::Table, figures: &[&Figures]) {
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
        figures_table(&mut t, &g.figures.iter().collect::<Vec<_>>());
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
        .filter(|t| t.complete())
        .map(|t| {
            let mut x = toml::Table::new();
            x.insert("name".into(), t.township.clone().into());
            if let Some(d) = &t.district {
                x.insert("district".into(), d.clone().into());
            }
            let fs: Vec<&Figures> = t.figures.iter().flatten().collect();
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
    fn the_csv_has_the_city_the_districts_and_every_township() {
        let csv = render(&city(), 5, Format::Csv, Lang::Zh);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "\u{feff}scope,district,township,figure,base,远村隔周"
        );
        assert_eq!(lines[1], "city,,,townships,2,2");
        assert_eq!(lines[2], "city,,,shortfall_sessions,1,0");
        assert_eq!(lines[7], "city,,,units_moved,,2");
        assert_eq!(lines[8], "city,,,cost,15.00,16.50");
        assert_eq!(lines[10], "district,三水区,,shortfall_sessions,1,0");
        assert!(csv.contains("\ntownship,三水区,大塘镇,station_sessions,550,450\n"));
        assert!(csv.contains("\ntownship,三水区,大塘镇,change_rank,,1\n"));
        assert!(csv.contains("\ntownship,三水区,南山镇,change_rank,,\n"));
        assert!(csv.contains("\ntownship,,更合镇,station_sessions,800,\n"));
        // 1 header + 8 city + 8 district + 3 townships × 8.
        assert_eq!(lines.len(), 1 + 8 + 8 + 24);
    }

    #[test]
    fn markdown_says_the_terminals_headings_and_figures() {
        let md = render(&city(), 5, Format::Markdown, Lang::En);
        assert!(md.starts_with(
            "## City totals, 2 townships (the base, then each variant)\n\n| | base | 远村隔周 |\n| --- | --- | --- |\n| sessions without a township member | 1 | 0 |\n"
        ), "{md}");
        assert!(
            md.contains("\n| units whose leader changes | — | 2 |\n"),
            "{md}"
        );
        assert!(md.contains("\n### 三水区 (2 townships)\n\n"), "{md}");
        assert!(md.contains("\n## Townships '远村隔周' changes most (1 of the 1 it changes)\n\n- 大塘镇 (三水区): sessions without a township member 1 → 0, station sessions 550 → 450, units whose leader changes 2, cost 10.00 → 11.50\n"), "{md}");
        assert!(
            md.ends_with("\nLeft out of the totals (not planned under every variant): 更合镇\n")
        );
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
