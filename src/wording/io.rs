//! Words for the command layer's own refusals about files: an output that
//! would overwrite an input, and why an input file is not read (not a
//! regular file, too large).

use super::{Lang, Say};

#[derive(Debug, Clone, PartialEq)]
pub enum IoSaid {
    /// `output` is the same file as `input`, which this run reads.
    OutputIsInput { output: String, input: String },
    /// An input that is a device, FIFO, folder or other non-regular file.
    NotRegular,
    /// An input larger than the limit, in MiB.
    TooLarge { mib: u64 },
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
