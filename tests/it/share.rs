//! Share images, PNG charts and the pages' canonical and Open Graph metadata (SPEC §12), on the
//! bundled site built under a sub-path (`https://example.org/nfk/`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

use crate::support::files;

const BASE_URL: &str = "https://example.org/nfk/";

fn built() -> (tempfile::TempDir, PathBuf) {
    crate::support::build_bundled(&["--base-url", BASE_URL])
}

/// Width and height from a PNG's header (the IHDR chunk comes first).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The `width` and `height` of an SVG's root element.
fn svg_size(bytes: &[u8]) -> (u32, u32) {
    let text = std::str::from_utf8(bytes).unwrap();
    let doc = roxmltree::Document::parse(text).unwrap();
    let root = doc.root_element();
    let number = |name: &str| root.attribute(name).unwrap().parse::<u32>().unwrap();
    (number("width"), number("height"))
}

fn pngs(out: &Path) -> BTreeMap<String, Vec<u8>> {
    files(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".png"))
        .collect()
}

#[test]
fn two_builds_give_byte_identical_pngs_of_the_sizes_promised() {
    let (_a, first) = built();
    let (_b, second) = built();
    let (pngs, again) = (pngs(&first), pngs(&second));
    assert_eq!(
        pngs.keys().collect::<Vec<_>>(),
        again.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &pngs {
        assert!(bytes == &again[path], "{path} differs between two builds");
    }
    for share in ["partnere/bjerkedal-bygg/del.png", "resultater/del.png"] {
        assert_eq!(png_size(&pngs[share]), (1200, 630), "{share}");
    }
    let svgs: BTreeMap<String, Vec<u8>> = (files(&first).into_iter())
        .filter(|(path, _)| {
            path.ends_with(".svg") && (path.starts_with("grafer/") || path.contains("/mal-"))
        })
        .collect();
    assert!(svgs.len() > 6, "the network's and the partners' charts");
    for (path, svg) in &svgs {
        let png = path.replace(".svg", ".png");
        let (w, h) = svg_size(svg);
        assert_eq!(
            png_size(&pngs[&png]),
            (2 * w, 2 * h),
            "{png} is {path} at 2×"
        );
    }
    // Every published partner of the bundled site has one; the lists beside the partner pages
    // (`/partnere/prinsipp/…`) are not partners, and a draft has no page.
    let sources = std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("partners"));
    let slugs: Vec<String> = (sources.unwrap().map(|e| e.unwrap().path()))
        .filter(|p| {
            let profile = std::fs::read_to_string(p.join("profile.yaml")).unwrap_or_default();
            !profile.is_empty() && !profile.lines().any(|l| l.trim() == "draft: true")
        })
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(slugs.len() > 10, "the bundled partners: {slugs:?}");
    for slug in slugs {
        let share = first.join("partnere").join(&slug).join("del.png");
        assert!(share.is_file(), "{} has a share image", share.display());
    }
}

fn meta(doc: &Html, selector: &str, attribute: &str) -> Option<String> {
    let selector = Selector::parse(selector).unwrap();
    (doc.select(&selector).next()).and_then(|e| e.value().attr(attribute).map(str::to_string))
}

#[test]
fn pages_say_their_absolute_canonical_address_and_what_to_share() {
    let (_dir, out) = built();
    for (path, title, image) in [
        (
            "partnere/bjerkedal-bygg/",
            "Bjerkedal Byggentreprenør AS",
            true,
        ),
        ("resultater/", "Resultater 2024", true),
        ("metode/", "Slik regner vi ut tallene", false),
    ] {
        let html = std::fs::read_to_string(out.join(path).join("index.html")).unwrap();
        let doc = Html::parse_document(&html);
        let property = |name: &str| meta(&doc, &format!(r#"meta[property="{name}"]"#), "content");
        let url = format!("{BASE_URL}{path}");
        assert_eq!(
            meta(&doc, r#"link[rel="canonical"]"#, "href").as_deref(),
            Some(url.as_str()),
            "{path}"
        );
        assert_eq!(property("og:url").as_deref(), Some(url.as_str()));
        assert_eq!(property("og:title").as_deref(), Some(title), "{path}");
        assert!(property("og:description").is_some_and(|d| !d.trim().is_empty()));
        let expected_type = if path == "metode/" {
            "article"
        } else {
            "website"
        };
        assert_eq!(
            property("og:type").as_deref(),
            Some(expected_type),
            "{path}"
        );
        let card = meta(&doc, r#"meta[name="twitter:card"]"#, "content");
        if image {
            let share = format!("{url}del.png");
            assert_eq!(property("og:image").as_deref(), Some(share.as_str()));
            assert!(out.join(path).join("del.png").is_file(), "og:image exists");
            assert_eq!(card.as_deref(), Some("summary_large_image"));
        } else {
            assert_eq!(property("og:image"), None, "{path} has no share image");
            assert_eq!(card.as_deref(), Some("summary"));
        }
    }
}

#[test]
fn every_chart_offered_as_svg_is_offered_as_png_beside_it() {
    let (_dir, out) = built();
    for path in ["partnere/bjerkedal-bygg/", "resultater/"] {
        let html = std::fs::read_to_string(out.join(path).join("index.html")).unwrap();
        let doc = Html::parse_document(&html);
        let links = Selector::parse(".chart-download a").unwrap();
        let hrefs: Vec<&str> = (doc.select(&links))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        let svgs: Vec<&&str> = hrefs.iter().filter(|h| h.ends_with(".svg")).collect();
        assert!(!svgs.is_empty(), "{path} offers charts");
        for svg in svgs {
            let png = svg.replace(".svg", ".png");
            assert!(hrefs.contains(&png.as_str()), "{path}: {png} beside {svg}");
            let file = png.strip_prefix("/nfk/").expect("under the base path");
            assert!(out.join(file).is_file(), "{file} is published");
        }
    }
}

#[test]
fn check_judges_the_same_site_without_drawing_pictures_or_indexing() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let options = |check_only| nfk::BuildOptions {
        root: root.clone(),
        base_url: None,
        drafts: false,
        live_reload: false,
        check_only,
        pictures_after_pages: false,
    };
    let memos = nfk::Memos::off();
    let full = nfk::build_in_memory(&options(false), &memos).unwrap_or_else(|d| panic!("{d:?}"));
    let checked = nfk::build_in_memory(&options(true), &memos).unwrap_or_else(|d| panic!("{d:?}"));
    let bytes = |built: &nfk::Built, path: &str| match &built.site.get(path).unwrap().contents {
        nfk::Contents::Bytes(b) => b.len(),
        nfk::Contents::Copy(_) => panic!("{path} is copied"),
    };
    for png in ["grafer/network-by-year.png", "resultater/del.png"] {
        assert!(bytes(&full, png) > 1000, "{png} is drawn by build");
        assert_eq!(bytes(&checked, png), 0, "{png} is left empty by check");
    }
    assert!(full.site.get("pagefind/pagefind.js").is_some());
    assert!(checked.site.get("pagefind/pagefind.js").is_none());
    // Every page an editor wrote is rendered by both, byte for byte.
    for file in checked
        .site
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
    {
        assert_eq!(
            bytes(&full, &file.path),
            bytes(&checked, &file.path),
            "{}",
            file.path
        );
    }
    assert_eq!(full.diagnostics.sorted(), checked.diagnostics.sorted());
}
