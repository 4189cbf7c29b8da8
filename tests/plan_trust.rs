//! What the terminal says about how far a plan can be trusted (a planner
//! trial in a 街道, trial 34): a run the time limit cut may come out
//! different next time, and says how to get the same plan every time; a
//! run with no bound is a first plan, not "feasible"; a replan's proof is
//! a proof given its charge for changes. Through the binary, word for word.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

const ROSTER: &str = "instances/gaozhou-rural.toml";

fn plan(dir: &std::path::Path, name: &str, extra: &[&str]) -> (String, String) {
    let out = dir.join(name);
    let mut args = vec!["--lang", "zh", "plan", ROSTER, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (c, stdout, err) = zhudian(&args);
    assert_eq!(c, 0, "{err}");
    (stdout, out.display().to_string())
}

#[test]
fn a_run_the_time_limit_cut_says_it_may_differ_and_how_to_repeat_it() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = plan(dir.path(), "p0.toml", &["--time-limit", "0"]);
    assert!(out.contains(
        "差距 100.00%：仅为初步方案：时限内没能算出有用的理论最好得分，不知道离最好还有多远；放宽 --time-limit 可能得到更好的方案\n"
    ), "{out}");
    assert!(out.contains(
        "  本次计算到时限就停止了（分配领导最多用 --time-limit 的一半，这次是 0 秒）：再运行一次，可能得到得分相同或相近、但人员安排不同的方案。要每次都得到同一个方案，请改用工作量上限（--work-limit）重新编排，并保存那次的方案\n"
    ), "{out}");
    // A work limit repeats exactly: no such warning, whatever it cut
    // (2,000 units are too few for a bound here).
    let (out, _) = plan(dir.path(), "pw.toml", &["--work-limit", "2000"]);
    assert!(!out.contains("再运行一次"), "{out}");
    assert!(out.contains(
        "差距 100.00%：仅为初步方案：工作量上限内没能算出有用的理论最好得分，不知道离最好还有多远；放宽 --work-limit 可能得到更好的方案\n"
    ), "{out}");
}

#[test]
fn a_replans_proof_is_said_to_keep_to_the_plan_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let (first, p1) = plan(dir.path(), "p1.toml", &[]);
    assert!(first.contains("：已证明最优\n"), "{first}");
    let p2 = dir.path().join("p2.toml");
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "replan",
        ROSTER,
        "--previous",
        &p1,
        "-o",
        p2.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{err}");
    assert!(
        out.contains(
            "：已证明最优（指在尽量保留现行方案的前提下：与现行方案相比的每处变动都计入了得分）\n"
        ),
        "{out}"
    );
}
