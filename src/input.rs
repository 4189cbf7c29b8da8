//! Reading input files within bounds: only regular files (links followed),
//! at most [`MAX_INPUT_BYTES`]. A roster or plan naming `/dev/zero` or a
//! FIFO is refused at once instead of growing until the kernel stops it.

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
    Io(std::io::Error),
}

impl Say for InputError {
    fn say(&self, lang: Lang) -> String {
        match self {
            InputError::NotRegular => IoSaid::NotRegular.say(lang),
            InputError::TooLarge => IoSaid::TooLarge {
                mib: MAX_INPUT_BYTES >> 20,
            }
            .say(lang),
            InputError::Io(e) => e.to_string(),
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
/// even if the file grows meanwhile.
pub fn read_to_string(path: &Path) -> Result<String, InputError> {
    check(path)?;
    let f = std::fs::File::open(path).map_err(InputError::Io)?;
    let mut text = String::new();
    f.take(MAX_INPUT_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(InputError::Io)?;
    if text.len() as u64 > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge);
    }
    Ok(text)
}
