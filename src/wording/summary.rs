//! Words for `validate`'s one-screen summary of a valid roster: units by
//! kind, people by role, where the year's holidays come from.

use super::{Lang, Say, list};

fn kind_word(k: crate::model::UnitKind, n: usize, lang: Lang) -> &'static str {
    use crate::model::UnitKind::*;
    let one = n == 1;
    match (k, lang) {
        (Village, Lang::En) if one => "village",
        (Village, Lang::En) => "villages",
        (Community, Lang::En) if one => "community",
        (Community, Lang::En) => "communities",
        (Enterprise, Lang::En) if one => "enterprise",
        (Enterprise, Lang::En) => "enterprises",
        (IndustrialCommunity, Lang::En) if one => "industrial community",
        (IndustrialCommunity, Lang::En) => "industrial communities",
        (Village, Lang::Zh) => "村",
        (Community, Lang::Zh) => "社区",
        (Enterprise, Lang::Zh) => "企业",
        (IndustrialCommunity, Lang::Zh) => "产业社区",
    }
}

/// A role after a count: "1 party secretary", "3 party secretaries".
fn role_count_word(r: crate::model::Role, n: usize, lang: Lang) -> String {
    let plural = role_word(r, lang);
    if n != 1 || lang == Lang::Zh || r == crate::model::Role::Police {
        return plural.to_string();
    }
    match plural.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => plural.strip_suffix('s').unwrap_or(plural).to_string(),
    }
}

/// A role as planners say it.
pub fn role_word(r: crate::model::Role, lang: Lang) -> &'static str {
    use crate::model::Role::*;
    match (r, lang) {
        (DepartmentHead, Lang::En) => "department heads",
        (PartySecretary, Lang::En) => "party secretaries",
        (CommitteeCadre, Lang::En) => "committee cadres",
        (GraduateOfficial, Lang::En) => "graduate officials",
        (Volunteer, Lang::En) => "volunteers",
        (Police, Lang::En) => "police",
        (Lawyer, Lang::En) => "lawyers",
        (Deputy, Lang::En) => "deputies",
        (DepartmentHead, Lang::Zh) => "职能部门负责人",
        (PartySecretary, Lang::Zh) => "村党组织书记",
        (CommitteeCadre, Lang::Zh) => "村“两委”干部",
        (GraduateOfficial, Lang::Zh) => "大学生村官",
        (Volunteer, Lang::Zh) => "志愿服务者",
        (Police, Lang::Zh) => "民警",
        (Lawyer, Lang::Zh) => "律师",
        (Deputy, Lang::Zh) => "两代表一委员",
    }
}

/// A team slot's roles: the roster's ids in English (as typed in the
/// roster), the Chinese names in Chinese (村党组织书记或村“两委”干部).
pub fn slot_roles(roles: &[crate::model::Role], lang: Lang) -> String {
    match lang {
        Lang::En => {
            let ids: Vec<String> = roles.iter().map(|r| r.as_str().to_string()).collect();
            super::list(&ids, lang)
        }
        Lang::Zh => roles
            .iter()
            .map(|&r| role_word(r, lang))
            .collect::<Vec<_>>()
            .join("或"),
    }
}

/// `validate`'s list of one township's units by their minutes from the
/// office, farthest first, one line each.
/// The second field is the township's name (its office: 街道办 or 镇政府).
pub struct TravelList<'a>(pub &'a [crate::roster::summary::UnitTravel], pub &'a str);

impl Say for TravelList<'_> {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let mut s = if en {
            "  travel     each unit's minutes from the office by road, farthest first:\n"
                .to_string()
        } else {
            format!(
                "  路程      各村（社区）距{}的分钟数（走公路），由远到近：\n",
                super::terms::office_zh(self.1)
            )
        };
        for u in self.0 {
            let minutes = match u.minutes {
                Some(m) => format!("{m:>5.0}"),
                None => format!("{:>5}", "—"),
            };
            let kind = kind_word(u.kind, 1, lang);
            s += &if en {
                format!(
                    "  {minutes}  {} ({kind}, {})\n",
                    u.name,
                    super::count(u.households, "household", "households")
                )
            } else {
                format!("  {minutes}  {}（{kind}，{} 户）\n", u.name, u.households)
            };
        }
        s
    }
}

impl crate::roster::summary::Summary {
    /// The shared cadres who will lead no unit here, beside the count.
    fn idle_said(&self, lang: Lang) -> String {
        match (self.shared_idle.len(), lang) {
            (0, _) => String::new(),
            (n, Lang::En) => format!(
                " ({})",
                super::shared_idle::beside(n, &self.shared_idle, lang)
            ),
            (n, Lang::Zh) => format!(
                "（{}）",
                super::shared_idle::beside(n, &self.shared_idle, lang)
            ),
        }
    }
}

impl crate::roster::summary::Summary {
    /// The week's station sessions against the township's people, each at
    /// one place a week (a Chinese trial: a roster half short of people
    /// was called valid and the plan showed it): said before planning.
    fn staffing_line(&self, lang: Lang) -> String {
        let sessions = (self.units - self.biweekly) + self.biweekly.div_ceil(2);
        let members = self.cadres + self.township_helpers;
        let short = sessions.saturating_sub(members);
        // A leader kept every month of the year is one place a week fewer.
        let kept = self
            .window_taken
            .iter()
            .filter(|t| t.months.len() == 12 || t.since.is_some())
            .count();
        let more_short = sessions.saturating_sub(members.saturating_sub(kept)) - short;
        let taken = match self.window_taken.is_empty() {
            true => String::new(),
            false => {
                super::window_taken::beside_staffing(&self.window_taken, short, more_short, lang)
            }
        };
        let line = match lang {
            Lang::En => format!(
                "  staffing   about {} a week; {} ({}, {} of the township's helpers), one place a week each{}\n",
                super::counted(sessions, "station session", "station sessions"),
                super::counted(members, "township member", "township members"),
                super::counted(self.cadres, "leader", "leaders"),
                self.township_helpers,
                if short > 0 {
                    format!(
                        ": too few, about {} a week will have no township member; make some units fortnightly or add department heads",
                        super::counted(short, "session", "sessions")
                    )
                } else {
                    self.shared_said(lang)
                }
            ),
            Lang::Zh => format!(
                "  人手      每周约需驻点接待 {sessions} 次，镇街成员 {members} 名（驻点领导 {} 名、镇街协助人员 {} 名），每人每周只能去一个点{}\n",
                self.cadres,
                self.township_helpers,
                if short > 0 {
                    format!(
                        "：人手不够，每周约有 {short} 次接待将没有镇街人员；可把部分村（社区）改为两周驻点一次，或增加部门负责人"
                    )
                } else {
                    self.shared_said(lang)
                }
            ),
        };
        format!("{}{taken}\n", line.trim_end_matches('\n'))
    }
}

impl crate::roster::summary::Summary {
    /// Enough township members in number, but too few for each team's one
    /// township place to have its own (a Chinese trial: validate said
    /// nothing and the plan left 36 sessions short): a helper shared by two
    /// teams sits at one of them, so a week neither team's leader comes
    /// leaves the other without a township member. The year's count
    /// depends on the plan's rotation; the week's most does not. The heads
    /// said are the sure way, not the fewest (a trial: 2 of 5 sufficed).
    fn shared_said(&self, lang: Lang) -> String {
        let Some((roles, shared)) = &self.shared_place else {
            return String::new();
        };
        if *shared == 0 {
            return String::new();
        }
        let (heads, teams, shared) = (self.township_helpers, self.units, *shared);
        match lang {
            Lang::En => {
                let who: Vec<String> = roles
                    .iter()
                    .map(|r| role_count_word(*r, heads, lang))
                    .collect();
                let who = list(&who, lang).replace(" and ", " or ");
                format!(
                    ", enough in number; but {heads} {who} fill {teams} teams' places, so some sit on two teams at once: a week the leader is at neither unit leaves one of the two with no township member (so at most {} a week); one of its own on each team prevents it for certain (at most {shared} more; fewer also cut the shortfall, try them with whatif)",
                    super::counted(shared, "session", "sessions"),
                )
            }
            Lang::Zh => {
                let who: Vec<&str> = roles.iter().map(|r| role_word(*r, lang)).collect();
                let who = who.join("或");
                format!(
                    "，人数够；但 {heads} 名{who}要配 {teams} 个团队，有人要同时进两个团队：驻点领导两处都不去的那一周，其中一处就没有镇街人员（因此缺人的接待每周最多 {shared} 次）；每个团队各配一名不与其他团队共用的{who}（最多再增加 {shared} 名即可完全避免；少加几名也能减少缺人，可用 whatif 试算）"
                )
            }
        }
    }
}

impl Say for crate::roster::summary::Summary {
    fn say(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let kinds: Vec<String> = self
            .units_by_kind
            .iter()
            .map(|(k, n)| {
                if en {
                    format!("{n} {}", kind_word(*k, *n, lang))
                } else {
                    format!("{}{n}个", kind_word(*k, *n, lang))
                }
            })
            .collect();
        let roles: Vec<String> = self
            .helpers_by_role
            .iter()
            .map(|(r, n)| {
                if en {
                    format!("{n} {}", role_count_word(*r, *n, lang))
                } else {
                    format!("{}{n}名", role_word(*r, lang))
                }
            })
            .collect();
        let helpers: usize = self.helpers_by_role.iter().map(|(_, n)| n).sum();
        let mut s = String::new();
        let (lo, hi) = self.places;
        if en {
            s += &format!("{} ({}): the roster is valid.\n", self.township, self.year);
            s += &format!(
                "  units      {} — {}; {}; {} fortnightly\n",
                self.units,
                list(&kinds, lang),
                super::count(self.households, "household", "households"),
                self.biweekly
            );
            s += &format!(
                "  cadres     {} to station{}\n",
                super::counted(self.cadres, "leader", "leaders"),
                match self.cadres_leaving {
                    0 => String::new(),
                    n => format!(" (and {n} leaving during the year)"),
                } + &self.idle_said(lang)
            );
            s += &format!("  helpers    {} — {}\n", helpers, list(&roles, lang));
            s += &format!(
                "  capacity   {} units against the leaders' places: at least {lo}, at most {hi}\n",
                self.units
            );
            for (i, (roles, own, units, teams)) in self.slots.iter().enumerate() {
                let r: Vec<String> = roles
                    .iter()
                    .map(|r| role_word(*r, lang).to_string())
                    .collect();
                let whose = if *own { "the unit's own " } else { "" };
                s += &format!(
                    "  slot {}     {whose}{}: {} to fill, helpers can take {teams}\n",
                    i + 1,
                    list(&r, lang).replace(" and ", " or "),
                    super::counted(*units, "team", "teams")
                );
            }
            s += &self.staffing_line(lang);
            s += &format!(
                "  calendar   {}, {}; units {:.0}–{:.0} minutes from the office by road\n",
                super::counted(self.meetings, "meeting", "meetings"),
                super::counted(self.holidays, "holiday", "holidays"),
                self.nearest_minutes,
                self.farthest_minutes
            );
        } else {
            s += &format!("{}（{} 年）：名册有效。\n", self.township, self.year);
            s += &format!(
                "  驻点村居  {} 个——{}；共 {} 户；隔周驻点 {} 个\n",
                self.units,
                kinds.join("、"),
                self.households,
                self.biweekly
            );
            s += &format!(
                "  驻点领导  {} 名{}\n",
                self.cadres,
                match self.cadres_leaving {
                    0 => String::new(),
                    n => format!("（另有 {n} 名年内离任或交接）"),
                } + &self.idle_said(lang)
            );
            s += &format!("  协助人员  {} 名——{}\n", helpers, roles.join("、"));
            s += &format!(
                "  名额      {} 个村居；领导可联系最少 {lo} 个、最多 {hi} 个\n",
                self.units
            );
            for (i, (roles, own, units, teams)) in self.slots.iter().enumerate() {
                let r: Vec<String> = roles
                    .iter()
                    .map(|r| role_word(*r, lang).to_string())
                    .collect();
                let whose = if *own { "本村（社区）的" } else { "" };
                s += &format!(
                    "  第{}个位置 {whose}{}：需配 {units} 个团队，可配 {teams} 个\n",
                    i + 1,
                    r.join("或")
                );
            }
            s += &self.staffing_line(lang);
            s += &format!(
                "  日程      会议 {} 项，名册所列节假日 {} 段；各村（社区）距{} {:.0}—{:.0} 分钟（走公路）\n",
                self.meetings,
                self.holidays,
                super::terms::office_zh(&self.township),
                self.nearest_minutes,
                self.farthest_minutes
            );
        }
        s += &days_lines(&self.days, self.year, lang);
        s
    }
}

/// The summary's lines on the year's holidays: where they come from, and a
/// warning for each festival an uncovered year's roster does not list.
fn days_lines(d: &crate::roster::summary::DaysNote, year: i32, lang: Lang) -> String {
    use crate::days::{OFFICIAL_FIRST, OFFICIAL_LAST, Official};
    use crate::roster::summary::Festival;
    let (oh, ow, h, w) = (
        d.official_holidays,
        d.official_workdays,
        d.own_holidays,
        d.own_workdays,
    );
    let (first, last) = (OFFICIAL_FIRST.0, OFFICIAL_LAST.0);
    let mut s = match (d.official, lang) {
        (Official::Applied, Lang::En) => format!(
            "  holidays   {year}: {oh} public holidays and {ow} swapped working days from the official calendar, and the roster's own {h} holidays and {w} working days\n"
        ),
        (Official::Applied, Lang::Zh) => format!(
            "  法定假日  {year} 年国务院安排：法定节假日 {oh} 段、调休上班日 {ow} 天；名册另列节假日 {h} 段、调休上班日 {w} 天\n"
        ),
        (Official::Off, Lang::En) => format!(
            "  holidays   the official calendar is switched off (official_holidays = false): the roster's own {h} holidays and {w} working days only\n"
        ),
        (Official::Off, Lang::Zh) => format!(
            "  法定假日  名册设定不采用国务院节假日安排：只按名册所列节假日 {h} 段、调休上班日 {w} 天\n"
        ),
        (Official::NotCovered, Lang::En) => format!(
            "  holidays   the official calendar covers {first}–{last}, not {year}: the roster's own {h} holidays and {w} working days are used; enter the State Council's notice as [[holiday]] and [[workday]] lines (docs/roster.md)\n"
        ),
        (Official::NotCovered, Lang::Zh) => format!(
            "  法定假日  内置的国务院节假日安排只有 {first}—{last} 年，没有 {year} 年：按名册所列节假日 {h} 段、调休上班日 {w} 天排期；请按国务院当年的放假通知逐条填入节假日和调休上班日\n"
        ),
    };
    for f in &d.missing {
        s += &match (f, lang) {
            (Festival::SpringFestival, Lang::En) => format!(
                "warning: {year} is not in the official calendar and the roster lists no Spring Festival (春节) holiday: add it as a [[holiday]]\n"
            ),
            (Festival::NationalDay, Lang::En) => format!(
                "warning: {year} is not in the official calendar and the roster lists no National Day (国庆节) holiday: add it as a [[holiday]]\n"
            ),
            (Festival::SpringFestival, Lang::Zh) => {
                format!("警告：{year} 年不在内置节假日安排内，名册没有列出春节假期，请补上\n")
            }
            (Festival::NationalDay, Lang::Zh) => {
                format!("警告：{year} 年不在内置节假日安排内，名册没有列出国庆节假期，请补上\n")
            }
        };
    }
    s
}
