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
