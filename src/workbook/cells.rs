//! One cell read the way a planner meant it: numbers typed as text, text
//! typed as numbers, dates as real dates or as text, yes and no in several
//! spellings. What cannot be read unambiguously is reported, never guessed.

use calamine::Data;
use chrono::NaiveDate;

use super::schema::{Word, code_of, nearest};
use crate::wording::roster::RosterSaid;
use crate::wording::workbook::WorkbookSaid as W;

/// A value as the roster file will hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    Str(String),
    Int(i64),
    Num(f64),
    Bool(bool),
    List(Vec<String>),
    /// Ready TOML text (a unit's inline hamlets).
    Raw(String),
}

impl Lit {
    /// The value as TOML text.
    pub fn toml(&self) -> String {
        match self {
            Lit::Str(s) => quote(s),
            Lit::Int(i) => i.to_string(),
            Lit::Num(x) => format!("{x}"),
            Lit::Bool(b) => b.to_string(),
            Lit::List(v) => format!(
                "[{}]",
                v.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", ")
            ),
            Lit::Raw(t) => t.clone(),
        }
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            Lit::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// A TOML string literal, escaped by the toml crate.
pub fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

pub type Got<T> = Result<Option<T>, RosterSaid>;

fn bad(w: W) -> RosterSaid {
    RosterSaid::Workbook(w)
}

/// Full-width digits and punctuation, as Chinese input methods type them.
fn half_width(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '：' => ':',
            '－' | '—' => '-',
            '／' => '/',
            '，' => ',',
            _ => c,
        })
        .collect()
}

/// A number the way a spreadsheet shows it: 1180, 2.5.
pub fn num_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn date_text(d: &calamine::ExcelDateTime) -> String {
    let (y, m, day, h, min, _, _) = d.to_ymd_hms_milli();
    if d.as_f64().fract() == 0.0 {
        format!("{y:04}-{m:02}-{day:02}")
    } else if d.as_f64() < 1.0 {
        format!("{h:02}:{min:02}")
    } else {
        format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}")
    }
}

/// Text, with numbers written as a planner typed them (an id 101, not 101.0).
pub fn text(d: &Data) -> Got<String> {
    match d {
        Data::Empty => Ok(None),
        Data::String(s) => {
            let t = s.trim();
            Ok((!t.is_empty()).then(|| t.to_string()))
        }
        Data::Int(i) => Ok(Some(i.to_string())),
        Data::Float(x) => Ok(Some(num_text(*x))),
        Data::Bool(b) => Ok(Some(if *b { "TRUE" } else { "FALSE" }.to_string())),
        Data::DateTime(dt) => Err(bad(W::DateInTextCell {
            date: date_text(dt),
        })),
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Err(bad(W::DateInTextCell { date: s.clone() }))
        }
        Data::Error(e) => Err(bad(W::CellError {
            value: e.to_string(),
        })),
    }
}

/// A number typed as text: "1180", "1,180", "１１８０", "1180户", "40 分钟".
pub fn parse_number(s: &str) -> Option<f64> {
    let t = half_width(s);
    let mut t = t.as_str();
    for unit in ["分钟", "户", "人", "名", "个", "次", "天"] {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.trim_end();
            break;
        }
    }
    let plain: String = if t.contains(',') {
        // Only real thousands separators: 1,180 but not 1,18 (a list?).
        let int = t.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int.trim_start_matches('-').split(',').collect();
        let ok = groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            return None;
        }
        t.replace(',', "")
    } else {
        t.to_string()
    };
    plain.parse::<f64>().ok().filter(|x| x.is_finite())
}

pub fn num(d: &Data) -> Got<f64> {
    match d {
        Data::Empty => Ok(None),
        Data::Int(i) => Ok(Some(*i as f64)),
        Data::Float(x) => Ok(Some(*x)),
        Data::String(s) if s.trim().is_empty() => Ok(None),
        Data::String(s) => match parse_number(s) {
            Some(x) => Ok(Some(x)),
            None => Err(bad(W::NotANumber {
                value: s.trim().to_string(),
            })),
        },
        Data::Error(e) => Err(bad(W::CellError {
            value: e.to_string(),
        })),
        other => Err(bad(W::NotANumber {
            value: text(other)
                .map(|t| t.unwrap_or_default())
                .unwrap_or_else(|_| other.to_string()),
        })),
    }
}

pub fn int(d: &Data) -> Got<i64> {
    match num(d)? {
        None => Ok(None),
        Some(x) if x.fract() == 0.0 && x.abs() < 9e15 => Ok(Some(x as i64)),
        Some(x) => Err(bad(W::NotWhole { value: num_text(x) })),
    }
}

/// A unit's hamlets in one cell: `一组 45、二组 60`, `一组：45户；二组（60户）`.
/// Each item is a name followed by its households; the result is the
/// roster's `hamlets = [...]` value as TOML text.
pub fn hamlets(d: &Data) -> Got<String> {
    let Some(t) = text(d)? else {
        return Ok(None);
    };
    let mut items = Vec::new();
    for item in t
        .split(['、', ',', '，', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let plain = half_width(item);
        let body = plain.trim_end_matches([')', '）', ' ']);
        let body = body.strip_suffix('户').unwrap_or(body).trim_end();
        let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (name, count) = body.split_at(body.len() - digits);
        let name = name
            .trim_end_matches([' ', ':', '(', '（', '-', '='])
            .trim();
        match count.parse::<u32>() {
            Ok(n) if !name.is_empty() => {
                items.push(format!("{{ name = {}, households = {n} }}", quote(name)))
            }
            _ => {
                return Err(bad(W::BadHamlet {
                    value: item.to_string(),
                }));
            }
        }
    }
    Ok((!items.is_empty()).then(|| format!("[{}]", items.join(", "))))
}

pub fn yes_no(d: &Data) -> Got<bool> {
    match d {
        Data::Empty => Ok(None),
        Data::Bool(b) => Ok(Some(*b)),
        Data::Int(1) => Ok(Some(true)),
        Data::Int(0) => Ok(Some(false)),
        Data::Float(x) if *x == 1.0 => Ok(Some(true)),
        Data::Float(x) if *x == 0.0 => Ok(Some(false)),
        _ => {
            let Some(t) = text(d)? else {
                return Ok(None);
            };
            match t.to_lowercase().as_str() {
                "是" | "true" | "yes" | "y" | "1" | "√" | "✓" | "对" => Ok(Some(true)),
                "否" | "false" | "no" | "n" | "0" | "×" | "✗" | "不" => Ok(Some(false)),
                _ => Err(bad(W::NotYesNo { value: t })),
            }
        }
    }
}

/// The spellings of a date a planner writes, as the refusal of a wrong date lists them.
const DATE_FORMATS: [&str; 5] = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"];

/// A date written as text in any usual spelling (2026-07-01, 2026/7/1,
/// 2026.7.1, 2026年7月1日, 20260701; full-width digits too): the one reader
/// for workbook cells and the command line's date flags.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = half_width(text);
    DATE_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&t, f).ok())
}

/// A date written without its year (7月1日, 7月1号, 7.1, 7/1, 7-1, 4.13) on
/// the roster's `year`: what the planner most likely meant, to offer it.
pub fn month_day(text: &str, year: i32) -> Option<NaiveDate> {
    let t = half_width(text);
    let t = t.trim().trim_end_matches(['日', '号']);
    let (m, d) = t
        .split_once('月')
        .or_else(|| t.split_once(['.', '/', '-']))?;
    let (m, d) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
    NaiveDate::from_ymd_opt(year, m, d)
}

/// A date as `YYYY-MM-DD`: a real date, or text in the usual spellings.
/// Text that is no date passes through, for the roster's own message.
pub fn date(d: &Data) -> Got<String> {
    match d {
        Data::Empty => Ok(None),
        Data::DateTime(dt) if dt.as_f64() >= 1.0 => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            Ok(Some(format!("{y:04}-{m:02}-{day:02}")))
        }
        Data::DateTimeIso(s) => Ok(Some(s.chars().take(10).collect())),
        Data::Int(_) | Data::Float(_) => {
            let x = num(d)?.unwrap_or(0.0);
            let eight = num_text(x);
            match NaiveDate::parse_from_str(&eight, "%Y%m%d") {
                Ok(day) if eight.len() == 8 => Ok(Some(day.format("%Y-%m-%d").to_string())),
                _ => Err(bad(W::NumberInDateCell { value: eight })),
            }
        }
        Data::String(s) => {
            let t = half_width(s);
            if t.is_empty() {
                return Ok(None);
            }
            Ok(Some(
                parse_date(&t)
                    .map(|day| day.format("%Y-%m-%d").to_string())
                    .unwrap_or_else(|| s.trim().to_string()),
            ))
        }
        other => text(other),
    }
}

fn hm(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

/// A time of day as `HH:MM`: a real time, a whole hour, or text.
pub fn time(d: &Data) -> Got<String> {
    match d {
        Data::Empty => Ok(None),
        Data::DateTime(dt) => Ok(Some(hm((dt.as_f64().fract() * 1440.0).round() as i64))),
        Data::Float(x) if (0.0..1.0).contains(x) => Ok(Some(hm((x * 1440.0).round() as i64))),
        Data::Int(_) | Data::Float(_) => match num(d)? {
            Some(h) if h.fract() == 0.0 && (0.0..24.0).contains(&h) => Ok(Some(hm(h as i64 * 60))),
            x => Err(bad(W::NumberInTimeCell {
                value: num_text(x.unwrap_or(0.0)),
            })),
        },
        Data::String(s) => {
            let t = half_width(s);
            if t.is_empty() {
                return Ok(None);
            }
            if let Some(m) = parse_time(&t) {
                return Ok(Some(hm(m)));
            }
            // Seconds are the roster reader's to refuse, with its own words.
            if chrono::NaiveTime::parse_from_str(&t, "%H:%M:%S").is_ok() {
                return Ok(Some(t));
            }
            if let Some((hour, minute)) = clashing_time(&t) {
                return Err(bad(W::TimeClash {
                    value: t,
                    hour,
                    minute,
                }));
            }
            Err(bad(W::NotATimeCell { value: t }))
        }
        other => text(other),
    }
}

/// A time of day written as text, in minutes after midnight: 15:00, 9点,
/// 14时30分, 9点半, with 上午/早上 or 下午/晚上 (下午2:30 is 14:30) or 中午
/// before it. A prefix that contradicts the hour (上午13:00) or leaves it
/// open (上午12:00) is no time: refused rather than guessed.
pub fn parse_time(text: &str) -> Option<i64> {
    let (part, h, m) = split_time(text)?;
    let h = match (part, h) {
        (None, h) => h,
        (Some('a'), 0..=11) => h,
        (Some('p'), 1..=11) => h + 12,
        (Some('p'), 12..) => h,
        (Some('n'), 11..=13) => h,
        (Some('n'), 1..=2) => h + 12,
        _ => return None,
    };
    Some(h * 60 + m)
}

/// The hour and minute of a time whose 上午/下午 contradicts its hour: a
/// morning or noon hour past 13:00 (上午13:00), an afternoon or noon hour 0
/// (下午0:30). Said apart from "not a time": the writing is right, the
/// time is wrong.
pub fn clashing_time(text: &str) -> Option<(i64, i64)> {
    match split_time(text)? {
        (Some('a' | 'n'), h @ 13.., m) | (Some('p' | 'n'), h @ 0, m) => Some((h, m)),
        _ => None,
    }
}

/// A time's 上午 ('a'), 下午 ('p') or 中午 ('n'), hour and minute as
/// written, the hour below 24 and the minute below 60.
fn split_time(text: &str) -> Option<(Option<char>, i64, i64)> {
    let t = text.trim();
    let (part, rest) = [
        ("上午", 'a'),
        ("早上", 'a'),
        ("下午", 'p'),
        ("晚上", 'p'),
        ("中午", 'n'),
    ]
    .iter()
    .find_map(|(p, k)| t.strip_prefix(p).map(|r| (Some(*k), r.trim())))
    .unwrap_or((None, t));
    let (h, m) = if let Some((h, m)) = rest.split_once(':') {
        (h, m)
    } else if let Some((h, m)) = rest.split_once(['点', '时']) {
        let m = m.strip_suffix('分').unwrap_or(m);
        (
            h,
            if m == "半" {
                "30"
            } else if m.is_empty() {
                "0"
            } else {
                m
            },
        )
    } else {
        return None;
    };
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(h) || !all_digits(m) {
        return None;
    }
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((part, h, m))
}

/// Words in one cell, split on `、`, `,` or `;` (full-width too).
pub fn list(d: &Data) -> Got<Vec<String>> {
    let Some(t) = text(d)? else {
        return Ok(None);
    };
    let items: Vec<String> = t
        .split(['、', ',', '，', ';', '；'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Ok((!items.is_empty()).then_some(items))
}

/// A word from a fixed list, as its code.
pub fn choice(words: &'static [Word], value: &str) -> Result<String, RosterSaid> {
    code_of(words, value)
        .map(str::to_string)
        .ok_or_else(|| RosterSaid::BadChoice {
            value: value.to_string(),
            allowed: words.iter().map(|w| w.zh.to_string()).collect(),
            // The nearest of every spelling (村支部书纪 is near 村党支部书记),
            // said as the word the workbook writes.
            suggestion: nearest(value, super::schema::spellings(words))
                .or_else(|| crate::roster::did_you_mean(value, words.iter().map(|w| w.code)))
                .map(|s| {
                    code_of(words, &s)
                        .map(|c| super::schema::zh_of(words, c))
                        .unwrap_or(s)
                }),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_without_its_year_takes_the_rosters_year() {
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        assert_eq!(month_day("7月1日", 2026), d(7, 1));
        assert_eq!(month_day("7月1号", 2026), d(7, 1));
        assert_eq!(month_day("4.13", 2026), d(4, 13));
        assert_eq!(month_day("７/１", 2026), d(7, 1));
        assert_eq!(month_day("13.4", 2026), None);
        assert_eq!(month_day("2月30日", 2026), None);
        assert_eq!(month_day("下周一", 2026), None);
    }

    #[test]
    fn times_written_in_words_are_read_where_unambiguous() {
        let at = |s| parse_time(s).map(hm);
        for (s, want) in [
            ("15:00", "15:00"),
            ("9:05", "09:05"),
            ("上午9:00", "09:00"),
            ("下午2:30", "14:30"),
            ("下午12:30", "12:30"),
            ("下午14:30", "14:30"),
            ("晚上8点", "20:00"),
            ("中午12点", "12:00"),
            ("9点", "09:00"),
            ("9点半", "09:30"),
            ("14时30分", "14:30"),
            ("14点30", "14:30"),
        ] {
            assert_eq!(at(s).as_deref(), Some(want), "{s}");
        }
        for s in [
            "上午13:00",
            "上午12:00",
            "下午0:30",
            "25:00",
            "9:60",
            "傍晚",
            "九点",
            "9",
        ] {
            assert_eq!(at(s), None, "{s}");
        }
        for (s, clash) in [
            ("上午13:00", Some((13, 0))),
            ("早上20点半", Some((20, 30))),
            ("中午14:00", Some((14, 0))),
            ("下午0:30", Some((0, 30))),
            ("晚上0点", Some((0, 0))),
            ("上午12:00", None),
            ("下午2:30", None),
            ("25:00", None),
        ] {
            assert_eq!(clashing_time(s), clash, "{s}");
        }
    }

    #[test]
    fn numbers_typed_as_text_are_read_as_meant() {
        assert_eq!(parse_number("1180"), Some(1180.0));
        assert_eq!(parse_number(" 1,180 "), Some(1180.0));
        assert_eq!(parse_number("１１８０"), Some(1180.0));
        assert_eq!(parse_number("1180户"), Some(1180.0));
        assert_eq!(parse_number("40 分钟"), Some(40.0));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("1,18"), None);
        assert_eq!(parse_number("一千"), None);
        assert_eq!(
            int(&Data::String("12.5".into())),
            Err(bad(W::NotWhole {
                value: "12.5".into()
            }))
        );
        assert_eq!(int(&Data::Float(420.0)), Ok(Some(420)));
    }

    #[test]
    fn numbers_in_text_columns_keep_their_digits() {
        assert_eq!(text(&Data::Float(101.0)), Ok(Some("101".into())));
        assert_eq!(text(&Data::Float(2.5)), Ok(Some("2.5".into())));
    }

    #[test]
    fn dates_are_read_from_real_dates_and_text() {
        for s in [
            "2015-03-02",
            "2015/3/2",
            "2015年3月2日",
            "2015.03.02",
            "２０１５-０３-０２",
        ] {
            assert_eq!(
                date(&Data::String(s.into())),
                Ok(Some("2015-03-02".into())),
                "{s}"
            );
        }
        assert_eq!(date(&Data::Int(20150302)), Ok(Some("2015-03-02".into())));
        assert!(date(&Data::Int(42065)).is_err());
        assert_eq!(time(&Data::Float(0.625)), Ok(Some("15:00".into())));
        assert_eq!(time(&Data::Int(15)), Ok(Some("15:00".into())));
        assert_eq!(
            time(&Data::String("15：30".into())),
            Ok(Some("15:30".into()))
        );
    }

    #[test]
    fn lists_split_on_either_separator() {
        assert_eq!(
            list(&Data::String("stability、legal, labour，a".into())),
            Ok(Some(vec![
                "stability".into(),
                "legal".into(),
                "labour".into(),
                "a".into()
            ]))
        );
    }
}
