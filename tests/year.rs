//! The year as lived: a July transfer with the successor in the same roster
//! (`leaves`, `succeeds`), `replan --from`: the past is kept byte for byte,
//! the handover moves nothing else, visits carry on, and a typo in
//! `succeeds` is refused with a suggestion.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

use zhudian::plan::PlanFile;

const ROSTER: &str = "instances/gaozhou-rural.toml";
const FROM: &str = "2015-07-01";

fn tmp(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

fn read_plan(p: &str) -> PlanFile {
    PlanFile::from_toml(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The shipped roster with 彭坚丽 (peng-jl) leaving on `leaves` and 林晓阳
/// (lin-xy) succeeding her, written next to the plan; `succeeds` as given.
fn transfer(dir: &Path, succeeds: &str) -> String {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let a = text.find("[[cadre]]\nid = \"peng-jl\"").unwrap();
    let b = a + 9 + text[a + 9..].find("\n[[").unwrap() + 1;
    let block = &text[a..b];
    let successor = block
        .replace("id = \"peng-jl\"", "id = \"lin-xy\"")
        .replace(
            "name = \"彭坚丽\"",
            &format!("name = \"林晓阳\"\nsucceeds = \"{succeeds}\""),
        );
    let leaving = block.replace(
        "id = \"peng-jl\"\n",
        &format!("id = \"peng-jl\"\nleaves = \"{FROM}\"\n"),
    );
    let out = text[..a].to_string() + &leaving + &successor + &text[b..];
    let path = tmp(dir, "transfer.toml");
    std::fs::write(&path, out).unwrap();
    path
}

fn planned(dir: &Path) -> String {
    let plan = tmp(dir, "p0.toml");
    let (c, _, e) = zhudian(&["plan", ROSTER, "-o", &plan]);
    assert_eq!(c, 0, "{e}");
    plan
}

#[test]
#[ignore = "known regression (issue 9): the min_present top-up re-picks assist members on replan (shiliao: wu-dj becomes liang-md)"]
fn replan_from_a_date_keeps_the_past_byte_for_byte_and_moves_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = planned(dir.path());
    let roster = transfer(dir.path(), "peng-jl");
    let p1 = tmp(dir.path(), "p1.toml");
    let (c, out, err) = zhudian(&[
        "replan",
        &roster,
        "--previous",
        &p0,
        "--from",
        FROM,
        "-o",
        &p1,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let (before, after) = (read_plan(&p0), read_plan(&p1));

    // The past: every session before the date, in the same order, the same.
    let past = |p: &PlanFile| -> Vec<String> {
        p.session
            .iter()
            .filter(|s| s.date.as_str() < FROM)
            .map(|s| format!("{s:?}"))
            .collect()
    };
    assert!(!past(&before).is_empty());
    assert_eq!(past(&before), past(&after));

    // The handover: her units go to the successor, nothing else moves.
    let mut handed = Vec::new();
    for (a, b) in before.assignment.iter().zip(&after.assignment) {
        assert_eq!(a.unit, b.unit);
        assert_eq!(a.helpers, b.helpers, "{}", a.unit);
        assert_eq!(a.assist, b.assist, "{}", a.unit);
        if a.leader == "peng-jl" {
            assert_eq!(b.leader, "lin-xy");
            handed.push(a.unit.clone());
        } else {
            assert_eq!(a.leader, b.leader, "{}", a.unit);
        }
    }
    assert!(!handed.is_empty());
    assert_eq!(after.plan.metrics.units_changed, 0);
    assert_eq!(after.plan.metrics.continuity_cost, 0.0);
    assert_eq!(after.handover.len(), 1);
    let h = &after.handover[0];
    assert_eq!(
        (h.from.as_str(), h.to.as_str(), h.date.as_str()),
        ("peng-jl", "lin-xy", FROM)
    );
    assert_eq!(h.units, handed);

    // From the date on: she appears nowhere, her successor only from then.
    for s in &after.session {
        let p = |id: &str| s.people.iter().any(|x| x == id);
        assert!(!(p("peng-jl") && s.date.as_str() >= FROM), "{s:?}");
        assert!(!(p("lin-xy") && s.date.as_str() < FROM), "{s:?}");
    }
    // Units whose team did not change keep their later sessions too.
    let later = |p: &PlanFile, unit: &str| -> Vec<String> {
        p.session
            .iter()
            .filter(|s| s.unit == unit && s.date.as_str() >= FROM)
            .map(|s| format!("{s:?}"))
            .collect()
    };
    let unchanged = before
        .assignment
        .iter()
        .filter(|a| later(&before, &a.unit) == later(&after, &a.unit))
        .count();
    assert!(unchanged >= before.assignment.len() / 2, "{unchanged}");
}

#[test]
fn visits_done_before_the_date_count_toward_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = planned(dir.path());
    let roster = transfer(dir.path(), "peng-jl");
    let p1 = tmp(dir.path(), "p1.toml");
    let (c, out, err) = zhudian(&[
        "replan",
        &roster,
        "--previous",
        &p0,
        "--from",
        FROM,
        "-o",
        &p1,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let (before, after) = (read_plan(&p0), read_plan(&p1));
    let unit = &after.handover[0].units[0];
    // Households visited at her former unit by the post (her, then him).
    let visited = |p: &PlanFile, who: &[&str]| -> u32 {
        p.session
            .iter()
            .filter(|s| &s.unit == unit && s.kind == "household_visit")
            .filter(|s| s.people.iter().any(|x| who.contains(&x.as_str())))
            .filter_map(|s| s.households)
            .sum()
    };
    let year = visited(&before, &["peng-jl"]);
    let lived = visited(&after, &["peng-jl", "lin-xy"]);
    assert!(year > 0);
    assert_eq!(lived, year, "the post's visits over the year");
    assert!(visited(&after, &["peng-jl"]) < year, "he does the rest");
}

#[test]
fn a_typo_in_succeeds_is_refused_with_the_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let p0 = planned(dir.path());
    let roster = transfer(dir.path(), "peng-j1");
    let p1 = tmp(dir.path(), "p1.toml");
    let (c, _, err) = zhudian(&["replan", &roster, "--previous", &p0, "-o", &p1]);
    assert_eq!(c, 2, "{err}");
    assert!(
        err.contains(
            "[[cadre]] 'lin-xy', field 'succeeds': nobody in this roster or the previous plan is 'peng-j1' (did you mean 'peng-jl'?)"
        ),
        "{err}"
    );
    assert!(!Path::new(&p1).exists());
    let (c, _, err) = zhudian(&["validate", &roster, "--previous", &p0]);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("(did you mean 'peng-jl'?)"), "{err}");
}

#[test]
fn service_dates_are_checked_against_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let roster = transfer(dir.path(), "peng-jl");
    let text = std::fs::read_to_string(&roster).unwrap();
    let bad = tmp(dir.path(), "bad.toml");
    std::fs::write(&bad, text.replace(FROM, "2016-07-01")).unwrap();
    let (c, _, err) = zhudian(&["validate", &bad]);
    assert_eq!(c, 2, "{err}");
    assert!(
        err.contains("field 'leaves': 2016-07-01 is outside the year being planned, 2015"),
        "{err}"
    );
    // Without leaves (or joins), the handover has no date.
    std::fs::write(&bad, text.replace(&format!("leaves = \"{FROM}\"\n"), "")).unwrap();
    let (c, _, err) = zhudian(&["validate", &bad]);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("'peng-jl' is still in this roster"), "{err}");
}
