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
