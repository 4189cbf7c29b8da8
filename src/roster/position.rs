//! Optional map positions: `x`, `y` (planar, y northwards) or `lon`, `lat`
//! (degrees) on `[township]` (the office), `[[unit]]` and `[[junction]]`.
//! Only the report's map uses them; a pair given by half, both pairs at once,
//! or degrees out of range are reported with their place.

use super::read::Tab;
use crate::model::{Junction, Position};
use crate::wording::roster::RosterSaid;

/// Reads the position fields of a table; `None` when it has none (or they
/// are wrong, which is reported).
pub(super) fn read_position(t: &Tab) -> Option<Position> {
    let x = t.num("x");
    let y = t.num("y");
    let lon = t.num("lon");
    let lat = t.num("lat");
    let xy = pair(t, ("x", t.has("x"), x), ("y", t.has("y"), y));
    let ll = pair(t, ("lon", t.has("lon"), lon), ("lat", t.has("lat"), lat));
    match (xy, ll) {
        (Some(_), Some(_)) => {
            t.report("lon", RosterSaid::PositionTwice);
            None
        }
        (Some((x, y)), None) => {
            let x = in_range(t, "x", x, PLANAR_LIMIT);
            let y = in_range(t, "y", y, PLANAR_LIMIT);
            Some(Position::Xy { x: x?, y: y? })
        }
        (None, Some((lon, lat))) => {
            let lon = in_range(t, "lon", lon, 180.0);
            let lat = in_range(t, "lat", lat, 90.0);
            Some(Position::LonLat {
                lon: lon?,
                lat: lat?,
            })
        }
        (None, None) => None,
    }
}

/// Planar coordinates beyond this are surely a slip (a township spans
/// kilometres, or at most some hundred thousand metres).
const PLANAR_LIMIT: f64 = 1e9;

type Half = (&'static str, bool, Option<f64>);

fn pair(t: &Tab, a: Half, b: Half) -> Option<(f64, f64)> {
    match (a, b) {
        ((_, true, va), (_, true, vb)) => va.zip(vb),
        ((name, true, _), (other, false, _)) | ((other, false, _), (name, true, _)) => {
            t.report(
                other,
                RosterSaid::PositionHalf {
                    given: name,
                    missing: other,
                },
            );
            None
        }
        _ => None,
    }
}

fn in_range(t: &Tab, key: &'static str, v: f64, limit: f64) -> Option<f64> {
    if v.is_finite() && v.abs() <= limit {
        Some(v)
    } else {
        t.report(
            key,
            RosterSaid::OutOfRange {
                value: v.to_string(),
                limit,
            },
        );
        None
    }
}

/// A `[[junction]]`: a road node's id and its position (required here).
pub(super) fn read_junction(t: &Tab) -> Option<Junction> {
    let id = t.req_str("id");
    let position = read_position(t);
    t.finish();
    if position.is_none() && !["x", "y", "lon", "lat"].iter().any(|k| t.has(k)) {
        t.report("x", RosterSaid::MissingField);
    }
    Some(Junction {
        id: id?,
        position: position?,
        line: Some(t.line),
    })
}
