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

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, anyhow};
use bytes::Bytes;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::model::{Language, SiteConfig};
use crate::render::OutputFile;
use crate::routes::{Kind, Route, urls};

/// The folder of the bundle in the output, and its URL prefix (`/pagefind/`).
pub const BUNDLE_DIR: &str = "pagefind";

/// Pagefind's language key for the site's language: its Norwegian stemmer is `no`.
pub fn pagefind_language(language: Language) -> &'static str {
    match language {
        Language::Nb => "no",
        Language::En => "en",
    }
}

/// A page to index (in tests: the build hands pages to [`Indexes`] as they are made): its URL (root-relative, without the base path: Pagefind's script puts its
/// own location's base in front) and its rendered HTML.
#[cfg(test)]
pub struct Indexed<'a> {
    pub url: String,
    pub html: &'a [u8],
}

/// The bundle for `pages`, as output files under [`BUNDLE_DIR`], sorted by path.
#[cfg(test)]
pub fn bundle(pages: &[Indexed], language: Language) -> Result<Vec<OutputFile>> {
    let indexer = Indexer::start(language);
    for page in pages {
        indexer.add(page.url.clone(), Bytes::copy_from_slice(page.html));
    }
    indexer.finish()
}

/// The site's indexes, one per language, each in its edition's folder (`/pagefind/`,
/// `/en/pagefind/`): a search finds the pages of the language it is made in. The partner pages
/// and content pages are indexed; the caller hands them over in the plan's order.
pub struct Indexes {
    default: Language,
    indexers: Vec<(Language, Indexer)>,
}

impl Indexes {
    /// Starts an indexer for each of the site's languages.
    pub fn start(config: &SiteConfig) -> Self {
        Indexes::start_in(config.language, &config.languages)
    }

    /// Starts an indexer for each of `languages`; `default` is the one whose index is at
    /// `/pagefind/`.
    pub fn start_in(default: Language, languages: &[Language]) -> Self {
        Indexes {
            default,
            indexers: (languages.iter())
                .map(|&language| (language, Indexer::start(language)))
                .collect(),
        }
    }

    /// Whether `route`'s page is indexed.
    pub fn wants(route: &Route) -> bool {
        matches!(route.kind, Kind::Partner { .. } | Kind::Page { .. })
    }

    /// Indexes `route`'s page, made as `html`, in its language's index.
    pub fn add(&self, route: &Route, html: Bytes) {
        self.add_page(route.language, route.url.clone(), html);
    }

    /// Indexes the page at `url`, made as `html`, in `language`'s index.
    pub fn add_page(&self, language: Language, url: String, html: Bytes) {
        if let Some((_, indexer)) = self.indexers.iter().find(|(l, _)| *l == language) {
            indexer.add(url, html);
        }
    }

    /// Stops every indexer without making its bundle: the pages given so far are dropped.
    pub fn abandon(self) {
        for (_, indexer) in self.indexers {
            indexer.abandon();
        }
    }

    /// Every language's bundle, its files under that language's folder; or the first failure.
    pub fn finish(self) -> Result<Vec<OutputFile>> {
        let mut files = Vec::new();
        for (language, indexer) in self.indexers {
            let folder = urls::in_language("/", language, self.default);
            let bundle = indexer.finish()?;
            files.extend(bundle.into_iter().map(|mut file| {
                file.path = format!("{}{}", folder.trim_start_matches('/'), file.path);
                file
            }));
        }
        Ok(files)
    }
}

/// How many pages may wait for the indexer: enough to keep it busy, few enough that the
/// pages in flight do not add up to the site.
const QUEUE: usize = 32;

/// An index being made on a thread of its own while the pages are rendered: each page is
/// handed over as it is made ([`Indexer::add`]) and not kept, so a build holds the index, not
/// the pages. Pages must come in the same order in every build (Pagefind numbers them in the
/// order they come), which the caller keeps: the plan's.
pub struct Indexer {
    pages: Option<std::sync::mpsc::SyncSender<(String, Bytes)>>,
    thread: std::thread::JoinHandle<Result<Vec<OutputFile>>>,
    /// Set by [`Indexer::abandon`]: the thread stops before making the bundle.
    abandoned: Arc<AtomicBool>,
}

impl Indexer {
    pub fn start(language: Language) -> Self {
        let (pages, queue) = std::sync::mpsc::sync_channel(QUEUE);
        let abandoned = Arc::new(AtomicBool::new(false));
        let stop = abandoned.clone();
        let thread = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .context("starting the search indexer")?
                .block_on(index(queue, language, &stop))
        });
        Indexer {
            pages: Some(pages),
            thread,
            abandoned,
        }
    }

    /// Stops the indexer without making its bundle. Returns at once; the thread ends after the
    /// page it is indexing.
    pub fn abandon(mut self) {
        self.abandoned.store(true, Ordering::Relaxed);
        drop(self.pages.take());
    }

    /// Indexes the page at `url` (waits while the queue is full).
    pub fn add(&self, url: String, html: Bytes) {
        // A send fails only when the indexer has stopped: `finish` reports why.
        if let Some(pages) = &self.pages {
            let _ = pages.send((url, html));
        }
    }

    /// The bundle of every page added, as output files under [`BUNDLE_DIR`], sorted by path.
    pub fn finish(mut self) -> Result<Vec<OutputFile>> {
        drop(self.pages.take());
        self.thread
            .join()
            .map_err(|_| anyhow!("the search indexer stopped"))?
    }
}

async fn index(
    queue: std::sync::mpsc::Receiver<(String, Bytes)>,
    language: Language,
    abandoned: &AtomicBool,
) -> Result<Vec<OutputFile>> {
    let options = PagefindServiceConfig::builder()
        .force_language(pagefind_language(language).to_string())
        .build();
    let mut index = PagefindIndex::new(Some(options)).context("configuring the search index")?;
    // The queue's `recv` blocks this thread, which runs nothing else.
    while let Ok((url, html)) = queue.recv() {
        if abandoned.load(Ordering::Relaxed) {
            break;
        }
        // Pagefind takes the page as its own `String`: the one copy of it.
        let html = String::from_utf8_lossy(&html).into_owned();
        index
            .add_html_file(None, Some(url.clone()), html)
            .await
            .with_context(|| format!("indexing {url}"))?;
    }
    if abandoned.load(Ordering::Relaxed) {
        anyhow::bail!("the search index was abandoned");
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
                    crate::render::Contents::Bytes(b) => (f.path, b.to_vec()),
                    _ => (f.path, Vec::new()),
                })
                .collect()
        };
        assert_eq!(bytes(built(&pages)), bytes(built(&pages)));
    }
}
