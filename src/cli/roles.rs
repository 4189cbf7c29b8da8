//! Which file is which: a plan, a roster, or neither. Every command names
//! here, once, which of its arguments it reads as rosters, which as plans
//! and which plan outputs it writes ([`check`]), so a roster given where a
//! plan goes (or the other way round: `check 我的方案 我的县`) is refused in
//! one sentence naming the file, and a plan is never written over a roster
//! or any other file that is not a plan. Folders are judged by the `.toml`
//! files they hold. Files are told apart by their sections' headings alone
//! (`[plan]`, `[township]`, `[[township]]`), so no roster or plan is parsed
//! twice; the readers downstream still say what is wrong inside a file.

use std::path::{Path, PathBuf};

use super::{Command, EXIT_BAD_INPUT};
use crate::wording::io::IoSaid;
use crate::wording::{Lang, Say};

/// What a path holds, as far as telling rosters and plans apart goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Plan,
    /// A township's roster (TOML or workbook) or a city file of them.
    Roster,
    /// A file that is neither (empty, another format, unreadable).
    Other,
    Folder,
    Absent,
}

/// What `path` holds; a folder is [`Kind::Folder`], judged by [`folder_kind`].
pub fn kind_of(path: &Path) -> Kind {
    match std::fs::metadata(path) {
        Err(_) => return Kind::Absent,
        Ok(m) if m.is_dir() => return Kind::Folder,
        Ok(m) if !m.is_file() => return Kind::Other,
        Ok(_) => {}
    }
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
    {
        return Kind::Roster;
    }
    let Ok(text) = crate::input::read_to_string(path) else {
        return Kind::Other;
    };
    let headings: Vec<String> = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").replace([' ', '\t'], ""))
        .filter(|l| l.starts_with('['))
        .collect();
    let has = |h: &str| headings.iter().any(|x| x == h);
    if has("[plan]") {
        Kind::Plan
    } else if has("[township]") || has("[[township]]") {
        Kind::Roster
    } else {
        Kind::Other
    }
}

/// The township a roster file names (`[township] name`), for the refusal.
pub(crate) fn township_of(path: &Path) -> Option<String> {
    let text = crate::input::read_to_string(path).ok()?;
    let table = toml::from_str::<toml::Table>(&text).ok()?;
    Some(table.get("township")?.get("name")?.as_str()?.to_string())
}

/// What the `.toml` files of a folder are: Plan when all of them that are
/// either are plans, Roster when all are rosters, Other when mixed or none.
fn folder_kind(dir: &Path) -> Kind {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Kind::Other;
    };
    let kinds: Vec<Kind> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| kind_of(&p))
        .filter(|k| matches!(k, Kind::Plan | Kind::Roster))
        .collect();
    match kinds.first() {
        Some(k) if kinds.iter().all(|x| x == k) => k.clone(),
        _ => Kind::Other,
    }
}

/// The refusal for `path` read as a plan (`want_plan`) or as a roster, if
/// it holds the other.
fn mixed_up(path: &Path, want_plan: bool) -> Option<IoSaid> {
    let name = path.display().to_string();
    let (kind, folder) = match kind_of(path) {
        Kind::Folder => (folder_kind(path), true),
        k => (k, false),
    };
    match (want_plan, kind, folder) {
        (true, Kind::Roster, false) => Some(IoSaid::RosterNotPlan { path: name }),
        (true, Kind::Roster, true) => Some(IoSaid::RosterFolderNotPlans { path: name }),
        (false, Kind::Plan, false) => Some(IoSaid::PlanNotRoster { path: name }),
        (false, Kind::Plan, true) => Some(IoSaid::PlanFolderNotRosters { path: name }),
        _ => None,
    }
}

/// The refusal for writing a plan to `path`: a file there that is not a
/// plan (an empty one holds nothing to lose). None when the write may go
/// ahead, or when `path` is `input` itself, which the command refuses in
/// its own words ("it is …, which this run reads").
fn plan_file_refused(path: &Path, input: Option<&Path>) -> Option<IoSaid> {
    if input.is_some_and(|i| super::same_file(path, i)) {
        return None;
    }
    let name = path.display().to_string();
    match kind_of(path) {
        Kind::Roster => Some(IoSaid::WouldOverwrite {
            path: name,
            roster: true,
            township: township_of(path),
        }),
        Kind::Other if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > 0) => {
            Some(IoSaid::WouldOverwrite {
                path: name,
                roster: false,
                township: None,
            })
        }
        _ => None,
    }
}

/// Refuses, saying so, a plan written under a name of the command's own
/// (`whatif --out-dir`) that is one of `inputs` or would replace a file
/// that is not a plan. Err holds the exit code (2).
pub(crate) fn plan_may_go(path: &Path, inputs: &[&Path], lang: Lang) -> Result<(), i32> {
    super::not_an_input(path, inputs, lang)?;
    match plan_file_refused(path, None) {
        Some(said) => {
            errln!("{}", said.say(lang));
            Err(EXIT_BAD_INPUT)
        }
        None => Ok(()),
    }
}

/// The refusal for writing a city's plans into `dir`: a file where the
/// folder goes, or a roster (or other file that is not a plan) in it under
/// a township's plan name. `city` is the rosters' folder or city file.
fn plan_folder_refused(dir: &Path, city: &Path) -> Option<IoSaid> {
    if super::same_file(dir, city) {
        return None;
    }
    match kind_of(dir) {
        Kind::Absent => None,
        Kind::Folder => city_plan_files(city)
            .iter()
            .find_map(|(file, roster)| plan_file_refused(&dir.join(file), Some(roster))),
        _ => Some(IoSaid::FileNotFolder {
            path: dir.display().to_string(),
        }),
    }
}

/// The refusal for a page, CSV or workbook written to `path` where a
/// roster is: a TOML roster, or a roster workbook (its first sheet is
/// 基本信息; an exported plan's workbook, rewritten on every export, is not).
fn roster_output_refused(path: &Path) -> Option<IoSaid> {
    if super::is_stdout(path) || !path.is_file() {
        return None;
    }
    let roster = if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
    {
        use calamine::Reader;
        calamine::open_workbook::<calamine::Xlsx<_>, _>(path).is_ok_and(|wb| {
            wb.sheet_names()
                .iter()
                .any(|n| n == crate::workbook::schema::BASICS)
        })
    } else {
        kind_of(path) == Kind::Roster
    };
    roster.then(|| IoSaid::RosterKept {
        path: path.display().to_string(),
        township: township_of(path),
    })
}

/// The files a command reads as rosters and as plans, and the plan it
/// writes (with whether it is a city's folder of plans).
struct Roles<'a> {
    rosters: Vec<&'a Path>,
    plans: Vec<&'a Path>,
    plan_output: Option<(&'a Path, bool)>,
    /// Pages, CSVs and workbooks written: never over a roster.
    outputs: Vec<&'a Path>,
}

fn roles(command: &Command) -> Roles<'_> {
    use Command as C;
    let mut r = Roles {
        rosters: Vec::new(),
        plans: Vec::new(),
        plan_output: None,
        outputs: Vec::new(),
    };
    match command {
        C::Validate(a) => {
            r.rosters.push(&a.roster);
            r.plans.extend(opt(&a.previous));
        }
        C::Plan(a) => {
            r.rosters.push(&a.roster);
            r.plan_output = Some((&a.output, super::city::is_city(&a.roster)));
        }
        C::Calendar(a) => {
            r.outputs.extend(opt(&a.csv));
            r.outputs.extend(opt(&a.ics));
            r.plans.push(&a.plan);
            r.plans.extend(opt(&a.previous));
            r.rosters.extend(opt(&a.roster));
        }
        C::Check(a) => {
            r.rosters.push(&a.roster);
            r.plans.push(&a.plan);
            r.plans.extend(opt(&a.previous));
        }
        C::Replan(a) => {
            r.rosters.push(&a.roster);
            r.plans.push(&a.previous);
            r.plan_output = Some((&a.output, super::city::is_city(&a.roster)));
        }
        C::Whatif(a) => r.rosters.push(&a.roster),
        C::Compare(a) => r.plans.extend(a.plans.iter().map(PathBuf::as_path)),
        C::Warnings(a) => {
            r.plans.push(&a.plan);
            r.rosters.extend(opt(&a.roster));
        }
        // Alone, its input is a plan or a city (then told to give its plans too).
        C::People(a) => {
            r.outputs.push(&a.csv);
            if let Some(plans) = &a.plans {
                r.rosters.push(&a.input);
                r.plans.push(plans);
            }
        }
        C::Convert(a) => r.rosters.push(&a.input),
        C::Export(a) => {
            r.outputs.push(&a.xlsx);
            r.plans.push(&a.plan);
            r.rosters.extend(opt(&a.roster));
        }
        C::Report(a) => {
            r.outputs.push(&a.output);
            r.rosters.push(&a.roster);
            r.plans.extend(a.plans.iter().map(PathBuf::as_path));
        }
        C::Notice(a) => {
            r.outputs.push(&a.output);
            r.plans.push(&a.plan);
            r.rosters.extend(opt(&a.roster));
        }
        C::Generate(_) | C::Template(_) => {}
    }
    r
}

/// An optional path argument, as the paths it gives (none or one).
fn opt(p: &Option<PathBuf>) -> Option<&Path> {
    p.as_deref()
}

/// Refuses, saying so, a command whose rosters and plans are mixed up or
/// whose plan would overwrite a file that is not a plan. Err holds the exit
/// code (2).
pub fn check(command: &Command, lang: Lang) -> Result<(), i32> {
    let r = roles(command);
    let refusal = r
        .plans
        .iter()
        .find_map(|p| mixed_up(p, true))
        .or_else(|| r.rosters.iter().find_map(|p| mixed_up(p, false)))
        .or_else(|| {
            let (out, city) = r.plan_output?;
            let roster = r.rosters.first()?;
            match (super::is_stdout(out), city) {
                (true, _) => None,
                (false, false) => plan_file_refused(out, Some(roster)),
                (false, true) => plan_folder_refused(out, roster),
            }
        })
        .or_else(|| r.outputs.iter().find_map(|p| roster_output_refused(p)));
    match refusal {
        Some(said) => {
            errln!("{}", said.say(lang));
            Err(EXIT_BAD_INPUT)
        }
        None => Ok(()),
    }
}

/// The file names a city's plans take in their folder (each roster's name
/// with `.toml`, as `plan CITY -o DIR` writes them), each with its roster.
/// A city file's townships take numbered names no roster has: none to guard.
fn city_plan_files(city: &Path) -> Vec<(String, PathBuf)> {
    if !city.is_dir() {
        return Vec::new();
    }
    crate::roster::roster_files(city)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| {
            let plan = f.with_extension("toml");
            let name = plan.file_name()?.to_string_lossy().into_owned();
            Some((name, f))
        })
        .collect()
}
