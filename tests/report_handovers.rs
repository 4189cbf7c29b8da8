//! The report of a year with a handover: the leaders counted are those in
//! force at the year's end (the one who left counted apart), and a section
//! lists each handover in names: who to whom, which units and team places,
//! from which date; a leader who left with no successor is listed with the
//! day and who leads each of their units from then.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;
#[path = "common/year_fixtures.rs"]
mod year_fixtures;

use std::path::Path;

use zhudian::plan::PlanFile;

const ROSTER: &str = "instances/gaozhou-rural.toml";

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
    let (roster, plan) = year_fixtures::july_succession_planned(dir.path());
    let r = zhudian::roster::load(Path::new(&roster)).unwrap();
    assert_eq!(r.cadres.len(), 13);
    let units = r.units.len();
    let households: u64 = r.units.iter().map(|u| u.households as u64).sum();
    let zh = page(&roster, &plan, "zh", dir.path());
    let line = format!(
        "12 名驻点领导（另有 1 名年内离任或交接），驻 {units} 个村（社区），共 {households} 户。"
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
    let (roster, plan) = year_fixtures::july_succession_planned(dir.path());
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
        "<tr><td>7月1日</td><td>彭坚丽<span class=\"caption\">（{post}）</span></td><td>林晓阳<span class=\"caption\">（{post}）</span></td><td>{}</td>",
        units.join("<br>")
    );
    assert!(zh.contains(&row), "{row}");
    // A leader hands over no team place: the cell says so with a dash.
    assert!(h.slots.is_empty());
    assert!(zh.contains(&format!("{row}<td>—</td></tr>")), "{row}");
    assert!(zh.contains("<section id=\"handovers\"><h2>人员交接</h2><p class=\"caption\">年内的交接：接任者自交接日起接手所列村（社区）和团队席位，离任者任职至前一天。</p><table class=\"teams\"><tr><th>交接日期</th><th>离任</th><th>接任</th><th>驻点村居</th><th>团队席位</th></tr>"));
    for id in ["peng-jl", "lin-xy"] {
        let section = &zh[zh.find("id=\"handovers\"").unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        assert!(!section.contains(id), "{section}");
    }
    let en = page(&roster, &plan, "en", dir.path());
    assert!(en.contains("<section id=\"handovers\"><h2>Handovers</h2><p class=\"caption\">Who handed over to whom during the year: the successor takes the units and team places from the date on; the one who leaves serves until the day before.</p><table class=\"teams\"><tr><th>From</th><th>Hands over</th><th>Takes over</th><th>Units led</th><th>Team places</th></tr><tr><td>Jul 1</td><td>彭坚丽"));
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

/// Plans the shipped roster, then replans it from 1 July with the leader of
/// the most units in that plan leaving with no successor; (roster, plan in
/// force, replan, the leaver's id).
fn departed(dir: &Path) -> (String, String, String, String) {
    let p0 = dir.join("p0.toml").display().to_string();
    assert_eq!(zhudian(&["plan", ROSTER, "-o", &p0]).0, 0);
    let before = PlanFile::from_toml(&std::fs::read_to_string(&p0).unwrap()).unwrap();
    let leaver = before
        .leader
        .iter()
        .max_by_key(|l| l.units.len())
        .unwrap()
        .id
        .clone();
    let text = std::fs::read_to_string(ROSTER).unwrap();
    let head = format!("[[cadre]]\nid = \"{leaver}\"\n");
    let roster = dir.join("left.toml").display().to_string();
    std::fs::write(
        &roster,
        text.replace(&head, &format!("{head}leaves = \"2015-07-01\"\n")),
    )
    .unwrap();
    let p1 = dir.join("p1.toml").display().to_string();
    let (c, out, err) = zhudian(&[
        "replan",
        &roster,
        "--previous",
        &p0,
        "--from",
        "2015-07-01",
        "-o",
        &p1,
    ]);
    assert_eq!(c, 0, "{out}{err}");
    (roster, p0, p1, leaver)
}

#[test]
fn a_departure_without_successor_is_listed_with_who_takes_each_unit() {
    let dir = tempfile::tempdir().unwrap();
    let (roster, p0, p1, leaver) = departed(dir.path());
    let r = zhudian::roster::load(Path::new(&roster)).unwrap();
    let read = |p: &str| PlanFile::from_toml(&std::fs::read_to_string(p).unwrap()).unwrap();
    let (before, after) = (read(&p0), read(&p1));
    let person = |id: &str| {
        let c = r.cadre_index(id).unwrap();
        r.cadres[c].name.clone()
    };
    let unit = |id: &str| r.units[r.unit_index(id).unwrap()].name.clone();
    // Her units, in the plan's order, each with its leader from the date.
    let taken: Vec<(String, String)> = after
        .assignment
        .iter()
        .filter(|a| {
            before
                .assignment
                .iter()
                .any(|b| b.unit == a.unit && b.leader == leaver)
        })
        .map(|a| (unit(&a.unit), person(&a.leader)))
        .collect();
    assert!(taken.len() >= 2, "{taken:?}");
    let name = person(&leaver);
    let zh = page(&roster, &p1, "zh", dir.path());
    let parts: Vec<String> = taken
        .iter()
        .map(|(u, by)| format!("{u}改由{by}联系"))
        .collect();
    let said = format!(
        "<section id=\"handovers\"><h2>人员交接</h2><p class=\"caption\">年内离任或调离、未指定接任者的驻点领导：自离任（调离）日起，其联系的村（社区）改由他人联系。</p><ul><li>{name} 7月1日离任：{}</li></ul></section>",
        parts.join("，")
    );
    assert!(zh.contains(&said), "{said}\n{zh}");
    // The leaders counted are those in force; her departure is mentioned.
    let leaders = r.cadres.len() - 1;
    assert!(
        zh.contains(&format!(
            "{leaders} 名驻点领导（另有 1 名年内离任或交接），驻 "
        )),
        "{zh}"
    );
    let en = page(&roster, &p1, "en", dir.path());
    let parts: Vec<String> = taken
        .iter()
        .enumerate()
        .map(|(i, (u, by))| {
            if i == 0 {
                format!("{by} leads {u} from then")
            } else {
                format!("{by} leads {u}")
            }
        })
        .collect();
    let said = format!(
        "<section id=\"handovers\"><h2>Handovers</h2><p class=\"caption\">Leaders who left during the year, or moved to another township, with no successor here: from the day they left, others lead their units.</p><ul><li>{name} left on Jul 1: {}</li></ul></section>",
        parts.join(", ")
    );
    assert!(en.contains(&said), "{said}\n{en}");
    assert!(en.contains(&format!(
        "{leaders} leaders stationed at {} units (1 more leader left or handed over during the year)",
        r.units.len()
    )));
}

#[test]
fn a_departure_is_said_unit_by_unit_in_both_languages() {
    use zhudian::wording::Lang;
    use zhudian::wording::report::departure;
    let units = [
        ("南山村".to_string(), Some("陈志伟".to_string())),
        ("田心村".to_string(), Some("李惠敏".to_string())),
    ];
    assert_eq!(
        departure("何建明", "7月1日", &units, Lang::Zh),
        "何建明 7月1日离任：南山村改由陈志伟联系，田心村改由李惠敏联系"
    );
    assert_eq!(
        departure("何建明", "Jul 1", &units, Lang::En),
        "何建明 left on Jul 1: 陈志伟 leads 南山村 from then, 李惠敏 leads 田心村"
    );
    let nobody = [("南山村".to_string(), None)];
    assert_eq!(
        departure("何建明", "7月1日", &nobody, Lang::Zh),
        "何建明 7月1日离任：南山村暂无驻点领导"
    );
    assert_eq!(
        departure("何建明", "Jul 1", &nobody, Lang::En),
        "何建明 left on Jul 1: 南山村 has no leader from then"
    );
    assert_eq!(
        departure("何建明", "7月1日", &[], Lang::Zh),
        "何建明 7月1日离任，年内未联系村（社区）"
    );
    assert_eq!(
        departure("何建明", "Jul 1", &[], Lang::En),
        "何建明 left on Jul 1, having led no unit this year"
    );
}
