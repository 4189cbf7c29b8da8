//! Merged cells inside a roster workbook's table, refused at their range
//! (村居!C8:C10): calamine, like a spreadsheet's own export, gives the value
//! to the first cell only, so the other rows would read as blank, or take
//! another row's type, without a word. Merged cells above the heading row
//! or beside the table's columns (a title, a note) are not the table's and
//! stay allowed; `基本信息` is a list of items, not a table, and is not
//! looked at.

use calamine::Dimensions;

use super::read::{Found, Read};
use crate::wording::roster::RosterSaid;
use crate::wording::workbook::WorkbookSaid;

/// A merged range of a table sheet, by its first and last cell (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    pub sheet: &'static str,
    pub first: (u32, u32),
    pub last: (u32, u32),
}

impl Merged {
    /// Does the range cover this cell?
    pub fn covers(&self, sheet: &str, row: u32, col: u32) -> bool {
        self.sheet == sheet
            && (self.first.0..=self.last.0).contains(&row)
            && (self.first.1..=self.last.1).contains(&col)
    }
}

/// Reports each merged range that reaches the heading row or below and
/// covers one of the table's columns (`at`: each read column and its
/// heading); a range within one column names that column.
pub(super) fn refuse(
    out: &mut Read,
    sheet: &'static str,
    at: &[(u32, &str)],
    head_row: u32,
    merges: &[Dimensions],
) {
    for m in merges {
        let (first, last) = (m.start, m.end);
        let within = |c: u32| first.1 <= c && c <= last.1;
        if first == last || last.0 < head_row || !at.iter().any(|(c, _)| within(*c)) {
            continue;
        }
        let field = at
            .iter()
            .find(|(c, _)| within(*c))
            .filter(|_| first.1 == last.1)
            .map(|(_, h)| h.to_string());
        out.merged.push(Merged { sheet, first, last });
        out.problems.push(Found {
            sheet,
            cell: Some(first),
            to: Some(last),
            id: None,
            field,
            said: RosterSaid::Workbook(WorkbookSaid::MergedCells),
        });
    }
}
