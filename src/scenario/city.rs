//! City-wide what-if (`zhudian whatif CITY SCENARIOS`): the figures of the
//! base and of each variant, township by township; the city's totals, the
//! districts' subtotals and the townships a variant changes most. Also the
//! check of the names a variant's `townships` and `districts` give. Typed
//! results only: the command layer plans, prints and writes.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use super::variants::{line_of, problem};
use crate::plan::PlanFile;
use crate::roster::{Problem, Problems, did_you_mean};
use crate::wording::roster::RosterSaid;
use crate::wording::scenario::VariantSaid;

/// One township's (or a sum of townships') figures under one variant.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub shortfalls: usize,
    pub makeups: usize,
    pub station_sessions: usize,
    pub visit_sessions: usize,
    /// The leaders' largest load deviation (%); the worst of a sum's townships.
    pub max_deviation_pct: f64,
    /// Units whose leader differs from the base's (0 for the base).
    pub moved: usize,
    pub cost: f64,
}

impl Figures {
    /// The figures of `plan`, its leaders compared with `base`'s.
    pub fn of(plan: &PlanFile, base: Option<&PlanFile>) -> Figures {
        let m = &plan.plan.metrics;
        let moved = base.map_or(0, |b| {
            let now: BTreeMap<&str, &str> = plan
                .assignment
                .iter()
                .map(|a| (a.unit.as_str(), a.leader.as_str()))
                .collect();
            b.assignment
                .iter()
                .filter(|a| now.get(a.unit.as_str()) != Some(&a.leader.as_str()))
                .count()
        });
        Figures {
            shortfalls: m.shortfall_sessions,
            makeups: m.makeup_sessions,
            station_sessions: m.station_sessions,
            visit_sessions: m.household_visit_sessions,
            max_deviation_pct: m.max_deviation_pct,
            moved,
            cost: plan.plan.cost,
        }
    }

    fn add(&mut self, o: &Figures) {
        self.shortfalls += o.shortfalls;
        self.makeups += o.makeups;
        self.station_sessions += o.station_sessions;
        self.visit_sessions += o.visit_sessions;
        self.max_deviation_pct = self.max_deviation_pct.max(o.max_deviation_pct);
        self.moved += o.moved;
        self.cost += o.cost;
    }

    /// How much `self` (a variant) changes from `base`, staffing first:
    /// sessions without a township member, make-ups, units whose leader
    /// changes, station sessions, household visit sessions, cost (in cents), the
    /// largest deviation (in tenths). All zero: no change.
    pub fn change(&self, base: &Figures) -> [u64; 7] {
        let d = |a: usize, b: usize| a.abs_diff(b) as u64;
        [
            d(self.shortfalls, base.shortfalls),
            d(self.makeups, base.makeups),
            self.moved as u64,
            d(self.station_sessions, base.station_sessions),
            d(self.visit_sessions, base.visit_sessions),
            ((self.cost - base.cost).abs() * 100.0).round() as u64,
            ((self.max_deviation_pct - base.max_deviation_pct).abs() * 10.0).round() as u64,
        ]
    }
}

/// A township's figures under the base (first) and each variant; `None`
/// where it could not be planned.
#[derive(Debug, Clone, PartialEq)]
pub struct Town {
    pub township: String,
    pub district: Option<String>,
    pub figures: Vec<Option<Figures>>,
    /// Per column, the units whose leader the column's plan changes from
    /// the base's, each with its reason as `replan` gives it
    /// (`scenario::replan::changes`); empty for the base and where the
    /// column was not planned.
    pub moves: Vec<Vec<crate::wording::scenario::ChangeSaid>>,
}

impl Town {
    /// Planned under the base and every variant.
    pub fn complete(&self) -> bool {
        self.figures.iter().all(Option::is_some)
    }
}

/// The sum of some townships under the base and each variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The district; `None` for the whole city.
    pub district: Option<String>,
    pub townships: usize,
    /// Per column; `None` for a variant not planned in every township
    /// whose base is (its sum would not compare with the base's).
    pub figures: Vec<Option<Figures>>,
}

/// The city's what-if: the names (the base first) and every township.
#[derive(Debug, Clone, PartialEq)]
pub struct CityWhatif {
    /// The office's name (`[city] name`: 佛山市, 示例县), empty when none:
    /// the totals are 示例县合计 for a county.
    pub city: String,
    pub names: Vec<String>,
    pub towns: Vec<Town>,
}

impl CityWhatif {
    /// The sum of `towns`: a column with none where one of them whose
    /// base is planned is not planned under it. One variant that cannot be
    /// planned somewhere must not take the other columns' sums with it.
    fn sum<'a>(&self, district: Option<String>, towns: impl Iterator<Item = &'a Town>) -> Group {
        let towns: Vec<&Town> = towns.collect();
        // A column has this sum where planned in each of its townships.
        let counted: Vec<bool> = (0..self.names.len())
            .map(|v| {
                towns
                    .iter()
                    .filter(|t| t.figures[0].is_some())
                    .all(|t| t.figures.get(v).is_some_and(Option::is_some))
            })
            .collect();
        let mut g = Group {
            district,
            townships: 0,
            figures: counted.iter().map(|c| c.then(Figures::default)).collect(),
        };
        for t in towns.into_iter().filter(|t| t.figures[0].is_some()) {
            g.townships += 1;
            for (s, f) in g.figures.iter_mut().zip(&t.figures) {
                if let (Some(s), Some(f)) = (s, f) {
                    s.add(f);
                }
            }
        }
        g
    }

    /// The city's totals over the townships whose base is planned; a
    /// variant not planned in one of them has none (a district's subtotal
    /// likewise over its own townships).
    pub fn total(&self) -> Group {
        self.sum(None, self.towns.iter())
    }

    /// Each district's subtotal, districts in order of first appearance.
    pub fn districts(&self) -> Vec<Group> {
        let mut names: Vec<&String> = Vec::new();
        for t in &self.towns {
            if let Some(d) = &t.district
                && !names.contains(&d)
            {
                names.push(d);
            }
        }
        names
            .into_iter()
            .map(|d| {
                let towns = self.towns.iter().filter(|t| t.district.as_ref() == Some(d));
                self.sum(Some(d.clone()), towns)
            })
            .collect()
    }

    /// The townships left out of every comparison (their base could not
    /// be planned), by name.
    pub fn left_out(&self) -> Vec<String> {
        self.towns
            .iter()
            .filter(|t| t.figures[0].is_none())
            .map(|t| t.township.clone())
            .collect()
    }

    /// The townships whose base is planned but variant `v` is not, by name;
    /// and how many townships have the base planned.
    pub fn not_planned(&self, v: usize) -> (Vec<String>, usize) {
        let based: Vec<&Town> = self
            .towns
            .iter()
            .filter(|t| t.figures[0].is_some())
            .collect();
        let names = based
            .iter()
            .filter(|t| t.figures.get(v).is_none_or(Option::is_none))
            .map(|t| t.township.clone())
            .collect();
        (names, based.len())
    }

    /// The townships variant `v` changes, most first (see
    /// [`Figures::change`]; ties in the city's order), among those where
    /// both it and the base are planned: at most `n` of them, and how many
    /// change in all.
    pub fn most_changed(&self, v: usize, n: usize) -> (Vec<&Town>, usize) {
        let mut changed: Vec<(&Town, [u64; 7])> = self
            .towns
            .iter()
            .filter_map(|t| {
                let (b, x) = (t.figures[0].as_ref()?, t.figures.get(v)?.as_ref()?);
                let c = x.change(b);
                (c != [0; 7]).then_some((t, c))
            })
            .collect();
        changed.sort_by_key(|c| std::cmp::Reverse(c.1));
        let all = changed.len();
        (changed.into_iter().take(n).map(|(t, _)| t).collect(), all)
    }
}

/// Checks every variant's `townships` and `districts`: lists of strings,
/// each naming a township of the city (its name or file name without
/// `.toml`) or one of its districts; each problem at its line, with a
/// did-you-mean.
pub fn check_scopes(
    text: &str,
    file: &str,
    towns: &[(String, String)],
    districts: &[String],
    city: &str,
) -> Result<(), Problems> {
    let Ok(doc) = DeTable::parse(text) else {
        return Ok(()); // the syntax error is the variants reader's to say
    };
    let doc = doc.into_inner();
    let mut problems = Vec::new();
    let variants = doc
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == "variant")
        .map(|(_, v)| v);
    let Some(DeValue::Array(variants)) = variants.map(|v| v.get_ref()) else {
        return Ok(());
    };
    let town_names: Vec<&str> = towns
        .iter()
        .flat_map(|(n, s)| [n.as_str(), s.as_str()])
        .collect();
    for v in variants.iter() {
        let DeValue::Table(t) = v.get_ref() else {
            continue;
        };
        let name = t
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == "name")
            .and_then(|(_, v)| match v.get_ref() {
                DeValue::String(s) => Some(s.to_string()),
                _ => None,
            });
        for (k, value) in t.iter() {
            let key = k.get_ref().as_ref();
            if key != "townships" && key != "districts" {
                continue;
            }
            let mut bad = |line: usize, said: RosterSaid| {
                problems.push(problem(
                    file,
                    "[[variant]]",
                    name.as_deref(),
                    Some(key),
                    line,
                    said,
                ));
            };
            let DeValue::Array(items) = value.get_ref() else {
                let line = line_of(text, value.span().start);
                bad(
                    line,
                    RosterSaid::WrongType {
                        expected: "list of strings",
                        found: "other",
                    },
                );
                continue;
            };
            for item in items.iter() {
                let line = line_of(text, item.span().start);
                let DeValue::String(s) = item.get_ref() else {
                    bad(
                        line,
                        RosterSaid::WrongType {
                            expected: "list of strings",
                            found: "other",
                        },
                    );
                    continue;
                };
                let s = s.as_ref();
                if key == "townships" && !town_names.contains(&s) {
                    // A slip of one character in a short Chinese name
                    // (石锋镇 for 石峰镇) is the usual mistake: guessed as
                    // every unknown reference is.
                    let entries = towns.iter().map(|(n, st)| (st.as_str(), n.as_str()));
                    let guessed =
                        crate::roster::guess::guess(s, entries).map(|g| g.name.unwrap_or(g.id));
                    let said = VariantSaid::UnknownTownship {
                        name: s.to_string(),
                        suggestion: guessed.or_else(|| did_you_mean(s, town_names.iter().copied())),
                        city: city.to_string(),
                    };
                    bad(line, RosterSaid::Variant(said));
                } else if key == "districts" && !districts.iter().any(|d| d == s) {
                    let said = VariantSaid::UnknownDistrict {
                        name: s.to_string(),
                        suggestion: did_you_mean(s, districts.iter().map(String::as_str)),
                        known: districts.to_vec(),
                        city: city.to_string(),
                    };
                    bad(line, RosterSaid::Variant(said));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problems(problems))
    }
}

/// A variant's problem for one township as every township says it: its
/// guess left out, since each township guesses among its own entries. Two
/// townships lacking the same entry then agree.
pub fn unguessed(p: &Problem) -> Problem {
    let mut p = p.clone();
    match &mut p.said {
        RosterSaid::UnknownUnit { suggestion, .. }
        | RosterSaid::Variant(VariantSaid::UnknownId { suggestion, .. }) => *suggestion = None,
        _ => {}
    }
    p
}

/// An entry no township has, said with one township's guess and its
/// roster `file`; `None` when this problem carries no guess.
pub fn nowhere_in_city(p: &Problem, file: &str) -> Option<Problem> {
    use crate::wording::city_whatif::{Nowhere, Sought};
    let (id, sought, guess) = match &p.said {
        RosterSaid::UnknownUnit {
            id,
            suggestion: Some(g),
        } => (id, Sought::Unit, g),
        RosterSaid::Variant(VariantSaid::UnknownId {
            id,
            units,
            suggestion: Some(g),
        }) => (id, if *units { Sought::Any } else { Sought::Person }, g),
        _ => return None,
    };
    let mut p = p.clone();
    p.said = RosterSaid::Variant(VariantSaid::NowhereInCity(Nowhere {
        id: id.clone(),
        sought,
        guess: guess.clone(),
        file: file.to_string(),
    }));
    Some(p)
}
