//! Parsed files kept between builds, for `nfk serve` (issue 6): a rebuild after one partner's
//! `profile.yaml` changed re-reads that partner, not the other 999.
//!
//! Correctness rule: a cached entry is used only when every file it was made from still has the
//! same size and modification time (nanoseconds on the usual file systems), *and* the watcher
//! has not reported any of them changed since ([`LoadCache::forget`]); so a same-size edit within
//! one timestamp tick is caught too. The cache holds exactly what loading the files gives, the
//! diagnostics included, so a build with it equals a build without it.
//!
//! Granularity: one partner folder (its files together: the logo depends on `profile.yaml`), one
//! Markdown page. `site.yaml`, content assets and the theme are read every time: they are few.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use super::{RawPage, RawPartner};
use crate::diagnostics::Diagnostics;

/// Name, size and modification time of each file an entry was made from.
type Stamp = Vec<(String, u64, Option<SystemTime>)>;

/// What loading the files gave, with the stamp of the files it was made from.
type Entry<T> = (Stamp, T, Diagnostics);

#[derive(Default)]
pub struct LoadCache {
    partners: Mutex<HashMap<PathBuf, Entry<RawPartner>>>,
    pages: Mutex<HashMap<PathBuf, Entry<Option<RawPage>>>>,
}

impl LoadCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Drops every entry that `paths` (absolute, as the watcher reports them) may have made
    /// stale: the pages themselves, and partner folders that hold them or lie under them.
    pub fn forget(&self, paths: &[PathBuf]) {
        let touched = |key: &Path| {
            paths
                .iter()
                .any(|p| p.starts_with(key) || key.starts_with(p))
        };
        lock(&self.partners).retain(|folder, _| !touched(folder));
        lock(&self.pages).retain(|file, _| !touched(file));
    }

    pub fn clear(&self) {
        lock(&self.partners).clear();
        lock(&self.pages).clear();
    }

    /// The partner in `folder`, from the cache when its files are unchanged, else from `load`.
    pub(super) fn partner(
        &self,
        folder: &Path,
        load: impl FnOnce() -> (RawPartner, Diagnostics),
    ) -> (RawPartner, Diagnostics) {
        let stamp = folder_stamp(folder);
        if let Some((cached, partner, diags)) = lock(&self.partners).get(folder)
            && stamp.is_some()
            && Some(cached) == stamp.as_ref()
        {
            return (partner.clone(), diags.clone());
        }
        let (partner, diags) = load();
        // Stamped before reading: a write during the read leaves a stamp that no longer matches.
        if let Some(stamp) = stamp {
            lock(&self.partners).insert(
                folder.to_path_buf(),
                (stamp, partner.clone(), diags.clone()),
            );
        }
        (partner, diags)
    }

    /// The page in `file`, from the cache when the file is unchanged, else from `load`.
    pub(super) fn page(
        &self,
        file: &Path,
        load: impl FnOnce() -> (Option<RawPage>, Diagnostics),
    ) -> (Option<RawPage>, Diagnostics) {
        let stamp = file_stamp(file).map(|s| vec![s]);
        if let Some((cached, page, diags)) = lock(&self.pages).get(file)
            && stamp.is_some()
            && Some(cached) == stamp.as_ref()
        {
            return (page.clone(), diags.clone());
        }
        let (page, diags) = load();
        if let Some(stamp) = stamp {
            lock(&self.pages).insert(file.to_path_buf(), (stamp, page.clone(), diags.clone()));
        }
        (page, diags)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn file_stamp(file: &Path) -> Option<(String, u64, Option<SystemTime>)> {
    let meta = fs::metadata(file).ok()?;
    let name = file.file_name()?.to_string_lossy().into_owned();
    Some((name, meta.len(), meta.modified().ok()))
}

/// Every entry of the folder (a new or removed file changes the stamp too), sorted by name.
fn folder_stamp(folder: &Path) -> Option<Stamp> {
    let mut stamp: Stamp = fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| file_stamp(&e.path()))
        .collect();
    stamp.sort();
    Some(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(rel: &str) -> (Option<RawPage>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let page = super::super::split_page(rel.into(), "---\ntitle: A\n---\n", &mut diags);
        (Some(page), diags)
    }

    #[test]
    fn reuses_an_unchanged_file_and_reloads_a_changed_or_forgotten_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        fs::write(&file, "one").unwrap();
        let cache = LoadCache::new();
        let loads = std::cell::Cell::new(0);
        let get = || {
            cache.page(&file, || {
                loads.set(loads.get() + 1);
                page("content/a.md")
            })
        };
        get();
        get();
        assert_eq!(loads.get(), 1, "unchanged: from the cache");
        fs::write(&file, "longer").unwrap();
        get();
        assert_eq!(loads.get(), 2, "a new size: loaded again");
        cache.forget(std::slice::from_ref(&file));
        get();
        assert_eq!(loads.get(), 3, "reported by the watcher: loaded again");
    }
}
