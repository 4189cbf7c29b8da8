//! Words for a shared cadre who leads no unit in one of his townships (kept
//! away by his duties in the township planned before it): he is not among
//! that township's leaders, and every page says him apart in the same
//! words — `validate`'s summary, `plan CITY`'s table, city-summary.csv's
//! column, the city page and the township's page — and `validate`'s line on
//! the two townships' station windows says what the plan will do.

use super::Lang;

/// Beside a township's leader count: "另有 1 名共用干部在本镇街不联系村（社区）",
/// with the names after a colon when given.
pub fn beside(n: usize, names: &[String], lang: Lang) -> String {
    let who = if names.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::En => format!(": {}", super::list(names, lang)),
            Lang::Zh => format!("：{}", names.join("、")),
        }
    };
    match (lang, n) {
        (Lang::En, 1) => format!("1 more shared cadre leads no unit here{who}"),
        (Lang::En, n) => format!("{n} more shared cadres lead no unit here{who}"),
        (Lang::Zh, n) => format!("另有 {n} 名共用干部在本镇街不联系村（社区）{who}"),
    }
}

/// Under `plan CITY`'s table, after the leaders' note: each township with
/// shared cadres leading no unit there (township, their names).
pub fn table_note(towns: &[(String, Vec<String>)], lang: Lang) -> String {
    let said: Vec<String> = towns
        .iter()
        .map(|(t, names)| match lang {
            Lang::En => format!("{t}: {}", beside(names.len(), names, lang)),
            Lang::Zh => format!("{t}{}", beside(names.len(), names, lang)),
        })
        .collect();
    match lang {
        Lang::En => format!("; {}", said.join("; ")),
        Lang::Zh => format!("；{}", said.join("；")),
    }
}

/// The city page's caption under its table (township, how many).
pub fn city_caption(towns: &[(String, usize)], lang: Lang) -> String {
    let said: Vec<String> = towns
        .iter()
        .map(|(t, n)| match lang {
            Lang::En => format!("{t}: {}", beside(*n, &[], lang)),
            Lang::Zh => format!("{t}{}", beside(*n, &[], lang)),
        })
        .collect();
    match lang {
        Lang::En => format!(
            "{}; not counted among that township's leaders.",
            said.join("; ")
        ),
        Lang::Zh => format!("{}，不计入该镇街的驻点领导。", said.join("；")),
    }
}

/// `validate` on a city: a shared person's two townships hold their station
/// windows on the same weekday closer than the road between them. `a` is
/// planned first; `both` of `b`'s `dates` station dates are `a`'s station
/// days too; `none_in_b`: that is nine in ten or more, so he leads no unit
/// in `b`.
pub struct WindowsTooClose<'a> {
    pub person: &'a str,
    pub a: (&'a str, &'a str),
    pub b: (&'a str, &'a str),
    pub minutes: u32,
    pub dates: usize,
    pub both: usize,
    pub none_in_b: bool,
}

impl WindowsTooClose<'_> {
    pub fn say(&self, lang: Lang) -> String {
        let Self {
            person,
            a: (a, a_times),
            b: (b, b_times),
            minutes,
            dates,
            both,
            none_in_b,
        } = *self;
        match (lang, none_in_b) {
            (Lang::En, true) => format!(
                "{person} is shared by {a} and {b}, whose station windows on the same weekday ({a} {a_times}, {b} {b_times}) leave less than the {minutes} minutes of travel between the two townships. The plan keeps his duties in the two apart: {a} is planned first, and {person} is not put at {b}'s sessions on the days he has duties in {a}. {both} of {b}'s {dates} station dates are {a}'s station days too, so with units in {a} he leads no unit in {b} and is away on all {both}; {b}'s units go to its other leaders. To have {person} lead in both, give the two townships windows further apart, or a shorter `[[township_road]]` in city.toml if the road is shorter"
            ),
            (Lang::En, false) => format!(
                "{person} is shared by {a} and {b}, whose station windows on the same weekday ({a} {a_times}, {b} {b_times}) leave less than the {minutes} minutes of travel between the two townships. The plan keeps his duties in the two apart: {a} is planned first, and {person} is not put at {b}'s sessions on the days he has duties in {a}. {both} of {b}'s {dates} station dates are {a}'s station days too: on those he has duties in {a}, his sessions in {b} are made up on a make-up day. To spare them, give the two townships windows further apart, or a shorter `[[township_road]]` in city.toml if the road is shorter"
            ),
            (Lang::Zh, true) => format!(
                "{person}由{a}和{b}共用，两个镇街在同一天的驻点时间（{a} {a_times}，{b} {b_times}）之间不足两镇街之间的路程 {minutes} 分钟。编排时两地的任务不会冲突：先编排{a}，{person}在{a}有驻点任务的日子不安排到{b}。{b}全年 {dates} 个驻点日中有 {both} 个也是{a}的驻点日，{person}在{a}联系村（社区）后这些日子都在{a}，因此在{b}不当驻点领导，这 {both} 个驻点日都不到{b}，{b}的村（社区）由其他领导联系。如需{person}在两个镇街都驻点，可把两个镇街的驻点时间再错开，或在全市设置中填写两镇街之间较短的实际路程。"
            ),
            (Lang::Zh, false) => format!(
                "{person}由{a}和{b}共用，两个镇街在同一天的驻点时间（{a} {a_times}，{b} {b_times}）之间不足两镇街之间的路程 {minutes} 分钟。编排时两地的任务不会冲突：先编排{a}，{person}在{a}有驻点任务的日子不安排到{b}。{b}全年 {dates} 个驻点日中有 {both} 个也是{a}的驻点日：这些日子{person}在{a}有任务时，他在{b}的驻点改在补接待日补上。如需避免，可把两个镇街的驻点时间再错开，或在全市设置中填写两镇街之间较短的实际路程。"
            ),
        }
    }
}

/// The people CSV's ties cell of a shared cadre who leads no unit here:
/// `ties` ("与西岭镇共用") and that he leads nothing in this township.
pub fn in_ties(ties: &str, lang: Lang) -> String {
    match (lang, ties.is_empty()) {
        (Lang::En, true) => "leads no unit here".to_string(),
        (Lang::En, false) => format!("{ties}; leads no unit here"),
        (Lang::Zh, true) => "在本镇街不联系村（社区）".to_string(),
        (Lang::Zh, false) => format!("{ties}，在本镇街不联系村（社区）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_sharing_fewer_dates_say_the_sessions_are_made_up() {
        let said = WindowsTooClose {
            person: "周建国",
            a: ("东山镇", "15:00–18:30"),
            b: ("西岭镇", "18:30–21:00"),
            minutes: 20,
            dates: 49,
            both: 40,
            none_in_b: false,
        };
        assert_eq!(
            said.say(Lang::Zh),
            "周建国由东山镇和西岭镇共用，两个镇街在同一天的驻点时间（东山镇 15:00–18:30，西岭镇 18:30–21:00）之间不足两镇街之间的路程 20 分钟。编排时两地的任务不会冲突：先编排东山镇，周建国在东山镇有驻点任务的日子不安排到西岭镇。西岭镇全年 49 个驻点日中有 40 个也是东山镇的驻点日：这些日子周建国在东山镇有任务时，他在西岭镇的驻点改在补接待日补上。如需避免，可把两个镇街的驻点时间再错开，或在全市设置中填写两镇街之间较短的实际路程。"
        );
        assert_eq!(
            said.say(Lang::En),
            "周建国 is shared by 东山镇 and 西岭镇, whose station windows on the same weekday (东山镇 15:00–18:30, 西岭镇 18:30–21:00) leave less than the 20 minutes of travel between the two townships. The plan keeps his duties in the two apart: 东山镇 is planned first, and 周建国 is not put at 西岭镇's sessions on the days he has duties in 东山镇. 40 of 西岭镇's 49 station dates are 东山镇's station days too: on those he has duties in 东山镇, his sessions in 西岭镇 are made up on a make-up day. To spare them, give the two townships windows further apart, or a shorter `[[township_road]]` in city.toml if the road is shorter"
        );
    }

    #[test]
    fn the_shared_cadres_leading_nothing_are_said_alike_on_every_page() {
        let names = ["周建国".to_string(), "陈志强".to_string()];
        assert_eq!(
            beside(2, &names, Lang::Zh),
            "另有 2 名共用干部在本镇街不联系村（社区）：周建国、陈志强"
        );
        assert_eq!(
            beside(2, &names, Lang::En),
            "2 more shared cadres lead no unit here: 周建国 and 陈志强"
        );
        let towns = [
            ("西岭镇".to_string(), vec!["周建国".to_string()]),
            ("腰古镇".to_string(), vec!["陈志强".to_string()]),
        ];
        assert_eq!(
            table_note(&towns, Lang::Zh),
            "；西岭镇另有 1 名共用干部在本镇街不联系村（社区）：周建国；腰古镇另有 1 名共用干部在本镇街不联系村（社区）：陈志强"
        );
        assert_eq!(
            city_caption(&[("西岭镇".into(), 1), ("腰古镇".into(), 2)], Lang::En),
            "西岭镇: 1 more shared cadre leads no unit here; 腰古镇: 2 more shared cadres lead no unit here; not counted among that township's leaders."
        );
        assert_eq!(in_ties("", Lang::Zh), "在本镇街不联系村（社区）");
        assert_eq!(
            in_ties("与东山镇共用", Lang::Zh),
            "与东山镇共用，在本镇街不联系村（社区）"
        );
    }
}
