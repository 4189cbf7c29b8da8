//! The city-wide what-if as one page (`whatif CITY SCENARIOS --report
//! FILE`): the city's totals, each district's subtotal and the townships
//! each variant changes most, with the terminal's headings and figures.

use std::fmt::Write;

use super::html::{esc, page};
use crate::scenario::city::{CityWhatif, Group};
use crate::wording::Lang;
use crate::wording::city_whatif::{
    ROWS, cell, changed_heading, changes, district_heading, districts_heading, left_out_line,
    total_heading, town_name, variant_notes, whatif_title,
};

fn table(names: &[String], g: &Group, lang: Lang) -> String {
    let mut s = String::from("<table class=\"whatif\"><tr><th></th>");
    for n in names {
        let _ = write!(s, "<th class=\"n\">{}</th>", esc(n));
    }
    s += "</tr>";
    for row in ROWS {
        let _ = write!(s, "<tr><td>{}</td>", esc(&row.label(lang)));
        for (i, f) in g.figures.iter().enumerate() {
            let v = cell(row, i, f.as_ref(), lang);
            let _ = write!(s, "<td class=\"n\">{}</td>", esc(&v));
        }
        s += "</tr>";
    }
    s += "</table>";
    s
}

/// The page; `city` is the city's name (empty when it has none).
pub fn city_whatif_page(city: &str, w: &CityWhatif, top: usize, lang: Lang) -> String {
    let title = whatif_title(city, lang);
    let total = w.total();
    let mut body = format!(
        "<header class=\"top\"><h1>{}</h1></header><section id=\"total\"><h2>{}</h2>{}</section>",
        esc(&title),
        esc(&total_heading(total.townships, &w.city, lang)),
        table(&w.names, &total, lang)
    );
    let districts = w.districts();
    if !districts.is_empty() {
        let _ = write!(
            body,
            "<section id=\"districts\"><h2>{}</h2>",
            esc(&districts_heading(&w.city, lang))
        );
        for d in &districts {
            let name = d.district.clone().unwrap_or_default();
            let _ = write!(
                body,
                "<h3>{}</h3>{}",
                esc(&district_heading(&name, d.townships, lang)),
                table(&w.names, d, lang)
            );
        }
        body += "</section>";
    }
    let sep = if lang == Lang::En { ": " } else { "：" };
    for (v, name) in w.names.iter().enumerate().skip(1) {
        let (towns, all) = w.most_changed(v, top);
        for note in variant_notes(w, v, all, lang) {
            let _ = write!(
                body,
                "<section class=\"changed\"><p>{}</p></section>",
                esc(&note)
            );
        }
        if towns.is_empty() {
            continue;
        }
        let _ = write!(
            body,
            "<section class=\"changed\"><h2>{}</h2><ul>",
            esc(&changed_heading(name, towns.len(), all, lang))
        );
        for t in towns {
            if let (Some(b), Some(x)) = (&t.figures[0], &t.figures[v]) {
                let _ = write!(
                    body,
                    "<li>{}{sep}{}</li>",
                    esc(&town_name(t, lang)),
                    esc(&changes(b, x, lang))
                );
            }
        }
        body += "</ul></section>";
    }
    let left_out = w.left_out();
    if !left_out.is_empty() {
        let _ = write!(
            body,
            "<p class=\"notice\">{}</p>",
            esc(&left_out_line(&left_out, lang))
        );
    }
    page(&title, &body, lang)
}
