//! Any text as a partner's story, as written and with its first line repeated into a deep
//! structure (`> `, `- `, `1. `, `*` grow into nesting that random text rarely reaches). Checks
//! that the sanitized HTML nests at most `MAX_NESTING` deep, that no attribute but a link's
//! `href` points at another host, that every id is under the story's prefix, that every
//! `#fragment` link validate accepts has its target, and that `outline` agrees with `too_deep`.
#![no_main]
use std::collections::BTreeSet;

use libfuzzer_sys::fuzz_target;
use nfk::fuzzing::{
    MAX_NESTING, STORY_ID_PREFIX, Trust, is_control, is_relative_path, outline, render, too_deep,
};
use percent_encoding::percent_decode_str;
use scraper::{ElementRef, Html};

/// How large the repeated text may grow: `> ` 8,000 levels deep, far past the limit, and small
/// enough for many runs a second.
const DEEP_BYTES: usize = 16 * 1024;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (head, rest) = text.split_once('\n').unwrap_or((text, ""));
    let deep = if head.is_empty() {
        String::new()
    } else {
        head.repeat(DEEP_BYTES / head.len()) + "\n" + rest
    };
    for story in [text, deep.as_str()] {
        check(story);
    }
});

fn check(story: &str) {
    let found = outline(story);
    assert_eq!(found.too_deep, too_deep(story));
    let html = render(story, Trust::Partner, "", "/nfk/").html;
    let doc = Html::parse_fragment(&html);
    // html5ever wraps a fragment in <html>; tables add <tbody>/<tr> around what Markdown names.
    let depth = max_depth(doc.root_element(), 0);
    assert!(depth <= MAX_NESTING + 4, "depth {depth}: {html}");
    let mut ids = BTreeSet::new();
    let mut fragments = Vec::new();
    for node in doc.root_element().descendants() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let name = element.value().name();
        assert!(
            !matches!(name, "script" | "iframe" | "object" | "embed" | "style"),
            "{html}"
        );
        for (attr, value) in element.value().attrs() {
            assert!(!attr.starts_with("on"), "{html}");
            match (name, attr) {
                (_, "id") => {
                    assert!(value.starts_with(STORY_ID_PREFIX), "{html}");
                    ids.insert(value.to_string());
                }
                // pulldown-cmark percent-encodes links; a browser decodes the fragment.
                ("a", "href") if value.starts_with('#') => fragments.push(
                    percent_decode_str(&value[1..])
                        .decode_utf8_lossy()
                        .into_owned(),
                ),
                ("a", "href") => {
                    let v = value.trim_start().to_ascii_lowercase();
                    assert!(
                        !v.starts_with("javascript:") && !v.starts_with("data:"),
                        "{html}"
                    );
                }
                (_, "src" | "srcset" | "href" | "poster" | "background" | "style") => {
                    assert!(is_relative_path(value), "{attr}={value} in {html}");
                }
                _ => {}
            }
        }
    }
    // validate refuses control characters (and the HTML parser turns NUL into U+FFFD), so ids
    // are compared for text that can reach a page.
    if story.chars().any(is_control) {
        return;
    }
    assert_eq!(ids, found.ids, "{html}");
    // Links the editor wrote to nothing are refused by validate before a story is rendered;
    // every other `#` link (footnote references included) must find its target.
    let broken: BTreeSet<String> = found
        .links
        .iter()
        .filter_map(|l| l.url.strip_prefix('#'))
        .map(|x| format!("{STORY_ID_PREFIX}{x}"))
        .filter(|id| !found.ids.contains(id))
        .collect();
    for id in fragments {
        assert!(ids.contains(&id) || broken.contains(&id), "#{id} in {html}");
    }
}

fn max_depth(element: ElementRef, depth: usize) -> usize {
    element
        .children()
        .filter_map(ElementRef::wrap)
        .map(|child| max_depth(child, depth + 1))
        .max()
        .unwrap_or(depth)
}
