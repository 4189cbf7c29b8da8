//! The checker's own reading of a plan file. It deliberately does not use
//! `crate::plan`: a bug shared between the writer's types and the checker's
//! would let a wrong plan pass. Values that cannot be read (a date like
//! 2015-13-01, a session kind nobody knows) make the file unreadable, with
//! the line and field; everything readable is left for the rules to judge.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;
use toml::Spanned;

use crate::wording::check::Unreadable;

#[derive(Debug, Deserialize)]
struct RawPlan {
    plan: RawHeader,
    #[serde(default)]
    assignment: Vec<RawAssignment>,
    #[serde(default)]
    leader: Vec<RawLeader>,
    #[serde(default)]
    earlier_team: Vec<RawEarlierTeam>,
    #[serde(default)]
    handover: Vec<RawHandover>,
    #[serde(default)]
    timetable: Vec<RawTimetable>,
    #[serde(default)]
    session: Vec<RawSession>,
    #[serde(default)]
    warning: Vec<RawWarning>,
}

#[derive(Debug, Deserialize)]
struct RawHeader {
    #[serde(default)]
    roster_sha256: Option<String>,
    #[serde(default)]
    status: Option<String>,
    cost: f64,
    lower_bound: f64,
    gap: f64,
    /// What cut the search short; read only so that any other word makes
    /// the file unreadable (no rule depends on it).
    #[serde(default)]
    #[allow(dead_code)]
    stopped: Option<Stopped>,
    /// The day a `replan --from` kept the plan in force until.
    #[serde(default)]
    replanned_from: Option<String>,
    metrics: RawMetrics,
}

/// `stopped` in `[plan]`: what the limits cut, joined by ", ": "work" or
/// "time" (the engine's search) first, then "teams", then "calendar".
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stopped(Vec<String>);

impl<'de> Deserialize<'de> for Stopped {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const ORDER: [&str; 4] = ["work", "time", "teams", "calendar"];
        let text = String::deserialize(d)?;
        let words: Vec<String> = text.split(", ").map(str::to_string).collect();
        let rank = |w: &String| ORDER.iter().position(|o| o == w);
        let ranks: Option<Vec<usize>> = words.iter().map(rank).collect();
        // In order, each once, and not both engine limits.
        let ordered = ranks.as_ref().is_some_and(|r| {
            r.windows(2).all(|p| p[0] < p[1]) && !(r.contains(&0) && r.contains(&1))
        });
        if !ordered {
            return Err(serde::de::Error::custom(format!(
                "stopped = \"{text}\": expected \"work\" or \"time\", then \"teams\", then \"calendar\", joined by \", \""
            )));
        }
        Ok(Stopped(words))
    }
}

/// A handover line (`[[handover]]`): who handed over to whom, from which
/// day, the units whose leader and the team places ("unit/slot", slots from
/// 1) whose helper it changes.
#[derive(Debug, Deserialize)]
struct RawHandover {
    from: String,
    to: String,
    date: Spanned<toml::Value>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    slots: Vec<String>,
}

/// A handover line as read, its date parsed.
#[derive(Debug, Clone)]
pub struct HandoverLine {
    pub from: String,
    pub to: String,
    pub date: NaiveDate,
    pub units: Vec<String>,
    pub slots: Vec<String>,
}

/// The stated figures; the calendar's are absent from assignment-only plans.
#[derive(Debug, Clone, Deserialize)]
pub struct RawMetrics {
    pub balance_cost: f64,
    pub travel_cost: f64,
    pub continuity_cost: f64,
    pub helper_continuity_cost: f64,
    pub max_deviation_pct: f64,
    pub tour_minutes_total: f64,
    pub units_changed: u64,
    pub slots_changed: u64,
    #[serde(default)]
    pub station_sessions: u64,
    #[serde(default)]
    pub makeup_sessions: u64,
    #[serde(default)]
    pub household_visit_sessions: u64,
    #[serde(default)]
    pub shortfall_sessions: u64,
    #[serde(default)]
    pub warnings: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawAssignment {
    pub unit: String,
    pub leader: String,
    #[serde(default)]
    pub helpers: Vec<String>,
    #[serde(default)]
    pub assist: Vec<String>,
}

/// A team of a stretch of the year before the plan's own (`[[earlier_team]]`).
#[derive(Debug, Deserialize)]
struct RawEarlierTeam {
    until: Spanned<toml::Value>,
    unit: String,
    leader: String,
    #[serde(default)]
    helpers: Vec<String>,
    #[serde(default)]
    assist: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RawLeader {
    pub id: String,
    #[serde(default)]
    pub units: Vec<String>,
    pub load: f64,
    pub deviation_pct: f64,
    pub tour_minutes: f64,
    #[serde(default)]
    pub tour: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawTimetable {
    unit: String,
    leader: String,
    cycle: i64,
    offset: i64,
    #[serde(default)]
    leader_dates: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    substitute: Vec<RawSubstitute>,
}

#[derive(Debug, Deserialize)]
struct RawSubstitute {
    date: Spanned<toml::Value>,
    #[serde(default)]
    person: Option<String>,
}

/// A unit's posted timetable under a fixed rotation, as the plan states it.
#[derive(Debug, Clone)]
pub struct Timetable {
    pub unit: String,
    pub leader: String,
    pub cycle: i64,
    pub offset: i64,
    pub leader_dates: Vec<NaiveDate>,
    /// The leader's blocked turns and who stands in.
    pub substitutes: Vec<(NaiveDate, Option<String>)>,
}

#[derive(Debug, Deserialize)]
struct RawSession {
    date: Spanned<toml::Value>,
    start: Spanned<toml::Value>,
    end: Spanned<toml::Value>,
    unit: String,
    kind: Spanned<String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    hamlet: Option<String>,
    #[serde(default)]
    households: Option<i64>,
    #[serde(default)]
    makes_up: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
struct RawWarning {
    kind: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    date: Option<Spanned<toml::Value>>,
    #[serde(default)]
    people: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Station,
    Makeup,
    Visit,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Station => "station",
            Kind::Makeup => "makeup",
            Kind::Visit => "household_visit",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Session {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub unit: String,
    pub kind: Kind,
    pub people: Vec<String>,
    pub hamlet: Option<String>,
    pub households: Option<i64>,
    pub makes_up: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Warning {
    pub kind: String,
    pub unit: Option<String>,
    pub date: Option<NaiveDate>,
    pub people: Vec<String>,
}

/// A plan as the checker sees it: strings kept as written, dates and times read.
#[derive(Debug, Clone)]
pub struct Plan {
    pub roster_sha256: Option<String>,
    /// "optimal" or "feasible"; absent in hand-made plans.
    pub status: Option<String>,
    /// `replanned_from` in `[plan]`: the plan was replanned from this day.
    pub replanned_from: Option<chrono::NaiveDate>,
    pub cost: f64,
    pub lower_bound: f64,
    pub gap: f64,
    pub metrics: RawMetrics,
    pub assignments: Vec<RawAssignment>,
    /// `[[earlier_team]]`: each earlier stretch's end (the first day it no
    /// longer served) and its teams, stretches in date order.
    pub earlier: Vec<(NaiveDate, Vec<RawAssignment>)>,
    /// `[[handover]]`, in file order.
    pub handovers: Vec<HandoverLine>,
    pub leaders: Vec<RawLeader>,
    pub timetables: Vec<Timetable>,
    pub sessions: Vec<Session>,
    pub warnings: Vec<Warning>,
}

/// The previous plan, when replanning: only who served where matters, but
/// it must be a plan (a `[plan]` header with its figures), not any TOML.
#[derive(Debug, Deserialize)]
pub struct Previous {
    #[allow(dead_code)] // required, so that a roster or Cargo.toml is refused
    plan: RawHeader,
    #[serde(default)]
    pub assignment: Vec<RawAssignment>,
}

fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn syntax(e: toml::de::Error, text: &str) -> Unreadable {
    Unreadable::Syntax {
        line: e.span().map(|s| line_of(text, s.start)),
        detail: e.message().trim().to_string(),
    }
}

pub fn read_previous(text: &str) -> Result<Previous, Unreadable> {
    toml::from_str(text).map_err(|e| syntax(e, text))
}

/// The text of a date or time field, whether a TOML string or a TOML date/time.
fn value_text(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.trim().to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        _ => None,
    }
}

fn bad_value(
    text: &str,
    base: usize,
    v: &Spanned<toml::Value>,
    section: &str,
    n: usize,
    field: &str,
) -> Unreadable {
    Unreadable::BadValue {
        line: line_of(text, base + v.span().start),
        section: section.to_string(),
        n,
        field: field.to_string(),
        value: match v.get_ref() {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        },
    }
}

fn date(
    text: &str,
    base: usize,
    v: &Spanned<toml::Value>,
    section: &str,
    n: usize,
    field: &str,
) -> Result<NaiveDate, Unreadable> {
    value_text(v.get_ref())
        .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .ok_or_else(|| bad_value(text, base, v, section, n, field))
}

fn time(
    text: &str,
    base: usize,
    v: &Spanned<toml::Value>,
    n: usize,
    field: &str,
) -> Result<NaiveTime, Unreadable> {
    value_text(v.get_ref())
        .and_then(|s| {
            NaiveTime::parse_from_str(&s, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(&s, "%H:%M:%S"))
                .ok()
        })
        .ok_or_else(|| bad_value(text, base, v, "[[session]]", n, field))
}

/// The `[[session]]`s alone, for parsing a year's calendar in pieces.
#[derive(Debug, Deserialize)]
struct Chunk {
    #[serde(default)]
    session: Vec<RawSession>,
}

/// Below this many sessions one parse is quick enough.
const CHUNKED_FROM: usize = 2000;

/// Sessions with the offset their spans count from.
type Located = Vec<(usize, RawSession)>;

/// A year's calendar is tens of thousands of `[[session]]` tables, and TOML
/// parsing is most of the checker's time; so when the sessions form one run
/// of `[[session]]` headers, the run is cut at headers and parsed on all
/// cores. Each piece is a TOML document of its own that means the same as
/// in the whole file. Anything unusual, or any error, falls back to parsing
/// the whole file, which also gives the exact line of an error.
fn read_chunked(text: &str) -> Option<(RawPlan, Located)> {
    use rayon::prelude::*;
    let mut headers: Vec<(usize, bool)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            headers.push((at, t == "[[session]]"));
        }
        at += line.len();
    }
    let first = headers.iter().position(|h| h.1)?;
    let last = first + headers[first..].iter().take_while(|h| h.1).count();
    if headers[last..].iter().any(|h| h.1) || last - first < CHUNKED_FROM {
        return None;
    }
    let start = headers[first].0;
    let end = headers.get(last).map_or(text.len(), |h| h.0);
    let pieces = rayon::current_num_threads().max(1) * 4;
    let per = (last - first).div_ceil(pieces);
    let cuts: Vec<(usize, usize)> = (first..last)
        .step_by(per)
        .map(|i| {
            let to = if i + per < last {
                headers[i + per].0
            } else {
                end
            };
            (headers[i].0, to)
        })
        .collect();
    let rest = format!("{}{}", &text[..start], &text[end..]);
    let (rest, chunks) = rayon::join(
        || toml::from_str::<RawPlan>(&rest).ok(),
        || {
            cuts.par_iter()
                .map(|&(a, b)| toml::from_str::<Chunk>(&text[a..b]).ok().map(|c| (a, c)))
                .collect::<Option<Vec<_>>>()
        },
    );
    let (rest, chunks) = (rest?, chunks?);
    if !rest.session.is_empty() {
        return None;
    }
    let sessions = chunks
        .into_iter()
        .flat_map(|(a, c)| c.session.into_iter().map(move |s| (a, s)))
        .collect();
    Some((rest, sessions))
}

pub fn read(text: &str) -> Result<Plan, Unreadable> {
    let (raw, located) = match read_chunked(text) {
        Some(x) => x,
        None => {
            let mut raw: RawPlan = toml::from_str(text).map_err(|e| syntax(e, text))?;
            let located = std::mem::take(&mut raw.session)
                .into_iter()
                .map(|s| (0, s))
                .collect();
            (raw, located)
        }
    };
    let mut sessions = Vec::with_capacity(located.len());
    for (i, (base, s)) in located.into_iter().enumerate() {
        let n = i + 1;
        let kind = match s.kind.get_ref().as_str() {
            "station" => Kind::Station,
            "makeup" => Kind::Makeup,
            "household_visit" => Kind::Visit,
            other => {
                return Err(Unreadable::BadKind {
                    line: line_of(text, base + s.kind.span().start),
                    n,
                    value: other.to_string(),
                });
            }
        };
        let makes_up = match &s.makes_up {
            Some(v) => Some(date(text, base, v, "[[session]]", n, "makes_up")?),
            None => None,
        };
        sessions.push(Session {
            date: date(text, base, &s.date, "[[session]]", n, "date")?,
            start: time(text, base, &s.start, n, "start")?,
            end: time(text, base, &s.end, n, "end")?,
            unit: s.unit,
            kind,
            people: s.people,
            hamlet: s.hamlet,
            households: s.households,
            makes_up,
        });
    }
    let mut warnings = Vec::with_capacity(raw.warning.len());
    for (i, w) in raw.warning.into_iter().enumerate() {
        let date = match &w.date {
            Some(v) => Some(date(text, 0, v, "[[warning]]", i + 1, "date")?),
            None => None,
        };
        warnings.push(Warning {
            kind: w.kind,
            unit: w.unit,
            date,
            people: w.people,
        });
    }
    let mut timetables = Vec::with_capacity(raw.timetable.len());
    for (i, t) in raw.timetable.into_iter().enumerate() {
        let n = i + 1;
        let leader_dates = t
            .leader_dates
            .iter()
            .map(|v| date(text, 0, v, "[[timetable]]", n, "leader_dates"))
            .collect::<Result<Vec<_>, _>>()?;
        let substitutes = t
            .substitute
            .into_iter()
            .map(|x| {
                Ok((
                    date(text, 0, &x.date, "[[timetable]]", n, "substitute")?,
                    x.person,
                ))
            })
            .collect::<Result<Vec<_>, Unreadable>>()?;
        timetables.push(Timetable {
            unit: t.unit,
            leader: t.leader,
            cycle: t.cycle,
            offset: t.offset,
            leader_dates,
            substitutes,
        });
    }
    let mut earlier: Vec<(NaiveDate, Vec<RawAssignment>)> = Vec::new();
    for (i, t) in raw.earlier_team.into_iter().enumerate() {
        let until = date(text, 0, &t.until, "[[earlier_team]]", i + 1, "until")?;
        let team = RawAssignment {
            unit: t.unit,
            leader: t.leader,
            helpers: t.helpers,
            assist: t.assist,
        };
        match earlier.iter_mut().find(|(d, _)| *d == until) {
            Some((_, teams)) => teams.push(team),
            None => earlier.push((until, vec![team])),
        }
    }
    earlier.sort_by_key(|(d, _)| *d);
    let mut handovers = Vec::with_capacity(raw.handover.len());
    for (i, h) in raw.handover.into_iter().enumerate() {
        handovers.push(HandoverLine {
            date: date(text, 0, &h.date, "[[handover]]", i + 1, "date")?,
            from: h.from,
            to: h.to,
            units: h.units,
            slots: h.slots,
        });
    }
    let replanned_from = match &raw.plan.replanned_from {
        None => None,
        Some(v) => Some(NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
            let at = text.find("replanned_from").unwrap_or(0);
            Unreadable::BadValue {
                line: line_of(text, at),
                section: "[plan]".into(),
                n: 1,
                field: "replanned_from".into(),
                value: v.clone(),
            }
        })?),
    };
    Ok(Plan {
        roster_sha256: raw.plan.roster_sha256,
        status: raw.plan.status,
        replanned_from,
        cost: raw.plan.cost,
        lower_bound: raw.plan.lower_bound,
        gap: raw.plan.gap,
        metrics: raw.plan.metrics,
        assignments: raw.assignment,
        earlier,
        handovers,
        leaders: raw.leader,
        timetables,
        sessions,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan with `n` visits, the `bad`-th (1-based) dated 2015-13-01.
    fn many(n: usize, bad: usize) -> String {
        let mut s = String::from(
            "[plan]\ncost = 1\nlower_bound = 0\ngap = 1\n[plan.metrics]\nbalance_cost = 0\ntravel_cost = 1\n\
             continuity_cost = 0\nhelper_continuity_cost = 0\nmax_deviation_pct = 0\ntour_minutes_total = 1\n\
             units_changed = 0\nslots_changed = 0\n",
        );
        for i in 1..=n {
            let date = if i == bad {
                "2015-13-01".to_string()
            } else {
                format!("2015-03-{:02}", i % 28 + 1)
            };
            s += &format!(
                "\n[[session]]\ndate = \"{date}\"\nstart = \"09:00\"\nend = \"12:00\"\nunit = \"u{i}\"\n\
                 kind = \"household_visit\"\npeople = [\"p\"]\nhamlet = \"h\"\nhouseholds = {}\n",
                i % 15 + 1
            );
        }
        s + "\n[[warning]]\nkind = \"shortfall\"\nmessage = \"m\"\nunit = \"u1\"\ndate = \"2015-03-02\"\n"
    }

    #[test]
    fn what_stopped_the_search_is_read_and_checked() {
        assert!(read(&many(1, 0)).is_ok());
        for word in [
            "work",
            "time",
            "teams",
            "time, calendar",
            "work, teams, calendar",
        ] {
            let text =
                many(1, 0).replacen("gap = 1\n", &format!("gap = 1\nstopped = \"{word}\"\n"), 1);
            assert!(read(&text).is_ok(), "{word}");
        }
        for word in ["soon", "calendar, teams", "time, time", "work, time", ""] {
            let text =
                many(1, 0).replacen("gap = 1\n", &format!("gap = 1\nstopped = \"{word}\"\n"), 1);
            match read(&text) {
                Err(Unreadable::Syntax { detail, .. }) => {
                    assert!(
                        detail.contains(&format!("stopped = \"{word}\"")),
                        "{detail}"
                    )
                }
                other => panic!("{word}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_large_calendar_read_in_pieces_keeps_order_and_lines() {
        let text = many(CHUNKED_FROM + 501, 0);
        assert!(
            read_chunked(&text).is_some(),
            "large plans take the parallel path"
        );
        let plan = read(&text).unwrap();
        assert_eq!(plan.sessions.len(), CHUNKED_FROM + 501);
        assert!(
            plan.sessions
                .iter()
                .enumerate()
                .all(|(i, s)| s.unit == format!("u{}", i + 1))
        );
        assert_eq!(plan.warnings.len(), 1);

        let bad = CHUNKED_FROM + 77;
        let text = many(CHUNKED_FROM + 501, bad);
        let line = text
            .lines()
            .position(|l| l == "date = \"2015-13-01\"")
            .unwrap()
            + 1;
        match read(&text) {
            Err(Unreadable::BadValue {
                line: l, n, field, ..
            }) => {
                assert_eq!((l, n, field.as_str()), (line, bad, "date"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_syntax_error_in_a_large_calendar_is_found_by_the_whole_parse() {
        let text = many(CHUNKED_FROM + 10, 0).replacen("unit = \"u2005\"", "unit = u2005", 1);
        let line = text.lines().position(|l| l == "unit = u2005").unwrap() + 1;
        match read(&text) {
            Err(Unreadable::Syntax { line: l, .. }) => assert_eq!(l, Some(line)),
            other => panic!("{other:?}"),
        }
    }
}
