//! `succeeds` checked against the plan in force: a successor names someone
//! in this roster or in the previous plan. Only where the previous plan is
//! known (`replan`, `validate --previous`) can a name matching nobody be told
//! from a predecessor who left, so this is its own check.

use std::collections::BTreeSet;

use super::read::did_you_mean;
use super::{Problem, Problems};
use crate::model::{Place, Roster};
use crate::plan::PlanFile;
use crate::wording::roster::RosterSaid;

/// Everyone a plan names: leaders, slot helpers and assist members.
pub fn people_of(plan: &PlanFile) -> BTreeSet<String> {
    plan.assignment
        .iter()
        .flat_map(|a| {
            std::iter::once(&a.leader)
                .chain(&a.helpers)
                .chain(&a.assist)
                .cloned()
        })
        .collect()
}

/// Each `succeeds` naming nobody in the roster or the previous plan, with
/// the nearest name either holds.
pub fn against_previous(r: &Roster, previous: &PlanFile) -> Problems {
    let before = people_of(previous);
    let known: Vec<&str> = r
        .cadres
        .iter()
        .map(|c| c.id.as_str())
        .chain(r.helpers.iter().map(|h| h.id.as_str()))
        .chain(before.iter().map(String::as_str))
        .collect();
    // Those who can be succeeded: the previous plan's people and whoever
    // in this roster leaves during the year.
    let likely: Vec<&str> = before
        .iter()
        .map(String::as_str)
        .chain(
            r.cadres
                .iter()
                .filter(|c| c.leaves.is_some())
                .map(|c| c.id.as_str()),
        )
        .chain(
            r.helpers
                .iter()
                .filter(|h| h.leaves.is_some())
                .map(|h| h.id.as_str()),
        )
        .collect();
    let people = r
        .cadres
        .iter()
        .map(|c| ("[[cadre]]", &c.id, &c.succeeds, c.line))
        .chain(
            r.helpers
                .iter()
                .map(|h| ("[[helper]]", &h.id, &h.succeeds, h.line)),
        );
    let mut out = Vec::new();
    for (section, id, succeeds, line) in people {
        let Some(s) = succeeds else { continue };
        if known.contains(&s.as_str()) || r.unit_index(s).is_some() {
            continue;
        }
        // A name mistyped suggests that person's id as well.
        let suggestion =
            did_you_mean(s, likely.iter().copied().filter(|k| k != id)).or_else(|| {
                let names = likely.iter().filter(|k| *k != id).filter_map(|k| {
                    r.cadre_index(k)
                        .map(|c| (&r.cadres[c].name, *k))
                        .or_else(|| r.helper_index(k).map(|h| (&r.helpers[h].name, *k)))
                });
                let names: Vec<(&String, &str)> = names.collect();
                let n = did_you_mean(s, names.iter().map(|x| x.0.as_str()))?;
                names.iter().find(|x| *x.0 == n).map(|x| x.1.to_string())
            });
        let suggestion_name = suggestion.as_deref().and_then(|k| {
            r.cadre_index(k)
                .map(|c| r.cadres[c].name.clone())
                .or_else(|| r.helper_index(k).map(|h| r.helpers[h].name.clone()))
                .filter(|n| !n.trim().is_empty())
        });
        out.push(Problem {
            file: r.source.clone(),
            place: Place {
                section: section.to_string(),
                id: Some(id.clone()),
                field: Some("succeeds".into()),
                line,
                column: None,
            },
            said: RosterSaid::NoSuchPredecessor {
                id: s.clone(),
                suggestion,
                suggestion_name,
                previous: true,
            },
        });
    }
    Problems(out)
}

/// The problems of `against_previous`, each entry said by its name (in
/// Chinese "干部 林晓阳（lin-xy）") as `validate` says a roster's problems.
pub fn render(problems: &Problems, r: &Roster, lang: crate::wording::Lang) -> Vec<String> {
    let names = super::entry_names_of(r);
    problems
        .0
        .iter()
        .map(|p| p.render_named(&names, lang))
        .collect()
}
