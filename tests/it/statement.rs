//! The accessibility statement (Digdir's model, facts from site.yaml `accessibility:`) and the
//! glossary `/ordliste/` that the theme's words link to (issue 16). HTML is read with a parser.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

use super::support::copy_dir;

fn built(root: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["build", "--root", root.to_str().unwrap(), "--output"])
        .arg(dir.path().join("public"))
        .output()
        .expect("runs nfk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn page(dir: &tempfile::TempDir, path: &str) -> Html {
    let file = dir.path().join("public").join(path);
    Html::parse_document(&std::fs::read_to_string(&file).expect("built page"))
}

fn select<'a>(doc: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(selector).unwrap()).collect()
}

fn text(element: &scraper::ElementRef) -> String {
    let words: Vec<&str> = element.text().flat_map(str::split_whitespace).collect();
    words.join(" ")
}

fn hrefs(doc: &Html, selector: &str) -> Vec<String> {
    (select(doc, selector).iter())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn the_accessibility_statement_has_every_part_digdirs_model_asks_for() {
    let dir = built(&PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let doc = page(&dir, "tilgjengelighet/index.html");
    let main = text(&select(&doc, "main")[0]);
    // The date of the last review, from site.yaml.
    let reviewed: Vec<String> = select(&doc, "main time[datetime='2025-05-20']")
        .iter()
        .map(text)
        .collect();
    assert_eq!(reviewed, ["20. mai 2025"]);
    // The conformance status.
    assert!(
        main.contains("Delvis i samsvar med WCAG 2.1 nivå AA"),
        "{main}"
    );
    // Deviations, each naming its success criterion.
    let deviations: Vec<String> = select(
        &doc,
        "main .heading-wrap:has(> h2#avvik-fra-kravene) + p + ul > li",
    )
    .iter()
    .map(text)
    .collect();
    let criterion = |d: &String| {
        d.split(|c: char| !c.is_ascii_digit() && c != '.')
            .any(|w| w.split('.').filter(|p| !p.is_empty()).count() == 3)
    };
    assert!(
        deviations.iter().filter(|d| criterion(d)).count() >= 4,
        "{deviations:?}"
    );
    // How it was tested: what tests/browser checks.
    for method in [
        "axe-core",
        "Tastatur",
        "Tvungne farger",
        "Tekstavstand",
        "200 prosent tekst",
        "320 piksler",
        "Utskrift",
    ] {
        assert!(main.contains(method), "no `{method}` in the statement");
    }
    // The contact, the published statement and the complaint body.
    let links = hrefs(&doc, "main a");
    assert!(links.contains(&"mailto:tilgjengelighet@example.org".to_string()));
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("https://uustatus.no/nb/erklaringer/publisert/")),
        "{links:?}"
    );
    let complaint: Vec<String> = select(&doc, "main a[href='https://www.uutilsynet.no/']")
        .iter()
        .map(text)
        .collect();
    assert_eq!(complaint, ["Tilsynet for universell utforming av IKT"]);
}

#[test]
fn the_statements_facts_come_from_site_yaml() {
    let site = tempfile::tempdir().unwrap();
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal");
    copy_dir(&fixture, site.path());
    let yaml = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    std::fs::write(
        site.path().join("site.yaml"),
        format!(
            "{yaml}\naccessibility:\n  statement_url: https://uustatus.no/nb/erklaringer/publisert/test-1\n  contact: uu@test.example\n  last_reviewed: 2024-11-03\n"
        ),
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/uu.md"),
        "---\ntitle: Erklæring\ntemplate: accessibility\n---\n\nTekst.\n",
    )
    .unwrap();
    let dir = built(site.path());
    let doc = page(&dir, "uu/index.html");
    let reviewed: Vec<String> = select(&doc, "main time").iter().map(text).collect();
    assert_eq!(reviewed, ["3. november 2024"]);
    let links = hrefs(&doc, "main a");
    assert!(
        links.contains(&"mailto:uu@test.example".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"https://uustatus.no/nb/erklaringer/publisert/test-1".to_string()),
        "{links:?}"
    );
}

/// The terms issue 16 and SPEC §7 ask the glossary to explain.
const TERMS: [&str; 16] = [
    "scope-1",
    "scope-2",
    "scope-3",
    "co2e",
    "lokasjonsbasert",
    "markedsbasert",
    "basisar",
    "malbane",
    "sbti",
    "intensitet",
    "sammenlignbare-utslipp",
    "forelopige-tall",
    "opprinnelsesgarantier",
    "miljosertifisering",
    "hvo",
    "klimagassregnskap",
];

/// The glossary terms `doc` links to (`/ordliste/#id`).
fn linked_terms(doc: &Html) -> BTreeSet<String> {
    hrefs(doc, "main a[href^='/ordliste/#']")
        .into_iter()
        .map(|h| h.trim_start_matches("/ordliste/#").to_string())
        .collect()
}

#[test]
fn the_glossary_explains_every_term_and_pages_link_terms_it_has() {
    let dir = built(&PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let glossary = page(&dir, "ordliste/index.html");
    let terms = select(&glossary, "main dl.glossary > dt[id]");
    let ids: BTreeSet<String> = (terms.iter())
        .filter_map(|dt| dt.value().attr("id").map(str::to_string))
        .collect();
    for id in TERMS {
        assert!(ids.contains(id), "/ordliste/ has no term `{id}`: {ids:?}");
    }
    let dfn = Selector::parse("dfn").unwrap();
    assert!(
        terms
            .iter()
            .all(|dt| dt.select(&dfn).any(|d| !text(&d).is_empty()))
    );
    let definitions = select(&glossary, "main dl.glossary > dd");
    assert_eq!(definitions.len(), terms.len());

    let results = linked_terms(&page(&dir, "resultater/index.html"));
    let partner = linked_terms(&page(&dir, "partnere/bjerkedal-bygg/index.html"));
    for (name, linked, expected) in [
        (
            "results",
            &results,
            &[
                "scope-1",
                "lokasjonsbasert",
                "markedsbasert",
                "scope-3",
                "co2e",
                "sbti",
                "sammenlignbare-utslipp",
                "forelopige-tall",
            ][..],
        ),
        (
            "partner",
            &partner,
            &["scope-1", "lokasjonsbasert", "co2e", "basisar", "malbane"][..],
        ),
    ] {
        for id in expected {
            assert!(
                linked.contains(*id),
                "the {name} page does not link `{id}`: {linked:?}"
            );
        }
        let unknown: Vec<&String> = linked.iter().filter(|id| !ids.contains(*id)).collect();
        assert!(
            unknown.is_empty(),
            "the {name} page links terms the glossary lacks: {unknown:?}"
        );
    }
    let footer = hrefs(&page(&dir, "index.html"), "footer a");
    assert!(footer.contains(&"/ordliste/".to_string()), "{footer:?}");
}
