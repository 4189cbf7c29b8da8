//! A planner's input habits (issue 13.4): a roster saved as GBK is read with
//! a note; full-width punctuation, digits and curly quotes, and a full-width
//! colon in a time, are named at line:column with the fix; a meeting
//! attendee given by name is read as that person's id; every TOML error has
//! a line and column; bytes neither UTF-8 nor GBK give line and byte offset.
//! Each in English and Chinese, word for word, with exit 2 for errors.

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};

const BASE: &str = "instances/beijiao-example.toml";

fn base() -> String {
    std::fs::read_to_string(BASE).unwrap()
}

/// Writes `bytes` as a roster in a fresh folder; the folder lives as long as the returned guard.
fn roster(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// `validate` in `lang`: exit code and stderr.
fn validate(path: &Path, lang: &str) -> (i32, String) {
    let (code, _, err) = cli::zhudian(&["validate", path.to_str().unwrap(), "--lang", lang]);
    (code, err.replace(path.to_str().unwrap(), "r.toml"))
}

/// The 1-based line of the first line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines().position(|l| l.starts_with(prefix)).unwrap() + 1
}

/// The 1-based line of the last line of `text` that starts with `prefix`.
fn last_line_of(text: &str, prefix: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    lines.iter().rposition(|l| l.starts_with(prefix)).unwrap() + 1
}

#[test]
fn a_gbk_roster_is_read_with_a_note() {
    let text = base();
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let (_d, path) = roster(&gbk);
    let (code, out, err) = cli::zhudian(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("北滘镇"), "{out}");
    assert_eq!(
        err.replace(path.to_str().unwrap(), "r.toml"),
        "r.toml: note: the file is saved in GBK (the Chinese Windows encoding) and was read as GBK; saving it as UTF-8 avoids this note\n"
    );
    let (code, err) = validate(&path, "zh");
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "r.toml: 提示：该文件为 GBK 编码（中文 Windows 的默认编码），已按 GBK 读取；另存为 UTF-8 后不再提示\n"
    );
}

#[test]
fn bytes_neither_utf8_nor_gbk_give_line_and_offset() {
    let text = base();
    let line = line_of(&text, "start = ");
    let at = text.find("start = \"15").unwrap() + "start = \"".len();
    let mut bytes = text.into_bytes();
    // Latin-1 "é" followed by a digit: no GBK character starts like that.
    bytes.splice(at..at, [0xE9, b'/']);
    let (_d, path) = roster(&bytes);
    let (code, err) = validate(&path, "en");
    assert_eq!(code, 2);
    assert_eq!(
        err.lines().next().unwrap(),
        format!(
            "r.toml:{line}: byte offset {at}: the text is neither UTF-8 nor GBK; save the file as UTF-8 (Save As, Encoding: UTF-8)"
        )
    );
    let (code, err) = validate(&path, "zh");
    assert_eq!(code, 2);
    assert_eq!(
        err.lines().next().unwrap(),
        format!(
            "r.toml:{line}：字节偏移 {at}：文字既不是 UTF-8 也不是 GBK 编码；请另存为 UTF-8（“另存为”，编码选 UTF-8）"
        )
    );
}

/// The roster with `from` replaced by `to` once: first error line in en and zh.
fn first_error(from: &str, to: &str) -> (String, String) {
    let text = base();
    assert!(text.contains(from), "{from}");
    let (_d, path) = roster(text.replacen(from, to, 1).as_bytes());
    let (code_en, en) = validate(&path, "en");
    let (code_zh, zh) = validate(&path, "zh");
    assert_eq!((code_en, code_zh), (2, 2), "{en}");
    (
        en.lines().next().unwrap().to_string(),
        zh.lines().next().unwrap().to_string(),
    )
}

#[test]
fn a_full_width_comma_is_named_at_line_and_column() {
    let line = line_of(&base(), "units_per_leader");
    let (en, zh) = first_error("units_per_leader = [2, 3]", "units_per_leader = [2，3]");
    assert_eq!(
        en,
        format!(
            "r.toml:{line}:22: full-width comma '，' where the half-width ',' belongs; switch the input method to English punctuation and type ','"
        )
    );
    assert_eq!(
        zh,
        format!(
            "r.toml:{line}:22：全角逗号「，」应为半角「,」：请把输入法切换到英文标点后重新输入「,」"
        )
    );
}

#[test]
fn full_width_digits_are_named() {
    let line = line_of(&base(), "units_per_leader");
    let (en, zh) = first_error("units_per_leader = [2, 3]", "units_per_leader = [２, 3]");
    assert_eq!(
        en,
        format!(
            "r.toml:{line}:21: full-width digit '２' where the half-width '2' belongs; switch the input method to English punctuation and type '2'"
        )
    );
    assert_eq!(
        zh,
        format!(
            "r.toml:{line}:21：全角数字「２」应为半角「2」：请把输入法切换到英文标点后重新输入「2」"
        )
    );
}

#[test]
fn curly_quotes_are_named() {
    let line = line_of(&base(), "name = \"北滘镇\"");
    let (en, zh) = first_error("name = \"北滘镇\"", "name = “北滘镇”");
    assert_eq!(
        en,
        format!(
            "r.toml:{line}:8: curly quote '“' where the half-width '\"' belongs; switch the input method to English punctuation and type '\"'"
        )
    );
    assert_eq!(
        zh,
        format!(
            "r.toml:{line}:8：中文引号「“」应为半角「\"」：请把输入法切换到英文标点后重新输入「\"」"
        )
    );
    // Only the closing quote curly: the string runs on, the line is still named.
    let (en, _) = first_error("name = \"北滘镇\"", "name = \"北滘镇”");
    assert!(
        en.starts_with(&format!("r.toml:{line}:12: curly quote '”'")),
        "{en}"
    );
}

/// Times as WPS or a Chinese input method types them: a full-width colon
/// or digits, seconds of zero, a one-digit hour. Each can mean one time
/// only, so the roster is read as if typed 15:00 (was: refused, naming
/// the colon), and the plan keeps its window.
#[test]
fn times_typed_with_a_full_width_colon_seconds_or_one_digit_are_read() {
    for (typed, window) in [
        ("15：00", "15:00–18:30"),
        ("１５：００", "15:00–18:30"),
        ("15:00:00", "15:00–18:30"),
        ("9:00", "09:00–18:30"),
    ] {
        let text = base().replacen("start = \"15:00\"", &format!("start = \"{typed}\""), 1);
        let (d, path) = roster(text.as_bytes());
        let (code, out, err) = cli::zhudian(&["validate", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{typed}: {out}{err}");
        let plan = d.path().join("plan.toml");
        let (code, out, err) =
            cli::zhudian(&["plan", path.to_str().unwrap(), "-o", plan.to_str().unwrap()]);
        assert_eq!(code, 0, "{typed}: {out}{err}");
        let written = std::fs::read_to_string(&plan).unwrap();
        let start = window.split('–').next().unwrap();
        assert!(
            written.contains(&format!("start = \"{start}\"")),
            "{typed}: {out}"
        );
    }
}

/// What is still no time is refused at its place, saying what a time looks
/// like: a full-width full stop by name, a dot or "9点" as not a time.
#[test]
fn a_time_that_is_still_unclear_is_refused_at_its_line() {
    let line = line_of(&base(), "start = ");
    let (en, zh) = first_error("start = \"15:00\"", "start = \"15。00\"");
    assert_eq!(
        en,
        format!(
            "r.toml:{line}:12: [station], field 'start': full-width full stop '。' where the half-width '.' belongs; switch the input method to English punctuation and type '.'"
        )
    );
    assert_eq!(
        zh,
        format!(
            "r.toml:{line}:12: 驻点时间（[station]），字段“start”：全角句号「。」应为半角「.」：请把输入法切换到英文标点后重新输入「.」"
        )
    );
    let (en, zh) = first_error("start = \"15:00\"", "start = \"15.00\"");
    assert_eq!(
        en,
        format!("r.toml:{line}: [station], field 'start': '15.00' is not a time of day like 15:00")
    );
    assert_eq!(
        zh,
        format!("r.toml:{line}: 驻点时间（[station]），字段“start”：“15.00”不是 15:00 这样的时刻")
    );
}

#[test]
fn every_toml_error_has_line_and_column() {
    let line = line_of(&base(), "units_per_leader");
    let (en, zh) = first_error("units_per_leader = [2, 3]", "units_per_leader = [2 3]");
    assert!(en.starts_with(&format!("r.toml:{line}:")), "{en}");
    let col: usize = en.split(':').nth(2).unwrap().parse().unwrap();
    assert!((20..=24).contains(&col), "{en}");
    assert!(en.contains("this is not valid TOML: "), "{en}");
    assert!(
        zh.contains(&format!("r.toml:{line}:{col}：不是有效的 TOML：")),
        "{zh}"
    );
}

const MEETING: &str = "\n[[meeting]]\ntitle = \"党委会\"\nattendees = [\"NAME\"]\ndate = \"2015-03-03\"\nstart = \"09:00\"\nend = \"11:00\"\n";

#[test]
fn an_attendee_given_by_name_is_read_as_the_id() {
    let text = base() + &MEETING.replace("NAME", "何建明");
    let line = last_line_of(&text, "[[meeting]]");
    let (_d, path) = roster(text.as_bytes());
    let (code, en) = validate(&path, "en");
    assert_eq!(code, 0, "{en}");
    assert_eq!(
        en,
        format!(
            "r.toml:{line}: note: [[meeting]] '党委会': attendee '何建明' is a name, read as he-jm; writing the id avoids this note\n"
        )
    );
    let (code, zh) = validate(&path, "zh");
    assert_eq!(code, 0);
    assert_eq!(
        zh,
        format!(
            "r.toml:{line}: 提示：会议“党委会”的参会人员“何建明”是姓名，已对应到编号 he-jm；直接写编号可不再提示\n"
        )
    );
}

#[test]
fn a_near_miss_name_gets_a_did_you_mean() {
    let text = base() + &MEETING.replace("NAME", "何建民");
    let line = last_line_of(&text, "[[meeting]]");
    let (_d, path) = roster(text.as_bytes());
    let (code, en) = validate(&path, "en");
    assert_eq!(code, 2);
    assert_eq!(
        en.lines().next().unwrap(),
        format!(
            "r.toml:{line}: [[meeting]] '党委会', field 'attendees': there is no cadre or helper '何建民' (groups: 'all-cadres', 'all-helpers') (did you mean 'he-jm' (何建明)?)"
        )
    );
    let (_, zh) = validate(&path, "zh");
    assert_eq!(
        zh.lines().next().unwrap(),
        format!(
            "r.toml:{line}: 会议“党委会”，字段“attendees”：没有编号为“何建民”的干部或协助人员（分组可写 all-cadres、all-helpers）（是不是“he-jm”（何建明）？）"
        )
    );
}

#[test]
fn full_width_letters_are_named_as_digits_are() {
    // In a quoted word from a fixed list …
    let line = line_of(&base(), "weekday");
    let (en, zh) = first_error("weekday = \"Tue\"", "weekday = \"Ｔｕｅ\"");
    assert_eq!(
        en,
        format!(
            "r.toml:{line}:12: [station], field 'weekday': full-width letter 'Ｔ' where the half-width 'T' belongs; switch the input method to English punctuation and type 'T'"
        )
    );
    assert_eq!(
        zh,
        format!(
            "r.toml:{line}:12: 驻点时间（[station]），字段“weekday”：全角字母「Ｔ」应为半角「T」：请把输入法切换到英文标点后重新输入「T」"
        )
    );
    // … and a bare value.
    let line = line_of(&base(), "avoid_home_unit");
    let (_, zh) = first_error("avoid_home_unit = true", "avoid_home_unit = ｔｒｕｅ");
    assert_eq!(
        zh,
        format!(
            "r.toml:{line}:19：全角字母「ｔ」应为半角「t」：请把输入法切换到英文标点后重新输入「t」"
        )
    );
}

#[test]
fn a_chinese_place_head_names_the_entry_by_its_name() {
    // The place is the entry's first line, its [[cadre]].
    let line = line_of(&base(), "id = \"lao-gx\"") - 1;
    let (en, zh) = first_error("home_unit = \"xihai\"", "home_unit = \"xihia\"");
    // English keeps the section and id as the file writes them.
    assert_eq!(
        en,
        format!(
            "r.toml:{line}: [[cadre]] 'lao-gx', field 'home_unit': there is no unit 'xihia' (did you mean 'xihai' (西海村)?)"
        )
    );
    assert_eq!(
        zh,
        format!(
            "r.toml:{line}: 干部 劳广行（lao-gx），字段“home_unit”：没有编号为“xihia”的村（社区）（是不是“xihai”（西海村）？）"
        )
    );
}
