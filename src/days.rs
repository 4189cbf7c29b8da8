//! The year's days as a township works them: official public holidays and
//! swapped working days (调休) from the State Council's calendar, as the
//! `chinese_holiday` crate records it, together with the roster's own
//! `[[holiday]]` and `[[workday]]` lists. Computed once when a roster is read,
//! so the calendar and the checker ask the same question the same way.
//!
//! The crate covers 2004-01-01 to 2026-12-25 and panics outside, so every
//! date is checked against that range before it is asked. A year it does not
//! cover (2027, which planners plan now) uses the roster's own lists only,
//! and `official` says so.

use chinese_holiday::{DayKind, Ymd, chinese_holiday};
use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::model::Period;

/// A weekday by its name as a roster or a workbook may write it: `Wed`,
/// `Wednesday` (any case), `周三`, `星期三` or `礼拜三` (Sunday also `日`
/// or `天`).
pub fn weekday_named(s: &str) -> Option<Weekday> {
    const SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let s = s.trim();
    let low = s.to_ascii_lowercase();
    let i = SHORT
        .iter()
        .position(|w| w.eq_ignore_ascii_case(s))
        .or_else(|| FULL.iter().position(|f| *f == low))
        .or_else(|| chinese_weekday(s))?;
    Weekday::try_from(i as u8).ok()
}

/// 周三, 星期三 or 礼拜三 (Sunday also 日 or 天): its index from Monday.
fn chinese_weekday(s: &str) -> Option<usize> {
    let day = ["周", "星期", "礼拜"]
        .iter()
        .find_map(|p| s.strip_prefix(p))?;
    ["一", "二", "三", "四", "五", "六", "日"]
        .iter()
        .position(|d| *d == day)
        .or((day == "天").then_some(6))
}

/// First and last day the official calendar knows.
pub const OFFICIAL_FIRST: (i32, u32, u32) = (2004, 1, 1);
pub const OFFICIAL_LAST: (i32, u32, u32) = (2026, 12, 25);

/// Whether the official calendar was applied to the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Official {
    /// Applied: the year is covered and `official_holidays` is on.
    Applied,
    /// `[township] official_holidays = false`: the roster's own lists only.
    Off,
    /// The official calendar does not cover the year: the roster's own lists only.
    NotCovered,
}

/// The year's holidays and swapped working days, by day of year.
#[derive(Debug, Clone)]
pub struct YearDays {
    pub year: i32,
    pub official: Official,
    /// Every holiday: the official ones (in date order), then the roster's own.
    pub holidays: Vec<Period>,
    /// Every swapped working day: the official ones, then the roster's own.
    pub workdays: Vec<Period>,
    /// How many of `holidays` and of `workdays` are official (they come first).
    pub official_counts: (usize, usize),
    jan1: NaiveDate,
    /// Per day of year: the index into `holidays` of the first holiday holding it.
    holiday_of: Vec<Option<u32>>,
    /// Per day of year: the index into `workdays`, unless the day is a holiday.
    workday_of: Vec<Option<u32>>,
}

impl Default for YearDays {
    fn default() -> Self {
        YearDays::new(2015, false, &[], &[])
    }
}

/// The official name of a holiday or of a working day swapped for it.
/// Proper names, the same in both languages, as the roster's own are.
fn official_name(k: DayKind) -> Option<(&'static str, bool)> {
    use DayKind::*;
    Some(match k {
        NewYearsDayHoliday => ("元旦", true),
        SpringFestivalHoliday => ("春节", true),
        ChingMingFestivalHoliday => ("清明节", true),
        InternationalWorkersDayHoliday => ("劳动节", true),
        DragonBoatFestivalHoliday => ("端午节", true),
        MidAutumnFestivalHoliday => ("中秋节", true),
        NationalDayHoliday => ("国庆节", true),
        OtherHoliday => ("其他法定节假日", true),
        NewYearsDayWorkday => ("元旦调休上班日", false),
        SpringFestivalWorkday => ("春节调休上班日", false),
        ChingMingFestivalWorkday => ("清明节调休上班日", false),
        InternationalWorkersDayWorkday => ("劳动节调休上班日", false),
        DragonBoatFestivalWorkday => ("端午节调休上班日", false),
        MidAutumnFestivalWorkday => ("中秋节调休上班日", false),
        NationalDayWorkday => ("国庆节调休上班日", false),
        OtherWorkday => ("调休上班日", false),
        NormalWorkday | NormalHoliday => return None,
    })
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// Does the official calendar know this date?
pub fn covered(d: NaiveDate) -> bool {
    let (a, b) = (OFFICIAL_FIRST, OFFICIAL_LAST);
    ymd(a.0, a.1, a.2) <= d && d <= ymd(b.0, b.1, b.2)
}

/// Does the official calendar cover this year? (2026 counts: it lacks only
/// 26–31 December, where no holiday falls.)
pub fn year_covered(year: i32) -> bool {
    (OFFICIAL_FIRST.0..=OFFICIAL_LAST.0).contains(&year)
}

/// The official holidays and swapped working days of a year, as runs of
/// consecutive days of the same kind: (holidays, workdays).
pub fn official(year: i32) -> (Vec<Period>, Vec<Period>) {
    let mut holidays: Vec<Period> = Vec::new();
    let mut workdays: Vec<Period> = Vec::new();
    if !year_covered(year) {
        return (holidays, workdays);
    }
    let mut d = ymd(year, 1, 1);
    while d.year() == year {
        // Checked before asking: the crate panics outside its range.
        if covered(d) {
            let key = Ymd::new(d.year() as u16, d.month() as u8, d.day() as u8);
            if let Some((name, is_holiday)) = official_name(chinese_holiday(key)) {
                let list = if is_holiday {
                    &mut holidays
                } else {
                    &mut workdays
                };
                match list.last_mut() {
                    Some(p) if p.why == name && p.to + Days::new(1) == d => p.to = d,
                    _ => list.push(Period {
                        from: d,
                        to: d,
                        why: name.to_string(),
                    }),
                }
            }
        }
        d = d + Days::new(1);
    }
    (holidays, workdays)
}

impl YearDays {
    /// The year's days: the official calendar when `use_official` and the year
    /// is covered, with the roster's own holidays and workdays added. A day
    /// that is both a holiday and a working day is a holiday.
    pub fn new(
        year: i32,
        use_official: bool,
        own_holidays: &[Period],
        own_workdays: &[Period],
    ) -> YearDays {
        let official = if !use_official {
            Official::Off
        } else if year_covered(year) {
            Official::Applied
        } else {
            Official::NotCovered
        };
        let (mut holidays, mut workdays) = if official == Official::Applied {
            self::official(year)
        } else {
            (Vec::new(), Vec::new())
        };
        let official_counts = (holidays.len(), workdays.len());
        holidays.extend(own_holidays.iter().cloned());
        workdays.extend(own_workdays.iter().cloned());
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(ymd(2015, 1, 1));
        let ndays = jan1.leap_year() as usize + 365;
        let index = |list: &[Period]| {
            let mut of: Vec<Option<u32>> = vec![None; ndays];
            for (i, p) in list.iter().enumerate() {
                for (d, slot) in of.iter_mut().enumerate() {
                    if slot.is_none() && p.contains(jan1 + Days::new(d as u64)) {
                        *slot = Some(i as u32);
                    }
                }
            }
            of
        };
        let holiday_of = index(&holidays);
        let mut workday_of = index(&workdays);
        for (w, h) in workday_of.iter_mut().zip(&holiday_of) {
            if h.is_some() {
                *w = None;
            }
        }
        YearDays {
            year,
            official,
            holidays,
            workdays,
            official_counts,
            jan1,
            holiday_of,
            workday_of,
        }
    }

    fn day(&self, d: NaiveDate) -> Option<usize> {
        (d.year() == self.year).then(|| (d - self.jan1).num_days() as usize)
    }

    /// The holiday a date falls in, if any.
    pub fn holiday(&self, d: NaiveDate) -> Option<&Period> {
        let i = self.holiday_of.get(self.day(d)?)?.as_ref()?;
        Some(&self.holidays[*i as usize])
    }

    /// The swapped working day a date is, if it is one (never a holiday).
    pub fn workday(&self, d: NaiveDate) -> Option<&Period> {
        let i = self.workday_of.get(self.day(d)?)?.as_ref()?;
        Some(&self.workdays[*i as usize])
    }

    /// May work happen on this date, for work that happens on `days`: not a
    /// holiday, and one of `days` or a swapped working day.
    pub fn working(&self, d: NaiveDate, days: &[Weekday]) -> bool {
        self.holiday(d).is_none() && (days.contains(&d.weekday()) || self.workday(d).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2015_calendar_has_its_holidays_and_swapped_days() {
        let (h, w) = official(2015);
        let names: Vec<&str> = h.iter().map(|p| p.why.as_str()).collect();
        assert!(names.contains(&"春节") && names.contains(&"国庆节"));
        let spring = h.iter().find(|p| p.why == "春节").unwrap();
        assert_eq!(
            (spring.from, spring.to),
            (ymd(2015, 2, 18), ymd(2015, 2, 24))
        );
        // 3–4 September 2015: the 70th anniversary holiday.
        let days = YearDays::new(2015, true, &[], &[]);
        assert!(days.holiday(ymd(2015, 9, 3)).is_some());
        // 2015-02-15 (a Sunday) and 2015-02-28 (a Saturday) were worked.
        assert_eq!(
            days.workday(ymd(2015, 2, 15)).unwrap().why,
            "春节调休上班日"
        );
        assert!(days.working(ymd(2015, 2, 28), &[Weekday::Mon, Weekday::Fri]));
        assert!(w.iter().all(|p| !h.iter().any(|x| x.contains(p.from))));
    }

    #[test]
    fn years_outside_the_range_are_not_asked() {
        for year in [2003, 2027, 2030] {
            let d = YearDays::new(year, true, &[], &[]);
            assert_eq!(d.official, Official::NotCovered);
            assert!(d.holidays.is_empty());
        }
        // 2026 is asked only up to 25 December.
        let d = YearDays::new(2026, true, &[], &[]);
        assert_eq!(d.official, Official::Applied);
        assert!(d.holiday(ymd(2026, 12, 31)).is_none());
    }

    #[test]
    fn a_day_both_holiday_and_workday_is_a_holiday() {
        let p = |from, to, why: &str| Period {
            from,
            to,
            why: why.into(),
        };
        let own_h = [p(ymd(2027, 2, 5), ymd(2027, 2, 11), "春节")];
        let own_w = [
            p(ymd(2027, 2, 11), ymd(2027, 2, 11), "x"),
            p(ymd(2027, 2, 20), ymd(2027, 2, 20), "春节调休上班日"),
        ];
        let d = YearDays::new(2027, true, &own_h, &own_w);
        assert!(d.workday(ymd(2027, 2, 11)).is_none());
        assert!(d.holiday(ymd(2027, 2, 11)).is_some());
        assert!(d.working(ymd(2027, 2, 20), &[Weekday::Mon]));
        let off = YearDays::new(2015, false, &[], &[]);
        assert_eq!(off.official, Official::Off);
        assert!(off.holiday(ymd(2015, 2, 19)).is_none());
    }
}
