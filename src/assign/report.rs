//! Plain-text result table for benchmarks and the terminal: one row per
//! solved instance (size, cost, proven bound, gap, time, peak memory, search
//! counters), shared by the random-instance bench and runs on real rosters.

use super::leaders::{LeaderProblem, LeaderSolution};

/// The table's header line.
pub fn table_header() -> String {
    format!(
        "{:<24} {:>7} {:>5} {:>11} {:>11} {:>7} {:>8} {:>8} {:>7} {:>8} {:>7} {:>9} {:>9} {:>11} {:>10}",
        "instance",
        "leaders",
        "units",
        "cost",
        "bound",
        "gap %",
        "seconds",
        "RSS MiB",
        "nodes",
        "columns",
        "rounds",
        "pivots",
        "status",
        "work",
        "pricing"
    )
}

/// One row: `name`, the problem's size, the solution's figures and the peak
/// resident memory in MiB (see [`peak_rss_mib`]).
pub fn table_row(name: &str, p: &LeaderProblem, s: &LeaderSolution, rss_mib: f64) -> String {
    format!(
        "{:<24} {:>7} {:>5} {:>11.3} {:>11.3} {:>7.3} {:>8.2} {:>8.1} {:>7} {:>8} {:>7} {:>9} {:>9} {:>11} {:>10}",
        name,
        p.leaders.len(),
        p.workload.len(),
        s.cost,
        s.lower_bound,
        100.0 * s.gap,
        s.stats.seconds,
        rss_mib,
        s.stats.nodes,
        s.stats.columns,
        s.stats.rounds,
        s.stats.pivots,
        format!("{:?}", s.status),
        s.stats.work,
        format!("{:?}", s.stats.pricing)
    )
}

/// Peak resident memory of this process (VmHWM) in MiB; NaN where
/// /proc/self/status is unavailable.
pub fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
