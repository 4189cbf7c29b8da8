//! The year-as-lived set-ups the tests share: gaozhou-rural with 彭坚丽
//! (peng-jl) leaving in July and 林晓阳 (lin-xy) succeeding her, plans and
//! replans run through the binary, and the plan files read back.

#![allow(dead_code)]

use std::path::Path;

use zhudian::plan::PlanFile;

use super::cli::zhudian;

pub const GAOZHOU: &str = "instances/gaozhou-rural.toml";
pub const JULY: &str = "2015-07-01";

/// `name` inside `dir`, as a string for the command line.
pub fn tmp(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

pub fn read_plan(p: &str) -> PlanFile {
    PlanFile::from_toml(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// `text` with cadre `who` leaving on `date` and a copy of her entry,
/// `(id, name)`, whose `succeeds` is as given.
pub fn with_successor(
    text: &str,
    who: &str,
    date: &str,
    (id, name): (&str, &str),
    succeeds: &str,
) -> String {
    let a = text.find(&format!("[[cadre]]\nid = \"{who}\"")).unwrap();
    let b = a + 9 + text[a + 9..].find("\n[[").unwrap() + 1;
    let block = &text[a..b];
    let old_name = block
        .lines()
        .find_map(|l| l.strip_prefix("name = "))
        .unwrap()
        .to_string();
    // The copy succeeds `who` only, whomever `who` succeeded.
    let own: String = block
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("succeeds = "))
        .collect();
    let successor = own
        .replace(&format!("id = \"{who}\""), &format!("id = \"{id}\""))
        .replace(
            &format!("name = {old_name}"),
            &format!("name = \"{name}\"\nsucceeds = \"{succeeds}\""),
        );
    let leaving = block.replace(
        &format!("id = \"{who}\"\n"),
        &format!("id = \"{who}\"\nleaves = \"{date}\"\n"),
    );
    text[..a].to_string() + &leaving + &successor + &text[b..]
}

/// gaozhou-rural with 彭坚丽 (peng-jl) leaving on `leaves` and 林晓阳
/// (lin-xy), a copy of her entry, whose `succeeds` is as given; written to
/// `dir/file`.
pub fn succession(dir: &Path, file: &str, leaves: &str, succeeds: &str) -> String {
    let text = std::fs::read_to_string(GAOZHOU).unwrap();
    let path = tmp(dir, file);
    let out = with_successor(&text, "peng-jl", leaves, ("lin-xy", "林晓阳"), succeeds);
    std::fs::write(&path, out).unwrap();
    path
}

/// The July succession written to `dir/transfer.toml`.
pub fn july_succession(dir: &Path) -> String {
    succession(dir, "transfer.toml", JULY, "peng-jl")
}

/// `plan ROSTER -o dir/file`, which must succeed; the plan's path.
pub fn plan(roster: &str, dir: &Path, file: &str) -> String {
    let out = tmp(dir, file);
    let (c, o, e) = zhudian(&["plan", roster, "-o", &out]);
    assert_eq!(c, 0, "{o}{e}");
    out
}

/// `replan ROSTER --previous PREVIOUS --from FROM -o dir/file`, which must
/// succeed; the new plan's path.
pub fn replan(roster: &str, previous: &str, from: &str, dir: &Path, file: &str) -> String {
    replan_in(None, roster, previous, from, dir, file).0
}

/// As [`replan`], in `lang` when given (`--lang LANG`): (the new plan's
/// path, stdout, stderr).
pub fn replan_in(
    lang: Option<&str>,
    roster: &str,
    previous: &str,
    from: &str,
    dir: &Path,
    file: &str,
) -> (String, String, String) {
    let out = tmp(dir, file);
    let mut args: Vec<&str> = Vec::new();
    if let Some(lang) = lang {
        args.extend(["--lang", lang]);
    }
    args.extend([
        "replan",
        roster,
        "--previous",
        previous,
        "--from",
        from,
        "-o",
        &out,
    ]);
    let (c, o, e) = zhudian(&args);
    assert_eq!(c, 0, "{o}{e}");
    (out, o, e)
}

/// A workbook sheet's cells as text, the heading row first.
pub fn sheet_rows<R: calamine::Reader<RS>, RS>(wb: &mut R, name: &str) -> Vec<Vec<String>>
where
    RS: std::io::Read + std::io::Seek,
{
    use calamine::Data;
    let range = wb.worksheet_range(name).ok().unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|d| match d {
                    Data::String(s) => s.clone(),
                    Data::Float(x) => x.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// gaozhou-rural planned, then replanned from 1 July with the succession;
/// (plan before, roster, plan after).
pub fn july_replanned(dir: &Path) -> (String, String, String) {
    let p0 = plan(GAOZHOU, dir, "p0.toml");
    let roster = july_succession(dir);
    let p1 = replan(&roster, &p0, JULY, dir, "p1.toml");
    (p0, roster, p1)
}

/// The July succession planned for the whole year; (roster, plan).
pub fn july_succession_planned(dir: &Path) -> (String, String) {
    let roster = july_succession(dir);
    let plan = plan(&roster, dir, "plan.toml");
    (roster, plan)
}

/// `base` planned, then each step's roster text written to its file and
/// replanned from its date on the plan before; the paths
/// [p0, roster 1, p1, roster 2, p2, …].
pub fn replan_chain(dir: &Path, base: &str, steps: &[(&str, String, &str)]) -> Vec<String> {
    let mut out = vec![plan(base, dir, "p0.toml")];
    for (i, (file, text, from)) in steps.iter().enumerate() {
        let roster = tmp(dir, file);
        std::fs::write(&roster, text).unwrap();
        let previous = out.last().unwrap().clone();
        let next = replan(&roster, &previous, from, dir, &format!("p{}.toml", i + 1));
        out.extend([roster, next]);
    }
    out
}
