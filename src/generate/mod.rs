//! Synthetic rosters: the generator behind `zhudian generate` makes a realistic township roster
//! from a seed (Chinese names and posts, units of every kind with skewed sizes,
//! hamlets, needs, a planar road network, helpers, meetings and the year's
//! holidays), and `--city foshan` writes the 32 Foshan township rosters whose
//! counts add up to the city's published figures. This module owns the
//! generator only: it writes roster TOML text in the users' format (the spec's
//! `roster-example.toml`) and never reads rosters back.
//!
//! Every roster it writes is plannable by construction: the units fit between
//! the leaders' unit bounds, every unit has its own party secretary, the
//! department heads' `max_teams` add up to at least the units, every need is
//! covered by dedicated assist capacity (police, lawyers, deputies), every unit
//! lies within `max_travel_minutes` of the office, and home units are distinct
//! so that avoiding them leaves an assignment. Output is a pure function of the
//! options (the seed included) and of this version of the generator.

mod calendar;
mod emit;
mod foshan;
mod geo;
mod names;
mod people;
mod rng;
mod units;

use chrono::NaiveDate;
use names::Namer;
use rng::{Rand, apportion};
use std::collections::HashSet;
use std::str::FromStr;

pub use foshan::{FOSHAN_TOTALS, FoshanTotals, foshan_rosters};

/// What sort of township the roster imitates.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// Mostly villages and a community or two at the town seat, spread out;
    /// the remotest villages meet every second week (like Gaozhou's townships).
    Rural,
    /// Villages plus key enterprises and industrial communities of migrant
    /// workers (like Leping town: 14 village teams, 5 enterprise ones).
    Town,
    /// An urban sub-district: compact, mostly communities, many migrants, much
    /// stability and legal work.
    Urban,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Rural => "rural",
            Profile::Town => "town",
            Profile::Urban => "urban",
        }
    }
    pub(crate) fn default_units(self) -> usize {
        match self {
            Profile::Rural => 28,
            Profile::Town => 19,
            Profile::Urban => 32,
        }
    }
    /// Units per leader when --cadres is not given.
    pub(crate) fn ratio(self) -> f64 {
        match self {
            Profile::Rural | Profile::Town => 2.4,
            Profile::Urban => 1.6,
        }
    }
}

/// A city whose townships `--city` writes all at once.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum City {
    /// Foshan (佛山): 32 townships, 625 leaders, 738 units (2014 figures).
    Foshan,
}

/// Unit kinds as counts (`village=14,enterprise=3,industrial_community=2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct KindMix {
    pub village: usize,
    pub community: usize,
    pub enterprise: usize,
    pub industrial_community: usize,
}

impl KindMix {
    pub fn total(&self) -> usize {
        self.village + self.community + self.enterprise + self.industrial_community
    }

    /// The profile's usual shares of kinds, for `units` units.
    pub fn for_profile(profile: Profile, units: usize) -> KindMix {
        // Shares of (village, community, enterprise, industrial_community).
        let (shares, lo): ([f64; 4], [usize; 4]) = match profile {
            Profile::Rural => ([0.9, 0.1, 0.0, 0.0], [0, (units >= 8) as usize, 0, 0]),
            Profile::Town => (
                [0.7, 0.04, 0.14, 0.12],
                [0, 0, (units >= 6) as usize, (units >= 8) as usize],
            ),
            Profile::Urban => ([0.1, 0.84, 0.0, 0.06], [0, (units >= 1) as usize, 0, 0]),
        };
        let c = apportion(units, &shares, &lo, &[units; 4]).unwrap_or(vec![units, 0, 0, 0]);
        KindMix {
            village: c[0],
            community: c[1],
            enterprise: c[2],
            industrial_community: c[3],
        }
    }

    pub(crate) fn describe(&self) -> String {
        let mut parts = Vec::new();
        for (n, k) in [
            (self.village, "village"),
            (self.community, "community"),
            (self.enterprise, "enterprise"),
            (self.industrial_community, "industrial_community"),
        ] {
            if n > 0 {
                parts.push(format!("{k}={n}"));
            }
        }
        parts.join(",")
    }
}

impl FromStr for KindMix {
    type Err = String;
    fn from_str(s: &str) -> Result<KindMix, String> {
        let mut mix = KindMix::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, n) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}`: expected KIND=COUNT, e.g. village=14"))?;
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| format!("`{part}`: the count must be a whole number"))?;
            match k.trim() {
                "village" => mix.village = n,
                "community" => mix.community = n,
                "enterprise" => mix.enterprise = n,
                "industrial_community" => mix.industrial_community = n,
                other => {
                    return Err(format!(
                        "unknown unit kind `{other}` (village, community, enterprise, industrial_community)"
                    ));
                }
            }
        }
        if mix.total() == 0 {
            return Err("no units: give at least one KIND=COUNT".into());
        }
        Ok(mix)
    }
}

/// Everything that decides a generated roster, with defaults resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct GenOptions {
    pub profile: Profile,
    pub kinds: KindMix,
    pub cadres: usize,
    pub seed: u64,
    pub units_per_leader: (usize, usize),
    pub year: i32,
    /// Township name; empty: made up from the seed.
    pub name: String,
    pub dept_heads: usize,
    pub committee_cadres: usize,
    pub graduates: usize,
    pub volunteers: usize,
    pub meetings: usize,
    /// The command shown in the roster's header comment.
    pub command: String,
    /// Extra header comment lines (e.g. which city township this is).
    pub notes: Vec<String>,
    /// `Some(per)`: the roster is a township of a city whose city.toml gives
    /// the station window, the objective and the common policy with
    /// `households_per_visit_session = per`; the roster writes only its own
    /// values (its `max_travel_minutes`, and its households per visit
    /// session where it differs).
    pub city_visit_session: Option<u32>,
}

/// `w` as one shell word: as it is when plain, else in single quotes.
pub(crate) fn shell_word(w: &str) -> String {
    let plain = !w.is_empty()
        && w.chars().all(|c| {
            !c.is_whitespace() && !"'\"\\$`!*?[]{}()<>|&;#~".contains(c) && !c.is_control()
        });
    if plain {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', "'\\''"))
    }
}

/// The most units one leader may cover (the roster reader's limit too).
pub const MAX_UNITS_PER_LEADER: usize = 10;

/// Default units per leader for `units` units and `cadres` leaders: the floor
/// and ceiling of the ratio, at least one apart.
pub fn default_bounds(units: usize, cadres: usize) -> (usize, usize) {
    let r = units as f64 / cadres.max(1) as f64;
    let lo = (r.floor() as usize).clamp(1, MAX_UNITS_PER_LEADER);
    let hi = (r.ceil() as usize).max(lo + 1).min(MAX_UNITS_PER_LEADER);
    (lo, hi)
}

impl GenOptions {
    /// Options for a profile, a size and a seed, every other knob at its
    /// default (as `zhudian generate --profile P --kinds K --cadres M --seed S`).
    pub fn new(profile: Profile, kinds: KindMix, cadres: usize, seed: u64) -> GenOptions {
        let units = kinds.total();
        let committee = (kinds.village as f64 * 3.3
            + kinds.community as f64 * 3.0
            + kinds.enterprise as f64 * 1.5
            + kinds.industrial_community as f64 * 2.5)
            .round() as usize;
        let mut o = GenOptions {
            profile,
            kinds,
            cadres,
            seed,
            units_per_leader: default_bounds(units, cadres),
            year: 2015,
            name: String::new(),
            dept_heads: ((units * 3).div_ceil(4)).max(units.div_ceil(2)),
            committee_cadres: committee,
            graduates: (kinds.village as f64 * 0.35 + kinds.community as f64 * 0.15).round()
                as usize,
            volunteers: (units as f64 * 1.4).round() as usize,
            meetings: 4,
            command: String::new(),
            notes: Vec::new(),
            city_visit_session: None,
        };
        o.command = o.canonical_command();
        o
    }

    /// The `zhudian generate` command for these options (all knobs spelled
    /// out), used when the options were not made from a command line.
    pub fn canonical_command(&self) -> String {
        let mut cmd = format!(
            "zhudian generate --profile {} --kinds {} --cadres {} --seed {} --units-per-leader {},{}",
            self.profile.as_str(),
            self.kinds.describe(),
            self.cadres,
            self.seed,
            self.units_per_leader.0,
            self.units_per_leader.1
        );
        if self.year != 2015 {
            cmd += &format!(" --year {}", self.year);
        }
        if !self.name.is_empty() {
            cmd += &format!(" --name {}", shell_word(&self.name));
        }
        cmd += &format!(
            " --dept-heads {} --committee-cadres {} --graduates {} --volunteers {}",
            self.dept_heads, self.committee_cadres, self.graduates, self.volunteers
        );
        if self.meetings != 4 {
            cmd += &format!(" --meetings {}", self.meetings);
        }
        cmd
    }

    /// Whether a plannable roster exists with these counts; the reason when not.
    pub fn check(&self) -> Result<(), String> {
        let units = self.kinds.total();
        let (lo, hi) = self.units_per_leader;
        if units == 0 {
            return Err("no units".into());
        }
        if units > 400 {
            return Err(format!("{units} units: at most 400 in one township"));
        }
        if self.cadres == 0 {
            return Err("--cadres must be at least 1".into());
        }
        if lo == 0 || lo > hi || hi > MAX_UNITS_PER_LEADER {
            return Err(format!(
                "--units-per-leader {lo},{hi}: need 1 <= MIN <= MAX <= {MAX_UNITS_PER_LEADER}"
            ));
        }
        if self.cadres * lo > units {
            return Err(format!(
                "{} cadres with at least {lo} units each need {} units, and there are {units}: \
                 give fewer --cadres or a lower --units-per-leader MIN",
                self.cadres,
                self.cadres * lo
            ));
        }
        if self.cadres * hi < units {
            return Err(format!(
                "{} cadres with at most {hi} units each cover {} units, and there are {units}: \
                 give more --cadres or a higher --units-per-leader MAX (at most {MAX_UNITS_PER_LEADER})",
                self.cadres,
                self.cadres * hi
            ));
        }
        if self.dept_heads * 2 < units {
            return Err(format!(
                "{} department heads can serve at most {} units (max_teams 2): need at least {}",
                self.dept_heads,
                self.dept_heads * 2,
                units.div_ceil(2)
            ));
        }
        if !calendar::YEARS.contains(&self.year) {
            return Err(format!(
                "--year {}: holidays are known for 2014–2030",
                self.year
            ));
        }
        Ok(())
    }
}

/// The roster's TOML text for these options. Panics when `opts.check()`
/// fails; use [`try_generate_roster`] for a `Result`.
pub fn generate_roster(opts: &GenOptions) -> String {
    try_generate_roster(opts).unwrap_or_else(|e| panic!("cannot generate: {e}"))
}

/// The roster's TOML text, or why these options admit no plannable roster.
pub fn try_generate_roster(opts: &GenOptions) -> Result<String, String> {
    roster_among(opts, &mut HashSet::new())
}

/// The roster's TOML text, its people named apart from `people` (the names
/// the city's other townships already gave), which gains this roster's.
pub(crate) fn roster_among(
    opts: &GenOptions,
    people: &mut HashSet<String>,
) -> Result<String, String> {
    opts.check()?;
    let r = build(opts, people);
    Ok(emit::render(&r, opts))
}

// ---------------------------------------------------------------------------
// The roster as the generator builds it, before it is written out.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Village,
    Community,
    Enterprise,
    Industrial,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Village => "village",
            Kind::Community => "community",
            Kind::Enterprise => "enterprise",
            Kind::Industrial => "industrial_community",
        }
    }
}

pub(crate) struct Unit {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub households: u32,
    pub population: u32,
    pub migrants: u32,
    pub needs: Vec<&'static str>,
    pub biweekly: bool,
    pub hamlets: Vec<(String, u32)>,
    pub minutes: u32,
    /// Its place on the ground, km from the map's origin.
    pub at: geo::Pt,
}

pub(crate) struct Away {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub why: &'static str,
}

pub(crate) struct Cadre {
    pub id: String,
    pub name: String,
    pub post: &'static str,
    pub skills: Vec<&'static str>,
    pub home_unit: Option<usize>,
    pub units: Option<(usize, usize)>,
    pub away: Vec<Away>,
}

pub(crate) struct Helper {
    pub id: String,
    pub name: String,
    pub role: &'static str,
    /// Shown as a comment after the role (department, office).
    pub note: Option<String>,
    pub unit: Option<usize>,
    pub skills: Vec<&'static str>,
    pub max_teams: u32,
    pub away: Vec<Away>,
}

pub(crate) struct Meeting {
    pub title: String,
    pub attendees: Vec<String>,
    pub date: NaiveDate,
    pub start: &'static str,
    pub end: &'static str,
    pub repeat: &'static str,
    pub until: Option<NaiveDate>,
    pub emergency: bool,
}

pub(crate) struct Built {
    pub name: String,
    pub year: i32,
    pub max_travel: u32,
    /// households_per_visit_session, and the visit half-days of an average
    /// leader (a team member's, for a city's township).
    pub visit_session: (u32, u32),
    pub holidays: Vec<(&'static str, NaiveDate, NaiveDate)>,
    pub units: Vec<Unit>,
    pub cadres: Vec<Cadre>,
    pub helpers: Vec<Helper>,
    pub meetings: Vec<Meeting>,
    pub roads: Vec<(String, String, u32)>,
    pub junctions: usize,
    /// The office's place and each junction's (id, place), in km.
    pub office_at: geo::Pt,
    pub junction_at: Vec<(String, geo::Pt)>,
}

pub(crate) const OFFICE: &str = "town-hall";

pub(crate) const STABILITY: &str = "stability";
pub(crate) const LEGAL: &str = "legal";
pub(crate) const LABOUR: &str = "labour";
pub(crate) const AGRICULTURE: &str = "agriculture";
pub(crate) const ELDERLY: &str = "elderly";
pub(crate) const LAND: &str = "land";
pub(crate) const ENVIRONMENT: &str = "environment";
pub(crate) const POVERTY: &str = "poverty";
pub(crate) const HEALTH: &str = "health";
pub(crate) const EDUCATION: &str = "education";

/// The most visit half-days a year the generator asks of a city township's
/// team member on average: well under the city's `visit_half_days_per_month`
/// (10) × 12, since a leader may have two units and a department head two
/// teams.
const TEAM_VISITS: u32 = 50;

/// The whole roster, stage by stage. The order of the stages is the order
/// of the random draws: changing it changes every generated roster.
fn build(o: &GenOptions, people: &mut HashSet<String>) -> Built {
    let mut rng = Rand::new(o.seed);
    let mut namer = Namer::with_people(std::mem::take(people));
    namer.reserve_id(OFFICE);
    let hols = calendar::holidays(o.year);
    let profile = o.profile;

    let name = if o.name.is_empty() {
        let (place, _) = namer.place(&mut rng);
        format!(
            "{place}{}",
            if profile == Profile::Urban {
                "街道"
            } else {
                "镇"
            }
        )
    } else {
        o.name.clone()
    };

    // Units, in listing order: communities, villages, industrial communities,
    // enterprises.
    let mut kinds = Vec::new();
    kinds.extend(std::iter::repeat_n(Kind::Community, o.kinds.community));
    kinds.extend(std::iter::repeat_n(Kind::Village, o.kinds.village));
    kinds.extend(std::iter::repeat_n(
        Kind::Industrial,
        o.kinds.industrial_community,
    ));
    kinds.extend(std::iter::repeat_n(Kind::Enterprise, o.kinds.enterprise));

    let layout = geo::lay_out(&mut rng, profile, &kinds);
    let units = units::units(&mut rng, &mut namer, profile, &kinds, &layout);
    let cadres = people::cadres(&mut rng, &mut namer, o, &units, &hols);
    let helpers = people::helpers(&mut rng, &mut namer, o, &units, &hols);
    let meetings = calendar::meetings(&mut rng, o, &cadres, &helpers, &hols);
    let roads = geo::named_roads(&layout, &units, &mut namer);
    let (max_travel, junctions) = (layout.max_travel, layout.junctions);
    let (office_at, junction_at) = (layout.pts[0], geo::junction_points(&layout));
    *people = namer.into_people();

    // Households one visit half-day covers: 15 as in the spec's example,
    // more in dense places. A city's townships (the team visits every
    // household twice, see emit::policy) take 20 or 25 where units are blocks
    // of flats, so that a unit's team (its leader, department head and party
    // secretary) shares the visits at no more than TEAM_VISITS half days
    // each. A township on its own (every member visits every household
    // twice) takes what keeps the average leader's visits to 200 half days.
    let total_households = units.iter().map(|u| u.households).sum::<u32>() as f64;
    let city = o.city_visit_session.is_some();
    let half_days = |per: u32| {
        let members = if city {
            units.len() as f64 * 3.0
        } else {
            o.cadres as f64
        };
        (total_households * 2.0 / (members * per as f64)).round() as u32
    };
    let (limit, pers, most): (u32, &[u32], u32) = if city {
        (TEAM_VISITS, &[15, 20, 25], 25)
    } else {
        (200, &[15, 20, 25, 30, 40, 50], 60)
    };
    let per = pers
        .iter()
        .copied()
        .find(|&p| half_days(p) <= limit)
        .unwrap_or(most);
    Built {
        name,
        year: o.year,
        max_travel,
        visit_session: (per, half_days(per)),
        holidays: hols,
        units,
        cadres,
        helpers,
        meetings,
        roads,
        junctions,
        office_at,
        junction_at,
    }
}
