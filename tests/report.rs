//! The HTML report without a browser: the map's layout is deterministic and
//! follows travel minutes (or the roster's own positions), the SVG has a
//! shape per unit and a tour per leader, every roster string is escaped, and
//! the comparison rings exactly the units that change leader.

use std::path::Path;

use zhudian::export::city_summary::{Figures, TownshipFigures, summarise};
use zhudian::model::{Position, Roster};
use zhudian::plan::PlanFile;
use zhudian::planner::{Options, Previous, plan};
use zhudian::report::compare::{Compared, changed_units};
use zhudian::report::layout::Layout;
use zhudian::report::map::{Palette, svg};
use zhudian::report::{city_page, compare_page, plan_page};
use zhudian::wording::Lang;

fn text(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn roster(path: &str) -> Roster {
    zhudian::roster::load_str(&text(path), path).expect("a valid roster")
}

fn planned(r: &Roster) -> PlanFile {
    plan(r, &r.source, &Options::default(), &Previous::default())
        .expect("plannable")
        .file
}

fn map_of(r: &Roster, p: &PlanFile) -> String {
    let palette = Palette::of(&[r], &[p]);
    svg(
        r,
        p,
        &palette,
        &Layout::of(r),
        &Default::default(),
        Lang::Zh,
    )
}

#[test]
fn the_same_roster_gives_the_same_layout() {
    for path in [
        "instances/beijiao-example.toml",
        "instances/gaozhou-rural.toml",
    ] {
        let r = roster(path);
        let a = Layout::of(&r);
        let b = Layout::of(&roster(path));
        assert_eq!(a, b, "{path}");
        assert!(!a.from_roster || path.contains("gaozhou"));
        let p = planned(&r);
        assert_eq!(map_of(&r, &p), map_of(&r, &p));
    }
}

#[test]
fn without_positions_drawn_distances_follow_travel_minutes() {
    let r = roster("instances/beijiao-example.toml");
    let layout = Layout::of(&r);
    assert!(!layout.from_roster);
    // Over unit pairs, the drawn distance per minute varies little: the
    // layout keeps the minutes' proportions.
    let mut ratios = Vec::new();
    for (i, a) in r.units.iter().enumerate() {
        for (j, b) in r.units.iter().enumerate().skip(i + 1) {
            let m = r.travel.unit_to_unit[i][j].unwrap();
            let (pa, pb) = (layout.at(&a.node), layout.at(&b.node));
            let d = ((pa.x - pb.x).powi(2) + (pa.y - pb.y).powi(2)).sqrt();
            ratios.push(d / m);
        }
    }
    let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
    let worst = ratios
        .iter()
        .map(|x| (x / mean - 1.0).abs())
        .fold(0.0, f64::max);
    assert!(
        worst < 0.35,
        "a pair is drawn {:.0}% off its minutes",
        worst * 100.0
    );
}

#[test]
fn positions_in_the_roster_are_used_as_given() {
    let mut t = text("instances/beijiao-example.toml");
    t = t.replacen("year = 2015", "year = 2015\nx = 0\ny = 0", 1);
    let r0 = roster("instances/beijiao-example.toml");
    for (k, u) in r0.units.iter().enumerate() {
        let at = format!("id = \"{}\"\n", u.id);
        t = t.replacen(&at, &format!("{at}x = {}\ny = {}\n", k * 3, 10 - k), 1);
    }
    let r = zhudian::roster::load_str(&t, "xy.toml").expect("positions are valid fields");
    assert_eq!(
        r.township.office_position,
        Some(Position::Xy { x: 0.0, y: 0.0 })
    );
    let layout = Layout::of(&r);
    assert!(layout.from_roster);
    for (k, u) in r.units.iter().enumerate() {
        let p = layout.at(&u.node);
        assert_eq!((p.x, p.y), ((k * 3) as f64, -(10.0 - k as f64)), "{}", u.id);
    }
}

/// `x`, `y` of a roster table (the generator writes km).
fn xy(t: &toml::Table) -> (f64, f64) {
    (t["x"].as_float().expect("x"), t["y"].as_float().expect("y"))
}

#[test]
fn a_generated_roster_is_drawn_at_the_coordinates_it_gives() {
    for (path, r) in [
        (
            "instances/leping-town.toml",
            roster("instances/leping-town.toml"),
        ),
        (
            "instances/foshan/foshan-21-beijiao.toml",
            // A township of the city folder: its policy comes from city.toml.
            zhudian::roster::load(
                &Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("instances/foshan/foshan-21-beijiao.toml"),
            )
            .expect("a valid roster"),
        ),
    ] {
        let t: toml::Table = toml::from_str(&text(path)).unwrap();
        let layout = Layout::of(&r);
        assert!(layout.from_roster, "{path}: not the stress layout");
        let drawn = |node: &str| {
            let p = layout.at(node);
            (p.x, -p.y)
        };
        let town = t["township"].as_table().unwrap();
        assert_eq!(drawn(&r.township.office), xy(town), "{path}: office");
        let units = t["unit"].as_array().unwrap();
        assert_eq!(units.len(), r.units.len());
        for u in units {
            let u = u.as_table().unwrap();
            let id = u["id"].as_str().unwrap();
            let node = &r.units.iter().find(|x| x.id == id).unwrap().node;
            assert_eq!(drawn(node), xy(u), "{path}: unit {id}");
        }
        let junctions = t["junction"].as_array().unwrap();
        assert!(!junctions.is_empty(), "{path}");
        for j in junctions {
            let j = j.as_table().unwrap();
            let id = j["id"].as_str().unwrap();
            assert_eq!(drawn(id), xy(j), "{path}: junction {id}");
        }
    }
}

#[test]
fn half_a_position_is_reported_with_its_place() {
    let t = text("instances/beijiao-example.toml").replacen(
        "year = 2015",
        "year = 2015\nlon = 113.2",
        1,
    );
    let e = zhudian::roster::load_str(&t, "half.toml").unwrap_err();
    let said = e.render(Lang::En);
    assert!(
        said.contains("[township]") && said.contains("'lat'"),
        "{said}"
    );
    assert!(said.contains("'lon' is given without 'lat'"), "{said}");
    let t = text("instances/beijiao-example.toml").replacen(
        "year = 2015",
        "year = 2015\nlon = 113.2\nlat = 95",
        1,
    );
    let said = zhudian::roster::load_str(&t, "far.toml")
        .unwrap_err()
        .render(Lang::Zh);
    assert!(said.contains("95 超出允许范围 −90 至 90"), "{said}");
}

#[test]
fn the_map_has_a_shape_per_unit_and_a_tour_per_leader() {
    let r = roster("instances/leping-town.toml");
    let p = planned(&r);
    let map = map_of(&r, &p);
    let doc = roxmltree::Document::parse(&map).expect("the map is well-formed XML");
    let units: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("unit"))
        .collect();
    assert_eq!(units.len(), r.units.len());
    for (u, g) in r.units.iter().zip(&units) {
        assert_eq!(g.attribute("data-unit"), Some(u.id.as_str()));
        let shape = g
            .children()
            .rfind(|c| c.is_element() && c.tag_name().name() != "title")
            .unwrap();
        let want = match u.kind {
            zhudian::model::UnitKind::Village => "circle",
            zhudian::model::UnitKind::Community => "rect",
            _ => "polygon",
        };
        assert_eq!(shape.tag_name().name(), want, "{}", u.id);
    }
    let tours: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("tour"))
        .collect();
    assert_eq!(tours.len(), p.leader.len());
    let mut colours: Vec<&str> = tours
        .iter()
        .map(|t| t.attribute("stroke").unwrap())
        .collect();
    colours.sort();
    colours.dedup();
    assert_eq!(
        colours.len(),
        p.leader.len(),
        "each leader has a colour of their own"
    );
    let texts: String = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "text")
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("|");
    for u in &r.units {
        assert!(texts.contains(&u.name), "{}", u.name);
    }
    for c in &r.cadres {
        assert!(texts.contains(&c.name), "{}", c.name);
    }
    // Bigger villages are drawn bigger.
    let radius = |id: &str| -> f64 {
        let g = units
            .iter()
            .find(|g| g.attribute("data-unit") == Some(id))
            .unwrap();
        g.descendants()
            .find(|c| c.tag_name().name() == "circle" && c.attribute("class").is_none())
            .and_then(|c| c.attribute("r"))
            .unwrap()
            .parse()
            .unwrap()
    };
    let villages: Vec<_> = r
        .units
        .iter()
        .filter(|u| u.kind == zhudian::model::UnitKind::Village)
        .collect();
    let big = villages.iter().max_by_key(|u| u.households).unwrap();
    let small = villages.iter().min_by_key(|u| u.households).unwrap();
    assert!(radius(&big.id) > radius(&small.id));
}

#[test]
fn roster_text_is_escaped_everywhere() {
    let evil = "<script>alert(1)</script>";
    let t = text("instances/beijiao-example.toml")
        .replacen(
            "name = \"西海村\"",
            "name = \"<script>alert(1)</script>\"",
            1,
        )
        .replacen("name = \"北滘镇\"", "name = \"\\\" onload=\\\"x\"", 1);
    let r = zhudian::roster::load_str(&t, "<b>evil</b>.toml").unwrap();
    assert!(r.units.iter().any(|u| u.name == evil));
    let p = planned(&r);
    let pages = [
        plan_page(&r, &p, Lang::Zh),
        plan_page(&r, &p, Lang::En),
        compare_page(
            &[
                Compared {
                    label: evil.into(),
                    roster: &r,
                    plan: &p,
                },
                Compared {
                    label: "b".into(),
                    roster: &r,
                    plan: &p,
                },
            ],
            Lang::Zh,
        ),
        city_page(
            evil,
            &summarise(vec![TownshipFigures {
                township: evil.into(),
                district: Some(evil.into()),
                listed_at: None,
                not_planned: None,
                figures: Figures {
                    units: 1,
                    leaders: 1,
                    cost: 1.0,
                    ..Figures::default()
                },
            }]),
            &[(evil.to_string(), "\"><script>x</script>".to_string())]
                .into_iter()
                .collect(),
            Lang::Zh,
        ),
    ];
    for page in &pages {
        assert!(!page.contains("<script"), "markup got through");
        assert!(!page.contains("\" onload"), "an attribute got through");
        assert!(!page.contains("<b>evil"), "markup got through");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}

#[test]
fn chinese_page_says_no_better_plan_exists_and_uses_no_english_words() {
    let r = roster("instances/beijiao-example.toml");
    let p = planned(&r);
    assert_eq!(p.plan.gap, 0.0);
    let page = plan_page(&r, &p, Lang::Zh);
    assert!(page.contains("差距 0%：没有更好的方案。"));
    // Visible text: tags, the stylesheet and the roster's path taken out.
    let body = &page[page.find("<body>").unwrap()..];
    let mut visible = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
    let visible = visible.replace(&r.source, "");
    let english: Vec<&str> = visible
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1)
        .collect();
    assert!(
        english.is_empty(),
        "English in the Chinese page: {english:?}"
    );
}

#[test]
fn the_comparison_rings_the_units_that_change_leader() {
    let r = roster("instances/beijiao-example.toml");
    let a = planned(&r);
    let mut b = a.clone();
    // Swap the leaders of the first two units led by different leaders.
    let (i, j) = (
        0,
        b.assignment
            .iter()
            .position(|x| x.leader != b.assignment[0].leader)
            .unwrap(),
    );
    let (li, lj) = (
        b.assignment[i].leader.clone(),
        b.assignment[j].leader.clone(),
    );
    b.assignment[i].leader = lj;
    b.assignment[j].leader = li;
    let changed = changed_units(&a, &b);
    assert_eq!(changed.len(), 2);
    let page = compare_page(
        &[
            Compared {
                label: "a".into(),
                roster: &r,
                plan: &a,
            },
            Compared {
                label: "b".into(),
                roster: &r,
                plan: &b,
            },
        ],
        Lang::En,
    );
    assert_eq!(page.matches("class=\"ring\"").count(), 2);
    let moved = &r.units[r.unit_index(&b.assignment[i].unit).unwrap()].name;
    assert!(page.contains(&format!("{moved}: ")), "the move is listed");
}

/// The weeks grid tells official public holidays (src/days.rs) from the
/// roster's own `[[holiday]]`s, and neither is "no session".
#[test]
fn the_weeks_grid_labels_official_and_roster_holidays() {
    use zhudian::report::year::{Cell, cells, window_days};
    use zhudian::wording::report::Label;
    // On Mondays the year has official holidays the roster does not list
    // (清明 on 2015-04-06, 端午 on 2015-06-22) and its own 春节 (2015-02-23).
    let src = text("instances/beijiao-example.toml").replacen(
        "weekday = \"Tue\"",
        "weekday = \"Mon\"",
        1,
    );
    let r = zhudian::roster::load_str(&src, "beijiao-monday.toml").expect("a valid roster");
    let p = planned(&r);
    let days = window_days(&r);
    let grid = cells(&r, &p);
    let at = |d: &str| {
        let k = days
            .iter()
            .position(|x| x.format("%Y-%m-%d").to_string() == d)
            .expect("a window day");
        grid[0][k]
    };
    assert_eq!(at("2015-04-06"), Cell::OfficialHoliday);
    assert_eq!(at("2015-06-22"), Cell::OfficialHoliday);
    assert_eq!(at("2015-02-23"), Cell::Holiday);
    assert_eq!(Label::OfficialHoliday.say(Lang::En), "official holiday");
    assert_eq!(Label::OfficialHoliday.say(Lang::Zh), "法定节假日");
    assert_eq!(Label::Holiday.say(Lang::En), "township holiday");
    assert_eq!(Label::Holiday.say(Lang::Zh), "本镇假日");
}

/// The load bars' band comes from `[policy] load_band_pct` (default 10):
/// a leader off by more than it is marked in red, none with 100.
#[test]
fn the_load_band_is_the_rosters() {
    use zhudian::report::sections::loads;
    let marked = |band: Option<u32>| {
        let mut src = text("instances/beijiao-example.toml");
        if let Some(b) = band {
            src = src.replacen("[policy]\n", &format!("[policy]\nload_band_pct = {b}\n"), 1);
        }
        let r = zhudian::roster::load_str(&src, "beijiao.toml").expect("a valid roster");
        assert_eq!(r.policy.load_band_pct, band.unwrap_or(10));
        let p = planned(&r);
        let off = p
            .leader
            .iter()
            .filter(|l| l.deviation_pct.abs() > f64::from(band.unwrap_or(10)))
            .count();
        let html = loads(&r, &p, &Palette::of(&[&r], &[&p]), Lang::En);
        (html.matches("color:#b3261e").count(), off)
    };
    let (shown, off) = marked(None);
    assert_eq!(shown, off);
    let (shown, off) = marked(Some(0));
    assert!(shown > 0 && shown == off, "{shown} {off}");
    assert_eq!(marked(Some(100)).0, 0);
}
