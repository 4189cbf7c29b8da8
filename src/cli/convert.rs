//! `zhudian convert IN OUT`: a roster from TOML to a workbook or back (the
//! format follows each file's extension). Only a valid roster is converted;
//! its problems are said as `validate` says them.

use std::path::{Path, PathBuf};

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::plan::write_atomic;
use crate::roster;
use crate::wording::documents::FilesSaid;
use crate::wording::{Lang, Say};
use crate::workbook;

#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// The roster to read (.toml or .xlsx)
    pub input: PathBuf,
    /// The roster to write (.toml or .xlsx)
    pub output: PathBuf,
}

fn is_toml(p: &Path) -> bool {
    p.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("toml"))
}

/// Runs `convert`: 0 written, 2 on a bad roster, an unknown format or a
/// failed write (the previous output is left untouched).
pub fn run(args: &ConvertArgs, lang: Lang, docs: Lang) -> i32 {
    for p in [&args.input, &args.output] {
        if !is_toml(p) && !workbook::is_workbook(p) {
            let path = p.display().to_string();
            errln!("{}", FilesSaid::UnknownFormat { path }.say(lang));
            return EXIT_BAD_INPUT;
        }
    }
    let r = match roster::load(&args.input) {
        Ok(r) => r,
        Err(problems) => {
            err!("{}", problems.render(lang));
            errln!(
                "{}",
                crate::wording::roster::problem_count(problems.0.len(), lang)
            );
            return EXIT_BAD_INPUT;
        }
    };
    let from = args.input.display().to_string();
    let path = args.output.display().to_string();
    // Converting again over the last output is the usual rerun; over
    // another township's roster it would lose that roster.
    if let Some(theirs) = other_townships_roster(&args.output, &r.township.name) {
        let said = crate::wording::io::IoSaid::OtherTownship {
            path,
            theirs,
            ours: r.township.name.clone(),
        };
        errln!("{}", said.say(lang));
        return EXIT_BAD_INPUT;
    }
    let bytes: Result<Vec<u8>, String> = if workbook::is_workbook(&args.output) {
        workbook::write::roster_workbook(Some(&r), docs).map_err(|e| e.to_string())
    } else if workbook::is_workbook(&args.input) {
        std::fs::read(&args.input)
            .map_err(|e| e.to_string())
            .and_then(|b| workbook::to_toml(&b, &from).map_err(|p| p.render(lang)))
            .map(|(text, _)| {
                format!(
                    "# {}\n{text}",
                    FilesSaid::ConvertedFrom { from: from.clone() }.say(lang)
                )
                .into_bytes()
            })
    } else {
        std::fs::read(&args.input).map_err(|e| e.to_string())
    };
    match bytes.and_then(|b| {
        write_atomic(&args.output, &b).map_err(|e| crate::wording::io::write_reason(&e, lang))
    }) {
        Ok(()) => {
            outln!(
                "{}",
                FilesSaid::Converted {
                    from,
                    to: path,
                    units: r.units.len(),
                    cadres: r.cadres.len(),
                    helpers: r.helpers.len()
                }
                .say(lang)
            );
            EXIT_OK
        }
        Err(detail) => {
            errln!("{}", FilesSaid::CannotWrite { path, detail }.say(lang));
            EXIT_BAD_INPUT
        }
    }
}

/// The township of the roster at `output`, when it is another one than `ours`.
fn other_townships_roster(output: &std::path::Path, ours: &str) -> Option<String> {
    if super::roles::kind_of(output) != super::roles::Kind::Roster {
        return None;
    }
    // A township's TOML may take its station from the city's file: read
    // its name alone; a workbook is read whole.
    let theirs = match super::roles::township_of(output) {
        Some(name) => name,
        None => roster::load(output).ok()?.township.name,
    };
    (theirs != ours).then_some(theirs)
}
