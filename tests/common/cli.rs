//! Runs the zhudian binary as a planner would, in English unless told otherwise.

use std::process::Command;

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
