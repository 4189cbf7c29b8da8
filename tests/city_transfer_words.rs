//! A leader moving between two townships of a city, as the township
//! outputs say it (issue 16, after the Chinese city trial): the report's
//! handovers name the township moved to and the one moved from, the
//! workbook's 在岗 cells and `people` say it beside the dates, a single
//! township's report reads `transferred_from`; and `check CITY --previous`
//! says for each township replanned what it kept before the date and
//! changed from it, with a city total.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use std::path::{Path, PathBuf};

use zhudian::verify::past::{PastCounts, total};
use zhudian::wording::Lang;
use zhudian::wording::check::{city_past_line, kept_line, past_line};
use zhudian::wording::documents::{Moved, in_post_moved};
use zhudian::wording::moves::{arrivals_caption, moved_away, moved_in, moved_to};

const BEFORE: &str = "tests/fixtures/city-transfer/before";
const AFTER: &str = "tests/fixtures/city-transfer/after";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn copy_dir(from: &str, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

/// The city planned before July (`p0`) and replanned from 1 July against
/// it (`p1`) with 邱敏坚 moved from 高涌镇 to 三庄镇; in 高涌镇 nobody
/// `succeeds` him, so his units pass to others.
fn moved_city() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    copy_dir(AFTER, &city);
    let gaoyong = city.join("gaoyong.toml");
    let text =
        std::fs::read_to_string(&gaoyong)
            .unwrap()
            .replacen("succeeds = \"qiu-mj\"\n", "", 1);
    std::fs::write(&gaoyong, text).unwrap();
    let (p0, p1) = (dir.path().join("p0"), dir.path().join("p1"));
    let (c, _, err) = zhudian(&["plan", BEFORE, "-o", s(&p0)]);
    assert_eq!(c, 0, "{err}");
    let (c, _, err) = zhudian(&[
        "replan",
        s(&city),
        "--previous",
        s(&p0),
        "--from",
        "2015-07-01",
        "-o",
        s(&p1),
    ]);
    assert_eq!(c, 0, "{err}");
    (dir, city, p0, p1)
}

/// The page's handovers section as text (tags dropped, each item on a line).
fn handovers(page: &str) -> String {
    let start = page
        .find("<section id=\"handovers\">")
        .expect("a handovers section");
    let end = start + page[start..].find("</section>").unwrap();
    let mut out = String::new();
    let mut tag = false;
    for ch in page[start..end].replace("<li>", "\n").chars() {
        match ch {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn a_move_in_words_both_languages() {
    let units = vec![
        ("金海村".to_string(), Some("何志强".to_string())),
        ("青圩村".to_string(), None),
    ];
    assert_eq!(
        moved_away("邱敏坚", "7月1日", "三庄镇", &units, Lang::Zh),
        "邱敏坚 7月1日调往三庄镇：金海村改由何志强联系，青圩村暂无驻点领导"
    );
    assert_eq!(
        moved_away("邱敏坚", "Jul 1", "三庄镇", &units, Lang::En),
        "邱敏坚 moved to 三庄镇 on Jul 1: 何志强 leads 金海村 from then, 青圩村 has no leader from then"
    );
    assert_eq!(
        moved_away("邱敏坚", "7月1日", "三庄镇", &[], Lang::Zh),
        "邱敏坚 7月1日调往三庄镇，年内未联系村（社区）"
    );
    let took = vec!["沙头社区".to_string(), "上塘村".to_string()];
    assert_eq!(
        moved_in("邱敏坚", "7月1日", "高涌镇", &took, Lang::Zh),
        "邱敏坚 7月1日从高涌镇调入，联系沙头社区、上塘村"
    );
    assert_eq!(
        moved_in("邱敏坚", "Jul 1", "高涌镇", &took, Lang::En),
        "邱敏坚 moved here from 高涌镇 on Jul 1 and leads 沙头社区 and 上塘村"
    );
    assert_eq!(
        moved_in("邱敏坚", "Jul 1", "高涌镇", &took[..1], Lang::En),
        "邱敏坚 moved here from 高涌镇 on Jul 1 and leads 沙头社区"
    );
    assert_eq!(
        moved_in("邱敏坚", "7月1日", "高涌镇", &[], Lang::Zh),
        "邱敏坚 7月1日从高涌镇调入，未联系村（社区）"
    );
    assert_eq!(
        moved_in("邱敏坚", "Jul 1", "高涌镇", &[], Lang::En),
        "邱敏坚 moved here from 高涌镇 on Jul 1, leading no unit"
    );
    assert_eq!(arrivals_caption(Lang::Zh), "年内从其他镇街调入的驻点领导：");
    assert_eq!(
        arrivals_caption(Lang::En),
        "Leaders who moved here from another township during the year:"
    );
    assert_eq!(moved_to("三庄镇", Lang::Zh), "（调往三庄镇）");
    assert_eq!(moved_to("三庄镇", Lang::En), " (moved to 三庄镇)");
    let (jun30, jul1) = (Some((6, 30)), Some((7, 1)));
    let to = Some(Moved::To("乐从镇"));
    let from = Some(Moved::From("西樵镇"));
    assert_eq!(
        in_post_moved(None, jun30, to, Lang::Zh),
        "至6月30日（调往乐从镇）"
    );
    assert_eq!(
        in_post_moved(jul1, None, from, Lang::Zh),
        "7月1日起（从西樵镇调入）"
    );
    assert_eq!(
        in_post_moved(None, jun30, to, Lang::En),
        "until Jun 30 (moved to 乐从镇)"
    );
    assert_eq!(
        in_post_moved(jul1, None, from, Lang::En),
        "from Jul 1 (moved from 西樵镇)"
    );
    assert_eq!(in_post_moved(None, jun30, None, Lang::Zh), "至6月30日");
    assert_eq!(in_post_moved(None, None, to, Lang::Zh), "");
}

#[test]
fn the_city_check_lines_in_words_both_languages() {
    let day = chrono::NaiveDate::from_ymd_opt(2015, 7, 15).unwrap();
    let a = PastCounts {
        from: day,
        before: 501,
        untouched: 501,
        dropped: 90,
        added: 130,
    };
    let b = PastCounts {
        before: 99,
        untouched: 98,
        dropped: 10,
        added: 20,
        ..a.clone()
    };
    // The township's line is as before.
    assert_eq!(
        past_line(&a, Lang::Zh),
        "2015年7月15日之前：原方案 501 场活动均未改动；2015年7月15日起：原方案 90 场取消、改期或换人，新增 130 场"
    );
    let (date, sum) = total(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(date, Some(day));
    assert_eq!(
        city_past_line("", date, &sum, 2, 1, Lang::Zh),
        "全市（重新编排 2 个镇街）：2015年7月15日之前：原方案 600 场活动中 599 场未改动；2015年7月15日起：原方案 100 场取消、改期或换人，新增 150 场；另有 1 个镇街的方案与原方案逐字节相同。"
    );
    assert_eq!(
        city_past_line("", date, &sum, 2, 1, Lang::En),
        "The city, 2 townships replanned: before 2015-07-15, 599 of the plan in force's 600 sessions are untouched; from 2015-07-15, 100 of its sessions are dropped, moved or with other people, and 150 are new; 1 township kept byte for byte."
    );
    // A city with a name (a county's own) says it in place of 全市.
    assert_eq!(
        city_past_line("示例县", date, &sum, 2, 1, Lang::Zh),
        "示例县（重新编排 2 个镇街）：2015年7月15日之前：原方案 600 场活动中 599 场未改动；2015年7月15日起：原方案 100 场取消、改期或换人，新增 150 场；另有 1 个镇街的方案与原方案逐字节相同。"
    );
    assert!(
        city_past_line("示例县", date, &sum, 2, 1, Lang::En)
            .starts_with("示例县, 2 townships replanned: ")
    );
    let (date, one) = total(std::slice::from_ref(&a)).unwrap();
    assert_eq!(
        city_past_line("", date, &one, 1, 0, Lang::En),
        "The city, 1 township replanned: before 2015-07-15, all 501 sessions of the plan in force are untouched; from 2015-07-15, 90 of its sessions are dropped, moved or with other people, and 130 are new."
    );
    // Townships replanned from different dates: each one's own.
    let later = PastCounts {
        from: chrono::NaiveDate::from_ymd_opt(2015, 8, 1).unwrap(),
        ..b
    };
    let (date, sum) = total(&[a, later]).unwrap();
    assert_eq!(date, None);
    assert_eq!(
        city_past_line("", date, &sum, 2, 0, Lang::Zh),
        "全市（重新编排 2 个镇街）：各镇街重新编排日之前：原方案 600 场活动中 599 场未改动；此后：原方案 100 场取消、改期或换人，新增 150 场。"
    );
    assert_eq!(
        city_past_line("", date, &sum, 2, 0, Lang::En),
        "The city, 2 townships replanned: before each township's date, 599 of the plan in force's 600 sessions are untouched; from it, 100 of its sessions are dropped, moved or with other people, and 150 are new."
    );
    assert_eq!(total(&[]), None);
    assert_eq!(kept_line(Lang::Zh), "与原方案逐字节相同（未重新编排）");
    assert_eq!(
        kept_line(Lang::En),
        "kept byte for byte from the plan in force"
    );
}

#[test]
fn the_city_check_says_what_each_township_kept_and_changed() {
    let (_dir, city, p0, p1) = moved_city();
    let (c, out, err) = zhudian(&[
        "--lang",
        "zh",
        "check",
        s(&city),
        s(&p1),
        "--previous",
        s(&p0),
    ]);
    assert_eq!(c, 0, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    let under = |township: &str| {
        let at = lines
            .iter()
            .position(|l| l.starts_with(&format!("{township}：")))
            .unwrap();
        lines[at + 1].trim().to_string()
    };
    // The two townships of the transfer were replanned from 1 July, the
    // third kept byte for byte; each line as the township's own check says it.
    for township in ["高涌镇", "三庄镇"] {
        let said = under(township);
        assert!(
            said.starts_with("2015年7月1日之前：原方案 ")
                && said.contains(" 场活动均未改动；2015年7月1日起：原方案 "),
            "{out}"
        );
        let file = if township == "高涌镇" {
            "gaoyong.toml"
        } else {
            "sanzhuang.toml"
        };
        let (_, own, _) = zhudian(&[
            "--lang",
            "zh",
            "check",
            s(&city.join(file)),
            s(&p1.join(file)),
            "--previous",
            s(&p0.join(file)),
        ]);
        assert!(own.contains(&format!("{said}\n")), "{own}");
    }
    assert_eq!(under("杏涌镇"), "与原方案逐字节相同（未重新编排）");
    let total = lines
        .iter()
        .find(|l| l.starts_with("全市（重新编排 2 个镇街）：2015年7月1日之前：原方案 "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        total.ends_with("；另有 1 个镇街的方案与原方案逐字节相同。"),
        "{total}"
    );
    // Without --previous, none of these lines.
    let (_, out, _) = zhudian(&["--lang", "zh", "check", s(&city), s(&p1)]);
    assert!(
        !out.contains("全市（重新编排") && !out.contains("逐字节"),
        "{out}"
    );
}

#[test]
fn the_report_people_and_workbook_say_where_a_leader_moved() {
    let (dir, city, _p0, p1) = moved_city();
    let zh = dir.path().join("zh/city.html");
    let (c, _, err) = zhudian(&["--lang", "zh", "report", s(&city), s(&p1), "-o", s(&zh)]);
    assert_eq!(c, 0, "{err}");
    let page = |p: &Path, f: &str| std::fs::read_to_string(p.parent().unwrap().join(f)).unwrap();
    let left = handovers(&page(&zh, "gaoyong.html"));
    assert!(
        left.contains("\n邱敏坚 7月1日调往三庄镇：金海村改由何志强联系，青圩村改由何志强联系"),
        "{left}"
    );
    assert!(!left.contains("离任："), "{left}");
    let came = handovers(&page(&zh, "sanzhuang.html"));
    assert!(
        came.contains(
            "年内从其他镇街调入的驻点领导：\n邱敏坚 7月1日从高涌镇调入，联系沙头社区、上塘村"
        ),
        "{came}"
    );
    let en = dir.path().join("en/city.html");
    let (c, _, err) = zhudian(&["--lang", "en", "report", s(&city), s(&p1), "-o", s(&en)]);
    assert_eq!(c, 0, "{err}");
    assert!(handovers(&page(&en, "gaoyong.html")).contains(
        "\n邱敏坚 moved to 三庄镇 on Jul 1: 何志强 leads 金海村 from then, 何志强 leads 青圩村"
    ));
    assert!(
        handovers(&page(&en, "sanzhuang.html"))
            .contains("\n邱敏坚 moved here from 高涌镇 on Jul 1 and leads 沙头社区 and 上塘村")
    );
    // people: the 在岗 cell says where to and from.
    let csv = dir.path().join("people.csv");
    let (c, _, err) = zhudian(&["--lang", "zh", "people", s(&city), s(&p1), "--csv", s(&csv)]);
    assert_eq!(c, 0, "{err}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("\r\n高涌镇,,邱敏坚,镇街领导,金海村、青圩村,")
            && text.contains(",2015-07-01 调往三庄镇,至6月30日（调往三庄镇）\r\n"),
        "{text}"
    );
    assert!(
        text.contains(",2015-07-01 由高涌镇调入,7月1日起（从高涌镇调入）\r\n"),
        "{text}"
    );
    // The workbooks: 驻点团队 and 领导干部 say it in 在岗.
    let books = dir.path().join("xlsx");
    let (c, _, err) = zhudian(&["--lang", "zh", "export", s(&p1), "--xlsx", s(&books)]);
    assert_eq!(c, 0, "{err}");
    let cells = |file: &str| {
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(books.join(file)).unwrap();
        let mut all = Vec::new();
        for name in wb.sheet_names() {
            let range = wb.worksheet_range(&name).unwrap();
            for row in range.rows() {
                if row.iter().any(|d| *d == "邱敏坚") {
                    all.push((name.clone(), row.last().unwrap().to_string()));
                }
            }
        }
        all
    };
    let gaoyong = cells("gaoyong.xlsx");
    for sheet in ["驻点团队", "领导干部"] {
        assert!(
            gaoyong.contains(&(sheet.to_string(), "至6月30日（调往三庄镇）".to_string())),
            "{gaoyong:?}"
        );
    }
    let sanzhuang = cells("sanzhuang.xlsx");
    for sheet in ["驻点团队", "领导干部"] {
        assert!(
            sanzhuang.contains(&(sheet.to_string(), "7月1日起（从高涌镇调入）".to_string())),
            "{sanzhuang:?}"
        );
    }
}

#[test]
fn a_single_township_report_names_the_township_transferred_from() {
    // 三庄镇 numbers its own people: its entry says where he came from, by
    // the file name of the township left.
    let (dir, city, _p0, p1) = moved_city();
    let sanzhuang = city.join("sanzhuang.toml");
    let text = std::fs::read_to_string(&sanzhuang).unwrap();
    let text = text
        .replacen(
            "id = \"qiu-mj\"\nname = \"邱敏坚\"",
            "id = \"sz-qiu\"\nname = \"邱敏坚\"\ntransferred_from = \"gaoyong/qiu-mj\"",
            1,
        )
        .replace("\"qiu-mj\"", "\"sz-qiu\"");
    std::fs::write(&sanzhuang, text).unwrap();
    let plan = std::fs::read_to_string(p1.join("sanzhuang.toml"))
        .unwrap()
        .replace("\"qiu-mj\"", "\"sz-qiu\"");
    let plan_path = dir.path().join("sanzhuang-plan.toml");
    std::fs::write(&plan_path, plan).unwrap();
    let out = dir.path().join("one.html");
    let (c, _, err) = zhudian(&[
        "--lang",
        "zh",
        "report",
        s(&sanzhuang),
        s(&plan_path),
        "-o",
        s(&out),
    ]);
    assert_eq!(c, 0, "{err}");
    let said = handovers(&std::fs::read_to_string(&out).unwrap());
    assert!(
        said.contains("\n邱敏坚 7月1日从高涌镇调入，联系沙头社区、上塘村"),
        "{said}"
    );
    assert!(!said.contains("gaoyong"), "{said}");
}

/// 邱敏坚 leaves 高涌镇 on 1 July and starts in 三庄镇 on 6 July (days off
/// between two posts are usual): the city reads it as a transfer, and the
/// replan says his units changed hands because he moved, not because he
/// left the post.
#[test]
fn a_transfer_with_days_between_is_a_move_and_said_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let city = dir.path().join("city");
    copy_dir(AFTER, &city);
    let edit = |file: &str, from: &str, to: &str| {
        let path = city.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit("gaoyong.toml", "succeeds = \"qiu-mj\"\n", "");
    edit(
        "sanzhuang.toml",
        "joins = \"2015-07-01\"            # transferred from 高涌镇\nsucceeds = \"li-gx\"\n",
        "joins = \"2015-07-06\"            # transferred from 高涌镇\n",
    );
    let (c, out, err) = zhudian(&["validate", s(&city)]);
    assert_eq!(c, 0, "{out}{err}");
    let p0 = dir.path().join("p0");
    let (c, _, err) = zhudian(&["plan", BEFORE, "-o", s(&p0)]);
    assert_eq!(c, 0, "{err}");
    let replan = |out: &str, lang: &str| {
        let o = dir.path().join(out);
        let args = [
            "replan",
            s(&city),
            "--previous",
            s(&p0),
            "--from",
            "2015-07-01",
            "-o",
            s(&o),
            "--lang",
            lang,
        ];
        let (c, stdout, err) = zhudian(&args);
        assert_eq!(c, 0, "{stdout}{err}");
        stdout
    };
    let en = replan("p1", "en");
    assert!(
        en.contains("\n    金海村（jinhai）: leader 邱敏坚 → 何志强, because 邱敏坚 moved to 三庄镇 on Jul 1; continuity cost 100 (unavoidable)\n"),
        "{en}"
    );
    assert!(
        en.contains(
            "\nTransfer: 邱敏坚 leaves 高涌镇 on 2015-07-01 and starts in 三庄镇 on 2015-07-06."
        ),
        "{en}"
    );
    let zh = replan("p2", "zh");
    assert!(
        zh.contains("\n    金海村：驻点领导 邱敏坚 → 何志强，因邱敏坚于7月1日调往三庄镇；领导变动计 100 分（无法避免）\n"),
        "{zh}"
    );
    assert!(
        zh.contains("\n调动：邱敏坚自2015年7月1日起离开高涌镇，2015年7月6日起到三庄镇任职。"),
        "{zh}"
    );
    assert!(!zh.contains("因邱敏坚已离任"), "{zh}");
    let (c, out, err) = zhudian(&["check", s(&city), s(&dir.path().join("p1"))]);
    assert_eq!(c, 0, "{out}{err}");
    // Joining before leaving would put him in both: still refused.
    edit(
        "sanzhuang.toml",
        "joins = \"2015-07-06\"",
        "joins = \"2015-06-29\"",
    );
    let (c, _, err) = zhudian(&["--lang", "zh", "validate", s(&city)]);
    assert_eq!(c, 2);
    assert!(
        err.contains("（编号 qiu-mj）也在高涌镇的名册中（")
            && err.contains("）；同一人在两个镇街任职，须在两处都写 shared = true；如是调动，一处写 leaves，另一处写同一天或之后的 joins\n"),
        "{err}"
    );
}
