//! The HTML report in a real browser: headless Chromium loads each page and
//! the tests check that it logs no console error and no exception, makes no
//! network request, shows every unit and leader name in the DOM, runs no
//! roster text as markup, and paints a screenshot that is not blank.
//!
//! Without Chromium these tests say they were skipped and pass, so that
//! `cargo test --release` needs only the Rust toolchain; with
//! `ZHUDIAN_BROWSER_TESTS=1` (CI) a missing Chromium fails them. The browser
//! is `ZHUDIAN_CHROMIUM`, else `/usr/bin/chromium`.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use headless_chrome::protocol::cdp::Network;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions};
use zhudian::export::city_summary::{Figures, TownshipFigures, summarise};
use zhudian::model::Roster;
use zhudian::plan::PlanFile;
use zhudian::planner::{Options, Previous, plan};
use zhudian::report::compare::Compared;
use zhudian::report::{city_page, compare_page, plan_page};
use zhudian::wording::Lang;

fn chromium() -> Option<PathBuf> {
    let p = std::env::var_os("ZHUDIAN_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    p.is_file().then_some(p)
}

/// Chromium, or `None` after saying the test is skipped. Writes to stderr
/// directly so that the note shows although the harness captures output.
fn browser_or_skip(test: &str) -> Option<PathBuf> {
    match chromium() {
        Some(p) => Some(p),
        None if std::env::var("ZHUDIAN_BROWSER_TESTS").as_deref() == Ok("1") => {
            panic!(
                "ZHUDIAN_BROWSER_TESTS=1 but Chromium is missing (apt-get install chromium, or set ZHUDIAN_CHROMIUM)"
            )
        }
        None => {
            let _ = writeln!(
                std::io::stderr(),
                "{test}: skipped, no Chromium (install the `chromium` package; CI sets ZHUDIAN_BROWSER_TESTS=1)"
            );
            None
        }
    }
}

fn roster(path: &str) -> Roster {
    zhudian::roster::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("a valid roster")
}

fn planned(r: &Roster) -> PlanFile {
    plan(r, &r.source, &Options::default(), &Previous::default())
        .expect("plannable")
        .file
}

/// What the browser saw of one page.
struct Seen {
    console_errors: Vec<String>,
    requests: Vec<String>,
    text: String,
    png: Vec<u8>,
}

fn open(chrome: &Path, page: &Path) -> Seen {
    let profile = tempfile::tempdir().unwrap();
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let opts = LaunchOptions::default_builder()
        .path(Some(chrome.to_path_buf()))
        .headless(true)
        .sandbox(false)
        .user_data_dir(Some(profile.path().to_path_buf()))
        .window_size(Some((1280, 1000)))
        .idle_browser_timeout(Duration::from_secs(120))
        .args(args)
        .build()
        .unwrap();
    let browser = Browser::new(opts).expect("Chromium starts");
    let tab = browser.new_tab().unwrap();
    let errors = Arc::new(Mutex::new(Vec::<String>::new()));
    let requests = Arc::new(Mutex::new(Vec::<String>::new()));
    let (e, r) = (errors.clone(), requests.clone());
    tab.add_event_listener(Arc::new(move |ev: &Event| match ev {
        Event::RuntimeExceptionThrown(x) => e
            .lock()
            .unwrap()
            .push(format!("exception: {:?}", x.params.exception_details.text)),
        Event::RuntimeConsoleAPICalled(x) => {
            let kind = format!("{:?}", x.params.Type);
            if kind.contains("Error") || kind.contains("Warning") || kind.contains("Assert") {
                e.lock().unwrap().push(format!("console {kind}"));
            }
        }
        Event::LogEntryAdded(x) => {
            let level = format!("{:?}", x.params.entry.level);
            if level.contains("Error") || level.contains("Warning") {
                e.lock()
                    .unwrap()
                    .push(format!("log {level}: {}", x.params.entry.text));
            }
        }
        Event::NetworkRequestWillBeSent(x) => r.lock().unwrap().push(x.params.request.url.clone()),
        _ => {}
    }))
    .unwrap();
    tab.enable_runtime().unwrap();
    tab.enable_log().unwrap();
    tab.call_method(Network::Enable {
        max_total_buffer_size: None,
        max_resource_buffer_size: None,
        max_post_data_size: None,
        report_direct_socket_traffic: None,
        enable_durable_messages: None,
    })
    .unwrap();
    let url = format!("file://{}", page.display());
    tab.navigate_to(&url).unwrap();
    tab.wait_until_navigated().unwrap();
    let text = tab
        .evaluate("document.body.innerText", false)
        .unwrap()
        .value
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    // The page's own file is the one load allowed.
    let requests = requests
        .lock()
        .unwrap()
        .iter()
        .filter(|u| **u != url)
        .cloned()
        .collect();
    let console_errors = errors.lock().unwrap().clone();
    Seen {
        console_errors,
        requests,
        text,
        png,
    }
}

/// Distinct colours among the screenshot's pixels: a blank page has one.
fn colours(png: &[u8]) -> usize {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    let mut seen = std::collections::BTreeSet::new();
    for px in buf[..info.buffer_size()].chunks(step) {
        seen.insert(px[..3.min(step)].to_vec());
        if seen.len() > 64 {
            break;
        }
    }
    seen.len()
}

fn write(dir: &Path, name: &str, html: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, html).unwrap();
    p
}

fn assert_clean(seen: &Seen, what: &str) {
    assert!(
        seen.console_errors.is_empty(),
        "{what}: console errors {:?}",
        seen.console_errors
    );
    assert!(
        seen.requests.is_empty(),
        "{what}: network requests {:?}",
        seen.requests
    );
    assert!(colours(&seen.png) > 8, "{what}: the screenshot is blank");
}

#[test]
fn plan_page_shows_every_unit_and_leader_and_fetches_nothing() {
    let Some(chrome) = browser_or_skip("plan_page_shows_every_unit_and_leader_and_fetches_nothing")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (path, lang) in [
        ("instances/gaozhou-rural.toml", Lang::Zh),
        ("instances/beijiao-example.toml", Lang::En),
    ] {
        let r = roster(path);
        let p = planned(&r);
        let page = write(dir.path(), "report.html", &plan_page(&r, &p, lang));
        let seen = open(&chrome, &page);
        assert_clean(&seen, path);
        for u in &r.units {
            assert!(
                seen.text.contains(&u.name),
                "{path}: unit {} not shown",
                u.name
            );
        }
        for c in &r.cadres {
            assert!(
                seen.text.contains(&c.name),
                "{path}: leader {} not shown",
                c.name
            );
        }
    }
}

#[test]
fn roster_text_is_shown_as_text_never_run() {
    let Some(chrome) = browser_or_skip("roster_text_is_shown_as_text_never_run") else {
        return;
    };
    let evil = "<script>alert(1)</script>";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("instances/beijiao-example.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen(
            "name = \"西海村\"",
            &format!("name = \"{}\"", evil.replace('"', "\\\"")),
            1,
        )
        .replacen(
            "name = \"北滘镇\"",
            "name = \"<img src=x onerror=alert(2)>\"",
            1,
        );
    assert!(text.contains(evil), "the example roster names 西海村");
    let r = zhudian::roster::load_str(&text, "evil.toml").expect("still a valid roster");
    let p = planned(&r);
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "evil.html", &plan_page(&r, &p, Lang::Zh));
    let seen = open(&chrome, &page);
    assert_clean(&seen, "evil");
    assert!(seen.text.contains(evil), "the unit's name shows as text");
    assert!(seen.text.contains("<img src=x onerror=alert(2)>"));
}

#[test]
fn comparison_and_city_pages_load_cleanly() {
    let Some(chrome) = browser_or_skip("comparison_and_city_pages_load_cleanly") else {
        return;
    };
    let r = roster("instances/beijiao-example.toml");
    let a = planned(&r);
    let other = zhudian::roster::load_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("instances/beijiao-example.toml"),
        )
        .unwrap()
        .replace("units_per_leader = [2, 3]", "units_per_leader = [1, 3]"),
        "variant.toml",
    )
    .unwrap();
    let b = planned(&other);
    let dir = tempfile::tempdir().unwrap();
    let all = [
        Compared {
            label: "base".into(),
            roster: &r,
            plan: &a,
        },
        Compared {
            label: "1–3".into(),
            roster: &other,
            plan: &b,
        },
    ];
    let page = write(dir.path(), "compare.html", &compare_page(&all, Lang::Zh));
    let seen = open(&chrome, &page);
    assert_clean(&seen, "compare");
    for u in &r.units {
        assert!(seen.text.contains(&u.name));
    }
    for c in &r.cadres {
        assert!(seen.text.contains(&c.name));
    }

    let summary = summarise(vec![TownshipFigures {
        township: r.township.name.clone(),
        district: Some("顺德区".into()),
        listed_at: None,
        figures: Figures::of(&r, &a, None),
        not_planned: None,
    }]);
    let hrefs = [(r.township.name.clone(), "beijiao.html".to_string())]
        .into_iter()
        .collect();
    write(dir.path(), "beijiao.html", &plan_page(&r, &a, Lang::Zh));
    let page = write(
        dir.path(),
        "city.html",
        &city_page("佛山市", &summary, &hrefs, Lang::Zh),
    );
    let seen = open(&chrome, &page);
    assert_clean(&seen, "city");
    assert!(seen.text.contains(&r.township.name));
}

#[test]
fn the_checks_catch_a_page_that_fetches_or_logs_an_error() {
    let Some(chrome) = browser_or_skip("the_checks_catch_a_page_that_fetches_or_logs_an_error")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "bad.html",
        "<!DOCTYPE html><html><body><p>x</p><img src=\"http://127.0.0.1:9/x.png\">\
         <script>console.error('broken')</script></body></html>",
    );
    let seen = open(&chrome, &page);
    assert!(
        seen.requests
            .iter()
            .any(|u| u.starts_with("http://127.0.0.1:9/")),
        "{:?}",
        seen.requests
    );
    assert!(!seen.console_errors.is_empty());
}
