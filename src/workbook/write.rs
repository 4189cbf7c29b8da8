//! A roster written as a workbook (what `convert` writes for an `.xlsx`
//! target), and the empty, documented template (`template`): the sheets of
//! `schema`, Chinese words for every choice, real dates and times, a
//! drop-down for every fixed choice, a note on every heading and a `说明`
//! sheet. Roster text is always written as text, never as a formula.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatBorder, Note, Workbook,
    Worksheet, XlsxError,
};

use super::schema::*;
use crate::model::{Attendee, Roster};
use crate::wording::Lang;
use crate::wording::workbook::{note, readme_headers, readme_intro, sheet_note};

/// A value to put in a cell.
#[derive(Debug, Clone)]
pub enum Out {
    Text(String),
    Num(f64),
    Date(NaiveDate),
    Time(NaiveTime),
    /// A share, shown as a percentage.
    Pct(f64),
    Empty,
}

/// The formats every workbook zhudian writes shares.
pub struct Styles {
    pub header: Format,
    pub date: Format,
    pub time: Format,
    pub text: Format,
    pub wrap: Format,
    pub pct: Format,
}

impl Styles {
    pub fn new() -> Self {
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border(FormatBorder::Thin)
                .set_text_wrap(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            time: Format::new().set_num_format("hh:mm"),
            text: Format::new().set_num_format("@"),
            wrap: Format::new().set_text_wrap(),
            pct: Format::new().set_num_format("0.0%"),
        }
    }
}

impl Default for Styles {
    fn default() -> Self {
        Self::new()
    }
}

/// Workbook properties fixed, so the same input gives the same bytes.
pub fn new_workbook(title: &str) -> Workbook {
    let mut book = Workbook::new();
    let when = ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date");
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("zhudian")
            .set_creation_datetime(&when),
    );
    book
}

/// Writes one cell: text as text (a name starting with `=` stays a name).
pub fn put(ws: &mut Worksheet, row: u32, col: u16, v: &Out, st: &Styles) -> Result<(), XlsxError> {
    match v {
        Out::Text(s) => ws.write_string(row, col, s)?,
        Out::Num(x) => ws.write_number(row, col, *x)?,
        Out::Date(d) => {
            let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(row, col, dt, &st.date)?
        }
        Out::Time(t) => {
            let dt = ExcelDateTime::from_hms(t.hour() as u16, t.minute() as u8, 0)?;
            ws.write_datetime_with_format(row, col, dt, &st.time)?
        }
        Out::Pct(x) => ws.write_number_with_format(row, col, *x, &st.pct)?,
        Out::Empty => ws,
    };
    Ok(())
}

/// A table's heading row: bold, frozen, filtered over `rows` data rows,
/// with the widths given, printed on A4 landscape with the heading repeated.
pub fn table(
    ws: &mut Worksheet,
    headers: &[(&str, f64)],
    rows: u32,
    st: &Styles,
) -> Result<(), XlsxError> {
    for (c, (h, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !headers.is_empty() {
        ws.autofilter(0, 0, rows.max(1), headers.len() as u16 - 1)?;
    }
    print_a4(ws)?;
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// A4 landscape, one page wide.
pub fn print_a4(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn join(items: &[String]) -> Out {
    if items.is_empty() {
        Out::Empty
    } else {
        Out::Text(items.join("、"))
    }
}

/// Skills in Chinese where `SKILLS` knows them.
fn skills(items: &[String]) -> Out {
    let words: Vec<String> = items.iter().map(|s| zh_of(SKILLS, s)).collect();
    join(&words)
}

/// A unit as a planner names it: its name, or its id where another unit
/// has the same name (the reader takes either).
fn unit_ref(r: &Roster, id: &str) -> String {
    match r.unit_index(id) {
        Some(i) if r.units.iter().filter(|u| u.name == r.units[i].name).count() == 1 => {
            r.units[i].name.clone()
        }
        _ => id.to_string(),
    }
}

/// A person as a planner names them: their name, or their id where another
/// cadre or helper has the same name or the roster does not know them.
fn person_ref(r: &Roster, id: &str) -> String {
    let name = if let Some(i) = r.cadre_index(id) {
        &r.cadres[i].name
    } else if let Some(i) = r.helper_index(id) {
        &r.helpers[i].name
    } else {
        return id.to_string();
    };
    let holders = r.cadres.iter().filter(|c| &c.name == name).count()
        + r.helpers.iter().filter(|h| &h.name == name).count();
    if holders == 1 {
        name.clone()
    } else {
        id.to_string()
    }
}

fn text(s: &str) -> Out {
    if s.is_empty() {
        Out::Empty
    } else {
        Out::Text(s.to_string())
    }
}

fn opt(s: &Option<String>) -> Out {
    s.as_deref().map(text).unwrap_or(Out::Empty)
}

fn zh(words: &[Word], code: &str) -> Out {
    Out::Text(zh_of(words, code))
}

fn weekday_code(w: chrono::Weekday) -> &'static str {
    WEEKDAYS[w.num_days_from_monday() as usize].code
}

fn date(d: Option<chrono::NaiveDate>) -> Out {
    d.map(Out::Date).unwrap_or(Out::Empty)
}

/// `shared`: 是 when set, blank otherwise (most people serve one township).
fn shared(b: bool) -> Out {
    if b { yes_no(true) } else { Out::Empty }
}

fn yes_no(b: bool) -> Out {
    Out::Text(if b { "是" } else { "否" }.into())
}

/// The `基本信息` values of a roster, or the template's defaults.
fn basics(r: Option<&Roster>) -> Vec<(&'static KeyRow, Out)> {
    let mut out: Vec<(&'static KeyRow, Out)> = Vec::new();
    let row = |label: &str| {
        KEYS.iter()
            .find(|k| k.label == label)
            .expect("a known item")
    };
    let slot_text = |roles: &[crate::model::Role], from_unit: bool| {
        let words: Vec<String> = roles.iter().map(|x| zh_of(ROLES, x.as_str())).collect();
        Out::Text(format!(
            "{}{}",
            words.join("、"),
            if from_unit { FROM_UNIT } else { "" }
        ))
    };
    let Some(r) = r else {
        for k in KEYS {
            let v = match k.label {
                "补接待日" => Out::Text("周六".into()),
                "补接待提前通知天数" => Out::Num(3.0),
                "补接待最迟天数" => Out::Num(21.0),
                "轮换方式" => Out::Text("固定轮换".into()),
                "每名领导最少联系村居数" => Out::Num(2.0),
                "每名领导最多联系村居数" => Out::Num(3.0),
                "不驻本人所在村居" => yes_no(true),
                "每次接待最少到场人数" => Out::Num(2.0),
                "每户每年走访次数" => Out::Num(2.0),
                "走访由谁完成" => Out::Text("团队共同".into()),
                "走访日" => Out::Text("周一、周二、周三、周四、周五".into()),
                "每人每月走访半天上限" => Out::Num(8.0),
                "适用法定节假日" => yes_no(true),
                "每半天走访户数" => Out::Num(15.0),
                "工作量口径" => Out::Text("户数".into()),
                "团队位置" => {
                    out.push((k, slot_text(&[crate::model::Role::DepartmentHead], false)));
                    slot_text(&[crate::model::Role::PartySecretary], true)
                }
                "均衡权重" => Out::Num(2.0),
                "路程权重" => Out::Num(1.0),
                "领导连续性权重" => Out::Num(100.0),
                "团队连续性权重" => Out::Num(30.0),
                _ => Out::Empty,
            };
            out.push((k, v));
        }
        return out;
    };
    let p = &r.policy;
    let o = &r.objective;
    let days: Vec<String> = r
        .station
        .makeup_days
        .iter()
        .map(|d| zh_of(WEEKDAYS, weekday_code(*d)))
        .collect();
    let mut put = |label: &str, v: Out| out.push((row(label), v));
    put("镇街名称", text(&r.township.name));
    put("镇政府路网节点", text(&r.township.office));
    put("规划年度", Out::Num(r.township.year as f64));
    put("适用法定节假日", yes_no(r.township.official_holidays));
    put("驻点星期", zh(WEEKDAYS, weekday_code(r.station.weekday)));
    put("驻点开始时间", Out::Time(r.station.start));
    put("驻点结束时间", Out::Time(r.station.end));
    // No make-up day at all is not the default (Saturday): it is written 无.
    put(
        "补接待日",
        if days.is_empty() {
            Out::Text(NONE.into())
        } else {
            join(&days)
        },
    );
    put(
        "补接待提前通知天数",
        Out::Num(r.station.makeup_notice_days as f64),
    );
    put(
        "每名领导最少联系村居数",
        Out::Num(p.units_per_leader.0 as f64),
    );
    put(
        "每名领导最多联系村居数",
        Out::Num(p.units_per_leader.1 as f64),
    );
    put(
        "最长路程分钟数",
        if p.max_travel_minutes.is_finite() {
            Out::Num(p.max_travel_minutes)
        } else {
            Out::Empty
        },
    );
    put("不驻本人所在村居", yes_no(p.avoid_home_unit));
    put("每次接待最少到场人数", Out::Num(p.min_present as f64));
    put("每户每年走访次数", Out::Num(p.household_visits as f64));
    let by = match p.household_visits_by {
        crate::model::VisitsBy::Team => "team",
        crate::model::VisitsBy::Member => "member",
    };
    put("走访由谁完成", zh(VISITS_BY, by));
    let days: Vec<String> = p
        .visit_days
        .iter()
        .map(|d| zh_of(WEEKDAYS, weekday_code(*d)))
        .collect();
    put("走访日", Out::Text(days.join("、")));
    put(
        "每人每月走访半天上限",
        Out::Num(p.visit_half_days_per_month as f64),
    );
    put(
        "每半天走访户数",
        Out::Num(p.households_per_visit_session as f64),
    );
    put("工作量口径", zh(WORKLOADS, p.workload.as_str()));
    for s in &p.team {
        put("团队位置", slot_text(&s.roles, s.from_unit));
    }
    let rotation = match p.rotation {
        crate::model::Rotation::Fixed => "fixed",
        crate::model::Rotation::Flexible => "flexible",
    };
    put("轮换方式", zh(ROTATIONS, rotation));
    put("均衡权重", Out::Num(o.balance));
    put("路程权重", Out::Num(o.travel));
    put("领导连续性权重", Out::Num(o.continuity));
    put("团队连续性权重", Out::Num(o.helper_continuity));
    out
}

/// Each table sheet's rows, from the roster.
fn rows(r: &Roster, sheet: &str) -> Vec<Vec<Out>> {
    let n = |x: u32| Out::Num(x as f64);
    match sheet {
        "村居" => r
            .units
            .iter()
            .map(|u| {
                vec![
                    text(&u.id),
                    text(&u.name),
                    zh(KINDS, u.kind.as_str()),
                    n(u.households),
                    n(u.population),
                    n(u.migrants),
                    skills(&u.needs),
                    zh(CADENCES, u.cadence.as_str()),
                    if u.node == u.id {
                        Out::Empty
                    } else {
                        text(&u.node)
                    },
                    u.place.as_deref().map(text).unwrap_or(Out::Empty),
                    // Hamlets go to the sheet 村组, a row each.
                    Out::Empty,
                ]
            })
            .collect(),
        "村组" => r
            .units
            .iter()
            .flat_map(|u| {
                u.hamlets
                    .iter()
                    .map(|h| vec![text(&u.id), text(&h.name), n(h.households)])
            })
            .collect(),
        "干部" => r
            .cadres
            .iter()
            .map(|c| {
                let (lo, hi) = match c.units {
                    Some((lo, hi)) => (Out::Num(lo as f64), Out::Num(hi as f64)),
                    None => (Out::Empty, Out::Empty),
                };
                vec![
                    text(&c.id),
                    text(&c.name),
                    text(&c.post),
                    skills(&c.skills),
                    opt(&c.home_unit.as_ref().map(|u| unit_ref(r, u))),
                    lo,
                    hi,
                    opt(&c.succeeds.as_ref().map(|p| person_ref(r, p))),
                    date(c.joins),
                    date(c.leaves),
                    opt(&c.transferred_from),
                    shared(c.shared),
                ]
            })
            .collect(),
        "协助人员" => r
            .helpers
            .iter()
            .map(|h| {
                vec![
                    text(&h.id),
                    text(&h.name),
                    zh(ROLES, h.role.as_str()),
                    opt(&h.unit.as_ref().map(|u| unit_ref(r, u))),
                    skills(&h.skills),
                    Out::Num(h.max_teams as f64),
                    opt(&h.succeeds.as_ref().map(|p| person_ref(r, p))),
                    date(h.joins),
                    date(h.leaves),
                    opt(&h.transferred_from),
                    shared(h.shared),
                ]
            })
            .collect(),
        "外出" => r
            .cadres
            .iter()
            .map(|c| (&c.id, &c.away))
            .chain(r.helpers.iter().map(|h| (&h.id, &h.away)))
            .flat_map(|(id, away)| {
                away.iter()
                    .map(|p| vec![text(id), Out::Date(p.from), Out::Date(p.to), text(&p.why)])
            })
            .collect(),
        "会议" => r
            .meetings
            .iter()
            .map(|m| {
                let who: Vec<String> = m
                    .attendees
                    .iter()
                    .map(|a| match a {
                        Attendee::AllCadres => zh_of(GROUPS, "all-cadres"),
                        Attendee::AllHelpers => zh_of(GROUPS, "all-helpers"),
                        Attendee::Person(id) => person_ref(r, id),
                    })
                    .collect();
                vec![
                    text(&m.title),
                    join(&who),
                    Out::Date(m.date),
                    Out::Time(m.start),
                    Out::Time(m.end),
                    zh(REPEATS, m.repeat.as_str()),
                    m.until.map(Out::Date).unwrap_or(Out::Empty),
                    yes_no(m.emergency),
                ]
            })
            .collect(),
        "节假日" => r
            .holidays
            .iter()
            .map(|h| vec![text(&h.why), Out::Date(h.from), Out::Date(h.to)])
            .collect(),
        "调休上班" => r
            .workdays
            .iter()
            .map(|p| vec![text(&p.why), Out::Date(p.from)])
            .collect(),
        "道路" => r
            .roads
            .iter()
            .map(|x| vec![text(&x.from), text(&x.to), Out::Num(x.minutes)])
            .collect(),
        _ => Vec::new(),
    }
}

/// Rows a drop-down covers below the heading.
const CHOICE_ROWS: u32 = 2000;

/// The roster as a workbook (`None`: the empty template with its defaults).
/// Notes and the `说明` sheet are in `lang`; headings stay Chinese.
pub fn roster_workbook(r: Option<&Roster>, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    // The year the notes' examples show: the roster's; in the empty
    // template, this year's (a planner fills it in for the year at hand).
    let year = r.map_or_else(|| chrono::Local::now().year(), |r| r.township.year);
    let title = r
        .map(|r| format!("{} 驻点名册", r.township.name))
        .unwrap_or_else(|| "驻点名册".into());
    let mut book = new_workbook(&title);
    {
        let ws = book.add_worksheet();
        ws.set_name(BASICS)?;
        let heads: Vec<(&str, f64)> = BASICS_HEADERS
            .iter()
            .copied()
            .zip([24.0, 26.0, 70.0])
            .collect();
        let values = basics(r);
        table(ws, &heads, values.len() as u32, &st)?;
        for (i, (k, v)) in values.iter().enumerate() {
            let row = i as u32 + 1;
            let label = if k.required {
                format!("{} *", k.label)
            } else {
                k.label.to_string()
            };
            ws.write_string(row, 0, &label)?;
            put(ws, row, 1, v, &st)?;
            ws.write_string_with_format(row, 2, note(BASICS, k.label, year, lang), &st.wrap)?;
            if let Kind::Choice(words) = k.kind {
                let dv = DataValidation::new()
                    .allow_list_strings(&words.iter().map(|w| w.zh).collect::<Vec<_>>())?
                    .ignore_blank(true);
                ws.add_data_validation(row, 1, row, 1, &dv)?;
            }
        }
    }
    for sheet in SHEETS {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name)?;
        let data = r.map(|r| rows(r, sheet.name)).unwrap_or_default();
        let heads: Vec<(String, f64)> = sheet
            .cols
            .iter()
            .map(|c| {
                let h = if c.required {
                    format!("{} *", c.header)
                } else {
                    c.header.to_string()
                };
                (h, c.width.max(c.header.chars().count() as f64 * 2.0 + 4.0))
            })
            .collect();
        let heads_ref: Vec<(&str, f64)> = heads.iter().map(|(h, w)| (h.as_str(), *w)).collect();
        table(ws, &heads_ref, data.len() as u32, &st)?;
        for (c, col) in sheet.cols.iter().enumerate() {
            let c = c as u16;
            ws.insert_note(
                0,
                c,
                &Note::new(note(sheet.name, col.key, year, lang)).add_author_prefix(false),
            )?;
            match col.kind {
                Kind::Choice(words) => {
                    let dv = DataValidation::new()
                        .allow_list_strings(&words.iter().map(|w| w.zh).collect::<Vec<_>>())?
                        .ignore_blank(true);
                    ws.add_data_validation(1, c, CHOICE_ROWS, c, &dv)?;
                }
                Kind::Text
                | Kind::UnitRef
                | Kind::PersonRef
                | Kind::List
                | Kind::Skills
                | Kind::Attendees
                | Kind::Hamlets => {
                    // Typed ids stay text: 001 keeps its zeros, 3-1 stays 3-1.
                    ws.set_column_format(c, &st.text)?;
                }
                _ => {}
            }
        }
        for (i, row) in data.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, i as u32 + 1, c as u16, v, &st)?;
            }
        }
    }
    readme(&mut book, year, lang, &st)?;
    book.save_to_buffer()
}

/// The `说明` sheet: what each sheet, column and item holds.
fn readme(book: &mut Workbook, year: i32, lang: Lang, st: &Styles) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(README)?;
    let mut row = 0;
    for line in readme_intro(year, lang) {
        ws.write_string(row, 0, &line)?;
        row += 1;
    }
    row += 1;
    let heads = readme_headers(lang);
    for (c, (h, w)) in heads.iter().zip([12.0, 24.0, 90.0]).enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &st.header)?;
        ws.set_column_width(c as u16, w)?;
    }
    row += 1;
    let mut line = |ws: &mut Worksheet, a: &str, b: &str, c: &str| -> Result<(), XlsxError> {
        ws.write_string(row, 0, a)?;
        ws.write_string(row, 1, b)?;
        ws.write_string_with_format(row, 2, c, &st.wrap)?;
        row += 1;
        Ok(())
    };
    line(ws, BASICS, "", sheet_note(BASICS, lang))?;
    for k in KEYS {
        line(ws, "", k.label, &note(BASICS, k.label, year, lang))?;
    }
    for sheet in SHEETS {
        line(ws, sheet.name, "", sheet_note(sheet.name, lang))?;
        for c in sheet.cols {
            line(ws, "", c.header, &note(sheet.name, c.key, year, lang))?;
        }
    }
    print_a4(ws)?;
    Ok(())
}
