//! `/toppmote/`, the summit presentation, built from the bundled site: its slides, in order,
//! with the same figures as the results page.

use std::path::PathBuf;

use scraper::{Html, Selector};

fn built() -> (tempfile::TempDir, PathBuf) {
    crate::support::build_bundled(&[])
}

fn page(out: &std::path::Path, path: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(out.join(path)).unwrap())
}

fn text(element: scraper::ElementRef) -> String {
    let words: Vec<&str> = element.text().flat_map(str::split_whitespace).collect();
    words.join(" ")
}

#[test]
fn the_slides_of_the_bundled_site_each_have_an_id_and_a_heading() {
    let (_dir, out) = built();
    let doc = page(&out, "toppmote/index.html");
    let slides = Selector::parse("main > section.slide").unwrap();
    let heading = Selector::parse("h1, h2").unwrap();
    let list: Vec<String> = doc
        .select(&slides)
        .map(|slide| {
            let id = slide.value().id().expect("every slide has an id");
            let h = slide
                .select(&heading)
                .next()
                .expect("every slide has a heading");
            format!("#{id}: {}", text(h))
        })
        .collect();
    let ids: std::collections::BTreeSet<&str> =
        list.iter().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(ids.len(), list.len(), "slide ids are unique");
    insta::assert_snapshot!("summit-slides", list.join("\n"));
}

#[test]
fn the_slides_show_the_results_pages_figures() {
    let (_dir, out) = built();
    let summit = page(&out, "toppmote/index.html");
    let results = page(&out, "resultater/index.html");
    let big = Selector::parse("#sammenlignbart .big").unwrap();
    let change = text(summit.select(&big).next().unwrap());
    let strong = Selector::parse(r#"section[aria-labelledby="sammenlignbart"] strong"#).unwrap();
    let on_results: Vec<String> = results.select(&strong).map(text).collect();
    assert!(
        on_results.contains(&change),
        "{change} is on the results page: {on_results:?}"
    );
    let link = Selector::parse(r#"a[href="/toppmote/"]"#).unwrap();
    assert!(
        results.select(&link).next().is_some(),
        "the results page links to it"
    );
}

#[test]
fn an_editors_slide_is_shown_in_the_presentation_and_is_no_page() {
    let (_dir, out) = built();
    let doc = page(&out, "toppmote/index.html");
    let own = Selector::parse("section#lysbilde-aaret-som-gikk h2").unwrap();
    assert_eq!(text(doc.select(&own).next().unwrap()), "Året som gikk");
    assert!(!out.join("toppmote/aaret-som-gikk").exists());
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("/toppmote/</loc>"));
    assert!(!sitemap.contains("aaret-som-gikk"));
}
