//! Words for a leader whom meetings keep from every station session of
//! some months (`calendar::taken`), said as a `window_taken` warning (the
//! plan's digest, `warnings`, the report, the workbook's 提醒) with what
//! would let the leader come or free the units.

use super::{Lang, Say};
use crate::calendar::taken::WindowTaken;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Months as runs: "6月、9—12月" / "June, September–December".
fn months(ms: &[u32], lang: Lang) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &m in ms {
        match runs.last_mut() {
            Some((_, b)) if *b + 1 == m => *b = m,
            _ => runs.push((m, m)),
        }
    }
    let said: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            let en = |m: u32| MONTHS_EN[(m as usize - 1).min(11)];
            match (lang, a == b) {
                (Lang::En, true) => en(a).to_string(),
                (Lang::En, false) => format!("{}–{}", en(a), en(b)),
                (Lang::Zh, true) => format!("{a}月"),
                (Lang::Zh, false) => format!("{a}—{b}月"),
            }
        })
        .collect();
    said.join(if lang == Lang::En { ", " } else { "、" })
}

impl Say for WindowTaken {
    fn say(&self, lang: Lang) -> String {
        let name = &self.name;
        let window = format!(
            "{} {}–{}",
            super::calendar::weekday(self.weekday, lang),
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        );
        match lang {
            Lang::En => {
                let when = match self.since {
                    Some(d) => format!("since taking over on {d}"),
                    None => format!("in {}", months(&self.months, lang)),
                };
                let titles: Vec<String> = self.meetings.iter().map(|t| format!("'{t}'")).collect();
                format!(
                    "{name} has no station session {when}: the meeting {} takes the station window ({window}) every station day, {name} being on it (meetings take whoever holds the place that day); move it out of the window or have someone else attend, so that {name} can be at the units; or give {name}'s units to other leaders",
                    super::list(&titles, lang)
                )
            }
            Lang::Zh => {
                let when = match self.since {
                    Some(d) => format!("自{}接任起", super::date(d, lang)),
                    None => months(&self.months, lang),
                };
                let titles: Vec<String> = self.meetings.iter().map(|t| format!("“{t}”")).collect();
                format!(
                    "{name}{when}没有一次驻点接待：会议{}每个驻点日都占用驻点时间（{window}），而{name}要参会（会议由当天在任的人参加）；把会议移出驻点时间，或改由别人参会，{name}才能到联系的村（社区）驻点；或把其联系的村（社区）交给其他驻点领导",
                    super::list(&titles, lang)
                )
            }
        }
    }
}

/// `validate`'s words beside its staffing line for the leaders meetings
/// keep from the station window, one clause per set of meetings: who, and
/// how many more sessions a week go without a township member when those
/// kept all year are out (`more_short`; `short`: those the line already
/// counts). Starts with its own "; but".
pub fn beside_staffing(
    taken: &[WindowTaken],
    short: usize,
    more_short: usize,
    lang: Lang,
) -> String {
    let mut groups: Vec<(&[String], Vec<&WindowTaken>)> = Vec::new();
    for t in taken {
        match groups.iter_mut().find(|(m, _)| *m == t.meetings.as_slice()) {
            Some((_, ts)) => ts.push(t),
            None => groups.push((&t.meetings, vec![t])),
        }
    }
    let mut s = String::new();
    for (i, (meetings, ts)) in groups.iter().enumerate() {
        let t = ts[0];
        let window = format!(
            "{} {}–{}",
            super::calendar::weekday(t.weekday, lang),
            t.start.format("%H:%M"),
            t.end.format("%H:%M")
        );
        // The months only where it is not the whole year.
        let who: Vec<String> = ts
            .iter()
            .map(|t| match (t.since, t.months.len() == 12, lang) {
                (Some(d), _, Lang::En) => format!("{} (since taking over on {d})", t.name),
                (Some(d), _, Lang::Zh) => format!("{}（自{}接任起）", t.name, super::date(d, lang)),
                (None, true, _) => t.name.clone(),
                (None, false, Lang::En) => format!("{} ({})", t.name, months(&t.months, lang)),
                (None, false, Lang::Zh) => format!("{}（{}）", t.name, months(&t.months, lang)),
            })
            .collect();
        let last = i + 1 == groups.len();
        match lang {
            Lang::En => {
                let titles: Vec<String> = meetings.iter().map(|m| format!("'{m}'")).collect();
                let (the, take) = match titles.len() {
                    1 => ("the meeting", "takes"),
                    _ => ("the meetings", "take"),
                };
                let lead = match (i, short) {
                    (0, 0) => "; but",
                    (0, _) => "; also,",
                    _ => ";",
                };
                let attend = if who.len() == 1 { "attends" } else { "attend" };
                s += &format!(
                    "{lead} {the} {} {take} the station window ({window}) every station day, and {}, who {attend}, cannot station",
                    super::list(&titles, lang),
                    super::list(&who, lang)
                );
                if last && more_short > 0 {
                    s += &format!(
                        ", so about {} a week will have no township member",
                        match short {
                            0 => super::counted(more_short, "session", "sessions"),
                            _ => super::counted(more_short, "more session", "more sessions"),
                        }
                    );
                }
                let it = if titles.len() == 1 { "it" } else { "them" };
                s += &format!(": move {it} out of the window or have someone else attend");
            }
            Lang::Zh => {
                let titles: Vec<String> = meetings.iter().map(|m| format!("“{m}”")).collect();
                let lead = match (i, short) {
                    (0, 0) => "；但",
                    (0, _) => "；另外",
                    _ => "；",
                };
                s += &format!(
                    "{lead}会议{}每个驻点日都占用驻点时间（{window}），{}要参会，不能驻点",
                    super::list(&titles, lang),
                    who.join("、")
                );
                if last && more_short > 0 {
                    s += &match short {
                        0 => format!("，每周约有 {more_short} 次接待将因此没有镇街人员"),
                        _ => format!("，每周没有镇街人员的接待将因此再多约 {more_short} 次"),
                    };
                }
                s += "：把会议移出驻点时间，或改由别人参会";
            }
        }
    }
    s
}
