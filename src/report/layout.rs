//! Where each road node is drawn on the report's map. When the roster gives
//! the office and every unit a position (`x`, `y` or `lon`, `lat`), those are
//! used and junctions without one sit at the mean of their neighbours.
//! Otherwise the road network is laid out so that drawn distances follow
//! travel minutes: classical scaling for a start, then stress majorization
//! (SMACOF). Everything is plain arithmetic in a fixed order, so the same
//! roster gives the same picture every time.

use std::collections::BTreeMap;

use crate::model::{Position, Roster};
use crate::network::Network;

/// A drawn point, in the map's own units (before fitting to the picture).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

/// Every road node's point, by node name, y growing downwards (screen).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub points: BTreeMap<String, Pt>,
    /// True when the points come from the roster's own positions.
    pub from_roster: bool,
}

/// Iterations of stress majorization: enough to settle a township's 20–80
/// nodes, few enough to stay well under a millisecond per node.
const SMACOF_ROUNDS: usize = 300;

impl Layout {
    pub fn of(roster: &Roster) -> Layout {
        let net = Network::build(&roster.roads);
        let mut names: Vec<String> = net.nodes.keys().cloned().collect();
        // Nodes no road touches (an office that is also a unit's node, a
        // lone unit) still need a place.
        for n in
            std::iter::once(&roster.township.office).chain(roster.units.iter().map(|u| &u.node))
        {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        names.sort();
        if let Some(points) = given(roster, &names) {
            return Layout {
                points,
                from_roster: true,
            };
        }
        let d = minutes_matrix(&net, &names);
        let pts = stress_layout(&d);
        Layout {
            points: names.into_iter().zip(pts).collect(),
            from_roster: false,
        }
    }

    /// The point of a node; the centre when unknown (never for a valid roster).
    pub fn at(&self, node: &str) -> Pt {
        self.points
            .get(node)
            .copied()
            .unwrap_or(Pt { x: 0.0, y: 0.0 })
    }
}

/// Planar coordinates of a roster position, y growing downwards; lon/lat by
/// an equirectangular projection around `lat0` (degrees).
fn planar(p: Position, lat0: f64) -> Pt {
    match p {
        Position::Xy { x, y } => Pt { x, y: -y },
        Position::LonLat { lon, lat } => Pt {
            x: lon * lat0.to_radians().cos(),
            y: -lat,
        },
    }
}

/// The roster's own positions, when the office and every unit have one.
fn given(roster: &Roster, names: &[String]) -> Option<BTreeMap<String, Pt>> {
    let office = roster.township.office_position?;
    let lat0 = match office {
        Position::LonLat { lat, .. } => lat,
        Position::Xy { .. } => 0.0,
    };
    let mut known: BTreeMap<String, Pt> = BTreeMap::new();
    known.insert(roster.township.office.clone(), planar(office, lat0));
    for u in &roster.units {
        known.insert(u.node.clone(), planar(u.position?, lat0));
    }
    for j in &roster.junctions {
        known.insert(j.id.clone(), planar(j.position, lat0));
    }
    // Junctions without a position: the mean of their placed neighbours,
    // repeated so that chains of junctions fill in too.
    let mut points = known.clone();
    for _ in 0..names.len() {
        let mut changed = false;
        for n in names {
            if known.contains_key(n) {
                continue;
            }
            let near: Vec<Pt> = roster
                .roads
                .iter()
                .filter_map(|r| {
                    let other = if &r.from == n {
                        &r.to
                    } else if &r.to == n {
                        &r.from
                    } else {
                        return None;
                    };
                    points.get(other).copied()
                })
                .collect();
            if near.is_empty() {
                continue;
            }
            let k = near.len() as f64;
            let p = Pt {
                x: near.iter().map(|p| p.x).sum::<f64>() / k,
                y: near.iter().map(|p| p.y).sum::<f64>() / k,
            };
            if points.get(n) != Some(&p) {
                points.insert(n.clone(), p);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let centre = points.get(&roster.township.office).copied()?;
    for n in names {
        points.entry(n.clone()).or_insert(centre);
    }
    Some(points)
}

/// Shortest-path minutes between every pair of nodes; pairs no road joins
/// get a little more than the longest known distance, so they sit apart.
fn minutes_matrix(net: &Network, names: &[String]) -> Vec<Vec<f64>> {
    let n = names.len();
    let mut d = vec![vec![f64::NAN; n]; n];
    let mut longest: f64 = 1.0;
    for (i, a) in names.iter().enumerate() {
        let from = net.minutes_from(a);
        for (j, b) in names.iter().enumerate() {
            if i == j {
                d[i][j] = 0.0;
            } else if let Some(&m) = from.get(b) {
                d[i][j] = m;
                longest = longest.max(m);
            }
        }
    }
    for row in d.iter_mut() {
        for x in row.iter_mut() {
            if x.is_nan() {
                *x = longest * 1.2;
            }
        }
    }
    // Two nodes at zero minutes would sit on top of each other; keep a sliver.
    let floor = longest * 0.02;
    for (i, row) in d.iter_mut().enumerate() {
        for (j, x) in row.iter_mut().enumerate() {
            if i != j && *x < floor {
                *x = floor;
            }
        }
    }
    d
}

/// Points whose distances follow `d`: classical scaling, then SMACOF with
/// weights 1/d² (local distances matter most, as on a map).
pub fn stress_layout(d: &[Vec<f64>]) -> Vec<Pt> {
    let n = d.len();
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![Pt { x: 0.0, y: 0.0 }];
    }
    let mut x = classical(d);
    let w: Vec<Vec<f64>> = d
        .iter()
        .map(|row| {
            row.iter()
                .map(|&v| if v > 0.0 { 1.0 / (v * v) } else { 0.0 })
                .collect()
        })
        .collect();
    let wsum: Vec<f64> = w.iter().map(|row| row.iter().sum()).collect();
    for _ in 0..SMACOF_ROUNDS {
        // Localized SMACOF update (Gansner, Koren, North 2004): each point
        // moves to the weighted mean of where its neighbours say it should be.
        let mut next = vec![Pt { x: 0.0, y: 0.0 }; n];
        for i in 0..n {
            let (mut sx, mut sy) = (0.0, 0.0);
            for j in 0..n {
                if i == j {
                    continue;
                }
                let (dx, dy) = (x[i].x - x[j].x, x[i].y - x[j].y);
                let dist = (dx * dx + dy * dy).sqrt().max(1e-9);
                let pull = w[i][j] * d[i][j] / dist;
                sx += w[i][j] * x[j].x + pull * dx;
                sy += w[i][j] * x[j].y + pull * dy;
            }
            next[i] = Pt {
                x: sx / wsum[i],
                y: sy / wsum[i],
            };
        }
        x = next;
    }
    x
}

/// Classical multidimensional scaling: the two leading eigenvectors of the
/// double-centred squared distances, by power iteration from fixed starts.
fn classical(d: &[Vec<f64>]) -> Vec<Pt> {
    let n = d.len();
    let sq: Vec<Vec<f64>> = d
        .iter()
        .map(|r| r.iter().map(|v| v * v).collect())
        .collect();
    let row_mean: Vec<f64> = sq
        .iter()
        .map(|r| r.iter().sum::<f64>() / n as f64)
        .collect();
    let all_mean = row_mean.iter().sum::<f64>() / n as f64;
    let b: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| -0.5 * (sq[i][j] - row_mean[i] - row_mean[j] + all_mean))
                .collect()
        })
        .collect();
    let mut axes: Vec<(f64, Vec<f64>)> = Vec::new();
    for k in 0..2 {
        // A fixed, uneven start so that no symmetric roster starts orthogonal
        // to its leading axis.
        let mut v: Vec<f64> = (0..n)
            .map(|i| 1.0 + ((i * (k + 2) * 7919) % 97) as f64 / 97.0)
            .collect();
        let mut lambda = 0.0;
        for _ in 0..200 {
            let mut next: Vec<f64> = (0..n)
                .map(|i| (0..n).map(|j| b[i][j] * v[j]).sum())
                .collect();
            for (l, u) in &axes {
                let dot: f64 = next.iter().zip(u).map(|(a, b)| a * b).sum();
                for (x, y) in next.iter_mut().zip(u) {
                    *x -= dot * y;
                }
                let _ = l;
            }
            let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm < 1e-12 {
                break;
            }
            lambda = norm;
            v = next.into_iter().map(|x| x / norm).collect();
        }
        axes.push((lambda, v));
    }
    (0..n)
        .map(|i| {
            let s0 = axes[0].0.max(0.0).sqrt();
            let s1 = axes[1].0.max(0.0).sqrt();
            // A small index-based nudge keeps coincident starts apart.
            Pt {
                x: axes[0].1[i] * s0 + 1e-3 * i as f64,
                y: axes[1].1[i] * s1 + 1e-3 * ((i * 31) % 17) as f64,
            }
        })
        .collect()
}

/// Stress of a layout against the minutes: Σ (|pi − pj| − dij)² / dij², for
/// tests and for judging a layout.
pub fn stress(points: &[Pt], d: &[Vec<f64>]) -> f64 {
    let mut s = 0.0;
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            let (dx, dy) = (points[i].x - points[j].x, points[i].y - points[j].y);
            let e = (dx * dx + dy * dy).sqrt() - d[i][j];
            s += e * e / (d[i][j] * d[i][j]);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> Vec<Vec<f64>> {
        // Four corners of a 30 × 40 rectangle and its centre.
        let p = [
            (0.0, 0.0),
            (30.0, 0.0),
            (0.0, 40.0),
            (30.0, 40.0),
            (15.0, 20.0),
        ];
        p.iter()
            .map(|a: &(f64, f64)| {
                p.iter()
                    .map(|b| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn distances_that_fit_the_plane_are_drawn_exactly() {
        let d = grid();
        let pts = stress_layout(&d);
        assert!(stress(&pts, &d) < 1e-6, "stress {}", stress(&pts, &d));
    }

    #[test]
    fn the_same_minutes_give_the_same_points() {
        let d = grid();
        assert_eq!(stress_layout(&d), stress_layout(&d));
    }

    #[test]
    fn majorization_lowers_the_stress_of_the_start() {
        // Distances no plane can hold exactly (a 5-cycle with chords).
        let n = 6;
        let d: Vec<Vec<f64>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        if i == j {
                            0.0
                        } else {
                            10.0 + ((i + j) % 3) as f64 * 7.0
                        }
                    })
                    .collect()
            })
            .collect();
        let start = classical(&d);
        let end = stress_layout(&d);
        assert!(stress(&end, &d) < stress(&start, &d));
    }
}
