//! Before any planning, what a city's shared people's station windows will
//! do: two townships sharing a person whose windows on the same weekday are
//! closer than the road between them. `plan CITY` plans the earlier township
//! first and keeps the later one's duties clear of his there, so on every
//! date both hold their station he is in the earlier one; where that is
//! nine in ten or more of the later township's station dates he leads no
//! unit there (`across::never_here`'s rule). `validate` says this as what
//! will happen, and counts him apart from the later township's leaders.

use chrono::{Datelike, NaiveDate};

use super::across::Across;
use crate::model::Roster;

/// A shared person's two townships with windows too close on one weekday.
#[derive(Debug, Clone, PartialEq)]
pub struct Clash {
    pub id: String,
    pub name: String,
    /// The township planned first, and the one planned after it (indices).
    pub earlier: usize,
    pub later: usize,
    /// The travel minutes between them.
    pub minutes: u32,
    /// The later township's station dates (its weekday, holidays aside).
    pub dates: usize,
    /// Of those, the dates the earlier township holds its station too.
    pub both: usize,
}

impl Clash {
    /// He leads no unit in the later township: the earlier one's station
    /// takes nine in ten or more of its dates (as `never_here` decides).
    pub fn leads_none_later(&self) -> bool {
        self.dates > 0 && self.both * 10 >= self.dates * 9
    }
}

/// A township's station dates: its weekday, its holidays aside.
fn station_dates(r: &Roster) -> Vec<NaiveDate> {
    (1..=366)
        .filter_map(|o| NaiveDate::from_yo_opt(r.township.year, o))
        .filter(|d| d.weekday() == r.station.weekday && r.days.holiday(*d).is_none())
        .collect()
}

/// Every shared person's pair of townships (city order) whose station
/// windows on the same weekday leave less than the travel time between.
pub fn clashes(rosters: &[&Roster], across: &Across) -> Vec<Clash> {
    let mut out = Vec::new();
    for s in &across.shared {
        for (k, &i) in s.townships.iter().enumerate() {
            for &j in &s.townships[k + 1..] {
                let (a, b) = (rosters[i], rosters[j]);
                if a.station.weekday != b.station.weekday {
                    continue;
                }
                let m = a
                    .township
                    .between
                    .minutes(&a.township.name, &b.township.name);
                let gap = (b.station.start - a.station.end).max(a.station.start - b.station.end);
                if gap.num_minutes() >= m as i64 {
                    continue;
                }
                let first = station_dates(a);
                let dates = station_dates(b);
                let both = dates.iter().filter(|d| first.contains(d)).count();
                out.push(Clash {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    earlier: i,
                    later: j,
                    minutes: m,
                    dates: dates.len(),
                    both,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_in_ten_shared_dates_keep_him_from_leading_in_the_later_township() {
        let clash = |both| Clash {
            id: "chen".into(),
            name: "陈志强".into(),
            earlier: 0,
            later: 1,
            minutes: 30,
            dates: 50,
            both,
        };
        // As `never_here` decides: 45 of 50 is enough, 44 is not.
        assert!(clash(45).leads_none_later());
        assert!(!clash(44).leads_none_later());
        assert!(
            !Clash {
                dates: 0,
                ..clash(0)
            }
            .leads_none_later()
        );
    }
}
