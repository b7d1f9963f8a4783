//! Template outputs remembered between builds, for `nfk serve` (issue 6): after one partner's
//! edit, the 2,000 content pages whose inputs did not change are not rendered again.
//!
//! A rendered template is a pure function of the theme (templates, filters, UI strings), the
//! `site` view, the page's path and the values the page inserts into its context. The memo keys
//! each output by a 128-bit hash (xxh3) of exactly those, fed in through their `Serialize`
//! impls (`crate::keyhash`), and
//! [`Renderer::render_view`](super::Renderer::render_view) builds the context from the same value
//! it hashes, so no input can be left out of the key. Equal keys mean equal inputs (a collision
//! among a few thousand outputs has a probability near 2⁻¹⁰⁰), so equal output: a build with the
//! memo equals a build without it.
//!
//! Markdown is memoised the same way, keyed by the text and the options of
//! [`markdown::render`](super::markdown::render), a pure function of them.
//!
//! Entries not used by a build are dropped at its end ([`RenderMemo::sweep`]), so the memo holds
//! one site's worth of pages and never grows with the number of edits.

use std::collections::HashMap;
use std::sync::Mutex;

use super::markdown::Rendered;
pub use crate::keyhash::{Key, KeyHasher};

#[derive(Default)]
pub struct RenderMemo {
    templates: Mutex<HashMap<Key, Entry<String>>>,
    markdown: Mutex<HashMap<Key, Entry<Rendered>>>,
    /// How many builds have used the memo: the number of the current one ([`RenderMemo::begin`]).
    passes: Mutex<u64>,
}

struct Entry<T> {
    value: T,
    /// The pass (build) that last used it.
    used: u64,
}

fn get<T: Clone>(map: &Mutex<HashMap<Key, Entry<T>>>, key: Key, pass: u64) -> Option<T> {
    let mut entries = lock(map);
    let entry = entries.get_mut(&key)?;
    entry.used = pass;
    Some(entry.value.clone())
}

fn put<T>(map: &Mutex<HashMap<Key, Entry<T>>>, key: Key, pass: u64, value: T) {
    lock(map).insert(key, Entry { value, used: pass });
}

impl RenderMemo {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a build's pass over the memo: entries used from now on are kept by the next
    /// [`RenderMemo::sweep`]. Returns the pass's number.
    pub(crate) fn begin(&self) -> u64 {
        let mut passes = lock(&self.passes);
        *passes += 1;
        *passes
    }

    pub(crate) fn get(&self, key: Key, pass: u64) -> Option<String> {
        get(&self.templates, key, pass)
    }

    pub(crate) fn put(&self, key: Key, pass: u64, output: &str) {
        put(&self.templates, key, pass, output.to_string());
    }

    pub(crate) fn get_markdown(&self, key: Key, pass: u64) -> Option<Rendered> {
        get(&self.markdown, key, pass)
    }

    pub(crate) fn put_markdown(&self, key: Key, pass: u64, rendered: &Rendered) {
        put(&self.markdown, key, pass, rendered.clone());
    }

    /// Drops what pass number `pass` did not use.
    pub(crate) fn sweep(&self, pass: u64) {
        lock(&self.templates).retain(|_, e| e.used == pass);
        lock(&self.markdown).retain(|_, e| e.used == pass);
    }

    /// Entries held (templates and Markdown texts).
    pub fn len(&self) -> usize {
        lock(&self.templates).len() + lock(&self.markdown).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_inputs_give_equal_keys_and_any_change_another() {
        let key =
            |a: &str, b: &serde_json::Value| KeyHasher::new().text(a).value(b).unwrap().finish();
        let v = serde_json::json!({"page": {"title": "A", "n": 1.5}});
        assert_eq!(key("page.html", &v), key("page.html", &v));
        assert_ne!(key("page.html", &v), key("page2.html", &v));
        let w = serde_json::json!({"page": {"title": "A", "n": 1.6}});
        assert_ne!(key("page.html", &v), key("page.html", &w));
    }

    #[test]
    fn keeps_only_what_the_last_build_used() {
        let memo = RenderMemo::new();
        let first = memo.begin();
        memo.put(1, first, "one");
        memo.put(2, first, "two");
        memo.sweep(first);
        let second = memo.begin();
        assert_eq!(memo.get(1, second).as_deref(), Some("one"));
        memo.sweep(second);
        assert_eq!(memo.len(), 1);
        assert_eq!(memo.get(2, memo.begin()), None);
    }
}
