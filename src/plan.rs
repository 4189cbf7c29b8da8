//! The plan file: what zhudian hands back to the planner, as TOML
//! ([plan], [plan.metrics], [[assignment]], [[leader]], [[handover]],
//! [[earlier_team]], [[timetable]], [[session]], [[warning]], [[cancelled]]). It carries no
//! timings, so the same roster, seed and engine give the same bytes. Written atomically: a failed run never leaves a
//! half-written or clobbered plan, and never replaces a link or a device.
//!
//! The independent checker (`verify`) reads plan files with its own code;
//! these types serve the engines, the calendar and the exports.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlanFile {
    pub plan: PlanHeader,
    #[serde(default)]
    pub assignment: Vec<Assignment>,
    #[serde(default)]
    pub leader: Vec<LeaderLine>,
    /// Who handed over to whom during the year (docs/plan.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handover: Vec<HandoverLine>,
    /// The teams of the stretches of the year before `replanned_from`, as
    /// the plans in force then had them (written only by `replan --from`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_team: Vec<EarlierTeam>,
    /// Each unit's posted timetable under a fixed rotation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timetable: Vec<Timetable>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub session: Vec<Session>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warning: Vec<Warning>,
    /// Events the plans before this one had and a replan dropped, carried
    /// along a chain of replans so that every later phone file cancels them
    /// again (written by `replan`; see `crate::cancelled`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cancelled: Vec<Cancelled>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlanHeader {
    /// The roster's path as given on the command line.
    pub roster: String,
    pub roster_sha256: String,
    /// zhudian's version.
    pub zhudian: String,
    pub engine: String,
    pub seed: u64,
    /// "optimal" (proven) or "feasible" (not proven: a limit cut the
    /// search, or the teams stage left a gap its bound does not close).
    pub status: String,
    /// What cut the search short, when the plan is not proven optimal:
    /// "work" (`--work-limit`, reproducible) or "time" (`--time-limit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
    /// The day a `replan --from` kept the plan in force until: every session
    /// before it is as in that plan (`check` reads it as its `--from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replanned_from: Option<String>,
    /// The plan in force a `replan` started from, as named on its command
    /// line, and its SHA-256: `check --previous` says when another is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_plan_sha256: Option<String>,
    pub cost: f64,
    pub lower_bound: f64,
    /// (cost − lower_bound) / cost; 0 when proven optimal.
    pub gap: f64,
    pub metrics: Metrics,
}

/// The cost's terms and the figures planners compare plans by.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Metrics {
    pub balance_cost: f64,
    pub travel_cost: f64,
    pub continuity_cost: f64,
    pub helper_continuity_cost: f64,
    pub max_deviation_pct: f64,
    pub tour_minutes_total: f64,
    /// Units whose leader changed against the previous plan (replanning).
    pub units_changed: usize,
    /// Team slots whose helper changed against the previous plan.
    pub slots_changed: usize,
    #[serde(default)]
    pub station_sessions: usize,
    #[serde(default)]
    pub makeup_sessions: usize,
    #[serde(default)]
    pub household_visit_sessions: usize,
    /// Station sessions held without a township member (calendar rule 1).
    #[serde(default)]
    pub shortfall_sessions: usize,
    #[serde(default)]
    pub warnings: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Assignment {
    pub unit: String,
    pub leader: String,
    /// One helper per team slot, in slot order.
    pub helpers: Vec<String>,
    /// Assist members added for needs, for min_present or for household
    /// visits that did not fit.
    #[serde(default)]
    pub assist: Vec<String>,
}

/// A handover: `to` takes `from`'s place from `date` (`from` serves until
/// the day before): the units `from` led and the team slots they held.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HandoverLine {
    pub from: String,
    pub to: String,
    /// YYYY-MM-DD: the successor's first day.
    pub date: String,
    /// Units whose leader this handover changes.
    #[serde(default)]
    pub units: Vec<String>,
    /// Team slots, as "unit/slot" with slots counted from 1.
    #[serde(default)]
    pub slots: Vec<String>,
}

/// A unit's team in a stretch of the year before the plan's own: it served
/// from the previous entry's `until` (the year's start for the first) to the
/// day before its own `until`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EarlierTeam {
    /// YYYY-MM-DD: the first day this team no longer served.
    pub until: String,
    pub unit: String,
    pub leader: String,
    pub helpers: Vec<String>,
    #[serde(default)]
    pub assist: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LeaderLine {
    pub id: String,
    pub units: Vec<String>,
    pub load: f64,
    pub deviation_pct: f64,
    pub tour_minutes: f64,
    /// Road nodes in visiting order, office first and last.
    pub tour: Vec<String>,
}

/// A unit's posted timetable (驻点时间公示表) under `rotation = "fixed"`:
/// its leader sits there in the station weeks k with k % cycle == offset
/// (k counts the year's station days from 0, holidays not counted).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Timetable {
    pub unit: String,
    pub leader: String,
    /// The leader's number of units.
    pub cycle: usize,
    pub offset: usize,
    /// A biweekly unit sits in the station weeks k with k % 2 == fortnight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fortnight: Option<usize>,
    /// YYYY-MM-DD: the leader's turns here when free.
    pub leader_dates: Vec<String>,
    /// The leader's turns here when blocked, and who stands in (代班).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub substitute: Vec<Substitute>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Substitute {
    pub date: String,
    /// Nobody of the team was free when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Session {
    /// YYYY-MM-DD
    pub date: String,
    /// HH:MM
    pub start: String,
    pub end: String,
    pub unit: String,
    /// "station", "makeup" or "household_visit".
    pub kind: String,
    pub people: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hamlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub households: Option<u32>,
    /// For a make-up: the date of the station session it makes up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub makes_up: Option<String>,
}

/// A session as a plan in force had it, cancelled for `phones` by a later
/// plan of the chain: what a phone file needs to cancel the event again.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cancelled {
    /// The people whose phones had the event (its UID is per person).
    pub phones: Vec<String>,
    /// YYYY-MM-DD
    pub date: String,
    /// HH:MM
    pub start: String,
    pub end: String,
    pub unit: String,
    pub kind: String,
    /// Who the session had.
    pub people: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hamlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub households: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub makes_up: Option<String>,
    /// The unit's team that day (ids, leader first), as the plan that had
    /// the session said.
    #[serde(default)]
    pub team: Vec<String>,
    /// The SEQUENCE the cancellation carries: one past the event's.
    pub sequence: u32,
}

impl Cancelled {
    /// The session as it was.
    pub fn session(&self) -> Session {
        Session {
            date: self.date.clone(),
            start: self.start.clone(),
            end: self.end.clone(),
            unit: self.unit.clone(),
            kind: self.kind.clone(),
            people: self.people.clone(),
            hamlet: self.hamlet.clone(),
            households: self.households,
            makes_up: self.makes_up.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Warning {
    /// e.g. "meeting_in_window", "shortfall", "household_visits_short".
    pub kind: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// The warning as a fact (a `code` and its figures), so that a run in
    /// the other language says it in its own; `message` keeps the words of
    /// the run that made it, for older readers and people reading the TOML.
    /// Absent from plans written before.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "said_if_known"
    )]
    pub said: Option<crate::wording::warnings::WarningSaid>,
}

/// A fact this version cannot read (a newer zhudian's code) is dropped
/// rather than refusing the plan: the warning's stored words stand in.
fn said_if_known<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<crate::wording::warnings::WarningSaid>, D::Error> {
    let v = <toml::Value as Deserialize>::deserialize(d)?;
    Ok(v.try_into().ok())
}

impl Warning {
    /// The warning in `lang`: said again from its fact when the plan keeps
    /// one, else the words stored with it.
    pub fn text(&self, lang: crate::wording::Lang) -> String {
        match &self.said {
            Some(said) => crate::wording::Say::say(said, lang),
            None => self.message.clone(),
        }
    }

    /// The warning in a list that says its figures once above it (see
    /// [`figures`](Self::figures)); a warning without a fact as stored.
    pub fn brief(&self, lang: crate::wording::Lang) -> String {
        match &self.said {
            Some(said) => said.brief(lang),
            None => self.message.clone(),
        }
    }

    /// The calendar's figures a shortfall carries, said once above a list.
    pub fn figures(&self, lang: crate::wording::Lang) -> Option<String> {
        self.said.as_ref().and_then(|s| s.figures(lang))
    }

    /// The township-wide remedy a shortfall carries, said once above a list.
    pub fn township_remedy(&self, lang: crate::wording::Lang) -> Option<String> {
        self.said.as_ref().and_then(|s| s.township_remedy(lang))
    }
}

impl LeaderLine {
    /// A line of a cadre who could lead no unit (a shared cadre kept away,
    /// one away all year): no units and no deviation.
    pub fn idle(&self) -> bool {
        self.units.is_empty() && self.deviation_pct == 0.0
    }

    /// The line's deviation with its sign against `share` (the plan's
    /// [`PlanFile::fair_share`]), below it negative: the file keeps the
    /// size only.
    pub fn signed_deviation(&self, share: f64) -> f64 {
        self.deviation_pct.copysign(self.load - share)
    }
}

impl PlanFile {
    /// A leader's fair share of the workload, as the plan counted it: the
    /// total over its leader lines, less the idle ones. A leader who left
    /// is no line of the plan; her share is handed on. (Not the whole
    /// roster's average: a replan's roster still holds the leader who left,
    /// and counting her turned every sign round in a trial.)
    pub fn fair_share(&self, roster: &crate::model::Roster) -> f64 {
        let total: f64 = (0..roster.units.len()).map(|u| roster.workload_of(u)).sum();
        let leaders = self.leader.iter().filter(|l| !l.idle()).count();
        total / leaders.max(1) as f64
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("plan types always serialise")
    }

    pub fn from_toml(text: &str) -> Result<PlanFile, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

/// Temporary files being written right now, so that a signal handler can
/// remove them before the process ends (see [`remove_temporary_files`]).
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temporary() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary file a write left half done; for the handler of
/// SIGINT and SIGTERM, which then ends the process.
pub fn remove_temporary_files() {
    for tmp in temporary().drain(..) {
        let _ = std::fs::remove_file(tmp);
    }
}

/// The file a path finally names, following symbolic links (relative links
/// from the link's own folder). A dangling link names the file it would
/// create.
fn through_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    // The kernel's own limit on links followed in one lookup.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(p),
        }
    }
    // Let the system say "too many levels of symbolic links".
    std::fs::metadata(path).map(|_| p)
}

/// Writes next to the target, then renames: readers see the old file or the
/// new one, never half of either. A symbolic link is written through (the
/// file it names is replaced, the link stays); a device, FIFO or other
/// special file is written to directly, never renamed over.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let path = through_links(path)?;
    if let Ok(m) = std::fs::metadata(&path)
        && !m.is_file()
        && !m.is_dir()
    {
        let mut f = std::fs::OpenOptions::new().write(true).open(&path)?;
        return f.write_all(contents);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "plan".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    temporary().push(tmp.clone());
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    temporary().retain(|t| t != &tmp);
    result
}
