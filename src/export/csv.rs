//! One row per session, for spreadsheets: UTF-8 with a byte-order mark so
//! that Excel shows Chinese names correctly, CRLF line ends, RFC 4180
//! quoting, formula-like cells neutralised. The English header keeps the column names scripts read; the
//! Chinese one names the columns for a planner and, since every unit has a
//! name, leaves the unit's id out. People appear by name (with the id only
//! where two share a name).

use chrono::NaiveDate;

use crate::model::Roster;
use crate::plan::PlanFile;
use crate::wording::Lang;
use crate::wording::calendar as words;
use crate::wording::names;

/// One cell, quoted per RFC 4180 when needed. A cell a spreadsheet would
/// run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
/// return) gets a leading `'`, as OWASP recommends against CSV injection.
pub fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One row: each cell as [`cell`] writes it, joined by commas, no line end.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|c| cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",")
}

pub fn render(roster: &Roster, plan: &PlanFile, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&words::csv_header(lang).join(","));
    out.push_str("\r\n");
    for s in &plan.session {
        let weekday = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d")
            .map(|d| super::weekday_shown(roster, d, lang))
            .unwrap_or_default();
        let people: Vec<String> = s
            .people
            .iter()
            .map(|p| names::person(roster, p, lang))
            .collect();
        let mut row = vec![
            s.date.clone(),
            weekday,
            s.start.clone(),
            s.end.clone(),
            s.unit.clone(),
            names::unit(roster, &s.unit, lang),
            words::kind_word(&s.kind, lang),
            people.join(words::name_separator(lang)),
            s.hamlet.clone().unwrap_or_default(),
            s.households.map(|h| h.to_string()).unwrap_or_default(),
            s.makes_up.clone().unwrap_or_default(),
        ];
        if lang == Lang::Zh {
            row.remove(4);
        }
        let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formula_like_cells_are_neutralised() {
        assert_eq!(cell("=1+2"), "'=1+2");
        assert_eq!(cell("+86 123"), "'+86 123");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(
            cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(cell("西海村"), "西海村");
        assert_eq!(cell("a-b, c"), "\"a-b, c\"");
    }
}
