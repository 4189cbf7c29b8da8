//! The generated township's people: leaders (cadres) with posts, skills,
//! home units, unit bounds and absences; department heads, each unit's own
//! people (party secretary, committee cadres, graduate officials,
//! volunteers), township-wide volunteers, and the police, lawyers and
//! deputies that cover every need.

use chrono::{Duration, NaiveDate};

use super::calendar::{is_workday, ymd};
use super::names::Namer;
use super::rng::{Rand, apportion};
use super::{
    AGRICULTURE, Away, Cadre, EDUCATION, ELDERLY, ENVIRONMENT, GenOptions, HEALTH, Helper, Kind,
    LABOUR, LAND, LEGAL, POVERTY, Profile, STABILITY, Unit,
};

/// Township departments (for department heads) and the skill each brings.
const DEPARTMENTS: &[(&str, Option<&str>)] = &[
    ("党政办", None),
    ("综治信访维稳中心", Some(STABILITY)),
    ("司法所", Some(LEGAL)),
    ("农业办", Some(AGRICULTURE)),
    ("经济促进局", Some(LABOUR)),
    ("人力资源和社会保障所", Some(LABOUR)),
    ("国土城建和水利局", Some(LAND)),
    ("环境运输和城市管理局", Some(ENVIRONMENT)),
    ("社会工作局", Some(ELDERLY)),
    ("民政办", Some(ELDERLY)),
    ("卫生和计生办", Some(HEALTH)),
    ("教育局", Some(EDUCATION)),
    ("扶贫办", Some(POVERTY)),
    ("财税局", None),
    ("安全生产监督管理局", Some(STABILITY)),
    ("组织办", None),
    ("宣传办", None),
    ("纪检监察室", Some(LEGAL)),
    ("规划办", Some(LAND)),
    ("文体服务中心", None),
    ("行政服务中心", None),
    ("统计办", None),
    ("流动人口管理办", Some(STABILITY)),
    ("农村集体资产管理办", Some(LAND)),
];

fn posts(profile: Profile, n: usize) -> Vec<&'static str> {
    let (head, deputies): (&[&'static str], [&'static str; 8]) = if profile == Profile::Urban {
        (
            &[
                "党工委书记",
                "办事处主任",
                "党工委副书记",
                "办事处副主任",
                "人大工委主任",
                "纪工委书记",
                "办事处副主任",
                "武装部长",
                "党工委委员",
                "办事处副主任",
                "政法委员",
                "组织委员",
                "宣传委员",
            ],
            [
                "办事处副主任",
                "党工委委员",
                "人大工委副主任",
                "副调研员",
                "办事处副主任",
                "党工委委员",
                "统战委员",
                "主任科员",
            ],
        )
    } else {
        (
            &[
                "党委书记",
                "镇长",
                "党委副书记",
                "副镇长",
                "人大主席",
                "纪委书记",
                "副镇长",
                "武装部长",
                "党委委员",
                "副镇长",
                "政法委员",
                "组织委员",
                "宣传委员",
            ],
            [
                "副镇长",
                "党委委员",
                "人大副主席",
                "副调研员",
                "副镇长",
                "党委委员",
                "统战委员",
                "主任科员",
            ],
        )
    };
    (0..n)
        .map(|i| {
            if i < head.len() {
                head[i]
            } else {
                deputies[(i - head.len()) % deputies.len()]
            }
        })
        .collect()
}

fn post_skills(post: &str, rng: &mut Rand) -> Vec<&'static str> {
    let rotating = [
        AGRICULTURE,
        LABOUR,
        ENVIRONMENT,
        HEALTH,
        EDUCATION,
        LAND,
        POVERTY,
    ];
    let mut s: Vec<&'static str> = match post {
        "党委副书记" | "党工委副书记" | "武装部长" => vec![STABILITY],
        "政法委员" => vec![STABILITY, LEGAL],
        "纪委书记" | "纪工委书记" => vec![LEGAL],
        "人大主席" | "人大工委主任" | "人大副主席" | "人大工委副主任" => {
            vec![ELDERLY]
        }
        "镇长" | "办事处主任" => vec![LAND],
        "党委书记" | "党工委书记" => vec![],
        "组织委员" | "宣传委员" | "统战委员" => vec![EDUCATION],
        _ => vec![*rng.pick(&rotating)],
    };
    if rng.chance(0.25) {
        let extra = *rng.pick(&[ELDERLY, LABOUR, AGRICULTURE, STABILITY]);
        if !s.contains(&extra) {
            s.push(extra);
        }
    }
    s
}

/// An away period of 5–30 days starting on a work day between March and
/// November, not overlapping `taken`.
fn away_period(rng: &mut Rand, year: i32, hols: &[(&str, NaiveDate, NaiveDate)]) -> Away {
    const WHY: &[(&str, i64, i64)] = &[
        ("党校培训", 10, 14),
        ("外出学习考察", 5, 7),
        ("休假", 5, 10),
        ("上级部门跟班学习", 20, 30),
    ];
    let (why, lo, hi) = *rng.pick(WHY);
    let mut from = ymd(year, 3, 1) + Duration::days(rng.int(0, 260));
    while !is_workday(from, hols) {
        from += Duration::days(1);
    }
    let to = from + Duration::days(rng.int(lo, hi) - 1);
    Away { from, to, why }
}

/// The leaders, one per post, in post order.
pub fn cadres(
    rng: &mut Rand,
    namer: &mut Namer,
    o: &GenOptions,
    units: &[Unit],
    hols: &[(&'static str, NaiveDate, NaiveDate)],
) -> Vec<Cadre> {
    let (n, profile) = (units.len(), o.profile);
    let post_list = posts(profile, o.cadres);
    let mut cadres: Vec<Cadre> = Vec::with_capacity(o.cadres);
    let mut homes_free: Vec<usize> = (0..n)
        .filter(|&i| matches!(units[i].kind, Kind::Village | Kind::Community))
        .collect();
    for post in post_list {
        let (cname, id) = namer.person(rng);
        let skills = post_skills(post, rng);
        let home_unit = if o.cadres >= 2 && !homes_free.is_empty() && rng.chance(0.3) {
            let j = rng.below(homes_free.len() as u64) as usize;
            Some(homes_free.swap_remove(j))
        } else {
            None
        };
        let away = if rng.chance(0.25) {
            vec![away_period(rng, o.year, hols)]
        } else {
            vec![]
        };
        cadres.push(Cadre {
            id,
            name: cname,
            post,
            skills,
            home_unit,
            units: None,
            away,
        });
    }
    // A lighter bound for the party secretary, a full one for one member,
    // each only where the counts stay feasible.
    let (lo, hi) = o.units_per_leader;
    let feasible = |c: &[Cadre]| {
        let (mut a, mut b) = (0, 0);
        for x in c {
            let (l, h) = x.units.unwrap_or((lo, hi));
            a += l;
            b += h;
        }
        a <= n && n <= b
    };
    if o.cadres >= 4 && hi >= 2 {
        let l = lo.saturating_sub(1).max(1);
        cadres[0].units = Some((l, (hi - 1).max(l)));
        if !feasible(&cadres) || cadres[0].units == Some((lo, hi)) {
            cadres[0].units = None;
        }
    }
    if o.cadres >= 6 {
        let j = rng.int(3, o.cadres as i64 - 1) as usize;
        cadres[j].units = Some((hi, hi));
        if !feasible(&cadres) || lo == hi {
            cadres[j].units = None;
        }
    }
    cadres
}

/// Every helper: department heads first, then each unit's own people,
/// township-wide volunteers, and the specialists that cover every need.
pub fn helpers(
    rng: &mut Rand,
    namer: &mut Namer,
    o: &GenOptions,
    units: &[Unit],
    hols: &[(&'static str, NaiveDate, NaiveDate)],
) -> Vec<Helper> {
    let n = units.len();
    let mut helpers: Vec<Helper> = Vec::new();
    // Department heads, the first slot: enough max_teams for every unit.
    let d = o.dept_heads;
    let doubles = d.min(n.saturating_sub(d) + 1);
    let mut double: Vec<bool> = (0..d).map(|i| i < doubles).collect();
    rng.shuffle(&mut double);
    let mut depts: Vec<usize> = (0..DEPARTMENTS.len()).collect();
    rng.shuffle(&mut depts);
    for (i, &two) in double.iter().enumerate() {
        let (dept, skill) = DEPARTMENTS[depts[i % depts.len()]];
        let note = if i < depts.len() {
            dept.to_string()
        } else {
            format!("{dept}（副职）")
        };
        let (hname, id) = namer.person(rng);
        let mut skills: Vec<&'static str> = skill.into_iter().collect();
        if rng.chance(0.15) {
            let extra = *rng.pick(&[STABILITY, LEGAL, LABOUR, ELDERLY]);
            if !skills.contains(&extra) {
                skills.push(extra);
            }
        }
        let away = if rng.chance(0.08) {
            vec![away_period(rng, o.year, hols)]
        } else {
            vec![]
        };
        helpers.push(Helper {
            id,
            name: hname,
            role: "department_head",
            note: Some(note),
            unit: None,
            skills,
            max_teams: if two { 2 } else { 1 },
            away,
        });
    }
    // Each unit's own people: party secretary, committee cadres, graduate
    // officials, volunteers.
    let committee_w: Vec<f64> = units
        .iter()
        .map(|u| match u.kind {
            Kind::Village => 3.3,
            Kind::Community => 3.0,
            Kind::Enterprise => 1.5,
            Kind::Industrial => 2.5,
        })
        .collect();
    let committee_lo = if o.committee_cadres >= n { 1 } else { 0 };
    let committee = apportion(
        o.committee_cadres,
        &committee_w,
        &vec![committee_lo; n],
        &vec![o.committee_cadres; n],
    )
    .expect("committee split");
    let mut grad_order: Vec<usize> = (0..n).filter(|&i| units[i].kind == Kind::Village).collect();
    rng.shuffle(&mut grad_order);
    let mut rest: Vec<usize> = (0..n)
        .filter(|&i| units[i].kind == Kind::Community)
        .collect();
    rng.shuffle(&mut rest);
    grad_order.extend(rest);
    let mut rest: Vec<usize> = (0..n)
        .filter(|&i| matches!(units[i].kind, Kind::Enterprise | Kind::Industrial))
        .collect();
    rng.shuffle(&mut rest);
    grad_order.extend(rest);
    let mut graduates = vec![0usize; n];
    for g in 0..o.graduates {
        graduates[grad_order[g % n]] += 1;
    }
    let township_vols = (o.volunteers as f64 * 0.25).round() as usize;
    let unit_vols = o.volunteers - township_vols;
    let vol_w: Vec<f64> = units.iter().map(|u| u.population as f64).collect();
    let volunteers =
        apportion(unit_vols, &vol_w, &vec![0; n], &vec![unit_vols; n]).expect("volunteer split");
    for (i, u) in units.iter().enumerate() {
        let own: &[&'static str] = match u.kind {
            Kind::Village => &[AGRICULTURE, LAND, ELDERLY, STABILITY],
            Kind::Community => &[ELDERLY, STABILITY, LEGAL],
            Kind::Enterprise | Kind::Industrial => &[LABOUR, STABILITY],
        };
        let mut add = |role: &'static str, p: f64, pool: &[&'static str], rng: &mut Rand| {
            let (hname, id) = namer.person(rng);
            let skills = if rng.chance(p) {
                vec![*rng.pick(pool)]
            } else {
                vec![]
            };
            helpers.push(Helper {
                id,
                name: hname,
                role,
                note: None,
                unit: Some(i),
                skills,
                max_teams: 1,
                away: vec![],
            });
        };
        add("party_secretary", 0.3, own, rng);
        for _ in 0..committee[i] {
            add("committee_cadre", 0.3, own, rng);
        }
        for _ in 0..graduates[i] {
            add(
                "graduate_official",
                0.4,
                &[EDUCATION, POVERTY, ELDERLY, HEALTH],
                rng,
            );
        }
        for _ in 0..volunteers[i] {
            add("volunteer", 0.25, &[ELDERLY, HEALTH, EDUCATION], rng);
        }
    }
    // Township-wide volunteers (社工): two teams each, a skill or two.
    for _ in 0..township_vols {
        let (hname, id) = namer.person(rng);
        let mut skills = vec![*rng.pick(&[ELDERLY, HEALTH, EDUCATION, LEGAL, LABOUR])];
        if rng.chance(0.3) {
            let s = *rng.pick(&[ELDERLY, HEALTH, EDUCATION]);
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        helpers.push(Helper {
            id,
            name: hname,
            role: "volunteer",
            note: Some("社工志愿者".into()),
            unit: None,
            skills,
            max_teams: 2,
            away: vec![],
        });
    }
    // Dedicated cover for every need: police for stability, lawyers for legal
    // help, deputies (两代表一委员) for the rest; enough teams for every unit
    // that needs the skill, whatever the others do.
    let demand = |s: &str| units.iter().filter(|u| u.needs.contains(&s)).count();
    let mut specialists = |role: &'static str,
                           skill: &'static str,
                           d: usize,
                           cap: usize,
                           min: usize,
                           notes: &[&str],
                           rng: &mut Rand| {
        let count = d.div_ceil(cap).max(min);
        if count == 0 {
            return;
        }
        let per = d.div_ceil(count).max(1) as u32;
        for k in 0..count {
            let (hname, id) = namer.person(rng);
            let mut skills = vec![skill];
            if role == "police" && rng.chance(0.3) {
                skills.push(LEGAL);
            }
            helpers.push(Helper {
                id,
                name: hname,
                role,
                note: Some(notes[k % notes.len()].to_string()),
                unit: None,
                skills,
                max_teams: per.max(2),
                away: vec![],
            });
        }
    };
    specialists(
        "police",
        STABILITY,
        demand(STABILITY),
        4,
        1,
        &["派出所"],
        rng,
    );
    specialists(
        "lawyer",
        LEGAL,
        demand(LEGAL),
        4,
        1,
        &["一村（社区）一法律顾问"],
        rng,
    );
    let deputy_notes = ["人大代表", "党代表", "政协委员"];
    for s in [
        LABOUR,
        AGRICULTURE,
        ELDERLY,
        LAND,
        ENVIRONMENT,
        POVERTY,
        HEALTH,
        EDUCATION,
    ] {
        specialists("deputy", s, demand(s), 3, 0, &deputy_notes, rng);
    }
    helpers
}
