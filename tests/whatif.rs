//! `whatif`: every variant planned and compared with the base; a failing
//! variant reports and writes nothing while the others still report.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

#[test]
fn the_shipped_scenarios_are_planned_and_compared_base_first() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "whatif",
        "instances/beijiao-example.toml",
        "instances/whatif/beijiao.toml",
        "--out-dir",
        out_dir.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(c, 0, "{err}");
    assert!(
        out.starts_with("\u{feff}figure,base,每人2–4个村居,偏远村隔周驻点,少一名干部\n"),
        "{out}"
    );
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        vec![
            "00-base.toml",
            "01-每人2-4个村居.toml",
            "02-偏远村隔周驻点.toml",
            "03-少一名干部.toml"
        ]
    );
    // The one-cadre-fewer variant has no lao-gx anywhere.
    let fewer = std::fs::read_to_string(out_dir.join("03-少一名干部.toml")).unwrap();
    assert!(!fewer.contains("\"lao-gx\""));
}

#[test]
fn a_failing_variant_is_named_and_the_others_still_report() {
    let dir = tempfile::tempdir().unwrap();
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"too tight\"\npolicy = { units_per_leader = [1, 1] }\ncadres = [{ id = \"he-jm\", units = [1, 1] }]\n\n[[variant]]\nname = \"travel heavy\"\nobjective = { travel = 5.0 }\n",
    )
    .unwrap();
    let out_dir = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "whatif",
        "instances/beijiao-example.toml",
        scen.to_str().unwrap(),
        "--out-dir",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(c, 1);
    assert!(
        err.starts_with("variant 'too tight' cannot be planned; nothing written for it:\n"),
        "{err}"
    );
    assert!(
        err.contains(
            "6 units but 3 leaders × 1 = 3 places: allow 2 units for 3 leaders, or add a cadre"
        ),
        "{err}"
    );
    assert!(
        out.lines().next().unwrap().contains("travel heavy"),
        "{out}"
    );
    assert!(out_dir.join("02-travel-heavy.toml").exists());
    assert!(!out_dir.join("01-too-tight.toml").exists());
}

#[test]
fn an_unknown_override_is_bad_input_and_nothing_is_planned() {
    let dir = tempfile::tempdir().unwrap();
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"x\"\nstation = { wekday = \"Wed\" }\n",
    )
    .unwrap();
    let out_dir = dir.path().join("plans");
    let (c, out, err) = zhudian(&[
        "whatif",
        "instances/beijiao-example.toml",
        scen.to_str().unwrap(),
        "--out-dir",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(c, 2);
    assert_eq!(out, "");
    assert!(err.contains("s.toml:3: [[variant]] 'x', field 'station.wekday': unknown field (did you mean 'weekday'?)"), "{err}");
    assert!(!out_dir.exists());
}

/// A bad override (issue 12, item 11) is the scenarios file's error: placed
/// at its line there, not at a line of the rebuilt roster; exit 2.
#[test]
fn a_bad_override_is_placed_in_the_scenarios_file() {
    let dir = tempfile::tempdir().unwrap();
    let scen = dir.path().join("s.toml");
    std::fs::write(
        &scen,
        "[[variant]]\nname = \"reversed\"\npolicy = { units_per_leader = [5, 2] }\n",
    )
    .unwrap();
    let s = scen.to_str().unwrap();
    let (c, out, err) = zhudian(&["whatif", "instances/beijiao-example.toml", s]);
    assert_eq!((c, out.as_str()), (2, ""), "{err}");
    assert_eq!(
        err,
        format!(
            "{s}:3: [policy], field 'units_per_leader': the minimum (5) is larger than the maximum (2)\n"
        )
    );
}

/// `whatif --help` says what the command takes and writes: a workbook
/// roster works as a TOML one, and --out-dir names the files it writes (a
/// trial read "base.toml" and found 00-base.toml; read "(TOML)" and
/// wondered about its .xlsx).
#[test]
fn the_help_names_the_workbook_roster_and_the_files_out_dir_writes() {
    for lang in ["en", "zh"] {
        let (code, out, _) = zhudian(&["--lang", lang, "whatif", "--help"]);
        assert_eq!(code, 0);
        let line = |start: &str| {
            out.lines()
                .map(str::trim)
                .find(|l| l.starts_with(start))
                .unwrap_or_else(|| panic!("{out}"))
                .to_string()
        };
        assert_eq!(
            line("<ROSTER>"),
            "<ROSTER>     The base roster (TOML or .xlsx workbook) of one township, or a city (a folder of rosters or a city file)"
        );
        assert_eq!(
            line("--out-dir"),
            "--out-dir <DIR>       Write the plans into this folder: 00-base.toml, then 01-<variant>.toml… one per variant planned (for a city, folders 00-base/, 01-<variant>/…)"
        );
    }
}
