//! The report of a year with a handover: the leaders counted are those in
//! force at the year's end (the one who left counted apart), and a section
//! lists each handover in names: who to whom, which units and team places,
//! from which date.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::Path;

use zhudian::plan::PlanFile;

const ROSTER: &str = "instances/gaozhou-rural.toml";

/// The shipped roster with 彭坚丽 leaving on 1 July and 林晓阳 succeeding
/// her, planned; (roster, plan).
fn transferred(dir: &Path) -> (String, String) {
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let a = text.find("[[cadre]]\nid = \"peng-jl\"").unwrap();
    let b = a + 9 + text[a + 9..].find("\n[[").unwrap() + 1;
    let block = &text[a..b];
    let successor = block
        .replace("id = \"peng-jl\"", "id = \"lin-xy\"")
        .replace(
            "name = \"彭坚丽\"",
            "name = \"林晓阳\"\nsucceeds = \"peng-jl\"",
        );
    let leaving = block.replace(
        "id = \"peng-jl\"\n",
        "id = \"peng-jl\"\nleaves = \"2015-07-01\"\n",
    );
    let roster = dir.join("transfer.toml").display().to_string();
    std::fs::write(
        &roster,
        text[..a].to_string() + &leaving + &successor + &text[b..],
    )
    .unwrap();
    let plan = dir.join("plan.toml").display().to_string();
    let (c, out, err) = zhudian(&["plan", &roster, "-o", &plan]);
    assert_eq!(c, 0, "{out}{err}");
    (roster, plan)
}

fn page(roster: &str, plan: &str, lang: &str, dir: &Path) -> String {
    let out = dir
        .join(format!("report-{lang}.html"))
        .display()
        .to_string();
    let (c, o, e) = zhudian(&["--lang", lang, "report", roster, plan, "-o", &out]);
    assert_eq!(c, 0, "{o}{e}");
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn the_leaders_counted_are_those_in_force_and_the_leavers_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, plan) = transferred(dir.path());
    let r = zhudian::roster::load(Path::new(&roster)).unwrap();
    assert_eq!(r.cadres.len(), 13);
    let units = r.units.len();
    let households: u64 = r.units.iter().map(|u| u.households as u64).sum();
    let zh = page(&roster, &plan, "zh", dir.path());
    let line = format!(
        "12 名驻点领导（另有 1 名年内离任或交接），驻 {units} 个村居，共 {households} 户。"
    );
    assert!(zh.contains(&line), "{line}");
    let en = page(&roster, &plan, "en", dir.path());
    let line = format!(
        "12 leaders stationed at {units} units (1 more leader left or handed over during the year) with {households} households."
    );
    assert!(en.contains(&line), "{line}");
    // Without a leaver, no aside.
    let plain = dir.path().join("p0.toml").display().to_string();
    assert_eq!(zhudian(&["plan", ROSTER, "-o", &plain]).0, 0);
    let zh = page(ROSTER, &plain, "zh", dir.path());
    assert!(zh.contains("12 名驻点领导，驻 "), "{zh}");
    assert!(!zh.contains("离任"));
    assert!(!zh.contains("id=\"handovers\""));
}

#[test]
fn the_handovers_section_lists_each_handover_in_names() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, plan) = transferred(dir.path());
    let p = PlanFile::from_toml(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let r = zhudian::roster::load(Path::new(&roster)).unwrap();
    assert_eq!(p.handover.len(), 1);
    let h = &p.handover[0];
    assert!(!h.units.is_empty());
    let name = |u: &str| r.units[r.unit_index(u).unwrap()].name.clone();
    let post = r.cadres[r.cadre_index("peng-jl").unwrap()].post.clone();
    let units: Vec<String> = h.units.iter().map(|u| name(u)).collect();
    let zh = page(&roster, &plan, "zh", dir.path());
    let row = format!(
        "<tr><td>2015-07-01</td><td>彭坚丽<span class=\"caption\">（{post}）</span></td><td>林晓阳<span class=\"caption\">（{post}）</span></td><td>{}</td>",
        units.join("<br>")
    );
    assert!(zh.contains(&row), "{row}");
    assert!(zh.contains("<section id=\"handovers\"><h2>人员交接</h2><p class=\"caption\">年内的交接：接任者自交接日起接手所列村居和团队席位，离任者任职至前一天。</p><table class=\"teams\"><tr><th>交接日期</th><th>离任</th><th>接任</th><th>驻点村居</th><th>团队席位</th></tr>"));
    for id in ["peng-jl", "lin-xy"] {
        let section = &zh[zh.find("id=\"handovers\"").unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        assert!(!section.contains(id), "{section}");
    }
    let en = page(&roster, &plan, "en", dir.path());
    assert!(en.contains("<section id=\"handovers\"><h2>Handovers</h2><p class=\"caption\">Who handed over to whom during the year: the successor takes the units and team places from the date on; the one who leaves serves until the day before.</p><table class=\"teams\"><tr><th>From</th><th>Hands over</th><th>Takes over</th><th>Units led</th><th>Team places</th></tr><tr><td>2015-07-01</td><td>彭坚丽"));
}

#[test]
fn a_team_place_handed_over_is_named_by_unit_and_place() {
    use zhudian::wording::Lang;
    use zhudian::wording::report::team_place;
    assert_eq!(
        team_place("北滘社区", "2", Lang::Zh),
        "北滘社区第 2 个团队席位"
    );
    assert_eq!(team_place("Beijiao", "2", Lang::En), "Beijiao, place 2");
}
