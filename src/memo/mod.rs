//! Memos: what `nfk serve` keeps from one build to the next (issue 6), so that after one
//! partner's edit the other 999 partners' files, charts and pages are not made again.
//!
//! One type, [`Memo`]: values under a [`Key`], the hash of everything a value was made from
//! ([`KeyHasher`], `key.rs`). Each stage makes its keys next to the code that makes the values,
//! from exactly the inputs of that code, so equal keys mean equal inputs and so equal values:
//! a build with a full memo equals a build with an empty one.
//!
//! A stage uses a memo through a [`Pass`]: one build's walk over it. What the pass did not use
//! is dropped when it ends, so a memo holds one site's worth of values and never grows with the
//! number of edits. [`Memos`] holds every stage's memo; every build has one, and a build that
//! keeps nothing (`nfk build`, `nfk check`) has [`Memos::off`], which never makes a key.
//!
//! Must not: decide what a key covers (the stages do), read files, or change a result.

pub mod key;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

pub use key::{Key, KeyHasher};

use crate::aggregate::{PartnerData, SiteData};
use crate::charts::{Chart, Charts};
use crate::diagnostics::Diagnostics;
use crate::load::{Contents, RawPage, RawPartner};
use crate::model::Partner;
use crate::render::markdown;
use crate::routes::WrittenLink;
use crate::theme::Theme;
use crate::validate::OneValidated;

/// Values under keys, kept between builds. [`Memo::off`] keeps nothing.
pub struct Memo<V> {
    /// `None` for a memo that keeps nothing. One lock for the pass number and the entries.
    state: Option<Mutex<State<V>>>,
    /// For a memo that whole outputs are made through: which one, so that the keys an output
    /// used here are recorded with it ([`recording`]).
    under: Option<Under>,
}

/// The memos a whole output ([`Memos::outputs`]) is made through. The keys an output looked up
/// in them are kept with it, and marked used again whenever the output is reused, so that what
/// its next change may need is still there (a pass drops what it did not use).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Under {
    Charts,
    Templates,
    Markdown,
    Images,
}

/// The keys looked up in the memos of [`Under`], by what a [`recording`] runs.
pub type Used = Vec<(Under, Key)>;

thread_local! {
    /// The recording running on this thread, if any.
    static USED: std::cell::RefCell<Option<Used>> = const { std::cell::RefCell::new(None) };
}

/// Runs `make` and returns what it made with the keys it looked up on this thread in the memos
/// of [`Under`] (what it looked up through work it handed to other threads is missed: then a
/// later change makes that part again, nothing worse).
pub fn recording<T>(make: impl FnOnce() -> T) -> (T, Used) {
    let outer = USED.with(|u| u.replace(Some(Vec::new())));
    let value = make();
    let used = USED.with(|u| u.replace(outer)).unwrap_or_default();
    (value, used)
}

fn record(under: Under, key: Key) {
    USED.with(|u| {
        if let Some(used) = u.borrow_mut().as_mut() {
            used.push((under, key));
        }
    });
}

/// A whole output file kept by [`Memos::outputs`], with the keys it was made through.
#[derive(Clone)]
pub struct Output {
    pub contents: Contents,
    pub used: Arc<[(Under, Key)]>,
}

struct State<V> {
    /// How many passes have begun: the number of the current one.
    passes: u64,
    entries: HashMap<Key, Entry<V>>,
}

struct Entry<V> {
    value: V,
    /// The pass that last used it.
    used: u64,
}

impl<V: Clone> Memo<V> {
    /// A memo that keeps what it is given.
    pub fn keeping() -> Self {
        Memo {
            state: Some(Mutex::new(State {
                passes: 0,
                entries: HashMap::new(),
            })),
            under: None,
        }
    }

    /// A memo that keeps what it is given and that whole outputs are made through.
    fn keeping_under(under: Under) -> Self {
        Memo {
            under: Some(under),
            ..Memo::keeping()
        }
    }

    /// A memo that keeps nothing: every value is made, no key is ever computed.
    pub fn off() -> Self {
        Memo {
            state: None,
            under: None,
        }
    }

    /// Whether it keeps values: keys are worth making.
    pub fn keeps(&self) -> bool {
        self.state.is_some()
    }

    /// Begins a pass: what it uses is kept, what it does not is dropped when it ends. Passes over
    /// one memo do not overlap (a build begins one per memo; builds run one after the other).
    pub fn pass(&self) -> Pass<'_, V> {
        let number = self.lock().map_or(0, |mut state| {
            state.passes += 1;
            state.passes
        });
        Pass { memo: self, number }
    }

    /// Keeps `value` under `key` as used by the latest pass, which has ended: for what is made
    /// after it (the pictures `nfk serve` draws once the pages are served). The next pass finds
    /// it; one that does not use it drops it.
    pub fn insert(&self, key: Key, value: V) {
        if let Some(mut state) = self.lock() {
            let used = state.passes;
            state.entries.insert(key, Entry { value, used });
        }
    }

    /// Keeps only the entries whose value `keep` accepts.
    pub fn retain(&self, mut keep: impl FnMut(&V) -> bool) {
        if let Some(mut state) = self.lock() {
            state.entries.retain(|_, e| keep(&e.value));
        }
    }

    pub fn clear(&self) {
        self.retain(|_| false);
    }

    /// Entries held.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lock().map_or(0, |state| state.entries.len())
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A panic elsewhere while the lock was held leaves whole entries (each is inserted at once),
    /// so a poisoned lock is used as it is.
    fn lock(&self) -> Option<MutexGuard<'_, State<V>>> {
        let state = self.state.as_ref()?;
        Some(
            state
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        )
    }
}

/// One build's pass over a [`Memo`] ([`Memo::pass`]); ending it drops what it did not use.
pub struct Pass<'a, V: Clone> {
    memo: &'a Memo<V>,
    number: u64,
}

impl<V: Clone> Pass<'_, V> {
    /// The value remembered under `key()`, or else `make()`'s, remembered under it. `key` is
    /// called only when the memo keeps values; `None` from it (a key that could not be made)
    /// means: make the value and do not remember it.
    pub fn get_or_make(&self, key: impl FnOnce() -> Option<Key>, make: impl FnOnce() -> V) -> V {
        match self.try_get_or_make(key, || Ok::<V, std::convert::Infallible>(make())) {
            Ok(value) => value,
            Err(never) => match never {},
        }
    }

    /// Whether the memo keeps values: keys are worth making.
    pub fn keeps(&self) -> bool {
        self.memo.keeps()
    }

    /// [`Pass::get_or_make`] for a `make` that can fail; a failure is not remembered.
    pub fn try_get_or_make<E>(
        &self,
        key: impl FnOnce() -> Option<Key>,
        make: impl FnOnce() -> Result<V, E>,
    ) -> Result<V, E> {
        let Some(key) = self.memo.keeps().then(key).flatten() else {
            return make();
        };
        if let Some(under) = self.memo.under {
            record(under, key);
        }
        if let Some(mut state) = self.memo.lock()
            && let Some(entry) = state.entries.get_mut(&key)
        {
            entry.used = self.number;
            return Ok(entry.value.clone());
        }
        // Made without the lock: other threads of the pass use the memo meanwhile.
        let value = make()?;
        if let Some(mut state) = self.memo.lock() {
            let entry = Entry {
                value: value.clone(),
                used: self.number,
            };
            state.entries.insert(key, entry);
        }
        Ok(value)
    }

    /// The value under `key`, if there is one (marked used by this pass).
    pub fn get(&self, key: Key) -> Option<V> {
        if let Some(under) = self.memo.under {
            record(under, key);
        }
        let mut state = self.memo.lock()?;
        let entry = state.entries.get_mut(&key)?;
        entry.used = self.number;
        Some(entry.value.clone())
    }

    /// Records `key` with the output being made on this thread ([`recording`]), as if it had
    /// been looked up here: for a value looked up through work handed to other threads.
    pub fn used(&self, key: Key) {
        if let Some(under) = self.memo.under {
            record(under, key);
        }
    }

    /// Marks the value under `key`, if there is one, as used by this pass.
    pub fn touch(&self, key: Key) {
        if let Some(mut state) = self.memo.lock()
            && let Some(entry) = state.entries.get_mut(&key)
        {
            entry.used = self.number;
        }
    }
}

impl<V: Clone> Drop for Pass<'_, V> {
    fn drop(&mut self) {
        if let Some(mut state) = self.memo.lock() {
            state.entries.retain(|_, e| e.used == self.number);
        }
    }
}

/// Whether `read` (a file or folder read) is one of `paths` or holds or lies under one.
fn touches(paths: &[PathBuf], read: &Path) -> bool {
    (paths.iter()).any(|p| touches_one(p, read))
}

fn touches_one(path: &Path, read: &Path) -> bool {
    path.starts_with(read) || read.starts_with(path)
}

/// What loading a file or a folder gave, with where it was read (for [`Memos::forget`]).
#[derive(Clone)]
pub struct Loaded<T> {
    pub path: PathBuf,
    pub value: T,
    pub diagnostics: Diagnostics,
}

/// Every stage's memo: what one build may reuse from the ones before. Every build has one;
/// `nfk serve` keeps one between builds ([`Memos::keeping`]), the other commands use
/// [`Memos::off`].
pub struct Memos {
    /// Parsed partner folders and Markdown pages, keyed by their files' stamps (`load/stamp.rs`).
    pub(crate) partners: Memo<Loaded<Arc<RawPartner>>>,
    pub(crate) pages: Memo<Loaded<Option<RawPage>>>,
    /// Each partner's charts, keyed by `charts::partner::Input` (`charts/mod.rs`).
    pub(crate) charts: Memo<Vec<Chart>>,
    /// Template outputs, keyed by everything `render::Renderer::render_view` gives the template.
    /// UTF-8 HTML as shared bytes: a page reused is handed over, not copied.
    pub(crate) templates: Memo<bytes::Bytes>,
    /// Markdown, keyed by the text and the options of `render::markdown::render`.
    pub(crate) markdown: Memo<markdown::Rendered>,
    /// PNG files (charts, share images), keyed by the SVG they are drawn from (`render/images.rs`).
    pub(crate) images: Memo<bytes::Bytes>,
    /// The parsed theme and what parsing it found, keyed by the fingerprint of its files and
    /// languages (`theme.rs`).
    pub(crate) themes: Memo<(Option<Arc<Theme>>, Diagnostics)>,
    /// The partners as validated, with what was found in their folders; the network's figures;
    /// the network's charts and the names of each partner's, in each language: all keyed by
    /// [`PartnerKeys::all`] (with the drafts option, and the theme for the charts), so an
    /// edit of a page validates, sums and draws nothing again.
    pub(crate) validated: Memo<Arc<(Vec<Partner>, Diagnostics)>>,
    /// Each partner folder as validated on its own, keyed by [`PartnerKeys::of`] its folder:
    /// an edit of one partner validates that one again, and the rule across partners.
    pub(crate) one_partner: Memo<Arc<OneValidated>>,
    pub(crate) figures: Memo<Arc<SiteData>>,
    /// Each partner's own figures, keyed by [`PartnerKeys::of`] its folder.
    pub(crate) partner_figures: Memo<PartnerData>,
    /// Where a page's Markdown nests too deep, if it does, keyed by its text (`validate/content.rs`).
    pub(crate) depths: Memo<Option<(u32, u32)>>,
    pub(crate) network_charts: Memo<Arc<Vec<Charts>>>,
    /// The names of each partner's charts, keyed by [`PartnerKeys::of`] its folder, the theme
    /// and the language.
    pub(crate) chart_names: Memo<Vec<String>>,
    /// The links of the published partners' stories, for the link check: keyed as the figures
    /// are, so a page edit parses no story again (`validate/story.rs`).
    pub(crate) story_links: Memo<Arc<Vec<WrittenLink>>>,
    /// Whole output files, keyed by their route and the stamps of what it is made from
    /// (`render/reuse.rs`): a route whose inputs did not change is not rendered again.
    pub(crate) outputs: Memo<Output>,
    /// The paths the watcher reported changed, each with the number of the [`Memos::forget`]
    /// that last reported it: part of the stamps of what was read there ([`Memos::touched`]).
    touches: Mutex<Touches>,
}

#[derive(Default)]
struct Touches {
    /// How many times [`Memos::forget`] was called.
    generation: u64,
    paths: Vec<(PathBuf, u64)>,
}

/// Each partner folder's and Markdown page's key as load made it (`load/stamp.rs`, with
/// [`Memos::touched`]): what render compares to tell which routes' inputs are unchanged. Empty
/// when the memos keep nothing.
#[derive(Debug, Default, Clone)]
pub struct Stamps {
    /// By slug (the folder's name).
    pub partners: HashMap<String, Key>,
    /// By source path (`content/nyheter/a.md`).
    pub pages: HashMap<String, Key>,
}

impl Stamps {
    /// The stamps of the partner folders `slugs` together, in their order; `None` when one has
    /// none (the memos keep nothing, or the folder could not be stamped).
    pub fn of_partners<'s>(&self, slugs: impl IntoIterator<Item = &'s str>) -> Option<Key> {
        together(
            "partners",
            slugs.into_iter().map(|s| (s, self.partners.get(s))),
        )
    }

    /// The stamps of the pages `sources` together, in their order; `None` when one has none.
    pub fn of_pages<'s>(&self, sources: impl IntoIterator<Item = &'s str>) -> Option<Key> {
        together("pages", sources.into_iter().map(|s| (s, self.pages.get(s))))
    }

    /// The keys of what the partners as validated are made from: `site` (site.yaml as read) and
    /// every partner folder (`slugs`, in load's order) together, and each folder with `site`.
    pub fn partner_keys<'s>(
        &self,
        site: &impl std::fmt::Debug,
        slugs: impl IntoIterator<Item = &'s str>,
    ) -> PartnerKeys {
        use std::fmt::Write;
        let mut h = KeyHasher::new();
        h.text("site as read");
        let Some(()) = write!(h, "{site:?}").ok() else {
            return PartnerKeys::default();
        };
        let site = h.finish();
        let slugs: Vec<&str> = slugs.into_iter().collect();
        let each = (slugs.iter())
            .filter_map(|slug| {
                let stamp = self.partners.get(*slug)?;
                let key = KeyHasher::new()
                    .text("validated partner")
                    .number(site)
                    .text(slug)
                    .number(*stamp)
                    .finish();
                Some((slug.to_string(), key))
            })
            .collect();
        let all = self.of_partners(slugs).map(|partners| {
            (KeyHasher::new().text("validated partners"))
                .number(site)
                .number(partners)
                .finish()
        });
        PartnerKeys { all, each }
    }
}

/// What the partners as validated are made from ([`Stamps::partner_keys`]): the memos of
/// validate, aggregate and charts are keyed by it. Empty when the memos keep nothing.
#[derive(Debug, Default, Clone)]
pub struct PartnerKeys {
    /// site.yaml as read and every partner folder; `None` when one could not be stamped.
    pub all: Option<Key>,
    /// site.yaml as read and one partner folder, by slug.
    pub each: HashMap<String, Key>,
}

impl PartnerKeys {
    /// `what` made from the partner folder `slug` and site.yaml, and nothing else.
    pub fn of(&self, what: &str, slug: &str) -> Option<Key> {
        let partner = self.each.get(slug)?;
        Some(KeyHasher::new().text(what).number(*partner).finish())
    }
}

fn together<'s>(
    what: &str,
    stamps: impl Iterator<Item = (&'s str, Option<&'s Key>)>,
) -> Option<Key> {
    let mut h = KeyHasher::new();
    h.text(what);
    for (name, stamp) in stamps {
        h.text(name).number(*stamp?);
    }
    Some(h.finish())
}

impl Memos {
    pub fn keeping() -> Self {
        Memos {
            partners: Memo::keeping(),
            pages: Memo::keeping(),
            charts: Memo::keeping_under(Under::Charts),
            templates: Memo::keeping_under(Under::Templates),
            markdown: Memo::keeping_under(Under::Markdown),
            images: Memo::keeping_under(Under::Images),
            themes: Memo::keeping(),
            validated: Memo::keeping(),
            one_partner: Memo::keeping(),
            figures: Memo::keeping(),
            partner_figures: Memo::keeping(),
            depths: Memo::keeping(),
            network_charts: Memo::keeping(),
            chart_names: Memo::keeping(),
            story_links: Memo::keeping(),
            outputs: Memo::keeping(),
            touches: Mutex::default(),
        }
    }

    pub fn off() -> Self {
        Memos {
            partners: Memo::off(),
            pages: Memo::off(),
            charts: Memo::off(),
            templates: Memo::off(),
            markdown: Memo::off(),
            images: Memo::off(),
            themes: Memo::off(),
            validated: Memo::off(),
            one_partner: Memo::off(),
            figures: Memo::off(),
            partner_figures: Memo::off(),
            depths: Memo::off(),
            network_charts: Memo::off(),
            chart_names: Memo::off(),
            story_links: Memo::off(),
            outputs: Memo::off(),
            touches: Mutex::default(),
        }
    }

    /// Drops the parsed files that `paths` (absolute, as the watcher reports them) may have made
    /// stale: the pages themselves, and partner folders that hold them or lie under them. The
    /// stamps would catch most of it; this catches a same-size edit within one timestamp tick.
    ///
    /// The files' stamps alone would miss such an edit in what is kept beyond the parsed files
    /// (whole outputs), so the paths are also remembered with the number of this call, which
    /// [`Memos::touched`] then adds to the stamps of what is read under them.
    pub fn forget(&self, paths: &[PathBuf]) {
        self.partners.retain(|l| !touches(paths, &l.path));
        self.pages.retain(|l| !touches(paths, &l.path));
        if !self.partners.keeps() {
            return;
        }
        let mut touched = self.touches.lock().unwrap_or_else(|e| e.into_inner());
        touched.generation += 1;
        let generation = touched.generation;
        touched.paths.retain(|(p, _)| !paths.contains(p));
        touched
            .paths
            .extend(paths.iter().map(|p| (p.clone(), generation)));
    }

    /// `stamp` (the key of what was read at `read`) with the number of the last
    /// [`Memos::forget`] that reported a path in or around `read`: an edit the watcher saw
    /// changes the stamp even when the file's size and time did not change.
    pub fn touched(&self, stamp: Key, read: &Path) -> Key {
        let touched = self.touches.lock().unwrap_or_else(|e| e.into_inner());
        let generation = (touched.paths.iter())
            .filter(|(p, _)| touches_one(p, read))
            .map(|(_, generation)| *generation)
            .max();
        match generation {
            None => stamp,
            Some(generation) => {
                let mut h = KeyHasher::new();
                h.number(stamp).number(u128::from(generation));
                h.finish()
            }
        }
    }

    /// Drops every parsed file: read errors are kept like any other outcome, and a retried build
    /// must read again.
    pub fn forget_files(&self) {
        self.partners.clear();
        self.pages.clear();
        // Made from the parsed files under the same stamps.
        self.validated.clear();
        self.figures.clear();
        self.network_charts.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn key(n: u128) -> impl FnOnce() -> Option<Key> {
        move || Some(n)
    }

    #[test]
    fn a_value_is_made_once_and_then_reused_under_its_key() {
        let memo = Memo::keeping();
        let made = Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            "one".to_string()
        };
        let pass = memo.pass();
        assert_eq!(pass.get_or_make(key(1), make), "one");
        assert_eq!(pass.get_or_make(key(1), make), "one");
        assert_eq!(made.get(), 1);
        assert_eq!(pass.get_or_make(key(2), make), "one");
        assert_eq!(made.get(), 2, "another key: made again");
    }

    #[test]
    fn keeps_only_what_the_last_pass_used() {
        let memo = Memo::keeping();
        {
            let first = memo.pass();
            first.get_or_make(key(1), || "one".to_string());
            first.get_or_make(key(2), || "two".to_string());
        }
        assert_eq!(memo.len(), 2);
        {
            let second = memo.pass();
            let one = second.get_or_make(key(1), || unreachable!("kept from the first pass"));
            assert_eq!(one, "one");
        }
        assert_eq!(memo.len(), 1, "key 2 was not used by the second pass");
        let third = memo.pass();
        assert_eq!(third.get_or_make(key(2), || "new".to_string()), "new");
    }

    #[test]
    fn a_memo_that_is_off_makes_every_value_and_never_a_key() {
        let memo = Memo::off();
        let pass = memo.pass();
        let made = Cell::new(0);
        for _ in 0..2 {
            pass.get_or_make(
                || unreachable!("no key without a memo"),
                || made.set(made.get() + 1),
            );
        }
        assert_eq!(made.get(), 2);
        assert!(memo.is_empty());
    }

    #[test]
    fn failures_and_values_without_a_key_are_not_remembered() {
        let memo = Memo::keeping();
        let pass = memo.pass();
        assert_eq!(
            pass.try_get_or_make(key(1), || Err::<u8, _>("bad")),
            Err("bad")
        );
        assert_eq!(pass.get_or_make(|| None, || 7), 7);
        assert!(memo.is_empty());
        assert_eq!(pass.try_get_or_make(key(1), || Ok::<_, ()>(8)), Ok(8));
        assert_eq!(memo.len(), 1);
    }

    #[test]
    fn forgetting_a_path_drops_the_files_read_under_it_or_around_it() {
        let memos = Memos::keeping();
        let loaded = |path: &str| Loaded {
            path: path.into(),
            value: None,
            diagnostics: Diagnostics::new(),
        };
        {
            let pass = memos.pages.pass();
            for (n, path) in ["/s/content/a.md", "/s/content/b.md", "/s/content/c/d.md"]
                .into_iter()
                .enumerate()
            {
                pass.get_or_make(key(n as u128), || loaded(path));
            }
        }
        memos.forget(&["/s/content/a.md".into(), "/s/content/c".into()]);
        assert_eq!(memos.pages.len(), 1, "only b.md is left");
        memos.forget_files();
        assert!(memos.pages.is_empty());
    }
}
