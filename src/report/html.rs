//! The page around every report: escaping of any text that came from a
//! roster or a plan, the document shell, and the one stylesheet (screen and
//! A4 print). Nothing is fetched: no fonts, no scripts, no images by address.

use std::fmt::Write;

use crate::wording::Lang;
use crate::wording::report::{footer, html_lang};

/// Text for HTML content and attribute values (both quoted with `"`): every
/// character that could open markup or close an attribute is escaped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no business in a page; a space keeps
            // the words apart.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A number for SVG coordinates: two decimals, no "-0".
pub fn num(x: f64) -> String {
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".into() } else { s }
}

/// A whole page: title, stylesheet, body, footer.
pub fn page(title: &str, body: &str, lang: Lang) -> String {
    let mut s = String::with_capacity(body.len() + CSS.len() + 512);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n{}\n<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        html_lang(lang),
        esc(title),
        CSS,
        body,
        esc(&footer(env!("CARGO_PKG_VERSION"), lang)),
    );
    s
}

/// Leader colours: distinct on screen and in print; beyond the list, hues
/// by the golden angle.
pub fn colour(i: usize) -> String {
    const PALETTE: [&str; 20] = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
        "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
        "#756bb1", "#636363", "#b5475a", "#0f7b6c",
    ];
    match PALETTE.get(i) {
        Some(c) => (*c).to_string(),
        None => {
            let hue = (i as f64 * 137.508) % 360.0;
            let light = if i.is_multiple_of(2) { 38 } else { 50 };
            format!("hsl({hue:.0},65%,{light}%)")
        }
    }
}

const CSS: &str = r#"
:root { --ink: #1d232b; --muted: #5b6673; --line: #d5dbe1; --soft: #f3f5f7; --accent: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Helvetica Neue", Arial, sans-serif;
  font-size: 14px; line-height: 1.5; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 40px; }
header.top { border-bottom: 3px solid var(--accent); margin-bottom: 18px; padding-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-left: 8px; border-left: 5px solid var(--accent); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p.sub, .caption { color: var(--muted); margin: 2px 0 8px; }
.notice { background: #fff4e5; border: 1px solid #f0b46b; padding: 8px 12px; border-radius: 4px; }
.verdict { font-size: 17px; background: var(--soft); border-left: 6px solid #2e7d32; padding: 10px 14px; margin: 8px 0; }
.verdict.open { border-left-color: #ef6c00; }
.limits { background: #fff4e5; border-left: 6px solid var(--accent); padding: 8px 14px; margin: 8px 0; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.district th { background: none; padding-top: 12px; }
tr.subtotal th { font-weight: 500; }
.terms td:first-child { color: var(--muted); }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: inherit; }
.map { border: 1px solid var(--line); border-radius: 4px; background: #fbfcfd; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0; padding: 0; list-style: none; }
.legend li { white-space: nowrap; }
.sw { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 4px; border: 1px solid rgba(0,0,0,.2); }
.maps { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 12px; }
.maps figure { margin: 0; }
.maps figcaption { font-weight: 600; margin-bottom: 4px; }
.heat td { padding: 0; border: none; }
.months td { text-align: center; min-width: 34px; }
.warn ul { margin: 4px 0 10px; padding-left: 20px; columns: 2; column-gap: 28px; }
.warn .fix { margin: 2px 0 4px; }
.warn .staffing { margin: 2px 0 4px; font-weight: 600; }
.changed { color: var(--accent); font-weight: 600; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 6px; }
a { color: #0b57d0; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section { break-inside: auto; }
  figure, table, svg, .verdict, .limits, .warn > div { break-inside: avoid; }
  .maps { grid-template-columns: 1fr; }
  .map { border: none; background: none; }
  a { color: inherit; text-decoration: none; }
  .warn ul { columns: 2; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_roster_text_is_escaped() {
        assert_eq!(
            esc("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(esc("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
    }

    #[test]
    fn the_page_fetches_nothing() {
        let p = page("t", "<p>x</p>", Lang::Zh);
        for bad in ["http:", "https:", "@import", "url(", "<script", "<link"] {
            assert!(!p.contains(bad), "{bad}");
        }
        assert!(p.contains("@page { size: A4"));
        assert!(p.contains("lang=\"zh-CN\""));
    }
}
