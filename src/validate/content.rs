//! Rules for `content/**/*.md` front matter (SPEC §5): a page's URL (from `routes::urls`) must
//! be its own and outside nfk's reserved prefixes.

use std::collections::BTreeMap;

use super::Checker;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::RawPage;
use crate::load::yaml::span_pos;
use crate::memo::{KeyHasher, Pass};
use crate::messages::{Arg, ids};
use crate::model::{Language, Page, Site};
use crate::render::markdown;
use crate::routes::{Kind, RoutePlan, urls};

pub fn validate_pages(
    raw: Vec<RawPage>,
    languages: &[Language],
    depths: &Pass<Option<(u32, u32)>>,
    diags: &mut Diagnostics,
) -> Vec<Page> {
    let default = languages.first().copied().unwrap_or(Language::Nb);
    // A translation without `slug:` takes its original's: the same path under `/<code>/`.
    let original_slugs: BTreeMap<String, String> = (raw.iter())
        .filter_map(|p| {
            let slug = p.front.as_ref()?.slug.as_ref()?;
            super::partner::is_slug(&slug.value).then(|| (p.rel.clone(), slug.value.clone()))
        })
        .collect();
    let mut pages = Vec::new();
    // URL → the file that has it
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for page in raw {
        // Where the body nests too deep, by its text (parsing every page again is most of what
        // validating a page costs).
        let key = || Some(KeyHasher::new().text("too deep").text(&page.body).finish());
        let too_deep = depths.get_or_make(key, || markdown::too_deep(&page.body));
        if let Some((line, column)) = too_deep {
            let line = line.saturating_add(page.body_line.saturating_sub(1));
            diags.push(super::nesting_error(&page.rel, Pos::new(line, column)));
        }
        let Some(front) = &page.front else { continue };
        let mut c = Checker {
            rel: &page.rel,
            diags,
            line_offset: 1,
        };
        let errors_before = c.diags.error_count();
        let title = front.title.value.trim().to_string();
        if title.is_empty() {
            c.error_msg(&front.title, ids::SITE_TITLE_EMPTY, vec![]);
        }
        let date = front.date.as_ref().and_then(|d| c.date(d, "date"));
        let updated = front.updated.as_ref().and_then(|d| c.date(d, "updated"));
        let template = front.template.as_ref().and_then(|t| {
            let name = t.value.trim().trim_end_matches(".html");
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                c.error_msg(
                    t,
                    ids::PAGE_TEMPLATE_NAME,
                    vec![("name", t.value.as_str().into())],
                );
                None
            } else {
                Some(name.to_string())
            }
        });
        let slug = front.slug.as_ref().and_then(|s| {
            if super::partner::is_slug(&s.value) {
                Some(s.value.clone())
            } else {
                c.error_msg(
                    s,
                    ids::PAGE_SLUG_CHARACTERS,
                    vec![("slug", s.value.as_str().into())],
                );
                None
            }
        });
        let (language, original) = super::languages::page_language(&page.rel, languages);
        let slug = slug.or_else(|| original_slugs.get(&original).cloned());
        let (url, is_section) = urls::page(&original, slug.as_deref());
        let url = urls::in_language(&url, language, default);
        if c.diags.error_count() > errors_before {
            continue;
        }
        let start = Pos::new(1, 1);
        let at = |s: Option<&crate::load::S<String>>| s.map_or(start, |s| span_pos(s).shifted(1));
        // A section's URL is its folder's: `slug:` does not change it.
        let url_at = at(front.slug.as_ref().filter(|_| !is_section));
        // A page directly in `content/toppmote/` is a slide of the presentation, not a page.
        let (in_edition, bare) = urls::split_language(&url, languages);
        let slide = !is_section && urls::summit_slide(bare).is_some();
        if in_edition != language {
            // `content/en/a.md` would be a Norwegian page in the English edition's folder.
            let code = in_edition.code();
            let args = vec![("url", url.as_str().into()), ("code", code.into())];
            c.diags.push(Diagnostic::error_msg(
                &page.rel,
                url_at,
                ids::PAGE_IN_OTHER_EDITION,
                args,
            ));
            continue;
        }
        if let Some((prefix, owner)) = urls::reserved(bare).filter(|_| !slide) {
            let args = vec![
                ("url", url.as_str().into()),
                ("prefix", prefix.into()),
                ("owner", Arg::word(owner)),
            ];
            c.diags.push(Diagnostic::error_msg(
                &page.rel,
                url_at,
                ids::PAGE_URL_RESERVED,
                args,
            ));
            continue;
        }
        if let Some(first) = seen.get(&url) {
            let args = vec![("url", url.as_str().into()), ("first", first.into())];
            c.diags.push(Diagnostic::error_msg(
                &page.rel,
                url_at,
                ids::PAGE_URL_TWICE,
                args,
            ));
            continue;
        }
        seen.insert(url.clone(), page.rel.clone());
        pages.push(Page {
            source: page.rel.clone(),
            url,
            is_section,
            title,
            description: front.description.clone(),
            date,
            updated,
            draft: front.draft,
            weight: front.weight.unwrap_or(0),
            template,
            url_at,
            template_at: at(front.template.as_ref()),
            date_at: front
                .date
                .as_ref()
                .map_or(start, |d| span_pos(d).shifted(1)),
            body: page.body,
            body_line: page.body_line,
            language,
            original,
        });
    }
    pages
}

/// A page's `template:` must name a template of the theme (the plan renders the page with it).
pub fn check_templates(
    site: &Site,
    plan: &RoutePlan,
    has_template: &dyn Fn(&str) -> bool,
    theme: &str,
    diags: &mut Diagnostics,
) {
    for route in plan.routes() {
        let page = match route.kind {
            Kind::Page { page }
            | Kind::Section {
                page, number: 1, ..
            } => &site.pages[page.0],
            _ => continue,
        };
        let Some(template) = page.template.as_ref().and(route.template.as_deref()) else {
            continue;
        };
        if !has_template(template) {
            let args = vec![("template", template.into()), ("theme", theme.into())];
            diags.push(Diagnostic::error_msg(
                &page.source,
                page.template_at,
                ids::PAGE_TEMPLATE_NOT_FOUND,
                args,
            ));
        } else if template == ACCESSIBILITY_TEMPLATE && site.config.accessibility.is_none() {
            diags.push(Diagnostic::error_msg(
                &page.source,
                page.template_at,
                ids::PAGE_ACCESSIBILITY_NEEDS_CONFIG,
                vec![],
            ));
        }
    }
}

/// The accessibility statement's template: it shows the facts of site.yaml `accessibility:`.
const ACCESSIBILITY_TEMPLATE: &str = "accessibility.html";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::split_page;

    fn check(files: &[(&str, &str)]) -> (Vec<Page>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new();
        let raw = files
            .iter()
            .map(|(rel, text)| split_page(rel.to_string(), text, &mut diags))
            .collect();
        let pages = validate_pages(
            raw,
            &[Language::Nb],
            &crate::memo::Memo::off().pass(),
            &mut diags,
        );
        (pages, diags.sorted())
    }

    #[test]
    fn reads_front_matter_fields() {
        let (pages, diags) = check(&[(
            "content/a.md",
            "---\ntitle: A\ndate: 2025-03-13\nweight: 3\ndraft: true\n---\nbody\n",
        )]);
        assert!(diags.is_empty(), "{diags:?}");
        let p = &pages[0];
        assert_eq!(
            (p.url.as_str(), p.weight, p.draft, p.body_line),
            ("/a/", 3, true, 7)
        );
        assert_eq!(p.date.unwrap().to_string(), "2025-03-13");
    }

    #[test]
    fn rejects_a_bad_date_at_its_line() {
        let (_, diags) = check(&[("content/a.md", "---\ntitle: A\ndate: 13.03.2025\n---\n")]);
        assert_eq!((diags[0].line, diags[0].column), (3, 7));
    }

    #[test]
    fn rejects_two_pages_with_one_url() {
        let (_, diags) = check(&[
            ("content/a.md", "---\ntitle: A\n---\n"),
            ("content/b.md", "---\ntitle: B\nslug: a\n---\n"),
        ]);
        assert_eq!(diags[0].message, "/a/ is also produced by content/a.md");
    }

    #[test]
    fn rejects_pages_under_generated_urls() {
        let (_, diags) = check(&[("content/partnere/x.md", "---\ntitle: X\n---\n")]);
        assert!(diags[0].message.contains("generated by nfk"));
    }

    #[test]
    fn takes_pages_directly_in_the_summit_folder_as_slides_and_nothing_else_there() {
        let (pages, diags) = check(&[
            (
                "content/toppmote/velkommen.md",
                "---\ntitle: Velkommen\n---\n",
            ),
            ("content/toppmote/_index.md", "---\ntitle: T\n---\n"),
            ("content/toppmote/a/b.md", "---\ntitle: B\n---\n"),
        ]);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].url, "/toppmote/velkommen/");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.message.contains("generated by nfk")));
    }

    #[test]
    fn rejects_an_empty_title() {
        let (_, diags) = check(&[("content/a.md", "---\ntitle: \"\"\n---\n")]);
        assert_eq!(diags[0].message, "title is empty");
    }

    /// The problems `check_templates` finds in a site of `pages` (file, `template:`) whose theme
    /// has `page.html`, `section.html`, `side.html` and `accessibility.html`.
    fn template_problems(
        pages: &[(&str, Option<&str>)],
        accessibility: bool,
    ) -> Vec<(String, u32, u32, Option<&'static str>)> {
        let mut s = crate::aggregate::testkit::site(Vec::new());
        if accessibility {
            s.config.accessibility = Some(crate::model::Accessibility {
                statement_url: "https://uustatus.no/nb/erklaringer/publisert/x".into(),
                contact: "post@example.org".into(),
                last_reviewed: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date"),
            });
        }
        for (source, template) in pages {
            let (mut read, diags) = check(&[(source, "---\ntitle: T\n---\n")]);
            assert!(diags.is_empty(), "{diags:?}");
            let mut page = read.remove(0);
            page.template = template.map(str::to_string);
            page.template_at = Pos::new(4, 11);
            s.pages.push(page);
        }
        let plan = crate::routes::plan_of(&s);
        let theme = [
            "page.html",
            "section.html",
            "side.html",
            "accessibility.html",
        ];
        let mut diags = Diagnostics::new();
        check_templates(&s, &plan, &|t| theme.contains(&t), "nfk", &mut diags);
        (diags.sorted().into_iter())
            .map(|d| (d.path.clone(), d.line, d.column, d.code()))
            .collect()
    }

    #[test]
    fn a_template_the_theme_lacks_is_an_error_at_the_template_line_of_a_page_or_section() {
        let problems = template_problems(
            &[
                ("content/a.md", Some("mangler")),
                ("content/b.md", Some("side")),
                ("content/c.md", None),
                ("content/nyheter/_index.md", Some("liste")),
            ],
            false,
        );
        let at = |file: &str| (file.to_string(), 4, 11, Some(ids::PAGE_TEMPLATE_NOT_FOUND));
        assert_eq!(
            problems,
            [at("content/a.md"), at("content/nyheter/_index.md")]
        );
    }

    #[test]
    fn the_accessibility_template_needs_the_accessibility_facts_of_site_yaml() {
        let pages = [("content/tilgjengelighet.md", Some("accessibility"))];
        assert_eq!(
            template_problems(&pages, false),
            [(
                "content/tilgjengelighet.md".to_string(),
                4,
                11,
                Some(ids::PAGE_ACCESSIBILITY_NEEDS_CONFIG)
            )]
        );
        assert_eq!(template_problems(&pages, true), []);
        // Another template the theme has needs no such facts.
        assert_eq!(
            template_problems(&[("content/b.md", Some("side"))], false),
            []
        );
    }

    #[test]
    fn a_template_name_is_letters_digits_hyphens_and_underscores_with_or_without_html() {
        for (written, name) in [
            ("side", "side"),
            ("side.html", "side"),
            ("Side_2-a", "Side_2-a"),
            ("\" min-side \"", "min-side"),
        ] {
            let (pages, diags) = check(&[(
                "content/a.md",
                &format!("---\ntitle: A\ntemplate: {written}\n---\n"),
            )]);
            assert!(diags.is_empty(), "{written}: {diags:?}");
            assert_eq!(pages[0].template.as_deref(), Some(name), "{written}");
            assert_eq!(pages[0].template_at, Pos::new(3, 11), "{written}");
        }
        for written in ["\"\"", ".html", "../side", "a.b", "min side", "side/x"] {
            let (pages, diags) = check(&[(
                "content/a.md",
                &format!("---\ntitle: A\ntemplate: {written}\n---\n"),
            )]);
            assert!(
                pages.is_empty(),
                "{written}: a page with an error is left out"
            );
            let found: Vec<_> = (diags.iter())
                .map(|d| (d.line, d.column, d.code()))
                .collect();
            assert_eq!(found, [(3, 11, Some(ids::PAGE_TEMPLATE_NAME))], "{written}");
        }
    }

    #[test]
    fn a_page_url_is_at_its_slug_but_a_section_url_at_the_top_of_its_file() {
        let (pages, diags) = check(&[
            ("content/a.md", "---\ntitle: A\nslug: b\n---\n"),
            ("content/nyheter/_index.md", "---\ntitle: N\nslug: x\n---\n"),
        ]);
        assert!(diags.is_empty(), "{diags:?}");
        let found: Vec<_> = (pages.iter()).map(|p| (p.url.as_str(), p.url_at)).collect();
        assert_eq!(
            found,
            [("/b/", Pos::new(3, 7)), ("/nyheter/", Pos::new(1, 1))]
        );
    }
}
