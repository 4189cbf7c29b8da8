//! The report's workload table after a handover: the fair share is counted
//! over the leaders in force at the year's end (the plan's deviations are),
//! and a leader below it shows a minus sign.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use zhudian::plan::PlanFile;

const ROSTER: &str = "instances/gaozhou-rural.toml";

#[test]
fn the_fair_share_counts_the_leaders_in_force_and_a_load_below_it_is_negative() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let head = "[[cadre]]\nid = \"peng-jl\"\n";
    let roster = dir.path().join("r.toml").display().to_string();
    std::fs::write(
        &roster,
        text.replacen(head, &format!("{head}leaves = \"2015-07-01\"\n"), 1),
    )
    .unwrap();
    let plan = dir.path().join("p.toml").display().to_string();
    let (c, o, e) = zhudian(&["plan", &roster, "-o", &plan]);
    assert_eq!(c, 0, "{o}{e}");
    let p = PlanFile::from_toml(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let r = zhudian::roster::load(std::path::Path::new(&roster)).unwrap();
    let total: f64 = (0..r.units.len()).map(|u| r.workload_of(u)).sum();
    let in_force = r.cadres.len() - 1;
    assert_eq!(p.leader.len(), in_force);
    let target = total / in_force as f64;
    let out = dir.path().join("report.html").display().to_string();
    let (c, o, e) = zhudian(&["--lang", "zh", "report", &roster, &plan, "-o", &out]);
    assert_eq!(c, 0, "{o}{e}");
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(
        page.contains(&format!("阴影为平均数 {target:.0} 户上下 10% 的范围")),
        "{target}"
    );
    let mut below = 0;
    for l in &p.leader {
        let signed = 100.0 * (l.load - target) / target;
        assert!((signed.abs() - l.deviation_pct).abs() < 1e-6, "{}", l.id);
        assert!(
            page.contains(&format!(">{signed:+.1}%<")),
            "{}: {signed:+.1}%",
            l.id
        );
        below += usize::from(signed < -0.05);
    }
    assert!(below > 0);

    // The terminal's table and the workbook's sheet say the same signs (a
    // replan's roster still holds the leader who left: counted in the
    // average, she turned every sign round in a trial).
    let (c, o, e) = zhudian(&["--lang", "zh", "plan", &roster, "-o", &plan]);
    assert_eq!(c, 0, "{o}{e}");
    let xlsx = dir.path().join("p.xlsx").display().to_string();
    let (c, o2, e) = zhudian(&["--lang", "zh", "export", &plan, "--xlsx", &xlsx]);
    assert_eq!(c, 0, "{o2}{e}");
    let sheet = sheet_rows(std::path::Path::new(&xlsx), "领导干部");
    for l in &p.leader {
        let signed = 100.0 * (l.load - target) / target;
        let name = &r.cadres[r.cadre_index(&l.id).unwrap()].name;
        let row = o
            .lines()
            .find(|line| line.trim_start().starts_with(name.as_str()))
            .unwrap_or_else(|| panic!("{name} in\n{o}"));
        assert!(row.contains(&format!(" {signed:+.1} ")), "{row}");
        let cells = sheet
            .iter()
            .find(|row| row.first().is_some_and(|c| c.to_string() == *name))
            .unwrap_or_else(|| panic!("{name} on the sheet"));
        let pct = cells
            .iter()
            .find_map(|c| match c {
                calamine::Data::Float(x) if x.abs() < 1.0 && *x != 0.0 => Some(*x),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{name}: {cells:?}"));
        assert!(
            (pct * 100.0 - signed).abs() < 1e-6,
            "{name}: {pct} vs {signed}"
        );
    }
}

/// The cells of sheet `name` of an XLSX file, as calamine reads them.
fn sheet_rows(path: &std::path::Path, name: &str) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}
