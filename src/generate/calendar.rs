//! Dates for synthetic rosters: the public holidays of a year (the lunar ones
//! from a table of their Gregorian dates, 2014–2030) and helpers to find work
//! days and weekdays for meetings and away periods; and the year's meetings.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::rng::Rand;
use super::{Cadre, GenOptions, Helper, Meeting, Profile, STABILITY};

/// The years for which the holiday table holds dates.
pub const YEARS: std::ops::RangeInclusive<i32> = 2014..=2030;

/// (year, Spring Festival (正月初一), Dragon Boat (端午), Mid-Autumn (中秋)) as
/// (month, day).
type MonthDay = (u32, u32);

const LUNAR: &[(i32, MonthDay, MonthDay, MonthDay)] = &[
    (2014, (1, 31), (6, 2), (9, 8)),
    (2015, (2, 19), (6, 20), (9, 27)),
    (2016, (2, 8), (6, 9), (9, 15)),
    (2017, (1, 28), (5, 30), (10, 4)),
    (2018, (2, 16), (6, 18), (9, 24)),
    (2019, (2, 5), (6, 7), (9, 13)),
    (2020, (1, 25), (6, 25), (10, 1)),
    (2021, (2, 12), (6, 14), (9, 21)),
    (2022, (2, 1), (6, 3), (9, 10)),
    (2023, (1, 22), (6, 22), (9, 29)),
    (2024, (2, 10), (6, 10), (9, 17)),
    (2025, (1, 29), (5, 31), (10, 6)),
    (2026, (2, 17), (6, 19), (9, 25)),
    (2027, (2, 6), (6, 9), (9, 15)),
    (2028, (1, 26), (5, 28), (10, 3)),
    (2029, (2, 13), (6, 16), (9, 22)),
    (2030, (2, 3), (6, 5), (9, 12)),
];

pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The year's public holidays, in date order, none overlapping: 元旦, 春节
/// (eve and the six days after), 清明, 劳动节, 端午, 中秋 and 国庆 (merged into
/// one 中秋国庆 run when Mid-Autumn falls near October).
pub fn holidays(year: i32) -> Vec<(&'static str, NaiveDate, NaiveDate)> {
    let row = LUNAR
        .iter()
        .find(|r| r.0 == year)
        .copied()
        .unwrap_or(LUNAR[1]);
    let (sf, db, ma) = (row.1, row.2, row.3);
    let spring = ymd(year, sf.0, sf.1);
    let dragon = ymd(year, db.0, db.1);
    let moon = ymd(year, ma.0, ma.1);
    let mut out = Vec::new();
    let new_year = ymd(year, 1, 1);
    let ny_end = new_year + Duration::days(2);
    // A Spring Festival in late January may touch New Year's days: keep apart.
    let sf_from = spring - Duration::days(1);
    out.push(("元旦", new_year, ny_end.min(sf_from - Duration::days(1))));
    out.push(("春节", sf_from, spring + Duration::days(5)));
    let qingming = ymd(year, 4, if year % 4 == 0 { 4 } else { 5 });
    out.push((
        "清明节",
        qingming - Duration::days(1),
        qingming + Duration::days(1),
    ));
    out.push(("劳动节", ymd(year, 5, 1), ymd(year, 5, 3)));
    // Dragon Boat in late May must not overlap Labour Day.
    let db_from = (dragon - Duration::days(1)).max(ymd(year, 5, 4));
    out.push(("端午节", db_from, dragon + Duration::days(1)));
    if moon >= ymd(year, 9, 28) {
        let from = moon.min(ymd(year, 10, 1));
        out.push(("中秋国庆", from, ymd(year, 10, 8)));
    } else {
        out.push(("中秋节", moon - Duration::days(1), moon + Duration::days(1)));
        out.push(("国庆节", ymd(year, 10, 1), ymd(year, 10, 7)));
    }
    out
}

pub fn in_holiday(d: NaiveDate, hols: &[(&str, NaiveDate, NaiveDate)]) -> bool {
    hols.iter().any(|h| h.1 <= d && d <= h.2)
}

/// A Monday-to-Friday day outside holidays.
pub fn is_workday(d: NaiveDate, hols: &[(&str, NaiveDate, NaiveDate)]) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !in_holiday(d, hols)
}

/// The first `wd` on or after `d`.
pub fn next_weekday(mut d: NaiveDate, wd: Weekday) -> NaiveDate {
    while d.weekday() != wd {
        d += Duration::days(1);
    }
    d
}

/// The year's meetings: the weekly party committee, the monthly station
/// meeting and department heads' meeting, `o.meetings` one-off meetings on
/// work days, and one or two emergency meetings in the station window.
pub(super) fn meetings(
    rng: &mut Rand,
    o: &GenOptions,
    cadres: &[Cadre],
    helpers: &[Helper],
    hols: &[(&'static str, NaiveDate, NaiveDate)],
) -> Vec<Meeting> {
    let profile = o.profile;
    let mut meetings = Vec::new();
    let jan1 = ymd(o.year, 1, 1);
    let dec31 = ymd(o.year, 12, 31);
    let first_monday = next_weekday(jan1, Weekday::Mon);
    meetings.push(Meeting {
        title: "镇党委会议".replace(
            '镇',
            if profile == Profile::Urban {
                "街道"
            } else {
                "镇"
            },
        ),
        attendees: vec!["all-cadres".into()],
        date: first_monday,
        start: "09:00",
        end: "11:30",
        repeat: "weekly",
        until: Some(dec31),
        emergency: false,
    });
    let mut first_thu = next_weekday(ymd(o.year, 1, 5), Weekday::Thu);
    if first_thu.day() > 28 {
        first_thu = ymd(o.year, 1, 8);
    }
    meetings.push(Meeting {
        title: "驻点工作例会".into(),
        attendees: vec!["all-cadres".into()],
        date: first_thu,
        start: "09:00",
        end: "11:30",
        repeat: "monthly",
        until: Some(dec31),
        emergency: false,
    });
    let heads: Vec<String> = helpers
        .iter()
        .filter(|h| h.role == "department_head")
        .map(|h| h.id.clone())
        .collect();
    let mut heads_day = ymd(o.year, 1, 12);
    while heads_day.weekday() == Weekday::Sat || heads_day.weekday() == Weekday::Sun {
        heads_day += Duration::days(1);
    }
    meetings.push(Meeting {
        title: "部门负责人例会".into(),
        attendees: heads,
        date: heads_day,
        start: "09:30",
        end: "11:30",
        repeat: "monthly",
        until: Some(dec31),
        emergency: false,
    });
    const ONE_OFF: &[&str] = &[
        "区人大代表大会",
        "安全生产工作会议",
        "征兵工作会议",
        "三防工作部署会",
        "农村集体经济审计会",
        "党风廉政建设会议",
        "招商引资推介会",
        "创文工作推进会",
        "河长制工作会议",
        "禁毒工作会议",
    ];
    let mut titles: Vec<&str> = ONE_OFF.to_vec();
    rng.shuffle(&mut titles);
    let mut one_offs = Vec::new();
    for k in 0..o.meetings {
        let mut date = ymd(o.year, 2, 1) + Duration::days(rng.int(0, 300));
        while !is_workday(date, hols) {
            date += Duration::days(1);
        }
        // Never in the station window: Tuesday meetings are in the morning.
        let (start, end) = if date.weekday() == Weekday::Tue || rng.chance(0.5) {
            ("09:00", "11:30")
        } else {
            ("14:30", "17:00")
        };
        let mut att = Vec::new();
        for _ in 0..rng.int(1, 4) {
            let c = &cadres[rng.below(cadres.len() as u64) as usize].id;
            if !att.contains(c) {
                att.push(c.clone());
            }
        }
        if rng.chance(0.5) && !helpers.is_empty() {
            let h = &helpers[rng.below(helpers.len() as u64) as usize].id;
            att.push(h.clone());
        }
        let title = if k < titles.len() {
            titles[k].to_string()
        } else {
            format!(
                "{}（第{}次）",
                titles[k % titles.len()],
                k / titles.len() + 1
            )
        };
        one_offs.push(Meeting {
            title,
            attendees: att,
            date,
            start,
            end,
            repeat: "none",
            until: None,
            emergency: false,
        });
    }
    // One or two emergency meetings in the station window (typhoon season).
    const EMERGENCY: &[&str] = &["台风防御紧急会议", "防汛紧急会议", "安全生产紧急会议"];
    let emergencies = rng.int(1, 2) as usize;
    for k in 0..emergencies {
        let mut date = next_weekday(
            ymd(o.year, 5, 1) + Duration::days(rng.int(0, 150)),
            Weekday::Tue,
        );
        while in_holiday(date, hols) {
            date += Duration::days(7);
        }
        let mut att = Vec::new();
        for _ in 0..rng.int(1, 3) {
            let c = &cadres[rng.below(cadres.len() as u64) as usize].id;
            if !att.contains(c) {
                att.push(c.clone());
            }
        }
        if let Some(h) = helpers
            .iter()
            .find(|h| h.role == "department_head" && h.skills.contains(&STABILITY))
        {
            att.push(h.id.clone());
        }
        one_offs.push(Meeting {
            title: EMERGENCY[(k + rng.below(3) as usize) % EMERGENCY.len()].to_string(),
            attendees: att,
            date,
            start: "14:30",
            end: "17:30",
            repeat: "none",
            until: None,
            emergency: true,
        });
    }
    one_offs.sort_by_key(|m| (m.date, m.start));
    meetings.extend(one_offs);
    meetings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_are_ordered_apart_and_inside_the_year() {
        for year in YEARS {
            let h = holidays(year);
            assert!(h.len() >= 6);
            for w in h.windows(2) {
                assert!(w[0].2 < w[1].1, "{year}: {} overlaps {}", w[0].0, w[1].0);
            }
            for x in &h {
                assert!(x.1 <= x.2 && x.1.year() == year && x.2.year() == year);
            }
        }
    }

    #[test]
    fn spring_festival_2015_as_in_the_spec_example() {
        let h = holidays(2015);
        let sf = h.iter().find(|x| x.0 == "春节").unwrap();
        assert_eq!((sf.1, sf.2), (ymd(2015, 2, 18), ymd(2015, 2, 24)));
        let nd = h.iter().find(|x| x.0 == "国庆节").unwrap();
        assert_eq!((nd.1, nd.2), (ymd(2015, 10, 1), ymd(2015, 10, 7)));
    }
}
