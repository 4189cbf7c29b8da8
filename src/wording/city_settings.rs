//! A city's inherited settings as `validate` says them: in English as the
//! roster's own `section.field = value` (what a planner writes in
//! city.toml), in Chinese in a planner's words (驻点日：每周二, 驻点时间：
//! 15:00—18:30, 每半天走访户数：15 户), the labels those of the workbook's
//! 基本信息 sheet. A field this file does not know is said as in English.

use super::Lang;
use crate::model::Role;

/// One setting's lines: `  section.field = value` in English; in Chinese
/// `  label：value`, the station's start and end on one line when both are
/// given.
pub fn setting_lines(values: &[(String, toml::Value)], lang: Lang) -> Vec<String> {
    let mut values: Vec<&(String, toml::Value)> = values.iter().collect();
    values.sort_by_key(|(f, _)| ORDER.iter().position(|o| o == f).unwrap_or(ORDER.len()));
    if lang == Lang::En {
        return values.iter().map(|(f, v)| format!("{f} = {v}")).collect();
    }
    let get = |f: &str| values.iter().find(|(k, _)| k == f).map(|(_, v)| v);
    let window = match (get("station.start"), get("station.end")) {
        (Some(toml::Value::String(a)), Some(toml::Value::String(b))) => Some(format!("{a}—{b}")),
        _ => None,
    };
    let mut out = Vec::new();
    for (f, v) in values {
        match (f.as_str(), &window) {
            ("station.start", Some(w)) => out.push(format!("驻点时间：{w}")),
            ("station.end", Some(_)) => {}
            _ => {
                let (label, value) = zh_setting(f, v);
                out.push(format!("{label}：{value}"));
            }
        }
    }
    out
}

/// The order a planner reads the settings in (docs/roster.md's); a field
/// not listed comes after, in the order given.
const ORDER: [&str; 24] = [
    "station.weekday",
    "station.start",
    "station.end",
    "station.makeup_days",
    "station.makeup_notice_days",
    "station.makeup_within_days",
    "policy.units_per_leader",
    "policy.max_travel_minutes",
    "policy.avoid_home_unit",
    "policy.min_present",
    "policy.team",
    "policy.rotation",
    "policy.household_visits",
    "policy.household_visits_by",
    "policy.household_visits_per_member",
    "policy.households_per_visit_session",
    "policy.visit_days",
    "policy.visit_half_days_per_month",
    "policy.workload",
    "policy.load_band_pct",
    "objective.balance",
    "objective.travel",
    "objective.continuity",
    "objective.helper_continuity",
];

/// A township's own value against the city's: `field = own (city: value)`,
/// or `label own（全市：value）`; `office` what the whole is called (全市,
/// 示例县: `city::whole`).
pub fn differs(
    field: &str,
    own: &toml::Value,
    city: &toml::Value,
    office: &str,
    lang: Lang,
) -> String {
    if lang == Lang::En {
        let office = if office == "the city" { "city" } else { office };
        return format!("{field} = {own} ({office}: {city})");
    }
    let (label, own) = zh_setting(field, own);
    let (_, city) = zh_setting(field, city);
    format!("{label} {own}（{office}：{city}）")
}

/// A field's Chinese label and its value in words; a field or a value of a
/// type not expected is given as written.
fn zh_setting(field: &str, v: &toml::Value) -> (String, String) {
    let raw = || (field.to_string(), v.to_string());
    let int = v.as_integer();
    let num = v.as_float().or(int.map(|i| i as f64));
    let text = v.as_str();
    if field == "policy.team" {
        return team(v).unwrap_or_else(raw);
    }
    let said = match field {
        "station.weekday" => text.and_then(weekday).map(|d| ("驻点日", format!("每{d}"))),
        "station.start" => text.map(|t| ("驻点开始时间", t.to_string())),
        "station.end" => text.map(|t| ("驻点结束时间", t.to_string())),
        "station.makeup_days" => weekdays(v).map(|d| ("补接待日", d)),
        "station.makeup_notice_days" => int.map(|n| ("补接待提前通知", format!("{n} 天"))),
        "station.makeup_within_days" => int.map(|n| ("补接待期限", format!("原定接待后 {n} 天内"))),
        "policy.units_per_leader" => match v.as_array().map(|a| a.as_slice()) {
            Some([a, b]) => a
                .as_integer()
                .zip(b.as_integer())
                .map(|(a, b)| ("每名领导联系村居", format!("{a}—{b} 个"))),
            _ => None,
        },
        "policy.max_travel_minutes" => num.map(|m| ("最长路程（单程）", format!("{} 分钟", n(m)))),
        "policy.avoid_home_unit" => v
            .as_bool()
            .map(|b| ("不驻本人所在村居", if b { "是" } else { "否" }.to_string())),
        "policy.min_present" => int.map(|k| ("每次接待最少到场", format!("{k} 人"))),
        "policy.household_visits" => int.map(|k| ("每户每年走访", format!("{k} 次"))),
        "policy.household_visits_per_member" => {
            int.map(|k| ("每人每户每年走访", format!("{k} 次")))
        }
        "policy.household_visits_by" => match text {
            Some("team") => Some(("走访由谁完成", "团队共同".to_string())),
            Some("member") => Some(("走访由谁完成", "每名成员".to_string())),
            _ => None,
        },
        "policy.households_per_visit_session" => int.map(|k| ("每半天走访户数", format!("{k} 户"))),
        "policy.visit_days" => weekdays(v).map(|d| ("走访日", d)),
        "policy.visit_half_days_per_month" => {
            int.map(|k| ("每人每月走访上限", format!("{k} 个半天")))
        }
        "policy.workload" => match text {
            Some("households") => Some(("工作量口径", "户数".to_string())),
            Some("population") => Some(("工作量口径", "人口".to_string())),
            _ => None,
        },
        "policy.rotation" => match text {
            Some("fixed") => Some(("轮换方式", "固定轮换".to_string())),
            Some("flexible") => Some(("轮换方式", "灵活安排".to_string())),
            _ => None,
        },
        "policy.load_band_pct" => int.map(|k| ("工作量提示范围", format!("±{k}%"))),
        "objective.balance" => num.map(|x| ("均衡权重", n(x))),
        "objective.travel" => num.map(|x| ("路程权重", n(x))),
        "objective.continuity" => num.map(|x| ("领导连续性权重", n(x))),
        "objective.helper_continuity" => num.map(|x| ("团队连续性权重", n(x))),
        _ => None,
    };
    said.map(|(l, v)| (l.to_string(), v)).unwrap_or_else(raw)
}

/// A number as a planner writes it: `2`, `2.5`.
fn n(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn weekday(s: &str) -> Option<&'static str> {
    crate::days::weekday_named(s).map(|d| super::calendar::weekday(d, Lang::Zh))
}

/// A list of weekdays: 周六、周日; 无 for none.
fn weekdays(v: &toml::Value) -> Option<String> {
    let days = v
        .as_array()?
        .iter()
        .map(|d| d.as_str().and_then(weekday))
        .collect::<Option<Vec<_>>>()?;
    Some(if days.is_empty() {
        "无".to_string()
    } else {
        days.join("、")
    })
}

/// The team's label and slots: `驻点团队（1+2）`, `职能部门负责人、村党组织书记
/// （本村居）`, a slot of several roles written 甲或乙.
fn team(v: &toml::Value) -> Option<(String, String)> {
    let slots = v.as_array()?;
    let mut said = Vec::new();
    for s in slots {
        let s = s.as_table()?;
        let roles = s
            .get("roles")?
            .as_array()?
            .iter()
            .map(|r| r.as_str().and_then(Role::parse))
            .collect::<Option<Vec<_>>>()?;
        let names: Vec<&str> = roles
            .iter()
            .map(|r| super::report::role(*r, Lang::Zh))
            .collect();
        let mut slot = names.join("或");
        if s.get("from_unit").and_then(|f| f.as_bool()) == Some(true) {
            slot += "（本村居）";
        }
        said.push(slot);
    }
    Some((format!("驻点团队（1+{}）", slots.len()), said.join("、")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> toml::Value {
        toml::from_str::<toml::Table>(&format!("x = {s}")).unwrap()["x"].clone()
    }

    #[test]
    fn the_station_is_said_as_a_planner_says_it() {
        let values = vec![
            ("station.weekday".to_string(), v("\"Wed\"")),
            ("station.start".to_string(), v("\"15:00\"")),
            ("station.end".to_string(), v("\"18:30\"")),
            (
                "station.makeup_days".to_string(),
                v("[\"Sat\", \"星期日\"]"),
            ),
            ("station.makeup_notice_days".to_string(), v("3")),
        ];
        assert_eq!(
            setting_lines(&values, Lang::Zh),
            [
                "驻点日：每周三",
                "驻点时间：15:00—18:30",
                "补接待日：周六、周日",
                "补接待提前通知：3 天"
            ]
        );
        assert_eq!(
            setting_lines(&values[..2], Lang::En),
            ["station.weekday = \"Wed\"", "station.start = \"15:00\""]
        );
        // Only a start: its own line.
        assert_eq!(
            setting_lines(&values[1..2], Lang::Zh),
            ["驻点开始时间：15:00"]
        );
    }

    #[test]
    fn policy_and_objective_fields_read_in_words() {
        let said = |f: &str, s: &str| setting_lines(&[(f.to_string(), v(s))], Lang::Zh).join("");
        assert_eq!(
            said("policy.units_per_leader", "[1, 2]"),
            "每名领导联系村居：1—2 个"
        );
        assert_eq!(
            said("policy.avoid_home_unit", "true"),
            "不驻本人所在村居：是"
        );
        assert_eq!(said("policy.min_present", "2"), "每次接待最少到场：2 人");
        assert_eq!(said("policy.household_visits", "2"), "每户每年走访：2 次");
        assert_eq!(
            said("policy.households_per_visit_session", "15"),
            "每半天走访户数：15 户"
        );
        assert_eq!(
            said("policy.visit_half_days_per_month", "10"),
            "每人每月走访上限：10 个半天"
        );
        assert_eq!(
            said("policy.workload", "\"households\""),
            "工作量口径：户数"
        );
        assert_eq!(
            said(
                "policy.team",
                "[{ roles = [\"department_head\"] }, { roles = [\"party_secretary\"], from_unit = true }]"
            ),
            "驻点团队（1+2）：职能部门负责人、村党组织书记（本村居）"
        );
        assert_eq!(
            said("policy.max_travel_minutes", "30"),
            "最长路程（单程）：30 分钟"
        );
        assert_eq!(said("objective.balance", "2.0"), "均衡权重：2");
        assert_eq!(said("objective.travel", "1.5"), "路程权重：1.5");
        assert_eq!(said("policy.visit_days", "[]"), "走访日：无");
        // A field not known, or a value of the wrong type, as written.
        assert_eq!(said("policy.other", "3"), "policy.other：3");
        assert_eq!(
            said("policy.min_present", "\"two\""),
            "policy.min_present：\"two\""
        );
    }

    #[test]
    fn a_townships_own_value_is_set_against_the_citys() {
        assert_eq!(
            differs(
                "policy.max_travel_minutes",
                &v("25"),
                &v("30"),
                "全市",
                Lang::Zh
            ),
            "最长路程（单程） 25 分钟（全市：30 分钟）"
        );
        assert_eq!(
            differs(
                "policy.max_travel_minutes",
                &v("25"),
                &v("30"),
                "the city",
                Lang::En
            ),
            "policy.max_travel_minutes = 25 (city: 30)"
        );
        assert_eq!(
            differs(
                "station.weekday",
                &v("\"周三\""),
                &v("\"Tue\""),
                "全市",
                Lang::Zh
            ),
            "驻点日 每周三（全市：每周二）"
        );
    }
}
