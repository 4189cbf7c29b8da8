//! People and units by name, as a planner knows them: the roster's name, with
//! the id added only where two people (or two units) share that name
//! (`刘建国（liu-jg2）`), and the id as written when the roster does not know it.

use crate::model::Roster;

use super::Lang;

/// A person's name; "name（id）" when another cadre or helper has the same name.
pub fn person(roster: &Roster, id: &str, lang: Lang) -> String {
    let name = roster
        .cadre_index(id)
        .map(|c| &roster.cadres[c].name)
        .or_else(|| roster.helper_index(id).map(|h| &roster.helpers[h].name));
    let Some(name) = name else {
        return id.to_string();
    };
    let same = roster.cadres.iter().filter(|c| &c.name == name).count()
        + roster.helpers.iter().filter(|h| &h.name == name).count();
    with_id(name, id, same > 1, lang)
}

/// A unit's name; "name（id）" when another unit has the same name.
pub fn unit(roster: &Roster, id: &str, lang: Lang) -> String {
    let Some(u) = roster.unit_index(id) else {
        return id.to_string();
    };
    let name = &roster.units[u].name;
    let same = roster.units.iter().filter(|x| &x.name == name).count();
    with_id(name, id, same > 1, lang)
}

/// People by name, joined the way a list in a cell is: "、" in Chinese.
pub fn people(roster: &Roster, ids: &[String], lang: Lang) -> String {
    let names: Vec<String> = ids.iter().map(|p| person(roster, p, lang)).collect();
    names.join(match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    })
}

/// A team as a list says it, its members already named: "leader + a, b"
/// in English, "梁玉芬（团队成员：潘淑仪、冯志刚）" in Chinese; the leader alone
/// when the team has no other member.
pub fn team(leader: &str, members: &[String], lang: Lang) -> String {
    match (members.is_empty(), lang) {
        (true, _) => leader.to_string(),
        (false, Lang::En) => format!("{leader} + {}", members.join(", ")),
        (false, Lang::Zh) => format!("{leader}（团队成员：{}）", members.join("、")),
    }
}

fn with_id(name: &str, id: &str, collide: bool, lang: Lang) -> String {
    match (collide, lang) {
        (false, _) => name.to_string(),
        (true, Lang::En) => format!("{name} ({id})"),
        (true, Lang::Zh) => format!("{name}（{id}）"),
    }
}
