//! Runs the zhudian binary as a planner would, in English unless told otherwise.

use std::process::{Command, Stdio};

/// Exit code, stdout and stderr of `zhudian ARGS`.
pub fn zhudian(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(args)
        .env_remove("ZHUDIAN_LANG")
        .output()
        .expect("the zhudian binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `zhudian ARGS` whose reader goes away before reading anything, as
/// `| head -0` would: the exit code and stderr.
#[allow(dead_code)] // only the tests of a closed pipe use it
pub fn closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(args)
        .env_remove("ZHUDIAN_LANG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the zhudian binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fixture folder's files copied into `to` (created), to plan a city in
/// a temporary folder.
#[allow(dead_code)] // only the tests of city folders use it
pub fn copy_folder(from: &str, to: &std::path::Path) {
    std::fs::create_dir(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

/// The what-if fixture city copied to `dir`/city, with 南山镇's first four
/// units needing 教育, which only 周冰立, a leader of at most two units,
/// has: 南山镇 cannot be planned, the other two townships can.
#[allow(dead_code)] // only the tests of city folders use it
pub fn city_short_of_a_skill(dir: &std::path::Path) -> std::path::PathBuf {
    let city = dir.join("city");
    copy_folder("tests/fixtures/city-whatif", &city);
    let path = city.join("foshan-32-nanshan.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let mut from = 0;
    for _ in 0..4 {
        let at = from + text[from..].find("\nneeds = [\"").unwrap() + 1;
        let end = at + text[at..].find('\n').unwrap();
        text.replace_range(at..end, "needs = [\"education\"]");
        from = at;
    }
    std::fs::write(&path, text).unwrap();
    city
}
