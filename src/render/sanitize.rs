//! The allow-list for partner HTML (ammonia): what a sanitized story may contain.
//!
//! Safe tags only, http(s)/mailto links, no scripts, styles or event handlers; images only with
//! a relative address on the site itself, so nothing in a story makes a visitor's browser
//! contact another host (SPEC §10); ids (and `#` links) only under [`STORY_ID_PREFIX`], so a
//! story cannot take the page's own ids. It sanitizes what `markdown.rs` rendered; it must not
//! be given text nested deeper than [`MAX_NESTING`](super::markdown::MAX_NESTING) (html5ever is
//! quadratic in depth), which `markdown.rs` guarantees.

use std::borrow::Cow;
use std::collections::HashSet;

use super::markdown::STORY_ID_PREFIX;

/// Keeps structure and text; drops scripts, styles, event handlers and unsafe URL schemes.
/// Nothing that is left makes a visitor's browser contact another host: an image is kept only
/// with a relative address on the site itself; ids (and `#` links) only under
/// [`STORY_ID_PREFIX`], so they cannot clash with the page's own.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_tag_attributes("h3", &["id"])
        .add_tag_attributes("h4", &["id"])
        .add_tag_attributes("h5", &["id"])
        .add_tag_attributes("h6", &["id"])
        .add_tag_attributes("div", &["id"])
        .add_allowed_classes("div", &["footnote-definition"])
        .add_allowed_classes("sup", &["footnote-reference", "footnote-definition-label"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            (_, "id") => value.starts_with(STORY_ID_PREFIX).then_some(value.into()),
            (_, "href") if value.trim_start().starts_with('#') => value
                .trim_start()
                .strip_prefix('#')
                .is_some_and(|id| id.starts_with(STORY_ID_PREFIX))
                .then_some(value.into()),
            ("a", "href") => Some(value.into()),
            (_, "src" | "href" | "srcset" | "poster" | "background" | "action" | "formaction") => {
                is_relative_path(value).then_some(value.into())
            }
            _ => Some(Cow::Borrowed(value)),
        })
        .clean(html)
        .to_string()
}

/// A path relative to the page it is on, on the same site: no scheme, no host, not `/…`.
/// Judged as a browser would (WHATWG URL parsing), so `\\host`, ` //host` and `/\thost` count
/// as other hosts.
pub fn is_relative_path(url: &str) -> bool {
    const BASE: &str = "https://nfk.invalid/a/b/";
    let Ok(base) = url::Url::parse(BASE) else {
        return false;
    };
    match base.join(url) {
        Ok(joined) => {
            joined.scheme() == "https"
                && joined.host_str() == Some("nfk.invalid")
                && joined.port().is_none()
                && joined.path().starts_with("/a/b/")
                && !url.trim().is_empty()
                && !url.trim_start().starts_with(['/', '\\'])
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_cannot_take_the_pages_own_ids() {
        let html =
            sanitize("<h3 id=\"main\">x</h3><a href=\"#main\">y</a><div id=\"historie-ok\"></div>");
        assert!(!html.contains("id=\"main\""), "{html}");
        assert!(!html.contains("href=\"#main\""), "{html}");
        assert!(html.contains("id=\"historie-ok\""), "{html}");
    }

    #[test]
    fn nothing_is_left_that_loads_from_another_host() {
        let html = sanitize(
            "<img src=\" //t.example/p\" srcset=\"https://t.example/p 2x\"><img src=\"/\\t.example/p\"><img src=\"https://t.example/p\"><p style=\"background:url(https://t.example/p)\">x</p><video poster=\"https://t.example/p\"></video><img src=\"bilder/a.png\">",
        );
        assert!(!html.contains("t.example"), "{html}");
        assert!(html.contains("src=\"bilder/a.png\""), "{html}");
    }

    #[test]
    fn relative_paths_are_judged_as_a_browser_would() {
        for ok in ["bilde.png", "bilder/tak.png", "%5C%5Chost/p.png", "a b.png"] {
            assert!(is_relative_path(ok), "{ok}");
        }
        for other in [
            "//host/p",
            "\\\\host\\p",
            "/\\host/p",
            " //host/p",
            "/\t/host/p",
            "/p.png",
            "https://host/p",
            "HTTPS://host/p",
            "data:image/png,x",
            "javascript:x",
            "../p.png",
            "",
        ] {
            assert!(!is_relative_path(other), "{other:?}");
        }
    }
}
