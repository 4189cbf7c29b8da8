//! What closes a gap of places, when a township's units outnumber what
//! its leaders may take: one sentence, said by `validate` (a roster's
//! problem) and by a city's shared cadres (`across`).

use super::Lang;

/// What closes a gap of places (more units than the leaders' maxima add
/// up to): `short` leaders taking one unit more each when there are that
/// many leaders, else every leader taking enough.
pub fn more_places(
    units: usize,
    leaders: usize,
    places: usize,
    uniform_max: Option<usize>,
    lang: Lang,
) -> String {
    let short = units.saturating_sub(places);
    let en = lang == Lang::En;
    match (uniform_max, short <= leaders, en) {
        (Some(m), true, true) => format!(
            "allow {} units for {short} leader{}",
            m + 1,
            if short == 1 { "" } else { "s" }
        ),
        (Some(m), true, false) if short == 1 => format!("允许 1 名领导联系 {} 个村（社区）", m + 1),
        (Some(m), true, false) => format!("允许 {short} 名领导各联系 {} 个村（社区）", m + 1),
        (None, true, true) if short == 1 => "let 1 leader take one more unit".into(),
        (None, true, true) => format!("let {short} leaders take one more unit each"),
        (None, true, false) if short == 1 => "让 1 名领导多联系 1 个村（社区）".into(),
        (None, true, false) => format!("让 {short} 名领导各多联系 1 个村（社区）"),
        (_, false, true) => format!(
            "allow every leader {} units",
            units.div_ceil(leaders.max(1))
        ),
        (_, false, false) => format!(
            "允许每名领导联系 {} 个村（社区）",
            units.div_ceil(leaders.max(1))
        ),
    }
}
