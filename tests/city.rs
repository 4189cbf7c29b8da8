//! A city at once: every township of a folder planned, one plan each; a bad
//! roster is reported and the others still go through.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

#[test]
fn a_folder_of_townships_is_planned_each_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    std::fs::create_dir(&city).unwrap();
    for f in [
        "city.toml",
        "foshan-10-dali.toml",
        "foshan-25-genghe.toml",
        "foshan-31-datang.toml",
    ] {
        std::fs::copy(format!("instances/foshan/{f}"), city.join(f)).unwrap();
    }
    let out_dir = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "plan",
        city.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(out.contains("3 of 3 townships planned into "), "{out}");
    for f in [
        "foshan-10-dali.toml",
        "foshan-25-genghe.toml",
        "foshan-31-datang.toml",
    ] {
        let (c, check, _) = zhudian(&[
            "check",
            city.join(f).to_str().unwrap(),
            out_dir.join(f).to_str().unwrap(),
        ]);
        assert_eq!(c, 0, "{f}: {check}");
    }
    // A broken roster joins: it is named, the others are still planned, exit 2.
    std::fs::write(city.join("zz-broken.toml"), "[township]\nname = \"坏镇\"\n").unwrap();
    let out_dir2 = dir.path().join("plans2");
    let (c, out, _) = zhudian(&[
        "plan",
        city.to_str().unwrap(),
        "-o",
        out_dir2.to_str().unwrap(),
    ]);
    assert_eq!(c, 2);
    assert!(
        out.contains("zz-broken.toml: the roster is not valid:"),
        "{out}"
    );
    assert!(out.contains("3 of 4 townships planned into "), "{out}");
    assert!(out_dir2.join("foshan-31-datang.toml").exists());
    assert!(!out_dir2.join("zz-broken.toml").exists());
}
