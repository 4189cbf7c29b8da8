//! Make-up sessions (补班, rule 3): a station session lost to an emergency
//! meeting or an away period is made up for the same unit, by the members
//! who missed it, on the first `makeup_days` weekday at least
//! `makeup_notice_days` after the missed date, in the station window, outside
//! holidays and clashing with nothing of theirs. Members who missed the same
//! session go together when one day suits them all, else each on their own.

use super::cx::Cx;
use super::station::Missed;

pub(crate) struct Makeup {
    pub day: usize,
    pub unit: usize,
    pub people: Vec<usize>,
    /// Day of the station session made up.
    pub makes_up: usize,
}

/// A lost session no day in the year can make up.
pub(crate) struct Lost {
    pub unit: usize,
    pub day: usize,
    pub people: Vec<usize>,
}

pub(crate) fn place(cx: &mut Cx, missed: &[Missed]) -> (Vec<Makeup>, Vec<Lost>) {
    let mut missed = missed.to_vec();
    missed.sort_by_key(|m| (m.week, m.unit, m.person));
    let mut made = Vec::new();
    let mut lost = Vec::new();
    let mut i = 0;
    while i < missed.len() {
        let (w, u) = (missed[i].week, missed[i].unit);
        let mut group = Vec::new();
        while i < missed.len() && missed[i].week == w && missed[i].unit == u {
            group.push(missed[i].person);
            i += 1;
        }
        let day = cx.weeks[w];
        let mut parts = vec![group.clone()];
        if let Some(d) = first_day(cx, &group, day) {
            book(cx, &group, d);
            made.push(Makeup {
                day: d,
                unit: u,
                people: group,
                makes_up: day,
            });
            continue;
        }
        if group.len() > 1 {
            parts = group.iter().map(|&p| vec![p]).collect();
        }
        for part in parts {
            match first_day(cx, &part, day) {
                Some(d) => {
                    book(cx, &part, d);
                    made.push(Makeup {
                        day: d,
                        unit: u,
                        people: part,
                        makes_up: day,
                    });
                }
                None => lost.push(Lost {
                    unit: u,
                    day,
                    people: part,
                }),
            }
        }
    }
    (made, lost)
}

fn first_day(cx: &Cx, people: &[usize], missed_day: usize) -> Option<usize> {
    let st = &cx.roster.station;
    let (s, e) = cx.win;
    let from = missed_day + st.makeup_notice_days as usize;
    (from..cx.ndays).find(|&d| {
        st.makeup_days.contains(&cx.weekday(d)) && people.iter().all(|&p| cx.free(p, d, s, e))
    })
}

fn book(cx: &mut Cx, people: &[usize], day: usize) {
    let (s, e) = cx.win;
    for &p in people {
        cx.book(p, day, s, e);
    }
}
