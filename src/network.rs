//! The township's roads as a petgraph graph, and the shortest-path minutes
//! everything else uses: office to each unit, and unit to unit. Computed once
//! when a roster is loaded (Dijkstra from the office and from every unit).

use std::collections::BTreeMap;

use petgraph::algo::dijkstra;
use petgraph::graph::{NodeIndex, UnGraph};

use crate::model::{Road, Travel, Unit};

/// Road nodes by name, in first-seen order for stable indices.
pub struct Network {
    pub graph: UnGraph<String, f64>,
    pub nodes: BTreeMap<String, NodeIndex>,
}

impl Network {
    pub fn build(roads: &[Road]) -> Network {
        let mut graph = UnGraph::new_undirected();
        let mut nodes = BTreeMap::new();
        let mut node = |g: &mut UnGraph<String, f64>, name: &str| {
            *nodes
                .entry(name.to_string())
                .or_insert_with(|| g.add_node(name.to_string()))
        };
        for r in roads {
            let a = node(&mut graph, &r.from);
            let b = node(&mut graph, &r.to);
            graph.add_edge(a, b, r.minutes);
        }
        Network { graph, nodes }
    }

    /// Minutes from `from` to every node it reaches.
    pub fn minutes_from(&self, from: &str) -> BTreeMap<String, f64> {
        let Some(&start) = self.nodes.get(from) else {
            return BTreeMap::new();
        };
        dijkstra(&self.graph, start, None, |e| *e.weight())
            .into_iter()
            .map(|(n, d)| (self.graph[n].clone(), d))
            .collect()
    }

    /// Office-to-unit and unit-to-unit minutes, `None` where no road leads.
    pub fn travel(&self, office: &str, units: &[Unit]) -> Travel {
        let from_office = self.minutes_from(office);
        let office_to_unit = units
            .iter()
            .map(|u| {
                if u.node == office {
                    Some(0.0)
                } else {
                    from_office.get(&u.node).copied()
                }
            })
            .collect();
        let unit_to_unit = units
            .iter()
            .map(|a| {
                let from_a = self.minutes_from(&a.node);
                units
                    .iter()
                    .map(|b| {
                        if a.node == b.node {
                            Some(0.0)
                        } else {
                            from_a.get(&b.node).copied()
                        }
                    })
                    .collect()
            })
            .collect();
        Travel {
            office_to_unit,
            unit_to_unit,
        }
    }
}
