//! What the server serves: the last good site and the problems of the latest build, as one
//! immutable [`Snapshot`] that is swapped whole after each build, and the broadcast channel that
//! tells browsers to reload.
//!
//! Order matters (issue 6: "the browser reloads after the new build is ready, never before"):
//! [`Shared::publish`] first swaps the snapshot in, then sends the reload message, so any
//! request a reloading browser makes already sees the new build. Readers clone an `Arc` under a
//! read lock held for a few nanoseconds; no request ever waits for a build.

use std::sync::{Arc, RwLock};

use tokio::sync::broadcast;

use crate::diagnostics::Diagnostic;
use crate::render::{OutputFile, PendingPictures, RenderedSite};

use super::rebuild::Outcome;
use crate::model::Language;

/// One consistent view of the server's state.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The last site that built without errors; `None` until one has.
    pub site: Option<Arc<RenderedSite>>,
    /// Every diagnostic of the latest build when it failed (sorted), else empty: while this holds
    /// an error, every HTML page carries the overlay.
    pub problems: Vec<Diagnostic>,
    /// Identifies this state for the live-reload script: the server's start time plus a counter
    /// bumped on every build, good or failed, so a page knows whether it is out of date.
    pub build_id: String,
    /// The language of the overlay and of `problems`.
    pub lang: Language,
    /// The search index (`/pagefind/`) of `site`, or of an earlier site while the index of this
    /// one is being made (`super::index`); `None` until the first is made.
    pub search: Option<Arc<RenderedSite>>,
    /// The pictures of `site` still being drawn (their files are empty until then): a request
    /// for one waits for them (`super::http`).
    pub pictures: Option<Arc<PendingPictures>>,
}

impl Snapshot {
    pub fn failed(&self) -> bool {
        self.problems.iter().any(Diagnostic::is_error)
    }

    /// Whether the file at `output` is a picture still being drawn.
    pub fn drawing(&self, output: &str) -> bool {
        (self.pictures.as_ref()).is_some_and(|pictures| pictures.contains(output))
    }

    /// What the server can answer with; `None` until a site has built.
    pub fn files(&self) -> Option<Files<'_>> {
        Some(Files {
            site: self.site.as_deref()?,
            search: self.search.as_deref(),
        })
    }
}

/// The files of a snapshot: the site's, and its search index's.
#[derive(Clone, Copy)]
pub struct Files<'a> {
    pub site: &'a RenderedSite,
    pub search: Option<&'a RenderedSite>,
}

impl<'a> Files<'a> {
    pub fn get(&self, path: &str) -> Option<&'a OutputFile> {
        (self.site.get(path)).or_else(|| self.search.and_then(|s| s.get(path)))
    }
}

/// A message to every connected browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A new snapshot is in place: reload if you show an older one.
    Reload(String),
    /// The server is stopping: close the event stream so shutdown does not wait for it.
    Shutdown,
}

pub struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    events: broadcast::Sender<Message>,
    instance: String,
    lang: Language,
}

impl Shared {
    pub fn new(first: Outcome, lang: Language) -> Self {
        // The clock is read only to tell server runs apart, never by the build.
        let instance = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| format!("{:x}", d.as_millis()))
            .unwrap_or_default();
        let (events, _) = broadcast::channel(16);
        let snapshot = next_snapshot(None, first, &instance, lang);
        Shared {
            snapshot: RwLock::new(Arc::new(snapshot)),
            events,
            instance,
            lang,
        }
    }

    /// The language of the messages the server shows.
    pub fn lang(&self) -> Language {
        self.lang
    }

    /// The current snapshot; cheap, never blocks on a build.
    pub fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Swaps in the outcome of a build, then tells the browsers. A failed build keeps the last
    /// good site and only replaces the problems.
    pub fn publish(&self, outcome: Outcome) {
        let (id, previous) = {
            let mut guard = match self.snapshot.write() {
                Ok(guard) => guard,
                Err(poisoned) => poisoned.into_inner(),
            };
            let next = next_snapshot(Some(&guard), outcome, &self.instance, self.lang);
            let id = next.build_id.clone();
            (id, std::mem::replace(&mut *guard, Arc::new(next)))
        };
        // No receivers (no open page) is not an error.
        let _ = self.events.send(Message::Reload(id));
        // Freeing a large site takes milliseconds: not while holding the lock, nor before the
        // browsers are told.
        drop(previous);
    }

    /// Swaps in `search`, the index of `site`, if `site` is still the one served (a newer
    /// build's index is on its way otherwise). Browsers are not told: no page changed.
    pub fn publish_search(&self, site: &Arc<RenderedSite>, search: Vec<OutputFile>) -> bool {
        self.update_serving(site, |now| Snapshot {
            search: Some(Arc::new(RenderedSite { files: search })),
            ..now.clone()
        })
    }

    /// Swaps in `drawn`, which is `site` with its pictures drawn, if `site` is still the one
    /// served (a later build that failed keeps serving it, with its problems). Browsers are not
    /// told: no page changed.
    pub fn publish_pictures(&self, site: &Arc<RenderedSite>, drawn: Arc<RenderedSite>) -> bool {
        self.update_serving(site, |now| Snapshot {
            site: Some(drawn),
            pictures: None,
            ..now.clone()
        })
    }

    /// Swaps in `next(current)` if the current snapshot serves `site`; whether it did.
    fn update_serving(
        &self,
        site: &Arc<RenderedSite>,
        next: impl FnOnce(&Snapshot) -> Snapshot,
    ) -> bool {
        let mut guard = match self.snapshot.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        if !guard.site.as_ref().is_some_and(|s| Arc::ptr_eq(s, site)) {
            return false;
        }
        let next = next(&guard);
        let previous = std::mem::replace(&mut *guard, Arc::new(next));
        drop(guard);
        drop(previous);
        true
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Message> {
        self.events.subscribe()
    }

    pub fn shutdown(&self) {
        let _ = self.events.send(Message::Shutdown);
    }
}

fn next_snapshot(
    previous: Option<&Snapshot>,
    outcome: Outcome,
    instance: &str,
    lang: Language,
) -> Snapshot {
    let build_id = format!("{instance}-{}", outcome.build_number);
    let search = previous.and_then(|p| p.search.clone());
    match outcome.result {
        Ok(built) => Snapshot {
            site: Some(built.site),
            problems: Vec::new(),
            build_id,
            lang,
            search,
            pictures: Some(built.pictures).filter(|p| !p.is_empty()),
        },
        Err(problems) => Snapshot {
            site: previous.and_then(|p| p.site.clone()),
            problems: crate::diagnostics::localized(problems.sorted(), lang),
            build_id,
            lang,
            search,
            pictures: previous.and_then(|p| p.pictures.clone()),
        },
    }
}
