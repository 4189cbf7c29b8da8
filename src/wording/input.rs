//! Words for input habits: full-width punctuation and digits typed by a
//! Chinese input method, text neither UTF-8 nor GBK, and the notes on how a
//! roster was read (as GBK, a meeting attendee given by name); a what-if
//! variant naming an entry the roster lacks.

use super::io::IoSaid;
use super::{Lang, Say};
use crate::model::RosterNote;

/// What kind of character `ch` is, in words, e.g. "full-width comma".
fn kind(ch: char, lang: Lang) -> &'static str {
    let (en, zh) = match ch {
        '，' => ("full-width comma", "全角逗号"),
        '、' => ("ideographic comma", "顿号"),
        '：' => ("full-width colon", "全角冒号"),
        '；' => ("full-width semicolon", "全角分号"),
        '“' | '”' | '‘' | '’' => ("curly quote", "中文引号"),
        '＂' | '＇' => ("full-width quote", "全角引号"),
        '。' | '．' => ("full-width full stop", "全角句号"),
        '［' | '］' | '【' | '】' => ("full-width bracket", "全角方括号"),
        '（' | '）' => ("full-width parenthesis", "全角括号"),
        '｛' | '｝' => ("full-width brace", "全角花括号"),
        '＝' => ("full-width equals sign", "全角等号"),
        '－' => ("full-width hyphen", "全角连字符"),
        '\u{3000}' => ("full-width space", "全角空格"),
        '０'..='９' => ("full-width digit", "全角数字"),
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' => ("full-width letter", "全角字母"),
        _ => ("full-width character", "全角字符"),
    };
    if lang == Lang::En { en } else { zh }
}

/// A full-width character where TOML needs the half-width `ascii`, with the fix.
pub fn full_width(ch: char, ascii: char, lang: Lang) -> String {
    let k = kind(ch, lang);
    match lang {
        Lang::En => format!(
            "{k} '{ch}' where the half-width '{ascii}' belongs; switch the input method to English punctuation and type '{ascii}'"
        ),
        Lang::Zh => {
            format!("{k}「{ch}」应为半角「{ascii}」：请把输入法切换到英文标点后重新输入「{ascii}」")
        }
    }
}

/// Text neither UTF-8 nor GBK from `offset` on (the line is in the place).
pub fn not_utf8(offset: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "byte offset {offset}: the text is neither UTF-8 nor GBK; save the file as UTF-8 (Save As, Encoding: UTF-8)"
        ),
        Lang::Zh => format!(
            "字节偏移 {offset}：文字既不是 UTF-8 也不是 GBK 编码；请另存为 UTF-8（“另存为”，编码选 UTF-8）"
        ),
    }
}

/// A what-if variant names an entry of `section` the roster does not have.
pub fn no_such_entry(section: &str, name: &str, lang: Lang) -> String {
    let (en, zh) = match section {
        "meeting" => ("meeting", "会议"),
        "holiday" => ("holiday", "节假日"),
        "workday" => ("working day", "调休上班日"),
        "road" => ("road", "道路"),
        _ => ("entry", "条目"),
    };
    match lang {
        Lang::En => format!("the roster has no {en} '{name}'"),
        Lang::Zh => format!("名册中没有{zh}“{name}”"),
    }
}

/// A note on how the roster `file` was read, with its place.
pub fn note(file: &str, n: &RosterNote, lang: Lang) -> String {
    // After the file (and line) the same ": " as a problem's place has.
    let sep = ": ";
    match n {
        RosterNote::Gbk => format!("{file}{sep}{}", IoSaid::ReadAsGbk.say(lang)),
        RosterNote::AttendeeByName {
            title,
            name,
            id,
            line,
        } => {
            let at = line.map(|l| format!(":{l}")).unwrap_or_default();
            match lang {
                Lang::En => format!(
                    "{file}{at}: note: [[meeting]] '{title}': attendee '{name}' is a name, read as {id}; writing the id avoids this note"
                ),
                Lang::Zh => format!(
                    "{file}{at}: 提示：会议“{title}”的参会人员“{name}”是姓名，已对应到编号 {id}；直接写编号可不再提示"
                ),
            }
        }
        RosterNote::SucceedsByName {
            who,
            name,
            id,
            line,
        } => {
            let at = line.map(|l| format!(":{l}")).unwrap_or_default();
            match lang {
                Lang::En => format!(
                    "{file}{at}: note: '{who}': succeeds = '{name}' is a name, read as {id}; writing the id avoids this note"
                ),
                Lang::Zh => format!(
                    "{file}{at}: 提示：“{who}”的接替对象“{name}”是姓名，已对应到编号 {id}；直接写编号可不再提示"
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_successor_naming_the_predecessor_by_name_word_for_word() {
        let n = RosterNote::SucceedsByName {
            who: "林晓阳".into(),
            name: "彭坚丽".into(),
            id: "peng-jl".into(),
            line: Some(40),
        };
        assert_eq!(
            note("r.toml", &n, Lang::En),
            "r.toml:40: note: '林晓阳': succeeds = '彭坚丽' is a name, read as peng-jl; writing the id avoids this note"
        );
        assert_eq!(
            note("r.toml", &n, Lang::Zh),
            "r.toml:40: 提示：“林晓阳”的接替对象“彭坚丽”是姓名，已对应到编号 peng-jl；直接写编号可不再提示"
        );
    }

    #[test]
    fn a_missing_entry_word_for_word() {
        assert_eq!(
            no_such_entry("meeting", "党委会", Lang::En),
            "the roster has no meeting '党委会'"
        );
        assert_eq!(
            no_such_entry("road", "a–b", Lang::Zh),
            "名册中没有道路“a–b”"
        );
    }

    #[test]
    fn every_habit_word_for_word() {
        assert_eq!(
            full_width('，', ',', Lang::En),
            "full-width comma '，' where the half-width ',' belongs; switch the input method to English punctuation and type ','"
        );
        assert_eq!(
            full_width('，', ',', Lang::Zh),
            "全角逗号「，」应为半角「,」：请把输入法切换到英文标点后重新输入「,」"
        );
        assert_eq!(
            full_width('：', ':', Lang::Zh),
            "全角冒号「：」应为半角「:」：请把输入法切换到英文标点后重新输入「:」"
        );
        assert_eq!(
            full_width('“', '"', Lang::En),
            "curly quote '“' where the half-width '\"' belongs; switch the input method to English punctuation and type '\"'"
        );
        assert_eq!(
            full_width('２', '2', Lang::Zh),
            "全角数字「２」应为半角「2」：请把输入法切换到英文标点后重新输入「2」"
        );
        assert_eq!(
            not_utf8(14, Lang::En),
            "byte offset 14: the text is neither UTF-8 nor GBK; save the file as UTF-8 (Save As, Encoding: UTF-8)"
        );
        assert_eq!(
            not_utf8(14, Lang::Zh),
            "字节偏移 14：文字既不是 UTF-8 也不是 GBK 编码；请另存为 UTF-8（“另存为”，编码选 UTF-8）"
        );
        let by_name = RosterNote::AttendeeByName {
            title: "党委会".into(),
            name: "陈国华".into(),
            id: "chen-gh".into(),
            line: Some(40),
        };
        assert_eq!(
            note("r.toml", &by_name, Lang::En),
            "r.toml:40: note: [[meeting]] '党委会': attendee '陈国华' is a name, read as chen-gh; writing the id avoids this note"
        );
        assert_eq!(
            note("r.toml", &by_name, Lang::Zh),
            "r.toml:40: 提示：会议“党委会”的参会人员“陈国华”是姓名，已对应到编号 chen-gh；直接写编号可不再提示"
        );
        assert_eq!(
            note("r.toml", &RosterNote::Gbk, Lang::Zh),
            "r.toml: 提示：该文件为 GBK 编码（中文 Windows 的默认编码），已按 GBK 读取；另存为 UTF-8 后不再提示"
        );
    }
}
