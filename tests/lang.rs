//! `--lang` and `ZHUDIAN_LANG`: en and zh (with a region or encoding) are
//! understood; anything else is refused with exit 2, never read as English.

#[path = "common/cli.rs"]
mod cli;
use cli::zhudian;

use zhudian::wording::Lang;

const EXAMPLE: &str = "instances/beijiao-example.toml";

#[test]
fn language_names_and_locales_are_read() {
    for s in ["zh", "ZH", "zh-CN", "zh_CN", "zh_CN.UTF-8", "zh-Hans-CN"] {
        assert_eq!(Lang::parse(s), Some(Lang::Zh), "{s}");
    }
    for s in ["en", "en-GB", "en_US.UTF-8", "C", "POSIX"] {
        assert_eq!(Lang::parse(s), Some(Lang::En), "{s}");
    }
    for s in ["cn", "中文", "fr", "zhong", "english", "zh-", "", "c_CN"] {
        assert_eq!(Lang::parse(s), None, "{s}");
    }
}

#[test]
fn an_unknown_lang_is_bad_input_listing_en_and_zh() {
    for given in ["cn", "中文", "fr"] {
        let (code, out, err) = zhudian(&["--lang", given, "validate", EXAMPLE]);
        assert_eq!(code, 2, "--lang {given}: {err}");
        assert!(out.is_empty(), "nothing is done: {out}");
        assert_eq!(
            err.trim_end(),
            format!(
                "unknown language “{given}” in --lang: use en (English) or zh (中文)\n\
                 --lang 中的语言“{given}”无法识别：请用 en（英文）或 zh（中文）"
            )
        );
    }
}

#[test]
fn zh_cn_is_chinese() {
    for given in ["zh-CN", "zh_CN"] {
        let (code, out, _) = zhudian(&["--lang", given, "validate", EXAMPLE]);
        assert_eq!(code, 0);
        assert!(!out.is_ascii(), "--lang {given} speaks Chinese: {out}");
    }
}

#[test]
fn an_unknown_zhudian_lang_is_bad_input_too() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhudian"))
        .args(["validate", EXAMPLE])
        .env("ZHUDIAN_LANG", "fr")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("unknown language “fr” in ZHUDIAN_LANG: use en (English) or zh (中文)"),
        "{err}"
    );
}
