//! The domain as planners know it: a township's roster after it has been read
//! and validated. Everything downstream (network, engines, calendar, checker,
//! exports) works from these types; ids are kept as the planner wrote them and
//! indices follow the roster's own order so that output is stable.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use std::collections::BTreeMap;

/// Where something stands in the roster file, for messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub section: String,
    pub id: Option<String>,
    pub field: Option<String>,
    /// 1-based line in the roster file, where known.
    pub line: Option<usize>,
    /// 1-based column (in characters) on that line, where known.
    pub column: Option<usize>,
}

/// The travel time a shared person needs between two townships of the
/// city when no `[[township_road]]` names the pair.
pub const DEFAULT_MINUTES_BETWEEN_TOWNSHIPS: u32 = 30;

/// The travel time between the city's townships (city.toml's `[city]
/// minutes_between_townships` and its `[[township_road]]` entries): a
/// shared person's duties in two townships are kept at least this far apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Between {
    pub minutes: u32,
    /// (township, township, minutes), townships by name, either way round.
    pub pairs: Vec<(String, String, u32)>,
}

impl Default for Between {
    fn default() -> Self {
        Between {
            minutes: DEFAULT_MINUTES_BETWEEN_TOWNSHIPS,
            pairs: Vec::new(),
        }
    }
}

impl Between {
    /// The minutes between townships `a` and `b` (by name).
    pub fn minutes(&self, a: &str, b: &str) -> u32 {
        self.pairs
            .iter()
            .find(|(x, y, _)| (x == a && y == b) || (x == b && y == a))
            .map_or(self.minutes, |p| p.2)
    }
}

#[derive(Debug, Clone)]
pub struct Township {
    pub name: String,
    pub office: String,
    pub year: i32,
    /// Where the office stands on the report's map (optional).
    pub office_position: Option<Position>,
    /// Apply the official holidays and swapped working days (`chinese_holiday`).
    pub official_holidays: bool,
    /// The district of a city the township belongs to (its own
    /// `[township] district`, or the city.toml district listing it).
    pub district: Option<String>,
    /// Where city.toml lists the township: its district's place among the
    /// districts and its own in the district's list (the city's figures
    /// follow that order).
    pub listed_at: Option<(usize, usize)>,
    /// The travel time to the city's other townships (from city.toml).
    pub between: Between,
}

/// Where a node lies, for the report's map only: planar `x`, `y` (any unit,
/// y growing northwards) or `lon`, `lat` in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Position {
    Xy { x: f64, y: f64 },
    LonLat { lon: f64, lat: f64 },
}

/// A road junction the roster gives a position to (`[[junction]]`).
#[derive(Debug, Clone)]
pub struct Junction {
    pub id: String,
    pub position: Position,
    pub line: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Station {
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub makeup_days: Vec<Weekday>,
    pub makeup_notice_days: u32,
    /// A make-up is held at most this many days after the missed session.
    pub makeup_within_days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    DepartmentHead,
    PartySecretary,
    CommitteeCadre,
    GraduateOfficial,
    Volunteer,
    Police,
    Lawyer,
    Deputy,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::DepartmentHead,
        Role::PartySecretary,
        Role::CommitteeCadre,
        Role::GraduateOfficial,
        Role::Volunteer,
        Role::Police,
        Role::Lawyer,
        Role::Deputy,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::DepartmentHead => "department_head",
            Role::PartySecretary => "party_secretary",
            Role::CommitteeCadre => "committee_cadre",
            Role::GraduateOfficial => "graduate_official",
            Role::Volunteer => "volunteer",
            Role::Police => "police",
            Role::Lawyer => "lawyer",
            Role::Deputy => "deputy",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Hard rule 3: the roles a plan may add as assist members.
    pub fn may_assist(self) -> bool {
        matches!(
            self,
            Role::Police
                | Role::Lawyer
                | Role::Deputy
                | Role::Volunteer
                | Role::GraduateOfficial
                | Role::CommitteeCadre
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKind {
    Village,
    Community,
    Enterprise,
    IndustrialCommunity,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::Village,
        UnitKind::Community,
        UnitKind::Enterprise,
        UnitKind::IndustrialCommunity,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Village => "village",
            UnitKind::Community => "community",
            UnitKind::Enterprise => "enterprise",
            UnitKind::IndustrialCommunity => "industrial_community",
        }
    }
    pub fn parse(s: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    Weekly,
    Biweekly,
}

impl Cadence {
    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "biweekly",
        }
    }
    pub fn parse(s: &str) -> Option<Cadence> {
        match s {
            "weekly" => Some(Cadence::Weekly),
            "biweekly" => Some(Cadence::Biweekly),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    Households,
    Population,
}

impl Workload {
    pub fn as_str(self) -> &'static str {
        match self {
            Workload::Households => "households",
            Workload::Population => "population",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    None,
    Weekly,
    Monthly,
}

impl Repeat {
    pub fn as_str(self) -> &'static str {
        match self {
            Repeat::None => "none",
            Repeat::Weekly => "weekly",
            Repeat::Monthly => "monthly",
        }
    }
}

/// One helper slot of the team beside the leader ("1+2" has two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamSlot {
    pub roles: Vec<Role>,
    /// The slot takes a helper whose own `unit` is the unit served.
    pub from_unit: bool,
}

/// Who must visit each household `household_visits` times a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitsBy {
    /// The unit's team together: visits shared among its members.
    Team,
    /// Every team member (leader and slot helpers) on their own count.
    Member,
}

impl VisitsBy {
    pub fn as_str(self) -> &'static str {
        match self {
            VisitsBy::Team => "team",
            VisitsBy::Member => "member",
        }
    }
    pub fn parse(s: &str) -> Option<VisitsBy> {
        match s {
            "team" => Some(VisitsBy::Team),
            "member" => Some(VisitsBy::Member),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Policy {
    pub units_per_leader: (usize, usize),
    pub max_travel_minutes: f64,
    pub avoid_home_unit: bool,
    pub min_present: usize,
    /// Each household is visited this often a year, by the team or by every member.
    pub household_visits: u32,
    pub household_visits_by: VisitsBy,
    pub households_per_visit_session: u32,
    /// Weekdays household visits may fall on (swapped working days too).
    pub visit_days: Vec<Weekday>,
    /// Visit half-days a person may spend in one month, at most.
    pub visit_half_days_per_month: u32,
    pub workload: Workload,
    pub team: Vec<TeamSlot>,
    /// How leaders go round their units: a posted fixed cycle, or week by week.
    pub rotation: Rotation,
    /// How far off the fair share, in percent, a leader's load may be before
    /// the report marks it (the shaded band; a reading aid, not a rule).
    pub load_band_pct: u32,
}

/// `[policy] rotation`: `fixed` posts each unit's leader weeks (every n-th
/// station week from an offset, a substitute when the leader is blocked);
/// `flexible` lets the calendar choose each week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rotation {
    #[default]
    Fixed,
    Flexible,
}

#[derive(Debug, Clone)]
pub struct Objective {
    pub balance: f64,
    pub travel: f64,
    pub continuity: f64,
    pub helper_continuity: f64,
}

/// An inclusive run of days: a holiday or an away period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub why: String,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

#[derive(Debug, Clone)]
pub struct Hamlet {
    pub name: String,
    pub households: u32,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub households: u32,
    pub population: u32,
    pub migrants: u32,
    pub needs: Vec<String>,
    pub cadence: Cadence,
    pub hamlets: Vec<Hamlet>,
    /// Road node; the unit's id unless the roster names another.
    pub node: String,
    /// Where the unit lies on the report's map (optional).
    pub position: Option<Position>,
    /// Where its station sessions are held, as the roster names it; `None`
    /// for the default, the unit's 党群服务中心.
    pub place: Option<String>,
    pub line: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Cadre {
    pub id: String,
    pub name: String,
    pub post: String,
    pub skills: Vec<String>,
    pub home_unit: Option<String>,
    /// This cadre's own [min, max] units, overriding the policy.
    pub units: Option<(usize, usize)>,
    pub away: Vec<Period>,
    /// The id of the person whose place this cadre takes over (replanning).
    pub succeeds: Option<String>,
    /// Serves until the day before (a transfer out).
    pub leaves: Option<NaiveDate>,
    /// Serves from this day on (a transfer in).
    pub joins: Option<NaiveDate>,
    /// Also on another township's roster of the city, on purpose (`shared = true`).
    pub shared: bool,
    /// `township/id` of the entry this one continues in another township.
    pub transferred_from: Option<String>,
    pub line: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Helper {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// The unit this helper belongs to (party secretaries, committee cadres).
    pub unit: Option<String>,
    pub skills: Vec<String>,
    pub max_teams: usize,
    pub away: Vec<Period>,
    pub succeeds: Option<String>,
    pub leaves: Option<NaiveDate>,
    pub joins: Option<NaiveDate>,
    pub shared: bool,
    pub transferred_from: Option<String>,
    pub line: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attendee {
    AllCadres,
    AllHelpers,
    Person(String),
}

#[derive(Debug, Clone)]
pub struct Meeting {
    pub title: String,
    pub attendees: Vec<Attendee>,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub repeat: Repeat,
    pub until: Option<NaiveDate>,
    pub emergency: bool,
    pub line: Option<usize>,
    /// A shared person's time on duty in another township of the city (the
    /// township's name), added when planning the city; never in a roster.
    pub elsewhere: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Road {
    pub from: String,
    pub to: String,
    pub minutes: f64,
    pub line: Option<usize>,
}

/// Shortest-path minutes on the road network, computed once at load.
/// `None` where no road leads.
#[derive(Debug, Clone, Default)]
pub struct Travel {
    pub office_to_unit: Vec<Option<f64>>,
    pub unit_to_unit: Vec<Vec<Option<f64>>>,
}

/// Something worth telling about how a roster was read; not a problem.
#[derive(Debug, Clone, PartialEq)]
pub enum RosterNote {
    /// The file was saved in GBK and read as such.
    Gbk,
    /// A meeting attendee written as a person's name, read as their id.
    AttendeeByName {
        title: String,
        name: String,
        id: String,
        line: Option<usize>,
    },
    /// A `succeeds` written as the predecessor's name, read as their id.
    SucceedsByName {
        /// The successor's name.
        who: String,
        name: String,
        id: String,
        line: Option<usize>,
    },
}

#[derive(Debug, Clone)]
pub struct Roster {
    /// The path (or name) the roster was read from.
    pub source: String,
    pub sha256: String,
    pub township: Township,
    pub station: Station,
    pub policy: Policy,
    pub objective: Objective,
    /// The roster's own `[[holiday]]`s (the official ones are in `days`).
    pub holidays: Vec<Period>,
    /// The roster's own `[[workday]]`s: swapped working days (`why` is the name).
    pub workdays: Vec<Period>,
    /// The year's holidays and working days, official and the roster's own.
    pub days: crate::days::YearDays,
    pub units: Vec<Unit>,
    pub cadres: Vec<Cadre>,
    pub helpers: Vec<Helper>,
    pub meetings: Vec<Meeting>,
    pub roads: Vec<Road>,
    /// Junctions with a position on the map (`[[junction]]`, optional).
    pub junctions: Vec<Junction>,
    pub travel: Travel,
    /// Line of each single section's header (`[policy]` → 12), for messages.
    pub section_lines: BTreeMap<String, usize>,
    /// How the roster was read, for the commands to pass on (GBK, names for ids).
    pub notes: Vec<RosterNote>,
    pub(crate) unit_ix: BTreeMap<String, usize>,
    pub(crate) cadre_ix: BTreeMap<String, usize>,
    pub(crate) helper_ix: BTreeMap<String, usize>,
}

impl Roster {
    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.unit_ix.get(id).copied()
    }
    pub fn cadre_index(&self, id: &str) -> Option<usize> {
        self.cadre_ix.get(id).copied()
    }
    pub fn helper_index(&self, id: &str) -> Option<usize> {
        self.helper_ix.get(id).copied()
    }

    /// A cadre's [min, max] units: their own bound, else the policy's.
    pub fn bounds_of(&self, cadre: usize) -> (usize, usize) {
        self.cadres[cadre]
            .units
            .unwrap_or(self.policy.units_per_leader)
    }

    /// What the balance term measures for one unit.
    pub fn workload_of(&self, unit: usize) -> f64 {
        let u = &self.units[unit];
        match self.policy.workload {
            Workload::Households => u.households as f64,
            Workload::Population => u.population as f64,
        }
    }

    /// The township's total workload divided by its number of leaders: the
    /// cadres who may lead a unit ([`Roster::may_lead`]).
    pub fn target_load(&self) -> f64 {
        let total: f64 = (0..self.units.len()).map(|u| self.workload_of(u)).sum();
        let leaders = (0..self.cadres.len()).filter(|&c| self.may_lead(c)).count();
        total / leaders.max(1) as f64
    }

    /// May cadre `c` lead a unit at all? Not one whose own bound is zero
    /// units (a shared cadre kept away by another township's sessions is
    /// given that bound), nor one away the whole year. Such a cadre has no
    /// share of the workload and no deviation from it.
    pub fn may_lead(&self, c: usize) -> bool {
        self.bounds_of(c).1 > 0 && !self.away_all_year(&self.cadres[c].away)
    }

    /// True when the person is away for every day of the roster's year.
    pub fn away_all_year(&self, away: &[Period]) -> bool {
        let year = self.township.year;
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return false;
        };
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .all(|d| away.iter().any(|p| p.contains(d)))
    }

    /// May this helper ever be on this unit's team, in a slot or as an
    /// assist member (hard rules 2 and 3)? A unit's own people serve only
    /// there; a `from_unit` slot takes only them. Absence is not considered.
    pub fn may_serve(&self, h: &Helper, unit: &Unit) -> bool {
        if h.unit.as_deref().is_some_and(|u| u != unit.id) {
            return false;
        }
        h.role.may_assist()
            || self.policy.team.iter().any(|s| {
                s.roles.contains(&h.role) && (!s.from_unit || h.unit.as_deref() == Some(&unit.id))
            })
    }

    /// Ids of everyone who attends a meeting, groups expanded.
    pub fn attendee_ids(&self, m: &Meeting) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for a in &m.attendees {
            match a {
                Attendee::AllCadres => ids.extend(self.cadres.iter().map(|c| c.id.clone())),
                Attendee::AllHelpers => ids.extend(self.helpers.iter().map(|h| h.id.clone())),
                Attendee::Person(id) => ids.push(id.clone()),
            }
        }
        ids.sort();
        ids.dedup();
        ids
    }

    /// Ids of everyone who attends meeting `m`, by day: only people in post
    /// that day (`joins`/`leaves`, handovers). A person named who has
    /// handed over is stood in for by whoever holds the place that day
    /// (successor, or predecessor before the handover), since the meeting
    /// is the post's. A shared person's duty elsewhere stays theirs alone.
    /// The names and handovers are read once for all of a meeting's days.
    pub fn attendees_by_day(&self, m: &Meeting) -> impl Fn(NaiveDate) -> Vec<String> + '_ {
        let ids = self.attendee_ids(m);
        let elsewhere = m.elsewhere.is_some();
        let handed = self.handovers();
        move |day| {
            if elsewhere {
                return ids.clone();
            }
            let serves = |id: &str| {
                let (joins, leaves) = self.service_given(id, &handed);
                joins.is_none_or(|j| day >= j) && leaves.is_none_or(|l| day < l)
            };
            let mut out: Vec<String> = ids
                .iter()
                .filter_map(|id| {
                    let mut who = id.clone();
                    // A chain of handovers is walked both ways, at most once per link.
                    for _ in 0..=handed.len() {
                        if serves(&who) {
                            return Some(who);
                        }
                        let next = handed.iter().find(|h| {
                            (h.from == who && day >= h.date) || (h.to == who && day < h.date)
                        })?;
                        who = if next.from == who {
                            next.to.clone()
                        } else {
                            next.from.clone()
                        };
                    }
                    None
                })
                .collect();
            out.sort();
            out.dedup();
            out
        }
    }
}

/// A handover inside one roster: `to` takes `from`'s place on `date`
/// (`from` serves until the day before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    pub from: String,
    pub to: String,
    pub date: NaiveDate,
}

impl Roster {
    /// The days a person serves: from `joins` (or Jan 1) to the day before
    /// `leaves` (or Dec 31); a predecessor stops where their successor starts.
    pub fn serves(&self, id: &str, day: NaiveDate) -> bool {
        let (joins, leaves) = self.service(id);
        joins.is_none_or(|j| day >= j) && leaves.is_none_or(|l| day < l)
    }

    /// `joins` and `leaves` of a person, the handover dates included.
    pub fn service(&self, id: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
        self.service_given(id, &self.handovers())
    }

    /// `service` with the roster's handovers already at hand.
    fn service_given(
        &self,
        id: &str,
        handed: &[Handover],
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (joins, leaves) = if let Some(c) = self.cadre_index(id) {
            (self.cadres[c].joins, self.cadres[c].leaves)
        } else if let Some(h) = self.helper_index(id) {
            (self.helpers[h].joins, self.helpers[h].leaves)
        } else {
            return (None, None);
        };
        let joins = joins.or_else(|| handed.iter().find(|h| h.to == id).map(|h| h.date));
        let leaves = leaves.or_else(|| handed.iter().find(|h| h.from == id).map(|h| h.date));
        (joins, leaves)
    }

    /// Successors standing in the same roster as their predecessor, with the
    /// date of each handover (the successor's `joins`, else the predecessor's
    /// `leaves`), in date order. Pairs without a date are left out (validate
    /// reports them).
    pub fn handovers(&self) -> Vec<Handover> {
        let mut out = Vec::new();
        let people = self
            .cadres
            .iter()
            .map(|c| (&c.id, &c.succeeds, c.joins))
            .chain(self.helpers.iter().map(|h| (&h.id, &h.succeeds, h.joins)));
        for (id, succeeds, joins) in people {
            let Some(old) = succeeds else { continue };
            let leaves = if let Some(c) = self.cadre_index(old) {
                self.cadres[c].leaves
            } else if let Some(h) = self.helper_index(old) {
                self.helpers[h].leaves
            } else {
                continue;
            };
            if let Some(date) = joins.or(leaves) {
                out.push(Handover {
                    from: old.clone(),
                    to: id.clone(),
                    date,
                });
            }
        }
        out.sort_by(|a, b| (a.date, &a.to).cmp(&(b.date, &b.to)));
        out
    }

    /// The people who leave during the year with no successor in the
    /// roster (id, name, the day they leave), cadres then helpers: the
    /// year's teams are planned without them.
    pub fn leavers_without_successor(&self) -> Vec<(String, String, NaiveDate)> {
        let handed = self.handovers();
        let people = self
            .cadres
            .iter()
            .map(|c| (&c.id, &c.name, c.leaves))
            .chain(self.helpers.iter().map(|h| (&h.id, &h.name, h.leaves)));
        people
            .filter_map(|(id, name, leaves)| {
                let d = leaves.filter(|d| d.year() <= self.township.year)?;
                (!handed.iter().any(|h| &h.from == id)).then(|| (id.clone(), name.clone(), d))
            })
            .collect()
    }

    /// Does this person leave during the year (`leaves`, or a predecessor
    /// handing over to a successor)? Every count of leaders "in force at the
    /// year's end" (validate, the township's report, the city's figures)
    /// leaves these out and says them apart.
    pub fn gone_by_year_end(&self, id: &str) -> bool {
        let year = self.township.year;
        self.service(id).1.is_some_and(|l| l.year() <= year)
    }

    /// The cadres in force at the year's end (see `gone_by_year_end`).
    pub fn cadres_in_force(&self) -> impl Iterator<Item = &Cadre> {
        self.cadres.iter().filter(|c| !self.gone_by_year_end(&c.id))
    }

    /// The roster as it stands at the end of the year: without the people
    /// who leave during it (their successors take their place). Planning
    /// the teams works from this; the calendar from the whole roster.
    pub fn at_year_end(&self) -> Roster {
        let gone = |id: &str| self.gone_by_year_end(id);
        let mut r = self.clone();
        r.cadres.retain(|c| !gone(&c.id));
        r.helpers.retain(|h| !gone(&h.id));
        r.reindex();
        r
    }

    /// Rebuilds the id → index maps of units, cadres and helpers (after
    /// reading, or after people are taken out).
    pub(crate) fn reindex(&mut self) {
        self.unit_ix = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), i))
            .collect();
        self.cadre_ix = self
            .cadres
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        self.helper_ix = self
            .helpers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.id.clone(), i))
            .collect();
    }
}
