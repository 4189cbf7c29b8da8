//! How long the calendar takes (a benchmark, not a test): the year for the
//! biggest shipped township and for every Foshan township, each from a plain
//! legal assignment so the figures do not depend on an engine. Prints
//! seconds; targets: one 40-unit township under 1 s, all of Foshan under 10 s.

use std::path::Path;
use std::time::Instant;

use zhudian::calendar::{build, simple::simple_plan};
use zhudian::roster;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("instances");
    let foshan = roster::load_all(&root.join("foshan")).expect("instances/foshan reads");
    let biggest = foshan
        .iter()
        .max_by_key(|r| r.units.len())
        .expect("some township");
    let mut plan = simple_plan(biggest);
    let t = Instant::now();
    build(biggest, &mut plan);
    let one = t.elapsed().as_secs_f64();
    println!(
        "calendar {} ({} units): {one:.3} s — {} station, {} make-up, {} visit sessions, {} warnings",
        biggest.township.name,
        biggest.units.len(),
        plan.plan.metrics.station_sessions,
        plan.plan.metrics.makeup_sessions,
        plan.plan.metrics.household_visit_sessions,
        plan.plan.metrics.warnings
    );

    let t = Instant::now();
    let mut sessions = 0;
    let mut shortfall = 0;
    for r in &foshan {
        let mut plan = simple_plan(r);
        build(r, &mut plan);
        sessions += plan.session.len();
        shortfall += plan.plan.metrics.shortfall_sessions;
    }
    let all = t.elapsed().as_secs_f64();
    println!(
        "calendar foshan ({} townships, {} units): {all:.3} s — {sessions} sessions, {shortfall} without a township member",
        foshan.len(),
        foshan.iter().map(|r| r.units.len()).sum::<usize>()
    );
}
