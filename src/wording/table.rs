//! Terminal tables that line up in any language: every cell is padded to its
//! column's display width, a Chinese character counting two columns (the
//! `unicode-width` crate), so headings and figures stand in columns whether
//! the names are Chinese or not. Every terminal table (the city's
//! per-township table, `plan`'s leader table, `compare`'s tables, the
//! warnings list) is laid out here.

use unicode_width::UnicodeWidthStr;

/// How a column's cells sit in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One row of a table: cells, or a line of its own between rows (not
/// counted in the columns' widths).
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Cells(Vec<String>),
    Text(String),
}

/// The columns a string takes on a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to `w` columns (left-aligned).
pub fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// `s` right-aligned in `w` columns.
pub fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// A table: each line starts with `indent`, columns are two spaces apart,
/// each as wide as its widest cell (the heading included); `rule` adds a
/// line of `─` under the heading. A column with no `align` given is
/// left-aligned. Trailing spaces are trimmed; every line ends in `\n`.
pub fn grid(indent: &str, head: &[String], rows: &[Row], align: &[Align], rule: bool) -> String {
    let cols = head.len().max(
        rows.iter()
            .map(|r| match r {
                Row::Cells(c) => c.len(),
                Row::Text(_) => 0,
            })
            .max()
            .unwrap_or(0),
    );
    let mut widths = vec![0usize; cols];
    let cells = std::iter::once(head).chain(rows.iter().filter_map(|r| match r {
        Row::Cells(c) => Some(c.as_slice()),
        Row::Text(_) => None,
    }));
    for r in cells {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(c));
        }
    }
    let line = |r: &[String]| {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(
                |(i, c)| match align.get(i).copied().unwrap_or(Align::Left) {
                    Align::Left => pad(c, widths[i]),
                    Align::Right => pad_left(c, widths[i]),
                },
            )
            .collect();
        format!("{indent}{}", cells.join("  "))
            .trim_end()
            .to_string()
            + "\n"
    };
    let mut out = line(head);
    if rule {
        let dashes: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        out += &format!("{indent}{}\n", dashes.join("  "));
    }
    for r in rows {
        match r {
            Row::Cells(c) => out += &line(c),
            Row::Text(t) => {
                out += t;
                if !t.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_latin_cells_line_up_by_display_width() {
        let head = vec!["领导".to_string(), "load".to_string(), "村居".to_string()];
        let rows = vec![
            Row::Cells(vec!["欧阳建国".into(), "12".into(), "西海村".into()]),
            Row::Text("  a line of its own".into()),
            Row::Cells(vec!["Li".into(), "1358".into(), "x".into()]),
        ];
        let out = grid("", &head, &rows, &[Align::Left, Align::Right], true);
        assert_eq!(
            out,
            "领导      load  村居\n────────  ────  ──────\n欧阳建国    12  西海村\n  a line of its own\nLi        1358  x\n"
        );
    }
}
