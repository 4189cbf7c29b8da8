//! Small things planners tripped over, each run through the binary and
//! checked word for word in Chinese and English with its exit code: a
//! TOML roster's cadence written in Chinese (每周, 隔周) as the workbook
//! reads it, and a refusal that lists the words accepted in the reader's
//! language.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

const BEIJIAO: &str = "instances/beijiao-example.toml";

/// The shipped example with 西海村's cadence (line 54, `weekly`) written
/// as given, in a temporary folder.
fn beijiao_cadence(cadence: &str) -> (tempfile::TempDir, String) {
    let text = std::fs::read_to_string(BEIJIAO).unwrap();
    let line = "cadence = \"weekly\"            # weekly | biweekly";
    assert_eq!(text.lines().nth(53), Some(line));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("beijiao.toml");
    let changed = text.replacen(line, &format!("cadence = \"{cadence}\""), 1);
    std::fs::write(&path, changed).unwrap();
    let path = path.display().to_string();
    (dir, path)
}

#[test]
fn a_toml_roster_reads_the_cadence_in_chinese_as_the_workbook_does() {
    for word in ["隔周", "双周", "每两周一次"] {
        let (_dir, path) = beijiao_cadence(word);
        let (c, out, err) = zhudian(&["validate", &path]);
        assert_eq!((c, err.as_str()), (0, ""), "{word}: {out}");
        assert!(
            out.contains("; 5980 households; 2 fortnightly\n"),
            "{word}: {out}"
        );
        let (c, out, _) = zhudian(&["--lang", "zh", "validate", &path]);
        assert_eq!(c, 0);
        assert!(out.contains("共 5980 户；隔周驻点 2 个\n"), "{word}: {out}");
    }
    // 每周 is the default said in Chinese: 西海村 stays weekly.
    let (_dir, path) = beijiao_cadence("每周");
    let (c, out, _) = zhudian(&["validate", &path]);
    assert_eq!(c, 0);
    assert!(out.contains("; 5980 households; 1 fortnightly\n"), "{out}");
}

#[test]
fn a_cadence_refused_lists_the_words_accepted_in_the_readers_language() {
    let (_dir, path) = beijiao_cadence("biweakly");
    let (c, out, err) = zhudian(&["validate", &path]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{path}:54: [[unit]] 'xihai', field 'cadence': 'biweakly' is not one of \
             'weekly' or 'biweekly' (or in Chinese 每周 or 隔周) (did you mean 'biweekly'?)\n\
             1 problem: the roster is not valid.\n"
        )
    );
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", &path]);
    assert_eq!(c, 2, "{out}");
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{path}:54: 驻点村（社区） 西海村（xihai），字段“cadence”：“biweakly”不在可选值\
             “每周”、“隔周”之中（也可写 weekly、biweekly）（是不是“biweekly”？）\n\
             共 1 个问题：名册无效。\n"
        )
    );
    // Typed in Chinese, the guess is the Chinese word.
    let (_dir, path) = beijiao_cadence("隔周驻");
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", &path]);
    assert_eq!(c, 2, "{out}");
    assert!(
        err.contains(
            "：“隔周驻”不在可选值“每周”、“隔周”之中（也可写 weekly、biweekly）（是不是“隔周”？）\n"
        ),
        "{out}{err}"
    );
}
