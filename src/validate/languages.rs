//! Rules for a site's languages (SPEC §11): `language`/`languages` and `translations` in
//! site.yaml, and the translations of content pages and partners' words, judged once every file
//! is read: a translation needs its original and must agree with it where they must agree.
//!
//! Pure; the URLs of translated pages come from `routes::urls` like every URL.

use std::collections::BTreeMap;

use super::Checker;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::S;
use crate::load::raw::{RawSiteConfig, RawSiteTranslation};
use crate::messages::{Arg, ids};
use crate::model::{Language, MenuItem, Page, Partner, SiteTranslation};
use crate::routes::{RoutePlan, WrittenLink};

/// `languages: [nb, en]` (or the older `language: nb`): every language of the site, the
/// default first. `None` after an error.
pub fn site_languages(c: &mut Checker, raw: &RawSiteConfig) -> Option<Vec<Language>> {
    match (&raw.language, &raw.languages) {
        (Some(one), Some(_)) => {
            c.error_msg(one, ids::SITE_LANGUAGE_AND_LANGUAGES, vec![]);
            None
        }
        (Some(one), None) => Some(vec![c.choice(
            one,
            &Language::ALL,
            Arg::word(ids::WHAT_LANGUAGE),
        )?]),
        (None, None) => Some(vec![Language::Nb]),
        (None, Some(list)) => {
            let mut languages = Vec::new();
            let mut ok = true;
            for code in &list.value {
                match c.choice(code, &Language::ALL, Arg::word(ids::WHAT_LANGUAGE)) {
                    Some(l) if languages.contains(&l) => {
                        let args = vec![("code", l.code().into())];
                        c.error_msg(code, ids::SITE_LANGUAGE_TWICE, args);
                        ok = false;
                    }
                    Some(l) => languages.push(l),
                    None => ok = false,
                }
            }
            if ok && languages.is_empty() {
                c.error_msg(list, ids::SITE_LANGUAGES_EMPTY, vec![]);
                ok = false;
            }
            ok.then_some(languages)
        }
    }
}

/// `translations:`: the site's words in each language but the default. A translation into a
/// language the site does not have, or into the default, is an error at its key.
pub fn site_translations(
    c: &mut Checker,
    raw: &RawSiteConfig,
    languages: &[Language],
    menu: impl Fn(&mut Checker, &[crate::load::raw::RawMenuItem], &str) -> Vec<MenuItem>,
) -> Vec<SiteTranslation> {
    let Some(given) = &raw.translations else {
        return Vec::new();
    };
    let pairs: [(Language, &Option<S<RawSiteTranslation>>); 2] =
        [(Language::Nb, &given.nb), (Language::En, &given.en)];
    let mut out = Vec::new();
    for (language, raw) in pairs {
        let Some(raw) = raw else { continue };
        let args = || vec![("code", language.code().into())];
        if languages.first() == Some(&language) {
            c.error_msg(raw, ids::SITE_TRANSLATION_INTO_DEFAULT, args());
            continue;
        }
        if !languages.contains(&language) {
            c.error_msg(raw, ids::SITE_TRANSLATION_NOT_A_LANGUAGE, args());
            continue;
        }
        let t = &raw.value;
        out.push(SiteTranslation {
            language,
            title: t.title.as_ref().map(|s| s.trim().to_string()),
            description: t.description.clone(),
            menu: (t.menu.as_ref()).map(|items| menu(c, items, "menu")),
            footer_menu: (t.footer_menu.as_ref()).map(|items| menu(c, items, "footer_menu")),
        });
    }
    out
}

/// The language of a content file and the file it translates: `content/om.en.md` is the
/// English translation of `content/om.md` when English is one of the site's languages other
/// than the default. Any other file is in the default language and its own original.
pub fn page_language(rel: &str, languages: &[Language]) -> (Language, String) {
    let default = languages.first().copied().unwrap_or(Language::Nb);
    let Some(stem) = rel.strip_suffix(".md") else {
        return (default, rel.to_string());
    };
    for language in languages.iter().skip(1) {
        if let Some(original) = stem.strip_suffix(&format!(".{}", language.code())) {
            return (*language, format!("{original}.md"));
        }
    }
    (default, rel.to_string())
}

/// The rules between a page and its translations: a translation needs its original, and a
/// translation's `date` must be its original's (the listings of both languages sort by it).
pub fn check_page_translations(pages: &[Page], diags: &mut Diagnostics) {
    let originals: BTreeMap<&str, &Page> = (pages.iter())
        .filter(|p| p.original == p.source)
        .map(|p| (p.source.as_str(), p))
        .collect();
    for page in pages.iter().filter(|p| p.original != p.source) {
        let Some(original) = originals.get(page.original.as_str()) else {
            let args = vec![("original", page.original.as_str().into())];
            diags.push(Diagnostic::error_msg(
                &page.source,
                Pos::FILE,
                ids::TRANSLATION_WITHOUT_ORIGINAL,
                args,
            ));
            continue;
        };
        if page.date != original.date {
            let shown =
                |d: Option<chrono::NaiveDate>| d.map_or("–".to_string(), |d| d.to_string());
            let args = vec![
                ("date", shown(page.date).into()),
                ("original_date", shown(original.date).into()),
                ("original", original.source.as_str().into()),
            ];
            diags.push(Diagnostic::error_msg(
                &page.source,
                page.date_at,
                ids::TRANSLATION_DATE_DIFFERS,
                args,
            ));
        }
    }
}

/// A partner's translated story needs a translated summary: the partner list and the search in
/// that language show the summary, and an English story under a Norwegian summary reads oddly.
pub fn check_partner_translations(partners: &[Partner], diags: &mut Diagnostics) {
    for partner in partners {
        for t in stories_without_summary(partner) {
            let code = t.language.code();
            let args = vec![
                ("code", code.into()),
                ("slug", partner.slug.as_str().into()),
            ];
            diags.push(Diagnostic::warning_msg(
                &format!("partners/{}/story.{code}.md", partner.slug),
                Pos::FILE,
                ids::STORY_TRANSLATION_WITHOUT_SUMMARY,
                args,
            ));
        }
    }
}

fn stories_without_summary(
    partner: &Partner,
) -> impl Iterator<Item = &crate::model::PartnerTranslation> {
    (partner.translations.iter()).filter(|t| t.story.is_some() && t.summary.is_none())
}

/// A link in a page of one language to a page of another (an English page linking to a
/// Norwegian-only news item) takes the reader out of their language: a warning, since it may be
/// meant. Links to files every language shares (open data, pictures) are no such link.
pub fn check_links_across_languages(
    plan: &RoutePlan,
    links: &[WrittenLink],
    diags: &mut Diagnostics,
) {
    for link in links {
        let (Some(from), Some(to)) = (plan.get(&link.page_url), super::links::route_of(plan, link))
        else {
            continue;
        };
        if from.language == to.language || !to.kind.is_page() {
            continue;
        }
        let mut args = vec![
            ("url", to.url.as_str().into()),
            ("to", to.language.code().into()),
            ("from", from.language.code().into()),
        ];
        let translated = (plan.translations(&to.url).iter()).find(|(l, _)| *l == from.language);
        let id = match translated {
            Some((_, url)) => {
                args.push(("translation", url.as_str().into()));
                ids::LINK_TO_OTHER_LANGUAGE
            }
            None => ids::LINK_TO_UNTRANSLATED_PAGE,
        };
        diags.push(Diagnostic::warning_msg(&link.source, link.at, id, args));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: [Language; 2] = [Language::Nb, Language::En];

    const GOOD: &str = "title: T\nbase_url: https://example.org\nresults: { reporting_year: 2024, as_of: 2025-06-16 }\nfee_tiers:\n  - { fee_nok: 50000 }\n";

    fn config(extra: &str) -> (Option<crate::model::SiteConfig>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new();
        let text = format!("{GOOD}{extra}");
        let raw: RawSiteConfig =
            crate::load::yaml::parse("site.yaml", &text, 0, &mut diags).expect("parses");
        let config = super::super::site::validate_config(&raw, &mut diags);
        (config, diags.sorted())
    }

    #[test]
    fn the_first_of_languages_is_the_default_and_translations_give_the_others_words() {
        let (config, diags) = config(
            "languages: [nb, en]\ntranslations:\n  en: { description: D, menu: [{ title: Partners, url: /en/partnere/ }] }\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let config = config.unwrap();
        assert_eq!(config.language, Language::Nb);
        assert_eq!(config.languages, BOTH);
        let en = config.translation(Language::En).unwrap();
        assert_eq!(en.description.as_deref(), Some("D"));
        assert_eq!(en.menu.as_ref().unwrap()[0].url, "/en/partnere/");
        assert!(en.footer_menu.is_none() && en.title.is_none());
        let (config, _) = config_default_en();
        assert_eq!(config.unwrap().language, Language::En);
    }

    fn config_default_en() -> (Option<crate::model::SiteConfig>, Vec<Diagnostic>) {
        config("languages: [en, nb]\n")
    }

    #[test]
    fn refuses_language_and_languages_together_a_repeated_or_unknown_language_and_an_empty_list() {
        for (extra, line, needle) in [
            (
                "language: nb\nlanguages: [nb, en]\n",
                6,
                "both `language` and `languages`",
            ),
            ("languages: [nb, en, nb]\n", 6, "listed twice"),
            ("languages: [nb, nn]\n", 6, "unknown language `nn`"),
            ("languages: []\n", 6, "`languages` is empty"),
        ] {
            let (config, diags) = config(extra);
            assert!(config.is_none(), "{extra}");
            assert_eq!(diags.len(), 1, "{extra}: {diags:?}");
            assert!(diags[0].message.contains(needle), "{extra}: {diags:?}");
            assert_eq!(diags[0].line, line, "{extra}");
        }
    }

    #[test]
    fn refuses_a_translation_into_the_default_or_a_language_the_site_does_not_have() {
        let (_, diags) = config("translations:\n  en: { description: D }\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0]
                .message
                .contains("not one of the site's `languages`")
        );
        let (_, diags) = config("languages: [nb, en]\ntranslations:\n  nb: { description: D }\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message.contains("default language"));
    }

    #[test]
    fn a_file_named_with_a_second_language_code_translates_the_file_without_it() {
        assert_eq!(
            page_language("content/om.en.md", &BOTH),
            (Language::En, "content/om.md".to_string())
        );
        assert_eq!(
            page_language("content/nyheter/_index.en.md", &BOTH),
            (Language::En, "content/nyheter/_index.md".to_string())
        );
        assert_eq!(
            page_language("content/om.md", &BOTH),
            (Language::Nb, "content/om.md".to_string())
        );
    }

    #[test]
    fn a_language_code_the_site_does_not_have_is_part_of_the_name() {
        assert_eq!(
            page_language("content/om.en.md", &[Language::Nb]),
            (Language::Nb, "content/om.en.md".to_string())
        );
        // The default language's own code is no translation either.
        assert_eq!(
            page_language("content/om.nb.md", &BOTH),
            (Language::Nb, "content/om.nb.md".to_string())
        );
    }

    /// A page of `source` in `language` as `validate_pages` leaves it, dated `date`, its date
    /// written at 3:7.
    fn page(source: &str, language: Language, date: Option<&str>) -> Page {
        let (_, original) = page_language(source, &BOTH);
        let (url, is_section) = crate::routes::urls::page(&original, None);
        Page {
            source: source.into(),
            url: crate::routes::urls::in_language(&url, language, Language::Nb),
            is_section,
            title: "T".into(),
            description: None,
            date: date.map(|d| d.parse().expect("a date")),
            updated: None,
            draft: false,
            weight: 0,
            template: None,
            url_at: Pos::new(1, 1),
            template_at: Pos::new(1, 1),
            date_at: Pos::new(3, 7),
            body: String::new(),
            body_line: 5,
            language,
            original,
        }
    }

    fn page_problems(pages: &[Page]) -> Vec<(String, u32, u32, Option<&'static str>)> {
        let mut diags = Diagnostics::new();
        check_page_translations(pages, &mut diags);
        (diags.sorted().into_iter())
            .map(|d| (d.path.clone(), d.line, d.column, d.code()))
            .collect()
    }

    #[test]
    fn a_translation_needs_its_original_and_its_date() {
        let om = page("content/om.md", Language::Nb, Some("2025-03-13"));
        let om_en = page("content/om.en.md", Language::En, Some("2025-03-13"));
        assert_eq!(page_problems(&[om.clone(), om_en]), []);

        let late = page("content/om.en.md", Language::En, Some("2025-03-14"));
        let undated = page("content/om.en.md", Language::En, None);
        for translation in [late, undated] {
            assert_eq!(
                page_problems(&[om.clone(), translation]),
                [(
                    "content/om.en.md".to_string(),
                    3,
                    7,
                    Some(ids::TRANSLATION_DATE_DIFFERS)
                )]
            );
        }

        let orphan = page("content/kontakt.en.md", Language::En, None);
        assert_eq!(
            page_problems(&[om.clone(), orphan]),
            [(
                "content/kontakt.en.md".to_string(),
                0,
                0,
                Some(ids::TRANSLATION_WITHOUT_ORIGINAL)
            )]
        );
        // An original is no translation of itself, dated or not.
        let kontakt = page("content/kontakt.md", Language::Nb, None);
        assert_eq!(page_problems(&[om, kontakt]), []);
    }

    #[test]
    fn a_translated_story_without_a_translated_summary_is_a_warning_at_the_story() {
        use crate::model::PartnerTranslation;
        let with = |summary: Option<&str>, story: Option<&str>| {
            let mut p = crate::aggregate::testkit::partner("alfa", 'F', 5);
            p.translations.push(PartnerTranslation {
                language: Language::En,
                summary: summary.map(str::to_string),
                story: story.map(str::to_string),
            });
            p
        };
        let problems = |p: Partner| {
            let mut diags = Diagnostics::new();
            check_partner_translations(&[p], &mut diags);
            (diags.sorted().into_iter())
                .map(|d| (d.path.clone(), d.is_error(), d.code()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            problems(with(None, Some("# Story"))),
            [(
                "partners/alfa/story.en.md".to_string(),
                false,
                Some(ids::STORY_TRANSLATION_WITHOUT_SUMMARY)
            )]
        );
        assert_eq!(problems(with(Some("Summary"), Some("# Story"))), []);
        assert_eq!(problems(with(Some("Summary"), None)), []);
        assert_eq!(problems(with(None, None)), []);
    }

    /// The warnings for links written at 4:2 in the page at `from` (its file `source`) to each of
    /// `urls`, in a site of `content/om.md`, its English translation and the Norwegian-only
    /// `content/nyhet.md`.
    fn cross_language(
        source: &str,
        from: &str,
        urls: &[&str],
    ) -> Vec<(String, Option<&'static str>, Option<String>)> {
        let mut s = crate::aggregate::testkit::site(Vec::new());
        s.config.languages = BOTH.to_vec();
        s.pages.push(page("content/om.md", Language::Nb, None));
        s.pages.push(page("content/om.en.md", Language::En, None));
        s.pages.push(page("content/nyhet.md", Language::Nb, None));
        let plan = crate::routes::plan_of(&s);
        let links: Vec<WrittenLink> = (urls.iter())
            .map(|url| WrittenLink {
                source: source.into(),
                page_url: from.into(),
                url: url.to_string(),
                at: Pos::new(4, 2),
            })
            .collect();
        let mut diags = Diagnostics::new();
        check_links_across_languages(&plan, &links, &mut diags);
        (diags.sorted().into_iter())
            .map(|d| {
                assert_eq!((d.line, d.column, d.is_error()), (4, 2, false), "{d:?}");
                assert_eq!(d.path, source);
                let translation = (d.catalogued.as_ref())
                    .and_then(|c| c.args.iter().find(|(k, _)| *k == "translation"))
                    .map(|(_, v)| format!("{v:?}"));
                (d.message.clone(), d.code(), translation)
            })
            .collect()
    }

    #[test]
    fn a_link_to_a_page_of_another_language_is_a_warning_naming_its_translation_if_any() {
        let found = cross_language("content/om.en.md", "/en/om/", &["/om/", "/nyhet/"]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].1,
            Some(ids::LINK_TO_UNTRANSLATED_PAGE),
            "{found:?}"
        );
        assert!(found[0].0.contains("/nyhet/"), "{found:?}");
        assert_eq!(found[0].2, None);
        assert_eq!(found[1].1, Some(ids::LINK_TO_OTHER_LANGUAGE), "{found:?}");
        assert!(found[1].0.contains("/om/"), "{found:?}");
        assert!(
            found[1]
                .2
                .as_deref()
                .is_some_and(|t| t.contains("\"/en/om/\"")),
            "{found:?}"
        );
        // Back to Norwegian from the Norwegian page: the link names the English page.
        let found = cross_language("content/om.md", "/om/", &["/en/om/"]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(ids::LINK_TO_OTHER_LANGUAGE));
        assert!(
            found[0]
                .2
                .as_deref()
                .is_some_and(|t| t.contains("\"/om/\"")),
            "{found:?}"
        );
    }

    #[test]
    fn links_within_a_language_to_shared_files_or_from_pages_not_published_are_fine() {
        let fine = [
            "/en/om/",
            "/data/results.json",
            "/nope/",
            "https://example.org/",
        ];
        assert_eq!(cross_language("content/om.en.md", "/en/om/", &fine), []);
        assert_eq!(cross_language("content/om.md", "/om/", &["/nyhet/"]), []);
        assert_eq!(cross_language("content/x.en.md", "/en/x/", &["/om/"]), []);
    }
}
