//! The synthetic road network: the office, the units and a few junctions as
//! points in the plane (kilometres), joined by straight roads that never cross
//! (a planar graph), with minutes from length and a per-road speed, and the
//! shortest travel time from the office to every node. [`lay_out`] places a
//! township's office, units and junctions; [`named_roads`] writes its roads
//! by node id.

use super::names::Namer;
use super::rng::Rand;
use super::{Kind, OFFICE, Profile, Unit};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

#[derive(Debug, Clone, Copy)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

impl Pt {
    pub fn dist(self, o: Pt) -> f64 {
        let (dx, dy) = (self.x - o.x, self.y - o.y);
        (dx * dx + dy * dy).sqrt()
    }
}

/// A point in the ring `r_lo..r_hi` (fractions of `radius`) around the
/// origin, kept at least `sep` km from `taken` where a few tries allow.
pub fn place(rng: &mut Rand, radius: f64, r_lo: f64, r_hi: f64, sep: f64, taken: &[Pt]) -> Pt {
    let mut best = Pt { x: 0.0, y: 0.0 };
    let mut best_gap = f64::NEG_INFINITY;
    for _ in 0..60 {
        // Area-uniform within the ring: uniform in the square, kept when in
        // the ring (no trigonometry, so the same bits on every platform).
        let p = loop {
            let p = Pt {
                x: radius * rng.real(-1.0, 1.0),
                y: radius * rng.real(-1.0, 1.0),
            };
            let r2 = (p.x * p.x + p.y * p.y) / (radius * radius);
            if r_lo * r_lo <= r2 && r2 <= r_hi * r_hi {
                break p;
            }
        };
        let gap = taken
            .iter()
            .map(|q| p.dist(*q))
            .fold(f64::INFINITY, f64::min);
        if gap >= sep {
            return p;
        }
        if gap > best_gap {
            best_gap = gap;
            best = p;
        }
    }
    best
}

fn orient(a: Pt, b: Pt, c: Pt) -> f64 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// Whether segments pq and rs cross at a point inside both (shared endpoints
/// do not count).
fn crosses(p: Pt, q: Pt, r: Pt, s: Pt) -> bool {
    let d1 = orient(p, q, r);
    let d2 = orient(p, q, s);
    let d3 = orient(r, s, p);
    let d4 = orient(r, s, q);
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Planar roads over `pts`: pairs are taken shortest first; a pair is built
/// when it crosses no road already built and either joins two parts of the
/// network (so the whole is connected), or is short (within `short_factor` of
/// the median nearest-neighbour distance; with some chance, while both ends
/// have fewer than 5 roads), or saves a detour of more than `DETOUR` times
/// its length. Returns (a, b, km) with a < b.
pub fn roads(rng: &mut Rand, pts: &[Pt], short_factor: f64) -> Vec<(usize, usize, f64)> {
    let n = pts.len();
    let mut pairs = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            pairs.push((pts[i].dist(pts[j]), i, j));
        }
    }
    pairs.sort_by(|a, b| {
        a.0.partial_cmp(&b.0)
            .unwrap_or(Ordering::Equal)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let mut nn: Vec<f64> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| j != i)
                .map(|j| pts[i].dist(pts[j]))
                .fold(f64::INFINITY, f64::min)
        })
        .collect();
    nn.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let cutoff = if n > 1 { nn[n / 2] * short_factor } else { 0.0 };
    let mut parent: Vec<usize> = (0..n).collect();
    let mut degree = vec![0usize; n];
    let mut built: Vec<(usize, usize, f64)> = Vec::new();
    for &(d, i, j) in &pairs {
        if built
            .iter()
            .any(|&(a, b, _)| crosses(pts[i], pts[j], pts[a], pts[b]))
        {
            continue;
        }
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        let joins = ri != rj;
        let keep = joins
            || (d <= cutoff && degree[i] < 5 && degree[j] < 5 && rng.chance(0.75))
            || km_between(n, &built, i, j, DETOUR * d) > DETOUR * d;
        if keep {
            parent[ri] = rj;
            degree[i] += 1;
            degree[j] += 1;
            built.push((i, j, d));
        }
    }
    built
}

/// Longest detour the network leaves between two points that a straight,
/// non-crossing road could join: a greedy spanner's stretch.
const DETOUR: f64 = 1.6;

/// Road kilometres between `a` and `b` over `built`, exact up to `limit`;
/// anything above `limit` (infinite when apart) when the route is longer.
fn km_between(n: usize, built: &[(usize, usize, f64)], a: usize, b: usize, limit: f64) -> f64 {
    let mut adj = vec![Vec::new(); n];
    for &(x, y, d) in built {
        adj[x].push((y, d));
        adj[y].push((x, d));
    }
    let mut dist = vec![f64::INFINITY; n];
    let mut done = vec![false; n];
    dist[a] = 0.0;
    loop {
        let mut v = usize::MAX;
        for i in 0..n {
            if !done[i] && dist[i].is_finite() && (v == usize::MAX || dist[i] < dist[v]) {
                v = i;
            }
        }
        if v == usize::MAX || v == b || dist[v] > limit {
            return dist[b];
        }
        done[v] = true;
        for &(w, d) in &adj[v] {
            if dist[v] + d < dist[w] {
                dist[w] = dist[v] + d;
            }
        }
    }
}

/// Shortest minutes from `from` to every node; `u32::MAX` when unreachable.
pub fn dijkstra(n: usize, edges: &[(usize, usize, u32)], from: usize) -> Vec<u32> {
    let mut adj = vec![Vec::new(); n];
    for &(a, b, m) in edges {
        adj[a].push((b, m));
        adj[b].push((a, m));
    }
    let mut dist = vec![u32::MAX; n];
    let mut heap = BinaryHeap::new();
    dist[from] = 0;
    heap.push(std::cmp::Reverse((0u32, from)));
    while let Some(std::cmp::Reverse((d, v))) = heap.pop() {
        if d > dist[v] {
            continue;
        }
        for &(w, m) in &adj[v] {
            let nd = d + m;
            if nd < dist[w] {
                dist[w] = nd;
                heap.push(std::cmp::Reverse((nd, w)));
            }
        }
    }
    dist
}

/// A township's ground: points 0 (the office), 1..=n (the units in listing
/// order) and the junctions after them, joined by roads of whole minutes.
pub struct Layout {
    /// Roads as (point, point, minutes).
    pub edges: Vec<(usize, usize, u32)>,
    /// Minutes from the office to every point.
    pub dist: Vec<u32>,
    /// The roster's `max_travel_minutes`: the farthest unit and a margin.
    pub max_travel: u32,
    /// Unit indices, nearest the office first.
    pub by_distance: Vec<usize>,
    /// Each junction's number (j1, j2, ...), 0 for points that are none.
    pub junction_no: Vec<usize>,
    pub junctions: usize,
    /// Every point's place on the ground, in kilometres (the roster's `x`, `y`).
    pub pts: Vec<Pt>,
}

/// Office at the centre, units in rings by kind, junctions between; roads
/// that never cross, with a speed per road.
pub fn lay_out(rng: &mut Rand, profile: Profile, kinds: &[Kind]) -> Layout {
    let n = kinds.len();
    let radius = match profile {
        Profile::Rural => 2.2,
        Profile::Town => 1.7,
        Profile::Urban => 0.85,
    } * (n as f64).sqrt().max(2.0);
    let sep = 0.55 * radius / (n as f64).sqrt().max(1.0);
    let mut pts = vec![Pt {
        x: rng.real(-0.05, 0.05) * radius,
        y: rng.real(-0.05, 0.05) * radius,
    }];
    for &k in kinds {
        let (a, b) = match (k, profile) {
            (Kind::Community, Profile::Urban) => (0.05, 1.0),
            (Kind::Community, _) => (0.05, 0.4),
            (Kind::Village, Profile::Urban) => (0.5, 1.0),
            (Kind::Village, Profile::Rural) => (0.2, 1.0),
            (Kind::Village, Profile::Town) => (0.25, 1.0),
            (Kind::Industrial, _) => (0.3, 0.85),
            (Kind::Enterprise, _) => (0.2, 0.8),
        };
        let p = place(rng, radius, a, b, sep, &pts);
        pts.push(p);
    }
    for _ in 0..(n / 5).max(2) {
        let p = place(rng, radius, 0.1, 0.9, sep * 0.6, &pts);
        pts.push(p);
    }
    let mut km_roads = roads(rng, &pts, 1.9);
    // A junction is where roads meet: drop dead-end junctions (repeatedly)
    // and number the rest j1, j2, ... in order.
    loop {
        let mut degree = vec![0usize; pts.len()];
        for &(a, b, _) in &km_roads {
            degree[a] += 1;
            degree[b] += 1;
        }
        let before = km_roads.len();
        let dead_end = |x: usize| x > n && degree[x] < 2;
        km_roads.retain(|&(a, b, _)| !dead_end(a) && !dead_end(b));
        if km_roads.len() == before {
            break;
        }
    }
    let mut junction_no = vec![0usize; pts.len()];
    let mut junctions = 0;
    for (j, no) in junction_no.iter_mut().enumerate().skip(n + 1) {
        if km_roads.iter().any(|&(a, b, _)| a == j || b == j) {
            junctions += 1;
            *no = junctions;
        }
    }
    let (rate_lo, rate_hi) = match profile {
        Profile::Urban => (1.8, 2.5),
        _ => (1.2, 2.5),
    };
    let edges: Vec<(usize, usize, u32)> = km_roads
        .iter()
        .map(|&(a, b, km)| {
            let m = (km * rng.real(rate_lo, rate_hi)).round().max(1.0) as u32;
            (a, b, m)
        })
        .collect();
    let dist = dijkstra(pts.len(), &edges, 0);
    let farthest = (1..=n).map(|i| dist[i]).max().unwrap_or(0);
    let max_travel = ((farthest as f64 * 1.15 + 5.0) / 5.0).ceil() as u32 * 5;

    // Units farther than 70% of the farthest are "remote"; between 30% and 70%
    // of it outside a city is the urban–rural fringe.
    let mut by_distance: Vec<usize> = (0..n).collect();
    by_distance.sort_by_key(|&i| (dist[i + 1], i));
    Layout {
        edges,
        dist,
        max_travel,
        by_distance,
        junction_no,
        junctions,
        pts,
    }
}

/// The roads by node id (office, unit ids, j1...), sorted by point index.
pub fn named_roads(
    layout: &Layout,
    units: &[Unit],
    namer: &mut Namer,
) -> Vec<(String, String, u32)> {
    let n = units.len();
    let (edges, junction_no, junctions) = (&layout.edges, &layout.junction_no, layout.junctions);
    let node_id = |i: usize| -> String {
        if i == 0 {
            OFFICE.to_string()
        } else if i <= n {
            units[i - 1].id.clone()
        } else {
            format!("j{}", junction_no[i])
        }
    };
    for j in 1..=junctions {
        namer.reserve_id(&format!("j{j}"));
    }
    let mut sorted_edges = edges.clone();
    sorted_edges.sort_by_key(|&(a, b, _)| (a, b));
    sorted_edges
        .iter()
        .map(|&(a, b, m)| (node_id(a), node_id(b), m))
        .collect()
}

/// The junctions that carry roads, as (id, point), in number order (j1, j2, ...).
pub fn junction_points(layout: &Layout) -> Vec<(String, Pt)> {
    let mut js: Vec<(usize, Pt)> = layout
        .junction_no
        .iter()
        .zip(&layout.pts)
        .filter(|(no, _)| **no > 0)
        .map(|(no, p)| (*no, *p))
        .collect();
    js.sort_by_key(|j| j.0);
    js.into_iter()
        .map(|(no, p)| (format!("j{no}"), p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roads_never_cross_and_join_everything() {
        for seed in 0..30 {
            let mut rng = Rand::new(seed);
            let n = 5 + seed as usize * 2;
            let mut pts = Vec::new();
            for _ in 0..n {
                let p = place(&mut rng, 10.0, 0.0, 1.0, 1.0, &pts);
                pts.push(p);
            }
            let built = roads(&mut rng, &pts, 1.9);
            for (k, &(a, b, _)) in built.iter().enumerate() {
                for &(c, d, _) in &built[k + 1..] {
                    assert!(!crosses(pts[a], pts[b], pts[c], pts[d]), "seed {seed}");
                }
            }
            let edges: Vec<(usize, usize, u32)> =
                built.iter().map(|&(a, b, _)| (a, b, 1)).collect();
            assert!(dijkstra(n, &edges, 0).iter().all(|&d| d != u32::MAX));
            // No pair is left with a detour worse than DETOUR where a straight
            // road could have been built without crossing.
            for i in 0..n {
                for j in i + 1..n {
                    let free = !built
                        .iter()
                        .any(|&(a, b, _)| crosses(pts[i], pts[j], pts[a], pts[b]));
                    if free {
                        let d = pts[i].dist(pts[j]);
                        assert!(km_between(n, &built, i, j, f64::INFINITY) <= DETOUR * d + 1e-9);
                    }
                }
            }
        }
    }

    #[test]
    fn crossing_test() {
        let p = |x, y| Pt { x, y };
        assert!(crosses(p(0., 0.), p(2., 2.), p(0., 2.), p(2., 0.)));
        assert!(!crosses(p(0., 0.), p(1., 1.), p(1., 1.), p(2., 0.)));
        assert!(!crosses(p(0., 0.), p(1., 0.), p(0., 1.), p(1., 1.)));
    }
}
