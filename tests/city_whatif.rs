//! `whatif CITY SCENARIOS`: each variant applied to the townships it takes,
//! every township planned under the base and each variant; the district
//! subtotals add up the townships' own figures, a township outside a
//! district-wide variant keeps its base plan, and the scenarios file's
//! mistakes are placed at their lines.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

use zhudian::plan::PlanFile;
use zhudian::scenario::city::Figures;

/// Two districts: 高明区 (更合镇) and 三水区 (大塘镇, 南山镇).
const CITY: &str = "tests/fixtures/city-whatif";

fn write(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("s.toml");
    std::fs::write(&p, text).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn plan(p: PathBuf) -> PlanFile {
    PlanFile::from_toml(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The values on the line of `block` that starts with `label`, as numbers.
fn values(block: &str, label: &str) -> Vec<String> {
    let line = block
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no '{label}' in {block}"));
    line[line.find(label).unwrap() + label.len()..]
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The lines of `out` from `heading` to the next line as little indented.
fn block<'a>(out: &'a str, heading: &str) -> &'a str {
    let start = out
        .find(heading)
        .unwrap_or_else(|| panic!("no '{heading}' in {out}"));
    let rest = &out[start + heading.len()..];
    let indent = heading.len() - heading.trim_start().len();
    let end = rest
        .lines()
        .scan(0, |at, l| {
            let here = *at;
            *at += l.len() + 1;
            Some((here, l))
        })
        .find(|(_, l)| l.len() - l.trim_start().len() <= indent)
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

fn sum(figures: &[Figures]) -> Figures {
    let mut t = Figures::default();
    for f in figures {
        t.shortfalls += f.shortfalls;
        t.makeups += f.makeups;
        t.station_sessions += f.station_sessions;
        t.visit_sessions += f.visit_sessions;
        t.max_deviation_pct = t.max_deviation_pct.max(f.max_deviation_pct);
        t.moved += f.moved;
        t.cost += f.cost;
    }
    t
}

/// The table's values for `f`, as `whatif` prints them.
fn shown(f: &Figures) -> [(&'static str, String); 6] {
    [
        (
            "sessions without a township member",
            f.shortfalls.to_string(),
        ),
        ("make-up sessions", f.makeups.to_string()),
        ("station sessions", f.station_sessions.to_string()),
        ("household visit sessions", f.visit_sessions.to_string()),
        (
            "largest load deviation (%)",
            format!("{:.1}", f.max_deviation_pct),
        ),
        ("cost", format!("{:.2}", f.cost)),
    ]
}

#[test]
fn a_district_wide_variant_changes_its_district_only_and_the_subtotals_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"三水区村隔周\"\ndistricts = [\"三水区\"]\nunits = [{ where = { kind = \"village\" }, cadence = \"biweekly\" }]\n",
    );
    let plans = dir.path().join("plans");
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen), "--out-dir", s(&plans)]);
    assert_eq!(c, 0, "{out}{err}");
    let (base, var) = (plans.join("00-base"), plans.join("01-三水区村隔周"));
    // Outside the district: the base plan, byte for byte.
    let genghe = "foshan-25-genghe.toml";
    assert_eq!(
        std::fs::read(base.join(genghe)).unwrap(),
        std::fs::read(var.join(genghe)).unwrap()
    );
    let figures = |file: &str| {
        let b = plan(base.join(file));
        let v = plan(var.join(file));
        (Figures::of(&b, None), Figures::of(&v, Some(&b)))
    };
    let (gb, gv) = figures(genghe);
    assert_eq!(gb, gv);
    let (db, dv) = figures("foshan-31-datang.toml");
    let (nb, nv) = figures("foshan-32-nanshan.toml");
    // Inside it every village is fortnightly: fewer station sessions.
    assert!(dv.station_sessions < db.station_sessions);
    assert!(nv.station_sessions < nb.station_sessions);
    // The district's subtotal is its townships' figures added up.
    let sanshui = block(&out, "  三水区 (2 townships)\n");
    let (sb, sv) = (
        sum(&[db.clone(), nb.clone()]),
        sum(&[dv.clone(), nv.clone()]),
    );
    for ((label, b), (_, v)) in shown(&sb).into_iter().zip(shown(&sv)) {
        assert_eq!(values(sanshui, label), [b, v], "{label}");
    }
    assert_eq!(
        values(sanshui, "units whose leader changes"),
        ["—".to_string(), sv.moved.to_string()]
    );
    let gaoming = block(&out, "  高明区 (1 township)\n");
    for ((label, b), (_, v)) in shown(&gb).into_iter().zip(shown(&gv)) {
        assert_eq!(values(gaoming, label), [b.clone(), b], "{label}");
        assert_eq!(v, values(gaoming, label)[1]);
    }
    // The city's totals add every township up.
    let city = block(
        &out,
        "City totals, 3 townships (the base: the whole year planned afresh on the rosters as they stand, not the plan in force; then each variant):\n",
    );
    let (tb, tv) = (sum(&[gb, db, nb]), sum(&[gv, dv, nv]));
    for ((label, b), (_, v)) in shown(&tb).into_iter().zip(shown(&tv)) {
        assert_eq!(values(city, label), [b, v], "{label}");
    }
    // Only the district's townships are listed as changing.
    assert!(out.contains("Townships '三水区村隔周' changes most (2 of the 2 it changes):\n"));
    assert!(!out.contains("  更合镇 (高明区): "), "{out}");
}

#[test]
fn a_city_wide_variant_takes_every_township_and_lists_the_top_ones_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"远村隔周\"\nunits = [{ where = { kind = \"village\", min_travel_minutes = 15 }, cadence = \"biweekly\" }]\n",
    );
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen), "--top", "1", "--lang", "zh"]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.starts_with("全市合计（3 个镇街；先现名册方案（按现名册全年重新编排，不是正在执行的方案），后各方案）：\n"),
        "{out}"
    );
    assert!(
        out.contains("\n各区小计：\n  高明区（1 个镇街）\n"),
        "{out}"
    );
    assert!(
        // 南山镇 has no weekly village 15 minutes away: 2 townships change.
        out.contains("“远村隔周”变化最大的镇街（共 2 个有变化，列出 1 个）：\n  大塘镇（三水区）：缺少镇级人员的接待 1 → 0，"),
        "{out}"
    );
    // Chinese columns line up: every row of the city's table is as wide.
    let table = block(
        &out,
        "全市合计（3 个镇街；先现名册方案（按现名册全年重新编排，不是正在执行的方案），后各方案）：\n",
    );
    // Display columns as a terminal counts them (the em dash is one).
    let width = |l: &str| -> usize { unicode_width::UnicodeWidthStr::width(l) };
    let widths: Vec<usize> = table.lines().map(width).collect();
    assert!(widths.iter().all(|w| *w == widths[0]), "{table}");
}

#[test]
fn a_township_or_district_the_city_lacks_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"a\"\ntownships = [\n  \"更合镇\",\n  \"南山\",\n]\npolicy = { min_present = 1 }\n\n[[variant]]\nname = \"b\"\ndistricts = [\"三水\"]\npolicy = { min_present = 1 }\n",
    );
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(c, 2, "{out}");
    let p = s(&scen);
    assert_eq!(
        err,
        format!(
            "{p}:5: [[variant]] 'a', field 'townships': the city has no township '南山' (did you mean '南山镇'?)\n\
             {p}:11: [[variant]] 'b', field 'districts': the city has no district '三水' (did you mean '三水区'?) (its districts: 高明区, 三水区)\n"
        )
    );
    // A file name without .toml names a township too.
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"a\"\ntownships = [\"foshan-32-nanshan\"]\nunits = [{ where = { kind = \"village\" }, cadence = \"biweekly\" }]\n",
    );
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("Townships 'a' changes most (1 of the 1 it changes):\n  南山镇 (三水区): station sessions 475 → 275\n"),
        "{out}"
    );
    assert!(!out.contains("大塘镇 (三水区): "), "{out}");
}

#[test]
fn townships_in_a_township_run_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"a\"\ndistricts = [\"三水区\"]\n",
    );
    let (c, _, err) = zhudian(&["whatif", "instances/beijiao-example.toml", s(&scen)]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{}:3: [[variant]] 'a', field 'districts': townships and districts choose townships of a city: run whatif on the city's folder or file\n",
            s(&scen)
        )
    );
}

#[test]
fn an_entry_is_an_error_only_when_no_township_the_variant_takes_has_it() {
    let dir = tempfile::tempdir().unwrap();
    // 长桥社区 is 更合镇's only: fine city-wide.
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"a\"\nunits = [{ id = \"changqiao-sq\", cadence = \"biweekly\" }]\n",
    );
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(c, 0, "{out}{err}");
    assert!(
        out.contains("Townships 'a' changes most (1 of the 1 it changes):\n  更合镇 (高明区): "),
        "{out}"
    );
    // Limited to 三水区, it names a unit none of its townships has.
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"a\"\ndistricts = [\"三水区\"]\nunits = [{ id = \"changqiao-sq\", cadence = \"biweekly\" }]\n",
    );
    let (c, _, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(c, 2);
    assert!(
        err.starts_with(&format!(
            "{}:4: [[variant]] 'a', field 'units.id': there is no unit 'changqiao-sq'\n",
            s(&scen)
        )),
        "{err}"
    );
}

#[test]
fn a_where_selecting_no_unit_in_any_township_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"far\"\nunits = [{ where = { min_travel_minutes = 90 }, cadence = \"biweekly\" }]\n",
    );
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(c, 0, "{out}{err}");
    assert_eq!(
        err,
        format!(
            "warning: {}:3: [[variant]] 'far', field 'units.where': selects no unit in any township the variant applies to: it changes nothing\n",
            s(&scen)
        )
    );
    assert!(
        out.contains("'far' changes no township's figures.\n"),
        "{out}"
    );
}

/// A district listing a township the city does not have (a typo in
/// city.toml) is refused at its line, with the township it likely means,
/// rather than leaving that township out of the district's subtotals.
#[test]
fn a_district_listing_no_township_of_the_city_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(CITY).unwrap() {
        let f = f.unwrap().path();
        let to = dir.path().join(f.file_name().unwrap());
        let text = std::fs::read_to_string(&f).unwrap();
        std::fs::write(
            to,
            text.replace("townships = [\"更合镇\"]", "townships = [\"更合\"]"),
        )
        .unwrap();
    }
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", s(dir.path())]);
    assert_eq!(c, 2, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(
        all.contains("city.toml:12")
            && all.contains("高明区列出的“更合”不是名册中的镇街（请写镇街名称，或不带 .toml 的文件名）（是不是“更合镇”？）"),
        "{all}"
    );
    let (c, out, err) = zhudian(&["plan", s(dir.path()), "-o", s(&dir.path().join("p"))]);
    assert_eq!(c, 2, "{out}{err}");
}

/// city.toml's full-width punctuation is named as in a township's roster.
#[test]
fn a_full_width_comma_in_city_toml_is_named_with_its_fix() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(CITY).unwrap() {
        let f = f.unwrap().path();
        let to = dir.path().join(f.file_name().unwrap());
        let mut text = std::fs::read_to_string(&f).unwrap();
        if f.ends_with("city.toml") {
            text = text.replace("units_per_leader = [1, 2]", "units_per_leader = [1，2]");
        }
        std::fs::write(to, text).unwrap();
    }
    let (c, out, err) = zhudian(&["--lang", "zh", "validate", s(dir.path())]);
    assert_eq!(c, 2, "{out}{err}");
    assert!(
        err.contains(
            "city.toml:26:22：全角逗号「，」应为半角「,」：请把输入法切换到英文标点后重新输入「,」"
        ),
        "{err}"
    );
}

/// Two variants on 南山镇: one leaves too few leaders for its villages (it
/// cannot be planned there), one removes a leader.
const TWO_REMOVALS: &str = "[[variant]]\nname = \"南山少五人\"\nremove = [\"zhu-yw\", \"tan-jj\", \"yu-yz\", \"zhou-bl\", \"lu-fs\"]\n\n[[variant]]\nname = \"南山少一人\"\nremove = [\"zhu-yw\"]\n";

#[test]
fn a_variant_not_planned_in_one_township_leaves_the_others_totals_alone() {
    let dir = tempfile::tempdir().unwrap();
    let scen = write(dir.path(), TWO_REMOVALS);
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(c, 1, "{out}{err}");
    // Every township counts; the failing variant's column says it has none.
    let city = block(
        &out,
        "City totals, 3 townships (the base: the whole year planned afresh on the rosters as they stand, not the plan in force; then each variant):\n",
    );
    assert_eq!(
        values(city, "station sessions"),
        ["1825", "not", "planned", "1825"]
    );
    assert_eq!(
        values(city, "cost"),
        ["3943.75", "not", "planned", "3743.29"]
    );
    // 高明区 has it planned: its subtotal keeps the figures.
    let gaoming = block(&out, "  高明区 (1 township)\n");
    assert_eq!(values(gaoming, "cost"), ["1611.30", "1611.30", "1611.30"]);
    assert!(
        out.contains(
            "\n'南山少五人' could not be planned in 南山镇 (why: below), so it has no totals; its changes are those of the other 2 townships.\n\
             '南山少五人' changes no figures of the other 2 townships.\n"
        ),
        "{out}"
    );
    assert!(
        !out.contains("'南山少五人' changes no township's figures"),
        "{out}"
    );
    assert!(!out.contains("Left out of the totals"), "{out}");
    // The error is the variant's, at its line in the scenarios file.
    assert_eq!(
        err,
        format!(
            "南山镇: variant '南山少五人' cannot be planned:\n  {}:1: [policy], field 'units_per_leader': 10 units but 4 leaders × 2 = 8 places: allow 3 units for 2 leaders, or add a cadre\n",
            s(&scen)
        )
    );
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen), "--lang", "zh"]);
    assert_eq!(c, 1, "{out}{err}");
    assert!(
        out.contains(
            "\n“南山少五人”在南山镇无法编排（原因见下），没有合计；以下只比较其余 2 个镇街。\n\
             “南山少五人”在其余 2 个镇街没有改变任何数字。\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("  方案得分                  3943.75    未能编排     3743.29\n"),
        "{out}"
    );
}

#[test]
fn a_removed_leader_is_named_as_removed_and_a_cheaper_variant_doing_less_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let scen = write(dir.path(), TWO_REMOVALS);
    let (_, out, _) = zhudian(&["whatif", CITY, s(&scen)]);
    assert!(
        out.contains(
            "\n    鹤涌村（hechong）: leader 朱英伟 → 卢芬胜, because the variant removes 朱英伟\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "\n    塘林村（tanglin）: leader 卢芬胜 → 余燕振, to balance loads and tours\n"
        ),
        "{out}"
    );
    // A variant is planned afresh: its score counts no change.
    assert!(!out.contains("continuity cost"), "{out}");
    assert!(
        out.contains("\n'南山少一人' scores better than the base (3743.29 against 3943.75) but leaves 2 sessions without a township member against 1: the better score comes from doing less, not from a better plan\n"),
        "{out}"
    );
    let (_, out, _) = zhudian(&["whatif", CITY, s(&scen), "--lang", "zh"]);
    assert!(
        out.contains("\n    鹤涌村：驻点领导 朱英伟 → 卢芬胜，因本方案去掉了朱英伟\n"),
        "{out}"
    );
    assert!(
        !out.contains("领导变动计") && !out.contains("离任"),
        "{out}"
    );
    assert!(
        out.contains("\n“南山少一人”的方案得分比现名册方案低（3743.29 对 3943.75），但缺少镇级人员的接待有 2 次，现名册方案只有 1 次：得分低是因为做得少，并不是方案更好\n"),
        "{out}"
    );
}

#[test]
fn a_township_name_one_character_off_is_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"a\"\ntownships = [\"南三镇\"]\npolicy = { min_present = 1 }\n",
    );
    let (c, _, err) = zhudian(&["whatif", CITY, s(&scen), "--lang", "zh"]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{}:3: 方案“a”，字段“townships”：全市没有“南三镇”这个镇街（是不是“南山镇”？）\n",
            s(&scen)
        )
    );
    let (_, _, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(
        err,
        format!(
            "{}:3: [[variant]] 'a', field 'townships': the city has no township '南三镇' (did you mean '南山镇'?)\n",
            s(&scen)
        )
    );
}

#[test]
fn a_remove_no_township_has_is_an_error_with_the_nearest_entry_and_its_file() {
    // A trial: a mistyped id, guessed differently in each township, was
    // taken without a word and the variant planned as the base.
    let dir = tempfile::tempdir().unwrap();
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"少一人\"\nremove = [\"ye-dhh\"]\n",
    );
    let file = format!("{CITY}/foshan-25-genghe.toml");
    let (c, out, err) = zhudian(&["--lang", "zh", "whatif", CITY, s(&scen)]);
    assert_eq!(c, 2, "{out}{err}");
    assert_eq!(
        err,
        format!(
            "{}:3: 方案“少一人”，字段“remove”：它所含的镇街都没有编号为“ye-dhh”的村（社区）、干部或协助人员（是不是 {file} 中的“ye-dh”（叶丹浩）？）\n",
            s(&scen)
        )
    );
    let (c, _, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(c, 2);
    assert_eq!(
        err,
        format!(
            "{}:3: [[variant]] '少一人', field 'remove': no township it takes has a unit, cadre or helper 'ye-dhh' (did you mean 'ye-dh' (叶丹浩) of {file}?)\n",
            s(&scen)
        )
    );
    // The right id is taken: 更合镇 has 叶丹浩.
    let scen = write(
        dir.path(),
        "[[variant]]\nname = \"少一人\"\nremove = [\"ye-dh\"]\n",
    );
    let (c, out, err) = zhudian(&["whatif", CITY, s(&scen)]);
    assert_eq!(c, 0, "{out}{err}");
}
