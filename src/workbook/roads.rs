//! Road ends in the `道路` sheet as planners write them. A planner names
//! the places a road joins (塘尾村, 镇政府) rather than their node ids, so
//! an end that is no node but exactly a unit's name means that unit's node,
//! and the office's own names (镇政府, the township's name) mean the office.
//! A node named so comes first: an end that is the office's node or any
//! unit's node (its 路网节点, or its 编号) stays that node. Any other end is a
//! junction when two roads share it; one that no other road reaches and is
//! close to a unit's name gets that name as the did-you-mean.

use std::collections::{BTreeMap, BTreeSet};

use super::schema::nearest_or_alike;

/// What a road end may name: nodes, units by name, the office by its names.
#[derive(Debug, Default)]
pub struct RoadEnds {
    /// The office's node and every unit's node.
    known: BTreeSet<String>,
    /// A unit's name → its node; `None` where two units share the name.
    by_name: BTreeMap<String, Option<String>>,
    office: Option<String>,
    /// The words that mean the office: 镇政府, the township's name, …
    office_names: Vec<String>,
    /// The township's name, as `基本信息` gives it.
    pub township: String,
}

impl RoadEnds {
    /// From the office's node, the township's name and each unit's id,
    /// name and node (blank: the id).
    pub fn new<'a>(
        office: Option<&str>,
        township: Option<&str>,
        units: impl IntoIterator<Item = (&'a str, Option<&'a str>, Option<&'a str>)>,
    ) -> Self {
        let mut ends = RoadEnds {
            office: office.map(str::to_string),
            township: township.unwrap_or_default().to_string(),
            ..RoadEnds::default()
        };
        ends.known.extend(ends.office.clone());
        for (id, name, node) in units {
            let node = node.unwrap_or(id).to_string();
            ends.known.insert(node.clone());
            if let Some(name) = name {
                ends.by_name
                    .entry(name.to_string())
                    .and_modify(|v| *v = None)
                    .or_insert(Some(node));
            }
        }
        if office.is_some() {
            ends.office_names = ["镇政府", "街道办", "街道办事处"]
                .iter()
                .map(|s| s.to_string())
                .collect();
            if let Some(t) = township.filter(|t| !t.is_empty()) {
                for suffix in ["", "政府", "人民政府", "办事处"] {
                    ends.office_names.push(format!("{t}{suffix}"));
                }
            }
        }
        ends
    }

    /// The node a road end means: a node as written, else the node of the
    /// unit so named, else the office for one of its names; otherwise the
    /// end as written (a junction, or a mistake the roster reader reports).
    pub fn node(&self, end: &str) -> String {
        if self.known.contains(end) {
            return end.to_string();
        }
        match self.by_name.get(end) {
            Some(Some(node)) => return node.clone(),
            // Two units of this name: which one is unclear, so it stays.
            Some(None) => return end.to_string(),
            None => {}
        }
        match &self.office {
            Some(office) if self.office_names.iter().any(|n| n == end) => office.clone(),
            _ => end.to_string(),
        }
    }

    /// Is this (already resolved) end the office's or a unit's node?
    pub fn is_node(&self, node: &str) -> bool {
        self.known.contains(node)
    }

    /// The unit's name a mistyped end most likely meant (塘尾材 → 塘尾村).
    pub fn nearest(&self, end: &str) -> Option<String> {
        let names = || {
            self.by_name
                .iter()
                .filter(|(_, node)| node.is_some())
                .map(|(n, _)| n.as_str())
        };
        nearest_or_alike(end, names())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends() -> RoadEnds {
        RoadEnds::new(
            Some("office"),
            Some("河口镇"),
            [
                ("tw", Some("塘尾村"), None),
                ("lw", Some("龙湾村"), Some("龙湾路口")),
                // A unit whose node column names another unit's name.
                ("sq", Some("石桥村"), Some("塘尾村")),
                ("a1", Some("同名村"), None),
                ("a2", Some("同名村"), None),
            ],
        )
    }

    #[test]
    fn a_unit_or_the_office_by_name_means_its_node_unless_a_node_has_that_name() {
        let e = ends();
        assert_eq!(e.node("tw"), "tw");
        assert_eq!(e.node("龙湾村"), "龙湾路口");
        // 石桥村's node column says 塘尾村 is a node: it stays that node.
        assert_eq!(e.node("塘尾村"), "塘尾村");
        assert_eq!(e.node("石桥村"), "塘尾村");
        assert_eq!(e.node("同名村"), "同名村");
        for office in ["镇政府", "河口镇", "河口镇政府", "河口镇人民政府"] {
            assert_eq!(e.node(office), "office", "{office}");
        }
        assert_eq!(e.node("三岔口"), "三岔口");
        assert!(e.is_node("龙湾路口") && !e.is_node("三岔口"));
    }

    #[test]
    fn a_near_unit_name_is_suggested() {
        let e = ends();
        assert_eq!(e.nearest("龙弯村").as_deref(), Some("龙湾村"));
        assert_eq!(e.nearest("三岔口"), None);
    }
}
