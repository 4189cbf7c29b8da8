//! `--city foshan`: the 32 township rosters of Foshan whose counts add up
//! exactly to the city's 2014 figures (625 leaders in 738 villages and
//! communities; 698 department heads, 738 party secretaries, 2,095 committee
//! cadres, 211 graduate officials, 984 volunteers), each township between 10
//! and 40 units, with 1–2 units a leader, plus the city.toml every township
//! inherits from (its five districts, the Tuesday window, the common policy
//! and weights) and a README with the totals. No two townships share a
//! person's name.

use super::emit::{objective, policy, q, station};
use super::rng::apportion;
use super::{GenOptions, KindMix, Profile, default_bounds};
use std::collections::HashSet;
use std::fmt::Write;

/// The city's published figures that the rosters add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoshanTotals {
    pub townships: usize,
    pub cadres: usize,
    pub units: usize,
    pub dept_heads: usize,
    pub party_secretaries: usize,
    pub committee_cadres: usize,
    pub graduates: usize,
    pub volunteers: usize,
}

pub const FOSHAN_TOTALS: FoshanTotals = FoshanTotals {
    townships: 32,
    cadres: 625,
    units: 738,
    dept_heads: 698,
    party_secretaries: 738,
    committee_cadres: 2095,
    graduates: 211,
    volunteers: 984,
};

/// (district, township, file slug, profile, relative size).
const TOWNSHIPS: &[(&str, &str, &str, Profile, f64)] = &[
    ("禅城区", "祖庙街道", "zumiao", Profile::Urban, 36.0),
    ("禅城区", "石湾镇街道", "shiwanzhen", Profile::Urban, 24.0),
    ("禅城区", "张槎街道", "zhangcha", Profile::Town, 20.0),
    ("禅城区", "南庄镇", "nanzhuang", Profile::Town, 18.0),
    ("南海区", "桂城街道", "guicheng", Profile::Urban, 40.0),
    ("南海区", "九江镇", "jiujiang", Profile::Rural, 21.0),
    ("南海区", "西樵镇", "xiqiao", Profile::Rural, 35.0),
    ("南海区", "丹灶镇", "danzao", Profile::Rural, 21.0),
    ("南海区", "狮山镇", "shishan", Profile::Town, 40.0),
    ("南海区", "大沥镇", "dali", Profile::Town, 35.0),
    ("南海区", "里水镇", "lishui", Profile::Town, 32.0),
    ("顺德区", "大良街道", "daliang", Profile::Urban, 28.0),
    ("顺德区", "容桂街道", "ronggui", Profile::Urban, 26.0),
    ("顺德区", "伦教街道", "lunjiao", Profile::Town, 12.0),
    ("顺德区", "勒流街道", "leliu", Profile::Town, 24.0),
    ("顺德区", "陈村镇", "chencun", Profile::Town, 13.0),
    ("顺德区", "均安镇", "junan", Profile::Rural, 13.0),
    ("顺德区", "杏坛镇", "xingtan", Profile::Rural, 32.0),
    ("顺德区", "龙江镇", "longjiang", Profile::Town, 21.0),
    ("顺德区", "乐从镇", "lecong", Profile::Town, 22.0),
    ("顺德区", "北滘镇", "beijiao", Profile::Town, 22.0),
    ("高明区", "荷城街道", "hecheng", Profile::Urban, 30.0),
    ("高明区", "杨和镇", "yanghe", Profile::Rural, 11.0),
    ("高明区", "明城镇", "mingcheng", Profile::Rural, 15.0),
    ("高明区", "更合镇", "genghe", Profile::Rural, 16.0),
    ("三水区", "西南街道", "xinan", Profile::Urban, 36.0),
    ("三水区", "云东海街道", "yundonghai", Profile::Rural, 10.0),
    ("三水区", "白坭镇", "baini", Profile::Rural, 12.0),
    ("三水区", "乐平镇", "leping", Profile::Town, 18.4),
    ("三水区", "芦苞镇", "lubao", Profile::Rural, 13.0),
    ("三水区", "大塘镇", "datang", Profile::Rural, 12.0),
    ("三水区", "南山镇", "nanshan", Profile::Rural, 10.0),
];

/// One township's counts in the city split.
struct Share {
    units: usize,
    kinds: KindMix,
    cadres: usize,
    dept_heads: usize,
    committee: usize,
    graduates: usize,
    volunteers: usize,
}

fn split() -> Vec<Share> {
    let t = FOSHAN_TOTALS;
    let n = TOWNSHIPS.len();
    let w: Vec<f64> = TOWNSHIPS.iter().map(|x| x.4).collect();
    let units = apportion(t.units, &w, &vec![10; n], &vec![40; n]).expect("units split");
    let uw: Vec<f64> = units.iter().map(|&u| u as f64).collect();
    let half: Vec<usize> = units.iter().map(|&u| u.div_ceil(2) + 1).collect();
    // Leadership teams of 8 to 30, at least one leader with two units.
    let cadres = apportion(
        t.cadres,
        &uw,
        &half.iter().map(|&h| h.max(8)).collect::<Vec<_>>(),
        &units.iter().map(|&u| (u - 1).min(30)).collect::<Vec<_>>(),
    )
    .expect("cadres split");
    let dept = apportion(t.dept_heads, &uw, &half, &units).expect("department heads split");
    let kinds: Vec<KindMix> = TOWNSHIPS
        .iter()
        .zip(&units)
        .map(|(x, &u)| KindMix::for_profile(x.3, u))
        .collect();
    let cw: Vec<f64> = kinds
        .iter()
        .map(|k| {
            k.village as f64 * 3.3
                + k.community as f64 * 3.0
                + k.enterprise as f64 * 1.5
                + k.industrial_community as f64 * 2.5
        })
        .collect();
    let committee = apportion(
        t.committee_cadres,
        &cw,
        &units,
        &units.iter().map(|&u| 6 * u).collect::<Vec<_>>(),
    )
    .expect("committee split");
    let gw: Vec<f64> = kinds
        .iter()
        .map(|k| k.village as f64 + 0.4 * k.community as f64)
        .collect();
    let graduates = apportion(t.graduates, &gw, &vec![0; n], &units).expect("graduates split");
    let volunteers = apportion(
        t.volunteers,
        &uw,
        &vec![0; n],
        &units.iter().map(|&u| 4 * u).collect::<Vec<_>>(),
    )
    .expect("volunteers split");
    (0..n)
        .map(|i| Share {
            units: units[i],
            kinds: kinds[i],
            cadres: cadres[i],
            dept_heads: dept[i],
            committee: committee[i],
            graduates: graduates[i],
            volunteers: volunteers[i],
        })
        .collect()
}

/// Households one visit half-day covers, city-wide (the spec's 15); a
/// township whose units are denser sets its own.
pub const CITY_VISIT_SESSION: u32 = 15;

/// The city's name and its districts, in the order of [`TOWNSHIPS`].
const CITY: &str = "佛山市";

/// city.toml: the city, its five districts and their townships, and the
/// one rule for all (the Tuesday window, the common policy, the weights).
fn city_toml(cmd: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Foshan (佛山市): its districts, and the [station], [policy] and [objective] \
         values every township inherits unless it gives its own (docs/city.md)."
    );
    let _ = writeln!(s, "# Generated by: {cmd}");
    s.push('\n');
    let _ = writeln!(s, "[city]");
    let _ = writeln!(s, "name = {}", q(CITY));
    let mut districts: Vec<(&str, Vec<&str>)> = Vec::new();
    for &(district, township, ..) in TOWNSHIPS {
        match districts.last_mut() {
            Some((d, ts)) if *d == district => ts.push(township),
            _ => districts.push((district, vec![township])),
        }
    }
    for (d, ts) in districts {
        s.push('\n');
        let _ = writeln!(s, "[[district]]");
        let _ = writeln!(s, "name = {}", q(d));
        let names: Vec<String> = ts.iter().map(|t| q(t)).collect();
        let _ = writeln!(s, "townships = [{}]", names.join(", "));
    }
    s.push('\n');
    s.push_str(&station());
    s.push('\n');
    let per = format!("households_per_visit_session = {CITY_VISIT_SESSION}\n");
    s.push_str(&policy((1, 2), "", &per, true));
    s.push('\n');
    s.push_str(&objective());
    s
}

/// The city's rosters as (file name, text), in township order, followed by
/// `city.toml` and `README.md`. `out_dir` is only quoted in the command the files show.
pub fn foshan_rosters(seed: u64, year: i32, out_dir: &str) -> Vec<(String, String)> {
    let shares = split();
    let mut cmd = format!("zhudian generate --city foshan --out-dir {out_dir}");
    if seed != 1 {
        cmd += &format!(" --seed {seed}");
    }
    if year != 2015 {
        cmd += &format!(" --year {year}");
    }
    let mut out = Vec::new();
    // People's names drawn so far: no name twice in the city.
    let mut people = HashSet::new();
    let mut readme_rows = String::new();
    let mut sums = [0usize; 7];
    for (i, (share, town)) in shares.iter().zip(TOWNSHIPS).enumerate() {
        let (district, name, slug, profile, _) = *town;
        let mut o = GenOptions::new(
            profile,
            share.kinds,
            share.cadres,
            seed.wrapping_mul(1000).wrapping_add(i as u64 + 1),
        );
        o.year = year;
        o.name = name.to_string();
        o.units_per_leader = (1, 2);
        debug_assert_eq!(default_bounds(share.units, share.cadres), (1, 2));
        o.dept_heads = share.dept_heads;
        o.committee_cadres = share.committee;
        o.graduates = share.graduates;
        o.volunteers = share.volunteers;
        o.command = cmd.clone();
        o.city_visit_session = Some(CITY_VISIT_SESSION);
        o.notes = vec![format!(
            "Foshan (佛山市) {district} {name}: township {n} of 32, seed 1000 × --seed + {n}; \
             the 32 files add up to the city's figures (see README.md).",
            n = i + 1
        )];
        let text = super::roster_among(&o, &mut people)
            .unwrap_or_else(|e| panic!("Foshan township {name}: {e}"));
        let file = format!("foshan-{:02}-{slug}.toml", i + 1);
        let row = [
            share.units,
            share.cadres,
            share.dept_heads,
            share.units,
            share.committee,
            share.graduates,
            share.volunteers,
        ];
        for (s, v) in sums.iter_mut().zip(row) {
            *s += v;
        }
        let _ = writeln!(
            readme_rows,
            "| {:02} | {district} {name} | `{file}` | {} | {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            profile.as_str(),
            row[1],
            row[0],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6]
        );
        out.push((file, text));
    }
    out.push(("city.toml".to_string(), city_toml(&cmd)));
    let t = FOSHAN_TOTALS;
    let mut readme = String::new();
    let _ = writeln!(readme, "# Foshan: 32 township rosters\n");
    let _ = writeln!(
        readme,
        "Synthetic rosters of Foshan's 32 townships (镇街) whose counts add up exactly to the \
         city's 2014 figures for the stationing system: {} leaders stationed in {} villages and \
         communities, helped by {} department heads, {} party secretaries, {} village committee \
         cadres, {} graduate village officials and {} volunteers. Township names are real; \
         every other name, place and figure inside is made up. No person (same id and name) is \
         in two townships. Since there are fewer department heads than units, some department \
         heads have `max_teams = 2`.\n",
        t.cadres,
        t.units,
        t.dept_heads,
        t.party_secretaries,
        t.committee_cadres,
        t.graduates,
        t.volunteers
    );
    let _ = writeln!(
        readme,
        "`city.toml` holds the city (佛山市), its five districts and the townships in each, \
         and the one rule for all that every township inherits (docs/city.md): the station \
         window every Tuesday 15:00–18:30 with make-ups on Saturdays, `units_per_leader = \
         [1, 2]` (Foshan has about 1.2 units a leader), every household visited twice a year \
         by its team, {CITY_VISIT_SESSION} households a visit half-day, at most 10 visit \
         half-days a month each, and the objective's weights. A township's own file keeps \
         only its own values: its `max_travel_minutes`, and its \
         `households_per_visit_session` (20 or 25) where its units are blocks of flats; \
         `zhudian validate instances/foshan` lists those. Every office, unit and junction \
         has `x`, `y` in km for the report's map. What the city's plans give (sessions, \
         make-ups, visits, warnings) is in docs/city.md.\n"
    );
    let _ = writeln!(readme, "Made with:\n\n    {cmd}\n");
    let _ = writeln!(
        readme,
        "The same command gives the same files with the same zhudian version \
         (`tests/generate.rs` checks that the files here are still what it gives). Police, \
         lawyers and deputies (两代表一委员) are not in the city's figures: each roster adds as \
         many as its units' needs require.\n"
    );
    let _ = writeln!(
        readme,
        "| # | township | file | profile | leaders | units | department heads | party secretaries | committee cadres | graduate officials | volunteers |"
    );
    let _ = writeln!(
        readme,
        "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    readme.push_str(&readme_rows);
    let _ = writeln!(
        readme,
        "| | **total** | | | **{}** | **{}** | **{}** | **{}** | **{}** | **{}** | **{}** |",
        sums[1], sums[0], sums[2], sums[3], sums[4], sums[5], sums[6]
    );
    let _ = writeln!(
        readme,
        "| | Foshan's figures | | | {} | {} | {} | {} | {} | {} | {} |",
        t.cadres,
        t.units,
        t.dept_heads,
        t.party_secretaries,
        t.committee_cadres,
        t.graduates,
        t.volunteers
    );
    out.push(("README.md".to_string(), readme));
    out
}
