//! `zhudian template FILE.xlsx`: an empty roster workbook with every sheet,
//! heading, default and note, ready for a planner to fill in.

use std::path::PathBuf;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::plan::write_atomic;
use crate::wording::documents::FilesSaid;
use crate::wording::{Lang, Say};
use crate::workbook;

#[derive(clap::Args, Debug)]
pub struct TemplateArgs {
    /// The workbook to write (.xlsx)
    pub file: PathBuf,
}

/// Runs `template`: 0 written, 2 when the file cannot be written. The notes
/// are in `docs` (Chinese unless a language was asked for).
pub fn run(args: &TemplateArgs, lang: Lang, docs: Lang) -> i32 {
    let path = args.file.display().to_string();
    if !workbook::is_workbook(&args.file) {
        errln!("{}", FilesSaid::UnknownFormat { path }.say(lang));
        return EXIT_BAD_INPUT;
    }
    let written = workbook::write::roster_workbook(None, docs)
        .map_err(|e| e.to_string())
        .and_then(|b| {
            write_atomic(&args.file, &b).map_err(|e| crate::wording::io::write_reason(&e, lang))
        });
    match written {
        Ok(()) => {
            outln!("{}", FilesSaid::WroteTemplate { path }.say(lang));
            EXIT_OK
        }
        Err(detail) => {
            errln!("{}", FilesSaid::CannotWrite { path, detail }.say(lang));
            EXIT_BAD_INPUT
        }
    }
}
