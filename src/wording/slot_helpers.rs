//! The helpers a team slot's message names, so that a planner told a slot
//! cannot be filled knows which rows of 协助人员 to edit: each helper by
//! name with the two columns that decide it, 所属村居 and 最多参加团队数
//! (`unit`, `max_teams` in a roster file).

use super::Lang;

/// A helper as a slot's message names them.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotHelper {
    /// The name, the id added where two people share it.
    pub name: String,
    /// Their unit's name (所属村居); `None` for the township's own.
    pub unit: Option<String>,
    pub max_teams: usize,
}

impl SlotHelper {
    /// Helper `h` of roster `r`, named as messages in the current language
    /// name people and units.
    pub fn of(r: &crate::model::Roster, h: &crate::model::Helper) -> SlotHelper {
        let lang = Lang::current();
        SlotHelper {
            name: super::names::person(r, &h.id, lang),
            unit: h.unit.as_deref().map(|u| super::names::unit(r, u, lang)),
            max_teams: h.max_teams,
        }
    }
}

/// At most this many helpers are named; the rest are counted.
pub const NAMED: usize = 8;

/// One helper: "部门1（最多参加团队数 1）", "东山书记（所属村居 东山村，最多参加团队数 1）";
/// "部门1 (max_teams 1)", "东山书记 (unit 东山村, max_teams 1)".
fn one(h: &SlotHelper, lang: Lang) -> String {
    let SlotHelper {
        name,
        unit,
        max_teams: m,
    } = h;
    match (unit, lang) {
        (None, Lang::En) => format!("{name} (max_teams {m})"),
        (Some(u), Lang::En) => format!("{name} (unit {u}, max_teams {m})"),
        (None, Lang::Zh) => format!("{name}（最多参加团队数 {m}）"),
        (Some(u), Lang::Zh) => format!("{name}（所属村居 {u}，最多参加团队数 {m}）"),
    }
}

/// "; who may fill it: A (…), B (…) and 3 more" — "；可担任的人员：A（…）、B（…）等 5 人";
/// empty when there is nobody to name.
pub fn who_may_fill(helpers: &[SlotHelper], lang: Lang) -> String {
    let lead = match lang {
        Lang::En => "who may fill it",
        Lang::Zh => "可担任的人员",
    };
    named(lead, helpers, lang)
}

/// Helpers of the slot's roles `r` (as the message says them) with no unit
/// given, who might be the unit's own: "; party secretaries with no unit
/// given: A (max_teams 1)" — "；所属村居未填的村党组织书记：A（最多参加团队数 1）".
pub fn without_unit(r: &str, helpers: &[SlotHelper], lang: Lang) -> String {
    let lead = match lang {
        Lang::En => format!("{r} with no unit given"),
        Lang::Zh => format!("所属村居未填的{r}"),
    };
    named(&lead, helpers, lang)
}

fn named(lead: &str, helpers: &[SlotHelper], lang: Lang) -> String {
    if helpers.is_empty() {
        return String::new();
    }
    let named: Vec<String> = helpers.iter().take(NAMED).map(|h| one(h, lang)).collect();
    let more = helpers.len().saturating_sub(NAMED);
    match (lang, more) {
        (Lang::En, 0) => format!("; {lead}: {}", named.join(", ")),
        (Lang::En, n) => format!("; {lead}: {} and {n} more", named.join(", ")),
        (Lang::Zh, 0) => format!("；{lead}：{}", named.join("、")),
        (Lang::Zh, _) => format!("；{lead}：{}等 {} 人", named.join("、"), helpers.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_are_named_with_their_unit_and_teams_and_the_rest_counted() {
        let h = |name: &str, unit: Option<&str>| SlotHelper {
            name: name.into(),
            unit: unit.map(Into::into),
            max_teams: 1,
        };
        let two = [h("部门1", None), h("东山书记", Some("东山村"))];
        assert_eq!(
            who_may_fill(&two, Lang::Zh),
            "；可担任的人员：部门1（最多参加团队数 1）、东山书记（所属村居 东山村，最多参加团队数 1）"
        );
        assert_eq!(
            who_may_fill(&two, Lang::En),
            "; who may fill it: 部门1 (max_teams 1), 东山书记 (unit 东山村, max_teams 1)"
        );
        let ten: Vec<SlotHelper> = (1..=10).map(|i| h(&format!("p{i}"), None)).collect();
        assert!(who_may_fill(&ten, Lang::Zh).ends_with("p8（最多参加团队数 1）等 10 人"));
        assert!(who_may_fill(&ten, Lang::En).ends_with("p8 (max_teams 1) and 2 more"));
        assert_eq!(who_may_fill(&[], Lang::Zh), "");
    }
}
