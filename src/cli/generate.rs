//! `zhudian generate`: a synthetic roster from a seed, written to `-o FILE`
//! or stdout, or with `--city foshan` every township roster of the city into
//! `--out-dir`. The flags resolve to [`GenOptions`]; the generator itself
//! (`crate::generate`) only makes text.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::generate::{
    City, GenOptions, KindMix, MAX_UNITS_PER_LEADER, Profile, foshan_rosters, generate_roster,
    shell_word,
};

fn parse_pair(s: &str) -> Result<(usize, usize), String> {
    let (a, b) = s
        .split_once(',')
        .ok_or_else(|| "expected MIN,MAX, e.g. 2,3".to_string())?;
    let a: usize = a.trim().parse().map_err(|_| "MIN must be a whole number")?;
    let b: usize = b.trim().parse().map_err(|_| "MAX must be a whole number")?;
    if a == 0 || a > b || b > MAX_UNITS_PER_LEADER {
        return Err(format!("need 1 <= MIN <= MAX <= {MAX_UNITS_PER_LEADER}"));
    }
    Ok((a, b))
}

/// Make a realistic synthetic roster from a seed (or, with --city, a whole
/// city's rosters). The same options give the same bytes with the same zhudian
/// version.
#[derive(clap::Args, Debug, Clone)]
pub struct GenerateArgs {
    /// Kind of township: rural (villages, remote ones fortnightly), town
    /// (villages plus enterprises and industrial communities), urban
    /// (communities with many migrants).
    #[arg(long, value_enum, default_value_t = Profile::Rural)]
    pub profile: Profile,

    /// Number of units [default: 28 rural, 19 town, 32 urban].
    #[arg(long, value_name = "N")]
    pub units: Option<usize>,

    /// Unit kinds as counts, e.g. `village=14,enterprise=3,industrial_community=2`
    /// (sets the number of units) [default: the profile's shares].
    #[arg(long, value_name = "KIND=N,...")]
    pub kinds: Option<KindMix>,

    /// Number of township leaders (cadres) [default: units / 2.4 for rural and
    /// town, units / 1.6 for urban].
    #[arg(long, value_name = "M")]
    pub cadres: Option<usize>,

    /// Random seed: the same seed gives the same roster.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,

    /// Units a leader covers, as MIN,MAX [default: around units/cadres, e.g.
    /// 2,3 at 2.4 units a leader and 1,2 at 1.2].
    #[arg(long, value_name = "MIN,MAX", value_parser = parse_pair)]
    pub units_per_leader: Option<(usize, usize)>,

    /// The calendar year to plan (holiday dates are known for 2014–2030).
    #[arg(long, value_name = "YEAR", default_value_t = 2015,
          value_parser = clap::value_parser!(i32).range(2014..=2030))]
    pub year: i32,

    /// Township name, e.g. 北滘镇 [default: a made-up 镇, or 街道 for urban].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Department heads (职能部门负责人), the first helper slot; some get
    /// max_teams = 2 so that every unit's slot can be filled [default: 3/4 of
    /// the units, at least half].
    #[arg(long, value_name = "N")]
    pub dept_heads: Option<usize>,

    /// Village committee cadres (村"两委"干部) in all, spread over the units
    /// [default: about 3.3 a village, 3 a community, fewer in enterprises].
    #[arg(long, value_name = "N")]
    pub committee_cadres: Option<usize>,

    /// Graduate village officials (大学生村官) [default: one in about a third
    /// of the villages].
    #[arg(long, value_name = "N")]
    pub graduates: Option<usize>,

    /// Volunteers, a quarter of them township-wide (社工) [default: 1.4 a unit].
    #[arg(long, value_name = "N")]
    pub volunteers: Option<usize>,

    /// One-off meetings besides the weekly party committee, the monthly
    /// meetings and the one or two emergency meetings.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub meetings: usize,

    /// Write the roster here (stdout when absent).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write every township roster of a city into --out-dir, with a README
    /// of the totals (only --seed and --year apply then).
    #[arg(long, value_enum, requires = "out_dir",
          conflicts_with_all = ["units", "kinds", "cadres", "output", "units_per_leader",
                                "name", "dept_heads", "committee_cadres", "graduates",
                                "volunteers", "profile"])]
    pub city: Option<City>,

    /// Folder for --city's rosters (created when missing).
    #[arg(long, value_name = "DIR", requires = "city")]
    pub out_dir: Option<PathBuf>,
}

// The flags' meaning lives with the flags: an inherent impl may sit
// anywhere in the crate, and this keeps the generator free of clap types.
impl GenOptions {
    /// Resolves the command line's options and their defaults.
    pub fn from_args(a: &GenerateArgs) -> Result<GenOptions, String> {
        let kinds = match (a.kinds, a.units) {
            (Some(k), Some(n)) if k.total() != n => {
                return Err(format!(
                    "--kinds adds up to {} units but --units says {n}",
                    k.total()
                ));
            }
            (Some(k), _) => k,
            (None, n) => {
                let n = n.unwrap_or(a.profile.default_units());
                if n == 0 {
                    return Err("--units must be at least 1".into());
                }
                KindMix::for_profile(a.profile, n)
            }
        };
        let units = kinds.total();
        let cadres = a
            .cadres
            .unwrap_or(((units as f64 / a.profile.ratio()).round() as usize).max(1));
        let mut o = GenOptions::new(a.profile, kinds, cadres, a.seed);
        o.year = a.year;
        if let Some(b) = a.units_per_leader {
            o.units_per_leader = b;
        }
        if let Some(n) = &a.name {
            o.name = n.clone();
        }
        if let Some(n) = a.dept_heads {
            o.dept_heads = n;
        }
        if let Some(n) = a.committee_cadres {
            o.committee_cadres = n;
        }
        if let Some(n) = a.graduates {
            o.graduates = n;
        }
        if let Some(n) = a.volunteers {
            o.volunteers = n;
        }
        o.meetings = a.meetings;
        // The command as typed, in a fixed order, so that it reproduces the file.
        let mut cmd = format!("zhudian generate --profile {}", a.profile.as_str());
        match (a.kinds, a.units) {
            (Some(k), _) => cmd += &format!(" --kinds {}", k.describe()),
            (None, Some(n)) => cmd += &format!(" --units {n}"),
            (None, None) => {}
        }
        if let Some(c) = a.cadres {
            cmd += &format!(" --cadres {c}");
        }
        cmd += &format!(" --seed {}", a.seed);
        if let Some((lo, hi)) = a.units_per_leader {
            cmd += &format!(" --units-per-leader {lo},{hi}");
        }
        if a.year != 2015 {
            cmd += &format!(" --year {}", a.year);
        }
        if let Some(n) = &a.name {
            cmd += &format!(" --name {}", shell_word(n));
        }
        for (flag, v) in [
            ("--dept-heads", a.dept_heads),
            ("--committee-cadres", a.committee_cadres),
            ("--graduates", a.graduates),
            ("--volunteers", a.volunteers),
        ] {
            if let Some(v) = v {
                cmd += &format!(" {flag} {v}");
            }
        }
        if a.meetings != 4 {
            cmd += &format!(" --meetings {}", a.meetings);
        }
        if let Some(p) = &a.output {
            cmd += &format!(" -o {}", shell_word(&p.display().to_string()));
        }
        o.command = cmd;
        o.check()?;
        Ok(o)
    }
}

/// Writes the roster (or, with `--city`, the city's rosters and README) where
/// the arguments say: `--output`, `--out-dir`, or stdout.
pub fn run(args: &GenerateArgs) -> Result<(), String> {
    if let Some(City::Foshan) = args.city {
        let dir = args.out_dir.as_ref().ok_or("--city needs --out-dir DIR")?;
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for (file, text) in foshan_rosters(args.seed, args.year, &dir.display().to_string()) {
            let path = dir.join(&file);
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        return Ok(());
    }
    let opts = GenOptions::from_args(args)?;
    let text = generate_roster(&opts);
    match &args.output {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| format!("cannot write to stdout: {e}"))
        }
    }
}

/// Runs `generate`: 0 written, 2 when the options admit no roster or a file
/// cannot be written.
pub fn main(args: &GenerateArgs) -> i32 {
    match run(args) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("zhudian generate: {e}");
            EXIT_BAD_INPUT
        }
    }
}
