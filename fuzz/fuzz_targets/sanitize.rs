//! Any HTML through the sanitizer used for partner text: nothing executable comes out, nothing
//! that makes the browser contact another host, no id outside the story's prefix.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nfk::fuzzing::{STORY_ID_PREFIX, is_relative_path, sanitize};
use scraper::{Html, Selector};

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let clean = sanitize(html);
    let doc = Html::parse_fragment(&clean);
    let all = Selector::parse("*").unwrap();
    for element in doc.select(&all) {
        let name = element.value().name();
        assert!(
            !matches!(name, "script" | "iframe" | "object" | "embed" | "style"),
            "{clean}"
        );
        for (attr, value) in element.value().attrs() {
            assert!(!attr.starts_with("on"), "{clean}");
            match (name, attr) {
                (_, "id") => assert!(value.starts_with(STORY_ID_PREFIX), "{clean}"),
                ("a", "href") => {
                    let value = value.trim_start().to_ascii_lowercase();
                    assert!(
                        !value.starts_with("javascript:") && !value.starts_with("data:"),
                        "{clean}"
                    );
                }
                (_, "src" | "srcset" | "href" | "poster" | "background" | "style") => {
                    assert!(is_relative_path(value), "{attr}={value} in {clean}");
                }
                _ => {}
            }
        }
    }
});
