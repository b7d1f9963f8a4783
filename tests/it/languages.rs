//! The English edition (SPEC §11): the bundled site in bokmål at `/` and in English under
//! `/en/`, with reciprocal alternates, a language switch, a feed, a search index and charts per
//! language; and the translation rules `nfk check` applies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

const BASE: &str = "https://example.org/";

fn built() -> (tempfile::TempDir, PathBuf) {
    crate::support::build_bundled(&[])
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

/// The output file of an absolute URL of the site: `https://example.org/en/` → `en/index.html`.
fn file_of(url: &str) -> String {
    let path = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not on {BASE}"));
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Every HTML page of the build: its path → (`<html lang>`, its alternates by hreflang).
fn pages(out: &Path) -> BTreeMap<String, (String, BTreeMap<String, String>)> {
    crate::support::files(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| {
            let doc = Html::parse_document(&String::from_utf8(bytes).unwrap());
            let lang = select(&doc, "html")[0]
                .attr("lang")
                .unwrap_or("")
                .to_string();
            let alternates = select(&doc, "link[rel=alternate][hreflang]")
                .into_iter()
                .map(|l| {
                    let attr = |name| l.attr(name).unwrap().to_string();
                    (attr("hreflang"), attr("href"))
                })
                .collect();
            (path, (lang, alternates))
        })
        .collect()
}

#[test]
fn every_alternate_points_back_and_names_the_language_of_its_page() {
    let (_dir, out) = built();
    let pages = pages(&out);
    let mut pairs = 0;
    for (path, (_, alternates)) in &pages {
        if alternates.is_empty() {
            continue;
        }
        assert_eq!(
            alternates.get("x-default"),
            alternates.get("nb"),
            "{path}: x-default is the bokmål page"
        );
        for (hreflang, url) in alternates.iter().filter(|(l, _)| *l != "x-default") {
            let target = file_of(url);
            let (lang, back) = pages
                .get(&target)
                .unwrap_or_else(|| panic!("{path}: alternate {url} is not built"));
            assert_eq!(
                lang, hreflang,
                "{target} is in the language its alternate says"
            );
            assert_eq!(
                back, alternates,
                "{target} names the same alternates as {path}"
            );
            pairs += 1;
        }
    }
    // Every partner, list, sector and translated content page, in both languages.
    assert!(pairs > 100, "only {pairs} alternates");
    assert_eq!(pages["en/about/index.html"].0, "en");
    assert_eq!(
        pages["om-partnerskapet/index.html"].1["en"],
        format!("{BASE}en/about/")
    );
}

#[test]
fn a_page_without_a_translation_is_left_out_and_its_switch_leads_to_the_front_page() {
    let (_dir, out) = built();
    let nb_only = "nyheter/velkommen-til-nye-partnere/index.html";
    assert!(out.join(nb_only).is_file());
    assert!(!out.join("en").join(nb_only).exists());
    let doc = Html::parse_document(&read(&out, nb_only));
    let switch = select(&doc, "header a.language-switch");
    assert_eq!(switch.len(), 1);
    assert_eq!(switch[0].attr("href"), Some("/en/"));
    assert_eq!(switch[0].attr("lang"), Some("en"));
    assert_eq!(switch[0].text().collect::<String>(), "English");
    // The English news listing lists only the English news.
    let listing = Html::parse_document(&read(&out, "en/nyheter/index.html"));
    let hrefs: Vec<&str> = select(&listing, "main a")
        .into_iter()
        .filter_map(|a| a.attr("href"))
        .collect();
    assert!(
        hrefs.contains(&"/en/nyheter/fossilfrie-byggeplasser/"),
        "{hrefs:?}"
    );
    assert!(
        !hrefs
            .iter()
            .any(|h| h.contains("velkommen-til-nye-partnere"))
    );
    // And a translated page's switch leads to its translation.
    let doc = Html::parse_document(&read(&out, "en/about/index.html"));
    let switch = select(&doc, "header a.language-switch");
    assert_eq!(switch[0].attr("href"), Some("/om-partnerskapet/"));
    assert_eq!(switch[0].text().collect::<String>(), "Norsk");
}

#[test]
fn each_language_has_a_feed_of_its_own_pages() {
    let (_dir, out) = built();
    let links = |rel: &str| -> Vec<String> {
        let text = read(&out, rel);
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert_eq!(
            doc.root_element()
                .attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(if rel.starts_with("en/") { "en" } else { "nb" })
        );
        (doc.descendants())
            .filter(|n| n.has_tag_name("entry"))
            .flat_map(|e| e.children().filter(|n| n.has_tag_name("link")))
            .map(|l| l.attribute("href").unwrap().to_string())
            .collect()
    };
    let nb = links("atom.xml");
    let en = links("en/atom.xml");
    assert!(!en.is_empty() && !nb.is_empty());
    assert!(
        en.iter().all(|u| u.starts_with(&format!("{BASE}en/"))),
        "{en:?}"
    );
    assert!(
        nb.iter().all(|u| !u.starts_with(&format!("{BASE}en/"))),
        "{nb:?}"
    );
    let base = read(&out, "en/index.html");
    assert!(
        base.contains("href=\"&#x2F;en&#x2F;atom.xml\"") || base.contains("href=\"/en/atom.xml\"")
    );
}

#[test]
fn the_sitemap_lists_every_page_with_its_alternates() {
    let (_dir, out) = built();
    let text = read(&out, "sitemap.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let mut with_alternates = 0;
    let mut locs = Vec::new();
    for url in doc.descendants().filter(|n| n.has_tag_name("url")) {
        let loc = (url.children())
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .unwrap()
            .to_string();
        let alternates: Vec<(&str, &str)> = (url.children())
            .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap(),
                    n.attribute("href").unwrap(),
                )
            })
            .collect();
        if !alternates.is_empty() {
            with_alternates += 1;
            assert!(
                alternates.iter().any(|(_, href)| *href == loc),
                "{loc} names itself"
            );
            assert_eq!(alternates.len(), 2, "{loc}: {alternates:?}");
        }
        assert!(out.join(file_of(&loc)).is_file(), "{loc} is built");
        locs.push(loc);
    }
    assert!(locs.contains(&format!("{BASE}en/partnere/bjerkedal-bygg/")));
    assert!(locs.contains(&format!("{BASE}en/about/")));
    assert!(with_alternates > 50, "{with_alternates}");
}

#[test]
fn english_pages_show_english_numbers_charts_and_search() {
    let (_dir, out) = built();
    let nb = read(&out, "resultater/index.html");
    let en = read(&out, "en/resultater/index.html");
    assert!(
        nb.contains("21\u{a0}758"),
        "bokmål groups with a no-break space"
    );
    assert!(en.contains("21,758"), "English groups with a comma");
    assert!(!en.contains("21\u{a0}758"));
    assert!(en.contains("16 June 2025") && nb.contains("16. juni 2025"));
    // A chart has a file per language, in that language's words.
    let title = |rel: &str| {
        let text = read(&out, rel);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let title = (doc.descendants())
            .find(|n| n.has_tag_name("title"))
            .unwrap();
        title.text().unwrap_or_default().to_string()
    };
    let (nb_title, en_title) = (
        title("grafer/by-sector.svg"),
        title("en/grafer/by-sector.svg"),
    );
    assert_ne!(nb_title, en_title);
    assert!(en_title.contains("sector"), "{en_title}");
    assert!(out.join("en/grafer/by-sector.png").is_file());
    // One search index per language; the English search page loads its own.
    assert!(out.join("pagefind/pagefind.js").is_file());
    assert!(out.join("en/pagefind/pagefind.js").is_file());
    assert!(read(&out, "en/sok/index.html").contains("&#x2F;en&#x2F;pagefind&#x2F;pagefind.js"));
    // What every language shares is there once.
    assert!(!out.join("en/data").exists() && !out.join("en/static").exists());
}

#[test]
fn an_untranslated_summary_or_story_is_shown_in_norwegian_marked_with_its_language() {
    let (_dir, out) = built();
    let doc = Html::parse_document(&read(&out, "en/partnere/granlia-ror/index.html"));
    let lead = select(&doc, "p.lead");
    assert_eq!(lead[0].attr("lang"), Some("nb"));
    assert_eq!(select(&doc, ".story .prose")[0].attr("lang"), Some("nb"));
    assert!(!select(&doc, "p.untranslated").is_empty());
    let doc = Html::parse_document(&read(&out, "en/partnere/bjerkedal-bygg/index.html"));
    let lead = select(&doc, "p.lead");
    assert_eq!(
        lead[0].attr("lang"),
        None,
        "translated: in the page's language"
    );
    assert!(
        lead[0]
            .text()
            .collect::<String>()
            .contains("builds schools")
    );
    assert!(select(&doc, "p.untranslated").is_empty());
    assert_eq!(select(&doc, ".story .prose")[0].attr("lang"), None);
}

/// `nfk check --format json` on `root`: its diagnostics.
fn diagnostics(root: &Path) -> Vec<serde_json::Value> {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["check", "--lang", "en", "--format", "json", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    json["diagnostics"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_link_from_an_english_page_to_a_norwegian_page_is_a_warning_naming_the_translation() {
    let site = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/two-languages");
    crate::support::copy_dir(&fixture, site.path());
    std::fs::write(
        site.path().join("content/nyhet.md"),
        "---\ntitle: Nyhet\n---\nBare på norsk.\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/om.en.md"),
        "---\ntitle: About\nslug: about\ndate: 2025-02-01\n---\nSee [the news](/nyhet/)\nand [the Norwegian page](/om/).\n",
    )
    .unwrap();
    let found = diagnostics(site.path());
    let warnings: Vec<(&str, u64, &str, &str)> = (found.iter())
        .map(|d| {
            (
                d["severity"].as_str().unwrap(),
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap(),
                d["help"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings.iter().all(|w| w.0 == "warning"));
    assert_eq!(warnings[0].1, 6);
    assert!(warnings[0].2.contains("/nyhet/"), "{warnings:?}");
    assert!(warnings[0].3.contains("no translation"), "{warnings:?}");
    assert_eq!(warnings[1].1, 7);
    assert!(warnings[1].3.contains("/en/about/"), "{warnings:?}");
}
