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
use crate::cancelled::{self, teams};
use crate::model::Roster;
use crate::plan::{Cancelled, PlanFile, Session, write_atomic};
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

/// A team's ids as "name (role)" each.
fn team_names(roster: &Roster, ids: &[String], lang: Lang) -> Vec<String> {
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

/// One person's calendar file (with the cancellations the plan carries).
pub fn person_calendar(roster: &Roster, plan: &PlanFile, person: &str, lang: Lang) -> String {
    let following = Following {
        plan,
        teams: teams(plan),
        previous: None,
        cancelled: cancelled::to_send(plan, None),
        sent: &Sent::new(),
    };
    calendar_for(roster, &following, person, lang)
}

/// What a person's calendar follows: the plan (and its teams), the plan in
/// force before it, the events cancelled along the chain, and the events
/// sent before.
struct Following<'a> {
    plan: &'a PlanFile,
    teams: BTreeMap<String, Vec<String>>,
    previous: Option<&'a PlanFile>,
    cancelled: Vec<Cancelled>,
    sent: &'a Sent,
}

/// One event: `cancelled` with the team it had, for a session dropped along
/// the chain; `floor` the SEQUENCE it carries when nothing was sent before.
struct Event {
    session: Session,
    cancelled: Option<Vec<String>>,
    floor: u32,
}

/// A person's events: the plan's sessions, then each event cancelled along
/// the chain (the plan in force's events this plan drops included). Only
/// an event that changes gets a higher SEQUENCE, so a phone re-importing
/// the file updates it; an event held again after its cancellation gets
/// one past the cancellation's.
fn events(f: &Following, person: &str) -> Vec<Event> {
    let mine = |p: &PlanFile| -> Vec<Session> {
        p.session
            .iter()
            .filter(|s| s.people.iter().any(|x| x == person))
            .cloned()
            .collect()
    };
    let before: BTreeMap<String, Session> = f
        .previous
        .map(mine)
        .unwrap_or_default()
        .into_iter()
        .map(|s| (uid(person, &s), s))
        .collect();
    let theirs: Vec<&Cancelled> = f
        .cancelled
        .iter()
        .filter(|c| c.phones.iter().any(|p| p == person))
        .collect();
    let mut dropped: BTreeMap<String, u32> = BTreeMap::new();
    for c in &theirs {
        dropped
            .entry(uid(person, &c.session()))
            .or_insert(c.sequence);
    }
    let mut now = std::collections::BTreeSet::new();
    let mut out: Vec<Event> = Vec::new();
    for s in mine(f.plan) {
        let key = uid(person, &s);
        let floor = match (dropped.get(&key), before.get(&key)) {
            (Some(seq), _) => seq + 1,
            (None, Some(b)) => u32::from(*b != s),
            (None, None) => 0,
        };
        now.insert(key);
        out.push(Event {
            session: s,
            cancelled: None,
            floor,
        });
    }
    for c in theirs {
        let s = c.session();
        if now.insert(uid(person, &s)) {
            out.push(Event {
                session: s,
                cancelled: Some(c.team.clone()),
                floor: c.sequence,
            });
        }
    }
    out
}

fn calendar_for(roster: &Roster, f: &Following, person: &str, lang: Lang) -> String {
    let plan = f.plan;
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
    for e in events(f, person) {
        let s = &e.session;
        let name = unit_name(roster, &s.unit);
        let present: Vec<String> = s
            .people
            .iter()
            .map(|p| name_and_role(roster, p, lang))
            .collect();
        // A cancelled event describes the session as it was: the team of
        // the plan that had it.
        let team = match &e.cancelled {
            Some(ids) => team_names(roster, ids, lang),
            None => team_names(
                roster,
                &cancelled::team_on(plan, &f.teams, &s.unit, &s.date),
                lang,
            ),
        };
        let id = uid(person, s);
        let mut ev = String::new();
        line(&mut ev, &format!("UID:{id}"));
        line(&mut ev, &format!("DTSTAMP:{stamp}"));
        if e.cancelled.is_some() {
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
                text(&words::summary_marked(
                    &s.kind,
                    &name,
                    s.hamlet.as_deref(),
                    e.cancelled.is_some(),
                    lang
                ))
            ),
        );
        line(
            &mut ev,
            &format!(
                "LOCATION:{}",
                text(&words::location(
                    &s.kind,
                    &name,
                    roster
                        .unit_index(&s.unit)
                        .and_then(|u| roster.units[u].place.as_deref()),
                    s.hamlet.as_deref(),
                    lang
                ))
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
        // event's floor: 0 for an event as the plan in force had it, 1 for
        // a changed one, the cancellation's for a cancelled one.
        let unfolded = ev.replace("\r\n ", "").replace("\r\n", "\n");
        let sequence = match f.sent.get(&id) {
            Some((seq, was)) if *was == unfolded => *seq,
            Some((seq, _)) => seq + 1,
            None => e.floor,
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

/// Names that Windows refuses as a file's stem, whatever the extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file's stem any system accepts: characters Windows or Unix refuse
/// (`/\:*?"<>|`, control characters) become `_`; trailing dots and spaces
/// go, a leading dot gets a `_` before it; a reserved device name (CON, NUL, COM1 …) gets
/// a leading `_`; at most 100 characters.
pub fn safe_stem(s: &str) -> String {
    let mut out: String = s
        .trim()
        .chars()
        .take(100)
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    while out.ends_with(['.', ' ']) {
        out.pop();
    }
    if out.is_empty() || out.starts_with('.') {
        out.insert(0, '_');
    }
    let device = out
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    if RESERVED.contains(&device.as_str()) {
        out.insert(0, '_');
    }
    out
}

/// Each person's file name (`梁志华.ics`), in the order given: by name, with
/// the id added (`李明-li-m2.ics`) where two people of the roster or of the
/// files share a name, so a name stays the same from one sending to the
/// next. Someone the roster does not know is named by id. Names that would
/// still meet (letters compared without case, as Windows does) get `-2`, `-3`.
pub fn file_names(roster: &Roster, people: &[String]) -> Vec<String> {
    let mut ids: std::collections::BTreeSet<&str> = people.iter().map(String::as_str).collect();
    ids.extend(roster.cadres.iter().map(|c| c.id.as_str()));
    ids.extend(roster.helpers.iter().map(|h| h.id.as_str()));
    let mut holders: BTreeMap<String, usize> = BTreeMap::new();
    for id in ids {
        *holders.entry(super::name_of(roster, id)).or_default() += 1;
    }
    let mut taken = std::collections::BTreeSet::new();
    people
        .iter()
        .map(|id| {
            let name = super::name_of(roster, id);
            let stem = if holders.get(&name).copied().unwrap_or(0) > 1 && name != *id {
                safe_stem(&format!("{name}-{id}"))
            } else {
                safe_stem(&name)
            };
            let mut file = format!("{stem}.ics");
            let mut k = 2;
            while !taken.insert(file.to_lowercase()) {
                file = format!("{stem}-{k}.ics");
                k += 1;
            }
            file
        })
        .collect()
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
        previous,
        cancelled: cancelled::to_send(plan, previous),
        sent,
    };
    let mut everyone = people(roster, plan);
    let others = previous
        .map(|prev| people(roster, prev))
        .unwrap_or_default();
    let phones = following
        .cancelled
        .iter()
        .flat_map(|c| c.phones.iter().cloned());
    for p in others.into_iter().chain(phones) {
        if !everyone.contains(&p) {
            everyone.push(p);
        }
    }
    let names = file_names(roster, &everyone);
    names
        .into_iter()
        .zip(&everyone)
        .map(|(name, p)| (name, calendar_for(roster, &following, p, lang)))
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
