//! Date flags (`--from`) as the planner types them: a whole date in any
//! spelling a roster's cells take (2026-07-01, 2026/7/1, 2026年7月1日), or a
//! month and day (9月1日, 9.1) whose year is the roster's, known only once
//! the roster is read, when the day taken is said back so the planner sees
//! which day the command took.

use chrono::{Datelike, NaiveDate};

use super::EXIT_BAD_INPUT;
use crate::wording::io::IoSaid;
use crate::wording::{Lang, Say};

/// A date flag's value as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFlag {
    Dated { date: NaiveDate },
    NoYear { typed: String, month: u32, day: u32 },
}

/// The value parser of every date flag. A refusal is worded by
/// `not_a_date` in `cli/mod.rs`, in the run's language, which clap cannot
/// know yet.
pub(crate) fn date_flag(value: &str) -> Result<DateFlag, String> {
    use crate::workbook::cells::{month_day, parse_date};
    if let Some(date) = parse_date(value) {
        return Ok(DateFlag::Dated { date });
    }
    // 2000 is a leap year: 2月29日 waits for the roster's year to be judged.
    month_day(value, 2000)
        .map(|d| DateFlag::NoYear {
            typed: value.to_string(),
            month: d.month(),
            day: d.day(),
        })
        .ok_or_else(|| value.to_string())
}

impl DateFlag {
    /// The day meant, on the roster's `year` when none was typed (then said
    /// back on the command's output); a day `year` does not have is
    /// refused, naming `flag` (exit 2).
    pub fn on(&self, flag: &str, year: i32, lang: Lang) -> Result<NaiveDate, i32> {
        let (typed, month, day) = match self {
            DateFlag::Dated { date, .. } => return Ok(*date),
            DateFlag::NoYear { typed, month, day } => (typed, *month, *day),
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            let said = IoSaid::NoSuchDay {
                flag: flag.into(),
                value: typed.clone(),
                year,
            };
            errln!("{}", said.say(lang));
            return Err(EXIT_BAD_INPUT);
        };
        let said = IoSaid::DateReadAs {
            flag: flag.into(),
            value: typed.clone(),
            date,
        };
        outln!("{}", said.say(lang));
        Ok(date)
    }
}
