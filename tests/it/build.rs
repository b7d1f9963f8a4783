//! `nfk build` on the bundled site and on fixtures: every URL of SPEC §7, drafts, determinism,
//! atomic output, hostile partner text. HTML is inspected with an HTML parser, not string search.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

use super::support::{copy_dir, files};

fn nfk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(args)
        .output()
        .expect("runs nfk")
}

fn bundled() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    nfk(&args)
}

fn built_bundled(extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = build(&bundled(), &dir.path().join("public"), extra);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn html(path: &Path) -> Html {
    Html::parse_document(
        &std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
}

fn texts(doc: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

#[test]
fn builds_every_url_of_spec_section_7() {
    let dir = built_bundled(&[]);
    let public = dir.path().join("public");
    for path in [
        "index.html",
        "partnere/index.html",
        "partnere/granlia-ror/index.html",
        "sektor/f/index.html",
        "resultater/index.html",
        "data/results.json",
        "data/partners.csv",
        "data/emissions.csv",
        "sitemap.xml",
        "atom.xml",
        "robots.txt",
        "404.html",
        "nyheter/index.html",
        "arrangementer/index.html",
        "om-partnerskapet/index.html",
        "static/style.css",
        "sok/index.html",
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
    ] {
        assert!(public.join(path).is_file(), "{path} is missing");
    }
}

#[test]
fn every_partner_has_a_page_with_its_figures() {
    let dir = built_bundled(&[]);
    let public = dir.path().join("public");
    for entry in std::fs::read_dir(bundled().join("partners")).unwrap() {
        let slug = entry.unwrap().file_name().to_string_lossy().into_owned();
        let page = public.join("partnere").join(&slug).join("index.html");
        if slug == "myrvollscenen" {
            assert!(!page.exists(), "the draft partner is left out");
            continue;
        }
        let doc = html(&page);
        let h1 = texts(&doc, "main h1");
        assert!(!h1.is_empty() && !h1[0].is_empty(), "{slug} has a heading");
        if slug != "ulvoya-reparasjon" {
            let rows = texts(&doc, "table.numbers tbody tr");
            assert!(!rows.is_empty(), "{slug} shows its emissions table");
        }
    }
    // A figure from the data, formatted the Norwegian way (Skarpsno scope 1, 2024 in the table).
    let doc = html(&public.join("partnere/granlia-ror/index.html"));
    let principles = texts(&doc, "#prinsipper ~ ul h3, .principle-details h3");
    assert_eq!(principles.len(), 4, "{principles:?}");
}

/// The `href`s of `selector` in the page at `path`.
fn hrefs(path: &Path, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    (html(path).select(&sel))
        .filter_map(|e| e.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn every_static_list_is_in_the_sitemap_and_linked_from_the_partner_list() {
    let dir = built_bundled(&["--base-url", "https://example.org/nfk/"]);
    let public = dir.path().join("public");
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    let linked = hrefs(&public.join("partnere/index.html"), "main a");
    let results: serde_json::Value =
        serde_json::from_slice(&std::fs::read(public.join("data/results.json")).unwrap()).unwrap();
    // Each list and the figure of results.json that counts the same partners.
    let principles = &results["principles"];
    let targets = &results["targets"];
    let tier = |fee: u64| {
        (results["by_fee_tier"].as_array().unwrap().iter())
            .find(|t| t["fee_nok"] == fee)
            .map(|t| t["partners"].clone())
            .unwrap()
    };
    let lists = [
        (
            "prinsipp/klimaregnskap-og-mal",
            principles["accounting_and_targets"].clone(),
        ),
        (
            "prinsipp/klimakrav-til-leverandorer",
            principles["supplier_requirements"].clone(),
        ),
        ("prinsipp/strategi", principles["strategy"].clone()),
        (
            "prinsipp/miljosertifisering",
            principles["certification"].clone(),
        ),
        ("avgift/10000", tier(10000)),
        ("avgift/20000", tier(20000)),
        ("avgift/30000", tier(30000)),
        ("avgift/40000", tier(40000)),
        ("avgift/50000", tier(50000)),
        ("malstatus/nadd", targets["achieved"].clone()),
        ("malstatus/i-rute", targets["on_track"].clone()),
        ("malstatus/ikke-i-rute", targets["off_track"].clone()),
        ("malstatus/ikke-nadd", targets["missed"].clone()),
        ("malstatus/ikke-startet", targets["not_started"].clone()),
        ("malstatus/mangler-data", targets["no_data"].clone()),
    ];
    let mut built = 0;
    for group in ["prinsipp", "avgift", "malstatus"] {
        built += std::fs::read_dir(public.join("partnere").join(group))
            .unwrap()
            .count();
    }
    assert_eq!(built, lists.len(), "no list is left out of this test");
    for (path, expected) in lists {
        let url = format!("/nfk/partnere/{path}/");
        assert!(
            sitemap.contains(&format!("<loc>https://example.org{url}</loc>")),
            "{url} is in the sitemap"
        );
        assert!(linked.contains(&url), "/partnere/ links to {url}");
        let page = html(&public.join(format!("partnere/{path}/index.html")));
        let cards = texts(&page, "main .card-grid > li").len();
        assert_eq!(
            serde_json::json!(cards),
            expected,
            "{url} lists its partners"
        );
    }
    // A list shows its partners by name, linked to their pages.
    let strategy = hrefs(
        &public.join("partnere/prinsipp/strategi/index.html"),
        "main .card-grid a",
    );
    assert!(
        strategy.contains(&"/nfk/partnere/bjerkedal-bygg/".to_string()),
        "{strategy:?}"
    );
}

#[test]
fn target_charts_and_the_methodology_page_are_published_where_pages_link_to_them() {
    let dir = built_bundled(&["--base-url", "https://example.org/nfk/"]);
    let public = dir.path().join("public");
    let file = |href: &str| public.join(href.strip_prefix("/nfk/").expect("base path in front"));
    let downloads = hrefs(
        &public.join("partnere/granlia-ror/index.html"),
        ".chart-download a",
    );
    let targets: Vec<&String> = downloads.iter().filter(|h| h.contains("/mal-")).collect();
    assert!(!targets.is_empty(), "{downloads:?}");
    for href in targets {
        assert!(href.starts_with("/nfk/partnere/granlia-ror/mal-"), "{href}");
        assert!(file(href).is_file(), "{href} is not built");
    }
    let about = hrefs(
        &public.join("resultater/index.html"),
        "main a[href$='/metode/']",
    );
    assert_eq!(about, ["/nfk/metode/"]);
    assert!(file(&about[0]).join("index.html").is_file());
}

#[test]
fn the_results_page_has_no_methodology_link_without_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal");
    let out = build(&root, &dir.path().join("public"), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results = dir.path().join("public/resultater/index.html");
    assert!(hrefs(&results, "main a[href$='/metode/']").is_empty());
}

#[test]
fn the_footer_links_the_pages_of_footer_menu() {
    let dir = built_bundled(&[]);
    let doc = html(&dir.path().join("public/index.html"));
    let sel = Selector::parse("footer nav a").unwrap();
    let hrefs: Vec<&str> = doc
        .select(&sel)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains(&"/personvern/"), "{hrefs:?}");
    assert!(hrefs.contains(&"/tilgjengelighet/"), "{hrefs:?}");
    let statement = html(&dir.path().join("public/tilgjengelighet/index.html"));
    assert_eq!(texts(&statement, "main h1"), ["Tilgjengelighetserklæring"]);
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let without = built_bundled(&[]);
    assert!(
        !without
            .path()
            .join("public/partnere/myrvollscenen")
            .exists()
    );
    let with = built_bundled(&["--drafts"]);
    assert!(
        with.path()
            .join("public/partnere/myrvollscenen/index.html")
            .is_file()
    );
    // A preview says so: in results.json and with a banner on every page.
    let json = |dir: &Path| -> serde_json::Value {
        let text = std::fs::read_to_string(dir.join("public/data/results.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    assert_eq!(json(without.path())["includes_drafts"], false);
    assert_eq!(json(with.path())["includes_drafts"], true);
    for page in [
        "index.html",
        "resultater/index.html",
        "partnere/granlia-ror/index.html",
    ] {
        let banner = |dir: &Path| texts(&html(&dir.join("public").join(page)), ".preview-banner");
        assert!(banner(without.path()).is_empty(), "{page}");
        assert_eq!(banner(with.path()).len(), 1, "{page}");
    }
}

#[test]
fn the_sitemap_lists_every_page_and_the_feed_is_xml() {
    let dir = built_bundled(&[]);
    let public = dir.path().join("public");
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap is XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    for (path, _) in files(&public) {
        if let Some(dir) = path.strip_suffix("index.html") {
            let url = format!("https://example.org/{dir}");
            assert!(
                locs.contains(&url.as_str()),
                "{url} missing from the sitemap"
            );
        }
    }
    let atom = std::fs::read_to_string(public.join("atom.xml")).unwrap();
    let feed = roxmltree::Document::parse(&atom).expect("feed is XML");
    let entries = feed
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .count();
    assert!(entries >= 4, "{entries} entries");
}

#[test]
fn a_second_build_is_byte_identical() {
    let a = built_bundled(&[]);
    let b = built_bundled(&[]);
    assert_eq!(
        files(&a.path().join("public")),
        files(&b.path().join("public"))
    );
}

#[test]
fn a_failed_build_leaves_the_old_output_untouched() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&bundled().join("tests/fixtures/valid/minimal"), site.path());
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let before = files(&out);
    std::fs::write(
        site.path().join("partners/alfa/emissions.yaml"),
        "base_year: [\n",
    )
    .unwrap();
    let failed = build(site.path(), &out, &[]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(files(&out), before);
    assert!(
        leftovers(site.path()).is_empty(),
        "{:?}",
        leftovers(site.path())
    );
}

/// The files whose names start with `.nfk` beside the output: what a build left behind.
fn leftovers(dir: &Path) -> Vec<std::ffi::OsString> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with(".nfk"))
        .collect()
}

#[test]
fn a_link_check_that_fails_after_the_pages_were_written_keeps_the_old_output() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&bundled().join("tests/fixtures/valid/minimal"), site.path());
    let out = site.path().join("public");
    let page =
        |name: &str, text: &str| std::fs::write(site.path().join("content").join(name), text);
    page("om.md", "---\ntitle: Om\n---\n## Mål for 2030\n\nTekst.\n").unwrap();
    page(
        "_index.md",
        "---\ntitle: Forside\n---\nSe [målene](/om/#mal-for-2030).\n",
    )
    .unwrap();
    // The link leads to a heading of another page: the build keeps that page's HTML to check it.
    let good = build(site.path(), &out, &[]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let before = files(&out);
    page(
        "_index.md",
        "---\ntitle: Forside\n---\nSe [målene](/om/#mal-for-2031).\n",
    )
    .unwrap();
    let failed = build(site.path(), &out, &[]);
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("har ikke noe element med id-en `mal-for-2031`"),
        "{stderr}"
    );
    assert!(stderr.contains("mente du `#mal-for-2030`?"), "{stderr}");
    assert_eq!(files(&out), before);
    assert!(
        leftovers(site.path()).is_empty(),
        "{:?}",
        leftovers(site.path())
    );
}

#[test]
fn hostile_partner_text_comes_out_inert() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&bundled().join("tests/fixtures/valid/minimal"), site.path());
    let profile = site.path().join("partners/alfa/profile.yaml");
    let text = std::fs::read_to_string(&profile)
        .unwrap()
        .replace(
            "Alfa Testbygg AS",
            "\"=HYPERLINK(1)<script>alert(1)</script> Alfa\"",
        )
        .replace("Et fiktivt byggfirma.", "\"<img src=x onerror=alert(1)>\"");
    std::fs::write(&profile, text).unwrap();
    std::fs::write(
        site.path().join("partners/alfa/story.md"),
        "# Historie\n\n<script>alert(2)</script>\n\n<a href=\"javascript:alert(3)\">klikk</a> [lenke](javascript:alert(4)) <iframe src=\"https://x\"></iframe>\n",
    )
    .unwrap();
    // The partner also appears in a card on a content page.
    std::fs::write(
        site.path().join("content/kort.md"),
        "---\ntitle: Kort\ndate: 2025-01-01\n---\n{{ partner(slug=\"alfa\") }}\n",
    )
    .unwrap();
    let out = site.path().join("public");
    let result = build(site.path(), &out, &[]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    for (path, bytes) in files(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let doc = Html::parse_document(&String::from_utf8(bytes).unwrap());
        // The theme's own script files are the only scripts a page may have.
        let scripts: Vec<_> = doc
            .select(&Selector::parse("script, iframe").unwrap())
            .filter(|el| {
                let own = el.value().name() == "script"
                    && el.value().attr("src").is_some_and(|s| {
                        ["/static/nfk.js", "/static/summit.js", "/static/search.js"]
                            .iter()
                            .any(|own| s.ends_with(own))
                    })
                    && el.text().all(|t| t.trim().is_empty());
                !own
            })
            .collect();
        assert!(scripts.is_empty(), "{path} has a script or iframe");
        for el in doc.select(&Selector::parse("*").unwrap()) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{path}: event handler {name}");
                assert!(
                    !value.trim_start().to_lowercase().starts_with("javascript:"),
                    "{path}: {name}={value}"
                );
            }
        }
    }
    // Standalone chart files are SVG documents without scripts or handlers.
    for (path, bytes) in files(&out) {
        if path.ends_with(".svg") && !path.starts_with("static/") {
            let text = String::from_utf8(bytes).unwrap();
            let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            for node in doc.descendants().filter(roxmltree::Node::is_element) {
                assert_ne!(node.tag_name().name(), "script", "{path}");
                assert!(
                    node.attributes().all(|a| !a.name().starts_with("on")),
                    "{path}"
                );
            }
        }
    }
    // A spreadsheet opening the open data must not run the name as a formula.
    let csv = std::fs::read_to_string(out.join("data/partners.csv")).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("alfa,'=HYPERLINK(1)<script>"), "{row}");
    let page = html(&out.join("partnere/alfa/index.html"));
    assert_eq!(
        texts(&page, "main h1")[0],
        "=HYPERLINK(1)<script>alert(1)</script> Alfa",
        "the name is shown as text"
    );
    let card = html(&out.join("kort/index.html"));
    assert!(
        texts(&card, ".card-title")[0].contains("<script>"),
        "the card shows the name as text"
    );
}

#[test]
fn main_of_one_page_of_each_kind_matches_its_snapshot() {
    let dir = built_bundled(&[]);
    let public = dir.path().join("public");
    let main = Selector::parse("main").unwrap();
    for (name, path) in [
        ("front", "index.html"),
        ("partners", "partnere/index.html"),
        ("partner", "partnere/granlia-ror/index.html"),
        ("sector", "sektor/f/index.html"),
        ("results", "resultater/index.html"),
        ("section", "nyheter/index.html"),
        ("page", "om-partnerskapet/index.html"),
        ("404", "404.html"),
    ] {
        let doc = html(&public.join(path));
        let element = doc
            .select(&main)
            .next()
            .unwrap_or_else(|| panic!("{path} has <main>"));
        insta::assert_snapshot!(
            format!("main-{name}"),
            without_chart_drawings(&element.html())
        );
    }
}

/// `html` with the inside of every `<svg>` left out: the charts have their own snapshots
/// (`src/charts/snapshots/`), and a page's snapshot should change with the page, not the drawing.
fn without_chart_drawings(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let (Some(open_end), Some(close)) = (rest[start..].find('>'), rest[start..].find("</svg>"))
        else {
            break;
        };
        out.push_str(&rest[..start + open_end + 1]);
        out.push('…');
        rest = &rest[start + close..];
    }
    out.push_str(rest);
    out
}

#[test]
fn emissions_csv_gives_status_method_and_unit_per_row() {
    let dir = built_bundled(&[]);
    let text = std::fs::read_to_string(dir.path().join("public/data/emissions.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("slug,year,status,scope,category,method,tco2e,unit")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 8 && r[7] == "tCO2e"));
    assert!(rows.iter().all(|r| match r[3] {
        "2" => ["location", "market"].contains(&r[5]),
        _ => r[5].is_empty(),
    }));
    // Fjellhamar's 2024 market-based scope 2 is written exactly as in its emissions.yaml.
    assert!(
        rows.iter().any(|r| r[..7]
            == [
                "fjellhamar-data",
                "2024",
                "final",
                "2",
                "market_based",
                "market",
                "12.5"
            ]),
        "{text}"
    );
}

/// Issue 15: shortcodes in code (as the Markdown parser reads it) are shown, not run, and leave
/// no placeholder behind; the summary is taken after the figures are put in.
#[test]
fn shortcodes_in_code_are_shown_and_the_summary_has_the_figures() {
    let site = bundled().join("tests/fixtures/valid/shortcodes-in-code");
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let out = build(&site, &public, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(public.join("om/index.html")).unwrap();
    assert!(!page.contains("nfk-shortcode"), "{page}");
    assert!(!page.contains('\u{E000}'), "{page}");
    let doc = Html::parse_document(&page);
    let code = texts(&doc, "main code").join("\n");
    for key in ["a", "b", "c", "d", "e"] {
        assert!(
            code.contains(&format!("{{{{ figur(key=\"{key}\") }}}}")),
            "{key}: {code}"
        );
    }
    let sel = Selector::parse("meta[name=description]").unwrap();
    let description = doc.select(&sel).next().and_then(|m| m.attr("content"));
    assert_eq!(description, Some("Nettverket har 1 partnere."));
}

/// Issue 17: a partner's card and slide are parts made once per partner (docs/templates.md,
/// "Parts"): a site's own `parts/partner_card.html` is the card of every list, once per partner
/// listed, and its own `parts/summit_partner.html` each partner's slide.
#[test]
fn every_list_shows_the_card_of_the_sites_own_part() {
    let site = crate::serve::fixture_site();
    let parts = site.path().join("themes/nfk/templates/parts");
    std::fs::create_dir_all(&parts).unwrap();
    std::fs::write(
        parts.join("partner_card.html"),
        r#"<p class="eget-kort">{{ p.name }} ({{ p.sector.code | lower }})</p>"#,
    )
    .unwrap();
    std::fs::write(
        parts.join("summit_partner.html"),
        r#"<section id="partner-{{ p.slug }}" class="slide"><h2>Eget: {{ p.name }}</h2></section>"#,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let out = build(site.path(), &public, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page =
        |path: &str| Html::parse_document(&std::fs::read_to_string(public.join(path)).unwrap());
    let all = texts(&page("partnere/index.html"), ".card-grid > li > .eget-kort");
    assert!(all.len() > 2, "{all:?}");
    assert!(texts(&page("partnere/index.html"), ".partner-card").is_empty());
    // A sector's page lists that sector's cards, in the same order.
    let sector = all[0].rsplit_once('(').unwrap().1.trim_end_matches(')');
    let in_sector: Vec<String> = (all.iter())
        .filter(|card| card.ends_with(&format!("({sector})")))
        .cloned()
        .collect();
    let on_sector_page = texts(
        &page(&format!("sektor/{sector}/index.html")),
        ".card-grid > li > .eget-kort",
    );
    assert_eq!(on_sector_page, in_sector);
    // A static list shows some of them, each a card of the part.
    let strategy = texts(
        &page("partnere/prinsipp/strategi/index.html"),
        ".card-grid > li > .eget-kort",
    );
    assert!(!strategy.is_empty() && strategy.iter().all(|c| all.contains(c)));
    let slides = texts(&page("toppmote/index.html"), "section.slide > h2");
    let own: Vec<&String> = slides.iter().filter(|h| h.starts_with("Eget: ")).collect();
    assert_eq!(own.len(), all.len(), "{slides:?}");
}
