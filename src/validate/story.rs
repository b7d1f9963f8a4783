//! Rules for `partners/<slug>/story.md`: text from outside the network, untrusted (SPEC §10).
//!
//! A story may not make a visitor's browser contact another host (an image from another site is
//! a tracking pixel), may not carry control characters, and may not nest deeper than
//! [`markdown::MAX_NESTING`] (past it, sanitizing would take quadratic time). Its `#fragment` links must
//! name one of its own headings or footnotes. Every rule reads the text in linear time, and they
//! run before anything is rendered, so `nfk check` reports them without sanitizing the story.
//! The story's own images are read (and checked to exist) by `load/story.rs`. Its other links
//! are judged against the route plan with the pages' links (`links.rs`, via [`written_links`]).
//! Shortcodes are for editors' pages: a story is refused one, never runs it.

use super::text;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::story::image_file;
use crate::messages::ids;
use crate::model::Site;
use crate::render::markdown::{self, STORY_ID_PREFIX};
use crate::render::shortcodes;
use crate::routes::{RoutePlan, WrittenLink, urls};

pub fn check_story(slug: &str, file: &str, story: &str, diags: &mut Diagnostics) {
    let rel = format!("partners/{slug}/{file}");
    text::check_markdown(&rel, story, 0, diags);
    for call in shortcodes::extract(story).calls {
        diags.push(Diagnostic::error_msg(
            &rel,
            Pos::new(call.line, call.column),
            ids::STORY_SHORTCODE,
            vec![("name", call.name.as_str().into())],
        ));
    }
    let outline = markdown::outline(story);
    if let Some((line, column)) = outline.too_deep {
        diags.push(super::nesting_error(&rel, Pos::new(line, column)));
    }
    for link in &outline.links {
        let at = Pos::new(link.line, link.column);
        if link.image {
            if let Some(problem) = image_problem(&rel, at, slug, &link.url) {
                diags.push(problem);
            }
        } else if let Some(fragment) = link.url.strip_prefix('#')
            && !outline
                .ids
                .contains(&format!("{STORY_ID_PREFIX}{fragment}"))
        {
            diags.push(Diagnostic::error_msg(
                &rel,
                at,
                ids::STORY_FRAGMENT_UNKNOWN,
                vec![("fragment", fragment.into())],
            ));
        }
    }
}

/// The links of the stories the plan publishes, for the link check (`links.rs`): every link
/// but images (a file of the partner, see [`image_problem`]) and `#fragment`s of the story
/// itself (judged by [`check_story`] against the story's own ids).
pub fn written_links(site: &Site, plan: &RoutePlan) -> Vec<WrittenLink> {
    let mut links = Vec::new();
    let default = site.config.language;
    for partner in &site.partners {
        let stories = (partner
            .story
            .iter()
            .map(|s| (default, "story.md".to_string(), s)))
        .chain(partner.translations.iter().filter_map(|t| {
            let file = format!("story.{}.md", t.language.code());
            Some((t.language, file, t.story.as_ref()?))
        }));
        for (language, file, story) in stories {
            let page_url = urls::in_language(&urls::partner(&partner.slug), language, default);
            if plan.get(&page_url).is_none() {
                continue;
            }
            let source = format!("partners/{}/{file}", partner.slug);
            for link in markdown::outline(story).links {
                if link.image || link.url.starts_with('#') {
                    continue;
                }
                links.push(WrittenLink {
                    source: source.clone(),
                    page_url: page_url.clone(),
                    url: link.url,
                    at: Pos::new(link.line, link.column),
                });
            }
        }
    }
    links
}

/// Why an image of the story cannot be shown, if it cannot: only files of the partner's own
/// folder can (they are published with the site and loaded from it).
fn image_problem(rel: &str, at: Pos, slug: &str, url: &str) -> Option<Diagnostic> {
    if image_file(url).is_some() {
        return None;
    }
    let shown = markdown::shorten(url, 80);
    let id = match resolve(url).as_ref().and_then(url::Url::host_str) {
        Some(OWN_HOST) => ids::STORY_IMAGE_OWN_SITE,
        Some(_) => ids::STORY_IMAGE_OTHER_SITE,
        None => ids::STORY_IMAGE_NOT_A_PICTURE,
    };
    let args = vec![("shown", shown.into()), ("slug", slug.into())];
    Some(Diagnostic::error_msg(rel, at, id, args))
}

const OWN_HOST: &str = "nfk.invalid";

/// `url` as a browser on one of the site's pages would resolve it (WHATWG URL parsing, so
/// `//host`, `\\host` and ` //host` all name another host).
fn resolve(url: &str) -> Option<url::Url> {
    url::Url::parse(&format!("https://{OWN_HOST}/partnere/alfa/"))
        .ok()?
        .join(url)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::MAX_NESTING;

    fn check(story: &str) -> Vec<Diagnostic> {
        let mut diags = Diagnostics::new();
        check_story("alfa", "story.md", story, &mut diags);
        diags.sorted()
    }

    #[test]
    fn rejects_remote_images_in_stories() {
        let d = check("# Historie\n\nTekst.\n\nSe ![](https://tracker.example/p.png) her.\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].column, d[0].is_error()), (5, 4, true));
        assert_eq!(
            d[0].message,
            "image `https://tracker.example/p.png` is on another site"
        );
    }

    #[test]
    fn rejects_protocol_relative_images_but_keeps_such_links() {
        let d = check("![a](//tracker.example/p.png)\n\n[lenke](//example.no/side)\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "image `//tracker.example/p.png` is on another site"
        );
        // `\\\\` in Markdown is `\\` in the address, which browsers read as `//`.
        let d = check("![a](\\\\\\\\tracker.example/p.png)\n");
        assert_eq!(
            d[0].message,
            "image `\\\\tracker.example/p.png` is on another site"
        );
    }

    #[test]
    fn rejects_images_that_are_not_files_of_the_partner() {
        for (url, message) in [
            (
                "/bilder/logo.png",
                "image `/bilder/logo.png` must be a file in partners/alfa/",
            ),
            (
                "../beta/logo.png",
                "image `../beta/logo.png` must be a file in partners/alfa/",
            ),
            (
                "data:image/png;base64,AAAA",
                "image `data:image/png;base64,AAAA` is not a picture file the site can publish",
            ),
        ] {
            let d = check(&format!("![x]({url})\n"));
            assert_eq!(d.len(), 1, "{url}: {d:?}");
            assert_eq!(d[0].message, message);
        }
    }

    #[test]
    fn accepts_local_images_footnotes_and_heading_links() {
        let story = "# Vår historie\n\nTekst[^1] med ![tak](tak.png).\n\nSe [historien](#var-historie).\n\n[^1]: Kilde.\n";
        assert!(check(story).is_empty(), "{:?}", check(story));
    }

    #[test]
    fn judges_fragment_links_by_the_ids_the_story_gets() {
        // Raw HTML in a story is text, so it is part of the heading's id.
        assert!(check("# A <b>x</b>\n\n[l](#a-b-x-b)\n").is_empty());
        assert_eq!(check("# A <b>x</b>\n\n[l](#a-x)\n").len(), 1);
    }

    #[test]
    fn rejects_fragment_links_to_nothing() {
        let d = check("# Mål\n\n[se](#maal)\n");
        assert_eq!((d[0].line, d[0].column), (3, 1));
        assert!(d[0].message.contains("`#maal`"), "{}", d[0].message);
    }

    #[test]
    fn rejects_shortcodes_in_stories_at_their_position() {
        let d = check("# Historie\n\nVi er {{ figure(key=\"partners\") }} partnere.\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (3, 7));
        assert_eq!(d[0].message, "shortcode `figure` in a partner's story");
        assert!(check("Kode: `{{ figure(key=\"partners\") }}`\n").is_empty());
    }

    #[test]
    fn rejects_control_characters_at_their_column() {
        let d = check("Tekst\n\nEn \u{1b}[2J linje\n");
        assert_eq!((d[0].line, d[0].column), (3, 4));
        assert_eq!(d[0].message, "control character U+001B in the text");
    }

    #[test]
    fn deep_nesting_is_one_error_at_the_level_past_the_limit() {
        let quotes = "> ".repeat(100_000);
        let d = check(&quotes);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (1, 2 * MAX_NESTING as u32 + 1));
        assert_eq!(d[0].message, "Markdown nested more than 32 levels deep");
        let mut list = String::new();
        for depth in 0..40 {
            list.push_str(&format!("{}- punkt\n", "  ".repeat(depth)));
        }
        let d = check(&list);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            (d[0].line, d[0].column),
            (17, 33),
            "a list and its item are two levels"
        );
        assert!(check(&"> ".repeat(MAX_NESTING - 1)).is_empty());
    }

    /// The links `written_links` gives for a site of `alfa` (a story and its English
    /// translation) and the draft `beta`, whose story the plan does not publish.
    fn links_of_stories() -> Vec<(String, String, String, (u32, u32))> {
        use crate::aggregate::testkit::{partner, site};
        use crate::model::{Language, PartnerTranslation};
        let mut alfa = partner("alfa", 'F', 5);
        alfa.story = Some(
            "# Historie\n\nSe [om](/om/), ![tak](tak.png), [her](#historie)\nog [ut](https://example.org/).\n"
                .into(),
        );
        alfa.translations.push(PartnerTranslation {
            language: Language::En,
            summary: Some("S".into()),
            story: Some("Read [about](/en/om/).\n".into()),
        });
        let mut beta = partner("beta", 'F', 5);
        beta.draft = true;
        beta.story = Some("[om](/om/)\n".into());
        let mut s = site(vec![alfa, beta]);
        s.config.languages = vec![Language::Nb, Language::En];
        let plan = crate::routes::plan_of(&s);
        (written_links(&s, &plan).into_iter())
            .map(|l| (l.source, l.page_url, l.url, (l.at.line, l.at.column)))
            .collect()
    }

    #[test]
    fn the_link_check_gets_the_links_of_published_stories_but_their_images_and_fragments() {
        let s = |v: &str| v.to_string();
        assert_eq!(
            links_of_stories(),
            [
                (
                    s("partners/alfa/story.md"),
                    s("/partnere/alfa/"),
                    s("/om/"),
                    (3, 4)
                ),
                (
                    s("partners/alfa/story.md"),
                    s("/partnere/alfa/"),
                    s("https://example.org/"),
                    (4, 4)
                ),
                (
                    s("partners/alfa/story.en.md"),
                    s("/en/partnere/alfa/"),
                    s("/en/om/"),
                    (1, 6)
                ),
            ]
        );
    }
}
