//! The generated township's units: names by kind, households, population
//! and migrants by kind and profile, hamlets (村民小组, 网格, 片区, 宿舍), the
//! needs that follow from them, and fortnightly sessions for the remotest
//! villages.

use super::geo::Layout;
use super::names::{Namer, numeral};
use super::rng::{Rand, apportion};
use super::{
    AGRICULTURE, EDUCATION, ELDERLY, ENVIRONMENT, HEALTH, Kind, LABOUR, LAND, LEGAL, POVERTY,
    Profile, STABILITY, Unit,
};

/// The units of `kinds`, in that order, placed as `layout` says.
pub fn units(
    rng: &mut Rand,
    namer: &mut Namer,
    profile: Profile,
    kinds: &[Kind],
    layout: &Layout,
) -> Vec<Unit> {
    let n = kinds.len();
    let (dist, by_distance) = (&layout.dist, &layout.by_distance);
    let mut units: Vec<Unit> = Vec::with_capacity(n);
    for (i, &k) in kinds.iter().enumerate() {
        let (place, slug) = namer.place(rng);
        let (uname, base) = match k {
            Kind::Village => (format!("{place}村"), slug.clone()),
            Kind::Community => (format!("{place}社区"), format!("{slug}-sq")),
            Kind::Industrial => (format!("{place}工业园外来工社区"), format!("{slug}-park")),
            Kind::Enterprise => {
                let trade = *rng.pick(&[
                    "电器", "家具", "纺织", "陶瓷", "五金", "机械", "食品", "塑料", "电子", "照明",
                ]);
                (format!("{place}{trade}有限公司"), format!("{slug}-qy"))
            }
        };
        let id = namer.unique_id(&base);
        let (median, sigma) = match (k, profile) {
            (Kind::Village, Profile::Rural) => (600.0, 0.55),
            (Kind::Village, _) => (850.0, 0.5),
            (Kind::Community, Profile::Urban) => (1900.0, 0.45),
            (Kind::Community, _) => (1300.0, 0.5),
            (Kind::Industrial, _) => (900.0, 0.4),
            (Kind::Enterprise, _) => (300.0, 0.5),
        };
        let households = rng.lognormal(median, sigma).round().clamp(150.0, 3000.0) as u32;
        let factor = match k {
            Kind::Village | Kind::Community => rng.real(3.0, 3.8),
            Kind::Industrial => rng.real(5.0, 6.0),
            Kind::Enterprise => rng.real(4.5, 5.5),
        };
        let population = (households as f64 * factor).round() as u32;
        let (m_lo, m_hi) = match (k, profile) {
            (Kind::Village, Profile::Rural) => (0.02, 0.15),
            (Kind::Village, Profile::Town) => (0.1, 0.45),
            (Kind::Village, Profile::Urban) => (0.3, 0.6),
            (Kind::Community, Profile::Rural) => (0.1, 0.3),
            (Kind::Community, Profile::Town) => (0.25, 0.55),
            (Kind::Community, Profile::Urban) => (0.3, 0.7),
            (Kind::Industrial, _) => (0.8, 0.92),
            (Kind::Enterprise, _) => (0.85, 0.95),
        };
        let migrants = (population as f64 * rng.real(m_lo, m_hi)).round() as u32;

        // Hamlets (村民小组), grids (网格), zones or dormitory blocks.
        let count = match k {
            Kind::Village => (2 + households / 700 + rng.below(2) as u32).clamp(2, 6),
            Kind::Community => (2 + households / 900 + rng.below(2) as u32).clamp(2, 5),
            Kind::Industrial => rng.int(2, 4) as u32,
            Kind::Enterprise => rng.int(1, 3) as u32,
        } as usize;
        let style = rng.below(2);
        let hamlet_names: Vec<String> = (1..=count)
            .map(|j| match (k, style) {
                (Kind::Village, 0) => format!("{}队", numeral(j)),
                (Kind::Village, _) => format!("第{}村民小组", numeral(j)),
                (Kind::Community, 0) => format!("第{}网格", numeral(j)),
                (Kind::Community, _) => format!("{}区", numeral(j)),
                (Kind::Industrial, _) => format!("{}片区", numeral(j)),
                (Kind::Enterprise, _) => format!("宿舍{}栋", (b'A' + j as u8 - 1) as char),
            })
            .collect();
        let weights: Vec<f64> = (0..count).map(|_| rng.real(0.6, 1.4)).collect();
        let floor = if households as usize >= 30 * count {
            30
        } else {
            1
        };
        let split = apportion(
            households as usize,
            &weights,
            &vec![floor; count],
            &vec![households as usize; count],
        )
        .expect("hamlet split");
        let hamlets = hamlet_names
            .into_iter()
            .zip(split)
            .map(|(h, c)| (h, c as u32))
            .collect();

        // Needs: more, and more pressing, in complex units.
        let share = migrants as f64 / population.max(1) as f64;
        let rank = by_distance.iter().position(|&j| j == i).unwrap_or(0) as f64 / n as f64;
        let fringe =
            profile != Profile::Urban && (0.3..0.7).contains(&rank) && k != Kind::Enterprise;
        let remote = rank >= 0.75;
        let mut needs: Vec<&'static str> = Vec::new();
        let mut want = |p: f64, skill: &'static str, rng: &mut Rand| {
            if rng.chance(p.clamp(0.0, 1.0)) && !needs.contains(&skill) {
                needs.push(skill);
            }
        };
        let base_stab = if profile == Profile::Urban {
            0.25
        } else {
            0.08
        };
        want(
            base_stab + 0.6 * share + if fringe { 0.15 } else { 0.0 },
            STABILITY,
            rng,
        );
        want(
            0.05 + 0.35 * share + if k == Kind::Community { 0.2 } else { 0.0 },
            LEGAL,
            rng,
        );
        match k {
            Kind::Enterprise | Kind::Industrial => want(1.0, LABOUR, rng),
            _ => want(0.25 * share, LABOUR, rng),
        }
        if k == Kind::Village {
            want(
                if profile == Profile::Rural {
                    0.35
                } else {
                    0.12
                },
                AGRICULTURE,
                rng,
            );
            want(0.3 * (1.0 - share), ELDERLY, rng);
            if fringe {
                want(0.3, LAND, rng);
            }
            if remote && profile == Profile::Rural {
                want(0.35, POVERTY, rng);
            }
        }
        if k == Kind::Community {
            want(0.2, ELDERLY, rng);
        }
        if k == Kind::Industrial {
            want(0.4, ENVIRONMENT, rng);
        }
        want(0.04, HEALTH, rng);
        want(0.03, EDUCATION, rng);
        needs.truncate(3);

        units.push(Unit {
            id,
            name: uname,
            kind: k,
            households,
            population,
            migrants,
            needs,
            biweekly: false,
            hamlets,
            minutes: dist[i + 1],
            at: layout.pts[i + 1],
        });
    }
    // Fortnightly sessions for the remotest villages.
    let biweekly_share = match profile {
        Profile::Rural => 0.15,
        Profile::Town => 0.1,
        Profile::Urban => 0.0,
    };
    let villages_far: Vec<usize> = by_distance
        .iter()
        .rev()
        .copied()
        .filter(|&i| units[i].kind == Kind::Village)
        .collect();
    let nb = (villages_far.len() as f64 * biweekly_share).round() as usize;
    for &i in villages_far.iter().take(nb) {
        units[i].biweekly = true;
    }
    units
}
