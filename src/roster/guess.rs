//! The entry a reference that names none most likely meant: a meeting's
//! attendee, a helper's or cadre's unit, a what-if variant's unit or person.
//! Every unknown reference asks here, so they all guess alike: the entry
//! whose name was written in place of its id, else the one whose id or name
//! is a slip of the keyboard away (at most two edits, and fewer than half
//! the word, so `c9` does not guess `c1`). The guess carries the entry's
//! name, for a planner who knows people and villages by name.

/// The entry a reference most likely meant: its id, and its name where it
/// has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    pub id: String,
    pub name: Option<String>,
}

/// The entry among `entries` (id, name) that `given` most likely meant;
/// none when no entry is close, or two are equally close.
pub fn guess<'a>(
    given: &str,
    entries: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<Guess> {
    let entries: Vec<(&str, &str)> = entries.into_iter().collect();
    let made = |(id, name): (&str, &str)| Guess {
        id: id.to_string(),
        name: (!name.trim().is_empty() && name != id).then(|| name.to_string()),
    };
    let given = given.trim();
    // The name written for the id, or the id in another case or with `-`
    // for `_`.
    let fold = |s: &str| s.to_lowercase().replace('-', "_");
    if let Some(e) = entries
        .iter()
        .find(|(id, name)| *name == given || fold(id) == fold(given))
    {
        return Some(made(*e));
    }
    let near = |word: &str| {
        let d = strsim::levenshtein(given, word);
        let longer = given.chars().count().max(word.chars().count());
        (d <= 2 && d * 2 < longer).then_some(d)
    };
    let mut scored: Vec<(usize, (&str, &str))> = entries
        .iter()
        .filter_map(|e| {
            let by_id = near(e.0);
            let by_name = (!e.1.trim().is_empty()).then(|| near(e.1)).flatten();
            let d = by_id.into_iter().chain(by_name).min()?;
            Some((d, *e))
        })
        .collect();
    scored.sort_by_key(|s| s.0);
    match scored[..] {
        [(d, e), (d2, _), ..] if d2 > d => Some(made(e)),
        [(_, e)] => Some(made(e)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEADERS: [(&str, &str); 3] = [
        ("l_wuqiang", "吴强"),
        ("l_liuhm", "李惠敏"),
        ("l_chenzw", "陈志伟"),
    ];

    fn g(id: &str, name: &str) -> Option<Guess> {
        Some(Guess {
            id: id.into(),
            name: Some(name.into()),
        })
    }

    #[test]
    fn a_slip_of_the_keyboard_in_an_id_or_a_name_is_guessed() {
        assert_eq!(guess("l_wuqaing", LEADERS), g("l_wuqiang", "吴强"));
        assert_eq!(guess("李慧敏", LEADERS), g("l_liuhm", "李惠敏"));
        assert_eq!(guess("L-WuQiang", LEADERS), g("l_wuqiang", "吴强"));
    }

    #[test]
    fn a_name_written_for_the_id_is_guessed() {
        assert_eq!(guess("陈志伟", LEADERS), g("l_chenzw", "陈志伟"));
    }

    #[test]
    fn nothing_far_short_or_tied_is_guessed() {
        assert_eq!(guess("zhang-san", LEADERS), None);
        // One edit in two characters is half the word.
        assert_eq!(guess("c9", [("c1", "东山村"), ("c2", "西岭村")]), None);
        assert_eq!(guess("吴墙", LEADERS), None);
        // Two entries one edit away: no guess between them.
        assert_eq!(guess("unit-3", [("unit-1", ""), ("unit-2", "")]), None);
    }
}
