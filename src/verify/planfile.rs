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
    session: Vec<RawSession>,
    #[serde(default)]
    warning: Vec<RawWarning>,
}

#[derive(Debug, Deserialize)]
struct RawHeader {
    #[serde(default)]
    roster_sha256: Option<String>,
    cost: f64,
    lower_bound: f64,
    gap: f64,
    metrics: RawMetrics,
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
    pub cost: f64,
    pub lower_bound: f64,
    pub gap: f64,
    pub metrics: RawMetrics,
    pub assignments: Vec<RawAssignment>,
    pub leaders: Vec<RawLeader>,
    pub sessions: Vec<Session>,
    pub warnings: Vec<Warning>,
}

/// The previous plan, when replanning: only who served where matters.
#[derive(Debug, Deserialize)]
pub struct Previous {
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
    v: &Spanned<toml::Value>,
    section: &str,
    n: usize,
    field: &str,
) -> Unreadable {
    Unreadable::BadValue {
        line: line_of(text, v.span().start),
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
    v: &Spanned<toml::Value>,
    section: &str,
    n: usize,
    field: &str,
) -> Result<NaiveDate, Unreadable> {
    value_text(v.get_ref())
        .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .ok_or_else(|| bad_value(text, v, section, n, field))
}

fn time(
    text: &str,
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
        .ok_or_else(|| bad_value(text, v, "[[session]]", n, field))
}

pub fn read(text: &str) -> Result<Plan, Unreadable> {
    let raw: RawPlan = toml::from_str(text).map_err(|e| syntax(e, text))?;
    let mut sessions = Vec::with_capacity(raw.session.len());
    for (i, s) in raw.session.into_iter().enumerate() {
        let n = i + 1;
        let kind = match s.kind.get_ref().as_str() {
            "station" => Kind::Station,
            "makeup" => Kind::Makeup,
            "household_visit" => Kind::Visit,
            other => {
                return Err(Unreadable::BadKind {
                    line: line_of(text, s.kind.span().start),
                    n,
                    value: other.to_string(),
                });
            }
        };
        let makes_up = match &s.makes_up {
            Some(v) => Some(date(text, v, "[[session]]", n, "makes_up")?),
            None => None,
        };
        sessions.push(Session {
            date: date(text, &s.date, "[[session]]", n, "date")?,
            start: time(text, &s.start, n, "start")?,
            end: time(text, &s.end, n, "end")?,
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
            Some(v) => Some(date(text, v, "[[warning]]", i + 1, "date")?),
            None => None,
        };
        warnings.push(Warning {
            kind: w.kind,
            unit: w.unit,
            date,
            people: w.people,
        });
    }
    Ok(Plan {
        roster_sha256: raw.plan.roster_sha256,
        cost: raw.plan.cost,
        lower_bound: raw.plan.lower_bound,
        gap: raw.plan.gap,
        metrics: raw.plan.metrics,
        assignments: raw.assignment,
        leaders: raw.leader,
        sessions,
        warnings,
    })
}
