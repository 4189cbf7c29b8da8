//! No ASCII id stands alone in Chinese output where the roster has a name
//! (issue 13): `plan`, `check` and `whatif` with `--lang zh` on a shipped
//! township name its people and units; an id appears only in the collision
//! form 名字（id）.

#[path = "common/cli.rs"]
mod cli;

const ROSTER: &str = "instances/beijiao-example.toml";

/// Every id in `text` standing as a word of its own, outside 名字（id）.
fn bare_ids(text: &str, ids: &[String]) -> Vec<String> {
    let word =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let mut found = Vec::new();
    for id in ids {
        for (at, _) in text.match_indices(id.as_str()) {
            let before = text[..at].chars().next_back();
            let after = text[at + id.len()..].chars().next();
            if word(before) || word(after) {
                continue;
            }
            if before == Some('（') && after == Some('）') {
                continue;
            }
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            found.push(format!("{id}: {}", &text[start..end]));
        }
    }
    found
}

#[test]
fn zh_output_of_plan_check_and_whatif_names_people_and_units() {
    let roster = zhudian::roster::load(std::path::Path::new(ROSTER)).unwrap();
    let ids: Vec<String> = roster
        .units
        .iter()
        .map(|u| u.id.clone())
        .chain(roster.cadres.iter().map(|c| c.id.clone()))
        .chain(roster.helpers.iter().map(|h| h.id.clone()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.toml");
    let plan = plan.to_str().unwrap();
    let runs: [&[&str]; 3] = [
        &["plan", ROSTER, "-o", plan, "--lang", "zh"],
        &["check", ROSTER, plan, "--lang", "zh"],
        &[
            "whatif",
            ROSTER,
            "instances/whatif/beijiao.toml",
            "--lang",
            "zh",
        ],
    ];
    for args in runs {
        let (code, out, err) = cli::zhudian(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        let all = out + &err;
        assert!(all.contains("村") || all.contains("社区"), "{all}");
        let bare = bare_ids(&all, &ids);
        assert!(bare.is_empty(), "{args:?}:\n{}", bare.join("\n"));
    }
}

#[test]
fn the_scan_finds_a_bare_id_and_spares_the_collision_form() {
    let ids = vec!["he-jm".to_string()];
    assert_eq!(
        bare_ids("何建明（he-jm）、he-jmx", &ids),
        Vec::<String>::new()
    );
    assert_eq!(bare_ids("队员：he-jm", &ids), vec!["he-jm: 队员：he-jm"]);
}
