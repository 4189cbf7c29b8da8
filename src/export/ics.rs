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

/// Each unit's team at the year's end, ids, leader first.
fn teams(plan: &PlanFile) -> BTreeMap<String, Vec<String>> {
    plan.assignment
        .iter()
        .map(|a| {
            let mut ids: Vec<&String> = vec![&a.leader];
            ids.extend(a.helpers.iter());
            ids.extend(a.assist.iter());
            let team = ids
                .into_iter()
                .filter(|id| !id.is_empty())
                .cloned()
                .collect();
            (a.unit.clone(), team)
        })
        .collect()
}

/// A unit's team as it was on a session's date, "name (role)" each: the
/// plan's team, with each successor whose handover comes later replaced by
/// the one they succeed.
fn team_on(
    roster: &Roster,
    plan: &PlanFile,
    teams: &BTreeMap<String, Vec<String>>,
    s: &Session,
    lang: Lang,
) -> Vec<String> {
    let mut ids = teams.get(&s.unit).cloned().unwrap_or_default();
    let mut later: Vec<&crate::plan::HandoverLine> = plan
        .handover
        .iter()
        .filter(|h| h.date.as_str() > s.date.as_str())
        .collect();
    // The latest first, so a chain of handovers leads back to the first holder.
    later.sort_by(|a, b| b.date.cmp(&a.date));
    for h in later {
        for id in ids.iter_mut().filter(|id| **id == h.to) {
            *id = h.from.clone();
        }
    }
    ids.iter()
        .map(|id| name_and_role(roster, id, lang))
        .collect()
}

/// The events of the calendars sent before (the files already in the
/// folder): per UID, its SEQUENCE and its text without the SEQUENCE line.
pub type Sent = BTreeMap<String, (u32, String)>;

/// Reads the events of the `.ics` files in `dir` (none when it is missing;
/// a file that cannot be read counts as not sent).
pub fn sent(dir: &Path) -> Sent {
    let mut out = Sent::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ics"))
        .collect();
    paths.sort();
    for p in paths {
        let Ok(body) = crate::input::read_to_string(&p) else {
            continue;
        };
        out.extend(events_of(&body));
    }
    out
}

/// The events of one calendar file's text, as [`Sent`] holds them.
fn events_of(body: &str) -> Sent {
    let mut out = Sent::new();
    // Unfold (§3.1), then take each VEVENT's lines.
    let unfolded = body.replace("\r\n ", "").replace("\n ", "");
    let mut cur: Option<(Option<String>, u32, String)> = None;
    for l in unfolded.lines() {
        match (l, cur.as_mut()) {
            ("BEGIN:VEVENT", _) => cur = Some((None, 0, String::new())),
            ("END:VEVENT", Some(_)) => {
                if let Some((Some(uid), seq, text)) = cur.take() {
                    out.insert(uid, (seq, text));
                }
            }
            (l, Some((uid, seq, text))) => {
                if let Some(v) = l.strip_prefix("SEQUENCE:") {
                    *seq = v.trim().parse().unwrap_or(0);
                    continue;
                }
                if let Some(v) = l.strip_prefix("UID:") {
                    *uid = Some(v.to_string());
                }
                text.push_str(l);
                text.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// One person's calendar file.
pub fn person_calendar(roster: &Roster, plan: &PlanFile, person: &str, lang: Lang) -> String {
    let following = Following {
        plan,
        teams: teams(plan),
        previous: None,
        sent: &Sent::new(),
    };
    calendar_for(roster, &following, person, lang)
}

/// What a person's calendar follows: the plan (and its teams), the plan in
/// force before it (and its teams), and the events sent before.
struct Following<'a> {
    plan: &'a PlanFile,
    teams: BTreeMap<String, Vec<String>>,
    previous: Option<(&'a PlanFile, BTreeMap<String, Vec<String>>)>,
    sent: &'a Sent,
}

/// One event: `status` CANCELLED for a session the new plan drops;
/// `changed` when the session differs from the plan in force's.
struct Event<'a> {
    session: &'a Session,
    cancelled: bool,
    changed: bool,
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
            changed: before.get(&uid(person, s)).is_some_and(|b| *b != s),
        })
        .collect();
    let now: std::collections::BTreeSet<String> = mine(plan).map(|s| uid(person, s)).collect();
    for s in previous.into_iter().flat_map(mine) {
        if !now.contains(&uid(person, s)) {
            out.push(Event {
                session: s,
                cancelled: true,
                changed: true,
            });
        }
    }
    out
}

fn calendar_for(roster: &Roster, f: &Following, person: &str, lang: Lang) -> String {
    let (plan, previous) = (f.plan, f.previous.as_ref().map(|p| p.0));
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
        // A cancelled event describes the session as it was: the team of
        // the plan in force.
        let team = match (&f.previous, e.cancelled) {
            (Some((prev, teams)), true) => team_on(roster, prev, teams, s, lang),
            _ => team_on(roster, plan, &f.teams, s, lang),
        };
        let id = uid(person, s);
        let mut ev = String::new();
        line(&mut ev, &format!("UID:{id}"));
        line(&mut ev, &format!("DTSTAMP:{stamp}"));
        if e.cancelled {
            line(&mut ev, "STATUS:CANCELLED");
        }
        line(
            &mut ev,
            &format!("DTSTART;TZID={TZID}:{}", local(&s.date, &s.start)),
        );
        line(
            &mut ev,
            &format!("DTEND;TZID={TZID}:{}", local(&s.date, &s.end)),
        );
        line(
            &mut ev,
            &format!(
                "SUMMARY:{}",
                text(&words::summary(&s.kind, &name, s.hamlet.as_deref(), lang))
            ),
        );
        line(
            &mut ev,
            &format!(
                "LOCATION:{}",
                text(&words::location(&s.kind, &name, s.hamlet.as_deref(), lang))
            ),
        );
        line(
            &mut ev,
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
            &mut ev,
            &format!("CATEGORIES:{}", text(&words::kind_word(&s.kind, lang))),
        );
        // RFC 5545 §3.8.7.4: an update carries a higher SEQUENCE than the
        // event it replaces. The event as last sent (the folder's file)
        // gives it: the same text keeps its SEQUENCE, another text (changed
        // or cancelled) gets one more. Where nothing was sent before, the
        // plan in force's event had none (0).
        let unfolded = ev.replace("\r\n ", "").replace("\r\n", "\n");
        let sequence = match f.sent.get(&id) {
            Some((seq, was)) if *was == unfolded => *seq,
            Some((seq, _)) => seq + 1,
            None => u32::from(e.changed),
        };
        line(&mut out, "BEGIN:VEVENT");
        if sequence > 0 {
            line(&mut ev, &format!("SEQUENCE:{sequence}"));
        }
        out.push_str(&ev);
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
    calendars_following(roster, plan, None, &Sent::new(), lang)
}

/// As [`calendars`]; with the plan in force, also for the people it had
/// (those who left included), each event it had and `plan` drops cancelled.
/// `sent` (the events as last sent, see [`sent`]) sets each event's
/// SEQUENCE: one more than sent where the event's text differs.
pub fn calendars_following(
    roster: &Roster,
    plan: &PlanFile,
    previous: Option<&PlanFile>,
    sent: &Sent,
    lang: Lang,
) -> Vec<(String, String)> {
    let following = Following {
        plan,
        teams: teams(plan),
        previous: previous.map(|p| (p, teams(p))),
        sent,
    };
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
            (name, calendar_for(roster, &following, &p, lang))
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
    let before = sent(dir);
    std::fs::create_dir_all(dir)?;
    let cals = calendars_following(roster, plan, previous, &before, lang);
    let (mut events, mut cancelled) = (0, 0);
    for (name, body) in &cals {
        events += body.matches("BEGIN:VEVENT").count();
        cancelled += body.matches("STATUS:CANCELLED").count();
        write_atomic(&dir.join(name), body.as_bytes())?;
    }
    Ok((cals.len(), events, cancelled))
}
