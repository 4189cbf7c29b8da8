//! Chinese throughout: with `--lang zh`, plan, check, replan, compare,
//! warnings and the calendar CSV name people and units by name (the id only
//! where two share a name) and use no English word for a kind or status.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

use zhudian::model::Roster;
use zhudian::wording::{Lang, names};

const EXAMPLE: &str = "instances/beijiao-example.toml";

fn roster() -> Roster {
    zhudian::roster::load(Path::new(EXAMPLE)).unwrap()
}

fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Every place an id of the roster stands alone in `text` (not as the
/// "（id）" that tells two equal names apart).
fn lone_ids(text: &str, r: &Roster) -> Vec<String> {
    let ids = r
        .units
        .iter()
        .map(|u| &u.id)
        .chain(r.cadres.iter().map(|c| &c.id))
        .chain(r.helpers.iter().map(|h| &h.id));
    let mut found = Vec::new();
    for id in ids {
        for (at, _) in text.match_indices(id.as_str()) {
            let before = text[..at].chars().next_back();
            let after = text[at + id.len()..].chars().next();
            if before.is_some_and(word_char) || after.is_some_and(word_char) {
                continue;
            }
            if before == Some('（') && after == Some('）') {
                continue;
            }
            let line = text[..at].rsplit('\n').next().unwrap_or("");
            found.push(format!("{id} in: {line}…"));
        }
    }
    found
}

/// English words for kinds and statuses that must not reach zh output.
fn english_words(text: &str) -> Vec<&'static str> {
    [
        "optimal",
        "feasible",
        "station",
        "makeup",
        "household_visit",
        "shortfall",
        "cost",
    ]
    .into_iter()
    .filter(|w| text.contains(w))
    .collect()
}

fn assert_chinese(what: &str, text: &str, r: &Roster) {
    // Even a command to type names a warning kind in Chinese (`--kind
    // 驻点接待人手不足`).
    let ids = lone_ids(text, r);
    assert!(ids.is_empty(), "{what}: ids stand alone: {ids:#?}\n{text}");
    let words = english_words(text);
    assert!(words.is_empty(), "{what}: English {words:?}\n{text}");
}

#[test]
fn zh_output_names_people_and_units_and_speaks_chinese() {
    let r = roster();
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml").display().to_string();
    let (code, out, err) = zhudian(&["--lang", "zh", "plan", EXAMPLE, "-o", &plan]);
    assert_eq!(code, 0, "{err}");
    // The plan's path names the command to list warnings; scan the rest.
    let out = out.replace(&plan, "PLAN");
    assert_chinese("plan", &out, &r);
    assert!(out.contains("方案得分"), "{out}");

    let (code, out, _) = zhudian(&["--lang", "zh", "check", EXAMPLE, &plan]);
    assert_eq!(code, 0);
    assert_chinese("check", &out.replace(&plan, "PLAN"), &r);
    assert!(
        out.contains("方案得分：重新计算为"),
        "one word for the cost: {out}"
    );

    let csv = dir.path().join("cal.csv");
    let csv_s = csv.display().to_string();
    let (code, _, err) = zhudian(&["--lang", "zh", "calendar", &plan, "--csv", &csv_s]);
    assert_eq!(code, 0, "{err}");
    let body = std::fs::read_to_string(&csv).unwrap();
    assert!(
        body.starts_with(
            "\u{feff}日期,星期,开始,结束,村居,类型,人员,村（居）民小组,户数,补哪次接待\r\n"
        ),
        "{}",
        &body[..200]
    );
    assert_chinese("calendar csv", &body, &r);
    // A make-up appears only where the plan holds one (the fixed rotation
    // needs none where someone of the township stood in).
    let makeups = zhudian::plan::PlanFile::from_toml(&std::fs::read_to_string(&plan).unwrap())
        .unwrap()
        .session
        .iter()
        .any(|s| s.kind == "makeup");
    let kinds: &[&str] = if makeups {
        &["驻点接待", "补接待", "入户走访"]
    } else {
        &["驻点接待", "入户走访"]
    };
    for kind in kinds {
        assert!(
            body.contains(&format!(",{kind},")),
            "kind {kind} in the CSV"
        );
    }

    let (code, out, _) = zhudian(&["--lang", "zh", "warnings", &plan]);
    assert_eq!(code, 0);
    assert_chinese("warnings", &out, &r);

    // A replan against the plan, then the two side by side.
    let plan2 = dir.path().join("plan2.toml").display().to_string();
    let (code, out, err) = zhudian(&[
        "--lang",
        "zh",
        "replan",
        EXAMPLE,
        "--previous",
        &plan,
        "-o",
        &plan2,
        "--seed",
        "7",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_chinese(
        "replan",
        &out.replace(&plan, "PLAN").replace(&plan2, "PLAN2"),
        &r,
    );

    let (code, out, _) = zhudian(&["--lang", "zh", "compare", &plan, &plan2]);
    assert_eq!(code, 0);
    assert_chinese("compare", &out, &r);
    assert!(
        out.contains("方案得分") && out.contains("理论最好得分"),
        "{out}"
    );
    assert!(out.contains("最优"), "the status in Chinese: {out}");
}

#[test]
fn the_id_appears_only_where_two_share_a_name() {
    let mut r = roster();
    let (a, b) = (r.cadres[0].id.clone(), r.cadres[1].id.clone());
    let name = r.cadres[0].name.clone();
    assert_eq!(names::person(&r, &a, Lang::Zh), name);
    r.cadres[1].name = name.clone();
    assert_eq!(names::person(&r, &a, Lang::Zh), format!("{name}（{a}）"));
    assert_eq!(names::person(&r, &b, Lang::Zh), format!("{name}（{b}）"));
    assert_eq!(names::person(&r, &b, Lang::En), format!("{name} ({b})"));
    assert_eq!(names::person(&r, "gone", Lang::Zh), "gone");
    let unit = r.units[0].name.clone();
    let u0 = r.units[0].id.clone();
    assert_eq!(names::unit(&r, &u0, Lang::Zh), unit);
    r.units[1].name = unit.clone();
    assert_eq!(names::unit(&r, &u0, Lang::Zh), format!("{unit}（{u0}）"));
}
