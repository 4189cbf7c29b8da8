//! Reading input files within bounds: only regular files (links followed),
//! at most [`MAX_INPUT_BYTES`]. A roster or plan naming `/dev/zero` or a
//! FIFO is refused at once instead of growing until the kernel stops it.
//! Text that is not UTF-8 is read as GBK/GB18030 when it is that (what
//! Windows Notepad and WPS save in a Chinese locale), and otherwise refused
//! with the line and byte offset of the first bad byte.

use std::io::Read;
use std::path::Path;

use crate::wording::io::IoSaid;
use crate::wording::{Lang, Say};

/// The most any input file may hold: 64 MiB, far above any township's
/// roster or plan (a whole year's calendar of 40 units is under 1 MiB).
pub const MAX_INPUT_BYTES: u64 = 64 << 20;

/// Why an input file was not read.
#[derive(Debug)]
pub enum InputError {
    /// A device, FIFO, socket or folder.
    NotRegular,
    TooLarge,
    /// Neither UTF-8 nor GBK: the 1-based line and 0-based byte offset (in
    /// the file) of the first byte that is not UTF-8.
    NotUtf8 {
        line: usize,
        offset: usize,
    },
    Io(std::io::Error),
}

/// An input file's text and whether it had to be read as GBK.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    pub gbk: bool,
}

impl Say for InputError {
    fn say(&self, lang: Lang) -> String {
        match self {
            InputError::NotRegular => IoSaid::NotRegular.say(lang),
            InputError::TooLarge => IoSaid::TooLarge {
                mib: MAX_INPUT_BYTES >> 20,
            }
            .say(lang),
            InputError::NotUtf8 { line, offset } => IoSaid::NotUtf8 {
                line: *line,
                offset: *offset,
            }
            .say(lang),
            InputError::Io(e) => IoSaid::Os {
                kind: e.kind(),
                text: e.to_string(),
            }
            .say(lang),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::current()))
    }
}

/// Whether `path` may be read as an input: a regular file within the bound.
pub fn check(path: &Path) -> Result<(), InputError> {
    let m = std::fs::metadata(path).map_err(InputError::Io)?;
    if !m.is_file() {
        return Err(InputError::NotRegular);
    }
    if m.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge);
    }
    Ok(())
}

/// The text of an input file, checked first and read with the bound held
/// even if the file grows meanwhile; GBK is decoded (see the module note).
pub fn read_to_string(path: &Path) -> Result<String, InputError> {
    read_text(path).map(|t| t.text)
}

/// Like [`read_to_string`], telling whether the file was GBK.
pub fn read_text(path: &Path) -> Result<Text, InputError> {
    check(path)?;
    let f = std::fs::File::open(path).map_err(InputError::Io)?;
    let mut bytes = Vec::new();
    f.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(InputError::Io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge);
    }
    decode(bytes)
}

/// UTF-8 as it is; else GB18030 (a superset of GBK) when every byte decodes;
/// else where the first bad byte stands.
pub fn decode(bytes: Vec<u8>) -> Result<Text, InputError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Text { text, gbk: false }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
                Some(text) => Ok(Text {
                    text: text.into_owned(),
                    gbk: true,
                }),
                None => Err(InputError::NotUtf8 {
                    line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count(),
                    offset,
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_gbk_is_decoded_and_neither_is_placed() {
        let t = decode("名 = 1".as_bytes().to_vec()).unwrap();
        assert!(!t.gbk);
        let (gbk, _, _) = encoding_rs::GBK.encode("name = \"陈国华\"\n");
        let t = decode(gbk.into_owned()).unwrap();
        assert!(t.gbk);
        assert_eq!(t.text, "name = \"陈国华\"\n");
        // Latin-1 "café " is neither: 0xE9 then a space.
        match decode(b"a = 1\nb = \"caf\xe9 \"\n".to_vec()) {
            Err(InputError::NotUtf8 { line, offset }) => assert_eq!((line, offset), (2, 14)),
            other => panic!("{other:?}"),
        }
    }
}
