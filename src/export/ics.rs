//! iCalendar (RFC 5545) files, one per person, that phone calendars import.
//!
//! Written by hand rather than through a library because every byte must be
//! reproducible: DTSTAMP comes from the plan's year, not the clock, and each
//! UID is built from person, unit, date, kind and start, so that importing a
//! re-run's file updates events instead of duplicating them. Times carry
//! TZID=Asia/Shanghai with its VTIMEZONE (China has no daylight saving, so a
//! single STANDARD rule is exact). Lines are folded at 75 octets, never
//! inside a UTF-8 character, and end in CRLF.

use std::collections::BTreeMap;
use std::path::Path;

use super::{name_and_role, people, unit_name};
use crate::model::Roster;
use crate::plan::{PlanFile, Session, write_atomic};
use crate::wording::Lang;
use crate::wording::calendar as words;

pub const PRODID: &str = "-//zhudian//visit calendar//ZH";
const TZID: &str = "Asia/Shanghai";

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (§3.1): continuation lines
/// start with a space, which counts toward their 75. An escape such as
/// `\n` is kept on one line: legal either way, but some phones unfold badly.
fn line(out: &mut String, l: &str) {
    let chars: Vec<char> = l.chars().collect();
    let mut width = 0;
    let mut i = 0;
    while i < chars.len() {
        let unit = if chars[i] == '\\' && i + 1 < chars.len() {
            2
        } else {
            1
        };
        let n: usize = chars[i..i + unit].iter().map(|c| c.len_utf8()).sum();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.extend(&chars[i..i + unit]);
        width += n;
        i += unit;
    }
    out.push_str("\r\n");
}

/// Keeps ids readable inside a UID while making it plain ASCII.
fn uid_part(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The event's UID: the same session of the same person always gets the same one.
pub fn uid(person: &str, s: &Session) -> String {
    format!(
        "{}-{}-{}-{}-{}@zhudian",
        uid_part(person),
        uid_part(&s.unit),
        s.date.replace('-', ""),
        uid_part(&s.kind),
        s.start.replace(':', "")
    )
}

fn local(date: &str, time: &str) -> String {
    format!("{}T{}00", date.replace('-', ""), time.replace(':', ""))
}

/// Each unit's team, "name (role)" each, leader first.
fn teams(roster: &Roster, plan: &PlanFile, lang: Lang) -> BTreeMap<String, Vec<String>> {
    plan.assignment
        .iter()
        .map(|a| {
            let mut ids: Vec<&String> = vec![&a.leader];
            ids.extend(a.helpers.iter());
            ids.extend(a.assist.iter());
            let team = ids
                .into_iter()
                .filter(|id| !id.is_empty())
                .map(|id| name_and_role(roster, id, lang))
                .collect();
            (a.unit.clone(), team)
        })
        .collect()
}

/// One person's calendar file.
pub fn person_calendar(roster: &Roster, plan: &PlanFile, person: &str, lang: Lang) -> String {
    let teams = teams(roster, plan, lang);
    calendar_for(roster, plan, None, person, lang, &teams)
}

/// One event: `status` CANCELLED for a session the new plan drops;
/// `sequence` above 0 when the event changed since the plan in force.
struct Event<'a> {
    session: &'a Session,
    cancelled: bool,
    sequence: u32,
}

/// A person's events: the plan's sessions, and with a plan in force, each
/// of its sessions the plan drops (cancelled). Only an event that changes
/// gets a higher SEQUENCE, so a phone re-importing the file updates it.
fn events<'a>(plan: &'a PlanFile, previous: Option<&'a PlanFile>, person: &str) -> Vec<Event<'a>> {
    let mine = |p: &'a PlanFile| {
        p.session
            .iter()
            .filter(move |s| s.people.iter().any(|x| x == person))
    };
    let before: BTreeMap<String, &Session> = previous
        .into_iter()
        .flat_map(mine)
        .map(|s| (uid(person, s), s))
        .collect();
    let mut out: Vec<Event> = mine(plan)
        .map(|s| Event {
            session: s,
            cancelled: false,
            sequence: before.get(&uid(person, s)).is_some_and(|b| *b != s) as u32,
        })
        .collect();
    let now: std::collections::BTreeSet<String> = mine(plan).map(|s| uid(person, s)).collect();
    for s in previous.into_iter().flat_map(mine) {
        if !now.contains(&uid(person, s)) {
            out.push(Event {
                session: s,
                cancelled: true,
                sequence: 1,
            });
        }
    }
    out
}

fn calendar_for(
    roster: &Roster,
    plan: &PlanFile,
    previous: Option<&PlanFile>,
    person: &str,
    lang: Lang,
    teams: &BTreeMap<String, Vec<String>>,
) -> String {
    let mut out = String::new();
    let stamp = format!("{}0101T000000Z", roster.township.year);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, &format!("PRODID:{PRODID}"));
    line(&mut out, "VERSION:2.0");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            text(&format!(
                "{} {}",
                roster.township.name,
                super::name_of(roster, person)
            ))
        ),
    );
    line(&mut out, &format!("X-WR-TIMEZONE:{TZID}"));
    for l in [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Shanghai",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        line(&mut out, l);
    }
    for e in events(plan, previous, person) {
        let s = e.session;
        let name = unit_name(roster, &s.unit);
        let present: Vec<String> = s
            .people
            .iter()
            .map(|p| name_and_role(roster, p, lang))
            .collect();
        let team = teams.get(&s.unit).cloned().unwrap_or_default();
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", uid(person, s)));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        if e.sequence > 0 {
            line(&mut out, &format!("SEQUENCE:{}", e.sequence));
        }
        if e.cancelled {
            line(&mut out, "STATUS:CANCELLED");
        }
        line(
            &mut out,
            &format!("DTSTART;TZID={TZID}:{}", local(&s.date, &s.start)),
        );
        line(
            &mut out,
            &format!("DTEND;TZID={TZID}:{}", local(&s.date, &s.end)),
        );
        line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                text(&words::summary(&s.kind, &name, s.hamlet.as_deref(), lang))
            ),
        );
        line(
            &mut out,
            &format!(
                "LOCATION:{}",
                text(&words::location(&s.kind, &name, s.hamlet.as_deref(), lang))
            ),
        );
        line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                text(&words::description(
                    &present,
                    &team,
                    s.makes_up.as_deref(),
                    s.households,
                    lang
                ))
            ),
        );
        line(
            &mut out,
            &format!("CATEGORIES:{}", text(&words::kind_word(&s.kind, lang))),
        );
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// A file name from an id: path separators and other characters that
/// filesystems refuse become `_`.
pub fn file_name(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    if s.is_empty() || s.starts_with('.') {
        s.insert(0, '_');
    }
    s + ".ics"
}

/// Every person's calendar: (file name, contents), in roster order.
pub fn calendars(roster: &Roster, plan: &PlanFile, lang: Lang) -> Vec<(String, String)> {
    calendars_following(roster, plan, None, lang)
}

/// As [`calendars`]; with the plan in force, also for the people it had
/// (those who left included), each event it had and `plan` drops cancelled.
pub fn calendars_following(
    roster: &Roster,
    plan: &PlanFile,
    previous: Option<&PlanFile>,
    lang: Lang,
) -> Vec<(String, String)> {
    let teams = teams(roster, plan, lang);
    let mut taken = std::collections::BTreeSet::new();
    let mut everyone = people(roster, plan);
    for p in previous
        .map(|prev| people(roster, prev))
        .unwrap_or_default()
    {
        if !everyone.contains(&p) {
            everyone.push(p);
        }
    }
    everyone
        .into_iter()
        .map(|p| {
            let mut name = file_name(&p);
            let mut k = 2;
            while !taken.insert(name.clone()) {
                name = format!("{}-{k}.ics", file_name(&p).trim_end_matches(".ics"));
                k += 1;
            }
            (name, calendar_for(roster, plan, previous, &p, lang, &teams))
        })
        .collect()
}

/// Writes every person's calendar into `dir` (created if missing), each file
/// atomically. Returns the number of files and of events written.
pub fn write_all(
    roster: &Roster,
    plan: &PlanFile,
    dir: &Path,
    lang: Lang,
) -> std::io::Result<(usize, usize)> {
    write_following(roster, plan, None, dir, lang).map(|(f, e, _)| (f, e))
}

/// As [`write_all`], following a change from the plan in force (see
/// [`calendars_following`]). Returns files, events and cancelled events.
pub fn write_following(
    roster: &Roster,
    plan: &PlanFile,
    previous: Option<&PlanFile>,
    dir: &Path,
    lang: Lang,
) -> std::io::Result<(usize, usize, usize)> {
    std::fs::create_dir_all(dir)?;
    let cals = calendars_following(roster, plan, previous, lang);
    let (mut events, mut cancelled) = (0, 0);
    for (name, body) in &cals {
        events += body.matches("BEGIN:VEVENT").count();
        cancelled += body.matches("STATUS:CANCELLED").count();
        write_atomic(&dir.join(name), body.as_bytes())?;
    }
    Ok((cals.len(), events, cancelled))
}
