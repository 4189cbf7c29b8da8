//! A careful reader over TOML's spanned tree: every field a section asks for
//! is looked up here, so wrong types, missing fields and unknown fields (the
//! ones nobody asked for) are all collected with their line, never just the
//! first one.

use std::cell::RefCell;
use std::ops::Range;

use chrono::{NaiveDate, NaiveTime, Timelike};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Problem;
use crate::model::Place;
use crate::wording::roster::RosterSaid;
use crate::workbook::schema::{Word, code_of, nearest, spellings, zh_of};

/// The file being read and the problems found so far.
pub(crate) struct Cx<'s> {
    pub file: String,
    text: &'s str,
    /// Byte offset where each line starts, for line numbers by binary search.
    line_starts: Vec<usize>,
    pub problems: RefCell<Vec<Problem>>,
    /// The roster's year once [township] is read, for examples in messages.
    pub year: std::cell::Cell<i32>,
}

impl<'s> Cx<'s> {
    pub fn new(file: &str, text: &'s str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Cx {
            file: file.to_string(),
            text,
            line_starts,
            problems: RefCell::new(Vec::new()),
            year: std::cell::Cell::new(2015),
        }
    }

    pub fn line(&self, span: &Range<usize>) -> usize {
        let at = span.start.min(self.text.len());
        self.line_starts.partition_point(|&start| start <= at)
    }

    /// The 1-based column, in characters, of byte offset `at` on its line.
    pub fn column(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let line = self.line(&(at..at));
        let start = self.line_starts[line - 1];
        self.text.get(start..at).map_or(0, |s| s.chars().count()) + 1
    }

    /// Line and column of byte offset `at`, as a place.
    pub fn at(&self, at: usize) -> Place {
        Place {
            line: Some(self.line(&(at..at))),
            column: Some(self.column(at)),
            ..Place::default()
        }
    }

    /// Reports the first full-width character in the text at `span` (a
    /// value), with its column; whether there was one.
    pub fn full_width_in(&self, mut place: Place, span: &Range<usize>) -> bool {
        let Some((i, ch)) = self
            .text
            .get(span.clone())
            .and_then(super::fullwidth::first_in)
        else {
            return false;
        };
        let at = span.start + i;
        place.line = Some(self.line(&(at..at)));
        place.column = Some(self.column(at));
        let ascii = super::fullwidth::ascii_for(ch).unwrap_or(ch);
        self.report(place, RosterSaid::FullWidth { ch, ascii });
        true
    }

    pub fn report(&self, place: Place, said: RosterSaid) {
        self.problems.borrow_mut().push(Problem {
            file: self.file.clone(),
            place,
            said,
        });
    }
}

pub(crate) fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
    }
}

/// The closest of `known` to `word`, when it is close enough to be a typo.
pub fn did_you_mean<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for k in known {
        let score = strsim::jaro_winkler(word, k);
        if score > best.map(|b| b.0).unwrap_or(0.0) {
            best = Some((score, k));
        }
    }
    best.filter(|(s, _)| *s >= 0.8).map(|(_, k)| k.to_string())
}

/// One table of the roster (a section, or one entry of an array section).
pub(crate) struct Tab<'c, 's, 'a, 'i> {
    pub cx: &'c Cx<'s>,
    pub section: String,
    pub id: Option<String>,
    t: &'a DeTable<'i>,
    pub line: usize,
    /// A required section that is missing altogether: said once, not per field.
    pub absent: bool,
    /// For a table inside a field (`away`, `hamlets`): that field's name.
    prefix: String,
    asked: RefCell<Vec<&'static str>>,
}

impl<'c, 's, 'a, 'i> Tab<'c, 's, 'a, 'i> {
    pub fn new(cx: &'c Cx<'s>, section: &str, t: &'a DeTable<'i>, span: &Range<usize>) -> Self {
        Tab {
            cx,
            section: section.to_string(),
            id: None,
            t,
            line: cx.line(span),
            absent: false,
            prefix: String::new(),
            asked: RefCell::new(Vec::new()),
        }
    }

    /// Looks a field up and remembers that the section knows it.
    pub fn get(&self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.asked.borrow_mut().push(key);
        self.t
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    pub fn has(&self, key: &'static str) -> bool {
        self.get(key).is_some()
    }

    pub fn place(&self, field: &str) -> Place {
        let line = self
            .t
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == field)
            .map(|(k, _)| self.cx.line(&k.span()))
            .unwrap_or(self.line);
        Place {
            section: self.section.clone(),
            id: self.id.clone(),
            field: Some(format!("{}{field}", self.prefix)),
            line: Some(line),
            column: None,
        }
    }

    pub fn report(&self, field: &str, said: RosterSaid) {
        self.cx.report(self.place(field), said);
    }

    fn wrong(&self, key: &str, expected: &'static str, v: &DeValue) {
        // "１２００" or "[2，3]" in quotes: the full-width character is the news.
        if let DeValue::String(_) = v
            && let Some((_, val)) = self.t.iter().find(|(k, _)| k.get_ref().as_ref() == key)
            && self.cx.full_width_in(self.place(key), &val.span())
        {
            return;
        }
        self.report(
            key,
            RosterSaid::WrongType {
                expected,
                found: type_name(v),
            },
        );
    }

    fn missing(&self, key: &str) {
        if self.absent {
            return;
        }
        self.report(key, RosterSaid::MissingField);
    }

    pub fn str(&self, key: &'static str) -> Option<String> {
        match self.get(key)?.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            v => {
                self.wrong(key, "string", v);
                None
            }
        }
    }

    pub fn req_str(&self, key: &'static str) -> Option<String> {
        if !self.has(key) {
            self.missing(key);
        }
        self.str(key)
    }

    pub fn int(&self, key: &'static str) -> Option<i64> {
        match self.get(key)?.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.report(
                        key,
                        RosterSaid::TooBig {
                            value: i64::MAX,
                            max: i64::MAX,
                        },
                    );
                    None
                }
            },
            v => {
                self.wrong(key, "integer", v);
                None
            }
        }
    }

    pub fn req_int(&self, key: &'static str) -> Option<i64> {
        if !self.has(key) {
            self.missing(key);
        }
        self.int(key)
    }

    /// A count that must fit the model: not negative and not absurdly large.
    pub fn count(&self, key: &'static str, max: i64) -> Option<u32> {
        let n = self.int(key)?;
        if n < 0 {
            self.report(
                key,
                RosterSaid::Negative {
                    value: n.to_string(),
                },
            );
            None
        } else if n > max {
            self.report(key, RosterSaid::TooBig { value: n, max });
            None
        } else {
            Some(n as u32)
        }
    }

    pub fn num(&self, key: &'static str) -> Option<f64> {
        match self.get(key)?.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            v => {
                self.wrong(key, "number", v);
                None
            }
        }
    }

    /// A weight or limit: a number that must not be negative.
    pub fn non_negative(&self, key: &'static str) -> Option<f64> {
        let x = self.num(key)?;
        if !(x >= 0.0 && x.is_finite()) {
            self.report(
                key,
                RosterSaid::Negative {
                    value: x.to_string(),
                },
            );
            return None;
        }
        Some(x)
    }

    pub fn bool(&self, key: &'static str) -> Option<bool> {
        match self.get(key)?.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            v => {
                self.wrong(key, "boolean", v);
                None
            }
        }
    }

    pub fn strs(&self, key: &'static str) -> Option<Vec<String>> {
        match self.get(key)?.get_ref() {
            DeValue::Array(a) => {
                let mut out = Vec::new();
                for v in a.iter() {
                    match v.get_ref() {
                        DeValue::String(s) => out.push(s.to_string()),
                        other => {
                            self.wrong(key, "list of strings", other);
                            return None;
                        }
                    }
                }
                Some(out)
            }
            v => {
                self.wrong(key, "list of strings", v);
                None
            }
        }
    }

    /// `[min, max]` as two non-negative integers.
    pub fn pair(&self, key: &'static str) -> Option<(usize, usize)> {
        let v = self.get(key)?;
        let bad = || self.wrong(key, "[min, max]", v.get_ref());
        let DeValue::Array(a) = v.get_ref() else {
            bad();
            return None;
        };
        let nums: Vec<i64> = a
            .iter()
            .filter_map(|x| match x.get_ref() {
                DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
                _ => None,
            })
            .collect();
        if nums.len() != 2 || a.len() != 2 {
            bad();
            return None;
        }
        let (lo, hi) = (nums[0], nums[1]);
        if lo < 0 || hi < 0 {
            self.report(
                key,
                RosterSaid::Negative {
                    value: format!("[{lo}, {hi}]"),
                },
            );
            return None;
        }
        if lo > hi {
            self.report(key, RosterSaid::BoundsReversed { min: lo, max: hi });
            return None;
        }
        if hi > 10 {
            self.report(key, RosterSaid::TooBig { value: hi, max: 10 });
            return None;
        }
        Some((lo as usize, hi as usize))
    }

    pub fn date(&self, key: &'static str) -> Option<NaiveDate> {
        let v = self.get(key)?;
        let text = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
            other => {
                self.wrong(key, "string", other);
                return None;
            }
        };
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                let year = self.cx.year.get();
                if let Some(meant) = crate::workbook::cells::month_day(&text, year) {
                    self.report(key, RosterSaid::NoYear { value: text, meant });
                } else if !self.cx.full_width_in(self.place(key), &v.span()) {
                    self.report(key, RosterSaid::BadDate { value: text, year });
                }
                None
            }
        }
    }

    pub fn req_date(&self, key: &'static str) -> Option<NaiveDate> {
        if !self.has(key) {
            self.missing(key);
        }
        self.date(key)
    }

    pub fn time(&self, key: &'static str) -> Option<NaiveTime> {
        let v = self.get(key)?;
        let text = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(d) if d.date.is_none() => d.to_string(),
            other => {
                self.wrong(key, "string", other);
                return None;
            }
        };
        // "15：00" or "１５:00", as a Chinese input method types it, can
        // mean nothing else (the workbook reads its cells so too).
        let t = super::fullwidth::time_digits(text.trim());
        match NaiveTime::parse_from_str(&t, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(&t, "%H:%M:%S"))
        {
            // The calendar and `check` work in minutes: 18:30:30 would
            // plan as 18:30 and then fail every session's check.
            Ok(x) if x.second() != 0 => {
                self.report(key, RosterSaid::TimeWithSeconds { value: text });
                None
            }
            Ok(x) => Some(x),
            Err(_) => {
                if !self.cx.full_width_in(self.place(key), &v.span()) {
                    self.report(key, RosterSaid::BadTime { value: text });
                }
                None
            }
        }
    }

    pub fn req_time(&self, key: &'static str) -> Option<NaiveTime> {
        if !self.has(key) {
            self.missing(key);
        }
        self.time(key)
    }

    /// A word from a fixed list; reports the list and a near miss otherwise.
    pub fn choice<T>(
        &self,
        key: &'static str,
        allowed: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let s = self.str(key)?;
        self.check_choice(key, &s, allowed, parse)
    }

    pub fn check_choice<T>(
        &self,
        key: &str,
        s: &str,
        allowed: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let got = parse(s);
        if got.is_none() && self.full_width_said(key, s) {
            return None;
        }
        if got.is_none() {
            self.report(
                key,
                RosterSaid::BadChoice {
                    value: s.to_string(),
                    allowed: allowed.iter().map(|a| a.to_string()).collect(),
                    suggestion: did_you_mean(s, allowed.iter().copied()),
                },
            );
        }
        got
    }

    /// "Ｔｕｅ" or "ｗｅｅｋｌｙ": the full-width letters are the news, as for
    /// digits; true when that has been said.
    fn full_width_said(&self, key: &str, s: &str) -> bool {
        super::fullwidth::first_in(s).is_some()
            && self
                .t
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == key)
                .is_some_and(|(_, val)| self.cx.full_width_in(self.place(key), &val.span()))
    }

    /// A word from a list the workbook reads too: its code (`biweekly`), its
    /// Chinese word (`隔周`) or another spelling of it (`双周`), as the code.
    pub fn word(&self, key: &'static str, words: &'static [Word]) -> Option<&'static str> {
        let s = self.str(key)?;
        if let Some(code) = code_of(words, &s) {
            return Some(code);
        }
        if self.full_width_said(key, &s) {
            return None;
        }
        // The nearest spelling, said in the script it was typed in.
        let spelt = nearest(&s, words.iter().map(|w| w.code).chain(spellings(words)))
            .or_else(|| did_you_mean(&s, words.iter().map(|w| w.code)));
        let suggestion = spelt.and_then(|n| {
            let code = code_of(words, &n)?;
            Some(if n == code {
                code.to_string()
            } else {
                zh_of(words, code)
            })
        });
        self.report(
            key,
            RosterSaid::BadWord {
                value: s,
                codes: words.iter().map(|w| w.code.to_string()).collect(),
                zh: words.iter().map(|w| w.zh.to_string()).collect(),
                suggestion,
            },
        );
        None
    }

    /// The tables in an array field (inline tables, e.g. hamlets or away).
    pub fn tables(&self, key: &'static str) -> Vec<Tab<'c, 's, 'a, 'i>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(a) = v.get_ref() else {
            self.wrong(key, "array", v.get_ref());
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in a.iter() {
            match item.get_ref() {
                DeValue::Table(t) => {
                    let mut tab = Tab::new(self.cx, &self.section, t, &item.span());
                    tab.id = self.id.clone();
                    tab.prefix = format!("{}{key}.", self.prefix);
                    out.push(tab);
                }
                other => self.wrong(key, "table", other),
            }
        }
        out
    }

    /// The fields looked up so far: after a reader ran, the section's fields.
    pub fn asked(&self) -> Vec<&'static str> {
        self.asked.borrow().clone()
    }

    /// Reports every field nobody asked for, with the nearest known name.
    pub fn finish(&self) {
        let asked = self.asked.borrow().clone();
        for (k, _) in self.t.iter() {
            let name = k.get_ref().as_ref();
            if !asked.contains(&name) {
                let line = self.cx.line(&k.span());
                self.cx.report(
                    Place {
                        section: self.section.clone(),
                        id: self.id.clone(),
                        field: Some(format!("{}{name}", self.prefix)),
                        line: Some(line),
                        column: None,
                    },
                    RosterSaid::UnknownField {
                        suggestion: did_you_mean(name, asked.iter().copied()),
                    },
                );
            }
        }
    }
}
