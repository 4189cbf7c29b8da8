//! `replan`: a transfer moves only what it must (or what the cost justifies),
//! a successor inherits, pins hold, the cap on changes holds, and the
//! output says what changed and why.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;
use year_fixtures::{read_plan, tmp};

use std::path::{Path, PathBuf};

use zhudian::plan::PlanFile;

fn leader_of(p: &PlanFile) -> std::collections::BTreeMap<String, String> {
    p.assignment
        .iter()
        .map(|a| (a.unit.clone(), a.leader.clone()))
        .collect()
}

/// A generated 30-unit township, its plan, and the roster text.
fn township(dir: &Path) -> (String, String, String) {
    let roster = tmp(dir, "t30.toml");
    let (c, _, e) = zhudian(&[
        "generate", "--units", "30", "--cadres", "12", "--seed", "7", "-o", &roster,
    ]);
    assert_eq!(c, 0, "{e}");
    let plan = tmp(dir, "plan.toml");
    let (c, _, e) = zhudian(&["plan", &roster, "-o", &plan]);
    assert_eq!(c, 0, "{e}");
    let text = std::fs::read_to_string(&roster).unwrap();
    (roster, plan, text)
}

/// The text without one [[cadre]] block (the one with this id).
fn without_cadre(text: &str, id: &str) -> String {
    let a = text.find(&format!("[[cadre]]\nid = \"{id}\"")).unwrap();
    let b = a + 9 + text[a + 9..].find("\n[[").unwrap() + 1;
    text[..a].to_string() + &text[b..]
}

fn check(roster: &str, plan: &str, previous: &str) {
    let (c, out, err) = zhudian(&["check", roster, plan, "--previous", previous]);
    assert_eq!(c, 0, "check failed:\n{out}{err}");
}

#[test]
fn a_transfer_moves_that_cadres_units_and_only_what_the_cost_justifies() {
    let dir = tempfile::tempdir().unwrap();
    let (_, plan, text) = township(dir.path());
    let before = read_plan(&plan);
    // The cadre to transfer: the first leader with two or more units who attends no meeting by id.
    let gone = before
        .leader
        .iter()
        .find(|l| l.units.len() >= 2 && !text.contains(&format!("attendees = [\"{}\"", l.id)))
        .unwrap();
    let mut changed = without_cadre(&text, &gone.id);
    changed = changed
        .replace(&format!("\"{}\", ", gone.id), "")
        .replace(&format!(", \"{}\"", gone.id), "");
    let roster2 = tmp(dir.path(), "t30-out.toml");
    std::fs::write(&roster2, &changed).unwrap();
    let out_plan = tmp(dir.path(), "replan.toml");
    let (c, out, err) = zhudian(&["replan", &roster2, "--previous", &plan, "-o", &out_plan]);
    assert_eq!(c, 0, "{out}{err}");
    check(&roster2, &out_plan, &plan);
    let after = read_plan(&out_plan);
    let (b, a) = (leader_of(&before), leader_of(&after));
    let moved: Vec<&String> = a.keys().filter(|u| b[*u] != a[*u]).collect();
    for u in &gone.units {
        assert!(moved.contains(&u), "{u} must move: its leader left");
        assert!(
            out.contains(&format!("（{u}）: leader {} → ", gone.id)),
            "{out}"
        );
        assert!(
            out.contains(&format!(
                "because {} left; continuity cost 100 (unavoidable)",
                gone.id
            )),
            "{out}"
        );
    }
    // Named by name: the plan's own roster (t30.toml) is still as it was.
    let name = text
        .split(&format!("[[cadre]]\nid = \"{}\"\nname = \"", gone.id))
        .nth(1)
        .and_then(|t| t.split('"').next())
        .unwrap();
    assert!(
        out.contains(&format!(
            "the previous plan was made for another roster: {name} (in "
        )),
        "{out}"
    );
    assert!(
        out.contains(") left with no successor (the place is filled anew); the rest is kept where the ids still match\n"),
        "{out}"
    );
    // Any other move is listed with its continuity cost, and is worth it: pinning every
    // other unit (the fewest moves possible) gives a plan that costs at least as much.
    let others: Vec<&String> = moved
        .iter()
        .copied()
        .filter(|u| !gone.units.contains(u))
        .collect();
    for u in &others {
        assert!(
            out.contains(&format!("（{u}）: leader "))
                && out.contains("to balance loads and tours; continuity cost 100"),
            "{out}"
        );
    }
    let mut args = vec![
        "replan".to_string(),
        roster2.clone(),
        "--previous".into(),
        plan.clone(),
        "-o".into(),
        tmp(dir.path(), "pinned.toml"),
    ];
    for u in a.keys().filter(|u| !gone.units.contains(u)) {
        args.push("--pin".into());
        args.push(u.clone());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (c, out2, err2) = zhudian(&args);
    assert_eq!(c, 0, "{out2}{err2}");
    let pinned = read_plan(&tmp(dir.path(), "pinned.toml"));
    let pinned_moves = leader_of(&pinned)
        .iter()
        .filter(|(u, l)| b[*u] != **l)
        .count();
    assert_eq!(pinned_moves, gone.units.len(), "pins keep every other unit");
    assert!(
        after.plan.cost <= pinned.plan.cost + 1e-6,
        "extra moves must pay for themselves"
    );
    assert_eq!(after.plan.metrics.units_changed, moved.len());
}

#[test]
fn a_successor_inherits_without_any_other_move() {
    let dir = tempfile::tempdir().unwrap();
    let (_, plan, text) = township(dir.path());
    let before = read_plan(&plan);
    let old = &before.leader[1].id;
    let new_text = text
        .replace(&format!("\"{old}\""), "\"successor\"")
        .replacen(
            "id = \"successor\"\n",
            &format!("id = \"successor\"\nsucceeds = \"{old}\"\n"),
            1,
        );
    let roster2 = tmp(dir.path(), "succ.toml");
    std::fs::write(&roster2, &new_text).unwrap();
    let out_plan = tmp(dir.path(), "replan.toml");
    let (c, out, err) = zhudian(&["replan", &roster2, "--previous", &plan, "-o", &out_plan]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains(&format!(
            "successor succeeds {old} and takes over their place"
        )),
        "{out}"
    );
    assert!(
        out.contains("  apart from the handover above, nothing changed\n"),
        "{out}"
    );
    let after = read_plan(&out_plan);
    assert_eq!(after.plan.metrics.units_changed, 0);
    assert_eq!(after.plan.metrics.continuity_cost, 0.0);
    for (a, b) in before.assignment.iter().zip(&after.assignment) {
        let expect = if &a.leader == old {
            "successor"
        } else {
            a.leader.as_str()
        };
        assert_eq!(b.leader, expect);
        assert_eq!(a.helpers, b.helpers);
    }
    // The succession is planned: a handover, not a warning.
    assert!(!after.warning.iter().any(|w| w.kind == "previous_plan"));
    assert!(
        after
            .handover
            .iter()
            .any(|h| &h.from == old && h.to == "successor")
    );
    check(&roster2, &out_plan, &plan);
}

#[test]
fn max_changes_is_a_hard_limit_and_pins_hold() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, plan, text) = township(dir.path());
    // Doubling the travel weight invites moves; at most one is allowed.
    let roster2 = tmp(dir.path(), "travel.toml");
    std::fs::write(
        &roster2,
        text.replace("travel = 1.0", "travel = 8.0")
            .replace("continuity = 100.0", "continuity = 1.0"),
    )
    .unwrap();
    let free = tmp(dir.path(), "free.toml");
    let (c, _, e) = zhudian(&["replan", &roster2, "--previous", &plan, "-o", &free]);
    assert_eq!(c, 0, "{e}");
    let capped = tmp(dir.path(), "capped.toml");
    let (c, _, e) = zhudian(&[
        "replan",
        &roster2,
        "--previous",
        &plan,
        "-o",
        &capped,
        "--max-changes",
        "1",
    ]);
    assert_eq!(c, 0, "{e}");
    let (b, f, k) = (
        leader_of(&read_plan(&plan)),
        read_plan(&free),
        read_plan(&capped),
    );
    let moves = |p: &PlanFile| leader_of(p).iter().filter(|(u, l)| b[*u] != **l).count();
    assert!(moves(&f) > 1, "the test needs a roster where moves pay");
    assert!(moves(&k) <= 1);
    assert!(k.plan.cost >= f.plan.cost - 1e-6);
    // Pin a unit that moved freely: it stays.
    let moved_unit = leader_of(&f)
        .into_iter()
        .find(|(u, l)| b[u] != *l)
        .unwrap()
        .0;
    let pinned = tmp(dir.path(), "pinned.toml");
    let (c, _, e) = zhudian(&[
        "replan",
        &roster2,
        "--previous",
        &plan,
        "-o",
        &pinned,
        "--pin",
        &moved_unit,
    ]);
    assert_eq!(c, 0, "{e}");
    assert_eq!(leader_of(&read_plan(&pinned))[&moved_unit], b[&moved_unit]);
    let _ = roster;
}

#[test]
fn bad_previous_plans_and_pins_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, plan, _) = township(dir.path());
    let out = tmp(dir.path(), "x.toml");
    let (c, _, e) = zhudian(&["replan", &roster, "--previous", "no/such.toml", "-o", &out]);
    assert_eq!(c, 2);
    assert!(e.contains("no/such.toml: cannot read the plan:"), "{e}");
    let (c, _, e) = zhudian(&[
        "replan",
        &roster,
        "--previous",
        &plan,
        "-o",
        &out,
        "--pin",
        "atlantis",
    ]);
    assert_eq!(c, 2);
    assert_eq!(
        e.trim(),
        "--pin atlantis: no such unit in both the roster and the previous plan"
    );
    assert!(
        !PathBuf::from(&out).exists(),
        "nothing written on bad input"
    );
}

#[test]
fn a_plan_from_another_roster_is_used_where_ids_match() {
    let dir = tempfile::tempdir().unwrap();
    let (_, plan, _) = township(dir.path());
    // The example roster shares no ids with the generated plan.
    let out = tmp(dir.path(), "x.toml");
    let (c, stdout, e) = zhudian(&[
        "replan",
        "instances/beijiao-example.toml",
        "--previous",
        &plan,
        "-o",
        &out,
    ]);
    assert_eq!(c, 0, "{e}");
    assert!(
        stdout.contains("no longer in the roster (the team is dropped)"),
        "{stdout}"
    );
    let p = read_plan(&out);
    // One warning names everything the roster lacks.
    let said: Vec<_> = p
        .warning
        .iter()
        .filter(|w| w.kind == "previous_plan")
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0]
            .message
            .contains("no longer in the roster (the team is dropped)")
    );
    assert_eq!(p.plan.metrics.units_changed, 0);
}

#[test]
fn a_previous_plan_naming_a_unit_the_roster_lacks_says_so_by_name_once() {
    let dir = tempfile::tempdir().unwrap();
    let (_, plan, text) = township(dir.path());
    let before = read_plan(&plan);
    // The plan's first unit goes by another id now: the roster lacks the
    // one the plan names (roads, helpers and all follow the new id).
    let unit = &before.assignment[0].unit;
    let a = text.find(&format!("[[unit]]\nid = \"{unit}\"")).unwrap();
    let name = text[a..]
        .split("name = \"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .unwrap()
        .to_string();
    let changed = text.replace(&format!("\"{unit}\""), "\"renamed-unit\"");
    let roster2 = tmp(dir.path(), "t30-less.toml");
    std::fs::write(&roster2, &changed).unwrap();
    let (c, _, e) = zhudian(&["validate", &roster2]);
    assert_eq!(c, 0, "{e}");
    let out_plan = tmp(dir.path(), "replan.toml");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "replan",
        &roster2,
        "--previous",
        &plan,
        "-o",
        &out_plan,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let line = format!(
        "上一版方案出自另一份名册：名册中已没有{name}（原团队不再保留）；其余编号相同之处照旧沿用"
    );
    assert!(out.contains(&format!("  {line}\n")), "{out}");
    let after = read_plan(&out_plan);
    let said: Vec<&str> = after
        .warning
        .iter()
        .filter(|w| w.kind == "previous_plan")
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(said, [line.as_str()]);
    // The same roster with nothing removed but an edit: no such warning.
    let edited = text.replacen("[[unit]]\n", "# edited\n[[unit]]\n", 1);
    let roster3 = tmp(dir.path(), "t30-edited.toml");
    std::fs::write(&roster3, &edited).unwrap();
    let (c, out, err) = zhudian(&["replan", &roster3, "--previous", &plan, "-o", &out_plan]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(!out.contains("another roster"), "{out}");
    assert!(
        !read_plan(&out_plan)
            .warning
            .iter()
            .any(|w| w.kind == "previous_plan")
    );
}

/// One 6,000-household unit whose team (its secretary and the leader) cannot
/// make its household visits, and `committee` of its committee cadres.
fn big_unit(committee: usize) -> String {
    let mut t = String::from(
        "[township]\nname = \"测试镇\"\noffice = \"hall\"\nyear = 2015\n\n\
         [station]\nweekday = \"Tue\"\nstart = \"15:00\"\nend = \"18:30\"\n\n\
         [policy]\nmin_present = 1\nunits_per_leader = [1, 1]\n\
         team = [{ roles = [\"party_secretary\"], from_unit = true }]\n\n\
         [[unit]]\nid = \"a\"\nname = \"大村\"\nhouseholds = 6000\n\n\
         [[helper]]\nid = \"sa\"\nname = \"李甲\"\nrole = \"party_secretary\"\nmax_teams = 2\nunit = \"a\"\n\n\
         [[cadre]]\nid = \"c1\"\nname = \"张一\"\n\n\
         [[road]]\nfrom = \"hall\"\nto = \"a\"\nminutes = 10\n",
    );
    for k in 0..committee {
        t += &format!(
            "\n[[helper]]\nid = \"w{k}\"\nname = \"委员{k}\"\nrole = \"committee_cadre\"\nmax_teams = 2\nunit = \"a\"\n"
        );
    }
    t
}

/// A trial added the unit's committee cadres the visits warning asked for
/// and replanned: the plan put them on the team as assists, and the change
/// list said nothing changed. It now names them.
#[test]
fn assists_joining_a_team_are_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = (tmp(dir.path(), "v0.toml"), tmp(dir.path(), "v1.toml"));
    std::fs::write(&before, big_unit(0)).unwrap();
    std::fs::write(&after, big_unit(2)).unwrap();
    let p0 = year_fixtures::plan(&before, dir.path(), "p0.toml");
    let p1 = tmp(dir.path(), "p1.toml");
    let replan = |lang: &str| {
        let (c, out, err) = zhudian(&[
            "--lang",
            lang,
            "replan",
            &after,
            "--previous",
            &p0,
            "-o",
            &p1,
        ]);
        assert_eq!(c, 0, "{err}");
        out
    };
    let zh = replan("zh");
    assert!(
        zh.contains("与上一版方案 ")
            && zh.contains("\n  大村：委员0和委员1作为协助人员加入团队（不计分）\n"),
        "{zh}"
    );
    assert!(!zh.contains("没有变动"), "{zh}");
    let en = replan("en");
    assert!(
        en.contains("\n  大村（a）: 委员0 and 委员1 join the team as assist members (no cost)\n"),
        "{en}"
    );
    assert!(!en.contains("nothing changed"), "{en}");
    // And back: with the committee cadres on the roster but off the team.
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "replan",
        &before,
        "--previous",
        &p1,
        "-o",
        &tmp(dir.path(), "p2.toml"),
    ]);
    assert_eq!(c, 0, "{err}");
    assert!(!out.contains("不再作为协助人员"), "{out}");
}
