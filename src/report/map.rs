//! The township map as inline SVG: roads in grey, each leader's tour from
//! the office in the leader's colour, units shaped by kind (village circle,
//! community square, enterprise diamond, industrial community triangle) and
//! sized by households, each labelled with its name and its leader's name.
//! Labels take the first of four places around their unit that overlaps
//! nothing already drawn. Units may be ringed (the comparison's changes).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::html::{colour, esc, num};
use super::layout::{Layout, Pt};
use crate::model::{Roster, UnitKind};
use crate::plan::PlanFile;
use crate::wording::Lang;
use crate::wording::report::{Label, kind, minutes, unit_tip};

const WIDTH: f64 = 1000.0;
const MARGIN_X: f64 = 90.0;
const MARGIN_Y: f64 = 44.0;

/// Leaders' colours: by their place in the (first) roster, then any other
/// leader in first-seen order, so that a leader keeps one colour on every
/// page and in every plan compared.
#[derive(Debug, Clone, Default)]
pub struct Palette(BTreeMap<String, String>);

impl Palette {
    pub fn of(rosters: &[&Roster], plans: &[&PlanFile]) -> Palette {
        let mut ids: Vec<&str> = Vec::new();
        let cadres = rosters
            .iter()
            .flat_map(|r| r.cadres.iter().map(|c| c.id.as_str()));
        let leaders = plans
            .iter()
            .flat_map(|p| p.leader.iter().map(|l| l.id.as_str()));
        for id in cadres.chain(leaders) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Palette(
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.to_string(), colour(i)))
                .collect(),
        )
    }

    pub fn get(&self, id: &str) -> String {
        self.0.get(id).cloned().unwrap_or_else(|| "#9aa4ae".into())
    }
}

/// A person's name from the roster, or the id when the roster lacks them.
pub fn person_name<'a>(roster: &'a Roster, id: &'a str) -> &'a str {
    if let Some(i) = roster.cadre_index(id) {
        &roster.cadres[i].name
    } else if let Some(i) = roster.helper_index(id) {
        &roster.helpers[i].name
    } else {
        id
    }
}

pub fn unit_name<'a>(roster: &'a Roster, id: &'a str) -> &'a str {
    roster
        .unit_index(id)
        .map(|i| roster.units[i].name.as_str())
        .unwrap_or(id)
}

/// Screen points of every node and every unit, fitted to the picture.
struct Frame {
    height: f64,
    nodes: BTreeMap<String, Pt>,
    units: Vec<Pt>,
    radius: Vec<f64>,
}

fn frame(roster: &Roster, layout: &Layout) -> Frame {
    let pts: Vec<Pt> = layout.points.values().copied().collect();
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &pts {
        x0 = x0.min(p.x);
        x1 = x1.max(p.x);
        y0 = y0.min(p.y);
        y1 = y1.max(p.y);
    }
    if pts.is_empty() {
        (x0, x1, y0, y1) = (0.0, 1.0, 0.0, 1.0);
    }
    let (bw, bh) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
    let inner_w = WIDTH - 2.0 * MARGIN_X;
    let height = (bh / bw * inner_w + 2.0 * MARGIN_Y).clamp(420.0, 1000.0);
    let inner_h = height - 2.0 * MARGIN_Y;
    let s = (inner_w / bw).min(inner_h / bh);
    // Centre the drawing in the frame.
    let (ox, oy) = (
        MARGIN_X + (inner_w - s * bw) / 2.0,
        MARGIN_Y + (inner_h - s * bh) / 2.0,
    );
    let nodes: BTreeMap<String, Pt> = layout
        .points
        .iter()
        .map(|(k, p)| {
            (
                k.clone(),
                Pt {
                    x: ox + (p.x - x0) * s,
                    y: oy + (p.y - y0) * s,
                },
            )
        })
        .collect();
    let hmax = roster
        .units
        .iter()
        .map(|u| u.households)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let radius: Vec<f64> = roster
        .units
        .iter()
        .map(|u| 6.0 + 11.0 * (u.households as f64 / hmax).sqrt())
        .collect();
    // Units sharing a node (or standing at the office) are set around it.
    let mut at_node: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, u) in roster.units.iter().enumerate() {
        at_node.entry(u.node.as_str()).or_default().push(i);
    }
    let office = roster.township.office.as_str();
    let mut units = vec![Pt { x: 0.0, y: 0.0 }; roster.units.len()];
    for (node, list) in &at_node {
        let c = nodes.get(*node).copied().unwrap_or(Pt {
            x: WIDTH / 2.0,
            y: height / 2.0,
        });
        let crowded = list.len() > 1 || *node == office;
        for (k, &i) in list.iter().enumerate() {
            units[i] = if crowded {
                // Fixed angles (no trigonometry needed beyond these few).
                const DIRS: [(f64, f64); 8] = [
                    (1.0, 0.0),
                    (0.0, 1.0),
                    (-1.0, 0.0),
                    (0.0, -1.0),
                    (0.7, 0.7),
                    (-0.7, 0.7),
                    (-0.7, -0.7),
                    (0.7, -0.7),
                ];
                let (dx, dy) = DIRS[k % 8];
                let d = 22.0 * (1 + k / 8) as f64;
                Pt {
                    x: c.x + dx * d,
                    y: c.y + dy * d,
                }
            } else {
                c
            };
        }
    }
    Frame {
        height,
        nodes,
        units,
        radius,
    }
}

/// The shape of a unit of this kind at `p` with size `r`.
pub fn shape(k: UnitKind, p: Pt, r: f64, fill: &str, extra: &str) -> String {
    let (x, y) = (p.x, p.y);
    match k {
        UnitKind::Village => format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"{extra}/>",
            num(x),
            num(y),
            num(r)
        ),
        UnitKind::Community => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"{extra}/>",
            num(x - 0.9 * r),
            num(y - 0.9 * r),
            num(1.8 * r),
            num(1.8 * r)
        ),
        UnitKind::Enterprise => {
            let d = 1.25 * r;
            format!(
                "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"{fill}\"{extra}/>",
                num(x),
                num(y - d),
                num(x + d),
                num(y),
                num(x),
                num(y + d),
                num(x - d),
                num(y)
            )
        }
        UnitKind::IndustrialCommunity => {
            let d = 1.35 * r;
            format!(
                "<polygon points=\"{},{} {},{} {},{}\" fill=\"{fill}\"{extra}/>",
                num(x),
                num(y - d),
                num(x + 0.87 * d),
                num(y + 0.5 * d),
                num(x - 0.87 * d),
                num(y + 0.5 * d)
            )
        }
    }
}

/// Rough width of a text in px: CJK characters are square, others narrower.
fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.58 } else { 1.0 })
        .sum::<f64>()
        * size
}

#[derive(Clone, Copy)]
struct Boxed {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Boxed {
    fn overlap(&self, o: &Boxed) -> f64 {
        let w = (self.x1.min(o.x1) - self.x0.max(o.x0)).max(0.0);
        let h = (self.y1.min(o.y1) - self.y0.max(o.y0)).max(0.0);
        w * h
    }
}

/// The map of one plan. `ringed` units get a red ring (changes in a
/// comparison).
pub fn svg(
    roster: &Roster,
    plan: &PlanFile,
    palette: &Palette,
    layout: &Layout,
    ringed: &BTreeSet<String>,
    lang: Lang,
) -> String {
    let f = frame(roster, layout);
    let leader_of: BTreeMap<&str, &str> = plan
        .assignment
        .iter()
        .map(|a| (a.unit.as_str(), a.leader.as_str()))
        .collect();
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">",
        num(WIDTH),
        num(f.height),
        esc(Label::Map.say(lang))
    );
    // Roads.
    s.push_str("<g class=\"roads\" stroke=\"#c3cad2\" stroke-width=\"2\">");
    for r in &roster.roads {
        if let (Some(a), Some(b)) = (f.nodes.get(&r.from), f.nodes.get(&r.to)) {
            let _ = write!(
                s,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"><title>{}</title></line>",
                num(a.x),
                num(a.y),
                num(b.x),
                num(b.y),
                minutes(r.minutes, lang)
            );
        }
    }
    s.push_str("</g>");
    // Tours, under the units.
    s.push_str("<g class=\"tours\" fill=\"none\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-opacity=\"0.75\">");
    for l in &plan.leader {
        let pts: Vec<String> = l
            .tour
            .iter()
            .filter_map(|n| f.nodes.get(n))
            .map(|p| format!("{},{}", num(p.x), num(p.y)))
            .collect();
        if pts.len() < 2 {
            continue;
        }
        let _ = write!(
            s,
            "<polyline class=\"tour\" data-leader=\"{}\" stroke=\"{}\" points=\"{}\"><title>{}</title></polyline>",
            esc(&l.id),
            palette.get(&l.id),
            pts.join(" "),
            esc(person_name(roster, &l.id))
        );
    }
    s.push_str("</g>");
    // The office.
    let office = f.nodes.get(&roster.township.office).copied().unwrap_or(Pt {
        x: WIDTH / 2.0,
        y: f.height / 2.0,
    });
    let _ = write!(
        s,
        "<g class=\"office\"><polygon points=\"{},{} {},{} {},{} {},{} {},{}\" fill=\"#1d232b\" stroke=\"#fff\" stroke-width=\"2\"/>",
        num(office.x),
        num(office.y - 14.0),
        num(office.x + 12.0),
        num(office.y - 3.0),
        num(office.x + 12.0),
        num(office.y + 11.0),
        num(office.x - 12.0),
        num(office.y + 11.0),
        num(office.x - 12.0),
        num(office.y - 3.0),
    );
    let office_label = Label::Office.say_at(&roster.township.name, lang);
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"4\">{}</text></g>",
        num(office.x),
        num(office.y + 28.0),
        esc(office_label)
    );
    // Units, then their labels.
    let mut taken: Vec<Boxed> = vec![Boxed {
        x0: office.x - 14.0,
        y0: office.y - 16.0,
        x1: office.x + 14.0,
        y1: office.y + 32.0,
    }];
    for (i, p) in f.units.iter().enumerate() {
        let r = f.radius[i] + 2.0;
        taken.push(Boxed {
            x0: p.x - r,
            y0: p.y - r,
            x1: p.x + r,
            y1: p.y + r,
        });
    }
    s.push_str("<g class=\"units\" stroke=\"#fff\" stroke-width=\"1.5\">");
    let mut labels = String::new();
    for (i, u) in roster.units.iter().enumerate() {
        let p = f.units[i];
        let r = f.radius[i];
        let leader = leader_of.get(u.id.as_str()).copied();
        let fill = leader
            .map(|l| palette.get(l))
            .unwrap_or_else(|| "#9aa4ae".into());
        let leader_name = leader.map(|l| person_name(roster, l)).unwrap_or("");
        let _ = write!(
            s,
            "<g class=\"unit\" data-unit=\"{}\"><title>{}</title>",
            esc(&u.id),
            esc(&unit_tip(
                &u.name,
                kind(u.kind, lang),
                u.households,
                leader_name,
                lang
            )),
        );
        if ringed.contains(&u.id) {
            let _ = write!(
                s,
                "<circle class=\"ring\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"#b3261e\" stroke-width=\"3\" stroke-dasharray=\"4 2\"/>",
                num(p.x),
                num(p.y),
                num(r + 7.0)
            );
        }
        s.push_str(&shape(u.kind, p, r, &fill, ""));
        s.push_str("</g>");

        // The label: unit name, and the leader's name in their colour.
        let (w1, w2) = (text_width(&u.name, 12.0), text_width(leader_name, 11.0));
        let w = w1.max(w2);
        let h = if leader_name.is_empty() { 14.0 } else { 27.0 };
        let gap = r + 4.0;
        // (anchor, text x, top of the box)
        let spots = [
            ("start", p.x + gap, p.y - h / 2.0, p.x + gap),
            ("end", p.x - gap, p.y - h / 2.0, p.x - gap - w),
            ("middle", p.x, p.y + gap, p.x - w / 2.0),
            ("middle", p.x, p.y - gap - h, p.x - w / 2.0),
        ];
        let mut best = (f64::MAX, 0usize);
        for (k, &(_, _, top, left)) in spots.iter().enumerate() {
            let b = Boxed {
                x0: left,
                y0: top,
                x1: left + w,
                y1: top + h,
            };
            let mut cost: f64 = taken.iter().map(|t| t.overlap(&b)).sum();
            // Out of the picture counts as heavily as covering a name.
            if b.x0 < 0.0 || b.x1 > WIDTH || b.y0 < 0.0 || b.y1 > f.height {
                cost += w * h;
            }
            // The unit's own shape is in `taken`; discount it.
            let own = Boxed {
                x0: p.x - r - 2.0,
                y0: p.y - r - 2.0,
                x1: p.x + r + 2.0,
                y1: p.y + r + 2.0,
            };
            cost -= own.overlap(&b);
            if cost < best.0 - 1e-9 {
                best = (cost, k);
            }
            if cost <= 1e-9 {
                break;
            }
        }
        let (anchor, tx, top, left) = spots[best.1];
        taken.push(Boxed {
            x0: left,
            y0: top,
            x1: left + w,
            y1: top + h,
        });
        let _ = write!(
            labels,
            "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"#1d232b\">{}</text>",
            num(tx),
            num(top + 11.0),
            esc(&u.name)
        );
        if !leader_name.is_empty() {
            let _ = write!(
                labels,
                "<text class=\"label leader\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"{fill}\">{}</text>",
                num(tx),
                num(top + 24.0),
                esc(leader_name)
            );
        }
    }
    s.push_str("</g>");
    let _ = write!(
        s,
        "<g class=\"labels\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\">{labels}</g>"
    );
    s.push_str("</svg>");
    s
}

/// The map's legend (HTML): one swatch per leader with their post and
/// units, then the shapes and what the lines mean.
pub fn legend(roster: &Roster, plan: &PlanFile, palette: &Palette, lang: Lang) -> String {
    let mut s = String::from("<ul class=\"legend\">");
    for l in &plan.leader {
        let post = roster
            .cadre_index(&l.id)
            .map(|i| roster.cadres[i].post.as_str())
            .filter(|p| !p.is_empty())
            .unwrap_or("");
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        let units: Vec<&str> = l.units.iter().map(|u| unit_name(roster, u)).collect();
        let _ = write!(
            s,
            "<li><span class=\"sw\" style=\"background:{}\"></span><b>{}</b>{}{} · {}</li>",
            palette.get(&l.id),
            esc(person_name(roster, &l.id)),
            if post.is_empty() { "" } else { " " },
            esc(post),
            esc(&units.join(sep))
        );
    }
    s.push_str("</ul><ul class=\"legend caption\">");
    for k in UnitKind::ALL {
        if roster.units.iter().any(|u| u.kind == k) {
            let _ = write!(
                s,
                "<li><svg width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" style=\"display:inline;vertical-align:-3px\">{}</svg> {}</li>",
                shape(k, Pt { x: 8.0, y: 8.5 }, 5.5, "#6b7785", ""),
                kind(k, lang)
            );
        }
    }
    let _ = write!(
        s,
        "<li>{}</li><li>{}</li></ul>",
        Label::SizeByHouseholds.say(lang),
        Label::TourLegend.say_at(&roster.township.name, lang)
    );
    s
}
