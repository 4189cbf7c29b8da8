//! A leader's move between two townships of a city in the township's
//! report: who moved away and where to, who moved here and from where, with
//! the units they led or lead (names, never ids).

use super::Lang;

/// A leader who moved to another township of the city, the day (as
/// `departure` says it) and who leads each of their units from then:
/// "冯浩斌 7月1日调往南湖街道：高沥村改由陈志伟联系" / "冯浩斌 moved to
/// 南湖街道 on Jul 1: 陈志伟 leads 高沥村 from then".
pub fn moved_away(
    name: &str,
    day: &str,
    to: &str,
    units: &[(String, Option<String>)],
    lang: Lang,
) -> String {
    super::report::gone(name, day, Some(to), units, lang)
}

/// Beside the name of someone who hands over because they move to
/// another township: "（调往三庄镇）" / " (moved to 三庄镇)".
pub fn moved_to(to: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（调往{to}）"),
        Lang::En => format!(" (moved to {to})"),
    }
}

/// The lead-in over the leaders who moved here from another township.
pub fn arrivals_caption(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Leaders who moved here from another township during the year:",
        Lang::Zh => "年内从其他镇街调入的驻点领导：",
    }
}

/// A leader who moved here from another township, the day and the units
/// they lead: "冯浩斌 7月1日从北坪镇调入，联系高沥村、石岗村" / "冯浩斌 moved
/// here from 北坪镇 on Jul 1 and leads 高沥村 and 石岗村".
pub fn moved_in(name: &str, day: &str, from: &str, units: &[String], lang: Lang) -> String {
    match (lang, units) {
        (Lang::Zh, []) => format!("{name} {day}从{from}调入，未联系村（社区）"),
        (Lang::Zh, _) => format!("{name} {day}从{from}调入，联系{}", units.join("、")),
        (Lang::En, []) => {
            format!("{name} moved here from {from} on {day}, leading no unit")
        }
        (Lang::En, [one]) => format!("{name} moved here from {from} on {day} and leads {one}"),
        (Lang::En, [rest @ .., last]) => format!(
            "{name} moved here from {from} on {day} and leads {} and {last}",
            rest.join(", ")
        ),
    }
}

/// `compare`: a move between townships said once: "罗芬宝 7月1日调往南湖街道"
/// / "罗芬宝 7月1日从东山镇调入" ("罗芬宝 moved to 南湖街道 on Jul 1" /
/// "罗芬宝 moved here from 东山镇 on Jul 1").
pub fn compared(name: &str, day: &str, moved: super::documents::Moved, lang: Lang) -> String {
    use super::documents::Moved;
    match (lang, moved) {
        (Lang::Zh, Moved::To(t)) => format!("{name} {day}调往{t}"),
        (Lang::Zh, Moved::From(t)) => format!("{name} {day}从{t}调入"),
        (Lang::En, Moved::To(t)) => format!("{name} moved to {t} on {day}"),
        (Lang::En, Moved::From(t)) => format!("{name} moved here from {t} on {day}"),
    }
}
