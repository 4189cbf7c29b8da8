//! Words for a plan's warnings read back: what each kind is called, what
//! helps, the digest `plan`, `replan` and `check` end with (counts, the first
//! few of each kind, the remedy) and the headings of `zhudian warnings`.

pub use super::shortfall::Staffing;
use super::{Lang, Say};

/// A warning as a fact, kept in the plan file beside its words
/// (`[warning.said]`) so that a run in the other language says it in its
/// own. Each family tags its facts with its own `code`s; a shared cadre
/// kept away has no code (his fields say what he is).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum WarningSaid {
    Calendar(super::calendar::CalendarSaid),
    Replan(super::scenario::ReplanSaid),
    KeptAway(super::across::NeverHereSaid),
    WindowTaken(crate::calendar::taken::WindowTaken),
}

impl Say for WarningSaid {
    fn say(&self, lang: Lang) -> String {
        match self {
            WarningSaid::Calendar(s) => s.say(lang),
            WarningSaid::Replan(s) => s.say(lang),
            WarningSaid::KeptAway(s) => s.say(lang),
            WarningSaid::WindowTaken(s) => s.say(lang),
        }
    }
}

impl WarningSaid {
    /// The calendar's figures a shortfall carries (see
    /// [`CalendarSaid::figures`](super::calendar::CalendarSaid::figures)).
    pub fn figures(&self, lang: Lang) -> Option<String> {
        match self {
            WarningSaid::Calendar(s) => s.figures(lang),
            _ => None,
        }
    }

    /// The township-wide remedy a shortfall carries (see
    /// [`CalendarSaid::township_remedy`](super::calendar::CalendarSaid::township_remedy)).
    pub fn township_remedy(&self, lang: Lang) -> Option<String> {
        match self {
            WarningSaid::Calendar(s) => s.township_remedy(lang),
            _ => None,
        }
    }

    /// The warning in a list that says its figures once above.
    pub fn brief(&self, lang: Lang) -> String {
        match self {
            WarningSaid::Calendar(s) => s.brief(lang),
            other => other.say(lang),
        }
    }
}

/// How many warnings of each kind the digest shows before pointing to the
/// `warnings` command.
pub const FIRST_FEW: usize = 3;

/// A kind of warning by its names: the code the plan file keeps, the name
/// each language's tables show, and other names a planner may type.
pub struct KindName {
    pub code: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub also: &'static [&'static str],
}

/// Every kind the planner writes, in the order a planner should read them,
/// with its names in both languages: `--kind` reads any of them, the tables
/// show them. A new kind goes last, so city-summary.csv's columns keep
/// their places.
pub const KIND_NAMES: [KindName; 7] = [
    KindName {
        code: "shortfall",
        en: "station sessions short of people",
        zh: "驻点接待人手不足",
        // The name older versions printed.
        also: &["驻点人手不足", "人手不足"],
    },
    KindName {
        code: "makeup_impossible",
        en: "make-ups that cannot be placed",
        zh: "无法补接待",
        also: &["补接待"],
    },
    KindName {
        code: "household_visits_short",
        en: "household visits that do not fit",
        zh: "入户走访排不下",
        also: &["入户走访"],
    },
    KindName {
        code: "meeting_in_window",
        en: "meetings in the station window",
        zh: "会议占用驻点时间",
        also: &["会议"],
    },
    KindName {
        code: "previous_plan",
        en: "not carried over from the plan in force",
        zh: "原方案未能沿用的部分",
        also: &["原方案"],
    },
    KindName {
        code: "shared_busy_elsewhere",
        en: "shared people who lead no unit here",
        zh: "跨镇街兼任人员不在本镇当驻点领导",
        also: &["跨镇街兼任"],
    },
    KindName {
        code: "window_taken",
        en: "leaders whom meetings keep from every station session",
        zh: "因会议没有一次驻点接待的领导",
        also: &["没有驻点接待", "会议占满驻点时间"],
    },
];

/// The kinds' codes, in [`KIND_NAMES`]' order.
pub const KINDS: [&str; 7] = {
    let mut out = [""; 7];
    let mut i = 0;
    while i < out.len() {
        out[i] = KIND_NAMES[i].code;
        i += 1;
    }
    out
};

/// The name of a kind of warning; an unknown kind (from a newer zhudian) as written.
pub fn kind_label(kind: &str, lang: Lang) -> String {
    match (KIND_NAMES.iter().find(|k| k.code == kind), lang) {
        (Some(k), Lang::En) => k.en.into(),
        (Some(k), Lang::Zh) => k.zh.into(),
        (None, _) => kind.to_string(),
    }
}

/// What a planner can do about a kind of warning, or `None` for an unknown kind.
pub fn remedy(kind: &str, lang: Lang) -> Option<&'static str> {
    let (en, zh) = match kind {
        "shortfall" => (
            "put more township members on the teams, make some weekly units fortnightly, or spread leave; the staffing line above, or each warning, says what would close the gap",
            "给团队增加镇街成员、把部分每周驻点的村（社区）改为两周一次，或错开请假；怎样补足见上方“人手”或每条提醒",
        ),
        "makeup_impossible" => (
            "have another township member stand in while the absent person is away, or shorten the make-up notice period and keep the days after the missed session free of meetings and holidays",
            "缺席者外出期间安排其他镇街成员代班，或缩短补接待提前通知期、在缺席后的补接待期限内少排会议和假期，留出可补接待的日子",
        ),
        // Each warning's own remedy comes first, in either way of visiting:
        // by team, the unit's own people who may assist (a leader of one
        // unit has nothing to shed); by member, visits by the team together
        // (the unit's people added do not visit for a member).
        "household_visits_short" => (
            "what each warning says (by team: add the unit's own people who may assist to the roster; by member: have the team visit each household together); else give that person fewer units or a lighter team load, or raise the households per visit session",
            "先按每条提醒所说的办法（由团队走访的：名册中为该村（社区）加可协助的本村（社区）人员；每人各走一遍的：改为每户由团队共同走访）；其次可减少其联系点、减轻其团队任务，或提高每次走访的户数",
        ),
        "meeting_in_window" => (
            "move the meeting out of the station window; a meeting that cannot move should be marked an emergency",
            "把会议移出驻点时间；确实不能移的会议应标为紧急会议",
        ),
        "previous_plan" => (
            "nothing to do unless it is a surprise: the new plan placed these afresh; check the roster if someone or a unit should not have left",
            "如属预期则无需处理：新方案已重新安排；如有人员或村不应离开，请核对名册",
        ),
        "shared_busy_elsewhere" => (
            "give the townships different station windows, or mark the person shared only on the rosters of the townships they really serve",
            "为这几个镇街定不同的驻点时间，或只在其真正驻点的镇街名册上标为跨镇街兼任",
        ),
        "window_taken" => (
            "move the meeting out of the station window or have someone else attend; or give the leader's units to other leaders",
            "把会议移出驻点时间，或改由别人参会；或把其联系的村（社区）交给其他驻点领导",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::En => en,
        Lang::Zh => zh,
    })
}

/// A remedy as a sentence on its own (a workbook cell, the report): the
/// first letter capitalised and a full stop, 。 in Chinese.
pub fn as_sentence(remedy: &str, lang: Lang) -> String {
    let mut c = remedy.chars();
    match (lang, c.next()) {
        (_, None) => String::new(),
        (Lang::En, Some(first)) => format!("{}{}.", first.to_uppercase(), c.as_str()),
        (Lang::Zh, Some(_)) => format!("{remedy}。"),
    }
}

/// One kind's share of the digest.
#[derive(Debug, Clone, PartialEq)]
pub struct KindDigest {
    pub kind: String,
    pub count: usize,
    /// The first few messages, without the figures said once in `figures`.
    pub first: Vec<String>,
    /// The calendar's figures these warnings share (a shortfall's sessions
    /// to staff and what the members can attend, with the township-wide
    /// remedy), each said once.
    pub figures: Staffing,
}

/// The warnings digest printed at the end of `plan`, `replan` and `check`
/// (nothing when there are none);
/// `plan` is the plan file's path, for the command that lists them all.
pub fn digest(kinds: &[KindDigest], plan: &str, lang: Lang) -> String {
    let total: usize = kinds.iter().map(|k| k.count).sum();
    if total == 0 {
        return String::new();
    }
    let mut out = match lang {
        Lang::En => format!("Warnings: {total}, by kind\n"),
        Lang::Zh => format!("提醒共{total}条，按类别：\n"),
    };
    for k in kinds {
        let label = kind_label(&k.kind, lang);
        out += &match lang {
            Lang::En => format!("  {label}: {}\n", k.count),
            Lang::Zh => format!("  {label}：{}条\n", k.count),
        };
        for f in k.figures.lines(lang) {
            out += &format!("    {f}\n");
        }
        for m in &k.first {
            out += &format!("    - {m}\n");
        }
        let more = k.count.saturating_sub(k.first.len());
        if more > 0 {
            out += &match lang {
                Lang::En => format!(
                    "    … {more} more: zhudian warnings {plan} --kind {}\n",
                    k.kind
                ),
                // The kind by the name the table shows (`--kind` takes it).
                Lang::Zh => format!(
                    "    ……另有{more}条，列出全部：zhudian warnings {plan} --kind {label}\n"
                ),
            };
        }
        if let Some(r) = remedy(&k.kind, lang) {
            out += &match lang {
                Lang::En => format!("    what helps: {r}\n"),
                Lang::Zh => format!("    解决办法：{r}\n"),
            };
        }
    }
    out
}

/// The columns of `zhudian warnings`: kind, date, unit, people, message; in
/// Chinese named as the exported workbook's 提醒 sheet names them (类型, 村居).
pub fn headings(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => ["kind", "date", "unit", "people", "message"],
        Lang::Zh => ["类型", "日期", "村居", "人员", "说明"],
    }
}

/// The short station sessions counted by unit, most first (a planner
/// reporting upwards asked how often each village was short):
/// "缺人的驻点接待，按村（社区）：大坪村 25 次、小坪村 24 次".
pub fn short_by_unit(counts: &[(String, usize)], lang: Lang) -> String {
    match lang {
        Lang::En => {
            let each: Vec<String> = counts.iter().map(|(u, n)| format!("{u} {n}")).collect();
            format!("short sessions by unit: {}", each.join(", "))
        }
        Lang::Zh => {
            let each: Vec<String> = counts.iter().map(|(u, n)| format!("{u} {n} 次")).collect();
            format!("缺人的驻点接待，按村（社区）：{}", each.join("、"))
        }
    }
}

/// `zhudian warnings` when the plan has none (of the kind asked for).
pub fn none(kind: Option<&str>, lang: Lang) -> String {
    match (kind, lang) {
        (None, Lang::En) => "The plan has no warnings.".into(),
        (None, Lang::Zh) => "该方案没有提醒。".into(),
        (Some(k), Lang::En) => format!("The plan has no warnings of kind {k}."),
        (Some(k), Lang::Zh) => format!("该方案没有“{}”类提醒。", kind_label(k, lang)),
    }
}

/// The kind `--kind` names: its code, or its name in either language as the
/// tables show it (a Chinese planner copies 驻点接待人手不足 from the zh
/// output), or another name of [`KIND_NAMES`]; spaces and case aside.
pub fn kind_code(given: &str) -> Option<&'static str> {
    let given: String = given.split_whitespace().collect::<Vec<_>>().join(" ");
    KIND_NAMES
        .iter()
        .find(|k| {
            k.code.eq_ignore_ascii_case(&given)
                || k.en.eq_ignore_ascii_case(&given)
                || k.zh == given
                || k.also.contains(&given.as_str())
        })
        .map(|k| k.code)
}

/// `--kind` names no kind the planner writes: the kinds in the chosen
/// language, and the nearest name where one is close.
pub fn unknown_kind(kind: &str, lang: Lang) -> String {
    let names = KIND_NAMES
        .iter()
        .flat_map(|k| [k.code, k.zh].into_iter().chain(k.also.iter().copied()));
    let near = crate::workbook::schema::nearest(kind.trim(), names)
        .or_else(|| crate::roster::did_you_mean(kind.trim(), KINDS))
        .and_then(|n| kind_code(&n))
        .map(|code| match lang {
            Lang::En => code.to_string(),
            Lang::Zh => kind_label(code, lang),
        });
    let hint = super::places::suggest(&near, lang);
    match lang {
        Lang::En => {
            let named: Vec<String> = KIND_NAMES
                .iter()
                .map(|k| format!("{} ({})", k.code, k.en))
                .collect();
            format!(
                "unknown warning kind '{kind}'{hint}: the kinds are {} (code or name)",
                named.join(", ")
            )
        }
        Lang::Zh => {
            let named: Vec<&str> = KIND_NAMES.iter().map(|k| k.zh).collect();
            format!(
                "未知的提醒类别“{kind}”{hint}：可用的类别有{}（也可写英文代码，如 shortfall）",
                named.join("、")
            )
        }
    }
}

/// The help of `--kind`, in the language asked for before parsing.
pub fn kind_help(lang: Lang) -> String {
    match lang {
        Lang::En => {
            let codes: Vec<&str> = KINDS.to_vec();
            format!(
                "Only warnings of this kind: {}, or the kind's name as the table shows it (station sessions short of people, 驻点接待人手不足)",
                codes.join(", ")
            )
        }
        Lang::Zh => {
            let named: Vec<&str> = KIND_NAMES.iter().map(|k| k.zh).collect();
            format!(
                "只列出这一类提醒：{}（即表中“类型”一列的写法；也可写英文代码，如 shortfall）",
                named.join("、")
            )
        }
    }
}

/// A warning's date where people read it (the terminal table, the report):
/// "1月14日" in Chinese, as the other pages say it, the plan's year being
/// understood; English and CSV keep 2026-01-14. Text that is no date stays.
pub fn shown_date(iso: &str, lang: Lang) -> String {
    use chrono::Datelike;
    match (lang, chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")) {
        (Lang::Zh, Ok(d)) => super::documents::month_day(d.month(), d.day(), lang),
        _ => iso.to_string(),
    }
}

/// `--format` other than table or csv.
pub fn unknown_format(format: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("unknown format '{format}': use table or csv"),
        Lang::Zh => format!("未知的格式“{format}”：请用 table（表格）或 csv"),
    }
}
