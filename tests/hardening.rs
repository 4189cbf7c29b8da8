//! Issue 12: nothing lost, nothing silently wrong. Outputs never replace a
//! link or a device, never overwrite an input; an empty folder is bad input;
//! a closed pipe ends quietly; a signal leaves no temporary file.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::{Command, Stdio};

const ROSTER: &str = "instances/beijiao-example.toml";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Files whose name says they are a write's temporary file.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_symlinked_output_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.toml");
    // An earlier plan: only a plan is ever written over (tests/mixups.rs).
    std::fs::write(&target, "[plan]\nold = true\n").unwrap();
    let link = dir.path().join("plan.toml");
    std::os::unix::fs::symlink("real.toml", &link).unwrap();
    let (c, o, e) = zhudian(&["plan", ROSTER, "-o", s(&link)]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("[plan]")
    );
    // A dangling link names the file it creates.
    let dangling = dir.path().join("new.toml");
    std::os::unix::fs::symlink("made.toml", &dangling).unwrap();
    let (c, o, e) = zhudian(&["plan", ROSTER, "-o", s(&dangling)]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(dir.path().join("made.toml").is_file());
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}

#[test]
fn a_fifo_output_is_written_through_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let (c, o, e) = zhudian(&["plan", ROSTER, "-o", s(&fifo)]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(reader.join().unwrap().starts_with("[plan]"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

/// A character device like /dev/null (made in a temporary folder; needs root).
#[test]
fn a_device_output_is_written_through_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mknod needs root");
        return;
    }
    let (c, o, e) = zhudian(&["plan", ROSTER, "-o", s(&null)]);
    assert_eq!(c, 0, "{o}{e}");
    assert!(
        std::fs::metadata(&null)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("r.toml");
    std::fs::copy(ROSTER, &roster).unwrap();
    let before = std::fs::read(&roster).unwrap();
    let r = s(&roster);
    let (c, o, e) = zhudian(&["plan", r, "-o", r]);
    assert_eq!((c, o.as_str()), (2, ""));
    assert_eq!(
        e,
        format!("will not write {r}: it is {r}, which this run reads; give another output\n")
    );
    // Under another name too (a link), and in Chinese.
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&roster, &link).unwrap();
    let (c, _, e) = zhudian(&["--lang", "zh", "plan", r, "-o", s(&link)]);
    assert_eq!(c, 2);
    assert_eq!(
        e,
        format!(
            "不会写入 {}：它就是本次读取的 {r}，请另选输出位置\n",
            s(&link)
        )
    );
    assert_eq!(std::fs::read(&roster).unwrap(), before);

    // replan: the previous plan is an input as well.
    let prev = dir.path().join("prev.toml");
    assert_eq!(zhudian(&["plan", r, "-o", s(&prev)]).0, 0);
    let prev_before = std::fs::read(&prev).unwrap();
    let (c, _, e) = zhudian(&["replan", r, "--previous", s(&prev), "-o", s(&prev)]);
    assert_eq!(c, 2, "{e}");
    assert!(
        e.starts_with(&format!("will not write {}", s(&prev))),
        "{e}"
    );
    assert_eq!(std::fs::read(&prev).unwrap(), prev_before);

    // A city run into its own folder would overwrite every roster.
    let city = dir.path().join("city");
    std::fs::create_dir(&city).unwrap();
    std::fs::copy(
        "instances/foshan/foshan-10-dali.toml",
        city.join("dali.toml"),
    )
    .unwrap();
    std::fs::copy("instances/foshan/city.toml", city.join("city.toml")).unwrap();
    let (c, _, e) = zhudian(&["plan", s(&city), "-o", s(&city)]);
    assert_eq!(c, 2, "{e}");
    let said = |out: &Path, input: &Path| {
        format!(
            "will not write {}: it is {}, which this run reads; give another output\n",
            s(out),
            s(input)
        )
    };
    assert_eq!(e, said(&city, &city));
    // Or into a folder that holds one of its rosters under the plan's name.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let dali = city.join("dali.toml");
    std::os::unix::fs::symlink(&dali, out.join("dali.toml")).unwrap();
    let (c, _, e) = zhudian(&["plan", s(&city), "-o", s(&out)]);
    assert_eq!(c, 2, "{e}");
    assert_eq!(e, said(&out.join("dali.toml"), &dali));

    // calendar --csv onto the plan it reads.
    let (c, _, e) = zhudian(&["calendar", s(&prev), "--roster", r, "--csv", s(&prev)]);
    assert_eq!(c, 2, "{e}");
    assert_eq!(std::fs::read(&prev).unwrap(), prev_before);
}

#[test]
fn an_empty_folder_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let e_ = s(&empty);
    let (c, o, e) = zhudian(&["validate", e_]);
    assert_eq!((c, o.as_str()), (2, ""));
    assert_eq!(e, format!("no roster files in {e_} (*.toml or *.xlsx)\n"));
    let (c, _, e) = zhudian(&["--lang", "zh", "validate", e_]);
    assert_eq!(c, 2);
    assert_eq!(e, format!("{e_} 中没有名册文件（*.toml 或 *.xlsx）\n"));
    let out = dir.path().join("plans");
    let (c, o, e) = zhudian(&["plan", e_, "-o", s(&out)]);
    assert_eq!((c, o.as_str()), (2, ""));
    assert_eq!(e, format!("no roster files in {e_} (*.toml or *.xlsx)\n"));
    assert!(!out.exists());
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    for args in [
        &["validate", "instances/foshan"][..],
        &["generate", "--seed", "3"][..],
    ] {
        let (code, stderr) = cli::closed_pipe(args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// SIGINT or SIGTERM at any moment of a city run: no temporary file stays,
/// and the run ends with 128 + the signal.
#[test]
fn a_signal_leaves_no_temporary_file() {
    for (k, (signal, code)) in [("-INT", 130), ("-TERM", 143)]
        .into_iter()
        .cycle()
        .take(6)
        .enumerate()
    {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("plans");
        let child = Command::new(env!("CARGO_BIN_EXE_zhudian"))
            .args(["plan", "instances/foshan", "-o", s(&out)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // From just after start-up into the writes.
        std::thread::sleep(std::time::Duration::from_millis(60 + 90 * k as u64));
        let killed = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait_with_output().unwrap().status;
        assert!(
            status.code() == Some(code) || status.code() == Some(0),
            "{signal}: {status:?}"
        );
        if out.exists() {
            assert_eq!(temporaries(&out), Vec::<String>::new(), "{signal}");
        }
    }
}

#[test]
fn a_time_limit_that_is_not_seconds_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.toml");
    for (given, shown) in [
        ("-1", "-1"),
        ("nan", "NaN"),
        ("inf", "inf"),
        ("1e400", "inf"),
    ] {
        let (c, o, e) = zhudian(&["plan", ROSTER, "-o", s(&out), "--time-limit", given]);
        assert_eq!((c, o.as_str()), (2, ""), "{given}");
        assert_eq!(
            e,
            format!("--time-limit {shown}: give the seconds as a number, 0 or more\n")
        );
        assert!(!out.exists());
    }
    let (c, _, e) = zhudian(&[
        "--lang",
        "zh",
        "plan",
        ROSTER,
        "-o",
        s(&out),
        "--time-limit",
        "-1",
    ]);
    assert_eq!(c, 2);
    assert_eq!(e, "--time-limit -1：请用 0 或更大的数给出秒数\n");
}

#[test]
fn inputs_must_be_regular_files_within_the_bound() {
    let dir = tempfile::tempdir().unwrap();
    let (c, _, e) = zhudian(&["validate", "/dev/zero"]);
    assert_eq!(c, 2);
    assert_eq!(
        e,
        "/dev/zero: cannot read the file: not a regular file (a device, pipe or folder)\n\
         1 problem: the roster is not valid.\n"
    );
    // A plan naming /dev/zero as its roster.
    let plan = dir.path().join("p.toml");
    assert_eq!(zhudian(&["plan", ROSTER, "-o", s(&plan)]).0, 0);
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace(&format!("roster = \"{ROSTER}\""), "roster = \"/dev/zero\"");
    std::fs::write(&plan, text).unwrap();
    let (c, _, e) = zhudian(&["calendar", s(&plan)]);
    assert_eq!(c, 2);
    assert!(
        e.starts_with("/dev/zero: cannot read the file: not a regular file"),
        "{e}"
    );
    // check and compare read plans the same way.
    let (c, _, e) = zhudian(&["check", ROSTER, "/dev/zero"]);
    assert_eq!(c, 2);
    assert!(
        e.contains("not a regular file (a device, pipe or folder)"),
        "{e}"
    );
    let (c, _, e) = zhudian(&["compare", "/dev/zero"]);
    assert_eq!(c, 2);
    assert!(
        e.contains("not a regular file (a device, pipe or folder)"),
        "{e}"
    );
    // Larger than 64 MiB (a sparse file: no disk used).
    let big = dir.path().join("big.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len((64 << 20) + 1)
        .unwrap();
    let (c, _, e) = zhudian(&["--lang", "zh", "validate", s(&big)]);
    assert_eq!(c, 2);
    assert_eq!(
        e,
        format!(
            "{}：无法读取文件：超过 64 MiB，超出可读取的上限\n共 1 个问题：名册无效。\n",
            s(&big)
        )
    );
}

/// A unit named like a spreadsheet formula reaches the CSV neutralised.
#[test]
fn csv_cells_never_start_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("r.toml");
    let text = std::fs::read_to_string(ROSTER).unwrap().replace(
        "name = \"西海村\"",
        "name = \"=HYPERLINK(\\\"http://x\\\")\"",
    );
    std::fs::write(&roster, text).unwrap();
    let plan = dir.path().join("p.toml");
    let (c, o, e) = zhudian(&["plan", s(&roster), "-o", s(&plan)]);
    assert_eq!(c, 0, "{o}{e}");
    let csv = dir.path().join("c.csv");
    let (c, o, e) = zhudian(&["calendar", s(&plan), "--csv", s(&csv)]);
    assert_eq!(c, 0, "{o}{e}");
    let body = std::fs::read_to_string(&csv).unwrap();
    assert!(
        body.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{body}"
    );
    for line in body.lines() {
        for cell in line.split(',') {
            assert!(!cell.trim_start_matches('"').starts_with('='), "{line}");
        }
    }
}
