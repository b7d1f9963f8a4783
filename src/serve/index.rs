//! The search index of the served site, made after its pages are served.
//!
//! Pagefind needs every indexed page and seconds on a large site (3,000 pages: about 5 s of
//! CPU), far more than the rebuild of the pages a change touches. So a rebuild publishes its
//! pages at once, and a thread of its own makes that build's index and swaps it in beside them
//! ([`Shared::publish_search`]); until then `/pagefind/` answers with the last index made (a
//! search may miss the latest edit for those seconds). The index made is the one `nfk build`
//! makes of the same pages: the same [`PendingSearch::make`].
//!
//! A newer build makes older work useless: [`Indexing::cancel`] (called when a rebuild starts)
//! stops the index being made between two pages, so it does not take the machine from the
//! rebuild, the thread waits for saves to settle ([`SETTLE`]) before it starts, and it runs
//! at a lower priority than the rebuild (`run_behind`).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use super::state::Shared;
use crate::PendingSearch;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::{localized, render_human};
use crate::render::{OutputFile, RenderedSite};

/// How long no newer build must come before an index is started: a burst of saves makes one
/// index, not one per save.
pub const SETTLE: Duration = Duration::from_millis(300);

/// The handle of the indexing thread. Dropping it ends the thread after its current page.
pub struct Indexing {
    jobs: Sender<Job>,
    /// The number of the newest job (or cancellation); a job with another number is stale.
    latest: Arc<AtomicU64>,
}

struct Job {
    number: u64,
    site: Arc<RenderedSite>,
    search: PendingSearch,
}

/// What the thread does with an index made: the files, or the problems that kept it from
/// being made, for the site it was made from.
type Publish = dyn Fn(&Arc<RenderedSite>, Result<Vec<OutputFile>, Diagnostics>) + Send;

impl Indexing {
    /// Starts the thread that makes each served build's index and publishes it to `shared`.
    pub fn start(shared: Arc<Shared>) -> Self {
        Indexing::start_with(Box::new(move |site, made| match made {
            Ok(files) => {
                let count = files.len();
                if shared.publish_search(site, files) {
                    log::debug!("search index published: {count} files");
                }
            }
            // Pagefind failed (the plan keeps `/pagefind/` for it, so no page is in its way):
            // the pages stay served with the last index made; `nfk build` reports the same.
            Err(problems) => {
                let lang = shared.lang();
                eprint!("{}", render_human(&localized(problems.sorted(), lang)));
            }
        }))
    }

    fn start_with(publish: Box<Publish>) -> Self {
        let (jobs, queue) = std::sync::mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = latest.clone();
        std::thread::spawn(move || {
            run_behind();
            run(&queue, &seen, &*publish)
        });
        Indexing { jobs, latest }
    }

    /// Makes the index of `site` (the site just published) and publishes it when done.
    pub fn index(&self, site: Arc<RenderedSite>, search: PendingSearch) {
        let number = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        // A send fails only when the thread has ended, which it does only when this is dropped.
        let _ = self.jobs.send(Job {
            number,
            site,
            search,
        });
    }

    /// A build is starting: the index being made for an older one is given up.
    pub fn cancel(&self) {
        self.latest.fetch_add(1, Ordering::SeqCst);
    }
}

/// Lowers the calling thread's priority (nice 10), so a rebuild, the server and the editor's
/// own programs come first; the indexers it starts inherit it. On Linux the nice value is the
/// thread's own (`setpriority` of "the calling process" sets the calling thread's). Best effort:
/// where it is refused, the index is made at the usual priority.
fn run_behind() {
    #[cfg(target_os = "linux")]
    if let Err(e) = rustix::process::setpriority_process(None, 10) {
        log::debug!("search index at the usual priority: {e}");
    }
}

fn run(queue: &Receiver<Job>, latest: &AtomicU64, publish: &Publish) {
    while let Ok(mut job) = queue.recv() {
        loop {
            match queue.recv_timeout(SETTLE) {
                Ok(newer) => job = newer,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let stale = || latest.load(Ordering::SeqCst) != job.number;
        if stale() {
            continue;
        }
        // `None`: given up for a newer build, whose job follows.
        if let Some(made) = job.search.make(&job.site, stale) {
            publish(&job.site, made);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::rebuild::Rebuilder;
    use crate::serve::state::Snapshot;

    fn bundled_site() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
    }

    fn wait_for_search(shared: &Shared) -> Arc<Snapshot> {
        for _ in 0..600 {
            let now = shared.current();
            if now.search.is_some() {
                return now;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("no search index after 60 s");
    }

    #[test]
    fn the_index_follows_the_served_pages_and_equals_the_one_a_build_makes() {
        let mut rebuilder = Rebuilder::new(bundled_site(), "http://127.0.0.1:1111/".into());
        let mut first = rebuilder.build_all();
        let (site, search) = first.take_search().expect("the bundled site builds");
        let expected = search.make(&site, || false).unwrap().unwrap();
        assert!(expected.iter().any(|f| f.path == "pagefind/pagefind.js"));
        let (again_site, again_search) = {
            let mut second = rebuilder.build_all();
            second.take_search().unwrap()
        };

        let shared = Arc::new(Shared::new(first, crate::model::Language::Nb));
        assert!(
            shared.current().search.is_none(),
            "no index before it is made"
        );
        let indexing = Indexing::start(shared.clone());
        indexing.index(site.clone(), search);
        let served = wait_for_search(&shared);
        let files = served.files().unwrap();
        for file in &expected {
            assert!(
                files.get(&file.path).map(|f| &f.contents) == Some(&file.contents),
                "{}",
                file.path
            );
        }
        // An index made for a site no longer served is not published.
        assert!(!shared.publish_search(&again_site, Vec::new()));
        drop(again_search);
    }

    #[test]
    fn making_an_index_stops_when_asked_between_two_pages() {
        let mut rebuilder = Rebuilder::new(bundled_site(), "http://127.0.0.1:1111/".into());
        let (site, search) = rebuilder.build_all().take_search().unwrap();
        let asked = std::cell::Cell::new(0);
        let made = search.make(&site, || {
            asked.set(asked.get() + 1);
            asked.get() > 2
        });
        assert!(made.is_none());
        assert_eq!(
            asked.get(),
            3,
            "asked before each page, and no more once told to stop"
        );
    }

    #[test]
    fn an_index_given_up_for_a_newer_build_is_never_published() {
        let mut rebuilder = Rebuilder::new(bundled_site(), "http://127.0.0.1:1111/".into());
        let mut builds = [rebuilder.build_all(), rebuilder.build_all()];
        let (old_site, old_search) = builds[0].take_search().unwrap();
        let (new_site, new_search) = builds[1].take_search().unwrap();
        let (sent, published) = std::sync::mpsc::channel();
        let indexing = Indexing::start_with(Box::new(move |site, made| {
            let _ = sent.send((site.clone(), made.is_ok()));
        }));
        indexing.index(old_site.clone(), old_search);
        // A rebuild starts: the old job is stale before its settling time is over.
        indexing.cancel();
        std::thread::sleep(SETTLE * 2);
        indexing.index(new_site.clone(), new_search);
        let (site, ok) = published.recv_timeout(Duration::from_secs(120)).unwrap();
        assert!(Arc::ptr_eq(&site, &new_site) && ok);
        // The thread takes jobs in order: had the old one been made, it would have come first.
        assert!(published.try_recv().is_err());
    }
}
