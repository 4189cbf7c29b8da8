//! No input ever panics: mangled rosters give messages, never a backtrace.

use proptest::prelude::*;
use zhudian::roster;

fn example() -> String {
    std::fs::read_to_string("instances/beijiao-example.toml").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn dropping_or_swapping_lines_never_panics(drop in proptest::collection::vec(0usize..260, 1..6), swap in 0usize..260) {
        let text = example();
        let mut lines: Vec<&str> = text.lines().collect();
        let n = lines.len();
        lines.swap(swap % n, (swap * 7 + 3) % n);
        let kept: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, l)| *l).collect();
        let _ = roster::load_str(&kept.join("\n"), "mangled.toml");
    }

    #[test]
    fn replacing_values_never_panics(line in 0usize..260, value in prop_oneof![
        Just("-1".to_string()), Just("0".to_string()), Just("\"\"".to_string()), Just("[]".to_string()),
        Just("99999999999999999999".to_string()), Just("1e400".to_string()), Just("{}".to_string()),
        Just("[[1,2],[3]]".to_string()), Just("2015-13-45".to_string()), Just("\"25:61\"".to_string()),
        "[a-z0-9\"]{0,8}",
    ]) {
        let text = example();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let i = line % lines.len();
        if let Some(eq) = lines[i].find('=') {
            lines[i] = format!("{}= {}", &lines[i][..eq], value);
        }
        let _ = roster::load_str(&lines.join("\n"), "mangled.toml");
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = roster::load_str(&s, "noise.toml");
    }
}
