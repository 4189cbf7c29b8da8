//! The city's figures to send upward (`city-summary.csv`): one row per
//! township read from its roster and its plan, a subtotal row per district
//! (when the townships say their districts) and the city's total. Counts
//! add up, but for people: a township's row counts its own roster's leaders
//! in force at the year's end (as the township's report and `validate` do,
//! `Roster::cadres_in_force`), those who left or handed over during the
//! year said apart, and so are shared cadres who lead no unit here; a subtotal or the total counts each person once (a
//! shared person, or one transferred between two of its townships, is one
//! person, and one who left one township for another of the sum is in
//! force, not gone); the gap and the largest deviation are the worst of the rows
//! summed over, since a sum of percentages means nothing. The rows are
//! typed data; `csv` renders them (UTF-8 with a BOM, CRLF, formula-like
//! cells neutralised) and the command layer writes the file.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Role, Roster};
use crate::plan::PlanFile;
use crate::wording::Lang;
use crate::wording::city_summary as words;
use crate::wording::warnings::KINDS;

/// The file a city run writes beside its plans.
pub const FILE_NAME: &str = "city-summary.csv";

/// One township's figures, or the sum of several.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Leaders in force at the year's end.
    pub leaders: usize,
    /// Leaders who left or handed over during the year (not in `leaders`).
    pub leaders_left: usize,
    /// Shared cadres on the roster who lead no unit here (not in
    /// `leaders`; `scenario::in_post::shared_leading_none`); on a sum, those
    /// who lead in none of its townships.
    pub shared_idle: usize,
    pub units: usize,
    /// Helpers in the roster, by role, in `Role::ALL` order.
    pub helpers: [usize; Role::ALL.len()],
    pub cost: f64,
    pub gap: f64,
    pub max_deviation_pct: f64,
    pub station_sessions: usize,
    pub shortfall_sessions: usize,
    /// Of `shortfall_sessions`, those made up later (`scenario::short`).
    pub shortfall_made_up: usize,
    pub makeup_sessions: usize,
    pub visit_sessions: usize,
    /// Warnings by kind (the plan's own kind strings).
    pub warnings: BTreeMap<String, usize>,
    /// The people counted: (0 for a leader, else 1 + the helper's role in
    /// `Role::ALL`, the person's key across the city).
    pub people: BTreeSet<(usize, String)>,
    /// The keys of the leaders who left or handed over during the year.
    pub left: BTreeSet<String>,
    /// The keys of the shared cadres counted in `shared_idle`.
    pub idle: BTreeSet<String>,
}

impl Figures {
    /// A township's figures: people and units from its roster, the rest
    /// from its plan file. `keys` gives each person's key across the city
    /// (`roster::across::person_keys`); without it, id and name.
    pub fn of(
        roster: &Roster,
        plan: &PlanFile,
        keys: Option<&BTreeMap<String, String>>,
    ) -> Figures {
        let key = |id: &str, name: &str| {
            keys.and_then(|k| k.get(id).cloned())
                .unwrap_or_else(|| format!("{id}\u{1f}{name}"))
        };
        let mut people = BTreeSet::new();
        let mut left = BTreeSet::new();
        let idle_here = crate::scenario::in_post::shared_leading_none(roster, plan);
        let idle: BTreeSet<String> = idle_here.iter().map(|c| key(&c.id, &c.name)).collect();
        for c in &roster.cadres {
            if roster.gone_by_year_end(&c.id) {
                left.insert(key(&c.id, &c.name));
            } else if idle_here.iter().any(|i| i.id == c.id) {
                // Said apart: he leads nothing here.
            } else {
                people.insert((0, key(&c.id, &c.name)));
            }
        }
        let mut helpers = [0; Role::ALL.len()];
        for h in &roster.helpers {
            if let Some(i) = Role::ALL.iter().position(|r| *r == h.role) {
                helpers[i] += 1;
                people.insert((i + 1, key(&h.id, &h.name)));
            }
        }
        let mut warnings = BTreeMap::new();
        for w in &plan.warning {
            *warnings.entry(w.kind.clone()).or_insert(0) += 1;
        }
        let m = &plan.plan.metrics;
        let (short, made_up) = crate::scenario::short::counts(roster, plan);
        debug_assert_eq!(short, m.shortfall_sessions);
        Figures {
            leaders: roster.cadres_in_force().count() - idle.len(),
            leaders_left: left.len(),
            shared_idle: idle.len(),
            units: roster.units.len(),
            helpers,
            cost: plan.plan.cost,
            gap: plan.plan.gap,
            max_deviation_pct: m.max_deviation_pct,
            station_sessions: m.station_sessions,
            shortfall_sessions: short,
            shortfall_made_up: made_up,
            makeup_sessions: m.makeup_sessions,
            visit_sessions: m.household_visit_sessions,
            warnings,
            people,
            left,
            idle,
        }
    }

    /// Adds `o` in: counts and cost summed, gap and deviation the worst,
    /// people counted once each.
    fn add(&mut self, o: &Figures) {
        self.leaders += o.leaders;
        self.leaders_left += o.leaders_left;
        self.shared_idle += o.shared_idle;
        self.units += o.units;
        for (a, b) in self.helpers.iter_mut().zip(o.helpers) {
            *a += b;
        }
        self.cost += o.cost;
        self.gap = self.gap.max(o.gap);
        self.max_deviation_pct = self.max_deviation_pct.max(o.max_deviation_pct);
        self.station_sessions += o.station_sessions;
        self.shortfall_sessions += o.shortfall_sessions;
        self.shortfall_made_up += o.shortfall_made_up;
        self.makeup_sessions += o.makeup_sessions;
        self.visit_sessions += o.visit_sessions;
        for (k, n) in &o.warnings {
            *self.warnings.entry(k.clone()).or_insert(0) += n;
        }
        if !o.people.is_empty() || !o.left.is_empty() || !o.idle.is_empty() {
            self.people.extend(o.people.iter().cloned());
            self.left.extend(o.left.iter().cloned());
            self.idle.extend(o.idle.iter().cloned());
            let count = |slot: usize| self.people.iter().filter(|(s, _)| *s == slot).count();
            self.leaders = count(0);
            self.helpers = std::array::from_fn(|i| count(i + 1));
            // One who left a township for another of the sum is in force.
            self.leaders_left = self
                .left
                .iter()
                .filter(|k| !self.people.contains(&(0, (*k).clone())))
                .count();
            // One who leads in another township of the sum is a leader.
            self.shared_idle = self
                .idle
                .iter()
                .filter(|k| !self.people.contains(&(0, (*k).clone())))
                .count();
        }
    }
}

/// How many distinct leaders the townships' figures hold together.
pub fn distinct_leaders<'a>(towns: impl IntoIterator<Item = &'a Figures>) -> usize {
    let mut all = Figures::default();
    for f in towns {
        all.add(f);
    }
    all.leaders
}

/// What a row of the summary stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    Township(String),
    /// A township with no plan: its name and why, in short; no figures,
    /// and in no sum.
    NotPlanned {
        township: String,
        why: String,
    },
    /// The sum of a district's townships.
    Subtotal,
    /// The sum of every township.
    Total,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub district: Option<String>,
    pub figures: Figures,
    /// A sum's townships: (planned, all). A sum short of some townships
    /// says so in its label, lest it be sent upward as the whole.
    pub covers: (usize, usize),
}

/// The summary: its rows and the warning kinds it has a column for.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub warning_kinds: Vec<String>,
    pub rows: Vec<Row>,
}

/// One township as the summary takes it: name, district, figures.
pub struct TownshipFigures {
    pub township: String,
    pub district: Option<String>,
    /// Where city.toml lists the township (district, place in it).
    pub listed_at: Option<(usize, usize)>,
    pub figures: Figures,
    /// Why the township has no plan, in short; `None` when planned.
    pub not_planned: Option<String>,
}

/// The rows: townships grouped by district (districts and townships in
/// city.toml's order, else in order of first appearance, each district
/// followed by its subtotal), then townships with no
/// district, then the city total. No subtotal when no township has a district.
pub fn summarise(mut towns: Vec<TownshipFigures>) -> Summary {
    // In city.toml's order where it lists them, the others after, as given.
    towns.sort_by_key(|t| t.listed_at.unwrap_or((usize::MAX, usize::MAX)));
    let mut districts: Vec<Option<String>> = Vec::new();
    for t in &towns {
        if t.district.is_some() && !districts.contains(&t.district) {
            districts.push(t.district.clone());
        }
    }
    districts.push(None);
    let mut total = Figures::default();
    let mut rows = Vec::new();
    let covers = |of: &mut dyn Iterator<Item = &TownshipFigures>| {
        let all: Vec<&TownshipFigures> = of.collect();
        let planned = all.iter().filter(|t| t.not_planned.is_none()).count();
        (planned, all.len())
    };
    for d in &districts {
        let mut sub = Figures::default();
        for t in towns.iter().filter(|t| &t.district == d) {
            let kind = match &t.not_planned {
                Some(why) => RowKind::NotPlanned {
                    township: t.township.clone(),
                    why: why.clone(),
                },
                None => {
                    sub.add(&t.figures);
                    total.add(&t.figures);
                    RowKind::Township(t.township.clone())
                }
            };
            let (figures, covers) = match kind {
                RowKind::NotPlanned { .. } => (Figures::default(), (0, 1)),
                _ => (t.figures.clone(), (1, 1)),
            };
            rows.push(Row {
                kind,
                district: t.district.clone(),
                figures,
                covers,
            });
        }
        if d.is_some() {
            rows.push(Row {
                kind: RowKind::Subtotal,
                district: d.clone(),
                figures: sub,
                covers: covers(&mut towns.iter().filter(|t| &t.district == d)),
            });
        }
    }
    rows.push(Row {
        kind: RowKind::Total,
        district: None,
        figures: total.clone(),
        covers: covers(&mut towns.iter()),
    });
    // The kinds the planner writes always have a column (a zero is a
    // figure too); any other kind a plan carries follows them.
    let mut warning_kinds: Vec<String> = KINDS.iter().map(|k| k.to_string()).collect();
    for k in total.warnings.keys() {
        if !warning_kinds.contains(k) {
            warning_kinds.push(k.clone());
        }
    }
    Summary {
        warning_kinds,
        rows,
    }
}

/// The summary as CSV: UTF-8 with a BOM, CRLF, cells neutralised.
pub fn csv(s: &Summary, city: &str, lang: Lang) -> String {
    let line = |cells: Vec<String>| super::csv::row(&cells);
    let mut out = String::from("\u{feff}");
    out += &line(words::header(&s.warning_kinds, city, lang));
    out += "\r\n";
    let columns = words::header(&s.warning_kinds, city, lang).len();
    for r in &s.rows {
        let f = &r.figures;
        let label = match &r.kind {
            RowKind::Township(name) => name.clone(),
            RowKind::NotPlanned { township, why } => {
                // The name, and why in the first figure's cell; no figures.
                let mut cells = vec![
                    r.district.clone().unwrap_or_default(),
                    township.clone(),
                    words::not_planned(why, lang),
                ];
                cells.resize(columns, String::new());
                out += &line(cells);
                out += "\r\n";
                continue;
            }
            RowKind::Subtotal => words::sum_label(words::subtotal(lang), r.covers, lang),
            RowKind::Total => words::sum_label(words::total(lang), r.covers, lang),
        };
        let mut cells = vec![
            r.district.clone().unwrap_or_default(),
            label,
            f.leaders.to_string(),
            f.leaders_left.to_string(),
            f.shared_idle.to_string(),
            f.units.to_string(),
        ];
        cells.extend(f.helpers.iter().map(|n| n.to_string()));
        cells.extend([
            format!("{:.2}", f.cost),
            format!("{:.2}", f.gap * 100.0),
            format!("{:.1}", f.max_deviation_pct),
            f.station_sessions.to_string(),
            f.shortfall_sessions.to_string(),
            f.shortfall_made_up.to_string(),
            f.makeup_sessions.to_string(),
            f.visit_sessions.to_string(),
        ]);
        cells.extend(
            s.warning_kinds
                .iter()
                .map(|k| f.warnings.get(k).copied().unwrap_or(0).to_string()),
        );
        out += &line(cells);
        out += "\r\n";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(name: &str, district: Option<&str>, units: usize, gap: f64) -> TownshipFigures {
        let mut warnings = BTreeMap::new();
        warnings.insert("shortfall".to_string(), units);
        TownshipFigures {
            township: name.into(),
            district: district.map(str::to_string),
            listed_at: None,
            not_planned: None,
            figures: Figures {
                units,
                cost: units as f64 * 1.5,
                gap,
                station_sessions: units * 10,
                warnings,
                ..Figures::default()
            },
        }
    }

    #[test]
    fn districts_and_townships_follow_city_toml_s_order() {
        let listed = |name, district, at| TownshipFigures {
            listed_at: Some(at),
            ..town(name, Some(district), 1, 0.0)
        };
        // Files in name order; city.toml lists 江北区 (东山镇, 西岭镇) first.
        let s = summarise(vec![
            listed("北坪镇", "江南区", (1, 1)),
            listed("东山镇", "江北区", (0, 0)),
            listed("南湖街道", "江南区", (1, 0)),
            town("外镇", None, 1, 0.0),
            listed("西岭镇", "江北区", (0, 1)),
        ]);
        let names: Vec<String> = s
            .rows
            .iter()
            .map(|r| match &r.kind {
                RowKind::Township(t) => t.clone(),
                RowKind::NotPlanned { township, .. } => format!("{township}（未能编排）"),
                RowKind::Subtotal => format!("{}小计", r.district.as_deref().unwrap_or("")),
                RowKind::Total => "合计".into(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "东山镇",
                "西岭镇",
                "江北区小计",
                "南湖街道",
                "北坪镇",
                "江南区小计",
                "外镇",
                "合计"
            ]
        );
    }

    #[test]
    fn subtotals_follow_each_district_and_the_total_sums_all() {
        let s = summarise(vec![
            town("a", Some("D1"), 1, 0.0),
            town("b", Some("D2"), 2, 0.02),
            town("c", Some("D1"), 4, 0.01),
            town("x", None, 8, 0.0),
        ]);
        let kinds: Vec<(RowKind, Option<&str>, usize)> = s
            .rows
            .iter()
            .map(|r| (r.kind.clone(), r.district.as_deref(), r.figures.units))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (RowKind::Township("a".into()), Some("D1"), 1),
                (RowKind::Township("c".into()), Some("D1"), 4),
                (RowKind::Subtotal, Some("D1"), 5),
                (RowKind::Township("b".into()), Some("D2"), 2),
                (RowKind::Subtotal, Some("D2"), 2),
                (RowKind::Township("x".into()), None, 8),
                (RowKind::Total, None, 15),
            ]
        );
        let total = &s.rows.last().unwrap().figures;
        assert_eq!(total.station_sessions, 150);
        assert_eq!(total.warnings["shortfall"], 15);
        assert_eq!(total.gap, 0.02, "the worst gap, not a sum");
        assert_eq!(s.warning_kinds.len(), KINDS.len());
    }

    #[test]
    fn a_township_not_planned_is_a_marked_row_and_the_sums_say_what_they_cover() {
        let missing = TownshipFigures {
            not_planned: Some("有 20 个村（社区）需要“维稳”".into()),
            ..town("城南街道", Some("D1"), 20, 0.0)
        };
        let s = summarise(vec![town("a", Some("D1"), 1, 0.0), missing]);
        assert_eq!(s.rows[1].figures.units, 0, "no figures of its own");
        assert_eq!(s.rows[2].figures.units, 1, "and none in the subtotal");
        let text = csv(&s, "", Lang::Zh);
        let cells = words::header(&s.warning_kinds, "", Lang::Zh).len();
        let row = "\r\nD1,城南街道,未能编排：有 20 个村（社区）需要“维稳”".to_string()
            + &",".repeat(cells - 3)
            + "\r\n";
        assert!(text.contains(&row), "{text}");
        assert!(
            text.contains("\r\nD1,小计（2 个镇街中已编排的 1 个）,"),
            "{text}"
        );
        assert!(
            text.contains("\r\n,合计（2 个镇街中已编排的 1 个）,"),
            "{text}"
        );
        let en = csv(&s, "", Lang::En);
        assert!(
            en.contains("\r\n,total (1 of 2 townships planned),"),
            "{en}"
        );
    }

    #[test]
    fn no_subtotal_without_districts() {
        let s = summarise(vec![town("a", None, 1, 0.0), town("b", None, 2, 0.0)]);
        assert_eq!(s.rows.len(), 3);
        assert_eq!(s.rows[2].kind, RowKind::Total);
    }

    #[test]
    fn csv_has_a_bom_and_neutralises_names() {
        let s = summarise(vec![town("=cmd", Some("D1"), 1, 0.0)]);
        let text = csv(&s, "", Lang::Zh);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\r\nD1,'=cmd,"));
        assert!(text.contains("\r\nD1,小计,"));
        assert!(text.contains("\r\n,合计,"));
    }
}
