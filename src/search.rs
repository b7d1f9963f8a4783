//! search: the site search's index, made with Pagefind used as a library (SPEC §13, issue 19).
//!
//! After render, the partner pages and content pages are given to Pagefind from memory (their
//! rendered HTML; templates mark what is indexed with `data-pagefind-body`, filters with
//! `data-pagefind-filter` and metadata with `data-pagefind-meta`), and the bundle it makes
//! (`pagefind.js`, the index, its fragments and the WebAssembly) comes back as files under
//! `/pagefind/` that go to the one writer with the rest of the site. The site's language `nb`
//! is indexed as Pagefind's Norwegian, `no` (its stemmer's key), while pages keep `lang="nb"`.
//!
//! Pure apart from Pagefind's own threads: no IO, nothing read or written on disk. It must not
//! shell out, serve, or reach the network. Pagefind's API is async; it runs on a runtime of its
//! own on a thread of its own, so a build called from inside `serve`'s runtime is unaffected.

use anyhow::{Context, Result, anyhow};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::model::Language;
use crate::render::OutputFile;

/// The folder of the bundle in the output, and its URL prefix (`/pagefind/`).
pub const BUNDLE_DIR: &str = "pagefind";

/// Pagefind's language key for the site's language: its Norwegian stemmer is `no`.
pub fn pagefind_language(language: Language) -> &'static str {
    match language {
        Language::Nb => "no",
        Language::En => "en",
    }
}

/// A page to index: its URL (root-relative, without the base path: Pagefind's script puts its
/// own location's base in front) and its rendered HTML.
pub struct Indexed<'a> {
    pub url: String,
    pub html: &'a [u8],
}

/// The bundle for `pages`, as output files under [`BUNDLE_DIR`], sorted by path.
pub fn bundle(pages: &[Indexed], language: Language) -> Result<Vec<OutputFile>> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .context("starting the search indexer")?
                    .block_on(index(pages, language))
            })
            .join()
            .map_err(|_| anyhow!("the search indexer stopped"))?
    })
}

async fn index(pages: &[Indexed<'_>], language: Language) -> Result<Vec<OutputFile>> {
    let options = PagefindServiceConfig::builder()
        .force_language(pagefind_language(language).to_string())
        .build();
    let mut index = PagefindIndex::new(Some(options)).context("configuring the search index")?;
    for page in pages {
        let html = String::from_utf8_lossy(page.html).into_owned();
        index
            .add_html_file(None, Some(page.url.clone()), html)
            .await
            .with_context(|| format!("indexing {}", page.url))?;
    }
    let files = index
        .get_files()
        .await
        .context("building the search index")?;
    let mut out: Vec<OutputFile> = files
        .into_iter()
        .filter(|f| !is_default_ui(&f.filename.to_string_lossy()))
        .map(|f| {
            let path = f.filename.to_string_lossy().replace('\\', "/");
            let inner = match path.rfind(&format!("{BUNDLE_DIR}/")) {
                Some(at) => path[at + BUNDLE_DIR.len() + 1..].to_string(),
                None => path.trim_start_matches('/').to_string(),
            };
            OutputFile::new(format!("{BUNDLE_DIR}/{inner}"), f.contents)
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Pagefind's own search interfaces (`pagefind-ui.js`, the modular and component UIs and the
/// highlighter): `/sok/` uses its JS API with the theme's markup instead, so they are left out.
fn is_default_ui(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    [
        "pagefind-ui.",
        "pagefind-modular-ui.",
        "pagefind-component-ui.",
        "pagefind-highlight.",
    ]
    .iter()
    .any(|prefix| name.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(url: &str, body: &str) -> (String, Vec<u8>) {
        let html = format!(
            "<!doctype html><html lang=\"nb\"><head><title>{url}</title></head><body>\
             <main data-pagefind-body><h1>{url}</h1><p>{body}</p>\
             <span data-pagefind-filter=\"bransje\" hidden>Bygg</span></main></body></html>"
        );
        (url.to_string(), html.into_bytes())
    }

    fn built(pages: &[(String, Vec<u8>)]) -> Vec<OutputFile> {
        let indexed: Vec<Indexed> = pages
            .iter()
            .map(|(url, html)| Indexed {
                url: url.clone(),
                html,
            })
            .collect();
        bundle(&indexed, Language::Nb).unwrap()
    }

    #[test]
    fn maps_the_sites_bokmal_to_pagefinds_norwegian() {
        assert_eq!(pagefind_language(Language::Nb), "no");
        assert_eq!(pagefind_language(Language::En), "en");
    }

    #[test]
    fn makes_a_bundle_under_pagefind_with_its_script_and_a_norwegian_index() {
        let files = built(&[
            page("/partnere/a/", "Fossilfrie byggeplasser fra 2025."),
            page("/om/", "Om nettverket."),
        ]);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert!(
            paths.iter().all(|p| p.starts_with("pagefind/")),
            "{paths:?}"
        );
        assert!(paths.contains(&"pagefind/pagefind.js"), "{paths:?}");
        assert!(
            !paths
                .iter()
                .any(|p| p.contains("-ui.") || p.contains("highlight")),
            "no default UI: {paths:?}"
        );
        assert!(
            paths.iter().any(|p| p.starts_with("pagefind/index/")),
            "{paths:?}"
        );
        let entry = files
            .iter()
            .find(|f| f.path == "pagefind/pagefind-entry.json")
            .expect("an entry file");
        let crate::render::Contents::Bytes(bytes) = &entry.contents else {
            panic!("made in memory")
        };
        let entry: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        assert!(entry["languages"].get("no").is_some(), "{entry}");
    }

    #[test]
    fn the_same_pages_give_the_same_bundle() {
        let pages = [
            page("/partnere/a/", "Fossilfrie byggeplasser."),
            page("/partnere/b/", "Varmepumpe i lageret."),
        ];
        let bytes = |files: Vec<OutputFile>| -> Vec<(String, Vec<u8>)> {
            files
                .into_iter()
                .map(|f| match f.contents {
                    crate::render::Contents::Bytes(b) => (f.path, b),
                    _ => (f.path, Vec::new()),
                })
                .collect()
        };
        assert_eq!(bytes(built(&pages)), bytes(built(&pages)));
    }
}
