//! Words for roster workbooks: what the reader finds wrong in a sheet or a
//! cell, what each sheet and column is for (the template's notes and its
//! `说明` sheet), and the lines of `template`, `convert` and `export`.

use super::{Lang, Say};

/// One thing wrong in a workbook that the roster file has no word for.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookSaid {
    /// Not an XLSX workbook, or a damaged one.
    NotWorkbook {
        detail: String,
    },
    UnknownSheet {
        name: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    MissingSheet,
    UnknownHeader {
        suggestion: Option<String>,
    },
    DuplicateHeader {
        first: String,
    },
    /// A required column is not in the sheet.
    MissingColumn,
    /// A meeting's attendee no cadre or helper has for id or name: the
    /// groups offered as the workbook writes them (全体干部).
    UnknownAttendee {
        id: String,
        suggestion: Option<crate::roster::guess::Guess>,
    },
    /// Merged cells inside a table: only the first holds the value.
    MergedCells,
    /// A row of `基本信息` names no known item.
    UnknownKey {
        suggestion: Option<String>,
    },
    DuplicateKey {
        first: String,
    },
    NotANumber {
        value: String,
    },
    NotWhole {
        value: String,
    },
    NotYesNo {
        value: String,
    },
    /// A text cell that the spreadsheet turned into a date.
    DateInTextCell {
        date: String,
    },
    /// A plain number where a date belongs: which date is meant is unclear.
    NumberInDateCell {
        value: String,
    },
    NumberInTimeCell {
        value: String,
    },
    /// Text in a time cell that reads as no time of day, even with 上午/下午
    /// or 点/时/分.
    NotATimeCell {
        value: String,
    },
    /// A time whose 上午/下午/中午 contradicts its hour (上午13:00, 下午0:30):
    /// the hour and minute as written.
    TimeClash {
        value: String,
        hour: i64,
        minute: i64,
    },
    CellError {
        value: String,
    },
    /// A cell naming a unit (`村组`, 所属村居, 本人所在村居) or a person
    /// (`外出`) the workbook does not have, with the nearest name.
    NoSuchOwner {
        value: String,
        unit: bool,
        suggestion: Option<String>,
    },
    /// An item of the inline `村民小组` column that is not "name households".
    BadHamlet {
        value: String,
    },
    /// A unit whose hamlets are typed inline and also listed in `村组`.
    HamletsTwice,
}

impl Say for WorkbookSaid {
    fn say(&self, lang: Lang) -> String {
        use WorkbookSaid::*;
        let en = lang == Lang::En;
        let suggest = |s: &Option<String>| super::places::suggest(s, lang);
        match self {
            NotWorkbook { detail } => {
                if en {
                    format!("cannot read this as an Excel workbook (.xlsx): {detail}")
                } else {
                    format!("无法作为 Excel 工作簿（.xlsx）读取：{detail}")
                }
            }
            UnknownSheet {
                name,
                suggestion,
                known,
            } => {
                if en {
                    format!(
                        "unknown sheet '{name}'{}; a roster workbook has the sheets {}",
                        suggest(suggestion),
                        known.join(", ")
                    )
                } else {
                    format!(
                        "不认识工作表“{name}”{}；名册工作簿的工作表为 {}",
                        suggest(suggestion),
                        known.join("、")
                    )
                }
            }
            MissingSheet => {
                if en {
                    "this sheet is missing".into()
                } else {
                    "缺少这个工作表".into()
                }
            }
            UnknownHeader { suggestion } => {
                if en {
                    format!("unknown column heading{}", suggest(suggestion))
                } else {
                    format!("没有这个列标题{}", suggest(suggestion))
                }
            }
            DuplicateHeader { first } => {
                if en {
                    format!("this column heading is already used in {first}")
                } else {
                    format!("这个列标题已在 {first} 出现过")
                }
            }
            UnknownAttendee { id, suggestion } => {
                let groups: Vec<&str> = crate::workbook::schema::GROUPS
                    .iter()
                    .map(|w| w.zh)
                    .collect();
                let guess = super::places::guessed(suggestion, lang);
                if en {
                    format!(
                        "there is no cadre or helper '{id}' (groups: {} for all cadres, {} for all helpers){guess}",
                        groups[0], groups[1]
                    )
                } else {
                    format!(
                        "没有编号或姓名为“{id}”的干部或协助人员（分组可写 {}）{guess}",
                        groups.join("、")
                    )
                }
            }
            MergedCells => {
                if en {
                    "these cells are merged: only the first holds the value and the other rows \
                     read as blank; unmerge them and fill in every row"
                        .into()
                } else {
                    "这几格是合并单元格：合并后只有第一格有内容，其余各行会当作空白；请取消合并，每一行都填上"
                        .into()
                }
            }
            MissingColumn => {
                if en {
                    "this column is required but the sheet has none".into()
                } else {
                    "缺少这一必填列".into()
                }
            }
            UnknownKey { suggestion } => {
                if en {
                    format!("unknown item{}", suggest(suggestion))
                } else {
                    format!("没有这个项目{}", suggest(suggestion))
                }
            }
            DuplicateKey { first } => {
                if en {
                    format!("this item is already given in {first}")
                } else {
                    format!("这个项目已在 {first} 填写过")
                }
            }
            NotANumber { value } => {
                if en {
                    format!("'{value}' is not a number")
                } else {
                    format!("“{value}”不是数字")
                }
            }
            NotWhole { value } => {
                if en {
                    format!("{value} is not a whole number")
                } else {
                    format!("{value} 不是整数")
                }
            }
            NotYesNo { value } => {
                if en {
                    format!("'{value}' is neither 是 (yes) nor 否 (no)")
                } else {
                    format!("“{value}”应填“是”或“否”")
                }
            }
            DateInTextCell { date } => {
                if en {
                    format!(
                        "the spreadsheet has turned this cell into a date ({date}); format the cell as text and type it again"
                    )
                } else {
                    format!(
                        "表格软件已把这个单元格变成了日期（{date}）；请将单元格设为文本格式后重新输入"
                    )
                }
            }
            NumberInDateCell { value } => {
                if en {
                    format!("{value} is a plain number, not a date; type the date like 2015-03-02")
                } else {
                    format!("{value} 是普通数字而不是日期；请按 2015-03-02 的格式填写")
                }
            }
            NumberInTimeCell { value } => {
                if en {
                    format!("{value} is a plain number, not a time; type the time like 15:00")
                } else {
                    format!("{value} 是普通数字而不是时刻；请按 15:00 的格式填写")
                }
            }
            NotATimeCell { value } => {
                if en {
                    format!(
                        "'{value}' is not a time of day; type it like 15:00, 下午3:00 or 15点30分"
                    )
                } else {
                    format!("“{value}”不是时刻；请按 15:00、下午3:00 或 15点30分 的格式填写")
                }
            }
            TimeClash {
                value,
                hour,
                minute,
            } => time_clash(value, *hour, *minute, lang),
            CellError { value } => {
                if en {
                    format!("the cell holds the spreadsheet error {value}")
                } else {
                    format!("单元格中是表格错误值 {value}")
                }
            }
            NoSuchOwner {
                value,
                unit: true,
                suggestion,
            } => {
                if en {
                    format!(
                        "'{value}' is neither the name nor the id of a unit in the sheet 村居{}",
                        suggest(suggestion)
                    )
                } else {
                    format!(
                        "“{value}”不是工作表“村居”中任何村居的名称或编号{}",
                        suggest(suggestion)
                    )
                }
            }
            NoSuchOwner {
                value,
                unit: false,
                suggestion,
            } => {
                if en {
                    format!(
                        "'{value}' is neither the name nor the id of anyone in the sheets 干部 and 协助人员{}",
                        suggest(suggestion)
                    )
                } else {
                    format!(
                        "“{value}”不是工作表“干部”“协助人员”中任何人的姓名或编号{}",
                        suggest(suggestion)
                    )
                }
            }
            BadHamlet { value } => {
                if en {
                    format!(
                        "'{value}' is not a hamlet with its households; write each as name and households, like 一组 45、二组 60"
                    )
                } else {
                    format!("“{value}”不是“村民小组 户数”的写法；请写成 一组 45、二组 60 这样")
                }
            }
            HamletsTwice => {
                if en {
                    "this unit's hamlets are typed here and also listed in the sheet 村组; keep one of the two".into()
                } else {
                    "这个村居的村民小组既写在这里，又列在工作表“村组”中；请只保留一处".into()
                }
            }
        }
    }
}

/// What a column (or a `基本信息` item) is for, as the template's notes and
/// its `说明` sheet say it: `(sheet, roster field)`, a `基本信息` item by its
/// label. `year` is the one an example shows: the roster's, or in the
/// empty template the current one.
pub fn note(sheet: &str, key: &str, year: i32, lang: Lang) -> String {
    if (sheet, key) == ("基本信息", "规划年度") {
        return match lang {
            Lang::En => format!("the calendar year to plan, e.g. {year}"),
            Lang::Zh => format!("规划的年度，如 {year}"),
        };
    }
    let (en, zh) = match (sheet, key) {
        ("基本信息", "镇街名称") => ("the township's name", "镇（街道）名称"),
        ("基本信息", "镇政府路网节点") => (
            "the road node where every cadre starts (used in the sheet 道路)",
            "每名干部出发的路网节点（在“道路”表中使用）",
        ),
        ("基本信息", "驻点星期") => (
            "the weekday of the station window: 周一 … 周日",
            "驻点时间在星期几：周一至周日",
        ),
        ("基本信息", "驻点开始时间") => {
            ("the window's start, e.g. 15:00", "驻点时间开始，如 15:00")
        }
        ("基本信息", "驻点结束时间") => {
            ("the window's end, e.g. 18:30", "驻点时间结束，如 18:30")
        }
        ("基本信息", "补接待日") => (
            "weekdays for make-up sessions, e.g. 周六 (default 周六)",
            "可安排补接待的星期，如 周六（默认周六）",
        ),
        ("基本信息", "补接待提前通知天数") => (
            "make-ups are announced this many days ahead (default 3)",
            "补接待至少提前几天公布（默认 3）",
        ),
        ("基本信息", "补接待最迟天数") => (
            "a make-up is held at most this many days after the missed session (default 21)",
            "补接待最迟在缺席后几天内进行（默认 21）",
        ),
        ("基本信息", "轮换方式") => (
            "固定轮换: each unit's leader weeks are posted, a substitute when the leader is blocked; 灵活安排: chosen week by week (default 固定轮换)",
            "固定轮换：公示各村居的领导驻点周次，领导不能到场时代班；灵活安排：逐周安排（默认 固定轮换）",
        ),
        ("基本信息", "每名领导最少联系村居数") => (
            "the fewest units a leader covers (default 2)",
            "每名领导至少联系几个村（社区）（默认 2）",
        ),
        ("基本信息", "每名领导最多联系村居数") => (
            "the most units a leader covers (default 3)",
            "每名领导最多联系几个村（社区）（默认 3）",
        ),
        ("基本信息", "最长路程分钟数") => (
            "no unit farther from the office, one way (blank: no limit)",
            "村（社区）距镇政府的单程最长分钟数（留空：不限）",
        ),
        ("基本信息", "不驻本人所在村居") => (
            "是: no leader in their own home unit (default 是)",
            "是：领导不驻本人所在村居（默认 是）",
        ),
        ("基本信息", "每次接待最少到场人数") => (
            "team members at every station session (default 2)",
            "每次驻点接待至少到场的团队人数（默认 2）",
        ),
        ("基本信息", "每人每户每年走访次数") => (
            "the older item: each member visits each household this often a year (give this or 每户每年走访次数)",
            "旧写法：每名成员每年走访每户的次数（与“每户每年走访次数”二选一）",
        ),
        ("基本信息", "每户每年走访次数") => (
            "each household is visited this often a year (default 2)",
            "每户每年被走访的次数（默认 2）",
        ),
        ("基本信息", "走访由谁完成") => (
            "团队共同: the team shares the visits; 每名成员: every leader and slot helper visits on their own (default 团队共同)",
            "团队共同：团队成员分担走访；每名成员：领导和团队成员各自走访（默认 团队共同）",
        ),
        ("基本信息", "走访日") => (
            "weekdays visits may fall on, separated by 、 (default 周一 to 周五); swapped working days count too",
            "可以走访的星期，用“、”分隔（默认 周一至周五）；调休上班日也算",
        ),
        ("基本信息", "每人每月走访半天上限") => (
            "visit half-days one person spends in a month, at most (default 8)",
            "每人每月用于走访的半天数上限（默认 8）",
        ),
        ("基本信息", "适用法定节假日") => (
            "apply the official public holidays and swapped working days (default 是)",
            "是否按国家法定节假日和调休安排（默认 是）",
        ),
        ("基本信息", "每半天走访户数") => (
            "households one member visits in a half day (default 15)",
            "每人每半天走访的户数（默认 15）",
        ),
        ("基本信息", "工作量口径") => (
            "what balance measures: 户数 or 人口 (default 户数)",
            "均衡按什么计算：户数 或 人口（默认 户数）",
        ),
        ("基本信息", "团队位置") => (
            "one row per helper slot beside the leader, in order: the roles allowed, separated by 、; add （本村居） for the unit's own people (default: 职能部门负责人, then 村党组织书记（本村居）)",
            "领导之外的团队位置，每行一个，按顺序：可担任的角色，用“、”分隔；由本村（社区）人员担任的加“（本村居）”（默认：职能部门负责人；村党组织书记（本村居））",
        ),
        ("基本信息", "均衡权重") => (
            "cost per percentage point a leader's load is off target (default 2)",
            "领导工作量每偏离目标一个百分点计多少分（默认 2）",
        ),
        ("基本信息", "路程权重") => (
            "cost per minute of a leader's station tour (default 1)",
            "领导驻点路线每分钟计多少分（默认 1）",
        ),
        ("基本信息", "领导连续性权重") => (
            "cost per unit whose leader changed, when replanning (default 100)",
            "重新规划时每个更换领导的村（社区）计多少分（默认 100）",
        ),
        ("基本信息", "团队连续性权重") => (
            "cost per team slot whose helper changed, when replanning (default 30)",
            "重新规划时每个更换人员的团队位置计多少分（默认 30）",
        ),
        ("村居", "id") => (
            "a short unique id, e.g. xihai (ids of units, cadres and helpers are all different)",
            "简短且唯一的编号，如 xihai（村居、干部、协助人员的编号都不能重复）",
        ),
        ("村居", "name") => ("the unit's name", "村（社区）名称"),
        ("村居", "kind") => (
            "村, 社区, 重点企业 or 产业社区 (default 村)",
            "村、社区、重点企业 或 产业社区（默认 村）",
        ),
        ("村居", "households") => ("households, more than zero", "户数，大于零"),
        ("村居", "population") => ("population (default 0)", "人口（默认 0）"),
        ("村居", "migrants") => ("migrant population (default 0)", "外来人口（默认 0）"),
        ("村居", "needs") => (
            "skills someone on the team must have, separated by 、 (维稳, 法律, 劳动就业, 养老, 农业, 土地, 教育, 卫生健康, 帮扶, 环保, or your own words)",
            "团队中须有人具备的能力，用“、”分隔（维稳、法律、劳动就业、养老、农业、土地、教育、卫生健康、帮扶、环保，或自拟）",
        ),
        ("村居", "cadence") => (
            "每周 or 隔周 station sessions (default 每周)",
            "每周 或 隔周 驻点（默认 每周）",
        ),
        ("村居", "node") => ("its road node (default: its id)", "路网节点（默认：编号）"),
        ("村居", "place") => (
            "where the station sessions are held, as residents know it (default: the unit's name followed by 党群服务中心)",
            "驻点接待的地点，按群众熟知的叫法填写（默认：村（社区）名称加“党群服务中心”）",
        ),
        ("村组", "unit") => ("the unit's id (or name)", "所属村居的编号（或名称）"),
        ("村组", "name") => ("the hamlet's name", "村民小组名称"),
        ("村组", "households") => (
            "its households; a unit's hamlets add up to the unit's households",
            "户数；同一村居各村民小组户数之和须等于该村居户数",
        ),
        ("干部", "id") => ("a short unique id", "简短且唯一的编号"),
        ("干部", "name") => ("name", "姓名"),
        ("干部", "post") => ("post, e.g. 副镇长", "职务，如 副镇长"),
        ("干部", "skills") => (
            "skills, separated by 、, in the words of 需要的能力",
            "能力，用“、”分隔，与“需要的能力”用词一致",
        ),
        ("干部", "home_unit") => (
            "the unit they come from (id or name)",
            "本人所在村居（编号或名称）",
        ),
        ("干部", "units") => (
            "their own fewest and most units, overriding 基本信息 (both or neither)",
            "本人联系村（社区）数的下限和上限，优先于“基本信息”（同时填写或都不填）",
        ),
        ("干部", "succeeds") => (
            "the person whose place they take over (name or id; when replanning, the id in the previous plan)",
            "被接替者（姓名或编号；重新规划时为上一版方案中的编号）",
        ),
        ("干部", "joins") => (
            "the day they start serving here (a transfer in, a new post); blank: the whole year",
            "在本镇街开始任职的日期（调入、新任）；留空：全年在任",
        ),
        ("干部", "leaves") => (
            "the day they stop serving here (they serve until the day before); blank: the whole year",
            "离开本镇街的日期（任职到前一天为止）；留空：全年在任",
        ),
        ("干部", "transferred_from") => (
            "for a transfer from another township whose id there differs: that township/id, e.g. 高涌镇/qiu-mj",
            "从其他镇街调入且原编号不同时：原镇街/原编号，如 高涌镇/qiu-mj",
        ),
        ("干部", "shared") => (
            "是: also on another township's roster, on purpose (both entries say 是)",
            "是：同时在另一镇街的名册上（两处都须填“是”）",
        ),
        ("协助人员", "id") => ("a short unique id", "简短且唯一的编号"),
        ("协助人员", "name") => ("name", "姓名"),
        ("协助人员", "role") => (
            "职能部门负责人, 村党组织书记, 村“两委”干部, 大学生村官, 志愿服务者, 民警, 律师 or 两代表一委员",
            "职能部门负责人、村党组织书记、村“两委”干部、大学生村官、志愿服务者、民警、律师 或 两代表一委员",
        ),
        ("协助人员", "unit") => (
            "for a unit's own people: their unit (id or name); blank for township staff",
            "本村（社区）人员填所属村居（编号或名称）；镇街人员留空",
        ),
        ("协助人员", "skills") => (
            "skills, separated by 、, in the words of 需要的能力",
            "能力，用“、”分隔，与“需要的能力”用词一致",
        ),
        ("协助人员", "max_teams") => (
            "teams they may serve on (default 1)",
            "最多可参加的团队数（默认 1）",
        ),
        ("协助人员", "succeeds") => (
            "the person whose place they take over (name or id; when replanning, the id in the previous plan)",
            "被接替者（姓名或编号；重新规划时为上一版方案中的编号）",
        ),
        ("协助人员", "joins") => (
            "the day they start serving here (a transfer in, a new post); blank: the whole year",
            "在本镇街开始任职的日期（调入、新任）；留空：全年在任",
        ),
        ("协助人员", "leaves") => (
            "the day they stop serving here (they serve until the day before); blank: the whole year",
            "离开本镇街的日期（任职到前一天为止）；留空：全年在任",
        ),
        ("协助人员", "transferred_from") => (
            "for a transfer from another township whose id there differs: that township/id, e.g. 高涌镇/qiu-mj",
            "从其他镇街调入且原编号不同时：原镇街/原编号，如 高涌镇/qiu-mj",
        ),
        ("协助人员", "shared") => (
            "是: also on another township's roster, on purpose (both entries say 是)",
            "是：同时在另一镇街的名册上（两处都须填“是”）",
        ),
        ("外出", "person") => (
            "the cadre's or helper's id (or name)",
            "干部或协助人员的编号（或姓名）",
        ),
        ("外出", "from") => ("first day away", "外出第一天"),
        ("外出", "to") => ("last day away", "外出最后一天"),
        ("外出", "why") => ("why, e.g. 党校培训", "事由，如 党校培训"),
        ("会议", "title") => ("the meeting's title", "会议名称"),
        ("会议", "attendees") => (
            "ids or names separated by 、, or 全体干部 / 全体协助人员",
            "参会人员的编号或姓名，用“、”分隔；或 全体干部、全体协助人员",
        ),
        ("会议", "date") => ("the (first) date", "（首次）日期"),
        ("会议", "start") => ("start, e.g. 09:00", "开始时间，如 09:00"),
        ("会议", "end") => ("end, e.g. 11:30", "结束时间，如 11:30"),
        ("会议", "repeat") => (
            "不重复, 每周 or 每月 (default 不重复)",
            "不重复、每周 或 每月（默认 不重复）",
        ),
        ("会议", "until") => (
            "last day of the repeats (default: the year's end)",
            "重复到哪一天（默认：年底）",
        ),
        ("会议", "emergency") => (
            "是: may take the station window; lost sessions are made up",
            "是：可占用驻点时间，缺席的接待须补接待",
        ),
        ("村居", "hamlets") => (
            "optional: the hamlets and their households in one cell, like 一组 45、二组 60 (or list them in the sheet 村组)",
            "选填：村民小组及户数写在一格内，如 一组 45、二组 60（也可在“村组”表中逐行填写）",
        ),
        ("调休上班", "name") => ("e.g. 春节调休", "如 春节调休"),
        ("调休上班", "date") => (
            "a weekend day worked in exchange for a holiday: sessions are held as on a working day",
            "因节假日调休而上班的周末日期：当天按工作日安排接待",
        ),
        ("节假日", "name") => ("e.g. 春节", "如 春节"),
        ("节假日", "from") => ("first day (no sessions)", "第一天（不安排接待）"),
        ("节假日", "to") => ("last day", "最后一天"),
        ("道路", "from") => (
            "a road node: the office, a unit's node, or a junction",
            "路网节点：镇政府、村居的节点或路口",
        ),
        ("道路", "to") => ("the other end", "另一端"),
        ("道路", "minutes") => ("minutes to drive it, either way", "通行分钟数（双向）"),
        _ => ("", ""),
    };
    match lang {
        Lang::En => en.to_string(),
        Lang::Zh => zh.to_string(),
    }
}

/// What each sheet of a roster workbook holds, for the `说明` sheet.
pub fn sheet_note(sheet: &str, lang: Lang) -> &'static str {
    let (en, zh) = match sheet {
        "基本信息" => (
            "the township, the station window, the policy and the cost weights: one item a row",
            "镇街、驻点时间、规则和计分权重：每行一项",
        ),
        "村居" => (
            "villages, communities, key enterprises and industrial communities: one a row",
            "村、社区、重点企业和产业社区：每行一个",
        ),
        "村组" => (
            "hamlets (村民小组) of the units, for household visits: one a row",
            "各村居的村民小组（用于入户走访）：每行一个",
        ),
        "干部" => (
            "the township leaders to station: one a row",
            "驻点领导：每行一名",
        ),
        "协助人员" => (
            "department heads, party secretaries and everyone else who may join a team: one a row",
            "职能部门负责人、村党组织书记等可加入团队的人员：每行一名",
        ),
        "外出" => (
            "periods a cadre or helper is away: one a row",
            "干部或协助人员外出的时段：每行一段",
        ),
        "会议" => (
            "meetings that take people from their sessions: one a row",
            "占用人员时间的会议：每行一项",
        ),
        "节假日" => (
            "holidays without sessions: one a row",
            "不安排接待的节假日：每行一段",
        ),
        "调休上班" => (
            "the township's own swapped working days (weekend days worked for a holiday), besides the official ones: one a row",
            "本镇自行调休的上班日（为节假日调休而上班的周末），法定调休日之外：每行一天",
        ),
        "道路" => (
            "roads between nodes, with minutes: one a row",
            "路网节点之间的道路及通行分钟数：每行一条",
        ),
        _ => ("", ""),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The `说明` sheet's opening lines, a date shown in `year` (the roster's,
/// or the current one in the empty template).
pub fn readme_intro(year: i32, lang: Lang) -> Vec<String> {
    match lang {
        Lang::En => vec![
            "A zhudian roster workbook. Fill in the sheets below (headings in row 1, one entry a row), then:".into(),
            "zhudian validate FILE.xlsx  ·  zhudian plan FILE.xlsx -o plan.toml  ·  zhudian export plan.toml --xlsx documents.xlsx".into(),
            format!("Lists go in one cell, separated by 、 or ,. Dates may be real dates or text like {year}-03-02; times like 15:00. Headings marked * are required."),
        ],
        Lang::Zh => vec![
            "zhudian 驻点名册工作簿。请在下列工作表中填写（第 1 行为列标题，每行一项），然后运行：".into(),
            "zhudian validate 名册.xlsx  ·  zhudian plan 名册.xlsx -o plan.toml  ·  zhudian export plan.toml --xlsx 驻点安排.xlsx".into(),
            format!("多项内容写在一个单元格内，用“、”或“,”分隔。日期可以是日期格式，也可以是 {year}-03-02 这样的文字；时刻如 15:00。标有 * 的列必填。"),
        ],
    }
}

/// Headings of the `说明` sheet.
pub fn readme_headers(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::En => ["sheet", "column or item", "what it holds"],
        Lang::Zh => ["工作表", "列或项目", "说明"],
    }
}

/// “上午13:00”前后矛盾：13点是下午，请写 13:00 或 下午1:00; an hour 0 after
/// 下午 is midnight, or the noon hour meant.
fn time_clash(value: &str, hour: i64, minute: i64, lang: Lang) -> String {
    let at = format!("{hour}:{minute:02}");
    match (lang, hour) {
        (Lang::En, 0) => format!(
            "'{value}' contradicts itself: hour 0 is midnight; write {at}, or 12:{minute:02} for the noon hour"
        ),
        (Lang::Zh, 0) => {
            format!("“{value}”前后矛盾：0点是半夜，请写 {at}；如指中午，请写 12:{minute:02}")
        }
        (Lang::En, _) => {
            let (part, zh) = if hour < 18 {
                ("afternoon", "下午")
            } else {
                ("evening", "晚上")
            };
            format!(
                "'{value}' contradicts itself: {hour}:00 is in the {part}; write {at} or {zh}{}:{minute:02}",
                hour - 12
            )
        }
        (Lang::Zh, _) => {
            let zh = if hour < 18 { "下午" } else { "晚上" };
            format!(
                "“{value}”前后矛盾：{hour}点是{zh}，请写 {at} 或 {zh}{}:{minute:02}",
                hour - 12
            )
        }
    }
}
