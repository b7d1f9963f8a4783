//! Watches the site's sources and rebuilds after each burst of changes.
//!
//! What is watched (SPEC §9): `site.yaml`, `content/`, `partners/` and `themes/`, nothing else,
//! so the server never reacts to its own output, to `public/` or to a `target/` folder. The root
//! itself is watched without recursion: that sees `site.yaml` replaced by an atomic save (write a
//! temporary file, rename it over the old one) and the three folders being created, removed or
//! renamed, which re-arms their recursive watches.
//!
//! Events pass through notify's full debouncer (a short quiet period) so one save, which editors
//! turn into several events, gives one rebuild. Editor temp and swap files (`x~`, `.x.swp`,
//! vim's `4913`, emacs' `.#x` and `#x#`) and read-only access never count as a change: reading
//! the files is what a build does, and it must not trigger another one.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use anyhow::Context;
use notify_debouncer_full::notify::event::{AccessKind, AccessMode, Flag};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer,
};

use super::index::Indexing;
use super::rebuild::Rebuilder;
use super::state::Shared;
use crate::diagnostics::{localized, render_human};
use crate::messages::{self, ids};
use crate::model::Language;
use crate::render::{PendingPictures, RenderedSite};

/// The quiet time that ends a burst of events. Editors finish a save within a few milliseconds;
/// this is well under what a person notices, and the main part of the edit-to-reload latency.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// The folders under the root whose changes rebuild the site.
pub const WATCHED_DIRS: [&str; 3] = ["content", "partners", "themes"];

enum Message {
    Changed(Vec<PathBuf>),
    Stop,
}

/// Keeps the watcher and its rebuild thread alive; dropping it stops both.
pub struct WatchHandle {
    stop: Sender<Message>,
}

impl Drop for WatchHandle {
    fn drop(&mut self) {
        let _ = self.stop.send(Message::Stop);
    }
}

/// Starts watching `root` (canonical) and a thread that rebuilds and publishes after changes.
pub fn start(
    root: &Path,
    rebuilder: Rebuilder,
    shared: Arc<Shared>,
    indexing: Indexing,
) -> anyhow::Result<WatchHandle> {
    let (tx, rx) = mpsc::channel();
    let events = tx.clone();
    let filter_root = root.to_path_buf();
    let debouncer = new_debouncer(
        DEBOUNCE,
        None,
        move |result: DebounceEventResult| match result {
            Ok(batch) => {
                let changed = relevant_paths(&filter_root, &batch);
                if !changed.is_empty() {
                    let _ = events.send(Message::Changed(changed));
                }
            }
            Err(errors) => {
                for e in errors {
                    log::warn!("file watcher: {e}");
                }
            }
        },
    )
    .context("starting the file watcher")?;
    let mut watches = Watches {
        root: root.to_path_buf(),
        debouncer,
        armed: Vec::new(),
        lang: shared.lang(),
    };
    watches.arm()?;
    std::thread::Builder::new()
        .name("nfk-rebuild".into())
        .spawn(move || rebuild_loop(rx, watches, rebuilder, shared, indexing))
        .context("starting the rebuild thread")?;
    Ok(WatchHandle { stop: tx })
}

fn rebuild_loop(
    rx: Receiver<Message>,
    mut watches: Watches,
    mut rebuilder: Rebuilder,
    shared: Arc<Shared>,
    indexing: Indexing,
) {
    while let Ok(Message::Changed(mut changed)) = rx.recv() {
        // Changes that arrived while the last build ran are folded into this one.
        loop {
            match rx.try_recv() {
                Ok(Message::Changed(more)) => changed.extend(more),
                Ok(Message::Stop) => return,
                Err(_) => break,
            }
        }
        changed.sort();
        changed.dedup();
        watches.refresh(&changed);
        let start = Instant::now();
        indexing.cancel();
        let mut outcome = rebuilder.rebuild(&changed);
        eprintln!("{}", describe(&watches.root, &changed, shared.lang()));
        super::report(&outcome, start, true, shared.lang());
        let pictures = outcome.pending_pictures();
        let search = outcome.take_search();
        shared.publish(outcome);
        // The pages are served: now the pictures, then the search index of the whole site.
        let drawn = pictures.map(|(site, pictures)| draw(&rebuilder, &shared, &site, &pictures));
        if let Some((site, search)) = search {
            indexing.index(drawn.unwrap_or(site), search);
        }
    }
}

/// Draws the pictures the build of `site` left for after its pages, and serves them with its
/// pages: the site served from now on. A picture that cannot be drawn (an internal error, never
/// an editor's) is reported and its file stays empty.
fn draw(
    rebuilder: &Rebuilder,
    shared: &Shared,
    site: &Arc<RenderedSite>,
    pictures: &PendingPictures,
) -> Arc<RenderedSite> {
    let drawn = match rebuilder.draw(site, pictures) {
        Ok(drawn) => Arc::new(drawn),
        Err(problems) => {
            let problems = localized(problems.sorted(), shared.lang());
            eprint!("{}", render_human(&problems));
            site.clone()
        }
    };
    shared.publish_pictures(site, drawn.clone());
    drawn
}

/// "partners/alfa/profile.yaml changed", or "3 files changed", in `lang`.
fn describe(root: &Path, changed: &[PathBuf], lang: Language) -> String {
    match changed {
        [one] => {
            let path = crate::diagnostics::display_path(root, one.as_path());
            messages::text(lang, ids::SERVE_FILE_CHANGED, &[("path", path.into())])
        }
        many => messages::text(
            lang,
            ids::SERVE_FILES_CHANGED,
            &[("count", many.len().into())],
        ),
    }
}

/// The paths in a batch of events that can change the site. A rescan request (the kernel's
/// queue overflowed) is reported as the root itself: everything may have changed.
pub fn relevant_paths(root: &Path, batch: &[DebouncedEvent]) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for event in batch {
        if event.flag() == Some(Flag::Rescan) {
            paths.push(root.to_path_buf());
            continue;
        }
        if !is_change(&event.kind) {
            continue;
        }
        paths.extend(event.paths.iter().filter(|p| is_source(root, p)).cloned());
    }
    paths
}

/// Opening or reading a file is not a change; closing it after writing is.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Is `path` one of the site's sources: `site.yaml`, or anything under the watched folders that
/// is not an editor's temp file?
pub fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let names: Vec<String> = rel
        .components()
        .map(|c| match c {
            Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Option<_>>()
        .unwrap_or_default();
    match names.first().map(String::as_str) {
        Some("site.yaml") => names.len() == 1,
        Some(dir) if WATCHED_DIRS.contains(&dir) => !names.iter().any(|n| is_editor_leftover(n)),
        _ => false,
    }
}

/// Exactly what the load stage skips (`load::is_temporary`), so that a file the watcher ignores
/// is never one a build would read.
pub fn is_editor_leftover(name: &str) -> bool {
    crate::load::is_temporary(name)
}

/// The watches in place: the root without recursion, each existing watched folder with it.
struct Watches {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    armed: Vec<PathBuf>,
    /// The editor's language, for the warning about a folder that cannot be watched.
    lang: Language,
}

impl Watches {
    fn arm(&mut self) -> anyhow::Result<()> {
        self.debouncer
            .watch(&self.root, RecursiveMode::NonRecursive)
            .with_context(|| format!("watching {}", self.root.display()))?;
        for dir in WATCHED_DIRS {
            self.watch_dir(&self.root.join(dir));
        }
        Ok(())
    }

    /// Re-arms a folder's watch when the folder itself was created, removed or renamed.
    fn refresh(&mut self, changed: &[PathBuf]) {
        for dir in WATCHED_DIRS {
            let dir = self.root.join(dir);
            let touched = changed.contains(&dir) || changed.contains(&self.root);
            let armed = self.armed.contains(&dir);
            if touched || armed != dir.is_dir() {
                if armed {
                    let _ = self.debouncer.unwatch(&dir);
                    self.armed.retain(|d| d != &dir);
                }
                self.watch_dir(&dir);
            }
        }
    }

    fn watch_dir(&mut self, dir: &Path) {
        if !dir.is_dir() {
            return;
        }
        match self.debouncer.watch(dir, RecursiveMode::Recursive) {
            Ok(()) => self.armed.push(dir.to_path_buf()),
            Err(e) => {
                let args = [
                    ("folder", dir.display().to_string().into()),
                    ("error", e.to_string().into()),
                ];
                eprintln!(
                    "{}",
                    messages::text(self.lang, ids::SERVE_CANNOT_WATCH, &args)
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_site_yaml_and_the_watched_folders() {
        let root = Path::new("/site");
        for yes in [
            "/site/site.yaml",
            "/site/content/a.md",
            "/site/partners/alfa/profile.yaml",
            "/site/themes/nfk/templates/base.html",
            "/site/partners/ny",
        ] {
            assert!(is_source(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/site/public/index.html",
            "/site/target/debug/nfk",
            "/site/README.md",
            "/site/content/sub/site.yaml/../x",
            "/elsewhere/site.yaml",
        ] {
            assert!(!is_source(root, Path::new(no)), "{no}");
        }
    }

    #[test]
    fn editor_temp_and_swap_files_are_not_sources() {
        let root = Path::new("/site");
        for name in [
            "profile.yaml~",
            ".profile.yaml.swp",
            ".profile.yaml.swo",
            "4913",
            ".#profile.yaml",
            "#profile.yaml#",
        ] {
            let path = root.join("partners/alfa").join(name);
            assert!(!is_source(root, &path), "{name}");
        }
    }

    #[test]
    fn reading_a_file_is_not_a_change() {
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
    }

    #[test]
    fn says_what_changed_in_the_editors_language() {
        let root = Path::new("/site");
        let one = [PathBuf::from("/site/partners/alfa/profile.yaml")];
        let two = [PathBuf::from("/site/a.md"), PathBuf::from("/site/b.md")];
        assert_eq!(
            describe(root, &one, Language::Nb),
            "partners/alfa/profile.yaml er endret"
        );
        assert_eq!(describe(root, &two, Language::Nb), "2 filer er endret");
        assert_eq!(describe(root, &two, Language::En), "2 files changed");
    }
}
