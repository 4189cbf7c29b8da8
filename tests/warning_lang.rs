//! A plan keeps each warning as a fact (`[warning.said]`) beside
//! its words, so a run in the other language says it in its own: a plan
//! made in English reads in Chinese exactly as one made in Chinese, and
//! back. A plan written before (no `said`) shows its stored words.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use zhudian::plan::PlanFile;
use zhudian::wording::Lang;

const ROSTER: &str = "instances/beijiao-example.toml";

/// The plan of the shipped example made with `--lang LANG`, as written.
fn planned(lang: &str, dir: &std::path::Path) -> (String, PlanFile) {
    let path = dir.join(format!("{lang}.toml")).display().to_string();
    let (code, _, err) = zhudian(&["--lang", lang, "plan", ROSTER, "-o", &path]);
    assert_eq!(code, 0, "{err}");
    let file = PlanFile::from_toml(&std::fs::read_to_string(&path).unwrap()).unwrap();
    (path, file)
}

fn warnings(lang: &str, plan: &str, kind: &str) -> String {
    let (code, out, err) = zhudian(&["--lang", lang, "warnings", plan, "--kind", kind]);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn a_plan_made_in_one_language_says_its_calendar_warnings_in_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let (en_path, en) = planned("en", dir.path());
    let (zh_path, zh) = planned("zh", dir.path());
    assert_eq!(en.warning.len(), zh.warning.len());
    let calendar = ["shortfall", "household_visits_short"];
    for (e, z) in en.warning.iter().zip(&zh.warning) {
        assert_eq!((&e.kind, &e.said), (&z.kind, &z.said));
        if calendar.contains(&e.kind.as_str()) {
            assert!(e.said.is_some(), "{}", e.kind);
            assert_eq!(e.text(Lang::Zh), z.message);
            assert_eq!(z.text(Lang::En), e.message);
            assert_ne!(e.message, z.message);
        }
    }
    let short = zh.warning.iter().find(|w| w.kind == "shortfall").unwrap();
    assert_eq!(short.message, SHORTFALL_ZH);
    for kind in calendar {
        assert_eq!(
            warnings("zh", &en_path, kind),
            warnings("zh", &zh_path, kind)
        );
        assert_eq!(
            warnings("en", &zh_path, kind),
            warnings("en", &en_path, kind)
        );
    }
    // The table says the year's figures once, above, and each row without them.
    let figures = "全年共需驻点接待275次，镇街7名成员每人每周只能去一个点，全年最多能去346次";
    let table = warnings("zh", &en_path, "shortfall");
    assert!(
        table.starts_with(&format!("人手：{figures}\n类型")),
        "{table}"
    );
    assert!(table.contains(&SHORTFALL_ZH.replace(&format!("{figures}；"), "")));
    assert_eq!(table.matches(figures).count(), 1, "{table}");
    // The fact is in the file, tagged by a code that is the same in both.
    let text = std::fs::read_to_string(&en_path).unwrap();
    assert!(
        text.contains("[warning.said]\ncode = \"shortfall\"\n"),
        "{text}"
    );
}

/// The message the plan stored with its (one) shortfall.
fn stored_shortfall(plan: &PlanFile) -> &str {
    &plan
        .warning
        .iter()
        .find(|w| w.kind == "shortfall")
        .unwrap()
        .message
}

#[test]
fn a_plan_written_before_shows_its_stored_words() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut en) = planned("en", dir.path());
    for w in &mut en.warning {
        w.said = None;
    }
    let old = dir.path().join("old.toml");
    std::fs::write(&old, en.to_toml()).unwrap();
    let old = old.display().to_string();
    let stored = stored_shortfall(&en);
    let out = warnings("zh", &old, "shortfall");
    assert!(out.contains(stored), "{out}");
    assert!(!out.contains(SHORTFALL_ZH), "{out}");
}

/// The example's one shortfall, as a plan made in Chinese words it.
#[test]
fn a_fact_this_version_cannot_read_leaves_the_stored_words() {
    let dir = tempfile::tempdir().unwrap();
    let (path, en) = planned("en", dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let newer = text.replace("code = \"shortfall\"", "code = \"from_a_newer_zhudian\"");
    assert_ne!(newer, text);
    std::fs::write(&path, newer).unwrap();
    let stored = stored_shortfall(&en);
    let out = warnings("zh", &path, "shortfall");
    assert!(out.contains(stored), "{out}");
}

#[test]
fn replan_and_city_warnings_keep_their_fact_too() {
    use zhudian::wording::across::NeverHereSaid;
    use zhudian::wording::scenario::ReplanSaid;
    use zhudian::wording::warnings::WarningSaid;
    let dir = tempfile::tempdir().unwrap();
    let (_, mut plan) = planned("en", dir.path());
    let pin = ReplanSaid::PinLeaderGone {
        unit: "xihai".into(),
        leader: "劳广行".into(),
    };
    let other = ReplanSaid::OtherRoster {
        units: vec!["旧村".into()],
        people: vec![("旧人".into(), vec!["旧村".into()])],
    };
    let away = NeverHereSaid {
        name: "陈志强".into(),
        township: "腰古镇".into(),
        others: vec!["六都镇".into()],
        blocked: 50,
        dates: 50,
        here: "15:00–18:30".into(),
        there: "15:00–18:30".into(),
        travel: None,
    };
    let said = [
        WarningSaid::Replan(pin),
        WarningSaid::Replan(other),
        WarningSaid::KeptAway(away),
    ];
    for s in &said {
        let mut w = plan.warning[0].clone();
        w.message = zhudian::wording::Say::say(s, Lang::En);
        w.said = Some(s.clone());
        plan.warning.push(w);
    }
    let back = PlanFile::from_toml(&plan.to_toml()).unwrap();
    assert_eq!(back.warning, plan.warning);
    let n = back.warning.len();
    assert_eq!(
        back.warning[n - 3].text(Lang::Zh),
        "--pin xihai：其驻点领导“劳广行”已离任且无接任者，无法保留原团队"
    );
    for (w, s) in back.warning[n - 3..].iter().zip(&said) {
        assert_eq!(w.text(Lang::Zh), zhudian::wording::Say::say(s, Lang::Zh));
        assert_eq!(w.text(Lang::En), w.message);
    }
}

const SHORTFALL_ZH: &str = "三洪奇村 6月16日 驻点接待：没有镇街人员到场，只有1名协助人员，少于要求的2人；全年共需驻点接待275次，镇街7名成员每人每周只能去一个点，全年最多能去346次；紧急会议“区防汛紧急会议”调走了该团队的镇街成员；为该团队再配一名不参会的部门负责人即可补上";
