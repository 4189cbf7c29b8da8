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
mod rng;

use calendar::{in_holiday, is_workday, next_weekday, ymd};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use names::{Namer, numeral};
use rng::{Rand, apportion};
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
    opts.check()?;
    let r = build(opts);
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
    /// households_per_visit_session, and the average leader's visit half-days.
    pub visit_session: (u32, u32),
    pub holidays: Vec<(&'static str, NaiveDate, NaiveDate)>,
    pub units: Vec<Unit>,
    pub cadres: Vec<Cadre>,
    pub helpers: Vec<Helper>,
    pub meetings: Vec<Meeting>,
    pub roads: Vec<(String, String, u32)>,
    pub junctions: usize,
}

pub(crate) const OFFICE: &str = "town-hall";

const STABILITY: &str = "stability";
const LEGAL: &str = "legal";
const LABOUR: &str = "labour";
const AGRICULTURE: &str = "agriculture";
const ELDERLY: &str = "elderly";
const LAND: &str = "land";
const ENVIRONMENT: &str = "environment";
const POVERTY: &str = "poverty";
const HEALTH: &str = "health";
const EDUCATION: &str = "education";

/// Township departments (for department heads) and the skill each brings.
const DEPARTMENTS: &[(&str, Option<&str>)] = &[
    ("党政办", None),
    ("综治信访维稳中心", Some(STABILITY)),
    ("司法所", Some(LEGAL)),
    ("农业办", Some(AGRICULTURE)),
    ("经济促进局", Some(LABOUR)),
    ("人力资源和社会保障所", Some(LABOUR)),
    ("国土城建和水利局", Some(LAND)),
    ("环境运输和城市管理局", Some(ENVIRONMENT)),
    ("社会工作局", Some(ELDERLY)),
    ("民政办", Some(ELDERLY)),
    ("卫生和计生办", Some(HEALTH)),
    ("教育局", Some(EDUCATION)),
    ("扶贫办", Some(POVERTY)),
    ("财税局", None),
    ("安全生产监督管理局", Some(STABILITY)),
    ("组织办", None),
    ("宣传办", None),
    ("纪检监察室", Some(LEGAL)),
    ("规划办", Some(LAND)),
    ("文体服务中心", None),
    ("行政服务中心", None),
    ("统计办", None),
    ("流动人口管理办", Some(STABILITY)),
    ("农村集体资产管理办", Some(LAND)),
];

fn posts(profile: Profile, n: usize) -> Vec<&'static str> {
    let (head, deputies): (&[&'static str], [&'static str; 8]) = if profile == Profile::Urban {
        (
            &[
                "党工委书记",
                "办事处主任",
                "党工委副书记",
                "办事处副主任",
                "人大工委主任",
                "纪工委书记",
                "办事处副主任",
                "武装部长",
                "党工委委员",
                "办事处副主任",
                "政法委员",
                "组织委员",
                "宣传委员",
            ],
            [
                "办事处副主任",
                "党工委委员",
                "人大工委副主任",
                "副调研员",
                "办事处副主任",
                "党工委委员",
                "统战委员",
                "主任科员",
            ],
        )
    } else {
        (
            &[
                "党委书记",
                "镇长",
                "党委副书记",
                "副镇长",
                "人大主席",
                "纪委书记",
                "副镇长",
                "武装部长",
                "党委委员",
                "副镇长",
                "政法委员",
                "组织委员",
                "宣传委员",
            ],
            [
                "副镇长",
                "党委委员",
                "人大副主席",
                "副调研员",
                "副镇长",
                "党委委员",
                "统战委员",
                "主任科员",
            ],
        )
    };
    (0..n)
        .map(|i| {
            if i < head.len() {
                head[i]
            } else {
                deputies[(i - head.len()) % deputies.len()]
            }
        })
        .collect()
}

fn post_skills(post: &str, rng: &mut Rand) -> Vec<&'static str> {
    let rotating = [
        AGRICULTURE,
        LABOUR,
        ENVIRONMENT,
        HEALTH,
        EDUCATION,
        LAND,
        POVERTY,
    ];
    let mut s: Vec<&'static str> = match post {
        "党委副书记" | "党工委副书记" | "武装部长" => vec![STABILITY],
        "政法委员" => vec![STABILITY, LEGAL],
        "纪委书记" | "纪工委书记" => vec![LEGAL],
        "人大主席" | "人大工委主任" | "人大副主席" | "人大工委副主任" => {
            vec![ELDERLY]
        }
        "镇长" | "办事处主任" => vec![LAND],
        "党委书记" | "党工委书记" => vec![],
        "组织委员" | "宣传委员" | "统战委员" => vec![EDUCATION],
        _ => vec![*rng.pick(&rotating)],
    };
    if rng.chance(0.25) {
        let extra = *rng.pick(&[ELDERLY, LABOUR, AGRICULTURE, STABILITY]);
        if !s.contains(&extra) {
            s.push(extra);
        }
    }
    s
}

/// An away period of 5–30 days starting on a work day between March and
/// November, not overlapping `taken`.
fn away_period(rng: &mut Rand, year: i32, hols: &[(&str, NaiveDate, NaiveDate)]) -> Away {
    const WHY: &[(&str, i64, i64)] = &[
        ("党校培训", 10, 14),
        ("外出学习考察", 5, 7),
        ("休假", 5, 10),
        ("上级部门跟班学习", 20, 30),
    ];
    let (why, lo, hi) = *rng.pick(WHY);
    let mut from = ymd(year, 3, 1) + Duration::days(rng.int(0, 260));
    while !is_workday(from, hols) {
        from += Duration::days(1);
    }
    let to = from + Duration::days(rng.int(lo, hi) - 1);
    Away { from, to, why }
}

fn build(o: &GenOptions) -> Built {
    let mut rng = Rand::new(o.seed);
    let mut namer = Namer::default();
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
    let n = kinds.len();

    // --- Geography: office at the centre, units in rings by kind, junctions.
    let radius = match profile {
        Profile::Rural => 2.2,
        Profile::Town => 1.7,
        Profile::Urban => 0.85,
    } * (n as f64).sqrt().max(2.0);
    let sep = 0.55 * radius / (n as f64).sqrt().max(1.0);
    let mut pts = vec![geo::Pt {
        x: rng.real(-0.05, 0.05) * radius,
        y: rng.real(-0.05, 0.05) * radius,
    }];
    for &k in &kinds {
        let (a, b) = match (k, profile) {
            (Kind::Community, Profile::Urban) => (0.05, 1.0),
            (Kind::Community, _) => (0.05, 0.4),
            (Kind::Village, Profile::Urban) => (0.5, 1.0),
            (Kind::Village, Profile::Rural) => (0.2, 1.0),
            (Kind::Village, Profile::Town) => (0.25, 1.0),
            (Kind::Industrial, _) => (0.3, 0.85),
            (Kind::Enterprise, _) => (0.2, 0.8),
        };
        let p = geo::place(&mut rng, radius, a, b, sep, &pts);
        pts.push(p);
    }
    for _ in 0..(n / 5).max(2) {
        let p = geo::place(&mut rng, radius, 0.1, 0.9, sep * 0.6, &pts);
        pts.push(p);
    }
    let mut km_roads = geo::roads(&mut rng, &pts, 1.9);
    // A junction is where roads meet: drop dead-end junctions (repeatedly)
    // and number the rest j1, j2, ... in order.
    loop {
        let mut degree = vec![0usize; pts.len()];
        for &(a, b, _) in &km_roads {
            degree[a] += 1;
            degree[b] += 1;
        }
        let before = km_roads.len();
        let dead_end = |x: usize| x > n && degree[x] < 2;
        km_roads.retain(|&(a, b, _)| !dead_end(a) && !dead_end(b));
        if km_roads.len() == before {
            break;
        }
    }
    let mut junction_no = vec![0usize; pts.len()];
    let mut junctions = 0;
    for (j, no) in junction_no.iter_mut().enumerate().skip(n + 1) {
        if km_roads.iter().any(|&(a, b, _)| a == j || b == j) {
            junctions += 1;
            *no = junctions;
        }
    }
    let (rate_lo, rate_hi) = match profile {
        Profile::Urban => (1.8, 2.5),
        _ => (1.2, 2.5),
    };
    let edges: Vec<(usize, usize, u32)> = km_roads
        .iter()
        .map(|&(a, b, km)| {
            let m = (km * rng.real(rate_lo, rate_hi)).round().max(1.0) as u32;
            (a, b, m)
        })
        .collect();
    let dist = geo::dijkstra(pts.len(), &edges, 0);
    let farthest = (1..=n).map(|i| dist[i]).max().unwrap_or(0);
    let max_travel = ((farthest as f64 * 1.15 + 5.0) / 5.0).ceil() as u32 * 5;

    // Units farther than 70% of the farthest are "remote"; between 30% and 70%
    // of it outside a city is the urban–rural fringe.
    let mut by_distance: Vec<usize> = (0..n).collect();
    by_distance.sort_by_key(|&i| (dist[i + 1], i));

    // --- Units.
    let mut units: Vec<Unit> = Vec::with_capacity(n);
    for (i, &k) in kinds.iter().enumerate() {
        let (place, slug) = namer.place(&mut rng);
        let (uname, base) = match k {
            Kind::Village => (format!("{place}村"), slug.clone()),
            Kind::Community => (format!("{place}社区"), format!("{slug}-sq")),
            Kind::Industrial => (format!("{place}工业园外来工社区"), format!("{slug}-park")),
            Kind::Enterprise => {
                let trade = *rng.pick(&[
                    "电器", "家具", "纺织", "陶瓷", "五金", "机械", "食品", "塑料", "电子", "照明",
                ]);
                (format!("{place}{trade}有限公司"), format!("{slug}-qy"))
            }
        };
        let id = namer.unique_id(&base);
        let (median, sigma) = match (k, profile) {
            (Kind::Village, Profile::Rural) => (600.0, 0.55),
            (Kind::Village, _) => (850.0, 0.5),
            (Kind::Community, Profile::Urban) => (1900.0, 0.45),
            (Kind::Community, _) => (1300.0, 0.5),
            (Kind::Industrial, _) => (900.0, 0.4),
            (Kind::Enterprise, _) => (300.0, 0.5),
        };
        let households = rng.lognormal(median, sigma).round().clamp(150.0, 3000.0) as u32;
        let factor = match k {
            Kind::Village | Kind::Community => rng.real(3.0, 3.8),
            Kind::Industrial => rng.real(5.0, 6.0),
            Kind::Enterprise => rng.real(4.5, 5.5),
        };
        let population = (households as f64 * factor).round() as u32;
        let (m_lo, m_hi) = match (k, profile) {
            (Kind::Village, Profile::Rural) => (0.02, 0.15),
            (Kind::Village, Profile::Town) => (0.1, 0.45),
            (Kind::Village, Profile::Urban) => (0.3, 0.6),
            (Kind::Community, Profile::Rural) => (0.1, 0.3),
            (Kind::Community, Profile::Town) => (0.25, 0.55),
            (Kind::Community, Profile::Urban) => (0.3, 0.7),
            (Kind::Industrial, _) => (0.8, 0.92),
            (Kind::Enterprise, _) => (0.85, 0.95),
        };
        let migrants = (population as f64 * rng.real(m_lo, m_hi)).round() as u32;

        // Hamlets (村民小组), grids (网格), zones or dormitory blocks.
        let count = match k {
            Kind::Village => (2 + households / 700 + rng.below(2) as u32).clamp(2, 6),
            Kind::Community => (2 + households / 900 + rng.below(2) as u32).clamp(2, 5),
            Kind::Industrial => rng.int(2, 4) as u32,
            Kind::Enterprise => rng.int(1, 3) as u32,
        } as usize;
        let style = rng.below(2);
        let hamlet_names: Vec<String> = (1..=count)
            .map(|j| match (k, style) {
                (Kind::Village, 0) => format!("{}队", numeral(j)),
                (Kind::Village, _) => format!("第{}村民小组", numeral(j)),
                (Kind::Community, 0) => format!("第{}网格", numeral(j)),
                (Kind::Community, _) => format!("{}区", numeral(j)),
                (Kind::Industrial, _) => format!("{}片区", numeral(j)),
                (Kind::Enterprise, _) => format!("宿舍{}栋", (b'A' + j as u8 - 1) as char),
            })
            .collect();
        let weights: Vec<f64> = (0..count).map(|_| rng.real(0.6, 1.4)).collect();
        let floor = if households as usize >= 30 * count {
            30
        } else {
            1
        };
        let split = apportion(
            households as usize,
            &weights,
            &vec![floor; count],
            &vec![households as usize; count],
        )
        .expect("hamlet split");
        let hamlets = hamlet_names
            .into_iter()
            .zip(split)
            .map(|(h, c)| (h, c as u32))
            .collect();

        // Needs: more, and more pressing, in complex units.
        let share = migrants as f64 / population.max(1) as f64;
        let rank = by_distance.iter().position(|&j| j == i).unwrap_or(0) as f64 / n as f64;
        let fringe =
            profile != Profile::Urban && (0.3..0.7).contains(&rank) && k != Kind::Enterprise;
        let remote = rank >= 0.75;
        let mut needs: Vec<&'static str> = Vec::new();
        let mut want = |p: f64, skill: &'static str, rng: &mut Rand| {
            if rng.chance(p.clamp(0.0, 1.0)) && !needs.contains(&skill) {
                needs.push(skill);
            }
        };
        let base_stab = if profile == Profile::Urban {
            0.25
        } else {
            0.08
        };
        want(
            base_stab + 0.6 * share + if fringe { 0.15 } else { 0.0 },
            STABILITY,
            &mut rng,
        );
        want(
            0.05 + 0.35 * share + if k == Kind::Community { 0.2 } else { 0.0 },
            LEGAL,
            &mut rng,
        );
        match k {
            Kind::Enterprise | Kind::Industrial => want(1.0, LABOUR, &mut rng),
            _ => want(0.25 * share, LABOUR, &mut rng),
        }
        if k == Kind::Village {
            want(
                if profile == Profile::Rural {
                    0.35
                } else {
                    0.12
                },
                AGRICULTURE,
                &mut rng,
            );
            want(0.3 * (1.0 - share), ELDERLY, &mut rng);
            if fringe {
                want(0.3, LAND, &mut rng);
            }
            if remote && profile == Profile::Rural {
                want(0.35, POVERTY, &mut rng);
            }
        }
        if k == Kind::Community {
            want(0.2, ELDERLY, &mut rng);
        }
        if k == Kind::Industrial {
            want(0.4, ENVIRONMENT, &mut rng);
        }
        want(0.04, HEALTH, &mut rng);
        want(0.03, EDUCATION, &mut rng);
        needs.truncate(3);

        units.push(Unit {
            id,
            name: uname,
            kind: k,
            households,
            population,
            migrants,
            needs,
            biweekly: false,
            hamlets,
            minutes: dist[i + 1],
        });
    }
    // Fortnightly sessions for the remotest villages.
    let biweekly_share = match profile {
        Profile::Rural => 0.15,
        Profile::Town => 0.1,
        Profile::Urban => 0.0,
    };
    let villages_far: Vec<usize> = by_distance
        .iter()
        .rev()
        .copied()
        .filter(|&i| units[i].kind == Kind::Village)
        .collect();
    let nb = (villages_far.len() as f64 * biweekly_share).round() as usize;
    for &i in villages_far.iter().take(nb) {
        units[i].biweekly = true;
    }

    // --- Cadres.
    let post_list = posts(profile, o.cadres);
    let mut cadres: Vec<Cadre> = Vec::with_capacity(o.cadres);
    let mut homes_free: Vec<usize> = (0..n)
        .filter(|&i| matches!(units[i].kind, Kind::Village | Kind::Community))
        .collect();
    for post in post_list {
        let (cname, id) = namer.person(&mut rng);
        let skills = post_skills(post, &mut rng);
        let home_unit = if o.cadres >= 2 && !homes_free.is_empty() && rng.chance(0.3) {
            let j = rng.below(homes_free.len() as u64) as usize;
            Some(homes_free.swap_remove(j))
        } else {
            None
        };
        let away = if rng.chance(0.25) {
            vec![away_period(&mut rng, o.year, &hols)]
        } else {
            vec![]
        };
        cadres.push(Cadre {
            id,
            name: cname,
            post,
            skills,
            home_unit,
            units: None,
            away,
        });
    }
    // A lighter bound for the party secretary, a full one for one member,
    // each only where the counts stay feasible.
    let (lo, hi) = o.units_per_leader;
    let feasible = |c: &[Cadre]| {
        let (mut a, mut b) = (0, 0);
        for x in c {
            let (l, h) = x.units.unwrap_or((lo, hi));
            a += l;
            b += h;
        }
        a <= n && n <= b
    };
    if o.cadres >= 4 && hi >= 2 {
        let l = lo.saturating_sub(1).max(1);
        cadres[0].units = Some((l, (hi - 1).max(l)));
        if !feasible(&cadres) || cadres[0].units == Some((lo, hi)) {
            cadres[0].units = None;
        }
    }
    if o.cadres >= 6 {
        let j = rng.int(3, o.cadres as i64 - 1) as usize;
        cadres[j].units = Some((hi, hi));
        if !feasible(&cadres) || lo == hi {
            cadres[j].units = None;
        }
    }

    // --- Helpers.
    let mut helpers: Vec<Helper> = Vec::new();
    // Department heads, the first slot: enough max_teams for every unit.
    let d = o.dept_heads;
    let doubles = d.min(n.saturating_sub(d) + 1);
    let mut double: Vec<bool> = (0..d).map(|i| i < doubles).collect();
    rng.shuffle(&mut double);
    let mut depts: Vec<usize> = (0..DEPARTMENTS.len()).collect();
    rng.shuffle(&mut depts);
    for (i, &two) in double.iter().enumerate() {
        let (dept, skill) = DEPARTMENTS[depts[i % depts.len()]];
        let note = if i < depts.len() {
            dept.to_string()
        } else {
            format!("{dept}（副职）")
        };
        let (hname, id) = namer.person(&mut rng);
        let mut skills: Vec<&'static str> = skill.into_iter().collect();
        if rng.chance(0.15) {
            let extra = *rng.pick(&[STABILITY, LEGAL, LABOUR, ELDERLY]);
            if !skills.contains(&extra) {
                skills.push(extra);
            }
        }
        let away = if rng.chance(0.08) {
            vec![away_period(&mut rng, o.year, &hols)]
        } else {
            vec![]
        };
        helpers.push(Helper {
            id,
            name: hname,
            role: "department_head",
            note: Some(note),
            unit: None,
            skills,
            max_teams: if two { 2 } else { 1 },
            away,
        });
    }
    // Each unit's own people: party secretary, committee cadres, graduate
    // officials, volunteers.
    let committee_w: Vec<f64> = units
        .iter()
        .map(|u| match u.kind {
            Kind::Village => 3.3,
            Kind::Community => 3.0,
            Kind::Enterprise => 1.5,
            Kind::Industrial => 2.5,
        })
        .collect();
    let committee_lo = if o.committee_cadres >= n { 1 } else { 0 };
    let committee = apportion(
        o.committee_cadres,
        &committee_w,
        &vec![committee_lo; n],
        &vec![o.committee_cadres; n],
    )
    .expect("committee split");
    let mut grad_order: Vec<usize> = (0..n).filter(|&i| units[i].kind == Kind::Village).collect();
    rng.shuffle(&mut grad_order);
    let mut rest: Vec<usize> = (0..n)
        .filter(|&i| units[i].kind == Kind::Community)
        .collect();
    rng.shuffle(&mut rest);
    grad_order.extend(rest);
    let mut rest: Vec<usize> = (0..n)
        .filter(|&i| matches!(units[i].kind, Kind::Enterprise | Kind::Industrial))
        .collect();
    rng.shuffle(&mut rest);
    grad_order.extend(rest);
    let mut graduates = vec![0usize; n];
    for g in 0..o.graduates {
        graduates[grad_order[g % n]] += 1;
    }
    let township_vols = (o.volunteers as f64 * 0.25).round() as usize;
    let unit_vols = o.volunteers - township_vols;
    let vol_w: Vec<f64> = units.iter().map(|u| u.population as f64).collect();
    let volunteers =
        apportion(unit_vols, &vol_w, &vec![0; n], &vec![unit_vols; n]).expect("volunteer split");
    for (i, u) in units.iter().enumerate() {
        let own: &[&'static str] = match u.kind {
            Kind::Village => &[AGRICULTURE, LAND, ELDERLY, STABILITY],
            Kind::Community => &[ELDERLY, STABILITY, LEGAL],
            Kind::Enterprise | Kind::Industrial => &[LABOUR, STABILITY],
        };
        let mut add = |role: &'static str, p: f64, pool: &[&'static str], rng: &mut Rand| {
            let (hname, id) = namer.person(rng);
            let skills = if rng.chance(p) {
                vec![*rng.pick(pool)]
            } else {
                vec![]
            };
            helpers.push(Helper {
                id,
                name: hname,
                role,
                note: None,
                unit: Some(i),
                skills,
                max_teams: 1,
                away: vec![],
            });
        };
        add("party_secretary", 0.3, own, &mut rng);
        for _ in 0..committee[i] {
            add("committee_cadre", 0.3, own, &mut rng);
        }
        for _ in 0..graduates[i] {
            add(
                "graduate_official",
                0.4,
                &[EDUCATION, POVERTY, ELDERLY, HEALTH],
                &mut rng,
            );
        }
        for _ in 0..volunteers[i] {
            add("volunteer", 0.25, &[ELDERLY, HEALTH, EDUCATION], &mut rng);
        }
    }
    // Township-wide volunteers (社工): two teams each, a skill or two.
    for _ in 0..township_vols {
        let (hname, id) = namer.person(&mut rng);
        let mut skills = vec![*rng.pick(&[ELDERLY, HEALTH, EDUCATION, LEGAL, LABOUR])];
        if rng.chance(0.3) {
            let s = *rng.pick(&[ELDERLY, HEALTH, EDUCATION]);
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        helpers.push(Helper {
            id,
            name: hname,
            role: "volunteer",
            note: Some("社工志愿者".into()),
            unit: None,
            skills,
            max_teams: 2,
            away: vec![],
        });
    }
    // Dedicated cover for every need: police for stability, lawyers for legal
    // help, deputies (两代表一委员) for the rest; enough teams for every unit
    // that needs the skill, whatever the others do.
    let demand = |s: &str| units.iter().filter(|u| u.needs.contains(&s)).count();
    let mut specialists = |role: &'static str,
                           skill: &'static str,
                           d: usize,
                           cap: usize,
                           min: usize,
                           notes: &[&str],
                           rng: &mut Rand| {
        let count = d.div_ceil(cap).max(min);
        if count == 0 {
            return;
        }
        let per = d.div_ceil(count).max(1) as u32;
        for k in 0..count {
            let (hname, id) = namer.person(rng);
            let mut skills = vec![skill];
            if role == "police" && rng.chance(0.3) {
                skills.push(LEGAL);
            }
            helpers.push(Helper {
                id,
                name: hname,
                role,
                note: Some(notes[k % notes.len()].to_string()),
                unit: None,
                skills,
                max_teams: per.max(2),
                away: vec![],
            });
        }
    };
    specialists(
        "police",
        STABILITY,
        demand(STABILITY),
        4,
        1,
        &["派出所"],
        &mut rng,
    );
    specialists(
        "lawyer",
        LEGAL,
        demand(LEGAL),
        4,
        1,
        &["一村（社区）一法律顾问"],
        &mut rng,
    );
    let deputy_notes = ["人大代表", "党代表", "政协委员"];
    for s in [
        LABOUR,
        AGRICULTURE,
        ELDERLY,
        LAND,
        ENVIRONMENT,
        POVERTY,
        HEALTH,
        EDUCATION,
    ] {
        specialists("deputy", s, demand(s), 3, 0, &deputy_notes, &mut rng);
    }

    // --- Meetings.
    let mut meetings = Vec::new();
    let jan1 = ymd(o.year, 1, 1);
    let dec31 = ymd(o.year, 12, 31);
    let first_monday = next_weekday(jan1, Weekday::Mon);
    meetings.push(Meeting {
        title: "镇党委会议".replace(
            '镇',
            if profile == Profile::Urban {
                "街道"
            } else {
                "镇"
            },
        ),
        attendees: vec!["all-cadres".into()],
        date: first_monday,
        start: "09:00",
        end: "11:30",
        repeat: "weekly",
        until: Some(dec31),
        emergency: false,
    });
    let mut first_thu = next_weekday(ymd(o.year, 1, 5), Weekday::Thu);
    if first_thu.day() > 28 {
        first_thu = ymd(o.year, 1, 8);
    }
    meetings.push(Meeting {
        title: "驻点工作例会".into(),
        attendees: vec!["all-cadres".into()],
        date: first_thu,
        start: "09:00",
        end: "11:30",
        repeat: "monthly",
        until: Some(dec31),
        emergency: false,
    });
    let heads: Vec<String> = helpers
        .iter()
        .filter(|h| h.role == "department_head")
        .map(|h| h.id.clone())
        .collect();
    let mut heads_day = ymd(o.year, 1, 12);
    while heads_day.weekday() == Weekday::Sat || heads_day.weekday() == Weekday::Sun {
        heads_day += Duration::days(1);
    }
    meetings.push(Meeting {
        title: "部门负责人例会".into(),
        attendees: heads,
        date: heads_day,
        start: "09:30",
        end: "11:30",
        repeat: "monthly",
        until: Some(dec31),
        emergency: false,
    });
    const ONE_OFF: &[&str] = &[
        "区人大代表大会",
        "安全生产工作会议",
        "征兵工作会议",
        "三防工作部署会",
        "农村集体经济审计会",
        "党风廉政建设会议",
        "招商引资推介会",
        "创文工作推进会",
        "河长制工作会议",
        "禁毒工作会议",
    ];
    let mut titles: Vec<&str> = ONE_OFF.to_vec();
    rng.shuffle(&mut titles);
    let mut one_offs = Vec::new();
    for k in 0..o.meetings {
        let mut date = ymd(o.year, 2, 1) + Duration::days(rng.int(0, 300));
        while !is_workday(date, &hols) {
            date += Duration::days(1);
        }
        // Never in the station window: Tuesday meetings are in the morning.
        let (start, end) = if date.weekday() == Weekday::Tue || rng.chance(0.5) {
            ("09:00", "11:30")
        } else {
            ("14:30", "17:00")
        };
        let mut att = Vec::new();
        for _ in 0..rng.int(1, 4) {
            let c = &cadres[rng.below(cadres.len() as u64) as usize].id;
            if !att.contains(c) {
                att.push(c.clone());
            }
        }
        if rng.chance(0.5) && !helpers.is_empty() {
            let h = &helpers[rng.below(helpers.len() as u64) as usize].id;
            att.push(h.clone());
        }
        let title = if k < titles.len() {
            titles[k].to_string()
        } else {
            format!(
                "{}（第{}次）",
                titles[k % titles.len()],
                k / titles.len() + 1
            )
        };
        one_offs.push(Meeting {
            title,
            attendees: att,
            date,
            start,
            end,
            repeat: "none",
            until: None,
            emergency: false,
        });
    }
    // One or two emergency meetings in the station window (typhoon season).
    const EMERGENCY: &[&str] = &["台风防御紧急会议", "防汛紧急会议", "安全生产紧急会议"];
    let emergencies = rng.int(1, 2) as usize;
    for k in 0..emergencies {
        let mut date = next_weekday(
            ymd(o.year, 5, 1) + Duration::days(rng.int(0, 150)),
            Weekday::Tue,
        );
        while in_holiday(date, &hols) {
            date += Duration::days(7);
        }
        let mut att = Vec::new();
        for _ in 0..rng.int(1, 3) {
            let c = &cadres[rng.below(cadres.len() as u64) as usize].id;
            if !att.contains(c) {
                att.push(c.clone());
            }
        }
        if let Some(h) = helpers
            .iter()
            .find(|h| h.role == "department_head" && h.skills.contains(&STABILITY))
        {
            att.push(h.id.clone());
        }
        one_offs.push(Meeting {
            title: EMERGENCY[(k + rng.below(3) as usize) % EMERGENCY.len()].to_string(),
            attendees: att,
            date,
            start: "14:30",
            end: "17:30",
            repeat: "none",
            until: None,
            emergency: true,
        });
    }
    one_offs.sort_by_key(|m| (m.date, m.start));
    meetings.extend(one_offs);

    // --- Roads, by node id.
    let node_id = |i: usize| -> String {
        if i == 0 {
            OFFICE.to_string()
        } else if i <= n {
            units[i - 1].id.clone()
        } else {
            format!("j{}", junction_no[i])
        }
    };
    for j in 1..=junctions {
        namer.reserve_id(&format!("j{j}"));
    }
    let mut sorted_edges = edges.clone();
    sorted_edges.sort_by_key(|&(a, b, _)| (a, b));
    let roads = sorted_edges
        .iter()
        .map(|&(a, b, m)| (node_id(a), node_id(b), m))
        .collect();

    // Households a member visits in a half day: 15 as in the spec's example,
    // more in dense places, so that the average leader's visits (every
    // household of their units twice a year) take at most 200 half days.
    let total_households: u32 = units.iter().map(|u| u.households).sum();
    let half_days =
        |per: u32| (total_households as f64 * 2.0 / (o.cadres as f64 * per as f64)).round() as u32;
    let per = [15, 20, 25, 30, 40, 50]
        .into_iter()
        .find(|&p| half_days(p) <= 200)
        .unwrap_or(60);
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
    }
}
