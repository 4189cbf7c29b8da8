//! Make-up sessions (补接待, rule 3). A station session that lost its
//! township member to an emergency meeting or an away period — nobody of the
//! township stood in — is made up at the same unit: those who missed it,
//! with the unit's own people (its local members on the team) present, on a
//! `makeup_days` weekday from `makeup_notice_days` to `makeup_within_days`
//! after the missed date, in the station window, outside holidays and
//! clashing with nothing of theirs. Where someone of the township stood in
//! (a substitute, 代班), the villagers were received and no make-up is owed.
//! Members who missed the same session go together when one day suits them
//! all, else each on their own.
//!
//! Under `rotation = "flexible"` make-ups stay as they were before the fixed
//! rotation: every member who missed a session makes it up, alone if need
//! be, on the first make-up day after notice, with no limit in days.

use super::cx::Cx;
use super::station::{Missed, StSession};
use crate::model::Rotation;

pub(crate) struct Makeup {
    pub day: usize,
    pub unit: usize,
    pub people: Vec<usize>,
    /// Day of the station session made up.
    pub makes_up: usize,
}

/// A lost session no day within the make-up window can make up.
pub(crate) struct Lost {
    pub unit: usize,
    pub day: usize,
    pub people: Vec<usize>,
}

pub(crate) fn place(
    cx: &mut Cx,
    sessions: &[StSession],
    missed: &[Missed],
) -> (Vec<Makeup>, Vec<Lost>) {
    let fixed = cx.roster.policy.rotation == Rotation::Fixed;
    let staffed: std::collections::BTreeSet<(usize, usize)> = sessions
        .iter()
        .filter(|s| fixed && s.people.iter().any(|&p| cx.persons[p].township))
        .map(|s| (s.week, s.unit))
        .collect();
    let mut missed: Vec<Missed> = missed
        .iter()
        .filter(|m| !staffed.contains(&(m.week, m.unit)))
        .cloned()
        .collect();
    missed.sort_by_key(|m| (m.week, m.unit, m.person));
    missed.dedup_by_key(|m| (m.week, m.unit, m.person));
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
        let parts = if let Some((d, people)) = first_day(cx, u, &group, day) {
            book(cx, &people, d);
            made.push(Makeup {
                day: d,
                unit: u,
                people,
                makes_up: day,
            });
            continue;
        } else if group.len() > 1 {
            group.iter().map(|&p| vec![p]).collect()
        } else {
            vec![group]
        };
        for part in parts {
            match first_day(cx, u, &part, day) {
                Some((d, people)) => {
                    book(cx, &people, d);
                    made.push(Makeup {
                        day: d,
                        unit: u,
                        people,
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

/// The first day that suits `people` and at least one of the unit's own
/// people, with everyone who comes (team order).
fn first_day(
    cx: &Cx,
    u: usize,
    people: &[usize],
    missed_day: usize,
) -> Option<(usize, Vec<usize>)> {
    let st = &cx.roster.station;
    let (s, e) = cx.win;
    let fixed = cx.roster.policy.rotation == Rotation::Fixed;
    let from = missed_day + st.makeup_notice_days as usize;
    let within = if fixed {
        st.makeup_within_days as usize
    } else {
        cx.ndays
    };
    let to = (missed_day + within).min(cx.ndays.saturating_sub(1));
    (from..=to).find_map(|d| {
        if !st.makeup_days.contains(&cx.weekday(d)) || !people.iter().all(|&p| cx.free(p, d, s, e))
        {
            return None;
        }
        if !fixed {
            return Some((d, people.to_vec()));
        }
        let come: Vec<usize> = cx.teams[u]
            .members
            .iter()
            .copied()
            .filter(|&p| {
                people.contains(&p) || (cx.persons[p].own_unit == Some(u) && cx.free(p, d, s, e))
            })
            .collect();
        come.iter()
            .any(|&p| cx.persons[p].own_unit == Some(u))
            .then_some((d, come))
    })
}

fn book(cx: &mut Cx, people: &[usize], day: usize) {
    let (s, e) = cx.win;
    for &p in people {
        cx.book(p, day, s, e);
    }
}
