//! The catalogues agree with each other and with the ids the code uses.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Each message of an `.ftl` text with the variables it (and its attributes) uses, and its
/// attribute names: read from the text, so the test does not trust the bundle it checks.
fn entries(text: &str) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let mut out: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    let mut current = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            let id = line.split(" =").next().unwrap_or_default().to_string();
            out.entry(id.clone()).or_default();
            current = Some(id);
        } else if let Some(attribute) = line.trim_start().strip_prefix('.') {
            let name = attribute.split(" =").next().unwrap_or_default();
            if let Some(id) = &current {
                out.get_mut(id).unwrap().1.insert(name.to_string());
            }
        }
        let Some(id) = &current else { continue };
        let variables = &mut out.get_mut(id).unwrap().0;
        for (i, _) in line.match_indices('$') {
            let name: String = line[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            variables.insert(name);
        }
    }
    out
}

#[test]
fn every_message_is_in_both_catalogues_with_the_same_variables() {
    let nb = entries(NB);
    let en = entries(EN);
    assert_eq!(
        nb.keys().collect::<Vec<_>>(),
        en.keys().collect::<Vec<_>>(),
        "nb.ftl and en.ftl have different messages"
    );
    for (id, nb_entry) in &nb {
        assert_eq!(nb_entry, &en[id], "`{id}`: variables or attributes differ");
    }
}

#[test]
fn every_id_in_the_code_has_a_message_and_every_message_an_id() {
    let in_code: BTreeSet<&str> = ids::ALL.iter().copied().collect();
    assert_eq!(in_code.len(), ids::ALL.len(), "an id is listed twice");
    for (_, file, text) in CATALOGUES {
        let in_file = entries(text);
        let in_file: BTreeSet<&str> = in_file.keys().map(String::as_str).collect();
        assert_eq!(in_code, in_file, "{file} against src/messages/ids.rs");
    }
}

#[test]
fn every_catalogue_parses_and_formats_without_errors() {
    for (lang, file, text) in CATALOGUES {
        let resource = FluentResource::try_new(text.to_string());
        assert!(
            resource.is_ok(),
            "{file}: {:?}",
            resource.err().map(|e| e.1)
        );
        for (id, (variables, attributes)) in entries(text) {
            let args: Vec<(&str, Arg)> = variables
                .iter()
                .map(|v| (v.as_str(), Arg::Count(2)))
                .collect();
            let bundle = bundle_of(lang);
            let message = bundle.get_message(&id).expect("message");
            let mut patterns = vec![message.value().expect("a value")];
            patterns.extend(
                attributes
                    .iter()
                    .map(|a| message.get_attribute(a).unwrap().value()),
            );
            for pattern in patterns {
                let mut errors = Vec::new();
                let args = fluent_args(lang, &args);
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{file} `{id}`: {errors:?}");
                assert!(!text.contains('\u{2068}'), "{file} `{id}`: isolation marks");
            }
        }
    }
}

#[test]
fn words_a_message_with_its_arguments_in_each_language() {
    let args: Args = vec![
        ("written", "014365877".into()),
        ("number", "14365877".into()),
    ];
    assert_eq!(
        text(Language::En, ids::ORG_NUMBER_NEEDS_QUOTES, &args),
        "org_number 014365877 must be written in quotes"
    );
    assert_eq!(
        text(Language::Nb, ids::ORG_NUMBER_NEEDS_QUOTES, &args),
        "org_number 014365877 må stå i anførselstegn"
    );
    assert_eq!(
        help(Language::Nb, ids::ORG_NUMBER_NEEDS_QUOTES, &args).as_deref(),
        Some("uten anførselstegn leses det som tallet 14365877; skriv `org_number: \"014365877\"`")
    );
    assert_eq!(
        text(Language::En, "no-such-message", &[]),
        "no-such-message"
    );
}

#[test]
fn english_plurals_follow_the_count() {
    let one = text(
        Language::En,
        ids::RESULTS_CONTENT_ERRORS,
        &[("errors", 1usize.into())],
    );
    let two = text(
        Language::En,
        ids::RESULTS_CONTENT_ERRORS,
        &[("errors", 2usize.into())],
    );
    assert!(one.starts_with("1 error in"), "{one}");
    assert!(two.starts_with("2 errors in"), "{two}");
}

#[test]
fn build_summaries_choose_singular_or_plural_in_each_language() {
    let summary = |lang, partners: usize, pages: usize, files: usize, warnings: usize| {
        let args: Vec<(&str, Arg)> = vec![
            ("partners", partners.into()),
            ("pages", pages.into()),
            ("files", files.into()),
            ("folder", "public".into()),
            ("ms", 5usize.into()),
            ("warnings", warnings.into()),
        ];
        text(lang, ids::BUILD_SUMMARY, &args)
    };
    assert_eq!(
        summary(Language::Nb, 1, 2, 1, 1),
        "bygde 1 partner, 2 sider (1 fil) i public på 5 ms, 1 advarsel"
    );
    assert_eq!(
        summary(Language::Nb, 2, 1, 1234, 0),
        "bygde 2 partnere, 1 side (1\u{a0}234 filer) i public på 5 ms"
    );
    assert_eq!(
        summary(Language::En, 1, 2, 1, 2),
        "built 1 partner, 2 pages (1 file) into public in 5 ms, 2 warnings"
    );
    let failed = |lang, warnings: usize| {
        let args: Vec<(&str, Arg)> = vec![
            ("errors", 1usize.into()),
            ("warnings", warnings.into()),
            ("folder", "public".into()),
        ];
        text(lang, ids::BUILD_FAILED, &args)
    };
    assert!(failed(Language::Nb, 1).contains("1 feil, 1 advarsel;"));
    assert!(failed(Language::En, 1).contains("1 error, 1 warning;"));
    assert!(failed(Language::En, 3).contains("1 error, 3 warnings;"));
}

#[test]
fn the_site_language_is_used_unless_the_flag_says_otherwise() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("site.yaml"), "title: x\nlanguage: en\n").unwrap();
    assert_eq!(choose(None, site.path()), Language::En);
    assert_eq!(choose(Some(Language::Nb), site.path()), Language::Nb);
    std::fs::write(site.path().join("site.yaml"), "title: [broken\n").unwrap();
    assert_eq!(choose(None, site.path()), Language::Nb);
}

#[test]
fn numbers_in_messages_follow_the_language() {
    let args: Args = vec![
        ("year", "2024".into()),
        ("market", 1.5.into()),
        ("location", 12345.0.into()),
    ];
    let id = ids::EMISSIONS_MARKET_FAR_BELOW_LOCATION;
    assert!(
        text(Language::Nb, id, &args)
            .contains("(1,5) er under en tiendedel av lokasjonsbasert (12\u{a0}345)"),
        "{}",
        text(Language::Nb, id, &args)
    );
    assert!(
        text(Language::En, id, &args)
            .contains("(1.5) is less than a tenth of location-based (12,345)"),
        "{}",
        text(Language::En, id, &args)
    );
    let counts = vec![
        ("partners", 1234usize.into()),
        ("pages", 2usize.into()),
        ("errors", 0usize.into()),
        ("warnings", 0usize.into()),
    ];
    assert!(text(Language::Nb, ids::CHECK_SUMMARY, &counts).contains("1\u{a0}234 partnermapper"));
    assert!(text(Language::En, ids::CHECK_SUMMARY, &counts).contains("1,234 partner folders"));
}

#[test]
fn a_quoted_message_is_worded_in_the_same_language() {
    let args: Args = vec![
        ("what", Arg::word(ids::IMPORT_WHAT_YEAR)),
        ("text", "x".into()),
    ];
    assert_eq!(
        text(Language::En, ids::IMPORT_NOT_A_NUMBER, &args),
        "expected a number for the year, found `x`"
    );
    assert_eq!(
        text(Language::Nb, ids::IMPORT_NOT_A_NUMBER, &args),
        "ventet et tall for året, fant `x`"
    );
}
