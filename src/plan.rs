//! The plan file: what zhudian hands back to the planner, as TOML
//! ([plan], [plan.metrics], [[assignment]], [[leader]], [[timetable]], [[session]],
//! [[warning]]). It carries no timings, so the same roster, seed and engine
//! give the same bytes. Written atomically: a failed run never leaves a
//! half-written or clobbered plan.
//!
//! The independent checker (`verify`) reads plan files with its own code;
//! these types serve the engines, the calendar and the exports.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlanFile {
    pub plan: PlanHeader,
    #[serde(default)]
    pub assignment: Vec<Assignment>,
    #[serde(default)]
    pub leader: Vec<LeaderLine>,
    /// Each unit's posted timetable under a fixed rotation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timetable: Vec<Timetable>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub session: Vec<Session>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warning: Vec<Warning>,
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
    /// "optimal" (proven) or "feasible" (a limit cut the search).
    pub status: String,
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
    /// Assist members added for needs or for min_present.
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
}

impl PlanFile {
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("plan types always serialise")
    }

    pub fn from_toml(text: &str) -> Result<PlanFile, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

/// Writes next to the target, then renames: readers see the old file or the
/// new one, never half of either.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "plan".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
