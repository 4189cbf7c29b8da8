//! Unit selectors of what-if variants: `units = [{ where = { kind =
//! "village", min_travel_minutes = 20, min_households = 500 }, cadence =
//! "biweekly" }]` changes every unit of the base roster that matches all the
//! conditions given (a kind or a list of kinds; at least so many minutes from
//! the office by road; at least so many households). The selection is made
//! on the base roster, before the variant's other changes.

use crate::model::{Roster, UnitKind};
use crate::wording::roster::RosterSaid;

/// The fields a `where` takes.
pub const FIELDS: [&str; 3] = ["kind", "min_travel_minutes", "min_households"];

/// A unit selector, read and checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Where {
    /// Any of these kinds; empty = every kind.
    pub kinds: Vec<UnitKind>,
    pub min_travel_minutes: Option<f64>,
    pub min_households: Option<u32>,
}

fn type_of(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "string",
        toml::Value::Integer(_) => "integer",
        toml::Value::Float(_) => "float",
        toml::Value::Boolean(_) => "boolean",
        toml::Value::Datetime(_) => "datetime",
        toml::Value::Array(_) => "array",
        toml::Value::Table(_) => "table",
    }
}

/// Reads a `where` table; Err with the field (`where.kind`…) and what is wrong.
// Parsed once per scenario entry, never in a loop: the error's size does not matter.
#[allow(clippy::result_large_err)]
pub fn parse(v: &toml::Value) -> Result<Where, (String, RosterSaid)> {
    let Some(t) = v.as_table() else {
        return Err((
            "where".into(),
            RosterSaid::WrongType {
                expected: "table",
                found: type_of(v),
            },
        ));
    };
    let mut w = Where::default();
    for (k, x) in t {
        let field = format!("where.{k}");
        match k.as_str() {
            "kind" => {
                let words: Vec<&toml::Value> = match x {
                    toml::Value::Array(a) => a.iter().collect(),
                    other => vec![other],
                };
                for word in words {
                    let Some(s) = word.as_str() else {
                        return Err((
                            field,
                            RosterSaid::WrongType {
                                expected: "string",
                                found: type_of(word),
                            },
                        ));
                    };
                    let Some(kind) = UnitKind::parse(s) else {
                        let allowed: Vec<String> = UnitKind::ALL
                            .iter()
                            .map(|k| k.as_str().to_string())
                            .collect();
                        return Err((
                            field,
                            RosterSaid::BadChoice {
                                value: s.to_string(),
                                suggestion: crate::roster::did_you_mean(
                                    s,
                                    UnitKind::ALL.map(|k| k.as_str()),
                                ),
                                allowed,
                            },
                        ));
                    };
                    w.kinds.push(kind);
                }
            }
            "min_travel_minutes" => {
                let m = match x {
                    toml::Value::Integer(i) => *i as f64,
                    toml::Value::Float(f) => *f,
                    other => {
                        return Err((
                            field,
                            RosterSaid::WrongType {
                                expected: "number",
                                found: type_of(other),
                            },
                        ));
                    }
                };
                if m < 0.0 {
                    return Err((
                        field,
                        RosterSaid::Negative {
                            value: m.to_string(),
                        },
                    ));
                }
                w.min_travel_minutes = Some(m);
            }
            "min_households" => match x {
                toml::Value::Integer(i) if *i >= 0 => {
                    w.min_households = Some((*i).min(u32::MAX as i64) as u32)
                }
                toml::Value::Integer(i) => {
                    return Err((
                        field,
                        RosterSaid::Negative {
                            value: i.to_string(),
                        },
                    ));
                }
                other => {
                    return Err((
                        field,
                        RosterSaid::WrongType {
                            expected: "integer",
                            found: type_of(other),
                        },
                    ));
                }
            },
            _ => {
                return Err((
                    field,
                    RosterSaid::UnknownField {
                        suggestion: crate::roster::did_you_mean(k, FIELDS),
                    },
                ));
            }
        }
    }
    Ok(w)
}

impl Where {
    /// The ids of the roster's units this selects, in roster order.
    pub fn select(&self, r: &Roster) -> Vec<String> {
        r.units
            .iter()
            .enumerate()
            .filter(|(i, u)| {
                (self.kinds.is_empty() || self.kinds.contains(&u.kind))
                    && self.min_households.is_none_or(|h| u.households >= h)
                    && self.min_travel_minutes.is_none_or(|m| {
                        r.travel
                            .office_to_unit
                            .get(*i)
                            .copied()
                            .flatten()
                            .is_some_and(|t| t >= m)
                    })
            })
            .map(|(_, u)| u.id.clone())
            .collect()
    }
}
