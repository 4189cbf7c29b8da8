//! `min_present` (docs/calendar.md, rule 1): the planner adds assist members
//! until each team's expected attendance reaches it — a leader of n units
//! counts 1/n, a helper on k teams 1/k — or no one who may assist is left;
//! the calendar then holds far fewer short sessions.

use std::collections::HashMap;

use zhudian::generate::{GenOptions, KindMix, Profile, generate_roster};
use zhudian::model::Roster;
use zhudian::plan::PlanFile;
use zhudian::roster;

fn township(seed: u64, min_present: usize) -> Roster {
    let o = GenOptions::new(
        Profile::Rural,
        KindMix::for_profile(Profile::Rural, 25),
        10,
        seed,
    );
    let text =
        generate_roster(&o).replace("min_present = 2", &format!("min_present = {min_present}"));
    assert!(text.contains(&format!("min_present = {min_present}")));
    roster::load_str(&text, "g.toml").expect("generated rosters load")
}

fn planned(r: &Roster) -> PlanFile {
    zhudian::planner::plan(r, "g.toml", &Default::default(), &Default::default())
        .expect("plans")
        .file
}

#[test]
fn teams_reach_min_present_in_expected_attendance_or_run_out_of_assists() {
    for seed in [1, 2] {
        let r = township(seed, 3);
        let p = planned(&r);
        let mut teams_of: HashMap<&str, usize> = HashMap::new();
        let mut units_of: HashMap<&str, usize> = HashMap::new();
        for a in &p.assignment {
            *units_of.entry(&a.leader).or_default() += 1;
            for h in a.helpers.iter().chain(&a.assist) {
                *teams_of.entry(h).or_default() += 1;
            }
        }
        for a in &p.assignment {
            let expected = 1.0 / units_of[a.leader.as_str()] as f64
                + a.helpers
                    .iter()
                    .chain(&a.assist)
                    .map(|h| 1.0 / teams_of[h.as_str()] as f64)
                    .sum::<f64>();
            // Anyone of the unit's own who may assist and is not on the team?
            let idle = r.helpers.iter().any(|h| {
                h.unit.as_deref() == Some(a.unit.as_str())
                    && h.role.may_assist()
                    && !a.helpers.contains(&h.id)
                    && !a.assist.contains(&h.id)
            });
            assert!(
                expected >= 3.0 - 1e-9 || !idle,
                "seed {seed}: {} expects {expected:.2} present with own helpers idle",
                a.unit
            );
        }
        // And the sessions show it: most sessions reach 3.
        let st: Vec<_> = p.session.iter().filter(|s| s.kind == "station").collect();
        let short = st.iter().filter(|s| s.people.len() < 3).count();
        assert!(
            short * 5 < st.len(),
            "seed {seed}: {short} of {} sessions below 3",
            st.len()
        );
    }
}

#[test]
fn no_assists_for_attendance_when_min_present_is_met_anyway() {
    let r = township(1, 1);
    let p = planned(&r);
    // With min_present = 1, assists serve needs only: each one holds a skill
    // the unit needs.
    for a in &p.assignment {
        let unit = r.units.iter().find(|u| u.id == a.unit).unwrap();
        for h in &a.assist {
            let h = r.helpers.iter().find(|x| &x.id == h).unwrap();
            assert!(
                unit.needs.iter().any(|n| h.skills.contains(n)),
                "{} assists {} without a need",
                h.id,
                a.unit
            );
        }
    }
}
