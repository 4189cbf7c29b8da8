//! How long the calendar takes (a benchmark, not a test): the year for the
//! biggest Foshan township and for all 32 of them, from the planner's own
//! plans (a plain legal assignment where the planner refuses one), timing
//! `calendar::build` alone. Prints seconds; targets: a 40-unit township
//! under 1 s, all of Foshan under 10 s.

use std::path::Path;
use std::time::Instant;

use zhudian::calendar::{build, simple::simple_plan};
use zhudian::model::Roster;
use zhudian::plan::PlanFile;
use zhudian::planner::{Options, Previous, plan};
use zhudian::roster;

/// The plan's assignment with its calendar taken out again.
fn assignment(r: &Roster) -> PlanFile {
    let mut p = plan(r, &r.source, &Options::default(), &Previous::default())
        .map(|p| p.file)
        .unwrap_or_else(|_| simple_plan(r));
    p.session.clear();
    p.warning.clear();
    p
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("instances");
    let foshan = roster::load_all(&root.join("foshan")).expect("instances/foshan reads");
    let plans: Vec<PlanFile> = foshan.iter().map(assignment).collect();

    let (i, biggest) = foshan
        .iter()
        .enumerate()
        .max_by_key(|(_, r)| r.units.len())
        .expect("some township");
    let mut p = plans[i].clone();
    let t = Instant::now();
    build(biggest, &mut p);
    let one = t.elapsed().as_secs_f64();
    let m = &p.plan.metrics;
    println!(
        "calendar {} ({} units): {one:.3} s — {} station, {} make-up, {} visit sessions, {} without a township member, {} warnings",
        biggest.township.name,
        biggest.units.len(),
        m.station_sessions,
        m.makeup_sessions,
        m.household_visit_sessions,
        m.shortfall_sessions,
        m.warnings
    );

    // The hard case: 40 units on 16 leaders (2–3 each), fortnightly remote
    // villages, so rotations and fortnights are searched in earnest.
    {
        use zhudian::generate::{GenOptions, KindMix, Profile, generate_roster};
        let o = GenOptions::new(
            Profile::Rural,
            KindMix::for_profile(Profile::Rural, 40),
            16,
            7,
        );
        let r = roster::load_str(&generate_roster(&o), "rural-40.toml")
            .expect("generated roster reads");
        let mut p = assignment(&r);
        let t = Instant::now();
        build(&r, &mut p);
        let m = &p.plan.metrics;
        println!(
            "calendar rural 40 units, 16 leaders: {:.3} s — {} station, {} without a township member, {} warnings",
            t.elapsed().as_secs_f64(),
            m.station_sessions,
            m.shortfall_sessions,
            m.warnings
        );
    }

    let t = Instant::now();
    let mut sessions = 0;
    let mut shortfall = 0;
    let mut warnings = 0;
    for (r, p) in foshan.iter().zip(&plans) {
        let mut p = p.clone();
        build(r, &mut p);
        sessions += p.session.len();
        shortfall += p.plan.metrics.shortfall_sessions;
        warnings += p.warning.len();
    }
    let all = t.elapsed().as_secs_f64();
    println!(
        "calendar foshan ({} townships, {} units): {all:.3} s — {sessions} sessions, {shortfall} without a township member, {warnings} warnings",
        foshan.len(),
        foshan.iter().map(|r| r.units.len()).sum::<usize>()
    );
}
