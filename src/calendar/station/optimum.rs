//! How far the heuristic is from the best coverage: a MIP of the whole
//! year's station sessions (run by hand: it is slow on big townships).
#![allow(clippy::needless_range_loop)]
use super::*;
use crate::calendar::cx::Cx;
use good_lp::{Expression, Solution, SolverModel, microlp, variable, variables};

fn optimum(path: &str) -> (usize, usize) {
    let r = crate::roster::load(std::path::Path::new(path)).unwrap();
    let plan = crate::calendar::simple::simple_plan(&r);
    let cx = Cx::new(&r, &plan);
    let st = plan_stations(&cx);
    let heur = score(&cx, &st).0;
    let nw = cx.weeks.len();
    let nu = r.units.len();
    let mut has = vec![vec![false; nw]; nu];
    for s in &st.sessions {
        has[s.unit][s.week] = true;
    }
    let (ws, we) = cx.win;
    let mut vars = variables!();
    let mut x = std::collections::BTreeMap::new();
    for (p, person) in cx.persons.iter().enumerate() {
        if person.units.len() < 2 {
            continue;
        }
        for w in 0..nw {
            if cx.blocked(p, cx.weeks[w], ws, we).is_some() {
                continue;
            }
            for &u in &person.units {
                if has[u][w] {
                    x.insert((p, u, w), vars.add(variable().binary()));
                }
            }
        }
    }
    let mut y = std::collections::BTreeMap::new();
    for u in 0..nu {
        for w in 0..nw {
            if has[u][w] {
                y.insert((u, w), vars.add(variable().min(0).max(1)));
            }
        }
    }
    let obj: Expression = y.values().copied().sum();
    let mut model = vars.maximise(obj).using(microlp);
    for (p, person) in cx.persons.iter().enumerate() {
        if person.units.len() < 2 {
            continue;
        }
        for w in 0..nw {
            let e: Expression = person
                .units
                .iter()
                .filter_map(|&u| x.get(&(p, u, w)).copied())
                .sum();
            model = model.with(e.leq(1));
        }
        if person.leader {
            let n = person.units.len();
            for &u in &person.units {
                let counted: Vec<usize> = (0..nw).filter(|&w| x.contains_key(&(p, u, w))).collect();
                for win in counted.windows(n) {
                    let e: Expression = win.iter().map(|&w| x[&(p, u, w)]).sum();
                    model = model.with(e.geq(1));
                }
            }
        }
    }
    for (&(u, w), &yv) in &y {
        let fixed = cx.teams[u].members.iter().any(|&p| {
            cx.persons[p].township
                && cx.persons[p].units.len() == 1
                && cx.blocked(p, cx.weeks[w], ws, we).is_none()
        });
        if fixed {
            continue;
        }
        let e: Expression = cx.teams[u]
            .members
            .iter()
            .filter(|&&p| cx.persons[p].township)
            .filter_map(|&p| x.get(&(p, u, w)).copied())
            .sum();
        model = model.with((Expression::from(yv) - e).leq(0));
    }
    let sol = model.solve().unwrap();
    let covered: f64 = y.values().map(|&v| sol.value(v)).sum();
    (heur, y.len() - covered.round() as usize)
}

#[test]
#[ignore]
fn heuristic_against_optimum() {
    for f in [
        "instances/beijiao-example.toml",
        "instances/gaozhou-rural.toml",
    ] {
        let (h, o) = optimum(&format!("{}/{f}", env!("CARGO_MANIFEST_DIR")));
        eprintln!("{f}: heuristic {h} uncovered, optimum {o}");
    }
}
