use super::*;

fn load(base: &str, site: Option<&str>) -> (Option<Strings>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let strings = Strings::load(
        Language::Nb,
        Source {
            rel: "base.yaml",
            text: base,
        },
        site.map(|text| Source {
            rel: "themes/nfk/strings/nb.yaml",
            text,
        }),
        &mut diags,
    );
    (strings, diags)
}

#[test]
fn every_key_exists_in_every_language_table() {
    for language in [Language::Nb, Language::En] {
        let mut diags = Diagnostics::default();
        let rel = file_of(language);
        let strings = Strings::load(
            language,
            Source {
                rel,
                text: embedded_text(language),
            },
            None,
            &mut diags,
        );
        assert!(
            diags.is_empty(),
            "{rel}: {:?}",
            diags.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        assert!(strings.is_some(), "{rel}");
    }
}

#[test]
fn the_two_tables_have_the_same_keys() {
    let keys =
        |language| -> Vec<String> { Strings::embedded(language).table.keys().cloned().collect() };
    assert_eq!(keys(Language::Nb), keys(Language::En));
}

#[test]
fn a_site_table_overrides_one_key_and_keeps_the_rest() {
    let base = embedded_text(Language::Nb);
    let (strings, diags) = load(base, Some("chart_total: I alt\n"));
    let strings = strings.unwrap();
    assert!(diags.is_empty());
    assert_eq!(strings.chart_total, "I alt");
    assert_eq!(strings.scope1, "Scope 1 (direkte)");
}

#[test]
fn a_missing_key_is_a_diagnostic_at_the_table() {
    let (strings, diags) = load("scope1: Scope 1\n", None);
    assert!(strings.is_none());
    let d = &diags.iter().next().unwrap();
    assert_eq!(d.path, "base.yaml");
    assert!(d.message.contains("`chart_total`"), "{}", d.message);
    assert!(d.message.contains("`cat_business_travel`"), "{}", d.message);
}

#[test]
fn a_placeholder_nfk_does_not_fill_is_a_diagnostic_at_its_line() {
    let base = embedded_text(Language::Nb);
    let (strings, diags) = load(base, Some("year: År\nchart_total: \"{total}\"\n"));
    assert!(strings.is_none());
    let d = &diags.iter().next().unwrap();
    assert_eq!(d.path, "themes/nfk/strings/nb.yaml");
    assert_eq!((d.line, d.column), (2, 14));
    assert!(d.message.contains("{total}"), "{}", d.message);
}

#[test]
fn names_categories_and_sectors_from_the_table() {
    let nb = Strings::embedded(Language::Nb);
    let en = Strings::embedded(Language::En);
    assert_eq!(nb.category("business_travel"), "Forretningsreiser");
    assert_eq!(en.category("business_travel"), "Business travel");
    assert_eq!(nb.category("no_such_category"), "Annet");
    assert_eq!(nb.sector('C'), "Industri");
    assert_eq!(nb.sector('?'), "");
}

#[test]
fn fill_replaces_named_placeholders_and_keeps_other_braces() {
    assert_eq!(
        fill(
            "{name} gikk fra {from} til {to}",
            &[("name", "A"), ("from", "1"), ("to", "2")]
        ),
        "A gikk fra 1 til 2"
    );
    assert_eq!(fill("{x} {unknown} {", &[("x", "1")]), "1 {unknown} {");
}

#[test]
fn counts_partners_in_the_singular_and_plural() {
    let nb = Strings::embedded(Language::Nb);
    assert_eq!(nb.partner_count(1), "1 partner");
    assert_eq!(nb.partner_count(1200), "1\u{a0}200 partnere");
}
