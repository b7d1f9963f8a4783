//! Memo keys for parsed files (`crate::memo`, `nfk serve`): a rebuild after one partner's
//! `profile.yaml` changed re-reads that partner, not the other 999.
//!
//! A key is the hash of the path and of the name, size and modification time (nanoseconds on
//! the usual file systems) of every file an entry is made from, taken *before* the files are
//! read: a write during the read leaves a key that no longer matches. What the watcher reports
//! changed is also forgotten ([`crate::memo::Memos::forget`]), so a same-size edit within one
//! timestamp tick is caught too. The memo holds exactly what loading the files gives, the
//! diagnostics included, so a build with it equals a build without it.
//!
//! Granularity: one partner folder (its files together: the logo depends on `profile.yaml`), one
//! Markdown page. `site.yaml`, content assets and the theme are read every time: they are few.
//! Must not: read the files' contents (only their metadata).

use std::fs;
use std::path::Path;

use crate::memo::{Key, KeyHasher};

/// The key of the partner in `folder`: every entry of the folder (a new or removed file changes
/// the key too), by name. `None` when the folder cannot be listed: then nothing is remembered.
pub(super) fn folder_key(folder: &Path) -> Option<Key> {
    let mut files: Vec<_> = (fs::read_dir(folder).ok()?)
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut h = KeyHasher::new();
    h.text("partner folder").text(&folder.to_string_lossy());
    for file in &files {
        stamp(&mut h, file);
    }
    Some(h.finish())
}

/// The key of the page in `file`; `None` when its metadata cannot be read.
pub(super) fn file_key(file: &Path) -> Option<Key> {
    let mut h = KeyHasher::new();
    h.text("page").text(&file.to_string_lossy());
    stamp(&mut h, file)?;
    Some(h.finish())
}

/// Adds the name, size and modification time of `file`; `None` (and nothing added) when its
/// metadata cannot be read, as for a file removed meanwhile.
fn stamp(h: &mut KeyHasher, file: &Path) -> Option<()> {
    let meta = fs::metadata(file).ok()?;
    let name = file.file_name()?.to_string_lossy();
    h.text(&name).number(u128::from(meta.len()));
    // A time before 1970 cannot be serialised: it is then left out, as a missing time is.
    let modified = meta.modified().ok();
    if h.value(&modified).is_err() {
        h.byte(0);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::memo::{Loaded, Memos};

    #[test]
    fn reuses_an_unchanged_file_and_reloads_a_changed_or_forgotten_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        fs::write(&file, "one").unwrap();
        let memos = Memos::keeping();
        let loads = std::cell::Cell::new(0);
        let build = || {
            memos.pages.pass().get_or_make(
                || file_key(&file),
                || {
                    loads.set(loads.get() + 1);
                    Loaded {
                        path: file.clone(),
                        value: None,
                        diagnostics: Diagnostics::new(),
                    }
                },
            );
        };
        build();
        build();
        assert_eq!(loads.get(), 1, "unchanged: from the memo");
        fs::write(&file, "longer").unwrap();
        build();
        assert_eq!(loads.get(), 2, "a new size: loaded again");
        memos.forget(std::slice::from_ref(&file));
        build();
        assert_eq!(loads.get(), 3, "reported by the watcher: loaded again");
    }

    #[test]
    fn a_new_file_in_a_partner_folder_changes_its_key() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("profile.yaml"), "name: A").unwrap();
        let before = folder_key(dir.path()).unwrap();
        assert_eq!(folder_key(dir.path()), Some(before), "unchanged");
        fs::write(dir.path().join("logo.svg"), "<svg/>").unwrap();
        assert_ne!(folder_key(dir.path()), Some(before));
        assert_eq!(folder_key(&dir.path().join("gone")), None);
    }
}
