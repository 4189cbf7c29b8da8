//! Words for the command layer's own refusals about files: an output that
//! would overwrite an input, and why an input file is not read (not a
//! regular file, too large, neither UTF-8 nor GBK) or how it was read (GBK);
//! a `-` where a file must be named; a date flag whose value is no date; a
//! roster and a plan given in each other's place, and an output that would
//! overwrite a file that is not a plan; and the system's reasons a write
//! failed, in the planner's words.

use super::{Lang, Say};

#[derive(Debug, Clone, PartialEq)]
pub enum IoSaid {
    /// `output` is the same file as `input`, which this run reads.
    OutputIsInput { output: String, input: String },
    /// An input that is a device, FIFO, folder or other non-regular file.
    NotRegular,
    /// An input larger than the limit, in MiB.
    TooLarge { mib: u64 },
    /// Bytes that are neither UTF-8 nor GBK: the line and byte offset of the first.
    NotUtf8 { line: usize, offset: usize },
    /// A note: the file was GBK and was read as such.
    ReadAsGbk,
    /// `-` given where only a file or folder will do (the plan, a workbook,
    /// a page): only `--csv` writes to the screen.
    DashNotAFile,
    /// A date flag (`--from`) whose value is no date in any spelling read.
    NotADate { flag: String, value: String },
    /// A date flag's month and day (2月29日) that the roster's `year` lacks.
    NoSuchDay {
        flag: String,
        value: String,
        year: i32,
    },
    /// A date flag typed without its year, said back as the day taken on
    /// the roster's year.
    DateReadAs {
        flag: String,
        value: String,
        date: chrono::NaiveDate,
    },
    /// A roster (of `township`, when its file names one) given where a plan
    /// file is read: most often the two arguments written the wrong way round.
    RosterNotPlan { path: String },
    /// A plan file given where a roster is read.
    PlanNotRoster { path: String },
    /// A folder of rosters given where a folder of plans is read.
    RosterFolderNotPlans { path: String },
    /// A folder of plans given where a folder of rosters is read.
    PlanFolderNotRosters { path: String },
    /// An output that would replace a roster (of `township`, when named), or
    /// another file that is not a plan: refused, since only a plan is rewritten.
    WouldOverwrite {
        path: String,
        roster: bool,
        township: Option<String>,
    },
    /// A page, CSV or workbook would replace a roster (by its township's
    /// name when it has one).
    RosterKept {
        path: String,
        township: Option<String>,
    },
    /// `convert` would replace another township's roster with this one's.
    OtherTownship {
        path: String,
        theirs: String,
        ours: String,
    },
    /// An output folder whose name is taken by a file.
    FileNotFolder { path: String },
    /// The system could not open or read the file: its reason, and the
    /// system's own words for any other.
    Os {
        kind: std::io::ErrorKind,
        text: String,
    },
}

impl Say for IoSaid {
    fn say(&self, lang: Lang) -> String {
        use IoSaid::*;
        let en = lang == Lang::En;
        match self {
            OutputIsInput { output, input } => {
                if en {
                    format!(
                        "will not write {output}: it is {input}, which this run reads; give another output"
                    )
                } else {
                    format!("不会写入 {output}：它就是本次读取的 {input}，请另选输出位置")
                }
            }
            NotRegular => {
                if en {
                    "not a regular file (a device, pipe or folder)".into()
                } else {
                    "不是普通文件（而是设备、管道或文件夹）".into()
                }
            }
            TooLarge { mib } => {
                if en {
                    format!("larger than {mib} MiB, the most zhudian reads")
                } else {
                    format!("超过 {mib} MiB，超出可读取的上限")
                }
            }
            NotUtf8 { line, offset } => {
                if en {
                    format!(
                        "line {line}, byte offset {offset}: the text is neither UTF-8 nor GBK; save the file as UTF-8 (Save As, Encoding: UTF-8)"
                    )
                } else {
                    format!(
                        "第 {line} 行（字节偏移 {offset}）：文字既不是 UTF-8 也不是 GBK 编码；请另存为 UTF-8（“另存为”，编码选 UTF-8）"
                    )
                }
            }
            Os { kind, text } => {
                use std::io::ErrorKind as K;
                match (kind, en) {
                    (K::NotFound, true) => "no such file".into(),
                    (K::NotFound, false) => "文件不存在".into(),
                    (K::PermissionDenied, true) => "no permission to read it".into(),
                    (K::PermissionDenied, false) => "没有读取权限".into(),
                    (K::IsADirectory, true) => "a folder, not a file".into(),
                    (K::IsADirectory, false) => "这是文件夹，不是文件".into(),
                    (_, true) => text.clone(),
                    (_, false) => format!("系统无法读取（{text}）"),
                }
            }
            RosterNotPlan { path } => {
                if en {
                    format!(
                        "{path} is a roster, not a plan file; are the roster and the plan the wrong way round?"
                    )
                } else {
                    format!("{path} 是名册，不是方案文件；是不是把名册和方案的位置写反了？")
                }
            }
            PlanNotRoster { path } => {
                if en {
                    format!(
                        "{path} is a plan file, not a roster; are the roster and the plan the wrong way round?"
                    )
                } else {
                    format!("{path} 是方案文件，不是名册；是不是把名册和方案的位置写反了？")
                }
            }
            RosterFolderNotPlans { path } => {
                if en {
                    format!(
                        "{path} is a folder of rosters, not of plans; are the rosters and the plans the wrong way round?"
                    )
                } else {
                    format!("{path} 是名册文件夹，不是方案文件夹；是不是把名册和方案的位置写反了？")
                }
            }
            PlanFolderNotRosters { path } => {
                if en {
                    format!(
                        "{path} is a folder of plans, not of rosters; are the rosters and the plans the wrong way round?"
                    )
                } else {
                    format!("{path} 是方案文件夹，不是名册文件夹；是不是把名册和方案的位置写反了？")
                }
            }
            OtherTownship { path, theirs, ours } => {
                if en {
                    format!(
                        "{path} is {theirs}'s roster: it will not be overwritten with {ours}'s; give another output file name"
                    )
                } else {
                    format!("{path} 是{theirs}的名册，不会用{ours}的名册覆盖；请换一个输出文件名")
                }
            }
            RosterKept { path, township } => match (en, township) {
                (true, Some(t)) => format!(
                    "{path} is a roster ({t}): it will not be overwritten; give another output file name"
                ),
                (true, None) => format!(
                    "{path} is a roster: it will not be overwritten; give another output file name"
                ),
                (false, Some(t)) => format!("{path} 是名册（{t}），不会覆盖；请换一个输出文件名"),
                (false, None) => format!("{path} 是名册，不会覆盖；请换一个输出文件名"),
            },
            WouldOverwrite {
                path,
                roster,
                township,
            } => {
                let whose = township.as_ref();
                match (en, roster, whose) {
                    (true, true, Some(t)) => format!(
                        "{path} is a roster ({t}), not a plan file: it will not be overwritten; give another output file name"
                    ),
                    (true, true, None) => format!(
                        "{path} is a roster, not a plan file: it will not be overwritten; give another output file name"
                    ),
                    (true, false, _) => format!(
                        "{path} is not a plan file: it will not be overwritten; give another output file name"
                    ),
                    (false, true, Some(t)) => {
                        format!("{path} 是名册（{t}），不是方案文件，不会覆盖；请换一个输出文件名")
                    }
                    (false, true, None) => {
                        format!("{path} 是名册，不是方案文件，不会覆盖；请换一个输出文件名")
                    }
                    (false, false, _) => {
                        format!("{path} 不是方案文件，不会覆盖；请换一个输出文件名")
                    }
                }
            }
            FileNotFolder { path } => {
                if en {
                    format!(
                        "{path} is a file, and a folder is needed here; give a folder name not yet taken"
                    )
                } else {
                    format!("{path} 是文件，这里需要文件夹；请换一个还没有被占用的文件夹名")
                }
            }
            DashNotAFile => {
                if en {
                    "will not write to -: this output needs a file or folder name (only --csv takes - for the screen)".into()
                } else {
                    "不能写到“-”：这里要写文件或文件夹名（只有 --csv 可用 - 表示直接输出到屏幕）"
                        .into()
                }
            }
            NotADate { flag, value } => {
                if en {
                    format!(
                        "{flag} {value}: not a date; write it as 2026-07-01, 2026/7/1, 2026.7.1, 2026年7月1日 or 7月1日 (on the roster's year)"
                    )
                } else {
                    format!(
                        "{flag} {value}：不是日期；请写成 2026-07-01、2026/7/1、2026.7.1、2026年7月1日 或 7月1日（取名册的年份）"
                    )
                }
            }
            NoSuchDay { flag, value, year } => {
                if en {
                    format!("{flag} {value}: {year} has no such day (the roster's year)")
                } else {
                    format!("{flag} {value}：名册的年份 {year}年没有这一天")
                }
            }
            DateReadAs { flag, value, date } => {
                let wd = super::calendar::weekday(chrono::Datelike::weekday(date), lang);
                let day = super::date(*date, lang);
                if en {
                    format!("{flag} {value}: taken as {day} ({wd}), on the roster's year")
                } else {
                    format!("{flag} {value}：按名册的年份，即 {day}（{wd}）")
                }
            }
            ReadAsGbk => {
                if en {
                    "note: the file is saved in GBK (the Chinese Windows encoding) and was read as GBK; saving it as UTF-8 avoids this note".into()
                } else {
                    "提示：该文件为 GBK 编码（中文 Windows 的默认编码），已按 GBK 读取；另存为 UTF-8 后不再提示".into()
                }
            }
        }
    }
}

/// Why the system could not write or create something, in the planner's
/// words (never "os error 17"); the system's own text only for a reason
/// not named here.
pub fn write_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let en = lang == Lang::En;
    let (e_en, e_zh) = match e.kind() {
        K::AlreadyExists => (
            "a file of that name is in the way (a folder is needed there)",
            "已有同名文件占用了这个位置（这里需要文件夹）",
        ),
        K::NotADirectory => (
            "part of the path is a file, not a folder",
            "路径中有一段是文件，不是文件夹",
        ),
        K::IsADirectory => (
            "it is a folder, and a file is needed here",
            "这是文件夹，这里需要文件",
        ),
        K::NotFound => ("the folder it goes in does not exist", "所在的文件夹不存在"),
        K::PermissionDenied => ("no permission to write there", "没有写入权限"),
        K::ReadOnlyFilesystem => ("the disk is read-only", "磁盘是只读的"),
        K::StorageFull => ("the disk is full", "磁盘已满"),
        _ => {
            let text = e.to_string();
            return if en {
                text
            } else {
                format!("系统无法写入（{text}）")
            };
        }
    };
    if en { e_en.into() } else { e_zh.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_s_reasons_in_the_planner_s_words() {
        let gone = IoSaid::Os {
            kind: std::io::ErrorKind::NotFound,
            text: "No such file or directory (os error 2)".into(),
        };
        assert_eq!(gone.say(Lang::Zh), "文件不存在");
        assert_eq!(gone.say(Lang::En), "no such file");
    }

    #[test]
    fn a_write_s_failure_in_words_never_os_error() {
        use std::io::{Error, ErrorKind as K};
        let said = |k: K, lang| write_reason(&Error::from(k), lang);
        assert_eq!(
            said(K::AlreadyExists, Lang::Zh),
            "已有同名文件占用了这个位置（这里需要文件夹）"
        );
        assert_eq!(
            said(K::AlreadyExists, Lang::En),
            "a file of that name is in the way (a folder is needed there)"
        );
        assert_eq!(
            said(K::NotADirectory, Lang::Zh),
            "路径中有一段是文件，不是文件夹"
        );
        assert_eq!(said(K::IsADirectory, Lang::Zh), "这是文件夹，这里需要文件");
        assert_eq!(said(K::NotFound, Lang::Zh), "所在的文件夹不存在");
        assert_eq!(
            said(K::NotFound, Lang::En),
            "the folder it goes in does not exist"
        );
        assert_eq!(said(K::PermissionDenied, Lang::Zh), "没有写入权限");
        assert_eq!(said(K::ReadOnlyFilesystem, Lang::Zh), "磁盘是只读的");
        assert_eq!(said(K::StorageFull, Lang::Zh), "磁盘已满");
        assert_eq!(said(K::StorageFull, Lang::En), "the disk is full");
        let other = Error::other("odd");
        assert_eq!(write_reason(&other, Lang::Zh), "系统无法写入（odd）");
    }

    #[test]
    fn every_refusal_word_for_word() {
        let same = IoSaid::OutputIsInput {
            output: "r.toml".into(),
            input: "r.toml".into(),
        };
        assert_eq!(
            same.en(),
            "will not write r.toml: it is r.toml, which this run reads; give another output"
        );
        assert_eq!(
            same.zh(),
            "不会写入 r.toml：它就是本次读取的 r.toml，请另选输出位置"
        );
        let odd = IoSaid::NotRegular;
        assert_eq!(odd.en(), "not a regular file (a device, pipe or folder)");
        assert_eq!(odd.zh(), "不是普通文件（而是设备、管道或文件夹）");
        let big = IoSaid::TooLarge { mib: 64 };
        assert_eq!(big.en(), "larger than 64 MiB, the most zhudian reads");
        assert_eq!(big.zh(), "超过 64 MiB，超出可读取的上限");
        let bad = IoSaid::NotUtf8 {
            line: 3,
            offset: 57,
        };
        assert_eq!(
            bad.en(),
            "line 3, byte offset 57: the text is neither UTF-8 nor GBK; save the file as UTF-8 (Save As, Encoding: UTF-8)"
        );
        assert_eq!(
            bad.zh(),
            "第 3 行（字节偏移 57）：文字既不是 UTF-8 也不是 GBK 编码；请另存为 UTF-8（“另存为”，编码选 UTF-8）"
        );
        assert_eq!(
            IoSaid::DashNotAFile.en(),
            "will not write to -: this output needs a file or folder name (only --csv takes - for the screen)"
        );
        assert_eq!(
            IoSaid::DashNotAFile.zh(),
            "不能写到“-”：这里要写文件或文件夹名（只有 --csv 可用 - 表示直接输出到屏幕）"
        );
        let day = IoSaid::NotADate {
            flag: "--from".into(),
            value: "2026/13/1".into(),
        };
        assert_eq!(
            day.en(),
            "--from 2026/13/1: not a date; write it as 2026-07-01, 2026/7/1, 2026.7.1, 2026年7月1日 or 7月1日 (on the roster's year)"
        );
        assert_eq!(
            day.zh(),
            "--from 2026/13/1：不是日期；请写成 2026-07-01、2026/7/1、2026.7.1、2026年7月1日 或 7月1日（取名册的年份）"
        );
        let taken = IoSaid::DateReadAs {
            flag: "--from".into(),
            value: "9月1日".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        };
        assert_eq!(
            taken.en(),
            "--from 9月1日: taken as 2026-09-01 (Tue), on the roster's year"
        );
        assert_eq!(
            taken.zh(),
            "--from 9月1日：按名册的年份，即 2026年9月1日（周二）"
        );
        let no_day = IoSaid::NoSuchDay {
            flag: "--from".into(),
            value: "2月29日".into(),
            year: 2026,
        };
        assert_eq!(
            no_day.en(),
            "--from 2月29日: 2026 has no such day (the roster's year)"
        );
        assert_eq!(no_day.zh(), "--from 2月29日：名册的年份 2026年没有这一天");
        assert_eq!(
            IoSaid::ReadAsGbk.en(),
            "note: the file is saved in GBK (the Chinese Windows encoding) and was read as GBK; saving it as UTF-8 avoids this note"
        );
        assert_eq!(
            IoSaid::ReadAsGbk.zh(),
            "提示：该文件为 GBK 编码（中文 Windows 的默认编码），已按 GBK 读取；另存为 UTF-8 后不再提示"
        );
    }
}
