//! Turns "these files changed" into a new in-memory build.
//!
//! The rule (issue 6): the result must always equal what a full `nfk build --drafts` would
//! produce. So a rebuild always runs the whole pipeline over the whole site, and never guesses
//! which outputs a change touches: validation, figures and links are network-wide, and a wrong
//! guess would serve a page `nfk build` would not make. What makes it fast is the
//! [`BuildCache`]: parsed files whose files are unchanged (`load/cache.rs`) and template outputs
//! whose whole input is unchanged (`render/memo.rs`) are reused. The changed paths the watcher
//! reports only make the load cache forget those files early. See `docs/serve.md`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostics::Diagnostics;
use crate::render::RenderedSite;
use crate::{BuildCache, BuildOptions, build_in_memory_cached};

/// A build that succeeded, as the server keeps it.
pub struct ServedBuild {
    pub site: Arc<RenderedSite>,
    /// Warnings only (a build with errors is an `Err`).
    pub diagnostics: Diagnostics,
    pub partners: usize,
    pub pages: usize,
}

/// The outcome of one build, numbered so browsers can tell builds apart.
pub struct Outcome {
    /// 1 for the first build, then one more for each rebuild.
    pub build_number: u64,
    pub result: Result<ServedBuild, Diagnostics>,
}

/// Builds the served site, first whole, then again after each batch of changes.
pub struct Rebuilder {
    options: BuildOptions,
    build_number: u64,
    cache: BuildCache,
}

impl Rebuilder {
    /// `base_url` is where the site is served (`http://127.0.0.1:1111/`): permalinks, feeds and
    /// the sitemap then point at the preview, not at the public site.
    pub fn new(root: PathBuf, base_url: String) -> Self {
        Rebuilder {
            options: BuildOptions {
                root,
                base_url: Some(base_url),
                drafts: true,
                live_reload: true,
            },
            build_number: 0,
            cache: BuildCache::default(),
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// A build of the whole site, as `nfk build --drafts` would make it.
    pub fn build_all(&mut self) -> Outcome {
        self.build_number += 1;
        let result = build_in_memory_cached(&self.options, &self.cache).map(|built| ServedBuild {
            site: Arc::new(built.site),
            diagnostics: built.diagnostics,
            partners: built.partners,
            pages: built.pages,
        });
        Outcome {
            build_number: self.build_number,
            result,
        }
    }

    /// A build after `changed` (absolute paths under the root) changed on disk.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Outcome {
        log::debug!("rebuilding after {} changed paths", changed.len());
        if changed.iter().any(|p| p == &self.options.root) {
            // The watcher lost track (its queue overflowed): trust nothing cached.
            self.cache.load.clear();
        } else {
            self.cache.load.forget(changed);
        }
        self.build_all()
    }
}
