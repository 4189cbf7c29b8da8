//! Benchmark of the leader-assignment engine on random instances: prints one
//! table row per instance (cost, proven bound, gap, seconds, peak memory).
//! Each instance runs in a child process of this binary so that the peak RSS
//! (VmHWM) is its own. `cargo bench --bench engine -- FILTER` runs the rows
//! whose name contains FILTER; `--work N` gives each instance a work limit
//! of N units besides its time limit (reproducible rows on a loaded
//! machine), and `--time S` replaces every time limit by S seconds (so
//! that the work limit is what stops a loaded run); `--features highs`
//! adds the HiGHS baseline.
//! A second table runs every shipped roster (instances/, instances/foshan/)
//! through the whole planner: leaders, teams and the year's calendar.

use std::process::Command;
use std::time::Duration;
use zhudian::assign::{SolveOptions, peak_rss_mib, random_problem, solve, table_header, table_row};

/// One benchmark instance.
struct Case {
    name: String,
    leaders: usize,
    units: usize,
    min: usize,
    max: usize,
    seed: u64,
    limit: u64,
    engine: &'static str,
    /// continuity costs and a change limit, as when replanning
    replan: bool,
}

fn cases() -> Vec<Case> {
    let mut v = Vec::new();
    let mut add_case = |leaders, units, min, max, seed, limit, engine, replan: bool| {
        let kind = if replan { "re" } else { "r" };
        v.push(Case {
            name: format!("{kind}{leaders}x{units}-{min}{max}-s{seed}"),
            leaders,
            units,
            min,
            max,
            seed,
            limit,
            engine,
            replan,
        })
    };
    let mut add = |leaders, units, min, max, seed, limit, engine| {
        add_case(leaders, units, min, max, seed, limit, engine, false)
    };
    for seed in 1..=3 {
        add(12, 25, 2, 3, seed, 10, "bnp");
    }
    for seed in 1..=10 {
        add(16, 40, 2, 3, seed, 10, "bnp");
    }
    for seed in 1..=3 {
        add(24, 70, 2, 3, seed, 30, "bnp");
    }
    for seed in 1..=2 {
        add(24, 70, 2, 4, seed, 30, "bnp");
    }
    // Large townships (issue 14): 90, 120 and 300 units with 2–4 a leader;
    // past 1.5 million bundles pricing searches instead of enumerating.
    add(30, 90, 2, 4, 1, 30, "bnp");
    add(40, 120, 2, 4, 1, 30, "bnp");
    add(100, 300, 2, 4, 1, 60, "bnp");
    if cfg!(feature = "highs") {
        add(12, 25, 2, 3, 1, 60, "highs");
        add(16, 40, 2, 3, 1, 60, "highs");
    }
    // Replanning 24×70 with 2–4: continuity costs and a change limit.
    add_case(24, 70, 2, 4, 1, 30, "bnp", true);
    v
}

/// Replanning-like terms: the previous owner of unit u is leader u mod L;
/// moving a unit costs 5 and at most 4 units in 5 may move.
fn with_continuity(p: &mut zhudian::assign::LeaderProblem) {
    let (nl, nu) = (p.leaders.len(), p.workload.len());
    let changed: Vec<Vec<bool>> = (0..nl)
        .map(|l| (0..nu).map(|u| u % nl != l).collect())
        .collect();
    for (l, spec) in p.leaders.iter_mut().enumerate() {
        spec.unit_cost = (0..nu)
            .map(|u| if changed[l][u] { 5.0 } else { 0.0 })
            .collect();
    }
    p.max_changes = Some((nu * 4 / 5, changed));
}

fn run_case(c: &Case, work: Option<u64>, time: Option<u64>) -> String {
    let mut p = random_problem(c.leaders, c.units, c.min, c.max, c.seed);
    if c.replan {
        with_continuity(&mut p);
    }
    let opts = SolveOptions {
        time_limit: Duration::from_secs(time.unwrap_or(c.limit)),
        seed: 1,
        work_limit: work,
        ..SolveOptions::default()
    };
    let s = match c.engine {
        #[cfg(feature = "highs")]
        "highs" => zhudian::assign::solve_highs(&p, &opts),
        _ => solve(&p, &opts),
    };
    let name = if c.engine == "bnp" {
        c.name.clone()
    } else {
        format!("{}-{}", c.name, c.engine)
    };
    table_row(&name, &p, &s, peak_rss_mib())
}

/// Every shipped township roster, sorted.
fn rosters() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("instances");
    let mut v: Vec<std::path::PathBuf> = [root.clone(), root.join("foshan")]
        .iter()
        .flat_map(|d| zhudian::roster::roster_files(d).expect("instances/ reads"))
        .collect();
    v.sort();
    v
}

/// Plans one shipped roster in full and prints its row.
fn run_roster(path: &std::path::Path) -> String {
    let r = zhudian::roster::load(path).expect("shipped rosters are valid");
    let opts = zhudian::planner::Options::default();
    let t = std::time::Instant::now();
    let planned =
        zhudian::planner::plan(&r, &path.display().to_string(), &opts, &Default::default())
            .expect("shipped rosters can be planned");
    let total = t.elapsed().as_secs_f64();
    let p = &planned.file.plan;
    format!(
        "{:<34} {:>3}x{:<3} {:>10.2} {:>10.2} {:>6.2}% {:<8} {:>8.3} {:>8.3} {:>8.1}",
        path.file_stem().unwrap().to_string_lossy(),
        r.cadres.len(),
        r.units.len(),
        p.cost,
        p.lower_bound,
        p.gap * 100.0,
        p.status,
        planned.timings.leaders + planned.timings.teams,
        total,
        peak_rss_mib()
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let work: Option<u64> = args.iter().position(|a| a == "--work").map(|i| {
        args[i + 1]
            .parse()
            .expect("--work takes a number of work units")
    });
    let time: Option<u64> = args.iter().position(|a| a == "--time").map(|i| {
        args[i + 1]
            .parse()
            .expect("--time takes a number of seconds")
    });
    if let Some(i) = args.iter().position(|a| a == "--roster") {
        println!("{}", run_roster(std::path::Path::new(&args[i + 1])));
        return;
    }
    // Child mode: run one case and print its row; `--seed N` draws
    // another township of the same shape (to tell a change's effect from
    // one instance's luck).
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let idx: usize = args[i + 1].parse().expect("case index");
        let mut case = cases().swap_remove(idx);
        if let Some(k) = args.iter().position(|a| a == "--seed") {
            case.seed = args[k + 1].parse().expect("--seed takes a number");
            case.name = format!(
                "{}-s{}",
                case.name.rsplit_once("-s").map_or("", |x| x.0),
                case.seed
            );
        }
        println!("{}", run_case(&case, work, time));
        return;
    }
    let filter = args
        .iter()
        .enumerate()
        .find(|&(i, a)| {
            !a.starts_with("--")
                && (i == 0 || !["--work", "--time", "--seed"].contains(&args[i - 1].as_str()))
        })
        .map(|(_, a)| a.clone());
    let exe = std::env::current_exe().expect("bench executable");
    println!("{}", table_header());
    for (i, c) in cases().iter().enumerate() {
        let name = format!("{}-{}", c.name, c.engine);
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        let mut cmd = Command::new(&exe);
        cmd.args(["--case", &i.to_string()]);
        if let Some(w) = work {
            cmd.args(["--work", &w.to_string()]);
        }
        if let Some(t) = time {
            cmd.args(["--time", &t.to_string()]);
        }
        let out = cmd.output().expect("child run");
        let text = String::from_utf8_lossy(&out.stdout);
        match text.lines().last() {
            Some(line) if out.status.success() => println!("{line}"),
            _ => println!(
                "{:<22} failed: {}",
                c.name,
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ),
        }
    }
    println!();
    println!(
        "{:<34} {:>7} {:>10} {:>10} {:>7} {:<8} {:>8} {:>8} {:>8}",
        "shipped roster (whole planner)",
        "LxU",
        "cost",
        "bound",
        "gap",
        "status",
        "assign s",
        "total s",
        "peak MiB"
    );
    for path in rosters() {
        let name = path.display().to_string();
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        let out = Command::new(&exe)
            .args(["--roster", &name])
            .output()
            .expect("child run");
        let text = String::from_utf8_lossy(&out.stdout);
        match text.lines().last() {
            Some(line) if out.status.success() => println!("{line}"),
            _ => println!("{name} failed"),
        }
    }
}
